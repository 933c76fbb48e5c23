"""Slide XML written with lxml directly, as python-pptx writes it, for the PowerPoint deck.

python-pptx builds each shape by parsing an XML string, finds the next shape id with an
XPath over the whole slide, and sets each property through proxies that look their elements
up again (`get_or_add_...`); a notes slide is named by walking every part of the package.
For a deck of a hundred slides with a dozen shapes each that was most of the writer's time.
The builders here make the same elements, attributes in the same order, in the slide's
own tree (python-pptx's element classes still apply, so its proxies work on them); the
package's parts and relationships are still python-pptx's.
"""

from __future__ import annotations

import copy
import functools
import re
from typing import Any

P_NS = "http://schemas.openxmlformats.org/presentationml/2006/main"
A_NS = "http://schemas.openxmlformats.org/drawingml/2006/main"
_P, _A = f"{{{P_NS}}}", f"{{{A_NS}}}"

#: python-pptx's `_escape_ctrl_chars`: control characters other than tab and line feed in a
#: run's text are written as "_xHHHH_".
_CONTROL = re.compile(r"([\x00-\x08\x0B-\x1F])")
#: A paragraph's text breaks its runs at line feeds and vertical tabs (`a:br` between them).
_BREAK = re.compile("\n|\v")
#: The `p:style` of python-pptx's auto shapes (references to the theme's accent 1).
_STYLE = (("lnRef", "1", "accent1"), ("fillRef", "3", "accent1"), ("effectRef", "2", "accent1"),
          ("fontRef", "minor", "lt1"))
#: `a:pPr algn` values by orgviz's alignment letters.
ALIGN = {"l": "l", "r": "r", "c": "ctr"}


@functools.lru_cache(maxsize=256)
def hex_color(color: str) -> str:
    """A "#RRGGBB" color as python-pptx writes it (`RGBColor`'s upper-case hex)."""
    from pptx.dml.color import RGBColor

    rgb = RGBColor.from_string(color.lstrip("#")[:6].upper())  # type: ignore[no-untyped-call]
    return str(rgb)


def _sub(parent: Any, tag: str, attrib: dict[str, str] | None = None) -> Any:
    """A new last child of `parent` (python-pptx's element class for its tag)."""
    child = parent.makeelement(tag, attrib or {})
    parent.append(child)
    return child


class ShapeTree:
    """A slide's `p:spTree`, adding shapes as python-pptx does: each new shape's id one more
    than the largest id in the slide (found again only when something else added or removed
    a shape), inserted before the tree's `p:extLst` when it has one."""

    def __init__(self, sp_tree: Any) -> None:
        self.sp_tree = sp_tree
        #: the tree's children when `next_id` was last known (not only their count: a shape
        #: python-pptx added and a placeholder removed leave as many, and that shape had
        #: `next_id`)
        self.known: tuple[Any, ...] | None = None
        self.next_id = 0

    def new_id(self) -> int:
        if self.known is None or tuple(self.sp_tree) != self.known:  # changed since
            ids = [int(found) for found in self.sp_tree.xpath("//@id") if found.isdigit()]
            self.next_id = max(ids) + 1 if ids else 1
        shape_id = self.next_id
        self.next_id += 1
        return shape_id

    def insert(self, shape: Any) -> None:
        ext_list = self.sp_tree.find(f"{_P}extLst")
        if ext_list is None:
            self.sp_tree.append(shape)
        else:
            ext_list.addprevious(shape)
        self.known = tuple(self.sp_tree)

    def _shape(self, name: str | None, name_base: str, box: tuple[int, int, int, int],
               geometry: str, text_box: bool) -> Any:
        """A `p:sp` with its id, name, place and preset geometry, not yet inserted."""
        shape_id = self.new_id()
        sp = self.sp_tree.makeelement(f"{_P}sp", {})
        nv = _sub(sp, f"{_P}nvSpPr")
        _sub(nv, f"{_P}cNvPr", {"id": str(shape_id),
                                 "name": name if name is not None
                                 else f"{name_base} {shape_id - 1}"})
        _sub(nv, f"{_P}cNvSpPr", {"txBox": "1"} if text_box else None)
        _sub(nv, f"{_P}nvPr")
        sp_pr = _sub(sp, f"{_P}spPr")
        xfrm = _sub(sp_pr, f"{_A}xfrm")
        _sub(xfrm, f"{_A}off", {"x": str(box[0]), "y": str(box[1])})
        _sub(xfrm, f"{_A}ext", {"cx": str(box[2]), "cy": str(box[3])})
        _sub(_sub(sp_pr, f"{_A}prstGeom", {"prst": geometry}), f"{_A}avLst")
        return sp

    def text_box(self, box: tuple[int, int, int, int], *, wrap: bool, anchor: str = "t") -> Any:
        """python-pptx's `add_textbox` with its text frame set as orgviz sets it (word wrap,
        no autofit, no margins, anchored at `anchor`): the `p:txBody`, without paragraphs."""
        sp = self._shape(None, "TextBox", box, "rect", True)
        _sub(sp[1], f"{_A}noFill")
        body = _sub(sp, f"{_P}txBody")
        body_pr = _sub(body, f"{_A}bodyPr", {"wrap": "square" if wrap else "none", "lIns": "0",
                                              "rIns": "0", "tIns": "0", "bIns": "0",
                                              "anchor": anchor})
        _sub(body_pr, f"{_A}noAutofit")
        _sub(body, f"{_A}lstStyle")
        self.insert(sp)
        return body

    def auto_shape(self, name: str, geometry: str, box: tuple[int, int, int, int],
                   fill: str, *, alpha: str | None = None, shadow: bool = True,
                   line: tuple[str, int, str] | None = None,
                   adjust: str | None = None) -> Any:
        """python-pptx's `add_shape` named `name`, with a solid `fill` (and an `alpha`), a
        `line` (color, width in EMU, dash style) or none, no shadow when `shadow` is False,
        the preset geometry's first adjustment `adjust` ("val N") and its empty centered
        paragraph; inserted, and returned."""
        sp = self._shape(name, "", box, geometry, False)
        sp_pr = sp[1]
        if adjust is not None:
            _sub(sp_pr[1][0], f"{_A}gd", {"name": "adj", "fmla": adjust})
        color = _sub(_sub(sp_pr, f"{_A}solidFill"), f"{_A}srgbClr", {"val": hex_color(fill)})
        if alpha is not None:
            _sub(color, f"{_A}alpha", {"val": alpha})
        if line is None:
            _sub(_sub(sp_pr, f"{_A}ln"), f"{_A}noFill")
        else:
            ln = _sub(sp_pr, f"{_A}ln", {"w": str(line[1])})
            _sub(_sub(ln, f"{_A}solidFill"), f"{_A}srgbClr", {"val": hex_color(line[0])})
            _sub(ln, f"{_A}prstDash", {"val": line[2]})
        if not shadow:
            _sub(sp_pr, f"{_A}effectLst")
        style = _sub(sp, f"{_P}style")
        for tag, index, scheme in _STYLE:
            _sub(_sub(style, f"{_A}{tag}", {"idx": index}), f"{_A}schemeClr", {"val": scheme})
        body = _sub(sp, f"{_P}txBody")
        _sub(body, f"{_A}bodyPr", {"rtlCol": "0", "anchor": "ctr"})
        _sub(body, f"{_A}lstStyle")
        _sub(_sub(body, f"{_A}p"), f"{_A}pPr", {"algn": "ctr"})
        self.insert(sp)
        return sp


def empty_placeholders(sp_tree: Any) -> list[Any]:
    """The placeholder shapes (`p:sp`) of a shape tree whose text is only white space, or
    that have none: what python-pptx's `placeholders` with `has_text_frame` and a blank
    `text_frame.text` found (pictures, tables and groups have no text frame)."""
    found = []
    for sp in sp_tree.iterchildren(f"{_P}sp"):
        if len(sp) == 0 or sp[0].find(f"{_P}nvPr/{_P}ph") is None:
            continue
        body = sp.find(f"{_P}txBody")
        text = [] if body is None else [
            "\v" if part.tag == f"{_A}br" else (part.findtext(f"{_A}t") or "")
            for p in body.iterchildren(f"{_A}p")
            for part in p.iterchildren(f"{_A}r", f"{_A}br", f"{_A}fld")]
        if not "".join(text).strip():
            found.append(sp)
    return found


def paragraph(body: Any, text: str, align: str | None = None) -> Any:
    """A new last `a:p` of a text body holding `text` as python-pptx's `_Paragraph.text`
    writes it (runs broken at line feeds and vertical tabs), aligned `l`, `r` or `c`."""
    p = _sub(body, f"{_A}p")
    if align is not None:
        _sub(p, f"{_A}pPr", {"algn": ALIGN[align]})
    for index, part in enumerate(_BREAK.split(text)):
        if index:
            _sub(p, f"{_A}br")
        if part:
            run = _sub(p, f"{_A}r")
            _sub(run, f"{_A}t").text = _CONTROL.sub(lambda m: f"_x{ord(m.group(1)):04X}_", part)
    return p


def style_runs(p: Any, size: float | None, color: str | None, bold: bool | None = None,
               italic: bool | None = None, font: str | None = None, caps: bool = True) -> None:
    """Each run's properties as python-pptx's `Font` sets them, in this order: size, bold
    and italic (None: not set), color, font (`caps` False: `cap="none"` after them)."""
    attrib: dict[str, str] = {}
    if size is not None:
        attrib["sz"] = str(int(size * 12700) // 127)  # python-pptx's Pt(size).centipoints
    if bold is not None:
        attrib["b"] = "1" if bold else "0"
    if italic is not None:
        attrib["i"] = "1" if italic else "0"
    if not caps:
        attrib["cap"] = "none"
    for run in p.iterchildren(f"{_A}r"):
        r_pr = run.makeelement(f"{_A}rPr", attrib)
        run.insert(0, r_pr)
        if color is not None:
            _sub(_sub(r_pr, f"{_A}solidFill"), f"{_A}srgbClr", {"val": hex_color(color)})
        if font is not None:
            _sub(r_pr, f"{_A}latin", {"typeface": font})


class NotesFactory:
    """Notes slides for a presentation's slides, each a copy of the first one made (as
    python-pptx makes them: its notes master's slide image, body and slide number
    placeholders) before its text, named as python-pptx names them; python-pptx made each
    by walking all the package's parts for a free name and cloning the master's
    placeholders through its proxies."""

    PREFIX = "/ppt/notesSlides/notesSlide"

    def __init__(self) -> None:
        self.first: Any = None  # the first notes slide's element before its text
        self.body_at = 0  # where its body placeholder is in its shape tree
        self.master_part: Any = None
        self.used: set[str] = set()

    def add(self, page: Any, text: str) -> None:
        """Give slide `page` notes holding `text` (a paragraph a line)."""
        from pptx.opc.constants import CONTENT_TYPE, RELATIONSHIP_TYPE
        from pptx.opc.packuri import PackURI
        from pptx.parts.slide import NotesSlidePart

        if self.first is None:
            self._start(page)
            element = page.notes_slide._element
        else:
            element = copy.deepcopy(self.first)
            slide_part = page.part
            package = slide_part.package
            # python-pptx's `next_partname`: the highest free number up to one more than
            # the notes slides there are
            number = next(n for n in range(len(self.used) + 1, 0, -1)
                          if f"{self.PREFIX}{n}.xml" not in self.used)
            name = f"{self.PREFIX}{number}.xml"
            self.used.add(name)
            part = NotesSlidePart(PackURI(name), CONTENT_TYPE.PML_NOTES_SLIDE, package, element)
            part.relate_to(self.master_part, RELATIONSHIP_TYPE.NOTES_MASTER)
            part.relate_to(slide_part, RELATIONSHIP_TYPE.SLIDE)
            slide_part.relate_to(part, RELATIONSHIP_TYPE.NOTES_SLIDE)
        body = element.cSld.spTree[self.body_at].find(f"{_P}txBody")
        for old in body.findall(f"{_A}p"):
            body.remove(old)
        for line in text.split("\n"):
            paragraph(body, line)

    def _start(self, page: Any) -> None:
        """The first notes slide, python-pptx's own (it adds the notes master when the
        presentation has none); the part names in use."""
        from pptx.enum.shapes import PP_PLACEHOLDER
        from pptx.opc.constants import RELATIONSHIP_TYPE

        notes = page.notes_slide
        body = notes.notes_placeholder
        if body is None:  # pragma: no cover - python-pptx clones the master's body
            raise ValueError("the notes master has no body placeholder")
        assert body.placeholder_format.type == PP_PLACEHOLDER.BODY
        self.body_at = list(notes.shapes._spTree).index(body._element)
        self.first = copy.deepcopy(notes._element)
        self.master_part = notes.part.part_related_by(RELATIONSHIP_TYPE.NOTES_MASTER)
        package = page.part.package
        self.used = {str(part.partname) for part in package.iter_parts()
                     if str(part.partname).startswith(self.PREFIX)}
