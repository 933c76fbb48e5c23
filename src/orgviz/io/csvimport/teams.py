"""Teams: a teams file (--teams: a departments CSV, or the teams table `orgviz export`
writes beside its people CSV), and team values turned into team ids."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Collection, Mapping, Sequence
from typing import TYPE_CHECKING, NamedTuple, cast

from orgviz.errors import OrgvizError
from orgviz.io.columns import columns_of
from orgviz.io.csvimport.cells import CellReader
from orgviz.io.csvimport.order import cycle_from_first
from orgviz.io.csvimport.state import ImporterState, header_at
from orgviz.io.csvimport.values import EMPTY_WORDS, _fold, clean, slug
from orgviz.io.csvread import CsvTable
from orgviz.model import NO_LOC, Team
from orgviz.orgfiles import shown_base_name, shown_path
from orgviz.problem import SourceLoc, quoted

if TYPE_CHECKING:
    from orgviz.io.csvimport.resolve import Resolver

_TEAM_SPELLINGS = {
    "id": ("departmentid", "deptid", "teamid", "unitid", "id", "departmentcode", "code"),
    "name": ("departmentname", "deptname", "teamname", "unitname", "name", "department",
             "team", "unit"),
    "lead": ("managerid", "manager", "lead", "leadid", "head", "headid", "teamlead"),
    "parent": ("parentid", "parentdepartmentid", "parentteamid", "parent"),
}


class KnownTeam(NamedTuple):
    """A team of a teams file, by the value that names it in the people's team column."""

    name: str | None  # (a departments list's: its name or its id; the teams table's: or none)
    lead: str | None
    parent: str | None  # (the value that names the parent team)
    color: str | None = None
    #: Where each field of the teams table's row stands (its value is then the team's id);
    #: None for a departments list (its teams get ids made from their names).
    locs: Mapping[str, SourceLoc] | None = None


#: A teams file's teams, by the value that names each (in the file's order).
KnownTeams = dict[str, KnownTeam]


def read_teams(imp: CellReader, path: str) -> KnownTeams:
    """A teams file: the teams table of an export (`team,team_name,parent,lead,color`), or a
    departments CSV (team value -> name, lead id, parent team value)."""
    from orgviz.io.csvimport import teamrows
    from orgviz.io.teamtable import team_table_columns

    mark = teamrows.reading(imp)
    try:
        table = read_teams_file(imp, path)
    except OrgvizError as exc:  # (the table beside the people CSV: set aside)
        if not imp.table_beside:
            raise
        teamrows.set_aside(imp, mark, shown_path(path), _people_file(imp), exc)
        return {}
    if table is None:
        return {}
    imp.problems.extend(table.problems)
    layout = team_table_columns(table.header)
    if layout is not None:
        teams = teamrows.read_team_table(imp, table, layout, {r.id for r in imp.records},
                                         SetAsideLeads(imp))
        if imp.table_beside and not teamrows.fits_people(
                imp, mark, table.shown, _people_file(imp), teams,
                [(r.team, r.loc("team")) for r in imp.records if r.team is not None], True,
                lambda value: _fold(value) not in NO_TEAM):
            return {}
    else:
        teams = _read_departments(imp, table)
    imp.teams_name = shown_base_name(table.shown)
    imp.header_notes.append(f"Teams from {imp.teams_name}")
    return teams


def _people_file(imp: ImporterState) -> str:
    """The people CSV's shown name, as its records hold it (not a junior posts file's)."""
    junior = imp.options.junior
    other = shown_path(junior) if junior is not None else None
    return next((r.file for r in imp.records if r.file != other), "the people CSV")


def read_teams_file(imp: ImporterState, path: str) -> CsvTable | None:
    """The table of a teams file, read once an import (the teams table's step, then, for a
    departments list beside a CSV of the export's layout, `read_teams`, take the same
    table), as a companion file (`read_companion`: its own delimiter where its header does
    not hold the import's); None for a teams table of its header alone (no teams: as
    without a teams file)."""
    read = imp.teams_file
    if read is None or read[0] != path:
        read = imp.teams_file = (path, _teams_table(imp, path))
    return read[1]


def _teams_table(imp: ImporterState, path: str) -> CsvTable | None:
    """A teams file's table (its bytes read once, or given: `ImporterState.teams_data`; a
    small file's asked first whether it is a teams table of its header alone, then
    parsed), or None for one of its header alone."""
    from orgviz.io.tables import read_table_bytes
    from orgviz.io.teamtable import is_empty_teams_table, may_be_empty_teams_table

    given, imp.teams_data = imp.teams_data, None
    data = given[1] if given is not None and given[0] == path else None
    if data is None and may_be_empty_teams_table(path):
        data = read_table_bytes(path)
    if data is not None and is_empty_teams_table(data, path, imp.options.encoding):
        return None
    return imp.read_companion(path, data)


def _read_departments(imp: ImporterState, table: CsvTable) -> KnownTeams:
    """A departments CSV, its columns found by their spellings: team value -> (name, lead
    id, parent team value); OrgvizError without an id and a name column."""
    found = columns_of(table.header, _TEAM_SPELLINGS)
    if "id" not in found or "name" not in found:
        from orgviz.io.teamtable import TEAM_COLUMNS

        folded = {head.strip().lower() for head in table.header}
        needs = (f"a teams table's columns are {', '.join(TEAM_COLUMNS)} (the `team` column "
                 "and any of the others, each once)" if "team" in folded else
                 "a teams file needs an id column (department_id, team_id, id) and a name "
                 "column (department_name, name)")
        raise OrgvizError(f"{header_at(table)}: {needs}")
    teams: KnownTeams = {}
    lines: dict[str, int] = {}
    for line, cells in table.rows:
        cells = (cells + [""] * len(table.header))[: len(table.header)]
        values = {f: clean(cells[i])[0] or None for f, i in found.items()}
        if values["id"] and values["id"] not in teams:
            teams[values["id"]] = KnownTeam(values["name"] or values["id"], values.get("lead"),
                                            values.get("parent"))
            lines[values["id"]] = line
        elif values["id"]:
            imp.problem(SourceLoc(table.shown, line, found["id"] + 1), "warning",
                        "duplicate-id", f"duplicate team id '{values['id']}': ignored")
    if "lead" in found:  # (read after the people are linked: their ids are known)
        lead_col = SourceLoc(table.shown, 1, found["lead"] + 1)
        check_leads(imp, teams, {r.id for r in imp.records}, SetAsideLeads(imp),
                    lambda tid: lead_col._replace(line=lines[tid]))
    if "parent" in found:
        column = SourceLoc(table.shown, 1, found["parent"] + 1)
        for tid, team in teams.items():
            if team.parent is not None and team.parent not in teams:
                imp.problem(column._replace(line=lines[tid]), "warning", "unknown-team",
                            f"parent team '{team.parent}' of team '{tid}' is not in the teams "
                            "file: left out")
                teams[tid] = team._replace(parent=None)
        break_parent_cycles(imp, teams, lines.__getitem__, lambda tid: column._replace(
            line=lines[tid]))
    return teams


def check_leads(imp: ImporterState, teams: KnownTeams, people: Collection[str],
                set_aside: SetAsideLeads | None, at: Callable[[str], SourceLoc],
                level: str = "warning") -> None:
    """Leave out each lead who is no person of the people file (`people`), with a problem
    at `level` at the lead's cell (`at` a team's id; validate's unknown-team); a lead who is
    a row set aside is its person's current row, with a warning (`SetAsideLeads`), or,
    without one, left out so."""
    from orgviz.rules._common import Suggester

    suggest: Suggester | None = None
    for tid, team in teams.items():
        if team.lead is None or team.lead in people:
            continue
        target, how = (None, None) if set_aside is None else set_aside(at(tid), team.lead, tid)
        if target is None and how is not None:
            imp.problem(at(tid), level, "unknown-team", f"{how}: left out")
        elif target is None:
            suggest = suggest or Suggester(people)
            imp.problem(at(tid), level, "unknown-team",
                        f"team '{tid}' is led by '{team.lead}', who is not in the people file "
                        f"(left out): {suggest.advice(team.lead, 'use the id of a person')}")
        teams[tid] = team._replace(lead=target)


class SetAsideLeads:
    """The rule of a teams file's lead who is a row set aside (a history or future-dated
    row), as of a manager (`Resolver.current_of`): its person's current row, with a warning
    (ended-manager), or, without one, left out by the caller, who says so (`how`)."""

    def __init__(self, imp: ImporterState) -> None:
        self.imp = imp
        self.resolve: Resolver | None = None  # (made for the first lead not found)

    def __call__(self, at: SourceLoc, lead: str, tid: str) -> tuple[str | None, str | None]:
        """The current row's id of a lead who is a row set aside (the warning said at the
        lead's cell `at`), else None; and, for a row set aside without one, what it is."""
        if not self.imp.dropped:
            return None, None
        if self.resolve is None:
            from orgviz.io.csvimport.resolve import Resolver

            self.resolve = Resolver(self.imp.records, self.imp.dropped, exact=False)
        target, how = self.resolve.set_aside(lead, "lead", f" of team '{tid}'") or (None, None)
        if target is not None and how is not None:
            self.imp.problem(at, "warning", "ended-manager", how)
            return target, None
        return None, how


def break_parent_cycles(imp: ImporterState, teams: KnownTeams, line_of: Callable[[str], int],
                         parent_at: Callable[[str], SourceLoc], level: str = "error") -> None:
    """Report each cycle of parent teams (an error, as validate's unknown-team; `level`
    "warning" in a teams table found beside the people CSV) at its first
    row's parent (`line_of` gives each team's row, `parent_at` where its parent stands), the
    chain named from that team (the same message wherever the walk entered the cycle); the
    parent of that team is dropped (written with --keep-going). Every parent is a team."""
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    for start in teams:
        path: list[str] = []
        node: str | None = start
        while node is not None and state.get(node, 0) == 0:
            state[node] = 1
            path.append(node)
            node = teams[node].parent
        if node is not None and state.get(node) == 1:
            cycle = cycle_from_first(path[path.index(node):], line_of)
            first = cycle[0]
            what = (f"team '{first}' is its own parent" if len(cycle) == 1
                    else f"team parent cycle {' -> '.join([*cycle, first])}")
            fix = (f": the parent of '{first}' left out"
                   if imp.options.keep_going or level != "error" else "")
            # (validate's rule of teams that nest in a circle: `cycle` is of reporting lines)
            imp.problem(parent_at(first), level, "unknown-team", f"{what}{fix}")
            teams[first] = teams[first]._replace(parent=None)
        for team in path:
            state[team] = 2


def note_numbered_teams(imp: ImporterState, table: CsvTable,
                        values: Sequence[str | None]) -> None:
    """One info at the team column's header when every team value is a number (Oracle HR's
    DEPARTMENT_ID: the names are in a departments export, which --teams reads)."""
    numbers = set(values)
    numbers.discard(None)
    if not numbers or not all(v.isascii() and v.isdigit() for v in numbers if v is not None):
        return
    col = imp.cols["team"]
    shown_values = quoted(list(dict.fromkeys(filter(None, values))), 3)
    imp.problem(SourceLoc(table.shown, table.header_line, col), "info", "columns",
                f"the team column '{table.header[col - 1]}' holds numbers only "
                f"({shown_values}): --teams FILE names the teams from a departments export")


def link_teams(imp: ImporterState, exact: bool, known: KnownTeams | None) -> list[Team]:
    """Turn team values into team ids and `teams:` entries (first appearance order)."""
    if not known:
        teams, ids = team_ids([r.team for r in imp.records],
                              [r.team_name for r in imp.records], exact)
        for record, tid in zip(imp.records, ids, strict=True):
            record.team = tid
        return teams
    ids_by_value: dict[str, str] = {}
    teams = []
    taken: set[str] = set()
    people = {r.id for r in imp.records}
    for known_value, team in known.items():  # every team, in file order
        # (the teams table's values are the teams' ids; a departments list's get readable ids)
        tid = (known_value if team.locs is not None else
               ImporterState.unique(slug(team.name or known_value, "team"), taken))
        taken.add(tid)
        ids_by_value[known_value] = tid
    for known_value, team in known.items():
        teams.append(team_of(ids_by_value[known_value], team, ids_by_value.get(team.parent)
                           if team.parent else None,
                           team.lead if team.lead in people else None))
    if not exact:  # (a people cell that writes a team's name, not its id: that team)
        ids_by_value = {**_ids_by_name(known, ids_by_value), **ids_by_value}
    for record in imp.records:
        value = record.team
        if value is None:
            continue
        if exact:  # (a team id; the teams file's ids name its teams, others are listed)
            if value not in ids_by_value:
                ids_by_value[value] = value
                if value not in taken:
                    taken.add(value)
                    team_name = record.team_name if record.team_name != value else None
                    teams.append(Team(id=value, loc=NO_LOC, name=team_name))
            record.team = ids_by_value[value]
            continue
        if value not in ids_by_value and _fold(value) in NO_TEAM:
            record.team = None
            continue
        if value not in ids_by_value:
            imp.problem(record.loc("team"), "warning", "unknown-team",
                        f"team '{value}' is not in {imp.teams_name}: declared")
            ids_by_value[value] = _new_team(value, taken, teams)
        record.team = ids_by_value[value]
    return teams


def _ids_by_name(known: KnownTeams, ids_by_value: Mapping[str, str]) -> dict[str, str]:
    """The id of each team of a teams file by its name, where no other team has that name."""
    names = Counter(team.name for team in known.values() if team.name)
    return {team.name: ids_by_value[value] for value, team in known.items()
            if team.name and names[team.name] == 1}


def team_of(tid: str, team: KnownTeam, parent: str | None, lead: str | None) -> Team:
    """The Team of a teams file's team, located at its row of the teams table (if it is one)."""
    locs = team.locs or {}
    return Team(id=tid, loc=locs.get("id", NO_LOC), name=team.name, color=team.color,
                parent=parent, lead=lead, field_locs=locs)


def team_ids(values: Sequence[str | None], names: Sequence[str | None], exact: bool
             ) -> tuple[list[Team], list[str | None]]:
    """Without a teams file: the teams of the rows' team values (first appearance order),
    and each row's team id.

    In the exact layout the values are team ids, listed as teams (in order of first
    appearance, named by their first team name) when any has a team name: an org file that
    lists teams lists each team its people are in; other values become ids made from them
    (`Sales Ops` -> `sales-ops`).
    """
    teams: list[Team] = []
    if exact:
        named: dict[str, str] = {}
        for value, name in zip(values, names, strict=True):
            if value is not None and name and name != value:  # (export writes the id of a
                named.setdefault(value, name)                   # team without a name)
        if named or any(name for name in names):
            teams = [Team(id=value, loc=NO_LOC, name=named.get(value))
                     for value in dict.fromkeys(values) if value is not None]
        return teams, list(values)
    ids_by_value: dict[str, str] = {}
    taken: set[str] = set()
    for value in dict.fromkeys(values):  # each value once, in order of first appearance
        if value is not None and _fold(value) not in NO_TEAM:
            ids_by_value[value] = _new_team(value, taken, teams)
    # (None and no team stay None: a dict's get takes any key, though typed for its own)
    id_of = cast("Callable[[str | None], str | None]", ids_by_value.get)
    return teams, list(map(id_of, values))


#: Team cells that say "no team" (a spreadsheet's dash for an empty cell, a SQL NULL).
NO_TEAM = EMPTY_WORDS


def _new_team(value: str, taken: set[str], teams: list[Team]) -> str:
    """A new team for a value: its id (made from the value, unique) added to teams."""
    tid = ImporterState.unique(slug(value, "team"), taken)
    teams.append(Team(id=tid, loc=NO_LOC, name=value if value != tid else None))
    return tid
