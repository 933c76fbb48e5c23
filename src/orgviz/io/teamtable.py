"""The teams table: the CSV of `teams:` that `orgviz export --format csv -o NAME.csv` writes
beside the people CSV (NAME.teams.csv), and that `orgviz import NAME.csv` reads back.

The people CSV stays a plain table of people (one row a person, the layout HR tools and
spreadsheets take); what it cannot carry about the teams (their order, parent, lead and
color, and the teams nobody is in) is one row a team in this table, in the order of
`teams:`. Its `team` column holds the ids the people CSV's `team` column holds.
"""

from __future__ import annotations

import csv
import os
import stat
from collections.abc import Callable, Sequence
from typing import BinaryIO, NamedTuple

#: The columns of the teams table, as export writes them (the org file's keys of a team;
#: `team` and `team_name` as the people CSV calls a team's id and name).
TEAM_COLUMNS = ("team", "team_name", "parent", "lead", "color")
_SORTED_COLUMNS = sorted(TEAM_COLUMNS)
#: The fields of a team each column holds.
TEAM_FIELDS = {"team": "id", "team_name": "name", "parent": "parent", "lead": "lead",
               "color": "color"}
#: How the name of a teams table ends, after the people CSV's name without its extension.
TEAMS_SUFFIX = ".teams.csv"


def teams_path(people_csv: str) -> str:
    """The teams table's path beside a people CSV (`out/acme.csv` -> `out/acme.teams.csv`)."""
    return os.path.splitext(people_csv)[0] + TEAMS_SUFFIX


class TableBeside(NamedTuple):
    """The teams table beside a people CSV (`teams_table_beside`): its path, and its bytes
    as the import reads a CSV (`tables.read_table_bytes` would; None past the import's limit
    or when the path is no regular file any more: the import reads it again, and says why it
    is not read)."""

    path: str
    data: bytes | None


def teams_table_beside(people_csv: str | None, encoding: str | None = None
                       ) -> TableBeside | None:
    """The teams table that sits beside a people CSV (a regular file whose header is the one
    export writes: `is_teams_table`), its bytes read once (the import's, handed on), or
    None: for standard input (None, `-`), a device or a pipe, or when there is none (a file
    by its name of other columns, such as a departments list or another tool's `Team,Lead`,
    is read only when `--teams` names it: of such a file no more than its first 4 KiB, or
    up to its first line break within _FIRST_LINE_BYTES, is read: `_head`)."""
    if not people_csv or people_csv == "-" or not os.path.isfile(people_csv):
        return None
    path = teams_path(people_csv)
    if not os.path.isfile(path):
        return None
    try:
        return _table_or_none(path, encoding)
    except (OSError, ValueError):  # (unreadable: no teams table, as `is_teams_table` says)
        return None


def _table_or_none(path: str, encoding: str | None) -> TableBeside | None:
    """The teams table at `path`, opened once: its first line read and asked whether it is
    the header export writes, the rest read only then (its bytes None past the import's
    limit, or if it is no regular file any more: the import says why); None for another
    file."""
    from orgviz.io.csvread import MAX_CSV_BYTES

    descriptor = os.open(path, _OPEN_FLAGS)
    with os.fdopen(descriptor, "rb") as stream:
        status = os.fstat(descriptor)
        if not stat.S_ISREG(status.st_mode):
            return None
        head = _head(stream)
        if not _is_header_line(_first_line_of(head, path, encoding)):
            return None
        if status.st_size > MAX_CSV_BYTES:
            return TableBeside(path, None)
        data = head + stream.read(max(status.st_size + 1 - len(head), 1))
        if len(data) > status.st_size:  # (more than stat said: up to the limit)
            data += stream.read(MAX_CSV_BYTES + 1 - len(data))
    return TableBeside(path, data if len(data) <= MAX_CSV_BYTES else None)


#: How the teams table beside a people CSV is opened: without waiting, should the path have
#: become a FIFO since it was asked whether it is a regular file (`orgfiles.read_regular`).
_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)


def is_teams_table(path: str, encoding: str | None = None) -> bool:
    """Whether a file's first line is the header export writes (`_is_header_line`), read as
    the import reads a CSV (`csvread.decode`: UTF-8, UTF-16 with a BOM, `encoding`); a FIFO
    or a device is none (opened, it would block, or be read away)."""
    return _is_header_line(_first_line(path, encoding))


def _is_header_line(line: str | None) -> bool:
    """Whether a line is the header export writes (`is_export_header`: cells separated by a
    comma, or a semicolon, tab or bar as a spreadsheet may save it)."""
    return line is not None and _split_so(line, is_export_header)


def is_export_header(header: Sequence[str]) -> bool:
    """Whether a header is the teams table's as export writes it: its five columns, named
    in lower case, each once, in any order (a spreadsheet may move them); a header that
    drops or renames one (`Team,Lead`) is another file's, read only by `--teams`."""
    return sorted(head.lstrip("\ufeff") for head in header) == _SORTED_COLUMNS


def _split_so(line: str, test: Callable[[list[str]], bool]) -> bool:
    """Whether a line split at a comma, semicolon, tab or bar passes `test` one way."""
    return any(test(next(csv.reader([line], delimiter=mark), [])) for mark in ",;\t|")


def _first_line(path: str, encoding: str | None) -> str | None:
    """A regular file's first line, decoded as the import decodes a CSV; None when it
    cannot be read or decoded (no teams table then)."""
    if not os.path.isfile(path):
        return None
    try:
        with open(path, "rb") as stream:
            data = _head(stream)
    except OSError:
        return None
    return _first_line_of(data, path, encoding)


def _head(stream: BinaryIO) -> bytes:
    """The first bytes of a file, enough for its first line: its first _HEAD_BYTES and one
    more, and, without a line break among them (`\\n`, or `\\r` alone as Excel for Mac's
    "CSV (Macintosh)" ends lines), on up to _FIRST_LINE_BYTES and one more."""
    head = stream.read(_HEAD_BYTES + 1)
    if len(head) > _HEAD_BYTES and _first_line_end(head) == 0:
        head += stream.read(_FIRST_LINE_BYTES - _HEAD_BYTES)
    return head


def _first_line_of(data: bytes, path: str, encoding: str | None) -> str | None:
    """The first line of a file's bytes (`_head`: a file longer than _HEAD_BYTES is decoded
    up to its first line break, found in its first _FIRST_LINE_BYTES, and one more),
    decoded as the import decodes a CSV; None when they cannot be decoded."""
    data = data[:_FIRST_LINE_BYTES + 1]
    if len(data) > _HEAD_BYTES:  # (a long file: up to its first line break)
        data = data[:_first_line_end(data)]
    lines = _decoded_lines(data, path, encoding)
    return lines[0] if lines else None


def _first_line_end(data: bytes) -> int:
    """Where the first line of a file's bytes ends: past its first `\\n` or `\\r` (a
    `\\r\\n` ends at its `\\r`) and the NULs of that character in UTF-16 or UTF-32 of
    either byte order; 0 without a line break."""
    breaks = [at for at in (data.find(b"\n"), data.find(b"\r")) if at >= 0]
    if not breaks:
        return 0
    at = min(breaks)
    for width in (4, 2):  # (little-endian: the break's NULs follow it)
        if at % width == 0 and data[at + 1:at + width] == bytes(width - 1):
            return at + width
    return at + 1


def _decoded_lines(data: bytes, path: str, encoding: str | None) -> list[str] | None:
    """A file's bytes decoded as the import decodes a CSV (`csvread.decode`), in lines, a
    byte order mark dropped; None when they cannot be decoded."""
    from orgviz.errors import OrgvizError
    from orgviz.io.csvread import decode

    try:
        text = decode(data, path, encoding, [])[0]
    except OrgvizError:
        return None
    return text.lstrip("\ufeff").splitlines()


def may_be_empty_teams_table(path: str) -> bool:
    """Whether a file is small enough to be a teams table of its header alone (a regular
    file of at most _HEAD_BYTES: `is_empty_teams_table` is asked of its bytes)."""
    try:
        return os.path.isfile(path) and os.path.getsize(path) <= _HEAD_BYTES
    except (OSError, ValueError):  # (ValueError: a NUL in the path)
        return False


def is_empty_teams_table(data: bytes, path: str, encoding: str | None = None) -> bool:
    """Whether a file's bytes (`may_be_empty_teams_table`) are a teams table of its header
    alone (as export writes for an org without `teams:` where an earlier export's table
    was; `team_table_columns`): no teams to read, where a CSV without rows is otherwise
    refused. (Lines of delimiters alone are none; a file of more than _HEAD_BYTES is none.)"""
    if len(data) > _HEAD_BYTES:
        return False
    lines = _decoded_lines(data, path, encoding)
    if not lines or not _split_so(lines[0], lambda head: team_table_columns(head) is not None):
        return False
    return not any(line.strip(",;\t| ") for line in lines[1:])


#: How much of a long file `_first_line` reads (up to its first line break).
_FIRST_LINE_BYTES = 64 * 1024
#: The size up to which a file may be a teams table of its header alone (it is less).
_HEAD_BYTES = 4096


def teams_table_for_output(output: str | None) -> str | None:
    """Where export writes the teams table for an `-o` (beside it), or None when the output
    is standard output (None, `-`, `/dev/stdout`), a device or a pipe: one stream holds
    one table."""
    from orgviz.io.files import own_descriptor

    if not output or output == "-" or own_descriptor(output) is not None:
        return None
    if os.path.exists(output) and not os.path.isfile(output):
        return None  # (a device, a pipe: `-o /dev/null`)
    return teams_path(output)


def team_table_columns(header: Sequence[str]) -> dict[str, int] | None:
    """Field -> column of a header that is the teams table's layout: its `team` column and
    others of its columns, in any order, each once (a spreadsheet may drop or move some);
    empty header cells without a name are passed over. None for any other header (a
    departments list: `--teams` reads it by its spellings)."""
    found: dict[str, int] = {}
    for i, head in enumerate(header):
        name = head.strip().lstrip("\ufeff").lower()
        if not name:
            continue
        field = TEAM_FIELDS.get(name)
        if field is None or field in found:
            return None
        found[field] = i
    return found if "id" in found else None
