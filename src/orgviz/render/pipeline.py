"""Org -> chart -> layout -> SVG (-> PNG/PDF), or -> DOT: the rendering pipeline."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from orgviz.errors import OrgLoadError, RenderError
from orgviz.orgfiles import STDIN

if TYPE_CHECKING:
    from orgviz.config import Config
    from orgviz.model import Org, Person, Team
    from orgviz.problem import Problem
    from orgviz.render.cards import CardBox, CardText
    from orgviz.render.chart import Chart
    from orgviz.render.engines import Engine
    from orgviz.render.geometry import Geometry
    from orgviz.render.themes import Theme
    from orgviz.render.tidylayout import PageFit

FORMATS = ("svg", "png", "pdf", "dot")
EXTENSIONS = {".svg": "svg", ".png": "png", ".pdf": "pdf", ".dot": "dot", ".gv": "dot"}
ENGINE_CHOICES = ("auto", "system", "embedded")
DIRECTIONS = ("TB", "LR")
#: The narrowest PNG drawn: below it even one card's text is a smudge.
MIN_PNG_WIDTH = 64
#: PNG size in pixels of each --fit preset when no --width is given: A4 at 300 dpi is
#: 2480 x 3508 (210 x 297 mm, each side rounded), a hair off 210:297 (2480 wide at that
#: ratio is 3507.4 high), so the PNG is padded to the pixels' ratio.
FIT_SIZES = {"16:9": (1920, 1080), "4:3": (1600, 1200), "a4": (3508, 2480),
             "a4-portrait": (2480, 3508)}
#: PNG pixels per SVG pixel when no width is asked for: sharp on high-DPI screens.
PNG_SCALE = 2.0
#: The cards' titles (11 px in the SVG) of a PNG of a given width (--fit, --width) drawn
#: less than this many pixels high cannot be read on the slide or screen it is made for.
READABLE_PX = 6.0

class RenderOptionTypeError(RenderError, TypeError):
    """An option of the wrong type (`RenderOptions(timeout="x")`): a RenderError, as a bad
    value is, and a TypeError, as Python's own calls raise for one."""


def verify_timeout(timeout: object) -> float:
    """The seconds Graphviz may take: a positive number, else a RenderError (a
    RenderOptionTypeError for what is no number)."""
    if isinstance(timeout, bool) or not isinstance(timeout, (int, float)):
        raise RenderOptionTypeError(f"timeout must be a number of seconds, not "
                                    f"{timeout!r}")
    if not timeout > 0:
        raise RenderError(f"timeout must be positive, not {timeout}")
    return timeout


#: A layout: (chart, card box, theme, Graphviz engine or None, options) -> Geometry.
Layout = Callable[["Chart", "CardBox", "Theme", "Engine | None", "RenderOptions"], "Geometry"]


def _dot_layout(chart: Chart, box: CardBox, theme: Theme, engine: Engine | None,
                options: RenderOptions) -> Geometry:
    from orgviz.render.dotlayout import layout_dot

    assert engine is not None
    return layout_dot(chart, box, theme, engine, options.timeout, lists=True)[0]


def _tidy_layout(chart: Chart, box: CardBox, theme: Theme, engine: Engine | None,
                 options: RenderOptions) -> Geometry:
    from orgviz.render.tidylayout import layout_tidy

    return layout_tidy(chart, box, options.compact, options.transparent, fit_page(options))[0]


def fit_page(options: RenderOptions) -> PageFit | None:
    """The --fit page `--compact auto` draws a tidy chart for: its shape and the PNG's width
    (--width, else a preset's; None for a W:H PNG, as wide as the drawing needs)."""
    if options.fit is None:
        return None
    from orgviz.render.convert import verify_aspect
    from orgviz.render.tidylayout import PageFit

    ratio_w, ratio_h = verify_aspect(options.fit)
    size = FIT_SIZES.get(options.fit)
    width = options.width if options.width is not None else (size[0] if size else None)
    return PageFit(size[0] / size[1] if size else ratio_w / ratio_h, width)


#: Layouts by name: each turns a chart into a Geometry. A new layout is one more entry.
#: `tidy` needs no Graphviz (linear time, any size); "auto" picks one (see `pick_layout`).
LAYOUTS: dict[str, Layout] = {"dot": _dot_layout, "tidy": _tidy_layout}
LAYOUT_CHOICES = ("auto", *LAYOUTS)
#: Graphviz layouts that need an engine to place the cards.
GRAPHVIZ_LAYOUTS = frozenset({"dot"})


def pick_layout(options: RenderOptions, chart: Chart) -> str:
    """The layout that draws `chart`: the one asked for; "auto" is `tidy` for every chart.

    Measured (docs/rendering.md, benchmarks/bench_scale.py): `tidy` draws each example org
    at most as wide as `dot` (as wide since top-down `dot` lists as `tidy` does: mid-size
    3,432 px, enterprise 8,318; before, 6,728 and 30,264), is faster at every size (no
    Graphviz process; 20,000 positions in about a second instead of over a minute) and needs
    no Graphviz, so there is no size below which `dot` is the better default.
    """
    del chart  # the rule does not depend on the chart (`freshness.engine_identity` counts
    # on "auto" never being `dot`: a diagram's stamp names no engine for it)
    return "tidy" if options.layout == "auto" else options.layout


class RenderOptions(NamedTuple):
    """How to draw: engine, layout, look, view and output size. All fields are optional."""

    engine: str = "auto"  # "auto", "system" or "embedded"
    layout: str = "auto"  # "auto", "tidy" or "dot" (see LAYOUTS and pick_layout)
    theme: str = "light"  # see orgviz.render.themes.THEMES
    color_by: str = "team"  # "team", "level" or "none"
    direction: str = "TB"  # "TB" (top-down) or "LR" (left to right)
    root: str | None = None  # draw only this person's subtree
    team: str | None = None  # draw only this team (and sub-teams) with its chain of command
    depth: int | None = None  # collapse everything deeper than this into rollup cards
    fit: str | None = None  # fit an aspect ratio: "16:9", "4:3", "a4", "a4-portrait", "W:H"
    # (compact "auto" lays a tidy chart out to fill it; the rest is padded)
    width: int | None = None  # PNG width in pixels
    transparent: bool = False  # no background
    font: str | None = None  # a font stack of known families; None keeps the theme's
    timeout: float = 120.0  # seconds Graphviz may take
    compact: str | int = "auto"  # tidy layout: "auto", "off" or rows kept as a tree (>= 1)

    def verified(self, fmt: str | None = None) -> RenderOptions:
        """The options if they are consistent, else a RenderError saying what to change
        (naming the field and its command-line option: `depth (--depth)`). Given the output
        format `fmt`, a width is checked against PNG's limits for PNG only: other formats
        ignore it (one RenderOptions may serve several formats)."""
        from orgviz.render.chart import COLOR_BY
        from orgviz.render.themes import THEMES, verify_font

        checks = (("engine", self.engine, ENGINE_CHOICES),
                  ("layout", self.layout, LAYOUT_CHOICES),
                  ("theme", self.theme, THEMES), ("color_by", self.color_by, COLOR_BY),
                  ("direction", self.direction, DIRECTIONS))
        for name, value, choices in checks:
            if not isinstance(value, str) or value not in choices:
                unknown = RenderError if isinstance(value, str) else RenderOptionTypeError
                raise unknown(unknown_choice(name, value, choices))
        for name, number in (("depth", self.depth), ("width", self.width)):
            if number is not None and (isinstance(number, bool) or not isinstance(number, int)):
                raise RenderOptionTypeError(f"{name} (--{name}) must be a whole number, not "
                                            f"{number!r}")
        for name, given_id in (("root", self.root), ("team", self.team)):
            if given_id is not None and not isinstance(given_id, str):
                raise RenderOptionTypeError(f"{name} (--{name}) must be an id (a string), not "
                                            f"{given_id!r}")
        self._verify_types()
        if self.depth is not None and self.depth < 1:
            raise RenderError(f"depth (--depth) must be at least 1, not {self.depth}")
        width = self.width if fmt in (None, "png") else None  # (PNG's: others ignore it)
        if width is not None and width < MIN_PNG_WIDTH:
            raise RenderError(f"width (--width) must be at least {MIN_PNG_WIDTH} pixels "
                              f"(narrower, no card can be read), not {width}")
        if width is not None:  # (refused before the org is laid out: 40 s at 5,000)
            from orgviz.render.convert import verify_width

            verify_width(width)
        if self.fit is not None:
            from orgviz.render.convert import verify_aspect

            verify_aspect(self.fit)
        verify_timeout(self.timeout)
        if self.font is not None:  # (an unknown family is refused before the org is drawn)
            verify_font(self.font)
        if self.compact != "auto":  # the default needs no check (nor the tidy layout's code)
            from orgviz.render.tidylayout import verify_compact

            compact = verify_compact(self.compact)
            if compact != "auto" and self.layout in GRAPHVIZ_LAYOUTS:
                raise RenderError(f"--compact lists people in the tidy layout: use --layout "
                                  f"tidy (or auto) with it, not --layout {self.layout}")
        return self

    def _verify_types(self) -> None:
        """A RenderOptionTypeError for a fit, font or transparent of the wrong type."""
        if not isinstance(self.transparent, bool):
            raise RenderOptionTypeError(f"transparent must be True or False, not "
                                        f"{self.transparent!r}")
        for name, text, example in (("fit (--fit)", self.fit, "16:9"),
                                    ("font", self.font, "Inter, sans-serif")):  # (no --font)
            if text is not None and not isinstance(text, str):
                raise RenderOptionTypeError(f"{name} must be a string such as {example!r}, "
                                            f"not {text!r}")


def unknown_choice(field: str, value: object, choices: Iterable[str]) -> str:
    """"unknown color_by (--color-by) 'x': use one of team, level, none": an option's
    error names the field and its command-line flag."""
    flag = "--" + field.replace("_", "-")
    return f"unknown {field} ({flag}) {value!r}: use one of {', '.join(choices)}"


def format_for(path: str | os.PathLike[str]) -> str | None:
    """The output format a file name asks for by its extension, or None."""
    return EXTENSIONS.get(Path(path).suffix.lower())


def chart_format(output: str | os.PathLike[str], fmt: str | None, *,
                 format_option: bool = True) -> str:
    """The format of the chart file `output`: its extension's, or `fmt` (--format) when the
    extension names none; RenderError when the two disagree or neither names one.
    `format_option`: whether the command has a --format to suggest."""
    text = os.fspath(output)
    found = format_for(text)
    if found is None:
        if fmt is None:
            raise RenderError(f"cannot tell the format of '{text}' from its extension: use "
                              ".svg, .png, .pdf or .dot" + (", or --format" if format_option
                                                            else ""))
        return fmt
    if fmt is not None and found != fmt:
        raise RenderError(f"'{text}' names a .{Path(text).suffix.lstrip('.').lower()} file "
                          f"but --format is {fmt}: drop one of them")
    return found


class PlacedNote(str):
    """A note about an entry of the org file rather than the output: its text starts with
    where the entry stands ("dup.yaml:6:5: not drawn: ..."); `where` and `text` are the
    two parts, which the command line prints as `orgviz: WHERE: TEXT`."""

    where: str
    text: str

    def __new__(cls, where: str, text: str) -> PlacedNote:
        made = super().__new__(cls, f"{where}: {text}")
        made.where, made.text = where, text
        return made


def note_place(text: str, output: str | os.PathLike[str]) -> tuple[str | os.PathLike[str], str]:
    """Where a note is about and what it says: a PlacedNote's entry of the org file, else
    the `output` written."""
    if isinstance(text, PlacedNote):
        return text.where, text.text
    return output, text


def _described(item: Person | Team) -> str:
    """"'x' (C, Designer)" or "team 'eng' (Design)": an entry as the note names it."""
    from orgviz.model import Team

    if isinstance(item, Team):
        return f"team '{item.id}'" + (f" ({item.name})" if item.name else "")
    shown = [part for part in (item.name or ("open role" if item.vacant else ""), item.title)
             if part]
    return f"'{item.id}'" + (f" ({', '.join(shown)})" if shown else "")


def repeats_note(org: Org) -> PlacedNote | None:
    """The note on the people and teams a chart of `org` leaves out because an earlier entry
    holds their id (the first holder is drawn): the first of them in the file, and how many
    more; None when every id is used once."""
    from orgviz.model import Team, repeats
    from orgviz.rules._common import line_at

    found = [*repeats(org.people, org.by_id), *repeats(org.teams, org.teams_by_id)]
    if not found:
        return None
    found.sort(key=lambda pair: pair[0].loc)
    item, holder = found[0]
    kind, kept = (("team", "which the chart uses") if isinstance(holder, Team)
                  else ("person", "who is drawn"))  # (a team nobody is in shows nowhere)
    elsewhere = "" if holder.loc.file == item.loc.file else f" of {holder.loc.file}"
    more = f", and {len(found) - 1} more" if len(found) > 1 else ""
    return PlacedNote(str(item.loc), f"not drawn: {_described(item)} repeats the id of the "
                      f"{kind} at {line_at(holder.loc)}{elsewhere}, {kept}{more}")


def add_repeats_note(org: Org, notes: list[str] | None) -> None:
    """Append `repeats_note(org)` to `notes` (when there is one and a list to take it)."""
    if notes is None:
        return
    found = repeats_note(org)
    if found is not None:
        notes.append(found)


def _errors(problems: Sequence[Problem]) -> list[Problem]:
    return [p for p in problems if p.level == "error"]


def build(org: Org, options: RenderOptions, problems: Sequence[Problem] = ()) -> tuple[
        Chart, Theme, dict[str, CardText], CardBox]:
    """The chart, theme, card texts and card size for an org."""
    from orgviz.render.cards import card_box, chart_texts
    from orgviz.render.chart import View, build_chart
    from orgviz.render.themes import get_theme

    theme = get_theme(options.theme, options.font)
    view = View(root=options.root, team=options.team, depth=options.depth,
                color_by=options.color_by, direction=options.direction)
    chart = build_chart(org, view, theme, problems)
    texts = chart_texts(chart)
    return chart, theme, texts, card_box(texts)


def _cairo_usable() -> bool:
    try:
        import cairosvg  # noqa: F401
    except (ImportError, OSError):
        return False
    return True


def _can_convert(fmt: str) -> bool:
    """Whether orgviz can draw its SVG as `fmt`: PNG with resvg-py (or cairosvg), PDF with
    cairosvg."""
    if fmt == "png":
        from orgviz.render.convert import _resvg

        if _resvg() is not None:
            return True
    return _cairo_usable()


#: A function that validates the org and returns its problems.
Check = Callable[[], Sequence["Problem"]]


class _Gate:
    """The validation gate of a render: the org's problems, found once."""

    def __init__(self, org: Org, problems: Sequence[Problem] | None, check: Check | None,
                 force: bool) -> None:
        self.org, self.problems, self.check, self.force = org, problems, check, force

    def passes(self) -> Sequence[Problem]:
        """The problems; an OrgLoadError carrying them when one is an error (not `force`)."""
        if self.problems is None:
            if self.check is None:
                from orgviz.validate import validate

                self.problems = validate(self.org)
            else:
                self.problems = self.check()
        if _errors(self.problems) and not self.force:
            raise OrgLoadError(sorted(self.problems))
        return self.problems


def render(org: Org, fmt: str = "svg", options: RenderOptions | None = None, *,
           problems: Sequence[Problem] | None = None, force: bool = False,
           notes: list[str] | None = None, check: Check | None = None) -> bytes:
    """Draw an org chart and return the bytes of an SVG, PNG, PDF or DOT file.

    The org is validated first (or `problems` from an earlier `validate` are used, or
    `check()` gives them): with errors an OrgLoadError carrying them is raised, unless
    `force`, which draws anyway and marks the broken cards and lines. Notes about the
    output (a PNG scaled down to fit, a PDF drawn as an image because cairo cannot draw its
    text) are appended to `notes`, and a PlacedNote on the people and teams left out
    because an earlier entry holds their id (`repeats_note`).

    With `--layout dot` Graphviz starts before validation, which runs (like the rest of
    orgviz's work that needs no layout) while Graphviz works; the outcome is the same.
    """
    from orgviz.model import require_org

    require_org(org, "render")
    check_arguments("render", options, problems=problems, check=check, force=force,
                    notes=notes)
    _check_format("render", fmt, optional=False)
    options = (options or RenderOptions()).verified(fmt)
    if fmt not in FORMATS:
        raise RenderError(f"unknown output format {fmt!r}: use one of {', '.join(FORMATS)}")
    from orgviz.render.labels import measured_for

    with measured_for(fmt):
        data = _render(org, fmt, options, _Gate(org, problems, check, force), force, notes)
    add_repeats_note(org, notes)
    return data


#: The options class of each API function that takes one, and an example of one.
_OPTIONS_EXAMPLES = {"RenderOptions": "theme='dark'", "DeckOptions": "split='manager'"}


def check_arguments(function: str, options: object = None,
                    options_type: type = RenderOptions, *, problems: object = None,
                    check: object = None, force: object = False,
                    notes: object = None) -> None:
    """A TypeError for an argument of `orgviz.<function>` of the wrong type, saying what it
    takes: its options (an `options_type` or None), problems, check, force and notes."""
    from orgviz.model import shown_argument
    from orgviz.problem import Problem

    named = f"orgviz.{function}()'s"
    if options is not None and not isinstance(options, options_type):
        kind = options_type.__name__
        raise TypeError(f"{named} options must be a {kind} (such as orgviz.{kind}("
                        f"{_OPTIONS_EXAMPLES.get(kind, '')})) or None, not "
                        f"{shown_argument(options)}")
    if problems is not None and (isinstance(problems, (str, bytes))
                                 or not isinstance(problems, Sequence)
                                 or not all(isinstance(p, Problem) for p in problems)):
        raise TypeError(f"{named} problems must be a list of Problems (what "
                        f"orgviz.validate(org) returns) or None, not {shown_argument(problems)}")
    if check is not None and not callable(check):
        raise TypeError(f"{named} check must be a function returning the org's problems, or "
                        f"None, not {shown_argument(check)}")
    if not isinstance(force, bool):
        raise TypeError(f"{named} force must be True or False, not {shown_argument(force)}")
    if notes is not None and not isinstance(notes, list):
        raise TypeError(f"{named} notes must be a list (notes are appended to it) or None, "
                        f"not {shown_argument(notes)}")


def _check_format(function: str, fmt: object, optional: bool) -> None:
    """A TypeError for an output format of `orgviz.<function>` that is no string (nor None,
    when `optional`); a string that is no format is a RenderError, said later."""
    if isinstance(fmt, str) or (optional and fmt is None):
        return
    from orgviz.model import shown_argument

    none = " or None" if optional else ""
    raise TypeError(f"orgviz.{function}()'s fmt must be one of {', '.join(FORMATS)} (a str)"
                    f"{none}, not {shown_argument(fmt)}")


def _render(org: Org, fmt: str, options: RenderOptions, gate: _Gate, force: bool,
            notes: list[str] | None) -> bytes:
    """`render` of verified options, its text measured as `fmt` draws it."""
    if _beside_graphviz(fmt, options, force):
        return _render_beside_graphviz(org, fmt, options, gate, notes)
    problems = gate.passes()
    chart, theme, texts, box = build(org, options, problems if force else ())
    layout = pick_layout(options, chart)
    if fmt == "dot":
        return _standalone_dot(chart, box, theme, texts, layout, options).encode("utf-8")

    graphviz_draws = _graphviz_draws(fmt, options)
    engine = None
    if layout in GRAPHVIZ_LAYOUTS or graphviz_draws:
        from orgviz.render.engines import pick_engine

        engine = pick_engine(options.engine)
    if graphviz_draws and engine is not None and fmt in engine.formats:
        # No cairo for cairosvg, but a Graphviz that draws PNG/PDF itself: let it draw the
        # stand-alone DOT (the same layout; Graphviz's own drawing of the cards).
        source = _standalone_dot(chart, box, theme, texts, layout, options)
        if fmt == "png":
            source = source.replace("digraph orgchart {", "digraph orgchart {\n  dpi=144;", 1)
        return engine.render(source, fmt, "dot" if layout == "dot" else "nop2",
                             options.timeout)

    from orgviz.render.svg import draw_svg

    geometry = LAYOUTS[layout](chart, box, theme, engine, options)
    svg = draw_svg(chart, geometry, texts, box, theme, options.transparent,
                   _generator(layout, engine))

    def levels(width: int) -> int | None:
        return _readable_depth(org, options, problems if force else (), width)
    return _finish(svg, fmt, options, theme, notes,
                   readable_depth=levels if layout == "tidy" else _no_depth)


def _title_px(svg: bytes, width: int) -> float:
    """How many pixels high the cards' titles are in a PNG of `svg` `width` px wide."""
    from orgviz.render.cards import TITLE_SIZE
    from orgviz.render.convert import svg_size

    return TITLE_SIZE * width / svg_size(svg)[0]


def _readable_depth(org: Org, options: RenderOptions, problems: Sequence[Problem],
                    width: int) -> int | None:
    """The most levels (--depth) whose tidy chart, fitted as asked, has titles that can be
    read in a PNG `width` px wide; None when not even the top level's can be."""
    from orgviz.render.svg import draw_svg

    found = None
    depth = 1
    while options.depth is None or depth < options.depth:
        view = options._replace(depth=depth)
        chart, theme, texts, box = build(org, view, problems)
        svg = draw_svg(chart, _tidy_layout(chart, box, theme, None, view), texts, box, theme)
        if _title_px(_fitted(svg, _aspect(view, _preset_size(view)), view, theme),
                     width) < READABLE_PX:
            break
        found = depth
        if not any(card.kind == "rollup" for card in chart.cards):
            break  # nothing left to collapse
        depth += 1
    return found


def _small_text_note(svg: bytes, width: int, readable_depth: Callable[[int], int | None]
                     ) -> str | None:
    """What to say of a PNG `width` px wide whose cards' titles are too small to read."""
    px = _title_px(svg, width)
    if px >= READABLE_PX:
        return None
    depth = readable_depth(width)
    fewer = (f"--depth {depth} draws the top {depth} level{'s' if depth > 1 else ''} "
             f"large enough, " if depth is not None else "")
    return (f"at {width:,} px wide the cards' titles are {px:.1f} px high, too small to read: "
            f"{fewer}`orgviz deck` makes one readable slide per part, and SVG and PDF stay "
            f"sharp at any zoom")


def draw_chart(chart: Chart, theme: Theme, fmt: str = "svg",
               options: RenderOptions | None = None, *, purpose: str = "",
               notes: list[str] | None = None) -> bytes:
    """Draw a chart built elsewhere (a diff's highlighted org, say) with the tidy layout, as
    SVG, PNG, PDF or pinned DOT; `purpose` is named in the SVG's generator comment."""
    from orgviz.render.labels import measured_for

    options = (options or RenderOptions()).verified()
    with measured_for(fmt):
        return _draw_chart(chart, theme, fmt, options, purpose, notes)


def _draw_chart(chart: Chart, theme: Theme, fmt: str, options: RenderOptions, purpose: str,
                notes: list[str] | None) -> bytes:
    """`draw_chart` of verified options, its text measured as `fmt` draws it."""
    from orgviz.render.cards import card_box, chart_texts

    texts = chart_texts(chart)
    box = card_box(texts)
    if fmt == "dot":
        return _standalone_dot(chart, box, theme, texts, "tidy", options).encode("utf-8")
    from orgviz.render.svg import draw_svg

    geometry = _tidy_layout(chart, box, theme, None, options)
    svg = draw_svg(chart, geometry, texts, box, theme, options.transparent,
                   _generator("tidy", None, purpose))
    return _finish(svg, fmt, options, theme, notes, wider=None)  # (no --width to suggest)


def _graphviz_draws(fmt: str, options: RenderOptions) -> bool:
    """Whether Graphviz draws the PNG or PDF itself (nothing here converts SVG to `fmt`)."""
    return fmt in ("png", "pdf") and not _can_convert(fmt) \
        and options.fit is None and options.width is None


def graphviz_request(fmt: str, options: RenderOptions) -> tuple[str, str] | None:
    """The (layout, output format) that rendering `fmt` will ask Graphviz for, when that is
    known before the org is: `dot -Tplain` for the `dot` layout drawn by orgviz."""
    if fmt != "dot" and options.layout in GRAPHVIZ_LAYOUTS and not _graphviz_draws(fmt, options):
        return options.layout, "plain"
    return None


def _beside_graphviz(fmt: str, options: RenderOptions, force: bool) -> bool:
    """Whether the render lays out with a Graphviz that can work beside orgviz: the `dot`
    layout, drawn by orgviz, of a chart that does not show validation errors."""
    return (not force and fmt != "dot" and options.layout in GRAPHVIZ_LAYOUTS
            and LAYOUTS.get(options.layout) is _dot_layout
            and not _graphviz_draws(fmt, options))


def _render_beside_graphviz(org: Org, fmt: str, options: RenderOptions, gate: _Gate,
                            notes: list[str] | None) -> bytes:
    """The `dot` layout with Graphviz started as soon as its input exists: validation, the
    SVG code and the cards' SVG fragments are done while it works.

    Errors come as when validating first: validation errors win over any failure before
    Graphviz starts; on any error Graphviz is stopped before it is reported.
    """
    from orgviz.render.dotlayout import finish_dot, start_dot
    from orgviz.render.engines import pick_engine

    try:
        chart, theme, texts, box = build(org, options)
        engine = pick_engine(options.engine)
        plan, job = start_dot(chart, box, theme, engine, options.timeout, lists=True)
    except Exception:
        gate.passes()  # a broken org is reported as such, whatever else went wrong
        raise
    with job:
        gate.passes()
        from orgviz.render.svg import draw_svg, prepare_cards

        prepared = prepare_cards(chart, texts, box, theme)
        generator = _generator("dot", engine)
        geometry = finish_dot(chart, plan, job)
    svg = draw_svg(chart, geometry, texts, box, theme, options.transparent, generator,
                   prepared=prepared)
    return _finish(svg, fmt, options, theme, notes, readable_depth=_no_depth)


def _no_depth(width: int) -> None:
    """No --depth to suggest (the search for one lays out with tidy)."""
    del width


def _generator(layout: str, engine: Engine | None, purpose: str = "") -> str:
    """The SVG comment naming orgviz, the layout and the Graphviz that placed the cards."""
    from orgviz import __version__

    generator = f"Generated by orgviz {__version__} ({purpose}{', ' if purpose else ''}" \
        f"layout {layout}"
    if engine is not None:
        generator += f", Graphviz {engine.version()}, {engine.name} engine"
    return generator + ")"


def _preset_size(options: RenderOptions) -> tuple[int, int] | None:
    """The pixel size of a PNG drawn at a --fit preset's own size (no --width), else None."""
    return FIT_SIZES.get(options.fit or "") if options.width is None else None


def _aspect(options: RenderOptions, size: tuple[int, int] | None) -> str | None:
    """The aspect ratio to pad to: `size`'s pixels' ("2480:3508") where given, else --fit's."""
    return options.fit if size is None else f"{size[0]}:{size[1]}"


def _fitted(svg: bytes, aspect: str | None, options: RenderOptions, theme: Theme) -> bytes:
    """The SVG padded to the `aspect` ratio (as it is for None)."""
    if aspect is None:
        return svg
    from orgviz.render.convert import fit_svg

    return fit_svg(svg, aspect, None if options.transparent else theme.background)


def _finish(svg: bytes, fmt: str, options: RenderOptions, theme: Theme,
            notes: list[str] | None, wider: str | None = "--width PX draws it wider", *,
            readable_depth: Callable[[int], int | None] | None = None) -> bytes:
    """The SVG fitted to `--fit`, as SVG, PDF or PNG. Given `readable_depth`, a PNG for a
    slide or page (--fit) whose cards' titles are too small to read gets a note, which names
    the most levels `readable_depth(width)` finds readable (None: names none)."""
    size = _preset_size(options) if fmt == "png" else None
    svg = _fitted(svg, _aspect(options, size), options, theme)
    if fmt == "svg":
        return svg
    from orgviz.render.convert import PNG_PIXEL_BUDGET, svg_to_pdf, svg_to_png

    if fmt == "pdf":
        return svg_to_pdf(svg, notes=notes)
    width = options.width if size is None else size[0]
    if options.fit is not None and width is not None and notes is not None \
            and readable_depth is not None:
        note = _small_text_note(svg, width, readable_depth)
        if note is not None:
            notes.append(note)
    return svg_to_png(svg, width=width, scale=PNG_SCALE, notes=notes, budget=PNG_PIXEL_BUDGET,
                      wider=wider)


def _standalone_dot(chart: Chart, box: CardBox, theme: Theme, texts: dict[str, CardText],
                    layout: str, options: RenderOptions) -> str:
    """The stand-alone DOT of a chart: Graphviz lays out the `dot` layout's graph itself; a
    tidy layout comes with every position pinned (draw it with `neato -n2`)."""
    if layout == "dot":
        from orgviz.render.dot import write_dot

        return write_dot(chart, box, theme, texts).source
    from orgviz.render.tidylayout import layout_tidy, pinned_dot

    geometry, ends = layout_tidy(chart, box, options.compact, options.transparent)
    return pinned_dot(chart, geometry, ends, texts, box, theme)


class Rendered(NamedTuple):
    """One file written by `render_file`."""

    path: Path
    fmt: str
    size: int
    notes: tuple[str, ...] = ()


def render_file(source: str | os.PathLike[str], output: str | os.PathLike[str] | None = None,
                options: RenderOptions | None = None, *, fmt: str | None = None,
                config: Config | None = None, force: bool = False) -> Rendered:
    """Load, validate and draw one org file, and write the result atomically.

    `output` is a file (its extension picks the format unless `fmt` is given) or a folder
    (ending in "/" or existing); by default `output/<name>.svg` in the current folder.
    Raises OrgLoadError (with the problems) when the org has errors and not `force`.
    """
    from orgviz.io.files import write_file
    from orgviz.loader import load
    from orgviz.model import check_path
    from orgviz.validate import require_config, validate

    check_arguments("render_file", options, force=force)
    check_path("render_file", "source", source, "an org file's path (or '-': stdin)")
    check_path("render_file", "output", output, "a file or folder path", optional=True)
    _check_format("render_file", fmt, optional=True)
    require_config(config, "render_file")
    # (before the file is read; the format as far as known: a width is PNG's)
    known = fmt or (format_for(output) if output is not None else "svg")
    options = (options or RenderOptions()).verified(known)
    if fmt is not None and fmt not in FORMATS:
        raise RenderError(f"unknown output format {fmt!r}: use one of {', '.join(FORMATS)}")
    target = output_path(source, output, fmt)
    fmt = fmt or format_for(target) or "svg"
    org = load(source)
    notes: list[str] = []
    data = render(org, fmt, options, force=force, notes=notes,
                  check=lambda: validate(org, config))
    write_file(target, data, make_folders=True)  # (-o output/ makes the folder)
    return Rendered(target, fmt, len(data), tuple(notes))


def output_path(source: str | os.PathLike[str], output: str | os.PathLike[str] | None,
                fmt: str | None) -> Path:
    """Where the chart of `source` goes: see `render_file`."""
    stem = "stdin" if os.fspath(source) == STDIN else Path(source).stem
    if output is None:
        return Path("output") / f"{stem}.{fmt or 'svg'}"
    text = os.fspath(output)
    if text.endswith(("/", os.sep)) or os.path.isdir(text):  # (isdir: False on a too-long name)
        return Path(text) / f"{stem}.{fmt or 'svg'}"
    chart_format(text, fmt)
    return Path(text)

