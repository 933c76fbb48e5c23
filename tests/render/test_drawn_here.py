"""A PNG's (or PDF's) Latin text is measured in the face that draws it on this machine.

Without Helvetica, Arial or Liberation Sans installed (a server or CI runner with DejaVu
Sans alone), resvg draws the chart's Latin text in DejaVu Sans, 12% (bold 18%) wider than
the Helvetica widths the chart was measured in: names ran past their cards' edges and the
key's entries over each other. An SVG stays measured as Helvetica: a browser elsewhere
draws it, and the same file comes out on every machine.
"""

from __future__ import annotations

import importlib.util
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from orgviz.loader import load
from orgviz.render import labels, resvgfonts
from orgviz.render.labels import measured_for, text_width

HAS_PIL = importlib.util.find_spec("PIL") is not None
HAS_RESVG = importlib.util.find_spec("resvg_py") is not None


def _clear_measures() -> None:
    for cached in (labels.chart_face_widths, labels._table, labels._ascii_widths,
                   labels._char_width, labels._em_width, labels._wrapped,
                   labels._helvetica_metric_installed, resvgfonts.installed_fonts):
        cached.cache_clear()


@pytest.fixture
def fonts_only(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[Path]:
    """A machine whose fonts are the files linked into the folder yielded (none yet)."""
    _clear_measures()
    monkeypatch.setattr(resvgfonts, "font_dirs", lambda: [tmp_path])
    yield tmp_path
    monkeypatch.undo()
    _clear_measures()


def _dejavu() -> dict[bool, Path]:
    """DejaVu Sans and DejaVu Sans Bold's files, where installed."""
    fonts = resvgfonts.installed_fonts()
    faces = {bold: fonts.face("DejaVu Sans", bold, False) for bold in (False, True)}
    return {bold: Path(face.path) for bold, face in faces.items()
            if face is not None and "dejavu sans" in face.families}


#: Found before any test makes a machine of its own (`fonts_only`).
DEJAVU = _dejavu()
needs_dejavu = pytest.mark.skipif(not (HAS_PIL and len(DEJAVU) == 2),
                                  reason="needs Pillow and DejaVu Sans (fonts-dejavu-core)")


@needs_dejavu
def test_without_a_helvetica_metric_face_a_png_measures_in_the_face_that_draws_it(fonts_only):
    for path in DEJAVU.values():
        os.symlink(path, fonts_only / path.name)
    # (DejaVu Sans's own advance widths: the table the mixed-script lines use)
    assert labels.chart_face_widths(False) == labels._WIDE_ASCII_WIDTHS
    assert labels.chart_face_widths(True) == labels._WIDE_BOLD_ASCII_WIDTHS
    name = "Fatima-Zahra Benali"
    with measured_for("png"):
        png = text_width(name, 10.0), text_width(name, 10.0, True)
    with measured_for("pdf"):
        pdf = text_width(name, 10.0)
    with measured_for("svg"):
        svg = text_width(name, 10.0), text_width(name, 10.0, True)
    assert png == (sum(labels._WIDE_ASCII_WIDTHS[ord(c) - 32] for c in name) / 100,
                   sum(labels._WIDE_BOLD_ASCII_WIDTHS[ord(c) - 32] for c in name) / 100)
    assert pdf == png[0]
    assert svg == (sum(labels._ASCII_WIDTHS[ord(c) - 32] for c in name) / 100,
                   sum(labels._BOLD_ASCII_WIDTHS[ord(c) - 32] for c in name) / 100)
    assert text_width(name, 10.0) == svg[0]  # (outside a render: as an SVG)
    assert png[0] > svg[0] * 1.08 and png[1] > svg[1] * 1.12


@needs_dejavu
@pytest.mark.parametrize("twin", ["LiberationSans-Regular.ttf", "Arial.ttf", "arial.ttf",
                                  "Helvetica.ttc", "Arimo-Regular.ttf"])
def test_with_a_helvetica_metric_face_the_built_in_widths_stay(fonts_only, twin):
    for path in DEJAVU.values():
        os.symlink(path, fonts_only / path.name)
    (fonts_only / "sub").mkdir()
    (fonts_only / "sub" / twin).write_bytes(b"")  # (known by its name: not read)
    assert labels.chart_face_widths(False) is None
    with measured_for("png"):
        assert text_width("Ann Lee", 10.0) == sum(
            labels._ASCII_WIDTHS[ord(c) - 32] for c in "Ann Lee") / 100


def test_without_any_font_the_built_in_widths_stay(fonts_only):
    assert labels.chart_face_widths(False) is None
    assert labels.chart_face_widths(True) is None


@needs_dejavu
def test_a_png_is_laid_out_for_dejavu_sans_and_the_svg_for_helvetica(fonts_only, tmp_path,
                                                                       monkeypatch):
    from orgviz.render import RenderOptions, convert, render

    for path in DEJAVU.values():
        os.symlink(path, fonts_only / path.name)
    org = tmp_path / "org.yaml"
    org.write_text("orgviz: 1\norg: {name: T, size: small}\npeople:\n"
                   "  - {id: a, name: Wilhelmina Worthington, title: CEO}\n"
                   "  - {id: b, name: Ann Lee, title: Staff Engineer, reports_to: a}\n",
                   encoding="utf-8")
    drawn: list[bytes] = []
    monkeypatch.setattr(convert, "svg_to_png", lambda svg, **_options: drawn.append(svg) or b"")
    monkeypatch.setattr(convert, "svg_to_pdf", lambda svg, **_options: drawn.append(svg) or b"")
    svg = render(load(org), "svg", RenderOptions())
    render(load(org), "png", RenderOptions())
    render(load(org), "pdf", RenderOptions())
    assert drawn[0] == drawn[1] != svg  # (the PNG's and the PDF's layout: their own)
    assert render(load(org), "svg", RenderOptions()) == svg  # (no trace of the PNG's)
    # The name wraps in DejaVu Sans Bold (179 px of the card's 174: one line of 150 px in
    # Helvetica Bold's widths).
    assert b">Wilhelmina Worthington<" in svg
    assert b">Wilhelmina<" in drawn[0] and b">Worthington<" in drawn[0]


@pytest.mark.parametrize(("fmt", "here"), [("pdf", True), ("pptx", False)])
def test_a_pdf_deck_is_measured_as_drawn_here_and_a_powerpoint_deck_not(org_file, monkeypatch,
                                                                         fmt, here):
    # (a PDF deck's pages are drawn here, by cairosvg or resvg: measured as its charts are;
    # a PowerPoint deck is drawn where it is opened, in Arial)
    from orgviz.deck import deck_bytes

    seen: set[bool] = set()
    measure = labels._em_width

    def recording(text: str, bold: bool, wide: bool | None = None, here: bool = False) -> int:
        seen.add(here)
        return measure(text, bold, wide, here)

    monkeypatch.setattr(labels, "_em_width", recording)
    org = load(org_file("orgviz: 1\norg: {name: T, size: small}\npeople:\n"
                        "  - {id: a, name: Ann Lee, title: CEO}\n"
                        "  - {id: b, name: Bo Li, title: Engineer, reports_to: a}\n"))
    data, slides = deck_bytes([(org, ())], fmt)
    assert slides >= 2 and data[:4] in (b"%PDF", b"PK\x03\x04")
    assert seen == {here}
    assert labels._DRAWN_HERE.get() is False  # (and no trace after it)
