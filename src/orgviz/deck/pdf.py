"""The deck as one multi-page vector PDF, drawn by cairo (no LibreOffice needed).

Each slide becomes an SVG page (pages.py) that cairosvg draws onto one shared cairo PDF
surface, page after page. Cards that say "continued on slide N" and the "reports to" card
link to their slides where cairo can write links (1.16 and later): each page is a named
destination ('slide-N'), which links before it reach too.
"""

from __future__ import annotations

import io
from typing import TYPE_CHECKING, Any

from orgviz.deck.pages import page_svg, reference_box
from orgviz.deck.slides import Deck
from orgviz.errors import RenderError

if TYPE_CHECKING:
    from orgviz.render.convert import PdfPage


def _page_surface_class(cairosvg: Any) -> Any:
    class PageSurface(cairosvg.surface.PDFSurface):  # type: ignore[misc]  # cairosvg: no hints
        """cairosvg's PDF surface drawing one page onto a shared cairo surface."""

        def __init__(self, target: Any, tree: Any) -> None:
            self._target = target
            super().__init__(tree, None, 96)

        def _create_surface(self, width: float, height: float) -> tuple[Any, float, float]:
            self._target.set_size(width, height)
            return self._target, width, height

    return PageSurface


def deck_pdf(deck: Deck, notes: list[str] | None = None) -> bytes:
    """The PDF bytes of a deck (fixed dates: the same deck gives the same bytes).

    A page whose text cairo would draw wrongly (CJK, Arabic, Hebrew ...) is drawn as an
    image by resvg (render/convert.py: `pdf_page_svg`), its text written invisibly over it
    (render/pdftextlayer.py); one note in `notes` names those slides.
    """
    from orgviz.render.convert import _cairosvg, fix_pdf_dates, pdf_page_svg
    from orgviz.render.pdftextlayer import Line, with_text_layers

    _cairosvg()  # a clear error when cairosvg or the cairo library is missing
    import cairocffi
    import cairosvg.parser
    import cairosvg.surface

    page_surface = _page_surface_class(cairosvg)
    output = io.BytesIO()
    target = cairocffi.PDFSurface(output, deck.frame.width, deck.frame.height)
    _metadata(target, deck)
    links = _can_link(cairocffi)
    pages: list[tuple[int, PdfPage]] = []
    layers: dict[int, tuple[Line, ...]] = {}  # the text of pages drawn as images
    try:
        for index in range(len(deck.slides)):
            page = pdf_page_svg(page_svg(deck, index))
            if page.trouble is not None:
                pages.append((index + 1, page))
                layers[index] = page.lines
            tree = cairosvg.parser.Tree(bytestring=page.svg)
            page_surface(target, tree)
            if links:
                context = cairocffi.Context(target)
                # The page's name, which links to it go to (drawn after the page: cairo
                # writes no destination on a page with nothing drawn yet).
                context.tag_begin(cairocffi.TAG_DEST, f"name='{dest_name(index + 1)}' x=0 y=0")
                context.tag_end(cairocffi.TAG_DEST)
                _links(cairocffi, context, deck, index)
            target.show_page()
        target.finish()
    except MemoryError:
        raise RenderError("not enough memory to draw the PDF deck") from None
    except (ValueError, TypeError) as exc:  # cairosvg's errors on a drawing it cannot read
        raise RenderError(f"cannot draw the PDF deck: {exc}") from None
    if pages and notes is not None:
        notes.append(pages_note(pages))
    return with_text_layers(fix_pdf_dates(output.getvalue()), layers)


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


def dest_name(number: int) -> str:
    """The named destination of slide `number` ('slide-7'), which links go to."""
    return f"slide-{number}"


def _links(cairocffi: Any, context: Any, deck: Deck, index: int) -> None:
    """Link areas of slide `index`: its continued cards and its 'reports to' card.

    Links name their slide's destination (`dest_name`): cairo 1.16 drops a link by page
    number to a page not written yet (every link to a later slide).
    """
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
        card = reference_box(frame, slide)
        areas.append((card.x, card.y, card.w, card.h, slide.reports_to.slide))
    for x, y, w, h, number in areas:
        if not 1 <= number <= len(deck.slides):
            continue
        context.tag_begin(cairocffi.TAG_LINK,
                          f"rect=[{x:.2f} {y:.2f} {w:.2f} {h:.2f}] "
                          f"dest='{dest_name(number)}'")
        context.tag_end(cairocffi.TAG_LINK)


def pages_note(pages: list[tuple[int, PdfPage]]) -> str:
    """One note for the slides (number, page) whose text cairo would draw wrongly."""
    from orgviz.render.convert import pdf_image_note

    troubles = [page.trouble for _, page in pages if page.trouble is not None]
    trouble = troubles[0]
    for other in troubles[1:]:
        trouble = trouble.merged(other)
    where = slide_ranges([number for number, _ in pages])
    dpis = sorted({page.dpi for _, page in pages if page.dpi is not None})
    if not dpis:  # resvg-py is missing: the pages are drawn by cairo as they are
        return pdf_image_note(trouble, None, pages=where)
    dpi = f"{dpis[0]}" if len(dpis) == 1 else f"{dpis[0]}-{dpis[-1]}"
    return pdf_image_note(trouble, dpi, pages=where, min_dpi=dpis[0])


def slide_ranges(numbers: list[int]) -> str:
    """'slide 7', 'slides 2-4, 7, 9-12' (ascending numbers)."""
    if len(numbers) == 1:
        return f"slide {numbers[0]}"
    runs: list[list[int]] = []
    for number in numbers:
        if runs and number == runs[-1][-1] + 1:
            runs[-1].append(number)
        else:
            runs.append([number])
    return "slides " + ", ".join(
        f"{run[0]}-{run[-1]}" if len(run) > 1 else str(run[0]) for run in runs)
