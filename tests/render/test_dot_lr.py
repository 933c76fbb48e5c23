"""The `dot` layout left to right: a manager's stacked leaves in a compact block of columns.

The DOT tests need no Graphviz; the geometry tests run each engine that is installed (the
system `dot` skips where it is missing, graphviz-pure is installed with orgviz)."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from functools import cache
from pathlib import Path

import pytest
from renderkit import ENGINES, ORGS, assert_solid_lines_pass_no_card

from orgviz.errors import RenderError
from orgviz.loader import load
from orgviz.render import dot
from orgviz.render.cards import NO_HEIGHTS, CardBox, CardHeights, card_box, chart_texts
from orgviz.render.chart import View, build_chart
from orgviz.render.dot import STACK_ROWS, block_columns, rows_used, write_dot
from orgviz.render.dotlayout import layout_dot
from orgviz.render.engines import pick_engine
from orgviz.render.geometry import Box, Geometry
from orgviz.render.themes import THEMES

LIGHT = THEMES["light"]


def _team(org_file: Callable[..., Path], count: int):
    """A CEO with `count` individual contributors."""
    people = "".join(f"  - {{id: e{i}, name: Eng {i}, title: Software Engineer, "
                     f"reports_to: ceo}}\n" for i in range(count))
    return load(org_file("orgviz: 1\norg: {name: Team}\npeople:\n"
                         "  - {id: ceo, name: Ada, title: CEO}\n" + people))


def test_an_unknown_direction_names_its_flag(org_file: Callable[..., Path]) -> None:
    """build_chart's error names the field and its flag, as RenderOptions' errors do."""
    with pytest.raises(RenderError) as unknown:
        build_chart(_team(org_file, 1), View(direction="BT"))
    assert str(unknown.value) == "unknown direction (--direction) 'BT': use one of TB, LR"


def test_block_columns_are_about_square_and_keep_the_order() -> None:
    shapes = {n: [len(c) for c in block_columns([str(i) for i in range(n)])]
              for n in (2, 3, 4, 6, 12, 24)}
    assert shapes == {2: [2], 3: [3], 4: [2, 2], 6: [3, 3], 12: [4, 4, 4],
                      24: [6, 6, 6, 6]}
    leaves = [str(i) for i in range(50)]
    for rows in (1, 3, STACK_ROWS):
        columns = block_columns(leaves, rows=rows)
        assert [leaf for column in columns for leaf in column] == leaves
        assert all(0 < len(column) <= rows for column in columns)
        assert len(columns[-1]) <= len(columns[0])


def test_block_columns_measure_the_blocks_own_cards() -> None:
    # A row of a block is as tall as the tallest of its own cards (`lr_heights`), not as
    # the chart's tallest card: four 70 px cards in a chart whose tallest is 200 px are
    # one column 345 px tall (1.8:1), not two of two (measured as 200 px cards).
    leaves = [f"e{i}" for i in range(4)]
    box = CardBox(196.0, 200.0, 1, 1, heights=CardHeights(dict.fromkeys(leaves, 70.0)))
    assert [len(c) for c in block_columns(leaves, box)] == [4]
    assert [len(c) for c in block_columns(leaves, box._replace(heights=NO_HEIGHTS))] == [2, 2]
    # One 200 px card among 70 px ones makes only its own row tall: three columns of two
    # are 660 x 317 (2.1:1), two of three 428 x 408 (1:1.05); with every row 200 px tall
    # two of three were 428 x 668 (1:1.6) and three of two 660 x 447 (1.5:1).
    leaves = [f"e{i}" for i in range(6)]
    heights = {**dict.fromkeys(leaves, 70.0), "e0": 200.0}
    box = CardBox(196.0, 200.0, 1, 1, heights=CardHeights(heights))
    assert [len(c) for c in block_columns(leaves, box)] == [3, 3]


def test_a_block_of_short_cards_is_not_shaped_by_a_tall_card_elsewhere(
        org_file: Callable[..., Path]) -> None:
    # (the CEO's three-line title makes the chart's tallest card 84 px; the engineers' own
    # cards are 56 px: one column of four, 196 x 289 px, not two of two)
    people = "".join(f"  - {{id: e{i}, name: Eng {i}, title: Engineer, reports_to: ceo}}\n"
                     for i in range(4))
    org = load(org_file("orgviz: 1\norg: {name: Team}\npeople:\n"
                        "  - {id: ceo, name: Ada, title: Chief Executive Officer and Chair of "
                        "the Board of Directors of the Whole Group}\n" + people))
    chart = build_chart(org, View(direction="LR"))
    box = card_box(chart_texts(chart))
    assert box.height > box.own_height("e0")
    plan = write_dot(chart, box, LIGHT)
    assert plan.blocks[0].columns == (("e0", "e1", "e2", "e3"),)
    assert rows_used(chart, box=box) == 2


def test_left_to_right_dot_has_blocks_not_spines(org_file: Callable[..., Path]) -> None:
    org = _team(org_file, 6)
    chart = build_chart(org, View(direction="LR"))
    box = card_box(chart_texts(chart))
    plan = write_dot(chart, box, LIGHT)
    assert not plan.spines and len(plan.blocks) == 1
    block = plan.blocks[0]
    assert block.manager == "ceo" and not block.via
    assert block.columns == (("e0", "e1", "e2"), ("e3", "e4", "e5"))
    assert len(block.caps) == 2 and plan.stacked == {f"e{i}" for i in range(6)}
    node = plan.node_of
    # A column is a rank of its own, topped by its cap; the rows run straight across.
    assert f"{{rank=same; {block.caps[0]}; {node['e0']}; {node['e1']}; {node['e2']}}}" \
        in plan.source
    assert f"  {node['e0']} -> {node['e3']} [weight=4];" in plan.source
    # Left to right the block is two ranks deep: its level row's rank and a further rank
    # of that row (the next level's column stays its own), not a row more.
    assert rows_used(chart, box=box) == 2
    assert [row for row, _ in plan.deeper] == [1]
    assert rows_used(build_chart(org, View()), box=box) == 7  # top-down: a stack of six
    # Top-down the same team hangs on a spine, as before.
    tb = write_dot(build_chart(org, View()), box, LIGHT)
    assert not tb.blocks and len(tb.spines) == 1 and " t" not in tb.source


def test_each_block_is_shaped_once_a_render(org_file: Callable[..., Path],
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    # The blocks' columns are built once (`leaf_blocks`) and passed to the lists' estimate,
    # the heights, the rows in use and the blocks written: each was building them again.
    chart = build_chart(_team(org_file, 6), View(direction="LR"))
    box = card_box(chart_texts(chart))
    shaped: list[tuple[str, ...]] = []

    def counting(leaves: list[str], *args: object) -> list[list[str]]:
        shaped.append(tuple(leaves))
        return block_columns(leaves, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(dot, "block_columns", counting)
    plan = write_dot(chart, box, LIGHT)
    assert plan.blocks[0].columns == (("e0", "e1", "e2"), ("e3", "e4", "e5"))
    assert shaped == [tuple(f"e{i}" for i in range(6))]


def test_standalone_dot_hides_the_rows_across_a_block(org_file: Callable[..., Path]) -> None:
    chart = build_chart(_team(org_file, 6), View(direction="LR"))
    texts = chart_texts(chart)
    plan = write_dot(chart, card_box(texts), LIGHT, texts)
    node = plan.node_of
    assert f"  {node['e0']} -> {node['e3']} [weight=4, style=invis];" in plan.source
    # Cards of the second column are drawn hanging off the first column's cap.
    cap = plan.blocks[0].caps[0]
    assert f"  {cap} -> {node['e3']};" in plan.source


@cache
def _layout(name: str, direction: str, engine: str) -> tuple[Geometry, object]:
    org = load(ORGS / f"{name}.yaml")
    chart = build_chart(org, View(direction=direction))
    texts = chart_texts(chart)
    geometry, plan = layout_dot(chart, card_box(texts), LIGHT, pick_engine(engine), 120.0)
    return geometry, plan


def _overlap(a: Box, b: Box) -> bool:
    return (min(a.right, b.right) - max(a.left, b.left) > 0.01
            and min(a.bottom, b.bottom) - max(a.top, b.top) > 0.01)


@pytest.mark.parametrize("engine", ENGINES)
def test_small_org_left_to_right_is_about_as_square_as_top_down(engine: str) -> None:
    lr, _ = _layout("small", "LR", engine)
    tb, _ = _layout("small", "TB", engine)
    ratio = (lr.width / lr.height) / (tb.width / tb.height)
    assert 2 / 3 <= ratio <= 3 / 2, (lr.width, lr.height, tb.width, tb.height)
    # Not a strip: before blocks, the six engineers of a team stood in one row (2.6:1).
    assert lr.width <= 1.5 * tb.width


@pytest.mark.parametrize("engine", ENGINES)
def test_mid_size_left_to_right_is_not_top_down_turned(engine: str) -> None:
    lr, plan = _layout("mid-size", "LR", engine)
    tb, _ = _layout("mid-size", "TB", engine)
    # Lists keep the tree's breadth across the page (see test_dot_lists): landscape like
    # the top-down chart, not its 1:4 turn (1,820 x 7,806 before lists).
    assert plan.listings and lr.width >= lr.height
    assert lr.height <= 2 * tb.height


@pytest.mark.parametrize("name", ["small"])  # mid-size: its blocks are in lists
@pytest.mark.parametrize("engine", ENGINES)
def test_left_to_right_blocks(name: str, engine: str) -> None:
    geometry, plan = _layout(name, "LR", engine)
    boxes = geometry.boxes
    cards = sorted(boxes.values(), key=lambda b: b.left)
    for i, a in enumerate(cards):  # no two cards overlap
        for b in cards[i + 1:]:
            if b.left >= a.right:
                break
            assert not _overlap(a, b), (a, b)
    assert plan.blocks
    gap = 0.3 * 72  # NODESEP: cards of a column touch no closer, and no card is between
    for block in plan.blocks:
        manager = boxes[block.manager]
        first = [boxes[c] for c in block.columns[0]]
        for k, column in enumerate(block.columns):
            column_boxes = [boxes[c] for c in column]
            # Right of the manager, each column right of the one before, cards going down
            # in order, close together, rows level with the first column's.
            assert all(b.left > manager.right for b in column_boxes)
            assert len({round(b.x, 1) for b in column_boxes}) == 1
            if k:
                assert column_boxes[0].left > boxes[block.columns[k - 1][0]].right
            for a, b in itertools.pairwise(column_boxes):
                assert gap - 1.5 <= b.top - a.bottom <= gap + 1.5
            for a, b in zip(first, column_boxes, strict=False):
                assert abs(a.y - b.y) < 0.5
        if not block.via:  # the manager's line meets the first column, not above or below
            assert first[0].top <= manager.y <= first[-1].bottom


@pytest.mark.parametrize("name", ["small", "mid-size"])
@pytest.mark.parametrize("engine", ENGINES)
def test_left_to_right_solid_lines_pass_no_card(name: str, engine: str) -> None:
    geometry, _ = _layout(name, "LR", engine)
    assert_solid_lines_pass_no_card(geometry)


@pytest.mark.parametrize("engine", ENGINES)
def test_left_to_right_is_deterministic(engine: str) -> None:
    org = load(ORGS / "small.yaml")
    results = []
    for _ in range(2):
        chart = build_chart(org, View(direction="LR"))
        texts = chart_texts(chart)
        results.append(layout_dot(chart, card_box(texts), LIGHT, pick_engine(engine),
                                  120.0)[0])
    assert results[0] == results[1]
