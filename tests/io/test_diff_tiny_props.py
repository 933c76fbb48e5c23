"""`diff_orgs` on pairs of tiny orgs drawn from a small alphabet (two or three names, a few
ids, titles and teams, openings, ids renamed or swapped, teams: blocks): it always ends,
its JSON accounts for each position and team of each version once, and a version against
itself has no change. Such orgs, names and ids repeating across few positions, are where
the pairing of renamed ids met its hardest cases (a walk that went round a cycle for
ever on three people)."""

from __future__ import annotations

import signal
import tempfile
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from orgviz.diff import TEAM_KINDS, diff_orgs, to_json
from orgviz.loader import load
from orgviz.model import Org

IDS = ("p", "q", "r", "s")
NAMES = ("Al", "Bo", "Cy")
TITLES = ("Engineer", "Designer")
TEAM_IDS = ("t0", "t1", "t2")
TEAM_NAMES = ("A", "B")
#: Seconds a diff of a few people may take before it counts as hanging (it takes
#: milliseconds: a guard against a loop, not a measure of speed).
HANG_GUARD = 30

Row = dict[str, Any]


@st.composite
def _people(draw: st.DrawFn, teams: list[Row] | None = None) -> list[Row]:
    """One to four positions of distinct ids: people and openings (some named), titles,
    managers (any id, none, or one no one holds), teams (mostly of `teams`, when given)."""
    declared = [team["id"] for team in teams or ()]
    ids = draw(st.lists(st.sampled_from(IDS), min_size=1, max_size=4, unique=True))
    rows = []
    for pid in ids:
        holder = draw(st.sampled_from(["person", "person", "opening", "named vacancy"]))
        rows.append({
            "id": pid, "title": draw(st.sampled_from((TITLES[0], *TITLES))),
            "vacant": holder != "person",
            "name": draw(st.sampled_from(NAMES)) if holder != "opening" else None,
            "reports_to": draw(st.sampled_from([None, *IDS, "ghost"])),
            "team": draw(st.sampled_from([None, *TEAM_IDS, *declared, *declared])),
        })
    return rows


@st.composite
def _teams(draw: st.DrawFn) -> list[Row] | None:
    """A teams: block of up to three teams (names, leads and parents from the alphabet),
    or none."""
    if not draw(st.integers(0, 3)):
        return None
    ids = draw(st.lists(st.sampled_from(TEAM_IDS), max_size=3, unique=True))
    return [{"id": tid, "name": draw(st.sampled_from(TEAM_NAMES)),
             "lead": draw(st.sampled_from([None, *IDS])),
             "parent": draw(st.sampled_from([None, *TEAM_IDS]))} for tid in ids]


@st.composite
def _team_ids_now(draw: st.DrawFn) -> dict[str, str | None]:
    """Old team id -> its id now (None: gone; not in it: the same): unchanged, permuted,
    some merged into one, or any."""
    how = draw(st.sampled_from(["same", "permuted", "permuted", "merged", "merged", "any"]))
    if how == "permuted":
        return dict(zip(TEAM_IDS, draw(st.permutations(TEAM_IDS)), strict=True))
    if how == "merged":
        into = draw(st.sampled_from(TEAM_IDS))
        return dict.fromkeys(draw(st.lists(st.sampled_from(TEAM_IDS), min_size=2,
                                           unique=True)), into)
    if how == "any":
        return {tid: draw(st.sampled_from([None, *TEAM_IDS])) for tid in TEAM_IDS}
    return {}


@st.composite
def _evolved(draw: st.DrawFn, people: list[Row], teams: list[Row] | None,
             ) -> tuple[list[Row], list[Row] | None]:
    """`people` and `teams` after a few edits: ids renamed or swapped (of people, of teams),
    a position taking another's id (the other gone: an opening filled by someone whose id
    changed), teams merged, titles, names, managers, teams, vacancies changed, a position
    added or dropped."""
    to = (dict(zip(IDS, draw(st.permutations(IDS)), strict=True))
          if draw(st.booleans()) else {})
    team_to = draw(_team_ids_now())
    follow = draw(st.sampled_from([0.0, 0.5, 1.0, 1.0]))  # (how many follow their team)
    openings = [to.get(row["id"], row["id"]) for row in people if row["vacant"]]
    rows = [{**row, "id": to.get(row["id"], row["id"])} for row in people]
    for row in rows:
        if draw(st.booleans()):  # (the manager's id renamed with them, or left)
            row["reports_to"] = to.get(row["reports_to"], row["reports_to"])
        if follow == 1.0 or (follow and draw(st.booleans())):
            row["team"] = team_to.get(row["team"], row["team"])
        edit = draw(st.sampled_from(["none", "none", "title", "name", "vacancy", "manager",
                                     "team", "take", "take", "drop"]))
        if edit == "title":
            row["title"] = draw(st.sampled_from(TITLES))
        elif edit == "name":
            row["name"] = draw(st.sampled_from(NAMES))
        elif edit == "vacancy":
            row["vacant"] = not row["vacant"]
            row["name"] = None if row["vacant"] and draw(st.booleans()) else (
                row["name"] or draw(st.sampled_from(NAMES)))
        elif edit == "manager":
            row["reports_to"] = draw(st.sampled_from([None, *IDS]))
        elif edit == "team":
            row["team"] = draw(st.sampled_from([None, *TEAM_IDS]))
        elif edit == "take":  # (its id's holder goes: the old id is free, or not)
            row["id"] = draw(st.sampled_from(openings or IDS) if draw(st.booleans())
                             else st.sampled_from(IDS))
        elif edit == "drop":
            row["id"] = None
    kept: dict[str, Row] = {}
    for row in reversed(rows):  # (who took an id comes later: the holder before goes)
        if row["id"] is not None and row["id"] not in kept:
            kept[row["id"]] = row
    rows = list(reversed(kept.values()))
    extra = [row for row in draw(_people(teams)) if row["id"] not in kept][:draw(st.integers(0, 1))]
    rows = rows + extra or people
    if teams is not None and team_to:
        renamed = [{**team, "id": team_to.get(team["id"], team["id"]),
                    "parent": team_to.get(team["parent"], team["parent"])} for team in teams]
        teams = list({team["id"]: team for team in renamed if team["id"]}.values())
    if teams is not None and draw(st.booleans()):
        teams = [{**team, "name": draw(st.sampled_from(TEAM_NAMES))} for team in teams]
    return rows, teams


@st.composite
def _pairs(draw: st.DrawFn) -> tuple[str, str]:
    """Two versions: drawn apart, or the second evolved from the first."""
    teams = draw(_teams())
    people = draw(_people(teams))
    if not draw(st.integers(0, 2)):
        after_teams = draw(_teams())
        after = draw(_people(after_teams))
    else:
        after, after_teams = draw(_evolved(people, teams))
    return _text(people, teams), _text(after, after_teams)


def _text(people: list[Row], teams: list[Row] | None) -> str:
    """The org file of these positions and teams."""
    lines = ["orgviz: 1", "org: {name: Tiny, size: small}"]
    if teams is not None:
        lines.append("teams:" if teams else "teams: []")
        for team in teams:
            fields = [f"id: {team['id']}", f"name: {team['name']}"]
            fields += [f"{key}: {team[key]}" for key in ("lead", "parent")
                       if team[key] is not None and team[key] != team["id"]]
            lines.append("  - {" + ", ".join(fields) + "}")
    lines.append("people:")
    for row in people:
        fields = [f"id: {row['id']}", f"title: {row['title']}"]
        if row["vacant"]:
            fields.append("vacant: true")
        if row["name"] is not None:
            fields.append(f"name: {row['name']}")
        if row["reports_to"] is not None and row["reports_to"] != row["id"]:
            fields.append(f"reports_to: {row['reports_to']}")
        if row["team"] is not None:
            fields.append(f"team: {row['team']}")
        lines.append("  - {" + ", ".join(fields) + "}")
    return "\n".join(lines) + "\n"


class _Hung(Exception):
    """The diff ran past the guard."""


@contextmanager
def _guarded(seconds: int) -> Iterator[None]:
    """Raise _Hung in the block after `seconds` (a loop that never ends fails the test)."""
    def hung(signum: int, frame: object) -> None:
        raise _Hung(f"the diff did not end in {seconds}s")

    previous = signal.signal(signal.SIGALRM, hung)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def _loaded(before: str, after: str) -> tuple[Org, Org]:
    """The two versions, loaded from files."""
    with tempfile.TemporaryDirectory() as folder:
        old_path, new_path = Path(folder, "old.yaml"), Path(folder, "new.yaml")
        old_path.write_text(before, encoding="utf-8")
        new_path.write_text(after, encoding="utf-8")
        return load(old_path), load(new_path)


def _accounted(changes: list[dict[str, Any]], old: Org, new: Org) -> None:
    """Each id of the old version is removed, the old id of one change of id, or kept
    (the new version has it), once at most; each id of the new version added (opened as a
    new position), the new id of one change of id, or kept (the old version has it), once
    at most; people and declared teams alike."""
    for teams in (False, True):
        was = old.teams_by_id if teams else old.by_id
        now = new.teams_by_id if teams else new.by_id
        mine = [c for c in changes if (c["kind"] in TEAM_KINDS) == teams]
        ids = [c for c in mine if c.get("field") == "id"]
        gone = Counter(c["id"] for c in mine if c["kind"] in ("removed", "team-removed"))
        gone.update(c["old"] for c in ids)
        came = Counter(c["id"] for c in mine if c["kind"] in ("added", "team-added") or (
            c["kind"] == "opened" and c.get("new_position")))
        came.update(c["new"] for c in ids)
        for pid in was:
            assert gone[pid] <= 1, (teams, pid, gone)
            assert gone[pid] or pid in now, (teams, pid)
        for pid in now:
            assert came[pid] <= 1, (teams, pid, came)
            assert came[pid] or pid in was, (teams, pid)
        assert set(gone) <= set(was) and set(came) <= set(now), (gone, came)


HEAD = "orgviz: 1\norg: {name: Tiny, size: small}\n"
#: Ann goes from r to q and fills its opening, of team t1, as t0 goes to t2: both old teams
#: held q by new id and were paired with t2, and the walk of a chain that ran into the
#: cycle t0 -> t2 -> t0 went round it for ever (95ca8a0).
_CHAIN_INTO_A_CYCLE = (HEAD + """teams:
  - {id: t0, name: Team0}
  - {id: t1, name: Team1, lead: p}
  - {id: t2, name: Team2, lead: p}
people:
  - {id: p, title: Designer, vacant: true, team: t2}
  - {id: q, title: Engineer, vacant: true, reports_to: p, team: t1}
  - {id: r, title: Engineer, name: Ann, reports_to: p, team: t0}
""", HEAD + """teams:
  - {id: t2, name: Team0}
  - {id: t0, name: Team1, lead: p}
  - {id: t1, name: Team2, lead: p}
people:
  - {id: s, title: Designer, vacant: true, team: t1}
  - {id: p, title: Engineer, vacant: true, team: t0}
  - {id: q, title: Engineer, name: Ann, reports_to: p, team: t2}
""")
#: Al goes from q to p and fills its opening, of team t0, as t0 and t1 become t2: both old
#: teams held all of t2 by new id and were paired with it; t0 was never reported.
_TWO_TEAMS_INTO_ONE = (HEAD + """teams:
  - {id: t0, name: A}
  - {id: t1, name: B}
people:
  - {id: p, title: Engineer, vacant: true, team: t0}
  - {id: q, title: Engineer, name: Al, team: t1}
""", HEAD + """teams:
  - {id: t2, name: B}
people:
  - {id: p, title: Engineer, name: Al, team: t2}
""")


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_pairs())
@example(_CHAIN_INTO_A_CYCLE)
@example(_TWO_TEAMS_INTO_ONE)
def test_a_diff_of_tiny_orgs_ends_and_accounts_for_everyone(pair: tuple[str, str]) -> None:
    _check(pair)


def _check(pair: tuple[str, str]) -> None:
    """Both ways, the diff of the two versions ends, its JSON counts its changes and
    accounts for everyone (`_accounted`), and each version against itself has no change."""
    before, after = pair
    old, new = _loaded(before, after)
    for was, now in ((old, new), (new, old)):
        with _guarded(HANG_GUARD):
            changes = diff_orgs(was, now)
            same = diff_orgs(was, was)
        assert same == [], (was.source, same)
        report = to_json(changes, "a", "b")
        listed = report["changes"]
        assert len(listed) == len(changes)
        assert report["summary"] == {**dict.fromkeys(report["summary"], 0),
                                     **Counter(c["kind"] for c in listed)}
        for c in listed:
            if c["kind"] not in ("org-changed", "rule-changed"):
                assert c["id"] in ({*was.teams_by_id, *now.teams_by_id} if c["kind"] in
                                   TEAM_KINDS else {*was.by_id, *now.by_id}), c
        _accounted(listed, was, now)
