"""`orgviz stats`: headcount, layers, span of control and product leadership of an org."""

from __future__ import annotations

import json
import sys

import click

from orgviz.cli.common import EXIT_PROBLEMS, fail
from orgviz.errors import OrgLoadError, OrgvizError
from orgviz.report import REPORTERS


@click.command("stats")
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False))
@click.option("--json", "as_json", is_flag=True, help="Print JSON (a list for several files).")
def command(files: tuple[str, ...], as_json: bool) -> None:
    """Print statistics of org FILES: headcount by level and team, open roles, layers,
    span of control, single-report managers and product-leadership roles.

    Exit 0, 1 when a file cannot be loaded, 2 on usage or IO errors.
    """
    from orgviz.loader import load
    from orgviz.stats import compute, format_text

    results = []
    for path in files:
        try:
            results.append(compute(load(path)))
        except OrgLoadError as exc:
            REPORTERS["text"](exc.problems, 1, sys.stderr, True)
            sys.exit(EXIT_PROBLEMS)
        except OrgvizError as exc:
            fail(exc)
    if as_json:
        data = results[0] if len(results) == 1 else results
        click.echo(json.dumps(data, indent=2, ensure_ascii=False))
    else:
        click.echo("\n".join(format_text(r) for r in results), nl=False)
