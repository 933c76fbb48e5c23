"""A chart's `assistants_across`: a manager's assistants at most that many side by side, more
in further lines (a deck slide too narrow for a block three wide lists them in columns two or
one wide), in both layouts, as `line_cards` cuts them. Geometry only."""

from __future__ import annotations

from dataclasses import replace

import pytest
from renderkit import HAS_DOT, chart_of
from test_dot_assistant_lines import check_lines
from test_tidy_assistants import check_assistants, org_text

from orgviz.render.dotlayout import layout_dot
from orgviz.render.engines import pick_engine
from orgviz.render.geometry import Geometry
from orgviz.render.tidylayout import assistant_lines, layout_tidy, line_cards

ENGINE = "system" if HAS_DOT else "embedded"


def drawn_lines(geometry: Geometry, helpers: list[str]) -> tuple[tuple[str, ...], ...]:
    """The assistants as the layout stands them: a line a position along the tree (top-down:
    y), each line's in order across it."""
    boxes, tb = geometry.boxes, geometry.direction == "TB"
    main = {h: round(boxes[h].y if tb else boxes[h].x, 1) for h in helpers}
    cross = {h: boxes[h].x if tb else boxes[h].y for h in helpers}
    return tuple(tuple(sorted((h for h in helpers if main[h] == at), key=cross.__getitem__))
                 for at in sorted(set(main.values())))


@pytest.mark.parametrize("count", range(1, 10))
@pytest.mark.parametrize("most", [1, 2, 3])
def test_lines_hold_at_most_most_and_are_as_even_as_they_go(count: int, most: int) -> None:
    lines, across = assistant_lines(count, most)
    assert across <= most and lines * across >= count > (lines - 1) * across
    assert lines == -(-count // most)  # the fewest lines
    assert [len(line) for line in line_cards([str(i) for i in range(count)], most)] == (
        [across] * (lines - 1) + [count - across * (lines - 1)])


@pytest.mark.parametrize("layout", ["tidy", "dot"])
@pytest.mark.parametrize("direction", ["TB", "LR"])
@pytest.mark.parametrize("most", [1, 2])
@pytest.mark.parametrize("count", [2, 3, 5, 8])
@pytest.mark.parametrize("boss", ["ceo", "cfo-1"])
def test_assistants_stand_in_lines_of_at_most_assistants_across(
        layout: str, direction: str, most: int, count: int, boss: str) -> None:
    chart, theme, _texts, box = chart_of(org_text(count, boss=boss), layout=layout,
                                         direction=direction)
    chart = replace(chart, assistants_across=most)
    if layout == "tidy":
        geometry, ends = layout_tidy(chart, box, "off")
        check_assistants(chart, geometry, ends)
    else:
        geometry, plan = layout_dot(chart, box, theme, pick_engine(ENGINE), 120.0)
        check_lines(chart, geometry, plan)
    helpers = chart.assistants[boss]
    assert drawn_lines(geometry, helpers) == line_cards(helpers, most)
    assert len(line_cards(helpers, most)) == -(-count // most)
