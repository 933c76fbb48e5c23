"""Read a sheet of an Excel workbook (.xlsx) into the table a CSV export of it would give.

One sheet is read (the first visible worksheet, chart sheets skipped, or the one named): its
first row with two values or more is the header (a title above it is skipped; so are title
rows of several cells above a row of known column names), each later row with any value a
record; rows keep their spreadsheet numbers, so problems point at `people.xlsx:42:3` (row 42,
column C). Cell values become the text Excel writes when it saves the sheet as CSV: numbers
without a trailing `.0`, dates as ISO dates, booleans as TRUE / FALSE; formulas give the
values Excel last computed (a formula never computed, as in workbooks written by scripts,
reads as empty: a warning says where); a range of cells merged down several rows gives each
of them its value, as Excel shows it (its CSV export writes it in the first row alone; an
info names the ranges).
The workbook is checked before it is opened (a zip of bounded size whose parts expand to a
bounded size), so a corrupt file or a zip bomb is a one-line error.
"""

from __future__ import annotations

import bisect
import datetime
import io
import os
import re
import zipfile
import zlib
from collections.abc import Iterator
from typing import IO, TYPE_CHECKING, Any

from orgviz.errors import OrgFileError, OrgLoadError
from orgviz.io.columns import header_below_titles
from orgviz.io.csvread import (
    MAX_CSV_BYTES,
    SHORT_FIELD_CHARS,
    CsvTable,
    _more,
    _other_format,
    _skipped,
    blank_excel_errors,
    blank_invisible,
    invisible_pattern,
    read_import,
    titles_skipped,
)
from orgviz.orgfiles import shown_path
from orgviz.problem import Problem, quoted

if TYPE_CHECKING:
    from decimal import Decimal

#: The most a workbook's parts may expand to (its XML, uncompressed).
MAX_EXPANDED_BYTES = 4 * MAX_CSV_BYTES
#: The most a workbook's part may expand relative to its compressed size (zip bombs expand
#: thousands of times; sheets of text some tens of times).
MAX_EXPANSION = 200


def read_xlsx(path: str | os.PathLike[str], sheet: str | None = None,
              data: bytes | None = None) -> CsvTable:
    """Read one sheet of an .xlsx workbook (`-`: standard input; `data`: its bytes, when read
    already) as a table; OrgFileError when it cannot be read."""
    shown = shown_path(path)
    data = _check_archive(shown, read_import(path, "a workbook") if data is None else data)
    try:
        from openpyxl import load_workbook
    except ImportError:  # pragma: no cover - a dependency of orgviz
        raise OrgFileError(f"{shown}: reading .xlsx needs openpyxl: pip install openpyxl "
                           "(or save the sheet as CSV)") from None
    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except _DAMAGED as exc:  # (a part that does not decompress: a damaged zip)
        raise _damaged(shown, exc) from None
    except Exception as exc:  # openpyxl raises many kinds on a broken workbook
        other = _other_format(data, shown)
        if other is not None and "OpenDocument" in other[0]:  # (a zip, but no workbook)
            raise OrgFileError(f"{shown}: this is {other[0]}, not an .xlsx workbook: "
                               f"{other[1]}") from None
        raise OrgFileError(f"{shown}: not a readable .xlsx workbook ({_reason(exc)}): save it "
                           "again from Excel, or as CSV") from None
    try:
        sheets = _Sheets(book)
        worksheet = book[sheets.pick(shown, sheet)]
        try:
            rows, cut, inexact = _sheet_rows(worksheet)
        except _DAMAGED as exc:
            raise _damaged(shown, exc) from None
        except Exception as exc:
            raise OrgFileError(f"{shown}: cannot read sheet '{worksheet.title}' "
                               f"({_reason(exc)})") from None
    finally:
        book.close()
    errors = blank_excel_errors(rows)
    # (openpyxl keeps the sheet's part name privately: without it, no merged cells known
    # and no check of formulas)
    part = getattr(worksheet, "_worksheet_path", None)
    table = _table(shown, worksheet.title, sheets, rows, {error[0] for error in errors},
                   _merged_ranges(data, part))
    if errors:  # (those of the rows read: not of title rows above the header, nor of rows
        # skipped, which hold no value once their errors are emptied)
        read = _rows_read(table)
        table.excel_errors = [error for error in errors if error[0] in read]
    table.problems[:0] = table.cell_warnings()  # (not on titles)
    if cut is not None:
        table.problems.insert(0, Problem(shown, *cut, "warning", "csv",
                                         f"values beyond column {MAX_COLUMNS} are ignored"))
    rounded = _rounded_numbers(shown, table, inexact)
    if rounded is not None:
        table.problems.append(rounded)
    uncomputed = _uncomputed_formulas(shown, data, part)
    if uncomputed is not None:
        table.problems.insert(0, uncomputed)
    return table


class _Sheets:
    """A workbook's sheets by kind: its tables (worksheets, some of them hidden) and its
    chart sheets, which hold no cells."""

    def __init__(self, book: Any) -> None:
        self.names: list[str] = list(book.sheetnames)
        self.tables: list[str] = [ws.title for ws in book.worksheets]
        self.hidden: set[str] = {ws.title for ws in book.worksheets
                                 if getattr(ws, "sheet_state", "visible") != "visible"}
        self.charts: list[str] = [cs.title for cs in book.chartsheets]

    def pick(self, shown: str, sheet: str | None) -> str:
        """The name of the sheet to read: `sheet`, else the first visible table (the first
        table when all are hidden); OrgFileError when there is none, or `sheet` is none or a
        chart."""
        if not self.tables:
            if not self.charts:
                raise OrgFileError(f"{shown}: the workbook has no sheet")
            raise OrgFileError(f"{shown}: the workbook has no table, only chart sheets "
                               f"({_quoted(self.charts)}): save the data behind the charts "
                               "as a sheet, or as CSV")
        if sheet is None:
            return next((n for n in self.tables if n not in self.hidden), self.tables[0])
        if sheet in self.charts:
            raise OrgFileError(f"{shown}: sheet '{sheet}' is a chart, not a table: sheet "
                               f"(--sheet) picks one of {_quoted(self.tables)}")
        if sheet not in self.tables:
            raise OrgFileError(f"{shown}: no sheet named '{sheet}' (sheets: "
                               f"{_quoted(self.tables)})")
        return sheet

    def others(self, title: str) -> list[str]:
        """The tables besides the one read (which --sheet may pick)."""
        return [name for name in self.tables if name != title]

    def read_note(self, title: str) -> str | None:
        """What the import's info says of the sheet read among others ("read sheet 'B' of 2
        ('A' (hidden), 'B'): sheet (--sheet) picks another"); None for a workbook of one sheet."""
        several = len(self.tables) > 1
        listed = [", ".join(f"'{n}'" + (" (hidden)" if n in self.hidden else "")
                            for n in self.tables)] if several else []
        if self.charts:
            listed.append(f"chart sheet{'s' if len(self.charts) > 1 else ''} "
                          f"{_quoted(self.charts)} skipped")
        if not listed:
            return None
        return (f"read sheet '{title}'" + (f" of {len(self.tables):,}" if several else "")
                + f" ({'; '.join(listed)})"
                + (": sheet (--sheet) picks another" if several else ""))


def _quoted(names: list[str]) -> str:
    """Sheet names as a message lists them: 'A', 'B'."""
    return ", ".join(f"'{name}'" for name in names)


#: The columns of a sheet that are read (an HR export has some dozens).
MAX_COLUMNS = 1024


def _sheet_rows(worksheet: Any) -> tuple[list[tuple[int, list[str]]], tuple[int, int] | None,
                                         list[RoundedCell]]:
    """The rows of a sheet with a value, numbered, as texts (at most MAX_COLUMNS each), the
    first cell (row, column) with a value beyond them (None: none; spaces alone are no
    value), and the cells whose numbers have more digits than Excel keeps (read as Excel
    shows them).

    The sheet's own dimension is not trusted: openpyxl would pad every row to it, and every
    gap between rows with empty rows, so one stray cell at XFD1048576 would make a billion
    cells. Without it, a row is as long as its last cell and a gap is one empty row each.
    """
    worksheet.reset_dimensions()
    rows = []
    cut = None
    inexact: list[RoundedCell] = []
    for number, values in enumerate(worksheet.iter_rows(values_only=True), start=1):
        if not values:
            continue
        if len(values) > MAX_COLUMNS:
            if cut is None and (col := _first_value_beyond(values)) is not None:
                cut = (number, col)
            values = values[:MAX_COLUMNS]
        if any(type(v) is float and not -_EXACT < v < _EXACT for v in values):  # (a rare row)
            inexact += ((number, col, v) for col, v in enumerate(values, start=1)
                        if type(v) is float and _past_excel_digits(v))
        rows.append((number, [_text(v) for v in values]))
    return rows, cut, inexact


#: A cell (row, column) whose number has more significant digits than Excel keeps.
RoundedCell = tuple[int, int, float]
#: The significant digits of a number that Excel keeps and shows.
EXCEL_DIGITS = 15
#: Whole numbers below this have no more digits than Excel keeps.
_EXACT = float(10 ** EXCEL_DIGITS)


def _past_excel_digits(value: float) -> bool:
    """Whether a whole number has more than EXCEL_DIGITS significant digits (as a workbook
    stores it: the shortest text that reads as the number), which Excel neither keeps nor
    shows: a long id stored as a number (12345678901234567890 is stored as
    1.2345678901234567E+19, its last digits lost)."""
    return (value.is_integer() and abs(value) >= _EXACT
            and len(_decimal(value).as_tuple().digits) > EXCEL_DIGITS)


def _decimal(value: float) -> Decimal:
    """A number's shortest text as a decimal, without trailing zeros."""
    from decimal import Decimal  # (only for such a number: not at every start)

    return Decimal(repr(value)).normalize()


def _rows_read(table: CsvTable) -> set[int]:
    """The numbers of the sheet's rows the table reads: its header row and its rows."""
    return {table.header_line, *(line for line, _cells in table.rows)}


def _rounded_numbers(shown: str, table: CsvTable, inexact: list[RoundedCell]
                     ) -> Problem | None:
    """A warning at the first cell of the table read (its header and rows, the columns
    named) whose number has more significant digits than Excel keeps, with how many there
    are; None when there is none."""
    if not inexact:
        return None
    read = _rows_read(table)
    cells = [cell for cell in inexact if cell[0] in read and cell[1] <= len(table.header)]
    if not cells:
        return None
    row, col, value = cells[0]
    others = _more(cells)
    return Problem(shown, row, col, "warning", "csv",
                   f"the number {format(_decimal(value), 'f')} has more than "
                   f"{EXCEL_DIGITS} significant digits{others}: read as {_text(value)}, as "
                   f"Excel shows it (a number keeps {EXCEL_DIGITS} digits, so a longer id "
                   "has lost its last ones: store ids as text)")


def _first_value_beyond(values: tuple[Any, ...]) -> int | None:
    """The column of a row's first cell beyond MAX_COLUMNS with a value (not spaces alone);
    None when there is none."""
    return next((col for col, value in enumerate(values[MAX_COLUMNS:], start=MAX_COLUMNS + 1)
                 if value is not None and _text(value).strip()), None)


def _check_archive(shown: str, data: bytes) -> bytes:
    """The bytes of a zip of bounded size whose parts expand to a bounded size; refuse any
    other file."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            parts = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        if data[:4] in _ZIP_STARTS:  # a zip, but not whole: no other kind of file
            raise _damaged(shown, exc) from None
        what, advice = _what_instead(data, shown)
        this = f"this is {what}, not" if what else "not"
        raise OrgFileError(f"{shown}: {this} an .xlsx workbook: {advice}") from None
    expanded = sum(part.file_size for part in parts)
    bomb = next((p for p in parts if p.file_size > MAX_EXPANSION * max(p.compress_size, 1024)),
                None)
    if expanded > MAX_EXPANDED_BYTES or bomb is not None:
        raise OrgLoadError([Problem(shown, 1, 1, "error", "limits",
                                    f"the workbook expands to {expanded / 2**20:.0f} MiB "
                                    f"({bomb.filename if bomb else 'its parts'} expands "
                                    "too much): refusing to read it (a zip bomb?)")])
    return data


#: How a zip starts: a part's header (an empty zip: the end of its directory).
_ZIP_STARTS = (b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")
#: What reading a damaged zip raises (a part cut short, its data or its checksum wrong).
_DAMAGED = (zipfile.BadZipFile, zlib.error, EOFError)


def _damaged(shown: str, exc: Exception) -> OrgFileError:
    """The error for a workbook whose zip is damaged or cut short (a download or a copy
    that stopped early)."""
    reason = _reason(exc)
    if reason == "File is not a zip file":  # (zipfile's words for a zip without its end)
        reason = "its directory of parts, at the end of the file, is missing"
    return OrgFileError(f"{shown}: not a readable Excel workbook (the zip is damaged or "
                        f"truncated: {reason}): save or download it again, or save the "
                        "sheet as CSV")


#: A cell holding a formula and no value (or an empty one): `<c r="B7"><f>A7*2</f></c>`.
_UNCOMPUTED = re.compile(
    rb'<(?:\w+:)?c\b[^>]*?\br="([A-Z]+)(\d+)"[^>]*>\s*'
    rb'<(?:\w+:)?f\b(?:[^>]*/>|[^>]*>[^<]*</(?:\w+:)?f>)\s*'
    rb'(?:<(?:\w+:)?v\s*/>|<(?:\w+:)?v>\s*</(?:\w+:)?v>)?\s*</(?:\w+:)?c>')


def _uncomputed_formulas(shown: str, data: bytes, part: str | None) -> Problem | None:
    """A warning at the first formula cell of the sheet's part (in the workbook's bytes,
    `data`: a workbook read from standard input has no file to open again) without a
    computed value (read as empty), with how many there are; None when every formula has
    its value."""
    if not part:
        return None
    first: tuple[bytes, bytes] | None = None
    found = 0
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive, \
                archive.open(part.lstrip("/")) as stream:
            for xml in _row_pieces(stream):
                if _FORMULA.search(xml) is None:  # (most sheets: no formula at all)
                    continue
                cells = _UNCOMPUTED.findall(xml)
                if cells:
                    first = first or cells[0]
                    found += len(cells)
    except (KeyError, OSError, EOFError, zipfile.BadZipFile, ValueError, zlib.error):
        return None
    if first is None:
        return None
    from openpyxl.utils.cell import column_index_from_string

    letters, row = first  # (openpyxl has read the sheet: its cell names are valid)
    many = f"{found:,} formula cells have" if found > 1 else "a formula cell has"
    return Problem(shown, int(row), column_index_from_string(letters.decode("ascii")),
                   "warning", "csv",
                   f"{many} no computed value and read as empty (the workbook was written "
                   "without computing its formulas): open it in Excel or LibreOffice and "
                   "save it, then import again")


def _row_pieces(stream: IO[bytes], end: bytes = b"row>") -> Iterator[bytes]:
    """A sheet's XML a few MB at a time (a sheet may expand to hundreds of MB), each piece
    ending at a row tag (`end`: no cell spans one; `>`: no tag spans one): the rest is
    carried into the next piece, unless it is absurdly long (its formulas are then not
    looked at)."""
    carried = b""
    while piece := stream.read(_FORMULA_PIECE):
        xml = carried + piece
        cut = xml.rfind(end) + len(end) if end in xml else 0
        yield xml[:cut]
        carried = xml[cut:] if len(xml) - cut <= _LONGEST_ROW else b""
    yield carried


#: How much of a sheet's XML `_uncomputed_formulas` reads at a time.
_FORMULA_PIECE = 1 << 22
#: A longer row is not carried into the next piece (its formulas are not looked at).
_LONGEST_ROW = 1 << 22
_FORMULA = re.compile(rb"<(?:\w+:)?f\b")


#: A merged range of a sheet: its first row, first column, last row, last column.
Range = tuple[int, int, int, int]
#: A merged range in a sheet's XML, after its rows: `<mergeCell ref="C3:C5"/>`.
_MERGE_CELL = re.compile(rb'<(?:\w+:)?mergeCell\b[^>]*?\bref="\$?([A-Z]{1,3})\$?(\d{1,7}):'
                         rb'\$?([A-Z]{1,3})\$?(\d{1,7})"')


def _merged_ranges(data: bytes, part: str | None) -> list[Range]:
    """The merged ranges of the sheet's part (in the workbook's bytes, `data`), in the
    order of their first cells: openpyxl reading a sheet row by row has none. The part is
    read in pieces, as for formulas (its merged ranges follow its rows); [] when it cannot
    be read."""
    if not part:
        return []
    from openpyxl.utils.cell import column_index_from_string

    found: set[Range] = set()
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive, \
                archive.open(part.lstrip("/")) as stream:
            for xml in _row_pieces(stream, b">"):
                if b"mergeCell" not in xml:  # (most pieces: the rows)
                    continue
                for left, top, right, bottom in _MERGE_CELL.findall(xml):
                    columns = sorted(column_index_from_string(letters.decode("ascii"))
                                     for letters in (left, right))
                    rows = sorted((int(top), int(bottom)))
                    found.add((rows[0], columns[0], rows[1], columns[1]))
    except (KeyError, OSError, EOFError, zipfile.BadZipFile, ValueError, zlib.error):
        return []
    return sorted(found)


def _fill_merged(records: list[tuple[int, list[str]]], merged: list[Range],
                 header_row: int) -> list[Range]:
    """Give each row of the table (`records`, numbered, below `header_row`) that a merged
    range spans below its first the value of the range's first cell in the range's first
    column, as Excel shows the value over every row (HR sheets merge a manager's or a
    department's cell down the rows of its people); the ranges that filled a row.

    Ranges from the header up (titles, a header over two rows) fill nothing, nor do the
    columns right of a range's first (Excel shows one value across them, not one in each:
    a name merged over the next column is not that column's value too)."""
    if not merged:
        return []
    numbers = [number for number, _cells in records]
    width = len(records[0][1]) if records else 0
    filled = []
    for top, left, bottom, right in merged:
        if top <= header_row or left > width or bottom == top:
            continue
        at = bisect.bisect_left(numbers, top)
        if at == len(numbers) or numbers[at] != top or not records[at][1][left - 1].strip():
            continue  # (an empty first cell: nothing to fill)
        value = records[at][1][left - 1]
        below = records[at + 1:bisect.bisect_right(numbers, bottom)]
        for _number, cells in below:
            cells[left - 1] = value
        if below:
            filled.append((top, left, bottom, right))
    return filled


def _merged_info(shown: str, filled: list[Range]) -> Problem:
    """The info at the first of the merged ranges that filled rows, naming them."""
    top, left = filled[0][:2]
    return Problem(shown, top, left, "info", "csv",
                   f"merged cells {quoted(filled, _MERGES_NAMED, _range_name)} read as their "
                   "value in every row they span")


def _range_name(merged: Range) -> str:
    """"A2:A5": the name of a merged range."""
    from openpyxl.utils.cell import get_column_letter

    top, left, bottom, right = merged
    return f"{get_column_letter(left)}{top}:{get_column_letter(right)}{bottom}"


#: How many merged ranges the info on them names.
_MERGES_NAMED = 5


def _what_instead(data: bytes, shown: str) -> tuple[str, str]:
    """What a file named .xlsx that is no zip is ("" when not known), and what to do (with
    `shown`, its name, in a command that says how)."""
    if data.startswith(b"\xd0\xcf\x11\xe0"):  # (OLE2: encrypted .xlsx files are so too)
        return ("an .xls file from Excel 97-2003 or a password-protected workbook",
                "save it as .xlsx (without a password) or CSV")
    other = _other_format(data, shown)
    if other is not None:
        return other
    head = data[:4096]
    if head and b"\0" not in head and (b"," in head or b";" in head or b"\t" in head):
        return "text (a CSV file?)", "name it .csv"
    return "", "save it again from Excel, or as CSV"


def _reason(exc: Exception) -> str:
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    return text if len(text) <= 120 else text[:119] + "…"


def _text(value: Any) -> str:
    """A cell's value as the text of a CSV export."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        if value.is_integer():
            if -_EXACT < value < _EXACT:
                return str(int(value))
            # (as Excel shows it: 15 significant digits, not the 20 of the float's value)
            return _decimal_text(format(value, f".{EXCEL_DIGITS}g"))
        text = repr(value)  # (the shortest text of the number, but 1e-05 for 0.00001)
        return text if "e" not in text else _decimal_text(text)
    if isinstance(value, datetime.datetime):
        if value.time() == datetime.time(0):
            return value.date().isoformat()
        return value.isoformat(sep=" ")
    if isinstance(value, (datetime.date, datetime.time)):
        return value.isoformat()
    return str(value)


def _decimal_text(text: str) -> str:
    """A number written with an exponent (`1e-05`, `1.5e-10`) as its decimal digits
    (`0.00001`): no reader of FTEs or ids takes Python's exponent."""
    from decimal import Decimal  # (only for such a number: not at every start)

    return format(Decimal(text), "f")


def _rows_without_value(table: list[tuple[int, list[str]]], error_rows: set[int]) -> list[int]:
    """The numbers of the rows below a table's header row (`table`: it and the rows with a
    value under it) that hold no value, where a CSV export of the sheet has a row of commas
    alone: those inside the table (empty, of Excel errors alone, or not in the sheet at
    all), and those below it down to its last row of Excel errors alone (`error_rows`: the
    rows whose Excel errors were emptied)."""
    numbers = [number for number, _cells in table]
    with_value = set(numbers)
    inside = (number for number in range(numbers[0] + 1, numbers[-1])
              if number not in with_value)
    # (below it, the rows up to its last row of Excel errors alone: a CSV export has a row
    # of commas for each, those between them empty too)
    last = max((number for number in error_rows if number > numbers[-1]), default=numbers[-1])
    return [*inside, *range(numbers[-1] + 1, last + 1)]


def _table(shown: str, title: str, sheets: _Sheets, rows: list[tuple[int, list[str]]],
           error_rows: set[int], merged: list[Range]) -> CsvTable:
    """The sheet's rows as a table under the header row (`error_rows`: the rows whose Excel
    errors were emptied; `merged`: the sheet's merged ranges)."""
    kept = [(number, cells) for number, cells in rows if any(c.strip() for c in cells)]
    others = sheets.others(title)
    hint = (f" (the others: {_quoted(others)}; sheet (--sheet) picks one)" if others else "")
    if not kept:
        raise OrgLoadError([Problem(shown, 1, 1, "error", "csv",
                                    f"sheet '{title}' is empty: expected a header row and one "
                                    f"row per person{hint}")])
    across = {(top, left) for top, left, _bottom, right in merged if right > left}
    start = header_below_titles(kept, error_rows, across)  # (and rows grouping its columns)
    (header_row, header), body = kept[start], kept[start + 1:]
    while header and not header[-1].strip():  # columns past the last named one
        header.pop()
    width = len(header)
    records = [(number, cells[:width] if len(cells) >= width else
                cells + [""] * (width - len(cells))) for number, cells in body]
    problems: list[Problem] = []
    if start:  # (as a CSV's title lines: see csvimport.rows.below_title_lines)
        titles = " ".join(c.strip() for _, cells in kept[:start] for c in cells if c.strip())
        problems.append(titles_skipped(shown, header_row, titles, "row"))
    filled = _fill_merged(records, merged, header_row)
    if filled:
        problems.append(_merged_info(shown, filled))
    beyond = next(((number, i) for number, cells in body for i in range(width, len(cells))
                   if cells[i].strip()), None)
    if beyond is not None:
        problems.append(Problem(shown, beyond[0], beyond[1] + 1, "warning", "csv",
                                "values right of the last named column are ignored"))
    # Cells of invisible characters alone read as empty, as in a CSV file (a row of them
    # alone is then skipped, and said so rather than each cell).
    invisible = blank_invisible(records, False, invisible_pattern([h.strip() for h in header]))
    blank = [number for number, cells in records if not any(c.strip() for c in cells)]
    if blank:  # (their only values were right of the named columns, or invisible)
        skip = set(blank)
        records = [(number, cells) for number, cells in records if number not in skip]
        invisible = [cell for cell in invisible if cell[0] not in skip]
    empty = _rows_without_value(kept[start:], error_rows)
    if blank or empty:  # (as a CSV export of the sheet says its rows of commas alone)
        problems.append(_skipped(shown, sorted({*blank, *empty})))
    if not records:  # (as a CSV of a header alone: an org of nobody is no import)
        raise OrgLoadError([Problem(shown, header_row + 1, 1, "error", "csv",
                                    f"sheet '{title}' has a header but no rows: nothing to "
                                    f"import{hint}")])
    note = sheets.read_note(title)
    if note is not None:
        problems.append(Problem(shown, 1, 1, "info", "csv", note))
    short = all(len(c) <= SHORT_FIELD_CHARS for _, cells in records for c in cells)
    # (A table's `encoding` is what the org file's header comment says it was read as.)
    return CsvTable(shown, header, records, f"sheet '{title}'", ",", problems, short=short,
                    sheets=(title, *others) if others else (), header_line=header_row,
                    invisible=invisible)
