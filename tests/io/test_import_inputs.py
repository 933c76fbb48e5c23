"""Import inputs that are no regular files: refused at once, never read without end."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from orgviz.errors import OrgFileError, OrgLoadError
from orgviz.io import csvread
from orgviz.io.tables import read_table

posix_only = pytest.mark.skipif(os.name != "posix", reason="FIFOs and /dev/zero are POSIX")


def run_import(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "orgviz", "import", *args], cwd=cwd,
                          capture_output=True, text=True, timeout=60, check=False)


@posix_only
@pytest.mark.parametrize("name", ["people.csv", "people.xlsx"])
def test_a_fifo_is_refused_without_being_opened(tmp_path: Path, name: str) -> None:
    os.mkfifo(tmp_path / name)  # opening it to read would wait for a writer for ever
    proc = run_import([name, "-o", "org.yaml"], tmp_path)
    assert proc.returncode == 2, proc.stderr
    assert proc.stderr == f"orgviz: {name}: is not a regular file (a named pipe)\n"
    assert not (tmp_path / "org.yaml").exists()


@posix_only
@pytest.mark.parametrize("name", ["people.csv", "people.xlsx"])
def test_a_link_to_a_device_is_refused(tmp_path: Path, name: str) -> None:
    if not os.path.exists("/dev/zero"):
        pytest.skip("no /dev/zero")
    (tmp_path / name).symlink_to("/dev/zero")  # read to its end, it never ends
    proc = run_import([name, "-o", "org.yaml"], tmp_path)
    assert proc.returncode == 2, proc.stderr
    assert proc.stderr == f"orgviz: {name}: is not a regular file (a character device)\n"


def test_a_directory_and_a_too_big_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "people.csv").mkdir()
    with pytest.raises(OrgFileError, match=r"people\.csv: is a directory, not a CSV file$"):
        read_table(tmp_path / "people.csv")
    big = tmp_path / "big.csv"
    big.write_text("id,name\n" + "a,b\n" * 100, encoding="utf-8")
    monkeypatch.setattr(csvread, "MAX_CSV_BYTES", 64)
    with pytest.raises(OrgLoadError) as caught:
        read_table(big)
    [problem] = caught.value.problems
    assert (problem.line, problem.col, problem.rule) == (1, 1, "limits")
    assert re.fullmatch(r"file is \d+ MiB; orgviz imports files up to \d+ MiB", problem.message)


@pytest.mark.parametrize(("name", "fault"), [
    ("", "is empty"), ("  \t", "is only whitespace"),
    ("Acme\x01", "holds the control character U+0001"),
    ("x" * 501, "is 501 characters long; at most 500 are allowed"),
    ("Acme\udcff", "holds bytes that are not UTF-8"),  # (was written: the file did not load)
])
def test_an_org_name_the_org_file_cannot_hold_is_refused(tmp_path: Path, name: str,
                                                         fault: str) -> None:
    # (it was written: the org file then failed to load, 'orgs/x.yaml:6:9: error [schema]')
    from click.testing import CliRunner

    from orgviz.cli import main

    (tmp_path / "p.csv").write_text("id,name,manager\n1,A,\n", encoding="utf-8")
    out = tmp_path / "org.yaml"
    result = CliRunner().invoke(main, ["import", str(tmp_path / "p.csv"), "--org-name", name,
                                       "-o", str(out)])
    assert result.exit_code == 2
    assert result.output == (f"orgviz: --org-name {fault}: the org file would not load (an "
                             "org's name is 1 to 500 characters, no control characters)\n")
    assert not out.exists()


@posix_only
def test_an_org_named_after_a_blank_file_name_is_named_imported_org(tmp_path: Path) -> None:
    # (it was named '   ': the file written then failed `orgviz validate`, 'name' of the org
    # is only whitespace)
    (tmp_path / "   .csv").write_text("id,name,manager\n1,A,\n", encoding="utf-8")
    proc = run_import(["   .csv"], tmp_path)
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.splitlines()
    assert lines[3:7] == ["# Org name 'imported org': the file name '   ' is only whitespace "
                          "(--org-name names the org)", "orgviz: 1", "org:",
                          "  name: imported org"]
    (tmp_path / "org.yaml").write_text(proc.stdout, encoding="utf-8")
    check = subprocess.run([sys.executable, "-m", "orgviz", "validate", "org.yaml"],
                           cwd=tmp_path, capture_output=True, text=True, timeout=60,
                           check=False)
    assert (check.returncode, check.stdout) == (0, "1 file checked: no problems\n")


@pytest.mark.parametrize(("shown", "name", "note"), [
    # (the note is a comment of the org file: its characters that cannot stand there are
    # written as \uXXXX escapes, as in orgviz's messages)
    ("Ac\x01me.csv", "Acme", "the file name 'Ac\\u0001me' holds the control character U+0001"),
    (" \x02 .yaml", "imported org",
     "the file name ' \\u0002 ' holds the control character U+0002"),
    ("\t Acme \t.yaml", "\t Acme \t", None),  # (an org file may hold a tab: kept)
    # A file name that is not UTF-8: the org was named "\uDCFFemp" (an escape that YAML refuses:
    # the org file written did not load).
    ("\udcffemp.yaml", "\ufffdemp", "the file name '\\uDCFFemp' holds bytes that are not UTF-8"),
])
def test_an_org_name_from_a_file_name_is_one_the_org_file_holds(
        tmp_path: Path, shown: str, name: str, note: str | None) -> None:
    from orgviz.io.csvimport import import_csv
    from orgviz.io.yamlwrite import comment
    from orgviz.loader import load

    path = tmp_path / "p.csv"
    path.write_text("id,name,manager\n1,A,\n", encoding="utf-8")
    result = import_csv(path, shown_name=str(tmp_path / shown))  # (as -o names it)
    notes = [comment(n) for n in result.header_notes if n.startswith("Org name")]
    assert notes == ([] if note is None else
                     [f"Org name '{name}': {note} (--org-name names the org)"])
    assert all(f"# {n}\n" in result.text for n in notes)
    (tmp_path / "org.yaml").write_text(result.text, encoding="utf-8")
    org = load(tmp_path / "org.yaml")
    assert (org.load_problems, org.name, result.org.name) == ((), name, name)


@pytest.mark.parametrize(("name", "text"), [
    ("org.yaml", "orgviz: 1\norg: {name: A}\npeople:\n  - {id: a, name: A}\n"),
    ("org.txt", "# yaml-language-server: $schema=schema.json\norgviz: 1\norg: {name: A}\n"),
])
def test_an_org_file_given_to_import_says_what_it_is(tmp_path: Path, name: str,
                                                     text: str) -> None:
    # (said "no id or name column found (looked for EmployeeId ...): pass --id COLUMN")
    (tmp_path / name).write_text(text, encoding="utf-8")
    proc = run_import([name, "-o", "out.yaml"], tmp_path)
    assert (proc.returncode, proc.stderr) == (
        2, f"orgviz: {name}: a YAML file, not an HR export (CSV or .xlsx): an org file is what "
           "import writes; validate, render or export it\n")
    assert not (tmp_path / "out.yaml").exists()


@pytest.mark.parametrize("text", [
    "orgviz: 1\norg: {name: A, size: small}\npeople:\n  - {id: a, name: A, title: CEO}\n",
    "# yaml-language-server: $schema=schema.json\norgviz: 1\norg: {name: A}\n"])
def test_an_org_file_on_standard_input_says_what_it_is(tmp_path: Path, text: str) -> None:
    # (said "<stdin>:2:1: no id or name column found (looked for EmployeeId ...): pass --id
    # COLUMN": its first line was skipped as a title line)
    from click.testing import CliRunner

    from orgviz.cli import main

    result = CliRunner().invoke(main, ["import", "-", "-o", str(tmp_path / "out.yaml")],
                                input=text, prog_name="orgviz")
    assert (result.exit_code, result.output) == (
        2, "orgviz: <stdin>: a YAML file, not an HR export (CSV or .xlsx): an org file is what "
           "import writes; validate, render or export it\n")
    assert not (tmp_path / "out.yaml").exists()


def test_nothing_written_gives_no_advice_about_drawing(tmp_path: Path) -> None:
    (tmp_path / "p.csv").write_text("id,name,manager\n1,A,\n2,B,9\n", encoding="utf-8")
    proc = run_import(["p.csv", "-o", "org.yaml"], tmp_path)
    assert proc.returncode == 1
    assert proc.stderr.splitlines()[-1] == (
        "nothing written (data errors; --keep-going writes what can be imported): 1 error; "
        "rules on the imported org: no other problems")  # (root's error at row 3 is import's)


def test_the_org_is_named_by_its_file_s_name_as_written_as_docs_data_md_says(
        tmp_path: Path) -> None:
    # (the name is the stem as written, no capitalisation guessed: `hr-export_2024.csv` is
    # not 'Hr Export 2024'; docs/data.md says so by these examples, run here)
    from orgviz.io.csvimport import import_csv

    docs = (Path(__file__).resolve().parents[2] / "docs" / "data.md").read_text(
        encoding="utf-8").replace("\n", " ")
    from_csv = re.findall(r"`orgviz import (\S+)` names the org `([^`]+)`", docs)
    from_output = re.findall(r"`-o (\S+)` names it `([^`]+)`", docs)
    assert from_csv == [("hr-export_2024.csv", "hr-export_2024")]
    assert from_output == [("Chinook.yaml", "Chinook")]
    for file, name in [*from_csv, ("ACME_IT.csv", "ACME_IT"), ("chinook.csv", "chinook")]:
        (tmp_path / file).write_text("id,name,manager\n1,A,\n", encoding="utf-8")
        assert import_csv(tmp_path / file).org.name == name
    for output, name in from_output:
        result = import_csv(tmp_path / "chinook.csv", shown_name=str(tmp_path / output))
        assert result.org.name == name
        assert not [n for n in result.header_notes if n.startswith("Org name")]
        assert f"\n  name: {name}\n" in result.text
