"""A file or folder named on the command line that the user may not read is said in its
place, `orgviz: PATH: cannot read: Permission denied` (in a validate report: a problem of
rule `read` at line 1), as a missing file is: never a click usage error that stops the whole
command before any other file is read (click.Path checks readability by default)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

import orgviz as orgviz_package
from orgviz.cli import main

OK = "orgviz: 1\norg: {name: A, size: small}\npeople:\n  - {id: ceo, name: A, title: CEO}\n"
DENIED = "orgviz: locked.yaml: cannot read: Permission denied\n"


def _unprivileged() -> list[str] | None:
    """The prefix that runs a command where file permissions apply: none for a user other
    than root, `unshare -U` for root (its files are then another user's); None where
    neither works (no POSIX permissions, no user namespaces)."""
    if os.name != "posix":
        return None
    if os.geteuid() != 0:
        return []
    unshare = shutil.which("unshare")
    if unshare is None:
        return None
    try:
        done = subprocess.run([unshare, "-U", "true"], capture_output=True, timeout=60,
                              check=False)
    except (OSError, subprocess.SubprocessError):
        return None
    return [unshare, "-U"] if done.returncode == 0 else None


PREFIX = _unprivileged()


@pytest.fixture
def locked(tmp_path: Path) -> Iterator[Path]:
    """A folder holding ok.yaml, locked.yaml (mode 000) and lockdir/ (mode 000, an org in it)."""
    (tmp_path / "ok.yaml").write_text(OK, encoding="utf-8")
    (tmp_path / "locked.yaml").write_text(OK, encoding="utf-8")
    (tmp_path / "lockdir").mkdir()
    (tmp_path / "lockdir" / "org.yaml").write_text(OK, encoding="utf-8")
    (tmp_path / "locked.yaml").chmod(0)
    (tmp_path / "lockdir").chmod(0)
    yield tmp_path
    (tmp_path / "lockdir").chmod(0o700)
    (tmp_path / "locked.yaml").chmod(0o600)


def orgviz(folder: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """`orgviz ARGS` run in `folder` by a user who may not read what is locked there."""
    assert PREFIX is not None
    source = str(Path(orgviz_package.__file__).resolve().parents[1])  # (this tree's orgviz)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(
        filter(None, (source, os.environ.get("PYTHONPATH"))))}
    return subprocess.run([*PREFIX, sys.executable, "-m", "orgviz", *args], cwd=folder,
                          capture_output=True, text=True, timeout=120, check=False, env=env)


needs_permissions = pytest.mark.skipif(
    PREFIX is None, reason="needs POSIX permissions that apply (as root: `unshare -U`)")


@needs_permissions
@pytest.mark.parametrize("fmt", ["text", "json", "sarif"])
def test_validate_reports_an_unreadable_file_and_checks_the_others(locked: Path,
                                                                   fmt: str) -> None:
    # (was: "invalid value for 'FILES...': Path 'locked.yaml' is not readable", no report)
    done = orgviz(locked, "validate", "-f", fmt, "locked.yaml", "ok.yaml")
    assert (done.returncode, done.stderr) == (2, DENIED)
    if fmt == "text":
        assert done.stdout == "1 file checked: no problems\n"
    elif fmt == "json":
        assert json.loads(done.stdout) == [{
            "file": "locked.yaml", "line": 1, "column": 1, "level": "error", "rule": "read",
            "message": "cannot read: Permission denied"}]
    else:
        [result] = json.loads(done.stdout)["runs"][0]["results"]
        region = result["locations"][0]["physicalLocation"]["region"]
        assert (result["ruleId"], result["message"]["text"], region["startLine"]) == (
            "read", "cannot read: Permission denied", 1)


@needs_permissions
def test_validate_reports_an_unreadable_folder_as_one(locked: Path) -> None:
    # (a folder that cannot be listed was said to hold no org file)
    done = orgviz(locked, "validate", "-f", "json", "lockdir", "ok.yaml")
    assert (done.returncode, done.stderr) == (
        2, "orgviz: lockdir: cannot read: Permission denied\n")
    assert [(p["file"], p["line"], p["rule"], p["message"]) for p in json.loads(done.stdout)
            ] == [("lockdir", 1, "read", "cannot read: Permission denied")]


@needs_permissions
@pytest.mark.parametrize("args", [
    ["render", "locked.yaml", "ok.yaml", "-o", "out/"],
    ["roles", "locked.yaml", "ok.yaml", "-o", "roles.svg"],
    ["deck", "locked.yaml", "ok.yaml", "-o", "deck.pdf"],
    ["export", "locked.yaml", "-o", "out.csv"],
    ["diff", "ok.yaml", "locked.yaml"],
    ["validate", "--config", "locked.yaml", "ok.yaml"],
])
def test_every_command_says_an_unreadable_file_on_one_line(locked: Path,
                                                           args: list[str]) -> None:
    done = orgviz(locked, *args)
    assert (done.returncode, done.stdout, done.stderr) == (2, "", DENIED)


@needs_permissions
def test_stats_says_an_unreadable_file_and_goes_on(locked: Path) -> None:
    done = orgviz(locked, "stats", "locked.yaml", "ok.yaml")
    assert (done.returncode, done.stderr) == (2, DENIED)
    assert done.stdout.startswith("A (small): 1 position, 1 person, 0 open\n")


@pytest.mark.parametrize("args", [
    ["validate", "ok.yaml"], ["validate", "."], ["stats", "ok.yaml"],
    ["roles", "ok.yaml", "-o", "roles.dot"], ["render", "ok.yaml", "-o", "ok.dot"],
    ["deck", "ok.yaml", "-o", "deck.pdf", "--config", "rules.yaml"],
    ["export", "ok.yaml", "-o", "out.csv"], ["diff", "ok.yaml", "ok.yaml"],
])
def test_no_command_asks_click_whether_a_path_is_readable(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, args: list[str]) -> None:
    # (as root, permissions never refuse a read: access() is made to say "not readable",
    # which click's check asks and orgviz's readers do not)
    monkeypatch.chdir(tmp_path)
    (tmp_path / "ok.yaml").write_text(OK, encoding="utf-8")
    (tmp_path / "rules.yaml").write_text("rules: {}\n", encoding="utf-8")
    real_access = os.access

    def access(path: object, mode: int, **kwargs: object) -> bool:
        if mode == os.R_OK:
            return False
        return real_access(path, mode, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "access", access)
    result = CliRunner().invoke(main, args)
    assert "not readable" not in result.output
    assert result.exit_code in (0, 1) and "orgviz:" not in result.stderr, result.output


def test_the_sarif_log_describes_rule_read_with_permission_among_its_causes() -> None:
    # (said "missing, a folder, a named pipe, a symlink loop": not the file or folder the
    # user may not read, which the rule has covered since click stopped refusing it)
    from orgviz.problem import Problem
    from orgviz.report import sarif_log

    denied = Problem("locked.yaml", 1, 1, "error", "read", "cannot read: Permission denied")
    rules = sarif_log([denied])["runs"][0]["tool"]["driver"]["rules"]  # type: ignore[index]
    assert [rule["shortDescription"]["text"] for rule in rules if rule["id"] == "read"] == [
        "A file or folder named on the command line cannot be read at all (missing, without "
        "read permission, a named pipe, a symlink loop, a folder without org files); the exit "
        "status is 2."]


@needs_permissions
@pytest.mark.parametrize("fmt", ["text", "json"])
def test_validate_reports_an_unreadable_folder_inside_a_folder_given(locked: Path,
                                                                     fmt: str) -> None:
    # (outside git the walk skipped lockdir silently: "2 files checked: no problems")
    (locked / "locked.yaml").chmod(0o600)
    done = orgviz(locked, "validate", "-f", fmt, ".")
    assert (done.returncode, done.stderr) == (
        2, "orgviz: lockdir: cannot read: Permission denied\n")
    if fmt == "text":
        assert done.stdout == "2 files checked: no problems\n"
    else:
        assert [(p["file"], p["line"], p["column"], p["rule"], p["message"])
                for p in json.loads(done.stdout)] == [
            ("lockdir", 1, 1, "read", "cannot read: Permission denied")]


@needs_permissions
@pytest.mark.skipif(shutil.which("git") is None, reason="needs git")
def test_validate_reports_a_tracked_file_in_a_folder_it_may_not_enter(locked: Path) -> None:
    # (git lists lockdir/org.yaml, which could not be looked at: it was left out silently)
    (locked / "lockdir").chmod(0o700)
    (locked / "locked.yaml").chmod(0o600)
    subprocess.run(["git", "init", "-q"], cwd=locked, check=True)
    subprocess.run(["git", "add", "."], cwd=locked, check=True)
    (locked / "lockdir").chmod(0)
    done = orgviz(locked, "validate", "-f", "json", ".")
    assert (done.returncode, done.stderr) == (
        2, "orgviz: lockdir/org.yaml: cannot read: Permission denied\n")
    assert [(p["file"], p["line"], p["rule"], p["message"]) for p in json.loads(done.stdout)
            ] == [("lockdir/org.yaml", 1, "read", "cannot read: Permission denied")]


@needs_permissions
def test_validate_reports_a_file_in_a_folder_it_may_list_but_not_enter(locked: Path) -> None:
    # (outside git: the walk lists lockdir/org.yaml, which could not be looked at, and left
    # it out silently)
    (locked / "lockdir").chmod(0o400)  # (r--: its names, not its files)
    (locked / "locked.yaml").chmod(0o600)
    done = orgviz(locked, "validate", ".")
    assert (done.returncode, done.stdout, done.stderr) == (
        2, "2 files checked: no problems\n",
        "orgviz: lockdir/org.yaml: cannot read: Permission denied\n")
