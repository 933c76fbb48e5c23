"""The chart header: a subtitle longer than the chart wraps instead of running off the edge."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from xml.etree import ElementTree

from orgviz.loader import load
from orgviz.render.chart import View, build_chart
from orgviz.render.labels import text_width
from orgviz.render.pipeline import draw_chart
from orgviz.render.svg import SUBTITLE_SIZE
from orgviz.render.themes import get_theme

NS = "{http://www.w3.org/2000/svg}"


def _two_people(tmp_path: Path) -> Path:
    path = tmp_path / "org.yaml"
    path.write_text("orgviz: 1\norg: {name: Two, size: small}\npeople:\n"
                    "  - {id: a, name: Ada Obi, title: CEO}\n"
                    "  - {id: b, name: Ben Cruz, title: CTO, reports_to: a}\n", encoding="utf-8")
    return path


def _subtitle_lines(svg: bytes) -> tuple[float, list[str]]:
    root = ElementTree.fromstring(svg)
    width = float(root.get("width", "0").removesuffix("px"))
    lines = [("".join(node.itertext()), float(node.get("y", "0")))
             for node in root.iter(f"{NS}text") if node.get("font-size") == f"{SUBTITLE_SIZE:g}"]
    return width, [text for text, _y in sorted(lines, key=lambda item: item[1])]


def test_a_long_subtitle_wraps_within_the_chart(tmp_path: Path) -> None:
    theme = get_theme("light", None)
    chart = build_chart(load(_two_people(tmp_path)), View(), theme)
    words = [f"change{i} of the org" for i in range(30)]
    long = " · ".join(words)
    width, lines = _subtitle_lines(draw_chart(replace(chart, subtitle=long), theme))
    assert len(lines) > 1
    assert " ".join(lines).replace("  ", " ").startswith(" · ".join(words[:5]))
    for line in lines:
        assert text_width(line, SUBTITLE_SIZE) <= width  # (the drawn width of the chart)


def test_a_short_subtitle_is_one_line(tmp_path: Path) -> None:
    theme = get_theme("light", None)
    chart = build_chart(load(_two_people(tmp_path)), View(), theme)
    _width, lines = _subtitle_lines(draw_chart(chart, theme))
    assert lines == [chart.subtitle] == ["2 people"]
