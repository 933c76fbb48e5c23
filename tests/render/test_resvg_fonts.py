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

    def coverage_by_name(self) -> dict[tuple[str, int], set[int]]:
        """The faces as given: (family, weight) -> code points."""
        return {(face.path, face.weight): points for face, points in self.coverage.items()}


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


# --- a line that no family has every character of: its Latin in the chart's font -------------

DEVANAGARI = set(range(0x0900, 0x0980))
SPLIT_FONTS = FakeFonts({
    ("Liberation Sans", 400): LATIN, ("Liberation Sans", 700): LATIN,
    ("DejaVu Sans", 400): LATIN | ARABIC, ("DejaVu Sans", 700): LATIN | ARABIC,
    ("Noto Sans Devanagari", 400): DEVANAGARI | {0x20},
    ("Noto Sans Devanagari", 700): DEVANAGARI | {0x20},
})
IN_CHART_FONT = f"<tspan font-family=\"{STACK}\">"
DEVANAGARI_FIRST = f"\"'Noto Sans Devanagari', {STACK}\""


def test_a_line_no_family_has_draws_its_latin_in_the_charts_font() -> None:
    # ("क्ष Rao": no installed family has Devanagari and Latin; resvg's fallback drew boxes)
    svg = (f'<svg xmlns="http://www.w3.org/2000/svg" font-family="{STACK}">'
           '<text font-weight="bold">क्ष Rao</text><text>Priya शर्मा (R&amp;D) x</text>'
           '<text>राम</text><text>Ada Obi</text></svg>').encode()
    assert prepare(svg, SPLIT_FONTS).svg.decode() == (
        f'<svg xmlns="http://www.w3.org/2000/svg" font-family="{STACK}">'
        f'<text font-family={DEVANAGARI_FIRST} font-weight="bold">'
        f"\u2066क्ष\u2069 {IN_CHART_FONT}Rao</tspan></text>"
        # (a tspan that would start the text comes after a non-joiner; the letters of the
        # other script between isolates, shaped as their script)
        f"<text font-family={DEVANAGARI_FIRST}>\u200c{IN_CHART_FONT}Priya</tspan> "
        f"\u2066शर्मा\u2069 {IN_CHART_FONT}(R&amp;D) x</tspan></text>"
        f"<text font-family={DEVANAGARI_FIRST}>राम</text>"  # (one family has it all)
        "<text>Ada Obi</text></svg>")


def test_the_emoji_of_such_a_line_are_put_in_the_emoji_font_and_its_fonts_read_first() -> None:
    fonts = FakeFonts({**SPLIT_FONTS.coverage_by_name(), ("Noto Color Emoji", 400): {
        0x20, 0x2764, 0xFE0F, 0x1F44D, 0x1F3FD, *range(0x30, 0x3A)}})
    svg = (f'<svg xmlns="http://www.w3.org/2000/svg" font-family="{STACK}">'
           '<text>\u2764\ufe0f Rao क्ष 👍🏽</text></svg>').encode()
    prepared = prepare(svg, fonts)
    emoji = "<tspan font-family=\"'Noto Color Emoji'\">"
    assert prepared.svg.decode() == (
        f'<svg xmlns="http://www.w3.org/2000/svg" font-family="{STACK}">'
        f"<text font-family={DEVANAGARI_FIRST}>\u200c{emoji}\u2764</tspan> "
        f"{IN_CHART_FONT}Rao</tspan> \u2066क्ष\u2069 {emoji}👍</tspan></text></svg>")
    # (a tspan's fallback for the other font's letters finds them in it, not in a font
    # that has all the line's characters and would draw the whole span, DejaVu Sans here)
    assert prepared.font_files == ["Noto Color Emoji", "Noto Sans Devanagari",
                                   "Liberation Sans", "DejaVu Sans"]


def test_only_what_the_charts_font_has_of_the_simple_scripts_is_put_in_it() -> None:
    def has(char: str) -> bool:
        return ord(char) in LATIN

    assert resvgfonts.chart_runs("Rao क्ष Kumar Das", has) == [(0, 3), (8, 17)]
    assert resvgfonts.chart_runs("ab\u0301c क", has) == [(0, 1), (3, 4)]  # (b and its mark)
    assert resvgfonts.chart_runs("क्ष", has) == []
    assert resvgfonts.chart_runs("\u263a x", has) == [(2, 3)]  # (☺: left to the families)
    assert resvgfonts.pick_split("क्ष Rao", STACK, True, False, SPLIT_FONTS) == (
        "Noto Sans Devanagari", SPLIT_FONTS.face("Liberation Sans", True, False))
    # Not a right-to-left line, nor one whose other letters no family has.
    assert resvgfonts.pick_split("ليلى क Rao", STACK, False, False, SPLIT_FONTS) is None
    assert resvgfonts.pick_split("王 Rao", STACK, False, False, SPLIT_FONTS) is None
    assert resvgfonts.in_fonts("क Rao", "S", [(2, 5)], first=True) == (
        "\u2066क\u2069 <tspan font-family=\"S\">Rao</tspan>")
    assert resvgfonts.in_fonts("a<b क", "S", [(0, 3)], first=True) == (
        "\u200c<tspan font-family=\"S\">a&lt;b</tspan> \u2066क\u2069")
    # XML white space first is dropped by resvg: the tspan after it is first.
    assert resvgfonts.in_fonts(" \tRao क", "S", [(2, 5)], first=True) == (
        " \t\u200c<tspan font-family=\"S\">Rao</tspan> \u2066क\u2069")
    assert resvgfonts.in_fonts(" \tRao क", "S", [(2, 5)]) == (
        " \t<tspan font-family=\"S\">Rao</tspan> \u2066क\u2069")
    assert resvgfonts.in_fonts(" क Rao", "S", [(3, 6)], first=True) == (
        " \u2066क\u2069 <tspan font-family=\"S\">Rao</tspan>")


def test_a_line_in_two_fonts_after_white_space_starts_with_a_non_joiner() -> None:
    # (resvg drops a text's leading white space, and panicked on the tspan after it:
    # usvg's layout.rs:953)
    svg = (f'<svg xmlns="http://www.w3.org/2000/svg" font-family="{STACK}">'
           '<text> Rao क्ष</text><text>\n\t<tspan>&#32; Rao</tspan> क्ष</text></svg>').encode()
    assert prepare(svg, SPLIT_FONTS).svg.decode() == (
        f'<svg xmlns="http://www.w3.org/2000/svg" font-family="{STACK}">'
        f"<text font-family={DEVANAGARI_FIRST}> \u200c{IN_CHART_FONT}Rao</tspan> "
        "\u2066क्ष\u2069</text>"
        f"<text font-family={DEVANAGARI_FIRST}>\n\t<tspan>  \u200c{IN_CHART_FONT}Rao</tspan>"
        "</tspan> \u2066क्ष\u2069</text></svg>")


@pytest.mark.skipif(not HAS_RESVG, reason="needs resvg-py")
@pytest.mark.parametrize("text", [" Rao क्ष", "\tPriya शर्मा", "  ▶\ufe0f क्ष Rao", " ❤ क्ष",
                                  "\n 🚀 क्ष Rao"])
def test_a_line_in_two_fonts_after_white_space_is_drawn(text: str) -> None:
    assert _line_png(text) == _line_png(text.lstrip(" \t\n"))  # (panicked before)


def _ink_columns(png: bytes) -> list[tuple[int, int]]:
    """The [first, last] columns of each stretch of inked columns, stretches 10 or more blank
    columns apart (the words of a line at 40 px: letters are at most 6 apart)."""
    from PIL import Image

    gray = Image.open(io.BytesIO(png)).convert("L")
    inked = [any(gray.getpixel((x, y)) < 128 for y in range(gray.height))
             for x in range(gray.width)]
    words: list[tuple[int, int]] = []
    for x, dark in enumerate(inked):
        if not dark:
            continue
        if words and x - words[-1][1] <= 10:
            words[-1] = (words[-1][0], x)
        else:
            words.append((x, x))
    return words


def _line_png(text: str, family: str = STACK, weight: str = "bold") -> bytes:
    svg = (f'<svg xmlns="http://www.w3.org/2000/svg" width="600" height="80" '
           f'font-family="{family}"><rect width="600" height="80" fill="#fff"/>'
           f'<text x="10" y="55" font-size="40" font-weight="{weight}">{text}</text>'
           '</svg>').encode()
    return svg_to_png(svg)


@pytest.mark.skipif(not (HAS_RESVG and HAS_PIL), reason="needs resvg-py and Pillow")
@pytest.mark.parametrize(("script", "family"), [
    ("क्ष", "Noto Sans Devanagari"), ("शर्मा", "Noto Sans Devanagari"),
    ("முருகன்", "Noto Sans Tamil"), ("অমিত", "Noto Sans Bengali"), ("สมชาย", "Noto Sans Thai")])
@pytest.mark.parametrize("weight", ["bold", "normal"])
def test_letters_of_another_script_beside_latin_are_drawn_as_alone(
        script: str, family: str, weight: str) -> None:
    from PIL import Image, ImageChops, ImageFilter, ImageStat

    fonts = resvgfonts.installed_fonts()
    face = fonts.face(family, weight == "bold", False)
    if face is None or any(
            fonts.has_all(fonts.face(other, weight == "bold", False) or face,
                          map(ord, script + "R")) for other in SCRIPT_FAMILIES):
        pytest.skip(f"needs {family}, and no installed family with it and Latin")
    alone = _line_png(script, f"'{family}'", weight)
    (start, stop), = _ink_columns(alone)  # (one word)

    def crop(png: bytes, first: int) -> Image.Image:
        image = Image.open(io.BytesIO(png)).convert("L")
        return image.crop((first - 2, 0, first + stop - start + 3, image.height)).filter(
            ImageFilter.GaussianBlur(1))

    for text, word in ((f"{script} Rao", 0), (f"Rao {script}", -1)):
        drawn = _line_png(text, weight=weight)
        words = _ink_columns(drawn)
        assert len(words) == 2, (text, words)  # (not boxes: a box is a word of its own)
        first, last = words[word]
        # The same width as the word alone (boxes, a conjunct drawn as क् ष, a vowel sign
        # not moved before its letter, were not), and the same shapes.
        assert abs((last - first) - (stop - start)) <= 1, (text, words, (start, stop))
        differ = ImageStat.Stat(ImageChops.difference(crop(drawn, first),
                                                      crop(alone, start))).mean[0]
        assert differ < 12, (text, differ)
    assert _line_png(f"Rao {script}", weight=weight) == _line_png(f"Rao {script}", weight=weight)


# --- resvg's fallback faces in the weight of the text ---------------------------------------

class FileFonts(FontIndex):
    """A font index of fake font files, one face each: (file, family, weight, italic) ->
    code points."""

    def __init__(self, faces: dict[tuple[str, str, int, bool], set[int]]) -> None:
        self.coverage = {Face(path, 0, (family.lower(),), weight, italic, 5): points
                         for (path, family, weight, italic), points in faces.items()}
        super().__init__(self.coverage)

    def has_all(self, face: Face, points: Iterable[int]) -> bool:
        """Whether the fake face has every code point."""
        return set(points) <= self.coverage[face]


HEBREW = set(range(0x05D0, 0x05EB))
# (in the order of their file names, as installed_fonts reads them: -Bold first)
FILE_FONTS = FileFonts({
    ("LiberationSans-Bold", "Liberation Sans", 700, False): LATIN,
    ("LiberationSans-BoldItalic", "Liberation Sans", 700, True): LATIN,
    ("LiberationSans-Italic", "Liberation Sans", 400, True): LATIN,
    ("LiberationSans-Regular", "Liberation Sans", 400, False): LATIN,
    ("NotoColorEmoji", "Noto Color Emoji", 400, False): {0x20, 0x1F600},
    ("NotoSansDevanagari-Bold", "Noto Sans Devanagari", 700, False): DEVANAGARI | {0x20},
    ("NotoSansDevanagari-Regular", "Noto Sans Devanagari", 400, False): DEVANAGARI | {0x20},
    ("NotoSansHebrew-Bold", "Noto Sans Hebrew", 700, False): HEBREW | {0x20},
    ("NotoSansHebrew-Regular", "Noto Sans Hebrew", 400, False): HEBREW | {0x20},
})


def _texts_svg(*texts: tuple[str, str]) -> bytes:
    return (f'<svg xmlns="http://www.w3.org/2000/svg" font-family="{STACK}">'
            + "".join(f'<text font-weight="{weight}">{text}</text>' for text, weight in texts)
            + "</svg>").encode()


def test_the_fallbacks_faces_come_in_the_weight_of_the_texts_left_to_it() -> None:
    # "राम שלום": no family has both (nor is a right-to-left line split), so resvg's
    # fallback draws its letters with the first face read that has them, bold or not. The
    # line drawn in two fonts has its families read first (after the emoji font): their
    # -Bold files came first, and the regular line was drawn bold.
    files = prepare(_texts_svg(("राम שלום", "normal"), ("Ana क्ष", "normal")),
                    FILE_FONTS).font_files
    assert files == ["NotoColorEmoji", "NotoSansDevanagari-Regular", "NotoSansDevanagari-Bold",
                     "LiberationSans-Regular", "LiberationSans-Bold", "LiberationSans-Italic",
                     "LiberationSans-BoldItalic", "NotoSansHebrew-Regular",
                     "NotoSansHebrew-Bold"]
    # An emoji elsewhere: the emoji font first, the others as read, each family's in weight.
    files = prepare(_texts_svg(("राम שלום", "normal"), ("Ana 😀", "bold")),
                    FILE_FONTS).font_files
    assert files == ["NotoColorEmoji", "LiberationSans-Regular", "LiberationSans-Bold",
                     "LiberationSans-Italic", "LiberationSans-BoldItalic",
                     "NotoSansDevanagari-Regular", "NotoSansDevanagari-Bold",
                     "NotoSansHebrew-Regular", "NotoSansHebrew-Bold"]
    # Bold text left to the fallback: the bold faces first; alone too, the files handed to
    # resvg in the order read, each family's in weight (resvg's own reading of the system's
    # fonts drew bold text left to it regular).
    bold = prepare(_texts_svg(("राम שלום", "bold"), ("Ana क्ष", "normal")), FILE_FONTS)
    assert bold.font_files is not None
    assert bold.font_files[1:3] == ["NotoSansDevanagari-Bold", "NotoSansDevanagari-Regular"]
    assert prepare(_texts_svg(("राम שלום", "bold")), FILE_FONTS).font_files == [
        "LiberationSans-Bold", "LiberationSans-Regular", "LiberationSans-BoldItalic",
        "LiberationSans-Italic", "NotoColorEmoji", "NotoSansDevanagari-Bold",
        "NotoSansDevanagari-Regular", "NotoSansHebrew-Bold", "NotoSansHebrew-Regular"]
    regular = prepare(_texts_svg(("राम שלום", "normal")), FILE_FONTS).font_files
    assert regular is not None and regular.index("NotoSansHebrew-Regular") < regular.index(
        "NotoSansHebrew-Bold")
    # Most of those texts decide (regular on a tie); texts with a family of their own, or
    # drawn in two fonts, are not left to it.
    mixed = prepare(_texts_svg(("राम שלום", "bold"), ("שלום राम", "normal"),
                               ("Ana क्ष", "bold"), ("राम", "bold")), FILE_FONTS).font_files
    assert mixed is not None and mixed[1:3] == ["NotoSansDevanagari-Regular",
                                                "NotoSansDevanagari-Bold"]
    # Nothing left to it, no emoji, no line in two fonts: the system's fonts, as before.
    assert prepare(_texts_svg(("राम", "normal")), FILE_FONTS).font_files is None


@pytest.mark.skipif(not (HAS_RESVG and HAS_PIL), reason="needs resvg-py and Pillow")
@pytest.mark.parametrize("text", ["राम שלום", "राम 王小明", "김 Ελένη", "CEO, राम 王小明"])
@pytest.mark.parametrize("weight", ["normal", "bold"])
def test_a_text_left_to_the_fallback_is_drawn_at_its_weight_whatever_else_is_drawn(
        text: str, weight: str) -> None:
    from PIL import Image

    def first_line(*others: str) -> tuple[bytes, int]:
        lines = "".join(f'<text x="10" y="{130 + 80 * at}" font-size="40" '
                        f'font-weight="{weight}">{other}</text>'
                        for at, other in enumerate(others))
        svg = (f'<svg xmlns="http://www.w3.org/2000/svg" width="700" height="300" '
               f'font-family="{STACK}"><rect width="700" height="300" fill="#fff"/>'
               f'<text x="10" y="50" font-size="40" font-weight="{weight}">{text}</text>'
               f"{lines}</svg>").encode()
        image = Image.open(io.BytesIO(svg_to_png(svg))).crop((0, 0, 700, 70))
        return image.tobytes(), ink(_png_of(image))

    alone, alone_ink = first_line()
    other_weight = "bold" if weight == "normal" else "normal"
    for others in (("Ana क्ष",), ("Ana 😀",), ("CTO, Priya शर्मा",), ("Ana क्ष", "Ana 😀")):
        drawn, drawn_ink = first_line(*others)
        # (regular lines were drawn bold: 1.2 to 2 times the ink)
        assert drawn == alone, (others, drawn_ink, alone_ink)
    # ... and at its own weight: regular lighter than bold.
    svg_other = _line_png(text, weight=other_weight)
    svg_this = _line_png(text, weight=weight)
    lighter, darker = sorted((ink(svg_this), ink(svg_other)))
    assert lighter < 0.85 * darker


def _png_of(image: object) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, "PNG")  # type: ignore[attr-defined]
    return buffer.getvalue()


@pytest.mark.skipif(not (HAS_RESVG and HAS_PIL), reason="needs resvg-py and Pillow")
def test_a_font_read_first_for_a_bold_emoji_line_leaves_regular_lines_regular() -> None:
    from PIL import Image

    def first_line(other: str) -> bytes:
        svg = (f'<svg xmlns="http://www.w3.org/2000/svg" width="700" height="160" '
               f'font-family="{STACK}"><rect width="700" height="160" fill="#fff"/>'
               '<text x="10" y="50" font-size="40">김 ❤\ufe0f محمد</text>'
               f'<text x="10" y="130" font-size="40" font-weight="bold">{other}</text>'
               "</svg>").encode()
        return Image.open(io.BytesIO(svg_to_png(svg))).crop((0, 0, 700, 70)).tobytes()

    # ("لا 👍🏽 😀": DejaVu Sans has 😀 in black, so its emoji go in the emoji font's tspan
    # and Noto Sans Arabic Bold was read first, for the regular line's Arabic too)
    assert first_line("لا 👍🏽 😀") == first_line("Ana") == first_line("Ana 😀")
