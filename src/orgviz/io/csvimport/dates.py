"""End dates of HR exports: whether a row's end date is still ahead (the row is current).

Imported only for a file with an end date column (its patterns are compiled on import).
"""

from __future__ import annotations

import datetime
import re

from orgviz.io.csvimport.values import EMPTY_WORDS, _fold

#: A year that means "no end" wherever it stands in the cell (SAP and others write
#: 9999-12-31 on current records, 31.12.9999 or 99991231 too).
_OPEN_YEAR = re.compile(r"(?<![0-9])9[0-9]{3}(?![0-9])")
#: What may follow a date: a time, with or without a zone (`T00:00:00`, ` 00:00:00.000`,
#: ` 12:00 AM`): after a `T` or a space, it starts with a digit.
_TIME = r"(?:[t ][0-9].*)?"
#: 2024-06-30, 2024/06/30, 2024.06.30 (year, month, day).
_YEAR_FIRST = re.compile(r"([0-9]{4})([-/.])([0-9]{1,2})\2([0-9]{1,2})" + _TIME)
#: 20240630 (SAP's dates as stored: year, month, day).
_COMPACT = re.compile(r"([0-9]{4})([0-9]{2})([0-9]{2})" + _TIME)
#: 30/06/2024, 06/30/2024, 30-06-2024, 30.06.2024: day and month in either order.
_YEAR_LAST = re.compile(r"([0-9]{1,2})([-/.])([0-9]{1,2})\2([0-9]{4})" + _TIME)
#: 31-Dec-4712 (Oracle's DD-MON-YYYY), 31 Dec 2099, 31 December 2099.
_DAY_MONTH_NAME = re.compile(r"([0-9]{1,2})[- ]([a-z]{3,9})\.?[- ]([0-9]{4})" + _TIME)
#: Dec 31, 2099 and December 31 2099.
_MONTH_NAME_DAY = re.compile(r"([a-z]{3,9})\.? ([0-9]{1,2}),? ([0-9]{4})" + _TIME)
#: An Excel date serial number (days since 1899-12-30), as a CSV saved from a sheet whose
#: date column was formatted as numbers writes it: 10000 (1927-05-18) to 2958465
#: (9999-12-31), a time of day as a fraction. (Smaller numbers are no date of this century.)
_SERIAL = re.compile(r"[0-9]{5,7}(?:\.[0-9]*)?")
_EXCEL_EPOCH = datetime.date(1899, 12, 30)
_LAST_SERIAL = (datetime.date.max - _EXCEL_EPOCH).days
_MONTHS = {name: n for n, names in enumerate((
    ("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",),
    ("jun", "june"), ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"),
    ("oct", "october"), ("nov", "november"), ("dec", "december")), start=1) for name in names}


def end_is_ahead(end: str, reference: datetime.date) -> bool:
    """Whether an end date cell says the row has not ended by `reference`: a date after it
    (the day of the import: a contract that ends next year, Oracle's 4712-12-31, a
    2099-12-31 sentinel), a year from 9000 on anywhere in the cell (SAP's 9999-12-31), or a
    cell that says "nothing here" (`NULL`, `-`, `n/a`: no end date). A date that reads two
    ways (06/07/2030: June or July) is ahead only when both readings are; a cell that is no
    date this knows (two-digit years among them) is not."""
    if _OPEN_YEAR.search(end):
        return True
    folded = _fold(end)
    if folded in EMPTY_WORDS:
        return True
    readings = _readings(folded)
    return bool(readings) and all(day > reference for day in readings)


def _readings(folded: str) -> list[datetime.date]:
    """The dates a folded cell may mean: none when it is no date, two for a day and a month
    that may be either."""
    match = _YEAR_FIRST.fullmatch(folded)
    if match:
        return _valid(int(match.group(1)), int(match.group(3)), int(match.group(4)))
    match = _COMPACT.fullmatch(folded)
    if match:
        return _valid(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    match = _YEAR_LAST.fullmatch(folded)
    if match:
        first, second, year = int(match.group(1)), int(match.group(3)), int(match.group(4))
        if first == second:
            return _valid(year, first, second)
        return _valid(year, second, first) + _valid(year, first, second)
    match = _DAY_MONTH_NAME.fullmatch(folded)
    if match and match.group(2) in _MONTHS:
        return _valid(int(match.group(3)), _MONTHS[match.group(2)], int(match.group(1)))
    match = _MONTH_NAME_DAY.fullmatch(folded)
    if match and match.group(1) in _MONTHS:
        return _valid(int(match.group(3)), _MONTHS[match.group(1)], int(match.group(2)))
    if _SERIAL.fullmatch(folded) and float(folded) < _LAST_SERIAL + 1:
        return [_EXCEL_EPOCH + datetime.timedelta(days=int(float(folded)))]
    return []


def _valid(year: int, month: int, day: int) -> list[datetime.date]:
    """[the date], or [] when there is no such day."""
    try:
        return [datetime.date(year, month, day)]
    except ValueError:
        return []
