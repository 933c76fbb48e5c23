"""A slide drawn as one SVG page (for the PDF deck): title, chart, table, legend, footer.

The page is `frame.width` x `frame.height` user units, one unit per point. The chart is
nested as an <svg> element with its own viewBox, so it stays vector. The look mirrors the
PowerPoint slides of powerpoint.py (same positions, sizes and colors).
"""

from __future__ import annotations

import re

from orgviz.deck.frame import Frame, Rect, cover
from orgviz.deck.slides import Deck, Slide
from orgviz.render.labels import clean, ellipsize, text_width, wrap, wrapped, xml_escape
from orgviz.render.themes import Theme, accent

TITLE_SIZE, SUBTITLE_SIZE, FOOTER_SIZE = 24.0, 12.0, 9.0
COVER_TITLE_SIZE, COVER_SUBTITLE_SIZE, SECTION_TITLE_SIZE = 40.0, 18.0, 32.0
TABLE_SIZE, TABLE_ROW = 12.0, 26.0
#: The "reports to" card at the top right of a chart slide.
REFERENCE_W, REFERENCE_H = 236.0, 40.0
REFERENCE_NAME_SIZE, REFERENCE_TEXT_SIZE = 10.5, 9.0
ACCENT = "#4C78A8"
_ROOT_SIZE = re.compile(rb'\swidth="[^"]*" height="[^"]*"')


def _n(value: float) -> str:
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def _text(x: float, y: float, content: str, size: float, fill: str, *, bold: bool = False,
          anchor: str = "start", italic: bool = False) -> str:
    extra = (' font-weight="bold"' if bold else "") + (' font-style="italic"' if italic else "")
    return (f'<text x="{_n(x)}" y="{_n(y)}" font-size="{_n(size)}" fill="{fill}" '
            f'text-anchor="{anchor}"{extra}>{xml_escape(content)}</text>')


def reference_box(frame: Frame, slide: Slide | None = None) -> Rect:
    """Where the 'reports to' card goes: top right, level with the title, as wide as
    `reference_width` (REFERENCE_W without a slide)."""
    width = reference_width(frame, slide) if slide is not None else REFERENCE_W
    return Rect(frame.title.right - width, frame.title.y + 2, width, REFERENCE_H)


#: Room for a line of the 'reports to' card: its width less 10 pt of padding a side, less
#: what PowerPoint also keeps clear inside a rounded rectangle (about 2 pt a side) and the
#: few percent that Arial or Liberation Sans may measure wider than `text_width` (a title cut
#: to the full width wrapped its slide number onto a third line in LibreOffice).
REFERENCE_PAD = 20 + 12
REFERENCE_TEXT_W = REFERENCE_W - REFERENCE_PAD
#: The title's room left of the 'reports to' card, and its size at the least: a title too
#: long for TITLE_SIZE is drawn smaller, down to this, before it is cut.
TITLE_GAP, MIN_TITLE_SIZE = 16.0, 14.0


def reference_width(frame: Frame, slide: Slide) -> float:
    """The 'reports to' card's width: REFERENCE_W; wider (up to half the title's row) when
    its lines need more and the title leaves that room, narrower (to its lines' width) when
    the title needs the room. (A manager's long title was cut, "Director of Engineering,
    Clinic & Platfo… · slide 12", beside a short slide title and 300 pt of empty row.)"""
    ref = slide.reports_to
    if ref is None:
        return REFERENCE_W
    lead = clean(f"Reports to {ref.name}")
    second = f"{ref.title} · slide {ref.slide}" if ref.title else f"On slide {ref.slide}"
    need = max(text_width(lead, REFERENCE_NAME_SIZE, True),
               text_width(second, REFERENCE_TEXT_SIZE)) + REFERENCE_PAD + 1  # (rounding)
    free = frame.title.w - TITLE_GAP - text_width(slide.title, TITLE_SIZE, True)
    if need <= REFERENCE_W:
        return REFERENCE_W if free >= REFERENCE_W else max(need, free)
    return max(REFERENCE_W, min(need, free, frame.title.w / 2))


def reference_lines(slide: Slide, width: float = REFERENCE_W) -> tuple[str, str]:
    """The two lines of the 'reports to' card `width` points wide: the manager's name, then
    their title and slide. A manager named by their title alone (a withheld name) whose
    title is too long for the first line has it wrapped onto the second, before the slide
    number."""
    ref = slide.reports_to
    assert ref is not None
    text_w = width - REFERENCE_PAD
    lead = clean(f"Reports to {ref.name}")
    first = ellipsize(lead, text_w, REFERENCE_NAME_SIZE, True)
    tail = f" · slide {ref.slide}"
    room = text_w - text_width(tail, REFERENCE_TEXT_SIZE)
    if ref.title:
        return first, ellipsize(ref.title, room, REFERENCE_TEXT_SIZE) + tail
    if first == lead:
        return first, f"On slide {ref.slide}"
    first = wrapped(lead, text_w, REFERENCE_NAME_SIZE, True, 2)[0]
    rest = lead[len(first):].lstrip(" ")
    return first, ellipsize(rest, room, REFERENCE_TEXT_SIZE) + tail


def title_width(frame: Frame, slide: Slide) -> float:
    """Room for the title left of the 'reports to' card."""
    if slide.reports_to is None:
        return frame.title.w
    return frame.title.w - reference_width(frame, slide) - TITLE_GAP


def title_size(text: str, width: float) -> float:
    """The size a chart slide's title is drawn at in `width` points: TITLE_SIZE, or as much
    smaller as it needs to fit, down to MIN_TITLE_SIZE (below that it is cut)."""
    need = text_width(text, TITLE_SIZE, True)
    if need <= width:
        return TITLE_SIZE
    return max(MIN_TITLE_SIZE, int(TITLE_SIZE * width / need * 4) / 4)


def subtitle_width(frame: Frame, slide: Slide) -> float:
    """Room for the subtitle: left of the 'reports to' card unless it is below it."""
    if slide.reports_to and frame.subtitle.y < reference_box(frame).bottom:
        return title_width(frame, slide)
    return frame.subtitle.w


def nested_chart(svg: bytes, place: Rect) -> bytes:
    """The chart SVG as an element placed at `place` (its XML prolog dropped)."""
    start = svg.index(b"<svg")
    body = svg[start:]
    size = (f' x="{_n(place.x)}" y="{_n(place.y)}" width="{_n(place.w)}" '
            f'height="{_n(place.h)}"').encode()
    return _ROOT_SIZE.sub(lambda _: size, body, count=1)


#: A legend entry's label is cut to this many points, unless the footer has room for every
#: entry with theirs longer.
LEGEND_LABEL_W = 150.0
#: The gap between a legend's heading (`legend_heading`) and its first entry.
LEGEND_HEADING_GAP = 8.0


def legend_items(theme: Theme, legend: tuple[tuple[str, str], ...], x: float, y: float,
                 width: float, spare: float = 1.0) -> tuple[list[tuple[float, str, str]], int]:
    """(x, label, color) of the legend entries that fit `width`; and how many were left out.

    Labels are cut to LEGEND_LABEL_W points, or to as much more as lets every entry fit
    (whole when they all fit so: "Centre for Applied Science & Tech…" was cut with half the
    footer empty). Text widths are multiplied by `spare` (room for a wider font than the
    chart's)."""
    widest = max((text_width(label, FOOTER_SIZE) for label, _ in legend), default=0.0)
    found = _legend_row(theme, legend, x, width, spare, LEGEND_LABEL_W)
    if found[1] or widest <= LEGEND_LABEL_W:
        return found
    whole = _legend_row(theme, legend, x, width, spare, widest)
    if not whole[1]:
        return whole
    low, high = LEGEND_LABEL_W, widest  # (every entry fits at `low`, not at `high`)
    while high - low > 2:
        middle = (low + high) / 2
        row = _legend_row(theme, legend, x, width, spare, middle)
        if row[1]:
            high = middle
        else:
            low, found = middle, row
    return found


def _legend_row(theme: Theme, legend: tuple[tuple[str, str], ...], x: float, width: float,
                spare: float, cap: float) -> tuple[list[tuple[float, str, str]], int]:
    """`legend_items` with labels cut to `cap` points."""
    items: list[tuple[float, str, str]] = []
    for index, (label, color) in enumerate(legend):
        label = ellipsize(label, cap, FOOTER_SIZE)
        need = 12 + text_width(label, FOOTER_SIZE) * spare + 14
        rest = len(legend) - index
        reserve = text_width(f"+{rest} more", FOOTER_SIZE) * spare + 4 if rest > 1 else 0.0
        if x + need + reserve > width and items:
            return items, rest
        items.append((x, label, accent(theme, color)))
        x += need
    return items, 0


def page_svg(deck: Deck, index: int) -> bytes:
    """Slide `index` (0-based) of the deck as an SVG page."""
    slide, frame, theme = deck.slides[index], deck.frame, deck.theme
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{_n(frame.width)}pt" '
           f'height="{_n(frame.height)}pt" viewBox="0 0 {_n(frame.width)} {_n(frame.height)}" '
           f'font-family="{xml_escape(theme.font)}">',
           f'<rect width="{_n(frame.width)}" height="{_n(frame.height)}" '
           f'fill="{theme.background}"/>']
    if slide.kind in ("title", "section"):
        out += _cover(frame, theme, slide)
    else:
        out += _header(frame, theme, slide)
        if slide.picture is not None:
            picture = slide.picture
            place = frame.placed(picture.width, picture.height, deck.min_font,
                                 picture.min_text)
            out.append(nested_chart(picture.svg, place).decode("utf-8"))
        if slide.table:
            out += _table(frame, theme, slide.table)
    out += _footer(frame, theme, slide, index + 1)
    out.append("</svg>")
    return ("\n".join(out) + "\n").encode("utf-8")


def _cover(frame: Frame, theme: Theme, slide: Slide) -> list[str]:
    bar, box, below = cover(frame)
    size = COVER_TITLE_SIZE if slide.kind == "title" else SECTION_TITLE_SIZE
    items = [f'<rect x="{_n(bar.x)}" y="{_n(bar.y)}" width="{_n(bar.w)}" '
             f'height="{_n(bar.h)}" rx="2" fill="{accent(theme, ACCENT)}"/>']
    y = box.y + size
    for line in wrap(slide.title, box.w, size, bold=True, max_lines=2):
        items.append(_text(box.x, y, line, size, theme.text, bold=True))
        y += size * 1.15
    y = max(y - size * 1.15, box.y + size) + 14 + COVER_SUBTITLE_SIZE
    for line in slide.subtitle.splitlines()[:4]:
        items.append(_text(below.x, y, ellipsize(line, below.w, COVER_SUBTITLE_SIZE),
                           COVER_SUBTITLE_SIZE, theme.muted))
        y += COVER_SUBTITLE_SIZE * 1.45
    return items


def _header(frame: Frame, theme: Theme, slide: Slide) -> list[str]:
    width = title_width(frame, slide)
    size = title_size(slide.title, width)
    items = [_text(frame.title.x, frame.title.y + 26,
                   ellipsize(slide.title, width, size, True), size, theme.text, bold=True)]
    if slide.subtitle:
        items.append(_text(frame.subtitle.x, frame.subtitle.y + 13,
                           ellipsize(slide.subtitle, subtitle_width(frame, slide),
                                     SUBTITLE_SIZE), SUBTITLE_SIZE, theme.muted))
    if slide.reports_to is not None:
        box = reference_box(frame, slide)
        first, second = reference_lines(slide, box.w)
        items.append(f'<rect x="{_n(box.x)}" y="{_n(box.y)}" width="{_n(box.w)}" '
                     f'height="{_n(box.h)}" rx="6" fill="{theme.rollup_fill}" '
                     f'stroke="{theme.line}" stroke-width="1" stroke-dasharray="2 3"/>')
        items.append(_text(box.x + 10, box.y + 16, first, REFERENCE_NAME_SIZE, theme.text,
                           bold=True))
        items.append(_text(box.x + 10, box.y + 31, second, REFERENCE_TEXT_SIZE, theme.muted,
                           italic=True))
    return items


def footer_text(slide: Slide, width: float, spare: float = 1.0) -> str:
    """The slide's footer text cut to fit `width` points (text widths times `spare`).

    Beside a legend it takes half the width at most. A long org name is cut first, so that
    what follows the last " · " (the date) stays whole unless it is long itself.
    """
    text = slide.footer
    room = (width / 2 if slide.legend else width) / spare
    if text_width(text, FOOTER_SIZE) <= room:
        return text
    head, dot, tail = text.rpartition(" · ")
    kept = text_width(dot + tail, FOOTER_SIZE)
    if dot and kept <= room / 2:
        return ellipsize(head, room - kept, FOOTER_SIZE) + dot + tail
    return ellipsize(text, room, FOOTER_SIZE)


def _footer(frame: Frame, theme: Theme, slide: Slide, number: int) -> list[str]:
    foot = frame.footer
    base = foot.y + 11
    items = []
    number_text = str(number)
    items.append(_text(foot.right, base, number_text, FOOTER_SIZE, theme.muted, anchor="end",
                       bold=True))
    room = foot.right - text_width(number_text, FOOTER_SIZE, True) - 14
    text = footer_text(slide, room - foot.x)
    if text:
        items.append(_text(room, base, text, FOOTER_SIZE, theme.faint, anchor="end"))
        room -= text_width(text, FOOTER_SIZE) + 24
    start = foot.x
    heading = legend_heading(slide)
    if heading:
        items.append(_text(start, base, heading, FOOTER_SIZE, theme.faint))
        start += text_width(heading, FOOTER_SIZE) + LEGEND_HEADING_GAP
    entries, left_out = legend_items(theme, slide.legend, start, base, room)
    for x, label, color in entries:
        items.append(f'<rect x="{_n(x)}" y="{_n(base - 8)}" width="8" height="8" rx="2" '
                     f'fill="{color}"/>')
        items.append(_text(x + 12, base, label, FOOTER_SIZE, theme.muted))
    if left_out:
        x = entries[-1][0] + 12 + text_width(entries[-1][1], FOOTER_SIZE) + 14
        items.append(_text(x, base, f"+{left_out} more", FOOTER_SIZE, theme.faint))
    return items


def legend_heading(slide: Slide) -> str:
    """The text before a slide's legend entries: its note ("Grays repeat: ..."), or none."""
    note = slide.legend_note
    return note[:1].upper() + note[1:] + ":" if slide.legend and note else ""


def table_columns(frame: Frame, columns: int) -> list[tuple[float, float]]:
    """(x, width) of each table column: a wider first column for the row labels."""
    area = frame.chart
    first = min(area.w * 0.34, 300.0)
    rest = (area.w - first) / max(1, columns - 1)
    return [(area.x, first)] + [(area.x + first + i * rest, rest) for i in range(columns - 1)]


def _table(frame: Frame, theme: Theme, rows: tuple[tuple[str, ...], ...]) -> list[str]:
    columns = table_columns(frame, len(rows[0]))
    items = []
    y = frame.chart.y + 6
    for index, row in enumerate(rows):
        header = index == 0
        if index % 2 == 1:
            items.append(f'<rect x="{_n(frame.chart.x)}" y="{_n(y)}" '
                         f'width="{_n(frame.chart.w)}" height="{_n(TABLE_ROW)}" '
                         f'fill="{theme.row_band}"/>')
        for (x, width), cell in zip(columns, row, strict=True):
            text = ellipsize(cell, width - 16, TABLE_SIZE, header)
            items.append(_text(x + 8, y + TABLE_ROW / 2 + TABLE_SIZE * 0.35, text, TABLE_SIZE,
                               theme.text if header or x == columns[0][0] else theme.muted,
                               bold=header))
        y += TABLE_ROW
        if header:
            items.append(f'<rect x="{_n(frame.chart.x)}" y="{_n(y - 1.5)}" '
                         f'width="{_n(frame.chart.w)}" height="1.5" fill="{theme.line}"/>')
    return items
