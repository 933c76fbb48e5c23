"""Text in scripts the chart's font lacks is drawn by resvg at its own weight (resvgfonts)."""

from __future__ import annotations

import importlib.util
import io
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from unittest import mock

import pytest
from hypothesis import given
from hypothesis import strategies as st

from orgviz.render import resvgfonts
from orgviz.render.convert import svg_to_png
from orgviz.render.resvgfonts import SCRIPT_FAMILIES, Face, FontIndex, pick_family, prepare

HAS_RESVG = importlib.util.find_spec("resvg_py") is not None
HAS_PIL = importlib.util.find_spec("PIL") is not None
STACK = "Helvetica, Arial, 'Liberation Sans', 'DejaVu Sans', sans-serif"
LATIN = set(range(0x20, 0x7F))
ARABIC = set(range(0x0600, 0x06FF))
CJK = set(range(0x4E00, 0x9FFF))


class FakeFonts(FontIndex):
    """A font index whose faces have the code points given (no font files read)."""

    def __init__(self, faces: dict[tuple[str, int], set[int]]) -> None:
        self.coverage = {Face(family, weight, (family.lower(),), weight, False, 5): points
                         for (family, weight), points in faces.items()}
        super().__init__(self.coverage)

    def has_all(self, face: Face, points: Iterable[int]) -> bool:
        """Whether the fake face has every code point."""
        return set(points) <= self.coverage[face]


FONTS = FakeFonts({
    ("Liberation Sans", 400): LATIN, ("Liberation Sans", 700): LATIN,
    ("Noto Sans Arabic", 700): ARABIC,  # only bold: not for regular text
    ("Noto Sans Hebrew", 400): ARABIC, ("Noto Sans Hebrew", 700): ARABIC,  # (a stand-in)
    ("DejaVu Sans", 400): LATIN | ARABIC, ("DejaVu Sans", 700): LATIN | ARABIC,
    ("Droid Sans Fallback", 400): LATIN | CJK,  # CJK only in regular
})


def test_text_the_chart_font_has_is_left_alone() -> None:
    assert pick_family("Ada Obi", STACK, True, False, FONTS) is None
    svg = '<svg xmlns="http://www.w3.org/2000/svg"><text>Zoë Ĺ</text></svg>'.encode()
    assert prepare(svg, FONTS).svg is svg


def test_an_svg_with_no_character_beyond_the_simple_scripts_is_not_parsed(
        monkeypatch: pytest.MonkeyPatch) -> None:
    def unparsed(text: bytes) -> None:
        raise AssertionError("parsed")

    monkeypatch.setattr(ET, "fromstring", unparsed)  # (the module resvgfonts parses with)
    svg = ('<svg xmlns="http://www.w3.org/2000/svg" font-family="Helvetica, &#39;DejaVu '
           'Sans&#39;"><text>Zoë · 984 positions — 46 open…</text><text>&#xE9;&#233;</text>'
           '</svg>').encode()
    assert prepare(svg, FONTS).svg is svg


@given(st.lists(st.sampled_from(["Ada", "é", "·", "—", "&#39;", "&#233;", "ل", "&#x644;",
                                  "王", "&#29579;", "&amp;", " "]), max_size=6))
def test_the_shortcut_leaves_alone_only_what_the_full_reading_leaves_alone(
        parts: list[str]) -> None:
    svg = (f'<svg xmlns="http://www.w3.org/2000/svg"><text>{"".join(parts)}</text>'
           f'<text font-weight="bold">{"".join(reversed(parts))}</text></svg>').encode()
    with mock.patch.object(resvgfonts, "_simple_scripts_only", return_value=False):
        full = prepare(svg, FONTS).svg
    assert prepare(svg, FONTS).svg == full


@pytest.mark.parametrize("reference", ["&#x738B;", "&#29579;", "&#x0000738b;",
                                       "&#0000000029579;", "&#x000000000738B;",
                                       "&#X738B;", "&#x110000;"])
def test_a_character_written_as_a_reference_is_seen(reference: str) -> None:
    # (王 as a reference in an otherwise ASCII document, zero-padded past 8 digits too, as
    # XML allows; the last two are no character)
    svg = f'<svg xmlns="http://www.w3.org/2000/svg"><text>{reference}</text></svg>'.encode()
    if reference in ("&#X738B;", "&#x110000;"):
        assert prepare(svg, FONTS).svg is svg  # (not well-formed: resvg reports it)
        return
    assert prepare(svg, FONTS).svg.decode() == (
        '<svg xmlns="http://www.w3.org/2000/svg"><text font-family="\'Droid Sans Fallback\', '
        f'sans-serif">{reference}</text></svg>')


def test_a_family_with_every_character_at_the_texts_weight_is_picked() -> None:
    # Mixed with Latin: the family that has both.
    assert pick_family("dotted line to ليلى حداد", STACK, False, False, FONTS) == "DejaVu Sans"
    # Arabic only: the first family (in SCRIPT_FAMILIES order) with it at that weight.
    assert SCRIPT_FAMILIES.index("DejaVu Sans") < SCRIPT_FAMILIES.index("Noto Sans Arabic")
    assert pick_family("ليلى حداد", STACK, True, False, FONTS) == "DejaVu Sans"
    only_arabic = FakeFonts({("Liberation Sans", 400): LATIN,
                             ("Noto Sans Arabic", 700): ARABIC,
                             ("Noto Sans Hebrew", 400): ARABIC})
    assert pick_family("ليلى", STACK, True, False, only_arabic) == "Noto Sans Arabic"
    assert pick_family("ليلى", STACK, False, False, only_arabic) == "Noto Sans Hebrew"
    # No family has the weight: one that has the characters, rather than fallback.
    assert pick_family("王小明", STACK, True, False, FONTS) == "Droid Sans Fallback"
    assert pick_family("王小明 ليلى", STACK, True, False, FONTS) is None  # none has both


def test_prepare_names_the_family_first_and_keeps_the_rest() -> None:
    svg = ('<svg xmlns="http://www.w3.org/2000/svg" font-family="Helvetica, sans-serif">'
           '<title>ليلى</title><text x="1">Ada</text>'
           '<text x="2" font-weight="bold">ليلى &amp; co</text>'
           '<g font-family="Arial"><text x="3" font-family="Arial, serif">مديرة</text></g>'
           '</svg>').encode()
    assert prepare(svg, FONTS).svg.decode() == (
        '<svg xmlns="http://www.w3.org/2000/svg" font-family="Helvetica, sans-serif">'
        '<title>ليلى</title><text x="1">Ada</text>'
        '<text font-family="\'DejaVu Sans\', Helvetica, sans-serif" x="2" font-weight="bold">'
        'ليلى &amp; co</text>'
        '<g font-family="Arial"><text x="3" font-family="\'DejaVu Sans\', Arial, serif">'
        'مديرة</text></g></svg>')


def test_unusual_documents_go_to_resvg_as_they_are() -> None:
    commented = ('<svg xmlns="http://www.w3.org/2000/svg"><!-- <text> -->'
                 '<text>ليلى</text></svg>').encode()
    assert prepare(commented, FONTS).svg is commented
    broken = "<svg><text>ليلى</svg>".encode()
    assert prepare(broken, FONTS).svg is broken


def test_comments_and_instructions_among_the_text_are_passed_over() -> None:
    # (ET.fromstring keeps neither, so the walk over the elements never meets one)
    svg = ('<svg xmlns="http://www.w3.org/2000/svg"><g><!-- a note --><?pi data?>'
           '<text>ليلى</text><!-- ليلى --></g></svg>').encode()
    assert prepare(svg, FONTS).svg.decode() == (
        '<svg xmlns="http://www.w3.org/2000/svg"><g><!-- a note --><?pi data?>'
        '<text font-family="\'DejaVu Sans\', sans-serif">ليلى</text><!-- ليلى --></g></svg>')


def test_the_weight_resvg_picks_follows_css_font_matching() -> None:
    fonts = FakeFonts({("A", 200): LATIN, ("A", 500): LATIN, ("A", 900): LATIN})
    assert fonts.face("A", False, False).weight == 500  # type: ignore[union-attr]
    assert fonts.face("A", True, False).weight == 900  # type: ignore[union-attr]
    assert fonts.face("sans-serif", False, False) is None  # resvg-py's "Arial"


# --- drawn by resvg with the fonts of this machine ----------------------------------------

def ink(png: bytes) -> int:
    """How dark the drawing is: the sum of 255 - gray over its pixels."""
    from PIL import Image

    histogram = Image.open(io.BytesIO(png)).convert("L").histogram()
    return sum((255 - gray) * count for gray, count in enumerate(histogram))


def text_png(text: str, weight: str, size: int = 40) -> bytes:
    """The text drawn by resvg in the chart's font stack at `weight`."""
    svg = (f'<svg xmlns="http://www.w3.org/2000/svg" width="600" height="80" '
           f'font-family="{STACK}"><rect width="600" height="80" fill="#fff"/>'
           f'<text x="300" y="55" font-size="{size}" text-anchor="middle" '
           f'font-weight="{weight}">{text}</text></svg>').encode()
    return svg_to_png(svg)


def has_both_weights(text: str) -> bool:
    """Whether an installed family of SCRIPT_FAMILIES has the text in regular and bold."""
    fonts = resvgfonts.installed_fonts()
    points = [ord(char) for char in text if not char.isspace()]
    for family in SCRIPT_FAMILIES:
        regular, bold = fonts.face(family, False, False), fonts.face(family, True, False)
        if (regular and bold and regular.weight < 600 <= bold.weight
                and fonts.has_all(regular, points) and fonts.has_all(bold, points)):
            return True
    return False


@pytest.mark.skipif(not (HAS_RESVG and HAS_PIL), reason="needs resvg-py and Pillow")
@pytest.mark.parametrize("text", ["مديرة الهندسة", "dotted line to ليلى حداد", "王小明 工程经理"])
def test_regular_text_in_another_script_is_lighter_than_bold(text: str) -> None:
    if not has_both_weights(text):
        pytest.skip(f"no installed font has {text!r} in regular and bold")
    regular, bold = ink(text_png(text, "normal")), ink(text_png(text, "bold"))
    # resvg's own fallback drew both with the same face (DejaVu Sans Condensed Bold for
    # Arabic, the regular Droid Sans Fallback for Chinese, on Debian).
    assert regular < 0.85 * bold, (regular, bold)
    assert text_png(text, "normal") == text_png(text, "normal")


def test_installed_font_files_are_read_as_resvg_sees_them() -> None:
    fonts = resvgfonts.installed_fonts()
    regular, bold = fonts.face("DejaVu Sans", False, False), fonts.face("DejaVu Sans", True, False)
    if regular is None or bold is None:
        pytest.skip("DejaVu Sans is not installed")
    # The normal width is picked over DejaVu Sans Condensed, the weight as CSS matches it.
    assert (regular.weight, regular.width, regular.italic) == (400, 5, False)
    assert (bold.weight, bold.width, bold.italic) == (700, 5, False)
    assert fonts.has_all(regular, map(ord, "Ada ليلى דנה"))
    assert not fonts.has_all(regular, map(ord, "王"))
