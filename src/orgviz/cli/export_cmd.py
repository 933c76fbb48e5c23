"""`orgviz export`: write an org for other tools (Mermaid, JSON, CSV, GraphML)."""

from __future__ import annotations

import click

from orgviz.cli.common import FilePath, fail, load_whole, refuse_to_overwrite
from orgviz.errors import OrgvizError

FORMATS = ("mermaid", "json", "csv", "graphml")


@click.command("export")
@click.argument("file", type=FilePath("org"))
@click.option("--format", "-f", "fmt", type=click.Choice(FORMATS), required=True,
              help="mermaid: flowchart text for Markdown; json: node-link JSON; csv: the "
                   "layout `orgviz import` reads back; graphml: for Gephi, yEd, networkx.")
@click.option("-o", "--output", type=FilePath("output"),
              help="File to write (default: stdout).")
@click.option("--markdown", is_flag=True, help="Mermaid: wrap in a ```mermaid fence.")
@click.option("--root", metavar="ID",
              help="Export only this person and everyone below them (they become the top).")
def command(file: str, fmt: str, output: str | None, markdown: bool,
            root: str | None) -> None:
    """Export the org FILE to another format.

    Exit 0 when written, 1 when the org file cannot be loaded whole (load errors, such as
    a broken included file, or repeated ids), 2 on usage or IO errors.
    """
    from orgviz.io.export import EXPORTERS, subtree
    from orgviz.io.files import write_output

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
    data = EXPORTERS[fmt](org)
    if markdown and fmt == "mermaid" and isinstance(data, str):
        data = f"```mermaid\n{data}```\n"
    try:
        write_output(output, data)
    except OrgvizError as exc:
        fail(exc)
