"""A level row's band reaches past its last card as it does past its first: never flush."""

from __future__ import annotations

import re

import pytest
from renderkit import ORGS, SETUPS

from orgviz.loader import load
from orgviz.render import RenderOptions, render
from orgviz.render.svg import BAND_PAD, MARGIN

Rect = tuple[float, float, float, float]  # left, top, right, bottom

CARD = re.compile(r'<g transform="translate\(([-\d.]+) ([-\d.]+)\)"><title>[^<]*</title>'
                  r'<rect width="([\d.]+)" height="([\d.]+)"')
BAND = re.compile(r'<rect x="([-\d.]+)" y="([-\d.]+)" width="([\d.]+)" height="([\d.]+)" '
                  r'rx="6"')
SIZE = re.compile(r'<svg [^>]*width="([\d.]+)" height="([\d.]+)"')


def cards(svg: str) -> list[Rect]:
    """Every card's outline."""
    found = [tuple(map(float, m.groups())) for m in CARD.finditer(svg)]
    return [(x, y, x + w, y + h) for x, y, w, h in found]


def bands(svg: str) -> list[Rect]:
    """Every level row's band (the tinted rectangles with a 6 unit corner radius)."""
    found = [tuple(map(float, m.groups())) for m in BAND.finditer(svg)]
    return [(x, y, x + w, y + h) for x, y, w, h in found]


def size(svg: str) -> tuple[float, float]:
    """The SVG's width and height."""
    found = SIZE.search(svg)
    assert found is not None
    return float(found.group(1)), float(found.group(2))


@pytest.mark.parametrize("setup", SETUPS)
def test_a_top_down_band_ends_band_pad_right_of_its_last_card(setup: dict) -> None:
    # (orgs/small.yaml with --layout dot: Marcus Bell's card's right edge was the band's,
    # 1286.97 both; the tidy layout drew the same, 1268 both)
    svg = render(load(ORGS / "small.yaml"), "svg", RenderOptions(**setup)).decode()
    found, outlines = bands(svg), cards(svg)
    assert len(found) == 3 and outlines
    width, _ = size(svg)
    last = max(right for _, _, right, _ in outlines)
    for left, top, right, bottom in found:
        assert left == MARGIN
        assert right == pytest.approx(last + BAND_PAD, abs=0.01)
        assert width - right == pytest.approx(MARGIN, abs=0.01)  # as much as on the left
        inside = [c for c in outlines if c[1] < bottom and c[3] > top]
        assert all(right - c[2] >= BAND_PAD - 0.01 for c in inside), (right, inside)


@pytest.mark.parametrize("setup", SETUPS)
def test_a_left_to_right_band_ends_band_pad_below_its_last_card_within_the_margins(
        setup: dict) -> None:
    # (left to right, Marcus Bell's card stood on the bottom edge of the bands)
    options = RenderOptions(**setup, direction="LR")
    svg = render(load(ORGS / "small.yaml"), "svg", options).decode()
    found, outlines = bands(svg), cards(svg)
    assert len(found) == 3 and outlines
    width, height = size(svg)
    last = max(bottom for _, _, _, bottom in outlines)
    # (the first column's band started at x=18, BAND_PAD left of the title and of the
    # margin; the last column's ended as far into the right margin)
    assert min(left for left, _, _, _ in found) == MARGIN
    for left, _, right, bottom in found:
        assert left >= MARGIN and right <= width - MARGIN + 0.01
        assert bottom == pytest.approx(last + BAND_PAD, abs=0.01)
        assert height - bottom == pytest.approx(MARGIN, abs=0.01)
        inside = [c for c in outlines if c[0] < right and c[2] > left]
        assert all(bottom - c[3] >= BAND_PAD - 0.01 for c in inside), (bottom, inside)


@pytest.mark.parametrize("direction", ["TB", "LR"])
@pytest.mark.parametrize("setup", SETUPS)
def test_a_transparent_chart_keeps_no_room_for_the_bands_it_does_not_draw(
        setup: dict, direction: str) -> None:
    # (--transparent draws no bands, but the canvas kept BAND_PAD for them past the last
    # card, and left to right before the first: 38 px of margin there against 28 on a
    # chart without level rows; now the margin past the cards is MARGIN, as there)
    org = load(ORGS / "small.yaml")
    opaque = render(org, "svg", RenderOptions(**setup, direction=direction)).decode()
    clear = render(org, "svg", RenderOptions(**setup, direction=direction,
                                             transparent=True)).decode()
    assert len(bands(opaque)) == 3 and not bands(clear)
    width, height = size(clear)
    outlines = cards(clear)
    right = max(r for _, _, r, _ in outlines)
    assert width - right == pytest.approx(MARGIN, abs=0.01)
    assert size(opaque)[0] - max(r for _, _, r, _ in cards(opaque)) == pytest.approx(
        MARGIN + BAND_PAD, abs=0.01)
    if direction == "TB":  # the level labels' column on the left: the cards stay put
        assert size(opaque) == (width + BAND_PAD, height)
        assert outlines == cards(opaque)
    else:  # the first column on the title's left edge, MARGIN below the last card
        assert size(opaque) == (width + 2 * BAND_PAD, height + BAND_PAD)
        assert min(left for left, _, _, _ in outlines) == pytest.approx(MARGIN, abs=0.01)
        assert height - max(b for _, _, _, b in outlines) == pytest.approx(MARGIN, abs=0.01)
