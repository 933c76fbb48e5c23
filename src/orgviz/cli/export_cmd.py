"""`orgviz export`: write an org for other tools (Mermaid, JSON, CSV, GraphML)."""

from __future__ import annotations

import os
from collections.abc import Sequence
from typing import TYPE_CHECKING

import click

from orgviz.cli.common import (
    FilePath,
    fail,
    input_named,
    load_whole,
    nameless_output,
    note,
    refuse_to_overwrite,
)
from orgviz.errors import OrgvizError

if TYPE_CHECKING:
    from orgviz.model import Org

FORMATS = ("mermaid", "json", "csv", "graphml")
#: The format an -o name's ending stands for (`-o org.csv`: --format csv).
FORMAT_OF_SUFFIX = {".mmd": "mermaid", ".mermaid": "mermaid", ".json": "json", ".csv": "csv",
                    ".graphml": "graphml"}


def _format(fmt: str | None, output: str | None) -> str:
    """The format asked for: --format, or the one -o's ending stands for; a usage error
    when there is none, or when --format and -o's ending name two formats."""
    suffix = os.path.splitext(output or "")[1].lower()
    named = FORMAT_OF_SUFFIX.get(suffix)
    nameless = nameless_output(output, FORMAT_OF_SUFFIX, "org") if output else None
    if fmt is None and nameless is not None:  # (`-o .json`: a name was meant)
        fail(nameless)
    if fmt is None and named is None:
        raise click.UsageError("missing option '--format' / '-f'. Choose from: mermaid, json, "
                               "csv, graphml")  # (as click says it; --help names the endings)
    if fmt is not None and named is not None and named != fmt:
        raise click.UsageError(f"-o {output} names a {_SHOWN[named]} file, but --format is "
                               f"{fmt}: "
                               f"name the file {os.path.splitext(output or '')[0]}"
                               f"{_SUFFIX_OF_FORMAT[fmt]}, or leave out --format")
    return fmt or named or ""


_SHOWN = {"mermaid": "Mermaid", "json": "JSON", "csv": "CSV", "graphml": "GraphML"}
_SUFFIX_OF_FORMAT = {"mermaid": ".mmd", "json": ".json", "csv": ".csv", "graphml": ".graphml"}


@click.command("export",
               short_help="Write an org as Mermaid, JSON, CSV or GraphML.")
@click.argument("file", type=FilePath("org"))
@click.option("--format", "-f", "fmt", type=click.Choice(FORMATS),
              help="mermaid: flowchart text for Markdown; json: node-link JSON; csv: the "
                   "layout `orgviz import` reads back; graphml: for Gephi, yEd, networkx "
                   "(a person's roles and dotted_to as JSON arrays, [\"a\", \"b\"]). "
                   "Default: the one -o's ending names (.mmd, .json, .csv, .graphml).")
@click.option("-o", "--output", type=FilePath("output"),
              help="File to write (default: stdout). CSV: the org's `teams:` go to a teams "
                   "table beside it, NAME.teams.csv, which `orgviz import NAME.csv` reads.")
@click.option("--markdown", is_flag=True, help="Mermaid: wrap in a ```mermaid fence.")
@click.option("--root", metavar="ID",
              help="Export only this person and everyone below them (they become the top).")
def command(file: str, fmt: str | None, output: str | None, markdown: bool,
            root: str | None) -> None:
    """Export the org FILE to another format.

    Exit 0 when written, 1 when the org file cannot be loaded whole (load errors, such as
    a broken included file, or a repeated person or team id), 2 on usage or IO errors.
    """
    from orgviz.io.export import EXPORTERS, subtree, to_teams_csv
    from orgviz.io.files import write_output, write_together

    fmt = _format(fmt, output)
    if markdown and fmt != "mermaid":  # (ignored, the file would not be what was asked)
        raise click.UsageError(f"--markdown wraps Mermaid in a Markdown fence: it takes "
                               f"--format mermaid, not {fmt}")
    org = load_whole(file, unique_ids=True)
    refuse_to_overwrite(output, (file, *org.files))  # (the org file or one it includes)
    if root is not None:
        try:
            org = subtree(org, root)
        except OrgvizError as exc:
            fail(exc)
    teams_output = _teams_output(org, output, (file, *org.files)) if fmt == "csv" else None
    data = EXPORTERS[fmt](org)
    _warn_of_references_to_nobody(org, fmt)
    _warn_of_references_to_no_team(org, fmt)
    if fmt == "csv":
        _warn_of_roles_not_carried(org)
    if teams_output is not None or fmt == "json":  # (the formats that carry `teams:`)
        _warn_of_team_references(org, fmt)
    if markdown and fmt == "mermaid" and isinstance(data, str):
        data = f"```mermaid\n{data}```\n"
    try:
        if teams_output is None:
            write_output(output, data)
        else:  # (the pair, or neither: a failure names -o first; -o renamed last)
            assert output is not None  # (a teams table goes beside an -o file alone)
            write_together([(output, data), (teams_output, to_teams_csv(org))])
    except OrgvizError as exc:
        fail(exc)
    if fmt == "csv":  # (once written: an export that failed lacks nothing)
        _warn_of_what_csv_drops(org, teams_output is not None)


def _teams_output(org: Org, output: str | None, inputs: Sequence[str]) -> str | None:
    """Where the CSV's teams table goes (`orgviz.io.teamtable`): beside an `-o` file when the
    org has `teams:`, or when a teams table is there already (the header alone then: an
    earlier export's teams would be read with the new CSV); None for standard output or a
    device (one stream, one table: export warns of what the CSV alone does not carry).
    Refused, as -o is, when it would replace one of `inputs` or the configuration."""
    from orgviz.io.teamtable import is_teams_table, teams_table_for_output

    path = teams_table_for_output(output)
    if path is None:
        return None
    there = os.path.exists(path)  # (a link to a new file: written through, as -o is)
    if not (org.teams or there):
        return None
    table = there and is_teams_table(path)  # (a file an export wrote: read once)
    named = input_named(path, inputs) if org.teams or table else None
    if named is not None:  # (said before any file is written: the pair, or neither)
        fail(OrgvizError(f"{path}: the teams table of -o {output} goes there, but it is an "
                         f"input file ({named}): name the CSV otherwise"))
    if there and not table:  # (not one export wrote: kept)
        if not org.teams:
            return None
        fail(OrgvizError(f"{path}: the teams table of -o {output} goes there, but it is "
                         "another file (no teams table): move it, or name the CSV otherwise"))
    return path


#: How many references to nobody export's warning names.
_NAMED = 3


def _first_named(found: list[str]) -> str:
    """The first `_NAMED` of `found`, "; "-separated, and how many more there are."""
    more = len(found) - _NAMED
    return "; ".join(found[:_NAMED]) + (f"; and {more:,} more" if more > 0 else "")


def _warn_of_references_to_nobody(org: Org, fmt: str) -> None:
    """A warning on stderr when the org names people who are not in it: the export is made
    all the same (as the org file is), but it is no sound org either."""
    from orgviz.io.export import references_to_nobody

    found = references_to_nobody(org)
    if not found:
        return
    named = _first_named(found)
    one = len(found) == 1
    what = ("a reference to someone who is" if one else
            f"{len(found):,} references to people who are")
    them, rows, lines = ("it", "its row", "its line is") if one else ("them", "their rows",
                                                                     "their lines are")
    kept = (f"the CSV keeps {them} as written (`orgviz import` reports {them} at {rows})"
            if fmt == "csv" else f"{lines} left out" + (
                f" (the people's data keeps the {'id' if one else 'ids'})"
                if fmt in ("json", "graphml") else ""))
    note(org.file, f"{what} not in it ({named}): {kept}; `orgviz validate` reports where")


def _warn_of_references_to_no_team(org: Org, fmt: str) -> None:
    """A warning on stderr when people of the org are in teams its `teams:` does not list
    (Mermaid, which shows no teams, aside): the CSV keeps them, and `orgviz import` of it
    declares those teams, so that the error is gone from the org file it writes."""
    from orgviz.io.export import references_to_no_team

    found = references_to_no_team(org)
    if not found or fmt == "mermaid":
        return
    named = _first_named(found)
    one = len(found) == 1
    what = "a person is in a team" if one else f"{len(found):,} people are in teams"
    kept = ((f"the CSV keeps {'it' if one else 'them'} as written, and `orgviz import` of it "
             f"declares {'the team' if one else 'those teams'}") if fmt == "csv" else
            f"the people's data keeps the {'id' if one else 'ids'}")
    note(org.file, f"{what} that `teams:` does not list ({named}): {kept}; "
         "`orgviz validate` reports where")


def _warn_of_team_references(org: Org, fmt: str) -> None:
    """A warning on stderr when a team of the org is led by nobody in it, has a parent that
    is no team, or is in a cycle of parents: the teams table (JSON: its `teams`) keeps them
    as written, and `orgviz import` of the CSV leaves them out (of a cycle, its first team's
    parent), with a warning each."""
    from orgviz.io.export import team_references_dropped

    found = team_references_dropped(org)
    if not found:
        return
    named = _first_named(found)
    one = len(found) == 1
    what = "a broken team reference" if one else f"{len(found):,} broken team references"
    them = "it" if one else "them"
    kept = (f"the teams table keeps {them} as written, and `orgviz import` of the CSV leaves "
            f"{them} out (of a cycle, the parent of its first team)" if fmt == "csv" else
            f"the teams under `graph` keep {them} as written")
    note(org.file, f"{what} ({named}): {kept}; "
         "`orgviz validate` reports where")


def _warn_of_roles_not_carried(org: Org) -> None:
    """A warning on stderr when people of the org hold roles that its own `roles:` define:
    the org file that `orgviz import` writes of the CSV would name roles it does not define, or
    infer others from the titles."""
    from orgviz.io.export import roles_csv_drops

    roles = roles_csv_drops(org)
    if not roles:
        return
    listed = ", ".join(f"'{role}'" for role in roles[:_NAMED]) + (
        f" and {len(roles) - _NAMED:,} more" if len(roles) > _NAMED else "")
    one = len(roles) == 1
    held = "a role" if one else f"{len(roles):,} roles"
    note(org.file, f"people hold {held} of the org's own `roles:` ({listed}), which CSV does "
         f"not carry: declare {'it' if one else 'them'} again under `roles:` in the org file "
         "`orgviz import` writes of it")


def _warn_of_what_csv_drops(org: Org, teams_table: bool) -> None:
    """A warning on stderr naming what the org holds that CSV does not carry (the org file
    that `orgviz import` writes of the CSV lacks it); `teams_table`: whether the teams table
    was written beside it (else what it would carry is named too, and how to have it)."""
    from orgviz.io.export import csv_drops, team_csv_drops

    # (what the teams table does not carry either, then, without it, what it would carry)
    teams = [] if teams_table else team_csv_drops(org)
    drops = csv_drops(org, without_teams=True) + teams
    if not drops:
        return
    one = len(drops) == 1 and drops[0].startswith(_ONE_THING)
    hint = ("" if not teams else
            " (-o NAME.csv writes the teams to a teams table beside it, NAME.teams.csv, "
            "which `orgviz import NAME.csv` reads)")
    note(org.file, f"CSV does not carry {'; '.join(drops)}: set {'it' if one else 'them'} "
         f"again in the org file `orgviz import` writes of it{hint}")


#: How the things `csv_drops` names that are one thing start (the others are several).
_ONE_THING = ("the org's", "the order of", "the team nobody")
