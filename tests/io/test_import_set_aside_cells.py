"""The once-a-file warnings on cells read as empty (an Excel error value such as #N/A, a cell
of invisible characters alone) speak of the rows imported only: they count, and point at
the first of, the cells of those rows, as the other findings about values do
(test_import_set_aside_values.py). A row set aside (a history row, by its status, current
flag or end date; an eliminated post; a future-dated row) is neither imported nor left
out: its cells are nobody's value, and the row is said by its own finding; a warning
pointing at it would send the user to fix a value the import does not read."""

from __future__ import annotations

import datetime
import tempfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import Workbook

from orgviz.io.csvimport import ImportOptions, ImportResult, import_csv
from orgviz.io.csvread import parse_csv

DAY = datetime.date(2025, 6, 1)
HEADER = ["Employee ID", "Name", "Manager ID", "Title", "Location", "Status", "Current",
          "Effective Start Date", "Effective End Date"]
#: The boss, then a row set aside for each reason, each with an Excel error in its title
#: and a zero-width space alone as its location.
SET_ASIDE = [
    ["1", "Ada Boss", "", "CEO", "Leeds", "Active", "Y", "2015-03-01", ""],
    ["2", "Bo Status", "1", "#N/A", "\u200b", "Terminated", "Y", "2016-01-01", ""],
    ["3", "Cy Flag", "1", "#REF!", "\u200b", "Active", "N", "2016-01-01", ""],
    ["4", "Di Ended", "1", "#N/A", "\u200b", "", "", "2016-01-01", "2020-01-01"],
    ["5", "Eliminated", "1", "#N/A", "\u200b", "Active", "Y", "2018-01-01", ""],
    ["6", "Ed Later", "1", "#N/A", "\u200b", "Active", "Y", "2027-01-05", ""],
]
#: Rows 8 to 10, imported, each with an Excel error and a location of invisible characters.
IMPORTED = [
    ["7", "Fay Now", "1", "#VALUE!", "\u200c", "Active", "Y", "2020-02-02", ""],
    ["8", "Gus Now", "1", "#N/A", "\u200b", "Active", "Y", "2020-02-02", ""],
    ["9", "Hal Now", "1", "#N/A", "\u200b", "Active", "Y", "2020-02-02", ""],
]
ERROR_CELLS = ("the cell holds the Excel error #VALUE! (and 2 more cells): read as empty "
               "(a formula that failed; fix it in the workbook)")
INVISIBLE_CELLS = ("the cell holds invisible characters alone (U+200C): read as empty "
                   "(and 2 more cells)")


def write(folder: Path, ending: str, rows: list[list[str]]) -> Path:
    """The header and rows as people.csv, or as the one sheet of people.xlsx."""
    path = folder / f"people.{ending}"
    if ending == "csv":
        path.write_text("".join(",".join(row) + "\n" for row in [HEADER, *rows]),
                        encoding="utf-8")
    else:
        book = Workbook()
        for row in [HEADER, *rows]:
            book.active.append(row)
        book.save(path)
    return path


def imported(path: Path) -> ImportResult:
    """The import of a file as of DAY."""
    return import_csv(path, ImportOptions(reference_date=DAY))


def cell_warnings(result: ImportResult) -> list[tuple[int, int, str]]:
    """(line, column, message) of the warnings on cells read as empty."""
    return [(p.line, p.col, p.message) for p in result.problems
            if p.rule == "csv" and p.message.startswith("the cell holds")]


@pytest.mark.parametrize("ending", ["csv", "xlsx"])
def test_cells_of_rows_set_aside_are_not_counted_nor_pointed_at(tmp_path: Path,
                                                                 ending: str) -> None:
    # (before: "the cell holds the Excel error #N/A and 7 more" at row 3, a history row,
    # and the invisible characters' warning there too, "and 7 more cells")
    result = imported(write(tmp_path, ending, SET_ASIDE + IMPORTED))
    assert [p.id for p in result.org.people] == ["1", "7", "8", "9"]
    assert [r.line for r in result.dropped] == [3, 4, 5, 6, 7]
    assert cell_warnings(result) == [(8, 4, ERROR_CELLS), (8, 5, INVISIBLE_CELLS)]


@pytest.mark.parametrize("ending", ["csv", "xlsx"])
def test_cells_on_rows_set_aside_alone_are_not_said(tmp_path: Path, ending: str) -> None:
    # (every row set aside holds such cells, no row imported does: no warning at all)
    result = imported(write(tmp_path, ending, [*SET_ASIDE, ["7", "Fay Now", "1", "Analyst",
                                                            "York", "Active", "Y",
                                                            "2020-02-02", ""]]))
    assert [p.id for p in result.org.people] == ["1", "7"]
    assert cell_warnings(result) == []


@pytest.mark.parametrize("ending", ["csv", "xlsx"])
def test_a_row_imported_on_its_day_is_said_again(tmp_path: Path, ending: str) -> None:
    # (as of the day row 7 starts, it is imported: its cells are the first said)
    path = write(tmp_path, ending, SET_ASIDE + IMPORTED)
    result = import_csv(path, ImportOptions(reference_date=datetime.date(2027, 1, 5)))
    assert "6" in result.org.by_id
    assert cell_warnings(result) == [
        (7, 4, "the cell holds the Excel error #N/A (and 3 more cells): read as empty "
               "(a formula that failed; fix it in the workbook)"),
        (7, 5, "the cell holds invisible characters alone (U+200B): read as empty "
               "(and 3 more cells)")]


def test_an_eliminated_post_kept_keeps_its_cells_said(tmp_path: Path) -> None:
    # (an eliminated post that a row reports to is imported as an open position)
    rows = [SET_ASIDE[0], SET_ASIDE[4], ["7", "Fay Now", "5", "Analyst", "York", "Active",
                                         "Y", "2020-02-02", ""]]
    result = imported(write(tmp_path, "csv", rows))
    assert "5" in result.org.by_id
    assert cell_warnings(result) == [
        (3, 4, "the cell holds the Excel error #N/A: read as empty (a formula that failed; "
               "fix it in the workbook)"),
        (3, 5, "the cell holds invisible characters alone (U+200B): read as empty")]


def test_a_later_row_of_an_id_set_aside_is_not_said(tmp_path: Path) -> None:
    # (of two rows of id 7 with end dates, the later one is set aside as future-dated
    # while linking: after its cells were read)
    path = tmp_path / "people.csv"
    path.write_text("Employee ID,Name,Manager ID,Title,Effective End Date\n"
                    "1,Ada Boss,,CEO,4712-12-31\n"
                    "7,Fay Now,1,Analyst,2025-12-31\n"
                    "7,Fay Now,1,#N/A,4712-12-31\n", encoding="utf-8")
    result = imported(path)
    assert [r.line for r in result.dropped] == [4]
    assert cell_warnings(result) == []


def test_nothing_to_import_says_no_cell_of_the_rows_set_aside(tmp_path: Path) -> None:
    # (every row a history row: the error that nothing is left, without warnings about
    # values nobody imports)
    from orgviz.errors import OrgLoadError

    path = write(tmp_path, "csv", [["1", "Bo", "", "#N/A", "\u200b", "Terminated", "", "",
                                    ""]])
    with pytest.raises(OrgLoadError) as caught:
        imported(path)
    assert [(p.line, p.col, p.rule, p.message) for p in caught.value.problems] == [
        (2, 1, "csv", "nothing to import: the only row is a history row (not current, by "
                      "status, current flag or end date)"),
        (2, 1, "history-row", "history row of 'Bo' (status 'Terminated') not imported")]


def test_the_table_says_every_cell_and_leaves_out_lines_asked() -> None:
    # (the table read knows no row set aside: its warnings count every cell)
    text = "".join(",".join(row) + "\n" for row in [HEADER, *SET_ASIDE, *IMPORTED])
    table = parse_csv(text.encode(), "p.csv")
    assert [(p.line, p.col) for p in table.problems] == [(3, 4), (3, 5)]
    assert [(p.line, p.col) for p in table.cell_warnings(range(3, 8))] == [(8, 4), (8, 5)]


def test_a_cell_on_a_title_line_skipped_is_not_said(tmp_path: Path) -> None:
    # (the title lines above the header are not imported either: this was "the cell holds
    # invisible characters alone (U+200B): read as empty" at 2:2, a title line)
    path = tmp_path / "people.csv"
    path.write_text("Employee Directory,,\nMarch 2025,\u200b,\nid,name,manager_id\n"
                    "1,Ada,\n2,Bo,1\n", encoding="utf-8")
    result = import_csv(path)
    assert [(Path(p.file).name, p.line, p.col, p.level, p.message)
            for p in result.problems] == [
        ("people.csv", 3, 1, "info", "the header is on line 3: the lines above it are "
                                     "skipped ('Employee Directory March 2025' ...)")]


#: A row below the boss by kind: status, current flag, start and end date (an eliminated
#: post: by its name).
KINDS = {"current": ("Active", "Y", "2020-02-02", ""),
         "status": ("Terminated", "Y", "2016-01-01", ""),
         "flag": ("Active", "N", "2016-01-01", ""),
         "ended": ("", "", "2016-01-01", "2020-01-01"),
         "future": ("Active", "Y", "2027-01-05", ""),
         "eliminated": ("Active", "Y", "2018-01-01", "")}


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(sorted(KINDS)), st.booleans(), st.booleans()),
                min_size=1, max_size=10))
def test_only_cells_of_rows_imported_are_said(rows: list[tuple[str, bool, bool]]) -> None:
    # (each row of any kind, with an Excel error as its title or not, and invisible
    # characters alone as its location or not: the warnings count and point at the cells
    # of the rows imported)
    lines = [SET_ASIDE[0]]
    for n, (kind, error, invisible) in enumerate(rows, start=2):
        status, current, start, end = KINDS[kind]
        lines.append([str(n), "Eliminated" if kind == "eliminated" else f"P{n}", "1",
                      "#N/A" if error else "Eng", "\u200b" if invisible else "York", status,
                      current, start, end])
    with tempfile.TemporaryDirectory() as folder:
        result = imported(write(Path(folder), "csv", lines))
    kept = [(n + 1, row) for n, row in enumerate(rows, start=2) if row[0] == "current"]
    errors = [line for line, row in kept if row[1]]
    invisible = [line for line, row in kept if row[2]]
    expected = []
    if errors:
        more = (f" (and {len(errors) - 1} more cell{'s' if len(errors) > 2 else ''})"
                if len(errors) > 1 else "")
        expected.append((errors[0], 4, f"the cell holds the Excel error #N/A{more}: read as "
                                       "empty (a formula that failed; fix it in the workbook)"))
    if invisible:
        more = (f" (and {len(invisible) - 1} more cell{'s' if len(invisible) > 2 else ''})"
                if len(invisible) > 1 else "")
        expected.append((invisible[0], 5, "the cell holds invisible characters alone "
                                          f"(U+200B): read as empty{more}"))
    assert cell_warnings(result) == sorted(expected)
