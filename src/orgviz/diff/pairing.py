"""Which positions and teams removed under one id and added under another are the same."""

from __future__ import annotations

from collections import Counter, deque
from collections.abc import Callable, Container, Iterable, Mapping, Set
from operator import attrgetter, itemgetter
from typing import TypeVar

from orgviz.diff.change import folded, nfc, same_value
from orgviz.model import Person, Team

_Named = TypeVar("_Named", Person, Team)
_Key = TypeVar("_Key")
#: People of one name, title and team not told apart: the old version's and the new's.
Namesakes = tuple[list[Person], list[Person]]
#: What an open position is matched on: its title (NFC) and its manager (by new id).
Kind = tuple[str, str | None]
#: The ids of each position's reports, by the position's id: the old version's and the new.
Reports = tuple[Mapping[str, list[str]], Mapping[str, list[str]]]


def unique_name_pairs(olds: Iterable[_Named], news: Iterable[_Named],
                      ) -> list[tuple[_Named, _Named]]:
    """The pairs of an item of `olds` and one of `news` (people or teams) of a name (case
    aside) that no other of `olds`, and no other of `news`, has, in the order of `news`."""
    return _same_names(_by_name(olds)[0], _by_name(news)[0])


def _same_names(olds: Mapping[str, _Named], news: Mapping[str, _Named],
                ) -> list[tuple[_Named, _Named]]:
    """The pairs of the items of two (case folded) name -> item maps of one name, in the
    order of `news`."""
    return [(olds[key], item) for key, item in news.items() if key in olds]


def namesakes(gone: Iterable[Person], came: Iterable[Person], known: Mapping[str, str],
              ) -> tuple[list[tuple[Person, Person]], list[Namesakes]]:
    """The people of `gone` (of the old version) and of `came` (of the new) of the same name
    (case aside): a name no other of either has, in the order of `came`; then, of a name
    that several of one side share, those whose title and team no other of that name has on
    either side (Bo Lee the Engineer and Bo Lee the Designer are told apart); then those
    whose manager (by new id: `known`, old id -> new id, and the pairs above) no other of
    that name, title and team has on either side (two Bo Lees engineering in one team under
    Ann and under Al); then, of those left unpaired, those whose title no other of that name
    left has on either side (the Engineering Manager Bo Lee moved to another team); then
    the one old and the one new person of such a name left unpaired, when they share the
    title or the manager (by new id), as for a name no other has (`id_changes`). None else:
    two Bo Lees engineering under Ann are not told apart (the groups of the old and new
    people of one name, title and team left, none paired)."""
    olds, old_shared = _by_name(gone)
    news, new_shared = _by_name(came)
    pairs = _same_names(olds, news)
    names: list[Namesakes] = []
    alike: list[Namesakes] = []
    for key in [*new_shared, *(key for key in old_shared if key not in new_shared)]:
        befores = old_shared[key] if key in old_shared else [olds[key]] if key in olds else []
        afters = new_shared[key] if key in new_shared else [news[key]] if key in news else []
        if befores and afters:
            names.append((befores, afters))
        places = _grouped(befores, _place)
        for place, here in _grouped(afters, _place).items():
            there = places.get(place)
            if there is None:
                continue
            if len(there) == 1 and len(here) == 1:
                pairs.append((there[0], here[0]))
            else:
                alike.append((there, here))
    if not names:
        return pairs, []
    ids = {**known, **{before.id: after.id for before, after in pairs}}
    more, untold = _by_manager(alike, ids)
    pairs += more
    retitled = _by_title(names, pairs)
    if retitled:
        pairs += retitled
        ids.update((before.id, after.id) for before, after in retitled)
        untold = _unpaired(untold, retitled)
    last = _last_of_names(names, pairs, ids)
    if not last:
        return pairs, untold
    return pairs + last, _unpaired(untold, last)


def _by_title(names: list[Namesakes], pairs: list[tuple[Person, Person]],
              ) -> list[tuple[Person, Person]]:
    """The pairs of the old and the new person of a name (of the groups `names`) left
    unpaired by `pairs` whose title (NFC) no other of that name left has on either side."""
    found: list[tuple[Person, Person]] = []
    for befores, afters in _unpaired(names, pairs):
        titles = _grouped(befores, _title)
        for title, here in _grouped(afters, _title).items():
            there = titles.get(title)
            if there is not None and len(there) == 1 and len(here) == 1:
                found.append((there[0], here[0]))
    return found


def _title(person: Person) -> str:
    """A person's title as namesakes are told apart by it (NFC)."""
    return nfc(person.title)


def _last_of_names(names: list[Namesakes], pairs: list[tuple[Person, Person]],
                   ids: Mapping[str, str]) -> list[tuple[Person, Person]]:
    """The pairs of the one old and the one new person of a name (of the groups `names`)
    that `pairs` left unpaired, who share the title or the manager (by new id: `ids`, old
    id -> new id)."""
    taken = set(ids.values())
    found: list[tuple[Person, Person]] = []
    for before, after in _unpaired(names, pairs):
        if len(before) == 1 and len(after) == 1 and (
                same_value(before[0].title, after[0].title)
                or _manager_now(before[0], ids, taken) == after[0].reports_to):
            found.append((before[0], after[0]))
    return found


def _place(person: Person) -> tuple[str, str | None]:
    """What tells people of one name apart first: their title (NFC) and team."""
    return nfc(person.title), person.team


def _grouped(people: Iterable[Person], key: Callable[[Person], _Key]) -> dict[_Key, list[Person]]:
    """The `people` by `key`, in their order."""
    return _gathered((key(person), person) for person in people)


def _gathered(keyed: Iterable[tuple[_Key, Person]]) -> dict[_Key, list[Person]]:
    """The people of (key, person) pairs by their key, in their order."""
    found: dict[_Key, list[Person]] = {}
    for key, person in keyed:
        found.setdefault(key, []).append(person)
    return found


def _by_name(items: Iterable[_Named]) -> tuple[dict[str, _Named], dict[str, list[_Named]]]:
    """Name (case folded) -> item, of the named `items` (people or teams) whose name no
    other of them has (in their order); and name -> the items (in their order) of each
    name several share."""
    found: dict[str, _Named] = {}
    shared: dict[str, list[_Named]] = {}
    for item in items:
        if item.name:
            key = folded(item.name)
            first = found.setdefault(key, item)
            if first is not item:
                shared.setdefault(key, [first]).append(item)
    for key in shared:
        del found[key]
    return found, shared


def _by_manager(alike: list[Namesakes], ids: dict[str, str],
                ) -> tuple[list[tuple[Person, Person]], list[Namesakes]]:
    """The pairs of the groups `alike` (the old and the new people of one name, title and
    team) whose manager (by new id: `ids`, old id -> new id, and the pairs found here) no
    other of the group's old or new people not paired yet has; round by round, as the
    managers found here tell more apart; and the groups' people left, none paired."""
    found: list[tuple[Person, Person]] = []
    taken = set(ids.values())
    while alike:
        more: list[tuple[Person, Person]] = []
        for befores, afters in alike:
            bosses = _grouped(befores, lambda person: _manager_now(person, ids, taken))
            for boss, here in _grouped(afters, attrgetter("reports_to")).items():
                there = bosses.get(boss)
                if there is not None and len(there) == 1 and len(here) == 1:
                    more.append((there[0], here[0]))
        if not more:
            break
        found += more
        ids.update((before.id, after.id) for before, after in more)
        taken.update(after.id for _before, after in more)
        alike = _unpaired(alike, more)
    return found, alike


def _unpaired(groups: Iterable[Namesakes], pairs: Iterable[tuple[Person, Person]],
              ) -> list[Namesakes]:
    """The `groups` of old and new people without the people of `pairs`, those with people
    left on both sides (in their order)."""
    paired = {id(person) for pair in pairs for person in pair}
    kept = (([person for person in befores if id(person) not in paired],
             [person for person in afters if id(person) not in paired])
            for befores, afters in groups)
    return [(befores, afters) for befores, afters in kept if befores and afters]


def _manager_now(person: Person, ids: Mapping[str, str], taken: Container[str]) -> object:
    """The manager of an old person by new id (`ids`, old id -> new id, whose new ids are
    `taken`): None for none; an id another took, no one's now, as a tuple no new id is."""
    boss = person.reports_to
    if boss is None:
        return None
    now = id_now(boss, ids, taken)
    return (boss,) if now is None else now


def shares_most(mine: Set[str] | None, theirs: Set[str] | None) -> bool:
    """Whether more than half of each of two groups of ids (a position's reports, a team's
    people) are the other's (none: no)."""
    if not mine or not theirs:
        return False
    return 2 * len(mine & theirs) > max(len(mine), len(theirs))


def renamed(pid: str | None, pairs: Mapping[str, str]) -> str | None:
    """The old id `pid` read in the new version by `pairs` (old id -> new id): its pairing's
    new id, else its own (None: no one)."""
    return pid if pid is None else pairs.get(pid, pid)


def id_now(pid: str, pairs: Mapping[str, str], taken: Container[str]) -> str | None:
    """The old id `pid` read in the new version: its new id by `pairs` (old id -> new id),
    else its own, unless another pair took it (`taken`, new ids): None, it names someone
    else now."""
    if pid in pairs:
        return pairs[pid]
    return None if pid in taken else pid


def old_kind(person: Person, pairs: Mapping[str, str]) -> Kind:
    """The kind of a position of the old version: its title (NFC), its manager by new id
    (`pairs`: old id -> new id)."""
    return nfc(person.title), renamed(person.reports_to, pairs)


def new_kind(person: Person) -> Kind:
    """The kind of a position of the new version: its title (NFC), its manager's id."""
    return nfc(person.title), person.reports_to


def id_changes(removed: list[Person], added: list[Person]) -> dict[str, str]:
    """Old id -> new id of the people `removed` under one id and `added` under another: the
    same name (case aside), and the same title or the same manager (by new id: a manager
    whose id changed too is the same manager); a name shared by several removed or added
    people matches those of them only whose title and team no other of the name has, among
    the removed and among the added (`namesakes`). (Open positions, which have no name:
    `position_changes`.)"""
    found: dict[str, str] = {}
    waiting: dict[str | None, list[tuple[Person, Person]]] = {}  # by the old manager's id
    todo = namesakes(removed, added, {})[0][::-1]
    while todo:  # (a pair waits for its manager's match, once: linear in the pairs)
        before, after = todo.pop()
        if (same_value(before.title, after.title)
                or renamed(before.reports_to, found) == after.reports_to):
            found[before.id] = after.id
            todo.extend(waiting.pop(before.id, ()))
        else:
            waiting.setdefault(before.reports_to, []).append((before, after))
    return found


def swapped_ids(old: Mapping[str, Person], new: Mapping[str, Person],
                old_reports: Mapping[str, list[str]], new_reports: Mapping[str, list[str]],
                found: dict[str, str],
                removed_and_added: tuple[list[Person], list[Person]],
                ) -> tuple[dict[str, str], set[str]]:
    """Old id -> new id of positions whose new id another of them had, or whose old id
    another has now: ids swapped, or passed along a chain from someone removed to someone
    added (`found`: the id changes known, old id -> new id, none of them one of these;
    `removed_and_added`: the people whose id only the old version has, and only the new);
    and the ids of those chains held by two people who share nothing, or that a namesake
    nothing tells apart ends (`reused`, below).

    Each is a name (case aside) that one old and one new person have, under another id,
    or namesakes told apart by their title and team, manager, or title (`namesakes`; of the
    people who do not keep both their id and their name: Bo Lee at `z` in both versions
    leaves the name to the Bo Lee who went from `a` to `b`; but holders of an id and a name
    who share no title, manager, report or team (or only the team, where each holder's
    title and manager went with the name to another id) are kept only when no pairing
    takes them: the Designer Alex Kim who took `alex-kim` from the Engineer who left), or
    an unnamed open position whose title and manager (by new id) another id holds now
    (`openings_passed_on`), or whose reports followed it to another opening of its title and
    manager (`openings_followed`); the ids of such pairs that hold a position in both versions
    must make closed cycles, or chains from an id only the old version has to one only the
    new has, so that no one is left without their counterpart. A chain may also start at an
    id whose new holder is an unnamed opening paired with no one (its person left it under
    a new id: a vacancy opened that was theirs), or end at one whose old holder is (someone
    took the opening's id: the vacancy filled), where the opening and the id's other holder
    share the title or the manager (by new id, as the groups taken pair it: the same
    position; a pairing no group holds makes no manager the same). Or it may start at an
    id whose new holder shares nothing with its old one (not the name, the title, the
    manager by new id, nor a report: people of their own names both, or one of them an
    unnamed opening), someone new there,
    or end at one whose old holder shares nothing with who took it, who left: an id
    reused; or start at an id whose new holder, a named person paired with no one, shares
    less with its old holder than that one shares with who they are now, or end at one
    whose old holder, named and paired with no one, shares less with its new holder than
    that one shares with who they were (`outmatched_ends`, the team and the location
    counted too, as the groups taken without
    such ends, round by round, and the chain through the id pair the managers and reports:
    a pair that outmatches an id's holders only through another chain, which its own
    pairing lets end at an opening, is no rival of theirs; a tie the name does not settle
    leaves the id to its holders and cuts only the pair through it from its chain, the rest
    judged again); or start at the new id, or
    end at the old id, of a person whose namesakes
    nothing tells apart (of one name, title and team, and manager), whose ids went round:
    which of them went where is not guessed, they are someone added and someone removed
    (as a reused id's holders are). A cycle or chain is taken when, for each id it moves
    that both versions have, the pair that brings the id and the pair that takes it each
    match as well as the old and new holders of the id, and one of them better (but such
    an opening or reused id, which is no rival: that pair shares more than the name): the
    name, the title, the manager and the reports (by new id; the same non-empty ones) each count
    one. Someone who only changed their name keeps their id (a rename), as do two people
    whose names were exchanged where their ids kept as much as the names took."""
    return _Swaps(old, new, (old_reports, new_reports), found, removed_and_added).pairs()


class _Swaps:
    """The pairing of `swapped_ids`: the old and new people, their reports, and the id
    changes known."""

    def __init__(self, old: Mapping[str, Person], new: Mapping[str, Person],
                 reports: Reports, found: dict[str, str],
                 removed_and_added: tuple[list[Person], list[Person]]) -> None:
        """The versions' people by id, `reports` by manager (old, new), `found` (old id ->
        new id, known before), and the people whose id only one version has."""
        self.old, self.new = old, new
        self.old_reports, self.new_reports = reports
        self.found = found
        self.removed_and_added = removed_and_added
        self.taken = set(found.values())

    def pairs(self) -> tuple[dict[str, str], set[str]]:
        """The pairs held (old id -> new id) and the ids reused, as `swapped_ids` says."""
        # (someone who keeps their id and their name is no one else of that name, as for
        # `id_changes`, which sees only the ids one version has; but holders of an id and a
        # name who share nothing else (title, manager, report; nor the team, or only the
        # team where each holder's title and manager went with the name to another id) may
        # be two namesakes, ids made from names, alex-kim and alex-kim-2, made again when
        # one leaves or the rows move: they are kept only where no pairing took them)
        old, new = self.old, self.new
        named = {pid for pid, person in old.items()
                 if pid in new and _same_name(person, new[pid])}
        loose = self._loose(named)
        held, reused = self._paired(named - loose)
        if loose:
            ends = set(held.values())
            untaken = {pid for pid in loose if pid not in held and pid not in ends}
            if untaken:
                held, reused = self._paired((named - loose) | untaken)
        return held, reused

    def _loose(self, named: set[str]) -> set[str]:
        """The ids of `named` (one name in both versions) whose holders may be namesakes."""
        old, new = self.old, self.new
        loose = {pid for pid in named if not _kept_holders(old[pid], new[pid], self.found, (
            self.old_reports.get(pid, ()), self.new_reports.get(pid, ())))}
        if loose:  # (one whose name no one else has is no one else: paired with no one)
            shared = _shared_names(old.values()) | _shared_names(new.values())
            loose = {pid for pid in loose if folded(old[pid].name) in shared}
        teamed = {pid for pid in loose if same_value(old[pid].team, new[pid].team)}
        if teamed:  # (the team alone keeps them one person, but where namesakes swapped ids)
            loose -= teamed - _went_elsewhere(teamed, (old, new), self.found)
        return loose

    def _paired(self, kept: Container[str]) -> tuple[dict[str, str], set[str]]:
        """The pairs held and the ids reused, the holders of each id of `kept` one person."""
        cross, untold = self._crossed(kept)
        # (a true tie at an id leaves it to its holders and cuts only the pair through it
        # from its chain, the rest judged again, not the whole chain dropped: the open
        # Engineer role p, filled by Zed there as much as gone to q, leaves Al's q -> r)
        while True:
            held, reused, tied = self._judged(cross, untold)
            if not tied:
                break
            cross = {old_id: new_id for old_id, new_id in cross.items() if old_id not in tied}
        ends = set(held.values())
        return held, {pid for pid in reused if pid in held or pid in ends}

    def _crossed(self, kept: Container[str]) -> tuple[dict[str, str], set[str]]:
        """The pairs that move an id (by name, but of `kept` ids; openings) and namesakes untold."""
        old, new, found = self.old, self.new, self.found
        reports = (self.old_reports, self.new_reports)
        pairs, alike = namesakes((person for pid, person in old.items() if pid not in kept),
                                 (person for pid, person in new.items() if pid not in kept),
                                 found)
        # (a namesake not told apart may end a chain at their old id, or start one at their
        # new: the ids went round, and which of them went where is not guessed)
        untold = {person.id for group in alike for people in group for person in people}
        cross = {before.id: after.id for before, after in pairs
                 if before.id != after.id and before.id not in found
                 and after.id not in self.taken and (before.id in new or after.id in old)}
        known = {**found, **cross}
        more = openings_followed(old, new, known, reports)
        more.update(openings_passed_on(old, new, {**known, **more}, reports,
                                       self.removed_and_added))
        cross.update(more)
        return cross, untold

    # (an id whose new holder is an unnamed opening that took it from no one, a vacancy
    # opened there, may start a chain; one whose old holder is, an opening that went to no
    # one, filled by who took its id, may end one: the same position still, its title or
    # its manager kept; an opening of another title under another manager is no vacancy
    # of theirs, and a vacancy opens where a person was, and is filled by a person, not by
    # a vacancy of a name)
    def _stayed(self, pid: str, ids: Mapping[str, str], taken: Container[str]) -> bool:
        """Whether an id's holders share the title or manager (by new id: `ids`, `taken`)."""
        # (a manager's id that another took, one of `taken`, names someone else now)
        before, after = self.old[pid], self.new[pid]
        return (same_value(before.title, after.title)
                or _manager_now(before, ids, taken) == after.reports_to)

    def score(self, old_id: str, new_id: str, now: Renamed) -> int:
        """How many of the name, title, manager and reports (by new id) two people share."""
        before, after = self.old[old_id], self.new[new_id]
        mine = {now(pid) for pid in self.old_reports.get(old_id, ())}
        return sum((
            bool(before.name) and folded(before.name) == folded(after.name),
            same_value(before.title, after.title),
            now(before.reports_to) == after.reports_to,
            bool(mine) and mine == set(self.new_reports.get(new_id, ())),
        ))

    def score_placed(self, old_id: str, new_id: str, now: Renamed) -> int:
        """`score`, and the team and the location too, one each (none and none the same)."""
        before, after = self.old[old_id], self.new[new_id]
        return (self.score(old_id, new_id, now) + same_value(before.team, after.team)
                + same_value(before.location, after.location))

    def _left(self, cross: dict[str, str], known: dict[str, str]) -> set[str]:
        """The ids where a chain of `cross` may start or end at an unnamed opening."""
        old, new = self.old, self.new
        targets = set(cross.values())
        taken_now = set(known.values())
        left = {pid for pid in cross if pid in new and pid not in targets
                and unnamed_opening(new[pid]) and not old[pid].vacant
                and self._stayed(pid, known, taken_now)}
        left.update(pid for pid in targets if pid in old and pid not in cross
                    and unnamed_opening(old[pid]) and not new[pid].vacant
                    and self._stayed(pid, known, taken_now))
        return left

    def _judged(self, cross: dict[str, str], untold: set[str],
                ) -> tuple[dict[str, str], set[str], set[str]]:
        """The pairs of `cross` held, the ids reused (and `untold`), the old ids of ties."""
        # (the ids where their chains may start or end as someone new or someone who left;
        # a tie: the old id of a pair through an id whose holders tie with it, the id its
        # holders', `outmatched_ends`)
        found = self.found
        known = {**found, **cross}
        left = self._left(cross, known)
        reused = reused_ids(cross, self.old, self.new,
                            lambda pid: self._unalike(pid, known)) | untold
        # (an id's pair outmatches its holders through the pairings held without it and
        # its own chain's: not through another chain that ends only where that pair makes
        # a manager the same)
        held = self._held_with(cross, left, reused)
        while True:
            outmatched, tied = outmatched_ends(cross, (self.old, self.new), left | reused,
                                               self.score_placed, {**found, **held})
            if not outmatched:
                return held, reused, tied
            reused |= outmatched
            held = self._held_with(cross, left, reused)

    def _unalike(self, pid: str, known: Mapping[str, str]) -> bool:
        """Whether an id's holders share nothing (name, title, manager, report by `known`)."""
        # (people of their own names both, or one of them an unnamed opening)
        before, after = self.old[pid], self.new[pid]
        manager = renamed(before.reports_to, known)
        mine = {known.get(report, report) for report in self.old_reports.get(pid, ())}
        if before.name and after.name:
            named_apart = folded(before.name) != folded(after.name)
        elif before.name:
            named_apart = unnamed_opening(after)
        else:
            named_apart = bool(after.name) and unnamed_opening(before)
        return (named_apart
                and not same_value(before.title, after.title)
                and (manager is None or manager != after.reports_to)
                and mine.isdisjoint(self.new_reports.get(pid, ())))

    def _held_with(self, cross: dict[str, str], left: set[str],
                   ends_at: set[str]) -> dict[str, str]:
        """The groups of `cross` held, chains ending at `left` and `ends_at` ids too."""
        old, new, found = self.old, self.new, self.found
        groups = cycles_and_chains(cross, old, new, left | ends_at)
        # (an opening found the same position through a pairing that no group held,
        # its manager another one now, is no vacancy of theirs: its group goes, and
        # the rest are judged again)
        while True:
            held = held_groups(groups, old, new, found, self.score, left | ends_at)
            ends = set(held.values())
            ids = {**found, **held}
            taken_now = set(ids.values())
            lost = {pid for pid in left if (pid in held or pid in ends)
                    and not self._stayed(pid, ids, taken_now)}
            if not lost:
                return held
            groups = [group for group in groups
                      if lost.isdisjoint(group) and lost.isdisjoint(group.values())]


def _shared_names(people: Iterable[Person]) -> set[str]:
    """The names (case folded) that several of `people` have."""
    counts = Counter(folded(person.name) for person in people if person.name)
    return {name for name, n in counts.items() if n > 1}


def _went_elsewhere(pids: Iterable[str],
                    versions: tuple[Mapping[str, Person], Mapping[str, Person]],
                    found: Mapping[str, str]) -> set[str]:
    """The ids of `pids` whose old holder's name, title and manager (by new id: `found`,
    old id -> new id) someone of the new version has at another id, and whose new holder's
    someone of the old version had at another id: namesakes who swapped ids, each id
    keeping its team."""
    old, new = versions
    names = {folded(old[pid].name) for pid in pids}
    before = _gathered((_mark(person, renamed(person.reports_to, found)), person)
                       for person in old.values() if folded(person.name) in names)
    after = _gathered((_mark(person, person.reports_to), person)
                      for person in new.values() if folded(person.name) in names)
    return {pid for pid in pids
            if any(person.id != pid for person in after.get(
                _mark(old[pid], renamed(old[pid].reports_to, found)), ()))
            and any(person.id != pid for person in before.get(
                _mark(new[pid], new[pid].reports_to), ()))}


def _mark(person: Person, manager: str | None) -> tuple[str, str, str | None]:
    """What `_went_elsewhere` follows a person by: their name (case folded), title (NFC)
    and `manager`."""
    return folded(person.name), nfc(person.title), manager


def _kept_holders(before: Person, after: Person, found: Mapping[str, str],
                  reports: tuple[Iterable[str], Iterable[str]]) -> bool:
    """Whether the old and the new holder of an id are one person whatever their namesakes:
    the same name, and the same title, manager or a report (by new id: `found`, old id ->
    new id; `reports`: the ids of the old holder's and of the new one's). Not the team
    alone, which `swapped_ids` weighs apart (namesakes who swap ids may leave each id its
    team)."""
    return _same_name(before, after) and (
        same_value(before.title, after.title)
        or renamed(before.reports_to, found) == after.reports_to
        or not {found.get(pid, pid) for pid in reports[0]}.isdisjoint(reports[1]))


def outmatched_ends(cross: Mapping[str, str],
                    versions: tuple[Mapping[str, Person], Mapping[str, Person]],
                    ends: Container[str], score: Score, known: Mapping[str, str],
                    ) -> tuple[set[str], set[str]]:
    """The ids, besides `ends`, where a chain of `cross` (old id -> new id) may start or end
    too: one held in both versions whose new holder, a named person paired with no one,
    shares less with its old holder than that one shares with who they are now (their pair
    takes the id on: someone new there); or whose old holder, named and paired with no one,
    shares less with its new holder than that one shares with who they were (their pair
    brings the id: who held it left). As `score` counts (`swapped_ids` gives one that counts
    the team and the location too: an opening left where Ann was, in her city, is hers
    though its pair shares its manager), the managers and reports by new id: `known` (old
    id -> new id) and the pairs of the chain through the id. A tie goes to the pair when it
    shares the name and the id's holders do not (the name is who a person is: Bo, from b
    to c under another manager, took the id of Ed, who left c, of Bo's title and manager;
    not Ed renamed Bo and Bo removed, which dropped the chain through b whole). And the old
    ids of the pairs through an id whose holders tie with them otherwise (a true tie: the
    id is its holders', and that pair no link of a chain)."""
    old, new = versions
    into = {new_id: old_id for old_id, new_id in cross.items()}
    found: set[str] = set()
    tied: set[str] = set()

    def judge(pid: str, old_id: str, new_id: str) -> None:
        """File `pid` as outmatched by the pair `old_id` -> `new_id` through it, or that
        pair as tied with its holders."""
        ids = {**known, **_chain_through(pid, cross, into)}

        def now(other: str | None) -> str | None:
            return renamed(other, ids)

        pair, holders = score(old_id, new_id, now), score(pid, pid, now)
        if pair > holders or (pair == holders and _same_name(old[old_id], new[new_id])
                              and not _same_name(old[pid], new[pid])):
            found.add(pid)
        elif pair == holders:
            tied.add(old_id)

    for pid, new_id in cross.items():
        if pid in new and pid not in into and pid not in ends and new[pid].name:
            judge(pid, pid, new_id)
    for pid, old_id in into.items():
        if pid in old and pid not in cross and pid not in ends and old[pid].name:
            judge(pid, old_id, pid)
    return found, tied


def _same_name(before: Person, after: Person) -> bool:
    """Whether two people have a name, the same (case aside)."""
    return bool(before.name) and bool(after.name) and folded(before.name) == folded(after.name)


def _chain_through(pid: str, cross: Mapping[str, str], into: Mapping[str, str],
                   ) -> dict[str, str]:
    """The pairs (old id -> new id) of the chain of `cross` that starts or ends at `pid`
    (`into`: new id -> old id)."""
    chain: dict[str, str] = {}
    at = pid
    while at in cross and at not in chain:  # (forwards from a start)
        chain[at] = cross[at]
        at = cross[at]
    at = pid
    while at in into and into[at] not in chain:  # (backwards from an end)
        chain[into[at]] = at
        at = into[at]
    return chain


def openings_followed(old: Mapping[str, Person], new: Mapping[str, Person],
                      known: Mapping[str, str], reports: Reports) -> dict[str, str]:
    """Old id -> new id of the unnamed openings whose reports followed them to another
    opening's id, of the same title and manager (by new id: `known`, the pairings so far):
    the same reports (by new id), which the opening at its own id now does not have; at
    least one of the two ids held in both versions, neither paired in `known` (two openings
    under Ann whose ids moved on, a -> b -> c, their reports with them, are no opening kept
    at b, its reports and a's moved). The same reports, as `swapped_ids` scores them: an
    opening with some of them is no better a match than the one kept at that id."""
    taken = set(known.values())
    came: dict[tuple[Kind, frozenset[str]], str] = {}
    for pid, person in new.items():
        if _titled_opening(person) and pid not in taken and reports[1].get(pid):
            came.setdefault((new_kind(person), frozenset(reports[1][pid])), pid)
    found: dict[str, str] = {}
    for pid, before in old.items():
        if not _titled_opening(before) or pid in known or not reports[0].get(pid):
            continue
        mine = frozenset(_reports_now(reports[0][pid], known, taken))
        after = came.pop((old_kind(before, known), mine), None)
        if after is not None and after != pid and (pid in new or after in old) and (
                mine != frozenset(reports[1].get(pid, ()))):
            found[pid] = after
    return found


def _reports_now(ids: Iterable[str], pairs: Mapping[str, str],
                 taken: Container[str]) -> set[str]:
    """The new ids of the old reports `ids`: by `pairs` (old id -> new id), else their own
    but one that another pair took (`taken`: it names someone else now)."""
    return {now for pid in ids if (now := id_now(pid, pairs, taken)) is not None}


def reused_ids(cross: Mapping[str, str], old: Container[str], new: Container[str],
               unalike: Callable[[str], bool]) -> set[str]:
    """The ids of the pairs `cross` (old id -> new id, of people or of teams) whose old and
    new holders share nothing (`unalike`) where a chain may start or end: an id someone
    else holds now, its holder's id changed (someone new there), or one whose old holder
    left, taken by someone whose id changed."""
    targets = set(cross.values())
    reused = {pid for pid in cross if pid in new and pid not in targets and unalike(pid)}
    reused.update(pid for pid in targets if pid in old and pid not in cross and unalike(pid))
    return reused


def unnamed_opening(person: Person) -> bool:
    """Whether a position is an open role without a name (matched by title and manager)."""
    return person.vacant and not person.name


def _merged(pairs: tuple[dict[str, str], ...]) -> dict[str, str]:
    """The pairings (old id -> new id) of `position_changes` in one."""
    return {old_id: new_id for found in pairs for old_id, new_id in found.items()}


def openings_passed_on(old: Mapping[str, Person], new: Mapping[str, Person],
                       known: dict[str, str],
                       reports: tuple[Mapping[str, list[str]], Mapping[str, list[str]]],
                       removed_and_added: tuple[list[Person], list[Person]],
                       ) -> dict[str, str]:
    """Old id -> new id of the unnamed open positions whose id another position had, or
    that left their id to another, besides the pairings `known` (old id -> new id): the
    same title and manager (by new id), as many of a kind leaving an id as taking one,
    told apart by team and location, then by file order (`_paired_by_kind`, as
    `_PositionRounds.same_positions` pairs them), at least one of the two ids held in both
    versions, neither of them paired yet.

    An opening's manager is matched through every pairing found so far: an open manager
    whose id changed too, removed under one id and added under another (`removed_and_added`),
    is paired as `position_changes` will pair it (`reports`: by manager, old and new), and
    one passed on in an earlier round as this pairs it. Round by round until no more are
    found; a round looks again only at the kinds of the openings its new pairings touch,
    and asks `position_changes` again only when they touch what it reads."""
    removed, added = removed_and_added
    # (the ids whose pairing `position_changes` reads: the removed, their managers and their
    # reports, and the added)
    read = {pid for person in removed
            for pid in (person.id, person.reports_to, *reports[0].get(person.id, ()))}
    added_ids = {person.id for person in added}
    positions = _merged(position_changes(removed, added, known, reports))
    kinds = _OpeningKinds(old, new, {**positions, **known}, reports)
    known = dict(known)
    passed: dict[str, str] = {}
    while more := kinds.passed_on():
        passed.update(more)
        known.update(more)
        changed: dict[str, str | None] = dict(more)
        if not read.isdisjoint(more) or not added_ids.isdisjoint(more.values()):
            now = _merged(position_changes(removed, added, known, reports))
            changed.update((pid, now.get(pid)) for pid in positions.keys() | now.keys()
                           if positions.get(pid) != now.get(pid))
            positions = now
        kinds.update(changed)
    return passed


class _OpeningKinds:
    """The unnamed open positions with a title that left their id or took another's, by
    kind (title and manager by new id), as the pairings so far have them (old id -> new id
    of every position paired), kept as pairings change: each opening placed again only
    when a pairing it reads changes (its own, its manager's, its id taken)."""

    def __init__(self, old: Mapping[str, Person], new: Mapping[str, Person],
                 pairs: dict[str, str], reports: Reports) -> None:
        """The openings of `old` and `new` placed by the pairings `pairs` (old -> new id),
        told apart by their `reports` among openings of one kind."""
        self.old, self.new, self.pairs, self.reports = old, new, dict(pairs), reports
        self.taken = Counter(pairs.values())
        self.new_kinds = {pid: new_kind(person)
                          for pid, person in new.items() if _titled_opening(person)}
        #: Old manager id -> the old ids of the openings under them; the openings' order.
        self.under: dict[str | None, list[str]] = {}
        self.old_order: dict[str, int] = {}
        for pid, person in old.items():
            if _titled_opening(person):
                self.under.setdefault(person.reports_to, []).append(pid)
                self.old_order[pid] = len(self.old_order)
        self.new_order = {pid: n for n, pid in enumerate(self.new_kinds)}
        #: Old id -> kind of the openings that left their id, and those ids by kind; new
        #: id -> kind of those that took one, and by kind; the kinds whose openings changed
        #: since `passed_on` last looked.
        self.gone: tuple[dict[str, Kind], dict[Kind, set[str]]] = ({}, {})
        self.came: tuple[dict[str, Kind], dict[Kind, set[str]]] = ({}, {})
        self.touched: set[Kind] = set()
        for pids in self.under.values():
            for pid in pids:
                self._place_old(pid)
        for pid in self.new_kinds:
            self._place_new(pid)

    def opening_kind(self, pid: str) -> Kind | None:
        """The kind of the old position `pid` (its manager by new id), or None for none
        that is an unnamed opening with a title."""
        person = self.old.get(pid)
        if person is None or not _titled_opening(person):
            return None
        return old_kind(person, self.pairs)

    def _place_old(self, pid: str) -> None:
        """Find again whether (and as what kind) the old opening `pid` left its id: its id
        is another kind's now, or another opening's whose reports followed it there."""
        kind = self.opening_kind(pid)
        leaves = pid not in self.pairs and (self.new_kinds.get(pid) != kind
                                            or bool(self.taken[pid]))
        self._place(self.gone, pid, kind if leaves else None)

    def _place_new(self, pid: str) -> None:
        """Find again whether (and as what kind) the new opening `pid` took its id: its
        old holder was another kind, or went to another id with its reports."""
        kind = self.new_kinds[pid]
        takes = not self.taken[pid] and (self.opening_kind(pid) != kind or pid in self.pairs)
        self._place(self.came, pid, kind if takes else None)

    def _place(self, where: tuple[dict[str, Kind], dict[Kind, set[str]]], pid: str,
               kind: Kind | None) -> None:
        """Set the kind of `pid` in `where` (None: not there), its old and new kinds touched."""
        kinds, by_kind = where
        was = kinds.get(pid)
        if was == kind:
            return
        if was is not None:
            del kinds[pid]
            by_kind[was].discard(pid)
            self.touched.add(was)
        if kind is not None:
            kinds[pid] = kind
            by_kind.setdefault(kind, set()).add(pid)
            self.touched.add(kind)

    def update(self, changed: Mapping[str, str | None]) -> None:
        """Take the pairings `changed` (old id -> its new id now, None: paired no more)."""
        olds: set[str] = set()
        news: set[str] = set()
        for old_id, new_id in changed.items():
            was = self.pairs.pop(old_id, None)
            if was is not None:
                self.taken[was] -= 1
                news.add(was)
                olds.add(was)  # (its old holder's id free again, or no more)
            if new_id is not None:
                self.pairs[old_id] = new_id
                self.taken[new_id] += 1
                news.add(new_id)
                olds.add(new_id)
            news.add(old_id)  # (who holds its id now)
            olds.add(old_id)  # (an opening paired, and the openings under the position)
            olds.update(self.under.get(old_id, ()))
            news.update(self.under.get(old_id, ()))  # (an old kind a new holder is matched to)
        for pid in olds:
            if self.opening_kind(pid) is not None:
                self._place_old(pid)
        for pid in news:
            if pid in self.new_kinds:
                self._place_new(pid)

    def passed_on(self) -> dict[str, str]:
        """Old id -> new id of the openings of the kinds touched since the last look: as
        many of a kind leaving an id as taking one, told apart by their team and location,
        then by file order, at least one of the two ids held in both versions (an id that
        leaves is no kind's that takes it)."""
        kinds, self.touched = self.touched, set()
        (gone, gone_by), (came, came_by) = self.gone, self.came
        olds = sorted((pid for kind in kinds for pid in gone_by.get(kind, ())),
                      key=self.old_order.__getitem__)
        news = sorted((pid for kind in kinds for pid in came_by.get(kind, ())),
                      key=self.new_order.__getitem__)
        pairs = _paired_by_kind([(gone[pid], self.old[pid]) for pid in olds],
                                [(came[pid], self.new[pid]) for pid in news], True,
                                (self.reports, self.pairs))
        return {old_id: new_id for old_id, new_id in pairs.items()
                if old_id in self.new or new_id in self.old}


def _titled_opening(person: Person) -> bool:
    """Whether a position is an unnamed opening with a title (matched by title and manager)."""
    return unnamed_opening(person) and bool(person.title)


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
    with the id's other holder: a vacancy opened, or filled). A chain that runs into a
    cycle (two old ids paired with one new id: two teams that each hold most of one team's
    people) is none."""
    groups: list[dict[str, str]] = []
    targets = set(cross.values())
    seen: set[str] = set()
    for start in cross:  # chains: from an id no pair ends at
        if start in targets:
            continue
        group, at = {}, start
        while at in cross and at not in group:
            group[at] = cross[at]
            at = cross[at]
        if at in group:  # (it runs into a cycle, which takes its end: no chain)
            tail = list(group)
            seen.update(tail[:tail.index(at)])
            continue
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
    """Old id -> new id of the `groups` (cycles and chains of ids) that match better than
    the old and the new holders of each id they move that both versions have match each
    other: the pair that brings the id and the pair that takes it each as well, one of them
    better (`found`: the id changes known besides). An id of
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
    """Whether the two pairs of `group` (old id -> new id) through each id that both
    versions have, but `left` ones, score each as much as the old and the new holders of
    the id, and together more (a person whose own pair shares more takes their id along
    though the opening that took it shares no more with them than with the opening it
    was: `ids`, the id changes, old -> new, with this group's; the holders of an id
    compared without this group's), and a pair from or to a `left` id at least two."""

    def paired(pid: str | None) -> str | None:
        return renamed(pid, ids)

    def unpaired(pid: str | None) -> str | None:
        return pid if pid in group else renamed(pid, ids)

    into = {new_id: old_id for old_id, new_id in group.items()}
    for old_id, new_id in group.items():
        if (old_id in left or new_id in left) and score(old_id, new_id, paired) < 2:
            return False
    for pid in group:
        if pid not in old or pid not in new or pid in left:
            continue
        kept = score(pid, pid, unpaired)
        came, went = score(into[pid], pid, paired), score(pid, group[pid], paired)
        if min(came, went) < kept or came + went <= 2 * kept:
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
    added, told apart by their team and location, then by file order). Round by round until
    a round pairs no more: an opening under an opening paired in one round is matched by
    its manager's new id in the next (a vacancy under a vacancy, both under new ids); a
    round looks again only at the positions and kinds the pairings since touched
    (`_PositionRounds`)."""
    by_kind: dict[tuple[bool, bool], dict[str, str]] = {
        (True, True): {}, (True, False): {}, (False, True): {}}
    rounds = _PositionRounds(removed, added, known, reports)
    while True:
        followed = rounds.followed_by_reports()
        for old_id, new_id in followed.items():
            by_kind[rounds.old[old_id].vacant, rounds.new[new_id].vacant][old_id] = new_id
        rounds.pair(followed)
        more = bool(followed)
        for (before, after), found in by_kind.items():  # (each position paired once)
            same = rounds.same_positions(before, after)
            found.update(same)
            rounds.pair(same)
            more = more or bool(same)
        if not more:
            return by_kind[True, True], by_kind[True, False], by_kind[False, True]


#: The kinds of `_PositionRounds.same_positions`: removed open or not, added open or not.
_OPENNESS = ((True, True), (True, False), (False, True))


class _PositionRounds:
    """The removed and added positions of `position_changes` not paired yet, by kind
    (title and manager by new id) as the pairings so far have them, kept as pairings are
    added: a round looks again at a removed position for its reports only when its manager
    or one of its reports was paired since, and at a kind only when a position joined or
    left it (a kind that paired none pairs none again while its positions stay)."""

    def __init__(self, removed: list[Person], added: list[Person], known: dict[str, str],
                 reports: Reports) -> None:
        """The positions `removed` and `added`, `known` (old id -> new id) paired already
        (and so left out: most of them, when every id changed)."""
        self.reports = reports
        self.paired = dict(known)
        self.taken = set(known.values())
        self.old = {person.id: person for person in removed if person.id not in self.paired}
        self.new = {person.id: person for person in added if person.id not in self.taken}
        self.old_order = {pid: n for n, pid in enumerate(self.old)}
        self.new_order = {pid: n for n, pid in enumerate(self.new)}
        #: The kinds to look at again, for each openness; those a removed (added) position
        #: of an openness joins or leaves touch.
        self.touched: dict[tuple[bool, bool], set[Kind]] = {
            openness: set() for openness in _OPENNESS}
        self.watching = {(side, vacant): [kinds for openness, kinds in self.touched.items()
                                          if openness[side] == vacant]
                         for side in (0, 1) for vacant in (True, False)}
        #: The removed and added positions not paired yet, with a title, by openness and kind.
        self.gone: dict[tuple[bool, Kind], set[str]] = {}
        self.gone_kind: dict[str, tuple[bool, Kind]] = {}
        self.came: dict[tuple[bool, Kind], set[str]] = {}
        #: Of those, the added with reports by kind (in order); old id -> the removed under
        #: it, and the removed with reports it is a report of; the removed with reports to
        #: look at again.
        self.followed: dict[Kind, dict[str, Person]] = {}
        self.under: dict[str, list[str]] = {}
        self.above: dict[str, list[str]] = {}
        self.recheck: set[str] = set()
        for pid, person in self.old.items():
            if person.title:
                key = (person.vacant, old_kind(person, self.paired))
                self.gone.setdefault(key, set()).add(pid)
                self.gone_kind[pid] = key
                if person.reports_to is not None:
                    self.under.setdefault(person.reports_to, []).append(pid)
                if reports[0].get(pid):
                    self.recheck.add(pid)
                    for report in reports[0][pid]:
                        self.above.setdefault(report, []).append(pid)
        for pid, person in self.new.items():
            if person.title:
                kind = new_kind(person)
                self.came.setdefault((person.vacant, kind), set()).add(pid)
                if reports[1].get(pid):
                    self.followed.setdefault(kind, {})[pid] = person
        # (every kind filed is looked at first, each touched once, not once a position)
        for side, filed in ((0, self.gone), (1, self.came)):
            for vacant, kind in filed:
                self._touch(side, vacant, kind)

    def _touch(self, side: int, vacant: bool, kind: Kind) -> None:
        """Have the opennesses that read `kind` of removed (`side` 0) or added (1) open
        (`vacant`) or filled positions look at it again."""
        for kinds in self.watching[side, vacant]:
            kinds.add(kind)

    def _place_old(self, pid: str) -> None:
        """File the removed position `pid` under its kind now, its old and new kind touched."""
        self._unplace_old(pid)
        person = self.old[pid]
        key = (person.vacant, old_kind(person, self.paired))
        self.gone.setdefault(key, set()).add(pid)
        self.gone_kind[pid] = key
        self._touch(0, *key)

    def _unplace_old(self, pid: str) -> None:
        """Take the removed position `pid` from its kind, if filed, that kind touched."""
        key = self.gone_kind.pop(pid, None)
        if key is not None:
            self.gone[key].discard(pid)
            self._touch(0, *key)

    def pair(self, found: Mapping[str, str]) -> None:
        """Take the pairings `found` (old id -> new id), none of them paired before."""
        for old_id, new_id in found.items():
            self.paired[old_id] = new_id
            self.taken.add(new_id)
            self._unplace_old(old_id)
            for pid in self.under.get(old_id, ()):  # (their manager's new id changed)
                if pid in self.gone_kind:
                    self._place_old(pid)
            self.recheck.update(self.under.get(old_id, ()))
            self.recheck.update(self.above.get(old_id, ()))
            self.recheck.update(self.above.get(new_id, ()))  # (a report's id another took)
            person = self.new.get(new_id)
            if person is not None and person.title:
                kind = new_kind(person)
                self.came.get((person.vacant, kind), set()).discard(new_id)
                self.followed.get(kind, {}).pop(new_id, None)
                self._touch(1, person.vacant, kind)

    def followed_by_reports(self) -> dict[str, str]:
        """Old id -> new id of the removed and added positions with the same title and
        manager (by new id), one of them open, more than half of the reports of each of
        which (the old one's by new id, but an id another took: someone else's now) are the
        other's: no more than one such for each removed one, of those whose manager or
        reports were paired since the last look, or a report's id taken."""
        olds, self.recheck = sorted(self.recheck, key=self.old_order.__getitem__), set()
        found: dict[str, str] = {}
        for pid in olds:
            new_id = self._followed_by(pid)
            if new_id is not None:
                found[pid] = new_id
        return found

    def _followed_by(self, pid: str) -> str | None:
        """The added position the reports of the removed position `pid` followed, if any."""
        if pid in self.paired:
            return None
        before = self.old[pid]
        came = self.followed.get(old_kind(before, self.paired))
        if not came:
            return None
        ids = _reports_now(self.reports[0][pid], self.paired, self.taken)
        for after in came.values():
            if (before.vacant or after.vacant) and shares_most(
                    ids, set(self.reports[1][after.id])):
                return after.id
        return None

    def same_positions(self, was_open: bool, now_open: bool) -> dict[str, str]:
        """Old id -> new id of the positions removed (open ones when `was_open`, else
        filled ones) while one was added (open when `now_open`) with the same title and
        manager (by new id), of the kinds touched since this openness last looked; a kind
        that two removed or two added positions share matches none, except open positions
        both: as many removed as added are told apart by their reports, team and location,
        then by file order (`_told_apart`). In the order of the first removed of each kind."""
        touched = self.touched[was_open, now_open]
        kinds = list(touched)
        touched.clear()
        several = was_open and now_open
        found: list[tuple[int, dict[str, str]]] = []
        for kind in kinds:
            olds = self.gone.get((was_open, kind))
            news = self.came.get((now_open, kind))
            if olds and news and len(olds) == len(news) and (several or len(olds) == 1):
                ordered = sorted(olds, key=self.old_order.__getitem__)
                found.append((self.old_order[ordered[0]], self._same_kind(
                    ordered, sorted(news, key=self.new_order.__getitem__))))
        return {old_id: new_id for _first, pairs in sorted(found, key=itemgetter(0))
                for old_id, new_id in pairs.items()}

    def _same_kind(self, olds: list[str], news: list[str]) -> dict[str, str]:
        """Old id -> new id of as many removed `olds` as added `news` of one kind, in their
        order (`_told_apart`)."""
        return _told_apart([self.old[pid] for pid in olds], [self.new[pid] for pid in news],
                           self.reports, self.paired, self.taken)


def _paired_by_kind(gone: Iterable[tuple[Kind, Person]], came: Iterable[tuple[Kind, Person]],
                    several: bool, told_by: tuple[Reports, Mapping[str, str]],
                    ) -> dict[str, str]:
    """Old id -> new id of the positions `gone` and `came` (each with its kind: title and
    manager) of a kind that as many of `gone` as of `came` have, told apart by their
    reports (and the pairings so far, old id -> new id), team and location, then by their
    order (`_told_apart`); a kind of several positions pairs none, unless `several`."""
    before, after = _gathered(gone), _gathered(came)
    found: dict[str, str] = {}
    reports, pairs = told_by
    elsewhere = set(pairs.values())
    for key, olds in before.items():
        news = after.get(key, [])
        if len(olds) == len(news) and (several or len(olds) == 1):
            found.update(_told_apart(olds, news, reports, pairs, elsewhere))
    return found


#: What tells positions of one title and manager apart after their reports, most first:
#: their team and location both, the team, the location; then nothing but their order.
_TRAITS: tuple[Callable[[Person], object], ...] = (
    lambda person: (person.team, nfc(person.location)), attrgetter("team"),
    lambda person: nfc(person.location), lambda person: None)


def _told_apart(olds: list[Person], news: list[Person], reports: Reports,
                pairs: Mapping[str, str], elsewhere: Container[str]) -> dict[str, str]:
    """Old id -> new id of as many `olds` as `news` of one kind: first those more than half
    of the reports of each of which are the other's (the old one's by new id: `pairs`),
    then those of the same team and location, of the same team, of the same location, then
    the rest, each in their order (the pairs of their order alone where all share them;
    `elsewhere`: the new ids of `pairs`; one of each: those two, whatever they share)."""
    if len(olds) == 1:
        return {olds[0].id: news[0].id}
    found = _followed(olds, news, reports, pairs, elsewhere)
    for trait in _TRAITS:
        taken = set(found.values())
        waiting: dict[object, deque[str]] = {}
        for person in news:
            if person.id not in taken:
                waiting.setdefault(trait(person), deque()).append(person.id)
        for person in olds:
            ids = waiting.get(trait(person)) if person.id not in found else None
            if ids:
                found[person.id] = ids.popleft()
    return found


def _followed(olds: list[Person], news: list[Person], reports: Reports,
              pairs: Mapping[str, str], elsewhere: Container[str]) -> dict[str, str]:
    """Old id -> new id of the `olds` and `news` more than half of the reports of each of
    which (the old one's by new id: `pairs`, whose new ids are `elsewhere`) are the
    other's, each paired once."""
    where = {pid: person.id for person in news for pid in reports[1].get(person.id, ())}
    found: dict[str, str] = {}
    taken: set[str] = set()
    for person in olds:
        mine = _reports_now(reports[0].get(person.id, ()), pairs, elsewhere)
        most = Counter(where[pid] for pid in mine if pid in where).most_common(1)
        if most and most[0][0] not in taken and shares_most(mine, set(reports[1][most[0][0]])):
            found[person.id] = most[0][0]
            taken.add(most[0][0])
    return found
