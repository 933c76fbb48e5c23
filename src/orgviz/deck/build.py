"""Orgs -> a Deck: a title slide, a comparison of several orgs, then per org an overview and
its chart slides (see plan.py for how an org is cut into readable slides)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from orgviz.deck.draw import LAYOUTS, Drawer, Drawn
from orgviz.deck.frame import MIN_FONT, Frame, default_frame
from orgviz.deck.notes import (
    count_text,
    headcount,
    listed,
    org_notes,
    part_notes,
    person_text,
    plural,
    slides_text,
    who,
    withheld,
)
from orgviz.deck.pages import REFERENCE_W, TITLE_SIZE
from orgviz.deck.panels import Merger, compose
from orgviz.deck.plan import MAX_LEVELS, SPLITS, DeckError, Part, Planner, Tree
from orgviz.deck.slides import Deck, Picture, Reference, Slide
from orgviz.fte import total_fte, total_text
from orgviz.model import Org
from orgviz.problem import Problem
from orgviz.render.chart import GRAYS_REPEAT, Chart
from orgviz.render.geometry import Box
from orgviz.render.labels import clean, text_width
from orgviz.render.themes import Theme
from orgviz.roles import PRODUCT_LEADERSHIP
from orgviz.stats import span_text

ENGINES = ("auto", "system", "embedded")
#: Orgs side by side in one comparison table; more go on further table slides.
TABLE_COLUMNS = 4
MAX_TEXT = 200  # characters of --title and --date


class DeckTypeError(DeckError, TypeError):
    """A DeckOptions field or deck argument of the wrong type (`DeckOptions(depth="3")`): a
    DeckError, as a bad value is, and a TypeError, as Python's own calls raise for one."""


@dataclass(frozen=True)
class DeckOptions:
    """How to cut and draw a deck. All fields are optional."""

    split: str = "team"  # "team", "manager" or "depth" (see plan.py)
    depth: int = 3  # levels of people per slide with split "depth"
    min_font: float = MIN_FONT  # points: no chart text is drawn smaller
    theme: str = "light"
    color_by: str = "team"
    layout: str = "tidy"  # "tidy" (orgviz's own, no Graphviz) or "dot" (Graphviz)
    engine: str = "auto"  # Graphviz for the dot layout: "auto", "system" or "embedded"
    title: str | None = None  # the title slide's title (default: the org's name)
    date: str | None = None  # the date shown (default: the org file's date)
    timeout: float = 120.0  # seconds Graphviz may take per chart
    merge: bool = True  # sparse slides merged: folded, or siblings share one (panels.py)

    def verified(self) -> DeckOptions:
        """The options if they are consistent, else a DeckError saying what to change."""
        from orgviz.render.chart import COLOR_BY
        from orgviz.render.pipeline import unknown_choice
        from orgviz.render.themes import THEMES

        for name, value, choices in (("split", self.split, SPLITS),
                                     ("theme", self.theme, THEMES),
                                     ("color_by", self.color_by, COLOR_BY),
                                     ("engine", self.engine, ENGINES),
                                     ("layout", self.layout, LAYOUTS)):
            if not isinstance(value, str) or value not in choices:
                unknown = DeckError if isinstance(value, str) else DeckTypeError
                raise unknown(unknown_choice(name, value, choices))
        self._check_types()
        if self.depth < 2:
            raise DeckError(f"depth (--depth) must be at least 2 (a manager and their "
                            f"reports), not {self.depth}")
        if not 4 <= self.min_font <= 40:
            raise DeckError(f"min_font (--min-font) must be between 4 and 40 points, not "
                            f"{self.min_font:g}")
        for name, text in (("title", self.title), ("date", self.date)):
            if text is not None and len(text) > MAX_TEXT:
                raise DeckError(f"{name} (--{name}) is longer than {MAX_TEXT} characters")
        if not self.timeout > 0:
            raise DeckError(f"timeout must be positive, not {self.timeout}")
        return self

    def _check_types(self) -> None:
        """A DeckTypeError for a field of the wrong type (`depth="3"`, `title=5`)."""
        if isinstance(self.depth, bool) or not isinstance(self.depth, int):
            raise DeckTypeError(f"depth (--depth) must be a whole number, not {self.depth!r}")
        for name, number in (("min_font (--min-font)", self.min_font),
                             ("timeout", self.timeout)):
            if isinstance(number, bool) or not isinstance(number, (int, float)):
                raise DeckTypeError(f"{name} must be a number, not {number!r}")
        for name, text in (("title", self.title), ("date", self.date)):
            if text is not None and not isinstance(text, str):
                raise DeckTypeError(f"{name} (--{name}) must be text (a string) or None, not "
                                    f"{text!r}")
        if not isinstance(self.merge, bool):
            raise DeckTypeError(f"merge (--merge/--no-merge) must be True or False, not "
                                f"{self.merge!r}")


@dataclass
class _OrgPlan:
    org: Org
    tree: Tree
    planner: Planner
    drawer: Drawer
    overview: list[Part]
    parts: list[Part]
    stats: dict[str, Any]
    section: int = 0  # slide number of the org's section slide (several orgs)
    home: dict[str, Part] = field(default_factory=dict)

    @cached_property
    def team_tops(self) -> Counter[str]:
        """Team -> how many of its tops (people reporting to no one of the team) lead a chart
        slide: a team with several such slides (five shipping managers reporting to the
        president) cannot title them all with its name alone."""
        people = self.org.by_id
        tops = {part.root for part in self.parts if part.root in people}
        return Counter(people[pid].team or "" for pid in tops if self.tops_team(pid))

    def tops_team(self, pid: str) -> bool:
        """Whether the person reports to no one of their team (or to no one)."""
        people = self.org.by_id
        boss = people.get(self.tree.manager.get(pid) or "")
        return boss is None or boss.team != people[pid].team

    @property
    def posts(self) -> bool:
        """Whether some position has an `fte`: then counts say positions, not people."""
        return bool(self.stats["headcount"]["with_fte"])


def build_deck(orgs: Sequence[tuple[Org, Sequence[Problem]]],
               options: DeckOptions | None = None, frame: Frame | None = None) -> Deck:
    """The deck of one or more orgs; `problems` of each org mark broken cards (--force)."""
    from orgviz.render.chart import View, build_chart
    from orgviz.render.engines import pick_engine
    from orgviz.render.themes import get_theme
    from orgviz.stats import compute_as_loaded

    options = (options or DeckOptions()).verified()
    if not orgs:
        raise DeckError("a deck needs at least one org")
    frame = frame or default_frame()
    theme = get_theme(options.theme)
    engine = pick_engine(options.engine) if options.layout == "dot" else None
    plans = []
    for org, problems in orgs:
        tree = Tree(build_chart(org, View(color_by=options.color_by), theme, problems))
        if tree.levels > MAX_LEVELS:
            raise DeckError(f"{org.file}: the reporting chain is {tree.levels:,} levels deep; "
                            f"decks draw up to {MAX_LEVELS} levels (draw it with `orgviz "
                            f"render`, or part of it with `orgviz render --root ID`)")
        drawer = Drawer(org, theme, engine, options.timeout, problems, options.color_by,
                        options.layout)
        team_of = {pid: person.team for pid, person in org.by_id.items()}
        planner = Planner(tree, drawer, frame, split=options.split, depth=options.depth,
                          min_font=options.min_font, team_of=team_of)
        overview, parts = planner.plan()
        if options.merge:
            merger = Merger(planner)
            parts = merger.merge(merger.fold(parts))
        plans.append(_OrgPlan(org, tree, planner, drawer, overview, parts,
                              compute_as_loaded(org)))
    return _Assembler(plans, options, frame, theme).deck()


class _Assembler:
    def __init__(self, plans: list[_OrgPlan], options: DeckOptions, frame: Frame,
                 theme: Theme) -> None:
        self.plans, self.options, self.frame, self.theme = plans, options, frame, theme
        self.several = len(plans) > 1

    # numbering -------------------------------------------------------------------------------
    def number(self) -> int:
        """Give every slide its number; returns the number of comparison table slides."""
        tables = -(-len(self.plans) // TABLE_COLUMNS) if self.several else 0
        number = 1 + tables
        for plan in self.plans:
            if self.several:
                number += 1
                plan.section = number
            for part in [*plan.overview, *plan.parts]:
                if part.share and part is not part.share[0]:
                    part.slide = part.share[0].slide
                    continue
                number += 1
                part.slide = number
            for part in plan.parts:
                if part.root is not None and part.chunk == 1:
                    plan.home.setdefault(part.root, part)
            for part in plan.overview:
                if part.root is not None and part.chunk == 1:
                    plan.home.setdefault(part.root, part)
            for part in [*plan.overview, *plan.parts]:
                for pid in plan.planner.visible(part):
                    if pid not in part.continued and plan.tree.reports.get(pid):
                        plan.home.setdefault(pid, part)
        return tables

    # slides ----------------------------------------------------------------------------------
    def deck(self) -> Deck:
        tables = self.number()
        slides = [self.title_slide()]
        slides += self.table_slides(tables)
        for plan in self.plans:
            if self.several:
                slides.append(self.section_slide(plan))
            for part in [*plan.overview, *plan.parts]:
                if len(part.share) > 1:
                    if part is part.share[0]:
                        slides.append(self.shared_slide(plan, part.share))
                    continue
                slides.append(self.chart_slide(plan, part))
        names = [clean(plan.org.name) for plan in self.plans]
        return Deck(self.deck_title(), tuple(slides), self.frame, self.theme,
                    self.options.min_font, subject="Org charts of " + ", ".join(names))

    def deck_title(self) -> str:
        title = clean(self.options.title or "")  # (blank: not given)
        if title:
            return title
        names = [clean(plan.org.name) or "Org" for plan in self.plans]
        if len(names) == 1:
            return names[0]
        return ", ".join(names[:-1]) + " and " + names[-1]

    def date(self, org: Org | None = None) -> str:
        if self.options.date is not None:
            return clean(self.options.date)
        dates = {clean(plan.org.date) for plan in self.plans if plan.org.date}
        if org is not None:
            return clean(org.date)
        return dates.pop() if len(dates) == 1 else ""

    def footer(self, org: Org) -> str:
        return " · ".join(part for part in (clean(org.name), self.date(org)) if part)

    def title_slide(self) -> Slide:
        filled = sum(plan.stats["headcount"]["people"] for plan in self.plans)
        vacant = sum(plan.stats["headcount"]["open"] for plan in self.plans)
        lines = []
        if self.date():
            lines.append(self.date())
        posts = any(plan.posts for plan in self.plans)
        counts = count_text(filled, vacant, posts)
        if posts:
            fte = total_fte(plan.stats["headcount"]["fte"] for plan in self.plans)
            counts += f" · {total_text(fte)} FTE"
        if self.several:
            counts = f"{len(self.plans)} organizations · {counts}"
        lines.append(counts)
        notes = "\n\n".join(org_notes(plan.stats) for plan in self.plans)
        return Slide("title", self.deck_title(), "\n".join(lines), notes=notes)

    def section_slide(self, plan: _OrgPlan) -> Slide:
        stats = plan.stats
        head = stats["headcount"]
        counts = count_text(head["people"], head["open"], plan.posts)
        subtitle = (f"{stats['size'].capitalize()} · {counts}"
                    + (f" · {total_text(head['fte'])} FTE" if plan.posts else "")
                    + f" · {plural(stats['layers'], 'layer')}")
        if plan.org.date and self.options.date is None:
            subtitle = f"{clean(plan.org.date)}\n{subtitle}"
        return Slide("section", clean(plan.org.name) or "Org", subtitle,
                     notes=org_notes(stats), footer=self.footer(plan.org))

    def table_slides(self, count: int) -> list[Slide]:
        slides = []
        for index in range(count):
            group = self.plans[index * TABLE_COLUMNS:(index + 1) * TABLE_COLUMNS]
            title = "Comparison" + (f" ({index + 1} of {count})" if count > 1 else "")
            rows = comparison_rows([plan.stats for plan in group])
            notes = "\n".join(" | ".join(row) for row in rows)
            slides.append(Slide("table", title, "Headcount, shape and product leadership",
                                table=rows, notes=notes, footer=self.date()))
        return slides

    def redrawn(self, plan: _OrgPlan, part: Part
                ) -> tuple[Drawn, list[tuple[Box, int]], dict[str, int]]:
        """The part's chart with its final notes, its links, and the slides its continued
        people's teams are on."""
        tree, planner, people = plan.tree, plan.planner, plan.org.by_id
        targets = {pid: plan.home[pid].slide for pid in part.continued if pid in plan.home}
        notes = {}
        for pid in part.continued:
            filled, vacant = tree.count[pid]
            filled -= not people[pid].vacant
            vacant -= people[pid].vacant
            if filled or not vacant:
                text = "+" + count_text(filled, 0, plan.posts)
                text += f", {vacant:,} open" if vacant else ""
            else:  # only open roles below: not "+0 people, 2 open"
                text = "+" + plural(vacant, "open role")
            notes[pid] = (f"{text} · slide {targets[pid]}" if pid in targets
                          else f"{text} · not drawn")
        others = [member.slide for member in part.group if member is not part]
        moved_note = (("continued on " if part.chunk == 1 else "also on ")
                      + slides_text(others)) if others else ""
        view = planner.view(part, notes, moved_note)
        assert part.drawn is not None
        drawn = plan.drawer.redraw(part.drawn, view, keep_box=bool(part.share))
        links = [(drawn.boxes[pid], targets[pid]) for pid in part.continued
                 if pid in targets and pid in drawn.boxes]
        if part.others:
            moved = f"+{part.root or ''}#0"
            if moved in drawn.boxes:
                links.append((drawn.boxes[moved], others[0]))
        return drawn, links, targets

    def reference(self, plan: _OrgPlan, part: Part) -> Reference | None:
        """The "reports to" card of the part's slide: its top person's manager."""
        boss_id = plan.tree.manager.get(part.root) if part.root is not None else None
        if boss_id is None or part.parent is None:
            return None
        boss = plan.org.by_id[boss_id]
        # A withheld name or an open role: the title names the manager (the card's first
        # line, `who`) already, and is not said twice.
        return Reference(who(boss), "" if withheld(boss) or boss.vacant else clean(boss.title),
                         part.parent.slide)

    def chart_slide(self, plan: _OrgPlan, part: Part) -> Slide:
        org, tree, planner = plan.org, plan.tree, plan.planner
        people = org.by_id
        drawn, links, targets = self.redrawn(plan, part)
        title, subtitle = self.texts(plan, part)
        shown = planner.visible(part)
        reference = self.reference(plan, part)
        boss_id = tree.manager.get(part.root) if part.root is not None else None
        below = {pid: tree.size[pid] - 1 for pid in shown}
        manager = ((people[boss_id], part.parent.slide)
                   if reference and part.parent and boss_id is not None else None)
        speaker = part_notes(org, shown, targets, tree.reports, below, manager,
                             posts=plan.posts)
        if part.overview:
            speaker = org_notes(plan.stats) + "\n\n" + speaker
        picture = Picture(drawn.svg, drawn.width, drawn.height, drawn.min_text,
                          f"Org chart: {title}. {subtitle}", tuple(links))
        return Slide("chart", title, subtitle, picture, notes=speaker,
                     footer=self.footer(org), legend=drawn.chart.legend,
                     legend_note=legend_note(self.theme, [drawn.chart], drawn.chart.legend),
                     reports_to=reference)

    def shared_slide(self, plan: _OrgPlan, parts: list[Part]) -> Slide:
        """The slide of sibling subtrees drawn side by side as panels (panels.py)."""
        org, tree = plan.org, plan.tree
        redrawn = [self.redrawn(plan, part) for part in parts]
        names = [self.texts(plan, part)[0] for part in parts]
        headings = [(name, count_text(*tree.count[part.root or ""], plan.posts) + " in all")
                    for name, part in zip(names, parts, strict=True)]
        title, subtitle = self.shared_texts(plan, parts, names)
        composed = compose([drawn for drawn, _, _ in redrawn], headings, self.theme, title)
        links = [(Box(box.x + dx, box.y + dy, box.w, box.h), number)
                 for (_, found, _), (dx, dy) in zip(redrawn, composed.offsets, strict=True)
                 for box, number in found]
        reference = self.reference(plan, parts[0])
        legend: dict[str, str] = {}
        for drawn, _, _ in redrawn:
            legend.update((label, color) for label, color in drawn.chart.legend
                          if label not in legend)
        picture = Picture(composed.svg, composed.width, composed.height,
                          min(drawn.min_text for drawn, _, _ in redrawn),
                          f"Org chart: {title}. {subtitle}", tuple(links))
        return Slide("chart", title, subtitle, picture,
                     notes=self.shared_notes(plan, parts, names, redrawn),
                     footer=self.footer(org), legend=tuple(legend.items()),
                     legend_note=legend_note(self.theme,
                                             [drawn.chart for drawn, _, _ in redrawn],
                                             tuple(legend.items())),
                     reports_to=reference)

    def shared_texts(self, plan: _OrgPlan, parts: list[Part],
                     names: list[str]) -> tuple[str, str]:
        """The title (the panels' titles, or how many teams report to whom when they are
        too long, or the panels' top people when their manager has several shared slides)
        and subtitle (the top people, the headcount) of a shared slide."""
        org, tree = plan.org, plan.tree
        team, _, _ = names[0].partition(": ")
        if all(name.startswith(team + ": ") for name in names):  # one team's people
            title = f"{team}: " + " · ".join(name[len(team) + 2:] for name in names)
        else:  # (a team named once: the subtitle names each part's lead)
            title = " · ".join(dict.fromkeys(names))
        people = [org.by_id[part.root or ""] for part in parts]
        tops = [who(p) for p in people]
        room = self.frame.title.w - REFERENCE_W - 16
        if text_width(title, TITLE_SIZE, True) > room:
            boss_id = tree.manager[parts[0].root or ""]
            boss = org.by_id[boss_id or ""]
            title = f"{len(parts)} teams reporting to {who(boss)}"
            # The manager has several shared slides (which that title would not tell
            # apart): their top people, when that fits and names them apart.
            shared = {id(part.share[0]) for part in plan.parts
                      if part.share and tree.manager.get(part.root) == boss_id}
            named = " · ".join(tops)
            if (len(shared) > 1 and len(set(tops)) == len(tops)
                    and text_width(named, TITLE_SIZE, True) <= room):
                title = named
        filled, vacant = _counted(tree, parts)
        # The count first: a number right after a right-to-left name would join it.
        return title, (f"{count_text(filled, vacant, plan.posts)} in all · "
                       f"{listed(tops)}")

    def shared_notes(self, plan: _OrgPlan, parts: list[Part], names: list[str],
                     redrawn: list[tuple[Drawn, list[tuple[Box, int]], dict[str, int]]]
                     ) -> str:
        """Speaker notes of a shared slide: each panel's notes under its title."""
        org, tree, planner = plan.org, plan.tree, plan.planner
        filled, vacant = _counted(tree, parts)
        shown = [pid for part in parts for pid in planner.visible(part)]
        sections = [f"On this slide: "
                    f"{count_text(*headcount(org.by_id[p] for p in shown), plan.posts)}, "
                    f"in {len(parts)} teams side by side: {'; '.join(names)} "
                    f"({count_text(filled, vacant, plan.posts)} in these teams in all)."]
        for name, part, (_, _, targets) in zip(names, parts, redrawn, strict=True):
            shown = planner.visible(part)
            below = {pid: tree.size[pid] - 1 for pid in shown}
            sections.append(f"{name}\n" + part_notes(org, shown, targets, tree.reports, below,
                                                      lead="In this team", posts=plan.posts))
        reference = self.reference(plan, parts[0])
        boss_id = tree.manager.get(parts[0].root)
        if reference is not None and boss_id is not None:
            sections.append(f"All report to {person_text(org.by_id[boss_id])} "
                            f"(slide {reference.slide}).")
        return "\n\n".join(sections)

    def texts(self, plan: _OrgPlan, part: Part) -> tuple[str, str]:
        """The title and subtitle of a chart slide."""
        org, tree = plan.org, plan.tree
        chunk = f" ({part.chunk} of {part.chunks})" if part.chunks > 1 else ""
        if part.overview:
            title = "Overview" if not self.several else f"{clean(org.name)}: overview"
            head = plan.stats["headcount"]
            levels = levels_shown(plan.tree, plan.planner.visible(part))
            shown = "The top level" if levels == 1 else f"The top {levels} levels"
            return title + chunk, (f"{shown} · "
                                   f"{count_text(head['people'], head['open'], plan.posts)}"
                                   " in all")
        assert part.root is not None
        person = org.by_id[part.root]
        team = org.teams_by_id.get(person.team or "")
        team_name = clean(team.display_name if team else person.team)
        name = who(person)
        if team_name and plan.tops_team(part.root) and plan.team_tops[person.team or ""] == 1:
            title = team_name
        elif team_name:
            title = f"{team_name}: {name}"
        else:
            title = name
        filled, vacant = tree.count[part.root]
        subtitle = f"{person_text(person)} · {count_text(filled, vacant, plan.posts)} in all"
        if part.chain:
            subtitle += " · a line of single reports: read down each column"
        return title + chunk, subtitle


def legend_note(theme: Theme, charts: Sequence[Chart],
                legend: Sequence[tuple[str, str]]) -> str:
    """What a slide's legend says besides its swatches: that grays repeat (paper), when
    they do on one of the slide's charts, or the panels' teams share one."""
    repeated = any(GRAYS_REPEAT in chart.legend_title for chart in charts) or (
        bool(theme.team_grays) and len({color.lower() for _, color in legend}) < len(legend))
    return GRAYS_REPEAT if repeated else ""


def levels_shown(tree: Tree, shown: Sequence[str]) -> int:
    """How many reporting levels the people `shown` on a slide take (managers before their
    reports; an assistant on their manager's level, "continued" cards on their own): the
    overview said "The top 3 levels" when it drew its top's reports as piles, two levels."""
    beside = {pid for ids in tree.assistants.values() for pid in ids}
    depth: dict[str, int] = {}
    for pid in shown:
        boss = tree.manager.get(pid)
        above = depth.get(boss, 0) if boss is not None else 0
        depth[pid] = above if pid in beside and boss in depth else above + 1
    return max(depth.values(), default=0)


#: A product leadership role an org has no entry for (stats leaves out an SVP of Product
#: where the org has none).
_NONE_HELD: dict[str, Any] = {"count": 0, "open": 0, "combined": 0}


def comparison_rows(stats: Sequence[dict[str, Any]]) -> tuple[tuple[str, ...], ...]:
    """The comparison table: a header row of org names, then one row per measure."""
    rows: list[tuple[str, ...]] = [("", *(clean(s["org"]) for s in stats))]

    def row(label: str, values: list[str]) -> None:
        rows.append((label, *values))

    row("Size", [s["size"] for s in stats])
    row("People", [f"{s['headcount']['people']:,}" for s in stats])
    row("Open roles", [f"{s['headcount']['open']:,}" for s in stats])
    row("Layers", [str(s["layers"]) for s in stats])
    row("Managers", [str(s["span_of_control"]["managers"]) for s in stats])
    row("Span of control (median / max)",
        [span_text(s["span_of_control"], ("median", "max")) for s in stats])
    # The core product leadership roles, and an SVP of Product where some org has one (as
    # `stats` counts it: only where the org has one; "none" in the others' columns). A role
    # nobody holds whose place another fills says so, not "none": "held by SVP of Product"
    # (a VP of Product's place, as the product rules and the roles chart read it).
    for role in PRODUCT_LEADERSHIP:
        held = [s["product_leadership"][role] for s in stats if role in s["product_leadership"]]
        if not held:
            continue
        name = held[0]["name"]
        values = []
        for s in stats:
            leaders = s["product_leadership"]
            found = leaders.get(role, _NONE_HELD)
            instead = [leaders[r]["name"] for r in found.get("filled_by", ())
                       if r != role and r in leaders]
            text = (str(found["count"]) if found["count"] else
                    f"held by {' and '.join(instead)}" if instead else "none")
            if found["open"]:
                text += f" ({found['open']} open)"
            if found["combined"]:
                text += " (combined role)" if found["count"] == found["combined"] else (
                    f" ({found['combined']} combined)")
            values.append(text)
        row(name, values)
    return tuple(rows)



def _counted(tree: Tree, parts: Sequence[Part]) -> tuple[int, int]:
    """(people, open roles) in the subtrees of the parts, all the way down."""
    counts = [tree.count[part.root or ""] for part in parts]
    return sum(filled for filled, _ in counts), sum(vacant for _, vacant in counts)
