"""An invisible text layer on PDF pages drawn as images, as an OCR'd scan has.

A page whose text cairo cannot draw (pdftext.py) is written as an image (convert.py:
`pdf_page_svg`), which holds no text: nothing to search, select or read aloud. This module
finds each line of the SVG's text and where it is drawn (`page_lines`), and adds it to such
pages of the PDF cairo wrote, as an incremental update that pypdf reads and writes
(`with_text_layers`): text render mode 3 (neither filled nor stroked), in a Type 3 font
whose glyphs draw nothing, with a ToUnicode map, so the page looks the same and text
extraction (pdftotext), search, selection and screen readers get every line. cairo itself
cannot write such text: it drops drawing that is fully transparent or has no ink.

Glyphs are placed in visual order, right-to-left runs reversed (`visual_order`, by the bidi
isolates the SVG holds, as the image is drawn), as a PDF of shaped text places them: readers
(poppler, pdf.js) put such runs back in reading order.
"""

from __future__ import annotations

import io
import math
import re
import unicodedata
import xml.etree.ElementTree as ET
import zlib
from collections.abc import Iterator
from typing import NamedTuple

from pypdf import PageObject, PdfReader, PdfWriter
from pypdf.errors import PyPdfError
from pypdf.generic import (
    ArrayObject,
    DecodedStreamObject,
    DictionaryObject,
    FloatObject,
    IndirectObject,
    NameObject,
    NumberObject,
    StreamObject,
)

from orgviz.render.labels import text_width
from orgviz.render.pdftext import presentation

#: Bidi marks, embeddings, overrides and isolates: they steer the order of the text around
#: them and are not part of it (the cards put U+2068 ... U+2069 around right-to-left names).
BIDI_CONTROLS = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e"
                          "\u2066\u2067\u2068\u2069")
_ISOLATE_OPENERS = {"\u2066": "L", "\u2067": "R", "\u2068": ""}  # "": first strong character
_ISOLATE_CLOSER = "\u2069"
#: Elements whose text is not drawn, and elements not drawn at all.
_UNDRAWN = frozenset({"title", "desc", "metadata", "style", "script", "defs", "clipPath",
                      "mask", "symbol", "pattern", "marker", "linearGradient",
                      "radialGradient"})
#: The layer's fonts' resource names: this and a number.
_FONT = "/OrgvizText"
#: Codes of one Type 3 font (single bytes; 0 left out).
_FONT_CODES = 255
#: The Type 3 font's glyph box, thousandths of its size: what a viewer highlights.
_ASCENT, _DESCENT = 750, -250
#: Code 0 of each font: a glyph named "m", 0.6 em wide, never drawn. poppler takes a Type 3
#: font's size to be its glyph "m"'s width over 0.6 em (else its first letter's or glyph's
#: width over 0.5 em): this keeps the size as given, not doubled by a CJK glyph.
_M_WIDTH = 600
#: What SVG collapses into one space (xml:space="default"); not other spaces (U+00A0).
_XML_SPACES = re.compile(r"[ \t\r\n]+")
_NUMBER = re.compile(r"[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?")
_TRANSFORM = re.compile(r"(matrix|translate|scale|rotate|skewX|skewY)\s*\(([^)]*)\)")
_PX_PER_UNIT = {"": 1.0, "px": 1.0, "pt": 96 / 72, "pc": 16.0, "in": 96.0, "cm": 96 / 2.54,
                "mm": 96 / 25.4}

#: An affine map (a, b, c, d, e, f): (x, y) -> (a x + c y + e, b x + d y + f).
Matrix = tuple[float, float, float, float, float, float]
_IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)


class Line(NamedTuple):
    """One <text> element: its text in reading order (NFC) and the map from its text space
    (origin at the left end of its baseline, y up, 1 unit = 1 font size) to the page's
    points (origin top left, y down)."""

    text: str
    matrix: Matrix
    width: float  # in font sizes (ems): the drawn width the glyphs are stretched to
    #: The text in the order it is drawn, left to right, by the bidi isolates the SVG put
    #: around names, which `text` has dropped ("" when not known: `visual_order(text)`).
    drawn: str = ""


# --- where the text is ------------------------------------------------------------------------


def page_lines(svg: bytes, width_pt: float, height_pt: float) -> tuple[Line, ...]:
    """Each drawn line of text of the SVG, placed on a `width_pt` x `height_pt` page (the SVG
    drawn to fill it, as cairosvg draws a page); () when the SVG cannot be read."""
    try:
        root = ET.fromstring(svg)
    except (ET.ParseError, ValueError):
        return ()
    box = _numbers(root.get("viewBox"))
    width, height = (box[2], box[3]) if len(box) == 4 and min(box[2:]) > 0 else (
        width_pt * 96 / 72, height_pt * 96 / 72)
    origin = (-box[0], -box[1]) if len(box) == 4 else (0.0, 0.0)
    page = _times((width_pt / width, 0.0, 0.0, height_pt / height, 0.0, 0.0),
                  (1.0, 0.0, 0.0, 1.0, *origin))
    return tuple(_lines(root, page, {}, nested=False))


def _lines(element: ET.Element, matrix: Matrix, inherited: dict[str, str], *,
           nested: bool = True) -> Iterator[Line]:
    """The lines of `element` and what it holds, drawn through `matrix` (`nested`: an
    <svg> in the drawing, which maps its viewBox to its own box)."""
    tag = _local(element.tag)
    if tag in _UNDRAWN:
        return
    values = {**inherited, **{name: value for name, value in presentation(element).items()
                              if name in ("font-size", "font-weight", "text-anchor")}}
    matrix = _times(matrix, _transform(element.get("transform", "")))
    if tag == "svg" and nested:  # a nested drawing (a deck's chart)
        matrix = _times(matrix, _nested_svg(element))
    if tag == "text":
        line = _line(element, matrix, values)
        if line is not None:
            yield line
        return
    for child in element:
        yield from _lines(child, matrix, values)


def _line(element: ET.Element, matrix: Matrix, values: dict[str, str]) -> Line | None:
    """The Line of a <text> element, or None when it draws no text (or out of all reach)."""
    logical = "".join(_drawn_text(element))
    text = _XML_SPACES.sub(" ", "".join(char for char in logical
                                        if char not in BIDI_CONTROLS)).strip(" ")
    size = _size(values.get("font-size", "16"))
    if not text or size <= 0:
        return None
    bold = values.get("font-weight", "").strip() in ("bold", "bolder") or (
        values.get("font-weight", "").strip().isdigit() and int(values["font-weight"]) >= 550)
    width = text_width(text, 1.0, bold)
    x, y = (_first(element.get(name)) for name in ("x", "y"))
    anchor = values.get("text-anchor", "start").strip()
    x -= {"middle": width / 2, "end": width}.get(anchor, 0.0) * size
    placed = _times(matrix, (size, 0.0, 0.0, -size, x, y))
    if not all(math.isfinite(value) for value in placed):  # "inf" is no PDF number
        return None
    # NFC: what is copied and searched for is "é", however the name was typed ("e" and U+0301)
    drawn = visual_order(unicodedata.normalize("NFC", _XML_SPACES.sub(" ", logical)))
    return Line(unicodedata.normalize("NFC", text), placed, width,
                _XML_SPACES.sub(" ", drawn).strip(" "))


def _drawn_text(element: ET.Element) -> Iterator[str]:
    """The character data a <text> element draws, in document order."""
    if _local(element.tag) in _UNDRAWN:
        return
    yield element.text or ""
    for child in element:
        yield from _drawn_text(child)
        yield child.tail or ""


def _nested_svg(element: ET.Element) -> Matrix:
    """The map of a nested <svg x y width height viewBox> (xMidYMid meet) to its parent."""
    x, y = _first(element.get("x")), _first(element.get("y"))
    box = _numbers(element.get("viewBox"))
    width, height = _size(element.get("width", "0")), _size(element.get("height", "0"))
    if len(box) != 4 or min(box[2:]) <= 0 or width <= 0 or height <= 0:
        return (1.0, 0.0, 0.0, 1.0, x, y)
    scale = min(width / box[2], height / box[3])
    x += (width - box[2] * scale) / 2 - box[0] * scale
    y += (height - box[3] * scale) / 2 - box[1] * scale
    return (scale, 0.0, 0.0, scale, x, y)


def _transform(value: str) -> Matrix:
    """The matrix of an SVG transform attribute (an unreadable one is left out)."""
    matrix = _IDENTITY
    for name, arguments in _TRANSFORM.findall(value):
        numbers = _numbers(arguments)
        matrix = _times(matrix, _step(name, numbers))
    return matrix


def _step(name: str, numbers: list[float]) -> Matrix:
    """The matrix of one transform function."""
    if name == "matrix" and len(numbers) == 6:
        return (numbers[0], numbers[1], numbers[2], numbers[3], numbers[4], numbers[5])
    if name == "translate" and numbers:
        return (1.0, 0.0, 0.0, 1.0, numbers[0], numbers[1] if len(numbers) > 1 else 0.0)
    if name == "scale" and numbers:
        return (numbers[0], 0.0, 0.0, numbers[-1], 0.0, 0.0)
    if name in ("rotate", "skewX", "skewY") and numbers:
        turn = math.radians(numbers[0])
        if name == "skewX":
            return (1.0, 0.0, math.tan(turn), 1.0, 0.0, 0.0)
        if name == "skewY":
            return (1.0, math.tan(turn), 0.0, 1.0, 0.0, 0.0)
        cos, sin = math.cos(turn), math.sin(turn)
        around = numbers[1:3] if len(numbers) == 3 else [0.0, 0.0]
        return _times(_times((1.0, 0.0, 0.0, 1.0, around[0], around[1]),
                             (cos, sin, -sin, cos, 0.0, 0.0)),
                      (1.0, 0.0, 0.0, 1.0, -around[0], -around[1]))
    return _IDENTITY


def _times(first: Matrix, then: Matrix) -> Matrix:
    """`first` applied after `then` (SVG's order: a parent's transform times a child's)."""
    a, b, c, d, e, f = first
    a2, b2, c2, d2, e2, f2 = then
    return (a * a2 + c * b2, b * a2 + d * b2, a * c2 + c * d2, b * c2 + d * d2,
            a * e2 + c * f2 + e, b * e2 + d * f2 + f)


def _numbers(value: str | None) -> list[float]:
    """The numbers of a list attribute ("0 0 10 20", "1,2")."""
    numbers = [float(found) for found in _NUMBER.findall(value or "")]
    return [number for number in numbers if math.isfinite(number)]


def _first(value: str | None) -> float:
    """The first number of a coordinate list (0 when none)."""
    numbers = _numbers(value)
    return numbers[0] if numbers else 0.0


def _size(value: str) -> float:
    """A length in px (CSS pixels) from "12", "12px" or "9pt"; 0 when unreadable."""
    found = re.fullmatch(r"\s*(" + _NUMBER.pattern + r")\s*([a-z]*)\s*", value)
    if found is None or found.group(2) not in _PX_PER_UNIT:
        return 0.0
    size = float(found.group(1)) * _PX_PER_UNIT[found.group(2)]
    return size if math.isfinite(size) else 0.0


def _local(tag: object) -> str:
    """An element's name without its namespace."""
    return tag.rpartition("}")[2] if isinstance(tag, str) else ""


# --- visual order -----------------------------------------------------------------------------


def visual_order(text: str) -> str:
    """`text` (a line, in reading order) in the order its characters are drawn, left to
    right, by Unicode's bidi algorithm, simplified: paragraph level (P2, P3), isolates
    (LRI, RLI, FSI ... PDI), numbers after left-to-right letters stay so (W7), neutrals take
    the direction around them (N1, N2), runs reversed from the highest level (L2); bidi
    controls are dropped. Enough for names and titles ("שלמה לוי (CTO)")."""
    items = _items(text, 0)[0]
    level = 1 if _first_strong(items) == "R" else 0
    placed = _levels(items, level)
    for reversing in range(max((at for _, at in placed), default=0), 0, -1):
        placed = _reversed_runs(placed, reversing)
    return "".join(char for char, _ in placed)


#: An isolate: its kind (L, R, "" for FSI) and what it holds.
_Item = str | tuple[str, list["_Item"]]


def _items(text: str, start: int, nested: bool = False) -> tuple[list[_Item], int]:
    """The characters and isolates of `text` from `start` to its end or the PDI that closes
    the isolate it is in (`nested`; a PDI that closes none is dropped, as bidi ignores it);
    and where that stopped."""
    items: list[_Item] = []
    at = start
    while at < len(text):
        char = text[at]
        at += 1
        if char == _ISOLATE_CLOSER and nested:
            return items, at
        if char in _ISOLATE_OPENERS:
            inside, at = _items(text, at, nested=True)
            items.append((_ISOLATE_OPENERS[char], inside))
        elif char not in BIDI_CONTROLS:
            items.append(char)
    return items, at


def _first_strong(items: list[_Item]) -> str:
    """"R" when the first strong character (outside isolates) is right to left, else "L"."""
    for item in items:
        if isinstance(item, str):
            kind = unicodedata.bidirectional(item)
            if kind in ("R", "AL"):
                return "R"
            if kind == "L":
                return "L"
    return "L"


def _levels(items: list[_Item], level: int) -> list[tuple[str, int]]:
    """Each character with its resolved level, `items` being at embedding `level`."""
    kinds = _resolved_kinds(items, "R" if level % 2 else "L")
    placed: list[tuple[str, int]] = []
    for item, kind in zip(items, kinds, strict=True):
        if isinstance(item, tuple):
            direction = item[0] or _first_strong(item[1])
            inner = level + 1 if (level % 2 == 0) == (direction == "R") else level + 2
            placed += _levels(item[1], inner)
        elif kind == "L":
            placed.append((item, level + level % 2))
        elif kind == "R":
            placed.append((item, level + 1 - level % 2))
        else:  # a number in a right-to-left run
            placed.append((item, level + 2 - level % 2))
    return placed


def _resolved_kinds(items: list[_Item], embedding: str) -> list[str]:
    """L, R or N (a number that is not left to right) for each item, neutrals resolved."""
    kinds: list[str] = []
    strong = embedding  # the last strong direction (sos: the embedding's)
    for item in items:
        kind = "" if isinstance(item, tuple) else unicodedata.bidirectional(item)
        if kind in ("R", "AL"):
            strong = "R"
            kinds.append("R")
        elif kind == "L":
            strong = "L"
            kinds.append("L")
        elif kind in ("EN", "AN"):
            kinds.append("L" if strong == "L" and kind == "EN" else "N")
        elif kind == "NSM" and kinds:
            kinds.append(kinds[-1])
        else:
            kinds.append("")  # neutral (or an isolate, which counts as one)
    return _neutrals_resolved(kinds, embedding)


def _neutrals_resolved(kinds: list[str], embedding: str) -> list[str]:
    """Each neutral ("") takes the direction on both its sides when they agree (numbers
    count as right to left), else the embedding's (N1, N2)."""
    resolved = list(kinds)
    at = 0
    while at < len(kinds):
        if kinds[at]:
            at += 1
            continue
        end = at
        while end < len(kinds) and not kinds[end]:
            end += 1
        before = _direction(kinds[at - 1]) if at else embedding
        after = _direction(kinds[end]) if end < len(kinds) else embedding
        resolved[at:end] = [before if before == after else embedding] * (end - at)
        at = end
    return resolved


def _direction(kind: str) -> str:
    """A resolved kind's strong direction: numbers count as right to left."""
    return "L" if kind == "L" else "R"


def _reversed_runs(placed: list[tuple[str, int]], level: int) -> list[tuple[str, int]]:
    """`placed` with each run of characters at `level` or higher reversed (L2)."""
    result: list[tuple[str, int]] = []
    run: list[tuple[str, int]] = []
    for item in placed:
        if item[1] >= level:
            run.append(item)
            continue
        result += reversed(run)
        run = []
        result.append(item)
    return result + run[::-1]


# --- the PDF ----------------------------------------------------------------------------------


def with_text_layers(pdf: bytes, layers: dict[int, tuple[Line, ...]]) -> bytes:
    """`pdf` with the lines of `layers` (page index -> lines) as invisible text on those
    pages, appended as an incremental update (pypdf); `pdf` as it is when pypdf cannot read
    it or it is encrypted."""
    wanted = {index: lines for index, lines in layers.items() if lines}
    if not wanted:
        return pdf
    try:
        reader = PdfReader(io.BytesIO(pdf))
        if reader.is_encrypted:
            return pdf
        writer = PdfWriter(reader, incremental=True)
        for index, lines in sorted(wanted.items()):
            if 0 <= index < len(writer.pages):
                _add_layer(writer, writer.pages[index], lines)
        _keep_info(writer)
        out = io.BytesIO()
        writer.write(out)
    except (PyPdfError, ValueError, KeyError, IndexError, TypeError, AttributeError,
            zlib.error):
        return pdf
    return out.getvalue()


def _keep_info(writer: PdfWriter) -> None:
    """Have the update's trailer name the document information (title, dates) too, as the
    PDF standard asks: pypdf names it only when it changed, and poppler reads it from the last
    trailer alone (the title was lost). It is copied into the update, the same entries."""
    metadata = writer.metadata
    if metadata is not None:
        writer.metadata = None
        writer.metadata = metadata


def _add_layer(writer: PdfWriter, page: PageObject, lines: tuple[Line, ...]) -> None:
    """Make `page`'s contents end with `lines`' text, its resources name the fonts."""
    fonts = _dictionary(_dictionary(page, "/Resources"), "/Font")
    first = 1 + max((int(name[len(_FONT):]) for name in fonts
                     if name.startswith(_FONT) and name[len(_FONT):].isdecimal()), default=-1)
    added, stream = _layer(writer, lines, float(page.mediabox.top), first)
    fonts.update(added)
    old = page.raw_get("/Contents")
    kept = list(old.get_object()) if isinstance(old.get_object(), ArrayObject) else [old]
    page[NameObject("/Contents")] = ArrayObject([
        writer._add_object(_stream(b"q\n")), *kept,
        writer._add_object(_stream(stream, compress=True))])


def _dictionary(holder: DictionaryObject, key: str) -> DictionaryObject:
    """The dictionary `holder` has at `key` (resolved), a new empty one if it has none."""
    if key not in holder:
        holder[NameObject(key)] = DictionaryObject()
    found = holder[key]
    if not isinstance(found, DictionaryObject):
        raise ValueError(f"{key} is not a dictionary")
    return found


def _layer(writer: PdfWriter, lines: tuple[Line, ...], top: float,
           first: int) -> tuple[dict[NameObject, IndirectObject], bytes]:
    """(the fonts by resource name, the content stream) drawing `lines` invisibly on a page
    whose media box's top is at `top`, its fonts numbered from `first`."""
    drawn = [line.drawn or visual_order(line.text) for line in lines]
    chars = list(dict.fromkeys(char for text in drawn for char in text))
    codes = {char: (first + index // _FONT_CODES, index % _FONT_CODES + 1)
             for index, char in enumerate(chars)}
    widths = {char: _glyph_width(char) for char in chars}
    fonts = {NameObject(f"{_FONT}{first + font // _FONT_CODES}"):
             _type3_font(writer, chars[font:font + _FONT_CODES], widths)
             for font in range(0, len(chars), _FONT_CODES)}
    operations = [b"Q\nBT\n3 Tr\n"]
    for line, text in zip(lines, drawn, strict=True):
        operations.append(_line_operations(line, text, codes, widths, top))
    operations.append(b"ET\n")
    return fonts, b"".join(operations)


def _line_operations(line: Line, text: str, codes: dict[str, tuple[int, int]],
                     widths: dict[str, int], top: float) -> bytes:
    """The text operators placing one line: its matrix, its width, its glyphs."""
    natural = sum(widths[char] for char in text) / 1000
    stretch = 100 * line.width / natural if natural > 0 else 100
    a, b, c, d, e, f = line.matrix
    matrix = " ".join(_pdf_number(value) for value in (a, -b, c, -d, e, top - f))
    out = [b"%s Tz %s Tm\n" % (_pdf_number(stretch).encode(), matrix.encode())]
    font = -1
    for char in text:
        which, code = codes[char]
        if which != font:
            out.append(b"%s%s%d 1 Tf " % (b") Tj " if font >= 0 else b"", _FONT.encode(),
                                           which))
            out.append(b"(")
            font = which
        out.append(_escaped(code))
    out.append(b") Tj\n")
    return b"".join(out)


def _escaped(code: int) -> bytes:
    """A byte of a PDF string literal."""
    return b"\\%03o" % code


def _glyph_width(char: str) -> int:
    """A character's advance in thousandths of an em, as the chart measures it."""
    if unicodedata.combining(char) or unicodedata.category(char) in ("Mn", "Me", "Cf"):
        return 0
    return max(0, round(text_width(char, 1000.0)))


def _type3_font(writer: PdfWriter, chars: list[str], widths: dict[str, int]) -> IndirectObject:
    """A Type 3 font of `chars` (codes 1, 2 ...; 0 is `_M_WIDTH`'s) whose glyphs draw
    nothing."""
    advances = [_M_WIDTH] + [widths[char] for char in chars]
    names = [NameObject("/m")] + [NameObject(f"/g{code}") for code in range(1, len(chars) + 1)]
    procs = DictionaryObject({name: writer._add_object(_stream(
        b"%d 0 0 %d %d %d d1" % (advance, _DESCENT, advance, _ASCENT)))
        for name, advance in zip(names, advances, strict=True)})
    return writer._add_object(DictionaryObject({
        NameObject("/Type"): NameObject("/Font"),
        NameObject("/Subtype"): NameObject("/Type3"),
        NameObject("/FontBBox"): _numbers_array([0, _DESCENT, 1000, _ASCENT]),
        NameObject("/FontMatrix"): ArrayObject([FloatObject("0.001"), NumberObject(0),
                                                NumberObject(0), FloatObject("0.001"),
                                                NumberObject(0), NumberObject(0)]),
        NameObject("/CharProcs"): procs,
        NameObject("/Encoding"): DictionaryObject({
            NameObject("/Type"): NameObject("/Encoding"),
            NameObject("/Differences"): ArrayObject([NumberObject(0), *names])}),
        NameObject("/FirstChar"): NumberObject(0),
        NameObject("/LastChar"): NumberObject(len(chars)),
        NameObject("/Widths"): _numbers_array(advances),
        NameObject("/ToUnicode"): writer._add_object(_stream(_to_unicode(chars),
                                                             compress=True)),
        NameObject("/Resources"): DictionaryObject()}))


def _numbers_array(numbers: list[int]) -> ArrayObject:
    """A PDF array of integers."""
    return ArrayObject([NumberObject(number) for number in numbers])


def _to_unicode(chars: list[str]) -> bytes:
    """A ToUnicode CMap: code 1, 2 ... -> each of `chars`."""
    entries = [b"<%02X> <%s>" % (code, char.encode("utf-16-be").hex().upper().encode())
               for code, char in enumerate(chars, start=1)]
    blocks = [b"%d beginbfchar\n%s\nendbfchar\n" % (len(entries[at:at + 100]),
                                                    b"\n".join(entries[at:at + 100]))
              for at in range(0, len(entries), 100)]
    return (b"/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
            b"/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
            b"/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
            b"1 begincodespacerange\n<00> <FF>\nendcodespacerange\n" + b"".join(blocks)
            + b"endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n")


def _stream(data: bytes, compress: bool = False) -> StreamObject:
    """A stream object of `data` (Flate-compressed when `compress`)."""
    stream = DecodedStreamObject()
    stream.set_data(data)
    return stream.flate_encode(level=9) if compress else stream


def _pdf_number(value: float) -> str:
    """A number as PDF writes it: at most 4 decimals, no exponent."""
    text = f"{value:.4f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text
