"""A slide draws dotted and broken lines (--force) as `orgviz render --force` does: a
broken tree line beside the trunk it shares, drawn over the solid lines (the tidy and dot
layouts route them in `routing.add_links`).

A reporting chain drawn in columns (`deck.draw.chain_geometry`) draws the chart's other
lines as `orgviz render --force` does (`routing.add_links`): a reporting cycle's closing
line (red dashes, on its own way, drawn over the solid lines) and dotted lines between its
cards. The chain's slides left them out; and a line routed round the cards' outside was
cut off at the picture's edge (`room_for_lines`).

Every slide's picture holds its lines: an overview of a forced org (a reporting cycle, a
missing manager, a self-report, a dotted line across the tops) ran its dotted line 2 units
above the picture, cut off into two stubs."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from itertools import pairwise

import pytest

from orgviz.deck.build import DeckOptions, build_deck
from orgviz.deck.draw import Drawer, Drawn
from orgviz.loader import load
from orgviz.render.chart import View
from orgviz.render.geometry import Box, Connector, Point
from orgviz.render.labels import measured_for
from orgviz.render.themes import THEMES
from orgviz.validate import validate

LENGTH = 12  # people in the chain: three columns of four on a slide


def cycle_yaml(dotted: bool = False) -> str:
    """A chain p1 <- p2 <- ... <- p12 whose head reports to its foot (a reporting cycle,
    cut at p1: the closing line runs from p12 up to p1); `dotted`: p2 has a dotted line to
    p7."""
    lines = ["orgviz: 1", "org: {name: Chain cycle, size: small}", "people:",
             "  - {id: ceo, name: Ann Lee, title: CEO}",
             f"  - {{id: p1, name: Person One, title: Director, reports_to: p{LENGTH}}}"]
    for i in range(2, LENGTH + 1):
        extra = ", dotted_to: p7" if dotted and i == 2 else ""
        lines.append(f"  - {{id: p{i}, name: Person {i}, title: Manager, "
                     f"reports_to: p{i - 1}{extra}}}")
    return "\n".join(lines) + "\n"


#: An engineering manager whose reports stand in a column on one trunk, two of them (a VP
#: and a director) on lines that fail validation (tests/render/test_broken_lines_apart.py).
TRUNK = """\
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


#: QA's org (m1.yaml): the tops Ann, the cycle e <-> f and Self (reports to herself) side
#: by side on the overview, Self's dotted line to Ann over them. (QA's also had Orphan, a
#: manager unknown: with separate trees 72 px apart top-down, four tops no longer fit one
#: overview slide, and Self's line to Ann, on the other one, was not drawn.)
FORCED_TOPS = """\
orgviz: 1
org: {name: M, size: small}
people:
  - {id: ceo, name: Ann, title: CEO}
  - {id: a, name: Al, title: Engineer, reports_to: ceo}
  - {id: e, name: Cy One, title: Engineer, reports_to: f}
  - {id: f, name: Cy Two, title: Engineer, reports_to: e}
  - {id: h, name: Self, title: Engineer, reports_to: h, dotted_to: [ceo]}
"""
_SVG = "{http://www.w3.org/2000/svg}"
_NUMBER = re.compile(r"-?[0-9]*\.?[0-9]+(?:e-?[0-9]+)?")


def path_points(d: str) -> list[Point]:
    """The points of a path's data (absolute M, L, H, V, Q and C commands, as drawn)."""
    points: list[Point] = []
    x = y = 0.0
    for command, args in re.findall(r"([MLHVQCZ])([^MLHVQCZ]*)", d):
        values = [float(v) for v in _NUMBER.findall(args)]
        if command == "H":
            for x in values:
                points.append((x, y))
        elif command == "V":
            for y in values:
                points.append((x, y))
        elif command != "Z":
            for x, y in zip(values[::2], values[1::2], strict=True):
                points.append((x, y))
    return points


def paths_outside(svg: bytes) -> list[str]:
    """The paths of an SVG (in translated groups too) whose points, widened by half their
    stroke, reach past its viewBox."""
    root = ET.fromstring(svg)
    left, top, width, height = (float(v) for v in root.attrib["viewBox"].split())
    found: list[str] = []

    def walk(element: ET.Element, dx: float, dy: float) -> None:
        moved = re.fullmatch(r"translate\(([-0-9.]+)[ ,]+([-0-9.]+)\)",
                             element.attrib.get("transform", "translate(0 0)"))
        assert moved is not None, element.attrib["transform"]
        dx, dy = dx + float(moved.group(1)), dy + float(moved.group(2))
        if element.tag == f"{_SVG}path":
            half = float(element.attrib.get("stroke-width", "1")) / 2
            for x, y in path_points(element.attrib["d"]):
                if not (left <= x + dx - half and x + dx + half <= left + width
                        and top <= y + dy - half and y + dy + half <= top + height):
                    found.append(element.attrib["d"])
                    break
        for child in element:
            walk(child, dx, dy)

    walk(root, 0.0, 0.0)
    return found


def chain_drawn(org_file, dotted: bool = False) -> Drawn:
    """The chain from p1 drawn forced, four cards a column."""
    org = load(org_file(cycle_yaml(dotted)))
    drawer = Drawer(org, THEMES["light"], problems=validate(org))
    return drawer.draw_chain(View(root="p1"), 4)


def segments(points: tuple[Point, ...]) -> list[tuple[float, float, float, float]]:
    return [(min(ax, bx), min(ay, by), max(ax, bx), max(ay, by))
            for (ax, ay), (bx, by) in pairwise(points)]


def on_solid(line: Connector, solid: list[Connector]) -> float:
    """How many px of a line lie along a solid one, within 2 px of it."""
    total = 0.0
    for x0, y0, x1, y1 in segments(line.points):
        for other in solid:
            for sx0, sy0, sx1, sy1 in segments(other.points):
                if y1 - y0 < 0.01 and sy1 - sy0 < 0.01 and abs(y0 - sy0) < 2.0:
                    total += max(0.0, min(x1, sx1) - max(x0, sx0))
                elif x1 - x0 < 0.01 and sx1 - sx0 < 0.01 and abs(x0 - sx0) < 2.0:
                    total += max(0.0, min(y1, sy1) - max(y0, sy0))
    return total


def touches(p: Point, box: Box) -> bool:
    """Whether a line's end meets a card's outline."""
    return (box.left - 0.01 <= p[0] <= box.right + 0.01
            and box.top - 0.01 <= p[1] <= box.bottom + 0.01)


def drawn_after_solid(drawn: Drawn) -> bool:
    """Whether the picture draws its broken lines after (over) all its solid lines."""
    paths = re.findall(r'<path fill="none" stroke="(#[0-9A-F]+)"[^>]*>', drawn.svg.decode())
    red = THEMES["light"].broken.upper()
    grey = THEMES["light"].line.upper()
    assert red in paths and grey in paths
    return paths.index(red) > max(i for i, color in enumerate(paths) if color == grey)


def test_broken_lines_on_a_slide_run_beside_the_trunk_they_share(org_file) -> None:
    org = load(org_file(TRUNK))
    drawer = Drawer(org, THEMES["light"], problems=validate(org))
    for drawn in drawer.draw(View()):
        broken = [line for line in drawn.geometry.lines if line.kind == "broken"]
        solid = [line for line in drawn.geometry.lines if line.kind == "solid"]
        assert len(broken) == 2
        assert all(on_solid(line, solid) <= 3.0 for line in broken)
        assert drawn_after_solid(drawn)


def test_a_chains_closing_line_is_drawn_apart_from_the_solid_lines(org_file) -> None:
    drawn = chain_drawn(org_file)
    assert len(drawn.chart.cards) == LENGTH
    geometry = drawn.geometry
    broken = [line for line in geometry.lines if line.kind == "broken"]
    solid = [line for line in geometry.lines if line.kind == "solid"]
    assert len(broken) == 1 and len(solid) == LENGTH - 1
    line = broken[0]
    ends = {line.points[0], line.points[-1]}
    assert any(touches(p, geometry.boxes["p12"]) for p in ends)
    assert any(touches(p, geometry.boxes["p1"]) for p in ends)
    assert on_solid(line, solid) <= 3.0
    assert drawn_after_solid(drawn)


def test_a_line_round_the_chains_outside_stays_in_the_picture(org_file) -> None:
    # (the closing line runs below the columns and up their left: 2 px past the picture)
    drawn = chain_drawn(org_file)
    margin = 8.0  # the picture's margin round the geometry (deck.draw.MARGIN)
    for line in drawn.geometry.lines:
        for x, y in line.points:
            assert 2.0 <= x + margin <= drawn.width - 2.0
            assert 2.0 <= y + margin <= drawn.height - 2.0


def test_a_dotted_line_between_a_chains_cards_is_drawn(org_file) -> None:
    drawn = chain_drawn(org_file, dotted=True)
    dotted = [line for line in drawn.geometry.lines if line.kind == "dotted"]
    assert len(dotted) == 1
    ends = {dotted[0].points[0], dotted[0].points[-1]}
    assert any(touches(p, drawn.geometry.boxes["p7"]) for p in ends)
    assert any(touches(p, drawn.geometry.boxes["p2"]) for p in ends)


def test_path_points_reads_every_command() -> None:
    assert path_points("M204 50.5L216 50.5Q222 50.5 222 44.5L222 4Q222 -2 228 -2H250V-3Z") == [
        (204, 50.5), (216, 50.5), (222, 50.5), (222, 44.5), (222, 4), (222, -2), (228, -2),
        (250, -2), (250, -3)]
    svg = (b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 50">'
           b'<path stroke-width="2" d="M1 1L99 49"/><path stroke-width="2" d="M1 1L99.5 49"/>'
           b'<g transform="translate(8 8)"><path d="M0 0L90 43"/></g></svg>')
    assert paths_outside(svg) == ["M1 1L99.5 49", "M0 0L90 43"]


@pytest.mark.parametrize("fmt", ["pdf", "pptx"])
def test_every_slides_lines_keep_within_its_picture(org_file, fmt: str) -> None:
    # (the overview's dotted line from Self to Ann ran at y = -2 over the tops' cards,
    # outside a picture 209 units high: two cut-off stubs; render --force drew it whole)
    org = load(org_file(FORCED_TOPS))
    with measured_for(fmt):
        deck = build_deck([(org, validate(org))], DeckOptions())
    pictures = [slide.picture for slide in deck.slides if slide.picture is not None]
    assert pictures
    overview = next(slide for slide in deck.slides if slide.title == "Overview")
    assert overview.picture is not None
    assert b"stroke-dasharray=\"5 4\"" in overview.picture.svg  # the dotted line is drawn
    for picture in pictures:
        assert paths_outside(picture.svg) == []
