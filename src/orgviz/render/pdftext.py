"""Which text of an SVG cairosvg draws correctly in a PDF, and what it would get wrong.

cairosvg draws text with cairo's "toy" text API: each character becomes the glyph of the
first font family named (no font fallback), one glyph after another, left to right (no
shaping: Arabic letters do not join, Hebrew and Arabic do not run right to left, marks
are not placed). So a character is drawn correctly when both hold:

- it needs no shaping: whitespace, or a letter, digit, punctuation or symbol of the
  Latin, Greek, Cyrillic, Armenian or Georgian blocks, general punctuation, currency,
  letterlike, number-form, arrow, math-operator, box-drawing or geometric-shape blocks
  (`SIMPLE_RANGES`) or a symbol the chart's fonts have (`CHART_FONT_SYMBOLS`: ☺ ♥ ♠ ...),
  and not a combining mark (Mn, Me) or format character (Cf);
- the font cairo picks for it (first family of its `font-family`, its weight and style)
  has a glyph for it (Nimbus Sans, what "Helvetica" often is, lacks Vietnamese letters).

Everything else (CJK, Hangul, Arabic, Hebrew, Indic and other scripts, emoji, private use)
is `Trouble`. Only text cairosvg draws counts (<text> and what it holds; not <title>).
"""

from __future__ import annotations

import unicodedata
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from typing import Any, NamedTuple

from orgviz.render.emoji import is_picture, is_text_emoji

#: Unicode blocks whose characters need no shaping (code point ranges, inclusive).
SIMPLE_RANGES: tuple[tuple[int, int], ...] = (
    (0x0020, 0x007E),  # ASCII
    (0x00A0, 0x02FF),  # Latin-1, Latin Extended-A/B, IPA, spacing modifier letters
    (0x0370, 0x052F),  # Greek and Coptic, Cyrillic, Cyrillic Supplement
    (0x0531, 0x058F),  # Armenian
    (0x10A0, 0x10FF),  # Georgian
    (0x1E00, 0x1FFF),  # Latin Extended Additional (Vietnamese), Greek Extended
    (0x2000, 0x22FF),  # punctuation, super/subscripts, currency, letterlike, arrows, math
    (0x2460, 0x25FF),  # enclosed alphanumerics, box drawing, blocks, geometric shapes
    (0x2C60, 0x2C7F),  # Latin Extended-C
    (0xA720, 0xA7FF),  # Latin Extended-D
    (0xFB00, 0xFB06),  # Latin ligatures (ff, fi ...)
)
#: Symbols past SIMPLE_RANGES that the chart's fonts have (WGL4's, in Arial, Liberation Sans
#: and Nimbus Sans, regular and bold): ⌂ ⌐ ⌠ ⌡ ☺ ☻ ☼ ♀ ♂ ♠ ♣ ♥ ♦ ♪ ♫. They need no shaping
#: either: a PDF draws them as text when its font has them, and a card measures them in the
#: chart's font (labels), as a PNG draws them.
CHART_FONT_SYMBOLS = frozenset("\u2302\u2310\u2320\u2321\u263a\u263b\u263c\u2640\u2642"
                               "\u2660\u2663\u2665\u2666\u266a\u266b")
#: Scripts named by the first word of their characters' Unicode names, where that word
#: is not the script's usual English name.
_SCRIPT_NAMES = {"CJK": "Chinese", "IDEOGRAPHIC": "Chinese", "HANGUL": "Korean",
                 "HIRAGANA": "Japanese", "KATAKANA": "Japanese", "COMBINING": "combining marks",
                 "FULLWIDTH": "full-width forms", "HALFWIDTH": "half-width forms"}
#: Bidi isolates (U+2066-U+2069): cards put U+2068 ... U+2069 around right-to-left names
#: (render/cards.py), so they are named in a note only when nothing else needs shaping.
_ISOLATES = "\u2066\u2067\u2068\u2069"
#: Elements whose text cairosvg does not draw.
_UNDRAWN = frozenset({"title", "desc", "metadata", "style", "script"})
#: At most this many missing characters are named in a note.
_SHOWN_MISSING = 8


class Font(NamedTuple):
    """The toy font cairosvg selects: first family, slant and weight (cairo's names)."""

    family: str
    slant: str  # "normal", "italic" or "oblique"
    weight: str  # "normal" or "bold"


class Trouble(NamedTuple):
    """What the PDF writer would draw wrongly: scripts it cannot shape, characters its
    fonts lack (font family -> characters), each in order of first appearance."""

    scripts: tuple[str, ...]
    missing: tuple[tuple[str, str], ...]

    def describe(self) -> str:
        """'scripts the PDF writer cannot shape (Chinese, Arabic)' and/or missing glyphs."""
        parts = []
        if self.scripts:
            parts.append(f"scripts the PDF writer cannot shape ({', '.join(self.scripts)})")
        for family, chars in self.missing:
            shown = ", ".join(chars[:_SHOWN_MISSING]) + (", ..." * (len(chars) > _SHOWN_MISSING))
            parts.append(f"characters its font {family} lacks ({shown})")
        return " and ".join(parts)

    def merged(self, other: Trouble) -> Trouble:
        """Both troubles in one (scripts and characters of `self` first)."""
        scripts = tuple(dict.fromkeys(self.scripts + other.scripts))
        missing: dict[str, str] = {}
        for family, chars in self.missing + other.missing:
            missing[family] = "".join(dict.fromkeys(missing.get(family, "") + chars))
        return Trouble(scripts, tuple(missing.items()))


def needs_shaping(char: str) -> bool:
    """Whether cairo's toy text cannot draw `char` right even with the glyph at hand."""
    if char.isspace():
        return False
    point = ord(char)
    if unicodedata.category(char) in ("Mn", "Me", "Cf", "Cc", "Co", "Cn", "Cs"):
        return True
    return char not in CHART_FONT_SYMBOLS and not any(
        low <= point <= high for low, high in SIMPLE_RANGES)


def script_of(char: str) -> str:
    """A name for what `char` is: 'Arabic', 'Chinese', 'Korean', 'emoji', 'symbols' ...
    An emoji is a symbol of Unicode's emoji data (emoji.py: ⌚ and 🚀, ❤ too); the other
    symbols of their blocks (★, playing cards, Mahjong tiles) are symbols, and a letter past
    U+1F000 is of its script (the CJK ideographs of U+20000 on: Chinese)."""
    category = unicodedata.category(char)
    point = ord(char)
    if category in ("Co", "Cn", "Cs"):
        return "private-use or unassigned characters"
    if category == "Cf" or 0xFE00 <= point <= 0xFE0F:
        return "invisible format characters"
    if category[0] in "SP":  # (an emoji by Unicode's emoji data: ⌚, 🚀, ❤, a skin tone)
        return "emoji" if is_picture(char) or is_text_emoji(char) else "symbols"
    first = unicodedata.name(char, "").split(" ")[0]
    return _SCRIPT_NAMES.get(first, first.title() or f"U+{point:04X}")


def pdf_text_trouble(svg: bytes) -> Trouble | None:
    """What cairosvg would draw wrongly in the SVG's text, or None when all is drawn right."""
    if svg.isascii() and b"&#" not in svg:  # no character beyond ASCII, even as a reference
        return None
    try:
        root = ET.fromstring(svg)
    except (ET.ParseError, ValueError):
        return None  # cairosvg reports what is wrong with the document
    scripts: dict[str, None] = {}
    missing: dict[str, dict[str, None]] = {}
    isolates = False
    fonts = _FontCheck()
    for text, font in drawn_text(root):
        for char in dict.fromkeys(text):
            if char.isascii():
                continue
            if char in _ISOLATES:
                isolates = True
            elif needs_shaping(char):
                scripts.setdefault(script_of(char))
            elif not fonts.has(font, char):
                missing.setdefault(font.family, {}).setdefault(char)
    if isolates and not scripts:  # else the isolates are the cards' own, around those scripts
        scripts[script_of(_ISOLATES[0])] = None
    if not scripts and not missing:
        return None
    return Trouble(tuple(scripts), tuple((family, "".join(chars))
                                         for family, chars in missing.items()))


def drawn_text(root: ET.Element) -> Iterator[tuple[str, Font]]:
    """Each run of text cairosvg draws, with its font, in document order (no recursion; a
    tree from ET.fromstring, which keeps no comments or processing instructions)."""
    stack: list[tuple[ET.Element | str, Font, bool]] = [
        (root, Font("sans-serif", "normal", "normal"), False)]
    while stack:
        item, font, in_text = stack.pop()
        if isinstance(item, str):
            yield item, font
            continue
        tag = item.tag.rpartition("}")[2]
        if tag in _UNDRAWN:
            continue
        font = _font(item, font)
        in_text = in_text or tag == "text"
        if in_text and item.text:
            yield item.text, font
        for child in reversed(item):
            if in_text and child.tail:
                stack.append((child.tail, font, True))
            stack.append((child, font, in_text))


def presentation(element: ET.Element) -> dict[str, str]:
    """An element's attributes, with the declarations of its `style` attribute over them."""
    values = dict(element.attrib)
    for declaration in values.get("style", "").split(";"):
        name, colon, value = declaration.partition(":")
        if colon:
            values[name.strip()] = value.strip()
    return values


def _font(element: ET.Element, inherited: Font) -> Font:
    """The font of `element`: its own font attributes (or style) over the inherited ones."""
    values = presentation(element)
    family, slant, weight = inherited
    if values.get("font-family", "").strip():
        family = values["font-family"].split(",")[0].strip("\"' ") or "sans-serif"
    if "font-style" in values:
        style = values["font-style"].strip()
        slant = style if style in ("italic", "oblique") else "normal"
    if "font-weight" in values:
        given = values["font-weight"].strip()
        weight = "bold" if given == "bold" or (given.isdigit() and int(given) >= 550) \
            else "normal"
    return Font(family, slant, weight)


class _FontCheck:
    """Whether cairo's toy font for a Font has a glyph for a character (cached)."""

    def __init__(self) -> None:
        self._fonts: dict[Font, Any] = {}
        self._known: dict[tuple[Font, str], bool] = {}

    def has(self, font: Font, char: str) -> bool:
        """Whether the toy font has `char` (True when cairo cannot be asked)."""
        key = (font, char)
        if key not in self._known:
            scaled = self._scaled(font)
            try:
                glyphs = scaled.text_to_glyphs(0, 0, char, False) if scaled else [(1, 0, 0)]
            except Exception:  # cairo refused the string: let cairosvg draw as before
                glyphs = [(1, 0, 0)]
            self._known[key] = bool(glyphs) and all(glyph[0] != 0 for glyph in glyphs)
        return self._known[key]

    def _scaled(self, font: Font) -> Any:
        """cairo's scaled toy font for `font`, or None without cairocffi."""
        if font not in self._fonts:
            try:
                import cairocffi

                face = cairocffi.ToyFontFace(
                    font.family, getattr(cairocffi, f"FONT_SLANT_{font.slant.upper()}"),
                    getattr(cairocffi, f"FONT_WEIGHT_{font.weight.upper()}"))
                self._fonts[font] = cairocffi.ScaledFont(face)
            except Exception:  # no cairo (cairosvg will say so), or a family it refuses
                self._fonts[font] = None
        return self._fonts[font]
