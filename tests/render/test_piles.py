"""The pile of cards behind a rollup stays inside the drawing and its level rows' bands."""

from __future__ import annotations

import re

import pytest
from renderkit import chart_of

from orgviz.render.cards import PILE
from orgviz.render.svg import MARGIN, draw_svg
from orgviz.render.tidylayout import layout_tidy

WIDE = ("orgviz: 1\norg: {name: Piles}\npeople:\n  - {id: ceo, name: Ceo, title: CEO}\n"
        + "".join(f"  - {{id: v{v}, name: V {v}, title: VP, reports_to: ceo}}\n"
                  + "".join(f"  - {{id: e{v}{n}, name: E {v}{n}, title: Engineer, role: ic, "
                            f"reports_to: v{v}}}\n" for n in range(2)) for v in range(4)))
_GROUP = re.compile(r'<g transform="translate\(([\d.]+) ([\d.]+)\)"><title>\+2 people</title>'
                    r'(.*?)</g>')
_RECT = re.compile(r'<rect (?:x="([\d.]+)" y="([\d.]+)" )?width="([\d.]+)" height="([\d.]+)"')
_BAND = re.compile(r'<rect x="([\d.]+)" y="([-\d.]+)" width="([\d.]+)" height="([\d.]+)" '
                   r'rx="6"')


@pytest.mark.parametrize("direction", ["TB", "LR"])
def test_a_rollup_pile_at_the_edge_stays_in_the_drawing_and_the_row_bands(
        direction: str) -> None:
    """The imported UK Home Office at --depth 2 --fit 16:9: the piles of the last column's
    rollups stood 8 px past the level rows' bands (the drawing ended at the rollup's box)."""
    chart, theme, texts, box = chart_of(WIDE, depth=2, direction=direction)
    svg = draw_svg(chart, layout_tidy(chart, box)[0], texts, box, theme).decode()
    width, height = (float(v) for v in re.search(r'<svg [^>]*width="([\d.]+)" '
                                                 r'height="([\d.]+)"', svg).groups())
    piles = []
    for x, y, inner in _GROUP.findall(svg):
        for rx, ry, w, h in _RECT.findall(inner):
            piles.append((float(x) + float(rx or 0), float(y) + float(ry or 0),
                          float(x) + float(rx or 0) + float(w),
                          float(y) + float(ry or 0) + float(h)))
    assert len(piles) == 4 * (len(PILE) + 1)
    assert max(right for *_, right, _ in piles) <= width - MARGIN + 0.01
    assert max(bottom for *_, bottom in piles) <= height - MARGIN + 0.01
    bands = [tuple(map(float, found)) for found in _BAND.findall(svg)]
    assert bands
    for bx, by, bw, bh in bands:  # a band spans the drawing across the rows
        if direction == "TB":
            assert bx + bw >= max(right for *_, right, _ in piles) - 0.01
        else:
            assert by + bh >= max(bottom for *_, bottom in piles) - 0.01
