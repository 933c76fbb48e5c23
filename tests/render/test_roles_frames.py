"""The roles chart's drawing refuses a Graphviz layout that lacks a column's frame."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from orgviz.errors import RenderError
from orgviz.loader import load
from orgviz.render.rolesdraw import draw_roles
from orgviz.roles_chart import plan

SMALL = Path(__file__).resolve().parents[2] / "orgs" / "small.yaml"


def _layout(names: list[str], clusters: int) -> bytes:
    """A json0 layout with every box at one spot and the first `clusters` column frames."""
    objects = [{"name": f"cluster_{i}", "nodes": [], "bb": "0,0,100,100"}
               for i in range(clusters)]
    objects += [{"name": name, "pos": "50,50"} for name in names]
    return json.dumps({"bb": "0,0,200,200", "objects": objects}).encode()


@pytest.mark.parametrize("missing", [1, 2])
def test_a_missing_column_frame_is_a_render_error(missing: int) -> None:
    chart = plan([load(SMALL), load(SMALL)])
    assert len(chart.columns) == 2
    data = _layout(list(chart.boxes), len(chart.columns) - missing)
    with pytest.raises(RenderError, match="lacks a column frame: try the other --engine"):
        draw_roles(chart, data)


def test_all_column_frames_are_enough() -> None:
    chart = plan([load(SMALL)])
    svg = draw_roles(chart, _layout(list(chart.boxes), len(chart.columns)))
    assert svg.startswith(b'<?xml version="1.0" encoding="UTF-8"?>\n<svg ')
    assert svg.count(b"<rect") >= len(chart.columns)  # a frame a column, at least
