"""Problem reporters: text, json and GitHub annotations, in one registry."""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Sequence
from typing import IO

from orgviz.problem import Problem

_COLORS = {"error": "\033[31m", "warning": "\033[33m", "info": "\033[36m"}
_RESET, _DIM = "\033[0m", "\033[2m"


def use_color(stream: IO[str]) -> bool:
    """Colour only on a terminal, and never with NO_COLOR set."""
    if os.environ.get("NO_COLOR"):
        return False
    return bool(getattr(stream, "isatty", lambda: False)())


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def summary_line(problems: Sequence[Problem], files: int) -> str:
    """One closing line: how many files and how many problems of each level."""
    counts = {level: sum(1 for p in problems if p.level == level)
              for level in ("error", "warning", "info")}
    found = ", ".join(_plural(n, level) for level, n in counts.items() if n)
    return f"{_plural(files, 'file')} checked: {found or 'no problems'}"


def report_text(problems: Sequence[Problem], files: int, out: IO[str], quiet: bool) -> None:
    """`path:line:col: level [rule] message`, one a line, then a summary unless quiet."""
    color = use_color(out)
    for p in problems:
        if color:
            out.write(f"{_DIM}{p.file}:{p.line}:{p.col}:{_RESET} {_COLORS[p.level]}{p.level}"
                      f"{_RESET} [{p.rule}] {p.message}\n")
        else:
            out.write(f"{p}\n")
    if not quiet:
        out.write(summary_line(problems, files) + "\n")


def report_json(problems: Sequence[Problem], files: int, out: IO[str], quiet: bool) -> None:
    """A JSON list of problems with file, line, column, level, rule and message."""
    json.dump([p.to_dict() for p in problems], out, indent=2, ensure_ascii=False)
    out.write("\n")


def _gh_escape(text: str, prop: bool = False) -> str:
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if prop:
        text = text.replace(":", "%3A").replace(",", "%2C")
    return text


def report_github(problems: Sequence[Problem], files: int, out: IO[str], quiet: bool) -> None:
    """GitHub Actions workflow commands (::error file=...,line=...::message)."""
    for p in problems:
        command = "notice" if p.level == "info" else p.level
        out.write(f"::{command} file={_gh_escape(p.file, True)},line={p.line},col={p.col},"
                  f"title={_gh_escape('orgviz ' + p.rule, True)}::{_gh_escape(p.message)}\n")


Reporter = Callable[[Sequence[Problem], int, IO[str], bool], None]
REPORTERS: dict[str, Reporter] = {
    "text": report_text,
    "json": report_json,
    "github": report_github,
}
