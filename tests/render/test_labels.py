"""Escaping and text fitting: every user string stays text in DOT, HTML-like labels and SVG."""

from __future__ import annotations

import re

import pytest
from renderkit import HOSTILE

from orgviz.errors import RenderError
from orgviz.render.labels import (
    clean,
    dot_string,
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
