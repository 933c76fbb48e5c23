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
    assert out.exists(), f"{out.relative_to(ROOT)} is missing: run scripts/render_examples.py"
    committed = out.read_bytes()
    if fmt == "png" and committed != fresh:
        # The SVG is compared byte for byte; its PNG is drawn by resvg with the machine's
        # fonts, and which installed font draws a character the chart's fonts lack (a CJK
        # or Hangul name) depends on what is installed. A few glyphs may differ, no more.
        changed, total = _changed_pixels(committed, fresh)
        assert changed <= total // 10_000, (
            f"{out.relative_to(ROOT)} is out of date ({changed} of {total} pixels differ): "
            "run python scripts/render_examples.py")
        return
    assert committed == fresh, (
        f"{out.relative_to(ROOT)} is out of date: run python scripts/render_examples.py")


def _changed_pixels(first: bytes, second: bytes) -> tuple[int, int]:
    """How many pixels two PNGs differ in, and how many they have (all, when sizes differ)."""
    import io

    from PIL import Image, ImageChops

    with Image.open(io.BytesIO(first)) as a, Image.open(io.BytesIO(second)) as b:
        total = a.size[0] * a.size[1]
        if a.size != b.size:
            return total, total
        diff = ImageChops.difference(a.convert("RGBA"), b.convert("RGBA"))
        bands = [band.point(lambda v: 255 if v else 0) for band in diff.split()]
        merged = bands[0]
        for band in bands[1:]:
            merged = ImageChops.lighter(merged, band)
        return merged.histogram()[255], total
