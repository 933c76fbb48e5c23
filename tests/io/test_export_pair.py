"""`orgviz export -o NAME.csv` writes the people CSV and its teams table as a pair: both, or
neither (the teams table renamed first, the people CSV last), never a new people CSV beside
an old teams table."""

from __future__ import annotations

import errno
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from orgviz.io import files
from orgviz.io.files import OutputError, write_together

ORG = """\
orgviz: 1
org: {name: Acme, size: small}
teams:
  - {id: exec, name: Executive, color: "#4C78A8"}
people:
  - {id: ada, name: Ada, title: CEO, team: exec}
"""
#: The pair an earlier export wrote (of another org).
OLD_PEOPLE = "id,name,team\r\nold,Old,gone\r\n"
OLD_TEAMS = "team,team_name,parent,lead,color\r\ngone,Gone,,,\r\n"


def _old_pair(folder: Path) -> tuple[Path, Path]:
    """An earlier export's people CSV and teams table in `folder`."""
    people, teams = folder / "acme.csv", folder / "acme.teams.csv"
    people.write_text(OLD_PEOPLE, encoding="utf-8", newline="")
    teams.write_text(OLD_TEAMS, encoding="utf-8", newline="")
    return people, teams


def _leftovers(*folders: Path) -> list[str]:
    """Temporary files left in folders."""
    return [name for folder in folders for name in os.listdir(folder)
            if name.startswith(".orgviz-")]


def _unchanged(people: Path, teams: Path) -> bool:
    """Whether the earlier export's pair is as it was."""
    return (people.read_text(encoding="utf-8"), teams.read_text(encoding="utf-8")) == (
        OLD_PEOPLE.replace("\r\n", "\n"), OLD_TEAMS.replace("\r\n", "\n"))


@pytest.fixture
def org(tmp_path: Path) -> Path:
    path = tmp_path / "org.yaml"
    path.write_text(ORG, encoding="utf-8")
    return path


def test_a_full_disk_at_the_teams_table_leaves_the_old_pair(
        tmp_path: Path, org: Path, run: Callable[..., Any],
        monkeypatch: pytest.MonkeyPatch) -> None:
    # (the people CSV was replaced, then the teams table failed: a new CSV beside the old
    # table, which the next import read without a word)
    people, teams = _old_pair(tmp_path)
    real = files._write_all

    def full(descriptor: int, raw: bytes) -> None:
        if raw.startswith(b"team,"):
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        real(descriptor, raw)

    monkeypatch.setattr(files, "_write_all", full)
    result = run("export", "org.yaml", "-o", "acme.csv")
    assert (result.exit_code, result.output) == (
        2, "orgviz: acme.teams.csv: cannot write: No space left on device\n")
    assert _unchanged(people, teams) and _leftovers(tmp_path) == []


def test_a_full_disk_at_the_people_csv_names_it(
        tmp_path: Path, org: Path, run: Callable[..., Any],
        monkeypatch: pytest.MonkeyPatch) -> None:
    people, teams = _old_pair(tmp_path)

    def full(descriptor: int, raw: bytes) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(files, "_write_all", full)
    result = run("export", "org.yaml", "-o", "acme.csv")
    assert (result.exit_code, result.output) == (
        2, "orgviz: acme.csv: cannot write: No space left on device\n")
    assert _unchanged(people, teams) and _leftovers(tmp_path) == []


def test_a_teams_table_in_a_folder_that_cannot_be_written(
        tmp_path: Path, org: Path, run: Callable[..., Any],
        monkeypatch: pytest.MonkeyPatch) -> None:
    # (the teams table a link to one in a read-only folder: its temporary file cannot be
    # made there; as root, which writes any folder, the refusal is simulated)
    locked = tmp_path / "locked"
    locked.mkdir()
    people, teams = _old_pair(tmp_path)
    real_teams = locked / "acme.teams.csv"
    teams.rename(real_teams)
    teams.symlink_to(real_teams)
    real_open = os.open

    def refused(path: Any, flags: int, *args: Any, **kwargs: Any) -> int:
        if os.path.dirname(os.fspath(path)) == str(locked) and flags & os.O_CREAT:
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES))
        return real_open(path, flags, *args, **kwargs)

    if os.geteuid() == 0:
        monkeypatch.setattr(files.os, "open", refused)
    else:
        locked.chmod(0o555)
    try:
        result = run("export", "org.yaml", "-o", "acme.csv")
    finally:
        locked.chmod(0o755)
    assert (result.exit_code, result.output) == (
        2, "orgviz: acme.teams.csv: cannot write: Permission denied\n")
    assert teams.is_symlink() and _unchanged(people, teams)
    assert _leftovers(tmp_path, locked) == []


def test_a_teams_path_that_is_a_dangling_link_is_refused_before_anything_is_written(
        tmp_path: Path, org: Path, run: Callable[..., Any]) -> None:
    """A link to a new file in a folder that is not there is refused as -o's is (it said "it
    is another file (no teams table)": no file is there), its folder never made."""
    people = tmp_path / "acme.csv"
    people.write_text(OLD_PEOPLE, encoding="utf-8", newline="")
    teams = tmp_path / "acme.teams.csv"
    teams.symlink_to(tmp_path / "missing" / "acme.teams.csv")
    result = run("export", "org.yaml", "-o", "acme.csv")
    missing = tmp_path / "missing"
    assert (result.exit_code, result.output) == (
        2, f"orgviz: acme.teams.csv: it is a symbolic link to {missing / 'acme.teams.csv'}, "
           f"whose directory {missing} does not exist: make {missing} first, or name another "
           "output\n")
    assert people.read_text(encoding="utf-8") == OLD_PEOPLE.replace("\r\n", "\n")
    assert teams.is_symlink() and not (tmp_path / "missing").exists()
    assert _leftovers(tmp_path) == []


def test_a_teams_path_that_links_to_a_new_file_is_written_through(
        tmp_path: Path, org: Path, run: Callable[..., Any]) -> None:
    """As -o's: the link stays, the table is made where it leads (it was refused as
    "another file (no teams table)")."""
    (tmp_path / "kept").mkdir()
    teams = tmp_path / "acme.teams.csv"
    teams.symlink_to(tmp_path / "kept" / "acme.teams.csv")
    result = run("export", "org.yaml", "-o", "acme.csv")
    assert (result.exit_code, result.output) == (0, "")
    assert teams.is_symlink()
    assert (tmp_path / "kept" / "acme.teams.csv").read_text(encoding="utf-8").startswith(
        "team,team_name,parent,lead,color")


def test_the_people_csv_renamed_last_and_a_failure_there_names_both(
        tmp_path: Path, org: Path, run: Callable[..., Any],
        monkeypatch: pytest.MonkeyPatch) -> None:
    people, teams = _old_pair(tmp_path)
    real_replace = os.replace
    renamed: list[str] = []

    def replace(source: Any, target: Any) -> None:
        renamed.append(os.path.basename(os.fspath(target)))
        if os.fspath(target).endswith(os.sep + "acme.csv"):
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES))
        real_replace(source, target)

    monkeypatch.setattr(files.os, "replace", replace)
    result = run("export", "org.yaml", "-o", "acme.csv")
    assert renamed == ["acme.teams.csv", "acme.csv"]
    assert (result.exit_code, result.output) == (
        2, "orgviz: acme.csv: cannot write: Permission denied; acme.teams.csv is written "
           "already, for the new acme.csv, not the old one left there: write them again\n")
    assert people.read_text(encoding="utf-8") == OLD_PEOPLE.replace("\r\n", "\n")
    assert teams.read_text(encoding="utf-8").startswith("team,team_name,parent,lead,color\n")
    assert _leftovers(tmp_path) == []


def test_an_export_writes_the_pair(tmp_path: Path, org: Path, run: Callable[..., Any]) -> None:
    _old_pair(tmp_path)
    result = run("export", "org.yaml", "-o", "out/acme.csv")
    assert result.exit_code == 0, result.output
    assert (tmp_path / "out" / "acme.teams.csv").read_text(encoding="utf-8") == (
        "team,team_name,parent,lead,color\nexec,Executive,,,#4C78A8\n")
    assert (tmp_path / "out" / "acme.csv").read_text(encoding="utf-8").startswith("id,name,")
    assert _leftovers(tmp_path / "out") == []


def test_an_interrupt_while_writing_the_pair_leaves_nothing(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real = files._write_all

    def interrupted(descriptor: int, raw: bytes) -> None:
        if raw == b"second":
            raise KeyboardInterrupt
        real(descriptor, raw)

    monkeypatch.setattr(files, "_write_all", interrupted)
    first, second = tmp_path / "new" / "a.csv", tmp_path / "new" / "a.teams.csv"
    with pytest.raises(KeyboardInterrupt):
        write_together([(str(first), "first"), (str(second), "second")])
    assert not (tmp_path / "new").exists()  # (the folder made for them removed again)


def test_two_names_of_one_file_are_refused(tmp_path: Path) -> None:
    target = tmp_path / "a.csv"
    target.write_text("old", encoding="utf-8")
    link = tmp_path / "b.csv"
    link.symlink_to(target)
    with pytest.raises(OutputError) as caught:
        write_together([(str(target), "one"), (str(link), "two")])
    assert str(caught.value) == f"{link}: cannot write: it is {target} (a link), which is " \
        "written too"
    assert target.read_text(encoding="utf-8") == "old" and _leftovers(tmp_path) == []


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs")
def test_a_fifo_where_the_teams_table_goes_is_refused_not_opened(
        tmp_path: Path, org: Path, run: Callable[..., Any]) -> None:
    # (export opened it to see whether it was a teams table, and waited for a writer)
    os.mkfifo(tmp_path / "acme.teams.csv")
    result = run("export", "org.yaml", "-o", "acme.csv")
    assert (result.exit_code, result.output) == (
        2, "orgviz: acme.teams.csv: the teams table of -o acme.csv goes there, but it is "
           "another file (no teams table): move it, or name the CSV otherwise\n")
    assert not (tmp_path / "acme.csv").exists()
