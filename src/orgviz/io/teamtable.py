"""The teams table: the CSV of `teams:` that `orgviz export --format csv -o NAME.csv` writes
beside the people CSV (NAME.teams.csv), and that `orgviz import NAME.csv` reads back.

The people CSV stays a plain table of people (one row a person, the layout HR tools and
spreadsheets take); what it cannot carry about the teams (their order, parent, lead and
color, and the teams nobody is in) is one row a team in this table, in the order of
`teams:`. Its `team` column holds the ids the people CSV's `team` column holds.
"""

from __future__ import annotations

import csv
import os
from collections.abc import Sequence

#: The columns of the teams table, as export writes them (the org file's keys of a team;
#: `team` and `team_name` as the people CSV calls a team's id and name).
TEAM_COLUMNS = ("team", "team_name", "parent", "lead", "color")
#: The fields of a team each column holds.
TEAM_FIELDS = {"team": "id", "team_name": "name", "parent": "parent", "lead": "lead",
               "color": "color"}
#: How the name of a teams table ends, after the people CSV's name without its extension.
TEAMS_SUFFIX = ".teams.csv"


def teams_path(people_csv: str) -> str:
    """The teams table's path beside a people CSV (`out/acme.csv` -> `out/acme.teams.csv`)."""
    return os.path.splitext(people_csv)[0] + TEAMS_SUFFIX


def teams_table_beside(people_csv: str | None) -> str | None:
    """The teams table that sits beside a people CSV (a regular file), or None: for standard
    input (None, `-`), a device or a pipe, or when there is none (a file by its name that is
    no teams table, such as a departments list, is read only when `--teams` names it)."""
    if not people_csv or people_csv == "-" or not os.path.isfile(people_csv):
        return None
    path = teams_path(people_csv)
    return path if os.path.isfile(path) and is_teams_table(path) else None


def is_teams_table(path: str) -> bool:
    """Whether a file's first line is a teams table's header (`team_table_columns`; cells
    separated by a comma, or a semicolon, tab or bar as a spreadsheet may save it); a FIFO
    or a device is none (opened, it would block, or be read away)."""
    if not os.path.isfile(path):
        return False
    try:
        with open(path, "rb") as stream:
            head = stream.read(_HEAD_BYTES)
    except OSError:
        return False
    lines = head.decode("utf-8", "replace").lstrip("\ufeff").splitlines()
    if not lines:
        return False
    return any(team_table_columns(next(csv.reader([lines[0]], delimiter=mark))) is not None
               for mark in ",;\t|")


def is_empty_teams_table(path: str) -> bool:
    """Whether a file is a teams table of its header alone (as export writes for an org
    without `teams:` where an earlier export's table was): no teams to read, where a CSV
    without rows is otherwise refused. (Lines of delimiters alone are none.)"""
    try:
        if os.path.getsize(path) > _HEAD_BYTES:
            return False
    except OSError:
        return False
    if not is_teams_table(path):
        return False
    with open(path, "rb") as stream:
        lines = stream.read().decode("utf-8", "replace").splitlines()
    return not any(line.strip(",;\t| ") for line in lines[1:])


#: How much of a file `is_teams_table` reads for its first line.
_HEAD_BYTES = 4096


def teams_table_for_output(output: str | None) -> str | None:
    """Where export writes the teams table for an `-o` (beside it), or None when the output
    is standard output (None, `-`, `/dev/stdout`), a device or a pipe: one stream holds
    one table."""
    from orgviz.io.files import own_descriptor

    if not output or output == "-" or own_descriptor(output) is not None:
        return None
    if os.path.exists(output) and not os.path.isfile(output):
        return None  # (a device, a pipe: `-o /dev/null`)
    return teams_path(output)


def team_table_columns(header: Sequence[str]) -> dict[str, int] | None:
    """Field -> column of a header that is the teams table's layout: its `team` column and
    others of its columns, in any order, each once (a spreadsheet may drop or move some);
    empty header cells without a name are passed over. None for any other header (a
    departments list: `--teams` reads it by its spellings)."""
    found: dict[str, int] = {}
    for i, head in enumerate(header):
        name = head.strip().lstrip("\ufeff").lower()
        if not name:
            continue
        field = TEAM_FIELDS.get(name)
        if field is None or field in found:
            return None
        found[field] = i
    return found if "id" in found else None
