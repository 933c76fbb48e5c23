"""An import's table: a CSV file, or one sheet of an Excel workbook (by its name or content)."""

from __future__ import annotations

import os

from orgviz.errors import OrgFileError
from orgviz.io.csvread import CsvTable, parse_csv, read_import
from orgviz.model import TableName
from orgviz.orgfiles import shown_path

#: File name endings read as workbooks (the workbook reader is imported only for those).
WORKBOOK_SUFFIXES = (".xlsx", ".xlsm")


def is_workbook(path: str | os.PathLike[str]) -> bool:
    """Whether a file is read as an Excel workbook (by its name's ending)."""
    return os.fspath(path).lower().endswith(WORKBOOK_SUFFIXES)


def read_table(path: str | os.PathLike[str], encoding: str | None = None,
               delimiter: str | None = None, sheet: str | None = None,
               companion: bool = False, data: bytes | None = None) -> CsvTable:
    """The header and rows of a CSV file, or of a sheet of an .xlsx workbook (the first, or
    `sheet`), shown as a TableName; raise OrgFileError / OrgLoadError when unusable.
    `companion`: a file read beside the people's, whose delimiter is its own where its
    header does not hold `delimiter` (`csvread.own_delimiter`; a workbook's: none); `data`:
    the file's bytes, when read already (`read_table_bytes`)."""
    table = _read_table(path, encoding, delimiter, sheet, companion, data)
    table.shown = TableName(table.shown)  # (the rules name its locations rows: line_at)
    return table


def is_workbook_data(data: bytes) -> bool:
    """Whether bytes are an Excel workbook's (a zip with a workbook part), whatever the file
    is named: a workbook named .csv, or on standard input."""
    return data.startswith(b"PK\x03\x04") and b"xl/workbook.xml" in data


def read_table_bytes(path: str | os.PathLike[str]) -> bytes:
    """The bytes of a file as `read_table` reads them (its errors the same)."""
    return read_import(path, "a workbook" if is_workbook(path) else "a CSV file")


def _read_table(path: str | os.PathLike[str], encoding: str | None, delimiter: str | None,
                sheet: str | None, companion: bool, data: bytes | None) -> CsvTable:
    """The table of a CSV file or a workbook's sheet (`data`: its bytes, when read already),
    its shown name a plain text."""
    if is_workbook(path):
        return _read_workbook(path, encoding, None if companion else delimiter, sheet, data)
    if data is None:
        data = read_import(path, "a CSV file")
    if is_workbook_data(data):
        return _read_workbook(path, encoding, None if companion else delimiter, sheet, data)
    if sheet is not None:
        raise OrgFileError(f"{shown_path(path)}: sheet (--sheet) picks a sheet of an .xlsx "
                           "workbook; this file is read as CSV")
    return parse_csv(data, shown_path(path), encoding, delimiter, companion)


def _read_workbook(path: str | os.PathLike[str], encoding: str | None, delimiter: str | None,
                   sheet: str | None, data: bytes | None) -> CsvTable:
    """A sheet of a workbook (`data`: its bytes, when read already)."""
    from orgviz.io.xlsxread import read_xlsx

    if encoding is not None or delimiter is not None:
        raise OrgFileError(f"{shown_path(path)}: encoding (--encoding) and delimiter "
                           "(--delimiter) are for CSV files, not workbooks")
    return read_xlsx(path, sheet, data)
