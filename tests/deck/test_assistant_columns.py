"""A block of assistants too wide for a slide stands in columns two or one wide (more lines)
before its people are spread thinner: a CEO's fifteen assistants at 12 pt (three cards across
a slide) stood two a slide beside her, eight slides (runs of 4, 4, 4 and 3 were tried, but
three stand in one line, too wide, where four stand in two lines of two); now the three
stand in two lines too, four slides."""

from __future__ import annotations

import pytest
from deckkit import ENGINE
from test_spread_assistants import every_chart_fits, everybody_drawn, planned, write

from orgviz.deck.build import DeckOptions, build_deck
from orgviz.deck.draw import RANK_GAP


def aide_co(assistants: int, vps: int) -> str:
    """A CEO with `assistants` assistants and `vps` vice presidents."""
    people = ["{id: ceo, name: Cy Oh, title: Chief Executive Officer}"]
    people += [f"{{id: a{i}, name: Ada Number {i}, title: Executive Assistant, "
               f"reports_to: ceo, assistant: true}}" for i in range(assistants)]
    people += [f"{{id: v{i}, name: Vi Number {i}, title: Vice President, reports_to: ceo}}"
               for i in range(vps)]
    return ("orgviz: 1\norg: {name: Aide Co, size: small}\npeople:\n"
            + "".join(f"  - {person}\n" for person in people))


@pytest.mark.parametrize("layout", ["tidy", "dot"])
def test_fifteen_assistants_at_12_pt_stand_two_wide_four_a_slide(tmp_path, layout: str) -> None:
    org = write(tmp_path, aide_co(15, 0))
    deck = build_deck([(org, ())], DeckOptions(layout=layout, engine=ENGINE, min_font=12.0))
    every_chart_fits(deck)
    assert [slide.title for slide in deck.slides][1:] == [
        f"Overview ({i} of 4)" for i in range(1, 5)]
    planner, parts = planned(org, layout, min_font=12.0)
    everybody_drawn(org, planner, parts)
    assert [len(planner.visible(part)) - 1 for part in parts] == [4, 4, 4, 3]
    # (four stand in two lines of two anyway; three in one line were too wide)
    assert [part.drawn and part.drawn.chart.assistants_across for part in parts] == [
        None, None, None, 2]
    for part in parts:
        assert part.drawn is not None
        boxes = part.drawn.boxes
        helpers = [pid for pid in planner.visible(part) if pid != "ceo"]
        assert len({round(boxes[h].x) for h in helpers}) <= 2  # two columns
        assert {round(boxes[h].y) for h in helpers} == {
            round(boxes["ceo"].y), round(boxes["ceo"].y + boxes["ceo"].h + (
                RANK_GAP if layout == "dot" else 14.0))}  # two lines, the first beside her
