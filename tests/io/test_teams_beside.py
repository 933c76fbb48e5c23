"""The file beside a people CSV by the teams table's name (NAME.teams.csv): read without
`--teams` only when its header is the one export writes (in any encoding the readers take)
and it fits the people CSV; else the import goes on as without it. Export overwrites only a
file of that header."""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from orgviz.io.teamtable import is_export_header, is_teams_table
from orgviz.loader import load

#: A people CSV of another tool (not in export's layout) and its own teams file.
PEOPLE = "id,name,manager,team\n1,Ann Lee,,Eng\n2,Bob Roe,1,Eng\n3,Cy Poe,1,Sales\n"
OTHER_TEAMS = "Team,Lead\nEng,Ann Lee\nSales,Cy Poe\n"
ORG = """\
orgviz: 1
org: {name: Acme, size: small}
teams:
  - {id: exec, name: Executive, color: "#4C78A8", lead: ada}
  - {id: ops, name: Operations, color: "#E45756", parent: exec, lead: bo}
people:
  - {id: ada, name: Ada, title: CEO, team: exec}
  - {id: bo, name: Bo, title: COO, reports_to: ada, team: ops}
"""
OTHER_ORG = """\
orgviz: 1
org: {name: Other, size: small}
teams:
  - {id: sales, name: Sales}
people:
  - {id: zed, name: Zed, title: CEO, team: sales}
"""


def _write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8", newline="")
    return path


@pytest.mark.parametrize("header,exported", [
    (["team", "team_name", "parent", "lead", "color"], True),
    (["\ufeffcolor", "lead", "team", "parent", "team_name"], True),  # (moved: a spreadsheet)
    (["Team", "Lead"], False), (["team", "lead"], False),  # (another tool's; dropped ones)
    (["Team", "Team_Name", "Parent", "Lead", "Color"], False),
    (["team", "team_name", "parent", "lead", "color", "budget"], False),
    (["team", "team", "parent", "lead", "color"], False)])
def test_only_export_s_header_is_a_teams_table_beside(header: list[str],
                                                      exported: bool) -> None:
    assert is_export_header(header) is exported


def test_another_tool_s_teams_file_beside_the_csv_is_not_read(
        tmp_path: Path, run: Callable[..., Any]) -> None:
    # (it was "people.teams.csv:2:2: error [unknown-team] team 'Eng' is led by 'Ann Lee',
    # who is not in the people file", exit 1)
    _write(tmp_path, "people.csv", PEOPLE)
    _write(tmp_path, "people.teams.csv", OTHER_TEAMS)
    result = run("import", "people.csv", "-o", "people.yaml")
    assert (result.exit_code, result.stderr) == (
        0, "imported 3 positions to people.yaml: no problems; rules on the imported org: no "
           "problems\n")
    assert [(t.id, t.name) for t in load(tmp_path / "people.yaml").teams] == [
        ("eng", "Eng"), ("sales", "Sales")]
    # (--teams reads it as a teams table, as before: its errors stay errors)
    named = run("import", "people.csv", "--teams", "people.teams.csv")
    assert named.exit_code == 1
    assert named.stderr.splitlines()[0] == (
        "people.teams.csv:2:2: error [unknown-team] team 'Eng' is led by 'Ann Lee', who is not "
        "in the people file (left out): use the id of a person")


@pytest.mark.parametrize("name", ["t14.csv", "t14.xlsx"])
def test_a_people_file_headed_team_lead_gets_no_teams_table_hint(
        tmp_path: Path, run: Callable[..., Any], name: str) -> None:
    path = tmp_path / name
    if name.endswith(".xlsx"):
        openpyxl = pytest.importorskip("openpyxl")
        book = openpyxl.Workbook()
        for row in (["Team", "Lead"], ["Eng", "Ann"], ["Sales", "Bob"]):
            book.active.append(row)
        book.save(path)
    else:
        _write(tmp_path, name, "Team,Lead\nEng,Ann\nSales,Bob\n")
    result = run("import", name)
    assert result.exit_code == 2
    assert result.output == (
        f"orgviz: {name}:1:1: no id or name column found (looked for EmployeeId, employee_id, "
        "id, Name ...): give the id column (--id COLUMN)\n")


def test_a_row_s_mistake_in_a_table_beside_is_a_warning_the_rest_read(
        tmp_path: Path, run: Callable[..., Any]) -> None:
    # (100db5e set the whole table aside for it: every team lost its name, lead and color)
    _write(tmp_path, "people.csv", PEOPLE)
    _write(tmp_path, "people.teams.csv", "team,team_name,parent,lead,color\n"
                                         "Eng,Engineering,,9,#4C78A8\nSales,,Nope,3,red\n")
    result = run("import", "people.csv", "-o", "people.yaml")
    assert result.exit_code == 0, result.output
    assert result.stderr.splitlines() == [
        "people.teams.csv:1:1: info [columns] the teams of people.csv read from its teams "
        "table beside it; another is read with teams (--teams FILE)",
        "people.teams.csv:2:4: warning [unknown-team] team 'Eng' is led by '9', who is not in "
        "the people file (left out): use the id of a person",
        "people.teams.csv:3:3: warning [unknown-team] team 'Sales' has parent 'Nope', which "
        "is not a team of the table (left out): use the id of a team of the table",
        "people.teams.csv:3:5: warning [schema] color of team 'Sales' must be a hex color such "
        "as '#4C78A8', not 'red': left out",
        "imported 3 positions to people.yaml: 3 warnings, 1 info; rules on the imported org: "
        "no problems"]
    assert [(t.id, t.name, t.lead, t.parent, t.color)
            for t in load(tmp_path / "people.yaml").teams] == [
        ("Eng", "Engineering", None, None, "#4C78A8"), ("Sales", None, "3", None, None)]
    named = run("import", "people.csv", "--teams", "people.teams.csv", "-o", "named.yaml")
    assert named.exit_code == 1
    assert named.stderr.splitlines()[:3] == [
        "people.teams.csv:2:4: error [unknown-team] team 'Eng' is led by '9', who is not in "
        "the people file (left out): use the id of a person",
        "people.teams.csv:3:3: error [unknown-team] team 'Sales' has parent 'Nope', which "
        "is not a team of the table (left out): use the id of a team of the table",
        "people.teams.csv:3:5: error [schema] color of team 'Sales' must be a hex color such "
        "as '#4C78A8', not 'red': left out"]


def test_a_table_beside_that_left_someone_out_keeps_every_team(
        tmp_path: Path, run: Callable[..., Any]) -> None:
    # (the reviewer's workflow: export small.yaml, delete siobhan-oconnor's row, her reports
    # to amara-okafor; the table was set aside, all teams losing lead, parent and color)
    small = Path(__file__).resolve().parents[2] / "orgs" / "small.yaml"
    assert run("export", str(small), "-o", "small.csv").exit_code == 0
    lines = (tmp_path / "small.csv").read_text(encoding="utf-8").splitlines(keepends=True)
    assert any(line.startswith("siobhan-oconnor,") for line in lines)
    edited = [line.replace(",siobhan-oconnor,", ",amara-okafor,") for line in lines
              if not line.startswith("siobhan-oconnor,")]
    (tmp_path / "small.csv").write_text("".join(edited), encoding="utf-8", newline="")
    result = run("import", "small.csv", "-o", "s.yaml")
    assert result.exit_code == 0, result.output
    assert [line for line in result.stderr.splitlines() if "warning" in line] == [
        "small.teams.csv:6:4: warning [unknown-team] team 'operations' is led by "
        "'siobhan-oconnor', who is not in the people file (left out): use the id of a person",
        "imported 20 positions to s.yaml: 1 warning, 1 info; rules on the imported org: no "
        "problems"]
    before = {t.id: (t.name, t.parent, t.lead, t.color) for t in load(small).teams}
    after = {t.id: (t.name, t.parent, t.lead, t.color) for t in load(tmp_path / "s.yaml").teams}
    name, parent, lead, color = before["operations"]
    assert lead == "siobhan-oconnor"
    assert after == {**before, "operations": (name, parent, None, color)}
    named = run("import", "small.csv", "--teams", "small.teams.csv", "-o", "named.yaml")
    assert named.exit_code == 1
    assert named.stderr.splitlines()[0] == (
        "small.teams.csv:6:4: error [unknown-team] team 'operations' is led by "
        "'siobhan-oconnor', who is not in the people file (left out): use the id of a person")


def test_a_parent_cycle_in_a_table_beside_is_a_warning(
        tmp_path: Path, run: Callable[..., Any]) -> None:
    _write(tmp_path, "people.csv", PEOPLE)
    _write(tmp_path, "people.teams.csv", "team,team_name,parent,lead,color\n"
                                         "Eng,,Sales,,\nSales,,Eng,,\n")
    result = run("import", "people.csv", "-o", "people.yaml")
    assert result.exit_code == 0, result.output
    assert result.stderr.splitlines()[1] == (
        "people.teams.csv:2:3: warning [unknown-team] team parent cycle Eng -> Sales -> Eng: "
        "the parent of 'Eng' left out")
    assert [(t.id, t.parent) for t in load(tmp_path / "people.yaml").teams] == [
        ("Eng", None), ("Sales", "Eng")]


def test_a_table_beside_that_lacks_every_team_of_the_people_is_set_aside(
        tmp_path: Path, run: Callable[..., Any]) -> None:
    _write(tmp_path, "people.csv", PEOPLE)
    _write(tmp_path, "people.teams.csv", "team,team_name,parent,lead,color\nOps,,,,\n")
    result = run("import", "people.csv", "-o", "people.yaml")
    assert result.exit_code == 0, result.output
    assert result.stderr.splitlines()[0] == (
        "people.teams.csv:1:1: warning [columns] the teams table beside people.csv does not "
        "match it (people.csv:2:4: team 'Eng' is not in people.teams.csv) and was not "
        "read: given as teams (`--teams people.teams.csv`), it is read anyway")
    # (one that lacks some of them is read, those teams declared, each with a warning: an
    # org may have people in teams its `teams:` does not list, and export such a pair)
    _write(tmp_path, "people.teams.csv", "team,team_name,parent,lead,color\nEng,,,1,\n")
    some = run("import", "people.csv", "-o", "people.yaml")
    assert some.exit_code == 0, some.output
    assert some.stderr.splitlines()[:2] == [
        "people.csv:4:4: warning [unknown-team] team 'Sales' is not in people.teams.csv: "
        "declared",
        "people.teams.csv:1:1: info [columns] the teams of people.csv read from its teams "
        "table beside it; another is read with teams (--teams FILE)"]
    assert [(t.id, t.lead) for t in load(tmp_path / "people.yaml").teams] == [
        ("Eng", "1"), ("sales", None)]


def test_a_stale_table_is_not_read_with_a_new_csv(tmp_path: Path,
                                                   run: Callable[..., Any]) -> None:
    # (export -o acme.csv; then another org's CSV on standard output into acme.csv)
    _write(tmp_path, "acme.yaml", ORG)
    _write(tmp_path, "other.yaml", OTHER_ORG)
    assert run("export", "acme.yaml", "-o", "acme.csv").exit_code == 0
    other = run("export", "other.yaml", "-f", "csv")
    (tmp_path / "acme.csv").write_bytes(other.stdout_bytes)
    result = run("import", "acme.csv", "-o", "back.yaml")
    assert result.exit_code == 0, result.output
    assert result.stderr.splitlines()[0] == (
        "acme.teams.csv:1:1: warning [columns] the teams table beside acme.csv does not match "
        "it (acme.csv:2:7: team 'sales' is not in acme.teams.csv) and was not read: given as teams "
        "(`--teams acme.teams.csv`), it is read anyway")
    back = load(tmp_path / "back.yaml")
    assert [(t.id, t.name, t.color) for t in back.teams] == [("sales", "Sales", None)]


def test_a_table_beside_saved_as_utf16_with_tabs_is_read(tmp_path: Path,
                                                         run: Callable[..., Any]) -> None:
    # (Excel's "Unicode Text": it was passed over without a word, colors and leads lost)
    _write(tmp_path, "acme.yaml", ORG)
    assert run("export", "acme.yaml", "-o", "u16.csv").exit_code == 0
    table = tmp_path / "u16.teams.csv"
    text = table.read_text(encoding="utf-8").replace(",", "\t")
    table.write_bytes(text.encode("utf-16"))
    assert is_teams_table(str(table))
    result = run("import", "u16.csv", "-o", "u16.yaml")
    assert result.exit_code == 0, result.output
    assert result.stderr.splitlines()[0] == (
        "u16.teams.csv:1:1: info [columns] the teams of u16.csv read from its teams table "
        "beside it; another is read with teams (--teams FILE)")
    assert [(t.id, t.color, t.lead, t.parent) for t in load(tmp_path / "u16.yaml").teams] == [
        ("exec", "#4C78A8", "ada", None), ("ops", "#E45756", "bo", "exec")]
    # (export takes it for its own table: overwritten)
    assert run("export", "acme.yaml", "-o", "u16.csv").exit_code == 0
    assert table.read_bytes().startswith(b"team,team_name,parent,lead,color\r\n")


def test_a_long_table_beside_is_known_by_its_first_line(tmp_path: Path) -> None:
    rows = "".join(f"t{i},Team {i},,,\n" for i in range(20000))
    table = _write(tmp_path, "big.teams.csv", "team,team_name,parent,lead,color\n" + rows)
    assert is_teams_table(str(table))
    table.write_bytes(("team\tteam_name\tparent\tlead\tcolor\n" + rows).encode("utf-16"))
    assert is_teams_table(str(table))


def test_export_refuses_another_tool_s_teams_file(tmp_path: Path,
                                                  run: Callable[..., Any]) -> None:
    # (it was replaced without a word)
    _write(tmp_path, "acme.yaml", ORG)
    _write(tmp_path, "ov.teams.csv", "Team,Lead\nEng,Ann Lee\n")
    result = run("export", "acme.yaml", "-o", "ov.csv")
    assert (result.exit_code, result.output) == (
        2, "orgviz: ov.teams.csv: the teams table of -o ov.csv goes there, but it is another "
           "file (no teams table): move it, or name the CSV otherwise\n")
    assert not (tmp_path / "ov.csv").exists()
    assert (tmp_path / "ov.teams.csv").read_text(encoding="utf-8") == "Team,Lead\nEng,Ann Lee\n"


def test_people_of_another_layout_name_the_table_s_teams_by_id_or_name(
        tmp_path: Path) -> None:
    from orgviz.io.csvimport import ImportOptions, import_csv

    people = _write(tmp_path, "people.csv", "id,name,manager,team\n1,Ann Lee,,eng\n"
                                            "2,Bob Roe,1,Engineering\n3,Cy Poe,1,Sales Ops\n")
    table = _write(tmp_path, "people.teams.csv", "team,team_name,parent,lead,color\n"
                                                 "eng,Engineering,,1,#4C78A8\n")
    result = import_csv(people, ImportOptions(teams=str(table)))
    assert [f"{Path(p.file).name}:{p.line}:{p.col}: {p.level} [{p.rule}] {p.message}"
            for p in result.problems if p.level != "info"] == [
        "people.csv:4:4: warning [unknown-team] team 'Sales Ops' is not in people.teams.csv: "
        "declared"]
    assert [(t.id, t.name, t.lead) for t in result.org.teams] == [
        ("eng", "Engineering", "1"), ("sales-ops", "Sales Ops", None)]
    assert [p.team for p in result.org.people] == ["eng", "eng", "sales-ops"]


def _code_spans(markdown: str) -> list[str]:
    """The code spans of a Markdown text, as CommonMark reads them (a span opened by a run
    of backticks ends at the next run as long; line breaks read as spaces, one space
    stripped at each end of a span that holds more than spaces)."""
    spans = []
    runs = list(re.finditer(r"`+", markdown))
    i = 0
    while i < len(runs):
        opening = runs[i]
        closing = next((j for j in range(i + 1, len(runs))
                        if len(runs[j].group()) == len(opening.group())), None)
        if closing is None:
            i += 1
            continue
        text = markdown[opening.end():runs[closing].start()].replace("\n", " ")
        if text.startswith(" ") and text.endswith(" ") and text.strip():
            text = text[1:-1]
        spans.append(text)
        i = closing + 1
    return spans


def test_docs_quote_the_not_read_warning_whole_in_one_code_span(
        tmp_path: Path, run: Callable[..., Any]) -> None:
    # (docs/data.md held it in a span of single backticks round `--teams acme.teams.csv`:
    # Markdown shows three spans and the flag as plain text)
    _write(tmp_path, "acme.yaml", ORG)
    _write(tmp_path, "other.yaml", OTHER_ORG)
    assert run("export", "acme.yaml", "-o", "acme.csv").exit_code == 0
    (tmp_path / "acme.csv").write_bytes(run("export", "other.yaml", "-f", "csv").stdout_bytes)
    warning = run("import", "acme.csv", "-o", "back.yaml").stderr.splitlines()[0]
    assert "does not match it" in warning
    docs = Path(__file__).resolve().parents[2] / "docs" / "data.md"
    assert warning in _code_spans(docs.read_text(encoding="utf-8"))


@pytest.mark.parametrize(("beside", "said"), [
    # (a departments list by the table's name is not read: no input; -o is a .csv name)
    ("department_id,department_name\n1,Eng\n",
     " import: -o people.teams.csv: import writes an org file (YAML): name it "
     "people.teams.yaml (see "),
    ("team,team_name,parent,lead,color\nEng,Engineering,,1,\n",
     "orgviz: -o people.teams.csv is an input file (people.teams.csv, the teams table beside "
     "people.csv): give another name\n")], ids=["departments-list", "teams-table"])
def test_o_names_the_file_beside_an_input_only_when_it_is_the_teams_table_read(
        tmp_path: Path, run: Callable[..., Any], beside: str, said: str) -> None:
    # (a file by the teams table's name was called an input whatever it held, and an org
    # file named -o people.teams.csv when there was none)
    _write(tmp_path, "people.csv", PEOPLE)
    table = _write(tmp_path, "people.teams.csv", beside)
    result = run("import", "people.csv", "-o", "people.teams.csv")
    assert result.exit_code == 2
    assert said in result.output and result.output.count("\n") == 1
    assert table.read_text(encoding="utf-8") == beside
    if os.name == "posix":  # (by another name: the same file)
        os.symlink("people.teams.csv", tmp_path / "link.yaml")
        linked = run("import", "people.csv", "-o", "link.yaml")
        assert linked.exit_code == (2 if beside.startswith("team,") else 0), linked.output
        assert linked.output.startswith("orgviz: -o link.yaml is an input file ("
                                        "people.teams.csv, the teams table beside people.csv)"
                                        if linked.exit_code else "imported 3 positions to "
                                        "link.yaml")


#: The encodings a spreadsheet saves a teams table in, each as its bytes with a byte order
#: mark where it has one (UTF-16 and UTF-32 of either byte order).
_SAVED = {"utf-8": lambda text: text.encode("utf-8"),
          "utf-16-le": lambda text: text.encode("utf-16"),
          "utf-16-be": lambda text: b"\xfe\xff" + text.encode("utf-16-be"),
          "utf-32-le": lambda text: text.encode("utf-32"),
          "utf-32-be": lambda text: b"\x00\x00\xfe\xff" + text.encode("utf-32-be")}


@pytest.mark.parametrize("teams", [600, 6000], ids=["over-4-kib", "over-64-kib"])
@pytest.mark.parametrize("encoding", sorted(_SAVED))
@pytest.mark.parametrize("line_end", ["\r", "\r\n", "\n"], ids=["cr", "crlf", "lf"])
def test_a_long_table_beside_is_known_by_its_first_line_whatever_ends_its_lines(
        tmp_path: Path, line_end: str, encoding: str, teams: int) -> None:
    # (Excel for Mac's "CSV (Macintosh)" ends lines with a CR alone: a table of it over 4 KiB
    # was cut at its first LF, none, and passed over as no teams table, its teams lost)
    from orgviz.io.csvimport import import_csv

    lines = ["team,team_name,parent,lead,color", "eng,Engineering,,1,#4C78A8"]
    lines += [f"t{i},Team {i},eng,," for i in range(teams)]
    table = tmp_path / "p.teams.csv"
    table.write_bytes(_SAVED[encoding](line_end.join(lines) + line_end))
    assert table.stat().st_size > (64 if teams > 600 else 4) * 1024
    people = _write(tmp_path, "p.csv", "id,name,manager,team\n1,Ann Lee,,eng\n2,Bo,1,eng\n")
    assert is_teams_table(str(table))
    result = import_csv(people)
    assert len(result.org.teams) == teams + 1
    assert (result.org.teams[0].id, result.org.teams[0].color) == ("eng", "#4C78A8")
    assert [str(p) for p in result.problems] == [
        f"{table}:1:1: info [columns] the teams of p.csv read from its teams table beside "
        "it; another is read with teams (--teams FILE)"]
