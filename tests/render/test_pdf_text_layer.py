"""PDF pages drawn as images keep their text: an invisible layer (render/pdftextlayer.py)."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import unicodedata
import zlib
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image, ImageChops
from pypdf import PdfReader

from orgviz.loader import load
from orgviz.render import RenderOptions, convert, pdftextlayer, render
from orgviz.render.convert import svg_to_pdf
from orgviz.render.labels import text_width
from orgviz.render.pdftextlayer import Line, page_lines, visual_order, with_text_layers

needs_resvg = pytest.mark.skipif(convert._resvg() is None, reason="needs resvg-py")
needs_poppler = pytest.mark.skipif(shutil.which("pdftoppm") is None
                                   or shutil.which("pdftotext") is None,
                                   reason="needs poppler's pdftoppm and pdftotext")

ORGS = Path(__file__).resolve().parents[2] / "orgs"
ARABIC = "محمد الفارسي"
HEBREW = "דנה כהן"
NAMES = [ARABIC, "张伟", "박지우", "שלמה לוי", "Ada Lovelace"]


def _org_yaml(names: list[str]) -> str:
    """An org of a CEO and one report per name, the first also a dotted-line manager."""
    lines = ["orgviz: 1", "org: {name: Scripts}", "people:",
             "  - {id: boss, name: Boss, title: CEO}"]
    lines += [f'  - {{id: p{i}, name: "{name}", title: Engineer, role: ic, reports_to: boss'
              + (", dotted_to: p0" if i else "") + "}" for i, name in enumerate(names)]
    return "\n".join(lines) + "\n"


def _pdftotext(pdf: bytes, tmp_path: Path) -> str:
    """The PDF's text as pdftotext gives it, without the bidi embeddings it adds around
    right-to-left runs (U+202A-U+202E), whitespace runs as one space."""
    return " ".join(" ".join(_pdftotext_lines(pdf, tmp_path)).split())


def _pdftotext_lines(pdf: bytes, tmp_path: Path) -> list[str]:
    """The lines of the PDF's text as pdftotext gives them, without the bidi embeddings it
    adds around right-to-left runs (U+202A-U+202E), whitespace runs as one space."""
    path = tmp_path / "text.pdf"
    path.write_bytes(pdf)
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True,
                          check=True, timeout=60).stdout
    return [" ".join(line.split()) for line in re.sub("[\u202a-\u202e]", "", text).splitlines()]


def _page(pdf: bytes, tmp_path: Path, name: str) -> Image.Image:
    """The PDF's first page drawn by poppler at 40 dpi."""
    path = tmp_path / f"{name}.pdf"
    path.write_bytes(pdf)
    subprocess.run(["pdftoppm", "-r", "40", "-png", "-singlefile", str(path),
                    str(tmp_path / name)], check=True, timeout=120)
    return Image.open(tmp_path / f"{name}.png").convert("RGB")


@pytest.mark.parametrize(("logical", "visual"), [
    ("Ada Lovelace", "Ada Lovelace"),
    ("שלמה לוי", "יול המלש"),
    (f"dotted line from \u2068{ARABIC}\u2069", "dotted line from " + ARABIC[::-1]),
    ("\u2067שלמה לוי (CTO)\u2069", ")CTO( יול המלש"),  # brackets are mirrored when drawn
    ("\u2067קומה 12\u2069", "12 המוק"),
    ("Team 2, Floor 3", "Team 2, Floor 3"),
    ("ab\u2069cd", "abcd"),  # a PDI closing no isolate is ignored, not the end of the text
    ("\u2067\u05d0\u05d1\u2069\u2069cd \u2069", "\u05d1\u05d0cd "),
])
def test_visual_order_is_unicode_bidi_order(logical: str, visual: str) -> None:
    assert visual_order(logical) == visual


def test_lines_are_placed_through_transforms_and_anchors() -> None:
    svg = (b'<svg xmlns="http://www.w3.org/2000/svg" width="200" height="100" '
           b'viewBox="0 0 200 100"><title>not drawn</title><g transform="translate(10 20)">'
           b'<text x="50" y="7" font-size="12" text-anchor="middle" font-weight="bold">'
           b'\xe2\x81\xa8Ab\xe2\x81\xa9</text></g></svg>')
    (line,) = page_lines(svg, 150, 75)  # points: 0.75 of the SVG's pixels
    width = text_width("Ab", 1.0, bold=True)
    assert line.text == "Ab"  # the isolates around it dropped
    assert line.width == width
    assert line.matrix == pytest.approx((9.0, 0.0, 0.0, -9.0, 0.75 * (60 - 6 * width), 20.25))


def test_a_nested_svg_places_its_lines_as_a_deck_slide_does() -> None:
    svg = (b'<svg xmlns="http://www.w3.org/2000/svg" width="960pt" height="540pt" '
           b'viewBox="0 0 960 540"><svg x="100" y="50" width="400" height="400" '
           b'viewBox="0 0 100 50"><text x="10" y="20" font-size="5">x</text></svg></svg>')
    (line,) = page_lines(svg, 960, 540)
    # scale 4 (400 / 100 wide, 400 / 50 high: the least), centred: 100 px of 400 left over
    assert line.matrix == pytest.approx((20.0, 0.0, 0.0, -20.0, 140.0, 230.0))


def test_a_pdf_pypdf_cannot_read_is_left_as_it_is() -> None:
    line = Line("x", (10.0, 0.0, 0.0, -10.0, 0.0, 10.0), 0.5)
    assert with_text_layers(b"%PDF-1.5\nnot a pdf", {0: (line,)}) == b"%PDF-1.5\nnot a pdf"
    assert with_text_layers(b"anything", {}) == b"anything"


@needs_resvg
@needs_poppler
def test_an_image_page_has_every_name_in_reading_order(org_file: Callable[..., Path],
                                                       tmp_path: Path) -> None:
    svg = render(load(org_file(_org_yaml(NAMES))), "svg", RenderOptions(layout="tidy"))
    pdf = svg_to_pdf(svg, notes=[])
    assert b"/Subtype /Image" in pdf
    text = _pdftotext(pdf, tmp_path)
    for name in NAMES:
        assert name in text
    assert f"dotted line to {ARABIC}" in text  # a line mixing directions


@needs_resvg
@needs_poppler
def test_the_page_looks_as_without_the_layer(org_file: Callable[..., Path], tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    svg = render(load(org_file(_org_yaml(NAMES))), "svg", RenderOptions(layout="tidy"))
    with_layer = svg_to_pdf(svg, notes=[])
    monkeypatch.setattr(pdftextlayer, "with_text_layers", lambda pdf, layers: pdf)
    without = svg_to_pdf(svg, notes=[])
    assert len(with_layer) > len(without)
    assert _pdftotext(without, tmp_path) == ""
    drawn, plain = _page(with_layer, tmp_path, "with"), _page(without, tmp_path, "without")
    assert drawn.size == plain.size
    assert ImageChops.difference(drawn, plain).getbbox() is None


@needs_resvg
@needs_poppler
def test_the_mid_size_pdf_lists_every_name(tmp_path: Path) -> None:
    source = ORGS / "mid-size.yaml"
    names = [person["name"] for person in yaml.safe_load(source.read_text("utf-8"))["people"]
             if "name" in person]
    assert {"محمد الفارسي", "שלמה לוי", "박지우", "张伟"} <= set(names)
    pdf = render(load(source), "pdf", RenderOptions(), notes=[])
    text = _pdftotext(pdf, tmp_path)
    assert [name for name in names if name not in text] == []


def _blank_pdf(fixed_dates: bool = True, title: str = "") -> bytes:
    """A one-page 200 x 100 pt PDF as cairo writes it, nothing drawn (dated now, unless
    `fixed_dates`; titled `title` if given)."""
    import cairocffi  # (the cairo library: only where a test needs it)

    out = io.BytesIO()
    surface = cairocffi.PDFSurface(out, 200, 100)
    if title:
        surface.set_metadata(cairocffi.PDF_METADATA_TITLE, title)
    surface.show_page()
    surface.finish()
    return convert.fix_pdf_dates(out.getvalue()) if fixed_dates else out.getvalue()


def _word_heights(pdf: bytes, tmp_path: Path) -> dict[str, float]:
    """Each word's height by pdftotext -bbox (what poppler takes the font size to be)."""
    path = tmp_path / "words.pdf"
    path.write_bytes(pdf)
    html = subprocess.run(["pdftotext", "-bbox", str(path), "-"], capture_output=True,
                          text=True, check=True, timeout=60).stdout
    return {word: float(bottom) - float(top) for top, bottom, word in re.findall(
        r'yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)</word>', html)}


@needs_poppler
def test_a_first_glyph_of_another_width_leaves_the_text_size_alone(tmp_path: Path) -> None:
    # poppler sizes a Type 3 font by its glyph "m" (else its first glyph's width): a layer
    # starting with 张 (1 em) had its words boxed twice as high as one starting with A
    blank = _blank_pdf()
    latin = Line("Ab", (10.0, 0.0, 0.0, -10.0, 20.0, 50.0), text_width("Ab", 1.0))
    chinese = Line("张伟", (10.0, 0.0, 0.0, -10.0, 20.0, 80.0), text_width("张伟", 1.0))
    alone = _word_heights(with_text_layers(blank, {0: (latin,)}), tmp_path)
    after = _word_heights(with_text_layers(blank, {0: (chinese, latin)}), tmp_path)
    assert alone["Ab"] == pytest.approx(after["Ab"])
    assert after["张伟"] == pytest.approx(after["Ab"])


def _with_object_streams(pdf: bytes, inline_resources: bool = False) -> bytes:
    """`pdf` (cairo 1.16's: a cross-reference table) rewritten as cairo 1.17.6 and later
    write PDFs: its dictionaries packed in an object stream, indexed by a cross-reference
    stream (here with a PNG predictor, as some writers use); each page's resources in
    the page's dictionary when `inline_resources`."""

    table = int(re.search(rb"startxref\s+(\d+)", pdf).group(1))
    offsets = {number: int(offset) for number, (offset, kind) in enumerate(
        re.findall(rb"(\d{10}) \d{5} ([nf])", pdf[table:])) if kind == b"n"}
    trailer = re.search(rb"trailer\s*<<(.*?)>>", pdf[table:], re.S).group(1)
    out, direct, packed = bytearray(b"%PDF-1.5\n"), {}, []
    for number, offset in sorted(offsets.items()):
        body_start = pdf.index(b"obj", offset) + 3
        if re.match(rb"\s*<<.*?>>\s*stream\r?\n", pdf[body_start:body_start + 400], re.S):
            stop = pdf.index(b"endobj", pdf.index(b"endstream", body_start)) + 6
            direct[number] = len(out)
            out += pdf[offset:stop] + b"\n"
        else:
            packed.append((number, pdf[body_start:pdf.index(b"endobj", body_start)].strip()))
    if inline_resources:
        bodies = dict(packed)
        packed = [(number, re.sub(rb"/Resources\s+(\d+)\s+0\s+R",
                                  lambda found: b"/Resources " + bodies[int(found.group(1))],
                                  body))
                  for number, body in packed]
    holder = max(offsets) + 1
    header = b" ".join(b"%d %d" % (number, sum(len(body) + 1 for _, body in packed[:i]))
                       for i, (number, _) in enumerate(packed)) + b"\n"
    data = zlib.compress(header + b"".join(body + b"\n" for _, body in packed))
    direct[holder] = len(out)
    out += (b"%d 0 obj\n<< /Type /ObjStm /N %d /First %d /Length %d /Filter /FlateDecode >>\n"
            b"stream\n%s\nendstream\nendobj\n" % (holder, len(packed), len(header),
                                                   len(data), data))
    xref, rows, previous = holder + 1, b"", bytes(7)
    direct[xref] = len(out)
    where = {number: (2, holder, index) for index, (number, _) in enumerate(packed)}
    for number in range(xref + 1):
        kind, first, second = (1, direct[number], 0) if number in direct \
            else where.get(number, (0, 0, 0))
        row = bytes([kind]) + first.to_bytes(4, "big") + second.to_bytes(2, "big")
        rows += b"\x02" + bytes((a - b) & 0xFF for a, b in zip(row, previous, strict=True))
        previous = row
    rows = zlib.compress(rows)
    keep = b" ".join(re.findall(rb"/(?:Root|Info)\s+\d+\s+0\s+R", trailer))
    out += (b"%d 0 obj\n<< /Type /XRef /Size %d /W [ 1 4 2 ] %s /Filter /FlateDecode "
            b"/DecodeParms << /Columns 7 /Predictor 12 >> /Length %d >>\nstream\n%s\n"
            b"endstream\nendobj\nstartxref\n%d\n%%%%EOF\n"
            % (xref, xref + 1, keep, len(rows), rows, direct[xref]))
    return bytes(out)


@needs_poppler
@pytest.mark.parametrize("inline_resources", [False, True])
def test_a_pdf_with_object_streams_gets_its_layer_too(tmp_path: Path,
                                                      inline_resources: bool) -> None:
    # cairo 1.17.6 and later pack the page dictionaries in object streams
    streamed = _with_object_streams(_blank_pdf(), inline_resources)
    assert (b"/Resources <<" in zlib.decompress(
        re.search(rb"/Type /ObjStm.*?stream\n(.*?)\nendstream", streamed, re.S).group(1))
        ) == inline_resources
    assert b"/Type /ObjStm" in streamed and b"\nxref\n" not in streamed
    assert _pdftotext(streamed, tmp_path) == ""  # poppler reads it, as it is: blank
    lines = (Line("שלמה לוי", (10.0, 0.0, 0.0, -10.0, 20.0, 50.0), text_width("שלמה לוי", 1.0)),
             Line("Ada", (10.0, 0.0, 0.0, -10.0, 20.0, 80.0), text_width("Ada", 1.0)))
    layered = with_text_layers(streamed, {0: lines})
    assert layered.startswith(streamed)  # an incremental update
    assert _pdftotext(layered, tmp_path) == "שלמה לוי Ada"


@needs_poppler
def test_the_layer_keeps_the_document_title(tmp_path: Path) -> None:
    # pypdf's update named no /Info in its trailer, and poppler reads the last one alone
    line = Line("Ada", (10.0, 0.0, 0.0, -10.0, 20.0, 50.0), text_width("Ada", 1.0))
    path = tmp_path / "titled.pdf"
    path.write_bytes(with_text_layers(_blank_pdf(title="Scripts — 张伟"), {0: (line,)}))
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True,
                          timeout=60).stdout
    assert re.search(r"^Title: +Scripts — 张伟$", info, re.M)
    assert re.search(r"^CreationDate: .* 1970 UTC$", info, re.M)


@needs_poppler
def test_a_pdf_already_updated_gets_another_layer(tmp_path: Path) -> None:
    # a PDF of several revisions (one incremental update after cairo's) was left as it was
    first = Line("Ada", (10.0, 0.0, 0.0, -10.0, 20.0, 50.0), text_width("Ada", 1.0))
    second = Line("שלמה לוי", (10.0, 0.0, 0.0, -10.0, 20.0, 80.0),
                  text_width("שלמה לוי", 1.0))
    once = with_text_layers(_blank_pdf(), {0: (first,)})
    twice = with_text_layers(once, {0: (second,)})
    assert twice.startswith(once) and len(twice) > len(once)
    assert _pdftotext(twice, tmp_path) == "Ada שלמה לוי"


def test_a_nested_svg_without_x_still_maps_its_view_box() -> None:
    svg = (b'<svg xmlns="http://www.w3.org/2000/svg" width="96" height="96">'
           b'<svg width="96" height="96" viewBox="0 0 48 48">'
           b'<text y="10" font-size="4">x</text></svg></svg>')
    (line,) = page_lines(svg, 72, 72)
    assert line.matrix == pytest.approx((6.0, 0.0, 0.0, -6.0, 0.0, 15.0))


def test_whitespace_collapses_as_svg_draws_it_but_no_break_spaces_stay() -> None:
    svg = ('<svg xmlns="http://www.w3.org/2000/svg" width="96" height="96">'
           '<text y="10">\n  Ada\t \n Lovelace\u00a0Jr  </text></svg>').encode()
    (line,) = page_lines(svg, 72, 72)
    assert line.text == "Ada Lovelace\u00a0Jr"


def test_dates_packed_in_an_object_stream_are_fixed_too(monkeypatch: pytest.MonkeyPatch) -> None:
    # cairo 1.17.6 and later pack the Info dictionary, dates and all, in a compressed object
    # stream, out of the reach of fix_pdf_dates' byte edits: such PDFs kept the time made
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    raw = _blank_pdf(fixed_dates=False)
    date = re.search(rb"/CreationDate \((D:\d{14})", raw)
    assert date is not None and date.group(1) != b"D:19700101000000"
    other = raw.replace(date.group(1), b"D:20011231235959")  # another time, same length
    made = [convert.fix_pdf_dates(_with_object_streams(pdf)) for pdf in (raw, other)]
    assert b"/CreationDate" not in _with_object_streams(raw)  # (packed, compressed)
    assert made[0] == made[1]
    metadata = PdfReader(io.BytesIO(made[0])).metadata
    assert metadata is not None and metadata["/CreationDate"] == "D:19700101000000Z"



def test_the_layer_holds_the_text_in_nfc_as_it_is_searched_for() -> None:
    svg = ('<svg xmlns="http://www.w3.org/2000/svg" width="200" height="100">'
           '<text x="5" y="20" font-size="12">Cafe\u0301 \u212b \u05e9\u05b8\u05dc</text>'
           '</svg>').encode()
    (line,) = page_lines(svg, 150, 75)
    assert line.text == "Caf\u00e9 \u00c5 \u05e9\u05b8\u05dc"
    assert line.width == text_width("Cafe\u0301 \u212b \u05e9\u05b8\u05dc", 1.0, False)


@needs_resvg
@needs_poppler
def test_a_decomposed_name_is_extracted_composed(org_file: Callable[..., Path],
                                                  tmp_path: Path) -> None:
    svg = render(load(org_file(_org_yaml([ARABIC, "Rene\u0301e"]))), "svg",
                 RenderOptions(layout="tidy"))
    assert "Rene\u0301e".encode() in svg  # the card draws the name as it was written
    assert "Ren\u00e9e" in _pdftotext_lines(svg_to_pdf(svg, notes=[]), tmp_path)


@needs_resvg
@needs_poppler
def test_a_count_after_an_isolated_name_stays_after_it(org_file: Callable[..., Path],
                                                      tmp_path: Path) -> None:
    svg = render(load(org_file(f"""\
        orgviz: 1
        org: {{name: Notes, size: small}}
        people:
          - {{id: boss, name: Boss, title: CEO}}
          - {{id: h, name: {HEBREW}, title: VP, reports_to: boss}}
          - {{id: g, name: Galadriel Longname, title: VP, reports_to: boss}}
          - {{id: k, name: Kimberly Longername, title: VP, reports_to: boss}}
          - {{id: a, name: Ada, title: Engineer, reports_to: boss, dotted_to: [h, g, k]}}
        """)), "svg", RenderOptions(layout="tidy"))
    assert f"to \u2068{HEBREW}\u2069 +2".encode() in svg
    (line,) = (line for line in page_lines(svg, 500, 500) if "+2" in line.text)
    assert line.drawn == f"dotted lines to {HEBREW[::-1]} +2"  # as resvg draws it
    # pdftotext moves the space before "+2" into the right-to-left run (its bidi is simple);
    # without the isolates it gave "dotted lines to 2+ דנה כהן"
    text = [line.replace(" ", "") for line in _pdftotext_lines(svg_to_pdf(svg, notes=[]),
                                                                tmp_path)]
    assert f"dottedlinesto{HEBREW}+2".replace(" ", "") in text


def test_a_line_placed_out_of_all_reach_is_left_out() -> None:
    svg = (b'<svg xmlns="http://www.w3.org/2000/svg" width="200" height="100">'
           b'<g transform="scale(1e300)"><text x="1e300" y="5" font-size="1e10">Ab</text></g>'
           b'<text x="5" y="5" font-size="1e308" transform="scale(10)">Cd</text>'
           b'<text x="5" y="30" font-size="12">Ef</text></svg>')
    assert [line.text for line in page_lines(svg, 150, 75)] == ["Ef"]


@needs_poppler
def test_more_characters_than_a_font_holds_take_more_fonts(tmp_path: Path) -> None:
    chars = [chr(0x4E00 + at) for at in range(300)] + [chr(0x20000 + at) for at in range(300)]
    texts = ["".join(chars[at:at + 30]) for at in range(0, len(chars), 30)]
    texts[0] = '()\\<&"%' + texts[0]
    lines = tuple(Line(text, (12.0, 0.0, 0.0, -12.0, 10.0, 20.0 + 16 * at),
                       text_width(text, 1.0)) for at, text in enumerate(texts))
    pdf = with_text_layers(svg_to_pdf(b'<svg xmlns="http://www.w3.org/2000/svg" width="800" '
                                      b'height="500"><rect width="9" height="9"/></svg>'),
                           {0: lines})
    fonts = PdfReader(io.BytesIO(pdf)).pages[0]["/Resources"]["/Font"]
    assert sorted(fonts) == [f"/OrgvizText{at}" for at in range(3)]  # 255 + 255 + 98
    assert [line for line in _pdftotext_lines(pdf, tmp_path) if line] == texts

#: Hostile pieces of names: markup and PDF string delimiters, escapes, emoji sequences,
#: combining marks, joiners, characters outside the BMP.
_HOSTILE = ["<", "&", '"', "(", ")", "\\", "\\N", "%", "'", "a", "Z", "7", "e\u0301",
            "\U0001F469\u200d\U0001F4BB", "\U0001F1EE\U0001F1F1", "a\u200db", "a\u200cb",
            "\U0001D504", "\U00020000", "\u00e9", "\u4e2d", "\uff08", "~", "{", "}", "#"]
#: Right-to-left letters, and what may stand between them: pdftotext gives a neutral at
#: either end of a right-to-left run, and %, # and $ (it takes them for numbers), on the
#: left-to-right side (its bidi is simplified), so right-to-left names begin and end with a
#: letter and hold no such signs.
_RTL_LETTERS = ["\u05e9", "\u05dc", "\u0645", "\u062d", "\u0644\u0627"]
_BETWEEN = ["<", "&", '"', "\\", " ", "\u200d", "!", "\u05b8", *_RTL_LETTERS]
_NAMES = st.one_of(
    st.lists(st.sampled_from(_HOSTILE), min_size=1, max_size=4).map("".join),
    st.tuples(st.sampled_from(_RTL_LETTERS),
              st.lists(st.sampled_from(_BETWEEN), max_size=3).map("".join),
              st.sampled_from(_RTL_LETTERS)).map("".join))


def _extracted(name: str) -> str:
    """A name as pdftotext gives it back: NFC, whitespace runs as one space; no spaces when
    each word is one character (it takes such a line for letter-spaced text: "a a" is "aa",
    from any PDF)."""
    words = unicodedata.normalize("NFC", name).split()
    return "".join(words) if all(len(word) == 1 for word in words) else " ".join(words)


@needs_resvg
@needs_poppler
@settings(max_examples=8, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(_NAMES, _NAMES), min_size=1, max_size=3,
                unique_by=lambda person: person[0]), _NAMES)
def test_hostile_names_come_back_from_the_text_layer(
        org_file: Callable[..., Path], tmp_path: Path, people: list[tuple[str, str]],
        team: str) -> None:
    people = [(ARABIC, "T"), *people]
    source = yaml.safe_dump({
        "orgviz": 1, "org": {"name": "Hostile"},
        "teams": [{"id": "t", "name": team, "color": "#3377BB", "parent": None,
                   "lead": "boss"}],
        "people": [{"id": "boss", "name": "Boss", "title": "CEO", "team": "t"},
                   *({"id": f"p{at}", "name": name, "title": title, "reports_to": "boss"}
                     for at, (name, title) in enumerate(people))]}, allow_unicode=True)
    svg = render(load(org_file(source)), "svg", RenderOptions(layout="tidy"))
    pdf = svg_to_pdf(svg, notes=[])
    assert pdf == svg_to_pdf(svg, notes=[])
    assert b"/OrgvizText" in pdf
    lines = set(_pdftotext_lines(pdf, tmp_path))
    for text in (team, *(text for person in people for text in person)):
        assert _extracted(text) in lines, (text, lines)
