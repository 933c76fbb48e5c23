"""Shared test fixtures: write org YAML to a temp file, load and validate it."""

from __future__ import annotations

import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest

from orgviz.loader import load
from orgviz.problem import Problem
from orgviz.validate import validate

SHARED_DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
HEADER = "orgviz: 1\norg: {name: Test Org, size: %s}\n"


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
