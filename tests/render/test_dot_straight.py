"""The dot layout's solid lines turn only where they mean to: no jog of a pixel or a few
where Graphviz put a node not quite under the one above."""

from __future__ import annotations

import itertools

import pytest
from renderkit import ENGINES, ORGS, assert_solid_lines_pass_no_card

from orgviz.loader import load
from orgviz.render import RenderOptions
from orgviz.render.dotlayout import STRAIGHT, layout_dot, straight_on
from orgviz.render.engines import pick_engine
from orgviz.render.pipeline import build


def jogs(org: str, engine: str) -> list[tuple[float, tuple[tuple[float, float], ...]]]:
    """The short runs across the ranks (shorter than STRAIGHT) between two runs down them in
    the solid lines of an org's top-down dot layout, with their lines."""
    options = RenderOptions(layout="dot", engine=engine)
    chart, theme, _, box = build(load(ORGS / org), options)
    geometry, _ = layout_dot(chart, box, theme, pick_engine(engine), 120.0)
    assert_solid_lines_pass_no_card(geometry, elbows_only=True)
    found = []
    for line in geometry.lines:
        if line.kind != "solid":
            continue
        for (x1, y1), (x2, y2) in itertools.pairwise(line.points[1:-1]):
            if abs(y1 - y2) < 0.01 and 0.0 < abs(x1 - x2) < STRAIGHT:
                found.append((abs(x1 - x2), line.points))
    return found


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("org", ["small.yaml", "mid-size.yaml"])
def test_no_solid_line_jogs_by_less_than_straight(org: str, engine: str) -> None:
    # (small.yaml: Rahul Iyer's spine, 1 px left of his card's middle, jogged under it;
    # mid-size.yaml: Daniel Osei's line through waypoints 1.01 px apart, twice)
    assert jogs(org, engine) == []


@pytest.mark.parametrize("cross, turned, placed", [
    (366.0, 365.0, 366.0), (1157.02, 1162.0, 1157.02), (100.0, 100.0 + STRAIGHT, 106.0),
    (100.0, 110.0, 110.0), (1_000_000.0, 1_000_007.0, 1_000_000.0)])
def test_a_line_goes_straight_on_within_straight_or_graphviz_rounding(
        cross: float, turned: float, placed: float) -> None:
    # (at 1,000,000 px, 13,889 inches: Graphviz gives 72 px steps)
    assert straight_on(cross, turned) == placed
