"""`orgviz validate`: check org files and report problems."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

import click
from click.core import ParameterSource

from orgviz.cli.common import (
    EXIT_USAGE,
    FilePath,
    error_lines,
    exit_code,
    fail,
    keep_until_exit,
    org_paths,
)
from orgviz.errors import OrgLoadError, OrgvizError
from orgviz.problem import Problem, one_line
from orgviz.report import REPORTERS, summary_line

if TYPE_CHECKING:
    from orgviz.config import Config
    from orgviz.model import Org

#: The options of a check that do nothing with --list-rules, by parameter name: refused.
_NOT_WITH_LIST_RULES = {"config_path": "--config", "strict": "--strict",
                        "no_warnings": "--no-warnings", "quiet": "--quiet", "hook": "--hook"}
_REFUSED = tuple(_NOT_WITH_LIST_RULES.values())


def _print_rules(ctx: click.Context, fmt: str, files: tuple[str, ...]) -> None:
    """--list-rules: print the rules (id, default level, what each checks, options with
    their mid-size defaults) as text (a table) or JSON (a list of objects), then exit 0; a
    usage error for another format (github and sarif report problems, and there are none),
    when FILES are given (they would be silently left unchecked) or an option of a check
    (--config: the list is of the defaults, whatever a configuration sets)."""
    from orgviz.rules import RULES, defaults_for, summary

    if files:
        more = " ..." if len(files) > 1 else ""
        raise click.UsageError(f"--list-rules takes no files: it lists the rules and checks "
                               f"none (leave out {files[0]}{more})", ctx)
    given = [option for name, option in _NOT_WITH_LIST_RULES.items()
             if ctx.get_parameter_source(name) == ParameterSource.COMMANDLINE]
    if "--config" in given:
        raise click.UsageError("--list-rules lists the rules' default levels and options: it "
                               "reads no configuration (leave out --config; `orgviz validate "
                               "--config FILE ORG` checks an org with it)", ctx)
    if given:
        raise click.UsageError(f"--list-rules checks no files, so {given[0]} does nothing "
                               f"with it (leave out {given[0]})", ctx)
    if fmt not in ("text", "json"):
        raise click.UsageError(f"--list-rules prints text or json, not {fmt}", ctx)
    rules = [(rule_id, module.LEVEL, summary(module), defaults_for(module, "mid-size"))
             for rule_id, module in RULES.items()]
    if fmt == "json":
        import json

        click.echo(json.dumps([{"rule": rule_id, "level": level, "description": description,
                                "options": options}
                               for rule_id, level, description, options in rules], indent=2))
        ctx.exit(0)
    for rule_id, level, description, options in rules:
        shown = ", ".join(f"{k}={str(v).lower() if isinstance(v, bool) else v}"
                          for k, v in options.items())
        click.echo(f"{rule_id:<24} {level:<8} {description}"
                   + (f" [{shown}]" if shown else ""))
    ctx.exit(0)


def _unread(path: str, error: OrgvizError) -> Problem:
    """A file that cannot be read at all as a problem of rule `read` at its line 1, so that
    a json, github or sarif report carries it (an empty list would read as "no problems")."""
    from orgviz.orgfiles import shown_path

    shown = shown_path(path)
    message = one_line(str(error)).removeprefix(f"{one_line(shown)}: ")
    return Problem(shown, 1, 1, "error", "read", message)


def _config_problems(error: OrgvizError, config_path: str | None) -> list[Problem]:
    """A project configuration's errors as problems of rule `config`, in the order given, at
    their `file:line:col` (line 1, column 1 where only the file is named: TOML, a file that
    cannot be read), so that a json, github or sarif report carries them."""
    import re
    from pathlib import Path

    from orgviz.config import CONFIG_FILES

    # (the paths load_config names in its messages: they may hold ':' themselves)
    paths = [str(Path(config_path))] if config_path else [str(Path(n)) for n in CONFIG_FILES]
    problems = []
    for text in getattr(error, "lines", None) or (str(error),):
        path = next((p for p in paths if text.startswith(f"{p}:")), None)
        if path is None:  # (not expected: a message that names no configuration file)
            path, rest = paths[0], text
        else:
            rest = text[len(path) + 1:]
        at = re.match(r"(\d+):(\d+): ", rest)
        line, col = (int(at[1]), int(at[2])) if at else (1, 1)
        message = rest[at.end():] if at else rest.removeprefix(" ")
        problems.append(Problem(path, line, col, "error", "config", message))
    return problems


class _Run:
    """What one `orgviz validate` finds, file by file: each file checked once however it is
    named, a part of a split org through the org that includes it."""

    def __init__(self, config: Config, fmt: str) -> None:
        self.config, self.fmt = config, fmt
        self.found: set[Problem] = set()  # (two orgs that include one file find its problems)
        # The files read, each once (resolved), an org's included parts too: what the summary
        # counts, whether an org is named, found in a folder or reached from a part.
        self.checked: set[str] = set()
        self.tried: set[str] = set()  # the files loaded as orgs (resolved)
        self.parts: list[tuple[str, Org]] = []  # files without an `org:` header, loaded
        self.unreadable = 0
        self.org: Org | None = None  # (the last org loaded: kept until exit)

    def check(self, path: str, error: OrgvizError | None = None) -> None:
        """Load and validate the file `path` (`error`: why it cannot be, found before); a
        part of a split org waits for `check_parts`."""
        from orgviz.loader import read_org as load  # (an unreadable file: OrgFileError)
        from orgviz.orgfiles import file_key
        from orgviz.validate import validate

        self.tried.add(file_key(path))
        try:
            if error is not None:
                raise error
            org = self.org = load(path)
            if org.part:
                self.parts.append((path, org))
                return
            self.checked.update(file_key(name) for name in org.files)
            self.found.update(validate(org, self.config))
        except OrgLoadError as exc:
            self.checked.add(file_key(path))
            self.found.update(exc.problems)
        except OrgvizError as exc:
            for line in error_lines(exc):
                click.echo(line, err=True)
            self.unreadable += 1
            if self.fmt != "text":  # (text says it on stderr only, as other commands do)
                self.found.add(_unread(path, exc))

    def check_parts(self, given: Sequence[str], look: bool) -> None:
        """Check each part of a split org met through the orgs that include it: those among
        `given` (checked already), else those `including_orgs` finds (`look`); a part that
        no org includes says its own problems (its missing `org:` header first), not the
        findings of an org of its people alone (`validate` of an `Org.part`)."""
        from orgviz.orgfiles import file_key, including_orgs
        from orgviz.validate import validate

        alone = [(path, part) for path, part in self.parts if file_key(path) not in self.checked]
        tops = including_orgs([path for path, _ in alone], given) if look and alone else {}
        for path, part in alone:  # (the orgs checked here have a header: none is added)
            if file_key(path) in self.checked:
                continue  # (an org found for another part includes it)
            for top in tops.get(path, []):
                if file_key(top) not in self.tried:
                    self.check(top)
            # (read, whether or not an org that includes it loads)
            self.checked.update(file_key(name) for name in part.files)
            if not tops.get(path):
                self.found.update(validate(part, self.config))


@click.command("validate",
               short_help="Check org files for consistent reporting lines.")
@click.argument("files", nargs=-1, type=org_paths(), metavar="FILES...")  # (or --list-rules)
@click.option("--list-rules", is_flag=True, help="List the rules: id, default level, what "
              "each checks and its options (mid-size defaults); then exit (no FILES, nor "
              f"{', '.join(_REFUSED[:-1])} or {_REFUSED[-1]}).")
@click.option("--format", "-f", "fmt", type=click.Choice(sorted(REPORTERS)), default="text",
              show_default=True,
              help="How to print problems (the rules of --list-rules: text or json).")
@click.option("--config", "config_path", type=FilePath(),
              help="Config file (default: .orgviz.yaml or pyproject.toml [tool.orgviz]).")
@click.option("--strict", is_flag=True, help="Exit 1 on warnings too.")
@click.option("--no-warnings", is_flag=True, help="Report errors only.")
@click.option("--quiet", "-q", is_flag=True, help="No summary line; print problems only.")
@click.option("--hook", is_flag=True,
              help="FILES are changed files (as pre-commit passes them): skip YAML without "
                   "the 'orgviz:' key, check the whole org of a file another one includes, "
                   "and every org file when the project configuration is among them.")
def command(files: tuple[str, ...], list_rules: bool, fmt: str, config_path: str | None,
            strict: bool, no_warnings: bool, quiet: bool, hook: bool) -> None:
    """Check org FILES for consistent reporting lines. A folder among FILES stands for
    the org files in it (other YAML skipped); a part of a split org, in a folder or given,
    is checked through the org that includes it. The summary counts the files read.

    Exit 0 when clean (or warnings only), 1 on errors (or warnings with --strict),
    2 on usage, configuration or unreadable-file errors.
    """
    ctx = click.get_current_context()
    if list_rules:
        _print_rules(ctx, fmt, files)
    if not files:
        raise click.MissingParameter(ctx=ctx, param=next(
            param for param in ctx.command.params if param.name == "files"))
    from orgviz.config import load_config
    from orgviz.orgfiles import expand_every, stdin_given_twice

    twice = stdin_given_twice(files)  # (before any report: the first - would be checked)
    if twice is not None:
        fail(twice)
    try:
        config = load_config(config_path)
    except OrgvizError as exc:
        if fmt == "text":
            fail(exc)
        # (a machine format still writes a report, holding the configuration's problems: an
        # empty one is no valid JSON or SARIF, and no annotation; stderr says it as for text)
        for line in error_lines(exc):
            click.echo(line, err=True)
        REPORTERS[fmt](_config_problems(exc, config_path), 0, sys.stdout, True)
        sys.exit(exc.exit_code)
    # Every path is read, each file once (silently: overlapping paths, such as a folder and
    # a file in it, check the same thing); a folder without org files is reported in its
    # place as a file that cannot be read is, and the other paths are still checked.
    expanded, empty = expand_every(files)
    if hook:
        from orgviz.orgfiles import hook_selection

        # (a changed project configuration stands for every org file of the repository)
        selection = hook_selection([path for path in expanded if path not in empty],
                                   config.source)
        if selection.none_of_ours and not empty:  # (a pyproject.toml without [tool.orgviz])
            sys.exit(0)
        expanded = [*selection.orgs, *selection.config_orgs,
                    *(path for path in expanded if path in empty)]
    run = _Run(config, fmt)
    for path in expanded:
        run.check(path, empty.get(path))
    run.check_parts(expanded, look=not hook)  # (a hook's parts were lifted already)
    found, unreadable = run.found, run.unreadable
    problems = sorted(p for p in found if p.level == "error" or not no_warnings)
    count = len(run.checked)
    no_summary = quiet or (count == 0 and unreadable > 0)
    hidden = len(found) - len(problems)
    REPORTERS[fmt](problems, count, sys.stdout, no_summary or (fmt == "text" and hidden > 0))
    if fmt == "text" and hidden and not no_summary:  # (the summary says what was left out)
        click.echo(summary_line(problems, count, hidden))
    code = exit_code(problems, strict)
    keep_until_exit(run.org, found, problems)
    sys.exit(EXIT_USAGE if unreadable else code)
