"""Tests of the duplicate-id rule."""

import pytest

import orgviz
from orgviz.errors import OrgLoadError
from orgviz.loader import load
from orgviz.validate import validate

PASS = """\
orgviz: 1
org: {name: T}
people:
  - {id: dana, name: Dana Reyes, role: ceo}
  - {id: sam, name: Sam Ito, role: vp, reports_to: dana}
"""

FAIL = """\
orgviz: 1
org: {name: T}
teams:
  - {id: core}
  - {id: core}
people:
  - {id: dana, name: Dana Reyes, role: ceo}
  - {id: sam, name: Sam Ito, role: vp, reports_to: dana}
  - {id: dana, name: Dana Smith, role: vp, reports_to: sam}
"""


def test_unique_ids_pass(check):
    assert check(PASS, "duplicate-id") == []


def test_duplicate_person_and_team_ids_fail_at_the_second_id(check):
    assert check(FAIL, "duplicate-id") == [(5, 10, "error"), (9, 10, "error")]


def test_message_names_the_first_use(org_file):
    problems = [p for p in validate(load(org_file(FAIL))) if p.rule == "duplicate-id"]
    assert "duplicate person id 'dana' (first used at line 7)" in problems[1].message


def test_a_duplicate_team_id_asks_for_a_team_id_not_a_position_id(messages):
    assert messages(FAIL, "duplicate-id")[0] == (
        5, 10, "duplicate team id 'core' (first used at line 4): give each team its own id")


def test_an_id_copied_by_a_merge_key_is_reported_at_the_entry_that_copied_it(messages):
    # (was reported at the first entry's own id, "first used at line 4", on line 4)
    source = """\
orgviz: 1
org: {name: T}
people:
  - &p {id: dana, name: Dana Reyes, role: ceo}
  - {<<: *p, name: Sam Ito}
"""
    assert messages(source, "duplicate-id") == [
        (5, 5, "duplicate person id 'dana' (first used at line 4): give each position its "
               "own id")]


def test_one_person_given_twice_in_python_repeats_its_id(org_file):
    """The same Person object twice was no duplicate (it was compared by identity): validate
    said nothing, export wrote the row twice and stats counted 22 positions for 23."""
    org = load(org_file(PASS))
    sam = org.by_id["sam"]
    org.people = [*org.people, sam]
    found = [p for p in validate(org) if p.rule == "duplicate-id"]
    assert [(p.line, p.col, p.level, p.message) for p in found] == [
        (5, 5, "error", "duplicate person id 'sam' (first used at line 5): give each "
                        "position its own id")]
    with pytest.raises(OrgLoadError) as caught:
        orgviz.export(org, "csv")
    assert [p.rule for p in caught.value.problems] == ["duplicate-id"]
    with pytest.raises(OrgLoadError):
        orgviz.compute_stats(org)
