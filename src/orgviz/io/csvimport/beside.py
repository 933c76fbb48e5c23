"""The teams table beside a people CSV (NAME.teams.csv for NAME.csv), read without
`--teams` when it belongs to the people CSV.

A table by that name may be stale (an earlier export's, the CSV edited since: someone who
led a team left) or another org's (an earlier export's, beside a CSV exported since for
another org), or another file whose header happens to be export's. A mistake in one of its
rows (a lead who is no person of the CSV, a color that is no color, a parent that is no
team) concerns that row alone: a warning at its cell, that value left out, the rest of the
table read (`ImporterState.table_beside`). Only a table that cannot belong to the people CSV
(no person is in a team of it: another org's), or that cannot be read at all, is set aside
as the import reads it (`teamrows.fits_people`, `teamrows.set_aside`): the import goes on as
without it, with one warning at the table's first cell that names the first mismatch;
`--teams` reads it anyway (its rows' mistakes then errors).

`orgviz.import_csv` looks for the table (unless `ImportOptions.teams_beside` is False, or
`teams` names a teams file); this module is imported only when there is one.
"""

from __future__ import annotations

import dataclasses
import os

from orgviz.io.csvimport import imported
from orgviz.io.csvimport.records import ImportOptions, ImportResult
from orgviz.orgfiles import shown_base_name, shown_path
from orgviz.problem import Problem


def import_with_table_beside(path: str | os.PathLike[str], options: ImportOptions, beside: str,
                             shown_name: str | None = None, data: bytes | None = None
                             ) -> ImportResult:
    """Import `path` with the teams table `beside` it (`data`: its bytes, when read already;
    an info says so; its rows' mistakes warnings) when the table belongs to it, else as
    without it (a warning says why: the import sets it aside as it reads it,
    `teamrows.fits_people`), in one import. `options`: verified already (`import_csv`)."""
    result = imported(path, dataclasses.replace(options, teams=beside), shown_name, data,
                      table_beside=True)
    table = shown_path(beside)
    if not any(_says_not_read(p, table) for p in result.problems):
        result.problems[:] = sorted([*result.problems, _read(beside, path)])
    return result


def _says_not_read(problem: Problem, table: str) -> bool:
    """Whether a problem is the warning that the table beside the people CSV was set aside
    (`teamrows.not_read`)."""
    return (problem.file == table and problem.rule == "columns" and problem.level == "warning"
            and problem.message.startswith("the teams table beside "))


def _read(beside: str, path: str | os.PathLike[str]) -> Problem:
    """The info that says the teams table beside the people CSV was read."""
    return Problem(shown_path(beside), 1, 1, "info", "columns",
                   f"the teams of {shown_base_name(path)} read from its teams table beside "
                   "it; another is read with teams (--teams FILE)")
