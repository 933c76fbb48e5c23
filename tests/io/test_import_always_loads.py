"""What import writes always loads: inputs whose org file did not load, though import exited 0
(one name column of a first or last name, the exact layout's control characters and line
breaks, rows that all end or are eliminated), and inputs read wrongly (a BOM before a
Windows-1252 byte, rows of invisible characters, `\\N` names, a team named twice)."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from orgviz.cli import main
from orgviz.errors import OrgLoadError
from orgviz.io import csvread
from orgviz.io.csvimport import ImportOptions, cells, direct, import_csv
from orgviz.loader import load
from orgviz.validate import validate

EXPORT_HEADER = ("id,name,title,role,reports_to,dotted_to,team,team_name,vacant,assistant,"
                 "location,email\n")


@pytest.fixture(params=["fast", "cell by cell", "record by record"])
def paths(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Each way the importer reads the columns and links the rows."""
    if request.param == "cell by cell":
        monkeypatch.setattr(cells, "FAST_COLUMNS", False)
    elif request.param == "record by record":
        monkeypatch.setattr(direct, "DIRECT", False)
    return str(request.param)


def _import(tmp_path: Path, data: bytes, **options: object):
    path = tmp_path / "p.csv"
    path.write_bytes(data)
    return import_csv(path, ImportOptions(**options))  # type: ignore[arg-type]


def _loads(result, tmp_path: Path) -> list:
    """The people of the org file written, which loads and validates without schema errors."""
    path = tmp_path / "org.yaml"
    path.write_text(result.text, encoding="utf-8")
    org = load(path)
    assert org.load_problems == ()
    assert [p for p in validate(org) if p.rule == "schema"] == []
    return list(org.people)


def _said(result, rule: str | None = None) -> list[tuple[int, int, str, str]]:
    return [(p.line, p.col, p.level, p.message) for p in result.problems
            if rule is None or p.rule == rule]


# --- 1. a first or last name column alone is the name ----------------------------------------

@pytest.mark.parametrize("header", ["id,FirstName,manager_id", "id,First Name,manager_id",
                                    "EmployeeId,LastName,ReportsTo", "id,manager_id,Surname"])
def test_a_first_or_last_name_alone_is_the_name(tmp_path: Path, paths: str,
                                                 header: str) -> None:
    # (the names were dropped: {id: "1"} without a name, exit 0, the file did not load)
    cells_of = header.split(",")
    name_at = next(i for i, h in enumerate(cells_of) if "name" in h.lower() or h == "Surname")
    rows = []
    for rid, name, boss in (("1", "Ada", ""), ("2", "", "1"), ("3", "N/D", "1"),
                            ("4", "Vacant", "1")):
        row = [rid, boss]
        row.insert(name_at, name)
        rows.append(",".join(row))
    result = _import(tmp_path, (header + "\n" + "\n".join(rows) + "\n").encode())
    people = {p.id: p for p in _loads(result, tmp_path)}
    assert (people["1"].name, people["1"].vacant) == ("Ada", False)
    assert (people["2"].name, people["2"].vacant) == (None, True)
    assert (people["3"].name, people["3"].vacant) == ("Name not disclosed", False)
    assert (people["4"].name, people["4"].vacant) == (None, True)
    assert f"name = '{cells_of[name_at]}'" in result.text
    assert "no-name" not in {p.rule for p in result.problems}


def test_the_cli_imports_a_first_name_column_alone(tmp_path: Path) -> None:
    (tmp_path / "fn.csv").write_text("id,FirstName,manager_id\n1,Ada,\n2,,1\n3,N/D,1\n",
                                     encoding="utf-8")
    out = tmp_path / "fn.yaml"
    result = CliRunner().invoke(main, ["import", str(tmp_path / "fn.csv"), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert '{id: "1", name: Ada}' in out.read_text(encoding="utf-8")
    check = CliRunner().invoke(main, ["validate", str(out)])
    assert check.exit_code == 0, check.output


# --- 2. the exact layout: control characters and line breaks ---------------------------------

def test_exact_layout_control_characters_are_removed_and_said(tmp_path: Path,
                                                               paths: str) -> None:
    # (they were written to the org file, which did not load: exit 0)
    data = (EXPORT_HEADER + "1,Ada,CEO\x07,,,,eng,Eng\x1aineering,,,Lon\x07don,a\x1a@x.test\n"
            "2,Bob\x1a,Engineer,,1,,eng,,,,,\n").encode()
    result = _import(tmp_path, data)
    people = {p.id: p for p in _loads(result, tmp_path)}
    assert (people["1"].title, people["1"].location, people["1"].email) == (
        "CEO", "London", "a@x.test")
    assert people["2"].name == "Bob"
    assert result.org.teams[0].name == "Engineering"
    shown = tmp_path / "p.csv"
    assert _said(result, "csv") == [
        (1, 1, "warning", f"control characters removed in 5 values ('{shown}:2', '{shown}:3')")]


def test_exact_layout_ids_with_line_breaks_are_read_on_one_line(tmp_path: Path,
                                                                paths: str) -> None:
    data = (EXPORT_HEADER + '1,"Ada\nLovelace",CEO,,,,,,,,,\n'
            '2,Bob,Engineer,,"1\n",,"eng\nops",,,,,\n').encode()
    result = _import(tmp_path, data)
    people = {p.id: p for p in _loads(result, tmp_path)}
    assert people["1"].name == "Ada\nLovelace"  # (a text keeps its line break, as exported)
    assert (people["2"].reports_to, people["2"].team) == ("1", "eng ops")
    assert _said(result, "csv") == [
        (4, 5, "warning", "reports_to '1\\u000A' holds a line break, which an id cannot: read "
                          "as '1'"),
        (4, 7, "warning", "team 'eng\\u000Aops' holds a line break, which an id cannot: read "
                          "as 'eng ops'")]


def test_the_cli_reads_the_reported_exact_layout_file(tmp_path: Path) -> None:
    (tmp_path / "x.csv").write_bytes((EXPORT_HEADER + "1,Ada,CEO,,,,,,,,,\n"
                                      '2,Bob\x1a,Engineer,,1,,"eng\nops",,,,,\n').encode())
    out = tmp_path / "x.yaml"
    result = CliRunner().invoke(main, ["import", str(tmp_path / "x.csv"), "-o", str(out)])
    assert result.exit_code == 0, result.output
    check = CliRunner().invoke(main, ["validate", str(out)])
    assert check.exit_code == 0, check.output


# --- 3. nothing left to import ------------------------------------------------------------------

@pytest.mark.parametrize(("text", "message"), [
    ("id,name,title,manager_id,EndDate\n1,Ada,CEO,,2020-01-01\n2,Bob,CTO,1,2021-05-01\n",
     "nothing to import: all 2 rows are history rows (not current, by status, current flag "
     "or end date)"),
    ("id,name,title,manager_id\n1,Eliminated,CEO,\n",
     "nothing to import: the only row is an eliminated post (named 'Eliminated': abolished)"),
    ("id,name,title,manager_id,Status\n1,Ada,CEO,,Terminated\n2,Eliminated,CTO,1,\n"
     "3,Eliminated,CFO,1,\n",
     "nothing to import: all 3 rows are 1 history row and 2 eliminated posts"),
])
def test_rows_that_all_end_or_are_eliminated_are_an_error(tmp_path: Path, text: str,
                                                          message: str) -> None:
    # (an org file of no people was written, exit 0: it did not load)
    with pytest.raises(OrgLoadError) as caught:
        _import(tmp_path, text.encode(), keep_going=True)
    errors = [(p.line, p.col, p.message) for p in caught.value.problems if p.level == "error"]
    assert errors == [(2, 1, message)]
    (tmp_path / "h.csv").write_text(text, encoding="utf-8")
    out = tmp_path / "h.yaml"
    result = CliRunner().invoke(main, ["import", str(tmp_path / "h.csv"), "-o", str(out)])
    assert result.exit_code == 1
    assert f"h.csv:2:1: error [csv] {message}" in result.output
    assert not out.exists()


# --- 4. a UTF-8 byte order mark before a Windows-1252 byte ------------------------------------

@pytest.mark.parametrize("header", ["id,name,title,manager_id", "Name,id,title,manager_id"])
def test_a_bom_before_a_windows_1252_byte(tmp_path: Path, header: str) -> None:
    # (the warning was at 2:2, byte 0x2c; the BOM became 'ï»¿id', a column not imported)
    row = "1,Ad\xe9,CEO," if header.startswith("id") else "Ad\xe9,1,CEO,"
    data = b"\xef\xbb\xbf" + (header + "\n" + row + "\n").encode("cp1252")
    result = _import(tmp_path, data)
    assert _said(result, "encoding") == [
        (2, 5, "warning", "not UTF-8 (byte 0xe9): read as Windows-1252; pass the encoding "
                          "(--encoding) if names look wrong")] if header.startswith("id") else [
        (2, 3, "warning", "not UTF-8 (byte 0xe9): read as Windows-1252; pass the encoding "
                          "(--encoding) if names look wrong")]
    [person] = _loads(result, tmp_path)
    assert (person.id, person.name) == ("1", "Adé")
    assert "Not imported" not in result.text


# --- 5. rows and cells of invisible characters --------------------------------------------------

@pytest.mark.parametrize("last", ["\x1a", "\x1a\n", "\x07\n", "\u200b\n", " \ufeff \n",
                                  "\x1a,\u200b,,\n"])
def test_a_row_of_invisible_characters_is_skipped(tmp_path: Path, paths: str,
                                                  last: str) -> None:
    # (^Z, a DOS end of file, failed the import: a row without an id; U+200B imported as a
    # person whose id was invisible)
    data = ("id,name,title,manager_id\n1,Ada,CEO,\n2,Bob,CTO,1\n" + last).encode()
    result = _import(tmp_path, data)
    assert _said(result) == [(4, 1, "info", "a row holds no value: skipped (row 4)")]
    assert [p.id for p in _loads(result, tmp_path)] == ["1", "2"]


def test_cells_of_invisible_characters_are_empty(tmp_path: Path, paths: str) -> None:
    data = ("id,name,title,manager_id\n1,Ada,CEO,\n2,\u200b,CTO\u200b,1\n"
            "3,Cy,\x07,\u200d\n").encode()
    result = _import(tmp_path, data)
    assert _said(result, "csv") == [
        (3, 2, "warning", "the cell holds invisible characters alone (U+200B): read as empty "
                          "(and 2 more cells)")]
    people = {p.id: p for p in _loads(result, tmp_path)}
    assert (people["2"].name, people["2"].vacant, people["2"].title) == (None, True,
                                                                          "CTO\u200b")
    assert (people["3"].title, people["3"].reports_to) == (None, None)


def test_the_exact_layout_keeps_format_characters_the_org_file_held(tmp_path: Path,
                                                                    paths: str) -> None:
    """import(export(org)) is the org: an id or name of a soft hyphen or a zero-width space
    alone, which an org file may hold, is kept (it was blanked, the id made 'row-2'); a cell
    of control characters alone, which no org file holds, is blank as in any layout."""
    header = ("id,name,title,role,reports_to,dotted_to,team,team_name,vacant,assistant,"
              "location,email\n")
    data = (header + "\xad,Ada,CEO,,,,,,,,,\n2,\u200b,CTO,,\xad,,,,,,\x07,\n").encode()
    result = _import(tmp_path, data)
    people = {p.id: p for p in _loads(result, tmp_path)}
    assert list(people) == ["\xad", "2"]
    assert (people["2"].name, people["2"].reports_to, people["2"].location) == (
        "\u200b", "\xad", None)


# --- 6. the exact layout: one team, two names ---------------------------------------------------

def test_exact_layout_a_team_named_twice_keeps_the_first_name_and_says_so(
        tmp_path: Path, paths: str) -> None:
    data = (EXPORT_HEADER + "a,Ann,Chief Executive Officer,,,,eng,Engineering,,,,\n"
            "b,Bob,Software Engineer,,a,,eng,Platform Engineering,,,,\n"
            "c,Cy,Software Engineer,,a,,eng,eng,,,,\n"  # (export writes the id: no name)
            "d,Di,Software Engineer,,a,,eng,,,,,\n").encode()
    result = _import(tmp_path, data)
    assert _said(result, "csv") == [
        (3, 8, "warning", "team_name 'Platform Engineering' of team 'eng' differs from "
                          "'Engineering' (row 2): team 'eng' is named 'Engineering', the "
                          "first name given")]
    assert [(t.id, t.name) for t in result.org.teams] == [("eng", "Engineering")]
    assert "# p.csv:3: team_name 'Platform Engineering' left out: team 'eng' is named " \
           "'Engineering' (row 2)" in result.text
    _loads(result, tmp_path)


# --- 7. \N and NULL names ------------------------------------------------------------------------

@pytest.mark.parametrize("name", ["\\N", "NULL", "null", "(null)", "(none)"])
def test_a_null_name_is_no_name(tmp_path: Path, paths: str, name: str) -> None:
    # (imported as a person named '\N' or 'NULL', though those are 'none' in the manager and
    # team columns)
    data = f"id,name,title,manager_id,team\n1,Ada,CEO,\\N,NULL\n2,{name},CTO,1,\\N\n".encode()
    result = _import(tmp_path, data)
    people = {p.id: p for p in _loads(result, tmp_path)}
    assert (people["2"].name, people["2"].vacant, people["2"].team) == (None, True, None)
    assert (people["1"].reports_to, people["1"].team) == (None, None)
    assert [p.message for p in result.problems if p.rule == "placeholder-name"] == [
        f"1 placeholder name imported as a vacancy ('{name}')"]


def test_the_exact_layout_keeps_a_name_written_null(tmp_path: Path) -> None:
    # (the exact layout is read as written: an exported person named NULL comes back so)
    result = _import(tmp_path, (EXPORT_HEADER + "1,NULL,CEO,,,,,,,,,\n").encode())
    [person] = _loads(result, tmp_path)
    assert person.name == "NULL"


# --- the file-level tests that keep those checks off the usual file's path -------------------

_CHARS = st.sampled_from(["a", " ", "  ", "\t", "\n", "é", "€", "\x07", "\x1a", "\x0b", "\x85",
                          "\xad", "\u200b", "\u2028", "\ufeff", "\uffff", "\x00"])


@settings(max_examples=300, deadline=None)
@given(st.lists(_CHARS, max_size=12).map("".join))
def test_the_file_level_tests_agree_with_the_patterns(text: str) -> None:
    from orgviz.io.csvimport.cells import _NOT_EXACT_CHARS, _exact_may_change

    text = text.replace("\x00", "")  # (parse_csv removes every NUL)
    plain = csvread._plain(text)
    assert csvread._may_hold_invisible(text, plain, None) == bool(
        csvread._INVISIBLE.search(text))
    assert _exact_may_change(text) == any(c in text for c in _NOT_EXACT_CHARS)
