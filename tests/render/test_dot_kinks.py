"""`--layout dot`: a manager's line does not kink on its way down, a run across of a few px
between two runs down, where Graphviz set its stack's spine (or its one report) a little
aside of the manager's middle: the line leaves the card straight above it instead. Left to
right the same (`dotlayout.leaving`): no run down of a few px between two runs across.

A kink (see `kinks`) is a jog of a line, not any short run across: the arms of a bracket
that fans out both ways from a manager's trunk are short runs across between runs down too,
and are kinks only when too short to draw as arms."""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from renderkit import ENGINES, ORGS
from test_dot_estimate import generated_org

from orgviz.loader import load
from orgviz.render import RenderOptions, render
from orgviz.render.svg import CORNER, rounded_path

#: A jog shorter than this is a kink, in either direction: top-down the layout leaves a card
#: straight above a line's first node up to 15% of its breadth off its middle
#: (`dotlayout.OFF_MIDDLE`: 29.4 px of a 196 px card; the kinks that removed were 11 to 25
#: px), so a lone line's longer run across is an elbow to a report or a stack Graphviz set
#: further aside.
KINK = 0.15 * 196
#: A bus arm shorter than this is a kink too: its straight piece between its two rounded
#: corners (svg.CORNER each) shorter than a corner, it draws as a wiggle (13 px: generated
#: Person 10's arm to Person 14 top-down, without `dotlayout.leaving`), not as an arm of a
#: bracket (26 px: generated_org(3, 20)'s Person 6's to Person 12, left to right).
ARM = 3 * CORNER
_NUMBER = r"-?[\d.]+"
_COMMAND = re.compile(rf"([MLQ])((?:\s*{_NUMBER})+)")


def corners(d: str) -> list[tuple[float, float]]:
    """The points of a connector path drawn with rounded corners (svg.rounded_path): its
    start, each corner (a `Q` command's control point, or where a plain `L` turns: a corner
    too tight to round) and its end."""
    points: list[tuple[float, float]] = []
    for _command, numbers in _COMMAND.findall(d):
        values = [float(v) for v in re.findall(_NUMBER, numbers)]
        # (M's and L's point, Q's control point: a Q's end lies on the run after its
        # corner, as the L before a Q on the run before; those go as points in line)
        points.append((values[0], values[1]))
    kept = [points[0]]
    for here, after in itertools.pairwise([*points[1:], points[-1]]):
        before = kept[-1]
        if here == before:
            continue
        turns = (here[0] - before[0]) * (after[1] - here[1]) \
            != (here[1] - before[1]) * (after[0] - here[0])
        if turns or here == points[-1]:
            kept.append(here)
    return kept


def kinks(svg: str, direction: str = "TB") -> list[str]:
    """The solid connectors of an SVG that jog: run along the ranks, across them, and on
    along them the same way, where they could have run straight. Left to right, along the
    ranks is across the page.

    Such a run across is a kink when it is shorter than KINK, unless it is an arm of a bus:
    a line of the same card (the same start) shares the way there and turns across at the
    same corner the other way (the lines fan out both ways from the trunk, a bracket whose
    arms end at its reports); an arm is a kink only when shorter than ARM. A run across
    that every line of the card takes, or where lines turn the same way (a stack's spine
    set aside, a fan-out to one side) is no arm."""
    paths = re.findall(r'stroke-width="1.4" stroke-linejoin="round" d="(M[^"]+)"', svg)
    lines = []
    for d in paths:
        points = corners(d)
        if direction == "LR":  # (across the ranks is down the page)
            points = [(y, x) for x, y in points]
        lines.append((d, points))
    by_start: dict[tuple[float, float], list[list[tuple[float, float]]]] = {}
    for _d, points in lines:
        by_start.setdefault(points[0], []).append(points)
    found = []
    for d, points in lines:
        for k in range(1, len(points) - 2):
            (x0, y0), (x1, y1), (x2, y2), (x3, y3) = points[k - 1:k + 3]
            jog = x0 == x1 and y1 == y2 and x2 == x3 and (y1 - y0) * (y3 - y2) > 0
            if not jog:
                continue
            turn = x2 - x1
            arm = any(len(other) > k + 1 and other[:k + 1] == points[:k + 1]
                      and other[k + 1][1] == y1 and (other[k + 1][0] - x1) * turn < 0
                      for other in by_start[points[0]])
            if abs(turn) < (ARM if arm else KINK):
                found.append(d)
    return found


def test_a_kink_is_found_in_a_path() -> None:
    kinked = "M231 693L231 705Q231 711 225 711L224 711Q218 711 218 717L218 1183.5"
    assert corners(kinked) == [(231, 693), (231, 711), (218, 711), (218, 1183.5)]
    assert kinks(f'stroke-width="1.4" stroke-linejoin="round" d="{kinked}"') == [kinked]
    assert kinks(f'stroke-width="1.4" stroke-linejoin="round" d="{kinked}"', "LR") == []
    # left to right: a run down of 10 px between two runs across
    kinked = "M930 665.5L943 665.5Q948 665.5 948 670.5L948 670.5Q948 675.5 953 675.5L1198 675.5"
    assert corners(kinked) == [(930, 665.5), (948, 665.5), (948, 675.5), (1198, 675.5)]
    assert kinks(f'stroke-width="1.4" stroke-linejoin="round" d="{kinked}"', "LR") == [kinked]
    assert kinks(f'stroke-width="1.4" stroke-linejoin="round" d="{kinked}"') == []
    # a corner too tight to round is a plain L turn: a jog of 0.8 px
    tight = "M100 0L100 18L100.8 18L100.8 40"
    assert corners(tight) == [(100, 0), (100, 18), (100.8, 18), (100.8, 40)]
    assert kinks(f'stroke-width="1.4" stroke-linejoin="round" d="{tight}"') == [tight]


def svg_of(*points: tuple[tuple[float, float], ...]) -> str:
    """Solid connectors through `points` (one tuple of corners a line), as the SVG draws."""
    return "".join(f'<path stroke-width="1.4" stroke-linejoin="round" d="{rounded_path(line)}"/>'
                   for line in points)


def test_a_fan_out_both_ways_is_no_kink_but_a_wiggle_of_an_arm_is() -> None:
    """generated_org(3, 20) left to right: Person 6's lines leave its card and fork both ways,
    up 52 px to Person 11 and down 26 px to Person 12 (a bracket); a run across of 26 px was
    a kink by length alone. An arm of 13 px, 1 px straight between its corners, is
    one: generated Person 10's lines top-down (without `dotlayout.leaving`), 109 px left
    to Person 12 and 13 px right to Person 14."""
    up, down = ((1162, 335.5), (1180, 335.5), (1180, 283.5), (1198, 283.5)), \
        ((1162, 335.5), (1180, 335.5), (1180, 361.5), (1198, 361.5))
    assert kinks(svg_of(up, down), "LR") == []
    left = ((1370.99, 509.5), (1370.99, 527.5), (1261.98, 527.5), (1261.98, 545.5))
    right = ((1370.99, 509.5), (1370.99, 527.5), (1384.02, 527.5), (1384.02, 651.5))
    assert kinks(svg_of(left, right)) == [rounded_path(right)]


def test_a_line_alone_or_a_fan_out_to_one_side_jogs() -> None:
    """A lone line (or every line of a card, to a stack's spine set aside) that jogs by 26
    px, and a fan-out to one side whose nearest report is 26 px aside of the trunk: kinks
    (the line could leave the card straight above where it runs on)."""
    alone = ((1162, 335.5), (1180, 335.5), (1180, 361.5), (1198, 361.5))
    assert kinks(svg_of(alone), "LR") == [rounded_path(alone)]
    near = ((100, 0), (100, 18), (126, 18), (126, 40))
    far = ((100, 0), (100, 18), (346, 18), (346, 40))
    assert kinks(svg_of(near, far)) == [rounded_path(near)]
    assert kinks(svg_of(far)) == []  # (an elbow: its report stands 246 px aside)


#: Titles of GENERATED, by letter.
_TITLES = {"D": "Director of Platform Engineering and Reliability", "E": "Engineer",
           "S": '"Senior Product Manager, Growth"', "A": "Analyst"}
#: An org of 20 (test_dot_estimate.generated_org(1, 20)): person n's title, role and
#: manager. Person 10's lines leave its card in line with Person 14's line, 10 px below
#: its middle left to right (13 px right of it top-down): leaving the middle, the line to
#: Person 14 kinked by those px just beside the card.
_PEOPLE = ["D ceo -", "E c-level 0", "D vp 1", "S c-level 0", "D vp 3", "D c-level 0",
           "S vp 1", "A head 2", "A vp 0", "E head 3", "D head 8", "E director 7",
           "S director 10", "D head 5", "A manager 10", "D manager 13", "E vp 3",
           "D director 16", "E head 16", "A ic 14"]
GENERATED = "orgviz: 1\norg: {name: Generated, size: small}\npeople:\n" + "".join(
    f"  - {{id: p{n}, name: Person {n}, title: {_TITLES[title]}, role: {role}"
    + ("" if boss == "-" else f", reports_to: p{boss}") + "}\n"
    for n, (title, role, boss) in enumerate(entry.split() for entry in _PEOPLE))


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("direction", ["TB", "LR"])
@pytest.mark.parametrize("org", ["enterprise.yaml", "mid-size.yaml", "generated",
                                 "generated-3-20", "generated-8-20"])
def test_no_line_kinks_on_its_way_down(org: str, direction: str, engine: str,
                                       org_file: Callable[..., Path]) -> None:
    # (orgs/enterprise.yaml: 27 lines kinked by 11 to 25 px, most of them from the
    # manager/lead row's managers down to their stacks, whose spines Graphviz set aside
    # where neighbouring stacks, a spine's breadth wider than their managers, could not
    # all stand under them; mid-size.yaml: 3, Fatou Diallo's, Zanele Dlamini's and
    # Michael O'Connell's, by 23 and 24 px; GENERATED: its line to Person 14, by 10 px
    # left to right and 13 px top-down; generated_org(3, 20): none, its fan-out from
    # Person 6 both ways, 26 px down to Person 12, was taken for one by length alone;
    # generated_org(8, 20) left to right: its line from Person 5 to Person 7, by 13 px,
    # which dotlayout.leaving kept while its reach was 15% of the card's height, 8.4 px)
    if org == "generated":
        path = org_file(GENERATED)
    elif org.startswith("generated-"):
        seed, count = map(int, org.split("-")[1:])
        path = org_file(generated_org(seed, count))
    else:
        path = ORGS / org
    options = RenderOptions(layout="dot", engine=engine, direction=direction)
    assert kinks(render(load(path), "svg", options).decode(), direction) == []
