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
No fallback happens, so the text is drawn at its own weight. A text that no such family
has all of (Devanagari, Tamil, Bengali, Thai with Latin: Noto's families for them have no
Latin) is drawn in two (`pick_split`, `in_fonts`): the family that has its other letters,
with its Latin runs in a <tspan> of the chart's font and those letters between bidi
isolates (resvg shapes a run as the script of its first letter). Fonts are found by reading
the installed font files (their names, weights and character maps), as resvg does; with
no such family installed the text is left as it was (resvg's fallback, as before). Text
all in the simple scripts is never touched: those SVGs reach resvg byte for byte.

Emoji (see emoji.py) that an installed colour emoji font (EMOJI_FAMILIES) draws are left
out of that choice, and resvg then reads the font files itself with that font's first
(`prepare`): its fallback for an emoji is the colour font, which has no letters, so the
rest of the text stays in its own family. (A family that has some emoji, as DejaVu Sans
has the faces, would otherwise draw the whole text, its emoji in black.) That fallback
gives up on a whole text when the emoji font makes fewer glyphs of it than the text's own
font (an emoji sequence, 👍🏽, is one glyph there). So a text with emoji sequences and
letters that are each one glyph (Latin, Greek, Cyrillic, CJK) has each of its emoji in a
<tspan> of the emoji font, and its first span one of that font too (`whole_in_emoji_font`,
`whole_sequence_files`): resvg then draws 👩‍💻, 🇬🇧, 👍🏽 and 1️⃣ whole, and its letters in
their own font. Where that cannot be (letters a font draws joined, a line drawn in two
fonts, a family that has all of the text), the text has its sequences written apart
(`apart`, emoji.separated), so that they are drawn, not boxes;
where its letters make fewer glyphs than characters in their own font (لا), its emoji are
also put in a <tspan> of the emoji font (`in_emoji_font`), and so are they where its
family has them in black (DejaVu Sans's 😀 beside Arabic: `letters_first`).

Where the font files are handed to resvg, and where a text is left to its fallback (no
family has all of it, "राम 王小明"), each family's files are in the weight of most such
texts (`_in_weight_order`): that fallback takes the first face read that has a character,
bold or not, and by name a family's -Bold file comes before its -Regular one.
"""

from __future__ import annotations

import mmap
import os
import re
import struct
import sys
import unicodedata
import xml.etree.ElementTree as ET
from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from functools import lru_cache
from itertools import chain
from operator import le, lt
from pathlib import Path
from typing import NamedTuple

from orgviz.render.emoji import (
    CHART_FONT_EMOJI,
    NON_JOINER,
    all_emoji_font,
    drawn_as_picture,
    emoji_runs,
    emoji_sequences,
    is_picture,
    is_text_emoji,
    narrowed,
    separated,
)
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


#: The bidi isolates put around another script's letters beside the chart's (`in_fonts`).
_ISOLATE, _POP_ISOLATE = "\u2066", "\u2069"
#: XML's white space: resvg drops it at the start of a <text> (and folds it elsewhere).
_XML_SPACE = " \t\n\r"
#: A tag, comment or CDATA section (kept), between character data.
_TAG_OR_DATA = re.compile(r"(<[^>]*>)")
_XML_REFERENCE = re.compile(r"&(?:#x([0-9a-fA-F]+)|#([0-9]+)|(amp|lt|gt|quot|apos));")
_XML_ENTITIES = {"amp": "&", "lt": "<", "gt": ">", "quot": '"', "apos": "'"}


class Face(NamedTuple):
    """One face of an installed font file, as resvg's font database sees it."""

    path: str
    offset: int  # of the face's table directory in the file (collections hold several)
    families: tuple[str, ...]  # lower case
    weight: int  # 100..900
    italic: bool
    width: int  # 1..9, 5 is normal


def _quoteattr(value: str) -> str:
    """`value` quoted as an XML attribute (xml.sax.saxutils.quoteattr, imported here: it
    imports urllib, ~50 ms, which measuring a line does not need)."""
    from xml.sax.saxutils import quoteattr

    return quoteattr(value)


# --- reading font files ---------------------------------------------------------------------

def _tables(data: mmap.mmap | bytes, offset: int) -> dict[bytes, tuple[int, int]]:
    """The face's tables: tag -> (offset, length)."""
    count = struct.unpack_from(">H", data, offset + 4)[0]
    records = struct.unpack_from(">" + "4sIII" * count, data, offset + 12)  # (read at once)
    return {records[at]: (records[at + 2], records[at + 3]) for at in range(0, 4 * count, 4)}


def face_offsets(data: mmap.mmap | bytes) -> list[int]:
    """Where each face's table directory starts in a font file (`data`: the file, or its
    first 12 + 4 * 256 bytes): one face at 0, or a collection's."""
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
            for offset in face_offsets(data):
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
def _charmap(path: str, offset: int) -> frozenset[int] | _Groups:
    """The code points a face has glyphs for (its best Unicode cmap subtable): a set, or
    `_Groups` (both answer `in` and `issuperset`)."""
    read = _cmap_read(path, offset)
    if isinstance(read, _Groups):
        return read
    points: set[int] = set()
    for run in read:
        points.update(run)
    return frozenset(points)


def code_points(path: str, offset: int, low: int = 0, high: int = 0x10FFFF) -> list[int]:
    """The code points from `low` to `high` that a face has glyphs for (its best Unicode
    cmap subtable; only the part of it in that range is read)."""
    read = _cmap_read(path, offset, low, high)
    return list(chain.from_iterable(read.runs(low, high) if isinstance(read, _Groups)
                                    else read))


class _Groups:
    """A format 12 cmap subtable of many groups in order, apart (CJK fonts': ~15,800), as
    the runs of code points they give glyphs: a code point is found by bisection, where a
    set of all of them (~45,000) took several times as long to make as the lists."""

    __slots__ = ("firsts", "lasts")

    def __init__(self, firsts: Sequence[int], lasts: Sequence[int]) -> None:
        self.firsts = firsts  # each run's first code point, ascending
        self.lasts = lasts  # each run's last one, below the next run's first

    def __contains__(self, point: int) -> bool:
        at = bisect_right(self.firsts, point) - 1
        return at >= 0 and point <= self.lasts[at]

    def issuperset(self, points: Iterable[int]) -> bool:
        """Whether every one of `points` has a glyph."""
        return all(map(self.__contains__, points))

    def runs(self, low: int, high: int) -> list[range]:
        """The runs' code points from `low` to `high`, in order."""
        start, stop = bisect_left(self.lasts, low), bisect_right(self.firsts, high)
        return [range(max(first, low), min(last, high) + 1)
                for first, last in zip(self.firsts[start:stop], self.lasts[start:stop],
                                       strict=True)]


#: Fewer groups than this are read as runs (`_cmap_runs`), into a set (`_charmap`).
_MANY_GROUPS = 4096
#: The typecode of an unsigned 32-bit array.
_UINT32 = next(code for code in "IL" if array(code).itemsize == 4)


def _groups(data: mmap.mmap | bytes, sub: int) -> _Groups | None:
    """A format 12 subtable of at least _MANY_GROUPS groups as `_Groups`, where each group
    starts with a glyph other than 0, ends at U+10FFFF at most, and its points are all
    above the group's before it; else None (read as runs)."""
    if struct.unpack_from(">H", data, sub)[0] != 12:
        return None
    groups = struct.unpack_from(">I", data, sub + 12)[0]
    raw = data[sub + 16:sub + 16 + 12 * groups]
    if groups < _MANY_GROUPS or len(raw) != 12 * groups:
        return None
    values = array(_UINT32, raw)
    if sys.byteorder == "little":
        values.byteswap()
    firsts, lasts = values[0::3].tolist(), values[1::3].tolist()
    if (not all(map(le, firsts, lasts)) or not all(map(lt, lasts[:-1], firsts[1:]))
            or lasts[-1] > 0x10FFFF or 0 in values[2::3]):
        return None
    return _Groups(firsts, lasts)


def _cmap_read(path: str, offset: int, low: int = 0,
               high: int = 0x10FFFF) -> _Groups | list[Iterable[int]]:
    """A face's best Unicode cmap subtable: as `_Groups` where it is one (`_groups`), else
    its runs of code points from `low` to `high`, in order (none when it cannot be read)."""
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
            if best is None:
                return []
            return _groups(data, best[1]) or _cmap_runs(data, best[1], low, high)
    except (OSError, ValueError, struct.error, IndexError, KeyError):
        return []


def _cmap_runs(data: mmap.mmap | bytes, sub: int, low: int = 0,
               high: int = 0x10FFFF) -> list[Iterable[int]]:
    """Code points from `low` to `high` with a glyph other than 0 in a format 4 or 12
    subtable, as runs in the subtable's order (a segment's glyph ids read at once)."""
    runs: list[Iterable[int]] = []
    if struct.unpack_from(">H", data, sub)[0] == 12:
        groups = struct.unpack_from(">I", data, sub + 12)[0]
        values = struct.unpack_from(f">{3 * groups}I", data, sub + 16)
        for index in range(0, 3 * groups, 3):
            first, last, glyph = values[index:index + 3]
            if last >= low and first <= high:
                runs.append(range(max(first + (glyph == 0), low), min(last, 0x10FFFF, high) + 1))
        return runs
    segments = struct.unpack_from(">H", data, sub + 6)[0] // 2
    ends = struct.unpack_from(f">{segments}H", data, sub + 14)
    starts = struct.unpack_from(f">{segments}H", data, sub + 16 + 2 * segments)
    deltas = struct.unpack_from(f">{segments}h", data, sub + 16 + 4 * segments)
    range_at = sub + 16 + 6 * segments
    ranges = struct.unpack_from(f">{segments}H", data, range_at)
    for index, (start, end, delta, range_offset) in enumerate(
            zip(starts, ends, deltas, ranges, strict=True)):
        if end < low or start > high:
            continue
        first, last = max(start, low), min(end, high, 0xFFFE)  # (not U+FFFF)
        if first > last:
            continue
        if range_offset == 0:  # (glyph: the code point plus delta, 0 at one code point)
            zero = -delta & 0xFFFF
            if first <= zero <= last:
                runs += [range(first, zero), range(zero + 1, last + 1)]
            else:
                runs.append(range(first, last + 1))
            continue
        where = range_at + 2 * index + range_offset + 2 * (first - start)
        glyphs = struct.unpack_from(f">{last - first + 1}H", data, where)
        runs.append([point for point, glyph in zip(range(first, last + 1), glyphs, strict=True)
                     if glyph and (glyph + delta) & 0xFFFF])
    return runs


def is_drawn(char: str) -> bool:
    """Whether a font must have `char` (see `_drawn`)."""
    return _drawn(char)


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
        self._picked: dict[tuple[str, bool, bool], Face | None] = {}
        self.by_path: dict[str, list[Face]] = {}
        for faces_of_family in self.families.values():
            for face in faces_of_family:
                known = self.by_path.setdefault(face.path, [])
                if face not in known:
                    known.append(face)

    def face(self, family: str, bold: bool, italic: bool) -> Face | None:
        """The face resvg picks for `family` (CSS font matching), or None if not installed."""
        key = (family, bold, italic)
        if key not in self._picked:  # (remembered: labels measures many lines with it)
            self._picked[key] = self._face(family, bold, italic)
        return self._picked[key]

    def _face(self, family: str, bold: bool, italic: bool) -> Face | None:
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
        return _charmap(face.path, face.offset).issuperset(points)


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

@lru_cache(maxsize=8192)
def _drawn(char: str) -> bool:
    """Whether a font must have `char`: not whitespace nor an invisible format character
    (remembered: asked of each character of each line measured)."""
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


def first_face(stack: str, bold: bool, italic: bool, fonts: FontIndex) -> Face | None:
    """The face of the stack's first installed family (what resvg draws its text with)."""
    for family in _families(stack):
        face = fonts.face(family, bold, italic)
        if face is not None:
            return face
    return None


def pick_split(text: str, stack: str, bold: bool, italic: bool, fonts: FontIndex,
               emoji: Face | None = None) -> tuple[str, Face] | None:
    """For a line that no family has every character of (pick_family found none), the
    family to draw its other script's letters with while the stack's first installed face
    (returned too) draws the runs of the simple scripts it has (`chart_runs`: its Latin),
    each in a <tspan> (`in_fonts`): the first of SCRIPT_FAMILIES that has every other
    character ("क्ष Rao": Noto Sans Devanagari, which has no Latin, and no installed family
    has both). An emoji the chart's font lacks (`by_emoji_font`) is left to the `emoji`
    face where it has it. None where the line holds a right-to-left letter, or no family
    has them."""
    points = _needed(text)
    chart = first_face(stack, bold, italic, fonts)
    if points is None or chart is None or any(
            unicodedata.bidirectional(chr(point)) in ("R", "AL") for point in points):
        return None
    runs = chart_runs(text, lambda char: fonts.has_all(chart, (ord(char),)))
    inside = {at for start, stop in runs for at in range(start, stop)}
    coloured = {char for char in text if emoji is not None and by_emoji_font(char)
                and fonts.has_all(emoji, (ord(char),))}
    rest = sorted({ord(char) for at, char in enumerate(text)
                   if at not in inside and _drawn(char) and char not in coloured})
    if not rest or not (runs or coloured):  # ("राम ▶ क्ष": its ▶ in the emoji font's tspan)
        return None
    drawn = {char for char in text if _drawn(char)}
    fallback = None
    for family in SCRIPT_FAMILIES:
        face = fonts.face(family, bold, italic)
        if face is None or not fonts.has_all(face, rest):
            continue
        if any(_draws_all(fonts, other, drawn)  # (see below)
               for other in (*_file_faces(fonts, face), *_file_faces(fonts, chart))):
            return None
        if (face.weight >= 600) == bold:
            return family, chart
        fallback = fallback or family
    return (fallback, chart) if fallback else None


def _draws_all(fonts: FontIndex, face: Face, chars: Iterable[str]) -> bool:
    """Whether the face draws every character, some perhaps as their canonical decomposition
    (έ as ε and a mark), as HarfBuzz does: resvg's fallback then takes the whole line's
    glyphs from it, a <tspan>'s too (so `pick_split` does not split such a line: a face of
    the file of either family, which resvg reads first, would draw the other's runs)."""
    return all(fonts.has_all(face, (ord(char),)) or (
        unicodedata.normalize("NFD", char) != char
        and fonts.has_all(face, map(ord, unicodedata.normalize("NFD", char))))
        for char in chars)


def letters_first(text: str, family: str, style: _Style, fonts: FontIndex,
                  emoji: Face) -> list[Face] | None:
    """For a text drawn in `family` (pick_family), which has some of its emoji in black
    (DejaVu Sans has 😀 ❤ ▶, Noto Sans CJK ▶ ⚽), so that resvg never falls back to the emoji
    font for them: the faces for resvg to read first, after the emoji font, so that those
    emoji can be put in a <tspan> of the emoji font (`in_emoji_font`). That span is drawn
    from the whole text shaped with the emoji font, whose fallback for the letters is the
    first font read that has them: the text's family would draw the whole text, its
    black emoji too. So: the chart's font (Latin) and the first family of SCRIPT_FAMILIES
    that has the letters both lack (Noto Sans Arabic; the text's `family` itself where it
    lacks the emoji), when no face of their files draws the whole text; None when there is
    no such family."""
    chart = first_face(style.stack, style.bold, style.italic, fonts)
    if chart is None:
        return None
    drawn = {char for char in text if _drawn(char)}
    if any(_draws_all(fonts, face, drawn) for face in _file_faces(fonts, chart)):
        return None
    lacking = sorted({ord(char) for char in drawn if not fonts.has_all(emoji, (ord(char),))
                      and not fonts.has_all(chart, (ord(char),))})
    if not lacking:
        return _file_faces(fonts, chart)
    for other in SCRIPT_FAMILIES:
        face = fonts.face(other, style.bold, style.italic)
        if (face is None or not fonts.has_all(face, lacking)
                or any(_draws_all(fonts, one, drawn) for one in _file_faces(fonts, face))):
            continue
        return [*_file_faces(fonts, face), *_file_faces(fonts, chart)]
    return None


def _black_emoji(text: str, family: str, style: _Style, fonts: FontIndex,
                 emoji: Face) -> bool:
    """Whether `family` has a character of an emoji run of `text` (emoji.emoji_runs: a
    picture, 😀, or an emoji made one by U+FE0F, ❤️) that the emoji font has: resvg then
    draws it from `family`, in black. (An emoji drawn as text by default, ❤ or ▶ without
    the selector, is text, and drawn so; labels measures it as wide as an emoji.)"""
    face = fonts.face(family, style.bold, style.italic)
    if face is None:
        return False
    colour = {text[at] for start, stop in emoji_runs(text) for at in range(start, stop)
              if by_emoji_font(text[at])}  # (not ™️ or 1️⃣: the chart's font draws ™ and 1)
    return any(_drawn(char) and fonts.has_all(face, (ord(char),))
               and fonts.has_all(emoji, (ord(char),)) for char in colour)


def _file_faces(fonts: FontIndex, face: Face) -> list[Face]:
    """The faces of the file that holds `face` (a collection holds several: Noto Sans CJK's
    JP face comes before its SC face)."""
    return sorted(fonts.by_path.get(face.path, [face]), key=lambda other: other.offset)


def chart_runs(text: str, has: Callable[[str], bool]) -> list[tuple[int, int]]:
    """The [start, stop) spans of `text` that the chart's font is to draw beside another
    script's letters (`pick_split`): characters of the simple scripts that it has (`has`;
    ☺ ♥ too),
    none of them a mark nor followed by one (a letter and its mark are one cluster, drawn
    by one font), with the spaces between them."""
    runs: list[tuple[int, int]] = []
    size = len(text)
    for at, char in enumerate(text):
        following = text[at + 1:at + 2]
        if (char.isspace() or not _drawn(char) or needs_shaping(char)
                or unicodedata.category(char)[0] == "M"
                or (following and unicodedata.category(following)[0] == "M")
                or not has(char)):
            continue
        if runs and not text[runs[-1][1]:at].strip(" "):
            runs[-1] = (runs[-1][0], at + 1)
        else:
            runs.append((at, at + 1))
    return [(start, stop) for start, stop in runs if stop <= size]


def by_emoji_font(char: str) -> bool:
    """Whether a PNG draws `char` with the colour emoji font in a line of the chart's font:
    a picture (🚀), or an emoji drawn as text by default that the chart's font lacks (❤, ▶:
    resvg's fallback takes it from the emoji font, the first font it reads)."""
    return is_picture(char) or (not char.isascii() and is_text_emoji(char)
                                and char not in CHART_FONT_EMOJI)


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
    what the text's own family must draw. An emoji of the chart's font made a picture by
    U+FE0F (♥️, ☺️, ♂️, ™️: emoji.CHART_FONT_EMOJI) is kept, without its selector: `apart`
    writes it so, and a PNG draws it as text, in the chart's font (in a line drawn in two
    fonts, "क्ष ♥️", in its <tspan>: left in the text's family, which lacks it, resvg's
    fallback took it from the emoji font and gave up on a conjunct's glyph count, a box)."""
    if emoji is None:
        return text
    for start, stop in reversed(emoji_runs(text)):
        if fonts.has_all(emoji, (ord(char) for char in text[start:stop] if _drawn(char))):
            # (♥️ ☺️ ™️: `apart` writes them ♥ ☺ ™, which the chart's font draws as text, as
            # beside Latin and as labels measures them: they stay, for a family or a split)
            kept = "".join(char for char in text[start:stop] if char in CHART_FONT_EMOJI)
            text = text[:start] + (kept or " ") + text[stop:]
    return text


def drawn_whole_by(text: str, fonts: FontIndex, emoji: Face) -> bool:
    """Whether the emoji font has every character of `text` that a font must have: resvg
    then draws all of it with that font ("🚀 🎉", "👍🏽"), its sequences as they are."""
    return fonts.has_all(emoji, (ord(char) for char in text if _drawn(char)))


def apart(text: str, missing: Collection[str] = (),
          has: Callable[[str], bool] | None = None) -> str:
    """`text` as resvg is to draw it when it mixes emoji with other text: each emoji sequence
    written apart (emoji.separated), and a letter written with combining marks composed
    (NFC), as the chart's font draws it (an "é" written as "e" and an accent is one glyph in
    Liberation Sans but two in the emoji font, which also makes resvg's fallback give up: its
    emoji were boxes). Nothing else changes: a character that NFC replaces on its own (a CJK
    compatibility ideograph, U+FA10, which CJK fonts draw as U+585A 塚 without its dot and
    NFC makes U+585A; the ohm sign U+2126) is one glyph in both fonts, and stays as it is,
    unless it is one of `missing`, which no font at hand has (see `_missing`): that is
    written as NFC writes it (U+2F800 as U+4E3D 丽, as HarfBuzz draws it in a font that
    lacks it), not left to be a box that makes the text's emoji boxes too. Nor where NFC
    composes it with a combining mark after it into a character that the font of the text's
    letters has (`has`; None: any): ά (U+1F71, which NFC writes U+03AC) and U+0345 are
    written ᾴ (U+1FB4), the ohm sign and an acute accent Ώ (U+038F), as NFC writes them;
    kept, the letter and its mark were one glyph in the text's font (HarfBuzz composes them
    where the font has ᾴ) and two in the emoji font, and the text's emoji were boxes. Where
    the font lacks ᾴ, both fonts draw two glyphs, and the text stays as written."""
    return composed(separated(text), missing, has)


def composed(text: str, missing: Collection[str] = (),
             has: Callable[[str], bool] | None = None) -> str:
    """`text` with each letter written with combining marks composed (NFC), what NFC replaces
    on its own left as it is unless it is one of `missing` or NFC composes it with the marks
    after it into a character the font has (`has`; see `apart`)."""
    if unicodedata.is_normalized("NFC", text):
        return text
    parts: list[str] = []
    last = 0
    for at, char in enumerate(text):
        if (_replaced_alone(char) and char not in missing
                and not _composed_with_marks(text, at, has)):
            parts += [unicodedata.normalize("NFC", text[last:at]), char]
            last = at + 1
    parts.append(unicodedata.normalize("NFC", text[last:]))
    return "".join(parts)


def _composed_with_marks(text: str, at: int, has: Callable[[str], bool] | None) -> bool:
    """Whether NFC composes `text[at]` with a combining mark after it (ά U+1F71 and U+0345
    make ᾴ U+1FB4; the ohm sign and an acute, Ώ) into a character the font has (`has`;
    None: any): then that font draws them as one glyph, as HarfBuzz composes them, and the
    emoji font as two (see `apart`). Not where a mark just follows (U+FA10 and a grave
    accent: two glyphs in either)."""
    stop = at + 1
    while stop < len(text) and (unicodedata.combining(text[stop])
                                or unicodedata.category(text[stop])[0] == "M"):
        stop += 1
    if stop == at + 1:
        return False
    written = unicodedata.normalize("NFC", text[at:stop])
    return written != (unicodedata.normalize("NFC", text[at])
                       + unicodedata.normalize("NFC", text[at + 1:stop])) and (
        has is None or has(written[0]))


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


def _has_in(fonts: FontIndex, family: str | None,
            style: _Style) -> Callable[[str], bool] | None:
    """Whether the face that draws a text's letters has a character: that of `family`, put
    first on it, else its stack's first installed one (None: no such face)."""
    face = _letters_face(family, style, fonts)
    if face is None:
        return None
    return lambda char: fonts.has_all(face, (ord(char),))


def _merges_glyphs(text: str) -> bool:
    """Whether a font may draw `text` with fewer glyphs than it has characters, even composed
    (`_MERGES`: لا, שׁ; or a virama, Unicode's combining class 9: क्ष)."""
    return _MERGES.search(text) is not None or any(
        unicodedata.combining(char) == 9 for char in text)


def in_emoji_font(text: str, family: str, first: bool = False,
                  also: Collection[str] = ()) -> str:
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
    and a later one draws a cluster of the text (لا) as fewer glyphs. So is one after
    nothing but XML white space (" 🚀 لا"), which resvg drops from the start of a text: the
    non-joiner goes after it.

    `also`: characters put in such a <tspan> too: the emoji made pictures by U+FE0F that
    `apart` wrote without it (❤️ as ❤), where the text's family has them in black (DejaVu
    Sans, see `letters_first`)."""
    start_tag = "<tspan font-family=" + _quoteattr(f"'{family}'") + ">"
    runs = emoji_runs(text)
    if also:
        marked = {at for start, stop in runs for at in range(start, stop)} | {
            at for at, char in enumerate(text) if char in also}
        runs = []
        for at in sorted(marked):
            if runs and runs[-1][1] == at:
                runs[-1] = (runs[-1][0], at + 1)
            else:
                runs.append((at, at + 1))
    for start, stop in reversed(runs):
        text = f"{text[:start]}{start_tag}{text[start:stop]}</tspan>{text[stop:]}"
    lead = _leading_space(text)
    if first and runs and runs[0][0] == lead:
        return text[:lead] + NON_JOINER + text[lead:]
    return text


def one_glyph_each(char: str) -> bool:
    """Whether every font draws `char` as a glyph of its own, whatever is beside it: a letter,
    digit or symbol of the simple scripts (pdftext.needs_shaping: Latin, Greek, Cyrillic),
    a CJK ideograph, kana or a Hangul syllable; not a mark, an Arabic or Indic letter, nor
    a conjoining Hangul jamo (fonts draw those joined, as fewer glyphs)."""
    if not needs_shaping(char):
        return True
    point = ord(char)
    if 0x1100 <= point <= 0x11FF or 0xA960 <= point <= 0xA97F or 0xD7B0 <= point <= 0xD7FF:
        return False
    return (unicodedata.category(char)[0] == "L"
            and unicodedata.east_asian_width(char) in ("W", "F"))


def picture_spans(text: str) -> list[tuple[int, int]]:
    """The [start, stop) spans of `text` that the emoji font is to draw where its emoji
    sequences are drawn whole (`whole_in_emoji_font`): each emoji drawn as a picture
    (emoji.drawn_as_picture: 👩‍💻, 🇬🇧, 👍🏽, 1️⃣, ❤️; not ™️, which the chart's font draws)
    and each emoji drawn as text by default that the chart's font lacks (❤, ▶:
    `by_emoji_font`), neighbours joined."""
    marked = [False] * len(text)
    for start, stop in emoji_sequences(text):
        if drawn_as_picture(text, start):
            marked[start:stop] = [True] * (stop - start)
    for at, char in enumerate(text):
        if by_emoji_font(char):
            marked[at] = True
    spans: list[tuple[int, int]] = []
    for at, inside in enumerate(marked):
        if not inside:
            continue
        if spans and spans[-1][1] == at:
            spans[-1] = (spans[-1][0], at + 1)
        else:
            spans.append((at, at + 1))
    return spans


#: The attribute that keeps a text's letter spacing off the non-joiner that starts it
#: (`whole_in_emoji_font`).
_NO_SPACING = ' letter-spacing="0"'


def whole_in_emoji_font(text: str, family: str) -> str:
    """Character data (escaped here) for `text` with its emoji sequences drawn whole (👩‍💻,
    🇬🇧, 👍🏽, 1️⃣ as one picture each): each of its `picture_spans` in a <tspan> of the emoji
    font's `family`, after a first <tspan> of that font holding only an invisible
    non-joiner (after the XML white space the text may start with, which resvg drops).

    usvg 0.48 shapes the whole text with the font of each of its spans and takes the glyphs
    of its first span as the ones the others replace, cluster by cluster. Its first span in
    the emoji font makes those the emoji font's: each sequence one picture, each letter one
    missing glyph, which the spans of the text's own font replace with their letters one for
    one. (Were the first span the letters', resvg's fallback would give up on the emoji as
    several glyphs there, and the emoji font's one glyph for a sequence would replace them
    wrongly: usvg garbles the text or panics, layout.rs:953.) The letters must each be one
    glyph in their font (`one_glyph_each`); the rest of the text is left as it is, other
    emoji (™️ drawn as ™ in the chart's font) written as emoji.separated writes them. The
    non-joiner's span has no letter spacing (`_NO_SPACING`): usvg adds a text's spacing
    after each cluster, that one too, which moved the letters of a spaced level label."""
    start_tag = "<tspan font-family=" + _quoteattr(f"'{family}'") + ">"
    parts: list[str] = []
    last = 0
    for start, stop in picture_spans(text):
        parts += [_escaped(separated(text[last:start])), start_tag, _escaped(text[start:stop]),
                  "</tspan>"]
        last = stop
    parts.append(_escaped(separated(text[last:])))
    written = "".join(parts)
    lead = _leading_space(text)  # (white space needs no escaping: as long written)
    return f"{written[:lead]}{start_tag[:-1]}{_NO_SPACING}>{NON_JOINER}</tspan>{written[lead:]}"


def whole_sequence_files(text: str, letters: Face | None, emoji: Face, fonts: FontIndex,
                         promoted: Iterable[str] = ()) -> list[str] | None:
    """The font files for resvg to read right after the emoji font so that `text`, drawn
    with its letters in `letters` (the face of the family put first on it, or of its
    stack), can have its emoji sequences drawn whole (`whole_in_emoji_font`); None when it
    cannot: `letters` lacks a character outside the `picture_spans`, or one of them is not
    one glyph in any font (`one_glyph_each`: لا, क्ष, a mark), or the emoji font lacks a
    character of those spans, or a face read before the emoji font's fallback for the
    first letter (`promoted`, then the files of the letters' family, returned) has every
    character of the text: resvg would then take all of the emoji span's glyphs from it."""
    if letters is None:
        return None
    inside = [False] * len(text)
    for start, stop in picture_spans(text):
        inside[start:stop] = [True] * (stop - start)
    drawn = [char for char in text if _drawn(char)]
    letter_chars = {char for at, char in enumerate(text) if not inside[at] and _drawn(char)}
    if not (all(map(one_glyph_each, letter_chars))
            and _draws_all(fonts, letters, letter_chars)
            and fonts.has_all(emoji, (ord(char) for at, char in enumerate(text)
                                      if inside[at] and _drawn(char)))):
        return None
    files = list(_with_weights([letters], fonts))
    for path in (*promoted, *files):
        if any(_draws_all(fonts, face, drawn) for face in fonts.by_path.get(path, ())):
            return None
    return files


def _leading_space(text: str) -> int:
    """How many characters of XML white space `text` starts with: resvg (xml:space's default)
    drops them at the start of a <text>, so what follows is its first span."""
    return len(text) - len(text.lstrip(_XML_SPACE))


def in_fonts(text: str, chart_stack: str, chart: Collection[tuple[int, int]],
             emoji_family: str | None = None, first: bool = False) -> str:
    """Character data (escaped here) for `text`, a line that mixes another script with the
    chart's (`pick_split`): each of the `chart` runs (`chart_runs`) in a <tspan> of the
    chart's font stack, each emoji run (and emoji the chart's font lacks, `by_emoji_font`)
    in one of `emoji_family` (as `in_emoji_font`), and
    the rest, in the text's own family, with each run of its letters between bidi
    isolates (U+2066 ... U+2069).

    resvg (usvg 0.48) takes each <tspan>'s glyphs from the whole line shaped with its
    font, and shapes a line's left-to-right run as the script of its first letter: "Rao
    क्ष" was shaped as Latin, its conjunct drawn as क् and ष. The isolates make the other
    script's letters a run of their own, shaped as their script. `first`: `text` starts
    the <text>; a tspan that would start it comes after a non-joiner, of the text's own
    font (usvg takes the glyphs of the first span as those the others replace, and panics
    or drops glyphs when that span's font draws a cluster as more glyphs than a later
    one's: its layout.rs:953), after the XML white space it may start with (`_leading_space`:
    resvg drops it, so the tspan after it would be first)."""
    kinds = [""] * len(text)
    for start, stop in chart:
        kinds[start:stop] = ["chart"] * (stop - start)
    if emoji_family is not None:  # (and ❤, which the emoji font draws beside Latin)
        for start, stop in emoji_runs(text):
            kinds[start:stop] = ["emoji"] * (stop - start)
        for at, char in enumerate(text):
            if by_emoji_font(char):
                kinds[at] = "emoji"
    fonts = {"chart": "<tspan font-family=" + _quoteattr(chart_stack) + ">",
             "emoji": "<tspan font-family=" + _quoteattr(f"'{emoji_family}'") + ">"}
    parts: list[str] = []
    at = 0
    while at < len(text):
        kind = kinds[at]
        stop = at + 1
        while stop < len(text) and kinds[stop] == kind:
            stop += 1
        piece = _escaped(text[at:stop])
        if kind:
            parts.append(f"{fonts[kind]}{piece}</tspan>")
        else:  # (its letters isolated; the spaces around them left out)
            core = piece.strip(_XML_SPACE)
            if core:
                lead = piece[:_leading_space(piece)]
                trail = piece[len(piece.rstrip(_XML_SPACE)):]
                piece = f"{lead}{_ISOLATE}{core}{_POP_ISOLATE}{trail}"
            parts.append(piece)
        at = stop
    written = "".join(parts)
    begins = _leading_space(text)  # (white space needs no escaping: as long written)
    if first and begins < len(kinds) and kinds[begins]:
        return written[:begins] + NON_JOINER + written[begins:]
    return written


def _escaped(text: str) -> str:
    """Character data for `text`."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _decoded(data: str) -> str | None:
    """Character data read: its references replaced by their characters (None for an
    entity XML does not define)."""
    def character(found: re.Match[str]) -> str:
        number, decimal, name = found.groups()
        if name:
            return _XML_ENTITIES[name]
        return chr(int(number, 16) if number else int(decimal))

    if "&" not in data:
        return data
    try:
        text = _XML_REFERENCE.sub(character, data)
    except (ValueError, OverflowError):  # (past U+10FFFF)
        return None
    return None if "&" in _XML_REFERENCE.sub("", data) else text


def _split_markup(content: str, choice: _Choice, chart: Face, fonts: FontIndex) -> str | None:
    """The content of a <text> whose line mixes another script with the chart's (`in_fonts`),
    its character data composed (and its emoji written apart where `choice.apart`); None
    when it holds a reference to an entity XML does not define. (Composed wherever NFC
    composes, `choice.has` being None: its emoji are in tspans, which resvg's fallback does
    not draw, and a letter its family lacks, Ώ in Noto Sans CJK, is drawn by the fallback
    as one glyph where kept as Ω and a mark would be drawn apart.)"""
    first = True  # (no character written yet)
    parts: list[str] = []
    for piece in _TAG_OR_DATA.split(content):
        if piece.startswith("<"):
            parts.append(piece)
            continue
        text = _decoded(piece)
        if text is None:
            return None
        text = (apart(text, choice.missing, choice.has) if choice.apart
                else composed(text, choice.missing, choice.has))
        runs = chart_runs(text, lambda char: fonts.has_all(chart, (ord(char),)))
        parts.append(in_fonts(text, choice.chart_stack or "", runs, choice.emoji_family, first))
        first = first and not text.strip(_XML_SPACE)
    return "".join(parts)


def _apart_markup(content: str, missing: Collection[str], emoji_family: str | None,
                  also: Collection[str] = (), has: Callable[[str], bool] | None = None) -> str:
    """The content of a <text> element with `apart` applied to its character data, and its
    emoji in a <tspan> of `emoji_family` when one is given (`in_emoji_font`); tags, comments
    and references left as they are."""
    first = True  # (no character written yet: see in_emoji_font)

    def written(found: re.Match[str]) -> str:
        nonlocal first
        markup = found.group(1)
        if markup:
            # (a reference is a character: not yet one where it is white space, &#32;)
            first = first and (markup.startswith("<") or (
                (char := _decoded(markup)) is not None and not char.strip(_XML_SPACE)))
            return markup
        text = apart(found.group(2), missing, has)
        if emoji_family:
            text = in_emoji_font(text, emoji_family, first, also)
        first = first and not text.strip(_XML_SPACE)
        return text

    return _MARKUP.sub(written, content)


def draws_sequences_whole(text: str, stack: str, bold: bool, italic: bool,
                          fonts: FontIndex) -> bool:
    """Whether a PNG draws the emoji sequences of `text`, a <text> of font `stack`, whole
    (`prepare` puts them in the emoji font, `whole_in_emoji_font`), not written apart
    (emoji.separated): for labels, which measures 👩‍💻 and 🇬🇧 as one emoji then. As
    `prepare` decides it for a text alone (another text's family read first might have
    all of this one's characters: no installed font but the emoji font has 👩 or 🇬)."""
    emoji = emoji_face(fonts)
    if (emoji is None or separated(text) == text or drawn_whole_by(text, fonts, emoji)
            or _merges_glyphs(text)):
        return False
    own = without_emoji(text, fonts, emoji)
    if own == text:
        return False
    style = _Style(stack, bold, italic)
    missing = _missing(text, style, fonts)
    own = "".join(unicodedata.normalize("NFC", char) if char in missing else char
                  for char in own)
    family = None
    if _needed(text) is not None:
        family = pick_family(own, stack, bold, italic, fonts)
        if family is None and pick_split(own, stack, bold, italic, fonts, emoji) is not None:
            return False
    return whole_sequence_files(composed(text, missing, _has_in(fonts, family, style)),
                                _letters_face(family, style, fonts), emoji, fonts) is not None


def _letters_face(family: str | None, style: _Style, fonts: FontIndex) -> Face | None:
    """The face that draws a text's letters: that of `family`, put first on it, else its
    stack's first installed one."""
    if family is not None:
        return fonts.face(family, style.bold, style.italic)
    return first_face(style.stack, style.bold, style.italic, fonts)


def _whole_markup(content: str, missing: Collection[str], emoji_family: str,
                  has: Callable[[str], bool] | None) -> str | None:
    """The content of a <text> element that is character data alone, composed (`composed`)
    and with its emoji sequences drawn whole (`whole_in_emoji_font`); None when it holds an
    element, a comment or a reference to an entity XML does not define (written apart then,
    `_apart_markup`: a <tspan> that starts a chunk of its own would need its own first span)."""
    if "<" in content:
        return None
    text = _decoded(content)
    if text is None:
        return None
    return whole_in_emoji_font(composed(text, missing, has), emoji_family)


def _text_style_emoji(text: str) -> frozenset[str]:
    """The characters of `text`'s emoji runs that are text by default and drawn by the emoji
    font (❤ ▶, which `apart` writes without their U+FE0F): put in the emoji font's <tspan>
    too (`in_emoji_font`'s `also`)."""
    return frozenset(char for start, stop in emoji_runs(text) for char in text[start:stop]
                     if by_emoji_font(char) and is_text_emoji(char))


def _family_name(face: Face) -> str:
    """The family of an emoji face as EMOJI_FAMILIES spells it (resvg matches the case)."""
    return next((family for family in EMOJI_FAMILIES if family.lower() in face.families),
                face.families[0])


class _Choice(NamedTuple):
    family: str | None  # put first on the <text>
    apart: bool  # its emoji written apart (see `apart`)
    missing: frozenset[str] = frozenset()  # what no font has, for `apart`
    emoji_family: str | None = None  # its emoji in a <tspan> of that family (in_emoji_font)
    chart_stack: str | None = None  # its simple scripts' runs in a <tspan> of it (in_fonts)
    chart: Face | None = None  # the face that draws them
    also: frozenset[str] = frozenset()  # put in the emoji's tspans too (in_emoji_font)
    has: Callable[[str], bool] | None = None  # the letters' font has it (see `apart`)
    whole: bool = False  # its emoji sequences drawn whole (`whole_in_emoji_font`)
    narrow: bool = False  # drawn all by the emoji font: its spaces emoji.NARROW_SPACE


def prepare(svg: bytes, fonts: FontIndex | None = None) -> Prepared:
    """The SVG with a first font family on each <text> that resvg would draw with fallback
    fonts, and, when an emoji of its text is drawn by an installed colour emoji font, the
    font files with that font's first (see the module's docstring); the SVG itself and
    None when there is nothing to do. A text with such emoji sequences and characters the
    emoji font lacks (letters) has them drawn whole by the emoji font where it can
    (`whole_in_emoji_font`), else written apart (`apart`), so that resvg's fallback draws
    them, not boxes."""
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
    promoted: dict[str, None] = {}  # font files resvg is to read first (see `pick_split`)
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
                whole = emoji is not None and drawn_whole_by(text, read[0], emoji)
                separate = ((changed or merges) and has_emoji and emoji is not None
                            and not whole)
                family = pick_family(own_text, style.stack, style.bold, style.italic,
                                     read[0]) if needed else None
                split = pick_split(own_text, style.stack, style.bold, style.italic,
                                   read[0], emoji) if needed and family is None else None
                has = _has_in(read[0], family, style)  # (not a split line's: `_split_markup`)
                files = (whole_sequence_files(
                    composed(text, missing, has), _letters_face(family, style, read[0]), emoji,
                    read[0], promoted)
                    if separate and split is None and not merges and emoji is not None
                    and separated(text) != text else None)
                if split is not None:  # ("क्ष Rao": its Latin in a tspan of the chart's font)
                    in_emoji = (has_emoji or any(map(by_emoji_font, own_text))) and (
                        emoji is not None and not whole)
                    with_emoji = with_emoji or in_emoji
                    for name in (split[0].lower(), *split[1].families):  # (read first: below)
                        promoted.update((face.path, None)
                                        for face in read[0].families.get(name, ()))
                    picked[key] = _Choice(
                        split[0], in_emoji, missing,
                        _family_name(emoji) if in_emoji and emoji else None, style.stack,
                        split[1])
                elif files is not None and emoji is not None:
                    # (👩‍💻 🇬🇧 drawn whole: each in a tspan of the emoji font, the text's
                    # first span one too; its letters' family read next)
                    promoted.update(dict.fromkeys(files))
                    picked[key] = _Choice(family, True, missing, _family_name(emoji),
                                          has=has, whole=True)
                elif (family is not None and emoji is not None and not whole
                      and _black_emoji(text, family, style, read[0], emoji)
                      and (first_read := letters_first(apart(text, missing, has), family,
                                                       style, read[0], emoji)) is not None):
                    # (سلام 😀: DejaVu Sans has 😀, so resvg drew it black; its emoji in a
                    # tspan of the emoji font, whose fallback is to find their letters
                    # in fonts without those emoji, read first)
                    with_emoji = True
                    promoted.update(_with_weights(first_read, read[0]))
                    picked[key] = _Choice(family, True, missing, _family_name(emoji),
                                          also=_text_style_emoji(text), has=has)
                else:
                    # (שׁלום ❤️: written ❤, which no longer starts an emoji run, is put in
                    # the emoji font's tspan too, its letters' fonts read first as above)
                    also = (_text_style_emoji(text) if separate and merges
                            and emoji is not None else frozenset())
                    if also and emoji is not None:
                        first_read = letters_first(apart(text, missing, has), family or "",
                                                   style, read[0], emoji)
                        if first_read is None:
                            also = frozenset()
                        else:
                            promoted.update(_with_weights(first_read, read[0]))
                    picked[key] = _Choice(
                        family, separate, missing,
                        _family_name(emoji) if separate and merges and emoji else None,
                        also=also, has=has,
                        narrow=whole and all_emoji_font(text) and narrowed(text) != text)
        choice = picked[key]
        family, separate, missing, emoji_family = choice[:4]
        start_tag = tag.group(0)
        end = (svg.find(b"</text>", tag.end())
               if separate or choice.chart is not None or choice.narrow else -1)
        written = None
        if end >= 0:
            try:
                content = svg[tag.end():end].decode("utf-8")
                if choice.chart is not None and read is not None:
                    written = _split_markup(content, choice, choice.chart, read[0])
                    if written is None:  # (an entity XML does not define: as before)
                        family = None
                if written is None and choice.whole and emoji_family is not None:
                    written = _whole_markup(content, missing, emoji_family, choice.has)
                if written is None and choice.narrow and "<" not in content:
                    written = narrowed(content)  # (👩‍💻 🚀: see emoji.NARROW_SPACE)
                if written is None and separate:
                    written = _apart_markup(content, missing,
                                            None if choice.whole else emoji_family,
                                            choice.also, choice.has)
            except UnicodeDecodeError:  # (not UTF-8: resvg refuses it anyway)
                pass
        if family is not None:
            value = _quoteattr(f"'{family}', {style.stack}").encode("utf-8")
            if own:
                named = _FAMILY_ATTRIBUTE.search(start_tag)
                if named is not None:  # (else a ">" in an attribute value cut the tag short)
                    start_tag = start_tag[:named.start(1)] + value + start_tag[named.end(1):]
            else:
                start_tag = start_tag[:5] + b" font-family=" + value + start_tag[5:]
        if written is None and start_tag == tag.group(0):
            continue
        parts += [svg[last:tag.start()], start_tag]
        last = tag.end()
        if written is not None:
            parts.append(written.encode("utf-8"))
            last = end
    prepared = b"".join(parts) + svg[last:] if parts else svg
    if read is None:
        return Prepared(prepared, None)
    index, emoji = read
    # (each family's files in the weight of the texts left to resvg's fallback, which takes
    # the first face that has a character, whatever its weight: see `_in_weight_order`)
    wanted = _fallback_style(picked, texts, index)
    if not (with_emoji or promoted):  # (as resvg reads them, but in the weight wanted)
        return Prepared(prepared, None if wanted is None else _in_weight_order(
            index.paths, index, *wanted))
    # (the emoji font first: resvg's fallback for an emoji; then the families of lines
    # drawn in two, so that a <tspan>'s fallback for the other's letters finds them and
    # not a font that has all the line's letters, whose glyphs would replace the span's)
    first = [emoji.path] if emoji is not None else []
    first += [path for path in promoted if path not in first]
    rest = [path for path in index.paths if path not in first]
    if wanted is not None:
        first, rest = (_in_weight_order(part, index, *wanted) for part in (first, rest))
    return Prepared(prepared, [*first, *rest])


def _with_weights(faces: Iterable[Face], fonts: FontIndex) -> dict[str, None]:
    """The files of `faces` (`letters_first`'s, for one weight), and after them the other
    files of their families: `_in_weight_order` puts those of the weight that other texts
    left to resvg's fallback want first (a bold "لا 👍🏽" read Noto Sans Arabic Bold first,
    and a regular line drawn by the fallback took its Arabic from it)."""
    faces = list(faces)
    files = dict.fromkeys(face.path for face in faces)
    for face in faces:
        for family in face.families:
            files.update((other.path, None) for other in fonts.families.get(family, ()))
    return files


def _fallback_style(picked: dict[tuple[str, _Style], _Choice],
                    texts: Iterable[tuple[str, _Style, bool]],
                    fonts: FontIndex) -> tuple[bool, bool] | None:
    """Whether most of the texts that resvg's fallback draws letters of (a character no
    family put first has, `_left_to_fallback`) are bold, and italic (regular and upright on
    a tie); None when there is none."""
    bold = italic = count = 0
    for text, style, _ in texts:
        choice = picked.get((text, style))
        if choice is None or not _left_to_fallback(text, style, choice, fonts):
            continue
        count += 1
        bold += style.bold
        italic += style.italic
    return (2 * bold > count, 2 * italic > count) if count else None


def _left_to_fallback(text: str, style: _Style, choice: _Choice, fonts: FontIndex) -> bool:
    """Whether resvg's fallback draws some of `text`'s letters: no family put first nor a
    line in two fonts, and the face of its stack lacks a character that is not an emoji of
    the emoji font ("राम 王小明", "김 Ελένη", "Ana ★")."""
    if choice.family is not None or choice.chart is not None:
        return False
    face = first_face(style.stack, style.bold, style.italic, fonts)
    own = without_emoji(text, fonts, emoji_face(fonts))
    drawn = [ord(char) for char in own if _drawn(char)]
    return face is None or not fonts.has_all(face, drawn)


def _in_weight_order(paths: list[str], fonts: FontIndex, bold: bool,
                     italic: bool) -> list[str]:
    """`paths` with the files of each family (the same family names) in the order of CSS
    font matching for a text of that weight and style (upright, of normal width, then the
    nearest weight first), each family keeping the places its files had.

    resvg's fallback for a character its text's face lacks takes the first face read that
    has it and the same style, weight *or* stretch (any upright face of normal width, bold
    or not): sorted by name, DejaVuSans-Bold.ttf comes before DejaVuSans.ttf and
    NotoSansCJK-Bold.ttc before NotoSansCJK-Regular.ttc, so regular text drawn by the
    fallback ("김 Ελένη", "राम שלום") was drawn bold where the files were handed to resvg
    (an emoji in the drawing, a line drawn in two fonts: `prepare`)."""
    wanted = 700 if bold else 400

    def rank(path: str) -> tuple[bool, int, tuple[int, int]]:
        return min(((face.italic != italic, abs(face.width - 5),
                     _weight_rank(face.weight, wanted))
                    for face in fonts.by_path.get(path, ())),
                   default=(True, 9, (3, 0)))

    groups: dict[frozenset[str], list[int]] = {}
    for at, path in enumerate(paths):
        names = frozenset(name for face in fonts.by_path.get(path, ()) for name in face.families)
        if names:
            groups.setdefault(names, []).append(at)
    ordered = list(paths)
    for places in groups.values():
        for at, path in zip(places, sorted((paths[at] for at in places), key=rank),
                            strict=True):
            ordered[at] = path
    return ordered
