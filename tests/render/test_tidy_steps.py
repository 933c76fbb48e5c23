"""A middle child a step (up to FAR_STEP px) off its manager's line moves onto it, with all
it carries, where that overlaps nothing: no line of the example orgs keeps such a step
that could go straight (the mid-size org left to right: 11.6 px on the CEO's line to the
CTO)."""

from __future__ import annotations

import pytest
from renderkit import ORGS

from orgviz.layout.tidy import FAR_STEP
from orgviz.loader import load
from orgviz.render import RenderOptions
from orgviz.render.geometry import Box
from orgviz.render.pipeline import build
from orgviz.render.tidylayout import layout_tidy

GAP = 7.0  # half the chart's smallest gap between cards (stack_gap 14)


def _steps(org: str, direction: str) -> list[tuple[str, str, float]]:
    """The lines (manager, report, step) that step across by 0.5 to FAR_STEP px, with the
    chart's boxes."""
    chart, _theme, _texts, box = build(load(ORGS / f"{org}.yaml"),
                                       RenderOptions(direction=direction))
    geometry, ends = layout_tidy(chart, box)
    across = 1 if direction == "LR" else 0
    found = []
    for line, (boss, report) in zip(geometry.lines, ends, strict=True):
        if line.kind == "solid" and len(line.points) == 4:
            step = line.points[2][across] - line.points[1][across]
            if 0.5 < abs(step) < FAR_STEP:
                found.append((boss, report, step))
    return found


def _below(chart_reports: dict[str, list[str]], top: str) -> set[str]:
    """`top` and everyone under it."""
    found, todo = set(), [top]
    while todo:
        v = todo.pop()
        found.add(v)
        todo.extend(chart_reports.get(v, []))
    return found


def _overlaps(boxes: dict[str, Box], moving: set[str], by: tuple[float, float]) -> bool:
    """Whether the `moving` cards, moved `by`, come within GAP of a card that stays."""
    for m in moving:
        b = boxes[m]
        left, top = b.left + by[0], b.top + by[1]
        for k, o in boxes.items():
            if k not in moving and (left - GAP < o.right and o.left < left + b.w + GAP
                                    and top - GAP < o.bottom and o.top < top + b.h + GAP):
                return True
    return False


@pytest.mark.parametrize("direction", ["TB", "LR"])
@pytest.mark.parametrize("org", ["small", "mid-size", "enterprise"])
def test_no_step_that_could_go_straight(org: str, direction: str) -> None:
    chart, _theme, _texts, box = build(load(ORGS / f"{org}.yaml"),
                                       RenderOptions(direction=direction))
    boxes = layout_tidy(chart, box)[0].boxes
    for boss, report, step in _steps(org, direction):
        by = (0.0, -step) if direction == "LR" else (-step, 0.0)
        moving = _below(chart.reports, report) & set(boxes)
        assert _overlaps(boxes, moving, by), (boss, report, step)


def test_the_mid_size_ctos_line_goes_straight_left_to_right() -> None:
    # (before: the CTO's card stood 11.56 px below the CEO's line, and the line stepped)
    assert not [s for s in _steps("mid-size", "LR") if s[1] == "daniel-osei"]
    chart, _theme, _texts, box = build(load(ORGS / "mid-size.yaml"),
                                       RenderOptions(direction="LR"))
    boxes = layout_tidy(chart, box)[0].boxes
    assert boxes["daniel-osei"].y == boxes["priya-raman"].y
