"""Helpers shared by rules: did-you-mean suggestions, the reporting tree, ranks, role names."""

from __future__ import annotations

import re
import weakref
from collections import defaultdict
from collections.abc import Callable, Container, Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import cached_property
from itertools import chain, count, repeat
from operator import attrgetter
from types import ModuleType
from typing import Any, NamedTuple, TypeVar

from orgviz.cycles import cycles_up
from orgviz.model import Org, Person, RowLocs, TableName
from orgviz.problem import Problem, SourceLoc, quoted
from orgviz.roles import LEVELS, Role

# Difflib compares a word with every candidate (4-30 µs each), so a cheap prefilter picks
# the few to compare first: ids of similar length that share the word's first or last four
# characters (one typo rarely touches both ends; a bucket shared by more ids than
# FULL_SEARCH_MAX tells nothing and is skipped). Only when that finds nothing, and the org
# has at most FULL_SEARCH_MAX ids, are all ids compared: in huge orgs suggestions are best
# effort.
FULL_SEARCH_MAX = 2_000
AFFIX = 4
# Distinct unknown words a suggester looks up, and the work it spends in all, counted in
# rough microseconds (deterministic, so output never depends on machine speed): about
# 0.3 s. Beyond that it stays quiet: a file with hundreds of unknown ids has a systematic
# problem that suggestions will not fix.
LOOKUP_BUDGET = 50
WORK_BUDGET = 300_000
CUTOFF = 0.6
T = TypeVar("T")
_SEPARATORS = str.maketrans("", "", " -_.'")


def _shared_start(a: str, b: str) -> int:
    """How many leading characters two words share."""
    for index, (x, y) in enumerate(zip(a, b, strict=False)):
        if x != y:
            return index
    return min(len(a), len(b))


def _fold(word: str) -> str:
    """Case and separators folded away: 'Dana_Reyes' and 'dana-reyes' are the same."""
    return word.casefold().translate(_SEPARATORS)


class Suggester:
    """Finds the known id closest to an unknown one, cheaply enough for 100,000 ids."""

    def __init__(self, choices: Iterable[str]) -> None:
        self._choices = list(dict.fromkeys(choices))
        self._folded: dict[str, str] | None = None
        self._buckets: dict[str, list[str]] | None = None
        self._memo: dict[str, list[str]] = {}
        self._work = 0

    def closest(self, word: str, exclude: str | None = None) -> str | None:
        """The closest known id other than `exclude` (the asker's own id), or None."""
        if word not in self._memo:
            if len(self._memo) >= LOOKUP_BUDGET or self._work >= WORK_BUDGET:
                return None
            self._memo[word] = self._closest(word)
        return next((c for c in self._memo[word] if c != exclude), None)

    def advice(self, word: str, action: str, exclude: str | None = None) -> str:
        """"did you mean 'x'? Otherwise <action>", or just the action without a match."""
        close = self.closest(word, exclude)
        return f"did you mean '{close}'? Otherwise {action}" if close else action

    def _closest(self, word: str) -> list[str]:
        """The two best candidates, best first."""
        if self._folded is None:
            self._folded = {}
            for choice in self._choices:
                self._folded.setdefault(_fold(choice), choice)
        found = []
        same = self._folded.get(_fold(word))
        if same is not None and same != word:
            found.append(same)
        close = self._close_matches(word, self._prefiltered(word))
        if not close and len(self._choices) <= FULL_SEARCH_MAX:
            close = self._close_matches(word, self._choices)
        return list(dict.fromkeys(found + close))[:2]

    def _close_matches(self, word: str, candidates: list[str]) -> list[str]:
        """difflib.get_close_matches, counting its work; ties go to the longest shared start.

        Equal scores are common among look-alike ids: for 'p000249x3', 'p000249' and
        'p000493' score the same.
        """
        import difflib  # only when an unknown id needs a suggestion: not at every start

        matcher = difflib.SequenceMatcher()
        matcher.set_seq2(word)
        scored = []
        work = 0
        for candidate in candidates:
            matcher.set_seq1(candidate)
            work += 1
            if matcher.real_quick_ratio() < CUTOFF:
                continue
            work += 4
            if matcher.quick_ratio() < CUTOFF:
                continue
            work += 20
            score = matcher.ratio()
            if score >= CUTOFF:
                scored.append((-score, -_shared_start(word, candidate), candidate))
        self._work += work
        return [candidate for *_key, candidate in sorted(scored)[:2]]

    def _prefiltered(self, word: str) -> list[str]:
        if self._buckets is None:
            self._buckets = {}
            for choice in self._choices:
                self._buckets.setdefault("<" + choice[:AFFIX], []).append(choice)
                self._buckets.setdefault(">" + choice[-AFFIX:], []).append(choice)
        found: list[str] = []
        for key in ("<" + word[:AFFIX], ">" + word[-AFFIX:]):
            bucket = self._buckets.get(key, [])
            if len(bucket) <= FULL_SEARCH_MAX:
                found += bucket
        return [c for c in dict.fromkeys(found) if abs(len(c) - len(word)) <= 3]


# Values derived from an org once and shared by the rules of a run (org -> name -> value).
# The values must not refer to the org, or it would never be freed.
_CACHE: weakref.WeakKeyDictionary[Org, dict[str, Any]] = weakref.WeakKeyDictionary()


def _cached(org: Org, name: str, compute: Callable[[Org], T]) -> T:
    values = _CACHE.get(org)
    if values is None:
        values = _CACHE[org] = {}
    if name not in values:
        values[name] = compute(org)
    return values[name]  # type: ignore[no-any-return]  # (what compute made)


def person_suggester(org: Org) -> Suggester:
    """A suggester over the org's person ids (shared by the rules of one run)."""
    return _cached(org, "person_suggester", lambda o: Suggester(o.by_id))


def unknown_person(org: Org, ref: str, action: str, asker: str) -> str:
    """The end of a message about a reference (reports_to, dotted_to) naming no person's id:
    "who is not in the org: did you mean 'x'? Otherwise <action>" (`Suggester.advice`,
    `asker` excluded), or, when `ref` is an id in another Unicode form (NFD 'josé'), that
    (`unicode_form_advice`), or, when `ref` is someone else's name (a common slip: "reports_to:
    Ann Lee"), "a name, not an id: write 'ann' instead", or when it is a team's id, "a team,
    not a person: write the id of its lead, 'ann', instead"."""
    same = id_in_other_unicode_form(org, ref, asker)
    if same is not None:  # ('josé' typed with a combining accent, the id with a precomposed one)
        return unicode_form_advice(ref, org.by_id[same])
    what = "a name"
    ids = [pid for pid in org.ids_named(ref) if pid != asker]
    if not ids and "@" in ref:
        what, ids = "an email", [pid for pid in org.ids_with_email(ref) if pid != asker]
    if len(ids) == 1:
        return f"{what}, not an id: write '{ids[0]}' instead"
    if ids:
        return f"{what}, not an id: write the id of one of {quoted(ids)}"
    team = org.teams_by_id.get(ref)
    if team is not None:  # (reports_to: product, the team's id)
        lead = org.by_id.get(team.lead) if team.lead else None
        return "a team, not a person: " + (
            f"write the id of its lead, '{lead.id}', instead" if lead is not None and
            lead.id != asker else "write the id of a person")
    return f"who is not in the org: {person_advice(org, ref, action, asker)}"


def id_in_other_unicode_form(org: Org, ref: str, exclude: str) -> str | None:
    """The person id (not `exclude`) that is `ref` written in another Unicode form (NFC and
    NFD 'josé': the same letters, the accent precomposed or combining), or None."""
    from unicodedata import normalize

    composed = normalize("NFC", ref)
    found = composed if composed != ref and composed in org.by_id else _ids_not_composed(
        org).get(composed)
    return found if found is not None and found not in (ref, exclude) else None


def _ids_not_composed(org: Org) -> dict[str, str]:
    """The person ids not in Unicode NFC, by their NFC form (made at the first reference
    that names nobody; most orgs have none)."""
    from unicodedata import is_normalized, normalize

    return _cached(org, "ids_not_composed", lambda o: {
        normalize("NFC", pid): pid for pid in o.by_id if not is_normalized("NFC", pid)})


def unicode_form_advice(ref: str, person: Person) -> str:
    """The end of a message about a reference that is a person's id in another Unicode
    form: which form each is in, and to write the id as it is."""
    from unicodedata import is_normalized

    # (not by combining marks: decomposed Hangul is conjoining jamo, of combining class 0)
    forms = ("composed (NFC) form", "decomposed (NFD) form")
    written, held = forms if is_normalized("NFC", ref) else forms[::-1]
    return (f"which differs from the id {who(person)} only in Unicode form: it is written "
            f"in {written}, the id in {held}; write it as the id is written")


def joined_ids(text: str, known: Container[str]) -> list[str] | None:
    """The ids of `known` that a text joins with commas or semicolons ('ceo, cto' written
    where a list belongs: `dotted_to: ceo, cto`), or None."""
    parts = [part.strip() for part in re.split("[,;]", text)]
    return parts if len(parts) > 1 and all(part in known for part in parts) else None


def person_advice(org: Org, word: str, action: str, exclude: str | None = None) -> str:
    """`Suggester.advice` over the org's people, the person suggested named as `who` names
    them: "did you mean '1' (Ann Lee)? Otherwise <action>"."""
    close = person_suggester(org).closest(word, exclude)
    if close:
        return f"did you mean {who(org.by_id[close])}? Otherwise {action}"
    # Part of someone's id or name ("amara" for 'amara-okafor'), the person not excluded.
    ids = [pid for pid in org.ids_with_word(word) if pid != exclude]
    if ids:
        which = quoted(ids, 3, lambda pid: who(org.by_id[pid]))
        return f"did you mean {'one of ' if len(ids) > 1 else ''}{which}? Otherwise {action}"
    return action


RoleKey = tuple[tuple[str, ...], tuple[str, ...]]  # (a person's roles, their manager's roles)


@dataclass
class Links:
    """The solid reporting lines, read in one walk over the people (by_id, file order)."""

    tops: list[Person]  # no manager, reporting to themselves, or to an unknown id
    reports: dict[str, list[str]]  # Org.reports without the people who have no reports
    role_pairs: dict[RoleKey, list[Person]]  # the people with a manager, assistants aside
    assistants: list[Person]  # the assistants with a manager (everyone is in one of three)


def links(org: Org) -> Links:
    """The org's reporting lines (computed once per org)."""
    return _cached(org, "links", _links)


def _links(org: Org) -> Links:
    by_id = org.by_id
    tops: list[Person] = []
    reports: defaultdict[str, list[str]] = defaultdict(list)
    role_pairs: defaultdict[RoleKey, list[Person]] = defaultdict(list)
    assistants: list[Person] = []
    for pid, person in by_id.items():
        boss = by_id.get(person.reports_to)  # type: ignore[arg-type]  # (None: a top)
        if boss is None or boss is person:
            tops.append(person)
            continue
        reports[boss.id].append(pid)
        if not person.assistant:
            role_pairs[person.roles, boss.roles].append(person)
        else:
            assistants.append(person)
    return Links(tops, dict(reports), dict(role_pairs), assistants)


def with_dotted(org: Org) -> list[Person]:
    """The people (file order, repeated ids included) with dotted lines: few, if any."""
    return _cached(org, "with_dotted", lambda o: [p for p in o.people if p.dotted_to])


def unplaced(org: Org) -> tuple[Person, ...] | list[Person]:
    """The people (file order) whose reports_to may be missing, their own id or unknown:
    the tops of the tree, or all people when an id repeats (repeats are not in by_id)."""
    return org.people if len(org.people) != len(org.by_id) else links(org).tops


class Tree:
    """The solid-line forest walked top-down from its tops (breadth first, file order).

    Tops are people without a manager, reporting to themselves, or reporting to an unknown
    id. People in a reporting cycle, or under one, are not reached: they have no depth.
    """

    def __init__(self, order: list[str], sizes: list[int], everyone: dict[str, Person]) -> None:
        self.order = order
        self.sizes = sizes  # how many people each level holds, the tops' first
        # The ids reached: `everyone` (the org's by_id) when all are, else those with a
        # depth. Rules that only ask whether someone is reached (most orgs: everyone is)
        # then never need the depth dict, 20,000 entries in a big org.
        self.reached: Container[str] = everyone if len(order) == len(everyone) else self.depth

    @property
    def levels(self) -> int:
        """How many levels deep the forest is (the depth of its deepest person)."""
        return len(self.sizes)

    @cached_property
    def depth(self) -> dict[str, int]:
        """Each reached person's level (top = 1)."""
        # One dict for all levels (the level numbers repeated by level size) is cheaper
        # than growing it level by level.
        numbers = chain.from_iterable(map(repeat, range(1, len(self.sizes) + 1), self.sizes))
        return dict(zip(self.order, numbers, strict=True))

    def manager(self, org: Org, person: Person) -> str | None:
        """A reached person's manager id, or None for a top."""
        boss = person.reports_to
        return boss if boss is not None and boss != person.id and boss in org.by_id else None

    def top(self, org: Org) -> dict[str, str]:
        """The top each reached person hangs from (computed on first use)."""
        return _cached(org, "tops", self._tops)

    def _tops(self, org: Org) -> dict[str, str]:
        by_id = org.by_id
        top: dict[str, str] = {}
        for pid in self.order:
            boss = self.manager(org, by_id[pid])
            top[pid] = pid if boss is None else top[boss]
        return top


def tree(org: Org) -> Tree:
    """The org's reporting tree (computed once per org)."""
    return _cached(org, "tree", _tree)


def _tree(org: Org) -> Tree:
    walk = links(org)
    level = [p.id for p in walk.tops]
    order: list[str] = []
    sizes: list[int] = []
    below = walk.reports.get
    while level:
        order += level
        sizes.append(len(level))
        # The next level, all in C: each id's reports (none for most), chained.
        level = list(chain.from_iterable(map(below, level, repeat(()))))
    return Tree(order, sizes, org.by_id)


def reporting_cycles(org: Org) -> list[list[str]]:
    """The org's reporting cycles, among the people no top of `tree` reaches (the others
    hang from a cycle; someone reporting to themselves is a top), in the order the walks
    up from them (file order) find them, each from its member first in the file (computed
    once per org)."""
    return _cached(org, "reporting_cycles", _reporting_cycles)


def _reporting_cycles(org: Org) -> list[list[str]]:
    by_id, reached = org.by_id, tree(org).reached
    if reached is by_id:  # every person hangs from a top
        return []
    return cycles_up(by_id, lambda pid: by_id[pid].reports_to, reached)


class Standing(NamedTuple):
    """Where a known role sits: its rank, and the names messages show for it."""

    rank: int
    role: str  # the display name of the most senior known role (role_name)
    level: str  # that role's level label (Org.level_label)


Pairs = list[tuple[Standing, Standing, list[Person]]]


def manager_pairs(org: Org) -> Pairs:
    """(a standing, a manager's standing, the people in that pair), for everyone who is not
    an assistant and reports to someone else, when both ranks are known.

    People come grouped by their roles and their manager's roles (a few dozen groups, in
    order of first appearance), in file order within a group; the rank rules read only
    the groups whose ranks they care about.
    """
    return _cached(org, "manager_pairs", _manager_pairs)


def _manager_pairs(org: Org) -> Pairs:
    standing: dict[tuple[str, ...], Standing | None] = {}
    pairs = []
    for (roles, boss_roles), people in links(org).role_pairs.items():
        for key in (roles, boss_roles):
            if key not in standing:
                best = _best_role(org, key)
                standing[key] = None if best is None else Standing(
                    best.rank, best.name, LEVELS[best.level][1])
        mine, boss = standing[roles], standing[boss_roles]
        if mine is not None and boss is not None:
            pairs.append((mine, boss, people))
    return pairs


def pair_problems(org: Org, people: list[Person], about: str, boss_about: str, level: str,
                  rule: str) -> list[Problem]:
    """The problems (at `level`, of `rule`) of one group of `manager_pairs`, one message but
    for the two people: "'id' (Name, <about>) reports to 'boss' (Name, <boss_about>", names
    as `who` shows them, each at the person's reports_to.

    The rank rules report thousands of people in a big org with random titles: each problem
    is made directly (no finding first), its message from the group's parts in one step,
    `shown_name` inlined, each manager's name looked up once per org, and an imported
    person's location read from its row (`RowLocs`) without a call.
    """
    by_id = org.by_id
    named: dict[str, str] = _cached(org, "manager_names", lambda _org: {})  # "Name, " or ""
    known, no_digit = named.get, _DIGITS.isdisjoint
    about = f"{about}) reports to '"
    found: list[Problem] = []
    add, new, row_locs = found.append, tuple.__new__, RowLocs
    cols: Mapping[str, int] | None = None
    col: int | None = None
    for person in people:
        boss = person.reports_to
        boss_name = known(boss)  # type: ignore[arg-type]  # (a pair's: not None)
        if boss_name is None:
            shown = shown_name(by_id[boss])  # type: ignore[index]  # (as above)
            boss_name = named[boss] = f"{shown}, " if shown else ""  # type: ignore[index]  # (as above)
        pid, name = person.id, person.name
        if not name and person.vacant:
            name = shown_name(person)
        message = (f"'{pid}' ({about}{boss}' ({boss_name}{boss_about}"
                   if not name or (no_digit(pid) and (pid.isascii() or not _DIGIT(pid))) else
                   f"'{pid}' ({name}, {about}{boss}' ({boss_name}{boss_about}")
        locs = person.field_locs
        if locs.__class__ is row_locs:  # (person.at("reports_to"), inlined)
            if locs.cols is not cols:
                cols = locs.cols
                col = cols.get("manager")
            if col is not None:
                add(new(Problem, (locs.file, locs.line, col, level, rule, message)))
                continue
        file, line, column = locs.get("reports_to", person.loc)
        add(new(Problem, (file, line, column, level, rule, message)))
    return found


def findings_of(problems: Iterable[Problem]) -> Iterator[tuple[SourceLoc, str]]:
    """The findings (location, message) of a rule's problems, as its check() yields them."""
    new = tuple.__new__
    for problem in problems:
        yield new(SourceLoc, problem[:3]), problem.message


def holders(org: Org, role_ids: frozenset[str]) -> list[Person]:
    """The people holding any of `role_ids` (alone or combined), in file order.

    Found among the groups of `links` (people by their roles tuple: a few dozen), not by a
    look at every person: in a 20,000-person org that holds a few hundred of them.
    """
    walk = links(org)
    found = [p for (roles, _boss), group in walk.role_pairs.items()
             if not role_ids.isdisjoint(roles) for p in group]
    found += [p for p in walk.tops if not role_ids.isdisjoint(p.roles)]
    found += [p for p in walk.assistants if not role_ids.isdisjoint(p.roles)]
    if len(found) > 1:
        place = _cached(org, "positions", _positions)
        found.sort(key=lambda p: place[p.id])
    return found


def _positions(org: Org) -> dict[str, int]:
    """Each person id's place in file order (Org.by_id's order)."""
    return dict(zip(org.by_id, count()))


def roles_held(org: Org) -> set[str]:
    """The role ids anybody holds, alone or combined (Org.has_role for every role at once)."""
    return _cached(org, "roles_held", _roles_held)


def _roles_held(org: Org) -> set[str]:
    # An org has few distinct roles tuples: those of the role pairs (everyone with a manager
    # but assistants), of the tops and of the assistants; then their role ids.
    walk = links(org)
    held = {roles for roles, _boss_roles in walk.role_pairs}
    held.update(map(_ROLES, walk.tops))
    held.update(map(_ROLES, walk.assistants))
    return set(chain.from_iterable(held))


_ROLES = attrgetter("roles")


def assistants_of(org: Org) -> dict[str, int]:
    """Manager id -> how many assistants report to them (most orgs have a handful)."""
    return _cached(org, "assistants_of", _assistants_of)


def _assistants_of(org: Org) -> dict[str, int]:
    by_id = org.by_id
    counts: dict[str, int] = {}
    for person in by_id.values():
        if person.assistant and person.reports_to in by_id:
            counts[person.reports_to] = counts.get(person.reports_to, 0) + 1
    return counts


def _look_up(org: Org, pid: str, seniors: frozenset[str],
             memo: dict[str, tuple[str | None, str]]) -> tuple[str | None, str]:
    """For a reached person: the nearest solid-line ancestor holding a senior role, or None
    and the top their chain ends at. Memoised along the way, so all look-ups are O(n)."""
    by_id = org.by_id
    walk = tree(org)
    path = []
    node = pid
    while True:
        if node in memo:
            result = memo[node]
            break
        path.append(node)
        boss = walk.manager(org, by_id[node])
        if boss is None:
            result = (None, node)
            break
        if not seniors.isdisjoint(by_id[boss].roles):
            result = (boss, "")
            break
        node = boss
    for visited in path:  # everyone on the path shares the answer
        memo[visited] = result
    return result


def role_name(org: Org, person: Person) -> str:
    """The display name of a person's most senior known role ('no known role' otherwise)."""
    best = _best_role(org, person.roles)
    return best.name if best is not None else "no known role"


def _best_role(org: Org, roles: tuple[str, ...]) -> Role | None:
    """The most senior known role of several (the first of equals): the ladder's choice."""
    best = None
    for role_id in roles:
        role = org.ladder.roles.get(role_id)
        if role is not None and (best is None or role.rank > best.rank):
            best = role
    return best


_DIGIT = re.compile(r"\d").search
_DIGITS = frozenset("0123456789")
#: What messages show beside the digit id of a vacancy without a name.
OPEN_ROLE = "open role"


def shown_name(person: Person) -> str:
    """The name a message shows beside a person's id, or "".

    Shown when the id holds a digit, as generated ids do (14, E00123, HO-001): a number
    tells a reader nothing. A slug such as 'amara-okafor' reads by itself, so hand-written
    files' messages keep their ids alone. An unnamed vacancy shows as "open role".
    """
    name, pid = person.name, person.id
    # Digits of other scripts count too; the ASCII test first is 3x quicker than the regex.
    if _DIGITS.isdisjoint(pid) and (pid.isascii() or not _DIGIT(pid)):
        return ""
    return name or (OPEN_ROLE if person.vacant else "")


def who(person: Person, *about: str) -> str:
    """A person as messages name them: "'dana'", or "'14' (Peter Krebs)" with a shown name.

    `about` (a role, where they stand) joins the name in the parentheses:
    "'14' (Peter Krebs, Engineering Manager)", "'dana' (Engineering Manager)".
    """
    name = shown_name(person)
    parts = (name, *about) if name else about
    return f"'{person.id}' ({', '.join(parts)})" if parts else f"'{person.id}'"


def who_inside(person: Person) -> str:
    """A person named inside parentheses already open: "'3', Roberto Tamburello" (or "'3'")."""
    name = shown_name(person)
    return f"'{person.id}', {name}" if name else f"'{person.id}'"


def who_id(org: Org, pid: str) -> str:
    """`who` for an id that may name nobody: an unknown id is shown quoted, as it is."""
    person = org.by_id.get(pid)
    return f"'{pid}'" if person is None else who(person)


def quote_people(org: Org, ids: Iterable[str], limit: int = 5) -> str:
    """"'a', 'b', '14' (Peter Krebs)" (see `who`), with '... and N more' beyond `limit`."""
    return quoted(list(ids), limit, lambda pid: who_id(org, pid))


#: Endings of the files an import reads (CSV, workbooks): their locations are rows.
TABLE_SUFFIXES = (".csv", ".tsv", ".txt", ".xlsx", ".xlsm")


def is_table(file: str) -> bool:
    """Whether a file is a table an import reads (its places are rows, its org an import's)."""
    # (an import names its tables so, standard input too; other CSV files by their ending)
    return isinstance(file, TableName) or file.lower().endswith(TABLE_SUFFIXES)


def line_at(loc: SourceLoc) -> str:
    """"line 12", or "row 12" in a table an import read, as an import's messages say."""
    return f"{'row' if is_table(loc.file) else 'line'} {loc.line}"


def sized(org: Org) -> str:
    """"a small org", "a mid-size org", "an enterprise org": the org's size profile."""
    return f"{'an' if org.size[:1] in 'aeiou' else 'a'} {org.size} org"


def is_profile_value(org: Org, module: ModuleType, option: str, value: object) -> bool:
    """Whether a rule's option has the value the org's size profile gives it (False: a
    configuration, or the org's own `rules:`, set another: messages then say so rather than
    name the profile)."""
    from orgviz.rules import defaults_for

    return bool(defaults_for(module, org.size).get(option) == value)


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
    memo: dict[str, tuple[str | None, str]] = {}
    above: dict[str, str] | None = None
    for junior in juniors:
        if junior.id not in walk.reached:
            continue
        holder, top_id = _look_up(org, junior.id, seniors, memo)
        top = by_id[top_id] if holder is None else None
        if top is None or (top.reports_to is not None and top.reports_to not in by_id):
            continue
        if above is None:
            above = _ancestors_of_holders(org, seniors)
        yield junior, above.get(junior.id)


def _ancestors_of_holders(org: Org, seniors: frozenset[str]) -> dict[str, str]:
    """Person id -> a holder of a senior role somewhere below them (the first in file order)."""
    by_id = org.by_id
    walk = tree(org)
    above: dict[str, str] = {}
    for person in holders(org, seniors):
        if person.id not in walk.reached:
            continue
        boss = walk.manager(org, person)
        while boss is not None and boss not in above:
            above[boss] = person.id
            boss = walk.manager(org, by_id[boss])
    return above
