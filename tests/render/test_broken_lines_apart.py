"""`render --force`: a reporting line that fails validation (red dashes) is its own line, not
drawn under a manager's grey trunk or a row's bus (a reviewer could not tell which line was
broken), drawn over the solid lines on a halo of the background, and the card at its end
wears the "!" badge, which the key's sample of the line shows at its end."""

from __future__ import annotations

import re
import tempfile
from itertools import pairwise
from pathlib import Path

import pytest
from renderkit import system_graphviz

from orgviz.loader import load
from orgviz.render import RenderOptions, render
from orgviz.render.geometry import Connector, Geometry, Point
from orgviz.render.pipeline import build
from orgviz.render.routing import separate_broken
from orgviz.render.themes import get_theme
from orgviz.validate import validate

#: An engineering manager whose reports stand in a column on one trunk (tidy) or in a row
#: on one bus (dot), two of them (a VP and a director, above their manager's rank) on lines
#: that fail validation, one in the middle of the column.
ORG = """\
orgviz: 1
org: {name: Broken lines, size: small}
people:
  - {id: ceo, name: Ann Lee, title: CEO}
  - {id: em, name: Bo Li, title: Engineering Manager, reports_to: ceo}
  - {id: a, name: Cy One, title: Engineer, reports_to: em}
  - {id: vp, name: Di Two, title: VP Engineering, reports_to: em}
  - {id: c, name: Ed Three, title: Engineer, reports_to: em}
  - {id: dir, name: Fa Four, title: Director of Engineering, reports_to: em}
  - {id: e, name: Gu Five, title: Engineer, reports_to: em}
  - {id: f, name: Hu Six, title: Engineer, reports_to: ceo}
"""
ON = 2.0  # a solid line closer than this, along a broken one, hides it
SHORT = 3.0  # px of a broken line that may lie on a solid one (where they meet)
LAYOUTS = ["tidy", pytest.param("dot", marks=system_graphviz)]

Segment = tuple[float, float, float, float]


def segments(points: tuple[Point, ...]) -> list[Segment]:
    return [(min(ax, bx), min(ay, by), max(ax, bx), max(ay, by))
            for (ax, ay), (bx, by) in pairwise(points)]


def hidden(line: Connector, solid: list[Connector]) -> float:
    """How many px of a broken line lie along a solid one, within ON of it."""
    total = 0.0
    for x0, y0, x1, y1 in segments(line.points):
        spans = []
        for other in solid:
            for sx0, sy0, sx1, sy1 in segments(other.points):
                if y1 - y0 < 0.01 and sy1 - sy0 < 0.01 and abs(y0 - sy0) < ON:
                    spans.append((max(x0, sx0), min(x1, sx1)))
                elif x1 - x0 < 0.01 and sx1 - sx0 < 0.01 and abs(x0 - sx0) < ON:
                    spans.append((max(y0, sy0), min(y1, sy1)))
        reach = float("-inf")
        for lo, hi in sorted(span for span in spans if span[1] > span[0]):
            if hi > reach:
                total += hi - max(lo, reach)
                reach = hi
    return total


def geometry_of(text: str, layout: str) -> Geometry:
    """The laid-out chart `render --force` draws of an org's text."""
    from orgviz.render.pipeline import LAYOUTS as BY_NAME

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "org.yaml"
        path.write_text(text, encoding="utf-8")
        org = load(path)
    options = RenderOptions(layout=layout)
    chart, theme, _texts, box = build(org, options, validate(org))
    engine = None
    if layout == "dot":
        from orgviz.render.engines import pick_engine

        engine = pick_engine("system")
    return BY_NAME[layout](chart, box, theme, engine, options)


@pytest.mark.parametrize("layout", LAYOUTS)
def test_a_broken_line_is_not_hidden_under_a_solid_one(layout: str) -> None:
    geometry = geometry_of(ORG, layout)
    broken = [line for line in geometry.lines if line.kind == "broken"]
    solid = [line for line in geometry.lines if line.kind in ("solid", "assistant")]
    assert len(broken) == 2
    for line in broken:
        assert hidden(line, solid) <= SHORT, line.points


def test_separate_broken_moves_a_line_off_a_trunk_beside_it() -> None:
    # a trunk from the manager (0..100 wide, 0..40 high) down to two reports at its left
    # side's x + 20; the second's line, broken, runs down the same trunk
    from orgviz.render.geometry import Box

    boxes = {"m": Box(50, 20, 100, 40), "a": Box(90, 100, 100, 40),
             "b": Box(90, 160, 100, 40)}
    solid = Connector("solid", ((20.0, 40.0), (20.0, 100.0), (40.0, 100.0)))
    broken = Connector("broken", ((20.0, 40.0), (20.0, 160.0), (40.0, 160.0)))
    lines = [solid, broken]
    separate_broken(lines, boxes)
    assert lines[0] == solid
    moved = lines[1]
    assert moved.kind == "broken" and hidden(moved, [solid]) == 0.0
    assert moved.points[0][1] == 40.0 and moved.points[-1][0] == 40.0  # on the cards' sides
    assert abs(moved.points[0][0] - 20.0) == 5.0  # beside the trunk, a gap off it


@pytest.mark.parametrize("layout", LAYOUTS)
def test_broken_lines_are_drawn_over_the_solid_ones_on_a_halo(org_file, layout: str) -> None:
    theme = get_theme("light")
    svg = render(load(org_file(ORG)), "svg", RenderOptions(layout=layout), force=True).decode()
    paths = re.findall(r'<path [^>]*stroke="([^"]+)"[^>]*stroke-width="([^"]+)"', svg)
    kinds = [("broken" if stroke == theme.broken else "halo" if stroke == theme.background
              else "solid" if stroke == theme.line else "other") for stroke, _ in paths]
    chart_kinds = kinds[kinds.index("solid", 1):]  # (after the key's samples)
    first_broken = chart_kinds.index("broken")
    assert "solid" not in chart_kinds[first_broken:]
    assert chart_kinds[first_broken - 1] == "halo"  # each broken line on its halo
    assert chart_kinds.count("halo") == chart_kinds.count("broken") == 2


def test_the_report_on_a_broken_line_wears_the_badge_the_key_shows(org_file) -> None:
    red = get_theme("light").broken
    svg = render(load(org_file(ORG)), "svg", RenderOptions(layout="tidy"),
                 force=True).decode()
    cards = re.findall(r'<g transform="translate\([^)]*\)"><title>([^<,]*)(.*?)</g>', svg)
    marked = [name.split(" — ")[0] for name, drawing in cards
              if f'r="8" fill="{red}"' in drawing]
    assert sorted(marked) == ["Di Two", "Fa Four"]
    # the key's line sample ends in the badge's dot
    assert re.search(rf'stroke="{red}"[^>]*/><circle [^>]*r="3.5" fill="{red}"/>', svg)
