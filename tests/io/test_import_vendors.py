"""Exports as BambooHR, HiBob and Workday write them: their header spellings are found."""

from __future__ import annotations

from pathlib import Path

import pytest

from orgviz.io.columns import detect, normalise_header
from orgviz.io.csvimport import import_csv

BAMBOO = ("Employee #,First Name,Last Name,Job Title,Department,Location,Work Email,Supervisor,"
          "Supervisor EID,Employment Status\n") + """\
1001,Ada,Obi,Chief Executive Officer,Leadership,London,ada@acme.test,,,Full-Time
1002,Ben,Cruz,VP of Product,Product,London,ben@acme.test,"Obi, Ada",1001,Full-Time
1003,Cy,Diaz,Product Manager,Product,Berlin,cy@acme.test,"Cruz, Ben",1002,Full-Time
1004,Di,Eze,Product Manager,Product,Berlin,di@acme.test,"Cruz, Ben",1002,Terminated
"""
BAMBOO_NAMES = """\
Employee #,First Name,Last Name,Job Title,Supervisor
1001,Ada,Obi,Chief Executive Officer,
1002,Ben,Cruz,VP of Product,"Obi, Ada"
1003,Cy,Diaz,Product Manager,"Cruz, Ben"
1004,Ed,Fox,Product Manager,"Cruz, Nobody"
"""
HIBOB = """\
Employee ID,Display name,Job title,Department,Site,Email,Reports to email,Lifecycle status
e1,Ada Obi,CEO,Leadership,London,ada@acme.test,,Employed
e2,Ben Cruz,VP of Product,Product,London,ben@acme.test,ada@acme.test,Employed
e3,Cy Diaz,Product Manager,Product,Berlin,cy@acme.test,ben@acme.test,Terminated
"""
WORKDAY = """\
Employee ID,Worker,Business Title,Supervisory Organization,Location,Email - Primary Work,Manager ID
W1,Ada Obi,Chief Executive Officer,Leadership,London,ada@acme.test,
W2,Ben Cruz,VP of Product,Product,London,ben@acme.test,W1
W3,Cy Diaz,Product Manager,Product,Berlin,cy@acme.test,W2
"""


def imported(tmp_path: Path, text: str):
    path = tmp_path / "people.csv"
    path.write_text(text, encoding="utf-8")
    return import_csv(path)


def people(result) -> list[tuple[str, str | None, str | None]]:
    return [(p.id, p.name, p.reports_to) for p in result.org.people]


def test_bamboohr_employee_number_is_the_id_not_the_name(tmp_path: Path) -> None:
    # "Employee #" folded to "employee" (a name spelling): everyone was named by number.
    assert normalise_header("Employee #") == "employeenumber"
    result = imported(tmp_path, BAMBOO)
    assert people(result) == [("1001", "Ada Obi", None), ("1002", "Ben Cruz", "1001"),
                              ("1003", "Cy Diaz", "1002")]
    assert ("# Columns: id = 'Employee #', manager = 'Supervisor EID', name = 'First Name' + "
            "'Last Name', title = 'Job Title'") in result.text
    # (Supervisor, the names, is read only where the Supervisor EID cell is empty)
    assert "manager_name = 'Supervisor'" in result.text and "Not imported" not in result.text
    [leaver] = [p for p in result.problems if p.rule == "history-row"]
    assert (leaver.line, leaver.message) == (
        5, "history row of 'Di Eze' (status 'Terminated') not imported")


def test_managers_written_last_name_first_are_found(tmp_path: Path) -> None:
    result = imported(tmp_path, BAMBOO_NAMES)
    assert people(result)[:3] == [("1001", "Ada Obi", None), ("1002", "Ben Cruz", "1001"),
                                  ("1003", "Cy Diaz", "1002")]
    [missing] = [p for p in result.problems if p.rule == "unknown-manager"]
    assert (missing.line, missing.col) == (5, 5)
    assert missing.message == "manager 'Cruz, Nobody' not found"
    assert "manager 'Obi, Ada' matched by name (written last name first)" in result.text


def test_hibob_lifecycle_status_and_reports_to_email(tmp_path: Path) -> None:
    # "Lifecycle status" was not read: a Terminated person was imported as current.
    result = imported(tmp_path, HIBOB)
    assert people(result) == [("e1", "Ada Obi", None), ("e2", "Ben Cruz", "e1")]
    assert "manager = 'Reports to email'" in result.text
    assert "status = 'Lifecycle status'" in result.text


def test_workday_worker_email_and_supervisory_organization(tmp_path: Path) -> None:
    result = imported(tmp_path, WORKDAY)
    assert people(result) == [("W1", "Ada Obi", None), ("W2", "Ben Cruz", "W1"),
                              ("W3", "Cy Diaz", "W2")]
    assert [p.email for p in result.org.people] == ["ada@acme.test", "ben@acme.test",
                                                    "cy@acme.test"]
    assert [t.name for t in result.org.teams] == ["Leadership", "Product"]
    assert [p for p in result.problems if p.level != "info"] == []


@pytest.mark.parametrize(("header", "manager"), [
    (["Id", "Name", "Supervisor", "Supervisor EID"], "Supervisor EID"),
    (["Id", "Name", "Manager Name", "Manager ID"], "Manager ID"),
    (["Id", "Name", "Manager Email", "Manager"], "Manager"),
    (["Id", "Name", "Reports To Name", "Reports to email"], "Reports to email"),
])
def test_a_manager_id_column_wins_over_names_and_emails(header: list[str],
                                                        manager: str) -> None:
    columns = detect(header, {})
    assert header[columns.index["manager"]] == manager


def test_the_summary_says_render_needs_force_for_rule_errors(tmp_path: Path) -> None:
    import subprocess
    import sys

    (tmp_path / "people.csv").write_text(
        "id,name,title,manager\nceo,Ada Obi,CEO,\npm,Ben Cruz,Product Manager,ceo\n"
        "vp,Cy Diaz,VP of Product,pm\n", encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "orgviz", "import", "people.csv", "-o",
                           "org.yaml"], cwd=tmp_path, capture_output=True, text=True,
                          timeout=60, check=False)
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr.splitlines()[-1] == (
        "imported 3 positions to org.yaml: no problems; rules on the imported org: 1 error, "
        "1 warning (-v lists them; orgviz render draws an org with errors only with --force)")
