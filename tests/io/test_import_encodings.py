"""CSV import of files in odd encodings or of other formats, and of odd quoting."""

from __future__ import annotations

from pathlib import Path

import pytest

from orgviz.errors import OrgLoadError
from orgviz.io.csvimport import import_csv

PEOPLE = "id,name,manager\n1,Zoë,\n2,Ann,1\n"


@pytest.mark.parametrize("codec", ["utf-32", "utf-32-le", "utf-32-be"])
def test_utf32_with_a_byte_order_mark_is_read_as_utf32(tmp_path: Path, codec: str) -> None:
    # (its little-endian mark FF FE 00 00 was taken for UTF-16's, FF FE: read as UTF-16,
    # "32 NUL bytes removed: is this a CSV file?")
    path = tmp_path / "p.csv"
    path.write_bytes((PEOPLE if codec == "utf-32" else "\ufeff" + PEOPLE).encode(codec))
    result = import_csv(path)
    assert [p for p in result.problems if p.level != "info"] == []
    assert [(p.id, p.name, p.reports_to) for p in result.org.people] == [
        ("1", "Zoë", None), ("2", "Ann", "1")]
    assert "(2 rows, utf-32)" in result.text.splitlines()[1]


def test_utf32_with_a_byte_order_mark_but_a_bad_unit_says_so(tmp_path: Path) -> None:
    path = tmp_path / "p.csv"
    path.write_bytes(PEOPLE.encode("utf-32") + b"\x00\x00\x11\x00")
    with pytest.raises(OrgLoadError) as raised:
        import_csv(path)
    [problem] = raised.value.problems
    assert (problem.line, problem.col, problem.rule) == (4, 1, "encoding")
    assert problem.message == ("the file starts like UTF-32 but is not valid UTF-32: save it "
                               "as UTF-8")


def _compressed(kind: str) -> bytes:
    """The people CSV compressed with gzip, bzip2 or xz (`kind`)."""
    import bz2
    import gzip
    import lzma

    return {"gzip": gzip.compress, "bzip2": bz2.compress, "xz": lzma.compress}[kind](
        PEOPLE.encode())


def _sqlite(tmp_path: Path) -> bytes:
    import sqlite3

    path = tmp_path / "people.db"
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE people (id, name)")
    db.close()
    return path.read_bytes()


_DECOMPRESS = "decompress it ({}) and import the file inside"
_EXPORT = "export the table from the HR system as CSV or .xlsx"


@pytest.mark.parametrize(("data", "what", "todo"), [
    (_compressed("gzip"), "a gzip-compressed file", _DECOMPRESS.format("gunzip FILE")),
    (_compressed("bzip2"), "a bzip2-compressed file", _DECOMPRESS.format("bunzip2 FILE")),
    (_compressed("xz"), "an xz-compressed file", _DECOMPRESS.format("unxz FILE")),
    (b"\x28\xb5\x2f\xfd\x24\x13\x99\x00\x00", "a zstd-compressed file",
     _DECOMPRESS.format("unzstd FILE")),
    (b"7z\xbc\xaf\x27\x1c\x00\x04" + bytes(24), "a 7-Zip archive",
     "extract it and import the CSV or .xlsx file inside"),
    (b"Rar!\x1a\x07\x01\x00" + bytes(24), "a RAR archive",
     "extract it and import the CSV or .xlsx file inside"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image", _EXPORT),  # (the QA reviewer's: no rows)
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(13), "a PNG image", _EXPORT),
    (b"\xff\xd8\xff\xe0\x00\x10JFIF\x00", "a JPEG image", _EXPORT),
    (b"GIF89a\x01\x00\x01\x00\x80\x00\x00", "a GIF image", _EXPORT),
    (b"GIF87a\x01\x00\x01\x00\x80\x00\x00", "a GIF image", _EXPORT),
    (b"\x7fELF\x02\x01\x01" + bytes(57), "a program (an ELF executable)",
     "pass the CSV or .xlsx file, not the program"),
    (bytes(range(256)) * 4, "binary data", "(an archive, an image, a program?): " + _EXPORT),
    (bytes((i * 7919 + 13) % 256 for i in range(3000)), "binary data",
     "(an archive, an image, a program?): " + _EXPORT),
], ids=lambda value: value[:12] if isinstance(value, bytes) else None)
def test_a_file_of_another_format_says_what_it_is(tmp_path: Path, data: bytes, what: str,
                                                  todo: str) -> None:
    # (a gzip file said "the file has a header but no rows", a PNG image too, random bytes
    # "no id or name column found")
    path = tmp_path / "people.csv"
    path.write_bytes(data)
    with pytest.raises(OrgLoadError) as raised:
        import_csv(path)
    [problem] = raised.value.problems
    assert (problem.line, problem.col, problem.level, problem.rule) == (1, 1, "error", "csv")
    separator = " " if todo.startswith("(") else ": "
    assert problem.message == f"this is {what}, not CSV{separator}{todo}"


def test_an_sqlite_database_says_how_to_export_a_table(tmp_path: Path) -> None:
    path = tmp_path / "people.csv"
    path.write_bytes(_sqlite(tmp_path))
    with pytest.raises(OrgLoadError) as raised:
        import_csv(path)
    assert [p.message for p in raised.value.problems] == [
        "this is an SQLite database, not CSV: export the table as CSV (sqlite3 -header -csv "
        "FILE 'SELECT * FROM people')"]


@pytest.mark.parametrize("text", [
    "BZh91AY,id,name,manager\nx,1,Ann,\ny,3,Renée,1\n",  # (starts as bzip2's mark does)
    "id,name,manager\n1,A\x01n\x1bn,\n2,Bob \x1a,1\n3,Renée,1\n",  # (a few controls)
], ids=["bzip2", "controls"])
def test_a_csv_that_starts_like_another_format_or_holds_controls_is_read(
        tmp_path: Path, text: str) -> None:
    path = tmp_path / "people.csv"
    path.write_bytes(text.encode("cp1252"))
    result = import_csv(path)
    assert result.org.by_id["3"].name == "Renée"
