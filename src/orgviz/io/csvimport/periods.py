"""Effective-dated rows: of several current rows of one id, the one in effect on the day of
the import, and the rows that take effect later (future-dated), which are set aside.

HR systems that date their records (Oracle's effective dates, SAP's validity periods) export
a row per period of a person: one ending 2025-01-31, the next 4712-12-31 (open). Periods do
not overlap, so on the day of the import the row in effect is the one whose start is on or
before it (with a start date column), else the one that ends first. Rows of one id that
share their dates, or have none, are no such periods (a job share): they stay duplicate ids.

Only a file with an end date column has periods (Oracle's and SAP's exports have both
columns): a start column alone (`Start Date`, which may be a hire date) dates nothing, and
its repeated ids stay duplicate ids. Imported only for a file with an end date column whose
rows repeat an id.
"""

from __future__ import annotations

import datetime
from bisect import bisect_left
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from orgviz.io.csvimport.dates import column_day_first, day_of, no_date
from orgviz.io.csvimport.records import Record
from orgviz.io.csvimport.state import Periods


@dataclass(frozen=True)
class FutureRow:
    """A row set aside because it takes effect after the row of its id in effect."""

    record: Record
    current: Record  # the row imported for the id
    when: str  # "effective from 2025-02-01", "effective after 2025-01-31"
    first: bool  # the current row is not in effect yet either: it takes effect first


class _Undecided(Exception):
    """The dates of an id's rows do not tell which one is current (one is no date)."""


#: A row's day of one date column: a date, or None for a cell that says no date.
_DayOf = Callable[[Record], "datetime.date | None"]


def future_rows(records: Sequence[Record], periods: Periods, day: datetime.date
                ) -> list[FutureRow]:
    """The future-dated rows of the ids that several records of the people file hold (ids
    read from an id column), with the current row of each, in the order of the rows."""
    counts = Counter(r.id for r in records if r.file == periods.file and not r.generated)
    groups: dict[str, list[Record]] = {}
    for record in records:
        if counts.get(record.id, 0) > 1 and record.file == periods.file \
                and not record.generated:
            groups.setdefault(record.id, []).append(record)
    if not groups:
        return []
    ends = _day_reader(periods, periods.ends)
    starts = _day_reader(periods, periods.starts)
    found: list[FutureRow] = []
    for group in groups.values():
        try:
            found += _future_of(group, starts, ends, day)
        except _Undecided:
            continue
    found.sort(key=lambda future: future.record.line)
    return found


def _future_of(group: list[Record], starts: _DayOf | None, ends: _DayOf | None,
               day: datetime.date) -> list[FutureRow]:
    """The future rows of an id's rows: by their start dates when they all have one, else
    by their end dates when they all have one, else none."""
    for rule, day_of_row in ((_by_start, starts), (_by_end, ends)):
        days = None if day_of_row is None else _days(group, day_of_row)
        if days is not None:
            return rule(group, days, day)
    return []


def _days(group: list[Record], day_of_row: _DayOf) -> list[datetime.date] | None:
    """The day of each row in a date column, or None when a row's cell says no date."""
    days = [d for d in map(day_of_row, group) if d is not None]
    return days if len(days) == len(group) else None


def _day_reader(periods: Periods, cells: Sequence[str | None] | None) -> _DayOf | None:
    """The day of a row in one date column (None: a cell that says no date); _Undecided
    for a cell that is no date this reads. None without the column."""
    if cells is None:
        return None
    lines = periods.lines
    day_first = column_day_first(set(cells))

    def read(record: Record) -> datetime.date | None:
        at = bisect_left(lines, record.line)  # (rows in the order of their lines)
        cell = cells[at] if at < len(lines) and lines[at] == record.line else None
        if cell is None or no_date(cell):
            return None
        found = day_of(cell, day_first)
        if found is None:
            raise _Undecided
        return found

    return read


def _by_start(group: list[Record], starts: list[datetime.date], day: datetime.date
              ) -> list[FutureRow]:
    """The future rows of an id's rows by their start dates: those starting after the day,
    when one row has started (periods do not overlap: two started rows are concurrent, a job
    share), or, when none has, all but the one that starts first."""
    begun = [r for r, start in zip(group, starts, strict=True) if start <= day]
    later = [(r, start) for r, start in zip(group, starts, strict=True) if start > day]
    if not later or len(begun) > 1:
        return []
    first = not begun
    if first:
        earliest = min(start for _r, start in later)
        begun = [r for r, start in later if start == earliest]
        if len(begun) > 1:
            return []
        later = [(r, start) for r, start in later if r is not begun[0]]
    return [FutureRow(r, begun[0], f"effective from {start.isoformat()}", first)
            for r, start in later]


def _by_end(group: list[Record], ends: list[datetime.date], day: datetime.date
            ) -> list[FutureRow]:
    """The future rows of an id's rows by their end dates: of those ending on or after the
    day, those ending after the one that ends first (when one row alone ends first: rows of
    one end date are a job share)."""
    ahead = [(r, end) for r, end in zip(group, ends, strict=True) if end >= day]
    if len(ahead) < 2:
        return []
    earliest = min(end for _r, end in ahead)
    current = [r for r, end in ahead if end == earliest]
    if len(current) > 1:
        return []
    return [FutureRow(r, current[0], f"effective after {earliest.isoformat()}", False)
            for r, end in ahead if end > earliest]
