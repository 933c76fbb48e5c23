"""Which positions and teams removed under one id and added under another are the same."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Container, Iterable, Mapping, Set
from typing import TypeVar

from orgviz.diff.change import folded, nfc, same_value
from orgviz.model import Person, Team

_Named = TypeVar("_Named", Person, Team)
#: What an open position is matched on: its title (NFC) and its manager (by new id).
Kind = tuple[str, str | None]


def by_unique_name(items: Iterable[_Named]) -> dict[str, _Named]:
    """Name (case folded) -> item, of the named people or teams whose name no other of them
    has (in their order)."""
    named = [(folded(item.name), item) for item in items if item.name]
    counts = Counter(key for key, _item in named)
    return {key: item for key, item in named if counts[key] == 1}


def shares_most(mine: Set[str] | None, theirs: Set[str] | None) -> bool:
    """Whether more than half of each of two groups of ids (a position's reports, a team's
    people) are the other's (none: no)."""
    if not mine or not theirs:
        return False
    return 2 * len(mine & theirs) > max(len(mine), len(theirs))


def id_changes(removed: list[Person], added: list[Person]) -> dict[str, str]:
    """Old id -> new id of the people `removed` under one id and `added` under another: the
    same name (case aside), and the same title or the same manager (by new id: a manager
    whose id changed too is the same manager); a name shared by several removed or added
    people matches none of them. (Open positions, which have no name: `position_changes`.)"""
    found: dict[str, str] = {}
    waiting: dict[str | None, list[tuple[Person, Person]]] = {}  # by the old manager's id
    gone, came = by_unique_name(removed), by_unique_name(added)
    todo = [(gone[key], person) for key, person in came.items() if key in gone][::-1]
    while todo:  # (a pair waits for its manager's match, once: linear in the pairs)
        before, after = todo.pop()
        if (same_value(before.title, after.title)
                or found.get(before.reports_to or "", before.reports_to) == after.reports_to):
            found[before.id] = after.id
            todo.extend(waiting.pop(before.id, ()))
        else:
            waiting.setdefault(before.reports_to, []).append((before, after))
    return found


def swapped_ids(old: Mapping[str, Person], new: Mapping[str, Person],
                old_reports: Mapping[str, list[str]], new_reports: Mapping[str, list[str]],
                found: dict[str, str],
                removed_and_added: tuple[list[Person], list[Person]]) -> dict[str, str]:
    """Old id -> new id of positions whose new id another of them had, or whose old id
    another has now: ids swapped, or passed along a chain from someone removed to someone
    added (`found`: the id changes known, old id -> new id, none of them one of these;
    `removed_and_added`: the people whose id only the old version has, and only the new).

    Each is a name (case aside) that one old and one new person have, under another id, or
    an unnamed open position whose title and manager (by new id) another id holds now
    (`_openings_passed_on`); the ids of such pairs that hold a position in both versions
    must make closed cycles, or chains from an id only the old version has to one only the
    new has, so that no one is left without their counterpart. A chain may also start at an
    id whose new holder is an unnamed opening paired with no one (its person left it under
    a new id: a vacancy opened that was theirs), or end at one whose old holder is (someone
    took the opening's id: the vacancy filled), where the opening and the id's other holder
    share the title or the manager (by new id: the same position). A cycle or chain is
    taken when each of its pairs matches better than the old and new holders of each id the
    pair has in both versions (but such an opening, which is no rival: that pair shares
    more than the name): the name, the title, the manager and the reports (by new id; the
    same non-empty ones) each count one. Someone who only changed their name keeps their id
    (a rename), as do two people whose names were exchanged where their ids kept as much as
    the names took."""
    gone, came = by_unique_name(old.values()), by_unique_name(new.values())
    taken = set(found.values())
    cross = {gone[key].id: person.id for key, person in came.items()
             if key in gone and gone[key].id != person.id and gone[key].id not in found
             and person.id not in taken and (gone[key].id in new or person.id in old)}
    known = {**found, **cross}
    removed, added = removed_and_added
    # (an opening's manager is matched through every pairing found so far: an open manager
    # whose id changed too, removed under one id and added under another, is paired as
    # `position_changes` will pair it; until no more are found)
    while more := _openings_passed_on(old, new, {
            **_merged(position_changes(removed, added, known, (old_reports, new_reports))),
            **known}):
        cross.update(more)
        known.update(more)
    # (an id whose new holder is an unnamed opening that took it from no one, a vacancy
    # opened there, may start a chain; one whose old holder is, an opening that went to no
    # one, filled by who took its id, may end one: the same position still, its title or
    # its manager kept; an opening of another title under another manager is no vacancy
    # of theirs)
    targets = set(cross.values())

    def stayed(pid: str) -> bool:
        """Whether the old and the new holder of an id share the title or the manager."""
        before, after = old[pid], new[pid]
        return same_value(before.title, after.title) or known.get(
            before.reports_to or "", before.reports_to) == after.reports_to

    left = {pid for pid in cross if pid in new and pid not in targets
            and _unnamed(new[pid]) and not _unnamed(old[pid]) and stayed(pid)}
    left.update(pid for pid in targets if pid in old and pid not in cross
                and _unnamed(old[pid]) and not _unnamed(new[pid]) and stayed(pid))
    groups = cycles_and_chains(cross, old, new, left)

    def score(old_id: str, new_id: str, now: Renamed) -> int:
        """How many of the name, title, manager and reports (by new id) two people share."""
        before, after = old[old_id], new[new_id]
        mine = {now(pid) for pid in old_reports.get(old_id, ())}
        return sum((
            bool(before.name) and folded(before.name) == folded(after.name),
            same_value(before.title, after.title),
            now(before.reports_to) == after.reports_to,
            bool(mine) and mine == set(new_reports.get(new_id, ())),
        ))

    return held_groups(groups, old, new, found, score, left)


def _unnamed(person: Person) -> bool:
    """Whether a position is an open role without a name (matched by title and manager)."""
    return person.vacant and not person.name


def _merged(pairs: tuple[dict[str, str], ...]) -> dict[str, str]:
    """The pairings (old id -> new id) of `position_changes` in one."""
    return {old_id: new_id for found in pairs for old_id, new_id in found.items()}


def _openings_passed_on(old: Mapping[str, Person], new: Mapping[str, Person],
                        known: dict[str, str]) -> dict[str, str]:
    """Old id -> new id of the unnamed open positions whose id another position had, or
    that left their id to another: the same title and manager (by new id: `known`, old id
    -> new id of every position paired so far), as many of a kind leaving an id as taking
    one, paired in file order (`_paired_by_kind`, as `_same_positions` pairs them), at least
    one of the two ids held in both versions, neither of them paired yet."""
    taken = set(known.values())

    def kind(person: Person, manager: str | None) -> Kind | None:
        """What an opening is matched on, or None for no unnamed opening with a title."""
        return (nfc(person.title), manager) if _unnamed(person) and person.title else None

    def old_kind(person: Person) -> Kind | None:
        return kind(person, known.get(person.reports_to or "", person.reports_to))

    def new_kind(person: Person) -> Kind | None:
        return kind(person, person.reports_to)

    gone = [(key, pid) for pid, person in old.items() if (key := old_kind(person)) is not None
            and pid not in known and (pid not in new or new_kind(new[pid]) != key)]
    came = [(key, pid) for pid, person in new.items() if (key := new_kind(person)) is not None
            and pid not in taken and (pid not in old or old_kind(old[pid]) != key)]
    return {old_id: new_id for old_id, new_id in _paired_by_kind(gone, came, True).items()
            if old_id != new_id and (old_id in new or new_id in old)}


#: An old id as the new version has it (None stays None).
Renamed = Callable[[str | None], str | None]
#: How many things the position (team) of an old id and that of a new id share, the old
#: version's ids read as the new version has them (`Renamed`).
Score = Callable[[str, str, Renamed], int]


def cycles_and_chains(cross: dict[str, str], old: Mapping[str, object],
                      new: Mapping[str, object],
                      left: Container[str] = ()) -> list[dict[str, str]]:
    """The pairs (old id -> new id) of `cross` in groups that leave no one without their
    counterpart: cycles of ids, and chains from an id the new version lacks to one the old
    version lacks, or from or to one of `left` (an opening that no pair takes, compared
    with the id's other holder: a vacancy opened, or filled)."""
    groups: list[dict[str, str]] = []
    targets = set(cross.values())
    seen: set[str] = set()
    for start in cross:  # chains: from an id no pair ends at
        if start in targets:
            continue
        group, at = {}, start
        while at in cross:
            group[at] = cross[at]
            at = cross[at]
        seen.update(group)
        if (start not in new or start in left) and (at not in old or at in left):
            groups.append(group)
    for start in cross:  # what is left makes cycles
        if start in seen:
            continue
        group, at = {}, start
        while at not in group:
            group[at] = cross[at]
            at = cross[at]
        seen.update(group)
        groups.append(group)
    return groups


def held_groups(groups: list[dict[str, str]], old: Mapping[str, object],
                new: Mapping[str, object], found: dict[str, str], score: Score,
                left: Container[str] = ()) -> dict[str, str]:
    """Old id -> new id of the `groups` (cycles and chains of ids) each pair of which
    matches better than the old and the new holders of each id of the pair that both
    versions have match each other (`found`: the id changes known besides). An id of
    `left`, whose opening is compared with its other holder whatever the group (a vacancy
    opened or filled), is no rival: its pair shares more than the name instead (two of
    what `score` counts), as a removed and an added person must. Each group is judged as
    if the others held: the managers (parents) of one may be in another."""
    while groups:
        ids = dict(found)
        for group in groups:
            ids.update(group)
        held = [group for group in groups
                if _better_than_kept(group, old, new, ids, score, left)]
        if len(held) == len(groups):
            break
        groups = held
    return {old_id: new_id for group in groups for old_id, new_id in group.items()}


def _better_than_kept(group: dict[str, str], old: Mapping[str, object],
                      new: Mapping[str, object], ids: dict[str, str], score: Score,
                      left: Container[str]) -> bool:
    """Whether each pair of `group` (old id -> new id) scores more than the old and the new
    holders of each id of the pair that both versions have, but `left` ones (`ids`: the id
    changes, old -> new, with this group's; the holders of an id compared without this
    group's), and a pair from or to a `left` id at least two."""

    def paired(pid: str | None) -> str | None:
        return pid if pid is None else ids.get(pid, pid)

    def unpaired(pid: str | None) -> str | None:
        return pid if pid is None or pid in group else ids.get(pid, pid)

    for old_id, new_id in group.items():
        moved = score(old_id, new_id, paired)
        if (old_id in left or new_id in left) and moved < 2:
            return False
        kept = [pid for pid in (old_id, new_id)
                if pid in old and pid in new and pid not in left]
        if any(moved <= score(pid, pid, unpaired) for pid in kept):
            return False
    return True


def position_changes(removed: list[Person], added: list[Person], known: dict[str, str],
                     reports: tuple[Mapping[str, list[str]], Mapping[str, list[str]]],
                     ) -> tuple[dict[str, str], dict[str, str], dict[str, str]]:
    """Old id -> new id of the positions `removed` under one id and `added` under another
    with the same title and manager (by new id), one of them open, none of them paired in
    `known` (the people's id changes): the open positions whose id changed, the open
    positions filled (HR systems give the hire an id of their own), and the people
    backfilled by an open position (the requisition has an id of its own).

    First those whose reports followed them (`reports` by manager, old and new): more than
    half of the reports of each are the other's; then by title and manager alone, when one
    removed and one added position of the kind have them (openings both: as many removed as
    added, paired in file order, as they differ in their ids alone)."""
    followed = _followed_by_reports(removed, added, known, reports)
    by_kind: dict[tuple[bool, bool], dict[str, str]] = {
        (True, True): {}, (True, False): {}, (False, True): {}}
    new_open = {person.id: person.vacant for person in added}
    for person in removed:
        if person.id in followed:
            by_kind[person.vacant, new_open[followed[person.id]]][person.id] = followed[person.id]
    paired = {**known, **followed}
    for (was_open, now_open), found in by_kind.items():  # (each position paired once)
        found.update(_same_positions(removed, added, paired, was_open, now_open))
        paired.update(found)
    return by_kind[True, True], by_kind[True, False], by_kind[False, True]


def _followed_by_reports(removed: list[Person], added: list[Person], known: dict[str, str],
                         reports: tuple[Mapping[str, list[str]], Mapping[str, list[str]]],
                         ) -> dict[str, str]:
    """Old id -> new id of the positions removed and added with the same title and manager
    (by new id: `known`), one of them open, more than half of the reports of each of which
    (the old one's by new id) are the other's: no more than one such for each."""
    taken = set(known.values())
    came: dict[Kind, list[Person]] = {}
    for person in added:
        if person.id not in taken and person.title and reports[1].get(person.id):
            came.setdefault((nfc(person.title), person.reports_to), []).append(person)
    found: dict[str, str] = {}
    for before in removed:
        mine = reports[0].get(before.id)
        if before.id in known or not before.title or not mine:
            continue
        ids = {known.get(pid, pid) for pid in mine}
        key = (nfc(before.title), known.get(before.reports_to or "", before.reports_to))
        for after in came.get(key, ()):
            if (before.vacant or after.vacant) and shares_most(ids, set(reports[1][after.id])):
                found[before.id] = after.id
                break
    return found


def _same_positions(removed: list[Person], added: list[Person], moved_ids: dict[str, str],
                    was_open: bool, now_open: bool) -> dict[str, str]:
    """Old id -> new id of the positions `removed` (open ones when `was_open`, else filled
    ones) while one was `added` (open when `now_open`) with the same title and manager (by
    new id), neither of them paired in `moved_ids` yet; a title and manager that two
    removed or two added positions share match none, except open positions both: as many
    removed as added are paired in file order (they differ in their ids alone)."""
    taken = set(moved_ids.values())
    gone = [p for p in removed if p.vacant == was_open and p.id not in moved_ids]
    came = [p for p in added if p.vacant == now_open and p.id not in taken]
    if not gone or not came:
        return {}
    # What the two positions are matched on: the title and the manager (by new id).
    return _paired_by_kind(
        [((nfc(p.title), moved_ids.get(p.reports_to or "", p.reports_to)), p.id)
         for p in gone if p.title],
        [((nfc(p.title), p.reports_to), p.id) for p in came], was_open and now_open)


def _paired_by_kind(gone: Iterable[tuple[Kind, str]], came: Iterable[tuple[Kind, str]],
                    several: bool) -> dict[str, str]:
    """Old id -> new id of the positions `gone` (kind, old id) and `came` (kind, new id) of a
    kind (title and manager) that as many of `gone` as of `came` have, paired in their
    order; a kind of several positions pairs none, unless `several`."""
    before: dict[Kind, list[str]] = {}
    for key, pid in gone:
        before.setdefault(key, []).append(pid)
    after: dict[Kind, list[str]] = {}
    for key, pid in came:
        after.setdefault(key, []).append(pid)
    return {old_id: new_id for key, old_ids in before.items()
            if len(old_ids) == len(after.get(key, ())) and (several or len(old_ids) == 1)
            for old_id, new_id in zip(old_ids, after[key], strict=True)}
