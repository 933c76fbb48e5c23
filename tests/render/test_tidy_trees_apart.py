"""Separate trees stand TREE_GAP apart (tidy): a card whose manager is unknown, or a cycle
drawn with `--force`, is a tree of its own. Left to right, not one more card of the list above
it in its level's column (its lists and another tree's stood SUBTREE_GAP apart, as two
managers' lists of one tree do); top-down, side by side, each across a span of its own (a tree
starting on a lower row stood partly under another's cards)."""

from __future__ import annotations

from itertools import pairwise

import pytest
from renderkit import BROKEN_TREES as BROKEN
from renderkit import chart_of

from orgviz.layout.tidy import LayoutOptions
from orgviz.render.chart import Chart
from orgviz.render.geometry import Geometry
from orgviz.render.tidylayout import SUBTREE_GAP, TREE_GAP, layout_tidy

HEAD = ("orgviz: 1\norg: {name: Apart, size: small}\npeople:\n"
        "  - {id: ceo, name: Cleo Chief, title: CEO}\n"
        "  - {id: vp, name: Vic Vale, title: VP of Sales, reports_to: ceo}\n"
        "  - {id: a1, name: Ann Archer, title: Account Executive, reports_to: vp}\n"
        "  - {id: a2, name: Bo Baker, title: Account Executive, reports_to: vp}\n"
        "  - {id: vp2, name: Val Voss, title: VP of Marketing, reports_to: ceo}\n"
        "  - {id: m1, name: Mo Marsh, title: Marketing Analyst, reports_to: vp2}\n"
        "  - {id: m2, name: Mia Moon, title: Marketing Analyst, reports_to: vp2}\n")
#: Lou's manager is not in the org: drawn with --force, Lou is a top of her own.
UNKNOWN = HEAD + ("  - {id: lost, name: Lou Lost, title: Account Executive, "
                  "reports_to: nobody-here}\n")
#: Dee and Ray report to each other: drawn with --force, a tree of their own (and Rae).
CYCLE = HEAD + ("  - {id: d1, name: Dee Dunn, title: Sales Manager, reports_to: r1}\n"
                "  - {id: r1, name: Ray Reed, title: Account Executive, reports_to: d1}\n"
                "  - {id: r2, name: Rae Rowe, title: Account Executive, reports_to: d1}\n")


def trees(chart: Chart) -> dict[str, str]:
    """Each card's top (the root of its tree)."""
    top: dict[str, str] = {}
    for card in chart.cards:  # (depth-first: a manager before its reports)
        top[card.id] = card.id if card.manager is None else top[card.manager]
    return top


def gaps_between_trees(chart: Chart, geometry: Geometry) -> list[float]:
    """Left to right: the gaps down the page between two cards of different trees that stand
    in one column (their x ranges overlap)."""
    top, boxes = trees(chart), geometry.boxes
    found = []
    for a in chart.cards:
        for b in chart.cards:
            one, two = boxes[a.id], boxes[b.id]
            if top[a.id] != top[b.id] and one.bottom <= two.top and (
                    one.left < two.right and two.left < one.right):
                found.append(two.top - one.bottom)
    return found


@pytest.mark.parametrize("text", [UNKNOWN, CYCLE], ids=["unknown-manager", "cycle"])
def test_left_to_right_a_broken_tree_stands_tree_gap_below_the_lists_above_it(
        text: str) -> None:
    chart, _theme, _texts, box = chart_of(text, direction="LR")
    assert len({top for top in trees(chart).values()}) == 2
    geometry, _ends = layout_tidy(chart, box)
    between = gaps_between_trees(chart, geometry)
    assert between and min(between) >= TREE_GAP - 0.01, between
    boxes = geometry.boxes  # (two lists of one tree in a column: SUBTREE_GAP apart)
    assert boxes["m1"].top - boxes["a2"].bottom == pytest.approx(SUBTREE_GAP, abs=0.01)


def spans_across(chart: Chart, geometry: Geometry) -> list[tuple[float, float]]:
    """Where each tree's cards start and end across the page (top-down) or down it (left to
    right), in file order of the tops."""
    across = chart.direction != "LR"
    spans: dict[str, tuple[float, float]] = {}
    for card_id, top in trees(chart).items():
        box = geometry.boxes[card_id]
        start, end = (box.left, box.right) if across else (box.top, box.bottom)
        low, high = spans.get(top, (start, end))
        spans[top] = (min(low, start), max(high, end))
    return list(spans.values())


@pytest.mark.parametrize("depth", [None, 1], ids=["all", "depth-1"])
def test_left_to_right_separate_trees_stand_one_below_another_tree_gap_apart(
        depth: int | None) -> None:
    """Each tree down a span of its own: at --depth 1, trees that share no column stood
    36 px apart (packed by their outlines) where those sharing one stood 72 px."""
    chart, _theme, _texts, box = chart_of(BROKEN, depth=depth, direction="LR")
    geometry, _ends = layout_tidy(chart, box)
    spans = spans_across(chart, geometry)
    assert len(spans) == 4, spans
    for (_low, high), (low, _high) in pairwise(spans):
        assert low - high == pytest.approx(TREE_GAP, abs=0.01), spans


@pytest.mark.parametrize("depth", [None, 2], ids=["all", "depth-2"])
def test_top_down_separate_trees_stand_side_by_side_tree_gap_apart(depth: int | None) -> None:
    chart, _theme, _texts, box = chart_of(BROKEN, depth=depth)
    geometry, _ends = layout_tidy(chart, box)
    spans = spans_across(chart, geometry)
    assert len(spans) == 4, spans
    for (_low, high), (low, _high) in pairwise(spans):
        assert low - high == pytest.approx(TREE_GAP, abs=0.01), spans
    ray, una = geometry.boxes["r1"], geometry.boxes["u3"]  # (Ray's tree after Uma's)
    assert ray.left - una.right >= TREE_GAP - 0.01


def test_top_down_a_tree_stands_tree_gap_after_another() -> None:
    chart, _theme, _texts, box = chart_of(UNKNOWN)
    geometry, _ends = layout_tidy(chart, box)
    lost = geometry.boxes["lost"]  # (right of Val's analysts, stacked or in a row)
    last = max(geometry.boxes[card].right for card in ("m1", "m2"))
    assert lost.left - last == pytest.approx(TREE_GAP, abs=0.01)


def test_the_gap_between_trees_is_a_finite_number_or_none() -> None:
    assert LayoutOptions(tree_gap=None).tree_gap is None
    for bad in (-1.0, float("nan"), float("inf")):
        with pytest.raises(ValueError, match="tree_gap must be None or a finite number"):
            LayoutOptions(tree_gap=bad)
