"""The deck as one multi-page vector PDF, drawn by cairo (no LibreOffice needed).

Each slide becomes an SVG page (pages.py) that cairosvg draws onto one shared cairo PDF
surface, page after page. Cards that say "continued on slide N" and the "reports to" card
link to their slides where cairo can write links (1.16 and later).
"""

from __future__ import annotations

import io
import re
from typing import Any

from orgviz.deck.pages import page_svg, reference_box
from orgviz.deck.slides import Deck
from orgviz.errors import RenderError


def _page_surface_class(cairosvg: Any) -> Any:
    class PageSurface(cairosvg.surface.PDFSurface):
        """cairosvg's PDF surface drawing one page onto a shared cairo surface."""

        def __init__(self, target: Any, tree: Any) -> None:
            self._target = target
            super().__init__(tree, None, 96)

        def _create_surface(self, width: float, height: float) -> tuple[Any, float, float]:
            self._target.set_size(width, height)
            return self._target, width, height

    return PageSurface


def deck_pdf(deck: Deck) -> bytes:
    """The PDF bytes of a deck (fixed dates: the same deck gives the same bytes)."""
    from orgviz.render.convert import _cairosvg, fix_pdf_dates

    _cairosvg()  # a clear error when cairosvg or the cairo library is missing
    import cairocffi
    import cairosvg.parser
    import cairosvg.surface

    page_surface = _page_surface_class(cairosvg)
    output = io.BytesIO()
    target = cairocffi.PDFSurface(output, deck.frame.width, deck.frame.height)
    _metadata(target, deck)
    links = _can_link(cairocffi)
    try:
        for index in range(len(deck.slides)):
            tree = cairosvg.parser.Tree(bytestring=page_svg(deck, index))
            page_surface(target, tree)
            if links:
                _links(cairocffi, target, deck, index)
            target.show_page()
        target.finish()
    except MemoryError:
        raise RenderError("not enough memory to draw the PDF deck") from None
    except (ValueError, TypeError) as exc:  # cairosvg's errors on a drawing it cannot read
        raise RenderError(f"cannot draw the PDF deck: {exc}") from None
    return utc_dates(fix_pdf_dates(output.getvalue()))


#: A fixed date's time zone as cairo writes it: "Z" in UTC, else "+05'30" and the like.
_DATE_ZONE = re.compile(rb"/(?:CreationDate|ModDate)\s*\(D:\d{14}([^)]*)\)")
_STARTXREF = re.compile(rb"startxref\s+(\d+)\s+%%EOF\s*$")
_XREF_SECTION = re.compile(rb"\s*(\d+) (\d+)\s*?\r?\n")
_XREF_ENTRY = re.compile(rb"(\d{10}) \d{5} ([nf])(?: \r| \n|\r\n)")


def utc_dates(pdf: bytes) -> bytes:
    """The PDF with its dates in UTC ("Z"), whatever the TZ it was made in.

    cairo writes the date's zone as the local one ("+05'30" under TZ=Asia/Kolkata, "Z"
    under UTC); `fix_pdf_dates` fixes the time but keeps that zone's length, so the bytes
    would depend on TZ. The zone becomes "Z" and the cross-reference table moves with it.
    A PDF whose table this cannot read (no classic xref table) is returned as it is.
    """
    edits = [found.span(1) for found in _DATE_ZONE.finditer(pdf) if found.group(1) != b"Z"]
    end = _STARTXREF.search(pdf)
    if not edits or end is None:
        return pdf
    table = int(end.group(1))
    if pdf[table:table + 4] != b"xref" or edits[-1][1] > table:
        return pdf
    offsets: list[tuple[int, int]] = []  # (where an offset is written, its value)
    at = table + 4
    while (section := _XREF_SECTION.match(pdf, at)) is not None:
        at = section.end()
        for _ in range(int(section.group(2))):
            entry = _XREF_ENTRY.match(pdf, at)
            if entry is None:
                return pdf
            if entry.group(2) == b"n":
                offsets.append((at, int(entry.group(1))))
            at = entry.end()
    trailer = pdf[at:end.start()]
    if not trailer.lstrip().startswith(b"trailer") or b"/Prev" in trailer:
        return pdf

    def moved(offset: int) -> int:
        return offset + sum(1 - (stop - start) for start, stop in edits if stop <= offset)

    parts: list[bytes] = []
    last = 0
    for start, stop in edits:
        parts += [pdf[last:start], b"Z"]
        last = stop
    for where, offset in offsets:
        parts += [pdf[last:where], b"%010d" % moved(offset)]
        last = where + 10
    parts += [pdf[last:end.start(1)], b"%d" % moved(table), pdf[end.end(1):]]
    return b"".join(parts)


def _can_link(cairocffi: Any) -> bool:
    return hasattr(cairocffi.Context, "tag_begin") and cairocffi.cairo_version() >= 11600


def _metadata(target: Any, deck: Deck) -> None:
    try:
        import cairocffi

        target.set_metadata(cairocffi.PDF_METADATA_TITLE, deck.title)
        if deck.subject:
            target.set_metadata(cairocffi.PDF_METADATA_SUBJECT, deck.subject)
        target.set_metadata(cairocffi.PDF_METADATA_CREATOR, "orgviz")
    except (AttributeError, Exception):  # cairo before 1.16 has no metadata
        return


def _links(cairocffi: Any, target: Any, deck: Deck, index: int) -> None:
    """Link areas of slide `index`: its continued cards and its 'reports to' card."""
    slide, frame = deck.slides[index], deck.frame
    areas: list[tuple[float, float, float, float, int]] = []
    picture = slide.picture
    if picture is not None and picture.links:
        place = frame.placed(picture.width, picture.height, deck.min_font, picture.min_text)
        scale = place.w / picture.width
        for box, number in picture.links:
            areas.append((place.x + box.left * scale, place.y + box.top * scale,
                          box.w * scale, box.h * scale, number))
    if slide.reports_to is not None:
        box = reference_box(frame)
        areas.append((box.x, box.y, box.w, box.h, slide.reports_to.slide))
    if not areas:
        return
    context = cairocffi.Context(target)
    for x, y, w, h, number in areas:
        if not 1 <= number <= len(deck.slides):
            continue
        context.tag_begin(cairocffi.TAG_LINK,
                          f"rect=[{x:.2f} {y:.2f} {w:.2f} {h:.2f}] page={number} "
                          f"pos=[0 0]")
        context.tag_end(cairocffi.TAG_LINK)
