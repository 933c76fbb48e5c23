"""Emoji are drawn in colour by an installed emoji font, the rest of their text in its own
font (emoji.py, resvgfonts.prepare)."""

from __future__ import annotations

import importlib.util
import io
import os
import tempfile
import unicodedata
from itertools import pairwise
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from renderkit import SMALL
from test_resvg_fonts import ARABIC, CJK, LATIN, STACK, FakeFonts
from test_text_fits import font_width

from orgviz.errors import RenderError
from orgviz.render import convert, emoji, pdftext, resvgfonts
from orgviz.render.convert import svg_to_png
from orgviz.render.emoji import all_emoji_font, emoji_runs, is_picture
from orgviz.render.labels import EMOJI_WIDTH, measured_for, mixes_scripts, text_width
from orgviz.render.resvgfonts import EMOJI_FAMILIES, Face, FontIndex, prepare

HAS_RESVG = importlib.util.find_spec("resvg_py") is not None
HAS_PIL = importlib.util.find_spec("PIL") is not None
PICTURES = {0x1F600, 0x1F680, 0x2728, 0x1F44D, 0x1F3FD, 0x1F469, 0x1F4BB}
#: An emoji font's coverage: its pictures, and the keycap bases and a space, as Noto's.
EMOJI = PICTURES | set(map(ord, "0123456789#* ")) | {0x20E3}
WITH_EMOJI = FakeFonts({
    ("Liberation Sans", 400): LATIN, ("Liberation Sans", 700): LATIN,
    ("Noto Color Emoji", 400): EMOJI,
    ("DejaVu Sans", 400): LATIN | ARABIC | {0x1F600},
    ("DejaVu Sans", 700): LATIN | ARABIC | {0x1F600},
})
NO_EMOJI = FakeFonts({
    ("Liberation Sans", 400): LATIN, ("Liberation Sans", 700): LATIN,
    ("DejaVu Sans", 400): LATIN | ARABIC | {0x1F600},
    ("DejaVu Sans", 700): LATIN | ARABIC | {0x1F600},
})


def spans(text: str) -> list[str]:
    return [text[start:stop] for start, stop in emoji_runs(text)]


@pytest.mark.parametrize(("text", "expected"), [
    ("Ana 🚀 Lima", ["🚀"]),
    ("CEO ✨", ["✨"]),  # (a picture by default, before U+1F000)
    ("👩\u200d💻 Dev", ["👩\u200d💻"]),  # joined by ZWJ: one emoji
    ("🇫🇷🇩🇪", ["🇫🇷🇩🇪"]),  # neighbours: one span
    ("1\ufe0f\u20e3 first", ["1\ufe0f\u20e3"]),  # a keycap
    ("❤\ufe0f love", ["❤\ufe0f"]),  # a symbol made a picture by the selector
    ("👍🏽 ok", ["👍🏽"]),  # with a skin tone
    ("🏴\U000e0067\U000e0062\U000e0073\U000e0063\U000e0074\U000e007f Scotland",
     ["🏴\U000e0067\U000e0062\U000e0073\U000e0063\U000e0074\U000e007f"]),  # a tag flag
    ("★ star, © 2026, ☺", []),  # symbols whose default look is text
    ("☺\ufe0e 🚀\ufe0e", []),  # the text selector: text
    ("a\u200db 1 #", []),  # a joiner between letters, digits alone
    ("🚀 x 🚀", ["🚀", "🚀"]),
])
def test_emoji_runs(text: str, expected: list[str]) -> None:
    assert spans(text) == expected


@pytest.mark.parametrize(("text", "sequences", "joined"), [
    ("Ana 👩\u200d💻🚀 Lee", ["👩\u200d💻", "🚀"], [6]),  # (💻 drawn with 👩: one picture)
    ("🇬🇧🇩🇪 🇫", ["🇬", "🇧", "🇩", "🇪", "🇫"], [1, 3]),  # (flags pair from the first letter)
    ("👩🏽\u200d💻 1\ufe0f\u20e3 a\u200d👩", ["👩🏽\u200d💻", "1\ufe0f\u20e3", "👩"], [3]),
    ("🏳\ufe0f\u200d🌈", ["🏳\ufe0f\u200d🌈"], [3]),
])
def test_emoji_sequences_and_the_emoji_joined_to_the_one_before(
        text: str, sequences: list[str], joined: list[int]) -> None:
    assert [text[start:stop] for start, stop in emoji.emoji_sequences(text)] == sequences
    assert emoji.joined(text) == joined


@given(st.text(alphabet=st.sampled_from(["a", " ", "1", "#", "🚀", "✨", "★", "\u200d",
                                         "\ufe0f", "\ufe0e", "\u20e3", "🏽", "ل"]),
               max_size=12))
def test_runs_are_ordered_apart_and_start_at_an_emoji(text: str) -> None:
    runs = emoji_runs(text)
    for (_, stop), (start, _) in pairwise(runs):
        assert stop < start  # (touching runs are joined)
    for start, stop in runs:
        assert 0 <= start < stop <= len(text)
        first, following = text[start], text[start + 1:start + 2]
        assert following != "\ufe0e"
        assert is_picture(first) or following in ("\ufe0f", "\u20e3")
        assert "a" not in text[start:stop] and "ل" not in text[start:stop]


def test_an_emoji_the_emoji_font_draws_does_not_choose_the_texts_family() -> None:
    svg = ('<svg xmlns="http://www.w3.org/2000/svg"><text font-weight="bold">Bo 😀</text>'
           '</svg>').encode()
    prepared = prepare(svg, WITH_EMOJI)
    # The text keeps the chart's font (DejaVu Sans, which has 😀 in monochrome, used to be
    # put first: "Bo" in another font, the emoji grey) ...
    assert prepared.svg is svg
    # ... and resvg reads the emoji font first, so that its fallback for 😀 is that font.
    assert prepared.font_files is not None
    assert prepared.font_files[0] == "Noto Color Emoji"
    assert sorted(prepared.font_files) == sorted(WITH_EMOJI.paths)
    # Without an emoji font: as before.
    before = prepare(svg, NO_EMOJI)
    assert before.font_files is None
    assert b"font-family=\"'DejaVu Sans', sans-serif\"" in before.svg


def test_the_rest_of_a_text_with_emoji_still_gets_its_family() -> None:
    svg = ('<svg xmlns="http://www.w3.org/2000/svg"><text>ليلى 🚀</text><text>Ada</text>'
           '</svg>').encode()
    prepared = prepare(svg, WITH_EMOJI)
    assert prepared.svg.decode() == (
        '<svg xmlns="http://www.w3.org/2000/svg"><text font-family="\'DejaVu Sans\', '
        'sans-serif">ليلى 🚀</text><text>Ada</text></svg>')
    assert prepared.font_files is not None and prepared.font_files[0] == "Noto Color Emoji"


def test_an_emoji_the_emoji_font_lacks_is_left_to_the_families() -> None:
    svg = '<svg xmlns="http://www.w3.org/2000/svg"><text>Bo 🦩</text></svg>'.encode()
    prepared = prepare(svg, WITH_EMOJI)  # (the fake emoji font has no flamingo)
    # (the font files as resvg reads them, each family's in the text's weight: the emoji
    # font not first; see test_resvg_fonts' weight tests)
    assert prepared.font_files == WITH_EMOJI.paths


def test_text_without_emoji_reads_no_fonts_first() -> None:
    svg = '<svg xmlns="http://www.w3.org/2000/svg"><text>ليلى</text></svg>'.encode()
    assert prepare(svg, WITH_EMOJI).font_files is None
    assert prepare(b'<svg xmlns="http://www.w3.org/2000/svg"><text>Ada</text></svg>',
                   WITH_EMOJI).font_files is None


def test_the_first_installed_emoji_family_is_used() -> None:
    fonts = FontIndex([Face("/f/apple.ttc", 0, ("apple color emoji",), 400, False, 5),
                       Face("/f/twemoji.ttf", 0, ("twemoji mozilla",), 400, False, 5)])
    assert EMOJI_FAMILIES.index("Apple Color Emoji") < EMOJI_FAMILIES.index("Twemoji Mozilla")
    face = resvgfonts.emoji_face(fonts)
    assert face is not None and face.path == "/f/apple.ttc"
    assert resvgfonts.emoji_face(FontIndex([])) is None


# --- drawn by resvg with the fonts of this machine ----------------------------------------

def installed_emoji() -> bool:
    return resvgfonts.emoji_face(resvgfonts.installed_fonts()) is not None


def colourful(png: bytes) -> int:
    """How many pixels are strongly coloured (not grey)."""
    from PIL import Image, ImageChops

    image = Image.open(io.BytesIO(png)).convert("HSV")
    strong = ImageChops.multiply(image.getchannel("S").point(lambda s: 255 if s > 120 else 0),
                                 image.getchannel("V").point(lambda v: 255 if v > 80 else 0))
    return strong.histogram()[255]


def drawn(text: str) -> bytes:
    svg = (f'<svg xmlns="http://www.w3.org/2000/svg" width="300" height="60" '
           f'font-family="{STACK}"><rect width="300" height="60" fill="#fff"/>'
           f'<text x="10" y="40" font-size="30" font-weight="bold">{text}</text></svg>')
    return svg_to_png(svg.encode())


@pytest.mark.skipif(not (HAS_RESVG and HAS_PIL), reason="needs resvg-py and Pillow")
def test_emoji_are_drawn_in_colour_and_the_name_in_its_own_font() -> None:
    if not installed_emoji():
        pytest.skip("no colour emoji font is installed (fonts-noto-color-emoji)")
    from PIL import Image, ImageChops

    assert colourful(drawn("Bo 😀")) > 100  # (DejaVu Sans's 😀 is black)
    # "Bo" is drawn as it is alone: the same pixels left of the emoji.
    alone = Image.open(io.BytesIO(drawn("Bo"))).convert("L")
    mixed = Image.open(io.BytesIO(drawn("Bo 😀"))).convert("L")
    inked = ImageChops.invert(alone).getbbox()
    assert inked is not None
    box = (0, 0, inked[2] + 1, mixed.height)
    assert alone.crop(box).tobytes() == mixed.crop(box).tobytes()
    assert drawn("Bo 😀") == drawn("Bo 😀")


def test_an_emoji_is_measured_wider_than_an_em() -> None:
    assert text_width("🚀✨", 10) == pytest.approx(2 * EMOJI_WIDTH / 100)
    assert text_width("王", 10) == pytest.approx(10.0)  # (CJK: an em)
    assert text_width("★", 10) < 10.0  # (a symbol drawn as text)


@pytest.mark.parametrize("text", ["❤\ufe0f", "✔\ufe0f", "1\ufe0f\u20e3", "#\ufe0f\u20e3"])
def test_a_symbol_made_a_picture_by_its_selector_is_measured_as_a_picture(text: str) -> None:
    # (❤️ was measured as a text heart, 0.6 em, and drawn 1.25 em wide: past its card)
    picture = EMOJI_WIDTH / 100
    assert text_width(text, 10) == pytest.approx(picture)
    assert text_width(f"Bo {text} x", 10, wide=True) == pytest.approx(
        text_width("Bo ", 10, wide=True) + picture + text_width(" x", 10, wide=True))
    assert text_width(text * 2, 10) == pytest.approx(2 * picture)


@pytest.mark.skipif(not (HAS_RESVG and HAS_PIL), reason="needs resvg-py and Pillow")
@pytest.mark.parametrize("text", ["🚀🚀🚀🚀🚀", "✨😀👍🏽🇫🇷", "Ada 🚀 Obi ✨",
                                  "❤\ufe0f✔\ufe0f1\ufe0f\u20e3", "🚀 🎉 🚀",
                                  "Ana ™\ufe0f ©\ufe0f Lima", "🚀 ™\ufe0f 2026", "🀄🂡🂡 🄰🞅🁣",
                                  "Cy 😀👍🏽 Obi", "Ana 👩\u200d💻 Dev", "Jo 🇩🇪 Berg",
                                  "Bo 1\ufe0f\u20e3 x", "Bo ▶\ufe0f x", "☝🏽 Ida"])
def test_drawn_emoji_fit_the_width_measured(text: str) -> None:
    if not installed_emoji():
        pytest.skip("no colour emoji font is installed (fonts-noto-color-emoji)")
    from PIL import Image, ImageChops

    svg = (f'<svg xmlns="http://www.w3.org/2000/svg" width="1400" height="160" '
           f'font-family="{STACK}"><rect width="1400" height="160" fill="#fff"/>'
           f'<text x="10" y="120" font-size="100">{text}</text></svg>')
    image = Image.open(io.BytesIO(svg_to_png(svg.encode()))).convert("L")
    inked = ImageChops.invert(image).getbbox()
    assert inked is not None
    with measured_for("png"):  # (👩‍💻 and 🇩🇪 drawn whole: one emoji wide, as browsers draw)
        width = text_width(text, 100)
    # (drawn at 1x: 1 px a unit; a letter's ink may pass its advance by a pixel, as the last
    # "a" of "Ana Lima" does)
    assert inked[2] - 10 <= width + 1
    if text in ("🚀 🎉 🚀", "Ana ™\ufe0f ©\ufe0f Lima", "🚀 ™\ufe0f 2026", "🀄🂡🂡 🄰🞅🁣",
                "Cy 😀👍🏽 Obi", "Ana 👩\u200d💻 Dev", "Jo 🇩🇪 Berg", "Bo ▶\ufe0f x",
                "✨😀👍🏽🇫🇷"):
        # ... and not much wider: the spaces of "🚀 🎉 🚀" are as wide as the emoji font draws
        # them, ™️ as the text ™ it is drawn as, a playing card as text (no gaps), a flag
        # and a ZWJ sequence as the one emoji they are drawn as
        assert inked[2] - 10 >= width * 0.9


def test_an_emoji_drawn_as_text_by_default_that_the_charts_font_lacks_is_measured_wide(
        ) -> None:
    # (❤ ▶ ✔ without U+FE0F: a PNG draws them in colour where the emoji font draws them, in
    # a line drawn in two fonts, beside ❤️, ▶ beside Latin; else DejaVu Sans's ❤ is 0.84
    # em: measured as text, 0.6 em, they passed their card)
    picture = EMOJI_WIDTH / 100
    for char in ("\u2764", "\u25b6", "\u2714", "\u2708", "\u2139", "\u2196"):
        assert text_width(char, 10) == pytest.approx(picture), char
        assert text_width(f"Bo {char} x", 10) == pytest.approx(
            text_width("Bo ", 10, wide=mixes_scripts(char)) + picture
            + text_width(" x", 10, wide=mixes_scripts(char))), char
    assert text_width("Bo \u2328", 10) == pytest.approx(  # (DejaVu Sans's ⌨ is wider)
        text_width("Bo ", 10, wide=True) + 14.43)
    assert text_width("क्ष \u2764", 10) == pytest.approx(
        text_width("क्ष ", 10, wide=True) + picture)
    # (what the chart's font has stays text: ™ ↔ ♥ ©, and a digit)
    for char in ("\u2122", "\u2194", "\u2665", "\u00a9", "1"):
        assert text_width(f"Bo {char}", 10) < text_width("Bo ", 10) + 10.01, char


@pytest.mark.skipif(not (HAS_RESVG and HAS_PIL), reason="needs resvg-py and Pillow")
@pytest.mark.parametrize("text", ["Bo \u25b6 x", "Bo \u2764 x", "Bo \u2714 \u2708 x", "क्ष \u2764",
                                  "राम \u25b6 क्ष", "Rao क्ष \u25b6", "سلام \u2764\ufe0f \u2764",
                                  "שׁלום \u2764\ufe0f x \u2764", "سلام \u2764", "Bo 😀 \u2764",
                                  "王小明 \u25b6", "Bo \u2328 x", "\u25b6 \u2764 Ida"])
@pytest.mark.parametrize("weight", ["bold", "normal"])
def test_emoji_drawn_as_text_by_default_fit_the_width_measured(text: str, weight: str) -> None:
    if not installed_emoji():
        pytest.skip("no colour emoji font is installed (fonts-noto-color-emoji)")
    from PIL import Image, ImageChops

    # (with an emoji in another text of the drawing, resvg reads the emoji font first, and
    # its fallback draws ▶ beside Latin in colour; without, with a text font)
    for other in ("", '<text x="10" y="280" font-size="100">🚀</text>'):
        svg = (f'<svg xmlns="http://www.w3.org/2000/svg" width="1400" height="300" '
               f'font-family="{STACK}"><rect width="1400" height="300" fill="#fff"/>'
               f'<text x="10" y="120" font-size="100" font-weight="{weight}">{text}</text>'
               f"{other}</svg>")
        image = Image.open(io.BytesIO(svg_to_png(svg.encode()))).convert("L")
        inked = ImageChops.invert(image.crop((0, 0, 1400, 160))).getbbox()
        assert inked is not None
        assert inked[2] - 10 <= text_width(text, 100, weight == "bold") + 1, other


@pytest.mark.parametrize("char", ["🀄", "🃏", "🟠", "🆎", "🆗", "🇫", "🏽", "⌚", "✨", "🫩"])
def test_pictures_are_the_emoji_presentation_characters(char: str) -> None:
    assert is_picture(char)


@pytest.mark.parametrize("char", ["🁣", "🂡", "🄰", "🞅", "🀀", "🅐", "★", "©", "™", "王", "a"])
def test_other_symbols_of_the_emoji_planes_are_not_pictures(char: str) -> None:
    # (Mahjong and domino tiles, playing cards, enclosed letters, geometric shapes: text)
    assert not is_picture(char)
    assert text_width(char, 10) <= 10.0


def test_the_emoji_tables_are_unicodes_emoji_data() -> None:
    regex = pytest.importorskip("regex")  # (its \p{...} are Unicode's properties)
    presentation = regex.compile(r"\p{Emoji_Presentation}")
    any_emoji = regex.compile(r"\p{Emoji}")
    for first, last in emoji.PICTURES:
        assert all(presentation.match(chr(point)) for point in range(first, last + 1))
    for first, last in emoji.TEXT_EMOJI:
        assert all(any_emoji.match(chr(point)) and not presentation.match(chr(point))
                   for point in range(first, last + 1))
    assert sum(last - first + 1 for first, last in emoji.PICTURES) >= 1200


@pytest.mark.parametrize("text", ["™\ufe0f", "©\ufe0f", "#\ufe0f", "♥\ufe0f"])
def test_a_symbol_the_charts_font_has_stays_text_with_the_selector(text: str) -> None:
    # resvg draws ™️ with the chart's font, which has ™: as text, not a 1.275 em picture
    assert text_width(f"Bo {text} x", 10) == pytest.approx(
        text_width(f"Bo {text[0]} x", 10))
    assert text_width(f"Bo {text} x", 10) < text_width("Bo  x", 10) + EMOJI_WIDTH / 100


def test_the_emoji_the_charts_font_has_are_measured_at_its_widths() -> None:
    # (one table: the set is its keys)
    assert set(emoji.CHART_FONT_EMOJI_WIDTHS) == emoji.CHART_FONT_EMOJI
    assert len(emoji.CHART_FONT_EMOJI) == 15
    for char, width in emoji.CHART_FONT_EMOJI_WIDTHS.items():
        assert emoji.is_text_emoji(char)
        assert text_width(char, 1000) == text_width(char, 1000, True) == width
        assert text_width(f"Bo {char}\ufe0f x", 1000, wide=False) == 2279 + width  # ("Bo  x")
    assert text_width("\u00a9", 1000) == 737 and text_width("\u263a", 1000) == 1021


@pytest.mark.skipif(font_width("Liberation Sans") is None,
                    reason="needs Pillow and Liberation Sans")
def test_the_emoji_the_charts_font_has_are_those_of_liberation_sans() -> None:
    # Liberation Sans (Arial's metrics) has these emoji, and no other emoji drawn as text
    # by default, at these widths (regular or bold: the wider, to a unit).
    fonts = resvgfonts.installed_fonts()
    measure = font_width("Liberation Sans")
    assert measure is not None
    for bold in (False, True):
        face = fonts.face("Liberation Sans", bold, False)
        assert face is not None
        has = {chr(point) for first, last in emoji.TEXT_EMOJI
               for point in range(first, last + 1) if fonts.has_all(face, [point])}
        assert has == emoji.CHART_FONT_EMOJI
    for char, width in emoji.CHART_FONT_EMOJI_WIDTHS.items():  # (▪: 354.5 as 354)
        assert max(measure(char, 1000, False), measure(char, 1000, True)) == pytest.approx(
            width, abs=0.6)


#: Symbols past pdftext.SIMPLE_RANGES that the chart's font has (WGL4's, as Arial), and the
#: wider of their widths in Liberation Sans and Liberation Sans Bold.
SYMBOL_WIDTHS = {"\u2302": 604, "\u2310": 584, "\u2320": 604, "\u2321": 604,
                 "\u263a": 1021, "\u263b": 1052, "\u263c": 917, "\u2640": 750,
                 "\u2642": 750, "\u2660": 531, "\u2663": 656, "\u2665": 594,
                 "\u2666": 510, "\u266a": 500, "\u266b": 750}


def test_a_symbol_the_charts_font_has_is_measured_in_that_font() -> None:
    # ☺ ♥ ♠ ...: a PNG draws them with the chart's font, as the Latin beside them; they were
    # taken for letters of another script, and the line measured in DejaVu Sans's wider
    # widths ("Bo ☺️ x": 3547, drawn 3300), so that names wrapped early.
    assert frozenset(SYMBOL_WIDTHS) == pdftext.CHART_FONT_SYMBOLS
    assert text_width("Bo \u263a\ufe0f x", 1000) == 3300
    for char, width in SYMBOL_WIDTHS.items():
        assert not mixes_scripts(f"Ada {char} Lee") and not mixes_scripts(char + "\ufe0f")
        assert text_width(char, 1000) == text_width(char, 1000, True) == width
        assert text_width(f"Bo {char} x", 1000) == 2279 + width  # ("Bo  x")
    assert mixes_scripts("Ada \u2605 Lee") and mixes_scripts("Ada \u263f")  # (★, ☿: not WGL4)


@pytest.mark.skipif(font_width("Liberation Sans") is None,
                    reason="needs Pillow and Liberation Sans")
def test_the_symbols_the_charts_font_has_are_those_of_liberation_sans() -> None:
    # Liberation Sans (regular and bold) has them at these widths; of the other symbols of
    # their blocks it has only astrological and music signs Arial lacks (☿ ♁ ♃-♇ ♩ ♬ ♯).
    fonts = resvgfonts.installed_fonts()
    measure = font_width("Liberation Sans")
    assert measure is not None
    extra = set("\u263f\u2641\u2643\u2644\u2645\u2646\u2647\u2669\u266c\u266f")
    for bold in (False, True):
        face = fonts.face("Liberation Sans", bold, False)
        assert face is not None
        has = {chr(point) for point in range(0x2300, 0x2700) if fonts.has_all(face, [point])
               and not any(low <= point <= high for low, high in pdftext.SIMPLE_RANGES)}
        assert has == set(SYMBOL_WIDTHS) | extra
    for char, width in SYMBOL_WIDTHS.items():
        assert max(measure(char, 1000, False), measure(char, 1000, True)) == pytest.approx(
            width, abs=0.6)


def test_text_the_emoji_font_draws_whole_is_measured_as_it_draws_it() -> None:
    # "🚀 🎉": the emoji font has every character, so resvg draws all of it with that font,
    # its space written as the four-per-em space, a quarter of an em (emoji.NARROW_SPACE)
    assert all_emoji_font("🚀 🎉") and all_emoji_font("🚀 ™\ufe0f 2026")
    assert text_width("🚀 🎉", 10) == pytest.approx((2 * EMOJI_WIDTH + 250) / 100)
    assert not all_emoji_font("Ana 🚀") and not all_emoji_font("™\ufe0f 2026")
    assert not all_emoji_font("🚀 🂡")  # (the emoji font has no playing cards)
    assert text_width("Ana 🚀", 10) == pytest.approx(
        text_width("Ana ", 10, wide=True) + EMOJI_WIDTH / 100)


def test_a_space_between_emoji_the_emoji_font_draws_all_of_is_narrow() -> None:
    """"👩‍💻 🚀" had a gap an emoji wide in a PNG: the emoji font drew its space, as wide as an
    emoji. It is written as the four-per-em space, which that font draws a quarter of an em
    wide, and measured so; spaces at the ends (XML white space) and texts with letters stay."""
    svg = ('<svg xmlns="http://www.w3.org/2000/svg"><text>👩\u200d💻 🚀</text>'
           '<text>🇩🇪  👍🏽</text><text>Ana 🚀</text><text>🚀🎉</text></svg>').encode()
    assert prepare(svg, EMOJI_AND_MORE).svg.decode() == (
        '<svg xmlns="http://www.w3.org/2000/svg"><text>👩\u200d💻\u2005🚀</text>'
        '<text>🇩🇪\u2005\u2005👍🏽</text><text>Ana 🚀</text><text>🚀🎉</text></svg>')
    assert emoji.narrowed(" 🚀 🎉 ") == " 🚀\u2005🎉 " and emoji.narrowed("🚀") == "🚀"
    assert text_width("🚀 🚀", 10) - text_width("🚀🚀", 10) == pytest.approx(2.5)


# --- emoji sequences written apart for resvg's fallback (emoji.separated) -----------------

ZWNJ = "\u200c"
SCOTLAND = "🏴\U000e0067\U000e0062\U000e0073\U000e0063\U000e0074\U000e007f"
#: What separated may add or leave out: selectors, joiners, the keycap mark, tags, tones.
JOINING = {"\ufe0f", "\u200d", "\u200c", "\u20e3"} | {chr(p) for p in range(0x1F3FB, 0x1F400)} \
    | {chr(p) for p in range(0xE0020, 0xE0080)}


@pytest.mark.parametrize(("text", "expected"), [
    ("Cy 😀👍🏽 Obi", "Cy 😀👍 Obi"),  # the skin tone left out (not a swatch)
    ("Ana 👩\u200d💻 Dev", f"Ana 👩{ZWNJ}💻 Dev"),  # a ZWJ sequence: its emoji side by side
    ("👩🏽\u200d💻", f"👩{ZWNJ}💻"),
    ("🏳\ufe0f\u200d🌈 Ally", f"🏳{ZWNJ}🌈 Ally"),
    ("Jo 🇩🇪 Berg", f"Jo 🇩{ZWNJ}🇪 Berg"),  # a flag: its two letters
    (f"Al {SCOTLAND} Reid", "Al 🏴 Reid"),  # a subdivision flag: the black flag
    ("Bo 1\ufe0f\u20e3 x #\ufe0f\u20e3", "Bo 1 x #"),  # a keycap: its digit, as text
    ("Bo ❤\ufe0f x ▶\ufe0f", "Bo ❤ x ▶"),  # the selector left out
    ("☝🏽 up", "☝ up"),  # a text emoji with a skin tone is an emoji too
    ("Bo 🏽 x", "Bo 🏽 x"),  # a tone alone: a swatch, kept
    ("Ada Obi", "Ada Obi"), ("a\u200db ☺\ufe0e 1🏽", "a\u200db ☺\ufe0e 1🏽"),  # no emoji
])
def test_emoji_sequences_are_written_apart(text: str, expected: str) -> None:
    assert emoji.separated(text) == expected


def _kept(text: str) -> str:
    return "".join(char for char in text if char not in JOINING)


@given(st.text() | st.text(alphabet=st.sampled_from(
    ["a", " ", "1", "#", "*", "🚀", "✨", "★", "☝", "❤", "™", "👩", "💻", "🇩", "🇪", "🏴", "🏽",
     "🏿", "\u200d", "\u200c", "\ufe0f", "\ufe0e", "\u20e3", "\U000e0067", "\U000e007f",
     "ل", "é", "e", "\u0301", "\ufa10", "\u2126"]), max_size=16))
def test_writing_apart_keeps_every_letter_and_emoji_and_is_idempotent(text: str) -> None:
    once = emoji.separated(text)
    assert _kept(once) == _kept(text)  # (only joining characters and tones change)
    assert emoji.separated(once) == once
    assert resvgfonts.apart(resvgfonts.apart(text)) == resvgfonts.apart(text)
    # (what NFC replaces on its own stays: a CJK compatibility ideograph, the ohm sign
    # where no mark follows it, which NFC would compose it with)
    assert unicodedata.normalize("NFC", resvgfonts.apart(text)) == unicodedata.normalize(
        "NFC", once)
    assert resvgfonts.apart(text).count("\ufa10") == text.count("\ufa10")
    alone = sum(1 for at, char in enumerate(once) if char == "\u2126" and not (
        once[at + 1:at + 2] and unicodedata.category(once[at + 1])[0] == "M"))
    assert resvgfonts.apart(text).count("\u2126") >= alone
    if not emoji_runs(text):
        assert once == text


@pytest.mark.parametrize(("text", "drawn_as"), [
    ("Ana 👩\u200d💻 Lee", "Ana 🚀 Lee"), ("Jo 🇩🇪 Berg", "Jo 🚀 Berg"),
    ("👩🏽\u200d💻🇬🇧🇩🇪 Bo", "🚀🚀🚀 Bo"), ("王小明 🇨🇳", "王小明 🚀"), ("👩\u200d💻 🇬🇧", "🚀 🚀")])
def test_a_sequence_drawn_whole_is_measured_as_one_emoji_in_a_png(
        text: str, drawn_as: str) -> None:
    if not installed_emoji():
        pytest.skip("no colour emoji font is installed (fonts-noto-color-emoji)")
    # (a PNG draws 👩‍💻 and 🇩🇪 as one picture each; an SVG is measured as written apart: a
    # browser on Windows draws a flag as its two letters)
    with measured_for("png"):
        assert text_width(text, 10) == pytest.approx(text_width(drawn_as, 10))
    assert text_width(text, 10) > text_width(drawn_as, 10) + EMOJI_WIDTH / 100 - 0.01
    # Where they are written apart (a lam-alef beside them), they are measured so.
    with measured_for("png"):
        assert text_width(f"\u0644\u0627 {text}", 10) > text_width(
            f"\u0644\u0627 {drawn_as}", 10) + EMOJI_WIDTH / 100 - 0.01


def test_a_skin_tone_adds_no_width() -> None:
    # (👍🏽 is one picture in a browser and in a PNG of it alone; with letters the PNG draws 👍)
    assert text_width("👍🏽", 10) == pytest.approx(EMOJI_WIDTH / 100)
    assert text_width("Cy 😀👍🏽 Obi", 10) == pytest.approx(text_width("Cy 😀👍 Obi", 10))
    assert text_width("☝🏽", 10) == pytest.approx(EMOJI_WIDTH / 100)
    assert text_width("Bo 🏽", 10) == pytest.approx(text_width("Bo 👍", 10))  # (a swatch)


EMOJI_AND_MORE = FakeFonts({
    ("Liberation Sans", 400): LATIN, ("Liberation Sans", 700): LATIN,
    ("Noto Color Emoji", 400): EMOJI | {0x25B6, 0x2764, 0x1F1E9, 0x1F1EA, 0xFE0F, 0x200D},
})


def test_a_text_with_letters_has_its_emoji_written_apart_for_resvg() -> None:
    svg = ('<svg xmlns="http://www.w3.org/2000/svg"><text font-weight="bold">Cy 😀👍🏽 Obi</text>'
           '<text>Ana 👩\u200d💻 Dev &amp; Jo 🇩🇪</text><text>▶\ufe0f next</text>'
           '<text>👍🏽 🇩🇪</text><text>Ada Obi</text></svg>').encode()
    prepared = prepare(svg, EMOJI_AND_MORE)
    assert prepared.svg.decode() == (
        '<svg xmlns="http://www.w3.org/2000/svg"><text font-weight="bold">Cy 😀👍 Obi</text>'
        f'<text>Ana 👩{ZWNJ}💻 Dev &amp; Jo 🇩{ZWNJ}🇪</text><text>▶ next</text>'
        '<text>👍🏽\u2005🇩🇪</text><text>Ada Obi</text></svg>')  # (all emoji: drawn as they are,
    # the space a narrow one)
    assert prepared.font_files is not None and prepared.font_files[0] == "Noto Color Emoji"
    # Without a colour emoji font nothing is written apart.
    assert b"\xf0\x9f\x8f\xbd" in prepare(svg, NO_EMOJI).svg  # (the skin tone, U+1F3FD)


SEQUENCES = FakeFonts({
    ("Liberation Sans", 400): LATIN | {0xE9, 0x2122}, ("Liberation Sans", 700): LATIN,
    ("Noto Color Emoji", 400): EMOJI | {0x25B6, 0x2764, 0x1F1E9, 0x1F1EA, 0x200D},
    ("DejaVu Sans", 400): LATIN | {0x2764, 0xFE0F},
    ("Noto Sans CJK SC", 400): LATIN | CJK,
})


def test_a_text_with_letters_has_its_emoji_sequences_whole_in_the_emoji_font() -> None:
    # (resvg draws each <tspan> from the whole text shaped with its font and takes the glyphs
    # of the first span as those the others replace: the first span in the emoji font makes
    # each sequence one picture there, its letters replaced one for one by the text's font)
    svg = (f'<svg xmlns="http://www.w3.org/2000/svg" font-family="{STACK}">'
           '<text>Ana 👩\u200d💻 Dev &amp; Jo 🇩🇪1\ufe0f\u20e3</text>'
           '<text> 👍🏽 Jose\u0301 ™\ufe0f \u2764</text><text>王小明 👍🏽</text>'
           '<text font-family="DejaVu Sans">Bo \u2764\ufe0f</text>'
           '<text>Cy <tspan>👍🏽</tspan></text><text>👍🏽 🇩🇪</text>'
           '</svg>').encode()
    prepared = prepare(svg, SEQUENCES)
    first = f"<tspan font-family=\"'Noto Color Emoji'\" letter-spacing=\"0\">{ZWNJ}</tspan>"
    assert prepared.svg.decode() == (
        f'<svg xmlns="http://www.w3.org/2000/svg" font-family="{STACK}">'
        f"<text>{first}Ana {IN_EMOJI_FONT}👩\u200d💻</tspan> Dev &amp; Jo "
        f"{IN_EMOJI_FONT}🇩🇪1\ufe0f\u20e3</tspan></text>"
        # (after the white space resvg drops; ™️ as the chart's font's ™, as before; ❤ the
        # chart's font lacks: the emoji font's, as resvg's fallback drew it)
        f"<text> {first}{IN_EMOJI_FONT}👍🏽</tspan> Jos\u00e9 ™ {IN_EMOJI_FONT}\u2764</tspan>"
        f"</text><text font-family=\"'Noto Sans CJK SC', {STACK}\">{first}王小明 "
        f"{IN_EMOJI_FONT}👍🏽</tspan></text>"
        # (DejaVu Sans has "B", ❤ and the selector: resvg's fallback for the "B" of the emoji
        # span's text, that family read first, would draw all of it, ❤ in black: apart)
        '<text font-family="DejaVu Sans">Bo \u2764</text>'
        # (a <tspan> of the text starts no span of the emoji font: written apart)
        "<text>Cy <tspan>👍</tspan></text>"
        "<text>👍🏽\u2005🇩🇪</text></svg>")  # (all emoji: drawn whole by the emoji font)
    # The emoji font read first, then the families of the texts' letters.
    assert prepared.font_files is not None
    assert prepared.font_files[:3] == ["Noto Color Emoji", "Liberation Sans", "Noto Sans CJK SC"]
    assert resvgfonts.draws_sequences_whole("Ana 👩\u200d💻", STACK, False, False, SEQUENCES)
    assert resvgfonts.draws_sequences_whole("Bo \u2764\ufe0f", STACK, False, False, SEQUENCES)
    assert not resvgfonts.draws_sequences_whole("Bo \u2764\ufe0f", "DejaVu Sans", False,
                                                False, SEQUENCES)
    assert not resvgfonts.draws_sequences_whole("Ana 🚀", STACK, False, False, SEQUENCES)


@given(st.text(alphabet=st.sampled_from(["a", " ", "\t", "&", "<", "1", "#", "🚀", "👩", "💻",
                                         "\u200d", "🇬", "🇧", "🏽", "\u2764", "\ufe0f",
                                         "\u20e3", "\u2122", "☝"]), max_size=12))
def test_sequences_written_whole_keep_the_text_and_each_picture_in_the_emoji_font(
        text: str) -> None:
    written = resvgfonts.whole_in_emoji_font(text, "E")
    tag, first = "<tspan font-family=\"'E'\">", "<tspan font-family=\"'E'\" letter-spacing=\"0\">"
    lead = len(text) - len(text.lstrip(" \t\n\r"))
    assert written.startswith(f"{text[:lead]}{first}{ZWNJ}</tspan>")
    written = written.replace(first, tag, 1)
    spans = written.split(tag)
    # (each picture whole in a tspan of its own font, the rest as `separated` writes it)
    pictures = [piece.split("</tspan>")[0] for piece in spans[2:]]
    assert pictures == [text[start:stop] for start, stop in resvgfonts.picture_spans(text)]
    plain = written.replace(tag, "").replace("</tspan>", "").replace(ZWNJ, "", 1)
    plain = plain.replace("&lt;", "<").replace("&amp;", "&")
    assert emoji.separated(plain) == emoji.separated(text)


def test_emoji_sequences_beside_letters_that_join_are_written_apart() -> None:
    # (a lam-alef, a conjunct, a mark: fewer or more glyphs in one font than in the other,
    # which usvg 0.48 garbles or panics on, layout.rs:953, where the first span's glyphs
    # are the emoji font's)
    emoji = resvgfonts.emoji_face(SEQUENCES)
    letters = FakeFonts({("Liberation Sans", 400): LATIN | set(range(0x300, 0x370)) | {
        0x644, 0x627, 0x915, 0x94D, 0x937, 0x5E9, 0x5C1, 0x1100, 0x1161}, **{
        key: points for key, points in SEQUENCES.coverage_by_name().items()
        if key[0] != "Liberation Sans"}})
    assert emoji is not None
    assert resvgfonts.whole_sequence_files(
        "q 👍🏽", resvgfonts.first_face(STACK, False, False, letters), emoji, letters)
    for text in ("\u0644\u0627 👩\u200d💻", "क्ष 👍🏽", "\u05e9\u05c1 🇩🇪", "q\u0303 👍🏽",
                 "\u1100\u1161 👍🏽"):
        assert resvgfonts.whole_sequence_files(
            text, resvgfonts.first_face(STACK, False, False, letters), emoji, letters) is None
    assert resvgfonts.one_glyph_each("\uac00") and not resvgfonts.one_glyph_each("\u1100")


def test_a_decomposed_letter_is_composed_where_emoji_are_written_apart() -> None:
    # ("e" and an accent: one glyph in Liberation Sans, two in the emoji font: boxes)
    svg = '<svg xmlns="http://www.w3.org/2000/svg"><text>Jose\u0301 👍🏽</text></svg>'.encode()
    assert prepare(svg, EMOJI_AND_MORE).svg.decode().endswith("<text>Jos\u00e9 👍</text></svg>")


def test_a_compatibility_ideograph_stays_where_emoji_are_written_apart() -> None:
    # (NFC made U+FA10 U+585A, which CJK fonts draw otherwise: the PNG differed from the SVG)
    assert resvgfonts.apart("\ufa10\uf907 Lee 👍🏽") == "\ufa10\uf907 Lee 👍"
    assert resvgfonts.apart("\U0002f800 \u2126 Jose\u0301 🇩🇪") == (
        f"\U0002f800 \u2126 Jos\u00e9 🇩{ZWNJ}🇪")
    assert resvgfonts.apart("e\u0340 🚀") == "\u00e8 🚀"  # (a mark NFC replaces: composed)
    # ... and one followed by a combining mark is composed with it, as NFC composes them (kept,
    # the letter and its mark were two glyphs in the emoji font, one in the text's: boxes).
    assert resvgfonts.apart("\u1f71\u0345 🚀 \u1f08") == "\u1fb4 🚀 \u1f08"
    assert resvgfonts.apart("Ohm \u2126\u0301 🚀 \u2126") == "Ohm \u038f 🚀 \u2126"
    assert resvgfonts.apart("\u212b\u0301 🚀 \u2126\u0313 \u212b") == (
        "\u01fa 🚀 \u1f68 \u212b")
    assert resvgfonts.apart("\ufa10\u0301 \u2126\u0323\u0301 \u2126\u0323 👍🏽") == (
        "\ufa10\u0301 \u038f\u0323 \u2126\u0323 👍")  # (no composition: kept)
    assert resvgfonts.apart("\ufa10\ufe00 🚀") == "\ufa10\ufe00 🚀"  # (a selector: kept)
    # Only into a character the letters' font has (HarfBuzz composes them only then; else
    # both fonts draw two glyphs).
    assert resvgfonts.apart("\u2126\u0301 🚀", has=lambda char: char != "\u038f") == (
        "\u2126\u0301 🚀")
    greek = {0x2126, 0x3a9, 0x38f, 0x301}
    fonts = FakeFonts({("Liberation Sans", 400): LATIN, ("Noto Color Emoji", 400): EMOJI,
                       ("DejaVu Sans", 400): LATIN | greek,
                       ("Droid Sans Fallback", 400): LATIN | CJK | greek - {0x38f} | {0xfa10}})
    svg = ('<svg xmlns="http://www.w3.org/2000/svg"><text>Ohm \u2126\u0301 🚀</text>'
           '<text>\u2126\u0301 \ufa10 🚀</text></svg>')
    assert prepare(svg.encode(), fonts).svg.decode() == (
        '<svg xmlns="http://www.w3.org/2000/svg">'
        "<text font-family=\"'DejaVu Sans', sans-serif\">Ohm \u038f 🚀</text>"
        "<text font-family=\"'Droid Sans Fallback', sans-serif\">\u2126\u0301 \ufa10 🚀</text>"
        "</svg>")
    # One that no font has is written as NFC writes it (else a box, and its emoji boxes too).
    assert resvgfonts.apart("\U0002f800 \ufa10 👍🏽", {"\U0002f800"}) == "\u4e3d \ufa10 👍"
    fonts = FakeFonts({("Liberation Sans", 400): LATIN, ("Noto Color Emoji", 400): EMOJI,
                       ("Droid Sans Fallback", 400): LATIN | CJK | {0xFA10, 0x301}})
    svg = ('<svg xmlns="http://www.w3.org/2000/svg"><text>\ufa10 Jose\u0301 👍🏽</text>'
           '<text>\U0002f800 \ufa10 ✨</text><text>\U0002f800 Lee</text></svg>')
    assert prepare(svg.encode(), fonts).svg.decode() == (
        '<svg xmlns="http://www.w3.org/2000/svg">'
        "<text font-family=\"'Droid Sans Fallback', sans-serif\">"
        f"<tspan font-family=\"'Noto Color Emoji'\" letter-spacing=\"0\">{ZWNJ}</tspan>"
        f"\ufa10 Jos\u00e9 {IN_EMOJI_FONT}👍🏽</tspan></text>"
        "<text font-family=\"'Droid Sans Fallback', sans-serif\">\u4e3d \ufa10 ✨</text>"
        "<text>\U0002f800 Lee</text></svg>")  # (no emoji: left as it is; 👍🏽 drawn whole)


IN_EMOJI_FONT = "<tspan font-family=\"'Noto Color Emoji'\">"


def test_emoji_beside_letters_a_font_merges_are_put_in_the_emoji_font() -> None:
    # (لا, क्ष, שׁ: one glyph in the text's font, two in the emoji font; resvg's fallback gave
    # up and drew the emoji as boxes)
    svg = ('<svg xmlns="http://www.w3.org/2000/svg"><text>لا سلام 🚀</text>'
           '<text>🚀 क्ष &amp; 👍🏽</text><text>שׁ ✨😀</text><text>سلم 🚀</text>'
           '<text>x 🚀 لا</text></svg>').encode()
    family = "<text font-family=\"'DejaVu Sans', sans-serif\">"
    assert prepare(svg, WITH_EMOJI).svg.decode() == (
        f'<svg xmlns="http://www.w3.org/2000/svg">{family}لا سلام {IN_EMOJI_FONT}🚀</tspan>'
        # (an emoji first: after a non-joiner, else resvg panics)
        f"</text><text>{ZWNJ}{IN_EMOJI_FONT}🚀</tspan> क्ष &amp; {IN_EMOJI_FONT}👍</tspan>"
        f"</text><text>שׁ {IN_EMOJI_FONT}✨😀</tspan></text>"
        f"{family}سلم 🚀</text>"  # (no lam-alef: resvg's fallback draws it, as before)
        f"{family}x {IN_EMOJI_FONT}🚀</tspan> لا</text></svg>")


def test_an_emoji_after_white_space_beside_letters_a_font_merges_follows_a_non_joiner(
        ) -> None:
    # (resvg drops a text's leading white space: the emoji's tspan was first, and it panicked)
    svg = ('<svg xmlns="http://www.w3.org/2000/svg"><text> 🚀 لا</text>'
           '<text>\t\n<tspan>&#32;</tspan> 👍🏽 क्ष</text><text>&#x41; 🚀 لا</text></svg>').encode()
    family = "<text font-family=\"'DejaVu Sans', sans-serif\">"
    assert prepare(svg, WITH_EMOJI).svg.decode() == (
        f'<svg xmlns="http://www.w3.org/2000/svg">{family} {ZWNJ}{IN_EMOJI_FONT}🚀</tspan>'
        f" لا</text><text>\t\n<tspan>&#32;</tspan> {ZWNJ}{IN_EMOJI_FONT}👍</tspan> क्ष</text>"
        f"{family}&#x41; {IN_EMOJI_FONT}🚀</tspan> لا</text></svg>")  # (A is written first)


@pytest.mark.skipif(not HAS_RESVG, reason="needs resvg-py")
@pytest.mark.parametrize("text", [" 🚀 لا", "\t🚀 لا", "  🚀 لا", " 👍🏽 क्ष", " 🚀لا",
                                  "\n\t🚀 לשׁ"])
def test_an_emoji_after_white_space_beside_letters_a_font_merges_is_drawn(text: str) -> None:
    assert drawn(text) == drawn(text.lstrip(" \t\n"))  # (resvg panicked before)


def test_only_letters_fonts_merge_put_the_emoji_in_the_emoji_font() -> None:
    for text in ("لا", "لَا", "\u0644\u0623", "क्ष", "ก\u0e3a", "שׁ", "בּ"):
        assert resvgfonts._merges_glyphs(text), text
    for text in ("ال", "سلم", "कि", "ש", "Office", "王", "é", "e\u0301"):
        assert not resvgfonts._merges_glyphs(text), text
    assert resvgfonts.in_emoji_font("a 🚀 b 👩", "E") == (
        "a <tspan font-family=\"'E'\">🚀</tspan> b <tspan font-family=\"'E'\">👩</tspan>")
    assert resvgfonts.in_emoji_font("🚀 b", "E", first=True) == (
        f"{ZWNJ}<tspan font-family=\"'E'\">🚀</tspan> b")
    assert resvgfonts.in_emoji_font("🚀 b", "E") == "<tspan font-family=\"'E'\">🚀</tspan> b"
    assert resvgfonts.in_emoji_font("b", "E", first=True) == "b"
    # (XML white space first is dropped by resvg: the emoji's tspan after it is first)
    assert resvgfonts.in_emoji_font(" \t🚀 b", "E", first=True) == (
        f" \t{ZWNJ}<tspan font-family=\"'E'\">🚀</tspan> b")
    assert resvgfonts.in_emoji_font(" b 🚀", "E", first=True) == (
        " b <tspan font-family=\"'E'\">🚀</tspan>")
    assert resvgfonts.in_emoji_font("a \u2764 b \u2764🚀", "E", also={"\u2764"}) == (
        "a <tspan font-family=\"'E'\">\u2764</tspan> b "
        "<tspan font-family=\"'E'\">\u2764🚀</tspan>")


def test_the_svg_output_keeps_its_emoji_sequences(tmp_path: Path) -> None:
    # (only the SVG handed to resvg is written apart: browsers draw the sequences)
    import orgviz

    source = tmp_path / "emoji.yaml"
    source.write_text("orgviz: 1\norg: {name: Emoji}\npeople:\n"
                      "  - {id: a, name: \"Cy 😀👍🏽 Obi\", title: \"Dev 👩\u200d💻 🇩🇪\"}\n",
                      encoding="utf-8")
    svg = orgviz.render(orgviz.load(source), "svg", force=True).decode()
    assert "Cy 😀👍🏽 Obi" in svg and "Dev 👩\u200d💻 🇩🇪" in svg


@pytest.mark.skipif(not (HAS_RESVG and HAS_PIL), reason="needs resvg-py and Pillow")
@pytest.mark.parametrize(("text", "colour"), [
    ("Cy 😀👍🏽 Obi", 600), ("Ana 👩\u200d💻 Dev", 200), ("Jo 🇩🇪 Berg", 400),
    ("Bo ❤\ufe0f x", 300), ("Bo ▶\ufe0f x", 400), ("Al 🏳\ufe0f\u200d🌈 x", 300),
    ("Jose\u0301 🚀", 140), (f"Al {SCOTLAND} Reid", 300),
    ("Bo \U0002f800 ✨", 200),  # (U+2F800: no font has it, drawn as U+4E3D)
    # (what NFC replaces alone, with a mark after it: composed, else the emoji were boxes)
    ("\u1f71\u0345 🚀 Ἀθηνᾶ", 140), ("Ohm \u2126\u0301 🚀 x", 140), ("\u212b\u0301 🚀", 140),
    ("\u2126\u0313 🚀", 140),
    ("\u212b\u0301 ✨ \ufa10\u0301 \u2126\u0301", 140),  # (Noto Sans CJK lacks Ǻ Ώ: kept)
    ("لا سلام 🚀", 200), ("🚀 لا", 200), ("क्ष 👍🏽", 200), ("שׁלום ✨", 200),
    ("Al 🇩🇪 لا", 300), ("\u2067لا 🚀 (CEO)\u2069", 200)])
def test_emoji_sequences_among_letters_are_drawn_in_colour_not_as_boxes(
        text: str, colour: int) -> None:
    if not installed_emoji():
        pytest.skip("no colour emoji font is installed (fonts-noto-color-emoji)")
    # Drawn as boxes before (resvg's fallback gave up on the whole text): no colour at all.
    assert colourful(drawn(text)) > colour


BLACK_EMOJI = FakeFonts({
    ("Liberation Sans", 400): LATIN, ("Liberation Sans", 700): LATIN,
    ("Noto Color Emoji", 400): EMOJI | {0x2764, 0x25B6, 0xFE0F},
    ("DejaVu Sans", 400): LATIN | ARABIC | {0x1F600, 0x2764, 0x25B6},
    ("Noto Sans Arabic", 400): ARABIC,
})


def test_emoji_that_the_texts_family_has_in_black_are_put_in_the_emoji_font() -> None:
    # (DejaVu Sans, picked for the Arabic, has 😀 ❤ ▶: resvg never fell back to the emoji
    # font for them, and drew them black)
    svg = (f'<svg xmlns="http://www.w3.org/2000/svg" font-family="{STACK}">'
           '<text>سمير 😀 \u2764\ufe0f Haddad \u25b6</text><text>سمير 🚀</text>'
           '<text>Bo 😀 \u2764</text></svg>').encode()
    prepared = prepare(svg, BLACK_EMOJI)
    family = f"<text font-family=\"'DejaVu Sans', {STACK}\">"
    assert prepared.svg.decode() == (
        f'<svg xmlns="http://www.w3.org/2000/svg" font-family="{STACK}">'
        f"{family}سمير {IN_EMOJI_FONT}😀</tspan> {IN_EMOJI_FONT}\u2764</tspan> Haddad "
        "\u25b6</text>"  # (▶ without the selector is text, drawn so beside Latin too)
        f"{family}سمير 🚀</text>"  # (DejaVu Sans lacks 🚀: resvg's fallback draws it)
        f"{family}Bo {IN_EMOJI_FONT}😀</tspan> \u2764</text></svg>")
    # The emoji span's fallback for the letters finds fonts without those emoji first.
    assert prepared.font_files == ["Noto Color Emoji", "Noto Sans Arabic", "Liberation Sans",
                                   "DejaVu Sans"]
    # Without a family that has the letters and not the emoji, nothing changes.
    fonts = FakeFonts({key: points for key, points in BLACK_EMOJI.coverage_by_name().items()
                       if key[0] != "Noto Sans Arabic"})
    first = svg.split(b"<text>")[0] + b"<text>" + svg.split(b"<text>")[1] + b"</svg>"
    assert b"tspan" not in prepare(first, fonts).svg


@pytest.mark.skipif(not (HAS_RESVG and HAS_PIL), reason="needs resvg-py and Pillow")
@pytest.mark.parametrize("text", ["سلام 😀", "سلام ❤\ufe0f", "سلام ▶\ufe0f Haddad", "لا سلام 😀",
                                  "😀 ليلى", "Bo 😀 ❤", "王小明 ▶\ufe0f",
                                  # (❤️ written ❤ where letters merge: a box before)
                                  "שׁלום ❤\ufe0f x", "क्ष ❤\ufe0f", "לשׁ ▶\ufe0f",
                                  # (no family has ▶ and Devanagari: all boxes before)
                                  "राम ▶\ufe0f क्ष ▶", "क्ष ❤"])
def test_emoji_of_a_text_whose_family_has_them_are_drawn_in_colour(text: str) -> None:
    if not installed_emoji():
        pytest.skip("no colour emoji font is installed (fonts-noto-color-emoji)")
    assert colourful(drawn(text)) > 150  # (black before: DejaVu Sans's, Noto Sans CJK's)
    assert drawn(text) == drawn(text)


@pytest.mark.skipif(not (HAS_RESVG and HAS_PIL), reason="needs resvg-py and Pillow")
def test_a_compatibility_ideograph_beside_an_emoji_is_drawn_as_it_is_alone() -> None:
    if not installed_emoji():
        pytest.skip("no colour emoji font is installed (fonts-noto-color-emoji)")
    from PIL import Image, ImageChops

    def left_of_the_emoji(text: str) -> bytes:
        image = Image.open(io.BytesIO(drawn(text))).convert("L")
        return image.crop((0, 0, inked[2] + 1, image.height)).tobytes()

    compatible = "\ufa10\uf907 Lee"  # (塚 and 龜 as Korean sources wrote them)
    alone = Image.open(io.BytesIO(drawn(compatible))).convert("L")
    inked = ImageChops.invert(alone).getbbox()
    assert inked is not None
    assert colourful(drawn(f"{compatible} 🚀")) > 140
    # Drawn as without the emoji: not as their unified forms (NFC's), which it was before.
    assert left_of_the_emoji(f"{compatible} 🚀") == left_of_the_emoji(compatible)
    unified = left_of_the_emoji("\u585a\u9f9c Lee 🚀")
    if unified == left_of_the_emoji(compatible):
        pytest.skip("the installed CJK font draws both forms alike")
    assert left_of_the_emoji(f"{compatible} 🚀") != unified


@pytest.mark.skipif(not (HAS_RESVG and HAS_PIL), reason="needs resvg-py and Pillow")
def test_a_keycap_and_a_skin_tone_among_letters_are_drawn() -> None:
    if not installed_emoji():
        pytest.skip("no colour emoji font is installed (fonts-noto-color-emoji)")
    # (a box after the 1 before they were written apart; then drawn as the 1 alone, and 👍🏽
    # as 👍: now as the keycap and the toned thumb, see the test below)
    assert colourful(drawn("Bo 1\ufe0f\u20e3 x")) > 150
    assert colourful(drawn("Bo 1 x")) == 0
    assert drawn("Cy 😀👍🏽 Obi") != drawn("Cy 😀👍 Obi")


@pytest.mark.skipif(not (HAS_RESVG and HAS_PIL), reason="needs resvg-py and Pillow")
@pytest.mark.parametrize("sequence", ["👩\u200d💻", "🇬🇧", "👍🏽", "1\ufe0f\u20e3", "☝🏽",
                                      SCOTLAND, "🏳\ufe0f\u200d🌈", "👩🏽\u200d💻🇩🇪"])
@pytest.mark.parametrize("after", [" Ana", " Ana 王小明", " Ελένη"])
def test_emoji_sequences_among_letters_are_drawn_whole(sequence: str, after: str) -> None:
    # (written apart before: 👩‍💻 as 👩 and 💻, 🇬🇧 as the letters G and B, 👍🏽 as 👍, 1️⃣ as 1,
    # Scotland's flag as the black flag 🏴; now drawn as the emoji font draws them alone)
    if not installed_emoji():
        pytest.skip("no colour emoji font is installed (fonts-noto-color-emoji)")
    from PIL import Image, ImageChops

    alone = Image.open(io.BytesIO(drawn(sequence))).convert("RGB")
    mixed = Image.open(io.BytesIO(drawn(sequence + after))).convert("RGB")
    inked = ImageChops.invert(alone).getbbox()
    assert inked is not None
    box = (0, 0, inked[2] + 1, alone.height)  # (the letters start a space further right)
    assert mixed.crop(box).tobytes() == alone.crop(box).tobytes()
    # ... and the letters before one as they are drawn alone.
    letters = Image.open(io.BytesIO(drawn(after.strip()))).convert("RGB")
    before = Image.open(io.BytesIO(drawn(f"{after.strip()} {sequence}"))).convert("RGB")
    inked = ImageChops.invert(letters).getbbox()
    assert inked is not None
    box = (0, 0, inked[2] + 1, letters.height)
    assert before.crop(box).tobytes() == letters.crop(box).tobytes()


@pytest.mark.skipif(not (HAS_RESVG and HAS_PIL), reason="needs resvg-py and Pillow")
@pytest.mark.parametrize("spacing", ["0.6", "3"])
def test_a_spaced_text_keeps_its_letters_where_its_sequences_are_drawn_whole(
        spacing: str) -> None:
    # (usvg adds the letter spacing after each cluster, the first span's non-joiner too: a
    # level label, spaced 0.6, had its letters moved right)
    if not installed_emoji():
        pytest.skip("no colour emoji font is installed (fonts-noto-color-emoji)")
    from PIL import Image, ImageChops

    def spaced(text: str) -> Image.Image:
        svg = (f'<svg xmlns="http://www.w3.org/2000/svg" width="300" height="60" '
               f'font-family="{STACK}"><rect width="300" height="60" fill="#fff"/>'
               f'<text x="10" y="40" font-size="30" letter-spacing="{spacing}">{text}</text>'
               '</svg>')
        return Image.open(io.BytesIO(svg_to_png(svg.encode()))).convert("L")

    alone, mixed = spaced("LEVEL"), spaced("LEVEL 👩\u200d💻")
    inked = ImageChops.invert(alone).getbbox()
    assert inked is not None
    box = (0, 0, inked[2] + 1, alone.height)
    assert mixed.crop(box).tobytes() == alone.crop(box).tobytes()


@pytest.mark.skipif(not (HAS_RESVG and HAS_PIL), reason="needs resvg-py and Pillow")
@pytest.mark.parametrize(("text", "colours"), [
    ("Ana 🇬🇧 Lee", {"red": 200, "blue": 150}), ("Jo 🇩🇪 Berg", {"red": 200, "yellow": 200}),
    ("王小明 🇨🇳 工程师", {"red": 200, "yellow": 10})])
def test_a_flag_among_letters_has_its_colours_not_two_letters(
        text: str, colours: dict[str, int]) -> None:
    # (written apart, a flag was its two regional indicator letters, light blue: no red)
    if not installed_emoji():
        pytest.skip("no colour emoji font is installed (fonts-noto-color-emoji)")
    from PIL import Image

    image = Image.open(io.BytesIO(drawn(text))).convert("HSV")
    counts = {"red": 0, "blue": 0, "yellow": 0}
    for hue, saturation, value in image.get_flattened_data():
        if saturation > 120 and value > 80:
            name = ("red" if hue < 12 or hue > 240 else "blue" if 130 < hue < 185
                    else "yellow" if 25 < hue < 50 else "")
            if name:
                counts[name] += 1
    for name, least in colours.items():
        assert counts[name] > least, (name, counts)


# --- a panic in resvg is an orgviz error, not a traceback (convert._convert) ---------------

class PanicException(BaseException):  # (pyo3_runtime's name: it is looked for)
    """What pyo3 raises for a Rust panic: a BaseException named so."""


class PanickingResvg:
    """A stand-in for resvg_py whose drawing panics, as usvg 0.48 does at layout.rs:953."""

    @staticmethod
    def svg_to_bytes(**options: object) -> bytes:
        os.write(2, b"thread '<unnamed>' panicked at usvg-0.48.1/src/text/layout.rs:953:28:\n"
                    b"stack backtrace:\n")
        raise PanicException("removal index (is 4) should be < len (is 4)")


SIMPLE_SVG = (b'<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20">'
              b'<text x="2" y="15">Cy</text></svg>')


def test_a_panic_of_resvg_is_a_render_error(monkeypatch: pytest.MonkeyPatch,
                                            capfd: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(convert, "_resvg", lambda: PanickingResvg)
    with pytest.raises(RenderError) as caught:
        svg_to_png(SIMPLE_SVG)
    assert str(caught.value) == ("cannot convert the SVG to PNG: resvg failed on its text "
                                 "(removal index (is 4) should be < len (is 4)); write SVG "
                                 "instead")
    assert capfd.readouterr().err == ""  # (the panic's own message and backtrace held back)


def test_a_panic_of_resvg_drawn_apart_is_a_render_error(monkeypatch: pytest.MonkeyPatch,
                                                        capfd: pytest.CaptureFixture[str]
                                                        ) -> None:
    # (big drawings are drawn in a child process: its panic comes back as the same error)
    with pytest.raises(RenderError, match=r"resvg failed on its text \(removal index"):
        convert._convert_apart("PNG", convert._hushed(PanickingResvg.svg_to_bytes))
    assert capfd.readouterr().err == ""


def test_what_resvg_writes_without_a_panic_is_passed_on(
        capfd: pytest.CaptureFixture[str]) -> None:
    def chatty(**options: object) -> bytes:
        os.write(2, b"a warning\n")
        return b"png"

    def interrupted(**options: object) -> bytes:
        os.write(2, b"half\n")
        raise KeyboardInterrupt

    assert convert._convert("PNG", convert._hushed(chatty)) == b"png"
    assert capfd.readouterr().err == "a warning\n"
    with pytest.raises(KeyboardInterrupt):  # (not a panic: not turned into an error)
        convert._convert("PNG", convert._hushed(interrupted))
    assert capfd.readouterr().err == "half\n"


def _stderr_file() -> tuple[int, int]:
    found = os.fstat(2)
    return found.st_dev, found.st_ino


def test_the_standard_error_is_put_back_after_drawings_in_threads(
        capfd: pytest.CaptureFixture[str]) -> None:
    # (two threads each moving fd 2 aside: the second one's "saved" was the first one's held
    # file, put back last; the standard error was lost for good)
    import threading
    import time

    def slow(**options: object) -> bytes:
        os.write(2, b"drawn\n")
        time.sleep(0.2)  # (the GIL released: the other thread starts its drawing)
        return b"png"

    before = _stderr_file()
    drawings = [threading.Thread(target=convert._hushed(slow)) for _ in range(2)]
    drawings[0].start()
    time.sleep(0.05)
    drawings[1].start()
    for drawing in drawings:
        drawing.join()
    assert _stderr_file() == before
    assert capfd.readouterr().err == "drawn\ndrawn\n"


def test_the_standard_error_is_put_back_when_interrupted_as_it_is_moved_aside(
        monkeypatch: pytest.MonkeyPatch) -> None:
    # (a Ctrl-C that came while fd 2 was moved aside raises right after os.dup2 returns)
    before = _stderr_file()
    dup2 = os.dup2
    moved: list[int] = []

    def interrupted_dup2(fd: int, fd2: int, inheritable: bool = True) -> int:
        dup2(fd, fd2, inheritable)
        moved.append(fd)
        if len(moved) == 1:
            raise KeyboardInterrupt
        return fd2

    monkeypatch.setattr(os, "dup2", interrupted_dup2)
    with pytest.raises(KeyboardInterrupt):
        convert._hushed(lambda **options: b"png")()
    after = _stderr_file()
    monkeypatch.undo()
    assert after == before


def test_a_drawing_is_drawn_without_a_file_to_hold_its_standard_error(
        monkeypatch: pytest.MonkeyPatch) -> None:
    def no_file() -> None:
        raise OSError(24, "Too many open files")

    monkeypatch.setattr(tempfile, "TemporaryFile", no_file)
    assert convert._convert("PNG", convert._hushed(lambda **options: b"png")) == b"png"


def test_the_command_line_says_a_panic_in_one_line(run, org_file,  # type: ignore[no-untyped-def]
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(convert, "_resvg", lambda: PanickingResvg)
    result = run("render", str(org_file(SMALL, name="tiny.yaml")), "-o", "chart.png")
    assert result.exit_code == 2
    assert "Traceback" not in result.output
    assert [line for line in result.output.splitlines() if "resvg failed" in line] == [
        "orgviz: cannot convert the SVG to PNG: resvg failed on its text (removal index "
        "(is 4) should be < len (is 4)); write SVG instead"]


# --- WGL4 symbols with U+FE0F among letters a font merges -------------------------------------

SYMBOLS = {0x2665, 0x263A, 0x2642, 0x2640, 0x2660, 0x2663, 0x2666, 0x2122}
DEVANAGARI = set(range(0x0900, 0x0980))
CHART_SYMBOL_FONTS = FakeFonts({
    ("Liberation Sans", 400): LATIN | SYMBOLS, ("Liberation Sans", 700): LATIN | SYMBOLS,
    ("Noto Color Emoji", 400): EMOJI | SYMBOLS | {0xFE0F, 0x2764},
    ("Noto Sans Devanagari", 400): DEVANAGARI | {0x20},
})


def test_a_symbol_of_the_charts_font_made_an_emoji_beside_a_conjunct_is_put_in_its_font(
        ) -> None:
    # (♥️ among letters a font merges: apart wrote ♥, no emoji run then, so it got no tspan
    # and was left to the Devanagari family, which lacks it; resvg's fallback, the emoji
    # font, draws the conjunct as more glyphs, gave up, and drew a box. Now as ♥ is, and as
    # beside Latin: the chart's font draws it, as text, in a tspan of its own)
    chart = f"<tspan font-family=\"{STACK}\">"
    for text, written in (
            ("क्ष \u2665\ufe0f", f"\u2066क्ष\u2069 {chart}\u2665</tspan>"),
            ("प्रिया \u2665\ufe0f", f"\u2066प्रिया\u2069 {chart}\u2665</tspan>"),
            ("राम \u2665\ufe0f क्ष", f"\u2066राम\u2069 {chart}\u2665</tspan> \u2066क्ष\u2069"),
            ("शर्मा \u2642\ufe0f", f"\u2066शर्मा\u2069 {chart}\u2642</tspan>"),
            ("\u263a\ufe0f क्षमा", f"\u200c{chart}\u263a</tspan> \u2066क्षमा\u2069"),
            ("क्ष \u2665\ufe0f 😀", f"\u2066क्ष\u2069 {chart}\u2665</tspan> "
                                   f"{IN_EMOJI_FONT}😀</tspan>"),
            ("क्ष \u2665", f"\u2066क्ष\u2069 {chart}\u2665</tspan>")):  # (as before)
        svg = (f'<svg xmlns="http://www.w3.org/2000/svg" font-family="{STACK}">'
               f"<text>{text}</text></svg>").encode()
        assert prepare(svg, CHART_SYMBOL_FONTS).svg.decode() == (
            f'<svg xmlns="http://www.w3.org/2000/svg" font-family="{STACK}">'
            f"<text font-family=\"'Noto Sans Devanagari', {STACK}\">{written}</text></svg>"
        ), text
    # Beside Latin, as before: the chart's font has it all.
    svg = '<svg xmlns="http://www.w3.org/2000/svg"><text>Bo \u2665\ufe0f 😀</text></svg>'
    assert prepare(svg.encode(), CHART_SYMBOL_FONTS).svg.decode() == (
        '<svg xmlns="http://www.w3.org/2000/svg"><text>Bo \u2665 😀</text></svg>')


@pytest.mark.skipif(not (HAS_RESVG and HAS_PIL), reason="needs resvg-py and Pillow")
@pytest.mark.parametrize("text", [
    "प्रिया \u2665\ufe0f", "क्षमा \u263a\ufe0f", "राम \u2665\ufe0f क्ष", "शर्मा \u2642\ufe0f",
    "क्ष \u2660\ufe0f \u2663\ufe0f \u2666\ufe0f \u2640\ufe0f", "क्ष \u2665\ufe0f 👍🏽"])
@pytest.mark.parametrize("weight", ["bold", "normal"])
def test_a_symbol_of_the_charts_font_made_an_emoji_beside_a_conjunct_is_drawn(
        text: str, weight: str) -> None:
    if not installed_emoji():
        pytest.skip("no colour emoji font is installed (fonts-noto-color-emoji)")
    from PIL import Image, ImageChops

    def png(text: str) -> bytes:
        svg = (f'<svg xmlns="http://www.w3.org/2000/svg" width="1400" height="160" '
               f'font-family="{STACK}"><rect width="1400" height="160" fill="#fff"/>'
               f'<text x="10" y="120" font-size="100" font-weight="{weight}">{text}</text>'
               "</svg>")
        return svg_to_png(svg.encode())

    # Drawn as the text without the selectors: the chart font's glyphs (a box before) ...
    drawn = png(text)
    assert drawn == png(text.replace("\ufe0f", ""))
    assert colourful(drawn) > (200 if "👍" in text else -1)
    # ... and no wider than measured.
    image = Image.open(io.BytesIO(drawn)).convert("L")
    inked = ImageChops.invert(image).getbbox()
    assert inked is not None
    assert inked[2] - 10 <= text_width(text, 100, weight == "bold") + 1
