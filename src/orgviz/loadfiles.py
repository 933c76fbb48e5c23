"""The loader's reading of org files: the YAML document, comments that cut a value short,
and include paths as the disk spells them."""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any

from orgviz.errors import OrgLoadError
from orgviz.loadfields import Collector
from orgviz.orgfiles import read_input
from orgviz.problem import Problem, one_line
from orgviz.yamlread import MAX_FILE_BYTES, Comment, YamlError, decode, read_yaml


def read_org_file(path: Path, shown: str, out: Collector, stdin: bool) -> tuple[Any, bool]:
    """An org file's document (standard input's where `stdin` says so), and whether its
    text holds a backslash (an escape in a double-quoted scalar can make a control character
    that the file may not hold raw); comments that cut a value short go to `out`
    (`_cut_by_comment`)."""
    data = read_input(path, shown, MAX_FILE_BYTES, "an org file", "reads org files", stdin)
    comments: list[Comment] = []
    try:
        doc = read_yaml(decode(data, shown), shown, comments)
        for comment in comments:
            _cut_by_comment(comment, out)
        return doc, b"\\" in data
    except YamlError as exc:
        raise OrgLoadError([Problem.at(e.loc, "error", e.rule, e.message)
                            for e in exc.all()]) from None


#: A comment that a value was meant to hold: a color, or a number (`#4C78A8`, `#2`).
_MEANT_VALUE = re.compile(r"#(?:[0-9]|[0-9a-fA-F]{3}\b|[0-9a-fA-F]{6}\b)")
#: The keys of free texts, where a ` #2` after the text is most likely part of it.
_FREE_TEXTS = frozenset(("name", "title", "location", "description"))


def _cut_by_comment(comment: Comment, out: Collector) -> None:
    """Report a comment that took a value (`color: #4C78A8` reads as null: an error) or the
    end of a text (`title: Engineer #2` reads as 'Engineer': a warning); other comments with
    no space after the '#' (`reports_to: ceo #TODO`) are left alone."""
    key, text, value = comment.key, comment.comment, comment.value
    shown = one_line(text if len(text) <= 40 else text[:39] + "…")
    if value is None and (key == "color" or _MEANT_VALUE.match(text)):
        quoted = text.replace("'", "''")
        out.nulled_by_comment.add((comment.loc.file, comment.loc.line))
        out.error(comment.loc, f"'{shown}' starts a YAML comment, so '{key}' reads as null: "
                  f"put the value in quotes ({key}: '{quoted}')", rule="yaml-syntax")
    elif value is not None and key in _FREE_TEXTS and text[1:2].isdigit():
        quoted = f"{value} {text}".replace("'", "''")
        out.problems.append(Problem.at(
            comment.loc, "warning", "yaml-syntax", f"'{shown}' starts a YAML comment, so "
            f"'{key}' reads as '{one_line(value)}': put the value in quotes if '{shown}' is "
            f"part of it ({key}: '{quoted}')"))


def include_hint(folder: Path, item: str) -> str:
    """"; did you mean 'acme/eng.yaml'?" for an include path that names no file but would
    with '/' for '\\' or in another case (which a case-insensitive disk finds, as macOS and
    Windows do, and Linux CI does not); or ""."""
    meant = spelt_on_disk(folder, item)
    if meant is None or meant == item or nothing_at(folder / meant):
        return ""
    why = " (paths use '/')" if "\\" in item else " (names differ in case: macOS and Windows " \
        "find it, Linux does not)"
    return f"; did you mean '{meant}'?{why}"


def spelt_on_disk(folder: Path, item: str) -> str | None:
    """The relative path `item` (from `folder`) with '/' between its parts and each part as
    the folder lists it: the name itself, else the one name that differs only in case; None
    when a part has neither (or a folder cannot be listed)."""
    parts = re.split(r"[\\/]+", item)
    here = folder
    for index, part in enumerate(parts):
        if part in ("", ".", ".."):
            here = here / part
            continue
        try:
            names = [entry.name for entry in here.iterdir()]
        except OSError:
            return None
        same = [n for n in names if n == part] or [n for n in names
                                                    if n.casefold() == part.casefold()]
        if len(same) != 1:
            return None
        parts[index] = same[0]
        here = here / same[0]
    return "/".join(parts)


def nothing_at(path: Path) -> bool:
    """Whether nothing is at `path` (a symlink loop is something: reading it says what)."""
    try:
        os.stat(path)
    except (FileNotFoundError, NotADirectoryError):
        return True
    except OSError:
        return False
    return False
