"""Full-time equivalents: `fte` read, imported, exported, compared and drawn."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from orgviz.cli import main
from orgviz.diff import diff_orgs, format_text
from orgviz.fte import fte_text, parse_fte, total_fte
from orgviz.io.csvimport import ImportOptions, import_csv
from orgviz.io.export import to_csv, to_graphml, to_json
from orgviz.loader import load

PEOPLE = (
    "EmployeeId,Name,ReportsTo,Title,FTE\n"
    "1,Ann Lee,,CEO,1\n"
    "2,Bo Chan,1,Engineer,0.6\n"
    "3,Cy Diaz,1,Engineer,abc\n"
    "4,Di Ekwe,1,Engineer,\n"
    "5,Ed Fox,1,Engineer,1.0\n"
)

ORG = """\
orgviz: 1
org: {name: Acme, size: small}
people:
  - {id: ceo, name: Ann, title: CEO}
  - {id: eng, name: Bo, title: Engineer, reports_to: ceo, fte: 0.6}
  - {id: posts, name: EO posts, title: Analyst, reports_to: ceo, fte: 12.5}
  - {id: one, name: Cy, title: Designer, reports_to: ceo, fte: 1}
"""


@pytest.mark.parametrize("value", ["1", "0.6", "12.5", ".5", "0", "3.", "100000", "0.000000001"])
def test_fte_text_reads_back(value: str) -> None:
    fte = parse_fte(value)
    assert fte is not None and parse_fte(fte_text(fte)) == fte


@pytest.mark.parametrize("value", ["", "-1", "1e3", "0,6", "nan", "inf", " 2", "1.5.0", "100001",
                                   "0.0000000001", "½", "١"])
def test_texts_that_are_no_fte(value: str) -> None:
    assert parse_fte(value) is None


@given(st.integers(0, 10**14).map(lambda n: n / 10**9))
def test_any_fte_of_nine_decimals_reads_back(value: float) -> None:
    if value <= 100_000:
        text = fte_text(value)
        assert "e" not in text and parse_fte(text) == value


def test_totals_have_no_binary_noise() -> None:
    assert total_fte([0.1, 0.2]) == 0.3
    assert total_fte([]) == 0


def test_import_reads_an_fte_column(tmp_path: Path) -> None:
    csv = tmp_path / "people.csv"
    csv.write_text(PEOPLE, encoding="utf-8")
    result = import_csv(csv)
    assert {p.id: p.fte for p in result.org.people} == {
        "1": None, "2": 0.6, "3": None, "4": None, "5": None}  # (1 is the default: not written)
    assert [(p.line, p.col, p.level, p.message) for p in result.problems
            if p.rule == "csv"] == [
        (4, 5, "warning", "FTE 'abc' is not a number of full-time equivalents such as 1, 0.6 "
                          "or 12.5: left out")]
    assert "# people.csv:4: FTE 'abc' left out: not a number\n" in result.text
    assert '  - {id: "2", name: Bo Chan, title: Engineer, reports_to: "1", fte: 0.6}\n' in \
        result.text
    assert "fte = 'FTE'" in result.text  # (the header comment names the column)
    written = tmp_path / "people.yaml"
    written.write_text(result.text, encoding="utf-8")
    assert [p.fte for p in load(written).people] == [None, 0.6, None, None, None]


def test_export_writes_an_fte_column_only_when_someone_has_one(tmp_path: Path) -> None:
    path = tmp_path / "org.yaml"
    path.write_text(ORG, encoding="utf-8")
    org = load(path)
    lines = to_csv(org).splitlines()
    assert lines[0].endswith(",email,fte")
    assert [line.rsplit(",", 1)[1] for line in lines[1:]] == ["", "0.6", "12.5", "1"]
    plain = tmp_path / "plain.yaml"
    plain.write_text(ORG.replace(", fte: 0.6", "").replace(", fte: 12.5", "")
                     .replace(", fte: 1", ""), encoding="utf-8")
    assert to_csv(load(plain)).splitlines()[0].endswith(",location,email")
    # ... and the exported CSV imports back exactly, the written 1 kept.
    csv = tmp_path / "org.csv"
    csv.write_text(to_csv(org), encoding="utf-8", newline="")
    again = import_csv(csv, ImportOptions(order="csv"))
    assert [p.fte for p in again.org.people] == [None, 0.6, 12.5, 1.0]
    assert [p["fte"] for p in json.loads(to_json(org))["nodes"]] == [None, 0.6, 12.5, 1.0]
    graphml = to_graphml(org).decode("utf-8")
    assert 'attr.name="fte" attr.type="double"' in graphml
    assert graphml.count(">12.5</data>") == 1


def test_diff_reports_an_fte_change_and_no_fte_is_one(tmp_path: Path) -> None:
    old, new = tmp_path / "old.yaml", tmp_path / "new.yaml"
    old.write_text(ORG, encoding="utf-8")
    new.write_text(ORG.replace("fte: 0.6", "fte: 0.8").replace(", fte: 1}", "}"),
                   encoding="utf-8")
    changes = diff_orgs(load(old), load(new))
    assert [(c.kind, c.id, c.field, c.old, c.new) for c in changes] == [
        ("changed", "eng", "fte", 0.6, 0.8)]
    assert "~ other change    eng (Bo): fte 0.6 -> 0.8\n" in format_text(changes, "a", "b")


def test_cards_show_a_position_that_is_not_one_full_time_post(tmp_path: Path) -> None:
    path = tmp_path / "org.yaml"
    path.write_text(ORG, encoding="utf-8")
    out = tmp_path / "org.svg"
    result = CliRunner().invoke(main, ["render", str(path), "-o", str(out)])
    assert result.exit_code == 0, result.output
    svg = out.read_text(encoding="utf-8")
    assert ">Engineer (0.6 FTE)<" in svg and ">Analyst (12.5 FTE)<" in svg
    assert "Designer (1 FTE)" not in svg and ">Designer<" in svg


@pytest.mark.parametrize(("header", "args"), [
    ("Full Time Equivalent", []), ("FTEs", []), ("Hours share", ["--fte", "Hours share"])])
def test_the_fte_column_by_name_or_option(tmp_path: Path, header: str, args: list[str]) -> None:
    csv = tmp_path / "people.csv"
    csv.write_text(f"id,name,manager,{header}\n1,Ann,,\n2,Bo,1,0.5\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["import", str(csv), *args])
    assert result.exit_code == 0, result.output
    assert f"fte = '{header}'" in result.output
    assert '  - {id: "2", name: Bo, reports_to: "1", fte: 0.5}\n' in result.output


def test_deck_notes_name_the_ftes(tmp_path: Path) -> None:
    from orgviz.deck.notes import org_notes, person_text
    from orgviz.stats import compute

    path = tmp_path / "org.yaml"
    path.write_text(ORG, encoding="utf-8")
    org = load(path)
    assert person_text(org.by_id["posts"]) == "EO posts, Analyst (12.5 FTE)"
    assert person_text(org.by_id["one"]) == "Cy, Designer"
    first = org_notes(compute(org)).splitlines()[0]
    assert first == "Acme (small): 4 positions, 4 people, 0 open roles (15.1 FTE filled, 0 open)."


def test_mermaid_labels_show_the_fte(tmp_path: Path) -> None:
    from orgviz.io.export import to_mermaid

    path = tmp_path / "org.yaml"
    path.write_text(ORG, encoding="utf-8")
    text = to_mermaid(load(path))
    assert '["<b>EO posts</b><br/>Analyst (12.5 FTE)"]' in text
    assert '["<b>Cy</b><br/>Designer"]' in text


def test_the_roles_chart_counts_ftes_where_positions_have_them(tmp_path: Path) -> None:
    from orgviz.roles_chart import collapse, org_summary

    path = tmp_path / "org.yaml"
    path.write_text(ORG, encoding="utf-8")
    org = load(path)
    assert org_summary(org, collapse(org)).startswith("small · 15.1 FTE in 4 positions · ")
    plain = tmp_path / "plain.yaml"
    plain.write_text(ORG.replace(", fte: 0.6", "").replace(", fte: 12.5", "")
                     .replace(", fte: 1", ""), encoding="utf-8")
    org = load(plain)
    assert org_summary(org, collapse(org)).startswith("small · 4 people · ")


def test_import_reads_a_decimal_comma_and_a_percentage(tmp_path: Path) -> None:
    # (a semicolon CSV of a European spreadsheet writes 0,5; HR systems often give FTE %:
    # each was "FTE '0,5' is not a number ...: left out")
    path = tmp_path / "people.csv"
    path.write_text("id;name;manager;FTE\n1;Ada;;1\n2;Bob;1;0,5\n3;Cy;1;80%\n4;Di;1;12,5 %\n"
                    "5;Ed;1;100%\n6;Fa;1;1,000\n7;Gi;1;1.000,5\n8;Ha;1;0.6\n", encoding="utf-8")
    result = import_csv(path)
    assert [p.fte for p in result.org.people] == [None, 0.5, 0.8, 0.125, None, None, None, 0.6]
    assert [(p.line, p.col, p.level, p.message) for p in result.problems] == [
        (3, 4, "info", "FTE '0,5' read as 0.5: FTEs with a decimal comma or a percent sign "
                       "(80% is 0.8) are read so"),
        # (1,000 may be one or a thousand: refused, as a number with separators of both kinds)
        (7, 4, "warning", "FTE '1,000' is not a number of full-time equivalents such as 1, 0.6 "
                          "or 12.5: left out"),
        (8, 4, "warning", "FTE '1.000,5' is not a number of full-time equivalents such as 1, "
                          "0.6 or 12.5: left out")]


def _said(result: object) -> list[str]:
    """The problems of an import as `file:line:col: level [rule] message`."""
    return [f"{Path(p.file).name}:{p.line}:{p.col}: {p.level} [{p.rule}] {p.message}"
            for p in result.problems]  # type: ignore[attr-defined]


def test_an_fte_that_rounds_to_0_is_a_warning_at_each_cell(tmp_path: Path) -> None:
    # (0.0000000001 became 0 with a comment, and an info at the first cell only, as a
    # rounding of 0.3333333333333333 is: a post of some FTE became one of none)
    path = tmp_path / "people.csv"
    path.write_text("id,name,manager,FTE\n1,Ann,,0.0000000001\n2,Bob,1,0.00000000049\n"
                    "3,Cy,1,0.3333333333333333\n4,Di,1,0\n5,Ed,1,0.0000000005\n"
                    "6,Fa,1,0.0000000000\n", encoding="utf-8")
    result = import_csv(path)
    assert [p.fte for p in result.org.people] == [0, 0, 0.333333333, 0, 0.000000001, 0]
    rounds = "(org files hold 9 decimals): imported as 0; write the FTE meant"
    assert _said(result) == [
        f"people.csv:2:4: warning [csv] FTE '0.0000000001' rounds to 0 {rounds}",
        f"people.csv:3:4: warning [csv] FTE '0.00000000049' rounds to 0 {rounds}",
        # (the info on rounding is said at the first cell rounded to an FTE that is not 0)
        "people.csv:4:4: info [csv] FTE '0.3333333333333333' read as 0.333333333: FTEs with "
        "more than 9 decimals are rounded to 9, as org files write them"]
    assert ("  # people.csv:2: FTE '0.0000000001' rounded to 0\n"
            '  - {id: "1", name: Ann, fte: 0}\n') in result.text
    assert "  # people.csv:3: FTE '0.00000000049' rounded to 0\n" in result.text
    assert "  # people.csv:7:" not in result.text  # (0 written with ten zeros is 0)
    written = tmp_path / "org.yaml"
    written.write_text(result.text, encoding="utf-8")
    assert [p.fte for p in load(written).people] == [0, 0, 0.333333333, 0, 0.000000001, 0]


def test_a_decimal_comma_or_a_percentage_that_rounds_to_0_is_a_warning(tmp_path: Path
                                                                         ) -> None:
    path = tmp_path / "people.csv"
    path.write_text("id;name;manager;FTE\n1;Ann;;0,0000000001\n2;Bob;1;0.00000001%\n"
                    "3;Cy;1;0,5\n4;Di;1;0%\n", encoding="utf-8")
    result = import_csv(path)
    assert [p.fte for p in result.org.people] == [0, 0, 0.5, 0]
    rounds = "(org files hold 9 decimals): imported as 0; write the FTE meant"
    assert _said(result) == [
        f"people.csv:2:4: warning [csv] FTE '0,0000000001' rounds to 0 {rounds}",
        f"people.csv:3:4: warning [csv] FTE '0.00000001%' rounds to 0 {rounds}",
        "people.csv:4:4: info [csv] FTE '0,5' read as 0.5: FTEs with a decimal comma or a "
        "percent sign (80% is 0.8) are read so"]
    assert "  # people.csv:3: FTE '0.00000001%' rounded to 0\n" in result.text


def test_a_workbook_fte_that_rounds_to_0_and_a_small_one(tmp_path: Path) -> None:
    # (a number cell of 0.00001 was read as '1e-05': "not a number ...: left out")
    from openpyxl import Workbook

    book = Workbook()
    for row in (["id", "name", "manager", "FTE"], ["1", "Ann", "", 1e-10],
                ["2", "Bob", "1", 0.00001], ["3", "Cy", "1", 0.5]):
        book.active.append(row)
    path = tmp_path / "people.xlsx"
    book.save(path)
    result = import_csv(path)
    assert [p.fte for p in result.org.people] == [0, 0.00001, 0.5]
    assert _said(result) == [
        "people.xlsx:2:4: warning [csv] FTE '0.0000000001' rounds to 0 (org files hold 9 "
        "decimals): imported as 0; write the FTE meant"]


def test_a_junior_post_fte_that_rounds_to_0_is_a_warning(tmp_path: Path) -> None:
    senior = tmp_path / "senior.csv"
    senior.write_text("Post Unique Reference,Name,Reports to Senior Post,Job Title\n"
                      "1,Ann,XX,Director\n", encoding="utf-8")
    junior = tmp_path / "junior.csv"
    junior.write_text("Reporting Senior Post,Generic Job Title,Grade,Number of Posts in FTE\n"
                      "1,Analyst,EO,0.0000000001\n1,Clerk,AO,0.0000000001\n",
                      encoding="utf-8")
    result = import_csv(senior, ImportOptions(junior=str(junior)))
    assert [p.fte for p in result.org.people] == [None, 0, 0]
    assert _said(result) == [
        f"junior.csv:{line}:4: warning [csv] FTE '0.0000000001' rounds to 0 (org files hold "
        "9 decimals): imported as 0; write the FTE meant" for line in (2, 3)]
    assert "# junior.csv:3: FTE '0.0000000001' rounded to 0\n" in result.text
