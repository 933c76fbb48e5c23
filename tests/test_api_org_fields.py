"""Assigning a field of an Org checks the value: `org.people = None`, `[1, 2]`, `org.name =
5` were taken and failed later, deep inside validate or render ('NoneType' object is not
iterable, 'int' object has no attribute 'id' / 'isprintable'); `org.size = "huge"` made
validate return no problem at all."""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import orgviz
from orgviz.model import Org, Person
from orgviz.problem import SourceLoc

SMALL = Path(__file__).parents[1] / "orgs" / "small.yaml"


@pytest.fixture
def org() -> Org:
    return orgviz.load(SMALL)


@pytest.mark.parametrize(("field", "value", "error", "message"), [
    ("people", None, TypeError, "Org.people must be a tuple or list of Person, not None "
                                "(NoneType)"),
    ("people", [1, 2], TypeError, "Org.people[0] must be a Person, not 1 (int)"),
    ("people", "ceo", TypeError, "Org.people must be a tuple or list of Person, not 'ceo' "
                                 "(str)"),
    ("people", {"a": 1}, TypeError, "Org.people must be a tuple or list of Person, not "
                                    "{'a': 1} (dict)"),
    ("teams", None, TypeError, "Org.teams must be a tuple or list of Team, not None "
                               "(NoneType)"),
    ("name", 5, TypeError, "Org.name must be a string, not 5 (int)"),
    ("name", None, TypeError, "Org.name must be a string, not None (NoneType)"),
    ("file", 1, TypeError, "Org.file must be a string, not 1 (int)"),
    ("size", "huge", ValueError, "Org.size must be one of small, mid-size, enterprise, not "
                                 "'huge' (str)"),
    ("size", None, TypeError, "Org.size must be one of small, mid-size, enterprise (a "
                              "string), not None (NoneType)"),
    ("date", 2024, TypeError, "Org.date must be a string or None, not 2024 (int)"),
    ("ladder", None, TypeError, "Org.ladder must be a RoleLadder, not None (NoneType)"),
    ("load_problems", [("a", 1, 1, "error", "x", "y")], TypeError,
     "Org.load_problems[0] must be a Problem, not ('a', 1, 1, 'error', 'x', 'y') (tuple)"),
    ("files", [1], TypeError, "Org.files[0] must be a str, not 1 (int)"),
    ("loc", ("a", 1, 1), TypeError, "Org.loc must be a SourceLoc, not ('a', 1, 1) (tuple)"),
    ("size_loc", "a:1:1", TypeError, "Org.size_loc must be a SourceLoc or None, not 'a:1:1' "
                                     "(str)"),
    ("part", "yes", TypeError, "Org.part must be True or False, not 'yes' (str)"),
    ("part", 1, TypeError, "Org.part must be True or False, not 1 (int)"),
])
def test_a_field_of_the_wrong_type_or_value_is_refused(
        org: Org, field: str, value: Any, error: type[Exception], message: str) -> None:
    before = getattr(org, field)
    problems = orgviz.validate(org)
    with pytest.raises(error) as caught:
        setattr(org, field, value)
    assert str(caught.value) == message
    assert getattr(org, field) == before  # (left as it was: the org still works)
    assert orgviz.validate(org) == problems


def test_the_constructor_checks_the_fields_too() -> None:
    with pytest.raises(TypeError) as caught:
        Org(file="a.yaml", name="A", people=[1])  # type: ignore[arg-type]
    assert str(caught.value) == "Org.people[0] must be a Person, not 1 (int)"
    with pytest.raises(ValueError) as wrong:
        Org(file="a.yaml", name="A", size="medium")
    assert str(wrong.value) == ("Org.size must be one of small, mid-size, enterprise, not "
                                "'medium' (str)")


def test_a_list_or_generator_of_people_is_kept_as_a_tuple(org: Org) -> None:
    """A list kept as given could be changed in place, behind the views made from it."""
    kept = [p for p in org.people if p.id != "jose-nunez"]
    org.people = kept  # type: ignore[assignment]
    assert isinstance(org.people, tuple) and list(org.people) == kept
    kept.clear()
    assert len(org.people) == 20 and "jose-nunez" not in org.by_id
    org.people = (p for p in org.people if p.id != "rahul-iyer")  # type: ignore[assignment]
    assert len(org.people) == 19 and orgviz.compute_stats(org)["headcount"]["positions"] == 19


def test_good_values_are_taken(org: Org) -> None:
    org.name, org.size, org.date = "Renamed", "enterprise", "2026-12-07"
    org.size_loc, org.loc = None, SourceLoc("x.yaml", 2, 3)
    assert (org.name, org.size, org.date) == ("Renamed", "enterprise", "2026-12-07")
    assert orgviz.compute_stats(org)["org"] == "Renamed"


@given(st.one_of(st.none(), st.integers(), st.floats(allow_nan=False), st.binary(),
                 st.lists(st.text(max_size=3), max_size=2), st.booleans()))
def test_any_name_but_a_string_is_a_type_error(value: object) -> None:
    org = Org(file="a.yaml", name="A")
    with pytest.raises(TypeError, match=r"^Org\.name must be a string, not "):
        org.name = value  # type: ignore[assignment]
    assert org.name == "A"


@given(st.text(max_size=12).filter(lambda text: text not in ("small", "mid-size",
                                                              "enterprise")))
def test_any_other_size_is_a_value_error(size: str) -> None:
    org = Org(file="a.yaml", name="A")
    with pytest.raises(ValueError, match=r"^Org\.size must be one of small, mid-size, "
                                         r"enterprise, not "):
        org.size = size
    assert org.size == "mid-size"


#: What a Person's fte must be, in the words the loader uses for an org file's `fte:`.
_FTE = "a number of full-time equivalents such as 1, 0.6 or 12.5 (at most 100,000) or None"


@pytest.mark.parametrize(("fields", "error", "message"), [
    ({"id": 5}, TypeError, "Org.people[21] (id 5): Person.id must be a string, not 5 (int)"),
    ({"vacant": "yes"}, TypeError,
     "Org.people[21] (id 'x'): Person.vacant must be True or False, not 'yes' (str)"),
    ({"roles": ["vp"]}, TypeError, "Org.people[21] (id 'x'): Person.roles must be a tuple of "
                                   "role ids (strings), not ['vp'] (list)"),
    ({"dotted_to": ("a", 1)}, TypeError, "Org.people[21] (id 'x'): Person.dotted_to must be "
                                         "a tuple of ids (strings), not ('a', 1) (tuple)"),
    ({"role_source": "file"}, ValueError, "Org.people[21] (id 'x'): Person.role_source must "
                                          "be 'explicit', 'title' or 'none', not 'file' (str)"),
    ({"fte": "0.5"}, TypeError, f"Org.people[21] (id 'x'): Person.fte must be {_FTE}, not "
                                "'0.5' (str)"),
    ({"fte": True}, TypeError, f"Org.people[21] (id 'x'): Person.fte must be {_FTE}, not "
                               "True (bool)"),
    ({"fte": math.nan}, ValueError, f"Org.people[21] (id 'x'): Person.fte must be {_FTE}, "
                                    "not nan (float)"),
    ({"fte": math.inf}, ValueError, f"Org.people[21] (id 'x'): Person.fte must be {_FTE}, "
                                    "not inf (float)"),
    ({"fte": -3}, ValueError, f"Org.people[21] (id 'x'): Person.fte must be {_FTE}, not "
                              "-3 (int)"),
    ({"fte": 1e308}, ValueError, f"Org.people[21] (id 'x'): Person.fte must be {_FTE}, not "
                                 "1e+308 (float)"),
    ({"fte": 100_000.5}, ValueError, f"Org.people[21] (id 'x'): Person.fte must be {_FTE}, "
                                     "not 100000.5 (float)"),
    ({"loc": ("a", 1, 1)}, TypeError, "Org.people[21] (id 'x'): Person.loc must be a "
                                      "SourceLoc, not ('a', 1, 1) (tuple)"),
    ({"reports_to": 3}, TypeError, "Org.people[21] (id 'x'): Person.reports_to must be a "
                                   "string (an id) or None, not 3 (int)"),
])
def test_a_person_field_of_the_wrong_type_is_refused(
        org: Org, fields: dict[str, Any], error: type[Exception], message: str) -> None:
    """Person's fields were not checked: `Person(id=5)` was taken and failed in export
    ('int' object has no attribute ...), `vacant='yes'` counted as vacant."""
    before = org.people
    person = Person(**{"id": "x", "loc": SourceLoc("s", 1, 1), "name": "X", **fields})
    with pytest.raises(error) as caught:
        org.people = [*org.people, person]
    assert str(caught.value) == message
    assert org.people is before
    with pytest.raises(error) as caught:
        Org(file="o", name="O", people=[*before, person])
    assert str(caught.value) == message


def test_a_python_org_with_a_nan_fte_is_refused_before_render() -> None:
    """Person(fte=nan) was taken: validate said nothing, compute_stats gave nan and render
    failed with "ValueError: cannot convert float NaN to integer" (inf: OverflowError)."""
    loc = SourceLoc("py", 1, 1)
    for fte in (math.nan, math.inf):
        with pytest.raises(ValueError, match=r"^Org\.people\[0\] \(id 'a'\): Person\.fte must "
                                             r"be a number of full-time equivalents .*\(at "
                                             r"most 100,000\) or None, not (nan|inf) \(float\)$"):
            Org(file="py", name="x", people=[
                Person(id="a", loc=loc, name="A", title="CEO", fte=fte),
                Person(id="b", loc=loc, name="B", title="Engineer", reports_to="a")])


@pytest.mark.parametrize("fte", [0, 0.0, 0.5, 1, 100_000, 100_000.0, None])
def test_an_fte_from_0_to_100000_is_taken(fte: float | None) -> None:
    person = Person(id="a", loc=SourceLoc("py", 1, 1), name="A", title="CEO", fte=fte)
    assert Org(file="py", name="x", people=[person]).people[0].fte == fte


def test_people_of_the_right_types_are_taken(org: Org) -> None:
    person = Person(id="x", loc=SourceLoc("s", 1, 1), name="X", fte=1, vacant=True,
                    field_locs={"id": SourceLoc("s", 1, 5)}, dotted_to=("amara-okafor",))
    org.people = [*org.people, person]
    assert org.people[-1] is person
