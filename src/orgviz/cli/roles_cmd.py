"""`orgviz roles`: the product role ladders of several orgs, side by side."""

from __future__ import annotations

import sys

import click

from orgviz.cli.common import (
    CHART_FORMATS,
    ENGINE_HELP,
    FilePath,
    fail,
    load_every,
    nameless_output,
    note,
    org_files,
    org_paths,
    refuse_given_twice,
    refuse_to_overwrite,
    stdout_named,
    terminal_fault,
)
from orgviz.errors import OrgvizError
from orgviz.problem import one_line


@click.command("roles",
               short_help="Draw the product-leadership role ladders of orgs side by side.")
@click.argument("files", nargs=-1, required=True, type=org_paths())
@click.option("-o", "--output", type=FilePath("output", allow_dash=True),
              required=True,
              help="Chart to write: .svg, .png or .pdf (.dot writes the DOT source), or - for "
                   "stdout (SVG unless --format).")
@click.option("--format", "fmt", type=click.Choice(CHART_FORMATS),
              help="Output format (default: from -o's extension).")
@click.option("--engine", type=click.Choice(["auto", "system", "embedded"]), default="auto",
              show_default=True, help=f"Graphviz to use: {ENGINE_HELP}")
def command(files: tuple[str, ...], output: str, fmt: str | None, engine: str) -> None:
    """Draw the role hierarchy of org FILES (a folder: its org files) side by side: which
    product-leadership roles each company has, how many people hold each, and which role
    reports to which.

    Every file is read, and the load errors of all that do not load whole are printed on
    stderr (file:line:col), as `orgviz validate` prints them; no chart is written then.

    Exit 0 when written, 1 when an org file cannot be loaded whole (or repeats a person's
    or a team's id), 2 on usage, IO or Graphviz errors (a file named twice, one that cannot
    be read).
    """
    from orgviz.io.files import write_output
    from orgviz.roles_chart import render, to_dot

    found = org_files(files)
    refuse_given_twice(found)  # (its ladder would be drawn twice)
    output = stdout_named(output) or output
    try:
        fmt = chart_format(output, fmt)
    except OrgvizError as exc:
        fail(exc)
    orgs, status = load_every(found, unique_ids=True)
    if status:
        sys.exit(status)
    refuse_to_overwrite(output, [part for org in orgs for part in org.files])
    try:
        notes: list[str] = []
        data = to_dot(orgs) if fmt == "dot" else render(orgs, fmt, engine, notes=notes)
        write_output(output, data)
    except OrgvizError as exc:
        fail(exc)
    for text in notes:
        note("stdout" if output == "-" else output, text)
    if output != "-":
        click.echo(one_line(output))  # as `render` names what it wrote



def chart_format(output: str, fmt: str | None) -> str:
    """The format of the chart `-o output` (`--format fmt`) asks for; OrgvizError when the
    two disagree or neither names one, or binary data would go to a terminal."""
    from orgviz.render.pipeline import chart_format as file_format

    if output == "-":
        fault = terminal_fault(fmt, "roles")
        if fault is not None:
            raise OrgvizError(fault)
        return fmt or "svg"
    if fmt is None:
        from orgviz.render.pipeline import EXTENSIONS

        nameless = nameless_output(output, EXTENSIONS, "roles")
        if nameless is not None:
            raise nameless
    return file_format(output, fmt)
