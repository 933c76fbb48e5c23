"""Shared pieces of the commands: loading files, printing errors, exit codes."""

from __future__ import annotations

import sys
from collections.abc import Sequence

import click

from orgviz.errors import OrgvizError
from orgviz.problem import Problem

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2

#: Whether this process ends with the quick exit of `cli.run` (set there).
ENDS_QUICKLY = False
_KEPT: list[object] = []


def keep_until_exit(*objects: object) -> None:
    """Leave a command's big results (an org, its problems) alive when the process is about
    to end with `cli.run`'s quick exit, which frees nothing: freeing them object by object
    as the command returns takes ~0.7 ms per 1,000 people, for memory the system takes back
    anyway. Elsewhere (tests with CliRunner, library use) nothing is kept."""
    if ENDS_QUICKLY:
        _KEPT.extend(objects)


def fail(error: OrgvizError) -> None:
    """Print an orgviz error on stderr and exit with its code."""
    click.echo(f"orgviz: {error}" if error.exit_code == EXIT_USAGE else str(error), err=True)
    sys.exit(error.exit_code)


def exit_code(problems: Sequence[Problem], strict: bool) -> int:
    """1 on errors (or warnings with --strict), else 0."""
    levels = {p.level for p in problems}
    if "error" in levels or (strict and "warning" in levels):
        return EXIT_PROBLEMS
    return EXIT_OK
