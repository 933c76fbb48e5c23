"""Teams: a departments CSV (--teams), and team values turned into team ids."""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from typing import cast

from orgviz.io.csvimport.order import cycle_from_first
from orgviz.io.csvimport.state import ImporterState
from orgviz.io.csvimport.values import EMPTY_WORDS, _fold, clean, slug
from orgviz.io.csvread import CsvTable
from orgviz.model import NO_LOC, Team
from orgviz.problem import SourceLoc

_TEAM_SPELLINGS = {
    "id": ("departmentid", "deptid", "teamid", "unitid", "id", "departmentcode", "code"),
    "name": ("departmentname", "deptname", "teamname", "unitname", "name", "department",
             "team", "unit"),
    "lead": ("managerid", "manager", "lead", "leadid", "head", "headid", "teamlead"),
    "parent": ("parentid", "parentdepartmentid", "parentteamid", "parent"),
}


def read_teams(imp: ImporterState, path: str) -> dict[str, tuple[str, str | None, str | None]]:
    """A departments CSV: team value -> (name, lead id, parent team value)."""
    table, found = imp.read_lookup(path, _TEAM_SPELLINGS, ("id", "name"), (
        "a teams file needs an id column (department_id, team_id, id) and a name column "
        "(department_name, name)"))
    teams = {}
    lines: dict[str, int] = {}
    for line, cells in table.rows:
        cells = (cells + [""] * len(table.header))[: len(table.header)]
        values = {f: clean(cells[i])[0] or None for f, i in found.items()}
        if values["id"] and values["id"] not in teams:
            teams[values["id"]] = (values["name"] or values["id"], values.get("lead"),
                                   values.get("parent"))
            lines[values["id"]] = line
        elif values["id"]:
            imp.problem(SourceLoc(table.shown, line, found["id"] + 1), "warning",
                        "duplicate-id", f"duplicate team id '{values['id']}': ignored")
    if "lead" in found:  # (read after the people are linked: their ids are known)
        people = {r.id for r in imp.records}
        for tid, (name, lead, parent) in teams.items():
            if lead is not None and lead not in people:
                imp.problem(SourceLoc(table.shown, lines[tid], found["lead"] + 1), "warning",
                            "unknown-team", f"lead '{lead}' of team '{tid}' is no person "
                            "of the people file: left out")
                teams[tid] = (name, None, parent)
    if "parent" in found:
        _break_parent_cycles(imp, teams, lines, SourceLoc(table.shown, 1, found["parent"] + 1))
    imp.header_notes.append(f"Teams from {os.path.basename(table.shown)}")
    return teams


def _break_parent_cycles(imp: ImporterState,
                         teams: dict[str, tuple[str, str | None, str | None]],
                         lines: dict[str, int], column: SourceLoc) -> None:
    """Report each cycle of parent teams (an error, as validate's unknown-team) at its first
    row, the chain named from that team (the same message wherever the walk entered the
    cycle); the parent of that team is dropped (written with --keep-going), and so is a
    parent that is no team of the file (a warning)."""
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    for start in teams:
        path: list[str] = []
        node: str | None = start
        while node is not None and node in teams and state.get(node, 0) == 0:
            state[node] = 1
            path.append(node)
            node = teams[node][2]
        if node is not None and node not in teams:
            name, lead, _parent = teams[path[-1]]
            imp.problem(column._replace(line=lines[path[-1]]), "warning", "unknown-team",
                        f"parent team '{node}' of team '{path[-1]}' is not in the teams "
                        "file: left out")
            teams[path[-1]] = (name, lead, None)
        elif node is not None and state.get(node) == 1:
            cycle = cycle_from_first(path[path.index(node):], lines.__getitem__)
            first = cycle[0]
            what = (f"team '{first}' is its own parent" if len(cycle) == 1
                    else f"team parent cycle {' -> '.join([*cycle, first])}")
            fix = f": the parent of '{first}' left out" if imp.options.keep_going else ""
            # (validate's rule of teams that nest in a circle: `cycle` is of reporting lines)
            imp.problem(column._replace(line=lines[first]), "error", "unknown-team",
                        f"{what}{fix}")
            name, lead, _parent = teams[first]
            teams[first] = (name, lead, None)
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
    shown_values = ", ".join(f"'{v}'" for v in list(dict.fromkeys(filter(None, values)))[:3])
    more = " ..." if len(numbers) > 3 else ""
    imp.problem(SourceLoc(table.shown, table.header_line, col), "info", "columns",
                f"the team column '{table.header[col - 1]}' holds numbers only "
                f"({shown_values}{more}): --teams FILE names the teams from a departments export")


def link_teams(imp: ImporterState, exact: bool,
                known: dict[str, tuple[str, str | None, str | None]] | None) -> list[Team]:
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
    for known_value, (name, _lead, _parent) in known.items():  # every team, in file order
        tid = ImporterState.unique(slug(name, "team"), taken)
        ids_by_value[known_value] = tid
    for known_value, (name, lead, parent) in known.items():
        teams.append(Team(id=ids_by_value[known_value], loc=NO_LOC, name=name,
                          lead=lead if lead in people else None,
                          parent=ids_by_value.get(parent) if parent else None))
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
                        f"team '{value}' is not in the teams file")
            ids_by_value[value] = _new_team(value, taken, teams)
        record.team = ids_by_value[value]
    return teams


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
