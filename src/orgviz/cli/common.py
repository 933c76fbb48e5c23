"""Shared pieces of the commands: loading files, printing errors, exit codes."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Collection, Iterator, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any, NoReturn

import click

from orgviz.errors import OrgLoadError, OrgvizError
from orgviz.problem import Problem, one_line

if TYPE_CHECKING:
    from orgviz.model import Org

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2
#: The chart formats of render, roles and diff (render.pipeline.FORMATS, kept literal so
#: that `--help` does not import the rendering code).
CHART_FORMATS = ("svg", "png", "pdf", "dot")

#: What --engine's auto picks, in the help of every command that takes it.
ENGINE_HELP = "system `dot` if installed, else the embedded one."

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


def fail(error: OrgvizError) -> NoReturn:
    """Print an orgviz error on stderr, and exit with its code: each of its messages (one,
    or a ConfigError's `lines`: every problem of a configuration file) on one line (ids,
    names and paths in it may hold line breaks or bidirectional controls: see `one_line`)."""
    for line in error_lines(error):
        click.echo(line, err=True)
    sys.exit(error.exit_code)


def note(where: str | os.PathLike[str], text: str) -> None:
    """A note on stderr about a file a command read or wrote, `orgviz: WHERE: TEXT`, on one
    line (paths, ids and names in it may hold line breaks: see `one_line`)."""
    click.echo(one_line(f"orgviz: {os.fspath(where)}: {text}"), err=True)


def error_lines(error: OrgvizError) -> list[str]:
    """The lines `fail` prints for an error (`orgviz: ` before usage and IO errors)."""
    lines = getattr(error, "lines", None) or (str(error),)
    return [f"orgviz: {one_line(line)}" if error.exit_code == EXIT_USAGE else one_line(line)
            for line in lines]


class OneLineUsageError(click.ClickException):
    """A click usage error (an unknown option, a bad value, a missing argument) printed as
    one line, `orgviz render: invalid value for '--depth': ... (see 'orgviz render
    --help')`, instead of click's usage block of four lines; exit status 2 as click's."""

    exit_code = EXIT_USAGE

    def __init__(self, error: click.UsageError, command_path: str = "orgviz") -> None:
        super().__init__(error.format_message())
        self.command_path = error.ctx.command_path if error.ctx else command_path

    def show(self, file: object = None) -> None:
        message = " ".join(self.message.split())  # a choice list of several lines
        if ". (Did you mean" in message:  # (an option's: "... '--dpth'. (Did you mean ...?)")
            message = message.replace(". (Did you mean", "; did you mean").removesuffix(")")
        message = message.replace(". Did you mean", "; did you mean")  # (a command's)
        message = message.removesuffix(".")
        if message[1:2].islower():  # click's "Invalid value", "No such option", ...
            message = message[0].lower() + message[1:]
        click.echo(one_line(f"{self.command_path}: {message} "
                            f"(see '{self.command_path} --help')"), err=True)


def org_paths() -> click.Path:
    """The type of a FILES argument (files or folders): any path, left for the command to
    read. click's own check that a path is readable (its default) would refuse the whole
    command as a usage error, before any other file is read and with no report written;
    the command's reader says `PATH: cannot read: Permission denied` in its place instead."""
    return click.Path(readable=False)


#: What a file option takes, by its parameter's name, and names of such files: the error
#: for a folder given to it says what to give instead ('X' is a folder, not a file: give a
#: CSV or .xlsx file in it (X/NAME.csv)).
FILE_KINDS: dict[str, tuple[str, tuple[str, ...]]] = {
    "config_path": ("a config file", (".orgviz.yaml", "pyproject.toml")),
    "template": ("a PowerPoint file", ("NAME.pptx",)),
    "csv_file": ("a CSV or .xlsx file", ("NAME.csv", "NAME.xlsx")),
    "junior": ("a CSV or .xlsx file", ("NAME.csv", "NAME.xlsx")),
    "teams_file": ("a CSV or .xlsx file", ("NAME.csv", "NAME.xlsx")),
    "titles_file": ("a CSV or .xlsx file", ("NAME.csv", "NAME.xlsx")),
}


class FilePath(click.Path):
    """A path that must not be a folder (click.Path(dir_okay=False)) and, when it is one,
    says what to give instead: `role` is "org" (org files), "output" or "file". Whether it
    can be read is left to the command's reader, which says why not on one line (see
    `org_paths`)."""

    def __init__(self, role: str = "file", **kwargs: Any) -> None:
        kwargs.setdefault("readable", False)
        super().__init__(dir_okay=False, **kwargs)
        self.role = role

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None
                ) -> Any:
        if os.path.isdir(value) and not (self.allow_dash and value == "-"):
            one = param is not None and param.nargs == 1
            self.fail(self.folder_advice(os.fsdecode(value), ctx, one, param), param, ctx)
        if self.role == "output" and isinstance(value, str):
            from orgviz.io.files import missing_before_up, names_folder

            unreachable = missing_before_up(value)
            if unreachable is not None:  # (before "names a folder": `-o nd/..`)
                self.fail(f"{value!r}: {unreachable}", param, ctx)
            if names_folder(value):  # (`-o exports/`: a folder to be, never a file by that name)
                self.fail(f"{value!r} names a folder: name the file to write, as in "
                          f"-o {os.path.join(value, 'NAME')}", param, ctx)
        return super().convert(value, param, ctx)

    def folder_advice(self, folder: str, ctx: click.Context | None, one: bool,
                      param: click.Parameter | None = None) -> str:
        """What to say when the path given is a folder (`one`: where one file is taken; a
        file of `param` says what to give, as `FILE_KINDS` names it)."""
        if self.role == "output":
            return (f"{folder!r} is a folder: name the file to write, "
                    f"as in -o {os.path.join(folder, 'NAME')}")
        if self.role == "org":
            command = ctx.info_name if ctx else "this command"
            files = ("an org file: give one in it", "NAME.yaml") if one else (
                "org files: give the files in it", "*.yaml")
            return (f"{folder!r} is a folder, and {command} takes {files[0]} "
                    f"({os.path.join(folder, files[1])}); validate, render, stats, roles "
                    "and deck take folders")
        kind = FILE_KINDS.get(param.name or "") if param is not None else None
        if kind is None:
            return f"{folder!r} is a folder, not a file"
        what, names = kind
        examples = " or ".join(os.path.join(folder, name) for name in names)
        return f"{folder!r} is a folder, not a file: give {what} in it ({examples})"


@contextmanager
def usage_errors_on_one_line(command_path: Callable[[], str] = lambda: "orgviz"
                             ) -> Iterator[None]:
    """Turn click's usage errors raised inside into `OneLineUsageError`s (not the bare
    `orgviz` or `orgviz render` that shows the help: click's NoArgsIsHelpError).
    `command_path` names the command when click's error has no context ("option '-o'
    requires an argument")."""
    try:
        yield
    except click.exceptions.NoArgsIsHelpError:
        raise
    except click.UsageError as exc:
        raise OneLineUsageError(exc, command_path()) from exc


def org_files(paths: Sequence[str]) -> tuple[str, ...]:
    """The org files of FILES arguments: a folder stands for the org files in it
    (`orgfiles.expand_folders`); a folder without any is a usage error (exit 2)."""
    from orgviz.orgfiles import expand_folders

    try:
        return tuple(expand_folders(paths))
    except OrgvizError as exc:
        fail(exc)


def exit_code(problems: Sequence[Problem], strict: bool) -> int:
    """1 on errors (or warnings with --strict), else 0."""
    levels = {p.level for p in problems}
    if "error" in levels or (strict and "warning" in levels):
        return EXIT_PROBLEMS
    return EXIT_OK


def refuse_to_overwrite(output: str | None, inputs: Sequence[str | None],
                        config_path: str | None = None) -> None:
    """Exit 2 when `-o` names one of the files a command reads (it would destroy it): one of
    `inputs`, or a configuration file (`config_path`, --config's; the current folder's
    .orgviz.yaml, or its pyproject.toml when that has [tool.orgviz])."""
    if not output or output == "-":
        return
    named = input_named(output, inputs, config_path)
    if named is not None:
        fail(OrgvizError(f"-o {output} is an input file ({named}): give another name"))


def input_named(output: str, inputs: Sequence[str | None], config_path: str | None = None
                ) -> str | None:
    """Which file a command reads (see `refuse_to_overwrite`) the file `output` is, by any
    name or link: the input's path, or `PATH, the configuration`; None when it is none."""
    if not os.path.exists(output):
        return None
    for path in inputs:
        if path and os.path.exists(path) and os.path.samefile(output, path):
            return path
    configuration = _configuration_named(output, config_path)
    return None if configuration is None else f"{configuration}, the configuration"


def _configuration_named(output: str, config_path: str | None) -> str | None:
    """The configuration file (see `refuse_to_overwrite`) that the existing file `output` is,
    or None."""
    from pathlib import Path

    from orgviz.config import CONFIG_FILES, configures_orgviz

    yaml_file, pyproject = CONFIG_FILES
    for path in (config_path, yaml_file, pyproject):
        if path and os.path.exists(path) and os.path.samefile(output, path) and (
                path != pyproject or path == config_path or configures_orgviz(Path(path))):
            return path
    return None


def nameless_output(output: str, endings: Collection[str], stem: str) -> OrgvizError | None:
    """The error for an `-o` whose name is an ending alone (`-o .svg`, `-o out/.pptx`), which
    names no format (a hidden file without an ending) yet was surely meant to: a name as
    `stem` would be given that ending; None for any other `-o`."""
    name = os.path.basename(output)
    if name.lower() not in endings:
        return None
    example = os.path.join(os.path.dirname(output), f"{stem}{name}")
    return OrgvizError(f"-o {output} has no name before its extension: name the file, as in "
                       f"-o {example}")


def stdout_named(output: str | None) -> str | None:
    """`-` for an `-o` that names this process's stdout (`/dev/stdout`, `/dev/fd/1`), which a
    chart is then written into as for `-o -` (SVG unless --format; no path printed after
    it); any other `output` as it is."""
    from orgviz.io.files import own_descriptor

    if output is None or output == "-" or own_descriptor(output) != 1:
        return output
    return "-"


def terminal_fault(fmt: str | None, example: str) -> str | None:
    """Why `-o -` cannot write a chart in `fmt` now: PNG or PDF bytes would go onto a
    terminal (`example`: the file name the message suggests, without its extension)."""
    if fmt in ("png", "pdf") and sys.stdout.isatty():
        return (f"-o - would print {fmt.upper()} data to the terminal: redirect it "
                f"(> {example}.{fmt}) or name a file")
    return None


def load_whole(path: str, unique_ids: bool = False) -> Org:
    """An org file loaded whole, for commands that report on it or convert it; or its load
    errors printed (as `orgviz validate` prints them) and exit 1.

    An org that loads with errors (a broken or missing included file, a person that is not
    a mapping) is missing people: its numbers or its export would be silently wrong.
    `unique_ids`: repeated person or team ids are refused too (an export would keep one of
    them, or write a file that cannot be read back).
    """
    from orgviz.report import REPORTERS

    try:
        org, broken = _loaded_whole(path, unique_ids)
    except OrgvizError as exc:
        fail(exc)
    if org is None:
        REPORTERS["text"](broken, 1, sys.stderr, True)
        sys.exit(EXIT_PROBLEMS)
    return org


def load_every(paths: Sequence[str], unique_ids: bool = False) -> tuple[list[Org], int]:
    """The orgs of `paths` that load whole (see `load_whole`), in order, and the exit status
    the others give: every file is read, and what stops one is printed on stderr (a file
    that cannot be read as it is met, on one line; the load errors of all files at the end,
    sorted, `file:line:col: error [rule] message` as `orgviz validate` prints them). The
    status is 2 when a file could not be read, 1 when one did not load whole, else 0."""
    from orgviz.report import REPORTERS

    orgs: list[Org] = []
    broken: set[Problem] = set()  # (a file two orgs include: its errors once)
    status = EXIT_OK
    for path in paths:
        try:
            org, errors = _loaded_whole(path, unique_ids)
        except OrgvizError as exc:
            for line in error_lines(exc):
                click.echo(line, err=True)
            status = max(status, exc.exit_code)
            continue
        broken.update(errors)
        if org is not None:
            orgs.append(org)
    if broken:
        REPORTERS["text"](sorted(broken), len(paths), sys.stderr, True)
        status = max(status, EXIT_PROBLEMS)
    return orgs, status


def _loaded_whole(path: str, unique_ids: bool) -> tuple[Org | None, list[Problem]]:
    """An org file's org, or None and its load errors, sorted (`unique_ids`: repeated
    person or team ids among them); OrgvizError for a file that cannot be read at all."""
    from orgviz.loader import read_org as load  # (an unreadable file: OrgFileError)

    try:
        org = load(path)
    except OrgLoadError as exc:
        return None, sorted(exc.problems)
    from orgviz.validate import whole_errors

    broken = (whole_errors(org) if unique_ids
              else sorted(p for p in org.load_problems if p.level == "error"))
    return (None, broken) if broken else (org, [])


def refuse_given_twice(paths: Sequence[str]) -> None:
    """Exit 2 when `paths` name one org file twice (`a.yaml ./a.yaml`), as render and deck do:
    a command that reports a file each would report it twice."""
    from orgviz.orgfiles import given_twice

    twice = given_twice(paths)
    if twice is not None:
        fail(twice)
