"""The dotted-line search's grid: marked a run of edges at a time (`routing._Grid`), it holds
what marking it node by node and edge by edge (the code before it, kept here) held, and the
solid lines it bars, what barring them edge by edge bars."""

from __future__ import annotations

import random
from bisect import bisect_left, bisect_right

import pytest

from orgviz.render.routing import CLEAR, EPS, NARROW, NEAR, _Grid, _grid, _Segment, _Sides

Marks = tuple[bytearray, ...]


def blocked_one_by_one(grid: _Grid, obstacles: list[_Sides]) -> Marks:
    """Free nodes and edges, each tested on its own: a node strictly inside an obstacle
    inflated by CLEAR is blocked, so is an edge whose middle is."""
    xs, ys, nx, ny = grid.xs, grid.ys, grid.nx, grid.ny
    free_node, free_h, free_v = (bytearray(b"\x01") * (nx * ny) for _ in range(3))
    for o_left, o_top, o_right, o_bottom in obstacles:
        left, right, top, bottom = o_left - CLEAR, o_right + CLEAR, o_top - CLEAR, o_bottom + CLEAR
        i_lo, i_hi = bisect_right(xs, left + EPS), bisect_left(xs, right - EPS)
        j_lo, j_hi = bisect_right(ys, top + EPS), bisect_left(ys, bottom - EPS)
        ie_lo, ie_hi = bisect_left(xs, left - EPS), bisect_right(xs, right + EPS)
        je_lo, je_hi = bisect_left(ys, top - EPS), bisect_right(ys, bottom + EPS)
        for j in range(j_lo, j_hi):
            for i in range(i_lo, i_hi):
                free_node[j * nx + i] = 0
            for i in range(ie_lo, min(ie_hi, nx) - 1):
                if left + EPS < (xs[i] + xs[i + 1]) / 2 < right - EPS:
                    free_h[j * nx + i] = 0
        for i in range(i_lo, i_hi):
            for j in range(je_lo, min(je_hi, ny) - 1):
                if top + EPS < (ys[j] + ys[j + 1]) / 2 < bottom - EPS:
                    free_v[j * nx + i] = 0
    return free_node, free_h, free_v


def near_one_by_one(grid: _Grid, obstacles: list[_Sides]) -> Marks:
    """The near bits of the edges, edge by edge (see `_Grid.crowd`)."""
    xs, ys, nx, ny = grid.xs, grid.ys, grid.nx, grid.ny
    near_h, near_v = bytearray(nx * ny), bytearray(nx * ny)
    for left, top, right, bottom in obstacles:
        i_lo, i_hi = bisect_left(xs, left - CLEAR - EPS), bisect_right(xs, right + CLEAR + EPS)
        j_lo, j_hi = bisect_left(ys, top - CLEAR - EPS), bisect_right(ys, bottom + CLEAR + EPS)
        for j, bit in ((bisect_left(ys, bottom + CLEAR - EPS), 1),
                       (bisect_left(ys, top - NARROW - EPS), 2)):
            while j < ny and (bottom <= ys[j] <= bottom + NARROW if bit == 1
                              else top - NARROW <= ys[j] <= top):
                for i in range(i_lo, min(i_hi, nx) - 1):
                    if left < (xs[i] + xs[i + 1]) / 2 < right:
                        near_h[j * nx + i] |= bit
                j += 1
        for i, bit in ((bisect_left(xs, right + CLEAR - EPS), 1),
                       (bisect_left(xs, left - NARROW - EPS), 2)):
            while i < nx and (right <= xs[i] <= right + NARROW if bit == 1
                              else left - NARROW <= xs[i] <= left):
                for j in range(j_lo, min(j_hi, ny) - 1):
                    if top < (ys[j] + ys[j + 1]) / 2 < bottom:
                        near_v[j * nx + i] |= bit
                i += 1
    return near_h, near_v


def on_lines_one_by_one(grid: _Grid, segments: list[_Segment]) -> Marks:
    """The edges on a solid line, edge by edge (see `_Grid.mark_lines`)."""
    xs, ys, nx, ny = grid.xs, grid.ys, grid.nx, grid.ny
    on_h, on_v = bytearray(nx * ny), bytearray(nx * ny)
    for sx0, sy0, sx1, sy1 in segments:
        if sy1 - sy0 < 0.01:
            for j in range(bisect_left(ys, sy0 - NEAR), bisect_right(ys, sy0 + NEAR)):
                for i in range(max(bisect_left(xs, sx0) - 1, 0),
                               min(bisect_right(xs, sx1), nx - 1)):
                    if sx0 < (xs[i] + xs[i + 1]) / 2 < sx1:
                        on_h[j * nx + i] = 1
        elif sx1 - sx0 < 0.01:
            for i in range(bisect_left(xs, sx0 - NEAR), bisect_right(xs, sx0 + NEAR)):
                for j in range(max(bisect_left(ys, sy0) - 1, 0),
                               min(bisect_right(ys, sy1), ny - 1)):
                    if sy0 < (ys[j] + ys[j + 1]) / 2 < sy1:
                        on_v[j * nx + i] = 1
    return on_h, on_v


def barred_one_by_one(grid: _Grid, obstacles: list[_Sides], solid: list[_Segment]) -> Marks:
    """Free nodes and edges, each tested on its own, with the solid lines barred (see
    `_Grid.bar_lines` and `_Grid.bar_corners`): an edge along a segment (each straight to
    within EPS), within NEAR of it, that reaches more than EPS into its length; a node
    within NEAR of a segment's end (both ways), and an edge that reaches into that square."""
    xs, ys, nx, ny = grid.xs, grid.ys, grid.nx, grid.ny
    free_node, free_h, free_v = blocked_one_by_one(grid, obstacles)
    corners = {corner for seg in solid for corner in ((seg[0], seg[1]), (seg[2], seg[3]))}
    for j in range(ny):
        for i in range(nx):
            x, y = xs[i], ys[j]
            for sx0, sy0, sx1, sy1 in solid:
                if i < nx - 1 and sy1 - sy0 < EPS < sx1 - sx0 and \
                        sy0 - NEAR <= y <= sy1 + NEAR and xs[i + 1] > sx0 + EPS and \
                        x < sx1 - EPS:
                    free_h[j * nx + i] = 0
                if j < ny - 1 and sx1 - sx0 < EPS < sy1 - sy0 and \
                        sx0 - NEAR <= x <= sx1 + NEAR and ys[j + 1] > sy0 + EPS and \
                        y < sy1 - EPS:
                    free_v[j * nx + i] = 0
            for px, py in corners:
                within_x, within_y = px - NEAR <= x <= px + NEAR, py - NEAR <= y <= py + NEAR
                if within_x and within_y:
                    free_node[j * nx + i] = 0
                if i < nx - 1 and within_y and xs[i + 1] >= px - NEAR and x <= px + NEAR:
                    free_h[j * nx + i] = 0
                if j < ny - 1 and within_x and ys[j + 1] >= py - NEAR and y <= py + NEAR:
                    free_v[j * nx + i] = 0
    return free_node, free_h, free_v


def crossings_one_by_one(grid: _Grid, solid: list[_Segment]) -> tuple[list[int], list[int]]:
    """How many solid lines each edge crosses, edge by edge: the lines (segments on one
    line that overlap or touch are one) strictly between the edge's start and its end or at
    its end, the edge strictly between their ends (EPS in)."""
    xs, ys, nx, ny = grid.xs, grid.ys, grid.nx, grid.ny
    vertical: dict[float, list[list[float]]] = {}
    horizontal: dict[float, list[list[float]]] = {}
    for x0, y0, x1, y1 in sorted(solid, key=lambda s: (s[1], s[0]) if s[0] == s[2] else s):
        if x1 - x0 < EPS < y1 - y0:
            spans, lo, hi = vertical.setdefault(x0, []), y0, y1
        elif y1 - y0 < EPS < x1 - x0:
            spans, lo, hi = horizontal.setdefault(y0, []), x0, x1
        else:
            continue
        if spans and lo <= spans[-1][1] + EPS:
            spans[-1][1] = max(spans[-1][1], hi)
        else:
            spans.append([lo, hi])
    cross_h, cross_v = [0] * (nx * ny), [0] * (nx * ny)
    for j in range(ny):
        for i in range(nx):
            if i < nx - 1:
                cross_h[j * nx + i] = sum(
                    1 for x, spans in vertical.items() for lo, hi in spans
                    if xs[i] < x <= xs[i + 1] and lo + EPS < ys[j] < hi - EPS)
            if j < ny - 1:
                cross_v[j * nx + i] = sum(
                    1 for y, spans in horizontal.items() for lo, hi in spans
                    if ys[j] < y <= ys[j + 1] and lo + EPS < xs[i] < hi - EPS)
    return cross_h, cross_v


def crowded_scene(seed: int) -> tuple[list[_Sides], list[_Segment]]:
    """Cards and solid segments on a half-pixel lattice (their sides, CLEAR off them and
    EPS either way often coincide), overlapping, touching, close and apart."""
    rng = random.Random(seed)

    def at(low: float, high: float) -> float:
        return rng.randint(int(low * 2), int(high * 2)) / 2

    obstacles = []
    for _ in range(rng.randint(1, 12)):
        left, top = at(-20, 160), at(-20, 160)
        obstacles.append((left, top, left + at(1, 60), top + at(1, 40)))
    segments: list[_Segment] = []
    for _ in range(rng.randint(0, 10)):
        a, b, c = at(-20, 180), at(-20, 180), at(-20, 180)
        low, high = min(a, b), max(a, b)
        segments.append((low, c, high, c) if rng.random() < 0.5 else (c, low, c, high))
    return obstacles, segments


@pytest.mark.parametrize("seed", range(300))
def test_the_grid_marks_what_marking_it_edge_by_edge_marked(seed: int) -> None:
    obstacles, segments = crowded_scene(seed)
    grid = _grid(obstacles, segments, (0.0, 0.0, 150.0, 150.0), [], [], [])
    assert (grid.free_node, grid.free_h, grid.free_v) == blocked_one_by_one(grid, obstacles)
    assert (grid.near_h, grid.near_v) == near_one_by_one(grid, obstacles)
    assert (grid.on_h, grid.on_v) == on_lines_one_by_one(grid, segments)


@pytest.mark.parametrize("seed", range(300))
def test_the_grid_bars_what_barring_it_edge_by_edge_barred(seed: int) -> None:
    obstacles, segments = crowded_scene(seed)
    if seed % 3 == 0:  # a segment a hundredth off straight (a spine's trunk, as dot placed it)
        segments = [(x0, y0, x1 + 0.01, y1) if x1 == x0 else (x0, y0, x1, y1 + 0.01)
                    for x0, y0, x1, y1 in segments]
    grid = _grid(obstacles, [], (0.0, 0.0, 150.0, 150.0), [], [], [], segments)
    assert (grid.free_node, grid.free_h, grid.free_v) == barred_one_by_one(grid, obstacles,
                                                                          segments)
    assert not any(grid.on_h) and not any(grid.on_v)  # (barred, not costed)


@pytest.mark.parametrize("seed", range(300))
def test_the_grid_counts_the_crossings_counting_them_edge_by_edge_counted(seed: int) -> None:
    obstacles, segments = crowded_scene(seed)
    segments += segments[:2]  # (lines drawn on top of each other: one line, crossed once)
    grid = _grid(obstacles, [], (0.0, 0.0, 150.0, 150.0), [], [], [], segments)
    assert (grid.cross_h, grid.cross_v) == crossings_one_by_one(grid, segments)


def test_an_edge_across_a_whole_card_is_blocked() -> None:
    """A grid line through a card (another card's, beside it) and none down through it:
    the edge from the card's left side to its right one passes under it, though neither
    of its ends does."""
    card, beside = (10.0, 10.0, 50.0, 30.0), (80.0, 20.0, 95.0, 40.0)
    grid = _grid([card, beside], [], (0.0, 0.0, 120.0, 120.0), [], [], [])
    left, right = grid.xs.index(card[0] - CLEAR), grid.xs.index(card[2] + CLEAR)
    row = grid.ys.index(beside[1] - CLEAR)
    assert right == left + 1 and card[1] - CLEAR < grid.ys[row] < card[3] + CLEAR
    edge = row * grid.nx + left
    assert grid.free_node[edge] and grid.free_node[edge + 1] and grid.free_h[edge] == 0
