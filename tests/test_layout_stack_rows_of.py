"""Managers stacked to their own depth (`LayoutOptions.stack_rows_of`): each such manager's
leaf reports stand at most that many a column, the others as `stack_rows` says."""

from __future__ import annotations

from dataclasses import replace

import pytest

from orgviz.layout import LayoutOptions, PreparedForest, layout_forest
from orgviz.layout.tidy import _columns_for

CARD = (100.0, 40.0)
#: A top with two managers of three leaf reports each, and a listed manager under `m2`.
CHILDREN = {"top": ["m1", "m2"], "m1": ["a1", "a2", "a3"], "m2": ["b1", "b2", "b3"]}
SIZES = dict.fromkeys(["top", "m1", "m2", "a1", "a2", "a3", "b1", "b2", "b3"], CARD)


def _columns(lay, leaves: list[str], index: int) -> int:
    """How many columns the leaves stand in (by their centres along the breadth)."""
    return len({round(lay.positions[leaf][index], 2) for leaf in leaves})


@pytest.mark.parametrize("direction", ["TB", "LR"])
def test_a_manager_stacks_to_its_own_depth(direction: str) -> None:
    index = 0  # a stack's columns stand side by side along x, left to right too
    shallow = LayoutOptions(direction=direction, stack_min=2, stack_rows=2)
    own = LayoutOptions(direction=direction, stack_min=2, stack_rows=2,
                        stack_rows_of=(("m1", 3),))
    before = layout_forest(["top"], CHILDREN, SIZES, shallow)
    after = layout_forest(["top"], CHILDREN, SIZES, own)
    assert _columns(before, ["a1", "a2", "a3"], index) == 2
    assert _columns(after, ["a1", "a2", "a3"], index) == 1  # one column of three
    assert _columns(after, ["b1", "b2", "b3"], index) == _columns(before, ["b1", "b2", "b3"],
                                                                  index)
    assert after.width < before.width if direction == "TB" else after.height > before.height


def test_a_shallower_own_depth_beats_stack_rows() -> None:
    deep = LayoutOptions(stack_min=2, stack_rows=8)
    lay = layout_forest(["top"], CHILDREN, SIZES, LayoutOptions(
        stack_min=2, stack_rows=8, stack_rows_of=(("m2", 1),)))
    assert _columns(layout_forest(["top"], CHILDREN, SIZES, deep), ["b1", "b2", "b3"], 0) == 1
    assert _columns(lay, ["b1", "b2", "b3"], 0) == 3
    assert _columns(lay, ["a1", "a2", "a3"], 0) == 1


def test_no_own_depths_and_unknown_ids_change_nothing() -> None:
    plain = LayoutOptions(stack_min=2, stack_rows=2)
    lay = layout_forest(["top"], CHILDREN, SIZES, plain)
    for limits in ((("nobody", 5),), (("m1", 2), ("m2", 2)), (("a1", 1),)):
        assert layout_forest(["top"], CHILDREN, SIZES, LayoutOptions(
            stack_min=2, stack_rows=2, stack_rows_of=limits)) == lay


def test_listed_cards_stack_to_their_own_depth() -> None:
    """A listed manager's reports stand in as many columns as its own depth asks."""
    children = {"top": ["mid"], "mid": ["m1"], "m1": ["a1", "a2", "a3"]}
    sizes = dict.fromkeys(["top", "mid", "m1", "a1", "a2", "a3"], CARD)
    listed = LayoutOptions(stack_min=2, stack_rows=1, list_from=2, list_height=60.0)
    forest = PreparedForest(["top"], children, sizes)
    assert _columns(forest.layout(listed), ["a1", "a2", "a3"], 0) == 3
    own = replace(listed, stack_rows_of=(("m1", 3),))
    lay = forest.layout(own)
    assert _columns(lay, ["a1", "a2", "a3"], 0) == 1
    width, height = forest.measure(own)
    assert width == pytest.approx(lay.width, abs=0.02)
    assert height == pytest.approx(lay.height, abs=0.02)


def test_columns_for_takes_the_managers_own_rows() -> None:
    options = LayoutOptions(stack_rows=2)
    assert _columns_for(3, options) == 2
    assert _columns_for(3, options, 3) == 1
    assert _columns_for(5, options, 1) == 5


@pytest.mark.parametrize("rows", [0, -1, 1.5])
def test_own_depths_below_one_are_refused(rows: object) -> None:
    with pytest.raises(ValueError, match="stack_rows_of"):
        LayoutOptions(stack_rows_of=(("m1", rows),))  # type: ignore[arg-type]
