"""`orgviz schema`: print the JSON Schema of the org file format."""

from __future__ import annotations

import click


@click.command("schema",
               short_help="Print the JSON Schema (draft-07) of the org file format.")
def command() -> None:
    """Print the JSON Schema (draft-07) of the org file format."""
    from orgviz.schema import schema_text

    click.echo(schema_text(), nl=False)
