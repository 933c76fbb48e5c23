"""`orgviz import` of a sheet whose header has a row above it grouping its columns
(`Employee | Manager` merged across `Id | Name | Manager Id | Manager Name`): a title row."""

from __future__ import annotations

import csv
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from openpyxl import Workbook

from orgviz.io.columns import groups_columns, header_below_titles
from orgviz.io.csvimport import ImportOptions, import_csv
from orgviz.io.xlsxread import read_xlsx

GROUP: list[Any] = ["Employee", None, "Manager", None]
HEADER: list[Any] = ["Id", "Name", "Manager Id", "Manager Name"]
DATA: list[list[Any]] = [[1, "Ann", None, None], [2, "Bob", 1, "Ann"], [3, "Cy", 1, "Ann"],
                         [4, "Dee", 2, "Bob"], [5, "Eve", 2, "Bob"]]
PEOPLE = [("1", None, "Ann"), ("2", "1", "Bob"), ("3", "1", "Cy"), ("4", "2", "Dee"),
          ("5", "2", "Eve")]


def workbook(path: Path, rows: Sequence[Sequence[Any]], ranges: Sequence[str]) -> Path:
    """A sheet of `rows` with the cell `ranges` merged."""
    book = Workbook()
    sheet = book.active
    sheet.title = "People"
    for row in rows:
        sheet.append(list(row))
    for merged in ranges:
        sheet.merge_cells(merged)
    book.save(path)
    return path


def csv_file(path: Path, rows: Sequence[Sequence[Any]]) -> Path:
    """The rows as a CSV export of the sheet writes them (merged cells: their first alone)."""
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows([["" if v is None else v for v in row] for row in rows])
    return path


def located(result: Any) -> list[tuple[str, int, int, str, str, str]]:
    return [(p.file, p.line, p.col, p.level, p.rule, p.message) for p in result.problems]


def people(result: Any) -> list[tuple[str, str | None, str]]:
    return sorted((p.id, p.reports_to, p.name) for p in result.org.people)


def body(text: str) -> list[str]:
    """The org file without its comment lines (which name the source)."""
    return [line for line in text.splitlines() if not line.startswith("#")]


def test_a_merged_group_row_above_the_header_is_skipped_as_a_title(tmp_path: Path) -> None:
    # (it was the header: `grp.xlsx:2:3: error [unknown-manager] manager 'Manager Id' not
    # found`, its `Manager` read as the manager column, and a warning at 2:4)
    book = workbook(tmp_path / "grp.xlsx", [GROUP, HEADER, *DATA], ["A1:B1", "C1:D1"])
    result = import_csv(book)
    assert located(result) == [
        (str(book), 2, 1, "info", "csv",
         "the header is on row 2: the rows above it are skipped ('Employee Manager' ...)")]
    assert people(result) == PEOPLE


def test_a_group_row_below_a_title_row_is_skipped_with_it(tmp_path: Path) -> None:
    rows = [["Staff list"], GROUP, HEADER, *DATA]
    book = workbook(tmp_path / "grp.xlsx", rows, ["A1:D1", "A2:B2", "C2:D2"])
    result = import_csv(book)
    assert located(result) == [
        (str(book), 3, 1, "info", "csv", "the header is on row 3: the rows above it are "
                                         "skipped ('Staff list Employee Manager' ...)")]
    assert people(result) == PEOPLE


def test_an_unmerged_group_row_is_skipped_as_its_merged_form_is(tmp_path: Path) -> None:
    # As a CSV export shows the sheet: blanks between its labels, fewer values than the
    # header below it, which has more columns known by their spellings.
    book = workbook(tmp_path / "grp.xlsx", [GROUP, HEADER, *DATA], [])
    table = read_xlsx(book)
    assert (table.header_line, table.header) == (2, HEADER)
    assert [(p.line, p.col, p.message) for p in table.problems] == [
        (2, 1, "the header is on row 2: the rows above it are skipped ('Employee Manager' "
               "...)")]


def test_a_csv_with_a_title_line_above_a_group_line_reads_as_the_workbook(tmp_path: Path
                                                                          ) -> None:
    rows = [["Staff list", None, None, None], GROUP, HEADER, *DATA]
    export = csv_file(tmp_path / "grp.csv", rows)
    book = workbook(tmp_path / "grp.xlsx", rows, ["A1:D1", "A2:B2", "C2:D2"])
    from_csv, from_book = import_csv(export, ImportOptions(keep_going=True)), import_csv(book)
    assert people(from_csv) == PEOPLE
    assert body(from_csv.text) == body(from_book.text)
    assert located(from_csv) == [
        (str(export), 3, 1, "info", "csv", "the header is on line 3: the lines above it are "
                                           "skipped ('Staff list Employee Manager' ...)")]


def test_labels_that_each_start_a_merge_across_columns_group_them() -> None:
    # `Name | Manager` is known as well as the row below it: merged across its columns it is
    # a group row; not merged (as a CSV shows it) it is a header with a column unnamed.
    rows = [(1, ["Name", "", "Manager", ""]), (2, ["Name", "Nickname", "Manager", "Since"]),
            (3, ["Ann", "A", "", "2020"])]
    assert header_below_titles(rows, set(), {(1, 1), (1, 3)}) == 1
    assert header_below_titles(rows, set()) == 0
    assert header_below_titles(rows, set(), {(1, 1)}) == 0  # (Manager not merged)


def test_a_header_with_an_unnamed_column_stays_the_header() -> None:
    # The row below it has more values, but numbers (ids): data, not a header.
    header = ["Id", "Name", "", "Manager Id"]
    assert not groups_columns(1, header, (2, ["1", "Ann", "x", ""]))
    assert not groups_columns(1, header, (2, ["1", "Ann", "x", "7"]), {(1, 1), (1, 2)})
    # Nor is a row below of more values with no id or name column a header.
    assert not groups_columns(1, ["Employee", "", "Manager", ""],
                              (2, ["Left", "Right", "Up", "Down"]), {(1, 1), (1, 3)})
    assert header_below_titles([(1, header), (2, ["1", "Ann", "x", ""])], set()) == 0


def test_a_csv_whose_first_line_groups_the_columns_reads_as_the_workbook(tmp_path: Path
                                                                         ) -> None:
    # (its first line names a column, 'Employee', and was taken as the header: "manager
    # 'Manager Id' not found"; a first line with blank cells now has its next line looked at)
    rows = [GROUP, HEADER, *DATA]
    export = csv_file(tmp_path / "grp.csv", rows)
    book = workbook(tmp_path / "grp.xlsx", rows, ["A1:B1", "C1:D1"])
    from_csv, from_book = import_csv(export), import_csv(book)
    assert people(from_csv) == PEOPLE
    assert body(from_csv.text) == body(from_book.text)
    assert located(from_csv) == [
        (str(export), 2, 1, "info", "csv", "the header is on line 2: the lines above it are "
                                           "skipped ('Employee Manager' ...)")]


def test_a_header_with_a_trailing_blank_cell_is_the_header(tmp_path: Path) -> None:
    # (an export's header ending in a comma has a blank cell, and is still the header)
    export = tmp_path / "trailing.csv"
    export.write_text("id,name,manager,\nE1,Ann,,\nE2,Bob,E1,\n", encoding="utf-8")
    result = import_csv(export)
    assert sorted((p.id, p.reports_to) for p in result.org.people) == [("E1", None),
                                                                       ("E2", "E1")]
    assert not [p for p in result.problems if p.level != "info"]


def test_a_blank_row_among_the_titles_is_a_title_not_a_row_without_a_value(tmp_path: Path
                                                                            ) -> None:
    # (a sheet's CSV export: the empty row under the title, a row of commas, was also said
    # "a row holds no value: skipped (row 2)" beside "the lines above it are skipped";
    # an empty row among the people still is)
    export = tmp_path / "t.csv"
    export.write_text("Staff list,,\n,,\nid,name,manager\n1,Ann,\n,,\n2,Bob,1\n"
                      + "".join(f",,\n{i},P{i},1\n" for i in range(3, 9)), encoding="utf-8")
    assert located(import_csv(export)) == [
        (str(export), 3, 1, "info", "csv", "the header is on line 3: the lines above it are "
                                           "skipped ('Staff list' ...)"),
        (str(export), 5, 1, "info", "csv", "7 rows hold no value: skipped (rows 5, 7, 9, 11, "
                                           "13 and 2 more)")]
