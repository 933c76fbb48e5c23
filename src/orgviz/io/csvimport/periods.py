"""Effective-dated rows: the rows that take effect after the day of the import
(future-dated), which are set aside, and of several current rows of one id the one in effect.

HR systems that date their records (Oracle's effective dates, SAP's validity periods) export
a row per period of a person: one ending 2025-01-31, the next 4712-12-31 (open). The import is
a snapshot of the org on its day (`--as-of`): a row whose start is after it is never the row
imported (`starts_after`: a future hire, a next period, the period after a gap), as a row
ended before it is history. Of the rows left, periods do not overlap, so with end dates alone
the row in effect is the one that ends first. Rows of one id that share their dates, have
none, or have all started, are no such periods (a job share): they stay duplicate ids.

Only a file with an end date column has periods (Oracle's and SAP's exports have both
columns): a start column alone dates nothing, and its repeated ids stay duplicate ids; nor
is a plain `Start Date` beside an end that may end an employment (`Termination Date`) a
period's start: a hire date, not imported, unless a hire date column is beside it
(`columns.period_start`). Imported only for a file
with an end date column.
"""

from __future__ import annotations

import datetime
from bisect import bisect_left
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
    when: str  # "effective after 2025-01-31"


class _Undecided(Exception):
    """The dates of an id's rows do not tell which one is current (one is no date)."""


#: A row's day of one date column: a date, or None for a cell that says no date.
_DayOf = Callable[[Record], "datetime.date | None"]


def future_rows(records: Sequence[Record], periods: Periods, day: datetime.date
                ) -> list[FutureRow]:
    """The future-dated rows of the ids that several records of the people file hold (ids
    read from an id column), with the current row of each, in the order of the rows."""
    by_id: dict[str, list[Record]] = {}
    for record in records:
        if record.file == periods.file and not record.generated:
            by_id.setdefault(record.id, []).append(record)
    groups = [group for group in by_id.values() if len(group) > 1]
    if not groups:
        return []
    ends = _day_reader(periods, periods.ends)
    starts = _day_reader(periods, periods.starts)
    found: list[FutureRow] = []
    for group in groups:
        try:
            found += _future_of(group, starts, ends, day)
        except _Undecided:
            continue
    found.sort(key=lambda future: future.record.line)
    return found


def _future_of(group: list[Record], starts: _DayOf | None, ends: _DayOf | None,
               day: datetime.date) -> list[FutureRow]:
    """The future rows of an id's rows by their end dates when they all have one; none when
    they all have a start (those starting after the day are set aside already: rows that
    have all started are concurrent, a job share)."""
    if starts is not None and _days(group, starts) is not None:
        return []
    days = None if ends is None else _days(group, ends)
    return [] if days is None else _by_end(group, days, day)


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
    return [FutureRow(r, current[0], f"effective after {earliest.isoformat()}")
            for r, end in ahead if end > earliest]


def starts_after(starts: Sequence[str | None], day: datetime.date
                 ) -> list[tuple[int, datetime.date]]:
    """(row, start) of the rows whose start cell is a date after the day (a cell that is no
    date, or reads two ways, starts nothing: its row is not set aside)."""
    day_first = column_day_first(set(starts))
    found: list[tuple[int, datetime.date]] = []
    for r, cell in enumerate(starts):
        if cell is None or no_date(cell):
            continue
        start = day_of(cell, day_first)
        if start is not None and start > day:
            found.append((r, start))
    return found
