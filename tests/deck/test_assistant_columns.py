"""A block of assistants too wide for a slide stands in columns two or one wide (more lines)
before its people are spread thinner: a CEO's fifteen assistants at 12 pt (three cards across
a slide) stood two a slide beside her, eight slides (runs of 4, 4, 4 and 3 were tried, but
three stand in one line, too wide, where four stand in two lines of two); now the three
stand in two lines too, four slides. And a CEO's assistants go to slides of their own when
the reports then take fewer slides: six assistants in two lines left room for one of nine
VPs a slide with the dot layout (nine slides); apart, two."""

from __future__ import annotations

from dataclasses import replace

import pytest
from deckkit import ENGINE
from test_spread_assistants import every_chart_fits, everybody_drawn, planned, write

from orgviz.deck.build import DeckOptions, build_deck
from orgviz.deck.draw import RANK_GAP, Drawer, assistant_room
from orgviz.render.chart import View
from orgviz.render.engines import pick_engine
from orgviz.render.themes import get_theme
from orgviz.render.tidylayout import LEVEL_GAP


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


@pytest.mark.parametrize("layout", ["tidy", "dot"])
def test_two_assistants_too_wide_side_by_side_stand_in_one_column(tmp_path,
                                                                 layout: str) -> None:
    """At 16 pt a CEO and her two assistants side by side are too wide for a slide: one
    column of two beside her, one slide (a block of two was never drawn narrower, as two
    across is as wide as three: one assistant a slide, two slides)."""
    org = write(tmp_path, aide_co(2, 0))
    planner, parts = planned(org, layout, min_font=16.0)
    everybody_drawn(org, planner, parts)
    [part] = parts
    assert part.drawn is not None and part.drawn.chart.assistants_across == 1
    boxes = part.drawn.boxes
    assert boxes["a0"].x == boxes["a1"].x and boxes["a0"].y < boxes["a1"].y


def test_a_ceos_assistants_go_apart_when_her_vps_then_take_fewer_slides(tmp_path) -> None:
    org = write(tmp_path, aide_co(6, 9))
    deck = build_deck([(org, ())], DeckOptions(layout="dot", engine=ENGINE))
    every_chart_fits(deck)
    assert [slide.title for slide in deck.slides][1:] == ["Overview (1 of 2)",
                                                          "Overview (2 of 2)"]
    planner, parts = planned(org, "dot")
    everybody_drawn(org, planner, parts)
    first, second = parts
    assert planner.visible(first) == ["ceo", *(f"a{i}" for i in range(6))]
    assert planner.visible(second) == ["ceo", *(f"v{i}" for i in range(9))]


@pytest.mark.parametrize("layout", ["tidy", "dot"])
@pytest.mark.parametrize("across", [None, 1, 2])
def test_assistant_room_is_how_far_the_layout_puts_the_next_row(tmp_path, layout: str,
                                                                across: int | None) -> None:
    """`assistant_room` (the room a manager's lines of assistants take, for the slide
    budgets) is where the layout starts the row below, a row gap further."""
    org = write(tmp_path, aide_co(5, 2))
    theme = get_theme("light")
    drawer = Drawer(org, theme, pick_engine(ENGINE) if layout == "dot" else None,
                    layout=layout)
    chart, box = drawer.chart(View())
    chart = replace(chart, assistants_across=across)
    geometry = drawer.place(chart, box)
    boss, vp = geometry.boxes["ceo"], geometry.boxes["v0"]
    room = assistant_room(chart, "ceo", boss.h, layout)
    gap = RANK_GAP if layout == "dot" else LEVEL_GAP
    assert vp.top - boss.top == pytest.approx(room + gap, abs=0.5)
    assert room == pytest.approx(boss.h * -(-5 // (across or 3))
                                 + (-(-5 // (across or 3)) - 1) * (
                                     RANK_GAP if layout == "dot" else 14.0))
