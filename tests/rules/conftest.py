"""Fixtures for rule tests: problems of one rule with their messages."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from orgviz.loader import load
from orgviz.validate import validate


@pytest.fixture
def messages(org_file: Callable[..., Path]) -> Callable[..., list[tuple[int, int, str]]]:
    """Validate YAML and return (line, col, message) of the problems of one rule."""

    def run(source: str, rule: str) -> list[tuple[int, int, str]]:
        return [(p.line, p.col, p.message) for p in validate(load(org_file(source)))
                if p.rule == rule]

    return run
