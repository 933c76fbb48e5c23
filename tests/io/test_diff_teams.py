"""`orgviz diff` on the declared teams: added, removed, renamed, id changed, lead changed."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from orgviz.cli import main
from orgviz.diff import TEAM_KINDS, changes_chart, diff_orgs
from orgviz.loader import load
from orgviz.render.themes import get_theme

PEOPLE = """\
people:
  - {id: ceo, name: Ada Obi, title: CEO, team: ops}
  - {id: cto, name: Bo Chen, title: CTO, reports_to: ceo, team: eng}
  - {id: em, name: Di Eze, title: Engineering Manager, reports_to: cto, team: eng}
  - {id: ed, name: Ed Fox, title: Software Engineer, reports_to: em, team: eng}
  - {id: cpo, name: Cy Day, title: CPO, reports_to: ceo, team: prod}
  - {id: gus, name: Gus Ho, title: Product Manager, reports_to: cpo, team: prod}
"""
BEFORE = """\
orgviz: 1
org: {name: Acme}
teams:
  - {id: ops, name: Operations, lead: ceo}
  - {id: eng, name: Engineering, lead: cto}
  - {id: prod, name: Product, lead: cpo, color: "#F58518"}
""" + PEOPLE


def _changes(tmp_path: Path, after: str, before: str = BEFORE) -> list[dict[str, object]]:
    old, new = tmp_path / "old.yaml", tmp_path / "new.yaml"
    old.write_text(before, encoding="utf-8")
    new.write_text(after, encoding="utf-8")
    return [c.to_dict() for c in diff_orgs(load(old), load(new))]


def test_a_renamed_team_is_one_change_and_nobody_is_reteamed(tmp_path: Path) -> None:
    after = BEFORE.replace("name: Engineering", "name: Platform Engineering")
    assert _changes(tmp_path, after) == [
        {"kind": "team-renamed", "id": "eng", "name": "Platform Engineering",
         "field": "name", "old": "Engineering", "new": "Platform Engineering"}]
    result = CliRunner().invoke(main, ["diff", str(tmp_path / "old.yaml"),
                                       str(tmp_path / "new.yaml"), "--json"])
    assert result.exit_code == 0
    assert json.loads(result.output)["summary"]["team-renamed"] == 1


def test_a_team_id_changed_keeps_its_people(tmp_path: Path) -> None:
    """Its people follow the new id: not one re-teamed change per member."""
    after = BEFORE.replace("id: prod,", "id: product,").replace("team: prod}",
                                                                 "team: product}")
    assert _changes(tmp_path, after) == [
        {"kind": "team-idchanged", "id": "product", "name": "Product", "field": "id",
         "old": "prod", "new": "product"}]
    # A member who moves to another team is re-teamed from the team's old id.
    moved = after.replace("team: product}\n", "team: eng}\n", 1)
    assert [(c["kind"], c.get("old")) for c in _changes(tmp_path, moved)] == [
        ("reteamed", "prod"), ("team-idchanged", "prod")]


def test_two_teams_of_one_name_are_never_guessed_but_by_their_people(tmp_path: Path) -> None:
    """Two teams named Product both change their id: the one whose people followed it is
    told by them, and the other is then the only Product left; without people to tell
    them apart, neither is guessed."""
    before = BEFORE.replace("  - {id: prod,", "  - {id: prod2, name: Product}\n  - {id: prod,")
    after = before.replace("id: prod,", "id: product,").replace("id: prod2,", "id: product2,")
    assert _changes(tmp_path, after.replace("team: prod}", "team: product}"), before) == [
        {"kind": "team-idchanged", "id": "product2", "name": "Product", "field": "id",
         "old": "prod2", "new": "product2"},
        {"kind": "team-idchanged", "id": "product", "name": "Product", "field": "id",
         "old": "prod", "new": "product"}]
    nobody = before.replace("team: prod}", "}")
    kinds = sorted(c["kind"] for c in _changes(
        tmp_path, after.replace("team: prod}", "}"), nobody))
    assert kinds == ["team-added", "team-added", "team-removed", "team-removed"]


def test_added_and_removed_teams_and_a_new_lead(tmp_path: Path) -> None:
    after = (BEFORE.replace("  - {id: ops, name: Operations, lead: ceo}\n", "")
             .replace("lead: cto}", "lead: em}")
             .replace("people:", "  - {id: platform, name: Platform, lead: em, parent: eng}\n"
                                 "people:")
             .replace("team: ops}", "}"))
    assert _changes(tmp_path, after) == [
        {"kind": "reteamed", "id": "ceo", "name": "Ada Obi", "field": "team", "old": "ops",
         "old_name": "Operations"},
        {"kind": "team-changed", "id": "eng", "name": "Engineering", "field": "lead",
         "old": "cto", "new": "em", "old_name": "Bo Chen", "new_name": "Di Eze"},
        {"kind": "team-added", "id": "platform", "name": "Platform", "lead": "em",
         "parent": "eng"},
        {"kind": "team-removed", "id": "ops", "name": "Operations", "lead": "ceo"}]
    result = CliRunner().invoke(main, ["diff", str(tmp_path / "old.yaml"),
                                       str(tmp_path / "new.yaml")])
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert lines == [
        "~ re-teamed       ceo (Ada Obi): ops (Operations) -> (none)",
        "+ team added      platform (Platform): led by em (Di Eze), part of eng (Engineering)",
        "- team removed    ops (Operations): led by ceo (Ada Obi), a top team",
        "~ team changed    eng (Engineering): lead cto (Bo Chen) -> em (Di Eze)",
        f"{tmp_path / 'old.yaml'} -> {tmp_path / 'new.yaml'}: 1 re-teamed, 1 team added, "
        "1 team removed, 1 team changed"]


def test_a_lead_whose_id_changed_is_no_team_change(tmp_path: Path) -> None:
    after = BEFORE.replace("id: cto,", "id: bo-chen,").replace("reports_to: cto",
                                                                "reports_to: bo-chen")
    after = after.replace("lead: cto}", "lead: bo-chen}")
    assert [c["kind"] for c in _changes(tmp_path, after)] == ["idchanged"]


def test_a_reteamed_person_names_the_teams(tmp_path: Path) -> None:
    after = BEFORE.replace("{id: gus, name: Gus Ho, title: Product Manager, reports_to: cpo, "
                           "team: prod}", "{id: gus, name: Gus Ho, title: Product Manager, "
                           "reports_to: cpo, team: eng}")
    assert [c["kind"] for c in _changes(tmp_path, after)] == ["reteamed"]
    result = CliRunner().invoke(main, ["diff", str(tmp_path / "old.yaml"),
                                       str(tmp_path / "new.yaml")])
    assert "~ re-teamed       gus (Gus Ho): prod (Product) -> eng (Engineering)\n" in (
        result.output)
    chart = changes_chart(load(tmp_path / "new.yaml"),
                          diff_orgs(load(tmp_path / "old.yaml"), load(tmp_path / "new.yaml")),
                          "old.yaml", get_theme("light", None), load(tmp_path / "old.yaml"))
    assert {card.id: card.team for card in chart.cards if card.color}["gus"] == (
        "team was Product")


def test_a_team_change_accents_no_card_of_the_same_id(tmp_path: Path) -> None:
    """A team whose id is a person's: the team's change is not drawn on that card."""
    before = BEFORE.replace("{id: eng,", "{id: cto,").replace("team: eng}", "team: cto}")
    after = before.replace("name: Engineering", "name: Platform")
    old, new = load_pair(tmp_path, before, after)
    changes = diff_orgs(old, new)
    assert [c.kind for c in changes] == ["team-renamed"] and changes[0].id == "cto"
    assert set(TEAM_KINDS) >= {c.kind for c in changes}
    chart = changes_chart(new, changes, "old.yaml", get_theme("light", None), old)
    assert all(card.color is None for card in chart.cards)
    assert chart.subtitle == ("Changes since old.yaml: 1 team renamed · teams: Engineering "
                              "renamed Platform")


def test_the_chart_subtitle_names_teams_added_removed_and_renamed(tmp_path: Path) -> None:
    """No card shows a team's change: the subtitle names them, as it names removed people."""
    after = (BEFORE.replace("  - {id: ops, name: Operations, lead: ceo}\n", "")
             .replace("name: Engineering", "name: Platform")
             .replace("people:", "  - {id: data, name: Data}\npeople:")
             .replace("team: ops}", "}"))
    old, new = load_pair(tmp_path, BEFORE, after)
    chart = changes_chart(new, diff_orgs(old, new), "old.yaml", get_theme("light", None), old)
    assert chart.subtitle.endswith(" · teams: Engineering renamed Platform, Data added, "
                                   "Operations removed")


def load_pair(tmp_path: Path, before: str, after: str) -> tuple:
    """Both versions written and loaded."""
    old, new = tmp_path / "old.yaml", tmp_path / "new.yaml"
    old.write_text(before, encoding="utf-8")
    new.write_text(after, encoding="utf-8")
    return load(old), load(new)
