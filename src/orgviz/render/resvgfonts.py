"""Fonts for resvg: text the chart's font lacks gets a first family that has all of it.

resvg (usvg 0.48, in resvg-py) draws a <text> with the first installed family of its
`font-family` at the nearest weight. A character that font lacks is taken from a
*fallback* face: the first face of its font database (directory order) that has the
character and the same style, weight *or* stretch as the text's face (so any upright face,
whatever its weight: on Debian, DejaVu Sans Condensed Bold for Arabic in regular text, the
regular Droid Sans Fallback for Chinese in a bold name), and when that face has every
character of the text, the whole text is drawn with it, Latin too. resvg-py lets one
choose neither the fallback nor the database's order.

So before resvg draws an SVG (`prepare`), each <text> holding characters outside the
scripts the chart's fonts are made for (see pdftext.needs_shaping: Arabic, Hebrew, CJK,
...) that its first installed family lacks gets a family put first that has every one of
its characters at its weight (bold where bold): the first of `SCRIPT_FAMILIES` that does.
No fallback happens, so the text is drawn at its own weight. Fonts are found by reading
the installed font files (their names, weights and character maps), as resvg does; with
no such family installed the text is left as it was (resvg's fallback, as before). Text
all in the simple scripts is never touched: those SVGs reach resvg byte for byte.

Emoji (see emoji.py) that an installed colour emoji font (EMOJI_FAMILIES) draws are left
out of that choice, and resvg then reads the font files itself with that font's first
(`prepare`): its fallback for an emoji is the colour font, which has no letters, so the
rest of the text stays in its own family. (A family that has some emoji, as DejaVu Sans
has the faces, would otherwise draw the whole text, its emoji in black.) That fallback
gives up on a whole text when the emoji font makes fewer glyphs of it than the text's own
font (an emoji sequence, 👍🏽, is one glyph there): a text with such emoji and letters has
its sequences written apart (`apart`, emoji.separated), so that they are drawn, not boxes;
where its letters make fewer glyphs than characters in their own font (لا), its emoji are
also put in a <tspan> of the emoji font (`in_emoji_font`).
"""

from __future__ import annotations

import mmap
import os
import re
import struct
import sys
import unicodedata
import xml.etree.ElementTree as ET
from collections.abc import Collection, Iterable, Iterator
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple
from xml.sax.saxutils import quoteattr

from orgviz.render.emoji import NON_JOINER, emoji_runs, separated
from orgviz.render.pdftext import CHART_FONT_SYMBOLS, needs_shaping, presentation

#: Families tried, in order, for text whose chart font lacks some of its characters; the
#: first that has all of them (at the text's weight, else at any) draws it. DejaVu Sans
#: first: it has Latin, Greek, Cyrillic, Arabic and Hebrew, so text that mixes them (a
#: card note "dotted line to ليلى حداد") is drawn in one family, the same as a name in
#: one script, and its Arabic is compact (Noto Sans Arabic's descenders reach the line
#: below at a card's line pitch). Then sans-serif script families (CJK, Indic, ...).
SCRIPT_FAMILIES: tuple[str, ...] = (
    "DejaVu Sans", "Noto Sans", "Noto Sans Arabic", "Noto Sans Hebrew",
    "Noto Sans CJK SC", "Noto Sans CJK JP", "Noto Sans CJK KR", "Noto Sans CJK TC",
    "Noto Sans SC", "Noto Sans JP", "Noto Sans KR", "Noto Sans TC",
    "Noto Sans Devanagari", "Noto Sans Bengali", "Noto Sans Tamil", "Noto Sans Thai",
    "Noto Sans Ethiopic", "Noto Sans Armenian", "Noto Sans Georgian",
    "Arial", "Segoe UI", "Tahoma", "Arial Unicode MS", "PingFang SC", "Hiragino Sans",
    "Apple SD Gothic Neo", "Microsoft YaHei", "Yu Gothic", "Malgun Gothic",
    "Droid Sans Fallback", "WenQuanYi Zen Hei",
)
#: Colour emoji families, in order: the first installed draws the emoji of the charts (see
#: `prepare`). Without one, emoji are left to resvg's fallback, as before.
EMOJI_FAMILIES: tuple[str, ...] = (
    "Noto Color Emoji", "Apple Color Emoji", "Segoe UI Emoji", "Twemoji Mozilla",
    "EmojiOne Color", "JoyPixels",
)
#: What resvg-py resolves the generic families to.
_GENERIC = {"serif": "Times New Roman", "sans-serif": "Arial", "monospace": "Courier New",
            "cursive": "Comic Sans MS", "fantasy": "Impact"}
_FONT_FILE = re.compile(r"\.(ttf|otf|ttc|otc)$", re.I)
_TEXT_TAG = re.compile(rb"<text(?=[\s>/])[^>]*>")
_CHAR_REFERENCE = re.compile(r"&#(?:x([0-9a-fA-F]+)|([0-9]+));")
_FAMILY_ATTRIBUTE = re.compile(rb"""\sfont-family\s*=\s*("[^"]*"|'[^']*')""")
_SVG_NS = "{http://www.w3.org/2000/svg}"
#: A tag, comment, CDATA section or reference (group 1), or the character data between
#: them (group 2).
_MARKUP = re.compile(r"(<[^>]*>|&[^;<]*;)|([^<&]+)")
#: What an emoji run holds one of (emoji.emoji_runs): a picture (U+231A and on, below the
#: CJK and past it), the emoji selector or the keycap mark.
_MAY_BE_EMOJI = re.compile("[\u231a-\u2b55\ufe0f\u20e3\U0001f000-\U0001faff]")
#: Where a font draws fewer glyphs than the text has characters, even composed (see
#: `apart`): an Arabic lam and alef (لا: a ligature every Arabic font has, its marks between
#: them or not) and a Hebrew letter with a point (שׁ: a glyph of its own); also a virama
#: (क्ष: a conjunct), see `_merges_glyphs`.
_MERGES = re.compile("\u0644[\u064b-\u065f\u0670]*[\u0622\u0623\u0625\u0627]"
                     "|[\u05d0-\u05ea][\u05b0-\u05bd\u05bf\u05c1\u05c2\u05c4\u05c5\u05c7]")


class Face(NamedTuple):
    """One face of an installed font file, as resvg's font database sees it."""

    path: str
    offset: int  # of the face's table directory in the file (collections hold several)
    families: tuple[str, ...]  # lower case
    weight: int  # 100..900
    italic: bool
    width: int  # 1..9, 5 is normal


# --- reading font files ---------------------------------------------------------------------

def _tables(data: mmap.mmap | bytes, offset: int) -> dict[bytes, tuple[int, int]]:
    """The face's tables: tag -> (offset, length)."""
    count = struct.unpack_from(">H", data, offset + 4)[0]
    tables = {}
    for index in range(count):
        tag, _, start, length = struct.unpack_from(">4sIII", data, offset + 12 + 16 * index)
        tables[tag] = (start, length)
    return tables


def _face_offsets(data: mmap.mmap | bytes) -> list[int]:
    if data[:4] == b"ttcf":
        count = struct.unpack_from(">I", data, 8)[0]
        return list(struct.unpack_from(f">{min(count, 256)}I", data, 12))
    return [0]


def _names(data: mmap.mmap | bytes, table: tuple[int, int]) -> tuple[str, ...]:
    """Family names: typographic (16) when there is one, else family (1), any language."""
    start = table[0]
    _, count, strings = struct.unpack_from(">HHH", data, start)
    found: dict[int, list[str]] = {16: [], 1: []}
    for index in range(count):
        platform, encoding, _, name_id, length, at = struct.unpack_from(
            ">HHHHHH", data, start + 6 + 12 * index)
        if name_id not in found:
            continue
        raw = bytes(data[start + strings + at:start + strings + at + length])
        if platform == 0 or (platform == 3 and encoding in (0, 1, 10)):
            name = raw.decode("utf-16-be", "replace")
        elif platform == 1 and encoding == 0:
            name = raw.decode("mac-roman", "replace")
        else:
            continue
        if name.strip():
            found[name_id].append(name.strip().lower())
    return tuple(dict.fromkeys(found[16] or found[1]))


def _read_faces(path: str) -> list[Face]:
    """The faces of a font file (none when it cannot be read)."""
    faces = []
    try:
        with open(path, "rb") as file, mmap.mmap(file.fileno(), 0,
                                                  access=mmap.ACCESS_READ) as data:
            for offset in _face_offsets(data):
                tables = _tables(data, offset)
                if b"name" not in tables or b"cmap" not in tables:
                    continue
                weight, italic, width = 400, False, 5
                if b"OS/2" in tables:
                    os2 = tables[b"OS/2"][0]
                    width, = struct.unpack_from(">H", data, os2 + 6)
                    weight, = struct.unpack_from(">H", data, os2 + 4)
                    selection, = struct.unpack_from(">H", data, os2 + 62)
                    italic = bool(selection & 0x201)
                families = _names(data, tables[b"name"])
                if families:
                    faces.append(Face(path, offset, families, min(max(weight, 1), 1000),
                                      italic, min(max(width, 1), 9)))
    except (OSError, ValueError, struct.error, IndexError):
        return []
    return faces


@lru_cache(maxsize=64)
def _charmap(path: str, offset: int) -> frozenset[int]:
    """The code points a face has glyphs for (its best Unicode cmap subtable)."""
    try:
        with open(path, "rb") as file, mmap.mmap(file.fileno(), 0,
                                                  access=mmap.ACCESS_READ) as data:
            start = _tables(data, offset)[b"cmap"][0]
            count = struct.unpack_from(">H", data, start + 2)[0]
            best: tuple[int, int] | None = None
            for index in range(count):
                platform, encoding, at = struct.unpack_from(">HHI", data, start + 4 + 8 * index)
                sub = start + at
                kind = struct.unpack_from(">H", data, sub)[0]
                rank = {(3, 10): 3, (0, 4): 3, (0, 6): 3, (3, 1): 2, (0, 3): 2}.get(
                    (platform, encoding), 0) * 2 + (kind == 12)
                if rank and kind in (4, 12) and (best is None or rank > best[0]):
                    best = (rank, sub)
            return frozenset(_cmap_points(data, best[1])) if best else frozenset()
    except (OSError, ValueError, struct.error, IndexError, KeyError):
        return frozenset()


def _cmap_points(data: mmap.mmap, sub: int) -> Iterator[int]:
    """Code points with a glyph other than 0 in a format 4 or 12 subtable."""
    if struct.unpack_from(">H", data, sub)[0] == 12:
        groups = struct.unpack_from(">I", data, sub + 12)[0]
        for index in range(groups):
            first, last, glyph = struct.unpack_from(">III", data, sub + 16 + 12 * index)
            yield from range(first + (glyph == 0), min(last, 0x10FFFF) + 1)
        return
    segments = struct.unpack_from(">H", data, sub + 6)[0] // 2
    ends = struct.unpack_from(f">{segments}H", data, sub + 14)
    starts = struct.unpack_from(f">{segments}H", data, sub + 16 + 2 * segments)
    deltas = struct.unpack_from(f">{segments}h", data, sub + 16 + 4 * segments)
    range_at = sub + 16 + 6 * segments
    ranges = struct.unpack_from(f">{segments}H", data, range_at)
    for index in range(segments):
        for point in range(starts[index], ends[index] + 1):
            if point == 0xFFFF:
                continue
            if ranges[index] == 0:
                glyph = (point + deltas[index]) & 0xFFFF
            else:
                where = range_at + 2 * index + ranges[index] + 2 * (point - starts[index])
                glyph = struct.unpack_from(">H", data, where)[0]
                glyph = (glyph + deltas[index]) & 0xFFFF if glyph else 0
            if glyph:
                yield point


def font_dirs() -> list[Path]:
    """The folders resvg's font database reads the system's fonts from."""
    home = Path.home()
    if sys.platform == "win32":
        root = os.environ.get("SYSTEMROOT", r"C:\Windows")
        local = os.environ.get("LOCALAPPDATA", str(home / "AppData" / "Local"))
        return [Path(root) / "Fonts", Path(local) / "Microsoft" / "Windows" / "Fonts"]
    if sys.platform == "darwin":
        return [Path("/Library/Fonts"), Path("/System/Library/Fonts"),
                Path("/Network/Library/Fonts"), home / "Library" / "Fonts"]
    data_home = Path(os.environ.get("XDG_DATA_HOME") or home / ".local" / "share")
    return [Path("/usr/share/fonts"), Path("/usr/local/share/fonts"),
            data_home / "fonts", home / ".fonts"]


class FontIndex:
    """The installed faces by family (lower case), in a fixed order (sorted paths)."""

    def __init__(self, faces: Iterable[Face]) -> None:
        self.families: dict[str, list[Face]] = {}
        paths: dict[str, None] = {}
        for face in faces:
            paths[face.path] = None
            for family in face.families:
                self.families.setdefault(family, []).append(face)
        self.paths = list(paths)  # the font files, in the order read

    def face(self, family: str, bold: bool, italic: bool) -> Face | None:
        """The face resvg picks for `family` (CSS font matching), or None if not installed."""
        faces = self.families.get(_GENERIC.get(family.lower(), family).lower())
        if not faces:
            return None
        narrow = [face for face in faces if face.width <= 5]
        width = max(face.width for face in narrow) if narrow else min(f.width for f in faces)
        faces = [face for face in faces if face.width == width]
        slanted = [face for face in faces if face.italic == italic]
        faces = slanted or faces
        return min(faces, key=lambda face: _weight_rank(face.weight, 700 if bold else 400))

    def has_all(self, face: Face, points: Iterable[int]) -> bool:
        """Whether the face has a glyph for every code point."""
        charmap = _charmap(face.path, face.offset)
        return all(point in charmap for point in points)


def _weight_rank(weight: int, wanted: int) -> tuple[int, int]:
    """CSS font matching's order of weights (smaller first) for the `wanted` weight."""
    if wanted == 400 and 400 <= weight <= 500:
        return 0, weight
    if weight >= wanted if wanted > 500 else weight <= wanted:
        return 1, abs(weight - wanted)
    return 2, abs(weight - wanted)


@lru_cache(maxsize=1)
def installed_fonts() -> FontIndex:
    """The fonts installed on this machine (read once per process)."""
    paths: list[str] = []
    seen: set[str] = set()
    for folder in font_dirs():
        for root, dirs, files in os.walk(folder, followlinks=True):
            real = os.path.realpath(root)
            if real in seen:  # (a link back up the tree)
                dirs.clear()
                continue
            seen.add(real)
            dirs.sort()
            paths.extend(os.path.join(root, name) for name in sorted(files)
                         if _FONT_FILE.search(name))
    return FontIndex(face for path in paths for face in _read_faces(path))


# --- choosing families for the text of an SVG ----------------------------------------------

def _drawn(char: str) -> bool:
    """Whether a font must have `char`: not whitespace nor an invisible format character."""
    point = ord(char)
    return not (char.isspace() or unicodedata.category(char) in ("Cf", "Cc")
                or 0xFE00 <= point <= 0xFE0F or 0xE0100 <= point <= 0xE01EF)


def _beyond_simple(char: str) -> bool:
    """Whether `char` needs shaping (pdftext.needs_shaping) or is a symbol past the simple
    scripts' blocks that the chart's fonts have (☺ ♥: a font of another stack may lack it)."""
    return needs_shaping(char) or char in CHART_FONT_SYMBOLS


def _needed(text: str) -> list[int] | None:
    """The code points a font must have for `text`; None when all are in simple scripts."""
    points = sorted({ord(char) for char in text if _drawn(char)})
    return points if any(_beyond_simple(chr(point)) for point in points) else None


def pick_family(text: str, stack: str, bold: bool, italic: bool,
                fonts: FontIndex) -> str | None:
    """The family to put before `stack` so that resvg draws `text` without fallback, or
    None when the stack's first installed family has every character (or none does)."""
    points = _needed(text)
    if points is None:
        return None
    for family in _families(stack):
        face = fonts.face(family, bold, italic)
        if face is not None:
            if fonts.has_all(face, points):
                return None
            break
    fallback = None
    for family in SCRIPT_FAMILIES:
        face = fonts.face(family, bold, italic)
        if face is None or not fonts.has_all(face, points):
            continue
        if (face.weight >= 600) == bold:
            return family
        fallback = fallback or family
    return fallback


def _families(stack: str) -> list[str]:
    return [part.strip().strip("'\"").strip() for part in stack.split(",") if part.strip()]


class _Style(NamedTuple):
    stack: str
    bold: bool
    italic: bool


def _text_elements(root: ET.Element) -> Iterator[tuple[str, _Style, bool]]:
    """Each <text> in document order: its text, font, and whether it names a family (a tree
    from ET.fromstring, which keeps no comments or processing instructions)."""
    stack: list[tuple[ET.Element, _Style]] = [(root, _Style("sans-serif", False, False))]
    while stack:
        element, style = stack.pop()
        values = presentation(element)
        family, bold, italic = style
        if values.get("font-family", "").strip():
            family = values["font-family"].strip()
        if "font-weight" in values:
            weight = values["font-weight"].strip()
            bold = weight in ("bold", "bolder") or (weight.isdigit() and int(weight) >= 600)
        if "font-style" in values:
            italic = values["font-style"].strip() in ("italic", "oblique")
        style = _Style(family, bold, italic)
        if element.tag in ("text", _SVG_NS + "text"):
            yield "".join(element.itertext()), style, "font-family" in element.attrib
            continue
        stack.extend((child, style) for child in reversed(element))


def _simple_scripts_only(svg: bytes) -> bool:
    """Whether every character of the UTF-8 SVG, written or as a reference, is of the simple
    scripts: then no text needs a family (the document is not parsed; an orgviz SVG has
    "·", "—" and "&#39;" in its font list)."""
    if svg.isascii() and b"&#" not in svg:
        return True
    try:
        text = svg.decode("utf-8")
    except UnicodeDecodeError:
        return False
    chars = {char for char in set(text) if not char.isascii()}
    for found in _CHAR_REFERENCE.finditer(text):
        point = int(found.group(1), 16) if found.group(1) else int(found.group(2))
        if point > 0x10FFFF:
            return False
        chars.add(chr(point))
    return not any(_beyond_simple(char) for char in chars)


class Prepared(NamedTuple):
    """An SVG made ready for resvg, and the font files resvg is to read instead of the
    system's (in that order), or None for the system's."""

    svg: bytes
    font_files: list[str] | None


def emoji_face(fonts: FontIndex) -> Face | None:
    """The face of the first installed family of EMOJI_FAMILIES, or None."""
    for family in EMOJI_FAMILIES:
        face = fonts.face(family, False, False)
        if face is not None:
            return face
    return None


def without_emoji(text: str, fonts: FontIndex, emoji: Face | None) -> str:
    """`text` with a space for each emoji (see emoji.emoji_runs) that `emoji` draws whole:
    what the text's own family must draw."""
    if emoji is None:
        return text
    for start, stop in reversed(emoji_runs(text)):
        if fonts.has_all(emoji, (ord(char) for char in text[start:stop] if _drawn(char))):
            text = text[:start] + " " + text[stop:]
    return text


def drawn_whole_by(text: str, fonts: FontIndex, emoji: Face) -> bool:
    """Whether the emoji font has every character of `text` that a font must have: resvg
    then draws all of it with that font ("🚀 🎉", "👍🏽"), its sequences as they are."""
    return fonts.has_all(emoji, (ord(char) for char in text if _drawn(char)))


def apart(text: str, missing: Collection[str] = ()) -> str:
    """`text` as resvg is to draw it when it mixes emoji with other text: each emoji sequence
    written apart (emoji.separated), and a letter written with combining marks composed
    (NFC), as the chart's font draws it (an "é" written as "e" and an accent is one glyph in
    Liberation Sans but two in the emoji font, which also makes resvg's fallback give up: its
    emoji were boxes). Nothing else changes: a character that NFC replaces on its own (a CJK
    compatibility ideograph, U+FA10, which CJK fonts draw as U+585A 塚 without its dot and
    NFC makes U+585A; the ohm sign U+2126) is one glyph in both fonts, and stays as it is,
    unless it is one of `missing`, which no font at hand has (see `_missing`): that is
    written as NFC writes it (U+2F800 as U+4E3D 丽, as HarfBuzz draws it in a font that
    lacks it), not left to be a box that makes the text's emoji boxes too."""
    text = separated(text)
    if unicodedata.is_normalized("NFC", text):
        return text
    parts: list[str] = []
    last = 0
    for at, char in enumerate(text):
        if _replaced_alone(char) and char not in missing:
            parts += [unicodedata.normalize("NFC", text[last:at]), char]
            last = at + 1
    parts.append(unicodedata.normalize("NFC", text[last:]))
    return "".join(parts)


def _replaced_alone(char: str) -> bool:
    """Whether NFC replaces `char` even alone, not as a mark composed with a letter."""
    return not unicodedata.combining(char) and unicodedata.normalize("NFC", char) != char


def _missing(text: str, style: _Style, fonts: FontIndex) -> frozenset[str]:
    """The characters of `text` that NFC replaces on its own (see `apart`) that neither a
    family of the text's font stack nor one of SCRIPT_FAMILIES has, at its weight."""
    chars = {char for char in text if not char.isascii() and _replaced_alone(char)}
    if not chars:
        return frozenset()
    faces = [face for family in (*_families(style.stack), *SCRIPT_FAMILIES)
             if (face := fonts.face(family, style.bold, style.italic)) is not None]
    return frozenset(char for char in chars
                     if not any(fonts.has_all(face, (ord(char),)) for face in faces))


def _merges_glyphs(text: str) -> bool:
    """Whether a font may draw `text` with fewer glyphs than it has characters, even composed
    (`_MERGES`: لا, שׁ; or a virama, Unicode's combining class 9: क्ष)."""
    return _MERGES.search(text) is not None or any(
        unicodedata.combining(char) == 9 for char in text)


def in_emoji_font(text: str, family: str, first: bool = False) -> str:
    """Character data `text` with each emoji run (emoji.emoji_runs) in a <tspan> of the emoji
    font's `family`.

    resvg's fallback for an emoji shapes the whole text again with the emoji font and gives
    up when that makes another number of glyphs than the text's own font: a lam-alef (لا),
    a conjunct (क्ष) or a pointed Hebrew letter (שׁ) is one glyph in the text's font and two
    in the emoji font, so the text's emoji were boxes however they were written. A <tspan>
    of its own font is shaped with that font first, which draws the emoji itself (resvg
    then takes the span's glyphs by their place in the text, not by their count). Only
    where a font merges glyphs so (`_merges_glyphs`): elsewhere resvg's fallback draws
    the emoji, and a <tspan> of an emoji font whose fallback for the letters has the emoji
    too (DejaVu Sans has 😀) would take that font's black emoji.

    `first`: `text` starts the <text>. An emoji there is put after a non-joiner (invisible,
    of the text's own font): resvg takes the glyphs of the text's first span as the ones the
    others replace, and panics (usvg 0.48, layout.rs:953) when that span is the emoji's
    and a later one draws a cluster of the text (لا) as fewer glyphs."""
    start_tag = "<tspan font-family=" + quoteattr(f"'{family}'") + ">"
    runs = emoji_runs(text)
    for start, stop in reversed(runs):
        text = f"{text[:start]}{start_tag}{text[start:stop]}</tspan>{text[stop:]}"
    return NON_JOINER + text if first and runs and runs[0][0] == 0 else text


def _apart_markup(content: str, missing: Collection[str], emoji_family: str | None) -> str:
    """The content of a <text> element with `apart` applied to its character data, and its
    emoji in a <tspan> of `emoji_family` when one is given (`in_emoji_font`); tags, comments
    and references left as they are."""
    first = True  # (no character written yet: see in_emoji_font)

    def written(found: re.Match[str]) -> str:
        nonlocal first
        markup = found.group(1)
        if markup:
            first = first and markup.startswith("<")  # (a reference is a character)
            return markup
        text = apart(found.group(2), missing)
        if emoji_family:
            text = in_emoji_font(text, emoji_family, first)
        first = first and not text
        return text

    return _MARKUP.sub(written, content)


def _family_name(face: Face) -> str:
    """The family of an emoji face as EMOJI_FAMILIES spells it (resvg matches the case)."""
    return next((family for family in EMOJI_FAMILIES if family.lower() in face.families),
                face.families[0])


class _Choice(NamedTuple):
    family: str | None  # put first on the <text>
    apart: bool  # its emoji written apart (see `apart`)
    missing: frozenset[str] = frozenset()  # what no font has, for `apart`
    emoji_family: str | None = None  # its emoji in a <tspan> of that family (in_emoji_font)


def prepare(svg: bytes, fonts: FontIndex | None = None) -> Prepared:
    """The SVG with a first font family on each <text> that resvg would draw with fallback
    fonts, and, when an emoji of its text is drawn by an installed colour emoji font, the
    font files with that font's first (see the module's docstring); the SVG itself and
    None when there is nothing to do. A text with such emoji and characters the emoji font
    lacks (letters) has its emoji sequences written apart (`apart`), so that resvg's
    fallback draws them, not boxes."""
    if _simple_scripts_only(svg):
        return Prepared(svg, None)
    try:
        texts = list(_text_elements(ET.fromstring(svg)))
    except (ET.ParseError, ValueError):
        return Prepared(svg, None)
    tags = list(_TEXT_TAG.finditer(svg))
    if len(tags) != len(texts):  # "<text" in a comment or CDATA: leave it to resvg
        return Prepared(svg, None)
    picked: dict[tuple[str, _Style], _Choice] = {}
    read: tuple[FontIndex, Face | None] | None = None  # the fonts and their emoji face
    with_emoji = False
    parts: list[bytes] = []
    last = 0
    for tag, (text, style, own) in zip(tags, texts, strict=True):
        key = (text, style)
        if key not in picked:
            needed = _needed(text) is not None
            # (▶️: its picture needs no shaping, but the selector takes the emoji font's)
            changed = _MAY_BE_EMOJI.search(text) is not None and apart(text) != text
            if not (needed or changed):  # (no need to read the installed fonts)
                picked[key] = _Choice(None, False)
            else:
                if read is None:
                    index = fonts or installed_fonts()
                    read = index, emoji_face(index)
                own_text = without_emoji(text, *read)
                has_emoji = own_text != text
                with_emoji = with_emoji or has_emoji
                emoji = read[1]
                missing = _missing(text, style, read[0]) if has_emoji else frozenset()
                if missing:  # (U+2F800 ✨ is drawn as U+4E3D ✨, in a family that has U+4E3D)
                    changed = apart(text, missing) != text
                    own_text = "".join(unicodedata.normalize("NFC", char) if char in missing
                                       else char for char in own_text)
                merges = has_emoji and _merges_glyphs(text)  # (لا 🚀: the emoji in a tspan)
                separate = ((changed or merges) and has_emoji and emoji is not None
                            and not drawn_whole_by(text, read[0], emoji))
                picked[key] = _Choice(
                    pick_family(own_text, style.stack, style.bold, style.italic, read[0])
                    if needed else None, separate, missing,
                    _family_name(emoji) if separate and merges and emoji else None)
        family, separate, missing, emoji_family = picked[key]
        start_tag = tag.group(0)
        if family is not None:
            value = quoteattr(f"'{family}', {style.stack}").encode("utf-8")
            if own:
                named = _FAMILY_ATTRIBUTE.search(start_tag)
                if named is not None:  # (else a ">" in an attribute value cut the tag short)
                    start_tag = start_tag[:named.start(1)] + value + start_tag[named.end(1):]
            else:
                start_tag = start_tag[:5] + b" font-family=" + value + start_tag[5:]
        end = svg.find(b"</text>", tag.end()) if separate else -1
        if end < 0 and start_tag == tag.group(0):
            continue
        parts += [svg[last:tag.start()], start_tag]
        last = tag.end()
        if end >= 0:
            try:
                parts.append(_apart_markup(svg[last:end].decode("utf-8"), missing,
                                           emoji_family).encode("utf-8"))
                last = end
            except UnicodeDecodeError:  # (not UTF-8: resvg refuses it anyway)
                pass
    prepared = b"".join(parts) + svg[last:] if parts else svg
    if not with_emoji or read is None:
        return Prepared(prepared, None)
    index, emoji = read
    assert emoji is not None  # (an emoji left out of a text: the emoji font draws it)
    return Prepared(prepared, [emoji.path, *(p for p in index.paths if p != emoji.path)])
