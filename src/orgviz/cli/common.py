"""Shared pieces of the commands: loading files, printing errors, exit codes."""

from __future__ import annotations

import sys
from collections.abc import Sequence

import click

from orgviz.errors import OrgvizError
from orgviz.problem import Problem

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2


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
