"""Effective-dated rows: of several rows of one employee id, the one in effect on the day of
the import is imported and the later ones are set aside; job shares stay duplicate ids."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest
from click.testing import CliRunner

from orgviz.cli import main
from orgviz.io.columns import detect
from orgviz.io.csvimport import ImportOptions, ImportResult, import_csv
from orgviz.io.csvimport.dates import day_of, no_date
from orgviz.loader import load

Cell = str | datetime.date


def table(tmp_path: Path, ending: str, rows: list[list[Cell]]) -> Path:
    """The rows as people.csv (dates written ISO) or as the one sheet of people.xlsx (dates
    as Excel date cells, as an HR system's export holds them)."""
    path = tmp_path / f"people.{ending}"
    if ending == "csv":
        path.write_text("".join(",".join(c if isinstance(c, str) else c.isoformat()
                                         for c in row) + "\n" for row in rows),
                        encoding="utf-8")
    else:
        from openpyxl import Workbook

        book = Workbook()
        for row in rows:
            book.active.append([datetime.datetime.combine(c, datetime.time()) if isinstance(
                c, datetime.date) else c for c in row])
        book.save(path)
    return path


def imported(path: Path, as_of: str, **options: object) -> ImportResult:
    """The import of a file as of a day (YYYY-MM-DD)."""
    day = datetime.date.fromisoformat(as_of)
    return import_csv(path, ImportOptions(reference_date=day, **options))  # type: ignore[arg-type]


def said(result: ImportResult) -> list[str]:
    """The problems as `file:line:col: level [rule] message`."""
    return [f"{Path(p.file).name}:{p.line}:{p.col}: {p.level} [{p.rule}] {p.message}"
            for p in result.problems]


def people(result: ImportResult) -> list[tuple[str, str | None]]:
    """(id, title) of the people imported."""
    return [(p.id, p.title) for p in result.org.people]


def loads_back(tmp_path: Path, result: ImportResult) -> None:
    """The org file written loads without a problem, with the same people."""
    path = tmp_path / "org.yaml"
    path.write_text(result.text, encoding="utf-8")
    org = load(path)
    assert org.load_problems == ()
    assert [(p.id, p.title) for p in org.people] == people(result)


D = datetime.date
OPEN = D(4712, 12, 31)
#: Oracle-style rows: E12 a Engineer until 31 January 2025, then a Senior Engineer (the row
#: ending 4712-12-31, open); rows 2 and 4 to 6 of the file.
ENDS: list[list[Cell]] = [
    ["EmployeeId", "Name", "Title", "ManagerId", "EffectiveEndDate"],
    ["E1", "Ann", "CEO", "", OPEN],
    ["E7", "Cy", "Engineer", "E12", OPEN],
    ["E12", "Bob", "Engineer", "E1", D(2025, 1, 31)],
    ["E12", "Bob", "Senior Engineer", "E1", OPEN],
]


@pytest.mark.parametrize("ending", ["csv", "xlsx"])
def test_the_row_that_ends_first_is_current_and_a_later_one_set_aside(tmp_path: Path,
                                                                       ending: str) -> None:
    # (both end after the day: this was "duplicate id 'E12', first at row 4", an error)
    result = imported(table(tmp_path, ending, ENDS), "2024-06-01")
    assert said(result) == [
        f"people.{ending}:5:1: info [future-row] a future-dated row of 'E12' (effective after "
        "2025-01-31) is set aside; row 4 is current"]
    assert result.errors == 0
    assert people(result) == [("E1", "CEO"), ("E12", "Engineer"), ("E7", "Engineer")]
    assert result.org.by_id["E7"].reports_to == "E12"
    assert [r.line for r in result.dropped] == [5]
    assert result.text.endswith(f"# Rows not imported:\n#   people.{ending}:5: E12 Bob "
                                "(future-dated, effective after 2025-01-31)\n")
    loads_back(tmp_path, result)


@pytest.mark.parametrize("ending", ["csv", "xlsx"])
def test_inside_the_later_period_the_earlier_row_is_history(tmp_path: Path, ending: str
                                                            ) -> None:
    result = imported(table(tmp_path, ending, ENDS), "2025-02-01")
    assert said(result) == [f"people.{ending}:4:1: warning [history-row] history row of 'Bob' "
                            "(EffectiveEndDate 2025-01-31) not imported"]
    assert people(result) == [("E1", "CEO"), ("E12", "Senior Engineer"), ("E7", "Engineer")]
    # (an end date is the last day in effect: on it the row is current, the next one not yet)
    assert said(imported(table(tmp_path, ending, ENDS), "2025-01-31")) == [
        f"people.{ending}:5:1: info [future-row] a future-dated row of 'E12' (effective after "
        "2025-01-31) is set aside; row 4 is current"]


def test_at_a_period_s_last_day_the_next_one_has_not_started(tmp_path: Path) -> None:
    # (the reviewer's ef2.csv: row 3 was dropped as history on its last day and row 4,
    # starting the next day, imported)
    path = tmp_path / "ef2.csv"
    path.write_text("PERSON_ID,FULL_NAME,SUPERVISOR_ID,JOB,EFFECTIVE_START_DATE,"
                    "EFFECTIVE_END_DATE\n100,Steven King,,President,2010-01-01,4712-12-31\n"
                    "12,Ann Lee,100,Analyst,2024-01-01,2025-01-31\n"
                    "12,Ann Lee,100,Manager,2025-02-01,4712-12-31\n", encoding="utf-8")
    result = imported(path, "2025-01-31")
    assert said(result) == [
        "ef2.csv:4:1: info [future-row] a future-dated row of '12' (effective from "
        "2025-02-01) is set aside; row 3 is current"]
    assert people(result) == [("100", "President"), ("12", "Analyst")]
    assert [p.rule for p in imported(path, "2025-02-01").problems] == ["history-row"]


@pytest.mark.parametrize("ending", ["csv", "xlsx"])
def test_after_every_period_the_rows_are_history(tmp_path: Path, ending: str) -> None:
    rows = [*ENDS[:4], ["E12", "Bob", "Senior Engineer", "E1", D(2026, 6, 30)]]
    result = imported(table(tmp_path, ending, rows), "2026-07-01")
    assert said(result) == [
        f"people.{ending}:3:4: error [unknown-manager] manager 'E12' is a history row (row "
        "5, EffectiveEndDate 2026-06-30) and no current row of 'Bob' was found",
        f"people.{ending}:4:1: warning [history-row] history row of 'Bob' (EffectiveEndDate "
        "2025-01-31) not imported",
        f"people.{ending}:5:1: warning [history-row] history row of 'Bob' (EffectiveEndDate "
        "2026-06-30) not imported"]
    assert people(result) == [("E1", "CEO"), ("E7", "Engineer")]


#: The same periods with their starts (the next starts the day after the first ends).
STARTS: list[list[Cell]] = [
    ["EmployeeId", "Name", "Title", "ManagerId", "EffectiveStartDate", "EffectiveEndDate"],
    ["E1", "Ann", "CEO", "", D(2001, 1, 1), OPEN],
    ["E12", "Bob", "Engineer", "E1", D(2020, 1, 1), D(2025, 1, 31)],
    ["E12", "Bob", "Senior Engineer", "E1", D(2025, 2, 1), OPEN],
]


@pytest.mark.parametrize("ending", ["csv", "xlsx"])
def test_with_a_start_column_the_row_started_is_current(tmp_path: Path, ending: str) -> None:
    result = imported(table(tmp_path, ending, STARTS), "2024-06-01")
    assert said(result) == [
        f"people.{ending}:4:1: info [future-row] a future-dated row of 'E12' (effective from "
        "2025-02-01) is set aside; row 3 is current"]
    assert people(result) == [("E1", "CEO"), ("E12", "Engineer")]
    assert "end_date = 'EffectiveEndDate', start_date = 'EffectiveStartDate'\n" in result.text
    loads_back(tmp_path, result)
    later = imported(table(tmp_path, ending, STARTS), "2025-02-01")
    assert [p.rule for p in later.problems] == ["history-row"]
    assert people(later) == [("E1", "CEO"), ("E12", "Senior Engineer")]


@pytest.mark.parametrize("ending", ["csv", "xlsx"])
def test_before_every_period_no_row_of_the_id_is_imported(tmp_path: Path, ending: str) -> None:
    # (a hire of 2020 exported in 2019: neither row is in effect yet. The import is the org
    # on its day, as ended rows are history: this imported row 3, "which takes effect first")
    result = imported(table(tmp_path, ending, STARTS), "2019-06-01")
    assert said(result) == [
        f"people.{ending}:3:1: info [future-row] a future-dated row of 'E12' (effective from "
        "2020-01-01, after the day of the import 2019-06-01) is set aside: --as-of a later "
        "day imports it",
        f"people.{ending}:4:1: info [future-row] a future-dated row of 'E12' (effective from "
        "2025-02-01, after the day of the import 2019-06-01) is set aside: --as-of a later "
        "day imports it"]
    assert people(result) == [("E1", "CEO")]
    assert [r.line for r in result.dropped] == [3, 4]
    assert result.text.endswith(
        f"# Rows not imported:\n#   people.{ending}:3: E12 Bob (future-dated, effective from "
        f"2020-01-01)\n#   people.{ending}:4: E12 Bob (future-dated, effective from "
        "2025-02-01)\n")
    loads_back(tmp_path, result)


@pytest.mark.parametrize("ending", ["csv", "xlsx"])
def test_a_future_hire_of_one_row_is_set_aside(tmp_path: Path, ending: str) -> None:
    rows = [*STARTS, ["E40", "Di", "Analyst", "E1", D(2027, 1, 5), OPEN]]
    result = imported(table(tmp_path, ending, rows), "2026-12-07")
    assert said(result) == [
        f"people.{ending}:3:1: warning [history-row] history row of 'Bob' (EffectiveEndDate "
        "2025-01-31) not imported",
        f"people.{ending}:5:1: info [future-row] a future-dated row of 'E40' (effective from "
        "2027-01-05, after the day of the import 2026-12-07) is set aside: --as-of a later "
        "day imports it"]
    assert people(result) == [("E1", "CEO"), ("E12", "Senior Engineer")]
    assert [p.id for p in imported(table(tmp_path, ending, rows),
                                   "2027-01-05").org.people] == ["E1", "E12", "E40"]


def test_in_a_gap_between_periods_the_id_is_not_imported(tmp_path: Path) -> None:
    # (the earlier period ended, the next starts later: nobody holds the id on the day)
    rows = [row[:] for row in STARTS]
    rows[3][4] = D(2025, 3, 1)
    result = imported(table(tmp_path, "csv", rows), "2025-02-15")
    assert said(result) == [
        "people.csv:3:1: warning [history-row] history row of 'Bob' (EffectiveEndDate "
        "2025-01-31) not imported",
        "people.csv:4:1: info [future-row] a future-dated row of 'E12' (effective from "
        "2025-03-01, after the day of the import 2025-02-15) is set aside: --as-of a later "
        "day imports it"]
    assert people(result) == [("E1", "CEO")]


def test_reports_of_a_future_dated_manager_are_those_of_an_ended_one(tmp_path: Path) -> None:
    rows = [*STARTS, ["E40", "Di", "Analyst", "E1", D(2027, 1, 5), OPEN],
            ["E41", "Ed", "Analyst", "E40", D(2020, 1, 1), OPEN]]
    result = imported(table(tmp_path, "csv", rows), "2026-12-07")
    assert said(result)[1:] == [
        "people.csv:5:1: info [future-row] a future-dated row of 'E40' (effective from "
        "2027-01-05, after the day of the import 2026-12-07) is set aside: --as-of a later "
        "day imports it",
        "people.csv:6:4: error [unknown-manager] manager 'E40' is a future-dated row (row 5, "
        "effective from 2027-01-05) and no current row of 'Di' was found"]
    # (as of an ended manager: a current row of the same name takes the reports)
    rows.append(["E42", "Di", "Analyst", "E1", D(2020, 1, 1), OPEN])
    result = imported(table(tmp_path, "csv", rows), "2026-12-07")
    assert "people.csv:6:4: warning [ended-manager] manager 'E40' is a future-dated row (row "\
        "5, effective from 2027-01-05): using 'E42', the current row of 'Di'" \
        in said(result)
    assert result.org.by_id["E41"].reports_to == "E42"


@pytest.mark.parametrize(("rows", "message"), [
    ([["E1", "Ann", "CEO", "", D(2027, 1, 1), OPEN]],
     "the only row is a future-dated row (starting after the day of the import 2026-12-07: "
     "--as-of a later day imports it)"),
    ([["E1", "Ann", "CEO", "", D(2027, 1, 1), OPEN],
      ["E2", "Bob", "CTO", "E1", D(2027, 2, 1), OPEN]],
     "all 2 rows are future-dated rows (starting after the day of the import 2026-12-07: "
     "--as-of a later day imports them)"),
    ([["E1", "Ann", "CEO", "", D(2027, 1, 1), OPEN],
      ["E2", "Bob", "CTO", "E1", D(2020, 2, 1), D(2021, 1, 1)]],
     "all 2 rows are 1 history row and 1 future-dated row (starting after the day of the "
     "import 2026-12-07: --as-of a later day imports it)"),
])
def test_nothing_to_import_names_future_dated_rows(tmp_path: Path, rows: list[list[Cell]],
                                                   message: str) -> None:
    from orgviz.errors import OrgLoadError

    with pytest.raises(OrgLoadError) as caught:
        imported(table(tmp_path, "csv", [STARTS[0], *rows]), "2026-12-07")
    errors = [p for p in caught.value.problems if p.level == "error"]
    assert [(p.line, p.message) for p in errors] == [(2, f"nothing to import: {message}")]


def test_a_start_column_without_end_dates_dates_nothing(tmp_path: Path) -> None:
    # (a `Start Date` alone may be a hire date: the rows of an id stay duplicates, before
    # and after the later start; periods need an end column too, as Oracle's exports have)
    rows = [[c for i, c in enumerate(row) if i != 5] for row in STARTS]
    for day in ("2024-06-01", "2025-06-01"):
        assert said(imported(table(tmp_path, "csv", rows), day)) == [
            "people.csv:4:1: error [duplicate-id] duplicate id 'E12', first at row 3"]


def test_a_hire_start_date_keeps_a_duplicate_id_error(tmp_path: Path) -> None:
    # (the reviewer's sd2.csv: it was "info [future-row] a future-dated row of '3' ... set
    # aside", Zed New dropped without an error)
    path = tmp_path / "sd2.csv"
    path.write_text("Employee ID,Name,Manager ID,Title,Department,Start Date\n"
                    "1,Ada Boss,,CEO,Exec,2015-03-01\n2,Bob Two,1,CTO,Eng,2018-01-15\n"
                    "3,Cy Three,2,Engineer,Eng,2019-06-01\n"
                    "3,Zed New,2,Sales Rep,Sales,2026-02-01\n", encoding="utf-8")
    result = imported(path, "2025-06-01")
    assert said(result) == ["sd2.csv:5:1: error [duplicate-id] duplicate id '3', first at "
                            "row 4"]
    assert result.dropped == []


def test_periods_of_one_id_under_two_names_are_said_so(tmp_path: Path) -> None:
    # (a name changes between periods, as at a marriage: still the id's periods, the info
    # names both, so that an id given to another person shows)
    rows = [row[:] for row in STARTS]
    rows[3][1] = "Bob Roe-Smith"
    result = imported(table(tmp_path, "csv", rows), "2024-06-01")
    assert said(result) == [
        "people.csv:4:1: info [future-row] a future-dated row of 'E12' (effective from "
        "2025-02-01) is set aside; row 3 is current (named 'Bob' there, 'Bob Roe-Smith' "
        "here)"]


@pytest.mark.parametrize("header", ["EffectiveStartDate", "effective_start_date",
                                    "Start Date", "StartDate", "Valid From", "Effective From",
                                    "EFFECTIVE_START_DATE"])
def test_start_column_spellings(tmp_path: Path, header: str) -> None:
    # (beside an effective end: STARTS's EffectiveEndDate)
    assert detect(["id", "manager", header, "EffectiveEndDate"], {}).get("start_date") == 2
    rows = [[header if c == "EffectiveStartDate" else c for c in row] for row in STARTS]
    result = imported(table(tmp_path, "csv", rows), "2024-06-01")
    assert [(p.line, p.rule) for p in result.problems] == [(4, "future-row")]


@pytest.mark.parametrize("header", ["Hire Date", "HireDate", "hire_date", "Original Hire Date"])
def test_a_hire_date_is_no_start_of_a_period(tmp_path: Path, header: str) -> None:
    assert detect(["id", "manager", header], {}).get("start_date") is None
    # Two holders of one post hired at different times, one of them not yet started: a job
    # share, not a future-dated row.
    rows: list[list[Cell]] = [["id", "name", "title", "manager", header],
                              ["1", "Ann", "CEO", "", D(2001, 1, 1)],
                              ["2", "Bob", "Analyst", "1", D(2019, 1, 1)],
                              ["2", "Cy", "Analyst", "1", D(2030, 1, 1)]]
    result = imported(table(tmp_path, "csv", rows), "2024-06-01")
    assert said(result) == ["people.csv:4:1: error [duplicate-id] duplicate id '2' (a job "
                            "share?), first at row 3"]


@pytest.mark.parametrize(("first_end", "second_end"), [
    ("", ""),  # no end dates
    ("4712-12-31", "4712-12-31"),  # the same end date
    ("31-DEC-4712", "4712-12-31"),  # the same day, written two ways
    ("2031-06-30", ""),  # one has none
    ("2031-06-30", "NULL"),  # one says none
    ("2031-06-30", "0000-00-00"),  # one is a date of zeros
])
def test_a_job_share_is_still_a_duplicate_id(tmp_path: Path, first_end: str,
                                             second_end: str) -> None:
    rows: list[list[Cell]] = [["id", "name", "title", "manager", "EndDate"],
                              ["1", "Ann", "CEO", "", ""],
                              ["2", "Bob", "Analyst", "1", first_end],
                              ["2", "Cy", "Analyst", "1", second_end]]
    result = imported(table(tmp_path, "csv", rows), "2024-06-01")
    assert said(result) == ["people.csv:4:1: error [duplicate-id] duplicate id '2' (a job "
                            "share?), first at row 3"]
    assert result.dropped == []


def test_rows_without_a_start_are_told_apart_by_their_ends(tmp_path: Path) -> None:
    rows = [[*row[:4], "" if i == 2 else row[4], row[5]] for i, row in enumerate(STARTS)]
    result = imported(table(tmp_path, "csv", rows), "2024-06-01")
    # (row 4 starts after the day: set aside by its start, the row without one current)
    assert said(result) == [
        "people.csv:4:1: info [future-row] a future-dated row of 'E12' (effective from "
        "2025-02-01) is set aside; row 3 is current"]
    rows[3][4] = ""  # (neither has a start: told apart by their ends)
    assert said(imported(table(tmp_path, "csv", rows), "2024-06-01")) == [
        "people.csv:4:1: info [future-row] a future-dated row of 'E12' (effective after "
        "2025-01-31) is set aside; row 3 is current"]


def test_a_start_that_is_no_date_decides_nothing(tmp_path: Path) -> None:
    rows = [[*row[:4], "soon" if i == 3 else row[4], row[5]] for i, row in enumerate(STARTS)]
    result = imported(table(tmp_path, "csv", rows), "2024-06-01")
    assert said(result) == ["people.csv:4:1: error [duplicate-id] duplicate id 'E12', first "
                            "at row 3"]


def test_with_starts_two_rows_in_effect_are_a_job_share(tmp_path: Path) -> None:
    # (different starts and ends, but both in effect on the day: no periods of one row)
    rows: list[list[Cell]] = [["id", "name", "title", "manager", "Valid From", "Valid To"],
                              ["1", "Ann", "CEO", "", "2001-01-01", "9999-12-31"],
                              ["2", "Bob", "Analyst", "1", "2019-01-01", "2025-01-31"],
                              ["2", "Cy", "Analyst", "1", "2021-03-01", "9999-12-31"]]
    result = imported(table(tmp_path, "csv", rows), "2024-06-01")
    assert said(result) == ["people.csv:4:1: error [duplicate-id] duplicate id '2' (a job "
                            "share?), first at row 3"]


def test_several_future_rows_and_other_ids_in_one_file(tmp_path: Path) -> None:
    # (day-first dates, as the column's 31/01/2025 shows; E3's rows in another order)
    rows: list[list[Cell]] = [["PersonId", "Name", "ManagerId", "EndDate"],
                              ["E1", "Ann", "", "31/12/4712"],
                              ["E2", "Bob", "E1", "31/01/2025"],
                              ["E2", "Bob", "E1", "30/06/2025"],
                              ["E3", "Cy", "E1", "31/12/4712"],
                              ["E2", "Bob", "E1", "31/12/4712"],
                              ["E3", "Cy", "E1", "01/02/2025"],
                              ["E4", "Di", "E1", "01/02/2020"]]
    result = imported(table(tmp_path, "csv", rows), "2024-06-01")
    assert said(result) == [
        "people.csv:4:1: info [future-row] a future-dated row of 'E2' (effective after "
        "2025-01-31) is set aside; row 3 is current",
        "people.csv:5:1: info [future-row] a future-dated row of 'E3' (effective after "
        "2025-02-01) is set aside; row 7 is current",
        "people.csv:6:1: info [future-row] a future-dated row of 'E2' (effective after "
        "2025-01-31) is set aside; row 3 is current",
        "people.csv:8:1: warning [history-row] history row of 'Di' (EndDate 01/02/2020) not "
        "imported"]
    assert [(p.id, p.loc.line) for p in result.org.people] == [("E1", 2), ("E2", 3),
                                                               ("E3", 7)]
    assert [r.line for r in result.dropped] == [4, 5, 6, 8]


def test_a_past_row_kept_by_its_status_stays_a_duplicate(tmp_path: Path) -> None:
    # (an active status keeps a row whose end date has passed: neither current nor future)
    rows: list[list[Cell]] = [["id", "name", "manager", "Status", "EndDate"],
                              ["1", "Ann", "", "Active", "4712-12-31"],
                              ["2", "Bob", "1", "Active", "2020-01-31"],
                              ["2", "Bob", "1", "Active", "2025-01-31"],
                              ["2", "Bob", "1", "Active", "4712-12-31"]]
    result = imported(table(tmp_path, "csv", rows), "2024-06-01")
    assert said(result) == [
        "people.csv:4:1: error [duplicate-id] duplicate id '2', first at row 3",
        "people.csv:5:1: info [future-row] a future-dated row of '2' (effective after "
        "2025-01-31) is set aside; row 4 is current"]


def test_as_of_on_the_command_line(tmp_path: Path) -> None:
    path = table(tmp_path, "csv", ENDS)
    out = tmp_path / "org.yaml"
    result = CliRunner().invoke(main, ["import", str(path), "-o", str(out),
                                       "--as-of", "2024-06-01"])
    assert result.exit_code == 0, result.output
    assert (f"{path}:5:1: info [future-row] a future-dated row of 'E12' (effective after "
            "2025-01-31) is set aside; row 4 is current") in result.output
    assert [p.title for p in load(out).people if p.id == "E12"] == ["Engineer"]


@pytest.mark.parametrize(("cell", "day"), [
    ("2025-01-31", D(2025, 1, 31)), ("2025-01-31 00:00:00", D(2025, 1, 31)),
    ("31-JAN-2025", D(2025, 1, 31)), ("20250131", D(2025, 1, 31)),
    ("45688", D(2025, 1, 31)), ("45688.5", D(2025, 1, 31)),
    ("4712-12-31", D(4712, 12, 31)), ("9999-12-31", D.max), ("31.12.9999", D.max),
    ("2958465", D.max),
    ("06/07/2030", None), ("31-DEC-12", None), ("soon", None), ("0000-00-00", None),
])
def test_the_day_of_a_cell(cell: str, day: datetime.date | None) -> None:
    assert day_of(cell) == day


def test_the_day_of_a_cell_of_a_column_that_reads_day_first() -> None:
    assert day_of("06/07/2030", True) == D(2030, 7, 6)
    assert day_of("06/07/2030", False) == D(2030, 6, 7)


@pytest.mark.parametrize(("cell", "none"), [
    ("", True), (None, True), ("NULL", True), ("-", True), ("n/a", True),
    ("0000-00-00", True), ("0000-00-00 00:00:00", True), ("00/00/0000", True),
    ("2025-01-31", False), ("soon", False),
])
def test_a_cell_that_says_no_date(cell: str | None, none: bool) -> None:
    assert no_date(cell) is none


#: The reviewer's hr2.csv: BambooHR's or Workday's layout, a `Start Date` (a hire date)
#: beside a `Termination Date`; Cat New is hired in 2027, her report Dan already there.
HR2 = ("Employee ID,Name,Manager ID,Title,Start Date,Termination Date\n"
       "1,Ann Boss,,CEO,2015-01-01,\n"
       "2,Bob Lead,1,VP Engineering,2020-03-01,\n"
       "3,Cat New,2,Engineering Manager,2027-01-04,\n"
       "4,Dan Soon,3,Software Engineer,2020-02-01,\n")


def test_a_hire_date_beside_a_termination_date_sets_nothing_aside(tmp_path: Path) -> None:
    # (9aa93e8 set Cat New aside as future-dated: "manager '3' is a future-dated row ...",
    # exit 1; at cad20ad 4 positions)
    (tmp_path / "hr2.csv").write_text(HR2, encoding="utf-8")
    result = CliRunner().invoke(main, ["import", str(tmp_path / "hr2.csv"), "--as-of",
                                       "2026-12-07", "-o", str(tmp_path / "x.yaml")])
    assert result.exit_code == 0, result.output
    assert result.stderr.startswith("imported 4 positions to ")
    text = (tmp_path / "x.yaml").read_text(encoding="utf-8")
    assert "end_date = 'Termination Date'\n# Not imported: Start Date\n" in text
    assert [p.id for p in load(tmp_path / "x.yaml").people] == ["1", "2", "3", "4"]
    # (the termination date keeps its meaning: a row ended before the day is history)
    (tmp_path / "hr2.csv").write_text(HR2 + "5,Eve Gone,2,Engineer,2019-01-01,2026-12-06\n",
                                      encoding="utf-8")
    gone = imported(tmp_path / "hr2.csv", "2026-12-07")
    assert said(gone) == ["hr2.csv:6:1: warning [history-row] history row of 'Eve Gone' "
                          "(Termination Date 2026-12-06) not imported"]


@pytest.mark.parametrize("end", ["Term Date", "TermDate", "TERM_DATE", "Termination Dt",
                                 "TERMINATION_DT", "Date of Termination"])
def test_termination_dates_as_payroll_reports_and_peoplesoft_spell_them(
        tmp_path: Path, end: str) -> None:
    # (`Term Date` was not read: Eve Gone, terminated the day before, was imported)
    assert detect(["Employee ID", "Manager ID", "Start Date", end], {}).get("end_date") == 3
    (tmp_path / "hr2.csv").write_text(
        HR2.replace("Termination Date", end) + "5,Eve Gone,2,Engineer,2019-01-01,2026-12-06\n",
        encoding="utf-8")
    gone = imported(tmp_path / "hr2.csv", "2026-12-07")
    assert said(gone) == [f"hr2.csv:6:1: warning [history-row] history row of 'Eve Gone' "
                          f"({end} 2026-12-06) not imported"]
    assert [p.id for p in gone.org.people] == ["1", "2", "3", "4"]


@pytest.mark.parametrize(("start", "end", "dated"), [
    ("Start Date", "Termination Date", False), ("StartDate", "Leave Date", False),
    ("Start Date", "End Date", False), ("Start Date", "Exit Date", False),
    ("Start Date", "EffectiveEndDate", True), ("Start Date", "Effective End Date", True),
    ("StartDate", "Valid To", True), ("Start Date", "Effective To", True),
    ("EffectiveStartDate", "Termination Date", True), ("Valid From", "End Date", True),
    ("Effective From", "Leave Date", True), ("EFFECTIVE_START_DATE", "EFFECTIVE_END_DATE", True),
])
def test_a_start_column_starts_periods_only_when_the_columns_say_so(
        tmp_path: Path, start: str, end: str, dated: bool) -> None:
    # (a plain `Start Date` is a period's start only beside an effective end; an effective
    # start is one beside any end column)
    assert (detect(["id", "manager", start, end], {}).get("start_date") == 2) is dated
    rows = [[start if c == "EffectiveStartDate" else end if c == "EffectiveEndDate" else c
             for c in row] for row in STARTS]
    result = imported(table(tmp_path, "csv", rows), "2024-06-01")
    # (dated: the later row by its start; else by its end, after the other's)
    assert [(p.line, p.rule, "effective from" in p.message) for p in result.problems] == [
        (4, "future-row", dated)]


def test_an_oracle_export_is_still_dated(tmp_path: Path) -> None:
    path = tmp_path / "ora.csv"
    path.write_text("PERSON_ID,FULL_NAME,SUPERVISOR_ID,JOB,EFFECTIVE_START_DATE,"
                    "EFFECTIVE_END_DATE\n100,Steven King,,President,2010-01-01,4712-12-31\n"
                    "101,Neena Kochhar,100,VP,2027-01-04,4712-12-31\n", encoding="utf-8")
    result = imported(path, "2026-12-07")
    assert said(result) == [
        "ora.csv:3:1: info [future-row] a future-dated row of '101' (effective from "
        "2027-01-04, after the day of the import 2026-12-07) is set aside: --as-of a later "
        "day imports it"]
    assert [p.id for p in result.org.people] == ["100"]
    # (and so a `Start Date` beside an effective end)
    path.write_text(path.read_text(encoding="utf-8").replace("EFFECTIVE_START_DATE",
                                                             "Start Date"), encoding="utf-8")
    assert [p.id for p in imported(path, "2026-12-07").org.people] == ["100"]


#: AdventureWorks' DimEmployee layout: a row per period of a person (each row its own key),
#: a `HireDate` beside the `StartDate` and `EndDate` of the row's period; Sheela Word hired
#: 2010-09-25, her rows' periods from then, from 2011-02-28 and from 2012-02-13 (open).
PERIODS = ("EmployeeKey,ParentEmployeeKey,FirstName,LastName,Title,HireDate,StartDate,EndDate,"
           "Status\n"
           "1,,Ken,Sanchez,CEO,2005-01-01,2005-01-01,,Current\n"
           "278,1,Sheela,Word,Purchasing Manager,2010-09-25,2010-09-25,2011-02-27,\n"
           "279,1,Sheela,Word,Purchasing Manager,2010-09-25,2011-02-28,2012-02-12,\n"
           "280,1,Sheela,Word,Purchasing Manager,2010-09-25,2012-02-13,,Current\n")


@pytest.mark.parametrize(("header", "dated"), [
    (["id", "manager", "HireDate", "StartDate", "EndDate"], True),
    (["id", "manager", "Start Date", "End Date", "Hire Date"], True),
    (["id", "manager", "Date of Hire", "Start Date", "Termination Date"], True),
    (["id", "manager", "StartDate", "EndDate"], False),
    (["id", "manager", "Original Hire Date", "Start Date", "Termination Date"], False),
    (["id", "manager", "Start Date", "Termination Date"], False),
])
def test_beside_a_hire_date_a_start_date_is_a_period_s(header: list[str], dated: bool) -> None:
    # (the hire date is its own column: the `Start Date` beside it starts the row's period)
    assert (detect(header, {}).get("start_date") is not None) is dated


@pytest.mark.parametrize(("day", "imported_ids", "findings"), [
    ("2010-06-01", ["1"], [
        "periods.csv:3:1: info [future-row] a future-dated row of '278' (effective from "
        "2010-09-25, after the day of the import 2010-06-01) is set aside: --as-of a later "
        "day imports it",
        "periods.csv:4:1: info [future-row] a future-dated row of '279' (effective from "
        "2011-02-28, after the day of the import 2010-06-01) is set aside: --as-of a later "
        "day imports it",
        "periods.csv:5:1: info [future-row] a future-dated row of '280' (effective from "
        "2012-02-13, after the day of the import 2010-06-01) is set aside: --as-of a later "
        "day imports it"]),
    ("2011-01-01", ["1", "278"], None),
    ("2011-06-01", ["1", "279"], None),
    ("2012-02-13", ["1", "280"], None),
    ("2020-01-01", ["1", "280"], None),
])
def test_a_person_s_periods_beside_a_hire_date_import_the_one_of_the_day(
        tmp_path: Path, day: str, imported_ids: list[str], findings: list[str] | None) -> None:
    # (the `StartDate` was read as a hire date, not imported: as of 2010-06-01, before her
    # hire, Sheela Word was imported three times, silently, and twice as of 2011-06-01)
    path = tmp_path / "periods.csv"
    path.write_text(PERIODS, encoding="utf-8")
    result = imported(path, day)
    assert [p.id for p in result.org.people] == imported_ids
    assert "start_date = 'StartDate'" in result.text
    if findings is not None:
        assert said(result) == findings
    else:  # (the other rows: periods ended, history; or not started, future-dated)
        assert {p.rule for p in result.problems} <= {"history-row", "future-row"}
        assert len(result.problems) == 2
    loads_back(tmp_path, result)
