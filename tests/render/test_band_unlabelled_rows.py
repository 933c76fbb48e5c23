"""Top-down, a level row's band reaches past a row below it that has no label (nor band):
it stopped at that row's band's place, so an individual contributor stacked below the
row stood outside its band, beside one a row down under another (as `--force` draws a
cycle of two), and a card of that row is spanned whole, not cut by the band's edge."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from renderkit import SETUPS
from test_band_ends import bands, cards

from orgviz.loader import load
from orgviz.render import RenderOptions, render
from orgviz.render.svg import BAND_PAD

#: Vic's twelve account executives stack under him (one row of them would be wider than a
#: slide: see `tidylayout.one_row_fits`); Ray and Rae report to each other (cut above Ray,
#: first in the file): Rae stands a row below the individual contributors' row, unlabelled.
CYCLE = ("orgviz: 1\norg: {name: Bands, size: small}\npeople:\n"
         "  - {id: ceo, name: Cleo Chief, title: CEO}\n"
         "  - {id: vp, name: Vic Vale, title: VP of Sales, reports_to: ceo}\n"
         + "".join(f"  - {{id: a{i}, name: Ann Archer {i}, title: Account Executive, "
                   "reports_to: vp}\n" for i in range(1, 13))
         + "  - {id: r1, name: Ray Reed, title: Account Executive, reports_to: r2}\n"
         "  - {id: r2, name: Rae Rowe, title: Account Executive, reports_to: r1}\n")


@pytest.mark.parametrize("setup", SETUPS)
def test_a_band_spans_its_stack_past_a_row_without_a_label(
        org_file: Callable[..., Path], setup: dict) -> None:
    svg = render(load(org_file(CYCLE)), "svg", RenderOptions(**setup), force=True).decode()
    found, outlines = bands(svg), cards(svg)
    assert len(found) == 2  # CEO and individual contributors (VP: no band, every other)
    _, top, _, bottom = found[-1]
    below = [card for card in outlines if card[3] > top]
    assert len(below) == 14  # the twelve, Ray and Rae
    for _, card_top, _, card_bottom in below:  # all within the band, never cut
        assert top + BAND_PAD - 0.01 <= card_top
        assert card_bottom <= bottom - BAND_PAD + 0.01, (card_bottom, bottom)
