"""Import: counts in messages with thousands separators, manager ids that differ in leading
zeros, and org files too big for the loader refused."""

from __future__ import annotations

from pathlib import Path

from orgviz.io.csvimport import ImportOptions, import_csv


def said(result: object) -> list[str]:
    """The problems of an import as `file:line:col: level [rule] message`."""
    return [f"{Path(p.file).name}:{p.line}:{p.col}: {p.level} [{p.rule}] {p.message}"
            for p in result.problems]  # type: ignore[attr-defined]


def imported(tmp_path: Path, text: str, **options: object) -> object:
    """The import of a CSV text written to p.csv."""
    path = tmp_path / "p.csv"
    path.write_text(text, encoding="utf-8", newline="")
    return import_csv(path, ImportOptions(**options))  # type: ignore[arg-type]


def test_a_tallied_count_has_thousands_separators(tmp_path: Path) -> None:
    # (next to "imported 1,200 positions", the info said "1199 manager references")
    rows = "".join(f"{i},Person {i},{'Person 0' if i else ''}\n" for i in range(1200))
    result = imported(tmp_path, "id,name,manager\n" + rows)
    assert said(result) == [
        "p.csv:1:3: info [manager-by-name] 1,199 manager references matched by name or email "
        "('Person 0')"]


def test_manager_ids_without_the_ids_leading_zeros_find_them(tmp_path: Path) -> None:
    # (Excel drops the leading zeros of a column of numbers: the id column kept '001', the
    # manager column says 1; every manager was "not found", without a suggestion)
    result = imported(tmp_path, "id,name,manager\n001,Ann,\n002,Bob,1\n003,Cy,2.0\n")
    assert said(result) == [
        "p.csv:1:3: info [manager-by-name] 2 manager references that are ids but for leading "
        "zeros ('1' as '001', '2.0' as '002') read as those ids (leading zeros dropped by a "
        "spreadsheet?)"]
    assert [(p.id, p.reports_to) for p in result.org.people] == [  # type: ignore[attr-defined]
        ("001", None), ("002", "001"), ("003", "002")]
    # (no comment on every row of such a column)
    assert "leading zeros" not in result.text  # type: ignore[attr-defined]


def test_manager_ids_with_leading_zeros_the_ids_lack_find_them(tmp_path: Path) -> None:
    result = imported(tmp_path, "id,name,manager\n5,Ann,\n6,Bob,005\n")
    assert said(result) == [
        "p.csv:1:3: info [manager-by-name] 1 manager reference that is an id but for leading "
        "zeros ('005' as '5') read as that id (leading zeros dropped by a spreadsheet?)"]
    assert result.org.by_id["6"].reports_to == "5"  # type: ignore[attr-defined]


def test_a_number_of_several_ids_with_other_leading_zeros_is_suggested(tmp_path: Path
                                                                       ) -> None:
    # ('01' and '001' both ids: which one '1' means is not for import to guess)
    result = imported(tmp_path, "id,name,manager\n01,Ann,\n001,Bob,01\n002,Cy,1\n")
    assert said(result) == [
        "p.csv:4:3: error [unknown-manager] manager '1' not found; did you mean '01' (row 2) "
        "or '001' (row 3)? (leading zeros dropped by a spreadsheet?)"]
    # Of the ids of that number, the row's own is not suggested.
    result = imported(tmp_path, "id,name,manager\n01,Ann,\n001,Bob,1\n", keep_going=True)
    assert said(result)[-1] == (
        "p.csv:3:3: error [unknown-manager] manager '1' not found: imported as a top; did you "
        "mean '01' (row 2)? (leading zeros dropped by a spreadsheet?)")
