"""A manager's stacked leaf reports stand in columns of near-equal height (7 in columns of
3: 3/2/2, not 3/3/1 with one card alone) in as many columns as before, no wider."""

from __future__ import annotations

import math
from collections import Counter

import pytest

from orgviz.layout import LayoutOptions, layout_forest
from orgviz.layout.tidy import _cut_even

CARD = (100.0, 40.0)


def _manager(count: int) -> tuple[dict[str, list[str]], dict[str, tuple[float, float]]]:
    """A top manager with `count` leaf reports: children and card sizes."""
    leaves = [f"r{i}" for i in range(count)]
    return {"top": leaves}, dict.fromkeys(["top", *leaves], CARD)


def _column_lengths(lay, leaves: list[str], index: int) -> list[int]:
    """How many leaves stand in each column (by their centres along the breadth)."""
    return list(Counter(round(lay.positions[leaf][index], 2) for leaf in leaves).values())


@pytest.mark.parametrize("direction", ["TB", "LR"])
@pytest.mark.parametrize("stack_rows", [None, 3, 4])
@pytest.mark.parametrize("count", range(1, 31))
def test_leaf_columns_are_even(direction: str, stack_rows: int | None, count: int) -> None:
    children, sizes = _manager(count)
    options = LayoutOptions(direction=direction, stack_min=2, stack_rows=stack_rows)
    lay = layout_forest(["top"], children, sizes, options)
    lengths = _column_lengths(lay, children["top"], 0)
    assert max(lengths) - min(lengths) <= 1, lengths
    if stack_rows is not None:
        assert len(lengths) == math.ceil(count / stack_rows)  # as many columns as before


def test_seven_in_columns_of_three() -> None:
    children, sizes = _manager(7)
    lay = layout_forest(["top"], children, sizes, LayoutOptions(stack_min=2, stack_rows=3))
    assert sorted(_column_lengths(lay, children["top"], 0), reverse=True) == [3, 2, 2]


@pytest.mark.parametrize("count", range(1, 31))
@pytest.mark.parametrize("per", range(1, 8))
def test_cut_even_is_no_wider(count: int, per: int) -> None:
    items = list(range(count))
    breadth = [100.0 + 37.0 * ((i * 7) % 5) for i in items]  # cards of several widths
    chunks = _cut_even(items, per, breadth)
    full = [items[s : s + per] for s in range(0, count, per)]
    assert [c for col in chunks for c in col] == items
    assert len(chunks) == len(full)
    assert max(map(len, chunks)) <= per

    def wide(cut: list[list[int]]) -> float:
        return sum(max(breadth[c] for c in col) for col in cut)

    assert wide(chunks) <= wide(full)


def test_cut_even_keeps_the_fuller_cut_when_even_is_wider() -> None:
    """Evening out would put the wide card beside a column of its own: kept as it was."""
    breadth = [100.0] * 10
    breadth[6] = breadth[8] = 300.0  # evened out, 8 would widen the last column
    assert _cut_even(list(range(10)), 3, breadth) == [[0, 1, 2], [3, 4, 5], [6, 7, 8], [9]]
    assert _cut_even(list(range(7)), 3, [100.0] * 7) == [[0, 1, 2], [3, 4], [5, 6]]
