"""Matching two versions of an org into the changes of each position and declared team."""

from __future__ import annotations

from collections.abc import Mapping
from operator import attrgetter
from typing import Any, TypeVar

from orgviz.diff.change import Change, same_value
from orgviz.diff.pairing import (
    filled_under_new_ids,
    id_changes,
    opened_under_new_ids,
    team_id_changes,
)
from orgviz.model import Org, Person, Team
from orgviz.problem import Problem

#: A team's fields compared besides its name (lead by person id, parent by team id).
_TEAM_FIELDS = ("lead", "parent", "color")
_OTHER_FIELDS = ("dotted_to", "roles", "location", "email", "assistant")
#: A position's values that `_other_changes` compares (all equal: no change to look for).
_other_values = attrgetter("ftes", *_OTHER_FIELDS)

_Item = TypeVar("_Item")


def _only_in(items: dict[str, _Item], other: Mapping[str, object]) -> list[_Item]:
    """The items (by id) whose id `other` lacks, in their order: the removed or the added."""
    return [item for key, item in items.items() if key not in other]


def _position(kind: str, person: Person, **extra: Any) -> Change:
    """A change about a whole position: its title, team and manager come with it."""
    return Change(kind, person.id, person.display_name, title=person.title, team=person.team,
                  reports_to=person.reports_to, **extra)


def diff_orgs(old: Org, new: Org) -> list[Change]:
    """All changes from `old` to `new`, people matched by id, in the new file's order; then
    the removed, in the old file's order.

    A person removed under one id and added under another with the same name, and the same
    title or manager, is one person whose id changed. People of the new version whose
    manager is in neither version's people, or was removed, are `unlinked`: the new version
    has a broken reporting line (`orgviz validate` reports it too). Then the changes of the
    declared teams (added, removed, id changed, renamed, lead, parent or color changed); a
    team whose id changed keeps its people, who are not re-teamed. OrgLoadError (the
    duplicate-id errors) when a person's id repeats in either version.
    """
    from orgviz.validate import require_unique_ids

    require_unique_ids(old)
    require_unique_ids(new)
    changes: list[Change] = []
    old_people, new_people = old.by_id, new.by_id
    removed, added = _only_in(old_people, new_people), _only_in(new_people, old_people)
    moved_ids = id_changes(removed, added)
    filled_by = filled_under_new_ids(removed, added, moved_ids)
    opened_by = opened_under_new_ids(removed, added, moved_ids)
    # old id -> the new id of the same position
    replaced = {**moved_ids, **filled_by, **opened_by}
    old_teams, new_teams = old.teams_by_id, new.teams_by_id
    removed_teams = _only_in(old_teams, new_teams)
    team_ids = team_id_changes(removed_teams, _only_in(new_teams, old_teams))
    new_ids = {new_id: old_id for old_id, new_id in moved_ids.items()}
    filled_ids = {new_id: old_id for old_id, new_id in filled_by.items()}
    opened_ids = {new_id: old_id for old_id, new_id in opened_by.items()}
    for pid, person in new_people.items():
        before = old_people.get(new_ids.get(pid, pid))
        boss = person.reports_to
        unlinked = boss is not None and boss != pid and boss not in new_people and not (
            before is not None and before.reports_to == boss and boss not in old_people)
        moved = before is not None and before.reports_to != boss and (
            before.reports_to is None or replaced.get(before.reports_to) != boss)
        if unlinked:  # (a line broken before: no change; moved to a missing manager: one)
            changes.append(_position("unlinked", person, **(
                {"old": before.reports_to, "field": "reports_to"}
                if moved and before is not None else {})))
        if pid in filled_ids:  # an open position filled by someone with an id of their own
            changes.append(_position("filled", person, old=filled_ids[pid], new=pid,
                                     field="id"))
            continue
        if pid in opened_ids:  # who left, backfilled by an open position of its own id
            changes.append(_position("opened", person, old=opened_ids[pid], new=pid,
                                     field="id", new_position=False,
                                     previous_holder=old_people[opened_ids[pid]].name))
            continue
        if before is None:
            changes.append(_position("opened", person, new_position=True) if person.vacant
                           else _position("added", person))
            continue
        changes += _kept_changes(before, person, moved and not unlinked, replaced, team_ids)
    changes += [_position("removed", person) for person in removed if person.id not in replaced]
    return changes + _team_changes(old_teams, new_teams, team_ids, replaced, removed_teams)


def _kept_changes(before: Person, person: Person, moved: bool, replaced: dict[str, str],
                  team_ids: dict[str, str]) -> list[Change]:
    """The changes of a position found in both versions (`before` under its old id), in
    report order; `moved`: to another manager who is in the new version."""
    pid, name = person.id, person.display_name
    changes: list[Change] = []
    if before.id != pid:
        changes.append(Change("idchanged", pid, name, before.id, pid, "id"))
    if moved:
        changes.append(Change("moved", pid, name, before.reports_to, person.reports_to,
                              "reports_to"))
    if not same_value(before.title, person.title):
        changes.append(Change("retitled", pid, name, before.title, person.title, "title"))
    if before.team != person.team and team_ids.get(before.team or "", before.team) != \
            person.team:  # (a team whose id changed keeps its people)
        changes.append(Change("reteamed", pid, name, before.team, person.team, "team"))
    if person.vacant and not before.vacant:
        changes.append(_position("opened", person, previous_holder=before.name,
                                 new_position=False))
    elif before.vacant and not person.vacant:
        changes.append(_position("filled", person))
    elif not same_value(before.name, person.name) and not person.vacant:
        changes.append(Change("renamed", pid, name, before.name, person.name, "name"))
    return changes + _other_changes(before, person, replaced)


def _other_changes(before: Person, person: Person, replaced: dict[str, str]) -> list[Change]:
    """The "other" changes of a position found in both versions: FTE, dotted lines, explicit
    roles, location, email, assistant."""
    if _other_values(before) == _other_values(person):  # (most people: none of them changed)
        return []
    pid, name = person.id, person.display_name
    changes: list[Change] = []
    if before.ftes != person.ftes:  # (no fte is one full-time post)
        changes.append(Change("changed", pid, name, before.ftes, person.ftes, "fte"))
    for fld in _OTHER_FIELDS:
        a, b = getattr(before, fld), getattr(person, fld)
        if fld == "roles" and "explicit" not in (before.role_source, person.role_source):
            continue  # inferred from the title: already reported as retitled
        if fld == "dotted_to" and sorted(replaced.get(d, d) for d in a) == sorted(b):
            continue  # (the same managers, under their new ids, in any order)
        if fld == "roles" and sorted(a) == sorted(b):
            continue  # (a combined role's members in another order: the same role)
        if not same_value(a, b):
            changes.append(Change("changed", pid, name, a, b, fld))
    return changes


def _whole_team(kind: str, team: Team) -> Change:
    """A change about a whole team: its lead and parent team come with it."""
    return Change(kind, team.id, team.display_name, lead=team.lead, parent=team.parent)


def _team_changes(old_teams: dict[str, Team], new_teams: dict[str, Team],
                  team_ids: dict[str, str], replaced: dict[str, str],
                  removed: list[Team]) -> list[Change]:
    """The changes of the declared teams (by id), in the new file's order, then the
    `removed` ones (but those whose id changed); a lead or parent that only changed its id
    (`replaced`, `team_ids`) is no change."""
    changes: list[Change] = []
    previous = {new_id: old_id for old_id, new_id in team_ids.items()}
    renames = {"lead": replaced, "parent": team_ids, "color": {}}
    for tid, team in new_teams.items():
        before = old_teams.get(previous.get(tid, tid))
        if before is None:
            changes.append(_whole_team("team-added", team))
            continue
        if before.id != tid:
            changes.append(Change("team-idchanged", tid, team.display_name, before.id, tid,
                                  "id"))
        if not same_value(before.display_name, team.display_name):
            changes.append(Change("team-renamed", tid, team.display_name,
                                  before.display_name, team.display_name, "name"))
        for fld in _TEAM_FIELDS:
            a, b = getattr(before, fld), getattr(team, fld)
            if renames[fld].get(a or "", a) != b:
                changes.append(Change("team-changed", tid, team.display_name, a, b, fld))
    changes += [_whole_team("team-removed", team) for team in removed if team.id not in team_ids]
    return changes


def repeated_ids(org: Org) -> list[Problem]:
    """The duplicate-id errors of people whose id an earlier person has (people are matched by
    id: the later one would never be compared, its changes never reported)."""
    from orgviz.validate import repeated_id_errors

    return [problem for problem in repeated_id_errors(org)
            if problem.message.startswith("duplicate person id")]
