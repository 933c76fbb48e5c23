"""`orgviz validate`: check org files and report problems."""

from __future__ import annotations

import sys

import click

from orgviz.cli.common import EXIT_USAGE, exit_code, fail
from orgviz.errors import OrgLoadError, OrgvizError
from orgviz.report import REPORTERS


@click.command("validate")
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False))
@click.option("--format", "-f", "fmt", type=click.Choice(sorted(REPORTERS)), default="text",
              show_default=True, help="How to print problems.")
@click.option("--config", "config_path", type=click.Path(dir_okay=False),
              help="Config file (default: .orgviz.yaml or pyproject.toml [tool.orgviz]).")
@click.option("--strict", is_flag=True, help="Exit 1 on warnings too.")
@click.option("--no-warnings", is_flag=True, help="Report errors only.")
@click.option("--quiet", "-q", is_flag=True, help="No summary line; print problems only.")
def command(files: tuple[str, ...], fmt: str, config_path: str | None, strict: bool,
            no_warnings: bool, quiet: bool) -> None:
    """Check org FILES for consistent reporting lines.

    Exit 0 when clean (or warnings only), 1 on errors (or warnings with --strict),
    2 on usage, configuration or unreadable-file errors.
    """
    from orgviz.config import load_config
    from orgviz.loader import load
    from orgviz.validate import validate

    try:
        config = load_config(config_path)
    except OrgvizError as exc:
        fail(exc)
    problems = []
    unreadable = False
    for path in files:
        try:
            problems.extend(validate(load(path), config))
        except OrgLoadError as exc:
            problems.extend(exc.problems)
        except OrgvizError as exc:
            click.echo(f"orgviz: {exc}", err=True)
            unreadable = True
    if no_warnings:
        problems = [p for p in problems if p.level == "error"]
    problems.sort()
    REPORTERS[fmt](problems, len(files), sys.stdout, quiet)
    code = exit_code(problems, strict)
    sys.exit(EXIT_USAGE if unreadable else code)
