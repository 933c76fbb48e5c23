"""`--layout dot`, drawn with `--force`: separate trees (a card whose manager is unknown, a
cycle's, a self-report's) stand across the ranks of their own, TREE_GAP apart, in file order of
their tops, as the tidy layout stands them left to right. Graphviz set them a NODESEP (22 px)
apart, as cards of one list: left to right, Sol Self's report stood in the column of
individual contributors as one more card of Ray Reed's list; top-down with `--depth 2`, Ray
Reed (top of the cycle's tree) stood straight under Una Urquhart, as if her report."""

from __future__ import annotations

import itertools

import pytest
from renderkit import BROKEN_TREES as BROKEN
from renderkit import ENGINES, chart_of

from orgviz.render.chart import Chart
from orgviz.render.dot import card_tops
from orgviz.render.dotlayout import layout_dot
from orgviz.render.engines import pick_engine
from orgviz.render.geometry import Axes, Geometry
from orgviz.render.tidylayout import TREE_GAP


def laid_out(direction: str, depth: int | None, engine: str) -> tuple[Chart, Geometry]:
    """The broken org laid out by `dot` as `orgviz render` lays it out."""
    chart, theme, _texts, box = chart_of(BROKEN, layout="dot", direction=direction,
                                         depth=depth)
    geometry, _plan = layout_dot(chart, box, theme, pick_engine(engine), 120.0, lists=True)
    return chart, geometry


def tree_spans(chart: Chart, geometry: Geometry) -> dict[str, tuple[float, float]]:
    """Where each tree's cards start and end across the ranks, by the tree's top."""
    ax, spans = Axes(geometry.direction), {}
    for card_id, top in card_tops(chart).items():
        box = geometry.boxes[card_id]
        low, high = ax.cross(box) - ax.half_cross(box), ax.cross(box) + ax.half_cross(box)
        was = spans.get(top, (low, high))
        spans[top] = (min(was[0], low), max(was[1], high))
    return spans


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("depth", [None, 1, 2], ids=["all", "depth-1", "depth-2"])
@pytest.mark.parametrize("direction", ["TB", "LR"])
def test_separate_trees_stand_tree_gap_apart_in_file_order(direction: str, depth: int | None,
                                                           engine: str) -> None:
    chart, geometry = laid_out(direction, depth, engine)
    spans = tree_spans(chart, geometry)
    assert list(spans) == ["ceo", "u1", "r1", "s1"]  # (the cycle is cut above Ray)
    order = list(spans.values())
    for (_, end), (start, _) in itertools.pairwise(order):
        assert start - end >= TREE_GAP - 0.01, order


@pytest.mark.parametrize("engine", ENGINES)
def test_top_down_a_tree_stands_under_no_card_of_another(engine: str) -> None:
    chart, geometry = laid_out("TB", 2, engine)
    top, boxes = card_tops(chart), geometry.boxes
    ray, una = boxes["r1"], boxes["u3"]
    assert ray.left >= una.right + TREE_GAP - 0.01
    for a in chart.cards:
        for b in chart.cards:
            one, two = boxes[a.id], boxes[b.id]
            if top[a.id] != top[b.id] and one.bottom <= two.top:
                assert two.left >= one.right or two.right <= one.left, (a.id, b.id)


@pytest.mark.parametrize("engine", ENGINES)
def test_one_top_has_no_trees_to_stand_apart(engine: str) -> None:
    chart, theme, _texts, box = chart_of(BROKEN.split("  - {id: u1")[0], layout="dot")
    _geometry, plan = layout_dot(chart, box, theme, pick_engine(engine), 120.0, lists=True)
    assert plan.trees == ()


def test_each_card_s_top_is_the_head_of_its_tree() -> None:
    chart, _theme, _texts, _box = chart_of(BROKEN, layout="dot")
    top = card_tops(chart)
    assert top["i3"] == top["e1"] == "ceo"
    assert top["u5"] == "u1" and top["r3"] == top["r4"] == "r1" and top["s2"] == "s1"
