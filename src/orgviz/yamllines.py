"""One-line flow mappings (`  - {id: x, name: Dana Reyes}`) read without PyYAML's events.

Org files list people and teams one flow mapping per line, as `orgviz import` writes them and
as the examples do. PyYAML makes three Python objects per scalar of such a line (an event and
two marks) that the reader then walks. Here a line whose every value is simple (plain text,
`~`, double-quoted text without escapes, or a one-line list of those) is read into the same
YMap, locations and node counts as the reader would make. A line of plain `key: value` pairs
spaced as orgviz writes them (most lines) is split in C, and where its keys and values stand
is found only when first asked (problems ask); other simple lines are read with regular
expressions, locations and all.

`one_line_mappings` replaces each such mapping in the text by a placeholder scalar at the
same line and column, and the reader (`yamlread`) puts the mapping back in its place when it
meets the placeholder as a value of its own. Anything else is left to the full reading: a line
that is not simple stays in the text for PyYAML, and the whole text is read again as it is
when a placeholder was not met as a value of its own (a line inside a block scalar, say) or
the shortened text had any error, so that errors are always those of the full reading.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from functools import cache
from operator import methodcaller
from typing import TYPE_CHECKING, Any

from orgviz.problem import SourceLoc

if TYPE_CHECKING:
    from orgviz.yamlread import YList, YMap

#: What makes a placeholder; a text that holds it anywhere is not shortened.
MARK = "\ue000"
#: Texts that read as null when plain (here and in `yamlread`).
NULLS = frozenset(("", "~", "null", "Null", "NULL"))

# A plain scalar read here: words of letters, digits and a few marks that are never YAML
# indicators in flow context, one or more spaces between words, starting with a letter or
# digit (so never `-`, `?`, `:`, `#`, `&`, `*`, `!`, `|`, `>`, `'`, `"`, `%`, `@` or `` ` ``).
_PLAIN = r"[^\W_][\w.()/@&+'-]*(?: +[\w.()/@&+'-]+)*"
# Double-quoted text without escapes, line breaks or non-printable characters.
_QUOTED = r'"[^"\\\x00-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]*"'
#: The same for ASCII text (the same matches, several times faster).
_PLAIN_ASCII = r"[A-Za-z0-9][A-Za-z0-9_.()/@&+'-]*(?: +[A-Za-z0-9_.()/@&+'-]+)*"


@cache
def _pair_and_item(ascii_only: bool) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """`key: value` and what follows it (`, ` or the closing brace at the end of the line),
    and an item of a one-line list and what follows it, for ASCII text or any text
    (compiled when first needed: a few ms at every start otherwise)."""
    plain = _PLAIN_ASCII if ascii_only else _PLAIN
    return (re.compile(rf"({plain}): +(?:({plain})|({_QUOTED})|(~)|\[ *([^\]\n]*?) *\])"
                       r"( *, *| *\} *)"),
            re.compile(rf"(?:({plain})|({_QUOTED})|(~))( *, *| *$)"))


@cache
def _plain_pairs() -> re.Pattern[str]:
    """The inside of a mapping of plain keys and values written `key: value, key: value`."""
    return re.compile(rf"{_PLAIN}: {_PLAIN}(?:, {_PLAIN}: {_PLAIN})*")


#: The characters of plain ASCII pairs (the separators' too), and the letters and digits.
_ASCII_PLAIN = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_ .()/@&+'-,:"
_ALNUM_AS_A = bytes.maketrans(_ASCII_PLAIN[:62], b"a" * 62)
_HAS_COLON = methodcaller("__contains__", ": ")
#: Line breaks of YAML other than "\n" and "\r\n" (then lines are not counted here).
_OTHER_BREAKS = ("\x85", "\u2028", "\u2029")


#: A mapping read from one line: the YMap, its node count and its container count.
FlowMapping = tuple[Any, int, int]


def one_line_mappings(text: str, file: str, ymap: type[YMap], ylist: type[YList]
                      ) -> tuple[str, dict[str, FlowMapping]] | None:
    """The text with each simple one-line flow mapping replaced by a placeholder, and the
    mappings by placeholder (YMap / YList made with `ymap` / `ylist`); None when there is
    none or the text cannot be shortened safely."""
    if "- {" not in text or MARK in text or any(b in text for b in _OTHER_BREAKS) or (
            "\r" in text and text.count("\r") != text.count("\r\n")):
        return None
    lines = text.split("\n")
    found: dict[str, FlowMapping] = {}
    for number in [i for i, line in enumerate(lines) if "- {" in line]:
        line = lines[number]
        dash = line.index("- {")
        if line[:dash].strip(" "):  # not a list item of its own line
            continue
        body = line[dash + 2:].rstrip(" \r")
        if not body.endswith("}"):
            continue
        read = _read_mapping(body, file, number + 1, dash + 2, ymap, ylist)
        if read is None:
            continue
        placeholder = f"{MARK}{len(found)}"
        found[placeholder] = read
        lines[number] = line[:dash + 2] + placeholder
    if not found:
        return None
    return "\n".join(lines), found


def _read_mapping(body: str, file: str, line: int, column: int, ymap: type[YMap], ylist: type[YList]
                  ) -> FlowMapping | None:
    """The mapping `body` (`{...}`, at 0-based `column`): plain keys and values written
    `key: value, key: value` at once (where they stand is found when first asked), anything
    else with its locations (`_mapping`); None when it is not simple."""
    inner = body[1:-1].strip(" ")
    parts = inner.split(", ")
    if inner.count(",") != len(parts) - 1 or inner.count(":") != len(parts) \
            or " ," in inner or " :" in inner:
        return _mapping(body, file, line, column, ymap, ylist)
    if inner.isascii():
        raw = inner.encode("ascii")
        if raw.translate(None, _ASCII_PLAIN) or (
                b"\n" + raw.replace(b", ", b"\n").replace(b": ", b"\n")
        ).translate(_ALNUM_AS_A).count(b"\na") != 2 * len(parts):
            # A character that is not plain (a quote, say), or a key or value that does not
            # start with a letter or digit.
            return _mapping(body, file, line, column, ymap, ylist)
    elif _plain_pairs().fullmatch(inner) is None:
        return _mapping(body, file, line, column, ymap, ylist)
    words = inner.replace(": ", ", ").split(", ")  # key, value, key, value ...
    if len(words) != 2 * len(parts) or not all(map(_HAS_COLON, parts)):
        return _mapping(body, file, line, column, ymap, ylist)  # (`a: b: c, d`, say)
    mapping = ymap.__new__(ymap)
    mapping.update(zip(words[::2], words[1::2], strict=True))
    if len(mapping) != len(parts):
        return None  # a key twice: the full reading reports it
    if "ull" in inner or "ULL" in inner:
        if not NULLS.isdisjoint(mapping):
            return None  # a null key: the full reading reports it
        for key, value in list(mapping.items()):
            if value in NULLS:
                mapping[key] = None
    place = [body, file, line, column, ymap, ylist, None, mapping]
    mapping.loc = SourceLoc(file, line, column + 1)
    mapping.size = size = 1 + 2 * len(parts)
    # (a LineLocs stands for the dict of locations: read only, as the loader reads them)
    mapping.key_locs = keys = _new(LineLocs)  # type: ignore[assignment]
    keys.place, keys.of_keys = place, True
    mapping.value_locs = values = _new(LineLocs)  # type: ignore[assignment]
    values.place, values.of_keys = place, False
    return mapping, size, 1


_new = object.__new__


class LineLocs(Mapping[str, SourceLoc]):
    """Where the keys (or the values) of a one-line mapping of plain pairs stand, found when
    first asked: `place` is [text, file, line, column, ymap, ylist, the mapping read with
    locations or None, the mapping] (shared by the keys' and the values' LineLocs)."""

    __slots__ = ("of_keys", "place")

    place: list[Any]
    of_keys: bool

    def _locs(self) -> dict[str, SourceLoc]:
        place = self.place
        if place[6] is None:
            read = _mapping(*place[:6])
            assert read is not None  # (a mapping of plain pairs is simple)
            place[6] = read[0]
        located: YMap = place[6]
        return located.key_locs if self.of_keys else located.value_locs

    def __getitem__(self, key: str) -> SourceLoc:
        return self._locs()[key]

    def get(self, key: str, default: Any = None) -> Any:  # Mapping.get, without the KeyError
        return self._locs().get(key, default) if key in self.place[7] else default

    def __contains__(self, key: object) -> bool:
        return key in self.place[7]

    def __iter__(self) -> Iterator[str]:
        return iter(self._locs())

    def __len__(self) -> int:
        return len(self.place[7])


def _mapping(source: str, file: str, line: int, column: int, ymap: type[YMap], ylist: type[YList]
             ) -> FlowMapping | None:
    """The mapping `{...}` (all of `source`) starting at 0-based `column`, with where each
    key and value stands, or None when it is not made of simple keys and values (or repeats
    a key: the full reading reports that)."""
    mapping = ymap(SourceLoc(file, line, column + 1))
    key_locs, value_locs = mapping.key_locs, mapping.value_locs
    size, containers = 1, 1
    pos = source.index("{") + 1
    while source[pos] == " ":
        pos += 1
    end = len(source)
    new_loc, loc_class = tuple.__new__, SourceLoc
    base = column + 1
    ascii_only = source.isascii()
    pair_pattern, item_pattern = _pair_and_item(ascii_only)
    pair = pair_pattern.match
    while True:
        found = pair(source, pos)
        if found is None:
            return None
        key, plain, quoted, null, items, after = found.groups()
        if key in mapping or key in NULLS:
            return None
        key_locs[key] = new_loc(loc_class, (file, line, base + pos))
        at = found.start(2) if plain is not None else found.start(3) if quoted is not None \
            else found.start(4) if null is not None else source.index("[", found.end(1))
        value_locs[key] = loc = new_loc(loc_class, (file, line, base + at))
        if plain is not None:
            mapping[key] = None if plain in NULLS else plain
            size += 2
        elif quoted is not None:
            mapping[key] = quoted[1:-1]
            size += 2
        elif null is not None:
            mapping[key] = None
            size += 2
        else:
            listed = _list(items, found.start(5), file, line, base, loc, ylist,
                           item_pattern)
            if listed is None:
                return None
            mapping[key] = listed
            size += 1 + listed.size
            containers += 1
        pos = found.end()
        if "}" in after:
            if pos != end:
                return None
            mapping.size = size
            return mapping, size, containers


def _list(items: str, start: int, file: str, line: int, base: int, loc: SourceLoc,
          ylist: type[YList], item: re.Pattern[str]) -> Any:
    """The one-line list whose items `items` start at `start` of `source`, or None."""
    listed = ylist(loc)
    listed.size = 1
    pos, end = 0, len(items)
    new_loc, loc_class = tuple.__new__, SourceLoc
    while pos < end:
        found = item.match(items, pos)
        if found is None:
            return None
        plain, quoted, _null, after = found.groups()
        if plain is not None:
            listed.append(None if plain in NULLS else plain)
        elif quoted is not None:
            listed.append(quoted[1:-1])
        else:
            listed.append(None)
        listed.item_locs.append(new_loc(loc_class, (file, line, base + start + pos)))
        listed.size += 1
        pos = found.end()
        if not after.strip() and pos != end:
            return None
    return listed
