"""The teams table beside a people CSV (NAME.teams.csv for NAME.csv), read without
`--teams` when it belongs to the people CSV.

A table by that name may be stale (an earlier export's, the CSV edited since: someone who
led a team left) or another org's (an earlier export's, beside a CSV exported since for
another org), or another file whose header happens to be export's. A mistake in one of its
rows (a lead who is no person of the CSV, a color that is no color, a parent that is no
team) concerns that row alone: a warning at its cell, that value left out, the rest of the
table read (`ImporterState.table_beside`). Only a table that cannot belong to the people CSV
(no person is in a team of it: another org's), or that cannot be read at all, is set aside:
the import goes on as without it, with one warning at the table's first cell that names the
first mismatch (`mismatch`); `--teams` reads it anyway (its rows' mistakes then errors).

`orgviz.import_csv` looks for the table (unless `ImportOptions.teams_beside` is False, or
`teams` names a teams file); this module is imported only when there is one.
"""

from __future__ import annotations

import dataclasses
import os

from orgviz.errors import OrgLoadError, OrgvizError
from orgviz.io.csvimport import imported
from orgviz.io.csvimport.records import ImportOptions, ImportResult
from orgviz.orgfiles import shown_path
from orgviz.problem import Problem


def import_with_table_beside(path: str | os.PathLike[str], options: ImportOptions, beside: str,
                             shown_name: str | None = None, data: bytes | None = None
                             ) -> ImportResult:
    """Import `path` with the teams table `beside` it (`data`: its bytes, when read already;
    an info says so; its rows' mistakes warnings) when the table belongs to it, else without
    it (a warning says why, `mismatch`). `options`: verified already (`import_csv`)."""
    try:
        result = imported(path, dataclasses.replace(options, teams=beside), shown_name, data,
                          table_beside=True)
    except OrgLoadError as exc:
        misfit = _first(exc.problems, shown_path(beside))
        reason = (misfit and _said(misfit)) or str(exc)
    except OrgvizError as exc:
        reason = str(exc)
    else:
        misfit = mismatch(result, shown_path(beside))
        if misfit is None:
            result.problems[:] = sorted([*result.problems, _read(beside, path)])
            return result
        reason = _said(misfit)
    result = imported(path, options, shown_name)  # (without it: looked for no more)
    result.problems[:] = sorted([*result.problems, _not_read(beside, path, reason)])
    return result


def mismatch(result: ImportResult, table: str) -> Problem | None:
    """The first problem that says a teams table does not belong to the people CSV read with
    it: an error in the table (its rows' mistakes are warnings: what is left is a table that
    cannot be read), or, when no person is in a team of the table (a table of another org),
    a team of the people that it lacks; None if none. (A team of some people that the table
    lacks beside others it holds is declared with a warning, the table read: an org may have
    people in teams its `teams:` does not list, and its export such a pair.)"""
    errors = [p for p in result.problems if p.file == table and p.level == "error"]
    ids = {t.id for t in result.org.teams if t.loc.file == table}
    if not any(person.team in ids for person in result.org.people):
        missing = f"is not in {os.path.basename(table)}: declared"
        errors += [p for p in result.problems
                   if p.rule == "unknown-team" and p.message.endswith(missing)]
    return min(errors, default=None)


def _first(problems: list[Problem], table: str) -> Problem | None:
    """The first error of a failed import (in the table, if any is there)."""
    errors = [p for p in problems if p.level == "error"]
    return min([p for p in errors if p.file == table] or errors, default=None)


def _said(problem: Problem) -> str:
    """A problem as the warning quotes it: where, and what (less what import did of it)."""
    what = problem.message
    for done in (" (left out)", ": left out", ": declared", "; this row is left out",
                 "; the row is left out"):
        what = what.split(done, 1)[0]
    return f"{problem.file}:{problem.line}:{problem.col}: {what}"


def _read(beside: str, path: str | os.PathLike[str]) -> Problem:
    """The info that says the teams table beside the people CSV was read."""
    return Problem(shown_path(beside), 1, 1, "info", "columns",
                   f"the teams of {os.path.basename(path)} read from its teams table beside "
                   "it; teams (--teams FILE) reads another")


def _not_read(beside: str, path: str | os.PathLike[str], reason: str) -> Problem:
    """The warning that says the teams table beside the people CSV was not read, and why."""
    return Problem(shown_path(beside), 1, 1, "warning", "columns",
                   f"the teams table beside {os.path.basename(path)} does not match it "
                   f"({reason}) and was not read: given as teams "
                   f"(`--teams {shown_path(beside)}`), it is read anyway")
