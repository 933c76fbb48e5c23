"""In a row of a two-sided stack, the dot layout draws the two cards' lines from the spine
at different heights (`dotlayout.STUB_STAGGER`): at one height they were one straight line
across the spine, and the two cards read as joined to each other (a deck overview's
Sofía Castellanos | Daniel Osei)."""

from __future__ import annotations

import itertools
from dataclasses import replace

import pytest
from renderkit import ENGINES, chart_of

from orgviz.render.dotlayout import STUB_STAGGER, layout_dot
from orgviz.render.engines import pick_engine
from orgviz.render.geometry import Geometry

#: A CEO with five leaf reports: stacked three deep, they are two-sided (two rows of two
#: and one card alone on the last).
FIVE = ("orgviz: 1\norg: {name: Stubs}\npeople:\n"
        "  - {id: ceo, name: Priya Raman, title: CEO}\n"
        + "".join(f"  - {{id: v{k}, name: {name}, title: VP, reports_to: ceo}}\n"
                  for k, name in enumerate(["Sofía Castellanos", "Daniel Osei",
                                            "Aaliyah Robinson", "Henrik Johansson",
                                            "Bjørn Sørensen"])))


def line_into(geometry: Geometry, card_id: str) -> tuple[tuple[float, float], ...]:
    """The points of the one line that ends on the side of a card."""
    card = geometry.boxes[card_id]
    found = [line.points for line in geometry.lines
             if line.points[-1][0] in (card.left, card.right)
             and card.top < line.points[-1][1] < card.bottom]
    assert len(found) == 1, (card_id, found)
    return found[0]


def spine_reach(geometry: Geometry, x: float) -> tuple[float, float]:
    """From where to where the lines run down at `x` (the spine)."""
    ys = [y for line in geometry.lines
          for (x0, y0), (x1, y1) in itertools.pairwise(line.points)
          if abs(x0 - x) < 0.01 and abs(x1 - x) < 0.01 for y in (y0, y1)]
    return min(ys), max(ys)


@pytest.mark.parametrize("engine", ENGINES)
def test_the_two_cards_of_a_spine_row_meet_it_at_different_heights(engine: str) -> None:
    chart, theme, _texts, box = chart_of(FIVE)
    chart = replace(chart, stack_rows=3)  # (as the deck's overview stacks them)
    geometry, plan = layout_dot(chart, box, theme, pick_engine(engine), 120.0)
    (spine,) = plan.spines
    assert spine.rows == (("v0", "v1"), ("v2", "v3"), ("v4", None))
    spine_x = line_into(geometry, "v0")[0][0]
    top, bottom = spine_reach(geometry, spine_x)
    for left, right in spine.rows:
        card = geometry.boxes[left]
        (lx, ly), (_, ly_end) = line_into(geometry, left)
        assert lx == pytest.approx(spine_x, abs=0.5) and ly == ly_end  # straight across
        if right is None:  # alone: into its middle
            assert ly == pytest.approx(card.y, abs=0.5)
            assert bottom == pytest.approx(ly, abs=0.5)  # (the spine ends there)
            continue
        (rx, ry), _ = line_into(geometry, right)
        assert rx == pytest.approx(spine_x, abs=0.5)
        assert ly == pytest.approx(card.y - STUB_STAGGER, abs=0.5)  # the left card's above
        right_y = geometry.boxes[right].y
        assert ry == pytest.approx(right_y + STUB_STAGGER, abs=0.5)  # the right card's below
        assert top < ly and ry <= bottom  # both on the spine


@pytest.mark.parametrize("engine", ENGINES)
def test_the_spine_reaches_down_to_a_last_row_of_two(engine: str) -> None:
    chart, theme, _texts, box = chart_of(FIVE.replace("Bjørn Sørensen", "Bo Berg") + (
        "  - {id: v5, name: Mara Lind, title: VP, reports_to: ceo}\n"))
    chart = replace(chart, stack_rows=3)
    geometry, plan = layout_dot(chart, box, theme, pick_engine(engine), 120.0)
    (spine,) = plan.spines
    left, right = spine.rows[-1]
    assert left and right
    (spine_x, y), _ = line_into(geometry, right)
    assert spine_reach(geometry, spine_x)[1] == pytest.approx(y, abs=0.5)
    assert y == pytest.approx(geometry.boxes[right].y + STUB_STAGGER, abs=0.5)
