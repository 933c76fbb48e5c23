"""`orgviz roles`: the product role ladders of several orgs, side by side."""

from __future__ import annotations

import os

import click

from orgviz.cli.common import fail, load_whole, refuse_to_overwrite
from orgviz.errors import OrgvizError


@click.command("roles")
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False))
@click.option("-o", "--output", type=click.Path(dir_okay=False), required=True,
              help="Chart to write: .svg, .png or .pdf (.dot writes the DOT source).")
@click.option("--engine", type=click.Choice(["auto", "system", "embedded"]), default="auto",
              show_default=True, help="Graphviz engine.")
def command(files: tuple[str, ...], output: str, engine: str) -> None:
    """Draw the role hierarchy of org FILES side by side: which product-leadership roles
    each company has, how many people hold each, and which role reports to which.

    Exit 0 when written, 1 when an org file cannot be loaded, 2 on usage, IO or Graphviz
    errors.
    """
    from orgviz.io.files import write_output
    from orgviz.roles_chart import render, to_dot

    fmt = os.path.splitext(output)[1].lstrip(".").lower()
    if fmt not in ("svg", "png", "pdf", "dot"):
        fail(OrgvizError(f"{output}: unknown chart format; use .svg, .png, .pdf or .dot"))
    orgs = [load_whole(path) for path in files]
    refuse_to_overwrite(output, [part for org in orgs for part in org.files])
    try:
        notes: list[str] = []
        data = to_dot(orgs) if fmt == "dot" else render(orgs, fmt, engine, notes=notes)
        write_output(output, data)
    except OrgvizError as exc:
        fail(exc)
    for note in notes:
        click.echo(f"orgviz: {output}: {note}", err=True)
    click.echo(output)  # as `render` names what it wrote
