"""An import's org file text is made when first read, and says what the import found."""

from __future__ import annotations

import csv
import dataclasses
from pathlib import Path

import pytest

from orgviz.io import csvimport
from orgviz.io.csvimport import ImportOptions, RecordsOnDemand, import_csv
from orgviz.loader import load


def _write_export(path: Path, rows: int, odd_row: int | None = None) -> None:
    """An HR export of unique ids whose managers are ids (rows link directly); `odd_row`
    gets a name with a colon and space, which the org file quotes; row 9 has no name (a
    note on the row)."""
    with path.open("w", encoding="utf-8", newline="") as handle:
        out = csv.writer(handle)
        out.writerow(["EmployeeId", "FirstName", "LastName", "JobTitle", "Department",
                      "ManagerId", "Location", "Email", "Status"])
        for i in range(1, rows + 1):
            first = "Dana: the first" if i == odd_row else f"First{i}"
            out.writerow([f"E{i:03d}", "" if i == 9 else first, "" if i == 9 else f"Last{i}",
                          "CEO" if i == 1 else "Engineer", f"Dept {i % 3}",
                          "" if i == 1 else f"E{(i - 1) // 3 + 1:03d}", "Berlin",
                          f"p{i}@x.test", "Vacant" if i == 5 else "Active"])


def _counting_write_org(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Count the calls of the import's `write_org` (one a text made)."""
    calls: list[int] = []
    write_org = csvimport.write_org

    def counted(*args: object, **kwargs: object) -> str:
        calls.append(1)
        return write_org(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(csvimport, "write_org", counted)
    return calls


@pytest.mark.parametrize("odd_row", [None, 7])
def test_text_is_made_once_when_first_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                           odd_row: int | None) -> None:
    path = tmp_path / "people.csv"
    _write_export(path, 40, odd_row)
    calls = _counting_write_org(monkeypatch)
    result = import_csv(path)
    assert isinstance(result.records, RecordsOnDemand)  # (the direct way: lines by column)
    assert calls == []  # the org and problems need no text
    text = result.text
    assert calls == [1]
    assert result.text is text and calls == [1]  # made once, then kept
    assert "make_text" not in repr(result)
    written = tmp_path / "people.yaml"
    written.write_text(text, encoding="utf-8")
    org = load(written)
    assert [p.id for p in org.people] == [p.id for p in result.org.people]
    assert [p.name for p in org.people] == [p.name for p in result.org.people]
    if odd_row is not None:  # (a name the lines made column by column cannot write plain)
        assert 'name: "Dana: the first Last7"' in text


def test_text_says_the_import_not_later_changes(tmp_path: Path) -> None:
    path = tmp_path / "people.csv"
    _write_export(path, 40)
    for options in (ImportOptions(), ImportOptions(order="tree", keep_going=True)):
        result = import_csv(path, options)
        expected = import_csv(path, options).text
        # A caller changing the result before reading the text changes the org, not the text.
        result.org.name = "Renamed"
        result.org.size = "enterprise"
        result.org.people = result.org.people[:3]
        result.header_notes.append("a note added later")
        assert any(record.notes for record in result.records)  # (row 9's)
        for record in result.records:
            record.notes.append("a row note added later")
        assert result.text == expected
        assert "people.csv:10: no name: imported as a vacancy" in expected
        assert "Renamed" not in result.text and "added later" not in result.text


def test_text_of_record_by_record_import_is_made_on_demand_too(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "people.csv"  # (names as managers: linked record by record)
    path.write_text("id,name,manager,title\n1,Ann Lee,,CEO\n2,Bo Chan,Ann Lee,Engineer\n"
                    "3,Cy Diaz,Ann Lee,Engineer\n", encoding="utf-8")
    calls = _counting_write_org(monkeypatch)
    result = import_csv(path)
    assert not isinstance(result.records, RecordsOnDemand)
    assert calls == []
    for record in result.records:
        record.notes.append("added later")
    text = result.text
    assert 'reports_to: "1"' in text and "manager 'Ann Lee' matched by name" in text
    assert "added later" not in text
    assert calls == [1]


def test_results_compare_without_their_text_maker(tmp_path: Path) -> None:
    path = tmp_path / "people.csv"
    _write_export(path, 10)
    first, second = import_csv(path), import_csv(path)
    assert first.make_text is not second.make_text
    names = [f.name for f in dataclasses.fields(first) if f.compare]
    assert "make_text" not in names and "org" in names
    assert first.text == second.text


def test_text_says_the_rows_set_aside_as_the_import_found_them() -> None:
    fixture = Path(__file__).parent / "fixtures" / "history.csv"
    expected = import_csv(fixture).text
    result = import_csv(fixture)
    assert result.dropped  # (history rows, named in the text's last comments)
    for record in result.dropped:
        record.name = "CHANGED LATER"
        record.history = "changed later"
    assert result.text == expected and "CHANGED LATER" not in result.text

