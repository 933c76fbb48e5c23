"""Full-time equivalents: the `fte` of a position, read from text and written back."""

from __future__ import annotations

import math
import re
from collections.abc import Iterable

#: A number of full-time equivalents as files and exports write it: 1, 0.6, 12.5, .5
_FTE_TEXT = re.compile(r"(?:[0-9]{1,9}(?:\.[0-9]{0,9})?|\.[0-9]{1,9})")  # (ASCII digits)
#: The most a position (a card of grouped posts included) can stand for.
MAX_FTE = 100_000
#: What a message about a value that is no FTE advises.
FTE_HINT = "a number of full-time equivalents such as 1, 0.6 or 12.5"


def parse_fte(text: str) -> float | None:
    """The FTE a text gives (a decimal number from 0 to MAX_FTE), or None when it is none."""
    if not _FTE_TEXT.fullmatch(text):
        return None
    value = float(text)
    return value if value <= MAX_FTE else None


#: The most decimals an FTE has in org files (what `parse_fte` reads; `fte_text` writes).
FTE_DECIMALS = 9
#: A decimal number with more decimals than that (`rounded_fte`).
_LONG_FTE_TEXT = re.compile(r"[0-9]{0,9}\.[0-9]{10,}")  # (ASCII digits)


def rounded_fte(text: str) -> float | None:
    """The FTE of a decimal number with more than FTE_DECIMALS decimals (Excel's =1/3 saved
    as 0.3333333333333333), rounded half up to FTE_DECIMALS as an org file can hold it;
    None for another text, or a number over MAX_FTE."""
    if not _LONG_FTE_TEXT.fullmatch(text):
        return None
    from decimal import ROUND_HALF_UP, Decimal  # (only for such a text: not at every start)

    value = float(Decimal(text).quantize(Decimal(1).scaleb(-FTE_DECIMALS), ROUND_HALF_UP))
    return value if value <= MAX_FTE else None


def rounding_changes(text: str) -> bool:
    """Whether `rounded_fte` changes the number a text writes (it has more than FTE_DECIMALS
    decimals that are not all zeros)."""
    return len(text.rstrip("0").partition(".")[2]) > FTE_DECIMALS


#: A decimal number without a sign (ASCII digits): 1, 0.5, 3., .5.
_DECIMAL = r"(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)"
#: An exponent of at most 8 digits past its leading zeros (what `decimal` reads on any
#: platform; it reads leading zeros: 1E-000000001 is 1E-1).
_EXPONENT = r"[eE][+-]?0*[0-9]{1,8}"
#: A number in exponent form, as Excel's General format writes a very small or large one
#: and a float's repr some: 1E-10, 5E-01, 1e0, 2.5E+00 (no sign: a negative FTE is out of
#: range; no inf, nan, 1_0 or hex). A pattern `re` compiles at its first use (only a cell
#: parse_fte refuses is looked at: none at an import of decimal FTEs).
_EXPONENT_FTE = _DECIMAL + _EXPONENT


#: A number in exponent form, its exponent of any length: the number's sign, its digits,
#: the exponent's sign, and its digits past leading zeros (`_long_exponent`; those start
#: with a digit that is not 0, or are "0": `0*([0-9]+)` tried each split of a run of zeros
#: that ends in a character of no number, 1e000...0x, a step a zero).
_ANY_EXPONENT = rf"([+-]?)({_DECIMAL})[eE]([+-]?)0*(0|[1-9][0-9]*)"
#: The most digits a number with a long exponent may have for `_long_exponent` to tell it
#: over MAX_FTE or below 1E-10 without reading it (an exponent of 9 digits or more moves
#: the point by 100,000,000 places or more; an import cuts a cell to 500 characters, a
#: direct caller may pass any text).
_LONG_EXPONENT_DIGITS = 1_000_000


def _long_exponent(text: str) -> tuple[str, str, str] | None:
    """The number's sign, digits and exponent's sign of a number whose exponent is written
    with more than 8 digits past its leading zeros (`_ANY_EXPONENT`: 100,000,000 or more,
    which is not read), or None for another text."""
    if len(text) < 11 or "e" not in text.lower():
        return None
    match = re.fullmatch(_ANY_EXPONENT, text)
    if match is None or len(match.group(4)) <= 8 or \
            len(match.group(2)) > _LONG_EXPONENT_DIGITS:
        return None
    sign, digits, exp_sign, _exp = match.groups()
    return sign, digits, exp_sign


def exponent_fte(text: str) -> tuple[float, bool] | None:
    """The FTE of a number in exponent form (`1E-10`, `2.5E+00`) rounded half up to
    FTE_DECIMALS as `rounded_fte` rounds, and whether rounding changed it; None for another
    text, or a number over MAX_FTE. An exponent of more than 8 digits (past its leading
    zeros) is not read: `1E-99999999999` is 0, rounded (not 0 itself), `1E99999999999`
    over MAX_FTE."""
    long = _long_exponent(text)
    if long is not None:
        sign, digits, exp_sign = long
        if sign:  # (no sign, as _EXPONENT_FTE: a negative FTE is out of range)
            return None
        if not digits.strip("0."):  # (0E99999999999 is 0)
            return 0.0, False
        return (0.0, True) if exp_sign == "-" else None
    if not re.fullmatch(_EXPONENT_FTE, text):
        return None
    from decimal import ROUND_HALF_UP, Decimal  # (only for such a text: not at every start)

    exact = Decimal(text)
    if exact > MAX_FTE:
        return None
    if exact.adjusted() < -FTE_DECIMALS - 1:  # (below 1E-10: 0, however small it is)
        return 0.0, bool(exact)
    rounded = exact.quantize(Decimal(1).scaleb(-FTE_DECIMALS), ROUND_HALF_UP)
    return float(rounded), rounded != exact


def fte_rounded(text: str) -> tuple[float, bool] | None:
    """The FTE of a text `parse_fte` refuses that is a number all the same, of more than
    FTE_DECIMALS decimals (`rounded_fte`) or in exponent form (`exponent_fte`), and whether
    rounding changed it; None for another text, or a number over MAX_FTE."""
    fte = rounded_fte(text)
    if fte is not None:
        return fte, rounding_changes(text)
    return exponent_fte(text)


#: A signed number, decimal or in exponent form: what `fte_fault` calls out of range when
#: refused.
_SIGNED_NUMBER = re.compile(rf"[+-]?{_DECIMAL}(?:{_EXPONENT})?")
#: The FTEs a position may have, as messages say it.
FTE_RANGE = f"0 to {MAX_FTE:,}"


def out_of_range(text: str) -> bool:
    """Whether a text is a number (decimal, or in exponent form) below 0 or over MAX_FTE."""
    long = _long_exponent(text)
    if long is not None:  # (not read: over MAX_FTE, or below 1E-10, unless it is 0)
        sign, digits, exp_sign = long
        return bool(digits.strip("0.")) and (sign == "-" or exp_sign != "-")
    if not _SIGNED_NUMBER.fullmatch(text):
        return False
    from decimal import Decimal  # (-1E-400 is below 0, where its float is -0.0)

    return not 0 <= Decimal(text) <= MAX_FTE


def fte_fault(text: str) -> str:
    """Why `parse_fte` refuses a text: 'is out of range (0 to 100,000)' for a number below 0
    or over MAX_FTE, else 'is not a number of full-time equivalents such as ...'."""
    return f"is out of range ({FTE_RANGE})" if out_of_range(text) else f"is not {FTE_HINT}"


def fte_text(value: float) -> str:
    """An FTE as written in org files, exports and messages: `1`, `0.6`, `12.5`."""
    if value == int(value):
        return str(int(value))
    return f"{value:.9f}".rstrip("0")  # (never an exponent: 0.00001, not 1e-05)


def titled(title: str, fte: float | None) -> str:
    """A title as cards, notes and exports show it: with the FTE of a position that is not
    one full-time post ("Economist (2.5 FTE)", or "2.5 FTE" without a title)."""
    if fte is None or fte == 1:
        return title
    return f"{title} ({fte_text(fte)} FTE)" if title else f"{fte_text(fte)} FTE"


def total_text(value: float) -> str:
    """An FTE total as tables and notes show it: `1,234.5`, at most two decimals."""
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def total_fte(values: Iterable[float]) -> float:
    """The sum of some FTEs, without the binary fractions' noise (0.1 + 0.2 is 0.3), to the
    FTE_DECIMALS decimals org files write (a sum of them has no more: 0.333333333 stays)."""
    return round(math.fsum(values), FTE_DECIMALS)
