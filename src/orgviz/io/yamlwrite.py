"""Write org files as YAML text: safe scalar quoting and one flow mapping per person."""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Mapping, Sequence
from functools import cache, lru_cache

from orgviz.fte import fte_text

#: The schema URL for the `yaml-language-server` modeline (the `$id` of schema.json).
SCHEMA_URL = "https://orgviz.dev/schema/org-v1.json"

# Plain (unquoted) scalars are allowed only for a conservative character set: letters,
# digits, spaces inside, and punctuation that is never a YAML indicator in flow context.
_PLAIN = re.compile(r"[^\W_][\w .()/@&+'-]*", re.UNICODE)
# Words that some YAML reader resolves to a boolean or null (YAML 1.1 and 1.2).
_RESERVED = frozenset((
    "y", "n", "yes", "no", "true", "false", "on", "off", "null", "nan", "inf",
))
#: The bidirectional controls (marks, embeddings, overrides, isolates): YAML allows them, but
#: they reorder how a line shows in an editor or a diff ("Trojan Source"), so every writer
#: of text for people to read escapes them (here, and the Mermaid export).
BIDI_CONTROLS = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
# (Both patterns below are compiled when first used: ~4 ms at every start otherwise.)
# Characters a YAML double-quoted scalar must escape: YAML's non-printable set, its line
# breaks (NEL, LS, PS), the BOM, backslash and the double quote; and the bidirectional
# controls: escaped, they stay visible.
_ESCAPE = ("[^\x20-\x7e\xa0-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010ffff]"
           f"|[\\\\\"\x85\u2028\u2029{BIDI_CONTROLS}]")
_NAMED = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\t": "\\t", "\r": "\\r", "\x00": "\\0",
          "\x85": "\\N", "\u2028": "\\L", "\u2029": "\\P"}
# What may not appear in a comment as is: line breaks of any kind, non-printables and
# bidirectional controls.
_COMMENT_BAD = ("[^\x20-\x7e\xa0-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010ffff]"
                f"|[\x85\u2028\u2029{BIDI_CONTROLS}]")


@cache
def _compiled(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


def _escape_char(match: re.Match[str]) -> str:
    char = match.group()
    named = _NAMED.get(char)
    if named is not None:
        return named
    code = ord(char)
    if code <= 0xFF:
        return f"\\x{code:02X}"
    if code <= 0xFFFF:
        return f"\\u{code:04X}"
    return f"\\U{code:08X}"


@lru_cache(maxsize=65536)
def scalar(text: str) -> str:
    """A YAML scalar for `text` that every YAML reader reads back as exactly this string.

    Plain when unambiguous (`Dana Reyes`), double-quoted otherwise: numbers and number-like
    text (`0123`, `1e3`, `2024-01-01`), booleans and nulls of YAML 1.1 and 1.2 (`no`, `on`,
    `~`), indicators (`:`, `#`, `,`, `[`, `-`...), surrounding spaces, line breaks and
    non-printable characters.
    """
    if (
        _PLAIN.fullmatch(text)
        and not text[0].isdigit()
        and text.casefold() not in _RESERVED
        and not text.endswith(" ")
        and text.isprintable()
    ):
        return text
    return '"' + _compiled(_ESCAPE).sub(_escape_char, text) + '"'


#: What a plain ASCII scalar is made of.
_PLAIN_ASCII = ("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_ .()/@&+'-"
                .encode("ascii"))
_LETTERS_AS_A = bytes.maketrans(_PLAIN_ASCII[:52], b"a" * 52)
#: The reserved words in every mix of upper and lower case (`yes`, `Yes`, `yEs` ...).
_RESERVED_SPELLINGS = frozenset(
    "".join(letters) for word in _RESERVED
    for letters in itertools.product(*({c.lower(), c.upper()} for c in word)))


def all_plain(texts: Sequence[str]) -> bool:
    """Whether `scalar(t) == t` for every text, checked for all at once (False: maybe not).

    Recognises texts of `_PLAIN_ASCII` that start with a letter, do not end with a space and
    are no reserved word, in a few C-speed passes over the joined texts; others need `scalar`.
    """
    n = len(texts)
    if not n:
        return True
    joined = "\n" + "\n".join(texts) + "\n"  # each text between two line breaks
    if not joined.isascii() or " \n" in joined:  # not ASCII, or ends with a space
        return False
    raw = joined.encode("ascii")
    return (len(raw.translate(None, _PLAIN_ASCII)) == n + 1  # no other character
            and raw.translate(_LETTERS_AS_A).count(b"\na") == n  # each starts with a letter
            and _RESERVED_SPELLINGS.isdisjoint(texts))


def comment(text: str) -> str:
    """Text made safe for a `# comment` line: no line breaks, non-printable characters or
    bidirectional controls (each written as `\\uXXXX`)."""
    if text.isascii() and text.isprintable():  # (printable ASCII: nothing to replace)
        return text
    return _compiled(_COMMENT_BAD).sub(lambda m: f"\\u{ord(m.group()):04X}", text)


def flow_mapping(items: Iterable[tuple[str, str | bool | float | Sequence[str] | None]]
                 ) -> str:
    """`{key: value, ...}` with keys as given (plain ids) and values quoted as needed.

    None values are left out; booleans are written as true/false; numbers (FTEs) as numbers;
    a sequence becomes a flow list (or a single scalar when it has one item).
    """
    parts = []
    for key, value in items:
        if value is None or value is False:
            continue
        if value is True:
            parts.append(f"{key}: true")
        elif isinstance(value, float):
            parts.append(f"{key}: {fte_text(value)}")
        elif isinstance(value, str):
            parts.append(f"{key}: {scalar(value)}")
        elif len(value) == 1:
            parts.append(f"{key}: {scalar(value[0])}")
        elif value:
            parts.append(f"{key}: [{', '.join(scalar(v) for v in value)}]")
    return "{" + ", ".join(parts) + "}"


def block_mapping(items: Mapping[str, object], indent: str = "  ") -> list[str]:
    """Lines of a block mapping of simple values (text, booleans, nested simple mappings)."""
    lines = []
    for key, value in items.items():
        if value is None:
            continue
        if isinstance(value, Mapping):
            lines.append(f"{indent}{key}: " + flow_mapping(value.items()))
        elif isinstance(value, bool):
            lines.append(f"{indent}{key}: {'true' if value else 'false'}")
        else:
            lines.append(f"{indent}{key}: {scalar(str(value))}")
    return lines
