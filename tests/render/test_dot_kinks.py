"""`--layout dot`: a manager's line does not kink on its way down, a run across of a few px
between two runs down, where Graphviz set its stack's spine (or its one report) a little
aside of the manager's middle: the line leaves the card straight above it instead. Left to
right the same (`dotlayout.leaving`): no run down of a few px between two runs across."""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from renderkit import ENGINES, ORGS

from orgviz.loader import load
from orgviz.render import RenderOptions, render

#: A run across shorter than this between two runs down is a kink (a bus or an elbow that
#: means to turn runs further; the kinks were 11 to 25 px)

KINK = 30.0
_NUMBER = r"-?[\d.]+"


def corners(d: str) -> list[tuple[float, float]]:
    """The points of a connector path drawn with rounded corners (svg.rounded_path): its
    start, each corner (a `Q` command's control point) and its end."""
    points = [tuple(map(float, re.match(rf"M({_NUMBER}) ({_NUMBER})", d).groups()))]
    points += [(float(x), float(y)) for x, y in re.findall(rf"Q({_NUMBER}) ({_NUMBER})", d)]
    points.append(tuple(map(float, re.findall(_NUMBER, d)[-2:])))
    return points  # type: ignore[return-value]


def kinks(svg: str, direction: str = "TB") -> list[str]:
    """The solid connectors of an SVG with a run across the ranks shorter than KINK between
    two runs along them: top-down a run across between two runs down, left to right a run
    down between two runs across."""
    found = []
    for d in re.findall(r'stroke-width="1.4" stroke-linejoin="round" d="(M[^"]+)"', svg):
        points = corners(d)
        if direction == "LR":  # (across the ranks is down the page)
            points = [(y, x) for x, y in points]
        for (x1, y1), (x2, y2) in itertools.pairwise(points[1:-1]):
            if abs(y1 - y2) < 0.01 and 0.0 < abs(x1 - x2) < KINK:
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
@pytest.mark.parametrize("org", ["enterprise.yaml", "mid-size.yaml", "generated"])
def test_no_line_kinks_on_its_way_down(org: str, direction: str, engine: str,
                                       org_file: Callable[..., Path]) -> None:
    # (orgs/enterprise.yaml: 27 lines kinked by 11 to 25 px, most of them from the
    # manager/lead row's managers down to their stacks, whose spines Graphviz set aside
    # where neighbouring stacks, a spine's breadth wider than their managers, could not
    # all stand under them; mid-size.yaml: 3, Fatou Diallo's, Zanele Dlamini's and
    # Michael O'Connell's, by 23 and 24 px; GENERATED: its line to Person 14, by 10 px
    # left to right and 13 px top-down)
    path = org_file(GENERATED) if org == "generated" else ORGS / org
    options = RenderOptions(layout="dot", engine=engine, direction=direction)
    assert kinks(render(load(path), "svg", options).decode(), direction) == []
