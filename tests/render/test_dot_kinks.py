"""`--layout dot`: a manager's line does not kink on its way down, a run across of a few px
between two runs down, where Graphviz set its stack's spine (or its one report) a little
aside of the manager's middle: the line leaves the card straight above it instead."""

from __future__ import annotations

import itertools
import re

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


def kinks(svg: str) -> list[str]:
    """The solid connectors of an SVG with a run across shorter than KINK between two
    runs down."""
    found = []
    for d in re.findall(r'stroke-width="1.4" stroke-linejoin="round" d="(M[^"]+)"', svg):
        points = corners(d)
        for (x1, y1), (x2, y2) in itertools.pairwise(points[1:-1]):
            if abs(y1 - y2) < 0.01 and 0.0 < abs(x1 - x2) < KINK:
                found.append(d)
    return found


def test_a_kink_is_found_in_a_path() -> None:
    kinked = "M231 693L231 705Q231 711 225 711L224 711Q218 711 218 717L218 1183.5"
    assert corners(kinked) == [(231, 693), (231, 711), (218, 711), (218, 1183.5)]
    assert kinks(f'stroke-width="1.4" stroke-linejoin="round" d="{kinked}"') == [kinked]


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("org", ["enterprise.yaml", "mid-size.yaml"])
def test_no_line_kinks_on_its_way_down(org: str, engine: str) -> None:
    # (orgs/enterprise.yaml: 27 lines kinked by 11 to 25 px, most of them from the
    # manager/lead row's managers down to their stacks, whose spines Graphviz set aside
    # where neighbouring stacks, a spine's breadth wider than their managers, could not
    # all stand under them; mid-size.yaml: 3, Fatou Diallo's, Zanele Dlamini's and
    # Michael O'Connell's, by 23 and 24 px)
    svg = render(load(ORGS / org), "svg", RenderOptions(layout="dot", engine=engine)).decode()
    assert kinks(svg) == []
