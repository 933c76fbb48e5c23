"""A teams file (--teams, or the teams table beside the people CSV) is read once an import:
the table read is what asks whether it is a teams table of its header alone, what the
teams table's step reads, and what a departments list beside a CSV of the export's layout
is read from later (it was opened up to four times, and standard input read twice)."""

from __future__ import annotations

import builtins
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from orgviz.cli import main
from orgviz.io.csvimport import EXPORT_COLUMNS, ImportOptions, import_csv
from orgviz.io.csvimport.beside import import_with_table_beside

#: People in the export's layout (team ids 10 and 20), and in an HR export's.
EXACT = (",".join(EXPORT_COLUMNS) + "\n"
         "ada,Ada,CEO,,,,10,,,,,\n"
         "bo,Bo,COO,,ada,,20,,,,,\n")
HR = "id,name,manager,department\nada,Ada,,10\nbo,Bo,ada,20\n"
DEPARTMENTS = "department_id,department_name,manager_id\n10,Exec,ada\n20,Ops,bo\n"
TABLE = "team,team_name,parent,lead,color\n10,Exec,,ada,\n20,Ops,10,bo,\n"


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> Callable[[Path], int]:
    """How many times a file was opened (by `open` or `os.open`) since the test began."""
    counts: dict[str, int] = {}
    real_open, real_os_open = builtins.open, os.open

    def count(path: Any) -> None:
        if isinstance(path, (str, os.PathLike)):
            key = os.path.realpath(os.fspath(path))
            counts[key] = counts.get(key, 0) + 1

    def counting_open(file: Any, *args: Any, **kwargs: Any) -> Any:
        count(file)
        return real_open(file, *args, **kwargs)

    def counting_os_open(path: Any, *args: Any, **kwargs: Any) -> int:
        count(path)
        return real_os_open(path, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", counting_open)
    monkeypatch.setattr(os, "open", counting_os_open)
    return lambda path: counts.get(os.path.realpath(path), 0)


def _files(tmp_path: Path, people: str, teams: str) -> tuple[Path, Path]:
    (tmp_path / "acme.csv").write_text(people, encoding="utf-8")
    (tmp_path / "acme.teams.csv").write_text(teams, encoding="utf-8")
    return tmp_path / "acme.csv", tmp_path / "acme.teams.csv"


@pytest.mark.parametrize(("people", "teams", "expected"), [
    (EXACT, DEPARTMENTS, [("exec", "Exec", "ada"), ("ops", "Ops", "bo")]),
    (EXACT, TABLE, [("10", "Exec", "ada"), ("20", "Ops", "bo")]),
    (HR, DEPARTMENTS, [("exec", "Exec", "ada"), ("ops", "Ops", "bo")]),
    (HR, TABLE, [("10", "Exec", "ada"), ("20", "Ops", "bo")]),
    (EXACT, "team,team_name,parent,lead,color\n", []),  # (the header alone: no teams)
], ids=["departments-exact", "table-exact", "departments-hr", "table-hr", "header-alone"])
def test_teams_named_by_teams_are_read_once(tmp_path: Path, opened: Callable[[Path], int],
                                            people: str, teams: str,
                                            expected: list[tuple[str, str, str]]) -> None:
    path, table = _files(tmp_path, people, teams)
    result = import_csv(path, ImportOptions(teams=str(table)))
    assert [(t.id, t.name, t.lead) for t in result.org.teams] == expected
    assert [p for p in result.problems if p.level != "info"] == []
    assert (opened(path), opened(table)) == (1, 1)


def test_the_teams_table_beside_the_csv_is_read_once(tmp_path: Path,
                                                     opened: Callable[[Path], int]) -> None:
    path, table = _files(tmp_path, EXACT, TABLE)
    result = import_with_table_beside(str(path), ImportOptions(), str(table))
    assert [(t.id, t.lead) for t in result.org.teams] == [("10", "ada"), ("20", "bo")]
    assert opened(table) == 1


@pytest.mark.parametrize("people", [EXACT, HR], ids=["exact", "hr"])
def test_import_csv_reads_the_teams_table_beside_the_csv_once(
        tmp_path: Path, opened: Callable[[Path], int], people: str) -> None:
    # (orgviz.import_csv looks for it as the command does: its bytes read once, handed on)
    path, table = _files(tmp_path, people, TABLE)
    result = import_csv(path)
    assert [(t.id, t.lead) for t in result.org.teams] == [("10", "ada"), ("20", "bo")]
    assert (opened(path), opened(table)) == (1, 1)


@pytest.mark.parametrize("people", [EXACT, HR], ids=["exact", "hr"])
def test_import_reads_the_teams_table_beside_the_csv_once(
        tmp_path: Path, opened: Callable[[Path], int], people: str) -> None:
    # (the command opened it twice: its first line to tell whether it is a teams table, then
    # the whole of it to import it)
    path, table = _files(tmp_path, people, TABLE)
    done = CliRunner().invoke(main, ["import", str(path), "-o", str(tmp_path / "acme.yaml")])
    assert done.exit_code == 0, done.output
    assert "acme.teams.csv:1:1: info [columns] the teams of acme.csv read from its teams " \
        "table beside it" in done.output
    assert "  - {id: \"20\", name: Ops, parent: \"10\", lead: bo}\n" in \
        (tmp_path / "acme.yaml").read_text(encoding="utf-8")
    assert (opened(path), opened(table)) == (1, 1)


def test_a_file_beside_that_is_no_teams_table_is_read_once_and_not_imported(
        tmp_path: Path, opened: Callable[[Path], int]) -> None:
    path, table = _files(tmp_path, HR, DEPARTMENTS)
    done = CliRunner().invoke(main, ["import", str(path), "-o", str(tmp_path / "acme.yaml")])
    assert done.exit_code == 0, done.output
    assert "acme.teams.csv" not in done.output
    assert "Exec" not in (tmp_path / "acme.yaml").read_text(encoding="utf-8")
    assert (opened(path), opened(table)) == (1, 1)


def test_a_departments_list_on_standard_input_beside_an_export_s_csv(tmp_path: Path) -> None:
    # (it was "orgviz: <stdin>: standard input was read already: give - once", exit 2)
    (tmp_path / "acme.csv").write_text(EXACT, encoding="utf-8")
    done = CliRunner().invoke(main, ["import", str(tmp_path / "acme.csv"), "--teams", "-",
                                     "-o", str(tmp_path / "acme.yaml")], input=DEPARTMENTS)
    assert done.exit_code == 0, done.output
    written = (tmp_path / "acme.yaml").read_text(encoding="utf-8")
    assert "  - {id: exec, name: Exec, lead: ada}\n  - {id: ops, name: Ops, lead: bo}\n" \
        in written


class _CountingReader:
    """A binary stream that adds the bytes read from it to `counts[key]`."""

    def __init__(self, stream: Any, key: str, counts: dict[str, int]) -> None:
        self.stream, self.key, self.counts = stream, key, counts

    def read(self, size: int = -1) -> bytes:
        data = self.stream.read(size)
        self.counts[self.key] = self.counts.get(self.key, 0) + len(data)
        return data

    def __enter__(self) -> _CountingReader:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stream.close()

    def __getattr__(self, name: str) -> Any:
        return getattr(self.stream, name)


@pytest.fixture
def bytes_read(monkeypatch: pytest.MonkeyPatch) -> Callable[[Path], int]:
    """How many bytes were read from a file (opened by `os.fdopen` of an `os.open`, or by
    `open`) since the test began."""
    counts: dict[str, int] = {}
    names: dict[int, str] = {}
    real_open, real_os_open, real_fdopen = builtins.open, os.open, os.fdopen

    def counting_os_open(path: Any, *args: Any, **kwargs: Any) -> int:
        descriptor = real_os_open(path, *args, **kwargs)
        names[descriptor] = os.path.realpath(os.fspath(path))
        return descriptor

    def counting_fdopen(descriptor: int, *args: Any, **kwargs: Any) -> Any:
        stream = real_fdopen(descriptor, *args, **kwargs)
        key = names.pop(descriptor, None)
        return stream if key is None else _CountingReader(stream, key, counts)

    def counting_open(file: Any, mode: str = "r", *args: Any, **kwargs: Any) -> Any:
        stream = real_open(file, mode, *args, **kwargs)
        if "b" not in mode or not isinstance(file, (str, os.PathLike)):
            return stream
        return _CountingReader(stream, os.path.realpath(os.fspath(file)), counts)

    monkeypatch.setattr(os, "open", counting_os_open)
    monkeypatch.setattr(os, "fdopen", counting_fdopen)
    monkeypatch.setattr(builtins, "open", counting_open)
    return lambda path: counts.get(os.path.realpath(path), 0)


@pytest.mark.parametrize("line_end", ["\n", "\r"], ids=["lf", "cr"])
def test_a_big_file_beside_that_is_no_teams_table_is_read_no_further_than_its_head(
        tmp_path: Path, bytes_read: Callable[[Path], int], line_end: str) -> None:
    # (it was read whole, up to the 256 MiB limit, to tell whether it is a teams table; with
    # CR line ends, as Excel for Mac saves a CSV, its first 64 KiB)
    rows = "".join(f"{i},Team {i},someone {i}{line_end}" for i in range(60_000))  # (> 1 MiB)
    path, table = _files(tmp_path, HR, f"department_id,department_name,manager{line_end}" + rows)
    assert table.stat().st_size > 2**20
    result = import_csv(path)
    assert [t.id for t in result.org.teams] == ["10", "20"]
    assert 0 < bytes_read(table) <= 4096 + 1  # (its first line is short)
    assert bytes_read(path) == path.stat().st_size


def test_a_big_teams_table_beside_is_read_whole_once(
        tmp_path: Path, bytes_read: Callable[[Path], int],
        opened: Callable[[Path], int]) -> None:
    rows = "".join(f"t{i},Team {i},,,\n" for i in range(60_000))
    path, table = _files(tmp_path, HR, TABLE + rows)
    result = import_csv(path)
    assert [(t.id, t.lead) for t in result.org.teams][:2] == [("10", "ada"), ("20", "bo")]
    assert len(result.org.teams) == 60_002
    assert bytes_read(table) == table.stat().st_size
    assert opened(table) == 1


#: A teams table of another org (none of the people's teams in it), and one that cannot be
#: read (UTF-16, but not past its first 64 KiB: an error at its first bad unit, line 4002).
OTHER_TABLE = "team,team_name,parent,lead,color\nsales,Sales,,zed,\n"
UNREADABLE = ("team,team_name,parent,lead,color\n"
              + "".join(f"t{i},Team {i},,,\n" for i in range(4000))).encode("utf-16") \
    + b"\x00\xd8" + "x\n".encode("utf-16-le")


@pytest.mark.parametrize("people", [EXACT, HR], ids=["exact", "hr"])
@pytest.mark.parametrize("table", [OTHER_TABLE, UNREADABLE], ids=["other-org", "unreadable"])
def test_a_table_beside_that_does_not_match_is_set_aside_in_one_import(
        tmp_path: Path, opened: Callable[[Path], int], people: str, table: str | bytes) -> None:
    # (the people CSV was imported a second time, without the table, to set it aside)
    path, beside = _files(tmp_path, people, "")
    if isinstance(table, bytes):
        beside.write_bytes(table)
    else:
        beside.write_text(table, encoding="utf-8")
    result = import_csv(path)
    assert (opened(path), opened(beside)) == (1, 1)
    [warning] = [p for p in result.problems if p.level != "info"]
    assert (warning.file, warning.line, warning.col, warning.rule) == (str(beside), 1, 1,
                                                                       "columns")
    reason = (f"{path}:2:7: team '10' is not in acme.teams.csv" if people == EXACT else
              f"{path}:2:4: team '10' is not in acme.teams.csv")
    if isinstance(table, bytes):
        reason = f"{beside}:4002:1: the file starts like UTF-16 but is not valid UTF-16: " \
                 "save it as UTF-8"
    assert warning.message == (
        f"the teams table beside acme.csv does not match it ({reason}) and was not read: "
        f"given as teams (`--teams {beside}`), it is read anyway")
    without = import_csv(path, ImportOptions(teams_beside=False))
    assert result.text == without.text
    assert result.org.teams == without.org.teams
    assert [(p.id, p.team) for p in result.org.people] == \
        [(p.id, p.team) for p in without.org.people]
    assert result.problems == sorted([*without.problems, warning])
    assert result.header_notes == without.header_notes
