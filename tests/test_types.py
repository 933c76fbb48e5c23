"""The type hints are checked: mypy, as pyproject's [tool.mypy] configures it, finds no error."""

from __future__ import annotations

import dataclasses
import subprocess
import sys
from pathlib import Path

import pytest

from orgviz.io.csvimport.people import _PersonSlots
from orgviz.model import Person

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
