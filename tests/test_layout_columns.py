"""Tests for cutting listed items into columns (`_greedy`, `_split`): the cut counts what
placing them (`_place`) does, the air after a subtree included."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from orgviz.layout import LayoutOptions, layout_forest
from orgviz.layout.tidy import _greedy, _place, _split, _stacked_height

Items = tuple[list[int], list[float], list[float]]


@st.composite
def column_items(draw: st.DrawFn) -> Items:
    """Items in order: each a card (its own height) or a subtree (taller than its card)."""
    count = draw(st.integers(1, 40))
    card = [draw(st.sampled_from([8.0, 36.0, 40.0, 86.0, 150.0])) for _ in range(count)]
    size = [c + draw(st.sampled_from([0.0, 0.0, 0.5, 52.0, 300.0, 1234.5])) for c in card]
    return list(range(count)), size, card


def placed_height(column: list[int], size: list[float], card: list[float], gap: float) -> float:
    """The height `_place` gives one column of items."""
    n = len(size)
    _width, height, _trunks = _place([column], [100.0] * n, size, card, [0.0] * n, [0.0] * n,
                                     10.0, gap, 20.0)
    return height


gaps = st.sampled_from([0.0, 0.5, 12.0, 14.0])


@settings(max_examples=300, deadline=None)
@given(column_items(), gaps, st.floats(1.0, 5000.0))
def test_a_column_placed_is_never_taller_than_the_cap_it_was_cut_for(
        items: Items, gap: float, cap: float) -> None:
    order, size, card = items
    chunks = _greedy(order, size, gap, cap, len(order), card)
    assert chunks is not None and [c for col in chunks for c in col] == order
    for column, after in zip(chunks, [*chunks[1:], None], strict=True):
        height = placed_height(column, size, card, gap)
        assert height == _stacked_height(column, size, gap, card)
        assert height <= cap + 1e-9 or len(column) == 1
        if after is not None:  # as full as it goes: the next item placed too is too tall
            assert placed_height([*column, after[0]], size, card, gap) > cap + 1e-9


@settings(max_examples=300, deadline=None)
@given(column_items(), gaps, st.floats(1.0, 5000.0))
def test_split_columns_placed_stay_within_the_budget_or_a_card_past_the_tallest(
        items: Items, gap: float, budget: float) -> None:
    order, size, card = items
    chunks = _split(order, size, gap, budget, card)
    assert [c for col in chunks for c in col] == order
    plain = _greedy(order, size, gap, max(budget, max(size)), len(order), card)
    assert plain is not None and len(chunks) <= len(plain)
    room = max(budget, max(size) + min(card))
    for column in chunks:
        assert placed_height(column, size, card, gap) <= room + 1e-9


def test_listed_subtrees_fill_columns_no_taller_than_the_list_height() -> None:
    """Three listed managers, each with one report below it (92 px with it), listed under a
    listed director: one gap between them is 300 px, but placed with air after each
    subtree the column is 324 px, over a list height of 300, so they take two columns.
    (Listed right under the CEO, laid out in a row, each would head a column of its own.)"""
    managers = ["m0", "m1", "m2"]
    children = {"ceo": ["dir"], "dir": managers, **{m: [f"{m}r"] for m in managers}}
    sizes = {k: (100.0, 40.0) for k in ["ceo", "dir", *managers,
                                        *(f"{m}r" for m in managers)]}
    options = LayoutOptions(list_from=1, list_height=300.0, stack_gap=12.0)
    lay = layout_forest(["ceo"], children, sizes, options)
    pos = lay.positions
    columns = {pos[m][0] for m in managers}
    assert len(columns) == 2
    for x in columns:
        cards = [k for k in pos if k not in ("ceo", "dir") and abs(pos[k][0] - x) < 60]
        top = min(pos[k][1] - 20 for k in cards)
        bottom = max(pos[k][1] + 20 for k in cards)
        assert bottom - top <= 300.0

