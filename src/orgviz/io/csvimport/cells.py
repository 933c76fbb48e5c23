"""One cell's value: the exact layout as written, other layouts cleaned; plain columns at once."""

from __future__ import annotations

import re
from collections.abc import Sequence

from orgviz.io.columns import Columns
from orgviz.io.csvimport.state import ImporterState
from orgviz.io.csvimport.values import (
    _NOT_STRIP_ONLY,
    _OTHER_SPACES,
    MAX_TEXT,
    clean,
    export_guarded,
)
from orgviz.problem import SourceLoc, one_line
from orgviz.yamlread import CONTROL_CHARS

FAST_COLUMNS = True
#: The control characters an org file refuses (the loader's CONTROL_CHARS).
_LOADER_CONTROL = re.compile(CONTROL_CHARS)
#: Those, but the NUL (parse_csv removed every one: it joins a column's cells), and the
#: line breaks that no id can hold (`LINE_BREAKS`): what `exact_text` may change.
_NOT_EXACT_CHARS = tuple(map(chr, (*range(0x01, 0x09), *range(0x0A, 0x20), 0x7F, 0x85, 0x2028,
                                   0x2029, 0xFFFE, 0xFFFF)))
#: The ASCII characters that are none of those, as bytes.
_EXACT_BYTES = bytes(b for b in range(0x80) if chr(b) not in _NOT_EXACT_CHARS)
#: A run of line breaks, with the spaces around it (`LINE_BREAKS`, as the loader finds them).
_LINE_BREAKS = re.compile(r"[ \t]*[\n\r\x85\u2028\u2029]+[ \t]*")
#: The fields of the exact layout that hold ids (the manager's: `reports_to`; a team's
#: `parent` and `lead`: of the teams table).
_EXACT_IDS = frozenset(("id", "manager", "dotted_to", "team", "role", "parent", "lead"))


class CellReader(ImporterState):
    """Reads cells, reporting what cleaning them finds."""

    def value(self, cells: list[str], columns: Columns, fld: str, exact: bool,
              where: tuple[str, int]) -> str | None:
        """The value of a field in a row (None: no such column, or empty)."""
        i = columns.get(fld)
        if i is None:
            return None
        return self.text(cells[i], exact, where, fld, i)

    def text(self, raw: str, exact: bool, where: tuple[str, int], fld: str,
             col: int) -> str | None:
        """A raw cell as a value: verbatim or cleaned, None when empty, cut when too long."""
        if exact:
            value = raw
            if value[:1] == "'" and export_guarded(value):
                value = value[1:]  # the formula-injection guard written by export
            if not value.isprintable():  # (rare: at C speed)
                value = self.exact_text(value, where, fld, col)
        else:
            value, stripped = clean(raw)
            if stripped:
                self.tally_row(where, "control", f"{where[0]}:{where[1]}")
        if not value:
            return None
        if len(value) > MAX_TEXT:
            self.problem(SourceLoc(where[0], where[1], col + 1), "warning", "truncated",
                         f"{fld} is {len(value):,} characters long: cut to {MAX_TEXT}")
            value = value[:MAX_TEXT]
        return value

    def exact_text(self, value: str, where: tuple[str, int], fld: str, col: int) -> str:
        """A value of the exact layout as an org file can hold it: without the control
        characters it refuses (removed, and tallied, as other layouts' values are), and an
        id (of a person, a manager, a team, a dotted line, a role) without line breaks (each
        run of them and the spaces around it read as one space: a warning at the cell); a
        text (a name, a title) keeps its line breaks, as `orgviz export` wrote them."""
        if _LOADER_CONTROL.search(value):
            value = _LOADER_CONTROL.sub("", value)
            self.tally_row(where, "control", f"{where[0]}:{where[1]}")
        if fld in _EXACT_IDS and _LINE_BREAKS.search(value) and not value.isspace():
            # (whitespace alone is no value: see read_rows)
            folded = _LINE_BREAKS.sub(" ", value).strip()
            column = "reports_to" if fld == "manager" else fld
            self.problem(SourceLoc(where[0], where[1], col + 1), "warning", "csv",
                         f"{column} '{one_line(value)}' holds a line break, which an id "
                         f"cannot: read as '{one_line(folded)}'")
            value = folded
        return value

    def column_mode(self, column: Sequence[str], exact: bool, name_part: bool,
                    full: bool = True) -> str | None:
        """How a whole column can be read in one pass: "keep" when every cell reads as itself
        (`cell or None`), "full" when moreover no cell is empty (`cell`), "strip" when every
        cell reads as `cell.strip() or None`, with nothing to report in each case; None when
        it must be read cell by cell (`cell`). `full` False: "keep" may stand for "full"
        (whether the column can be read in one pass is all that is asked).
        """
        if not FAST_COLUMNS or (exact and name_part) or not (
                self.short or max(map(len, column)) <= MAX_TEXT):
            return None  # (the exact layout has one name column: no name parts)
        if self.strip_only:  # the file's cells, checked at once (CsvTable.strip_only)
            if exact:
                return "keep"  # (no quote mark: exact keeps every cell)
            if self.trimmed:  # every cell reads as itself (CsvTable.trimmed)
                return "full" if full and all(column) else "keep"  # (all(): faster than in)
            # "keep" when no cell starts or ends with a space, the only ASCII whitespace a
            # plain file with one line per record can hold.
            joined = "\x00".join(column)
            if joined.isascii() and (" " not in joined or (
                    joined[:1] != " " and joined[-1:] != " " and "\x00 " not in joined
                    and " \x00" not in joined)):
                full = joined[:1] not in ("", "\x00") and joined[-1] != "\x00" and \
                    "\x00\x00" not in joined
                return "full" if full else "keep"  # "full": no cell is empty either
            return "strip"
        joined = "\x00".join(column)  # parse_csv removed every NUL: no cell holds one
        if exact:  # text() only changes a cell that starts with a quote, or one that holds
            # a line break or (in a file that is not plain) a control character
            return "keep" if "\x00'" not in "\x00" + joined and not (
                ("\n" in joined or "\r" in joined) if self.plain else _exact_may_change(joined)
            ) else None
        if self.plain:  # the per-cell plain test of `cell`, for the whole column
            if "'" in joined or "\n" in joined or "\r" in joined:
                return None
        # clean() only changes a cell beyond strip() for a quote, a control character, a
        # whitespace character other than the space, or two spaces in a row.
        elif "  " in joined or any(c in joined for c in _NOT_STRIP_ONLY):
            return None
        if joined[:1] == " " or joined[-1:] == " " or "\x00 " in joined or " \x00" in joined \
                or any(c in joined for c in _OTHER_SPACES):
            return "strip"
        return "keep"  # no cell starts or ends with whitespace: strip() changes nothing

    def cell(self, raw: str, exact: bool, where: tuple[str, int], fld: str, col: int,
             name_part: bool) -> str | None:
        """One cell's value: plain cells take a fast path, the others `text()`."""
        if name_part:  # a part of a name made of several columns
            if not self.plain or "'" in raw or "\n" in raw or "\r" in raw or \
                    len(raw) > MAX_TEXT:
                return self.text(raw, exact, where, "name", col)
            return raw.strip()
        if self.plain and len(raw) <= MAX_TEXT and "'" not in raw and "\n" not in raw and \
                "\r" not in raw:
            return (raw if exact else raw.strip()) or None
        return self.text(raw, exact, where, fld, col)


def _exact_may_change(joined: str) -> bool:
    """Whether a column's cells (joined) hold one of `_NOT_EXACT_CHARS` (one C pass over the
    bytes of ASCII text, else a substring test for each)."""
    if joined.isascii():
        return bool(joined.encode("ascii").translate(None, _EXACT_BYTES))
    return any(c in joined for c in _NOT_EXACT_CHARS)
