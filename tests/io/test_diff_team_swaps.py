"""`orgviz diff` on declared teams whose ids change hands: two teams swapping ids, ids
passed round a cycle or along a chain, a team renamed in id and name that keeps its people,
against teams renamed (the same id, a new name)."""

from __future__ import annotations

import json
import re
from pathlib import Path

from click.testing import CliRunner

from orgviz.cli import main
from orgviz.diff import changes_chart, diff_orgs
from orgviz.loader import load
from orgviz.model import Org
from orgviz.render.themes import get_theme

OLD = """\
orgviz: 1
org: {name: Acme}
teams:
  - {id: ops, name: Operations, lead: ceo}
  - {id: eng, name: Engineering, lead: cto}
  - {id: web, name: Web, lead: em, parent: eng}
  - {id: prod, name: Product, lead: cpo, color: "#F58518"}
people:
  - {id: ceo, name: Ada Obi, title: CEO, team: ops}
  - {id: cto, name: Bo Chen, title: CTO, reports_to: ceo, team: eng}
  - {id: em, name: Di Eze, title: Engineering Manager, reports_to: cto, team: web}
  - {id: ed, name: Ed Fox, title: Software Engineer, reports_to: em, team: web}
  - {id: cpo, name: Cy Day, title: CPO, reports_to: ceo, team: prod}
  - {id: gus, name: Gus Ho, title: Product Manager, reports_to: cpo, team: prod}
  - {id: ivy, name: Ivy Lu, title: Designer, reports_to: cpo, team: prod}
"""


def _team_ids(text: str, ids: dict[str, str]) -> str:
    """`text` with the team ids changed as `ids` says (old -> new), at once: the teams'
    own ids and parents, and the people's teams (who follow their team)."""
    def swap(match: re.Match[str]) -> str:
        return f"{match[1]}{ids.get(match[2], match[2])}"

    head, people = text.split("people:\n")
    head = re.sub(r"(\{id: |parent: )(\w+)", swap, head)
    return head + "people:\n" + re.sub(r"(team: )(\w+)", swap, people)


def _run(tmp_path: Path, after: str, *args: str, before: str = OLD) -> str:
    old, new = tmp_path / "old.yaml", tmp_path / "new.yaml"
    old.write_text(before, encoding="utf-8")
    new.write_text(after, encoding="utf-8")
    result = CliRunner().invoke(main, ["diff", str(old), str(new), *args])
    assert result.exit_code == 0, result.output
    return result.output.replace(f"{tmp_path}/", "")


def _orgs(tmp_path: Path) -> tuple[Org, Org]:
    """The two versions `_run` wrote, loaded."""
    return load(tmp_path / "old.yaml"), load(tmp_path / "new.yaml")


def _subtitle(tmp_path: Path) -> str:
    """The subtitle of the diff chart of the two versions `_run` wrote."""
    old, new = _orgs(tmp_path)
    chart = changes_chart(new, diff_orgs(old, new), "old.yaml", get_theme("light", None), old)
    return chart.subtitle


def test_two_teams_swapping_ids_are_two_team_ids_changed(tmp_path: Path) -> None:
    """They were five re-teamed, two renamed and four lead and color changes; the sub-team
    whose parent followed Engineering to its new id is no change."""
    after = _team_ids(OLD, {"eng": "prod", "prod": "eng"})
    assert _run(tmp_path, after) == (
        "~ team id changed prod (Engineering): eng -> prod\n"
        "~ team id changed eng (Product): prod -> eng\n"
        "old.yaml -> new.yaml: 2 team ids changed\n")
    report = json.loads(_run(tmp_path, after, "--json"))
    assert report["changes"] == [
        {"kind": "team-idchanged", "id": "prod", "name": "Engineering", "old": "eng",
         "new": "prod", "field": "id"},
        {"kind": "team-idchanged", "id": "eng", "name": "Product", "old": "prod",
         "new": "eng", "field": "id"}]
    assert report["summary"]["team-idchanged"] == 2 and report["summary"]["reteamed"] == 0
    old, new = _orgs(tmp_path)
    chart = changes_chart(new, diff_orgs(old, new), "old.yaml", get_theme("light", None), old)
    assert all(card.color is None for card in chart.cards)  # (nobody changed)
    assert chart.subtitle == ("Changes since old.yaml: 2 team ids changed · teams: "
                              "Engineering (id was eng), Product (id was prod)")


def test_a_member_left_at_a_swapped_id_is_reteamed(tmp_path: Path) -> None:
    """Gus still says `team: prod`, which is Engineering's id now: he changed team, from
    Product (prod then) to Engineering."""
    after = _team_ids(OLD, {"eng": "prod", "prod": "eng"}).replace(
        "reports_to: cpo, team: eng}\n  - {id: ivy", "reports_to: cpo, team: prod}\n"
        "  - {id: ivy", 1)
    assert _run(tmp_path, after) == (
        "~ re-teamed       gus (Gus Ho): prod (Product) -> prod (Engineering)\n"
        "~ team id changed prod (Engineering): eng -> prod\n"
        "~ team id changed eng (Product): prod -> eng\n"
        "old.yaml -> new.yaml: 1 re-teamed, 2 team ids changed\n")
    assert json.loads(_run(tmp_path, after, "--json"))["changes"][0] == {
        "kind": "reteamed", "id": "gus", "name": "Gus Ho", "old": "prod", "new": "prod",
        "field": "team", "old_name": "Product", "new_name": "Engineering"}
    old, new = _orgs(tmp_path)
    chart = changes_chart(new, diff_orgs(old, new), "old.yaml", get_theme("light", None), old)
    assert {card.id: card.team for card in chart.cards if card.color} == {
        "gus": "team was Product"}


def test_team_ids_passed_round_a_cycle_or_along_a_chain(tmp_path: Path) -> None:
    """Three teams whose ids went round; Product taking Engineering's id while Engineering
    takes a new one (prod is gone)."""
    cycle = _team_ids(OLD, {"ops": "eng", "eng": "prod", "prod": "ops"})
    assert _run(tmp_path, cycle) == (
        "~ team id changed eng (Operations): ops -> eng\n"
        "~ team id changed prod (Engineering): eng -> prod\n"
        "~ team id changed ops (Product): prod -> ops\n"
        "old.yaml -> new.yaml: 3 team ids changed\n")
    chain = _team_ids(OLD, {"eng": "platform", "prod": "eng"})
    assert _run(tmp_path, chain) == (
        "~ team id changed platform (Engineering): eng -> platform\n"
        "~ team id changed eng (Product): prod -> eng\n"
        "old.yaml -> new.yaml: 2 team ids changed\n")


def test_a_team_renamed_in_id_and_name_keeps_its_people(tmp_path: Path) -> None:
    """Engineering is Platform now, under the id platform: the same lead and people, its
    sub-team following it; one id changed and one renamed, nobody re-teamed."""
    after = _team_ids(OLD, {"eng": "platform"}).replace("name: Engineering", "name: Platform")
    assert _run(tmp_path, after) == (
        "~ team id changed platform (Platform): eng -> platform\n"
        "~ team renamed    platform (Platform): Engineering -> Platform\n"
        "old.yaml -> new.yaml: 1 team id changed, 1 team renamed\n")
    assert _subtitle(tmp_path) == ("Changes since old.yaml: 1 team id changed, 1 team "
                                   "renamed · teams: Engineering renamed Platform (id was eng)")
    # The same name, a new id: one change (the README's `eng` -> `engineering`).
    assert _run(tmp_path, _team_ids(OLD, {"eng": "engineering"})) == (
        "~ team id changed engineering (Engineering): eng -> engineering\n"
        "old.yaml -> new.yaml: 1 team id changed\n")


def test_names_exchanged_where_the_ids_kept_their_people_are_renames(tmp_path: Path) -> None:
    """Engineering's and Product's names changed places, each id keeping its lead, people
    and color: two renames, not two ids changed and five re-teamed."""
    after = (OLD.replace("name: Engineering", "name: @").replace("name: Product",
                                                                 "name: Engineering")
             .replace("name: @", "name: Product"))
    assert _run(tmp_path, after) == (
        "~ team renamed    eng (Product): Engineering -> Product\n"
        "~ team renamed    prod (Engineering): Product -> Engineering\n"
        "old.yaml -> new.yaml: 2 teams renamed\n")


def test_names_and_leads_exchanged_where_the_people_stayed_are_renames(
        tmp_path: Path) -> None:
    """A team's people count twice: the name and the lead that moved to the other id match
    no better than the people who stayed there (a tie keeps the id)."""
    after = (OLD.replace("{id: eng, name: Engineering, lead: cto}",
                         "{id: eng, name: Product, lead: cpo}")
             .replace('{id: prod, name: Product, lead: cpo, color: "#F58518"}',
                      '{id: prod, name: Engineering, lead: cto, color: "#F58518"}'))
    assert _run(tmp_path, after) == (
        "~ team renamed    eng (Product): Engineering -> Product\n"
        "~ team renamed    prod (Engineering): Product -> Engineering\n"
        "~ team changed    eng (Product): lead cto (Bo Chen) -> cpo (Cy Day)\n"
        "~ team changed    prod (Engineering): lead cpo (Cy Day) -> cto (Bo Chen)\n"
        "old.yaml -> new.yaml: 2 teams renamed, 2 teams changed\n")


def test_a_team_whose_people_went_to_a_new_team_of_another_name(tmp_path: Path) -> None:
    """Product is gone and its three people are all in Growth, a new team: the team
    renamed under a new id, told by its people (no name is shared)."""
    after = (OLD.replace('{id: prod, name: Product, lead: cpo, color: "#F58518"}',
                         '{id: growth, name: Growth, lead: cpo, color: "#F58518"}')
             .replace("team: prod}", "team: growth}"))
    assert _run(tmp_path, after) == (
        "~ team id changed growth (Growth): prod -> growth\n"
        "~ team renamed    growth (Growth): Product -> Growth\n"
        "old.yaml -> new.yaml: 1 team id changed, 1 team renamed\n")
