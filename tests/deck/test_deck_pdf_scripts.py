"""PDF decks never lose text: slides cairo cannot draw right are images, the rest vector."""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image, ImageChops, ImageFilter, ImageStat

from orgviz.deck import deck_bytes
from orgviz.deck.build import DeckOptions, build_deck
from orgviz.deck.pages import page_svg
from orgviz.deck.pdf import slide_ranges
from orgviz.loader import load
from orgviz.render import convert
from orgviz.render.convert import svg_to_png
from orgviz.render.pdftext import pdf_text_trouble

pytestmark = pytest.mark.skipif(convert._resvg() is None, reason="needs resvg-py")
needs_poppler = pytest.mark.skipif(shutil.which("pdftoppm") is None
                                   or shutil.which("pdftotext") is None,
                                   reason="needs poppler's pdftoppm and pdftotext")

NAMES = ["张伟", "박지우", "محمد الفارسي", "נועה בן-דוד"]
#: Two teams: one led by 张伟 with the other non-Latin names, one all Latin.
ORG = """\
orgviz: 1
org: {name: Scripts Deck}
people:
  - {id: ceo, name: Ada Lovelace, title: CEO}
  - {id: zw, name: 张伟, title: Director of Data, reports_to: ceo}
  - {id: pj, name: 박지우, title: Data Engineer, role: ic, reports_to: zw}
  - {id: mf, name: محمد الفارسي, title: Data Engineer, role: ic, reports_to: zw}
  - {id: nb, name: נועה בן-דוד, title: Data Engineer, role: ic, reports_to: zw}
  - {id: gh, name: Grace Hopper, title: Director of Engineering, reports_to: ceo}
  - {id: kj, name: Katherine Johnson, title: Engineer, role: ic, reports_to: gh}
  - {id: am, name: Zoë Ångström, title: Engineer, role: ic, reports_to: gh}
  - {id: ep, name: Ελένη Пётрова, title: Engineer, role: ic, reports_to: gh}
"""
#: Unmerged: the two teams keep slides of their own (one all Latin), as the tests need.
OPTIONS = DeckOptions(split="manager", merge=False)


@pytest.fixture(scope="module")
def source(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("scripts") / "scripts.yaml"
    path.write_text(ORG, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def made(source: Path) -> tuple[bytes, list[str], list[bytes]]:
    """The PDF deck, its notes and the SVG of each page."""
    notes: list[str] = []
    data, count = deck_bytes([(load(source), ())], "pdf", OPTIONS, notes=notes)
    deck = build_deck([(load(source), ())], OPTIONS)
    pages = [page_svg(deck, index) for index in range(len(deck.slides))]
    assert len(pages) == count
    return data, notes, pages


def _troubled(pages: list[bytes]) -> list[int]:
    return [number for number, svg in enumerate(pages, 1) if pdf_text_trouble(svg) is not None]


def test_only_the_slides_with_such_names_are_images(made) -> None:
    data, notes, pages = made
    troubled = _troubled(pages)
    assert troubled and len(troubled) < len(pages)  # some slides of each kind
    assert data.count(b"/Subtype /Image") == len(troubled)
    assert len(notes) == 1
    assert notes[0] == (f"{slide_ranges(troubled)} drawn as images at 300 dpi: their text "
                        f"holds scripts the PDF writer cannot shape (Chinese, Korean, Arabic, "
                        f"Hebrew)")


@needs_poppler
def test_latin_slides_stay_text_and_the_others_show_the_names(made, tmp_path: Path) -> None:
    data, _, pages = made
    path = tmp_path / "deck.pdf"
    path.write_bytes(data)
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True,
                          check=True, timeout=60).stdout.split("\f")
    troubled = _troubled(pages)
    grace = [n for n, page in enumerate(pages, 1) if b">Grace Hopper<" in page
             and n not in troubled]
    assert grace and all("Grace Hopper" in text[n - 1] for n in grace)
    assert any("Zoë Ångström" in text[n - 1] and "Ελένη Пётрова" in text[n - 1]
               for n in grace)
    for number in troubled:
        svg = pages[number - 1]
        names = [name for name in NAMES if f">{name}</text>".encode() in svg]
        # an image, with the text written invisibly over it (render/pdftextlayer.py)
        assert all(part in _without_marks(text[number - 1]) for name in names
                   for part in name.split("-"))
        if names:
            _assert_names_drawn(_page_png(path, number, tmp_path), svg, names)
    drawn = {name for n in troubled for name in NAMES
             if f">{name}</text>".encode() in pages[n - 1]}
    assert drawn == set(NAMES)


def _without_marks(text: str) -> str:
    """pdftotext's text without the bidi embeddings it puts around right-to-left runs.

    (Names are checked a part between hyphens at a time: poppler puts the right-to-left runs
    of "נועה בן-דוד" back in reading order one by one, each side of the hyphen.)"""
    return re.sub("[\u202a-\u202e]", "", text)


def test_links_stay(made) -> None:
    data, _, _ = made
    assert re.search(rb"/S\s*/GoTo|/Dest", data)


def test_the_same_deck_gives_the_same_bytes_in_any_time_zone(made, source: Path,
                                                             tmp_path: Path) -> None:
    notes: list[str] = []  # the command merges the two teams' slides (OPTIONS does not)
    data, _ = deck_bytes([(load(source), ())], "pdf", DeckOptions(split="manager"),
                         notes=notes)
    for zone in ("Asia/Kolkata", "UTC"):
        env = {**os.environ, "TZ": zone}
        env.pop("SOURCE_DATE_EPOCH", None)
        out = tmp_path / "deck.pdf"
        done = subprocess.run([sys.executable, "-m", "orgviz", "deck", str(source), "-o",
                               str(out), "--split", "manager"], env=env, capture_output=True,
                              text=True, timeout=300, check=True)
        assert done.stderr == f"orgviz: {out}: {notes[0]}\n"  # the note, once
        assert out.read_bytes() == data, zone


def test_the_note_on_one_slide_says_an_image() -> None:
    from orgviz.render.convert import pdf_image_note
    from orgviz.render.pdftext import Trouble

    trouble = Trouble(("Arabic",), ())
    assert pdf_image_note(trouble, "300", pages="slide 4") == (
        "slide 4 drawn as an image at 300 dpi: its text holds scripts the PDF writer cannot "
        "shape (Arabic)")
    assert pdf_image_note(trouble, "300", pages="slides 4, 6").startswith(
        "slides 4, 6 drawn as images at 300 dpi: their text holds")
    assert pdf_image_note(trouble, None, pages="slide 4").startswith("slide 4: its text holds")


def test_slide_ranges() -> None:
    assert slide_ranges([4]) == "slide 4"
    assert slide_ranges([2, 3, 4, 7, 9, 10]) == "slides 2-4, 7, 9-10"


def _page_png(pdf: Path, number: int, tmp_path: Path) -> Image.Image:
    """Page `number` drawn by poppler at 96 dpi (one pixel per SVG pixel), in gray."""
    stem = tmp_path / f"page{number}"
    subprocess.run(["pdftoppm", "-r", "96", "-f", str(number), "-l", str(number), "-png",
                    "-singlefile", str(pdf), str(stem)], check=True, timeout=120)
    return Image.open(f"{stem}.png").convert("L")


def _gray(png: bytes) -> Image.Image:
    return Image.open(io.BytesIO(png)).convert("L")


def _assert_names_drawn(page: Image.Image, svg: bytes, names: list[str]) -> None:
    """Where resvg draws the names, the page shows (almost) what resvg draws."""
    with_names = _gray(svg_to_png(svg, width=page.width))
    blank = svg
    for name in names:
        blank = blank.replace(f">{name}</text>".encode(), b"></text>")
    without = _gray(svg_to_png(blank, width=page.width))
    assert page.size == with_names.size
    mask = ImageChops.difference(with_names, without).point(lambda v: 255 if v > 80 else 0)
    assert mask.histogram()[255] > 40 * len(names)
    ink_page = ImageStat.Stat(ImageChops.invert(page), mask).mean[0]
    ink_png = ImageStat.Stat(ImageChops.invert(with_names), mask).mean[0]
    assert ink_page > 0.6 * ink_png, f"names missing: darkness {ink_page:.0f} of {ink_png:.0f}"
    near = mask.filter(ImageFilter.MaxFilter(5))
    soft_page, soft_png = (image.filter(ImageFilter.GaussianBlur(1.5))
                           for image in (page, with_names))
    differ = ImageStat.Stat(ImageChops.difference(soft_page, soft_png), near).mean[0]
    # (15.5 on this org's slide of 张伟 since small charts grow to fill their slide: larger
    # names, more edge for the 300 dpi image and the direct drawing to differ on)
    assert differ < 18, f"the names differ from the PNG's by {differ:.1f}"


#: Names a slide's text layer must give back as they are: PDF string delimiters, escapes,
#: markup, emoji sequences, astral characters, many distinct characters.
HOSTILE = ['Paren (x) \\ back \\N %', '<b>&amp; "q"', "Emoji \U0001F469\u200d\U0001F4BB",
           "Astral \U0001D504\U00020000", "ZWJ a\u200db"] + [
    "".join(chr(0x4E00 + at) for at in range(start, start + 9)) for start in range(0, 90, 9)]


@needs_poppler
def test_slides_with_hostile_names_keep_them_and_look_the_same(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from orgviz.render import pdftextlayer

    people = "".join(f'  - {{id: h{at}, name: "{name}", title: Engineer, role: ic, '
                     f"reports_to: nb}}\n" for at, name in enumerate(
                         name.replace("\\", "\\\\").replace('"', '\\"') for name in HOSTILE))
    path = tmp_path / "hostile.yaml"
    path.write_text(ORG + people, encoding="utf-8")
    data, _ = deck_bytes([(load(path), ())], "pdf", OPTIONS, notes=[])
    assert data == deck_bytes([(load(path), ())], "pdf", OPTIONS, notes=[])[0]
    (tmp_path / "deck.pdf").write_bytes(data)
    text = subprocess.run(["pdftotext", str(tmp_path / "deck.pdf"), "-"], capture_output=True,
                          text=True, check=True, timeout=60).stdout
    lines = {" ".join(re.sub("[\u202a-\u202e]", "", line).split()) for line in text.splitlines()}
    assert [name for name in HOSTILE if name not in lines] == []
    monkeypatch.setattr(pdftextlayer, "with_text_layers", lambda pdf, layers: pdf)
    plain, _ = deck_bytes([(load(path), ())], "pdf", OPTIONS, notes=[])
    for name, pdf in (("with", data), ("without", plain)):
        (tmp_path / f"{name}.pdf").write_bytes(pdf)
        subprocess.run(["pdftoppm", "-r", "30", "-png", str(tmp_path / f"{name}.pdf"),
                        str(tmp_path / name)], check=True, timeout=120)
    drawn = sorted(tmp_path.glob("with-*.png"))
    assert len(drawn) == len(sorted(tmp_path.glob("without-*.png"))) > 1
    for page in drawn:
        other = Image.open(str(page).replace("with-", "without-")).convert("RGB")
        assert ImageChops.difference(Image.open(page).convert("RGB"), other).getbbox() is None
