"""The `dot` layout left to right lists big orgs: reports in shelves of columns to the right.

Plans need no Graphviz; the geometry tests run each engine that is installed (the system
`dot` skips where it is missing, graphviz-pure is installed with orgviz)."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from functools import cache
from pathlib import Path

import pytest
from renderkit import ENGINES, ORGS, assert_solid_lines_pass_no_card

from orgviz.loader import load
from orgviz.render.cards import card_box, chart_texts
from orgviz.render.chart import View, build_chart
from orgviz.render.dot import (
    DOTTED_CARDS,
    FRAME_TIE,
    _rooms,
    all_stacked_leaves,
    measure_lists,
    plan_lists,
    write_dot,
)
from orgviz.render.dotlayout import layout_dot
from orgviz.render.engines import pick_engine
from orgviz.render.geometry import Geometry
from orgviz.render.themes import THEMES
from orgviz.render.tidylayout import layout_tidy

LIGHT = THEMES["light"]


def _chart(name: str, direction: str = "LR"):
    chart = build_chart(load(ORGS / f"{name}.yaml"), View(direction=direction))
    return chart, card_box(chart_texts(chart))


@cache
def _layout(name: str, engine: str) -> tuple[Geometry, object]:
    chart, box = _chart(name)
    return layout_dot(chart, box, LIGHT, pick_engine(engine), 120.0)


def _frame(width: float, height: float) -> float:
    return max(width, 16 / 9 * height)


def test_lists_only_left_to_right_and_only_for_tall_charts() -> None:
    for name in ("small", "mid-size", "enterprise"):
        chart, box = _chart(name, "TB")
        assert plan_lists(chart, box).start is None
        assert not write_dot(chart, box, LIGHT).listings
    chart, box = _chart("small")  # about as wide as tall: no lists
    assert plan_lists(chart, box).start is None
    for name in ("mid-size", "enterprise"):
        chart, box = _chart(name)
        lists = plan_lists(chart, box)
        assert lists.start is not None and lists.shelves
        # Everyone from the list row down is listed; the rows above stay level columns.
        assert all(card.id in lists.listed for card in chart.cards
                   if card.manager is not None and not card.assistant
                   and card.row >= lists.start)
        plan = write_dot(chart, box, LIGHT)
        assert plan.list_from == lists.start and len(plan.axis) <= lists.start


def test_a_twenty_person_team_stands_in_columns(org_file: Callable[..., Path]) -> None:
    people = "".join(f"  - {{id: m{m}, name: Lead {m}, title: Engineering Manager, "
                     f"reports_to: ceo}}\n" for m in range(6))
    people += "".join(f"  - {{id: e{m}x{i}, name: Eng {m} {i}, title: Software Engineer, "
                      f"reports_to: m{m}}}\n" for m in range(6) for i in range(20))
    org = load(org_file("orgviz: 1\norg: {name: Wide}\npeople:\n"
                        "  - {id: ceo, name: Ada, title: CEO}\n" + people))
    chart = build_chart(org, View(direction="LR"))
    box = card_box(chart_texts(chart))
    plan = write_dot(chart, box, LIGHT)
    # Each manager's 20 engineers are a block of several columns, never one long column.
    blocks = [column for listing in plan.listings for shelf in listing.shelves
              for column in shelf if column[0].startswith("e")]
    blocks += [column for block in plan.blocks for column in block.columns]
    assert blocks and max(len(column) for column in blocks) <= 8
    assert len(blocks) >= 6 * 3
    # The six teams stand side by side in shelves, not all one under the other.
    assert plan.listings and len(plan.listings[0].shelves) < 6


@pytest.mark.parametrize("name", ["mid-size", "enterprise"])
@pytest.mark.parametrize("engine", ENGINES)
def test_left_to_right_dot_is_about_as_compact_as_tidy(name: str, engine: str) -> None:
    geometry, _ = _layout(name, engine)
    chart, box = _chart(name)
    tidy = layout_tidy(chart, box, "auto")[0]
    # Before lists the dot chart was the top-down one turned: mid-size 1,820 x 7,806 and
    # enterprise 2,284 x 37,156 (the tidy chart: about 5,100 x 3,200 and 13,200 x 6,800).
    assert geometry.height <= 1.25 * tidy.height, (geometry.width, geometry.height)
    assert _frame(geometry.width, geometry.height) <= 1.25 * _frame(tidy.width, tidy.height)
    assert geometry.width >= geometry.height  # landscape, like the top-down chart


@pytest.mark.parametrize("name", ["mid-size", "enterprise"])
@pytest.mark.parametrize("engine", ENGINES)
def test_listings_are_drawn_as_shelves(name: str, engine: str) -> None:
    geometry, plan = _layout(name, engine)
    boxes = geometry.boxes
    cards = sorted(boxes.values(), key=lambda b: b.left)
    for i, a in enumerate(cards):  # no two cards overlap
        for b in cards[i + 1:]:
            if b.left >= a.right:
                break
            assert not (min(a.bottom, b.bottom) - max(a.top, b.top) > 0.01), (a, b)
    assert plan.listings
    for listing in plan.listings:
        manager = boxes[listing.manager]
        previous_bottom = None
        for shelf in listing.shelves:
            columns = [[boxes[c] for c in column] for column in shelf]
            # Right of the manager, each column right of the one before, cards in order.
            assert all(b.left > manager.right for column in columns for b in column)
            for before, after in itertools.pairwise(columns):
                assert after[0].left > before[0].right
            for column in columns:
                assert len({round(b.x, 1) for b in column}) == 1
                for a, b in itertools.pairwise(column):
                    assert b.top > a.bottom
            top = min(b.top for column in columns for b in column)
            if previous_bottom is not None:  # each shelf below the one before
                assert top > previous_bottom
            previous_bottom = max(b.bottom for column in columns for b in column)
    # Level rows are drawn only above the list row: their labels are true of every card.
    assert max(geometry.rows) < plan.list_from


@pytest.mark.parametrize("engine", ENGINES)
def test_listing_buses_are_straight_and_pass_no_card(engine: str) -> None:
    geometry, plan = _layout("mid-size", engine)
    node_boxes = {name: geometry.boxes[card] for card, name in plan.node_of.items()}
    assert any(caps for listing in plan.listings for caps in listing.caps)
    assert_solid_lines_pass_no_card(geometry, elbows_only=True)
    assert node_boxes  # (the plan's card nodes are all placed)


def test_standalone_dot_asks_for_orthogonal_edges(org_file: Callable[..., Path]) -> None:
    for name, direction in (("small", "TB"), ("small", "LR"), ("mid-size", "LR")):
        chart, box = _chart(name, direction)
        texts = chart_texts(chart)
        source = write_dot(chart, box, LIGHT, texts).source
        assert "splines=ortho" in source and "splines=spline" not in source
        # The layout graph leaves the edges to orgviz.
        assert "splines=false" in write_dot(chart, box, LIGHT).source
    # Dotted lines are drawn in charts of up to DOTTED_CARDS cards, not in bigger ones.
    chart, box = _chart("mid-size")
    assert len(chart.cards) <= DOTTED_CARDS and chart.links
    assert "constraint=false, style=dashed" in write_dot(chart, box, LIGHT,
                                                          chart_texts(chart)).source
    chart, box = _chart("enterprise")
    assert len(chart.cards) > DOTTED_CARDS and chart.links
    assert "constraint=false, style=dashed" not in write_dot(chart, box, LIGHT,
                                                              chart_texts(chart)).source


def test_standalone_dot_hides_the_last_cap_of_each_bus() -> None:
    chart, box = _chart("mid-size")
    plan = write_dot(chart, box, LIGHT, chart_texts(chart))
    ends = [caps[-1] for listing in plan.listings for caps in listing.caps if caps]
    ends += [block.caps[-1] for block in plan.blocks if block.caps]
    assert ends
    lines = plan.source.splitlines()
    for name in ends:
        # The point and the line into it are invisible: no line ends in the air.
        assert any(line.startswith(f"  {name} [") and "style=invis" in line for line in lines)
        into = [line for line in lines if line.rstrip(";").split(" [")[0].endswith(f"-> {name}")]
        assert into and all("style=invis" in line for line in into)
    others = {caps[0] for listing in plan.listings for caps in listing.caps if len(caps) > 1}
    assert any(line.startswith(f"  {name} [") and "style=invis" not in line
               for name in others for line in lines)


@pytest.mark.parametrize("name", ["mid-size", "enterprise"])
def test_the_chosen_lists_are_about_the_smallest_frame(name: str) -> None:
    chart, box = _chart(name)
    leaves_of = all_stacked_leaves(chart)
    chosen = plan_lists(chart, box, leaves_of)
    # Every row with every room, as estimated: the halving search finds about the best.
    frames = {(start, room): _frame(lists.width, lists.height)
              for start in range(1, len(chart.rows))
              for room in _rooms(len(chart.cards) + 1)
              if (lists := measure_lists(chart, box, leaves_of, start, room)).shelves}
    best = min(frames.values())
    assert _frame(chosen.width, chosen.height) <= best * (1 + FRAME_TIE) + 1e-6
    # Of the rows within the tie, the deepest.
    assert chosen.start == max(start for (start, _), frame in frames.items()
                               if frame <= best * (1 + FRAME_TIE) + 1e-6)


def test_standalone_dot_feeds_further_shelves_from_one_trunk() -> None:
    chart, box = _chart("enterprise")
    plan = write_dot(chart, box, LIGHT, chart_texts(chart))
    lines = plan.source.splitlines()
    several = [listing for listing in plan.listings
               if len(listing.shelves) > 1 and not listing.via]
    assert several
    for listing in several:
        # A joint below the manager, in its rank, for each further shelf: one straight
        # trunk (flat edges) instead of an orthogonal line from the manager to each shelf.
        trunk = plan.node_of[listing.manager]
        for caps in listing.caps[1:]:
            joint = next(line.split("; ")[2].rstrip("}") for line in lines
                         if line.startswith(f"  {{rank=same; {trunk}; j"))
            assert f"  {trunk} -> {joint};" in lines
            if caps:
                assert f"  {joint} -> {caps[0]} [weight=8];" in lines
            trunk = joint
    # The layout graph has no joints: the SVG's layout is the same.
    layout = write_dot(chart, box, LIGHT)
    assert not any(line.startswith("  j") or "; j" in line
                   for line in layout.source.splitlines())
    assert [listing.shelves for listing in layout.listings] == [
        listing.shelves for listing in plan.listings]
