"""Import HR exports (CSV) into an org: find columns, resolve managers, report data problems.

The importer works in three steps: rows become `Record`s (cleaned values with their CSV
row and column), records are linked (manager references resolved, duplicates, cycles and
history rows handled, with a `Problem` at the CSV row for each issue), and the result is
written as an org file (see `orgviz.io.orgwrite`) and built as an in-memory `Org` whose
locations point into the CSV, so that the rules report problems at CSV rows too.
"""

from __future__ import annotations

import dataclasses
import gc
import json
import os
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import partial
from itertools import repeat
from operator import attrgetter, itemgetter
from typing import Any, TypeVar

from orgviz.errors import OrgLoadError, OrgvizError
from orgviz.io.columns import Columns, detect, normalise_header
from orgviz.io.csvread import CsvTable, read_csv
from orgviz.model import Org, Person, Team
from orgviz.problem import Problem, SourceLoc
from orgviz.roles import DEFAULT_LADDER

#: The CSV layout `orgviz export --format csv` writes; a file with exactly this header is
#: read verbatim (no placeholder names, no top markers, values not trimmed).
EXPORT_COLUMNS = ("id", "name", "title", "role", "reports_to", "dotted_to", "team",
                  "team_name", "vacant", "assistant", "location", "email")
MAX_TEXT = 500  # the loader's limit for one text value

PLACEHOLDER_NAMES = frozenset((
    "", "n/d", "nd", "n/a", "na", "vacant", "vacancy", "vacant post", "vacant role", "tbc",
    "tbd", "tbh", "to be hired", "to be confirmed", "open", "open role", "open position",
    "open req", "eliminated", "-", "--", "?", "none", "not disclosed", "withheld", "hiring",
))
TOP_MARKERS = frozenset(("", "xx", "0", "-", "--", "none", "null", "n/a", "na", "#n/a",
                         "root", "top", "nobody", "self"))
TRUE_WORDS = frozenset(("1", "true", "yes", "y", "x", "vacant", "open", "tbh", "hiring"))
FALSE_WORDS = frozenset(("0", "false", "no", "n"))
ACTIVE_STATUS = frozenset(("active", "current", "employed", "filled", "a", "on leave",
                           "leave", "probation"))
VACANT_STATUS = frozenset(("vacant", "open", "hiring", "tbh", "to be hired", "vacancy",
                           "open position", "approved"))
ENDED_STATUS = frozenset(("terminated", "inactive", "ended", "former", "left", "leaver",
                          "retired", "historic", "history", "withdrawn", "deleted", "t", "i",
                          "closed", "expired"))
SIZE_LIMITS = ((60, "small"), (600, "mid-size"))

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ufffe\uffff]")
_SPACES = re.compile(r"\s+")
_SLUG = re.compile(r"[\W_]+")
#: Whitespace other than the space: what str.isspace() and `_SPACES` match (see tests/io).
_OTHER_SPACES = ("\t", "\n", "\x0b", "\x0c", "\r", "\x1c", "\x1d", "\x1e", "\x1f", "\x85",
                 "\xa0", "\u1680", *map(chr, range(0x2000, 0x200B)), "\u2028", "\u2029",
                 "\u202f", "\u205f", "\u3000")
#: What clean() changes beyond strip(): the quote, `_CONTROL`, and `_OTHER_SPACES`.
_NOT_STRIP_ONLY = ("'", *map(chr, (*range(0x00, 0x09), *range(0x0B, 0x20), *range(0x7F, 0xA0),
                                  0xFFFE, 0xFFFF)), *_OTHER_SPACES)
#: Read columns whose cells are all plain in one pass (False: cell by cell, for tests).
FAST_COLUMNS = True
_CELLS = itemgetter(1)
_T = TypeVar("_T")


@dataclass
class ImportOptions:
    """What `orgviz import` was asked to do."""

    columns: Mapping[str, Sequence[str]] = field(default_factory=dict)
    keep_going: bool = False
    allow_forest: bool = False
    name: str | None = None
    size: str | None = None
    order: str = "tree"  # "tree" (managers first) or "csv" (file order)
    junior: str | None = None
    teams: str | None = None
    encoding: str | None = None
    delimiter: str | None = None


@dataclass(slots=True)
class Record:
    """One position to write, with where each value came from."""

    id: str
    line: int
    file: str
    name: str | None = None
    title: str | None = None
    roles: tuple[str, ...] = ()
    manager: str | None = None  # the raw manager reference, before resolution
    reports_to: str | None = None
    dotted_raw: tuple[str, ...] = ()
    dotted_to: tuple[str, ...] = ()
    team: str | None = None  # the raw team value; team id after linking
    team_name: str | None = None
    vacant: bool = False
    assistant: bool = False
    location: str | None = None
    email: str | None = None
    cols: dict[str, int] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    history: str | None = None  # why the row is a history row (dropped), if it is one
    generated: bool = False  # the id was made from the name (no id column)

    def loc(self, fld: str | None = None) -> SourceLoc:
        return SourceLoc(self.file, self.line, self.cols.get(fld, 1) if fld else 1)


@dataclass
class ImportResult:
    """The imported org, its YAML text, and the problems found (CSV locations)."""

    org: Org
    text: str
    problems: list[Problem]
    records: list[Record]
    dropped: list[Record]
    teams: list[Team]
    header_notes: list[str]

    @property
    def errors(self) -> int:
        return sum(1 for p in self.problems if p.level == "error")


def slug(text: str, fallback: str = "x") -> str:
    """A readable id from text: `Information Services` -> `information-services`."""
    return _SLUG.sub("-", text.casefold()).strip("-") or fallback


def _fold(text: str | None) -> str:
    """Case-fold and collapse whitespace (str.split() and the regex \\s agree on whitespace)."""
    if not text:
        return ""
    return " ".join(text.casefold().split())


def _folded(values: Sequence[str | None] | None) -> list[str] | None:
    """`_fold` of each value (once per distinct value), or None for a missing column."""
    if values is None:
        return None
    memo = {v: _fold(v) for v in set(values)}
    return list(map(memo.__getitem__, values))


def clean(value: str) -> tuple[str, bool]:
    """Trim, fold whitespace, drop control characters and spreadsheet quote marks.

    Returns the value and whether control characters were removed.
    """
    stripped = False
    if _CONTROL.search(value):
        value, stripped = _CONTROL.sub("", value), True
    value = _SPACES.sub(" ", value).strip()
    if value.startswith("'"):  # Excel's text marker, or a stray quote pair ('Vacant')
        value = value[1:]
        if value.endswith("'") and value.count("'") == 1:
            value = value[:-1]
        value = value.strip()
    elif value.endswith("'") and value.count("'") == 1 and " " not in value:
        value = value[:-1]  # a stray closing quote (Vacant')
    return value, stripped


def split_ids(value: str) -> tuple[str, ...]:
    """A list cell: a JSON list of strings, or ids separated by `;`."""
    if value.startswith("["):
        try:
            items = json.loads(value)
        except ValueError:
            items = None
        if isinstance(items, list) and all(isinstance(i, str) for i in items):
            return tuple(items)
    return tuple(v for v in (p.strip() for p in value.split(";")) if v)


class _Importer:
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
        self.samples: dict[str, list[str]] = {}

    # --- problems -------------------------------------------------------------------------

    def problem(self, loc: SourceLoc, level: str, rule: str, message: str) -> None:
        self.problems.append(Problem.at(loc, level, rule, message))

    def tally(self, kind: str, sample: str) -> None:
        """Count a benign, frequent finding; reported once with a few examples."""
        self.counts[kind] += 1
        examples = self.samples.setdefault(kind, [])
        if len(examples) < 6 and sample not in examples:
            examples.append(sample)

    # --- reading ----------------------------------------------------------------------------

    def read_people(self, table: CsvTable, exact: bool) -> None:
        if exact:
            fields = ["manager" if c == "reports_to" else c for c in EXPORT_COLUMNS]
            columns = Columns(dict(zip(fields, range(len(fields)), strict=True)), (1,),
                              tuple(table.header))
        else:
            columns = detect(table.header, self.options.columns)
        self.problems.extend(table.problems)
        self.check_columns(table, columns)
        self.header_notes.append(f"Columns: {columns.describe()}")
        unused = columns.unused()
        if unused:
            self.header_notes.append("Not imported: " + ", ".join(unused))
        self.cols = {f: i + 1 for f, i in columns.index.items()}
        if len(columns.name_parts) > 1:
            self.cols["name"] = columns.name_parts[0] + 1
        if "id" not in self.cols:
            self.cols["id"] = self.cols.get("name", self.cols.get("email", 1))
        # Cells of a file without control characters, tabs or double spaces only need strip().
        self.plain = table.plain
        width = len(table.header)
        rows = table.rows
        if set(map(len, map(_CELLS, rows))) != {width}:
            rows = [(line, self.fit(table.shown, line, cells, width)) for line, cells in rows]
        self.records.extend(self.read_rows(table.shown, rows, columns, exact))

    def fit(self, shown: str, line: int, cells: list[str], width: int) -> list[str]:
        """A row made as wide as the header (missing fields empty, extra ones dropped)."""
        if len(cells) == width:
            return cells
        extra = cells[width:]
        if len(cells) < width or any(c.strip() for c in extra):
            self.problem(SourceLoc(shown, line, 1), "warning", "csv",
                         f"row has {len(cells)} fields, the header has {width}"
                         + (": missing fields read as empty" if len(cells) < width
                            else ": extra fields ignored"))
        return (cells + [""] * width)[:width]

    def check_columns(self, table: CsvTable, columns: Columns) -> None:
        if columns.get("id") is None and not columns.name_parts and \
                columns.get("email") is None:
            hint = ""
            folded = {normalise_header(h) for h in table.header}
            if folded & {"departmentid", "departmentname", "deptid"}:
                hint = " (a list of departments? use it as --teams FILE beside the people CSV)"
            elif "reportingseniorpost" in folded:
                hint = " (grouped junior posts? import the senior CSV with --junior FILE)"
            raise OrgvizError(f"{table.shown}: no id or name column found (looked for "
                              f"EmployeeId, employee_id, id, Name ...){hint}: pass --id COLUMN")
        if columns.get("manager") is None:
            folded = {normalise_header(h) for h in table.header}
            hint = ""
            if "reportingseniorpost" in folded:
                hint = " (grouped junior posts? import the senior CSV with --junior FILE)"
            raise OrgvizError(f"{table.shown}: no manager column found (looked for ReportsTo, "
                              f"manager_id, parentId, Supervisor ...){hint}: pass "
                              "--manager COLUMN")

    def value(self, cells: list[str], columns: Columns, fld: str, exact: bool,
              where: tuple[str, int]) -> str | None:
        i = columns.get(fld)
        if i is None:
            return None
        return self.text(cells[i], exact, where, fld, i)

    def text(self, raw: str, exact: bool, where: tuple[str, int], fld: str,
             col: int) -> str | None:
        if exact:
            value = raw
            if value[:1] == "'" and value[1:2] in ("=", "+", "-", "@", "\t", "\r", "'"):
                value = value[1:]  # the formula-injection guard written by export
        else:
            value, stripped = clean(raw)
            if stripped:
                self.tally("control", f"{where[0]}:{where[1]}")
        if not value:
            return None
        if len(value) > MAX_TEXT:
            self.problem(SourceLoc(where[0], where[1], col + 1), "warning", "truncated",
                         f"{fld} is {len(value):,} characters long: cut to {MAX_TEXT}")
            value = value[:MAX_TEXT]
        return value

    def column_mode(self, column: Sequence[str], exact: bool, name_part: bool,
                    short: bool) -> str | None:
        """How a whole column can be read in one pass: "keep" when every cell reads as itself
        (`cell or None`), "strip" when every cell reads as `cell.strip() or None`, with
        nothing to report either way; None when it must be read cell by cell (`cell`).
        `short`: no cell is longer than MAX_TEXT.
        """
        if not FAST_COLUMNS or (exact and name_part) or not (
                short or max(map(len, column)) <= MAX_TEXT):
            return None  # (the exact layout has one name column: no name parts)
        joined = "\x00".join(column)  # parse_csv removed every NUL: no cell holds one
        if exact:  # text() only changes a cell that starts with a quote
            return "keep" if "\x00'" not in "\x00" + joined else None
        if self.plain:  # the per-cell plain test of `cell`, for the whole column
            if "'" in joined or "\n" in joined or (not name_part and "\r" in joined):
                return None
        # clean() only changes a cell beyond strip() for a quote, a control character, a
        # whitespace character other than the space, or two spaces in a row.
        elif "  " in joined or any(c in joined for c in _NOT_STRIP_ONLY):
            return None
        if joined[:1] == " " or joined[-1:] == " " or "\x00 " in joined or " \x00" in joined \
                or any(c in joined for c in _OTHER_SPACES):
            return "strip"
        return "keep"  # no cell starts or ends with whitespace: strip() changes nothing

    def cell(self, raw: str, exact: bool, where: tuple[str, int], fld: str, col: int,
             name_part: bool) -> str | None:
        """One cell's value: plain cells take a fast path, the others `text()`."""
        if name_part:  # a part of a name made of several columns
            if not self.plain or "'" in raw or "\n" in raw or len(raw) > MAX_TEXT:
                return self.text(raw, exact, where, "name", col)
            return raw.strip()
        if self.plain and len(raw) <= MAX_TEXT and "'" not in raw and "\n" not in raw and \
                "\r" not in raw:
            return (raw if exact else raw.strip()) or None
        return self.text(raw, exact, where, fld, col)

    def read_rows(self, shown: str, rows: Sequence[tuple[int, list[str]]], columns: Columns,
                  exact: bool) -> list[Record]:
        """The records of rows as wide as the header, read column by column.

        A column whose cells are all plain is cleaned in one pass; the other columns are read
        cell by cell, row by row and in field order, so that problems and tallies come out as
        they would reading one row after the other.
        """
        n = len(rows)
        if not n:
            return []
        lines = [line for line, _cells in rows]
        grid = list(map(_CELLS, rows))
        by_column = list(zip(*grid, strict=True))
        short = max(map(len, map("".join, grid))) <= MAX_TEXT  # no row, so no cell, is long
        values: dict[str, list[str | None]] = {}
        slow: list[tuple[str, int, int]] = []  # (field, column, name part or -1)
        for fld, i in columns.index.items():
            column = by_column[i]
            mode = self.column_mode(column, exact, False, short)
            if mode is None:
                values[fld] = [None] * n
                slow.append((fld, i, -1))
            else:
                values[fld] = _empty_as_none(list(map(str.strip, column)) if mode == "strip"
                                             else list(column))
        several = len(columns.name_parts) > 1
        parts: list[list[str | None]] = []
        if several:
            for k, i in enumerate(columns.name_parts):
                column = by_column[i]
                mode = self.column_mode(column, exact, True, short)
                if mode is None:
                    parts.append([None] * n)
                    slow.append(("name", i, k))
                else:
                    parts.append(list(map(str.strip, column)) if mode == "strip"
                                 else list(column))
        if slow:
            cell = self.cell
            for r, cells in enumerate(grid):
                where = (shown, lines[r])
                for fld, i, k in slow:
                    if k < 0:
                        values[fld][r] = cell(cells[i], exact, where, fld, i, False)
                    else:
                        parts[k][r] = cell(cells[i], exact, where, fld, i, True)
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
        notes: list[list[str]] = [[] for _ in range(n)]
        record_values: dict[str, Iterable[Any]] = {
            "line": lines, "file": repeat(shown, n), "manager": get("manager") or none,
            "team": get("team") or none, "location": get("location") or none,
            "email": get("email") or none, "cols": repeat(self.cols, n), "notes": notes,
        }
        if exact:
            record_values.update(
                team_name=get("team_name") or none,
                vacant=_each(get("vacant"), lambda v: (v or "").lower() == "true", n),
                assistant=_each(get("assistant"), lambda v: (v or "").lower() == "true", n),
                roles=_each(get("role"), lambda v: split_ids(v or ""), n),
                dotted_raw=_each(get("dotted_to"), lambda v: split_ids(v or ""), n))
        else:
            record_values.update(self.read_flags(values, columns, names, titles, notes))
        ids, generated = self.read_ids(shown, get("id"), columns, names, get("email"), lines,
                                       notes)
        record_values.update(id=ids, name=names, title=titles, generated=generated)
        return _construct(Record, n, record_values)

    def read_flags(self, values: dict[str, list[str | None]], columns: Columns,
                   names: list[str | None], titles: list[str | None],
                   notes: list[list[str]]) -> dict[str, Iterable[Any]]:
        """Vacancy, assistant, roles, dotted lines and history of rows not in the exact layout.

        Sets placeholder names to None and role values that are no role ids as titles.
        """
        get = values.get
        n = len(names)
        status = _folded(get("status"))
        vacant_words = _folded(get("vacant"))
        if vacant_words is None:  # the status alone says (a list to mark placeholders in)
            vacant = list(_each(status, lambda s: s in VACANT_STATUS, n))
        elif status is None:
            vacant = list(_each(vacant_words, lambda v: v in TRUE_WORDS, n))
        else:
            vacant = [v in TRUE_WORDS or s in VACANT_STATUS
                      for v, s in zip(vacant_words, status, strict=True)]
        assistant = _each(_folded(get("assistant")), lambda a: a in TRUE_WORDS, n)
        roles: list[tuple[str, ...]] = [()] * n
        role_values = get("role")
        if role_values is not None:
            split: dict[str, tuple[str, ...] | None] = {}
            for r, text in enumerate(role_values):
                if not text:
                    continue
                if text not in split:
                    ids = split_ids(text.replace(",", ";"))
                    split[text] = ids if all(i in DEFAULT_LADDER.roles for i in ids) else None
                found = split[text]
                if found is not None:
                    roles[r] = found
                elif titles[r] is None:
                    titles[r] = text
        dotted_values = get("dotted_to")
        dotted = _each(dotted_values, lambda v: split_ids(v.replace(",", ";")) if v else (), n)
        history: Iterable[str | None] = repeat(None, n)
        ended = [get("status"), get("current"), get("end_date")]
        given = [i for i, v in enumerate(ended) if v is not None]
        if len(given) == 1:  # once per distinct value of that column
            history = _each(ended[given[0]], lambda v: self.history_of(
                *(v if i == given[0] else None for i in range(3)), columns), n)
        elif given:
            keys = list(zip(*(v or repeat(None, n) for v in ended), strict=True))
            memo = {key: self.history_of(*key, columns) for key in set(keys)}
            history = list(map(memo.__getitem__, keys))
        has_name_column = bool(self.cols.get("name"))
        found = [r for r in _maybe_placeholders(names)
                 if (names[r] is None and has_name_column) or
                 (names[r] is not None and _fold(names[r]) in PLACEHOLDER_NAMES)]
        for r in found:  # row order: the tally keeps the first examples
            name = names[r]
            if name is not None:
                notes[r].append(f"name {name!r} is a placeholder: imported as a vacancy")
                self.tally("placeholder", name)
                names[r] = None
            else:
                notes[r].append("no name: imported as a vacancy")
                self.tally("placeholder", "(empty)")
            vacant[r] = True
        return {"vacant": vacant, "assistant": assistant, "roles": roles, "dotted_raw": dotted,
                "history": history}

    @staticmethod
    def history_of(status: str | None, current: str | None, end: str | None,
                   columns: Columns) -> str | None:
        """Why a row is a history row (a status, a current flag, an end date), or None."""
        folded = _fold(status)
        if folded in ENDED_STATUS:
            return f"status {status!r}"
        if _fold(current) in FALSE_WORDS:
            return f"{self_header(columns, 'current')} {current!r}"
        if end and folded not in ACTIVE_STATUS:
            return f"{self_header(columns, 'end_date')} {end}"
        return None

    def read_ids(self, shown: str, ids: list[str | None] | None, columns: Columns,
                 names: list[str | None], emails: list[str | None] | None, lines: list[int],
                 notes: list[list[str]]) -> tuple[list[str], Iterable[bool]]:
        """The rows' ids: from the id column, else made from the names (or emails)."""
        n = len(names)
        if ids is None:  # no id column: ids from the names, as in Visio's wizard files
            return ([slug(name or email or "", "person")
                     for name, email in zip(names, emails or repeat(None, n), strict=True)],
                    repeat(True, n))
        result: list[Any] = ids
        for r in [r for r, rid in enumerate(ids) if not rid]:
            line = lines[r]
            loc = SourceLoc(shown, line, self.cols.get("id", 1))
            self.problem(loc, "error", "missing-id",
                         f"row has no id (column {columns.header[columns.index['id']]!r})"
                         + (f": imported as 'row-{line}'" if self.options.keep_going else ""))
            result[r] = f"row-{line}"
            notes[r].append("no id in the CSV: id generated from the row number")
        return result, repeat(False, n)

    # --- linking ----------------------------------------------------------------------------

    def split_history(self) -> None:
        current, dropped = [], []
        for record in self.records:
            (dropped if record.history else current).append(record)
        for record in dropped:
            who = record.name or record.title or record.id
            self.problem(record.loc(), "warning", "history-row",
                         f"history row of {who!r} ({record.history}) not imported")
        self.records, self.dropped = current, dropped

    def dedupe(self) -> None:
        taken = set(map(_ID, self.records))
        if len(taken) == len(self.records):
            return  # no duplicates
        seen: dict[str, Record] = {}
        for record in self.records:
            first = seen.get(record.id)
            if first is None:
                seen[record.id] = record
                continue
            if record.generated:  # two people with the same name, no ids
                new_id = self.unique(record.id, taken)
                record.id = new_id
                seen[new_id] = record
                continue
            new_id = self.unique(f"{record.id}-{2}", taken)
            job_share = " (a job share?)" if record.title and record.title == first.title else ""
            fix = f": imported as '{new_id}'" if self.options.keep_going else ""
            self.problem(record.loc("id"), "error", "duplicate-id",
                         f"duplicate id {record.id!r}{job_share}, first at row {first.line}"
                         f"{fix}")
            record.notes.append(f"duplicate id {record.id!r} in the CSV (first at row "
                                f"{first.line}): renamed")
            record.id = new_id
            seen[new_id] = record

    @staticmethod
    def unique(wanted: str, taken: set[str]) -> str:
        base, n = wanted, 2
        match = re.fullmatch(r"(.*)-(\d+)", wanted)
        if match:
            base, n = match.group(1), int(match.group(2))
        candidate = wanted
        while candidate in taken:
            n += 1
            candidate = f"{base}-{n}"
        taken.add(candidate)
        return candidate

    def resolver(self, exact: bool) -> _Resolver:
        return _Resolver(self.records, self.dropped, exact)

    def link(self, exact: bool) -> None:
        resolve = self.resolver(exact)
        ids = resolve.ids
        for record in self.records:
            raw = record.manager
            if raw is not None:
                if raw in ids and (exact or raw != record.id):  # an id: link_manager's result
                    record.reports_to = raw
                else:
                    record.reports_to = self.link_manager(record, raw, resolve, exact)
            if exact:  # verbatim: the org file had exactly these ids
                record.dotted_to = record.dotted_raw
            elif record.dotted_raw:
                record.dotted_to = tuple(
                    d for d in (self.link_dotted(record, raw, resolve)
                                for raw in record.dotted_raw) if d is not None)

    def link_manager(self, record: Record, raw: str, resolve: _Resolver,
                     exact: bool) -> str | None:
        if raw == record.id and not exact:
            record.notes.append("reports to itself in the CSV: imported as a top")
            self.problem(record.loc("manager"), "warning", "self-report",
                         f"{record.id!r} reports to itself: imported as a top of the org")
            return None
        target, how = resolve(raw)
        if target is not None:
            if how:
                record.notes.append(how)
                if "history row" in how:
                    self.problem(record.loc("manager"), "warning", "ended-manager", how)
                else:
                    self.tally("by-name", raw)
            return target
        if how == "top":
            return None
        fix = ": imported as a top" if self.options.keep_going else ""
        message = how or f"manager {raw!r} not found"
        self.problem(record.loc("manager"), "error", "unknown-manager", f"{message}{fix}")
        record.notes.append(f"{message}: imported as a top")
        return None

    def link_dotted(self, record: Record, raw: str, resolve: _Resolver) -> str | None:
        target, _how = resolve(raw)
        if target is None or target == record.id:
            self.problem(record.loc("dotted_to"), "warning", "unknown-manager",
                         f"dotted-line manager {raw!r} not found: left out")
            return None
        return target

    def break_cycles(self) -> list[tuple[Record, int]] | None:
        """Make the first row of each reporting cycle a top; without cycles, the tree order
        of the records (`tree_order`), which finding no cycle costs nothing more than."""
        order = _unique_tree_order(self.records)
        if order is not None and len(order) == len(self.records):
            return order  # every record hangs from a top: there is no cycle
        by_id = {r.id: r for r in self.records}
        state: dict[str, int] = {}
        for start in self.records:
            path: list[Record] = []
            node: Record | None = start
            while node is not None and state.get(node.id, 0) == 0:
                state[node.id] = 1
                path.append(node)
                node = by_id.get(node.reports_to) if node.reports_to else None
            if node is not None and state.get(node.id) == 1:
                cycle = path[path.index(node):]
                names = " -> ".join(r.id for r in [*cycle, node])
                first = min(cycle, key=lambda r: (r.file, r.line))
                fix = (f": '{first.id}' imported as a top" if self.options.keep_going else "")
                self.problem(first.loc("manager"), "error", "cycle",
                             f"reporting cycle {names} (rows "
                             f"{', '.join(str(r.line) for r in cycle)}){fix}")
                first.notes.append(f"in a reporting cycle ({names}): imported as a top")
                first.reports_to = None
            for record in path:
                state[record.id] = 2
        return None

    def report_tallies(self, shown: str) -> None:
        messages = {
            "placeholder": ("info", "placeholder-name",
                            "{n} placeholder names imported as vacancies ({ex})"),
            "control": ("warning", "csv", "control characters removed in {n} values ({ex})"),
            "by-name": ("info", "manager-by-name",
                        "{n} manager references matched by name or email ({ex})"),
            "no-role": ("info", "no-role",
                        "{n} distinct titles match no role of the ladder ({ex}): add `roles:` with "
                        "`titles:` to the org file, or a role column"),
        }
        for kind, (level, rule, text) in messages.items():
            n = self.counts.get(kind)
            if n:
                examples = self.samples[kind]
                ex = ", ".join(repr(e) for e in examples[:5]) + (
                    ", ..." if len(examples) > 5 else "")
                message = text.format(n=n, ex=ex)
                if n == 1:
                    message = (message.replace("titles match", "title matches")
                               .replace("names imported", "name imported")
                               .replace("values", "value")
                               .replace("references matched", "reference matched"))
                self.problem(SourceLoc(shown, 1, 1), level, rule, message)


class _Resolver:
    """Finds the person a manager reference means: an id, an email, or a unique name."""

    def __init__(self, records: list[Record], dropped: list[Record], exact: bool) -> None:
        # The first record of an id wins (dict() keeps the last value of a key).
        self.ids: dict[str, Record] = dict(zip(map(_ID, reversed(records)), reversed(records),
                                               strict=True))
        self.exact = exact
        self.records = records
        self._emails: dict[str, list[str]] | None = None
        self._names: dict[str, list[str]] | None = None
        self.ended = {r.id: r for r in dropped if r.id not in self.ids}

    def _index(self) -> None:
        """Emails and names of everybody: built on the first reference that is no id."""
        self._emails, self._names = {}, {}
        if self.exact:
            return
        for r in self.records:
            if r.email:
                self._emails.setdefault(r.email.casefold(), []).append(r.id)
            if r.name:
                self._names.setdefault(_fold(r.name), []).append(r.id)

    @property
    def emails(self) -> dict[str, list[str]]:
        if self._emails is None:
            self._index()
        return self._emails  # type: ignore[return-value]

    @property
    def names(self) -> dict[str, list[str]]:
        if self._names is None:
            self._index()
        return self._names  # type: ignore[return-value]

    def __call__(self, raw: str) -> tuple[str | None, str | None]:
        """(id, note): id None with note 'top' for a top marker, or an error message."""
        if raw in self.ids:
            return raw, None
        if self.exact:
            return None, None
        folded = _fold(raw)
        if folded in TOP_MARKERS:
            return None, "top"
        ended = self.ended.get(raw)
        if ended is not None:
            return self.current_of(ended)
        for index, what in ((self.emails, "email"), (self.names, "name")):
            found = index.get(folded)
            if found and len(found) == 1:
                return found[0], f"manager {raw!r} matched by {what}"
            if found:
                return None, (f"manager {raw!r} matches {len(found)} people by {what} "
                              f"({', '.join(repr(f) for f in found[:4])}): use ids")
        return None, None

    def current_of(self, ended: Record) -> tuple[str | None, str | None]:
        """The current row of the person an ended row belongs to (same name), if unique."""
        where = f"row {ended.line}, {ended.history}"
        same = self.names.get(_fold(ended.name)) if ended.name else None
        if same and len(same) == 1:
            return same[0], (f"manager {ended.id!r} is a history row ({where}): "
                             f"using {same[0]!r}, the current row of {ended.name!r}")
        return None, (f"manager {ended.id!r} is a history row ({where}) and no current "
                      f"row of {ended.name or ended.id!r} was found")


def self_header(columns: Columns, fld: str) -> str:
    i = columns.get(fld)
    return columns.header[i] if i is not None else fld


def is_export_layout(header: Sequence[str]) -> bool:
    """Whether a CSV header is exactly the layout `orgviz export --format csv` writes."""
    return tuple(header) == EXPORT_COLUMNS


# --- junior posts (UK organograms) ------------------------------------------------------------

def _read_junior(imp: _Importer, path: str) -> None:
    """Merge grouped junior posts under their senior posts: one card per row."""
    table = read_csv(path, imp.options.encoding, imp.options.delimiter)
    columns = detect(table.header, {})
    imp.problems.extend(table.problems)
    manager_col = columns.get("manager")
    if manager_col is None:
        raise OrgvizError(f"{table.shown}: no 'Reporting Senior Post' (manager) column in the "
                          "junior posts file")
    imp.header_notes.append(f"Junior posts from {os.path.basename(table.shown)}: "
                            f"{columns.describe()}")
    by_id = {r.id: r for r in imp.records}
    counter: Counter[str] = Counter()
    seen: dict[tuple[str, ...], int] = {}
    taken = set(by_id)
    for line, cells in table.rows:
        cells = (cells + [""] * len(table.header))[: len(table.header)]
        where = (table.shown, line)
        key = tuple(cells)
        if key in seen:
            imp.problem(SourceLoc(table.shown, line, 1), "warning", "duplicate-row",
                        f"row repeats row {seen[key]} exactly: imported both")
        seen.setdefault(key, line)
        get = lambda fld, cells=cells, where=where: imp.value(  # noqa: E731
            cells, columns, fld, False, where)
        senior = get("manager")
        title = get("title") or "Junior post"
        fte = get("fte")
        grade = get("grade")
        counter[senior or ""] += 1
        rid = _Importer.unique(f"{senior or 'junior'}-j{counter[senior or '']}", taken)
        vacant = _fold(title) in PLACEHOLDER_NAMES
        if vacant:
            title = "Open posts"
        record = Record(id=rid, line=line, file=table.shown,
                        name=f"{grade} posts" if grade else "Junior posts",
                        title=f"{title} ({fte} FTE)" if fte else title,
                        manager=senior, team=get("team"), vacant=vacant,
                        cols={f: i + 1 for f, i in columns.index.items()})
        imp.records.append(record)


# --- teams --------------------------------------------------------------------------------

_TEAM_SPELLINGS = {
    "id": ("departmentid", "deptid", "teamid", "unitid", "id", "departmentcode", "code"),
    "name": ("departmentname", "deptname", "teamname", "unitname", "name", "department",
             "team", "unit"),
    "lead": ("managerid", "manager", "lead", "leadid", "head", "headid", "teamlead"),
    "parent": ("parentid", "parentdepartmentid", "parentteamid", "parent"),
}


def _read_teams(imp: _Importer, path: str) -> dict[str, tuple[str, str | None, str | None]]:
    """A departments CSV: team value -> (name, lead id, parent team value)."""
    table = read_csv(path, imp.options.encoding, imp.options.delimiter)
    imp.problems.extend(table.problems)
    folded = [normalise_header(h) for h in table.header]
    found: dict[str, int] = {}
    for fld, spellings in _TEAM_SPELLINGS.items():
        for spelling in spellings:
            if spelling in folded and folded.index(spelling) not in found.values():
                found[fld] = folded.index(spelling)
                break
    if "id" not in found or "name" not in found:
        raise OrgvizError(f"{table.shown}: a teams file needs an id column (department_id, "
                          "team_id, id) and a name column (department_name, name)")
    teams = {}
    for line, cells in table.rows:
        cells = (cells + [""] * len(table.header))[: len(table.header)]
        values = {f: clean(cells[i])[0] or None for f, i in found.items()}
        if values["id"] and values["id"] not in teams:
            teams[values["id"]] = (values["name"] or values["id"], values.get("lead"),
                                   values.get("parent"))
        elif values["id"]:
            imp.problem(SourceLoc(table.shown, line, found["id"] + 1), "warning",
                        "duplicate-id", f"duplicate team id {values['id']!r}: ignored")
    imp.header_notes.append(f"Teams from {os.path.basename(table.shown)}")
    return teams


def _link_teams(imp: _Importer, exact: bool,
                known: dict[str, tuple[str, str | None, str | None]] | None) -> list[Team]:
    """Turn team values into team ids and `teams:` entries (first appearance order)."""
    ids_by_value: dict[str, str] = {}
    teams: list[Team] = []
    taken: set[str] = set()
    people = {r.id for r in imp.records}
    if known:  # every team of the teams file, in its order
        for value, (name, _lead, _parent) in known.items():
            tid = _Importer.unique(slug(name, "team"), taken)
            ids_by_value[value] = tid
        for value, (name, lead, parent) in known.items():
            teams.append(Team(id=ids_by_value[value], loc=SourceLoc("", 1, 1), name=name,
                              lead=lead if lead in people else None,
                              parent=ids_by_value.get(parent) if parent else None))
    for record in imp.records:
        value = record.team
        if value is None:
            continue
        if exact:
            if record.team_name and value not in ids_by_value:
                ids_by_value[value] = value
                teams.append(Team(id=value, loc=SourceLoc("", 1, 1), name=record.team_name))
            continue
        tid = ids_by_value.get(value)
        if tid is not None:
            record.team = tid
            continue
        if value not in ids_by_value:
            if known:
                imp.problem(record.loc("team"), "warning", "unknown-team",
                            f"team {value!r} is not in the teams file")
            tid = _Importer.unique(slug(value, "team"), taken)
            ids_by_value[value] = tid
            teams.append(Team(id=tid, loc=SourceLoc("", 1, 1),
                              name=value if value != tid else None))
        record.team = ids_by_value[value]
    return teams


# --- ordering and building ------------------------------------------------------------------

def tree_order(records: list[Record]) -> list[tuple[Record, int]]:
    """Records depth-first from the tops (managers before reports), with their depth."""
    order = _unique_tree_order(records)
    if order is not None:
        reached = len(order) == len(records) or {id(r) for r, _depth in order}
        if reached is not True:  # cycles (not broken)
            order.extend((r, 0) for r in records if id(r) not in reached)
        return order
    by_id = {r.id: r for r in records}
    children: dict[str, list[Record]] = {}
    tops = []
    for r in records:
        if r.reports_to is not None and r.reports_to in by_id:
            children.setdefault(r.reports_to, []).append(r)
        else:
            tops.append(r)
    out: list[tuple[Record, int]] = []
    seen: set[int] = set()
    stack = [(r, 0) for r in reversed(tops)]
    while stack:
        record, depth = stack.pop()
        if id(record) in seen:
            continue
        seen.add(id(record))
        out.append((record, depth))
        stack.extend((c, depth + 1) for c in reversed(children.get(record.id, ())))
    out.extend((r, 0) for r in records if id(r) not in seen)  # cycles (not broken)
    return out


def _unique_tree_order(records: list[Record]) -> list[tuple[Record, int]] | None:
    """`tree_order` without the records no top reaches (in cycles), when ids are unique.

    None when two records share an id (then a record can be reached twice).
    """
    by_id = dict(zip(map(_ID, records), records, strict=True))
    if len(by_id) != len(records):
        return None
    children: dict[str, list[Record]] = {}
    tops = []
    for r in records:
        boss = r.reports_to
        if boss is not None and boss in by_id:
            kids = children.get(boss)
            if kids is None:
                children[boss] = [r]
            else:
                kids.append(r)
        else:
            tops.append(r)
    out: list[tuple[Record, int]] = []
    append = out.append
    stack = [(r, 0) for r in reversed(tops)]
    pop, push = stack.pop, stack.extend
    while stack:
        record, depth = item = pop()
        append(item)
        kids = children.get(record.id)
        if kids:
            below = depth + 1
            push([(c, below) for c in reversed(kids)])
    return out


def guess_size(people: int) -> str:
    """small below 60 people, mid-size below 600, else enterprise."""
    for limit, size in SIZE_LIMITS:
        if people < limit:
            return size
    return "enterprise"


class RowLocs(Mapping[str, SourceLoc]):
    """Field locations of one CSV row, made on demand (20,000 rows x 11 fields add up)."""

    __slots__ = ("cols", "file", "line")

    def __init__(self, file: str, line: int, cols: Mapping[str, int]) -> None:
        self.file, self.line, self.cols = file, line, cols

    def __getitem__(self, key: str) -> SourceLoc:
        return SourceLoc(self.file, self.line,
                         self.cols["manager" if key == "reports_to" else key])

    def get(self, key: str, default: Any = None) -> Any:  # Mapping.get, without the KeyError
        col = self.cols.get("manager" if key == "reports_to" else key)
        return default if col is None else SourceLoc(self.file, self.line, col)

    def __contains__(self, key: object) -> bool:
        return ("manager" if key == "reports_to" else key) in self.cols

    def __iter__(self) -> Iterator[str]:
        return ("reports_to" if k == "manager" else k for k in self.cols)

    def __len__(self) -> int:
        return len(self.cols)


def build_person(record: Record, infer: Callable[[str], str | None] = DEFAULT_LADDER.infer
                 ) -> Person:
    """The model's Person for a record, located in the CSV."""
    roles, source = record.roles, "explicit" if record.roles else "none"
    if not roles and record.title:
        inferred = infer(record.title)
        if inferred:
            roles, source = (inferred,), "title"
    return Person(id=record.id, loc=SourceLoc(record.file, record.line, 1), name=record.name,
                  title=record.title, roles=roles, role_source=source,
                  reports_to=record.reports_to, dotted_to=record.dotted_to, team=record.team,
                  vacant=record.vacant, assistant=record.assistant, location=record.location,
                  email=record.email, field_locs=RowLocs(record.file, record.line, record.cols))


_NO_ROLE: tuple[tuple[str, ...], str] = ((), "none")
_LOC = partial(tuple.__new__, SourceLoc)  # SourceLoc(*triple), without a Python-level __new__


def build_people(records: Sequence[Record], infer: Callable[[str], str | None] =
                 DEFAULT_LADDER.infer) -> list[Person]:
    """`[build_person(r, infer) for r in records]`, two to three times faster.

    Person is a frozen slots dataclass: its __init__ stores each of its 15 fields with an
    object.__setattr__ call. Here each person is filled in as a `_PersonSlots` (the same
    slots, plain attribute stores) and then becomes a Person by __class__ assignment, which
    Python allows between classes of the same layout; `_FAST_PEOPLE` is False (and people
    are made by `build_person`) if Person's fields or layout ever stop matching.
    """
    if not _FAST_PEOPLE:
        return [build_person(r, infer) for r in records]
    by_title: dict[str, tuple[tuple[str, ...], str]] = {}
    people: list[Person] = []
    append = people.append
    new, loc, person = object.__new__, _LOC, Person
    for r in records:
        roles, source = r.roles, "explicit"
        if not roles:
            title = r.title
            if title:
                found = by_title.get(title)
                if found is None:
                    role = infer(title)
                    found = by_title[title] = ((role,), "title") if role else _NO_ROLE
                roles, source = found
            else:
                source = "none"
        file = r.file
        line = r.line
        locs = new(RowLocs)
        locs.file = file
        locs.line = line
        locs.cols = r.cols
        p = new(_PersonSlots)
        p.id = r.id
        p.loc = loc((file, line, 1))
        p.name = r.name
        p.title = r.title
        p.roles = roles
        p.role_source = source
        p.reports_to = r.reports_to
        p.dotted_to = r.dotted_to
        p.team = r.team
        p.vacant = r.vacant
        p.assistant = r.assistant
        p.location = r.location
        p.email = r.email
        p.field_locs = locs
        p.item_locs = {}
        p.__class__ = person  # type: ignore[assignment]
        append(p)  # type: ignore[arg-type]
    return people


#: The fields `build_people` sets, in Person's order.
_PERSON_FIELDS = ("id", "loc", "name", "title", "roles", "role_source", "reports_to",
                  "dotted_to", "team", "vacant", "assistant", "location", "email",
                  "field_locs", "item_locs")


class _PersonSlots:
    """Person's slots without Person's frozen __setattr__ (see `build_people`)."""

    __slots__ = _PERSON_FIELDS


def _can_become_person() -> bool:
    """Whether a filled-in `_PersonSlots` can become a Person (same fields and layout)."""
    fields = dataclasses.fields(Person)
    if tuple(f.name for f in fields) != _PERSON_FIELDS or \
            getattr(Person, "__slots__", None) != _PERSON_FIELDS or \
            not all(f.init for f in fields) or hasattr(Person, "__post_init__"):
        return False
    try:
        _PersonSlots().__class__ = Person  # type: ignore[assignment]
    except TypeError:
        return False
    return True


_FAST_PEOPLE = _can_become_person()


_ID = attrgetter("id")
#: The longest placeholder name.
_PLACEHOLDER_LEN = max(map(len, PLACEHOLDER_NAMES))


def _maybe_placeholders(names: list[str | None]) -> Iterable[int]:
    """Indexes of the names that can be placeholders (`_fold(name) in PLACEHOLDER_NAMES`),
    and of the missing ones: all of them, unless no name has whitespace other than single
    inner spaces; then a name folds to its casefold(), never shorter than itself, and only
    names as short as a placeholder can be one."""
    joined = "\x00".join(filter(None, names))
    if "  " in joined or "\x00 " in joined or " \x00" in joined or joined[:1] == " " or \
            joined[-1:] == " " or any(c in joined for c in _OTHER_SPACES):
        return range(len(names))
    return [r for r, name in enumerate(names) if name is None or len(name) <= _PLACEHOLDER_LEN]


def _empty_as_none(values: list[Any]) -> list[Any]:
    """The list with its empty strings replaced by None (in place)."""
    count = values.count("")
    if count > len(values) // 8:
        return [v or None for v in values]
    index, at = values.index, -1
    for _ in range(count):
        at = index("", at + 1)
        values[at] = None
    return values


def _each(values: Sequence[str | None] | None, fn: Callable[[str | None], _T],
          n: int) -> Iterable[_T]:
    """fn of each value, computed once per distinct value (fn(None) for a missing column)."""
    if values is None:
        return repeat(fn(None), n)
    memo = {v: fn(v) for v in set(values)}
    return list(map(memo.__getitem__, values))


def _construct(cls: type[_T], n: int, values: Mapping[str, Iterable[Any]]) -> list[_T]:
    """n instances of a dataclass, from n values per field (fields left out take their
    defaults): `cls(**fields)` for each, called positionally in one C loop."""
    fields = dataclasses.fields(cls)  # type: ignore[arg-type]
    if not values.keys() <= {f.name for f in fields}:
        raise TypeError(f"{cls.__name__}: unknown fields in {sorted(values)}")
    columns: list[Iterable[Any]] = []
    for fld in fields:
        given = values.get(fld.name)
        if given is not None:
            columns.append(given)
        elif fld.default is not dataclasses.MISSING:
            columns.append(repeat(fld.default, n))
        elif fld.default_factory is not dataclasses.MISSING:
            columns.append([fld.default_factory() for _ in range(n)])
        else:
            raise TypeError(f"{cls.__name__}: no value for {fld.name!r}")
    if not all(f.init and not getattr(f, "kw_only", False) for f in fields):
        raise TypeError(f"{cls.__name__}: fields must be positional __init__ arguments")
    made = list(map(cls, *columns))
    if len(made) != n:
        raise ValueError(f"{cls.__name__}: {len(made)} made, not {n}")
    return made


def import_csv(path: str | os.PathLike[str], options: ImportOptions | None = None,
               shown_name: str | None = None) -> ImportResult:
    """Import an HR export; raise OrgvizError (exit 2) or OrgLoadError (exit 1) if unusable.

    Data problems do not raise: they are in `result.problems` (errors among them mean the
    file should only be written with --keep-going).
    """
    with _cyclic_gc_paused():
        return _import_csv(path, options or ImportOptions(), shown_name)


@contextmanager
def _cyclic_gc_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector (if it runs) for the duration.

    An import makes some 100,000 long-lived container objects (rows, records, people) and
    no garbage cycles: the collector, triggered by the allocations, would walk them again
    and again for nothing, a third of the time of a 20,000-row import.
    """
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def _import_csv(path: str | os.PathLike[str], options: ImportOptions,
                shown_name: str | None) -> ImportResult:
    from orgviz.io.orgwrite import write_org

    imp = _Importer(options)
    table = read_csv(path, options.encoding, options.delimiter)
    exact = is_export_layout(table.header)
    imp.read_people(table, exact)
    if not exact:
        imp.split_history()
    imp.dedupe()
    if options.junior:
        _read_junior(imp, options.junior)
    imp.link(exact)
    acyclic_order = imp.break_cycles()
    known = _read_teams(imp, options.teams) if options.teams else None
    teams = _link_teams(imp, exact, known)
    if not exact:
        titles = {r.title for r in imp.records if r.title and not r.roles}
        unmatched = {t for t in titles if DEFAULT_LADDER.infer(t) is None}
        for title in sorted(unmatched):
            imp.tally("no-role", title)
    imp.report_tallies(table.shown)
    if options.order != "tree":
        ordered = [(r, 0) for r in imp.records]
    else:  # break_cycles found the tree order unless it broke cycles
        ordered = acyclic_order if acyclic_order is not None else tree_order(imp.records)
    records = [r for r, _depth in ordered]
    tops = [r for r in records if r.reports_to is None]
    if len(tops) > 1:
        listed = ", ".join(f"{r.id!r} (row {r.line})" for r in tops[:5])
        more = f" and {len(tops) - 5} more" if len(tops) > 5 else ""
        if options.allow_forest:
            imp.problem(tops[1].loc("manager"), "info", "root",
                        f"{len(tops)} separate trees: {listed}{more} (kept: --allow-forest)")
        else:
            imp.problem(tops[1].loc("manager"), "warning", "root",
                        f"{len(tops)} people have no manager: {listed}{more}; pass "
                        "--allow-forest to keep separate trees")
    headcount = len(records)
    name = options.name or os.path.splitext(os.path.basename(shown_name or table.shown))[0]
    size = options.size or guess_size(headcount)
    people = tuple(build_people(records))
    org = Org(file=table.shown, name=name, size=size, people=people, teams=tuple(teams),
              loc=SourceLoc(table.shown, 1, 1), files=(table.shown,))
    if options.allow_forest:
        from orgviz.model import RuleSetting

        org.rule_settings = (RuleSetting("root", SourceLoc(table.shown, 1, 1),
                                         options={"allow-forest": True}),)
    text = write_org(org, ordered, imp.dropped, imp.header_notes, table,
                     size_guessed=options.size is None, allow_forest=options.allow_forest)
    imp.problems.sort(key=_PROBLEM_ORDER)
    return ImportResult(org, text, imp.problems, records, imp.dropped, teams, imp.header_notes)


#: The order of Problem (a dataclass with order=True compares these fields in turn), as a key.
_PROBLEM_ORDER = attrgetter("file", "line", "col", "level", "rule", "message")


def iter_errors(problems: Sequence[Problem]) -> Iterator[Problem]:
    """The error-level problems."""
    return (p for p in problems if p.level == "error")


__all__ = ["EXPORT_COLUMNS", "ImportOptions", "ImportResult", "OrgLoadError", "import_csv",
           "is_export_layout"]
