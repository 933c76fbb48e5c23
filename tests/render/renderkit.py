"""Shared pieces of the rendering tests: engine markers, hostile strings, small orgs."""

from __future__ import annotations

import itertools
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

import pytest

from orgtexts import SMALL  # noqa: F401 - re-exported for the render tests
from orgviz.loader import load
from orgviz.model import Org
from orgviz.render import RenderOptions
from orgviz.render.engines import EmbeddedEngine
from orgviz.render.geometry import Geometry
from orgviz.render.pipeline import build

HAS_DOT = shutil.which("dot") is not None
HAS_EMBEDDED = EmbeddedEngine().find() is not None

system_graphviz = [pytest.mark.system_graphviz,
                   pytest.mark.skipif(not HAS_DOT, reason="needs Graphviz `dot` on PATH")]
embedded_graphviz = [pytest.mark.embedded_graphviz,
                     pytest.mark.skipif(not HAS_EMBEDDED, reason="needs graphviz-pure")]
ENGINES = [pytest.param("system", marks=system_graphviz, id="system"),
           pytest.param("embedded", marks=embedded_graphviz, id="embedded")]
#: RenderOptions fields of each way to lay out and draw: `dot` with either engine, and `tidy`
#: (no Graphviz for SVG).
SETUPS = [pytest.param({"layout": "dot", "engine": "system"}, marks=system_graphviz,
                       id="dot-system"),
          pytest.param({"layout": "dot", "engine": "embedded"}, marks=embedded_graphviz,
                       id="dot-embedded"),
          pytest.param({"layout": "tidy"}, id="tidy")]

#: Names and titles that try to break out of DOT strings, HTML-like labels or SVG.
HOSTILE = [
    "<b>x</b>",
    '" ] ; node [label="pwn"',
    "\\N",
    "\\l",
    "\\G \\E \\T \\H \\L",
    "trailing backslash\\",
    "&amp;",
    "&lt;script&gt;",
    "<script>alert(1)</script>",
    "]]><x/>",
    "Ana 🚀 Müller",
    "محمد العلي",
    "נועה בן-דוד",
    "a\u202eb",  # right-to-left override
    "}} digraph x {",
    "<<TABLE>>",
]

ROOT = Path(__file__).resolve().parents[2]
ORGS = ROOT / "orgs"



def person_org(org_file: Callable[..., Path], name: str, title: str = "Engineer") -> Org:
    """An org of a CEO and one report whose name and title are given (YAML-quoted)."""
    import json

    text = ("orgviz: 1\norg: {name: Hostile}\npeople:\n"
            "  - {id: boss, name: Boss, title: CEO}\n"
            f"  - {{id: x, name: {json.dumps(name, ensure_ascii=False)}, "
            f"title: {json.dumps(title, ensure_ascii=False)}, "
            "role: ic, reports_to: boss}\n")
    return load(org_file(text))


def chart_of(text: str, **view: object):
    """The chart, theme, texts and card box of an org file's text, as `render` builds them
    (no validation), with RenderOptions fields as `view`."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "org.yaml"
        path.write_text(text, encoding="utf-8")
        org = load(path)
    return build(org, RenderOptions(**view))  # type: ignore[arg-type]


def assert_solid_lines_pass_no_card(geometry: Geometry, elbows_only: bool = False) -> None:
    """No segment of a solid line runs through a card (1 unit in from its edges); with
    `elbows_only`, every segment is also horizontal or vertical."""
    for line in geometry.lines:
        if line.kind != "solid":
            continue
        for (x1, y1), (x2, y2) in itertools.pairwise(line.points):
            if elbows_only:
                assert abs(x1 - x2) < 0.01 or abs(y1 - y2) < 0.01, line.points
            for card_id, b in geometry.boxes.items():
                inside_x = max(min(x1, x2), b.left + 1) < min(max(x1, x2), b.right - 1)
                inside_y = max(min(y1, y2), b.top + 1) < min(max(y1, y2), b.bottom - 1)
                vertical = abs(x1 - x2) < 1e-6 and b.left + 1 < x1 < b.right - 1
                horizontal = abs(y1 - y2) < 1e-6 and b.top + 1 < y1 < b.bottom - 1
                assert not (vertical and inside_y) and not (horizontal and inside_x), (
                    card_id, line.points)


#: An unknown manager (Uma's), a 3-person cycle (Ray, Rae, Rex: Rex's Rita too) and a
#: self-report (Sol's): with --force, four trees. Uma's starts on the Head row, the cycle's
#: on the row of individual contributors, where packed as subtrees (SUBTREE_GAP apart) Ray
#: stood partly under Una Urquhart's card, reading as her report.
BROKEN_TREES = """orgviz: 1
org: {name: Broken Trees Ltd, size: small, date: 2026-12-01}
teams:
  - {id: exec, name: Exec, color: "#4C78A8"}
  - {id: sales, name: Sales, color: "#F58518", parent: exec}
  - {id: eng, name: Engineering, color: "#54A24B", parent: exec}
people:
  - {id: ceo, name: Cleo Chief, title: Chief Executive Officer, team: exec}
  - {id: vp, name: Vic Vale, title: VP of Sales, reports_to: ceo, team: sales}
  - {id: a1, name: Ann Archer, title: Account Executive, reports_to: vp, team: sales}
  - {id: a2, name: Bo Baker, title: Account Executive, reports_to: vp, team: sales}
  - {id: d1, name: Dee Dorsey, title: Director of Engineering, reports_to: ceo, team: eng}
  - {id: m1, name: Max Moor, title: Engineering Manager, reports_to: d1, team: eng}
  - {id: e1, name: Eve Ernst, title: Software Engineer, reports_to: m1, team: eng}
  - {id: e2, name: Eli Egan, title: Software Engineer, reports_to: m1, team: eng}
  - {id: e3, name: Esa Eklund, title: Senior Software Engineer, reports_to: m1, team: eng}
  - {id: u1, name: Uma Ugo, title: Head of Partnerships, reports_to: ghost, team: sales}
  - {id: u2, name: Uli Ung, title: Partner Manager, reports_to: u1, team: sales}
  - {id: u3, name: Una Urquhart, title: Partner Manager, reports_to: u1, team: sales}
  - {id: u4, name: Udo Ulrich, title: Partner Associate, reports_to: u2, team: sales}
  - {id: u5, name: Ula Uribe, title: Partner Associate, reports_to: u2, team: sales}
  - {id: r1, name: Ray Reed, title: Account Executive, reports_to: r3, team: sales}
  - {id: r2, name: Rae Rowe, title: Account Executive, reports_to: r1, team: sales}
  - {id: r3, name: Rex Ross, title: Sales Manager, reports_to: r2, team: sales}
  - {id: r4, name: Rita Rudd, title: Sales Development Representative, reports_to: r3, \
team: sales}
  - {id: s1, name: Sol Self, title: Director of Sales, reports_to: s1, team: sales}
  - {id: s2, name: Sue Sim, title: Account Executive, reports_to: s1, team: sales}
  - {id: i1, name: Ivy Inch, title: Software Engineer, reports_to: e1, team: eng}
  - {id: i2, name: Ian Iverson, title: VP of Engineering, reports_to: i1, team: eng}
  - {id: i3, name: Ida Ives, title: Software Engineer, reports_to: i2, team: eng}
"""

#: Chinook's shape: a general manager, two managers, three and two reports.
SMALL_TEAMS = """orgviz: 1
org: {name: Shop}
people:
  - {id: gm, name: Andrea Adams, title: General Manager}
  - {id: sales, name: Nina Edwards, title: Sales Manager, reports_to: gm}
  - {id: s1, name: Jane Peacock, title: Sales Support Agent, reports_to: sales}
  - {id: s2, name: Margo Park, title: Sales Support Agent, reports_to: sales}
  - {id: s3, name: Steve Jonsson, title: Sales Support Agent, reports_to: sales}
  - {id: it, name: Michel Mitchell, title: IT Manager, reports_to: gm}
  - {id: i1, name: Rob King, title: IT Staff, reports_to: it}
  - {id: i2, name: Laura Callan, title: IT Staff, reports_to: it}
"""
