"""One import run's state: options, records, problems, and tallies of frequent findings."""

from __future__ import annotations

import datetime
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from orgviz.errors import OrgvizError
from orgviz.io.columns import columns_of
from orgviz.io.csvimport.records import ImportOptions, Record
from orgviz.io.csvimport.values import MAX_TEXT
from orgviz.io.csvread import CsvTable
from orgviz.io.tables import read_table
from orgviz.placeholders import WITHHELD_NAME
from orgviz.problem import Problem, SourceLoc, quoted

#: The column whose values each tallied kind of finding is about, where it is reported (at
#: the column's header cell); a kind not here is at the column its first value was tallied
#: at (manager references: the manager column, or the managers' names beside it), else at
#: 1:1 ("control": values of any column).
TALLIED_COLUMN = {"placeholder": "name", "withheld": "name", "eliminated": "name",
                  "role-dropped": "role", "no-role": "title"}
#: The tallied kinds whose examples are quoted as they are tallied (two values each: "'1'
#: as '001'"); the others' examples are values, quoted when reported.
QUOTED_SAMPLES = frozenset(("zeros",))


@dataclass(frozen=True)
class Periods:
    """The effective dates of the rows of the people file: its end and start date columns
    (starts None: no such column), a value a row (on `lines`), kept to tell the current row
    of an id from its future-dated rows (see periods.py); only for a file with an end date
    column (a start column alone, such as a hire date's `Start Date`, is no period's)."""

    file: str
    lines: Sequence[int]
    ends: Sequence[str | None]
    starts: Sequence[str | None] | None


def header_at(table: CsvTable) -> str:
    """Where a table's header starts, as messages say it: `FILE:LINE:1`."""
    return f"{table.shown}:{table.header_line}:1"


class ImporterState:
    """One import run: collects records and problems."""

    def __init__(self, options: ImportOptions) -> None:
        self.options = options
        self.problems: list[Problem] = []
        self.records: list[Record] = []
        self.dropped: list[Record] = []
        self.header_notes: list[str] = []
        self.counts: Counter[str] = Counter()
        self.cols: dict[str, int] = {}
        self.plain = False
        self.strip_only = False
        self.trimmed = False  # no cell starts or ends with a space (CsvTable.trimmed)
        self.short = False  # no cell is longer than MAX_TEXT
        # each kind's distinct examples, in the order tallied (a dict as an ordered set):
        # the first five are shown, and how many more there are
        self.samples: dict[str, dict[str, None]] = {}
        self.tally_cols: dict[str, int] = {}  # kind -> the column of its first value tallied
        self.tallied: dict[str, Problem] = {}  # the problem of each kind tallied
        # (file, line, kind, example) of each finding tallied about a row's value (a
        # placeholder name or none, control characters removed, a role value left out), in
        # the order read: tallied once the rows set aside are known (`tally_rows`)
        self.row_tallies: list[tuple[str, int, str, str]] = []
        self.no_role_titles: frozenset[str] = frozenset()  # every title tallied "no-role"
        # each self-report's manager cell -> the reference written there when not the
        # row's id (" ('Ada Lovelace')"), "" when it is
        self.self_reports: dict[SourceLoc, str] = {}
        self.periods: Periods | None = None  # (a file with an end or start date column)
        self.teams_name = "the teams file"  # (--teams FILE's name, once read)
        # the teams file's path and its table (None: a teams table of its header alone),
        # once read: read once an import, whichever step asks for it (`read_teams_file`)
        self.teams_file: tuple[str, CsvTable | None] | None = None
        # the teams file's path and bytes when read before the import (the teams table
        # beside the people CSV, read whole once its first line told it is one): read no more
        self.teams_data: tuple[str, bytes] | None = None
        # whether the teams file is the teams table found beside the people CSV, not named
        # by --teams: a mistake in one of its rows (a lead who is no person of the CSV, a
        # color that is no color, a parent that is no team) is a warning, what it names
        # left out (`teamrows`)
        self.table_beside = False
        # what the import says of the people CSV's teams without a teams file (a team column
        # of numbers: `note_numbered_teams`), kept while the table beside it is read: said
        # when it is set aside (`teamrows.set_aside`)
        self.without_table: list[Problem] = []
        # whether an FTE with a decimal comma or a percent sign, and one rounded, were said
        self.said_local_fte = self.said_rounded_fte = False
        # the FTE cells read with a decimal comma or a percent sign, and the FTEs read, that
        # the info said at the first moves to when its row is set aside (`fte_of`): up to
        # the first on a row that no later step sets aside (`local_ftes_settled`: then True)
        self.local_ftes: list[tuple[SourceLoc, str, str]] = []
        self.local_ftes_settled = False
        # the people's table when cells of it were emptied (Excel errors, invisible
        # characters alone): their warnings are said anew of the rows imported
        # (`drop_set_aside_warnings`)
        self.emptied: CsvTable | None = None

    def problem(self, loc: SourceLoc, level: str, rule: str, message: str) -> None:
        self.problems.append(Problem.at(loc, level, rule, message))

    def reference_date(self) -> datetime.date:
        """The day end dates are compared with: ImportOptions.reference_date, else today."""
        return self.options.reference_date or datetime.date.today()

    def read_lookup(self, path: str, spellings: Mapping[str, Sequence[str]],
                    required: Sequence[str], needs: str) -> tuple[CsvTable, dict[str, int]]:
        """A companion file (--teams, --titles: `read_companion`), its problems kept, and
        its columns found by their spellings; OrgvizError "FILE:LINE:1: a ... file needs
        `needs`" at its header when one of `required` is not there."""
        table = self.read_companion(path)
        self.problems.extend(table.problems)
        found = columns_of(table.header, spellings)
        if any(fld not in found for fld in required):
            raise OrgvizError(f"{header_at(table)}: {needs}")
        return table, found

    def read_companion(self, path: str, data: bytes | None = None) -> CsvTable:
        """A file read beside the people's (--teams, --titles, --junior, the teams table
        beside the CSV) with the import's encoding, and its delimiter where the file's header
        holds it, else the file's own (`csvread.own_delimiter`); `data`: its bytes, when
        read already. Title lines above its header are skipped, as the people's are
        (`rows.below_title_lines`: the info that says so is the first of its problems)."""
        from orgviz.io.csvimport.rows import below_title_lines  # (rows.py reads state.py)

        table = read_table(path, self.options.encoding, self.options.delimiter,
                           companion=True, data=data)
        titled = below_title_lines(table)
        if titled is None:
            return table
        table, info = titled
        table.problems.insert(0, info)
        return table

    def tally(self, kind: str, sample: str, col: int | None = None) -> None:
        """Count a benign, frequent finding; reported once with its first five distinct
        examples and how many more there are (at `col`'s header cell, the first given, when
        the kind has no column of TALLIED_COLUMN)."""
        self.counts[kind] += 1
        if col is not None:
            self.tally_cols.setdefault(kind, col)
        self.samples.setdefault(kind, {})[sample] = None

    def tally_row(self, where: tuple[str, int], kind: str, sample: str) -> None:
        """Keep a finding about a value of the row at `where` (file, line), tallied by
        `tally_rows` unless the row is set aside."""
        self.row_tallies.append((where[0], where[1], kind, sample))

    def tally_rows(self, aside: set[tuple[str, int]]) -> None:
        """Tally the findings kept about the values of the rows imported, in the order read:
        not those of the rows set aside (`aside`: history rows, eliminated posts,
        future-dated rows), whose values are neither imported nor left out."""
        for file, line, kind, example in self.row_tallies:
            if (file, line) not in aside:
                self.tally(kind, example)

    def drop_set_aside_warnings(self, aside: set[tuple[str, int]]) -> None:
        """Drop the "truncated" warnings at values of the rows set aside (`aside`): read
        before the rows set aside were known, they cut nothing imported (the listing of
        the rows not imported at the end of the file is a comment); the warnings on the
        emptied cells of the people's table speak of the rows imported only (none when
        every such cell is on a row set aside)."""
        self.problems[:] = [p for p in self.problems
                            if p.rule != "truncated" or (p.file, p.line) not in aside]
        table = self.emptied
        if table is None:
            return
        said = table.cell_warnings()
        kept = table.cell_warnings({line for file, line in aside if file == table.shown})
        if kept != said:
            self.problems[:] = [p for p in self.problems if p not in said] + kept

    def report_tallies(self, shown: str, header_line: int) -> None:
        """One problem per tallied kind of finding, with its count and first examples, at
        the header cell of the column its values are in (`header_line`: the header's line,
        below any title lines skipped), or at 1:1 for values of any column; the findings
        about values of the rows set aside left out (`tally_rows`)."""
        aside = {(record.file, record.line) for record in self.dropped}
        if aside:
            self.drop_set_aside_warnings(aside)
        if self.row_tallies:
            self.tally_rows(aside)
        # kind: (level, rule, the message of several, the message of one)
        messages = {
            "placeholder": ("info", "placeholder-name",
                            "{n:,} placeholder names imported as vacancies ({ex})",
                            "{n:,} placeholder name imported as a vacancy ({ex})"),
            "withheld": ("info", "placeholder-name",
                         f"{{n:,}} names not disclosed ({{ex}}): imported as filled posts named "
                         f"'{WITHHELD_NAME}'",
                         f"{{n:,}} name not disclosed ({{ex}}): imported as a filled post named "
                         f"'{WITHHELD_NAME}'"),
            "eliminated": ("info", "eliminated-post",
                           "{n:,} eliminated posts not imported ({ex}): listed at the end of the "
                           "file",
                           "{n:,} eliminated post not imported ({ex}): listed at the end of the "
                           "file"),
            "control": ("warning", "csv", "control characters removed in {n:,} values ({ex})",
                        "control characters removed in {n:,} value ({ex})"),
            "by-name": ("info", "manager-by-name",
                        "{n:,} manager references matched by name or email ({ex})",
                        "{n:,} manager reference matched by name or email ({ex})"),
            "decimal": ("info", "manager-by-name",
                        "{n:,} manager references written as decimals ({ex}) read as the ids "
                        "of the whole numbers they write",
                        "{n:,} manager reference written as a decimal ({ex}) read as the id "
                        "of the whole number it writes"),
            "zeros": ("info", "manager-by-name",
                      "{n:,} manager references that are ids but for leading zeros ({ex}) read "
                      "as those ids (leading zeros dropped by a spreadsheet?)",
                      "{n:,} manager reference that is an id but for leading zeros ({ex}) read "
                      "as that id (leading zeros dropped by a spreadsheet?)"),
            "named-id": ("info", "manager-by-name",
                         "{n:,} manager references written as a name and an id in parentheses "
                         "({ex}) read as that id",
                         "{n:,} manager reference written as a name and an id in parentheses "
                         "({ex}) read as that id"),
            "role-dropped": ("info", "no-role",
                             "{n:,} role values that are no role ids ({ex}) left out: the "
                             "title gives the role",
                             "{n:,} role value that is no role id ({ex}) left out: the "
                             "title gives the role"),
            # (a warning: it says unknown-title's warning on each person holding one)
            "no-role": ("warning", "no-role",
                        "{n:,} distinct titles match no role of the ladder ({ex}): add "
                        "`roles:` with `titles:` to the org file, or a role column",
                        "{n:,} distinct title matches no role of the ladder ({ex}): add `roles:` "
                        "with `titles:` to the org file, or a role column"),
        }
        for kind, (level, rule, several, one) in messages.items():
            n = self.counts.get(kind)
            if n:
                form = "{}" if kind in QUOTED_SAMPLES else "'{}'"
                ex = quoted(list(self.samples[kind]), 5, form.format)
                message = (one if n == 1 else several).format(n=n, ex=ex)
                col = self.cols.get(TALLIED_COLUMN.get(kind, ""), self.tally_cols.get(kind))
                line, col = (1, 1) if col is None else (header_line, col)
                self.tallied[kind] = Problem(shown, line, col, level, rule, message)
                self.problems.append(self.tallied[kind])

    @staticmethod
    def unique(wanted: str, taken: set[str]) -> str:
        """`wanted`, or `wanted-N` with the first N from 2 not taken, cut to the loader's
        MAX_TEXT characters (a long id cut to 500, then renamed, must still load); added to
        `taken`."""
        candidate, n = wanted[:MAX_TEXT], 1
        while candidate in taken:
            n += 1
            candidate = f"{wanted[:MAX_TEXT - len(str(n)) - 1]}-{n}"
        taken.add(candidate)
        return candidate

