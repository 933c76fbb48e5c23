"""Slide titles of PowerPoint decks: a long org or team name is cut to the lines its box
holds, as the PDF deck draws it (a cover title ran up over the accent bar, a chart slide's
down over the subtitle and the chart)."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from deckkit import SMALL
from hypothesis import given, settings
from hypothesis import strategies as st
from pptx import Presentation

from orgviz.deck import deck_bytes
from orgviz.deck.build import DeckOptions
from orgviz.deck.frame import cover, default_frame
from orgviz.deck.pages import (
    COVER_TITLE_SIZE,
    MIN_TITLE_SIZE,
    SECTION_TITLE_SIZE,
    TITLE_SIZE,
)
from orgviz.deck.powerpoint import TITLE_SPARE, boxed_title
from orgviz.loader import load
from orgviz.render.labels import clean, wrapped

BOX = cover(default_frame())[1]
CHART_TITLE = default_frame().title
LONG = ("<script>alert('x')</script> & Sons \\\\N Ltd — a very long organisation name that "
        "keeps going and going beyond any reasonable title width")


def _lines(text: str, size: float, width: float = BOX.w) -> tuple[str, ...]:
    """The lines `text` takes in a title box, the cover's by default (ten counted at most)."""
    return wrapped(text, width, size, True, 10)


@settings(max_examples=200, deadline=None)
@given(st.text(min_size=1, max_size=300), st.sampled_from([COVER_TITLE_SIZE,
                                                           SECTION_TITLE_SIZE]))
def test_a_cover_title_takes_two_lines_at_most(text: str, size: float) -> None:
    title = boxed_title(text, BOX, size)
    assert len(_lines(title, size)) <= 2
    if len(_lines(text, size)) <= 1:
        assert title == " ".join(wrapped(text, BOX.w, size, True, 1))  # (a short one whole)


@settings(max_examples=200, deadline=None)
@given(st.one_of(st.text(min_size=1, max_size=300),
                 st.text(st.characters(min_codepoint=0x0E01, max_codepoint=0x0E4E)
                         | st.characters(min_codepoint=0x2D30, max_codepoint=0x2D67),
                         min_size=20, max_size=80)),  # Thai, Tifinagh: words unspaced
       st.sampled_from([COVER_TITLE_SIZE, SECTION_TITLE_SIZE, TITLE_SIZE]))
def test_a_boxed_title_is_the_start_of_the_text_as_written(text: str, size: float) -> None:
    # Cut short or not, the title is the text's own start: no space put inside a word.
    title = boxed_title(text, BOX, size)
    assert clean(text).startswith(title.removesuffix("…"))


#: Titles without spaces between words (Thai, Tifinagh) or with one word longer than the
#: box, that fit the cover's box but not within its spare room: wrapped in two and joined
#: with a space, they were cut in the middle of a word ('กกก…ก ก'). (Tifinagh is measured with
#: the face that draws it since 9f2712f, 0.69 em a letter in bold: 30 letters do that.)
UNSPACED = [("ก" * 34, COVER_TITLE_SIZE), ("กิ" * 42, SECTION_TITLE_SIZE),
            ("ⴰ" * 30, COVER_TITLE_SIZE), ("a" * 37, COVER_TITLE_SIZE),
            ("W" * 28, SECTION_TITLE_SIZE),
            ("ⴰⵣⵓⵍ " + "ⴰ" * 60, COVER_TITLE_SIZE)]


@pytest.mark.parametrize(("text", "size"), UNSPACED)
def test_a_title_cut_inside_a_word_keeps_the_word_whole(text: str, size: float) -> None:
    assert len(wrapped(text, BOX.w / TITLE_SPARE, size, True, 2)) == 2  # cut in the word
    title = boxed_title(text, BOX, size)
    if len(_lines(text, size)) <= 1:
        assert title == text
    else:
        assert title.endswith("…") and text.startswith(title[:-1])
        assert title.count(" ") == text[:len(title)].count(" ")
    assert len(_lines(title, size)) <= 2


@settings(max_examples=200, deadline=None)
@given(st.text(min_size=1, max_size=300))
def test_a_chart_slide_title_takes_one_line(text: str) -> None:
    title = boxed_title(text, CHART_TITLE, TITLE_SIZE)
    assert len(_lines(title, TITLE_SIZE, CHART_TITLE.w)) <= 1


def _titles(tmp_path: Path, name: str, *more: str) -> list[str]:
    paths = []
    for index, org_name in enumerate((name, *more)):
        path = tmp_path / f"org{index}.yaml"
        path.write_text(SMALL.replace("name: Tiny Co", f'name: "{org_name}"'), encoding="utf-8")
        paths.append(path)
    data, _count = deck_bytes([(load(path), ()) for path in paths], "pptx", DeckOptions())
    prs = Presentation(io.BytesIO(data))
    return [slide.shapes.title.text for slide in prs.slides if slide.shapes.title]


def test_a_long_org_name_is_cut_on_the_title_and_section_slides(tmp_path: Path) -> None:
    assert SMALL.count("name: Tiny Co") == 1
    [title, *_rest] = _titles(tmp_path, LONG)
    shown = LONG.replace("\\\\", "\\")
    assert title.endswith("…") and title[:-1] in shown and len(title) < len(shown)
    lines = _lines(title, COVER_TITLE_SIZE)
    assert len(lines) == 2 and lines[0].startswith("<script>alert('x')</script> & Sons \\N")
    # A comparison deck: each org's section slide too; a short name stays whole.
    titles = _titles(tmp_path, "Short Co", LONG)
    assert titles[0].startswith("Short Co and <script>") and titles[0].endswith("…")
    assert "Short Co" in titles
    [section, overview] = [t for t in titles if t.startswith("<script>")]
    assert section.endswith("…") and len(_lines(section, SECTION_TITLE_SIZE)) == 2
    # (the overview's title was the whole name and ": overview", over three lines; one,
    # drawn as small as a chart slide's title goes, MIN_TITLE_SIZE, before it is cut)
    assert overview.endswith("…") and len(_lines(overview, MIN_TITLE_SIZE,
                                                 CHART_TITLE.w)) == 1
    assert len(_lines(overview, TITLE_SIZE, CHART_TITLE.w)) == 2
