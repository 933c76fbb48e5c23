"""The role-hierarchy chart: each org's product ladder collapsed from its people, side by side.

One column per org. A box is a role (or a combined role) that people of the org hold, with
how many hold it; an arrow says that people of one role report to people of the other, with
how many reporting lines. Rows are the ladder's levels, aligned across the columns, so that
the same role sits at the same height in every company. Product-leadership roles that a
company does not have are drawn as dashed "none" boxes.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from orgviz.model import Org, Person
from orgviz.roles import LEVELS, PRODUCT_LEADERSHIP

try:  # the render package's escaping, when present
    from orgviz.render.labels import html_label_text as _html_text
except ImportError:  # pragma: no cover - fallback while the render package is absent
    import html as _html

    def _html_text(text: str) -> str:
        cleaned = " ".join("".join(c for c in text if c.isprintable()).split())
        return _html.escape(cleaned, quote=True).replace("\\", "\\\\")


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
        held = {r for key in self.nodes for r in key}
        return [r for r in PRODUCT_LEADERSHIP if r not in held]


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
    for person in by_id.values():
        if not person.roles or not is_product(person):
            continue
        # The product person and everybody above them (bounded: ids seen once).
        current: Person | None = person
        while current is not None and current.id not in selected:
            if current.roles:
                selected.add(current.id)
            manager = current.reports_to
            current = by_id.get(manager) if manager and manager != current.id else None
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
        manager = by_id.get(person.reports_to) if person.reports_to else None
        if (manager is not None and manager.id in selected
                and _key(manager, org) != _key(person, org)):
            graph.solid[(_key(manager, org), _key(person, org))] += 1
        for dotted in person.dotted_to:
            other = by_id.get(dotted)
            if other is not None and other.id in selected and _key(other, org) != _key(person, org):
                graph.dotted[(_key(other, org), _key(person, org))] += 1
    return graph


def _node_id(column: int, key: tuple[str, ...]) -> str:
    return f"c{column}_" + "_".join(k.replace("-", "_") for k in key)


def _label(node: RoleNode) -> str:
    count = f"{node.people} {'person' if node.people == 1 else 'people'}"
    if node.open:
        count += f" ({node.open} open)"
    return (f'<<table border="0" cellborder="0" cellspacing="0" cellpadding="2">'
            f'<tr><td><b>{_html_text(node.name)}</b></td></tr>'
            f'<tr><td><font point-size="10">{_html_text(count)}</font></td></tr></table>>')


def leadership_chain(graph: RoleGraph) -> str:
    """`CPO (1) › VP of Product (4) › ...`: the leadership roles held, most senior first."""
    ladder = graph.org.ladder
    nodes = sorted((n for n in graph.nodes.values() if n.leadership),
                   key=lambda n: (-(ladder.rank(n.key) or 0), n.name))
    if not nodes:
        return "no product leadership role"
    return " › ".join(f"{n.name} ({n.people})" for n in nodes)


def _org_title(org: Org, graph: RoleGraph) -> str:
    people = sum(1 for p in org.by_id.values() if not p.vacant)
    return (f'<<b>{_html_text(org.name)}</b><br/><font point-size="11">'
            f'{_html_text(org.size)} · {people:,} people · '
            f'{sum(n.people for n in graph.nodes.values())} in the product ladder</font><br/>'
            f'<font point-size="11" color="#B35900">{_html_text(leadership_chain(graph))}'
            '</font>>')


def to_dot(orgs: Sequence[Org], title: str = "Product leadership roles by company size") -> str:
    """DOT source of the side-by-side role ladders."""
    graphs = [collapse(org) for org in orgs]
    levels = [lvl for lvl in LEVELS if any(n.level == lvl for g in graphs for n in g.nodes.values())
              or lvl in ("c-level", "vp", "head", "director")]
    lines = [
        "digraph roles {",
        '  graph [rankdir=TB, newrank=true, nodesep=0.35, ranksep=0.45, fontname="Helvetica",'
        f' labelloc=t, fontsize=20, label=<<b>{_html_text(title)}</b>>, pad=0.3];',
        '  node [shape=box, style="rounded,filled", fontname="Helvetica", fontsize=12,'
        ' penwidth=1.2, margin="0.15,0.06"];',
        '  edge [color="#555555", arrowsize=0.7, fontname="Helvetica", fontsize=10];',
        "  subgraph levels {",
        '    node [shape=plaintext, style="", fontsize=13, fontcolor="#555555"];',
    ]
    for level in levels:
        lines.append(f'    lvl_{level.replace("-", "_")} [label=<<b>{_html_text(LEVELS[level][1])}'
                     '</b>>];')
    chain = " -> ".join(f"lvl_{lvl.replace('-', '_')}" for lvl in levels)
    lines += [f"    {chain} [style=invis];" if len(levels) > 1 else "", "  }"]
    same_rank: dict[str, list[str]] = {lvl: [f"lvl_{lvl.replace('-', '_')}"] for lvl in levels}
    for column, graph in enumerate(graphs):
        lines.append(f"  subgraph cluster_{column} {{")
        lines.append(f'    label={_org_title(graph.org, graph)}; fontsize=15; style="rounded";'
                     ' color="#BBBBBB"; margin=14;')
        for node in graph.nodes.values():
            fill = (LEADERSHIP_FILL if node.leadership else
                    PRODUCT_FILL if node.product else OTHER_FILL)
            width = 2.2 if node.leadership else 1.2
            lines.append(f"    {_node_id(column, node.key)} [label={_label(node)}, "
                         f'fillcolor="{fill}", penwidth={width}];')
            same_rank.setdefault(node.level, []).append(_node_id(column, node.key))
        for role_id in graph.missing_leadership():
            role = graph.org.ladder.roles[role_id]
            ghost = f"c{column}_missing_{role_id.replace('-', '_')}"
            lines.append(f'    {ghost} [label=<{_html_text("no " + role.name)}>, '
                         f'style="rounded,dashed", color="{GHOST}", fontcolor="{GHOST}"];')
            same_rank.setdefault(role.level, []).append(ghost)
        lines.append("  }")
        for (a, b), n in sorted(graph.solid.items()):
            width = 1 + math.log2(n)
            label = f', label=" {n}"' if n > 1 else ""
            lines.append(f"  {_node_id(column, a)} -> {_node_id(column, b)} "
                         f"[penwidth={width:.2f}{label}];")
        for (a, b), n in sorted(graph.dotted.items()):
            label = f', label=" {n}"' if n > 1 else ""
            lines.append(f"  {_node_id(column, a)} -> {_node_id(column, b)} "
                         f'[style=dashed, color="#999999", constraint=false{label}];')
    for members in same_rank.values():
        if len(members) > 1:
            lines.append("  { rank=same; " + "; ".join(members) + "; }")
    lines.append(_legend())
    lines.append(f"  lvl_{levels[-1].replace('-', '_')} -> legend [style=invis];")
    lines.append("  { rank=sink; legend; }")
    lines.append("}")
    return "\n".join(line for line in lines if line) + "\n"


def _swatch(color: str, text: str) -> str:
    return (f'<td bgcolor="{color}" width="18" height="12" fixedsize="true"></td>'
            f'<td align="left">{text}</td>')


def _legend() -> str:
    return (
        '  legend [shape=plaintext, style="", label=<'
        '<table border="0" cellspacing="4" cellpadding="3"><tr>'
        + _swatch(LEADERSHIP_FILL, "product leadership (CPO, VP, Head, Director of Product)")
        + _swatch(PRODUCT_FILL, "product managers")
        + _swatch(OTHER_FILL, "roles the product ladder reports to")
        + '</tr><tr><td colspan="6" align="left">Arrow: people of the lower role report to '
        "people of the upper one (number: reporting lines when more than one); dashed arrow: "
        "dotted line; dashed box: the company has no such role.</td></tr></table>>];"
    )


def render(orgs: Sequence[Org], fmt: str = "svg", engine: str = "auto",
           timeout: float = 60.0) -> bytes:
    """Draw the chart (svg through any engine; png/pdf through system dot or conversion)."""
    from orgviz.render.engines import pick_engine

    source = to_dot(orgs)
    chosen = pick_engine(engine)
    if fmt in chosen.formats:
        return chosen.render(source, fmt, layout="dot", timeout=timeout)
    svg = chosen.render(source, "svg", layout="dot", timeout=timeout)
    from orgviz.render import convert

    if fmt == "png":
        return convert.svg_to_png(svg, scale=2.0)
    return convert.svg_to_pdf(svg)
