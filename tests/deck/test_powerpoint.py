"""PowerPoint decks, read back with python-pptx: slides, size, pictures, SVG, notes, links."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from deckkit import SMALL, deep_wide_yaml
from PIL import Image
from pptx import Presentation
from pptx.util import Emu

from orgviz.deck import deck_bytes
from orgviz.deck.build import DeckOptions
from orgviz.deck.powerpoint import SVG_EXTENSION, SVG_NS
from orgviz.loader import load

A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def small_deck(tmp_path_factory: pytest.TempPathFactory) -> tuple[bytes, int]:
    path = tmp_path_factory.mktemp("deck") / "small.yaml"
    path.write_text(SMALL, encoding="utf-8")
    return deck_bytes([(load(path), ())], "pptx", DeckOptions(split="manager"))


def _open(data: bytes):
    return Presentation(io.BytesIO(data))


def _pictures(slide):
    return [shape for shape in slide.shapes if shape.shape_type == 13]  # PICTURE


def test_slides_size_pictures_and_notes(small_deck) -> None:
    data, count = small_deck
    prs = _open(data)
    assert len(prs.slides) == count >= 4
    assert (prs.slide_width, prs.slide_height) == (Emu(12192000), Emu(6858000))  # 16:9
    title, *rest = prs.slides
    assert title.shapes.title.text == "Tiny Co"
    assert "11 people · 1 open role" in " ".join(s.text_frame.text for s in title.shapes
                                               if s.has_text_frame)
    for slide in rest:
        pictures = _pictures(slide)
        assert len(pictures) == 1, slide.shapes.title.text
        picture = pictures[0]
        assert picture.left >= 0 and picture.top >= 0
        assert picture.left + picture.width <= prs.slide_width
        assert picture.top + picture.height <= prs.slide_height
        notes = slide.notes_slide.notes_text_frame.text
        assert "On this slide:" in notes and "Managers and spans" in notes


def test_charts_are_svg_with_a_4k_png_fallback(small_deck) -> None:
    data, _ = small_deck
    prs = _open(data)
    package = zipfile.ZipFile(io.BytesIO(data))
    types = package.read("[Content_Types].xml").decode()
    for slide in list(prs.slides)[1:]:
        picture = _pictures(slide)[0]
        blip = picture._element.blipFill.find(f"{A}blip")
        png_part = slide.part.related_part(blip.get(f"{R}embed"))
        assert png_part.content_type == "image/png"
        ext = blip.find(f"{A}extLst/{A}ext")
        assert ext.get("uri") == SVG_EXTENSION
        svg_blip = ext.find(f"{{{SVG_NS}}}svgBlip")
        svg_part = slide.part.related_part(svg_blip.get(f"{R}embed"))
        assert svg_part.content_type == "image/svg+xml"
        assert svg_part.blob.lstrip().startswith(b"<?xml") and b"<svg" in svg_part.blob
        assert str(svg_part.partname) in types or 'Extension="svg"' in types
        image = Image.open(io.BytesIO(png_part.blob))
        # 4 pixels per point: 3840 px across a full 960 pt slide.
        assert image.width == pytest.approx(picture.width / 12700 * 4, abs=2)
        assert image.width / image.height == pytest.approx(picture.width / picture.height,
                                                          rel=0.01)
        assert picture._element.nvPicPr.cNvPr.get("descr").startswith("Org chart: ")


def test_continued_cards_and_reports_to_link_to_their_slides(small_deck) -> None:
    data, _ = small_deck
    prs = _open(data)
    slides = list(prs.slides)
    targets = []
    for slide in slides:
        for shape in slide.shapes:
            action = shape.click_action
            if action.target_slide is not None:
                targets.append((slides.index(slide) + 1, slides.index(action.target_slide) + 1,
                                shape.name))
    assert any(name.startswith("Reports to") for _, _, name in targets)
    assert any(name.startswith("Link to slide") for _, _, name in targets)
    for source, target, name in targets:
        assert source != target
        assert name.endswith(f"slide {target})") or name == f"Link to slide {target}"


def test_the_same_deck_gives_the_same_bytes(small_deck, tmp_path: Path) -> None:
    path = tmp_path / "small.yaml"
    path.write_text(SMALL, encoding="utf-8")
    again, _ = deck_bytes([(load(path), ())], "pptx", DeckOptions(split="manager"))
    assert again == small_deck[0]
    package = zipfile.ZipFile(io.BytesIO(again))
    assert {info.date_time for info in package.infolist()} == {(1980, 1, 1, 0, 0, 0)}
    props = _open(again).core_properties
    assert props.created.year == 1970 and props.modified == props.created
    assert props.title == "Tiny Co" and props.author == "orgviz"


def test_several_orgs_get_a_comparison_and_sections(tmp_path: Path) -> None:
    small = tmp_path / "small.yaml"
    small.write_text(SMALL, encoding="utf-8")
    wide = tmp_path / "wide.yaml"
    wide.write_text(deep_wide_yaml(12), encoding="utf-8")
    data, _ = deck_bytes([(load(small), ()), (load(wide), ())], "pptx")
    prs = _open(data)
    titles = [slide.shapes.title.text if slide.shapes.title else "" for slide in prs.slides]
    assert titles[:3] == ["Tiny Co and Deep and Wide", "Comparison", "Tiny Co"]
    assert "Deep and Wide" in titles
    table = next(shape for shape in prs.slides[1].shapes if shape.has_table).table
    assert [table.cell(0, c).text for c in range(3)] == ["", "Tiny Co", "Deep and Wide"]
    rows = {table.cell(r, 0).text: table.cell(r, 1).text for r in range(len(table.rows))}
    assert rows["People"] == "11" and rows["Open roles"] == "1"
    assert rows["Chief Product Officer"] == "1"


def test_mid_size_example_in_the_dark_theme() -> None:
    org = load(ROOT / "orgs" / "mid-size.yaml")
    data, count = deck_bytes([(org, ())], "pptx", DeckOptions(theme="dark"))
    prs = _open(data)
    assert len(prs.slides) == count > 5
    background = prs.slides[1].background.fill.fore_color.rgb
    assert str(background) == "161B22"


@pytest.mark.parametrize("color", ["#FFFFFF", "#1F2933"])
def test_png_fallback_has_no_dark_line_where_the_chart_ends_mid_pixel(color: str) -> None:
    # 33.4 units high at 4 px a point: 133.6 px, so the last row is partly covered. It was
    # laid on black (premultiplied pixels read as plain RGBA): a gray line under the chart in
    # viewers that draw the PNG (LibreOffice).
    from orgviz.deck.powerpoint import raster

    svg = (f'<svg xmlns="http://www.w3.org/2000/svg" width="100" height="33.4" '
           f'viewBox="0 0 100 33.4"><rect width="100" height="33.4" fill="{color}"/></svg>')
    image = Image.open(io.BytesIO(raster(svg.encode(), 100.0))).convert("RGB")
    want = tuple(int(color[i:i + 2], 16) for i in (1, 3, 5))
    assert image.size == (400, 134)
    assert {image.getpixel((x, y)) for x in range(0, 400, 7) for y in (0, 132, 133)} == {want}


LIBERATION = next((folder for folder in (Path("/usr/share/fonts/truetype/liberation2"),
                                         Path("/usr/share/fonts/truetype/liberation"))
                   if (folder / "LiberationSans-Bold.ttf").exists()), Path("/nonexistent"))


@pytest.mark.skipif(not (LIBERATION / "LiberationSans-Italic.ttf").exists(),
                    reason="needs Liberation Sans (Arial's metrics) to measure text")
def test_reports_to_lines_fit_their_card_in_arial_metrics(org_file) -> None:
    # A long manager title is cut so that the line, slide number included, fits the card's
    # text area in PowerPoint (10 pt padding a side and the rounded corners' inset) as Arial
    # measures it; cut to text_width's estimate of the full width, LibreOffice wrapped it.
    from PIL import ImageFont

    from orgviz.deck.build import build_deck
    from orgviz.deck.pages import (
        REFERENCE_NAME_SIZE,
        REFERENCE_TEXT_SIZE,
        REFERENCE_W,
        reference_lines,
    )

    title = "Director of Engineering, Developer Productivity and Platform Reliability"
    people = "\n".join(
        f"  - {{id: e{i}, name: Engineer Number {i}, title: Software Engineer, "
        f"reports_to: m{i % 2}}}" for i in range(16))
    org = load(org_file(
        "orgviz: 1\norg: {name: Long Titles, size: mid-size}\npeople:\n"
        f'  - {{id: d, name: Maximiliana Featherstonehaugh-Worthington, title: "{title}"}}\n'
        "  - {id: m0, name: Manager Zero, title: Engineering Manager, reports_to: d}\n"
        "  - {id: m1, name: Manager One, title: Engineering Manager, reports_to: d}\n"
        + people + "\n"))
    deck = build_deck([(org, ())])
    regular = ImageFont.truetype(str(LIBERATION / "LiberationSans-Italic.ttf"), 100)
    bold = ImageFont.truetype(str(LIBERATION / "LiberationSans-Bold.ttf"), 100)
    inset = 2 * 0.29289 * 0.15 * 40  # PowerPoint's text rectangle of a rounded rectangle
    room = REFERENCE_W - 20 - inset
    cards = [slide for slide in deck.slides if slide.reports_to is not None]
    assert cards
    for slide in cards:
        first, second = reference_lines(slide)
        assert bold.getlength(first) * REFERENCE_NAME_SIZE / 100 <= room, first
        assert regular.getlength(second) * REFERENCE_TEXT_SIZE / 100 <= room, second
    assert any("…" in reference_lines(slide)[1] for slide in cards)


def test_png_fallback_keeps_a_light_band_apart_from_the_background() -> None:
    # The level column's band (#F5F7FA on white): Pillow's fast octree put both in one
    # palette entry, which was then set to the background: the band was gone from the PNG
    # (LibreOffice and Google Slides draw the PNG).
    from orgviz.deck.powerpoint import raster

    svg = ('<svg xmlns="http://www.w3.org/2000/svg" width="100" height="40" '
           'viewBox="0 0 100 40"><rect width="100" height="40" fill="#FFFFFF"/>'
           '<rect x="10" y="10" width="80" height="20" rx="4" fill="#F5F7FA"/>'
           '<text x="20" y="24" font-size="9.5" fill="#1F2933">LEVEL</text></svg>')
    image = Image.open(io.BytesIO(raster(svg.encode(), 100.0)))
    assert image.mode == "P"
    rgb = image.convert("RGB")
    assert rgb.getpixel((2, 2)) == (255, 255, 255)
    band = rgb.getpixel((300, 50))
    assert band != (255, 255, 255)
    assert max(abs(a - b) for a, b in zip(band, (245, 247, 250), strict=True)) <= 3, band


@pytest.mark.parametrize("colors", [256, 200, 17, 16, 2])
def test_palette_png_has_the_pixels_pillow_writes(colors: int) -> None:
    # The fallbacks' own PNG writer (rows repeating the one above written with the Up
    # filter) keeps the pixels and the palette of the image, as Pillow's PNG did; a palette
    # of 16 colors or fewer is Pillow's (4, 2 or 1 bits a pixel).
    from orgviz.deck.powerpoint import _palette_png

    width, height = 37, 24
    pixels = bytearray((x * 7 + y * 3) % colors for y in range(height) for x in range(width))
    pixels[width * 5:width * 12] = pixels[width * 4:width * 5] * 7  # rows repeating row 4
    pixels[width * 20:] = bytes(width * 4)  # and rows of one color
    image = Image.frombytes("P", (width, height), bytes(pixels))
    image.putpalette([(i * 37 + c * 91) % 256 for i in range(colors) for c in range(3)])
    expected = io.BytesIO()
    image.save(expected, "PNG")
    data = _palette_png(image)
    written, pillows = Image.open(io.BytesIO(data)), Image.open(expected)
    assert written.mode == "P" and written.size == (width, height)
    assert written.tobytes() == image.tobytes()
    assert written.convert("RGB").tobytes() == pillows.convert("RGB").tobytes()
    assert _palette_png(image) == data
    if colors <= 16:
        assert data == expected.getvalue()


def test_a_palette_png_with_transparent_colors_keeps_them() -> None:
    # (the own writer writes no tRNS chunk: such an image is Pillow's to write)
    from orgviz.deck.powerpoint import _palette_png

    image = Image.frombytes("P", (40, 3), bytes(range(40)) * 3)
    image.putpalette([(i * 5 + c) % 256 for i in range(40) for c in range(3)])
    image.info["transparency"] = 7
    written = Image.open(io.BytesIO(_palette_png(image)))
    assert written.tobytes() == image.tobytes()
    assert written.convert("RGBA").getpixel((7, 0))[3] == 0
    assert written.convert("RGBA").getpixel((8, 0))[3] == 255


def test_equal_charts_are_drawn_and_stored_once(monkeypatch: pytest.MonkeyPatch) -> None:
    # A generated org repeats whole teams (d3-org-chart's sample: 192 charts, 85 distinct):
    # each distinct chart is drawn once and stored once, its slides pointing at one part.
    from orgviz.deck import powerpoint
    from orgviz.deck.frame import default_frame
    from orgviz.deck.slides import Deck, Picture, Slide
    from orgviz.render.themes import THEMES

    drawn: list[bytes] = []
    real = powerpoint.raster

    def counted(svg: bytes, width: float) -> bytes:
        drawn.append(svg)
        return real(svg, width)

    monkeypatch.setattr(powerpoint, "raster", counted)
    monkeypatch.setattr(powerpoint.os, "cpu_count", lambda: 1)  # no pool: count in here
    svgs = [(f'<svg xmlns="http://www.w3.org/2000/svg" width="200" height="100" '
             f'viewBox="0 0 200 100"><rect width="200" height="100" fill="#FFFFFF"/>'
             f'<text x="10" y="50" font-size="9.5">{name}</text></svg>').encode()
            for name in ("Team A", "Team B")]
    slides = [Slide("chart", f"Slide {i}", picture=Picture(svgs[i % 2], 200, 100, 9.5, "chart"))
              for i in range(5)]
    deck = Deck("Repeats", (Slide("title", "Repeats"), *slides), default_frame(),
                THEMES["light"], 9.0)
    data = powerpoint.deck_pptx(deck)
    assert sorted(drawn) == sorted(svgs)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        media = sorted(name for name in archive.namelist() if name.startswith("ppt/media/"))
    assert sorted(name.rsplit(".", 1)[1] for name in media) == ["png", "png", "svg", "svg"]
    prs = _open(data)
    targets = [_pictures(slide)[0]._element.blipFill.find(f"{A}blip").get(f"{R}embed")
               for slide in list(prs.slides)[1:]]
    parts = [str(slide.part.related_part(rid).partname)
             for slide, rid in zip(list(prs.slides)[1:], targets, strict=True)]
    assert parts[0] == parts[2] == parts[4] != parts[1] == parts[3]
