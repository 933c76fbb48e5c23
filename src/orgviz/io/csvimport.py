"""Import HR exports (CSV) into an org: find columns, resolve managers, report data problems.

The importer works in three steps: rows become `Record`s (cleaned values with their CSV
row and column), records are linked (manager references resolved, duplicates, cycles and
history rows handled, with a `Problem` at the CSV row for each issue), and the result is
written as an org file (see `orgviz.io.orgwrite`) and built as an in-memory `Org` whose
locations point into the CSV, so that the rules report problems at CSV rows too.
"""

from __future__ import annotations

import json
import os
import re
from collections import Counter
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field

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
    if not text:
        return ""
    return _SPACES.sub(" ", text.strip().casefold())


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
        for line, cells in table.rows:
            if len(cells) != width:
                extra = cells[width:]
                if len(cells) < width or any(c.strip() for c in extra):
                    self.problem(SourceLoc(table.shown, line, 1), "warning", "csv",
                                 f"row has {len(cells)} fields, the header has {width}"
                                 + (": missing fields read as empty" if len(cells) < width
                                    else ": extra fields ignored"))
                cells = (cells + [""] * width)[:width]
            record = self.read_row(table.shown, line, cells, columns, exact)
            if record is not None:
                self.records.append(record)

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

    def row_values(self, cells: list[str], columns: Columns, exact: bool,
                   where: tuple[str, int]) -> dict[str, str | None]:
        """Every mapped field's cleaned value; plain cells take a fast path."""
        values: dict[str, str | None] = {}
        plain = self.plain
        for fld, i in columns.index.items():
            raw = cells[i]
            if plain and len(raw) <= MAX_TEXT and "'" not in raw and "\n" not in raw and \
                    "\r" not in raw:
                values[fld] = (raw if exact else raw.strip()) or None
            else:
                values[fld] = self.text(raw, exact, where, fld, i)
        return values

    def read_row(self, shown: str, line: int, cells: list[str], columns: Columns,
                 exact: bool) -> Record | None:
        where = (shown, line)
        values = self.row_values(cells, columns, exact, where)
        get = values.get
        if len(columns.name_parts) > 1:
            parts = [self.text(cells[i], exact, where, "name", i) if not self.plain or "'" in
                     cells[i] or "\n" in cells[i] or len(cells[i]) > MAX_TEXT
                     else cells[i].strip() for i in columns.name_parts]
            name = " ".join(p for p in parts if p) or None
        else:
            name = get("name")
        record = Record(id="", line=line, file=shown, name=name, title=get("title"),
                        manager=get("manager"), team=get("team"), location=get("location"),
                        email=get("email"), cols=self.cols)
        if exact:
            record.team_name = get("team_name")
            record.vacant = (get("vacant") or "").lower() == "true"
            record.assistant = (get("assistant") or "").lower() == "true"
            record.roles = split_ids(get("role") or "")
            record.dotted_raw = split_ids(get("dotted_to") or "")
        else:
            self.read_flags(record, values, columns)
        record.id = get("id") or ""
        if not record.id and columns.get("id") is None:
            record.id = slug(record.name or record.email or "", "person")
            record.generated = True
        elif not record.id:
            self.problem(record.loc("id"), "error", "missing-id",
                         f"row has no id (column {columns.header[columns.index['id']]!r})"
                         + (f": imported as 'row-{line}'" if self.options.keep_going else ""))
            record.id = f"row-{line}"
            record.notes.append("no id in the CSV: id generated from the row number")
        return record

    def read_flags(self, record: Record, values: dict[str, str | None],
                   columns: Columns) -> None:
        get = values.get
        status = _fold(get("status"))
        vacant = _fold(get("vacant"))
        record.vacant = vacant in TRUE_WORDS or status in VACANT_STATUS
        record.assistant = _fold(get("assistant")) in TRUE_WORDS
        roles = get("role")
        if roles:
            ids = split_ids(roles.replace(",", ";"))
            if all(r in DEFAULT_LADDER.roles for r in ids):
                record.roles = ids
            elif record.title is None:
                record.title = roles
        dotted = get("dotted_to")
        if dotted:
            record.dotted_raw = split_ids(dotted.replace(",", ";"))
        current = _fold(get("current"))
        end = get("end_date")
        if status in ENDED_STATUS:
            record.history = f"status {get('status')!r}"
        elif current in FALSE_WORDS:
            record.history = f"{self_header(columns, 'current')} {get('current')!r}"
        elif end and status not in ACTIVE_STATUS:
            record.history = f"{self_header(columns, 'end_date')} {end}"
        if record.name is not None and _fold(record.name) in PLACEHOLDER_NAMES:
            record.notes.append(f"name {record.name!r} is a placeholder: imported as a vacancy")
            self.tally("placeholder", record.name)
            record.name, record.vacant = None, True
        elif record.name is None and record.cols.get("name"):
            record.notes.append("no name: imported as a vacancy")
            self.tally("placeholder", "(empty)")
            record.vacant = True

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
        seen: dict[str, Record] = {}
        taken = {r.id for r in self.records}
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
        for record in self.records:
            if record.manager is not None:
                record.reports_to = self.link_manager(record, record.manager, resolve, exact)
            if exact:  # verbatim: the org file had exactly these ids
                record.dotted_to = record.dotted_raw
                continue
            record.dotted_to = tuple(
                d for d in (self.link_dotted(record, raw, resolve) for raw in record.dotted_raw)
                if d is not None)

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

    def break_cycles(self) -> None:
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
        self.ids = {}
        for r in records:
            self.ids.setdefault(r.id, r)
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


def import_csv(path: str | os.PathLike[str], options: ImportOptions | None = None,
               shown_name: str | None = None) -> ImportResult:
    """Import an HR export; raise OrgvizError (exit 2) or OrgLoadError (exit 1) if unusable.

    Data problems do not raise: they are in `result.problems` (errors among them mean the
    file should only be written with --keep-going).
    """
    from orgviz.io.orgwrite import write_org

    options = options or ImportOptions()
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
    imp.break_cycles()
    known = _read_teams(imp, options.teams) if options.teams else None
    teams = _link_teams(imp, exact, known)
    if not exact:
        unmatched = {r.title for r in imp.records
                     if r.title and not r.roles and DEFAULT_LADDER.infer(r.title) is None}
        for title in sorted(unmatched):
            imp.tally("no-role", title)
    imp.report_tallies(table.shown)
    ordered = (tree_order(imp.records) if options.order == "tree"
               else [(r, 0) for r in imp.records])
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
    people = tuple(build_person(r) for r in records)
    org = Org(file=table.shown, name=name, size=size, people=people, teams=tuple(teams),
              loc=SourceLoc(table.shown, 1, 1), files=(table.shown,))
    if options.allow_forest:
        from orgviz.model import RuleSetting

        org.rule_settings = (RuleSetting("root", SourceLoc(table.shown, 1, 1),
                                         options={"allow-forest": True}),)
    text = write_org(org, ordered, imp.dropped, imp.header_notes, table,
                     size_guessed=options.size is None, allow_forest=options.allow_forest)
    imp.problems.sort()
    return ImportResult(org, text, imp.problems, records, imp.dropped, teams, imp.header_notes)


def iter_errors(problems: Sequence[Problem]) -> Iterator[Problem]:
    """The error-level problems."""
    return (p for p in problems if p.level == "error")


__all__ = ["EXPORT_COLUMNS", "ImportOptions", "ImportResult", "OrgLoadError", "import_csv",
           "is_export_layout"]
