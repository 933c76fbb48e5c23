"""`orgviz stats`: headcount, layers, span of control and product leadership of an org."""

from __future__ import annotations

import json

import click

from orgviz.cli.common import FilePath, fail, load_whole, org_files
from orgviz.errors import OrgvizError


@click.command("stats")
@click.argument("files", nargs=-1, required=True, type=click.Path())
@click.option("--json", "as_json", is_flag=True,
              help="Print JSON (a list for several files or a folder).")
@click.option("--config", "config_path", type=FilePath(),
              help="Config file (default: .orgviz.yaml or pyproject.toml [tool.orgviz]): its "
                   "span-of-control setting gives the span limit, as in validate.")
def command(files: tuple[str, ...], as_json: bool, config_path: str | None) -> None:
    """Print statistics of org FILES: headcount by level and team, open roles, layers,
    span of control, single-report managers (those validate's single-report rule reports)
    and product-leadership roles. A folder among FILES stands for the org files in it.

    Exit 0, 1 when a file cannot be loaded whole (load errors, such as a broken included
    file, or a repeated person or team id: its numbers would be wrong), 2 on usage or IO
    errors.
    """
    from orgviz.config import load_config
    from orgviz.io.files import write_stdout
    from orgviz.stats import compute, format_text

    found = org_files(files)
    try:
        config = load_config(config_path)
        results = [compute(load_whole(path, unique_ids=True), config) for path in found]
    except OrgvizError as exc:
        fail(exc)
    if as_json:  # (a folder gives a list, however many orgs it holds)
        data = results[0] if found == files and len(results) == 1 else results
        write_stdout(json.dumps(data, indent=2, ensure_ascii=False) + "\n")
    else:
        write_stdout("\n".join(format_text(r) for r in results))
