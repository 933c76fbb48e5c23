"""output/ holds the charts of every org in orgs/, as drawn now (see scripts/render_examples.py)."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

import pytest
from renderkit import HAS_DOT, ROOT

SCRIPT = ROOT / "scripts" / "render_examples.py"


def _script():
    spec = importlib.util.spec_from_file_location("render_examples", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


EXAMPLES = _script().examples()


def test_every_org_has_a_committed_svg_and_png() -> None:
    for org in sorted((ROOT / "orgs").glob("*.yaml")):
        for fmt in ("svg", "png"):
            assert (ROOT / "output" / f"{org.stem}.{fmt}").exists(), (
                f"output/{org.stem}.{fmt} is missing: run python scripts/render_examples.py")


def _graphviz_of(svg: Path) -> str | None:
    found = re.search(rb"Graphviz (\S+), system engine", svg.read_bytes()[:400])
    return found.group(1).decode() if found else None


@pytest.mark.system_graphviz
@pytest.mark.skipif(not HAS_DOT, reason="needs Graphviz `dot` on PATH")
@pytest.mark.parametrize(("org", "out", "fmt", "options"), EXAMPLES,
                         ids=[str(item[1].name) for item in EXAMPLES])
def test_committed_chart_is_up_to_date(org: Path, out: Path, fmt: str, options: dict) -> None:
    from orgviz.render.engines import SystemEngine

    svg = out.with_suffix(".svg")
    committed_with = _graphviz_of(svg) if svg.exists() else None
    if committed_with is not None and committed_with != SystemEngine().version():
        pytest.skip(f"{svg.name} was drawn with Graphviz {committed_with}, this machine has "
                    f"{SystemEngine().version()}")
    fresh = _script().draw(org, fmt, options)
    assert out.exists() and out.read_bytes() == fresh, (
        f"{out.relative_to(ROOT)} is out of date: run python scripts/render_examples.py")
