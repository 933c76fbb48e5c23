"""An HR export (a CSV table, an Excel workbook) given where an org file goes is said to be
one, with the `orgviz import` that makes an org file of it (`yamlread.decode`)."""

from __future__ import annotations

import gzip
import io
from pathlib import Path

import pytest
from click.testing import CliRunner
from openpyxl import Workbook

from orgviz.cli import main
from orgviz.errors import OrgLoadError
from orgviz.loader import load

CSV = "id,name,manager\n1,Ann,\n2,Bob,1\n"


def _xlsx_bytes() -> bytes:
    """A workbook of the HR export CSV's rows, as Excel saves it."""
    book = Workbook()
    sheet = book.active
    for row in (("id", "name", "manager"), (1, "Ann", None), (2, "Bob", 1)):
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _first_error(path: Path) -> str:
    """The first (and only) load error of an org file, as `orgviz validate` prints it."""
    with pytest.raises(OrgLoadError) as caught:
        load(path)
    [problem] = caught.value.problems
    return str(problem)


@pytest.mark.parametrize("command", [("validate",), ("stats",), ("export", "-f", "json"),
                                     ("render", "-o", "x.svg"), ("deck", "-o", "x.pptx")])
def test_a_csv_table_is_said_to_be_one(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                       command: tuple[str, ...]) -> None:
    monkeypatch.chdir(tmp_path)
    Path("p.csv").write_text(CSV, encoding="utf-8")
    result = CliRunner().invoke(main, [command[0], "p.csv", *command[1:]])
    assert result.exit_code == 1
    assert ("p.csv:1:1: error [schema] this is a CSV table (an HR export?), not an org file: "
            "orgviz import p.csv -o p.yaml makes one\n") in result.output


def test_diff_of_a_csv_table_says_so(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    Path("p.csv").write_text(CSV, encoding="utf-8")
    Path("q.csv").write_text(CSV, encoding="utf-8")
    result = CliRunner().invoke(main, ["diff", "p.csv", "q.csv"])
    assert result.exit_code == 1
    assert "p.csv:1:1: error [schema] this is a CSV table (an HR export?)" in result.output


@pytest.mark.parametrize(("name", "text"), [
    ("quoted.csv", '"id","name","manager"\n"1","Ann",""\n'),  # (YAML: a syntax error)
    ("semi.csv", "id;name;manager\n1;Ann;\n"),
    ("tabs.tsv", "id\tname\tmanager\n1\tAnn\t\n"),
    ("header.csv", "id,name\n"),  # (a header alone, named as a table)
    ("export.txt", "\ufeffid,name,manager\r\n1,Ann,\r\n"),  # (a BOM, CRLF)
])
def test_tables_of_every_kind_are_said_to_be_tables(tmp_path: Path, name: str,
                                                    text: str) -> None:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    stem = str(path)[:-4]
    assert _first_error(path) == (f"{path}:1:1: error [schema] this is a CSV table (an HR "
                                  f"export?), not an org file: orgviz import {path} -o "
                                  f"{stem}.yaml makes one")


def test_an_excel_workbook_is_said_to_be_one(tmp_path: Path) -> None:
    path = tmp_path / "p.xlsx"
    path.write_bytes(_xlsx_bytes())
    result = CliRunner().invoke(main, ["stats", str(path)])
    assert result.exit_code == 1
    assert result.output == (f"{path}:1:1: error [schema] this is an Excel workbook (an HR "
                             f"export?), not an org file: orgviz import {path} -o "
                             f"{tmp_path / 'p.yaml'} makes one\n")


def test_a_workbook_by_its_bytes_or_its_name(tmp_path: Path) -> None:
    named = tmp_path / "HR export.xls"  # (a zip named .xls, a path a shell must quote)
    named.write_bytes(b"PK\x03\x04" + bytes(60))
    assert _first_error(named) == (
        f"{named}:1:1: error [schema] this is an Excel workbook (an HR export?), not an org "
        f"file: orgviz import '{named}' -o '{tmp_path / 'HR export.yaml'}' makes one")
    unnamed = tmp_path / "people.dat"  # (a workbook part in the zip)
    unnamed.write_bytes(_xlsx_bytes())
    assert "this is an Excel workbook (an HR export?)" in _first_error(unnamed)
    old = tmp_path / "old.xls"  # (Office 97-2003, which import does not read)
    old.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(60))
    assert _first_error(old) == (
        f"{old}:1:1: error [schema] this is an Excel 97-2003 workbook (an HR export?), not an "
        f"org file: save it as .xlsx in Excel; then orgviz import {tmp_path / 'old.xlsx'} -o "
        f"{tmp_path / 'old.yaml'} makes one")


def test_an_export_on_standard_input(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["stats", "-"], input=CSV)
    assert result.exit_code == 1
    assert result.output.startswith("<stdin>:1:1: error [schema] this is a CSV table (an HR "
                                    "export?), not an org file: orgviz import - -o org.yaml "
                                    "makes one\n")


def test_yaml_with_commas_is_read_as_before(tmp_path: Path) -> None:
    org = tmp_path / "org.csv"  # (an org file named .csv: its first line is YAML's)
    org.write_text("orgviz: 1\norg: {name: 'A, B', size: small}\npeople:\n"
                   "  - {id: a, name: 'Ann, Jr', title: CEO}\n", encoding="utf-8")
    assert load(org).by_id["a"].name == "Ann, Jr"
    for name, text in (("list.txt", "- a,b\n- c,d\n"), ("flow.csv", "[a, b]\n"),
                       ("comment.csv", "# a,b\nc,d\n"), ("one.dat", "a,b\n")):
        path = tmp_path / name  # (other YAML: a list, or one line not named as a table)
        path.write_text(text, encoding="utf-8")
        assert "an org file is a mapping with 'orgviz: 1'" in _first_error(path), name
    path = tmp_path / "table.yaml"  # (named as YAML: said as before)
    path.write_text(CSV, encoding="utf-8")
    assert _first_error(path) == (f"{path}:1:1: error [schema] an org file is a mapping with "
                                  "'orgviz: 1' and 'people:', not 'id,name,manager 1,Ann, "
                                  "2,Bob,1'")


def test_a_workbook_named_as_yaml_is_told_an_output_that_is_not_itself(tmp_path: Path,
                                                                      monkeypatch) -> None:
    """The command said for a workbook named people.yaml writes people.org.yaml: `-o
    people.yaml` would be refused as the import's own input."""
    monkeypatch.chdir(tmp_path)
    Path("people.yaml").write_bytes(_xlsx_bytes())
    assert _first_error(Path("people.yaml")) == (
        "people.yaml:1:1: error [schema] this is an Excel workbook (an HR export?), not an "
        "org file: orgviz import people.yaml -o people.org.yaml makes one")
    result = CliRunner().invoke(main, ["import", "people.yaml", "-o", "people.org.yaml"])
    assert result.exit_code == 0, result.output
    assert load(Path("people.org.yaml")).by_id["2"].reports_to == "1"


def test_the_told_output_is_a_name_no_file_has(tmp_path: Path, monkeypatch) -> None:
    """The command said for people.csv was `-o people.yaml` when people.yaml existed (a
    hand-written org file), which import would overwrite: the next free name is told."""
    monkeypatch.chdir(tmp_path)
    Path("hr").mkdir()
    Path("hr/people.csv").write_text(CSV, encoding="utf-8")
    told = ("hr/people.csv:1:1: error [schema] this is a CSV table (an HR export?), not an "
            "org file: orgviz import hr/people.csv -o {} makes one")
    assert _first_error(Path("hr/people.csv")) == told.format("hr/people.yaml")
    for taken, next_free in (("hr/people.yaml", "hr/people.org.yaml"),
                             ("hr/people.org.yaml", "hr/people.org-2.yaml"),
                             ("hr/people.org-2.yaml", "hr/people.org-3.yaml")):
        Path(taken).write_text("orgviz: 1\n", encoding="utf-8")
        assert _first_error(Path("hr/people.csv")) == told.format(next_free), taken
    Path("people.yaml").write_bytes(_xlsx_bytes())  # (the input itself and a taken name)
    Path("people.org.yaml").write_text("orgviz: 1\n", encoding="utf-8")
    assert _first_error(Path("people.yaml")).endswith(
        "orgviz import people.yaml -o people.org-2.yaml makes one")


def _ods_bytes() -> bytes:
    """An OpenDocument spreadsheet's start: a zip whose first part, stored, is its
    mimetype."""
    import zipfile

    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as book:
        book.writestr(zipfile.ZipInfo("mimetype"),
                      "application/vnd.oasis.opendocument.spreadsheet")
        book.writestr("content.xml", "<table>Ren\u00e9e</table>")
    return out.getvalue()


_NO_ORG = "an org file is YAML text (orgviz: 1, org:, people:)"


@pytest.mark.parametrize(("name", "data", "message"), [
    ("s.ods", _ods_bytes(), "this is an OpenDocument spreadsheet (.ods), not an org file: "
     "save the sheet as .xlsx or CSV and orgviz import it"),
    ("tg.yaml", gzip.compress(b"orgviz: 1\n", mtime=0), "this is a gzip-compressed file, "
     "not an org file: decompress it"),
    ("old.dat", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(60), "this is an Excel 97-2003 "
     "workbook (.xls) or another old Office file, not an org file: save the sheet as .xlsx or "
     "CSV and orgviz import it"),
    ("d.pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", f"this is a PDF document, not an org file: "
     f"{_NO_ORG}"),
    ("i.yaml", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", f"this is a PNG image, not an org "
     f"file: {_NO_ORG}"),
    ("z.zip", b"PK\x03\x04\x14\x00\x00\x00\x08\x00\xe8", "this is a zip file (no Excel "
     "workbook in it), not an org file: unzip it and give the org file inside"),
], ids=["ods", "gzip", "ole2", "pdf", "png", "zip"])
def test_a_file_of_another_format_is_said_to_be_one(tmp_path: Path, name: str, data: bytes,
                                                   message: str) -> None:
    """Were 'invalid UTF-8 byte 0xe8: save the file as UTF-8' (s.ods:1:11) and the like."""
    path = tmp_path / name
    path.write_bytes(data)
    assert _first_error(path) == f"{path}:1:1: error [schema] {message}"


def test_text_that_is_no_utf_8_is_still_told_to_be_saved_as_utf_8(tmp_path: Path) -> None:
    path = tmp_path / "bad.yaml"  # (no known format's start: the byte and its place)
    path.write_bytes(b"orgviz: 1\n# caf\xe9\n")
    assert _first_error(path) == (f"{path}:2:6: error [encoding] invalid UTF-8 byte 0xe9: "
                                  "save the file as UTF-8")
