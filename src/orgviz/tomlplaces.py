"""Where the keys and values of a TOML document are written (tomllib gives no places).

A skimmer over text that tomllib has already read without error: it follows the TOML
grammar far enough to know each key's full path (tables and arrays of tables, dotted and
quoted keys, inline tables, arrays) and steps over strings (multi-line ones too), numbers,
dates and comments, so that key-like text inside a string or a comment is never taken for
a key."""

from __future__ import annotations

import bisect
import re
import sys
from dataclasses import dataclass, field
from datetime import date, datetime, time
from functools import cached_property
from typing import Any

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib

__all__ = ["KeyPath", "TomlPlaces", "toml_places", "tomllib", "written_text"]

#: A key's full path: table and key names, and the index of an array's element.
KeyPath = tuple[str | int, ...]

_BLANK = re.compile(r"(?:[ \t\r\n]|#[^\n]*)*")  # (whitespace, line breaks and comments)
_SPACE = re.compile(r"[ \t]*")
_KEY_PART = re.compile(r"[A-Za-z0-9_-]+|\"(?:[^\"\\\n]|\\.)*\"|'[^'\n]*'")
_DOT = re.compile(r"[ \t]*\.[ \t]*")
_EQUALS = re.compile(r"[ \t]*=[ \t]*")
_CLOSE_HEADER = {1: re.compile(r"[ \t]*\]"), 2: re.compile(r"[ \t]*\]\]")}
#: Strings (multi-line first: up to two quotes may end their text) and other scalars
#: (numbers, booleans, dates and times, which hold a space at most: `1979-05-27 07:32:00`).
_SCALAR = re.compile(r'"""(?:[^"\\]|\\[\s\S]|"(?!""))*"{3,5}'
                     r"|'''(?:[^']|'(?!''))*'{3,5}"
                     r'|"(?:[^"\\\n]|\\.)*"'
                     r"|'[^'\n]*'"
                     r"|[^,\]}\s#][^,\]}\n#]*")


class _WrittenInt(int):
    """A TOML integer that keeps how it is written (`0x10`, `1_000`)."""

    written: str


class _WrittenFloat(float):
    """A TOML float that keeps how it is written (`1e3`, `+inf`, `1_000.5`)."""

    written: str


class _WrittenDateTime(datetime):
    """A TOML date-time that keeps how it is written (`1979-05-27 07:32:00Z`)."""

    written: str


class _WrittenDate(date):
    """A TOML date that keeps how it is written."""

    written: str


class _WrittenTime(time):
    """A TOML time that keeps how it is written (`07:32:00.5`)."""

    written: str


#: The kinds of tomllib's dates and times that keep their text.
_DATE_KEEPERS: dict[type, type[_WrittenDateTime] | type[_WrittenDate] | type[_WrittenTime]] = {
    datetime: _WrittenDateTime, date: _WrittenDate, time: _WrittenTime}


def _with_text(value: Any, written: str) -> Any:
    """`value` as a kind of it that keeps `written`, the text that writes it, where Python
    shows it otherwise (`1e3`, not `3`); a string, a boolean (as written: `true`, `false`)
    or a table or array as it is."""
    kept: Any
    if type(value) is int or type(value) is float:
        shown = repr(value)
        kept = (_WrittenInt if type(value) is int else _WrittenFloat)(value)
    elif type(value) in _DATE_KEEPERS:
        shown = value.isoformat()
        kept = _DATE_KEEPERS[type(value)].fromisoformat(shown)
    else:
        return value
    if written == shown:
        return value  # (an `int` still, as a rule's bare count: `layers = 4`)
    kept.written = written
    return kept


def written_text(value: Any) -> str | None:
    """How the TOML text writes `value` (`1e3` for 1000.0), where `TomlPlaces.as_written`
    gave it; else None."""
    written = getattr(value, "written", None)
    return written if isinstance(written, str) else None


class _Lost(Exception):
    """The text is not TOML as the skimmer reads it (it was told it is): no places."""


@dataclass
class TomlPlaces:
    """Offsets of the keys and values under one table (`under`) of a TOML text."""

    text: str
    #: Where each key is first written: its first character (a quote for a quoted key).
    keys: dict[KeyPath, int] = field(default_factory=dict)
    #: Where the value of each `key = value` starts.
    values: dict[KeyPath, int] = field(default_factory=dict)
    #: The text of each number, date or time value, as written (`1e3`, `0x10`).
    texts: dict[KeyPath, str] = field(default_factory=dict)

    def as_written(self, path: KeyPath, value: Any) -> Any:
        """The `value` that tomllib read at `path`, keeping the text that writes it where it
        is a number, a date or a time whose text is known (`written_text` gives it)."""
        written = self.texts.get(path)
        return value if written is None else _with_text(value, written)

    def key(self, path: KeyPath) -> tuple[int, int] | None:
        """Line and column of the key at `path`, else of its nearest table that is written
        (the `under` table at the last: never a guess), else None."""
        for length in range(len(path), 0, -1):
            if path[:length] in self.keys:
                return self._line_col(self.keys[path[:length]])
        return None

    def value(self, path: KeyPath) -> tuple[int, int] | None:
        """Line and column of the value at `path` (of its key where it is a table written
        as `[header]` or with dotted keys), as `key` falls back."""
        if path in self.values:
            return self._line_col(self.values[path])
        return self.key(path)

    def _line_col(self, offset: int) -> tuple[int, int]:
        """1-based line and column (in characters, as tomllib counts them) of an offset."""
        line = bisect.bisect_right(self._line_starts, offset)
        return line, offset - self._line_starts[line - 1] + 1

    @cached_property
    def _line_starts(self) -> list[int]:
        """The offset of each line's first character (found once: a file may have
        thousands of problems)."""
        return [0] + [match.end() for match in re.finditer("\n", self.text)]


def toml_places(text: str, under: KeyPath) -> TomlPlaces:
    """The places of the keys and values at or under `under` in a TOML `text` that tomllib
    reads: those before a value nested too deep for the skimmer (it reads in order, so they
    are right), none where the text cannot be followed."""
    places = TomlPlaces(text)
    try:
        _Skimmer(text, under, places).document()
    except RecursionError:
        return places
    except _Lost:
        return TomlPlaces(text)
    return places


class _Skimmer:
    """Reads a TOML text once, noting the places of keys and values under `under`."""

    def __init__(self, text: str, under: KeyPath, places: TomlPlaces) -> None:
        self.text, self.under, self.places = text, under, places
        self.pos = 0
        self.array_tables: dict[KeyPath, int] = {}  # `[[name]]`: how many elements so far

    def document(self) -> None:
        """Every table header and `key = value` of the text, in order."""
        table: KeyPath = ()
        while self._skip(_BLANK) < len(self.text):
            if self.text.startswith("[[", self.pos):
                table = self._header(2)
            elif self.text[self.pos] == "[":
                table = self._header(1)
            else:
                self._key_value(table)

    def _header(self, brackets: int) -> KeyPath:
        """A `[table]` or `[[array.of.tables]]` header: the path of the table it opens."""
        self.pos += brackets
        self._skip(_SPACE)
        parts = self._dotted_key()
        path: KeyPath = ()
        for index, (name, offset) in enumerate(parts):
            path += (name,)
            self._note_key(path, offset)
            if index < len(parts) - 1 and path in self.array_tables:  # (its last element)
                path += (self.array_tables[path] - 1,)
        if brackets == 2:
            count = self.array_tables.get(path, 0)
            self.array_tables[path] = count + 1
            path += (count,)
        self._expect(_CLOSE_HEADER[brackets])
        return path

    def _key_value(self, table: KeyPath) -> None:
        """A `key = value` (the key maybe dotted) in `table`."""
        path = table
        for name, offset in self._dotted_key():
            path += (name,)
            self._note_key(path, offset)
        self._expect(_EQUALS)
        self._value(path)

    def _value(self, path: KeyPath) -> None:
        """Any value: an inline table, an array, a string or another scalar."""
        if path[:len(self.under)] == self.under:
            self.places.values.setdefault(path, self.pos)
        opening = self.text[self.pos:self.pos + 1]
        if opening == "{":
            self._inline_table(path)
        elif opening == "[":
            self._array(path)
        else:
            written = self._expect(_SCALAR)
            if path[:len(self.under)] == self.under and written[:1] not in ("'", '"'):
                self.places.texts.setdefault(path, written.rstrip(" \t"))

    def _inline_table(self, path: KeyPath) -> None:
        """`{key = value, ...}` (TOML 1.1's line breaks and trailing comma too)."""
        self.pos += 1
        while self._skip(_BLANK) < len(self.text) and self.text[self.pos] != "}":
            self._key_value(path)
            if self._skip(_BLANK) < len(self.text) and self.text[self.pos] == ",":
                self.pos += 1
        self._expect_char("}")

    def _array(self, path: KeyPath) -> None:
        """`[value, ...]`, over lines and with comments; elements are numbered."""
        self.pos += 1
        index = 0
        while self._skip(_BLANK) < len(self.text) and self.text[self.pos] != "]":
            self._value((*path, index))
            index += 1
            if self._skip(_BLANK) < len(self.text) and self.text[self.pos] == ",":
                self.pos += 1
        self._expect_char("]")

    def _dotted_key(self) -> list[tuple[str, int]]:
        """The parts of a key (`a."b.c".d`) with the offset of each."""
        parts = [self._key_part()]
        while (dot := _DOT.match(self.text, self.pos)) is not None:
            self.pos = dot.end()
            parts.append(self._key_part())
        return parts

    def _key_part(self) -> tuple[str, int]:
        """One part of a key, as tomllib reads it (its escapes undone), and its offset."""
        offset = self.pos
        written = self._expect(_KEY_PART)
        if written.startswith('"'):
            return str(tomllib.loads(f"k = {written}")["k"]), offset
        return written[1:-1] if written.startswith("'") else written, offset

    def _note_key(self, path: KeyPath, offset: int) -> None:
        """Where the key at `path` is first written (tables are named again and again)."""
        if path[:len(self.under)] == self.under:
            self.places.keys.setdefault(path, offset)

    def _skip(self, pattern: re.Pattern[str]) -> int:
        """Step over what `pattern` matches here (it matches the empty text too)."""
        match = pattern.match(self.text, self.pos)
        if match is not None:
            self.pos = match.end()
        return self.pos

    def _expect(self, pattern: re.Pattern[str]) -> str:
        """Step over what `pattern` matches here, and return it; _Lost if nothing does."""
        match = pattern.match(self.text, self.pos)
        if match is None or match.end() == self.pos:
            raise _Lost(self.pos)
        self.pos = match.end()
        return match.group()

    def _expect_char(self, char: str) -> None:
        """Step over `char`, which must be here; _Lost else."""
        if not self.text.startswith(char, self.pos):
            raise _Lost(self.pos)
        self.pos += 1
