"""A file called `-` that an import reads (`./-`: alone, `-` reads standard input, shown
as <stdin>) is named `./-` in every message and header note of the import, not `-`."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from orgviz.io.csvimport import EXPORT_COLUMNS

#: People in an HR export's layout, in the export's (team ids), and a teams table of them.
HR = "id,name,manager,title,team\n1,Ann Lee,,CEO,eng\n2,Bo Chan,1,Engineer,eng\n"
EXACT = (",".join(EXPORT_COLUMNS) + "\n"
         "ada,Ada,CEO,,,,eng,Engineering,,,,\n"
         "bo,Bo,COO,,ada,,eng,Engineering,,,,\n")
TABLE = "team,team_name,parent,lead,color\neng,Engineering,,,#4C78A8\n"


def _write(folder: Path, name: str, text: str) -> None:
    (folder / name).write_text(text, encoding="utf-8", newline="")


def _header_notes(path: Path) -> list[str]:
    """The notes of an org file's header on the files it was read from (its `# Columns:`
    line left out)."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return [line for line in lines[2:lines.index("orgviz: 1")]
            if not line.startswith("# Columns: ")]


@pytest.mark.parametrize("people", [HR, EXACT], ids=["hr", "exact"])
def test_a_teams_table_called_dash_is_named_dot_slash_dash(
        tmp_path: Path, run: Callable[..., Any], people: str) -> None:
    # (the header said `# Teams from -`)
    _write(tmp_path, "p.csv", people)
    _write(tmp_path, "-", TABLE)
    result = run("import", "p.csv", "--teams", "./-", "-o", "o.yaml")
    assert result.exit_code == 0, result.output
    assert _header_notes(tmp_path / "o.yaml") == ["# Teams from ./-"]


def test_a_departments_list_called_dash_is_named_dot_slash_dash(
        tmp_path: Path, run: Callable[..., Any]) -> None:
    # (`team 'ops' is not in -: declared`, `# Teams from -`)
    _write(tmp_path, "p.csv", HR.replace("Engineer,eng", "Engineer,ops"))
    _write(tmp_path, "-", "department_id,department_name\neng,Engineering\n")
    result = run("import", "p.csv", "--teams", "./-", "-o", "o.yaml")
    assert result.exit_code == 0, result.output
    assert result.stderr.splitlines()[0] == (
        "p.csv:3:5: warning [unknown-team] team 'ops' is not in ./-: declared")
    assert _header_notes(tmp_path / "o.yaml") == ["# Teams from ./-"]


def test_the_teams_table_beside_a_csv_called_dash_names_it_dot_slash_dash(
        tmp_path: Path, run: Callable[..., Any]) -> None:
    # (`the teams of - read from its teams table beside it`)
    _write(tmp_path, "-", HR)
    _write(tmp_path, "-.teams.csv", TABLE)
    result = run("import", "./-", "-o", "o.yaml")
    assert result.exit_code == 0, result.output
    assert result.stderr.splitlines()[0] == (
        "./-.teams.csv:1:1: info [columns] the teams of ./- read from its teams table beside "
        "it; another is read with teams (--teams FILE)")


def test_a_table_beside_a_csv_called_dash_that_does_not_match_names_it_dot_slash_dash(
        tmp_path: Path, run: Callable[..., Any]) -> None:
    # (`the teams table beside - does not match it`)
    _write(tmp_path, "-", HR)
    _write(tmp_path, "-.teams.csv", TABLE.replace("eng,Engineering", "ops,Operations"))
    result = run("import", "./-", "-o", "o.yaml")
    assert result.exit_code == 0, result.output
    assert result.stderr.splitlines()[0] == (
        "./-.teams.csv:1:1: warning [columns] the teams table beside ./- does not match it "
        "(./-:2:5: team 'eng' is not in -.teams.csv) and was not read: given as teams "
        "(`--teams ./-.teams.csv`), it is read anyway")


def test_a_job_codes_file_called_dash_is_named_dot_slash_dash(
        tmp_path: Path, run: Callable[..., Any]) -> None:
    # (`title 'CEO' is no job code of -`, `# Titles from -`)
    _write(tmp_path, "p.csv", HR.replace("Engineer", "E1"))
    _write(tmp_path, "-", "code,title\nE1,Engineer\n")
    result = run("import", "p.csv", "--titles", "./-", "-o", "o.yaml")
    assert result.exit_code == 0, result.output
    assert result.stderr.splitlines()[0] == (
        "p.csv:2:4: warning [unknown-title] title 'CEO' is no job code of ./-: kept as written")
    assert _header_notes(tmp_path / "o.yaml") == ["# Titles from ./-"]


def test_a_junior_posts_file_called_dash_is_named_dot_slash_dash(
        tmp_path: Path, run: Callable[..., Any]) -> None:
    # (`# Junior posts from -: ...`)
    _write(tmp_path, "senior.csv", "Post Unique Reference,Name,Reports to Senior Post,Job Title\n"
                                   "1,Ann,XX,Director\n")
    _write(tmp_path, "-", "Reporting Senior Post,Generic Job Title,Grade,Number of Posts in FTE\n"
                          "1,Analyst,EO,2\n")
    result = run("import", "senior.csv", "--junior", "./-", "-o", "o.yaml")
    assert result.exit_code == 0, result.output
    assert [note.split(":")[0] for note in _header_notes(tmp_path / "o.yaml")] == [
        "# Junior posts from ./-"]
