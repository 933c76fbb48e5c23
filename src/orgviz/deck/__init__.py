"""Slide decks of org charts: PowerPoint (.pptx) and PDF, one readable slide per part.

```
build.py       orgs -> Deck: title, comparison, per org an overview and chart slides
plan.py        the split: which people each chart slide shows, readable at --min-font
panels.py      sparse slides merged: folded into the slide above, or siblings side by side
draw.py        one part drawn (chart hooks of render/chart.py, dot layout, SVG)
frame.py       slide geometry and the readability rule
slides.py      Deck, Slide, Picture: what any output format draws
notes.py       speaker notes and slide texts
powerpoint.py  Deck -> .pptx (templates, SVG pictures with PNG fallback, links, notes)
pages.py       Slide -> SVG page;  pdf.py  Deck -> multi-page PDF
```
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, cast

if TYPE_CHECKING:
    from orgviz.config import Config
    from orgviz.deck.build import DeckOptions
    from orgviz.model import Org
    from orgviz.problem import Problem

__all__ = ["FORMATS", "DeckOptions", "WrittenDeck", "deck_bytes", "format_of", "write_deck"]

#: Output formats by file extension.
FORMATS = {".pptx": "pptx", ".pdf": "pdf"}


def __getattr__(name: str) -> object:
    if name == "DeckOptions":
        from orgviz.deck.build import DeckOptions

        return DeckOptions
    raise AttributeError(name)


@dataclass(frozen=True)
class WrittenDeck:
    """A deck written by `write_deck`."""

    path: Path
    fmt: str
    slides: int
    size: int
    problems: tuple[Problem, ...] = ()  # errors drawn anyway (force) and warnings
    notes: tuple[str, ...] = ()  # about the output: PDF pages drawn as images; entries left
    # out for a repeated id (PlacedNote, see orgviz.render.pipeline.repeats_note)


def format_of(path: str | os.PathLike[str]) -> str:
    """"pptx" or "pdf" from a file name, else a DeckError saying what to use."""
    from orgviz.deck.plan import DeckError

    fmt = FORMATS.get(Path(path).suffix.lower())
    if fmt is None:
        raise DeckError(f"cannot tell the deck format of '{os.fspath(path)}': name it "
                        f".pptx (PowerPoint) or .pdf")
    return fmt


def deck_bytes(orgs: Sequence[tuple[Org, Sequence[Problem]]], fmt: str = "pptx",
               options: DeckOptions | None = None,
               template: str | os.PathLike[str] | None = None, *,
               notes: list[str] | None = None, force: bool = False) -> tuple[bytes, int]:
    """The bytes of a deck of `orgs` (each with the problems to mark, or ()) and its
    number of slides. `template` (a .pptx) gives PowerPoint decks their master and layouts.
    Notes about the output (PDF pages drawn as images) are appended to `notes`, and for each
    org that repeats a person's or team's id a PlacedNote on the entries left out
    (`orgviz.render.pipeline.repeats_note`). An org that did not load whole (a broken or
    missing included file) is refused with an OrgLoadError of its load errors, as
    `write_deck` refuses it, unless `force`."""
    from orgviz.deck.build import DeckOptions, DeckTypeError
    from orgviz.deck.plan import DeckError
    from orgviz.model import check_path
    from orgviz.render.pipeline import add_repeats_note, check_arguments

    check_arguments("deck_bytes", options, DeckOptions, force=force, notes=notes)
    check_path("deck_bytes", "template", template, _TEMPLATE, optional=True,
               error=DeckTypeError)
    _check_orgs(orgs)
    if not force:
        _require_loaded(orgs)
    if fmt not in FORMATS.values():
        unknown = DeckError if isinstance(fmt, str) else DeckTypeError
        raise unknown(f"unknown deck format {fmt!r}: use pptx or pdf")
    data, slides = _deck_file(orgs, fmt, options, template, notes)
    for org, _ in orgs:
        add_repeats_note(org, notes)
    return data, slides


def _deck_file(orgs: Sequence[tuple[Org, Sequence[Problem]]], fmt: str,
               options: DeckOptions | None, template: str | os.PathLike[str] | None,
               notes: list[str] | None) -> tuple[bytes, int]:
    """`deck_bytes` of checked arguments: the deck's bytes and its number of slides."""
    from orgviz.deck.build import build_deck
    from orgviz.deck.plan import DeckError

    if fmt == "pdf":
        if template is not None:
            raise DeckError("template (--template) applies to PowerPoint decks: write "
                            ".pptx, or leave out the template for a PDF")
        from orgviz.deck.pdf import deck_pdf
        from orgviz.render.labels import measured_for

        with measured_for("pdf"):  # (its text as drawn here: see render.labels)
            deck = build_deck(orgs, options)
            return deck_pdf(deck, notes), len(deck.slides)
    from orgviz.deck.powerpoint import deck_pptx, open_template, template_frame

    prs = open_template(template) if template is not None else None
    deck = build_deck(orgs, options, template_frame(prs) if prs is not None else None)
    return deck_pptx(deck, prs), len(deck.slides)


def _check_orgs(orgs: object) -> None:
    """A DeckTypeError unless `orgs` is a list of (org, problems) pairs, as deck_bytes
    takes."""
    from orgviz.deck.build import DeckTypeError
    from orgviz.model import Org

    if isinstance(orgs, (str, bytes, Org)) or not isinstance(orgs, Sequence):
        raise DeckTypeError(f"deck_bytes takes a list of (org, problems) pairs, such as "
                            f"[(org, ())], not {type(orgs).__name__}")
    for item in orgs:
        if (not isinstance(item, (tuple, list)) or len(item) != 2
                or not isinstance(item[0], Org) or isinstance(item[1], (str, bytes))
                or not isinstance(item[1], Sequence)):
            raise DeckTypeError(f"deck_bytes takes (org, problems) pairs, such as "
                                f"[(org, ())], not {_kinds(item)}")


def _require_loaded(orgs: Sequence[tuple[Org, Sequence[Problem]]]) -> None:
    """An OrgLoadError of the load errors of the orgs that did not load whole (a broken or
    missing included file): their decks would leave people out and say nothing."""
    from orgviz.errors import OrgLoadError

    broken = [problem for org, _ in orgs for problem in org.load_problems
              if problem.level == "error"]
    if broken:
        raise OrgLoadError(sorted(broken))


def _kinds(item: object) -> str:
    """What an item given for an (org, problems) pair holds, by type: "Org", "(Org, str)"."""
    if isinstance(item, (tuple, list)):
        names = [type(value).__name__ for value in item]
        return f"({', '.join(names)}{',' if len(names) == 1 else ''})"
    return type(item).__name__


#: What a template argument is.
_TEMPLATE = "a .pptx file's path"


def _source_list(sources: object, output: object,
                 template: object) -> list[str | os.PathLike[str]]:
    """write_deck's sources as a list (one path alone: a list of it); a DeckTypeError for
    sources, output or template of the wrong type."""
    from orgviz.deck.build import DeckTypeError
    from orgviz.model import check_path, shown_argument

    what = "an org file's path or a list of them"
    if isinstance(sources, (str, os.PathLike)):  # one file, not the characters of its path
        listed: list[object] = [sources]
    elif isinstance(sources, Iterable) and not isinstance(sources, bytes):
        listed = list(sources)
    else:
        raise DeckTypeError(f"orgviz.write_deck()'s sources must be {what} (a str or "
                            f"os.PathLike), not {shown_argument(sources)}")
    for source in listed:
        if not isinstance(source, (str, os.PathLike)):
            raise DeckTypeError(f"orgviz.write_deck()'s sources must be {what} (a str or "
                                f"os.PathLike each), not a list holding "
                                f"{shown_argument(source)}")
    check_path("write_deck", "output", output, "a .pptx or .pdf file's path",
               error=DeckTypeError)
    check_path("write_deck", "template", template, _TEMPLATE, optional=True,
               error=DeckTypeError)
    return cast("list[str | os.PathLike[str]]", listed)


def write_deck(sources: Sequence[str | os.PathLike[str]] | str | os.PathLike[str],
               output: str | os.PathLike[str], options: DeckOptions | None = None, *,
               template: str | os.PathLike[str] | None = None, config: Config | None = None,
               force: bool = False) -> WrittenDeck:
    """Load and validate org files and write their deck (format from `output`'s extension).

    `sources`: a list of org files (several make a comparison deck; each file once), or one
    file's path alone. Raises OrgLoadError (with every file's problems) when an org has
    errors and not `force`; with `force` the broken cards and lines are marked.
    """
    from orgviz.deck.build import DeckOptions
    from orgviz.errors import OrgLoadError
    from orgviz.io.files import write_file
    from orgviz.loader import read_org as load  # (an unreadable file: OrgFileError)
    from orgviz.orgfiles import given_twice
    from orgviz.render.pipeline import check_arguments
    from orgviz.validate import require_config, validate

    check_arguments("write_deck", options, DeckOptions, force=force)
    listed = _source_list(sources, output, template)
    require_config(config, "write_deck")
    (options or DeckOptions()).verified()  # (a bad option is said before any file is read)
    twice = given_twice([os.fspath(source) for source in listed])
    if twice is not None:  # (a comparison of an org with itself, as the CLI refuses)
        raise twice
    fmt = format_of(output)
    orgs = []
    found: list[Problem] = []
    refused = False
    for source in listed:
        org = load(source)
        problems = validate(org, config)
        found.extend(problems)
        refused = refused or (any(p.level == "error" for p in problems) and not force)
        orgs.append((org, problems if force else ()))
    if refused:
        raise OrgLoadError(sorted(found))
    notes: list[str] = []
    data, slides = deck_bytes(orgs, fmt, options, template, notes=notes, force=force)
    target = Path(output)
    write_file(target, data, make_folders=True)
    return WrittenDeck(target, fmt, slides, len(data), tuple(sorted(found)), tuple(notes))
