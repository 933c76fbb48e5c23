"""CSV import of files in odd encodings or of other formats, and of odd quoting."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from orgviz.errors import OrgLoadError
from orgviz.io.csvimport import ImportOptions, import_csv

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


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
@pytest.mark.parametrize("header", ["Mitarbeiter-ID,Name,Straße,Vorgesetzter",
                                    "Mitarbeiter-ID;Name;Straße;Vorgesetzter",
                                    "ID\tФИО\tStraße\tVorgesetzter"])
def test_utf16_without_a_byte_order_mark_and_a_header_not_ascii_is_read_as_utf16(
        tmp_path: Path, codec: str, header: str) -> None:
    # (read as UTF-8 with its NULs removed, as Windows-1252: "96 NUL bytes removed: is this
    # a CSV file?", 'Łukasz' read as 'Aukasz')
    path = tmp_path / "p.csv"
    delimiter = next(d for d in ",;\t" if d in header)
    rows = [["1", "Jürgen Groß", "Hauptstraße 1", ""], ["2", "Łukasz Żółw", "Weg 2", "1"]]
    text = "\n".join([header, *map(delimiter.join, rows)]) + "\n"
    path.write_bytes(text.encode(codec))
    columns = header.split(delimiter)
    result = import_csv(path, ImportOptions(columns={"id": [columns[0]], "name": [columns[1]],
                                                     "manager": [columns[3]]}))
    assert [p for p in result.problems if p.level != "info"] == []
    assert [(p.id, p.name, p.reports_to) for p in result.org.people] == [
        ("1", "Jürgen Groß", None), ("2", "Łukasz Żółw", "1")]
    assert f"(2 rows, {codec})" in result.text.splitlines()[1]


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
@pytest.mark.parametrize("header", ["ФИО;Должность;Руководитель;Адрес",
                                    "姓名,职位,上级,地址", "이름\t직책\t상사\t주소"])
def test_utf16_without_a_byte_order_mark_and_a_first_character_not_latin1_is_read_as_utf16(
        tmp_path: Path, codec: str, header: str) -> None:
    # (no NUL in the first two bytes, so no UTF-16 was tried: read as Windows-1252, the
    # headers not found)
    path = tmp_path / "p.csv"
    delimiter = next(d for d in ",;\t" if d in header)
    rows = [["Иван Петров", "CEO", "", "Москва"], ["王芳", "CTO", "Иван Петров", "北京"]]
    text = "\n".join([header, *map(delimiter.join, rows)]) + "\n"
    path.write_bytes(text.encode(codec))
    columns = header.split(delimiter)
    result = import_csv(path, ImportOptions(columns={"name": [columns[0]],
                                                     "manager": [columns[2]]}))
    assert [p for p in result.problems if p.level != "info"] == []
    people = {p.id: p for p in result.org.people}
    assert [(p.name, people[p.reports_to].name if p.reports_to else None)
            for p in result.org.people] == [("Иван Петров", None), ("王芳", "Иван Петров")]
    assert f"(2 rows, {codec})" in result.text.splitlines()[1]


@pytest.mark.parametrize("start", [b"A\x00,\x00", b"\x00A\x00,", b"\xd0\xa4,\x00",
                                   b"\x04$\x00,"])
def test_binary_data_that_starts_like_utf16_is_still_refused(tmp_path: Path,
                                                               start: bytes) -> None:
    # (a first character of Latin-1 and a comma after it, then bytes that are no text)
    path = tmp_path / "p.csv"
    path.write_bytes(start + bytes((i * 7919 + 13) % 256 for i in range(3000)))
    with pytest.raises(OrgLoadError) as raised:
        import_csv(path)
    [problem] = raised.value.problems
    assert (problem.line, problem.col, problem.rule) == (1, 1, "csv")
    assert problem.message.startswith("this is binary data, not CSV")


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


_DECOMPRESS = "decompress it ({} -dc {{file}} > {{out}}) and import the file inside"
_EXPORT = "export the table from the HR system as CSV or .xlsx"


@pytest.mark.parametrize(("data", "what", "todo"), [
    (_compressed("gzip"), "a gzip-compressed file", _DECOMPRESS.format("gzip")),
    (_compressed("bzip2"), "a bzip2-compressed file", _DECOMPRESS.format("bzip2")),
    (_compressed("xz"), "an xz-compressed file", _DECOMPRESS.format("xz")),
    (b"\x28\xb5\x2f\xfd\x24\x13\x99\x00\x00", "a zstd-compressed file",
     _DECOMPRESS.format("zstd")),
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
    todo = todo.format(file=path, out=tmp_path / "people.decompressed.csv")
    assert problem.message == f"this is {what}, not CSV{separator}{todo}"


def test_an_sqlite_database_says_how_to_export_a_table(tmp_path: Path) -> None:
    path = tmp_path / "people.csv"
    path.write_bytes(_sqlite(tmp_path))
    with pytest.raises(OrgLoadError) as raised:
        import_csv(path)
    assert [p.message for p in raised.value.problems] == [
        "this is an SQLite database, not CSV: export the table as CSV (sqlite3 -header -csv "
        f"{path} 'SELECT * FROM people' > {tmp_path / 'people.table.csv'})"]


@pytest.mark.parametrize(("kind", "tool"), [("gzip", "gzip"), ("bzip2", "bzip2"),
                                              ("xz", "xz")])
def test_the_decompress_command_names_the_file_and_works(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, kind: str, tool: str) -> None:
    # (it said "gunzip FILE": a literal FILE, and gunzip, unxz refuse a file named .csv,
    # bunzip2 writes g.csv.out)
    import shutil
    import subprocess

    monkeypatch.chdir(tmp_path)
    Path("my people.csv").write_bytes(_compressed(kind))
    with pytest.raises(OrgLoadError) as raised:
        import_csv(Path("my people.csv"))
    [problem] = raised.value.problems
    command = f"{tool} -dc 'my people.csv' > 'my people.decompressed.csv'"
    assert problem.message == (f"this is {_WHAT[kind]}, not CSV: decompress it ({command}) "
                               "and import the file inside")
    if shutil.which(tool):
        subprocess.run(command, shell=True, check=True)
        assert Path("my people.decompressed.csv").read_text(encoding="utf-8") == PEOPLE


_WHAT = {"gzip": "a gzip-compressed file", "bzip2": "a bzip2-compressed file",
         "xz": "an xz-compressed file"}


def test_the_decompress_advice_for_standard_input_pipes(monkeypatch: pytest.MonkeyPatch
                                                        ) -> None:
    import io

    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(_compressed("gzip"))))
    with pytest.raises(OrgLoadError) as raised:
        import_csv("-")
    assert [(p.file, p.message) for p in raised.value.problems] == [
        ("<stdin>", "this is a gzip-compressed file, not CSV: decompress it (pipe it through "
                    "gzip -dc) and import the file inside")]


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


# --- a UTF-8 file with a few bytes that are not UTF-8, CESU-8 -----------------------------------

def _mostly_utf8() -> bytes:
    """The QA reviewer's file: UTF-8 names, one byte 0xff on its last line."""
    rows = ["id,name,manager", "1,José Núñez,"] + [f"{i},Zoë Müller {i},1" for i in range(2, 200)]
    return ("\n".join(rows) + "\n200,Bad").encode() + b"\xff" + b" Byte,1\n"


def test_a_utf8_file_with_a_bad_byte_keeps_its_names(tmp_path: Path) -> None:
    # (read as Windows-1252 for one byte 0xff: every name garbled, 'JosÃ© NÃºÃ±ez', exit 0)
    path = tmp_path / "mostly8.csv"
    path.write_bytes(_mostly_utf8())
    result = import_csv(path)
    assert result.org.by_id["1"].name == "José Núñez"
    assert result.org.by_id["199"].name == "Zoë Müller 199"
    assert result.org.by_id["200"].name == "Bad\ufffd Byte"
    assert [tuple(p) for p in result.problems if p.rule == "encoding"] == [
        (str(path), 201, 8, "warning", "encoding",
         "not UTF-8 (byte 0xff): read as U+FFFD (\ufffd), the rest of the file as UTF-8; "
         "pass the encoding (--encoding) if names look wrong")]
    assert "(200 rows, utf-8)" in result.text.splitlines()[1]


def test_the_bad_bytes_are_counted_and_their_first_is_at_its_column_in_characters(
        tmp_path: Path) -> None:
    path = tmp_path / "p.csv"
    path.write_bytes("id,name,manager\n1,Zoë Ñúñez,\n2,Ñúñez Zoë".encode() + b"\xe9\xff,1\n"
                     + "3,B\xf6rk,1\n".encode("cp1252"))
    result = import_csv(path)
    assert [p.name for p in result.org.people] == ["Zoë Ñúñez", "Ñúñez Zoë\ufffd\ufffd",
                                                   "B\ufffdrk"]
    [problem] = [p for p in result.problems if p.rule == "encoding"]
    assert (problem.line, problem.col) == (3, 12)
    assert problem.message.startswith("not UTF-8 (byte 0xe9, and 2 more bytes): read as U+FFFD")


def test_a_character_cut_short_is_one_bad_sequence(tmp_path: Path) -> None:
    # (a name cut at a byte limit inside its last character: 2 bytes of 3, one character
    # lost, not the file read as Windows-1252)
    path = tmp_path / "p.csv"
    path.write_bytes("id,name,manager\n1,Zoë,\n2,B".encode() + "€".encode()[:2] + b",1\n")
    result = import_csv(path)
    assert [p.name for p in result.org.people] == ["Zoë", "B\ufffd"]
    [problem] = [p for p in result.problems if p.rule == "encoding"]
    assert (problem.line, problem.col) == (3, 4)
    assert problem.message.startswith("not UTF-8 (byte 0xe2, and 1 more byte): read as U+FFFD")


@pytest.mark.parametrize(("text", "names"), [
    ("id,name,manager\n1,Renée,\n2,Bjørn,1\n", ["Renée", "Bjørn"]),  # (no UTF-8 sequence)
    # Two bytes of Windows-1252 that are a UTF-8 sequence by chance (É and a no-break space:
    # 'ɠ'), among more that are not: Windows-1252.
    ("id,name,manager\n1,JOSÉ\xa0LUIS,\n2,Renée,1\n3,Bjørn,1\n",
     ["JOSÉ LUIS", "Renée", "Bjørn"]),
], ids=["none", "one by chance"])
def test_a_file_of_more_bytes_not_utf8_than_utf8_characters_is_windows_1252(
        tmp_path: Path, text: str, names: list[str]) -> None:
    path = tmp_path / "p.csv"
    path.write_bytes(text.encode("cp1252"))
    result = import_csv(path)
    assert [p.name for p in result.org.people] == names
    [problem] = [p for p in result.problems if p.rule == "encoding"]
    assert problem.message.endswith("read as Windows-1252; pass the encoding (--encoding) if "
                                    "names look wrong")


def _cesu_8(text: str) -> bytes:
    """A text as CESU-8 writes it: a character beyond U+FFFF as its UTF-16 surrogate pair."""
    pairs = text.encode("utf-16-le").decode("utf-16-le", "surrogatepass")  # (recombined)
    return "".join(chr(0xD800 + ((ord(c) - 0x10000) >> 10)) + chr(0xDC00 + (ord(c) & 0x3FF))
                   if ord(c) > 0xFFFF else c for c in pairs).encode("utf-8", "surrogatepass")


@pytest.mark.parametrize("encoding", [None, "utf-8", "UTF8"])
def test_cesu_8_pairs_are_read_as_the_characters_they_encode(tmp_path: Path,
                                                            encoding: str | None) -> None:
    # (read as Windows-1252: 'Bob í ½í¸€'; --encoding utf-8 refused the file: "byte 0xed is
    # not valid utf-8")
    path = tmp_path / "p.csv"
    data = _cesu_8("id,name,manager\n1,Ann,\n2,Bob 😀 Zoë,1\n3,𝒜da 🎉,1\n")
    assert data.count(b"\xed") == 6
    path.write_bytes(data)
    result = import_csv(path, ImportOptions(encoding=encoding))
    assert [p.name for p in result.org.people] == ["Ann", "Bob 😀 Zoë", "𝒜da 🎉"]
    assert [tuple(p)[1:] for p in result.problems if p.rule == "encoding"] == [
        (3, 7, "info", "encoding", "U+1F600 is written as CESU-8 (its surrogate pair as two "
         "3-byte sequences, as Java and MySQL's 'utf8' write it): read as that character "
         "(and 2 more so written)")]


def test_encoding_utf8_refuses_a_bad_byte_after_a_cesu_8_pair(tmp_path: Path) -> None:
    path = tmp_path / "p.csv"
    path.write_bytes(_cesu_8("id,name,manager\n1,Ann 😀,\n") + b"2,B\xf6b 1,1\n")
    with pytest.raises(OrgLoadError) as raised:
        import_csv(path, ImportOptions(encoding="utf-8"))
    assert [tuple(p)[1:] for p in raised.value.problems] == [
        (3, 4, "error", "encoding", "byte 0xf6 is not valid utf-8: pass the file's encoding "
                                    "(--encoding)")]


_NAME_CHARS = "abcXYZ -'éüñøßŁżЖ中😀"
_NOT_UTF8 = [b"\xff", b"\xfe", b"\xc0", b"\x80", b"\xbf", b"\xe9", b"\xf0", b"\xed"]


@given(names=st.lists(st.text(_NAME_CHARS, min_size=1, max_size=12), min_size=1, max_size=8),
       injected=st.lists(st.tuples(st.integers(0, 10_000), st.sampled_from(_NOT_UTF8)),
                         min_size=1, max_size=3))
def test_utf8_with_a_few_bad_bytes_keeps_every_other_character(
        names: list[str], injected: list[tuple[int, bytes]]) -> None:
    from orgviz.io.csvread import parse_csv

    text = "id,name\n1,Zoë Ñúñez\n" + "".join(f"{i},{n}\n" for i, n in enumerate(names, 2))
    body = len("id,name\n")
    places = sorted({body + at % (len(text) - body) for at, _ in injected})
    bad = dict(zip(places, (b for _, b in injected), strict=False))
    data = b"".join(bad.get(i, b"") + c.encode() for i, c in enumerate(text))
    expected = "".join("\ufffd" * (i in bad) + c for i, c in enumerate(text))
    table = parse_csv(data, "p.csv")
    assert table.encoding == "utf-8"
    assert [cells for _, cells in table.rows] == [
        line.split(",") for line in expected.splitlines()[1:]]
    [problem] = [p for p in table.problems if p.rule == "encoding"]
    first = expected.index("\ufffd")
    line = expected.count("\n", 0, first) + 1
    col = first - expected.rfind("\n", 0, first)
    assert (problem.line, problem.col, problem.level) == (line, col, "warning")
    more = f", and {len(bad) - 1} more byte{'s' if len(bad) > 2 else ''}" if len(bad) > 1 else ""
    assert problem.message.startswith(f"not UTF-8 (byte 0x{bad[places[0]][0]:02x}{more}):")


@given(st.text(_NAME_CHARS + "𝒜🎉", min_size=1, max_size=40).filter(
    lambda name: any(ord(c) > 0xFFFF for c in name)))
def test_cesu_8_reads_as_the_text_it_encodes(name: str) -> None:
    from orgviz.io.csvread import parse_csv

    table = parse_csv(_cesu_8(f"id,name\n1,{name}\n2,x\n"), "p.csv")
    assert table.rows[0][1] == ["1", name]
    assert [p.level for p in table.problems] == ["info"]


# --- text after a closing quote -------------------------------------------------------------

_AFTER_QUOTE = "the cell goes on after its closing quote (a stray '\"' in it?): read as "


@pytest.mark.parametrize(("text", "line", "col", "read"), [
    ('id,name,manager\n1,Ann,\n3,"Cy"x,1\n', 3, 2, "'Cyx'"),  # (the QA reviewer's: no warning)
    ('id,name,manager\n1,Ann,\n3,Cy,"1"2\n', 3, 3, "'12'"),
    ('id,name,manager\n1,"Ann",\n3,"Cy"x,1\n4,"Di""x"y,1\n', 3, 2, "'Cyx' (and 1 more cell)"),
    ('id,name,manager\n1,Ann,\n3,"C\ny"x,1\n4,Di,1\n', 3, 2, "'C yx'"),  # (over 2 lines)
    ('id,name,manager\n1,Ann,\n3,Cy,1\n4,"Di\nana",3\n5,Ed,""4\n', 6, 3, "'4'"),
    ('id\tname\tmanager\n1\tAnn\t\n3\t"Cy"x\t1\n', 3, 2, "'Cyx'"),
    ('id,"name"x,manager\n1,Ann,\n', 1, 2, "'namex'"),
    # After a field longer than the csv module's short limit (read again without it).
    (f'id,name,title,manager\n1,Ann,"{"t" * 600}",\n3,"Cy"x,,1\n', 3, 2, "'Cyx'"),
])
def test_text_after_a_closing_quote_is_a_warning_at_its_cell(
        tmp_path: Path, text: str, line: int, col: int, read: str) -> None:
    path = tmp_path / "q.csv"
    path.write_text(text, encoding="utf-8", newline="")
    result = import_csv(path, ImportOptions(keep_going=True))
    [problem] = [p for p in result.problems if p.rule == "csv"]
    assert (problem.line, problem.col, problem.level) == (line, col, "warning")
    assert problem.message == _AFTER_QUOTE + read


@pytest.mark.parametrize("text", [
    'id,name,manager\n1,"Ann" ,\n2,"Bob, Jr",1\n',  # (a space after the quote: the same name)
    'id,name,manager\n1,"Ann",\n2,"Bob ""B"" Roe",1\n3,Cy "C" Doe,1\n4,"",1\n',
    'id,name,manager\r\n1,"Ann",\r\n2,"Bob\r\nRoe","1"\r\n',
])
def test_quotes_that_close_their_cells_say_nothing(tmp_path: Path, text: str) -> None:
    path = tmp_path / "q.csv"
    path.write_text(text, encoding="utf-8", newline="")
    result = import_csv(path)
    assert [p for p in result.problems if p.rule == "csv"] == []


_BAD_BYTE_ON_LINE_3 = b"id,name,manager{nl}a,Ann,{nl}b,B\xffb,a{nl}c,Zo\xc3\xab,a{nl}"


@pytest.mark.parametrize("newline", [b"\r", b"\r\n", b"\n"])
@pytest.mark.parametrize(("encoding", "level", "message"), [
    (None, "warning", "not UTF-8 (byte 0xff): read as U+FFFD (\ufffd), the rest of the file "
                      "as UTF-8; pass the encoding (--encoding) if names look wrong"),
    ("utf-8", "error", "byte 0xff is not valid utf-8: pass the file's encoding (--encoding)")])
def test_a_bad_byte_is_placed_on_its_line_whatever_the_line_ends(
        tmp_path: Path, newline: bytes, encoding: str | None, level: str, message: str) -> None:
    # (only \n was counted: a file of \r line ends said line 1, column 27)
    path = tmp_path / "cr.csv"
    path.write_bytes(_BAD_BYTE_ON_LINE_3.replace(b"{nl}", newline))
    try:
        problems = import_csv(path, ImportOptions(encoding=encoding)).problems
    except OrgLoadError as exc:
        problems = exc.problems
    assert [(p.line, p.col, p.level, p.message) for p in problems
            if p.rule == "encoding"] == [(3, 4, level, message)]


@pytest.mark.parametrize("newline", ["\r", "\r\n"])
def test_a_windows_1252_byte_and_a_bad_utf16_unit_are_placed_on_their_lines(
        tmp_path: Path, newline: str) -> None:
    path = tmp_path / "cr.csv"
    path.write_bytes(f"id,name,manager{newline}a,Ann,{newline}b,B\xffb,a{newline}"
                     .encode("cp1252"))
    [problem] = [p for p in import_csv(path).problems if p.rule == "encoding"]
    assert (problem.line, problem.col) == (3, 4)
    assert problem.message.startswith("not UTF-8 (byte 0xff): read as Windows-1252")
    path.write_bytes(f"id,name,manager{newline}a,Ann,{newline}b,Bb".encode("utf-16")
                     + b"\x00\xdc")
    with pytest.raises(OrgLoadError) as raised:
        import_csv(path)
    assert [(p.line, p.col) for p in raised.value.problems] == [(3, 5)]
