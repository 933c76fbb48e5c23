"""Excel error values (#N/A, #REF! ...) in a CSV saved from a sheet: read as in a workbook."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import Workbook

from orgviz.errors import OrgvizError
from orgviz.io.csvimport import ImportOptions, import_csv
from orgviz.io.csvread import EXCEL_ERRORS, parse_csv
from orgviz.io.export import to_csv
from orgviz.model import NO_LOC, Org, Person

HEADER = ["EmployeeId", "Name", "JobTitle", "Department", "ManagerId"]
ROWS = [["1000", "Dana Reyes", "Chief Executive Officer", "Exec", ""],
        ["1001", "#N/A", "VP of Product", "#REF!", "1000"],
        ["1002", "Lee Chen", "#VALUE!", "Product", "#N/A"]]
WARNING = ("the cell holds the Excel error #N/A (and 3 more cells): read as empty (a formula that "
           "failed; fix it in the workbook)")


def _csv_and_book(folder: Path, rows: list[list[str]]) -> tuple[Path, Path]:
    """The same rows as people.csv and as the sheet of people.xlsx in `folder`."""
    path = folder / "people.csv"
    path.write_text(_csv_text(rows, False), encoding="utf-8", newline="")
    book = Workbook()
    for row in rows:
        book.active.append(row)
    book.save(folder / "people.xlsx")
    return path, folder / "people.xlsx"


def _csv_text(rows: list[list[str]], quoted: bool) -> str:
    out = io.StringIO(newline="")
    csv.writer(out, quoting=csv.QUOTE_ALL if quoted else csv.QUOTE_MINIMAL).writerows(rows)
    return out.getvalue()


@pytest.mark.parametrize("quoted", [False, True], ids=["plain", "quoted"])
def test_error_values_of_a_csv_read_as_empty_as_in_the_workbook(tmp_path: Path,
                                                                quoted: bool) -> None:
    # ('#N/A' was imported as the name of row 3, '#REF!' as a team, '#VALUE!' as a title)
    book = Workbook()
    sheet = book.active
    for row in [HEADER, *ROWS]:
        sheet.append(row)
    book.save(tmp_path / "people.xlsx")
    path = tmp_path / "people.csv"
    path.write_text(_csv_text([HEADER, *ROWS], quoted), encoding="utf-8", newline="")
    options = ImportOptions(keep_going=True, allow_forest=True)
    from_csv = import_csv(path, options)
    from_book = import_csv(tmp_path / "people.xlsx", options)
    assert [(p.line, p.col, p.level, p.rule, p.message) for p in from_csv.problems
            if p.rule == "csv"] == [(3, 2, "warning", "csv", WARNING)]
    assert [tuple(p)[1:] for p in from_csv.problems] == [tuple(p)[1:]
                                                         for p in from_book.problems]
    assert not any(error in from_csv.text for error in EXCEL_ERRORS)
    vacancy, lee = from_csv.org.by_id["1001"], from_csv.org.by_id["1002"]
    assert (vacancy.name, vacancy.team, vacancy.vacant) == (None, None, True)
    assert (lee.title, lee.reports_to) == (None, None)


def test_a_cell_only_like_an_error_value_is_kept() -> None:
    # (the header's '#' and cells that merely hold one are no error values)
    text = "Employee #,Name,Note\n1,#N/A x,#1 fan\n2,# REF!,#n/a\n3,x #REF!,#N/A#N/A\n"
    table = parse_csv(text.encode(), "p.csv")
    assert table.rows == [(2, ["1", "#N/A x", "#1 fan"]), (3, ["2", "# REF!", "#n/a"]),
                          (4, ["3", "x #REF!", "#N/A#N/A"])]
    assert table.problems == []


#: Error values with spaces around them, as a padded or hand-edited export has them.
PADDED = [" #REF! ", " #N/A", "#VALUE!  ", "\u00a0#NAME?"]


@pytest.mark.parametrize("padded", PADDED)
def test_an_error_value_with_spaces_around_it_is_the_error_value(padded: str) -> None:
    # (' #REF! ' was kept as a text: a name ' #REF! ' imported, the bare '#REF!' emptied)
    bare = padded.strip()
    for quoted in (False, True):
        rows = [["id", "name", "note"], ["1", "Ann", "x"], ["2", padded, "y"]]
        table = parse_csv(_csv_text(rows, quoted).encode(), "p.csv")
        assert table.rows == [(2, ["1", "Ann", "x"]), (3, ["2", "", "y"])]
        assert [(p.line, p.col, p.message) for p in table.problems] == [
            (3, 2, f"the cell holds the Excel error {bare}: read as empty (a formula that "
                   "failed; fix it in the workbook)")]


PADDED_ROWS = [["EmployeeId", "Name", " #REF! ", "ManagerId"], ["1000", "Dana", "x", ""],
               ["1001", " #N/A ", "y", "1000"], ["1002", "Lee", "z", "#VALUE!  "]]


@pytest.mark.parametrize("quoted", [False, True], ids=["plain", "quoted"])
@pytest.mark.parametrize("above", [[], [["People"]]], ids=["header-first", "title-line-above"])
def test_padded_error_values_read_as_the_bare_ones_in_a_csv_and_a_workbook(
        tmp_path: Path, quoted: bool, above: list[list[str]]) -> None:
    # Each padded error value behaves as the bare one: emptied, said at the same cell with
    # the same words, in the header (a column without a name) and in the cells.
    bare_rows = [[cell.strip() if cell.strip() in EXCEL_ERRORS else cell for cell in row]
                 for row in PADDED_ROWS]
    options = ImportOptions(keep_going=True)
    said = {}
    for name, rows in (("padded", PADDED_ROWS), ("bare", bare_rows)):
        folder = tmp_path / name
        folder.mkdir()
        path, book = _csv_and_book(folder, above + rows)
        path.write_text(_csv_text(above + rows, quoted), encoding="utf-8", newline="")
        from_csv, from_book = import_csv(path, options), import_csv(book, options)
        said[name] = [[tuple(p)[1:] for p in result.problems] for result in
                      (from_csv, from_book)]
        assert from_csv.text.replace("people.csv", "people.xlsx").replace(
            "utf-8", "sheet 'Sheet'") == from_book.text
        said[name + " text"] = [from_csv.text.replace(str(tmp_path / name), "")]
    assert said["padded"] == said["bare"]
    assert said["padded text"] == said["bare text"]
    line = 1 + len(above)
    csv_said = [p for p in said["padded"][0] if p[3] == "csv" and p[2] == "warning"]
    assert csv_said == [
        (line, 3, "warning", "csv", HEADER_WARNING.format(col=3, value="#REF!")),
        (line + 2, 2, "warning", "csv", "the cell holds the Excel error #N/A (and 1 more "
                                        "cell): read as empty (a formula that failed; fix it "
                                        "in the workbook)")]


CELLS = st.sampled_from(sorted(EXCEL_ERRORS)) | st.sampled_from(["Ann", "#", "x#N/A", ""]) | \
    st.sampled_from([" #N/A", "#REF! ", " #NAME? ", "# N/A", "C# dev"])


@settings(max_examples=60, deadline=None)
@given(st.lists(st.lists(CELLS, min_size=3, max_size=3), min_size=1, max_size=6),
       st.booleans())
def test_every_error_value_of_a_csv_is_emptied_and_the_first_is_named(
        rows: list[list[str]], quoted: bool) -> None:
    rows = [["a", "b", "c"], ["1", "2", "3"], *rows]  # (a first row with values: kept)
    table = parse_csv(_csv_text(rows, quoted).encode(), "p.csv")
    emptied = [[("" if cell.strip() in EXCEL_ERRORS else cell) for cell in cells]
               for cells in rows[1:]]
    # (the errors of the rows read: a row of them alone is skipped, and not said)
    found = [(line, col, cell.strip()) for line, cells in enumerate(rows[1:], start=2)
             for col, cell in enumerate(cells, start=1) if cell.strip() in EXCEL_ERRORS
             and any(c.strip() for c in emptied[line - 2])]
    assert [cells for _line, cells in table.rows] == [
        cells for cells in emptied if any(c.strip() for c in cells)]
    warnings = [p for p in table.problems if p.message.startswith("the cell holds")]
    if not found:
        assert warnings == []
    else:
        (warning,) = warnings
        line, col, value = found[0]
        more = (f" (and {len(found) - 1:,} more cell{'' if len(found) == 2 else 's'})"
                if len(found) > 1 else "")
        assert (warning.line, warning.col, warning.level) == (line, col, "warning")
        assert warning.message.startswith(f"the cell holds the Excel error {value}{more}: ")


@pytest.mark.parametrize("text", [*sorted(EXCEL_ERRORS), " #N/A", "#REF! ", " #VALUE! "])
def test_an_org_text_that_is_an_error_value_round_trips(tmp_path: Path, text: str) -> None:
    # export guards it with a quote, as a formula ('#N/A' would read as empty), which import
    # drops; a padded one too (export wrote ' #N/A' unguarded, which import now reads as the
    # error: empty)
    org = Org(file="t.yaml", name="t", size="small", people=(
        Person(id="a", loc=NO_LOC, name=text, title=text),))
    exported = to_csv(org)
    assert exported.splitlines()[1] == f"a,'{text},'{text},,,,,,,,,"
    path = tmp_path / "org.csv"
    path.write_text(exported, encoding="utf-8", newline="")
    result = import_csv(path)
    (person,) = result.org.people
    assert (person.name, person.title) == (text, text)
    assert [p for p in result.problems if p.rule == "csv"] == []


HEADER_WARNING = ("the header of column {col} is the Excel error {value}: read as a column "
                  "without a name, not imported (a formula that failed; fix it in the "
                  "workbook)")


@pytest.mark.parametrize("quoted", [False, True], ids=["plain", "quoted"])
@pytest.mark.parametrize("above", [[], [[]], [["People"]]],
                         ids=["header-first", "blank-line-above", "title-line-above"])
def test_an_error_value_in_the_header_is_a_column_without_a_name_as_in_the_workbook(
        tmp_path: Path, quoted: bool, above: list[list[str]]) -> None:
    # (a CSV kept '#REF!' as the name of column 3, silently, the workbook emptied it; below
    # a title line, a CSV's said "the cell holds the Excel error #REF!")
    rows = [["id", "name", "#REF!", "manager"], ["1", "Ada", "x", ""], ["2", "Bob", "y", "1"]]
    book = Workbook()
    sheet = book.active
    for row in above + rows:
        sheet.append(row)
    book.save(tmp_path / "people.xlsx")
    path = tmp_path / "people.csv"
    path.write_text(_csv_text(above + rows, quoted), encoding="utf-8", newline="")
    from_csv = import_csv(path)
    from_book = import_csv(tmp_path / "people.xlsx")
    line = 1 + len(above)
    expected = (line, 3, "warning", "csv", HEADER_WARNING.format(col=3, value="#REF!"))
    titled = [(line, 1, "info", "csv", "the header is on line 2: the lines above it are "
                                       "skipped ('People' ...)")] if above == [["People"]] else []
    assert [tuple(p)[1:] for p in from_csv.problems] == [*titled, expected]
    assert [tuple(p)[1:] for p in from_book.problems] == [
        *((line, 1, "info", "csv", "the header is on row 2: the rows above it are skipped "
                                   "('People' ...)") for _ in titled), expected]
    assert "#REF!" not in from_csv.text
    assert "# Not imported: column 3\n" in from_csv.text
    assert from_csv.text.replace("people.csv", "people.xlsx").replace(
        "utf-8", "sheet 'Sheet'") == from_book.text


def test_header_and_cell_errors_are_one_warning_each(tmp_path: Path) -> None:
    path = tmp_path / "people.csv"
    path.write_text("id,#N/A,#N/A,manager\n1,Ada,#NAME?,\n2,#N/A,y,1\n", encoding="utf-8")
    result = import_csv(path)
    assert [(p.line, p.col, p.message) for p in result.problems if p.rule == "csv"] == [
        (1, 2, "the header of column 2 is the Excel error #N/A (and 1 more cell): read as a column "
               "without a name, not imported (a formula that failed; fix it in the workbook)"),
        (2, 3, "the cell holds the Excel error #NAME? (and 1 more cell): read as empty (a formula "
               "that failed; fix it in the workbook)")]


@pytest.mark.parametrize("title", [["#REF!"], ["Org report", "#REF!"]],
                         ids=["error-alone", "error-beside-a-title"])
def test_an_error_value_on_a_skipped_title_line_is_not_said(tmp_path: Path,
                                                           title: list[str]) -> None:
    # (an error on a title line above the header was said at 1:1, "the cell holds the Excel
    # error #REF! and 1 more", and counted with the rows' errors, on a line that is skipped)
    rows = [title, [], ["id", "name", "#REF!", "manager_id"], ["a", "Ann", "x", ""],
            ["b", "Bob", "#N/A", "a"]]
    path, book = _csv_and_book(tmp_path, rows)
    quoted = "" if title == ["#REF!"] else " ('Org report' ...)"
    for result, line in ((import_csv(path), "line"), (import_csv(book), "row")):
        said = [(p.line, p.col, p.message) for p in result.problems if p.rule == "csv"]
        assert said == [
            *([(3, 1, f"the header is on {line} 3: the {line}s above it are skipped{quoted}")]
              if quoted or line == "line" else []),
            (3, 3, HEADER_WARNING.format(col=3, value="#REF!")),
            (5, 3, "the cell holds the Excel error #N/A: read as empty (a formula that "
                   "failed; fix it in the workbook)")]


@pytest.mark.parametrize("above", [[], [["Staff list"]]], ids=["header-first", "below-a-title"])
@pytest.mark.parametrize("header, missing, option", [
    (["id", "name", "title", "#REF!"], "manager column found (looked for ReportsTo, "
     "manager_id, parentId, Supervisor ...)", "the manager column (--manager"),
    (["#N/A", "title", "manager_id"], "id or name column found (looked for EmployeeId, "
     "employee_id, id, Name ...)", "the id column (--id"),
    (["id", "name", "title", " #REF!"], "manager column found (looked for ReportsTo, "
     "manager_id, parentId, Supervisor ...)", "the manager column (--manager"),  # (padded)
    (["#N/A ", "title", "manager_id"], "id or name column found (looked for EmployeeId, "
     "employee_id, id, Name ...)", "the id column (--id")], ids=["manager", "id", "padded-manager",
                                                  "padded-id"])
def test_a_needed_column_whose_header_is_an_error_value_is_named_in_the_error(
        tmp_path: Path, above: list[list[str]], header: list[str], missing: str,
        option: str) -> None:
    # (the header's warning was lost with the import: "no manager column found", no place)
    rows = [*above, header, ["a", "Ann", "x", ""][: len(header)]]
    path, book = _csv_and_book(tmp_path, rows)
    col = header.index(next(h for h in header if h.strip().startswith("#"))) + 1
    for source in (path, book):
        with pytest.raises(OrgvizError) as caught:
            import_csv(source)
        assert str(caught.value) == (
            f"{source}:{1 + len(above)}:{col}: no {missing} (the header of column {col} is the "
            f"Excel error {header[col - 1].strip()}: a formula that failed; fix it in the "
            f"workbook): give {option} COLUMN)")


@settings(max_examples=60, deadline=None)
@given(st.lists(st.lists(CELLS, min_size=3, max_size=3), min_size=1, max_size=6))
def test_a_file_with_error_cells_keeps_its_columns(rows: list[list[str]]) -> None:
    # (one '#N/A' anywhere made the whole file be read row by row, ~35% slower)
    # (a row of error values alone is a blank row, skipped: read by rows, as one of commas)
    rows = [["a", "b", "c", "d"], ["1", "2", "3", "4"], *([*cells, "x"] for cells in rows)]
    plain = parse_csv(_csv_text(rows, False).encode(), "p.csv")
    quoted = parse_csv(_csv_text(rows, True).encode(), "p.csv")  # (quote marks: by rows)
    assert plain.columns is not None
    assert quoted.columns is None
    assert plain.rows == quoted.rows
    assert plain.problems == quoted.problems


@pytest.mark.parametrize("source", ["plain", "quoted", "xlsx"])
@pytest.mark.parametrize("later", [True, False], ids=["an-error-read", "no-error-read"])
def test_a_row_of_error_values_alone_is_skipped_and_not_said_in_the_warning(
        tmp_path: Path, source: str, later: bool) -> None:
    # (its cells, read as empty, make a row without a value, skipped: the warning pointed at
    # it, "3:1: the cell holds the Excel error #N/A and 2 more", counting cells not read)
    rows = [["id", "name", "manager_id"], ["1", "Ann", ""], ["#N/A", "#N/A", "#REF!"],
            ["2", "Bob", "1"], ["3", "#N/A" if later else "Cy", "1"]]
    path, book = _csv_and_book(tmp_path, rows)
    if source == "quoted":
        path.write_text(_csv_text(rows, True), encoding="utf-8", newline="")
    result = import_csv(book if source == "xlsx" else path)
    said = [(p.line, p.col, p.level, p.message) for p in result.problems if p.rule == "csv"]
    # (a sheet's row of errors alone is said as a CSV's is: it was dropped silently)
    skipped = [(3, 1, "info", "a row holds no value: skipped (row 3)")]
    assert said == skipped + ([(5, 2, "warning", "the cell holds the Excel error #N/A: read "
                                "as empty (a formula that failed; fix it in the workbook)")]
                              if later else [])
    assert [p.id for p in result.org.people] == ["1", "2", "3"]
