"""Text fits its card as drawn in a PNG: measured with the installed fonts resvg uses.

A line mixing Latin with a script the chart's font lacks: resvg draws it in one family
that has all its characters (DejaVu Sans first, resvgfonts.SCRIPT_FAMILIES), whose Latin
is 12% (bold 18%) wider than the Helvetica the chart is measured in, so the line is
measured in that family's widths and wraps instead of running over the card's edges.
"""

from __future__ import annotations

import importlib.util
import io
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from orgviz.loader import load
from orgviz.render import RenderOptions, render, resvgfonts
from orgviz.render.cards import NAME_SIZE, PAD_X, TITLE_SIZE, WIDTH
from orgviz.render.labels import ellipsize, graphemes, mixes_scripts, text_width, wrapped

HAS_PIL = importlib.util.find_spec("PIL") is not None
HAS_RESVG = importlib.util.find_spec("resvg_py") is not None
INNER = WIDTH - 2 * PAD_X
#: Estimated to fit a card's name line in Helvetica (174.2 of 174 px); 204 px in DejaVu Sans Bold.
WIDE_NAME = "Richardson-Whitmore-Fit ع"


def font_width(family: str = "DejaVu Sans") -> Callable[[str, float, bool], float] | None:
    """The width of a text in an installed family (regular or bold), else None."""
    if not HAS_PIL:
        return None
    from PIL import ImageFont

    fonts = resvgfonts.installed_fonts()
    faces = {bold: fonts.face(family, bold, False) for bold in (False, True)}
    if None in faces.values():
        return None
    loaded = {bold: ImageFont.truetype(face.path, 200) for bold, face in faces.items() if face}

    def width(text: str, size: float, bold: bool) -> float:
        return loaded[bold].getlength(text) * size / 200

    return width


def test_only_text_with_letters_of_other_scripts_mixes_scripts() -> None:
    assert mixes_scripts("Omar ليلى") and mixes_scripts("王小明") and mixes_scripts("A 🚀")
    assert not mixes_scripts("José Ñúñez – Zoë, Ελένη, Ольга")
    assert not mixes_scripts("David Cohen דוד כהן")  # (the chart's fonts have Hebrew)
    assert not mixes_scripts("Engineer \u2068x\u2069 \u200b")  # format characters only


def test_a_mixed_line_is_measured_wider_than_its_latin_alone() -> None:
    latin = text_width("Richardson-Whitmore-Fit", NAME_SIZE, True)
    assert text_width(WIDE_NAME, NAME_SIZE, True) > 1.15 * latin
    assert text_width("Richardson-Whitmore-Fit", NAME_SIZE, True, wide=False) == latin
    # The Latin name alone fits one line; with an Arabic letter it wraps before the letter.
    assert wrapped("Richardson-Whitmore-Fit", INNER, NAME_SIZE, True, 2) == (
        "Richardson-Whitmore-Fit",)
    assert wrapped(WIDE_NAME, INNER, NAME_SIZE, True, 2) == ("Richardson-Whitmore-Fit", "ع")


def test_lines_of_a_mixed_text_are_measured_as_drawn() -> None:
    # The first line is all Latin (drawn in the chart's font): it is not wrapped sooner.
    lines = wrapped("Senior Director of Engineering Platforms محمد الراشدي", INNER,
                    TITLE_SIZE, False, 3)
    assert lines[0] == "Senior Director of Engineering"
    assert all(text_width(line, TITLE_SIZE) <= INNER for line in lines)


WORDS = st.sampled_from(["Richardson-Whitmore", "Mohammed", "WWWW", "Al-Rashidi", "Managing",
                         "Director,", "Worldwide", "Operations", "Jr.", "(EMEA)", "Strategy"])
ARABIC = st.sampled_from(["محمد", "ع", "الراشدي", "مديرة الهندسة", "ليلى"])


@pytest.mark.skipif(font_width() is None, reason="needs Pillow and DejaVu Sans")
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(WORDS, min_size=1, max_size=8), ARABIC, st.integers(0, 8), st.booleans())
def test_every_mixed_line_fits_the_card_in_dejavu_sans(words: list[str], arabic: str,
                                                       where: int, bold: bool) -> None:
    measure = font_width()
    assert measure is not None
    words.insert(min(where, len(words)), arabic)
    size = NAME_SIZE if bold else TITLE_SIZE
    for line in wrapped(" ".join(words), INNER, size, bold, 10):
        if mixes_scripts(line):  # drawn in DejaVu Sans by resvg
            assert measure(line, size, bold) <= INNER + 0.5, line


def card_ink_outside(png: bytes, svg: bytes, scale: float) -> int:
    """Dark pixels level with the root card's name line but left or right of the card."""
    from PIL import Image

    left, top = map(float, re.search(rb'<g transform="translate\(([\d.]+) ([\d.]+)\)"',
                                     svg).groups())
    image = Image.open(io.BytesIO(png)).convert("L")
    y0, y1 = int((top + 12) * scale), int((top + 32) * scale)
    dark = 0
    for x0, x1 in ((0, int((left - 1) * scale)), (int((left + WIDTH + 1) * scale), image.width)):
        strip = image.crop((x0, y0, x1, y1))
        dark += sum(count for gray, count in enumerate(strip.histogram()) if gray < 140)
    return dark


@pytest.mark.skipif(not (HAS_PIL and HAS_RESVG), reason="needs Pillow and resvg-py")
def test_a_mixed_name_stays_inside_its_card_in_a_png(org_file: Callable[..., Path]) -> None:
    if font_width() is None:
        pytest.skip("DejaVu Sans is not installed")
    org = load(org_file(f"orgviz: 1\norg: {{name: M, size: small}}\npeople:\n"
                        f"  - {{id: a, name: '{WIDE_NAME}', title: Founder}}\n"))
    options = RenderOptions(width=1000)
    svg, png = render(org, "svg", options), render(org, "png", options)
    from PIL import Image

    scale = Image.open(io.BytesIO(png)).width / float(re.search(rb'width="([\d.]+)"', svg)[1])
    assert card_ink_outside(png, svg, scale) == 0


LATIN = st.text(st.sampled_from("abcdefghijklmnopqrstuvwxyzWMIl.-,'&() "), min_size=1,
                max_size=200)


@pytest.mark.skipif(font_width("Liberation Sans") is None,
                    reason="needs Pillow and Liberation Sans")
@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(LATIN, st.booleans(), st.integers(1, 3))
def test_every_line_fits_the_card_in_liberation_sans(text: str, bold: bool,
                                                    lines: int) -> None:
    # Liberation Sans has Helvetica's widths: what resvg draws the chart's font with here.
    measure = font_width("Liberation Sans")
    assert measure is not None
    size = NAME_SIZE if bold else TITLE_SIZE
    for line in wrapped(text, INNER, size, bold, lines):
        assert measure(line, size, bold) <= INNER + 0.5, line


def test_an_ellipsis_is_measured_a_full_em() -> None:
    assert text_width("…", 10) == text_width("—", 10, True) == 10
    short = ellipsize("Pneumonoultramicroscopicsilicovolcanoconiosis", 120, NAME_SIZE, True)
    assert short.endswith("…") and text_width(short, NAME_SIZE, True) <= 120
    assert text_width(short[:-1] + ".", NAME_SIZE, True) < text_width(short, NAME_SIZE, True)


# --- graphemes: a line never breaks, nor an ellipsis cuts, inside what a reader sees as one

ATOMS = ["a", "W", "é", "e\u0301", "x\u0338\u0322\u031b", "👩🏽‍💻", "👨‍👩‍👧‍👦", "🏳️‍🌈", "🇬🇧",
         "🇫🇷", "🏴\U000e0067\U000e0062\U000e0073\U000e0063\U000e0074\U000e007f", "👍🏿",
         "王", "ก้ำ", "क्षि", "❤️", ","]
WORDS_OF_ATOMS = st.lists(st.lists(st.sampled_from(ATOMS), min_size=1, max_size=30),
                          min_size=1, max_size=6)


@settings(max_examples=300, deadline=None)
@given(WORDS_OF_ATOMS, st.integers(1, 3), st.sampled_from([40.0, 80.0, INNER]))
def test_lines_and_ellipses_cut_only_between_graphemes(words: list[list[str]], lines: int,
                                                       room: float) -> None:
    atoms = [atom for i, word in enumerate(words) for atom in [" "] * (i > 0) + word]
    text = "".join(atoms)
    boundaries = {0}
    for atom in atoms:
        boundaries.add(max(boundaries) + len(atom))
    at = 0
    for line in wrapped(text, room, NAME_SIZE, True, lines):
        body = line.removesuffix("…").rstrip()
        start = text.index(body, at)
        assert {start, start + len(body)} <= boundaries, (line, text)
        at = start + len(body)
    short = ellipsize(text, room, NAME_SIZE, True).removesuffix("…")
    assert text.startswith(short) and len(short) in boundaries, (short, text)


def test_graphemes_keep_marks_emoji_sequences_and_flags_whole() -> None:
    assert graphemes("a👩🏽‍💻🇬🇧🇫🇷e\u0301क्षि") == ["a", "👩🏽‍💻", "🇬🇧", "🇫🇷", "e\u0301", "क्षि"]
    # Each emoji of a sequence is measured: drawn one by one where no emoji font joins them.
    assert text_width("👨‍👩‍👧‍👦", 10) == 4 * text_width("👨", 10)


def test_a_shortened_last_line_adds_no_space_the_text_lacks() -> None:
    # A long word is cut after its commas; the ellipsized rest joined its pieces with a space.
    lines = wrapped("Operations,Finance,Legal,Procurement,Facilities,Security,Compliance",
                    80, TITLE_SIZE, False, 2)
    assert lines == ("Operations,", "Finance,Lega…")  # was "Finance, Leg…"
