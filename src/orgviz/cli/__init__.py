"""The `orgviz` command line: a click group; each command lives in its own module."""

from __future__ import annotations

import importlib
import sys

import click

from orgviz import __version__


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="orgviz")
def main() -> None:
    """Org charts as code: validate YAML org files and draw them."""


def _register() -> None:
    from orgviz.cli import schema_cmd, validate_cmd

    for module in (validate_cmd, schema_cmd):
        main.add_command(module.command)
    from orgviz.cli import diff_cmd, export_cmd, import_cmd, roles_cmd, stats_cmd

    for module in (import_cmd, export_cmd, stats_cmd, roles_cmd, diff_cmd):
        main.add_command(module.command)
    main.add_command(importlib.import_module("orgviz.cli.render_cmd").command)
    main.add_command(importlib.import_module("orgviz.cli.deck_cmd").command)


_register()

if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
