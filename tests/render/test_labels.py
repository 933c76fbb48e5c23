"""Escaping and text fitting: every user string stays text in DOT, HTML-like labels and SVG."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest
from renderkit import ENGINES, HOSTILE

from orgviz.errors import RenderError
from orgviz.render.labels import (
    clean,
    dot_string,
    dot_tooltip,
    ellipsize,
    html_label_text,
    text_width,
    verify_color,
    wrap,
    xml_escape,
)
from orgviz.render.themes import verify_font


@pytest.mark.parametrize("text", HOSTILE)
def test_html_label_text_has_no_markup_or_escapes(text: str) -> None:
    escaped = html_label_text(text)
    assert "<" not in escaped and ">" not in escaped and '"' not in escaped
    # Every backslash is doubled, so Graphviz never sees \N, \l or a trailing escape.
    assert re.fullmatch(r"(?:[^\\]|\\\\)*", escaped)
    # Entities are only the ones we wrote.
    assert re.findall(r"&[^;]*;", escaped) == [
        m for m in re.findall(r"&[^;]*;", escaped)
        if m in ("&amp;", "&lt;", "&gt;", "&quot;", "&#39;")]


@pytest.mark.parametrize("text", HOSTILE)
def test_dot_string_is_one_closed_string(text: str) -> None:
    quoted = dot_string(text)
    body = quoted[1:-1]
    assert quoted.startswith('"') and quoted.endswith('"')
    # No unescaped quote inside, and no backslash left dangling at the end.
    assert re.fullmatch(r'(?:[^"\\]|\\.)*', body)


def test_clean_drops_controls_and_overrides() -> None:
    assert clean("a\x00b\x1b[31mc\u202ed\nE\tF") == "ab[31mcd E F"
    assert clean(None) == ""
    assert clean("  lots   of\n space ") == "lots of space"


def test_xml_escape() -> None:
    assert xml_escape('<a href="x">&\'') == "&lt;a href=&quot;x&quot;&gt;&amp;&#39;"


def test_wrap_keeps_words_and_limits_lines() -> None:
    lines = wrap("Senior Product Manager, Pricing & Packaging", 174, 11)
    assert 1 < len(lines) <= 3
    assert " ".join(lines) == "Senior Product Manager, Pricing & Packaging"
    long = wrap("x" * 200, 100, 11, max_lines=2)
    assert len(long) == 2 and long[-1].endswith("…")
    assert all(text_width(line, 11) <= 100 for line in long)


def test_wrap_splits_long_words_without_adding_spaces() -> None:
    lines = wrap("Supercalifragilisticexpialidocious-Engineering-Lead", 80, 11, max_lines=5)
    assert "".join(lines) == "Supercalifragilisticexpialidocious-Engineering-Lead"


def test_wide_characters_are_measured_wide() -> None:
    assert text_width("张伟", 10) == 20
    assert text_width("ab", 10) < 12
    assert ellipsize("a" * 50, 60, 10).endswith("…")


def test_verify_color_accepts_only_hex() -> None:
    assert verify_color("#ABC", "#000000") == "#aabbcc"
    assert verify_color("#4C78A8", "x") == "#4c78a8"
    for bad in ("red", "#12345", "url(#x)", '#fff" onload="x', None):
        assert verify_color(bad, "#000000") == "#000000"


def test_verify_font_accepts_known_families_only() -> None:
    assert verify_font("Inter, 'Helvetica', sans-serif") == "Inter, 'Helvetica', sans-serif"
    for bad in ("Comic Sans; }", "url(x)", "Helvetica, <script>", "Wingdings"):
        with pytest.raises(RenderError):
            verify_font(bad)


LITERAL = [*HOSTILE, "\\", "a\\b", "\\\\", "A & B", "&#92;N", "e\\", "x\\\\N"]


@pytest.mark.parametrize("engine", ENGINES)
def test_dot_strings_and_tooltips_show_literally_in_graphviz(engine: str) -> None:
    # Graphviz decodes entities in plain labels and tooltips (`&amp;` showed as `&`) and
    # expands `\N` in tooltips even after one escaping (a name `\N` showed the node id).
    from orgviz.render.engines import ENGINES as ENGINE_CLASSES

    texts = [clean(text) for text in LITERAL]
    nodes = "".join(f"  n{i} [label={dot_string(text)}, tooltip={dot_tooltip(text)}];\n"
                    for i, text in enumerate(texts))
    svg = ENGINE_CLASSES[engine]().render(f"digraph g {{\n{nodes}}}\n", "svg").decode()
    root = ET.fromstring(svg)
    svg_ns, xlink = "{http://www.w3.org/2000/svg}", "{http://www.w3.org/1999/xlink}"
    nodes_drawn = [g for g in root.iter(f"{svg_ns}g") if g.get("class") == "node"]
    shown = [("".join(t.text or "" for t in g.iter(f"{svg_ns}text")),
              next(a.get(f"{xlink}title") for a in g.iter(f"{svg_ns}a"))) for g in nodes_drawn]
    assert shown == [(text, text) for text in texts]


def test_dot_string_joins_lines_and_skips_empty_ones() -> None:
    assert dot_string("A & B", "", "C\\D") == '"A &amp; B\\nC\\\\D"'
    assert dot_string() == '""'


def test_a_long_text_is_cut_with_few_measurements(monkeypatch: pytest.MonkeyPatch) -> None:
    from orgviz.render import labels

    calls: list[str] = []
    measure = labels.text_width

    def counted(text: str, size: float, bold: bool = False, wide: bool | None = None) -> float:
        calls.append(text)
        return measure(text, size, bold, wide)

    monkeypatch.setattr(labels, "text_width", counted)
    text = "no manager, but the org already has its top; " * 9  # ~400 characters
    short = ellipsize(text, 60, 10)
    # (the longest prefix that fits, as cutting one grapheme at a time from the end finds)
    assert short == text[:len(short) - 1].rstrip() + "…"
    assert text_width(short, 10) <= 60 < text_width(text[:len(short)] + "…", 10)
    assert len(calls) < 40  # a search: one cluster at a time measured ~400 prefixes
