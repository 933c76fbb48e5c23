"""`diff_orgs` lists the removed and the added people once when no id was reused (again,
with the ids reused, only when there are some)."""

from __future__ import annotations

from typing import Any

import pytest

from orgviz.diff import match
from orgviz.diff.match import diff_orgs
from orgviz.model import NO_LOC, Org, Person


def _org(rows: list[tuple[str, str, str, str | None]]) -> Org:
    """An org of (id, name, title, manager id) rows."""
    return Org(file="x.yaml", name="Gen", people=tuple(
        Person(pid, NO_LOC, name=name, title=title, reports_to=boss)
        for pid, name, title, boss in rows))


def _people_lists(monkeypatch: pytest.MonkeyPatch, old: Org, new: Org) -> list[tuple[str, ...]]:
    """The ids of each list of people only one version has that the diff of `old` and
    `new` makes (its teams' aside)."""
    made: list[tuple[str, ...]] = []
    only_in = match._only_in

    def counted(items: dict[str, Any], other: Any, also: Any = ()) -> list[Any]:
        found = only_in(items, other, also)
        if any(isinstance(item, Person) for item in items.values()):
            made.append(tuple(item.id for item in found))
        return found

    monkeypatch.setattr(match, "_only_in", counted)
    diff_orgs(old, new)
    return made


def test_every_id_renumbered_lists_the_removed_and_the_added_once(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """They were listed twice, the second time with the (no) ids reused: two more passes
    over every person of a diff of 30,000 re-numbered positions."""
    old = _org([("a0", "Ann", "CEO", None), ("a1", "Bo", "Engineer", "a0")])
    new = _org([("b0", "Ann", "CEO", None), ("b1", "Bo", "Engineer", "b0")])
    assert _people_lists(monkeypatch, old, new) == [("a0", "a1"), ("b0", "b1")]


def test_an_id_reused_lists_its_holders_again(monkeypatch: pytest.MonkeyPatch) -> None:
    """Mo goes from m1 to m9 and Zed, who shares nothing with him, takes m1: the added are
    listed again, with Zed at m1; the removed (none left) are not."""
    old = _org([("vp", "Val", "VP", None), ("vp2", "Vi", "VP", None),
                ("m1", "Mo", "Engineer", "vp")])
    new = _org([("vp", "Val", "VP", None), ("vp2", "Vi", "VP", None),
                ("m9", "Mo", "Engineer", "vp"), ("m1", "Zed", "Designer", "vp2")])
    assert _people_lists(monkeypatch, old, new) == [(), ("m9",), ("m9", "m1")]
