"""What the loader and the hooks read: regular files only, boundedly, through symlinks and loops.

A test that would block or read without end, were the bug back, runs orgviz as a process with a
timeout and a memory limit. Named pipes are made in tmp_path only; /dev/zero is only ever
pointed at by symlinks in tmp_path (or named by a relative path) and never opened for writing.
"""

from __future__ import annotations

import os
import pickle
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from orgviz import orgfiles
from orgviz.cli import main
from orgviz.errors import OrgFileError, OrgLoadError
from orgviz.loadbuild import MAX_INCLUDE_DEPTH
from orgviz.loader import load
from orgviz.orgfiles import (
    FileTooBigError,
    NotRegularFileError,
    read_regular,
    source_files,
    tracked_yaml_files,
)
from orgviz.yamlread import MAX_FILE_BYTES

pytestmark = pytest.mark.skipif(not hasattr(os, "mkfifo") or not os.path.exists("/dev/zero"),
                                reason="needs named pipes and /dev/zero")

TOP = ("orgviz: 1\norg: {name: Top, size: small}\ninclude: [%s]\npeople:\n"
       "  - {id: ceo, name: Ada Obi, title: CEO}\n")
PART = "orgviz: 1\npeople:\n  - {id: eng, name: Ben Cruz, title: Engineer, reports_to: ceo}\n"
LINK = "orgviz: 1\ninclude: [%s]\n"
GIB = 2**30


def _limit_memory() -> None:
    """In the child: at most 2 GiB of data, so that an unbounded read fails fast."""
    import resource

    resource.setrlimit(resource.RLIMIT_DATA, (2 * GIB, 2 * GIB))


def orgviz(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """Run orgviz as a process that cannot hang the tests: 30 s at most, 2 GiB of data."""
    return subprocess.run([sys.executable, "-m", "orgviz", *args], capture_output=True,
                          text=True, cwd=cwd, timeout=30, check=False,
                          preexec_fn=_limit_memory)


def write(folder: Path, files: dict[str, str]) -> None:
    """Write text files (relative path -> text) under `folder`."""
    for name, text in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def git_init(folder: Path, *tracked: str) -> None:
    """Make `folder` a git repository that tracks `tracked` (added, not committed)."""
    subprocess.run(["git", "init", "-q"], cwd=folder, check=True, timeout=30)
    subprocess.run(["git", "add", "--", *tracked], cwd=folder, check=True, timeout=30)


# -- devices and named pipes -----------------------------------------------------------------


def test_an_include_of_a_symlink_to_dev_zero_is_refused_unread(tmp_path: Path) -> None:
    write(tmp_path, {"top.yaml": TOP % "zero.yaml"})
    (tmp_path / "zero.yaml").symlink_to("/dev/zero")
    done = orgviz("validate", "top.yaml", cwd=tmp_path)
    assert (done.returncode, done.stderr) == (1, "")
    assert done.stdout.splitlines() == [
        "top.yaml:3:11: error [include] zero.yaml: is not a regular file (a character device)",
        "1 file checked: 1 error"]


def test_an_include_of_dev_zero_by_a_relative_path_is_refused_unread(tmp_path: Path) -> None:
    item = os.path.relpath("/dev/zero", tmp_path)  # ../../dev/zero: out of the tree is allowed
    write(tmp_path, {"top.yaml": TOP % f'"{item}"'})
    done = orgviz("validate", "top.yaml", cwd=tmp_path)
    assert done.returncode == 1
    assert done.stdout.splitlines()[0] == (f"top.yaml:3:11: error [include] {item}: is not a "
                                           "regular file (a character device)")


def test_an_include_of_a_named_pipe_does_not_block(tmp_path: Path) -> None:
    write(tmp_path, {"top.yaml": TOP % "parts/pipe.yaml"})
    (tmp_path / "parts").mkdir()
    os.mkfifo(tmp_path / "parts" / "pipe.yaml")
    done = orgviz("validate", "top.yaml", cwd=tmp_path)
    assert done.returncode == 1
    assert done.stdout.splitlines()[0] == ("top.yaml:3:11: error [include] parts/pipe.yaml: "
                                           "is not a regular file (a named pipe)")


@pytest.mark.parametrize("command", ["validate", "render"])
def test_a_top_file_that_is_a_device_or_pipe_is_a_one_line_exit_2_error(
        tmp_path: Path, command: str) -> None:
    os.mkfifo(tmp_path / "pipe.yaml")
    (tmp_path / "zero.yaml").symlink_to("/dev/zero")
    for name, kind in [("/dev/zero", "a character device"), ("zero.yaml", "a character device"),
                       ("pipe.yaml", "a named pipe")]:
        done = orgviz(command, name, cwd=tmp_path)
        assert (done.returncode, done.stdout) == (2, "")
        assert done.stderr == f"orgviz: {name}: is not a regular file ({kind})\n"


def test_read_regular_refuses_what_is_no_regular_file(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe")  # never opened: the stat says what it is
    for path, kind in [(tmp_path / "pipe", "a named pipe"), (tmp_path, "a directory"),
                       (Path("/dev/zero"), "a character device")]:
        with pytest.raises(NotRegularFileError) as caught:
            read_regular(path, 100)
        assert caught.value.kind == kind


def test_read_regular_reads_at_most_the_limit_even_where_stat_lies(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "big.yaml"
    path.write_bytes(b"x" * 1000)
    assert read_regular(path, 1000) == b"x" * 1000
    with pytest.raises(FileTooBigError) as caught:
        read_regular(path, 999)
    assert caught.value.size == 1000  # stat told
    real_fstat = os.fstat

    def lying_fstat(descriptor: int) -> os.stat_result:
        """A stat that says 0 bytes, as for a file in /proc."""
        status = list(real_fstat(descriptor))
        status[6] = 0  # st_size
        return os.stat_result(status)

    monkeypatch.setattr(orgfiles.os, "fstat", lying_fstat)
    with pytest.raises(FileTooBigError) as caught:
        read_regular(path, 999)
    assert caught.value.size is None  # found by reading 1000 bytes, not more
    assert read_regular(path, 1000) == b"x" * 1000  # all of it, past what stat said


def test_read_regular_reads_a_file_that_grew_since_its_stat(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "org.yaml"
    path.write_bytes(b"abc" * 100)
    real_fstat = os.fstat
    for said in (0, 1, 299, 300):
        monkeypatch.setattr(orgfiles.os, "fstat", lambda fd, said=said: os.stat_result(
            [*real_fstat(fd)[:6], said, *real_fstat(fd)[7:]]))
        assert read_regular(path, 300) == b"abc" * 100
        with pytest.raises(FileTooBigError):
            read_regular(path, 299)


def test_a_file_longer_than_its_stat_says_is_a_limits_problem(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "big.yaml"
    path.write_text("orgviz: 1\n" + "# padding\n" * 300_000)  # 3 MB
    monkeypatch.setattr("orgviz.loadfiles.MAX_FILE_BYTES", 2**20)
    real_fstat = os.fstat
    monkeypatch.setattr(orgfiles.os, "fstat",
                        lambda fd: os.stat_result([*real_fstat(fd)[:6], 0, *real_fstat(fd)[7:]]))
    with pytest.raises(OrgLoadError) as caught:
        load(path)
    assert [str(p) for p in caught.value.problems] == [
        f"{path}:1:1: error [limits] file is more than 1 MiB; orgviz reads org files up to "
        "1 MiB"]


def test_the_hook_reads_no_more_than_the_loader() -> None:
    assert orgfiles.MAX_READ_BYTES == MAX_FILE_BYTES


def test_a_directory_is_still_named_as_such(tmp_path: Path) -> None:
    with pytest.raises(OrgFileError, match=r"^.*: is a directory, not an org file$"):
        load(tmp_path)


@pytest.mark.parametrize("command", [["validate"], ["stats"], ["render", "-o", "x.svg"],
                                     ["export", "-f", "json"], ["import"], ["diff", "a.yaml"]])
def test_an_empty_path_is_named_as_such(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                        command: list[str]) -> None:
    # (Path('') is the current folder: the message was ": is a directory, not an org file".)
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.yaml").write_text(TOP.replace("include: [%s]\n", ""), encoding="utf-8")
    result = CliRunner().invoke(main, [*command, ""])
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == "orgviz: '': cannot read: an empty path names no file\n"
    assert not (tmp_path / "x.svg").exists()


# -- symlink loops ---------------------------------------------------------------------------


@pytest.mark.parametrize("command", ["validate", "render"])
def test_a_top_file_in_a_symlink_loop_is_a_one_line_exit_2_error(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, command: str) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.yaml").symlink_to("b.yaml")
    (tmp_path / "b.yaml").symlink_to("a.yaml")
    result = CliRunner().invoke(main, [command, "a.yaml"])
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == "orgviz: a.yaml: cannot read: symlink loop\n"


def test_an_included_symlink_loop_is_an_include_error_at_the_include(tmp_path: Path) -> None:
    write(tmp_path, {"top.yaml": TOP % "loop.yaml"})
    (tmp_path / "loop.yaml").symlink_to("loop.yaml")
    assert [str(p) for p in load(tmp_path / "top.yaml").load_problems] == [
        f"{tmp_path}/top.yaml:3:11: error [include] {tmp_path}/loop.yaml: cannot read: "
        "symlink loop"]


def test_a_dangling_symlink_include_still_does_not_exist(tmp_path: Path) -> None:
    write(tmp_path, {"top.yaml": TOP % "gone.yaml"})
    (tmp_path / "gone.yaml").symlink_to("nowhere.yaml")
    result = CliRunner().invoke(main, ["validate", str(tmp_path / "top.yaml")])
    assert result.exit_code == 1
    assert result.stdout.splitlines()[0] == (f"{tmp_path}/top.yaml:3:11: error [include] "
                                             "included file 'gone.yaml' does not exist")


def test_a_nul_in_an_include_path_is_an_include_error(tmp_path: Path) -> None:
    write(tmp_path, {"top.yaml": TOP % '"a\\0b.yaml"'})
    result = CliRunner().invoke(main, ["validate", str(tmp_path / "top.yaml")])
    assert result.exit_code == 1 and result.exception is not None  # (SystemExit)
    assert result.stdout.splitlines()[0] == (
        f"{tmp_path}/top.yaml:3:11: error [include] include path holds the control character "
        "U+0000: remove it")
    assert source_files(tmp_path / "top.yaml") == [tmp_path / "top.yaml"]


# -- include depth and includes out of the folder ---------------------------------------------


def _chain(folder: Path, files: int) -> Path:
    """a0.yaml (the top) includes a1.yaml, which includes a2.yaml ... a{files-1}.yaml."""
    write(folder, {"a0.yaml": TOP % "a1.yaml"})
    for index in range(1, files):
        more = f"include: [a{index + 1}.yaml]\n" if index + 1 < files else ""
        write(folder, {f"a{index}.yaml": f"orgviz: 1\n{more}people:\n  - {{id: p{index}, "
                                          f"name: P {index}, reports_to: ceo}}\n"})
    return folder / "a0.yaml"


def test_an_include_chain_of_the_maximum_depth_loads(tmp_path: Path) -> None:
    org = load(_chain(tmp_path, MAX_INCLUDE_DEPTH))
    assert len(org.files) == MAX_INCLUDE_DEPTH == 64 and not org.load_problems


@pytest.mark.parametrize("files", [MAX_INCLUDE_DEPTH + 1, 600])
def test_a_deeper_include_chain_is_one_error_at_the_include_line(tmp_path: Path,
                                                                 files: int) -> None:
    org = load(_chain(tmp_path, files))  # 600 files: a RecursionError once
    assert len(org.files) == MAX_INCLUDE_DEPTH
    assert [str(p) for p in org.load_problems] == [
        f"{tmp_path}/a63.yaml:2:11: error [include] include chain deeper than 64 files"]
    assert len(source_files(tmp_path / "a0.yaml")) == files  # (the hook walks it in a loop)


def test_an_include_out_of_the_top_files_folder_is_allowed(tmp_path: Path) -> None:
    write(tmp_path, {"orgs/top.yaml": TOP % "../shared/eng.yaml", "shared/eng.yaml": PART})
    org = load(tmp_path / "orgs" / "top.yaml")
    assert not org.load_problems and [p.id for p in org.people] == ["ceo", "eng"]


# -- the hooks -------------------------------------------------------------------------------


def _special_files(folder: Path) -> None:
    """A named pipe, a symlink to /dev/zero and a symlink loop, each with a YAML name."""
    os.mkfifo(folder / "pipe.yaml")
    (folder / "zero.yaml").symlink_to("/dev/zero")
    (folder / "loop.yaml").symlink_to("loop.yaml")


def test_the_folder_walk_lists_regular_yaml_files_only(tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    write(tmp_path, {"top.yaml": TOP % "part.yaml", "part.yaml": PART})
    _special_files(tmp_path)
    (tmp_path / "link.yaml").symlink_to("part.yaml")
    monkeypatch.setattr(subprocess, "run", lambda *a, **k: (_ for _ in ()).throw(
        OSError("no git")))
    assert tracked_yaml_files(tmp_path) == ["link.yaml", "part.yaml", "top.yaml"]


@pytest.mark.skipif(shutil.which("git") is None, reason="needs git")
def test_git_tracked_special_files_are_left_out(tmp_path: Path) -> None:
    write(tmp_path, {"top.yaml": TOP % "part.yaml", "part.yaml": PART})
    _special_files(tmp_path)
    git_init(tmp_path, "top.yaml", "part.yaml", "zero.yaml", "loop.yaml")
    assert tracked_yaml_files(tmp_path) == ["part.yaml", "top.yaml"]


@pytest.mark.skipif(shutil.which("git") is None, reason="needs git")
def test_validate_hook_in_git_with_a_tracked_symlink_to_dev_zero(tmp_path: Path) -> None:
    write(tmp_path, {"top.yaml": TOP % "part.yaml", "part.yaml": PART,
                     "other.yaml": LINK % "zero.yaml"})
    _special_files(tmp_path)
    git_init(tmp_path, "top.yaml", "part.yaml", "other.yaml", "zero.yaml", "loop.yaml")
    done = orgviz("validate", "--hook", "part.yaml", cwd=tmp_path)
    assert (done.returncode, done.stdout, done.stderr) == (0, "2 files checked: no problems\n",
                                                           "")


def test_validate_hook_without_git_passes_a_named_pipe_by(tmp_path: Path) -> None:
    write(tmp_path, {"top.yaml": TOP % "part.yaml", "part.yaml": PART,
                     "other.yaml": LINK % "pipe.yaml"})
    _special_files(tmp_path)
    done = orgviz("validate", "--hook", "part.yaml", cwd=tmp_path)
    assert (done.returncode, done.stdout, done.stderr) == (0, "2 files checked: no problems\n",
                                                           "")


def test_validate_hook_given_special_files_reports_each_in_one_line(tmp_path: Path) -> None:
    _special_files(tmp_path)
    done = orgviz("validate", "--hook", "pipe.yaml", "zero.yaml", "loop.yaml", cwd=tmp_path)
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr.splitlines() == [
        "orgviz: pipe.yaml: is not a regular file (a named pipe)",
        "orgviz: zero.yaml: is not a regular file (a character device)",
        "orgviz: loop.yaml: cannot read: symlink loop"]


def test_render_hook_with_an_included_named_pipe_does_not_block(tmp_path: Path) -> None:
    write(tmp_path, {"top.yaml": TOP % "pipe.yaml"})
    os.mkfifo(tmp_path / "pipe.yaml")
    done = orgviz("render", "--hook", "top.yaml", "-o", "top.dot", cwd=tmp_path)
    assert done.returncode == 1 and not (tmp_path / "top.dot").exists()
    assert done.stdout.splitlines()[0] == ("top.yaml:3:11: error [include] pipe.yaml: is not "
                                           "a regular file (a named pipe)")


@pytest.mark.parametrize(("name", "message"), [
    ("missing.yaml", "cannot read: No such file or directory"),
    ("folder", "is a directory, not an org file"),
    ("fifo", "is not a regular file (a named pipe)"),
    ("/dev/null", "is not a regular file (a character device)"),
])
def test_load_raises_an_org_load_error_with_a_located_problem_for_a_file_it_cannot_read(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str, message: str) -> None:
    """The API's load raised a bare OrgFileError (no `problems`) for these, where README and
    its docstring promise an OrgLoadError; it is both now, its message as before."""
    import orgviz
    from orgviz.errors import UnreadableOrgFileError

    monkeypatch.chdir(tmp_path)
    (tmp_path / "folder").mkdir()
    os.mkfifo(tmp_path / "fifo")
    with pytest.raises(OrgLoadError) as caught:
        orgviz.load(name)
    assert isinstance(caught.value, OrgFileError)
    assert type(caught.value) is UnreadableOrgFileError
    assert str(caught.value) == f"{name}: {message}"
    assert [str(p) for p in caught.value.problems] == [f"{name}:1:1: error [read] {message}"]
    again = pickle.loads(pickle.dumps(caught.value))
    assert (str(again), again.problems) == (str(caught.value), caught.value.problems)


def test_the_commands_still_say_an_unreadable_file_in_one_line_with_exit_2(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["validate", "missing.yaml"])
    assert result.exit_code == 2
    assert "missing.yaml: cannot read: No such file or directory" in result.output
    assert "[read]" not in result.output
