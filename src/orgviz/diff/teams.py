"""Which declared teams of the old version are which of the new one under another id: a
team's id changed, or ids swapped, passed round a cycle or along a chain."""

from __future__ import annotations

from collections import Counter
from collections.abc import Container, Iterable, Mapping

from orgviz.diff.change import folded, same_value
from orgviz.diff.pairing import (
    Renamed,
    cycles_and_chains,
    held_groups,
    renamed,
    reused_ids,
    shares_most,
    unique_name_pairs,
)
from orgviz.model import Person, Team

#: Team id -> the ids (in the new version) of the people in it.
Members = Mapping[str, frozenset[str]]


def team_members(people: Iterable[Person], ids: Mapping[str, str]) -> dict[str, frozenset[str]]:
    """Team id -> its people, by their id in the new version (`ids`: old id -> new id of
    the people whose id changed; empty for the new version)."""
    found: dict[str, set[str]] = {}
    for person in people:
        if person.team is not None:
            found.setdefault(person.team, set()).add(ids.get(person.id, person.id))
    return {tid: frozenset(pids) for tid, pids in found.items()}


def team_id_changes(old: Mapping[str, Team], new: Mapping[str, Team],
                    members: tuple[Members, Members], person_ids: Mapping[str, str],
                    removed_and_added: tuple[list[Team], list[Team]],
                    left_people: Container[str] = (),
                    ) -> tuple[dict[str, str], set[str]]:
    """Old id -> new id of the declared teams that are one team under another id
    (`removed_and_added`: the teams whose id only the old version has, and only the new),
    and the ids of those reused: held by two teams that share nothing (below). A lead
    of `left_people` (whose person left, someone else taking the id) is no one's now.

    A team removed under one id and added under another is one team when more than half
    of the people of each are the other's (`members`, old and new, by new id; one to one,
    `_by_people`), else when
    they have the same name (case aside) that no other removed or added team not so paired
    has. A team of one id and name (case aside) in both versions is that team still, as a
    person is, whoever joined or left it and whatever its lead: no id of another (Core's
    and Ops's people and leads exchanged, their teams: blocks the same, are people
    re-teamed and leads changed, not the teams' ids swapped and both renamed). Ids that
    stay in use but change hands (swapped, passed round a cycle, or along a chain from an
    id only the old version has to one only the new has) are paired the same way and taken
    as the people's are (`swapped_ids`): when the two pairs through each id they move that
    both versions have match each as well as the old and new holders of the id, one of
    them better, by the name, the lead (by new id:
    `person_ids`), the parent team (by new id), the color and, counting twice, the people;
    an id that teams of no people passed round a cycle counts as a name, so that two empty
    teams that exchanged names keep their ids (renamed) unless their lead, parent or color
    followed the names (along a chain, which would leave a team removed and one added,
    the names hold). As the people's, a chain may start at an id whose new team shares
    nothing with its old one (not the name, lead, parent or color, nor anyone: teams of
    names both), the new team new, or end at one whose old team shares nothing with the
    team that took the id, the old team removed."""
    removed, added = removed_and_added
    found = _by_people(removed, added, members)
    found.update(_by_name(removed, added, found))
    # (a team of one id and name in both versions is that team still, as a person is,
    # whoever moved in or out of it: its people re-teamed, not its id passed on)
    kept = {tid for tid, team in old.items() if tid in new and team.name and new[tid].name
            and folded(team.name) == folded(new[tid].name)}
    olds, news = _unpaired_teams(old.values(), kept), _unpaired_teams(new.values(), kept)
    cross = _by_people(_unpaired_teams(olds, found), _unpaired_teams(news, found.values()),
                       members)
    cross.update(_by_name(olds, news, {**found, **cross}))
    # (both pairings above leave out the teams `found` paired: no old id of it is here)
    cross = {old_id: new_id for old_id, new_id in cross.items()
             if old_id != new_id and (old_id in new or new_id in old)}

    def same_lead(before: Team, after: Team) -> bool:
        """Whether two teams have the same lead (by new id), or none both."""
        return before.lead not in left_people and person_ids.get(
            before.lead or "", before.lead) == after.lead

    def score(old_id: str, new_id: str, now: Renamed) -> int:
        """How much two teams share: name, lead, parent, color, and people (twice); an
        id of a cycle of teams of no people, as the name (nothing else tells them apart)."""
        before, after = old[old_id], new[new_id]
        mine, theirs = members[0].get(old_id), members[1].get(new_id)
        return sum((
            bool(before.name) and folded(before.name) == folded(after.name),
            same_lead(before, after),
            now(before.parent) == after.parent,
            same_value(before.color, after.color),
            2 * shares_most(mine, theirs),
            old_id in quiet and old_id == new_id,
        ))

    known = {**found, **cross}

    def unalike(tid: str) -> bool:
        """Whether the old and the new holder of a team id, named both, share nothing: not
        the name, the lead or parent (by new id), the color, nor anyone."""
        before, after = old[tid], new[tid]
        parent = renamed(before.parent, known)
        return (bool(before.name) and bool(after.name)
                and folded(before.name) != folded(after.name)
                and (before.lead is None or not same_lead(before, after))
                and (parent is None or parent != after.parent)
                and (before.color is None or not same_value(before.color, after.color))
                and members[0].get(tid, frozenset()).isdisjoint(members[1].get(tid, ())))

    reused = reused_ids(cross, old, new, unalike)
    groups = cycles_and_chains(cross, old, new, reused)
    # (ids that teams of no people passed round a cycle: all the same but the names)
    quiet = {tid for group in groups if set(group.values()) == set(group)
             and not any(members[0].get(tid) or members[1].get(tid) for tid in group)
             for tid in group}
    held = held_groups(groups, old, new, found, score, reused)
    found.update(held)
    ends = set(held.values())
    return found, {tid for tid in reused if tid in held or tid in ends}


def _unpaired_teams(teams: Iterable[Team], ids: Iterable[str]) -> list[Team]:
    """The `teams` whose id is none of `ids` (the ids paired already), in their order."""
    skip = set(ids)
    return [team for team in teams if team.id not in skip]


def _by_people(olds: list[Team], news: list[Team],
               members: tuple[Members, Members]) -> dict[str, str]:
    """Old id -> new id of the teams of `olds` and `news` more than half of the people of
    each of which are the other's, one to one: of two old teams that both hold most of one
    new team's people (an old person's id and an opening's both the same new id, one
    filled by the other), the one that shares more of them, none on a tie."""
    where = {pid: team.id for team in news for pid in members[1].get(team.id, ())}
    claims: dict[str, tuple[str, int]] = {}  # (old id -> the new team, people shared)
    for team in olds:
        mine = members[0].get(team.id)
        most = Counter(where[pid] for pid in mine or () if pid in where).most_common(1)
        if most and shares_most(mine, members[1].get(most[0][0])):
            claims[team.id] = most[0]
    best = Counter[str]()
    for new_id, shared in claims.values():
        best[new_id] = max(best[new_id], shared)
    rivals = Counter(claim for claim in claims.values() if claim[1] == best[claim[0]])
    return {old_id: claim[0] for old_id, claim in claims.items()
            if claim[1] == best[claim[0]] and rivals[claim] == 1}


def _by_name(olds: Iterable[Team], news: Iterable[Team], paired: dict[str, str]) -> dict[str, str]:
    """Old id -> new id of the teams of `olds` and `news` but those in `paired` (old id ->
    new id) that have the same name (case aside), no other of them having it."""
    return {before.id: after.id for before, after in unique_name_pairs(
        _unpaired_teams(olds, paired), _unpaired_teams(news, paired.values()))}
