"""The API's counts, exports, comparisons and role charts refuse an org that did not load
whole (a broken or missing included file, a `people:` that is no list), as the commands do:
they worked on the people that did load and said nothing."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

import orgviz
from orgviz.errors import OrgLoadError
from orgviz.problem import Problem

SMALL = Path(__file__).parents[1] / "orgs" / "small.yaml"
MAIN = ("orgviz: 1\norg: {name: Inc, size: small}\ninclude: [part.yaml, missing.yaml]\n"
        "people:\n  - {id: ceo, name: C, title: CEO}\n")
PART = ("orgviz: 1\npeople:\n  - {id: cto, name: T, title: CTO, reports_to: ceo}\n"
        "  - {id: e1, name: E, title: Engineer, reports_to: cto\n")
PEOPLE_MAP = "orgviz: 1\norg:\n  name: X\n  size: small\npeople:\n  a: {name: A}\n"

#: Each function that would work on the people that loaded, given the broken org.
CALLS: dict[str, Callable[[orgviz.Org], object]] = {
    "export": lambda org: orgviz.export(org, "csv"),
    "compute_stats": orgviz.compute_stats,
    "render_roles": lambda org: orgviz.render_roles(org, "dot"),
    "deck_bytes": lambda org: orgviz.deck_bytes([(org, ())], "pdf"),
    "diff_orgs (old)": lambda org: orgviz.diff_orgs(org, orgviz.load(SMALL)),
    "diff_orgs (new)": lambda org: orgviz.diff_orgs(orgviz.load(SMALL), org),
}


def _broken_include(folder: Path) -> orgviz.Org:
    """An org whose included part has a YAML syntax error and whose other include is
    missing: it loads (the problems kept in load_problems) with 1 of its 3 people."""
    (folder / "main.yaml").write_text(MAIN, encoding="utf-8")
    (folder / "part.yaml").write_text(PART, encoding="utf-8")
    return orgviz.load(folder / "main.yaml")


def _where(problems: list[Problem]) -> list[str]:
    """Each problem as `file:line:col: level [rule]`, the file by its name alone."""
    return [f"{Path(p.file).name}:{p.line}:{p.col}: {p.level} [{p.rule}]" for p in problems]


@pytest.mark.parametrize("call", CALLS.values(), ids=CALLS.keys())
def test_a_broken_include_is_refused_with_its_load_errors(
        tmp_path: Path, call: Callable[[orgviz.Org], object]) -> None:
    org = _broken_include(tmp_path)
    assert len(org.people) == 1  # (loaded, partly)
    with pytest.raises(OrgLoadError) as caught:
        call(org)
    assert _where(caught.value.problems) == ["main.yaml:3:22: error [include]",
                                             "part.yaml:5:1: error [yaml-syntax]"]
    assert caught.value.problems[0].message == "included file 'missing.yaml' does not exist"
    assert caught.value.problems[1].message.startswith("YAML syntax error: did not find "
                                                       "expected ',' or '}'")


@pytest.mark.parametrize("call", CALLS.values(), ids=CALLS.keys())
def test_people_written_as_a_mapping_are_refused(tmp_path: Path,
                                                 call: Callable[[orgviz.Org], object]) -> None:
    """An org of 0 people was exported, counted and compared."""
    path = tmp_path / "map.yaml"
    path.write_text(PEOPLE_MAP, encoding="utf-8")
    org = orgviz.load(path)
    with pytest.raises(OrgLoadError) as caught:
        call(org)
    [problem] = caught.value.problems
    assert (Path(problem.file).name, problem.line, problem.col, problem.level,
            problem.message) == ("map.yaml", 6, 3, "error",
                                 "'people' must be a list, not a mapping")


def test_validate_still_reports_the_load_errors_and_render_refuses(tmp_path: Path) -> None:
    """validate returns them as problems (no exception); render, write_deck refuse the org
    unless forced, as they did."""
    org = _broken_include(tmp_path)
    problems = orgviz.validate(org)
    assert _where(problems)[:2] == ["main.yaml:3:22: error [include]",
                                    "part.yaml:5:1: error [yaml-syntax]"]
    with pytest.raises(OrgLoadError, match=r"included file 'missing\.yaml' does not exist"):
        orgviz.render(org, "dot")
    assert orgviz.render(org, "dot", force=True).startswith(b"digraph")
    with pytest.raises(OrgLoadError, match=r"included file 'missing\.yaml' does not exist"):
        orgviz.write_deck(tmp_path / "main.yaml", tmp_path / "main.pdf")
    assert not (tmp_path / "main.pdf").exists()


def test_warnings_of_the_load_are_no_reason_to_refuse(tmp_path: Path) -> None:
    """Only load errors lose people: a title cut by a comment (a warning) is counted and
    exported as before."""
    path = tmp_path / "cut.yaml"
    path.write_text("orgviz: 1\norg: {name: W, size: small}\npeople:\n"
                    "  - id: ceo\n    name: Ada\n    title: CEO #1\n", encoding="utf-8")
    org = orgviz.load(path)
    assert [p.level for p in org.load_problems] == ["warning"]
    assert orgviz.compute_stats(org)["headcount"]["positions"] == 1
    assert "ceo" in str(orgviz.export(org, "csv"))


def test_a_forced_deck_still_counts_the_people_that_loaded(tmp_path: Path) -> None:
    """write_deck(force=True) draws a broken org with its problems marked: its numbers come
    from the people that loaded (compute_stats refusing it must not refuse the deck)."""
    _broken_include(tmp_path)
    written = orgviz.write_deck(tmp_path / "main.yaml", tmp_path / "main.pdf", force=True)
    assert written.slides >= 1 and (tmp_path / "main.pdf").stat().st_size > 0
    assert _where(list(written.problems))[:2] == ["main.yaml:3:22: error [include]",
                                                  "part.yaml:5:1: error [yaml-syntax]"]


def test_a_forced_deck_bytes_draws_the_people_that_loaded(tmp_path: Path) -> None:
    """deck_bytes(force=True) draws a broken org, as write_deck(force=True) does."""
    org = _broken_include(tmp_path)
    data, slides = orgviz.deck_bytes([(org, orgviz.validate(org))], "pdf", force=True)
    assert data.startswith(b"%PDF") and slides >= 1


def test_deck_bytes_force_must_be_true_or_false(tmp_path: Path) -> None:
    org = _broken_include(tmp_path)
    with pytest.raises(TypeError, match=r"orgviz\.deck_bytes\(\)'s force must be True or "
                                        r"False, not 'yes'"):
        orgviz.deck_bytes([(org, ())], "pdf", force="yes")  # type: ignore[arg-type]
