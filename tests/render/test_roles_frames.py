"""The roles chart's column frames: a Graphviz layout that lacks one is refused, and the
level bands reach past the last one."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from renderkit import ENGINES, ORGS

from orgviz.errors import RenderError
from orgviz.loader import load
from orgviz.render.rolesdraw import AXIS_PAD, BAND_FILL, MARGIN, draw_roles
from orgviz.roles_chart import plan, render

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


@pytest.mark.parametrize("engine", ENGINES)
def test_the_bands_reach_axis_pad_past_the_last_column_frame(engine: str) -> None:
    # (the small, mid-size and enterprise ladders: the enterprise column's frame ended on the
    # bands' right edge, x=1512.98 both, while the bands start AXIS_PAD before the labels)
    orgs = [load(ORGS / f"{stem}.yaml") for stem in ("small", "mid-size", "enterprise")]
    svg = render(orgs, "svg", engine=engine).decode()
    bands = [(float(x), float(w)) for x, w in re.findall(
        r'<rect x="([-\d.]+)" y="[-\d.]+" width="([\d.]+)" height="[\d.]+" rx="6" '
        f'fill="{BAND_FILL}"', svg)]
    frames = [(float(x), float(w)) for x, w in re.findall(
        r'<rect x="([-\d.]+)" y="[-\d.]+" width="([\d.]+)" height="[\d.]+" rx="8" '
        r'fill="none"', svg)]
    assert len(bands) == 5 and len(frames) == 3  # (nine levels, every other tinted)
    last = max(x + w for x, w in frames)
    width = float(re.findall(r'<svg [^>]*width="([\d.]+)"', svg)[0])
    for x, w in bands:
        assert x == MARGIN
        assert x + w == pytest.approx(last + AXIS_PAD, abs=0.01)
        assert width - (x + w) == pytest.approx(MARGIN, abs=0.01)
