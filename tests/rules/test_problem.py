"""Problem: a record that orders, compares, hashes and prints like the dataclass it was."""

from __future__ import annotations

import pytest

from orgviz.problem import Problem, SourceLoc

P = Problem("a.yaml", 3, 5, "error", "cycle", "reporting cycle")


def test_fields_repr_and_text():
    assert (P.file, P.line, P.col, P.level, P.rule, P.message) == (
        "a.yaml", 3, 5, "error", "cycle", "reporting cycle")
    assert repr(P) == ("Problem(file='a.yaml', line=3, col=5, level='error', rule='cycle', "
                       "message='reporting cycle')")
    assert str(P) == "a.yaml:3:5: error [cycle] reporting cycle"
    assert P.to_dict() == {"file": "a.yaml", "line": 3, "column": 5, "level": "error",
                           "rule": "cycle", "message": "reporting cycle"}
    assert Problem.at(SourceLoc("a.yaml", 3, 5), "error", "cycle", "reporting cycle") == P
    assert Problem(file="a.yaml", line=3, col=5, level="error", rule="cycle",
                   message="reporting cycle") == P


def test_equality_and_hash_by_value_but_never_equal_to_a_plain_tuple():
    same = Problem("a.yaml", 3, 5, "error", "cycle", "reporting cycle")
    assert same == P and (same != P) is False and hash(same) == hash(P)
    assert len({P, same}) == 1
    plain = ("a.yaml", 3, 5, "error", "cycle", "reporting cycle")
    problem = P
    assert (problem == plain, plain == problem) == (False, False)
    assert (problem != plain, plain != problem) == (True, True)
    assert hash(P) == hash(plain)  # what the frozen dataclass hashed


def test_order_is_file_line_col_level_rule_message():
    later = [Problem("a.yaml", 3, 5, "error", "cycle", "z"),
             Problem("a.yaml", 3, 5, "warning", "a", "a"),
             Problem("a.yaml", 3, 6, "error", "a", "a"),
             Problem("a.yaml", 10, 1, "error", "a", "a"),
             Problem("b.yaml", 1, 1, "error", "a", "a")]
    assert sorted(reversed([P, *later])) == [P, *later]
    assert P < later[0] <= later[0] and later[-1] > P


def test_immutable():
    with pytest.raises(AttributeError):
        P.line = 4  # type: ignore[misc]
