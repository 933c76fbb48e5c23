"""The role-hierarchy chart: each org's product ladder collapsed from its people, side by side.

One column per org. A box is a role (or a combined role) that people of the org hold, with
how many hold it; an arrow says that people of one role report to people of the other, with
how many reporting lines. Rows are the ladder's levels, aligned across the columns, so that
the same role sits at the same height in every company (the SVP / EVP row only where some
company has one). Product-leadership roles that a company does not have are drawn as dashed
"none" boxes; an SVP of Product is drawn where a company has one, never as a gap, and holds
the VP of Product's place as the product rules take it: a company with an SVP of Product and
no VP of Product has no "no VP of Product" box.

`plan()` sizes every box from its measured text; Graphviz (either engine) lays the fixed-size
boxes out from `plan_dot(labels=False)`, a source without any user text, and
orgviz.render.rolesdraw draws the SVG from that layout. `to_dot()` is the same graph with
plain-text labels, for people who run Graphviz on it themselves.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from orgviz.fte import total_fte, total_text
from orgviz.model import Org, Person
from orgviz.render.labels import clean, dot_string, ellipsize, text_width, wrap
from orgviz.roles import LEVELS, PRODUCT_LEADERSHIP, missing_leadership

LEADERSHIP_FILL = "#F58518"
PRODUCT_FILL = "#FBD9B5"
OTHER_FILL = "#DCE6F2"
GHOST = "#9A9A9A"


@dataclass
class RoleNode:
    """A role (or combined role) of one org, with the people who hold it."""

    key: tuple[str, ...]
    name: str
    level: str
    people: int = 0
    open: int = 0
    product: bool = False
    leadership: bool = False


@dataclass
class RoleGraph:
    """One org's ladder: role nodes and role-to-role reporting counts."""

    org: Org
    nodes: dict[tuple[str, ...], RoleNode] = field(default_factory=dict)
    solid: Counter[tuple[tuple[str, ...], tuple[str, ...]]] = field(default_factory=Counter)
    dotted: Counter[tuple[tuple[str, ...], tuple[str, ...]]] = field(default_factory=Counter)

    def missing_leadership(self) -> list[str]:
        """The core product leadership roles whose place nobody holds (an SVP of Product is
        no gap, and holds the VP of Product's place: `roles.missing_leadership`)."""
        return missing_leadership({r for key in self.nodes for r in key})


def _key(person: Person, org: Org) -> tuple[str, ...]:
    """A person's (combined) role, most senior member first, in a stable order."""
    roles = org.ladder.roles
    return tuple(sorted(set(person.roles),
                        key=lambda r: (-(roles[r].rank if r in roles else 0), r)))


def collapse(org: Org) -> RoleGraph:
    """The product ladder of an org: product roles and the roles above them, with counts."""
    ladder = org.ladder
    by_id = org.by_id

    def is_product(person: Person) -> bool:
        return any(ladder.roles[r].function == "product" for r in person.roles
                   if r in ladder.roles)

    selected: set[str] = set()
    walked: set[str] = set()  # everyone passed (people without a role too: a cycle of them)
    for person in by_id.values():
        if not person.roles or not is_product(person):
            continue
        # The product person and everybody above them (bounded: ids seen once).
        current: Person | None = person
        while current is not None and current.id not in walked:
            walked.add(current.id)
            if current.roles:
                selected.add(current.id)
            manager_id = current.reports_to
            current = (by_id.get(manager_id) if manager_id and manager_id != current.id
                       else None)
    graph = RoleGraph(org)
    for pid in by_id:
        if pid not in selected:
            continue
        person = by_id[pid]
        key = _key(person, org)
        node = graph.nodes.get(key)
        if node is None:
            names = [ladder.roles[r].name if r in ladder.roles else r for r in key]
            node = graph.nodes[key] = RoleNode(
                key, " + ".join(names), ladder.level(key) or "ic",
                product=is_product(person),
                leadership=any(r in PRODUCT_LEADERSHIP for r in key))
        node.people += 1
        node.open += person.vacant
    for pid in selected:
        person = by_id[pid]
        manager = _ladder_manager(person, by_id, selected)
        if manager is not None and _key(manager, org) != _key(person, org):
            graph.solid[(_key(manager, org), _key(person, org))] += 1
        for dotted in person.dotted_to:
            other = by_id.get(dotted)
            if other is not None and other.id in selected and _key(other, org) != _key(person, org):
                graph.dotted[(_key(other, org), _key(person, org))] += 1
    return graph


def _ladder_manager(person: Person, by_id: dict[str, Person],
                    selected: set[str]) -> Person | None:
    """The nearest manager above `person` who is in the ladder: people between whose title
    maps to no role are passed over (their reports' boxes were left without an arrow)."""
    seen = {person.id}
    manager = by_id.get(person.reports_to) if person.reports_to else None
    while manager is not None and manager.id not in selected:
        if manager.id in seen:  # (a cycle of people without a role)
            return None
        seen.add(manager.id)
        manager = by_id.get(manager.reports_to) if manager.reports_to else None
    return manager


def leadership_chain(graph: RoleGraph) -> str:
    """`CPO (1) › VP of Product (4) › ... › Director of Product (11 + 1 open)`: the
    leadership roles held, most senior first, with how many people hold each (open
    positions apart, as the boxes and the summary count them)."""
    ladder = graph.org.ladder
    nodes = sorted((n for n in graph.nodes.values() if n.leadership),
                   key=lambda n: (-(ladder.rank(n.key) or 0), n.name))
    if not nodes:
        return "no product leadership role"
    return " › ".join(f"{n.name} ({_held(n)})" for n in nodes)


def _held(node: RoleNode) -> str:
    """`4`, `11 + 1 open`, `2 open`: the people of a role, open positions apart."""
    held = node.people - node.open
    if not node.open:
        return f"{held:,}"
    return f"{held:,} + {node.open:,} open" if held else f"{node.open:,} open"


# --- the chart plan: boxes sized from measured text, laid out by Graphviz ---------------------

TITLE = "Product leadership roles by company size"
#: The title of the chart of one org (there are no sizes to compare).
ONE_TITLE = "Product leadership roles"
NAME_SIZE, COUNT_SIZE, GHOST_SIZE = 12.0, 10.0, 11.0
ORG_SIZE, META_SIZE = 15.0, 11.0
NAME_WIDTH, ORG_WIDTH, CHAIN_WIDTH = 230.0, 400.0, 520.0  # wrap longer text
PAD_X = 14.0
CLUSTER_MARGIN = 14.0
NODESEP, RANKSEP = 0.35, 0.45  # inches, as Graphviz takes them
CHAIN_COLOR = "#B35900"
TEXT_COLOR = "#1A1A1A"
STROKE = "#333333"
EDGE_COLOR = "#555555"
DOTTED_COLOR = "#999999"


@dataclass(frozen=True)
class Line:
    """One line of text in a box: what, how big, how bold, which color."""

    text: str
    size: float
    bold: bool = False
    color: str = TEXT_COLOR

    @property
    def height(self) -> float:
        return round(self.size * 1.3, 2)


@dataclass
class Box:
    """A node of the layout: a role, a missing role, an org's header or a level marker."""

    id: str
    kind: str  # "role" | "ghost" | "header" | "level"
    level: str
    column: int
    lines: list[Line]
    w: float
    h: float
    fill: str = "none"
    stroke: str = STROKE
    stroke_width: float = 1.2
    tooltip: str = ""
    name: str = ""  # a role's (cleaned) name
    #: A combined role's members as (level, cleaned name), most senior first (the
    #: roles chart spans its box over their rows where nothing else stands there).
    parts: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class Arrow:
    """A role-to-role edge, drawn from `tail` (the managers' role) to `head` (their reports'
    role): `count` reporting lines, solid or dotted."""

    id: str
    tail: str
    head: str
    count: int
    dotted: bool


@dataclass
class Plan:
    """Everything the chart shows, before layout."""

    title: str
    orgs: list[Org]
    levels: list[str]  # level ids shown, most senior first
    boxes: dict[str, Box]
    columns: list[list[str]]  # box ids per org, header first
    arrows: list[Arrow]


def _count_text(node: RoleNode) -> str:
    """`12 people`, `46 people + 4 open` (people hold a position; open ones nobody does)."""
    held = node.people - node.open
    count = f"{held:,} {'person' if held == 1 else 'people'}"
    if node.open:
        count = f"{count} + {node.open:,} open" if held else f"{node.open:,} open"
    return count


def _sized(lines: list[Line], min_w: float = 0.0, pad_y: float = 7.0) -> tuple[float, float]:
    """Width and height (whole points, even) of a box holding `lines`."""
    w = max([min_w] + [text_width(line.text, line.size, line.bold) + 2 * PAD_X
                       for line in lines])
    h = sum(line.height for line in lines) + 2 * pad_y
    return 2 * math.ceil(w / 2), 2 * math.ceil(h / 2)


def _wrapped(text: str, width: float, size: float, bold: bool = False, color: str = TEXT_COLOR,
             max_lines: int = 2) -> list[Line]:
    return [Line(part, size, bold, color)
            for part in wrap(text, width, size, bold, max_lines=max_lines) or [""]]


def _chain_lines(graph: RoleGraph, max_lines: int = 4) -> list[Line]:
    """The leadership chain in lines of at most CHAIN_WIDTH, broken after a `›`."""
    ladder = graph.org.ladder
    nodes = sorted((n for n in graph.nodes.values() if n.leadership),
                   key=lambda n: (-(ladder.rank(n.key) or 0), n.name))
    items = [clean(f"{n.name} ({_held(n)})") for n in nodes] or [leadership_chain(graph)]
    texts: list[str] = []
    for index, item in enumerate(items):
        item += " ›" if index < len(items) - 1 else ""
        joined = f"{texts[-1]} {item}" if texts else item
        if texts and text_width(joined, META_SIZE) <= CHAIN_WIDTH:
            texts[-1] = joined
        else:
            texts.extend(wrap(item, CHAIN_WIDTH, META_SIZE, max_lines=max_lines))
    if len(texts) > max_lines:
        texts = [*texts[:max_lines - 1], ellipsize(" ".join(texts[max_lines - 1:]),
                                                   CHAIN_WIDTH, META_SIZE)]
    return [Line(text, META_SIZE, color=CHAIN_COLOR) for text in texts]


def org_summary(org: Org, graph: RoleGraph) -> str:
    """`small · 20 people · 5 in the product ladder` (people, open positions aside; the
    ladder includes the CEO at its top), `+ 3 open` when the ladder has open positions. An
    org where some position has an `fte` (grouped posts, part-time posts) counts FTE:
    `enterprise · 10,329.56 FTE in 984 positions · ...`."""
    filled = [p for p in org.by_id.values() if not p.vacant]
    one = len(filled) == 1
    people = f"{len(filled):,} {'person' if one else 'people'}"
    if any(p.fte is not None for p in org.by_id.values()):
        people = (f"{total_text(total_fte(p.ftes for p in filled))} FTE in {len(filled):,} "
                  f"position{'' if one else 's'}")
    open_ = sum(n.open for n in graph.nodes.values())
    ladder = sum(n.people for n in graph.nodes.values()) - open_
    more = f" + {open_:,} open" if open_ else ""
    return f"{clean(org.size)} · {people} · {ladder:,}{more} in the product ladder"


def plan(orgs: Sequence[Org], title: str | None = None) -> Plan:
    """Collapse each org and size every box of the chart (`title`: TITLE, or ONE_TITLE for
    one org, by default)."""
    graphs = [collapse(org) for org in orgs]
    boxes: dict[str, Box] = {}
    columns: list[list[str]] = []
    arrows: list[Arrow] = []
    used: set[str] = set()
    for column, graph in enumerate(graphs):
        org = graph.org
        ids: dict[tuple[str, ...], str] = {}
        header_lines = [*_wrapped(org.name, ORG_WIDTH, ORG_SIZE, True),
                        Line(org_summary(org, graph), META_SIZE, color="#444444"),
                        *_chain_lines(graph)]
        w, h = _sized(header_lines, pad_y=2.0)
        header = Box(f"h{column}", "header", "", column, header_lines, w, h,
                     tooltip=clean(org.name))
        boxes[header.id] = header
        members = [header.id]
        for index, node in enumerate(graph.nodes.values()):
            level = node.level if node.level in LEVELS else "ic"
            lines = [*_wrapped(node.name, NAME_WIDTH, NAME_SIZE, True),
                     Line(_count_text(node), COUNT_SIZE, color="#333333")]
            w, h = _sized(lines, min_w=84.0)
            fill = (LEADERSHIP_FILL if node.leadership else
                    PRODUCT_FILL if node.product else OTHER_FILL)
            box = Box(f"n{column}_{index}", "role", level, column, lines, w, h, fill,
                      stroke_width=2.2 if node.leadership else 1.0,
                      tooltip=f"{clean(node.name)}: {_count_text(node)}",
                      name=clean(node.name),
                      parts=tuple((org.ladder.roles[r].level, clean(org.ladder.roles[r].name))
                                  for r in node.key if r in org.ladder.roles)
                      if len(node.key) > 1 else ())
            boxes[box.id] = box
            members.append(box.id)
            ids[node.key] = box.id
            used.add(level)
        for index, role_id in enumerate(graph.missing_leadership()):
            role = org.ladder.roles.get(role_id)
            if role is None or role.level not in LEVELS:
                continue
            lines = _wrapped(f"no {role.name}", NAME_WIDTH, GHOST_SIZE, color=GHOST)
            w, h = _sized(lines, pad_y=6.0)
            box = Box(f"g{column}_{index}", "ghost", role.level, column, lines, w, h,
                      stroke=GHOST, stroke_width=1.2,
                      tooltip=f"{clean(org.name)} has no {clean(role.name)}")
            boxes[box.id] = box
            members.append(box.id)
            used.add(role.level)
        columns.append(members)
        for (a, b), n in sorted(graph.solid.items()):
            arrows.append(Arrow(f"e{len(arrows)}", ids[a], ids[b], n, False))
        for (a, b), n in sorted(graph.dotted.items()):
            arrows.append(Arrow(f"e{len(arrows)}", ids[a], ids[b], n, True))
    # The levels some column has a box (or a "none" box) on. Each core leadership role's
    # level has one in every column, but for the VP level of a company whose SVP of Product
    # holds the VP of Product's place: no empty VP row where no column has anything on it.
    levels = [lvl for lvl in LEVELS if lvl in used]
    # Headers of one height, so that every column's boxes start at the same place.
    tallest = max((boxes[box_ids[0]].h for box_ids in columns), default=0.0)
    for box_ids in columns:
        boxes[box_ids[0]].h = tallest
    for level in levels:
        boxes[f"lvl_{level.replace('-', '_')}"] = Box(
            f"lvl_{level.replace('-', '_')}", "level", level, -1,
            [Line(LEVELS[level][1], 12.5, True, "#555555")], 2.0, 20.0)
    title = title if title is not None else ONE_TITLE if len(orgs) == 1 else TITLE
    return Plan(title, list(orgs), levels, boxes, columns, arrows)


def _inches(points: float) -> str:
    return f"{points / 72:.4f}".rstrip("0").rstrip(".")


def plan_dot(chart: Plan, labels: bool = True) -> str:
    """DOT source of a plan: fixed-size boxes, so that the layout does not depend on fonts.

    With `labels` the boxes carry their text as plain (escaped) labels, for people who draw
    the DOT themselves; without, no user text is in the source at all (what orgviz lays out).
    """
    boxes = chart.boxes

    def label(box: Box) -> str:
        if not labels:
            return '""'
        return dot_string(*(line.text for line in box.lines))

    lines = [
        "digraph roles {",
        f"  graph [rankdir=TB, newrank=true, nodesep={NODESEP}, ranksep={RANKSEP}, pad=0.2,"
        ' fontname="Helvetica"'
        + (f", labelloc=t, fontsize=20, label={dot_string(chart.title)}" if labels else "")
        + "];",
        '  node [shape=box, style="rounded,filled", fixedsize=true, fontname="Helvetica",'
        ' fontsize=11, penwidth=1.2];',
        f'  edge [color="{EDGE_COLOR}", arrowsize=0.7, fontname="Helvetica", fontsize=10];',
    ]
    level_ids = [f"lvl_{lvl.replace('-', '_')}" for lvl in chart.levels]
    lines.append('  lvl_top [shape=point, style=invis, width=0.02, height=0.02, label=""];')
    for name in level_ids:
        box = boxes[name]
        lines.append(f'  {name} [shape=plaintext, style="", fixedsize=false, width=0, height=0,'
                     f' fontcolor="#555555", label={label(box)}];')
    lines.append("  " + " -> ".join(["lvl_top", *level_ids]) + " [style=invis];")
    ranks: dict[str, list[str]] = {"": ["lvl_top"]}
    ranks.update({lvl: [name] for lvl, name in zip(chart.levels, level_ids, strict=True)})
    for column, ids in enumerate(chart.columns):
        lines.append(f"  subgraph cluster_{column} {{")
        lines.append(f'    style=rounded; color="#BBBBBB"; margin={CLUSTER_MARGIN:g}; label="";')
        for name in ids:
            box = boxes[name]
            size = f"width={_inches(box.w)}, height={_inches(box.h)}"
            if box.kind == "header":
                lines.append(f'    {name} [shape=plaintext, style="", {size},'
                             f" label={label(box)}];")
            elif box.kind == "ghost":
                lines.append(f'    {name} [style="rounded,dashed", color="{GHOST}", '
                             f'fontcolor="{GHOST}", {size}, label={label(box)}];')
            else:
                lines.append(f'    {name} [fillcolor="{box.fill}", penwidth={box.stroke_width:g},'
                             f" {size}, label={label(box)}];")
            ranks.setdefault(box.level, []).append(name)
        lines.append("  }")
    for arrow in chart.arrows:
        text = f', label=" {arrow.count:,}"' if arrow.count > 1 else ""
        if arrow.dotted:
            lines.append(f"  {arrow.tail} -> {arrow.head} [id={arrow.id}, style=dashed, "
                         f'color="{DOTTED_COLOR}", constraint=false{text}];')
        else:
            width = 1 + math.log2(arrow.count)
            lines.append(f"  {arrow.tail} -> {arrow.head} [id={arrow.id}, "
                         f"penwidth={width:.2f}{text}];")
    # The level markers and the headers left to right in one row keep the columns in order.
    headers = [ids[0] for ids in chart.columns]
    if headers:
        lines.append("  " + " -> ".join(["lvl_top", *headers]) + " [style=invis];")
    for members in ranks.values():
        if len(members) > 1:
            lines.append("  { rank=same; " + "; ".join(members) + "; }")
    lines.append("}")
    return "\n".join(lines) + "\n"


def _orgs_to_draw(orgs: Sequence[Org] | Org) -> list[Org]:
    """The orgs `render` is given (one Org, or a sequence of them) as a list, checked as the
    CLI checks them: a TypeError for what is no Org, a RenderError for none (`render` then
    refuses an org that did not load whole or whose ids repeat)."""
    from orgviz.errors import RenderError
    from orgviz.model import require_org

    if isinstance(orgs, Org):
        orgs = [orgs]
    elif isinstance(orgs, (str, bytes)) or not isinstance(orgs, Iterable):
        require_org(orgs, "render_roles")  # (raises: a path, or something else)
    found = [require_org(org, "render_roles") for org in orgs]
    if not found:
        raise RenderError("no org to draw: give render_roles an Org or a list of them")
    return found


def _check_arguments(fmt: object, engine: object, timeout: object, title: object,
                     notes: object) -> None:
    """`render`'s fmt, engine, timeout, title and notes checked before any work, as
    `orgviz.render` checks them: a RenderError for a bad value, a TypeError for a wrong type
    (an unknown fmt string is said once the orgs are found whole)."""
    from orgviz.errors import RenderError
    from orgviz.model import shown_argument
    from orgviz.render.pipeline import (
        ENGINE_CHOICES,
        RenderOptionTypeError,
        _check_format,
        check_arguments,
        unknown_choice,
        verify_timeout,
    )

    _check_format("render_roles", fmt, optional=False)
    if engine not in ENGINE_CHOICES:  # (as RenderOptions(engine=5) is refused)
        unknown = RenderError if isinstance(engine, str) else RenderOptionTypeError
        raise unknown(unknown_choice("engine", engine, ENGINE_CHOICES))
    verify_timeout(timeout)
    if title is not None and not isinstance(title, str):
        raise TypeError(f"orgviz.render_roles()'s title must be a string or None, not "
                        f"{shown_argument(title)}")
    check_arguments("render_roles", notes=notes)


def to_dot(orgs: Sequence[Org], title: str | None = None) -> str:
    """DOT source of the side-by-side role ladders, with plain-text labels (any engine)."""
    return plan_dot(plan(orgs, title), labels=True)


def render(orgs: Sequence[Org] | Org, fmt: str = "svg", engine: str = "auto",
           timeout: float = 60.0, title: str | None = None,
           notes: list[str] | None = None) -> bytes:
    """Draw the chart of one org or of several side by side as svg, png or pdf (`dot`: the
    DOT source).

    Graphviz (either engine) only places the boxes; orgviz routes the arrows and draws the
    SVG itself, so the chart looks the same whichever Graphviz is installed. PNG and PDF are
    converted from that SVG; `notes` gets what the PDF had to do (a page drawn as an image).
    As `orgviz roles` does, an org that did not load whole (a broken or missing included
    file) or repeats a person's or a team's id is refused with an OrgLoadError (its load
    errors and duplicate-id errors); no org at all with a RenderError, as is a timeout that
    is not positive; an argument of the wrong type with a TypeError.
    """
    from orgviz.errors import RenderError
    from orgviz.validate import require_whole

    orgs = _orgs_to_draw(orgs)
    _check_arguments(fmt, engine, timeout, title, notes)
    for org in orgs:
        require_whole(org)
    if fmt == "dot":
        return to_dot(orgs, title).encode("utf-8")
    if fmt not in ("svg", "png", "pdf"):
        raise RenderError(f"unknown chart format {fmt!r}: use svg, png, pdf or dot")
    from orgviz.render.engines import pick_engine
    from orgviz.render.labels import measured_for
    from orgviz.render.rolesdraw import draw_roles

    with measured_for(fmt):  # (its boxes are as wide as their text is drawn)
        chart = plan(orgs, title)
        chosen = pick_engine(engine)
        layout = chosen.render(plan_dot(chart, labels=False), "json0", layout="dot",
                               timeout=timeout)
        svg = draw_roles(chart, layout, generator=f"orgviz roles chart; layout by Graphviz "
                                                  f"{chosen.version()}, {chosen.name} engine")
    if fmt == "svg":
        return svg
    from orgviz.render import convert

    if fmt == "png":
        return convert.svg_to_png(svg, scale=2.0)
    return convert.svg_to_pdf(svg, notes=notes)
