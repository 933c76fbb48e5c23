"""Where everything goes: card boxes, level rows and connector routes, as any layout gives them.

Coordinates are SVG user units (CSS px), y grows downwards, the drawing starts at (0, 0).
"""

from __future__ import annotations

from typing import NamedTuple

Point = tuple[float, float]


class Box(NamedTuple):
    """A card's center and size (a named tuple: cheap to make, by the thousand)."""

    x: float
    y: float
    w: float
    h: float

    @property
    def left(self) -> float:
        return self.x - self.w / 2

    @property
    def right(self) -> float:
        return self.x + self.w / 2

    @property
    def top(self) -> float:
        return self.y - self.h / 2

    @property
    def bottom(self) -> float:
        return self.y + self.h / 2


class Connector(NamedTuple):
    """A line of the chart.

    `kind` is "solid" (reports to), "assistant", "dotted" (dotted-line report) or "broken"
    (a line that fails validation, drawn with --force). `points` is a polyline, or with
    `curve` the control points of cubic Bézier pieces (p0 c1 c2 p1 c1 c2 p2 ...).
    """

    kind: str
    points: tuple[Point, ...]
    curve: bool = False


class Geometry(NamedTuple):
    """A laid-out chart."""

    width: float
    height: float
    boxes: dict[str, Box]  # card id -> box
    rows: dict[int, float]  # level row -> its center along the rank axis (y for TB, x for LR)
    lines: tuple[Connector, ...]
    direction: str = "TB"
    #: level row -> its extent along the rank axis (its tallest card), where the layout
    #: gives rows of their own size; None: every row is as deep as the tallest card.
    row_sizes: dict[int, float] | None = None

    def row_size(self, row: int, default: float) -> float:
        """The extent of level row `row` along the rank axis (`default` when not known)."""
        sizes = self.row_sizes
        if sizes is None:
            return default
        return sizes.get(row, default)


def bezier_point(p0: Point, p1: Point, p2: Point, p3: Point, t: float) -> Point:
    """The point at `t` (0 to 1) of the cubic Bézier from p0 to p3 with controls p1, p2."""
    u = 1 - t
    w0, w1, w2, w3 = u * u * u, 3 * u * u * t, 3 * u * t * t, t * t * t
    return (w0 * p0[0] + w1 * p1[0] + w2 * p2[0] + w3 * p3[0],
            w0 * p0[1] + w1 * p1[1] + w2 * p2[1] + w3 * p3[1])


def simplify(points: list[Point]) -> tuple[Point, ...]:
    """Drop repeated points and the middle of three collinear axis-parallel points.

    Points are compared (and those of bends kept) at two decimals, as the SVG writes them;
    a straight line (most lines: from a spine to a card beside it) keeps its two points as
    they are, which the SVG writes the same."""
    if len(points) == 2:
        (x, y), (bx, by) = points
        if -0.01 < x - bx < 0.01 and -0.01 < y - by < 0.01 and \
                round(x, 2) == round(bx, 2) and round(y, 2) == round(by, 2):
            return ((round(x, 2), round(y, 2)),)
        return ((x, y), (bx, by))
    result: list[Point] = []
    ax = ay = bx = by = 0.0
    for x, y in points:
        x, y = round(x, 2), round(y, 2)
        count = len(result)
        if count:
            if -0.01 < bx - x < 0.01 and -0.01 < by - y < 0.01:
                continue
            if count >= 2 and ((-0.01 < ax - bx < 0.01 and -0.01 < bx - x < 0.01) or (
                    -0.01 < ay - by < 0.01 and -0.01 < by - y < 0.01)):
                result[-1] = (x, y)
                bx, by = x, y
                continue
        result.append((x, y))
        ax, ay, bx, by = bx, by, x, y
    return tuple(result)


class Axes:
    """Coordinates along the rank axis ("main") and across it ("cross") for a direction."""

    def __init__(self, direction: str) -> None:
        self.tb = direction != "LR"

    def point(self, main: float, cross: float) -> Point:
        return (cross, main) if self.tb else (main, cross)

    def main(self, p: Point | Box) -> float:
        if isinstance(p, Box):
            return p.y if self.tb else p.x
        return p[1] if self.tb else p[0]

    def cross(self, p: Point | Box) -> float:
        if isinstance(p, Box):
            return p.x if self.tb else p.y
        return p[0] if self.tb else p[1]

    def half_main(self, box: Box) -> float:
        return box.h / 2 if self.tb else box.w / 2

    def half_cross(self, box: Box) -> float:
        return box.w / 2 if self.tb else box.h / 2


def side_curve(a: Box, b: Box) -> tuple[Point, ...]:
    """An S-shaped cubic Bézier from a side of box `a` to the facing side of box `b`.

    Used for dotted-line reports, which are not part of the tree's layout.
    """
    if abs(a.y - b.y) < 1e-6 or (a.bottom > b.top and b.bottom > a.top):  # side by side
        sign = 1.0 if b.x > a.x else -1.0
        start, end = (a.x + sign * a.w / 2, a.y), (b.x - sign * b.w / 2, b.y)
        bend = max(30.0, abs(end[0] - start[0]) / 2)
        return (start, (start[0] + sign * bend, start[1]), (end[0] - sign * bend, end[1]), end)
    sign = 1.0 if b.y > a.y else -1.0
    # Leave and enter a quarter of the width off center, clear of the solid connectors.
    start = (a.x + a.w / 4 * (1 if b.x >= a.x else -1), a.y + sign * a.h / 2)
    end = (b.x + b.w / 4 * (1 if a.x > b.x else -1), b.y - sign * b.h / 2)
    bend = max(30.0, abs(end[1] - start[1]) / 2)
    return (start, (start[0], start[1] + sign * bend), (end[0], end[1] - sign * bend), end)
