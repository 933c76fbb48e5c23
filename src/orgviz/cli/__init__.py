"""The `orgviz` command line: a click group; each command lives in its own module."""

from __future__ import annotations

import atexit
import contextlib
import gc
import importlib
import os
import sys
from typing import Any, NoReturn

import click

from orgviz import __version__
from orgviz.cli import common


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

    def resolve_command(self, ctx: click.Context, args: list[str]
                        ) -> tuple[str | None, click.Command | None, list[str]]:
        try:
            name, command, rest = super().resolve_command(ctx, args)
        except click.exceptions.NoSuchCommand:  # suggest from every command, loaded or not
            raise click.exceptions.NoSuchCommand(
                str(args[0]), possibilities=self.list_commands(ctx), ctx=ctx) from None
        ctx.meta["orgviz.command_path"] = f"{ctx.command_path} {name}"  # (for invoke)
        return name, command, rest

    def make_context(self, info_name: str | None, args: list[str],
                     parent: click.Context | None = None, **extra: Any) -> click.Context:
        with common.usage_errors_on_one_line():
            return super().make_context(info_name, args, parent, **extra)

    def invoke(self, ctx: click.Context) -> Any:
        # (a command's own options and arguments: named by the command resolve_command found)
        with common.usage_errors_on_one_line(
                lambda: ctx.meta.get("orgviz.command_path", ctx.command_path)):
            return super().invoke(ctx)


@click.group(cls=_LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="orgviz")
def main() -> None:
    """Org charts as code: validate YAML org files and draw them."""


def _register() -> None:
    for name in ("validate", "schema", "import", "export", "stats", "roles", "diff", "render",
                 "deck"):
        main.lazy_command(name, f"orgviz.cli.{name}_cmd")  # type: ignore[attr-defined]


_register()


def run() -> NoReturn:
    """The `orgviz` program: the command line, then a quick end of the process.

    When the command is done, output is flushed and the exit handlers run (they stop
    Graphviz processes nobody waited for) as at any exit; then the process ends without the
    interpreter's teardown, which would free the org's and the chart's objects one by one
    (~5 ms per 1,000 people drawn) only for the system to take the memory back anyway.

    The cyclic garbage collector is off for the whole process. What a command makes is freed
    by reference counting (rendering every example org leaves no cyclic garbage), so a
    collection would only walk the live org and chart: commands that pause the collector
    while they work found that the first collection after turning it back on walks all of
    them (~5 ms per 1,000 people at the end of `orgviz render`).
    """
    gc.disable()
    _printable_anywhere()
    common.ENDS_QUICKLY = True  # commands may leave their results to the end (keep_until_exit)
    try:
        main()
        code: object = 0
    except SystemExit as exc:
        code = exc.code
    except BrokenPipeError:  # `orgviz export ... | head`: the reader has what it wanted
        code = 1
    except OSError as exc:  # output that cannot be written (stdout on a full disk)
        _cannot_write(exc)
        code = 2
    status = _exit_status(code)
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except BrokenPipeError:  # a closed pipe (`orgviz ... | head`)
            status = status or 1
        except (OSError, ValueError) as exc:
            if stream is sys.stdout and isinstance(exc, OSError) and status != 2:
                _cannot_write(exc)
                status = 2
            else:
                status = status or 1
    atexit._run_exitfuncs()
    os._exit(status)


def _printable_anywhere() -> None:
    """Text a strict stdout or stderr cannot encode is printed as backslash escapes, not a
    traceback: a file name that is not UTF-8 (lone surrogates as Python reads it: `orgviz
    render` prints the chart's path) on a UTF-8 terminal, an emoji on a Latin-1 one. (In the
    C and C.UTF-8 locales Python already writes such a name's own bytes.)"""
    for stream in (sys.stdout, sys.stderr):
        if getattr(stream, "errors", None) == "strict":
            with contextlib.suppress(AttributeError, ValueError, OSError):
                stream.reconfigure(errors="backslashreplace")  # type: ignore[union-attr]


def _cannot_write(exc: OSError) -> None:
    """Say on stderr (if it still takes it) that the output could not be written."""
    with contextlib.suppress(OSError, ValueError):
        sys.stderr.write(f"orgviz: cannot write the output: {exc.strerror or exc}\n")
        sys.stderr.flush()


def _exit_status(code: object) -> int:
    """The status `sys.exit(code)` ends with (a message is printed, and is status 1)."""
    if code is None:
        return 0
    if isinstance(code, int):
        return code & 0xFF
    print(code, file=sys.stderr)
    return 1


if __name__ == "__main__":  # pragma: no cover
    run()
