"""--template: the deck uses the template's master and layouts, and drops its slides."""

from __future__ import annotations

import io
import os
import zipfile
from pathlib import Path

import pytest
from deckkit import SMALL
from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.util import Emu

from orgviz.deck import deck_bytes
from orgviz.deck.build import DeckOptions
from orgviz.deck.plan import DeckError
from orgviz.deck.powerpoint import open_template, pick_layouts, template_frame
from orgviz.loader import load

BRAND = RGBColor(0x12, 0x34, 0x56)
A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
P = "{http://schemas.openxmlformats.org/presentationml/2006/main}"


def make_template(path: Path, *, widescreen: bool = True, rename: bool = False) -> Path:
    """A corporate template: a colored master background, its own fonts, a sample slide."""
    prs = Presentation()
    if widescreen:
        prs.slide_width, prs.slide_height = Emu(12192000), Emu(6858000)
    master = prs.slide_master
    master.background.fill.solid()
    master.background.fill.fore_color.rgb = BRAND
    for latin in master._element.iter(f"{A}latin"):  # the corporate font
        latin.set("typeface", "Georgia")
    if rename:  # names in another language: layouts are found by their placeholders
        for index, layout in enumerate(prs.slide_layouts):
            layout._element.cSld.set("name", f"Diseño {index}")
    sample = prs.slides.add_slide(prs.slide_layouts[0])
    sample.shapes.title.text = "Template sample slide"
    prs.save(path)
    return path


@pytest.fixture
def org(tmp_path: Path):
    path = tmp_path / "small.yaml"
    path.write_text(SMALL, encoding="utf-8")
    return load(path)


@pytest.mark.parametrize("rename", [False, True])
def test_deck_uses_the_template_layouts(tmp_path: Path, org, rename: bool) -> None:
    template = make_template(tmp_path / "corporate.pptx", rename=rename)
    data, count = deck_bytes([(org, ())], "pptx", DeckOptions(split="manager"), template)
    prs = Presentation(io.BytesIO(data))
    assert len(prs.slides) == count
    assert all("Template sample slide" not in (s.shapes.title.text if s.shapes.title else "")
               for s in prs.slides)
    names = {layout.name for layout in Presentation(str(template)).slide_layouts}
    used = [slide.slide_layout.name for slide in prs.slides]
    assert set(used) <= names
    layouts = pick_layouts(prs)
    assert used[0] == layouts["title"].name
    assert set(used[1:]) == {layouts["chart"].name}
    if not rename:
        assert used[0] == "Title Slide" and used[1] == "Title Only"
    # The master (background, fonts) is the template's; orgviz sets no slide background.
    assert prs.slide_master.background.fill.fore_color.rgb == BRAND
    assert {latin.get("typeface") for latin in prs.slide_master._element.iter(f"{A}latin")
            } == {"Georgia"}
    for slide in prs.slides:
        assert slide._element.cSld.find(f"{P}bg") is None
        if slide.shapes.title is not None:  # the title keeps the template's font
            assert all(run.font.name is None for para in slide.shapes.title.text_frame.paragraphs
                       for run in para.runs)


def test_template_slide_size_is_kept(tmp_path: Path, org) -> None:
    template = make_template(tmp_path / "four-three.pptx", widescreen=False)
    prs = open_template(template)
    frame = template_frame(prs)
    assert (frame.width, frame.height) == (720.0, 540.0)
    data, _ = deck_bytes([(org, ())], "pptx", None, template)
    deck = Presentation(io.BytesIO(data))
    assert (deck.slide_width, deck.slide_height) == (Emu(9144000), Emu(6858000))
    for slide in list(deck.slides)[1:]:
        for shape in slide.shapes:
            assert shape.left + shape.width <= deck.slide_width


def test_a_broken_template_is_a_clear_error(tmp_path: Path, org) -> None:
    bad = tmp_path / "bad.pptx"
    bad.write_bytes(b"not a zip")
    with pytest.raises(DeckError, match="is not a PowerPoint file"):
        deck_bytes([(org, ())], "pptx", None, bad)
    with pytest.raises(DeckError, match="cannot read the template"):
        deck_bytes([(org, ())], "pptx", None, tmp_path / "missing.pptx")
    with pytest.raises(DeckError, match=r"^template \(--template\) applies to PowerPoint "
                                        r"decks: write \.pptx, or leave out the template for "
                                        r"a PDF$"):
        deck_bytes([(org, ())], "pdf", None, bad)


def test_an_office_file_that_is_no_presentation_is_named_without_an_address(
        tmp_path: Path, org) -> None:
    # python-pptx's message named the stream ("file '<_io.BytesIO object at 0x7f...>' is not
    # a PowerPoint file, content type is ..."): a memory address in the error, changing from
    # run to run.
    import openpyxl

    workbook = tmp_path / "people.xlsx"
    openpyxl.Workbook().save(workbook)
    with pytest.raises(DeckError) as caught:
        deck_bytes([(org, ())], "pptx", None, workbook)
    assert str(caught.value) == (f"the template {workbook} is not a PowerPoint file (.pptx or "
                                 ".potx saved as .pptx): it is an Excel workbook")
    potx = tmp_path / "brand.potx"
    data = make_template(tmp_path / "brand.pptx").read_bytes()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(potx, "w") as target:
        for item in source.infolist():
            part = source.read(item)
            if item.filename == "[Content_Types].xml":
                part = part.replace(b"presentationml.presentation.main+xml",
                                    b"presentationml.template.main+xml")
            target.writestr(item, part)
    with pytest.raises(DeckError) as caught:
        deck_bytes([(org, ())], "pptx", None, potx)
    assert str(caught.value).endswith("saved as .pptx): it is a PowerPoint template (.potx)")
    assert "0x" not in str(caught.value)


def test_a_deck_is_not_written_over_its_template(tmp_path: Path, org) -> None:
    from click.testing import CliRunner

    from orgviz.cli import main

    template = make_template(tmp_path / "brand.pptx")
    before = template.read_bytes()
    result = CliRunner().invoke(main, ["deck", org.file, "--template", str(template),
                                       "-o", str(template)])
    assert result.exit_code == 2
    assert result.output == (f"orgviz: -o {template} is an input file ({template}): give "
                             "another name\n")
    assert template.read_bytes() == before


def test_a_template_that_is_no_regular_file_is_refused_unread(tmp_path: Path, org) -> None:
    # (/dev/zero was read until memory ran out; a named pipe blocked for ever)
    fifo = tmp_path / "brand.pptx"
    os.mkfifo(fifo)
    with pytest.raises(DeckError) as caught:
        deck_bytes([(org, ())], "pptx", None, fifo)
    assert str(caught.value) == f"cannot read the template {fifo}: it is a named pipe, not a file"
    with pytest.raises(DeckError) as caught:
        deck_bytes([(org, ())], "pptx", None, "/dev/zero")
    assert str(caught.value) == ("cannot read the template /dev/zero: it is a character "
                                 "device, not a file")


def test_a_template_that_expands_too_much_is_refused(tmp_path: Path, org,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    from orgviz.deck import powerpoint

    template = make_template(tmp_path / "brand.pptx")
    monkeypatch.setattr(powerpoint, "MAX_TEMPLATE_EXPANDED_BYTES", 1000)
    with pytest.raises(DeckError) as caught:
        deck_bytes([(org, ())], "pptx", None, template)
    assert str(caught.value).startswith(f"the template {template} expands to ")
    assert str(caught.value).endswith(" MiB: refusing to read it (a zip bomb?)")
