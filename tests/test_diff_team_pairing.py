"""`orgviz diff` on declared teams whose people moved between them while the teams'
declarations stayed: the people are re-teamed, the teams' ids are not swapped."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from orgviz.cli import main
from orgviz.diff.pairing import cycles_and_chains

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


class _Walked(dict[str, str]):
    """Pairings (old id -> new id) that fail a walk that reads them too often (a loop)."""

    reads = 0

    def __contains__(self, key: object) -> bool:
        """Whether `key` is paired, counting the read."""
        self.reads += 1
        assert self.reads < 1000, "the walk went round for ever"
        return super().__contains__(key)


def test_a_chain_that_runs_into_a_cycle_is_no_chain() -> None:
    """Two old ids paired with one new id (t1 -> t2 beside the cycle t0 -> t2 -> t0): the
    walk from t1 went round t2, t0 for ever. The cycle is a group; the chain into it,
    whose end the cycle takes, is none."""
    cross = _Walked({"t0": "t2", "t1": "t2", "t2": "t0"})
    ids = {"t0": 0, "t1": 1, "t2": 2}
    assert cycles_and_chains(cross, ids, ids) == [{"t0": "t2", "t2": "t0"}]


def test_two_teams_that_share_one_position_filled_are_compared(tmp_path: Path) -> None:
    """Ann (of t0) goes from p5 to p11 and fills the opening of t1 there, so both old teams
    hold p11 by new id and both were paired with t2 (Ann's now): the diff never ended.
    Now the people's changes are read, and Team0's id change with them."""
    before = HEAD + """teams:
  - {id: t0, name: Team0}
  - {id: t1, name: Team1, lead: p3}
  - {id: t2, name: Team2, lead: p3}
people:
  - {id: p3, title: Designer, vacant: true, team: t2}
  - {id: p11, title: Engineer, vacant: true, reports_to: p3, team: t1}
  - {id: p5, title: Engineer, name: Ann, reports_to: p3, team: t0, location: Paris}
"""
    after = HEAD + """teams:
  - {id: t2, name: Team0}
  - {id: t0, name: Team1, lead: p3}
  - {id: t1, name: Team2, lead: p3}
people:
  - {id: p4, title: Designer, vacant: true, team: t1}
  - {id: p3, title: Engineer, vacant: true, team: t0}
  - {id: p11, title: Engineer, name: Ann, reports_to: p3, team: t2, location: Paris}
"""
    lines = _run(tmp_path, before, after).splitlines()
    assert lines[:4] == [
        "~ id changed      p11 (Ann): p5 -> p11",
        "~ retitled        p3 (Open role): Designer -> Engineer",
        "o vacancy opened  p4 (Open role): Designer (a new position), a top",
        "* vacancy filled  p11 (Ann): Engineer"]
    assert "~ team id changed t2 (Team0): t0 -> t2" in lines


#: Alpha holds two openings that Al and Cy of Beta fill, their ids going to the openings';
#: Bo of Beta too joins Gamma, the only team now.
TWO_TEAMS_INTO_ONE = (HEAD + """teams:
  - {id: a, name: Alpha}
  - {id: b, name: Beta}
people:
  - {id: ann, name: Ann, title: CEO}
  - {id: x1, vacant: true, title: Engineer, reports_to: ann, team: a}
  - {id: x2, vacant: true, title: Designer, reports_to: ann, team: a}
  - {id: y1, name: Al, title: Engineer, reports_to: ann, team: b}
  - {id: y2, name: Cy, title: Designer, reports_to: ann, team: b}
  - {id: bo, name: Bo, title: Engineer, reports_to: ann, team: b}
""", HEAD + """teams:
  - {id: c, name: Gamma}
people:
  - {id: ann, name: Ann, title: CEO}
  - {id: x1, name: Al, title: Engineer, reports_to: ann, team: c}
  - {id: x2, name: Cy, title: Designer, reports_to: ann, team: c}
  - {id: bo, name: Bo, title: Engineer, reports_to: ann, team: c}
""")


def test_two_old_teams_holding_most_of_one_new_team_pair_one_to_one(tmp_path: Path) -> None:
    """By new id Alpha holds x1 and x2 (its openings) and Beta x1, x2 and bo (its people):
    each more than half of Gamma, and both were paired with it. Alpha went unreported,
    neither removed nor Gamma's. Beta, which shares more, is Gamma; Alpha is removed."""
    assert _run(tmp_path, *TWO_TEAMS_INTO_ONE).splitlines()[4:] == [
        "- team removed    a (Alpha): no lead, a top team",
        "~ team id changed c (Gamma): b -> c",
        "~ team renamed    c (Gamma): Beta -> Gamma",
        "old.yaml -> new.yaml: 2 ids changed, 2 vacancies filled, 1 team removed,"
        " 1 team id changed, 1 team renamed"]


def test_two_old_teams_tied_for_one_new_team_are_neither_paired_with_it(
        tmp_path: Path) -> None:
    """Alpha's opening x, which Al of Beta fills (his id going from y to x), is all of
    Gamma by new id for both old teams alike: nothing tells which is Gamma, so neither is
    (Alpha went unreported, Beta read as Gamma)."""
    before, after = TWO_TEAMS_INTO_ONE
    before = before.replace("  - {id: x2, vacant: true, title: Designer, reports_to: ann,"
                            " team: a}\n", "").replace(
        "  - {id: y2, name: Cy, title: Designer, reports_to: ann, team: b}\n", "").replace(
        "  - {id: bo, name: Bo, title: Engineer, reports_to: ann, team: b}\n", "")
    after = after.replace("  - {id: x2, name: Cy, title: Designer, reports_to: ann,"
                          " team: c}\n", "").replace(
        "  - {id: bo, name: Bo, title: Engineer, reports_to: ann, team: c}\n", "")
    assert _run(tmp_path, before, after).splitlines() == [
        "~ id changed      x1 (Al): y1 -> x1",
        "~ re-teamed       x1 (Al): b (Beta) -> c (Gamma)",
        "* vacancy filled  x1 (Al): Engineer",
        "+ team added      c (Gamma): no lead, a top team",
        "- team removed    a (Alpha): no lead, a top team",
        "- team removed    b (Beta): no lead, a top team",
        "old.yaml -> new.yaml: 1 id changed, 1 re-teamed, 1 vacancy filled, 1 team added,"
        " 2 teams removed"]
