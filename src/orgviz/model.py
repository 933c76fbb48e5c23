"""The org model: people, teams and the org with its reporting graphs."""

from __future__ import annotations

import os
import re
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, fields, replace
from functools import cached_property
from itertools import chain
from operator import attrgetter
from typing import TYPE_CHECKING, Any

from orgviz.fte import FTE_HINT, MAX_FTE
from orgviz.problem import Problem, SourceLoc
from orgviz.roles import DEFAULT_LADDER, LEVELS, RoleLadder

if TYPE_CHECKING:
    import networkx as nx

SIZES = ("small", "mid-size", "enterprise")
NO_LOC = SourceLoc("", 1, 1)
_NEW = tuple.__new__  # _NEW(SourceLoc, triple): SourceLoc(*triple) without a Python-level call


class TableName(str):
    """The shown name of a table an import read (a CSV file, a sheet, standard input): its
    locations are rows. Locations share the one name, so marking it costs nothing."""

    __slots__ = ()


class RowLocs(Mapping[str, SourceLoc]):
    """The field locations of an imported person: each field at its column (`cols`, shared
    by the rows of one table; reports_to at the manager's) of one row, made on demand
    (20,000 rows x 11 fields add up)."""

    __slots__ = ("cols", "file", "line")

    def __init__(self, file: str, line: int, cols: Mapping[str, int]) -> None:
        self.file, self.line, self.cols = file, line, cols

    def __getitem__(self, key: str) -> SourceLoc:
        return _NEW(SourceLoc, (self.file, self.line,
                                self.cols["manager" if key == "reports_to" else key]))

    def get(self, key: str, default: Any = None) -> Any:  # Mapping.get, without the KeyError
        col = self.cols.get("manager" if key == "reports_to" else key)
        return default if col is None else _NEW(SourceLoc, (self.file, self.line, col))

    def __contains__(self, key: object) -> bool:
        return ("manager" if key == "reports_to" else key) in self.cols

    def __iter__(self) -> Iterator[str]:
        return ("reports_to" if k == "manager" else k for k in self.cols)

    def __len__(self) -> int:
        return len(self.cols)


@dataclass(frozen=True, slots=True)
class Person:
    """A position in the org: a person, or an open role when `vacant`."""

    id: str
    loc: SourceLoc
    name: str | None = None
    title: str | None = None
    roles: tuple[str, ...] = ()
    role_source: str = "none"  # "explicit", "title" or "none"
    reports_to: str | None = None
    dotted_to: tuple[str, ...] = ()
    team: str | None = None
    vacant: bool = False
    assistant: bool = False
    location: str | None = None
    email: str | None = None
    #: Full-time equivalents the position stands for (None: one, as written nowhere): 0.6
    #: for a part-time post, 12.5 for a card of grouped posts.
    fte: float | None = None
    field_locs: Mapping[str, SourceLoc] = field(default_factory=dict, compare=False)
    # Where each id of a list field (role, dotted_to) stands, parallel to the tuple.
    item_locs: Mapping[str, tuple[SourceLoc, ...]] = field(default_factory=dict, compare=False)

    def at(self, field_name: str, index: int | None = None) -> SourceLoc:
        """Where a field's value (or its `index`-th list item) stands, else the best fallback."""
        if index is not None:
            locs = self.item_locs.get(field_name, ())
            if index < len(locs):
                return locs[index]
        return self.field_locs.get(field_name, self.loc)

    @property
    def ftes(self) -> float:
        """The full-time equivalents the position stands for: its `fte`, else one."""
        return 1.0 if self.fte is None else self.fte

    @property
    def display_name(self) -> str:
        """The name to show: 'Open role' for a vacancy without a name."""
        if self.vacant:
            return self.name or "Open role"
        return self.name or self.id


@dataclass(frozen=True, slots=True)
class Team:
    """A team or department, optionally nested under a parent team."""

    id: str
    loc: SourceLoc
    name: str | None = None
    color: str | None = None
    parent: str | None = None
    lead: str | None = None
    field_locs: Mapping[str, SourceLoc] = field(default_factory=dict, compare=False)

    def at(self, field_name: str) -> SourceLoc:
        """Where a field's value stands, or the team's own location when absent."""
        return self.field_locs.get(field_name, self.loc)

    @property
    def display_name(self) -> str:
        """The team's name, or its id."""
        return self.name or self.id


@dataclass(frozen=True, slots=True)
class RuleSetting:
    """One entry of a `rules:` block: a level change and options, with locations."""

    rule: str
    loc: SourceLoc
    level: str | None = None  # "off", "error", "warning", "info", "on" (the rule's own) or None
    options: Mapping[str, Any] = field(default_factory=dict)
    option_locs: Mapping[str, SourceLoc] = field(default_factory=dict)


@dataclass(eq=False)
class Org:
    """A whole org as loaded from one file (and its includes)."""

    file: str
    name: str
    size: str = "mid-size"
    date: str | None = None
    people: tuple[Person, ...] = ()
    teams: tuple[Team, ...] = ()
    ladder: RoleLadder = DEFAULT_LADDER
    rule_settings: tuple[RuleSetting, ...] = ()
    load_problems: tuple[Problem, ...] = ()
    files: tuple[str, ...] = ()
    loc: SourceLoc = NO_LOC
    size_loc: SourceLoc | None = None  # where the `size:` value stands, when given
    # Loaded from a file without an `org:` header: a part of a split org, whose people report
    # to managers in other files; `validate` says its load problems only, not the rules'
    # findings on its people alone (it is checked through the org that includes it).
    part: bool = False

    def __setattr__(self, name: str, value: Any) -> None:
        """Set a field, checked (a TypeError or ValueError saying what it takes; a list is
        kept as a tuple), dropping every view derived from the org (they would go stale)."""
        values = self.__dict__
        if name in _VIEWS:
            raise AttributeError(f"Org.{name} is derived from the org's fields: assign those "
                                 "(people, teams, ...) instead")
        checked = _FIELD_CHECKS.get(name)
        if checked is not None:
            value = checked(name, value)
        if "ladder" in values:  # (in __init__, __post_init__ infers once every field is set)
            if name == "people":
                value = roles_from_titles(checked_people(value, values["people"]),
                                          values["ladder"])
            elif name == "ladder" and value is not values["ladder"]:
                object.__setattr__(self, "people", roles_from_titles(self.people, value))
        if name in values:  # (not while __init__ sets the fields first: nothing is derived yet)
            self.forget_views()
        object.__setattr__(self, name, value)

    def __post_init__(self) -> None:
        """Check the fields of the people handed in and give them the roles their titles
        name, as the loader does."""
        values = self.__dict__
        values["people"] = roles_from_titles(checked_people(values["people"]),
                                             values["ladder"])

    @classmethod
    def of_inferred(cls, people: tuple[Person, ...], **fields: Any) -> Org:
        """An Org of people whose roles the loader or the import inferred already: the
        constructor without inferring them again (20,000 people cost nothing more)."""
        org = cls(**fields)
        org.__dict__["people"] = _FIELD_CHECKS["people"]("people", people)
        return org

    def derived(self, **changes: Any) -> Org:
        """`dataclasses.replace(self, **changes)` for people (and other fields) derived from
        the org's own, whose fields and roles stand as they are (moved, cut to a subtree):
        not checked nor inferred again (20,000 people would cost tens of milliseconds)."""
        values = {f.name: getattr(self, f.name) for f in fields(self)}
        values.update(changes)
        return Org.of_inferred(values.pop("people"), **values)

    def set_derived_people(self, people: Iterable[Person]) -> None:
        """Set `people` derived from the org's own (as `derived` takes them): checked to be
        people, their fields and roles not checked nor inferred again."""
        self.forget_views()
        self.__dict__["people"] = _FIELD_CHECKS["people"]("people", people)

    @property
    def own_loc(self) -> SourceLoc:
        """Where a problem about the org as a whole stands: its `loc`, or line 1 of its
        `file` when `loc` names no file (an Org built in Python keeps the default NO_LOC)."""
        loc = self.loc
        return loc if loc.file else _NEW(SourceLoc, (self.file, 1, 1))

    def forget_views(self) -> None:
        """Drop the views derived from the org (by_id, reports, the rules' and charts' shared
        values): they are made again, from the fields as they are, when next asked for."""
        values = self.__dict__
        for name in _VIEWS:
            values.pop(name, None)
        for module, cache in _SHARED_CACHES:
            found = sys.modules.get(module)
            if found is not None:
                getattr(found, cache).pop(self, None)

    @cached_property
    def by_id(self) -> dict[str, Person]:
        """People by id (the first of duplicates wins)."""
        # Ids are almost always distinct: one comprehension then. With a repeat it kept the
        # last of each id, so the slower first-wins loop redoes it.
        result = {person.id: person for person in self.people}
        if len(result) == len(self.people):
            return result
        result = {}
        for person in self.people:
            result.setdefault(person.id, person)
        return result

    @cached_property
    def teams_by_id(self) -> dict[str, Team]:
        """Teams by id (the first of duplicates wins)."""
        result: dict[str, Team] = {}
        for team in self.teams:
            result.setdefault(team.id, team)
        return result

    @cached_property
    def reports(self) -> dict[str, list[str]]:
        """Manager id -> ids of direct solid-line reports, in file order (all people keyed)."""
        result: dict[str, list[str]] = {pid: [] for pid in self.by_id}
        for person in self.by_id.values():
            manager = person.reports_to
            if manager is not None and manager in result and manager != person.id:
                result[manager].append(person.id)
        return result

    @cached_property
    def roots(self) -> list[str]:
        """The tops of the org, in file order: the people without a manager, with their own
        id as manager (a self-report, as HR exports give the top person) or with one that is
        nobody's in the org; the tops validate, stats and the chart take (`reports` and
        `graph` have no line from a self-reporter to itself). People in a reporting cycle
        are not among them (the `cycle` rule reports them; a chart cuts the cycle)."""
        by_id = self.by_id
        return [p.id for p in by_id.values()
                if p.reports_to is None or p.reports_to == p.id or p.reports_to not in by_id]

    def rank(self, person: Person) -> int | None:
        """A person's seniority rank, or None when the role is unknown."""
        return self.ladder.rank(person.roles)

    def level(self, person: Person) -> str | None:
        """A person's level id (ceo, c-level, vp, ...), or None when unknown."""
        return self.ladder.level(person.roles)

    def level_label(self, person: Person) -> str:
        """A person's level as shown to users."""
        level = self.level(person)
        return LEVELS[level][1] if level else "Unknown level"

    def ids_named(self, name: str) -> list[str]:
        """The ids of the people with this name (case and spacing aside), in file order: for
        telling a user who gave a name where an id belongs which id it is."""
        return self.ids_by_name.get(fold_name(name), [])

    @cached_property
    def ids_by_name(self) -> dict[str, list[str]]:
        """The ids of each name (`fold_name`), in file order (made when first asked for: only
        a reference that names nobody's id asks)."""
        return _ids_by((fold_name(p.name), pid) for pid, p in self.by_id.items() if p.name)

    def ids_with_email(self, email: str) -> list[str]:
        """The ids of the people with this email (case aside), in file order."""
        return self.ids_by_email.get(email.strip().casefold(), []) if "@" in email else []

    @cached_property
    def ids_by_email(self) -> dict[str, list[str]]:
        """The ids of each email, case folded (made when first asked for)."""
        return _ids_by((p.email.casefold(), pid) for pid, p in self.by_id.items() if p.email)

    def ids_with_word(self, word: str) -> list[str]:
        """The ids of the people whose id or name has this word (case aside) as a whole word,
        in file order: `amara` finds 'amara-okafor' (Amara Okafor), `okafor` too; for telling
        a user who gave part of someone's id or name which id they meant."""
        return self.ids_by_word.get(word.casefold().strip(), [])

    @cached_property
    def ids_by_word(self) -> dict[str, list[str]]:
        """The ids of each word of ids and names (`ids_with_word`; made when first asked for)."""
        return _ids_by((word, pid) for pid, p in self.by_id.items()
                       for word in dict.fromkeys(_words(f"{pid} {p.name or ''}")))

    def team_ids_named(self, name: str) -> list[str]:
        """The ids of the teams with this name (case and spacing aside), in file order."""
        return self.team_ids_by_name.get(fold_name(name), [])

    @cached_property
    def team_ids_by_name(self) -> dict[str, list[str]]:
        """The ids of each team name (`fold_name`), in file order (made when first asked for)."""
        return _ids_by((fold_name(t.name), tid) for tid, t in self.teams_by_id.items()
                       if t.name)

    def has_role(self, role_id: str) -> bool:
        """Whether anybody in the org holds this role (alone or combined)."""
        return any(role_id in p.roles for p in self.by_id.values())

    @cached_property
    def graph(self) -> nx.DiGraph[str]:
        """Solid reporting lines as a DiGraph (manager -> report), nodes in file order."""
        import networkx as nx

        graph: nx.DiGraph[str] = nx.DiGraph()
        graph.add_nodes_from(self.by_id)
        graph.add_edges_from(
            ((p.reports_to, p.id) for p in self.by_id.values()
             if p.reports_to in self.by_id and p.reports_to != p.id),
            kind="solid",
        )
        return graph

    @cached_property
    def dotted_graph(self) -> nx.DiGraph[str]:
        """Dotted-line (matrix) reporting as its own DiGraph (manager -> report)."""
        import networkx as nx

        graph: nx.DiGraph[str] = nx.DiGraph()
        graph.add_nodes_from(self.by_id)
        graph.add_edges_from(
            ((m, p.id) for p in self.by_id.values() for m in p.dotted_to
             if m in self.by_id and m != p.id),
            kind="dotted",
        )
        return graph


#: The views an Org derives from its fields (its cached properties).
_VIEWS = tuple(name for name, value in vars(Org).items() if isinstance(value, cached_property))


def _text(name: str, value: Any) -> str:
    """An Org's text field (file, name) as given, if it is a string."""
    if isinstance(value, str):
        return value
    raise TypeError(f"Org.{name} must be a string, not {shown_argument(value)}")


def _optional_text(name: str, value: Any) -> str | None:
    """An Org's `date` as given, if it is a string or None."""
    if value is None or isinstance(value, str):
        return value
    raise TypeError(f"Org.{name} must be a string or None, not {shown_argument(value)}")


def _size(name: str, value: Any) -> str:
    """An Org's size as given, if it is one of SIZES."""
    if isinstance(value, str) and value in SIZES:
        return value
    shown = shown_argument(value)
    if isinstance(value, str):
        raise ValueError(f"Org.{name} must be one of {', '.join(SIZES)}, not {shown}")
    raise TypeError(f"Org.{name} must be one of {', '.join(SIZES)} (a string), not {shown}")


def _flag(name: str, value: Any) -> bool:
    """An Org's flag (part) as given, if it is True or False."""
    if isinstance(value, bool):
        return value
    raise TypeError(f"Org.{name} must be True or False, not {shown_argument(value)}")


def _items_of(kind: type, what: str) -> Callable[[str, Any], tuple[Any, ...]]:
    """The check of an Org field that holds `kind`s (`what`, to tell the user): any
    iterable of them but a string or a mapping, kept as a tuple."""

    def checked(name: str, value: Any) -> tuple[Any, ...]:
        if isinstance(value, (str, bytes, Mapping)) or not isinstance(value, Iterable):
            raise TypeError(f"Org.{name} must be a tuple or list of {what}, not "
                            f"{shown_argument(value)}")
        items = value if type(value) is tuple else tuple(value)
        if set(map(type, items)) <= {kind}:  # (C speed: 100,000 people in a few ms)
            return items
        for index, item in enumerate(items):
            if not isinstance(item, kind):
                raise TypeError(f"Org.{name}[{index}] must be a {kind.__name__}, not "
                                f"{shown_argument(item)}")
        return items

    return checked


def _instance(kind: type, optional: bool = False) -> Callable[[str, Any], Any]:
    """The check of an Org field that holds one `kind` (or None when `optional`)."""

    def checked(name: str, value: Any) -> Any:
        if isinstance(value, kind) or (optional and value is None):
            return value
        raise TypeError(f"Org.{name} must be a {kind.__name__}{' or None' if optional else ''}"
                        f", not {shown_argument(value)}")

    return checked


#: How each field of an Org is checked when set (in __init__ too): the value to keep, or a
#: TypeError (ValueError for a size of no profile) saying what the field takes.
_FIELD_CHECKS: dict[str, Callable[[str, Any], Any]] = {
    "file": _text, "name": _text, "size": _size, "date": _optional_text,
    "people": _items_of(Person, "Person"), "teams": _items_of(Team, "Team"),
    "ladder": _instance(RoleLadder), "rule_settings": _items_of(RuleSetting, "RuleSetting"),
    "load_problems": _items_of(Problem, "Problem"), "files": _items_of(str, "str"),
    "loc": _instance(SourceLoc), "size_loc": _instance(SourceLoc, optional=True),
    "part": _flag,
}

#: Values derived from an org that other modules keep (module, its WeakKeyDictionary by org).
_SHARED_CACHES = (("orgviz.rules._common", "_CACHE"), ("orgviz.render.chart", "_SHARED"))


_NONE = type(None)
_TEXT = (str, _NONE)

#: The types of a Person's fields ((field, types, what to tell the user), in Person's order)
#: and the values of role_source, checked where people are handed to an Org in Python.
_PERSON_TYPES: tuple[tuple[str, tuple[type, ...], str], ...] = (
    ("id", (str,), "a string"), ("loc", (SourceLoc,), "a SourceLoc"),
    ("name", _TEXT, "a string or None"), ("title", _TEXT, "a string or None"),
    ("roles", (tuple,), "a tuple of role ids (strings)"),
    ("role_source", (str,), "'explicit', 'title' or 'none'"),
    ("reports_to", _TEXT, "a string (an id) or None"),
    ("dotted_to", (tuple,), "a tuple of ids (strings)"), ("team", _TEXT, "a string or None"),
    ("vacant", (bool,), "True or False"), ("assistant", (bool,), "True or False"),
    ("location", _TEXT, "a string or None"), ("email", _TEXT, "a string or None"),
    ("fte", (float, int, _NONE), f"{FTE_HINT} (at most {MAX_FTE:,}) or None"),
    ("field_locs", (Mapping,), "a mapping of field names to SourceLocs"),
    ("item_locs", (Mapping,), "a mapping of field names to tuples of SourceLocs"),
)
_ROLE_SOURCES = frozenset(("explicit", "title", "none"))
_FTE = attrgetter("fte")


def checked_people(people: tuple[Person, ...], known: tuple[Person, ...] = ()
                   ) -> tuple[Person, ...]:
    """`people` if each field of each holds a value of its type (Person does not check
    them: the loader's people need no check), else a TypeError (a ValueError for an unknown
    role_source) naming the person and the field. The people of `known` (the org's people
    before: checked, or the loader's) are not checked again."""
    if known:
        old = set(map(id, known))
        if not old.issuperset(map(id, people)):
            _check_fields([p for p in people if id(p) not in old], people)
        return people
    _check_fields(people, people)
    return people


def _check_fields(people: Sequence[Person], every: tuple[Person, ...]) -> None:
    """`checked_people` of some of `every` (whose index a message gives)."""
    for name, kinds, what in _PERSON_TYPES:
        get = attrgetter(name)
        if not all(issubclass(kind, kinds) and (kind is not bool or bool in kinds)
                   for kind in set(map(type, map(get, people)))):  # (each type there is, once)
            for at, value in enumerate(map(get, people)):
                if not isinstance(value, kinds) or (isinstance(value, bool) and bool not in kinds):
                    _refuse_field(people[at], every, name, what, value)
        if kinds == (tuple,):
            if not set(map(type, chain.from_iterable(map(get, people)))) <= {str}:
                for at, value in enumerate(map(get, people)):
                    if not all(isinstance(item, str) for item in value):
                        _refuse_field(people[at], every, name, what, value)
        elif name == "role_source" and not set(map(get, people)) <= _ROLE_SOURCES:
            at, value = next((at, value) for at, value in enumerate(map(get, people))
                             if value not in _ROLE_SOURCES)
            _refuse_field(people[at], every, name, what, value, ValueError)
        elif name == "fte":
            _check_fte_range(people, every, what)


def _check_fte_range(people: Sequence[Person], every: tuple[Person, ...], what: str) -> None:
    """A ValueError for the first of `people` whose fte (a number) is not from 0 to MAX_FTE,
    as an org file's `fte:` must be: nan, inf, -3 and 1e308 would break stats and charts."""
    ftes = [fte for fte in map(_FTE, people) if fte is not None]
    if all(0 <= fte <= MAX_FTE for fte in ftes):  # (nan compares False: refused too)
        return
    person = next(p for p in people if p.fte is not None and not 0 <= p.fte <= MAX_FTE)
    _refuse_field(person, every, "fte", what, person.fte, ValueError)


def _refuse_field(person: Person, every: tuple[Person, ...], name: str, what: str,
                  value: object, error: type[Exception] = TypeError) -> None:
    """Raise `error` for a person's field of the wrong type (or value), at their index."""
    at = next(at for at, other in enumerate(every) if other is person)
    raise error(f"Org.people[{at}] (id {person.id!r}): Person.{name} must be {what}, not "
                f"{shown_argument(value)}")


def roles_from_titles(people: tuple[Person, ...], ladder: RoleLadder) -> tuple[Person, ...]:
    """The people with the roles loading them from a file gives: a role from the title (by
    `ladder`, `manager` for a title that names an individual contributor when they have
    reports: see `with_managing_roles`) unless their roles are explicit; roles given with
    role_source "none" count as explicit. `people` itself when no role changes."""
    out: list[Person] | None = None
    reports: Counter[str | None] | None = None
    infer, with_reports = ladder.infer, ladder.with_reports
    for at, person in enumerate(people):
        source, title = person.role_source, person.title
        if source == "explicit":
            continue
        if source == "none" and person.roles:
            roles, source = person.roles, "explicit"
        else:
            role = infer(title) if title else None
            if role is not None and with_reports(title):  # type: ignore[arg-type]  # (a title)
                if reports is None:
                    reports = Counter(p.reports_to for p in people if p.reports_to != p.id)
                if reports[person.id]:
                    role = with_reports(title)  # type: ignore[arg-type]  # (as above)
            roles, source = ((role,), "title") if role else ((), "none")
        if roles != person.roles or source != person.role_source:
            if out is None:
                out = list(people)
            out[at] = replace(person, roles=roles, role_source=source)
    return people if out is None else tuple(out)


def require_org(value: object, function: str) -> Org:
    """`value` if it is an Org, else a TypeError telling the caller of `orgviz.<function>`
    to load the org file first."""
    if isinstance(value, Org):
        return value
    raise TypeError(f"orgviz.{function}() takes an Org, not {shown_argument(value)}: load the "
                    "org file with orgviz.load(path) first")


def repeats(items: Sequence[Person] | Sequence[Team], first: Mapping[str, Person | Team]
            ) -> list[tuple[Person | Team, Person | Team]]:
    """(repeat, first holder) of each of `items` whose id an earlier one holds (`first`: the
    org's by_id or teams_by_id, which keep each id's first holder), in file order."""
    if len(items) == len(first):  # every id is used once
        return []
    # (by id, not by object: one Person given twice repeats its id as two of them would)
    seen: set[str] = set()
    found: list[tuple[Person | Team, Person | Team]] = []
    for item in items:
        if item.id in seen:
            found.append((item, first[item.id]))
        else:
            seen.add(item.id)
    return found


def shown_argument(value: object) -> str:
    """A wrong argument as an error message shows it: its repr (cut to 60 characters) and
    its type, as in `'x.yaml' (str)`."""
    shown = repr(value) if len(repr(value)) <= 60 else f"{repr(value)[:57]}..."
    return f"{shown} ({type(value).__name__})"


def check_path(function: str, name: str, value: object, what: str = "a path", *,
               optional: bool = False, error: type[TypeError] = TypeError) -> None:
    """A TypeError (or `error`) for an argument `name` of `orgviz.<function>` that is no
    path (a str or an os.PathLike), nor None when `optional`, saying what it takes."""
    if isinstance(value, (str, os.PathLike)) or (optional and value is None):
        return
    none = " or None" if optional else ""
    raise error(f"orgviz.{function}()'s {name} must be {what} (a str or os.PathLike){none}, "
                f"not {shown_argument(value)}")


def _ids_by(pairs: Iterable[tuple[str, str]]) -> dict[str, list[str]]:
    """The ids of each key, in the order given, from (key, id) pairs."""
    found: dict[str, list[str]] = {}
    for key, pid in pairs:
        found.setdefault(key, []).append(pid)
    return found


def _words(text: str) -> list[str]:
    """The words of an id or a name, case folded (`amara-okafor` -> amara, okafor)."""
    return _WORD_BREAK(" ", text.casefold()).split()


_WORD_BREAK = re.compile(r"[\W_]+").sub


def fold_name(name: str) -> str:
    """A name as compared with another: case folded, spaces collapsed ("ann  LEE" = "Ann Lee")."""
    return " ".join(name.casefold().split())
