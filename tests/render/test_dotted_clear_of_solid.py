"""Dotted lines keep off the solid connectors: never along one, never through a place where
one bends or branches (a reader follows the solid line there and reads the dotted line as
a line to someone else)."""

from __future__ import annotations

from itertools import pairwise

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from renderkit import HAS_DOT, chart_of
from test_dotted_routes import random_org

from orgviz.render.geometry import Box, Connector, Geometry
from orgviz.render.routing import NEAR, Router
from orgviz.render.tidylayout import layout_tidy

TOL = 0.5

Segment = tuple[float, float, float, float]  # x0, y0, x1, y1 with x0 <= x1, y0 <= y1

#: QA's org: three VPs, Sales One a manager of two; Prod Two has a dotted line to Sales One
#: (with `--layout dot` it left Prod Two's right side, met the spine of Sales One's reports
#: where it branches to Sales Five and ran along that branch: it read as a line to Sales
#: Five), Eng Three one to Sales Two.
QA_ORG = """\
orgviz: 1
org: {name: Dotted Co}
people:
  - {id: ceo, name: Cee Oh, title: CEO}
  - {id: veng, name: Vee Eng, title: VP Engineering, reports_to: ceo}
  - {id: vprod, name: Vee Prod, title: VP Product, reports_to: ceo}
  - {id: vsales, name: Vee Sales, title: VP Sales, reports_to: ceo}
  - {id: e1, name: Eng One, title: Engineer, reports_to: veng}
  - {id: e2, name: Eng Two, title: Engineer, reports_to: veng}
  - {id: e3, name: Eng Three, title: Engineer, reports_to: veng, dotted_to: [s2]}
  - {id: p1, name: Prod One, title: Product Manager, reports_to: vprod}
  - {id: p2, name: Prod Two, title: Product Manager, reports_to: vprod, dotted_to: [s1]}
  - {id: s1, name: Sales One, title: Sales Manager, reports_to: vsales}
  - {id: s2, name: Sales Two, title: Account Executive, reports_to: vsales}
  - {id: s3, name: Sales Three, title: Account Executive, reports_to: vsales}
  - {id: s4, name: Sales Four, title: Account Executive, reports_to: s1}
  - {id: s5, name: Sales Five, title: Account Executive, reports_to: s1}
"""

needs_dot = [pytest.mark.system_graphviz,
             pytest.mark.skipif(not HAS_DOT, reason="needs Graphviz `dot` on PATH")]


def segments(points: tuple[tuple[float, float], ...]) -> list[Segment]:
    """A line's segments, each with its ends in order."""
    return [(min(ax, bx), min(ay, by), max(ax, bx), max(ay, by))
            for (ax, ay), (bx, by) in pairwise(points)]


def collinear_overlap(a: Segment, b: Segment) -> float:
    """How far two axis-parallel segments on one line run on top of each other (0 or less:
    they do not, or touch at a point)."""
    if a[1] == a[3] and b[1] == b[3] and abs(a[1] - b[1]) < TOL:
        return min(a[2], b[2]) - max(a[0], b[0])
    if a[0] == a[2] and b[0] == b[2] and abs(a[0] - b[0]) < TOL:
        return min(a[3], b[3]) - max(a[1], b[1])
    return 0.0


def passes(point: tuple[float, float], seg: Segment) -> bool:
    """Whether a segment passes through a point (TOL either way)."""
    x, y = point
    return seg[0] - TOL <= x <= seg[2] + TOL and seg[1] - TOL <= y <= seg[3] + TOL


def dotted_on_solid(lines: tuple[Connector, ...] | list[Connector]) -> list[tuple]:
    """Where a dotted line runs along a solid one (solid, broken or an assistant's line) or
    passes through one of its corners, branches or ends."""
    solid = [line for line in lines if line.kind != "dotted" and not line.curve]
    runs = [seg for line in solid for seg in segments(line.points)]
    corners = {point for line in solid for point in line.points}
    found: list[tuple] = []
    for line in lines:
        if line.kind != "dotted":
            continue
        for seg in segments(line.points):
            found += [("along", seg, run) for run in runs if collinear_overlap(seg, run) > TOL]
            found += [("through", seg, point) for point in sorted(corners)
                      if passes(point, seg)]
    return found


def test_dotted_on_solid_finds_runs_along_and_through_corners_only() -> None:
    trunk = Connector("solid", ((10.0, 0.0), (10.0, 100.0), (40.0, 100.0)))
    crossing = Connector("dotted", ((0.0, 50.0), (30.0, 50.0)))
    touching = Connector("dotted", ((40.0, 100.0), (40.0, 140.0)))  # (at the solid's end)
    along = Connector("dotted", ((30.0, 100.0), (60.0, 100.0)))
    through = Connector("dotted", ((0.0, 100.0), (5.0, 100.0), (5.0, 120.0)))
    assert dotted_on_solid([trunk, crossing]) == []
    assert [kind for kind, *_ in dotted_on_solid([trunk, along])] == ["along", "through"]
    assert [kind for kind, *_ in dotted_on_solid([trunk, touching])] == ["through"]
    assert dotted_on_solid([trunk, through]) == []  # (5 px short of the corner)
    assert dotted_on_solid([trunk, Connector("dotted", ((0.0, 100.0), (20.0, 100.0)))])


def layout_dot_of(text: str, **view: object) -> Geometry:
    """An org file's text laid out by system `dot`, its connectors routed."""
    from orgviz.render.dotlayout import layout_dot
    from orgviz.render.engines import pick_engine

    chart, theme, _texts, box = chart_of(text, **view)
    return layout_dot(chart, box, theme, pick_engine("system"), 60.0)[0]


@pytest.mark.parametrize("direction", ["TB", "LR"])
@pytest.mark.parametrize("marks", [pytest.param(None, marks=needs_dot)])
def test_qa_org_dotted_lines_keep_off_the_solid_ones(direction: str, marks: None) -> None:
    geometry = layout_dot_of(QA_ORG, direction=direction)
    assert dotted_on_solid(geometry.lines) == []
    # Top-down, Prod Two's line to Sales One is short and clear: drawn. Eng Three's to Sales
    # Two would cross the trunks of Vee Prod's and Sales One's reports, and left to right
    # both would run in the narrow gaps between listed cards: their card notes say them.
    drawn = len([line for line in geometry.lines if line.kind == "dotted"])
    assert drawn >= (1 if direction == "TB" else 0)


def assert_straight(lines: tuple[Connector, ...]) -> None:
    """Every segment of every line (but curves) is exactly horizontal or vertical."""
    for line in lines:
        if not line.curve:
            for (ax, ay), (bx, by) in pairwise(line.points):
                assert ax == bx or ay == by, (line.kind, line.points)


@pytest.mark.parametrize("marks", [pytest.param(None, marks=needs_dot)])
def test_a_spine_under_its_manager_comes_straight_down(marks: None) -> None:
    """Graphviz's rounding put the spine of Vee Sales's reports 0.014 px off its manager:
    the line down it was drawn from (849.82, 206) to (849.83, 526.5), which the router took
    for no straight line at all (and so for none to keep off)."""
    assert_straight(layout_dot_of(QA_ORG).lines)


@pytest.mark.parametrize("marks", [pytest.param(None, marks=needs_dot)])
def test_a_dotted_line_between_two_lines_a_rounding_apart_is_straight(marks: None) -> None:
    """A card's side CLEAR off (1535.79) and a port's stub (1535.795, 1535.8 on the grid):
    the route ran along one and up the other, and `simplify` took the 0.01 px between them
    for one place: its last segment ran from (1535.79, 697) to (1535.8, 206.01)."""
    assert_straight(layout_dot_of(random_org(10, 40, 0.2)).lines)


@pytest.mark.parametrize("direction", ["TB", "LR"])
@pytest.mark.parametrize("marks", [pytest.param(None, marks=needs_dot)])
def test_a_route_between_grid_lines_a_rounding_apart_even_with_ports_rounded(
        marks: None, direction: str) -> None:
    """Two grid lines can stand 0.01 px apart even at 2 decimals each: a card's side CLEAR
    off (728.83) and another card's port stub (728.82). With ports rounded as the grid and
    `routing._in_line` dropped, random_org(40, 50, 0.5)'s route ran down one and into the
    port on the other, and `simplify` drew (728.83, 1131.49) to (728.82, 810.96) askew
    (left to right: (1538.97, 313.98) to (2080.99, 313.99))."""
    assert_straight(layout_dot_of(random_org(40, 50, 0.5), direction=direction).lines)


def spine_scene() -> tuple[dict[str, Box], list[Connector]]:
    """QA_ORG's cards and solid lines about Prod Two (`p2`) as `--layout dot` places them
    (rounded): Sales One's (`s1`) line down to the spine of its reports (`s4`, `s5`) in the
    gap at their left, a short branch into each, and the spine of Prod One and Two."""
    boxes = {"s1": Box(668, 284.5, 196, 85), "s4": Box(729, 405.5, 196, 85),
             "s5": Box(729, 526.5, 196, 85), "p1": Box(487, 405.5, 196, 85),
             "p2": Box(487, 526.5, 196, 85)}
    lines = [Connector("solid", ((668.0, 327.0), (668.0, 345.0), (608.0, 345.0),
                                 (608.0, 526.5))),
             Connector("solid", ((608.0, 405.5), (631.0, 405.5))),
             Connector("solid", ((608.0, 526.5), (631.0, 526.5))),
             Connector("solid", ((366.0, 300.0), (366.0, 526.5))),
             Connector("solid", ((366.0, 405.5), (389.0, 405.5))),
             Connector("solid", ((366.0, 526.5), (389.0, 526.5)))]
    return boxes, lines


def test_a_line_from_beside_a_spine_keeps_off_its_branch() -> None:
    """Straight down from Sales One's bottom and left to Prod Two's right side, the line
    crossed the spine where it branches to Sales Five and ran along that branch (it read
    as Sales Five's line to Prod Two): it goes another way."""
    boxes, lines = spine_scene()
    route = Router(boxes, lines, 1000, 650).route("s1", "p2")
    assert route is not None
    drawn = Connector("dotted", route)
    assert dotted_on_solid([*lines, drawn]) == [], route


def test_no_line_runs_beside_a_solid_one_within_near() -> None:
    """Nor a few px beside it, where it would read as on it."""
    boxes, lines = spine_scene()
    route = Router(boxes, lines, 1000, 650).route("s1", "p2")
    assert route is not None
    for x0, y0, x1, y1 in segments(route):
        for sx0, sy0, sx1, sy1 in (seg for line in lines for seg in segments(line.points)):
            if y0 == y1 and sy0 == sy1 and min(x1, sx1) - max(x0, sx0) > TOL:
                assert abs(y0 - sy0) > NEAR, route
            if x0 == x1 and sx0 == sx1 and min(y1, sy1) - max(y0, sy0) > TOL:
                assert abs(x0 - sx0) > NEAR, route


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(seed=st.integers(0, 2**31 - 1), n=st.integers(2, 30),
       dotted=st.sampled_from([0.3, 0.6]), direction=st.sampled_from(["TB", "LR"]))
@pytest.mark.system_graphviz
@pytest.mark.skipif(not HAS_DOT, reason="needs Graphviz `dot` on PATH")
def test_random_dot_charts_draw_no_dotted_line_on_a_solid_one(seed: int, n: int,
                                                              dotted: float,
                                                              direction: str) -> None:
    geometry = layout_dot_of(random_org(seed, n, dotted), direction=direction)
    assert dotted_on_solid(geometry.lines) == []
    assert_straight(geometry.lines)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(seed=st.integers(0, 2**31 - 1), n=st.integers(2, 40),
       dotted=st.sampled_from([0.3, 0.6]), compact=st.sampled_from(["auto", "off", 1]),
       direction=st.sampled_from(["TB", "LR"]))
def test_random_tidy_charts_draw_no_dotted_line_on_a_solid_one(
        seed: int, n: int, dotted: float, compact: str | int, direction: str) -> None:
    chart, _theme, _texts, box = chart_of(random_org(seed, n, dotted), direction=direction)
    geometry, _ends = layout_tidy(chart, box, compact)
    assert dotted_on_solid(geometry.lines) == []
