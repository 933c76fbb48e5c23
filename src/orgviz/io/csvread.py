"""Read CSV files defensively: encoding, delimiter, NUL bytes, huge fields, ragged rows."""

from __future__ import annotations

import bisect
import codecs
import csv
import dataclasses
import io
import os
import re
import unicodedata
from collections.abc import Collection, Iterable, Sized
from dataclasses import dataclass, field
from itertools import repeat
from operator import itemgetter

from orgviz.errors import OrgFileError, OrgLoadError
from orgviz.problem import Problem, quoted
from orgviz.signatures import EXPORT, Format, binary_format

MAX_CSV_BYTES = 256 * 1024 * 1024
#: The longest field read (Python's csv default is 131,072 characters).
MAX_FIELD_CHARS = 1_000_000
#: The field length CsvTable.short is about (the importer's limit for one value).
SHORT_FIELD_CHARS = 500
DELIMITERS = ",;\t|"
#: Characters that make a cell need more than strip(): control characters and tabs. A
#: substring test per character is far faster over a whole file than a regular expression.
#: Whitespace other than the space and line breaks is among them (cells read in full fold it
#: into spaces: a file holding some must not take the strip()-only shortcut).
_NOT_PLAIN_CHARS = tuple(chr(c) for c in (*range(0x00, 0x0A), 0x0B, 0x0C, *range(0x0E, 0x20),
                                          *range(0x7F, 0xA1), 0x1680, *range(0x2000, 0x200B),
                                          0x2028, 0x2029, 0x202F, 0x205F, 0x3000, 0xFFFE,
                                          0xFFFF))


#: An Excel error cell emptied: (line, column from 1, the error value).
ExcelError = tuple[int, int, str]


@dataclass
class CsvTable:
    """A parsed CSV file: its header, rows with their starting line numbers, and notes.

    A file of one line per record without quote marks is split column by column (`columns`,
    rows on line 2, 3, ...); `rows` are then made from the columns when first asked for.
    """

    shown: str
    header: list[str]
    given_rows: list[tuple[int, list[str]]] | None = field(repr=False)
    encoding: str
    delimiter: str
    problems: list[Problem] = field(default_factory=list)
    #: No control characters, tabs or double spaces anywhere: cells only need strip().
    plain: bool = False
    #: Besides plain, one line per record (no line break in a cell) and no quote mark
    #: (the spreadsheet text marker): every cell only needs strip(), with nothing to report.
    strip_only: bool = False
    #: No cell is longer than SHORT_FIELD_CHARS (found while parsing files with one line
    #: per record; False: not known).
    short: bool = False
    #: Besides strip_only, split into columns, ASCII, and no cell starts or ends with a
    #: space: every cell reads as itself.
    trimmed: bool = False
    #: The cells column by column, as wide as the header, when the file was split so.
    columns: list[list[str]] | None = field(default=None, repr=False)
    #: A workbook's sheets (the one read, then the others) when it has several: a missing
    #: column may be on another sheet.
    sheets: tuple[str, ...] = ()
    #: The line (a workbook's row) the header stands on.
    header_line: int = 1
    #: The Excel error cells emptied (the header's among them), in row order.
    excel_errors: list[ExcelError] = field(default_factory=list, repr=False)
    #: The lines of the rows skipped as holding no value (said in one info, `_skipped`).
    skipped_lines: list[int] = field(default_factory=list, repr=False)
    #: The cells of invisible characters alone emptied (`blank_invisible`) of the rows kept,
    #: in row order.
    invisible: list[ExcelError] = field(default_factory=list, repr=False)

    @property
    def rows(self) -> list[tuple[int, list[str]]]:
        """(line, cells) of each row, in file order."""
        if self.given_rows is None:
            columns = self.columns or []
            cells = list(map(list, zip(*columns, strict=True)))
            self.given_rows = list(zip(range(2, len(cells) + 2), cells, strict=True))
        return self.given_rows

    def cell_warnings(self, aside: Collection[int] = ()) -> list[Problem]:
        """The warnings on the cells emptied (Excel errors, invisible characters alone),
        those on the lines `aside` left out (rows the import sets aside: not imported)."""
        errors, invisible = self.excel_errors, self.invisible
        if aside:
            errors, invisible = _cells_not_on(errors, aside), _cells_not_on(invisible, aside)
        return (excel_error_warnings(self.shown, errors, self.header_line)
                + invisible_warnings(self.shown, invisible))

    def below_titles(self, line: int, header: list[str],
                     rows: list[tuple[int, list[str]]]) -> CsvTable:
        """The table whose header is the row on `line` (`header`; the lines above it titles,
        skipped) and whose rows are `rows`: its emptied cells those from the header down,
        their warnings said anew."""
        said = self.cell_warnings()
        if self.skipped_lines:  # (the rows without a value among the titles are titles)
            said.append(_skipped(self.shown, self.skipped_lines))
        below = [number for number in self.skipped_lines if number > line]
        table = dataclasses.replace(
            self, header=header, given_rows=rows, columns=None, trimmed=False,
            header_line=line, excel_errors=[e for e in self.excel_errors if e[0] >= line],
            invisible=[cell for cell in self.invisible if cell[0] >= line],
            skipped_lines=below)
        table.problems = [p for p in self.problems if p not in said] + table.cell_warnings()
        if below:
            table.problems.append(_skipped(self.shown, below))
        return table

    @property
    def row_count(self) -> int:
        """How many rows the table has."""
        if self.given_rows is None and self.columns:
            return len(self.columns[0])
        return len(self.rows)


def _fatal(shown: str, line: int, message: str, rule: str = "csv") -> OrgLoadError:
    return OrgLoadError([Problem(shown, line, 1, "error", rule, message)])


def _line_of(data: bytes, offset: int) -> tuple[int, int]:
    """The line of byte `offset` of `data` and the offset its line starts at, lines ending
    as the CSV reader ends them: at `\r\n`, `\r` or `\n` (a failure path's count)."""
    breaks = (data.count(b"\n", 0, offset) + data.count(b"\r", 0, offset)
              - data.count(b"\r\n", 0, offset))
    return breaks + 1, max(data.rfind(b"\n", 0, offset), data.rfind(b"\r", 0, offset)) + 1


def _lines_in(text: str) -> int:
    """How many line ends `text` holds, as the CSV reader ends lines (`_line_of`)."""
    return text.count("\n") + text.count("\r") - text.count("\r\n")


def _position(data: bytes, offset: int) -> tuple[int, int]:
    """The line and column (in bytes) of byte `offset` of `data`."""
    line, start = _line_of(data, offset)
    return line, offset - start + 1


#: The codecs of two or four bytes a character (codecs.lookup names), whose positions are
#: counted in characters: their bytes hold newline bytes that are no line breaks.
_WIDE = ("utf-16", "utf-32")


def _wide_position(data: bytes, offset: int, codec: str) -> tuple[int, int]:
    """The line and column (in characters) of the bad unit at byte `offset` of UTF-16 or
    UTF-32 `data`: the text before it decodes."""
    head = data[:offset].decode(codec).removeprefix("\ufeff")  # (utf-16-le keeps a mark)
    return _lines_in(head) + 1, len(head) - max(head.rfind("\n"), head.rfind("\r"))


def check_encoding(encoding: str) -> None:
    """OrgFileError unless `encoding` names a text codec (not rot13, base64, zlib ...)."""
    try:
        text_codec = getattr(codecs.lookup(encoding), "_is_text_encoding", True)
    except (LookupError, ValueError):  # (ValueError: a name that is not UTF-8)
        text_codec = None
    if not text_codec:  # unknown, or bytes to bytes
        raise OrgFileError(f"encoding (--encoding) '{encoding}' is unknown: try utf-8, cp1252, "
                           "latin-1 or utf-16")


def decode(data: bytes, shown: str, encoding: str | None,
           problems: list[Problem]) -> tuple[str, str]:
    """Decode CSV bytes: UTF-8 (BOM or not), UTF-32 or UTF-16 with a BOM, UTF-16 without
    one whose header reads as UTF-16 (`_utf16_without_mark`), else Windows-1252 (reported)."""
    if encoding:
        check_encoding(encoding)
        _check_byte_order_mark(data, shown, encoding)
        try:
            text = data.decode(encoding).removeprefix("\ufeff")  # (utf-8 and utf-16-le keep it)
        except UnicodeDecodeError as exc:
            if codecs.lookup(encoding).name in ("utf-8", "utf-8-sig"):
                return _cesu_8(data, shown, encoding, problems), encoding
            line, col = (_wide_position(data, exc.start, encoding)
                         if codecs.lookup(encoding).name.startswith(_WIDE) else
                         _position(data, exc.start))
            raise OrgLoadError([Problem(shown, line, col, "error", "encoding",
                                        f"byte 0x{data[exc.start]:02x} is not valid "
                                        f"{encoding}: pass the file's encoding "
                                        "(--encoding)")]) from None
        if b"\n" in data and "\n" not in text:  # (UTF-8 bytes read as UTF-16: CJK text)
            lines = data.count(b"\n") + (not data.endswith(b"\n"))
            raise OrgLoadError([Problem(shown, 1, 1, "error", "encoding",
                                        f"read as {encoding}, the file's {lines:,} lines are "
                                        "one line: it is in another encoding; pass the "
                                        "file's encoding (--encoding), or none to read "
                                        "UTF-8")])
        return text, encoding
    wide = _wide_by_mark(data)
    if wide is not None:
        try:
            return data.decode(wide), wide
        except UnicodeDecodeError as exc:
            line, col = _wide_position(data, exc.start, wide)
            raise OrgLoadError([Problem(shown, line, col, "error", "encoding",
                                        f"the file starts like {wide.upper()} but is not "
                                        f"valid {wide.upper()}: save it as UTF-8")]) from None
    sixteen = _utf16_without_mark(data)
    if sixteen is not None:
        try:
            return data.decode(sixteen), sixteen
        except UnicodeDecodeError:
            pass  # (read as UTF-8 or Windows-1252 below, NULs and all, and said so)
    try:
        return data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError as exc:
        if _binary(data[:4096]):
            raise _fatal(shown, 1, "this is binary data, not CSV (an archive, an image, a "
                         f"program?): {EXPORT}") from None
        # (a UTF-8 byte order mark is no text of the file, read as UTF-8 or as Windows-1252,
        # where it would be `ï»¿` before the first header: the error's offset is past it)
        data = data.removeprefix(codecs.BOM_UTF8)
        lenient = _read_utf8_leniently(data)
        if lenient.utf8:  # UTF-8, a few bytes off
            problems += lenient.problems(shown)
            return lenient.text, "utf-8"
        line, col = _position(data, exc.start)
        problems.append(Problem(shown, line, col, "warning", "encoding",
                                f"not UTF-8 (byte 0x{data[exc.start]:02x}): read as "
                                "Windows-1252; pass the encoding (--encoding) if names "
                                "look wrong"))
        # cp1252 leaves five bytes undefined: keep them as latin-1 (C1 controls, stripped later).
        return data.decode("cp1252", errors="surrogateescape").translate(_UNESCAPE), "cp1252"


#: The control bytes that no text holds (C0 and DEL, but the NUL, tab and line breaks).
_CONTROL_BYTES = bytes((*range(0x01, 0x09), *range(0x0E, 0x20), 0x7F))


def _binary(head: bytes) -> bool:
    """Whether the start of a file is binary data: one byte in 20 or more a control byte
    (8 at least), but not NULs in one byte of 10 or more (text in a wide encoding)."""
    controls = len(head) - len(head.translate(None, _CONTROL_BYTES))
    return controls >= 8 and controls * 20 >= len(head) and head.count(0) * 10 < len(head)


#: A character beyond U+FFFF as CESU-8 writes it (Java's modified UTF-8, MySQL's 3-byte
#: "utf8"): its UTF-16 surrogate pair as two 3-byte sequences, which UTF-8 does not allow.
#: (Compiled, and cached by `re`, when first used: no cost to import the module.)
_CESU_8_PAIR = rb"\xed[\xa0-\xaf][\x80-\xbf]\xed[\xb0-\xbf][\x80-\xbf]"
#: The bytes of ASCII characters (which are never part of another UTF-8 character).
_NOT_ASCII_BYTES = bytes(range(0x80, 0x100))


def _cesu_8_as_utf8(pair: re.Match[bytes]) -> bytes:
    """The UTF-8 bytes of the character a CESU-8 surrogate pair (`_CESU_8_PAIR`) encodes."""
    surrogates = pair.group().decode("utf-8", "surrogatepass")
    return surrogates.encode("utf-16-le", "surrogatepass").decode("utf-16-le").encode()


def _utf8_position(data: bytes, offset: int) -> tuple[int, int]:
    """The line and column (in characters, a bad sequence one) of byte `offset` of
    UTF-8 `data`."""
    line, start = _line_of(data, offset)
    return line, len(data[start:offset].decode("utf-8", "replace")) + 1


class _LenientUtf8:
    """A file read as UTF-8 whatever it holds: its CESU-8 surrogate pairs read as the
    characters they encode, its bytes that are not UTF-8 as U+FFFD (one for each bad
    sequence). (A plain class: a dataclass costs its making on every import of the
    module, for a failure path.)"""

    __slots__ = ("bad", "data", "first_bad", "first_pair", "multibyte", "pairs", "sequences")

    def __init__(self, data: bytes, multibyte: int, bad: tuple[int, int],
                 first_bad: tuple[int, int, int] | None, pairs: int,
                 first_pair: tuple[int, int, str] | None) -> None:
        #: The file's bytes, its CESU-8 pairs made UTF-8.
        self.data = data
        #: How many characters of two bytes or more it holds (its CESU-8 pairs among them).
        self.multibyte = multibyte
        #: How many of its bytes are not UTF-8 (nor CESU-8 pairs), in how many bad
        #: sequences (a character cut short is one: one U+FFFD), and the first: its line,
        #: column (in characters) and value.
        (self.bad, self.sequences), self.first_bad = bad, first_bad
        #: How many CESU-8 pairs it holds, and the first: its line, column and character.
        self.pairs, self.first_pair = pairs, first_pair

    @property
    def text(self) -> str:
        """The text, each bad sequence U+FFFD."""
        return self.data.decode("utf-8", "replace")

    @property
    def utf8(self) -> bool:
        """Whether it is UTF-8 but for a few bad bytes: it holds characters of two bytes
        or more, at least as many as bad sequences (a file in another encoding holds more
        of these: a UTF-8 sequence in it, É and a no-break space, is a rare chance)."""
        return 0 < self.multibyte >= self.sequences

    def problems(self, shown: str) -> list[Problem]:
        """The warning at the first byte that is not UTF-8, the info at the first pair."""
        found = []
        if self.first_pair is not None:
            line, col, character = self.first_pair
            more = f" (and {self.pairs - 1:,} more so written)" if self.pairs > 1 else ""
            found.append(Problem(shown, line, col, "info", "encoding",
                                 f"U+{ord(character):04X} is written as CESU-8 (its surrogate "
                                 "pair as two 3-byte sequences, as Java and MySQL's 'utf8' "
                                 f"write it): read as that character{more}"))
        if self.first_bad is not None:
            line, col, byte = self.first_bad
            more = f", and {_more_of(self.bad - 1, 'byte')}" if self.bad > 1 else ""
            found.append(Problem(shown, line, col, "warning", "encoding",
                                 f"not UTF-8 (byte 0x{byte:02x}{more}): read as U+FFFD "
                                 "(\ufffd), the rest of the file as UTF-8; pass the "
                                 "encoding (--encoding) if names look wrong"))
        return sorted(found, key=lambda problem: (problem.line, problem.col))


def _read_utf8_leniently(data: bytes) -> _LenientUtf8:
    """The bytes read as UTF-8 whatever they hold (`_LenientUtf8`; the failure path of a
    file that is not all UTF-8). Counted by the C decoders (their `surrogateescape` and
    `ignore` handlers are no Python calls), the text decoded only when asked for."""
    pairs, first_pair = 0, None
    if b"\xed" in data:
        cesu_8_pair = re.compile(_CESU_8_PAIR)
        pair = cesu_8_pair.search(data)
        if pair is not None:
            character = _cesu_8_as_utf8(pair).decode()
            first_pair = (*_utf8_position(data, pair.start()), character)
            data, pairs = cesu_8_pair.subn(_cesu_8_as_utf8, data)
    try:
        data.decode("utf-8")
        return _LenientUtf8(data, pairs, (0, 0), None, pairs, first_pair)
    except UnicodeDecodeError as exc:
        first = exc.start
    good = len(data.decode("utf-8", "ignore"))  # (the characters but the bad bytes)
    bad = len(data.decode("utf-8", "surrogateescape")) - good  # (one character a bad byte)
    sequences = len(data.decode("utf-8", "replace")) - good  # (one a bad sequence)
    multibyte = good - len(data.translate(None, _NOT_ASCII_BYTES))
    return _LenientUtf8(data, multibyte, (bad, sequences),
                        (*_utf8_position(data, first), data[first]), pairs, first_pair)


def _cesu_8(data: bytes, shown: str, encoding: str, problems: list[Problem]) -> str:
    """The text of a file read with `--encoding utf-8` that is not all UTF-8: its CESU-8
    surrogate pairs read as the characters they encode (said so); a byte that is not
    UTF-8 is an error at its line and column (in characters)."""
    lenient = _read_utf8_leniently(data.removeprefix(codecs.BOM_UTF8))
    if lenient.first_bad is not None:
        line, col, byte = lenient.first_bad
        raise OrgLoadError([Problem(shown, line, col, "error", "encoding",
                                    f"byte 0x{byte:02x} is not valid {encoding}: pass the "
                                    "file's encoding (--encoding)")])
    problems += lenient.problems(shown)
    return lenient.text


def _utf16_without_mark(data: bytes) -> str | None:
    """"utf-16-le" or "utf-16-be" for a file without a byte order mark whose header line is
    UTF-16 text (`_utf16_header`), else None. A first character of Latin-1 has a NUL for
    its other byte, which tells the byte order; another (`ФИО;...`, `姓名,...`) has none:
    both orders are tried. A file of another encoding has no NUL in its head (its
    delimiters, read as UTF-16, are not): nothing more is done."""
    head = data[:256]
    if b"\0" not in head or len(data) < 4 or head[:2] == b"\0\0":
        return None
    if b"\0" in head[:2]:
        orders: tuple[str, ...] = ("utf-16-le" if head[1] == 0 else "utf-16-be",)
    else:
        orders = ("utf-16-le", "utf-16-be")
    return next((codec for codec in orders if _utf16_head(head, codec)), None)


def _utf16_head(head: bytes, codec: str) -> bool:
    """Whether the head of a file, read with `codec` (UTF-16), starts with a header line."""
    try:  # (incrementally: a character cut at the end of the head waits, no error)
        text = codecs.getincrementaldecoder(codec)().decode(head)
    except UnicodeDecodeError:  # (a lone surrogate)
        return False
    line = text.split("\n", 1)[0].removesuffix("\r")  # (the header line, or its start)
    return _utf16_header(line)


def _utf16_header(line: str) -> bool:
    """Whether a line read as UTF-16 is a header: two characters or more, no NUL, and ASCII,
    or printable (tabs aside) with a delimiter in it and of a few blocks of 256 characters
    alone (Latin and one script: `Straße`, `Łukasz`, `ID;ФИО`, `姓名,职位`: CJK ideographs
    and Hangul syllables count as one block each), which binary data read so is not (its
    units spread over many, some of them controls or unassigned)."""
    if len(line) < 2 or "\0" in line:
        return False
    return line.isascii() or (line.replace("\t", " ").isprintable()
                              and any(d in line for d in DELIMITERS)
                              and len({_block(c) for c in line}) <= _UTF16_BLOCKS)


def _block(char: str) -> int:
    """The block of 256 characters `char` is in; one for all CJK ideographs (U+3400 to
    U+9FFF), one for all Hangul syllables (U+AC00 to U+D7A3): a script's own."""
    code = ord(char)
    if 0x3400 <= code <= 0x9FFF:
        return 0x34
    if 0xAC00 <= code <= 0xD7A3:
        return 0xAC
    return code >> 8


#: How many blocks of 256 characters a UTF-16 header without a byte order mark may span
#: (ASCII and Latin, and one script with its own marks: Vietnamese spans four).
_UTF16_BLOCKS = 4


def _wide_by_mark(data: bytes) -> str | None:
    """"utf-32" or "utf-16" for a file that starts with its byte order mark, else None."""
    return next((family for mark, family in _BYTE_ORDER_MARKS
                 if family != "utf-8" and data.startswith(mark)), None)


#: The byte order marks and their encodings' families, UTF-32's first: the little-endian
#: one starts with UTF-16's, FF FE.
_BYTE_ORDER_MARKS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
                     (codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16"),
                     (codecs.BOM_UTF16_BE, "utf-16"))


def _check_byte_order_mark(data: bytes, shown: str, encoding: str) -> None:
    """Refuse an --encoding that a byte order mark at the file's start contradicts (an
    Excel "CSV UTF-8" read as cp1252 would name its first column `ï»¿EmployeeId`)."""
    for mark, family in _BYTE_ORDER_MARKS:
        if data.startswith(mark):
            if not codecs.lookup(encoding).name.startswith(family):
                raise _fatal(shown, 1, f"the file starts with a {family.upper()} byte order "
                             f"mark, so it is {family.upper()}, not {encoding}: leave out "
                             "the encoding (--encoding)"
                             + (" or save it as UTF-8" if family == "utf-32" else ""),
                             "encoding")
            return


_UNESCAPE = {0xDC00 + b: b for b in range(0x80, 0x100)}


#: How a delimiter may be written on a command line where the character itself is awkward.
_DELIMITER_WORDS = {"tab": "\t", "\\t": "\t", "comma": ",", "semicolon": ";", "pipe": "|"}


def _first_lines_end(text: str, count: int = 10) -> int:
    """Where the first `count` lines of a text end (its end when it has fewer)."""
    at = -1
    for _ in range(count):
        at = text.find("\n", at + 1)
        if at < 0:
            return len(text)
    return at


def sniff_delimiter(first_line: str) -> str:
    """The delimiter that splits the header line most often (comma when none do)."""
    counts = {d: first_line.count(d) for d in DELIMITERS}
    best = max(DELIMITERS, key=lambda d: counts[d])
    return best if counts[best] else ","


def own_delimiter(text: str, given: str) -> str:
    """The delimiter of a companion file (a teams table, a departments or jobs CSV, junior
    posts) read with the people CSV's `--delimiter`: that one when its header line (the
    first of the first lines with it or another delimiter) holds it, else the header's own,
    as a CSV without `--delimiter` is read (export writes its teams table with commas beside
    a people CSV a spreadsheet may save with semicolons)."""
    lines = text[:_first_lines_end(text)].split("\n")
    header = next((line for line in lines if given in line
                   or any(d in line for d in DELIMITERS)), None)
    return given if header is None or given in header else sniff_delimiter(header)


def read_import(path: str | os.PathLike[str], what: str) -> bytes:
    """The bytes of an import's input file (a regular file of at most MAX_CSV_BYTES: a FIFO
    or a device would block or never end; `-`: standard input); OrgFileError / OrgLoadError
    otherwise."""
    from orgviz.orgfiles import read_input, shown_path

    return read_input(path, shown_path(path), MAX_CSV_BYTES, what, "imports files")


#: The endings a compressed file's name drops for the name of what it holds.
_COMPRESSED_SUFFIXES = (".gz", ".bz2", ".xz", ".zst")


def _beside(shown: str, tag: str, strip: Collection[str] = ()) -> str:
    """The name of a file beside `shown` for what a command makes of it: `g.csv` ->
    `g.decompressed.csv` (`tag`), its suffix if one of `strip` dropped first."""
    from pathlib import PurePath

    path = PurePath(shown)
    if path.suffix.lower() in strip:
        path = path.with_suffix("")
    kept = path.suffix if path.suffix.lower() not in (".db", ".sqlite", ".sqlite3") else ""
    return str(path.with_name(f"{path.stem}.{tag}{kept or '.csv'}"))


def _in_shell(name: str) -> str:
    """`name` as a shell command's argument (quoted; `./` before a leading `-`)."""
    import shlex

    return shlex.quote("./" + name if name.startswith("-") else name)


def _for_file(known: Format, shown: str | None) -> str:
    """What to do with a file of the `known` format instead of importing it, for the file
    `shown` (None: not known, `FILE`), its commands naming it (a compressed file's `tool`
    with `-dc`, whatever its suffix: gunzip and unxz refuse a `.csv`)."""
    from orgviz.orgfiles import STDIN_SHOWN

    tool, todo = known.tool, known.to_import
    if tool is not None and shown == STDIN_SHOWN:
        return f"decompress it (pipe it through {tool} -dc) and import the file inside"
    if shown is None or shown == STDIN_SHOWN:
        file, out, table = "FILE", "people.csv", "people.csv"
    else:
        file = _in_shell(shown)
        out = _in_shell(_beside(shown, "decompressed", _COMPRESSED_SUFFIXES))
        table = _in_shell(_beside(shown, "table"))
    if tool is not None:
        return f"decompress it ({tool} -dc {file} > {out}) and import the file inside"
    if "{file}" in todo:
        return todo.format(file=file, out=table)
    return todo


def _other_format(data: bytes, shown: str | None = None) -> tuple[str, str] | None:
    """What a file that is plainly no CSV is, and what to do ("an OpenDocument spreadsheet
    (.ods)", "save ..."; its commands naming the file `shown`), from its first bytes; None
    for anything else."""
    known = binary_format(data)  # (zips, old Office files, compressed files, images, ...)
    if known is not None:
        return known.what, _for_file(known, shown)
    head = data[:512].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith((b"<!doctype html", b"<html", b"<table")):  # (HR systems' ".xls")
        return ("an HTML page (some systems save a table as HTML named .xls)",
                "open it in a spreadsheet and save it as CSV or .xlsx")
    if head.startswith(b"<?xml") and b"urn:schemas-microsoft-com:office:spreadsheet" in \
            data[:4096]:
        return "an Excel 2003 XML spreadsheet", "save it as .xlsx or CSV"
    return None


def checked_delimiter(delimiter: str) -> str:
    """A delimiter given (a character, or its name: `tab`, `comma` ...) as the character;
    OrgFileError for one that cannot separate fields."""
    delimiter = _DELIMITER_WORDS.get(delimiter.casefold(), delimiter)
    if len(delimiter) != 1 or delimiter in "\"'\r\n" or delimiter.isalnum() or \
            (delimiter.isspace() and delimiter != "\t"):
        raise OrgFileError("delimiter (--delimiter) must be one character that is no letter, "
                           "digit, quote, space or line break (such as , ; | or tab), not "
                           f"'{delimiter}'")
    return delimiter


def parse_csv(data: bytes, shown: str, encoding: str | None = None,
              delimiter: str | None = None, companion: bool = False) -> CsvTable:
    """Parse CSV bytes (as `orgviz.io.tables.read_table` reads them: `read_import`);
    `companion`: a file read beside the people's (`own_delimiter`)."""
    problems: list[Problem] = []
    other = _other_format(data, shown)
    if other is not None:
        raise _fatal(shown, 1, f"this is {other[0]}, not CSV: {other[1]}")
    text, used = decode(data, shown, encoding, problems)
    if "\x00" in text:
        head = text[: text.index("\x00")]
        problems.append(Problem(shown, _lines_in(head) + 1, 1, "warning", "csv",
                                f"{text.count(chr(0))} NUL bytes removed: is this a CSV "
                                "file? (a spreadsheet saved as .csv by mistake?)"))
        text = text.replace("\x00", "")
    if not text.strip():
        raise _fatal(shown, 1, "empty file: expected a header row and one row per person")
    if delimiter is None:  # (from the first line with one: a title line may stand above)
        lines = text[:_first_lines_end(text)].split("\n")
        delimiter = sniff_delimiter(next((line for line in lines
                                          if any(d in line for d in DELIMITERS)), lines[0]))
    else:
        delimiter = checked_delimiter(delimiter)
        if companion:
            delimiter = own_delimiter(text, delimiter)
    previous = csv.field_size_limit()
    short = True
    header: list[str] | None  # (None: no header row)
    header_line = 1
    try:
        csv.field_size_limit(SHORT_FIELD_CHARS)  # a longer field raises csv.Error
        split = _split_columns(text, delimiter)
        if split is not None:
            header, columns, trimmed, double_space = split
            return _table(shown, text, header, None, used, delimiter, problems, True, True,
                          columns, trimmed, double_space,
                          data if used == "utf-8" and len(data) == len(text) else None)
        # Read strictly first (at no cost): a file read so has no text after a closing
        # quote, and only the others are looked through for it (`_text_after_quotes`).
        quotes_checked = True
        try:
            one_line = _one_line_records(text, delimiter, errors=True, strict=True)
        except csv.Error as exc:
            quotes_checked = False
            try:
                if "field larger than field limit" in str(exc):
                    raise
                one_line = _one_line_records(text, delimiter, errors=True)
            except csv.Error:  # a long field (or a syntax error, which _records reports)
                short = False
                csv.field_size_limit(MAX_FIELD_CHARS)
                one_line = _one_line_records(text, delimiter)
        csv.field_size_limit(MAX_FIELD_CHARS)
        header, rows, header_line = one_line or _records(text, delimiter, shown)
        if one_line is not None and header is not None:  # a quote left open in the last line?
            last = text.rstrip("\r\n")
            tail = last[max(last.rfind("\n"), last.rfind("\r")) + 1:]
            if '"' in tail:
                line, cells = rows[-1] if rows else (1, header)
                _check_closed(text[len(last) - len(tail):], delimiter, shown, line,
                              len(cells))
        if header is not None and not quotes_checked and '"' in text:
            problems += _text_after_quotes(text, delimiter, shown, header_line, header, rows)
    finally:
        csv.field_size_limit(previous)
    if header is None:
        raise _fatal(shown, 1, "no header row: expected column names such as id, name, "
                     "title, manager_id")
    return _table(shown, text, header, rows, used, delimiter, problems, one_line is not None,
                  short and one_line is not None, header_line=header_line)


def invisible_pattern(header: list[str]) -> re.Pattern[str]:
    """The characters a cell of which alone reads as empty under a header (its cells
    stripped): control characters in the layouts orgviz writes (the export's and the teams
    table's, whose cells are read as written), else every invisible one."""
    if tuple(header) in (EXPORT_COLUMNS, EXPORT_COLUMNS_FTE) or _is_teams_table_layout(header):
        return _CONTROLS
    return _INVISIBLE


def _is_teams_table_layout(header: list[str]) -> bool:
    """Whether a header is of the teams table's layout as --teams reads it
    (`teamtable.team_table_columns`: its `team` column and others of its columns, each once,
    in any case and order), its cells read as written as the importer reads them; a wider
    rule than the export's own header (`teamtable.is_export_header`), which a hint names."""
    from orgviz.io.teamtable import team_table_columns

    return team_table_columns(header) is not None


def _table(shown: str, text: str, header: list[str] | None,
           rows: list[tuple[int, list[str]]] | None, used: str, delimiter: str,
           problems: list[Problem], one_line: bool, short: bool,
           columns: list[list[str]] | None = None, trimmed: bool = False,
           double_space: bool | None = None, ascii_bytes: bytes | None = None,
           header_line: int = 1) -> CsvTable:
    """The table of a parsed file (rows, or columns of rows on lines 2, 3 ... and whether
    none of their cells starts or ends with a space, and whether the text holds two spaces
    in a row: None when not known; `ascii_bytes`: the text's bytes when it is ASCII, as
    read; `header_line`: the line of the header)."""
    if header is None:
        raise _fatal(shown, 1, "no header row: expected column names such as id, name, "
                     "title, manager_id")
    found: list[ExcelError] = []
    if "#" in text and _EXCEL_ERROR.search(text):  # (most files: no '#' at all, at C speed)
        found = blank_excel_errors([(header_line, header)])
        found += (blank_column_errors(columns) if columns is not None
                  else blank_excel_errors(rows or []))
    header = [h.strip().lstrip("\ufeff") for h in header]
    plain = _plain(text, double_space, ascii_bytes)
    invisible: list[ExcelError] = []
    if _may_hold_invisible(text, plain, ascii_bytes):  # (rare: C speed)
        which = invisible_pattern(header)
        invisible = (blank_invisible(enumerate(columns, start=1), True, which)
                     if columns is not None else blank_invisible(rows or [], False, which))
    skipped: list[int] = []  # the lines of the rows without a value
    if columns is not None:
        blank = _blank_rows(columns, trimmed)
        if blank:  # (rows of delimiters alone, as spreadsheets save formatted empty rows)
            rows = [(line, list(cells)) for line, cells in
                    enumerate(zip(*columns, strict=True), start=2) if line - 2 not in blank]
            columns, trimmed = None, False
            skipped = [line + 2 for line in sorted(blank)]
    elif rows:
        firsts = list(map(_FIRST, map(_CELLS, rows)))
        kept = rows if all(firsts) and not any(map(str.isspace, firsts)) else [
            row for row in rows if any(c.strip() for c in row[1])]
        if len(kept) < len(rows):
            lines = {line for line, _cells in kept}
            skipped = [line for line, _ in rows if line not in lines]
            rows = kept
    if skipped:
        problems.append(_skipped(shown, skipped))
    if not (rows if columns is None else columns[0]):
        raise _fatal(shown, 2, "the file has a header but no rows: nothing to import")
    if skipped and (found or invisible):  # (a row of them alone is said skipped, not its
        # cells: the warnings speak of the rows read)
        found, invisible = _cells_not_on(found, skipped), _cells_not_on(invisible, skipped)
    strip_only = plain and one_line and "'" not in text
    table = CsvTable(shown, header, rows, used, delimiter, problems, plain, strip_only, short,
                     trimmed=strip_only and trimmed and text.isascii(), columns=columns,
                     header_line=header_line, excel_errors=found, invisible=invisible,
                     skipped_lines=skipped)
    if found or invisible:
        problems += table.cell_warnings()
    return table


#: The values of Excel's error cells (a formula that failed: a lookup that found nothing),
#: which a sheet saved as CSV holds as text.
EXCEL_ERRORS = frozenset(("#N/A", "#REF!", "#VALUE!", "#DIV/0!", "#NAME?", "#NUM!", "#NULL!",
                          "#SPILL!", "#CALC!", "#FIELD!", "#BLOCKED!", "#CONNECT!", "#BUSY!",
                          "#UNKNOWN!", "#GETTING_DATA"))
#: Any of EXCEL_ERRORS in a text (a file without one is not read cell by cell for them).
_EXCEL_ERROR = re.compile("|".join(map(re.escape, sorted(EXCEL_ERRORS))))


def excel_error_of(cell: str) -> str | None:
    """The Excel error value (EXCEL_ERRORS) a cell holds, written bare or with spaces around
    it (`' #REF! '`, as a padded export has it: the same error), else None."""
    if "#" not in cell:
        return None
    bare = cell.strip()
    return bare if bare in EXCEL_ERRORS else None


def blank_excel_errors(rows: Iterable[tuple[int, list[str]]]) -> list[ExcelError]:
    """Empty the cells that hold an Excel error (a failed lookup is no name nor id: '#N/A'
    would be imported as someone's name), and where they were, in row order."""
    found = []
    for number, cells in rows:
        for col, cell in enumerate(cells):
            if "#" in cell and (error := excel_error_of(cell)) is not None:  # ('#': no call)
                found.append((number, col + 1, error))
                cells[col] = ""
    return found


def blank_column_errors(columns: list[list[str]]) -> list[ExcelError]:
    """`blank_excel_errors` of the rows on lines 2, 3 ... given column by column: the
    columns whose text holds an error value (found at C speed) are looked through, and
    the file keeps its columns (the fast path) with a few error cells in it."""
    found = []
    for col, column in enumerate(columns, start=1):
        joined = "\x00".join(column)
        if "#" not in joined or not _EXCEL_ERROR.search(joined):
            continue
        for row, cell in enumerate(column):
            if "#" in cell and (error := excel_error_of(cell)) is not None:
                found.append((row + 2, col, error))
                column[row] = ""
    found.sort()
    return found


def excel_error_warnings(shown: str, found: list[ExcelError], header_line: int
                         ) -> list[Problem]:
    """The warnings on the Excel error cells emptied (`found`, in row order): one at the
    first of the header's (a column without a name, not imported), one at the first of
    the others'."""
    named = [error for error in found if error[0] == header_line]
    cells = [error for error in found if error[0] != header_line]
    warnings = []
    if named:
        (line, col, value), more = named[0], _more(named)
        warnings.append(Problem(shown, line, col, "warning", "csv",
                                f"the header of column {col} is the Excel error {value}{more}: "
                                "read as a column without a name, not imported (a formula "
                                "that failed; fix it in the workbook)"))
    if cells:
        (line, col, value), more = cells[0], _more(cells)
        warnings.append(Problem(shown, line, col, "warning", "csv",
                                f"the cell holds the Excel error {value}{more}: read as empty "
                                "(a formula that failed; fix it in the workbook)"))
    return warnings


#: Characters that show nothing: control and format characters (zero-width spaces and
#: joiners, bidirectional marks, the BOM, the soft hyphen), noncharacters. A cell of these
#: (and spaces) alone reads as empty, a row of such cells as a row without a value (a DOS
#: end-of-file mark, ^Z, on the last line), where the cleaning of each value, which drops
#: control characters, would leave an empty id or name, or an invisible one. (None of
#: them is printable: `str.isprintable` rules a cell out at C speed.)
_INVISIBLE_CHARS = tuple(map(chr, (
    *range(0x00, 0x09), *range(0x0E, 0x1C), *range(0x7F, 0x85), *range(0x86, 0xA0), 0xAD,
    0x061C, 0x180E, *range(0x200B, 0x2010), *range(0x202A, 0x202F), *range(0x2060, 0x2065),
    *range(0x2066, 0x2070), 0xFEFF, *range(0xFFF9, 0xFFFC), 0xFFFE, 0xFFFF)))
_INVISIBLE = re.compile("[" + "".join(map(re.escape, _INVISIBLE_CHARS)) + "]")
#: Those of them that are control characters, which no org file holds: in the layout
#: `orgviz export --format csv` writes, a cell of format characters alone (a soft hyphen, a
#: zero-width space) is a value the org file held, kept as written (import(export(org)) is
#: the org), while one of control characters alone is blank as in any layout.
_CONTROLS = re.compile("[" + "".join(map(re.escape, (c for c in _INVISIBLE_CHARS
                                                        if unicodedata.category(c) == "Cc")))
                       + "]")
#: The CSV layout `orgviz export --format csv` writes (its header exactly), and the same
#: with an `fte` column last, as written for an org where someone has an `fte`.
EXPORT_COLUMNS = ("id", "name", "title", "role", "reports_to", "dotted_to", "team",
                  "team_name", "vacant", "assistant", "location", "email")
EXPORT_COLUMNS_FTE = (*EXPORT_COLUMNS, "fte")
#: Those that a plain text (`_plain`) may hold.
_PLAIN_INVISIBLE_CHARS = tuple(c for c in _INVISIBLE_CHARS if c not in _NOT_PLAIN_CHARS)
#: The ASCII characters that are not invisible, as bytes.
_NOT_INVISIBLE_BYTES = bytes(b for b in range(0x80) if chr(b) not in _INVISIBLE_CHARS)


def _may_hold_invisible(text: str, plain: bool, ascii_bytes: bytes | None) -> bool:
    """Whether a text holds one of `_INVISIBLE_CHARS`: never when it is ASCII and plain
    (whether it is ASCII is a flag of the string); else found in one C pass over its bytes
    (ASCII) or a substring test for each character (several times faster over a whole file
    than the regular expression; one wider than the text's widest is no pass at all)."""
    if text.isascii():
        if plain:
            return False
        data = ascii_bytes if ascii_bytes is not None else text.encode("ascii")
        return bool(data.translate(None, _NOT_INVISIBLE_BYTES))
    return any(c in text for c in (_PLAIN_INVISIBLE_CHARS if plain else _INVISIBLE_CHARS))


def blank_invisible(rows: Iterable[tuple[int, list[str]]], by_column: bool,
                    invisible: re.Pattern[str] = _INVISIBLE) -> list[ExcelError]:
    """Empty the cells that hold invisible characters (`_INVISIBLE`) and spaces alone, and
    say where they were: (line, column from 1, the cell), in file order. `by_column`: the
    rows are the table's columns (column from 1, the cells of lines 2, 3 ...)."""
    found = []
    for number, cells in rows:
        if all(map(str.isprintable, cells)):  # (the usual row or column: at C speed)
            continue
        for at, cell in enumerate(cells):
            if not cell.isprintable() and cell.strip() and \
                    not invisible.sub("", cell).strip():
                found.append((at + 2, number, cell) if by_column else (number, at + 1, cell))
                cells[at] = ""
    found.sort()
    return found


def invisible_warnings(shown: str, found: list[ExcelError]) -> list[Problem]:
    """The warning at the first cell of invisible characters alone (`blank_invisible`)."""
    if not found:
        return []
    line, col, cell = found[0]
    codes = ", ".join(f"U+{ord(c):04X}" for c in dict.fromkeys(cell) if not c.isspace())
    return [Problem(shown, line, col, "warning", "csv",
                    f"the cell holds invisible characters alone ({codes}): read as empty"
                    + _more(found))]


def _more_of(n: int, thing: str) -> str:
    """"1 more cell", "2 more cells" ... of a `thing` ("cell", "byte")."""
    return f"{n:,} more {thing}{'' if n == 1 else 's'}"


def _cells_not_on(cells: list[ExcelError], lines: Collection[int]) -> list[ExcelError]:
    """The emptied cells (Excel errors, invisible characters alone) of `cells` that are not
    on `lines` (rows skipped, which hold no value once their cells are emptied)."""
    skip = set(lines)
    return [cell for cell in cells if cell[0] not in skip]


def _more(found: Sized) -> str:
    """" (and 3 more cells)" after the first of several cells `found`, or ""."""
    return f" (and {_more_of(len(found) - 1, 'cell')})" if len(found) > 1 else ""


def _blank_rows(columns: list[list[str]], trimmed: bool) -> set[int]:
    """The indexes of the rows whose every cell is blank (none, almost always: found from
    the first column at C speed)."""
    first = columns[0]
    if all(first) and (trimmed or not any(map(str.isspace, first))):
        return set()
    candidates = [i for i, cell in enumerate(first) if not cell.strip()]
    return {i for i in candidates if not any(column[i].strip() for column in columns)}


def titles_skipped(shown: str, line: int, titles: str, unit: str) -> Problem:
    """The info that a table's header is on `line` (`unit`: a CSV's "line", a sheet's
    "row"), the title lines above it skipped, quoted by the start of their text."""
    return Problem(shown, line, 1, "info", "csv",
                   f"the header is on {unit} {line}: the {unit}s above it are skipped"
                   + (f" ('{titles[:60]}' ...)" if titles else ""))


def _skipped(shown: str, lines: list[int]) -> Problem:
    """An info at the first of the rows that hold no value, which are skipped."""
    listed = quoted(lines, 5, str)
    many = "a row holds" if len(lines) == 1 else f"{len(lines):,} rows hold"
    return Problem(shown, lines[0], 1, "info", "csv", f"{many} no value: skipped (row"
                   f"{'' if len(lines) == 1 else 's'} {listed})")


_FIRST = itemgetter(0)
_CELLS = itemgetter(1)


#: Byte values of ASCII text that `_NOT_PLAIN_CHARS` does not hold.
_PLAIN_BYTES = bytes((10, 13, *range(0x20, 0x7F)))


def _plain(text: str, double_space: bool | None = None, ascii_bytes: bytes | None = None
           ) -> bool:
    """No control characters, tabs or double spaces (see CsvTable.plain); `double_space`:
    whether the text holds two spaces in a row, when known; `ascii_bytes`: the text's
    bytes, when it is ASCII and they are at hand (the file as read: no copy to encode)."""
    if double_space or (double_space is None and "  " in text):
        return False
    if ascii_bytes is None and text.isascii():
        ascii_bytes = text.encode("ascii")
    if ascii_bytes is not None:  # one C pass over the bytes instead of one per character
        return not ascii_bytes.translate(None, _PLAIN_BYTES)
    return not any(c in text for c in _NOT_PLAIN_CHARS)


def _split_columns(text: str, delimiter: str
                   ) -> tuple[list[str], list[list[str]], bool, bool] | None:
    """Header and columns of a file without quote marks whose every line is one row as
    wide as the header (two fields or more, none longer than SHORT_FIELD_CHARS), split at
    its line breaks and delimiters as `csv.reader` reads it, whether no cell of it starts
    or ends with a space, and whether it holds two spaces in a row; else None.

    Without a quote mark csv.reader only splits: records at line breaks (\\n, or \\r\\n
    throughout: else None here) and fields at the delimiter.
    """
    if '"' in text:
        return None
    newline = "\r\n" if "\r" in text else "\n"
    if newline == "\r\n" and not text.count("\r") == text.count("\n") == text.count("\r\n"):
        return None  # a lone \r or \n
    end = len(text) - len(newline) if text.endswith(newline) else len(text)
    at = text.find(newline, 0, end)
    if at < 0:
        return None  # a header without rows
    header = text[:at]
    width = header.count(delimiter) + 1
    if width < 2:
        return None
    # Piece by piece, so that the cells of a piece are split, shared and freed while they
    # are in cache: a column that repeats its values keeps one string a value, and the
    # memory of the copies freed is reused by the next piece.
    columns: list[list[str]] = [[] for _ in range(width)]
    firsts: list[dict[str, str] | None] = []  # each column's values, if it repeats them
    start = at + len(newline)
    while start <= end:
        stop = text.find(newline, min(start + _PIECE_CHARS, end), end)
        stop = end if stop < 0 else stop
        lines = text[start:stop].split(newline)
        if list(map(str.count, lines, repeat(delimiter))).count(width - 1) != len(lines):
            return None
        cells = delimiter.join(lines).split(delimiter)
        if max(map(len, lines)) > SHORT_FIELD_CHARS and \
                max(map(len, cells)) > SHORT_FIELD_CHARS:
            return None
        if not firsts:  # (whether a column repeats is guessed from its first cells)
            firsts = [{} if _repeats(cells[i::width]) else None for i in range(width)]
        for column, first, i in zip(columns, firsts, range(width), strict=True):
            values = cells[i::width]
            column += values if first is None else map(first.setdefault, values, values)
        start = stop + len(newline)
    # Spaces are looked for column by column (in the few values of a column that repeats
    # them): most columns hold none, found at memchr speed, and two-character searches
    # over the whole body cost about 2 ms each.
    trimmed, double_space = _no_edge_space(header, delimiter), "  " in header
    for column, first in zip(columns, firsts, strict=True):
        joined = "\x00".join(column if first is None else first)  # (no cell holds a NUL)
        if " " in joined:
            trimmed = trimmed and joined[:1] != " " and joined[-1:] != " " and \
                "\x00 " not in joined and " \x00" not in joined
            double_space = double_space or "  " in joined
    return header.split(delimiter), columns, trimmed, double_space


#: How many characters of a file `_split_columns` splits at a time (their cells fit in cache).
_PIECE_CHARS = 1 << 16
#: How many cells of a column `_repeats` looks at to guess whether its values repeat.
_SAMPLE = 64


def _repeats(cells: list[str]) -> bool:
    """Whether a column repeats its values (titles, departments, places, statuses), guessed
    from its first cells: then it keeps one string object for each value.

    Every later pass over the column then reads a few objects rather than one a row (each
    a cache miss), and the other copies are freed at once, while the file is being read.
    """
    return len(set(cells[:_SAMPLE])) <= _SAMPLE // 4


def _no_edge_space(line: str, delimiter: str) -> bool:
    """Whether no cell of a line split at its delimiters starts or ends with a space."""
    return line[:1] != " " and line[-1:] != " " and delimiter + " " not in line and \
        " " + delimiter not in line


def _keep(cells: list[str]) -> bool:
    """Whether a record is a row (not a blank line or a line of one blank field)."""
    return bool(cells) and (len(cells) != 1 or bool(cells[0].strip()))


def _one_line_records(text: str, delimiter: str, errors: bool = False, strict: bool = False
                      ) -> tuple[list[str] | None, list[tuple[int, list[str]]], int] | None:
    """Header, rows and the header's line when every record is one line (record k starts
    on line k), else None.

    The common case, read at C speed; quoted line breaks or a syntax error return None and
    `_records` reads the file again record by record. `errors`: raise csv.Error instead;
    `strict`: text after a closing quote, or a quote never closed, is such an error.
    """
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=strict)
    try:
        records = list(reader)
    except csv.Error:
        if errors:
            raise
        return None
    if reader.line_num != len(records):  # some record spans several lines
        return None
    if len(records) > 1 and min(map(len, records)) > 1:  # no blank record: all are rows
        return (records[0], list(zip(range(2, len(records) + 1), records[1:], strict=True)),
                1)
    rows = [(line, cells) for line, cells in enumerate(records, 1)
            if cells and (len(cells) != 1 or cells[0].strip())]  # as _keep(cells)
    if not rows:
        return None, [], 1
    return rows[0][1], rows[1:], rows[0][0]


def _records(text: str, delimiter: str, shown: str
             ) -> tuple[list[str] | None, list[tuple[int, list[str]]], int]:
    """Header, rows with the line each row starts on, and the header's line; a syntax
    error is fatal."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows: list[tuple[int, list[str]]] = []
    line = start = 1
    cells: list[str] = []
    header: list[str] | None = None
    header_line = 1
    try:
        for cells in reader:
            start, line = line, reader.line_num + 1
            if not _keep(cells):
                continue
            if header is None:
                header, header_line = cells, start
            else:
                rows.append((start, cells))
    except csv.Error as exc:
        reason = str(exc)
        if "field larger than field limit" in reason:
            reason = (f"a field is longer than {MAX_FIELD_CHARS:,} characters: "
                      "is this a CSV file?")
        raise _fatal(shown, line, f"CSV syntax error: {reason}") from None
    if cells:
        tail = io.StringIO(text, newline="")
        for _ in range(start - 1):
            tail.readline()
        _check_closed(tail.read(), delimiter, shown, start, len(cells))
    return header, rows, header_line


def _text_after_quotes(text: str, delimiter: str, shown: str, header_line: int,
                       header: list[str], rows: list[tuple[int, list[str]]]) -> list[Problem]:
    """The warning at the first cell whose text goes on after the quote that closes it
    (`"Cy"x`: csv.reader reads `Cyx` and says nothing), counting the others, in a file that
    a strict csv.reader refused; none when no quote closes a cell there (one regular
    expression search, at C speed)."""
    stop = re.escape(delimiter) + "\\r\\n"
    if not re.search(f'"(?=[^"{stop}])(?<=[^{stop}]")', text):  # (the usual quoted file)
        return []
    lines = _strict_error_lines(text, delimiter)
    if not lines:
        return []
    texts = io.StringIO(text, newline="").readlines()
    records = [(header_line, header), *rows]
    starts = [line for line, _cells in records]
    found = []
    for line in lines:
        start, cells = records[max(bisect.bisect_right(starts, line) - 1, 0)]
        field = _field_after_quote("".join(texts[start - 1:line]), delimiter)
        if field is not None:
            found.append((start, field, cells[field - 1] if field <= len(cells) else ""))
    if not found:
        return []
    line, col, cell = found[0]
    cell = " ".join(cell.split())  # (on one line)
    shown_cell = cell if len(cell) <= 60 else cell[:59] + "…"
    return [Problem(shown, line, col, "warning", "csv",
                    "the cell goes on after its closing quote (a stray '\"' in it?): read "
                    f"as '{shown_cell}'{_more(found)}")]


def _strict_error_lines(text: str, delimiter: str) -> list[int]:
    """The lines on which a strict csv.reader finds text after a closing quote (it goes on
    at the next line after each)."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    lines: list[int] = []
    while True:
        line = reader.line_num
        try:
            for _cells in reader:
                pass
            return lines
        except csv.Error as exc:
            if "expected after" in str(exc):
                lines.append(reader.line_num)
            if reader.line_num == line:  # (no line read: never seen, but never a loop)
                return lines


def _field_after_quote(record: str, delimiter: str) -> int | None:
    """The field (from 1) of a record's text in which text other than spaces follows the
    quote that closes it, read as csv.reader reads it; None when there is none."""
    stop, quoted_field = re.compile(f"[{re.escape(delimiter)}\r\n]"), re.compile(_QUOTED_FIELD)
    at, field = 0, 1
    while at < len(record):
        quoted = quoted_field.match(record, at)
        if quoted is not None:
            at = quoted.end()
        end_of_field = stop.search(record, at)
        end = len(record) if end_of_field is None else end_of_field.start()
        if quoted is not None and record[at:end].strip():
            return field
        if end == len(record) or record[end] != delimiter:
            return None
        at, field = end + 1, field + 1
    return None


#: A quoted field, from its opening quote to its closing one.
_QUOTED_FIELD = '"(?:[^"]|"")*"'


def _check_closed(tail: str, delimiter: str, shown: str, line: int, col: int) -> None:
    """Raise when the file's last record (`tail`, from line `line`) ends inside a quoted
    field, field `col`: csv.reader, not strict, takes the rest of the file as its text."""
    try:
        for _cells in csv.reader(io.StringIO(tail, newline=""), delimiter=delimiter,
                                 strict=True):
            pass
    except csv.Error as exc:
        if "unexpected end of data" in str(exc):
            raise OrgLoadError([Problem(
                shown, line, col, "error", "csv",
                "the quoted field that starts here is never closed: it runs to the end of "
                "the file (a stray '\"' in a cell?)")]) from None
