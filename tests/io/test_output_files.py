"""Output files: written whole, through symlinks, and into pipes and devices as they are."""

from __future__ import annotations

import os
import stat
import threading
from pathlib import Path

import pytest
from click.testing import CliRunner

from orgviz.cli import main
from orgviz.errors import OrgvizError
from orgviz.io.files import output_target, write_output
from orgviz.render.output import write_atomic

EXAMPLE = Path(__file__).resolve().parents[2] / "orgs" / "small.yaml"


def _drain(fifo: Path, got: list[bytes]) -> threading.Thread:
    def read() -> None:
        with open(fifo, "rb") as stream:
            got.append(stream.read())

    thread = threading.Thread(target=read)
    thread.start()
    return thread


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
@pytest.mark.parametrize("writer", [write_output, write_atomic])
def test_a_pipe_is_written_into_not_replaced(tmp_path: Path, writer) -> None:
    # As /dev/null or /dev/stdout: renaming a temporary file over it would replace the
    # device itself (as root) or fail (no temporary file can be made in /dev).
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    got: list[bytes] = []
    thread = _drain(fifo, got)
    writer(str(fifo) if writer is write_output else fifo, b"a,b\n")
    thread.join(timeout=10)
    assert got == [b"a,b\n"]
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["pipe"]  # no temporary file left


@pytest.mark.parametrize("writer", [write_output, write_atomic])
def test_a_symlink_stays_a_link_to_the_written_file(tmp_path: Path, writer) -> None:
    target = tmp_path / "real" / "org.csv"
    target.parent.mkdir()
    target.write_text("old", encoding="utf-8")
    link = tmp_path / "link.csv"
    link.symlink_to(target)
    writer(str(link) if writer is write_output else link, b"new")
    assert link.is_symlink() and target.read_bytes() == b"new"
    assert sorted(p.name for p in target.parent.iterdir()) == ["org.csv"]


def test_output_target_kinds(tmp_path: Path) -> None:
    assert output_target(str(tmp_path / "new.csv")) == (str(tmp_path / "new.csv"), False)
    assert output_target("/dev/null") == ("/dev/null", True)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
@pytest.mark.parametrize("args", [["export", "-f", "csv"], ["render", "--format", "svg"]])
def test_commands_write_into_a_pipe(tmp_path: Path, args: list[str]) -> None:
    # (A pipe, not /dev/null: a test that went wrong as root would replace the device.)
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    got: list[bytes] = []
    thread = _drain(fifo, got)
    result = CliRunner().invoke(main, [*args, str(EXAMPLE), "-o", str(fifo)])
    thread.join(timeout=30)
    assert result.exit_code == 0, result.output
    assert got and got[0].startswith(b"id,name," if "csv" in args else b"<?xml")
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)


def test_a_missing_folder_is_one_clear_error(tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    with pytest.raises(OrgvizError, match=r"^no-dir/out\.csv: the directory no-dir does not "
                                          r"exist$"):
        write_output("no-dir/out.csv", b"x")
    assert list(tmp_path.iterdir()) == []


def test_output_that_is_an_input_is_refused(tmp_path: Path) -> None:
    org = tmp_path / "org.yaml"
    org.write_bytes(EXAMPLE.read_bytes())
    people = tmp_path / "people.csv"
    people.write_text("id,name,manager\na,A,\nb,B,a\n", encoding="utf-8")
    teams = tmp_path / "teams.csv"
    teams.write_text("department_id,department_name\n10,A\n", encoding="utf-8")
    for args, target in ((["export", "-f", "csv", str(org)], org),
                         (["import", str(people)], people),
                         (["import", str(people), "--teams", str(teams)], teams)):
        before = target.read_bytes()
        result = CliRunner().invoke(main, [*args, "-o", str(target)])
        assert result.exit_code == 2
        assert result.output == (f"orgviz: -o {target} is an input file ({target}): give "
                                 "another name\n")
        assert target.read_bytes() == before


def test_render_roles_and_diff_refuse_to_draw_over_an_org_file(tmp_path: Path) -> None:
    org = tmp_path / "org.yaml"
    org.write_bytes(EXAMPLE.read_bytes())
    part = tmp_path / "part.svg"  # an included file with a chart's name
    part.write_text("orgviz: 1\npeople:\n  - {id: extra, name: Extra}\n", encoding="utf-8")
    main_org = tmp_path / "main.yaml"
    main_org.write_text(EXAMPLE.read_text(encoding="utf-8") + "include: [part.svg]\n",
                        encoding="utf-8")
    for args, target in ((["render", str(org), "--format", "svg"], org),
                         (["render", str(main_org)], part),
                         (["roles", str(main_org)], part),
                         (["diff", str(org), str(main_org)], part)):
        before = target.read_bytes()
        result = CliRunner().invoke(main, [*args, "-o", str(target)])
        assert result.exit_code == 2, (args, result.output)
        assert result.output.splitlines()[-1] == (
            f"orgviz: -o {target} is an input file ({target}): give another name")
        assert target.read_bytes() == before
