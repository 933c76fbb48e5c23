"""The model's Person of each record, located in the CSV (and made fast)."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from functools import partial
from operator import attrgetter
from typing import Any

from orgviz.io.csvimport.records import Record
from orgviz.model import Person
from orgviz.problem import SourceLoc
from orgviz.roles import DEFAULT_LADDER

_LOC = partial(tuple.__new__, SourceLoc)  # SourceLoc(*triple), without a Python-level __new__


class RowLocs(Mapping[str, SourceLoc]):
    """Field locations of one CSV row, made on demand (20,000 rows x 11 fields add up)."""

    __slots__ = ("cols", "file", "line")

    def __init__(self, file: str, line: int, cols: Mapping[str, int]) -> None:
        self.file, self.line, self.cols = file, line, cols

    def __getitem__(self, key: str) -> SourceLoc:
        return _LOC((self.file, self.line, self.cols["manager" if key == "reports_to" else key]))

    def get(self, key: str, default: Any = None) -> Any:  # Mapping.get, without the KeyError
        col = self.cols.get("manager" if key == "reports_to" else key)
        return default if col is None else _LOC((self.file, self.line, col))

    def __contains__(self, key: object) -> bool:
        return ("manager" if key == "reports_to" else key) in self.cols

    def __iter__(self) -> Iterator[str]:
        return ("reports_to" if k == "manager" else k for k in self.cols)

    def __len__(self) -> int:
        return len(self.cols)


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
                  email=record.email, field_locs=RowLocs(record.file, record.line, record.cols))


_NO_ROLE: tuple[tuple[str, ...], str] = ((), "none")
#: The Record fields a Person is made of, in the order of a `people_and_lines` row.
PERSON_SOURCE = ("id", "file", "line", "name", "title", "roles", "reports_to", "dotted_to",
                 "team", "vacant", "assistant", "location", "email", "cols")
_PERSON_SOURCE = attrgetter(*PERSON_SOURCE)


def build_people(records: Sequence[Record], infer: Callable[[str], str | None] =
                 DEFAULT_LADDER.infer) -> list[Person]:
    """`[build_person(r, infer) for r in records]`, two to three times faster."""
    if not _FAST_PEOPLE:
        return [build_person(r, infer) for r in records]
    return people_and_lines(map(_PERSON_SOURCE, records), infer)[0]


PersonSource = tuple[str, str, int, "str | None", "str | None", tuple[str, ...], "str | None",
                     tuple[str, ...], "str | None", bool, bool, "str | None", "str | None",
                     Mapping[str, int]]


#: A person's line in the org file, from its values (see `orgwrite.plain_line`).
LineMaker = Callable[[str, "str | None", "str | None", tuple[str, ...], "str | None",
                      tuple[str, ...], "str | None", bool, bool, "str | None", "str | None"],
                     str]


def people_and_lines(rows: Iterable[PersonSource], infer: Callable[[str], str | None] =
                     DEFAULT_LADDER.infer, line: LineMaker | None = None
                     ) -> tuple[list[Person], list[str]]:
    """The Person of each row of Record values (fields `PERSON_SOURCE`), as `build_person`
    makes it from the record; with `line`, each person's line too (made from the values
    while they are at hand, explicit roles only; no lines without `line`).

    Person is a frozen slots dataclass: its __init__ stores each of its 15 fields with an
    object.__setattr__ call. Here each person is filled in as a `_PersonSlots` (the same
    slots, plain attribute stores) and then becomes a Person by __class__ assignment, which
    Python allows between classes of the same layout; `_FAST_PEOPLE` is False (and people
    are made by `build_person`) if Person's fields or layout ever stop matching.
    """
    lines: list[str] = []
    if not _FAST_PEOPLE:
        made = [build_person(Record(pid, row, file, name, title, roles, reports_to=boss,
                                    dotted_to=dotted, team=team, vacant=vacant,
                                    assistant=assistant, location=location, email=email,
                                    cols=dict(cols)), infer)
                for (pid, file, row, name, title, roles, boss, dotted, team, vacant,
                     assistant, location, email, cols) in rows]
        if line is not None:
            lines = [line(p.id, p.name, p.title, p.roles if p.role_source == "explicit" else (),
                          p.reports_to, p.dotted_to, p.team, p.vacant, p.assistant,
                          p.location, p.email) for p in made]
        return made, lines
    by_title: dict[str, tuple[tuple[str, ...], str]] = {}
    people: list[Person] = []
    append = people.append
    new, loc, person = object.__new__, _LOC, Person
    add_line = lines.append
    for (pid, file, row, name, title, roles, boss, dotted, team, vacant, assistant, location,
         email, cols) in rows:
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
        p.loc = loc((file, row, 1))
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
        p.field_locs = locs
        p.item_locs = {}
        p.__class__ = person  # type: ignore[assignment]
        append(p)  # type: ignore[arg-type]
        if line is not None:
            add_line(line(pid, name, title, roles if source == "explicit" else (), boss,
                          dotted, team, vacant, assistant, location, email))
    return people, lines


#: The fields `build_people` sets, in Person's order.
_PERSON_FIELDS = ("id", "loc", "name", "title", "roles", "role_source", "reports_to",
                  "dotted_to", "team", "vacant", "assistant", "location", "email",
                  "field_locs", "item_locs")


class _PersonSlots:
    """Person's slots without Person's frozen __setattr__ (see `build_people`)."""

    __slots__ = _PERSON_FIELDS


def _can_become_person() -> bool:
    """Whether a filled-in `_PersonSlots` can become a Person (same fields and layout)."""
    fields = dataclasses.fields(Person)
    if tuple(f.name for f in fields) != _PERSON_FIELDS or \
            getattr(Person, "__slots__", None) != _PERSON_FIELDS or \
            not all(f.init for f in fields) or hasattr(Person, "__post_init__"):
        return False
    try:
        _PersonSlots().__class__ = Person  # type: ignore[assignment]
    except TypeError:
        return False
    return True


_FAST_PEOPLE = _can_become_person()
