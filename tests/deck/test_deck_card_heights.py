"""Slides are sized by each card's own height (a row's or a stack's tallest, as the chart
draws them), not by the tallest card of the whole chart: one long title no longer splits a
team that fits."""

from __future__ import annotations

import itertools
from pathlib import Path

from test_chains import _planner, chain_yaml

from orgviz.deck.build import DeckOptions, build_deck
from orgviz.deck.draw import Drawer, chain_rows, stack_depth
from orgviz.loader import load
from orgviz.render.chart import View
from orgviz.render.geometry import Box
from orgviz.render.themes import THEMES

#: Three title lines on a card.
LONG = ("Principal Site Reliability Engineer for Payments Platform Infrastructure and "
        "Observability")


def team_yaml(size: int, long_title: bool) -> str:
    """A CEO, a CTO and a manager of a team of `size` engineers; the last one's title is
    LONG when `long_title`."""
    lines = ["orgviz: 1", "org: {name: Tall Co, size: mid-size}",
             "teams:", "  - {id: plat, name: Platform, lead: lead}", "people:",
             "  - {id: ceo, name: Ada Obi, title: Chief Executive Officer}",
             "  - {id: cto, name: Cy Tan, title: Chief Technology Officer, reports_to: ceo}",
             "  - {id: lead, name: Lee Park, title: Engineering Manager, reports_to: cto, "
             "team: plat}"]
    for i in range(size):
        title = LONG if long_title and i == size - 1 else "Software Engineer"
        lines.append(f"  - {{id: e{i}, name: Engineer {i}, title: {title}, reports_to: lead, "
                     "team: plat}")
    return "\n".join(lines) + "\n"


def _no_overlap(boxes: dict[str, Box]) -> None:
    for (one, a), (two, b) in itertools.combinations(boxes.items(), 2):
        assert (a.right <= b.left or b.right <= a.left or a.bottom <= b.top
                or b.bottom <= a.top), (one, two)


def test_a_team_with_one_long_title_stays_on_one_slide(org_file) -> None:
    # Sized by the chart's tallest card, the team of ten was spread over two slides
    # ("Platform (1 of 2)", "(2 of 2)") though it fits one as drawn.
    org = load(org_file(team_yaml(10, long_title=True)))
    deck = build_deck([(org, ())], DeckOptions())
    titles = [slide.title for slide in deck.slides]
    assert titles == ["Tall Co", "Overview", "Platform"]
    picture = deck.slides[-1].picture
    assert picture is not None
    scale = picture.scale(deck.frame, deck.min_font)
    assert picture.min_text * scale >= deck.min_font - 1e-6
    assert picture.height * scale <= deck.frame.chart.h + 1e-6


def test_the_team_slide_draws_everybody_without_overlaps(org_file) -> None:
    org = load(org_file(team_yaml(10, long_title=True)))
    planner = _planner(org)
    _, parts = planner.plan()
    assert [part.root for part in parts] == ["lead"]
    part = parts[0]
    assert part.drawn is not None and not part.continued
    assert set(planner.visible(part)) == {"lead", *(f"e{i}" for i in range(10))}
    boxes = part.drawn.boxes
    _no_overlap(boxes)
    # The stack with the long title is as tall as it; the manager's row is not.
    assert boxes["e9"].h > boxes["lead"].h
    assert len({round(boxes[f"e{i}"].h, 2) for i in range(10)}) == 1


def test_stacks_may_be_deeper_when_only_another_row_is_tall(org_file) -> None:
    # The manager's title is long, the stacked engineers' short: the stacks hold as many
    # cards as short cards allow, not as many as tall ones would.
    text = team_yaml(10, long_title=False).replace(
        "title: Engineering Manager", f"title: {LONG}")
    org = load(org_file(text))
    drawer = Drawer(org, THEMES["light"])
    chart, box = drawer.chart(View(root="lead"))
    assert box.own_height("lead") > box.own_height("e0") == box.own_height("e9")
    height = 2 * 8 + box.own_height("lead") + 36 + 4 * box.own_height("e0") + 3 * 14
    assert stack_depth(chart, box, height) == 4
    # The dot layout stacks them a row gap apart, each rank as tall as its own cards: three
    # (two when every card counted as tall as the lead's).
    assert stack_depth(chart, box, height, "dot") == 3


def test_a_chain_column_holds_cards_of_their_own_height(org_file) -> None:
    text = chain_yaml(30).replace("name: Person 5, title: Engineer",
                                  f"name: Person 5, title: {LONG}")
    org = load(org_file(text))
    planner = _planner(org)
    _, parts = planner.plan()
    # 16 short cards a slide (four columns of four), as without the long title: 2 slides
    # (3 when every card was as tall as the long one).
    assert len(parts) == 2 and all(part.chain for part in parts)
    drawn = parts[0].drawn
    assert drawn is not None
    boxes = drawn.boxes
    assert len(boxes) == 16
    _no_overlap(boxes)
    assert boxes["p5"].h > boxes["p4"].h == boxes["p6"].h
    # p6 hangs below p5 at its own height, a row gap apart.
    assert boxes["p6"].top - boxes["p5"].bottom == 28.0


def test_chain_rows_fit_every_column() -> None:
    class Card:
        width, height = 196.0, 100.0

    short, tall, gap, margins = 72.0, 100.0, 28.0, 16.0
    area = margins + 4 * short + 3 * gap
    assert chain_rows(area, Card()) == 3  # as tall as the tallest: three
    assert chain_rows(area, Card(), [short] * 8) == 4
    # A column of four with the tall card would not fit: columns of three do.
    assert chain_rows(area, Card(), [short, tall, *[short] * 6]) == 3
    assert chain_rows(area, Card(), [tall * 5]) == 1


def test_the_fixture_splits_by_tallest_card_only(tmp_path: Path) -> None:
    # The same team without the long title was one slide before and after: the fixture
    # tests the heights, not the team's size.
    source = tmp_path / "short.yaml"
    source.write_text(team_yaml(10, long_title=False), encoding="utf-8")
    deck = build_deck([(load(source), ())], DeckOptions())
    assert [slide.title for slide in deck.slides] == ["Tall Co", "Overview", "Platform"]
