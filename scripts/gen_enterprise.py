#!/usr/bin/env python3
"""Generate orgs/enterprise.yaml, the enterprise example org, deterministically.

The company ("Northwind Commerce") has a CEO, a CPO with four product lines run by VPs of
Product (Payments, Platform, Growth, Marketplace) plus a Trust & Safety line run by a Head of
Product, a VP of Design with design directors per line, a CTO with a VP of Engineering per
line, and smaller C-level functions (finance, operations with a wide customer-support team,
marketing, revenue, people, legal). Names come from fixed lists and a fixed seed, so running

    python scripts/gen_enterprise.py

rewrites orgs/enterprise.yaml byte-identically. `--check` exits 1 when the file is stale.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from pathlib import Path

SEED = 20261101
OUT = Path(__file__).resolve().parent.parent / "orgs" / "enterprise.yaml"

FIRST_NAMES = (  # noqa: SIM905 - a word list reads better as one string
    "Aaliyah Abdul Ada Adaeze Adebayo Adriana Ahmed Aiko Aisha Akira Alejandro Alessia Amara "
    "Amina Anders Andrea Andrei Ángel Ana Anika Anjali Arjun Astrid Ayesha Aziz Beatriz "
    "Benjamin Bilal Bongani Bruno Camila Carlos Carmen Catalina Chen Chidi Chinedu Chloe "
    "Dalia Daniel Dario Darnell Deepika Diego Dmitri Ebony Elena Elif Emeka Emma Esther Ethan "
    "Fatima Felipe Freya Gabriel Grace Hamza Hana Hannah Haruto Hassan Helena Hiroshi Ibrahim "
    "Ife Ingrid Isabel Ismail Jamal Javier Jia Jin Joao Jonas Jorge Joseph Julia Julian Kai "
    "Kalani Kamal Karim Katarzyna Kavya Kenji Kwame Laila Lars Layla Leila Liam Lucia Luis "
    "Maya Mariam Marta Mateo Mei Mohammed Nadia Naveen Nia Nikhil Nina Noah Nomvula Olga Omar "
    "Oskar Paolo Pooja Priya Rafael Rahul Rania Ravi Rebecca Rohan Rosa Ruth Sakura Samuel "
    "Sanjay Santiago Sara Sebastian Seo-yeon Shira Sipho Sofia Soren Tariq Tendai Thabo Tomas "
    "Valentina Vikram Wanjiru Wei Xavier Yara Yasmin Yusuf Zainab Zara Zoltan"
).split()
# Diacritics would be realistic, but the generated names stay plain ASCII for greppable ids.
FIRST_NAMES = [n for n in FIRST_NAMES if n.isascii()]

LAST_NAMES = (  # noqa: SIM905 - a word list reads better as one string
    "Abara Abe Achebe Adeyemi Agarwal Ahmadi Akhtar Al-Amin Alvarez Andersen Appiah Arslan "
    "Asante Bakshi Banerjee Barros Becker Bello Bergstrom Bianchi Bose Brennan Brown Campbell "
    "Cardoso Castro Chaudhry Chen Chowdhury Cohen Costa Dang Das Delgado Diallo Dimitrov "
    "Dlamini Douglas Duarte Eze Farouk Fernandes Fischer Flores Fujita Garcia Ghosh Goldberg "
    "Gomez Gupta Haddad Hansen Hashemi Hernandez Hoang Holm Hughes Ibrahim Ito Ivanova "
    "Jackson Jensen Johansson Joshi Kamau Kapoor Karimi Kato Kaur Khan Kim Kowalski Kruger "
    "Kumar Larsen Lee Lopez Mahlangu Malik Martin Mbeki Mehta Mendes Mensah Moreau Morales "
    "Moyo Murphy Nakamura Nair Ndlovu Nguyen Novak Nwosu Obi Odhiambo Okafor Okonkwo Olsen "
    "Ortiz Osei Owusu Park Patel Pereira Petrov Pham Popescu Qureshi Rahman Ramos Rao Reddy "
    "Reyes Rossi Sahin Santos Sato Schmidt Shah Silva Singh Sokolov Suzuki Tan Tanaka Taylor "
    "Torres Tran Usman Vargas Vasquez Wagner Walker Wang Watanabe Weber Wright Yamamoto "
    "Yilmaz Yusuf Zhang Zhou"
).split()

# Product lines run by a VP of Product: (key, name, hub cities, team colours
# (product, design, engineering), three product areas each with two sub-areas).
LINES = [
    (
        "payments",
        "Payments",
        ["London", "Amsterdam", "Dublin"],
        ("#BEBADA", "#88AAFF", "#7777BB"),
        [
            ("Checkout", ["Hosted Checkout", "Wallets"]),
            ("Payouts", ["Merchant Payouts", "Treasury"]),
            ("Risk & Fraud", ["Fraud Detection", "Disputes"]),
        ],
    ),
    (
        "platform",
        "Platform",
        ["Berlin", "Toronto", "Warsaw"],
        ("#8DB600", "#A8D89A", "#667711"),
        [
            ("Developer Platform", ["APIs & SDKs", "Developer Portal"]),
            ("Identity", ["Authentication", "Permissions"]),
            ("Data Products", ["Data Pipelines", "Analytics Platform"]),
        ],
    ),
    (
        "growth",
        "Growth",
        ["San Francisco", "New York", "Austin"],
        ("#FF7F0E", "#FDBF6F", "#BB5500"),
        [
            ("Activation", ["Onboarding", "Experimentation"]),
            ("Monetization", ["Pricing", "Subscriptions"]),
            ("Lifecycle", ["Notifications", "Retention"]),
        ],
    ),
    (
        "marketplace",
        "Marketplace",
        ["Singapore", "Bengaluru", "Sydney"],
        ("#BB9999", "#886688", "#DD2299"),
        [
            ("Buyer Experience", ["Search", "Product Pages"]),
            ("Seller Tools", ["Listings", "Seller Analytics"]),
            ("Logistics", ["Shipping", "Returns"]),
        ],
    ),
]
HQ = ["Seattle", "Seattle", "New York", "London", "Remote"]

_PLAIN = re.compile(r"[A-Za-z][A-Za-z0-9 .'&()/-]*")
_RESERVED = {"y", "n", "yes", "no", "on", "off", "true", "false", "null"}


def yaml_str(s: str) -> str:
    """A YAML flow scalar for `s`: plain when unambiguous, else double-quoted."""
    if _PLAIN.fullmatch(s) and s.lower() not in _RESERVED and not s.endswith(" "):
        return s
    return json.dumps(s, ensure_ascii=False)


def slug(s: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", s.lower().replace("'", "")).strip("-")


class Builder:
    """Collects teams and people (with section comments) in file order."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.teams: list[dict] = []
        self.rows: list[dict | str] = []
        self.ids: set[str] = set()
        self.names: set[str] = set()

    def section(self, text: str) -> None:
        self.rows.append(text)

    def team(self, tid: str, name: str, color: str, parent: str | None, lead: str | None) -> str:
        self.teams.append({"id": tid, "name": name, "color": color, "parent": parent, "lead": lead})
        return tid

    def set_lead(self, tid: str, lead: str) -> None:
        next(t for t in self.teams if t["id"] == tid)["lead"] = lead

    def _name(self) -> str:
        while True:
            name = f"{self.rng.choice(FIRST_NAMES)} {self.rng.choice(LAST_NAMES)}"
            if name not in self.names:
                self.names.add(name)
                return name

    def _unique(self, base: str) -> str:
        pid, n = base, 2
        while pid in self.ids:
            pid, n = f"{base}-{n}", n + 1
        self.ids.add(pid)
        return pid

    def person(
        self,
        title: str,
        role: str,
        reports_to: str | None,
        team: str,
        location: str,
        *,
        dotted: str | list[str] | None = None,
        vacant: bool = False,
        assistant: bool = False,
    ) -> str:
        name = None if vacant else self._name()
        if vacant:
            dotted = None  # an open position has no matrix manager yet
        pid = self._unique("open-" + slug(title) if vacant else slug(name))
        self.rows.append(
            {
                "id": pid,
                "name": name,
                "title": title,
                "role": role,
                "reports_to": reports_to,
                "dotted_to": dotted,
                "team": team,
                "vacant": vacant,
                "assistant": assistant,
                "location": location,
            }
        )
        return pid

    def maybe_vacant(self, p: float) -> bool:
        return self.rng.random() < p


def ic_mix(rng: random.Random, n: int, senior: float, junior: float) -> list[str]:
    """n IC levels ('senior' / 'mid' / 'junior'), at least one senior, sorted senior first."""
    levels = ["senior"] + [
        "senior" if (x := rng.random()) < senior else "junior" if x > 1 - junior else "mid"
        for _ in range(n - 1)
    ]
    order = {"senior": 0, "mid": 1, "junior": 2}
    return sorted(levels, key=order.__getitem__)


def build(seed: int = SEED) -> Builder:
    b = Builder(seed)
    rng = b.rng

    b.team("executive", "Executive Office", "#7F7F7F", None, None)
    b.team("product", "Product", "#3377BB", "executive", None)
    b.team("design", "Design", "#EE1100", "product", None)
    b.team("engineering", "Engineering", "#118866", "executive", None)

    # --- Executive team ---------------------------------------------------------------------
    b.section("Executive team")
    ceo = b.person("Chief Executive Officer", "ceo", None, "executive", "Seattle")
    b.set_lead("executive", ceo)
    b.person(
        "Executive Assistant to the CEO",
        "executive-assistant",
        ceo,
        "executive",
        "Seattle",
        assistant=True,
    )
    b.person("Chief of Staff to the CEO", "director", ceo, "executive", "Seattle")
    cpo = b.person("Chief Product Officer", "cpo", ceo, "product", "Seattle")
    b.set_lead("product", cpo)
    cto = b.person("Chief Technology Officer", "cto", ceo, "engineering", "Seattle")
    b.set_lead("engineering", cto)
    cfo = b.person(
        "Chief Financial Officer",
        "cfo",
        ceo,
        b.team("finance", "Finance", "#996655", "executive", None),
        "New York",
    )
    coo = b.person(
        "Chief Operating Officer",
        "coo",
        ceo,
        b.team("operations", "Operations", "#77BBAA", "executive", None),
        "Seattle",
    )
    cmo = b.person(
        "Chief Marketing Officer",
        "cmo",
        ceo,
        b.team("marketing", "Marketing", "#EE3366", "executive", None),
        "New York",
    )
    cro = b.person(
        "Chief Revenue Officer",
        "cro",
        ceo,
        b.team("sales", "Sales", "#EECC22", "executive", None),
        "New York",
    )
    chro = b.person(
        "Chief People Officer",
        "chro",
        ceo,
        b.team("people", "People", "#FF9DA6", "executive", None),
        "Seattle",
    )
    gc = b.person(
        "General Counsel",
        "c-level",
        ceo,
        b.team("legal", "Legal", "#8C6D31", "executive", None),
        "Seattle",
    )
    for tid, lead in (
        ("finance", cfo),
        ("operations", coo),
        ("marketing", cmo),
        ("sales", cro),
        ("people", chro),
        ("legal", gc),
    ):
        b.set_lead(tid, lead)

    # --- Product leadership -------------------------------------------------------------------
    b.section("Product: CPO staff, VP of Design, product operations")
    b.person(
        "Executive Assistant to the CPO",
        "executive-assistant",
        cpo,
        "product",
        "Seattle",
        assistant=True,
    )
    vp_design = b.person("VP of Design", "vp-design", cpo, "design", "Seattle")
    b.set_lead("design", vp_design)
    ops_team = b.team("product-operations", "Product Operations", "#AA66FF", "product", None)
    prod_ops = b.person("Director of Product Operations", "director", cpo, ops_team, "Seattle")
    b.set_lead(ops_team, prod_ops)
    b.person("Senior Product Operations Manager", "senior-ic", prod_ops, ops_team, "Seattle")
    b.person("Product Operations Manager", "ic", prod_ops, ops_team, "London")
    b.person("Product Operations Analyst", "analyst", prod_ops, ops_team, "Seattle")

    line_leaders: dict[str, dict[str, object]] = {}
    for key, lname, hubs, (c_prod, _, _), areas in LINES:
        team = b.team(f"{key}-product", f"{lname} Product", c_prod, "product", None)
        b.section(f"{lname}: product")
        vp = b.person(f"VP of Product, {lname}", "vp-product", cpo, team, hubs[0])
        b.set_lead(team, vp)
        head = b.person(f"Head of Product, {lname}", "head-of-product", vp, team, hubs[0])
        directors = []
        for i, (area, subs) in enumerate(areas):
            boss = head if i < 2 else vp  # the newest area still reports to the VP directly
            loc = hubs[i]
            if key == "marketplace" and i == 2:
                # being hired: the VP covers Logistics meanwhile
                b.person(
                    f"Director of Product, {area}",
                    "director-of-product",
                    boss,
                    team,
                    loc,
                    vacant=True,
                )
                directors.append(vp)  # matrix partners of the area go to the VP meanwhile
                continue
            d = b.person(f"Director of Product, {area}", "director-of-product", boss, team, loc)
            directors.append(d)
            n_gpm = 2 if rng.random() < 0.6 else 1
            for sub in subs[:n_gpm]:
                gpm = b.person(f"Group Product Manager, {sub}", "group-pm", d, team, loc)
                for lvl in ic_mix(rng, rng.randint(3, 5), 0.3, 0.2):
                    title, role = {
                        "senior": (f"Senior Product Manager, {sub}", "senior-pm"),
                        "mid": (f"Product Manager, {sub}", "pm"),
                        "junior": ("Associate Product Manager", "apm"),
                    }[lvl]
                    b.person(title, role, gpm, team, loc, vacant=b.maybe_vacant(0.07))
            if n_gpm == 1:
                b.person(
                    f"Senior Product Manager, {subs[1]}",
                    "senior-pm",
                    d,
                    team,
                    loc,
                    vacant=b.maybe_vacant(0.1),
                )
            b.person(f"Product Manager, {area} Insights", "pm", d, team, loc)
        b.person(f"Senior Product Manager, {lname} Strategy", "senior-pm", head, team, hubs[0])
        b.person(f"Principal Product Manager, {lname}", "principal-pm", vp, team, hubs[0])
        line_leaders[key] = {"vp": vp, "head": head, "directors": directors}

    b.section("Trust & Safety: product (a Head of Product line reporting to the CPO)")
    ts_team = b.team("trust-safety-product", "Trust & Safety Product", "#99DDEE", "product", None)
    ts_head = b.person("Head of Product, Trust & Safety", "head-of-product", cpo, ts_team, "Dublin")
    b.set_lead(ts_team, ts_head)
    ts_gpm = b.person("Group Product Manager, Integrity", "group-pm", ts_head, ts_team, "Dublin")
    for title, role in (
        ("Senior Product Manager, Content Moderation", "senior-pm"),
        ("Product Manager, Account Integrity", "pm"),
        ("Product Manager, Policy Tooling", "pm"),
        ("Associate Product Manager", "apm"),
    ):
        b.person(title, role, ts_gpm, ts_team, "Dublin")
    ts_spm = b.person(
        "Senior Product Manager, Regulatory Compliance", "senior-pm", ts_head, ts_team, "Dublin"
    )
    b.person("Product Manager, Safety Reporting", "pm", ts_head, ts_team, "Dublin", vacant=True)

    # --- Design ---------------------------------------------------------------------------------
    for key, lname, hubs, (_, c_design, _), areas in LINES:
        b.section(f"{lname}: design (designers dotted to their area's Director of Product)")
        team = b.team(f"{key}-design", f"{lname} Design", c_design, "design", None)
        lead = line_leaders[key]
        dod = b.person(
            f"Director of Design, {lname}",
            "director-of-design",
            vp_design,
            team,
            hubs[0],
            dotted=lead["head"],
        )
        b.set_lead(team, dod)
        b.person(f"Principal Product Designer, {lname}", "senior-designer", dod, team, hubs[0])
        # manager 0 partners with area 0, manager 1 with areas 1 and 2
        for covered in ([0], [1, 2]):
            cover_names = " & ".join(areas[i][0] for i in covered)
            dm = b.person(
                f"Design Manager, {cover_names}",
                "design-manager",
                dod,
                team,
                hubs[covered[0]],
                dotted=lead["directors"][covered[0]],
            )
            for j, lvl in enumerate(ic_mix(rng, rng.randint(4, 6), 0.3, 0.15)):
                area_ix = covered[j % len(covered)]
                title, role = {
                    "senior": ("Senior Product Designer", "senior-designer"),
                    "mid": ("Product Designer", "designer"),
                    "junior": ("Associate Product Designer", "associate-designer"),
                }[lvl]
                b.person(
                    title,
                    role,
                    dm,
                    team,
                    hubs[area_ix],
                    dotted=lead["directors"][area_ix],
                    vacant=b.maybe_vacant(0.07),
                )
    b.section("Design systems and research")
    ds_team = b.team("design-systems", "Design Systems & Research", "#FF88DD", "design", None)
    hod = b.person(
        "Head of Design, Systems & Research", "head-of-design", vp_design, ds_team, "Seattle"
    )
    b.set_lead(ds_team, hod)
    dsm = b.person("Design Manager, Design Systems", "design-manager", hod, ds_team, "Seattle")
    for title, role in (
        ("Senior Product Designer, Design Systems", "senior-designer"),
        ("Product Designer, Design Systems", "designer"),
        ("Design Technologist", "designer"),
        ("Content Designer", "designer"),
    ):
        b.person(title, role, dsm, ds_team, "Seattle")
    rm = b.person("UX Research Manager", "manager", hod, ds_team, "Seattle")
    for title, role in (
        ("Senior UX Researcher", "senior-ic"),
        ("UX Researcher", "ic"),
        ("UX Researcher", "ic"),
        ("Research Operations Coordinator", "associate"),
    ):
        b.person(title, role, rm, ds_team, "Seattle", vacant=b.maybe_vacant(0.1))

    # --- Engineering ------------------------------------------------------------------------------
    def eng_team_of(em: str, n: int, team: str, loc: str) -> None:
        for lvl in ic_mix(rng, n, 0.3, 0.12):
            title, role = {
                "senior": ("Senior Software Engineer", "senior-engineer"),
                "mid": ("Software Engineer", "engineer"),
                "junior": ("Associate Software Engineer", "associate-engineer"),
            }[lvl]
            b.person(title, role, em, team, loc, vacant=b.maybe_vacant(0.06))

    b.section("Engineering: CTO staff")
    b.person("Distinguished Engineer", "staff-engineer", cto, "engineering", "Seattle")
    for key, lname, hubs, (_, _, c_eng), areas in LINES:
        b.section(f"{lname}: engineering (directors dotted to their area's Director of Product)")
        team = b.team(f"{key}-engineering", f"{lname} Engineering", c_eng, "engineering", None)
        lead = line_leaders[key]
        vpe = b.person(
            f"VP of Engineering, {lname}", "vp-engineering", cto, team, hubs[0], dotted=lead["vp"]
        )
        b.set_lead(team, vpe)
        b.person(f"Principal Engineer, {lname}", "staff-engineer", vpe, team, hubs[0])
        for i, (area, subs) in enumerate(areas):
            doe = b.person(
                f"Director of Engineering, {area}",
                "director-of-engineering",
                vpe,
                team,
                hubs[i],
                dotted=lead["directors"][i],
            )
            b.person(f"Staff Software Engineer, {area}", "staff-engineer", doe, team, hubs[i])
            for sub in subs:
                if key == "growth" and sub == "Retention":
                    b.person(
                        f"Engineering Manager, {sub}",
                        "engineering-manager",
                        doe,
                        team,
                        hubs[i],
                        vacant=True,
                    )
                    continue
                em = b.person(
                    f"Engineering Manager, {sub}", "engineering-manager", doe, team, hubs[i]
                )
                eng_team_of(em, rng.randint(5, 8), team, hubs[i])

    b.section("Infrastructure engineering")
    infra = b.team("infrastructure", "Infrastructure", "#FF6655", "engineering", None)
    vpi = b.person("VP of Engineering, Infrastructure", "vp-engineering", cto, infra, "Seattle")
    b.set_lead(infra, vpi)
    for area, subs, loc in (
        ("Reliability", ["Site Reliability", "Observability"], "Seattle"),
        ("Developer Productivity", ["Build & CI", "Developer Tools"], "Toronto"),
        ("Data Infrastructure", ["Storage", "Streaming"], "Berlin"),
    ):
        doe = b.person(
            f"Director of Engineering, {area}", "director-of-engineering", vpi, infra, loc
        )
        for sub in subs:
            em = b.person(f"Engineering Manager, {sub}", "engineering-manager", doe, infra, loc)
            eng_team_of(em, rng.randint(5, 7), infra, loc)

    b.section("Security")
    sec = b.team("security", "Security", "#0B7C86", "engineering", None)
    hos = b.person("Head of Security", "head-of-engineering", cto, sec, "Seattle")
    b.set_lead(sec, hos)
    for sub in ("Product Security", "Security Operations"):
        em = b.person(f"Engineering Manager, {sub}", "engineering-manager", hos, sec, "Seattle")
        for lvl in ic_mix(rng, 4, 0.4, 0.0):
            senior = lvl == "senior"
            b.person(
                "Senior Security Engineer" if senior else "Security Engineer",
                "senior-engineer" if senior else "engineer",
                em,
                sec,
                "Seattle",
            )
    b.person("Governance, Risk & Compliance Lead", "senior-ic", hos, sec, "Seattle", dotted=ts_spm)

    # --- Finance ----------------------------------------------------------------------------------
    b.section("Finance")
    ctrl = b.person("Corporate Controller", "director", cfo, "finance", "New York")
    for title, role in (
        ("Senior Accountant", "senior-ic"),
        ("Accountant", "ic"),
        ("Accountant", "ic"),
        ("Accounts Payable Specialist", "associate"),
    ):
        b.person(title, role, ctrl, "finance", "New York")
    fpa = b.person("Director of FP&A", "director", cfo, "finance", "New York")
    for title, role in (
        ("Senior Financial Analyst", "senior-ic"),
        ("Financial Analyst", "analyst"),
        ("Financial Analyst", "analyst"),
    ):
        b.person(title, role, fpa, "finance", "New York", vacant=b.maybe_vacant(0.15))
    tax = b.person("Head of Tax & Treasury", "head", cfo, "finance", "London")
    b.person("Tax Manager", "senior-ic", tax, "finance", "London")
    b.person("Treasury Analyst", "analyst", tax, "finance", "London")

    # --- Operations and customer support ----------------------------------------------------------
    b.section("Operations and customer support (the Tier 1 support lead has a wide team)")
    sup = b.team("customer-support", "Customer Support", "#C2B280", "operations", None)
    vps = b.person("VP of Customer Support", "vp", coo, sup, "Dublin")
    b.set_lead(sup, vps)
    t1 = b.person("Support Team Lead, Tier 1", "manager", vps, sup, "Dublin")
    for _ in range(30):
        b.person(
            "Customer Support Specialist", "ic", t1, sup, "Dublin", vacant=b.maybe_vacant(0.05)
        )
    t2 = b.person("Support Team Lead, Tier 2", "manager", vps, sup, "Manila")
    for lvl in ic_mix(rng, 8, 0.4, 0.0):
        senior = lvl == "senior"
        b.person(
            "Senior Support Engineer" if senior else "Support Engineer",
            "senior-ic" if senior else "ic",
            t2,
            sup,
            "Manila",
        )
    sops = b.person("Support Operations Manager", "manager", vps, sup, "Dublin", dotted=prod_ops)
    for title in (
        "Support Operations Analyst",
        "Knowledge Base Specialist",
        "Workforce Planning Analyst",
    ):
        b.person(title, "analyst" if "Analyst" in title else "ic", sops, sup, "Dublin")
    bizops = b.person("Director of Business Operations", "director", coo, "operations", "Seattle")
    for title, role in (
        ("Senior Business Operations Manager", "senior-ic"),
        ("Business Operations Analyst", "analyst"),
        ("Business Operations Analyst", "analyst"),
    ):
        b.person(title, role, bizops, "operations", "Seattle")
    it = b.person("Head of IT & Workplace", "head", coo, "operations", "Seattle")
    for title, role, loc in (
        ("IT Systems Engineer", "ic", "Seattle"),
        ("IT Support Specialist", "ic", "London"),
        ("Workplace Coordinator", "associate", "Seattle"),
    ):
        b.person(title, role, it, "operations", loc)

    # --- Marketing --------------------------------------------------------------------------------
    b.section("Marketing (product marketers dotted to the VP of Product of their line)")
    hpm = b.person("Head of Product Marketing", "head", cmo, "marketing", "New York")
    for key, lname, hubs, *_ in LINES:
        b.person(
            f"Product Marketing Manager, {lname}",
            "ic",
            hpm,
            "marketing",
            hubs[0],
            dotted=line_leaders[key]["vp"],
        )
    brand = b.person("Director of Brand", "director", cmo, "marketing", "New York")
    for title, role in (
        ("Senior Brand Designer", "senior-ic"),
        ("Copywriter", "ic"),
        ("Social Media Manager", "ic"),
    ):
        b.person(title, role, brand, "marketing", "New York")
    growth_mkt = b.person(
        "Director of Growth Marketing",
        "director",
        cmo,
        "marketing",
        "San Francisco",
        dotted=line_leaders["growth"]["vp"],
    )
    for title, role in (
        ("Senior Performance Marketing Manager", "senior-ic"),
        ("Lifecycle Marketing Manager", "ic"),
        ("SEO Manager", "ic"),
        ("Marketing Analyst", "analyst"),
    ):
        b.person(title, role, growth_mkt, "marketing", "San Francisco", vacant=b.maybe_vacant(0.1))

    # --- Sales ------------------------------------------------------------------------------------
    b.section("Sales")
    for region, hubs in (
        ("Americas", ["New York", "Chicago", "Sao Paulo"]),
        ("EMEA", ["London", "Paris", "Amsterdam"]),
        ("APAC", ["Singapore", "Tokyo", "Sydney"]),
    ):
        vp = b.person(f"VP of Sales, {region}", "vp", cro, "sales", hubs[0])
        for city in hubs[:2]:
            rsd = b.person(f"Regional Sales Director, {city}", "director", vp, "sales", city)
            for lvl in ic_mix(rng, rng.randint(4, 6), 0.35, 0.2):
                title, role = {
                    "senior": ("Senior Account Executive", "senior-ic"),
                    "mid": ("Account Executive", "ic"),
                    "junior": ("Sales Development Representative", "associate"),
                }[lvl]
                b.person(title, role, rsd, "sales", city, vacant=b.maybe_vacant(0.08))
        b.person(f"Sales Engineer, {region}", "senior-ic", vp, "sales", hubs[2])
    partners = b.person("Head of Partnerships", "head", cro, "sales", "New York")
    for title, role in (
        ("Senior Partner Manager", "senior-ic"),
        ("Partner Manager", "ic"),
        ("Partner Manager", "ic"),
    ):
        b.person(title, role, partners, "sales", "New York")

    # --- People -----------------------------------------------------------------------------------
    b.section("People")
    ta = b.person("Head of Talent Acquisition", "head", chro, "people", "Seattle")
    for title, role in (
        ("Senior Technical Recruiter", "senior-ic"),
        ("Technical Recruiter", "ic"),
        ("Technical Recruiter", "ic"),
        ("Recruiter", "ic"),
        ("Recruiting Coordinator", "associate"),
    ):
        b.person(title, role, ta, "people", "Seattle", vacant=b.maybe_vacant(0.1))
    pp = b.person("Director of People Partners", "director", chro, "people", "London")
    for loc in ("Seattle", "London", "Singapore", "Berlin"):
        b.person("People Partner", "ic", pp, "people", loc)
    pops = b.person("People Operations Manager", "manager", chro, "people", "Seattle")
    for title, role in (
        ("People Operations Specialist", "ic"),
        ("Payroll Specialist", "ic"),
        ("People Operations Coordinator", "associate"),
    ):
        b.person(title, role, pops, "people", "Seattle")

    # --- Legal ------------------------------------------------------------------------------------
    b.section("Legal")
    dgc = b.person("Deputy General Counsel", "director", gc, "legal", "Seattle")
    for title, role in (
        ("Senior Commercial Counsel", "senior-ic"),
        ("Product Counsel", "ic"),
        ("Privacy Counsel", "ic"),
    ):
        b.person(
            title,
            role,
            dgc,
            "legal",
            "Seattle",
            dotted=ts_head if title == "Privacy Counsel" else None,
        )
    comp = b.person("Compliance Manager", "manager", gc, "legal", "London")
    b.person("Compliance Analyst", "analyst", comp, "legal", "London")
    b.person("Paralegal", "associate", comp, "legal", "London")
    return b


def render(b: Builder) -> str:
    positions = [r for r in b.rows if isinstance(r, dict)]
    n_open = sum(1 for p in positions if p["vacant"])
    out = [
        "# yaml-language-server: $schema=../src/orgviz/schema.json",
        "# Generated by scripts/gen_enterprise.py: edit the script and rerun it, not this file.",
        f"# {len(positions)} positions ({n_open} open), seed {SEED}.",
        "orgviz: 1",
        "org:",
        "  name: Northwind Commerce",
        "  size: enterprise",
        "  date: 2026-11-01",
        "",
        "teams:",
    ]
    for t in b.teams:
        parent = t["parent"] if t["parent"] else "null"
        out.append(
            f'  - {{id: {t["id"]}, name: {yaml_str(t["name"])}, color: "{t["color"]}", '
            f"parent: {parent}, lead: {t['lead']}}}"
        )
    out += ["", "people:"]
    for r in b.rows:
        if isinstance(r, str):
            out.append(f"  # --- {r} ".ljust(96, "-"))
            continue
        parts = [f"id: {r['id']}"]
        if r["name"]:
            parts.append(f"name: {yaml_str(r['name'])}")
        parts.append(f"title: {yaml_str(r['title'])}")
        parts.append(f"role: {r['role']}")
        if r["reports_to"]:
            parts.append(f"reports_to: {r['reports_to']}")
        if r["dotted_to"]:
            parts.append(f"dotted_to: {r['dotted_to']}")
        parts.append(f"team: {r['team']}")
        if r["vacant"]:
            parts.append("vacant: true")
        if r["assistant"]:
            parts.append("assistant: true")
        parts.append(f"location: {yaml_str(r['location'])}")
        out.append("  - {" + ", ".join(parts) + "}")
    out += [
        "",
        "rules:",
        "  # The Tier 1 support lead runs a flat team of 30 specialists (a real pattern in support",
        "  # and sales); every other manager stays within the enterprise default of 12.",
        "  span-of-control: {max: 30}",
    ]
    return "\n".join(out) + "\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("-o", "--output", type=Path, default=OUT)
    ap.add_argument("--check", action="store_true", help="exit 1 if the file is not up to date")
    args = ap.parse_args(argv)
    text = render(build())
    if args.check:
        current = args.output.read_text(encoding="utf-8") if args.output.exists() else ""
        if current != text:
            print(f"{args.output} is stale: run python scripts/gen_enterprise.py", file=sys.stderr)
            return 1
        return 0
    args.output.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
