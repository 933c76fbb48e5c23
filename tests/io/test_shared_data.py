"""The real HR exports in ../shared/data import, validate, and have their issues reported."""

from __future__ import annotations

from pathlib import Path

import pytest

from orgviz.io.csvimport import ImportOptions, import_csv
from orgviz.loader import load
from orgviz.validate import validate

# Same place as tests/conftest.py's SHARED_DATA (../shared/data beside the repository).
SHARED_DATA = Path(__file__).resolve().parents[3] / "shared" / "data"

pytestmark = [
    pytest.mark.shared_data,
    pytest.mark.skipif(not SHARED_DATA.is_dir(), reason="../shared/data is absent"),
]

STRUCTURE = {"schema", "config", "duplicate-id", "unknown-manager", "cycle", "self-report",
             "unknown-team", "unknown-dotted", "root"}

# file -> import options; every file of shared/data is imported by one of these.
IMPORTS = {
    "chinook-employees.csv": {},
    "d3-org-chart-sample.csv": {},
    "oracle-hr-employees.csv": {"teams": "oracle-hr-departments.csv"},
    "adventureworks-dimemployee.csv": {},
    "uk-home-office-2012-09-30-senior.csv": {"keep_going": True,
                                             "junior": "uk-home-office-2012-09-30-junior.csv"},
}


def _import(name: str):
    options = dict(IMPORTS[name])
    for key in ("teams", "junior"):
        if key in options:
            options[key] = str(SHARED_DATA / options[key])
    return import_csv(SHARED_DATA / name, ImportOptions(**options))


def test_every_file_is_covered() -> None:
    covered = set(IMPORTS) | {"oracle-hr-departments.csv",
                              "uk-home-office-2012-09-30-junior.csv"}
    assert {p.name for p in SHARED_DATA.glob("*.csv")} <= covered


@pytest.mark.parametrize("name", sorted(IMPORTS))
def test_imports_and_validates(name: str, tmp_path: Path) -> None:
    result = _import(name)
    path = tmp_path / "org.yaml"
    path.write_text(result.text, encoding="utf-8")
    org = load(path)
    assert org.load_problems == ()
    assert len(org.people) == len(result.org.people)
    errors = [p for p in validate(org) if p.level == "error" and p.rule in STRUCTURE]
    assert errors == []
    # The in-memory org (CSV locations) equals what the loader reads back.
    assert [(p.id, p.name, p.title, p.roles, p.reports_to, p.team, p.vacant)
            for p in org.people] == [
        (p.id, p.name, p.title, p.roles, p.reports_to, p.team, p.vacant)
        for p in result.org.people]


def test_clean_files_have_no_errors() -> None:
    for name in ("chinook-employees.csv", "d3-org-chart-sample.csv", "oracle-hr-employees.csv",
                 "adventureworks-dimemployee.csv"):
        assert _import(name).errors == 0, name
    d3 = _import("d3-org-chart-sample.csv")
    assert len(d3.org.people) == 1516 and len(d3.org.roots) == 1
    assert d3.org.by_id["O-6068"].name == "Leverling Janet"  # leading space trimmed


def test_adventureworks_history_and_ended_managers() -> None:
    result = _import("adventureworks-dimemployee.csv")
    history = [p for p in result.problems if p.rule == "history-row"]
    assert len(history) == 6
    assert [p.line for p in history] == [5, 8, 99, 144, 279, 280]
    ended = [p for p in result.problems if p.rule == "ended-manager"]
    assert len(ended) == 23
    assert len(result.org.people) == 290
    assert len(result.org.roots) == 1


def test_uk_organogram_issues_reported() -> None:
    result = _import("uk-home-office-2012-09-30-senior.csv")
    duplicates = [p for p in result.problems if p.rule == "duplicate-id"]
    assert len(duplicates) == 11 and all(p.level == "error" for p in duplicates)
    placeholder = next(p for p in result.problems if p.rule == "placeholder-name")
    assert "164 placeholder names" in placeholder.message
    org = result.org
    assert org.roots == ["4PO01"]  # the post that reports to 'XX'
    junior = [p for p in org.people if "-j" in p.id]
    assert len(junior) == 933
    assert any(p.rule == "duplicate-row" for p in result.problems)


def test_uk_senior_without_keep_going_has_errors() -> None:
    result = import_csv(SHARED_DATA / "uk-home-office-2012-09-30-senior.csv")
    assert result.errors == 11


def test_companion_files_explain_themselves() -> None:
    from orgviz.errors import OrgvizError

    with pytest.raises(OrgvizError, match="--teams"):
        import_csv(SHARED_DATA / "oracle-hr-departments.csv")
    with pytest.raises(OrgvizError, match="--junior"):
        import_csv(SHARED_DATA / "uk-home-office-2012-09-30-junior.csv")


def test_oracle_teams_named_from_departments() -> None:
    org = _import("oracle-hr-employees.csv").org
    assert org.by_id["100"].team == "executive"
    assert org.teams_by_id["executive"].lead == "100"
    assert org.by_id["178"].team is None  # the employee without a department
