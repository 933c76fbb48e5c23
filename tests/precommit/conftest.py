"""Fixtures for the pre-commit tests: a committed copy of this repository and user repositories.

Tests marked `precommit` run the real pre-commit framework: it clones the hook repository,
builds a virtualenv and pip-installs orgviz from the package index, once per test session
(PRE_COMMIT_HOME lives in a session temp folder). They skip where git or pre-commit is missing
or the hook environment cannot be installed (no package index); under CI they fail instead.
Deselect them with `pytest -m "not precommit"`.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = Path(__file__).resolve().parent / "examples"
INSTALL_TIMEOUT = 900
RUN_TIMEOUT = 300
# Files pre-commit needs to install the hook repository (pip install .).
HOOK_REPO_FILES = (".pre-commit-hooks.yaml", "pyproject.toml", "README.md", "LICENSE", "src")


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "precommit: runs the real pre-commit framework (git, a virtualenv and the "
        "package index); deselect with -m 'not precommit'")


def precommit_available() -> bool:
    """Whether the real pre-commit framework and git are there to run."""
    return importlib.util.find_spec("pre_commit") is not None and shutil.which("git") is not None


def clean_env(**extra: str) -> dict[str, str]:
    """The environment for git and pre-commit: no inherited GIT_* (a hook may run us), no SKIP."""
    env = {key: value for key, value in os.environ.items()
           if not key.startswith(("GIT_", "PRE_COMMIT")) and key != "SKIP"}
    env.update(GIT_AUTHOR_NAME="orgviz tests", GIT_AUTHOR_EMAIL="tests@orgviz.invalid",
               GIT_COMMITTER_NAME="orgviz tests", GIT_COMMITTER_EMAIL="tests@orgviz.invalid",
               GIT_CONFIG_NOSYSTEM="1", PIP_DISABLE_PIP_VERSION_CHECK="1", NO_COLOR="1")
    env.update(extra)
    return env


def git(cwd: Path, *args: str, env: dict[str, str] | None = None) -> str:
    """Run git in `cwd`; return its output, failing the test with git's message on an error."""
    proc = subprocess.run(["git", *args], cwd=cwd, env=env or clean_env(), capture_output=True,
                          text=True, check=False)
    if proc.returncode:
        pytest.fail(f"git {' '.join(args)} failed: {proc.stderr}")
    return proc.stdout.strip()


def init_repo(path: Path) -> None:
    """An empty git repository with a committer identity of its own."""
    path.mkdir(parents=True, exist_ok=True)
    git(path, "init", "-q")
    git(path, "config", "user.email", "tests@orgviz.invalid")
    git(path, "config", "user.name", "orgviz tests")
    git(path, "config", "commit.gpgsign", "false")


def commit_all(path: Path, message: str = "update") -> str:
    """Commit everything in the repository; return the new HEAD."""
    git(path, "add", "-A")
    git(path, "commit", "-q", "--allow-empty", "-m", message)
    return git(path, "rev-parse", "HEAD")


def _copy_hook_repo(target: Path) -> None:
    """This working tree as it is now (uncommitted changes included), without build litter."""
    ignore = shutil.ignore_patterns("__pycache__", "*.egg-info", "*.pyc")
    for name in HOOK_REPO_FILES:
        source = REPO_ROOT / name
        if source.is_dir():
            shutil.copytree(source, target / name, ignore=ignore)
        elif source.is_file():
            shutil.copy2(source, target / name)
    if not (target / "README.md").exists():  # pyproject's `readme` must exist to build
        (target / "README.md").write_text("# orgviz\n", encoding="utf-8")


@pytest.fixture(scope="session")
def hook_repo(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """A git repository holding a copy of this working tree, committed: (path, rev).

    pre-commit installs hooks from a commit, so the copy is what is tested, uncommitted edits
    of the working tree included.
    """
    if not precommit_available():
        pytest.skip("needs git and the pre-commit package")
    path = tmp_path_factory.mktemp("orgviz-hook-repo")
    _copy_hook_repo(path)
    init_repo(path)
    return path, commit_all(path, "orgviz hooks under test")


class UserRepo:
    """A user's repository that adds orgviz's hooks by repository path and rev."""

    def __init__(self, path: Path, hook_repo: tuple[Path, str], home: Path) -> None:
        self.path = path
        self.env = clean_env(PRE_COMMIT_HOME=str(home))
        self.hook_repo, self.rev = hook_repo
        init_repo(path)

    def write_config(self, hooks: str) -> None:
        """Write .pre-commit-config.yaml; `hooks` is the YAML of the hook list (indented 6)."""
        (self.path / ".pre-commit-config.yaml").write_text(
            "repos:\n"
            f"  - repo: {self.hook_repo.as_posix()}\n"
            f"    rev: {self.rev}\n"
            "    hooks:\n" + hooks, encoding="utf-8")

    def write(self, relative: str, text: str) -> Path:
        path = self.path / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        return path

    def copy_example(self, name: str, to: str | None = None) -> None:
        """Copy tests/precommit/examples/NAME (a file or folder) into the repository."""
        source, target = EXAMPLES / name, self.path / (to or name)
        target.parent.mkdir(parents=True, exist_ok=True)
        if source.is_dir():
            shutil.copytree(source, target, dirs_exist_ok=True)
        else:
            shutil.copy2(source, target)

    def commit(self, message: str = "update") -> str:
        return commit_all(self.path, message)

    def pre_commit(self, *args: str, timeout: int = RUN_TIMEOUT) -> subprocess.CompletedProcess:
        """Run `pre-commit ARGS` in the repository (output as text, colour off)."""
        return subprocess.run([sys.executable, "-m", "pre_commit", *args], cwd=self.path,
                              env=self.env, capture_output=True, text=True, timeout=timeout,
                              check=False)

    def run_hook(self, hook: str, *files: str) -> subprocess.CompletedProcess:
        """`pre-commit run HOOK --files FILES`; stdout and stderr together in `.stdout`."""
        proc = self.pre_commit("run", hook, "--color", "never", "--files", *files)
        proc.stdout = proc.stdout + proc.stderr
        return proc


@pytest.fixture(scope="session")
def precommit_home(tmp_path_factory: pytest.TempPathFactory,
                   hook_repo: tuple[Path, str]) -> Path:
    """PRE_COMMIT_HOME with the orgviz hook environment installed (once per session)."""
    home = tmp_path_factory.mktemp("pre-commit-home")
    scratch = UserRepo(tmp_path_factory.mktemp("install"), hook_repo, home)
    scratch.write_config("      - id: orgviz-validate\n")
    scratch.commit("config")
    proc = scratch.pre_commit("install-hooks", timeout=INSTALL_TIMEOUT)
    if proc.returncode:
        message = f"pre-commit cannot install the orgviz hooks:\n{proc.stdout}{proc.stderr}"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message[-2000:])
    return home


@pytest.fixture
def user_repo(tmp_path: Path, hook_repo: tuple[Path, str],
              precommit_home: Path) -> Iterator[UserRepo]:
    """A fresh user repository whose config uses the installed orgviz hooks."""
    yield UserRepo(tmp_path / "user-repo", hook_repo, precommit_home)


@pytest.fixture
def tree(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Callable[[dict[str, str]], None]:
    """Write files (relative path -> text) in a temp folder that is the current folder."""
    monkeypatch.chdir(tmp_path)

    def write(files: dict[str, str]) -> None:
        for name, text in files.items():
            path = tmp_path / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")

    return write
