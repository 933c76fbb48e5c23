"""Dotted-line routes: orthogonal paths through the gutters between cards.

A dotted-line report is not part of the tree, so the layout leaves it no room of its own.
Drawn straight or as a curve it ran under the cards between its two ends, and a reader took
it for a line to those cards. Here each one is routed like a wire on a circuit board: along
the gaps between cards (never closer than CLEAR to a card), leaving and entering its two
cards straight out (STUB) from the middle of a side, with few bends, across as few solid
connectors as it can, never along one or through a place where one turns or branches, nor
within NEAR of either (a dotted line there reads as part of the solid one, a line to
someone else), and preferably not along another dotted line. The key promises lines "only
where short and clear of other cards": a route that would be long, winding or across more
than MAX_CROSSINGS solid lines (see `Router.acceptable`) is not drawn: the report's card
names its dotted-line manager anyway (cards.py), which reads better than a line across
half the chart.

The search is a shortest path (Dijkstra, bends and crossings cost extra) on the grid of the
lines that run CLEAR off the sides of the cards in a window around the two cards; everything
is sorted, so the same chart gives the same routes. The cards and solid lines in a window
are found through an index by cell of a grid; when the searches reach little of the chart
(a big chart whose dotted lines are mostly too far apart to search), only the cells they
reach are filled (`Router._lazy_index`), with the same answers.
"""

from __future__ import annotations

import heapq
import math
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from itertools import pairwise, product, repeat
from operator import add, itemgetter, mul, sub
from typing import TYPE_CHECKING, NamedTuple

from orgviz.render.cards import PILE
from orgviz.render.geometry import Box, Connector, Point, bezier_point, side_curve, simplify

if TYPE_CHECKING:
    from orgviz.render.chart import Chart

#: A route keeps this far from every card but its two ends (a dashed line closer than this
#: to a card's side reads as its outline, or as a line to that card).
CLEAR = 10.0
#: A route leaves and enters its cards straight out this far, at the middle of a side: no
#: short hook turning at a card's corner.
STUB = 18.0
EPS = 0.5
JOG = 0.05  # points of a route closer than this along an axis are in line (roundings)
NEAR = 8.0  # closer than this to a solid line, and along it: "on" the line (reads as part of it)
ALONG = 6.0  # a length run on a dotted line to another manager costs this many times its length
BEND = 30.0  # a bend costs as much as this many px of line
NARROW = 10.0  # a gap with cards this close on both sides (between stacked cards) ...
SQUEEZE = 3.0  # ... costs this many times its length: wide channels read better
BUS = 0.3  # a length on a line already drawn to the same manager: lines join into a bus
CROSS = 400.0  # crossing a solid line costs as much as this many px of line
CELL = 256.0  # the spatial index's cell size
TILE = 4  # a lazy index fills this many cells of a column at a time
#: The index is filled as queried when the searches reach at most this share of the chart's
#: tiles, in columns that hold at most this many times the chart's cards and lines (found
#: on generated orgs of 1,000 and 5,000 positions and the examples: beyond, filling it at
#: once costs less).
LAZY_TILES = 0.1
LAZY_THINGS = 0.5
WINDOW_PAD = CLEAR + 1.0  # cards this far outside a search's window keep lines off its edge
#: A route is drawn when it has at most this many bends ...
MAX_BENDS = 5
#: ... crosses at most this many solid lines (more: it tangles with the tree, and the
#: reader loses which line goes where) ...
MAX_CROSSINGS = 1
#: ... is at most this many card widths long, all of it, the part shared with lines to the
#: same manager included (longer lines, across a big chart, are hard to follow and pass
#: many cards: the card's "dotted line to" note says it better) ...
MAX_LENGTH = 3.5
#: ... and is at most this much longer than the shortest way between the two cards' sides.
DETOUR = 1.6
DETOUR_PAD = 160.0


class Limits(NamedTuple):
    """When a route is drawn (see `Router.acceptable`): at most `bends` bends, `crossings`
    solid lines crossed, `length` card widths long and `detour` times (plus `detour_pad` px)
    the shortest way between the two cards' sides."""

    bends: int
    crossings: int
    length: float
    detour: float
    detour_pad: float


#: A dotted line's: short and clear, as the key promises, or left to the card's note.
DOTTED = Limits(MAX_BENDS, MAX_CROSSINGS, MAX_LENGTH, DETOUR, DETOUR_PAD)
#: A broken line's (a cycle's closing line, --force), which must be drawn: a longer way
#: at right angles, across a few lines, reads better than the curve drawn without one.
BROKEN = Limits(9, 4, 14.0, 3.0, 480.0)
#: At most this many searches per chart (each takes about a millisecond): past them, lines
#: are not drawn (their cards' notes show them), so that no chart takes long.
MAX_SEARCHES = 5000
#: At most this many cards in the search window (beyond: too crowded to follow, not drawn).
MAX_WINDOW_CARDS = 600


_Sides = tuple[float, float, float, float]  # a card's left, top, right, bottom


class _ByX:
    """Things by their extent along one axis (lo, hi), to find those reaching into a range:
    grouped by width (powers of two), each group sorted by lo, so that a range is one
    bisection per group (a few wide things do not widen the search among the many narrow
    ones). Built with no Python-level step per thing."""

    def __init__(self, los: list[float], his: list[float]) -> None:
        self.his = his
        groups = list(map(int.bit_length, map(int, map(sub, his, los))))
        ordered = sorted(range(len(los)), key=los.__getitem__)
        ordered.sort(key=groups.__getitem__)  # by group, then by lo
        keys = list(map(groups.__getitem__, ordered))
        # per group: its widest thing, its los in order and its things (indices) in that order
        self.groups: list[tuple[float, list[float], list[int]]] = []
        start = 0
        while start < len(keys):
            stop = bisect_right(keys, keys[start], start)
            members = ordered[start:stop]
            group_los = list(map(los.__getitem__, members))
            widest = max(map(sub, map(his.__getitem__, members), group_los))
            self.groups.append((widest, group_los, members))
            start = stop

    def reaching(self, lo: float, hi: float) -> list[int]:
        """The things (indices) with their lo <= hi and their hi >= lo."""
        his = self.his
        found: list[int] = []
        for widest, los, members in self.groups:
            start = bisect_left(los, lo - widest - 1.0)  # (1 px: hi - lo may round down)
            found.extend(k for k in members[start:bisect_right(los, hi)] if his[k] >= lo)
        return found


class _Column:
    """What may lie in one column of the index's cells, to find by extent along y: cards
    (their ids), the solid segments that cross the column, and line ends (sorted by y)."""

    def __init__(self, cards: list[str], card_ys: _ByX, segments: list[_Segment],
                 ends: list[Point]) -> None:
        self.cards, self.card_ys, self.segments, self.ends = cards, card_ys, segments, ends
        self.segment_ys = _ByX(list(map(itemgetter(1), segments)),
                               list(map(itemgetter(3), segments)))
        self.end_ys = list(map(itemgetter(1), ends))


class _Index:
    """Cards, solid segments and line ends by cell of a grid, for window queries; all filled
    at once (see _LazyIndex for the other way)."""

    def __init__(self, boxes: dict[str, Box], lines: Iterable[Connector]) -> None:
        self.boxes = boxes  # what a line must keep off: the card, with its pile if it has one
        self.cards: dict[tuple[int, int], list[str]] = {}
        # solid segments, axis-parallel: (x0, y0, x1, y1) with x0 <= x1, y0 <= y1
        self.segments: dict[tuple[int, int], list[_Segment]] = {}
        self.ends: dict[tuple[int, int], list[Point]] = {}
        self.known_sides: dict[str, _Sides] = {}
        self._build(lines)

    def _build(self, lines: Iterable[Connector]) -> None:
        """All the cells."""
        boxes = self.boxes
        self.order = {card_id: i for i, card_id in enumerate(boxes)}
        # (The busiest loops of a render with dotted lines: the cells are worked out inline,
        # as most cards and segments lie in one cell or one row or column of cells.)
        cards = self.cards
        for card_id, b in boxes.items():
            half_w, half_h = b.w / 2, b.h / 2
            for cell in _cells_of(int((b.x - half_w) // CELL), int((b.y - half_h) // CELL),
                                  int((b.x + half_w) // CELL), int((b.y + half_h) // CELL)):
                found = cards.get(cell)
                if found is None:
                    cards[cell] = [card_id]
                else:
                    found.append(card_id)
        segments, ends = self.segments, self.ends
        for line in lines:
            if line.kind == "dotted" or line.curve:
                continue
            points = line.points
            for (ax, ay), (bx, by) in pairwise(points):
                seg = (ax, ay, bx, by) if ax <= bx and ay <= by else (
                    min(ax, bx), min(ay, by), max(ax, bx), max(ay, by))
                for cell in _cells_of(int(seg[0] // CELL), int(seg[1] // CELL),
                                      int(seg[2] // CELL), int(seg[3] // CELL)):
                    found_segments = segments.get(cell)
                    if found_segments is None:
                        segments[cell] = [seg]
                    else:
                        found_segments.append(seg)
            for p in (points[0], points[-1]):
                ends.setdefault(self._cell(*p), []).append(p)

    @staticmethod
    def _cell(x: float, y: float) -> tuple[int, int]:
        return int(x // CELL), int(y // CELL)

    def _cells(self, x0: float, y0: float, x1: float, y1: float) -> Iterable[tuple[int, int]]:
        """The cells a box (left, top, right, bottom) touches."""
        return _cells_of(*self._cell(x0, y0), *self._cell(x1, y1))

    def sides(self, card_id: str) -> _Sides:
        """A card's (left, top, right, bottom), worked out once a chart."""
        found = self.known_sides.get(card_id)
        if found is None:
            b = self.boxes[card_id]
            found = self.known_sides[card_id] = (b.left, b.top, b.right, b.bottom)
        return found

    def cards_in(self, x0: float, y0: float, x1: float, y1: float) -> list[str]:
        found: set[str] = set()
        for cell in self._cells(x0, y0, x1, y1):
            for card_id in self.cards.get(cell, ()):
                left, top, right, bottom = self.sides(card_id)
                if right > x0 and left < x1 and bottom > y0 and top < y1:
                    found.add(card_id)
        return sorted(found, key=self.order.__getitem__)

    def segments_in(self, x0: float, y0: float, x1: float,
                    y1: float) -> list[tuple[float, float, float, float]]:
        found = set()
        for cell in self._cells(x0, y0, x1, y1):
            for seg in self.segments.get(cell, ()):
                if seg[2] >= x0 and seg[0] <= x1 and seg[3] >= y0 and seg[1] <= y1:
                    found.add(seg)
        return sorted(found)

    def line_end_near(self, p: Point, distance: float) -> bool:
        x, y = p
        for cell in self._cells(x - distance, y - distance, x + distance, y + distance):
            for ex, ey in self.ends.get(cell, ()):
                if abs(ex - x) <= distance and abs(ey - y) <= distance:
                    return True
        return False


class _LazyIndex(_Index):
    """The index, its cells filled a tile (TILE cells of a column) at a time when a query
    first reaches it: for a chart whose routes reach little of it (most route few of their
    dotted lines). The chart is sorted along x for it, once, on the first query."""

    def _build(self, lines: Iterable[Connector]) -> None:
        """Nothing filled yet."""
        self.lines = tuple(lines)
        self.tiles: set[tuple[int, int]] = set()  # (column, tile) filled
        self.columns: dict[int, _Column] = {}
        self.sorted = False

    def _sort(self) -> None:
        """The cards, solid lines and their ends along x (once, on first need)."""
        boxes = self.boxes
        self.order = {card_id: i for i, card_id in enumerate(boxes)}
        self.card_ids = list(boxes)
        xs = list(map(itemgetter(0), boxes.values()))
        half_ws = list(map(mul, map(itemgetter(2), boxes.values()), repeat(0.5)))  # w / 2
        self.card_xs = _ByX(list(map(sub, xs, half_ws)), list(map(add, xs, half_ws)))
        self.solid = solid = [line.points for line in self.lines
                              if line.kind != "dotted" and not line.curve]
        x_of = itemgetter(0)
        self.line_xs = _ByX(list(map(x_of, map(min, solid))), list(map(x_of, map(max, solid))))
        self.end_points = sorted([*map(x_of, solid), *map(itemgetter(-1), solid)], key=x_of)
        self.end_xs = list(map(x_of, self.end_points))
        self.sorted = True

    def size(self) -> int:
        """How many cards and solid lines the chart has."""
        if not self.sorted:
            self._sort()
        return len(self.card_ids) + len(self.solid)

    def held(self, columns: Iterable[int]) -> int:
        """How many cards and solid lines may lie in these columns of the cells (counted
        in each)."""
        if not self.sorted:
            self._sort()
        return sum(len(self.card_xs.reaching(*_column_span(i)))
                   + len(self.line_xs.reaching(*_column_span(i))) for i in columns)

    def _column(self, i: int) -> _Column:
        """What may lie in column i of the cells (see _Column)."""
        found = self.columns.get(i)
        if found is None:
            if not self.sorted:
                self._sort()
            left, right = _column_span(i)
            cards = list(map(self.card_ids.__getitem__, self.card_xs.reaching(left, right)))
            boxes = list(map(self.boxes.__getitem__, cards))
            ys = list(map(itemgetter(1), boxes))
            half_hs = list(map(mul, map(itemgetter(3), boxes), repeat(0.5)))  # h / 2
            segments = [seg for k in self.line_xs.reaching(left, right)
                        for seg in _segments(self.solid[k])
                        if int(seg[0] // CELL) <= i <= int(seg[2] // CELL)]
            ends = sorted(self.end_points[bisect_left(self.end_xs, left):
                                          bisect_right(self.end_xs, right)], key=itemgetter(1))
            found = self.columns[i] = _Column(
                cards, _ByX(list(map(sub, ys, half_hs)), list(map(add, ys, half_hs))),
                segments, ends)
        return found

    def _fill(self, i: int, tile: int) -> None:
        """A tile of column i: the cards, segments and line ends in its cells."""
        self.tiles.add((i, tile))
        column = self._column(i)
        j_lo, j_hi = tile * TILE, tile * TILE + TILE - 1  # its cells' rows
        top, bottom = j_lo * CELL - 1.0, (j_hi + 1) * CELL + 1.0  # (a px more: all it holds)
        cards, segments, boxes = self.cards, self.segments, self.boxes
        for k in column.card_ys.reaching(top, bottom):
            card_id = column.cards[k]
            b = boxes[card_id]
            half_w, half_h = b.w / 2, b.h / 2
            if int((b.x - half_w) // CELL) <= i <= int((b.x + half_w) // CELL):
                for j in range(max(int((b.y - half_h) // CELL), j_lo),
                               min(int((b.y + half_h) // CELL), j_hi) + 1):
                    cards.setdefault((i, j), []).append(card_id)
        for k in column.segment_ys.reaching(top, bottom):
            seg = column.segments[k]
            for j in range(max(int(seg[1] // CELL), j_lo), min(int(seg[3] // CELL), j_hi) + 1):
                segments.setdefault((i, j), []).append(seg)
        end_ys = column.end_ys
        for p in column.ends[bisect_left(end_ys, top):bisect_right(end_ys, bottom)]:
            cell = self._cell(*p)
            if cell[0] == i and j_lo <= cell[1] <= j_hi:
                self.ends.setdefault(cell, []).append(p)

    def _cells(self, x0: float, y0: float, x1: float, y1: float) -> Iterable[tuple[int, int]]:
        """The cells a box (left, top, right, bottom) touches, filled."""
        (i0, j0), (i1, j1) = self._cell(x0, y0), self._cell(x1, y1)
        for i in range(i0, i1 + 1):
            for tile in range(j0 // TILE, j1 // TILE + 1):
                if (i, tile) not in self.tiles:
                    self._fill(i, tile)
        return _cells_of(i0, j0, i1, j1)


def _column_span(i: int) -> tuple[float, float]:
    """Column i of the cells, from left to right, and a px more each side: what may lie in
    it, and what does not, as sides are rounded."""
    return i * CELL - 1.0, (i + 1) * CELL + 1.0


def _cells_of(i0: int, j0: int, i1: int, j1: int) -> list[tuple[int, int]] | tuple[
        tuple[int, int]]:
    """The grid cells (i, j) from (i0, j0) to (i1, j1), both included."""
    if i0 == i1 and j0 == j1:
        return ((i0, j0),)
    return [(i, j) for i in range(i0, i1 + 1) for j in range(j0, j1 + 1)]


_Segment = tuple[float, float, float, float]  # x0, y0, x1, y1 with x0 <= x1, y0 <= y1
# A port: where a route leaves a card (on its side), the end of its stub CLEAR off the side,
# and whether the stub runs vertically.
_Port = tuple[Point, Point, bool]


class Router:
    """Routes dotted lines between the cards of one laid-out chart."""

    def __init__(self, boxes: dict[str, Box], lines: Sequence[Connector],
                 width: float, height: float, shapes: dict[str, Box] | None = None,
                 pairs: Sequence[tuple[str, str]] | None = None,
                 limits: Sequence[Limits] | None = None) -> None:
        """`shapes`: cards drawn larger than their box (a pile), as the box that holds
        their drawing. `pairs`: the (manager, report) pairs to be routed, when known, with
        their `limits` (DOTTED if not given): if their searches reach little of the chart,
        its index is filled only where they do."""
        self.boxes = boxes
        self.outlines = {**boxes, **shapes} if shapes else boxes
        self.lines = lines
        self.bounds = (-CLEAR, -CLEAR, width + CLEAR, height + CLEAR)
        self.pairs = pairs
        self.limits = limits
        self.known_index: _Index | None = None
        self.buses: dict[str, list[_Segment]] = {}  # manager -> segments drawn to it
        # (card, crowded) -> its ports (`ports`)
        self.known_ports: dict[tuple[str, bool], list[_Port]] = {}
        self.searches = 0

    @property
    def index(self) -> _Index:
        """The cards and solid lines by cell, made on first need (see `_lazy_index`)."""
        if self.known_index is None:
            self.known_index = self._lazy_index() or _Index(self.outlines, self.lines)
        return self.known_index

    def _lazy_index(self) -> _LazyIndex | None:
        """An index filled as queried, if the searches of `pairs` are known and reach little
        of the chart: at most LAZY_TILES of its tiles, in columns that hold at most
        LAZY_THINGS times its cards and lines (a lazy index costs more a thing than one
        filled at once, and about as much a column as the column holds)."""
        if self.pairs is None:
            return None
        x0, y0, x1, y1 = self.bounds
        tiles_high = int(y1 // CELL) // TILE - int(y0 // CELL) // TILE + 1
        most = LAZY_TILES * (int(x1 // CELL) - int(x0 // CELL) + 1) * tiles_high
        reached: set[tuple[int, int]] = set()  # (column, tile)
        every = self.limits if self.limits is not None else [DOTTED] * len(self.pairs)
        for (a_id, b_id), limits in zip(self.pairs, every, strict=True):
            if self._near(a_id, b_id, limits):
                w_x0, w_y0, w_x1, w_y1 = self._window(self.boxes[a_id], self.boxes[b_id])
                i0, i1 = int((w_x0 - WINDOW_PAD) // CELL), int((w_x1 + WINDOW_PAD) // CELL)
                j0, j1 = int((w_y0 - WINDOW_PAD) // CELL), int((w_y1 + WINDOW_PAD) // CELL)
                reached.update((i, tile) for i in range(i0, i1 + 1)
                               for tile in range(j0 // TILE, j1 // TILE + 1))
                if len(reached) > most:
                    return None
        index = _LazyIndex(self.outlines, self.lines)
        if index.held({i for i, _ in reached}) > LAZY_THINGS * index.size():
            return None
        return index

    def _near(self, a_id: str, b_id: str, limits: Limits = DOTTED) -> bool:
        """Whether two cards are near enough for a route to be searched."""
        a, b = self.boxes[a_id], self.boxes[b_id]
        longest = limits.length * max(a.w, b.w)
        return a_id != b_id and abs(a.x - b.x) + abs(a.y - b.y) <= longest + a.w + a.h

    def _window(self, a: Box, b: Box) -> tuple[float, float, float, float]:
        """The part of the chart a search between two cards looks at (left, top, right,
        bottom), and the cards just outside it (WINDOW_PAD)."""
        margin_x, margin_y = max(a.w, b.w), max(a.h, b.h)
        x0 = max(self.bounds[0], min(a.left, b.left) - margin_x)
        y0 = max(self.bounds[1], min(a.top, b.top) - margin_y)
        x1 = min(self.bounds[2], max(a.right, b.right) + margin_x)
        y1 = min(self.bounds[3], max(a.bottom, b.bottom) + margin_y)
        return x0, y0, x1, y1

    def ports(self, card_id: str, crowded: bool = False) -> list[_Port]:
        """Where a dotted line may leave or enter a card: the middle of a side, straight
        out STUB long; where the middle of the top or the bottom cannot be used (mostly: the
        tree's connector ends there), a quarter of the width off it on either side instead.
        A port cannot be used where a solid line ends (the tree's, a listed card's, an
        assistant's), nor where its stub would run on one or through its corner, cross one
        (or meet one within NEAR past its end), or pass within CLEAR of another card.
        `crowded`: a stub may end within NEAR of a solid line across its way (the way on
        crosses it right there), for a broken line out of a card with no other port."""
        b = self.boxes[card_id]
        found: list[_Port] = []
        for y, out in ((b.top, b.top - STUB), (b.bottom, b.bottom + STUB)):
            middle: _Port = ((b.x, y), (b.x, out), True)
            if not self._usable(middle, card_id, crowded):
                found.extend(((x, y), (x, out), True) for x in (b.x - b.w / 4, b.x + b.w / 4))
            else:
                found.append(middle)
        found.append(((b.left, b.y), (b.left - STUB, b.y), False))
        found.append(((b.right, b.y), (b.right + STUB, b.y), False))
        return [port for port in found if self._usable(port, card_id, crowded)]

    def _usable(self, port: _Port, card_id: str, crowded: bool = False) -> bool:
        """Whether a port of card `card_id` may be used (see `ports`)."""
        (px, py), (sx, sy), _ = port
        if self.index.line_end_near((px, py), 3.0):
            return False
        reach = STUB + NEAR
        solid = self.index.segments_in(px - reach, py - reach, px + reach, py + reach)
        # (NEAR past its end too: a stub ending on a solid line could only cross it there)
        past = 0.0 if crowded else NEAR
        beyond = (sx + (sx - px) * past / STUB, sy + (sy - py) * past / STUB)
        if solid and (_on_solid((px, py), (sx, sy), solid)
                      or _crossings(((px, py), beyond), solid)):
            return False
        return self._clear_of_cards((px, py), (sx, sy), card_id)

    def _clear_of_cards(self, a: Point, b: Point, card_id: str) -> bool:
        """Whether the axis-parallel segment a-b keeps CLEAR off every card but `card_id`."""
        x0, y0, x1, y1 = _segments((a, b))[0]
        reach = CLEAR - EPS
        return all(k == card_id for k in self.index.cards_in(x0 - reach, y0 - reach,
                                                             x1 + reach, y1 + reach))

    def ports_of(self, card_id: str, crowded: bool = False) -> list[_Port]:
        """A card's `ports`, found once a chart (a manager's are asked for each route)."""
        found = self.known_ports.get((card_id, crowded))
        if found is None:
            found = self.known_ports[(card_id, crowded)] = self.ports(card_id, crowded)
        return found

    def route(self, a_id: str, b_id: str, limits: Limits = DOTTED) -> tuple[Point, ...] | None:
        """A route from card `a_id` (the manager) to card `b_id` that passes under no card,
        or None. Dotted routes to the same manager may share their way to it (a bus); a
        route with other `limits` than DOTTED (a broken line) shares none."""
        if not self._near(a_id, b_id, limits):
            return None
        a, b = self.boxes[a_id], self.boxes[b_id]
        longest = limits.length * max(a.w, b.w)
        ports_a, ports_b = self.ports_of(a_id), self.ports_of(b_id)
        if limits != DOTTED:  # (a broken line must show: out of a crowded port, if need be)
            ports_a = ports_a or self.ports_of(a_id, crowded=True)
            ports_b = ports_b or self.ports_of(b_id, crowded=True)
        if not ports_a or not ports_b or self.searches >= MAX_SEARCHES:
            return None
        self.searches += 1
        x0, y0, x1, y1 = self._window(a, b)
        sides = self.index.sides
        obstacles = [sides(k) for k in self.index.cards_in(x0 - WINDOW_PAD, y0 - WINDOW_PAD,
                                                           x1 + WINDOW_PAD, y1 + WINDOW_PAD)]
        if len(obstacles) > MAX_WINDOW_CARDS:
            return None
        own = a_id if limits == DOTTED else f"\0{a_id}\0{b_id}"  # (a key no card id is)
        bus = self.buses.get(own, [])
        # Solid lines (and their corners, NEAR round: those just outside the window too):
        # never run along; the dotted lines to other managers: better not.
        solid = self.index.segments_in(x0 - NEAR, y0 - NEAR, x1 + NEAR, y1 + NEAR)
        taken = [seg for manager, segs in self.buses.items() if manager != own for seg in segs
                 if seg[2] >= x0 and seg[0] <= x1 and seg[3] >= y0 and seg[1] <= y1]
        found = _search(obstacles, taken, (x0, y0, x1, y1), ports_a, ports_b, bus, solid,
                        mids=limits != DOTTED)
        if found is None:
            return None
        points = simplify(_in_line(found))
        if not self.acceptable(points, ports_a, ports_b, longest, solid, limits):
            return None
        self.buses.setdefault(own, []).extend(_segments(points))
        return points

    @staticmethod
    def acceptable(points: tuple[Point, ...], ports_a: list[_Port], ports_b: list[_Port],
                   longest: float, solid: Sequence[_Segment] = (),
                   limits: Limits = DOTTED) -> bool:
        """Whether a route is worth drawing: short, few bends, not much of a detour, and
        across few of the `solid` lines (as `limits` says)."""
        bends = len(points) - 2
        segments = _segments(points)
        length = sum(x1 - x0 + y1 - y0 for x0, y0, x1, y1 in segments)
        direct = min(abs(pa[0] - pb[0]) + abs(pa[1] - pb[1])
                     for pa, _, _ in ports_a for pb, _, _ in ports_b)
        return (bends <= limits.bends
                and length <= min(longest, limits.detour * direct + limits.detour_pad)
                and _crossings(points, solid) <= limits.crossings)


def _segments(points: Sequence[Point]) -> list[_Segment]:
    return [(min(ax, bx), min(ay, by), max(ax, bx), max(ay, by))
            for (ax, ay), (bx, by) in pairwise(points)]


def _in_line(points: list[Point]) -> list[Point]:
    """A route's points, each within JOG of the one before along an axis put in line with
    it: the grid's lines are rounded to 2 decimals, a port is not, and two lines can be
    0.01 px apart (a card's side CLEAR off, a port's stub), which `simplify` takes for one
    place, leaving a segment 0.01 px askew."""
    found = [points[0]]
    for x, y in points[1:]:
        last_x, last_y = found[-1]
        found.append((last_x if abs(x - last_x) < JOG else x,
                      last_y if abs(y - last_y) < JOG else y))
    return found


def _on_solid(a: Point, b: Point, solid: Iterable[_Segment]) -> bool:
    """Whether the axis-parallel segment a-b runs along a solid segment, or passes by its
    ends, within NEAR (as `_Grid.bar_lines` and `_Grid.bar_corners` keep routes off)."""
    seg = _segments((a, b))[0]
    x0, y0, x1, y1 = seg
    for run in solid:
        if _along(seg, run) or any(
                x0 - NEAR <= cx <= x1 + NEAR and y0 - NEAR <= cy <= y1 + NEAR
                for cx, cy in ((run[0], run[1]), (run[2], run[3]))):
            return True
    return False


def _crossings(points: Sequence[Point], solid: Iterable[_Segment]) -> int:
    """How many times the route through `points` crosses a solid line: runs across it,
    between its ends, at right angles (EPS in from each end of both). Lines drawn on top
    of each other (the trunk each of a manager's listed reports' lines runs down) are one
    line: a place is counted once."""
    places: set[Point] = set()
    runs = list(solid)
    for x0, y0, x1, y1 in _segments(points):
        if y1 - y0 < EPS:  # horizontal
            places.update((round(sx0), round(y0)) for sx0, sy0, sx1, sy1 in runs
                          if sx1 - sx0 < EPS and x0 + EPS < sx0 < x1 - EPS
                          and sy0 + EPS < y0 < sy1 - EPS)
        elif x1 - x0 < EPS:  # vertical
            places.update((round(x0), round(sy0)) for sx0, sy0, sx1, sy1 in runs
                          if sy1 - sy0 < EPS and y0 + EPS < sy0 < y1 - EPS
                          and sx0 + EPS < x0 < sx1 - EPS)
    return len(places)


def _merged(solid: Iterable[_Segment]) -> list[_Segment]:
    """The axis-parallel segments, those on one line (to a rounding) that overlap or touch
    joined into one: a place where lines are drawn on top of each other is one line."""
    lines: dict[tuple[bool, float], list[tuple[float, float]]] = {}
    for x0, y0, x1, y1 in solid:
        if x1 - x0 < EPS < y1 - y0:  # vertical
            lines.setdefault((True, round(x0, 1)), []).append((y0, y1))
        elif y1 - y0 < EPS < x1 - x0:  # horizontal
            lines.setdefault((False, round(y0, 1)), []).append((x0, x1))
    found: list[_Segment] = []
    for (vertical, at), spans in sorted(lines.items()):
        spans.sort()
        lo, hi = spans[0]
        for a, b in [*spans[1:], (float("inf"), float("inf"))]:
            if a <= hi + EPS:
                hi = max(hi, b)
                continue
            found.append((at, lo, at, hi) if vertical else (lo, at, hi, at))
            lo, hi = a, b
    return found


def _along(seg: _Segment, run: _Segment) -> bool:
    """Whether a segment runs along a solid one within NEAR of it, over more than EPS of
    its length (each straight to within EPS)."""
    x0, y0, x1, y1 = seg
    sx0, sy0, sx1, sy1 = run
    if y1 - y0 < EPS and sy1 - sy0 < EPS < sx1 - sx0:  # both horizontal
        return sy0 - NEAR <= y0 and y1 <= sy1 + NEAR and min(x1, sx1) - max(x0, sx0) > EPS
    if x1 - x0 < EPS and sx1 - sx0 < EPS < sy1 - sy0:  # both vertical
        return sx0 - NEAR <= x0 and x1 <= sx1 + NEAR and min(y1, sy1) - max(y0, sy0) > EPS
    return False


def _axis(values: Iterable[float]) -> list[float]:
    return sorted({round(v, 2) for v in values})


def _weight(on_solid: int, near: int) -> float:
    """What a unit of length of a grid edge costs (on_solid 2: on the bus)."""
    if on_solid == 2:
        return BUS
    return (ALONG if on_solid else 1.0) * (SQUEEZE if near == 3 else 1.0)


#: `_weight(on_solid, near)` at on_solid * 4 + near (on_solid 0-2, near 0-3).
_WEIGHTS = tuple(_weight(on_solid, near) for on_solid in range(3) for near in range(4))


class _Grid:
    """The search's grid: its lines (`xs`, `ys`), the middles of the edges between them,
    and per node or edge what `_search` reads: free or blocked, near cards, on lines."""

    def __init__(self, xs: list[float], ys: list[float]) -> None:
        self.xs, self.ys = xs, ys
        self.nx, self.ny = nx, ny = len(xs), len(ys)
        self.mid_x = [(a + b) / 2 for a, b in pairwise(xs)]
        self.mid_y = [(a + b) / 2 for a, b in pairwise(ys)]
        size = nx * ny
        self.free_node = bytearray(b"\x01") * size
        self.free_h = bytearray(b"\x01") * size  # edge from node (i, j) to (i + 1, j)
        self.free_v = bytearray(b"\x01") * size  # edge from node (i, j) to (i, j + 1)
        self.near_h = bytearray(size)
        self.near_v = bytearray(size)
        self.on_h = bytearray(size)
        self.on_v = bytearray(size)
        self.cross_h = [0] * size  # how many solid lines the edge crosses
        self.cross_v = [0] * size

    def block(self, obstacles: list[_Sides]) -> None:
        """Blocked nodes and edges, from the obstacles inflated by CLEAR: a node strictly
        inside one is blocked, so is an edge whose middle is (a run of edges at a time: the
        edges whose middles lie inside)."""
        xs, ys, nx, mid_x, mid_y = self.xs, self.ys, self.nx, self.mid_x, self.mid_y
        free_node, free_h, free_v = self.free_node, self.free_h, self.free_v
        for o_left, o_top, o_right, o_bottom in obstacles:
            left, right = o_left - CLEAR, o_right + CLEAR
            top, bottom = o_top - CLEAR, o_bottom + CLEAR
            i_lo, i_hi = bisect_right(xs, left + EPS), bisect_left(xs, right - EPS)  # inside
            j_lo, j_hi = bisect_right(ys, top + EPS), bisect_left(ys, bottom - EPS)
            h_lo = max(bisect_left(xs, left - EPS), bisect_right(mid_x, left + EPS))
            h_hi = min(bisect_right(xs, right + EPS) - 1, bisect_left(mid_x, right - EPS))
            nodes, edges = bytes(max(i_hi - i_lo, 0)), bytes(max(h_hi - h_lo, 0))
            for base in range(j_lo * nx, j_hi * nx, nx):  # rows strictly inside
                free_node[base + i_lo:base + i_hi] = nodes
                free_h[base + h_lo:base + h_lo + len(edges)] = edges
            v_lo = max(bisect_left(ys, top - EPS), bisect_right(mid_y, top + EPS))
            v_hi = min(bisect_right(ys, bottom + EPS) - 1, bisect_left(mid_y, bottom - EPS))
            if v_hi > v_lo:
                edges = bytes(v_hi - v_lo)
                for i in range(i_lo, i_hi):  # columns strictly inside
                    free_v[v_lo * nx + i:v_hi * nx + i:nx] = edges

    def block_stubs(self, ports: Iterable[_Port]) -> None:
        """The nodes on the ports' stubs, but their ends, are blocked: a route leaves and
        enters a card by the whole stub, not by a turn onto it part of the way."""
        xs, ys, nx, free_node = self.xs, self.ys, self.nx, self.free_node
        for (px, py), (sx, sy), _vertical in ports:
            if px == sx:  # vertical stub
                i = bisect_left(xs, round(sx, 2) - 0.001)
                if i < len(xs) and abs(xs[i] - sx) < 0.01:
                    lo, hi = min(py, sy), max(py, sy)
                    for j in range(bisect_left(ys, lo - 0.001), bisect_right(ys, hi + 0.001)):
                        if abs(ys[j] - sy) >= 0.01:
                            free_node[j * nx + i] = 0
            else:  # horizontal stub
                j = bisect_left(ys, round(sy, 2) - 0.001)
                if j < len(ys) and abs(ys[j] - sy) < 0.01:
                    lo, hi = min(px, sx), max(px, sx)
                    for i in range(bisect_left(xs, lo - 0.001), bisect_right(xs, hi + 0.001)):
                        if abs(xs[i] - sx) >= 0.01:
                            free_node[j * nx + i] = 0

    def crowd(self, obstacles: list[_Sides]) -> None:
        """Edges between two cards close on both sides (they cost SQUEEZE times their
        length): bit 1, a card close above or left; bit 2, below or right; 3, both."""
        xs, ys, nx, ny = self.xs, self.ys, self.nx, self.ny
        mid_x, mid_y, near_h, near_v = self.mid_x, self.mid_y, self.near_h, self.near_v
        for o_left, o_top, o_right, o_bottom in obstacles:
            i_lo = max(bisect_left(xs, o_left - CLEAR - EPS), bisect_right(mid_x, o_left))
            i_hi = min(bisect_right(xs, o_right + CLEAR + EPS), nx) - 1
            i_hi = min(i_hi, bisect_left(mid_x, o_right))
            j_lo = max(bisect_left(ys, o_top - CLEAR - EPS), bisect_right(mid_y, o_top))
            j_hi = min(bisect_right(ys, o_bottom + CLEAR + EPS), ny) - 1
            j_hi = min(j_hi, bisect_left(mid_y, o_bottom))
            if i_hi > i_lo:
                j = bisect_left(ys, o_bottom + CLEAR - EPS)
                while j < ny and o_bottom <= ys[j] <= o_bottom + NARROW:
                    for edge in range(j * nx + i_lo, j * nx + i_hi):
                        near_h[edge] |= 1
                    j += 1
                j = bisect_left(ys, o_top - NARROW - EPS)
                while j < ny and o_top - NARROW <= ys[j] <= o_top:
                    for edge in range(j * nx + i_lo, j * nx + i_hi):
                        near_h[edge] |= 2
                    j += 1
            if j_hi > j_lo:
                i = bisect_left(xs, o_right + CLEAR - EPS)
                while i < nx and o_right <= xs[i] <= o_right + NARROW:
                    for edge in range(j_lo * nx + i, j_hi * nx + i, nx):
                        near_v[edge] |= 1
                    i += 1
                i = bisect_left(xs, o_left - NARROW - EPS)
                while i < nx and o_left - NARROW <= xs[i] <= o_left:
                    for edge in range(j_lo * nx + i, j_hi * nx + i, nx):
                        near_v[edge] |= 2
                    i += 1

    def mark_lines(self, segments: list[_Segment]) -> None:
        """Edges on a solid line (they cost ALONG times their length): within NEAR of it,
        along it, their middles inside its length."""
        xs, ys, nx = self.xs, self.ys, self.nx
        mid_x, mid_y, on_h, on_v = self.mid_x, self.mid_y, self.on_h, self.on_v
        for sx0, sy0, sx1, sy1 in segments:
            if sy1 - sy0 < 0.01:  # horizontal
                i_lo, i_hi = bisect_right(mid_x, sx0), bisect_left(mid_x, sx1)
                if i_hi > i_lo:
                    ones = b"\x01" * (i_hi - i_lo)
                    for j in range(bisect_left(ys, sy0 - NEAR), bisect_right(ys, sy0 + NEAR)):
                        on_h[j * nx + i_lo:j * nx + i_hi] = ones
            elif sx1 - sx0 < 0.01:  # vertical
                j_lo, j_hi = bisect_right(mid_y, sy0), bisect_left(mid_y, sy1)
                if j_hi > j_lo:
                    ones = b"\x01" * (j_hi - j_lo)
                    for i in range(bisect_left(xs, sx0 - NEAR), bisect_right(xs, sx0 + NEAR)):
                        on_v[j_lo * nx + i:j_hi * nx + i:nx] = ones

    def bar_lines(self, solid: Iterable[_Segment]) -> None:
        """Edges along a solid line, within NEAR of it and over a part of its length, are
        blocked: a dotted line on it, or just beside it, reads as that line. (A segment
        straight to within EPS is straight: a spine's trunk can be 0.01 px off.)"""
        xs, ys, nx, ny, free_h, free_v = (self.xs, self.ys, self.nx, self.ny, self.free_h,
                                          self.free_v)
        for sx0, sy0, sx1, sy1 in solid:
            if sy1 - sy0 < EPS < sx1 - sx0:  # horizontal
                # the edges (xs[i], xs[i + 1]) that reach more than EPS into (sx0, sx1)
                i_lo = max(bisect_right(xs, sx0 + EPS) - 1, 0)
                i_hi = min(bisect_left(xs, sx1 - EPS), nx - 1)
                if i_hi > i_lo:
                    zeros = bytes(i_hi - i_lo)
                    for j in range(bisect_left(ys, sy0 - NEAR), bisect_right(ys, sy1 + NEAR)):
                        free_h[j * nx + i_lo:j * nx + i_hi] = zeros
            elif sx1 - sx0 < EPS < sy1 - sy0:  # vertical
                j_lo = max(bisect_right(ys, sy0 + EPS) - 1, 0)
                j_hi = min(bisect_left(ys, sy1 - EPS), ny - 1)
                if j_hi > j_lo:
                    zeros = bytes(j_hi - j_lo)
                    for i in range(bisect_left(xs, sx0 - NEAR), bisect_right(xs, sx1 + NEAR)):
                        free_v[j_lo * nx + i:j_hi * nx + i:nx] = zeros

    def bar_corners(self, corners: Iterable[Point]) -> None:
        """The nodes within NEAR of a solid line's corners, branches and ends, and the edges
        through that square, are blocked: a dotted line crossing a solid one where it turns
        or branches reads as one of its arms."""
        xs, ys, nx, ny = self.xs, self.ys, self.nx, self.ny
        free_node, free_h, free_v = self.free_node, self.free_h, self.free_v
        for px, py in corners:
            # the grid's rows and columns through the square (most corners, a line's ends
            # at the cards, have none), and the edges along them that reach into it
            j_lo, j_hi = bisect_left(ys, py - NEAR), bisect_right(ys, py + NEAR)
            i_lo, i_hi = bisect_left(xs, px - NEAR), bisect_right(xs, px + NEAR)
            if j_hi > j_lo:
                h_lo, h_hi = max(i_lo - 1, 0), min(i_hi, nx - 1)
                nodes, edges = bytes(i_hi - i_lo), bytes(max(h_hi - h_lo, 0))
                for base in range(j_lo * nx, j_hi * nx, nx):
                    free_node[base + i_lo:base + i_hi] = nodes
                    free_h[base + h_lo:base + h_lo + len(edges)] = edges
            if i_hi > i_lo:
                v_lo, v_hi = max(j_lo - 1, 0), min(j_hi, ny - 1)
                if v_hi > v_lo:
                    zeros = bytes(v_hi - v_lo)
                    for i in range(i_lo, i_hi):
                        free_v[v_lo * nx + i:v_hi * nx + i:nx] = zeros

    def mark_crossings(self, solid: Iterable[_Segment]) -> None:
        """How many solid lines each edge crosses at right angles (between their ends, EPS
        in). A line on a grid line is counted on the edge that ends on it (a way through
        that node takes it and the next one)."""
        xs, ys, nx, ny, cross_h, cross_v = (self.xs, self.ys, self.nx, self.ny, self.cross_h,
                                            self.cross_v)
        for sx0, sy0, sx1, sy1 in _merged(solid):
            if sx1 - sx0 < EPS < sy1 - sy0:  # vertical: crossed by horizontal edges
                i = bisect_left(xs, sx0 - 0.005) - 1  # xs[i] < sx0 <= xs[i + 1] (roundings)
                if 0 <= i < nx - 1:
                    for j in range(bisect_right(ys, sy0 + EPS), bisect_left(ys, sy1 - EPS)):
                        cross_h[j * nx + i] += 1
            elif sy1 - sy0 < EPS < sx1 - sx0:  # horizontal: crossed by vertical edges
                j = bisect_left(ys, sy0 - 0.005) - 1
                if 0 <= j < ny - 1:
                    for i in range(bisect_right(xs, sx0 + EPS), bisect_left(xs, sx1 - EPS)):
                        cross_v[j * nx + i] += 1

    def mark_bus(self, bus: Sequence[_Segment]) -> None:
        """Edges exactly on the lines already drawn to the same manager (cheap: a bus)."""
        xs, ys, nx, ny, on_h, on_v = self.xs, self.ys, self.nx, self.ny, self.on_h, self.on_v
        for sx0, sy0, sx1, sy1 in bus:
            if sy1 - sy0 < 0.01:
                j = bisect_left(ys, sy0 - 0.01)
                if j < ny and abs(ys[j] - sy0) < 0.01:
                    for i in range(max(bisect_left(xs, sx0 - 0.01), 0), nx - 1):
                        if xs[i + 1] > sx1 + 0.01:
                            break
                        on_h[j * nx + i] = 2
            else:
                i = bisect_left(xs, sx0 - 0.01)
                if i < nx and abs(xs[i] - sx0) < 0.01:
                    for j in range(max(bisect_left(ys, sy0 - 0.01), 0), ny - 1):
                        if ys[j + 1] > sy1 + 0.01:
                            break
                        on_v[j * nx + i] = 2


def _grid(obstacles: list[_Sides], segments: list[_Segment],
          window: tuple[float, float, float, float], ports_a: list[_Port],
          ports_b: list[_Port], bus: Sequence[_Segment],
          solid: Sequence[_Segment] = (), mids: bool = False) -> _Grid:
    """The grid of a search: lines CLEAR off the obstacles' sides, through the ports' stubs
    and along the bus, inside the window (with `mids`, also half-way between two such
    lines more than 2 NEAR apart: a way between two parallel solid lines); its nodes and
    edges marked (`segments`: lines that cost to run along, `solid`: lines not to run
    along nor through their corners)."""
    x0, y0, x1, y1 = window
    xs = _axis([x0, x1, *(o[0] - CLEAR for o in obstacles), *(o[2] + CLEAR for o in obstacles),
                *(p[1][0] for p in ports_a), *(p[1][0] for p in ports_b),
                *(seg[0] for seg in bus if seg[0] == seg[2])])
    ys = _axis([y0, y1, *(o[1] - CLEAR for o in obstacles), *(o[3] + CLEAR for o in obstacles),
                *(p[1][1] for p in ports_a), *(p[1][1] for p in ports_b),
                *(seg[1] for seg in bus if seg[1] == seg[3])])
    if mids:
        xs, ys = _with_mids(xs), _with_mids(ys)
    grid = _Grid([x for x in xs if x0 <= x <= x1] or [x0],
                 [y for y in ys if y0 <= y <= y1] or [y0])
    grid.block(obstacles)
    grid.block_stubs([*ports_a, *ports_b])
    grid.crowd(obstacles)
    grid.mark_lines(segments)
    grid.bar_lines(solid)
    grid.bar_corners({corner for seg in solid for corner in ((seg[0], seg[1]), (seg[2], seg[3]))})
    grid.mark_crossings(solid)
    grid.mark_bus(bus)
    return grid


def _with_mids(values: list[float]) -> list[float]:
    """Sorted axis lines, and one half-way between two more than 2 NEAR apart."""
    return _axis([*values, *((a + b) / 2 for a, b in pairwise(values) if b - a > 2 * NEAR)])


def _search(obstacles: list[_Sides], segments: list[_Segment],
            window: tuple[float, float, float, float], ports_a: list[_Port],
            ports_b: list[_Port], bus: Sequence[_Segment] = (),
            solid: Sequence[_Segment] = (), mids: bool = False) -> list[Point] | None:
    """The cheapest orthogonal path from a port of one card to a port of the other on the
    grid of lines CLEAR off the obstacles' sides (see the module docstring; `mids`: see
    `_grid`)."""
    grid = _grid(obstacles, segments, window, ports_a, ports_b, bus, solid, mids)
    xs, ys, nx, ny = grid.xs, grid.ys, grid.nx, grid.ny
    free_node, free_h, free_v = grid.free_node, grid.free_h, grid.free_v
    near_h, near_v, on_h, on_v = grid.near_h, grid.near_v, grid.on_h, grid.on_v
    cross_h, cross_v = grid.cross_h, grid.cross_v

    def node_of(p: Point) -> int | None:
        i, j = bisect_left(xs, round(p[0], 2) - 0.001), bisect_left(ys, round(p[1], 2) - 0.001)
        if i < nx and j < ny and abs(xs[i] - p[0]) < 0.01 and abs(ys[j] - p[1]) < 0.01:
            node = j * nx + i
            return node if free_node[node] else None
        return None

    # Dijkstra over (node, vertical?) states, numbered node * 2 + vertical (the heap orders
    # them as the pairs); a stub's end starts or ends a path. (The search is most of a
    # render's routing: steps are taken inline, each edge's weight from _WEIGHTS.)
    weights = _WEIGHTS
    inf = float("inf")
    best = [inf] * (2 * nx * ny)
    came = [-1] * (2 * nx * ny)  # the state a state was reached from (-1: a start)
    heap: list[tuple[float, int]] = []
    starts: dict[int, Point] = {}
    for port, stub, vertical in ports_a:
        node = node_of(stub)
        if node is not None and best[node * 2 + vertical] > STUB:
            state = node * 2 + vertical
            best[state] = STUB
            came[state] = -1
            starts[state] = port
            heapq.heappush(heap, (STUB, state))
    goals: dict[int, list[tuple[bool, Point]]] = {}
    for port, stub, vertical in ports_b:
        node = node_of(stub)
        if node is not None:
            goals.setdefault(node, []).append((vertical, port))
    if not goals:
        return None
    push, pop = heapq.heappush, heapq.heappop
    done: tuple[float, int, Point] | None = None
    while heap:
        cost, state = pop(heap)
        if cost > best[state]:
            continue
        if done is not None and cost >= done[0]:
            break
        node, up_down = state >> 1, state & 1
        for goal_vertical, port in goals.get(node, ()):
            total = cost + STUB + (0.0 if goal_vertical == up_down else BEND)
            if done is None or total < done[0]:
                done = (total, state, port)
        j, i = divmod(node, nx)
        if up_down:
            if j > 0 and free_v[node - nx] and free_node[node - nx]:
                edge = node - nx
                total = cost + (ys[j] - ys[j - 1]) * weights[on_v[edge] * 4 + near_v[edge]] \
                    + cross_v[edge] * CROSS
                nxt = edge * 2 + 1
                if total < best[nxt]:
                    best[nxt], came[nxt] = total, state
                    push(heap, (total, nxt))
            if j < ny - 1 and free_v[node] and free_node[node + nx]:
                total = cost + (ys[j + 1] - ys[j]) * weights[on_v[node] * 4 + near_v[node]] \
                    + cross_v[node] * CROSS
                nxt = (node + nx) * 2 + 1
                if total < best[nxt]:
                    best[nxt], came[nxt] = total, state
                    push(heap, (total, nxt))
        else:
            if i > 0 and free_h[node - 1] and free_node[node - 1]:
                edge = node - 1
                total = cost + (xs[i] - xs[i - 1]) * weights[on_h[edge] * 4 + near_h[edge]] \
                    + cross_h[edge] * CROSS
                nxt = edge * 2
                if total < best[nxt]:
                    best[nxt], came[nxt] = total, state
                    push(heap, (total, nxt))
            if i < nx - 1 and free_h[node] and free_node[node + 1]:
                total = cost + (xs[i + 1] - xs[i]) * weights[on_h[node] * 4 + near_h[node]] \
                    + cross_h[node] * CROSS
                nxt = (node + 1) * 2
                if total < best[nxt]:
                    best[nxt], came[nxt] = total, state
                    push(heap, (total, nxt))
        total = cost + BEND  # turn here
        nxt = state ^ 1
        if total < best[nxt]:
            best[nxt], came[nxt] = total, state
            push(heap, (total, nxt))
    if done is None:
        return None
    _, current, end_port = done
    path: list[Point] = [end_port]
    first = current
    while current != -1:
        node = current >> 1
        path.append((xs[node % nx], ys[node // nx]))
        first = current
        current = came[current]
    path.append(starts[first])
    path.reverse()
    return path


def route_links(boxes: dict[str, Box], lines: Sequence[Connector], width: float,
                height: float, pairs: Sequence[tuple[str, str]],
                shapes: dict[str, Box] | None = None,
                limits: Sequence[Limits] | None = None) -> list[tuple[Point, ...] | None]:
    """A route (or None: not drawn) for each (manager, report) pair, in order, within its
    `limits` (DOTTED if not given)."""
    if not pairs:
        return []
    every = list(limits) if limits is not None else [DOTTED] * len(pairs)
    router = Router(boxes, lines, width, height, shapes, pairs, every)
    return [router.route(a, b, limit) for (a, b), limit in zip(pairs, every, strict=True)]


#: A broken tree line (--force) that would lie on a solid line for more than COVERED px runs
#: beside it instead, GAP px off (or GAP_FAR, should that clear more): a red dashed line
#: under a grey trunk could not be told from it.
COVERED = 3.0
GAP = 5.0
GAP_FAR = 9.0
ON = 2.0  # a parallel solid line closer than this lies "on" the broken line


def separate_broken(lines: list[Connector], boxes: dict[str, Box]) -> None:
    """Broken tree lines (--force) that share their way with solid ones (a manager's trunk,
    a row's bus) moved beside it, in place: each its own path, parallel to the tree's, GAP
    off to the side that lies on, crosses and comes near the fewest lines and cards."""
    shared = [i for i, line in enumerate(lines) if line.kind == "broken" and not line.curve
              and len(line.points) >= 2 and _orthogonal(line.points)]
    if not shared:
        return
    solid = [seg for line in lines if line.kind in ("solid", "assistant") and not line.curve
             for seg in _segments(line.points)]
    for i in shared:
        points = lines[i].points
        x0, y0, x1, y1 = _bounds(points, GAP_FAR + CLEAR)
        near = [seg for seg in solid
                if seg[2] >= x0 and seg[0] <= x1 and seg[3] >= y0 and seg[1] <= y1]
        if _covered(points, near) <= COVERED:
            continue
        cards = [b for b in boxes.values() if b.right >= x0 and b.left <= x1
                 and b.bottom >= y0 and b.top <= y1]
        ends = [_end_card(p, cards) for p in (points[0], points[-1])]
        best: tuple[tuple[float, ...], tuple[Point, ...]] | None = None
        for gap in (GAP, GAP_FAR):
            for side in (1.0, -1.0):
                moved = _offset(points, side * gap)
                score = _beside_score(moved, near, cards, ends, gap)
                if score is not None and (best is None or score < best[0]):
                    best = (score, moved)
        if best is not None and best[0][0] < _covered(points, near):
            lines[i] = Connector("broken", best[1])


def _orthogonal(points: Sequence[Point]) -> bool:
    """Whether every step of a polyline runs along an axis."""
    return all(abs(ax - bx) < 0.01 or abs(ay - by) < 0.01 for (ax, ay), (bx, by)
               in pairwise(points))


def _bounds(points: Sequence[Point], pad: float) -> tuple[float, float, float, float]:
    """The box (left, top, right, bottom) round a polyline, `pad` wider each side."""
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    return min(xs) - pad, min(ys) - pad, max(xs) + pad, max(ys) + pad


def _offset(points: Sequence[Point], gap: float) -> tuple[Point, ...]:
    """An orthogonal polyline moved `gap` to its left (negative: right), each step parallel
    to its own; its ends slide along the sides of the cards they meet."""
    normals: list[Point] = []
    for (ax, ay), (bx, by) in pairwise(points):
        dx, dy = bx - ax, by - ay
        length = abs(dx) + abs(dy) or 1.0
        normals.append((dy / length * gap, -dx / length * gap))
    moved = [(points[0][0] + normals[0][0], points[0][1] + normals[0][1])]
    for k in range(1, len(points) - 1):
        (nx0, ny0), (nx1, ny1) = normals[k - 1], normals[k]
        moved.append((points[k][0] + nx0 + nx1, points[k][1] + ny0 + ny1))
    moved.append((points[-1][0] + normals[-1][0], points[-1][1] + normals[-1][1]))
    return tuple((round(x, 2), round(y, 2)) for x, y in moved)


def _covered(points: Sequence[Point], solid: Sequence[_Segment]) -> float:
    """How much of a polyline (px) lies on the solid lines: along one, within ON of it."""
    total = 0.0
    for x0, y0, x1, y1 in _segments(points):
        spans: list[tuple[float, float]] = []
        for sx0, sy0, sx1, sy1 in solid:
            if y1 - y0 < EPS and sy1 - sy0 < EPS and abs(sy0 - y0) < ON:
                spans.append((max(x0, sx0), min(x1, sx1)))
            elif x1 - x0 < EPS and sx1 - sx0 < EPS and abs(sx0 - x0) < ON:
                spans.append((max(y0, sy0), min(y1, sy1)))
        total += _union_length([span for span in spans if span[1] > span[0]])
    return total


def _union_length(spans: list[tuple[float, float]]) -> float:
    """The length the spans (lo, hi) cover together."""
    total, reach = 0.0, float("-inf")
    for lo, hi in sorted(spans):
        if hi > reach:
            total += hi - max(lo, reach)
            reach = hi
    return total


def _end_card(p: Point, cards: Sequence[Box]) -> Box | None:
    """The card whose outline a line's end meets (None: it ends on another line)."""
    for b in cards:
        if b.left - EPS <= p[0] <= b.right + EPS and b.top - EPS <= p[1] <= b.bottom + EPS:
            return b
    return None


def _beside_score(moved: tuple[Point, ...], solid: Sequence[_Segment], cards: Sequence[Box],
                  ends: list[Box | None], gap: float) -> tuple[float, ...] | None:
    """How a broken line moved beside the tree's reads (lower is better: the length still on
    solid lines, the solid lines crossed, how close it comes to other cards, the gap), or
    None: it runs through a card, or its ends left their cards' sides."""
    for p, end in zip((moved[0], moved[-1]), ends, strict=True):
        if end is not None and not (end.left + 4.0 <= p[0] <= end.right - 4.0
                                    or end.top + 4.0 <= p[1] <= end.bottom - 4.0):
            return None  # (slid past a corner, or off the side)
    closest = CLEAR
    for b in cards:
        if b in ends:
            continue
        for x0, y0, x1, y1 in _segments(moved):
            away = max(b.left - x1, x0 - b.right, b.top - y1, y0 - b.bottom)
            if away < 0.5:
                return None
            closest = min(closest, away)
    return (_covered(moved, solid), float(_crossings(moved, solid)), CLEAR - closest, gap)


def add_links(chart: Chart, boxes: dict[str, Box], lines: list[Connector],
              ends: list[tuple[str, str]] | None, width: float, height: float) -> None:
    """Append the chart's dotted and broken lines to `lines` (and their (from, to) card ids
    to `ends`), routed around the cards. A dotted line without a good route is left out
    (its card names the dotted-line manager); a broken line (a cycle's closing line,
    --force), routed first and within the wider BROKEN limits, is drawn as a curve round
    the cards where it has none: it must show. Broken tree lines that share their way with
    solid ones are first moved beside them (`separate_broken`)."""
    separate_broken(lines, boxes)
    links = [link for link in chart.links if link.manager in boxes and link.report in boxes]
    links.sort(key=lambda link: link.kind == "dotted")  # (broken ones first: they must show)
    shapes = pile_shapes(chart, boxes)
    routes = route_links(boxes, lines, width, height,
                         [(link.manager, link.report) for link in links], shapes,
                         [DOTTED if link.kind == "dotted" else BROKEN for link in links])
    for link, route in zip(links, routes, strict=True):
        if route is not None:
            lines.append(Connector(link.kind, route))
        elif link.kind == "dotted":
            continue
        else:
            lines.append(Connector(link.kind, clear_curve(
                link.manager, link.report, {**boxes, **shapes}, width, height), curve=True))
        if ends is not None:
            ends.append((link.manager, link.report))


#: The fallback curve's samples (along each candidate) and how far its ends run out of
#: their cards' sides before turning (px; and half the distance between the cards).
CURVE_SAMPLES = 48
SAMPLE_STEP = 8.0
REACHES = (40.0, 120.0)


def clear_curve(a_id: str, b_id: str, outlines: dict[str, Box], width: float,
                height: float) -> tuple[Point, ...]:
    """A curve from card `a_id` to card `b_id` for a broken line no route was found for:
    of the S-curve `side_curve` and the curves out of the middle of any side of one into
    the middle of any side of the other (leaving and entering straight out, 40 or 120 px
    or half their distance), the one that leaves the drawing (`width` by `height`) least,
    then over the fewest cards (a line under a card is hidden and reads as a line to it),
    then the shortest."""
    a, b = outlines[a_id], outlines[b_id]
    reaches = (*REACHES, math.dist((a.x, a.y), (b.x, b.y)) / 2)
    candidates = [side_curve(a, b)]
    for (start, (ax, ay)), (end, (bx, by)) in product(_side_middles(a), _side_middles(b)):
        candidates.extend((start, (start[0] + ax * k, start[1] + ay * k),
                           (end[0] + bx * k, end[1] + by * k), end) for k in reaches)
    xs = [p[0] for c in candidates for p in c]
    ys = [p[1] for c in candidates for p in c]
    near = [box for box in outlines.values() if box.right >= min(xs) and box.left <= max(xs)
            and box.bottom >= min(ys) and box.top <= max(ys)]

    def cost(curve: tuple[Point, ...]) -> tuple[int, int, float]:
        samples = _bezier_samples(curve)
        outside = sum(1 for x, y in samples if not (0 <= x <= width and 0 <= y <= height))
        under = sum(1 for x, y in samples for box in near
                    if box.left < x < box.right and box.top < y < box.bottom)
        return outside, under, sum(math.dist(p, q) for p, q in pairwise(samples))

    return min(candidates, key=cost)


def _side_middles(box: Box) -> list[tuple[Point, Point]]:
    """The middle of each side of a card, with the way straight out of it."""
    return [((box.x, box.top), (0.0, -1.0)), ((box.x, box.bottom), (0.0, 1.0)),
            ((box.left, box.y), (-1.0, 0.0)), ((box.right, box.y), (1.0, 0.0))]


def _bezier_samples(curve: tuple[Point, ...]) -> list[Point]:
    """Points along a cubic Bézier (p0 c1 c2 p1): CURVE_SAMPLES + 1 of them, or one about
    every SAMPLE_STEP px of its control polygon, if more."""
    p0, p1, p2, p3 = curve
    count = max(CURVE_SAMPLES, int(sum(map(math.dist, curve, curve[1:])) / SAMPLE_STEP))
    return [bezier_point(p0, p1, p2, p3, k / count) for k in range(count + 1)]


def pile_shapes(chart: Chart, boxes: dict[str, Box]) -> dict[str, Box]:
    """The box holding the drawing of each card drawn as a pile (rollups, continued cards):
    the card and the copies behind it, PILE[0] further right and down."""
    depth = max(PILE, default=0.0)
    return {card.id: Box(b.x + depth / 2, b.y + depth / 2, b.w + depth, b.h + depth)
            for card in chart.cards if card.kind in ("rollup", "continued")
            and (b := boxes.get(card.id)) is not None}
