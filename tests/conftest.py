"""Shared test fixtures: write org YAML to a temp file, load and validate it."""

from __future__ import annotations

import textwrap
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from hypothesis import settings

from orgviz.cli import main
from orgviz.loader import load
from orgviz.problem import Problem
from orgviz.validate import validate

SHARED_DATA = Path(__file__).resolve().parents[2] / "shared" / "data"

# No time limit on a property test's example (hypothesis's default is 200 ms): tests assert
# behaviour, never wall-clock time, and a busy CI machine (or the first call, that compiles
# the title patterns) took 400 ms on an example that takes 0.2 ms.
settings.register_profile("orgviz", deadline=None)
settings.load_profile("orgviz")


@pytest.fixture(autouse=True, scope="session")
def _own_cache_dir(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """orgviz's cache (probes of `dot` and graphviz-pure) in a folder of this session,
    not the user's: tests with fake `dot` programs must not leave entries there."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("ORGVIZ_CACHE_DIR", str(tmp_path_factory.mktemp("orgviz-cache")))
        patch.delenv("ORGVIZ_NO_CACHE", raising=False)
        yield


@pytest.fixture(autouse=True, scope="session")
def _bytecode_for_child_processes(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """The `python -m orgviz` processes the tests start write the modules' bytecode once, in
    a folder of this session, and read it after (as an installed orgviz does), even where
    PYTHONDONTWRITEBYTECODE is set (as on the CI machines): else each compiles every
    module again (0.15-0.2 s of CPU a process, a hundred processes)."""
    with pytest.MonkeyPatch.context() as patch:
        patch.delenv("PYTHONDONTWRITEBYTECODE", raising=False)
        patch.setenv("PYTHONPYCACHEPREFIX", str(tmp_path_factory.mktemp("pycache")))
        yield


HEADER = "orgviz: 1\norg: {name: Test Org, size: %s}\n"


@pytest.fixture
def run(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Callable[..., object]:
    """Run the orgviz command line in-process, in a temp folder: run("render", "x.yaml")."""
    monkeypatch.chdir(tmp_path)

    def invoke(*args: str) -> Result:
        return CliRunner().invoke(main, list(args), catch_exceptions=False)

    return invoke


@pytest.fixture
def org_file(tmp_path: Path) -> Callable[..., Path]:
    """Write YAML (dedented) to a temp org file; `header=True` prepends version and org."""

    def write(source: str, name: str = "org.yaml", header: bool = False,
              size: str = "mid-size") -> Path:
        text = textwrap.dedent(source)
        if header:
            text = HEADER % size + text
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        return path

    return write


@pytest.fixture
def check(org_file: Callable[..., Path]) -> Callable[..., list[tuple[int, int, str]]]:
    """Validate YAML and return (line, col, level) of the problems of one rule.

    The YAML is written as given (dedented); lines count from the first line of `source`.
    """

    def run(source: str, rule: str) -> list[tuple[int, int, str]]:
        path = org_file(source)
        return [(p.line, p.col, p.level) for p in validate(load(path)) if p.rule == rule]

    return run


def problems(path: Path) -> list[Problem]:
    """All problems of an org file."""
    return validate(load(path))
