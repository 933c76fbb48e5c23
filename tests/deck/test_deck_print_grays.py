"""A print-theme deck shows the teams in the org's team grays, the same on every slide.

A deck draws its slides in the org's team colors (not spread over each part), and the
print theme's team grays were only applied to charts spread that way: every slide of
`orgviz deck orgs/small.yaml --theme print` showed Design and Engineering in the gray of
their colors' luma, both #818181. The org's teams now take the ramp's grays once for the
whole org, and a slide whose teams share a gray says so beside its legend.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from deckkit import many_teams

from orgviz.deck.build import DeckOptions, build_deck
from orgviz.deck.pages import page_svg
from orgviz.deck.slides import Deck
from orgviz.loader import load
from orgviz.render.chart import GRAYS_REPEAT
from orgviz.render.themes import THEMES

SMALL_YAML = Path(__file__).resolve().parents[2] / "orgs" / "small.yaml"
RAMP = {gray.lower() for gray in THEMES["print"].team_grays}
#: A card of a slide's SVG: its tooltip (name — title — team ...) and its accent band.
_CARD = re.compile(r"<title>([^<]*)</title>(?:<rect [^>]*/>)+"
                   r"<path d=\"M[^\"]*\" fill=\"(#[0-9a-fA-F]{6})\"/>")


def team_grays(deck: Deck) -> dict[str, set[str]]:
    """Team name -> the colors its legend entries take over all slides."""
    seen: dict[str, set[str]] = {}
    for slide in deck.slides:
        for label, color in slide.legend:
            seen.setdefault(label, set()).add(color.lower())
    return seen


def test_small_org_teams_take_distinct_grays_the_same_on_every_slide() -> None:
    org = load(SMALL_YAML)
    deck = build_deck([(org, ())], DeckOptions(theme="print"))
    seen = team_grays(deck)
    assert set(seen) == {team.name for team in org.teams}
    assert {label: grays for label, grays in seen.items() if len(grays) > 1} == {}
    grays = {label: next(iter(found)) for label, found in seen.items()}
    assert set(grays.values()) <= RAMP
    assert len(set(grays.values())) == len(grays)  # five teams, six grays: all apart
    assert grays["Design"] != grays["Engineering"]  # (both #818181 before)
    assert all(slide.legend_note == "" for slide in deck.slides)


def test_the_cards_accents_are_their_teams_grays() -> None:
    org = load(SMALL_YAML)
    deck = build_deck([(org, ())], DeckOptions(theme="print"))
    grays = {label: found.pop() for label, found in team_grays(deck).items()}
    team_of = {person.name: org.teams_by_id[person.team or ""].name for person in org.people}
    drawn = [(team_of[title.split(" — ")[0]], color.lower()) for slide in deck.slides
             if slide.picture is not None
             for title, color in _CARD.findall(slide.picture.svg.decode())
             if title.split(" — ")[0] in team_of]
    assert {team for team, _ in drawn} == set(grays)
    assert [(team, color) for team, color in drawn if grays[team] != color] == []


def test_a_slide_whose_teams_share_a_gray_says_so(org_file: Callable[..., Path]) -> None:
    """31 teams, six grays: the overview's legend repeats them, and its footer says that
    each card names its team; the grays are still the org's, one per team."""
    org = load(org_file(many_teams()))
    deck = build_deck([(org, ())], DeckOptions(theme="print"))
    seen = team_grays(deck)
    assert {label: grays for label, grays in seen.items() if len(grays) > 1} == {}
    assert {gray for grays in seen.values() for gray in grays} == RAMP
    noted = [index for index, slide in enumerate(deck.slides)
             if slide.legend_note == GRAYS_REPEAT]
    assert noted
    for index, slide in enumerate(deck.slides):
        colors = [color.lower() for _, color in slide.legend]
        assert (len(set(colors)) < len(colors)) == (index in noted), slide.title
    assert b"Grays repeat: each card names its team:" in page_svg(deck, noted[0])
