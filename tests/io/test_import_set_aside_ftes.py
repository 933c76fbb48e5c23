"""No FTE findings on rows set aside (history rows, future-dated rows, eliminated posts not
kept): their FTE is neither imported nor left out; an imported row's FTE is read as before.
Nor are a history row's id and email looked at."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

from orgviz.io.csvimport import ImportOptions, ImportResult, import_csv

D = datetime.date
HEADER = ["Employee ID", "Name", "Manager ID", "Title", "Start Date", "Effective End Date",
          "FTE"]
#: The reviewer's x1.xlsx below its title row: Cy's row 4 starts in 2027 (set aside on
#: 2025-06-01, row 5 current), with an FTE that rounds to 0. (x1's `End Date` is no
#: effective end, so its `Start Date` a hire date: `test_x1_s_plain_end_date`.)
ROWS: list[list[object]] = [
    HEADER,
    ["1", "Ada Boss", "", "CEO", D(2015, 3, 1), D(4712, 12, 31), "1"],
    ["3", "Cy Three", "1", "Engineer", D(2027, 1, 5), D(4712, 12, 31), "0.0000000001"],
    ["3", "Cy Three", "1", "Senior Engineer", D(2019, 6, 1), D(2027, 1, 4), "0.5"],
    ["4", "Di Four", "1", "Engineer", D(2020, 2, 2), "", "abc"],
]


def table(tmp_path: Path, ending: str, rows: list[list[object]]) -> Path:
    """The rows as people.csv (ISO dates) or the one sheet of people.xlsx (date cells)."""
    path = tmp_path / f"people.{ending}"
    if ending == "csv":
        path.write_text("".join(",".join(c.isoformat() if isinstance(c, D) else str(c)
                                         for c in row) + "\n" for row in rows),
                        encoding="utf-8")
        return path
    from openpyxl import Workbook

    book = Workbook()
    for row in rows:
        book.active.append([datetime.datetime.combine(c, datetime.time())
                            if isinstance(c, D) else c for c in row])
    book.save(path)
    return path


def said(result: ImportResult) -> list[str]:
    """The problems as `file:line:col: level [rule] message`."""
    return [f"{Path(p.file).name}:{p.line}:{p.col}: {p.level} [{p.rule}] {p.message}"
            for p in result.problems]


def imported(path: Path, day: D) -> ImportResult:
    """The import of a file as of a day."""
    return import_csv(path, ImportOptions(reference_date=day))


@pytest.mark.parametrize("ending", ["csv", "xlsx"])
def test_a_future_dated_row_s_fte_is_not_read(tmp_path: Path, ending: str) -> None:
    # (it warned "FTE '0.0000000001' rounds to 0 ... imported as 0" at 3:7, a row set aside)
    result = imported(table(tmp_path, ending, ROWS), D(2025, 6, 1))
    assert said(result) == [
        f"people.{ending}:3:1: info [future-row] a future-dated row of '3' (effective from "
        "2027-01-05) is set aside; row 4 is current",
        f"people.{ending}:5:7: warning [csv] FTE 'abc' is not a number of full-time "
        "equivalents such as 1, 0.6 or 12.5: left out"]
    assert [(p.id, p.fte) for p in result.org.people] == [("1", None), ("3", 0.5), ("4", None)]
    assert "rounded to 0" not in result.text
    # (on its day it is the row imported, and warned of)
    later = imported(table(tmp_path, ending, ROWS), D(2027, 1, 5))
    assert f"people.{ending}:3:7: warning [csv] FTE '0.0000000001' rounds to 0 (org files "\
        "hold 9 decimals): imported as 0; write the FTE meant" in said(later)
    assert "# people.csv:3: FTE '0.0000000001' rounded to 0" in later.text.replace(
        f"people.{ending}", "people.csv")


def test_x1_s_plain_end_date(tmp_path: Path) -> None:
    # (`Start Date` beside `End Date`, which may end an employment, dates no start: Cy's
    # later row is set aside by its end, after the other's, its FTE warnings dropped)
    rows = [[("End Date" if c == "Effective End Date" else c) for c in ROWS[0]], *ROWS[1:]]
    result = imported(table(tmp_path, "csv", rows), D(2025, 6, 1))
    assert said(result) == [
        "people.csv:3:1: info [future-row] a future-dated row of '3' (effective after "
        "2027-01-04) is set aside; row 4 is current",
        "people.csv:5:7: warning [csv] FTE 'abc' is not a number of full-time equivalents "
        "such as 1, 0.6 or 12.5: left out"]
    assert "start_date" not in result.text.splitlines()[2]


def test_a_history_row_s_fte_is_not_read(tmp_path: Path) -> None:
    rows = [[*HEADER[:3], "EndDate", "FTE"], ["1", "Ann", "", "", "1"],
            ["2", "Bob", "1", "2020-01-01", "0.0000000001"], ["3", "Cy", "1", "", "80%"],
            ["4", "Di", "1", "", "60%"]]
    result = imported(table(tmp_path, "csv", rows), D(2025, 1, 1))
    # (the info on FTEs read with a percent sign is at the first row imported that has one)
    assert said(result) == [
        "people.csv:3:1: warning [history-row] history row of 'Bob' (EndDate 2020-01-01) not "
        "imported",
        "people.csv:4:5: info [csv] FTE '80%' read as 0.8: FTEs with a decimal comma or a "
        "percent sign (80% is 0.8) are read so"]


def test_a_row_set_aside_by_its_end_date_has_no_fte_warning(tmp_path: Path) -> None:
    # (no start column: the later of two rows of an id is set aside after the FTEs are read)
    rows = [["id", "name", "manager", "EndDate", "FTE"], ["1", "Ann", "", "", "1"],
            ["2", "Bob", "1", "2025-01-31", "0.5"], ["2", "Bob", "1", "4712-12-31", "x"]]
    result = imported(table(tmp_path, "csv", rows), D(2024, 6, 1))
    assert said(result) == [
        "people.csv:4:1: info [future-row] a future-dated row of '2' (effective after "
        "2025-01-31) is set aside; row 3 is current"]
    assert result.org.by_id["2"].fte == 0.5


def test_an_eliminated_post_kept_for_its_reports_keeps_its_fte(tmp_path: Path) -> None:
    rows = [["id", "name", "manager", "FTE", "Status"], ["1", "Ann", "", "1", "Active"],
            ["2", "Eliminated", "1", "0.5", ""], ["3", "Cy", "2", "1", "Active"]]
    result = imported(table(tmp_path, "csv", rows), D(2024, 6, 1))
    assert result.org.by_id["2"].fte == 0.5


FTE2 = ("Id,Name,Manager,Title,FTE,EndDate\n"
        "1,Ann,,CEO,1,\n"
        "5,Bob,1,VP,0.5,2026-12-31\n"
        "5,Bob,1,VP,0.3333333333333333,2027-06-30\n")


def test_the_rounding_info_moves_to_the_first_rounded_row_imported(tmp_path: Path) -> None:
    """The reviewer's fte2.csv: row 4, set aside by its end date after its FTE was read,
    had the once-a-file info; row 5's rounding had only a comment."""
    path = tmp_path / "fte2.csv"
    path.write_text(FTE2 + "6,Cat,1,VP,0.6666666666666666,\n7,Dan,1,VP,0.1234567891234,\n",
                    encoding="utf-8")
    result = import_csv(path, ImportOptions(reference_date=D(2026, 12, 7)))
    assert said(result) == [
        "fte2.csv:4:1: info [future-row] a future-dated row of '5' (effective after "
        "2026-12-31) is set aside; row 3 is current",
        "fte2.csv:5:5: info [csv] FTE '0.6666666666666666' read as 0.666666667: FTEs with "
        "more than 9 decimals are rounded to 9, as org files write them"]
    assert "  # fte2.csv:5: FTE '0.6666666666666666' rounded to 0.666666667\n" in result.text
    assert "  # fte2.csv:6: FTE '0.1234567891234' rounded to 0.123456789\n" in result.text
    assert [p.fte for p in result.org.people] == [None, 0.5, 0.666666667, 0.123456789]


def test_no_rounding_info_without_a_rounded_row_imported(tmp_path: Path) -> None:
    path = tmp_path / "fte2.csv"
    path.write_text(FTE2 + "6,Cat,1,VP,0.0000000001,\n", encoding="utf-8")
    result = import_csv(path, ImportOptions(reference_date=D(2026, 12, 7)))
    assert said(result) == [
        "fte2.csv:4:1: info [future-row] a future-dated row of '5' (effective after "
        "2026-12-31) is set aside; row 3 is current",
        "fte2.csv:5:5: warning [csv] FTE '0.0000000001' rounds to 0 (org files hold 9 "
        "decimals): imported as 0; write the FTE meant"]


def test_the_decimal_comma_info_moves_to_the_first_such_row_imported(tmp_path: Path) -> None:
    # (row 4, set aside by its end date after its FTE was read, had the once-a-file info)
    rows = [["id", "name", "manager", "EndDate", "FTE"], ["1", "Ann", "", "", "1"],
            ["2", "Bob", "1", "2025-01-31", "0.5"], ["2", "Bob", "1", "4712-12-31", "0,4"],
            ["3", "Cy", "1", "", "0,8"]]
    result = imported(table(tmp_path, "csv", [[f'"{c}"' for c in row] for row in rows]),
                      D(2024, 6, 1))
    assert said(result) == [
        "people.csv:4:1: info [future-row] a future-dated row of '2' (effective after "
        "2025-01-31) is set aside; row 3 is current",
        "people.csv:5:5: info [csv] FTE '0,8' read as 0.8: FTEs with a decimal comma or a "
        "percent sign (80% is 0.8) are read so"]
    alone = imported(table(tmp_path, "csv", [[f'"{c}"' for c in row] for row in rows[:4]]),
                     D(2024, 6, 1))
    assert [p.line for p in alone.problems] == [4]  # (no row imported has one: no info)


def test_the_fte_infos_move_off_an_eliminated_post_not_imported(tmp_path: Path) -> None:
    # (rows 3 and 5, eliminated posts nobody reports to, had the infos; an eliminated post's
    # FTE is read, as the post may be kept as an open position)
    rows = [["id", "name", "manager", "FTE", "Status"], ["1", "Ann", "", "1", "Active"],
            ["2", "Eliminated", "1", "0.33333333333333", ""],
            ["3", "Cy", "1", "0.66666666666666", "Active"], ["4", "Eliminated", "1", "0,5", ""],
            ["5", "Di", "1", "80%", "Active"]]
    result = imported(table(tmp_path, "csv", [[f'"{c}"' for c in row] for row in rows]),
                      D(2024, 6, 1))
    assert said(result) == [
        "people.csv:1:2: info [eliminated-post] 2 eliminated posts not imported ('2', '4'): "
        "listed at the end of the file",
        "people.csv:4:4: info [csv] FTE '0.66666666666666' read as 0.666666667: FTEs with more "
        "than 9 decimals are rounded to 9, as org files write them",
        "people.csv:6:4: info [csv] FTE '80%' read as 0.8: FTEs with a decimal comma or a "
        "percent sign (80% is 0.8) are read so"]


def test_an_eliminated_post_not_imported_has_no_fte_warning(tmp_path: Path) -> None:
    # (rows 3 and 5 warned "FTE 'abc' is not a number ..." and "FTE '0.00000000001' rounds
    # to 0 ...": rows not imported; Cy's row 4, imported, is warned of as before)
    rows = [["id", "name", "manager", "FTE", "Status"], ["1", "Ann", "", "1", "Active"],
            ["2", "Eliminated", "1", "abc", ""], ["3", "Cy", "1", "x", "Active"],
            ["4", "Eliminated", "1", "0.00000000001", ""]]
    result = imported(table(tmp_path, "csv", rows), D(2024, 6, 1))
    assert said(result) == [
        "people.csv:1:2: info [eliminated-post] 2 eliminated posts not imported ('2', '4'): "
        "listed at the end of the file",
        "people.csv:4:4: warning [csv] FTE 'x' is not a number of full-time equivalents such "
        "as 1, 0.6 or 12.5: left out"]


def test_a_history_row_s_id_and_email_are_not_looked_at(tmp_path: Path) -> None:
    # (Bob's row 3, not imported, had "error [missing-id] row has no id (column 'id')",
    # which stopped the import, and the info that its email is no address; Di's row 5,
    # imported, has both)
    rows = [["id", "name", "manager", "Email", "Status"], ["1", "Ann", "", "a@x.org", "Active"],
            ["", "Bob", "1", "bob", "Terminated"], ["3", "Cy", "1", "cy@x.org", "Active"],
            ["", "Di", "1", "di", "Active"]]
    result = imported(table(tmp_path, "csv", rows), D(2024, 6, 1))
    assert said(result) == [
        "people.csv:3:1: warning [history-row] history row of 'Bob' (status 'Terminated') not "
        "imported",
        "people.csv:5:1: error [missing-id] row has no id (column 'id')",
        "people.csv:5:4: info [email] email 'di' is not an address (no '@'): imported as "
        "written"]
    alone = imported(table(tmp_path, "csv", rows[:4]), D(2024, 6, 1))
    assert said(alone) == said(result)[:1]
    assert "#   people.csv:3: row-3 Bob (status 'Terminated'): history row" in alone.text


def test_an_eliminated_post_without_an_id_is_still_an_error(tmp_path: Path) -> None:
    # (an eliminated post may be kept, as an open position: its id is looked at)
    rows = [["id", "name", "manager", "Status"], ["1", "Ann", "", "Active"],
            ["", "Eliminated", "1", ""]]
    result = imported(table(tmp_path, "csv", rows), D(2024, 6, 1))
    assert "people.csv:3:1: error [missing-id] row has no id (column 'id')" in said(result)


def test_only_the_fte_cells_the_info_may_move_to_are_kept(tmp_path: Path) -> None:
    # (every cell read with a decimal comma was kept, 4 here: the info moves only off an
    # eliminated post, or any row of a file with end dates, to the first cell of a row
    # imported; no later cell is needed)
    from orgviz.io.csvimport import _Importer
    from orgviz.io.tables import read_table

    def kept(rows: list[list[str]]) -> list[tuple[int, str, str]]:
        imp = _Importer(ImportOptions(reference_date=D(2024, 6, 1)))
        imp.read_people(read_table(table(tmp_path, "csv", rows)), False)
        return [(at.line, value, read) for at, value, read in imp.local_ftes]

    rows = [["id", "name", "manager", "FTE"], ["1", "Ann", "", '"0,5"'],
            ["2", "Eliminated", "1", '"0,25"'], ["3", "Cy", "1", '"0,8"'],
            ["4", "Di", "1", '"0,6"']]
    assert kept(rows) == [(2, "0,5", "0.5")]
    assert kept([rows[0], rows[2], rows[1], *rows[3:]]) == [
        (2, "0,25", "0.25"), (3, "0,5", "0.5")]
    dated = [[*row, end] for row, end in zip(rows, ["EndDate", "", "", "", ""], strict=True)]
    assert len(kept(dated)) == 4
