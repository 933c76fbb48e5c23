"""`orgviz render`: draw org files as SVG, PNG, PDF or DOT org charts."""

from __future__ import annotations

import atexit
import gc
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import click

from orgviz.cli.common import (
    CHART_FORMATS,
    ENGINE_HELP,
    EXIT_OK,
    EXIT_PROBLEMS,
    FilePath,
    fail,
    keep_until_exit,
    nameless_output,
    note,
    org_files,
    org_paths,
    refuse_to_overwrite,
    stdout_named,
    terminal_fault,
)
from orgviz.errors import OrgLoadError, OrgvizError, RenderError
from orgviz.problem import one_line

if TYPE_CHECKING:
    from orgviz.config import Config
    from orgviz.model import Org
    from orgviz.problem import Problem
    from orgviz.render.freshness import Stamp

# Kept literal so that `--help` does not import the rendering code (--fit also takes W:H,
# which RenderOptions.verified checks, as it does from Python).
ENGINES = ("auto", "system", "embedded")
LAYOUT_CHOICES = ("auto", "tidy", "dot")
THEMES = ("light", "dark", "print", "high-contrast")
COLOR_BY = ("team", "level", "none")
FITS = ("16:9", "4:3", "a4", "a4-portrait")


class _LazyConfig:
    """The project configuration, read when first needed: by the first validation, which
    runs while Graphviz works (--layout dot), or at once for --hook."""

    def __init__(self, path: str | None) -> None:
        self.path = path
        self.config: Config | None = None

    def get(self) -> Config:
        """The configuration; a ConfigError when it is invalid."""
        if self.config is None:
            from orgviz.config import load_config

            self.config = load_config(self.path)
        return self.config


def _skip_last_collection() -> None:
    """At exit, let the interpreter's last cycle collection skip what the render left: it
    would walk every object of the org and chart (tens of ms for 1,000 people) only to free
    memory that the process is about to give back. Registered once, before the engines'
    exit handlers (which run last-in, first-out, so those run first)."""
    global _EXIT_FREEZE
    if not _EXIT_FREEZE:
        _EXIT_FREEZE = True
        atexit.register(gc.freeze)


_EXIT_FREEZE = False


def _checker(org: Org, config: _LazyConfig,
             found: list[Problem]) -> Callable[[], list[Problem]]:
    """Validation of `org` for `render`, which calls it when it suits; `found` gets the
    problems (to print them when one is an error)."""

    def check() -> list[Problem]:
        from orgviz.validate import validate

        # (a part of a split org drawn alone: its missing header only, `validate` of an
        # Org.part, not the noise of its people reporting to managers in other files)
        found[:] = validate(org, config.get())
        return found

    return check


#: The target that stands for standard output (`-o -`).
STDOUT = Path("-")


def _is_folder(path: str) -> bool:
    """Whether a path names a folder; a RenderError `PATH: cannot read: Permission denied`
    where a folder on the way cannot be searched (os.path.isdir said False: 'not a
    folder', which was untrue)."""
    import stat

    try:
        return stat.S_ISDIR(os.stat(path).st_mode)
    except PermissionError as exc:
        raise RenderError(f"{path}: cannot read: {exc.strerror or exc}") from None
    except (OSError, ValueError):  # (no such path, a too-long name, a NUL: not a folder)
        return False


def _named(target: Path, output: str | None) -> str:
    """A chart file's name as `-o` gave it when it is that file (`./-`, which a Path
    shortens to `-`, the name of stdout; `./chart.svg`, as `roles` says it), else the path."""
    return output if output is not None and target == Path(output) else str(target)


def _targets(files: tuple[str, ...], output: str | None, fmt: str | None,
             hook: bool) -> list[Path]:
    from orgviz.render.pipeline import output_path

    if output == "":  # (not the current folder, which the empty path would name)
        raise RenderError("cannot write: the output file name is empty")
    if output == "-":
        if len(files) > 1:
            raise RenderError(f"-o - writes one chart to stdout; {len(files)} files were "
                              "given: draw them into a folder (-o charts/)")
        if hook:
            raise RenderError("--hook keeps diagram files up to date: -o - (stdout) has none "
                              "to keep")
        fault = terminal_fault(fmt, "chart")
        if fault is not None:
            raise RenderError(fault)
        return [STDOUT]
    if len(files) > 1 and output is not None and not (
            output.endswith(("/", os.sep)) or _is_folder(output)):
        raise RenderError(f"several files need a folder for -o, not '{output}' "
                          f"(end it with '/')")
    from orgviz.orgfiles import STDIN, given_twice

    if output is not None and fmt is None and not (  # (isdir: False on a too-long name)
            output.endswith(("/", os.sep)) or os.path.isdir(output)):
        from orgviz.render.pipeline import EXTENSIONS

        nameless = nameless_output(output, EXTENSIONS, "chart" if files[0] == STDIN
                                   else Path(files[0]).stem)
        if nameless is not None:
            raise nameless
    targets = [output_path(path, output, fmt) for path in files]
    seen: dict[Path, str] = {}
    for path, target in zip(files, targets, strict=True):
        if path == STDIN and seen.get(target) == STDIN:  # (said before the first is drawn)
            raise RenderError("- is given twice: standard input is read once; give - once")
        # (one file by two names that make two charts, a symlink's, is drawn twice)
        twice = given_twice((seen[target], path)) if target in seen else None
        if twice is not None:
            raise twice
        if target in seen:  # (standard input has no folder to tell it by: `2-stdin.svg`)
            folder = "" if path == STDIN else Path(path).resolve().parent.name
            other = target.with_name(f"{folder}-{target.name}" if folder else f"2-{target.name}")
            raise RenderError(f"{seen[target]} and {path} would both be written to {target} (a "
                              f"chart is named after its org file): give each its own file, "
                              f"such as orgviz render {path} -o {other}")
        seen[target] = path
    return targets


def _hook_files(files: tuple[str, ...], config_source: str | None, output: str | None,
               fmt: str | None) -> tuple[tuple[str, ...], dict[str, Stamp]]:
    """The org files `render --hook` looks at for the changed FILES: `hook_selection`'s; when
    the project configuration changed, also every org file of the repository whose diagram
    (where -o puts it) exists and was drawn from it: a diagram of this hook entry, which the
    new rule settings may have made stale (with the stamps read, by org file, for
    `why_drawn`). (Orgs another entry draws, to another -o folder, are left to it.) Exits 0
    at once when FILES are only another tool's pyproject.toml."""
    from orgviz.orgfiles import hook_selection

    selection = hook_selection(files, config_source)
    if selection.none_of_ours:
        sys.exit(EXIT_OK)
    if not selection.config_orgs or output == "-":
        return tuple(selection.orgs), {}
    from orgviz.render import freshness
    from orgviz.render.pipeline import output_path

    kept: dict[str, Stamp] = {}
    for path in selection.config_orgs:
        found = freshness.stamp_of(output_path(path, output, fmt))
        if found.source is not None and os.path.normpath(found.source) == os.path.normpath(path):
            kept[path] = found
    return (*selection.orgs, *kept), kept


@click.command("render",
               short_help="Draw org files as SVG, PNG, PDF or DOT org charts.")
@click.argument("files", nargs=-1, required=True, type=org_paths())
@click.option("-o", "--output", metavar="PATH",
              help="Output file (its extension picks the format), folder ending in '/', or "
                   "- for stdout (SVG unless --format). Default: output/<name>.svg "
                   "(.png, .pdf or .dot with --format).")
@click.option("--format", "fmt", type=click.Choice(CHART_FORMATS),
              help="Output format (default: from -o's extension, else svg).")
@click.option("--engine", type=click.Choice(ENGINES), default="auto", show_default=True,
              help=f"Graphviz to use where one is needed (--layout dot, and PNG/PDF without "
                   f"cairo): {ENGINE_HELP}")
@click.option("--layout", type=click.Choice(LAYOUT_CHOICES), default="auto",
              show_default=True,
              help="tidy: orgviz places the cards (fast at any size, compact); dot: Graphviz "
                   "does; auto: tidy (see docs/rendering.md).")
@click.option("--compact", default="auto", show_default=True, metavar="auto|off|N",
              help="Tidy layout: keep N level rows as a tree and list the people below "
                   "under their manager; auto picks N so the chart is not too wide.")
@click.option("--theme", type=click.Choice(THEMES), default="light", show_default=True,
              help="Colors: print is grayscale for paper.")
@click.option("--color-by", type=click.Choice(COLOR_BY), default="team", show_default=True,
              help="What the card accent color shows (with a legend).")
@click.option("--direction", type=click.Choice(("TB", "LR")), default="TB",
              show_default=True, help="Top-down or left-to-right.")
@click.option("--root", metavar="ID", help="Draw only this person's part of the org.")
@click.option("--depth", type=click.IntRange(min=1), metavar="N",
              help="Show N levels; collapse the rest into cards such as '+37 people'.")
@click.option("--team", metavar="ID",
              help="Draw one team (with sub-teams) and its chain of command.")
@click.option("--fit", metavar="|".join((*FITS, "W:H")),
              help="Fit a slide or page aspect ratio, a preset or any W:H such as 21:9: "
                   "compact auto lays the tidy chart out to fill it, the rest is padded "
                   "(PNG: 1920 x 1080 px for 16:9, 1600 x 1200 for 4:3, 3508 x 2480 for a4, "
                   "2480 x 3508 for a4-portrait).")
@click.option("--width", type=int, metavar="PX",
              help="PNG width in pixels, at least 64 (default: a --fit preset's width, else "
                   "twice "
                   "the SVG's width, less to keep within 16 megapixels, but never below the "
                   "SVG's width, or 0.55x of it for an SVG of more than 16 megapixels).")
@click.option("--transparent", is_flag=True, help="No background color.")
@click.option("--force", is_flag=True,
              help="Draw orgs with validation errors, marking the broken cards and lines.")
@click.option("--config", "config_path", type=FilePath(),
              help="Config file (default: .orgviz.yaml or pyproject.toml [tool.orgviz]).")
@click.option("--hook", is_flag=True,
              help="As a pre-commit hook: FILES are changed files (other YAML skipped, a part "
                   "of a split org draws the whole org, the project configuration every "
                   "diagram drawn before); draw only diagrams whose source stamp is out of "
                   "date, and exit 1 when any was written.")
def command(files: tuple[str, ...], output: str | None, fmt: str | None, engine: str,
            layout: str, compact: str, theme: str, color_by: str, direction: str, root: str | None,
            depth: int | None, team: str | None, fit: str | None, width: int | None,
            transparent: bool, force: bool, config_path: str | None, hook: bool) -> None:
    """Draw org FILES as org charts (SVG by default; PNG, PDF or DOT by extension).
    A folder among FILES stands for the org files in it.

    Files with validation errors are not drawn: their problems are printed as by
    `orgviz validate` and the exit status is 1 (use --force to draw them anyway).
    Exit 2 on usage, Graphviz or file errors.

    With --hook (the orgviz-render pre-commit hook) each diagram carries a stamp of its
    sources, and a diagram whose stamp matches is not drawn again (docs/precommit.md).
    """
    _skip_last_collection()
    from orgviz.io.files import (
        OutputError,
        missing_before_up,
        names_folder,
        write_file,
        write_stdout,
    )
    from orgviz.loader import read_org as load  # (an unreadable file: OrgFileError)
    from orgviz.render.pipeline import (
        GRAPHVIZ_LAYOUTS,
        RenderOptions,
        format_for,
        graphviz_request,
        note_place,
        render,
    )

    options = RenderOptions(engine=engine, layout=layout, theme=theme, color_by=color_by,
                            direction=direction, root=root, team=team, depth=depth, fit=fit,
                            width=width, transparent=transparent, compact=compact)
    files = org_files(files)
    output = stdout_named(output)
    unreachable = missing_before_up(output) if output is not None else None
    if unreachable is not None:  # (said before any chart is drawn: `-o nd/..`)
        fail(OutputError(f"{output}: {unreachable}"))
    if output is not None and output != "-" and names_folder(output):
        output = os.path.join(output, "")  # (`-o charts/.` is the folder, as `-o charts/`)
    config = _LazyConfig(config_path)
    stamps: dict[str, Stamp] = {}  # (--hook: the diagrams' stamps read already, by org file)
    try:
        if hook:  # the source stamps need the rule settings up front
            files, stamps = _hook_files(files, config.get().source, output, fmt)
        targets = _targets(files, output, fmt, hook)
        if width is not None and any((fmt or format_for(t)) != "png" for t in targets):
            raise RenderError("--width sets the size of PNG output: write .png or use "
                              "--format png")  # (before the PNG width's own limits)
        options.verified()
    except OrgvizError as exc:
        fail(exc)
    if layout in GRAPHVIZ_LAYOUTS:
        from orgviz.render.engines import prefetch

        prefetch(engine)  # probe `dot` (or load the embedded one) while the org loads
    shown = []
    org = None
    refused = False
    fresh, written = 0, 0
    # Reading and drawing an org makes many small objects and hardly any reference cycles:
    # the cycle collector would only walk them again and again (a few % of the run).
    collecting = gc.isenabled()
    try:
        for index, (path, target) in enumerate(zip(files, targets, strict=True)):
            if collecting:
                gc.enable()
                if index:
                    gc.collect(0)  # what the previous file left behind
                gc.disable()
            try:
                if hook:
                    from orgviz.render import freshness

                    digest = freshness.source_digest(
                        path, freshness.verify_format(fmt or format_for(target) or "svg"),
                        options, config.get().rule_settings, force)
                    # (another org file's diagram is no diagram of this one, even when the
                    # two files are the same bytes and so the same digest)
                    why = freshness.why_drawn(target, path, digest, stamps.get(path))
                    if why is None:
                        fresh += 1
                        continue
                if layout in GRAPHVIZ_LAYOUTS:  # `dot` starts up while the org loads
                    prefetch(engine, graphviz_request(fmt or format_for(target) or "svg",
                                                      options))
                org = load(path)
                refuse_to_overwrite(_named(target, output), org.files,  # (-o org.yaml ...)
                                    config_path)
                found: list[Problem] = []
                notes: list[str] = []
                # Validation runs while Graphviz lays out (--layout dot); with errors, render
                # raises OrgLoadError unless --force.
                data = render(org, fmt or format_for(target) or "svg", options, force=force,
                              notes=notes, check=_checker(org, config, found))
                if any(p.level == "error" for p in found):
                    shown.extend(found)
                if hook:
                    data = freshness.stamp(data, fmt or format_for(target) or "svg", digest, path)
                    written += 1
                if target is STDOUT:
                    write_stdout(data)
                else:
                    write_file(target, data, make_folders=True)  # (-o output/: made)
            except OrgLoadError as exc:
                shown.extend(exc.problems)
                refused = True
                continue
            except OrgvizError as exc:
                fail(exc)
            for text in notes:
                note(*note_place(text, "stdout" if target is STDOUT else _named(target, output)))
            if target is not STDOUT:
                name = _named(target, output)
                click.echo(one_line(f"rendered {name} (it was {why})" if hook else name))
    finally:
        if collecting:
            gc.enable()
    keep_until_exit(org)  # the last org drawn (each earlier one was freed for the next)
    if shown:
        from orgviz.report import REPORTERS

        shown = sorted(set(shown))  # (a part two orgs include is reported once)
        # (On stderr when the chart went to stdout: --force draws an org with errors.)
        REPORTERS["text"](shown, len(files), sys.stderr if targets[-1] is STDOUT else sys.stdout,
                          False)
    if hook:
        click.echo(f"{written} diagram{'s' * (written != 1)} re-rendered, {fresh} up to date "
                   f"(source hash matches)")
    sys.exit(EXIT_PROBLEMS if refused or written else EXIT_OK)
