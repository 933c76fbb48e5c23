"""A continued card (a manager whose people are on another slide, drawn as a pile) keeps
its team line, as every other card has one, with its note ("+3 people · slide 10") on the
line below: the note stood in the team line's place, so a continued card named no team
and, in a row of cards with dotted-line notes, had a blank line above its note."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from deckkit import many_teams

from orgviz.deck.build import build_deck
from orgviz.loader import load
from orgviz.render.cards import TEAM_LINE, card_text
from orgviz.render.chart import Card

#: A card group of a slide's SVG: its tooltip, then what it draws.
_CARD = re.compile(r"<g transform=\"translate\([^)]*\)\"><title>([^<]*)</title>(.*?)</g>")
_TEXT = re.compile(r'<text x="[^"]*" y="([\d.]+)"[^>]*>([^<]*)</text>')


def test_a_continued_cards_text_has_its_team_then_its_note() -> None:
    card = Card("d1", "continued", "Lead 1", "Director", team="Team 1",
                detail="+3 people · slide 10")
    text = card_text(card)
    assert (text.team, text.detail, text.notes) == ("Team 1", "+3 people · slide 10", 1)
    assert text.full == "Lead 1 — Director — Team 1 — +3 people · slide 10"
    alone = card_text(card._replace(team=""))  # (no team: the note in the team line's place)
    assert (alone.team, alone.detail, alone.notes) == ("+3 people · slide 10", "", 0)


def test_continued_cards_on_a_slide_draw_their_team_above_their_note(
        org_file: Callable[..., Path]) -> None:
    deck = build_deck([(load(org_file(many_teams(12))), ())])
    overview = next(slide for slide in deck.slides if slide.title.startswith("Overview"))
    assert overview.picture is not None
    cards = {title.split(" — ")[0]: dict((text, float(y)) for y, text in _TEXT.findall(body))
             for title, body in _CARD.findall(overview.picture.svg.decode())}
    leads = {name: texts for name, texts in cards.items() if name.startswith("Lead ")}
    assert len(leads) == 12
    for name, texts in leads.items():
        team = f"Team {name.split()[1]}"
        note = next(text for text in texts if text.startswith("+3 people · slide"))
        assert texts[note] - texts[team] == TEAM_LINE, (name, texts)
