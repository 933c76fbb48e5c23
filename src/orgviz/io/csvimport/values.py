"""Cell values of HR exports: cleaning, folding, placeholder names, flag and status words."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from itertools import repeat
from typing import Any, TypeVar

from orgviz.io.csvread import excel_error_of
from orgviz.placeholders import WITHHELD_NAMES  # names held back: a filled post

MAX_TEXT = 500  # the loader's limit for one text value
#: What a cell starts with after the quote `orgviz export` puts before it (its guard against
#: formula injection: see orgviz.io.export): the importer drops that quote alone (and the
#: one export puts before a text that is an Excel error value, EXCEL_ERRORS: `'#N/A`, or
#: one with spaces around it: `' #N/A`).
FORMULA_GUARDED = ("=", "+", "-", "@", "\t", "\r", "'")

#: Names that stand for nobody: the position is open (a vacancy).
VACANCY_NAMES = frozenset((
    "", "n/a", "na", "vacant", "vacancy", "vacant post", "vacant role", "vacant position",
    "tbc", "tbd", "tbh", "to be hired", "to be confirmed", "open", "open role",
    "open position", "open req", "open headcount", "unfilled", "-", "--", "?", "none",
    "hiring",
))
#: Names of posts that were abolished (UK organograms list them as `Eliminated`).
ELIMINATED_NAMES = frozenset(("eliminated", "post eliminated"))
#: The `Record.history` of an eliminated post (see `Linker.split_history`).
ELIMINATED_POST = "post eliminated"
#: How the `Record.history` of a future-dated row starts (see `Linker.set_aside_future_rows`).
FUTURE_DATED = "future-dated"


def is_future_dated(history: str | None) -> bool:
    """Whether a `Record.history` says the row was set aside as future-dated."""
    return (history or "").startswith(FUTURE_DATED)

#: Cells that say "nothing here" in any column (folded): a spreadsheet's dash or N/A, a SQL
#: NULL (`\N` is the NULL of MySQL and PostgreSQL text dumps).
EMPTY_WORDS = frozenset(("-", "--", "n/a", "na", "#n/a", "none", "(none)", "null", "(null)",
                         "\\n"))
#: Every placeholder name: a vacancy, a withheld name or an eliminated post; and a name
#: that says "nothing here" as the cells of other columns do (EMPTY_WORDS: `NULL`, `\N`),
#: an empty name (a vacancy), as in the manager and team columns.
PLACEHOLDER_NAMES = VACANCY_NAMES | WITHHELD_NAMES | ELIMINATED_NAMES | EMPTY_WORDS
#: Manager cells that say "no manager" (unless they are someone's id).
TOP_MARKERS = EMPTY_WORDS | {"", "xx", "0", "root", "top", "nobody", "self"}
TRUE_WORDS = frozenset(("1", "true", "yes", "y", "x", "vacant", "open", "tbh", "hiring"))
FALSE_WORDS = frozenset(("0", "false", "no", "n"))
ACTIVE_STATUS = frozenset(("active", "current", "employed", "filled", "a", "on leave",
                           "leave", "probation"))
VACANT_STATUS = frozenset(("vacant", "open", "hiring", "tbh", "to be hired", "vacancy",
                           "open position", "approved", "unfilled"))
ENDED_STATUS = frozenset(("terminated", "inactive", "ended", "former", "left", "leaver",
                          "retired", "historic", "history", "withdrawn", "deleted", "t", "i",
                          "closed", "expired"))

#: Control characters, which clean() removes: all but the tab and the line breaks LF, CR and
#: NEL (U+0085), which are whitespace, read as a space as the other line breaks are (a CR
#: removed joined the lines of a cell: 'Ann\rLee' was 'AnnLee').
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ufffe\uffff]")
_SPACES = re.compile(r"\s+")
_SLUG = re.compile(r"[\W_]+")
#: Whitespace other than the space: what str.isspace() and `_SPACES` match (see tests/io).
_OTHER_SPACES = ("\t", "\n", "\x0b", "\x0c", "\r", "\x1c", "\x1d", "\x1e", "\x1f", "\x85",
                 "\xa0", "\u1680", *map(chr, range(0x2000, 0x200B)), "\u2028", "\u2029",
                 "\u202f", "\u205f", "\u3000")
_ASCII_OTHER_SPACES = tuple(c for c in _OTHER_SPACES if c.isascii())
#: What clean() changes beyond strip(): the quote, `_CONTROL`, and `_OTHER_SPACES`.
_NOT_STRIP_ONLY = ("'", *map(chr, (*range(0x00, 0x09), *range(0x0B, 0x20), *range(0x7F, 0xA0),
                                  0xFFFE, 0xFFFF)), *_OTHER_SPACES)
#: Read columns whose cells are all plain in one pass (False: cell by cell, for tests).
_T = TypeVar("_T")


def slug(text: str, fallback: str = "x") -> str:
    """A readable id from text: `Information Services` -> `information-services`."""
    return _SLUG.sub("-", text.casefold()).strip("-") or fallback


def _fold(text: str | None) -> str:
    """Case-fold and collapse whitespace (str.split() and the regex \\s agree on whitespace)."""
    if not text:
        return ""
    return " ".join(text.casefold().split())


def _folded(values: Sequence[str | None] | None) -> list[str] | None:
    """`_fold` of each value (once per distinct value), or None for a missing column."""
    if values is None:
        return None
    memo = {v: _fold(v) for v in set(values)}
    return list(map(memo.__getitem__, values))


def export_guarded(value: str) -> bool:
    """Whether a cell that starts with a quote has it from `orgviz export` (before a text a
    spreadsheet would run as a formula or read as an Excel error, spaces around it or not:
    FORMULA_GUARDED, excel_error_of)."""
    return value[1:2] in FORMULA_GUARDED or excel_error_of(value[1:]) is not None


def clean(value: str) -> tuple[str, bool]:
    """Trim, fold whitespace (a line break, LF, CR or CRLF, is a space), drop control
    characters and spreadsheet quote marks.

    Returns the value and whether control characters were removed. A leading quote is
    dropped only where `orgviz export` writes one (before `= + - @`, a tab, a CR or a
    quote: its formula-injection guard), or with a closing one (a quoted pair, 'Vacant');
    a name that starts with one ('t Hooft) keeps it.
    """
    stripped = guarded = False
    if value[:1] == "'" and export_guarded(value):
        value, guarded = value[1:], True
    if _CONTROL.search(value):
        value, stripped = _CONTROL.sub("", value), True
    value = _SPACES.sub(" ", value).strip()
    if guarded or "'" not in value:
        return value, stripped
    if value[:1] == "'" and value[-1:] == "'" and len(value) > 1 and value.count("'") == 2:
        value = value[1:-1].strip()  # a stray quote pair ('Vacant')
    elif value.endswith("'") and value.count("'") == 1 and " " not in value:
        value = value[:-1]  # a stray closing quote (Vacant')
    return value, stripped


def split_ids(value: str) -> tuple[str, ...]:
    """A list cell: a JSON list of strings, or ids separated by `;`."""
    if value.startswith("["):
        items = _json_ids(value)
        if items is not None:
            return items
    return tuple(v for v in (p.strip() for p in value.split(";")) if v)


def list_cell(value: str | None) -> tuple[str, ...] | None:
    """A list cell of the exact layout: `split_ids`, or None for a cell that starts with '['
    but is no JSON list of strings (`orgviz export` writes JSON when an id starts with '[')."""
    if not value:
        return ()
    return _json_ids(value) if value.startswith("[") else split_ids(value)


def _json_ids(value: str) -> tuple[str, ...] | None:
    """The strings of a JSON list of strings, else None."""
    import json  # (only for a cell that looks like a JSON list: not at every start)

    try:
        items = json.loads(value)
    except (ValueError, RecursionError):
        return None
    if isinstance(items, list) and all(isinstance(i, str) for i in items):
        return tuple(items)
    return None



#: A placeholder name in brackets or between stars: `[Vacant]`, `(TBH)`, `*open*` (its inside).
_BRACKETED = r"[(\[<{*]+ ?(.*?) ?[)\]>}*]+"
#: The vacancy words that take a note after a mark: the words of VACANCY_NAMES, but those
#: that say "nothing here" in any column (EMPTY_WORDS: `n/a`, `none`), which are
#: placeholders alone (longest first).
_VACANCY_WORDS = sorted((w for w in VACANCY_NAMES - EMPTY_WORDS if w[:1].isalpha()),
                        key=lambda w: (-len(w), w))
#: A vacancy word with a note after a mark: `Vacant - Req 123`, `TBH: Senior Engineer`,
#: `Open position (backfill)`, `Unfilled #4` (a space alone is no mark: `Tbh Smith` is a
#: name, and so are `Vacanti` and `Open, Ann`).
_VACANCY_WITH_NOTE = (
    "(?:" + "|".join(map(re.escape, _VACANCY_WORDS)) + ")"
    r"(?: ?[:(\[#/|]| [-\u2013\u2014]| ?[\u2013\u2014]).*")
#: The first characters of the names those two patterns match (folded).
_MARKED_FIRSTS = frozenset("([<{*") | {w[0] for w in _VACANCY_WORDS}
#: Those first characters before folding (no other character folds to one of them alone:
#: tests/io/test_import_qa_fixes.py checks it).
_MARKED_FIRSTS_CASED = _MARKED_FIRSTS | {c.upper() for c in _MARKED_FIRSTS}
#: The marks one of those names holds: a bracket, a star, `#`, `:`, `/`, `|`, a dash, or a
#: hyphen beside a space (a hyphen alone is a name's: `Mary-Jane`).
_MARK_CHARS = ("(", "[", "<", "{", "*", "#", ":", "/", "|", "\u2013", "\u2014")


def placeholder_of(folded: str) -> str | None:
    """The placeholder name a folded name is (`_fold`): itself when it is one
    (PLACEHOLDER_NAMES), the one in its brackets (`[vacant]`, `(tbh)`), or `vacant` for a
    vacancy word with a note (`vacant - req 123`); None for a person's name."""
    if folded in PLACEHOLDER_NAMES:
        return folded
    if folded[:1] not in _MARKED_FIRSTS:
        return None
    bracketed = re.fullmatch(_BRACKETED, folded)  # (re's cache: compiled when first needed)
    if bracketed:
        folded = bracketed.group(1)
        if folded and folded in PLACEHOLDER_NAMES:
            return folded
    return "vacant" if re.fullmatch(_VACANCY_WITH_NOTE, folded) else None


#: The longest placeholder name of PLACEHOLDER_NAMES (the others hold a mark, `_MARK_CHARS`
#: or a hyphen beside a space).
_PLACEHOLDER_LEN = max(map(len, PLACEHOLDER_NAMES))


def _maybe_placeholders(names: list[str | None], single_spaced: bool = False
                        ) -> Iterable[int]:
    """Indexes of the names that can be placeholders (`placeholder_of(_fold(name))`), and
    of the missing ones: all of them, unless no name has whitespace other than single inner
    spaces; then a name folds to its casefold(), never shorter than itself, and only names
    as short as one of PLACEHOLDER_NAMES can be one (none when no casefold() is one), or
    when a name holds a mark (`_MARK_CHARS`, a hyphen beside a space: the others do), the
    names that start as one of those can (`_MARKED_FIRSTS`).

    `single_spaced`: the caller knows that no name has other whitespace (the names of a
    trimmed table: `CsvTable.trimmed`); the three two-character searches over all names
    that find it out cost about 1 ms in 20,000 names.
    """
    if not (single_spaced or _single_spaced(names)):
        return range(len(names))
    # (names without spaces at their ends: no mark spans two names joined; each search for
    # one character at C speed, those of a hyphen beside a space only where one is)
    joined = "".join(filter(None, names))
    marked = any(mark in joined for mark in _MARK_CHARS) or (
        "-" in joined and (" -" in joined or "- " in joined))
    short = [name for name in names if name is not None and len(name) <= _PLACEHOLDER_LEN]
    if not marked and PLACEHOLDER_NAMES.isdisjoint(map(str.casefold, short)):
        return [r for r, name in enumerate(names) if name is None] if None in names else []
    firsts = _MARKED_FIRSTS_CASED if marked else ()
    return [r for r, name in enumerate(names) if name is None or len(name) <= _PLACEHOLDER_LEN
            or name[:1] in firsts]


def _single_spaced(names: list[str | None]) -> bool:
    """Whether no name has whitespace other than single inner spaces."""
    joined = "\x00".join(filter(None, names))
    return not ("  " in joined or "\x00 " in joined or " \x00" in joined or
                joined[:1] == " " or joined[-1:] == " " or any(c in joined for c in (
                    _ASCII_OTHER_SPACES if joined.isascii() else _OTHER_SPACES)))


def add_note(notes: list[Sequence[str]], row: int, note: str) -> None:
    """Add a note to a row's notes (a column of them: a list each, or () for none yet)."""
    if notes[row]:
        notes[row].append(note)  # type: ignore[attr-defined]  # (() or a list)
    else:
        notes[row] = [note]


def _empty_as_none(values: list[Any]) -> list[Any]:
    """The list with its empty strings replaced by None (in place)."""
    count = values.count("")
    if count > len(values) // 8:
        return [v or None for v in values]
    index, at = values.index, -1
    for _ in range(count):
        at = index("", at + 1)
        values[at] = None
    return values


def _each(values: Sequence[str | None] | None, fn: Callable[[str | None], _T],
          n: int) -> Iterable[_T]:
    """fn of each value, computed once per distinct value (fn(None) for a missing column)."""
    if values is None:
        return repeat(fn(None), n)
    memo = {v: fn(v) for v in set(values)}
    return list(map(memo.__getitem__, values))

