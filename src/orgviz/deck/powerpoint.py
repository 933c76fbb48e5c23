"""The deck as a PowerPoint file (python-pptx): native titles, tables and notes, vector charts.

Charts are pictures the way PowerPoint itself stores SVG: the picture's image is a PNG (for
viewers without SVG support, 4 pixels per point: crisp full-screen on a 4K display) and an
`asvg:svgBlip` extension names the SVG that PowerPoint 2016 and later, and LibreOffice,
draw instead. Cards that say "continued on slide N" and the "reports to" card link to
their slides in slide shows.

With a template, its slide master and layouts are used (found by name, else by their
placeholders) and its own slides are dropped; without one, python-pptx's default template
is set to 16:9 and styled with the theme's colors. The bytes are reproducible: fixed
document dates and zip entry times.
"""

from __future__ import annotations

import copy
import datetime
import io
import os
import re
import struct
import zipfile
import zlib
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from orgviz.deck.frame import EMU_PER_PT, PNG_PX_PER_PT, Frame, Rect, cover, default_frame
from orgviz.deck.pages import (
    COVER_SUBTITLE_SIZE,
    COVER_TITLE_SIZE,
    FOOTER_SIZE,
    LEGEND_HEADING_GAP,
    REFERENCE_NAME_SIZE,
    REFERENCE_TEXT_SIZE,
    SECTION_TITLE_SIZE,
    SUBTITLE_SIZE,
    TABLE_ROW,
    TABLE_SIZE,
    footer_text,
    legend_heading,
    legend_items,
    reference_box,
    reference_lines,
    subtitle_width,
    table_columns,
    title_size,
    title_width,
)
from orgviz.deck.plan import DeckError
from orgviz.deck.slides import Deck, Slide
from orgviz.deck.slidexml import (
    A_NS,
    P_NS,
    NotesFactory,
    ShapeTree,
    empty_placeholders,
    paragraph,
    style_runs,
)
from orgviz.render.labels import clean, ellipsize, text_width, wrapped
from orgviz.render.themes import Theme, accent, rgb

SVG_EXTENSION = "{96DAC541-7B7A-43D3-8B79-37D633B846F1}"
SVG_NS = "http://schemas.microsoft.com/office/drawing/2016/SVG/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
ZIP_TIME = (1980, 1, 1, 0, 0, 0)
#: Layout names looked for first (PowerPoint's English names), by slide kind.
LAYOUT_NAMES = {"title": ("Title Slide",), "section": ("Section Header", "Title Slide"),
                "chart": ("Title Only", "Title and Content"),
                "table": ("Title Only", "Title and Content")}
#: A template's title that would overflow its placeholder at the template's size is set
#: smaller, to this size at least (then cut short); PowerPoint's default title is 44 pt.
MIN_TEMPLATE_TITLE, DEFAULT_TEMPLATE_TITLE = 20.0, 44.0
#: A slide title is measured this much wider than the chart's metrics say (PowerPoint's and
#: LibreOffice's line breaks are their own).
TITLE_SPARE = 1.05
#: PowerPoint's default inner margins of a text box (0.1 in across, 0.05 in down), points.
INSET_X, INSET_Y = 7.2, 3.6
MAX_TEMPLATE_BYTES = 200 * 1024 * 1024
#: A template's parts may expand to at most this many bytes in all.
MAX_TEMPLATE_EXPANDED_BYTES = 1024 * 1024 * 1024


_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff\ud800-\udfff]")


def _safe(text: str) -> str:
    """Text without the characters XML cannot hold (the slide texts are cleaned already;
    this is the last guard before lxml, which refuses them)."""
    return _NOT_XML.sub("", text)


def _pt(value: float) -> int:
    """Points to EMU."""
    return round(value * EMU_PER_PT)


def _rgb(color: str) -> Any:
    from pptx.dml.color import RGBColor

    hex_rgb = color.lstrip("#")[:6].upper()
    return RGBColor.from_string(hex_rgb)  # type: ignore[no-untyped-call]  # pptx: unannotated


# --- templates --------------------------------------------------------------------------------

# What an Office file that is no presentation is, by its main part's content type.
_CONTENT_KINDS = (("spreadsheetml", "an Excel workbook"), ("wordprocessingml", "a Word document"),
                  ("presentationml.template", "a PowerPoint template (.potx)"))


def open_template(path: str | os.PathLike[str] | None) -> Any:
    """A Presentation from a template file (or python-pptx's default); clear errors."""
    from pptx import Presentation
    from pptx.util import Emu

    if path is None:
        prs = Presentation()
        prs.slide_width, prs.slide_height = Emu(_pt(960.0)), Emu(_pt(540.0))
        return prs
    path = Path(path)
    data = _template_bytes(path)
    try:
        prs = Presentation(io.BytesIO(data))
    except Exception as exc:  # python-pptx raises zip, XML and key errors alike
        detail = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        # python-pptx names the stream it was given ("file '<_io.BytesIO object at 0x7f..>'
        # is not a PowerPoint file, content type is '...'"): an address that changes from run
        # to run; say what the file holds instead.
        content = re.search(r"content type is '([^']*)'", detail)
        if content:
            kind = next((name for key, name in _CONTENT_KINDS if key in content.group(1)), None)
            detail = f"it is {kind}" if kind else f"its content type is '{content.group(1)}'"
        detail = re.sub(r"'?<[\w.]+ object at 0x[0-9a-fA-F]+>'?", "the file", detail)
        raise DeckError(f"the template {path} is not a PowerPoint file (.pptx or .potx "
                        f"saved as .pptx): {detail}") from None
    _drop_slides(prs)
    return prs


def _template_bytes(path: Path) -> bytes:
    """The template's bytes, read only from a regular file of at most 200 MB (a device or a
    named pipe is refused unread) whose zip parts expand to a bounded size."""
    from orgviz.orgfiles import FileTooBigError, NotRegularFileError, read_regular

    try:
        data = read_regular(path, MAX_TEMPLATE_BYTES)
    except NotRegularFileError as exc:
        raise DeckError(f"cannot read the template {path}: it is {exc.kind}, not a "
                        "file") from None
    except FileTooBigError:
        raise DeckError(f"the template {path} is larger than 200 MB") from None
    except (OSError, ValueError) as exc:
        reason = getattr(exc, "strerror", None) or exc
        raise DeckError(f"cannot read the template {path}: {reason}") from None
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            expanded = sum(part.file_size for part in archive.infolist())
    except (zipfile.BadZipFile, OSError, ValueError):
        return data  # (python-pptx says it is no PowerPoint file)
    if expanded > MAX_TEMPLATE_EXPANDED_BYTES:
        raise DeckError(f"the template {path} expands to {expanded / 2**20:,.0f} MiB: "
                        "refusing to read it (a zip bomb?)")
    return data


def _drop_slides(prs: Any) -> None:
    """Remove the template's own slides (their parts are not written)."""
    slide_ids = prs.slides._sldIdLst
    for slide_id in list(slide_ids):
        prs.part.drop_rel(slide_id.rId)
        slide_ids.remove(slide_id)


def _placeholder(layout: Any, types: Iterable[int]) -> Any:
    wanted = set(types)
    for shape in layout.placeholders:
        if shape.placeholder_format.type in wanted:
            return shape
    return None


def pick_layouts(prs: Any) -> dict[str, Any]:
    """The layout for each slide kind: by name, else by what placeholders it has."""
    from pptx.enum.shapes import PP_PLACEHOLDER

    titles = (PP_PLACEHOLDER.TITLE, PP_PLACEHOLDER.CENTER_TITLE)
    footers = {PP_PLACEHOLDER.DATE, PP_PLACEHOLDER.FOOTER, PP_PLACEHOLDER.SLIDE_NUMBER}
    layouts = list(prs.slide_layouts)
    if not layouts:
        raise DeckError("the template has no slide layouts")
    by_name = {layout.name.strip().lower(): layout for layout in layouts}
    result: dict[str, Any] = {}
    for kind, names in LAYOUT_NAMES.items():
        for name in names:
            if name.lower() in by_name:
                result[kind] = by_name[name.lower()]
                break
    if "title" not in result:
        result["title"] = next((lay for lay in layouts if _placeholder(
            lay, (PP_PLACEHOLDER.CENTER_TITLE,))), layouts[0])
    if "section" not in result:
        result["section"] = result["title"]
    if "chart" not in result:
        def extra(layout: Any) -> int:
            return sum(1 for ph in layout.placeholders
                       if ph.placeholder_format.type not in footers)
        with_title = [lay for lay in layouts if _placeholder(lay, titles)]
        result["chart"] = min(with_title, key=extra) if with_title else layouts[-1]
    result.setdefault("table", result["chart"])
    return result


def template_frame(prs: Any) -> Frame:
    """Where a chart slide's parts go on this presentation's chart layout."""
    from pptx.enum.shapes import PP_PLACEHOLDER

    width, height = prs.slide_width / EMU_PER_PT, prs.slide_height / EMU_PER_PT
    base = default_frame(width, height)
    layout = pick_layouts(prs)["chart"]
    title = _placeholder(layout, (PP_PLACEHOLDER.TITLE, PP_PLACEHOLDER.CENTER_TITLE))
    if title is None or title.width is None or title.height is None:
        return base
    box = Rect(title.left / EMU_PER_PT, title.top / EMU_PER_PT, title.width / EMU_PER_PT,
               title.height / EMU_PER_PT)
    if box.bottom > height * 0.4:  # a title low on the slide: keep orgviz's own places
        return base
    subtitle = Rect(box.x, box.bottom + 2, box.w, 20.0)
    bottom = base.footer.y
    for shape in layout.placeholders:  # stay above the layout's footer placeholders
        if shape.placeholder_format.type in (PP_PLACEHOLDER.DATE, PP_PLACEHOLDER.FOOTER,
                                             PP_PLACEHOLDER.SLIDE_NUMBER):
            top = shape.top / EMU_PER_PT if shape.top is not None else height
            if top > height * 0.6:
                bottom = min(bottom, top - 2)
    footer = Rect(base.footer.x, bottom, base.footer.w, base.footer.h)
    top = subtitle.bottom + 8
    chart = Rect(max(base.chart.x, box.x), top, min(base.chart.w, box.w),
                 max(40.0, footer.y - 6 - top))
    return Frame(width, height, box, subtitle, chart, footer)


def template_title_size(shape: Any) -> float:
    """The font size (points) a template gives a slide's title placeholder: its layout's or
    master's placeholder's, else the master's title style, else PowerPoint's default."""
    base = shape
    while base is not None:
        found = base._element.xpath("./p:txBody/a:lstStyle/a:lvl1pPr/a:defRPr/@sz")
        if found:
            return int(found[0]) / 100
        base = getattr(base, "_base_placeholder", None)
    master = shape.part.slide_layout.slide_master._element
    found = master.xpath("./p:txStyles/p:titleStyle/a:lvl1pPr/a:defRPr/@sz")
    return int(found[0]) / 100 if found else DEFAULT_TEMPLATE_TITLE


def fit_title(text: str, width: float, height: float, size: float,
              spare: float = 1.2) -> tuple[str, float | None]:
    """A title for a placeholder `width` x `height` points whose template sets it at `size`:
    (text, None) when it fits as it is; else the largest size down to MIN_TEMPLATE_TITLE
    (whole points) at which its lines fit, the text cut short when none does. Text widths are
    multiplied by `spare` (the template's font may be wider than the chart's)."""
    room_w, room_h = (width - 2 * INSET_X) / spare, height - 2 * INSET_Y

    def fits(at: float) -> bool:
        lines = max(1, int(room_h // (at * 1.2)))
        found = wrapped(text, room_w, at, False, lines + 1)
        return len(found) <= lines and not found[-1].endswith("…")

    if room_w <= 0 or not text or fits(size):
        return text, None
    at = float(int(size))
    while at > MIN_TEMPLATE_TITLE:
        at -= 1
        if fits(at):
            return text, at
    at = min(size, MIN_TEMPLATE_TITLE)
    lines = max(1, int(room_h // (at * 1.2)))
    return ellipsize(text, room_w * lines * 0.85, at), at


def boxed_title(text: str, rect: Rect, size: float) -> str:
    """A slide's title as the lines its box holds, as the PDF deck draws it, the last cut
    short: two on a title or section slide, one on a chart slide. Longer, a cover title ran
    up over the accent bar (its box is anchored at its foot) and a chart slide's down over
    the subtitle and the chart. Measured with a little room to spare."""
    rows = max(1, int(rect.h // (size * 1.2)))
    return rejoined(clean(text), wrapped(text, rect.w / TITLE_SPARE, size, True, rows))


def rejoined(text: str, lines: Sequence[str]) -> str:
    """The lines `wrapped` broke cleaned `text` into, joined as they stood in it: a space
    where a line broke at one, nothing where it cut a word (a long one, or a Thai or
    Tifinagh title, written without spaces between words, that ' '.join cut in two)."""
    parts: list[str] = []
    at = 0
    for line in lines:
        if parts and text.startswith(" ", at):
            parts.append(" ")
            at += 1
        parts.append(line)
        at += len(line)
    return "".join(parts)


# --- writing ----------------------------------------------------------------------------------

class _Writer:
    def __init__(self, deck: Deck, prs: Any, styled: bool) -> None:
        self.deck, self.prs, self.styled = deck, prs, styled
        self.theme: Theme = deck.theme
        self.layouts = pick_layouts(prs)
        self.links: list[tuple[Any, int]] = []  # (shape, slide number) set after all slides
        self.rasters: Rasters | None = None  # the PNG fallbacks, drawn as the slides are built
        # Text is measured with the chart's font metrics; a template's font may be wider.
        self.spare = 1.0 if styled else 1.2
        self.media = _Media(prs)
        self.notes_slides = NotesFactory()
        self.blank: dict[int, Any] = {}  # a layout's part's id -> a new slide's element
        self.trees: dict[int, ShapeTree] = {}  # a slide's part's id -> its shape tree

    # text helpers
    def paragraph_style(self, paragraph: Any, size: float | None, color: str | None,
                        bold: bool = False, italic: bool = False) -> None:
        for run in paragraph.runs:
            font = run.font
            if size is not None:
                font.size = _pt_len(size)
            if bold:
                font.bold = True
            if italic:
                font.italic = True
            if self.styled and color is not None:
                font.color.rgb = _rgb(color)
                font.name = "Arial"
                run._r.get_or_add_rPr().set("cap", "none")  # layouts may set all caps

    def text_box(self, slide: Any, rect: Rect, lines: Sequence[str], size: float,
                 color: str, *, bold: bool = False, align: str = "l",
                 italic: bool = False, wrap: bool = True) -> None:
        """A text box; with a template its fonts and text color, else the theme's.

        One-line boxes (`wrap` False) are cut to fit with an ellipsis, measured generously:
        a template's font may be wider than the chart's. (The XML python-pptx's
        `add_textbox` and text frame make, written at once: see `slidexml`.)
        """
        body = self.tree(slide).text_box((_pt(rect.x), _pt(rect.y), _pt(rect.w), _pt(rect.h)),
                                         wrap=wrap)
        if not lines:  # python-pptx's text box's empty paragraph
            paragraph(body, "")
        for line in lines:
            if not wrap:
                line = ellipsize(line, rect.w / self.spare, size, bold)
            p = paragraph(body, _safe(line), align)
            if self.styled:
                style_runs(p, size, color, bold or None, italic or None, "Arial", caps=False)
            else:
                style_runs(p, size, None, bold or None, italic or None)

    def set_title(self, slide: Any, text: str, rect: Rect | None, size: float,
                  kind: str = "title") -> None:
        """Fill the layout's title placeholder (or add a text box when it has none)."""
        from pptx.enum.text import MSO_ANCHOR, PP_ALIGN

        shape = slide.shapes.title
        if shape is None:
            if rect is not None:
                self.text_box(slide, rect, [text], size, self.theme.text, bold=True)
            return
        if self.styled and rect is not None:
            text = boxed_title(text, rect, size)
        shape.text = _safe(text)
        if self.styled and rect is not None:
            shape.left, shape.top, shape.width, shape.height = (
                _pt(rect.x), _pt(rect.y), _pt(rect.w), _pt(rect.h))
            frame = shape.text_frame
            frame.word_wrap = True
            frame.margin_left = frame.margin_right = 0
            frame.vertical_anchor = MSO_ANCHOR.BOTTOM if kind == "cover" else MSO_ANCHOR.TOP
            for paragraph in frame.paragraphs:
                paragraph.alignment = PP_ALIGN.LEFT
                self.paragraph_style(paragraph, size, self.theme.text, bold=True)
            return
        if (rect is not None and kind == "chart" and shape.width is not None
                and rect.w < shape.width / EMU_PER_PT):
            # The template's place and look; narrower when the "reports to" card needs room.
            left, top, height = shape.left, shape.top, shape.height
            shape.left, shape.top, shape.height = left, top, height
            shape.width = _pt(rect.w)
        if shape.width is None or shape.height is None:
            return
        # The template's size, unless the title would then overflow its placeholder (onto
        # the subtitle and the chart): a long title on a narrow (4:3) slide, say.
        fitted, size_set = fit_title(_safe(text), shape.width / EMU_PER_PT,
                                     shape.height / EMU_PER_PT, template_title_size(shape),
                                     self.spare)
        if size_set is not None:
            shape.text = fitted
            for paragraph in shape.text_frame.paragraphs:
                self.paragraph_style(paragraph, size_set, None)

    def background(self, slide: Any) -> None:
        if self.styled:
            fill = slide.background.fill
            fill.solid()
            fill.fore_color.rgb = _rgb(self.theme.background)

    def notes(self, slide: Any, text: str) -> None:
        if text:
            self.notes_slides.add(slide, _safe(text))

    def tree(self, page: Any) -> ShapeTree:
        """The slide's shape tree, to add shapes to with lxml."""
        found = self.trees.get(id(page.part))
        if found is None:
            found = self.trees[id(page.part)] = ShapeTree(page.shapes._spTree)
        return found

    def new_slide(self, layout: Any) -> Any:
        """`prs.slides.add_slide(layout)`: the first slide of each layout python-pptx's own
        (the layout's placeholders cloned through its proxies), the others copies of it."""
        from pptx.opc.constants import CONTENT_TYPE, RELATIONSHIP_TYPE
        from pptx.opc.packuri import PackURI
        from pptx.parts.slide import SlidePart

        slides = self.prs.slides
        blank = self.blank.get(id(layout.part))
        if blank is None:
            page = slides.add_slide(layout)
            self.blank[id(layout.part)] = copy.deepcopy(page._element)
            return page
        ids = slides._sldIdLst
        # python-pptx's `_next_slide_partname`
        name = PackURI(f"/ppt/slides/slide{len(ids) + 1}.xml")
        part = SlidePart(name, CONTENT_TYPE.PML_SLIDE, self.prs.part.package,
                         copy.deepcopy(blank))
        part.relate_to(layout.part, RELATIONSHIP_TYPE.SLIDE_LAYOUT)
        ids.add_sldId(self.prs.part.relate_to(part, RELATIONSHIP_TYPE.SLIDE))
        return part.slide

    # slides
    def add(self, slide: Slide, number: int) -> Any:
        layout = self.layouts[slide.kind]
        page = self.new_slide(layout)
        self.background(page)
        if slide.kind in ("title", "section"):
            self.cover(page, slide)
        else:
            self.header(page, slide)
            if slide.picture is not None:
                self.picture(page, slide)
            if slide.table:
                self.table(page, slide)
        self.footer(page, slide, number)
        self.notes(page, slide.notes)
        self.clear_placeholders(page)
        return page

    def cover(self, page: Any, slide: Slide) -> None:
        from pptx.enum.shapes import MSO_SHAPE, PP_PLACEHOLDER

        bar, title, subtitle = cover(self.deck.frame)
        size = COVER_TITLE_SIZE if slide.kind == "title" else SECTION_TITLE_SIZE
        lines = slide.subtitle.splitlines()
        if self.styled:
            shape = page.shapes.add_shape(MSO_SHAPE.RECTANGLE, _pt(bar.x), _pt(bar.y),
                                          _pt(bar.w), _pt(bar.h))
            shape.fill.solid()
            shape.fill.fore_color.rgb = _rgb(accent(self.theme, "#4C78A8"))
            shape.line.fill.background()
            shape.name = "Accent"
        self.set_title(page, slide.title, title, size, "cover")
        body = None
        for shape in page.placeholders:
            if shape.placeholder_format.type in (PP_PLACEHOLDER.SUBTITLE, PP_PLACEHOLDER.BODY):
                body = shape
                break
        if body is None:
            self.text_box(page, subtitle, lines, COVER_SUBTITLE_SIZE, self.theme.muted)
            return
        frame = body.text_frame
        for index, line in enumerate(lines):
            paragraph = frame.paragraphs[0] if index == 0 else frame.add_paragraph()
            paragraph.text = _safe(line)
        if self.styled:
            from pptx.enum.text import MSO_ANCHOR, PP_ALIGN

            body.left, body.top, body.width, body.height = (
                _pt(subtitle.x), _pt(subtitle.y), _pt(subtitle.w), _pt(subtitle.h))
            frame.margin_left = frame.margin_right = 0
            frame.vertical_anchor = MSO_ANCHOR.TOP
            for paragraph in frame.paragraphs:
                paragraph.alignment = PP_ALIGN.LEFT
                self.paragraph_style(paragraph, COVER_SUBTITLE_SIZE, self.theme.muted)

    def header(self, page: Any, slide: Slide) -> None:
        frame = self.deck.frame
        width = title_width(frame, slide)
        rect = Rect(frame.title.x, frame.title.y, width, frame.title.h)
        self.set_title(page, slide.title, rect, title_size(slide.title, width / TITLE_SPARE),
                       "chart")
        if slide.subtitle:
            self.text_box(page, Rect(frame.subtitle.x, frame.subtitle.y,
                                     subtitle_width(frame, slide), frame.subtitle.h),
                          [slide.subtitle], SUBTITLE_SIZE, self.theme.muted, wrap=False)
        if slide.reports_to is not None:
            # A rounded rectangle (corners 0.15), dotted line, no shadow, its text in the
            # middle: the XML python-pptx's proxies wrote (see `slidexml`)
            box = reference_box(frame, slide)
            sp = self.tree(page).auto_shape(
                f"Reports to (slide {slide.reports_to.slide})", "roundRect",
                (_pt(box.x), _pt(box.y), _pt(box.w), _pt(box.h)), self.theme.rollup_fill,
                shadow=False, line=(self.theme.line, _pt(1.0), "sysDot"), adjust="val 15000")
            first, second = reference_lines(slide, box.w)
            text = sp.find(f"{{{P_NS}}}txBody")
            body_pr = text[0]
            for side, margin in (("lIns", 10), ("rIns", 10), ("tIns", 4), ("bIns", 4)):
                body_pr.set(side, str(_pt(margin)))
            body_pr.set("wrap", "square")
            text.remove(text[2])  # (its empty centered paragraph)
            for line, size, color, bold in (
                    (first, REFERENCE_NAME_SIZE, self.theme.text, True),
                    (second, REFERENCE_TEXT_SIZE, self.theme.muted, False)):
                style_runs(paragraph(text, _safe(line), "l"), size, color, bold, not bold,
                           "Arial" if self.styled else None)
            self.links.append((self.proxy(page, sp), slide.reports_to.slide))

    def picture(self, page: Any, slide: Slide) -> None:
        picture = slide.picture
        assert picture is not None
        frame = self.deck.frame
        place = frame.placed(picture.width, picture.height, self.deck.min_font,
                             picture.min_text)
        job = (picture.svg, place.w)
        png = self.rasters.png(job) if self.rasters is not None else raster(*job)
        shape = self.media.picture(page, png, place)
        shape.name = "Org chart"
        shape._element.nvPicPr.cNvPr.set("descr", _safe(picture.description))
        self.media.add_svg(page, shape, picture.svg)
        scale = place.w / picture.width
        for box, number in picture.links:
            area = Rect(place.x + box.left * scale, place.y + box.top * scale,
                        box.w * scale, box.h * scale)
            self.links.append((self.hotspot(page, area, number), number))

    def hotspot(self, page: Any, area: Rect, number: int) -> Any:
        """An invisible rectangle over a card (white, fully transparent, no line or shadow),
        to be linked to slide `number`."""
        sp = self.tree(page).auto_shape(
            f"Link to slide {number}", "rect",
            (_pt(area.x), _pt(area.y), _pt(area.w), _pt(area.h)), "#FFFFFF", alpha="0",
            shadow=False)
        return self.proxy(page, sp)

    @staticmethod
    def proxy(page: Any, sp: Any) -> Any:
        """python-pptx's shape object of a shape element on the slide `page`."""
        from pptx.shapes.autoshape import Shape

        return Shape(sp, page.shapes)

    def table(self, page: Any, slide: Slide) -> None:
        frame = self.deck.frame
        rows = slide.table
        columns = table_columns(frame, len(rows[0]))
        area = frame.chart
        height = TABLE_ROW * len(rows)
        shape = page.shapes.add_table(len(rows), len(rows[0]), _pt(area.x), _pt(area.y + 6),
                                      _pt(area.w), _pt(height))
        shape.name = "Comparison"
        table = shape.table
        for index, (_, width) in enumerate(columns):
            table.columns[index].width = _pt(width)
        for r, row in enumerate(rows):
            table.rows[r].height = _pt(TABLE_ROW)
            for c, value in enumerate(row):
                cell = table.cell(r, c)
                cell.text = _safe(value)
                cell.margin_top = cell.margin_bottom = _pt(3)
                for cell_paragraph in cell.text_frame.paragraphs:
                    for run in cell_paragraph.runs:
                        run.font.size = _pt_len(TABLE_SIZE)
                        run.font.bold = r == 0 or c == 0
                        if self.styled:
                            run.font.name = "Arial"
        if self.styled:  # orgviz's look: a plain table with tinted rows
            table.first_row = True
            table.horz_banding = False
            for r, row in enumerate(rows):
                for c in range(len(row)):
                    cell = table.cell(r, c)
                    cell.fill.solid()
                    cell.fill.fore_color.rgb = _rgb(
                        self.theme.row_band if r % 2 == 1 else self.theme.background)
                    for paragraph in cell.text_frame.paragraphs:
                        for run in paragraph.runs:
                            run.font.color.rgb = _rgb(
                                self.theme.text if r == 0 or c == 0 else self.theme.muted)

    def footer(self, page: Any, slide: Slide, number: int) -> None:
        """The legend of the chart's colors, the footer text and the slide number."""
        frame, theme, spare = self.deck.frame, self.theme, self.spare
        foot = frame.footer
        number_text = str(number)
        number_w = text_width(number_text, FOOTER_SIZE, True) * spare + 4
        self.text_box(page, Rect(foot.right - 40, foot.y, 40, foot.h), [number_text],
                      FOOTER_SIZE, theme.muted, bold=True, align="r", wrap=False)
        room = foot.right - number_w - 14
        text = footer_text(slide, room - foot.x - 8, spare)
        if text:
            width = text_width(text, FOOTER_SIZE) * spare + 8
            self.text_box(page, Rect(room - width, foot.y, width, foot.h), [text],
                          FOOTER_SIZE, theme.faint, align="r", wrap=False)
            room -= width + 16
        start = foot.x
        heading = legend_heading(slide)
        if heading:
            width = text_width(heading, FOOTER_SIZE) * spare
            self.text_box(page, Rect(start, foot.y, width + 8, foot.h), [heading],
                          FOOTER_SIZE, theme.faint, wrap=False)
            start += width + LEGEND_HEADING_GAP
        entries, left_out = legend_items(theme, slide.legend, start, foot.y + 11, room,
                                         spare)
        for x, label, color in entries:
            self.tree(page).auto_shape(f"Legend {label}", "roundRect",
                                       (_pt(x), _pt(foot.y + 3), _pt(8), _pt(8)), color,
                                       shadow=False)
            width = text_width(label, FOOTER_SIZE) * spare + 8
            self.text_box(page, Rect(x + 12, foot.y, width, foot.h), [label], FOOTER_SIZE,
                          theme.muted, wrap=False)
        if left_out:
            last_x, last_label, _ = entries[-1]
            x = last_x + 12 + text_width(last_label, FOOTER_SIZE) * spare + 14
            self.text_box(page, Rect(x, foot.y, 80, foot.h), [f"+{left_out} more"],
                          FOOTER_SIZE, theme.faint, wrap=False)

    def clear_placeholders(self, page: Any) -> None:
        """Remove placeholders left empty (they would show 'Click to add text')."""
        sp_tree = self.tree(page).sp_tree
        for sp in empty_placeholders(sp_tree):
            sp_tree.remove(sp)

    def write(self) -> None:
        """Add the slides, each chart's PNG taken as the workers finish it, then the links."""
        frame, min_font = self.deck.frame, self.deck.min_font
        jobs = [(p.svg, frame.placed(p.width, p.height, min_font, p.min_text).w)
                for p in (slide.picture for slide in self.deck.slides) if p is not None]
        with Rasters(jobs) as self.rasters:
            pages = [self.add(slide, index + 1) for index, slide in enumerate(self.deck.slides)]
        self.rasters = None
        for shape, number in self.links:
            if 1 <= number <= len(pages):
                shape.click_action.target_slide = pages[number - 1]


def _pt_len(size: float) -> Any:
    from pptx.util import Pt

    return Pt(size)


class _Media:
    """Image parts named by a counter: python-pptx looks for a free name (and an equal image)
    among all parts for every picture, which takes minutes for a few hundred slides. Equal
    images (the same chart on two slides) are one part."""

    def __init__(self, prs: Any) -> None:
        package = prs.part.package
        used = [str(part.partname) for part in package.iter_parts()]
        self.package = package
        self.next = 1 + sum(1 for name in used if name.startswith("/ppt/media/"))
        self.used = set(used)
        self.parts: dict[bytes, Any] = {}  # an image's bytes -> its part, stored once

    def partname(self, ext: str) -> Any:
        from pptx.opc.packuri import PackURI

        while True:
            name = f"/ppt/media/image{self.next}.{ext}"
            self.next += 1
            if name not in self.used:
                self.used.add(name)
                return PackURI(name)

    def picture(self, page: Any, png: bytes, place: Rect) -> Any:
        """A picture shape showing `png` at `place`."""
        from pptx.opc.constants import RELATIONSHIP_TYPE
        from pptx.parts.image import ImagePart

        box = (_pt(place.x), _pt(place.y), _pt(place.w), _pt(place.h))
        shapes = page.shapes
        if not hasattr(shapes, "_add_pic_from_image_part"):  # pragma: no cover - other pptx
            return shapes.add_picture(io.BytesIO(png), *box)
        part = self.parts.get(png)
        if part is None:
            part = self.parts[png] = ImagePart(self.partname("png"), "image/png",
                                               self.package, png, "chart.png")
        rel_id = page.part.relate_to(part, RELATIONSHIP_TYPE.IMAGE)
        element = shapes._add_pic_from_image_part(part, rel_id, *box)
        return shapes._shape_factory(element)

    def add_svg(self, page: Any, picture: Any, svg: bytes) -> None:
        """Attach the SVG to a picture whose image is its PNG, as PowerPoint stores SVG."""
        from pptx.opc.constants import RELATIONSHIP_TYPE
        from pptx.opc.package import Part

        part = self.parts.get(svg)
        if part is None:
            part = self.parts[svg] = Part(self.partname("svg"), "image/svg+xml", self.package,
                                          svg)
        rel_id = page.part.relate_to(part, RELATIONSHIP_TYPE.IMAGE)
        blip = picture._element.blipFill.find(f"{{{A_NS}}}blip")
        ext_list = blip.find(f"{{{A_NS}}}extLst")
        if ext_list is None:
            ext_list = blip.makeelement(f"{{{A_NS}}}extLst", {})
            blip.append(ext_list)
        ext = ext_list.makeelement(f"{{{A_NS}}}ext", {"uri": SVG_EXTENSION})
        ext_list.append(ext)
        svg_blip = ext.makeelement(f"{{{SVG_NS}}}svgBlip", {f"{{{R_NS}}}embed": rel_id},
                                   nsmap={"asvg": SVG_NS})
        ext.append(svg_blip)


#: Text beyond Latin, Greek and Cyrillic: cairo draws it without shaping or font fallback.
_COMPLEX_TEXT = re.compile("[\u0530-\u1cff\u2e80-\uffef\U00010000-\U0010ffff]")


#: The fill of a chart's background: its first rectangle, as wide and high as the chart.
_BACKGROUND = re.compile(rb'<rect width="([\d.]+)" height="([\d.]+)" fill="(#[0-9A-Fa-f]{6})"/>')
#: The palette is chosen from every 4th pixel across and down (their exact colors).
_PALETTE_SAMPLE_STEP = 4
#: zlib's compression level of the PNGs (1 is twice as fast and half as large again, 9
#: a tenth smaller and five times as slow).
_PNG_LEVEL = 6


def raster(svg: bytes, width_pt: float) -> bytes:
    """The PNG fallback of a chart placed `width_pt` points wide (4 px per point).

    Charts with text that needs shaping or other fonts (Arabic, Hebrew, CJK, emoji ...) are
    drawn like `orgviz render` PNGs (resvg when installed: right-to-left, joining, font
    fallback). The others, nearly all, by cairosvg on the chart's background color, made
    256-color by Pillow (python-pptx's own dependency) and written as such a PNG: a third of
    the size of a full-color one (charts are flat colors and gray edges) and in half the time.
    """
    from orgviz.render.convert import _cairosvg, _resvg, svg_to_png

    width = max(1, round(width_pt * PNG_PX_PER_PT))
    if _resvg() is not None and _COMPLEX_TEXT.search(svg.decode("utf-8", "replace")):
        return svg_to_png(svg, width=width)
    _cairosvg()
    from cairosvg.parser import Tree
    from cairosvg.surface import PNGSurface
    from PIL import Image

    first = svg.find(b"<rect ")
    found = _BACKGROUND.match(svg, first) if first >= 0 else None
    background = found.group(3).decode() if found else "#FFFFFF"
    # Painted first, under the chart: the last row or column, only partly covered when the
    # chart's height in pixels is not whole, shows the chart's background (not black: a gray
    # line along the picture's edge), and every pixel is opaque, read as it is.
    surface = PNGSurface(Tree(bytestring=svg), None, 96, output_width=width,
                         background_color=background).cairo
    surface.flush()
    image = Image.frombuffer("RGB", (surface.get_width(), surface.get_height()),
                             surface.get_data(), "raw", "BGRX", surface.get_stride(), 1)
    return _indexed_png(image, rgb(background))


def _indexed_png(image: Any, background: tuple[int, ...]) -> bytes:
    """A full-color drawing as a 256-color PNG. The palette is found among a sample of its
    pixels, exact colors (Pillow's fast octree merged colors a few steps apart: a row's
    light gray band turned white), and the background stays exact (a near-white would show
    as a faint box on a white slide)."""
    from PIL import Image

    step = _PALETTE_SAMPLE_STEP
    sample = image.resize((max(1, image.width // step), max(1, image.height // step)),
                          Image.Resampling.NEAREST)
    palette = sample.quantize(256, method=Image.Quantize.MAXCOVERAGE,
                              dither=Image.Dither.NONE)
    indexed = image.quantize(palette=palette, dither=Image.Dither.NONE)
    index = indexed.getpixel((0, 0))  # the chart's margin
    colors = indexed.getpalette() or []
    if isinstance(index, int) and len(colors) >= index * 3 + 3:
        colors[index * 3:index * 3 + 3] = list(background)
        indexed.putpalette(colors)
    return _palette_png(indexed)


def _palette_png(indexed: Any) -> bytes:
    """A palette image (mode P) as a PNG, the same pixels as Pillow writes them in fewer bytes:
    a row that repeats the one above (blank stretches, the inside of cards: a third of a
    chart's rows) is written with PNG's Up filter, all zeros; the others unfiltered, as
    Pillow writes palette images. Compressed by zlib at level 6 as Pillow's was: 4% smaller
    in the same time. A palette of 16 colors or fewer is left to Pillow, which packs the
    pixels in 4, 2 or 1 bits, and so is an image with transparent colors (a tRNS chunk this
    writer does not write; the charts are opaque)."""
    palette = indexed.getpalette() or []
    if len(palette) <= 16 * 3 or "transparency" in indexed.info:
        output = io.BytesIO()
        indexed.save(output, "PNG", compress_level=_PNG_LEVEL)
        return output.getvalue()
    width, height = indexed.size
    pixels = indexed.tobytes()
    repeated = b"\x02" + bytes(width)  # (Up: each byte less the one above)
    rows = []
    above = b""
    for start in range(0, width * height, width):
        row = pixels[start:start + width]
        rows.append(repeated if row == above else b"\x00" + row)
        above = row
    header = struct.pack(">IIBBBBB", width, height, 8, 3, 0, 0, 0)  # 8 bits, palette
    return b"".join((b"\x89PNG\r\n\x1a\n", _png_chunk(b"IHDR", header),
                     _png_chunk(b"PLTE", bytes(palette[:256 * 3])),
                     _png_chunk(b"IDAT", zlib.compress(b"".join(rows), _PNG_LEVEL)),
                     _png_chunk(b"IEND", b"")))


def _png_chunk(kind: bytes, data: bytes) -> bytes:
    return (struct.pack(">I", len(data)) + kind + data
            + struct.pack(">I", zlib.crc32(kind + data)))


def _raster_job(job: tuple[bytes, float]) -> bytes:
    return raster(*job)


def _worker_signals() -> None:
    """(in a worker) Ctrl-C, SIGTERM and SIGHUP end it at once and quietly, drawing or
    waiting for a chart (forked, it had orgviz's handler: a chart drawn to its end, then the
    next; a traceback when it came between charts); the main process reports them."""
    import signal

    from orgviz.entry import stop_on_signals

    stop_on_signals(signal.SIG_DFL)


class Rasters:
    """`raster` of a deck's charts, each distinct chart once (a generated org repeats whole
    teams), started on several processes when there are many and cores to spare, in the
    order the slides ask for them: the slides are built while the workers draw.

    Used as a context manager: on leaving it (done, an error, Ctrl-C) the charts not started
    are cancelled and the workers drawing one are waited for. A pool that cannot start or
    breaks (sandboxes), or a worker's OSError or RuntimeError, leaves the charts not yet
    taken to be drawn here one by one (an error a chart raises is then raised here).
    """

    def __init__(self, jobs: Sequence[tuple[bytes, float]]) -> None:
        self.distinct = list(dict.fromkeys(jobs))
        self.drawn: dict[tuple[bytes, float], bytes] = {}
        self.futures: dict[tuple[bytes, float], Any] = {}
        self.pool: Any = None

    def __enter__(self) -> Rasters:
        workers = min(os.cpu_count() or 1, 8, len(self.distinct) // 4)
        if workers >= 2:
            self._start(workers)
        return self

    def __exit__(self, *exc_info: object) -> None:
        self._stop()

    def _start(self, workers: int) -> None:
        """Start `workers` processes and give them every chart, in the slides' order."""
        import concurrent.futures
        import multiprocessing

        method = "fork" if "fork" in multiprocessing.get_all_start_methods() else None
        try:
            self.pool = concurrent.futures.ProcessPoolExecutor(
                workers, mp_context=multiprocessing.get_context(method),
                initializer=_worker_signals)
            for job in self.distinct:
                self.futures[job] = self.pool.submit(_raster_job, job)
        except (OSError, RuntimeError, concurrent.futures.process.BrokenProcessPool):
            self._stop()  # no process pool here: draw them one by one

    def _stop(self) -> None:
        """Cancel the charts not started, wait for the workers; later charts are drawn here."""
        pool, self.pool, self.futures = self.pool, None, {}
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)

    def png(self, job: tuple[bytes, float]) -> bytes:
        """The PNG of a chart (its SVG and width in points), waited for if it is being drawn."""
        found = self.drawn.get(job)
        if found is not None:
            return found
        future = self.futures.pop(job, None)
        if future is not None:
            import concurrent.futures

            try:
                found = future.result()
            except (OSError, RuntimeError, concurrent.futures.process.BrokenProcessPool):
                self._stop()  # (drawn again here: its error, if it has one, raised from here)
        if found is None:
            found = raster(*job)
        self.drawn[job] = found
        return found


def fixed_time() -> datetime.datetime:
    """The documents' date: SOURCE_DATE_EPOCH when set, else 1970-01-01 (as PDFs)."""
    try:
        epoch = int(os.environ.get("SOURCE_DATE_EPOCH", "0"))
        return datetime.datetime.fromtimestamp(epoch, datetime.timezone.utc).replace(
            tzinfo=None)
    except (ValueError, OverflowError, OSError):
        return datetime.datetime(1970, 1, 1)


def _zip_entry(name: str) -> zipfile.ZipInfo:
    """A zip entry with a fixed time and attributes, so equal decks are equal bytes."""
    entry = zipfile.ZipInfo(name, ZIP_TIME)
    # PNG data is compressed already; everything else is XML (and SVG).
    entry.compress_type = zipfile.ZIP_STORED if name.endswith(".png") else zipfile.ZIP_DEFLATED
    entry.create_system = 0
    entry.external_attr = 0
    return entry


def deck_pptx(deck: Deck, prs: Any | None = None) -> bytes:
    """The .pptx bytes of a deck; `prs` from `open_template` (default: orgviz's own look)."""
    styled = prs is None
    if prs is None:
        prs = open_template(None)
    writer = _Writer(deck, prs, styled)
    writer.write()
    props = prs.core_properties
    props.title = _safe(deck.title)[:255]
    props.subject = _safe(deck.subject)[:255]
    props.author = "orgviz"
    props.last_modified_by = "orgviz"
    props.revision = 1
    props.created = props.modified = fixed_time()
    props.last_printed = fixed_time()
    return save(prs)


def save(prs: Any) -> bytes:
    """The presentation's package bytes, as `prs.save` writes them, however deep its links,
    in zip entries of fixed times and attributes (`_zip_entry`), so equal decks are equal
    bytes: python-pptx's writer, its entries written by this zip.

    python-pptx finds the parts to write by a recursive walk of the relationships: slides
    that link to slides that link to slides ... (a long reporting chain) exceed Python's
    recursion limit. The same walk, depth first in the same order, with a stack instead.
    """
    from pptx.opc.serialized import PackageWriter

    package = prs.part.package
    output = io.BytesIO()
    parts = tuple(package_parts(package))
    with zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as archive:
        # python-pptx's writer, its entries written by this zip (`_write` without the
        # zip python-pptx opens): the same entries in the same order
        writer = PackageWriter(output, package._rels, parts)
        sink: Any = _NormalizedZip(archive)
        writer._write_content_types_stream(sink)
        writer._write_pkg_rels(sink)
        writer._write_parts(sink)
    return output.getvalue()


class _NormalizedZip:
    """python-pptx's physical package writer's `write`, into a zip of `_zip_entry`s."""

    def __init__(self, archive: zipfile.ZipFile) -> None:
        self.archive = archive

    def write(self, pack_uri: Any, blob: bytes) -> None:
        self.archive.writestr(_zip_entry(pack_uri.membername), blob)


def package_parts(package: Any) -> list[Any]:
    """Each part of the package once, in the order of python-pptx's `iter_parts`."""
    seen: set[int] = set()
    parts: list[Any] = []
    stack = [iter(package._rels.values())]
    while stack:
        rel = next(stack[-1], None)
        if rel is None:
            stack.pop()
            continue
        if rel.is_external or id(rel.target_part) in seen:
            continue
        part = rel.target_part
        seen.add(id(part))
        parts.append(part)
        stack.append(iter(part.rels.values()))
    return parts
