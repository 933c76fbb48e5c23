"""`orgviz diff` on declared teams whose people moved between them while the teams'
declarations stayed: the people are re-teamed, the teams' ids are not swapped."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from orgviz.cli import main

HEAD = "orgviz: 1\norg: {name: Gen, size: small}\n"
#: Core and Ops, each of one Engineer under Ann.
TEAMS = HEAD + """teams:
  - {id: core, name: Core}
  - {id: ops, name: Ops}
people:
  - {id: ann, name: Ann, title: CEO}
"""


def _run(tmp_path: Path, before: str, after: str) -> str:
    """The text report of `orgviz diff` from `before` to `after`."""
    old, new = tmp_path / "old.yaml", tmp_path / "new.yaml"
    old.write_text(before, encoding="utf-8")
    new.write_text(after, encoding="utf-8")
    result = CliRunner().invoke(main, ["diff", str(old), str(new)])
    assert result.exit_code == 0, result.output
    return result.stdout.replace(f"{tmp_path}/", "")


def test_people_who_changed_teams_are_re_teamed_not_the_teams_ids_swapped(
        tmp_path: Path) -> None:
    """Al goes from Core to Ops and Bo from Ops to Core; the teams: block is the same in
    both versions. Each team's people are the other's now, and that (counting twice)
    outweighed the name each id kept: it read as the teams' ids swapped and
    both teams renamed, Al and Bo not re-teamed."""
    before = TEAMS + ("  - {id: a, name: Al, title: Engineer, reports_to: ann, team: core}\n"
                      "  - {id: b, name: Bo, title: Engineer, reports_to: ann, team: ops}\n")
    after = TEAMS + ("  - {id: a, name: Al, title: Engineer, reports_to: ann, team: ops}\n"
                     "  - {id: b, name: Bo, title: Engineer, reports_to: ann, team: core}\n")
    assert _run(tmp_path, before, after) == (
        "~ re-teamed       a (Al): core (Core) -> ops (Ops)\n"
        "~ re-teamed       b (Bo): ops (Ops) -> core (Core)\n"
        "old.yaml -> new.yaml: 2 re-teamed\n")


def test_teams_of_one_id_and_name_whose_leads_and_people_swapped_keep_their_ids(
        tmp_path: Path) -> None:
    """Core's lead and people are Ops's now and the other way round, each team's id and
    name kept: the leads changed and the people re-teamed (it read as the ids swapped and
    both teams renamed, which the teams: blocks do not say)."""
    before = TEAMS.replace("name: Core}", "name: Core, lead: a}").replace(
        "name: Ops}", "name: Ops, lead: b}") + (
        "  - {id: a, name: Al, title: Engineer, reports_to: ann, team: core}\n"
        "  - {id: b, name: Bo, title: Engineer, reports_to: ann, team: ops}\n")
    after = TEAMS.replace("name: Core}", "name: Core, lead: b}").replace(
        "name: Ops}", "name: Ops, lead: a}") + (
        "  - {id: a, name: Al, title: Engineer, reports_to: ann, team: ops}\n"
        "  - {id: b, name: Bo, title: Engineer, reports_to: ann, team: core}\n")
    assert _run(tmp_path, before, after) == (
        "~ re-teamed       a (Al): core (Core) -> ops (Ops)\n"
        "~ re-teamed       b (Bo): ops (Ops) -> core (Core)\n"
        "~ team changed    core (Core): lead a (Al) -> b (Bo)\n"
        "~ team changed    ops (Ops): lead b (Bo) -> a (Al)\n"
        "old.yaml -> new.yaml: 2 re-teamed, 2 teams changed\n")
