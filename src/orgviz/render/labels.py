"""Text of the chart: cleaning, escaping for DOT, HTML-like labels and SVG, measuring, wrapping."""

from __future__ import annotations

import math
import os
import re
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import lru_cache
from typing import TYPE_CHECKING

from orgviz.render.emoji import (
    CHART_FONT_EMOJI_WIDTHS,
    NARROW_SPACE,
    NARROW_SPACE_WIDTH,
    all_emoji_font,
    drawn_as_picture,
    emoji_runs,
    is_picture,
    is_regional,
    is_text_emoji,
    joined,
    narrowed,
    toned,
)

if TYPE_CHECKING:
    from PIL import ImageFont

    from orgviz.render.resvgfonts import Face, FontIndex

# Characters that XML 1.0 forbids, plus other C0/C1 controls and the bidi *embedding and
# override* controls (U+202A-U+202E) that would let one string re-order the text after it.
# Line and paragraph separators become spaces; isolates (U+2066-U+2069) are harmless.
# Kept as patterns: re compiles (and caches) them when a text first needs them.
_DROP = ("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\ufeff\ufffe\uffff"
         "\ud800-\udfff]")
_SPACE = r"[\s\u2028\u2029]+"


def clean(text: str | None) -> str:
    """User text as one printable line: controls dropped, runs of white space folded."""
    if not text:
        return ""
    if text.isprintable() and "  " not in text and text[0] != " " and text[-1] != " ":
        return text  # nothing to drop or fold (printable excludes Cc, Cf, Cs, Cn, Z* but " ")
    return re.sub(_SPACE, " ", re.sub(_DROP, "", text)).strip()


def xml_escape(text: str) -> str:
    """Escape text for XML character data and double-quoted attribute values."""
    return (text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace('"', "&quot;").replace("'", "&#39;"))


def html_label_text(text: str) -> str:
    """Escape cleaned text for a Graphviz HTML-like label.

    XML-escaped, and every backslash doubled: Graphviz expands escapes such as `\\N` (the
    node name) and `\\G` inside HTML-like labels too, and reads `\\\\` as one backslash.
    """
    return xml_escape(clean(text)).replace("\\", "\\\\")


def dot_string(*lines: str) -> str:
    """A double-quoted DOT label showing `lines` literally, one per line (centred).

    Graphviz decodes entities in plain labels (`&amp;` shows as `&`) and expands escapes
    (`\\N` is the node name): `&` is written `&amp;`, a backslash `\\\\`.
    """
    return '"' + "\\n".join(clean(line).replace("&", "&amp;").replace("\\", "\\\\")
                             .replace('"', '\\"') for line in lines if line) + '"'


def dot_tooltip(text: str) -> str:
    """A double-quoted DOT tooltip showing `text` literally: tooltips go through Graphviz's
    escapes once more than labels (`\\\\N` is still the node name), so a backslash is
    written as four (checked with Graphviz 2.43 and graphviz-pure)."""
    body = (clean(text).replace("&", "&amp;").replace("\\", "\\\\\\\\")
            .replace('"', '\\"'))
    return f'"{body}"'


def right_to_left(text: str) -> bool:
    """Whether the first strong character of `text` is right-to-left (Hebrew, Arabic, ...):
    what makes a paragraph right-to-left (Unicode's bidi rules P2, P3)."""
    if text.isascii():
        return False
    for char in text:
        kind = unicodedata.bidirectional(char)
        if kind in ("R", "AL"):
            return True
        if kind == "L":
            return False
    return False


def in_reading_order(line: str, paragraph: str | None = None) -> str:
    """A line to draw: right-to-left between bidi isolates (U+2067 ... U+2069) when the first
    strong character of its `paragraph` (the text it was wrapped from; else the line) is
    right-to-left and the direction shows (`_direction_shows`), so that it reads right to
    left as a whole, as a browser shows it with dir=auto: "ليلى حداد (CEO)" and
    "مدير المنتج، EMEA" with (CEO) and EMEA at the left end, where a right-to-left reader
    ends, not at the right, where they start; else as it is (an SVG's text runs left to
    right, and a line all in Arabic or Hebrew looks the same both ways)."""
    if right_to_left(paragraph or line) and _direction_shows(line):
        return f"\u2067{line}\u2069"
    return line


def _direction_shows(line: str) -> bool:
    """Whether a line reads differently left to right and right to left: it holds a
    left-to-right letter, or it starts or ends with punctuation ("דוד כהן." ends with its
    full stop at the left, right to left)."""
    if not line:
        return False
    ends = (unicodedata.bidirectional(line[:1]), unicodedata.bidirectional(line[-1:]))
    return (any(kind in ("ON", "CS", "ES", "ET") for kind in ends)
            or any(unicodedata.bidirectional(char) == "L" for char in line))


HEX_COLOR = re.compile(r"^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$")


def verify_color(color: str | None, fallback: str) -> str:
    """A `#rrggbb` color from `color` if it is a hex color, else `fallback`."""
    if color is None or not HEX_COLOR.match(color):
        return fallback
    if len(color) == 4:
        color = "#" + "".join(c * 2 for c in color[1:])
    return color.lower()


# --- measuring -------------------------------------------------------------------------------

# Advance widths of Helvetica / Arial / Liberation Sans in 1/1000 em for ASCII 32..126.
_ASCII_WIDTHS = (
    278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278,
    556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556,
    1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778,
    667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556,
    333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556,
    556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,
)
_BOLD_ASCII_WIDTHS = (
    278, 333, 474, 556, 556, 889, 722, 238, 333, 333, 389, 584, 278, 333, 278, 278,
    556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 333, 333, 584, 584, 584, 611,
    975, 722, 722, 722, 722, 667, 611, 778, 722, 278, 556, 722, 611, 833, 722, 778,
    667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 333, 278, 333, 584, 556,
    333, 556, 611, 556, 611, 556, 333, 611, 611, 278, 278, 556, 278, 889, 611, 611,
    611, 611, 389, 556, 333, 611, 556, 778, 556, 556, 500, 389, 280, 389, 584,
)


#: Advance widths of DejaVu Sans and DejaVu Sans Bold in 1/1000 em for ASCII 32..126: a PNG
#: draws a line that holds letters of a script the chart's font lacks (Arabic, CJK, ...) in
#: one family that has them all, DejaVu Sans where installed (`resvgfonts.SCRIPT_FAMILIES`),
#: Latin too, which is 12% (bold 18%) wider than Helvetica.
_WIDE_ASCII_WIDTHS = (
    318, 401, 460, 838, 636, 950, 780, 275, 390, 390, 500, 838, 318, 361, 318, 337,
    636, 636, 636, 636, 636, 636, 636, 636, 636, 636, 337, 337, 838, 838, 838, 531,
    1000, 684, 686, 698, 770, 632, 575, 775, 752, 295, 295, 656, 557, 863, 748, 787,
    603, 787, 695, 635, 611, 732, 684, 989, 685, 611, 685, 390, 337, 390, 838, 500,
    500, 613, 635, 550, 635, 615, 352, 635, 634, 278, 278, 579, 278, 974, 634, 612,
    635, 635, 411, 521, 392, 634, 592, 818, 592, 592, 525, 636, 337, 636, 838,
)
_WIDE_BOLD_ASCII_WIDTHS = (
    348, 456, 521, 838, 696, 1002, 872, 306, 457, 457, 523, 838, 380, 415, 380, 365,
    696, 696, 696, 696, 696, 696, 696, 696, 696, 696, 400, 400, 838, 838, 838, 580,
    1000, 774, 762, 734, 830, 683, 683, 821, 837, 372, 372, 775, 637, 995, 837, 850,
    733, 850, 770, 720, 682, 812, 774, 1103, 771, 724, 725, 457, 365, 457, 838, 500,
    500, 675, 716, 593, 716, 678, 435, 716, 712, 343, 343, 665, 343, 1042, 712, 687,
    716, 716, 493, 595, 478, 712, 652, 924, 645, 652, 582, 712, 365, 712, 838,
)
_TABLES = {(False, False): _ASCII_WIDTHS, (True, False): _BOLD_ASCII_WIDTHS,
           (False, True): _WIDE_ASCII_WIDTHS, (True, True): _WIDE_BOLD_ASCII_WIDTHS}


#: A full em wide in Helvetica and DejaVu Sans, regular and bold: the ellipsis (that NFKD
#: would measure as one full stop, 722 units short, so that a shortened name ran 9 px
#: into the card's margin), the em dash, the horizontal bar and the per mille sign.
_EM_WIDE = frozenset("\u2026\u2014\u2015\u2030")
#: The symbols of pdftext.CHART_FONT_SYMBOLS that are no emoji (emoji.CHART_FONT_EMOJI_WIDTHS
#: has the others), with their widths in the chart's font, regular or bold (the wider; Arial's
#: are the same), in 1/1000 em: a PNG draws them with it, as the Latin beside them.
_SYMBOL_WIDTHS = {"\u2302": 604, "\u2310": 584, "\u2320": 604, "\u2321": 604,
                  "\u263b": 1052, "\u263c": 917, "\u266a": 500, "\u266b": 750}
#: An emoji drawn as a picture (emoji.starts_emoji: by default, or a symbol or keycap made
#: one by its selector), in 1/1000 em: colour emoji fonts draw them wider than an em (Noto
#: Color Emoji 1.245 em, Apple Color Emoji about 1.25).
EMOJI_WIDTH = 1275
#: An emoji drawn as text by default that the chart's font lacks (❤, ▶, ✔, ⌨ without U+FE0F:
#: emoji.TEXT_EMOJI less CHART_FONT_EMOJI_WIDTHS), in 1/1000 em: as wide as a picture, or
#: the glyph of a text font that draws it wider (⌨ in DejaVu Sans, 🗺 in Noto Sans Symbols 2).
#: A PNG draws such an emoji in colour where the emoji font draws it (resvg's fallback for
#: ▶ beside Latin; a line drawn in two fonts, "क्ष ❤"; a text that has ❤️ too, "שׁלום ❤️ ❤":
#: see resvgfonts), else with a text family that has it, DejaVu Sans's ❤ 0.84 em, Noto Sans
#: CJK's ▶ an em, never wider than this: measured as text (0.6 em) it passed its card.
_TEXT_EMOJI_WIDER = {"\u2328": 1443, "\U0001f5fa": 1371}


@lru_cache(maxsize=4096)
def _foreign(char: str) -> bool:
    """Whether `char` is a letter, digit or symbol of a script the chart's font may lack.
    Not Hebrew: Liberation Sans and Arial have it, so its lines keep their Latin; nor a
    symbol they have (pdftext.CHART_FONT_SYMBOLS: ☺ ♥ ♠, drawn in the chart's font)."""
    from orgviz.render.pdftext import needs_shaping  # (PDF text's module: not at start-up)

    point = ord(char)
    return (unicodedata.category(char)[0] in "LNS" and needs_shaping(char)
            and not (0x0590 <= point <= 0x05FF or 0xFB1D <= point <= 0xFB4F))


def mixes_scripts(text: str) -> bool:
    """Whether `text` holds letters of a script the chart's font may lack (Arabic, CJK, ...):
    a PNG then draws all of it, Latin too, in a wider family (see `_WIDE_ASCII_WIDTHS`)."""
    return not text.isascii() and any(map(_foreign, text))


#: The start of the font file names of the faces as wide as Helvetica (`_ASCII_WIDTHS`):
#: Helvetica, Arial and their metric twins (Liberation Sans, Arimo), lower case.
_HELVETICA_METRIC_FILES = ("helvetica", "arial", "liberationsans-", "liberationsans.",
                           "arimo")


@lru_cache(maxsize=1)
def _helvetica_metric_installed() -> bool:
    """Whether a face as wide as Helvetica is installed, by its file's name (a look at the
    names in the font folders, not at the fonts: most machines have one; once a process)."""
    from orgviz.render.resvgfonts import font_dirs  # (the fonts' module: not at start-up)

    for folder in font_dirs():
        for _root, _dirs, files in os.walk(folder, followlinks=True):
            if any(name.lower().startswith(_HELVETICA_METRIC_FILES) for name in files):
                return True
    return False


#: Whether text is measured for a PNG or a PDF, drawn here with this machine's fonts (True),
#: or for an SVG or DOT file, drawn wherever it is opened (`measured_for`).
_DRAWN_HERE: ContextVar[bool] = ContextVar("orgviz_drawn_here", default=False)


@contextmanager
def measured_for(fmt: str) -> Iterator[None]:
    """Measure the text of the chart drawn inside as format `fmt` draws it: a PNG's and a
    PDF's Latin text in the face that draws it here when that is wider than Helvetica
    (`chart_face_widths`); an SVG's as Helvetica, Arial and Liberation Sans draw it, as
    browsers elsewhere show it (the same file on every machine)."""
    token = _DRAWN_HERE.set(fmt in ("png", "pdf"))
    try:
        yield
    finally:
        _DRAWN_HERE.reset(token)


@lru_cache(maxsize=2)
def chart_face_widths(bold: bool) -> tuple[int, ...] | None:
    """The advance widths (1/1000 em, ASCII 32..126) of the face a PNG's (or a PDF's) Latin
    text is drawn with here, the first installed family of the chart's font stack, when no
    face as wide as Helvetica is installed and it is wider (DejaVu Sans, 12% wider: text
    measured as Helvetica ran past its box); else None (the built-in tables). Read once per
    process."""
    if _helvetica_metric_installed():
        return None
    from orgviz.render import resvgfonts as rf  # (reads the installed fonts)

    face = rf.first_face(_MEASURED_STACK, bold, False, rf.installed_fonts())
    font = None if face is None else _shaper(face.path, face.offset, shape=False)
    if font is None:
        return None
    try:
        widths = tuple(math.ceil(font.getlength(chr(code))) for code in range(32, 127))
    except (OSError, ValueError):
        return None
    built_in = _BOLD_ASCII_WIDTHS if bold else _ASCII_WIDTHS
    return widths if sum(widths) > sum(built_in) * 1.02 else None


@lru_cache(maxsize=8)
def _table(bold: bool, wide: bool, here: bool = False) -> tuple[int, ...]:
    """The ASCII widths text is measured with: for a PNG or PDF drawn `here`, the face that
    draws it when that is wider than Helvetica (`chart_face_widths`), else the built-in
    table."""
    return (chart_face_widths(bold) if here and not wide else None) or _TABLES[bold, wide]


@lru_cache(maxsize=4)
def _ascii_widths(bold: bool, here: bool = False) -> dict[str, int]:
    """Character -> width of the printable ASCII characters (`_table`, as lines without
    other scripts are measured)."""
    return {chr(32 + i): width for i, width in enumerate(_table(bold, False, here))}


@lru_cache(maxsize=4096)
def _char_width(char: str, bold: bool, wide: bool = False, here: bool = False) -> int:
    """Width of one character in 1/1000 em (a generous estimate outside ASCII)."""
    code = ord(char)
    table = _table(bold, wide, here)
    if 32 <= code <= 126:
        return table[code - 32]
    if unicodedata.combining(char) or unicodedata.category(char) in ("Mn", "Me", "Cf"):
        return 0
    if code >= 0x2300 and is_picture(char):
        return EMOJI_WIDTH
    if code > 0x7F and is_text_emoji(char) and char not in CHART_FONT_EMOJI_WIDTHS:
        return _TEXT_EMOJI_WIDER.get(char, EMOJI_WIDTH)
    if unicodedata.east_asian_width(char) in ("W", "F") or code >= 0x1F000:
        return 1000  # CJK and other wide symbols
    if char in _EM_WIDE:
        return 1000
    if char in CHART_FONT_EMOJI_WIDTHS:  # (™️: text in a PNG; © measured as 600 was 137 short)
        return CHART_FONT_EMOJI_WIDTHS[char]
    if char in _SYMBOL_WIDTHS:
        return _SYMBOL_WIDTHS[char]
    base = unicodedata.normalize("NFKD", char)[:1]
    if base and 32 <= ord(base) <= 126:
        return table[ord(base) - 32]
    return 620 if bold else 600


@lru_cache(maxsize=65536)
def _em_width(text: str, bold: bool, wide: bool | None = None, here: bool = False) -> int:
    """Width of `text` in 1/1000 em; `wide`: measured as a line mixing scripts (None: if it
    does); `here`: for a PNG or PDF drawn with this machine's fonts (`measured_for`)."""
    if wide is None:
        wide = mixes_scripts(text)
    if not wide:
        try:  # the usual case: all printable ASCII
            return sum(map(_ascii_widths(bold, here).__getitem__, text))
        except KeyError:
            pass
    whole = _whole_sequences(text, bold, here)
    if all_emoji_font(text):  # (drawn by the emoji font: its digits as wide; a space is
        # drawn as emoji.NARROW_SPACE, a quarter of an em)
        written = narrowed(text)  # (as long as `text`)
        return sum(NARROW_SPACE_WIDTH if written[at] == NARROW_SPACE else EMOJI_WIDTH
                   for at, char in enumerate(text)
                   if _char_width(char, bold, wide, here) and not toned(text, at)
                   and at not in whole)
    # (❤️: a text heart made a picture by the selector after it, drawn as wide as 🚀; ™️
    # stays text: the chart's font has ™; a skin tone adds nothing to its emoji: 👍🏽 is one
    # picture, and a PNG draws 👍 where its sequences are written apart, emoji.separated)
    widths = [0 if toned(text, at) or at in whole else EMOJI_WIDTH
              if drawn_as_picture(text, at) else _char_width(char, bold, wide, here)
              for at, char in enumerate(text)]
    estimate = sum(widths)
    if not any(map(_shaped, text)):
        return estimate
    drawn = _drawn_width(text, bold, tuple(widths))
    return estimate if drawn is None else max(estimate, drawn)


def _whole_sequences(text: str, bold: bool, here: bool) -> frozenset[int]:
    """Where in `text` an emoji is that adds no width, drawn as one picture with the emoji
    before it (emoji.joined: 👩‍💻's 💻, 🇬🇧's 🇧): in a PNG or PDF drawn `here` whose text
    the emoji font draws whole, or whose sequences resvgfonts has it draw whole
    (`draws_sequences_whole`). Elsewhere (an SVG, drawn by any browser: Windows draws a
    flag as its two letters) they are measured side by side, as written apart."""
    if not here or text.isascii() or not _MAY_JOIN.search(text):
        return frozenset()
    found = joined(text)
    if not found:
        return frozenset()
    from orgviz.render import resvgfonts as rf  # (reads the installed fonts: not at start-up)

    fonts = rf.installed_fonts()
    emoji = rf.emoji_face(fonts)
    if emoji is None:
        return frozenset()
    if not (all_emoji_font(text) and rf.drawn_whole_by(text, fonts, emoji)) and not (
            rf.draws_sequences_whole(text, _MEASURED_STACK, bold, False, fonts)):
        return frozenset()
    return frozenset(found)


#: What a joined emoji (emoji.joined) needs: a zero-width joiner or a regional indicator.
_MAY_JOIN = re.compile("[\u200d\U0001f1e6-\U0001f1ff]")


@lru_cache(maxsize=4096)
def _shaped(char: str) -> bool:
    """Whether a line with `char` is measured as a PNG draws it (`_drawn_width`): a letter,
    mark or digit of a script other than Latin (Greek, Cyrillic, Tamil, Arabic, CJK, ...),
    whose widths no table here holds. Not Latin (é measured as e, ø as before) nor the
    combining marks of U+0300...U+036F (named COMBINING)."""
    if char.isascii() or unicodedata.category(char)[0] not in "LMN":
        return False
    return not unicodedata.name(char, "LATIN").startswith(("LATIN", "COMBINING"))


#: The font stack a PNG's text is measured in (themes.DEFAULT_FONT): the faces resvg draws
#: a line with are those resvgfonts picks for it on that stack.
_MEASURED_STACK = "Helvetica, Arial, 'Liberation Sans', 'DejaVu Sans', sans-serif"
#: Font size the faces are shaped at: a unit is 1/1000 em.
_SHAPED_SIZE = 1000


@lru_cache(maxsize=256)
def _shaper(path: str, offset: int, shape: bool = True) -> ImageFont.FreeTypeFont | None:
    """A Pillow font for the face of the file at `offset` (its place in a collection), laid
    out with Raqm (HarfBuzz, as resvg's rustybuzz: conjuncts, vowel signs, ligatures,
    kerning) where Pillow has it and `shape`, else with its own layout (each character's
    glyph and advance width, unshaped); None when it cannot be read."""
    import struct

    from PIL import ImageFont, features

    from orgviz.render.resvgfonts import face_offsets

    try:
        with open(path, "rb") as file:
            index = face_offsets(file.read(12 + 4 * 256)).index(offset)
        engine = (ImageFont.Layout.RAQM if shape and features.check("raqm")
                  else ImageFont.Layout.BASIC)
        return ImageFont.truetype(path, _SHAPED_SIZE, index=index, layout_engine=engine)
    except (OSError, ValueError, struct.error):
        return None


def _advance(font: ImageFont.FreeTypeFont | None, text: str, last: bool = False) -> float | None:
    """The advance width of `text` laid out with `font`, in 1/1000 em: its words and spaces
    each laid out alone (remembered: a line is measured word by word as it is wrapped; a
    space ends what shaping joins); `last`: to the right edge of its ink where that is
    further (a letter or mark may hang past its advance: Ζ͂, मू, থ)."""
    if font is None:
        return None
    try:
        chunks = _CHUNKS.findall(text)
        width = sum(_length(font, chunk) for chunk in chunks)
        if last and chunks and not chunks[-1].isspace():
            ink = _ink(font, chunks[-1])
            width = max(width, width - _length(font, chunks[-1]) + ink)
        return width
    except (OSError, ValueError, KeyError):
        return None


#: What an emoji (emoji.emoji_runs, resvgfonts.by_emoji_font) holds one of: © ®, the
#: symbols from ‼ to ㊙, the emoji selector, the emoji planes.
_MAY_BE_EMOJI = re.compile("[\u00a9\u00ae\u203c-\u3299\ufe0f\U0001f000-\U0001faff]")
#: A line's words and the spaces between them (`_advance`).
_CHUNKS = re.compile(" +|[^ ]+")


@lru_cache(maxsize=65536)
def _length(font: ImageFont.FreeTypeFont, chunk: str) -> float:
    return float(font.getlength(chunk))


@lru_cache(maxsize=16384)
def _ink(font: ImageFont.FreeTypeFont, chunk: str) -> float:
    """How far right of its start `chunk` inks, laid out with `font`."""
    return float(font.getbbox(chunk)[2])


def _face_font(fonts: FontIndex, family: str | None, bold: bool
               ) -> ImageFont.FreeTypeFont | None:
    face = fonts.face(family, bold, False) if family is not None else None
    return None if face is None else _shaper(face.path, face.offset)


#: The code points of U+0590...U+1CFF (Hebrew to Vedic: Arabic, Indic, Thai, ...) -> the
#: faces that have them, all installed faces read once (`_fallback_faces`).
_FALLBACK_RANGE = (0x0590, 0x1CFF)
_fallback_map: dict[int, list[Face]] | None = None
#: A character no font has (the last private-use one): drawn as the font's box, .notdef.
_NO_GLYPH = "\U0010fffd"


def _fallback_faces(point: int, fonts: FontIndex) -> list[Face]:
    """The faces that may draw `point` where no family draws a line whole nor with the
    chart's font (Devanagari with Tamil): resvg's fallback takes a character from the first
    face it reads that has it, in the order of the font files on disk, so for the letters
    of U+0590...U+1CFF every installed face that has it (all faces' character maps read
    once, that range of them: ~0.2 s); for others (CJK, Greek, measured wide enough by the
    estimate) the first family of SCRIPT_FAMILIES that has it, regular and bold."""
    global _fallback_map
    from orgviz.render import resvgfonts as rf

    low, high = _FALLBACK_RANGE
    if not low <= point <= high:  # (CJK, Greek: of SCRIPT_FAMILIES, the first that has it)
        first: list[Face] = []
        for bold in (False, True):
            for family in rf.SCRIPT_FAMILIES:
                face = fonts.face(family, bold, False)
                if face is not None and fonts.has_all(face, (point,)):
                    first.append(face)
                    break
        return first
    if _fallback_map is None:
        found: dict[int, list[Face]] = {}
        for faces in fonts.by_path.values():
            for face in faces:
                for has in rf.code_points(face.path, face.offset, low, high):
                    found.setdefault(has, []).append(face)
        _fallback_map = found
    return _fallback_map.get(point, [])


def _fallback_width(text: str, bold: bool, widths: tuple[int, ...], picture: list[bool],
                    fonts: FontIndex, chart: Face | None) -> float | None:
    """Width of a line that resvg's fallback draws (no family has it whole, nor can it be
    split: Devanagari with Tamil), in 1/1000 em: each grapheme as wide as the widest face
    that may draw it draws it, shaped alone or unshaped (resvg gives up on shaping a line
    whose fonts draw it as different numbers of glyphs); a picture as `widths` has it."""
    total = 0.0
    at = 0
    for cluster in graphemes(text):
        stop = at + len(cluster)
        if any(picture[at:stop]):
            total += sum(widths[at:stop])
            at = stop
            continue
        drawn = _fallback_cluster(cluster, chart, fonts)
        if drawn is None:
            return None
        total += max(float(sum(widths[at:stop])), drawn)
        at = stop
    return total


@lru_cache(maxsize=16384)
def _fallback_cluster(cluster: str, chart: Face | None, fonts: FontIndex) -> float | None:
    """How wide a grapheme of a line left to resvg's fallback is drawn (`_fallback_width`),
    in 1/1000 em, its estimate aside: with the `chart` face where it has the grapheme, else
    as the widest face that may draw it, or as boxes; None when no face has it."""
    from orgviz.render import resvgfonts as rf

    points = [ord(char) for char in cluster if rf.is_drawn(char)]
    if chart is not None and fonts.has_all(chart, points):
        return _advance(_shaper(chart.path, chart.offset), cluster) or 0.0
    widest = _widest(cluster, tuple(points))
    if widest is None:
        return None
    # (where those faces draw the line as different numbers of glyphs, resvg gives up and
    # draws each character the chart's font lacks as its box, .notdef)
    box = 0.0 if chart is None else _advance(
        _shaper(chart.path, chart.offset, shape=False), _NO_GLYPH) or 0.0
    return max(box * len(points), widest)


@lru_cache(maxsize=4096)
def _widest(cluster: str, points: tuple[int, ...]) -> float | None:
    """The widest any installed face that has every one of `points` (the characters of the
    grapheme `cluster` a font must have) draws the cluster, shaped alone or unshaped, in
    1/1000 em; None when no face has them all."""
    from orgviz.render import resvgfonts as rf

    fonts = rf.installed_fonts()
    faces: list[Face] | None = None
    for point in points:
        having = _fallback_faces(point, fonts)
        faces = having if faces is None else [face for face in faces if face in having]
    if not faces:
        return None
    best = 0.0
    for face in faces:
        shaped = _advance(_shaper(face.path, face.offset), cluster, last=True)
        plain = _shaper(face.path, face.offset, shape=False)
        unshaped = sum(_advance(plain, char) or 0.0 for char in cluster)
        best = max(best, shaped or 0.0, unshaped)
    return best


def _isolated_arabic(text: str, font: ImageFont.FreeTypeFont | None) -> float | None:
    """Width of `text` with its Arabic letters unjoined, each in its isolated form: resvg
    shapes a right-to-left run as the script of its first letter, so Arabic after a Hebrew
    letter ("לוי سلام") is drawn unjoined, wider."""
    total = 0.0
    for cluster in graphemes(text):
        advance = _advance(font, cluster)
        if advance is None:
            return None
        total += advance
    return total


@lru_cache(maxsize=16384)
def _drawn_width(text: str, bold: bool, widths: tuple[int, ...]) -> int | None:
    """Width of `text` in 1/1000 em as a PNG draws it (resvgfonts.prepare and resvg), where
    the installed fonts tell: its letters shaped (Pillow's Raqm layout, HarfBuzz as resvg's
    rustybuzz) with the faces resvg draws them with, the family resvgfonts puts first for
    the line (Noto Sans Tamil, DejaVu Sans for Arabic with Hebrew), or for a line drawn in
    two (`resvgfonts.pick_split`: Indic or Thai with Latin) its Latin runs with the chart's
    font and the rest with the other family, else the chart's font itself (Greek, Cyrillic
    in Liberation Sans), else as wide as any face resvg's fallback may take (see
    `_fallback_width`); its emoji as `widths` has them (the estimate per character). None
    when the fonts cannot tell (no face has a character: the estimate)."""
    from orgviz.render import resvgfonts as rf  # (reads the installed fonts: not at start-up)

    fonts = rf.installed_fonts()
    emoji = rf.emoji_face(fonts)
    picture = [False] * len(text)
    if _MAY_BE_EMOJI.search(text):
        for start, stop in emoji_runs(text):
            picture[start:stop] = [True] * (stop - start)
        for at, char in enumerate(text):
            if rf.by_emoji_font(char) or (widths[at] >= EMOJI_WIDTH and not char.isalnum()):
                picture[at] = True
    own = "".join(" " if picture[at] else char for at, char in enumerate(text))
    stack = _MEASURED_STACK
    chart = rf.first_face(stack, bold, False, fonts)
    family = rf.pick_family(own, stack, bold, False, fonts)
    kinds: list[ImageFont.FreeTypeFont | None]
    if family is not None:
        kinds = [_face_font(fonts, family, bold)] * len(text)
    else:
        split = rf.pick_split(own, stack, bold, False, fonts, emoji)
        if split is not None:
            other, chart = split
            kinds = [_face_font(fonts, other, bold)] * len(text)
            chart_font = _shaper(chart.path, chart.offset)
            for start, stop in rf.chart_runs(
                    own, lambda char: fonts.has_all(chart, (ord(char),))):
                kinds[start:stop] = [chart_font] * (stop - start)
        elif chart is not None and fonts.has_all(
                chart, (ord(char) for char in own if rf.is_drawn(char))):
            kinds = [_shaper(chart.path, chart.offset)] * len(text)
        else:
            drawn = _fallback_width(text, bold, widths, picture, fonts, chart)
            return None if drawn is None else math.ceil(drawn)
    runs: list[tuple[int, int]] = []
    at = 0
    while at < len(text):
        stop = at + 1
        while stop < len(text) and (picture[stop] == picture[at]) and (
                picture[at] or kinds[stop] is kinds[at]):
            stop += 1
        runs.append((at, stop))
        at = stop
    hebrew = any("\u0590" <= char <= "\u05ff" for char in text)
    total = 0.0
    for index, (start, stop) in enumerate(runs):
        if picture[start]:
            total += sum(widths[start:stop])
            continue
        piece = text[start:stop]
        advance = _advance(kinds[start], piece, last=index == len(runs) - 1)
        if advance is None:
            return None
        if hebrew and any("\u0600" <= char <= "\u06ff" for char in piece):
            advance = max(advance, _isolated_arabic(piece, kinds[start]) or 0.0)
        total += advance
    return math.ceil(total)


def text_width(text: str, size: float, bold: bool = False, wide: bool | None = None) -> float:
    """Estimated width of `text` at font `size` (same units as `size`); `wide` as drawn in a
    line that mixes scripts (None: when `text` itself does)."""
    return _em_width(text, bold, wide, _DRAWN_HERE.get()) * size / 1000.0


def _extends(char: str) -> bool:
    """Whether `char` belongs to the character before it: a combining or spacing mark, a
    variation selector, an emoji skin tone or tag, a zero-width joiner, Thai and Lao sara am."""
    point = ord(char)
    return (unicodedata.category(char) in ("Mn", "Me", "Mc") or char in "\u200d\u0e33\u0eb3"
            or 0xFE00 <= point <= 0xFE0F or 0x1F3FB <= point <= 0x1F3FF
            or 0xE0020 <= point <= 0xE007F or 0xE0100 <= point <= 0xE01EF)


def graphemes(text: str) -> list[str]:
    """`text` cut where a line may break or an ellipsis go: between characters as a reader
    sees them (a letter with its marks, an emoji with its skin tone or joined by ZWJ, a
    flag), never inside one."""
    if text.isascii():
        return list(text)
    clusters: list[str] = []
    joined = False  # the character before is a zero-width joiner or a virama (क्ष)
    for char in text:
        if clusters and (joined or _extends(char) or (
                is_regional(char) and len(clusters[-1]) == 1 and is_regional(clusters[-1]))):
            clusters[-1] += char
        else:
            clusters.append(char)
        joined = char == "\u200d" or unicodedata.combining(char) == 9
    return clusters


def _split_long(word: str, width: float, size: float, bold: bool) -> list[str]:
    """A word too long for a line, cut into pieces that fit (whole graphemes)."""
    pieces, current = [], ""
    for char in graphemes(word):
        if current and text_width(current + char, size, bold) > width:
            pieces.append(current)
            current = char
        else:
            current += char
    if current:
        pieces.append(current)
    return pieces


def ellipsize(text: str, width: float, size: float, bold: bool = False) -> str:
    """`text` cut with an ellipsis so that it fits `width` (whole graphemes)."""
    if text_width(text, size, bold) <= width:
        return text
    clusters = graphemes(text)

    def over(count: int, wide: bool) -> bool:
        """Whether the first `count` clusters and the ellipsis are wider than `width`."""
        return text_width("".join(clusters[:count]) + "…", size, bold, wide) > width

    # Cut where a prefix is too wide measured both ways (so however it is measured; each way
    # grows with the prefix): a search, where trying one cluster fewer at a time from the
    # end measured a long text's every prefix (a 400-character note: ~160,000 characters).
    low, high = 0, len(clusters)
    while low < high:
        middle = (low + high + 1) // 2
        if over(middle, False) and over(middle, True):
            high = middle - 1
        else:
            low = middle
    del clusters[low:]
    while clusters and text_width("".join(clusters) + "…", size, bold) > width:
        clusters.pop()
    return "".join(clusters).rstrip() + "…"


def wrap(text: str, width: float, size: float, bold: bool = False,
         max_lines: int = 3) -> list[str]:
    """Break cleaned text into at most `max_lines` lines that fit `width`.

    Breaks at spaces (and after commas and slashes inside long words); a word longer than a
    line is split; the last line is ellipsized when the text does not fit.
    """
    return list(wrapped(text, width, size, bold, max_lines))


def wrapped(text: str, width: float, size: float, bold: bool = False,
            max_lines: int = 3) -> tuple[str, ...]:
    """`wrap` as a tuple, remembered (an org repeats its titles and team names) for the
    format measured for (`measured_for`)."""
    return _wrapped(text, width, size, bold, max_lines, _DRAWN_HERE.get())


@lru_cache(maxsize=16384)
def _wrapped(text: str, width: float, size: float, bold: bool, max_lines: int,
             _here: bool) -> tuple[str, ...]:
    """`wrapped`; `_here` keeps a PNG's lines apart from an SVG's in the cache."""
    text = clean(text)
    if not text:
        return ()
    if text_width(text, size, bold) <= width - 0.01:  # fits on one line, whatever the sums
        return (text,)
    tokens: list[tuple[str, bool]] = []  # (piece, whether a space stands before it)
    for word in text.split(" "):
        pieces = [word]
        if text_width(word, size, bold) > width:
            pieces = []
            for part in re.split(r"(?<=[,/])", word):
                if text_width(part, size, bold) <= width:
                    pieces.append(part)
                else:
                    pieces.extend(_split_long(part, width, size, bold))
        tokens.extend((piece, i == 0) for i, piece in enumerate(pieces) if piece)
    space = text_width(" ", size, bold)
    mixed = mixes_scripts(text)  # then each line is measured as drawn: wide if it mixes
    lines: list[str] = []
    glues: list[str] = []  # what stood before each line in the text: a space, or nothing
    current, current_width = "", 0.0
    for piece, spaced in tokens:
        piece_width = text_width(piece, size, bold)
        glue = " " if spaced and current else ""
        added = (space if glue else 0.0) + piece_width
        if mixed and current:
            added = text_width(current + glue + piece, size, bold) - current_width
        if current and current_width + added > width:
            lines.append(current)
            glues.append(" " if spaced else "")
            current, current_width = piece, piece_width
        else:
            current, current_width = current + glue + piece, current_width + added
    if current:
        lines.append(current)
    if len(lines) > max_lines:  # the text from the last line on, as it was, shortened
        rest = lines[max_lines - 1] + "".join(
            glue + line for glue, line in zip(glues[max_lines - 1:], lines[max_lines:],
                                              strict=True))
        lines = [*lines[:max_lines - 1], ellipsize(rest, width, size, bold)]
    return tuple(lines)
