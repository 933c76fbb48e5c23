"""The real HR exports in ../shared/data import, validate, and have their issues reported."""

from __future__ import annotations

import datetime
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


@pytest.mark.parametrize(("day", "sheela"), [
    (None, ["280"]), ("2010-06-01", []), ("2011-01-01", ["278"]), ("2011-06-01", ["279"]),
    ("2012-06-01", ["280"]), ("2014-06-01", ["280"])])
def test_adventureworks_periods_as_of_a_day(day: str | None, sheela: list[str]) -> None:
    # Its StartDate (beside HireDate) starts a row's period: a person is imported once, by
    # the row of the day (Sheela Word was three times as of 2010-06-01, before her hire).
    options = {} if day is None else {"reference_date": datetime.date.fromisoformat(day),
                                      "keep_going": True}
    result = import_csv(SHARED_DATA / "adventureworks-dimemployee.csv",
                        ImportOptions(**options))  # type: ignore[arg-type]
    names = [p.name for p in result.org.people]
    assert len(names) == len(set(names))  # (each person once)
    assert [p.id for p in result.org.people if p.name == "Sheela Word"] == sheela
    future = [p for p in result.problems if p.rule == "future-row"]
    assert all(p.message.startswith("a future-dated row of ") for p in future)
    if day == "2010-06-01":  # (her reports were there before her: as an ended manager's)
        errors = [p for p in result.problems if p.level == "error"]
        assert (errors[1].line, errors[1].col, errors[1].message) == (
            169, 3, "manager '278' is a future-dated row (row 279, effective from 2010-09-25) "
            "and no current row of 'Sheela Word' was found: imported as a top")


def test_uk_organogram_issues_reported() -> None:
    result = _import("uk-home-office-2012-09-30-senior.csv")
    # Its 11 repeated post ids are each a live row and an 'Eliminated' row of the same post
    # (not job shares): the eliminated rows are set aside, reported and listed, as are the
    # other eliminated posts, but for the 4 that posts still report to (open positions).
    assert [p for p in result.problems if p.rule == "duplicate-id"] == []
    eliminated = next(p for p in result.problems
                      if p.rule == "eliminated-post" and p.level == "info")
    assert eliminated.message.startswith("52 eliminated posts not imported ('1HR03', ")
    kept = [p for p in result.problems if p.rule == "eliminated-post" and p.level == "warning"]
    assert [p.line for p in kept] == [4, 5, 138, 141]
    assert len(result.dropped) == 52
    messages = [p.message for p in result.problems if p.rule == "placeholder-name"]
    assert ("101 names not disclosed ('N/D'): imported as filled posts named 'Name not "
            "disclosed'") in messages
    assert "7 placeholder names imported as vacancies ('Vacant', 'Vacancy')" in messages
    org = result.org
    assert org.roots == ["4PO01"]  # the post that reports to 'XX'
    assert org.by_id["1HR03"].name == "Joe Dugdale"  # the live row of a post listed twice
    # 933 junior rows, 52 of them repeats of a row under a post listed twice: dropped.
    junior = [p for p in org.people if "-j" in p.id]
    assert len(junior) == 881
    repeats = [p for p in result.problems if p.rule == "duplicate-row"]  # (one cause: one)
    assert [(Path(p.file).name, p.line, p.col, p.message) for p in repeats] == [
        ("uk-home-office-2012-09-30-junior.csv", 3, 1,
         "52 rows repeat a row above them exactly, under posts the senior file lists twice "
         "(live and eliminated: '3GEO01', '1GEO05', '1GEO02', '1GEO04', '1GEO01' and 3 more): "
         "each imported once (rows 3, 6, 9, 12, 15 and 47 more)")]
    assert sum(p.vacant for p in org.people) == 46  # 7 + 4 senior, 35 groups of junior


def test_uk_senior_imports_without_errors() -> None:
    assert import_csv(SHARED_DATA / "uk-home-office-2012-09-30-senior.csv").errors == 0


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
