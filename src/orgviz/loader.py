"""Load org files (YAML, format version 1) into the org model, keeping every location."""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any

from orgviz.config import LEVEL_CHOICES
from orgviz.errors import OrgFileError, OrgLoadError
from orgviz.fte import FTE_HINT, MAX_FTE, parse_fte
from orgviz.keys import (
    INCLUDED_KEYS,
    ORG_KEY_SET,
    ORG_KEYS,
    PERSON_KEY_SET,
    PERSON_KEYS,
    ROLE_KEYS,
    TEAM_KEYS,
    TOP_KEYS,
    VERSION_KEYS,
    meant_key,
    unknown_key,
)
from orgviz.model import SIZES, Org, Person, RuleSetting, Team
from orgviz.orgfiles import read_input, shown_path
from orgviz.problem import Problem, SourceLoc, did_you_mean, one_line
from orgviz.roles import LEVELS, Role, RoleLadder, with_managing_roles
from orgviz.yamlread import (
    CONTROL_CHARS,
    MAX_FILE_BYTES,
    Comment,
    YamlError,
    YList,
    YMap,
    decode,
    read_yaml,
)

FORMAT_VERSIONS = ("1",)
#: YAML's line breaks, which an id may not hold.
LINE_BREAKS = re.compile("[\n\r\x85\u2028\u2029]")
MAX_TEXT = 500
LONE_SURROGATES = "[\ud800-\udfff]"  # (text from bytes that are not UTF-8)
MAX_INCLUDE_DEPTH = 64  # files in one include chain, the top file included
LEVEL_WORDS = {"off": "off", "disable": "off", "disabled": "off", "false": "off",
               "on": None, "enable": None, "enabled": None, "true": None,
               "error": "error", "warning": "warning", "info": "info"}
HEX_COLOR = re.compile(r"^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$")
BOOLS = {"true": True, "false": False}
#: What YAML 1.1 (and people) also write for true and false, which orgviz reads as text.
_OTHER_BOOLS = {"yes": "true", "y": "true", "on": "true", "1": "true", "no": "false",
                "n": "false", "off": "false", "0": "false"}


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


class _Collector:
    """Collects schema problems of one load, in order."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []
        # (file, line) of the values a comment took (`name: #1`): their error says it all
        self.nulled_by_comment: set[tuple[str, int]] = set()

    def error(self, loc: SourceLoc, message: str, rule: str = "schema") -> None:
        self.problems.append(Problem.at(loc, "error", rule, message))


def _check_keys(mapping: YMap, allowed: tuple[str, ...], what: str, out: _Collector) -> None:
    """Report each key of `mapping` that is not `allowed`."""
    previous: tuple[str, Any, int] | None = None  # (the key before, its value and line)
    after_entries = False  # (whether a key before held a list of entries: `people:`)
    for key, value in mapping.items():
        line = mapping.key_locs[key].line
        if key not in allowed:
            cut = None  # (`{title: VP, Sales}`: 'Sales' without a value, on the line of 'VP')
            if value is None and previous and isinstance(previous[1], str) and (
                    previous[2] == line):
                cut = previous[:2]
            out.error(mapping.key_locs[key],
                      unknown_key(key, allowed, what, cut, after_entries))
        previous = (str(key), value, line)
        after_entries = after_entries or (isinstance(value, YList) and bool(value))


def _describe(value: Any) -> str:
    if isinstance(value, YMap):
        return "a mapping"
    if isinstance(value, YList):
        return "a list"
    if value is None:
        return "null"
    text = str(value)  # (one line, and not a whole paragraph: a message quotes it)
    return f"'{one_line(text if len(text) <= 80 else text[:77] + '...')}'"


#: An id as a message names the entry it is about (a 10,000-character id made a 10 KB line).
SHOWN_ID_CHARS = 60


#: What a message about a blank optional value advises.
LEAVE_OUT = "write a value or leave the key out"
#: ... and about a blank name, of a filled position and of an open one.
NO_NAME = "write the person's name (an open position has 'vacant: true' and no name)"
NO_NAME_VACANT = "leave the key out (an open position needs no name)"


def _blank(value: str) -> str:
    """What is wrong with a text that is empty or only whitespace (`str.isspace`, the
    characters that the `pattern` of schema.json's texts names too)."""
    return "is empty" if not value else "is only whitespace"


def text_fault(value: str) -> str | None:
    """What keeps `value` from being a text of an org file, as `_Fields.text` says it ('is
    empty', 'is 600 characters long; ...', 'holds the control character U+0001'), or None."""
    if not value or value.isspace():
        return _blank(value)
    if len(value) > MAX_TEXT:
        return f"is {len(value)} characters long; at most {MAX_TEXT} are allowed"
    bad = None if value.isprintable() else re.search(CONTROL_CHARS, value)
    if bad is None and not value.isprintable() and re.search(LONE_SURROGATES, value):
        # (a file name that is not UTF-8, as Python reads it: `orgviz import` names the org
        # after its file; written to the org file, the escape would not load)
        return "holds bytes that are not UTF-8"
    return None if bad is None else f"holds the control character U+{ord(bad.group()):04X}"


def _what(kind: str, item: YMap) -> str:
    """'person 'dana'' when the entry has a usable id, else 'a person'."""
    ident = item.get("id")
    if isinstance(ident, str) and ident.strip() and not LINE_BREAKS.search(ident):
        shown = ident if len(ident) <= SHOWN_ID_CHARS else ident[:SHOWN_ID_CHARS - 1] + "…"
        return f"{kind} '{shown}'"
    return f"a {kind}"


#: What to say after "person 'bob' has no 'id'" (a missing name: what `blank` says).
_MISSING_ADVICE = {"id": "write one, a text that no other entry of its kind has",
                   "level": f"write one of {', '.join(LEVELS)}"}

#: What to say after "'reports_to' of person 'bob' must be text, not a list".
_TEXT_ADVICE = {("reports_to", YList): ": it holds one manager's id; put the others in "
                                       "dotted_to"}


#: Other words for the org sizes (`size: medium`), case folded.
_SIZE_WORDS = {"small": "small", "startup": "small", "start-up": "small", "tiny": "small",
               "medium": "mid-size", "mid": "mid-size", "midsize": "mid-size",
               "mid-sized": "mid-size", "mid-market": "mid-size", "mid-size": "mid-size",
               "scale-up": "mid-size", "scaleup": "mid-size", "large": "enterprise",
               "big": "enterprise", "corporate": "enterprise", "enterprise": "enterprise"}


class _Fields:
    """Typed access to one mapping's fields, reporting type errors at the value."""

    def __init__(self, mapping: YMap, what: str, out: _Collector,
                 allowed: tuple[str, ...]) -> None:
        self.mapping, self.what, self.out, self.allowed = mapping, what, out, allowed
        self.item_locs: dict[str, tuple[SourceLoc, ...]] = {}

    def loc(self, key: str) -> SourceLoc:
        return self.mapping.value_locs.get(key, self.mapping.loc)

    def text(self, key: str, required: bool = False, blank: str | None = LEAVE_OUT
             ) -> str | None:
        """A text value; None when absent or refused. An empty or whitespace-only text is
        refused (an error at the value, advising `blank`): the format has no empty texts,
        so that a value is either there or absent, as it is in a CSV export."""
        value = self.mapping.get(key)
        if value is None:
            if required and key in self.mapping:  # (`id:`, `id: ~`, `name: null`)
                loc = self.loc(key)
                if (loc.file, loc.line) not in self.out.nulled_by_comment:
                    advice = blank or _MISSING_ADVICE[key]
                    self.out.error(loc, f"'{key}' of {self.what} is null: {advice}")
            elif required and not self.misspelt(key):
                advice = blank or _MISSING_ADVICE[key]
                self.out.error(self.mapping.loc, f"{self.what} has no '{key}': {advice}")
            return None
        if not isinstance(value, str):
            self.out.error(self.loc(key), f"'{key}' of {self.what} must be text, "
                           f"not {_describe(value)}{_TEXT_ADVICE.get((key, type(value)), '')}")
            return None
        if not value or value.isspace():
            self.out.error(self.loc(key), f"'{key}' of {self.what} {_blank(value)}"
                           f"{': ' + blank if blank else ''}")
            return None
        if len(value) > MAX_TEXT:
            self.out.error(self.loc(key), f"'{key}' of {self.what} is {len(value)} characters "
                           f"long; at most {MAX_TEXT} are allowed")
            return None
        if not value.isprintable():  # (rare: then the characters a file may not hold raw)
            bad = re.search(CONTROL_CHARS, value)
            if bad:
                self.out.error(self.loc(key), f"'{key}' of {self.what} holds the control "
                               f"character U+{ord(bad.group()):04X} (written as an escape): "
                               "remove it")
                return None
        return value

    def misspelt(self, key: str) -> bool:
        """Whether an unknown key of the mapping is reported as meaning `key` (`Name`,
        `ID`): that report then covers the key's absence too."""
        return any(other not in self.allowed and meant_key(other, self.allowed) == key
                   for other in self.mapping)

    def ident(self, key: str, required: bool = False) -> str | None:
        """An id; None when absent or refused (as a text, or for a line break in it)."""
        value = self.text(key, required, None if required else LEAVE_OUT)
        return value if value is None or self.one_line(key, value, self.loc(key)) else None

    def one_line(self, key: str, value: str, loc: SourceLoc) -> bool:
        """Whether an id is on one line; else report its line break (`id: "a\\nb"`, or a
        block scalar's `|`, which keeps the break at its end)."""
        if value.isprintable() or not LINE_BREAKS.search(value):
            return True
        self.out.error(loc, f"'{key}' of {self.what} holds a line break: write it on one line")
        return False

    def idents(self, key: str, item: str = "id") -> tuple[str, ...]:
        """An id (`item`: what each value is) or a list of them; () when absent or refused."""
        value = self.mapping.get(key)
        if value is None:
            return ()
        if isinstance(value, str):
            if not value or value.isspace():
                self.out.error(self.loc(key), f"'{key}' of {self.what} {_blank(value)}: "
                               f"{LEAVE_OUT}")
                return ()
            return (value,) if self.one_line(key, value, self.loc(key)) else ()
        if isinstance(value, YList):
            result, locs = [], []
            for entry, loc in zip(value, value.item_locs, strict=True):
                if isinstance(entry, str) and entry.strip():
                    if self.one_line(key, entry, loc):
                        result.append(entry)
                        locs.append(loc)
                else:
                    self.out.error(loc, f"'{key}' of {self.what} must list {item}s, "
                                   f"not {_describe(entry)}")
            self.item_locs[key] = tuple(locs)
            return tuple(result)
        article = "an" if item[0] in "aeiou" else "a"
        self.out.error(self.loc(key), f"'{key}' of {self.what} must be {article} {item} or a "
                       f"list of {item}s, not {_describe(value)}")
        return ()

    def fte(self, key: str) -> float | None:
        """A number of full-time equivalents (see `orgviz.fte`); None when absent or refused."""
        value = self.mapping.get(key)
        if value is None:
            return None
        fte = parse_fte(value) if isinstance(value, str) else None
        if fte is None:
            self.out.error(self.loc(key), f"'{key}' of {self.what} must be {FTE_HINT} "
                           f"(at most {MAX_FTE:,}), not {_describe(value)}")
        return fte

    def flag(self, key: str) -> bool:
        value = self.mapping.get(key)
        if value is None:
            return False
        if isinstance(value, str) and value.lower() in BOOLS:
            return BOOLS[value.lower()]
        meant = _OTHER_BOOLS.get(value.casefold()) if isinstance(value, str) else None
        self.out.error(self.loc(key), f"'{key}' of {self.what} must be true or false, "
                       f"not {_describe(value)}" + (f": write {meant}" if meant else ""))
        return False


def _printable(item: YMap) -> bool:
    """Whether every text value of an entry is printable (else `_Fields.text` checks it)."""
    return all(v.isprintable() for v in item.values() if isinstance(v, str))


def _read_file(path: Path, shown: str, out: _Collector) -> tuple[Any, bool]:
    """An org file's document, and whether its text holds a backslash (an escape in a
    double-quoted scalar can make a control character that the file may not hold raw);
    comments that cut a value short go to `out` (`_cut_by_comment`)."""
    data = read_input(path, shown, MAX_FILE_BYTES, "an org file", "reads org files")
    comments: list[Comment] = []
    try:
        doc = read_yaml(decode(data, shown), shown, comments)
        for comment in comments:
            _cut_by_comment(comment, out)
        return doc, b"\\" in data
    except YamlError as exc:
        raise OrgLoadError([Problem.at(e.loc, "error", e.rule, e.message)
                            for e in exc.all()]) from None


#: A comment that a value was meant to hold: a color, or a number (`#4C78A8`, `#2`).
_MEANT_VALUE = re.compile(r"#(?:[0-9]|[0-9a-fA-F]{3}\b|[0-9a-fA-F]{6}\b)")
#: The keys of free texts, where a ` #2` after the text is most likely part of it.
_FREE_TEXTS = frozenset(("name", "title", "location", "description"))


def _cut_by_comment(comment: Comment, out: _Collector) -> None:
    """Report a comment that took a value (`color: #4C78A8` reads as null: an error) or the
    end of a text (`title: Engineer #2` reads as 'Engineer': a warning); other comments with
    no space after the '#' (`reports_to: ceo #TODO`) are left alone."""
    key, text, value = comment.key, comment.comment, comment.value
    shown = one_line(text if len(text) <= 40 else text[:39] + "…")
    if value is None and (key == "color" or _MEANT_VALUE.match(text)):
        quoted = text.replace("'", "''")
        out.nulled_by_comment.add((comment.loc.file, comment.loc.line))
        out.error(comment.loc, f"'{shown}' starts a YAML comment, so '{key}' reads as null: "
                  f"put the value in quotes ({key}: '{quoted}')", rule="yaml-syntax")
    elif value is not None and key in _FREE_TEXTS and text[1:2].isdigit():
        quoted = f"{value} {text}".replace("'", "''")
        out.problems.append(Problem.at(
            comment.loc, "warning", "yaml-syntax", f"'{shown}' starts a YAML comment, so "
            f"'{key}' reads as '{one_line(value)}': put the value in quotes if '{shown}' is "
            f"part of it ({key}: '{quoted}')"))


def _include_hint(folder: Path, item: str) -> str:
    """"; did you mean 'acme/eng.yaml'?" for an include path that names no file but would
    with '/' for '\\' or in another case (which a case-insensitive disk finds, as macOS and
    Windows do, and Linux CI does not); or ""."""
    meant = spelt_on_disk(folder, item)
    if meant is None or meant == item or _missing(folder / meant):
        return ""
    why = " (paths use '/')" if "\\" in item else " (names differ in case: macOS and Windows " \
        "find it, Linux does not)"
    return f"; did you mean '{meant}'?{why}"


def spelt_on_disk(folder: Path, item: str) -> str | None:
    """The relative path `item` (from `folder`) with '/' between its parts and each part as
    the folder lists it: the name itself, else the one name that differs only in case; None
    when a part has neither (or a folder cannot be listed)."""
    parts = re.split(r"[\\/]+", item)
    here = folder
    for index, part in enumerate(parts):
        if part in ("", ".", ".."):
            here = here / part
            continue
        try:
            names = [entry.name for entry in here.iterdir()]
        except OSError:
            return None
        same = [n for n in names if n == part] or [n for n in names
                                                    if n.casefold() == part.casefold()]
        if len(same) != 1:
            return None
        parts[index] = same[0]
        here = here / same[0]
    return "/".join(parts)


def _missing(path: Path) -> bool:
    """Whether nothing is at `path` (a symlink loop is something: reading it says what)."""
    try:
        os.stat(path)
    except (FileNotFoundError, NotADirectoryError):
        return True
    except OSError:
        return False
    return False


def _fast_flag(value: Any) -> bool | None:
    """A flag's value as `_Fields.flag` reads it, or None where that reports a problem."""
    if value is None:
        return False
    if type(value) is str:
        return BOOLS.get(value.lower())
    return None


def _fast_ids(value: Any, key: str,
              item_locs: dict[str, tuple[SourceLoc, ...]]) -> tuple[str, ...] | None:
    """Ids as `_Fields.idents` reads them (locations of a list's items into `item_locs`), or
    None where that reports a problem."""
    if value is None:
        return ()
    if type(value) is str:
        return (value,) if value and not value.isspace() and value.isprintable() else None
    if type(value) is YList and all(type(x) is str and x.strip() and x.isprintable()
                                    for x in value):
        item_locs[key] = tuple(value.item_locs)
        return tuple(value)
    return None


class _OrgBuilder:
    """Turns the YAML tree of a top file and its includes into an Org."""

    def __init__(self) -> None:
        self.out = _Collector()
        self.people: list[Person] = []
        self.teams: list[Team] = []
        self.roles: list[Role] = []
        self.role_locs: dict[str, SourceLoc] = {}  # where each custom role's id stands
        self.files: list[str] = []
        self.docs: list[YMap] = []  # the files read, top first, each before its includes
        self.escaped: set[int] = set()  # the docs whose text holds a backslash (by id)
        self.loaded: set[Path] = set()  # the real paths of the files read (each read once)

    def load_file(self, path: Path, shown: str, chain: tuple[Path, ...], top: bool) -> YMap:
        """Read an org file and (after it) the files it includes, with their roles; `build`
        then makes the teams and people of them all, once every file's roles are known."""
        self.loaded.add(chain[-1])
        doc, escapes = _read_file(path, shown, self.out)
        if escapes:
            self.escaped.add(id(doc))
        if not isinstance(doc, YMap):
            loc = getattr(doc, "loc", SourceLoc(shown, 1, 1))
            raise OrgLoadError([Problem.at(loc, "error", "schema",
                                           "an org file is a mapping with 'orgviz: 1' and "
                                           f"'people:', not {_describe(doc)}")])
        self.files.append(shown)
        self._check_version(doc, shown)
        _check_keys(doc, TOP_KEYS if top else INCLUDED_KEYS,
                    "an org file" if top else "an included file", self.out)
        self._roles(doc)
        self.docs.append(doc)
        self._includes(doc, path, shown, chain)
        return doc

    def build(self) -> None:
        """The teams and people of every file read, in file order; a title names a role of
        the built-in ladder or of any file (an included file's roles apply to all files)."""
        self.ladder_for_inference = RoleLadder.build(self.roles)
        for doc in self.docs:
            self._teams(doc)
            self._people(doc)

    def _check_version(self, doc: YMap, shown: str) -> None:
        version = doc.get("orgviz")
        if "orgviz" not in doc:
            near = next((k for k in doc if isinstance(k, str) and k.lower() in VERSION_KEYS),
                        None)
            if near is not None:  # (`version: 1`, as other formats spell it)
                raise OrgLoadError([Problem.at(doc.key_locs[near], "error", "version",
                                               f"the format version key is 'orgviz', not "
                                               f"'{near}': write 'orgviz: 1'")])
            advice = (": add 'orgviz: 1' as the file's first line" if "people" in doc
                      or "org" in doc else "")  # (an org file without it, not other YAML)
            raise OrgLoadError([Problem(shown, doc.loc.line, doc.loc.col, "error", "version",
                                        "not an org file: the 'orgviz: 1' version key is "
                                        f"missing{advice}")])
        if version not in FORMAT_VERSIONS:
            raise OrgLoadError([Problem.at(doc.value_locs["orgviz"], "error", "version",
                                           f"unknown format version {_describe(version)}: this "
                                           f"orgviz reads version {', '.join(FORMAT_VERSIONS)}")])

    def _list(self, doc: YMap, key: str) -> list[tuple[YMap, SourceLoc]]:
        value = doc.get(key)
        if value is None:
            return []
        if not isinstance(value, YList):
            self.out.error(doc.value_locs[key], f"'{key}' must be a list, not {_describe(value)}")
            return []
        items = []
        seen: set[int] = set()
        for item, loc in zip(value, value.item_locs, strict=True):
            if isinstance(item, YMap):
                if id(item) in seen:  # (`- *p`: the entry written at the anchor, once more)
                    self.out.error(loc, f"an entry of '{key}' is an alias of the entry at line "
                                   f"{item.loc.line}: the same entry twice (write each out)")
                    continue
                seen.add(id(item))
                items.append((item, loc))
            else:
                self.out.error(loc, f"each entry of '{key}' must be a mapping, "
                               f"not {_describe(item)}")
        return items

    def _people(self, doc: YMap) -> None:
        fast = self._fast_person
        escapes = id(doc) in self.escaped
        for item, _loc in self._list(doc, "people"):
            person = fast(item) if not escapes or _printable(item) else None
            if person is not None:
                self.people.append(person)
                continue
            what = _what("person", item)
            _check_keys(item, PERSON_KEYS, what, self.out)
            f = _Fields(item, what, self.out, PERSON_KEYS)
            pid = f.ident("id", required=True)
            if pid is None:
                continue
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
                inferred = self.ladder_for_inference.infer(title)
                if inferred:
                    roles, source = (inferred,), "title"
            self.people.append(Person(
                id=pid, loc=item.loc, name=name, title=title, roles=roles, role_source=source,
                reports_to=f.ident("reports_to"), dotted_to=f.idents("dotted_to"),
                team=f.ident("team"), vacant=vacant, assistant=f.flag("assistant"),
                location=f.text("location"), email=f.text("email"), fte=f.fte("fte"),
                field_locs=item.value_locs, item_locs=f.item_locs,
            ))

    def _fast_person(self, item: YMap) -> Person | None:
        """The person of an entry that has no problem at all (the common case), else None
        (`_people` then reads it field by field, reporting each problem)."""
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
            inferred = self.ladder_for_inference.infer(title)
            if inferred:
                roles, source = (inferred,), "title"
        return _new_person(pid, item.loc, name, title, roles, source, reports_to, dotted_to,
                           team, vacant, assistant, location, email, fte, item.value_locs,
                           item_locs)

    def _teams(self, doc: YMap) -> None:
        for item, _loc in self._list(doc, "teams"):
            what = _what("team", item)
            _check_keys(item, TEAM_KEYS, what, self.out)
            f = _Fields(item, what, self.out, TEAM_KEYS)
            tid = f.ident("id", required=True)
            if tid is None:
                continue
            color = f.text("color")
            if color is not None and not HEX_COLOR.match(color):
                self.out.error(f.loc("color"), f"color of {what} must be a hex color such as "
                               f"'#4C78A8', not '{color}'")
                color = None
            self.teams.append(Team(id=tid, loc=item.loc, name=f.text("name"), color=color,
                                   parent=f.ident("parent"), lead=f.ident("lead"),
                                   field_locs=item.value_locs))

    def _roles(self, doc: YMap) -> None:
        for item, _loc in self._list(doc, "roles"):
            what = _what("role", item)
            _check_keys(item, ROLE_KEYS, what, self.out)
            f = _Fields(item, what, self.out, ROLE_KEYS)
            rid = f.ident("id", required=True)
            level = f.ident("level", required=True)
            if level is not None and level not in LEVELS:
                self.out.error(f.loc("level"), f"unknown level '{level}' of {what}"
                               f"{did_you_mean(level, list(LEVELS))} (levels: {', '.join(LEVELS)})")
                level = None
            titles = f.idents("titles", "phrase")
            first = self.role_locs.get(rid) if rid is not None else None
            if first is not None:  # (the first one stays, as the first of people's ids does)
                where = f"line {first.line}" + (
                    "" if first.file == f.loc("id").file else f" of {first.file}")
                self.out.error(f.loc("id"), f"duplicate role id '{rid}' (first defined at "
                               f"{where}): give each role its own id, or merge the two")
            elif rid is not None and level is not None:
                self.role_locs[rid] = f.loc("id")
                self.roles.append(Role(rid, f.text("name") or rid, level, titles, "custom"))

    def _includes(self, doc: YMap, path: Path, shown: str, chain: tuple[Path, ...]) -> None:
        value = doc.get("include")
        if value is None:
            return
        items = [value] if isinstance(value, str) else value
        locs = [doc.value_locs["include"]] if isinstance(value, str) else getattr(
            value, "item_locs", [])
        if not isinstance(items, (list, YList)):
            self.out.error(doc.value_locs["include"], "'include' must be a path or a list of "
                           f"paths, not {_describe(value)}")
            return
        for item, loc in zip(items, locs, strict=True):
            if isinstance(item, str) and item.strip():
                self._include(item, loc, path, shown, chain)
            else:
                self.out.error(loc, f"'include' must list file paths, not {_describe(item)}")

    def _include(self, item: str, loc: SourceLoc, path: Path, shown: str,
                 chain: tuple[Path, ...]) -> None:
        """Load one included file (and its includes), or report at `loc` why it cannot be.

        A path may lead out of the top file's folder (`../shared/teams.yaml`); what it names
        must be a regular file, which `_read_file` checks before opening it.
        """
        bad = re.search(CONTROL_CHARS, item)
        if bad:
            self.out.error(loc, f"include path holds the control character "
                           f"U+{ord(bad.group()):04X}: remove it", rule="include")
            return
        if os.path.isabs(item):
            self.out.error(loc, f"include '{item}' must be a path relative to {shown}")
            return
        target = Path(os.path.realpath(path.parent / item))  # (no error on a symlink loop)
        child_shown = os.path.normpath(os.path.join(os.path.dirname(shown), item))
        if target in chain:
            cycle = " -> ".join([*(str(p.name) for p in chain[chain.index(target):]),
                                 target.name])
            self.out.error(loc, f"include cycle: {cycle}", rule="include")
            return
        if target in self.loaded:  # (two parts that both include a shared one: read once)
            return
        if _missing(target):
            self.out.error(loc, f"included file '{item}' does not exist"
                           f"{_include_hint(path.parent, item)}", rule="include")
            return
        spelt = spelt_on_disk(path.parent, item)
        if spelt is not None and spelt != re.sub("/+", "/", item):  # (found only as a disk
            # that ignores case finds it: macOS, Windows)
            self.out.error(loc, f"include '{item}' is spelt '{spelt}' on disk: write that "
                           "(Linux, where CI runs, tells cases apart and needs '/')",
                           rule="include")
        if len(chain) >= MAX_INCLUDE_DEPTH:
            self.out.error(loc, f"include chain deeper than {MAX_INCLUDE_DEPTH} files",
                           rule="include")
            return
        try:
            self.load_file(target, child_shown, (*chain, target), top=False)
        except OrgLoadError as exc:
            self.out.problems.extend(exc.problems)
        except OrgFileError as exc:
            self.out.error(loc, str(exc), rule="include")

    ladder_for_inference: RoleLadder


def _org_header(doc: YMap, out: _Collector,
                shown: str) -> tuple[str, str, str | None, SourceLoc | None]:
    value = doc.get("org")
    if not isinstance(value, YMap):
        if value is None and not ORG_KEY_SET.isdisjoint(doc):
            pass  # (`name:` not indented under `org:`: that key is the error)
        elif value is None and "org" in doc:  # (`org:` with nothing under it)
            out.error(doc.value_locs["org"], "'org' is empty: write the org's name under it "
                      "(org: {name: ...})")
        elif value is None:
            out.error(doc.loc, "the org file has no 'org:' header: add 'org: {name: ...}' (a "
                      "part of a split org is checked through the file that includes it)")
        else:
            out.error(doc.value_locs["org"], f"'org' must be a mapping, not {_describe(value)}")
        return Path(shown).stem, "mid-size", None, None
    _check_keys(value, ORG_KEYS, "the org header", out)
    f = _Fields(value, "the org", out, ORG_KEYS)
    name = f.text("name", required=True, blank="write the org's name") or Path(shown).stem
    size = f.text("size") or "mid-size"
    # (where a size is written, understood or not: profile-fit tells a refused size, which
    # has a load problem there, from one never declared; `size: null` declares none)
    size_loc = None if value.get("size") is None else value.value_locs.get("size")
    if size not in SIZES:
        meant = _SIZE_WORDS.get(size.casefold().replace(" ", "-"))
        hint = f"; did you mean '{meant}'?" if meant else did_you_mean(size, SIZES)
        out.error(f.loc("size"), f"unknown org size '{size}'{hint} (sizes: {', '.join(SIZES)})")
        size = "mid-size"
    f.text("description")  # (checked as any text; not kept: charts and reports do not show it)
    return name, size, f.text("date"), size_loc


def parse_rule_settings(block: Any, loc: SourceLoc, out: _Collector) -> tuple[RuleSetting, ...]:
    """Read a `rules:` mapping (rule id -> off/level/options) without checking rule ids."""
    if block is None:
        return ()
    if not isinstance(block, YMap):
        out.error(loc, f"'rules' must be a mapping of rule ids, not {_describe(block)}", "config")
        return ()
    settings = []
    for rule, value in block.items():
        key_loc, value_loc = block.key_locs[rule], block.value_locs[rule]
        if isinstance(value, str) and value.lower() in LEVEL_WORDS:
            settings.append(RuleSetting(rule, key_loc, LEVEL_WORDS[value.lower()]))
        elif isinstance(value, YMap):
            options = {k: v for k, v in value.items() if k != "level"}
            level = value.get("level")
            if level is not None and (not isinstance(level, str)
                                      or level.lower() not in LEVEL_WORDS):
                out.error(value.value_locs["level"], f"level of rule '{rule}' must be off, "
                          f"error, warning or info, not {_describe(level)}{level_hint(level)}",
                          "config")
                level = None
            settings.append(RuleSetting(
                rule, key_loc, LEVEL_WORDS[level.lower()] if isinstance(level, str) else None,
                options, {k: value.value_locs[k] for k in options}))
        else:
            out.error(value_loc, f"rule '{rule}' takes off, error, warning, info or a mapping "
                      f"of options, not {_describe(value)}"
                      f"{level_hint(value) or _option_hint(rule, value)}",
                      "config")
    return tuple(settings)


#: Other words for the levels of a rule (`warn`), case folded.
_LEVEL_SPELLINGS = {"warn": "warning", "warnings": "warning", "errors": "error",
                    "err": "error", "fatal": "error", "ignore": "off", "none": "off",
                    "skip": "off", "disable": "off", "notice": "info", "note": "info"}


def level_hint(value: Any) -> str:
    """"; did you mean 'warning'?" for a level spelt otherwise (`warn`, `ignore`), or ""."""
    if not isinstance(value, str):
        return ""
    meant = _LEVEL_SPELLINGS.get(value.casefold())
    return f"; did you mean '{meant}'?" if meant else did_you_mean(
        value.casefold(), LEVEL_CHOICES)


def _option_hint(rule: str, value: Any) -> str:
    """"; did you mean layers: {max: 4}?" for a rule given a bare value of its one option
    (`layers: 4`), or ""."""
    option = sole_option(rule, value)
    return f"; did you mean {rule}: {{{option}: {value}}}?" if option else ""


def sole_option(rule: str, value: Any) -> str | None:
    """The one option of `rule` when it is a whole number and `value` (given where a level
    or a mapping of options belongs) is one: `layers: 4` means `layers: {max: 4}`; else
    None."""
    from orgviz.rules import RULES  # (only for a message)

    defaults = getattr(RULES.get(rule), "DEFAULTS", {})
    number = str(value) if type(value) in (int, str) else ""
    if len(defaults) != 1 or not number.isdigit():
        return None
    (option, default), = defaults.items()
    return option if type(default) is int else None


def _empty_people(docs: list[YMap], out: _Collector) -> None:
    """Report a `people:` written with no entry under it (null or `[]`) in an org without
    people and other load problems, at the key (else the `root` rule says to add a
    `people:` list)."""
    for doc in docs:
        if "people" in doc and doc["people"] in (None, []):
            out.error(doc.key_locs["people"], "'people' is empty: add the org's people under "
                      "it, one entry each, as in '  - {id: ceo, name: Ada Obi}'")
            return


def load(path: str | os.PathLike[str]) -> Org:
    """Load an org file (and its includes) into an Org; raise OrgLoadError when impossible.

    Schema problems that still leave a usable org (an unknown key, a wrong type) are kept in
    `org.load_problems` and reported by `validate`.
    """
    # (`-` is standard input, shown as <stdin>; its includes are read from the current folder)
    shown = shown_path(path)
    real = Path(os.path.realpath(shown))  # (Path.resolve raises on a symlink loop)
    builder = _OrgBuilder()
    doc = builder.load_file(Path(os.fspath(path)), shown, (real,), top=True)
    builder.build()
    name, size, date, size_loc = _org_header(doc, builder.out, shown)
    rules = parse_rule_settings(doc.get("rules"), doc.value_locs.get("rules", doc.loc),
                                builder.out)
    people = builder.people
    if not people and not builder.out.problems:  # (else they say why, as for `root`)
        _empty_people(builder.docs, builder.out)
    people = with_managing_roles(people, builder.ladder_for_inference) or people
    return Org(
        file=shown, name=name, size=size, date=date, people=tuple(people),
        teams=tuple(builder.teams), ladder=builder.ladder_for_inference,
        rule_settings=rules, load_problems=tuple(builder.out.problems),
        files=tuple(builder.files), loc=doc.loc, size_loc=size_loc,
    )
