"""People handed to an Org through the API (its constructor, `org.people = ...`) get the
roles loading them from a file gives: a role from the title, `manager` for an
individual contributor's title when they have reports. They kept the role they were made
with (none, or the one of an old title): validate warned 'matches no role' for a 'VP of
Engineering' added in Python and missed a rank inversion a retitle made."""

from __future__ import annotations

import dataclasses
import shutil
from pathlib import Path

import pytest

import orgviz
from orgviz.model import Org, Person
from orgviz.problem import SourceLoc
from orgviz.roles import Role, RoleLadder

ORGS = Path(__file__).parents[1] / "orgs"


@pytest.fixture
def small(tmp_path: Path) -> Path:
    """A copy of orgs/small.yaml, to edit as YAML."""
    return Path(shutil.copy(ORGS / "small.yaml", tmp_path / "small.yaml"))


def _edited(path: Path, old: str, new: str) -> Org:
    """The org of `path` with `old` replaced by `new` in its text, loaded."""
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1
    edited = path.with_name("edited.yaml")
    edited.write_text(text.replace(old, new), encoding="utf-8")
    org = orgviz.load(edited)
    org.file = str(path)  # (compared with the unedited file's org)
    return org


def _results(org: Org) -> tuple[object, ...]:
    """What validate and stats say of an org, with the people's roles."""
    problems = [(p.line, p.col, p.level, p.rule, p.message) for p in orgviz.validate(org)]
    stats = orgviz.compute_stats(org)
    return problems, stats["by_level"], [(p.id, p.roles, p.role_source) for p in org.people]


def test_a_person_added_in_python_gets_the_role_of_their_title(small: Path) -> None:
    org = orgviz.load(small)
    org.people = [*org.people, Person(id="newvp", loc=SourceLoc(str(small), 200, 5),
                                      name="N", title="VP of Engineering",
                                      reports_to="amara-okafor")]
    assert org.by_id["newvp"].roles == ("vp-engineering",)
    assert org.by_id["newvp"].role_source == "title"
    assert not [p for p in orgviz.validate(org) if p.rule == "unknown-title"]
    assert "unknown" not in orgviz.compute_stats(org)["by_level"]
    entry = ("  - {id: newvp, name: N, title: VP of Engineering, reports_to: amara-okafor}\n")
    yaml = _edited(small, "  - id: mei-ling-chen\n",
                   f"{entry}\n  - id: mei-ling-chen\n")
    assert orgviz.compute_stats(org)["by_level"] == orgviz.compute_stats(yaml)["by_level"]


def test_a_retitled_person_gets_the_role_of_the_new_title_as_in_yaml(small: Path) -> None:
    org = orgviz.load(small)
    org.people = [dataclasses.replace(p, title="Chief Executive Officer")
                  if p.id == "mei-ling-chen" else p for p in org.people]
    assert org.by_id["mei-ling-chen"].roles == ("ceo",)
    assert [p.rule for p in orgviz.validate(org)] == ["rank-inversion"]
    yaml = _edited(small, "Mei-Ling Chen\n    title: Product Manager\n",
                   "Mei-Ling Chen\n    title: Chief Executive Officer\n")
    assert _results(org) == _results(yaml)


def test_a_title_that_names_a_manager_with_reports_gives_manager(small: Path) -> None:
    org = orgviz.load(small)
    mei = org.by_id["mei-ling-chen"]
    org.people = [*(dataclasses.replace(p, title="Account Manager") if p is mei else p
                    for p in org.people),
                  Person(id="rep", loc=SourceLoc(str(small), 200, 5), name="R",
                         title="Account Executive", reports_to="mei-ling-chen")]
    assert org.by_id["mei-ling-chen"].roles == ("manager",)
    org.people = [p for p in org.people if p.id != "rep"]  # (no report: the title's role)
    assert org.by_id["mei-ling-chen"].roles != ("manager",)
    assert org.by_id["mei-ling-chen"].role_source == "title"


def test_roles_given_without_a_source_are_explicit(small: Path) -> None:
    org = orgviz.load(small)
    org.people = [*org.people, Person(id="x", loc=SourceLoc("s", 1, 1), name="X",
                                      title="VP of Engineering", roles=("ic",),
                                      reports_to="amara-okafor")]
    assert org.by_id["x"].roles == ("ic",)
    assert org.by_id["x"].role_source == "explicit"


def test_an_org_built_in_python_infers_with_its_own_ladder() -> None:
    ladder = RoleLadder.build([Role("wizard", "Wizard", "vp", ("Archmage",))])
    org = Org(file="o", name="O", ladder=ladder,
              people=[Person(id="a", loc=SourceLoc("o", 1, 1), name="A", title="Archmage")])
    assert org.people[0].roles == ("wizard",)
    org.ladder = RoleLadder.build()  # (the title names no role of the built-in ladder)
    assert (org.people[0].roles, org.people[0].role_source) == ((), "none")


@pytest.mark.parametrize("name", ["small.yaml", "mid-size.yaml", "enterprise.yaml"])
def test_handing_a_loaded_orgs_people_to_an_org_changes_no_role(name: str) -> None:
    org = orgviz.load(ORGS / name)
    again = dataclasses.replace(org)
    assert again.people is org.people  # (nothing to change: the very tuple)
    org.people = list(org.people)
    assert org.people == again.people


def _no_inference(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make `roles_from_titles` and the people check fail: the path under test uses neither."""
    import orgviz.model as model

    def refused(people: tuple[Person, ...], *_args: object) -> tuple[Person, ...]:
        if people:  # (an Org made without people has none to check)
            raise AssertionError("checked or inferred again")
        return people

    monkeypatch.setattr(model, "roles_from_titles", refused)
    monkeypatch.setattr(model, "checked_people", refused)


def test_an_org_cut_to_a_subtree_keeps_its_people_s_roles_without_inferring_them_again(
        monkeypatch: pytest.MonkeyPatch) -> None:
    from orgviz.io.export import subtree

    org = orgviz.load(str(ORGS / "mid-size.yaml"))
    root = org.people[1].id
    _no_inference(monkeypatch)
    cut = subtree(org, root)
    assert cut.by_id[root].reports_to is None
    assert all(p.roles == org.by_id[p.id].roles for p in cut.people)
    assert len(cut.people) < len(org.people)


def test_org_derived_is_replace_without_checking_or_inferring(
        monkeypatch: pytest.MonkeyPatch) -> None:
    org = orgviz.load(str(ORGS / "small.yaml"))
    moved = tuple(dataclasses.replace(p, loc=SourceLoc("x.yaml", p.loc.line + 1, 1))
                  for p in org.people)
    _no_inference(monkeypatch)
    derived = org.derived(people=moved, name="moved")
    assert derived.people == moved and derived.name == "moved"
    assert (derived.file, derived.teams, derived.ladder) == (org.file, org.teams, org.ladder)
    org.set_derived_people(moved)
    assert org.people == moved and org.by_id[moved[0].id].loc.line == moved[0].loc.line
