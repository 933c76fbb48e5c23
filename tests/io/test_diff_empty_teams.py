"""`orgviz diff` on declared teams of no people: two that exchanged names keep their ids
(renamed) unless their lead, parent or color followed the names; and what stays at a
swapped team id is named by each version's team."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from orgviz.cli import main

PEOPLE = """people:
  - {id: ceo, name: Ann Ceo, title: CEO, team: eng}
  - {id: e1, name: Eve One, title: VP Engineering, reports_to: ceo, team: eng}
  - {id: e4, name: Emo Four, title: Engineer, reports_to: e1, team: eng}
  - {id: p1, name: Pat One, title: VP Product, reports_to: ceo, team: prod}
  - {id: p2, name: Pam Two, title: PM, reports_to: p1, team: prod}
"""
HEAD = "orgviz: 1\norg: {name: Acme, size: small}\nteams:\n"
TEAMS = ("  - {id: eng, name: Engineering, lead: e1}\n"
         "  - {id: prod, name: Product, lead: p1}\n")
#: Two teams nobody is in.
EMPTY = HEAD + TEAMS + "  - {id: empty1, name: Alpha}\n  - {id: empty2, name: Beta}\n" + PEOPLE
#: Their names exchanged, nothing else.
EXCHANGED = EMPTY.replace("name: Alpha}", "name: @}").replace("name: Beta}", "name: Alpha}"
                                                              ).replace("name: @}", "name: Beta}")


def _run(tmp_path: Path, before: str, after: str, *more: str) -> str:
    old, new = tmp_path / "old.yaml", tmp_path / "new.yaml"
    old.write_text(before, encoding="utf-8")
    new.write_text(after, encoding="utf-8")
    result = CliRunner().invoke(main, ["diff", str(old), str(new), *more])
    assert result.exit_code == 0, result.output
    return result.output.replace(f"{tmp_path}/", "")


def test_two_empty_teams_exchanging_names_are_renamed(tmp_path: Path) -> None:
    """With no people to tell them apart, the ids hold (it was 2 team ids changed)."""
    assert _run(tmp_path, EMPTY, EXCHANGED) == (
        "~ team renamed    empty1 (Beta): Alpha -> Beta\n"
        "~ team renamed    empty2 (Alpha): Beta -> Alpha\n"
        "old.yaml -> new.yaml: 2 teams renamed\n")
    assert json.loads(_run(tmp_path, EMPTY, EXCHANGED, "--json"))["changes"] == [
        {"kind": "team-renamed", "id": "empty1", "name": "Beta", "old": "Alpha",
         "new": "Beta", "field": "name"},
        {"kind": "team-renamed", "id": "empty2", "name": "Alpha", "old": "Beta",
         "new": "Alpha", "field": "name"}]


def test_two_empty_teams_whose_lead_parent_or_color_followed_the_name_swapped_ids(
        tmp_path: Path) -> None:
    """A lead, a parent or a color that went with the name says the ids were swapped."""
    said = ("~ team id changed empty1 (Beta): empty2 -> empty1\n"
            "~ team id changed empty2 (Alpha): empty1 -> empty2\n"
            "old.yaml -> new.yaml: 2 team ids changed\n")
    for extra in (", lead: p2", ", parent: prod", ", color: '#112233'"):
        before = EMPTY.replace("name: Beta}", f"name: Beta{extra}}}")
        after = EXCHANGED.replace("name: Beta}", f"name: Beta{extra}}}")
        assert _run(tmp_path, before, after) == said, extra
    # (the same extra kept at its id, as the people-less team's other fields: renamed)
    before = EMPTY.replace("name: Beta}", "name: Beta, color: '#112233'}")
    after = EXCHANGED.replace("name: Alpha}", "name: Alpha, color: '#112233'}")
    assert _run(tmp_path, before, after) == (
        "~ team renamed    empty1 (Beta): Alpha -> Beta\n"
        "~ team renamed    empty2 (Alpha): Beta -> Alpha\n"
        "old.yaml -> new.yaml: 2 teams renamed\n")


def test_an_empty_team_takes_a_new_id_with_its_name(tmp_path: Path) -> None:
    """A team nobody is in, under a new id with its name: its id changed, as before."""
    after = EMPTY.replace("{id: empty1, name: Alpha}", "{id: alpha, name: Alpha}")
    assert _run(tmp_path, EMPTY, after) == (
        "~ team id changed alpha (Alpha): empty1 -> alpha\n"
        "old.yaml -> new.yaml: 1 team id changed\n")


def test_someone_left_at_a_swapped_team_id_is_named_by_both_teams(tmp_path: Path) -> None:
    """The reviewer's swap3: the teams' ids swapped, Emo left at eng, Product's id now."""
    before = HEAD + TEAMS + PEOPLE
    after = (HEAD + TEAMS.replace("id: eng", "id: @").replace("id: prod", "id: eng")
             .replace("id: @", "id: prod")
             + PEOPLE.replace("team: eng", "team: @").replace("team: prod", "team: eng")
             .replace("team: @", "team: prod").replace("team: prod}\n  - {id: p1",
                                                       "team: eng}\n  - {id: p1"))
    assert _run(tmp_path, before, after) == (
        "~ re-teamed       e4 (Emo Four): eng (Engineering) -> eng (Product)\n"
        "~ team id changed prod (Engineering): eng -> prod\n"
        "~ team id changed eng (Product): prod -> eng\n"
        "old.yaml -> new.yaml: 1 re-teamed, 2 team ids changed\n")
    assert json.loads(_run(tmp_path, before, after, "--json"))["changes"][0] == {
        "kind": "reteamed", "id": "e4", "name": "Emo Four", "old": "eng", "new": "eng",
        "field": "team", "old_name": "Engineering", "new_name": "Product"}
