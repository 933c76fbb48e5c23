"""`render --force`: two people who report to each other get one red line between them.

The cycle is cut above Cal (first in the file): Cat stands under Cal on the tree's line,
and the line that closes the cycle (Cal reports to Cat) is drawn as broken. When the tree's
line fails validation too (here `same-rank` as an error), both were drawn red, side by
side, alike, between the same two cards; now the tree's line is the one red line, and Cal's
card, whose own line is cut, is marked broken."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from renderkit import system_graphviz

from orgviz.loader import load
from orgviz.render import RenderOptions
from orgviz.render.chart import Link, build_chart
from orgviz.render.geometry import Box, Point
from orgviz.render.pipeline import LAYOUTS as BY_NAME
from orgviz.render.pipeline import build
from orgviz.validate import validate

CYCLE = """\
orgviz: 1
org: {name: Cycle of two, size: small}
people:
  - {id: ceo, name: Cleo Chief, title: CEO}
  - {id: vp, name: Vic Vale, title: VP of Sales, reports_to: ceo}
  - {id: a1, name: Ann Archer, title: Account Executive, reports_to: vp}
  - {id: a2, name: Bo Baker, title: Account Executive, reports_to: vp}
  - {id: c1, name: Cal Cruz, title: Account Executive, reports_to: c2}
  - {id: c2, name: Cat Coe, title: Account Executive, reports_to: c1}
"""
#: The tree's line from Cal down to Cat fails validation too.
STRICT = CYCLE + "rules:\n  same-rank: {level: error}\n"
LAYOUTS = ["tidy", pytest.param("dot", marks=system_graphviz)]


def _touches(point: Point, box: Box) -> bool:
    """Whether a line's end is on a card's edge (within a pixel)."""
    x, y = point
    return (box.left - 1 <= x <= box.right + 1 and box.top - 1 <= y <= box.bottom + 1
            and not (box.left + 1 < x < box.right - 1 and box.top + 1 < y < box.bottom - 1))


def _lines_between(text: str, layout: str, org_file: Callable[..., Path]) -> list[str]:
    """The kinds of the lines drawn from Cal's card to Cat's (`render --force`)."""
    org = load(org_file(text))
    options = RenderOptions(layout=layout)
    chart, theme, _texts, box = build(org, options, validate(org))
    engine = None
    if layout == "dot":
        from orgviz.render.engines import pick_engine

        engine = pick_engine("system")
    geometry = BY_NAME[layout](chart, box, theme, engine, options)
    cal, cat = geometry.boxes["c1"], geometry.boxes["c2"]
    return sorted(line.kind for line in geometry.lines
                  if {_touches(line.points[0], cal), _touches(line.points[-1], cal)}
                  != {False} and {_touches(line.points[0], cat),
                                  _touches(line.points[-1], cat)} != {False})


@pytest.mark.parametrize("layout", LAYOUTS)
def test_a_cycle_of_two_whose_tree_line_fails_draws_one_red_line(
        org_file: Callable[..., Path], layout: str) -> None:
    assert _lines_between(STRICT, layout, org_file) == ["broken"]


@pytest.mark.parametrize("layout", LAYOUTS)
def test_a_cycle_of_two_whose_tree_line_passes_keeps_its_closing_line(
        org_file: Callable[..., Path], layout: str) -> None:
    # (the tree's line is grey: the red closing line is the only sign of the cycle on it)
    assert _lines_between(CYCLE, layout, org_file) == ["broken", "solid"]


def test_the_chart_keeps_no_closing_line_beside_a_broken_one(
        org_file: Callable[..., Path]) -> None:
    org = load(org_file(STRICT))
    chart = build_chart(org, problems=validate(org))
    assert chart.by_id["c2"].manager == "c1" and chart.by_id["c2"].broken_line
    assert chart.by_id["c1"].manager is None and chart.by_id["c1"].broken
    assert not [link for link in chart.links if link.kind == "broken"]
    org = load(org_file(CYCLE, name="plain.yaml"))
    chart = build_chart(org, problems=validate(org))
    assert chart.links == (Link("c2", "c1", "broken"),)
    assert not chart.by_id["c2"].broken_line
