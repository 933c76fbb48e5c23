"""PDF charts never lose text: pages with text cairo cannot draw are images drawn by resvg."""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from PIL import Image, ImageChops, ImageFilter, ImageStat

from orgviz.errors import RenderError
from orgviz.render import RenderOptions, convert, render
from orgviz.render.convert import (
    MAX_PDF_IMAGE_PIXELS,
    PDF_IMAGE_DPI,
    pdf_image_size,
    pdf_page_svg,
    svg_size,
    svg_to_pdf,
    svg_to_png,
)
from orgviz.render.pdftext import needs_shaping, pdf_text_trouble, script_of

needs_resvg = pytest.mark.skipif(convert._resvg() is None, reason="needs resvg-py")
needs_poppler = pytest.mark.skipif(shutil.which("pdftoppm") is None
                                   or shutil.which("pdftotext") is None,
                                   reason="needs poppler's pdftoppm and pdftotext")

NAMES = ["张伟", "박지우", "محمد الفارسي", "נועה בן-דוד"]
LATIN = ["Ada Lovelace", "Zoë Ångström", "Ελένη Παπαδοπούλου", "Пётр Иванов"]
NOTE = ("drawn as an image at 300 dpi: its text holds scripts the PDF writer cannot shape "
        "(Chinese, Korean, Arabic, Hebrew)")


def _org_yaml(names: list[str]) -> str:
    """An org of a CEO and one report per name."""
    lines = ["orgviz: 1", "org: {name: Scripts}", "people:",
             "  - {id: boss, name: Boss, title: CEO}"]
    lines += [f'  - {{id: p{i}, name: "{name}", title: Engineer, role: ic, reports_to: boss}}'
              for i, name in enumerate(names)]
    return "\n".join(lines) + "\n"


def _svg(org_file: Callable[..., Path], names: list[str]) -> bytes:
    from orgviz.loader import load

    return render(load(org_file(_org_yaml(names))), "svg", RenderOptions(layout="tidy"))


def _pdf_page_png(pdf: bytes, tmp_path: Path) -> Image.Image:
    """The PDF's first page drawn by poppler at 96 dpi (one pixel per SVG pixel), in gray."""
    path = tmp_path / "page.pdf"
    path.write_bytes(pdf)
    subprocess.run(["pdftoppm", "-r", "96", "-png", "-singlefile", str(path),
                    str(tmp_path / "page")], check=True, timeout=120)
    return Image.open(tmp_path / "page.png").convert("L")


def _gray(png: bytes) -> Image.Image:
    return Image.open(io.BytesIO(png)).convert("L")


def assert_names_drawn(page: Image.Image, svg: bytes, names: list[str]) -> None:
    """Where resvg draws the names (its drawing with and without them differ), `page` is
    (almost) resvg's drawing: the names are there, shaped, not blank."""
    width = page.width
    with_names = _gray(svg_to_png(svg, width=width))
    blank = svg
    for name in names:
        escaped = name.encode("utf-8")
        blank = blank.replace(b">" + escaped + b"</text>", b"></text>")
    without = _gray(svg_to_png(blank, width=width))
    assert page.size == with_names.size
    mask = ImageChops.difference(with_names, without).point(lambda v: 255 if v > 80 else 0)
    assert mask.histogram()[255] > 40 * len(names), "the names are not in the drawing"
    # Darkness where the names are: the page's is close to the PNG's (blank pages: ~0).
    ink_page = ImageStat.Stat(ImageChops.invert(page), mask).mean[0]
    ink_png = ImageStat.Stat(ImageChops.invert(with_names), mask).mean[0]
    assert ink_page > 0.6 * ink_png, f"names missing: darkness {ink_page:.0f} of {ink_png:.0f}"
    # The same shapes at the same places (softened: poppler scales the image its own way);
    # a blank name differs by about 50, the PNG moved by 3 px by about 20.
    near = mask.filter(ImageFilter.MaxFilter(5))
    soft_page, soft_png = (image.filter(ImageFilter.GaussianBlur(1.5))
                           for image in (page, with_names))
    differ = ImageStat.Stat(ImageChops.difference(soft_page, soft_png), near).mean[0]
    assert differ < 15, f"the names differ from the PNG's by {differ:.1f}"


# --- the rule ---------------------------------------------------------------------------------

@pytest.mark.parametrize("char", list("aZé ñßŁŒ€—–…·“”•→×ΩλЖжїԱაễ"))
def test_latin_greek_cyrillic_and_punctuation_need_no_shaping(char: str) -> None:
    assert not needs_shaping(char)


@pytest.mark.parametrize(("char", "script"), [
    ("张", "Chinese"), ("박", "Korean"), ("あ", "Japanese"), ("ア", "Japanese"),
    ("م", "Arabic"), ("ש", "Hebrew"), ("क", "Devanagari"), ("ก", "Thai"),
    ("🚀", "emoji"), ("\u0301", "combining marks"), ("\u202e", "invisible format characters"),
    ("\u200d", "invisible format characters"), ("\ue000", "private-use or unassigned characters"),
    # Emoji by Unicode's emoji data (emoji.py), not by block: ⌚ and ❤ are emoji, ★ and the
    # cards and tiles of the emoji planes symbols, and ideographs past U+1F000 Chinese.
    ("⌚", "emoji"), ("❤", "emoji"), ("🀄", "emoji"), ("🏽", "emoji"), ("🇩", "emoji"),
    ("★", "symbols"), ("🂡", "symbols"), ("🀀", "symbols"), ("⚐", "symbols"),
    ("\U00020000", "Chinese"), ("\U0002f800", "Chinese"), ("\U00030000", "Chinese"),
])
def test_other_scripts_need_shaping(char: str, script: str) -> None:
    assert needs_shaping(char)
    assert script_of(char) == script


@pytest.mark.parametrize("char", list("\u263a\u263b\u263c\u2640\u2642\u2660\u2663\u2665"
                                      "\u2666\u266a\u266b\u2302\u2310\u2320\u2321"))
def test_symbols_the_charts_font_has_need_no_shaping(char: str) -> None:
    # (☺ ♥ ♠ ♣ ♦ ♀ ♂ ♪ ♫ ⌂ ...: WGL4's, which Liberation Sans, Arial and Nimbus Sans have;
    # a PDF with ♥ was an image, "scripts the PDF writer cannot shape (emoji)")
    assert not needs_shaping(char)
    svg = f'<svg xmlns="http://www.w3.org/2000/svg"><text>Ana {char} Lee</text></svg>'.encode()
    trouble = pdf_text_trouble(svg)
    assert trouble is None or trouble.scripts == ()  # (at most: the font at hand lacks it)


def test_a_note_names_ideographs_past_the_emoji_planes_chinese_not_emoji() -> None:
    svg = ('<svg xmlns="http://www.w3.org/2000/svg"><text>Ann \U0002f800 \U00020000 Lee '
           '★</text></svg>').encode()
    trouble = pdf_text_trouble(svg)
    assert trouble is not None
    assert trouble.describe() == "scripts the PDF writer cannot shape (Chinese, symbols)"


def test_only_drawn_text_counts() -> None:
    svg = ('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">'
           '<title>张伟</title><desc>박지우</desc><g><title>מ</title>'
           '<text>Ada — Zoë</text></g><!-- 张 --></svg>').encode()
    assert pdf_text_trouble(svg) is None
    inside = svg.replace(b"<text>Ada", "<text><tspan>ש</tspan>Ada &#x5F20;".encode())
    trouble = pdf_text_trouble(inside)
    assert trouble is not None and trouble.scripts == ("Hebrew", "Chinese")
    ascii_only = (b'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">'
                  b'<text>&#xBC15;Ada</text></svg>')
    trouble = pdf_text_trouble(ascii_only)
    assert trouble is not None and trouble.scripts == ("Korean",)


def test_the_isolates_around_a_right_to_left_name_are_not_named() -> None:
    # cards put U+2068 ... U+2069 around right-to-left names ("dotted line to <name>"):
    # the note names the name's script, not "invisible format characters" nobody wrote
    svg = ('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">'
           '<text>dotted line to \u2068محمد الفارسي\u2069</text></svg>').encode()
    trouble = pdf_text_trouble(svg)
    assert trouble is not None and trouble.scripts == ("Arabic",)
    alone = svg.replace("محمد الفارسي".encode(), b"Ada")
    trouble = pdf_text_trouble(alone)  # isolates alone still make the page an image
    assert trouble is not None and trouble.scripts == ("invisible format characters",)


def test_characters_the_font_lacks_are_trouble(monkeypatch: pytest.MonkeyPatch) -> None:
    from orgviz.render import pdftext

    monkeypatch.setattr(pdftext._FontCheck, "has", lambda self, font, char: char != "ễ")
    svg = ('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10" '
           'font-family="\'Liberation Sans\', Arial"><text font-weight="700">Nguyễn é</text>'
           '</svg>').encode()
    trouble = pdf_text_trouble(svg)
    assert trouble is not None and trouble.scripts == ()
    assert trouble.describe() == "characters its font Liberation Sans lacks (ễ)"


def test_a_font_without_the_letters_is_asked_for_each_weight() -> None:
    from orgviz.render.pdftext import Font, _FontCheck

    check = _FontCheck()
    for weight in ("normal", "bold"):
        assert check.has(Font("sans-serif", "normal", weight), "é")
        assert not check.has(Font("sans-serif", "normal", weight), "\U000F0000")


# --- charts -----------------------------------------------------------------------------------

@needs_poppler
def test_latin_only_pdf_is_vector_text_as_before(org_file: Callable[..., Path],
                                                 tmp_path: Path) -> None:
    import cairosvg

    svg = _svg(org_file, LATIN)
    notes: list[str] = []
    pdf = svg_to_pdf(svg, notes=notes)
    assert notes == []
    assert pdf == convert.fix_pdf_dates(cairosvg.svg2pdf(bytestring=svg))  # unchanged path
    assert b"/Subtype /Image" not in pdf
    path = tmp_path / "chart.pdf"
    path.write_bytes(pdf)
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True,
                          check=True, timeout=60).stdout
    for name in LATIN:
        assert name in text


@needs_poppler
def test_a_pdf_with_symbols_its_font_has_stays_vector(org_file: Callable[..., Path],
                                                      tmp_path: Path) -> None:
    from orgviz.render.pdftext import Font, _FontCheck

    names = ["Ana \u2665 Lee", "Bo \u263a \u2660 \u2663 \u2666", "Cy \u2640 \u2642"]
    check = _FontCheck()
    if not all(check.has(Font("Helvetica", "normal", weight), char) for char in "\u263a\u2665"
               for weight in ("normal", "bold")):
        pytest.skip("cairo's Helvetica lacks the WGL4 symbols here")
    notes: list[str] = []
    pdf = svg_to_pdf(_svg(org_file, names), notes=notes)
    assert notes == [] and b"/Subtype /Image" not in pdf  # (was an image: "emoji")
    path = tmp_path / "chart.pdf"
    path.write_bytes(pdf)
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True,
                          check=True, timeout=60).stdout
    for name in names:
        assert name in text


@needs_resvg
@needs_poppler
def test_cjk_arabic_hebrew_names_are_drawn(org_file: Callable[..., Path],
                                           tmp_path: Path) -> None:
    svg = _svg(org_file, NAMES)
    notes: list[str] = []
    pdf = svg_to_pdf(svg, notes=notes)
    assert notes == [NOTE]
    width, height = svg_size(svg)
    box = re.search(rb"/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]", pdf)
    assert box is not None
    assert (float(box.group(1)), float(box.group(2))) == pytest.approx(
        (width * 0.75, height * 0.75), abs=0.01)  # the vector page's size
    assert pdf.count(b"/Subtype /Image") == 1
    page = _pdf_page_png(pdf, tmp_path)
    assert_names_drawn(page, svg, NAMES)


@needs_resvg
@needs_poppler
def test_the_old_drawing_would_fail_the_check(org_file: Callable[..., Path],
                                              tmp_path: Path) -> None:
    import cairosvg

    svg = _svg(org_file, NAMES)
    page = _pdf_page_png(cairosvg.svg2pdf(bytestring=svg), tmp_path)
    with pytest.raises(AssertionError):
        assert_names_drawn(page, svg, NAMES)


@needs_resvg
def test_the_same_chart_gives_the_same_bytes_in_any_time_zone(
        org_file: Callable[..., Path], tmp_path: Path) -> None:
    source = org_file(_org_yaml(NAMES))
    made = []
    for zone in ("UTC", "Asia/Kolkata", "Asia/Kolkata"):
        env = {**os.environ, "TZ": zone}
        env.pop("SOURCE_DATE_EPOCH", None)
        out = tmp_path / f"{len(made)}.pdf"
        done = subprocess.run([sys.executable, "-m", "orgviz", "render", str(source), "-o",
                               str(out)], env=env, capture_output=True, text=True,
                              timeout=120, check=True)
        assert done.stderr == f"orgviz: {out}: {NOTE}\n"
        made.append(out.read_bytes())
    assert made[0] == made[1] == made[2]
    assert b"/CreationDate (D:19700101000000Z)" in made[0]


@needs_resvg
def test_the_cli_prints_the_note_once(org_file: Callable[..., Path], run, tmp_path: Path) -> None:
    source = org_file(_org_yaml(NAMES))
    result = run("render", str(source), "-o", "chart.pdf")
    assert result.exit_code == 0
    assert result.stderr.count("drawn as an image") == 1
    assert f"orgviz: chart.pdf: {NOTE}" in result.stderr
    latin = org_file(_org_yaml(LATIN), name="latin.yaml")
    result = run("render", str(latin), "-o", "latin.pdf")
    assert result.exit_code == 0 and "image" not in result.stderr


def test_without_resvg_the_page_stays_vector_and_says_so(
        org_file: Callable[..., Path], monkeypatch: pytest.MonkeyPatch) -> None:
    svg = _svg(org_file, NAMES)
    monkeypatch.setattr(convert, "_resvg", lambda: None)
    notes: list[str] = []
    pdf = svg_to_pdf(svg, notes=notes)
    assert b"/Subtype /Image" not in pdf
    assert len(notes) == 1 and "pip install resvg-py" in notes[0]
    assert "(Chinese, Korean, Arabic, Hebrew)" in notes[0]


def test_image_resolution_is_bounded() -> None:
    assert pdf_image_size(1280, 720) == (PDF_IMAGE_DPI, 4000, 2250)  # a 16:9 slide
    for width, height in ((3786, 2148), (40_000, 3_000), (1_000_000, 200), (200, 1_000_000)):
        dpi, pixels_w, pixels_h = pdf_image_size(width, height)
        assert 1 <= dpi < PDF_IMAGE_DPI
        assert pixels_w * pixels_h <= MAX_PDF_IMAGE_PIXELS * 1.01
        assert max(pixels_w, pixels_h) <= convert.MAX_PNG_SIDE
        assert pixels_h == max(1, round(height * pixels_w / width))


@needs_resvg
def test_a_big_page_says_its_text_may_blur(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(convert, "MAX_PDF_IMAGE_PIXELS", 10_000)
    svg = ('<svg xmlns="http://www.w3.org/2000/svg" width="960" height="480">'
           '<text x="10" y="20">张伟</text></svg>').encode()
    page = pdf_page_svg(svg)
    assert page.dpi is not None and page.dpi < 150
    assert "small text may be blurred" in page.note
    assert svg_size(page.svg) == (960, 480)


def test_a_broken_svg_is_still_one_render_error() -> None:
    with pytest.raises(RenderError):
        svg_to_pdf('<svg xmlns="http://www.w3.org/2000/svg" width="9" height="9"><text>张'
                   .encode())


@needs_resvg
def test_when_resvg_fails_the_page_stays_vector_and_says_so(
        org_file: Callable[..., Path], monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(resvg: object, svg: bytes) -> bytes:
        raise RenderError("cannot convert the SVG to PNG: no")

    monkeypatch.setattr(convert, "_resvg_png", refuse)
    notes: list[str] = []
    pdf = svg_to_pdf(_svg(org_file, NAMES), notes=notes)
    assert pdf.startswith(b"%PDF-") and b"/Subtype /Image" not in pdf
    assert len(notes) == 1 and "could not be drawn as an image" in notes[0]
