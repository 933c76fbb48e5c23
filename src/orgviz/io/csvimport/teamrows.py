"""The teams table `orgviz export` writes beside its people CSV, read back exactly.

Its cells are read as the people CSV's exact layout reads them (verbatim; export's formula
guard undone). A mistake is reported at its cell, at the level `orgviz validate` gives it
in an org file, and what it names is left out, so that the org file import writes loads
and validates (with --keep-going for errors): a team without an id, a repeated team id,
a color that is no hex color, a parent that is no team of the table, teams whose parents
nest in a circle, a lead who is no person of the people CSV (a lead who is a row set aside,
a history or future-dated row, is its person's current row, with a warning, as in a
departments list; left out when it has none). In a table found beside the people CSV
(not named by --teams: `ImporterState.table_beside`), such a mistake concerns its row
alone (an edited or stale table: a lead since left) and is a warning, the rest of the table
read. Such a table that cannot belong to the people CSV (none of the people's teams in
it), or that cannot be read at all, is set aside as it is read (`fits_people`,
`set_aside`): what reading it added undone, a warning at its first cell, the import going
on as without it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from typing import NamedTuple

from orgviz.errors import OrgLoadError, OrgvizError
from orgviz.io.csvimport.cells import CellReader
from orgviz.io.csvimport.rows import RecordColumns
from orgviz.io.csvimport.teams import (
    KnownTeam,
    KnownTeams,
    SetAsideLeads,
    break_parent_cycles,
    check_leads,
    read_teams_file,
    team_ids,
    team_of,
)
from orgviz.io.csvread import CsvTable
from orgviz.io.teamtable import team_table_columns
from orgviz.model import NO_LOC, Team
from orgviz.orgfiles import shown_base_name, shown_path
from orgviz.problem import Problem, SourceLoc


def read_team_table(imp: CellReader, table: CsvTable, layout: Mapping[str, int],
                    people: Collection[str], set_aside: SetAsideLeads | None = None
                    ) -> KnownTeams:
    """The teams of a teams table (`layout`: field -> column), by id in its order, each
    checked (see the module's doc); `people`: the ids of the people CSV (leads), and
    `set_aside`, for a people CSV with rows set aside (history or future-dated rows), what
    makes a lead who is one of them its person's current row, as in a departments list."""
    teams: KnownTeams = {}
    lines: dict[str, int] = {}
    width = len(table.header)
    for line, cells in table.rows:
        if len(cells) != width:
            cells = _fit(imp, table.shown, line, cells, width)
        locs = {f: SourceLoc(table.shown, line, i + 1) for f, i in layout.items()}
        values = {f: _value(imp, cells[i], table.shown, line, f, i) for f, i in layout.items()}
        team = _row_team(imp, values, locs, lines)
        if team is not None:
            teams[team[0]] = team[1]
            lines[team[0]] = line
    _check_parents(imp, teams, lines)
    check_leads(imp, teams, people, set_aside, lambda tid: _at(teams[tid], "lead"), _level(imp))
    return teams


def _fit(imp: CellReader, shown: str, line: int, cells: list[str], width: int) -> list[str]:
    """A row as wide as the header (missing cells empty, extra ones dropped), with the
    warning the people CSV's rows get."""
    if len(cells) < width or any(c.strip() for c in cells[width:]):
        imp.problem(SourceLoc(shown, line, 1), "warning", "csv",
                    f"row has {len(cells):,} fields, the header has {width:,}"
                    + (": missing fields read as empty" if len(cells) < width
                       else ": extra fields ignored"))
    return (cells + [""] * width)[:width]


#: The field each column of the teams table is read as (`CellReader.text`: ids, texts).
_READ_AS = {"id": "team", "name": "team_name", "parent": "parent", "lead": "lead",
            "color": "color"}


def _value(imp: CellReader, raw: str, shown: str, line: int, fld: str, col: int
           ) -> str | None:
    """A cell as the exact layout reads it; None when empty or whitespace alone."""
    value = imp.text(raw, True, (shown, line), _READ_AS[fld], col)
    return value if value is None or not value.isspace() else None


def _row_team(imp: CellReader, values: Mapping[str, str | None],
              locs: Mapping[str, SourceLoc], lines: Mapping[str, int]
              ) -> tuple[str, KnownTeam] | None:
    """A row's team (its id and what it holds), or None for a row left out: without an id
    (an error, unless the row holds nothing) or repeating one (an error, as validate's
    duplicate-id)."""
    tid = values["id"]
    if tid is None:
        if any(values.values()):
            imp.problem(locs["id"], _level(imp), "schema",
                        "a team without an id (its 'team' cell is empty): write its id; the "
                        "row is left out")
        return None
    if tid in lines:
        imp.problem(locs["id"], _level(imp), "duplicate-id",
                    f"duplicate team id '{tid}' (first used at line {lines[tid]}): give each "
                    "team its own id; this row is left out")
        return None
    color = values.get("color")
    if color is not None and not _hex_color(color):
        imp.problem(locs["color"], _level(imp), "schema",
                    f"color of team '{tid}' must be a hex color such as '#4C78A8', not "
                    f"'{color}': left out")
        color = None
    return tid, KnownTeam(values.get("name"), values.get("lead"), values.get("parent"), color,
                          locs)


def _hex_color(color: str) -> bool:
    """Whether a color is one an org file takes (the loader's rule)."""
    from orgviz.loadbuild import HEX_COLOR

    return HEX_COLOR.match(color) is not None


def _check_parents(imp: CellReader, teams: KnownTeams, lines: Mapping[str, int]) -> None:
    """Leave out each parent that is no team of the table, and break each cycle of parents,
    with an error at the parent's cell (validate's unknown-team)."""
    from orgviz.rules._common import Suggester

    suggest = Suggester(teams)
    for tid, team in teams.items():
        if team.parent is not None and team.parent not in teams:
            advice = suggest.advice(team.parent, "use the id of a team of the table", tid)
            imp.problem(_at(team, "parent"), _level(imp), "unknown-team",
                        f"team '{tid}' has parent '{team.parent}', which is not a team of the "
                        f"table (left out): {advice}")
            teams[tid] = team._replace(parent=None)
    break_parent_cycles(imp, teams, lines.__getitem__,
                         lambda tid: _at(teams[tid], "parent"), _level(imp))


def _level(imp: CellReader) -> str:
    """The level of a mistake in a row of the teams table: an error in one --teams names, a
    warning in the table found beside the people CSV (the module's doc)."""
    return "warning" if imp.table_beside else "error"


def _at(team: KnownTeam, fld: str) -> SourceLoc:
    """Where a field of a team of the teams table stands."""
    assert team.locs is not None  # (a team of the teams table)
    return team.locs[fld]


def teams_of_table(imp: CellReader, columns: RecordColumns) -> list[Team] | None:
    """With the people CSV in the export's layout (`columns`: its rows read) and a teams file
    given (--teams, or the one beside it) that is a teams table, the org's teams: the
    table's, in its order, then the teams of people that the table lacks (a warning at the
    first row of each: declared, named by its first `team_name`); None when the teams file
    is a departments list (read with the rows linked, as before). The table beside the
    people CSV that does not fit it is set aside (the module's doc): the people's teams, as
    without it."""
    path = imp.options.teams
    assert path is not None
    mark = reading(imp)
    try:
        table = read_teams_file(imp, path)
    except OrgvizError as exc:
        if not imp.table_beside:
            raise
        set_aside(imp, mark, shown_path(path), columns["file"][0], exc)
        table = None
    if table is None:  # (the header alone: an org without `teams:`, as without a table)
        return team_ids(columns["team"], columns["team_name"], True)[0]
    layout = team_table_columns(table.header)
    if layout is None:
        return None
    imp.problems.extend(table.problems)
    known = read_team_table(imp, table, layout, set(columns["id"]))
    firsts: dict[tuple[str | None, str | None], int] = {}  # each (team, team_name): its row
    for row, pair in enumerate(zip(columns["team"], columns["team_name"], strict=True)):
        firsts.setdefault(pair, row)
    rows = _Rows(columns["file"][0], columns["line"], firsts)
    teams_of_people = [(value, rows.at(value, name, imp.cols["team"]))
                       for value, name in firsts if value is not None]
    if not fits_people(imp, mark, table.shown, rows.shown, known, teams_of_people):
        return team_ids(columns["team"], columns["team_name"], True)[0]
    imp.header_notes.append(f"Teams from {shown_base_name(table.shown)}")
    teams = [team_of(tid, team, team.parent, team.lead) for tid, team in known.items()]
    return teams + _people_teams(imp, known, rows, shown_base_name(table.shown))


class Reading(NamedTuple):
    """How far an import had gone when it began to read a teams file: its problems and the
    findings it kept about rows' values (what reading the table adds after them)."""

    problems: int
    row_tallies: int


def reading(imp: CellReader) -> Reading:
    """Where an import stands before it reads a teams file (`set_aside` undoes the rest)."""
    return Reading(len(imp.problems), len(imp.row_tallies))


def fits_people(imp: CellReader, mark: Reading, table: str, people: str, known: KnownTeams,
                teams_of_people: Iterable[tuple[str, SourceLoc]], by_name: bool = False,
                declared: Callable[[str], bool] = bool) -> bool:
    """Whether a teams table read (`known`, `table` its shown name) belongs to the people
    CSV (`people`): always when named by --teams; the one beside it does unless an error
    is in it (its rows' mistakes are warnings: what is left is a table that cannot be
    read), or, with no person in a team of it (`teams_of_people`: each team value and its
    cell; `by_name`, a value may also name a team by its name, where no other team has
    it), a team value of the people that would be declared (`declared`) is not in it: a
    table of another org. One that does not is set aside (`set_aside`). (A table that
    lacks some teams of the people beside others it holds is read: an org may have people
    in teams its `teams:` does not list, and its export such a pair.)"""
    if not imp.table_beside:
        return True
    errors = [p for p in imp.problems[mark.problems:] if p.file == table and p.level == "error"]
    held = set(known)
    if by_name:
        names = Counter(team.name for team in known.values() if team.name)
        held |= {name for name, n in names.items() if n == 1}
    values = list(teams_of_people)
    if not any(value in held for value, _loc in values):
        lacked = [(loc, value) for value, loc in values if declared(value)]
        if lacked:  # (the first team value the table lacks)
            loc, value = min(lacked)
            errors.append(Problem.at(loc, "warning", "unknown-team",
                                     f"team '{value}' is not in {shown_base_name(table)}"))
    misfit = min(errors, default=None)
    if misfit is None:
        return True
    set_aside(imp, mark, table, people, misfit)
    return False


def keep_numbered_teams_note(imp: CellReader, table: CsvTable,
                             values: Sequence[str | None]) -> None:
    """Keep what the import says of a people CSV's team column of numbers without a teams
    file (`note_numbered_teams`), for when the table beside it is set aside."""
    from orgviz.io.csvimport.teams import note_numbered_teams

    mark = len(imp.problems)
    note_numbered_teams(imp, table, values)
    imp.without_table = imp.problems[mark:]
    del imp.problems[mark:]


def set_aside(imp: CellReader, mark: Reading, table: str, people: str,
              why: Problem | OrgvizError) -> None:
    """Set aside the teams table beside the people CSV (`table`, `people`: their shown
    names): what reading it added to the import undone (`mark`), what the import says
    without a teams file said (`ImporterState.without_table`), a warning at its first cell
    that says why (`why`: the first mismatch, or what its reading raised)."""
    del imp.problems[mark.problems:]
    del imp.row_tallies[mark.row_tallies:]
    imp.problems.extend(imp.without_table)
    if isinstance(why, OrgLoadError):
        errors = [p for p in why.problems if p.level == "error"]
        first = min([p for p in errors if p.file == table] or errors, default=None)
        reason = str(why) if first is None else _said(first)
    else:
        reason = _said(why) if isinstance(why, Problem) else str(why)
    imp.problems.append(not_read(table, people, reason))


def _said(problem: Problem) -> str:
    """A problem as the warning quotes it: where, and what (less what import did of it)."""
    what = problem.message
    for done in (" (left out)", ": left out", ": declared", "; this row is left out",
                 "; the row is left out"):
        what = what.split(done, 1)[0]
    return f"{problem.file}:{problem.line}:{problem.col}: {what}"


def not_read(table: str, people: str, reason: str) -> Problem:
    """The warning that says the teams table beside the people CSV (their shown names) was
    not read, and why."""
    return Problem(table, 1, 1, "warning", "columns",
                   f"the teams table beside {shown_base_name(people)} does not match it "
                   f"({reason}) and was not read: given as teams (`--teams {table}`), it is "
                   "read anyway")


class _Rows:
    """The people CSV's rows, as far as their teams go: the first row of each pair of a team
    value and a team name, in the order they first appear."""

    def __init__(self, shown: str, lines: list[int],
                 firsts: dict[tuple[str | None, str | None], int]) -> None:
        self.shown, self.lines, self.firsts = shown, lines, firsts

    def at(self, value: str, name: str | None, col: int) -> SourceLoc:
        """The cell `col` of the first row with that team value and team name."""
        return SourceLoc(self.shown, self.lines[self.firsts[value, name]], col)


def _people_teams(imp: CellReader, known: KnownTeams, rows: _Rows, table: str) -> list[Team]:
    """The teams of people that the teams table lacks, declared (a warning at the first
    row of each); a warning at the first row whose `team_name` is not the table's name of
    its team (the table's kept)."""
    extra: dict[str, str | None] = {}
    told: set[str] = set()
    for value, name in rows.firsts:
        if value is None:
            continue
        team = known.get(value)
        if team is None and value not in extra:
            extra[value] = None
            imp.problem(rows.at(value, name, imp.cols["team"]), "warning",
                        "unknown-team", f"team '{value}' is not in {table}: declared")
        if team is None:
            if extra[value] is None and name is not None and name != value:
                extra[value] = name
        elif name is not None and name != (team.name or value) and value not in told:
            told.add(value)
            imp.problem(rows.at(value, name, imp.cols["team_name"]), "warning",
                        "csv", f"team_name '{name}' is not the name of team '{value}' in "
                        f"{table} ('{team.name or value}'): the name of {table} is kept")
    return [Team(id=tid, loc=NO_LOC, name=name) for tid, name in extra.items()]
