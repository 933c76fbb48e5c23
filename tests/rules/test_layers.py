"""Tests of the layers rule."""

import pytest

from orgviz.loader import load
from orgviz.validate import validate


def chain(size: str, depth: int, rules: str = "") -> str:
    lines = ["orgviz: 1", f"org: {{name: T, size: {size}}}", "people:",
             "  - {id: p1, name: P}"]
    lines += [f"  - {{id: p{i}, name: P, reports_to: p{i - 1}}}" for i in range(2, depth + 1)]
    return "\n".join(lines) + "\n" + rules


@pytest.mark.parametrize(("size", "limit"), [("small", 4), ("mid-size", 6), ("enterprise", 9)])
def test_profile_limits(check, size, limit):
    assert check(chain(size, limit), "layers") == []
    # p{limit+1} stands on line limit + 4 (p1 is on line 4)
    found = check(chain(size, limit + 3), "layers")
    assert [(line, level) for line, _col, level in found] == [(limit + 4, "warning")]


FAIL = """\
orgviz: 1
org: {name: T}
people:
  - {id: ceo, name: Ada King}
  - {id: a, name: A, reports_to: ceo}
  - {id: b, name: B, reports_to: a}
  - {id: c, name: C, reports_to: b}
  - {id: d, name: D, reports_to: b}
  - {id: e, name: E, reports_to: d}
  - {id: f, name: F, reports_to: a}
rules: {layers: {max: 3}}
"""


def test_the_first_person_beyond_max_on_each_branch(check):
    assert check(FAIL, "layers") == [(7, 34, "warning"), (8, 34, "warning")]


def test_message_shows_the_chain_and_what_hangs_below(messages):
    assert messages(FAIL, "layers")[1][2] == (
        "'d' is at level 4 (ceo -> a -> b -> d), with 1 more below down to level 5; the "
        "configured layers max keeps to 3 levels: remove a management layer above 'd', or "
        "raise layers max")  # (max: 3 is the file's own; a mid-size org's is another)


def test_the_message_names_the_size_profile_when_its_limit_applies(tmp_path):
    path = tmp_path / "deep.yaml"
    path.write_text(chain("small", 5), encoding="utf-8")
    found = [p.message for p in validate(load(path)) if p.rule == "layers"]
    assert len(found) == 1 and "; a small org keeps to 4 levels: " in found[0], found


def test_a_10000_deep_chain_is_walked_without_recursion(tmp_path):
    path = tmp_path / "deep.yaml"
    path.write_text(chain("enterprise", 10_000), encoding="utf-8")
    found = [p for p in validate(load(path)) if p.rule == "layers"]
    assert [p.line for p in found] == [13]  # p10
    assert found[0].message.startswith(
        "'p10' (P) is at level 10 (p1 (P) -> ... -> p5 (P) -> p6 (P) -> p7 (P) -> p8 (P) -> "
        "p9 (P) -> p10), with 9,990 more below down to level 10,000; an enterprise org keeps "
        "to 9 levels:")


def test_levels_beyond_a_thousand_have_thousands_separators(tmp_path):
    """The counts and levels, as the limit ("1,000 levels") and other messages show them."""
    path = tmp_path / "deep.yaml"
    path.write_text(chain("enterprise", 2_500, "rules: {layers: {max: 1000}}\n"),
                    encoding="utf-8")
    [found] = [p for p in validate(load(path)) if p.rule == "layers"]
    assert (found.line, found.col) == (1_004, 38)  # p1001's reports_to (the value p1000)
    assert found.message.startswith("'p1001' (P) is at level 1,001 (p1 (P) -> ... -> ")
    assert found.message.endswith(
        "p1001), with 1,499 more below down to level 2,500; the configured layers max keeps to "
        "1,000 levels: remove a management layer above 'p1001', or raise layers max")


def test_assistants_add_no_layer(check):
    source = FAIL.replace("  - {id: c, name: C, reports_to: b}\n",
                          "  - {id: c, name: C, reports_to: b, assistant: true}\n")
    assert check(source, "layers") == [(8, 34, "warning")]


def test_a_max_of_one_keeps_to_1_level(messages):
    # (it said "keeps to 1 levels")
    source = FAIL.replace("{max: 3}", "{max: 1}")
    assert [(line, col, message) for line, col, message in messages(source, "layers")] == [
        (5, 34, "'a' is at level 2 (ceo -> a), with 5 more below down to level 5; the "
                "configured layers max keeps to 1 level: remove a management layer above 'a', "
                "or raise layers max")]


def test_a_profile_s_max_of_one_keeps_to_1_level(tmp_path, monkeypatch):
    # (no size's profile gives 1 today: the profile's wording, with the same count)
    from orgviz.rules import layers

    monkeypatch.setitem(layers.PROFILE_DEFAULTS, "small", {"max": 1})
    path = tmp_path / "two.yaml"
    path.write_text(chain("small", 2), encoding="utf-8")
    found = [(p.line, p.col, p.message) for p in validate(load(path)) if p.rule == "layers"]
    assert found == [(5, 35, "'p2' (P) is at level 2 (p1 (P) -> p2); a small org keeps to 1 "
                             "level: remove a management layer above 'p2', or raise layers "
                             "max")]
