"""Which positions and teams removed under one id and added under another are the same."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import TypeVar

from orgviz.diff.change import folded, nfc, same_value
from orgviz.model import Person, Team

_Named = TypeVar("_Named", Person, Team)


def by_unique_name(items: Iterable[_Named]) -> dict[str, _Named]:
    """Name (case folded) -> item, of the named people or teams whose name no other of them
    has (in their order)."""
    named = [(folded(item.name), item) for item in items if item.name]
    counts = Counter(key for key, _item in named)
    return {key: item for key, item in named if counts[key] == 1}


def team_id_changes(removed: list[Team], added: list[Team]) -> dict[str, str]:
    """Old id -> new id of the declared teams `removed` under one id and `added` under
    another with the same name (case aside); a name shared by several removed or added
    teams matches none of them."""
    gone, came = by_unique_name(removed), by_unique_name(added)
    return {gone[key].id: team.id for key, team in came.items() if key in gone}


def id_changes(removed: list[Person], added: list[Person]) -> dict[str, str]:
    """Old id -> new id of the people `removed` under one id and `added` under another: the
    same name (case aside), and the same title or the same manager (by new id: a manager
    whose id changed too is the same manager); a name shared by several removed or added
    people matches none of them. Then of the open positions removed and added with the same
    title and manager (each the only one of its title and manager)."""
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
    # Then open positions, which have no name: by title and manager.
    return {**found, **_same_positions(removed, added, found, was_open=True, now_open=True)}


def filled_under_new_ids(removed: list[Person], added: list[Person],
                         moved_ids: dict[str, str]) -> dict[str, str]:
    """Old id -> new id of open positions removed while someone was added with the same
    title and manager (HR systems give the hire an id of their own): when exactly one
    removed open position and one added person match."""
    return _same_positions(removed, added, moved_ids, was_open=True, now_open=False)


def opened_under_new_ids(removed: list[Person], added: list[Person],
                         moved_ids: dict[str, str]) -> dict[str, str]:
    """Old id -> new id of people removed while an open position was added with the same
    title and manager (the backfill of who left, under an id of its own): when exactly one
    removed person and one added open position match."""
    return _same_positions(removed, added, moved_ids, was_open=False, now_open=True)


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
    before: dict[tuple[str | None, str | None], list[str]] = {}
    for person in gone:
        if person.title:
            manager = moved_ids.get(person.reports_to or "", person.reports_to)
            before.setdefault((nfc(person.title), manager), []).append(person.id)
    after: dict[tuple[str | None, str | None], list[str]] = {}
    for person in came:
        after.setdefault((nfc(person.title), person.reports_to), []).append(person.id)
    in_order = was_open and now_open
    return {old_id: new_id for key, old_ids in before.items()
            if len(old_ids) == len(after.get(key, ())) and (in_order or len(old_ids) == 1)
            for old_id, new_id in zip(old_ids, after[key], strict=True)}
