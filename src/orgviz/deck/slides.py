"""What a deck holds, whatever file it becomes: slides with texts, charts, tables, notes."""

from __future__ import annotations

from dataclasses import dataclass

from orgviz.deck.frame import Frame
from orgviz.render.geometry import Box
from orgviz.render.themes import Theme


@dataclass(frozen=True)
class Picture:
    """A chart on a slide: an SVG drawing, placed at `place` (points) on the slide."""

    svg: bytes
    width: float  # SVG units
    height: float
    min_text: float  # its smallest font size, SVG units
    description: str  # alternative text
    links: tuple[tuple[Box, int], ...] = ()  # card box (SVG units) -> slide it leads to

    def scale(self, frame: Frame, min_font: float) -> float:
        """Points per SVG unit it is drawn at on a slide of `frame` (see Frame.fill_scale)."""
        return frame.fill_scale(self.width, self.height, min_font, self.min_text)


@dataclass(frozen=True)
class Reference:
    """The 'reports to' card of a slide: the manager of its top person, on another slide."""

    name: str
    title: str
    slide: int


@dataclass(frozen=True)
class Slide:
    """One slide. `kind` is "title", "section", "chart" or "table"."""

    kind: str
    title: str
    subtitle: str = ""
    picture: Picture | None = None
    table: tuple[tuple[str, ...], ...] = ()  # first row: the header
    notes: str = ""
    footer: str = ""  # left of the slide number
    legend: tuple[tuple[str, str], ...] = ()  # (label, color) of the chart's accents
    legend_note: str = ""  # what the legend's swatches cannot say (paper: grays repeat)
    reports_to: Reference | None = None


@dataclass(frozen=True)
class Deck:
    """The slides and how they look."""

    title: str
    slides: tuple[Slide, ...]
    frame: Frame
    theme: Theme
    min_font: float
    subject: str = ""  # document properties: what the deck shows
