"""slidexml: the XML written with lxml directly is the XML python-pptx's proxies wrote."""

from __future__ import annotations

import copy
import io
import zipfile
from typing import Any

import pytest
from lxml import etree
from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.enum.dml import MSO_LINE_DASH_STYLE
from pptx.enum.shapes import MSO_SHAPE
from pptx.enum.text import MSO_ANCHOR, MSO_AUTO_SIZE, PP_ALIGN
from pptx.util import Pt

from orgviz.deck.powerpoint import _Writer, _zip_entry, open_template, package_parts, save
from orgviz.deck.slidexml import (
    P_NS,
    NotesFactory,
    ShapeTree,
    empty_placeholders,
    paragraph,
    style_runs,
)

BOX = (12700, 25400, 254000, 127000)


def _xml(element) -> bytes:
    return etree.tostring(element)


def _two_slides():
    """Two blank slides of the same layout: one for python-pptx, one for slidexml."""
    prs = open_template(None)
    layout = prs.slide_layouts[5]  # Title Only
    return prs, prs.slides.add_slide(layout), prs.slides.add_slide(layout)


@pytest.mark.parametrize("wrap", [True, False])
@pytest.mark.parametrize("text", ["Engineering", "two\nlines", "soft\vbreak", "bell\x07 cr\r",
                                  ""])
def test_text_box_is_python_pptx_s(wrap: bool, text: str) -> None:
    _, ours, theirs = _two_slides()
    box = theirs.shapes.add_textbox(*BOX)
    frame = box.text_frame
    frame.word_wrap = wrap
    frame.auto_size = MSO_AUTO_SIZE.NONE
    frame.margin_left = frame.margin_right = frame.margin_top = frame.margin_bottom = 0
    frame.vertical_anchor = MSO_ANCHOR.TOP
    run_paragraph = frame.paragraphs[0]
    run_paragraph.text = text
    run_paragraph.alignment = PP_ALIGN.RIGHT
    for run in run_paragraph.runs:
        run.font.size = Pt(9.5)
        run.font.bold = True
        run.font.color.rgb = RGBColor.from_string("3E4C59")
        run.font.name = "Arial"
        run._r.get_or_add_rPr().set("cap", "none")

    body = ShapeTree(ours.shapes._spTree).text_box(BOX, wrap=wrap)
    style_runs(paragraph(body, text, "r"), 9.5, "#3e4c59", True, None, "Arial", caps=False)
    assert _xml(ours.shapes._spTree) == _xml(theirs.shapes._spTree)


def test_auto_shapes_are_python_pptx_s() -> None:
    _, ours, theirs = _two_slides()
    # a transparent hotspot, a legend swatch and a dotted "reports to" card
    shape = theirs.shapes.add_shape(MSO_SHAPE.RECTANGLE, *BOX)
    shape.name = "Link to slide 3"
    shape.fill.solid()
    shape.fill.fore_color.rgb = RGBColor.from_string("FFFFFF")
    color = shape.fill._xPr.find(f"{{{'http://schemas.openxmlformats.org/drawingml/2006/main'}}}"
                                 "solidFill")[0]
    color.append(color.makeelement(color.tag.replace("srgbClr", "alpha"), {"val": "0"}))
    shape.line.fill.background()
    shape.shadow.inherit = False
    swatch = theirs.shapes.add_shape(MSO_SHAPE.ROUNDED_RECTANGLE, *BOX)
    swatch.fill.solid()
    swatch.fill.fore_color.rgb = RGBColor.from_string("54A24B")
    swatch.line.fill.background()
    swatch.shadow.inherit = False
    swatch.name = "Legend Sales"
    card = theirs.shapes.add_shape(MSO_SHAPE.ROUNDED_RECTANGLE, *BOX)
    card.name = "Reports to (slide 2)"
    card.adjustments[0] = 0.15
    card.fill.solid()
    card.fill.fore_color.rgb = RGBColor.from_string("F0F4F8")
    card.line.color.rgb = RGBColor.from_string("7B8794")
    card.line.width = 12700
    card.line.dash_style = MSO_LINE_DASH_STYLE.ROUND_DOT
    card.shadow.inherit = False

    tree = ShapeTree(ours.shapes._spTree)
    tree.auto_shape("Link to slide 3", "rect", BOX, "#FFFFFF", alpha="0", shadow=False)
    tree.auto_shape("Legend Sales", "roundRect", BOX, "#54a24b", shadow=False)
    tree.auto_shape("Reports to (slide 2)", "roundRect", BOX, "#F0F4F8", shadow=False,
                    line=("#7B8794", 12700, "sysDot"), adjust="val 15000")
    assert _xml(ours.shapes._spTree) == _xml(theirs.shapes._spTree)


def test_shape_ids_follow_shapes_python_pptx_added() -> None:
    _, page, _ = _two_slides()
    tree = ShapeTree(page.shapes._spTree)
    first = tree.auto_shape("A", "rect", BOX, "#FFFFFF")
    added = page.shapes.add_textbox(*BOX)  # python-pptx's, between two of ours
    second = tree.auto_shape("B", "rect", BOX, "#FFFFFF")
    ids = [int(sp[0][0].get("id")) for sp in (first, added._element, second)]
    assert ids == [3, 4, 5]  # (1 is the tree, 2 the title placeholder)


def test_shape_ids_stay_unique_when_python_pptx_added_one_and_one_was_removed() -> None:
    # (as many shapes as before: the count alone took the next id for known, python-pptx's
    # text box's)
    _, page, _ = _two_slides()
    tree = ShapeTree(page.shapes._spTree)
    first = tree.auto_shape("A", "rect", BOX, "#FFFFFF")
    added = page.shapes.add_textbox(*BOX)
    tree.sp_tree.remove(first)
    second = tree.auto_shape("B", "rect", BOX, "#FFFFFF")
    assert int(second[0][0].get("id")) != int(added._element[0][0].get("id"))


def test_shapes_go_before_the_tree_s_extension_list() -> None:
    _, page, _ = _two_slides()
    sp_tree = page.shapes._spTree
    sp_tree.append(sp_tree.makeelement(f"{{{P_NS}}}extLst", {}))
    ShapeTree(sp_tree).auto_shape("A", "rect", BOX, "#FFFFFF")
    assert [etree.QName(child).localname for child in sp_tree][-2:] == ["sp", "extLst"]


def test_notes_slides_are_python_pptx_s() -> None:
    prs = Presentation()
    layout = prs.slide_layouts[6]
    texts = ["first\nsecond", "", "third \u00e9\n\nlast", "x"]
    theirs = []
    for text in texts:
        page = prs.slides.add_slide(layout)
        page.notes_slide.notes_text_frame.text = text
        theirs.append(page.notes_slide)
    factory = NotesFactory()
    ours = []
    for text in texts:
        page = prs.slides.add_slide(layout)
        factory.add(page, text)
        ours.append(page.notes_slide)  # (found by its relationship, not made again)
    for mine, python_pptx in zip(ours, theirs, strict=True):
        assert _xml(mine._element) == _xml(python_pptx._element)
        assert [rel.reltype for rel in mine.part.rels.values()] == [
            rel.reltype for rel in python_pptx.part.rels.values()]
    names = [str(notes.part.partname) for notes in theirs + ours]
    assert names == [f"/ppt/notesSlides/notesSlide{n}.xml" for n in range(1, 9)]


def test_empty_placeholders_are_python_pptx_s() -> None:
    prs = Presentation()
    found = []
    for layout in prs.slide_layouts:
        page = prs.slides.add_slide(layout)
        if page.shapes.title is not None:
            page.shapes.title.text = " \n "
        expected = [shape._element for shape in page.placeholders
                    if shape.has_text_frame and not shape.text_frame.text.strip()]
        assert empty_placeholders(page.shapes._spTree) == expected
        found.append(len(expected))
    kept = prs.slides.add_slide(prs.slide_layouts[0])
    kept.shapes.title.text = "A title"
    assert empty_placeholders(kept.shapes._spTree) == [kept.placeholders[1]._element]
    assert max(found) >= 2


def test_new_slides_are_python_pptx_s() -> None:
    prs = open_template(None)
    theirs = [copy.deepcopy(prs.slides.add_slide(layout)._element)
              for layout in prs.slide_layouts for _ in range(2)]
    writer = _Writer.__new__(_Writer)  # (new_slide needs only these two)
    writer.prs, writer.blank = prs, {}
    ours = [writer.new_slide(layout) for layout in prs.slide_layouts for _ in range(2)]
    assert [_xml(page._element) for page in ours] == [_xml(element) for element in theirs]
    count = len(prs.slide_layouts) * 4
    assert [str(slide.part.partname) for slide in prs.slides] == [
        f"/ppt/slides/slide{n}.xml" for n in range(1, count + 1)]
    assert len({slide.slide_id for slide in prs.slides}) == count


def _normalized_pptx_save(prs: Any) -> bytes:
    """python-pptx's own package bytes, its zip then written again entry by entry with
    fixed entry times and attributes (what `save` did in two passes before)."""
    from pptx.opc.serialized import PackageWriter

    package = prs.part.package
    written = io.BytesIO()
    PackageWriter.write(written, package._rels, tuple(package_parts(package)))
    source = zipfile.ZipFile(io.BytesIO(written.getvalue()))
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            target.writestr(_zip_entry(info.filename), source.read(info.filename))
    return output.getvalue()


def test_a_normalized_save_is_the_normalized_zip() -> None:
    prs = Presentation()
    page = prs.slides.add_slide(prs.slide_layouts[5])
    page.shapes.title.text = "Title"
    page.shapes.add_picture(io.BytesIO(_png()), 0, 0)
    data = save(prs)
    assert data == _normalized_pptx_save(prs)
    info = {entry.filename: entry for entry in zipfile.ZipFile(io.BytesIO(data)).infolist()}
    assert info["ppt/media/image1.png"].compress_type == zipfile.ZIP_STORED


def _png() -> bytes:
    from PIL import Image

    output = io.BytesIO()
    Image.new("RGB", (4, 4), "white").save(output, "PNG")
    return output.getvalue()
