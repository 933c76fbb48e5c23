"""CSV import: header styles, data problems reported at CSV rows, hostile files."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from orgviz.cli import main
from orgviz.errors import OrgLoadError, OrgvizError
from orgviz.io.csvimport import ImportOptions, import_csv
from orgviz.loader import load
from orgviz.validate import validate

FIXTURES = Path(__file__).parent / "fixtures"


def run(name: str, **options: object):
    return import_csv(FIXTURES / name, ImportOptions(**options))  # type: ignore[arg-type]


def found(result, rule: str) -> list[tuple[int, str]]:
    """(row, level) of the problems of one rule."""
    return [(p.line, p.level) for p in result.problems if p.rule == rule]


def table_file(tmp_path: Path, ending: str, rows: list[list[str]]) -> Path:
    """The rows as p.csv or as the one sheet of p.xlsx (`ending`)."""
    path = tmp_path / f"p.{ending}"
    if ending == "csv":
        path.write_text("\n".join(",".join(r) for r in rows) + "\n", encoding="utf-8")
    else:
        from openpyxl import Workbook

        book = Workbook()
        for row in rows:
            book.active.append(row)
        book.save(path)
    return path


def write_and_load(result, tmp_path: Path):
    path = tmp_path / "org.yaml"
    path.write_text(result.text, encoding="utf-8")
    org = load(path)
    assert org.load_problems == ()
    return org


def structure_errors(org) -> list:
    """Errors of the rules that say the file itself is broken (not the org's shape)."""
    rules = {"schema", "config", "duplicate-id", "unknown-manager", "cycle", "self-report",
             "unknown-team", "unknown-dotted"}
    return [p for p in validate(org) if p.level == "error" and p.rule in rules]


def test_visio_names_as_ids_and_manager_names(tmp_path: Path) -> None:
    result = run("visio.csv")
    assert result.errors == 0
    org = write_and_load(result, tmp_path)
    assert [p.id for p in org.people] == ["dana-reyes", "sam-ito", "lee-park", "ana-costa"]
    assert org.by_id["ana-costa"].reports_to == "lee-park"
    assert org.by_id["sam-ito"].roles == ("cpo",)
    assert org.by_id["lee-park"].team == "product"
    assert structure_errors(org) == []


def test_hr_ids_problems_at_rows(tmp_path: Path) -> None:
    result = run("hr_ids.csv", keep_going=True)
    assert found(result, "unknown-manager") == [(7, "error")]
    assert found(result, "duplicate-id") == [(9, "error")]
    messages = {p.rule: p.message for p in result.problems}
    assert "manager 'JCP2' not found" in messages["unknown-manager"]
    assert str(result.problems[0]).startswith(str(FIXTURES / "hr_ids.csv"))
    org = write_and_load(result, tmp_path)
    # Placeholders (Vacant, empty) become vacancies without a name; N/D (not disclosed) is
    # a filled post whose holder is not named.
    assert [p.id for p in org.people if p.vacant] == ["E4", "E5"]
    assert org.by_id["E4"].name is None
    assert org.by_id["E3"].name == "Name not disclosed"
    assert "hr_ids.csv:4: name 'N/D': not disclosed, a filled post" in result.text
    # Top markers XX and 0 make roots; the unknown manager is a root with --keep-going.
    assert org.by_id["E1"].reports_to is None
    assert org.by_id["E7"].reports_to is None
    assert org.by_id["E6"].reports_to is None
    assert "E2-2" in org.by_id  # the duplicate is kept, renamed, and commented
    assert "duplicate id 'E2'" in result.text
    assert "manager 'JCP2' not found" in result.text
    assert org.by_id["E1"].name == "Dana Reyes"
    assert org.by_id["E1"].location == "Berlin"
    assert structure_errors(org) == []


def test_cli_errors_write_nothing_without_keep_going(tmp_path: Path) -> None:
    out = tmp_path / "acme.yaml"
    result = CliRunner().invoke(main, ["import", str(FIXTURES / "hr_ids.csv"), "-o", str(out)])
    assert result.exit_code == 1
    assert not out.exists()
    assert "hr_ids.csv:7:6: error [unknown-manager] manager 'JCP2' not found" in result.output
    result = CliRunner().invoke(main, ["import", str(FIXTURES / "hr_ids.csv"), "-o", str(out),
                                       "--keep-going"])
    assert result.exit_code == 1
    assert out.exists()
    assert load(out).by_id["E6"].reports_to is None


def test_organogram_placeholders_job_share_and_stray_quotes(tmp_path: Path) -> None:
    result = run("organogram.csv", keep_going=True)
    assert found(result, "duplicate-id") == [(6, "error")]
    assert "job share" in next(p.message for p in result.problems if p.rule == "duplicate-id")
    org = write_and_load(result, tmp_path)
    assert org.by_id["4PS01"].reports_to is None
    # 'Eliminated' with a post reporting to it (and no live row of its id): an open post.
    assert found(result, "eliminated-post") == [(3, "warning")]
    assert ("post '3DG01' is marked eliminated, but 1 post reports to it: imported as an "
            "open position; point its report at the post that took over its work") in [
        p.message for p in result.problems]
    assert org.by_id["3DG01"].vacant and org.by_id["2DIR01"].reports_to == "3DG01"
    # N/D: the name is not disclosed, the post is filled.
    assert not org.by_id["2DIR01"].vacant
    assert org.by_id["2DIR01"].name == "Name not disclosed"
    assert org.by_id["1DD02"].vacant and org.by_id["1DD02"].title == "Head of Analysis"
    assert org.by_id["1DD01-2"].name == "Bea Share"
    assert org.by_id["1DD01"].email == "dd@gov.test"


def test_junior_posts_merged_under_senior_posts(tmp_path: Path) -> None:
    result = run("organogram.csv", keep_going=True, junior=str(FIXTURES / "junior.csv"))
    org = write_and_load(result, tmp_path)
    junior = [p for p in org.people if "-j" in p.id]
    assert [(p.id, p.title, p.fte, p.reports_to) for p in junior] == [
        ("1DD01-j1", "Policy Adviser", 3.0, "1DD01"),
        ("1DD01-j2", "Policy Adviser", 3.0, "1DD01"),
        ("1DD02-j1", "Open posts", 2.0, "1DD02"),
        ("9XX99-j1", "Analyst", 1.0, None),
    ]
    assert org.by_id["1DD02-j1"].vacant
    assert found(result, "duplicate-row") == [(3, "warning")]
    unknown = [p for p in result.problems if p.rule == "unknown-manager"]
    assert [(Path(p.file).name, p.line) for p in unknown] == [("junior.csv", 5)]


def test_eliminated_posts_dropped_and_their_junior_duplicates_collapsed(
        tmp_path: Path) -> None:
    # As in data.gov.uk organograms: a post listed twice, live and 'Eliminated', is one post
    # (no duplicate id), and the junior file repeats each of its rows (a join artefact).
    result = run("organogram_eliminated.csv", junior=str(FIXTURES / "junior_eliminated.csv"))
    assert result.errors == 0
    assert found(result, "duplicate-id") == []
    eliminated = [p for p in result.problems if p.rule == "eliminated-post"]
    assert [(p.line, p.level, p.message) for p in eliminated] == [
        (1, "info", "2 eliminated posts not imported ('1DD01', '1DD03'): listed at the end "
                    "of the file")]
    assert [(r.id, r.line) for r in result.dropped] == [("1DD01", 4), ("1DD03", 6)]
    org = write_and_load(result, tmp_path)
    assert org.by_id["1DD01"].name == "Ann Live" and not org.by_id["1DD01"].vacant
    assert "1DD03" not in org.by_id
    assert "organogram_eliminated.csv:6: 1DD03 Deputy Director (post eliminated)" in result.text
    duplicates = [(Path(p.file).name, p.line, p.message) for p in result.problems
                  if p.rule == "duplicate-row"]
    assert duplicates == [
        ("junior_eliminated.csv", 3, "row repeats row 2 exactly, under post '1DD01', which the "
                                     "senior file lists twice (live and eliminated): imported "
                                     "once"),
        ("junior_eliminated.csv", 5, "row repeats row 4 exactly: imported both")]
    assert [p.id for p in org.people if p.reports_to == "1DD01"] == ["1DD01-j1"]
    assert [p.id for p in org.people if p.reports_to == "1DD02"] == ["1DD02-j1", "1DD02-j2"]
    # Open posts count only the vacancies: neither eliminated nor undisclosed posts.
    assert [p.id for p in org.people if p.vacant] == ["1DD02"]


def test_junior_rows_repeated_under_posts_listed_twice_are_one_warning(
        tmp_path: Path) -> None:
    # (one cause, the senior file listing the post twice: the UK Home Office's junior file
    # gave 52 warnings, one a row repeated)
    senior = tmp_path / "senior.csv"
    senior.write_text((FIXTURES / "organogram_eliminated.csv").read_text(encoding="utf-8")
                      + '"1DD04","\'Eliminated\'","SCS1","Deputy Director","Policy","2DIR01",'
                        '"1"\n', encoding="utf-8")
    head = ('"Parent Department","Unit","Reporting Senior Post","Grade","Generic Job Title",'
            '"Number of Posts in FTE"\n')
    rows = ['"Dept","Policy","1DD01","HEO","Policy Adviser","3"',
            '"Dept","Policy","1DD01","HEO","Policy Adviser","3"',  # 3: repeats 2
            '"Dept","Policy","1DD01","EO","Analyst","1"',
            '"Dept","Policy","1DD01","EO","Analyst","1"',  # 5: repeats 4
            '"Dept","Policy","1DD02","EO","Analyst","2"',
            '"Dept","Policy","1DD02","EO","Analyst","2"',  # 7: a repeat of its own
            '"Dept","Policy","1DD04","AO","Clerk","1"',
            '"Dept","Policy","1DD04","AO","Clerk","1"']  # 9: repeats 8
    junior = tmp_path / "junior.csv"
    junior.write_text(head + "\n".join(rows) + "\n", encoding="utf-8")
    result = import_csv(senior, ImportOptions(junior=str(junior)))
    assert [f"{Path(p.file).name}:{p.line}:{p.col}: {p.message}" for p in result.problems
            if p.rule == "duplicate-row"] == [
        "junior.csv:3:1: 3 rows repeat a row above them exactly, under posts the senior file "
        "lists twice (live and eliminated: '1DD01', '1DD04'): each imported once (rows 3, 5, "
        "9)",
        "junior.csv:7:1: row repeats row 6 exactly: imported both"]
    assert [p.id for p in result.org.people if "-j" in p.id] == [
        "1DD01-j1", "1DD01-j2", "1DD02-j1", "1DD02-j2", "1DD04-j1"]


def test_junior_rows_repeated_past_five_say_how_many_more(tmp_path: Path) -> None:
    # (the lists ended ", ..." where the project says "and N more")
    from orgviz.io.csvimport.junior import _repeated_message

    repeated = [(2 * i + 3, 2 * i + 2, f"P{i % 7}") for i in range(8)]
    assert _repeated_message(repeated) == (
        "8 rows repeat a row above them exactly, under posts the senior file lists twice "
        "(live and eliminated: 'P0', 'P1', 'P2', 'P3', 'P4' and 2 more): each imported once "
        "(rows 3, 5, 7, 9, 11 and 3 more)")


def test_cli_reports_eliminated_and_undisclosed_posts(tmp_path: Path) -> None:
    out = tmp_path / "gov.yaml"
    result = CliRunner().invoke(main, ["import", str(FIXTURES / "organogram_eliminated.csv"),
                                       "-o", str(out)])
    assert result.exit_code == 0, result.output
    shown = str(FIXTURES / "organogram_eliminated.csv")
    # (at the Name column's header cell: it said 1:1)
    assert (f"{shown}:1:2: info [placeholder-name] 1 name not disclosed ('N/D'): imported as "
            "a filled post named 'Name not disclosed'") in result.output


def test_parent_id_style_with_leading_spaces(tmp_path: Path) -> None:
    result = run("parent_id.csv")
    assert result.errors == 0
    org = write_and_load(result, tmp_path)
    assert org.by_id["O-2"].name == "Davolio Nancy"
    assert org.by_id["O-1"].title == "Chief Executive Officer"
    assert org.by_id["O-4"].location == "Berlin"
    assert org.by_id["O-3"].roles == ("director-of-product",)


def test_semicolons_manager_by_email_and_name(tmp_path: Path) -> None:
    result = run("supervisor_semicolon.csv")
    assert result.errors == 0
    org = write_and_load(result, tmp_path)
    assert org.by_id["101"].reports_to == "100"
    assert org.by_id["102"].reports_to == "101"
    assert any(p.rule == "manager-by-name" for p in result.problems)


def test_history_rows_dropped_and_ended_managers_reported(tmp_path: Path) -> None:
    result = run("history.csv")
    assert found(result, "history-row") == [(3, "warning"), (7, "warning")]
    assert found(result, "ended-manager") == [(5, "warning"), (6, "warning")]
    assert "using '3', the current row of 'Laura Norman'" in result.text
    org = write_and_load(result, tmp_path)
    assert "2" not in org.by_id and "6" not in org.by_id
    assert org.by_id["4"].reports_to == "3"
    assert "Rows not imported" in result.text


def test_cycle_reported_and_broken_with_keep_going(tmp_path: Path) -> None:
    result = run("cycle.csv", keep_going=True, allow_forest=True)
    assert found(result, "cycle") == [(3, "error")]
    org = write_and_load(result, tmp_path)
    assert org.by_id["b"].reports_to is None and org.by_id["c"].reports_to == "b"
    assert structure_errors(org) == []
    # The cycle's top is not listed again among the people without a manager (it said "2
    # people have no manager: 'a' (row 2), 'b' (row 3)" after the cycle's error at row 3).
    result = run("cycle.csv", keep_going=True)
    assert [(p.line, p.rule) for p in result.problems] == [(3, "cycle")]


def test_forest_reported_and_allowed(tmp_path: Path) -> None:
    result = run("parentid_forest.csv")
    assert found(result, "root") == [(4, "warning")]
    org = write_and_load(result, tmp_path)
    assert [p.rule for p in validate(org) if p.rule == "root"] == ["root"]
    allowed = run("parentid_forest.csv", allow_forest=True)
    assert "root: {allow-forest: true}" in allowed.text
    org = write_and_load(allowed, tmp_path)
    assert [p for p in validate(org) if p.rule == "root"] == []


def test_column_overrides(tmp_path: Path) -> None:
    path = tmp_path / "odd.csv"
    path.write_text("Key,Who,Job,Upline,Squad\n1,Dana,CEO,,Core\n2,Sam,Engineer,1,Core\n",
                    encoding="utf-8")
    with pytest.raises(OrgvizError, match="no manager column"):
        import_csv(path, ImportOptions(columns={"id": ["Key"]}))
    result = import_csv(path, ImportOptions(columns={
        "id": ["Key"], "manager": ["Upline"], "name": ["Who"], "title": ["Job"],
        "team": ["Squad"]}))
    org = write_and_load(result, tmp_path)
    assert org.by_id["2"].reports_to == "1" and org.by_id["2"].team == "core"
    with pytest.raises(OrgvizError, match="--manager 'Nope': no such column"):
        import_csv(path, ImportOptions(columns={"manager": ["Nope"]}))


def test_stable_output(tmp_path: Path) -> None:
    assert run("hr_ids.csv", keep_going=True).text == run("hr_ids.csv", keep_going=True).text


def test_problem_locations_of_rules_point_into_the_csv() -> None:
    result = run("visio.csv")
    findings = validate(result.org)
    assert all(p.file.endswith("visio.csv") for p in findings)


# --- hostile files ----------------------------------------------------------------------------

HOSTILE = {
    "empty": b"",
    "blank": b"\n\n  \n",
    "header-only": b"id,name,manager_id\n",
    "cp1252": "id,name,manager_id\n1,Ren\xe9e,\n2,Bj\xf6rn,1\n".encode("cp1252"),
    "nul-bytes": b"id,name,manager_id\n1,Ann\x00,\n2,B\x00ob,1\n",
    "huge-field": b"id,name,manager_id\n1,\"" + b"x" * 1_200_000 + b"\",\n",
    "ragged": b"id,name,manager_id\n1,Ann\n2,Bob,1,extra,more\n",
    "long-name": b"id,name,manager_id\n1," + b"y" * 600 + b",\n",
    "binary": bytes(range(256)) * 4,
    "utf16": "id,name,manager_id\n1,Ann,\n".encode("utf-16"),
    "controls": b"id,name,manager_id\n1,A\x01n\x1bn,\n2,\"Bo\nb\",1\n",
    "unclosed-quote": b"id,name,manager_id\n1,\"Ann,\n2,Bob,1\n",
}


@pytest.mark.parametrize("kind", sorted(HOSTILE))
def test_hostile_csv_never_tracebacks(kind: str, tmp_path: Path) -> None:
    path = tmp_path / f"{kind}.csv"
    path.write_bytes(HOSTILE[kind])
    out = tmp_path / "out.yaml"
    result = CliRunner().invoke(main, ["import", str(path), "-o", str(out), "-k"])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    assert "Traceback" not in result.output
    assert result.exit_code in (0, 1, 2)
    if result.exit_code != 2 and out.exists():
        org = load(out)
        assert org.load_problems == ()
    else:
        assert result.output.strip()  # an explanation, on one line per problem


def test_hostile_specifics(tmp_path: Path) -> None:
    def imp(kind: str):
        path = tmp_path / f"{kind}.csv"
        path.write_bytes(HOSTILE[kind])
        return import_csv(path, ImportOptions(keep_going=True))

    with pytest.raises(OrgLoadError, match="empty file"):
        imp("empty")
    with pytest.raises(OrgLoadError, match="no rows"):
        imp("header-only")
    with pytest.raises(OrgLoadError, match="longer than 1,000,000"):
        imp("huge-field")
    result = imp("cp1252")
    assert result.org.by_id["1"].name == "Renée"
    assert [p.rule for p in result.problems if p.level == "warning"] == ["encoding"]
    assert imp("nul-bytes").org.by_id["2"].name == "Bob"
    assert imp("controls").org.by_id["1"].name == "Ann"
    assert imp("controls").org.by_id["2"].name == "Bo b"
    ragged = imp("ragged")
    assert [p.line for p in ragged.problems if p.rule == "csv"] == [2, 3]
    assert len(imp("long-name").org.by_id["1"].name or "") == 500
    assert imp("utf16").org.by_id["1"].name == "Ann"


@pytest.mark.parametrize(("text", "line", "col"), [
    # A stray quote swallows every row after it into one field (csv.reader takes it to the
    # end of the file): refused, not imported as one person with a very long name.
    ('id,name,title,manager\nceo,Ada,CEO,\np1,"Bob, Jr,VP,ceo\np2,P2,PM,ceo\n', 3, 2),
    ('id,name,title,manager\nceo,Ada,CEO,\np1,"Bob\nJr",VP,ceo\np2,P2,PM,"ceo', 5, 4),
    ('id,name,title,manager\nceo,Ada,CEO,\np3,"P3,PM,ceo', 3, 2),  # the last line only
    ('id,name,title,manager\nceo,Ada,CEO,\np3,"P3,PM,ceo\n', 3, 2),
    ('id,"name,title,manager\nceo,Ada,CEO,\n', 1, 2),  # the header
])
def test_a_quote_never_closed_is_an_error_where_it_opens(tmp_path: Path, text: str, line: int,
                                                         col: int) -> None:
    path = tmp_path / "q.csv"
    path.write_text(text, encoding="utf-8", newline="")
    with pytest.raises(OrgLoadError) as caught:
        import_csv(path)
    [problem] = caught.value.problems
    assert (problem.line, problem.col, problem.level) == (line, col, "error")
    assert problem.message.startswith("the quoted field that starts here is never closed")


@pytest.mark.parametrize("text", [
    'id,name,title,manager\nceo,Ada,CEO,\np1,"Bob\nJr",VP,ceo\n',  # closed, over 2 lines
    'id,name,title,manager\nceo,Ada,CEO,\np1,"Bob ""B""",VP,ceo',  # closed, last line
    'id,name,title,manager\nceo,Ada,CEO,\np1,Bob "B",VP,ceo\n',  # a quote inside a cell
])
def test_closed_quotes_import(tmp_path: Path, text: str) -> None:
    path = tmp_path / "q.csv"
    path.write_text(text, encoding="utf-8", newline="")
    assert import_csv(path).org.by_id["p1"].reports_to == "ceo"


def test_unreadable_paths() -> None:
    runner = CliRunner()
    result = runner.invoke(main, ["import", "/nonexistent/people.csv"])
    assert result.exit_code == 2
    assert "cannot read" in result.output
    result = runner.invoke(main, ["import", str(FIXTURES / "visio.csv"), "-o",
                                  f"{FIXTURES / 'visio.csv'}/out.yaml"])
    assert result.exit_code == 2
    assert result.output.endswith(f"\norgviz: {FIXTURES / 'visio.csv'}/out.yaml: "
                                  f"{FIXTURES / 'visio.csv'} is not a directory\n")


@pytest.mark.parametrize("space", ["\xa0", "\u2003", "\u3000", "\u202f"])
def test_unicode_spaces_fold_whatever_else_the_file_holds(tmp_path: Path, space: str) -> None:
    # A file without control characters once took a strip()-only shortcut that kept a
    # no-break space where the same cell in another file became a space.
    rows = ["id,name,title,manager", f"1,Ana{space}Silva,VP{space}{space}Sales,"]
    plain = tmp_path / "plain.csv"
    plain.write_text("\n".join(rows) + "\n", encoding="utf-8")
    other = tmp_path / "other.csv"
    other.write_text("\n".join([*rows, "2,Bo\x01b,PM,1"]) + "\n", encoding="utf-8")
    for path in (plain, other):
        person = import_csv(path, ImportOptions(keep_going=True)).org.by_id["1"]
        assert (person.name, person.title) == ("Ana Silva", "VP Sales"), path.name


# --- what import writes always loads (no schema errors in the org file) ----------------------

def _written_validates(result, tmp_path: Path) -> None:
    path = tmp_path / "org.yaml"
    path.write_text(result.text, encoding="utf-8")
    schema = [p for p in validate(load(path)) if p.rule in ("schema", "cycle")]
    assert schema == []


def test_a_file_without_a_name_column_names_people_by_their_ids(tmp_path: Path) -> None:
    path = tmp_path / "ids.csv"
    path.write_text("id,manager,status\na,,\nb,a,\nc,a,vacant\n", encoding="utf-8")
    result = import_csv(path)
    assert [(p.id, p.name, p.vacant) for p in result.org.people] == [
        ("a", "a", False), ("b", "b", False), ("c", None, True)]
    [info] = [p for p in result.problems if p.rule == "no-name"]
    assert (info.line, info.col, info.level) == (1, 1, "info")
    assert info.message == ("no name column: people are named by their ids; give the name "
                            "column (--name COLUMN) to name them")
    assert "# No name column: people are named by their ids" in result.text
    _written_validates(result, tmp_path)


EXPORT_HEADER = ("id,name,title,role,reports_to,dotted_to,team,team_name,vacant,assistant,"
                 "location,email\n")


def test_exact_layout_blank_ids_and_unnamed_people(tmp_path: Path) -> None:
    # Cells of whitespace alone are no id, manager or team (the loader refuses them); a
    # person with no name who is not vacant is named by the id.
    path = tmp_path / "org.csv"
    path.write_text(EXPORT_HEADER + "\t,Tab,,,,,\u2028,Sep,,,,\nb,,,,\t,,,,false,,,\n",
                    encoding="utf-8", newline="")
    result = import_csv(path, ImportOptions(keep_going=True))
    assert [(p.line, p.col, p.rule) for p in result.problems if p.level != "info"] == [
        (2, 1, "missing-id"), (2, 8, "csv"), (3, 2, "no-name"), (3, 5, "root")]  # (2, 8: Sep)
    org = result.org
    assert [(p.id, p.name, p.reports_to, p.team) for p in org.people] == [
        ("row-2", "Tab", None, None), ("b", "b", None, None)]
    assert org.teams == ()
    _written_validates(result, tmp_path)


def test_team_parent_cycles_are_errors_and_broken_with_keep_going(tmp_path: Path) -> None:
    people = tmp_path / "people.csv"
    people.write_text("id,name,title,manager,department_id\nceo,Ada,CEO,,10\n"
                      "b,Bob,VP Product,ceo,20\nc,Cy,PM,b,30\n", encoding="utf-8")
    teams = tmp_path / "teams.csv"
    teams.write_text("department_id,department_name,manager_id,parent_id\n10,A,ceo,20\n"
                     "20,B,b,10\n30,C,,99\n", encoding="utf-8")
    result = import_csv(people, ImportOptions(teams=str(teams)))
    # (the rule of teams that nest in a circle is validate's unknown-team: it said cycle, the
    # rule of reporting lines)
    assert [(p.line, p.col, p.level, p.rule, p.message) for p in result.problems
            if p.rule in ("cycle", "unknown-team")] == [
        (2, 4, "error", "unknown-team", "team parent cycle 10 -> 20 -> 10"),
        (4, 4, "warning", "unknown-team",
         "parent team '99' of team '30' is not in the teams file: left out")]
    result = import_csv(people, ImportOptions(teams=str(teams), keep_going=True))
    assert {t.id: t.parent for t in result.org.teams} == {"a": None, "b": "a", "c": None}
    _written_validates(result, tmp_path)



@pytest.mark.parametrize("entry", ["10", "20", "30"])
def test_a_team_parent_cycle_is_named_from_its_first_team_wherever_it_is_entered(
        tmp_path: Path, entry: str) -> None:
    # (a team listed above the cycle, whose parent is a later member, made the walk enter
    # there: "team parent cycle 30 -> 10 -> 20 -> 30", at team 10's row)
    people = tmp_path / "people.csv"
    people.write_text("id,name,manager,department_id\nceo,Ada,,x\n", encoding="utf-8")
    teams = tmp_path / "teams.csv"
    teams.write_text(f"department_id,department_name,parent_id\nx,X,{entry}\n10,A,20\n"
                     "20,B,30\n30,C,10\n", encoding="utf-8")
    found = [tuple(p) for p in import_csv(people, ImportOptions(teams=str(teams))).problems]
    assert found == [(str(teams), 3, 3, "error", "unknown-team",
                      "team parent cycle 10 -> 20 -> 30 -> 10")]
    kept = import_csv(people, ImportOptions(teams=str(teams), keep_going=True))
    assert [p.message for p in kept.problems] == [
        "team parent cycle 10 -> 20 -> 30 -> 10: the parent of '10' left out"]
    assert {t.id: t.parent for t in kept.org.teams} == {
        "x": {"10": "a", "20": "b", "30": "c"}[entry], "a": None, "b": "c", "c": "a"}


@pytest.mark.parametrize("entry", ["a", "b", "c"])
def test_a_reporting_cycle_is_named_from_its_first_row_wherever_it_is_entered(
        tmp_path: Path, entry: str) -> None:
    # (a row above the cycle reporting to a later member made the walk enter there:
    # "reporting cycle c -> a -> b -> c (rows 6, 4, 5)", at row 4's manager cell)
    path = tmp_path / "people.csv"
    path.write_text(f"id,name,manager\nceo,Ada,\nx,Xi,{entry}\na,Al,b\nb,Bo,c\nc,Cy,a\n",
                    encoding="utf-8")
    result = import_csv(path, ImportOptions(keep_going=True))
    assert [tuple(p)[1:] for p in result.problems if p.rule == "cycle"] == [
        (4, 3, "error", "cycle",
         "reporting cycle a -> b -> c -> a (rows 4, 5, 6): 'a' imported as a top")]
    assert "people.csv:4: in a reporting cycle (a -> b -> c -> a): imported as a top" in \
        result.text


def test_a_team_that_is_its_own_parent_is_said_so_as_validate_says(
        tmp_path: Path, org_file: Callable[..., Path]) -> None:
    # (it said "team parent cycle 20 -> 20" [cycle]; validate "team '20' is its own parent")
    from orgviz.validate import validate

    people = tmp_path / "people.csv"
    people.write_text("id,name,manager,department_id\nceo,Ada,,10\nb,Bob,ceo,20\n",
                      encoding="utf-8")
    teams = tmp_path / "teams.csv"
    teams.write_text("department_id,department_name,parent_id\n10,A,\n20,B,20\n",
                     encoding="utf-8")
    found = [tuple(p) for p in import_csv(people, ImportOptions(teams=str(teams))).problems]
    assert found == [(str(teams), 3, 3, "error", "unknown-team", "team '20' is its own parent")]
    org = load(org_file("teams:\n  - {id: b, name: B, parent: b}\npeople:\n"
                        "  - {id: ceo, name: Ada, team: b}\n", header=True))
    assert [(p.rule, p.message.split(":")[0]) for p in validate(org) if p.level == "error"] == [
        ("unknown-team", "team 'b' is its own parent")]
    kept = import_csv(people, ImportOptions(teams=str(teams), keep_going=True))
    assert [p.message for p in kept.problems] == [
        "team '20' is its own parent: the parent of '20' left out"]
    assert {t.id: t.parent for t in kept.org.teams} == {"a": None, "b": None}

def test_an_encoding_name_that_is_not_utf8_is_a_usage_error(tmp_path: Path) -> None:
    # (codecs.lookup raised UnicodeEncodeError for the lone surrogate: a traceback)
    path = tmp_path / "p.csv"
    path.write_text("id,name,manager\na,A,\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["import", str(path), "--encoding", "utf\udcff"])
    assert result.exit_code == 2
    assert result.output == ("orgviz: encoding (--encoding) 'utf\\uDCFF' is unknown: try utf-8, "
                             "cp1252, latin-1 or utf-16\n")


@pytest.mark.parametrize("encoding", ["nope", "rot13", "base64", "zlib"])
def test_an_encoding_that_is_no_text_encoding_is_a_usage_error(tmp_path: Path,
                                                               encoding: str) -> None:
    path = tmp_path / "p.csv"
    path.write_text("id,name,manager\na,A,\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["import", str(path), "--encoding", encoding])
    assert result.exit_code == 2
    assert result.output == (f"orgviz: encoding (--encoding) '{encoding}' is unknown: try utf-8, "
                             "cp1252, latin-1 or utf-16\n")


def test_a_wrong_encoding_that_decodes_says_so_not_that_rows_are_missing(
        tmp_path: Path) -> None:
    # UTF-8 bytes of even length decode as UTF-16: one line of CJK text, "a header but no
    # rows" before.
    path = tmp_path / "p.csv"
    path.write_text("id,name,manager\na,Ann,\nb,Bob,ab\n", encoding="utf-8")
    out = tmp_path / "o.yaml"
    result = CliRunner().invoke(main, ["import", str(path), "--encoding", "utf-16", "-o",
                                       str(out)])
    assert result.exit_code == 1 and not out.exists()
    assert result.output == (f"{path}:1:1: error [encoding] read as utf-16, the file's 3 "
                             "lines are one line: it is in another encoding; pass the file's "
                             "encoding (--encoding), or none to read UTF-8\n")
    # The right encoding given still reads it.
    assert import_csv(path, ImportOptions(encoding="utf-8")).org.by_id.keys() == {"a", "b"}


@pytest.mark.parametrize(("mark", "codec", "given", "family"), [
    (b"\xef\xbb\xbf", "utf-8", "cp1252", "UTF-8"),
    (b"\xef\xbb\xbf", "utf-8", "latin-1", "UTF-8"),
    (b"\xff\xfe", "utf-16-le", "cp1252", "UTF-16"),
    (b"\xff\xfe", "utf-16-le", "utf-8", "UTF-16"),
])
def test_an_encoding_that_the_byte_order_mark_contradicts_is_refused(
        tmp_path: Path, mark: bytes, codec: str, given: str, family: str) -> None:
    # (an Excel "CSV UTF-8" read as cp1252 had a first column 'ï»¿EmployeeId': no id column
    # found, ids made from names, every manager "not found")
    path = tmp_path / "p.csv"
    path.write_bytes(mark + "EmployeeId,Name,ManagerId\n1,Zoë,\n2,Ann,1\n".encode(codec))
    out = tmp_path / "o.yaml"
    result = CliRunner().invoke(main, ["import", str(path), "--encoding", given, "-o",
                                       str(out)])
    assert result.exit_code == 1 and not out.exists()
    assert result.output == (f"{path}:1:1: error [encoding] the file starts with a {family} "
                             f"byte order mark, so it is {family}, not {given}: leave out "
                             "the encoding (--encoding)\n")


@pytest.mark.parametrize(("mark", "codec", "given"), [
    (b"\xef\xbb\xbf", "utf-8", "utf-8"), (b"\xef\xbb\xbf", "utf-8", "UTF8"),
    (b"\xef\xbb\xbf", "utf-8", "utf-8-sig"), (b"\xff\xfe", "utf-16-le", "utf-16-le"),
    (b"\xff\xfe", "utf-16-le", "utf-16"),
])
def test_an_encoding_that_agrees_with_the_byte_order_mark_reads_the_columns(
        tmp_path: Path, mark: bytes, codec: str, given: str) -> None:
    path = tmp_path / "p.csv"
    path.write_bytes(mark + "EmployeeId,Name,ManagerId\n1,Zoë,\n2,Ann,1\n".encode(codec))
    result = import_csv(path, ImportOptions(encoding=given))
    assert [(p.id, p.name, p.reports_to) for p in result.org.people] == [
        ("1", "Zoë", None), ("2", "Ann", "1")]
    assert not result.problems


@pytest.mark.parametrize(("codec", "given", "bad", "message"), [
    ("utf-16-le", None, b"\x00\xd8", "the file starts like UTF-16 but is not valid UTF-16: "
                                     "save it as UTF-8"),
    ("utf-16-be", None, b"\xdc\x00", "the file starts like UTF-16 but is not valid UTF-16: "
                                     "save it as UTF-8"),
    ("utf-16-le", "utf-16-le", b"\x00\xd8", "byte 0x00 is not valid utf-16-le: pass the "
                                            "file's encoding (--encoding)"),
    ("utf-32-le", "utf-32", b"\x00\x00\x11\x00", "byte 0x00 is not valid utf-32: pass the "
                                                  "file's encoding (--encoding)")])
def test_a_bad_unit_of_utf16_or_utf32_is_at_its_line_and_column(
        tmp_path: Path, codec: str, given: str | None, bad: bytes, message: str) -> None:
    # (the file with a byte order mark was at 1:1; --encoding's at its byte's offset in the
    # line, twice (or four times) its column, on a line counted from 0x0a bytes: U+010A
    # holds one)
    path = tmp_path / "p.csv"
    path.write_bytes("\ufeffEmployeeId,Name,ManagerId\n1,Zoë \u010a,\n2,Li ".encode(codec)
                     + bad + ",1\n".encode(codec))
    with pytest.raises(OrgLoadError) as raised:
        import_csv(path, ImportOptions(encoding=given))
    assert [tuple(p) for p in raised.value.problems] == [
        (str(path), 3, 6, "error", "encoding", message)]


def test_a_zip_without_a_workbook_says_so(tmp_path: Path) -> None:
    import zipfile

    path = tmp_path / "people.csv"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("people.csv", "id,name\n1,Ana\n")
    with pytest.raises(OrgLoadError) as caught:
        import_csv(path)
    [problem] = caught.value.problems
    assert (problem.file, problem.line, problem.col) == (str(path), 1, 1)
    assert problem.message == ("this is a zip file (no Excel workbook in it), not CSV: unzip "
                               "it and import the CSV or .xlsx file inside")


@pytest.mark.parametrize("delimiter", ['"', "'", " ", "a", "1", "\n", ";;"])
def test_a_delimiter_that_cannot_separate_fields_is_refused(tmp_path: Path,
                                                            delimiter: str) -> None:
    path = tmp_path / "p.csv"
    path.write_text("id,name,manager\na,A,\n", encoding="utf-8")
    with pytest.raises(OrgvizError, match=r"delimiter \(--delimiter\) must be one character that "
                                          "is no letter, digit, quote, space or line break"):
        import_csv(path, ImportOptions(delimiter=delimiter))


def test_a_long_cycle_is_one_short_message(tmp_path: Path) -> None:
    n = 2000
    path = tmp_path / "cycle.csv"
    path.write_text("id,name,manager\n" + "".join(f"p{i},P{i},p{(i + 1) % n}\n"
                                                  for i in range(n)), encoding="utf-8")
    [cycle] = [p for p in import_csv(path).problems if p.rule == "cycle"]
    assert cycle.message == ("reporting cycle p0 -> p1 -> p2 -> p3 -> p4 -> ... (1,994 more) "
                             "-> p1999 -> p0 (rows 2, 3, 4, 5, 6, ... (1,993 more), 2000, 2001)")


def test_a_column_option_that_takes_another_fields_column_says_so(tmp_path: Path) -> None:
    path = tmp_path / "p.csv"
    path.write_text("id,name,title,manager,EmployeeId\nceo,Ada,CEO,,1\nb,Bob,VP,ceo,2\n",
                    encoding="utf-8")
    result = import_csv(path, ImportOptions(columns={"title": ["id"]}))
    assert [(p.line, p.col, p.level, p.message) for p in result.problems
            if p.rule == "columns"] == [
        (1, 1, "warning", "--title 'id' takes the column found for the id: the id now comes "
                          "from 'EmployeeId'")]
    result = import_csv(path, ImportOptions(columns={"name": ["title"]}))
    assert [p.message for p in result.problems if p.rule == "columns"] == [
        "--name 'title' takes the column found for the title: no column gives the title now"]
    assert [p for p in import_csv(path, ImportOptions(columns={"id": ["id"]})).problems
            if p.rule == "columns"] == []


def test_values_that_were_dropped_silently_are_reported(tmp_path: Path) -> None:
    # A team lead who is no person, a flag that is neither true nor false, an FTE that is no
    # number, a repeated header: each a warning at its cell.
    people = tmp_path / "people.csv"
    people.write_text("id,name,title,manager,department_id,name\nceo,Ada,CEO,,10,x\n",
                      encoding="utf-8")
    teams = tmp_path / "teams.csv"
    teams.write_text("department_id,department_name,manager_id\n10,A,ghost\n", encoding="utf-8")
    result = import_csv(people, ImportOptions(teams=str(teams)))
    assert [(Path(p.file).name, p.line, p.col, p.rule, p.message) for p in result.problems
            if p.level == "warning"] == [
        ("people.csv", 1, 6, "columns", "column 6 repeats the header 'name' of column 2: it "
                                        "is not imported"),
        ("teams.csv", 2, 3, "unknown-team", "team '10' is led by 'ghost', who is not in the "
                                            "people file (left out): use the id of a person")]
    exact = tmp_path / "exact.csv"
    exact.write_text(EXPORT_HEADER + "a,A,,,,,,,maybe,,,\nb,B,,,a,,,,TRUE,perhaps,,\n",
                     encoding="utf-8")
    assert [(p.line, p.col, p.message) for p in import_csv(exact).problems
            if p.level == "warning"] == [
        (2, 9, "vacant 'maybe' is neither true nor false: read as false (true, yes, y, 1 or "
               "x is true)"),
        (3, 10, "assistant 'perhaps' is neither true nor false: read as false (true, yes, y, "
                "1 or x is true)")]
    senior = tmp_path / "senior.csv"
    senior.write_text('"Post Unique Reference","Name","Job Title","Reports to Senior Post"\n'
                      '"1A","Ann","Director","XX"\n', encoding="utf-8")
    junior = tmp_path / "junior.csv"
    junior.write_text('"Reporting Senior Post","Grade","Generic Job Title",'
                      '"Number of Posts in FTE"\n"1A","EO","Analyst","abc"\n'
                      '"1A","EO","Adviser","2.5"\n', encoding="utf-8")
    result = import_csv(senior, ImportOptions(junior=str(junior)))
    assert [(p.line, p.col, p.message) for p in result.problems if p.level == "warning"] == [
        (2, 4, "FTE 'abc' is not a number of full-time equivalents such as 1, 0.6 or 12.5: "
         "left out")]
    assert [(p.title, p.fte) for p in result.org.people if "-j" in p.id] == [
        ("Analyst", None), ("Adviser", 2.5)]


@pytest.mark.parametrize("text", [
    "id,name,manager\na,A,\n,,\nb,B,a\n, ,\n",  # split into columns
    'id,name,manager\na,"A",\n,,\nb,B,a\n, ,\n',  # read record by record (a quote mark)
])
def test_rows_of_delimiters_alone_are_skipped(tmp_path: Path, text: str) -> None:
    # As spreadsheets save formatted empty rows: not people without an id.
    path = tmp_path / "p.csv"
    path.write_text(text, encoding="utf-8")
    result = import_csv(path)
    assert result.errors == 0
    assert [p.id for p in result.org.people] == ["a", "b"]
    assert [(p.line, p.level, p.message) for p in result.problems if p.rule == "csv"] == [
        (3, "info", "2 rows hold no value: skipped (rows 3, 5)")]
    assert result.org.by_id["b"].loc.line == 4


def test_counts_of_one_read_in_the_singular(tmp_path: Path) -> None:
    csv = tmp_path / "one.csv"
    csv.write_text("EmployeeId,Name,ManagerId\n1,Vacant,\n", encoding="utf-8")
    result = import_csv(csv)
    assert [p.message for p in result.problems if p.rule == "placeholder-name"] == [
        "1 placeholder name imported as a vacancy ('Vacant')"]
    assert "(1 row, utf-8): 1 position, 1 open." in result.text.splitlines()[1]
    assert "  size: small  # guessed from 1 position: --size to choose" in result.text


@pytest.mark.parametrize(("emails", "expected"), [
    (["ann@acme.test", "bo@acme.test", ""], []),
    (["ann@acme.test", "BCHAN", ""], [(3, 4, "email 'BCHAN' is not an address (no '@'): "
                                             "imported as written")]),
    (["SKING", "NYANG", "LDEHAAN"], [(2, 4, "email 'SKING' and 2 more are not addresses "
                                            "(no '@'): imported as written")]),
])
def test_emails_that_are_no_addresses_are_said_once(tmp_path: Path, emails: list[str],
                                                    expected: list[tuple[int, int, str]]
                                                    ) -> None:
    path = tmp_path / "people.csv"
    rows = [("1", "Ann", ""), ("2", "Bo", "1"), ("3", "Cy", "1")]
    path.write_text("id,name,manager,email\n" + "".join(
        f"{pid},{name},{boss},{email}\n" for (pid, name, boss), email in zip(
            rows, emails, strict=True)), encoding="utf-8")
    result = import_csv(path)
    assert [(p.line, p.col, p.message) for p in result.problems if p.rule == "email"] == \
        expected
    assert all(p.level == "info" for p in result.problems if p.rule == "email")
    assert [p.email for p in result.org.people] == [e or None for e in emails]


def test_a_leading_quote_is_dropped_only_where_export_writes_one(tmp_path: Path) -> None:
    # ('t Hooft lost its quote, while O'Brien' kept its trailing one.) The export guards a
    # cell starting with = + - @ tab CR or a quote with one quote; a quote pair round a
    # word is a stray spreadsheet quoting (docs/data.md), and so is a lone closing quote.
    path = tmp_path / "p.csv"
    path.write_text("id,name,manager\n1,'t Hooft,\n2,'s-Gravesande,1\n3,O'Brien',1\n"
                    "4,'=SUM(A1),1\n5,''quoted,1\n6,'Vacant',1\n7,Vacant',1\n",
                    encoding="utf-8")
    result = import_csv(path)
    assert [p.name for p in result.org.people] == [
        "'t Hooft", "'s-Gravesande", "O'Brien'", "=SUM(A1)", "'quoted", None, None]
    lines = result.text.splitlines()
    assert '  - {id: "1", name: "\'t Hooft"}' in lines
    assert '  - {id: "2", name: "\'s-Gravesande", reports_to: "1"}' in lines
    assert [(p.line, p.col, p.message) for p in result.problems] == [
        (1, 2, "2 placeholder names imported as vacancies ('Vacant')")]  # (the name column)


def test_exact_layout_cells_that_are_dropped_say_so(tmp_path: Path) -> None:
    # (a team_name without a team, and an unreadable list, were dropped or kept as one id
    # without a word; an FTE of -1 was 'not a number' in the file's comment)
    path = tmp_path / "org.csv"
    path.write_text(EXPORT_HEADER.rstrip("\n") + ",fte\n"
                    "a,A,,,,,,Sales,false,false,,,-1\n"
                    'b,B,,"[1]",a,"[1,2]",t,,false,false,,,abc\n'
                    'c,C,,,a,"[""x""",,,false,false,,,100001\n'
                    'd,D,,,a,"[""a""]",,,false,false,,,0.5\n', encoding="utf-8", newline="")
    result = import_csv(path)
    assert [(p.line, p.col, p.level, p.rule, p.message) for p in result.problems
            if p.rule == "csv"] == [
        (2, 8, "warning", "csv", "team_name 'Sales' has no team (the team cell is empty): "
                                 "left out"),
        (2, 13, "warning", "csv", "FTE '-1' is out of range (0 to 100,000): left out"),
        (3, 4, "warning", "csv", "role '[1]' is not a readable list (a JSON list of strings, "
                                 "or ids separated by ';'): left out"),
        (3, 6, "warning", "csv", "dotted_to '[1,2]' is not a readable list (a JSON list of "
                                 "strings, or ids separated by ';'): left out"),
        (3, 13, "warning", "csv", "FTE 'abc' is not a number of full-time equivalents such as "
                                  "1, 0.6 or 12.5: left out"),
        (4, 6, "warning", "csv", "dotted_to '[\"x\"' is not a readable list (a JSON list of "
                                 "strings, or ids separated by ';'): left out"),
        (4, 13, "warning", "csv", "FTE '100001' is out of range (0 to 100,000): left out")]
    people = result.text.split("people:\n", 1)[1]
    assert people.splitlines() == [
        "  # org.csv:2: team_name 'Sales' left out: no team",
        "  # org.csv:2: FTE '-1' left out: out of range (0 to 100,000)",
        "  - {id: a, name: A}",
        "  # org.csv:3: role '[1]' left out: not a readable list",
        "  # org.csv:3: dotted_to '[1,2]' left out: not a readable list",
        "  # org.csv:3: FTE 'abc' left out: not a number",
        "  - {id: b, name: B, reports_to: a, team: t}",
        "  # org.csv:4: dotted_to '[\"x\"' left out: not a readable list",
        "  # org.csv:4: FTE '100001' left out: out of range (0 to 100,000)",
        "  - {id: c, name: C, reports_to: a}",
        "  - {id: d, name: D, reports_to: a, dotted_to: a, fte: 0.5}"]
    _written_validates(result, tmp_path)


@pytest.mark.parametrize("names", [["1", "1"], ["1", "id"]])
def test_a_column_given_twice_to_name_is_read_and_said_once(tmp_path: Path,
                                                            names: list[str]) -> None:
    # (the warning came twice, and each name twice: 'A A')
    path = tmp_path / "n.csv"
    path.write_text("id,name,manager\n1,A,\n2,B,1\n", encoding="utf-8")
    result = import_csv(path, ImportOptions(columns={"name": names}))
    assert [(p.file, p.line, p.col, p.level, p.message) for p in result.problems
            if p.rule == "columns"] == [
        (str(path), 1, 1, "warning", "--name 'id' takes the column found for the id: no "
                                     "column gives the id now")]
    assert [(p.id, p.name, p.reports_to) for p in result.org.people] == [
        ("1", "1", None), ("2", "2", "1")]


def test_a_team_column_of_numbers_points_at_teams(tmp_path: Path) -> None:
    # Oracle HR's employees export has department ids and no names: teams named '90', '60'.
    people = tmp_path / "employees.csv"
    people.write_text("employee_id,name,manager_id,department_id\n100,Ann,,90\n101,Bo,100,60\n"
                      "102,Cy,100,\n103,Di,100,10\n104,Ed,100,90\n", encoding="utf-8")
    result = import_csv(people)
    assert [(p.file, p.line, p.col, p.level, p.rule, p.message) for p in result.problems
            if p.rule == "columns"] == [
        (str(people), 1, 4, "info", "columns", "the team column 'department_id' holds numbers "
         "only ('90', '60', '10'): --teams FILE names the teams from a departments export")]
    teams = tmp_path / "departments.csv"
    teams.write_text("department_id,department_name\n90,Executive\n60,IT\n10,Admin\n",
                     encoding="utf-8")
    named = import_csv(people, ImportOptions(teams=str(teams)))
    assert [p for p in named.problems if p.rule == "columns"] == []
    assert [t.name for t in named.org.teams] == ["Executive", "IT", "Admin"]
    people.write_text(people.read_text(encoding="utf-8").replace(",10\n", ",Sales\n"),
                      encoding="utf-8")
    assert [p for p in import_csv(people).problems if p.rule == "columns"] == []


def test_a_manager_not_found_suggests_the_nearest_name_or_id_and_is_no_second_root(
        tmp_path: Path) -> None:
    # (said "manager 'Bob Dey' not found", then "2 people have no manager: 'ann-lee',
    # 'cy-oh'" of the same row)
    path = tmp_path / "p.csv"
    path.write_text("Name,Title,Manager\nAnn Lee,CEO,\nBob Day,CTO,Ann Lee\n"
                    "Cy Oh,Engineer,Bob Dey\nDi Ma,Engineer,Zed Q\nEd Po,Engineer,\n",
                    encoding="utf-8")
    result = import_csv(path, ImportOptions(keep_going=True))
    assert [(p.line, p.col, p.level, p.rule, p.message) for p in result.problems
            if p.level != "info"] == [
        (4, 3, "error", "unknown-manager",
         "manager 'Bob Dey' not found: imported as a top; did you mean 'Bob Day' (row 3)?"),
        (5, 3, "error", "unknown-manager", "manager 'Zed Q' not found: imported as a top"),
        (6, 3, "warning", "root", "2 people have no manager: 'ann-lee' (row 2), 'ed-po' "
                                  "(row 6); pass --allow-forest to keep separate trees")]
    assert ("# p.csv:4: manager 'Bob Dey' not found: imported as a top; did you mean 'Bob "
            "Day' (row 3)?") in result.text


def test_a_manager_email_not_found_suggests_the_nearest_email(tmp_path: Path) -> None:
    path = tmp_path / "p.csv"
    path.write_text("Name,Email,Manager\nAnn Lee,ann.lee@acme.test,\n"
                    "Bob Day,bob.day@acme.test,ann.lee@acme.test\n"
                    "Cy Oh,cy@acme.test,bob.dya@acme.test\n", encoding="utf-8")
    result = import_csv(path, ImportOptions())
    assert [p.message for p in result.problems if p.rule == "unknown-manager"] == [
        "manager 'bob.dya@acme.test' not found; did you mean 'bob.day@acme.test' (row 3)?"]


@pytest.mark.parametrize(("header", "rows", "expected"), [
    # No id column: the ids are made from the names, in no cell to copy: rows are named.
    ("Name,Manager", ["Bob Day,", "Bob Day,", "Cy Li,Bob Day"],
     "manager 'Bob Day' matches 2 people by name (rows 2, 3): add an id column and give "
     "managers by id"),
    ("Id,Name,Manager", ["7,Bob Day,", "8,Bob Day,", "9,Cy Li,Bob Day"],
     "manager 'Bob Day' matches 2 people by name ('7' (row 2), '8' (row 3)): give the "
     "manager's id"),
    ("Id,Name,Manager", ["7,Bob Day,", "8,Bob Day,", "9,Cy Li,\"Day, Bob\""],
     "manager 'Day, Bob' matches 2 people by name ('7' (row 2), '8' (row 3)): give the "
     "manager's id"),
    ("Id,Email,Manager", ["7,b@x.test,", "8,B@x.test,", "9,c@x.test,b@x.test"],
     "manager 'b@x.test' matches 2 people by email ('7' (row 2), '8' (row 3)): give the "
     "manager's id"),
])
def test_a_manager_that_names_several_people_names_their_rows(
        tmp_path: Path, header: str, rows: list[str], expected: str) -> None:
    # (said "matches 2 people by name ('bob-day', 'bob-day-3'): use ids" of a file without
    # ids: the ids shown were made by import, and the second skipped '-2')
    path = tmp_path / "p.csv"
    path.write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")
    result = import_csv(path, ImportOptions())
    assert [(p.line, p.col, p.message) for p in result.problems
            if p.rule == "unknown-manager"] == [(4, len(header.split(",")), expected)]


def test_ids_made_unique_count_from_2_and_keep_a_number_they_end_in(tmp_path: Path) -> None:
    # (unique('bob-day') gave 'bob-day-3', and 'apollo-13' taken gave 'apollo-14', which
    # reads as another team, taken next by the real Apollo 14)
    path = tmp_path / "p.csv"
    path.write_text("Name,Manager,Team\nBob Day,,Apollo 13\nBob Day,Nobody,Apollo-13\n"
                    "Cy Li,,Apollo 14\nDi Ma,,#team\nEd Po,,!?\n", encoding="utf-8")
    result = import_csv(path, ImportOptions(keep_going=True))
    org = write_and_load(result, tmp_path)
    assert [p.id for p in org.people] == ["bob-day", "bob-day-2", "cy-li", "di-ma", "ed-po"]
    assert [(t.id, t.name) for t in org.teams] == [
        ("apollo-13", "Apollo 13"), ("apollo-13-2", "Apollo-13"), ("apollo-14", "Apollo 14"),
        ("team", "#team"), ("team-2", "!?")]


def test_exact_layout_flags_a_spreadsheet_user_types_read_as_meant(tmp_path: Path) -> None:
    # (an exported CSV edited in a spreadsheet: 'yes', '1' or 'x' typed into vacant read as
    # false, and the open position became a filled one named by its id)
    exact = tmp_path / "exact.csv"
    rows = ["a,A,CEO,,,,,,,,,", "b,,PM,,a,,,,yes,,,", "c,,PM,,a,,,,1,,,", "d,,PM,,a,,,, X ,,,",
            "e,E,EA,,a,,,,no,Y,,", "f,F,Eng,,a,,,,0,FALSE,,", "g,G,Eng,,a,,,,n,false,,"]
    exact.write_text(EXPORT_HEADER + "\n".join(rows) + "\n", encoding="utf-8")
    result = import_csv(exact)
    assert [p for p in result.problems if p.level != "info"] == []
    org = write_and_load(result, tmp_path)
    assert [p.id for p in org.people if p.vacant] == ["b", "c", "d"]
    assert [p.id for p in org.people if p.assistant] == ["e"]
    assert org.by_id["b"].name is None


def test_ids_made_unique_stay_within_the_loaders_limit(tmp_path: Path) -> None:
    # (two ids cut to 500 characters were one id: the second became that id with '-2', 502
    # characters, and the org file --keep-going wrote did not load)
    long = "x" * 600
    path = tmp_path / "p.csv"
    path.write_text(f"id,name,manager,team\n{long}1,Ada,,{'T' * 520}\n{long}2,Bob,,"
                    f"{'t' * 530}\nc,Cy,{'x' * 500},\n", encoding="utf-8")
    result = import_csv(path, ImportOptions(keep_going=True))
    assert found(result, "duplicate-id") == [(3, "error")]
    org = write_and_load(result, tmp_path)
    assert sorted(p.id for p in org.people) == ["c", "x" * 498 + "-2", "x" * 500]
    assert [t.id for t in org.teams] == ["t" * 500, "t" * 498 + "-2"]
    assert org.by_id["c"].reports_to == "x" * 500


def _ods() -> bytes:
    import io
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:  # (mimetype first and stored, as ODF has it)
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("content.xml", "<office:document-content/>")
    return buffer.getvalue()


@pytest.mark.parametrize(("name", "data", "message"), [
    ("people.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600,
     "this is an Excel 97-2003 workbook (.xls) or another old Office file, not CSV: save the "
     "sheet as .xlsx or CSV"),
    ("people.ods", _ods(),
     "this is an OpenDocument spreadsheet (.ods), not CSV: save the sheet as .xlsx or CSV "
     "(LibreOffice: File > Save As)"),
    ("people.csv", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n",
     "this is a PDF document, not CSV: export the table from the HR system as CSV or .xlsx"),
    ("people.xls", b"\xef\xbb\xbf\r\n<!DOCTYPE HTML>\n<html><table><tr><td>id</td></tr></table>",
     "this is an HTML page (some systems save a table as HTML named .xls), not CSV: open it "
     "in a spreadsheet and save it as CSV or .xlsx"),
    ("people.xml", b'<?xml version="1.0"?>\n<?mso-application progid="Excel.Sheet"?>\n'
                   b'<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet">',
     "this is an Excel 2003 XML spreadsheet, not CSV: save it as .xlsx or CSV"),
])
def test_a_file_of_another_format_says_what_it_is(tmp_path: Path, name: str, data: bytes,
                                                  message: str) -> None:
    # (an .xls or an HTML "xls" said "the file has a header but no rows: nothing to import",
    # an .ods "name it .xlsx", which does not make it one)
    path = tmp_path / name
    path.write_bytes(data)
    out = tmp_path / "org.yaml"
    result = CliRunner().invoke(main, ["import", str(path), "-o", str(out)])
    assert result.exit_code == 1
    assert result.output == f"{path}:1:1: error [csv] {message}\n"
    assert not out.exists()


def test_values_in_messages_are_shown_as_written(tmp_path: Path) -> None:
    # (they were shown as Python writes them: manager '\\N7' for a cell holding \N7;
    # "O'Neil" in double quotes; a tab as \t)
    path = tmp_path / "p.csv"
    path.write_text('id,name,manager\n1,Ada,\\N7\n2,Bob,C:\\temp\n3,Cy,O\'Neil\n'
                    '4,Di,"a""b\tc"\n', encoding="utf-8")
    result = CliRunner().invoke(main, ["import", str(path), "-q"])
    assert result.exit_code == 1
    assert result.output.splitlines() == [
        f"{path}:2:3: error [unknown-manager] manager '\\N7' not found",
        f"{path}:3:3: error [unknown-manager] manager 'C:\\temp' not found",
        f"{path}:4:3: error [unknown-manager] manager 'O'Neil' not found",
        f"{path}:5:3: error [unknown-manager] manager 'a\"b c' not found"]


def test_a_sql_null_as_manager_marks_a_top(tmp_path: Path) -> None:
    # (a MySQL or PostgreSQL text dump writes NULL as \N: "manager '\N' not found")
    path = tmp_path / "p.csv"
    path.write_text("id,name,manager\n1,Ada,\\N\n2,Bob,1\n3,Cy,(null)\n4,Di,(none)\n",
                    encoding="utf-8")
    result = import_csv(path, ImportOptions(allow_forest=True))
    assert [p for p in result.problems if p.level != "info"] == []
    assert [(p.id, p.reports_to) for p in result.org.people] == [
        ("1", None), ("2", "1"), ("3", None), ("4", None)]
    # ... unless it is someone's id.
    path.write_text("id,name,manager\n\\N,Ada,\n2,Bob,\\N\n", encoding="utf-8")
    assert import_csv(path).org.by_id["2"].reports_to == "\\N"


def test_an_option_that_takes_the_manager_column_says_so(tmp_path: Path) -> None:
    # (said "no manager column found (looked for ReportsTo, ...)" of a file with a column
    # 'Manager': --id had taken it)
    path = tmp_path / "p.csv"
    path.write_text("Name,Manager\nAda,\nBob,Ada\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["import", str(path), "--id", "Manager"])
    assert result.exit_code == 2
    assert result.output == (f"orgviz: {path}: no manager column: --id 'Manager' takes the "
                             "column found for the manager; give the manager column "
                             "(--manager COLUMN) too\n")


@pytest.mark.parametrize("header", ["Name,Manager", "id,name,manager"])
def test_a_manager_written_in_another_unicode_form_is_found(tmp_path: Path,
                                                           header: str) -> None:
    # (an é written as e + a combining accent said "manager 'José Ñúñez' not found" of a
    # manager whose name, or id, reads exactly the same)
    import unicodedata

    composed = "José Ñúñez"
    decomposed = unicodedata.normalize("NFD", composed)
    assert decomposed != composed
    path = tmp_path / "p.csv"
    rows = ([f"{composed},", f"Bob,{decomposed}"] if header == "Name,Manager" else
            [f"{composed},Ada,", f"b,Bob,{decomposed}"])
    path.write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")
    result = import_csv(path)
    assert result.errors == 0
    org = write_and_load(result, tmp_path)
    top = org.people[0].id
    assert [(p.name, p.reports_to) for p in org.people][1] == ("Bob", top)


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_byte_order_mark_is_read_as_utf16(tmp_path: Path, codec: str) -> None:
    # (read as UTF-8 with its NULs removed: "31 NUL bytes removed: is this a CSV file?", and
    # a Hebrew name became 'éÜÕÝ')
    path = tmp_path / "p.csv"
    path.write_bytes("id\tname\tmanager\n1\tAda\t\n2\tשלום Ünal\t1\n".encode(codec))
    result = import_csv(path)
    assert [p for p in result.problems if p.level != "info"] == []
    assert [p.name for p in result.org.people] == ["Ada", "שלום Ünal"]
    assert f"(2 rows, {codec})" in result.text.splitlines()[1]
    # A file that only starts with a NUL is no UTF-16: read as before, the NULs reported.
    path.write_bytes(b"\0\0id,name,manager\n1,Ada,\n")
    assert [p.rule for p in import_csv(path).problems if p.level == "warning"] == ["csv"]


def test_quiet_strict_prints_the_rule_errors_that_fail_it(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # (-q --strict exited 1 and printed nothing: -q left out the rules' findings, which only
    # -v lists, and the summary line that counts them)
    out = tmp_path / "f.yaml"
    path = FIXTURES / "parentid_forest.csv"
    result = CliRunner().invoke(main, ["import", str(path), "-q", "--strict", "-o", str(out)])
    assert result.exit_code == 1
    lines = result.output.splitlines()
    # (the rules' root error at row 4 is import's warning there: shown once, as an error)
    assert lines == [f"{path}:4:4: error [root] 2 people have no manager: 'a' (row 2), 'c' "
                     "(row 4); pass --allow-forest to keep separate trees"]
    assert out.exists()  # (written all the same)
    result = CliRunner().invoke(main, ["import", str(path), "-q", "-o", str(out)])
    assert (result.exit_code, result.output) == (0, "")
    # The formats for machines have no summary line either (an annotation names the file
    # relative to the current folder).
    monkeypatch.chdir(FIXTURES)
    result = CliRunner().invoke(main, ["import", str(path), "-f", "github", "--strict", "-o",
                                       str(out)])
    assert result.exit_code == 1
    assert result.output.startswith("::error file=parentid_forest.csv,line=4,col=4,"
                                    "title=orgviz root::")


def test_manager_ids_written_as_decimals_find_whole_number_ids(tmp_path: Path) -> None:
    # (pandas writes a column of ids with an empty cell as floats, 1.0, while the id column
    # keeps 1: every manager was "not found")
    path = tmp_path / "p.csv"
    path.write_text("EmployeeId,Name,ManagerId,Dotted\n1,Ada,,\n2,Bob,1.0,\n3,Cy,2.00,1.0\n"
                    "2.5,Di,1.0,\n4,Ed,2.5,\n5,Fa,7.0,\n", encoding="utf-8")
    result = import_csv(path, ImportOptions(columns={"dotted_to": ["Dotted"]}, keep_going=True))
    assert [(p.line, p.level, p.message) for p in result.problems if p.level != "warning"] == [
        (1, "info", "3 manager references written as decimals ('1.0', '2.00') read as the ids "
                    "of the whole numbers they write"),
        (7, "error", "manager '7.0' not found: imported as a top")]
    assert [(p.id, p.reports_to) for p in result.org.people] == [
        ("1", None), ("2", "1"), ("3", "2"), ("2.5", "1"), ("4", "2.5"), ("5", None)]
    assert result.org.by_id["3"].dotted_to == ("1",)
    assert "read as" not in result.text  # (no comment on every row of such a column)
    # The top marker 0 written as a decimal marks a top too.
    path.write_text("EmployeeId,Name,ManagerId\n1,Ada,0.0\n2,Bob,1.0\n", encoding="utf-8")
    result = import_csv(path)
    assert result.errors == 0
    assert [(p.id, p.reports_to) for p in result.org.people] == [("1", None), ("2", "1")]


def _one_senior_post(folder: Path) -> Path:
    """An organogram's senior posts file with one post, '1A' (Ann, Director, at the top)."""
    senior = folder / "senior.csv"
    senior.write_text("Post Unique Reference,Name,Job Title,Reports to Senior Post\n"
                      "1A,Ann,Director,XX\n", encoding="utf-8")
    return senior


def test_junior_posts_are_no_suggested_managers_and_a_people_file_is_no_junior_file(
        tmp_path: Path) -> None:
    # (a second junior row under a missing post was asked "did you mean '1DD01-j1' (row 2)?",
    # the card import made of the first; a people CSV given to --junior became cards of
    # 'Junior posts', one a second top)
    senior = _one_senior_post(tmp_path)
    junior = tmp_path / "junior.csv"
    junior.write_text("Reporting Senior Post,Grade,Generic Job Title,Number of Posts in FTE\n"
                      "1DD01,EO,Analyst,2\n1DD01,EO,Adviser,1\n", encoding="utf-8")
    result = import_csv(senior, ImportOptions(junior=str(junior)))
    assert [(p.line, p.message) for p in result.problems if p.rule == "unknown-manager"] == [
        (2, "manager '1DD01' not found"), (3, "manager '1DD01' not found")]
    with pytest.raises(OrgvizError) as caught:
        import_csv(senior, ImportOptions(junior=str(senior)))
    assert str(caught.value) == (
        f"{senior}:1:1: a list of people, not grouped junior posts (it has an id column, 'Post "
        "Unique Reference'): --junior takes an organogram's junior posts file ('Reporting "
        "Senior Post', 'Grade', 'Generic Job Title', 'Number of Posts in FTE')")


def test_junior_rows_of_another_width_than_the_header_are_said(tmp_path: Path) -> None:
    # (a short junior row was padded and a long one cut without a word, where the people
    # file's rows say so)
    senior = _one_senior_post(tmp_path)
    junior = tmp_path / "junior.csv"
    junior.write_text("Reporting Senior Post,Grade,Generic Job Title,Number of Posts in FTE\n"
                      "1A,EO,Analyst\n1A,EO,Adviser,1,surplus\n1A,EO,Clerk,2,\n",
                      encoding="utf-8")
    result = import_csv(senior, ImportOptions(junior=str(junior)))
    assert [(p.file, p.line, p.col, p.message) for p in result.problems
            if p.rule == "csv"] == [
        (str(junior), 2, 1, "row has 3 fields, the header has 4: missing fields read as empty"),
        (str(junior), 3, 1, "row has 5 fields, the header has 4: extra fields ignored")]
    assert [(p.title, p.fte) for p in result.org.people if "-j" in p.id] == [
        ("Analyst", None), ("Adviser", 1.0), ("Clerk", 2.0)]


@pytest.mark.parametrize("name", ["out.csv", "Out.XLSX", "people.tsv"])
def test_an_output_named_as_a_table_is_a_usage_error(tmp_path: Path, name: str) -> None:
    # (-o people2.csv wrote the org file's YAML into a file a spreadsheet would open)
    out = tmp_path / name
    result = CliRunner().invoke(main, ["import", str(FIXTURES / "visio.csv"), "-o", str(out)],
                                prog_name="orgviz")
    assert result.exit_code == 2
    stem = str(out)[: -len(out.suffix)]
    assert result.output == (f"orgviz import: -o {out}: import writes an org file (YAML): "
                             f"name it {stem}.yaml (see 'orgviz import --help')\n")
    assert not out.exists()


def test_a_manager_written_as_name_and_id_in_parentheses(tmp_path: Path) -> None:
    # (Workday reports show a worker as 'Ana Ruiz (21002)': every manager was "not found")
    path = tmp_path / "p.csv"
    path.write_text("Employee ID,Worker,Manager\n21001,Logan McNeil,\n"
                    "21002,Ana Ruiz,Logan McNeil (21001)\n21003,Bo Li,\"Ruiz, Ana (21002)\"\n"
                    "21004,Cy Oh,Bob Other (21001)\n21005,Di Ma,Ana Ruiz (99)\n",
                    encoding="utf-8")
    result = import_csv(path, ImportOptions(keep_going=True))
    assert [(p.line, p.level, p.message) for p in result.problems if p.level != "warning"] == [
        (1, "info", "2 manager references written as a name and an id in parentheses "
                    "('Logan McNeil (21001)', 'Ruiz, Ana (21002)') read as that id"),
        # (a name and an id that disagree are no reference to guess from)
        (5, "error", "manager 'Bob Other (21001)' not found: imported as a top; '21001' is "
                     "the id of 'Logan McNeil' (row 2)"),
        (6, "error", "manager 'Ana Ruiz (99)' not found: imported as a top; did you mean "
                     "'Ana Ruiz' (row 3)?")]
    assert [(p.id, p.reports_to) for p in result.org.people][:3] == [
        ("21001", None), ("21002", "21001"), ("21003", "21002")]


def test_role_cells_that_are_no_role_ids_are_titles_or_said_to_be_left_out(
        tmp_path: Path) -> None:
    # (a role column of 'CEO' or 'Senior Engineer' was dropped without a word when the row
    # had a title; such a column is often an access role, 'Manager', which ranks nobody)
    path = tmp_path / "p.csv"
    path.write_text('id,name,manager,role,title\n1,Ada,,CEO,Boss\n2,Bob,1,Manager,VP\n'
                    "3,Cy,1,Senior Engineer,Eng\n4,Di,1,pm;ic,PM\n5,Ed,1,Guru,\n",
                    encoding="utf-8")
    result = import_csv(path)
    assert [(p.id, p.roles, p.title) for p in result.org.people if p.role_source == "explicit"
            ] == [("4", ("pm", "ic"), "PM")]
    assert next(p.message for p in result.problems if "role values" in p.message) == (
        "3 role values that are no role ids ('CEO', 'Manager', 'Senior Engineer') left out: "
        "the title gives the role")
    assert result.org.by_id["5"].title == "Guru"  # (no title: the role cell is the title)


@pytest.mark.parametrize("delimiter", [",", ";"])
def test_title_lines_above_the_header_are_skipped(tmp_path: Path, delimiter: str) -> None:
    # (a report saved with a title and a date above its table said "no id or name column
    # found (looked for EmployeeId, ...)" of a file that has both, on line 4)
    path = tmp_path / "p.csv"
    rows = ["EmployeeId,Name,ManagerId", "1,Ada,", "2,Bob,1", "3,Cy,9"]
    path.write_text("Employee Directory\nGenerated 2024-01-01\n\n"
                    + "\n".join(r.replace(",", delimiter) for r in rows) + "\n",
                    encoding="utf-8")
    result = import_csv(path)
    assert [(p.line, p.col, p.level, p.message) for p in result.problems] == [
        (4, 1, "info", "the header is on line 4: the lines above it are skipped ('Employee "
                       "Directory Generated 2024-01-01' ...)"),
        (7, 3, "error", "manager '9' not found")]
    assert [(p.id, p.reports_to) for p in result.org.people] == [("1", None), ("2", "1"),
                                                                ("3", None)]
    # A first line that is a header without an id or name column stays the header.
    path.write_text("Title,Manager\nCEO,\nId,Name,Manager\n", encoding="utf-8")
    with pytest.raises(OrgvizError, match="no id or name column found"):
        import_csv(path)


@pytest.mark.parametrize("padding", ["", ",,"])
def test_title_lines_of_several_values_above_the_header_are_skipped(tmp_path: Path,
                                                                    padding: str) -> None:
    # (QA: "Headcount report,as of 2024-06-30" above the header, as a sheet saved as CSV has
    # it, padded to the table's width or not, was "no id or name column found")
    path = tmp_path / "p.csv"
    path.write_text(f"Headcount report,as of 2024-06-30{padding}\nid,name,title,manager\n"
                    "1,Ann,CEO,\n2,Bob,Engineer,1\n", encoding="utf-8")
    result = import_csv(path)
    assert [(p.line, p.col, p.level, p.message) for p in result.problems] == [
        (2, 1, "info", "the header is on line 2: the lines above it are skipped ('Headcount "
                       "report as of 2024-06-30' ...)")]
    assert [(p.id, p.name, p.reports_to, p.loc.line) for p in result.org.people] == [
        ("1", "Ann", None, 3), ("2", "Bob", "1", 4)]



@pytest.mark.parametrize("ending", ["csv", "xlsx"])
def test_findings_at_the_header_point_at_its_line_below_title_lines(tmp_path: Path,
                                                                    ending: str) -> None:
    # (they said line 1, the title line, of a header on line 3)
    rows = [["Employee Directory"], [], ["EmployeeId", "Name", "Title", "Dept", "NAME",
                                         "ManagerId"],
            ["100", "Ada", "AD_PRES", "10", "A", ""], ["101", "Bob", "IT_PROG", "20", "B", "100"]]
    path = table_file(tmp_path, ending, rows)
    problems = [(p.line, p.col, p.message[:40]) for p in import_csv(path).problems
                if p.rule == "columns"]
    assert problems == [(3, 3, "the title column 'Title' holds job codes"),
                        (3, 4, "the team column 'Dept' holds numbers onl"),
                        (3, 5, "column 5 repeats the header 'NAME' of co")]

def test_a_manager_named_first_last_finds_a_name_written_last_first(tmp_path: Path) -> None:
    # (names written "Obi, Ada" and a manager cell "Ada Obi": "manager 'Ada Obi' not found";
    # the other way round was found)
    path = tmp_path / "p.csv"
    path.write_text('Name,Supervisor\n"Obi, Ada",\n"Day, Bob",Ada Obi\n"Li, Cy",ada  OBI\n'
                    '"Ma, Di",Cy Li\n"Li, Cy",Ada Obi\n', encoding="utf-8")
    result = import_csv(path, ImportOptions(keep_going=True))
    assert [(p.line, p.message) for p in result.problems if p.level == "error"] == [
        (5, "manager 'Cy Li' matches 2 people by name (rows 4, 6): add an id column and give "
            "managers by id: imported as a top")]
    assert [(p.name, p.reports_to) for p in result.org.people] == [
        ("Obi, Ada", None), ("Day, Bob", "obi-ada"), ("Li, Cy", "obi-ada"),
        ("Li, Cy", "obi-ada"), ("Ma, Di", None)]
    assert ("# p.csv:3: manager 'Ada Obi' matched by name (written last name first in the "
            "name column)") in result.text


def test_an_empty_manager_id_takes_the_manager_name_beside_it(tmp_path: Path) -> None:
    # (a row with no Manager ID but a Manager Name became a top, the names not imported)
    path = tmp_path / "p.csv"
    path.write_text("EmployeeId,Name,ManagerId,Manager Name\n1,Ada,,\n2,Bob,1,Ada\n"
                    "3,Cy,,Bob\n4,Di,9,Bob\n5,Ed,,Bobby\n", encoding="utf-8")
    result = import_csv(path, ImportOptions(keep_going=True))
    assert [(p.line, p.col, p.message) for p in result.problems if p.level == "error"] == [
        (5, 3, "manager '9' not found: imported as a top"),  # (the id cell is not empty)
        (6, 4, "manager 'Bobby' not found: imported as a top; did you mean 'Bob' (row 3)?")]
    assert [(p.id, p.reports_to) for p in result.org.people if p.id in "123"] == [
        ("1", None), ("2", "1"), ("3", "2")]
    assert "manager_name = 'Manager Name'" in result.text
    # --manager names the one column to read.
    result = import_csv(path, ImportOptions(columns={"manager": ["ManagerId"]},
                                            keep_going=True))
    assert result.org.by_id["3"].reports_to is None


def test_the_columns_not_imported_are_listed_up_to_fifty(tmp_path: Path) -> None:
    # (a file of 5,000 columns wrote a comment line of them all, 35,000 characters)
    path = tmp_path / "p.csv"
    extra = [f"c{i}" for i in range(60)]
    path.write_text(",".join(["id", "name", "manager", *extra]) + "\n1,Ada,"
                    + "," * len(extra) + "\n", encoding="utf-8")
    text = import_csv(path).text
    assert f"# Not imported: {', '.join(extra[:50])} and 10 more\n" in text


@pytest.mark.parametrize("with_teams_file", [False, True])
def test_a_team_cell_that_says_no_team_is_none(tmp_path: Path, with_teams_file: bool) -> None:
    # (a department '-' or 'N/A' became a team of that name, its members grouped in it)
    path = tmp_path / "p.csv"
    path.write_text("id,name,manager,Department\n1,Ada,,10\n2,Bob,1,-\n3,Cy,1,N/A\n"
                    "4,Di,1,\\N\n5,Ed,1,10\n", encoding="utf-8")
    options = ImportOptions()
    if with_teams_file:
        teams = tmp_path / "departments.csv"
        teams.write_text("department_id,department_name\n10,Exec\n", encoding="utf-8")
        options = ImportOptions(teams=str(teams))
    result = import_csv(path, options)
    assert [p for p in result.problems if p.level != "info"] == []
    assert [p.team for p in result.org.people] == ["exec" if with_teams_file else "10", None,
                                                   None, None, result.org.people[0].team]
    assert len(result.org.teams) == 1


@pytest.mark.parametrize("written", ["\\t", "tab", "TAB", "\t"])
def test_a_tab_delimiter_may_be_written_as_a_word(tmp_path: Path, written: str) -> None:
    # (`--delimiter '\t'` and `--delimiter tab` were refused by a message that names "tab"
    # among the delimiters, and showed '\\t')
    path = tmp_path / "p.tsv"
    path.write_text("id\tname\tmanager\n1\tAda\t\n2\tBob\t1\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["import", str(path), "--delimiter", written])
    assert result.exit_code == 0, result.output
    assert "{id: \"2\", name: Bob, reports_to: \"1\"}" in result.output
    result = CliRunner().invoke(main, ["import", str(path), "--delimiter", "ab"])
    assert result.exit_code == 2
    assert result.output.endswith("(such as , ; | or tab), not 'ab'\n")


def test_an_end_date_that_means_no_end_is_no_history_row(tmp_path: Path) -> None:
    # (SAP writes 9999-12-31 on current records: every row was a history row, not imported)
    path = tmp_path / "p.csv"
    path.write_text("EmployeeId,Name,ManagerId,EndDate\n1,Ada,,9999-12-31\n2,Bob,1,31.12.9999\n"
                    "3,Cy,1,2001-01-01\n4,Di,1,\n", encoding="utf-8")
    result = import_csv(path)
    assert [(p.line, p.message) for p in result.problems] == [
        (4, "history row of 'Cy' (EndDate 2001-01-01) not imported")]
    assert [p.id for p in result.org.people] == ["1", "2", "4"]


def test_a_current_flag_column_of_words_marks_history_rows(tmp_path: Path) -> None:
    # (an Active column of Active / Inactive imported the inactive people as current: only
    # 0, false, no and n were read as not current)
    path = tmp_path / "p.csv"
    path.write_text("EmployeeId,Name,ManagerId,Active\n1,Ada,,Active\n2,Bob,1,Inactive\n"
                    "3,Cy,1,Terminated\n4,Di,1,Y\n5,Ed,1,N\n6,Fa,1,T\n7,Gi,1,F\n",
                    encoding="utf-8")
    result = import_csv(path)
    assert [(p.line, p.message) for p in result.problems] == [
        (3, "history row of 'Bob' (Active 'Inactive') not imported"),
        (4, "history row of 'Cy' (Active 'Terminated') not imported"),
        (6, "history row of 'Ed' (Active 'N') not imported"),
        (8, "history row of 'Gi' (Active 'F') not imported")]
    assert [p.id for p in result.org.people] == ["1", "4", "6"]  # (T: true, not terminated)


def test_a_status_with_a_reason_after_its_word_is_read_by_its_word(tmp_path: Path) -> None:
    # ('Terminated - Voluntary' and 'Terminated (Involuntary)' were imported as current)
    path = tmp_path / "p.csv"
    path.write_text("EmployeeId,Name,ManagerId,Status,EndDate\n1,Ada,,Active,\n"
                    "2,Bob,1,Terminated - Voluntary,\n3,Cy,1,Terminated (Involuntary),\n"
                    "4,Di,1,Active - Leave of absence,2030-01-01\n5,Ed,1,Inbound transfer,\n"
                    "6,Fa,1,I-9 pending,\n",
                    encoding="utf-8")
    result = import_csv(path)
    assert [(p.line, p.message) for p in result.problems] == [
        (3, "history row of 'Bob' (status 'Terminated - Voluntary') not imported"),
        (4, "history row of 'Cy' (status 'Terminated (Involuntary)') not imported")]
    assert [p.id for p in result.org.people] == ["1", "4", "5", "6"]


def test_a_dotted_line_manager_written_last_name_first_is_one_person(tmp_path: Path) -> None:
    # (the cell 'Day, Bob' was split at its comma: "dotted-line manager 'Day' not found",
    # "... 'Bob' not found")
    path = tmp_path / "p.csv"
    path.write_text('id,Name,Manager,Matrix Manager\n1,"Obi, Ada",,\n2,"Day, Bob",1,\n'
                    '3,"Li, Cy",1,"Day, Bob"\n4,Di,1,"1,2"\n5,Ed,1,1;2\n6,Fa,1,"2, Nobody"\n',
                    encoding="utf-8")
    result = import_csv(path)
    assert [(p.line, p.col, p.message) for p in result.problems if p.level == "warning"] == [
        (7, 4, "dotted-line manager 'Nobody' not found: left out")]
    assert [p.dotted_to for p in result.org.people][2:] == [("2",), ("1", "2"), ("1", "2"),
                                                            ("2",)]


@pytest.mark.parametrize(("flag", "value"), [("--id", ""), ("--manager", "  "), ("--name", ""),
                                             ("--title", "\t"), ("--status", "")])
def test_a_column_option_without_a_column_name_is_a_usage_error(tmp_path: Path, flag: str,
                                                                 value: str) -> None:
    # (--id '' was left out as if not given: the columns found by their spellings were read)
    out = tmp_path / "org.yaml"
    result = CliRunner().invoke(main, ["import", str(FIXTURES / "visio.csv"), flag, value,
                                       "-o", str(out)], prog_name="orgviz")
    assert result.exit_code == 2
    assert result.output == (f"orgviz import: {flag} needs a column name (the header's text), "
                             "not a blank one (see 'orgviz import --help')\n")
    assert not out.exists()


@pytest.mark.parametrize("ending", ["csv", "xlsx"])
def test_a_header_of_unknown_names_is_not_passed_over_for_a_row_of_data(tmp_path: Path,
                                                                         ending: str) -> None:
    # (review: 'Nr,Wer,Funktion,Chef,Art' with --id Nr ... was passed over for the data row
    # '2,Bob Lee,Manager,1,Employee', which holds header words: "--id 'Nr': no such column")
    rows = [["Nr", "Wer", "Funktion", "Chef", "Art"], ["1", "Ann Boss", "CEO", "", "Temp"],
            ["2", "Bob Lee", "Manager", "1", "Employee"], ["3", "Cat Ng", "Engineer", "2", "Temp"]]
    path = table_file(tmp_path, ending, rows)
    given = ImportOptions(columns={"id": ["Nr"], "name": ["Wer"], "title": ["Funktion"],
                                   "manager": ["Chef"]})
    result = import_csv(path, given)
    assert [(p.id, p.name, p.reports_to) for p in result.org.people] == [
        ("1", "Ann Boss", None), ("2", "Bob Lee", "1"), ("3", "Cat Ng", "2")]
    assert not [p for p in result.problems if p.rule == "csv"]
    # Without the options the header is still the first line: no row of data is taken for
    # one (it has numbers, and no more values than the line above it).
    with pytest.raises(OrgvizError, match="no id or name column found"):
        import_csv(path)


@pytest.mark.parametrize(("text", "hint"), [
    ("department_id,department_name,manager_id\n1,X,\n",
     "(a list of departments? give it as teams (--teams FILE) with the people CSV)"),
    ("Parent Department,Reporting Senior Post,Grade,Number of Posts in FTE\nX,1,EO,2\n",
     "(grouped junior posts? give them as junior (--junior FILE) to the senior CSV's import)")],
    ids=["departments", "junior-posts"])
def test_a_companion_file_imported_as_people_names_the_option_that_takes_it(
        tmp_path: Path, text: str, hint: str) -> None:
    # (the hints named the flags only, '--teams FILE', '--junior FILE', to import_csv's
    # callers too, whose options are ImportOptions' teams and junior)
    path = tmp_path / "d.csv"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(OrgvizError) as caught:
        import_csv(path)
    assert str(caught.value) == (f"{path}:1:1: no id or name column found (looked for "
                                 f"EmployeeId, employee_id, id, Name ...) {hint}: give the id "
                                 "column (--id COLUMN)")
