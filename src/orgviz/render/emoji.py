"""Where emoji are in a text: the runs a colour emoji font draws (see resvgfonts.prepare).

An emoji here is what a browser draws as a picture by default: a pictograph of the Unicode
planes made for them (U+1F000 to U+1FAFF), one of the older symbols whose default look is
a picture (⌚, ☕, ✨, ⭐ ...), or any symbol, digit, '#' or '*' followed by the emoji
presentation selector U+FE0F. A run goes on through what belongs to the emoji: variation
selectors, skin tones, the keycap mark, tag characters (subdivision flags) and a
zero-width joiner followed by another emoji (👩‍💻). A pictograph followed by the text
presentation selector U+FE0E is text, not a run.
"""

from __future__ import annotations

import unicodedata

#: Code points before U+1F000 whose default look is a picture (Unicode's emoji data:
#: Emoji_Presentation=Yes), as (first, last) ranges.
BMP_PICTURES: tuple[tuple[int, int], ...] = (
    (0x231A, 0x231B), (0x23E9, 0x23EC), (0x23F0, 0x23F0), (0x23F3, 0x23F3),
    (0x25FD, 0x25FE), (0x2614, 0x2615), (0x2648, 0x2653), (0x267F, 0x267F),
    (0x2693, 0x2693), (0x26A1, 0x26A1), (0x26AA, 0x26AB), (0x26BD, 0x26BE),
    (0x26C4, 0x26C5), (0x26CE, 0x26CE), (0x26D4, 0x26D4), (0x26EA, 0x26EA),
    (0x26F2, 0x26F3), (0x26F5, 0x26F5), (0x26FA, 0x26FA), (0x26FD, 0x26FD),
    (0x2705, 0x2705), (0x270A, 0x270B), (0x2728, 0x2728), (0x274C, 0x274C),
    (0x274E, 0x274E), (0x2753, 0x2755), (0x2757, 0x2757), (0x2795, 0x2797),
    (0x27B0, 0x27B0), (0x27BF, 0x27BF), (0x2B1B, 0x2B1C), (0x2B50, 0x2B50),
    (0x2B55, 0x2B55),
)
EMOJI_SELECTOR, TEXT_SELECTOR, JOINER, KEYCAP = "\ufe0f", "\ufe0e", "\u200d", "\u20e3"
_KEYCAP_BASES = frozenset("0123456789#*")


def is_picture(char: str) -> bool:
    """Whether `char` is drawn as a picture by default (without a selector)."""
    point = ord(char)
    if 0x1F000 <= point <= 0x1FAFF:
        return unicodedata.category(char) == "So"
    if not BMP_PICTURES[0][0] <= point <= BMP_PICTURES[-1][1]:  # (CJK, most text: at once)
        return False
    return any(first <= point <= last for first, last in BMP_PICTURES)


def starts_emoji(text: str, at: int) -> bool:
    """Whether an emoji starts at `at`."""
    char, following = text[at], text[at + 1:at + 2]
    if following == TEXT_SELECTOR:
        return False
    if is_picture(char):
        return True
    if following == EMOJI_SELECTOR:
        return char in _KEYCAP_BASES or unicodedata.category(char) in ("So", "Sm")
    return char in _KEYCAP_BASES and following == KEYCAP


def _belongs(text: str, at: int) -> int:
    """How many characters from `at` belong to the emoji before them (0: none)."""
    char = text[at]
    point = ord(char)
    if char in (EMOJI_SELECTOR, KEYCAP) or 0x1F3FB <= point <= 0x1F3FF or \
            0xE0020 <= point <= 0xE007F:
        return 1
    if char == JOINER and at + 1 < len(text) and starts_emoji(text, at + 1):
        return 2
    return 0


def emoji_runs(text: str) -> list[tuple[int, int]]:
    """The [start, stop) spans of the emoji in `text`, neighbours joined into one span."""
    runs: list[tuple[int, int]] = []
    at, size = 0, len(text)
    while at < size:
        if not starts_emoji(text, at):
            at += 1
            continue
        stop = at + 1
        while stop < size:
            more = _belongs(text, stop)
            if not more:
                break
            stop += more
        if runs and runs[-1][1] == at:
            runs[-1] = (runs[-1][0], stop)
        else:
            runs.append((at, stop))
        at = stop
    return runs
