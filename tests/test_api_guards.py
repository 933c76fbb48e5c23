"""The public API keeps its results fresh and refuses wrong arguments with orgviz's errors."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import orgviz
from orgviz.errors import OrgLoadError, OrgvizError, RenderError

SMALL = Path(__file__).parents[1] / "orgs" / "small.yaml"
FIXTURES = Path(__file__).parent / "io" / "fixtures"
DUP = ("orgviz: 1\norg: {name: D, size: small}\npeople:\n"
       "  - {id: ceo, name: Ada, title: CEO}\n"
       "  - {id: cpo, name: Bo, title: Chief Product Officer, reports_to: ceo}\n"
       "  - {id: cpo, name: Cy, title: Chief Product Officer, reports_to: ceo}\n")


def test_assigning_a_field_drops_every_derived_view() -> None:
    """Views (by_id, reports, the rules' shared values) were kept after `people` changed:
    validate found nothing wrong and stats counted the removed person."""
    org = orgviz.load(SMALL)
    assert orgviz.validate(org) == []
    orgviz.render(org, "dot")  # (the chart's shared values too)
    assert orgviz.compute_stats(org)["headcount"]["positions"] == 21
    org.people = tuple(p for p in org.people if p.id != "jose-nunez")
    assert "jose-nunez" not in org.by_id and "jose-nunez" not in org.reports
    rules = {p.rule for p in orgviz.validate(org)}
    assert "unknown-manager" in rules
    assert orgviz.compute_stats(org)["headcount"]["positions"] == 20
    with pytest.raises(OrgLoadError, match="'rahul-iyer' reports to 'jose-nunez', who is "
                                           "not in the org"):
        orgviz.render(org, "dot")


def test_a_derived_view_cannot_be_assigned() -> None:
    org = orgviz.load(SMALL)
    with pytest.raises(AttributeError, match=r"Org.reports is derived from the org's fields: "
                                             r"assign those \(people, teams, ...\) instead"):
        org.reports = {}


@pytest.mark.parametrize("call", [orgviz.validate, orgviz.render])
@pytest.mark.parametrize("given", [None, "x.yaml"])
def test_a_path_or_none_for_an_org_is_a_type_error(call: object, given: object) -> None:
    """validate and render raised AttributeError: 'load_problems'."""
    with pytest.raises(TypeError, match=rf"orgviz\.\w+\(\) takes an Org, not {given!r} "
                                        r"\(\w+\): load the org file with orgviz\.load\(path\) "
                                        r"first"):
        call(given)  # type: ignore[operator]


@pytest.mark.parametrize("given", [None, "x.yaml"])
def test_stats_and_diff_take_orgs(given: object) -> None:
    """compute_stats and diff_orgs raised AttributeError from deep inside."""
    org = orgviz.load(SMALL)
    with pytest.raises(TypeError, match=r"orgviz\.compute_stats\(\) takes an Org, not "):
        orgviz.compute_stats(given)  # type: ignore[arg-type]
    for old, new in ((given, org), (org, given)):
        with pytest.raises(TypeError, match=r"orgviz\.diff_orgs\(\) takes an Org, not "):
            orgviz.diff_orgs(old, new)  # type: ignore[arg-type]


def test_export_refuses_an_unknown_format_and_a_path() -> None:
    org = orgviz.load(SMALL)
    with pytest.raises(OrgvizError, match="unknown export format 'yaml': use mermaid, json, "
                                          "csv, graphml") as caught:
        orgviz.export(org, "yaml")
    assert isinstance(caught.value, ValueError)  # (as it always was)
    with pytest.raises(TypeError, match=r"orgviz\.export\(\) takes an Org, not 'x\.yaml'"):
        orgviz.export("x.yaml", "json")  # type: ignore[arg-type]


def test_errors_is_there_after_a_bare_import() -> None:
    """The README catches orgviz.errors.OrgLoadError: it raised AttributeError until some
    call had imported the module."""
    code = ("import sys, orgviz\nprint(orgviz.errors.OrgLoadError.__name__, 'errors' in "
            "dir(orgviz))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True, timeout=60)
    assert done.stdout == "OrgLoadError True\n"


def test_render_roles_refuses_repeated_ids_and_no_org(tmp_path: Path) -> None:
    """As `orgviz roles` does; an empty list drew an empty chart."""
    path = tmp_path / "dup.yaml"
    path.write_text(DUP, encoding="utf-8")
    with pytest.raises(OrgLoadError, match="duplicate-id") as caught:
        orgviz.render_roles([orgviz.load(path)], "dot")
    assert [p.line for p in caught.value.problems] == [6]
    with pytest.raises(RenderError, match="no org to draw: give render_roles an Org or a list "
                                          "of them"):
        orgviz.render_roles([], "dot")
    with pytest.raises(TypeError, match=r"orgviz\.render_roles\(\) takes an Org, not "
                                        r"'x\.yaml'"):
        orgviz.render_roles("x.yaml", "dot")  # type: ignore[arg-type]


def test_render_roles_takes_one_org() -> None:
    """A single Org raised "'Org' object is not iterable"."""
    org = orgviz.load(SMALL)
    assert orgviz.render_roles(org, "dot") == orgviz.render_roles([org], "dot")


@pytest.mark.parametrize(("options", "message"), [
    ({"size": "medium"}, "unknown size 'medium': use one of small, mid-size, enterprise "
                         "(or None, the default)"),
    ({"order": "zzz"}, "unknown order 'zzz': use one of tree, csv (or None, the default)"),
    ({"columns": {"id": "EmpID"}}, "ImportOptions columns['id'] must be a list of column "
                                   "names (such as ['EmpID']), not 'EmpID'"),
    ({"columns": {"boss": ["Mgr"]}}, "ImportOptions columns: unknown field 'boss': use one "
                                     "of id, manager, name,"),
    ({"columns": {"id": [" "]}}, "ImportOptions columns['id']: a column name (the header's "
                                 "text) must be a non-blank string, not ' '"),
    ({"columns": [("id", "EmpID")]}, "ImportOptions columns must map fields to lists of "
                                     "column names"),
    ({"name": 5}, "ImportOptions name must be a string (or None), not 5"),
    ({"teams": 3}, "ImportOptions teams must be a file path (or None), not 3"),
    ({"keep_going": "yes"}, "ImportOptions keep_going must be True or False, not 'yes'"),
])
def test_import_options_are_checked(options: dict[str, object], message: str) -> None:
    """size='medium' wrote an org file that does not load; order='zzz' was taken silently;
    a column given as a string was read letter by letter; name=5 raised a bare TypeError."""
    with pytest.raises(OrgvizError) as caught:
        orgviz.import_csv(FIXTURES / "hr_ids.csv", orgviz.ImportOptions(**options))  # type: ignore[arg-type]
    assert str(caught.value).startswith(message)


def test_import_options_must_be_import_options() -> None:
    """The common form of an argument of the wrong type: the function, the argument, what
    it takes and what was given (its value and type)."""
    with pytest.raises(TypeError) as caught:
        orgviz.import_csv(FIXTURES / "hr_ids.csv", {})  # type: ignore[arg-type]
    assert str(caught.value) == ("orgviz.import_csv()'s options must be an ImportOptions or "
                                 "None, not {} (dict)")


def test_every_module_cache_of_orgs_is_dropped() -> None:
    """A cache by org that a module keeps (a WeakKeyDictionary) and Org.forget_views does not
    know would go stale when a field is assigned."""
    import weakref

    from orgviz.model import _SHARED_CACHES

    org = orgviz.load(SMALL)
    orgviz.validate(org)
    orgviz.render(org, "dot")
    orgviz.render_roles(org, "dot")
    holding = sorted((name, attr) for name, module in list(sys.modules.items())
                     if name.startswith("orgviz.")
                     for attr, value in list(vars(module).items())
                     if isinstance(value, weakref.WeakKeyDictionary) and org in value)
    assert holding == sorted(_SHARED_CACHES)
    org.teams = org.teams
    assert not [name for name, attr in holding
                if org in getattr(sys.modules[name], attr)]
