"""`--layout dot`, drawn with `--force`: separate trees (a card whose manager is unknown, a
cycle's, a self-report's) stand across the ranks of their own, TREE_GAP apart, in file order of
their tops, as the tidy layout stands them left to right. Graphviz set them a NODESEP (22 px)
apart, as cards of one list: left to right, Sol Self's report stood in the column of
individual contributors as one more card of Ray Reed's list; top-down with `--depth 2`, Ray
Reed (top of the cycle's tree) stood straight under Una Urquhart, as if her report."""

from __future__ import annotations

import itertools

import pytest
from renderkit import ENGINES, chart_of

from orgviz.render.chart import Chart
from orgviz.render.dot import card_tops
from orgviz.render.dotlayout import layout_dot
from orgviz.render.engines import pick_engine
from orgviz.render.geometry import Axes, Geometry
from orgviz.render.tidylayout import TREE_GAP

#: An unknown manager (Uma), a cycle of three (Ray, Rae, Rex), a self-report (Sol), a VP
#: under an individual contributor (Ian): four trees drawn with --force.
BROKEN = """\
orgviz: 1
org: {name: Broken Trees Ltd, size: small}
teams:
  - {id: exec, name: Exec}
  - {id: sales, name: Sales, parent: exec}
  - {id: eng, name: Engineering, parent: exec}
people:
  - {id: ceo, name: Cleo Chief, title: Chief Executive Officer, team: exec}
  - {id: vp, name: Vic Vale, title: VP of Sales, reports_to: ceo, team: sales}
  - {id: a1, name: Ann Archer, title: Account Executive, reports_to: vp, team: sales}
  - {id: a2, name: Bo Baker, title: Account Executive, reports_to: vp, team: sales}
  - {id: d1, name: Dee Dorsey, title: Director of Engineering, reports_to: ceo, team: eng}
  - {id: m1, name: Max Moor, title: Engineering Manager, reports_to: d1, team: eng}
  - {id: e1, name: Eve Ernst, title: Software Engineer, reports_to: m1, team: eng}
  - {id: e2, name: Eli Egan, title: Software Engineer, reports_to: m1, team: eng}
  - {id: e3, name: Esa Eklund, title: Senior Software Engineer, reports_to: m1, team: eng}
  - {id: u1, name: Uma Ugo, title: Head of Partnerships, reports_to: ghost, team: sales}
  - {id: u2, name: Uli Ung, title: Partner Manager, reports_to: u1, team: sales}
  - {id: u3, name: Una Urquhart, title: Partner Manager, reports_to: u1, team: sales}
  - {id: u4, name: Udo Ulrich, title: Partner Associate, reports_to: u2, team: sales}
  - {id: u5, name: Ula Uribe, title: Partner Associate, reports_to: u2, team: sales}
  - {id: r1, name: Ray Reed, title: Account Executive, reports_to: r3, team: sales}
  - {id: r2, name: Rae Rowe, title: Account Executive, reports_to: r1, team: sales}
  - {id: r3, name: Rex Ross, title: Sales Manager, reports_to: r2, team: sales}
  - {id: r4, name: Rita Rudd, title: Sales Development Representative, reports_to: r3,
     team: sales}
  - {id: s1, name: Sol Self, title: Director of Sales, reports_to: s1, team: sales}
  - {id: s2, name: Sue Sim, title: Account Executive, reports_to: s1, team: sales}
  - {id: i1, name: Ivy Inch, title: Software Engineer, reports_to: e1, team: eng}
  - {id: i2, name: Ian Iverson, title: VP of Engineering, reports_to: i1, team: eng}
  - {id: i3, name: Ida Ives, title: Software Engineer, reports_to: i2, team: eng}
"""


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
