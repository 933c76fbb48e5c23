"""A reporting line that goes straight is drawn straight: no jog of a fraction of a pixel
where a card's centre nearly meets its manager's line (left to right, cards of different
heights: a listed director's first report 0.5 px below her middle, the small org's CEO
0.12 px above Zoe Lindqvist's), and every card is still entered at its middle."""

from __future__ import annotations

import re
from itertools import pairwise

import pytest
from renderkit import ORGS

from orgviz.loader import load
from orgviz.render import RenderOptions, render

Point = tuple[float, float]
Rect = tuple[float, float, float, float]  # left, top, right, bottom

SOLID = re.compile(r'<path [^>]*stroke-linejoin="round" d="([^"]+)"/>')
COMMAND = re.compile(r"([MLHVQC])([^MLHVQC]*)")
NUMBER = re.compile(r"-?\d+(?:\.\d+)?")
CARD = re.compile(r'<g transform="translate\(([-\d.]+) ([-\d.]+)\)"><title>[^<]*</title>'
                  r'<rect width="([\d.]+)" height="([\d.]+)"')
TOL = 0.011  # the SVG's coordinates have 2 decimals


def polyline(d: str) -> list[Point]:
    """The points of a solid line's path (M, L, H, V and rounded corners: a corner's Q has
    the corner itself as its control point, after the L that ends where the curve starts)."""
    commands = COMMAND.findall(d)
    assert all(command != "C" for command, _ in commands), d  # solid lines are elbows
    points: list[Point] = []
    for i, (command, args) in enumerate(commands):
        numbers = [float(x) for x in NUMBER.findall(args)]
        if command == "L" and i + 1 < len(commands) and commands[i + 1][0] == "Q":
            continue  # where the corner's curve starts
        if command == "H":
            points.append((numbers[0], points[-1][1]))
        elif command == "V":
            points.append((points[-1][0], numbers[0]))
        else:
            points.append((numbers[0], numbers[1]))  # M and L: the point; Q: the corner
    return points


def solid_lines(svg: str) -> list[list[Point]]:
    """Every solid connector (manager to report) of a chart, as its points (not the key's
    sample line, in the header above the drawing)."""
    lines = [polyline(d) for d in SOLID.findall(svg)]
    top = min(top for _, top, _, _ in cards(svg))
    return [line for line in lines if max(y for _, y in line) > top]


def cards(svg: str) -> list[Rect]:
    """Every card's outline."""
    found = [tuple(map(float, m.groups())) for m in CARD.finditer(svg)]
    return [(x, y, x + w, y + h) for x, y, w, h in found]


def jogs(line: list[Point]) -> list[tuple[Point, Point]]:
    """The segments of a line shorter than a pixel: a step across where it should go on."""
    return [(a, b) for a, b in pairwise(line)
            if 0 < max(abs(a[0] - b[0]), abs(a[1] - b[1])) < 1.0]


def steps(line: list[Point], under: float = 15.0) -> list[list[Point]]:
    """The short steps of a line: a segment shorter than `under` between two that run the
    same way (an S-bend where a line should go straight on)."""
    found = []
    for a, b, c, d in zip(line, line[1:], line[2:], line[3:], strict=False):
        across = max(abs(b[0] - c[0]), abs(b[1] - c[1]))
        same_way = (a[1] == b[1] and c[1] == d[1]) or (a[0] == b[0] and c[0] == d[0])
        if same_way and 0 < across < under:
            found.append([a, b, c, d])
    return found


def enters_at_middle(line: list[Point], outlines: list[Rect]) -> bool:
    """Whether the line ends on a card's side, at the middle of that side, coming straight
    at it."""
    (x0, y0), (x, y) = line[-2:]
    for left, top, right, bottom in outlines:
        if abs(y0 - y) <= TOL:  # across into a left or right side
            if min(abs(x - left), abs(x - right)) <= TOL and abs(y - (top + bottom) / 2) <= TOL:
                return True
        elif abs(x0 - x) <= TOL and min(abs(y - top), abs(y - bottom)) <= TOL and \
                abs(x - (left + right) / 2) <= TOL:  # down into the top
            return True
    return False


@pytest.mark.parametrize("direction", ["LR", "TB"])
@pytest.mark.parametrize("name", ["small", "mid-size", "enterprise"])
def test_solid_lines_have_no_jog_under_a_pixel_and_enter_cards_at_the_middle(
        name: str, direction: str) -> None:
    # (left to right, before: small 1 line jogged by 0.12 px, mid-size 5 and enterprise 26
    # by 0.5 px, e.g. "M1134 557.5L1152 557.5L1152 558L1162 558"; top-down none)
    options = RenderOptions(layout="tidy", direction=direction)
    svg = render(load(ORGS / f"{name}.yaml"), "svg", options).decode()
    lines, outlines = solid_lines(svg), cards(svg)
    assert len(lines) > 10 and outlines
    for line in lines:
        assert len(line) >= 2
        for (ax, ay), (bx, by) in pairwise(line):
            assert ax == bx or ay == by, line  # across or along, never askew
        assert not jogs(line), line
        assert enters_at_middle(line, outlines), line


def test_polyline_reads_corners_and_jogs() -> None:
    # a jog too short to round (drawn with L only) and a rounded corner (L, then Q)
    line = polyline("M234 698.38L252 698.38L252 698.5L502 698.5")
    assert line == [(234, 698.38), (252, 698.38), (252, 698.5), (502, 698.5)]
    assert jogs(line) == [((252, 698.38), (252, 698.5))]
    line = polyline("M466 312.75L478 312.75Q484 312.75 484 306.75L484 219Q484 213 490 213"
                    "L966 213")
    assert line == [(466, 312.75), (484, 312.75), (484, 213), (966, 213)]
    assert not jogs(line)


@pytest.mark.parametrize("direction", ["LR", "TB"])
def test_the_small_orgs_lines_take_no_short_steps(direction: str) -> None:
    # (left to right, before: Rahul Iyer's and Zoe Lindqvist's lines ran to the trunk of
    # their stacked reports 7 px above the middle card's centre and stepped down into it;
    # straightening that moved Zoe 5.38 px off the CEO's line, another step)
    options = RenderOptions(layout="tidy", direction=direction)
    svg = render(load(ORGS / "small.yaml"), "svg", options).decode()
    lines = solid_lines(svg)
    assert lines
    assert [found for line in lines if (found := steps(line))] == []


@pytest.mark.parametrize("name", ["mid-size", "enterprise"])
def test_left_to_right_a_managers_line_goes_straight_into_its_block(name: str) -> None:
    # (before: a listed card's reports hung from its top, the line stepping 6.5-14 px
    # down or up into the first: mid-size 15 lines, enterprise 92, e.g. "M1154 248L1172
    # 248L1172 262L1182 262"; listed cards with reports are gone left to right, a block
    # of leaves alone between two managers was met 7 px off its manager's line: 26 lines)
    options = RenderOptions(layout="tidy", direction="LR")
    svg = render(load(ORGS / f"{name}.yaml"), "svg", options).decode()
    lines = [line for line in solid_lines(svg)  # into a card of a block: off a trunk
             if abs(line[-1][0] - line[-2][0]) <= 10.0 + TOL]
    assert len(lines) > 50
    assert [found for line in lines if (found := steps(line))] == []


def test_steps_finds_an_s_bend_not_an_elbow() -> None:
    assert steps([(930, 412.5), (956, 412.5), (956, 419.5), (966, 419.5)]) == [
        [(930, 412.5), (956, 412.5), (956, 419.5), (966, 419.5)]]
    assert not steps([(930, 412.5), (956, 412.5), (956, 505.5), (966, 505.5)])  # far: elbow
    assert not steps([(0, 0), (10, 0), (10, 5)])  # a corner


def test_top_down_the_enterprises_trunks_go_straight_on_up_into_their_cards() -> None:
    # (before: the CRO's lines left her middle and the two to her second listed column
    # stepped 10 px right into its trunk, "M7252 320.5L7252 333.5Q7252 338.5 7257 338.5
    # L7257 338.5Q7262 338.5 7262 343.5L7262 394..."; the COO's two, 27 px; now they
    # leave the card straight above that trunk, layout.tidy.OFF_MIDDLE)
    options = RenderOptions(layout="tidy", direction="TB")
    lines = solid_lines(render(load(ORGS / "enterprise.yaml"), "svg", options).decode())
    assert len(lines) > 100
    assert [found for line in lines if (found := steps(line, under=30.0))] == []
