"""The lines of `orgviz diff`'s report: openings without a name told apart by their
position."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from orgviz.cli import main

HEAD = "orgviz: 1\norg: {name: Gen, size: small}\npeople:\n"
#: Two openings under Ann, and one at the top.
OPENINGS = HEAD + ("  - {id: p0, name: Ann, title: Head of Product}\n"
                   "  - {id: p1, vacant: true, title: Engineer, reports_to: p0}\n"
                   "  - {id: p2, vacant: true, title: Designer, reports_to: p0}\n"
                   "  - {id: p3, vacant: true, title: Designer}\n")
#: The openings under Ann swapped ids; the one at the top is p9 now.
SWAPPED = (OPENINGS.replace("p1, vacant: true, title: Engineer", "p2, vacant: true, "
                            "title: Engineer", 1)
           .replace("p2, vacant: true, title: Designer", "p1, vacant: true, title: Designer", 1)
           .replace("id: p3,", "id: p9,"))


def _run(tmp_path: Path, before: str, after: str, *more: str) -> str:
    old, new = tmp_path / "old.yaml", tmp_path / "new.yaml"
    old.write_text(before, encoding="utf-8")
    new.write_text(after, encoding="utf-8")
    result = CliRunner().invoke(main, ["diff", str(old), str(new), *more])
    assert result.exit_code == 0, result.output
    return result.output.replace(f"{tmp_path}/", "")


def test_openings_without_names_whose_ids_changed_say_which_they_are(tmp_path: Path) -> None:
    """Both lines read "p2 (Open role): p1 -> p2" and "p1 (Open role): p2 -> p1": which of
    the two was the Engineer role is said by its title and manager now."""
    assert _run(tmp_path, OPENINGS, SWAPPED) == (
        "~ id changed      p2 (Open role): p1 -> p2, Engineer, reports to p0 (Ann)\n"
        "~ id changed      p1 (Open role): p2 -> p1, Designer, reports to p0 (Ann)\n"
        "~ id changed      p9 (Open role): p3 -> p9, Designer, a top\n"
        "old.yaml -> new.yaml: 3 ids changed\n")
    assert json.loads(_run(tmp_path, OPENINGS, SWAPPED, "--json"))["changes"][:2] == [
        {"kind": "idchanged", "id": "p2", "name": "Open role", "old": "p1", "new": "p2",
         "field": "id", "title": "Engineer", "reports_to": "p0"},
        {"kind": "idchanged", "id": "p1", "name": "Open role", "old": "p2", "new": "p1",
         "field": "id", "title": "Designer", "reports_to": "p0"}]


def test_a_named_opening_or_a_person_whose_id_changed_is_told_by_name(tmp_path: Path) -> None:
    """Their line is as it was: the name tells them apart."""
    before = OPENINGS.replace("title: Engineer,", "name: Req 7, title: Engineer,")
    after = before.replace("id: p1,", "id: p7,").replace("id: p0,", "id: p8,").replace(
        "reports_to: p0", "reports_to: p8")
    assert _run(tmp_path, before, after) == (
        "~ id changed      p8 (Ann): p0 -> p8\n"
        "~ id changed      p7 (Req 7): p1 -> p7\n"
        "old.yaml -> new.yaml: 2 ids changed\n")
