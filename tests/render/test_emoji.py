"""Emoji are drawn in colour by an installed emoji font, the rest of their text in its own
font (emoji.py, resvgfonts.prepare)."""

from __future__ import annotations

import importlib.util
import io
from itertools import pairwise

import pytest
from hypothesis import given
from hypothesis import strategies as st
from test_resvg_fonts import ARABIC, LATIN, STACK, FakeFonts

from orgviz.render import emoji, resvgfonts
from orgviz.render.convert import svg_to_png
from orgviz.render.emoji import all_emoji_font, emoji_runs, is_picture
from orgviz.render.labels import EMOJI_WIDTH, text_width
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
    assert prepared.font_files is None


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
                                  "Ana ™\ufe0f ©\ufe0f Lima", "🚀 ™\ufe0f 2026", "🀄🂡🂡 🄰🞅🁣"])
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
    # (drawn at 1x: 1 px a unit; a letter's ink may pass its advance by a pixel, as the last
    # "a" of "Ana Lima" does)
    assert inked[2] - 10 <= text_width(text, 100) + 1
    if text in ("🚀 🎉 🚀", "Ana ™\ufe0f ©\ufe0f Lima", "🚀 ™\ufe0f 2026", "🀄🂡🂡 🄰🞅🁣"):
        # ... and not much wider: the spaces of "🚀 🎉 🚀" are as wide as the emoji font draws
        # them, ™️ as the text ™ it is drawn as, a playing card as text (no gaps)
        assert inked[2] - 10 >= text_width(text, 100) * 0.9


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


def test_text_the_emoji_font_draws_whole_is_measured_as_it_draws_it() -> None:
    # "🚀 🎉": the emoji font has every character, so resvg draws the space with it too
    assert all_emoji_font("🚀 🎉") and all_emoji_font("🚀 ™\ufe0f 2026")
    assert text_width("🚀 🎉", 10) == pytest.approx(3 * EMOJI_WIDTH / 100)
    assert not all_emoji_font("Ana 🚀") and not all_emoji_font("™\ufe0f 2026")
    assert not all_emoji_font("🚀 🂡")  # (the emoji font has no playing cards)
    assert text_width("Ana 🚀", 10) == pytest.approx(
        text_width("Ana ", 10, wide=True) + EMOJI_WIDTH / 100)
