"""A small team's chart grows to use its slide (up to names of MAX_CARD_TEXT points), in the
PDF and the PowerPoint deck alike; a crowded chart is drawn as large as before."""

from __future__ import annotations

import io
import re

import pytest
from pptx import Presentation
from pptx.util import Emu

from orgviz.deck import deck_bytes
from orgviz.deck.build import DeckOptions, build_deck
from orgviz.deck.frame import EMU_PER_PT, MAX_CARD_TEXT, MAX_SCALE, default_frame
from orgviz.deck.pages import _n, page_svg
from orgviz.loader import load
from orgviz.render.cards import NAME_SIZE

#: A VP of People with four reports: five cards, drawn small on a slide of their own.
PEOPLE = """\
orgviz: 1
org: {name: Few Co, size: small}
people:
  - {id: ceo, name: Ada Obi, title: Chief Executive Officer}
  - {id: cfo, name: Cy Tan, title: Chief Financial Officer, reports_to: ceo}
  - {id: vp, name: Bo Lind, title: VP of People, reports_to: ceo, team: people}
  - {id: r1, name: Deepa Iyer, title: Senior Technical Recruiter, reports_to: vp, team: people}
  - {id: r2, name: Marco Esposito, title: Recruiter, reports_to: vp, team: people}
  - {id: r3, name: Funmi Adeleke, title: People Partner, reports_to: vp, team: people}
  - {id: r4, name: Kirsten Larsen, title: People Ops Coordinator, reports_to: vp, team: people}
teams:
  - {id: people, name: People, lead: vp}
"""
_FONT = re.compile(rb'font-size="([0-9.]+)"')


def test_a_small_chart_fills_more_of_its_slide_up_to_the_cap() -> None:
    frame = default_frame()
    cap = MAX_CARD_TEXT / NAME_SIZE
    team = 9.5  # the smallest card text
    assert frame.fill_scale(400, 200, 9.0, team) == pytest.approx(cap)
    assert frame.fill_scale(912 / 1.2, 200, 9.0, team) == pytest.approx(1.2)  # the width
    assert frame.fill_scale(2000, 1000, 9.0, team) == frame.scale(2000, 1000, 9.0, team)
    # Never below what the minimum font needs.
    assert frame.fill_scale(400, 200, 9.0, 4.5) == frame.scale(400, 200, 9.0, 4.5) == 2.0


@pytest.fixture(scope="module")
def people(tmp_path_factory: pytest.TempPathFactory):
    path = tmp_path_factory.mktemp("few") / "few.yaml"
    path.write_text(PEOPLE, encoding="utf-8")
    return load(path)


def test_the_team_slide_draws_its_cards_larger(people) -> None:
    deck = build_deck([(people, ())], DeckOptions())
    slide = next(s for s in deck.slides if s.title == "People")
    picture = slide.picture
    assert picture is not None
    scale = picture.scale(deck.frame, deck.min_font)
    assert scale > 1.2 * MAX_SCALE
    largest = max(float(size) for size in _FONT.findall(picture.svg))
    assert largest * scale <= MAX_CARD_TEXT + 1e-6
    place = deck.frame.placed(picture.width, picture.height, deck.min_font, picture.min_text)
    area = deck.frame.chart
    assert place.w * place.h >= 0.5 * area.w * area.h
    assert place.right <= area.right + 1e-6 and place.bottom <= area.bottom + 1e-6
    # The PDF page nests the chart at that size.
    page = page_svg(deck, deck.slides.index(slide)).decode()
    assert f' width="{_n(place.w)}" height="{_n(place.h)}"' in page


def test_the_powerpoint_picture_is_as_large(people) -> None:
    deck = build_deck([(people, ())], DeckOptions())
    index = next(i for i, s in enumerate(deck.slides) if s.title == "People")
    picture = deck.slides[index].picture
    assert picture is not None
    place = deck.frame.placed(picture.width, picture.height, deck.min_font, picture.min_text)
    data, _ = deck_bytes([(people, ())], "pptx", DeckOptions())
    shapes = Presentation(io.BytesIO(data)).slides[index].shapes
    shown = [shape for shape in shapes if shape.shape_type == 13]  # PICTURE
    assert len(shown) == 1
    assert abs(shown[0].width - Emu(round(place.w * EMU_PER_PT))) <= EMU_PER_PT
    assert shown[0].width > picture.width * MAX_SCALE * 1.2 * EMU_PER_PT
