"""Slide geometry and the readability rule: where a chart goes and how small it may be drawn.

All lengths are points (1/72 inch). A chart drawn in SVG user units is placed at a scale
in points per unit; its smallest text then measures `smallest text size x scale` points on
the slide, and that must be at least the minimum font size (9 pt by default).
"""

from __future__ import annotations

from dataclasses import dataclass

from orgviz.render.cards import NAME_SIZE

#: 13.333 x 7.5 inches, PowerPoint's 16:9 "Widescreen".
SLIDE_16_9 = (960.0, 540.0)
EMU_PER_PT = 12_700
#: Pixels per point of the PNG fallback: 3840 px across a 960 pt slide (crisp on 4K).
PNG_PX_PER_PT = 4.0
#: Slides are planned at no more than this many points per SVG unit (unless the minimum
#: font needs more): how much a slide holds is judged with cards at about the same size.
MAX_SCALE = 1.0
MIN_FONT = 9.0
#: A chart that does not fill its slide at MAX_SCALE is drawn larger, until it fills the
#: chart area or its largest text (a card's name, NAME_SIZE units) reaches this many points:
#: three quarters of the slide's title, so a small team's names still read as cards under it.
MAX_CARD_TEXT = 18.0


@dataclass(frozen=True)
class Rect:
    """A rectangle on a slide, in points from the top left corner."""

    x: float
    y: float
    w: float
    h: float

    @property
    def bottom(self) -> float:
        return self.y + self.h

    @property
    def right(self) -> float:
        return self.x + self.w


@dataclass(frozen=True)
class Frame:
    """Where the parts of a chart slide go."""

    width: float
    height: float
    title: Rect
    subtitle: Rect
    chart: Rect
    footer: Rect

    def scale(self, width: float, height: float, min_font: float = MIN_FONT,
              min_text: float = 1.0) -> float:
        """Points per SVG unit of a chart `width` x `height` units fitted to the chart area.

        Never more than MAX_SCALE, except when the minimum font needs more (then the
        chart is drawn with its smallest text exactly at `min_font`, if it fits at all).
        """
        cap = max(MAX_SCALE, min_font / min_text) if min_text > 0 else MAX_SCALE
        return min(self.chart.w / width, self.chart.h / height, cap)

    def fill_scale(self, width: float, height: float, min_font: float = MIN_FONT,
                   min_text: float = 1.0) -> float:
        """Points per SVG unit the chart is drawn at on the slide: as large as the chart area
        allows, up to its largest text at MAX_CARD_TEXT points; never less than `scale`."""
        grown = min(self.chart.w / width, self.chart.h / height, MAX_CARD_TEXT / NAME_SIZE)
        return max(self.scale(width, height, min_font, min_text), grown)

    def readable(self, width: float, height: float, min_text: float,
                 min_font: float = MIN_FONT) -> bool:
        """Whether the chart's smallest text stays at or above `min_font` once fitted."""
        return min_text * self.scale(width, height, min_font, min_text) >= min_font - 1e-6

    def placed(self, width: float, height: float, min_font: float = MIN_FONT,
               min_text: float = 1.0) -> Rect:
        """The chart's rectangle on the slide: fitted (`fill_scale`), centered across, from
        the top."""
        scale = self.fill_scale(width, height, min_font, min_text)
        w, h = width * scale, height * scale
        return Rect(self.chart.x + (self.chart.w - w) / 2, self.chart.y, w, h)


def cover(frame: Frame) -> tuple[Rect, Rect, Rect]:
    """The title slide's accent bar, title and subtitle rectangles."""
    x = 2 * frame.title.x
    w = frame.width - 2 * x
    bar = Rect(x, round(frame.height * 0.3, 2), 64.0, 5.0)
    title = Rect(x, bar.bottom + 14.0, w, 96.0)
    subtitle = Rect(x, title.bottom + 6.0, w, 90.0)
    return bar, title, subtitle


def default_frame(width: float = SLIDE_16_9[0], height: float = SLIDE_16_9[1]) -> Frame:
    """orgviz's own slide: title and subtitle at the top, a footer line, the chart between."""
    side = round(width * 0.025, 2)  # 24 pt on a 16:9 slide
    title = Rect(side, 10.0, width - 2 * side, 32.0)
    subtitle = Rect(side, title.bottom, width - 2 * side, 18.0)
    footer = Rect(side, height - 20.0, width - 2 * side, 14.0)
    top = subtitle.bottom + 4.0
    # 452 pt on a 16:9 slide: four rows of cards at the smallest readable scale.
    chart = Rect(side, top, width - 2 * side, footer.y - 4.0 - top)
    return Frame(width, height, title, subtitle, chart, footer)


def replace_chart(frame: Frame, chart: Rect) -> Frame:
    """The frame with another chart area."""
    return Frame(frame.width, frame.height, frame.title, frame.subtitle, chart, frame.footer)
