"""The `dot` layout top-down: a card is as tall as the tallest card of its rank, not of the
whole chart, so a rank of short cards is shorter; tops stay level, bands hold their cards.

The geometry tests run each engine that is installed (see renderkit)."""

from __future__ import annotations

import itertools
import re
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from renderkit import ENGINES, ORGS, assert_solid_lines_pass_no_card

from orgviz.loader import load
from orgviz.render import RenderOptions, render
from orgviz.render.cards import card_box, chart_texts
from orgviz.render.chart import View, build_chart
from orgviz.render.dotlayout import layout_dot
from orgviz.render.engines import pick_engine
from orgviz.render.geometry import Geometry
from orgviz.render.svg import BAND_PAD
from orgviz.render.themes import THEMES

Rect = tuple[float, float, float, float]  # left, top, right, bottom

CARD = re.compile(r'<g transform="translate\(([-\d.]+) ([-\d.]+)\)"><title>[^<]*</title>'
                  r'<rect width="([\d.]+)" height="([\d.]+)"')
BAND = re.compile(r'<rect x="([-\d.]+)" y="([-\d.]+)" width="([\d.]+)" height="([\d.]+)" '
                  r'rx="6"')
LONG = "Principal Staff Engineer, Platform Reliability and Developer Productivity Tooling"


def rects(pattern: re.Pattern[str], svg: str) -> list[Rect]:
    """The outlines `pattern` finds (x, y, width, height groups) in an SVG."""
    found = [tuple(map(float, m.groups())) for m in pattern.finditer(svg)]
    return [(x, y, x + w, y + h) for x, y, w, h in found]


def by_middle(outlines: list[Rect]) -> dict[float, list[Rect]]:
    """Card outlines by their middle down the page (a rank's cards share it)."""
    ranks: dict[float, list[Rect]] = defaultdict(list)
    for rect in outlines:
        ranks[round((rect[1] + rect[3]) / 2, 1)].append(rect)
    return ranks


def tall_org(org_file: Callable[..., Path]) -> Path:
    """A CEO with an assistant, two VPs (one with a long title and a dotted line), their
    engineers (stacked: one two-sided stack of 20, one stack of 3 with a long title)."""
    people = ["  - {id: ceo, name: Cee, title: CEO}",
              "  - {id: ea, name: Ea, title: Assistant, assistant: true, reports_to: ceo}",
              f"  - {{id: v0, name: Vee 0, title: '{LONG}', reports_to: ceo}}",
              "  - {id: v1, name: Vee 1, title: VP, reports_to: ceo}",
              "  - {id: m0, name: Em 0, title: Manager, reports_to: v0}",
              "  - {id: m1, name: Em 1, title: Manager, reports_to: v0}"]
    people += [f"  - {{id: a{i}, name: Ay {i}, title: Engineer, reports_to: v1}}"
               for i in range(20)]
    people += [f"  - {{id: b{i}, name: Bee {i}, title: '{LONG if i == 1 else 'Engineer'}', "
               f"reports_to: m0}}" for i in range(3)]
    people += ["  - {id: c0, name: Cee 0, title: Engineer, reports_to: m1,"
               " dotted_to: v1}"]
    return org_file("orgviz: 1\norg: {name: Tall}\npeople:\n" + "\n".join(people) + "\n")


@st.composite
def random_orgs(draw: st.DrawFn) -> str:
    """Random trees with titles of one to three lines, some people assistants."""
    count = draw(st.integers(2, 30))
    titles = ["Engineer", "Senior Product Manager, Clinical Operations",
              "Principal Engineer, Platform Reliability and Developer Tooling Group"]
    lines = ["orgviz: 1", "org: {name: Random}", "people:"]
    for i in range(count):
        title = draw(st.sampled_from(titles))
        boss = f", reports_to: p{draw(st.integers(0, i - 1))}" if i else ""
        helper = ", assistant: true" if i and draw(st.integers(0, 5)) == 0 else ""
        lines.append(f"  - {{id: p{i}, name: P {i}, title: '{title}'{boss}{helper}}}")
    return "\n".join(lines) + "\n"


def layout(path: Path, engine: str, direction: str = "TB") -> tuple[Geometry, dict[str, float]]:
    """The dot layout of an org file and each card's own height (by "", the box's)."""
    chart = build_chart(load(path), View(direction=direction))
    box = card_box(chart_texts(chart))
    geometry, _plan = layout_dot(chart, box, THEMES["light"], pick_engine(engine), 120.0)
    return geometry, {"": box.height} | {card.id: box.own_height(card.id) for card in chart.cards}


def assert_rank_heights(geometry: Geometry, own: dict[str, float]) -> None:
    """Each card is as tall as the tallest card of its rank (the cards with its middle):
    exactly, or to Graphviz's rounding where that is the chart's tallest card's height (the
    DOT's default node height: 56 came back 56.0016)."""
    ranks: dict[float, list[str]] = defaultdict(list)
    for card_id, placed in geometry.boxes.items():
        ranks[round(placed.y, 1)].append(card_id)
    for ids in ranks.values():
        tallest = max(own[card_id] for card_id in ids)
        heights = {geometry.boxes[card_id].h for card_id in ids}
        assert len(heights) == 1, ids
        height = heights.pop()
        assert height == tallest or (tallest == own[""]
                                     and height == pytest.approx(tallest, abs=0.01)), ids


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("name", ["small", "mid-size"])
def test_example_orgs_cards_take_their_ranks_tallest_height(name: str, engine: str) -> None:
    # (every card was the chart's tallest: the small org's 1-line titles had 21 px of blank)
    geometry, own = layout(ORGS / f"{name}.yaml", engine)
    assert_rank_heights(geometry, own)
    assert len({placed.h for placed in geometry.boxes.values()}) > 1
    assert_solid_lines_pass_no_card(geometry)


@pytest.mark.parametrize("engine", ENGINES)
def test_stacks_assistants_and_notes_take_their_ranks_height(
        org_file: Callable[..., Path], engine: str) -> None:
    path = tall_org(org_file)
    geometry, own = layout(path, engine)
    assert_rank_heights(geometry, own)
    boxes = geometry.boxes
    assert boxes["ea"].h == boxes["ceo"].h < boxes["v0"].h  # assistant beside the CEO
    assert boxes["a0"].h == boxes["a1"].h  # a two-sided stack's row
    assert boxes["b1"].h > boxes["b2"].h  # a stack's long title grows its own rank only
    assert_solid_lines_pass_no_card(geometry)
    for a, b in itertools.combinations(boxes.values(), 2):
        assert (a.right <= b.left or b.right <= a.left or a.bottom <= b.top
                or b.bottom <= a.top), (a, b)


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("name", ["small", "mid-size"])
def test_drawn_ranks_keep_level_tops_and_bands_hold_their_cards(name: str,
                                                                engine: str) -> None:
    svg = render(load(ORGS / f"{name}.yaml"), "svg",
                 RenderOptions(layout="dot", engine=engine)).decode()
    outlines, bands = rects(CARD, svg), rects(BAND, svg)
    assert outlines and bands
    for rank in by_middle(outlines).values():
        assert len({(top, bottom) for _, top, _, bottom in rank}) == 1, rank
    for a, b in itertools.combinations(outlines, 2):
        assert a[2] <= b[0] or b[2] <= a[0] or a[3] <= b[1] or b[3] <= a[1], (a, b)
    for _, top, _, bottom in bands:
        inside = [c for c in outlines if top < (c[1] + c[3]) / 2 < bottom]
        assert inside  # (a band's middle is its axis node's: Graphviz's rounding apart)
        assert all(c[1] - top >= BAND_PAD - 0.05 and bottom - c[3] >= BAND_PAD - 0.05
                   for c in inside), (top, bottom, inside)


@pytest.mark.parametrize("engine", ENGINES)
def test_left_to_right_cards_take_their_own_height_and_a_blocks_row_its_tallest(
        org_file: Callable[..., Path], engine: str) -> None:
    # (left to right a rank is a column, its cards one above the other: every card was the
    # chart's tallest, a one-line title padded with two lines of blank)
    geometry, own = layout(tall_org(org_file), engine, "LR")
    boxes = geometry.boxes
    assert boxes["v1"].h == own["v1"] < boxes["v0"].h == pytest.approx(own["v0"], abs=0.01)
    assert boxes["c0"].h == own["c0"]  # (its dotted-line note: taller than v1)
    for helper in ("ceo", "ea"):  # an assistant's line and its manager: one size
        assert boxes[helper].h == pytest.approx(own[""], abs=0.01)
    block = [card_id for card_id in boxes if card_id[0] in "ab" and card_id[1:].isdigit()]
    rows: dict[tuple[str, float], list[str]] = defaultdict(list)
    for card_id in block:  # a block's row: its cards level across its columns
        rows[card_id[0], round(boxes[card_id].y, 1)].append(card_id)
    assert len(rows) < len(block)
    for ids in rows.values():
        assert {boxes[card_id].h for card_id in ids} == {max(own[c] for c in ids)}, ids
    assert boxes["b1"].h > boxes["a1"].h  # (the long title of a block's card: its row only)
    assert_solid_lines_pass_no_card(geometry)
    for a, b in itertools.combinations(boxes.values(), 2):
        assert (a.right <= b.left or b.right <= a.left or a.bottom <= b.top
                or b.bottom <= a.top), (a, b)


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("name", ["small", "mid-size"])
def test_left_to_right_example_cards_are_not_padded_to_the_tallest(name: str,
                                                                    engine: str) -> None:
    # (small: 1,432 x 1,446 -> 1,432 x 1,191; mid-size: 5,376 x 2,783 -> 5,144 x 2,359)
    svg = render(load(ORGS / f"{name}.yaml"), "svg",
                 RenderOptions(layout="dot", engine=engine, direction="LR")).decode()
    outlines = rects(CARD, svg)
    heights = [bottom - top for _, top, _, bottom in outlines]
    assert min(heights) < max(heights) - 20  # a one-line title: no blank line under it
    for a, b in itertools.combinations(outlines, 2):
        assert a[2] <= b[0] or b[2] <= a[0] or a[3] <= b[1] or b[3] <= a[1], (a, b)


@pytest.mark.parametrize("engine", ENGINES)
def test_random_trees_take_their_ranks_height_without_overlaps(
        org_file: Callable[..., Path], engine: str) -> None:
    @settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(text=random_orgs())
    def check(text: str) -> None:
        geometry, own = layout(org_file(text), engine)
        assert_rank_heights(geometry, own)
        assert_solid_lines_pass_no_card(geometry)
        for a, b in itertools.combinations(geometry.boxes.values(), 2):
            assert (a.right <= b.left or b.right <= a.left or a.bottom <= b.top
                    or b.bottom <= a.top), (a, b)

    check()
