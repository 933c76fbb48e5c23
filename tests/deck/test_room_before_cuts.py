"""A slide's texts use the room there is before they are cut with "…": the 'reports to'
card grows beside a short title (and gives way to a long one), a long title is drawn
smaller, down to MIN_TITLE_SIZE, and the legend's labels take the footer's room."""

from __future__ import annotations

import io
import re

import pytest

from orgviz.deck.frame import default_frame
from orgviz.deck.pages import (
    FOOTER_SIZE,
    LEGEND_LABEL_W,
    MIN_TITLE_SIZE,
    REFERENCE_NAME_SIZE,
    REFERENCE_PAD,
    REFERENCE_TEXT_SIZE,
    REFERENCE_W,
    TITLE_SIZE,
    legend_items,
    page_svg,
    reference_box,
    reference_lines,
    title_width,
)
from orgviz.deck.slides import Deck, Reference, Slide
from orgviz.render.labels import text_width, xml_escape
from orgviz.render.themes import get_theme

FRAME = default_frame()
THEME = get_theme("light")
MANAGER = Reference("Katarzyna Nowak", "Director of Engineering, Clinic & Platform Engineering",
                    12)
LONG_TITLE = ("Home Office Science Directors: Open role (Director for Social Science and "
              "Chief Economist)")
SHORT_MANAGER = Reference("Bernard Silverman", "Chief Scientific Advisor", 4)


def deck_of(*slides: Slide) -> Deck:
    """A deck of these slides (after a title slide)."""
    return Deck("Deck", (Slide("title", "Deck"), *slides), FRAME, THEME, 9.0)


def page_texts(deck: Deck, index: int) -> list[tuple[float, str]]:
    """(font size, text) of each text of a slide's PDF page."""
    page = page_svg(deck, index).decode("utf-8")
    return [(float(size), text) for size, text in
            re.findall(r'<text [^>]*font-size="([\d.]+)"[^>]*>([^<]*)</text>', page)]


def test_a_reports_to_card_grows_for_a_long_title_beside_a_short_slide_title() -> None:
    slide = Slide("chart", "Clinic & Platform Engineering: Rachel Cohen", "x",
                  reports_to=MANAGER)
    card = reference_box(FRAME, slide)
    first, second = reference_lines(slide, card.w)
    assert second == f"{MANAGER.title} · slide 12"  # was "… Clinic & Platfo… · slide 12"
    assert card.w > REFERENCE_W and card.right == FRAME.title.right
    assert text_width(second, REFERENCE_TEXT_SIZE) <= card.w - REFERENCE_PAD
    assert text_width(slide.title, TITLE_SIZE, True) <= title_width(FRAME, slide)
    texts = [text for _, text in page_texts(deck_of(slide), 1)]
    assert xml_escape(second) in texts and xml_escape(first) in texts


def test_a_reports_to_card_gives_way_to_a_long_slide_title() -> None:
    slide = Slide("chart", LONG_TITLE, "x", reports_to=SHORT_MANAGER)
    card = reference_box(FRAME, slide)
    first, second = reference_lines(slide, card.w)
    assert card.w < REFERENCE_W and "…" not in first + second
    assert text_width(first, REFERENCE_NAME_SIZE, True) <= card.w - REFERENCE_PAD


def test_a_long_title_is_drawn_smaller_before_it_is_cut() -> None:
    slide = Slide("chart", LONG_TITLE, "x", reports_to=SHORT_MANAGER)
    [(size, text)] = [(size, text) for size, text in page_texts(deck_of(slide), 1)
                      if text.startswith("Home Office")]
    assert text == LONG_TITLE  # was "… Open role (Director for…"
    assert MIN_TITLE_SIZE <= size < TITLE_SIZE
    assert text_width(text, size, True) <= title_width(FRAME, slide)
    # Longer than MIN_TITLE_SIZE holds: cut, at that size.
    longer = Slide("chart", LONG_TITLE * 2, "x", reports_to=SHORT_MANAGER)
    [(size, text)] = [(size, text) for size, text in page_texts(deck_of(longer), 1)
                      if text.startswith("Home Office")]
    assert size == MIN_TITLE_SIZE and text.endswith("…")


def test_the_powerpoint_title_is_drawn_smaller_too() -> None:
    from pptx import Presentation

    from orgviz.deck.powerpoint import deck_pptx

    slide = Slide("chart", LONG_TITLE, "x", reports_to=SHORT_MANAGER)
    prs = Presentation(io.BytesIO(deck_pptx(deck_of(slide))))
    shape = prs.slides[1].shapes.title
    assert shape.text == LONG_TITLE
    sizes = {run.font.size.pt for p in shape.text_frame.paragraphs for run in p.runs}
    assert len(sizes) == 1 and MIN_TITLE_SIZE <= sizes.pop() < TITLE_SIZE


LEGEND = (("Home Office Science Directors", "#4C78A8"), ("Legal Adviser", "#F58518"),
          ("Centre for Applied Science & Technology (CAST)", "#54A24B"))


def test_legend_labels_are_whole_when_the_footer_has_room() -> None:
    items, left_out = legend_items(THEME, LEGEND, 24, 0, 700)
    assert [label for _, label, _ in items] == [label for label, _ in LEGEND]
    assert left_out == 0
    assert text_width(LEGEND[2][0], FOOTER_SIZE) > LEGEND_LABEL_W  # (was cut to it)


def _whole_end() -> float:
    """Where the legend's last entry ends with every label whole."""
    x = 24.0
    for label, _ in LEGEND:
        x += 12 + text_width(label, FOOTER_SIZE) + 14
    return x


@pytest.mark.parametrize("short", [10.0, 35.0])
def test_legend_labels_are_cut_only_as_much_as_the_footer_needs(short: float) -> None:
    room = _whole_end() - short
    items, left_out = legend_items(THEME, LEGEND, 24, 0, room)
    assert left_out == 0 and len(items) == 3
    label = items[2][1]
    assert label.endswith("…")
    assert text_width(label, FOOTER_SIZE) > LEGEND_LABEL_W
    end = items[2][0] + 12 + text_width(label, FOOTER_SIZE) + 14
    assert room - 12 <= end <= room  # (the room used, within the search's steps)
