"""The loader's typed reading of one mapping's fields, and the schema problems it collects."""

from __future__ import annotations

import re
from typing import Any

from orgviz.fte import FTE_HINT, MAX_FTE, parse_fte
from orgviz.keys import meant_key, unknown_key
from orgviz.problem import Problem, SourceLoc, one_line
from orgviz.roles import LEVELS
from orgviz.yamlread import CONTROL_CHARS, YList, YMap

#: YAML's line breaks, which an id may not hold.
LINE_BREAKS = re.compile("[\n\r\x85\u2028\u2029]")
MAX_TEXT = 500
LONE_SURROGATES = "[\ud800-\udfff]"  # (text from bytes that are not UTF-8)

BOOLS = {"true": True, "false": False}
#: What YAML 1.1 (and people) also write for true and false, which orgviz reads as text.
_OTHER_BOOLS = {"yes": "true", "y": "true", "on": "true", "1": "true", "no": "false",
                "n": "false", "off": "false", "0": "false"}


class Collector:
    """Collects schema problems of one load, in order."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []
        # (file, line) of the values a comment took (`name: #1`): their error says it all
        self.nulled_by_comment: set[tuple[str, int]] = set()

    def error(self, loc: SourceLoc, message: str, rule: str = "schema") -> None:
        self.problems.append(Problem.at(loc, "error", rule, message))


def check_keys(mapping: YMap, allowed: tuple[str, ...], what: str, out: Collector) -> None:
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


def describe(value: Any) -> str:
    """How a message quotes a value: 'a mapping', 'a list', 'null' or the text, cut short."""
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
    """What keeps `value` from being a text of an org file, as `Fields.text` says it ('is
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


def _entry_label(kind: str, item: YMap) -> str:
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


class Fields:
    """Typed access to one mapping's fields, reporting type errors at the value."""

    def __init__(self, mapping: YMap, what: str, out: Collector,
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
                           f"not {describe(value)}{_TEXT_ADVICE.get((key, type(value)), '')}")
            return None
        if not value or value.isspace():
            self.out.error(self.loc(key), f"'{key}' of {self.what} {_blank(value)}"
                           f"{': ' + blank if blank else ''}")
            return None
        return value if self.fits(key, value, self.loc(key)) else None

    def fits(self, key: str, value: str, loc: SourceLoc) -> bool:
        """Whether a text (or a list's item) is at most MAX_TEXT long and free of control
        characters; else report which, at `loc`."""
        if len(value) > MAX_TEXT:
            self.out.error(loc, f"'{key}' of {self.what} is {len(value)} characters long; at "
                           f"most {MAX_TEXT} are allowed")
            return False
        if not value.isprintable():  # (rare: then the characters a file may not hold raw)
            bad = re.search(CONTROL_CHARS, value)
            if bad:
                self.out.error(loc, f"'{key}' of {self.what} holds the control character "
                               f"U+{ord(bad.group()):04X} (written as an escape): remove it")
                return False
        return True

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
            loc = self.loc(key)
            return (value,) if self.fits(key, value, loc) and self.one_line(key, value, loc) \
                else ()
        if isinstance(value, YList):
            result, locs = [], []
            for entry, loc in zip(value, value.item_locs, strict=True):
                if isinstance(entry, str) and entry.strip():
                    if self.fits(key, entry, loc) and self.one_line(key, entry, loc):
                        result.append(entry)
                        locs.append(loc)
                else:
                    self.out.error(loc, f"'{key}' of {self.what} must list {item}s, "
                                   f"not {describe(entry)}")
            self.item_locs[key] = tuple(locs)
            return tuple(result)
        article = "an" if item[0] in "aeiou" else "a"
        self.out.error(self.loc(key), f"'{key}' of {self.what} must be {article} {item} or a "
                       f"list of {item}s, not {describe(value)}")
        return ()

    def fte(self, key: str) -> float | None:
        """A number of full-time equivalents (see `orgviz.fte`); None when absent or refused."""
        value = self.mapping.get(key)
        if value is None:
            return None
        fte = parse_fte(value) if isinstance(value, str) else None
        if fte is None:
            self.out.error(self.loc(key), f"'{key}' of {self.what} must be {FTE_HINT} "
                           f"(at most {MAX_FTE:,}), not {describe(value)}")
        return fte

    def flag(self, key: str) -> bool:
        value = self.mapping.get(key)
        if value is None:
            return False
        if isinstance(value, str) and value.lower() in BOOLS:
            return BOOLS[value.lower()]
        meant = _OTHER_BOOLS.get(value.casefold()) if isinstance(value, str) else None
        self.out.error(self.loc(key), f"'{key}' of {self.what} must be true or false, "
                       f"not {describe(value)}" + (f": write {meant}" if meant else ""))
        return False


def all_texts_printable(item: YMap) -> bool:
    """Whether every text value of an entry is printable (else `Fields.text` checks it)."""
    return all(v.isprintable() for v in item.values() if isinstance(v, str))


def entry_fields(kind: str, item: YMap, allowed: tuple[str, ...], out: Collector) -> Fields:
    """The fields of an entry of a list (`kind`: 'person', 'team', 'role'), named as
    `_entry_label` names it, with its unknown keys reported."""
    what = _entry_label(kind, item)
    check_keys(item, allowed, what, out)
    return Fields(item, what, out, allowed)
