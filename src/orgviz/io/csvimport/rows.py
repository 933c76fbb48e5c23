"""CSV rows to Records, column by column: the columns found, ids, values and flags."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from itertools import chain, repeat
from operator import itemgetter
from typing import Any

from orgviz.errors import OrgvizError
from orgviz.fte import (
    FTE_DECIMALS,
    FTE_RANGE,
    fte_fault,
    fte_rounded,
    fte_text,
    out_of_range,
    parse_fte,
    rounded_fte,
)
from orgviz.io.columns import (
    Columns,
    detect,
    has_people_columns,
    header_below_titles,
    names_a_given_column,
    normalise_header,
)
from orgviz.io.csvimport.cells import CellReader
from orgviz.io.csvimport.flags import FlagReader
from orgviz.io.csvimport.grades import roles_of_grades, senior_grades
from orgviz.io.csvimport.records import Record
from orgviz.io.csvimport.state import Periods, header_at
from orgviz.io.csvimport.values import (
    ELIMINATED_POST,
    FUTURE_DATED,
    MAX_TEXT,
    _each,
    _empty_as_none,
    add_note,
    list_cell,
    slug,
)
from orgviz.io.csvread import (
    EXPORT_COLUMNS,
    EXPORT_COLUMNS_FTE,
    SHORT_FIELD_CHARS,
    CsvTable,
    titles_skipped,
)
from orgviz.io.teamtable import is_export_header
from orgviz.problem import Problem, SourceLoc, quoted

#: Flag cells of the exact layout: `orgviz export` writes "true" or nothing; a spreadsheet
#: user marking a row may type any of these (TRUE is how Excel saves true).
_EXACT_TRUE = frozenset(("true", "yes", "y", "1", "x"))
_EXACT_FLAGS = _EXACT_TRUE | {"false", "no", "n", "0", ""}  # (true or false)
_LINE = itemgetter(0)
_CELLS = itemgetter(1)


def is_export_layout(header: Sequence[str]) -> bool:
    """Whether a CSV header is exactly the layout `orgviz export --format csv` writes."""
    return tuple(header) in (EXPORT_COLUMNS, EXPORT_COLUMNS_FTE)


def below_title_lines(table: CsvTable, given: Mapping[str, Sequence[str]] | None = None
                      ) -> tuple[CsvTable, Problem] | None:
    """The table whose header is a row below some title lines (`Employee Directory`, a
    date, as a report saves above its table), and the info that says so, as a workbook's
    header is found (`header_below_titles`); else None. A first line that holds an id or
    name column, or a column the options name (`given`: ImportOptions.columns), is the
    header."""
    if names_a_given_column(table.header, given or {}):
        return None
    if has_people_columns(detect(table.header, {})) and all(c.strip() for c in table.header):
        return None  # (the usual file: its rows are not looked at; a first line with blanks
        # may group the columns of the header below it: its next line is looked at)
    if _starts_as_org_file(table.header):  # (no title: `check_columns` says what it is)
        return None
    at = header_below_titles(chain([(table.header_line, table.header)], _lazy_rows(table)),
                             {error[0] for error in table.excel_errors})
    if not at:
        return None
    line, cells = table.rows[at - 1]
    above = [table.header, *(row for _line, row in table.rows[:at - 1])]
    titles = " ".join(c.strip() for row in above for c in row if c.strip())
    info = titles_skipped(table.shown, line, titles, "line")
    header = [c.strip().lstrip("\ufeff") for c in cells]
    # (title lines padded to the table's width, as a sheet saved as CSV pads them, leave it
    # split into columns: its rows are read from them)
    return table.below_titles(line, header, table.rows[at:]), info


def _starts_as_org_file(header: Sequence[str]) -> bool:
    """Whether a table's first line is an org file's (`orgviz: 1`, or the schema comment
    that import writes first): YAML, given by a name without .yaml (standard input)."""
    return bool(header) and header[0].startswith(("orgviz:", "# yaml-"))


def _lazy_rows(table: CsvTable) -> Iterator[tuple[int, list[str]]]:
    """The table's (line, cells) rows, made one by one from its columns when it has them
    (`CsvTable.rows` makes them all)."""
    if table.columns is None:
        yield from table.rows
        return
    columns = table.columns
    for i in range(len(columns[0]) if columns else 0):
        yield i + 2, [column[i] for column in columns]


def trim_to_export_layout(table: CsvTable) -> bool:
    """Whether the table is the export layout but for empty columns at its right (no header,
    no value: a spreadsheet saving the file adds them); if so, they are dropped."""
    header = table.header
    width = len(header)
    while width and not header[width - 1].strip():
        width -= 1
    if width == len(header) or not is_export_layout(header[:width]):
        return False
    if table.columns is not None:
        if any(c.strip() for column in table.columns[width:] for c in column):
            return False
        table.columns = table.columns[:width]
    else:
        if any(c.strip() for _line, cells in table.rows for c in cells[width:]):
            return False
        table.given_rows = [(line, cells[:width]) for line, cells in table.rows]
    table.header = header[:width]
    return True


class RowReader(CellReader, FlagReader):
    """Reads the people of a CSV table into columns of record values."""

    def read_people(self, table: CsvTable, exact: bool) -> RecordColumns:
        """The values of the table's rows, column by column (every field of Record, a list
        each), with the columns found noted for the file header."""
        if exact:
            fields = ["manager" if c == "reports_to" else c for c in table.header]
            columns = Columns(dict(zip(fields, range(len(fields)), strict=True)), (1,),
                              tuple(table.header))
        else:
            found = detect(table.header, self.options.columns)
            # (grade makes the cards of grouped junior posts: not a person's field, so it is
            # listed as not imported rather than as read; an organogram's grades of senior
            # posts give their roles: see grades.py)
            grade_at = found.index.get("grade")
            keep = ("grade",) if grade_at is not None and senior_grades(
                _column(table, grade_at)) else ()
            columns = Columns({f: i for f, i in found.index.items()
                               if f not in _JUNIOR_ONLY or f in keep},
                              found.name_parts, found.header)
        self.problems.extend(table.problems)
        if table.excel_errors or table.invisible:
            self.emptied = table
        seen: dict[str, int] = {}
        for i, head in enumerate(table.header):
            key = normalise_header(head)
            if key and key in seen:
                self.problem(SourceLoc(table.shown, table.header_line, i + 1), "warning",
                             "columns",
                             f"column {i + 1} repeats the header '{head}' of column "
                             f"{seen[key] + 1}: it is not imported")
            seen.setdefault(key, i)
        for note in columns.taken_by_options(self.options.columns):
            self.problem(SourceLoc(table.shown, 1, 1), "warning", "columns", note)
        self.check_columns(table, columns)
        self.header_notes.append(f"Columns: {columns.describe()}")
        unused = columns.unused()
        if unused:  # (at most 50: a file of thousands of columns writes one short line)
            self.header_notes.append("Not imported: " + quoted(unused, 50, str))
        self.cols = {f: i + 1 for f, i in columns.index.items()}
        if len(columns.name_parts) > 1:
            self.cols["name"] = columns.name_parts[0] + 1
        if "id" not in self.cols:
            self.cols["id"] = self.cols.get("name", self.cols.get("email", 1))
        # Cells of a file without control characters, tabs or double spaces only need strip().
        self.plain = table.plain
        self.strip_only = table.strip_only
        self.trimmed = table.trimmed
        self.short = table.short and SHORT_FIELD_CHARS <= MAX_TEXT
        if table.columns is not None:  # (rows on lines 2, 3 ..., as wide as the header)
            by_column: Sequence[Sequence[str]] = table.columns
            lines = list(range(2, table.row_count + 2))
        else:
            width = len(table.header)
            rows = table.rows
            if set(map(len, map(_CELLS, rows))) != {width}:
                rows = [(line, self.fit(table.shown, line, cells, width))
                        for line, cells in rows]
            lines = list(map(_LINE, rows))
            by_column = list(zip(*map(_CELLS, rows), strict=True))
        read = record_columns(len(lines), self.read_rows(table.shown, lines, by_column,
                                                         columns, exact))
        if self.table_beside and not exact and "team" in self.cols:
            from orgviz.io.csvimport.teamrows import keep_numbered_teams_note

            keep_numbered_teams_note(self, table, read["team"])
        return read

    def managers_by_name(self, managers: list[str | None], names: Sequence[str | None]
                         ) -> list[dict[str, int]]:
        """Fill the manager cells left empty in a column of ids from the column of managers'
        names beside it; each row's columns (a row filled so has its manager there)."""
        by_name = {**self.cols, "manager": self.cols["manager_name"]}
        cols = [self.cols] * len(managers)
        for r, (manager, name) in enumerate(zip(managers, names, strict=True)):
            if manager is None and name is not None:
                managers[r] = name
                cols[r] = by_name
        return cols

    def fit(self, shown: str, line: int, cells: list[str], width: int) -> list[str]:
        """A row made as wide as the header (missing fields empty, extra ones dropped)."""
        if len(cells) == width:
            return cells
        extra = cells[width:]
        if len(cells) < width or any(c.strip() for c in extra):
            self.problem(SourceLoc(shown, line, 1), "warning", "csv",
                         f"row has {len(cells):,} fields, the header has {width:,}"
                         + (": missing fields read as empty" if len(cells) < width
                            else ": extra fields ignored"))
        return (cells + [""] * width)[:width]

    def check_columns(self, table: CsvTable, columns: Columns) -> None:
        """Refuse a table without an id (or name) column or a manager column, with a hint."""
        if columns.get("id") is None and not columns.name_parts and \
                columns.get("email") is None:
            hint = ""
            folded = {normalise_header(h) for h in table.header}
            if folded & {"departmentid", "departmentname", "deptid"}:
                hint = (" (a list of departments? give it as teams (--teams FILE) with the people "
                        "CSV)")
            elif is_export_header(table.header):  # (export's own, not any header --teams
                # reads as a teams table: another tool's `Team,Lead` may be none, no hint)
                hint = (" (the teams table of `orgviz export`: import the people CSV beside it, "
                        "which reads it)")
            elif "reportingseniorpost" in folded:
                hint = (" (grouped junior posts? give them as junior (--junior FILE) to the "
                        "senior CSV's import)")
            if table.shown.lower().endswith((".yaml", ".yml")) or _starts_as_org_file(
                    table.header):
                raise OrgvizError(f"{table.shown}: a YAML file, not an HR export (CSV or "
                                  ".xlsx): an org file is what import writes; validate, render "
                                  "or export it")
            where, error = _header_error(table)
            raise OrgvizError(f"{where}: no id or name column found (looked for "
                              "EmployeeId, employee_id, id, Name ...)"
                              f"{error or hint or _other_sheets(table)}: give the id column "
                              "(--id COLUMN)")
        if columns.get("manager") is None:
            folded = {normalise_header(h) for h in table.header}
            hint = ""
            if "reportingseniorpost" in folded:
                hint = (" (grouped junior posts? give them as junior (--junior FILE) to the "
                        "senior CSV's import)")
            option = columns.option_taking("manager", self.options.columns)
            if option:  # (--id Manager: the column found for the manager went to the id)
                raise OrgvizError(f"{table.shown}: no manager column: {option} takes the "
                                  "column found for the manager; give the manager column "
                                  "(--manager COLUMN) too")
            where, error = _header_error(table)
            raise OrgvizError(f"{where}: no manager column found (looked for ReportsTo, "
                              f"manager_id, parentId, Supervisor ...)"
                              f"{error or hint or _other_sheets(table)}: give the manager column "
                              "(--manager COLUMN)")

    def read_rows(self, shown: str, lines: list[int], by_column: Sequence[Sequence[str]],
                  columns: Columns, exact: bool) -> dict[str, Iterable[Any]]:
        """The values of the records of rows as wide as the header, given column by column
        with the line each row starts on (fields left out take their defaults).

        A column whose cells are all plain is cleaned in one pass; the other columns are read
        cell by cell, row by row and in field order, so that problems and tallies come out as
        they would reading one row after the other.
        """
        n = len(lines)
        if not n:
            return {}
        values: dict[str, list[str | None]] = {}
        slow: list[tuple[str, int, int]] = []  # (field, column, name part or -1)
        several = len(columns.name_parts) > 1
        for fld, i in columns.index.items():
            column = by_column[i]
            # (the first and last name of a name in parts are read as the parts: their own
            # values are only read cell by cell, for what that reports)
            unread = several and fld in _NAME_PARTS
            mode = self.column_mode(column, exact, False, not unread)
            if mode is None:
                values[fld] = [None] * n
                slow.append((fld, i, -1))
            elif unread:
                continue
            elif mode == "full":  # no cell is empty
                values[fld] = list(column)
            else:
                values[fld] = _empty_as_none(list(map(str.strip, column)) if mode == "strip"
                                             else list(column))
        parts: list[list[str | None]] = []
        if several:
            for k, i in enumerate(columns.name_parts):
                column = by_column[i]
                mode = self.column_mode(column, exact, True)
                if mode is None:
                    parts.append([None] * n)
                    slow.append(("name", i, k))
                else:
                    parts.append(list(map(str.strip, column)) if mode == "strip"
                                 else list(column))
        if slow:
            cell = self.cell
            for r, line in enumerate(lines):
                where = (shown, line)
                for fld, i, k in slow:
                    if k < 0:
                        values[fld][r] = cell(by_column[i][r], exact, where, fld, i, False)
                    else:
                        parts[k][r] = cell(by_column[i][r], exact, where, fld, i, True)
        if exact:  # a text of whitespace alone is none (the loader would refuse it)
            for fld, column_values in values.items():
                if column_values is not None and not all(
                        v is None or v.strip() for v in column_values):
                    values[fld] = [v if v is None or v.strip() else None
                                   for v in column_values]
        none: list[Any] = [None] * n
        get = values.get
        if not several:
            names = list(get("name") or none)
        elif len(parts) == 2 and all(None not in p and "" not in p for p in parts):
            names = list(map(" ".join, zip(*parts, strict=True)))
        elif len(parts) == 2:
            names = [f"{a} {b}" if a and b else a or b or None
                     for a, b in zip(*parts, strict=True)]
        else:
            names = [" ".join(p for p in ps if p) or None for ps in zip(*parts, strict=True)]
        titles = list(get("title") or none)
        # Each row's notes: () until it has one (see `records_of`).
        notes: list[Sequence[str]] = [()] * n
        backups = values.pop("manager_name", None)
        cols: Iterable[dict[str, int]] = repeat(self.cols, n)
        if backups is not None and values.get("manager") is not None:
            cols = self.managers_by_name(values["manager"], backups)
        record_values: dict[str, Iterable[Any]] = {
            "line": lines, "file": repeat(shown, n), "manager": get("manager") or none,
            "team": get("team") or none, "location": get("location") or none,
            "email": get("email") or none, "cols": cols, "notes": notes,
        }
        if exact:
            for fld in ("vacant", "assistant"):
                self.check_flags(shown, lines, fld, get(fld))
            record_values.update(
                team_name=get("team_name") or none,
                vacant=_each(get("vacant"), _exact_flag, n),
                assistant=_each(get("assistant"), _exact_flag, n),
                roles=self.read_lists(shown, lines, "role", get("role"), notes),
                dotted_raw=self.read_lists(shown, lines, "dotted_to", get("dotted_to"), notes))
            self.check_team_names(shown, lines, get("team"), get("team_name"), notes)
        else:
            record_values.update(self.read_flags(values, columns, names, titles, notes, lines,
                                                shown))
            if "end_date" in values:  # (kept for periods.py: a start column alone is no
                # period's, such as a hire date's `Start Date`: repeated ids stay errors;
                # nor is one beside a `Termination Date` without a `Hire Date`:
                # columns.period_start)
                self.periods = Periods(shown, lines, values["end_date"],
                                       values.get("start_date"))
                if self.periods.starts is not None:
                    record_values["history"] = self.set_aside_starts(
                        record_values["history"], self.periods.starts)
            grades = values.get("grade")
            if grades is not None:  # (an organogram's: see read_people)
                record_values["roles"] = roles_of_grades(record_values["roles"], grades)
        # (the values of the rows set aside are not looked at: no finding about them)
        history = record_values.get("history")
        aside = history if isinstance(history, list) and any(history) else None
        emails = get("email")
        if not exact:
            self.check_emails(shown, lines, emails if emails is None or aside is None
                              else _not_set_aside(emails, aside))
        ftes = get("fte")
        if ftes is not None:
            record_values["fte"] = self.read_ftes(
                shown, lines, ftes if aside is None else _not_set_aside(ftes, aside), notes,
                exact, aside)
        ids, generated = self.read_ids(shown, get("id"), columns, names, emails, lines, notes,
                                       aside)
        self.name_the_unnamed(shown, columns, exact, ids, names,
                              record_values["vacant"], lines, notes)
        record_values.update(id=ids, name=names, title=titles, generated=generated)
        return record_values

    def set_aside_starts(self, history: Iterable[str | None],
                         starts: Sequence[str | None]) -> list[str | None]:
        """Each row's history with the rows starting after the day of the import (not
        ended already) marked future-dated: the import is the org of that day (see
        periods.py; `Linker.split_history` sets them aside)."""
        from orgviz.io.csvimport.periods import starts_after  # (start and end columns)

        marked = list(history)
        for r, start in starts_after(starts, self.reference_date()):
            if marked[r] is None:
                marked[r] = f"{FUTURE_DATED}, effective from {start.isoformat()}"
        return marked

    def check_emails(self, shown: str, lines: Sequence[int],
                     emails: Sequence[str | None] | None) -> None:
        """One info at the first email value that is no address (no '@': a user name such
        as Oracle HR's 'SKING'), with how many more there are: imported as they are."""
        if emails is None:
            return
        odd = [email for email in emails if email and "@" not in email]
        if not odd:
            return
        first = emails.index(odd[0])
        said = (f"email '{odd[0]}' is not an address (no '@')" if len(odd) == 1 else
                f"email '{odd[0]}' and {len(odd) - 1:,} more are not addresses (no '@')")
        self.problem(SourceLoc(shown, lines[first], self.cols["email"]), "info", "email",
                     f"{said}: imported as written")

    def read_ftes(self, shown: str, lines: Sequence[int], values: Sequence[str | None],
                  notes: list[Sequence[str]], exact: bool,
                  aside: Sequence[str | None] | None = None) -> list[float | None]:
        """Each row's FTE (`fte_of`): None where the cell is empty, or (but in the exact
        layout) 1, the FTE of a position without one. A row stays imported (`fte_of`'s
        `settled`) unless it is an eliminated post (`aside`: each row's history), or the
        file has end dates (a row may be found future-dated: `set_aside_future_rows`)."""
        ftes: list[float | None] = []
        col = self.cols["fte"]
        dated = self.periods is not None
        for r, value in enumerate(values):
            fte = None if value is None else parse_fte(value)
            if fte is None and value is not None:
                settled = not dated and (aside is None or aside[r] != ELIMINATED_POST)
                fte, note = self.fte_of(SourceLoc(shown, lines[r], col), value, not exact,
                                        settled)
                if note is not None:
                    add_note(notes, r, note)
            ftes.append(None if fte == 1 and not exact else fte)
        return ftes

    def fte_of(self, at: SourceLoc, value: str, local: bool, settled: bool = True
               ) -> tuple[float | None, str | None]:
        """The FTE of a cell that `parse_fte` refuses, and the note on its row, if any: with
        `local`, a decimal comma or a percent sign read (an info at the first such cell,
        which moves to the next when its row is set aside: such cells are kept up to the
        first on a row `settled`, that no later step sets aside);
        a number in exponent form (1E-10, 5E-01: Excel's General format) read as its decimal
        number; more than FTE_DECIMALS decimals rounded to them (a note, and an info at the
        first such cell); a number that is not 0 but rounds to 0, a warning at each cell
        (`0`, as written so, is no mistake; this one may be); else None, a warning at the
        cell and a note (left out)."""
        fte = _local_fte(value) if local else None
        if fte is not None:
            if fte == 0 and _NOT_ZERO.search(value):
                return self.rounded_to_zero(at, value)
            read = fte_text(fte)
            if not self.local_ftes_settled:  # (the info moves off a row set aside)
                self.local_ftes.append((at, value, read))
                self.local_ftes_settled = settled
            if not self.said_local_fte:
                self.said_local_fte = True
                self.problem(at, "info", "csv", local_fte_info(value, read))
            return fte, None
        rounded = fte_rounded(value)  # (Excel's =1/3: 0.3333333333333333; 1E-10, 5E-01)
        if rounded is not None:
            fte, changed = rounded
            if not changed:
                return fte, None
            if fte == 0:  # (a digit that is not 0 was rounded off)
                return self.rounded_to_zero(at, value)
            if not self.said_rounded_fte:
                self.said_rounded_fte = True
                self.problem(at, "info", "csv", rounded_fte_info(value, fte_text(fte)))
            return fte, f"FTE '{value}{ROUNDED_TO}{fte_text(fte)}"
        self.problem(at, "warning", "csv", f"FTE '{value}' {fte_fault(value)}: left out")
        return None, f"FTE '{value}' left out: " + (
            f"out of range ({FTE_RANGE})" if out_of_range(value) else "not a number")

    def rounded_to_zero(self, at: SourceLoc, value: str) -> tuple[float, str]:
        """An FTE of a number that is not 0 but rounds to 0 at FTE_DECIMALS decimals: 0,
        with a warning at the cell and the note on its row."""
        self.problem(at, "warning", "csv",
                     f"FTE '{value}' rounds to 0 (org files hold {FTE_DECIMALS} decimals): "
                     "imported as 0; write the FTE meant")
        return 0.0, f"FTE '{value}' rounded to 0"

    def read_lists(self, shown: str, lines: Sequence[int], fld: str,
                   values: Sequence[str | None] | None,
                   notes: list[Sequence[str]]) -> list[tuple[str, ...]]:
        """Each row's ids of a list column of the exact layout (`list_cell`). A cell that
        starts as a JSON list but is none of strings is a warning at the cell, and left out."""
        n = len(lines)
        if values is None:
            return [()] * n
        lists: list[Any] = _each(values, list_cell, n)  # type: ignore[assignment]  # (a list)
        if None in lists:
            for r in [r for r, ids in enumerate(lists) if ids is None]:
                self.problem(SourceLoc(shown, lines[r], self.cols[fld]), "warning", "csv",
                             f"{fld} '{values[r]}' is not a readable list (a JSON list of "
                             "strings, or ids separated by ';'): left out")
                add_note(notes, r, f"{fld} '{values[r]}' left out: not a readable list")
                lists[r] = ()
        return lists

    def check_team_names(self, shown: str, lines: Sequence[int],
                         teams: Sequence[str | None] | None,
                         names: Sequence[str | None] | None,
                         notes: list[Sequence[str]]) -> None:
        """Warn at each team_name of the exact layout whose row has no team (it names the
        team of that id: without one, it is left out), and at each that names a team
        another way than a row above (the team keeps the first name: `team_ids`)."""
        if names is None or teams is None:
            return
        if None in teams:
            for r in [r for r, (team, name) in enumerate(zip(teams, names, strict=True))
                      if name is not None and team is None]:
                self.problem(SourceLoc(shown, lines[r], self.cols["team_name"]), "warning",
                             "csv", f"team_name '{names[r]}' has no team (the team cell is "
                             "empty): left out")
                add_note(notes, r, f"team_name '{names[r]}' left out: no team")
        pairs = set(zip(teams, names, strict=True))
        if len(pairs) == len({team for team, _name in pairs}):
            return  # (the usual case: one name a team, or none)
        # (a team_name that is the team id names none: `orgviz export` writes it so)
        named: dict[str, int] = {}  # each team's first name's row
        for r, (team, name) in enumerate(zip(teams, names, strict=True)):
            if team is None or not name or name == team:
                continue
            first = named.setdefault(team, r)
            if names[first] != name:
                self.problem(SourceLoc(shown, lines[r], self.cols["team_name"]), "warning",
                             "csv", f"team_name '{name}' of team '{team}' differs from "
                             f"'{names[first]}' (row {lines[first]}): team '{team}' is named "
                             f"'{names[first]}', the first name given")
                add_note(notes, r, f"team_name '{name}' left out: team '{team}' is named "
                         f"'{names[first]}' (row {lines[first]})")

    def check_flags(self, shown: str, lines: Sequence[int], fld: str,
                    values: Sequence[str | None] | None) -> None:
        """Warn at the first row of each value of an exact-layout flag column that is
        neither true nor false (read as false)."""
        if values is None:
            return
        odd = {v for v in set(values) if v is not None
               and v.strip().lower() not in _EXACT_FLAGS}
        for value in sorted(odd, key=values.index):
            self.problem(SourceLoc(shown, lines[values.index(value)], self.cols[fld]),
                         "warning", "csv", f"{fld} '{value}' is neither true nor false: read "
                         "as false (true, yes, y, 1 or x is true)")

    def name_the_unnamed(self, shown: str, columns: Columns, exact: bool,
                         ids: Sequence[str], names: list[str | None], vacant: Iterable[bool],
                         lines: Sequence[int], notes: list[Sequence[str]]) -> None:
        """Name by their ids the people without a name who are not vacant (an org file
        requires a name of everyone else): all of them when there is no name column (one
        info), or rows of the exact layout with an empty name (a warning each)."""
        if not exact and (columns.get("name") is not None or columns.name_parts):
            return  # (an empty name there is a vacancy: see read_flags)
        unnamed = [r for r, (name, open_role) in enumerate(zip(names, vacant, strict=True))
                   if name is None and not open_role]
        if not unnamed:
            return
        for r in unnamed:
            names[r] = ids[r]
        if not exact:
            self.header_notes.append("No name column: people are named by their ids")
            self.problem(SourceLoc(shown, 1, 1), "info", "no-name",
                         "no name column: people are named by their ids; give the name "
                         "column (--name COLUMN) to name them")
            return
        for r in unnamed:
            add_note(notes, r, "no name and not vacant: named by the id")
            self.problem(SourceLoc(shown, lines[r], self.cols["name"]), "warning", "no-name",
                         f"'{ids[r]}' has no name and is not vacant: named '{ids[r]}'")

    def read_ids(self, shown: str, ids: list[str | None] | None, columns: Columns,
                 names: list[str | None], emails: list[str | None] | None, lines: list[int],
                 notes: list[Sequence[str]], aside: Sequence[str | None] | None = None
                 ) -> tuple[list[str], Iterable[bool]]:
        """The rows' ids: from the id column, else made from the names (or emails). A row
        without an id is an error, but one set aside as it is read (`aside`: each row's
        history; not an eliminated post, which may be kept): it is not imported."""
        n = len(names)
        if ids is None:  # no id column: ids from the names, as in Visio's wizard files
            return ([slug(name or email or "", "person")
                     for name, email in zip(names, emails or repeat(None, n), strict=True)],
                    repeat(True, n))
        result: list[Any] = ids
        if all(ids):
            return result, repeat(False, n)
        for r in [r for r, rid in enumerate(ids) if not rid]:
            line = lines[r]
            result[r] = f"row-{line}"
            if aside is not None and aside[r] and aside[r] != ELIMINATED_POST:
                continue
            loc = SourceLoc(shown, line, self.cols.get("id", 1))
            self.problem(loc, "error", "missing-id",
                         f"row has no id (column '{columns.header[columns.index['id']]}')"
                         + (f": imported as 'row-{line}'" if self.options.keep_going else ""))
            add_note(notes, r, "no id in the CSV: id generated from the row number")
        return result, repeat(False, n)


def _column(table: CsvTable, at: int) -> Sequence[str]:
    """The cells of one column of a table (empty where a row is short)."""
    if table.columns is not None:
        return table.columns[at]
    return [cells[at] if at < len(cells) else "" for _line, cells in table.rows]


#: An FTE written with a decimal comma (0,5; not 1,000, which may be a thousand), or as a
#: percentage of a full-time post (80%).
_DECIMAL_COMMA = re.compile(r"([0-9]+),([0-9]{1,2}|[0-9]{4,})")
_PERCENT = re.compile(r"([0-9]+(?:[.,][0-9]+)?) ?%")


#: A digit that is not 0: a cell holding one writes a number that is not 0.
_NOT_ZERO = re.compile(r"[1-9]")


def _local_fte(cell: str) -> float | None:
    """The FTE of a cell with a decimal comma or a percent sign, or None."""
    comma = _DECIMAL_COMMA.fullmatch(cell)
    if comma:
        return _any_fte(f"{comma.group(1)}.{comma.group(2)}")
    percent = _PERCENT.fullmatch(cell)
    if percent:
        number = _any_fte(percent.group(1).replace(",", "."))
        return None if number is None else parse_fte(f"{number / 100:.{FTE_DECIMALS}f}")
    return None


#: The end of the info at the first FTE of a file read with a decimal comma or a percent
#: sign (`local_fte_info`).
LOCAL_FTES = "FTEs with a decimal comma or a percent sign (80% is 0.8) are read so"


def local_fte_info(value: str, read: str) -> str:
    """The info, once a file, at the first FTE cell read with a decimal comma or a percent
    sign."""
    return f"FTE '{value}' read as {read}: {LOCAL_FTES}"


#: What the note on a row of a rounded FTE says between the cell and the FTE read.
ROUNDED_TO = "' rounded to "
#: The end of the info at the first rounded FTE of a file (`rounded_fte_info`).
ROUNDED_FTES = (f"FTEs with more than {FTE_DECIMALS} decimals are rounded to {FTE_DECIMALS}, "
                "as org files write them")


def rounded_fte_info(value: str, read: str) -> str:
    """The info, once a file, at the first FTE cell rounded to FTE_DECIMALS decimals."""
    return f"FTE '{value}' read as {read}: {ROUNDED_FTES}"


def _any_fte(text: str) -> float | None:
    """The FTE of a decimal number, rounded to FTE_DECIMALS when it has more, or None."""
    fte = parse_fte(text)
    return rounded_fte(text) if fte is None else fte


def _not_set_aside(values: Sequence[str | None], history: Sequence[str | None]
                   ) -> list[str | None]:
    """The values of a column without those of the rows set aside (history rows, future-dated
    rows: not imported; an eliminated post may be, as an open position, so its are kept)."""
    return [None if why and why != ELIMINATED_POST else value
            for value, why in zip(values, history, strict=True)]


def _exact_flag(cell: str | None) -> bool:
    """Whether a flag cell of the exact layout says true."""
    return cell is not None and cell.strip().lower() in _EXACT_TRUE


_NAME_PARTS = ("first_name", "last_name")
#: Fields only the grouped junior posts of an organogram use (see junior.py).
_JUNIOR_ONLY = ("grade",)
#: The values of n records, one list per Record field (see `record_columns`).
RecordColumns = dict[str, list[Any]]


def record_columns(n: int, values: Mapping[str, Iterable[Any]]) -> RecordColumns:
    """Every Record field's n values, as lists: the values given, else the field's default
    (a new one for each record when the default is a factory)."""
    fields = dataclasses.fields(Record)
    if not values.keys() <= {f.name for f in fields}:
        raise TypeError(f"Record: unknown fields in {sorted(values)}")
    if not n:
        return {fld.name: [] for fld in fields}
    columns: RecordColumns = {}
    for fld in fields:
        given = values.get(fld.name)
        if given is not None:
            columns[fld.name] = list(given)
        elif fld.default is not dataclasses.MISSING:
            columns[fld.name] = [fld.default] * n
        elif fld.default_factory is not dataclasses.MISSING:
            columns[fld.name] = [fld.default_factory() for _ in range(n)]
        else:
            raise TypeError(f"Record: no value for {fld.name!r}")
        if len(columns[fld.name]) != n:
            raise ValueError(f"Record: {len(columns[fld.name])} values of {fld.name}, not {n}")
    return columns


def records_of(columns: RecordColumns) -> list[Record]:
    """The records of columns (`record_columns`): `Record(**fields)` for each, called
    positionally in one C loop. Rows without notes (`()` or an empty list in the notes
    column) get a new empty list each."""
    values = [columns[name] for name in _RECORD_FIELDS]
    values[_NOTES_AT] = [notes if notes else [] for notes in values[_NOTES_AT]]
    return list(map(Record, *values))


#: Record's fields, in the order of its __init__ arguments (all positional: see tests/io).
_RECORD_FIELDS = tuple(f.name for f in dataclasses.fields(Record))
_NOTES_AT = _RECORD_FIELDS.index("notes")


def _header_error(table: CsvTable) -> tuple[str, str]:
    """Where to point a missing column's error, and what to add to it: the header read
    (`FILE:LINE:1`: below title lines, the line or row taken as the header), or the first
    Excel error in it (the column looked for may be the one whose name failed)."""
    named = [error for error in table.excel_errors if error[0] == table.header_line]
    if not named:
        return header_at(table), ""
    line, col, value = named[0]
    return (f"{table.shown}:{line}:{col}", f" (the header of column {col} is the Excel error "
            f"{value}: a formula that failed; fix it in the workbook)")


def _other_sheets(table: CsvTable) -> str:
    """" (read sheet 'A' of 2; the others: 'B'; sheet (--sheet) picks one)" for a
    workbook."""
    if not table.sheets:
        return ""
    return (f" (read sheet '{table.sheets[0]}' of {len(table.sheets):,}; the others: "
            f"{quoted(table.sheets[1:], 3)}; sheet (--sheet) picks one)")
