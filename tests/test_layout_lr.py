"""Left to right: a manager's stacked leaves and listed people keep the page's columns (cards
going down, columns side by side to the right, next to the manager), as a top-down chart's do."""

from __future__ import annotations

import random
from collections import defaultdict
from dataclasses import replace
from itertools import pairwise
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from orgviz.layout import LayoutOptions, layout_forest
from orgviz.loader import load
from orgviz.render import RenderOptions
from orgviz.render.pipeline import build
from orgviz.render.tidylayout import (
    TreeInput,
    _column_height,
    _frame,
    choose_compact,
    layout_tidy,
)
from test_layout_tidy import TOL, _rect, effective_rows, random_forest
from test_layout_tidy_lists import block_members, cases, check_compact

ORGS = Path(__file__).resolve().parent.parent / "orgs"
W, H = 196.0, 99.0  # the cards of a chart
LEVEL_GAP, SIBLING_GAP, STACK_GAP = 36.0, 20.0, 14.0
STUB = max(4.0, SIBLING_GAP * 0.5)


def _geometry(name: str, direction: str):
    chart, _theme, _texts, box = build(load(ORGS / f"{name}.yaml"),
                                       RenderOptions(direction=direction))
    return layout_tidy(chart, box, "auto")[0], chart


def test_small_org_left_to_right_is_about_as_big_as_top_down() -> None:
    """The small example org was 3.4 times as wide as tall left to right (2174 x 637: rows of
    individual contributors across the page) against 0.93:1 top-down."""
    tb, _chart = _geometry("small", "TB")
    lr, _chart = _geometry("small", "LR")
    assert 0.6 <= lr.width / lr.height <= 1.8
    assert lr.width * lr.height <= 1.5 * tb.width * tb.height
    assert lr.width <= 1.4 * tb.width and lr.height <= 1.4 * tb.height


def _listed_rows(chart, box) -> tuple[int | None, dict[str, int]]:
    """The list row `--compact auto` chooses and every card's row as laid out."""
    tree = TreeInput(chart, box)
    list_from, _height = choose_compact(tree, "auto")
    return list_from, dict(zip(tree.forest.ids, tree.forest.raw, strict=True))


@pytest.mark.parametrize("name", ["small", "mid-size", "enterprise"])
def test_example_orgs_left_to_right_keep_reports_in_columns(name: str) -> None:
    """Every manager's reports that have none of their own stand in columns of cards going
    down (no two cards of a column overlap), right of the manager; stacked ones (not
    listed) in few columns (at least two cards a column): a block about as wide as tall;
    listed ones in at most `stack_rows` (8) columns."""
    chart, _theme, _texts, box = build(load(ORGS / f"{name}.yaml"),
                                       RenderOptions(direction="LR"))
    lr = layout_tidy(chart, box, "auto")[0]
    list_from, row = _listed_rows(chart, box)
    boxes = lr.boxes
    counted = 0
    level = {card.id: card.row for card in chart.cards}
    for manager, reports in chart.reports.items():
        every = [r for r in reports if not chart.reports.get(r) and r in boxes
                 and not chart.by_id[r].assistant]
        if len(every) < 2:
            continue
        leaves = [r for r in every if level[r] == level[every[0]]]  # (of one level)
        if len(leaves) < 2:
            continue
        columns: dict[float, list] = defaultdict(list)
        for r in leaves:
            columns[round(boxes[r].left, 1)].append(boxes[r])
        listed = list_from is not None and any(row[r] >= list_from for r in leaves)
        if not listed:
            counted += 1
            assert len(columns) <= max(1, len(leaves) // 2), (manager, len(columns),
                                                              len(leaves))
        assert len(columns) <= 8, (manager, len(columns))
        for column in columns.values():
            column.sort(key=lambda card: card.top)
            for above, below in pairwise(column):
                assert below.top >= above.bottom, (manager, above.top, below.top)
        assert min(columns) >= boxes[manager].right - TOL  # right of the manager
    assert counted >= {"small": 3, "mid-size": 0, "enterprise": 0}[name]


@pytest.mark.parametrize("name", ["small", "mid-size", "enterprise"])
def test_example_orgs_left_to_right_keep_every_card_in_its_levels_column(name: str) -> None:
    """Left to right, the level rows are columns of the page, each labelled (every row of
    the chart has its band), and every card stands in its own level's column: a reader
    tells who is above whom from where a card stands. The layout wrapped a VP's subtree
    into columns side by side (to keep a 16:9 page): listed people stood right of their
    manager, a Director (mid-size: Oluwaseun Bakare) right of individual contributors,
    Marisol Ortega's reports level with Tomás Herrera's, and the rows from the list row
    on had no band; in the small org a stack's second column stood outside the band of
    individual contributors."""
    chart, _theme, _texts, box = build(load(ORGS / f"{name}.yaml"),
                                       RenderOptions(direction="LR"))
    lr = layout_tidy(chart, box, "auto")[0]
    tree = TreeInput(chart, box)
    levels = dict(zip(tree.forest.ids, tree.forest.raw, strict=True))
    options = tree.options(*choose_compact(tree, "auto"))
    members = block_members(tree.chart.roots, tree.chart.reports, options, tree.rows)
    stacked = {}  # a card stacked with reports of other rows: its block's first row
    for _manager, reports in chart.reports.items():
        block = [r for r in reports if r in members]
        stacked.update((r, min(levels[k] for k in block)) for r in block)
    assert set(lr.rows) == set(levels.values())
    for card, level in levels.items():
        where = lr.boxes[card]
        level = stacked.get(card, level)
        centre, size = lr.rows[level], lr.row_sizes[level]
        assert centre - size / 2 - TOL <= where.left and where.right <= centre + size / 2 + TOL, (
            card, level)
    for manager, reports in chart.reports.items():  # each line leaves its manager's side
        for report in reports:
            if chart.by_id[report].assistant:
                continue
            line = next(c for c in lr.lines if c.points[-1][0] == lr.boxes[report].left
                        and c.points[-1][1] == lr.boxes[report].y
                        and c.points[0][0] == lr.boxes[manager].right)
            assert lr.boxes[manager].top <= line.points[0][1] <= lr.boxes[manager].bottom


def test_mid_size_left_to_right_shows_who_is_above_whom() -> None:
    """The reviewer's cards: Oluwaseun Bakare, a Director, stands left of every individual
    contributor; Marisol Ortega's reports Kit Okafor and Noor Aziz stand right of her and
    of the Manager / Lead column that holds Tomás Herrera, on a line from her."""
    chart, _theme, _texts, box = build(load(ORGS / "mid-size.yaml"),
                                       RenderOptions(direction="LR"))
    boxes = layout_tidy(chart, box, "auto")[0].boxes
    ics = [c.id for c in chart.cards if chart.rows[c.row] == "Individual contributors"]
    assert ics and max(boxes["oluwaseun-bakare"].right, boxes["tomas-herrera"].right) < min(
        boxes[c].left for c in ics)
    for report in ("kit-okafor", "noor-aziz"):
        assert boxes[report].left > boxes["tomas-herrera"].right
        assert report in chart.reports["marisol-ortega"]


@pytest.mark.parametrize("name", ["mid-size", "enterprise"])
def test_left_to_right_list_room_chosen_is_the_room_measured(name: str) -> None:
    """The room the search returns for a list row draws the page whose frame it measured.
    Left to right the search kept the drawing of an unbounded room but returned a room
    as wide as that drawing, which can take fewer, taller columns (a list's height shared
    out over the columns that fit): the mid-size chart, listed from row 3, was drawn in a
    16:9 frame 5,863 px wide (a page 4,894 x 3,298, roughly) for a frame measured 5,344
    px wide, 10% smaller."""
    chart, _theme, _texts, box = build(load(ORGS / f"{name}.yaml"),
                                       RenderOptions(direction="LR"))
    tree = TreeInput(chart, box)
    for list_from in range(1, tree.nrows):
        room, frame = _column_height(tree, list_from)
        assert _frame(tree.measure(list_from, room)) == frame, list_from


def _stack_options(stack_rows: int = 8, **kwargs: object) -> LayoutOptions:
    """The options of a chart's tidy layout (render.tidylayout), left to right."""
    return LayoutOptions(direction="LR", level_gap=LEVEL_GAP, sibling_gap=SIBLING_GAP,
                         subtree_gap=28.0, stack_min=2, stack_gap=STACK_GAP,
                         stack_rows=stack_rows, stack_any_row=True, **kwargs)


def test_left_to_right_stack_is_a_compact_block_next_to_its_manager() -> None:
    leaves = [f"ic{i}" for i in range(12)]
    sizes = {k: (W, H) for k in ["m", *leaves]}
    options = _stack_options()
    lay = layout_forest(["m"], {"m": leaves}, sizes, options)
    check_compact(["m"], {"m": leaves}, sizes, options, None, None, lay)
    pos = lay.positions
    lefts = sorted({pos[k][0] - W / 2 for k in leaves})
    assert len(lefts) == 2  # 12 cards: two columns of six, about as wide as tall
    assert lefts[0] == W + LEVEL_GAP  # the first column in the next level column
    assert lefts[1] - lefts[0] == W + SIBLING_GAP + STUB
    assert [pos[k][0] for k in leaves] == sorted(pos[k][0] for k in leaves)  # by columns
    assert lay.width < 3 * W + LEVEL_GAP + SIBLING_GAP + STUB + 1
    assert lay.height < 6 * (H + STACK_GAP) + STACK_GAP + 1
    # the manager's line goes straight out of its right side into the first trunk
    first = lay.edges["m", "ic0"]
    assert first[0] == (W, pos["m"][1]) and first[1][1] == pos["m"][1]
    assert LEVEL_GAP / 2 <= first[1][0] - W <= LEVEL_GAP
    # one card in the first column: straight out of the trunk into its left side
    assert first[-1] == (lefts[0], pos["ic0"][1]) and first[-2] == (lefts[0] - STUB,
                                                                    pos["ic0"][1])
    # cards of the second column: over the bus along the block's top
    second = lay.edges["m", "ic6"]
    top = min(pos[k][1] for k in leaves) - H / 2
    assert (lefts[1] - STUB, top - STACK_GAP) in second
    assert second[-1] == (lefts[1], pos["ic6"][1])


def test_left_to_right_stack_rows_caps_a_column() -> None:
    leaves = [f"ic{i}" for i in range(40)]
    sizes = {k: (W, H) for k in ["m", *leaves]}
    lay = layout_forest(["m"], {"m": leaves}, sizes, _stack_options(stack_rows=5))
    assert len({lay.positions[k][0] for k in leaves}) == 8
    lay = layout_forest(["m"], {"m": leaves}, sizes, _stack_options())
    assert len({lay.positions[k][0] for k in leaves}) == 5  # 40 cards: about square


def test_left_to_right_lists_leaves_only_in_their_own_levels_column() -> None:
    """Left to right, `list_from` lists only cards without reports: a manager in the list
    row (a1) keeps its level's column, entered at its side's middle from the elbow as a
    card laid out in a row; its reports (x, y) stand in the next level's column. Listed
    subtrees once stood right of their manager, so a manager's reports stood in the
    column of its peers' reports."""
    children = {"ceo": ["a", "b"], "a": ["a1", "a2", "a3"], "a1": ["x", "y"], "b": ["b1"]}
    sizes = {k: (W, H) for k in ["ceo", "a", "b", "a1", "a2", "a3", "b1", "x", "y"]}
    options = _stack_options(list_from=2, list_height=300.0)  # room for one column
    lay = layout_forest(["ceo"], children, sizes, options)
    check_compact(["ceo"], children, sizes, options, None, None, lay)
    pos = lay.positions
    assert pos["a1"][0] == lay.rows[2] - lay.row_sizes[2] / 2 + W / 2
    assert pos["a2"][0] == pos["a3"][0] == pos["a1"][0]  # the listed leaves: one column
    assert pos["x"][0] == pos["y"][0] == lay.rows[3]
    assert lay.edges["a1", "x"][0] == (pos["a1"][0] + W / 2, pos["a1"][1])
    row_2 = {k for k in pos if lay.rows[2] - lay.row_sizes[2] / 2 <= pos[k][0]
             <= lay.rows[2] + lay.row_sizes[2] / 2}
    assert row_2 == {"a1", "a2", "a3", "b1"}


def test_left_to_right_list_height_bounds_blocks_to_the_right() -> None:
    """Left to right, `list_height` is how far a list block reaches to the right: more room,
    more columns side by side, a wider and shorter page."""
    rng = random.Random(5)
    roots, children, sizes, rows = random_forest(rng, 300, 1, 6, 0.2, 0.01,
                                                 (W, W, H, H), 0.0)
    shapes = []
    for room in (300.0, 1500.0, 6000.0):
        options = _stack_options(list_from=2, list_height=room)
        lay = layout_forest(roots, children, sizes, options, rows)
        check_compact(roots, children, sizes, options, rows, None, lay)
        shapes.append(lay.width / lay.height)
    assert shapes == sorted(shapes) and shapes[-1] > 2 * shapes[0]


def _lr(case: tuple) -> tuple:
    roots, children, sizes, options, rows, beside = case
    return roots, children, sizes, replace(options, direction="LR"), rows, beside


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(cases().map(_lr))
def test_random_left_to_right_layouts_have_no_overlaps(case) -> None:
    roots, children, sizes, options, rows, beside = case
    lay = layout_forest(roots, children, sizes, options, rows, beside)
    check_compact(roots, children, sizes, options, rows, beside, lay)  # overlaps, lines


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(seed=st.integers(0, 2**31 - 1), n=st.sampled_from([5, 30, 150, 800]),
       window=st.sampled_from([3, 12, 40]), row_prob=st.sampled_from([0.0, 0.3, 1.0]),
       list_from=st.sampled_from([None, None, 2, 3]))
def test_random_left_to_right_stacks_sit_next_to_their_manager(
        seed: int, n: int, window: int, row_prob: float, list_from: int | None) -> None:
    """Chart-like cards and options: each stacked block is a compact grid of columns next to
    its manager: its first column at the start of the level column of its first row, the
    next ones right after it (in that level's column: see check_compact), and the
    manager's line straight across into the first trunk when the block is all it has."""
    roots, children, sizes, rows = random_forest(random.Random(seed), n, 1, window, 0.2,
                                                 0.02, (W, W, H, H), row_prob)
    rows = rows or None
    options = _stack_options(list_from=list_from, list_height=2000.0)
    lay = layout_forest(roots, children, sizes, options, rows)
    check_compact(roots, children, sizes, options, rows, None, lay)
    eff = effective_rows(roots, children, rows)
    members = block_members(roots, children, options, rows)
    page = {k: _rect(lay.positions, sizes, k) for k in eff}
    for boss in eff:
        if list_from is not None and eff[boss] >= list_from:
            continue  # a listed card: its reports are to its right (check_compact)
        kids = children.get(boss) or []
        stacked = [c for c in kids if c in members]
        if not stacked or any(children.get(c) for c in stacked) or (
                list_from is not None and any(eff[c] >= list_from for c in kids)):
            continue  # listed reports: checked by check_compact
        lefts = sorted({round(page[c][0], 1) for c in stacked})
        start = min(eff[c] for c in stacked)
        assert abs(lefts[0] - (lay.rows[start] - lay.row_sizes[start] / 2)) <= TOL, (
            boss, start)  # the first column at the start of its level's column
        for a, b in pairwise(lefts):
            assert abs(b - a - (W + SIBLING_GAP + STUB)) <= 0.1, (boss, lefts)
        square = round((len(stacked) * (H + STACK_GAP) / (W + SIBLING_GAP + STUB)) ** 0.5)
        assert len(lefts) == min(len(stacked), max(1, square, -(-len(stacked) // 8)))
        if len(stacked) == len(kids):  # the block is all: the manager level with it
            column = [c for c in stacked if round(page[c][0], 1) == lefts[0]]
            top = min(page[c][1] for c in column)
            bottom = max(page[c][3] for c in column)
            assert top - TOL <= lay.positions[boss][1] <= bottom + TOL, boss
