"""The model's Person of each record, located in the CSV (and made fast)."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Container, Iterable, Mapping, Sequence
from itertools import compress, repeat
from operator import attrgetter
from typing import Any

from orgviz.io.csvimport.records import Record
from orgviz.model import Person, RowLocs
from orgviz.problem import SourceLoc
from orgviz.roles import DEFAULT_LADDER

_NEW = tuple.__new__  # _NEW(SourceLoc, triple): SourceLoc(*triple) without a Python-level call


def build_person(record: Record, infer: Callable[[str], str | None] = DEFAULT_LADDER.infer
                 ) -> Person:
    """The model's Person for a record, located in the CSV."""
    roles, source = record.roles, "explicit" if record.roles else "none"
    if not roles and record.title:
        inferred = infer(record.title)
        if inferred:
            roles, source = (inferred,), "title"
    return Person(id=record.id, loc=SourceLoc(record.file, record.line, 1), name=record.name,
                  title=record.title, roles=roles, role_source=source,
                  reports_to=record.reports_to, dotted_to=record.dotted_to, team=record.team,
                  vacant=record.vacant, assistant=record.assistant, location=record.location,
                  email=record.email, fte=record.fte,
                  field_locs=RowLocs(record.file, record.line, record.cols))


_NO_ROLE: tuple[tuple[str, ...], str] = ((), "none")
#: The Record fields a Person is made of, in the order of a `people_of_rows` row.
PERSON_SOURCE = ("id", "file", "line", "name", "title", "roles", "reports_to", "dotted_to",
                 "team", "vacant", "assistant", "location", "email", "fte", "cols")
_PERSON_SOURCE = attrgetter(*PERSON_SOURCE)


def build_people(records: Sequence[Record], infer: Callable[[str], str | None] =
                 DEFAULT_LADDER.infer) -> list[Person]:
    """`[build_person(r, infer) for r in records]`, two to three times faster."""
    if not _FAST_PEOPLE:
        return [build_person(r, infer) for r in records]
    return people_of_rows(map(_PERSON_SOURCE, records), infer)


PersonSource = tuple[str, str, int, "str | None", "str | None", tuple[str, ...], "str | None",
                     tuple[str, ...], "str | None", bool, bool, "str | None", "str | None",
                     "float | None", Mapping[str, int]]


def people_of_rows(rows: Iterable[PersonSource], infer: Callable[[str], str | None] =
                   DEFAULT_LADDER.infer) -> list[Person]:
    """The Person of each row of Record values (fields `PERSON_SOURCE`), as `build_person`
    makes it from the record.

    Person is a frozen slots dataclass: its __init__ stores each of its 15 fields with an
    object.__setattr__ call. Here each person is filled in as a `_PersonSlots` (the same
    slots, plain attribute stores) and then becomes a Person by __class__ assignment, which
    Python allows between classes of the same layout; `_FAST_PEOPLE` is False (and people
    are made by `build_person`) if Person's fields or layout ever stop matching.
    """
    if not _FAST_PEOPLE:
        return [build_person(Record(pid, row, file, name, title, roles, reports_to=boss,
                                    dotted_to=dotted, team=team, vacant=vacant,
                                    assistant=assistant, location=location, email=email,
                                    fte=fte, cols=dict(cols)), infer)
                for (pid, file, row, name, title, roles, boss, dotted, team, vacant,
                     assistant, location, email, fte, cols) in rows]
    by_title: dict[str, tuple[tuple[str, ...], str]] = {}
    people: list[Person] = []
    append = people.append
    new, person = object.__new__, Person
    for (pid, file, row, name, title, roles, boss, dotted, team, vacant, assistant, location,
         email, fte, cols) in rows:
        source = "explicit"
        if not roles:
            if title:
                found = by_title.get(title)
                if found is None:
                    role = infer(title)
                    found = by_title[title] = ((role,), "title") if role else _NO_ROLE
                roles, source = found
            else:
                source = "none"
        locs = new(RowLocs)
        locs.file = file
        locs.line = row
        locs.cols = cols
        p = new(_PersonSlots)
        p.id = pid
        p.loc = _NEW(SourceLoc, (file, row, 1))
        p.name = name
        p.title = title
        p.roles = roles
        p.role_source = source
        p.reports_to = boss
        p.dotted_to = dotted
        p.team = team
        p.vacant = vacant
        p.assistant = assistant
        p.location = location
        p.email = email
        p.fte = fte
        p.field_locs = locs
        p.item_locs = {}
        p.__class__ = person  # type: ignore[assignment]  # (same layout: see the docstring)
        append(p)  # type: ignore[arg-type]  # (a Person now)
    return people


def people_of_columns(ids: Sequence[str], file: str, lines: Sequence[int],
                      names: Sequence[str | None], titles: Sequence[str | None],
                      roles: Sequence[tuple[str, ...]], bosses: Sequence[str | None],
                      dotted: Sequence[tuple[str, ...]], teams: Sequence[str | None],
                      vacant: Sequence[bool], assistant: Sequence[bool],
                      locations: Sequence[str | None], emails: Sequence[str | None],
                      cols: Mapping[str, int], order: Sequence[int],
                      infer: Callable[[str], str | None] = DEFAULT_LADDER.infer,
                      managers: Container[str] = frozenset(),
                      with_reports: Callable[[str], str | None] = DEFAULT_LADDER.with_reports
                      ) -> list[Person]:
    """`people_of_rows` of rows given column by column (all from one file, located by the
    same columns), in the order given (`order`: each row once).

    `managers`: the ids of the people with reports (none reporting to themselves). Those of
    them whose role comes from a title get `with_reports`'s role for it when it has one, as
    `roles.with_managing_roles` gives them.

    The roles are found column by column; one loop over the rows fills in each person
    (see `people_of_rows`).
    """
    if len(order) != len(ids):
        raise ValueError(f"{len(order)} rows ordered of {len(ids)}")
    if not _FAST_PEOPLE:
        sources = list(zip(ids, repeat(file), lines, names, titles, roles, bosses, dotted,
                           teams, vacant, assistant, locations, emails, repeat(None),
                           repeat(cols)))
        built = people_of_rows(map(sources.__getitem__, order), infer)
        return [_managing(p, managers, with_reports) for p in built]
    # Each row's (roles, role_source): inferred from the title once per distinct title, and
    # for a manager from `with_reports` when it gives a role for the title.
    by_title = {title: _inferred(title, infer) for title in set(titles)}
    found = list(map(by_title.__getitem__, titles))
    if managers:
        promoted = {title: ((role,), "title") for title in by_title
                    if title and (role := with_reports(title))}
        if promoted:
            for r in compress(range(len(titles)), map(promoted.__contains__, titles)):
                if ids[r] in managers:
                    found[r] = promoted[titles[r]]  # type: ignore[index]  # (a title)
    for r in compress(range(len(roles)), roles):
        found[r] = (roles[r], "explicit")
    # Each person, with its location and its field locations, is made in the order written
    # (as later walks go, and as they then lie in memory); the values of the rows are then
    # filled in in the rows' order: reading them out of order would cost more (a cache miss
    # a value) than filling people out of order.
    # (The objects are made in C loops: a Python call a row would cost as much again.)
    size, new, no_items, person = len(order), object.__new__, _NO_ITEMS, Person
    rows = list(map(lines.__getitem__, order))
    people: list[Any] = list(map(new, repeat(_PersonSlots, size)))
    for p, field_locs, row, loc in zip(people, map(new, repeat(RowLocs, size)), rows, map(
            _NEW, repeat(SourceLoc), zip(repeat(file), rows, repeat(1))), strict=True):
        field_locs.file = file
        field_locs.line = row
        field_locs.cols = cols
        p.loc = loc
        p.fte = None  # (rows with an FTE are linked record by record: see direct.py)
        p.field_locs = field_locs
        p.item_locs = no_items
    by_row: list[Any] = [None] * len(ids)
    for at, r in enumerate(order):
        by_row[r] = people[at]
    for (p, pid, name, title, (role_ids, source), boss, dotted_ids, team, is_vacant,
         is_assistant, location, email) in zip(
             by_row, ids, names, titles, found, bosses, dotted, teams, vacant, assistant,
             locations, emails, strict=True):
        p.id = pid
        p.name = name
        p.title = title
        p.roles = role_ids
        p.role_source = source
        p.reports_to = boss
        p.dotted_to = dotted_ids
        p.team = team
        p.vacant = is_vacant
        p.assistant = is_assistant
        p.location = location
        p.email = email
        p.__class__ = person
    return people


def _inferred(title: str | None, infer: Callable[[str], str | None]
              ) -> tuple[tuple[str, ...], str]:
    """(roles, role_source) of a person without explicit roles, from the title."""
    role = infer(title) if title else None
    return ((role,), "title") if role else _NO_ROLE


def _managing(person: Person, managers: Container[str],
              with_reports: Callable[[str], str | None]) -> Person:
    """A person with `with_reports`'s role when they manage and their role is from a title
    that has one (see `people_of_columns`)."""
    if person.role_source == "title" and person.id in managers:
        role = with_reports(person.title)  # type: ignore[arg-type]  # (a role's)
        if role:
            return dataclasses.replace(person, roles=(role,))
    return person


class _NoItems(dict[str, tuple[SourceLoc, ...]]):
    """The `item_locs` of every person made from columns (no list field has located items):
    one shared empty mapping, `{}` as far as reading it goes, that refuses to change."""

    __slots__ = ()

    def _refuse(self, *_args: object, **_kwargs: object) -> None:
        raise TypeError("the item locations of an imported person cannot change")

    __setitem__ = __delitem__ = setdefault = update = pop = popitem = clear = _refuse  # type: ignore[assignment]  # (refused)
    __ior__ = _refuse  # type: ignore[assignment]  # (as above)


_NO_ITEMS = _NoItems()


#: The fields `build_people` sets, in Person's order.
_PERSON_FIELDS = ("id", "loc", "name", "title", "roles", "role_source", "reports_to",
                  "dotted_to", "team", "vacant", "assistant", "location", "email", "fte",
                  "field_locs", "item_locs")


class _PersonSlots:
    """Person's slots without Person's frozen __setattr__ (see `build_people`)."""

    __slots__ = _PERSON_FIELDS
    # (Person's fields, as its own annotations give them: for the type checker only)
    id: str
    loc: SourceLoc
    name: str | None
    title: str | None
    roles: tuple[str, ...]
    role_source: str
    reports_to: str | None
    dotted_to: tuple[str, ...]
    team: str | None
    vacant: bool
    assistant: bool
    location: str | None
    email: str | None
    fte: float | None
    field_locs: Mapping[str, SourceLoc]
    item_locs: Mapping[str, tuple[SourceLoc, ...]]


def _can_become_person() -> bool:
    """Whether a filled-in `_PersonSlots` can become a Person (same fields and layout)."""
    fields = dataclasses.fields(Person)
    if tuple(f.name for f in fields) != _PERSON_FIELDS or \
            getattr(Person, "__slots__", None) != _PERSON_FIELDS or \
            not all(f.init for f in fields) or hasattr(Person, "__post_init__"):
        return False
    try:
        _PersonSlots().__class__ = Person  # type: ignore[assignment]  # (the trial)
    except TypeError:
        return False
    return True


_FAST_PEOPLE = _can_become_person()
