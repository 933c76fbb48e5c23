"""A chart whose cards have no team line (an org without teams) has its smallest text at
the title's size, not the team line's: on a slide it may be drawn smaller, so its stacks
may go deeper than a chart with team lines (`card_text_room`); one with team lines is
planned as before."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from orgviz.deck.build import DeckOptions, build_deck
from orgviz.deck.draw import Drawer, card_text_room
from orgviz.deck.frame import default_frame
from orgviz.loader import load
from orgviz.render.cards import NAME_SIZE, TEAM_SIZE, TITLE_SIZE
from orgviz.render.chart import View
from orgviz.render.themes import get_theme

FRAME = default_frame()


def flat(count: int, team: bool = False, titles: bool = True) -> str:
    """An org file of a CEO and `count` engineers reporting to her: all of a team or none,
    all with titles or none."""
    teams = "teams:\n  - {id: eng, name: Engineering}\n" if team else ""
    of_team = ", team: eng" if team else ""
    lines = ["orgviz: 1", "org: {name: Flat Co, size: small, date: 2026-11-01}",
             teams + "people:"]
    for index in range(count + 1):
        pid, title = ("ceo", "Chief Executive Officer") if index == 0 else (
            f"e{index}", "Software Engineer")
        title = f", title: {title}" if titles else ""
        boss = ", reports_to: ceo" if index else ""
        lines.append(f"  - {{id: {pid}, name: Person {index}{title}{boss}{of_team}}}")
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize(("team", "titles", "room"), [
    (False, True, TITLE_SIZE / TEAM_SIZE),
    (False, False, NAME_SIZE / TEAM_SIZE),
    (True, True, 1.0),
    (True, False, 1.0),
])
def test_the_room_is_the_smallest_card_text_over_the_team_lines(
        org_file: Callable[..., Path], team: bool, titles: bool, room: float) -> None:
    drawer = Drawer(load(org_file(flat(3, team, titles))), get_theme("light"))
    chart, _box = drawer.chart(View())
    assert card_text_room(chart) == pytest.approx(room)


def test_a_dotted_line_note_is_a_team_lines_size(org_file: Callable[..., Path]) -> None:
    """The note of a card with a dotted line ("dotted line to Person 1") is drawn at
    TEAM_SIZE, in an org without teams too."""
    text = flat(3).replace("name: Person 2,", "name: Person 2, dotted_to: e1,")
    drawer = Drawer(load(org_file(text)), get_theme("light"))
    chart, _box = drawer.chart(View())
    assert card_text_room(chart) == 1.0
    assert card_text_room(Drawer(load(org_file(flat(3))), get_theme("light")).chart(View())[0]
                          ) == pytest.approx(TITLE_SIZE / TEAM_SIZE)


def test_a_continued_card_is_a_team_lines_size(org_file: Callable[..., Path]) -> None:
    """The note of a "continued" card ("+3 people · slide 2") is drawn at TEAM_SIZE."""
    drawer = Drawer(load(org_file(flat(3))), get_theme("light"))
    chart, _box = drawer.chart(View(continued={"ceo": "+3 people · slide 2"}))
    assert card_text_room(chart) == 1.0


def overview_slides(org_file: Callable[..., Path], text: str) -> list:
    """The overview slides of the org file `text`'s deck at 12 pt."""
    deck = build_deck([(load(org_file(text)), ())], DeckOptions(min_font=12.0))
    return [slide for slide in deck.slides if slide.title.startswith("Overview")]


def test_a_chart_without_team_lines_stacks_as_deep_as_its_text_allows(
        org_file: Callable[..., Path]) -> None:
    """A CEO and eight engineers without teams at 12 pt: three rows of engineers fit below
    her at the title's size (11 units, not 9.5), so one slide holds them all in three
    columns; budgeted for a team line's text, they stood two deep, four columns too wide
    for the slide, and were spread over two slides."""
    [slide] = overview_slides(org_file, flat(8))
    picture = slide.picture
    assert picture is not None and picture.min_text == TITLE_SIZE
    fitted = min(FRAME.chart.w / picture.width, FRAME.chart.h / picture.height)
    assert picture.min_text * fitted >= 12.0  # readable: the slide is wide and high enough
    assert picture.height > picture.width / 2  # (three rows of engineers, not two)


def test_a_chart_with_team_lines_is_planned_as_before(org_file: Callable[..., Path]) -> None:
    """The same org with a team: its team lines are 9.5 units, and it takes two slides."""
    slides = overview_slides(org_file, flat(8, team=True))
    assert [slide.title for slide in slides] == ["Overview (1 of 2)", "Overview (2 of 2)"]
