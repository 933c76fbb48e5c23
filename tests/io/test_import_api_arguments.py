"""orgviz.import_csv's arguments of the wrong type are TypeErrors naming the function (an
ImportOptions field's an ImportOptionTypeError: an OrgvizError and a TypeError, as
RenderOptions' and DeckOptions' are), and every option is checked before any file is read."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

import orgviz
from orgviz.errors import OrgvizError
from orgviz.io.csvimport import ImportOptionTypeError

#: No such file: an option checked first is refused before the file would be found missing.
MISSING = "/nonexistent/people.csv"


@pytest.mark.parametrize(("path", "shown"), [(None, "None (NoneType)"), (5, "5 (int)"),
                                             (b"p.csv", "b'p.csv' (bytes)")])
def test_a_path_of_the_wrong_type_is_a_type_error_naming_import_csv(path: object,
                                                                    shown: str) -> None:
    # (it was "TypeError: expected str, bytes or os.PathLike object, not NoneType", raised
    # seven frames deep in io/tables.py)
    with pytest.raises(TypeError) as caught:
        orgviz.import_csv(path)  # type: ignore[arg-type]
    assert str(caught.value) == ("orgviz.import_csv()'s path must be a CSV file's or "
                                 "workbook's path (or '-': stdin) (a str or os.PathLike), "
                                 f"not {shown}")


def test_a_shown_name_of_the_wrong_type_is_a_type_error_naming_import_csv() -> None:
    with pytest.raises(TypeError) as caught:
        orgviz.import_csv(MISSING, shown_name=5)  # type: ignore[arg-type]
    assert str(caught.value) == ("orgviz.import_csv()'s shown_name must be the name of the org "
                                 "file written (a str: it names the org) or None, not 5 (int)")


@pytest.mark.parametrize(("options", "message"), [
    ({"keep_going": "yes"}, "ImportOptions keep_going must be True or False, not 'yes' (str)"),
    ({"allow_forest": 1}, "ImportOptions allow_forest must be True or False, not 1 (int)"),
    ({"sheet": 3}, "ImportOptions sheet must be a string (or None), not 3 (int)"),
    ({"encoding": b"utf-8"}, "ImportOptions encoding must be a string (or None), not "
                             "b'utf-8' (bytes)"),
    ({"teams": 5}, "ImportOptions teams must be a file path (or None), not 5 (int)"),
    ({"size": 5}, "ImportOptions size must be one of small, mid-size, enterprise (a str) or "
                  "None, not 5 (int)"),
    ({"order": ["csv"]}, "ImportOptions order must be one of tree, csv (a str) or None, not "
                         "['csv'] (list)"),
    ({"columns": None}, "ImportOptions columns must map fields to lists of column names "
                        "(such as {'id': ['EmpID']}), not None (NoneType)"),
    ({"columns": {"id": 5}}, "ImportOptions columns['id'] must be a list of column names "
                             "(such as [5]), not 5 (int)"),
    ({"columns": {"id": [5]}}, "ImportOptions columns['id']: a column name (the header's "
                               "text) must be a non-blank string, not 5 (int)"),
    ({"reference_date": "2030-01-01"}, "ImportOptions reference_date must be a datetime.date "
                                       "(or None: today), not '2030-01-01' (str)"),
])
def test_an_option_of_the_wrong_type_is_an_import_option_type_error(
        options: dict[str, object], message: str) -> None:
    # (keep_going='yes', sheet=3, teams=5 raised a plain OrgvizError, where RenderOptions
    # and DeckOptions raise TypeError subclasses)
    with pytest.raises(ImportOptionTypeError) as caught:
        orgviz.import_csv(MISSING, orgviz.ImportOptions(**options))  # type: ignore[arg-type]
    assert str(caught.value) == message
    assert isinstance(caught.value, TypeError) and isinstance(caught.value, OrgvizError)


@pytest.mark.parametrize(("options", "message"), [
    ({"size": "medium"}, "unknown size 'medium': use one of small, mid-size, enterprise (or "
                         "None, the default)"),
    ({"columns": {"id": [" "]}}, "ImportOptions columns['id']: a column name (the header's "
                                 "text) must be a non-blank string, not ' '"),
])
def test_an_option_of_the_right_type_but_no_value_taken_is_no_type_error(
        options: dict[str, object], message: str) -> None:
    with pytest.raises(OrgvizError) as caught:
        orgviz.import_csv(MISSING, orgviz.ImportOptions(**options))  # type: ignore[arg-type]
    assert str(caught.value) == message
    assert not isinstance(caught.value, TypeError)


@pytest.mark.parametrize(("options", "message"), [
    ({"encoding": "klingon"}, "encoding (--encoding) 'klingon' is unknown: try utf-8, cp1252, "
                              "latin-1 or utf-16"),
    ({"encoding": "rot13"}, "encoding (--encoding) 'rot13' is unknown: try utf-8, cp1252, "
                            "latin-1 or utf-16"),
    ({"delimiter": "ab"}, "delimiter (--delimiter) must be one character that is no letter, "
                          "digit, quote, space or line break (such as , ; | or tab), not 'ab'"),
    ({"delimiter": ""}, "delimiter (--delimiter) must be one character that is no letter, "
                        "digit, quote, space or line break (such as , ; | or tab), not ''"),
])
def test_encoding_and_delimiter_are_checked_before_the_file_is_read(
        options: dict[str, str], message: str) -> None:
    # (they were checked once the file was read: a missing file was said first)
    with pytest.raises(OrgvizError) as caught:
        orgviz.import_csv(MISSING, orgviz.ImportOptions(**options))  # type: ignore[arg-type]
    assert str(caught.value) == message


@pytest.mark.parametrize("delimiter", [";", "tab", "Semicolon"])
def test_a_delimiter_by_its_character_or_name_is_taken(tmp_path: Path,
                                                       delimiter: str) -> None:
    mark = ";" if delimiter.lower().startswith("semi") or delimiter == ";" else "\t"
    path = tmp_path / "p.csv"
    path.write_text(mark.join(["id", "name", "manager"]) + "\n" + mark.join(["a", "A", ""])
                    + "\n" + mark.join(["b", "B", "a"]) + "\n", encoding="utf-8")
    result = orgviz.import_csv(path, orgviz.ImportOptions(
        delimiter=delimiter, reference_date=datetime.date(2026, 12, 8)))
    assert [(p.id, p.reports_to) for p in result.org.people] == [("a", None), ("b", "a")]


def test_import_option_type_error_is_exported_by_orgviz() -> None:
    # (it was importable from orgviz.io.csvimport only: `except orgviz.ImportOptionTypeError`
    # was an AttributeError)
    assert "ImportOptionTypeError" in orgviz.__all__
    assert orgviz.ImportOptionTypeError is ImportOptionTypeError
    with pytest.raises(orgviz.ImportOptionTypeError) as caught:
        orgviz.import_csv(MISSING, orgviz.ImportOptions(keep_going="yes"))  # type: ignore[arg-type]
    assert str(caught.value).startswith("ImportOptions keep_going must be True or False, not "
                                        "'yes' (")
