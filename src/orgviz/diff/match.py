"""Matching two versions of an org into the changes of each position and declared team."""

from __future__ import annotations

from collections.abc import Callable, Container, Mapping
from contextlib import suppress
from dataclasses import replace
from operator import attrgetter, eq
from typing import Any, NamedTuple, TypeVar

from orgviz.diff.change import Change, same_value
from orgviz.diff.pairing import (
    id_changes,
    position_changes,
    renamed,
    swapped_ids,
    unnamed_opening,
)
from orgviz.diff.teams import team_id_changes, team_members
from orgviz.gcpause import cyclic_gc_paused
from orgviz.model import Org, Person, RuleSetting, Team
from orgviz.problem import Problem

#: A team's fields compared besides its name (lead by person id, parent by team id).
_TEAM_FIELDS = ("lead", "parent", "color")
_OTHER_FIELDS = ("dotted_to", "roles", "location", "email", "assistant")
#: The fields whose values are ids, and the `Org` attribute that finds what each id names.
_ID_FIELDS = {"reports_to": "by_id", "lead": "by_id", "dotted_to": "by_id",
              "team": "teams_by_id", "parent": "teams_by_id"}
#: The kinds of change that carry a person id of the old version outside `old`, and where.
_PEOPLE_BEFORE = {"removed": "reports_to", "team-removed": "lead"}
#: The kinds of change that carry a person id of the new version outside `new`, and where.
_PEOPLE_AFTER = {"added": "reports_to", "team-added": "lead"}
#: A position's values that `_other_changes` compares (all equal: no change to look for).
_other_values = attrgetter("ftes", *_OTHER_FIELDS)

_Item = TypeVar("_Item")


def _only_in(items: dict[str, _Item], other: Mapping[str, object],
             also: Container[str] = ()) -> list[_Item]:
    """The items (by id) whose id `other` lacks, in their order: the removed or the added
    (and those whose id is among `also`: ids reused, whose holder is removed or added)."""
    return [item for key, item in items.items() if key not in other or key in also]


def _position(kind: str, person: Person, **extra: Any) -> Change:
    """A change about a whole position: its title, team and manager come with it."""
    return Change(kind, person.id, person.display_name, title=person.title, team=person.team,
                  reports_to=person.reports_to, **extra)


def diff_orgs(old: Org, new: Org) -> list[Change]:
    """All changes from `old` to `new`, people matched by id, in the new file's order; then
    the removed, in the old file's order.

    A person removed under one id and added under another with the same name, and the same
    title or manager, is one person whose id changed; so is one whose old id someone new
    holds now, or whose new id was held by someone who left, where the two holders of that
    id share nothing (`swapped_ids`): the one is added, the other removed. A team too.
    People of the new version whose manager is in neither version's people, or was
    removed, are `unlinked`: the new version has a broken reporting line (`orgviz
    validate` reports it too). Then the changes of the
    declared teams (added, removed, id changed, renamed, lead, parent or color changed); a
    team whose id changed keeps its people, who are not re-teamed. A dotted line, team, team
    lead or parent team left at an id that named someone (a team) in the old version and
    names no one in the new is a change (its `missing` ids). Last the changes of the org's
    header (name, size, date) and of its `rules:` block. OrgLoadError (the load errors and
    duplicate-id errors) when either version did not load whole (its missing people would
    show as removed or added) or a person's id repeats in it.
    """
    from orgviz.model import require_org
    from orgviz.validate import require_whole

    for version in (require_org(old, "diff_orgs"), require_org(new, "diff_orgs")):
        require_whole(version)
    # (a change or two for each position, and the pairings' dicts and sets: nothing in a
    # cycle, so the collector, triggered by the allocations, only walks both orgs again)
    with cyclic_gc_paused():
        return _changes(old, new)


def _changes(old: Org, new: Org) -> list[Change]:
    """The changes of `diff_orgs`, of two whole versions."""
    changes: list[Change] = []
    old_people, new_people = old.by_id, new.by_id
    removed, added = _only_in(old_people, new_people), _only_in(new_people, old_people)
    moved_ids = id_changes(removed, added)
    swapped, reused = swapped_ids(old_people, new_people, old.reports, new.reports, moved_ids,
                                  (removed, added))
    moved_ids.update(swapped)
    # (an id reused: its person's id changed and someone new holds it, or its person left
    # and someone whose id changed took it; that person new, or removed, as others are)
    fresh = {pid for pid in reused if pid in moved_ids}
    left_ids = reused - fresh
    if left_ids:
        removed = _only_in(old_people, new_people, left_ids)
    if fresh:
        added = _only_in(new_people, old_people, fresh)
    open_ids, filled_by, opened_by = position_changes(removed, added, moved_ids,
                                                      (old.reports, new.reports))
    moved_ids.update(open_ids)
    # old id -> the new id of the same position
    replaced = {**moved_ids, **filled_by, **opened_by}
    new_ids = {new_id: old_id for old_id, new_id in moved_ids.items()}
    # (an id left open by its person, whose id changed: who still report to it or name it
    # stayed with the position, as those who followed the person to the new id did)
    stayed = {pid for pid in moved_ids if pid in new_people and pid not in new_ids
              and pid not in fresh}
    # (an id whose person left, someone else's now: who report to it or name it lost them)
    renames = _Renames(replaced, stayed, {pid for pid in left_ids if pid not in replaced})
    old_teams, new_teams = old.teams_by_id, new.teams_by_id
    team_ids, reused_teams = team_id_changes(
        old_teams, new_teams, (team_members((p for p in old.people if p.id not in renames.left),
                                            replaced), team_members(new.people, {})), replaced,
        (_only_in(old_teams, new_teams), _only_in(new_teams, old_teams)), renames.left)
    left_teams = {tid for tid in reused_teams if tid not in team_ids}
    removed_teams = _only_in(old_teams, new_teams, left_teams)
    # (an opening whose id someone took from another, their id changed: that vacancy filled)
    took = {pid for pid in new_ids if pid in old_people and pid not in moved_ids
            and pid not in reused}
    filled_ids = {new_id: old_id for old_id, new_id in filled_by.items()}
    opened_ids = {new_id: old_id for old_id, new_id in opened_by.items()}
    for pid, person in new_people.items():
        old_id = new_ids.get(pid, None if pid in fresh else pid)
        before = old_people.get(old_id) if old_id is not None else None
        boss = person.reports_to
        unlinked = boss is not None and boss != pid and boss not in new_people and not (
            before is not None and before.reports_to == boss and boss not in old_people)
        # (the same manager under a new id is no move; the same id is, where another person
        # holds it now; an id left after its person's changed is a missing manager, no move)
        was = before.reports_to if before is not None else None
        moved = before is not None and not _same_one(was, boss, renames) and (
            was != boss or boss in new_people)
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
        changes += _kept_changes(before, person, moved and not unlinked,
                                 (team_ids, left_teams), (old_teams, new_teams))
        if pid in took:
            changes.append(_taken_opening(old_people[pid], person))
        changes += _other_changes(before, person, renames, (old, new))
    changes += [_position("removed", person) for person in removed if person.id not in replaced]
    changes += _team_changes(old_teams, new_teams, (team_ids, left_teams), renames,
                             removed_teams, (old_people, new_people))
    return [_named(change, old, new) for change in changes] + _org_changes(old, new)


def _named(change: Change, old: Org, new: Org) -> Change:
    """The change with the names of the people (teams) its old and new ids name, each in
    its version (an id may name Mo before and Mia now, after their ids swapped), and the
    old ids of people that name no one in the old version (`old_missing`), and the new ids
    of an added position's manager or an added team's lead that name no one in the new
    version (`missing`)."""
    before = _PEOPLE_BEFORE.get(change.kind)
    if before is not None:  # (a removed position's manager, a removed team's lead)
        gone = _missing_ids(getattr(change, before), old.by_id)
        return replace(change, old_missing=gone) if gone else change
    after = _PEOPLE_AFTER.get(change.kind)
    if after is not None:  # (an added position's manager, an added team's lead)
        gone = _missing_ids(getattr(change, after), new.by_id)
        return replace(change, missing=gone) if gone else change
    where = _ID_FIELDS.get(change.field or "")
    if where is None:
        return change
    return replace(change, old_name=_names_of(change.old, getattr(old, where)),
                   new_name=_names_of(change.new, getattr(new, where)),
                   old_missing=(_missing_ids(change.old, old.by_id) if where == "by_id"
                                else None))


def _missing_ids(value: Any, found: Mapping[str, Person]) -> tuple[str, ...] | None:
    """The ids of `value` (an id, or a tuple of ids) that name no one of `found`; None for
    none."""
    ids = value if isinstance(value, tuple) else (value,)
    gone = tuple(pid for pid in ids if isinstance(pid, str) and pid not in found)
    return gone or None


def _names_of(value: Any, found: Mapping[str, Person | Team]) -> Any:
    """The name of what the id `value` names in `found` (None: nothing), or of each id of
    a tuple of ids."""
    if isinstance(value, tuple):
        return tuple(_names_of(one, found) for one in value)
    item = found.get(value) if isinstance(value, str) else None
    return item.display_name if item is not None else None


class _Renames(NamedTuple):
    """How the old version's person ids read in the new one."""

    #: Old id -> the new id of its position.
    replaced: dict[str, str]
    #: Ids left open by their person whose id changed: that position still.
    stayed: Container[str]
    #: Ids whose person left while someone whose id changed took them: no one now.
    left: Container[str]


def _same_one(was: str | None, now: str | None, renames: _Renames) -> bool:
    """Whether the position (old id `was`) and the position (new id `now`) are one, the
    old ids read as `renames` has them."""
    if was is not None and was in renames.left:
        return False
    return renamed(was, renames.replaced) == now or (
        was == now and was in renames.stayed)


def _kept_changes(before: Person, person: Person, moved: bool,
                  team_renames: tuple[dict[str, str], Container[str]],
                  teams: tuple[Mapping[str, object], Mapping[str, object]]) -> list[Change]:
    """The changes of a position found in both versions (`before` under its old id), in
    report order but the "other" ones; `moved`: to another manager who is in the new
    version. A team left at the id of a declared team whose id changed, or that was
    removed, is a re-teaming: it names no team of the new version's (old and new `teams`),
    or another one that took the id (`team_renames`: old id -> new id of the declared
    teams, and the ids whose team was removed, another taking them)."""
    team_ids, left_teams = team_renames
    pid, name = person.id, person.display_name
    changes: list[Change] = []
    if before.id != pid:  # (an opening without a name told from another by its position)
        changes.append(_position("idchanged", person, old=before.id, new=pid, field="id",
                                 unnamed_opening=True)
                       if unnamed_opening(person) else
                       Change("idchanged", pid, name, before.id, pid, "id"))
    if moved:
        changes.append(Change("moved", pid, name, before.reports_to, person.reports_to,
                              "reports_to"))
    if not same_value(before.title, person.title):
        changes.append(Change("retitled", pid, name, before.title, person.title, "title"))
    gone = person.team is not None and bool(teams[1]) and person.team not in teams[1]
    # (a team whose id changed keeps its people, who follow it to its new id; who stay at
    # its old id, which another team holds now or none, are re-teamed)
    if renamed(before.team, team_ids) != person.team or (
            gone and person.team in teams[0]) or before.team in left_teams:
        changes.append(Change("reteamed", pid, name, before.team, person.team, "team",
                              missing=(person.team,) if gone and person.team else None))
    if person.vacant and not before.vacant:
        changes.append(_position("opened", person, previous_holder=before.name,
                                 new_position=False))
    elif before.vacant and not person.vacant:
        changes.append(_position("filled", person))
    elif not same_value(before.name, person.name) and not person.vacant:
        changes.append(Change("renamed", pid, name, before.name, person.name, "name"))
    return changes


def _taken_opening(opening: Person, person: Person) -> Change:
    """The vacancy `opening` filled by `person`, whose id changed to the opening's: with the
    opening's title (`old`, `new` theirs, `field` "title") where it differs, which their
    own retitling, from who they were under their old id, does not tell."""
    if same_value(opening.title, person.title):
        return _position("filled", person)
    return _position("filled", person, old=opening.title, new=person.title, field="title")


def _other_changes(before: Person, person: Person, renames: _Renames,
                   versions: tuple[Org, Org]) -> list[Change]:
    """The "other" changes of a position found in both versions (`versions`, old and new):
    FTE, dotted lines, explicit roles, location, email, assistant. A dotted line left at the
    id of someone whose id changed, or who was removed, is a change: it names no one now
    (`missing`); one to an id its person left open (`renames`) is none; one to an id whose
    person left is one. Roles that only follow a retitling (each the roles its title
    names, given or not) are no change: the retitling says it."""
    if _other_values(before) == _other_values(person) and not person.dotted_to:
        return []  # (most people: none of them changed, and no dotted line to check)
    old_people, new_people = versions[0].by_id, versions[1].by_id
    pid, name = person.id, person.display_name
    changes: list[Change] = []
    if before.ftes != person.ftes:  # (no fte is one full-time post)
        changes.append(Change("changed", pid, name, before.ftes, person.ftes, "fte"))
    for fld in _OTHER_FIELDS:
        a, b = getattr(before, fld), getattr(person, fld)
        if fld == "roles" and "explicit" not in (before.role_source, person.role_source):
            continue  # inferred from the title: already reported as retitled
        if fld == "dotted_to":
            gone = tuple(d for d in b if d not in new_people)
            replaced, stayed, left = renames
            if sorted(replaced.get(d, d) for d in a) == sorted(
                    replaced[d] if d in stayed else d for d in b) and not any(
                    d in old_people for d in gone) and not any(d in left for d in a):
                continue  # (the same managers, under their new ids, in any order)
            changes.append(Change("changed", pid, name, a, b, fld, missing=gone or None))
            continue
        if fld == "roles" and (sorted(a) == sorted(b)
                               or _follows_retitle(before, person, versions)):
            continue  # (a combined role's members in another order; roles as titled)
        if not same_value(a, b):
            changes.append(Change("changed", pid, name, a, b, fld))
    return changes


def _follows_retitle(before: Person, person: Person, versions: tuple[Org, Org]) -> bool:
    """Whether a position's roles changed only as its title did: retitled, and its roles
    in each version (`versions`, old and new) are those its title names there."""
    return not same_value(before.title, person.title) and (
        sorted(before.roles) == sorted(_title_roles(before, versions[0]))
        and sorted(person.roles) == sorted(_title_roles(person, versions[1])))


def _title_roles(person: Person, org: Org) -> tuple[str, ...]:
    """The roles a position's title names in `org` (by its ladder: `manager` for a title
    of an individual contributor who has reports), as when its roles are not given."""
    if not person.title:
        return ()
    role = org.ladder.infer(person.title)
    if role is not None and org.reports.get(person.id):
        role = org.ladder.with_reports(person.title) or role
    return (role,) if role else ()


def _whole_team(kind: str, team: Team) -> Change:
    """A change about a whole team: its lead and parent team come with it."""
    return Change(kind, team.id, team.display_name, lead=team.lead, parent=team.parent)


def _team_changes(old_teams: dict[str, Team], new_teams: dict[str, Team],
                  team_renames: tuple[dict[str, str], Container[str]], renames: _Renames,
                  removed: list[Team],
                  people: tuple[Mapping[str, object], Mapping[str, object]]) -> list[Change]:
    """The changes of the declared teams (by id), in the new file's order, then the
    `removed` ones (but those whose id changed); a lead or parent that only changed its id
    (`renames` of people, as `_same_one` reads them; `team_renames`: old id -> new id of
    the declared teams, and the ids whose team was removed, another taking them) is no
    change, one left at the id of a person (of the old and new `people`) or team whose id
    changed, or that was removed, is one (`missing`)."""
    changes: list[Change] = []
    team_ids, left_teams = team_renames
    previous = {new_id: old_id for old_id, new_id in team_ids.items()}
    same: dict[str, Callable[[Any, Any], bool]] = {
        "lead": lambda a, b: _same_one(a, b, renames),
        "parent": lambda a, b: renamed(a, team_ids) == b and a not in left_teams,
        "color": eq}
    ids: dict[str, tuple[Mapping[str, object], Mapping[str, object]]] = {
        "lead": people, "parent": (old_teams, new_teams)}
    for tid, team in new_teams.items():
        # (an id whose team's id changed, that no team passed on: the team there is new)
        old_id = previous.get(tid, None if tid in team_ids else tid)
        before = old_teams.get(old_id) if old_id is not None else None
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
            was, now = ids.get(fld, ({}, {}))
            gone = b is not None and fld in ids and b not in now  # (names no one now)
            if not same[fld](a, b) or (gone and b in was):
                changes.append(Change("team-changed", tid, team.display_name, a, b, fld,
                                      missing=(b,) if gone else None))
    changes += [_whole_team("team-removed", team) for team in removed if team.id not in team_ids]
    return changes


def _org_changes(old: Org, new: Org) -> list[Change]:
    """The changes of the org's header (name, size, date), then of its `rules:` block (in
    the new file's order, then the rules it no longer sets)."""
    changes = [Change("org-changed", "org", new.name, getattr(old, fld), getattr(new, fld), fld)
               for fld in ("name", "size", "date")
               if not same_value(getattr(old, fld), getattr(new, fld))]
    before = {setting.rule: _setting(setting) for setting in old.rule_settings}
    after = {setting.rule: _setting(setting) for setting in new.rule_settings}
    for rule in [*after, *(rule for rule in before if rule not in after)]:
        if before.get(rule) != after.get(rule):
            changes.append(Change("rule-changed", rule, rule, before.get(rule), after.get(rule),
                                  "rules"))
    return changes


def _setting(setting: RuleSetting) -> dict[str, Any]:
    """A rule's setting as compared and reported: its level (when set), then its options as
    the rule reads them (`max: 05` is 5, `true` a boolean); a value the rule would refuse,
    or an unknown option, as written."""
    from orgviz.rules import RULES, defaults_for
    from orgviz.validate import converted_option

    rule = RULES.get(setting.rule)
    # (a profile changes option values, never their types: any profile's defaults do)
    defaults = defaults_for(rule, "mid-size") if rule is not None else {}
    options = dict(setting.options)
    for name, value in options.items():
        if rule is not None and name in defaults:
            # (a value the rule refuses, `orgviz validate` says so: shown as written)
            with suppress(ValueError):
                options[name] = converted_option(rule, name, value, defaults[name])
    return {**({"level": setting.level} if setting.level else {}), **options}


def repeated_ids(org: Org) -> list[Problem]:
    """The duplicate-id errors of people or teams whose id an earlier one has (both are matched
    by id: the later one would never be compared, its changes never reported)."""
    from orgviz.validate import repeated_id_errors

    return repeated_id_errors(org)
