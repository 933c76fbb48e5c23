"""Import: counts in messages with thousands separators, manager ids that differ in leading
zeros, and org files too big for the loader refused."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from orgviz import loadfiles, yamlread
from orgviz.cli import main
from orgviz.io.csvimport import ImportOptions, import_csv
from orgviz.io.orgwrite import refuse_unloadable_size
from orgviz.loader import load


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


def test_a_reference_that_is_the_row_s_own_id_but_for_leading_zeros_is_not_found(
        tmp_path: Path) -> None:
    # ('10' on the row of '010' was read as '010', the row itself: "2 people have no
    # manager: ... '010' (row 3, reports to itself ('10'))", no word of the zeros)
    result = imported(tmp_path, "id,name,manager\n1,Ann,\n010,Di,10\n", keep_going=True)
    assert said(result) == [
        "p.csv:3:3: error [unknown-manager] manager '10' not found: imported as a top"]
    result = imported(tmp_path, "id,name,manager,dotted_line\n1,Ann,,\n010,Di,1,10\n")
    assert said(result) == [
        "p.csv:3:4: warning [unknown-manager] dotted-line manager '10' not found: left out"]
    assert result.org.by_id["010"].dotted_to == ()  # type: ignore[attr-defined]


#: A people CSV of 40 rows with names of letters outside ASCII (2 UTF-8 bytes each).
_ACCENTED = "id,name,manager\n" + "".join(f"{i},Zoë Åström {i},{i - 1 if i else ''}\n"
                                           for i in range(40))


def _too_small_limit(monkeypatch: pytest.MonkeyPatch, limit: int) -> None:
    """The most the loader reads, for import's check and for the loader alike."""
    monkeypatch.setattr(yamlread, "MAX_FILE_BYTES", limit)
    monkeypatch.setattr(loadfiles, "MAX_FILE_BYTES", limit)


@pytest.mark.parametrize("to_stdout", [False, True])
def test_an_org_file_larger_than_the_loader_reads_is_not_written(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, to_stdout: bool) -> None:
    # (import read a CSV up to 256 MiB, and wrote a 70 MiB org file that validate refused:
    # "file is 70 MiB; orgviz reads org files up to 64 MiB")
    path = tmp_path / "p.csv"
    path.write_text(_ACCENTED, encoding="utf-8")
    text = import_csv(path, ImportOptions(name="Acme")).text  # (as the command's below)
    size = len(text.encode("utf-8"))
    assert size > len(text)  # (counted in bytes: the characters alone would fit)
    _too_small_limit(monkeypatch, size - 1)
    out = tmp_path / "org.yaml"
    to = "-" if to_stdout else str(out)
    result = CliRunner().invoke(main, ["import", str(path), "--org-name", "Acme", "-o", to])
    assert result.exit_code == 2
    assert result.stdout == ""
    assert not out.exists()
    target = "stdout" if to_stdout else str(out)
    assert result.stderr == (
        f"orgviz: {target}: not written: the org file would be 0.1 MiB; orgviz reads org files "
        "up to 0 MiB: import a part of the export (a division's rows), or split the org into "
        "files joined by include: (docs/format.md, Split orgs)\n")
    # At the limit, it is written, and loads.
    _too_small_limit(monkeypatch, size)
    result = CliRunner().invoke(main, ["import", str(path), "--org-name", "Acme", "-o",
                                       str(out)])
    assert result.exit_code == 0, result.output
    assert out.read_text(encoding="utf-8") == text
    assert load(out).load_problems == ()


def test_the_size_refused_is_said_in_mib(monkeypatch: pytest.MonkeyPatch) -> None:
    from orgviz.io.files import OutputError

    _too_small_limit(monkeypatch, 64 * 2**20)
    refuse_unloadable_size("x" * 64 * 2**20, "org.yaml")  # (at the limit: no error)
    with pytest.raises(OutputError, match=r"^org\.yaml: not written: the org file would be "
                       r"64\.5 MiB; orgviz reads org files up to 64 MiB: "):
        refuse_unloadable_size("x" * (64 * 2**20 + 2**19), "org.yaml")
    with pytest.raises(OutputError, match=r" would be 70\.0 MiB; "):
        refuse_unloadable_size("é" * (35 * 2**20), "org.yaml")  # (2 bytes each)


@pytest.mark.parametrize(("size", "shown"), [
    (64 * 2**20 + 1, "64.1"), (64 * 2**20 + 2**19, "64.5"), (int(64.96 * 2**20), "65.0"),
    (65 * 2**20, "65.0"), (65 * 2**20 + 1, "65.1")])
def test_a_refused_size_is_rounded_up_past_the_limit(monkeypatch: pytest.MonkeyPatch,
                                                     size: int, shown: str) -> None:
    # (64 MiB and 1 byte said "would be 64.0 MiB; orgviz reads org files up to 64 MiB")
    from orgviz.io.files import OutputError

    _too_small_limit(monkeypatch, 64 * 2**20)
    with pytest.raises(OutputError) as raised:
        refuse_unloadable_size("x" * size, "org.yaml")
    assert str(raised.value).startswith(
        f"org.yaml: not written: the org file would be {shown} MiB; orgviz reads org files "
        "up to 64 MiB: ")
