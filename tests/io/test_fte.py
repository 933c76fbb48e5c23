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
from orgviz.stats import compute as compute_stats

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


def test_totals_keep_the_nine_decimals_of_org_files() -> None:
    """Totals were rounded to 6 decimals (0.633333 for 0.1 + 0.2 + 0.333333333) where org
    files, exports and cards keep 9."""
    assert total_fte([0.1, 0.2, 0.333333333]) == 0.633333333
    assert total_fte([0.000000001] * 3) == 0.000000003
    assert total_fte([12.5, 0.1, 0.2]) == 12.8


def test_stats_give_an_fte_total_to_nine_decimals(tmp_path: Path) -> None:
    org_file = tmp_path / "o.yaml"
    org_file.write_text(
        "orgviz: 1\norg: {name: O, size: small}\npeople:\n"
        "  - {id: a, name: A, title: CEO, fte: 0.1}\n"
        "  - {id: b, name: B, title: CTO, reports_to: a, fte: 0.2}\n"
        "  - {id: c, name: C, title: Engineer, reports_to: b, fte: 0.333333333}\n",
        encoding="utf-8")
    stats = compute_stats(load(org_file))
    assert stats["headcount"]["fte"] == 0.633333333


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


# -- FTEs in exponent form (Excel's General format, a float's repr) ----------------------

@pytest.mark.parametrize(("text", "read"), [
    ("5E-01", (0.5, False)), ("1e0", (1.0, False)), ("2.5E+00", (2.5, False)),
    (".5e1", (5.0, False)), ("5.E-1", (0.5, False)), ("1E+05", (100000.0, False)),
    ("1.23456789E-01", (0.123456789, False)), ("0E-5", (0.0, False)),
    ("1E-10", (0.0, True)), ("5E-10", (0.000000001, True)), ("1E-99999999", (0.0, True)),
    ("3.3333333333333335E-01", (0.333333333, True)),
    ("1.00001E+05", None), ("1E99999999", None), ("-5E-01", None), ("inf", None),
    ("nan", None), ("1E", None), ("E5", None), ("1_0E0", None), ("1e1_0", None),
    ("0x1p0", None), ("1E 5", None), ("١E0", None),
    # (an exponent of more than 8 digits, not read: below 1E-10 or over 100,000)
    ("1E-999999999", (0.0, True)), ("1E-99999999999", (0.0, True)), ("1E99999999999", None),
    ("2.5e+123456789012345678901234567890", None), ("0.0E-99999999999", (0.0, False)),
    ("-1E-99999999999", None), ("1E-000000001", (0.1, False)),
    ("1E+000000000005", (100000.0, False))])
def test_exponent_forms_are_read_as_their_numbers(text: str,
                                                  read: tuple[float, bool] | None) -> None:
    from orgviz.fte import exponent_fte

    assert exponent_fte(text) == read
    assert parse_fte(text) is None  # (the common reader is unchanged: decimals alone)


@pytest.mark.parametrize(("text", "fault"), [
    ("-5E-01", "is out of range (0 to 100,000)"), ("1E+06", "is out of range (0 to 100,000)"),
    ("-1E-400", "is out of range (0 to 100,000)"),  # (below 0, however little: as -0.0...1)
    ("1E99999", "is out of range (0 to 100,000)"), ("-0E0", "is not a number of full-time "
                                                    "equivalents such as 1, 0.6 or 12.5"),
    ("inf", "is not a number of full-time equivalents such as 1, 0.6 or 12.5"),
    ("-inf", "is not a number of full-time equivalents such as 1, 0.6 or 12.5"),
    ("1E99999999999", "is out of range (0 to 100,000)"),
    ("-1E99999999999", "is out of range (0 to 100,000)"),
    ("-1E-99999999999", "is out of range (0 to 100,000)"),
    ("1E+0000000000006", "is out of range (0 to 100,000)"),
    ("1E" + "9" * 100_000, "is out of range (0 to 100,000)"),
    ("-0E99999999999", "is not a number of full-time equivalents such as 1, 0.6 or 12.5")])
def test_why_an_exponent_form_is_refused(text: str, fault: str) -> None:
    from orgviz.fte import fte_fault

    assert fte_fault(text) == fault


@given(st.sampled_from(["", "-"]), st.sampled_from(["1", "0", "2.5", ".5", "3.", "12345"]),
       st.sampled_from(["", "-", "+"]), st.integers(0, 10**12), st.integers(0, 20))
def test_an_exponent_reads_as_without_its_leading_zeros(
        sign: str, digits: str, exp_sign: str, exp: int, zeros: int) -> None:
    # (one pattern of an exponent, its leading zeros in it, reads 1E-000000001 as 1E-1)
    from orgviz.fte import exponent_fte, fte_fault

    text = f"{sign}{digits}E{exp_sign}{exp}"
    padded = f"{sign}{digits}E{exp_sign}{'0' * zeros}{exp}"
    assert exponent_fte(padded) == exponent_fte(text)
    assert fte_fault(padded) == fte_fault(text)


#: People whose FTEs are written in exponent form, and other numbers Python's float reads.
EXPONENT_PEOPLE = ("id,name,manager,FTE\n1,Ann,,1E-10\n2,Bob,1,5E-01\n3,Cy,1,1e0\n"
                   "4,Di,1,2.5E+00\n5,Ed,1,3.3333333333333335E-01\n6,Fa,1,-5E-01\n"
                   "7,Gi,1,1E+06\n8,Ha,1,inf\n9,Io,1,nan\n10,Jo,1,1_0\n11,Ka,1,0x1\n"
                   "12,Li,1,4.9E-10\n")
#: What an import of EXPONENT_PEOPLE says (the file named NAME).
EXPONENT_SAID = [
    "NAME:2:4: warning [csv] FTE '1E-10' rounds to 0 (org files hold 9 decimals): imported "
    "as 0; write the FTE meant",
    "NAME:6:4: info [csv] FTE '3.3333333333333335E-01' read as 0.333333333: FTEs with more "
    "than 9 decimals are rounded to 9, as org files write them",
    "NAME:7:4: warning [csv] FTE '-5E-01' is out of range (0 to 100,000): left out",
    "NAME:8:4: warning [csv] FTE '1E+06' is out of range (0 to 100,000): left out",
    *(f"NAME:{line}:4: warning [csv] FTE '{text}' is not a number of full-time equivalents "
      "such as 1, 0.6 or 12.5: left out"
      for line, text in ((9, "inf"), (10, "nan"), (11, "1_0"), (12, "0x1"))),
    "NAME:13:4: warning [csv] FTE '4.9E-10' rounds to 0 (org files hold 9 decimals): "
    "imported as 0; write the FTE meant"]
#: The FTEs of EXPONENT_PEOPLE (1 is no FTE written; the refused are left out).
EXPONENT_FTES = [0, 0.5, None, 2.5, 0.333333333, None, None, None, None, None, None, 0]


def test_import_reads_an_fte_in_exponent_form(tmp_path: Path) -> None:
    # (each was "FTE '5E-01' is not a number of full-time equivalents ...: left out")
    path = tmp_path / "people.csv"
    path.write_text(EXPONENT_PEOPLE, encoding="utf-8")
    result = import_csv(path)
    assert [p.fte for p in result.org.people] == EXPONENT_FTES
    assert _said(result) == [line.replace("NAME", "people.csv") for line in EXPONENT_SAID]
    assert ("  # people.csv:2: FTE '1E-10' rounded to 0\n"
            '  - {id: "1", name: Ann, fte: 0}\n') in result.text
    assert "# people.csv:6: FTE '3.3333333333333335E-01' rounded to 0.333333333\n" in \
        result.text
    assert "# people.csv:3:" not in result.text  # (5E-01 is 0.5 exactly: nothing to say)
    assert "# people.csv:7: FTE '-5E-01' left out: out of range (0 to 100,000)\n" in \
        result.text
    assert "# people.csv:9: FTE 'inf' left out: not a number\n" in result.text
    written = tmp_path / "org.yaml"
    written.write_text(result.text, encoding="utf-8")
    assert [p.fte for p in load(written).people] == EXPONENT_FTES


def test_the_exact_layout_reads_an_fte_in_exponent_form(tmp_path: Path) -> None:
    path = tmp_path / "org.csv"
    org = tmp_path / "org.yaml"
    org.write_text(ORG, encoding="utf-8")
    lines = to_csv(load(org)).splitlines()
    lines[2:4] = [lines[2].replace(",0.6", ",6E-01"), lines[3].replace(",12.5", ",1.25e1")]
    lines[4] = lines[4].rsplit(",", 1)[0] + ",1E-12"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = import_csv(path, ImportOptions(order="csv"))
    assert [p.fte for p in result.org.people] == [None, 0.6, 12.5, 0]
    assert _said(result) == [
        "org.csv:5:13: warning [csv] FTE '1E-12' rounds to 0 (org files hold 9 decimals): "
        "imported as 0; write the FTE meant"]


def test_a_workbook_s_text_cells_of_ftes_in_exponent_form(tmp_path: Path) -> None:
    # (a number cell is read as its decimal digits already; a text cell keeps the exponent)
    from openpyxl import Workbook

    book = Workbook()
    for row in EXPONENT_PEOPLE.splitlines():
        book.active.append(row.split(","))
    assert book.active["D2"].data_type == "s"  # (text cells: '1E-10' as typed)
    path = tmp_path / "people.xlsx"
    book.save(path)
    result = import_csv(path)
    assert [p.fte for p in result.org.people] == EXPONENT_FTES
    assert _said(result) == [line.replace("NAME", "people.xlsx") for line in EXPONENT_SAID]


def test_a_junior_post_fte_in_exponent_form(tmp_path: Path) -> None:
    senior = tmp_path / "senior.csv"
    senior.write_text("Post Unique Reference,Name,Reports to Senior Post,Job Title\n"
                      "1,Ann,XX,Director\n", encoding="utf-8")
    junior = tmp_path / "junior.csv"
    junior.write_text("Reporting Senior Post,Generic Job Title,Grade,Number of Posts in FTE\n"
                      "1,Analyst,EO,1.25E+01\n1,Clerk,AO,1E-10\n1,Typist,AA,-2E+00\n"
                      "1,Porter,AA,1e1_0\n", encoding="utf-8")
    result = import_csv(senior, ImportOptions(junior=str(junior)))
    assert [p.fte for p in result.org.people] == [None, 12.5, 0, None, None]
    assert _said(result) == [
        "junior.csv:3:4: warning [csv] FTE '1E-10' rounds to 0 (org files hold 9 decimals): "
        "imported as 0; write the FTE meant",
        "junior.csv:4:4: warning [csv] FTE '-2E+00' is out of range (0 to 100,000): left out",
        "junior.csv:5:4: warning [csv] FTE '1e1_0' is not a number of full-time equivalents "
        "such as 1, 0.6 or 12.5: left out"]
    assert "# junior.csv:3: FTE '1E-10' rounded to 0\n" in result.text


def test_import_of_an_exponent_too_long_to_read(tmp_path: Path) -> None:
    # (each was "FTE '1E99999999999' is not a number of full-time equivalents ...: left out")
    path = tmp_path / "people.csv"
    path.write_text("id,name,manager,FTE\n1,Ann,,1E99999999999\n2,Bob,1,1E-99999999999\n"
                    "3,Cy,1,1E+06\n", encoding="utf-8")
    result = import_csv(path)
    assert [f"{Path(p.file).name}:{p.line}:{p.col}: {p.level} [{p.rule}] {p.message}"
            for p in result.problems] == [
        "people.csv:2:4: warning [csv] FTE '1E99999999999' is out of range (0 to 100,000): "
        "left out",
        "people.csv:3:4: warning [csv] FTE '1E-99999999999' rounds to 0 (org files hold 9 "
        "decimals): imported as 0; write the FTE meant",
        "people.csv:4:4: warning [csv] FTE '1E+06' is out of range (0 to 100,000): left out"]
    assert "  # people.csv:2: FTE '1E99999999999' left out: out of range (0 to 100,000)\n" \
        in result.text
    assert "  # people.csv:3: FTE '1E-99999999999' rounded to 0\n" in result.text
    assert [p.fte for p in result.org.people] == [None, 0, None]


def test_a_long_run_of_zeros_in_an_exponent_is_read_at_once() -> None:
    # (`1e000...0x`: the long-exponent pattern tried each split of the zeros, quadratic: 10 s
    # for 20,000 zeros, about 1,000 s for these 200,000; milliseconds now. A hang guard, not
    # a speed threshold: the child is stopped after 60 s. An import cuts a cell to 500
    # characters first: only a caller of these functions met it)
    import subprocess
    import sys

    code = ("from orgviz.fte import fte_fault, fte_rounded\n"
            "text = '1e' + '0' * 200_000 + 'x'\n"
            "print(fte_rounded(text), fte_fault(text))\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=60, check=True)
    assert done.stdout == ("None is not a number of full-time equivalents such as 1, 0.6 "
                           "or 12.5\n")
