"""`orgviz stats`: headcount, layers, span of control and product leadership of an org."""

from __future__ import annotations

import json
import sys

import click

from orgviz.cli.common import (
    FilePath,
    fail,
    load_every,
    note,
    org_files,
    org_paths,
    refuse_given_twice,
)
from orgviz.errors import OrgvizError


@click.command("stats",
               short_help="Print headcount, layers, span of control and roles of org files.")
@click.argument("files", nargs=-1, required=True, type=org_paths())
@click.option("--json", "as_json", is_flag=True,
              help="Print JSON (a list for several files or a folder, of the files that "
                   "load whole).")
@click.option("--config", "config_path", type=FilePath(),
              help="Config file (default: .orgviz.yaml or pyproject.toml [tool.orgviz]): its "
                   "span-of-control setting gives the span limit, as in validate.")
def command(files: tuple[str, ...], as_json: bool, config_path: str | None) -> None:
    """Print statistics of org FILES: headcount by level and team, open roles, layers,
    span of control, single-report managers (those validate's single-report rule reports)
    and product-leadership roles. A folder among FILES stands for the org files in it.

    Every file is read: the statistics of those that load whole are printed (--json: a
    list of them for several files or a folder, each naming its "file"; nothing for one
    file that does not load), and the load errors of the others on stderr, one a line
    (file:line:col), as `orgviz validate` prints them.

    Exit 0, 1 when a file cannot be loaded whole (load errors, such as a broken included
    file, or a repeated person or team id: its numbers would be wrong), 2 on usage or IO
    errors (a file named twice, one that cannot be read).
    """
    from orgviz.config import load_config
    from orgviz.io.files import write_stdout
    from orgviz.stats import compute, format_text, shape_notes

    found = org_files(files)
    refuse_given_twice(found)
    try:
        config = load_config(config_path)
    except OrgvizError as exc:
        fail(exc)
    orgs, status = load_every(found, unique_ids=True)
    try:
        results = [compute(org, config) for org in orgs]
    except OrgvizError as exc:
        fail(exc)
    for org, stats in zip(orgs, results, strict=True):  # (what the Shape figures count)
        for loc, text in shape_notes(org, stats):
            note(str(loc), text)
    if as_json:  # (a folder gives a list, however many orgs it holds)
        if found != files or len(found) != 1:
            write_stdout(json.dumps(results, indent=2, ensure_ascii=False) + "\n")
        elif results:
            write_stdout(json.dumps(results[0], indent=2, ensure_ascii=False) + "\n")
    elif results:
        write_stdout("\n".join(format_text(r) for r in results))
    sys.exit(status)
