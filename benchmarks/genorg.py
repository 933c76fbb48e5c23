#!/usr/bin/env python3
"""Generate synthetic, valid orgviz org files of an exact size, for tests and benchmarks.

    python benchmarks/genorg.py 20000 -o /tmp/org-20k.yaml [--seed 0]

or, from Python (after putting benchmarks/ on sys.path):

    from genorg import generate_org
    text = generate_org(20_000, seed=0)

The same (n, seed) always gives byte-identical text. The tree has realistic spans (3-12
under ordinary managers, a few 40+ wide teams once n >= 1000), depth growing with n (6-8
levels from a few hundred positions up), role levels that fall strictly with each solid
reporting line (ceo > c-level > vp > head > director > manager > lead > ICs), product
leadership in the CPO line (CPO > VP > Head > Director of Product), about 3% open positions
(always leaves), a few dotted lines, an executive assistant, and one team per function and
area. `org.size` follows n (small < 40 <= mid-size < 600 <= enterprise); whenever the
structure exceeds that profile's default span or depth, the file carries a `rules:`
override, so a correct validator reports no errors and no warnings.
"""

from __future__ import annotations

import argparse
import itertools
import json
import math
import random
import re
import sys
from pathlib import Path

FIRST = (  # noqa: SIM905 - a word list reads better as one string
    "Aaliyah Abdul Ada Adaeze Ahmed Aiko Aisha Akira Alejandro Amara Amina Anders Andrea "
    "Andrei Anika Anjali Arjun Astrid Ayesha Beatriz Benjamin Bilal Bongani Bruno Camila "
    "Carlos Carmen Chen Chidi Chloe Dalia Daniel Dario Deepika Diego Dmitri Elena Elif Emeka "
    "Emma Esther Ethan Fatima Felipe Freya Gabriel Grace Hamza Hana Hannah Haruto Hassan "
    "Helena Ibrahim Ingrid Isabel Jamal Javier Jia Jin Joao Jonas Jorge Julia Kai Kalani "
    "Kamal Karim Kavya Kenji Kwame Laila Lars Layla Liam Lucia Luis Maya Mariam Marta Mateo "
    "Mei Mohammed Nadia Naveen Nia Nikhil Nina Noah Olga Omar Oskar Paolo Pooja Priya Rafael "
    "Rahul Rania Ravi Rebecca Rohan Rosa Ruth Sakura Samuel Sanjay Santiago Sara Sofia Tariq "
    "Tendai Thabo Tomas Valentina Vikram Wanjiru Wei Xavier Yara Yasmin Yusuf Zainab Zara"
).split()
LAST = (  # noqa: SIM905 - a word list reads better as one string
    "Abe Achebe Adeyemi Agarwal Ahmadi Akhtar Alvarez Andersen Appiah Arslan Asante Banerjee "
    "Barros Becker Bello Bianchi Bose Brennan Brown Campbell Cardoso Castro Chen Cohen Costa "
    "Dang Das Delgado Diallo Dimitrov Dlamini Eze Farouk Fernandes Fischer Flores Garcia "
    "Ghosh Goldberg Gomez Gupta Haddad Hansen Hernandez Hoang Holm Hughes Ibrahim Ito Jackson "
    "Jensen Johansson Joshi Kamau Kapoor Karimi Kato Kaur Khan Kim Kowalski Kumar Larsen Lee "
    "Lopez Malik Martin Mehta Mendes Mensah Moreau Morales Moyo Murphy Nakamura Nair Ndlovu "
    "Nguyen Novak Nwosu Obi Okafor Olsen Ortiz Osei Owusu Park Patel Pereira Petrov Pham "
    "Popescu Qureshi Rahman Ramos Rao Reddy Reyes Rossi Sahin Santos Sato Schmidt Shah Silva "
    "Singh Suzuki Tan Tanaka Taylor Torres Tran Vargas Wagner Walker Wang Watanabe Weber "
    "Wright Yamamoto Yilmaz Zhang Zhou"
).split()
AREAS = (  # noqa: SIM905 - a word list reads better as one string
    "Payments Platform Growth Marketplace Identity Search Checkout Billing Analytics Mobile "
    "Web Infrastructure Data Security Integrations Onboarding Notifications Pricing Risk "
    "Logistics Catalog Messaging Partnerships Reliability Storage Ads Insights Compliance "
    "Support Retention"
).split()
SUBAREAS = [
    "Checkout",
    "Wallets",
    "Payouts",
    "Treasury",
    "Disputes",
    "Fraud",
    "Onboarding",
    "Activation",
    "Pricing",
    "Subscriptions",
    "Lifecycle",
    "Retention",
    "Search",
    "Discovery",
    "Listings",
    "Recommendations",
    "Mobile",
    "Web",
    "APIs",
    "SDKs",
    "Permissions",
    "Authentication",
    "Notifications",
    "Messaging",
    "Invoicing",
    "Tax",
    "Ledger",
    "Reporting",
    "Dashboards",
    "Experimentation",
    "Localization",
    "Accessibility",
    "Performance",
    "Observability",
    "Streaming",
    "Networking",
    "Compute",
    "Developer Tools",
    "Build & CI",
    "Release",
    "Shipping",
    "Returns",
    "Inventory",
    "Loyalty",
    "Referrals",
    "Privacy",
    "Content Moderation",
    "Admin Tools",
]
REGIONS = [
    "EMEA",
    "Americas",
    "APAC",
    "North America",
    "Latin America",
    "DACH",
    "Nordics",
    "UK & Ireland",
    "France",
    "Benelux",
    "Iberia",
    "Italy",
    "India",
    "Japan",
    "ANZ",
    "Southeast Asia",
    "Middle East",
    "Africa",
    "Canada",
    "Brazil",
    "Mexico",
    "Korea",
]
SEGMENTS = [
    "Enterprise",
    "Mid-Market",
    "SMB",
    "Strategic Accounts",
    "Public Sector",
    "Commercial",
    "Inbound",
    "Outbound",
    "Renewals",
    "Partners",
    "Self-Serve",
]
_TECH = {"product", "engineering", "design", "security", "data"}
PALETTE = [
    "#4C78A8",
    "#F58518",
    "#54A24B",
    "#E45756",
    "#72B7B2",
    "#EECA3B",
    "#B279A2",
    "#FF9DA6",
    "#9D755D",
    "#BAB0AC",
    "#2B5B8A",
    "#B85F0B",
    "#2E7030",
    "#8C6D31",
]

# Manager levels from the top, as (level key, rank); each path uses them strictly in order.
LEVELS = ["ceo", "c-level", "vp", "head", "director", "manager", "lead"]
PLANS = {  # manager layers -> which levels they use
    1: ["ceo"],
    2: ["ceo", "manager"],
    3: ["ceo", "vp", "manager"],
    4: ["ceo", "vp", "director", "manager"],
    5: ["ceo", "c-level", "vp", "director", "manager"],
    6: ["ceo", "c-level", "vp", "head", "director", "manager"],
    7: ["ceo", "c-level", "vp", "head", "director", "manager", "lead"],
}
# Functions given to the CEO's manager reports, in order: (key, name, c-level (title, role)).
FUNCTIONS = [
    ("product", "Product", ("Chief Product Officer", "cpo")),
    ("engineering", "Engineering", ("Chief Technology Officer", "cto")),
    ("support", "Customer Support", ("Chief Customer Officer", "c-level")),
    ("sales", "Sales", ("Chief Revenue Officer", "cro")),
    ("design", "Design", ("Chief Design Officer", "cdo")),
    ("marketing", "Marketing", ("Chief Marketing Officer", "cmo")),
    ("finance", "Finance", ("Chief Financial Officer", "cfo")),
    ("people", "People", ("Chief People Officer", "chro")),
    ("operations", "Operations", ("Chief Operating Officer", "coo")),
    ("security", "Security", ("Chief Information Security Officer", "ciso")),
    ("legal", "Legal", ("General Counsel", "c-level")),
    ("data", "Data", ("Chief Data Officer", "c-level")),
]
# (title, role) per function and manager level; "{a}" is the area.
_MGR = {
    "product": {
        "vp": ("VP of Product, {a}", "vp-product"),
        "head": ("Head of Product, {a}", "head-of-product"),
        "director": ("Director of Product, {a}", "director-of-product"),
        "manager": ("Group Product Manager, {a}", "group-pm"),
        "lead": ("Lead Product Manager, {a}", "senior-pm"),
    },
    "engineering": {
        "vp": ("VP of Engineering, {a}", "vp-engineering"),
        "head": ("Head of Engineering, {a}", "head-of-engineering"),
        "director": ("Director of Engineering, {a}", "director-of-engineering"),
        "manager": ("Engineering Manager, {a}", "engineering-manager"),
        "lead": ("Tech Lead, {a}", "staff-engineer"),
    },
    "design": {
        "vp": ("VP of Design, {a}", "vp-design"),
        "head": ("Head of Design, {a}", "head-of-design"),
        "director": ("Director of Design, {a}", "director-of-design"),
        "manager": ("Design Manager, {a}", "design-manager"),
        "lead": ("Lead Designer, {a}", "senior-designer"),
    },
}
_GENERIC_MGR = {
    "vp": ("VP of {f}, {a}", "vp"),
    "head": ("Head of {f}, {a}", "head"),
    "director": ("Director of {f}, {a}", "director"),
    "manager": ("{f} Manager, {a}", "manager"),
    "lead": ("{f} Team Lead, {a}", "senior-ic"),
}
# Leaf (senior, mid, junior) (title, role) per function.
_IC = {
    "product": [
        ("Senior Product Manager", "senior-pm"),
        ("Product Manager", "pm"),
        ("Associate Product Manager", "apm"),
    ],
    "engineering": [
        ("Senior Software Engineer", "senior-engineer"),
        ("Software Engineer", "engineer"),
        ("Associate Software Engineer", "associate-engineer"),
    ],
    "design": [
        ("Senior Product Designer", "senior-designer"),
        ("Product Designer", "designer"),
        ("Associate Product Designer", "associate-designer"),
    ],
    "sales": [
        ("Senior Account Executive", "senior-ic"),
        ("Account Executive", "ic"),
        ("Sales Development Representative", "associate"),
    ],
    "marketing": [
        ("Senior Marketing Manager", "senior-ic"),
        ("Marketing Manager", "ic"),
        ("Marketing Associate", "associate"),
    ],
    "finance": [
        ("Senior Financial Analyst", "senior-ic"),
        ("Financial Analyst", "analyst"),
        ("Finance Associate", "associate"),
    ],
    "people": [
        ("Senior People Partner", "senior-ic"),
        ("People Partner", "ic"),
        ("People Coordinator", "associate"),
    ],
    "operations": [
        ("Senior Operations Analyst", "senior-ic"),
        ("Operations Analyst", "analyst"),
        ("Operations Associate", "associate"),
    ],
    "support": [
        ("Senior Support Specialist", "senior-ic"),
        ("Customer Support Specialist", "ic"),
        ("Associate Support Specialist", "associate"),
    ],
    "security": [
        ("Senior Security Engineer", "senior-engineer"),
        ("Security Engineer", "engineer"),
        ("Associate Security Engineer", "associate-engineer"),
    ],
    "legal": [("Senior Counsel", "senior-ic"), ("Counsel", "ic"), ("Paralegal", "associate")],
    "data": [
        ("Senior Data Scientist", "senior-ic"),
        ("Data Scientist", "ic"),
        ("Data Analyst", "analyst"),
    ],
}
_FUNC_NAME = {key: name for key, name, _ in FUNCTIONS}
_FUNC_CLEVEL = {key: clevel for key, _, clevel in FUNCTIONS}
MIN_MGR = 4  # smallest manager subtree: a manager and 3 reports
WIDE_MIN, WIDE_MAX = 40, 56  # span of the wide (flat) teams
PROFILE = {"small": (8, 4), "mid-size": (10, 6), "enterprise": (12, 9)}  # default (span, layers)

_PLAIN = re.compile(r"[A-Za-z][A-Za-z0-9 .'&()/-]*")
_RESERVED = {"y", "n", "yes", "no", "on", "off", "true", "false", "null"}


def _q(s: str) -> str:
    """A YAML flow scalar for s: plain when unambiguous, else double-quoted."""
    if _PLAIN.fullmatch(s) and s.lower() not in _RESERVED:
        return s
    return json.dumps(s)


def size_profile(n: int) -> str:
    return "small" if n < 40 else "mid-size" if n < 600 else "enterprise"


def manager_layers(n: int) -> int:
    """How many manager levels a tree of n positions uses (the leaves add one more)."""
    if n <= 1:
        return 0
    layers = max(1, math.ceil(math.log(n) / math.log(6.5)))
    if n >= 300:
        layers = max(layers, 5)
    return min(layers, 7)


class _Gen:
    def __init__(self, n: int, seed: int) -> None:
        self.n = n
        self.rng = random.Random(seed * 1_000_003 + n)
        self.size = size_profile(n)
        self.smax = PROFILE[self.size][0]
        self.layers = manager_layers(n)
        self.plan = PLANS.get(self.layers, ["ceo"])
        # cap[r]: the largest subtree a manager with r manager layers below it can hold
        self.cap = [1 + self.smax]
        for _ in range(8):
            self.cap.append(1 + self.smax * self.cap[-1])
        self.wide = n >= 1000
        self.wide_needed = 1 if self.wide else 0
        self.lines: list[str] = []
        self.teams: dict[str, tuple[str, str | None, str]] = {}  # id -> (name, parent, lead)
        self.count = 0
        self.max_span = 0
        self.max_depth = 0
        self.senior_ids: list[str] = []  # directors and above, for dotted lines

    # -- ids, names, teams ----------------------------------------------------------------
    def _new_id(self) -> str:
        self.count += 1
        return f"p{self.count:06d}"

    def _name(self) -> str:
        r = self.rng.random
        return f"{FIRST[int(r() * len(FIRST))]} {LAST[int(r() * len(LAST))]}"

    def _team(self, func: str, area: str | None, lead: str) -> str:
        if area is None:
            tid = func
            if tid not in self.teams:
                self.teams[tid] = (_FUNC_NAME[func], "exec", lead)
            return tid
        tid = f"{func}-{re.sub('[^a-z0-9]+', '-', area.lower()).strip('-')}"
        if tid not in self.teams:
            self._team(func, None, lead)
            self.teams[tid] = (f"{_FUNC_NAME[func]}: {area}", func, lead)
        return tid

    # -- emit -----------------------------------------------------------------------------------
    def _emit(
        self,
        pid: str,
        title: str,
        role: str,
        boss: str | None,
        team: str,
        *,
        vacant: bool = False,
        assistant: bool = False,
        dotted: str | None = None,
    ) -> None:
        parts = [f"id: {pid}"]
        if not vacant:
            parts.append(f"name: {self._name()}")
        parts.append(f"title: {_q(title)}")
        parts.append(f"role: {role}")
        if boss is not None:
            parts.append(f"reports_to: {boss}")
        if dotted is not None:
            parts.append(f"dotted_to: {dotted}")
        parts.append(f"team: {team}")
        if vacant:
            parts.append("vacant: true")
        if assistant:
            parts.append("assistant: true")
        self.lines.append("  - {" + ", ".join(parts) + "}")

    # -- tree -------------------------------------------------------------------------------------
    def _split(self, total: int, r: int, k_min: int = 3, max_leaves: int = 2) -> list[int]:
        """Child subtree sizes (1 = a leaf) for a manager with `total` people below it and `r`
        manager layers available below it (r >= 1)."""
        rng = self.rng
        if total <= 3 or (total <= self.smax and rng.random() < 0.5):
            return [1] * total
        capc = self.cap[r - 1]
        k = round(total ** (1.0 / (r + 1)) * (0.8 + 0.45 * rng.random()))
        k = max(k_min, min(self.smax, k, total))
        leaves = min(k - 1, max_leaves, (0, 0, 0, 1, 1, 2)[int(rng.random() * 6)])
        m = k - leaves
        while m * capc + leaves < total:  # too few or too small subtrees: grow
            if m + leaves < self.smax:
                m += 1
            elif leaves:
                leaves -= 1
                m += 1
            else:
                raise ValueError(f"cannot fit {total} positions")
        while m and total - leaves < MIN_MGR * m:  # too many subtrees: turn some into leaves
            m -= 1
            leaves += 1
        if m == 0:
            return [1] * total if total <= self.smax else self._split(total, r)
        if m + leaves == 1:  # never a manager with a single report
            leaves, m = 1, 1
            if total - 1 < MIN_MGR:
                return [1] * total
        budget = total - leaves
        extra = budget - MIN_MGR * m
        weights = [0.4 + rng.random() for _ in range(m)]
        wsum = sum(weights)
        parts = [MIN_MGR + int(extra * w / wsum) for w in weights]
        rest = budget - sum(parts)
        i = 0
        while rest:
            parts[i % m] += 1
            rest -= 1
            i += 1
        # clip to capacity, pushing the excess to siblings with room
        over = 0
        for i, p in enumerate(parts):
            if p > capc:
                over += p - capc
                parts[i] = capc
        i = 0
        while over:
            room = capc - parts[i % m]
            if room > 0:
                take = min(room, over)
                parts[i % m] += take
                over -= take
            i += 1
        return parts + [1] * leaves

    def build(self) -> None:
        n = self.n
        ceo = self._new_id()
        self.teams["exec"] = ("Executive Office", None, ceo)
        self._emit(ceo, "Chief Executive Officer", "ceo", None, "exec")
        self.max_depth = 1
        if n == 1:
            return
        if self.layers == 1:
            for _ in range(n - 1):
                pid = self._new_id()
                self._emit(pid, "Founding Engineer", "engineer", ceo, "exec")
            self.max_span = n - 1
            self.max_depth = 2
            return
        assistant = n >= 12  # the CEO's executive assistant
        big = n >= 300  # a real executive team: 6+ functions
        sizes = self._split(
            n - 1 - assistant, self.layers - 1, k_min=7 if big else 3, max_leaves=1 if big else 2
        )
        managers = sorted((s for s in sizes if s > 1), reverse=True)
        leaves = len(sizes) - len(managers)
        self.max_span = max(self.max_span, len(sizes))
        if assistant:
            self._emit(
                self._new_id(),
                "Executive Assistant to the CEO",
                "executive-assistant",
                ceo,
                "exec",
                assistant=True,
            )
        for i, s in enumerate(managers):
            func = FUNCTIONS[i % len(FUNCTIONS)][0]
            self._manager(ceo, s, 1, func, None, None, i)
        for j in range(leaves):
            title, role = [
                ("Chief of Staff", "director"),
                ("Strategy Lead", "senior-ic"),
                ("Business Analyst", "analyst"),
            ][min(j, 2)]
            self._emit(self._new_id(), title, role, ceo, "exec")
        self.max_depth = max(self.max_depth, 2)

    def _manager(
        self,
        boss: str,
        size: int,
        layer: int,
        func: str,
        team: str | None,
        area: str | None,
        idx: int,
        wide: bool = False,
    ) -> None:
        """Emit a manager at `layer` (0 = CEO) heading a subtree of `size`, then the subtree.

        `area` names what the manager runs (None for a function's top manager); `team` is
        inherited from the manager above, or None for a function's top two layers, which get
        the function's team and one team per area below it."""
        rng = self.rng
        pid = self._new_id()
        level = self.plan[layer]
        fname = _FUNC_NAME[func]
        if wide:  # a flat team: support or sales floor
            title, role = _GENERIC_MGR[level]
            title, func_name = title.format(f=fname, a=area), func
            if team is None:
                team = self._team(func, area, pid)
        else:
            if level == "c-level":
                title, role = _FUNC_CLEVEL[func]
            else:
                title, role = _MGR.get(func, _GENERIC_MGR)[level]
                if area is None:  # the function's top manager: no area
                    title = title.replace(", {a}", "")
                title = title.format(f=fname, a=area)
            func_name = func
            if team is None:
                team = self._team(func, area, pid)
        dotted = None
        if level in ("manager", "lead") and self.senior_ids and rng.random() < 0.04:
            dotted = self.senior_ids[int(rng.random() * len(self.senior_ids))]
            if dotted == boss:
                dotted = None
        self._emit(pid, title, role, boss, team, dotted=dotted)
        if level in ("c-level", "vp", "head", "director"):
            self.senior_ids.append(pid)
        depth = layer + 1
        r = len(self.plan) - layer - 1  # manager layers available below
        total = size - 1
        if wide or r == 0:
            sizes = [1] * total
        else:
            sizes = []
            if (
                self.wide
                and func in ("support", "sales")
                and (
                    (total >= 120 and rng.random() < 0.3)
                    or (self.wide_needed and total >= WIDE_MIN + 10)
                )
            ):
                w = WIDE_MIN + int(rng.random() * (WIDE_MAX - WIDE_MIN + 1))
                w = min(w, total - 9)  # leave room for at least two more reports
                sizes.append(-(w + 1))  # negative marks a wide, flat team
                total -= w + 1
                self.wide_needed = 0
            sizes += self._split(total, r)
        self.max_span = max(self.max_span, len(sizes))
        n_mgr = 0
        leaf_levels = _IC.get(func_name, _IC["operations"])
        tech = func in _TECH
        for s in sizes:
            if s == 1:
                self._leaf(pid, level, leaf_levels, team, depth + 1)
                continue
            if area is None:  # first split of a function: its lines
                pool = AREAS if tech else REGIONS
                sub_area, sub_team = pool[(idx * 7 + n_mgr) % len(pool)], None
            else:
                pool = SUBAREAS if tech else SEGMENTS
                sub_area, sub_team = pool[int(rng.random() * len(pool))], team
            self._manager(pid, abs(s), layer + 1, func, sub_team, sub_area, n_mgr, wide=s < 0)
            n_mgr += 1

    def _leaf(
        self, boss: str, boss_level: str, levels: list[tuple[str, str]], team: str, depth: int
    ) -> None:
        rng = self.rng
        x = rng.random()
        if boss_level == "lead":  # under a senior-ic lead: mid or junior only
            title, role = levels[1] if x < 0.8 else levels[2]
        else:
            title, role = levels[0] if x < 0.25 else levels[1] if x < 0.85 else levels[2]
        vacant = rng.random() < 0.03
        dotted = None
        if not vacant and self.senior_ids and rng.random() < 0.005:
            dotted = self.senior_ids[int(rng.random() * len(self.senior_ids))]
            if dotted == boss:
                dotted = None
        self._emit(self._new_id(), title, role, boss, team, vacant=vacant, dotted=dotted)
        if depth > self.max_depth:
            self.max_depth = depth

    # -- file -------------------------------------------------------------------------------------
    def text(self, seed: int) -> str:
        span_default, layer_default = PROFILE[self.size]
        head = [
            "# yaml-language-server: $schema=../src/orgviz/schema.json",
            f"# Generated by benchmarks/genorg.py: {self.n} positions, seed {seed}.",
            "orgviz: 1",
            "org:",
            f"  name: Synthetic Org {self.n}",
            f"  size: {self.size}",
            "teams:",
        ]
        for i, (tid, (name, parent, lead)) in enumerate(self.teams.items()):
            head.append(
                f'  - {{id: {tid}, name: {_q(name)}, color: "{PALETTE[i % len(PALETTE)]}", '
                f"parent: {parent or 'null'}, lead: {lead}}}"
            )
        head.append("people:")
        tail = []
        rules = []
        if self.max_span > span_default:
            rules.append(
                f"  span-of-control: {{max: {self.max_span}}}  # flat support and sales teams"
            )
        if self.max_depth > layer_default:
            rules.append(f"  layers: {{max: {self.max_depth}}}")
        if self.n == 2:
            rules.append("  single-report: off  # a two-person org has one report by necessity")
        if rules:
            tail = ["rules:", *rules]
        return "\n".join(head + self.lines + tail) + "\n"


def generate_org(n: int, seed: int = 0) -> str:
    """Return the YAML text of a valid org file with exactly `n` positions."""
    if n < 1:
        raise ValueError("n must be at least 1")
    g = _Gen(n, seed)
    g.build()
    assert g.count == n, (g.count, n)
    return g.text(seed)


def generate_deep_org(n: int, chains: int = 4, length: int = 150, seed: int = 0) -> str:
    """A broken org of exactly `n` positions, hundreds of rows deep: `generate_org(n, seed)`
    with `chains` reporting chains of `length` individual contributors, each reporting to
    the one before (ICs managing ICs: the levels no longer fall, so every link of a chain is
    a row of its own, pushed below its manager's).

    The chain members are leaves of the generated org (never the assistant), so re-pointing
    them makes no cycle; the first of each chain keeps its manager."""
    text = generate_org(n, seed)
    rng = random.Random(seed * 7_919 + n)
    lines = text.split("\n")
    managers = set(re.findall(r"reports_to: (p\d+)", text))
    leaves = [i for i, line in enumerate(lines) if line.startswith("  - {id: p")
              and "reports_to:" in line and "assistant: true" not in line
              and line[9:16] not in managers]
    picked = rng.sample(leaves, min(len(leaves), chains * length))
    for start in range(0, len(picked), length):
        chain = picked[start : start + length]
        for before, index in itertools.pairwise(chain):
            boss = lines[before][9:16]
            lines[index] = re.sub(r"reports_to: p\d+", f"reports_to: {boss}", lines[index])
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Generate a synthetic orgviz org file.")
    ap.add_argument("n", type=int, help="number of positions")
    ap.add_argument("-o", "--output", type=Path, help="output file (default: stdout)")
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args(argv)
    if args.n < 1:
        ap.error("n must be at least 1")
    text = generate_org(args.n, args.seed)
    if args.output:
        args.output.write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
