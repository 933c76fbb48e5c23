"""File formats known by their first bytes (their signatures, "magic numbers"), for the
readers that are given a file of another format: what the file is, and what to do to
import it (orgviz import) or to have an org file (validate, render, ...). No imports, no
regular expressions: nothing to pay for on import."""

from __future__ import annotations

from typing import NamedTuple


class Format(NamedTuple):
    """What a file is ("a gzip-compressed file") and what to do with it instead of
    importing it (`to_import`) or reading it as an org file (`to_org`); for a compressed
    file, the program that decompresses it to standard output with `-dc` (`tool`)."""

    what: str
    to_import: str
    to_org: str
    tool: str | None = None


#: The first bytes of a zip (an .xlsx workbook is one) and of an Office 97-2003 file (OLE2).
ZIP_START = b"PK\x03\x04"
OLE2_START = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_EXTRACT = "extract it and import the CSV or .xlsx file inside"
#: (csvread names the program, `tool`, and the file: `gzip -dc g.csv > g.decompressed.csv`)
_DECOMPRESS = "decompress it and import the file inside"
EXPORT = "export the table from the HR system as CSV or .xlsx"
_SHEET = "save the sheet as .xlsx or CSV and orgviz import it"
_NO_ORG = "an org file is YAML text (orgviz: 1, org:, people:)"
#: The bzip2 file's starts: `BZh`, the block size, and a block's mark or the end's.
_BZIP2 = tuple(b"BZh" + bytes((size,)) + mark for size in b"123456789"
               for mark in (b"1AY&SY", b"\x17rE8P\x90"))
#: Formats known by their first bytes (bytes.startswith's prefixes), what each is and what
#: to do.
_MAGIC_NUMBERS: tuple[tuple[bytes | tuple[bytes, ...], Format], ...] = (
    (b"\x1f\x8b", Format("a gzip-compressed file", _DECOMPRESS, "decompress it", "gzip")),
    (_BZIP2, Format("a bzip2-compressed file", _DECOMPRESS, "decompress it", "bzip2")),
    (b"\xfd7zXZ\x00", Format("an xz-compressed file", _DECOMPRESS, "decompress it", "xz")),
    (b"\x28\xb5\x2f\xfd", Format("a zstd-compressed file", _DECOMPRESS, "decompress it", "zstd")),
    (b"7z\xbc\xaf\x27\x1c", Format("a 7-Zip archive", _EXTRACT,
                                   "extract the org file inside")),
    (b"Rar!\x1a\x07", Format("a RAR archive", _EXTRACT, "extract the org file inside")),
    (b"%PDF-", Format("a PDF document", EXPORT, _NO_ORG)),
    (b"\x89PNG\r\n\x1a\n", Format("a PNG image", EXPORT, _NO_ORG)),
    (b"\xff\xd8\xff", Format("a JPEG image", EXPORT, _NO_ORG)),
    ((b"GIF87a", b"GIF89a"), Format("a GIF image", EXPORT, _NO_ORG)),
    (b"SQLite format 3\x00", Format(
        "an SQLite database",
        "export the table as CSV (sqlite3 -header -csv {file} 'SELECT * FROM people' > {out})",
        "export the people as CSV and orgviz import it")),
    (b"\x7fELF", Format("a program (an ELF executable)",
                        "pass the CSV or .xlsx file, not the program",
                        "pass the org file, not the program")))


def binary_format(data: bytes) -> Format | None:
    """The format of a file that is plainly no text (a zip, an OpenDocument spreadsheet, an
    Office 97-2003 file, a compressed file, a PDF, an image, ...), from its first bytes;
    None for anything else."""
    if data.startswith(ZIP_START):
        if data[30:38] == b"mimetype" and b"opendocument.spreadsheet" in data[38:100]:
            return Format("an OpenDocument spreadsheet (.ods)",
                          "save the sheet as .xlsx or CSV (LibreOffice: File > Save As)",
                          _SHEET)
        return Format("a zip file (no Excel workbook in it)",
                      "unzip it and import the CSV or .xlsx file inside",
                      "unzip it and give the org file inside")
    if data.startswith(OLE2_START):
        return Format("an Excel 97-2003 workbook (.xls) or another old Office file",
                      "save the sheet as .xlsx or CSV", _SHEET)
    for magic, known in _MAGIC_NUMBERS:
        if data.startswith(magic):
            return known
    return None
