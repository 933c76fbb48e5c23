"""`orgviz diff` pairs an unnamed opening through its manager's pairing, whatever ids the
manager had: a person and an opening swapping ids under an opening whose id changed too."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from orgviz.cli import main

OLD = """orgviz: 1
org: {name: Nest, size: small}
people:
  - {id: ceo, name: Ann Ceo, title: CEO}
  - {id: m1, name: Mo One, title: Engineering Manager, reports_to: ceo}
  - {id: a1, name: Al A, title: Engineer, reports_to: m1}
  - {id: a2, name: Bo B, title: Engineer, reports_to: m1}
  - {id: om, title: Design Manager, reports_to: ceo, vacant: true}
  - {id: oc, title: Designer, reports_to: om, vacant: true}
"""
#: Al A and the Designer opening swap ids; the Design Manager opening is om2 now.
NEW = (OLD.replace("id: a1, name: Al A", "id: oc, name: Al A")
       .replace("id: oc, title: Designer, reports_to: om,", "id: a1, title: Designer, "
                "reports_to: om2,")
       .replace("id: om, title", "id: om2, title"))


def _run(tmp_path: Path, before: str, after: str, *more: str) -> str:
    old, new = tmp_path / "old.yaml", tmp_path / "new.yaml"
    old.write_text(before, encoding="utf-8")
    new.write_text(after, encoding="utf-8")
    result = CliRunner().invoke(main, ["diff", str(old), str(new), *more])
    assert result.exit_code == 0, result.output
    return result.output.replace(f"{tmp_path}/", "")


def test_a_swap_under_an_opening_whose_id_changed_is_three_ids_changed(tmp_path: Path) -> None:
    """It was a1 -> oc, and a1 also moved, retitled and a vacancy opened (was Al A), and oc
    filled: the opening's manager, om -> om2, was paired only after the openings."""
    assert _run(tmp_path, OLD, NEW) == (
        "~ id changed      oc (Al A): a1 -> oc\n"
        "~ id changed      om2 (Open role): om -> om2, Design Manager, reports to ceo (Ann Ceo)\n"
        "~ id changed      a1 (Open role): oc -> a1, Designer, reports to om2 (Open role)\n"
        "old.yaml -> new.yaml: 3 ids changed\n")
    assert json.loads(_run(tmp_path, OLD, NEW, "--json"))["changes"] == [
        {"kind": "idchanged", "id": "oc", "name": "Al A", "old": "a1", "new": "oc",
         "field": "id"},
        {"kind": "idchanged", "id": "om2", "name": "Open role", "old": "om", "new": "om2",
         "field": "id", "title": "Design Manager", "reports_to": "ceo"},
        {"kind": "idchanged", "id": "a1", "name": "Open role", "old": "oc", "new": "a1",
         "field": "id", "title": "Designer", "reports_to": "om2"}]
    assert _run(tmp_path, NEW, OLD) == (
        "~ id changed      a1 (Al A): oc -> a1\n"
        "~ id changed      om (Open role): om2 -> om, Design Manager, reports to ceo (Ann Ceo)\n"
        "~ id changed      oc (Open role): a1 -> oc, Designer, reports to om (Open role)\n"
        "old.yaml -> new.yaml: 3 ids changed\n")
    kept = NEW.replace("id: om2,", "id: om,").replace("reports_to: om2,", "reports_to: om,")
    assert _run(tmp_path, OLD, kept) == (
        "~ id changed      oc (Al A): a1 -> oc\n"
        "~ id changed      a1 (Open role): oc -> a1, Designer, reports to om (Open role)\n"
        "old.yaml -> new.yaml: 2 ids changed\n")


def test_an_opening_of_another_title_and_manager_is_no_vacancy_left(tmp_path: Path) -> None:
    """Bo takes p3 and p1 is an open Engineer role at the top: not Bo's Product Manager
    role under p0 left open (it was Bo's id changed, and p1 also moved, retitled and a
    vacancy opened that was Bo's), but a new position at a reused id, as a named opening
    there is (it was Bo added, and p1 moved, retitled and a vacancy opened that was Bo's)."""
    head = "orgviz: 1\norg: {name: Gen, size: small}\npeople:\n"
    before = head + "  - {id: p1, title: Product Manager, name: Bo, reports_to: p0}\n"
    after = head + ("  - {id: p0, title: Engineer, name: Ann}\n"
                    "  - {id: p1, title: Engineer, vacant: true}\n"
                    "  - {id: p3, title: Engineer, name: Bo, reports_to: p0}\n")
    assert _run(tmp_path, before, after) == (
        "+ added           p0 (Ann): Engineer, a top\n"
        "~ id changed      p3 (Bo): p1 -> p3\n"
        "~ retitled        p3 (Bo): Product Manager -> Engineer\n"
        "o vacancy opened  p1 (Open role): Engineer (a new position), a top\n"
        "old.yaml -> new.yaml: 1 added, 1 id changed, 1 retitled, 1 vacancy opened\n")


def test_an_opening_kept_only_through_a_pairing_not_held_is_no_vacancy_left(
        tmp_path: Path) -> None:
    """Person 5 went from p5 under the open Engineer role p0 to p8 under the open Engineer
    role p1, and a Product Manager opening under p0 held p8 before. p0 -> p1 looked like
    one opening passed on, so the opening at p8 kept its manager and was Person 5's: but
    p0 is Person 1's now, no pairing holds p0 -> p1, and Person 5 moved. It was p5 -> p8
    with the opening at p8 filled; backwards p8 -> p5 and also p8 moved, retitled and a
    vacancy opened that was Person 5's: old p8 read twice. The opening is not theirs
    either way (as an opening of another title and manager is not, above). The open role
    at p0 ties at p0 with Person 1 who holds it now (title, manager, team and location):
    p0 is theirs, a vacancy filled, and that cuts only p0 -> p1 from the chain, so Person
    5's p5 -> p8 stands (it was Person 5 removed at p5 and filling the opening at p8)."""
    head = "orgviz: 1\norg: {name: Gen, size: small}\npeople:\n"
    before = head + ("  - {id: p0, vacant: true, title: Engineer}\n"
                     "  - {id: p5, name: Person 5, title: Engineer, reports_to: p0}\n"
                     "  - {id: p8, vacant: true, title: Product Manager, reports_to: p0}\n")
    after = head + ("  - {id: p1, vacant: true, title: Engineer}\n"
                    "  - {id: p0, name: Person 1, title: Engineer}\n"
                    "  - {id: p8, name: Person 5, title: Engineer, reports_to: p1}\n")
    assert _run(tmp_path, before, after) == (
        "- removed         p8 (Open role): Product Manager, reports to p0 (Open role)\n"
        "~ id changed      p8 (Person 5): p5 -> p8\n"
        "> moved           p8 (Person 5): p0 (Open role) -> p1 (Open role)\n"
        "o vacancy opened  p1 (Open role): Engineer (a new position), a top\n"
        "* vacancy filled  p0 (Person 1): Engineer\n"
        "old.yaml -> new.yaml: 1 removed, 1 id changed, 1 moved, 1 vacancy opened,"
        " 1 vacancy filled\n")
    assert _run(tmp_path, after, before) == (
        "- removed         p1 (Open role): Engineer, a top\n"
        "~ id changed      p5 (Person 5): p8 -> p5\n"
        "> moved           p5 (Person 5): p1 (Open role) -> p0 (Open role)\n"
        "o vacancy opened  p0 (Open role): Engineer (was Person 1), a top\n"
        "o vacancy opened  p8 (Open role): Product Manager (a new position), reports to p0"
        " (Open role)\n"
        "old.yaml -> new.yaml: 1 removed, 1 id changed, 1 moved, 2 vacancies opened\n")
