"""`orgviz deck`: write a PowerPoint or PDF deck of org charts, one readable slide per part."""

from __future__ import annotations

import gc
import sys

import click

from orgviz.cli.common import (
    ENGINE_HELP,
    EXIT_OK,
    EXIT_PROBLEMS,
    FilePath,
    fail,
    nameless_output,
    note,
    org_files,
    org_paths,
    refuse_given_twice,
    refuse_to_overwrite,
)
from orgviz.errors import OrgLoadError, OrgvizError
from orgviz.problem import one_line

# Kept literal so that `--help` does not import the rendering code.
SPLITS = ("team", "manager", "depth")
ENGINES = ("auto", "system", "embedded")
LAYOUTS = ("tidy", "dot")
THEMES = ("light", "dark", "print", "high-contrast")
COLOR_BY = ("team", "level", "none")


@click.command("deck",
               short_help="Write a PowerPoint or PDF deck of org charts, a slide per part.")
@click.argument("files", nargs=-1, required=True, type=org_paths())
@click.option("-o", "--output", type=FilePath("output"), required=True,
              help="The deck to write: deck.pptx (PowerPoint) or deck.pdf.")
@click.option("--split", type=click.Choice(SPLITS), default="team", show_default=True,
              help="One slide per team, per manager (with direct reports) or per --depth "
                   "levels; parts too big to read are split further.")
@click.option("--depth", type=click.IntRange(min=2), default=3, show_default=True,
              metavar="N", help="Levels of people per slide with --split depth.")
@click.option("--min-font", type=click.FloatRange(min=4, max=40), default=9.0,
              show_default=True, metavar="PT",
              help="No chart text smaller than this on a slide (points).")
@click.option("--template", type=FilePath(),
              help="A PowerPoint file whose master and layouts the deck uses (.pptx only).")
@click.option("--theme", type=click.Choice(THEMES), default="light", show_default=True,
              help="Chart colors (and slide colors without --template).")
@click.option("--color-by", type=click.Choice(COLOR_BY), default="team", show_default=True,
              help="What the card accent color shows.")
@click.option("--title", metavar="TEXT",
              help="Title of the title slide (default: the org's name; several orgs: their "
                   "names).")
@click.option("--date", metavar="TEXT",
              help="Date shown on the slides (default: each org's own `date`, from its "
                   "`org:` header).")
@click.option("--layout", type=click.Choice(LAYOUTS), default="tidy", show_default=True,
              help="tidy: orgviz's own layout (no Graphviz); dot: Graphviz.")
@click.option("--engine", type=click.Choice(ENGINES), default="auto", show_default=True,
              help=f"Graphviz to use with --layout dot: {ENGINE_HELP}")
@click.option("--merge/--no-merge", default=True, show_default=True,
              help="Merge sparse slides: a small team back onto its manager's slide, sibling "
                   "teams side by side. --no-merge: one slide per part.")
@click.option("--force", is_flag=True,
              help="Draw orgs with validation errors, marking the broken cards and lines.")
@click.option("--config", "config_path", type=FilePath(),
              help="Config file (default: .orgviz.yaml or pyproject.toml [tool.orgviz]).")
def command(files: tuple[str, ...], output: str, split: str, depth: int, min_font: float,
            template: str | None, theme: str, color_by: str, title: str | None,
            date: str | None, layout: str, engine: str, merge: bool, force: bool,
            config_path: str | None) -> None:
    """Write a slide deck of org FILES: a title slide, an overview, then one slide per part.

    Several files (a folder: its org files) make one deck with a comparison table and a
    section per org. Every chart is fitted to its slide with no text smaller than
    --min-font: a part that would need smaller text is split, and the cut is marked with
    cards that name the slides where the team continues and where its manager is.

    Files with validation errors are not drawn: their problems are printed as by
    `orgviz validate` and the exit status is 1 (use --force to draw them anyway).
    Exit 2 on usage, Graphviz or file errors.
    """
    # The slides' document objects (python-pptx) form reference cycles: the cyclic garbage
    # collector, off in the orgviz program (cli.run), frees them while the deck is built
    # (~35 MB less at the peak for the enterprise example; a deck takes seconds anyway).
    gc.enable()
    from orgviz.config import load_config
    from orgviz.deck import FORMATS, format_of, write_deck
    from orgviz.deck.build import DeckOptions
    from orgviz.render.pipeline import note_place
    from orgviz.report import REPORTERS

    files = org_files(files)
    refuse_given_twice(files)  # (a comparison of an org with itself, as render refuses)
    options = DeckOptions(split=split, depth=depth, min_font=min_font, theme=theme,
                          color_by=color_by, layout=layout, engine=engine, title=title,
                          date=date, merge=merge)
    try:
        options.verified()
        _refuse_depth_without_split(split)
        nameless = nameless_output(output, FORMATS, "deck")
        if nameless is not None:
            raise nameless
        fmt = format_of(output)
        if template is not None and fmt != "pptx":
            raise OrgvizError("--template applies to PowerPoint decks: write .pptx, or leave "
                              "out --template for a PDF")
        refuse_to_overwrite(output, (*files, template), config_path)  # (-o template.pptx)
        config = load_config(config_path)
        written = write_deck(files, output, options, template=template, config=config,
                             force=force)
    except OrgLoadError as exc:
        REPORTERS["text"](exc.problems, len(files), sys.stdout, False)
        sys.exit(EXIT_PROBLEMS)
    except OrgvizError as exc:
        fail(exc)
    errors = [p for p in written.problems if p.level == "error"]
    if errors:  # --force: drawn anyway, but say what is wrong
        REPORTERS["text"](errors, len(files), sys.stdout, False)
    for text in written.notes:
        note(*note_place(text, written.path))
    click.echo(one_line(f"{written.path} ({written.slides} slides)"))
    sys.exit(EXIT_OK)


def _refuse_depth_without_split(split: str) -> None:
    """An OrgvizError for a --depth given with another --split, which ignores it (as render
    refuses --compact with --layout dot)."""
    from click.core import ParameterSource

    given = click.get_current_context().get_parameter_source("depth")
    if split != "depth" and given not in (None, ParameterSource.DEFAULT):
        raise OrgvizError(f"--depth sets the levels per slide of --split depth: use --split "
                          f"depth with it, not --split {split}")
