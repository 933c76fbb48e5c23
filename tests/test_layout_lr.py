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

from orgviz.layout import LayoutOptions, TreeLayout, layout_forest
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
    down (no two side by side on one line), next to the manager, few columns (at least two
    cards a column), and sensible page shapes.

    Only the number of columns is not checked for a manager whose reports are listed (in
    the list row or below) when one of them has reports of its own: such a list is cut
    into columns by height, subtrees and cards alike in file order, so its cards may share
    columns with subtrees (two subtrees, each with a card after it: two columns of one
    card). Its cards after the tallest subtree stand in one column when they fit within a
    card of its height (test_left_to_right_list_keeps_short_cards_in_one_column). A manager
    above the list row stacks its leaf reports in a block of their own, whatever its other
    reports."""
    chart, _theme, _texts, box = build(load(ORGS / f"{name}.yaml"),
                                       RenderOptions(direction="LR"))
    lr = layout_tidy(chart, box, "auto")[0]
    list_from, row = _listed_rows(chart, box)
    assert 0.5 <= lr.width / lr.height <= 2.5
    boxes = lr.boxes
    counted = 0
    for manager, reports in chart.reports.items():
        leaves = [r for r in reports if not chart.reports.get(r) and r in boxes
                  and not chart.by_id[r].assistant]
        if len(leaves) < 2:
            continue
        columns: dict[float, list] = defaultdict(list)
        for r in leaves:
            columns[round(boxes[r].left, 1)].append(boxes[r])
        listed = list_from is not None and any(row[r] >= list_from for r in reports)
        if not (listed and any(chart.reports.get(r) for r in reports)):
            counted += 1
            assert len(columns) <= max(1, len(leaves) // 2), (manager, len(columns),
                                                              len(leaves))
        for column in columns.values():
            column.sort(key=lambda card: card.top)
            for above, below in pairwise(column):
                assert below.top >= above.bottom, (manager, above.top, below.top)
        assert min(columns) >= boxes[manager].right - TOL  # right of the manager
    assert counted >= {"small": 3, "mid-size": 19, "enterprise": 83}[name]


def test_mid_size_left_to_right_keeps_a_directors_three_cards_in_one_column() -> None:
    """Marisol Ortega's listed reports: Tomás Herrera with his three reports (short cards),
    then Kit Okafor, Noor Aziz and an open role (taller cards: the open role's title takes
    two lines). The three stood in two columns, 2 + 1, the open role alone at the top: the
    three are taller than Tomás's column, by less than a card."""
    chart, _theme, _texts, box = build(load(ORGS / "mid-size.yaml"),
                                       RenderOptions(direction="LR"))
    boxes = layout_tidy(chart, box, "auto")[0].boxes
    cards = ["kit-okafor", "noor-aziz", "open-senior-pm-telehealth"]
    assert len({boxes[c].left for c in cards}) == 1
    assert [boxes[c].top for c in cards] == sorted(boxes[c].top for c in cards)
    assert boxes[cards[0]].top == boxes["tomas-herrera"].top
    assert boxes[cards[0]].left > boxes["tomas-herrera"].right


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


def test_left_to_right_listed_reports_stand_to_the_right_of_their_manager() -> None:
    children = {"ceo": ["a", "b"], "a": ["a1", "a2"], "a1": ["x", "y"], "b": ["b1"]}
    sizes = {k: (W, H) for k in ["ceo", "a", "b", "a1", "a2", "b1", "x", "y"]}
    options = _stack_options(list_from=2, list_height=300.0)  # room for one column
    lay = layout_forest(["ceo"], children, sizes, options)
    check_compact(["ceo"], children, sizes, options, None, None, lay)
    pos = lay.positions
    for boss, report in [("a", "a1"), ("a", "a2"), ("a1", "x"), ("a1", "y"), ("b", "b1")]:
        assert pos[report][0] - W / 2 >= pos[boss][0] + W / 2, (boss, report)
    # a1's reports start level with it, to its right; a2 comes below a1's reports
    assert pos["x"][1] == pos["a1"][1] and pos["y"][1] > pos["x"][1]
    assert pos["a2"][1] - H / 2 > pos["y"][1] + H / 2
    assert pos["a2"][0] == pos["a1"][0]
    assert lay.edges["a1", "x"] == [(pos["a1"][0] + W / 2, pos["a1"][1]),
                                    (pos["x"][0] - W / 2, pos["x"][1])]


@pytest.mark.parametrize("room", [300.0, 6000.0])  # one column of reports; two
@pytest.mark.parametrize("lead", [60.0, 140.0])  # the first report shorter; taller
def test_left_to_right_a_listed_cards_line_goes_straight_into_its_first_report(
        lead: float, room: float) -> None:
    """A listed card's first report stands on the card's line, whatever their heights (it
    hung from the card's top, the line stepping down or up into it: 6.5-14 px in the
    example orgs), the taller of the two at the top of what the card carries."""
    children = {"ceo": ["a", "b"], "a": ["a1", "a2", "a3", "a4"], "a1": ["x", "y"],
                "b": ["b1"]}
    sizes = {k: (W, H) for k in ["ceo", "a", "b", "a2", "a3", "a4", "b1", "y"]}
    sizes.update({"a1": (W, lead), "x": (W, lead)})
    options = _stack_options(list_from=1, list_height=room)
    lay = layout_forest(["ceo"], children, sizes, options)
    check_compact(["ceo"], children, sizes, options, None, None, lay)
    pos = lay.positions
    assert (pos["a2"][0] == pos["a1"][0]) == (room < 1000)  # a2 below a1's reports or beside
    for boss, first in [("a", "a1"), ("a1", "x")]:
        assert pos[first][1] == pos[boss][1]
        assert lay.edges[boss, first] == [(pos[boss][0] + W / 2, pos[boss][1]),
                                          (pos[first][0] - W / 2, pos[first][1])]
    tops = {k: pos[k][1] - sizes[k][1] / 2 for k in ("a", "a1", "x")}
    assert min(tops.values()) == tops["a" if lead < H else "a1"]


def _lists_of_a_director(leaves: int, room: float = 6000.0) -> TreeLayout:
    """A director whose listed reports are a manager with three short reports, then
    `leaves` taller cards (the heights that cut a mid-size chart's three cards 2 + 1)."""
    ics = [f"ic{i}" for i in range(leaves)]
    children = {"ceo": ["dir"], "dir": ["mgr", *ics], "mgr": ["r0", "r1", "r2"]}
    sizes = {"ceo": (W, H), "dir": (W, H), "mgr": (W, H)}
    sizes.update({k: (W, 72.0) for k in children["mgr"]})
    sizes.update({k: (W, 86.0) for k in ics})
    options = _stack_options(list_from=2, list_height=room)
    lay = layout_forest(["ceo"], children, sizes, options)
    check_compact(["ceo"], children, sizes, options, None, None, lay)
    return lay


def _columns_of(lay: TreeLayout, keys: list[str]) -> list[list[str]]:
    """The cards `keys` by column (left to right), each column from the top down."""
    columns: dict[float, list[str]] = defaultdict(list)
    for k in sorted(keys, key=lambda k: lay.positions[k][1]):
        columns[lay.positions[k][0]].append(k)
    return [columns[x] for x in sorted(columns)]


def test_left_to_right_list_keeps_short_cards_in_one_column() -> None:
    """Listed columns are as tall as the tallest item (the manager's 3 x 72 px reports:
    244 px); the three cards after it (3 x 86 px and two gaps: 286 px) are taller by 42
    px, less than a card: one column, not two and a lone card at the top. Four (386 px)
    are a card too many: two even columns."""
    lay = _lists_of_a_director(3)
    assert _columns_of(lay, ["mgr", "ic0", "ic1", "ic2"]) == [["mgr"], ["ic0", "ic1", "ic2"]]
    tops = [lay.positions[k][1] - 43.0 for k in ("ic0", "ic1", "ic2")]
    assert tops[0] == lay.positions["mgr"][1] - H / 2
    assert tops == [tops[0] + i * (86.0 + STACK_GAP) for i in range(3)]
    lay = _lists_of_a_director(4)
    assert _columns_of(lay, ["mgr", "ic0", "ic1", "ic2", "ic3"]) == [
        ["mgr"], ["ic0", "ic1"], ["ic2", "ic3"]]
    # no room for a second column: the subtree and the cards in one column, as before
    lay = _lists_of_a_director(3, room=300.0)
    assert _columns_of(lay, ["mgr", "ic0", "ic1", "ic2"]) == [["mgr", "ic0", "ic1", "ic2"]]


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
    its manager: its first column in the level column of its first row, the next ones
    right after it, and the manager's line straight across into the first trunk when the
    block is all it has."""
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
        assert abs(lefts[0] + W / 2 - lay.rows[start]) <= TOL, (boss, start)
        for a, b in pairwise(lefts):
            assert abs(b - a - (W + SIBLING_GAP + STUB)) <= 0.1, (boss, lefts)
        square = round((len(stacked) * (H + STACK_GAP) / (W + SIBLING_GAP + STUB)) ** 0.5)
        assert len(lefts) == min(len(stacked), max(1, square, -(-len(stacked) // 8)))
        if len(stacked) == len(kids):  # the block is all: the manager level with it
            column = [c for c in stacked if round(page[c][0], 1) == lefts[0]]
            top = min(page[c][1] for c in column)
            bottom = max(page[c][3] for c in column)
            assert top - TOL <= lay.positions[boss][1] <= bottom + TOL, boss
