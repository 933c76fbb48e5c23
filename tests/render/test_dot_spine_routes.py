"""`--layout dot`: a line down to a stack of reports keeps out of the ranks it passes."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest
from renderkit import HAS_DOT, SMALL, chart_of

from orgviz.render.dot import DotPlan
from orgviz.render.dotlayout import _Router
from orgviz.render.geometry import Box

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
