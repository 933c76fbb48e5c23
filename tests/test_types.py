"""The type hints are checked: mypy, as pyproject's [tool.mypy] configures it, finds no error."""

from __future__ import annotations

import dataclasses
import subprocess
import sys
from pathlib import Path

import pytest

from orgviz.io.csvimport.people import _PersonSlots
from orgviz.model import Person
from orgviz.problem import Problem

ROOT = Path(__file__).resolve().parent.parent


def test_mypy_finds_no_error_in_the_configured_files() -> None:
    """mypy runs in a process of its own (this interpreter's): run in this one, through
    `mypy.api.run`, it leaves its trees alive (a cold run: 1.5 million objects, 380 MB) for
    the rest of the tests, and freeing them at exit doubles its time (20 s against 8 s)."""
    pytest.importorskip("mypy")
    done = subprocess.run([sys.executable, "-m", "mypy", "--config-file", "pyproject.toml"],
                          cwd=ROOT, capture_output=True, text=True, check=False)
    assert done.returncode == 0, (
        f"mypy (exit status {done.returncode}):\n{done.stdout}{done.stderr}")
    assert done.stdout.startswith("Success: no issues found"), done.stdout


def test_person_slots_are_typed_as_person_fields() -> None:
    """The import's fast people are filled in as `_PersonSlots`, which the type checker
    knows by its annotations: they must say what Person's fields say."""
    person_fields = {f.name: f.type for f in dataclasses.fields(Person)}
    assert _PersonSlots.__annotations__ == person_fields
    assert tuple(person_fields) == _PersonSlots.__slots__


def test_problem_hashes_with_tuple_hash() -> None:
    """Problem's body cannot say `__hash__ = tuple.__hash__` (mypy reads it as a field): the
    hash must still be tuple's, not None as a class body defining __eq__ would leave it."""
    assert Problem.__hash__ is tuple.__hash__
    assert len({Problem("a", 1, 1, "error", "r", "m"), Problem("a", 1, 1, "error", "r", "m")}) == 1
