"""Shared pieces of the rendering tests: engine markers, hostile strings, small orgs."""

from __future__ import annotations

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
