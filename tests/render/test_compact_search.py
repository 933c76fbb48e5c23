"""`--compact auto` measures a row's narrowest page only when the row could come next in the
search order: the same choice as measuring every row first, on open-ended tree shapes (deep
broken chains, wide managers, assistants), both directions. Geometry only."""

from __future__ import annotations

import random
from dataclasses import replace

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from renderkit import chart_of

from orgviz.render import tidylayout as tl

LEVELS = ["ceo", "c-level", "vp", "head", "director", "manager", "senior-ic", "ic", "associate"]

#: Each person after the first: (the manager: 0 the one just before (chains), 1 person
#: (i - 1) // k (a tree with spans of about k), 2 the k-th before; k; how many levels below
#: the manager, 0 = the same: a broken rank, pushed a row down; an assistant).
PEOPLE = st.lists(st.tuples(st.sampled_from([0, 1, 1, 1, 2]), st.integers(2, 30),
                            st.sampled_from([0, 0, 1, 1, 1, 2, 3]), st.booleans()),
                  min_size=40, max_size=300)



@st.composite
def broken_deep(draw: st.DrawFn) -> list[tuple[int, int, int, bool]]:
    """A wide tree (spans of about k) with chains of people of one level hanging off it, each
    reporting to the one before: a broken org tens of rows deep that still lists."""
    span = draw(st.integers(4, 16))
    people = [(1, span, 1, draw(st.booleans())) for _ in range(draw(st.integers(80, 400)))]
    for length in draw(st.lists(st.integers(3, 40), min_size=1, max_size=6)):
        people.append((2, draw(st.integers(1, len(people))), 1, False))
        people.extend((0, 1, draw(st.sampled_from([0, 0, 0, 1])), False)
                      for _ in range(length - 1))
    return people


SHAPES = st.one_of(PEOPLE, broken_deep())


def org_text(people: list[tuple[int, int, int, bool]], seed: int) -> str:
    """An org file of the drawn people (teams and assistants from `seed`)."""
    rng = random.Random(seed)
    lines = ["orgviz: 1", "org: {name: Drawn}", "teams:", "  - {id: a, name: A}",
             "  - {id: b, name: B}", "people:", "  - {id: p0, name: P0, role: ceo, team: a}"]
    level = [0]
    for i, (how, k, step, helper) in enumerate(people, start=1):
        boss = i - 1 if how == 0 else (i - 1) // k if how == 1 else max(0, i - 1 - k)
        level.append(min(len(LEVELS) - 1, level[boss] + step))
        fields = [f"id: p{i}", f"name: P{i}", f"role: {LEVELS[level[i]]}",
                  f"reports_to: p{boss}", f"team: {rng.choice('ab')}"]
        if helper and rng.random() < 0.1:
            fields.append("assistant: true")
        lines.append("  - {" + ", ".join(fields) + "}")
    return "\n".join(lines) + "\n"


def _tree(people: list[tuple[int, int, int, bool]], seed: int, direction: str,
          stack_rows: int | None = None) -> tl.TreeInput:
    chart, _theme, _texts, box = chart_of(org_text(people, seed), direction=direction)
    if stack_rows is not None:  # as the deck draws a slide: stacks at most this deep
        chart = replace(chart, stack_rows=stack_rows)
    return tl.TreeInput(chart, box)


@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
@given(people=SHAPES, seed=st.integers(0, 99), direction=st.sampled_from(["TB", "LR"]),
       stack_rows=st.sampled_from([None, None, 1, 3]))
def test_auto_chooses_as_measuring_every_row(people: list[tuple[int, int, int, bool]], seed: int,
                                             direction: str, stack_rows: int | None) -> None:
    # a fresh TreeInput each: the lazy search and the reference share no caches
    want = tl.choose_compact_every_row(_tree(people, seed, direction, stack_rows))
    assert tl.choose_compact(_tree(people, seed, direction, stack_rows), "auto") == want


@settings(max_examples=15, deadline=None, suppress_health_check=list(HealthCheck))
@given(people=SHAPES, seed=st.integers(0, 99), direction=st.sampled_from(["TB", "LR"]),
       stack_rows=st.sampled_from([None, 1, 3]))
def test_bound_floor_is_below_every_bound(people: list[tuple[int, int, int, bool]], seed: int,
                                          direction: str, stack_rows: int | None) -> None:
    # below the bound the search sorts by, for the narrowest page and any other column height
    tree = _tree(people, seed, direction, stack_rows)
    high = tree.unit * max(tree.count, 1) * 2
    for row in range(1, tree.nrows):
        floor = tree.bound_floor(row)
        for height in (high, tree.unit, 5 * tree.unit):
            size = tree.measure(row, height)
            page = size[0] if tree.tb else tl.TARGET_ASPECT * size[1]
            assert floor <= max(page, tree.floor_frame(row))


@settings(max_examples=10, deadline=None, suppress_health_check=list(HealthCheck))
@given(people=SHAPES, seed=st.integers(0, 99))
def test_kept_listed_subtrees_change_no_layout(people: list[tuple[int, int, int, bool]],
                                               seed: int) -> None:
    # listed subtrees kept from other list rows and column heights (PreparedForest._listed)
    # give the same layout as a forest that lays out only this row at this height
    chart, _theme, _texts, box = chart_of(org_text(people, seed))
    warm = tl.TreeInput(chart, box)
    high = warm.unit * max(warm.count, 1) * 2
    heights = (high, 2.5 * warm.unit, 8 * warm.unit, 30 * warm.unit)
    for row in range(warm.nrows - 1, 0, -1):
        for height in heights[row % 2:]:
            warm.measure(row, height)
    for row in range(1, warm.nrows, max(1, warm.nrows // 8)):
        for height in heights:
            a, b = warm.layout(row, height), tl.TreeInput(chart, box).layout(row, height)
            assert (a.positions, a.edges, a.width, a.height) == (
                b.positions, b.edges, b.width, b.height)


def test_deep_broken_org_measures_few_rows() -> None:
    # a tree of 600 (spans of 10) with 4 chains of 25 ICs (each reporting to the one before)
    # hanging off it: 29 list rows; the deep ones cannot come next in the search order
    people = [(1, 10, 1, False) for _ in range(599)]
    for chain in range(4):
        people.append((2, 50 + 60 * chain, 1, False))
        people.extend((0, 1, 0, False) for _ in range(24))
    tree = _tree(people, 0, "TB")
    high = tree.unit * max(tree.count, 1) * 2
    narrowest: list[int | None] = []
    measure = tree.measure

    def counting(list_from: int | None, list_height: float | None) -> tuple[float, float]:
        if list_height == high:
            narrowest.append(list_from)
        return measure(list_from, list_height)

    tree.measure = counting  # type: ignore[method-assign]
    want = tl.choose_compact_every_row(_tree(people, 0, "TB"))
    assert tl.choose_compact(tree, "auto") == want
    assert want[0] is not None and tree.nrows > 25
    assert len(narrowest) < tree.nrows // 4
