"""`--layout dot` draws its cards and lines from the edge of the layout: Graphviz stands the
invisible level-axis nodes beside the first card of each rank (top-down: left of the chart),
a node and a NODESEP or more away, which left 26 units of blank page left of every top-down
chart (37 in mid-size.yaml's, 80 on a slide of enterprise.yaml's deck at 12 pt); left to
right, below it."""

from __future__ import annotations

from pathlib import Path

import pytest
from renderkit import ENGINES, chart_of

from orgviz.render.dot import POINT
from orgviz.render.dotlayout import layout_dot
from orgviz.render.engines import pick_engine
from orgviz.render.geometry import Axes, Geometry

ORGS = Path(__file__).resolve().parents[2] / "orgs"


def extent(geometry: Geometry) -> tuple[float, float]:
    """Where the cards and lines start and end across the ranks."""
    ax = Axes(geometry.direction)
    crosses = [edge for box in geometry.boxes.values()
               for edge in (ax.cross(box) - ax.half_cross(box), ax.cross(box) + ax.half_cross(box))]
    crosses += [ax.cross(point) for line in geometry.lines for point in line.points]
    return min(crosses), max(crosses)


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("direction", ["TB", "LR"])
@pytest.mark.parametrize("org", ["small", "mid-size"])
def test_cards_and_lines_span_the_layout_across(org: str, direction: str, engine: str) -> None:
    chart, theme, _texts, box = chart_of((ORGS / f"{org}.yaml").read_text(encoding="utf-8"),
                                         layout="dot", direction=direction)
    geometry, _plan = layout_dot(chart, box, theme, pick_engine(engine), 120.0)
    low, high = extent(geometry)
    across = geometry.width if direction == "TB" else geometry.height
    # (a line may turn at the middle of a point node at the edge: a waypoint, a cap)
    assert 0.0 <= low <= POINT * 72 / 2 + 0.01
    assert across - POINT * 72 / 2 - 0.01 <= high <= across + 0.01
