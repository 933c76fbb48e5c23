"""The teams table beside an exported CSV: written by export, read back by import, and a bad
one reported at its cells."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from orgviz.io.csvimport import EXPORT_COLUMNS, ImportOptions, direct, import_csv
from orgviz.io.export import to_csv, to_teams_csv
from orgviz.loader import load
from orgviz.validate import validate

ORG = """\
orgviz: 1
org: {name: Acme, size: small}
teams:
  - {id: ops, name: Operations, color: "#E45756", parent: exec, lead: bo}
  - {id: exec, name: Executive, color: "#4C78A8", lead: ada}
  - {id: empty, name: Nobody Here, parent: ops}
  - {id: eng}
people:
  - {id: ada, name: Ada, title: CEO, team: exec}
  - {id: bo, name: Bo, title: COO, reports_to: ada, team: ops}
  - {id: cy, name: Cy, title: Engineer, reports_to: bo, team: eng}
"""
#: The teams table of ORG, as export writes it.
TABLE = ("team,team_name,parent,lead,color\r\n"
         "ops,Operations,exec,bo,#E45756\r\n"
         "exec,Executive,,ada,#4C78A8\r\n"
         "empty,Nobody Here,ops,,\r\n"
         "eng,,,,\r\n")
#: The people CSV of ORG.
PEOPLE = (",".join(EXPORT_COLUMNS) + "\r\n"
          "ada,Ada,CEO,,,,exec,Executive,,,,\r\n"
          "bo,Bo,COO,,ada,,ops,Operations,,,,\r\n"
          "cy,Cy,Engineer,,bo,,eng,eng,,,,\r\n")


def _teams(org: Any) -> list[tuple[str, str | None, str | None, str | None, str | None]]:
    return [(t.id, t.name, t.parent, t.lead, t.color) for t in org.teams]


def said(problems: Any) -> list[str]:
    """Problems as `file:line:col: level [rule] message`, the file by its name."""
    return [f"{Path(p.file).name}:{p.line}:{p.col}: {p.level} [{p.rule}] {p.message}"
            for p in problems]


def _pair(tmp_path: Path, table: str, people: str = PEOPLE) -> tuple[Path, Path]:
    csv_path, teams_path = tmp_path / "acme.csv", tmp_path / "acme.teams.csv"
    csv_path.write_text(people, encoding="utf-8", newline="")
    teams_path.write_text(table, encoding="utf-8", newline="")
    return csv_path, teams_path


# -- export ------------------------------------------------------------------------------

def test_export_writes_the_teams_table_beside_the_csv(tmp_path: Path,
                                                      run: Callable[..., Any]) -> None:
    (tmp_path / "acme.yaml").write_text(ORG, encoding="utf-8")
    said_ = run("export", "acme.yaml", "-o", "out/acme.csv")
    assert (said_.exit_code, said_.output) == (0, "")  # (nothing is left out: nothing said)
    assert (tmp_path / "out" / "acme.csv").read_bytes() == PEOPLE.encode()
    assert (tmp_path / "out" / "acme.teams.csv").read_bytes() == TABLE.encode()
    assert to_teams_csv(load(tmp_path / "acme.yaml")) == TABLE


def test_export_to_stdout_writes_the_people_alone_and_says_what_they_lack(
        tmp_path: Path, run: Callable[..., Any]) -> None:
    (tmp_path / "acme.yaml").write_text(ORG, encoding="utf-8")
    result = run("export", "acme.yaml", "-f", "csv")
    assert result.stdout_bytes == PEOPLE.encode()
    assert result.stderr == (
        "orgviz: acme.yaml: CSV does not carry the teams' `lead`, `parent` and `color`; the "
        "order of `teams:` ('ops', 'exec', 'eng'; `orgviz import` lists teams in the order "
        "their people first appear: 'exec', 'ops', 'eng'); the team nobody is in ('empty'): "
        "set them again "
        "in the org file `orgviz import` writes of it (-o NAME.csv writes the teams to a "
        "teams table beside it, NAME.teams.csv, which `orgviz import NAME.csv` reads)\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["acme.yaml"]


def test_export_of_an_org_without_teams_writes_no_table_but_empties_an_old_one(
        tmp_path: Path, run: Callable[..., Any]) -> None:
    (tmp_path / "free.yaml").write_text(
        "orgviz: 1\norg: {name: F}\npeople:\n  - {id: x, name: X, team: anything}\n",
        encoding="utf-8")
    assert run("export", "free.yaml", "-o", "free.csv").output == ""
    assert not (tmp_path / "free.teams.csv").exists()
    # (an earlier export's table would be read with the new CSV: its header alone says no
    # teams, and import reads the team as the free label it is)
    (tmp_path / "free.teams.csv").write_text(TABLE, encoding="utf-8")
    assert run("export", "free.yaml", "-o", "free.csv").output == ""
    assert (tmp_path / "free.teams.csv").read_bytes() == b"team,team_name,parent,lead,color\r\n"
    back = run("import", "free.csv", "-o", "back.yaml")
    assert back.exit_code == 0, back.output
    org = load(tmp_path / "back.yaml")
    assert (org.teams, [p.team for p in org.people]) == ((), ["anything"])


def test_export_refuses_to_overwrite_another_file_where_the_table_goes(
        tmp_path: Path, run: Callable[..., Any]) -> None:
    (tmp_path / "acme.yaml").write_text(ORG, encoding="utf-8")
    (tmp_path / "acme.teams.csv").write_text("my notes\n", encoding="utf-8")
    result = run("export", "acme.yaml", "-o", "acme.csv")
    assert (result.exit_code, result.output) == (
        2, "orgviz: acme.teams.csv: the teams table of -o acme.csv goes there, but it is "
           "another file (no teams table): move it, or name the CSV otherwise\n")
    assert not (tmp_path / "acme.csv").exists()
    assert (tmp_path / "acme.teams.csv").read_text(encoding="utf-8") == "my notes\n"


def test_export_root_writes_the_teams_of_the_part(tmp_path: Path,
                                                   run: Callable[..., Any]) -> None:
    (tmp_path / "acme.yaml").write_text(ORG, encoding="utf-8")
    assert run("export", "acme.yaml", "--root", "bo", "-o", "part.csv").exit_code == 0
    # (the teams its people are in and those above them; a lead outside the part left out)
    assert (tmp_path / "part.teams.csv").read_text(encoding="utf-8") == (
        "team,team_name,parent,lead,color\nops,Operations,exec,bo,#E45756\n"
        "exec,Executive,,,#4C78A8\neng,,,,\n")


# -- import ------------------------------------------------------------------------------

def test_import_reads_the_table_beside_the_csv(tmp_path: Path, run: Callable[..., Any]) -> None:
    _pair(tmp_path, TABLE)
    result = run("import", "acme.csv", "-o", "acme.yaml")
    assert result.exit_code == 0, result.output
    assert result.stderr.splitlines()[0] == (
        "acme.teams.csv:1:1: info [columns] the teams of acme.csv read from its teams table "
        "beside it; another is read with teams (--teams FILE)")
    text = (tmp_path / "acme.yaml").read_text(encoding="utf-8")
    assert "# Teams from acme.teams.csv\n" in text
    assert ("teams:\n  - {id: ops, name: Operations, color: \"#E45756\", parent: exec, lead: bo}"
            "\n  - {id: exec, name: Executive, color: \"#4C78A8\", lead: ada}\n"
            "  - {id: empty, name: Nobody Here, parent: ops}\n  - {id: eng}\n") in text
    (tmp_path / "org.yaml").write_text(ORG, encoding="utf-8")
    assert _teams(load(tmp_path / "acme.yaml")) == _teams(load(tmp_path / "org.yaml"))


def test_import_teams_option_names_the_table_and_a_departments_list_is_not_picked_up(
        tmp_path: Path, run: Callable[..., Any]) -> None:
    _pair(tmp_path, "department_id,department_name\n10,Ten\n")
    (tmp_path / "other.csv").write_text(TABLE, encoding="utf-8", newline="")
    # (a departments list by the table's name is read only when --teams names it)
    plain = run("import", "acme.csv", "-o", "plain.yaml")
    assert plain.exit_code == 0 and "info [columns] the teams of" not in plain.stderr
    assert "Teams from" not in (tmp_path / "plain.yaml").read_text(encoding="utf-8")
    named = run("import", "acme.csv", "--teams", "other.csv", "-o", "named.yaml")
    assert named.exit_code == 0, named.output
    assert "the teams of acme.csv read from" not in named.stderr
    assert [t.id for t in load(tmp_path / "named.yaml").teams] == ["ops", "exec", "empty", "eng"]


@pytest.mark.parametrize("linked_directly", [True, False], ids=["direct", "record-by-record"])
def test_both_ways_of_linking_give_the_table_s_teams(tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch,
                                                      linked_directly: bool) -> None:
    monkeypatch.setattr(direct, "DIRECT", linked_directly)
    csv_path, teams_path = _pair(tmp_path, TABLE)
    result = import_csv(csv_path, ImportOptions(teams=str(teams_path)))
    assert result.problems == []
    (tmp_path / "org.yaml").write_text(ORG, encoding="utf-8")
    assert _teams(result.org) == _teams(load(tmp_path / "org.yaml"))
    # (the teams are located at their rows of the table: the rules report there)
    assert [(t.loc.line, t.at("color").col) for t in result.org.teams] == [
        (2, 5), (3, 5), (4, 5), (5, 5)]


def test_a_spreadsheet_may_move_or_drop_columns(tmp_path: Path) -> None:
    csv_path, teams_path = _pair(tmp_path, "Color,Team,Team_Name\r\n#336699,eng,\r\n"
                                           ",ops,Operations\r\n,exec,Executive\r\n")
    result = import_csv(csv_path, ImportOptions(teams=str(teams_path)))
    assert said(result.problems) == []
    assert _teams(result.org) == [("eng", None, None, None, "#336699"),
                                  ("ops", "Operations", None, None, None),
                                  ("exec", "Executive", None, None, None)]


def test_the_rules_report_at_the_table_s_rows(tmp_path: Path) -> None:
    csv_path, teams_path = _pair(tmp_path, TABLE.replace("#E45756", "#FFFFF0"))
    result = import_csv(csv_path, ImportOptions(teams=str(teams_path)))
    found = [p for p in validate(result.org) if p.rule == "team-color"]
    assert [(Path(p.file).name, p.line, p.col) for p in found] == [("acme.teams.csv", 2, 5)]


def test_people_s_teams_the_table_lacks_and_other_team_names(tmp_path: Path) -> None:
    people = PEOPLE.replace("cy,Cy,Engineer,,bo,,eng,eng", "cy,Cy,Engineer,,bo,,qa,Quality") \
        .replace("bo,Bo,COO,,ada,,ops,Operations", "bo,Bo,COO,,ada,,ops,Ops")
    csv_path, teams_path = _pair(tmp_path, TABLE, people)
    result = import_csv(csv_path, ImportOptions(teams=str(teams_path)))
    assert said(result.problems) == [
        "acme.csv:3:8: warning [csv] team_name 'Ops' is not the name of team 'ops' in "
        "acme.teams.csv ('Operations'): the name of acme.teams.csv is kept",
        "acme.csv:4:7: warning [unknown-team] team 'qa' is not in acme.teams.csv: declared"]
    assert [(t.id, t.name) for t in result.org.teams] == [
        ("ops", "Operations"), ("exec", "Executive"), ("empty", "Nobody Here"), ("eng", None),
        ("qa", "Quality")]
    assert [p for p in validate(result.org) if p.level == "error"] == []


def test_a_people_csv_of_another_layout_keeps_the_table_s_ids(tmp_path: Path) -> None:
    # (an exported CSV with a column added in a spreadsheet is read as any HR export; the
    # table's teams keep their ids and colors, where a departments list's get readable ids)
    people = "".join(line + (",note\r\n" if i == 0 else ",x\r\n")
                     for i, line in enumerate(PEOPLE.splitlines()))
    csv_path, teams_path = _pair(tmp_path, TABLE, people)
    result = import_csv(csv_path, ImportOptions(teams=str(teams_path)))
    assert [p for p in result.problems if p.level != "info"] == []
    (tmp_path / "org.yaml").write_text(ORG, encoding="utf-8")
    assert _teams(result.org) == _teams(load(tmp_path / "org.yaml"))
    assert [p.team for p in result.org.people] == ["exec", "ops", "eng"]


# -- a bad teams table ---------------------------------------------------------------------

BAD = ("team,team_name,parent,lead,color\r\n"
       "ops,Operations,exce,bob,#E45756\r\n"     # 2: parent and lead misspelt
       "exec,Executive,,ada,blue\r\n"            # 3: no hex color
       "ops,Again,,,\r\n"                        # 4: a repeated id
       ",Nameless,,,\r\n"                        # 5: no id
       "a,A,b,,\r\n"                             # 6: a -> b -> a
       "b,B,a,,\r\n"                             # 7
       "eng,,\"ex\nec\",,\r\n")                  # 8: a line break in an id


def test_a_bad_teams_table_is_reported_at_its_cells(tmp_path: Path) -> None:
    csv_path, teams_path = _pair(tmp_path, BAD)
    result = import_csv(csv_path, ImportOptions(teams=str(teams_path)))
    assert said(result.problems) == [
        "acme.teams.csv:2:3: error [unknown-team] team 'ops' has parent 'exce', which is not "
        "a team of the table (left out): did you mean 'exec'? Otherwise use the id of a team "
        "of the table",
        "acme.teams.csv:2:4: error [unknown-team] team 'ops' is led by 'bob', who is not in "
        "the people file (left out): did you mean 'bo'? Otherwise use the id of a person",
        "acme.teams.csv:3:5: error [schema] color of team 'exec' must be a hex color such as "
        "'#4C78A8', not 'blue': left out",
        "acme.teams.csv:4:1: error [duplicate-id] duplicate team id 'ops' (first used at line "
        "2): give each team its own id; this row is left out",
        "acme.teams.csv:5:1: error [schema] a team without an id (its 'team' cell is empty): "
        "write its id; the row is left out",
        "acme.teams.csv:6:3: error [unknown-team] team parent cycle a -> b -> a",
        "acme.teams.csv:8:3: error [unknown-team] team 'eng' has parent 'ex ec', which is not "
        "a team of the table (left out): did you mean 'exec'? Otherwise use the id of a team "
        "of the table",
        "acme.teams.csv:8:3: warning [csv] parent 'ex\\u000Aec' holds a line break, which an "
        "id cannot: read as 'ex ec'"]
    assert result.errors == 7


def test_a_bad_teams_table_on_the_command_line(tmp_path: Path, run: Callable[..., Any]) -> None:
    _pair(tmp_path, BAD)
    # (beside the CSV, read without --teams: each row's mistake is a warning at its cell,
    # what it names left out, the rest of the table read; 100db5e set it all aside)
    beside = run("import", "acme.csv", "-o", "beside.yaml")
    assert beside.exit_code == 0, beside.output
    assert beside.stderr.splitlines()[1:3] == [
        "acme.teams.csv:2:3: warning [unknown-team] team 'ops' has parent 'exce', which is "
        "not a team of the table (left out): did you mean 'exec'? Otherwise use the id of a "
        "team of the table",
        "acme.teams.csv:2:4: warning [unknown-team] team 'ops' is led by 'bob', who is not in "
        "the people file (left out): did you mean 'bo'? Otherwise use the id of a person"]
    assert "acme.teams.csv:6:3: warning [unknown-team] team parent cycle a -> b -> a: the " \
        "parent of 'a' left out" in beside.stderr
    assert "error" not in beside.stderr
    read = load(tmp_path / "beside.yaml")
    assert read.load_problems == ()
    assert _teams(read) == [("ops", "Operations", None, None, "#E45756"),
                            ("exec", "Executive", None, "ada", None),
                            ("a", "A", None, None, None), ("b", "B", "a", None, None),
                            ("eng", None, None, None, None)]
    result = run("import", "acme.csv", "--teams", "acme.teams.csv", "-o", "acme.yaml")
    assert result.exit_code == 1
    assert result.stderr.splitlines()[0:2] == [
        "acme.teams.csv:2:3: error [unknown-team] team 'ops' has parent 'exce', which is not "
        "a team of the table (left out): did you mean 'exec'? Otherwise use the id of a team "
        "of the table",
        "acme.teams.csv:2:4: error [unknown-team] team 'ops' is led by 'bob', who is not in "
        "the people file (left out): did you mean 'bo'? Otherwise use the id of a person"]
    assert "Traceback" not in result.output
    assert not (tmp_path / "acme.yaml").exists()
    kept = run("import", "acme.csv", "--teams", "acme.teams.csv", "-k", "-o", "acme.yaml")
    assert kept.exit_code == 1
    assert "acme.teams.csv:6:3: error [unknown-team] team parent cycle a -> b -> a: the " \
        "parent of 'a' left out" in kept.stderr
    org = load(tmp_path / "acme.yaml")
    assert org.load_problems == ()
    assert _teams(org) == [("ops", "Operations", None, None, "#E45756"),
                           ("exec", "Executive", None, "ada", None), ("a", "A", None, None, None),
                           ("b", "B", "a", None, None), ("eng", None, None, None, None)]
    assert [p for p in validate(org) if p.rule in ("unknown-team", "duplicate-id")] == []


def test_a_teams_table_with_an_unknown_column_says_what_its_columns_are(
        tmp_path: Path, run: Callable[..., Any]) -> None:
    _pair(tmp_path, "team,team_name,budget\r\neng,Engineering,10\r\n")
    result = run("import", "acme.csv", "--teams", "acme.teams.csv")
    assert (result.exit_code, result.output) == (
        2, "orgviz: acme.teams.csv:1:1: a teams table's columns are team, team_name, parent, lead, "
           "color (the `team` column and any of the others, each once)\n")


def test_the_teams_table_is_no_people_csv(tmp_path: Path, run: Callable[..., Any]) -> None:
    _pair(tmp_path, TABLE)
    result = run("import", "acme.teams.csv")
    assert result.exit_code == 2
    assert "(the teams table of `orgviz export`: import the people CSV beside it, which reads " \
        "it)" in result.output


def test_export_then_import_of_hostile_team_texts(tmp_path: Path) -> None:
    # (formula-like cells are guarded as the people CSV's are, and read back exactly)
    org_path = tmp_path / "org.yaml"
    org_path.write_text(
        "orgviz: 1\norg: {name: H}\nteams:\n  - {id: \"=cmd\", name: \"'quoted\"}\n"
        "  - {id: \"a;b\", name: \"+1\", parent: \"=cmd\"}\n"
        "people:\n  - {id: x, name: X, team: \"a;b\"}\n", encoding="utf-8")
    org = load(org_path)
    assert to_teams_csv(org) == ("team,team_name,parent,lead,color\r\n'=cmd,''quoted,,,\r\n"
                                 "a;b,'+1,'=cmd,,\r\n")
    csv_path, teams_path = _pair(tmp_path, to_teams_csv(org), to_csv(org))
    result = import_csv(csv_path, ImportOptions(teams=str(teams_path)))
    assert said(result.problems) == []
    assert _teams(result.org) == _teams(org)


def test_a_teams_table_of_its_header_alone_is_read_in_the_import_s_encoding(
        tmp_path: Path) -> None:
    """`--encoding` is the teams file's too: a header alone in UTF-32 without a mark (which
    no sniffing finds) is no teams, as in UTF-8; it was refused as 'a header but no rows'."""
    people, teams = tmp_path / "p.csv", tmp_path / "t.csv"
    people.write_bytes("id,name,manager,team\n1,Ann Lee,,eng\n2,Bob Roe,1,eng\n"
                       .encode("utf-32-le"))
    teams.write_bytes("team,team_name,parent,lead,color\n".encode("utf-32-le"))
    result = import_csv(people, ImportOptions(encoding="utf-32-le", teams=str(teams)))
    assert result.errors == 0, result.problems
    assert [p.id for p in result.org.people] == ["1", "2"]
    assert [t.id for t in result.org.teams] == ["eng"]


def test_a_lead_nobody_of_a_workbook_s_people_is_not_said_of_a_csv(tmp_path: Path) -> None:
    # (a workbook's people file was called "the people CSV")
    from openpyxl import Workbook

    book = Workbook()
    for row in [("id", "name", "manager", "team"), ("a", "Ann", "", "ops"),
                ("b", "Bo", "a", "ops")]:
        book.active.append(row)
    book.save(tmp_path / "pw.xlsx")
    (tmp_path / "t.csv").write_text("id,name,lead\nops,Operations,bob\n", encoding="utf-8")
    result = import_csv(tmp_path / "pw.xlsx", ImportOptions(teams=str(tmp_path / "t.csv")))
    assert [(p.line, p.col, p.level, p.rule, p.message) for p in result.problems
            if p.rule == "unknown-team"] == [
        (2, 3, "warning", "unknown-team", "team 'ops' is led by 'bob', who is not in the "
         "people file (left out): use the id of a person")]
