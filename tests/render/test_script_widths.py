"""Text of other scripts is measured at least as wide as a PNG draws it.

resvg draws a line in the family resvgfonts picks for it (Noto Sans Tamil for Tamil, DejaVu
Sans for Arabic with Hebrew, the chart's font for Greek), shaped (conjuncts, vowel signs,
ligatures); labels measures such a line with those faces (Pillow's Raqm layout), where it
took 0.6 em a character: bold "முருகன்" was drawn 0.95 em wider than measured, mixes of
Indic scripts and Arabic after Hebrew (drawn unjoined) up to 5 em, and names ran past
their cards.
"""

from __future__ import annotations

import importlib.util
import io
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from orgviz.loader import load
from orgviz.render import RenderOptions, render, resvgfonts
from orgviz.render.cards import WIDTH
from orgviz.render.labels import text_width, xml_escape

HAS_PIL = importlib.util.find_spec("PIL") is not None
HAS_RESVG = importlib.util.find_spec("resvg_py") is not None
STACK = "Helvetica, Arial, &#39;Liberation Sans&#39;, &#39;DejaVu Sans&#39;, sans-serif"


def installed(*families: str) -> bool:
    """Whether Pillow with Raqm and every family (regular and bold) are installed."""
    if not HAS_PIL:
        return False
    from PIL import features

    fonts = resvgfonts.installed_fonts()
    return bool(features.check("raqm")) and all(
        fonts.face(family, bold, False) is not None for family in families
        for bold in (False, True))


def shaped(family: str, text: str, bold: bool) -> float:
    """The advance width of `text` in `family` at 100 px, shaped (HarfBuzz via Raqm)."""
    from PIL import ImageFont

    face = resvgfonts.installed_fonts().face(family, bold, False)
    assert face is not None
    font = ImageFont.truetype(face.path, 1000, layout_engine=ImageFont.Layout.RAQM)
    return font.getlength(text) / 10


def drawn_ink(text: str, bold: bool) -> int:
    """How far right of its start the PNG of `text` at 100 px inks (the real pipeline)."""
    from PIL import Image, ImageChops

    from orgviz.render.convert import svg_to_png

    room = int(text_width(text, 100, True) * 1.5 + 400)
    weight = ' font-weight="bold"' if bold else ""
    svg = (f'<svg xmlns="http://www.w3.org/2000/svg" width="{room}" height="200" '
           f'font-family="{STACK}"><rect width="{room}" height="200" fill="#fff"/>'
           f'<text x="10" y="120" font-size="100"{weight}>{xml_escape(text)}</text></svg>')
    image = Image.open(io.BytesIO(svg_to_png(svg.encode()))).convert("L")
    box = ImageChops.invert(image).getbbox()
    return box[2] - 10 if box else 0


SCRIPT_FONTS = ("Noto Sans Tamil", "Noto Sans Devanagari", "Noto Sans Bengali",
                "Noto Sans Thai", "DejaVu Sans", "Liberation Sans")
needs_fonts = pytest.mark.skipif(not installed(*SCRIPT_FONTS),
                                 reason="needs Pillow with Raqm and Noto's script fonts")


@needs_fonts
@pytest.mark.parametrize("bold", [False, True])
def test_tamil_is_measured_as_noto_sans_tamil_shapes_it(bold: bool) -> None:
    for text in ("முருகன்", "தமிழ்செல்வி சுப்பிரமணியம்"):
        width = shaped("Noto Sans Tamil", text, bold)
        assert width <= text_width(text, 100, bold) <= width + 2, text
    assert text_width("முருகன்", 100, True) >= 466  # (was 372: 0.95 em short)


@needs_fonts
def test_greek_with_diacritics_is_measured_in_the_charts_font() -> None:
    for bold in (False, True):
        width = shaped("Liberation Sans", "Ἀθηνᾶ Ώ", bold)
        assert width <= text_width("Ἀθηνᾶ Ώ", 100, bold) <= width + 5
    assert text_width("Ἀθηνᾶ Ώ", 100, True) >= 412  # (was 399.8)


@needs_fonts
def test_arabic_after_hebrew_is_measured_unjoined_as_drawn() -> None:
    # resvg shapes the right-to-left run as Hebrew, its first letter's script: the Arabic
    # letters are drawn in their isolated forms, wider than joined.
    text = "אברהם בן דוד محمد الراشدي عبد الله"
    assert text_width(text, 100, True) >= 2031  # (was 1944.8)
    assert text_width(text, 100, True) > shaped("DejaVu Sans", text, True) + 50


#: Lines drawn wider than measured before: Tamil, Bengali, Greek, Indic mixes, Hebrew and
#: Arabic, with Latin and emoji.
INKED = ["முருகன்", "தமிழ்செல்வி சுப்பிரமணியம்", "শ্রীকান্ত চট্টোপাধ্যায়",
         "Ἀθηνᾶ Ώ", "Ἢ ᾡ ῼἜ Ζ͂", "लक्ष्मी தமிழ்செல்வி", "राम অমিত", "সুমন สมชาย",
         "אברהם בן דוד محمد الراشدي عبد الله", "לוי سلام", "Rao முருகன் 🚀",
         "मू", "Priya শর্মা চৌধুরী"]


@needs_fonts
@pytest.mark.skipif(not HAS_RESVG, reason="needs resvg-py")
@pytest.mark.parametrize("text", INKED)
def test_no_line_is_drawn_wider_than_measured(text: str) -> None:
    for bold in (False, True):
        assert drawn_ink(text, bold) <= text_width(text, 100, bold) + 1, (text, bold)


def card_ink_outside(png: bytes, svg: bytes, scale: float) -> int:
    """Dark pixels level with the root card's name lines but left or right of the card."""
    from PIL import Image

    left, top = map(float, re.search(rb'<g transform="translate\(([\d.]+) ([\d.]+)\)"',
                                     svg).groups())
    image = Image.open(io.BytesIO(png)).convert("L")
    y0, y1 = int((top + 10) * scale), int((top + 50) * scale)
    dark = 0
    for x0, x1 in ((0, int((left - 1) * scale)), (int((left + WIDTH + 1) * scale), image.width)):
        strip = image.crop((x0, y0, x1, y1))
        dark += sum(count for gray, count in enumerate(strip.histogram()) if gray < 140)
    return dark


@needs_fonts
@pytest.mark.skipif(not HAS_RESVG, reason="needs resvg-py")
@pytest.mark.parametrize("name", [
    "சுப்பிரமணியம்முருகன்தமிழ்செல்வி", "অমিতশ্রীকান্তচট্টোপাধ্যায়চৌধুরী",
    "אברהם בן דוד محمدالراشديعبدالله", "Ἀθηνᾶ Ὠκεανίδης-Ἀλεξάνδρου-Ώ"])
def test_a_long_name_stays_inside_its_card_in_a_png(name: str,
                                                    org_file: Callable[..., Path]) -> None:
    from PIL import Image

    org = load(org_file(f"orgviz: 1\norg: {{name: M, size: small}}\npeople:\n"
                        f"  - {{id: a, name: '{name}', title: Founder}}\n"))
    options = RenderOptions(width=1000)
    svg, png = render(org, "svg", options), render(org, "png", options)
    scale = Image.open(io.BytesIO(png)).width / float(re.search(rb'width="([\d.]+)"', svg)[1])
    assert card_ink_outside(png, svg, scale) == 0
