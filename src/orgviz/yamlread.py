"""A bounded YAML reader that keeps the source location of every key and value.

PyYAML's composer is recursive (deep nesting crashes the C version), silently keeps the
last of two duplicate keys and expands aliases without limit. This reader walks the parser's
event stream with an explicit stack instead, so nesting depth, alias expansion and file size
are all bounded, duplicate keys are reported, and every scalar stays a string (no YAML 1.1
booleans, octals or dates) except the plain nulls `~`, `null` and the empty value.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable
from typing import Any, NamedTuple

import yaml

from orgviz.problem import SourceLoc, did_you_mean
from orgviz.yamllines import NULLS, FlowMapping, one_line_mappings

MAX_FILE_BYTES = 64 * 1024 * 1024
MAX_DEPTH = 64
MAX_NODES = 5_000_000

try:
    _Loader: type = yaml.CSafeLoader
except AttributeError:  # PyYAML built without libyaml
    _Loader = yaml.SafeLoader

#: A pattern of the characters an org file may not hold, raw or written as an escape
#: ("\x9b", "\u009f"): the C0 and C1 control characters but tab and the line breaks (LF,
#: CR, and NEL, U+0085, a line break of YAML: a text may hold one, an id not), DEL, U+FFFE
#: and U+FFFF (compiled only when one is there: ~1 ms at start).
CONTROL_CHARS = r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ufffe\uffff]"
_BAD_LIST = (*(chr(c) for c in range(0x20) if c not in (0x09, 0x0A, 0x0D)), "\x7f", "\ufffe",
             "\uffff")
#: The C1 control characters of `CONTROL_CHARS` (not ASCII: looked for in a text that is not).
_C1_LIST = tuple(chr(c) for c in range(0x80, 0xA0) if c != 0x85)
#: The line breaks of editors, git and GitHub, by which problems are placed (a file may end
#: its lines with "\r").
_LINE_BREAK = re.compile("\r\n|[\r\n]")
#: The other line breaks of YAML, by which PyYAML counts lines too: NEL, LS and PS (U+0085,
#: U+2028, U+2029), which editors show inside a line (`_RealLines` moves its marks there).
_OTHER_BREAKS = {"\x85": "NEL", "\u2028": "LS", "\u2029": "PS"}
#: Block scalars (`|`, `>`), whose final line breaks are dropped (as `|-` would drop them:
#: a name or title never ends with one), and the line breaks they end with as PyYAML reads
#: them ("\r\n" and "\x85" become "\n").
_BLOCK_STYLES = ("|", ">")
_BLOCK_BREAKS = "\n\u2028\u2029"
_ALLOWED_TAGS = frozenset(("tag:yaml.org,2002:str", "tag:yaml.org,2002:map",
                           "tag:yaml.org,2002:seq", "!"))


class YamlError(Exception):
    """A problem that stops reading the file; carries its location and rule id."""

    def __init__(self, loc: SourceLoc, rule: str, message: str) -> None:
        super().__init__(message)
        self.loc = loc
        self.rule = rule
        self.message = message
        #: Problems found after this one (further duplicate keys, then what stopped reading).
        self.more: list[YamlError] = []
        #: The document as read when every problem let reading go on (duplicate keys, unused
        #: anchors), else None: whether other YAML is an org file can still be told.
        self.document: Any = None

    def all(self) -> list[YamlError]:
        """This problem and those found after it, in the order found."""
        return [self, *self.more]


class YMap(dict[str, Any]):
    """A mapping that remembers where it starts and where each key and value stands."""

    __slots__ = ("key_locs", "loc", "size", "value_locs")

    def __init__(self, loc: SourceLoc) -> None:
        super().__init__()
        self.loc = loc
        self.size = 1
        self.key_locs: dict[str, SourceLoc] = {}
        self.value_locs: dict[str, SourceLoc] = {}


class YList(list[Any]):
    """A sequence that remembers where it starts and where each item stands."""

    __slots__ = ("item_locs", "loc", "size")

    def __init__(self, loc: SourceLoc) -> None:
        super().__init__()
        self.loc = loc
        self.size = 1
        self.item_locs: list[SourceLoc] = []


def decode(data: bytes, file: str, what: str = "an org file") -> str:
    """Decode UTF-8 (with or without BOM), or UTF-16 or UTF-32 with a BOM (as YAML allows,
    and as Windows PowerShell 5's `>` writes), rejecting bad bytes and control characters
    (`what` the file is, for the message: "an org file", "a configuration file"). An org
    file that is an HR export (an Excel workbook, a CSV table) is refused as one, with the
    `orgviz import` that makes an org file of it."""
    if what != "an org file":
        return _decoded(data, file, what)
    _refuse_workbook(data, file)
    try:
        text = _decoded(data, file, what)
    except YamlError:  # (no text: is it a file of a format known by its first bytes?)
        _refuse_other_format(data, file)
        raise
    _refuse_table(text, file)
    return text


def _decoded(data: bytes, file: str, what: str) -> str:
    """`decode` of any file (`what` it is, for the message)."""
    wide = next((codec for bom, codec in _WIDE_BOMS if data.startswith(bom)), None)
    if wide is not None:
        try:
            text = data.decode(wide)
        except UnicodeDecodeError as exc:  # (at the bad unit: the text before it is good)
            raise YamlError(_position(file, data[:exc.start].decode(wide)), "encoding",
                            f"the file starts as {wide.upper()} (a byte order mark) but is not "
                            f"valid {wide.upper()}: save the file as UTF-8") from None
        return _checked(text, file, what)
    head = data[:64]
    if len(head) >= 4 and (head[0::2].count(0) == len(head[0::2]) or
                           head[1::2].count(0) == len(head[1::2])):
        raise YamlError(SourceLoc(file, 1, 1), "encoding",
                        "the file looks like UTF-16 without a byte order mark (every other "
                        "byte is 0): save it as UTF-8")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        start = exc.start + (3 if data.startswith(b"\xef\xbb\xbf") else 0)  # (after a BOM)
        good = data[:start].decode("utf-8-sig")  # (good up to the bad byte)
        raise YamlError(_position(file, good), "encoding",
                        f"invalid UTF-8 byte 0x{data[start]:02x}: save the file as UTF-8"
                        ) from None
    return _checked(text, file, what)


#: The endings of Excel workbooks, and of the text tables HR systems export.
_WORKBOOK_ENDINGS = (".xlsx", ".xlsm", ".xls")
_TABLE_ENDINGS = (".csv", ".tsv", ".tab", ".txt")
#: How a first line of YAML may start that a table's header does not: a comment, a document
#: marker or directive, a list item, a flow collection, a complex key, an anchor, a tag.
_YAML_STARTS = ("#", "---", "...", "%", "- ", "{", "[", "? ", "&", "!", "*", "|", ">")
_KEY_COLON = re.compile(r":(?:\s|$)")
#: How much of a text's start `_is_table` reads for its first two lines.
_TABLE_HEAD = 1 << 16


def _import_advice(file: str, what: str, first: str = "") -> str:
    """"this is WHAT (an HR export?), not an org file: FIRST orgviz import FILE -o NAME.yaml
    makes one" (the command quoted for a shell where a path needs it; `first`: what to do
    before, as "save it as .xlsx in Excel; then ")."""
    import os
    import shlex

    from orgviz.orgfiles import STDIN_SHOWN

    given = "-" if file in ("-", STDIN_SHOWN) else file  # (import reads standard input as -)
    stem = os.path.splitext(given)[0] if given != "-" else "org"
    output = _free_name(stem, given)
    return (f"this is {what} (an HR export?), not an org file: {first}orgviz import "
            f"{shlex.quote(given)} -o {shlex.quote(output)} makes one")


def _free_name(stem: str, given: str) -> str:
    """The first of STEM.yaml, STEM.org.yaml, STEM.org-2.yaml, ... that is not the input
    (import refuses -o its input) and names no file yet (import overwrites its -o)."""
    import itertools
    import os

    names = itertools.chain((stem + ".yaml", stem + ".org.yaml"),
                            (f"{stem}.org-{n}.yaml" for n in itertools.count(2)))
    return next(name for name in names
                if os.path.normcase(name) != os.path.normcase(given)
                and not os.path.lexists(name))


def _refuse_workbook(data: bytes, file: str) -> None:
    """A YamlError for the bytes of an Excel workbook: a zip with a workbook part in it (or
    named as a workbook), or an Office 97-2003 file named .xls, which import cannot read."""
    from orgviz.signatures import OLE2_START, ZIP_START

    named = file.lower().endswith(_WORKBOOK_ENDINGS)
    if data.startswith(ZIP_START) and (b"xl/" in data or named):
        raise YamlError(SourceLoc(file, 1, 1), "schema",
                        _import_advice(file, "an Excel workbook"))
    if data.startswith(OLE2_START) and named:  # (import reads no .xls: save it as .xlsx)
        import os

        raise YamlError(SourceLoc(file, 1, 1), "schema", _import_advice(
            os.path.splitext(file)[0] + ".xlsx", "an Excel 97-2003 workbook",
            "save it as .xlsx in Excel; then "))


def _refuse_other_format(data: bytes, file: str) -> None:
    """A YamlError for the bytes of a file of a format known by its first bytes (a zip, an
    OpenDocument spreadsheet, a compressed file, a PDF, an image, ...: `binary_format`),
    which say what it is and what to do; called when the bytes are no org file's text."""
    from orgviz.signatures import binary_format

    known = binary_format(data)
    if known is not None:
        raise YamlError(SourceLoc(file, 1, 1), "schema",
                        f"this is {known.what}, not an org file: {known.to_org}")


def _refuse_table(text: str, file: str) -> None:
    """A YamlError for a text that is a CSV table (`_is_table`), not YAML."""
    if _is_table(text, file):
        raise YamlError(SourceLoc(file, 1, 1), "schema", _import_advice(file, "a CSV table"))


def _is_table(text: str, file: str) -> bool:
    """Whether a text is a table of comma-, semicolon- or tab-separated cells: a first line
    of two cells or more that cannot start YAML's mapping (no key's colon, no YAML mark
    first), in a file named as a table or with a second line of as many cells or more (a
    file named .yaml never: it is YAML). An org file's first line is `orgviz: 1`, a comment
    or a key: never such a line."""
    import csv

    if file.lower().endswith((".yaml", ".yml")):  # (YAML, if no org file: said as such)
        return False
    lines = _LINE_BREAK.split(text[:_TABLE_HEAD], maxsplit=2)  # (not a copy of the rest)
    first = lines[0].lstrip("\ufeff")
    if not first.strip() or first.lstrip().startswith(_YAML_STARTS) or _KEY_COLON.search(first):
        return False
    named = file.lower().endswith(_TABLE_ENDINGS)
    second = lines[1] if len(lines) > 1 else ""
    for delimiter in ("\t", ",", ";"):
        cells = [c for c in next(csv.reader([first], delimiter=delimiter)) if c.strip()]
        if len(cells) < 2:
            continue
        if named or len(next(csv.reader([second], delimiter=delimiter), [])) >= len(cells):
            return True
    return False


#: Byte order marks of the wide encodings a YAML file may use (UTF-32's before UTF-16's:
#: UTF-32 LE starts with UTF-16 LE's mark).
_WIDE_BOMS = ((b"\xff\xfe\x00\x00", "utf-32"), (b"\x00\x00\xfe\xff", "utf-32"),
              (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"))


def _checked(text: str, file: str, what: str = "an org file") -> str:
    """The text, unless it holds a control character an org file (`what`) may not hold."""
    # Each `in` is a fast scan; the regular expression (a slower one) only runs to find the
    # first bad character.
    bad = re.search(CONTROL_CHARS, text) if any(c in text for c in _BAD_LIST) or (
        not text.isascii() and any(c in text for c in _C1_LIST)) else None
    if bad:
        raise YamlError(_position(file, text[: bad.start()]), "encoding",
                        f"control character U+{ord(bad.group()):04X} is not allowed in {what}: "
                        "remove it")
    return text


def _position(file: str, head: str) -> SourceLoc:
    """Where the character after `head` (the text before it) stands: its line as editors
    count lines ("\r", "\r\n", "\n") and its column in characters."""
    lines = _LINE_BREAK.split(head)
    return SourceLoc(file, len(lines), len(lines[-1]) + 1)


def _loc(file: str, mark: Any) -> SourceLoc:
    return SourceLoc(file, mark.line + 1, mark.column + 1)


class _Mark(NamedTuple):
    """A place as PyYAML's marks give it (0-based), on the lines editors count."""

    line: int
    column: int


class _RealLines:
    """Moves PyYAML's marks to the lines of editors, git and GitHub for a text that holds a
    NEL, LS or PS (U+0085, U+2028, U+2029): YAML breaks lines there, editors do not, so
    each one put every later line one further down, and the column after one counted from
    it. Made only for such a text: others keep PyYAML's marks as they are.

    Only the few YAML lines that start after one are kept (`after`, with how far each
    starts from its real line's start): a mark above the first stays as it is, one below
    the last is moved up by their count, and one between them by a bisect over them
    alone (`_moved_events` does the first two itself, for every event)."""

    def __init__(self, text: str) -> None:
        self.after: list[int] = []
        self.shift: dict[int, int] = {}
        real, counted = 0, 0  # (the real line breaks before `counted`)
        for at in _other_breaks(text):
            real += (text.count("\n", counted, at) + text.count("\r", counted, at)
                     - text.count("\r\n", counted, at))
            counted = at
            line = real + len(self.after) + 1  # (YAML's line that starts after it)
            self.after.append(line)
            self.shift[line] = at - max(text.rfind("\n", 0, at), text.rfind("\r", 0, at))
        self.first, self.last, self.count = self.after[0], self.after[-1], len(self.after)

    def mark(self, mark: Any) -> Any:
        """`mark` (or None) on the lines editors count: itself above the first line YAML
        starts after a NEL, LS or PS, else a `_Mark`."""
        if mark is None or mark.line < self.first:
            return mark
        line = mark.line
        if line > self.last:  # (past the end too: libyaml's last, empty line)
            return _new_mark(_Mark, (line - self.count, mark.column))
        return _new_mark(_Mark, (line - bisect_right(self.after, line),
                                 mark.column + self.shift.get(line, 0)))


#: A `_Mark` made without NamedTuple's Python-level __new__.
_new_mark = tuple.__new__


def _other_breaks(text: str) -> list[int]:
    """Where the NELs, LSs and PSs of `text` stand, in order (str.find: a regular expression
    of the three took 60 instructions a character)."""
    found = []
    for char in _OTHER_BREAKS:
        at = text.find(char)
        while at >= 0:
            found.append(at)
            at = text.find(char, at + 1)
    return sorted(found)


def _moved_events(get_event: Callable[[], Any], lines: _RealLines) -> Callable[[], Any]:
    """`get_event` with each event's start moved to the lines editors count (its end is
    moved where it is used: `_comment_after`): as it is above the first line YAML starts
    after a NEL, LS or PS, up by their count below the last (no call for either)."""
    move, above, below, breaks = lines.mark, lines.first, lines.last, lines.count
    new_mark = tuple.__new__

    def get_moved_event() -> Any:
        event = get_event()
        if event is not None:
            start = event.start_mark
            line = start.line
            if line > below:
                event.start_mark = new_mark(_Mark, (line - breaks, start.column))
            elif line >= above:
                event.start_mark = move(start)
        return event

    return get_moved_event


def _real_lines(text: str) -> _RealLines | None:
    """A `_RealLines` for a text with a NEL, LS or PS; None for any other (at C speed)."""
    if text.isascii() or not any(c in text for c in _OTHER_BREAKS):
        return None
    return _RealLines(text)


def _size(value: Any) -> int:
    """How many nodes a value expands to (aliases counted in full)."""
    return value.size if isinstance(value, (YMap, YList)) else 1


class Comment(NamedTuple):
    """A comment that may have cut a value short: `color: #4C78A8` (the value then reads as
    null) or `title: Engineer #2` (as 'Engineer'); `key` is the key of that value."""

    loc: SourceLoc  # where the '#' stands
    key: str
    comment: str  # from the '#' to the end of its line
    value: str | None  # the value as YAML reads it


def read_yaml(text: str, file: str, comments: list[Comment] | None = None) -> Any:
    """Parse one YAML document into YMap / YList / str / None values with locations.

    One-line flow mappings of simple values (most people and teams of an org file) are read
    by `orgviz.yamllines`, the rest by PyYAML; when that cannot be done exactly as PyYAML
    would read the whole text (see `yamllines`), or it fails, the text is read again by PyYAML
    alone, so that the values, locations and errors are always those of a full reading.
    With `comments`, a comment right after a key or a plain value whose '#' has no space
    after it (`#4C78A8`, `#2`) goes there (see `Comment`).
    """
    suspects = _suspect_comments(text) if comments is not None and " #" in text else {}
    kept: list[Comment] = []
    shortened = one_line_mappings(text, file, YMap, YList)
    if shortened is not None:
        short_text, mappings = shortened
        try:
            result = _read(short_text, file, mappings, suspects, kept)
        except YamlError:
            pass
        else:
            if not mappings:  # each was put back where it stands
                if comments is not None:
                    comments.extend(kept)
                return result
        kept.clear()
    result = _read(text, file, {}, suspects, kept)
    if comments is not None:
        comments.extend(kept)
    return result


#: A '#' after a space with no space after it, as a comment may start (`#4C78A8`, `#2`).
_SUSPECT = re.compile(r"[ \t](#[^\s#][^\r\n]*)")


def _suspect_comments(text: str) -> dict[int, list[tuple[str, str]]]:
    """The comments that may cut a value short, by 0-based line: (the line before the '#',
    the comment) (a C-level scan; `_build` keeps those right after a key or a plain value)."""
    suspects: dict[int, list[tuple[str, str]]] = {}
    line, counted = 0, 0
    cr = "\r" in text  # (a file may end its lines with "\r" alone: those are counted too)
    for found in _SUSPECT.finditer(text):
        start = found.start(1)
        line += text.count("\n", counted, start)
        if cr:
            line += text.count("\r", counted, start) - text.count("\r\n", counted, start)
            line_start = max(text.rfind("\n", 0, start), text.rfind("\r", 0, start)) + 1
        else:
            line_start = text.rfind("\n", 0, start) + 1
        counted = start
        suspects.setdefault(line, []).append((text[line_start:start], found.group(1).rstrip()))
    return suspects


def _comment_after(suspects: dict[int, list[tuple[str, str]]], event: Any, key: Any,
                   value: str | None, file: str, kept: list[Comment]) -> None:
    """Keep, in `kept`, a suspect comment that follows the plain `value` of `key` (or its
    empty value) with only spaces between them on the value's line."""
    start, end = event.start_mark, event.end_mark
    if end.line != start.line or type(key) is not str or event.style:
        return
    for before, comment in suspects[start.line]:
        if len(before) >= end.column and not before[end.column:].strip():
            kept.append(Comment(SourceLoc(file, end.line + 1, len(before) + 1), key, comment,
                                value))
            return


def _read(text: str, file: str, mappings: dict[str, FlowMapping],
          suspects: dict[int, list[tuple[str, str]]] | None = None,
          kept: list[Comment] | None = None) -> Any:
    """read_yaml's PyYAML reading of `text`, with the one-line `mappings` put back (and
    the `suspects` comments that cut a value short into `kept`)."""
    loader = _Loader(text)
    lines = _real_lines(text)
    found: list[YamlError] = []  # (duplicate keys, unused anchors: reading goes on)
    result = None
    try:
        result = _build(loader, file, mappings, found, suspects or {},
                        [] if kept is None else kept, lines)
    except yaml.MarkedYAMLError as exc:
        if lines is not None:
            exc.problem_mark = lines.mark(exc.problem_mark)
            exc.context_mark = lines.mark(exc.context_mark)
        mark = exc.problem_mark or exc.context_mark
        loc = _in_text(_loc(file, mark), text) if mark else SourceLoc(file, 1, 1)
        hint = _syntax_hint(text, exc)
        if isinstance(hint, _Moved):  # (said at the escape, not inside it)
            found.append(YamlError(SourceLoc(file, hint.line + 1, hint.column + 1),
                                   "yaml-syntax",
                                   f"YAML syntax error: {_syntax_problem(exc)}{hint.hint}"))
        elif isinstance(hint, _Slip):  # (said where the slip is, not where YAML stopped)
            found.append(YamlError(
                SourceLoc(file, hint.line + 1, hint.column + 1), "yaml-syntax",
                f"YAML syntax error: {hint.advice} (YAML reads the line as text, and stops at "
                f"line {loc.line}, column {loc.col}: {exc.problem or exc.context})"))
        else:
            found.append(YamlError(loc, "yaml-syntax",
                                   f"YAML syntax error: {_syntax_problem(exc)}{hint}"))
    except yaml.YAMLError as exc:  # (a reader's error: a character YAML refuses)
        position = getattr(exc, "position", None)
        loc = SourceLoc(file, 1, 1) if position is None else _position(file, text[:position])
        found.append(YamlError(loc, "yaml-syntax", f"YAML error: {str(exc).splitlines()[0]}"))
    except YamlError as exc:
        found.append(exc)
    finally:
        loader.dispose()
    if found:
        found.sort(key=lambda problem: problem.loc[1:])  # (in file order)
        first = found[0]
        first.more, first.document = found[1:], result
        raise first
    return result


def _in_text(loc: SourceLoc, text: str) -> SourceLoc:
    """`loc`, or the end of the text where libyaml points past it (the end of a file whose
    last line has no line break: libyaml reads one more, empty line)."""
    lines = _LINE_BREAK.split(text)
    if loc.line <= len(lines):
        return loc
    return SourceLoc(loc.file, len(lines), len(lines[-1]) + 1)


def _syntax_problem(exc: yaml.MarkedYAMLError) -> str:
    """What PyYAML found wrong, and where what it was reading starts when that is elsewhere
    (the opening quote or bracket of an unclosed string or list, say)."""
    problem = exc.problem or exc.context or "invalid YAML"
    start, at = exc.context_mark, exc.problem_mark
    if exc.problem and exc.context and start is not None and at is not None \
            and (start.line, start.column) != (at.line, at.column):
        what = exc.context.removeprefix("while scanning ").removeprefix("while parsing ")
        what = what.removeprefix("a ").removeprefix("an ")
        what = _CONTEXTS.get(what, what)
        problem += f" in the {what} that starts at line {start.line + 1}, column " \
            f"{start.column + 1}"
    return problem


def _line(text: str, index: int) -> str:
    """The `index`-th line (from 0) of `text` as editors count lines, or "" past its end."""
    lines = _LINE_BREAK.split(text, index + 1)
    return lines[index] if index < len(lines) else ""


#: A line whose key has no space after its ':' (`name:Ada`, `- id:ceo`): YAML reads text.
_KEY_WITHOUT_SPACE = re.compile(r"\s*(?:- +)?([A-Za-z_][\w-]*):(?=[^\s:/\\])")
#: A line whose list entry has no space after its '-' (`-id: a`, `-{id: a}`).
_DASH_WITHOUT_SPACE = re.compile(r"\s*-[^\s-]")


class _Slip(NamedTuple):
    """A key or '-' without a space after it, which YAML reads as text and stops further
    on: where its ':' or '-' stands (0-based) and what to write."""

    line: int
    column: int
    advice: str


class _Moved(NamedTuple):
    """A hint said at another place than where YAML stopped (0-based)."""

    line: int
    column: int
    hint: str


def _syntax_hint(text: str, exc: yaml.MarkedYAMLError) -> str | _Slip | _Moved:
    """What to do about the commonest slips, from where PyYAML stopped: a tab that indents,
    a value starting with '@', '`', '*' or another character YAML keeps, a ': ' inside a
    value, a key or '-' without a space after it, text after a closing quote, an unknown
    escape, a ' #' that cuts a line, an unclosed '{' or '[', a line indented unlike its
    neighbours; or "" (a `_Slip` for a key or '-' without a space, said where it is)."""
    at = exc.problem_mark
    if at is None:
        return ""
    line = _line(text, at.line)
    return (_break_hint(text, at.line, exc.context_mark) or _unclosed_hint(text, at, exc)
            or _escape_hint(line, at, exc) or _token_hint(line, at.column, exc)
            or _layout_hint(text, line, at, exc))


#: A `\u` or `\U` escape, and a `\u` escape of a low surrogate (U+DC00-U+DFFF) after it.
_CODE_ESCAPE = re.compile(r"\\(?:u([0-9A-Fa-f]{4})|U([0-9A-Fa-f]{8}))")
_LOW_ESCAPE = re.compile(r"\\u([Dd][C-Fc-f][0-9A-Fa-f]{2})")


def _escape_hint(line: str, at: Any, exc: yaml.MarkedYAMLError) -> _Moved | None:
    """What to write for an escape of no character (YAML stops at its first hex digit):
    a surrogate pair as JSON writes an emoji (`\ud83d\ude00`: the character itself, or
    `\U0001F600`), half of one, or a code past U+10FFFF; said at its '\\'."""
    if "invalid Unicode character escape" not in (exc.problem or ""):
        return None
    start = at.column - 2
    escape = _CODE_ESCAPE.match(line, start) if start >= 0 else None
    if escape is None:
        return None
    code = int(escape[1] or escape[2], 16)
    low = _LOW_ESCAPE.match(line, escape.end()) if escape[1] else None
    if 0xD800 <= code <= 0xDBFF and low is not None:
        char = chr(0x10000 + ((code - 0xD800) << 10) + int(low[1], 16) - 0xDC00)
        return _Moved(at.line, start, f" ('{escape[0]}{low[0]}' is a surrogate pair, as JSON "
                      f"writes {char}, which YAML does not read: write the character itself, "
                      f"{char}, or \\U{ord(char):08X})")
    if 0xD800 <= code <= 0xDFFF:
        return _Moved(at.line, start, f" ('{escape[0]}' is half of a surrogate pair, no "
                      "character: remove it, or write the character meant itself or as "
                      "\\UXXXXXXXX)")
    return _Moved(at.line, start, f" ('{escape[0]}' is past the last Unicode character, "
                  "U+10FFFF: remove it)")


#: What opens and closes a flow collection, quoted text (opened after a space or an
#: indicator: not O'Neil's) and comments, for `_open_brackets`.
_FLOW_TOKEN = re.compile(r"""(?<![^\s\[\]{},:])(?:"(?:[^"\\]|\\.)*"|'(?:[^']|'')*')"""
                         r"|(?<!\S)#[^\r\n]*|[\[\]{}]", re.DOTALL)
_CLOSERS = {"[": "]", "{": "}"}
_COMMENT = re.compile(r"(?<!\S)#[^\r\n]*")
#: What a '[' or '{' that opens a value follows (outside brackets; "": the text's start).
_VALUE_STARTS = ("", ":", "-", "?", "\n", "\r")
_BRACKETS = {"[": "[...] list", "{": "{...} mapping"}


def _offset(text: str, line: int, column: int) -> int:
    """The offset in `text` of the 0-based `line` and `column` (its end past the last line)."""
    parts = _LINE_BREAK.split(text, line)
    return len(text) - len(parts[-1]) + column if len(parts) > line else len(text)


def _open_brackets(text: str, end: int) -> list[tuple[str, int]]:
    """The '[' and '{' still open at offset `end` of `text` (the innermost last), each with
    its offset. Outside brackets, one opens only where a value starts (after a ':', '-' or
    '?', or at a line's start): `title: Eng [Platform` is text."""
    stack: list[tuple[str, int]] = []
    for found in _FLOW_TOKEN.finditer(text, 0, end):
        token, start = found.group(), found.start()
        if token in _CLOSERS:
            if stack or text[max(0, start - 40):start].rstrip(" \t")[-1:] in _VALUE_STARTS:
                stack.append((token, start))
        elif token in ("]", "}") and stack:
            stack.pop()
    return stack


def _unclosed_hint(text: str, at: Any, exc: yaml.MarkedYAMLError) -> str:
    """Which '[' or '{' is never closed where YAML found no value: at the end of the text
    (`[b,` on the last line), at the start of a later line (the next `- {...}` entry) or
    before a closing bracket of the other kind (`[b, }`); or ""."""
    if "expected node content" not in (exc.problem or ""):
        return ""
    end = _offset(text, at.line, at.column)
    stack = _open_brackets(text, end)
    if not stack:
        return ""
    opener, offset = stack[-1]
    lines = _LINE_BREAK.split(text[:offset])
    what = (f"the {_BRACKETS[opener]} that starts at line {len(lines)}, column "
            f"{len(lines[-1]) + 1} is never closed")
    following = text[end:]
    char = following.lstrip(" \t")[:1]
    if char in ("]", "}") and char != _CLOSERS[opener] and any(
            _CLOSERS[outer] == char for outer, _ in stack[:-1]):  # (`[b, }`: ']' missing)
        return f" ({what}: write '{_CLOSERS[opener]}' before this '{char}')"
    line = _line(text, at.line)
    starts_line = (at.column == len(line) - len(line.lstrip(" \t")) and char not in ",]}"
                   and offset < end - at.column)  # (`- {id: b}` below `[b,`)
    if _COMMENT.sub("", following).strip() and not starts_line:
        return ""  # (not at the end, nor at a later line's start: something else is wrong)
    around = "".join(f", and the {_BRACKETS[outer]} around it with '{_CLOSERS[outer]}'"
                     for outer, _ in stack[-2:-1])
    return f" ({what}: end it with '{_CLOSERS[opener]}'{around})"


#: Quoted text on a line ("...", and '...' after a space or an indicator: not O'Neil).
_QUOTED_TEXT = re.compile(r'"(?:[^"\\]|\\.)*"|(?<![^\s\[{,:])\'(?:[^\']|\'\')*\'')


#: Quoted text on a line (as `_QUOTED_TEXT`), or the comment that ends the line.
_QUOTED_OR_COMMENT = re.compile(_QUOTED_TEXT.pattern + r"|(?<!\S)#.*")


def _break_hint(text: str, at_line: int, start: Any) -> str:
    """What to do about a NEL, LS or PS (U+0085, U+2028, U+2029) in the line where YAML
    stopped, the line before it or the line where what it was reading starts: YAML breaks
    the line there, where editors show none (a comment too: it ends there); or ""."""
    if text.isascii() or not any(c in text for c in _OTHER_BREAKS):
        return ""
    for index in dict.fromkeys((*(() if start is None else (start.line,)), at_line - 1,
                                at_line)):
        line = _line(text, index) if index >= 0 else ""
        comment = next((found.start() for found in _QUOTED_OR_COMMENT.finditer(line)
                        if found.group().startswith("#")), len(line))
        unquoted = _QUOTED_TEXT.sub("", line[:comment])  # (quoted: it is kept)
        char = next((c for c in unquoted if c in _OTHER_BREAKS), None)
        if char is not None:
            return (f" (line {index + 1} holds a U+{ord(char):04X} ({_OTHER_BREAKS[char]}), "
                    "which YAML reads as a line break where editors show none: remove it, "
                    "or put the value in double quotes)")
        char = next((c for c in line[comment:] if c in _OTHER_BREAKS), None)
        if char is not None:
            return (f" (line {index + 1} holds a U+{ord(char):04X} ({_OTHER_BREAKS[char]}) in "
                    "a comment, which YAML reads as a line break where editors show none, "
                    "ending the comment: remove it from the comment)")
    return ""


def _token_hint(line: str, column: int, exc: yaml.MarkedYAMLError) -> str:
    """What to do about a character YAML does not take where it stands; or ""."""
    char, problem, context = line[column:column + 1], exc.problem or "", exc.context or ""
    before = line[:column].rstrip()
    if char == ":" and (not before.strip() or before[-1] in "{[,-?"):  # (`: x`, `{a: 1, : x}`)
        return " (a ':' with no key before it: write the key, or remove the ':')"
    if "expected node content" in problem and char in ("]", "}"):  # (`lead: ]ann`)
        return f" (a '{char}' that closes nothing: remove it, or put the value in quotes)"
    if char in ("]", "}") and ("expected <block end>" in problem or "expected key" in problem
                               or "expected '-'" in problem):  # (`- {id: a}}`)
        return f" (a '{char}' that closes nothing: remove it)"
    if "tab character" in problem:  # (a tab in the indentation of a value's next line)
        return " (a tab: YAML indents with spaces only)"
    if "cannot start any token" in problem:
        if char == "\t":
            return " (a tab: YAML indents with spaces only)"
        if char:
            return f" ('{char}' cannot start a value: put the value in quotes)"
    if "alias" in context:
        return (" (a value that starts with '*' is an alias: put the value in quotes, as in "
                "title: \"*Star* Engineer\")")
    if "anchor" in context:
        return " (a value that starts with '&' is an anchor: put the value in quotes)"
    if "block scalar" in context:  # (`name: |Ann`, `title: > 10 years`)
        return (" (a value that starts with '|' or '>' is a block of text: put the value in "
                "quotes)")
    if "escape" in problem or "hexdecimal" in problem:  # (`\q`; `\U`, `\x` without hex)
        return (" (a '\\' inside \"...\" starts an escape: write '\\\\' for a backslash, or put "
                "the value in single quotes)")
    quote = before[-1:]  # (a closing quote: one opened before it on the line)
    if quote in ("'", '"') and quote in before[:-1] and char not in (",", "}", "]", "") and (
            "expected key" in problem or "expected ','" in problem
            or "expected <block end>" in problem):
        if quote == "'":
            return (" (text goes on after the closing quote: a ' inside '...' is written '' "
                    "('O''Brien'), or put the value in \"...\")")
        return (" (text goes on after the closing quote: a \" inside \"...\" is written \\\", "
                "or put the value in '...')")
    return ""


def _layout_hint(text: str, line: str, at: yaml.Mark, exc: yaml.MarkedYAMLError
                 ) -> str | _Slip:
    """What to do about a line YAML cannot fit where it stands: a key or '-' without a
    space (a `_Slip`), a ': ' inside a value, an unclosed bracket, a line indented unlike
    its neighbours (`at`: where YAML stopped); or ""."""
    start, problem = exc.context_mark, exc.problem or ""
    char = line[at.column:at.column + 1]
    unclosed = next((close for close in ("}", "]") if f"expected ',' or '{close}'" in problem),
                    None)
    if unclosed is not None and start is not None and at.line > start.line:
        if " #" in _line(text, start.line)[start.column:]:
            return (" (a ' #' starts a comment, which ends the line: put a value with ' #' in "
                    "quotes, as in title: \"Engineer #2\")")
        if not (char == ":" and unclosed in line[at.column:]):  # (`x: y}`: a ': ' in text)
            return f" (is the '{unclosed}' that closes it missing?)"  # (on a later line)
    slip = _spacing_slip(text, exc)
    if slip is not None:
        return slip
    if char == ":" and (unclosed or "mapping values are not allowed" in problem):
        if unclosed:  # (in {...}: a value with ': ', or two keys without a ',' between)
            return (" (a ': ' inside a value: put the value in quotes, as in title: \"VP: "
                    "Sales\"; or is a ',' missing before a key?)")
        if ": " in line[:at.column]:  # (a key and its value before it)
            return " (a ': ' inside a value: put the value in quotes, as in title: \"VP: Sales\")"
        start = _read_on_start(text, at)
        key_line = None if start is None else _run_on_key(text, at, start)
        value_line = key_line if key_line is not None or start is None else (
            _value_after_key(text, start))
        if value_line is not None and " " in line[:at.column].strip():  # (`more text: x`)
            return (f" (a ': ' inside a value that starts on line {value_line + 1}: put the "
                    "value in quotes)")
        if key_line is not None:  # (`orgviz 1` above `org: ...`: a text that reads on)
            return f" (is a ':' missing after the key on line {key_line + 1}?)"
        return " (is this line indented as the lines above it are?)"  # (a key that reads on)
    if "expected <document start>" in problem:  # (the document ended before this line)
        return _document_start_hint(text, at)
    if unclosed is not None and char in "}]" and char:
        return f" (a '{char}' where '{unclosed}' should close it)"
    if "expected '-' indicator" in problem or "expected <block end>" in problem or (
            "expected key" in problem):
        return " (is this line indented as the lines above it are?)"
    if "expected ':'" in problem and start is not None and (  # (`org|`: a key reads on)
            _key_slip(text, start.line, start.column) is None):  # (a ':' there: no guess)
        return f" (is a ':' missing after the key on line {start.line + 1}?)"
    return ""


#: What may stand before a key on its line: its indentation, and the '-' of list entries.
_KEY_PLACE = re.compile(r" *(?:-(?: +|$))*")


def _read_on_start(text: str, at: yaml.Mark) -> yaml.Mark | None:
    """Where the plain text starts that YAML read on, from an earlier line, into the ':' it
    stopped at (`at`); None when the last thing it read is not such a text."""
    last = _reading(text, at)[0]
    if last is None or not last[0].line < at.line == last[1].line:
        return None
    start: yaml.Mark = last[0]
    return start


def _run_on_key(text: str, at: yaml.Mark, start: yaml.Mark) -> int | None:
    """The line (0-based) of a text with no ':' that starts where a key may (`name Ada`,
    `- id a`, a file's `orgviz 1`) and that YAML read on into the key YAML stopped at
    (`at`: its ':'; `start`: `_read_on_start`), which starts at the text's column or
    further right; or None."""
    line = _line(text, start.line)
    if not _KEY_PLACE.fullmatch(line[:start.column]) or ":" in line[start.column:]:
        return None
    return start.line if _indent(_line(text, at.line)) >= start.column else None


def _value_after_key(text: str, start: yaml.Mark) -> int | None:
    """The line (0-based) of a plain value that starts after its key's ': ' (`title: Head
    of`) or a list entry's '- ' and that YAML read on into the ':' it stopped at, on a later
    line (`start`: where it starts, `_read_on_start`); or None."""
    before = _line(text, start.line)[:start.column]
    return start.line if before[-1:] in (" ", "\t") and before.rstrip().endswith((":", "-")) \
        else None


#: A line with something YAML reads (not blank, a comment, a directive or a `---` alone).
_CONTENT_LINE = re.compile(r"(?![ \t]*(?:#|$)|%|---[ \t]*(?:#|$))")
#: A line of plain text with no ':' (nor a comment), a key's place but no key.
_PLAIN_WORDS = re.compile(r" *[^\s:#\[\]{}&*!|>'\"%@`,?-][^:#]*")


def _document_start_hint(text: str, at: yaml.Mark) -> str:
    """What to do about a line YAML read after the end of the document (`at`: its start):
    the document's first line indented more than it (` orgviz: 1`), or a text with no ':'
    that is all the document (`orgviz 1` above a comment); or ""."""
    first = next((index for index in range(at.line)
                  if _CONTENT_LINE.match(_line(text, index))), None)
    if first is None:
        return ""
    line = _line(text, first)
    if _indent(line) > _indent(_line(text, at.line)):
        return (f" (line {first + 1} is indented more than this line: start every top-level "
                "key at column 1, with no spaces before it)")
    if _PLAIN_WORDS.fullmatch(line.rstrip()):
        return f" (is a ':' missing after the key on line {first + 1}?)"
    return ""


def _spacing_slip(text: str, exc: yaml.MarkedYAMLError) -> _Slip | None:
    """Where a key has no space after its ':' or a list entry none after its '-', and what
    to write, when YAML certainly read it as text at the place of a key of the block
    mapping it was reading and stopped further on for it; or None. Certain only where YAML
    read a plain text that starts with it: the simple key it found no ':' for (`name:C`
    above `title: x`, at the indentation of the mapping's keys); the text that ran into a
    line whose key stands at its indentation (`- id:a` above `    name: A`); the key that
    starts the block mapping YAML was reading (`-id: a`); the key YAML stopped at, at the
    column of its list's '-' (`-id: b` below `- id: a`). A `word:x` in a block of text
    (`notes: |`), in quotes or in the lines a plain value goes on over is text, whatever the
    error further on: YAML's own place and words stay."""
    at, start, problem = exc.problem_mark, exc.context_mark, exc.problem or ""
    if at is None:
        return None
    if "expected ':'" in problem and start is not None:  # (a simple key YAML needed)
        block = _reading(text, at)[1]
        if block is None or block.column != start.column:  # (not at the keys' indentation)
            return None
        return _key_slip(text, start.line, start.column)
    if "mapping values are not allowed" in problem:
        last, block = _reading(text, at)
        if last is not None and last[0].line < at.line == last[1].line and (
                _indent(_line(text, at.line)) == last[0].column):
            return _key_slip(text, last[0].line, last[0].column)
        return None if block is None else _dash_slip(text, block.line, block.column)
    if start is not None and start.column == at.column and (
            "expected '-'" in problem or "expected <block end>" in problem):
        return _dash_slip(text, at.line, at.column)
    return None


def _key_slip(text: str, line: int, column: int) -> _Slip | None:
    """A key without a space after its ':' that starts at `column` of `line` (0-based)."""
    key = _KEY_WITHOUT_SPACE.match(_line(text, line))
    if key is None or key.start(1) != column:
        return None
    value = key.string[key.end():].strip()
    shown = value if value and len(value) <= 20 and "'" not in value else "..."
    return _Slip(line, key.end(1), "a key needs a space after its ':', as in "
                 f"'{key.group(1)}: {shown}'")


def _dash_slip(text: str, line: int, column: int) -> _Slip | None:
    """A '-' without a space after it at `column` of `line` (0-based), as a line starts."""
    dash = _DASH_WITHOUT_SPACE.match(_line(text, line))
    if dash is None or dash.end() - 2 != column:
        return None
    return _Slip(line, column, "a '-' that starts a list entry needs a space after it, as in "
                 "'- id: ...'")


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _same(mark: Any) -> Any:
    return mark


def _reading(text: str, at: Any) -> tuple[tuple[Any, Any] | None, Any]:
    """What PyYAML's scanner read last before `at` (the error path only: `text` is scanned
    again up to the end of `at`'s line): where the last token starts and ends when it is a
    plain text (else None), and where the innermost block mapping still open starts (or
    None); on the lines editors count."""
    lines = _real_lines(text)
    move = _same if lines is None else lines.mark
    loader = _Loader(text[:_offset(text, at.line + 1, 0)])
    last: tuple[Any, Any] | None = None
    blocks: list[tuple[type, Any]] = []
    try:
        while True:
            token = loader.get_token()
            if token is None:
                break
            mark = move(token.start_mark)
            if (mark.line, mark.column) >= (at.line, at.column):
                break
            kind = type(token)
            if kind is yaml.BlockMappingStartToken or kind is yaml.BlockSequenceStartToken:
                blocks.append((kind, mark))
            elif kind is yaml.BlockEndToken and blocks:
                blocks.pop()
            last = (mark, move(token.end_mark)) if kind is yaml.ScalarToken and token.plain \
                else None
    except yaml.YAMLError:
        pass  # (where YAML stopped: what was read before is all there is)
    finally:
        loader.dispose()
    if not blocks or blocks[-1][0] is not yaml.BlockMappingStartToken:
        return last, None
    return last, blocks[-1][1]


#: PyYAML's names for what it was reading, in the words of an org file's author.
_CONTEXTS = {"quoted scalar": "quoted text", "flow sequence": "[...] list",
             "flow mapping": "{...} mapping", "block mapping": "mapping",
             "block sequence": "list", "block collection": "list or mapping",
             "plain scalar": "text", "block scalar": "block of text"}


def _build(loader: Any, file: str, mappings: dict[str, FlowMapping],
           found: list[YamlError], suspects: dict[int, list[tuple[str, str]]],
           kept: list[Comment], lines: _RealLines | None = None) -> Any:
    """Turn the parser's events into YMap / YList / str / None values (no recursion); a
    placeholder of `mappings` met as a value of its own becomes its mapping (and leaves
    `mappings`). The problems that let reading go on go to `found`: duplicate keys (the
    first value stays) and anchors of texts that no alias uses. `lines`: marks are moved
    to the lines editors count (a text with a NEL, LS or PS)."""
    anchors: dict[str, Any] = {}
    unused: dict[str, tuple[SourceLoc, str | None]] = {}  # (texts' anchors no alias used yet)
    # The open container's state lives in locals; the states of the containers around it
    # are saved on `stack`: (container, anchor, pending key, its loc, node count at the
    # start, keys added by a merge key).
    stack: list[tuple[Any, ...]] = []
    out: list[Any] = []
    documents = 0
    # Nodes so far (scalars, containers and the full expansion of aliases): a container's
    # size is the count at its end minus the count before it started. Alias bombs are
    # bounded on values only (containers not counted): count - containers.
    count = 0
    containers = 0
    container: Any = None  # the open YMap / YList; None at the top level
    in_list = False
    anchor: str | None = None
    key: Any = _NO_KEY
    key_loc: SourceLoc | None = None
    start = 0
    merged: set[str] | None = None
    key_locs: dict[str, SourceLoc] = {}
    value_locs: dict[str, SourceLoc] = {}
    add_item = add_item_loc = out.append
    scalar_event, alias_event = yaml.ScalarEvent, yaml.AliasEvent
    mapping_start, sequence_start = yaml.MappingStartEvent, yaml.SequenceStartEvent
    mapping_end, sequence_end = yaml.MappingEndEvent, yaml.SequenceEndEvent
    document_start = yaml.DocumentStartEvent
    get_event = loader.get_event
    if lines is not None:  # (not in the loop: other texts pay nothing for it)
        get_event = _moved_events(get_event, lines)
    nulls = NULLS
    # SourceLoc(...) runs a Python-level __new__; building the tuple directly is the same value.
    new_loc, loc_class = tuple.__new__, SourceLoc
    while True:
        event = get_event()
        if event is None:
            break
        kind = type(event)
        if kind is scalar_event:
            mark = event.start_mark
            loc = new_loc(loc_class, (file, mark.line + 1, mark.column + 1))
            if event.tag is not None:
                _check_tag(event.tag, loc)
            value = event.value
            if value in nulls and not event.style and event.implicit[0]:  # C loader: ""
                value = None
            elif event.style in _BLOCK_STYLES:  # (`title: |`: its final line break is no text)
                value = value.rstrip(_BLOCK_BREAKS)
            if suspects and mark.line in suspects:  # (`color: #4C78A8`, `title: Engineer #2`)
                if lines is not None:  # (`get_event` moved its start only)
                    event.end_mark = lines.mark(event.end_mark)
                _comment_after(suspects, event, key, value, file, kept)
            if event.anchor is not None:
                anchors[event.anchor] = value
                unused[event.anchor] = (loc, value)
            count += 1
            if mappings and value in mappings and len(stack) + 1 < MAX_DEPTH:
                value, size, inside = mappings.pop(value)
                count += size - 1
                containers += inside
        elif kind is mapping_start or kind is sequence_start:
            mark = event.start_mark
            loc = new_loc(loc_class, (file, mark.line + 1, mark.column + 1))
            if event.tag is not None:
                _check_tag(event.tag, loc)
            if len(stack) >= MAX_DEPTH:
                raise YamlError(loc, "limits", f"nesting deeper than {MAX_DEPTH} levels")
            stack.append((container, anchor, key, key_loc, start, merged))
            start = count
            count += 1
            containers += 1
            anchor = event.anchor
            key, key_loc, merged = _NO_KEY, None, None
            if kind is mapping_start:
                container = YMap(loc)
                in_list = False
                key_locs, value_locs = container.key_locs, container.value_locs
            else:
                container = YList(loc)
                in_list = True
                add_item, add_item_loc = container.append, container.item_locs.append
            continue
        elif kind is mapping_end or kind is sequence_end:
            value = container
            value.size = count - start
            if anchor is not None:
                anchors[anchor] = value
            loc = value.loc
            container, anchor, key, key_loc, start, merged = stack.pop()
            if container is None:
                in_list = False
            elif type(container) is YList:
                in_list = True
                add_item, add_item_loc = container.append, container.item_locs.append
            else:
                in_list = False
                key_locs, value_locs = container.key_locs, container.value_locs
        elif kind is alias_event:
            mark = event.start_mark
            loc = SourceLoc(file, mark.line + 1, mark.column + 1)
            if event.anchor not in anchors:
                raise YamlError(loc, "yaml-syntax", f"unknown alias '*{event.anchor}'"
                                + _alias_hint(event.anchor, anchors))
            value = anchors[event.anchor]
            unused.pop(event.anchor, None)
            count += _size(value)
            if count - containers > MAX_NODES:
                raise YamlError(loc, "limits",
                                f"aliases expand to more than {MAX_NODES:,} values "
                                "(an alias bomb?): refusing to read further")
        elif kind is document_start:
            documents += 1
            if documents > 1:
                mark = event.start_mark
                raise YamlError(SourceLoc(file, mark.line + 1, mark.column + 1), "yaml-syntax",
                                "several YAML documents in one file: an org file holds one")
            continue
        else:
            continue
        if in_list:
            add_item(value)
            add_item_loc(loc)
        elif container is None:
            out.append(value)
        elif key is _NO_KEY:
            if type(value) is not str:
                what = "null" if value is None else "a mapping or list"
                raise YamlError(loc, "yaml-syntax", f"a key must be plain text, not {what}")
            key = value
            key_loc = loc
        else:
            if merged is not None and key in merged:
                merged.discard(key)  # an explicit key overrides a merged one
            elif key in container:
                found.append(_duplicate(key, key_loc, key_locs[key],  # type: ignore[arg-type]  # key_loc: set
                                        value))
                key = _NO_KEY
                continue
            if key == "<<" and isinstance(value, (YMap, YList)):
                merged = (merged or set()) | _merge(container, value, loc)
            else:
                container[key] = value
                key_locs[key] = key_loc  # type: ignore[assignment]  # (set with the key)
                value_locs[key] = loc
            key = _NO_KEY
    found += [_unused_anchor(name, loc, value) for name, (loc, value) in unused.items()]
    if not out:
        raise YamlError(SourceLoc(file, 1, 1), "schema", "empty file: expected an org file")
    return out[0]


def _unused_anchor(name: str, loc: SourceLoc, value: str | None) -> YamlError:
    """The problem of a text's anchor that no alias uses: `title: &Co Engineer` reads as
    'Engineer', the '&Co' taken for an anchor, most likely not what was meant."""
    reads = "null" if value is None else f"'{value}'"
    return YamlError(loc, "yaml-syntax", f"'&{name}' is a YAML anchor that no alias uses, so "
                     f"the value reads as {reads}: put the value in quotes if the '&' is part "
                     f"of the text (\"&{name}{' ' + value if value else ''}\"), or remove the "
                     "anchor")


def _duplicate(key: str, loc: SourceLoc, first: SourceLoc, value: Any) -> YamlError:
    """The problem of a key (with `value`) that its mapping already has (at `first`)."""
    where = (f"column {first.col} of this line" if first.line == loc.line
             else f"line {first.line}")
    merge = {YList: ", or merge the two lists", YMap: ", or merge the two mappings"}.get(
        type(value), " (a second manager goes in dotted_to)" if key == "reports_to" else "")
    return YamlError(loc, "duplicate-key", f"duplicate key '{key}' (first defined at {where}): "
                     f"YAML would keep only one of them; delete one{merge}")


def _alias_hint(name: str, anchors: dict[str, Any]) -> str:
    """"; did you mean '*x'?" for the closest anchor defined before, else how to write a
    value that starts with '*' (`name: *Ada` is an alias, not text)."""
    return did_you_mean(name, anchors, "'*{}'".format) or (
        f" (a value that starts with '*' is an alias: put the value in quotes: \"*{name}\")")


def _merge(target: YMap, source: YMap | YList, loc: SourceLoc) -> set[str]:
    """Apply a YAML merge key (`<<: *defaults`); return the keys it added.

    Keys already present win, and so do explicit keys that come later.
    """
    added: set[str] = set()
    sources = source if isinstance(source, YList) else [source]
    for item in sources:
        if not isinstance(item, YMap):
            raise YamlError(loc, "yaml-syntax", "a merge key (<<) takes a mapping or mappings")
        for key, value in item.items():
            if key not in target:
                target[key] = value
                target.key_locs[key] = item.key_locs[key]
                target.value_locs[key] = item.value_locs[key]
                added.add(key)
    return added


#: The prefix of the standard tags, which a file writes `!!`.
_STANDARD = "tag:yaml.org,2002:"


def _check_tag(tag: str | None, loc: SourceLoc) -> None:
    if tag is not None and tag not in _ALLOWED_TAGS:
        shown = "!!" + tag.removeprefix(_STANDARD) if tag.startswith(_STANDARD) else tag
        raise YamlError(loc, "yaml-syntax", f"YAML tag '{shown}' is not allowed in an org file: "
                        "remove it (orgviz reads every value as text)")


class _NoKey:
    __slots__ = ()

    def __repr__(self) -> str:
        return "<no key>"


_NO_KEY: Any = _NoKey()
