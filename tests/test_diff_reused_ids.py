"""`orgviz diff` on an id that someone new holds now while its person (team) went to
another id, or that someone whose id changed took from one who left: an id reused."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from orgviz.cli import main

HEAD = "orgviz: 1\norg: {name: Gen, size: small}\n"
#: Al leads Core, Cy reports to him; Bob is in Ops, which Infra is part of.
OLD = HEAD + """teams:
  - {id: core, name: Core, lead: al}
  - {id: ops, name: Ops, lead: bo, color: "#aa0000"}
  - {id: infra, name: Infra, parent: ops}
people:
  - {id: sam, name: Sam, title: CEO}
  - {id: dee, name: Dee, title: VP Design}
  - {id: al, name: Al, title: Engineering Manager, reports_to: sam, team: core}
  - {id: cy, name: Cy, title: Engineer, reports_to: al, team: core}
  - {id: bo, name: Bob, title: Operator, reports_to: dee, team: ops}
  - {id: ed, name: Ed, title: Designer, reports_to: dee, dotted_to: [bo]}
"""
#: Al is a9 now and Core core2; Zed, of nothing Al had, took al, and Growth core.
NEW_AT_OLD_IDS = HEAD + """teams:
  - {id: core2, name: Core, lead: a9}
  - {id: ops, name: Ops, lead: bo, color: "#aa0000"}
  - {id: infra, name: Infra, parent: ops}
  - {id: core, name: Growth, parent: ops}
people:
  - {id: sam, name: Sam, title: CEO}
  - {id: dee, name: Dee, title: VP Design}
  - {id: a9, name: Al, title: Engineering Manager, reports_to: sam, team: core2}
  - {id: cy, name: Cy, title: Engineer, reports_to: a9, team: core2}
  - {id: bo, name: Bob, title: Operator, reports_to: dee, team: ops}
  - {id: ed, name: Ed, title: Designer, reports_to: dee, dotted_to: [bo]}
  - {id: al, name: Zed, title: Designer, reports_to: dee, team: core}
"""
#: Bob left and Ops went: Al took bo, Core ops; Zed took al.
TAKEN_FROM_WHO_LEFT = HEAD + """teams:
  - {id: ops, name: Core, lead: bo}
  - {id: infra, name: Infra, parent: ops}
people:
  - {id: sam, name: Sam, title: CEO}
  - {id: dee, name: Dee, title: VP Design}
  - {id: bo, name: Al, title: Engineering Manager, reports_to: sam, team: ops}
  - {id: cy, name: Cy, title: Engineer, reports_to: bo, team: ops}
  - {id: ed, name: Ed, title: Designer, reports_to: dee, dotted_to: [bo]}
  - {id: al, name: Zed, title: Designer, reports_to: dee}
"""


def _run(tmp_path: Path, before: str, after: str) -> str:
    old, new = tmp_path / "old.yaml", tmp_path / "new.yaml"
    old.write_text(before, encoding="utf-8")
    new.write_text(after, encoding="utf-8")
    result = CliRunner().invoke(main, ["diff", str(old), str(new)])
    assert result.exit_code == 0, result.output
    return result.stdout.replace(f"{tmp_path}/", "")


def test_someone_new_at_the_old_id_of_a_person_or_team_whose_id_changed(
        tmp_path: Path) -> None:
    """It was Al added as a9, al renamed Zed, moved and retitled, Cy moved from Al to Al
    and re-teamed from Core to Core, Core added as core2 and core renamed Growth."""
    assert _run(tmp_path, OLD, NEW_AT_OLD_IDS) == (
        "+ added           al (Zed): Designer, reports to dee (Dee)\n"
        "~ id changed      a9 (Al): al -> a9\n"
        "+ team added      core (Growth): no lead, part of ops (Ops)\n"
        "~ team id changed core2 (Core): core -> core2\n"
        "old.yaml -> new.yaml: 1 added, 1 id changed, 1 team added, 1 team id changed\n")
    assert _run(tmp_path, NEW_AT_OLD_IDS, OLD) == (
        "- removed         al (Zed): Designer, reports to dee (Dee)\n"
        "~ id changed      al (Al): a9 -> al\n"
        "- team removed    core (Growth): no lead, part of ops (Ops)\n"
        "~ team id changed core (Core): core2 -> core\n"
        "old.yaml -> new.yaml: 1 removed, 1 id changed, 1 team removed, 1 team id changed\n")


def test_an_id_taken_from_a_person_or_team_who_left(tmp_path: Path) -> None:
    """It was bo renamed Al, moved and retitled, Zed at al, Cy moved from Al to Al, Core
    removed and Ops renamed Core: Bob is removed, and who named him (Ed's dotted line,
    Infra's parent, as Ops) name another now."""
    assert _run(tmp_path, OLD, TAKEN_FROM_WHO_LEFT) == (
        "+ added           al (Zed): Designer, reports to dee (Dee)\n"
        "- removed         bo (Bob): Operator, reports to dee (Dee)\n"
        "~ id changed      bo (Al): al -> bo\n"
        "~ other change    ed (Ed): dotted_to bo (Bob) -> bo (Al)\n"
        "- team removed    ops (Ops): led by bo (Bob), a top team\n"
        "~ team id changed ops (Core): core -> ops\n"
        "~ team changed    infra (Infra): parent ops (Ops) -> ops (Core)\n"
        "old.yaml -> new.yaml: 1 added, 1 removed, 1 id changed, 1 other change, 1 team "
        "removed, 1 team id changed, 1 team changed\n")


def test_an_id_whose_holders_share_something_keeps_its_person_or_team(
        tmp_path: Path) -> None:
    """Growth with Cy in it, as Core had: the id keeps its team, and Core is new as it
    was. Zed under Sam, as Al was, shares the manager with Al, but Al at a9 shares all of
    it (name, title, manager, Cy): Al's id changed and Zed is new at al, not Al renamed Zed
    and retitled and another Al added with Al's title, manager and report."""
    after = (NEW_AT_OLD_IDS.replace("name: Zed, title: Designer, reports_to: dee",
                                    "name: Zed, title: Designer, reports_to: sam")
             .replace("reports_to: a9, team: core2", "reports_to: a9, team: core"))
    assert _run(tmp_path, OLD, after) == (
        "+ added           al (Zed): Designer, reports to sam (Sam)\n"
        "~ id changed      a9 (Al): al -> a9\n"
        "~ re-teamed       a9 (Al): core (Core) -> core2 (Core)\n"
        "+ team added      core2 (Core): led by a9 (Al), a top team\n"
        "~ team renamed    core (Growth): Core -> Growth\n"
        "~ team changed    core (Growth): lead al (Al) -> (none)\n"
        "~ team changed    core (Growth): parent (none) -> ops (Ops)\n"
        "old.yaml -> new.yaml: 1 added, 1 id changed, 1 re-teamed, 1 team added, 1 team "
        "renamed, 2 teams changed\n")
    assert _run(tmp_path, after, OLD).startswith(
        "- removed         al (Zed): Designer, reports to sam (Sam)\n"
        "~ id changed      al (Al): a9 -> al\n")


def test_a_person_whose_id_changed_is_not_who_took_it_renamed(tmp_path: Path) -> None:
    """Bo, an Engineering Manager under Hu, goes from p2 to p1 and his p2 is open; Lu, who
    held p1, left: Bo's id changed, not Lu renamed Bo (names stay, ids move)."""
    before = HEAD + """people:
  - {id: p0, name: Hu, title: Designer}
  - {id: p1, name: Lu, title: Engineering Manager, reports_to: p0}
  - {id: p2, name: Bo, title: Engineering Manager, reports_to: p0}
"""
    after = HEAD + """people:
  - {id: p0, name: Hu, title: Designer}
  - {id: p2, title: Engineering Manager, vacant: true, reports_to: p0}
  - {id: p1, name: Bo, title: Engineering Manager, reports_to: p0}
"""
    assert _run(tmp_path, before, after) == (
        "- removed         p1 (Lu): Engineering Manager, reports to p0 (Hu)\n"
        "~ id changed      p1 (Bo): p2 -> p1\n"
        "o vacancy opened  p2 (Open role): Engineering Manager (was Bo), reports to p0 (Hu)\n"
        "old.yaml -> new.yaml: 1 removed, 1 id changed, 1 vacancy opened\n")


def test_a_name_alone_does_not_take_an_id_from_someone_new(tmp_path: Path) -> None:
    """Al at a9 shares only the name with Al at al (another title, manager and reports):
    a namesake, added, and al is Al renamed Zed."""
    after = NEW_AT_OLD_IDS.replace(
        "id: a9, name: Al, title: Engineering Manager, reports_to: sam",
        "id: a9, name: Al, title: Operator, reports_to: dee").replace(
        "reports_to: a9, team: core2", "reports_to: dee, team: core2")
    assert _run(tmp_path, OLD, after).startswith(
        "+ added           a9 (Al): Operator, reports to dee (Dee)\n")


#: Bob (p1, an Engineer under Ann) and Quinn, the CFO under Ann.
BOB_AT_P1 = HEAD + """people:
  - {id: p0, name: Ann, title: CEO}
  - {id: q, name: Quinn, title: CFO, reports_to: p0}
  - {id: p1, name: Bob, title: Engineer, reports_to: p0}
"""
#: Bob is p5, as he was, and p1 an Accountant opening under Quinn.
BOB_AT_P5 = HEAD + """people:
  - {id: p0, name: Ann, title: CEO}
  - {id: q, name: Quinn, title: CFO, reports_to: p0}
  - {id: p5, name: Bob, title: Engineer, reports_to: p0}
  - {id: p1, title: Accountant, reports_to: q, vacant: true}
"""


def test_an_unnamed_opening_of_nothing_its_ids_person_had_is_at_a_reused_id(
        tmp_path: Path) -> None:
    """An opening at p1 of another title under another manager, Bob unchanged at p5, is a
    new position at a reused id, as a named opening there is: it was Bob added, and p1
    moved, retitled and a vacancy opened that was Bob's (backwards: Bob removed, and p1
    moved, retitled and the vacancy filled)."""
    assert _run(tmp_path, BOB_AT_P1, BOB_AT_P5) == (
        "~ id changed      p5 (Bob): p1 -> p5\n"
        "o vacancy opened  p1 (Open role): Accountant (a new position), reports to q (Quinn)\n"
        "old.yaml -> new.yaml: 1 id changed, 1 vacancy opened\n")
    assert _run(tmp_path, BOB_AT_P5, BOB_AT_P1) == (
        "- removed         p1 (Open role): Accountant, reports to q (Quinn)\n"
        "~ id changed      p1 (Bob): p5 -> p1\n"
        "old.yaml -> new.yaml: 1 removed, 1 id changed\n")


def test_an_unnamed_opening_under_the_same_manager_is_the_vacancy_left(
        tmp_path: Path) -> None:
    """An opening at p1 under Ann, as Bob was, is still Bob's position left open."""
    after = BOB_AT_P5.replace("title: Accountant, reports_to: q,",
                              "title: Accountant, reports_to: p0,")
    assert _run(tmp_path, BOB_AT_P1, after) == (
        "~ id changed      p5 (Bob): p1 -> p5\n"
        "~ retitled        p1 (Open role): Engineer -> Accountant\n"
        "o vacancy opened  p1 (Open role): Accountant (was Bob), reports to p0 (Ann)\n"
        "old.yaml -> new.yaml: 1 id changed, 1 retitled, 1 vacancy opened\n")


#: A Designer vacancy with a placeholder name, at p1.
JANE_AT_P1 = HEAD + """people:
  - {id: p0, name: Ann, title: CEO}
  - {id: p1, vacant: true, name: "TBH Jane", title: Designer, reports_to: p0}
"""
#: The vacancy is q0 now, and p1 an unnamed Sales opening under Ann.
JANE_AT_Q0 = HEAD + """people:
  - {id: p0, name: Ann, title: CEO}
  - {id: q0, vacant: true, name: "TBH Jane", title: Designer, reports_to: p0}
  - {id: p1, vacant: true, title: Sales, reports_to: p0}
"""


def test_a_named_vacancy_that_went_to_another_id_left_no_vacancy(tmp_path: Path) -> None:
    """A vacancy opens where a person was, and is filled by one: the named vacancy's id
    changed and p1 was also retitled (old p1 read twice) before; p1 keeps its position,
    retitled, under the same manager, and q0 is a new one (backwards: q0 removed)."""
    assert _run(tmp_path, JANE_AT_P1, JANE_AT_Q0) == (
        "~ retitled        p1 (Open role): Designer -> Sales\n"
        "o vacancy opened  q0 (TBH Jane): Designer (a new position), reports to p0 (Ann)\n"
        "old.yaml -> new.yaml: 1 retitled, 1 vacancy opened\n")
    assert _run(tmp_path, JANE_AT_Q0, JANE_AT_P1) == (
        "- removed         q0 (TBH Jane): Designer, reports to p0 (Ann)\n"
        "~ retitled        p1 (TBH Jane): Sales -> Designer\n"
        "old.yaml -> new.yaml: 1 removed, 1 retitled\n")


def test_an_id_outmatched_through_its_own_chain(tmp_path: Path) -> None:
    """Ed goes from p0 to p2, the open Engineer role under him from p1 to p0, and Lu takes
    p1 under it: the opening's pair shares its manager with it only through Ed's pair, in
    the same chain; Lu, who shares only the title with the opening at p1 (Ed's p0 is the
    opening's id now), is added, not Ed added and Ed's position opened and retitled."""
    before = HEAD + """people:
  - {id: p0, name: Ed, title: Engineering Manager}
  - {id: p1, title: Engineer, vacant: true, reports_to: p0}
"""
    after = HEAD + """people:
  - {id: p2, name: Ed, title: Engineering Manager}
  - {id: p0, title: Engineer, vacant: true, reports_to: p2}
  - {id: p1, name: Lu, title: Engineer, reports_to: p0}
"""
    assert _run(tmp_path, before, after) == (
        "+ added           p1 (Lu): Engineer, reports to p0 (Open role)\n"
        "~ id changed      p2 (Ed): p0 -> p2\n"
        "~ id changed      p0 (Open role): p1 -> p0, Engineer, reports to p2 (Ed)\n"
        "old.yaml -> new.yaml: 1 added, 2 ids changed\n")
    assert _run(tmp_path, after, before) == (
        "- removed         p1 (Lu): Engineer, reports to p0 (Open role)\n"
        "~ id changed      p0 (Ed): p2 -> p0\n"
        "~ id changed      p1 (Open role): p0 -> p1, Engineer, reports to p0 (Ed)\n"
        "old.yaml -> new.yaml: 1 removed, 2 ids changed\n")


def test_a_position_left_open_in_its_holders_place_is_hers(tmp_path: Path) -> None:
    """Ann, an Engineer in Paris under the open Engineer role p2 of Team 1, leaves her
    position open at p4, in Paris, under Ka, and p2 goes: the opening at p4 shares the
    title, the location and no team with Ann, the title and the manager with p2. It read
    as Ann removed and p2 moved to p4, re-teamed and relocated (gen.py seed 1843)."""
    before = HEAD + """teams:
  - {id: t1, name: Team 1}
people:
  - {id: p1, name: Ka, title: Designer}
  - {id: p2, title: Engineer, vacant: true, team: t1, reports_to: p1}
  - {id: p4, name: Ann, title: Engineer, location: Paris, reports_to: p2}
"""
    after = HEAD + """teams:
  - {id: t1, name: Team 1}
people:
  - {id: p1, name: Ka, title: Designer}
  - {id: p4, title: Engineer, vacant: true, location: Paris, reports_to: p1}
"""
    assert _run(tmp_path, before, after) == (
        "- removed         p2 (Open role): Engineer, reports to p1 (Ka)\n"
        "> moved           p4 (Open role): p2 (Open role) -> p1 (Ka)\n"
        "o vacancy opened  p4 (Open role): Engineer (was Ann), reports to p1 (Ka)\n"
        "old.yaml -> new.yaml: 1 removed, 1 moved, 1 vacancy opened\n")
    assert _run(tmp_path, after, before) == (
        "> moved           p4 (Ann): p1 (Ka) -> p2 (Open role)\n"
        "o vacancy opened  p2 (Open role): Engineer (a new position), reports to p1 (Ka)\n"
        "* vacancy filled  p4 (Ann): Engineer\n"
        "old.yaml -> new.yaml: 1 moved, 1 vacancy opened, 1 vacancy filled\n")


def test_an_id_outmatched_by_team_and_location_too(tmp_path: Path) -> None:
    """Ed (of Team 0) reports to the open Engineering Manager role p7, which goes to p11;
    Bo goes from p11 to p9 under it, and Ed leaves. Ed and Bo at p9 share the title and,
    through the chain, the manager; Bo's own pair the name, the title, no team and no
    location. It read as Ed renamed Bo at p9, Bo's position p11 left open (gen.py seed
    1712, since the chain's own pairings counted)."""
    before = HEAD + """teams:
  - {id: t0, name: Team 0}
people:
  - {id: a, name: Ix, title: Engineering Manager}
  - {id: b, name: Di, title: Designer, reports_to: a}
  - {id: p7, title: Engineering Manager, vacant: true, reports_to: a}
  - {id: p9, name: Ed, title: Engineering Manager, team: t0, reports_to: p7}
  - {id: p11, name: Bo, title: Engineering Manager, reports_to: b}
"""
    after = HEAD + """teams:
  - {id: t0, name: Team 0}
people:
  - {id: a, name: Ix, title: Engineering Manager}
  - {id: b, name: Di, title: Designer, reports_to: a}
  - {id: p11, title: Engineering Manager, vacant: true, reports_to: a}
  - {id: p9, name: Bo, title: Engineering Manager, reports_to: p11}
"""
    assert _run(tmp_path, before, after) == (
        "- removed         p9 (Ed): Engineering Manager, reports to p7 (Open role)\n"
        "~ id changed      p11 (Open role): p7 -> p11, Engineering Manager, reports to a (Ix)\n"
        "~ id changed      p9 (Bo): p11 -> p9\n"
        "> moved           p9 (Bo): b (Di) -> p11 (Open role)\n"
        "old.yaml -> new.yaml: 1 removed, 2 ids changed, 1 moved\n")
    assert _run(tmp_path, after, before) == (
        "+ added           p9 (Ed): Engineering Manager, reports to p7 (Open role)\n"
        "~ id changed      p7 (Open role): p11 -> p7, Engineering Manager, reports to a (Ix)\n"
        "~ id changed      p11 (Bo): p9 -> p11\n"
        "> moved           p11 (Bo): p11 (Open role) -> b (Di)\n"
        "old.yaml -> new.yaml: 1 added, 2 ids changed, 1 moved\n")


def test_a_tie_at_a_chains_end_is_settled_by_the_name(tmp_path: Path) -> None:
    """Al goes from a to b (name, title and manager kept), Bo from b to c (under Ann now),
    and Ed, who held c, leaves. At c Bo's pair and c's holders tie (Bo: name and title; Ed
    and Bo: title and manager): the pair that shares the name, which the id's holders do
    not, takes the id. The whole chain was dropped: Al removed, b renamed Bo -> Al and
    moved, c renamed Ed -> Bo."""
    before = HEAD + """people:
  - {id: ann, name: Ann, title: CEO}
  - {id: cy, name: Cy, title: VP}
  - {id: a, name: Al, title: Engineer, reports_to: ann}
  - {id: b, name: Bo, title: Engineer, reports_to: cy}
  - {id: c, name: Ed, title: Engineer, reports_to: ann}
"""
    after = HEAD + """people:
  - {id: ann, name: Ann, title: CEO}
  - {id: cy, name: Cy, title: VP}
  - {id: b, name: Al, title: Engineer, reports_to: ann}
  - {id: c, name: Bo, title: Engineer, reports_to: ann}
"""
    assert _run(tmp_path, before, after) == (
        "- removed         c (Ed): Engineer, reports to ann (Ann)\n"
        "~ id changed      b (Al): a -> b\n"
        "~ id changed      c (Bo): b -> c\n"
        "> moved           c (Bo): cy (Cy) -> ann (Ann)\n"
        "old.yaml -> new.yaml: 1 removed, 2 ids changed, 1 moved\n")
    assert _run(tmp_path, after, before) == (
        "+ added           c (Ed): Engineer, reports to ann (Ann)\n"
        "~ id changed      a (Al): b -> a\n"
        "~ id changed      b (Bo): c -> b\n"
        "> moved           b (Bo): ann (Ann) -> cy (Cy)\n"
        "old.yaml -> new.yaml: 1 added, 2 ids changed, 1 moved\n")


def test_a_true_tie_at_a_chains_end_cuts_only_its_own_link(tmp_path: Path) -> None:
    """The open Engineer role p goes to q, Al from q to r, and Zed, an Engineer under Ann,
    takes p: at p the opening's pair and p's holders tie (title, manager, no team, no
    location) and nothing else settles it, so p is its holders' (the vacancy filled by
    Zed). That cuts p -> q alone: Al's q -> r stands, q a vacancy opened that was his. The
    whole chain was dropped: Al added at r, and the vacancy at q his too."""
    before = HEAD + """people:
  - {id: ann, name: Ann, title: CEO}
  - {id: p, vacant: true, title: Engineer, reports_to: ann}
  - {id: q, name: Al, title: Designer, reports_to: ann}
"""
    after = HEAD + """people:
  - {id: ann, name: Ann, title: CEO}
  - {id: p, name: Zed, title: Engineer, reports_to: ann}
  - {id: q, vacant: true, title: Engineer, reports_to: ann}
  - {id: r, name: Al, title: Designer, reports_to: ann}
"""
    assert _run(tmp_path, before, after) == (
        "~ id changed      r (Al): q -> r\n"
        "~ retitled        q (Open role): Designer -> Engineer\n"
        "o vacancy opened  q (Open role): Engineer (was Al), reports to ann (Ann)\n"
        "* vacancy filled  p (Zed): Engineer\n"
        "old.yaml -> new.yaml: 1 id changed, 1 retitled, 1 vacancy opened,"
        " 1 vacancy filled\n")
    assert _run(tmp_path, after, before) == (
        "~ id changed      q (Al): r -> q\n"
        "o vacancy opened  p (Open role): Engineer (was Zed), reports to ann (Ann)\n"
        "* vacancy filled  q (Al): Designer (was open as Engineer)\n"
        "old.yaml -> new.yaml: 1 id changed, 1 vacancy opened, 1 vacancy filled\n")


def test_a_vacancy_filled_by_who_took_its_id_says_what_it_was_open_as(
        tmp_path: Path) -> None:
    """The open Engineer role q is Al's now, a Designer whose id went from r to q: the
    vacancy filled said only "Designer" (Al's own title, unchanged), not that the opening
    was for an Engineer. JSON has the opening's title as `old` of the title; one of Al's
    title has no `field`."""
    before = HEAD + """people:
  - {id: ann, name: Ann, title: CEO}
  - {id: q, vacant: true, title: Engineer, reports_to: ann}
  - {id: r, name: Al, title: Designer, reports_to: ann}
  - {id: p, name: Zed, title: Engineer, reports_to: ann}
"""
    after = HEAD + """people:
  - {id: ann, name: Ann, title: CEO}
  - {id: q, name: Al, title: Designer, reports_to: ann}
  - {id: p, vacant: true, title: Engineer, reports_to: ann}
"""
    assert _run(tmp_path, before, after).splitlines()[-2] == (
        "* vacancy filled  q (Al): Designer (was open as Engineer)")
    filled = [c for c in _json(tmp_path, before, after) if c["kind"] == "filled"]
    assert filled == [{"kind": "filled", "id": "q", "name": "Al", "old": "Engineer",
                       "new": "Designer", "field": "title", "title": "Designer",
                       "reports_to": "ann"}]
    same = before.replace("title: Designer", "title: Engineer")
    filled = [c for c in _json(tmp_path, same, after.replace("title: Designer",
                                                             "title: Engineer"))
              if c["kind"] == "filled"]
    assert filled == [{"kind": "filled", "id": "q", "name": "Al", "title": "Engineer",
                       "reports_to": "ann"}]


def _json(tmp_path: Path, before: str, after: str) -> list[dict[str, object]]:
    """The changes of `orgviz diff --json` from `before` to `after`."""
    import json

    old, new = tmp_path / "old.yaml", tmp_path / "new.yaml"
    old.write_text(before, encoding="utf-8")
    new.write_text(after, encoding="utf-8")
    result = CliRunner().invoke(main, ["diff", "--json", str(old), str(new)])
    assert result.exit_code == 0, result.output
    changes: list[dict[str, object]] = json.loads(result.stdout)["changes"]
    return changes


#: Two people named Alex Kim, their ids made from their names in file order (as
#: `orgviz import` makes them from a CSV without an id column: the second is alex-kim-2).
ALEX_KIMS = HEAD + """people:
  - {id: ann, name: Ann, title: CTO}
  - {id: dee, name: Dee, title: VP Design}
  - {id: alex-kim, name: Alex Kim, title: Engineer, reports_to: ann, team: core}
  - {id: alex-kim-2, name: Alex Kim, title: Designer, reports_to: dee, team: design}
"""


def test_an_id_made_from_a_name_passed_to_a_namesake_is_no_one_kept(tmp_path: Path) -> None:
    """The Engineer Alex Kim leaves, and the Designer's id made again from the name is
    alex-kim: the id's holders share nothing but the name, the Designer everything. It read
    as the Engineer moved to Dee, retitled Designer and re-teamed, and alex-kim-2 removed
    (the same id and name was always the same person)."""
    after = HEAD + """people:
  - {id: ann, name: Ann, title: CTO}
  - {id: dee, name: Dee, title: VP Design}
  - {id: alex-kim, name: Alex Kim, title: Designer, reports_to: dee, team: design}
"""
    assert _run(tmp_path, ALEX_KIMS, after) == (
        "- removed         alex-kim (Alex Kim): Engineer, reports to ann (Ann)\n"
        "~ id changed      alex-kim (Alex Kim): alex-kim-2 -> alex-kim\n"
        "old.yaml -> new.yaml: 1 removed, 1 id changed\n")
    assert _run(tmp_path, after, ALEX_KIMS) == (
        "+ added           alex-kim (Alex Kim): Engineer, reports to ann (Ann)\n"
        "~ id changed      alex-kim-2 (Alex Kim): alex-kim -> alex-kim-2\n"
        "old.yaml -> new.yaml: 1 added, 1 id changed\n")


def test_namesakes_whose_ids_made_from_the_name_swapped_are_ids_changed(
        tmp_path: Path) -> None:
    """The two Alex Kims' rows listed the other way round, their ids made again in the new
    order: two ids changed, not each moved, retitled and re-teamed into the other."""
    after = HEAD + """people:
  - {id: ann, name: Ann, title: CTO}
  - {id: dee, name: Dee, title: VP Design}
  - {id: alex-kim, name: Alex Kim, title: Designer, reports_to: dee, team: design}
  - {id: alex-kim-2, name: Alex Kim, title: Engineer, reports_to: ann, team: core}
"""
    assert _run(tmp_path, ALEX_KIMS, after) == (
        "~ id changed      alex-kim (Alex Kim): alex-kim-2 -> alex-kim\n"
        "~ id changed      alex-kim-2 (Alex Kim): alex-kim -> alex-kim-2\n"
        "old.yaml -> new.yaml: 2 ids changed\n")


def test_holders_of_an_id_and_a_name_that_no_pairing_takes_are_one_person(
        tmp_path: Path) -> None:
    """Fa at p11 shares nothing with Fa at p11 now but the name, and no pairing takes
    either: they are one person (moved, retitled, re-teamed), who leaves the name to the
    other Fa, p6 -> p3. Left among the namesakes, they had the two Fas of each version
    untold: Fa added at p3, and p6's opening read as Fa's position left open."""
    before = HEAD + """people:
  - {id: p6, name: Fa, title: Engineering Manager, team: t2}
  - {id: p11, name: Fa, title: Engineering Manager, reports_to: p6, team: t1}
"""
    after = HEAD + """people:
  - {id: p11, name: Fa, title: Engineer, team: t2}
  - {id: p6, title: Engineer, vacant: true, reports_to: p11, team: t1}
  - {id: p3, name: Fa, title: Engineering Manager, reports_to: p6, team: t0}
"""
    assert _run(tmp_path, before, after) == (
        "~ id changed      p3 (Fa): p6 -> p3\n"
        "> moved           p11 (Fa): p6 (Fa) -> (none)\n"
        "> moved           p3 (Fa): (none) -> p6 (Open role)\n"
        "~ retitled        p11 (Fa): Engineering Manager -> Engineer\n"
        "~ re-teamed       p11 (Fa): t1 -> t2\n"
        "~ re-teamed       p3 (Fa): t2 -> t0\n"
        "o vacancy opened  p6 (Open role): Engineer (a new position), reports to p11 (Fa)\n"
        "old.yaml -> new.yaml: 1 id changed, 2 moved, 1 retitled, 2 re-teamed,"
        " 1 vacancy opened\n")
