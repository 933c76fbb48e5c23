"""Where emoji are in a text: the runs a colour emoji font draws (see resvgfonts.prepare).

An emoji here is what a browser draws as a picture by default (Unicode's Emoji_Presentation:
🚀, ⌚, ☕, ✨, not the playing cards or Mahjong tiles of the same planes), or an emoji whose
default look is text (❤, ™, a digit, '#', '*') followed by the emoji presentation selector
U+FE0F (or, ☝🏽, by a skin tone). A run goes on through what belongs to the emoji: variation
selectors, skin tones, the keycap mark, tag characters (subdivision flags) and a
zero-width joiner followed by another emoji (👩‍💻). A pictograph followed by the text
presentation selector U+FE0E is text, not a run.

A PNG draws a text's emoji sequences whole (👩‍💻, 🇬🇧, 👍🏽, 1️⃣) where resvgfonts can have the
emoji font draw them (resvgfonts.whole_in_emoji_font: `emoji_sequences`, `joined`);
`separated` writes them apart where it cannot (letters a font draws joined, لا क्ष, a line
drawn in two fonts), as resvg's fallback can draw them in a text that also has letters
(see resvgfonts.prepare).
"""

from __future__ import annotations

from bisect import bisect_right

#: Code points whose default look is a picture (Unicode's emoji data, emoji-data.txt of
#: Unicode 17: Emoji_Presentation=Yes), as (first, last) ranges. Written out here (checked
#: against the `regex` module's data by tests/render/test_emoji.py where it is installed):
#: neither `unicodedata` (no emoji properties) nor a dependency is needed to measure a card.
PICTURES: tuple[tuple[int, int], ...] = (
    (0x231A, 0x231B), (0x23E9, 0x23EC), (0x23F0, 0x23F0), (0x23F3, 0x23F3), (0x25FD, 0x25FE),
    (0x2614, 0x2615), (0x2648, 0x2653), (0x267F, 0x267F), (0x2693, 0x2693), (0x26A1, 0x26A1),
    (0x26AA, 0x26AB), (0x26BD, 0x26BE), (0x26C4, 0x26C5), (0x26CE, 0x26CE), (0x26D4, 0x26D4),
    (0x26EA, 0x26EA), (0x26F2, 0x26F3), (0x26F5, 0x26F5), (0x26FA, 0x26FA), (0x26FD, 0x26FD),
    (0x2705, 0x2705), (0x270A, 0x270B), (0x2728, 0x2728), (0x274C, 0x274C), (0x274E, 0x274E),
    (0x2753, 0x2755), (0x2757, 0x2757), (0x2795, 0x2797), (0x27B0, 0x27B0), (0x27BF, 0x27BF),
    (0x2B1B, 0x2B1C), (0x2B50, 0x2B50), (0x2B55, 0x2B55), (0x1F004, 0x1F004),
    (0x1F0CF, 0x1F0CF), (0x1F18E, 0x1F18E), (0x1F191, 0x1F19A), (0x1F1E6, 0x1F1FF),
    (0x1F201, 0x1F201), (0x1F21A, 0x1F21A), (0x1F22F, 0x1F22F), (0x1F232, 0x1F236),
    (0x1F238, 0x1F23A), (0x1F250, 0x1F251), (0x1F300, 0x1F320), (0x1F32D, 0x1F335),
    (0x1F337, 0x1F37C), (0x1F37E, 0x1F393), (0x1F3A0, 0x1F3CA), (0x1F3CF, 0x1F3D3),
    (0x1F3E0, 0x1F3F0), (0x1F3F4, 0x1F3F4), (0x1F3F8, 0x1F43E), (0x1F440, 0x1F440),
    (0x1F442, 0x1F4FC), (0x1F4FF, 0x1F53D), (0x1F54B, 0x1F54E), (0x1F550, 0x1F567),
    (0x1F57A, 0x1F57A), (0x1F595, 0x1F596), (0x1F5A4, 0x1F5A4), (0x1F5FB, 0x1F64F),
    (0x1F680, 0x1F6C5), (0x1F6CC, 0x1F6CC), (0x1F6D0, 0x1F6D2), (0x1F6D5, 0x1F6D8),
    (0x1F6DC, 0x1F6DF), (0x1F6EB, 0x1F6EC), (0x1F6F4, 0x1F6FC), (0x1F7E0, 0x1F7EB),
    (0x1F7F0, 0x1F7F0), (0x1F90C, 0x1F93A), (0x1F93C, 0x1F945), (0x1F947, 0x1F9FF),
    (0x1FA70, 0x1FA7C), (0x1FA80, 0x1FA8A), (0x1FA8E, 0x1FAC6), (0x1FAC8, 0x1FAC8),
    (0x1FACD, 0x1FADC), (0x1FADF, 0x1FAEA), (0x1FAEF, 0x1FAF8),
)
#: Code points past ASCII that are emoji drawn as text by default (Emoji=Yes,
#: Emoji_Presentation=No): U+FE0F after one asks for its picture (❤️, ✔️, ™️).
TEXT_EMOJI: tuple[tuple[int, int], ...] = (
    (0x00A9, 0x00A9), (0x00AE, 0x00AE), (0x203C, 0x203C), (0x2049, 0x2049), (0x2122, 0x2122),
    (0x2139, 0x2139), (0x2194, 0x2199), (0x21A9, 0x21AA), (0x2328, 0x2328), (0x23CF, 0x23CF),
    (0x23ED, 0x23EF), (0x23F1, 0x23F2), (0x23F8, 0x23FA), (0x24C2, 0x24C2), (0x25AA, 0x25AB),
    (0x25B6, 0x25B6), (0x25C0, 0x25C0), (0x25FB, 0x25FC), (0x2600, 0x2604), (0x260E, 0x260E),
    (0x2611, 0x2611), (0x2618, 0x2618), (0x261D, 0x261D), (0x2620, 0x2620), (0x2622, 0x2623),
    (0x2626, 0x2626), (0x262A, 0x262A), (0x262E, 0x262F), (0x2638, 0x263A), (0x2640, 0x2640),
    (0x2642, 0x2642), (0x265F, 0x2660), (0x2663, 0x2663), (0x2665, 0x2666), (0x2668, 0x2668),
    (0x267B, 0x267B), (0x267E, 0x267E), (0x2692, 0x2692), (0x2694, 0x2697), (0x2699, 0x2699),
    (0x269B, 0x269C), (0x26A0, 0x26A0), (0x26A7, 0x26A7), (0x26B0, 0x26B1), (0x26C8, 0x26C8),
    (0x26CF, 0x26CF), (0x26D1, 0x26D1), (0x26D3, 0x26D3), (0x26E9, 0x26E9), (0x26F0, 0x26F1),
    (0x26F4, 0x26F4), (0x26F7, 0x26F9), (0x2702, 0x2702), (0x2708, 0x2709), (0x270C, 0x270D),
    (0x270F, 0x270F), (0x2712, 0x2712), (0x2714, 0x2714), (0x2716, 0x2716), (0x271D, 0x271D),
    (0x2721, 0x2721), (0x2733, 0x2734), (0x2744, 0x2744), (0x2747, 0x2747), (0x2763, 0x2764),
    (0x27A1, 0x27A1), (0x2934, 0x2935), (0x2B05, 0x2B07), (0x3030, 0x3030), (0x303D, 0x303D),
    (0x3297, 0x3297), (0x3299, 0x3299), (0x1F170, 0x1F171), (0x1F17E, 0x1F17F),
    (0x1F202, 0x1F202), (0x1F237, 0x1F237), (0x1F321, 0x1F321), (0x1F324, 0x1F32C),
    (0x1F336, 0x1F336), (0x1F37D, 0x1F37D), (0x1F396, 0x1F397), (0x1F399, 0x1F39B),
    (0x1F39E, 0x1F39F), (0x1F3CB, 0x1F3CE), (0x1F3D4, 0x1F3DF), (0x1F3F3, 0x1F3F3),
    (0x1F3F5, 0x1F3F5), (0x1F3F7, 0x1F3F7), (0x1F43F, 0x1F43F), (0x1F441, 0x1F441),
    (0x1F4FD, 0x1F4FD), (0x1F549, 0x1F54A), (0x1F56F, 0x1F570), (0x1F573, 0x1F579),
    (0x1F587, 0x1F587), (0x1F58A, 0x1F58D), (0x1F590, 0x1F590), (0x1F5A5, 0x1F5A5),
    (0x1F5A8, 0x1F5A8), (0x1F5B1, 0x1F5B2), (0x1F5BC, 0x1F5BC), (0x1F5C2, 0x1F5C4),
    (0x1F5D1, 0x1F5D3), (0x1F5DC, 0x1F5DE), (0x1F5E1, 0x1F5E1), (0x1F5E3, 0x1F5E3),
    (0x1F5E8, 0x1F5E8), (0x1F5EF, 0x1F5EF), (0x1F5F3, 0x1F5F3), (0x1F5FA, 0x1F5FA),
    (0x1F6CB, 0x1F6CB), (0x1F6CD, 0x1F6CF), (0x1F6E0, 0x1F6E5), (0x1F6E9, 0x1F6E9),
    (0x1F6F0, 0x1F6F0), (0x1F6F3, 0x1F6F3),
)
#: The emoji of TEXT_EMOJI that the chart's fonts have as text glyphs (Liberation Sans and
#: Arial, regular and bold: the WGL4 symbols), with their widths there (labels measures them
#: so), regular or bold (the wider; Arial's are the same), in 1/1000 em. resvg draws them,
#: U+FE0F or not, with the chart's font, as text: a colour emoji font is only a fallback for
#: what that font lacks.
CHART_FONT_EMOJI_WIDTHS: dict[str, int] = {
    "\u00a9": 737, "\u00ae": 737, "\u203c": 604, "\u2122": 1000, "\u2194": 1000,
    "\u2195": 500, "\u25aa": 354, "\u25ab": 354, "\u263a": 1021, "\u2640": 750,
    "\u2642": 750, "\u2660": 531, "\u2663": 656, "\u2665": 594, "\u2666": 510}
#: Those emoji (the keys of CHART_FONT_EMOJI_WIDTHS).
CHART_FONT_EMOJI = frozenset(CHART_FONT_EMOJI_WIDTHS)
EMOJI_SELECTOR, TEXT_SELECTOR, JOINER, KEYCAP = "\ufe0f", "\ufe0e", "\u200d", "\u20e3"
#: The zero-width non-joiner: between two emoji, it keeps a font from drawing them as one.
NON_JOINER = "\u200c"
_KEYCAP_BASES = frozenset("0123456789#*")
_PICTURE_STARTS = tuple(first for first, _ in PICTURES)
_TEXT_EMOJI_STARTS = tuple(first for first, _ in TEXT_EMOJI)


def _within(point: int, starts: tuple[int, ...], spans: tuple[tuple[int, int], ...]) -> bool:
    at = bisect_right(starts, point) - 1
    return at >= 0 and point <= spans[at][1]


def is_picture(char: str) -> bool:
    """Whether `char` is drawn as a picture by default (without a selector): Emoji_Presentation.
    Not the other symbols of the emoji planes (Mahjong and domino tiles, playing cards, 🄰,
    the geometric shapes extended): fonts draw those as text."""
    point = ord(char)
    if point < 0x231A:  # (ASCII, Latin, most text: at once)
        return False
    return _within(point, _PICTURE_STARTS, PICTURES)


def is_text_emoji(char: str) -> bool:
    """Whether `char` is an emoji drawn as text by default, which U+FE0F makes a picture:
    one of TEXT_EMOJI, a digit, '#' or '*'."""
    point = ord(char)
    if point < 0x80:
        return char in _KEYCAP_BASES
    return _within(point, _TEXT_EMOJI_STARTS, TEXT_EMOJI)


def starts_emoji(text: str, at: int) -> bool:
    """Whether an emoji starts at `at`."""
    char, following = text[at], text[at + 1:at + 2]
    if following == TEXT_SELECTOR:
        return False
    if is_picture(char):
        return True
    if following == EMOJI_SELECTOR:
        return is_text_emoji(char)
    if following and _modifier(following):
        return _takes_tone(char)  # (☝🏽: a skin tone makes an emoji of a text one too)
    return char in _KEYCAP_BASES and following == KEYCAP


def drawn_as_picture(text: str, at: int) -> bool:
    """Whether an emoji starts at `at` that a PNG draws as a picture: not a symbol the chart's
    fonts have (CHART_FONT_EMOJI, '#', '*', a digit) made one by U+FE0F alone (™️, #️),
    which resvg draws with the chart's font, as text (a keycap, 1️⃣, is a picture)."""
    if not starts_emoji(text, at):
        return False
    char = text[at]
    if char in CHART_FONT_EMOJI or char in _KEYCAP_BASES:
        return text[at + 2:at + 3] == KEYCAP
    return True


def _drawn_by_emoji_font(char: str) -> bool:
    """Whether a colour emoji font (Noto Color Emoji, Apple Color Emoji) has `char`: the
    emoji, the space, digits, '#', '*' and what joins emoji, or it draws nothing."""
    return (char in " #*" or "0" <= char <= "9" or is_picture(char) or is_text_emoji(char)
            or char in (EMOJI_SELECTOR, TEXT_SELECTOR, JOINER, KEYCAP) or _tag(char))


#: How a PNG writes a space between the emoji of a text the colour emoji font draws all of
#: (`all_emoji_font`): the four-per-em space. That font's own space is as wide as an emoji
#: (👩‍💻 🚀 had a gap an emoji wide); a font that lacks U+2005 draws it as its space made a
#: quarter of an em wide (HarfBuzz's, and resvg's rustybuzz's, fallback for the spaces of
#: U+2000 to U+200A), in the chart's font about a space (0.278 em).
NARROW_SPACE = "\u2005"
#: Its width, in 1/1000 em.
NARROW_SPACE_WIDTH = 250


def narrowed(text: str) -> str:
    """`text` with each space between its first and last character written as NARROW_SPACE
    (a space at either end is XML white space, which resvg drops)."""
    inner = text.strip(" ")
    if " " not in inner:
        return text
    start = text.index(inner)
    return text[:start] + inner.replace(" ", NARROW_SPACE) + text[start + len(inner):]


def all_emoji_font(text: str) -> bool:
    """Whether a PNG draws all of `text` with the colour emoji font, spaces and digits too:
    the chart's font lacks a character of it (a picture, or an emoji such as ❤ that is not
    one of CHART_FONT_EMOJI), and the emoji font has every one. resvg then takes the whole
    text from that font (its fallback for a text takes all of it from the font that has
    all of it): a space is as wide as an emoji there (Noto Color Emoji: 1.245 em)."""
    if text.isascii() or not all(map(_drawn_by_emoji_font, text)):
        return False
    return any(is_picture(char) or (ord(char) > 0x7F and is_text_emoji(char)
                                    and char not in CHART_FONT_EMOJI) for char in text)


def _belongs(text: str, at: int) -> int:
    """How many characters from `at` belong to the emoji before them (0: none)."""
    char = text[at]
    if char in (EMOJI_SELECTOR, KEYCAP) or _modifier(char) or _tag(char):
        return 1
    if char == JOINER and at + 1 < len(text) and starts_emoji(text, at + 1):
        return 2
    return 0


def emoji_sequences(text: str) -> list[tuple[int, int]]:
    """The [start, stop) spans of each emoji of `text` with what belongs to it (its selector,
    skin tone, keycap mark, tags, and the emoji it is joined to by ZWJ: 👩‍💻 is one span; a
    flag's two letters are two)."""
    spans: list[tuple[int, int]] = []
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
        spans.append((at, stop))
        at = stop
    return spans


def emoji_runs(text: str) -> list[tuple[int, int]]:
    """The [start, stop) spans of the emoji in `text`, neighbours joined into one span."""
    runs: list[tuple[int, int]] = []
    for start, stop in emoji_sequences(text):
        if runs and runs[-1][1] == start:
            runs[-1] = (runs[-1][0], stop)
        else:
            runs.append((start, stop))
    return runs


def joined(text: str) -> list[int]:
    """Where in `text` an emoji is that a colour emoji font draws as one picture with the
    emoji before it, in order: after a zero-width joiner (👩‍💻's 💻) and the second letter of
    a flag (🇬🇧's 🇧; regional indicators pair from the first of a row of them)."""
    found = [at for start, stop in emoji_sequences(text) for at in range(start + 1, stop)
             if text[at - 1] == JOINER and starts_emoji(text, at)]
    starts = False  # the character before is a regional indicator that starts a flag
    for at, char in enumerate(text):
        if is_regional(char) and starts:
            found.append(at)
        starts = is_regional(char) and not starts
    return sorted(found)


def _tag(char: str) -> bool:
    """Whether `char` is a tag character (U+E0020 to U+E007F: a subdivision flag's letters)."""
    return 0xE0020 <= ord(char) <= 0xE007F


def _modifier(char: str) -> bool:
    """Whether `char` is a skin tone (an emoji modifier, U+1F3FB to U+1F3FF)."""
    return 0x1F3FB <= ord(char) <= 0x1F3FF


def is_regional(char: str) -> bool:
    """Whether `char` is a regional indicator (two make a flag, 🇩🇪)."""
    return 0x1F1E6 <= ord(char) <= 0x1F1FF


def separated(text: str) -> str:
    """`text` with each emoji sequence written as the emoji it is made of, each drawn on its
    own: what resvg 0.48's font fallback can draw in a text that also has letters, where
    resvgfonts cannot have the emoji font draw the sequences whole (see
    resvgfonts.whole_in_emoji_font: a text with letters that fonts draw joined, لا, क्ष, a
    mark; a line drawn in two fonts; one whose family has all of its characters, emoji too,
    ❤️ in DejaVu Sans; a <text> holding a <tspan>).

    That fallback (usvg's shape_text) shapes the whole text again with the emoji font and
    takes its glyphs by index only when it gives as many glyphs as the text's own font:
    a sequence the emoji font draws as one picture (👍🏽, 👩‍💻, 🇩🇪, 1️⃣, and ❤️ where the selector
    is a glyph of its own in one font and not in the other) makes the counts differ, and the
    text's emoji are all drawn as boxes (linebender/resvg#861). Written apart, every emoji is
    one glyph in both fonts. What is drawn is what Unicode's emoji standard (UTS #51)
    recommends showing where a sequence is not supported:

    - a skin tone after its emoji is left out (👍🏽 as 👍). UTS #51 would show it as a swatch
      after the emoji, which the emoji font draws as a flat colour square: on a card it
      reads as the very box this avoids (the SVG keeps the skin tone);
    - a ZWJ sequence as its emoji side by side (👩‍💻 as 👩💻, 🏳️‍🌈 as 🏳🌈): the joiner becomes
      a non-joiner;
    - a flag as its two regional indicator letters (🇩🇪 as the emoji font's D and E): a
      non-joiner between them; a subdivision flag (Scotland's) as its black flag 🏴, its tag
      characters left out;
    - a keycap as its digit, '#' or '*', as text (1️⃣ as 1): the keycap mark is left out;
    - the emoji selector U+FE0F is left out (❤️ is drawn as ❤, which the chart's font lacks,
      so the emoji font draws it, in colour; ™️ as ™, as before).

    Only skin tones and characters that join or select are removed or added, never a letter
    or another emoji, and the result is its own `separated` (a non-joiner ends an emoji
    run). Text without emoji is returned as it is.
    """
    runs = emoji_runs(text)
    if not runs:
        return text
    parts: list[str] = []
    last = 0
    for start, stop in runs:
        parts.append(text[last:start])
        previous = ""  # the emoji character last written of this run
        for char in text[start:stop]:
            if char in (EMOJI_SELECTOR, KEYCAP) or _tag(char):
                continue
            if char == JOINER:
                parts.append(NON_JOINER)
                previous = ""
                continue
            if previous and _modifier(char) and _takes_tone(previous):
                continue
            if previous and is_regional(char) and is_regional(previous):
                parts.append(NON_JOINER)
            parts.append(char)
            previous = char
        last = stop
    parts.append(text[last:])
    return "".join(parts)


def toned(text: str, at: int) -> bool:
    """Whether `text[at]` is a skin tone right after the emoji it belongs to (👍🏽, ☝🏽): drawn
    as part of that emoji, or left out (see `separated`), so it adds no width. A skin tone
    alone is drawn as a swatch."""
    return _modifier(text[at]) and at > 0 and _takes_tone(text[at - 1])


def _takes_tone(char: str) -> bool:
    """Whether a skin tone after `char` belongs to it: a picture (not a skin tone itself) or
    an emoji drawn as text by default (☝, ✌), not a digit, '#' or '*'."""
    return (is_picture(char) and not _modifier(char)) or (
        char not in _KEYCAP_BASES and is_text_emoji(char))
