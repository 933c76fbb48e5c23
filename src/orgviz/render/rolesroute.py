"""Routes of the roles chart's arrows, and places of their counts, worked out by orgviz.

Graphviz places the boxes; its splines of arrows that skip a rung looped around boxes and
crossed other arrows where a clean way existed, and its count labels could sit nearer
another arrow than their own. Here an arrow between two rows runs straight down where a
row's boxes stand (under its upper box, through a gap of each row it passes, clear of that
row's boxes, above its lower box) and bends, in an S, only between rows, where no box
stands: it meets no box, and two arrows cross only where their order swaps between two
rows. The gap each arrow passes, and its place there, are searched for the fewest
crossings and near misses, then the fewest bends and the shortest way. Ports on a box are
ordered as their arrows go, so the arrows of one box do not cross each other. A count is
drawn on its own arrow (the line runs under it) on a straight stretch where no other arrow,
box or count comes near, else beside its arrow, nearer it than any other. An arrow between
two boxes of one row runs straight across between their facing sides when nothing stands
between them, else under the row's boxes with square, rounded corners (`row_routes`).
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Sequence
from dataclasses import dataclass, field

from orgviz.errors import RenderError
from orgviz.render.geometry import Point, bezier_point

Rect = tuple[float, float, float, float]  # x1, y1, x2, y2 (y pointing down)

BOX_CLEAR = 12.0  # how far a passing arrow keeps from a box's side
FRAME_CLEAR = 6.0  # and from its column's frame
PASS_SEP = 12.0  # between arrows passing a row side by side (plus their widths)
PORT_SEP = 14.0  # between arrows' ends on one box side (plus their widths)
PORT_INSET = 10.0  # between a box's corner and the nearest arrow's end
END_RUN = 10.0  # an arrow's straight run next to a box (its arrowhead's place)
TRACK = 7.0  # between the turns of arrows that shift the same way between two rows
NEAR = 5.0  # arrows nearer each other than this (not crossing) count as a near miss
CROSSING, BOX_HIT, NEAR_MISS, BEND = 600.0, 3000.0, 120.0, 30.0  # costs (length costs 1/pt)
PASSES = 4  # rounds of improving the routes
GAP_CHOICES = 256  # ways through the gaps tried for one route
TAUT_ROUNDS = 12  # rounds of pulling a route's pass points straight
WORK = 400_000  # cost evaluations a column's search may make, times its routes squared
LABEL_H, LABEL_PAD = 13.0, 4.0
BOX_PAD = 2.0  # between a count's patch and a box
LABEL_ROOM = 48.0  # counts nearer each other than this (other arrows: half) cost more
LABEL_STEP = 4.0  # between the places tried for a count along its arrow
LABEL_END = 14.0  # a count keeps this far from its arrow's ends
LABEL_BEND = 12.0  # how far either way a count's place must run straight


@dataclass
class Route:
    """One arrow's way: the end boxes (upper first), the rows it passes, its points."""

    id: str
    upper: str
    lower: str
    width: float
    rows: list[int]  # the rows passed between the two boxes, top down
    passes: list[float] = field(default_factory=list)  # x in each of those rows
    hint: list[float] | None = None  # where Graphviz's spline of it crossed those rows
    points: list[Point] = field(default_factory=list)  # upper port, passes, lower port


@dataclass
class Grid:
    """One column's obstacles: its boxes by id, its frame, and each row's y band."""

    boxes: dict[str, Rect]
    row_of: dict[str, int]  # the row of a box (of its top, for one over several rows)
    bands: dict[int, tuple[float, float]]  # row -> (top, bottom)
    frame: Rect
    last_row: dict[str, int] = field(default_factory=dict)  # of a box over several rows

    def bottom_row(self, name: str) -> int:
        """The row a box's bottom stands in."""
        return self.last_row.get(name, self.row_of[name])

    def gaps(self, row: int) -> list[tuple[float, float]]:
        """The x ranges of row `row` an arrow may pass through (clear of boxes and frame)."""
        sides = sorted((r[0], r[2]) for name, r in self.boxes.items()
                       if self.row_of[name] <= row <= self.bottom_row(name))
        edges = [self.frame[0] + FRAME_CLEAR - BOX_CLEAR]
        for left, right in sides:
            edges.extend([left, right])
        edges.append(self.frame[2] - FRAME_CLEAR + BOX_CLEAR)
        found = []
        for lo, hi in zip(edges[::2], edges[1::2], strict=True):
            if hi - lo >= 2 * BOX_CLEAR:
                found.append((lo + BOX_CLEAR, hi - BOX_CLEAR))
        return found

    def middle(self, row: int) -> float:
        top, bottom = self.bands[row]
        return (top + bottom) / 2


# --- geometry ------------------------------------------------------------------------------

def _cross(a: Point, b: Point, c: Point) -> float:
    return (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0])


def segments_cross(p: Point, q: Point, r: Point, s: Point) -> bool:
    """Whether segments pq and rs meet (touching counts)."""
    if (max(p[0], q[0]) < min(r[0], s[0]) or max(r[0], s[0]) < min(p[0], q[0])
            or max(p[1], q[1]) < min(r[1], s[1]) or max(r[1], s[1]) < min(p[1], q[1])):
        return False
    d1, d2 = _cross(r, s, p), _cross(r, s, q)
    d3, d4 = _cross(p, q, r), _cross(p, q, s)
    if ((d1 > 0) != (d2 > 0) and d1 != 0 and d2 != 0
            and (d3 > 0) != (d4 > 0) and d3 != 0 and d4 != 0):
        return True
    return (d1 == 0 and _on(r, s, p)) or (d2 == 0 and _on(r, s, q)) or (
        d3 == 0 and _on(p, q, r)) or (d4 == 0 and _on(p, q, s))


def _on(a: Point, b: Point, c: Point) -> bool:
    return min(a[0], b[0]) <= c[0] <= max(a[0], b[0]) and min(a[1], b[1]) <= c[1] <= max(a[1], b[1])


def point_segment(p: Point, a: Point, b: Point) -> float:
    """The distance from point p to segment ab."""
    dx, dy = b[0] - a[0], b[1] - a[1]
    length = dx * dx + dy * dy
    t = 0.0 if length == 0 else max(0.0, min(1.0, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy)
                                             / length))
    return math.hypot(p[0] - a[0] - t * dx, p[1] - a[1] - t * dy)


def segment_distance(p: Point, q: Point, r: Point, s: Point) -> float:
    """The distance between segments pq and rs (0 when they meet)."""
    if segments_cross(p, q, r, s):
        return 0.0
    return min(point_segment(p, r, s), point_segment(q, r, s), point_segment(r, p, q),
               point_segment(s, p, q))


def polylines_nearer(one: Sequence[Point], two: Sequence[Point], limit: float) -> bool:
    """Whether two polylines come nearer each other than `limit` (or meet)."""
    for p, q in itertools.pairwise(one):
        x1, x2 = min(p[0], q[0]) - limit, max(p[0], q[0]) + limit
        y1, y2 = min(p[1], q[1]) - limit, max(p[1], q[1]) + limit
        for r, s in itertools.pairwise(two):
            if (max(r[0], s[0]) < x1 or min(r[0], s[0]) > x2 or max(r[1], s[1]) < y1
                    or min(r[1], s[1]) > y2):
                continue
            if segment_distance(p, q, r, s) < limit:
                return True
    return False


def segment_hits_rect(p: Point, q: Point, rect: Rect) -> bool:
    """Whether segment pq meets the rectangle (its inside or its sides)."""
    x1, y1, x2, y2 = rect
    if max(p[0], q[0]) < x1 or min(p[0], q[0]) > x2 or max(p[1], q[1]) < y1 or min(
            p[1], q[1]) > y2:
        return False
    if x1 <= p[0] <= x2 and y1 <= p[1] <= y2:
        return True
    corners = [(x1, y1), (x2, y1), (x2, y2), (x1, y2)]
    return any(segments_cross(p, q, corners[i], corners[(i + 1) % 4]) for i in range(4))


# --- routing -------------------------------------------------------------------------------

Cubic = tuple[Point, Point, Point, Point]


def s_curve(a: Point, b: Point) -> Cubic:
    """The cubic from a down to b that leaves and arrives vertically (a straight line when
    they are one above the other)."""
    mid = (a[1] + b[1]) / 2
    if abs(a[0] - b[0]) < 0.01:
        return line(a, b)
    return a, (a[0], mid), (b[0], mid), b


def line(a: Point, b: Point) -> Cubic:
    return a, a, b, b


def sampled(pieces: Sequence[Cubic], steps: int = 8) -> list[Point]:
    """A path of cubics as a fine polyline."""
    if not pieces:
        return []
    out = [pieces[0][0]]
    for p0, p1, p2, p3 in pieces:
        if p0 == p1 and p2 == p3:  # a straight piece
            out.append(p3)
            continue
        out += [bezier_point(p0, p1, p2, p3, i / steps) for i in range(1, steps + 1)]
    return out


class Router:
    """Routes the arrows of one column (all between rows: none within one row; those are
    `fixed`, fine polylines a route pays a crossing to meet).

    An arrow runs straight down in a row (under its upper box, in a gap of a row it passes,
    above its lower box) and bends only between rows, where no box stands: so it never meets
    a box, and two arrows cross only where their order between two rows swaps. Arrows that
    shift the same way between two rows turn one after the other (the outer one first), so
    that they stay apart instead of running together."""

    def __init__(self, grid: Grid, routes: list[Route],
                 fixed: Sequence[Sequence[Point]] = ()) -> None:
        self.grid, self.routes = grid, routes
        self.fixed = [_Line(points) for points in fixed if len(points) > 1]
        self.gaps = {row: grid.gaps(row) for row in grid.bands}
        self.ports: dict[tuple[str, str], float] = {}
        self.pieces: dict[str, list[Cubic]] = {}
        self._sampled: dict[tuple[str, Point, Point], list[Point]] = {}
        self._nearness: dict[tuple[tuple[Cubic, ...], tuple[Cubic, ...], float], bool] = {}
        self._costs: dict[tuple[tuple[float, ...], ...], float] = {}

    def options(self, route: Route, index: int) -> list[float]:
        """The x an arrow may pass row `route.rows[index]` at: in each gap, the point of the
        straight line between its boxes, the gap's two ends and its middle, and the x of the
        points before and after it."""
        row = route.rows[index]
        straight = self.straight(route, row)
        before = route.passes[index - 1] if index else self.ports.get((route.id, "bottom"),
                                                                     straight)
        after = route.passes[index + 1] if index + 1 < len(route.passes) else self.ports.get(
            (route.id, "top"), straight)
        found: list[float] = []
        for lo, hi in self.gaps[row]:
            for x in (min(max(straight, lo), hi), lo, hi, (lo + hi) / 2,
                      min(max(before, lo), hi), min(max(after, lo), hi)):
                if all(abs(x - other) > 0.5 for other in found):
                    found.append(x)
        return found

    def straight(self, route: Route, row: int) -> float:
        """Where the straight line from the upper box's middle to the lower's crosses `row`."""
        up, down = self.grid.boxes[route.upper], self.grid.boxes[route.lower]
        (x0, y0), (x1, y1) = ((up[0] + up[2]) / 2, up[3]), ((down[0] + down[2]) / 2, down[1])
        y = self.grid.middle(row)
        t = 0.5 if y1 == y0 else (y - y0) / (y1 - y0)
        return x0 + (x1 - x0) * t

    def start(self, hinted: bool = False) -> None:
        """Every pass point in the gap nearest its straight line (`hinted`: nearest where
        Graphviz's spline of the arrow crossed the row, for the routes that have one)."""
        for route in self.routes:
            route.passes = []
            for index, row in enumerate(route.rows):
                x = (route.hint[index] if hinted and route.hint is not None
                     else self.straight(route, row))
                gaps = self.gaps[row]
                if not gaps:
                    route.passes.append(x)
                    continue
                lo, hi = min(gaps, key=lambda g: max(g[0] - x, 0.0, x - g[1]))
                route.passes.append(min(max(x, lo), hi))

    def spread(self) -> dict[str, list[float]]:
        """The pass points of every route, moved apart where arrows share a gap."""
        groups: dict[tuple[int, int], list[tuple[Route, int]]] = {}
        for route in self.routes:
            for index, row in enumerate(route.rows):
                groups.setdefault((row, self._gap_index(row, route.passes[index])),
                                  []).append((route, index))
        shown = {route.id: list(route.passes) for route in self.routes}
        for (row, gap), members in sorted(groups.items()):
            members.sort(key=lambda m: (m[0].passes[m[1]], self._after(m[0], m[1]),
                                        self._before(m[0], m[1]), m[0].id))
            lo, hi = self.gaps[row][gap] if gap >= 0 else (-math.inf, math.inf)
            seps = [PASS_SEP + (r.width + members[k - 1][0].width) / 2 if k else 0.0
                    for k, (r, _) in enumerate(members)]
            xs = _spread([r.passes[i] for r, i in members], seps, lo, hi)
            for (route, index), x in zip(members, xs, strict=True):
                shown[route.id][index] = x
        return shown

    def place(self) -> None:
        """The points of every route (`Route.points`: its corners, top down) and its drawn
        pieces (`self.pieces`), from its pass points and its ends' ports."""
        shown = self.spread()
        ends: dict[tuple[str, str], list[tuple[float, float, Route]]] = {}
        for route in self.routes:
            xs = shown[route.id]
            up, down = self.grid.boxes[route.upper], self.grid.boxes[route.lower]
            first = xs[0] if xs else _facing(up, down)
            last = xs[-1] if xs else _facing(down, up)
            ends.setdefault((route.upper, "bottom"), []).append((first, last, route))
            ends.setdefault((route.lower, "top"), []).append((last, first, route))
        self.ports = {}
        for (name, side), members in sorted(ends.items(), key=lambda item: item[0]):
            members.sort(key=lambda m: (m[0], m[1], m[2].id))
            self.ports.update(_ports(self.grid.boxes[name],
                                     [(route.id, route.width) for _, _, route in members],
                                     side, [aim for aim, _, _ in members]))
        for route in self.routes:
            up, down = self.grid.boxes[route.upper], self.grid.boxes[route.lower]
            top_row = self.grid.bottom_row(route.upper)
            bottom_row = self.grid.row_of[route.lower]
            xs = [self.ports[(route.id, "bottom")], *shown[route.id],
                  self.ports[(route.id, "top")]]
            rows = [top_row, *route.rows, bottom_row]
            points = [(xs[0], up[3])]
            for index, (x, row) in enumerate(zip(xs, rows, strict=True)):
                top, bottom = self.grid.bands[row]
                if index:
                    points.append((x, top))
                if index < len(xs) - 1:
                    points.append((x, bottom))
            points.append((xs[-1], down[1]))
            route.points = _dedupe(points)
        self._shape()

    def _shape(self) -> None:
        """Each route's pieces: straight down in rows, an S-curve between rows; arrows that
        shift the same way between two rows take their turns one below the other."""
        turns: dict[tuple[float, float, str], tuple[float, float]] = {}
        by_space: dict[tuple[float, float], list[tuple[Point, Point, Route]]] = {}
        for route in self.routes:
            for a, b in itertools.pairwise(route.points):
                if abs(a[0] - b[0]) >= 0.01:
                    by_space.setdefault((a[1], b[1]), []).append((a, b, route))
        for (y0, y1), members in by_space.items():
            for direction in (-1, 1):
                movers = [m for m in members if (m[1][0] - m[0][0]) * direction > 0]
                # The one farthest ahead in the direction of the shift turns first.
                movers.sort(key=lambda m: (-direction * m[0][0], -direction * m[1][0]))
                step = 0.0 if len(movers) < 2 else min(TRACK, (y1 - y0) * 0.5
                                                       / (len(movers) - 1))
                for index, (a, _, route) in enumerate(movers):
                    before = index * step
                    after = (len(movers) - 1 - index) * step
                    turns[(a[0], a[1], route.id)] = (y0 + before, y1 - after)
        self.pieces = {}
        self._sampled = {}
        for route in self.routes:
            pieces: list[Cubic] = []
            for a, b in itertools.pairwise(route.points):
                if abs(a[0] - b[0]) < 0.01:
                    pieces.append(line(a, b))
                    continue
                t0, t1 = turns.get((a[0], a[1], route.id), (a[1], b[1]))
                # Straight for an arrowhead's length next to a box.
                if a == route.points[0]:
                    t0 = min(max(t0, a[1] + END_RUN), (a[1] + b[1]) / 2)
                if b == route.points[-1]:
                    t1 = max(min(t1, b[1] - END_RUN), (a[1] + b[1]) / 2)
                if t0 > a[1]:
                    pieces.append(line(a, (a[0], t0)))
                pieces.append(s_curve((a[0], t0), (b[0], t1)))
                if t1 < b[1]:
                    pieces.append(line((b[0], t1), b))
            self.pieces[route.id] = pieces

    def _after(self, route: Route, index: int) -> float:
        """Where an arrow goes after pass point `index` (to order arrows in one gap)."""
        if index + 1 < len(route.passes):
            return route.passes[index + 1]
        down = self.grid.boxes[route.lower]
        return (down[0] + down[2]) / 2

    def _before(self, route: Route, index: int) -> float:
        """Where an arrow comes from before pass point `index`."""
        if index > 0:
            return route.passes[index - 1]
        up = self.grid.boxes[route.upper]
        return (up[0] + up[2]) / 2

    def _gap_index(self, row: int, x: float) -> int:
        for index, (lo, hi) in enumerate(self.gaps[row]):
            if lo - 0.5 <= x <= hi + 0.5:
                return index
        return -1

    def cost(self) -> float:
        """Crossings, passes through a box and near misses, then length and bends."""
        key = tuple(tuple(route.passes) for route in self.routes)
        known = self._costs.get(key)
        if known is not None:
            return known
        self._costs[key] = found = self._cost()
        return found

    def _cost(self) -> float:
        self.place()
        total = self._fixed_crossings() * CROSSING
        spans: dict[tuple[float, float], list[tuple[Point, Point, Route]]] = {}
        for route in self.routes:
            for index, row in enumerate(route.rows):
                if self._gap_index(row, route.passes[index]) < 0:
                    total += BOX_HIT
            for a, b in itertools.pairwise(route.points):
                if a[1] != b[1] and a[0] != b[0]:
                    total += abs(a[0] - b[0]) + BEND
                spans.setdefault((a[1], b[1]), []).append((a, b, route))
        for members in spans.values():
            for i, (a, b, route) in enumerate(members):
                for c, d, other in members[i + 1:]:
                    if (a[0] - c[0]) * (b[0] - d[0]) < 0:
                        total += CROSSING
                    elif self._near(route, a, b, other, c, d):
                        total += NEAR_MISS
        return total

    def _fixed_crossings(self) -> int:
        """How many pieces of the routes (from one corner to the next) meet a fixed arrow
        (one within a row, drawn already)."""
        found = 0
        for route in self.routes:
            for a, b in itertools.pairwise(route.points):
                piece = (min(a[0], b[0]), a[1], max(a[0], b[0]), b[1])
                for fixed in self.fixed:
                    if not fixed.far(piece) and polylines_nearer(
                            self._fine(route, a, b), fixed.points, 0.01):
                        found += 1
        return found

    def _near(self, route: Route, a: Point, b: Point, other: Route, c: Point,
              d: Point) -> bool:
        """Whether two routes' pieces between the same heights come nearer than NEAR."""
        limit = NEAR + (route.width + other.width) / 2
        if (min(a[0], b[0]) - max(c[0], d[0]) > limit
                or min(c[0], d[0]) - max(a[0], b[0]) > limit):
            return False
        if {route.upper, route.lower} & {other.upper, other.lower} and (
                a[1] != b[1] and (abs(a[0] - b[0]) < 0.01 and abs(c[0] - d[0]) < 0.01)):
            return False
        key = (tuple(self._between(route, a, b)), tuple(self._between(other, c, d)), limit)
        found = self._nearness.get(key)
        if found is None:
            found = self._nearness[key] = polylines_nearer(self._fine(route, a, b),
                                                           self._fine(other, c, d), limit)
        return found

    def _fine(self, route: Route, a: Point, b: Point) -> list[Point]:
        """A route from point a to point b as a fine polyline (kept until the next place)."""
        key = (route.id, a, b)
        found = self._sampled.get(key)
        if found is None:
            found = self._sampled[key] = sampled(self._between(route, a, b), 6)
        return found

    def _between(self, route: Route, a: Point, b: Point) -> list[Cubic]:
        """The pieces of a route from point a to point b."""
        return [piece for piece in self.pieces[route.id]
                if a[1] - 0.01 <= piece[0][1] and piece[3][1] <= b[1] + 0.01
                and min(a[0], b[0]) - 0.01 <= piece[0][0] <= max(a[0], b[0]) + 0.01]

    def solve(self) -> None:
        """The best routes found from two starts: every arrow nearest its straight line, and
        nearest Graphviz's spline of it (where the arrows have one), which is taken only
        where it spares a crossing or a near miss."""
        starts = [False]
        if any(route.hint is not None for route in self.routes):
            starts.append(True)
        best, chosen = math.inf, [list(route.passes) for route in self.routes]
        for hinted in starts:
            self.start(hinted)
            cost = self.improve()
            # (Graphviz's start wins only where it spares a crossing or a near miss.)
            if cost < best - (NEAR_MISS / 2 if hinted else 0.01):
                best, chosen = cost, [list(route.passes) for route in self.routes]
        for route, passes in zip(self.routes, chosen, strict=True):
            route.passes = passes
        self.place()

    def improve(self) -> float:
        """Pick the gaps each arrow passes (all its choices at once, a route at a time), then
        the place in each gap (a pass point at a time), while that lowers the cost and the
        search stays within its budget (WORK: a big ladder is searched less); the cost."""
        best = self.cost()
        budget = len(self._costs) + max(WORK // (len(self.routes) ** 2 + 1), 20)
        costs = self._costs
        for _ in range(PASSES):
            improved = False
            for route in self.routes:
                if len(costs) > budget:  # (spent: no more choices are tried)
                    return best
                keep = list(route.passes)
                choice = keep
                for passes in self.gap_choices(route):
                    if len(costs) > budget:
                        break
                    if passes == keep:
                        continue
                    route.passes = passes
                    cost = self.cost()
                    if cost < best - 0.01:
                        best, choice, improved = cost, passes, True
                route.passes = list(choice)
            for route in self.routes:
                for index in range(len(route.rows)):
                    if len(costs) > budget:
                        return best
                    keep_x = route.passes[index]
                    chosen = keep_x
                    for x in self.options(route, index):
                        if len(costs) > budget:
                            break
                        if abs(x - keep_x) < 0.01:
                            continue
                        route.passes[index] = x
                        cost = self.cost()
                        if cost < best - 0.01:
                            best, chosen, improved = cost, x, True
                    route.passes[index] = chosen
            if not improved:
                break
        return best

    def gap_choices(self, route: Route) -> list[list[float]]:
        """Every way through the gaps of the rows a route passes (at most GAP_CHOICES), each
        pulled taut: its pass points as near the line between their neighbours as their gaps
        allow."""
        found: list[list[tuple[float, float]]] = [[]]
        for row in route.rows:
            gaps = self.gaps[row] or [(-math.inf, math.inf)]
            found = [[*done, gap] for done in found for gap in gaps][:GAP_CHOICES]
        ways: dict[tuple[float, ...], list[float]] = {}  # (in the order found)
        for gaps in found:
            for way in (self.taut(route, gaps), self.held(route, gaps, False),
                        self.held(route, gaps, True)):
                ways.setdefault(tuple(way), way)
        return list(ways.values())

    def held(self, route: Route, gaps: list[tuple[float, float]], up: bool) -> list[float]:
        """The pass points of a route through the given gaps that keep the x of the box
        above (or below, `up`) as long as the gaps allow: one bend, not one a row."""
        box = self.grid.boxes[route.lower if up else route.upper]
        x = (box[0] + box[2]) / 2
        xs: list[float] = []
        order = list(reversed(gaps)) if up else gaps
        for lo, hi in order:
            x = min(max(x, lo), hi)
            xs.append(x)
        return list(reversed(xs)) if up else xs

    def taut(self, route: Route, gaps: list[tuple[float, float]]) -> list[float]:
        """The pass points of a route through the given gaps, pulled straight."""
        up, down = self.grid.boxes[route.upper], self.grid.boxes[route.lower]
        ys = [up[3], *(self.grid.middle(row) for row in route.rows), down[1]]
        xs = [(up[0] + up[2]) / 2, *(self.straight(route, row) for row in route.rows),
              (down[0] + down[2]) / 2]
        for _ in range(TAUT_ROUNDS):
            for i, (lo, hi) in enumerate(gaps, start=1):
                t = (ys[i] - ys[i - 1]) / ((ys[i + 1] - ys[i - 1]) or 1.0)
                xs[i] = min(max(xs[i - 1] + (xs[i + 1] - xs[i - 1]) * t, lo), hi)
        return xs[1:-1]


def _dedupe(points: list[Point]) -> list[Point]:
    out = [points[0]]
    for point in points[1:]:
        if math.dist(point, out[-1]) > 0.01:
            out.append(point)
    return out


def _spread(xs: list[float], seps: list[float], lo: float, hi: float) -> list[float]:
    """xs (in order) moved apart by at least seps[i] between i-1 and i, within lo..hi when
    the room allows."""
    out = list(xs)
    for i in range(1, len(out)):
        out[i] = max(out[i], out[i - 1] + seps[i])
    if out and out[-1] > hi:
        out[-1] = hi
        for i in range(len(out) - 2, -1, -1):
            out[i] = min(out[i], out[i + 1] - seps[i + 1])
    if out and out[0] < lo:
        shift = min(lo - out[0], max(hi - out[-1], 0.0))
        out = [x + shift for x in out]
    return out


def _facing(one: Rect, other: Rect) -> float:
    """Where on box `one` an arrow straight from box `other` (above or below) would end:
    where the two boxes face each other, nearest the middle between their centres (the
    other's centre when they do not face each other)."""
    lo, hi = max(one[0], other[0]) + PORT_INSET, min(one[2], other[2]) - PORT_INSET
    middle = (one[0] + one[2] + other[0] + other[2]) / 4
    if lo > hi:
        return (other[0] + other[2]) / 2
    return min(max(middle, lo), hi)


def _ports(rect: Rect, members: list[tuple[str, float]], side: str,
           aims: list[float]) -> dict[tuple[str, str], float]:
    """x of each arrow's end on one side of a box, in the given order: right above or below
    where the arrow comes from or goes (so that it runs straight when it can), within the
    box (its rounded corners aside), moved apart as little as their spacing needs."""
    x1, _, x2, _ = rect
    lo, hi = x1 + PORT_INSET, x2 - PORT_INSET
    seps = [0.0] + [PORT_SEP + (members[i][1] + members[i - 1][1]) / 2
                    for i in range(1, len(members))]
    if sum(seps) > hi - lo and len(members) > 1:
        seps = [0.0] + [(hi - lo) / (len(members) - 1)] * (len(members) - 1)
    xs = _spread([min(max(aim, lo), hi) for aim in aims], seps, lo, hi)
    return {(name, side): x for (name, _), x in zip(members, xs, strict=True)}



# --- arrows within one row -----------------------------------------------------------------

ROW_LOOP = 16.0  # how far below its row an arrow between two boxes of one row, not side by
#                  side, runs across (an arrowhead and a corner fit between it and the boxes)
LOOP_STEP = 7.0  # between such arrows under one row that overlap
CORNER = 6.0  # the radius of their corners
SIDE_INSET = 8.0  # between a box's corner and an arrow's end on its left or right side


@dataclass
class RowArrow:
    """An arrow between two boxes of one row: its end boxes (tail first) and its width."""

    id: str
    tail: str
    head: str
    width: float


def row_routes(grid: Grid, arrows: Sequence[RowArrow], bottoms: dict[str, list[float]],
               depths: dict[int, float] | None = None) -> dict[str, list[Cubic]]:
    """The pieces, tail to head, of arrows between two boxes of one row: straight across from
    side to side where the boxes stand side by side with nothing between them, else under
    the row (down from the tail's bottom, across below the row's boxes, up into the head's
    bottom) with square, rounded corners. `bottoms`: the x of the arrows' ends already on
    each box's bottom, which the ends of the arrows under the row keep clear of. `depths`,
    if given, gets the y of the lowest arrow under each row that has one."""
    found: dict[str, list[Cubic]] = {}
    pairs: dict[tuple[str, str], list[RowArrow]] = {}
    under: list[RowArrow] = []
    for arrow in arrows:
        if side_by_side(grid, arrow.tail, arrow.head):
            one, two = sorted((arrow.tail, arrow.head))
            pairs.setdefault((one, two), []).append(arrow)
        else:
            under.append(arrow)
    for (one, two), members in sorted(pairs.items()):
        left, right = sorted((one, two), key=lambda name: grid.boxes[name][0])
        found.update(_across(grid.boxes[left], grid.boxes[right], members, left))
    found.update(_under(grid, under, {name: list(xs) for name, xs in bottoms.items()},
                        {} if depths is None else depths))
    return found


def side_by_side(grid: Grid, one: str, two: str) -> bool:
    """Whether two boxes face each other across a clear space: their sides overlap in height
    and no other box stands between them."""
    a, b = sorted((grid.boxes[one], grid.boxes[two]))
    top, bottom = max(a[1], b[1]) + SIDE_INSET, min(a[3], b[3]) - SIDE_INSET
    if top > bottom or a[2] >= b[0]:
        return False
    between = (a[2], top, b[0], bottom)
    return not any(name not in (one, two) and not (
        rect[2] < between[0] or rect[0] > between[2] or rect[3] < between[1]
        or rect[1] > between[3]) for name, rect in grid.boxes.items())


def _across(left: Rect, right: Rect, members: list[RowArrow],
            left_name: str) -> dict[str, list[Cubic]]:
    """Straight arrows between the facing sides of two boxes side by side (the left one's
    id `left_name`), one below the other around the middle of where the sides face."""
    top, bottom = max(left[1], right[1]) + SIDE_INSET, min(left[3], right[3]) - SIDE_INSET
    members = sorted(members, key=lambda a: a.id)
    seps = [0.0] + [PORT_SEP + (members[i].width + members[i - 1].width) / 2
                    for i in range(1, len(members))]
    if sum(seps) > bottom - top and len(members) > 1:
        seps = [0.0] + [(bottom - top) / (len(members) - 1)] * (len(members) - 1)
    first = (top + bottom) / 2 - sum(seps) / 2
    ys = list(itertools.accumulate(seps[1:], initial=first))
    found = {}
    for arrow, y in zip(members, ys, strict=True):
        a, b = (left[2], y), (right[0], y)
        found[arrow.id] = [line(a, b) if arrow.tail == left_name else line(b, a)]
    return found


def _under(grid: Grid, arrows: list[RowArrow], bottoms: dict[str, list[float]],
           depths: dict[int, float]) -> dict[str, list[Cubic]]:
    """Arrows under their row between two boxes that are not side by side, the shorter
    ones nearer the row, each at a level of its own among those it overlaps; their ends on
    the boxes' bottoms, on the side facing the other box, clear of the ends already there
    (`depths`: the lowest y by row, updated)."""
    found: dict[str, list[Cubic]] = {}
    placed: list[tuple[int, float, float, int]] = []  # row, x from, x to, level
    for arrow in sorted(arrows, key=lambda a: (_span(grid, a), a.id)):
        tail, head = grid.boxes[arrow.tail], grid.boxes[arrow.head]
        rightward = (head[0] + head[2]) > (tail[0] + tail[2])
        x0 = _bottom_port(tail, rightward, bottoms.setdefault(arrow.tail, []), arrow.width)
        x1 = _bottom_port(head, not rightward, bottoms.setdefault(arrow.head, []),
                          arrow.width)
        row = _under_row(grid, max(grid.bottom_row(arrow.tail), grid.bottom_row(arrow.head)),
                         min(x0, x1), max(x0, x1))
        ends = (arrow.tail, arrow.head)
        tail_bends, head_bends = _leg(grid, ends, arrow.tail, x0, row), _leg(
            grid, ends, arrow.head, x1, row)
        bends = tail_bends + head_bends
        xs = [x0, x1, *(x for x, _ in bends)]
        lo, hi = min(xs), max(xs)
        level = _free_level(placed, row, lo, hi)
        placed.append((row, lo, hi, level))
        y = grid.bands[row][1] + ROW_LOOP + LOOP_STEP * level
        for _, jog in bends:  # (the row a leg runs across under needs room for it too)
            jog_row = max(r for r, band in grid.bands.items() if band[1] < jog)
            depths[jog_row] = max(depths.get(jog_row, jog), jog)
        depths[row] = max(depths.get(row, y), y)
        if not bends:
            found[arrow.id] = _loop((x0, tail[3]), (x1, head[3]), y)
            continue
        across = (tail_bends[-1][0] if tail_bends else x0,
                  head_bends[-1][0] if head_bends else x1)
        found[arrow.id] = _rounded([(x0, tail[3]), *tail_bends, (across[0], y),
                                    (across[1], y), *reversed(head_bends), (x1, head[3])])
    return found


def _leg(grid: Grid, ends: tuple[str, str], name: str, x: float, row: int) -> list[Point]:
    """The bends of an arrow's leg from box `name`'s bottom at x down to under row `row`
    (`ends`: the arrow's two boxes): none where it passes no other box, else across under
    the box's own row to the x nearest x clear of every box down to row `row`, then down."""
    rect, bottom = grid.boxes[name], grid.bands[row][1] + ROW_LOOP
    others = {n: r for n, r in grid.boxes.items() if n not in ends}
    if not any(r[1] < bottom and r[3] > rect[3] and r[0] - BOX_CLEAR < x < r[2] + BOX_CLEAR
               for r in others.values()):
        return []
    jog = grid.bands[grid.bottom_row(name)][1] + ROW_LOOP
    below = [r for r in others.values() if r[1] < bottom and r[3] > jog]
    lo, hi = grid.frame[0] + FRAME_CLEAR, grid.frame[2] - FRAME_CLEAR
    candidates = sorted((c for r in below for c in (r[0] - BOX_CLEAR, r[2] + BOX_CLEAR)
                         if lo <= c <= hi), key=lambda c: (abs(c - x), c))
    for c in candidates:
        if all(not r[0] - BOX_CLEAR < c < r[2] + BOX_CLEAR for r in below) and not any(
                segment_hits_rect((x, jog), (c, jog), r) for r in others.values()):
            return [(x, jog), (c, jog)]
    raise RenderError(f"the roles chart's arrow from {ends[0]} to {ends[1]} under its row "
                      f"finds no way down past the boxes below {name}")


def _rounded(points: Sequence[Point]) -> list[Cubic]:
    """A path through the given points, each turn square (the path runs only across or
    up and down) rounded with a quarter circle of radius CORNER where it has room."""
    k = 0.55  # (as in _loop)
    pieces: list[Cubic] = []
    start = points[0]
    for before, at, after in zip(points[:-2], points[1:-1], points[2:], strict=True):
        into, out = math.dist(before, at), math.dist(at, after)
        if into == 0 or out == 0:
            continue
        r = min(CORNER, into / 2, out / 2)
        d_in = ((at[0] - before[0]) / into, (at[1] - before[1]) / into)
        d_out = ((after[0] - at[0]) / out, (after[1] - at[1]) / out)
        a = (at[0] - d_in[0] * r, at[1] - d_in[1] * r)
        b = (at[0] + d_out[0] * r, at[1] + d_out[1] * r)
        pieces.append(line(start, a))
        pieces.append((a, (a[0] + d_in[0] * k * r, a[1] + d_in[1] * k * r),
                       (b[0] - d_out[0] * k * r, b[1] - d_out[1] * k * r), b))
        start = b
    pieces.append(line(start, points[-1]))
    return pieces


def _under_row(grid: Grid, row: int, lo: float, hi: float) -> int:
    """The row an arrow under row `row` from x lo to hi runs below: the bottom row of the
    deepest box standing in that row between its ends (a combined role's box reaching down
    over the rows below, and any box between the ends in the rows it then reaches), so
    that it passes under that box and not through it."""
    first, deepest = row, -1
    while deepest != row:
        deepest = row
        row = max([row, *(grid.bottom_row(name) for name, rect in grid.boxes.items()
                          if grid.row_of[name] <= row and grid.bottom_row(name) >= first
                          and rect[0] - BOX_CLEAR <= hi and lo <= rect[2] + BOX_CLEAR)])
    return row


def _free_level(placed: Sequence[tuple[int, float, float, int]], row: int, lo: float,
                hi: float) -> int:
    """The level nearest the row (0: ROW_LOOP below it) that no arrow already under row
    `row` whose stretch across comes within NEAR of lo..hi holds."""
    used = {level for r, a, b, level in placed
            if r == row and a - NEAR <= hi and lo <= b + NEAR}
    return next(level for level in itertools.count() if level not in used)


def _span(grid: Grid, arrow: RowArrow) -> float:
    tail, head = grid.boxes[arrow.tail], grid.boxes[arrow.head]
    return abs((tail[0] + tail[2]) - (head[0] + head[2])) / 2


def _bottom_port(rect: Rect, toward_right: bool, taken: list[float], width: float) -> float:
    """An x on a box's bottom for an arrow under its row: as near the corner toward the
    other box as the ends already there allow (then taken)."""
    lo, hi = rect[0] + PORT_INSET, rect[2] - PORT_INSET
    steps = max(int((hi - lo) / 2), 1)
    candidates = [hi - i * (hi - lo) / steps if toward_right else lo + i * (hi - lo) / steps
                  for i in range(steps + 1)]
    room = PORT_SEP + width
    x = next((c for c in candidates if all(abs(c - t) >= room for t in taken)),
             candidates[0])
    taken.append(x)
    return x


def _loop(start: Point, end: Point, y: float) -> list[Cubic]:
    """Down from `start`, across at height `y` and up into `end`, with rounded corners."""
    (x0, _), (x1, _) = start, end
    step = CORNER if x1 > x0 else -CORNER
    k = 0.55  # (a cubic's control points for a quarter circle: 0.55 of its radius out)
    return [line(start, (x0, y - CORNER)),
            ((x0, y - CORNER), (x0, y - CORNER + k * CORNER), (x0 + step * (1 - k), y),
             (x0 + step, y)),
            line((x0 + step, y), (x1 - step, y)),
            ((x1 - step, y), (x1 - step * (1 - k), y), (x1, y - CORNER + k * CORNER),
             (x1, y - CORNER)),
            line((x1, y - CORNER), end)]

# --- count labels --------------------------------------------------------------------------

def label_rect(centre: Point, width: float) -> Rect:
    return (centre[0] - width / 2, centre[1] - LABEL_H / 2, centre[0] + width / 2,
            centre[1] + LABEL_H / 2)


class _Line:
    """A fine polyline with its bounding box, for quick tests against small rectangles."""

    def __init__(self, points: Sequence[Point]) -> None:
        self.points = list(points)
        xs, ys = [p[0] for p in points], [p[1] for p in points]
        self.box = (min(xs), min(ys), max(xs), max(ys))

    def far(self, rect: Rect, reach: float = 0.0) -> bool:
        """Whether the whole line stays more than `reach` outside the rectangle's box."""
        b = self.box
        return (b[2] < rect[0] - reach or b[0] > rect[2] + reach or b[3] < rect[1] - reach
                or b[1] > rect[3] + reach)

    def hits(self, rect: Rect) -> bool:
        return not self.far(rect) and any(
            segment_hits_rect(a, b, rect)
            for a, b in itertools.pairwise(self.points))

    def distance(self, point: Point, beyond: float = math.inf) -> float:
        """The distance from a point to the line (`beyond` when surely farther)."""
        if self.far((point[0], point[1], point[0], point[1]), beyond):
            return beyond
        return min(point_segment(point, a, b)
                   for a, b in itertools.pairwise(self.points))


def place_label(own: Sequence[Point], others: Sequence[Sequence[Point]], boxes: Sequence[Rect],
                taken: Sequence[Rect], width: float, frame: Rect) -> Point:
    """Where the count of the arrow drawn along `own` (a fine polyline) goes: on the arrow,
    on a straight stretch near its middle, where its patch touches no other arrow, box,
    count or the frame, away from other counts and arrows; else beside it, nearer it than
    any other arrow; else its middle."""
    reach = width + LABEL_H + 2 * LABEL_PAD  # (nothing farther from the arrow matters)
    mine = _Line(own)
    near = (mine.box[0] - reach, mine.box[1] - reach, mine.box[2] + reach,
            mine.box[3] + reach)
    lines = [line for line in map(_Line, others) if not line.far(near, LABEL_ROOM)]
    boxes = [b for b in boxes if not _Line([(b[0], b[1]), (b[2], b[3])]).far(near)]
    length = sum(math.dist(a, b) for a, b in itertools.pairwise(own))
    spots: list[tuple[float, Point, Point]] = []
    steps = max(int(length / LABEL_STEP), 2)
    for i in range(1, steps):
        distance = length * i / steps
        if distance < LABEL_END or length - distance < LABEL_END + 6:
            continue
        point, heading = _along(own, distance)
        before = _along(own, max(distance - LABEL_BEND, 0.0))[1]
        after = _along(own, min(distance + LABEL_BEND, length))[1]
        bend = abs(before[0] * after[1] - before[1] * after[0]) + abs(heading[0]) * 0.3
        spots.append((bend * 40 + abs(distance / length - 0.5) * 10, point, heading))
    spots.sort(key=lambda spot: spot[0])
    fits = [(score + _crowding(point, lines, taken), index, point)
            for index, (score, point, _) in enumerate(spots)
            if _clear(label_rect(point, width), lines, boxes, taken, frame, None)]
    if fits:
        return min(fits)[2]
    for _, point, heading in spots:
        # Beside the arrow: off its side by half the label's extent across it.
        nx, ny = -heading[1], heading[0]
        reach = abs(nx) * width / 2 + abs(ny) * LABEL_H / 2 + LABEL_PAD + 2
        for sign in (1, -1):
            spot = (point[0] + sign * nx * reach, point[1] + sign * ny * reach)
            if _clear(label_rect(spot, width), lines, boxes, taken, frame, mine):
                return spot
    return _along(own, length / 2)[0]


def _crowding(point: Point, lines: Sequence[_Line], taken: Sequence[Rect]) -> float:
    """How much a count at `point` would stand near other counts and arrows (a cost)."""
    cost = 0.0
    for rect in taken:
        gap = math.dist(point, ((rect[0] + rect[2]) / 2, (rect[1] + rect[3]) / 2))
        cost += max(0.0, LABEL_ROOM - gap) / 2
    for line in lines:
        cost += max(0.0, LABEL_ROOM / 2 - line.distance(point, LABEL_ROOM / 2)) / 2
    return cost


def _along(points: Sequence[Point], distance: float) -> tuple[Point, Point]:
    """The point `distance` along a polyline and its unit heading there."""
    for a, b in itertools.pairwise(points):
        step = math.dist(a, b)
        if step > 0 and distance <= step:
            t = distance / step
            return (a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t), (
                (b[0] - a[0]) / step, (b[1] - a[1]) / step)
        distance -= step
    a, b = points[-2], points[-1]
    step = math.dist(a, b) or 1.0
    return b, ((b[0] - a[0]) / step, (b[1] - a[1]) / step)


def _clear(rect: Rect, lines: Sequence[_Line], boxes: Sequence[Rect], taken: Sequence[Rect],
           frame: Rect, own: _Line | None) -> bool:
    """Whether a label's box keeps LABEL_PAD from other arrows, counts and the frame's
    sides, BOX_PAD from boxes (and, beside its arrow `own`, touches it not and is nearer it
    than any other arrow)."""
    pad = LABEL_PAD
    grown = (rect[0] - pad, rect[1] - pad, rect[2] + pad, rect[3] + pad)
    if grown[0] < frame[0] or grown[2] > frame[2] or grown[1] < frame[1] or grown[3] > frame[3]:
        return False
    near = (rect[0] - BOX_PAD, rect[1] - BOX_PAD, rect[2] + BOX_PAD, rect[3] + BOX_PAD)
    if any(not (near[2] < b[0] or near[0] > b[2] or near[3] < b[1] or near[1] > b[3])
           for b in boxes) or any(
            not (grown[2] < b[0] or grown[0] > b[2] or grown[3] < b[1] or grown[1] > b[3])
            for b in taken):
        return False
    if any(line.hits(grown) for line in lines):
        return False
    if own is None:
        return True
    if own.hits(rect):
        return False
    centre = ((rect[0] + rect[2]) / 2, (rect[1] + rect[3]) / 2)
    mine = own.distance(centre)
    return all(line.distance(centre, mine + 2 * pad + 1) > mine + 2 * pad for line in lines)
