"""`render --force`: a broken line that is not part of the tree (a reporting cycle's closing
line) must be drawn. Dotted lines are drawn only where short and clear (at most one solid
line crossed, 3.5 card widths); a broken line gets wider limits (BROKEN) before it falls
back to a curve, and that curve goes round the cards where it can (it ran under four
cards of the mid-size chart, hidden and reading as a line to them)."""

from __future__ import annotations

import re
from itertools import pairwise
from pathlib import Path

import pytest
from renderkit import system_graphviz
from test_broken_lines_apart import geometry_of

from orgviz.render.geometry import Box, side_curve
from orgviz.render.routing import BROKEN, DOTTED, Router, _bezier_samples, clear_curve

#: The mid-size example with a reporting cycle: its Head of Product reports to an associate
#: product manager three levels below (the cycle is cut at the Head of Product, whose
#: subtree then stands on its own, the closing line from that associate up to them).
MID_SIZE = (Path(__file__).parents[2] / "orgs" / "mid-size.yaml").read_text(encoding="utf-8")
CYCLE = re.sub(r"(\{id: chidi-okonkwo, [^}]*reports_to: )sofia-castellanos", r"\1kofi-boateng",
               MID_SIZE)
LAYOUTS = ["tidy", pytest.param("dot", marks=system_graphviz)]


def test_the_org_has_the_cycle() -> None:
    assert CYCLE != MID_SIZE


@pytest.mark.parametrize("layout", LAYOUTS)
def test_a_cycles_closing_line_across_a_mid_size_chart_runs_at_right_angles(
        layout: str) -> None:
    geometry = geometry_of(CYCLE, layout)
    broken = [line for line in geometry.lines if line.kind == "broken"]
    assert len(broken) == 1
    line = broken[0]
    assert not line.curve
    for (ax, ay), (bx, by) in zip(line.points, line.points[1:], strict=False):
        assert abs(ax - bx) < 0.01 or abs(ay - by) < 0.01  # right angles only
    kofi, chidi = geometry.boxes["kofi-boateng"], geometry.boxes["chidi-okonkwo"]
    start, end = line.points[0], line.points[-1]
    assert kofi.left - 0.01 <= start[0] <= kofi.right + 0.01
    assert kofi.top - 0.01 <= start[1] <= kofi.bottom + 0.01
    assert chidi.left - 0.01 <= end[0] <= chidi.right + 0.01
    assert chidi.top - 0.01 <= end[1] <= chidi.bottom + 0.01


def test_a_broken_line_is_routed_where_a_dotted_one_would_be_too_long() -> None:
    # two cards 140 wide, one 900 px below the other: over 3.5 card widths
    boxes = {"a": Box(100, 40, 140, 60), "b": Box(100, 940, 140, 60)}
    assert Router(boxes, [], 400, 1000).route("a", "b") is None
    route = Router(boxes, [], 400, 1000).route("a", "b", BROKEN)
    assert route is not None and len(route) == 2  # straight down, bottom to top
    assert BROKEN.crossings > DOTTED.crossings and BROKEN.length > DOTTED.length


def test_the_fallback_curve_goes_round_the_cards_between() -> None:
    # a manager at the top, its report below, a card right between them: the S-curve runs
    # under it; a curve out of the two cards' sides, bowing past them, does not
    boxes = {"a": Box(200, 40, 140, 60), "b": Box(200, 440, 140, 60),
             "mid": Box(200, 240, 300, 200)}

    def under(curve: tuple[tuple[float, float], ...]) -> int:
        mid = boxes["mid"]
        return sum(1 for x, y in _bezier_samples(curve)
                   if mid.left < x < mid.right and mid.top < y < mid.bottom)

    assert under(side_curve(boxes["a"], boxes["b"])) > 0
    curve = clear_curve("a", "b", boxes, 400, 480)
    assert under(curve) == 0
    a, b = boxes["a"], boxes["b"]
    assert curve[0] in ((a.left, a.y), (a.right, a.y)) and curve[-1] in ((b.left, b.y),
                                                                        (b.right, b.y))


#: The enterprise example with a reporting cycle: its CTO reports to a senior engineer four
#: levels below, who stands in a column between two trunks 20 px off each side.
ENTERPRISE = (Path(__file__).parents[2] / "orgs" / "enterprise.yaml").read_text(
    encoding="utf-8")
DEEP_CYCLE = ENTERPRISE.replace("role: cto, reports_to: aziz-cohen",
                                "role: cto, reports_to: zara-tan")


def test_a_closing_line_out_of_a_crowded_column_runs_at_right_angles() -> None:
    # (the engineer's card had no port a dotted line may use, and the way up ran between
    # two trunks no grid line passed between: the curve ran under four cards)
    assert DEEP_CYCLE != ENTERPRISE
    geometry = geometry_of(DEEP_CYCLE, "tidy")
    broken = [line for line in geometry.lines if line.kind == "broken"]
    assert len(broken) == 1 and not broken[0].curve
    points = broken[0].points
    for (ax, ay), (bx, by) in pairwise(points):
        assert abs(ax - bx) < 0.01 or abs(ay - by) < 0.01


@pytest.mark.parametrize("layout", LAYOUTS)
def test_the_fallback_curve_stays_in_the_drawing_and_off_the_cards(layout: str) -> None:
    # under --layout dot the two cards are 2,600 px apart, too far for a route: the curve
    # went out of the drawing's top (cut off) and under cards on its way
    geometry = geometry_of(DEEP_CYCLE, layout)
    broken = [line for line in geometry.lines if line.kind == "broken"]
    assert len(broken) == 1
    if not broken[0].curve:
        return  # (routed: see above)
    samples = _bezier_samples(broken[0].points)
    assert all(0 <= x <= geometry.width and 0 <= y <= geometry.height for x, y in samples)

    def under(curve: tuple[tuple[float, float], ...]) -> int:
        """How many sampled points of a curve lie under a card."""
        return sum(1 for x, y in _bezier_samples(curve) for box in geometry.boxes.values()
                   if box.left < x < box.right and box.top < y < box.bottom)

    s_curve = side_curve(geometry.boxes["zara-tan"], geometry.boxes["kenji-das"])
    assert under(broken[0].points) < under(s_curve) / 2
