"""The size a chart's PNG is drawn at: 2x, within a pixel budget, never below readable."""

from __future__ import annotations

import importlib.util
import math
import struct

import pytest
from hypothesis import given
from hypothesis import strategies as st

from orgviz.render import convert
from orgviz.render.cards import TITLE_SIZE
from orgviz.render.convert import (
    PNG_LEAST_SCALE,
    PNG_NATURAL_PIXELS,
    PNG_PIXEL_BUDGET,
    _within_budget,
    svg_to_png,
)
from orgviz.render.pipeline import READABLE_PX

needs_resvg = pytest.mark.skipif(importlib.util.find_spec("resvg_py") is None,
                                 reason="needs resvg-py")
#: 400 x 200 px at 1x (80,000 px).
CHART = (b'<svg xmlns="http://www.w3.org/2000/svg" width="400" height="200">'
         b'<rect width="400" height="200" fill="#fff"/><rect x="10" y="10" width="100" '
         b'height="50" fill="#4C78A8"/></svg>')


def png_size(png: bytes) -> tuple[int, int]:
    """(width, height) from a PNG's IHDR chunk."""
    assert png.startswith(b"\x89PNG\r\n\x1a\n")
    width, height = struct.unpack(">II", png[16:24])
    return width, height


def test_the_least_scale_keeps_the_cards_titles_readable() -> None:
    assert PNG_LEAST_SCALE * TITLE_SIZE >= READABLE_PX
    assert (PNG_LEAST_SCALE - 0.01) * TITLE_SIZE < READABLE_PX  # (and no larger than that)


def test_the_defaults_keep_a_big_chart_to_a_few_seconds_of_drawing() -> None:
    assert PNG_PIXEL_BUDGET == PNG_NATURAL_PIXELS == 16_000_000


@needs_resvg
def test_a_chart_larger_than_the_natural_limit_is_drawn_below_1x_within_it(
        monkeypatch: pytest.MonkeyPatch) -> None:
    notes: list[str] = []
    monkeypatch.setattr(convert, "PNG_NATURAL_PIXELS", 45_000)
    png = svg_to_png(CHART, scale=2, budget=45_000, notes=notes,
                     wider="--width PX draws it wider")
    assert png_size(png) == (300, 150)  # 0.75x: 45,000 px
    assert notes == ["the chart is drawn at 0.75x, not 2x, to keep the PNG within 0.045 "
                     "megapixels (300 x 150 px); --width PX draws it wider, SVG and PDF stay "
                     "sharp at any zoom"]


@needs_resvg
def test_below_1x_a_chart_is_never_drawn_smaller_than_its_titles_can_be_read(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(convert, "PNG_NATURAL_PIXELS", 1_000)
    notes: list[str] = []
    png = svg_to_png(CHART, scale=2, budget=1_000, notes=notes)
    assert png_size(png) == (220, 110)  # 0.55x, 24,200 px: more than asked, still readable
    assert notes == ["the chart is drawn at 0.55x, not 2x, the least at which the cards' "
                     "titles can be read (220 x 110 px): at 1x the PNG would be 0.08 "
                     "megapixels, slow to draw; SVG and PDF stay sharp at any zoom"]


@needs_resvg
def test_a_chart_scaled_below_the_least_scale_gets_one_note(
        monkeypatch: pytest.MonkeyPatch) -> None:
    # (two notes that disagreed: "drawn at 0.55x, the least at which titles can be read",
    # then "scaled down to 45%": a 5,000-person chart with --compact off)
    monkeypatch.setattr(convert, "PNG_NATURAL_PIXELS", 1_000)
    monkeypatch.setattr(convert, "MAX_PNG_SIDE", 100)
    notes: list[str] = []
    png = svg_to_png(CHART, scale=2, budget=1_000, notes=notes,
                     wider="--width PX draws it wider")
    assert png_size(png) == (100, 50)
    assert notes == ["the chart is drawn at 0.25x, not 2x (100 x 50 px): even at 0.55x it "
                     "would be 220 x 110 px, more than orgviz's PNG rasteriser draws (at most "
                     "100 px a side, cairo's limit, which orgviz keeps when resvg draws; 268 "
                     "megapixels in all); the cards' titles are too small to read: write SVG "
                     "or PDF for a sharp large chart"]


@needs_resvg
def test_a_budget_below_the_natural_limit_stops_at_1x(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(convert, "PNG_NATURAL_PIXELS", 100_000)
    notes: list[str] = []
    assert png_size(svg_to_png(CHART, scale=2, budget=1_000, notes=notes)) == (400, 200)
    assert notes == ["the chart is drawn at 1x, not 2x, its natural size (400 x 200 px): at 2x "
                     "the PNG would be 0.32 megapixels; SVG and PDF stay sharp at any zoom"]


@needs_resvg
def test_an_asked_width_is_drawn_whatever_its_pixels(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(convert, "PNG_NATURAL_PIXELS", 1_000)
    notes: list[str] = []
    assert png_size(svg_to_png(CHART, width=800, scale=2, budget=1_000,
                               notes=notes)) == (800, 400)
    assert notes == []


@given(width=st.floats(1, 40_000), height=st.floats(1, 40_000),
       scale=st.floats(0.1, 4), budget=st.integers(1, 10**9))
def test_the_scale_drawn_at(width: float, height: float, scale: float, budget: int) -> None:
    notes: list[str] = []
    fitted = _within_budget(width, height, scale, budget, notes, None)
    area = width * height
    assert fitted <= scale
    assert (fitted == scale) == (notes == [])
    if area * scale * scale <= budget:
        assert fitted == scale
        return
    least = 1.0 if area <= PNG_NATURAL_PIXELS else PNG_LEAST_SCALE
    assert fitted >= min(scale, least)  # never below readable (1x: sharp, unless huge)
    if fitted == scale:  # (asked for no more than the least: drawn as asked, no note)
        assert scale <= (1.0 if area <= PNG_NATURAL_PIXELS else max(
            PNG_LEAST_SCALE, math.floor(math.sqrt(PNG_NATURAL_PIXELS / area) * 100) / 100))
        return
    if fitted > least:  # (a floor may draw more pixels than the limits)
        assert area * fitted * fitted <= max(budget, PNG_NATURAL_PIXELS if fitted < 1 else 0)
        assert fitted * 100 == pytest.approx(round(fitted * 100), abs=1e-9)  # (hundredths:
        # named exactly in the note; 0.58 * 100 is 57.99...)
        assert f"drawn at {fitted:g}x, not {scale:g}x" in notes[0]


def test_a_width_over_the_limit_is_refused_by_the_options_before_any_work() -> None:
    """`--width 100000` was refused only after the org was laid out (40 s at 5,000
    positions): the options refuse it as they are checked."""
    from orgviz.errors import RenderError
    from orgviz.render.pipeline import RenderOptions

    with pytest.raises(RenderError) as caught:
        RenderOptions(width=32_768).verified()
    assert str(caught.value).startswith("width (--width) 32768 is more than orgviz's PNG "
                                        "rasteriser draws (at most 32,767 px a side")
    assert RenderOptions(width=32_767).verified().width == 32_767
