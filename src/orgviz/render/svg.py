"""Draw a laid-out chart as SVG: header and legend, level rows, connectors, cards.

Plain SVG 1.1 with presentation attributes only: no script, no style sheet, no links, no
external references. Every text is escaped here and nowhere else.
"""

from __future__ import annotations

import bisect
import math
from typing import NamedTuple

from orgviz.render.cards import (
    NAME_SIZE,
    NOTE_MARK,
    PILE,
    TEAM_SIZE,
    TITLE_SIZE,
    CardBox,
    CardText,
)
from orgviz.render.chart import Card, Chart
from orgviz.render.geometry import Box, Connector, Geometry, Point
from orgviz.render.labels import ellipsize, in_reading_order, text_width, wrap, xml_escape
from orgviz.render.themes import Theme, accent, open_accent

MARGIN = 28.0
#: The key's entry for the cards' dotted-line notes (cards.dotted_note), the same on every
#: chart: a chart of part of an org notes lines to people it does not show, drawn nowhere.
NOTE_KEY = ("card note: dotted lines to or from others (drawn only between cards shown, "
            "where short and clear)")
AXIS_WIDTH = 118.0  # the level-label column left of a top-down chart
AXIS_HEIGHT = 30.0  # the level-label row above a left-to-right chart
TITLE_SIZE_PX, SUBTITLE_SIZE, LEGEND_SIZE = 22.0, 12.5, 11.0
LEGEND_LINE = 19.0
MIN_WIDTH = 560.0
RADIUS = 7.0  # card corner radius
BAND_GAP = 2.0  # between the segments of a split accent band
CORNER = 6.0  # connector corner radius
BROKEN_HALO = 5.4  # the background line under a broken one (--force), parting it from others
BAND_PAD = 10.0  # a level row's band past its cards: above, below and at its far end


_NUMBERS: dict[float, str] = {}  # _n's answers: charts repeat the same coordinates a lot
_ATTR_NAMES: dict[str, str] = {}  # keyword -> attribute name (stroke_width -> stroke-width)
# the attributes of a <text> after x and y, by (size, fill, anchor, bold, italic, spacing)
_TEXT_STYLES: dict[tuple[float, str, str, bool, bool, float | None], str] = {}


def _n(value: float) -> str:
    """A coordinate with at most two decimals, stable across platforms."""
    text = _NUMBERS.get(value)
    if text is not None:
        return text
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    text = "0" if text in ("-0", "") else text
    if len(_NUMBERS) < 200_000:
        _NUMBERS[value] = text
    return text


def _attrs(**values: str | float | None) -> str:
    parts = []
    names = _ATTR_NAMES
    for key, value in values.items():
        if value is None:
            continue
        name = names.get(key)
        if name is None:
            name = names[key] = key.rstrip("_").replace("_", "-")
        text = _n(value) if isinstance(value, float) else xml_escape(str(value))
        parts.append(f'{name}="{text}"')
    return " ".join(parts)


def _el(tag: str, **values: str | float | None) -> str:
    """An empty SVG element with attributes."""
    return f"<{tag} {_attrs(**values)}/>"


def _text_style(size: float, fill: str, anchor: str = "middle", bold: bool = False,
                italic: bool = False, spacing: float | None = None) -> str:
    """Everything of a <text> start tag after its y attribute, with the closing ">"."""
    key = (size, fill, anchor, bold, italic, spacing)
    style = _TEXT_STYLES.get(key)
    if style is None:
        extra = (' font-weight="bold"' if bold else "") + (
            ' font-style="italic"' if italic else "")
        if spacing is not None:
            extra += f' letter-spacing="{_n(spacing)}"'
        style = f' font-size="{_n(size)}" fill="{fill}" text-anchor="{anchor}"{extra}>'
        if len(_TEXT_STYLES) < 10_000:
            _TEXT_STYLES[key] = style
    return style


def _text(x: float, y: float, content: str, size: float, fill: str, *, anchor: str = "middle",
          bold: bool = False, italic: bool = False, spacing: float | None = None) -> str:
    return (f'<text x="{_n(x)}" y="{_n(y)}"'
            f'{_text_style(size, fill, anchor, bold, italic, spacing)}'
            f'{xml_escape(in_reading_order(content))}</text>')


def rounded_path(points: tuple[Point, ...], radius: float = CORNER) -> str:
    """An SVG path through axis-parallel points, with rounded corners."""
    if len(points) < 2:
        return ""
    n, hypot = _n, math.hypot
    ax, ay = points[0]
    parts = [f"M{n(ax)} {n(ay)}"]
    bx, by = points[1]
    for cx, cy in points[2:]:  # a corner at (bx, by) between (ax, ay) and (cx, cy)
        in_len, out_len = hypot(bx - ax, by - ay), hypot(cx - bx, cy - by)
        r = min(radius, in_len / 2, out_len / 2)
        if r < 0.5:
            parts.append(f"L{n(bx)} {n(by)}")
        else:
            parts.append(f"L{n(bx - (bx - ax) / in_len * r)} {n(by - (by - ay) / in_len * r)}"
                         f"Q{n(bx)} {n(by)} {n(bx + (cx - bx) / out_len * r)} "
                         f"{n(by + (cy - by) / out_len * r)}")
        ax, ay, bx, by = bx, by, cx, cy
    parts.append(f"L{n(points[-1][0])} {n(points[-1][1])}")
    return "".join(parts)


def curve_path(points: tuple[Point, ...]) -> str:
    """An SVG path through cubic Bézier control points p0 c1 c2 p1 ..."""
    parts = [f"M{_n(points[0][0])} {_n(points[0][1])}"]
    for i in range(1, len(points) - 2, 3):
        (x1, y1), (x2, y2), (x3, y3) = points[i], points[i + 1], points[i + 2]
        parts.append(f"C{_n(x1)} {_n(y1)} {_n(x2)} {_n(y2)} {_n(x3)} {_n(y3)}")
    return "".join(parts)


def band_halves(geometry: Geometry, box: CardBox) -> dict[int, float]:
    """Half the depth of each level row's band: half its tallest card, and BAND_PAD."""
    card = box.height if geometry.direction != "LR" else box.width
    return {row: geometry.row_size(row, card) / 2 + BAND_PAD for row in geometry.rows}


def rows_with_strays(chart: Chart, geometry: Geometry, halves: dict[int, float]) -> set[int]:
    """The level rows whose band holds the middle of more cards of other levels than of
    its own (stacked reports that reach down into the rows below, the further columns of
    a block left to right): their label would name what most of their cards are not, so
    they get none. A stack passing through a row of its own cards leaves it labelled."""
    ax = 1 if geometry.direction != "LR" else 0
    centers = sorted((center, row) for row, center in geometry.rows.items())
    mids = [center for center, _ in centers]
    widest = max(halves.values(), default=0.0)
    own: dict[int, int] = {}
    others: dict[int, int] = {}
    for card in chart.cards:
        where = geometry.boxes.get(card.id)
        if where is None or card.assistant or card.kind not in ("person", "open"):
            continue
        index = bisect.bisect_left(mids, where[ax] - widest)
        for center, row in centers[index:index + 3]:
            if abs(where[ax] - center) <= halves[row]:
                counts = own if row == card.row else others
                counts[row] = counts.get(row, 0) + 1
    return {row for row, count in others.items() if count > own.get(row, 0)}


def labelled_rows(chart: Chart, geometry: Geometry,
                  halves: dict[int, float]) -> list[tuple[int, float]]:
    """The level rows that get a label (and every other one a band), with their centers,
    in order: those with a level name, but no rows with strays (`halves`: `band_halves`).
    When there are none, the drawing keeps no column (left to right: row) for the labels."""
    strays = rows_with_strays(chart, geometry, halves)
    return [(row, center) for row, center in sorted(geometry.rows.items())
            if row < len(chart.rows) and chart.rows[row] and row not in strays]


class LabelRoom(NamedTuple):
    """The room a page keeps beside its cards for the level labels and bands (px)."""

    axis_w: float  # the label column left of a top-down chart
    axis_h: float  # the label row above a left-to-right chart
    band_end: float  # the bands past the last card (right, or below left to right)
    lead: float  # left to right, the first column's bands before its cards


def label_room(tb: bool, labelled: bool, transparent: bool) -> LabelRoom:
    """The room for the level labels and bands of a chart with a labelled row or none."""
    # The labels' column (left to right: row) only where a row is labelled. The bands end
    # BAND_PAD past the last card, as they start before the first, not flush with its edge;
    # left to right the first column's bands reach as far before it (the canvas holds them,
    # their left edge on the title's). A chart without bands (--transparent, or no labelled
    # row) keeps no room for them: the margin past its last card is the margin.
    band_end = BAND_PAD if labelled and not transparent else 0.0
    return LabelRoom(AXIS_WIDTH if labelled and tb else 0.0,
                     AXIS_HEIGHT if labelled and not tb else 0.0,
                     band_end, 0.0 if tb else band_end)


def header_estimate(chart: Chart) -> float:
    """The height of the header (`_Canvas.header_items`) when the subtitle, the legend and
    the key take a line each, as they do on a chart of any width worth listing people in;
    a narrow page wraps a long legend or key to more lines."""
    legend = LEGEND_LINE if chart.legend else 0.0
    key = LEGEND_LINE if len(chart.cards) > 1 else 0.0  # ("reports to" at least)
    return TITLE_SIZE_PX + SUBTITLE_SIZE + 8 + 10 + legend + key + 22


def page_room(tb: bool, labelled: bool, transparent: bool, header_h: float,
              margin: float = MARGIN) -> tuple[float, float]:
    """How much wider and taller than its drawing a page is: the margins, the level labels'
    column or row and the bands' ends (`label_room`), and a header `header_h` high. (The
    page is also at least MIN_WIDTH plus the margins wide.)"""
    room = label_room(tb, labelled, transparent)
    width = 2 * margin + room.axis_w + room.lead + room.band_end
    height = 2 * margin + header_h + room.axis_h + (0.0 if tb else room.band_end)
    return width, height


class _Canvas:
    def __init__(self, chart: Chart, geometry: Geometry, texts: dict[str, CardText],
                 box: CardBox, theme: Theme, transparent: bool, generator: str = "",
                 header: bool = True, margin: float = MARGIN,
                 prepared: PreparedCards | None = None,
                 labelled: list[tuple[int, float]] | None = None) -> None:
        self.chart, self.geometry, self.texts, self.box = chart, geometry, texts, box
        self.prepared = prepared if prepared is not None else {}
        self.maker = _CardMaker(box, theme, fade_open=chart.color_by != "none")
        self.generator = generator
        self.theme, self.transparent = theme, transparent
        self.margin = margin
        self.line_styles: dict[str, str] = {}
        self.tb = geometry.direction != "LR"
        # A rollup's pile of cards reaches PILE past its box: the drawing (and the level
        # rows' bands) reach as far, not only the boxes the layout placed.
        self.drawn_w, self.drawn_h = self.pile_reach()
        self.halves = band_halves(geometry, box)
        self.labelled = (labelled if labelled is not None
                         else labelled_rows(chart, geometry, self.halves))
        # The level labels' column (left to right: row) only where a row is labelled: when
        # every row's band holds mostly cards of other levels, none is, and it stays empty
        # (a slide's drawing too: deck/draw.py's paint asks `labelled_rows` where its cards'
        # boxes start).
        room = label_room(self.tb, bool(self.labelled), transparent)
        self.axis_w, self.axis_h, self.band_end, lead = room
        self.content_w = self.axis_w + lead + self.drawn_w + self.band_end
        if header:  # room for the title and the legend
            self.content_w = max(MIN_WIDTH, self.content_w)
            self.header, self.header_h = self.header_items()
        else:
            self.header, self.header_h = [], 0.0
        self.x0 = margin + self.axis_w + lead
        self.y0 = margin + self.header_h + self.axis_h
        self.width = 2 * margin + self.content_w
        self.height = self.y0 + self.drawn_h + (0.0 if self.tb else self.band_end) + margin

    def pile_reach(self) -> tuple[float, float]:
        """The width and height of the drawing: the layout's, or as far as a pile of cards
        behind a rollup (or continued) card reaches beyond it."""
        geometry = self.geometry
        width, height = geometry.width, geometry.height
        depth = max(PILE, default=0.0)
        boxes = geometry.boxes
        for card in self.chart.cards:
            if card.kind in ("rollup", "continued") and card.id in boxes:
                where = boxes[card.id]
                width = max(width, where.right + depth)
                height = max(height, where.bottom + depth)
        return width, height

    # header ---------------------------------------------------------------------------------
    def key_entries(self) -> list[tuple[str, str]]:
        """Which line and card styles the chart uses: (style, explanation)."""
        chart = self.chart
        kinds = {line.kind for line in self.geometry.lines}
        entries = [("solid", "reports to")] if "solid" in kinds else []
        if "dotted" in kinds:
            entries.append(("dotted", "dotted-line report"))
        if any(text.dotted for text in self.texts.values()):
            entries.append(("note", NOTE_KEY))
        if "assistant" in kinds:
            entries.append(("assistant", "assistant"))
        if any(card.kind == "open" for card in chart.cards):
            entries.append(("open", "open role"))
        if any(card.kind == "rollup" for card in chart.cards):
            entries.append(("rollup", "collapsed team"))
        if any(card.kind == "continued" for card in chart.cards):
            entries.append(("continued", "continued on another page"))
        # (--force: each style drawn is explained, the card's red border and badge apart
        # from the red dashed line, which a chart may not hold)
        broken_cards = any(card.broken for card in chart.cards)
        if "broken" in kinds:
            entries.append(("broken", "reporting line that fails validation" if broken_cards
                            else "fails validation"))
        if broken_cards:
            entries.append(("broken-card", "card that fails validation" if "broken" in kinds
                            else "fails validation"))
        return entries

    def header_items(self) -> tuple[list[str], float]:
        """The title, subtitle, legend and key, flowed to the content width."""
        theme, chart = self.theme, self.chart
        items = []
        y = self.margin + TITLE_SIZE_PX
        width = self.content_w
        items.append(_text(self.margin, y, ellipsize(chart.title, width, TITLE_SIZE_PX, True),
                           TITLE_SIZE_PX, theme.text, anchor="start", bold=True))
        # (a long subtitle, such as a diff's list of changes, wraps to the content width)
        for line in wrap(chart.subtitle, width, SUBTITLE_SIZE, max_lines=4) or [""]:
            y += SUBTITLE_SIZE + 8
            items.append(_text(self.margin, y, line, SUBTITLE_SIZE, theme.muted,
                               anchor="start"))
        y += 10
        # Legend: swatches of the team or level colors.
        if chart.legend:
            y += LEGEND_LINE
            x = self.margin
            heading = chart.legend_title
            items.append(_text(x, y, heading, LEGEND_SIZE, theme.faint, anchor="start",
                               bold=True))
            x += text_width(heading, LEGEND_SIZE, True) + 12
            start = x
            for label, color in chart.legend:
                label = ellipsize(label, 220, LEGEND_SIZE)
                need = 16 + text_width(label, LEGEND_SIZE) + 16
                if x + need > self.margin + width and x > start:
                    x, y = start, y + LEGEND_LINE
                swatch = accent(theme, color)
                items.append(_el("rect", x=x, y=y - 9.5, width=11.0, height=11.0, rx=2.5,
                    fill=swatch))
                items.append(_text(x + 16, y, label, LEGEND_SIZE, theme.muted, anchor="start"))
                x += need
            if chart.legend_more:  # the colors of the others are explained on their cards
                more = f"+{chart.legend_more:,} more (named on their cards)"
                if x + text_width(more, LEGEND_SIZE) > self.margin + width and x > start:
                    x, y = start, y + LEGEND_LINE
                items.append(_text(x, y, more, LEGEND_SIZE, theme.faint, anchor="start"))
        keys = self.key_entries()
        if keys:
            y += LEGEND_LINE
            x = self.margin
            for style, label in keys:
                label = ellipsize(label, width - 30, LEGEND_SIZE)
                need = 30 + text_width(label, LEGEND_SIZE) + 18
                if x + need > self.margin + width and x > self.margin:
                    x, y = self.margin, y + LEGEND_LINE
                items.append(self.key_sample(style, x, y - 4))
                items.append(_text(x + 30, y, label, LEGEND_SIZE, theme.muted, anchor="start"))
                x += need
        return items, y - self.margin + 22

    def key_sample(self, style: str, x: float, y: float) -> str:
        theme = self.theme
        if style in ("open", "rollup", "continued"):
            fill = {"open": theme.open_fill, "continued": theme.card_fill}.get(
                style, theme.rollup_fill)
            stroke = {"open": theme.open_border, "continued": theme.card_border}.get(
                style, theme.rollup_border)
            dash = "3 2" if style == "open" else None
            back = ""
            if style in ("rollup", "continued"):
                back = _el("rect", x=x + 3, y=y - 4, width=22.0, height=12.0, rx=2.5, fill=fill,
                    stroke=stroke)
            return back + (_el("rect", x=x, y=y - 7, width=22.0, height=12.0, rx=2.5, fill=fill,
                stroke=stroke, stroke_dasharray=dash))
        if style == "note":
            return f'<path {_note_style(theme)} d="M{_n(x + 6)} {_n(y)}H{_n(x + 18)}"/>'
        if style == "broken-card":  # (the card's red border, its "!" badge at the corner)
            return (_el("rect", x=x, y=y - 7, width=22.0, height=12.0, rx=2.5,
                        fill=theme.card_fill, stroke=theme.broken, stroke_width=1.8)
                    + _el("circle", cx=x + 22, cy=y - 7, r=3.5, fill=theme.broken))
        path = f"M{_n(x)} {_n(y)}H{_n(x + 24)}"
        if style == "broken":  # (the "!" its report's card wears, at the line's end)
            return (f"<path {self.line_style(style)} d=\"{_n_path(x, y, 20)}\"/>"
                    + _el("circle", cx=x + 23, cy=y, r=3.5, fill=self.theme.broken))
        return f"<path {self.line_style(style)} d=\"{path}\"/>"

    # lines ----------------------------------------------------------------------------------
    def line_style(self, kind: str) -> str:
        style = self.line_styles.get(kind)
        if style is None:
            style = self.line_styles[kind] = self._line_style(kind)
        return style

    def _line_style(self, kind: str) -> str:
        theme = self.theme
        if kind == "dotted":
            return _attrs(fill="none", stroke=theme.dotted_line, stroke_width=1.2,
                          stroke_opacity=0.75, stroke_dasharray="5 4")
        if kind == "broken":
            return _attrs(fill="none", stroke=theme.broken, stroke_width=2.2,
                          stroke_dasharray="7 4")
        if kind == "halo":  # under a broken line: a gap in the lines it crosses
            return _attrs(fill="none", stroke=theme.background, stroke_width=BROKEN_HALO)
        if kind == "assistant":
            return _attrs(fill="none", stroke=theme.line, stroke_width=theme.line_width,
                          stroke_dasharray="2 3")
        return _attrs(fill="none", stroke=theme.line, stroke_width=theme.line_width,
                      stroke_linejoin="round")

    def connector(self, line: Connector) -> str:
        x0, y0 = self.x0, self.y0
        points = line.points
        if len(points) == 2 and not line.curve:  # most lines: as rounded_path draws them
            (ax, ay), (bx, by) = points
            n = _n
            path = f"M{n(ax + x0)} {n(ay + y0)}L{n(bx + x0)} {n(by + y0)}"
        else:
            moved = tuple([(x + x0, y + y0) for x, y in points])
            path = curve_path(moved) if line.curve else rounded_path(moved)
        if line.kind == "broken" and not self.transparent:
            return (f'<path {self.line_style("halo")} d="{path}"/>'
                    f'<path {self.line_style(line.kind)} d="{path}"/>')
        return f'<path {self.line_style(line.kind)} d="{path}"/>'

    # rows -----------------------------------------------------------------------------------
    def band_span(self, center: float, below: float, above: float) -> tuple[float, float]:
        """Where a top-down row's band starts and ends (y): `above` its center and `below`
        it, but no further past the drawing than half the margin, so that the image's edge
        stays the background (a slide's margin is narrower than BAND_PAD)."""
        reach = min(BAND_PAD, self.margin / 2)
        top = max(self.y0 + center - above, self.y0 - reach)
        bottom = min(self.y0 + center + below, self.y0 + self.drawn_h + reach)
        return top, bottom

    def stack_reach(self) -> dict[int, float]:
        """How far each level row's cards reach along the rank axis (top-down: down, y;
        left to right: right, x; in the drawing): its stacked reports stand in columns past
        the row (top-down below it; left to right, a block's further columns to its right),
        and its band spans them (BAND_PAD past the last), up to where the next labelled
        row's band starts, never into it. A row between them without a label has no band
        to stop at: its space is the band's to span (an individual contributor stacked
        below its row, beside one a row down under another, as `--force` draws a cycle,
        stood outside its row's band), and a card of such a row that the band would end
        across is spanned whole, not cut by the band's edge."""
        reach = self.cards_reach()
        geometry, halves = self.geometry, self.halves
        labelled = {row for row, _ in self.labelled}
        loose = self.unbanded_spans(labelled)
        following: int | None = None  # the next labelled row below (right of) this one
        between: list[tuple[float, float]] = []  # cards of unlabelled rows before it
        for row in sorted(geometry.rows, key=geometry.rows.__getitem__, reverse=True):
            if row in labelled and row in reach:
                far = reach[row]
                for start, end in sorted(between):
                    if start < far:
                        far = max(far, end + BAND_PAD)
                reach[row] = far
            if row in reach and following is not None:
                reach[row] = min(reach[row], geometry.rows[following] - halves[following])
            if row in labelled:
                following, between = row, []
            else:
                between += loose.get(row, [])
        return {row: max(far, geometry.rows[row] + halves[row]) for row, far in reach.items()}

    def unbanded_spans(self, labelled: set[int]) -> dict[int, list[tuple[float, float]]]:
        """Where the cards of each level row without a label (nor band) start and end
        along the rank axis."""
        geometry, tb = self.geometry, self.tb
        spans: dict[int, list[tuple[float, float]]] = {}
        for card in self.chart.cards:
            where = geometry.boxes.get(card.id)
            if (where is None or card.row not in geometry.rows or card.row in labelled
                    or card.assistant or card.kind not in ("person", "open")):
                continue
            spans.setdefault(card.row, []).append(
                (where.top, where.bottom) if tb else (where.left, where.right))
        return spans

    def cards_reach(self) -> dict[int, float]:
        """How far each level row's own cards reach along the rank axis, BAND_PAD past the
        last (see `stack_reach`, which stops it at the next labelled row's band)."""
        geometry = self.geometry
        tb = self.tb
        reach: dict[int, float] = {}
        for card in self.chart.cards:
            where = geometry.boxes.get(card.id)
            if (where is None or card.row not in geometry.rows or card.assistant
                    or card.kind not in ("person", "open")):
                continue
            end = (where.bottom if tb else where.right) + BAND_PAD
            reach[card.row] = max(reach.get(card.row, 0.0), end)
        return reach

    def rows(self) -> list[str]:
        theme, chart = self.theme, self.chart
        items = []
        halves = self.halves
        reach = self.stack_reach()
        cards_reach = self.cards_reach() if not self.tb else {}
        for index, (row, center) in enumerate(self.labelled):
            label = chart.rows[row].upper()
            half = halves[row]
            if self.tb:
                y = self.y0 + center
                if index % 2 == 0 and not self.transparent:
                    top, bottom = self.band_span(center, reach.get(row, center + half) - center,
                                                 half)
                    items.append(_el("rect", x=self.margin, y=top, width=self.content_w,
                        height=bottom - top, rx=6.0, fill=theme.row_band))
                words = _fit_label(label, AXIS_WIDTH - 16)
                top = y - (len(words) - 1) * 6.5 + 3.5
                for i, word in enumerate(words):
                    items.append(_text(self.margin + 10, top + i * 13, word, 9.5, theme.faint,
                                       anchor="start", bold=True, spacing=0.6))
            else:
                left = self.x0 + center - half
                far = reach.get(row, center + half)
                wide = far - center + half
                if index % 2 == 0 and not self.transparent:
                    items.append(_el("rect", x=left, y=self.y0 - AXIS_HEIGHT, width=wide,
                        height=self.drawn_h + AXIS_HEIGHT + self.band_end, rx=6.0,
                        fill=theme.row_band))
                # the label over the band's middle where the band holds all its row's cards,
                # else over the row's own (its band stops short of the further ones)
                if cards_reach.get(row, far) > far:
                    wide = 2 * half
                items.append(_text(left + wide / 2, self.y0 - AXIS_HEIGHT + 17,
                                   ellipsize(label, wide - 8, 9.5, True), 9.5,
                                   theme.faint, bold=True, spacing=0.6))
        return items

    # cards ----------------------------------------------------------------------------------
    def card(self, card: Card, where: Box, prepared: PreparedCard | None = None) -> str:
        """One card at its place: a group moved there, holding the card drawn from its own
        top-left corner (`prepared` by `prepare_cards` while Graphviz works, if its size is
        the one drawn here; else drawn now)."""
        x, y, w, h = where
        n = _n
        if prepared is None or not self.maker.fits(prepared, w, h):
            prepared = self.maker.prepare(card, self.texts[card.id], w, h)
        return (f'<g transform="translate({n((x - w / 2) + self.x0)} {n((y - h / 2) + self.y0)})">'
                f'{prepared[0]}{prepared[2]}</g>')

    # all ------------------------------------------------------------------------------------
    def draw(self) -> bytes:
        theme, chart, geometry = self.theme, self.chart, self.geometry
        out = ['<?xml version="1.0" encoding="UTF-8"?>']
        if self.generator:
            out.append(f"<!-- {xml_escape(self.generator).replace('--', '- -')} -->")
        out.append(f'<svg xmlns="http://www.w3.org/2000/svg" '
                   f'{_attrs(width=self.width, height=self.height)} '
                   f'viewBox="0 0 {_n(self.width)} {_n(self.height)}" '
                   f'{_attrs(font_family=theme.font)} role="img">')
        out.append(f"<title>{xml_escape(chart.title)} — org chart</title>")
        if not self.transparent:
            out.append(_el("rect", width=self.width, height=self.height, fill=theme.background))
        out.append("<g>")
        out.extend(self.header)
        out.append("</g>")
        out.append("<g>")
        out.extend(self.rows())
        out.append("</g>")
        # Dotted lines go under the solid tree, broken ones (--force) over it, each on a halo
        # of the background that parts it from the lines it crosses; cards cover line ends.
        order = {"dotted": 0, "assistant": 1, "solid": 2, "broken": 3}
        out.append("<g>")
        for line in sorted(geometry.lines, key=lambda c: order.get(c.kind, 4)):
            out.append(self.connector(line))
        out.append("</g>")
        out.append("<g>")
        prepared = self.prepared
        boxes = geometry.boxes
        for card in chart.cards:
            where = boxes.get(card.id)
            if where is not None:
                out.append(self.card(card, where, prepared.get(card.id)))
        out.append("</g>")
        out.append("</svg>")
        return ("\n".join(out) + "\n").encode("utf-8")


def _fit_label(label: str, width: float) -> list[str]:
    """A level label in at most two lines of the axis column."""
    from orgviz.render.labels import wrap

    return wrap(label, width, 9.5, bold=True, max_lines=2)


def draw_svg(chart: Chart, geometry: Geometry, texts: dict[str, CardText], box: CardBox,
             theme: Theme, transparent: bool = False, generator: str = "", *,
             header: bool = True, margin: float = MARGIN,
             prepared: PreparedCards | None = None,
             labelled: list[tuple[int, float]] | None = None) -> bytes:
    """The chart as an SVG document (UTF-8 bytes); `generator` goes into a comment.

    Without `header` there is no title, legend or key (a slide shows its own) and the
    drawing is only as wide as the chart; `margin` is the space around it all. `prepared`
    is `prepare_cards` of the same chart, texts, box and theme (made while Graphviz works);
    `labelled` is `labelled_rows` of the same chart and geometry (found by the caller).
    """
    return _Canvas(chart, geometry, texts, box, theme, transparent, generator, header,
                   margin, prepared, labelled).draw()


#: A card's SVG apart from its place: its tooltip (`<title>`), the size it was drawn at (as
#: written: width and height) and the drawing itself, from the card's top-left corner.
PreparedCard = tuple[str, tuple[str, str], str]
PreparedCards = dict[str, PreparedCard]
#: A card's outline attributes, those of its pile and the pile's offsets.
CardStyle = tuple[str, str, tuple[float, ...]]


def prepare_cards(chart: Chart, texts: dict[str, CardText], box: CardBox,
                  theme: Theme) -> PreparedCards:
    """Every card's SVG apart from where it stands, at the chart's card size."""
    maker = _CardMaker(box, theme, fade_open=chart.color_by != "none")
    w, h = box.width, box.height
    return {card.id: maker.prepare(card, texts[card.id], w, h) for card in chart.cards}


class _CardMaker:
    """Draws cards of one chart from their top-left corner (styles shared between cards)."""

    def __init__(self, box: CardBox, theme: Theme, fade_open: bool = True) -> None:
        # An open role's team or level accent is faded (the post is not filled); a chart
        # colored by nothing draws only accents that mark something else (a diff's
        # changes), at the strength its key shows them.
        self.box, self.theme, self.fade_open = box, theme, fade_open
        self.styles: dict[tuple[str, bool], CardStyle] = {}
        self.sizes: dict[tuple[float, float], tuple[str, str]] = {}  # as written
        r, a = RADIUS, theme.accent_height
        dx = r - math.sqrt(max(0.0, r * r - (r - a) ** 2)) if a < r else 0.0
        self.band_shape = (r, dx, f"A{_n(r)} {_n(r)} 0 0 1 ", a)

    def size(self, w: float, h: float) -> tuple[str, str]:
        """A card size as written in the SVG."""
        written = self.sizes.get((w, h))
        if written is None:
            written = self.sizes[(w, h)] = (_n(w), _n(h))
        return written

    def fits(self, prepared: PreparedCard, w: float, h: float) -> bool:
        """Whether `prepared` was drawn at the size (w, h) is written as."""
        return prepared[1] == self.size(w, h)

    def split_band(self, colors: tuple[str, ...], w: float, faded: bool) -> list[str]:
        """The accent band of a card `w` wide split into equal segments, one per color, left
        to right, a narrow gap of the card's fill between them (told apart without color)."""
        r, dx, arc, a = self.band_shape
        n, count = _n, len(colors)
        step = w / count
        paths = []
        for i, color in enumerate(colors):
            left = i * step + (BAND_GAP / 2 if i else 0.0)
            right = max(left, (i + 1) * step - (BAND_GAP / 2 if i < count - 1 else 0.0))
            if i == 0:  # the top-left corner's arc, then square
                d = f"M{n(dx)} {n(a)}{arc}{n(r)} 0H{n(right)}V{n(a)}Z"
            elif i == count - 1:  # square, then the top-right corner's arc
                d = f"M{n(left)} 0H{n(w - r)}{arc}{n(w - dx)} {n(a)}H{n(left)}Z"
            else:
                d = f"M{n(left)} 0H{n(right)}V{n(a)}H{n(left)}Z"
            paths.append(f'<path d="{d}"{_band_rest(self.theme, color, faded)}')
        return paths

    def prepare(self, card: Card, text: CardText, w: float, h: float) -> PreparedCard:
        """One card drawn at size (w, h) from its top-left corner."""
        theme, box, n = self.theme, self.box, _n
        kind = card.kind
        key = (kind, card.broken)
        style = self.styles.get(key)
        if style is None:
            style = self.styles[key] = _card_style(theme, kind, card.broken)
        outline, pile_attrs, pile = style
        size = self.size(w, h)
        attrs = f'width="{size[0]}" height="{size[1]}" '
        parts = [f'<rect x="{n(offset)}" y="{n(offset)}" {attrs}{pile_attrs}/>'
                 for offset in pile]
        parts.append(f'<rect {attrs}{outline}/>')
        if len(card.accents) > 1:
            parts.extend(self.split_band(card.accents, w, kind == "open" and self.fade_open))
        elif card.color:
            r, dx, arc, a = self.band_shape
            rest = _band_rest(theme, card.color, kind == "open" and self.fade_open)
            parts.append(f'<path d="M{n(dx)} {n(a)}{arc}{n(r)} 0H{n(w - r)}{arc}{n(w - dx)} '
                         f'{n(a)}Z"{rest}')
        cx = n(w / 2)
        name_style = _text_style(NAME_SIZE, theme.muted if kind == "open" else theme.text,
                                 bold=True, italic=kind == "open")
        paragraph = " ".join(text.name)
        for i, line in enumerate(text.name):
            parts.append(f'<text x="{cx}" y="{n(box.name_y(i))}"{name_style}'
                         f'{xml_escape(in_reading_order(line, paragraph))}</text>')
        if text.title:
            title_style = _text_style(TITLE_SIZE, theme.muted)
            names = len(text.name)
            paragraph = " ".join(text.title)
            for i, line in enumerate(text.title):
                parts.append(f'<text x="{cx}" y="{n(box.title_y(i, names))}"{title_style}'
                             f'{xml_escape(in_reading_order(line, paragraph))}</text>')
        if text.team:
            # (a pile's last line in italics: a rollup's, a continued card's note)
            team_style = _text_style(TEAM_SIZE, theme.faint, italic=kind == "rollup" or (
                kind == "continued" and not text.detail))
            parts.append(f'<text x="{cx}" y="{n(box.team_y(h, text.notes))}"{team_style}'
                         f'{xml_escape(in_reading_order(text.team))}</text>')
        if text.detail:  # a continued card's note, below its team line
            y = box.team_y(h, 1 if text.dotted else 0)
            parts.append(f'<text x="{cx}" y="{n(y)}"'
                         f'{_text_style(TEAM_SIZE, theme.faint, italic=True)}'
                         f'{xml_escape(in_reading_order(text.detail))}</text>')
        if text.dotted:  # a short dashed line, then the note, centred together
            y = box.note_y(h)
            x = (w - NOTE_MARK - text_width(text.dotted, TEAM_SIZE)) / 2
            parts.append(f'<path {_note_style(theme)} d="M{n(x)} {n(y - 3)}H{n(x + 12)}"/>')
            parts.append(_text(x + NOTE_MARK, y, text.dotted, TEAM_SIZE, theme.muted,
                               anchor="start"))
        if card.broken or card.broken_line:  # (the card, or its line to its manager)
            bx, by = w - 4, 4.0
            parts.append(_el("circle", cx=bx, cy=by, r=8.0, fill=theme.broken))
            parts.append(_text(bx, by + 4, "!", 11.0, theme.background, bold=True))
        return f"<title>{xml_escape(text.full)}</title>", size, "".join(parts)


def _n_path(x: float, y: float, length: float) -> str:
    """A level path `length` long from (x, y)."""
    return f"M{_n(x)} {_n(y)}H{_n(x + length)}"


def _note_style(theme: Theme) -> str:
    """The dashed mark before a dotted-line note (and its sample in the key)."""
    return _attrs(fill="none", stroke=theme.dotted_line, stroke_width=1.6,
                  stroke_dasharray="3 2")


def _band_rest(theme: Theme, color: str, faded: bool) -> str:
    """The accent band's attributes after its `d`, with the closing "/>": an open role's
    (`faded`) paler, still 3:1 on its card."""
    return f" {_attrs(fill=open_accent(theme, color) if faded else accent(theme, color))}/>"


def _card_style(theme: Theme, kind: str, broken: bool) -> CardStyle:
    """For a kind of card: the attributes of its outline after x, y, width and height,
    those of the cards piled behind it, and the offsets of the piled cards."""
    fill, stroke, dash = theme.card_fill, theme.card_border, None
    stroke_width = theme.border_width
    pile: tuple[float, ...] = ()
    pile_attrs = ""
    if kind == "open":
        fill, stroke, dash = theme.open_fill, theme.open_border, "5 4"
        stroke_width = max(stroke_width, 1.2)
    elif kind in ("rollup", "continued"):  # a pile: more behind this card
        if kind == "rollup":
            fill, stroke = theme.rollup_fill, theme.rollup_border
        pile = PILE
        pile_attrs = _attrs(rx=RADIUS, fill=fill, stroke=stroke, stroke_width=stroke_width)
    if broken:
        stroke, stroke_width = theme.broken, 2.5
    outline = _attrs(rx=RADIUS, fill=fill, stroke=stroke, stroke_width=stroke_width,
                     stroke_dasharray=dash)
    return outline, pile_attrs, pile
