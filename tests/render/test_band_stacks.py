"""Top-down, a level row's band spans the stacked cards of its level: those under the row,
in columns, down to BAND_PAD past the last (not only the row's first cards), and never into
the next row's band."""

from __future__ import annotations

import re
from itertools import pairwise

import pytest
from renderkit import ORGS, SETUPS
from test_band_ends import bands, cards

from orgviz.loader import load
from orgviz.render import RenderOptions, render
from orgviz.render.svg import BAND_PAD


def test_the_individual_contributors_band_spans_their_stacks() -> None:
    # (orgs/small.yaml: the band ended 10 px under the first row of individual contributors,
    # Ngozi Adeyemi's; the five engineers and five product people stacked under her, level
    # with Kwame Mensah, stood under it, on the page's background)
    svg = render(load(ORGS / "small.yaml"), "svg", RenderOptions(layout="tidy")).decode()
    found, outlines = bands(svg), cards(svg)
    assert len(found) == 3
    lowest = max(bottom for _, _, _, bottom in outlines)
    last = max(found, key=lambda band: band[1])
    assert last[3] == pytest.approx(lowest + BAND_PAD, abs=0.01)
    assert all(last[1] <= top for _, top, _, _ in outlines if top > last[1])  # under its top


@pytest.mark.parametrize("org, options", [
    ("small", {}),
    ("mid-size", {}),
    ("mid-size", {"compact": "off"}),
    ("mid-size", {"root": "sofia-castellanos", "depth": 2}),
])
def test_bands_never_overlap(org: str, options: dict) -> None:
    svg = render(load(ORGS / f"{org}.yaml"), "svg",
                 RenderOptions(layout="tidy", **options)).decode()
    found = sorted(bands(svg), key=lambda band: band[1])
    for above, below in pairwise(found):
        assert above[3] <= below[1], (above, below)


@pytest.mark.parametrize("setup", SETUPS)
def test_a_left_to_right_band_spans_its_rows_further_stacked_columns(setup: dict) -> None:
    # (orgs/small.yaml --direction LR --layout dot: the engineers' and product people's
    # second stacked column, Ethan Nakamura-Brooks to Aiyana Redcloud, stood right of the
    # individual contributors' band, on the page's background; their label was centred over
    # the first column only)
    svg = render(load(ORGS / "small.yaml"), "svg",
                 RenderOptions(direction="LR", **setup)).decode()
    found, outlines = bands(svg), cards(svg)
    assert len(found) == 3
    last = max(found, key=lambda band: band[0])  # the individual contributors' band
    ics = [card for card in outlines if card[2] > last[0]]
    assert len(ics) == 16
    rightmost = max(right for _, _, right, _ in ics)
    assert last[2] == pytest.approx(rightmost + BAND_PAD, abs=0.01)
    assert all(last[0] <= left for left, _, _, _ in ics)
    label = re.search(r'<text x="([\d.]+)"[^>]*>INDIVIDUAL CONTRIBUTORS<', svg)
    assert label is not None
    assert float(label.group(1)) == pytest.approx((last[0] + last[2]) / 2, abs=0.01)
