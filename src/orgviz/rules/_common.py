"""Helpers shared by rules: did-you-mean suggestions, the reporting tree, role names."""

from __future__ import annotations

import difflib
import re
import weakref
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from orgviz.model import Org, Person
from orgviz.problem import SourceLoc

# Difflib compares a word with every candidate (~4 µs each); above this many candidates a
# cheap prefilter (same first or last two characters, similar length) picks the few to compare.
FULL_SEARCH_MAX = 2_000
# Distinct unknown words a suggester looks up; beyond that it stays quiet (a file with
# hundreds of unknown ids has a systematic problem that suggestions will not fix).
LOOKUP_BUDGET = 50
_FOLD = re.compile(r"[\W_]+", re.UNICODE)


def _fold(word: str) -> str:
    return _FOLD.sub("", word.casefold())


class Suggester:
    """Finds the known id closest to an unknown one, cheaply enough for 100,000 ids."""

    def __init__(self, choices: Iterable[str]) -> None:
        self._choices = list(dict.fromkeys(choices))
        self._folded: dict[str, str] | None = None
        self._buckets: dict[str, list[str]] | None = None
        self._memo: dict[str, str | None] = {}

    def closest(self, word: str) -> str | None:
        """The closest known id, or None."""
        if word in self._memo:
            return self._memo[word]
        if len(self._memo) >= LOOKUP_BUDGET:
            return None
        result = self._memo[word] = self._closest(word)
        return result

    def advice(self, word: str, action: str) -> str:
        """"did you mean 'x'? Otherwise <action>", or just the action without a match."""
        close = self.closest(word)
        return f"did you mean '{close}'? Otherwise {action}" if close else action

    def _closest(self, word: str) -> str | None:
        if self._folded is None:
            self._folded = {}
            for choice in self._choices:
                self._folded.setdefault(_fold(choice), choice)
        same = self._folded.get(_fold(word))
        if same is not None and same != word:
            return same
        candidates = self._choices
        if len(candidates) > FULL_SEARCH_MAX:
            candidates = self._prefiltered(word)
        close = difflib.get_close_matches(word, candidates, n=1, cutoff=0.6)
        return close[0] if close else None

    def _prefiltered(self, word: str) -> list[str]:
        if self._buckets is None:
            self._buckets = {}
            for choice in self._choices:
                self._buckets.setdefault("<" + choice[:2], []).append(choice)
                self._buckets.setdefault(">" + choice[-2:], []).append(choice)
        found = self._buckets.get("<" + word[:2], []) + self._buckets.get(">" + word[-2:], [])
        return [c for c in dict.fromkeys(found) if abs(len(c) - len(word)) <= 3]


_PEOPLE_SUGGESTERS: weakref.WeakKeyDictionary[Org, Suggester] = weakref.WeakKeyDictionary()
_TREES: weakref.WeakKeyDictionary[Org, Tree] = weakref.WeakKeyDictionary()


def person_suggester(org: Org) -> Suggester:
    """A suggester over the org's person ids (shared by the rules of one run)."""
    found = _PEOPLE_SUGGESTERS.get(org)
    if found is None:
        found = _PEOPLE_SUGGESTERS[org] = Suggester(org.by_id)
    return found


@dataclass(frozen=True)
class Tree:
    """The solid-line forest walked top-down from its tops (breadth first, file order).

    Tops are people without a manager, reporting to themselves, or reporting to an unknown
    id. People in a reporting cycle, or under one, are not reached: they have no depth.
    """

    order: list[str]
    depth: dict[str, int]  # top = 1
    top: dict[str, str]  # the top each reached person hangs from

    def manager(self, org: Org, person: Person) -> str | None:
        """A reached person's manager id, or None for a top."""
        boss = person.reports_to
        return boss if boss is not None and boss != person.id and boss in org.by_id else None


def tree(org: Org) -> Tree:
    """The org's reporting tree (computed once per org)."""
    found = _TREES.get(org)
    if found is not None:
        return found
    by_id, reports = org.by_id, org.reports
    order = [p.id for p in by_id.values()
             if p.reports_to is None or p.reports_to == p.id or p.reports_to not in by_id]
    depth = dict.fromkeys(order, 1)
    top = {pid: pid for pid in order}
    index = 0
    while index < len(order):
        pid = order[index]
        index += 1
        below, head = depth[pid] + 1, top[pid]
        for report in reports[pid]:
            depth[report] = below
            top[report] = head
            order.append(report)
    found = _TREES[org] = Tree(order, depth, top)
    return found


def nearest_holder(org: Org, role_ids: frozenset[str]) -> dict[str, str | None]:
    """For each reached person, the nearest solid-line ancestor holding one of the roles."""
    by_id = org.by_id
    walk = tree(org)
    nearest: dict[str, str | None] = {}
    for pid in walk.order:
        person = by_id[pid]
        boss = walk.manager(org, person)
        if boss is None:
            nearest[pid] = None
        elif role_ids.intersection(by_id[boss].roles):
            nearest[pid] = boss
        else:
            nearest[pid] = nearest[boss]
    return nearest


def role_name(org: Org, person: Person) -> str:
    """The display name of a person's most senior known role ('no known role' otherwise)."""
    best = None
    for role_id in person.roles:
        role = org.ladder.roles.get(role_id)
        if role is not None and (best is None or role.rank > best.rank):
            best = role
    return best.name if best is not None else "no known role"


def quote_ids(ids: Iterable[str], limit: int = 5) -> str:
    """"'a', 'b', 'c'" with '... and N more' beyond `limit`."""
    ids = list(ids)
    shown = ", ".join(f"'{i}'" for i in ids[:limit])
    return shown + (f" and {len(ids) - limit} more" if len(ids) > limit else "")


def anchor(person: Person) -> SourceLoc:
    """Where to point for a problem with a person's place: reports_to, else the id."""
    return person.at("reports_to") if "reports_to" in person.field_locs else person.at("id")


def not_under(org: Org, juniors: Iterable[Person],
              seniors: frozenset[str]) -> Iterator[tuple[Person, str | None]]:
    """Juniors without a solid-line ancestor holding a senior role, each with the senior
    holder they are above (an ancestor of), if any.

    People whose chain upwards is broken, by a cycle or by an unknown manager, are skipped:
    their real ancestors are unknown, and other rules report the break.
    """
    by_id = org.by_id
    walk = tree(org)
    nearest = nearest_holder(org, seniors)
    above: dict[str, str] | None = None
    for junior in juniors:
        if junior.id not in nearest or nearest[junior.id] is not None:
            continue
        top = by_id[walk.top[junior.id]]
        if top.reports_to is not None and top.reports_to not in by_id:
            continue
        if above is None:
            above = _ancestors_of_holders(org, seniors)
        yield junior, above.get(junior.id)


def _ancestors_of_holders(org: Org, seniors: frozenset[str]) -> dict[str, str]:
    """Person id -> a holder of a senior role somewhere below them (the first in file order)."""
    by_id = org.by_id
    walk = tree(org)
    above: dict[str, str] = {}
    for person in by_id.values():
        if person.id not in walk.depth or not seniors.intersection(person.roles):
            continue
        boss = walk.manager(org, person)
        while boss is not None and boss not in above:
            above[boss] = person.id
            boss = walk.manager(org, by_id[boss])
    return above
