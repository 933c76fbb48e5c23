"""`render --force` of an org that repeats a person's or a team's id says which entry it
left out (the first holder of the id is drawn): one note at the repeat, counting the rest."""

from __future__ import annotations

from pathlib import Path

import pytest
from renderkit import HAS_DOT

from orgviz.loader import load
from orgviz.render.pipeline import PlacedNote, RenderOptions, note_place, render, render_file

DUP = """\
orgviz: 1
org: {name: S, size: small}
people:
  - {id: ceo, name: A, title: CEO}
  - {id: x, name: B, title: Engineer, reports_to: ceo}
  - {id: x, name: C, title: Designer, reports_to: ceo}
"""
#: A repeated team first, then two repeats of a person (an open role without a title).
MANY = """\
orgviz: 1
org: {name: S, size: small}
teams:
  - {id: eng, name: Engineering}
  - {id: eng, name: Design}
people:
  - {id: ceo, name: A, title: CEO, team: eng}
  - {id: x, name: B, title: Engineer, reports_to: ceo}
  - {id: x, name: C, reports_to: ceo}
  - {id: x, reports_to: ceo, vacant: true}
"""
LAYOUTS = ["tidy", pytest.param("dot", marks=pytest.mark.skipif(not HAS_DOT,
                                                                 reason="no Graphviz"))]


@pytest.mark.parametrize("layout", LAYOUTS)
def test_render_force_names_the_repeat_left_out(run, org_file, layout: str) -> None:
    path = org_file(DUP, name="dup.yaml")
    result = run("render", str(path), "--force", "--layout", layout, "-o", "r.svg")
    assert result.exit_code == 0, result.output
    assert result.stderr == (f"orgviz: {path}:6:5: not drawn: 'x' (C, Designer) repeats the "
                             f"id of the person at line 5, who is drawn\n")
    svg = Path("r.svg").read_text()
    assert ">B<" in svg and ">C<" not in svg and "Designer" not in svg


def test_render_force_counts_repeats_and_names_teams(run, org_file) -> None:
    path = org_file(MANY, name="many.yaml")
    result = run("render", str(path), "--force", "-o", "r.svg")
    assert result.exit_code == 0, result.output
    assert result.stderr == (f"orgviz: {path}:5:5: not drawn: team 'eng' (Design) repeats "
                             f"the id of the team at line 4, which the chart uses, and 2 more\n")


def test_an_org_without_repeats_gets_no_note(run, org_file) -> None:
    path = org_file(DUP.replace("{id: x, name: C", "{id: y, name: C"), name="ok.yaml")
    result = run("render", str(path), "-o", "r.svg")
    assert result.exit_code == 0 and result.stderr == ""


def test_the_api_appends_the_note(org_file) -> None:
    path = org_file(DUP, name="dup.yaml")
    notes: list[str] = []
    render(load(path), "svg", RenderOptions(layout="tidy"), force=True, notes=notes)
    assert notes == [f"{path}:6:5: not drawn: 'x' (C, Designer) repeats the id of the person "
                     f"at line 5, who is drawn"]
    assert isinstance(notes[0], PlacedNote) and notes[0].where == f"{path}:6:5"
    assert note_place(notes[0], "r.svg") == (f"{path}:6:5", notes[0].text)
    assert note_place("a note on the output", "r.svg") == ("r.svg", "a note on the output")
    rendered = render_file(path, path.with_suffix(".svg"), force=True)
    assert rendered.notes == tuple(notes)
