"""`orgviz deck --force` of an org that repeats a person's id draws it as `render --force`
does: the first person of the id, marked, the repeat left out (and counted out)."""

from __future__ import annotations

import io
from pathlib import Path

from pptx import Presentation

DUP = """\
orgviz: 1
org: {name: S, size: small}
people:
  - {id: ceo, name: A, title: CEO}
  - {id: x, name: B, title: Engineer, reports_to: ceo}
  - {id: x, name: C, title: Designer, reports_to: ceo}
"""


def test_force_draws_an_org_that_repeats_an_id(run, org_file) -> None:
    path = org_file(DUP, name="dup.yaml")
    result = run("deck", str(path), "-o", "d.pptx")  # (without --force: refused, as before)
    assert result.exit_code == 1 and not Path("d.pptx").exists()
    result = run("deck", str(path), "--force", "-o", "d.pptx")
    assert result.exit_code == 0, result.output
    assert result.output.startswith(
        f"{path}:6:10: error [duplicate-id] duplicate person id 'x' (first used at line 5)")
    assert result.output.endswith("d.pptx (2 slides)\n")
    prs = Presentation(io.BytesIO(Path("d.pptx").read_bytes()))
    cover = [shape.text_frame.text for shape in prs.slides[0].shapes if shape.has_text_frame]
    assert "2 people" in cover  # (A and the first 'x', B: what the deck draws)
    notes = prs.slides[0].notes_slide.notes_text_frame.text
    assert notes.startswith("S (small): 2 positions, 2 people, 0 open roles.")


def test_force_draws_a_repeated_team_id_too(run, org_file) -> None:
    path = org_file(DUP.replace("people:\n", "teams:\n  - {id: t, name: T}\n"
                                "  - {id: t, name: U}\npeople:\n"), name="dup.yaml")
    result = run("deck", str(path), "--force", "-o", "d.pdf")
    assert result.exit_code == 0, result.output
    assert f"{path}:5:10: error [duplicate-id] duplicate team id 't'" in result.output
    assert Path("d.pdf").read_bytes().startswith(b"%PDF-")
