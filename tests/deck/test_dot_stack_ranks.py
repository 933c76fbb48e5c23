"""The dot layout draws each rank as tall as the tallest card in it (`render.dot`'s
rank_heights), so a dot deck's stack budget (`stack_fits`) counts each rank of a stack at
that height, not every card at the chart's tallest: one tall continued card (team line,
note and dotted-line note) cut the mid-size overview's C-levels from three ranks to two,
drawn four across without the level axis (no CEO band), and the deck grew a slide."""

from __future__ import annotations

import re
from pathlib import Path

from deckkit import ENGINE

from orgviz.deck.build import DeckOptions, build_deck
from orgviz.deck.draw import MARGIN, RANK_GAP, Drawer, stack_depth
from orgviz.loader import load
from orgviz.render.chart import View
from orgviz.render.engines import pick_engine
from orgviz.render.themes import THEMES

ROOT = Path(__file__).resolve().parents[2]
#: The CEO row's level label, as draw_svg writes it (a text of its own).
_AXIS_LABEL = re.compile(r">CEO</text>")


def test_the_mid_size_dot_overview_stacks_the_c_levels_under_the_ceo_band() -> None:
    org = load(ROOT / "orgs" / "mid-size.yaml")
    deck = build_deck([(org, ())], DeckOptions(layout="dot", engine=ENGINE))
    overview = deck.slides[1]
    assert overview.title == "Overview" and overview.picture is not None
    svg = overview.picture.svg.decode()
    assert _AXIS_LABEL.search(svg), "the CEO row's label"
    # the five C-levels in three ranks of a two-sided list (two, two, one) below the CEO's
    # row: four rows of cards in all, the C-levels in two columns (not four across)
    cards = [(float(x), float(y)) for x, y in re.findall(
        r'<g transform="translate\(([0-9.]+) ([0-9.]+)\)">', svg)]
    assert len(cards) == 7  # (the CEO, her assistant, five C-levels)
    assert len({y for _, y in cards}) == 4
    assert len({x for x, y in cards if y > min(y for _, y in cards)}) == 2
    assert len(deck.slides) == 21  # (22 before the continued cards' team line; 23 with it)


def test_a_dot_stack_s_ranks_are_as_tall_as_their_tallest_card(org_file) -> None:
    """A manager's long title makes his row tall, not his engineers' ranks below it."""
    from test_deck_card_heights import LONG, team_yaml

    text = team_yaml(10, long_title=False).replace(
        "title: Engineering Manager", f"title: {LONG}")
    org = load(org_file(text))
    drawer = Drawer(org, THEMES["light"], pick_engine(ENGINE), layout="dot")
    chart, box = drawer.chart(View(root="lead"))
    short = box.own_height("e0")
    assert box.own_height("lead") > short == box.own_height("e9") and box.height > short
    # the lead's row, then five ranks of short cards: ten leaves 5 deep, two a rank
    height = 2 * MARGIN + box.own_height("lead") + RANK_GAP + 5 * short + 4 * RANK_GAP
    assert stack_depth(chart, box, height, "dot") == 5  # (3 when ranks were all box.height)
    drawings = drawer.draw(View(root="lead"), rows_height=height)
    assert drawings and all(d.chart.stack_rows == 5 for d in drawings)
    assert all(d.height <= height + 0.01 for d in drawings), [d.height for d in drawings]


def test_dot_stack_fit_counts_each_rank_at_its_tallest_card() -> None:
    from orgviz.deck.draw import dot_stack_fit

    class Box:
        height = 100.0

        @staticmethod
        def own_height(card_id: str) -> float:
            return 100.0 if card_id == "tall" else 60.0

    leaves = ["tall", "a", "b", "c", "d"]
    # 3 deep: two a rank (tall|a, b|c, d): 100 + 60 + 60 and two gaps (it counted 300)
    three = 100.0 + 60.0 + 60.0 + 2 * RANK_GAP
    assert dot_stack_fit(leaves, Box(), three, [0.0]) == 3
    assert dot_stack_fit(leaves, Box(), three - 1, [0.0]) == 2
    # 4 deep: the same three ranks and one the spines leave empty, counted as the tallest
    assert dot_stack_fit(leaves, Box(), three + RANK_GAP + 99, [0.0]) == 3
    assert dot_stack_fit(leaves, Box(), three + RANK_GAP + 100, [0.0]) == 4
    # a card of the chart's row in a rank makes it as tall
    assert dot_stack_fit(leaves, Box(), three, [0.0, 100.0]) == 2
