"""validate() returns its problems sorted as tuples, each once, whatever order rules give."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from orgviz.problem import Problem
from orgviz.validate import _sorted_distinct

PROBLEMS = st.lists(st.builds(
    Problem,
    file=st.sampled_from(["a.yaml", "b.yaml", "inc/c.yaml"]),
    line=st.integers(1, 6),
    col=st.integers(1, 3),
    level=st.sampled_from(["error", "warning", "info"]),
    rule=st.sampled_from(["cycle", "root", "same-rank"]),
    message=st.sampled_from(["m", "n", "o"]),
), max_size=60)


@settings(max_examples=300, deadline=None)
@given(problems=PROBLEMS)
def test_sorted_distinct_is_the_sorted_set_of_tuples(problems):
    # Few values, so that lines, places and whole problems repeat often.
    expected = sorted(set(map(tuple, problems)))
    got = _sorted_distinct(list(problems))
    assert [tuple(p) for p in got] == expected
    assert all(type(p) is Problem for p in got)


def test_sorted_distinct_orders_ties_on_one_line_and_drops_repeats():
    late = Problem("a.yaml", 3, 9, "error", "root", "z")
    early = Problem("a.yaml", 3, 2, "warning", "cycle", "y")
    other = Problem("b.yaml", 1, 1, "error", "root", "x")
    first = Problem("a.yaml", 1, 5, "info", "root", "w")
    assert _sorted_distinct([other, late, early, late, first, early]) == [
        first, early, late, other]
