"""`orgviz import` of Excel workbooks (.xlsx): the same org as from a CSV export of the sheet."""

from __future__ import annotations

import csv
import datetime
import io
import zipfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any
from unittest import mock

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook

from orgviz.errors import OrgFileError, OrgLoadError
from orgviz.io import xlsxread
from orgviz.io.csvimport import ImportOptions, import_csv
from orgviz.io.csvread import EXCEL_ERRORS
from orgviz.io.xlsxread import _text, read_xlsx

HEADER = ["EmployeeId", "FirstName", "LastName", "JobTitle", "Department", "ManagerId"]
ROWS: list[list[Any]] = [
    [1000, "Dana", "Reyes", "Chief Executive Officer", "Exec", None],
    [1001, "Sam", "Okafor", "VP of Product", "Product", 1000],
    [1002, "Lee", "Chen", "Head of Product", "Product", 1001],
    [1003, "Ana", "Silva", "Director of Product", "Product", 1002],
    [1004, "Ravi", "Shah", "Product Manager", "Product", 1003],
]


def workbook(path: Path, sheets: dict[str, Sequence[Sequence[Any]]]) -> Path:
    book = Workbook()
    book.remove(book.active)
    for title, rows in sheets.items():
        sheet = book.create_sheet(title)
        for row in rows:
            sheet.append(list(row))
            for cell in sheet[sheet.max_row]:
                if isinstance(cell.value, str) and cell.value.startswith("="):
                    cell.data_type = "s"  # text, as Excel stores "=0" typed with a quote
    book.save(path)
    return path


def csv_file(path: Path, rows: Sequence[Sequence[Any]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows([["" if v is None else v for v in row] for row in rows])
    return path


def body(text: str) -> list[str]:
    """The org file without its comment lines (which name the source)."""
    return [line for line in text.splitlines() if not line.startswith("#")]


def test_a_sheet_imports_as_its_csv_export(tmp_path: Path) -> None:
    book = workbook(tmp_path / "people.xlsx", {"People": [HEADER, *ROWS]})
    export = csv_file(tmp_path / "people.csv", [HEADER, *ROWS])
    from_book, from_csv = import_csv(book), import_csv(export)
    assert body(from_book.text) == body(from_csv.text)
    assert [p.id for p in from_book.org.people] == ["1000", "1001", "1002", "1003", "1004"]
    assert from_book.org.by_id["1004"].reports_to == "1003"
    assert from_book.problems == [] and from_csv.problems == []
    assert "from people.xlsx (5 rows, sheet 'People')" in from_book.text


def test_problems_point_at_the_sheet_row_and_column(tmp_path: Path) -> None:
    # A title and blank rows above the header are skipped; row numbers stay the sheet's.
    rows = [["Staff list"], [], [], HEADER, *ROWS[:3], [1003, "Ana", "Silva", "PM", "P", 4242]]
    book = workbook(tmp_path / "people.xlsx", {"People": rows})
    result = import_csv(book, ImportOptions(keep_going=True))
    [problem] = [p for p in result.problems if p.rule == "unknown-manager"]
    assert (problem.file, problem.line, problem.col) == (str(book), 8, 6)
    assert "'4242'" in problem.message
    assert [(p.line, p.col, p.level, p.message) for p in result.problems
            if p.rule == "csv"] == [
        (4, 1, "info", "the header is on row 4: the rows above it are skipped ('Staff list' "
                       "...)")]


def test_cell_values_read_as_a_csv_export_writes_them() -> None:
    assert [_text(v) for v in (None, "x", 1001, 1001.0, 2.5, True, False)] == [
        "", "x", "1001", "1001", "2.5", "TRUE", "FALSE"]
    # (a small number without Python's exponent: '1e-05' was no FTE, 'left out')
    assert [_text(v) for v in (1e-05, 1.5e-10, -2e-07, 0.0001)] == [
        "0.00001", "0.00000000015", "-0.0000002", "0.0001"]
    assert _text(datetime.datetime(2024, 1, 31)) == "2024-01-31"
    assert _text(datetime.datetime(2024, 1, 31, 9, 30)) == "2024-01-31 09:30:00"
    assert _text(datetime.date(2024, 2, 1)) == "2024-02-01"


def test_whole_numbers_read_as_excel_shows_them_to_15_digits() -> None:
    # (a float's value, 12345678901234567168, has digits no workbook held nor Excel shows)
    assert [_text(v) for v in (1.2345678901234567e19, 1.23456789012345e19, 1e20, 1e15,
                               123456789012345.0, -9007199254740992.0)] == [
        "12345678901234600000", "12345678901234500000", "100000000000000000000",
        "1000000000000000", "123456789012345", "-9007199254740990"]
    assert _text(12345678901234567890) == "12345678901234567890"  # (an integer, stored so)


def test_a_number_of_more_digits_than_excel_keeps_is_said(tmp_path: Path) -> None:
    # An id of 20 digits stored as a number: the workbook holds 1.234567890123457E+19.
    # It reads as Excel shows it, the same in the id and the manager column, with a
    # warning at the first such cell of the table (not in the title, nor right of it).
    long_id = 12345678901234567890.0
    # A number the workbook holds as 16 digits, no exponent (a script wrote it; openpyxl
    # writes 16), keeps them: they are the workbook's.
    rows = [["Staff", None, None, None, None, None, None, 1.2345678901234567e20], HEADER,
            [long_id, "Dana", "Reyes", "CEO", "Exec", None, None, 1.234567890123457e19],
            [1001, "Sam", "Okafor", "VP", "Product", long_id],
            [9007199254740992, "Lee", "Chen", "PM", "Product", 1001]]
    book = workbook(tmp_path / "people.xlsx", {"People": rows})
    result = import_csv(book)
    assert [p.id for p in result.org.people] == [
        "12345678901234600000", "1001", "9007199254740992"]
    assert result.org.by_id["1001"].reports_to == "12345678901234600000"
    assert [(p.file, p.line, p.col, p.level, p.message) for p in result.problems
            if "digits" in p.message] == [
        (str(book), 3, 1, "warning", "the number 12345678901234570000 has more than 15 "
         "significant digits (and 1 more cell): read as 12345678901234600000, as Excel shows "
         "it (a number keeps 15 digits, so a longer id has lost its last ones: store ids as "
         "text)")]
    rows[2][0] = rows[3][5] = 1234567890123450000.0  # (15 digits: as Excel keeps it)
    del rows[4]
    problems = read_xlsx(workbook(tmp_path / "p.xlsx", {"People": rows})).problems
    assert [p.message for p in problems if "digits" in p.message] == []


def test_sheet_picks_a_sheet_and_others_are_noted(tmp_path: Path) -> None:
    book = workbook(tmp_path / "hr.xlsx", {"Readme": [["Exported by HR"]],
                                           "People": [HEADER, *ROWS]})
    table = read_xlsx(book, "People")
    assert table.header == HEADER and len(table.rows) == 5
    assert [(p.level, p.message) for p in table.problems] == [
        ("info", "read sheet 'People' of 2 ('Readme', 'People'): sheet (--sheet) picks "
                 "another")]
    with pytest.raises(OrgFileError, match=r"no sheet named 'Staff' \(sheets: 'Readme', "
                                           r"'People'\)"):
        read_xlsx(book, "Staff")
    first = import_csv(book, ImportOptions(sheet="People"))
    assert len(first.org.people) == 5


def test_values_right_of_the_header_are_reported(tmp_path: Path) -> None:
    rows = [HEADER, *ROWS[:2], [*ROWS[2], None, "stray"]]
    table = read_xlsx(workbook(tmp_path / "p.xlsx", {"P": rows}))
    assert [(p.line, p.col, p.level, p.message) for p in table.problems] == [
        (4, 8, "warning", "values right of the last named column are ignored")]
    assert all(len(cells) == len(HEADER) for _, cells in table.rows)


def test_a_stray_cell_far_away_pads_nothing(tmp_path: Path) -> None:
    # The sheet's dimension becomes A1:XFD1048576: padding every row to it (openpyxl's way)
    # would make 17 billion cells. Rows are read as long as their last cell, at most
    # MAX_COLUMNS of it, and the empty rows between are skipped.
    book = Workbook()
    sheet = book.active
    for row in [HEADER, *ROWS]:
        sheet.append(row)
    sheet["XFD1048576"] = "stray"
    book.save(tmp_path / "p.xlsx")
    table = read_xlsx(tmp_path / "p.xlsx")
    assert [(p.line, p.col, p.level, p.message) for p in table.problems] == [
        (1048576, 16384, "warning", f"values beyond column {xlsxread.MAX_COLUMNS} are ignored")]
    assert [number for number, _cells in table.rows] == list(range(2, len(ROWS) + 2))
    assert all(len(cells) == len(HEADER) for _, cells in table.rows)


def test_cells_beyond_the_columns_read_are_said_at_the_first_with_a_value(tmp_path: Path
                                                                          ) -> None:
    # Spaces alone beyond the columns read are no value (as spaces alone anywhere): nothing
    # said of them; the warning stands at the first cell beyond them with a value, in the
    # first row that has one (not at the column after the last read).
    book = Workbook()
    sheet = book.active
    for row in [HEADER, *ROWS]:
        sheet.append(row)
    sheet["XFD1"] = " "
    sheet["AMK2"] = " \t "
    sheet["ZZ3"] = "x"  # (column 702: read, right of the header)
    sheet["AMK3"] = "  "
    sheet["AML3"] = 0  # (column 1026; a number is a value)
    sheet["AMK5"] = "y"
    book.save(tmp_path / "p.xlsx")
    table = read_xlsx(tmp_path / "p.xlsx")
    assert [(p.line, p.col, p.message) for p in table.problems] == [
        (3, 1026, f"values beyond column {xlsxread.MAX_COLUMNS} are ignored"),
        (3, 702, "values right of the last named column are ignored")]
    sheet["ZZ3"] = sheet["AML3"] = sheet["AMK5"] = None
    book.save(tmp_path / "p.xlsx")
    assert read_xlsx(tmp_path / "p.xlsx").problems == []


def _ods() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:  # (mimetype first and stored, as ODF has it)
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("content.xml", "<office:document-content/>")
    return buffer.getvalue()


@pytest.mark.parametrize(("data", "message"), [
    # (a CSV, an .ods or an HTML page named .xlsx said "not an .xlsx workbook (save it again
    # from Excel, or as CSV)", which no save from Excel of that name mends)
    (b"EmployeeId,ManagerId\n1,\n",
     "p.xlsx: this is text (a CSV file?), not an .xlsx workbook: name it .csv"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600,
     "p.xlsx: this is an .xls file from Excel 97-2003 or a password-protected workbook, not "
     "an .xlsx workbook: save it as .xlsx (without a password) or CSV"),
    (_ods(), "p.xlsx: this is an OpenDocument spreadsheet (.ods), not an .xlsx workbook: save "
             "the sheet as .xlsx or CSV (LibreOffice: File > Save As)"),
    (b"<html><body><table><tr><td>id</td></tr></table>",
     "p.xlsx: this is an HTML page (some systems save a table as HTML named .xls), not an "
     ".xlsx workbook: open it in a spreadsheet and save it as CSV or .xlsx"),
    (b"\x00\x01\x02 binary", "p.xlsx: not an .xlsx workbook: save it again from Excel, or as CSV"),
])
def test_a_file_that_is_not_a_workbook_is_one_clear_error(tmp_path: Path, data: bytes,
                                                           message: str) -> None:
    (tmp_path / "p.xlsx").write_bytes(data)
    with pytest.raises(OrgFileError) as caught:
        import_csv(tmp_path / "p.xlsx")
    assert str(caught.value) == str(tmp_path / message)


def test_a_broken_workbook_is_one_clear_error(tmp_path: Path) -> None:
    with zipfile.ZipFile(tmp_path / "p.xlsx", "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
    with pytest.raises(OrgFileError, match=r"p\.xlsx: not a readable \.xlsx workbook \("):
        import_csv(tmp_path / "p.xlsx")


def _damaged_copies(book: Path) -> dict[str, bytes]:
    """A workbook cut short (a download that stopped), one whose sheet's compressed data is
    garbled, and one whose part header is."""
    data = book.read_bytes()
    with zipfile.ZipFile(book) as archive:
        sheet = archive.getinfo("xl/worksheets/sheet1.xml")
    start = sheet.header_offset + 30 + len(sheet.filename)  # (the sheet's compressed data)
    garbled = bytearray(data)
    garbled[start + 100:start + 150] = bytes(b ^ 0x5A for b in data[start + 100:start + 150])
    header = bytearray(data)
    header[sheet.header_offset:sheet.header_offset + 4] = b"XXXX"
    return {"truncated": data[:1000], "garbled": bytes(garbled), "header": bytes(header)}


@pytest.mark.parametrize(("kind", "reason"), [
    ("truncated", "its directory of parts, at the end of the file, is missing"),
    ("garbled", ""),  # (zlib's words, or a wrong checksum's)
    ("header", "Bad magic number for file header"),
])
def test_a_damaged_workbook_is_said_to_be_damaged(tmp_path: Path, kind: str,
                                                  reason: str) -> None:
    # A truncated workbook was "a zip file, such as an Excel workbook, not an .xlsx
    # workbook: name it .xlsx", though it was named .xlsx.
    from click.testing import CliRunner

    from orgviz.cli import main

    rows = [HEADER, *([1000 + i, f"N{i}", "S", "Engineer", "Eng", 1000] for i in range(300))]
    book = workbook(tmp_path / "x.xlsx", {"People": rows})
    book.write_bytes(_damaged_copies(book)[kind])
    with pytest.raises(OrgFileError) as caught:
        import_csv(book)
    said = str(caught.value)
    assert said.startswith(f"{book}: not a readable Excel workbook (the zip is damaged or "
                           f"truncated: {reason}")
    assert said.endswith("): save or download it again, or save the sheet as CSV")
    assert "\n" not in said and "name it .xlsx" not in said
    result = CliRunner().invoke(main, ["import", str(book), "-o", str(tmp_path / "o.yaml")])
    assert result.exit_code == 2
    assert result.output == f"orgviz: {said}\n"


def test_a_zip_bomb_is_refused_before_it_is_opened(tmp_path: Path) -> None:
    with zipfile.ZipFile(tmp_path / "bomb.xlsx", "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/worksheets/sheet1.xml", b"\0" * 20_000_000)
    with pytest.raises(OrgLoadError) as caught:
        import_csv(tmp_path / "bomb.xlsx")
    [problem] = caught.value.problems
    assert (problem.line, problem.col, problem.rule) == (1, 1, "limits")
    assert "xl/worksheets/sheet1.xml expands too much" in problem.message


def merged_workbook(path: Path, rows: Sequence[Sequence[Any]], ranges: Sequence[str]) -> Path:
    """A sheet of `rows` with the cell `ranges` merged (openpyxl empties all but the first
    cell of each, as Excel does)."""
    book = Workbook()
    sheet = book.active
    sheet.title = "People"
    for row in rows:
        sheet.append(list(row))
    for merged in ranges:
        sheet.merge_cells(merged)
    book.save(path)
    return path


MERGED_ROWS: list[list[Any]] = [
    ["id", "name", "manager", "department"], [1, "Ann", None, "Exec"], [2, "Bob", 1, "Eng"],
    [3, "Cy", None, None], [4, "Dee", None, None], [5, "Eve", 2, "Ops"]]


def test_cells_merged_down_rows_read_as_their_value_in_each(tmp_path: Path) -> None:
    # (read row by row, a merged range had its value in its first row alone: Cy and Dee
    # had no manager and no team, and only 'people have no manager' said anything)
    book = merged_workbook(tmp_path / "m.xlsx", MERGED_ROWS, ["D3:D5", "C3:C5"])
    result = import_csv(book, ImportOptions(keep_going=True))
    assert sorted((p.id, p.reports_to, p.team) for p in result.org.people) == [
        ("1", None, "exec"), ("2", "1", "eng"), ("3", "1", "eng"), ("4", "1", "eng"),
        ("5", "2", "ops")]
    assert [(p.file, p.line, p.col, p.level, p.rule, p.message)
            for p in result.problems] == [
        (str(book), 3, 3, "info", "csv",
         "merged cells C3:C5, D3:D5 read as their value in every row they span")]


def test_a_merged_block_fills_its_first_column_down_its_rows(tmp_path: Path) -> None:
    # A block gives its value to the rows it spans in its first column; the columns right
    # of it stay as Excel shows them, empty (one value across them, not one in each).
    book = merged_workbook(tmp_path / "m.xlsx", MERGED_ROWS, ["C3:D5"])
    table = read_xlsx(book)
    assert [cells[2:] for _, cells in table.rows] == [
        ["", "Exec"], ["1", ""], ["1", ""], ["1", ""], ["2", "Ops"]]
    assert [(p.line, p.col, p.message) for p in table.problems] == [
        (3, 3, "merged cells C3:D5 read as their value in every row they span")]


def test_cells_merged_across_one_row_are_not_copied_across(tmp_path: Path) -> None:
    # A name merged over the manager column is no manager; nothing to say.
    rows = [row[:] for row in MERGED_ROWS]
    rows[2][2] = None
    book = merged_workbook(tmp_path / "m.xlsx", rows, ["B3:C3", "D4:D4"])
    table = read_xlsx(book)
    assert [cells for number, cells in table.rows if number == 3] == [["2", "Bob", "", "Eng"]]
    assert table.problems == []


def test_merged_titles_and_headers_fill_no_row_below_them(tmp_path: Path) -> None:
    # A title merged across and down, a header cell merged across two columns and one
    # merged down into the first row: no row is given a title's or a header's text. A
    # range whose first cell is empty, or right of the named columns, fills nothing.
    rows = [["Staff list", None, None, None, None], [None] * 5,
            ["id", "name", "manager", "department", None],
            [1, "Ann", None, "Exec", None], [2, "Bob", 1, "Eng", None],
            [3, "Cy", None, None, "x"], [4, "Dee", 2, None, None]]
    book = merged_workbook(tmp_path / "m.xlsx", rows,
                           ["A1:E2", "D3:E3", "B3:B4", "C6:C7", "E6:E7"])
    table = read_xlsx(book)
    assert table.header == ["id", "name", "manager", "department"]
    assert table.header_line == 3
    assert [cells for _, cells in table.rows] == [
        ["1", "", "", "Exec"], ["2", "Bob", "1", "Eng"], ["3", "Cy", "", ""],
        ["4", "Dee", "", ""]]
    assert [(p.line, p.col, p.level, p.message) for p in table.problems] == [
        (3, 1, "info", "the header is on row 3: the rows above it are skipped ('Staff list' "
                       "...)"),
        (6, 5, "warning", "values right of the last named column are ignored")]


def test_many_merged_ranges_are_named_five_and_counted(tmp_path: Path) -> None:
    rows = [["id", "name", "manager"], [1, "Ann", None],
            *([i, f"N{i}", 1 if i % 2 == 0 else None] for i in range(2, 30))]
    ranges = [f"C{r}:C{r + 1}" for r in range(3, 31, 2)]
    table = read_xlsx(merged_workbook(tmp_path / "m.xlsx", rows, ranges))
    assert all(cells[2] == "1" for _, cells in table.rows[1:])
    assert [(p.line, p.col, p.message) for p in table.problems] == [
        (3, 3, "merged cells C3:C4, C5:C6, C7:C8, C9:C10, C11:C12 and 9 more read as their "
               "value in every row they span")]


@pytest.mark.parametrize("piece", [1, 7, 100])
def test_merged_ranges_found_when_the_sheet_is_read_in_small_pieces(tmp_path: Path,
                                                                    piece: int) -> None:
    book = merged_workbook(tmp_path / "m.xlsx", MERGED_ROWS, ["D3:D5", "C3:C5"])
    with mock.patch.object(xlsxread, "_FORMULA_PIECE", piece):
        table = read_xlsx(book)
    assert [cells[2:] for _, cells in table.rows][1:4] == [["1", "Eng"]] * 3


def formulas_workbook(path: Path, computed: bool) -> Path:
    """Two managers given by formulas (=A2, =A3) in column F, their values computed or not
    (openpyxl writes formulas without values, as scripts do; Excel saves them with)."""
    book = Workbook()
    sheet = book.active
    sheet.title = "People"
    for row in [HEADER, *ROWS[:2], [1002, "Lee", "Chen", "PM", "P", "=A3"],
                [1003, "Ana", "Silva", "PM", "P", "=A3"]]:
        sheet.append(row)
    book.save(path)
    if computed:  # (as Excel writes them: the formula and the value it last computed)
        with zipfile.ZipFile(path) as archive:
            parts = {name: archive.read(name) for name in archive.namelist()}
        sheet_xml = parts["xl/worksheets/sheet1.xml"]
        assert sheet_xml.count(b"<f>A3</f><v></v>") == 2
        parts["xl/worksheets/sheet1.xml"] = sheet_xml.replace(b"<f>A3</f><v></v>",
                                                              b"<f>A3</f><v>1001</v>")
        with zipfile.ZipFile(path, "w") as archive:
            for name, data in parts.items():
                archive.writestr(name, data)
    return path


def test_formulas_without_computed_values_are_reported(tmp_path: Path) -> None:
    table = read_xlsx(formulas_workbook(tmp_path / "p.xlsx", computed=False))
    [problem] = table.problems
    assert (problem.file, problem.line, problem.col, problem.level) == \
        (str(tmp_path / "p.xlsx"), 4, 6, "warning")
    assert problem.message.startswith("2 formula cells have no computed value and read as "
                                      "empty")
    assert [cells[5] for _, cells in table.rows] == ["", "1000", "", ""]
    result = import_csv(tmp_path / "p.xlsx", ImportOptions(keep_going=True))
    assert (problem.line, problem.col) in {(p.line, p.col) for p in result.problems
                                           if p.rule == "csv"}


@pytest.mark.parametrize("piece", [1, 50, 333])
def test_formulas_found_when_the_sheet_is_read_in_small_pieces(tmp_path: Path,
                                                               piece: int) -> None:
    book = Workbook()
    sheet = book.active
    sheet.append(["EmployeeId", "Name", "ManagerId"])
    for i in range(2, 60):
        sheet.append([i, f"N{i}", f"=A{i - 1}" if i % 3 == 0 else i - 1])
    book.save(tmp_path / "p.xlsx")
    with mock.patch.object(xlsxread, "_FORMULA_PIECE", piece):
        [problem] = read_xlsx(tmp_path / "p.xlsx").problems
    assert (problem.line, problem.col) == (3, 3)
    assert problem.message.startswith("19 formula cells have no computed value")


def test_many_uncomputed_formulas_are_counted_with_thousands_separators(tmp_path: Path) -> None:
    book = Workbook()
    sheet = book.active
    sheet.append(["EmployeeId", "Name", "ManagerId"])
    sheet.append([1, "N1", None])
    for i in range(2, 1_202):
        sheet.append([i, f"N{i}", "=A2"])
    book.save(tmp_path / "p.xlsx")
    [problem] = read_xlsx(tmp_path / "p.xlsx").problems
    assert problem.message.startswith("1,200 formula cells have no computed value")


def test_formulas_read_as_the_values_last_computed(tmp_path: Path) -> None:
    table = read_xlsx(formulas_workbook(tmp_path / "p.xlsx", computed=True))
    assert table.problems == []
    assert [cells[5] for _, cells in table.rows] == ["", "1000", "1001", "1001"]


def test_command_line(run: Callable[..., Any], tmp_path: Path) -> None:
    workbook(tmp_path / "people.xlsx", {"People": [HEADER, *ROWS]})
    csv_file(tmp_path / "people.csv", [HEADER, *ROWS])
    done = run("import", "people.xlsx", "-o", "acme.yaml")
    assert done.exit_code == 0, done.output
    assert "imported 5 positions to acme.yaml" in done.output
    assert "name: Ravi Shah" in (tmp_path / "acme.yaml").read_text(encoding="utf-8")
    wrong = run("import", "people.csv", "--sheet", "People")
    assert wrong.exit_code == 2
    assert wrong.output.strip() == ("orgviz: people.csv: sheet (--sheet) picks a sheet of an "
                                    ".xlsx workbook; this file is read as CSV")
    encoded = run("import", "people.xlsx", "--encoding", "cp1252")
    assert encoded.exit_code == 2
    assert ("encoding (--encoding) and delimiter (--delimiter) are for CSV files, not "
            "workbooks") in encoded.output


def test_a_workbook_is_known_by_its_content(tmp_path: Path) -> None:
    """A workbook saved under a CSV's name imports as the workbook (was: "this is a zip file
    ... name it .xlsx"), its problems at the sheet's rows."""
    rows = [HEADER, *ROWS, [1005, "Ann", "Lee", "PM", "P", 4242]]
    named = workbook(tmp_path / "people.xlsx", {"People": rows})
    misnamed = tmp_path / "people.csv"
    misnamed.write_bytes(named.read_bytes())
    options = ImportOptions(keep_going=True)
    from_book, from_misnamed = import_csv(named, options), import_csv(misnamed, options)
    assert body(from_misnamed.text.replace("people.csv:", "people.xlsx:")) == body(
        from_book.text)
    assert "from people.csv (6 rows, sheet 'People')" in from_misnamed.text
    [problem] = [p for p in from_misnamed.problems if p.rule == "unknown-manager"]
    assert (problem.file, problem.line, problem.col) == (str(misnamed), 7, 6)


def test_a_workbook_on_standard_input(run: Callable[..., Any], tmp_path: Path) -> None:
    from click.testing import CliRunner

    from orgviz.cli import main

    data = workbook(tmp_path / "people.xlsx", {"Summary": [["Total", 5]],
                                               "People": [HEADER, *ROWS]}).read_bytes()
    runner = CliRunner()
    done = runner.invoke(main, ["import", "-", "--sheet", "People", "-o",
                                str(tmp_path / "acme.yaml")], input=data)
    assert done.exit_code == 0, done.output
    written = (tmp_path / "acme.yaml").read_text(encoding="utf-8")
    assert "from <stdin> (5 rows, sheet 'People')" in written
    assert "name: Ravi Shah" in written
    wrong = runner.invoke(main, ["import", "-", "--sheet", "Staff"], input=data)
    assert (wrong.exit_code, wrong.output.strip()) == (
        2, "orgviz: <stdin>: no sheet named 'Staff' (sheets: 'Summary', 'People')")
    delimited = runner.invoke(main, ["import", "-", "--delimiter", ";"], input=data)
    assert (delimited.exit_code, delimited.output.strip()) == (
        2, "orgviz: <stdin>: encoding (--encoding) and delimiter (--delimiter) are for CSV "
           "files, not workbooks")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("people.csv", "id,name\n1,Ana\n")
    zipped = runner.invoke(main, ["import", "-"], input=buffer.getvalue())
    assert (zipped.exit_code, zipped.output) == (
        1, "<stdin>:1:1: error [csv] this is a zip file (no Excel workbook in it), not CSV: "
           "unzip it and import the CSV or .xlsx file inside\n")


# (an Excel error's text, '#N/A', is read as empty from a workbook and from its CSV alike)
NAMES = st.text(st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp")), max_size=12
                ) | st.sampled_from(sorted(EXCEL_ERRORS))


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(NAMES, NAMES, st.one_of(st.none(), st.integers(0, 9))),
                min_size=1, max_size=8))
def test_any_sheet_imports_as_its_csv_export(tmp_path: Path,
                                             people: list[tuple[str, str, int | None]]) -> None:
    rows = [["id", "name", "title", "manager"]]
    rows += [[100 + i, name, title, None if boss is None else 100 + boss]
             for i, (name, title, boss) in enumerate(people)]
    book = workbook(tmp_path / "p.xlsx", {"People": rows})
    export = csv_file(tmp_path / "p.csv", rows)
    options = ImportOptions(keep_going=True, allow_forest=True)
    from_book, from_csv = import_csv(book, options), import_csv(export, options)
    assert body(from_book.text.replace("p.xlsx", "p.csv")) == body(from_csv.text)
    assert [(p.line, p.rule, p.message) for p in from_book.problems] == \
        [(p.line, p.rule, p.message) for p in from_csv.problems]


def test_cells_of_invisible_characters_alone_read_as_empty_as_in_a_csv(tmp_path: Path
                                                                        ) -> None:
    # (a soft hyphen alone was kept as a title from a sheet and read as empty from its CSV)
    rows = [["id", "name", "title", "manager"], [100, "Ana", "\xad", None],
            [101, "Ben", "\u200b\u200d", 100], ["\u200b", "\xad", "\ufeff", None],
            [102, "Cy", "PM", 100]]
    book = workbook(tmp_path / "p.xlsx", {"People": rows})
    export = csv_file(tmp_path / "p.csv", rows)
    from_book, from_csv = import_csv(book), import_csv(export)
    assert body(from_book.text.replace("p.xlsx", "p.csv")) == body(from_csv.text)
    said = [(p.line, p.col, p.level, p.rule, p.message) for p in from_book.problems
            if p.rule == "csv"]
    assert said == [(p.line, p.col, p.level, p.rule, p.message) for p in from_csv.problems
                    if p.rule == "csv"]
    assert (2, 3, "warning", "csv", "the cell holds invisible characters alone (U+00AD): "
            "read as empty (and 1 more cell)") in said  # (not the skipped row's)
    assert any(line == 4 and "skipped" in message for line, _c, _l, _r, message in said)
    assert from_book.org.by_id["100"].title is None
    assert from_book.org.by_id["101"].title is None


def test_hostile_and_long_cells_read_as_in_a_csv(tmp_path: Path) -> None:
    hostile = ['<b>x</b> & "q"', "=HYPERLINK(\"http://x\")", "a\nb", "x" * 600, "\u202eevil"]
    rows = [HEADER, ROWS[0], *[[1001 + i, text, "Z", "PM", "P", 1000]
                               for i, text in enumerate(hostile)]]
    book = workbook(tmp_path / "p.xlsx", {"P": rows})
    export = csv_file(tmp_path / "p.csv", rows)
    options = ImportOptions(keep_going=True)
    from_book, from_csv = import_csv(book, options), import_csv(export, options)
    assert body(from_book.text.replace("p.xlsx", "p.csv")) == body(from_csv.text)
    assert [(p.rule, p.message) for p in from_book.problems] == \
        [(p.rule, p.message) for p in from_csv.problems]
    cuts = [(p.line, p.col) for p in from_book.problems if p.rule == "truncated"]
    assert cuts and set(cuts) == {(6, 2)}  # the sheet's row 6, column B
    assert from_book.org.by_id["1001"].name == '<b>x</b> & "q" Z'  # text, as written


def test_a_row_whose_only_values_are_right_of_the_header_is_skipped(tmp_path: Path) -> None:
    rows = [HEADER, *ROWS[:2], [None] * (len(HEADER) + 1) + ["stray"], ROWS[2]]
    table = read_xlsx(workbook(tmp_path / "p.xlsx", {"P": rows}))
    assert [(p.line, p.level, p.message) for p in table.problems] == [
        (4, "warning", "values right of the last named column are ignored"),
        (4, "info", "a row holds no value: skipped (row 4)")]
    assert [number for number, _cells in table.rows] == [2, 3, 5]


@pytest.mark.parametrize(("summary", "says"), [
    ([["Headcount report", None], ["Total", 5], ["Open", 1]], "no id or name column found"),
    ([["Name", "Title"], ["Dana Reyes", "CEO"]], "no manager column found"),
])
def test_a_missing_column_names_the_other_sheets(tmp_path: Path, summary: list[list[Any]],
                                                 says: str) -> None:
    from orgviz.errors import OrgvizError

    book = workbook(tmp_path / "export.xlsx", {"Summary": summary, "People": [HEADER, *ROWS],
                                                "Notes": [["a", "b"], ["c", "d"]]})
    with pytest.raises(OrgvizError) as caught:
        import_csv(book)
    message = str(caught.value)
    assert says in message
    assert message.endswith("(read sheet 'Summary' of 3; the others: 'People', 'Notes'; "
                            "sheet (--sheet) picks one): give the "
                            f"{'id' if 'id' in says else 'manager'} column (--"
                            f"{'id' if 'id' in says else 'manager'} COLUMN)")
    assert len(import_csv(book, ImportOptions(sheet="People")).org.people) == len(ROWS)


@pytest.mark.parametrize("rows", [
    [HEADER],
    [["Staff list"], HEADER],
    [HEADER, [None] * len(HEADER), [None] * (len(HEADER) + 1) + ["stray"]],
])
def test_a_sheet_with_a_header_and_no_rows_is_an_error(tmp_path: Path,
                                                       rows: list[list[Any]]) -> None:
    # (as a CSV of a header alone: it wrote an org of 0 positions, exit 0)
    book = workbook(tmp_path / "p.xlsx", {"Staff": rows})
    with pytest.raises(OrgLoadError) as caught:
        import_csv(book)
    header_row = len(rows) - (2 if len(rows) == 3 else 0)
    assert [(p.file, p.line, p.col, p.level, p.rule, p.message)
            for p in caught.value.problems] == [
        (str(book), header_row + 1, 1, "error", "csv",
         "sheet 'Staff' has a header but no rows: nothing to import")]


def test_a_missing_column_names_three_other_sheets_and_how_many_more(tmp_path: Path
                                                                      ) -> None:
    from orgviz.errors import OrgvizError

    sheets = {f"S{i}": [["Name", "Title"], ["Dana Reyes", "CEO"]] for i in range(1, 7)}
    with pytest.raises(OrgvizError) as caught:
        import_csv(workbook(tmp_path / "export.xlsx", sheets))
    assert str(caught.value).endswith("(read sheet 'S1' of 6; the others: 'S2', 'S3', 'S4' "
                                      "and 2 more; sheet (--sheet) picks one): give the "
                                      "manager column (--manager COLUMN)")


def test_a_sheet_with_a_header_and_no_rows_names_the_other_sheets(tmp_path: Path) -> None:
    book = workbook(tmp_path / "p.xlsx", {"Summary": [["Total", 5]], "People": [HEADER, *ROWS]})
    with pytest.raises(OrgLoadError) as caught:
        import_csv(book)
    assert [(p.line, p.col, p.message) for p in caught.value.problems] == [
        (2, 1, "sheet 'Summary' has a header but no rows: nothing to import (the others: "
               "'People'; sheet (--sheet) picks one)")]


def test_excel_error_cells_read_as_empty_with_a_warning(tmp_path: Path) -> None:
    # (a failed lookup's '#N/A' was imported as a person's name, '#REF!' as a team)
    rows = [["Title row"], HEADER, *ROWS[:3]]
    rows[3] = [1001, "#N/A", "#N/A", "VP of Product", "#REF!", 1000]
    book = workbook(tmp_path / "people.xlsx", {"People": rows})
    result = import_csv(book)
    assert [(p.line, p.col, p.level, p.message) for p in result.problems
            if p.level == "warning"] == [
        (4, 2, "warning", "the cell holds the Excel error #N/A (and 2 more cells): read as "
                          "empty (a formula that failed; fix it in the workbook)")]
    person = result.org.by_id["1001"]
    assert (person.name, person.team, person.vacant) == (None, None, True)
    assert "#N/A" not in result.text and "#REF!" not in result.text


def test_an_empty_first_sheet_names_the_others(tmp_path: Path) -> None:
    # (a workbook with an empty cover sheet said only "sheet 'Cover' is empty")
    book = workbook(tmp_path / "p.xlsx", {"Cover": [], "Staff": [HEADER, *ROWS]})
    with pytest.raises(OrgLoadError) as caught:
        import_csv(book)
    assert [(p.line, p.col, p.message) for p in caught.value.problems] == [
        (1, 1, "sheet 'Cover' is empty: expected a header row and one row per person (the "
               "others: 'Staff'; sheet (--sheet) picks one)")]
    assert len(import_csv(book, ImportOptions(sheet="Staff")).org.people) == len(ROWS)


def test_a_sheets_rows_without_a_value_are_said_as_in_its_csv_export(tmp_path: Path) -> None:
    # (a sheet dropped them silently: an empty row, one of Excel errors alone inside the
    # table and one below it, where its CSV export says "3 rows hold no value: skipped")
    rows = [HEADER, ROWS[0], [None] * len(HEADER), ["#N/A"] * len(HEADER), ROWS[1],
            ["#REF!", None, "#N/A"]]
    book = workbook(tmp_path / "p.xlsx", {"P": rows})
    export = csv_file(tmp_path / "p.csv", rows)
    said = "3 rows hold no value: skipped (rows 3, 4, 6)"
    for path in (book, export):
        result = import_csv(path)
        assert [(p.line, p.col, p.level, p.rule, p.message) for p in result.problems
                if p.rule == "csv"] == [(3, 1, "info", "csv", said)], path
        assert [p.id for p in result.org.people] == ["1000", "1001"]
    # (numbered as the sheet numbers them, under title rows; a row of the sheet that holds
    # formatting alone below the table is no row of it, as it is none of a CSV export)
    sheet_rows = [["Staff list"], [], HEADER, ROWS[0], [], ROWS[1]]
    path = workbook(tmp_path / "t.xlsx", {"P": sheet_rows})
    from openpyxl import load_workbook
    from openpyxl.styles import Font

    formatted = load_workbook(path)
    formatted["P"].cell(8, 2).font = Font(bold=True)  # (row 8: a cell without a value)
    formatted.save(path)
    table = read_xlsx(path)
    assert [(p.line, p.level, p.message) for p in table.problems] == [
        (3, "info", "the header is on row 3: the rows above it are skipped ('Staff list' ...)"),
        (5, "info", "a row holds no value: skipped (row 5)")]
    assert [number for number, _cells in table.rows] == [4, 6]
    # (an empty row between two rows of Excel errors alone below the table is a row of
    # commas in the CSV export too: it was left out, "rows 3, 5, 7" where the CSV said 3-7)
    pad = [None] * (len(HEADER) - 1)
    rows = [HEADER, ROWS[0], ROWS[1], ["#N/A", *pad], [None, *pad], ["#REF!", *pad]]
    book = workbook(tmp_path / "g.xlsx", {"P": rows})
    export = csv_file(tmp_path / "g.csv", rows)
    for path in (book, export):
        assert [p.message for p in import_csv(path).problems if p.rule == "csv"] == [
            "3 rows hold no value: skipped (rows 4, 5, 6)"], path


def test_a_compressed_file_named_xlsx_is_told_the_command_for_its_own_name(tmp_path: Path
                                                                          ) -> None:
    # (said "gzip -dc FILE > ...": the reader of a workbook did not pass the file's name)
    import gzip

    (tmp_path / "p.xlsx").write_bytes(gzip.compress(b"id,name\n1,a\n"))
    with pytest.raises(OrgFileError) as caught:
        import_csv(tmp_path / "p.xlsx")
    assert str(caught.value) == (
        f"{tmp_path / 'p.xlsx'}: this is a gzip-compressed file, not an .xlsx workbook: "
        f"decompress it (gzip -dc {tmp_path / 'p.xlsx'} > {tmp_path / 'p.decompressed.xlsx'}) "
        "and import the file inside")
