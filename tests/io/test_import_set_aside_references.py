"""A dotted line or a departments table's team lead to a row set aside (a future-dated row,
a history row) follows the rule of a manager reference to one: re-attached to the current
row of the same person (by name) with a warning, else left out, saying which row it is."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

from orgviz.io.csvimport import ImportOptions, ImportResult, import_csv

HEADER = ("PERSON_ID,FULL_NAME,SUPERVISOR_ID,JOB_TITLE,DEPARTMENT_ID,EFFECTIVE_START_DATE,"
          "EFFECTIVE_END_DATE,Dotted Line\n")
#: Bob Lead's row 4 and Dan Future's row 6 are set aside: future-dated, or history rows.
FUTURE = ("1,Ann Boss,,CEO,10,2010-01-01,4712-12-31,\n"
          "2,Bob Lead,1,VP Sales,20,2020-01-01,4712-12-31,\n"
          "3,Bob Lead,1,SVP Sales,20,2027-01-01,4712-12-31,\n"
          "4,Cat Rep,3,Sales Manager,20,2020-01-01,4712-12-31,3\n"
          "5,Dan Future,1,VP Ops,30,2027-02-01,4712-12-31,\n"
          "6,Eve Rep,5,Ops Manager,30,2020-01-01,4712-12-31,\n"
          "7,Fay Rep,1,Ops Analyst,30,2020-01-01,4712-12-31,5\n")
HISTORY = FUTURE.replace("2027-01-01,4712-12-31", "2010-01-01,2020-12-31").replace(
    "2027-02-01,4712-12-31", "2010-01-01,2020-12-31")
DEPTS = "DEPARTMENT_ID,DEPARTMENT_NAME,MANAGER_ID\n10,Exec,1\n20,Sales,3\n30,Ops,5\n"
WHY = {"future": ("a future-dated row", "effective from 2027-01-01", "effective from 2027-02-01"),
       "history": ("a history row", "EFFECTIVE_END_DATE 2020-12-31",
                   "EFFECTIVE_END_DATE 2020-12-31")}


def imported(tmp_path: Path, rows: str, teams: bool = True) -> ImportResult:
    (tmp_path / "fm.csv").write_text(HEADER + rows, encoding="utf-8")
    (tmp_path / "fm.depts.csv").write_text(DEPTS, encoding="utf-8")
    options = ImportOptions(reference_date=datetime.date(2026, 12, 7), keep_going=True,
                            teams=str(tmp_path / "fm.depts.csv") if teams else None)
    return import_csv(tmp_path / "fm.csv", options)


def said(result: ImportResult, rules: tuple[str, ...]) -> list[str]:
    return [f"{Path(p.file).name}:{p.line}:{p.col}: {p.level} [{p.rule}] {p.message}"
            for p in result.problems if p.rule in rules]


@pytest.mark.parametrize("kind", ["future", "history"])
def test_dotted_lines_and_leads_to_a_set_aside_row(tmp_path: Path, kind: str) -> None:
    result = imported(tmp_path, FUTURE if kind == "future" else HISTORY)
    what, bob, dan = WHY[kind]
    assert said(result, ("ended-manager", "unknown-manager", "unknown-team")) == [
        f"fm.csv:5:3: warning [ended-manager] manager '3' is {what} (row 4, {bob}): using "
        "'2', the current row of 'Bob Lead'",
        f"fm.csv:5:8: warning [ended-manager] dotted-line manager '3' is {what} (row 4, "
        f"{bob}): using '2', the current row of 'Bob Lead'",
        f"fm.csv:7:3: error [unknown-manager] manager '5' is {what} (row 6, {dan}) and no "
        "current row of 'Dan Future' was found: imported as a top",
        f"fm.csv:8:8: warning [unknown-manager] dotted-line manager '5' is {what} (row 6, "
        f"{dan}) and no current row of 'Dan Future' was found: left out",
        f"fm.depts.csv:3:3: warning [ended-manager] lead '3' of team '20' is {what} (row 4, "
        f"{bob}): using '2', the current row of 'Bob Lead'",
        f"fm.depts.csv:4:3: warning [unknown-team] lead '5' of team '30' is {what} (row 6, "
        f"{dan}) and no current row of 'Dan Future' was found: left out",
    ]
    cat = next(p for p in result.org.people if p.id == "4")
    fay = next(p for p in result.org.people if p.id == "7")
    assert (cat.reports_to, cat.dotted_to, fay.dotted_to) == ("2", ("2",), ())
    assert {t.name: t.lead for t in result.org.teams} == {"Exec": "1", "Sales": "2",
                                                          "Ops": None}
    assert (f"  # fm.csv:5: dotted-line manager '3' is {what} (row 4, {bob}): using '2', the "
            "current row of 'Bob Lead'\n") in result.text


def test_a_lead_nobody_is_still_no_person(tmp_path: Path) -> None:
    (tmp_path / "d.csv").write_text("id,name,manager_id\n10,Exec,9\n", encoding="utf-8")
    (tmp_path / "p.csv").write_text("id,name,manager,dotted line\n1,Ann,,9\n",
                                    encoding="utf-8")
    result = import_csv(tmp_path / "p.csv", ImportOptions(teams=str(tmp_path / "d.csv")))
    assert said(result, ("unknown-manager", "unknown-team")) == [
        "d.csv:2:3: warning [unknown-team] team '10' is led by '9', who is not in the people "
        "file (left out): use the id of a person",
        "p.csv:2:4: warning [unknown-manager] dotted-line manager '9' not found: left out"]


def test_a_departments_list_s_lead_misspelt_is_named_as_a_teams_table_s(tmp_path: Path
                                                                          ) -> None:
    # (a departments list's lead who is no person was said otherwise than a teams table's,
    # without the person it may be: "lead 'ana' of team '10' is no person of the people
    # file: left out")
    (tmp_path / "d.csv").write_text("id,name,manager_id\n10,Exec,ana\n", encoding="utf-8")
    (tmp_path / "p.csv").write_text("id,name,manager\nann,Ann,\n", encoding="utf-8")
    result = import_csv(tmp_path / "p.csv", ImportOptions(teams=str(tmp_path / "d.csv")))
    assert said(result, ("unknown-team",)) == [
        "d.csv:2:3: warning [unknown-team] team '10' is led by 'ana', who is not in the "
        "people file (left out): did you mean 'ann'? Otherwise use the id of a person"]


#: The teams of DEPTS as export's teams table (the `NAME.teams.csv` beside its people CSV).
TABLE = "team,team_name,parent,lead,color\n10,Exec,,1,\n20,Sales,10,3,\n30,Ops,10,5,\n"


@pytest.mark.parametrize("kind", ["future", "history"])
@pytest.mark.parametrize("beside", [False, True])
def test_a_teams_table_s_lead_to_a_set_aside_row(tmp_path: Path, kind: str,
                                                 beside: bool) -> None:
    # (a teams table's lead was left out as "not in the people CSV", where a departments
    # list's was re-attached; the lead without a current row is left out at the level of
    # the table's other mistakes: an error under --teams, a warning in the table beside)
    from orgviz.io.csvimport.beside import import_with_table_beside

    (tmp_path / "fm.csv").write_text(HEADER + (FUTURE if kind == "future" else HISTORY),
                                     encoding="utf-8")
    (tmp_path / "fm.teams.csv").write_text(TABLE, encoding="utf-8")
    options = ImportOptions(reference_date=datetime.date(2026, 12, 7), keep_going=True)
    table = str(tmp_path / "fm.teams.csv")
    result = (import_with_table_beside(str(tmp_path / "fm.csv"), options, table) if beside
              else import_csv(tmp_path / "fm.csv", ImportOptions(
                  reference_date=datetime.date(2026, 12, 7), keep_going=True, teams=table)))
    what, bob, dan = WHY[kind]
    level = "warning" if beside else "error"
    assert [p for p in said(result, ("ended-manager", "unknown-team"))
            if p.startswith("fm.teams.csv")] == [
        f"fm.teams.csv:3:4: warning [ended-manager] lead '3' of team '20' is {what} (row 4, "
        f"{bob}): using '2', the current row of 'Bob Lead'",
        f"fm.teams.csv:4:4: {level} [unknown-team] lead '5' of team '30' is {what} (row 6, "
        f"{dan}) and no current row of 'Dan Future' was found: left out",
    ]
    assert [(t.id, t.lead) for t in result.org.teams] == [("10", "1"), ("20", "2"),
                                                          ("30", None)]
