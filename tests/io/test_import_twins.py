"""Import code that decided one thing in two places, now deciding it in one: the vacancy
words that take a note are VACANCY_NAMES' own; a CSV's header below title lines is found as
a workbook's is (`columns.header_below_titles`)."""

from __future__ import annotations

from pathlib import Path

import pytest

from orgviz.errors import OrgvizError
from orgviz.io.csvimport import import_csv, values
from orgviz.io.csvimport.values import (
    EMPTY_WORDS,
    VACANCY_NAMES,
    _fold,
    _maybe_placeholders,
    placeholder_of,
)

#: The vacancy words that take a note (VACANCY_NAMES but the "nothing here" words).
WORDS = sorted(values._VACANCY_WORDS)
#: Those the pattern listed by hand before it was derived from VACANCY_NAMES.
BY_HAND = sorted(["vacant", "vacancy", "vacant post", "vacant role", "vacant position",
                  "unfilled", "tbh", "tbd", "tbc", "to be hired", "to be confirmed", "open",
                  "open role", "open position", "open req", "open headcount", "hiring"])


def test_the_words_are_those_the_pattern_listed_by_hand() -> None:
    # (no name reads otherwise than before the pattern was derived)
    assert WORDS == BY_HAND


@pytest.mark.parametrize("word", WORDS)
@pytest.mark.parametrize("note", [" - Req 123", ": Senior Engineer", " (backfill)", " #4",
                                  " \u2013 2025", "/contract"])
def test_each_vacancy_word_with_a_note_is_a_vacancy(word: str, note: str) -> None:
    name = word.title() + note
    assert placeholder_of(_fold(name)) == "vacant"
    # (and the filter that skips names that cannot be placeholders does not skip it)
    names: list[str | None] = [name, "Ann Lee"]
    assert 0 in set(_maybe_placeholders(names))
    assert 0 in set(_maybe_placeholders(names, True))


@pytest.mark.parametrize("word", sorted(VACANCY_NAMES & EMPTY_WORDS))
def test_a_nothing_word_with_a_note_stays_a_name(word: str) -> None:
    # ('None - see HR' is no vacancy word with a note, as it was not)
    assert placeholder_of(_fold(f"{word} - see HR")) is None


def test_every_character_that_folds_to_a_first_of_a_marked_name_is_looked_at() -> None:
    cased = values._MARKED_FIRSTS_CASED
    missed = [c for c in map(chr, range(0x110000))
              if c.casefold() in values._MARKED_FIRSTS and c not in cased]
    assert missed == []


def table(tmp_path: Path, ending: str, rows: list[list[str]]) -> Path:
    """The rows as p.csv or as the one sheet of p.xlsx (`ending`)."""
    path = tmp_path / f"p.{ending}"
    if ending == "csv":
        path.write_text("".join(",".join(row) + "\n" for row in rows), encoding="utf-8")
    else:
        from openpyxl import Workbook

        book = Workbook()
        for row in rows:
            book.active.append(row)
        book.save(path)
    return path


def header_info(path: Path) -> list[tuple[int, str]]:
    """(line, message) of the info that the header stands below title lines."""
    return [(p.line, p.message) for p in import_csv(path).problems
            if p.message.startswith("the header is on")]


UNIT = {"csv": "line", "xlsx": "row"}


@pytest.mark.parametrize("ending", ["csv", "xlsx"])
def test_a_header_of_known_columns_below_a_title_of_one_value(tmp_path: Path, ending: str
                                                               ) -> None:
    # (a CSV's header below lines of one value needed an id or name column and a manager
    # column: 'Email,Manager Email' was passed over, "no id or name column found" at line 1)
    path = table(tmp_path, ending, [["Staff list"], ["Email", "Manager Email", "Title"],
                                    ["ann@x.org", "", "CEO"], ["bob@x.org", "ann@x.org", "CTO"]])
    unit = UNIT[ending]
    assert header_info(path) == [(2, f"the header is on {unit} 2: the {unit}s above it are "
                                     "skipped ('Staff list' ...)")]
    ann, bob = import_csv(path).org.people
    assert (ann.email, bob.reports_to) == ("ann@x.org", ann.id)


@pytest.mark.parametrize("ending", ["csv", "xlsx"])
def test_a_title_line_of_several_values_may_hold_a_column_name(tmp_path: Path, ending: str
                                                               ) -> None:
    # (a CSV's title line below the first one holding a known column, 'Department', made
    # the first line the header: "no id or name column found")
    path = table(tmp_path, ending, [["Headcount report", "Q3"], ["Department", "Engineering"],
                                    ["id", "name", "title", "manager"], ["1", "Ann", "CEO", ""],
                                    ["2", "Bob", "CTO", "1"]])
    unit = UNIT[ending]
    assert header_info(path) == [(3, f"the header is on {unit} 3: the {unit}s above it are "
                                     "skipped ('Headcount report Q3 Department Engineering' "
                                     "...)")]
    assert [p.id for p in import_csv(path).org.people] == ["1", "2"]


@pytest.mark.parametrize("ending", ["csv", "xlsx"])
def test_a_header_whose_manager_name_failed_below_titles_of_several_values(
        tmp_path: Path, ending: str) -> None:
    # (in a CSV only a header below lines of one value was found by an Excel error in it:
    # this one was passed over, "no id or name column found" at line 1)
    path = table(tmp_path, ending, [["Headcount report", "Q3"], ["id", "name", "#REF!", "title"],
                                    ["1", "Ada", "", "CEO"]])
    with pytest.raises(OrgvizError) as raised:
        import_csv(path)
    assert str(raised.value) == (
        f"{path}:2:3: no manager column found (looked for ReportsTo, manager_id, parentId, "
        "Supervisor ...) (the header of column 3 is the Excel error #REF!: a formula that "
        "failed; fix it in the workbook): give the manager column (--manager COLUMN)")


@pytest.mark.parametrize("ending", ["csv", "xlsx"])
def test_a_header_of_people_and_managers_below_a_wider_title_row(tmp_path: Path, ending: str
                                                                 ) -> None:
    # (063b268 took a header only with more values than each title row above it: a title
    # row of three values, 'Region | EMEA | Confidential', or the reviewer's t7 'Filters |
    # Dept=All | Status=Active', left 'Name | Manager | Title' and 'Id | Name | Manager' below
    # it unread, "no id or name column found", exit 2; an id or name column and a manager
    # column make the header whatever its width)
    unit = UNIT[ending]
    rows = [["Headcount report", "Q3"], ["Region", "EMEA", "Confidential"],
            ["Name", "Manager", "Title"], ["Ann", "", "CEO"]]
    assert header_info(table(tmp_path, ending, rows))[0][0] == 3
    t7 = [["Generated by HRIS"], ["Run date", "2024-06-30"],
          ["Filters", "Dept=All", "Status=Active"], ["Id", "Name", "Manager"], ["1", "Ann", ""],
          ["2", "Bob", "1"]]
    path = table(tmp_path, ending, t7)
    assert header_info(path) == [(4, f"the header is on {unit} 4: the {unit}s above it are "
                                     "skipped ('Generated by HRIS Run date 2024-06-30 Filters "
                                     "Dept=All Statu' ...)")]
    assert [(p.id, p.reports_to) for p in import_csv(path).org.people] == [("1", None),
                                                                           ("2", "1")]
    # (a first row of several values with a known column is the header, of another kind,
    # as before: the error names it)
    path = table(tmp_path, ending, [["Title", "Manager"], ["CEO", ""], ["Id", "Name", "Manager"]])
    with pytest.raises(OrgvizError, match=f"^{path}:1:1: no id or name column found"):
        import_csv(path)


@pytest.mark.parametrize("ending", ["csv", "xlsx"])
def test_no_id_or_name_column_names_the_header_read(tmp_path: Path, ending: str) -> None:
    # (a name column without a manager column is no header below a wider title row: the
    # first row of several values is, and the error names it; it named the file alone)
    path = table(tmp_path, ending, [["Staff"], ["Run date", "2024-06-30"],
                                    ["Filters", "Dept=All", "Status=Active"],
                                    ["Name", "Title"], ["Ann", "CEO"]])
    with pytest.raises(OrgvizError) as raised:
        import_csv(path)
    assert str(raised.value) == (f"{path}:2:1: no id or name column found (looked for "
                                 "EmployeeId, employee_id, id, Name ...): give the id column "
                                 "(--id COLUMN)")
