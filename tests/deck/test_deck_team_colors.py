"""A team's color is the same on every slide of a deck, and the same as in the chart of the
whole org: slides are parts of one org, not charts of their own (a part of an org drawn
alone spreads its teams over the palette, `View.spread_colors`; a deck's slides do not)."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from deckkit import many_teams

from orgviz.deck.build import build_deck
from orgviz.loader import load
from orgviz.model import Org
from orgviz.render.chart import View, build_chart
from orgviz.render.themes import get_theme


def whole_chart_colors(org: Org) -> dict[str, str]:
    """Team name -> the accent color of its cards in the chart of the whole org."""
    chart = build_chart(org, View(), get_theme("light"))
    return {card.team: (card.color or "").lower() for card in chart.cards if card.team}


#: A card of a slide's SVG: its tooltip (name — title — team ...) and its accent band.
_CARD = re.compile(r"<title>([^<]*)</title>(?:<rect [^>]*/>)+"
                   r"<path d=\"M[^\"]*\" fill=\"(#[0-9a-fA-F]{6})\"/>")


def test_a_team_has_one_color_on_every_slide_and_the_whole_charts(
        org_file: Callable[..., Path]) -> None:
    org = load(org_file(many_teams()))
    whole = whole_chart_colors(org)
    assert len(set(whole.values())) < len(whole)  # (more teams than colors)
    deck = build_deck([(org, ())])
    seen: dict[str, set[str]] = {}
    for slide in deck.slides:
        for label, color in slide.legend:
            seen.setdefault(label, set()).add(color.lower())
    assert len(seen) == len(whole)
    assert {label: colors for label, colors in seen.items() if len(colors) > 1} == {}
    assert {label: colors.pop() for label, colors in seen.items()} == whole


def test_the_cards_are_drawn_in_their_teams_colors(org_file: Callable[..., Path]) -> None:
    """The accent bands on the slides, not only the legends: each person's card (named
    first in its tooltip) in their team's color of the whole chart."""
    org = load(org_file(many_teams()))
    whole = whole_chart_colors(org)
    team_of = {person.name: org.teams_by_id[person.team or ""].name for person in org.people}
    deck = build_deck([(org, ())])
    drawn = [(team_of[title.split(" — ")[0]], color.lower()) for slide in deck.slides
             if slide.picture is not None
             for title, color in _CARD.findall(slide.picture.svg.decode())
             if title.split(" — ")[0] in team_of]
    assert len({team for team, _ in drawn}) == len(whole)
    assert [(team, color) for team, color in drawn if whole[team] != color] == []


def test_the_teams_of_a_slide_wear_colors_of_their_own(org_file: Callable[..., Path]) -> None:
    """31 teams (more than the palette's 20 colors), ten or so a slide: the org's colors
    keep the teams that meet on a slide apart (Team 19, the 21st, wore Office's blue on
    the overview slide showing both)."""
    deck = build_deck([(load(org_file(many_teams())), ())])
    for slide in deck.slides:
        colors = [color.lower() for _, color in slide.legend]
        assert len(set(colors)) == len(colors), (slide.title, slide.legend)
