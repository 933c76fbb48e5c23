"""Resolve a manager reference: an id, an email, a unique name, or an ended row's current row."""

from __future__ import annotations

import re
import unicodedata
from typing import TYPE_CHECKING, TypeGuard

from orgviz.io.csvimport.records import Record, record_id
from orgviz.io.csvimport.values import FUTURE_DATED, TOP_MARKERS, _fold, is_future_dated
from orgviz.problem import quoted

if TYPE_CHECKING:
    from orgviz.rules._common import Suggester


#: A whole number written as a decimal ('2.0'): pandas writes a column of ids so when some
#: cells are empty (the top's manager), while the id column keeps '2'.
_WHOLE_AS_DECIMAL = re.compile(r"([0-9]+)\.0+")
#: The note of a manager reference read as the id of the whole number it writes.
DECIMAL_ID = "decimal"
#: The note of a manager reference read as the id that is the same number with other leading
#: zeros ('1' for '001', '005' for '5': a spreadsheet drops them from a column of numbers).
ZEROS_ID = "zeros"
#: What a suggestion of ids that differ from a reference in leading zeros adds.
ZEROS_DROPPED = "(leading zeros dropped by a spreadsheet?)"
#: What a manager reference to a row set aside is (`Resolver.current_of`): a history row
#: (ended), or a future-dated one (it starts after the day of the import).
SET_ASIDE_MANAGER = ("is a history row", "is a future-dated row")


def is_set_aside(note: str | None) -> TypeGuard[str]:
    """Whether a resolver's note says the reference is to a row set aside (`current_of`):
    re-attached to its person's current row, or, without a target, to nobody."""
    return note is not None and any(f"' {kind} (row " in note for kind in SET_ASIDE_MANAGER)
#: A name and an id in parentheses: `Ana Ruiz (21002)`.
_NAME_AND_ID = re.compile(r"(.*\S)\s*\(([^()]+)\)")
#: The note of a manager reference read as the id in its parentheses.
NAMED_ID = "named-id"


def _key(text: str) -> str:
    """Text as names and emails are matched: case-folded, whitespace collapsed, in one
    Unicode form (NFC: an é written as e and a combining accent is an é)."""
    return _fold(text if text.isascii() else unicodedata.normalize("NFC", text))


def _swapped(name: str) -> str | None:
    """"First Last" of a name written "Last, First", or None for another name."""
    last, comma, first = name.partition(",")
    if not comma or not first.strip() or not last.strip() or "," in first:
        return None
    return f"{first} {last}"


class Resolver:
    """Finds the person a manager reference means: an id, an email, or a unique name."""

    def __init__(self, records: list[Record], dropped: list[Record], exact: bool) -> None:
        # The first record of an id wins (dict() keeps the last value of a key).
        self.ids: dict[str, Record] = dict(zip(map(record_id, reversed(records)), reversed(records),
                                               strict=True))
        self.exact = exact
        self.records = records
        self._emails: dict[str, list[str]] | None = None
        self._names: dict[str, list[str]] | None = None
        self.ended = {r.id: r for r in dropped if r.id not in self.ids}
        self._suggest: Suggester | None = None  # (over ids, names and emails: when needed)
        self._rows: dict[str, Record] = {}  # the record of each id, name and email suggested
        self._composed_ids: dict[str, str] | None = None  # NFC of each id that is not ASCII
        self._last_firsts: dict[str, list[str]] | None = None
        self._numbers: dict[str, list[str]] | None = None  # digit ids by their number

    def _index(self) -> None:
        """Emails and names of everybody: built on the first reference that is no id."""
        self._emails, self._names = {}, {}
        if self.exact:
            return
        for r in self.records:
            if r.email:
                self._emails.setdefault(_key(r.email), []).append(r.id)
            if r.name:
                self._names.setdefault(_key(r.name), []).append(r.id)

    @property
    def last_firsts(self) -> dict[str, list[str]]:
        """The people whose name is written "Last, First", by their name "First Last"."""
        if self._last_firsts is None:
            self._last_firsts = {}
            for r in [] if self.exact else self.records:
                swapped = _swapped(r.name) if r.name and "," in r.name else None
                if swapped is not None:
                    self._last_firsts.setdefault(_key(swapped), []).append(r.id)
        return self._last_firsts

    @property
    def emails(self) -> dict[str, list[str]]:
        if self._emails is None:
            self._index()
        return self._emails  # type: ignore[return-value]  # (_index sets it)

    @property
    def names(self) -> dict[str, list[str]]:
        if self._names is None:
            self._index()
        return self._names  # type: ignore[return-value]  # (_index sets it)

    def __call__(self, raw: str, what: str = "manager") -> tuple[str | None, str | None]:
        """(id, note): id None with note 'top' for a top marker, or an error message (`what`
        the reference is, as a message about a row set aside names it)."""
        if raw in self.ids:
            return raw, None
        if self.exact:
            return None, None
        if not raw.isascii():
            same = self._same_id(raw)
            if same is not None:
                return same, None
        whole = _WHOLE_AS_DECIMAL.fullmatch(raw) if raw[-1:] == "0" else None
        if whole is not None and whole.group(1) in self.ids:
            return whole.group(1), DECIMAL_ID
        folded = _key(raw if whole is None else whole.group(1))  # ('0.0' is the top marker 0)
        if folded in TOP_MARKERS:
            return None, "top"
        ended = self.ended.get(raw)
        if ended is not None:
            return self.current_of(ended, what)
        for index, key in ((self.emails, "email"), (self.names, "name")):
            found = index.get(folded)
            if found and len(found) == 1:
                return found[0], f"manager '{raw}' matched by {key}"
            if found:
                return None, self._ambiguous(raw, key, found)
        zeros = self.same_number(raw if whole is None else whole.group(1))
        if len(zeros) == 1:
            return zeros[0], ZEROS_ID
        named = self._named_id(raw) if raw[-1:] == ")" else None
        if named is not None:
            return named, NAMED_ID
        return self._last_first(raw)

    def same_number(self, raw: str) -> list[str]:
        """The ids of ASCII digits that write the number `raw` writes with other leading
        zeros ('001' for '1', '5' for '005'), in the order of their rows; [] for a
        reference that is no such number (asked only of a reference that is no id)."""
        if not raw.isdigit() or not raw.isascii():
            return []
        if self._numbers is None:
            self._numbers = {}
            for record in self.records:  # (ids are unique once linking starts)
                pid = record.id
                if pid.isdigit() and pid.isascii() and not record.generated:
                    self._numbers.setdefault(pid.lstrip("0") or "0", []).append(pid)
        return self._numbers.get(raw.lstrip("0") or "0", [])

    def _named_id(self, raw: str) -> str | None:
        """The id of a reference written as a name and an id in parentheses (`Ana Ruiz
        (21002)`, as Workday reports show workers) when that id's person has that name."""
        match = _NAME_AND_ID.fullmatch(raw)
        record = self.ids.get(match.group(2).strip()) if match else None
        if match is None or record is None or record.generated or not record.name:
            return None
        name = _key(match.group(1))
        last, _comma, first = match.group(1).partition(",")
        return record.id if _key(record.name) in (name, _key(f"{first} {last}")) else None

    def _same_id(self, raw: str) -> str | None:
        """The id that is the same text as `raw` in another Unicode form, if any."""
        if self._composed_ids is None:
            self._composed_ids = {unicodedata.normalize("NFC", i): i for i in self.ids
                                  if not i.isascii()}
        return self._composed_ids.get(unicodedata.normalize("NFC", raw))

    def _last_first(self, raw: str) -> tuple[str | None, str | None]:
        """A manager written "Last, First" (as BambooHR writes them) found by name, or
        written "First Last" found among names written "Last, First"."""
        swapped = _swapped(raw)
        if swapped is None:
            found = self.last_firsts.get(_key(raw)) if "," not in raw else None
            if found and len(found) == 1:
                return found[0], (f"manager '{raw}' matched by name (written last name first "
                                  "in the name column)")
            return None, (self._ambiguous(raw, "name", found) if found else None)
        found = self.names.get(_key(swapped))
        if found and len(found) == 1:
            return found[0], f"manager '{raw}' matched by name (written last name first)"
        if found:
            return None, self._ambiguous(raw, "name", found)
        return None, None

    def _ambiguous(self, raw: str, what: str, found: list[str]) -> str:
        """The error for a manager reference that names several people: their rows, with
        their ids when the CSV has ids (ids made from names are in no cell to copy)."""
        return (f"manager '{raw}' matches {len(found):,} people by {what} "
                f"({self._rows_of(found)}): {self._advice(found)}")

    def _advice(self, found: list[str]) -> str:
        """What to do about a reference that names several people."""
        return ("add an id column and give managers by id" if self.ids[found[0]].generated
                else "give the manager's id")

    def _rows_of(self, found: list[str]) -> str:
        """The first four of some people as messages list them: `'3' (row 4), '4' (row 5)
        and 2 more`, or `rows 4, 5 and 2 more` when their ids were made from names (in no
        cell to copy)."""
        records = [self.ids[f] for f in found]
        if records[0].generated:
            return "rows " + quoted([str(r.line) for r in records], 4, str)
        return quoted(records, 4, lambda r: f"'{r.id}' (row {r.line})")

    def set_aside(self, raw: str, what: str, of: str = "") -> tuple[str | None, str] | None:
        """For a reference to a row set aside (a history or future-dated row): its person's
        current row, if unique, and what it is (`current_of`); else None."""
        ended = self.ended.get(raw) if not self.exact else None
        return None if ended is None else self.current_of(ended, what, of)

    def current_of(self, ended: Record, what: str = "manager",
                   of: str = "") -> tuple[str | None, str]:
        """The current row of the person an ended row belongs to (same name), if unique:
        `what` is the reference ("dotted-line manager", "lead"), `of` what follows its id
        (" of team '20'")."""
        future = is_future_dated(ended.history)
        # ("row 4, effective from 2027-01-04": SET_ASIDE_MANAGER says future-dated already)
        why = (ended.history or "").removeprefix(f"{FUTURE_DATED}, ") if future \
            else ended.history
        where = f"row {ended.line}, {why}"
        said = f"{what} '{ended.id}'{of} {SET_ASIDE_MANAGER[future]} ({where})"
        same = self.names.get(_key(ended.name)) if ended.name else None
        if same and len(same) == 1:
            return same[0], f"{said}: using '{same[0]}', the current row of '{ended.name}'"
        if same:  # several current rows of that name: which one is not for import to guess
            return None, (f"{said} and its name '{ended.name}' matches {len(same):,} current "
                          f"rows ({self._rows_of(same)}): {self._advice(same)}")
        return None, f"{said} and no current row of '{ended.name or ended.id}' was found"

    def _zeros_hint(self, zeros: list[str]) -> str:
        """"; did you mean '01' (row 2) or '001' (row 3)?" for the ids of a number with other
        leading zeros: past four, "one of '01' (row 2), ... and 2 more"."""
        def show(pid: str) -> str:
            return f"'{pid}' (row {self.ids[pid].line})"

        if len(zeros) > 4:
            return f"; did you mean one of {quoted(zeros, 4, show)}?"
        return f"; did you mean {' or '.join(map(show, zeros))}?"

    def nearest(self, raw: str, asker: str) -> str:
        """"; did you mean 'Bob Day' (row 3)?" for the id, name or email closest to a manager
        reference that names nobody (not the asker's own), or "" (rules.Suggester: cheap,
        and quiet once a file has many unknown references)."""
        match = _NAME_AND_ID.fullmatch(raw) if raw[-1:] == ")" else None
        named = self.ids.get(match.group(2).strip()) if match else None
        if named is not None and named.id != asker and not named.generated:
            return (f"; '{named.id}' is the id of '{named.name or named.id}' (row "
                    f"{named.line})")
        whole = _WHOLE_AS_DECIMAL.fullmatch(raw) if raw[-1:] == "0" else None
        zeros = [i for i in self.same_number(raw if whole is None else whole.group(1))
                 if i != asker]
        if zeros:  # (several: which one is not for import to guess)
            return f"{self._zeros_hint(zeros)} {ZEROS_DROPPED}"
        if self._suggest is None:
            from orgviz.rules._common import Suggester  # (only for a reference not found)

            # Only the people file's rows can be managers (not the grouped posts of a
            # --junior file), and an id made by import is in no cell: not suggested.
            main = self.records[0].file if self.records else None
            for record in self.records:  # the first record of a name wins, as of an id
                for known in (record.name, record.email):
                    if known and record.file == main:
                        self._rows.setdefault(known, record)
            self._rows.update((pid, record) for pid, record in self.ids.items()
                              if record.file == main and not record.generated)
            self._suggest = Suggester(self._rows)
        close = self._suggest.closest(raw, None)
        close_row = self._rows.get(close) if close else None
        if close_row is None or close_row.id == asker:
            return ""
        return f"; did you mean '{close}' (row {close_row.line})?"
