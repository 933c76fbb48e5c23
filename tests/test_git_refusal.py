"""git refusing a repository another user owns ("dubious ownership", as in CI containers):
`diff --git` says so, and a folder is read as one outside git, with a warning."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from orgviz.cli import main
from orgviz.gitrefusal import GitRefusal, git_refusal, git_said

SOLO = ("orgviz: 1\norg: {name: Solo, size: small}\npeople:\n"
        "  - {id: ceo, name: Cy Diaz, title: CEO}\n")
CYCLE = ("orgviz: 1\norg: {name: Cycle, size: small}\npeople:\n"
         "  - {id: a, name: Ann Ash, title: CEO, reports_to: b}\n"
         "  - {id: b, name: Bo Bell, title: CEO, reports_to: a}\n")

#: git's own test switch (since 2.35.2): it takes every repository for another user's.
REFUSED = {"GIT_TEST_ASSUME_DIFFERENT_OWNER": "1", "GIT_CONFIG_NOSYSTEM": "1",
           "GIT_CONFIG_GLOBAL": os.devnull}


def test_the_message_of_current_git_is_recognised() -> None:
    stderr = (b"fatal: detected dubious ownership in repository at '/w/my repo'\n"
              b"To add an exception for this directory, call:\n\n"
              b"\tgit config --global --add safe.directory '/w/my repo'\n")
    assert git_refusal(stderr) == GitRefusal(
        "/w/my repo", "git config --global --add safe.directory '/w/my repo'")


def test_the_message_of_windows_and_of_the_debug_hint_is_recognised() -> None:
    stderr = (b"fatal: detected dubious ownership in repository at 'C:/w/repo'\n"
              b"'C:/w/repo' is owned by:\n\t'S-1-5-32-544'\nbut the current user is:\n"
              b"\t'S-1-5-21-1'\nTo add an exception for this directory, call:\n\n"
              b"\tgit config --global --add safe.directory C:/w/repo\n\n"
              b"Set the environment variable GIT_TEST_DEBUG_UNSAFE_DIRECTORIES=true and run\n"
              b"again for more information.\n")
    assert git_refusal(stderr) == GitRefusal(
        "C:/w/repo", "git config --global --add safe.directory C:/w/repo")


def test_the_message_of_the_first_git_releases_with_the_check_is_recognised() -> None:
    stderr = (b"fatal: unsafe repository ('/w/repo' is owned by someone else)\n"
              b"To add an exception for this directory, call:\n\n"
              b"\tgit config --global --add safe.directory /w/repo\n")
    assert git_refusal(stderr) == GitRefusal(
        "/w/repo", "git config --global --add safe.directory /w/repo")


def test_without_the_command_to_trust_it_one_is_made() -> None:
    assert git_refusal(b"fatal: detected dubious ownership in repository at '/w/a b'\n") == (
        GitRefusal("/w/a b", "git config --global --add safe.directory '/w/a b'"))


@pytest.mark.parametrize("stderr", [
    b"", b"fatal: not a git repository (or any of the parent directories): .git\n",
    b"fatal: path 'dubious ownership.yaml' does not exist in 'HEAD'\n"])
def test_other_failures_are_no_refusal(stderr: bytes) -> None:
    assert git_refusal(stderr) is None


def _refusing_repo(tmp_path: Path) -> Path:
    """A repository under tmp_path with orgs/solo.yaml committed and orgs/scratch.yaml (a
    reporting cycle) ignored; skipped where git does not refuse it under REFUSED."""
    if shutil.which("git") is None:
        pytest.skip("needs git")
    repo = tmp_path / "repo"
    (repo / "orgs").mkdir(parents=True)
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@t",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@t", "GIT_CONFIG_NOSYSTEM": "1",
           "GIT_CONFIG_GLOBAL": os.devnull}
    subprocess.run(["git", "init", "-q", str(repo)], check=True, env=env)
    (repo / "orgs" / "solo.yaml").write_text(SOLO, encoding="utf-8")
    (repo / "orgs" / "scratch.yaml").write_text(CYCLE, encoding="utf-8")
    (repo / ".gitignore").write_text("orgs/scratch.yaml\n", encoding="utf-8")
    subprocess.run(["git", "-C", str(repo), "add", "-A"], check=True, env=env)
    subprocess.run(["git", "-C", str(repo), "commit", "-qm", "v1"], check=True, env=env)
    if subprocess.run(["git", "-C", str(repo), "status"], capture_output=True, check=False,
                      env={**env, **REFUSED}).returncode == 0:
        pytest.skip("this git (before 2.35.2) does not refuse another user's repository")
    return repo


def test_diff_says_git_refuses_the_repository(tmp_path: Path) -> None:
    # (said "HEAD:orgs/solo.yaml: \u0009git config --global --add safe.directory ...", the
    # last line of git's message)
    repo = _refusing_repo(tmp_path)
    real = os.path.realpath(repo)
    path = repo / "orgs" / "solo.yaml"
    result = CliRunner(env=REFUSED).invoke(main, ["diff", "--git", "HEAD", str(path)])
    assert result.exit_code == 2
    assert result.output == (
        f"orgviz: HEAD:{path}: git refuses the repository '{real}': detected dubious "
        f"ownership (another user owns it; to trust it: git config --global --add "
        f"safe.directory {real})\n")


def test_a_folder_of_a_refused_repository_is_read_whole_with_one_warning(
        tmp_path: Path) -> None:
    # (git's refusal read as "outside git": no word of it, and the ignored file was checked)
    repo = _refusing_repo(tmp_path)
    real = os.path.realpath(repo)
    orgs = repo / "orgs"
    result = CliRunner(env=REFUSED).invoke(main, ["validate", str(orgs), f"{orgs}/"])
    assert result.exit_code == 1
    assert result.stderr == (
        f"orgviz: warning: git refuses the repository '{real}' (detected dubious ownership: "
        f"another user owns it), so .gitignore is not applied: YAML files it ignores are "
        f"read too; to trust the repository: git config --global --add safe.directory "
        f"{real}\n")
    assert result.stdout.startswith(f"{orgs}/scratch.yaml:4:52: error [cycle] ")
    assert result.stdout.endswith("\n2 files checked: 2 errors, 2 warnings\n")
    trusted = CliRunner().invoke(main, ["validate", str(orgs)])  # (the same, git reading it)
    assert (trusted.exit_code, trusted.output) == (0, "1 file checked: no problems\n")


@pytest.mark.parametrize(("stderr", "said"), [
    (b"fatal: invalid object name 'x'.\n", "invalid object name 'x'"),
    # (the failure, not the hint or usage printed after it)
    (b"warning: refname 'x' is ambiguous.\nfatal: bad revision 'x'\nhint: see git help\n",
     "bad revision 'x'"),
    (b"error: unknown switch `q'\nusage: git cat-file <type> <object>\n   or: ...\n",
     "unknown switch `q'"),
    (b"something went wrong\nhint: try again\n\n", "something went wrong"),
    (b"warning: only a warning\n", "warning: only a warning"),
    (b"", ""),
])
def test_git_s_meaningful_line_is_taken(stderr: bytes, said: str) -> None:
    assert git_said(stderr) == said
