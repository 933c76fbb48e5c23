"""How the dot layout cuts a manager's stacked leaves into two-sided spines
(`stack_groups`): by rows of two, so that no spine's row holds one card where a split
into full rows fits. Cut by cards, five leaves two deep were spines of three and two (a
card alone on the first spine's second row), six were three and three (a card alone on
each spine's second row)."""

from __future__ import annotations

import math
from dataclasses import replace

import pytest
from renderkit import ENGINES, chart_of

from orgviz.render.dot import stack_groups
from orgviz.render.dotlayout import layout_dot
from orgviz.render.engines import pick_engine


def one_manager(count: int) -> str:
    """A manager with `count` leaf reports."""
    lines = ["orgviz: 1", "org: {name: Split}", "people:",
             "  - {id: boss, name: Bea Boss, title: Director}"]
    lines += [f"  - {{id: r{k}, name: Report {k}, title: Analyst, reports_to: boss}}"
              for k in range(count)]
    return "\n".join(lines) + "\n"


def test_five_two_deep_are_four_and_one_and_six_four_and_two() -> None:
    assert stack_groups(list("abcde"), 2) == [["a", "b", "c", "d"], ["e"]]
    assert stack_groups(list("abcdef"), 2) == [["a", "b", "c", "d"], ["e", "f"]]


@pytest.mark.parametrize("rows", [1, 2, 3, 5, 8])
def test_spines_are_cut_by_full_rows_as_few_and_as_shallow_as_before(rows: int) -> None:
    for count in range(rows + 1, 8 * rows + 2):
        leaves = [str(k) for k in range(count)]
        groups = stack_groups(leaves, rows)
        assert [leaf for group in groups for leaf in group] == leaves
        assert len(groups) <= math.ceil(count / (2 * rows))  # no more spines than before
        deepest = max(math.ceil(len(group) / 2) for group in groups)
        assert deepest == math.ceil(count / (2 * len(groups))) <= rows  # nor deeper
        assert all(len(group) % 2 == 0 for group in groups[:-1]), (count, groups)


@pytest.mark.parametrize("engine", ENGINES)
def test_no_spine_row_holds_one_card_of_an_even_count(engine: str) -> None:
    chart, theme, _texts, box = chart_of(one_manager(6))
    chart = replace(chart, stack_rows=2)  # (as a deck's slide stacks them two deep)
    geometry, plan = layout_dot(chart, box, theme, pick_engine(engine), 120.0)
    assert [len(spine.rows) for spine in plan.spines] == [2, 1]
    assert all(left and right for spine in plan.spines for left, right in spine.rows)
    # the second spine stands beside the first, its row level with the first's first row
    first, second = plan.spines
    assert geometry.boxes[second.rows[0][0]].y == pytest.approx(
        geometry.boxes[first.rows[0][0]].y, abs=0.5)
    assert geometry.boxes[second.rows[0][0]].left > geometry.boxes[first.rows[0][1]].right
