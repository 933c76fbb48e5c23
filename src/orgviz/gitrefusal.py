"""Recognising git's refusal to read a repository another user owns ("dubious ownership").

Since 2.35.2 git refuses a repository owned by someone else unless `safe.directory` allows
it: every command fails (exit status 128), as in CI containers whose checkout belongs to
another user. Its message, in English (LC_ALL=C), is, by git version:

- the first releases with the check (2.35.2, spring 2022): `fatal: unsafe repository
  ('PATH' is owned by someone else)`;
- releases since mid-2022: `fatal: detected dubious ownership in repository at 'PATH'`
  (some add whom PATH belongs to, or a hint on GIT_TEST_DEBUG_UNSAFE_DIRECTORIES);

then `To add an exception for this directory, call:`, an empty line, and a tab before
`git config --global --add safe.directory PATH` (PATH shell-quoted where it needs it).
"""

from __future__ import annotations

import os
import re
import shlex
import subprocess
from dataclasses import dataclass

_DUBIOUS = re.compile(r"^fatal: detected dubious ownership in repository at '(.*)'$")
_UNSAFE = re.compile(r"^fatal: unsafe repository \('(.*)' is owned by someone else\)$")
_FIX = "git config --global --add safe.directory "


@dataclass(frozen=True)
class GitRefusal:
    """git refused the repository at `repository`: `fix` is the command it suggests."""

    repository: str
    fix: str

    def __str__(self) -> str:
        return (f"git refuses the repository '{self.repository}': detected dubious ownership "
                f"(another user owns it; to trust it: {self.fix})")


def git_refusal(stderr: bytes) -> GitRefusal | None:
    """The refusal git's standard error `stderr` says (dubious ownership), or None."""
    if b"dubious ownership" not in stderr and b"unsafe repository" not in stderr:
        return None  # (almost always: no decoding)
    lines = stderr.decode("utf-8", "replace").splitlines()
    for line in lines:
        found = _DUBIOUS.match(line) or _UNSAFE.match(line)
        if found is None:
            continue
        repository = found.group(1)
        fixes = [text.strip() for text in lines if text.strip().startswith(_FIX)]
        return GitRefusal(repository, fixes[0] if fixes else _FIX + shlex.quote(repository))
    return None


#: How the lines of git's messages that say what failed start (its hints and warnings and
#: the usage it prints after them say more).
_FAILURES = ("fatal: ", "error: ")


def git_said(stderr: bytes) -> str:
    """The line of git's standard error that says why it failed, without its `fatal: ` and
    its final period: the first `fatal:` or `error:` line (the hints, warnings or usage
    around it aside), else the last line that is not a hint or warning, else the last line;
    "" when it said nothing."""
    lines = [line.strip() for line in stderr.decode("utf-8", "replace").splitlines()]
    lines = [line for line in lines if line]
    failures = [line.split(": ", 1)[1].strip() for line in lines
                if line.startswith(_FAILURES)]
    said = [line for line in lines if not line.startswith(("hint:", "warning:"))]
    return (failures[:1] or said[-1:] or lines[-1:] or [""])[0].removesuffix(".")


def run_git(args: list[str], folder: str | os.PathLike[str]
            ) -> subprocess.CompletedProcess[bytes]:
    """`git ARGS` run in `folder`, its output captured and its messages git's English ones
    (LC_ALL=C), which `git_refusal` recognises; OSError or SubprocessError when it cannot
    run (within a minute)."""
    return subprocess.run(["git", *args], cwd=folder, capture_output=True, check=False,
                          timeout=60, env={**os.environ, "LC_ALL": "C", "LANGUAGE": ""})
