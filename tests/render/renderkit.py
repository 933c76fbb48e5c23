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
