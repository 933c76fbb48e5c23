"""End dates of HR exports: whether a row's end date is still ahead (the row is current: an
end date is the last day in effect, so a row ending on the day of the import is current).

Imported only for a file with an end date column (its patterns are compiled on import).
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable
from functools import lru_cache

from orgviz.io.csvimport.values import EMPTY_WORDS, _fold

#: A year that means "no end" wherever it stands in the cell (SAP and others write
#: 9999-12-31 on current records, 31.12.9999 or 99991231 too).
_OPEN_YEAR = re.compile(r"(?<![0-9])9[0-9]{3}(?![0-9])")
#: A time after a date, with or without a zone (`T00:00:00`, ` 00:00:00.000`, ` 12:00 AM`):
#: after a `T` or a space, a digit. Taken off before the date is read, which is remembered
#: (a column of timestamps repeats its days).
_TIME = re.compile(r"[t ][0-9]{1,2}:[0-9].*")
#: A date of zeros (MySQL's 0000-00-00, 00/00/0000): no date, as an empty cell.
_ZERO_DATE = re.compile(r"0+([-/.]?)0+\1?0+")
#: 2024-06-30, 2024/06/30, 2024.06.30 (year, month, day).
_YEAR_FIRST = re.compile(r"([0-9]{4})([-/.])([0-9]{1,2})\2([0-9]{1,2})")
#: 20240630 (SAP's dates as stored: year, month, day).
_COMPACT = re.compile(r"([0-9]{4})([0-9]{2})([0-9]{2})")
#: 30/06/2024, 06/30/2024, 30-06-2024, 30.06.2024: day and month in either order.
_YEAR_LAST = re.compile(r"([0-9]{1,2})([-/.])([0-9]{1,2})\2([0-9]{4})")
#: 31-Dec-4712 (Oracle's DD-MON-YYYY), 31 Dec 2099, 31 December 2099.
_DAY_MONTH_NAME = re.compile(r"([0-9]{1,2})[- ]([a-z]{3,9})\.?[- ]([0-9]{4})")
#: Dec 31, 2099 and December 31 2099.
_MONTH_NAME_DAY = re.compile(r"([a-z]{3,9})\.? ([0-9]{1,2}),? ([0-9]{4})")
#: An Excel date serial number (days since 1899-12-30), as a CSV saved from a sheet whose
#: date column was formatted as numbers writes it: five digits, 10000 (1927-05-18) to 99999
#: (2173-10-14), a time of day as a fraction. (Fewer digits are no date of this century; six
#: or seven are rather a DDMMYY or YYYYMM date, which is not read.)
_SERIAL = re.compile(r"[0-9]{5}(?:\.[0-9]*)?")
#: Excel's last days as serials, 2900000 (9839-08-09) to 2958465 (9999-12-31): the "no end"
#: of a 9999-12-31 cell formatted as a number.
_LAST_SERIALS = re.compile(r"29[0-5][0-9]{4}(?:\.[0-9]*)?")
_EXCEL_EPOCH = datetime.date(1899, 12, 30)
_MONTHS = {name: n for n, names in enumerate((
    ("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",),
    ("jun", "june"), ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"),
    ("oct", "october"), ("nov", "november"), ("dec", "december")), start=1) for name in names}


def end_is_ahead(end: str, reference: datetime.date, day_first: bool | None = None) -> bool:
    """Whether an end date cell says the row is still in effect on `reference`: a date on or
    after it (the day of the import; an end date is the last day in effect, inclusive, as
    Oracle's EFFECTIVE_END_DATE and a termination date are: a contract that ends next year,
    Oracle's 4712-12-31, a 2099-12-31 sentinel), a year from 9000 on anywhere in the cell
    (SAP's 9999-12-31), or a cell that says "nothing here" (`NULL`, `-`, `n/a`, a date of
    zeros: no end date). A date that reads two ways (06/07/2030: June or July) is read as
    its column's other dates show (`day_first`: `column_day_first`), else it is ahead only
    when both readings are; a cell that is no date this knows (two-digit years among them)
    is not."""
    folded = _fold(end)
    if folded in EMPTY_WORDS:
        return True
    serial = _SERIAL.fullmatch(folded)
    if serial:  # (before the year from 9000: 45000.9375 is a day of 2023 at 22:30)
        return _EXCEL_EPOCH + datetime.timedelta(days=int(float(folded))) >= reference
    if _OPEN_YEAR.search(end) or (_LAST_SERIALS.fullmatch(folded)
                                  and float(folded) < 2958466):
        return True
    readings = _readings(_TIME.sub("", folded, count=1), day_first)
    return bool(readings) and all(day >= reference for day in readings)


def no_date(cell: str | None) -> bool:
    """Whether a date cell says there is no date: empty, a word for nothing (`NULL`, `-`,
    `n/a`), or a date of zeros (`0000-00-00`, with a time or not)."""
    if not cell:
        return True
    folded = _fold(cell)
    return folded in EMPTY_WORDS or bool(_ZERO_DATE.fullmatch(_TIME.sub("", folded, count=1)))


def day_of(cell: str, day_first: bool | None = None) -> datetime.date | None:
    """The day a date cell writes, read as `end_is_ahead` reads it: an Excel serial, a date
    of the forms it knows (`day_first`: as `column_day_first`), `date.max` for a year from
    9000 on (no end); None for a cell that is no date, or one that reads two ways (a cell
    that says there is no date: `no_date`)."""
    folded = _fold(cell)
    if _SERIAL.fullmatch(folded):
        return _EXCEL_EPOCH + datetime.timedelta(days=int(float(folded)))
    if _OPEN_YEAR.search(cell) or (_LAST_SERIALS.fullmatch(folded)
                                   and float(folded) < 2958466):
        return datetime.date.max
    day = _TIME.sub("", folded, count=1)
    readings = [] if _ZERO_DATE.fullmatch(day) else _readings(day, day_first)
    return readings[0] if len(readings) == 1 else None


def column_day_first(ends: Iterable[str | None]) -> bool | None:
    """Whether a column's dates of day and month by number (30/06/2024 or 06/30/2024) put the
    day first (True: one of them has a first number above 12), the month (False: a second
    above 12), or None: none tells, or they disagree."""
    day = month = False
    for end in ends:
        if not end:
            continue
        match = _YEAR_LAST.fullmatch(_TIME.sub("", _fold(end), count=1))
        if match:
            first, second = int(match.group(1)), int(match.group(3))
            day, month = day or first > 12, month or second > 12
    return None if day == month else day


@lru_cache(maxsize=4096)
def _readings(folded: str, day_first: bool | None = None) -> list[datetime.date]:
    """The dates a folded cell without its time may mean: none when it is no date, two for
    a day and a month that may be either (none known first: `day_first`)."""
    if _ZERO_DATE.fullmatch(folded):
        return [datetime.date.max]  # (no date: as an empty cell, never ended)
    match = _YEAR_FIRST.fullmatch(folded)
    if match:
        return _valid(int(match.group(1)), int(match.group(3)), int(match.group(4)))
    match = _COMPACT.fullmatch(folded)
    if match:
        return _valid(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    match = _YEAR_LAST.fullmatch(folded)
    if match:
        first, second, year = int(match.group(1)), int(match.group(3)), int(match.group(4))
        if first == second or day_first is True:
            return _valid(year, second, first)
        if day_first is False:
            return _valid(year, first, second)
        return _valid(year, second, first) + _valid(year, first, second)
    match = _DAY_MONTH_NAME.fullmatch(folded)
    if match and match.group(2) in _MONTHS:
        return _valid(int(match.group(3)), _MONTHS[match.group(2)], int(match.group(1)))
    match = _MONTH_NAME_DAY.fullmatch(folded)
    if match and match.group(1) in _MONTHS:
        return _valid(int(match.group(3)), _MONTHS[match.group(1)], int(match.group(2)))
    return []


def _valid(year: int, month: int, day: int) -> list[datetime.date]:
    """[the date], or [] when there is no such day."""
    try:
        return [datetime.date(year, month, day)]
    except ValueError:
        return []
