"""A deck slide's cards keep their dotted-line notes when the other person is on another
slide: the mid-size deck had no "dotted" text at all (its full chart has 14 dotted lines)."""

from __future__ import annotations

from pathlib import Path

from orgviz.deck.build import DeckOptions, build_deck
from orgviz.loader import load

ORGS = Path(__file__).resolve().parents[2] / "orgs"


def test_designers_on_their_own_slide_name_their_product_director() -> None:
    deck = build_deck([(load(ORGS / "mid-size.yaml"), ())], DeckOptions())
    slides = {slide.title: slide for slide in deck.slides}
    picture = slides["Design & Research: Isabela Rocha"].picture
    assert picture is not None
    # the manager and her three designers, each on a dotted line to Marisol Ortega
    assert picture.svg.decode().count(">dotted line to Marisol Ortega<") == 4
    svgs = "".join(s.picture.svg.decode() for s in deck.slides if s.picture is not None)
    assert "dotted lines from 5 people" in svgs  # Marisol Ortega's card: all five, drawn or not
