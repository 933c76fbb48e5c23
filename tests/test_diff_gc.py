"""`diff_orgs` runs with the cyclic garbage collector paused: the changes and the pairings'
dicts and sets make no cycles, and each collection the allocations set off walked both
versions' people again (half the time of a diff of 30,000 re-numbered positions)."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest

from orgviz.diff import diff_orgs
from orgviz.model import NO_LOC, Org, Person


def _org(prefix: str, size: int) -> Org:
    """`size` people, each under the one half its number, under ids `prefix`0, 1, ..."""
    return Org(file="x.yaml", name="Gen", people=tuple(
        Person(f"{prefix}{n}", NO_LOC, name=f"Person {n}", title="Engineer",
               reports_to=f"{prefix}{n // 2}" if n else None)
        for n in range(size)))


@pytest.fixture
def started() -> Iterator[list[int]]:
    """The generations of the collections that start while the test runs."""
    found: list[int] = []

    def note(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            found.append(info["generation"])

    gc.callbacks.append(note)
    try:
        yield found
    finally:
        gc.callbacks.remove(note)


def test_no_collection_runs_during_a_diff(started: list[int]) -> None:
    """3,000 re-numbered people: some 20 young collections without the pause."""
    diff_orgs(_org("p", 2), _org("e", 2))  # (the modules it imports the first time)
    old, new = _org("p", 3000), _org("e", 3000)
    assert gc.isenabled()
    started.clear()
    changes = diff_orgs(old, new)
    assert [change.kind for change in changes] == ["idchanged"] * 3000
    assert started == []
    assert gc.isenabled()


def test_a_collector_paused_by_the_caller_stays_paused() -> None:
    gc.disable()
    try:
        diff_orgs(_org("p", 10), _org("e", 10))
        assert not gc.isenabled()
    finally:
        gc.enable()
