"""Problem reporters: text, json, GitHub annotations and SARIF, in one registry."""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import IO

from orgviz.orgfiles import STDIN_SHOWN, relative_inside
from orgviz.problem import Problem, one_line

_COLORS = {"error": "\033[31m", "warning": "\033[33m", "info": "\033[36m"}
_RESET, _DIM = "\033[0m", "\033[2m"


def use_color(stream: IO[str]) -> bool:
    """Colour only on a terminal, and never with NO_COLOR set."""
    if os.environ.get("NO_COLOR"):
        return False
    return bool(getattr(stream, "isatty", lambda: False)())


def _plural(count: int, word: str) -> str:
    """'1 error', '50,000 warnings' (thousands separated, as import's counts are)."""
    return f"{count:,} {word}{'' if count == 1 else 's'}"


def summary_line(problems: Sequence[Problem], files: int, hidden: int = 0) -> str:
    """One closing line: how many files and how many problems of each level (and how many
    warnings and infos --no-warnings left out)."""
    counts = {level: sum(1 for p in problems if p.level == level)
              for level in ("error", "warning", "info")}
    found = ", ".join(_plural(n, level) for level, n in counts.items() if n)
    if hidden:
        what = "warning or info" if hidden == 1 else "warnings and infos"
        return (f"{_plural(files, 'file')} checked: {found or 'no errors'} "
                f"({hidden:,} {what} left out: --no-warnings)")
    return f"{_plural(files, 'file')} checked: {found or 'no problems'}"


def report_text(problems: Sequence[Problem], files: int, out: IO[str], quiet: bool) -> None:
    """`path:line:col: level [rule] message`, one a line, then a summary unless quiet."""
    color = use_color(out)
    for p in problems:
        if color:
            out.write(f"{_DIM}{one_line(p.file)}:{p.line}:{p.col}:{_RESET} "
                      f"{_COLORS[p.level]}{p.level}{_RESET} [{p.rule}] {one_line(p.message)}\n")
        else:
            out.write(f"{p}\n")
    if not quiet:
        out.write(summary_line(problems, files) + "\n")


def _write_json(value: object, out: IO[str]) -> None:
    """JSON text of `value` and a line break. A file name that is not UTF-8 holds lone
    surrogates as Python reads it: written as \\udcff escapes (valid JSON, read back as the
    same string), which a UTF-8 stream refuses raw."""
    import json  # (only for these reporters: not at every start of validate)

    text = json.dumps(value, indent=2, ensure_ascii=False)
    # (the escapes `io.files` writes too: only a lone surrogate cannot be encoded)
    out.write(text.encode("utf-8", "backslashreplace").decode("utf-8") + "\n")


def report_json(problems: Sequence[Problem], files: int, out: IO[str], quiet: bool) -> None:
    """A JSON list of problems with file, line, column, level, rule and message."""
    _write_json([p.to_dict() for p in problems], out)


def _gh_escape(text: str, prop: bool = False) -> str:
    text = one_line(text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"))
    if prop:
        text = text.replace(":", "%3A").replace(",", "%2C")
    return text


def github_path(path: str) -> str:
    """A file's path for an annotation: relative to the working folder, normalised, with
    forward slashes (`orgs/acme.yaml`, never `./orgs/acme.yaml`) below it; absolute (and
    normalised) outside it; `<stdin>` and an empty path (that names no file) as they are."""
    if path in (STDIN_SHOWN, ""):
        return path
    relative = relative_inside(path)
    return os.path.abspath(path) if relative is None else relative.replace(os.sep, "/")


def report_github(problems: Sequence[Problem], files: int, out: IO[str], quiet: bool) -> None:
    """GitHub Actions workflow commands (::error file=...,line=...::message), each file named
    as `github_path` names it."""
    for p in problems:
        command = "notice" if p.level == "info" else p.level
        where = f"file={_gh_escape(github_path(p.file), True)},line={p.line},col={p.col}"
        out.write(f"::{command} {where},"
                  f"title={_gh_escape('orgviz ' + p.rule, True)}::{_gh_escape(p.message)}\n")


# Rule ids of problems found while reading a file, before any rule runs.
LOAD_RULES = {
    "encoding": "The file is not valid UTF-8 or holds control characters.",
    "yaml-syntax": "The file is not valid YAML (or holds several documents).",
    "duplicate-key": "A mapping repeats a key; YAML would keep only one of them.",
    "limits": "The file exceeds orgviz's limits on size, nesting or alias expansion.",
    "version": "The 'orgviz: 1' format version key is missing or names an unknown version.",
    "schema": "An entry does not follow the org file format (unknown key, wrong type...).",
    "include": "An included file is missing, unreadable or part of an include cycle.",
    "config": "A 'rules:' setting names an unknown rule, option or level; or the project "
              "configuration is invalid or cannot be read (the exit status is then 2).",
    "read": "A file or folder named on the command line cannot be read at all (missing, "
            "without read permission, a named pipe, a symlink loop, a folder without org "
            "files); the exit status is 2.",
}
# Rule ids of problems `orgviz import` finds in an HR export (described in a SARIF log only
# when one of them is found: a log of `validate` keeps its rules).
IMPORT_RULES = {
    "csv": "A CSV cell or row that cannot be read as written (a stray quote, a short row, a "
           "value that is no number or flag).",
    "columns": "A column header repeated, or taken by an option from another field; a column "
               "of codes a companion file names (a team column of numbers only: --teams reads "
               "a departments export; a title column of job codes: --titles reads a jobs "
               "export); the teams table beside the people CSV read, or not read as it does "
               "not match it.",
    "duplicate-row": "A row repeats another row exactly.",
    "history-row": "A row is an earlier record of a person (ended, not current).",
    "future-row": "A row of a person takes effect after the row in effect on the day of the "
                  "import (future-dated), and is set aside.",
    "ended-manager": "A manager reference points at a row that has ended.",
    "eliminated-post": "An organogram post is marked eliminated.",
    "placeholder-name": "A placeholder name (Vacant, N/D, TBH) read as a vacancy or a "
                        "withheld name.",
    "no-name": "A filled position without a name, named by its id.",
    "missing-id": "A row without an id.",
    "manager-by-name": "Manager references matched by name or email rather than by id.",
    "no-role": "Titles that match no role of the ladder.",
    "email": "Email values that are not addresses (no '@').",
    "truncated": "A value longer than the format allows, cut.",
}
SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_SARIF_LEVELS = {"error": "error", "warning": "warning", "info": "note"}


def _sarif_rules() -> list[dict[str, object]]:
    from orgviz.rules import RULES, summary

    rules: list[dict[str, object]] = [
        {"id": rule_id, "shortDescription": {"text": text},
         "defaultConfiguration": {"level": "error"}}
        for rule_id, text in LOAD_RULES.items()]
    rules += [{"id": rule_id, "shortDescription": {"text": summary(module)},
               "defaultConfiguration": {"level": _SARIF_LEVELS.get(module.LEVEL, "warning")}}
              for rule_id, module in RULES.items()]
    return rules


def sarif_uri(path: str) -> str:
    """A file's URI for SARIF: relative (forward slashes) below the working folder, else file:."""
    from urllib.parse import quote

    try:
        relative = os.path.relpath(os.path.abspath(path))
    except ValueError:  # another drive (Windows)
        relative = os.pardir
    if relative.startswith(os.pardir):
        return Path(os.path.abspath(path)).as_uri()
    # (bytes: a name that is not UTF-8 holds lone surrogates as Python reads it, %-encoded as
    # the bytes they stand for, as Path.as_uri does)
    return quote(os.fsencode(relative.replace(os.sep, "/")))


def sarif_log(problems: Sequence[Problem]) -> dict[str, object]:
    """A SARIF 2.1.0 log of one run of orgviz, for code-scanning tools."""
    from orgviz import __version__

    rules = _sarif_rules()
    found = {p.rule for p in problems}
    rules += [{"id": rule_id, "shortDescription": {"text": text},
               "defaultConfiguration": {"level": "warning"}}  # (each result has its own)
              for rule_id, text in IMPORT_RULES.items() if rule_id in found]
    index = {rule["id"]: number for number, rule in enumerate(rules)}
    results = []
    for p in problems:
        result: dict[str, object] = {"ruleId": p.rule}
        if p.rule in index:
            result["ruleIndex"] = index[p.rule]
        result.update({
            "level": _SARIF_LEVELS[p.level],
            "message": {"text": p.message},
            "locations": [{"physicalLocation": {
                "artifactLocation": {"uri": sarif_uri(p.file)},
                "region": {"startLine": max(p.line, 1), "startColumn": max(p.col, 1)},
            }}],
        })
        results.append(result)
    return {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "orgviz", "version": __version__,
                                "semanticVersion": __version__, "rules": rules}},
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    }


def report_sarif(problems: Sequence[Problem], files: int, out: IO[str], quiet: bool) -> None:
    """A SARIF 2.1.0 log (JSON) with a result per problem and the rules it names."""
    _write_json(sarif_log(problems), out)


Reporter = Callable[[Sequence[Problem], int, IO[str], bool], None]
REPORTERS: dict[str, Reporter] = {
    "text": report_text,
    "json": report_json,
    "github": report_github,
    "sarif": report_sarif,
}
