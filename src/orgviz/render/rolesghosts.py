"""Where the roles chart's dashed "no ..." boxes stand: where the missing role would sit.

Graphviz put a "no VP of Product" box wherever its row had room, often at the column's far
side, away from the ladder it is missing from. Here each one stands in its row right beside
the arrow that skips that rung (the managers' arrow to the role below the gap: the CEO's to
the Head of Product in a company without a CPO or a VP of Product), on its left where it
fits, so the eye reads the missing role as a gap in the ladder. Those beside one arrow share
a centre line, like the rungs of a ladder. A row no arrow passes has its box between the
roles above and below it. Each box keeps clear of every arrow, box and its column's frame;
one that finds no such place keeps Graphviz's (and the arrows are routed around it).
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass

from orgviz.render.geometry import Point
from orgviz.render.rolesroute import BOX_CLEAR, Grid, Rect, segment_hits_rect

BOX_GAP = 18.0  # between a "no ..." box and another box of its row
FRAME_GAP = 14.0  # between a "no ..." box and its column's frame (Graphviz's cluster margin)
SCAN_STEP = 2.0  # between the places tried for a box that fits beside no arrow


@dataclass(frozen=True)
class Ghost:
    """A "no ..." box of one column: its row, size and Graphviz's centre."""

    id: str
    row: int
    w: float
    h: float
    x: float
    y: float


@dataclass(frozen=True)
class Skip:
    """An arrow of the column between two rows: the rows of its ends (upper first), how many
    reporting lines it stands for, whether dotted, and its drawn way (a fine polyline)."""

    id: str
    upper: int
    lower: int
    count: int
    dotted: bool
    points: Sequence[Point]


def place_ghosts(grid: Grid, ghosts: Sequence[Ghost], arrows: Sequence[Skip]) -> dict[str, float]:
    """The x of each "no ..." box's centre that has a clear place (`grid`: the column's other
    boxes, rows and frame); a box missing from the answer keeps Graphviz's place."""
    found: dict[str, float] = {}
    placed: list[Rect] = []
    groups: dict[tuple[str, float], list[Ghost]] = {}  # (arrow id or "", aim) -> boxes
    for ghost in sorted(ghosts, key=lambda g: (g.row, g.id)):
        skip = _skipping(ghost.row, arrows)
        key = (skip.id if skip is not None else "", round(_aim(grid, ghost, arrows)))
        groups.setdefault(key, []).append(ghost)
    alone: list[tuple[Ghost, float]] = []
    for (skip_id, _), members in groups.items():
        half = max(g.w for g in members) / 2
        aim = sum(_aim(grid, g, arrows) for g in members) / len(members)
        if skip_id:  # (beside the arrow: its left first)
            tries = [aim - BOX_CLEAR - half, aim + BOX_CLEAR + half]
        else:
            lo, hi = grid.frame[0] + FRAME_GAP + half, grid.frame[2] - FRAME_GAP - half
            tries = [min(max(aim, lo), hi)]
        for x in tries:
            rects = [_rect(g, x) for g in members]
            if all(_clear(rect, grid, arrows, placed) for rect in rects):
                found.update({g.id: x for g in members})
                placed.extend(rects)
                break
        else:
            alone.extend((g, aim) for g in members)
    for ghost, aim in alone:
        spot = _nearest_clear(ghost, aim, grid, arrows, placed)
        if spot is not None:
            found[ghost.id] = spot
            placed.append(_rect(ghost, spot))
    return found


def _aim(grid: Grid, ghost: Ghost, arrows: Sequence[Skip]) -> float:
    """Where the ladder passes a box's row: the x of the arrow that skips it, else between
    the boxes above and below."""
    skip = _skipping(ghost.row, arrows)
    return _crossing(skip.points, ghost.y) if skip is not None else _between(grid, ghost)


def _skipping(row: int, arrows: Sequence[Skip]) -> Skip | None:
    """The arrow that skips row `row` most nearly (its ends in the nearest rows above and
    below), the one for most reporting lines among those, a solid one before a dotted one."""
    passing = [a for a in arrows if a.upper < row < a.lower]
    if not passing:
        return None
    return min(passing, key=lambda a: (a.lower - a.upper, row - a.upper, a.dotted, -a.count,
                                       a.id))


def _crossing(points: Sequence[Point], y: float) -> float:
    """The x where a polyline (going down, or up) is at height y (its nearest point's x)."""
    for (x1, y1), (x2, y2) in itertools.pairwise(points):
        if min(y1, y2) <= y <= max(y1, y2):
            return x1 if y1 == y2 else x1 + (x2 - x1) * (y - y1) / (y2 - y1)
    return min(points, key=lambda p: abs(p[1] - y))[0]


def _between(grid: Grid, ghost: Ghost) -> float:
    """The middle of the centres of the nearest boxes above and below a box's row (one of
    them where there is only one; Graphviz's x where there is none)."""
    xs = []
    for rows in (range(ghost.row - 1, -1, -1), range(ghost.row + 1, max(grid.bands) + 1)):
        for row in rows:
            centres = sorted((r[0] + r[2]) / 2 for name, r in grid.boxes.items()
                             if grid.row_of[name] == row)
            if centres:
                xs.append(min(centres, key=lambda c: abs(c - ghost.x)))
                break
    return sum(xs) / len(xs) if xs else ghost.x


def _rect(ghost: Ghost, x: float) -> Rect:
    return x - ghost.w / 2, ghost.y - ghost.h / 2, x + ghost.w / 2, ghost.y + ghost.h / 2


def _clear(rect: Rect, grid: Grid, arrows: Sequence[Skip], placed: Sequence[Rect]) -> bool:
    """Whether a "no ..." box there stays within its frame, BOX_GAP from the boxes and
    BOX_CLEAR from the arrows."""
    frame = grid.frame
    if rect[0] < frame[0] + FRAME_GAP or rect[2] > frame[2] - FRAME_GAP:
        return False
    for other in [*grid.boxes.values(), *placed]:
        if not (rect[2] + BOX_GAP <= other[0] or rect[0] - BOX_GAP >= other[2]
                or rect[3] <= other[1] or rect[1] >= other[3]):
            return False
    reach = BOX_CLEAR - 0.5  # (a box right BOX_CLEAR beside an arrow is clear of it)
    grown = (rect[0] - reach, rect[1] - 2.0, rect[2] + reach, rect[3] + 2.0)
    return not any(segment_hits_rect(a, b, grown) for arrow in arrows
                   for a, b in itertools.pairwise(arrow.points))


def _nearest_clear(ghost: Ghost, aim: float, grid: Grid, arrows: Sequence[Skip],
                   placed: Sequence[Rect]) -> float | None:
    """The clear place for a box nearest x `aim`, or None."""
    lo, hi = grid.frame[0] + FRAME_GAP + ghost.w / 2, grid.frame[2] - FRAME_GAP - ghost.w / 2
    if lo > hi:
        return None
    steps = int((hi - lo) / SCAN_STEP)
    tries = sorted([lo + i * SCAN_STEP for i in range(steps + 1)] + [min(max(aim, lo), hi)],
                   key=lambda x: (abs(x - aim), x))
    return next((x for x in tries if _clear(_rect(ghost, x), grid, arrows, placed)), None)
