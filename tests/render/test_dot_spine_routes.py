"""`--layout dot`: a line down to a stack of reports keeps out of the ranks it passes."""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pytest
from renderkit import HAS_DOT, SMALL, chart_of

from orgviz.render.dot import DotPlan
from orgviz.render.dotlayout import _Router
from orgviz.render.geometry import Box, Connector, Geometry

SHARED_DATA = Path(__file__).resolve().parents[3] / "shared" / "data"


def placed(main: float, cross: float, w: float, h: float, tb: bool) -> Box:
    """A node's box `main` along the rank axis and `cross` across it."""
    return Box(cross, main, w, h) if tb else Box(main, cross, w, h)


@pytest.mark.parametrize("direction", ["TB", "LR"])
def test_a_line_to_a_spine_a_rank_lower_turns_above_that_ranks_cards(direction: str) -> None:
    """The spine of a manager's stacked reports starts at a small point in the rank of the
    most senior of them; the line there turned a quarter gap before that point, inside the
    rank's band of cards, and ran across through a card between (the imported UK Home
    Office: the Permanent Secretary's line to its two private secretaries ran through Paul
    Maltby's card, so they seemed to report to him)."""
    chart, _theme, _texts, box = chart_of(SMALL, direction=direction)
    tb = direction == "TB"
    ids = [card.id for card in chart.cards]

    def card(main: float, cross: float) -> Box:
        return placed(main, cross, box.width, box.height, tb)

    def point(main: float, cross: float) -> Box:
        return placed(main, cross, 1.0, 1.0, tb)

    nodes = {f"n{i}": card(100.0 + 400.0 * i, 100.0) for i in range(len(ids))}
    router = _Router(chart, DotPlan("", {cid: f"n{i}" for i, cid in enumerate(ids)}), nodes)
    half = (box.height if tb else box.width) / 2
    rank1, rank2 = 500.0, 900.0
    points = router.down(card(100.0, 100.0), [point(rank1, 100.0)], point(rank2, 700.0),
                         into=False)
    main = 1 if tb else 0
    across = [a[main] for a, b in itertools.pairwise(points)
              if abs(a[main] - b[main]) < 1e-9 and abs(a[1 - main] - b[1 - main]) > 1e-9]
    assert across, points
    for at in across:  # every run across lies in a gap between ranks, not among cards
        assert not any(rank - half < at < rank + half for rank in (100.0, rank1, rank2)), (
            at, points)
    assert points[-1] == ((700.0, rank2) if tb else (rank2, 700.0))  # the spine's start


@pytest.mark.skipif(not (SHARED_DATA.is_dir() and HAS_DOT),
                    reason="needs ../shared/data and Graphviz `dot` on PATH")
def test_the_imported_uk_home_office_draws_no_solid_line_through_a_card() -> None:
    from renderkit import assert_solid_lines_pass_no_card

    from orgviz.io.csvimport import import_csv
    from orgviz.render.cards import card_box, chart_texts
    from orgviz.render.chart import View, build_chart
    from orgviz.render.dotlayout import layout_dot
    from orgviz.render.engines import pick_engine
    from orgviz.render.themes import THEMES

    org = import_csv(SHARED_DATA / "uk-home-office-2012-09-30-senior.csv").org
    chart = build_chart(org, View())
    geometry = layout_dot(chart, card_box(chart_texts(chart)), THEMES["light"],
                          pick_engine("system"), 120.0)[0]
    assert_solid_lines_pass_no_card(geometry)


@pytest.mark.system_graphviz
@pytest.mark.skipif(not HAS_DOT, reason="needs Graphviz `dot` on PATH")
def test_two_spines_of_one_manager_keep_their_first_rows_apart() -> None:
    """A manager's 15 stacked reports hang on two spines, a card each side; Graphviz put
    the first rows of the enterprise example's two (under Laila Reyes) into each other, so
    a spine's short line to its right card ran through a card of the other."""
    from renderkit import ORGS, assert_solid_lines_pass_no_card

    from orgviz.loader import load
    from orgviz.render import RenderOptions
    from orgviz.render.dotlayout import layout_dot
    from orgviz.render.engines import pick_engine
    from orgviz.render.pipeline import build

    chart, theme, _texts, box = build(load(ORGS / "enterprise.yaml"),
                                      RenderOptions(layout="dot"))
    geometry, plan = layout_dot(chart, box, theme, pick_engine("system"), 120.0)
    assert len([s for s in plan.spines if s.manager == "laila-reyes"]) == 2
    assert_solid_lines_pass_no_card(geometry)


@pytest.mark.parametrize(("neighbour", "turns"), [("pm1", "high"), ("dir", "low")])
def test_a_line_through_waypoints_turns_where_it_crosses_fewer_lines(neighbour: str,
                                                                     turns: str) -> None:
    """A line on its way down through waypoints turns between two ranks: a quarter gap
    above the lower rank, where it crossed the line down into a card of that rank standing
    between its two waypoints (5,000 generated positions: 18 crossings of this kind), or
    a quarter gap below the upper rank, where that rank has a card with reports (its stem)
    between them."""
    chart, _theme, _texts, box = chart_of(SMALL)
    ids = [card.id for card in chart.cards]
    rank1, rank2 = 500.0, 900.0
    nodes = {f"n{i}": Box(10_000.0 + 400.0 * i, 5000.0, box.width, box.height)
             for i in range(len(ids))}
    # the neighbour: a report (a line comes down into it) or a manager (a line leaves it)
    at = rank2 if turns == "high" else rank1
    nodes[f"n{ids.index(neighbour)}"] = Box(500.0, at, box.width, box.height)
    router = _Router(chart, DotPlan("", {cid: f"n{i}" for i, cid in enumerate(ids)}), nodes)
    points = router.down(Box(1000.0, 100.0, box.width, box.height),
                         [Box(1000.0, rank1, 1.0, 1.0)], Box(0.0, rank2, 1.0, 1.0), into=False)
    run = [a[1] for a, b in itertools.pairwise(points) if a[1] == b[1] and a[0] != b[0]][-1]
    half, quarter = box.height / 2, router.gap / 4
    assert run == (rank1 + half + quarter if turns == "high" else rank2 - half - quarter), points


@pytest.mark.parametrize(("bus", "turns"), [((900.0, 1100.0), "high"), ((-100.0, 100.0), "low")])
def test_a_line_through_waypoints_turns_where_it_crosses_fewer_buses(
        bus: tuple[float, float], turns: str) -> None:
    """Below the rank a line leaves, a bus across where it would come down (turning low)
    makes it turn high; a bus across where it would go down (turning high) keeps it low
    (the UK Home Office organogram with its junior posts: 8 -> 2 crossings)."""
    chart, _theme, _texts, box = chart_of(SMALL)
    ids = [card.id for card in chart.cards]
    rank1, rank2 = 500.0, 900.0
    nodes = {f"n{i}": Box(10_000.0 + 400.0 * i, 5000.0, box.width, box.height)
             for i in range(len(ids))}
    router = _Router(chart, DotPlan("", {cid: f"n{i}" for i, cid in enumerate(ids)}), nodes)
    router.buses = {round(rank1): ([bus[0]], [bus[1]])}
    points = router.down(Box(1000.0, 100.0, box.width, box.height),
                         [Box(1000.0, rank1, 1.0, 1.0)], Box(0.0, rank2, 1.0, 1.0), into=False)
    run = [a[1] for a, b in itertools.pairwise(points) if a[1] == b[1] and a[0] != b[0]][-1]
    half, quarter = box.height / 2, router.gap / 4
    assert run == (rank1 + half + quarter if turns == "high" else rank2 - half - quarter), points


def test_no_line_stands_strictly_between_two_places_a_pixel_apart() -> None:
    # (a count of -1 came out where the two places were less than a pixel apart)
    assert _Router.crossed({0: [100.0]}, 0, 100.2, 99.9) == 0
    assert _Router.crossed({0: [100.0]}, 0, 98.0, 102.0) == 1
    assert _Router.crossed({0: [100.0]}, 0, 100.0, 130.0) == 0  # (at an end: not between)


#: A manager (m) with two reports a rank below the one under it (r1, r2: lines through
#: waypoints), and a manager (s) in that rank whose two stacked reports hang on a spine.
SPINE_BESIDE_WAYPOINTS = """\
orgviz: 1
org: {name: Spine Co}
people:
  - {id: ceo, name: Ceo, title: CEO}
  - {id: m, name: Mia, title: Director, reports_to: ceo}
  - {id: s, name: Sam, title: Director, reports_to: ceo}
  - {id: r1, name: Rae, title: Manager, reports_to: m}
  - {id: r2, name: Rob, title: Manager, reports_to: m}
  - {id: l1, name: Lee, title: Engineer, reports_to: s}
  - {id: l2, name: Lou, title: Engineer, reports_to: s}
"""


def spine_beside_waypoints() -> tuple[_Router, tuple[float, float, float, float]]:
    """The router of SPINE_BESIDE_WAYPOINTS placed as in the UK Home Office organogram with
    its junior posts: s's spine starts between m's first waypoint and its report, s stands
    left of them all; returns the router and the four ranks (rank axis: y)."""
    from orgviz.render.dot import Route, Spine

    chart, _theme, _texts, box = chart_of(SPINE_BESIDE_WAYPOINTS)
    step = box.height + 36.0  # a card and RANKSEP
    ranks = (100.0, 100.0 + step, 100.0 + 2 * step, 100.0 + 3 * step)
    width = box.width + 40.0

    def card(rank: int, column: float) -> Box:
        return Box(column * width, ranks[rank], box.width, box.height)

    def point(rank: int, column: float) -> Box:
        return Box(column * width, ranks[rank], 3.6, 3.6)

    nodes = {"ceo": card(0, -5.0), "m": card(0, 2.0), "s": card(1, -2.0), "w1": point(1, 1.0),
             "w2": point(1, 3.0), "r1": card(2, 5.0), "r2": card(2, 7.0),
             "p0": point(2, 3.0), "p1": point(3, 3.0), "l1": card(2, 4.0),
             "l2": card(3, 4.0)}
    plan = DotPlan("", {cid: cid for cid in ("ceo", "m", "s", "r1", "r2", "l1", "l2")},
                   routes=(Route("m", "r1", ("w1",)), Route("m", "r2", ("w2",))),
                   spines=(Spine("s", ("p0", "p1"), ((None, "l1"), (None, "l2"))),),
                   stacked=frozenset({"l1", "l2"}))
    return _Router(chart, plan, nodes), ranks


def crossings(one: tuple[tuple[float, float], ...],
              other: tuple[tuple[float, float], ...]) -> list[tuple[float, float]]:
    """Where a horizontal run of one elbow line crosses a vertical run of the other (inside
    both, not at an end), either way round."""
    found = []
    for a, b in ((one, other), (other, one)):
        for (ax, ay), (bx, by) in itertools.pairwise(a):
            if ay != by:
                continue
            for (cx, cy), (dx, dy) in itertools.pairwise(b):
                if cx == dx and min(ax, bx) < cx < max(ax, bx) and min(cy, dy) < ay < max(cy, dy):
                    found.append((cx, ay))
    return found


def test_a_spines_points_count_as_lines_into_and_out_of_their_ranks() -> None:
    """The line into a spine's first point enters that point's rank from above, as a line
    into a report's card does (a drop), and the spine runs on from each point but its last
    (a stem): neither was counted."""
    router, ranks = spine_beside_waypoints()
    p0, p1 = router.nodes["p0"].x, router.nodes["p1"].x
    assert p0 in router.drops[round(ranks[2])] and p1 in router.drops[round(ranks[3])]
    assert p0 in router.stems[round(ranks[2])]
    assert p1 not in router.stems.get(round(ranks[3]), [])
    assert router.nodes["l1"].x not in router.drops[round(ranks[2])]  # (off the spine's side)


def test_a_line_through_waypoints_turns_clear_of_the_line_into_a_spine() -> None:
    """m's line to r1 turned a quarter gap above the spine's rank, across the line down into
    the spine's first point (and s's bus on its way down): 2 crossings on the UK Home Office
    organogram with its junior posts. Turning below the waypoints' rank instead it only
    joins m's other line, to r2 (the same manager's: one bus)."""
    router, ranks = spine_beside_waypoints()
    lines = router.connectors()
    to_r1, to_r2, spine = lines[0].points, lines[1].points, lines[2].points
    assert spine[-1][1] == ranks[3] and to_r1[-1][1] < ranks[2]  # (the lines they are)
    assert crossings(to_r1, spine) == []
    assert crossings(to_r2, spine) == []
    quarter = router.gap / 4
    runs = [a[1] for a, b in itertools.pairwise(to_r1) if a[1] == b[1] and a[0] != b[0]]
    assert runs[-1] == ranks[1] + router.card_half + quarter, to_r1


def solid_crossings(lines: Iterable[Connector]) -> list[tuple[float, float]]:
    """Where a horizontal run of one elbow line (solid or broken) crosses a vertical run of
    another, inside both."""
    across, down = [], []
    for number, line in enumerate(lines):
        if line.kind not in ("solid", "broken") or line.curve:
            continue
        for (ax, ay), (bx, by) in itertools.pairwise(line.points):
            if ay == by and ax != bx:
                across.append((min(ax, bx), max(ax, bx), ay, number))
            elif ax == bx and ay != by:
                down.append((ax, min(ay, by), max(ay, by), number))
    down.sort()
    xs = [run[0] for run in down]
    found = []
    for left, right, y, number in across:
        for x, top, bottom, other in down[bisect.bisect_right(xs, left + 0.5):
                                          bisect.bisect_left(xs, right - 0.5)]:
            if other != number and top + 0.5 < y < bottom - 0.5:
                found.append((x, y))
    return found


def test_solid_crossings_finds_a_crossing_inside_both_lines_only() -> None:
    plus = [Connector("solid", ((0.0, 5.0), (10.0, 5.0))),
            Connector("solid", ((5.0, 0.0), (5.0, 10.0)))]
    tee = [plus[0], Connector("solid", ((5.0, 5.0), (5.0, 10.0)))]
    assert solid_crossings(plus) == [(5.0, 5.0)] and solid_crossings(tee) == []


@pytest.mark.shared_data
@pytest.mark.system_graphviz
@pytest.mark.slow
@pytest.mark.skipif(not (SHARED_DATA.is_dir() and HAS_DOT),
                    reason="needs ../shared/data and Graphviz `dot` on PATH")
def test_the_uk_home_office_with_its_junior_posts_draws_no_line_across_another(
        home_office_dot: tuple[Any, Geometry, Any]) -> None:
    """Kevin White's line to the Deputy Director HR Commissioning turned a quarter gap
    above her rank, across Sally Hulks's bus and the line down into her spine (2 crossings,
    the last of 8b22532's 8)."""
    _chart, geometry, _plan = home_office_dot
    assert solid_crossings(geometry.lines) == []
