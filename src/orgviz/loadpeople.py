"""The loader's reading of a people entry into a Person: all at once where the entry has no
problem (the common case), else field by field, reporting each problem."""

from __future__ import annotations

from typing import Any

from orgviz.fte import parse_fte
from orgviz.keys import PERSON_KEY_SET, PERSON_KEYS
from orgviz.loadfields import BOOLS, MAX_TEXT, NO_NAME, NO_NAME_VACANT, Collector, entry_fields
from orgviz.model import Person
from orgviz.problem import SourceLoc
from orgviz.roles import RoleLadder
from orgviz.yamlread import YList, YMap

# Person's slot setters, for `_new_person` (a frozen dataclass's __init__ goes through
# object.__setattr__ once per field by name: three times slower for 20,000 people).
(_set_id, _set_loc, _set_name, _set_title, _set_roles, _set_role_source, _set_reports_to,
 _set_dotted_to, _set_team, _set_vacant, _set_assistant, _set_location, _set_email, _set_fte,
 _set_field_locs, _set_item_locs) = (Person.__dict__[name].__set__ for name in (
    "id", "loc", "name", "title", "roles", "role_source", "reports_to", "dotted_to", "team",
    "vacant", "assistant", "location", "email", "fte", "field_locs", "item_locs"))
_new = object.__new__


def _new_person(id_: str, loc: SourceLoc, name: str | None, title: str | None,
                roles: tuple[str, ...], role_source: str, reports_to: str | None,
                dotted_to: tuple[str, ...], team: str | None, vacant: bool, assistant: bool,
                location: str | None, email: str | None, fte: float | None,
                field_locs: dict[str, SourceLoc],
                item_locs: dict[str, tuple[SourceLoc, ...]]) -> Person:
    """The same Person as `Person(...)` with every field given, at a third of the cost."""
    person = _new(Person)
    _set_id(person, id_)
    _set_loc(person, loc)
    _set_name(person, name)
    _set_title(person, title)
    _set_roles(person, roles)
    _set_role_source(person, role_source)
    _set_reports_to(person, reports_to)
    _set_dotted_to(person, dotted_to)
    _set_team(person, team)
    _set_vacant(person, vacant)
    _set_assistant(person, assistant)
    _set_location(person, location)
    _set_email(person, email)
    _set_fte(person, fte)
    _set_field_locs(person, field_locs)
    _set_item_locs(person, item_locs)
    return person


def _fast_flag(value: Any) -> bool | None:
    """A flag's value as `Fields.flag` reads it, or None where that reports a problem."""
    if value is None:
        return False
    if type(value) is str:
        return BOOLS.get(value.lower())
    return None


def _fast_ids(value: Any, key: str,
              item_locs: dict[str, tuple[SourceLoc, ...]]) -> tuple[str, ...] | None:
    """Ids as `Fields.idents` reads them (locations of a list's items into `item_locs`), or
    None where that reports a problem."""
    if value is None:
        return ()
    if type(value) is str:
        return (value,) if value and not value.isspace() and value.isprintable() and \
            len(value) <= MAX_TEXT else None
    if type(value) is YList and all(type(x) is str and x.strip() and x.isprintable()
                                    and len(x) <= MAX_TEXT for x in value):
        item_locs[key] = tuple(value.item_locs)
        return tuple(value)
    return None


def fast_person(item: YMap, ladder: RoleLadder) -> Person | None:
    """The person of an entry that has no problem at all (the common case), else None
    (`checked_person` then reads it field by field, reporting each problem)."""
    if not PERSON_KEY_SET.issuperset(item):
        return None
    get = item.get
    pid, reports_to, team = get("id"), get("reports_to"), get("team")
    name, title, location, email = get("name"), get("title"), get("location"), get("email")
    for value in (pid, reports_to, team, name, title, location, email):
        if value is not None and (type(value) is not str or len(value) > MAX_TEXT
                                  or not value or value.isspace()):
            return None
    for value in (pid, reports_to, team):  # (a line break in an id is an error)
        if value is not None and not value.isprintable():
            return None
    vacant = _fast_flag(get("vacant"))
    assistant = _fast_flag(get("assistant"))
    if vacant is None or assistant is None or pid is None or (name is None and not vacant):
        return None
    fte = get("fte")
    if fte is not None:
        fte = parse_fte(fte) if type(fte) is str else None
        if fte is None:
            return None
    item_locs: dict[str, tuple[SourceLoc, ...]] = {}
    roles = _fast_ids(get("role"), "role", item_locs)
    dotted_to = _fast_ids(get("dotted_to"), "dotted_to", item_locs)
    if roles is None or dotted_to is None:
        return None
    source = "explicit" if roles else "none"
    if not roles and title:
        inferred = ladder.infer(title)
        if inferred:
            roles, source = (inferred,), "title"
    return _new_person(pid, item.loc, name, title, roles, source, reports_to, dotted_to,
                       team, vacant, assistant, location, email, fte, item.value_locs,
                       item_locs)


def checked_person(item: YMap, ladder: RoleLadder, out: Collector) -> Person | None:
    """The person of an entry read field by field, each problem reported to `out`; None
    when it has no usable id."""
    f = entry_fields("person", item, PERSON_KEYS, out)
    pid = f.ident("id", required=True)
    if pid is None:
        return None
    vacant = f.flag("vacant")
    # (`vaccant: true`, `open: true`, `vacant: yes`: that key's error says what to
    # write; no name is then no second mistake)
    refused = "vacant" in item and _fast_flag(item["vacant"]) is None  # (`vacant: yes`)
    name = f.text("name", required=not (vacant or refused or f.misspelt("vacant")),
                  blank=NO_NAME_VACANT if vacant else NO_NAME)
    title = f.text("title")
    roles = f.idents("role")
    source = "explicit" if roles else "none"
    if not roles and title:
        inferred = ladder.infer(title)
        if inferred:
            roles, source = (inferred,), "title"
    return Person(
        id=pid, loc=item.loc, name=name, title=title, roles=roles, role_source=source,
        reports_to=f.ident("reports_to"), dotted_to=f.idents("dotted_to"),
        team=f.ident("team"), vacant=vacant, assistant=f.flag("assistant"),
        location=f.text("location"), email=f.text("email"), fte=f.fte("fte"),
        field_locs=item.value_locs, item_locs=f.item_locs,
    )
