"""`orgviz diff` on ids that stay in use but change hands: two people swapping ids, ids
passed along a chain or a cycle, against renames (the same id, a new name)."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from orgviz.cli import main
from orgviz.diff import Change, changes_chart, diff_orgs
from orgviz.loader import load
from orgviz.render.themes import get_theme

#: Two managers under two VPs, two reports each (QA's d2/old.yaml).
OLD = """\
orgviz: 1
org: {name: Acme, size: small}
people:
  - {id: ceo, name: Ann Ceo, title: Chief Executive Officer}
  - {id: vp1, name: Val One, title: VP of Engineering, reports_to: ceo}
  - {id: vp2, name: Vic Two, title: VP of Engineering, reports_to: ceo}
  - {id: m1, name: Mo One, title: Engineering Manager, reports_to: vp1}
  - {id: m2, name: Mia Two, title: Engineering Manager, reports_to: vp2}
  - {id: a1, name: Al A, title: Software Engineer, reports_to: m1}
  - {id: a2, name: Bo B, title: Software Engineer, reports_to: m1}
  - {id: b1, name: Cy C, title: Software Engineer, reports_to: m2}
  - {id: b2, name: Di D, title: Software Engineer, reports_to: m2}
"""


def _swap(text: str, a: str, b: str) -> str:
    """`text` with the ids `a` and `b` exchanged, as people's ids and as managers."""
    for key in ("id: ", "reports_to: "):
        text = (text.replace(f"{key}{a},", "\0,").replace(f"{key}{a}}}", "\0}")
                .replace(f"{key}{b},", f"{key}{a},").replace(f"{key}{b}}}", f"{key}{a}}}")
                .replace("\0", f"{key}{b}"))
    return text


#: Mo One now has the id m2 and Mia Two m1; every report follows their person.
ID_SWAP = _swap(OLD, "m1", "m2")


def _run(tmp_path: Path, before: str, after: str, *args: str) -> str:
    old, new = tmp_path / "old.yaml", tmp_path / "new.yaml"
    old.write_text(before, encoding="utf-8")
    new.write_text(after, encoding="utf-8")
    result = CliRunner().invoke(main, ["diff", str(old), str(new), *args])
    assert result.exit_code == 0, result.output
    return result.output.replace(f"{tmp_path}/", "")


def _changes(before: str, after: str) -> list[Change]:
    with tempfile.TemporaryDirectory() as folder:
        old, new = Path(folder, "old.yaml"), Path(folder, "new.yaml")
        old.write_text(before, encoding="utf-8")
        new.write_text(after, encoding="utf-8")
        return diff_orgs(load(old), load(new))


def test_two_people_swapping_ids_are_two_ids_changed(tmp_path: Path) -> None:
    """They were "6 moved, 2 renamed": a kept id was only ever matched to itself."""
    assert _run(tmp_path, OLD, ID_SWAP) == (
        "~ id changed      m2 (Mo One): m1 -> m2\n"
        "~ id changed      m1 (Mia Two): m2 -> m1\n"
        "old.yaml -> new.yaml: 2 ids changed\n")
    assert [c.to_dict() for c in _changes(OLD, ID_SWAP)] == [
        {"kind": "idchanged", "id": "m2", "name": "Mo One", "old": "m1", "new": "m2",
         "field": "id"},
        {"kind": "idchanged", "id": "m1", "name": "Mia Two", "old": "m2", "new": "m1",
         "field": "id"}]


def test_a_swap_with_a_real_move_names_the_old_manager_as_he_was(tmp_path: Path) -> None:
    """Al stays at m1, which is Mia's id now: he moved, from Mo (m1 then) to Mia."""
    after = ID_SWAP.replace("{id: a1, name: Al A, title: Software Engineer, reports_to: m2}",
                            "{id: a1, name: Al A, title: Software Engineer, reports_to: m1}")
    assert _run(tmp_path, OLD, after) == (
        "~ id changed      m2 (Mo One): m1 -> m2\n"
        "~ id changed      m1 (Mia Two): m2 -> m1\n"
        "> moved           a1 (Al A): m1 (Mo One) -> m1 (Mia Two)\n"
        "old.yaml -> new.yaml: 2 ids changed, 1 moved\n")
    old, new = tmp_path / "old.yaml", tmp_path / "new.yaml"
    chart = changes_chart(load(new), diff_orgs(load(old), load(new)), "old.yaml",
                          get_theme("light", None), load(old))
    assert {card.id: card.team for card in chart.cards if card.color} == {
        "m2": "id was m1", "m1": "id was m2", "a1": "moved from Mo One"}


def test_a_report_left_at_the_old_id_of_a_manager_is_missing_a_manager_not_moved(
        tmp_path: Path) -> None:
    """Mo's id changed; Bo still reports to m1, which is nobody now."""
    after = (OLD.replace("id: m1,", "id: mm1,")
             .replace("{id: a1, name: Al A, title: Software Engineer, reports_to: m1}",
                      "{id: a1, name: Al A, title: Software Engineer, reports_to: mm1}"))
    old, new = tmp_path / "old.yaml", tmp_path / "new.yaml"
    old.write_text(OLD, encoding="utf-8")
    new.write_text(after, encoding="utf-8")
    result = CliRunner().invoke(main, ["diff", str(old), str(new)])
    assert result.stdout.replace(f"{tmp_path}/", "") == (
        "~ id changed      mm1 (Mo One): m1 -> mm1\n"
        "! manager missing a2 (Bo B): reports to m1 (Mo One), who is not in the new version\n"
        "old.yaml -> new.yaml: 1 id changed, 1 manager missing\n")


def test_a_rename_keeps_its_id(tmp_path: Path) -> None:
    after = OLD.replace("name: Mo One", "name: Mo Jones")
    assert _run(tmp_path, OLD, after) == (
        "~ renamed         m1 (Mo Jones): Mo One -> Mo Jones\n"
        "old.yaml -> new.yaml: 1 renamed\n")


def test_names_exchanged_where_the_ids_kept_manager_and_reports_are_renames(
        tmp_path: Path) -> None:
    """Mo One's name is at m2 now, but m2 kept its manager and reports: more of m2 stayed
    than the name took, so each id keeps its person, renamed."""
    after = (OLD.replace("name: Mo One", "name: @").replace("name: Mia Two", "name: Mo One")
             .replace("name: @", "name: Mia Two"))
    assert _run(tmp_path, OLD, after) == (
        "~ renamed         m1 (Mia Two): Mo One -> Mia Two\n"
        "~ renamed         m2 (Mo One): Mia Two -> Mo One\n"
        "old.yaml -> new.yaml: 2 renamed\n")


def test_ids_passed_along_a_chain_or_a_cycle(tmp_path: Path) -> None:
    """Mo takes Mia's id, who takes a new one (m1 is gone): two ids changed, nobody moved.
    Three engineers whose ids went round: three ids changed."""
    chain = (OLD.replace("m2", "m3").replace("id: m1,", "id: m2,")
             .replace("reports_to: m1}", "reports_to: m2}"))
    assert _run(tmp_path, OLD, chain) == (
        "~ id changed      m2 (Mo One): m1 -> m2\n"
        "~ id changed      m3 (Mia Two): m2 -> m3\n"
        "old.yaml -> new.yaml: 2 ids changed\n")
    cycle = (OLD.replace("id: a1, name: Al", "id: a2, name: Al")
             .replace("id: a2, name: Bo", "id: b1, name: Bo")
             .replace("id: b1, name: Cy", "id: a1, name: Cy"))
    assert _run(tmp_path, OLD, cycle) == (
        "~ id changed      a2 (Al A): a1 -> a2\n"
        "~ id changed      b1 (Bo B): a2 -> b1\n"
        "~ id changed      a1 (Cy C): b1 -> a1\n"
        "old.yaml -> new.yaml: 3 ids changed\n")


def test_a_namesake_who_keeps_id_and_name_leaves_the_name_to_a_cycle(tmp_path: Path) -> None:
    """Three engineers whose ids went round, one of them Bo B, and another Bo B who keeps
    b2 (Di's id there, renamed here): the name was shared, so Bo's link a2 -> b1 was
    missing and the rest, a chain from b1 to a2, both ids in both versions, was dropped:
    three renames and moves, no id changed. A person at the same id with the same name in both
    versions is no other Bo B (as for someone removed and added, whose ids only one version
    has): three ids changed, Bo B at b2 kept."""
    namesake = OLD.replace("id: b2, name: Di D", "id: b2, name: Bo B")
    cycle = (namesake.replace("id: a1, name: Al", "id: a2, name: Al")
             .replace("id: a2, name: Bo", "id: b1, name: Bo")
             .replace("id: b1, name: Cy", "id: a1, name: Cy"))
    assert _run(tmp_path, namesake, cycle) == (
        "~ id changed      a2 (Al A): a1 -> a2\n"
        "~ id changed      b1 (Bo B): a2 -> b1\n"
        "~ id changed      a1 (Cy C): b1 -> a1\n"
        "old.yaml -> new.yaml: 3 ids changed\n")
    assert _run(tmp_path, cycle, namesake) == (
        "~ id changed      a1 (Al A): a2 -> a1\n"
        "~ id changed      a2 (Bo B): b1 -> a2\n"
        "~ id changed      b1 (Cy C): a1 -> b1\n"
        "old.yaml -> new.yaml: 3 ids changed\n")


def test_a_chain_that_leaves_someone_without_a_counterpart_is_not_taken(
        tmp_path: Path) -> None:
    """Mo takes Mia's id and Mia is gone, while m1 stays, now someone else's: no chain from
    a removed id to an added one, so each id keeps its person (m2 renamed, m1 too)."""
    after = (OLD.replace("{id: m2, name: Mia Two", "{id: m2, name: Mo Two")
             .replace("{id: m1, name: Mo One", "{id: m1, name: Ed New")
             .replace("name: Mo Two", "name: Mo One"))
    assert _run(tmp_path, OLD, after) == (
        "~ renamed         m1 (Ed New): Mo One -> Ed New\n"
        "~ renamed         m2 (Mo One): Mia Two -> Mo One\n"
        "old.yaml -> new.yaml: 2 renamed\n")


def test_managers_swapping_ids_keep_their_reports_whose_lines_followed(
        tmp_path: Path) -> None:
    after = _swap(OLD, "vp1", "vp2")
    assert _run(tmp_path, OLD, after) == (
        "~ id changed      vp2 (Val One): vp1 -> vp2\n"
        "~ id changed      vp1 (Vic Two): vp2 -> vp1\n"
        "old.yaml -> new.yaml: 2 ids changed\n")


@st.composite
def _orgs(draw: st.DrawFn) -> tuple[list[int | None], list[str], list[int]]:
    """Managers (by index; None for the top), titles and a permutation of 1-14 people."""
    size = draw(st.integers(1, 14))
    managers: list[int | None] = [None] + [draw(st.integers(0, i - 1)) for i in range(1, size)]
    titles = [draw(st.sampled_from(("Engineer", "Designer", "Engineering Manager")))
              for _ in range(size)]
    return managers, titles, draw(st.permutations(range(size)))


def _text(managers: list[int | None], titles: list[str], ids: list[str],
          names: list[str]) -> str:
    lines = ["orgviz: 1", "org: {name: Gen, size: small}", "people:"]
    for i, (boss, title) in enumerate(zip(managers, titles, strict=True)):
        above = f", reports_to: {ids[boss]}" if boss is not None else ""
        lines.append(f"  - {{id: {ids[i]}, name: {names[i]}, title: {title}{above}}}")
    return "\n".join(lines) + "\n"


@settings(max_examples=80, deadline=None)
@given(_orgs())
def test_ids_shuffled_among_people_are_only_ids_changed(org: tuple) -> None:
    managers, titles, order = org
    ids = [f"p{i}" for i in range(len(managers))]
    names = [f"Person {i}" for i in range(len(managers))]
    shuffled = [ids[j] for j in order]
    changes = _changes(_text(managers, titles, ids, names),
                       _text(managers, titles, shuffled, names))
    assert [(c.kind, c.old, c.new) for c in changes] == [
        ("idchanged", ids[i], shuffled[i]) for i in range(len(ids)) if ids[i] != shuffled[i]]


@settings(max_examples=60, deadline=None)
@given(_orgs(), st.data())
def test_one_person_renamed_is_one_rename(org: tuple, data: st.DataObject) -> None:
    managers, titles, _order = org
    ids = [f"p{i}" for i in range(len(managers))]
    names = [f"Person {i}" for i in range(len(managers))]
    who = data.draw(st.integers(0, len(managers) - 1))
    renamed = [f"Person {len(managers)}" if i == who else n for i, n in enumerate(names)]
    changes = _changes(_text(managers, titles, ids, names), _text(managers, titles, ids,
                                                                  renamed))
    assert [(c.kind, c.id, c.old, c.new) for c in changes] == [
        ("renamed", ids[who], names[who], renamed[who])]


def _open_text(managers: list[int | None], titles: list[str], ids: list[str],
               names: list[str | None]) -> str:
    """`_text` with an unnamed open role wherever `names` has None."""
    lines = ["orgviz: 1", "org: {name: Gen, size: small}", "people:"]
    for i, (boss, title) in enumerate(zip(managers, titles, strict=True)):
        above = f", reports_to: {ids[boss]}" if boss is not None else ""
        who = f"name: {names[i]}" if names[i] else "vacant: true"
        lines.append(f"  - {{id: {ids[i]}, {who}, title: {title}{above}}}")
    return "\n".join(lines) + "\n"


@settings(max_examples=80, deadline=None)
@given(_orgs(), st.data())
def test_ids_shuffled_among_people_and_open_roles_are_only_ids_changed(
        org: tuple, data: st.DataObject) -> None:
    """Unnamed open roles (each of a title of its own) whose ids go round with the people's:
    each is matched by its title and manager, a link of the chain or cycle like a name."""
    managers, titles, order = org
    size = len(managers)
    ids = [f"p{i}" for i in range(size)]
    open_roles = data.draw(st.sets(st.integers(0, size - 1)))
    names = [None if i in open_roles else f"Person {i}" for i in range(size)]
    titles = [f"Opening {i}" if i in open_roles else t for i, t in enumerate(titles)]
    shuffled = [ids[j] for j in order]
    changes = _changes(_open_text(managers, titles, ids, names),
                       _open_text(managers, titles, shuffled, names))
    assert [(c.kind, c.old, c.new) for c in changes] == [
        ("idchanged", ids[i], shuffled[i]) for i in range(size) if ids[i] != shuffled[i]]


#: OLD with an open Designer role under Val (an unnamed opening: no name to match it by).
WITH_OPENING = OLD.replace(
    "  - {id: a1,", "  - {id: o1, title: Designer, vacant: true, reports_to: vp1}\n  - {id: a1,")


def test_an_opening_that_takes_an_id_left_is_a_link_of_the_chain(tmp_path: Path) -> None:
    """Mo takes a new id, m9, and the open Designer role takes Mo's, m1: two ids changed
    (it was Mo added, the opening removed, m1 a vacancy opened and retitled, and Mo's
    reports moved from Mo One to Mo One)."""
    after = (WITH_OPENING.replace("id: m1,", "id: m9,").replace("reports_to: m1}",
                                                                "reports_to: m9}")
             .replace("id: o1,", "id: m1,"))
    assert _run(tmp_path, WITH_OPENING, after) == (
        "~ id changed      m9 (Mo One): m1 -> m9\n"
        "~ id changed      m1 (Open role): o1 -> m1, Designer, reports to vp1 (Val One)\n"
        "old.yaml -> new.yaml: 2 ids changed\n")
    assert [c.to_dict() for c in _changes(WITH_OPENING, after)][1] == {
        "kind": "idchanged", "id": "m1", "name": "Open role", "old": "o1", "new": "m1",
        "field": "id", "title": "Designer", "reports_to": "vp1"}


def test_a_person_and_an_opening_swapping_ids_or_going_round_a_cycle(tmp_path: Path) -> None:
    """The opening is matched by its title and manager, as a person by their name."""
    swap = _swap(WITH_OPENING, "m1", "o1")
    assert _run(tmp_path, WITH_OPENING, swap) == (
        "~ id changed      o1 (Mo One): m1 -> o1\n"
        "~ id changed      m1 (Open role): o1 -> m1, Designer, reports to vp1 (Val One)\n"
        "old.yaml -> new.yaml: 2 ids changed\n")
    cycle = (WITH_OPENING.replace("id: a1, name: Al", "id: o1, name: Al")
             .replace("id: o1, title: Designer", "id: b1, title: Designer")
             .replace("id: b1, name: Cy", "id: a1, name: Cy"))
    assert _run(tmp_path, WITH_OPENING, cycle) == (
        "~ id changed      b1 (Open role): o1 -> b1, Designer, reports to vp1 (Val One)\n"
        "~ id changed      o1 (Al A): a1 -> o1\n"
        "~ id changed      a1 (Cy C): b1 -> a1\n"
        "old.yaml -> new.yaml: 3 ids changed\n")


def test_an_id_left_open_by_someone_whose_id_changed(tmp_path: Path) -> None:
    """Mo takes a new id, m9, and m1 is an open Engineering Manager role now: Mo's id
    changed and m1 is a vacancy opened that was Mo's, whoever reports where (it was Mo
    added, and those who followed Mo "moved" from Mo One to Mo One). Those who still report
    to m1 stayed with the position: not moved."""
    opening = "  - {id: m1, title: Engineering Manager, vacant: true, reports_to: vp1}\n"
    followed = (OLD.replace("id: m1,", "id: m9,").replace("reports_to: m1}", "reports_to: m9}")
                + opening)
    said = ("~ id changed      m9 (Mo One): m1 -> m9\n"
            "o vacancy opened  m1 (Open role): Engineering Manager (was Mo One), reports to "
            "vp1 (Val One)\n"
            "old.yaml -> new.yaml: 1 id changed, 1 vacancy opened\n")
    assert _run(tmp_path, OLD, followed) == said
    stayed = OLD.replace("id: m1,", "id: m9,") + opening
    assert _run(tmp_path, OLD, stayed) == said
    old, new = tmp_path / "old.yaml", tmp_path / "new.yaml"
    chart = changes_chart(load(new), diff_orgs(load(old), load(new)), "old.yaml",
                          get_theme("light", None), load(old))
    assert {card.id: card.team for card in chart.cards if card.color} == {
        "m9": "id was m1", "m1": "vacancy opened, was Mo One"}
    # Mo under a new id with nothing but the name to show for it: no id change.
    elsewhere = (OLD.replace("{id: m1, name: Mo One, title: Engineering Manager, "
                             "reports_to: vp1}",
                             "{id: m9, name: Mo One, title: Designer, reports_to: vp2}")
                 + opening)
    assert _run(tmp_path, OLD, elsewhere) == (
        "+ added           m9 (Mo One): Designer, reports to vp2 (Vic Two)\n"
        "o vacancy opened  m1 (Open role): Engineering Manager (was Mo One), reports to "
        "vp1 (Val One)\n"
        "old.yaml -> new.yaml: 1 added, 1 vacancy opened\n")


def test_someone_who_took_the_id_of_an_opening_filled_it(tmp_path: Path) -> None:
    """Mo leaves m1 for the id of the open Engineering Manager role under Vic, m3, with his
    reports: his id changed and that vacancy is filled (it was Mo removed, m3 filled by Mo
    One and his reports moved from Mo One to Mo One)."""
    before = OLD.replace("  - {id: a1,", "  - {id: m3, title: Engineering Manager, "
                                         "vacant: true, reports_to: vp2}\n  - {id: a1,")
    after = (OLD.replace("id: m1, name: Mo One, title: Engineering Manager, reports_to: vp1",
                         "id: m3, name: Mo One, title: Engineering Manager, reports_to: vp2")
             .replace("reports_to: m1}", "reports_to: m3}"))
    assert _run(tmp_path, before, after) == (
        "~ id changed      m3 (Mo One): m1 -> m3\n"
        "> moved           m3 (Mo One): vp1 (Val One) -> vp2 (Vic Two)\n"
        "* vacancy filled  m3 (Mo One): Engineering Manager\n"
        "old.yaml -> new.yaml: 1 id changed, 1 moved, 1 vacancy filled\n")
    old, new = tmp_path / "old.yaml", tmp_path / "new.yaml"
    chart = changes_chart(load(new), diff_orgs(load(old), load(new)), "old.yaml",
                          get_theme("light", None), load(old))
    assert {card.id: card.team for card in chart.cards if card.color} == {
        "m3": "vacancy filled · moved · new id"}


def _ids_round(text: str, ids: dict[str, str]) -> str:
    """`text` with each person's id (not their manager's) as `ids` has it now."""
    for was, now in ids.items():
        text = text.replace(f"{{id: {was}, ", f"{{id: \0{now}, ")
    return text.replace("\0", "")


def test_namesakes_of_other_titles_are_told_apart_round_a_cycle(tmp_path: Path) -> None:
    """Four engineers whose ids went round, two of them Bo B, a Software and a QA Engineer:
    the name was shared, so neither Bo's link was made and the cycle fell apart into
    chains between ids both versions hold, dropped (renames and moves). Bo B the QA
    Engineer is Bo B the QA Engineer: four ids changed, nothing else."""
    before = OLD.replace("{id: b2, name: Di D, title: Software Engineer",
                         "{id: b2, name: Bo B, title: QA Engineer")
    after = _ids_round(before, {"a1": "a2", "a2": "b1", "b1": "b2", "b2": "a1"})
    assert _run(tmp_path, before, after) == (
        "~ id changed      a2 (Al A): a1 -> a2\n"
        "~ id changed      b1 (Bo B): a2 -> b1\n"
        "~ id changed      b2 (Cy C): b1 -> b2\n"
        "~ id changed      a1 (Bo B): b2 -> a1\n"
        "old.yaml -> new.yaml: 4 ids changed\n")


def test_namesakes_of_one_title_and_team_are_told_apart_by_their_managers(
        tmp_path: Path) -> None:
    """Two Bo B Software Engineers, one under Mo and one under Mia, whose ids went round
    with Cy's and Di's: each is still under their manager, which tells them apart."""
    before = OLD.replace("{id: a1, name: Al A", "{id: a1, name: Bo B").replace(
        "{id: b1, name: Cy C, title: Software Engineer, reports_to: m2}",
        "{id: b1, name: Cy C, title: Software Engineer, reports_to: m1}").replace(
        "{id: a2, name: Bo B, title: Software Engineer, reports_to: m1}",
        "{id: a2, name: Bo B, title: Software Engineer, reports_to: m2}")
    after = _ids_round(before, {"a1": "b1", "b1": "a2", "a2": "b2", "b2": "a1"})
    assert _run(tmp_path, before, after) == (
        "~ id changed      b1 (Bo B): a1 -> b1\n"
        "~ id changed      b2 (Bo B): a2 -> b2\n"
        "~ id changed      a2 (Cy C): b1 -> a2\n"
        "~ id changed      a1 (Di D): b2 -> a1\n"
        "old.yaml -> new.yaml: 4 ids changed\n")


def test_namesakes_nothing_tells_apart_are_not_paired(tmp_path: Path) -> None:
    """The same, both Bo Bs under Mo: nothing tells which went to b1 and which to b2, so
    neither is paired; Cy's and Di's ids changed all the same (the Bos' ends of their
    chains: the ids went round), and the two Bos at a1 and a2 are removed, the two at b1
    and b2 added (not a1 and a2 renamed, Cy and Di's ids kept and renamed)."""
    before = OLD.replace("{id: a1, name: Al A", "{id: a1, name: Bo B")
    after = _ids_round(before, {"a1": "b1", "b1": "a2", "a2": "b2", "b2": "a1"})
    assert _run(tmp_path, before, after) == (
        "+ added           b1 (Bo B): Software Engineer, reports to m1 (Mo One)\n"
        "+ added           b2 (Bo B): Software Engineer, reports to m1 (Mo One)\n"
        "- removed         a1 (Bo B): Software Engineer, reports to m1 (Mo One)\n"
        "- removed         a2 (Bo B): Software Engineer, reports to m1 (Mo One)\n"
        "~ id changed      a2 (Cy C): b1 -> a2\n"
        "~ id changed      a1 (Di D): b2 -> a1\n"
        "old.yaml -> new.yaml: 2 added, 2 removed, 2 ids changed\n")


#: Two Bo Lees, an Engineering Manager in Core under Ann and a Design Manager in Design
#: under Dee, each with a report.
BO_LEES = """\
orgviz: 1
org: {name: Acme, size: small}
teams:
  - {id: core, name: Core}
  - {id: design, name: Design}
people:
  - {id: ann, name: Ann, title: CTO}
  - {id: dee, name: Dee, title: VP Design}
  - {id: bo1, name: Bo Lee, title: Engineering Manager, reports_to: ann, team: core}
  - {id: bo2, name: Bo Lee, title: Design Manager, reports_to: dee, team: design}
  - {id: cy, name: Cy, title: Engineer, reports_to: bo1, team: core}
  - {id: di, name: Di, title: Designer, reports_to: bo2, team: design}
"""


def test_namesakes_swapping_ids_together_with_their_teams_are_ids_changed_and_re_teamed(
        tmp_path: Path) -> None:
    """The Bo Lees swap ids, each id keeping its team: the Engineering Manager, still under
    Ann with Cy, is at bo2 in Design; the Design Manager at bo1 in Core. Each id kept its
    name and team, which held it as one person (moved, retitled, its report moved: six
    changes); the title, manager and report went with the person: two ids changed and two
    re-teamed. Both renumbered, told apart by title now their teams are not, they were
    two added, two removed and their reports moved."""
    after = (_swap(BO_LEES, "bo1", "bo2")
             .replace("reports_to: ann, team: core}", "reports_to: ann, team: @}")
             .replace("reports_to: dee, team: design}", "reports_to: dee, team: core}")
             .replace("team: @}", "team: design}"))
    assert "{id: bo2, name: Bo Lee, title: Engineering Manager, reports_to: ann, team: design}" \
        in after
    assert _run(tmp_path, BO_LEES, after) == (
        "~ id changed      bo2 (Bo Lee): bo1 -> bo2\n"
        "~ id changed      bo1 (Bo Lee): bo2 -> bo1\n"
        "~ re-teamed       bo2 (Bo Lee): core (Core) -> design (Design)\n"
        "~ re-teamed       bo1 (Bo Lee): design (Design) -> core (Core)\n"
        "old.yaml -> new.yaml: 2 ids changed, 2 re-teamed\n")
    assert json.loads(_run(tmp_path, BO_LEES, after, "--json"))["changes"] == [
        {"kind": "idchanged", "id": "bo2", "name": "Bo Lee", "old": "bo1", "new": "bo2",
         "field": "id"},
        {"kind": "reteamed", "id": "bo2", "name": "Bo Lee", "old": "core", "new": "design",
         "field": "team", "old_name": "Core", "new_name": "Design"},
        {"kind": "idchanged", "id": "bo1", "name": "Bo Lee", "old": "bo2", "new": "bo1",
         "field": "id"},
        {"kind": "reteamed", "id": "bo1", "name": "Bo Lee", "old": "design", "new": "core",
         "field": "team", "old_name": "Design", "new_name": "Core"}]
    renumbered = after.replace("bo1", "x1").replace("bo2", "x2")
    assert _run(tmp_path, BO_LEES, renumbered) == (
        "~ id changed      x2 (Bo Lee): bo1 -> x2\n"
        "~ id changed      x1 (Bo Lee): bo2 -> x1\n"
        "~ re-teamed       x2 (Bo Lee): core (Core) -> design (Design)\n"
        "~ re-teamed       x1 (Bo Lee): design (Design) -> core (Core)\n"
        "old.yaml -> new.yaml: 2 ids changed, 2 re-teamed\n")


#: Two chiefs whose roles are given, each the role their title names.
CHIEFS = """\
orgviz: 1
org: {name: Acme, size: small}
people:
  - {id: ceo, name: Ann Ceo, title: Chief Executive Officer, role: ceo}
  - {id: m1, name: Mo One, title: Chief Technology Officer, role: cto, reports_to: ceo}
  - {id: m2, name: Mia Two, title: Chief Financial Officer, role: cfo, reports_to: ceo}
  - {id: a1, name: Al A, title: Software Engineer, reports_to: m1}
  - {id: b1, name: Cy C, title: Accountant, reports_to: m2}
"""


def test_a_roles_change_that_only_follows_the_retitle_is_said_once(tmp_path: Path) -> None:
    """Mo and Mia swap ids and are retitled, each role given as the new title names it: a
    "roles cto -> coo" line under "retitled" said it again. A given role other than the
    title's (a CRO who is `cto`), or roles changed under the same title, is still said."""
    after = (_swap(CHIEFS, "m1", "m2")
             .replace("Chief Technology Officer, role: cto", "Chief Operating Officer, role: coo")
             .replace("Chief Financial Officer, role: cfo", "Chief Revenue Officer, role: cro"))
    assert _run(tmp_path, CHIEFS, after) == (
        "~ id changed      m2 (Mo One): m1 -> m2\n"
        "~ id changed      m1 (Mia Two): m2 -> m1\n"
        "~ retitled        m2 (Mo One): Chief Technology Officer -> Chief Operating Officer\n"
        "~ retitled        m1 (Mia Two): Chief Financial Officer -> Chief Revenue Officer\n"
        "old.yaml -> new.yaml: 2 ids changed, 2 retitled\n")
    inferred = after.replace(", role: coo", "").replace(", role: cro", "")
    assert _run(tmp_path, CHIEFS, inferred) == _run(tmp_path, CHIEFS, after)
    beyond = after.replace("role: cro", "role: cto").replace(
        "{id: a1, name: Al A, title: Software Engineer,",
        "{id: a1, name: Al A, title: Software Engineer, role: manager,")
    assert [(c.kind, c.id, c.field, c.old, c.new) for c in _changes(CHIEFS, beyond)
            if c.kind in ("retitled", "changed")] == [
        ("retitled", "m2", "title", "Chief Technology Officer", "Chief Operating Officer"),
        ("retitled", "m1", "title", "Chief Financial Officer", "Chief Revenue Officer"),
        ("changed", "m1", "roles", ("cfo",), ("cto",)),
        ("changed", "a1", "roles", ("engineer",), ("manager",))]
