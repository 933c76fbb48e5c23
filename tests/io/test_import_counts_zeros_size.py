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
