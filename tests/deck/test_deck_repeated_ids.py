"""`orgviz deck --force` of an org that repeats a person's id draws it as `render --force`
does: the first person of the id, marked, the repeat left out (and counted out)."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest
from pptx import Presentation

from orgviz.deck import write_deck

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
    assert result.stdout.startswith(
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


@pytest.mark.parametrize("layout", ["tidy", pytest.param(
    "dot", marks=pytest.mark.skipif(shutil.which("dot") is None, reason="no Graphviz"))])
def test_force_names_the_repeat_left_out(run, org_file, layout: str) -> None:
    path = org_file(DUP, name="dup.yaml")
    result = run("deck", str(path), "--force", "--layout", layout, "-o", "d.pptx")
    assert result.exit_code == 0, result.output
    assert result.stderr == (f"orgviz: {path}:6:5: not drawn: 'x' (C, Designer) repeats the "
                             f"id of the person at line 5, who is drawn\n")


def test_force_counts_repeats_per_org(run, org_file) -> None:
    one = org_file(DUP, name="one.yaml")
    two = org_file(DUP.replace("people:\n", "teams:\n  - {id: t, name: T}\n"
                               "  - {id: t, name: U}\npeople:\n"), name="two.yaml")
    result = run("deck", str(one), str(two), "--force", "-o", "d.pdf")
    assert result.exit_code == 0, result.output
    assert result.stderr == (
        f"orgviz: {one}:6:5: not drawn: 'x' (C, Designer) repeats the id of the person at "
        f"line 5, who is drawn\n"
        f"orgviz: {two}:5:5: not drawn: team 't' (U) repeats the id of the team at line 4, "
        f"which the chart uses, and 1 more\n")


def test_write_deck_lists_the_note(org_file, tmp_path: Path) -> None:
    path = org_file(DUP, name="dup.yaml")
    written = write_deck(path, tmp_path / "d.pptx", force=True)
    assert written.notes == (f"{path}:6:5: not drawn: 'x' (C, Designer) repeats the id of "
                             f"the person at line 5, who is drawn",)
