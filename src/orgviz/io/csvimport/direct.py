"""Rows that link as they are: the import done on the columns, without a Record a row.

Most HR exports have unique ids, managers given by those ids, no history rows, no dotted
lines and no reporting cycles. Then linking changes nothing a row holds (each manager
reference is the reports_to id), and the import goes from the columns read to the people in
tree order without making the `Record` of each row that linking record by record (`Linker`)
works on. Other files, and imports with --junior or --teams, are linked record by record;
the two ways agree (tests/io/test_import_fast.py).
"""

from __future__ import annotations

from collections.abc import KeysView
from dataclasses import dataclass
from itertools import chain, compress, repeat
from operator import contains

from orgviz.io.csvimport.order import rows_under
from orgviz.io.csvimport.records import ImportOptions
from orgviz.io.csvimport.rows import RecordColumns
from orgviz.io.csvimport.teams import team_ids
from orgviz.model import Team

#: Whether rows that link as they are skip the records (False: never, for tests).
DIRECT = True


@dataclass
class DirectLinks:
    """The links of rows that link as they are."""

    rows: list[int]  # in the order written
    depths: list[int]  # each one's depth below its top (0: a top)
    teams: list[Team]
    team_ids: list[str | None]  # each row's team id
    managers: set[str]  # the ids of the people with reports


def link_directly(columns: RecordColumns, exact: bool,
                  options: ImportOptions) -> DirectLinks | None:
    """The links of the rows when each row links as it is, else None (checked over whole
    columns: unique ids, every manager the id of someone else, no history rows or dotted
    lines to resolve, no FTE, no cycle)."""
    if not DIRECT or options.junior or options.teams:
        return None
    ids, managers = columns["id"], columns["manager"]
    index = dict(zip(ids, range(len(ids)), strict=True))
    bosses = set(managers)
    bosses.discard(None)
    if len(index) != len(ids) or any(columns["history"]) or not index.keys() >= bosses:
        return None
    if any(columns["dotted_raw"]) and not (exact and _dotted_ids(columns["dotted_raw"], ids,
                                                                 index.keys())):
        return None  # dotted lines to resolve (or, exported, one naming nobody or itself)
    if columns["fte"].count(None) != len(ids):
        return None  # FTEs to write (rare: the people of the columns are made without)
    boss_rows = list(map(index.get, managers, repeat(-1)))  # (-1: no manager)
    rows, depths = rows_under(index.values(), boss_rows)
    if len(rows) != len(ids):
        return None  # reporting cycles (a self-report among them: no top reaches it)
    # Each manager reference becomes the manager's own id object (equal text; None stays
    # None: the row -1 of the ids and a None after them): the manager cells are freed now,
    # in the order read, rather than one string a person when the org goes, and looking a
    # manager up by id meets the very key.
    columns["manager"] = list(map([*ids, None].__getitem__, boss_rows))
    if options.order != "tree":
        rows, depths = list(range(len(ids))), [0] * len(ids)
    teams, rows_teams = team_ids(columns["team"], columns["team_name"], exact)
    return DirectLinks(rows, depths, teams, rows_teams, bosses)


def _dotted_ids(dotted: list[tuple[str, ...]], ids: list[str], known: KeysView[str]) -> bool:
    """Whether every dotted line of the rows names someone else of them by id."""
    return set(chain.from_iterable(dotted)) <= known and \
        not any(map(contains, compress(dotted, dotted), compress(ids, dotted)))
