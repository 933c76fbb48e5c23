"""`import --titles JOBS.csv`: title cells that hold a job code get the jobs file's title."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from orgviz.cli import main
from orgviz.errors import OrgvizError
from orgviz.io.csvimport import ImportOptions, import_csv
from orgviz.io.csvimport.records import ImportOptions as Options
from orgviz.io.csvimport.state import ImporterState
from orgviz.io.csvimport.titles import expand_titles
from orgviz.loader import load
from orgviz.validate import validate

SHARED_DATA = Path(__file__).resolve().parents[3] / "shared" / "data"

JOBS = """\
job_id,job_title,min_salary
AD_PRES,President,20080
AD_VP,Administration Vice President,15000
IT_PROG,Programmer,4000
SA_MAN,Sales Manager,10000
SA_REP,Sales Representative,6000
"""
PEOPLE = """\
employee_id,first_name,last_name,job_id,manager_id
100,Steven,King,AD_PRES,
101,Neena,Yang,AD_VP,100
103,Alexander,James,IT_PROG,101
145,John,Singh,SA_MAN,100
150,Peter,Tucker,SA_REP,145
151,David,Bernstein,XX_TEMP,145
152,Peter,Hall,XX_TEMP,145
153,Amy,Lee,,145
"""


@pytest.fixture
def files(tmp_path: Path) -> tuple[Path, Path]:
    (tmp_path / "jobs.csv").write_text(JOBS, encoding="utf-8")
    (tmp_path / "people.csv").write_text(PEOPLE, encoding="utf-8")
    return tmp_path / "people.csv", tmp_path / "jobs.csv"


def test_codes_become_titles_and_roles_follow_them(files: tuple[Path, Path],
                                                   tmp_path: Path) -> None:
    people, jobs = files
    result = import_csv(people, ImportOptions(titles=str(jobs)))
    org = result.org
    titles = {p.id: p.title for p in org.people}
    assert titles == {"100": "President", "101": "Administration Vice President",
                      "103": "Programmer", "145": "Sales Manager",
                      "150": "Sales Representative", "151": "XX_TEMP", "152": "XX_TEMP",
                      "153": None}
    roles = {p.id: p.roles for p in org.people}
    assert roles["101"] == ("vp",)
    assert roles["145"] == ("manager",)  # (a Sales Manager with a report)
    assert "# Titles from jobs.csv\n" in result.text
    written = tmp_path / "org.yaml"
    written.write_text(result.text, encoding="utf-8")
    assert {p.id: p.title for p in load(written).people} == titles
    assert not [p for p in validate(load(written)) if p.rule == "unknown-title"
                and "Vice President" in p.message]


def test_a_title_that_is_no_code_of_the_file_is_kept_with_one_warning_at_its_first_row(
        files: tuple[Path, Path]) -> None:
    people, jobs = files
    result = import_csv(people, ImportOptions(titles=str(jobs)))
    warned = [(p.file, p.line, p.col, p.level, p.rule, p.message) for p in result.problems
              if "job code" in p.message]
    assert warned == [(str(people), 7, 4, "warning", "unknown-title",
                       "title 'XX_TEMP' is no job code of jobs.csv: kept as written")]


def test_jobs_file_problems_are_located_in_it(files: tuple[Path, Path]) -> None:
    people, jobs = files
    jobs.write_text(JOBS + "SA_REP,Sales Rep,1\nHR_REP,,4000\n", encoding="utf-8")
    result = import_csv(people, ImportOptions(titles=str(jobs)))
    found = [(p.file, p.line, p.col, p.message) for p in result.problems
             if p.file == str(jobs)]
    assert found == [
        (str(jobs), 7, 1, "job code 'SA_REP' again: the title of its first row is used"),
        (str(jobs), 8, 2, "job code 'HR_REP' has no title: its cells keep the code"),
    ]
    assert {p.title for p in result.org.people if p.id == "150"} == {"Sales Representative"}


def test_a_jobs_file_without_code_and_title_columns_is_a_usage_error(
        files: tuple[Path, Path]) -> None:
    people, jobs = files
    jobs.write_text("department_id,department_name\n10,Administration\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["import", str(people), "--titles", str(jobs)])
    assert result.exit_code == 2
    assert result.output == (f"orgviz: {jobs}:1:1: a titles file needs a job code column (job_id, "
                             "job_code, code) and a title column (job_title, title, name)\n")


def test_titles_need_a_title_column(tmp_path: Path, files: tuple[Path, Path]) -> None:
    _people, jobs = files
    people = tmp_path / "no_titles.csv"
    people.write_text("id,name,manager_id\n1,Ann,\n2,Bo,1\n", encoding="utf-8")
    with pytest.raises(OrgvizError, match=rf"--titles {jobs}: {people} has no title column "
                                          r"\(--title COLUMN names it\)"):
        import_csv(people, ImportOptions(titles=str(jobs)))


def test_the_jobs_file_is_not_overwritten(files: tuple[Path, Path]) -> None:
    people, jobs = files
    result = CliRunner().invoke(main, ["import", str(people), "--titles", str(jobs),
                                       "-o", str(jobs)])
    assert result.exit_code == 2 and "is an input file" in result.output
    assert jobs.read_text(encoding="utf-8") == JOBS


def test_a_title_column_of_job_codes_points_at_titles(files: tuple[Path, Path]) -> None:
    people, _jobs = files
    notes = [(p.line, p.col, p.level, p.message) for p in import_csv(people).problems
             if p.rule == "columns"]
    assert notes == [(1, 4, "info", "the title column 'job_id' holds job codes ('AD_PRES', "
                      "'AD_VP', 'IT_PROG' and 3 more): cards show them as written; --titles "
                      "FILE names them from a jobs export")]
    people.write_text(PEOPLE.replace("SA_REP", "Sales Rep"), encoding="utf-8")
    assert not [p for p in import_csv(people).problems if p.rule == "columns"]


@given(st.dictionaries(st.sampled_from(["A_B", "C_D", "E_F", "x"]), st.text(min_size=1),
                       max_size=3),
       st.lists(st.one_of(st.none(), st.sampled_from(["A_B", "C_D", "E_F", "x", "y"])),
                min_size=1, max_size=12))
def test_expanding_is_a_lookup_that_warns_once_per_unknown_title(
        known: dict[str, str], titles: list[str | None]) -> None:
    state = ImporterState(Options())
    state.cols = {"title": 3}
    lines = list(range(2, len(titles) + 2))
    assert expand_titles(state, "p.csv", titles, lines, known, "jobs.csv") == [
        known.get(t, t) if t else t for t in titles]
    unknown = [t for t in dict.fromkeys(titles) if t and t not in known]
    assert [(p.line, p.col) for p in state.problems] == [
        (lines[titles.index(t)], 3) for t in unknown]


@pytest.mark.skipif(not (SHARED_DATA / "oracle-hr-employees.csv").exists(),
                    reason="needs ../shared/data")
def test_oracle_hr_with_its_jobs_table(tmp_path: Path) -> None:
    """Oracle HR's job_id cells are codes; its JOBS table (here in part) names them."""
    jobs = tmp_path / "jobs.csv"
    jobs.write_text("JOB_ID,JOB_TITLE\nAD_PRES,President\nAD_VP,Administration Vice President\n"
                    "IT_PROG,Programmer\nST_CLERK,Stock Clerk\nSA_REP,Sales Representative\n",
                    encoding="utf-8")
    result = import_csv(SHARED_DATA / "oracle-hr-employees.csv",
                        ImportOptions(titles=str(jobs), keep_going=True))
    by_id = result.org.by_id
    assert (by_id["100"].title, by_id["101"].title) == ("President",
                                                        "Administration Vice President")
    assert by_id["101"].roles == ("vp",)
    kept = sorted(p.message.split("'")[1] for p in result.problems if "no job code" in p.message)
    assert "SA_MAN" in kept and "AD_PRES" not in kept
