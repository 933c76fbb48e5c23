"""The `orgviz` command line: a click group; each command lives in its own module."""

from __future__ import annotations

import importlib
import sys
from typing import Any

import click

from orgviz import __version__


class _LazyGroup(click.Group):
    """A click group whose commands are imported when used (or listed by --help), so that
    `orgviz render` does not import the code of every other command."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.lazy: dict[str, str] = {}  # command name -> module with a `command` object

    def lazy_command(self, name: str, module: str) -> None:
        self.lazy[name] = module

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*self.commands, *self.lazy})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in self.commands and cmd_name in self.lazy:
            self.add_command(importlib.import_module(self.lazy[cmd_name]).command, cmd_name)
        return super().get_command(ctx, cmd_name)


@click.group(cls=_LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="orgviz")
def main() -> None:
    """Org charts as code: validate YAML org files and draw them."""


def _register() -> None:
    for name in ("validate", "schema", "import", "export", "stats", "roles", "diff", "render",
                 "deck"):
        main.lazy_command(name, f"orgviz.cli.{name}_cmd")  # type: ignore[attr-defined]


_register()

if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
