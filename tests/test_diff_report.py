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
    return result.stdout.replace(f"{tmp_path}/", "")  # (not the note on stderr)


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


#: Lee, Bo and Cy report to ghost, whom the old version lacks (a broken line); so do a
#: dotted line of Lee's and the lead of Ops; Core is led by gone, no one either.
BROKEN = HEAD.replace("people:\n", "teams:\n  - {id: t1, name: Core, lead: gone}\n"
                      "  - {id: t2, name: Ops, lead: ghost}\npeople:\n") + (
    "  - {id: sam, name: Sam, title: CEO}\n"
    "  - {id: lee, name: Lee, title: Engineer, reports_to: ghost, dotted_to: [ghost, sam]}\n"
    "  - {id: bo, name: Bo, title: Engineer, reports_to: ghost}\n"
    "  - {id: cy, name: Cy, title: Engineer, reports_to: ghost}\n")
#: Gus joins as ghost: Lee moves to Sam, Bo is removed, Cy moves to nobody, Ops goes and
#: Core is led by Gus.
MENDED = HEAD.replace("people:\n", "teams:\n  - {id: t1, name: Core, lead: ghost}\n"
                      "people:\n") + (
    "  - {id: sam, name: Sam, title: CEO}\n"
    "  - {id: ghost, name: Gus, title: CTO, reports_to: sam}\n"
    "  - {id: lee, name: Lee, title: Engineer, reports_to: sam, dotted_to: [sam]}\n"
    "  - {id: cy, name: Cy, title: Engineer, reports_to: nobody}\n")


def test_an_id_the_old_version_lacks_is_not_named_after_who_has_it_now(
        tmp_path: Path) -> None:
    """A manager (dotted line, lead) before that named no one in the old version read as
    the new version's Gus: "moved lee (Lee): ghost (Gus) -> sam (Sam)"."""
    assert _run(tmp_path, BROKEN, MENDED) == (
        "+ added           ghost (Gus): CTO, reports to sam (Sam)\n"
        "- removed         bo (Bo): Engineer, reports to ghost (not in the old version)\n"
        "! manager missing cy (Cy): reports to nobody, who is not in the new version (moved "
        "from ghost (not in the old version))\n"
        "> moved           lee (Lee): ghost (not in the old version) -> sam (Sam)\n"
        "~ other change    lee (Lee): dotted_to ghost (not in the old version), sam (Sam) -> "
        "sam (Sam)\n"
        "- team removed    t2 (Ops): led by ghost (not in the old version), a top team\n"
        "~ team changed    t1 (Core): lead gone (not in the old version) -> ghost (Gus)\n"
        "old.yaml -> new.yaml: 1 added, 1 removed, 1 manager missing, 1 moved, 1 other "
        "change, 1 team removed, 1 team changed\n")
    moved = json.loads(_run(tmp_path, BROKEN, MENDED, "--json"))["changes"][1]
    assert moved == {"kind": "moved", "id": "lee", "name": "Lee", "old": "ghost",
                     "new": "sam", "field": "reports_to", "old_missing": ["ghost"],
                     "new_name": "Sam"}


def test_an_id_the_new_version_lacks_is_not_named_after_who_had_it_before(
        tmp_path: Path) -> None:
    """An added person's manager, or an added team's lead, that names no one in the new
    version read as the old version's Gus: "added bo (Bo): ..., reports to ghost (Gus)"."""
    assert _run(tmp_path, MENDED, BROKEN) == (
        "+ added           bo (Bo): Engineer, reports to ghost (not in the new version)\n"
        "- removed         ghost (Gus): CTO, reports to sam (Sam)\n"
        "! manager missing lee (Lee): reports to ghost (Gus), who is not in the new version "
        "(moved from sam (Sam))\n"
        "! manager missing bo (Bo): reports to ghost (Gus), who is not in the new version\n"
        "! manager missing cy (Cy): reports to ghost (Gus), who is not in the new version "
        "(moved from nobody (not in the old version))\n"
        "~ other change    lee (Lee): dotted_to sam (Sam) -> ghost (not in the new version), "
        "sam (Sam)\n"
        "+ team added      t2 (Ops): led by ghost (not in the new version), a top team\n"
        "~ team changed    t1 (Core): lead ghost (Gus) -> gone (not in the new version)\n"
        "old.yaml -> new.yaml: 1 added, 1 removed, 3 managers missing, 1 other change, 1 "
        "team added, 1 team changed\n")
    changes = json.loads(_run(tmp_path, MENDED, BROKEN, "--json"))["changes"]
    assert next(c for c in changes if c["kind"] == "added") == {
        "kind": "added", "id": "bo", "name": "Bo", "title": "Engineer", "reports_to": "ghost",
        "missing": ["ghost"]}


def test_a_card_moved_from_an_id_the_old_version_lacks_names_the_id() -> None:
    """The card said "moved from Gus" (the new version's ghost)."""
    from orgviz.diff import Change
    from orgviz.diff.draw import _card_note

    moved = Change("moved", "lee", "Lee", "ghost", "sam", "reports_to", new_name="Sam",
                   old_missing=("ghost",))
    assert _card_note([moved], {"ghost": "Gus"}) == "moved from ghost"
    assert _card_note([Change("moved", "lee", "Lee", "ghost", "sam", "reports_to")],
                      {"ghost": "Gus"}) == "moved from Gus"


def test_an_unnamed_opening_is_told_by_its_flag_not_by_a_title_being_set() -> None:
    """The line said title and manager whenever a change carried either: a change of a
    named person's id given a title read as an opening's, and an untitled opening at the
    top as a person's."""
    from orgviz.diff import Change, format_text

    person = Change("idchanged", "p2", "Ann", "p1", "p2", "id", title="Engineer")
    opening = Change("idchanged", "p9", "Open role", "p3", "p9", "id", unnamed_opening=True)
    assert format_text([person, opening], "old.yaml", "new.yaml") == (
        "~ id changed      p2 (Ann): p1 -> p2\n"
        "~ id changed      p9 (Open role): p3 -> p9, (no title), a top\n"
        "old.yaml -> new.yaml: 2 ids changed\n")
    assert "unnamed_opening" not in opening.to_dict()
