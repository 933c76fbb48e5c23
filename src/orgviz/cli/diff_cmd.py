"""`orgviz diff`: what changed between two versions of an org."""

from __future__ import annotations

import json
import sys

import click

from orgviz.cli.common import (
    EXIT_PROBLEMS,
    FilePath,
    fail,
    nameless_output,
    note,
    refuse_to_overwrite,
)
from orgviz.errors import OrgLoadError, OrgvizError
from orgviz.problem import one_line
from orgviz.report import REPORTERS


@click.command("diff",
               short_help="Compare two versions of an org and list what changed.")
@click.argument("files", nargs=-1, required=True, type=FilePath("org"))
@click.option("--git", "rev", metavar="REV",
              help="Compare FILE as it was at git revision REV (e.g. HEAD~1) with FILE now.")
@click.option("--json", "as_json", is_flag=True, help="Print the changes as JSON.")
@click.option("-o", "--output", type=FilePath("output"),
              help="Also draw the new org with the changes highlighted (.svg, .png, .pdf, "
                   ".dot), laid out and drawn like `orgviz render`.")
# Kept so that scripts written for 0.1 still run: the chart needs no Graphviz engine now.
@click.option("--engine", type=click.Choice(["auto", "system", "embedded"]), default="auto",
              hidden=True)
@click.option("--exit-code", is_flag=True, help="Exit 1 when the orgs differ.")
def command(files: tuple[str, ...], rev: str | None, as_json: bool, output: str | None,
            engine: str, exit_code: bool) -> None:
    """Compare OLD and NEW org files (or, with --git REV, one FILE with its version at REV).

    People are matched by id. Reports people added, removed, moved to a new manager,
    retitled, re-teamed, vacancies opened and filled, ids changed, people whose
    manager is missing from the new version, teams added, removed, renamed or
    changed, and changes of the org header (name, size, date) and of its rules block.
    Exit 0 (with --exit-code: 1 when there are changes), 1 when a file cannot be
    loaded, 2 on usage, git or IO errors.
    """
    del engine  # accepted for compatibility only
    from orgviz.diff import (
        diff_orgs,
        draw_changes,
        format_text,
        load_git_version,
        people_names,
        team_names,
        to_json,
    )
    from orgviz.loader import read_org as load  # (an unreadable file: OrgFileError)
    from orgviz.validate import whole_errors

    expected = 1 if rev is not None else 2  # (`--git ''` is a bad revision, not none)
    if len(files) != expected:
        fail(OrgvizError("give OLD and NEW files, or --git REV and one FILE"))
    from orgviz.orgfiles import stdin_given_twice

    twice = stdin_given_twice(files)  # (as render refuses it: said before reading either)
    if twice is not None:
        fail(twice)
    if rev is not None and files[0] == "-":
        fail(OrgvizError("--git: give the org file's path in the repository, not - "
                         "(standard input has no place in git to compare it with)"))
    if output == "-":  # (before any work)
        fail(OrgvizError("-o - : the report of changes is what goes to stdout; -o names the "
                         "chart file to draw (.svg, .png, .pdf or .dot)"))
    fmt = ""
    if output is not None:
        from orgviz.render.pipeline import EXTENSIONS, chart_format

        nameless = nameless_output(output, EXTENSIONS, "changes")
        if nameless is not None:
            fail(nameless)
        try:
            fmt = chart_format(output, None, format_option=False)
        except OrgvizError as exc:
            fail(exc)
    try:
        if rev is not None:  # (the file now first: a missing one is that, not a git error)
            new = load(files[0])
            old = load_git_version(rev, files[0])
        else:
            old, new = load(files[0]), load(files[1])
    except OrgLoadError as exc:
        REPORTERS["text"](exc.problems, 1, sys.stderr, True)
        sys.exit(EXIT_PROBLEMS)
    except OrgvizError as exc:
        fail(exc)
    # A file that loaded with errors (a missing include, a broken included file) is missing
    # people: comparing it would report them as added or removed. A repeated person id
    # hides a person from the comparison.
    broken = [*whole_errors(old), *whole_errors(new)]  # (the old version's first)
    if broken:
        REPORTERS["text"](broken, 2, sys.stderr, True)
        sys.exit(EXIT_PROBLEMS)
    # (a version from git has no file on disk: its files are named `rev:path`)
    refuse_to_overwrite(output, [*(old.files if rev is None else ()), *new.files])
    changes = diff_orgs(old, new)
    unlinked = sum(1 for c in changes if c.kind == "unlinked")
    if unlinked:
        people = "person reports" if unlinked == 1 else "people report"
        note(new.file, f"{unlinked:,} {people} to a manager who is not in it "
             "(`orgviz validate` reports where)")
    notes: list[str] = []
    if output:  # drawn and written first: a chart that cannot be written prints no report
        try:
            from orgviz.io.files import write_output

            write_output(output, draw_changes(new, changes, old.file, fmt, notes, old))
        except OrgvizError as exc:
            fail(exc)
    from orgviz.io.files import write_stdout

    if as_json:
        write_stdout(json.dumps(to_json(changes, old.file, new.file), indent=2,
                                ensure_ascii=False) + "\n")
    else:
        write_stdout(format_text(changes, old.file, new.file, people_names(old, new),
                                 team_names(old, new), team_names(new, old),
                                 people_names(new, old)))
    if output:
        for text in notes:
            note(output, text)
        click.echo(one_line(f"orgviz: wrote {output}"), err=True)  # (stdout holds the report)
    sys.exit(1 if exit_code and changes else 0)

