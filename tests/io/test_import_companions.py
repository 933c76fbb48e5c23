"""Companion files of an import (the teams table beside the people CSV, --teams, --titles,
--junior) read with the people CSV's --delimiter where their header holds it, else with
their own, as a CSV without --delimiter is read."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from orgviz.io.csvimport import EXPORT_COLUMNS, ImportOptions, import_csv
from orgviz.io.csvread import own_delimiter
from orgviz.loader import load

#: The teams table export writes (with commas, whatever the people CSV is saved with).
TABLE = ("team,team_name,parent,lead,color\r\n"
         "exec,Executive,,ada,#4C78A8\r\n"
         "ops,\"Operations, EU\",exec,bo,#E45756\r\n")
#: The people CSV of the export's layout, as a spreadsheet saves it with semicolons.
PEOPLE = (";".join(EXPORT_COLUMNS) + "\r\n"
          "ada;Ada;CEO;;;;exec;Executive;;;;\r\n"
          "bo;Bo;COO;;ada;;ops;Operations, EU;;;;\r\n")
#: The teams of TABLE as the org file has them: (id, name, parent, lead, color).
TEAMS = [("exec", "Executive", None, "ada", "#4C78A8"),
         ("ops", "Operations, EU", "exec", "bo", "#E45756")]


def _teams(org: Any) -> list[tuple[str, str | None, str | None, str | None, str | None]]:
    return [(t.id, t.name, t.parent, t.lead, t.color) for t in org.teams]


def _pair(tmp_path: Path, table: str, people: str = PEOPLE) -> None:
    (tmp_path / "acme.csv").write_text(people, encoding="utf-8", newline="")
    (tmp_path / "acme.teams.csv").write_text(table, encoding="utf-8", newline="")


@pytest.mark.parametrize("delimiter", [";", "semicolon"])
def test_the_teams_table_beside_a_semicolon_csv_is_read_with_its_commas(
        tmp_path: Path, run: Callable[..., Any], delimiter: str) -> None:
    # (it was "orgviz: acme.teams.csv: a teams file needs an id column ...", exit 2)
    _pair(tmp_path, TABLE)
    result = run("import", "acme.csv", "--delimiter", delimiter, "-o", "acme.yaml")
    assert result.exit_code == 0, result.output
    assert result.stderr.splitlines()[0] == (
        "acme.teams.csv:1:1: info [columns] the teams of acme.csv read from its teams table "
        "beside it; another is read with teams (--teams FILE)")
    assert _teams(load(tmp_path / "acme.yaml")) == TEAMS
    named = run("import", "acme.csv", "--delimiter", delimiter, "--teams", "acme.teams.csv",
                "-o", "named.yaml")
    assert named.exit_code == 0, named.output
    assert _teams(load(tmp_path / "named.yaml")) == TEAMS


def test_a_teams_table_whose_header_holds_the_delimiter_is_read_with_it(
        tmp_path: Path) -> None:
    # (its cells' commas are no delimiters: a name 'Operations, EU' stays one cell)
    _pair(tmp_path, TABLE.replace(",", ";").replace('"Operations; EU"', "Operations, EU"))
    result = import_csv(tmp_path / "acme.csv",
                        ImportOptions(delimiter=";", teams=str(tmp_path / "acme.teams.csv")))
    assert result.problems == []
    assert _teams(result.org) == TEAMS


def test_a_departments_list_and_a_jobs_file_with_commas(tmp_path: Path) -> None:
    people = tmp_path / "people.csv"
    people.write_text("id;name;manager;department;job\n1;Ann;;10;AD_PRES\n2;Bo;1;20;IT_PROG\n",
                      encoding="utf-8")
    departments = tmp_path / "departments.csv"
    departments.write_text("department_id,department_name,manager_id\n10,Executive,1\n"
                           "20,\"Engineering, Tools\",2\n", encoding="utf-8")
    jobs = tmp_path / "jobs.csv"
    jobs.write_text("job_id\tjob_title\nAD_PRES\tPresident\nIT_PROG\tProgrammer\n",
                    encoding="utf-8")
    result = import_csv(people, ImportOptions(delimiter=";", teams=str(departments),
                                              titles=str(jobs)))
    assert [(p.level, p.message) for p in result.problems if p.level != "info"] == []
    assert [(t.id, t.name, t.lead) for t in result.org.teams] == [
        ("executive", "Executive", "1"), ("engineering-tools", "Engineering, Tools", "2")]
    assert [(p.title, p.team) for p in result.org.people] == [
        ("President", "executive"), ("Programmer", "engineering-tools")]


def test_a_junior_posts_file_with_commas_beside_a_semicolon_senior_file(
        tmp_path: Path) -> None:
    senior = tmp_path / "senior.csv"
    senior.write_text("Post Unique Reference;Name;Reports to Senior Post;Job Title\n"
                      "1;Ann;XX;Director\n", encoding="utf-8")
    junior = tmp_path / "junior.csv"
    junior.write_text("Reporting Senior Post,Generic Job Title,Grade,Number of Posts in FTE\n"
                      "1,Analyst,EO,2\n", encoding="utf-8")
    result = import_csv(senior, ImportOptions(delimiter=";", junior=str(junior)))
    assert [(p.title, p.fte) for p in result.org.people] == [("Director", None),
                                                             ("Analyst", 2)]


def test_a_teams_table_that_cannot_be_read_is_an_error_at_its_header(
        tmp_path: Path, run: Callable[..., Any]) -> None:
    # (read with its own delimiter, '|': its columns are no teams file's)
    (tmp_path / "acme.csv").write_text(PEOPLE, encoding="utf-8", newline="")
    (tmp_path / "depts.csv").write_text("code|label\nexec|Executive\n", encoding="utf-8")
    result = run("import", "acme.csv", "--delimiter", ";", "--teams", "depts.csv")
    assert (result.exit_code, result.output) == (
        2, "orgviz: depts.csv:1:1: a teams file needs an id column (department_id, team_id, "
           "id) and a name column (department_name, name)\n")
    # (a quote left open in the teams table: an error where it opens with --teams; beside
    # the CSV, the table is not read, and a warning says so and why)
    _pair(tmp_path, 'team,team_name,parent,lead,color\r\nexec,Executive,,,\r\n'
                    'ops,"Operations\r\n')
    broken = run("import", "acme.csv", "--delimiter", ";", "--teams", "acme.teams.csv",
                 "-o", "acme.yaml")
    assert broken.exit_code == 1
    assert broken.stderr.splitlines() == [
        "acme.teams.csv:3:2: error [csv] the quoted field that starts here is never closed: "
        "it runs to the end of the file (a stray '\"' in a cell?)"]
    assert "Traceback" not in broken.output and not (tmp_path / "acme.yaml").exists()
    beside = run("import", "acme.csv", "--delimiter", ";", "-o", "acme.yaml")
    assert beside.exit_code == 0, beside.output
    assert beside.stderr.splitlines()[0] == (
        "acme.teams.csv:1:1: warning [columns] the teams table beside acme.csv does not match "
        "it (acme.teams.csv:3:2: the quoted field that starts here is never closed: it runs "
        "to the end of the file (a stray '\"' in a cell?)) and was not read: given as teams "
        "(`--teams acme.teams.csv`), it is read anyway")


def test_a_jobs_file_that_cannot_be_read_is_an_error_at_its_header(
        tmp_path: Path, run: Callable[..., Any]) -> None:
    (tmp_path / "people.csv").write_text("id;name;manager;job\n1;Ann;;AD_PRES\n",
                                         encoding="utf-8")
    (tmp_path / "jobs.csv").write_text("key|text\nAD_PRES|President\n", encoding="utf-8")
    result = run("import", "people.csv", "--delimiter", ";", "--titles", "jobs.csv")
    assert (result.exit_code, result.output) == (
        2, "orgviz: jobs.csv:1:1: a titles file needs a job code column (job_id, job_code, "
           "code) and a title column (job_title, title, name)\n")


@pytest.mark.parametrize(("text", "given", "used"), [
    ("team,team_name\nexec,Executive\n", ";", ","),      # (the header's own)
    ("team;team_name\nexec;Ops, EU\n", ";", ";"),        # (the header holds the one given)
    ("team\texec\n", ";", "\t"),
    ("team\nexec\n", ";", ";"),                          # (a header of one column: as given)
    ("team\nexec, ops\n", ";", ","),  # (the first line with a delimiter, as if not given)
    ("Teams\n\nteam|team_name\n", ";", "|"),             # (below a title line)
    ("a:b,c\n", ":", ":"),                               # (a delimiter of no other file)
])
def test_own_delimiter(text: str, given: str, used: str) -> None:
    assert own_delimiter(text, given) == used


def test_a_workbook_of_departments_beside_a_semicolon_csv(tmp_path: Path) -> None:
    # (--delimiter is the people CSV's: a workbook given to --teams is read as one)
    from openpyxl import Workbook

    book = Workbook()
    for row in (["department_id", "department_name"], ["10", "Executive"]):
        book.active.append(row)
    departments = tmp_path / "departments.xlsx"
    book.save(departments)
    people = tmp_path / "people.csv"
    people.write_text("id;name;manager;department\n1;Ann;;10\n", encoding="utf-8")
    result = import_csv(people, ImportOptions(delimiter=";", teams=str(departments)))
    assert [(t.id, t.name) for t in result.org.teams] == [("executive", "Executive")]
