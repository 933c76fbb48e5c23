"""Import's own problems and the rules' findings on the imported org: each mistake once."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest
from click.testing import CliRunner

from orgviz.cli import main
from orgviz.io.csvimport.findings import checked
from orgviz.problem import Problem

HEADER = "id,name,manager\n"
ROOT_RULE = "has no manager, but"  # (root's error on an extra top)


def run(tmp_path: Path, rows: str, *options: str) -> tuple[int, list[str]]:
    """Import `rows` with -v and -k (and `options`): the exit code and the lines printed."""
    path = tmp_path / "people.csv"
    path.write_text(HEADER + rows, encoding="utf-8")
    result = CliRunner().invoke(main, ["import", str(path), "-v", "-k", *options,
                                       "-o", str(tmp_path / "org.yaml")])
    return result.exit_code, [line.replace(f"{path}:", "") for line in result.output.splitlines()]


@pytest.mark.parametrize(("rows", "said", "rules"), [
    # two people without a manager: import's warning, not also root's error at row 4
    ("ceo,Ada,\ncto,Bob,ceo\nx,Cy,\n",
     "4:3: warning [root] 2 people have no manager: 'ceo' (row 2), 'x' (row 4); pass "
     "--allow-forest to keep separate trees", "no other problems"),
    # a reporting cycle broken at row 3: import's error, not also root's there
    ("ceo,Ada,\na,Bob,b\nb,Cy,a\n",
     "3:3: error [cycle] reporting cycle a -> b -> a (rows 3, 4): 'a' imported as a top",
     "no other problems"),
    # a manager not found
    ("ceo,Ada,\na,Bob,zz\n", "3:3: error [unknown-manager] manager 'zz' not found: imported "
                             "as a top", "no other problems"),
    # a job share: import renames the second, the rules see no duplicate
    ("ceo,Ada,\na,Bob,ceo\na,Cy,ceo\n",
     "4:1: error [duplicate-id] duplicate id 'a', first at row 3: imported as 'a-2'",
     "no problems"),
])
def test_a_mistake_import_reports_is_not_reported_again_by_the_rules(
        tmp_path: Path, rows: str, said: str, rules: str) -> None:
    _, lines = run(tmp_path, rows)
    assert lines[:-1] == [said]
    assert lines[-1].split("; ", 1)[1].startswith(f"rules on the imported org: {rules}")


def test_a_self_report_beside_the_top_is_one_finding_naming_both_tops(tmp_path: Path) -> None:
    # (row 3 had import's self-report and several-tops warnings, and root's error)
    _, lines = run(tmp_path, "ceo,Ada,\na,Bob,a\n")
    assert lines[:-1] == ["3:3: warning [root] 2 people have no manager: 'ceo' (row 2), 'a' "
                          "(row 3, reports to itself); pass --allow-forest to keep separate "
                          "trees"]
    assert ROOT_RULE not in lines[-1]


def test_a_self_report_is_its_own_warning_when_it_is_the_only_top(tmp_path: Path) -> None:
    _, lines = run(tmp_path, "ceo,Ada,ceo\na,Bob,ceo\n")
    assert lines[:-1] == ["2:3: warning [self-report] 'ceo' reports to itself: imported as a "
                          "top of the org"]


def test_allowed_trees_keep_the_self_report_warning(tmp_path: Path) -> None:
    _, lines = run(tmp_path, "ceo,Ada,\na,Bob,a\n", "--allow-forest")
    assert lines[:-1] == [
        "3:3: info [root] 2 separate trees: 'ceo' (row 2), 'a' (row 3) (kept: --allow-forest)",
        "3:3: warning [self-report] 'a' reports to itself: imported as a top of the org"]


def test_every_extra_top_import_names_is_left_out_of_the_rules(tmp_path: Path) -> None:
    # (import's warning at row 3 names the three tops; root said 'y' at row 4 again)
    code, lines = run(tmp_path, "ceo,Ada,\nx,Bob,\ny,Cy,\nz,Di,ceo\n")
    assert code == 0
    assert lines[:-1] == ["3:3: warning [root] 3 people have no manager: 'ceo' (row 2), 'x' "
                          "(row 3), 'y' (row 4); pass --allow-forest to keep separate trees"]
    assert lines[-1].endswith(": 1 warning; rules on the imported org: no other problems "
                              "(orgviz render draws an org with errors only with --force)")


def test_strict_fails_on_the_rules_error_import_said_as_a_warning(tmp_path: Path) -> None:
    # (the org file written has two tops: validate fails on it, so --strict fails, and the
    # warning that says it is shown as the error it is)
    code, lines = run(tmp_path, "ceo,Ada,\ncto,Bob,ceo\nx,Cy,\n", "--strict")
    assert code == 1
    assert lines[0] == ("4:3: error [root] 2 people have no manager: 'ceo' (row 2), 'x' (row "
                        "4); pass --allow-forest to keep separate trees")
    assert lines[-1].startswith("imported 3 positions to ")
    assert lines[-1].split(": ", 1)[1].startswith("1 error; rules on the imported org: no other")
    assert (tmp_path / "org.yaml").exists()


def test_allow_forest_keeps_the_trees_without_any_root_finding(tmp_path: Path) -> None:
    code, lines = run(tmp_path, "ceo,Ada,\ncto,Bob,ceo\nx,Cy,\n", "--strict", "--allow-forest")
    assert code == 0
    assert [line for line in lines if "[root]" in line] == [
        "4:3: info [root] 2 separate trees: 'ceo' (row 2), 'x' (row 4) (kept: --allow-forest)"]


def _problem(line: int, level: str, rule: str, message: str = "m") -> Problem:
    return Problem("p.csv", line, 3, level, rule, message)


def test_a_rule_finding_import_did_not_say_is_kept_and_counted() -> None:
    problems = [_problem(3, "error", "unknown-manager")]
    findings = [_problem(3, "error", "root"), _problem(3, "warning", "same-rank"),
                _problem(4, "error", "root")]
    said = checked(problems, findings, strict=False)
    # (root at row 3 is the unknown manager's top; root at row 4 and same-rank are news)
    assert said.findings == findings[1:]
    assert (said.problems, said.rule_errors, said.repeated) == (problems, True, 1)


def test_strict_raises_only_the_import_warning_that_says_a_rules_error() -> None:
    problems = [_problem(2, "warning", "csv"), _problem(4, "warning", "root")]
    findings = [_problem(4, "error", "root"), _problem(5, "error", "root")]
    said = checked(problems, findings, strict=True)
    assert said.findings == []
    assert [p.level for p in said.problems] == ["warning", "error"]
    assert [p.level for p in checked(problems, findings, strict=False).problems] == [
        "warning", "warning"]


def test_an_eliminated_post_kept_open_is_not_also_a_vacant_manager(tmp_path: Path) -> None:
    # (vacant-manager said at row 3 again that posts report to an open role)
    path = tmp_path / "organogram.csv"
    path.write_text("Post Unique Reference,Name,Job Title,Reports to Senior Post\n"
                    "1PS,Ada King,Permanent Secretary,XX\n2DG,Eliminated,Director General,1PS\n"
                    "3D,Bob Day,Engineer,2DG\n4D,Cy Lee,Engineer,2DG\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["import", str(path), "-v", "-o", str(tmp_path / "o.yaml")])
    assert result.exit_code == 0
    assert [line for line in result.output.splitlines() if ":3:" in line] == [
        f"{path}:3:2: warning [eliminated-post] post '2DG' is marked eliminated, but 2 posts "
        "report to it: imported as an open position; point its reports at the post that took "
        "over its work"]


def test_the_size_import_guessed_is_not_called_assumed(tmp_path: Path) -> None:
    # (profile-fit said "an enterprise org (the size assumed when none is declared)": the org
    # file import writes declares the size it guessed from the number of positions)
    from orgviz.io.csvimport import import_csv
    from orgviz.validate import validate

    path = tmp_path / "people.csv"
    path.write_text(HEADER + "p0,Ada,\n" + "".join(f"p{i},N{i},p0\n" for i in range(1, 600)),
                    encoding="utf-8")
    result = import_csv(path)
    assert "  size: enterprise  # guessed from 600 positions" in result.text
    fit = [p for p in validate(result.org) if p.rule == "profile-fit"]
    assert [(p.line, p.col, p.message) for p in fit] == [
        (1, 1, "an enterprise org has a CPO or a VP of Product, but this one has neither: give "
               "its product leader role: cpo or role: vp-product, or import it with --size "
               "mid-size")]  # (an import's size is an option: declare size was for a file)


def test_profile_fit_on_an_import_says_which_size_to_import_with(tmp_path: Path) -> None:
    path = tmp_path / "people.csv"
    path.write_text(HEADER + "p0,Ada,\np1,Bo,p0\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["import", "-v", "-", "--size", "mid-size", "-o",
                                       str(tmp_path / "org.yaml")], input=path.read_text())
    assert ("<stdin>:1:1: warning [profile-fit] a mid-size org has 30 to 600 positions, but "
            "this one has 2: import it with --size small, or adjust the profile-fit option "
            "mid-size-min-people") in result.output


def test_a_dotted_line_to_oneself_is_said_so_not_not_found(tmp_path: Path) -> None:
    # (it said "dotted-line manager 'b' not found" of the row's own id)
    path = tmp_path / "people.csv"
    path.write_text("id,name,manager,dotted_to\nceo,Ada,,\nb,Cy Lee,ceo,Cy Lee\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["import", str(path), "-v", "-o", str(tmp_path / "o.yaml")])
    assert result.output.splitlines()[:-1] == [
        f"{path}:3:4: warning [self-report] 'b' has a dotted line to itself ('Cy Lee'): left out"]
    # (and a comment on the row says what was left out, as where other data is dropped)
    assert "  # people.csv:3: 'b' has a dotted line to itself ('Cy Lee'): left out\n" in \
        (tmp_path / "o.yaml").read_text(encoding="utf-8")



@pytest.mark.parametrize("reference", ["Ada Lovelace", "ADA@x.com", "1.0", "Lovelace, Ada"])
def test_a_manager_naming_the_row_itself_is_a_self_report_not_a_cycle(
        tmp_path: Path, reference: str) -> None:
    # (a reference to the row's own id was a self-report warning, but its own name, email,
    # or id written as a decimal was an error "reporting cycle 1 -> 1 (row 2)")
    path = tmp_path / "people.csv"
    path.write_text(f'id,name,email,manager\n1,Ada Lovelace,ada@x.com,"{reference}"\n'
                    "2,Bob,b@x.com,1\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["import", str(path), "-v", "-o", str(tmp_path / "o.yaml")])
    assert result.exit_code == 0
    assert result.output.splitlines()[:-1] == [
        f"{path}:2:4: warning [self-report] '1' reports to itself ('{reference}'): imported as "
        "a top of the org"]
    assert (f"  # people.csv:2: reports to itself in the CSV ('{reference}'): imported as a "
            "top\n") in (tmp_path / "o.yaml").read_text(encoding="utf-8")


def test_an_organogram_post_reporting_to_itself_is_a_self_report(tmp_path: Path) -> None:
    path = tmp_path / "organogram.csv"
    path.write_text('"Post Unique Reference","Name","Grade (or equivalent)","Job Title",'
                    '"Unit","Reports to Senior Post"\n"4PS01","Jane Perm","SCS4",'
                    '"Permanent Secretary","Office","XX"\n"3DG01","Ann Bo","SCS3",'
                    '"Director General","Office","3DG01"\n', encoding="utf-8")
    code, lines = run_file(tmp_path, path)
    assert code == 0
    assert lines[:-1] == ["3:6: warning [root] 2 people have no manager: '4PS01' (row 2), "
                          "'3DG01' (row 3, reports to itself); pass --allow-forest to keep "
                          "separate trees"]


def test_a_self_report_by_name_beside_the_top_quotes_the_name(tmp_path: Path) -> None:
    # (the several-tops warning that takes in the self-report said "reports to itself" and
    # dropped the reference the row wrote, which its own self-report warning quoted)
    path = tmp_path / "people.csv"
    path.write_text("id,name,manager\nceo,Ada,\na,Bob Li,Bob Li\nb,Cy,a\n", encoding="utf-8")
    code, lines = run_file(tmp_path, path)
    assert code == 0
    assert lines[:-1] == ["3:3: warning [root] 2 people have no manager: 'ceo' (row 2), 'a' "
                          "(row 3, reports to itself ('Bob Li')); pass --allow-forest to keep "
                          "separate trees"]


def run_file(tmp_path: Path, path: Path) -> tuple[int, list[str]]:
    """Import the file at `path` with -v: the exit code and the lines printed."""
    result = CliRunner().invoke(main, ["import", str(path), "-v",
                                       "-o", str(tmp_path / "org.yaml")])
    return result.exit_code, [line.replace(f"{path}:", "") for line in result.output.splitlines()]

TITLED = "id,name,title,manager\n"
NO_ROLE = ("1:3: warning [no-role] 2 distinct titles match no role of the ladder ('Chief "
           "Happiness Wizard', 'Rocket Surgeon'): add `roles:` with `titles:` to the org file, "
           "or a role column")


@pytest.mark.parametrize("options", [(), ("-v",), ("--strict",), ("-v", "--strict")])
def test_titles_without_a_role_are_import_s_one_warning_not_also_each_row_s(
        tmp_path: Path, options: tuple[str, ...]) -> None:
    # (import's info at the header named the titles, and unknown-title warned again at rows
    # 3, 4 and 5, counted among the rules' findings; a warning fails no --strict run)
    path = tmp_path / "people.csv"
    path.write_text(TITLED + "1,Ann,CEO,\n2,Bob,Chief Happiness Wizard,1\n"
                    "3,Cy,Chief Happiness Wizard,1\n4,Di,Rocket Surgeon,2\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["import", str(path), *options,
                                       "-o", str(tmp_path / "org.yaml")])
    lines = [line.replace(f"{path}:", "") for line in result.output.splitlines()]
    assert result.exit_code == 0
    assert not [line for line in lines if "unknown-title" in line]
    assert lines[0] == NO_ROLE
    # (the rules' one other finding: Bob's single report, listed with -v)
    assert lines[-1].split(": ", 1)[1].startswith(
        "1 warning; rules on the imported org: 1 warning")
    assert len(lines) == (3 if "-v" in options else 2)


def test_the_rule_speaks_of_titles_import_does_not_name(tmp_path: Path) -> None:
    # The export's layout takes the org's own roles: import names no title, and unknown-title
    # warns at each row holding one.
    path = tmp_path / "org.csv"
    path.write_text("id,name,title,role,reports_to,dotted_to,team,team_name,vacant,"
                    "assistant,location,email\nceo,Ann,CEO,,,,,,,,,\nb,Bo,Wizard,,ceo,,,,,,,\n",
                    encoding="utf-8")
    result = CliRunner().invoke(main, ["import", str(path), "-v", "-o", str(tmp_path / "o.yaml")])
    assert result.output.splitlines()[:-1] == [
        f"{path}:3:3: warning [unknown-title] the title 'Wizard' of 'b' matches no role: "
        "add 'role:' to the person (e.g. role: pm), or a 'roles:' entry with titles: "
        "['Wizard']"]


def test_a_tally_says_the_rule_s_findings_at_its_rows_only() -> None:
    from orgviz.io.csvimport.findings import Tally

    tally = Problem("p.csv", 1, 1, "warning", "no-role", "titles")
    problems = [tally, _problem(4, "warning", "root")]
    findings = [_problem(3, "warning", "unknown-title"), _problem(5, "warning", "unknown-title"),
                _problem(3, "warning", "single-report")]
    said = checked(problems, findings, strict=True,
                   tallies=[Tally(tally, "unknown-title", frozenset({("p.csv", 3)}))])
    # (row 5's title is none the tally names; the other rule at row 3 is news)
    assert said.findings == findings[1:]
    assert (said.problems, said.rule_errors, said.repeated) == (problems, False, 1)


def test_a_tally_whose_problem_is_not_given_says_nothing() -> None:
    # (a ValueError, a traceback, when a caller's problems no longer held the tally's)
    from orgviz.io.csvimport.findings import Tally

    tally = Problem("p.csv", 1, 1, "warning", "no-role", "titles")
    findings = [_problem(3, "warning", "unknown-title")]
    said = checked([_problem(4, "warning", "root")], findings, strict=False,
                   tallies=[Tally(tally, "unknown-title", frozenset({("p.csv", 3)}))])
    assert (said.findings, said.repeated) == (findings, 0)


@pytest.mark.parametrize("above", ["", "Staff list\n", "Staff list\n2026-01-31\n\n"],
                         ids=["header-first", "one-title-line", "title-lines-and-a-blank"])
def test_the_no_role_tally_is_at_the_title_column_s_header_cell(
        tmp_path: Path, above: str) -> None:
    # (it was at 1:1, a title line when the header stands below some)
    path = tmp_path / "people.csv"
    path.write_text(above + "id,name,manager,title\n1,Ann,,CEO\n2,Bob,1,Rocket Surgeon\n",
                    encoding="utf-8")
    from orgviz.io.csvimport import import_csv

    result = import_csv(path)
    line = 1 + above.count("\n")
    (tally,) = [p for p in result.problems if p.rule == "no-role"]
    assert tuple(tally)[1:] == (
        line, 4, "warning", "no-role", "1 distinct title matches no role of the ladder "
        "('Rocket Surgeon'): add `roles:` with `titles:` to the org file, or a role column")
    assert result.tallies()[0].problem is tally


def test_each_tally_of_one_column_s_values_is_at_that_column_s_header_cell(
        tmp_path: Path) -> None:
    # (every tally was at 1:1; control characters, found in any column, still are)
    path = tmp_path / "people.csv"
    path.write_text("Org chart\nrole,manager,id,name,title\nManager,,1,Ann,CEO\n"
                    "Manager,Ann,2,Vacant,VP Sales\n,Ann,3,N/D,Eng\x07ineer\n"
                    ",1.0,4,Di,Engineer\n", encoding="utf-8")
    from orgviz.io.csvimport import ImportOptions, import_csv

    result = import_csv(path, ImportOptions(keep_going=True))
    assert [(p.line, p.col, p.rule, p.message) for p in result.problems
            if p.rule != "csv" or "control" in p.message] == [
        (1, 1, "csv", f"control characters removed in 1 value ('{path}:5')"),
        (2, 1, "no-role", "2 role values that are no role ids ('Manager') left out: the "
                          "title gives the role"),
        (2, 2, "manager-by-name", "1 manager reference written as a decimal ('1.0') read as "
                                  "the id of the whole number it writes"),
        (2, 2, "manager-by-name", "2 manager references matched by name or email ('Ann')"),
        (2, 4, "placeholder-name", "1 name not disclosed ('N/D'): imported as a filled post "
                                   "named 'Name not disclosed'"),
        (2, 4, "placeholder-name", "1 placeholder name imported as a vacancy ('Vacant')")]


def test_managers_matched_by_name_from_the_names_beside_the_ids_are_at_that_column(
        tmp_path: Path) -> None:
    # (at the manager id column's header cell, 1:3, though the names were in column 4)
    path = tmp_path / "people.csv"
    path.write_text("id,name,manager_id,manager_name,title\n1,Ann,,,CEO\n2,Bob,,Ann,VP\n"
                    "3,Cy,1,,VP\n", encoding="utf-8")
    from orgviz.io.csvimport import import_csv

    result = import_csv(path)
    assert [(p.line, p.col, p.rule) for p in result.problems] == [(1, 4, "manager-by-name")]


def test_placeholder_names_of_rows_set_aside_are_not_said_imported(tmp_path: Path) -> None:
    # (the history rows' empty name, 'Vacant' and 'N/D', and a future-dated row's 'TBH' were
    # counted: "5 placeholder names imported as vacancies" and "1 name not disclosed", at the
    # name column's header cell, while the org file held two vacancies)
    from orgviz.io.csvimport import ImportOptions, import_csv

    path = tmp_path / "hist.csv"
    path.write_text("EmployeeId,Name,Title,ReportsTo,Status,EffectiveEndDate\n"
                    "1,Ann,CEO,,Active,4712-12-31\n2,,CTO,1,Terminated,4712-12-31\n"
                    "3,Vacant,VP,1,Terminated,4712-12-31\n4,N/D,VP,1,Terminated,4712-12-31\n"
                    "5,Cy,VP,1,Active,2030-01-31\n5,TBH,VP,1,Active,4712-12-31\n"
                    "6,Open position,Engineer,1,Active,4712-12-31\n7,,Engineer,1,Active,"
                    "4712-12-31\n", encoding="utf-8")
    result = import_csv(path, ImportOptions(reference_date=datetime.date(2025, 1, 1)))
    assert [p.id for p in result.org.people if p.vacant] == ["6", "7"]
    assert [(p.line, p.col, p.message) for p in result.problems
            if p.rule == "placeholder-name"] == [
        (1, 2, "2 placeholder names imported as vacancies ('Open position', '(empty)')")]
    assert result.text.splitlines()[1].endswith("(8 rows, utf-8): 4 positions, 2 open.")


def test_placeholder_names_only_of_rows_set_aside_say_nothing(tmp_path: Path) -> None:
    # (the QA sweep's file: "2 placeholder names imported as vacancies ('(empty)', 'Vacant')"
    # at 1:2, its header saying "0 open")
    result = CliRunner().invoke(main, [
        "import", "-", "-o", str(tmp_path / "hist.yaml")], input=(
        "EmployeeId,Name,Title,ReportsTo,Status\n1,Ann,CEO,,Active\n2,,CTO,1,Terminated\n"
        "3,Vacant,VP,1,Terminated\n4,Cy,VP,1,Active\n"))
    assert result.exit_code == 0, result.output
    assert "placeholder-name" not in result.output
    assert result.output.splitlines()[-1] == (
        f"imported 2 positions to {tmp_path}/hist.yaml: 2 warnings; rules on the imported "
        "org: no problems")
