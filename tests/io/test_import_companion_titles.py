"""Companion files (--teams, --junior, --titles) with title lines above their header (a
report's name, a date) skip them as the people CSV does (`rows.below_title_lines`): an info
at the header says so, and the rows below it are read."""

from __future__ import annotations

from pathlib import Path

from orgviz.io.csvimport import ImportOptions, ImportResult, import_csv

#: A report's title lines, as a spreadsheet saves them above its table.
TITLES = "Acme Corp report\nRun 2024-06-01\n"


def said(result: ImportResult) -> list[str]:
    """The problems as `file:line:col: level [rule] message`."""
    return [f"{Path(p.file).name}:{p.line}:{p.col}: {p.level} [{p.rule}] {p.message}"
            for p in result.problems]


def people(tmp_path: Path, text: str) -> Path:
    """The people CSV."""
    path = tmp_path / "people.csv"
    path.write_text(text, encoding="utf-8")
    return path


def companion(tmp_path: Path, name: str, text: str) -> str:
    """A companion file below the title lines."""
    path = tmp_path / name
    path.write_text(TITLES + text, encoding="utf-8")
    return str(path)


SKIPPED = ("info [csv] the header is on line 3: the lines above it are skipped ('Acme Corp "
           "report Run 2024-06-01' ...)")


def test_a_departments_file_below_title_lines(tmp_path: Path) -> None:
    # (it was "departments.csv:1:1: a teams file needs an id column ...", exit 2)
    path = people(tmp_path, "id,name,manager,department\n1,Ann,,10\n2,Bo,1,20\n")
    teams = companion(tmp_path, "departments.csv", "department_id,department_name,manager_id\n"
                      "10,Executive,1\n20,Engineering,2\n")
    result = import_csv(path, ImportOptions(teams=teams))
    assert said(result) == [f"departments.csv:3:1: {SKIPPED}"]
    assert [(t.id, t.name, t.lead) for t in result.org.teams] == [
        ("executive", "Executive", "1"), ("engineering", "Engineering", "2")]


def test_a_teams_table_below_title_lines(tmp_path: Path) -> None:
    from orgviz.io.csvimport import EXPORT_COLUMNS

    path = people(tmp_path, ",".join(EXPORT_COLUMNS) + "\nada,Ada,CEO,,,,exec,,,,,\n")
    teams = companion(tmp_path, "teams.csv", "team,team_name,parent,lead,color\n"
                      "exec,Executive,,ada,#4C78A8\n")
    result = import_csv(path, ImportOptions(teams=teams))
    assert said(result) == [f"teams.csv:3:1: {SKIPPED}"]
    assert [(t.id, t.name, t.lead, t.color) for t in result.org.teams] == [
        ("exec", "Executive", "ada", "#4C78A8")]


def test_a_jobs_file_below_title_lines(tmp_path: Path) -> None:
    # (it was "jobs.csv:1:1: a titles file needs a job code column ...", exit 2)
    path = people(tmp_path, "id,name,manager,job\n1,Ann,,AD_PRES\n2,Bo,1,IT_PROG\n")
    jobs = companion(tmp_path, "jobs.csv", "job_id,job_title\nAD_PRES,President\n"
                     "IT_PROG,Programmer\n")
    result = import_csv(path, ImportOptions(titles=jobs))
    assert said(result) == [f"jobs.csv:3:1: {SKIPPED}"]
    assert [p.title for p in result.org.people] == ["President", "Programmer"]


def test_a_junior_posts_file_below_title_lines(tmp_path: Path) -> None:
    # (it was "junior.csv:1:1: no 'Reporting Senior Post' (manager) column ...", exit 2)
    path = people(tmp_path, "Post Unique Reference,Name,Reports to Senior Post,Grade\n"
                  "1,Ann,XX,SCS3\n")
    junior = companion(tmp_path, "junior.csv", "Reporting Senior Post,Generic Job Title,"
                       "Grade,Number of Posts in FTE\n1,Analyst,EO,2\n")
    result = import_csv(path, ImportOptions(junior=junior))
    assert f"junior.csv:3:1: {SKIPPED}" in said(result)
    assert [(p.title, p.fte, p.reports_to, p.loc.line) for p in result.org.people[1:]] == [
        ("Analyst", 2.0, "1", 4)]


def test_a_companion_whose_first_line_is_its_header_has_no_info(tmp_path: Path) -> None:
    path = people(tmp_path, "id,name,manager,job\n1,Ann,,AD_PRES\n")
    jobs = tmp_path / "jobs.csv"
    jobs.write_text("job_id,job_title\nAD_PRES,President\n", encoding="utf-8")
    assert said(import_csv(path, ImportOptions(titles=str(jobs)))) == []
