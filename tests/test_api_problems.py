"""Problems about an org built in Python: where they stand (the org's file, when its `loc`
is the default NO_LOC, which names no file) and how render's refusal tells them."""

from __future__ import annotations

import copy
import pickle
from pathlib import Path

import pytest

import orgviz
from orgviz.errors import OrgLoadError
from orgviz.model import Org, Person
from orgviz.problem import Problem, SourceLoc

WIZARD = Person(id="a", loc=SourceLoc("py", 3, 5), name="A", title="CEO", roles=("wizard",))
#: What validate says of an org of WIZARD alone: an error at WIZARD, a warning about the org.
UNKNOWN_ROLE = Problem("py", 3, 5, "error", "unknown-role",
                       "'a' has role 'wizard', which is not a role of the ladder: use a "
                       "built-in role id, or define it under 'roles:' with a level")
PROFILE_FIT = Problem("py", 1, 1, "warning", "profile-fit",
                      "a mid-size org (the size assumed when none is declared) has 30 to 600 "
                      "positions, but this one has 1: declare size: small in the org header, "
                      "or adjust the profile-fit option mid-size-min-people")


def test_a_problem_about_a_python_org_stands_at_line_1_of_its_file() -> None:
    """Org.loc defaults to NO_LOC (no file): profile-fit stood at ':1:1', file ''."""
    assert orgviz.validate(Org(file="py", name="x", people=[WIZARD])) == [PROFILE_FIT,
                                                                          UNKNOWN_ROLE]


def test_an_empty_python_org_is_reported_at_its_file() -> None:
    (problem,) = orgviz.validate(Org(file="chart.py", name="x"))
    assert (problem.file, problem.line, problem.col, problem.rule) == ("chart.py", 1, 1, "root")
    assert str(problem).startswith("chart.py:1:1: error [root] the org has no people")


def test_an_org_loc_that_names_a_file_is_kept() -> None:
    org = Org(file="py", name="x", people=[WIZARD], loc=SourceLoc("org.yaml", 2, 1))
    assert org.own_loc == SourceLoc("org.yaml", 2, 1)
    assert orgviz.validate(org)[0][:3] == ("org.yaml", 2, 1)
    org.loc = SourceLoc("", 1, 1)
    assert org.own_loc == SourceLoc("py", 1, 1)


def test_a_loaded_orgs_problems_stand_where_they_did(tmp_path: Path) -> None:
    """The loader's org has its header's loc: unchanged."""
    path = tmp_path / "o.yaml"
    path.write_text("orgviz: 1\norg:\n  name: O\npeople:\n  - {id: a, name: A, title: CEO}\n")
    org = orgviz.load(path)
    assert org.own_loc == org.loc and org.loc.file == org.file
    fit = [p for p in orgviz.validate(org) if p.rule == "profile-fit"]
    assert [(p.file, p.line) for p in fit] == [(org.file, org.loc.line)]


def test_render_refuses_a_python_org_with_its_error_first() -> None:
    """The refusal's text led with the warning (':1:1: warning [profile-fit] ...'), the
    error that stopped the render second; its problems stay in place order, as the
    commands print them."""
    with pytest.raises(OrgLoadError) as caught:
        orgviz.render(Org(file="py", name="x", people=[WIZARD]), "svg")
    assert str(caught.value).splitlines() == [str(UNKNOWN_ROLE), str(PROFILE_FIT)]
    assert str(caught.value).startswith("py:3:5: error [unknown-role] 'a' has role 'wizard'")
    assert caught.value.problems == [PROFILE_FIT, UNKNOWN_ROLE]


def test_an_org_load_errors_text_has_errors_then_warnings_then_infos() -> None:
    info, warning = Problem("a", 1, 1, "info", "x", "i"), Problem("a", 2, 1, "warning", "x", "w")
    first, second = Problem("b", 9, 1, "error", "y", "e1"), Problem("c", 1, 1, "error", "y", "e2")
    error = OrgLoadError([info, warning, first, second])
    assert str(error).splitlines() == ["b:9:1: error [y] e1", "c:1:1: error [y] e2",
                                       "a:2:1: warning [x] w", "a:1:1: info [x] i"]
    assert error.problems == [info, warning, first, second]


def test_an_org_load_error_pickles_and_copies_whole() -> None:
    """Rebuilt from its args (its message), it joined the message's characters one a line."""
    error = OrgLoadError([PROFILE_FIT, UNKNOWN_ROLE])
    for again in (pickle.loads(pickle.dumps(error)), copy.copy(error)):
        assert type(again) is OrgLoadError
        assert (str(again), again.problems) == (str(error), error.problems)
