"""Import HR exports (CSV) into an org: find columns, resolve managers, report data problems.

The importer works in three steps: rows are read column by column (cleaned values, with
their CSV row and column), the rows are linked, and the result is written as an org file
(see `orgviz.io.orgwrite`) and built as an in-memory `Org` whose locations point into the
CSV, so that the rules report problems at CSV rows too. Rows that link as they are (unique
ids, managers given by id, nothing else to resolve: `direct`) become people straight from
their columns; other files are linked record by record (`Record`s: manager references
resolved, duplicates, cycles and history rows handled, with a `Problem` at the CSV row for
each issue).
"""

from __future__ import annotations

import copy
import dataclasses
import datetime
import os
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import partial
from itertools import compress
from operator import attrgetter, itemgetter, not_
from typing import cast

from orgviz.errors import OrgLoadError, OrgvizError
from orgviz.gcpause import cyclic_gc_paused
from orgviz.io.columns import SPELLINGS
from orgviz.io.csvimport.direct import DirectLinks, link_directly
from orgviz.io.csvimport.grades import used_roles
from orgviz.io.csvimport.junior import read_junior
from orgviz.io.csvimport.linking import Linker
from orgviz.io.csvimport.order import tree_order
from orgviz.io.csvimport.people import build_people, build_person, people_of_columns
from orgviz.io.csvimport.records import (
    ImportOptions,
    ImportOptionTypeError,
    ImportResult,
    Record,
    RecordsOnDemand,
)
from orgviz.io.csvimport.rows import (
    RecordColumns,
    RowReader,
    below_title_lines,
    is_export_layout,
    records_of,
    trim_to_export_layout,
)
from orgviz.io.csvimport.teams import link_teams, note_numbered_teams, read_teams
from orgviz.io.csvimport.titles import expand_titles, note_coded_titles, read_titles
from orgviz.io.csvimport.values import ELIMINATED_POST, MAX_TEXT, is_future_dated
from orgviz.io.csvread import (
    EXPORT_COLUMNS,
    EXPORT_COLUMNS_FTE,
    check_encoding,
    checked_delimiter,
)
from orgviz.io.orgwrite import ImportedOrg, lines_of_columns, write_org
from orgviz.io.tables import read_table
from orgviz.model import SIZES, Org, Person, RowLocs, Team, check_path, shown_argument
from orgviz.problem import Problem, SourceLoc, quoted
from orgviz.roles import DEFAULT_LADDER, Role, RoleLadder, with_managing_roles

SIZE_LIMITS = ((60, "small"), (600, "mid-size"))


class _Importer(RowReader, Linker):
    """One import run: reads, links, and collects problems."""


def guess_size(people: int) -> str:
    """small below 60 people, mid-size below 600, else enterprise."""
    for limit, size in SIZE_LIMITS:
        if people < limit:
            return size
    return "enterprise"


def import_csv(path: str | os.PathLike[str], options: ImportOptions | None = None,
               shown_name: str | None = None) -> ImportResult:
    """Import an HR export; raise OrgvizError (exit 2) or OrgLoadError (exit 1) if unusable.

    Data problems do not raise: they are in `result.problems` (errors among them mean the
    file should only be written with --keep-going). Without `options.teams`, the teams table
    `orgviz export` wrote beside the people CSV (NAME.teams.csv for NAME.csv) is read when
    it belongs to it, as `orgviz import` reads it (an info says so; a warning says why one
    is set aside), unless `options.teams_beside` is False. An argument of the wrong type is
    a TypeError (an ImportOptions field's an ImportOptionTypeError), raised before any file
    is read.
    """
    check_path("import_csv", "path", path, "a CSV file's or workbook's path (or '-': stdin)")
    if shown_name is not None and not isinstance(shown_name, str):
        raise TypeError(f"orgviz.import_csv()'s shown_name must be the name of the org file "
                        f"written (a str: it names the org) or None, not "
                        f"{shown_argument(shown_name)}")
    options = verified_options(ImportOptions() if options is None else options)
    if options.teams is None and options.teams_beside:
        from orgviz.io.teamtable import teams_table_beside

        beside = teams_table_beside(os.fspath(path), options.encoding)  # (read once)
        if beside is not None:  # (read when it fits the people CSV, else a warning says why)
            from orgviz.io.csvimport.beside import import_with_table_beside

            return import_with_table_beside(path, options, beside.path, shown_name,
                                            beside.data)
    return imported(path, options, shown_name)


def imported(path: str | os.PathLike[str], options: ImportOptions, shown_name: str | None,
             teams_data: bytes | None = None, table_beside: bool = False) -> ImportResult:
    """`import_csv` of verified options (`verified_options`), no teams table looked for
    beside the people CSV: `teams_data`, the teams file's bytes when they were read already
    (the teams table beside the people CSV, read whole once its first line shows it is one);
    `table_beside`, whether the teams file is that table (its rows' mistakes warnings)."""
    with cyclic_gc_paused():
        return _import_csv(path, options, shown_name, teams_data, table_beside)


#: The values of ImportOptions fields that take one of a few (None too: the default).
_CHOICES = {"size": SIZES, "order": ("tree", "csv")}
_TEXTS = ("name", "encoding", "delimiter", "sheet")
_FILES = ("junior", "teams", "titles")
_FLAGS = ("keep_going", "allow_forest", "teams_beside")


def verified_options(options: ImportOptions) -> ImportOptions:
    """The options if every value is one the importer takes (as the CLI's options would
    give), else an OrgvizError saying which and what to give instead (an
    ImportOptionTypeError, also a TypeError, for a value of the wrong type)."""
    if not isinstance(options, ImportOptions):
        raise TypeError(f"orgviz.import_csv()'s options must be an ImportOptions or None, "
                        f"not {shown_argument(options)}")
    _verify_types(options)
    for name, choices in _CHOICES.items():
        value = getattr(options, name)
        if value is not None and value not in choices:
            raise OrgvizError(f"unknown {name} {value!r}: use one of {', '.join(choices)} "
                              "(or None, the default)")
    _verify_columns(options.columns)
    if options.encoding:  # (before any file is read: "" reads as None does)
        check_encoding(options.encoding)
    if options.delimiter is not None:
        checked_delimiter(options.delimiter)
    reference = options.reference_date
    if isinstance(reference, datetime.datetime):  # (a date and a time: its date)
        options = dataclasses.replace(options, reference_date=reference.date())
    return options


def _verify_types(options: ImportOptions) -> None:
    """An ImportOptionTypeError for a field of the wrong type, naming it and what it takes."""
    for name, choices in _CHOICES.items():
        value = getattr(options, name)
        if value is not None and not isinstance(value, str):
            raise ImportOptionTypeError(f"ImportOptions {name} must be one of "
                                        f"{', '.join(choices)} (a str) or None, not "
                                        f"{shown_argument(value)}")
    for name in _TEXTS:
        value = getattr(options, name)
        if value is not None and not isinstance(value, str):
            raise ImportOptionTypeError(f"ImportOptions {name} must be a string (or None), "
                                        f"not {shown_argument(value)}")
    for name in _FILES:
        value = getattr(options, name)
        if value is not None and not isinstance(value, (str, os.PathLike)):
            raise ImportOptionTypeError(f"ImportOptions {name} must be a file path (or None), "
                                        f"not {shown_argument(value)}")
    for name in _FLAGS:
        value = getattr(options, name)
        if not isinstance(value, bool):
            raise ImportOptionTypeError(f"ImportOptions {name} must be True or False, not "
                                        f"{shown_argument(value)}")
    reference = options.reference_date
    if reference is not None and not isinstance(reference, datetime.date):
        raise ImportOptionTypeError(f"ImportOptions reference_date must be a datetime.date "
                                    f"(or None: today), not {shown_argument(reference)}")


def _verify_columns(columns: object) -> None:
    """OrgvizError unless `columns` maps known fields to lists of column names (an
    ImportOptionTypeError for a value of the wrong type)."""
    if not isinstance(columns, Mapping):
        raise ImportOptionTypeError(f"ImportOptions columns must map fields to lists of column "
                                    f"names (such as {{'id': ['EmpID']}}), not "
                                    f"{shown_argument(columns)}")
    for fld, names in columns.items():
        if fld not in SPELLINGS:
            raise OrgvizError(f"ImportOptions columns: unknown field {fld!r}: use one of "
                              f"{', '.join(SPELLINGS)}")
        if isinstance(names, str) or not isinstance(names, Sequence):
            raise ImportOptionTypeError(f"ImportOptions columns[{fld!r}] must be a list of "
                                        f"column names (such as [{names!r}]), not "
                                        f"{shown_argument(names)}")
        for name in names:
            if not isinstance(name, str):
                raise ImportOptionTypeError(f"ImportOptions columns[{fld!r}]: a column name "
                                            f"(the header's text) must be a non-blank string, "
                                            f"not {shown_argument(name)}")
            if not name.strip():
                raise OrgvizError(f"ImportOptions columns[{fld!r}]: a column name (the "
                                  f"header's text) must be a non-blank string, not {name!r}")


def _import_csv(path: str | os.PathLike[str], options: ImportOptions,
                shown_name: str | None, teams_data: bytes | None,
                table_beside: bool) -> ImportResult:
    imp = _Importer(options)
    imp.table_beside = table_beside
    if teams_data is not None and options.teams is not None:
        imp.teams_data = (os.fspath(options.teams), teams_data)
    table = read_table(path, options.encoding, options.delimiter, options.sheet)
    titled = below_title_lines(table, options.columns)
    if titled is not None:
        table, info = titled
        imp.problems.append(info)
    exact = is_export_layout(table.header) or trim_to_export_layout(table)
    if options.order is None:
        options = imp.options = dataclasses.replace(options, order="csv" if exact else "tree")
    columns = imp.read_people(table, exact)
    table_teams = None
    if exact and options.teams:  # (a teams table: the rows link as without it, ids as written)
        from orgviz.io.csvimport.teamrows import teams_of_table

        table_teams = teams_of_table(imp, columns)
        if table_teams is not None:
            options = imp.options = dataclasses.replace(options, teams=None)
    if not exact and not options.teams and "team" in imp.cols:
        note_numbered_teams(imp, table, columns["team"])
    if options.titles:
        if "title" not in imp.cols:
            raise OrgvizError(f"--titles {options.titles}: {table.shown} has no title column "
                              "(--title COLUMN names it)")
        columns["title"] = expand_titles(imp, table.shown, columns["title"], columns["line"],
                                         read_titles(imp, options.titles), options.titles)
    elif not exact and "title" in imp.cols:
        note_coded_titles(imp, table, columns["title"])
    direct = link_directly(columns, exact, options)
    written = (_link_records(imp, columns, exact) if direct is None
               else _linked_directly(imp, columns, direct, exact))
    people = written.people
    imp.report_tallies(table.shown, table.header_line)
    # (a person whose manager was not found, the first of a reporting cycle, or one
    # reporting to themselves in the exact layout, is a top too, but said so by
    # unknown-manager, cycle or self-report at error level)
    unknown = {tuple(p[:3]) for p in imp.problems if p.level == "error"
               and p.rule in ("unknown-manager", "cycle", "self-report")}
    tops = [p for p in people if p.reports_to is None
            and (not unknown or tuple(p.at("reports_to")) not in unknown)]
    if len(tops) > 1:
        _report_tops(imp, tops, options.allow_forest)
    name = options.name or _name_of_file(imp, shown_name or table.shown)
    size = options.size or guess_size(len(people))
    teams = written.teams if table_teams is None else table_teams
    # Grade roles (an organogram's, or an export's role column naming them) are the file's
    # own roles: declared in it, and in the ladder of the org as the loader will build it.
    grades = used_roles(set(map(_ROLES, people)))
    # (the org file declares the size, given or guessed: the rules do not call it assumed)
    top = SourceLoc(table.shown, 1, 1)
    org = Org.of_inferred(people, file=table.shown, name=name, size=size, teams=tuple(teams),
                          ladder=RoleLadder.build(grades) if grades else DEFAULT_LADDER,
                          loc=top, files=(table.shown,), size_loc=top)
    if options.allow_forest:
        from orgviz.model import RuleSetting

        org.rule_settings = (RuleSetting("root", SourceLoc(table.shown, 1, 1),
                                         options={"allow-forest": True}),)
    # (The text is made when first read, from what the import has now: see ImportResult.)
    make_text = partial(
        _org_text, ImportedOrg(name, size, tuple(teams), table.shown, table.row_count,
                               table.encoding),
        written, tuple(map(copy.copy, imp.dropped)), tuple(imp.header_notes),
        size_guessed=options.size is None,
        allow_forest=options.allow_forest, roles=tuple(grades))
    imp.problems.sort(key=_PROBLEM_ORDER)
    return ImportResult(org, make_text, imp.problems, written.records, imp.dropped, teams,
                        imp.header_notes, imp.tallied.get("no-role"), imp.no_role_titles)


def _org_text(org: ImportedOrg, written: _Written, dropped: Sequence[Record],
              notes: Sequence[str], size_guessed: bool, allow_forest: bool,
              roles: Sequence[Role]) -> str:
    """The org file's text of an import (`write_org`), its people's lines made column by
    column when they can be."""
    made = None if written.make_lines is None else written.make_lines()
    return write_org(org, written.people, written.depths, written.notes, dropped, notes,
                     size_guessed=size_guessed, allow_forest=allow_forest, made=made,
                     roles=roles)


def _report_tops(imp: _Importer, tops: Sequence[Person], allow_forest: bool) -> None:
    """Report several tops once: one that gave its own id as manager is named so in the
    warning, its self-report warning left out (the same row: one mistake, one finding)."""
    rows = set() if allow_forest else {tuple(p.at("reports_to")) for p in tops}
    own = {tuple(p[:3]) for p in imp.problems if p.rule == "self-report"} & rows
    if own:
        imp.problems[:] = [p for p in imp.problems
                           if p.rule != "self-report" or tuple(p[:3]) not in own]

    def shown(top: Person) -> str:
        """"'a' (row 4)", "'a' (row 4, reports to itself)"."""
        at = top.at("reports_to")
        itself = f", reports to itself{imp.self_reports.get(at, '')}" if at in own else ""
        return f"'{top.id}' (row {top.loc.line}{itself})"

    listed = quoted(tops, 5, shown)
    if allow_forest:
        imp.problem(tops[1].at("reports_to"), "info", "root",
                    f"{len(tops):,} separate trees: {listed} (kept: --allow-forest)")
    else:
        imp.problem(tops[1].at("reports_to"), "warning", "root",
                    f"{len(tops):,} people have no manager: {listed}; pass "
                    "--allow-forest to keep separate trees")


#: The org's name when the file it is named after gives none the org file can hold.
UNNAMED_ORG = "imported org"


def _name_of_file(imp: _Importer, path: str) -> str:
    """The org's name from a file's name (without its extension): cleaned of control
    characters and stripped where the org file could not hold it, "imported org" when
    nothing is left (noted in the file's header: the user did not choose that name)."""
    from orgviz.loader import LONE_SURROGATES, text_fault
    from orgviz.orgfiles import STDIN_SHOWN
    from orgviz.yamlread import CONTROL_CHARS

    if path == STDIN_SHOWN:
        imp.header_notes.append(f"Org name '{UNNAMED_ORG}': the rows came from standard input "
                                "(--org-name names the org)")
        return UNNAMED_ORG
    stem = os.path.splitext(os.path.basename(path))[0]
    fault = text_fault(stem)
    if fault is None:
        return stem
    name = re.sub(CONTROL_CHARS, "", re.sub(LONE_SURROGATES, "\ufffd", stem))[:MAX_TEXT].strip()
    if not name or text_fault(name) is not None:
        name = UNNAMED_ORG
    imp.header_notes.append(f"Org name '{name}': the file name '{stem}' {fault} "
                            "(--org-name names the org)")
    return name


@dataclass
class _Written:
    """The people of an import in the order written, and what goes with them."""

    people: tuple[Person, ...]
    depths: Sequence[int]  # below their top (0: a top)
    notes: Sequence[Sequence[str]]  # the notes on each person's row
    make_lines: Callable[[], list[str] | None] | None  # their lines in the org file, made
    # column by column (None from it or here: `write_org` makes them from the people)
    records: Sequence[Record]  # their records
    teams: list[Team]


def _link_records(imp: _Importer, columns: RecordColumns, exact: bool) -> _Written:
    """The rows linked record by record."""
    options = imp.options
    imp.records = records_of(columns)
    if options.junior:  # (first: junior posts may report to an eliminated senior post)
        read_junior(imp, options.junior)
    if not exact:
        imp.split_history()
        if not imp.records:
            raise OrgLoadError(_nothing_to_import(imp))
    imp.dedupe()
    imp.link(exact)
    acyclic_order = imp.break_cycles()
    known = read_teams(imp, options.teams) if options.teams else None
    teams = link_teams(imp, exact, known)
    if not exact:  # (of the people file: junior posts have titles made of job and FTE)
        main = columns["file"][0] if columns["file"] else None
        own = [r for r in imp.records if r.file == main]
        _tally_unmatched_titles(imp, map(_TITLE, own), map(_ROLES, own))
    if options.order != "tree":
        ordered = [(r, 0) for r in imp.records]
    else:  # break_cycles found the tree order unless it broke cycles
        ordered = acyclic_order if acyclic_order is not None else tree_order(imp.records)
    records = list(map(_RECORD, ordered))
    people = build_people(records)
    # (Managers get the roles the loader will infer for them: see `with_managing_roles`.)
    people = with_managing_roles(people, DEFAULT_LADDER) or people
    return _Written(tuple(people), list(map(_DEPTH, ordered)),
                    list(map(tuple, map(_NOTES, records))), None, records, teams)


def _nothing_to_import(imp: _Importer) -> list[Problem]:
    """The problems of an import whose every row was set aside (history rows, eliminated
    posts, future-dated rows): those found so far (but the warnings about their values:
    `drop_set_aside_warnings`), and the error that nothing is left, at the first row (a
    file whose org would have no people, which does not load, is not written)."""
    dropped = imp.dropped
    n = len(dropped)
    eliminated = sum(r.history == ELIMINATED_POST for r in dropped)
    future = sum(is_future_dated(r.history) for r in dropped)
    ended = n - eliminated - future
    them = "them" if future > 1 else "it"
    kinds = [(ended, "history row", "(not current, by status, current flag or end date)"),
             (future, "future-dated row", "(starting after the day of the import "
              f"{imp.reference_date().isoformat()}: --as-of a later day imports {them})"),
             (eliminated, "eliminated post", "(named 'Eliminated': abolished)")]
    found = [(k, noun, why) for k, noun, why in kinds if k]
    if len(found) == 1:
        _k, noun, why = found[0]
        what = f"{noun}s {why}" if n > 1 else f"{'an' if noun[0] == 'e' else 'a'} {noun} {why}"
    else:  # (the future-dated rows say how to import them)
        said = [f"{k:,} {noun}{'s' if k > 1 else ''}" + (f" {why}" if noun[0] == "f" else "")
                for k, noun, why in found]
        what = f"{', '.join(said[:-1])} and {said[-1]}"
    every = f"all {n:,} rows are" if n > 1 else "the only row is"
    first = dropped[0]
    error = Problem(first.file, first.line, 1, "error", "csv",
                    f"nothing to import: {every} {what}")
    imp.drop_set_aside_warnings({(r.file, r.line) for r in dropped})
    return sorted([*imp.problems, error], key=_PROBLEM_ORDER)


def _linked_directly(imp: _Importer, columns: RecordColumns, direct: DirectLinks,
                     exact: bool) -> _Written:
    """The rows that link as they are, made into people from their columns."""
    columns.update(reports_to=columns["manager"], dotted_to=columns["dotted_raw"],
                   team=direct.team_ids)
    if not exact:
        _tally_unmatched_titles(imp, columns["title"], columns["roles"])
    rows, depths = direct.rows, direct.depths
    # (All of one file, located by the same columns.)
    people = people_of_columns(
        columns["id"], columns["file"][0] if rows else "", columns["line"], columns["name"],
        columns["title"], columns["roles"], columns["reports_to"], columns["dotted_to"],
        columns["team"], columns["vacant"], columns["assistant"], columns["location"],
        columns["email"], imp.cols, rows, managers=direct.managers)
    records = RecordsOnDemand(lambda: records_of(
        {f: list(map(values.__getitem__, rows)) for f, values in columns.items()}))
    # Their lines (when the text is read) column by column, when every value is a plain
    # scalar (the managers are ids here: plain when the ids are).
    make_lines = partial(lines_of_columns, columns["id"], columns["name"], columns["title"],
                         columns["roles"], columns["reports_to"], columns["dotted_to"],
                         columns["team"], columns["vacant"], columns["assistant"],
                         columns["location"], columns["email"], rows)
    return _Written(tuple(people), depths,
                    _kept_notes(list(map(columns["notes"].__getitem__, rows))), make_lines,
                    records, direct.teams)


def _kept_notes(notes: list[Sequence[str]]) -> list[Sequence[str]]:
    """The notes of each row, those of rows with any copied: a record made of the columns
    (`RecordsOnDemand`) shares its row's list, which its reader may change, and the org
    file's text, made later, says the import's notes (rows without any give a record a
    list of its own: `records_of`)."""
    for i in compress(range(len(notes)), notes):
        notes[i] = tuple(notes[i])
    return notes


def _tally_unmatched_titles(imp: _Importer, titles: Iterable[str | None],
                            roles: Iterable[tuple[str, ...]]) -> None:
    """Tally the titles that match no role, among those of the records without a role."""
    found = set(compress(titles, map(not_, roles)))
    found.discard(None)
    found.discard("")
    texts = cast("set[str]", found)  # (None taken out)
    unmatched = sorted(t for t in texts if DEFAULT_LADDER.infer(t) is None)
    for title in unmatched:
        imp.tally("no-role", title)
    imp.no_role_titles = frozenset(unmatched)


_TITLE = attrgetter("title")
_ROLES = attrgetter("roles")
_RECORD = itemgetter(0)
_DEPTH = itemgetter(1)
_NOTES = attrgetter("notes")
#: The order of Problem (a dataclass with order=True compares these fields in turn), as a key.
_PROBLEM_ORDER = attrgetter("file", "line", "col", "level", "rule", "message")


def iter_errors(problems: Sequence[Problem]) -> Iterator[Problem]:
    """The error-level problems."""
    return (p for p in problems if p.level == "error")


__all__ = ["EXPORT_COLUMNS", "EXPORT_COLUMNS_FTE", "ImportOptionTypeError", "ImportOptions",
           "ImportResult", "OrgLoadError", "Record", "RecordsOnDemand", "RowLocs",
           "build_people", "build_person", "import_csv", "is_export_layout", "tree_order"]
