"""Vacancy, assistant, role, dotted-line and history columns of rows not in the exact layout."""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable, Sequence
from itertools import repeat
from typing import Any

from orgviz.io.columns import Columns
from orgviz.io.csvimport.state import ImporterState
from orgviz.io.csvimport.values import (
    ACTIVE_STATUS,
    ELIMINATED_NAMES,
    ELIMINATED_POST,
    ENDED_STATUS,
    FALSE_WORDS,
    TRUE_WORDS,
    VACANT_STATUS,
    _each,
    _fold,
    _folded,
    _maybe_placeholders,
    add_note,
    placeholder_of,
    split_ids,
)
from orgviz.placeholders import WITHHELD_NAME, WITHHELD_NAMES
from orgviz.roles import DEFAULT_LADDER


class FlagReader(ImporterState):
    """Reads the columns that flag rows: vacancies, assistants, roles, dotted lines, history."""

    def read_flags(self, values: dict[str, list[str | None]], columns: Columns,
                   names: list[str | None], titles: list[str | None],
                   notes: list[Sequence[str]], lines: Sequence[int], shown: str
                   ) -> dict[str, Iterable[Any]]:
        """Vacancy, assistant, roles, dotted lines and history of rows not in the exact layout
        (of `shown`, starting on `lines`).

        Sets placeholder names to None and role values that are no role ids as titles; the
        rows of placeholder names and of role values left out are kept for their tallies
        (`tally_row`: of the rows imported only).
        """
        get = values.get
        n = len(names)
        status = _folded(get("status"))
        vacant_words = _folded(get("vacant"))
        if vacant_words is None:  # the status alone says (a list to mark placeholders in)
            vacant = list(_each(status, lambda s: s in VACANT_STATUS, n))
        elif status is None:
            vacant = list(_each(vacant_words, lambda v: v in TRUE_WORDS, n))
        else:
            vacant = [v in TRUE_WORDS or s in VACANT_STATUS
                      for v, s in zip(vacant_words, status, strict=True)]
        assistant = _each(_folded(get("assistant")), lambda a: a in TRUE_WORDS, n)
        roles: list[tuple[str, ...]] = [()] * n
        role_values = get("role")
        if role_values is not None:
            split: dict[str, tuple[str, ...] | None] = {}
            for r, text in enumerate(role_values):
                if not text:
                    continue
                if text not in split:
                    ids = split_ids(text.replace(",", ";"))
                    split[text] = ids if all(i in DEFAULT_LADDER.roles for i in ids) else None
                found = split[text]
                if found is not None:
                    roles[r] = found
                elif titles[r] is None:  # (the loader infers the role from it)
                    titles[r] = text
                else:  # (the title gives the role: an access role, 'Manager', is no rank)
                    self.tally_row((shown, lines[r]), "role-dropped", text)
        dotted_values = get("dotted_to")
        # (split at ';' only: a piece with commas is a list, or a name "Last, First", which
        # linking tells apart)
        dotted = _each(dotted_values, lambda v: split_ids(v) if v else (), n)
        history: Iterable[str | None] = repeat(None, n)
        ended = [get("status"), get("current"), get("end_date")]
        given = [i for i, v in enumerate(ended) if v is not None]
        # (the day end dates are compared with, when there are end dates, and whether the
        # column's dates by number put the day first, as its unambiguous ones show)
        reference = day_first = None
        if ended[2] is not None:
            from orgviz.io.csvimport.dates import column_day_first  # (only for end dates)

            reference, day_first = self.reference_date(), column_day_first(set(ended[2]))
        if len(given) == 1:  # once per distinct value of that column
            at = given[0]
            history = _each(ended[at], lambda v: self.history_of(
                v if at == 0 else None, v if at == 1 else None, v if at == 2 else None,
                columns, reference, day_first), n)
        elif given:
            keys: list[tuple[str | None, str | None, str | None]] = list(
                zip(*(v or repeat(None, n) for v in ended), strict=True))
            memo = {key: self.history_of(*key, columns, reference, day_first)
                    for key in set(keys)}
            history = list(map(memo.__getitem__, keys))
        has_name_column = bool(self.cols.get("name"))
        # (The names of a trimmed table are single-spaced: its cells have no other spaces,
        # and the parts of a name are joined by one.)
        kinds = {r: None if name is None else placeholder_of(_fold(name)) for r in
                 _maybe_placeholders(names, self.trimmed) if (name := names[r]) is not None
                 or has_name_column}
        placeholders = [r for r, kind in kinds.items() if kind is not None or names[r] is None]
        for r in placeholders:  # row order: the tally keeps the first examples
            name = names[r]
            if name is None:
                add_note(notes, r, "no name: imported as a vacancy")
                self.tally_row((shown, lines[r]), "placeholder", "(empty)")
            elif kinds[r] in WITHHELD_NAMES:  # a filled post, its holder not named
                add_note(notes, r, f"name '{name}': not disclosed, a filled post")
                self.tally_row((shown, lines[r]), "withheld", name)
                names[r] = WITHHELD_NAME
                continue
            elif kinds[r] in ELIMINATED_NAMES:  # an abolished post: see split_history
                if not isinstance(history, list):
                    history = list(history)
                if history[r] is None:
                    history[r] = ELIMINATED_POST
                add_note(notes, r, f"name '{name}': the post was eliminated")
                names[r] = None
            else:
                add_note(notes, r, f"name '{name}' is a placeholder: imported as a vacancy")
                self.tally_row((shown, lines[r]), "placeholder", name)
                names[r] = None
            vacant[r] = True
        return {"vacant": vacant, "assistant": assistant, "roles": roles, "dotted_raw": dotted,
                "history": history}

    @staticmethod
    def history_of(status: str | None, current: str | None, end: str | None,
                   columns: Columns, reference: datetime.date | None = None,
                   day_first: bool | None = None) -> str | None:
        """Why a row is a history row (a status, a current flag, an end date before
        `reference`, today when None: the end date is the last day in effect; `day_first`:
        as dates.column_day_first), or None."""
        folded = _status_word(_fold(status))
        if folded in ENDED_STATUS:
            return f"status '{status}'"
        flag = _fold(current)  # (T and F are true and false here; Inactive is no flag)
        if flag in FALSE_WORDS or flag == "f" or (len(flag) > 2 and flag in ENDED_STATUS):
            return f"{self_header(columns, 'current')} '{current}'"
        if end and folded not in ACTIVE_STATUS:
            from orgviz.io.csvimport.dates import end_is_ahead  # (only for an end date)

            if not end_is_ahead(end, reference or datetime.date.today(), day_first):
                return f"{self_header(columns, 'end_date')} {end}"
        return None


def _status_word(folded: str) -> str:
    """A status as the status words know it: itself, or its first word when it is one of
    them and the status is not (`Terminated - Voluntary`, `Active (leave of absence)`)."""
    if folded in ENDED_STATUS or folded in ACTIVE_STATUS or not folded:
        return folded
    first = _FIRST_WORD.match(folded)
    word = first.group(0) if first else ""  # (a word, not a code: 'I-9 pending' is no 'i')
    return word if len(word) > 2 and (word in ENDED_STATUS or word in ACTIVE_STATUS) else folded


_FIRST_WORD = re.compile(r"[^\W\d_]+")


def self_header(columns: Columns, fld: str) -> str:
    """The header of a field's column (the field name when it has none)."""
    i = columns.get(fld)
    return columns.header[i] if i is not None else fld

