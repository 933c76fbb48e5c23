"""One part of an org drawn for a slide: the chart's SVG, its size and its smallest text."""

from __future__ import annotations

import math
import re
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Protocol

from orgviz.gcpause import cyclic_gc_paused
from orgviz.layout.tidy import Beside, LayoutOptions
from orgviz.model import Org
from orgviz.problem import Problem
from orgviz.render.cards import (
    NAME_SIZE,
    TEAM_SIZE,
    TITLE_SIZE,
    CardBox,
    card_box,
    chart_texts,
)
from orgviz.render.chart import BANDS, Card, Chart, View, build_chart
from orgviz.render.convert import svg_size
from orgviz.render.dot import RANKSEP, stack_groups
from orgviz.render.engines import Engine
from orgviz.render.geometry import Box, Connector, Geometry, Point
from orgviz.render.routing import add_links
from orgviz.render.svg import AXIS_WIDTH, band_halves, draw_svg, labelled_rows
from orgviz.render.themes import Theme
from orgviz.render.tidylayout import ASSISTANT_LINE_GAP, assistant_lines

if TYPE_CHECKING:
    from orgviz.render.tidylayout import TreeInput

#: Managers' own stack depths, as (manager id, rows) pairs in id order (see `stack_limits`).
StackLimits = tuple[tuple[str, int], ...]
#: Space around a chart on a slide, in SVG units (the slide has its own margins).
MARGIN = 8.0
RANK_GAP = RANKSEP * 72  # the gap between rows (both layouts), in SVG units
TIDY_STACK_GAP = 14.0  # the tidy layout's gap between stacked cards
#: A reporting chain drawn in columns: the gap between columns (where the line from the foot
#: of one column climbs to the head of the next) and between the cards of a column.
CHAIN_COLUMN_GAP = 44.0
CHAIN_ROW_GAP = 28.0
#: The layouts a deck can use: orgviz's tidy tree (default, no Graphviz) or Graphviz dot.
LAYOUTS = ("tidy", "dot")
_FONT_SIZE = re.compile(rb'font-size="([0-9.]+)"')


class CardSize(Protocol):
    """What the slide budgets read of a card size: a CardBox, or a made-up smallest card."""

    @property
    def width(self) -> float: ...

    @property
    def height(self) -> float: ...


@dataclass(frozen=True)
class Drawn:
    """A chart drawn for a slide, without title or legend (the slide shows its own)."""

    svg: bytes
    width: float  # SVG units
    height: float
    min_text: float  # the smallest font size in the drawing, in SVG units
    chart: Chart
    boxes: dict[str, Box]  # card id -> box in the drawing's own coordinates
    geometry: Geometry  # the layout, kept to redraw the same chart with other notes
    axis: bool  # whether the level axis is drawn
    box: CardBox | None = None  # the card size it was drawn with
    # managers stacked other than `chart.stack_rows` deep, and how deep (see `stackings`)
    stack_rows_of: StackLimits = ()


def smallest_text(svg: bytes) -> float:
    """The smallest font-size attribute of an SVG (0 when it has no text)."""
    sizes = [float(found) for found in _FONT_SIZE.findall(svg)]
    return min(sizes, default=0.0)


class Drawer:
    """Draws views of one org with one theme and engine; counts the layouts it ran."""

    def __init__(self, org: Org, theme: Theme, engine: Engine | None = None,
                 timeout: float = 120.0, problems: Sequence[Problem] = (),
                 color_by: str = "team", layout: str = "tidy") -> None:
        if layout not in LAYOUTS:
            raise ValueError(f"unknown layout {layout!r}")
        if layout == "dot" and engine is None:
            raise ValueError("the dot layout needs a Graphviz engine")
        self.org, self.theme, self.engine, self.layout = org, theme, engine, layout
        self.timeout, self.problems, self.color_by = timeout, problems, color_by
        self.layouts = 0

    def place(self, chart: Chart, box: CardBox, tree: TreeInput | None = None,
              limits: StackLimits = ()) -> Geometry:
        """The chart laid out: orgviz's tidy tree (no Graphviz), or Graphviz dot. `tree`:
        the tidy layout's input read from the chart at any stack depth (see `tree_input`),
        laid out at the chart's own; `limits`: managers stacked other than that (tidy)."""
        self.layouts += 1
        if self.layout == "tidy":
            from orgviz.render.tidylayout import geometry_of

            with cyclic_gc_paused():
                tree = tree or tree_input(chart, box)
                layout = tree.forest.layout(stack_options(tree, chart.stack_rows, limits))
                return geometry_of(chart, box, tree, layout)[0]
        from orgviz.render.dotlayout import layout_dot

        assert self.engine is not None
        return layout_dot(chart, box, self.theme, self.engine, self.timeout)[0]

    def chart(self, view: View) -> tuple[Chart, CardBox]:
        # (a team's color the same on every slide: the org's, not spread over each part's)
        chart = build_chart(self.org, view._replace(color_by=self.color_by, spread_colors=False),
                            self.theme, self.problems)
        chart = by_depth(moved_beside(chart, self.assistants_moved(view)))
        # (room for a team line on every slide, teams or not: one card size through a deck)
        return chart, card_box(chart_texts(chart), team_line=True)

    def assistants_moved(self, view: View) -> set[str]:
        """The managers whose people on other slides (`view.moved`) are all assistants of
        theirs (people marked `assistant` without reports, as the chart stands them beside
        their manager): their "+N people" card may stand in the block of assistants."""
        people, reports = self.org.by_id, self.org.reports
        found: set[str] = set()
        mixed: set[str] = set()
        for moved in view.moved:
            if moved.manager is not None:
                helpers = all(pid in people and people[pid].assistant and not reports[pid]
                              for pid in moved.reports)
                (found if helpers else mixed).add(moved.manager)
        return found - mixed

    def place_peers(self, chart: Chart, box: CardBox, limits: StackLimits = ()) -> Geometry:
        """The tidy layout with the tops' reports side by side on one row, never stacked
        (reports further down are stacked as usual; `limits`: managers stacked less deep).

        The layout stacks a manager's leaf reports that sit on the row just below them;
        the tops' reports are laid out a row lower (an empty row the layout takes no room
        for), so that theirs are not, and the rows are numbered back afterwards.
        """
        from orgviz.render.tidylayout import TreeInput, geometry_of

        class PeersInput(TreeInput):
            def options(self, list_from: int | None,
                        list_height: float | None) -> LayoutOptions:
                return replace(super().options(list_from, list_height), stack_any_row=False,
                               stack_rows_of=limits)

        self.layouts += 1
        lowered = replace(chart, cards=tuple(
            card._replace(row=card.row + 1) if card.manager is not None else card
            for card in chart.cards))
        tree = PeersInput(lowered, box)
        geometry = geometry_of(lowered, box, tree, tree.layout(None, None))[0]
        rows = {row - 1 if row > 1 else row: centre for row, centre in geometry.rows.items()}
        return geometry._replace(rows=rows)

    def draw(self, view: View, rows_height: float | None = None,
             peers: bool = False, box: CardBox | None = None,
             across: int | None = None, text_room: bool = False) -> list[Drawn]:
        """Ways to draw the view: each with its level axis, then without it (narrower).

        With `rows_height` (SVG units) leaf reports are stacked only so deep that the chart
        keeps within as many rows as fit that height; with the tidy layout (fast) each
        manager's stack as deep as fits (`stack_fits`), and every shallower stacking is
        drawn too, shallowest first (wider and lower: slides are wide; see `stackings`);
        the dot layout stacks all as deep as the shallowest fit. None keeps the layout's own
        stacking. `peers`: the top's reports side by side on one row, never stacked (with
        the dot layout: nothing stacked). `box`: the card size to draw with instead of the
        chart's own (the panels of a shared slide). `across`: a manager's assistants at
        most that many side by side (None: the layouts' own, three). `text_room`:
        `rows_height` is the slide's height at the scale that draws the team line's text
        (TEAM_SIZE) at the minimum font; a chart whose cards have no text that small may be
        drawn smaller, and is drawn too with stacks as deep as its smallest text leaves room
        for (`card_text_room`), without the level axis (whose labels are that small).
        """
        chart, own = self.chart(view)
        chart = replace(chart, assistants_across=across)
        box = box or own
        tree = tree_input(chart, box) if self.layout == "tidy" else None
        depths: list[tuple[int | None, dict[str, int]]] = [(None, {})]
        deeper: list[tuple[int | None, dict[str, int]]] = []
        if peers and self.layout != "tidy":
            depths = [(1, {})]
        elif rows_height is not None:
            depths = self.depths(chart, box, rows_height, tree)
            room = card_text_room(chart) if text_room else 1.0
            if room > 1.0:
                deeper = [found for found in self.depths(chart, box, rows_height * room, tree)
                          if found not in depths]
        results = []
        # (the deeper stackings are too tall for the level axis's labels: drawn without)
        for (depth, own_depths), axis in [*((found, True) for found in depths),
                                          *((found, False) for found in deeper)]:
            stacked = replace(chart, stack_rows=depth) if depth is not None else chart
            kept = stack_limits(own_depths)
            geometry = (self.place_peers(stacked, box, kept)
                        if peers and self.layout == "tidy"
                        else self.place(stacked, box, tree, kept))
            first = self.paint(stacked, box, geometry, axis=axis, limits=kept)
            results.append(first)
            if first.axis:
                results.append(self.paint(stacked, box, geometry, False, kept))
        return results

    def depths(self, chart: Chart, box: CardBox, rows_height: float,
               tree: TreeInput | None) -> list[tuple[int | None, dict[str, int]]]:
        """The stackings to draw a chart with so that it keeps within `rows_height` units:
        the tidy layout's `stackings`, shallowest first; the dot layout's one depth, all
        stacked as deep as the shallowest fit."""
        fits = stack_fits(chart, box, rows_height, self.layout, tree)
        if self.layout == "tidy":
            return list(stackings(chart, fits))
        return [(min(fits.values(), default=1), {})]

    def draw_chain(self, view: View, rows: int) -> Drawn:
        """A reporting chain (each card the one report of the card before it) in columns of
        `rows` cards, read down each column, then the next to the right."""
        chart, box = self.chart(view)
        return self.paint(chart, box, chain_geometry(chart, box, rows), axis=False)

    def chain_box(self, view: View) -> CardBox:
        """The card size of a view's chart."""
        return self.chart(view)[1]

    def redraw(self, drawn: Drawn, view: View, keep_box: bool = False) -> Drawn:
        """The same chart and layout with the texts of `view` (its notes may differ);
        `keep_box`: with the card size it was drawn with (a panel's shared size)."""
        chart, box = self.chart(view)
        if keep_box and drawn.box is not None:
            box = drawn.box
        chart = replace(chart, stack_rows=drawn.chart.stack_rows,
                        assistants_across=drawn.chart.assistants_across)
        if [c.id for c in chart.cards] != [c.id for c in drawn.chart.cards]:
            raise ValueError("redraw needs the same cards")  # pragma: no cover - a bug
        return self.paint(chart, box, drawn.geometry, drawn.axis, drawn.stack_rows_of)

    def paint(self, chart: Chart, box: CardBox, geometry: Geometry, axis: bool,
              limits: StackLimits = ()) -> Drawn:
        geometry = room_for_lines(geometry)
        chart = replace(chart, rows=row_labels(chart, geometry))
        # The level labels' column only when a row gets a label (as `draw_svg` keeps it): a
        # row whose band holds mostly cards of other rows gets none.
        labelled = labelled_rows(chart, geometry, band_halves(geometry, box)) if axis else []
        has_axis = bool(labelled)
        if not has_axis:
            chart = replace(chart, rows=tuple("" for _ in chart.rows))
        svg = draw_svg(chart, geometry, chart_texts(chart), box, self.theme, header=False,
                       margin=MARGIN, labelled=labelled)
        x0 = MARGIN + (AXIS_WIDTH if has_axis else 0.0)
        boxes = {key: Box(b.x + x0, b.y + MARGIN, b.w, b.h)
                 for key, b in geometry.boxes.items()}
        width = 2 * MARGIN + (AXIS_WIDTH if has_axis else 0.0) + geometry.width
        height = 2 * MARGIN + geometry.height
        # The drawing may reach past the layout's boxes (the pile of cards behind a
        # continued card in the last row or column): the picture is as large as the SVG,
        # else its slide squeezed it to the layout's size.
        svg_w, svg_h = svg_size(svg)
        width, height = max(width, svg_w), max(height, svg_h)
        return Drawn(svg, width, height, smallest_text(svg) or TEAM_SIZE, chart, boxes,
                     geometry, has_axis, box, limits)


#: How far a line's drawing reaches past its points: half a broken line's halo, rounded up.
LINE_REACH = 3.0


def room_for_lines(geometry: Geometry) -> Geometry:
    """The geometry moved and grown so that its lines, drawn, keep within MARGIN of it: a
    routed line (dotted, or broken with --force) may run outside the cards (`add_links`
    routes up to routing.CLEAR past them), where the slide's picture cut it off. The
    same geometry when they keep within."""
    xs = [x for line in geometry.lines for x, _ in line.points]
    ys = [y for line in geometry.lines for _, y in line.points]
    if not xs:
        return geometry
    left = max(0.0, LINE_REACH - MARGIN - min(xs))
    top = max(0.0, LINE_REACH - MARGIN - min(ys))
    right = max(0.0, max(xs) + LINE_REACH - MARGIN - geometry.width)
    bottom = max(0.0, max(ys) + LINE_REACH - MARGIN - geometry.height)
    if not (left or top or right or bottom):
        return geometry
    boxes = {key: Box(b.x + left, b.y + top, b.w, b.h) for key, b in geometry.boxes.items()}
    lines = tuple(line._replace(points=tuple((x + left, y + top) for x, y in line.points))
                  for line in geometry.lines)
    along = top if geometry.direction == "TB" else left  # (rows are along the rank axis)
    rows = {row: centre + along for row, centre in geometry.rows.items()}
    return geometry._replace(width=geometry.width + left + right,
                             height=geometry.height + top + bottom,
                             boxes=boxes, rows=rows, lines=lines)


def card_text_room(chart: Chart) -> float:
    """How much more room than at the team line's text size (TEAM_SIZE) a chart has on a
    slide when drawn with its smallest card text at that size: its cards' smallest text
    (team lines, notes, rollups' and continued cards' last lines are TEAM_SIZE; titles
    TITLE_SIZE; names NAME_SIZE) over TEAM_SIZE; 1 for a chart with a team line."""
    if any(card.team or card.kind in ("rollup", "continued") for card in chart.cards):
        return 1.0  # (a team line, or a pile's last line: no card texts to wrap for it)
    smallest = NAME_SIZE
    for text in chart_texts(chart).values():
        if text.team or text.dotted:
            return 1.0
        if text.title:
            smallest = TITLE_SIZE
    return smallest / TEAM_SIZE


def moved_beside(chart: Chart, assistants_moved: Collection[str]) -> Chart:
    """The chart with the card for a manager's people on other slides ("+10 people") in the
    block of their assistants, after them, when they are all assistants of theirs (the
    managers of `assistants_moved`) and no report of theirs is drawn: a slide of a CEO and
    some of her assistants drew it on a row of its own below the block, a row that left
    room for one line of assistants fewer (fifteen at 12 pt took four slides, not three).

    A card that stands for reports too keeps its row below the manager, on a solid line: in
    the block it hung on the assistants' dotted line from the last of them, read as theirs.
    """
    reports, assistants = chart.reports, chart.assistants
    beside = {card.id for card in chart.cards
              if card.kind == "continued" and card.manager is not None
              and card.manager in assistants_moved
              and card.id.startswith("+") and reports[card.manager] == [card.id]
              and assistants[card.manager]}
    if not beside:
        return chart
    return replace(chart, cards=tuple(card._replace(assistant=True) if card.id in beside
                                      else card for card in chart.cards))


def by_depth(chart: Chart) -> Chart:
    """The chart with one row per reporting level, so that peers sit on one row.

    A card sits a row below its manager (an assistant beside them), whatever its level and
    whether it is drawn whole, as a "continued" pile or as a rollup: the level rows of
    `orgviz render` would put a report with a team of her own below peers of a more senior
    level, or (stacked with leaf peers) on a row of another level. A row is labelled with a
    level only when all its people (continued ones too) share it.
    """
    rows: dict[str, int] = {}
    cards: list[Card] = []
    for card in chart.cards:  # depth-first: a manager comes before their reports
        boss = card.manager
        row = 0 if boss is None else rows.get(boss, 0) + (not card.assistant)
        rows[card.id] = row
        cards.append(card if card.row == row else card._replace(row=row))
    bands: dict[int, set[int | None]] = {}
    for card in cards:
        found = bands.setdefault(card.row, set())
        if not card.assistant and not card.id.startswith("+"):  # rollups stand for many
            found.add(card.band)
    labels = []
    for row in range(max(bands, default=-1) + 1):
        found = bands.get(row, set())
        band = next(iter(found)) if len(found) == 1 else None
        labels.append(BANDS[band][0] if band is not None else "")
    return replace(chart, cards=tuple(cards), rows=tuple(labels))


def chain_geometry(chart: Chart, box: CardBox, rows: int) -> Geometry:
    """The cards of a chain in columns of `rows`, in the chart's order (top to bottom), each
    card as tall as its own lines.

    Each card hangs from the one above it; the line from the foot of a column leaves the
    card's right side, climbs in the gap and enters the head of the next column from the left.
    The chart's dotted and broken lines between its cards (a reporting cycle's closing line,
    --force) are routed as `orgviz render` routes them (`add_links`).
    """
    w = box.width
    ids = [card.id for card in chart.cards]
    rows = max(1, min(rows, len(ids)))
    columns = -(-len(ids) // rows)
    boxes = {}
    height = 0.0
    for start in range(0, len(ids), rows):
        left = start // rows * (w + CHAIN_COLUMN_GAP)
        top = 0.0
        for card_id in ids[start:start + rows]:
            h = box.own_height(card_id)
            boxes[card_id] = Box(left + w / 2, top + h / 2, w, h)
            top += h + CHAIN_ROW_GAP
        height = max(height, top - CHAIN_ROW_GAP)
    lines = []
    for card in chart.cards:
        if card.manager is None or card.manager not in boxes:
            continue
        a, b = boxes[card.manager], boxes[card.id]
        points: tuple[Point, ...]
        if abs(a.x - b.x) < 1e-6:
            points = ((a.x, a.bottom), (b.x, b.top))
        else:
            middle = a.right + CHAIN_COLUMN_GAP / 2
            points = ((a.right, a.y), (middle, a.y), (middle, b.y), (b.left, b.y))
        lines.append(Connector("broken" if card.broken_line else "solid", points))
    width = columns * w + (columns - 1) * CHAIN_COLUMN_GAP
    add_links(chart, boxes, lines, None, width, height)
    return Geometry(width, height, boxes, {}, tuple(lines), chart.direction)


def chain_rows(height: float, box: CardSize, heights: Sequence[float] = ()) -> int:
    """How many cards of a chain fit in a column `height` SVG units high: cards as tall as
    `heights` (the chain's, in order), every column of that many of them within the height;
    without `heights`, cards as tall as `box`."""
    usable = height - 2 * MARGIN + CHAIN_ROW_GAP
    if not heights:
        return max(1, int(usable // (box.height + CHAIN_ROW_GAP)))
    pitches = [h + CHAIN_ROW_GAP for h in heights]
    for rows in range(len(pitches), 1, -1):
        if all(sum(pitches[start:start + rows]) <= usable
               for start in range(0, len(pitches), rows)):
            return rows
    return 1


def chain_columns(width: float, box: CardSize) -> int:
    """How many columns of a chain fit side by side in `width` SVG units."""
    return max(1, int((width - 2 * MARGIN + CHAIN_COLUMN_GAP) // (box.width + CHAIN_COLUMN_GAP)))


def row_labels(chart: Chart, geometry: Geometry) -> tuple[str, ...]:
    """The chart's row labels, less those of rows that cards of another row reach into
    (stacked reports of a manager a row up: a pile of a manager beside a row of ICs)."""
    labels = list(chart.rows)
    for row, centre in geometry.rows.items():
        if row < len(labels) and labels[row] and any(
                card.row != row and card.id in geometry.boxes
                and geometry.boxes[card.id].top < centre < geometry.boxes[card.id].bottom
                for card in chart.cards):
            labels[row] = ""
    return tuple(labels)


def stack_depth(chart: Chart, box: CardBox, height: float, layout: str = "tidy",
                tree: TreeInput | None = None) -> int:
    """How many leaves deep stacks may be so that the chart keeps within `height` units:
    as deep as the shallowest of `stack_fits` (1 without stacks)."""
    return min(stack_fits(chart, box, height, layout, tree).values(), default=1)


def stack_fits(chart: Chart, box: CardBox, height: float, layout: str = "tidy",
               tree: TreeInput | None = None) -> dict[str, int]:
    """How many leaves deep each manager's stack may be (at least 1) so that it keeps
    within `height` units: managers with two leaf reports or more, in the chart's order.
    A leaf is a report with no reports of their own: the tidy layout stacks one with an
    assistant too (the assistant stands beside them, outside the tree), the dot layout
    does not (`leaf_reports`).

    A stack starts on its most senior leaf's row (below its manager); rows above it take
    their height and a row gap each, stacked cards a card and the layout's stack gap (a
    whole row gap in the dot layout). The tidy layout gives each row the height of its
    tallest card and a stack that of its own tallest (`card_heights`); the dot layout each
    rank that of the tallest card in it (`render.dot`'s rank_heights: `dot_stack_fit`). A
    manager with more than one line of assistants makes its row deeper (`assistant_room`).
    `tree`: the chart's tidy layout input, when it is read already.
    """
    by_id = chart.by_id
    usable = height - 2 * MARGIN
    gap = RANK_GAP if layout == "dot" else TIDY_STACK_GAP
    heights = card_heights(chart, box, tree) if layout == "tidy" else {}
    tallest = box.height
    own_height = heights.get if layout == "tidy" else (lambda cid, _: box.own_height(cid))
    rows: dict[int, float] = {}
    for card in chart.cards:
        own = assistant_room(chart, card.id, own_height(card.id, tallest))
        if own > rows.get(card.row, 0.0):
            rows[card.row] = own
    fits: dict[str, int] = {}
    for card in chart.cards:
        leaves = leaf_reports(chart, card.id, layout)
        if len(leaves) >= 2:
            first = max(card.row + 1, min(by_id[r].row for r in leaves))
            above = sum(rows.get(row, tallest) + RANK_GAP for row in range(first))
            if layout == "dot":
                below = [rows.get(row, 0.0) for row in range(first, max(rows) + 1)]
                fits[card.id] = dot_stack_fit(leaves, box, usable - above, below)
                continue
            card_h = max(heights.get(r, tallest) for r in leaves)
            fits[card.id] = max(1, int((usable - above + gap) // (card_h + gap)))
    return fits


def dot_stack_fit(leaves: list[str], box: CardBox, room: float,
                  row_heights: Sequence[float]) -> int:
    """How deep the dot layout may stack a manager's `leaves` within `room` units: the most
    ranks that fit a stack that deep (`_dot_ranks`), RANK_GAP apart."""
    fit = 1
    while sum(heights := _dot_ranks(leaves, fit + 1, box, row_heights)) \
            + RANK_GAP * (len(heights) - 1) <= room:
        fit += 1
    return fit


def _dot_ranks(leaves: list[str], depth: int, box: CardBox,
               row_heights: Sequence[float]) -> list[float]:
    """The heights of the `depth` ranks a stack of `leaves` `depth` deep takes in the dot
    layout, each as tall as the tallest card in it (`render.dot`'s rank_heights): its
    leaves' there (in spines of two a rank when they are more than `depth`, as
    `render.dot.stack_groups` cuts them) and the chart's row's there (`row_heights`); a
    rank the spines leave empty counts as tall as the tallest leaf, as a stack `depth` deep
    is counted `depth` ranks (the chart's other stacks may fill them)."""
    own = box.own_height
    per_rank = 2 if len(leaves) > depth else 1
    ranks = [row_heights[k] if k < len(row_heights) else 0.0 for k in range(depth)]
    filled: set[int] = set()
    for group in stack_groups(leaves, depth):
        for index, leaf in enumerate(group):
            rank = index // per_rank
            ranks[rank] = max(ranks[rank], own(leaf))
            filled.add(rank)
    tallest = max(map(own, leaves))
    return [height if rank in filled else max(height, tallest)
            for rank, height in enumerate(ranks)]


def assistant_room(chart: Chart, card_id: str, own: float) -> float:
    """How deep a card `own` deep stands in its row with its assistants beside it: more
    than fit a line (`assistant_lines`) stand in further lines below the first, each a card
    deep and ASSISTANT_LINE_GAP below the line before (in the dot layout too: its further
    ranks are drawn that close, `render.dotlayout.close_lines`), as the tidy layout's
    `Beside` keeps room: both layouts alike."""
    lines = assistant_lines(len(chart.assistants[card_id]), chart.assistants_across)[0]
    return own + Beside(0.0, lines, ASSISTANT_LINE_GAP).past(own)


def leaf_reports(chart: Chart, manager: str, layout: str = "tidy") -> list[str]:
    """A manager's reports that the layout stacks: those with no reports of their own; in
    the dot layout not those with an assistant either (as `render.dot.is_leaf`: the tidy
    layout stands the assistant beside them, outside the tree)."""
    reports = chart.reports
    if layout == "tidy":
        return [r for r in reports[manager] if not reports[r]]
    assistants = chart.assistants
    return [r for r in reports[manager] if not reports[r] and not assistants[r]]


def stackings(chart: Chart, fits: dict[str, int]) -> list[tuple[int, dict[str, int]]]:
    """The stackings to draw a chart with, shallowest first: (depth, the managers stacked
    other than `depth` deep and how deep).

    Each depth from 1 to the shallowest of `fits` stacks everyone that deep (empty limits);
    each depth from 1 to the deepest of `fits` also gives its managers their own depth,
    when that draws the chart otherwise than any stacking before: min(depth, its fit), or
    a card deeper when that fits and leaves no card alone in a last column (three cards
    one column, not two and one; five three and two, not two, two and one), as `_split`
    lets a chart's column be a card taller for fewer columns. Those come first at their
    depth."""
    counts = {m: n for m in chart.reports
              if (n := len(leaf_reports(chart, m, "tidy"))) >= 2}
    shallowest = min(fits.values(), default=1)
    found: list[tuple[int, dict[str, int]]] = []
    seen: set[tuple[int, ...]] = set()
    for depth in range(1, max(fits.values(), default=1) + 1):
        limits = {}
        for manager, fit in fits.items():
            rows = _rows_without_orphan(counts.get(manager, 0), min(depth, fit), fit)
            if rows != depth:
                limits[manager] = rows
        uniform = tuple(min(depth, n) for n in counts.values())
        drawn = tuple(min(limits.get(m, depth), n) for m, n in counts.items())
        if depth > shallowest or drawn != uniform:
            if drawn not in seen:
                found.append((depth, limits))
            seen.add(drawn)
        if depth <= shallowest:
            found.append((depth, {}))
            seen.add(uniform)
    return found


def _rows_without_orphan(count: int, rows: int, fit: int) -> int:
    """How deep to stack `count` leaves asked `rows` deep: a card deeper when `rows` would
    leave one alone in the last column of a stack and `rows` + 1 (at most `fit`) leaves
    none alone in fewer columns."""
    if rows < 2 or count <= rows or rows + 1 > fit or _last_column(count, rows) != 1:
        return rows  # (one deep: a row of cards, no stack)
    deeper = _last_column(count, rows + 1)
    return rows + 1 if deeper > 1 or deeper == count else rows


def _last_column(count: int, rows: int) -> int:
    """How many of `count` stacked leaves the last column holds, at most `rows` a column
    (as the layout cuts a stack: columns as even as that many allow, the last the rest);
    `count` when they stand in one column."""
    columns = max(1, math.ceil(count / rows))
    per = math.ceil(count / columns)
    return count - per * (columns - 1)


def card_heights(chart: Chart, box: CardBox, tree: TreeInput | None = None
                 ) -> dict[str, float]:
    """Each card's height as the tidy layout draws it: a manager's stacked leaf reports
    the tallest of theirs, every other card the tallest of its row (see TreeInput); `tree`:
    the chart's layout input, when it is read already."""
    tree = tree or tree_input(chart, box)
    return {card_id: size[1] for card_id, size in tree.sizes.items()}


def tree_input(chart: Chart, box: CardBox) -> TreeInput:
    """The tidy layout's input read from the chart, for any stack depth: the cards' sizes
    do not depend on it (a manager's stacked reports share a height however many columns
    they stand in), only the layout options do (`stack_options`)."""
    from orgviz.render.tidylayout import TreeInput

    with cyclic_gc_paused():
        return TreeInput(chart, box)


def stack_limits(own_depths: Mapping[str, int]) -> StackLimits:
    """Managers' own stack depths as the layout takes them (`LayoutOptions.stack_rows_of`:
    (manager id, rows) pairs, in id order)."""
    return tuple(sorted(own_depths.items()))


def stack_options(tree: TreeInput, stack_rows: int | None,
                  limits: StackLimits = ()) -> LayoutOptions:
    """The options `tree` is laid out with, stacking at most `stack_rows` cards a column
    (None: the layout's own), as a TreeInput of the chart at that depth has them, and the
    managers of `limits` at most their own number."""
    from orgviz.render.tidylayout import STACK_ROWS

    return replace(tree.options(None, None), stack_rows=stack_rows or STACK_ROWS,
                   stack_rows_of=limits)


def row_budget(height: float, box: CardSize) -> int:
    """How many rows of cards fit in `height` SVG units."""
    return max(1, int((height - 2 * MARGIN + RANK_GAP) // (box.height + RANK_GAP)))


def stack_budget(height: float, box: CardSize, layout: str = "tidy") -> int:
    """How many cards a stack of leaf reports holds under one row of cards in `height` SVG
    units: the tidy layout stacks cards TIDY_STACK_GAP apart, not a row's RANK_GAP
    (`row_budget` counted a manager's 30 engineers four rows of four a slide, where a row
    and four deep stacks fit); the dot layout stacks them a whole RANK_GAP apart."""
    gap = RANK_GAP if layout == "dot" else TIDY_STACK_GAP
    below = height - 2 * MARGIN - box.height - RANK_GAP
    return max(1, int((below + gap) // (box.height + gap)))


def column_budget(width: float, box: CardSize) -> int:
    """How many cards fit side by side in `width` SVG units (an upper bound)."""
    return max(1, int((width - 2 * MARGIN + 21.6) // (box.width + 21.6)))
