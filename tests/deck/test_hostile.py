"""Untrusted text in decks: markup, quotes, controls, emoji and right-to-left names."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from pptx import Presentation

from orgviz.deck import deck_bytes
from orgviz.loader import load

HOSTILE = r'''orgviz: 1
org: {name: "\t<b>Evil & Co</b> \"q\" \\N", size: small, date: "2026 <script>"}
teams:
  - {id: t1, name: "Team <x> & \\l", color: "#4C78A8"}
people:
  - {id: ceo, name: "Ana 🚀 Müller", title: "CEO <script>alert(1)</script>", team: t1}
  - {id: a, name: "محمد العلي", title: "VP ]]><x/>", reports_to: ceo, team: t1}
  - {id: b, name: "נועה בן-דוד", title: "Head of \u202e Product", reports_to: a, team: t1}
  - {id: c, name: "x\ty\u0085z\u2028", title: "Engineer", reports_to: b, team: t1}
  - {id: d, name: "trailing\\", title: "Engineer", reports_to: b, team: t1, vacant: true}
'''


@pytest.mark.parametrize("fmt", ["pptx", "pdf"])
def test_hostile_text_is_text(tmp_path: Path, fmt: str) -> None:
    path = tmp_path / "hostile.yaml"
    path.write_text(HOSTILE, encoding="utf-8")
    data, count = deck_bytes([(load(path), ())], fmt)
    assert count >= 3
    if fmt == "pdf":
        assert data.startswith(b"%PDF-")
        return
    prs = Presentation(io.BytesIO(data))
    assert prs.slides[0].shapes.title.text == '<b>Evil & Co</b> "q" \\N'
    svg = b"".join(part.blob for part in prs.part.package.iter_parts()
                   if str(part.partname).endswith(".svg"))
    assert b"<script>" not in svg and b"&lt;script&gt;" in svg
    assert b"\xe2\x80\xae" not in svg  # the right-to-left override is dropped
    notes = "\n".join(s.notes_slide.notes_text_frame.text for s in prs.slides)
    assert "Ana 🚀 Müller" in notes and not {"\t", "\x85", "\u2028"} & set(notes)
