"""The `tidy` layout: orgviz places the cards itself in linear time, for orgs of any size.

The chart's solid tree goes to `orgviz.layout.tidy` (a Reingold–Tilford tidy tree with level
rows, stacked leaf reports and, with `compact`, listed subtrees); this module turns the
result into the same `Geometry` as the `dot` layout (cards, level rows, elbow connectors,
assistants beside their manager, dotted lines), so `svg.py` draws both alike.

`compact` decides from which level row down people are listed under their manager
(indented, file-tree style, in columns) instead of spreading out in rows: "off", a number
of rows kept as a tree, or "auto": no lists when the tree is at most MAX_ASPECT times as
wide as tall, else the list row and column height that give the most readable page on a
16:9 screen (see `choose_compact`).

`pinned_dot` writes a DOT file of a laid-out chart with every node and edge pinned (`pos`):
Graphviz's `nop2` engine (`neato -n2`) draws it without doing any layout, so both the system
and the embedded Graphviz can turn big orgs into PNG, PDF or their own SVG.
"""

from __future__ import annotations

import gc
import math

from orgviz.errors import RenderError
from orgviz.layout.tidy import LayoutOptions, PreparedForest, TreeLayout
from orgviz.render.cards import CardBox, CardText
from orgviz.render.chart import Chart
from orgviz.render.geometry import Axes, Box, Connector, Geometry
from orgviz.render.labels import dot_string, dot_tooltip
from orgviz.render.routing import add_links
from orgviz.render.themes import Theme, accent

LEVEL_GAP = 36.0  # between rows: the `dot` layout's ranksep (0.5 in)
SIBLING_GAP = 20.0
SUBTREE_GAP = 28.0
STACK_GAP = 14.0  # between stacked or listed cards
STACK_MIN = 2  # as the `dot` layout: stack a manager's leaf reports from two on
STACK_ROWS = 8  # at most this many cards per stack column
ASSISTANT_GAP = 24.0
#: `compact="auto"` lists nobody while the page is at most this many times as wide as tall.
MAX_ASPECT = 2.2
#: The shape listed columns are sized for (width / height of the whole drawing): 16:9.
TARGET_ASPECT = 16 / 9
#: Steps of the search for the column height of listed people (fewer for big charts, where
#: each step costs more).
SEARCH_STEPS, SEARCH_STEPS_BIG, BIG_CHART = 5, 2, 5000
#: ... and it stops when the page is this close to TARGET_ASPECT (|log(aspect / target)|).
CLOSE_ENOUGH = 0.12
#: A shallower list row (fewer rows drawn as a tree) must make the frame this much smaller.
DEEPER_BONUS = 0.85
#: The page around the layout in the SVG (margins, level axis, title and legend), roughly.
PAGE_W, PAGE_H = 56.0 + 118.0, 56.0 + 130.0
COMPACT_WORDS = ("auto", "off")


def verify_compact(value: str | int) -> str | int:
    """`compact` as "auto", "off" or a number of rows >= 1; else a RenderError."""
    if isinstance(value, bool):
        raise RenderError(f"unknown compact setting {value!r}: use auto, off or a number of "
                          f"rows such as 3")
    if isinstance(value, int):
        if value < 1:
            raise RenderError(f"--compact must be auto, off or at least 1, not {value}")
        return value
    text = str(value).strip().lower()
    if text in COMPACT_WORDS:
        return text
    if text.isdigit() and int(text) >= 1:
        return int(text)
    raise RenderError(f"unknown --compact {value!r}: use auto, off or a number of rows "
                      f"such as 3")


class TreeInput:
    """The chart's solid tree, read once, to lay out with several list settings."""

    def __init__(self, chart: Chart, box: CardBox) -> None:
        tb = chart.direction != "LR"
        self.chart, self.box, self.tb = chart, box, tb
        self.assistants = {k: v for k, v in chart.assistants.items() if v}
        size = (box.width, box.height)
        beside_boss = {helper for helpers in self.assistants.values() for helper in helpers}
        sizes = {card.id: size for card in chart.cards if card.id not in beside_boss}
        self.rows = {card.id: card.row for card in chart.cards if card.id not in beside_boss}
        step = (box.width if tb else box.height) + ASSISTANT_GAP
        beside = {boss: step * len(helpers) for boss, helpers in self.assistants.items()}
        self.forest = PreparedForest(chart.roots, chart.reports, sizes, self.rows, beside,
                                     chart.direction)
        self.count = len(sizes)
        self.nrows = max(self.rows.values(), default=0) + 1
        self.unit = (box.height if tb else box.width) + STACK_GAP  # a card in a column
        # cards from each row down (roots are never listed), for estimates of list areas
        below = [0] * (self.nrows + 1)
        for card_id, row in self.rows.items():
            if chart.by_id[card_id].manager is not None:
                below[row] += 1
        for row in range(self.nrows - 1, -1, -1):
            below[row] += below[row + 1]
        self.listed_below = below

    def options(self, list_from: int | None, list_height: float | None) -> LayoutOptions:
        return LayoutOptions(
            direction="TB" if self.tb else "LR", level_gap=LEVEL_GAP, sibling_gap=SIBLING_GAP,
            subtree_gap=SUBTREE_GAP, stack_leaves=True, stack_min=STACK_MIN,
            stack_gap=STACK_GAP, stack_rows=self.chart.stack_rows or STACK_ROWS,
            stack_any_row=True,
            list_from=list_from, list_height=list_height)

    def measure(self, list_from: int | None, list_height: float | None) -> tuple[float, float]:
        """The page size (roughly) of a layout: the drawing plus margins, axis and header."""
        w, h = self.forest.measure(self.options(list_from, list_height))
        return w + PAGE_W, h + PAGE_H

    def layout(self, list_from: int | None, list_height: float | None) -> TreeLayout:
        return self.forest.layout(self.options(list_from, list_height))


def _aspect(size: tuple[float, float]) -> float:
    return size[0] / max(size[1], 1.0)


def _fits(size: tuple[float, float], tb: bool) -> bool:
    """Whether a page is not too wide (top-down) or not portrait (left to right)."""
    return _aspect(size) <= MAX_ASPECT if tb else _aspect(size) >= 1.0


def _frame(size: tuple[float, float]) -> float:
    """The width of the smallest TARGET_ASPECT frame around a page: the smaller, the larger
    the text when the page is fitted to a slide or screen."""
    return max(size[0], TARGET_ASPECT * size[1])


def _off_target(size: tuple[float, float], tb: bool) -> float:
    """log(aspect / TARGET_ASPECT), signed so that > 0 means "taller list columns"."""
    value = math.log(_aspect(size) / TARGET_ASPECT)
    return value if tb else -value


Choice = tuple[int | None, float | None]


def _column_height(tree: TreeInput, list_from: int,
                   narrowest: tuple[float, float] | None = None) -> tuple[float, float]:
    """The height of the columns of listed people, from row `list_from` down, with the
    smallest frame (see `_frame`); returns (height, frame).

    One column per block gives the narrowest page, short columns (a block's tallest item) the
    widest; in between, the frame is smallest where the page has TARGET_ASPECT, or at the
    narrowest page when even that is too wide. The search probes the height that would hold
    the listed cards on such a page first, then interpolates (regula falsi, Illinois) on
    log(aspect / target) in log scale."""
    tb = tree.tb
    high = tree.unit * max(tree.count, 1) * 2
    high_size = narrowest or tree.measure(list_from, high)
    if _off_target(high_size, tb) >= 0:
        return high, _frame(high_size)
    # No column is taller than that narrowest drawing: taller limits change nothing.
    high = max(tree.unit, (high_size[1] - PAGE_H) if tb else (high_size[0] - PAGE_W))
    f_high = _off_target(high_size, tb)
    low, f_low = tree.unit, math.inf  # short columns: too wide, not measured
    best = (_frame(high_size), high)
    side = 0
    # First probe: columns that would hold the listed cards on a TARGET_ASPECT page.
    box = tree.box
    across = (box.width if tb else box.height) + SIBLING_GAP + 10.0
    area = tree.listed_below[list_from] * tree.unit * across
    guess = math.sqrt(area / TARGET_ASPECT if tb else area * TARGET_ASPECT)
    for step in range(SEARCH_STEPS if tree.count <= BIG_CHART else SEARCH_STEPS_BIG):
        a, b = math.log(low), math.log(high)
        if step == 0 and low < guess < high:
            t = (math.log(guess) - a) / (b - a)
        elif math.isinf(f_low):
            t = 0.5
        else:
            t = min(0.9, max(0.1, f_low / (f_low - f_high)))
        mid = math.exp(a + t * (b - a))
        mid_size = tree.measure(list_from, mid)
        best = min(best, (_frame(mid_size), mid))
        f_mid = _off_target(mid_size, tb)
        if abs(f_mid) < CLOSE_ENOUGH:
            break
        if f_mid > 0:
            low, f_low = mid, f_mid
            if side == -1:
                f_high /= 2
            side = -1
        else:
            high, f_high = mid, f_mid
            if side == 1 and not math.isinf(f_low):
                f_low /= 2
            side = 1
    return best[1], best[0]


def choose_compact(tree: TreeInput, compact: str | int) -> Choice:
    """(list_from, list_height) for a `compact` setting (see the module docstring).

    "auto": no lists when the page is at most MAX_ASPECT times as wide as tall. Else the rows
    are tried from the deepest up, each with its best column height, and the smallest frame
    wins (see `_frame`); a shallower row (a smaller tree above the lists) must beat a deeper
    one by DEEPER_BONUS. A row whose narrowest page cannot win is skipped, and the search
    stops after two rows in a row that did not win (one for charts of over BIG_CHART cards).
    """
    if compact == "off" or tree.nrows < 2:
        return None, None
    if isinstance(compact, int):
        if compact >= tree.nrows:
            return None, None
        return compact, _column_height(tree, compact)[0]
    size = tree.measure(None, None)
    if _fits(size, tree.tb):
        return None, None
    best_frame, best = _frame(size), (None, None)
    high = tree.unit * max(tree.count, 1) * 2
    misses = 0
    for list_from in range(tree.nrows - 1, 0, -1):
        narrowest = tree.measure(list_from, high)
        bound = narrowest[0] if tree.tb else TARGET_ASPECT * narrowest[1]  # frame >= this
        need = best_frame if best[0] is None else best_frame * DEEPER_BONUS
        if bound >= need:
            continue
        height, frame = _column_height(tree, list_from, narrowest)
        if frame < need:
            best_frame, best, misses = frame, (list_from, height), 0
        elif best[0] is not None:
            misses += 1
            if misses == (2 if tree.count <= BIG_CHART else 1):
                break
    return best


Ends = tuple[tuple[str, str], ...]


def layout_tidy(chart: Chart, box: CardBox, compact: str | int = "auto") -> tuple[Geometry, Ends]:
    """Lay the chart out with the tidy tree layout: the geometry, and the (from, to) card ids
    of each of its lines."""
    compact = verify_compact(compact)
    was_enabled = gc.isenabled()
    gc.disable()  # hundreds of thousands of small objects, no cycles: the collector only costs
    try:
        tree = TreeInput(chart, box)
        list_from, list_height = choose_compact(tree, compact)
        return geometry_of(chart, box, tree, tree.layout(list_from, list_height), list_from)
    finally:
        if was_enabled:
            gc.enable()


def geometry_of(chart: Chart, box: CardBox, tree: TreeInput,
                lay: TreeLayout, list_from: int | None = None) -> tuple[Geometry, Ends]:
    """Cards, rows and connectors of a tidy layout, plus assistants and dotted lines.

    From `list_from` on (a compact chart), the rows are lists under their managers, not
    levels: a card laid out in such a row (a top of its own, in a broken org) gets no level
    band or label, which would stand beside listed cards of other levels.
    """
    ax = Axes(chart.direction)
    w, h = box.width, box.height
    boxes = {card_id: Box(x, y, w, h) for card_id, (x, y) in lay.positions.items()}
    lines: list[Connector] = []
    ends: list[tuple[str, str]] = []
    by_id = chart.by_id
    for pair, points in lay.edges.items():
        kind = "broken" if by_id[pair[1]].broken_line else "solid"
        lines.append(Connector(kind, tuple(points)))
        ends.append(pair)
    step = (w if tree.tb else h) + ASSISTANT_GAP
    for boss, helpers in tree.assistants.items():
        where = boxes[boss]
        main = ax.main(where)
        previous = boss
        for index, helper in enumerate(helpers, start=1):  # in a row: each joins the one before
            boxes[helper] = Box(*ax.point(main, ax.cross(where) + index * step), w, h)
            start = ax.cross(where) + ax.half_cross(where) + (index - 1) * step
            lines.append(Connector("assistant", (ax.point(main, start),
                                                 ax.point(main, start + ASSISTANT_GAP))))
            ends.append((previous, helper))
            previous = helper
    add_links(chart, boxes, lines, ends, lay.width, lay.height)
    rows = {row: centre for row, centre in lay.rows.items()
            if list_from is None or row < list_from}
    geometry = Geometry(lay.width, lay.height, boxes, rows, tuple(lines), chart.direction)
    return geometry, tuple(ends)


# --- Graphviz, pinned ----------------------------------------------------------------------------

def _num(value: float) -> str:
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def pinned_dot(chart: Chart, geometry: Geometry, ends: Ends, texts: dict[str, CardText],
               box: CardBox, theme: Theme) -> str:
    """A stand-alone DOT file of a laid-out chart with every node and edge pinned.

    Draw it with `neato -n2` (or `dot -Knop2`): Graphviz keeps the positions (points, y up)
    and does no layout. Labels are plain text (name, title, team), so that Graphviz builds
    without HTML-like label support draw them too.
    """
    height = geometry.height
    out = ["digraph orgchart {"]
    out.append(f'  graph [bgcolor="{theme.background}", label={dot_string(chart.title)}, '
               f'labelloc=t, fontsize=16, fontcolor="{theme.text}", fontname="Helvetica", '
               f'pad=0.3, splines=true, outputorder=edgesfirst];')
    out.append(f'  node [shape=box, style="rounded,filled", fixedsize=true, '
               f'width={box.width / 72:.4f}, height={box.height / 72:.4f}, '
               f'fillcolor="{theme.card_fill}", color="{theme.card_border}", '
               f'fontname="Helvetica", fontsize=9, fontcolor="{theme.text}", margin=0];')
    out.append(f'  edge [arrowhead=none, color="{theme.line}", penwidth={theme.line_width}];')
    name_of = {card.id: f"c{i}" for i, card in enumerate(chart.cards)}
    ax = Axes(geometry.direction)
    for row, centre in sorted(geometry.rows.items()):
        if row < len(chart.rows) and chart.rows[row]:
            x, y = ax.point(centre, -60.0) if ax.tb else ax.point(centre, -30.0)
            out.append(f"  r{row} [shape=plaintext, fixedsize=false, style=solid, "
                       f"label={dot_string(chart.rows[row].upper())}, fontsize=9, "
                       f'fontcolor="{theme.faint}", pos="{_num(x)},{_num(height - y)}!"];')
    for card in chart.cards:
        where = geometry.boxes.get(card.id)
        if where is None:
            continue
        text = texts[card.id]
        attrs = [f'pos="{_num(where.x)},{_num(height - where.y)}!"',
                 f"label={dot_string(*text.name, *text.title, text.team, text.dotted)}",
                 f"tooltip={dot_tooltip(text.full)}"]
        if card.kind == "open":
            attrs.append(f'style="rounded,filled,dashed", fillcolor="{theme.open_fill}", '
                         f'color="{theme.open_border}"')
        elif card.kind == "rollup":
            attrs.append(f'fillcolor="{theme.rollup_fill}", color="{theme.rollup_border}", '
                         f"peripheries=2")
        elif card.color:
            attrs.append(f'color="{accent(theme, card.color)}", penwidth=1.5')
        if card.broken:
            attrs.append(f'color="{theme.broken}", penwidth=2.5')
        out.append(f"  {name_of[card.id]} [{', '.join(attrs)}];")
    for line, (tail, head) in zip(geometry.lines, ends, strict=True):
        if line.curve:
            controls = list(line.points)
        else:
            controls = [line.points[0]]
            for a, b in zip(line.points, line.points[1:], strict=False):
                controls.extend((a, b, b))
        pos = " ".join(f"{_num(x)},{_num(height - y)}" for x, y in controls)
        style = ""
        if line.kind == "dotted":
            style = f', style=dashed, color="{theme.dotted_line}"'
        elif line.kind == "broken":
            style = f', style=dashed, color="{theme.broken}", penwidth=2'
        elif line.kind == "assistant":
            style = ", style=dotted"
        out.append(f'  {name_of[tail]} -> {name_of[head]} [pos="{pos}"{style}];')
    out.append("}")
    return "\n".join(out) + "\n"
