"""No findings about the values of rows set aside (history rows, eliminated posts not kept,
future-dated rows): the control-character and role-dropped tallies count the rows imported
only, as the placeholder-name tally does, and a long value of a row set aside gets no
"truncated" warning (nothing of it is imported; the row is said by its own finding)."""

from __future__ import annotations

import datetime
import re
import tempfile
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from orgviz.io.csvimport import ImportOptions, ImportResult, import_csv

DAY = datetime.date(2025, 6, 1)
HEADER = "Employee ID,Name,Manager ID,Title,Role,Status,Start Date,Effective End Date"
#: Row 3 a history row (terminated) with a control character and a 600-character title,
#: row 4 an eliminated post, row 5 a row starting after DAY with a 600-character title:
#: each with a control character and a role value that is no role id, as row 6, imported.
ROWS = [
    HEADER,
    "1,Ada Boss,,CEO,,Active,2015-03-01,",
    "2,Bo Old\x07,1," + "T" * 600 + ",Admin,Terminated,2016-01-01,2020-01-01",
    "3,Eliminated,1,Analyst\x01,Clerk,Active,2018-01-01,",
    "4,Cy New\x02,1," + "F" * 600 + ",Staff,Active,2027-01-05,",
    "5,Di Four\x03,1,Engineer,Member,Active,2020-02-02,",
]


def imported(tmp_path: Path, rows: list[str], day: datetime.date = DAY) -> ImportResult:
    """The import of the rows written as people.csv, as of `day`."""
    path = tmp_path / "people.csv"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return import_csv(path, ImportOptions(reference_date=day))


def said(result: ImportResult) -> list[str]:
    """The problems as `file:line:col: level [rule] message`, the paths cut to file names."""
    return [f"{Path(p.file).name}:{p.line}:{p.col}: {p.level} [{p.rule}] "
            f"{p.message.replace(str(Path(p.file).parent) + '/', '')}"
            for p in result.problems]


def test_rows_set_aside_are_neither_tallied_nor_warned_of(tmp_path: Path) -> None:
    # (before: "control characters removed in 4 values ('people.csv:3', 'people.csv:4',
    # 'people.csv:5', 'people.csv:6')", "4 role values that are no role ids ('Admin',
    # 'Clerk', 'Staff', 'Member') left out", and "title is 600 characters long: cut to 500"
    # at 3:4 and 5:4)
    result = imported(tmp_path, ROWS)
    assert said(result) == [
        "people.csv:1:1: warning [csv] control characters removed in 1 value "
        "('people.csv:6')",
        "people.csv:1:2: info [eliminated-post] 1 eliminated post not imported ('3'): "
        "listed at the end of the file",
        "people.csv:1:5: info [no-role] 1 role value that is no role id ('Member') left out: "
        "the title gives the role",
        "people.csv:3:1: warning [history-row] history row of 'Bo Old' (status "
        "'Terminated') not imported",
        "people.csv:5:1: info [future-row] a future-dated row of '4' (effective from "
        "2027-01-05, after the day of the import 2025-06-01) is set aside: --as-of a later "
        "day imports it"]
    assert [p.id for p in result.org.people] == ["1", "5"]
    assert result.text.endswith(
        "# Rows not imported:\n"
        "#   people.csv:3: 2 Bo Old (status 'Terminated'): history row\n"
        "#   people.csv:4: 3 Analyst (post eliminated)\n"
        "#   people.csv:5: 4 Cy New (future-dated, effective from 2027-01-05)\n")


def test_a_row_imported_on_its_day_is_tallied_and_warned_of(tmp_path: Path) -> None:
    # (on the day row 5 starts it is imported: its control character, role value and
    # long title are its own findings again)
    result = imported(tmp_path, ROWS, datetime.date(2027, 1, 5))
    found = said(result)
    assert found[0] == ("people.csv:1:1: warning [csv] control characters removed in 2 "
                        "values ('people.csv:5', 'people.csv:6')")
    assert "people.csv:1:5: info [no-role] 2 role values that are no role ids ('Staff', "\
        "'Member') left out: the title gives the role" in found
    assert "people.csv:5:4: warning [truncated] title is 600 characters long: cut to 500" \
        in found
    assert not any(line.startswith(("people.csv:3:4:", "people.csv:4:")) for line in found)


def test_an_eliminated_post_kept_is_tallied_and_warned_of(tmp_path: Path) -> None:
    # (an eliminated post that a row reports to is imported as an open position: its
    # values are imported, and their findings stay)
    rows = [*ROWS[:3], "3,Eliminated,1," + "A" * 600 + "\x01,Clerk,Active,2018-01-01,",
            ROWS[4], "5,Di Four,3,Engineer,,Active,2020-02-02,"]
    found = said(imported(tmp_path, rows))
    assert found[0] == ("people.csv:1:1: warning [csv] control characters removed in 1 "
                        "value ('people.csv:4')")
    assert "people.csv:1:5: info [no-role] 1 role value that is no role id ('Clerk') left "\
        "out: the title gives the role" in found
    assert "people.csv:4:4: warning [truncated] title is 600 characters long: cut to 500" \
        in found
    assert not any(line.startswith(("people.csv:3:4:", "people.csv:5:4:")) for line in found)


#: A row's kind: its status, start date and end date (an eliminated post: by its name).
KINDS = {"current": ("Active", "2020-02-02", ""), "history": ("Terminated", "2016-01-01",
                                                               "2020-01-01"),
         "future": ("Active", "2027-01-05", ""), "eliminated": ("Active", "2018-01-01", "")}
#: A row below the boss: its kind, and whether its name holds a control character, its
#: role value is no role id, and its title is 600 characters long.
ROW = st.tuples(st.sampled_from(sorted(KINDS)), st.booleans(), st.booleans(), st.booleans())


def tallied(found: list[str], rule: str) -> tuple[int, list[str]]:
    """The count and the examples of the tally of `rule` at 1:1 or a header cell (0, [])."""
    for line in found:
        match = re.fullmatch(rf"people\.csv:1:\d+: \w+ \[{re.escape(rule)}\] \D*(\d+)[^(]*"
                             r"\((.*?)\)( left out: .*)?", line)
        if match:
            return int(match[1]), re.findall(r"'([^']*)'", match[2])
    return 0, []


@settings(max_examples=40, deadline=None)
@given(st.lists(ROW, min_size=1, max_size=12))
def test_only_rows_imported_are_tallied_and_warned_of(rows: list[tuple[str, bool, bool, bool]]
                                                      ) -> None:
    # (each row of any kind, with any of the three findings: the tallies and the warnings
    # are those of the rows imported, in row order)
    lines = [HEADER, "1,Ada Boss,,CEO,,Active,2015-03-01,"]
    for n, (kind, control, role, long) in enumerate(rows, start=2):
        status, start, end = KINDS[kind]
        name = "Eliminated" if kind == "eliminated" else f"P{n}"
        lines.append(f"{n},{name}{chr(7) if control else ''},1,{'T' * 600 if long else 'Eng'},"
                     f"{f'Admin{n}' if role else ''},{status},{start},{end}")
    with tempfile.TemporaryDirectory() as folder:
        result = imported(Path(folder), lines)
    kept = [(n + 1, row) for n, row in enumerate(rows, start=2) if row[0] == "current"]
    found = said(result)
    controls = [f"people.csv:{line}" for line, row in kept if row[1]]
    assert tallied(found, "csv") == (len(controls), controls[:5])
    roles = [f"Admin{line - 1}" for line, row in kept if row[2]]
    assert tallied(found, "no-role") == (len(roles), roles[:5])
    assert [p.line for p in result.problems if p.rule == "truncated"] == [
        line for line, row in kept if row[3]]
