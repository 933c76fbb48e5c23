"""Teams: a departments CSV (--teams), and team values turned into team ids."""

from __future__ import annotations

import os

from orgviz.errors import OrgvizError
from orgviz.io.columns import normalise_header
from orgviz.io.csvimport.state import ImporterState
from orgviz.io.csvimport.values import clean, slug
from orgviz.io.csvread import read_csv
from orgviz.model import Team
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


def link_teams(imp: ImporterState, exact: bool,
                known: dict[str, tuple[str, str | None, str | None]] | None) -> list[Team]:
    """Turn team values into team ids and `teams:` entries (first appearance order)."""
    ids_by_value: dict[str, str] = {}
    teams: list[Team] = []
    taken: set[str] = set()
    if known:  # every team of the teams file, in its order
        people = {r.id for r in imp.records}
        for value, (name, _lead, _parent) in known.items():
            tid = ImporterState.unique(slug(name, "team"), taken)
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
            tid = ImporterState.unique(slug(value, "team"), taken)
            ids_by_value[value] = tid
            teams.append(Team(id=tid, loc=SourceLoc("", 1, 1),
                              name=value if value != tid else None))
        record.team = ids_by_value[value]
    return teams

