"""`orgviz diff` tells people of one name apart, removed under one id and added under
another, by their title and team, then by their manager (by new id); never by guess."""

from __future__ import annotations

from orgviz.diff.pairing import id_changes
from orgviz.model import NO_LOC, Person


def _people(rows: list[tuple[str, str, str, str | None]]) -> list[Person]:
    """People of (id, name, title, manager id) rows, of team `t`."""
    return [Person(pid, NO_LOC, name=name, title=title, reports_to=boss, team="t")
            for pid, name, title, boss in rows]


def test_namesakes_renumbered_are_told_apart_by_title() -> None:
    removed = _people([("a", "Bo", "Engineer", None), ("b", "Bo", "Designer", None)])
    added = _people([("x", "Bo", "Designer", None), ("y", "Bo", "Engineer", None)])
    assert id_changes(removed, added) == {"b": "x", "a": "y"}


def test_namesakes_renumbered_are_told_apart_by_their_managers_new_ids() -> None:
    """Every id changed: Bo under Mo is Bo under Mo's new id, once Mo is paired."""
    removed = _people([("m1", "Mo", "Manager", None), ("m2", "Mia", "Manager", None),
                       ("a", "Bo", "Engineer", "m1"), ("b", "Bo", "Engineer", "m2")])
    added = _people([("n1", "Mo", "Manager", None), ("n2", "Mia", "Manager", None),
                     ("x", "Bo", "Engineer", "n2"), ("y", "Bo", "Engineer", "n1")])
    assert id_changes(removed, added) == {"m1": "n1", "m2": "n2", "b": "x", "a": "y"}


def test_namesakes_nothing_tells_apart_are_not_paired() -> None:
    """Two Bo Engineers under Mo: which is which is not guessed, and a Bo of a team no
    other has is not Bo of another team by elimination."""
    removed = _people([("m1", "Mo", "Manager", None),
                       ("a", "Bo", "Engineer", "m1"), ("b", "Bo", "Engineer", "m1")])
    added = _people([("n1", "Mo", "Manager", None),
                     ("x", "Bo", "Engineer", "n1"), ("y", "Bo", "Engineer", "n1")])
    assert id_changes(removed, added) == {"m1": "n1"}
    moved = [*added[:2], Person("y", NO_LOC, name="Bo", title="Engineer", reports_to="n1",
                                team="u")]
    assert id_changes(removed, moved) == {"m1": "n1"}


def test_the_one_of_a_name_left_on_each_side_pairs_by_title_or_manager() -> None:
    """Ed the Engineer is told apart by title; the Ed left on each side, a PM now a
    Designer, still under the first Ed (by new id), is one Ed retitled; under someone else,
    another Ed."""
    removed = _people([("m1", "Mo", "Manager", None), ("a", "Ed", "Engineer", "m1"),
                       ("b", "Ed", "PM", "a")])
    added = _people([("n1", "Mo", "Manager", None), ("x", "Ed", "Engineer", "n1"),
                     ("y", "Ed", "Designer", "x")])
    assert id_changes(removed, added) == {"m1": "n1", "a": "x", "b": "y"}
    elsewhere = [*added[:2], Person("y", NO_LOC, name="Ed", title="Designer",
                                    reports_to="n1", team="t")]
    assert id_changes(removed, elsewhere) == {"m1": "n1", "a": "x"}


def test_namesakes_of_other_teams_now_are_told_apart_by_title_alone() -> None:
    """The two Bos swapped teams: no title and team matches, and each is one of two of
    the name; the title no other Bo has tells them apart (re-teamed), unless it repeats."""
    removed = _people([("a", "Bo", "Engineer", None), ("b", "Bo", "Designer", None)])
    added = [Person("x", NO_LOC, name="Bo", title="Designer", team="u"),
             Person("y", NO_LOC, name="Bo", title="Engineer", team="u")]
    assert id_changes(removed, added) == {"b": "x", "a": "y"}
    alike = [*added, Person("z", NO_LOC, name="Bo", title="Engineer", team="v")]
    assert id_changes(removed, alike) == {"b": "x"}
