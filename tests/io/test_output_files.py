"""Output files: written whole (one writer for every command), through symlinks, and into pipes
and devices as they are."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from click.testing import CliRunner

from orgviz.cli import main
from orgviz.errors import OrgvizError
from orgviz.io.files import OutputError, output_target, own_descriptor, write_file, write_output

EXAMPLE = Path(__file__).resolve().parents[2] / "orgs" / "small.yaml"


def _drain(fifo: Path, got: list[bytes]) -> threading.Thread:
    def read() -> None:
        with open(fifo, "rb") as stream:
            got.append(stream.read())

    thread = threading.Thread(target=read)
    thread.start()
    return thread


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
@pytest.mark.parametrize("writer", [write_output, write_file])
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


@pytest.mark.parametrize("writer", [write_output, write_file])
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


def test_write_output_makes_a_missing_folder(tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    write_output("new-dir/deep/out.csv", b"x")
    assert (tmp_path / "new-dir" / "deep" / "out.csv").read_bytes() == b"x"
    assert os.listdir(tmp_path / "new-dir" / "deep") == ["out.csv"]


def test_a_missing_folder_is_made_on_request_only(tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    write_file("out/deep/chart.svg", b"first", make_folders=True)
    write_file("out/deep/chart.svg", b"second", make_folders=True)
    assert (tmp_path / "out" / "deep" / "chart.svg").read_bytes() == b"second"
    assert os.listdir(tmp_path / "out" / "deep") == ["chart.svg"]
    with pytest.raises(OutputError, match=r"^new/x\.svg: the directory new does not exist$"):
        write_file("new/x.svg", b"x")
    assert sorted(os.listdir(tmp_path)) == ["out"]


@pytest.mark.parametrize("make_folders", [False, True])
@pytest.mark.parametrize("under", ["file", "file/sub", "file/sub/deeper"])
def test_a_file_where_a_folder_should_be_is_named(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, make_folders: bool, under: str) -> None:
    # Named as the user named it (relative here; through a linked folder, the link's name).
    (tmp_path / "real").mkdir()
    (tmp_path / "link").symlink_to(tmp_path / "real")
    (tmp_path / "real" / "file").write_bytes(b"")
    monkeypatch.chdir(tmp_path)
    for shown in (f"link/{under}/chart.svg", str(tmp_path / "link" / under / "chart.svg")):
        named = shown.split("/file")[0] + "/file"
        with pytest.raises(OutputError) as caught:
            write_file(shown, b"x", make_folders=make_folders)
        assert str(caught.value) == f"{shown}: {named} is not a directory"
    assert sorted(os.listdir(tmp_path / "real")) == ["file"]


def test_a_folder_is_no_file_to_write(tmp_path: Path) -> None:
    with pytest.raises(OutputError, match=f"^{tmp_path}: is a directory; give a file name$"):
        write_file(tmp_path, b"x")


@pytest.mark.parametrize("shown", ["new/", "new/.", "new/deeper/"])  # (new/sub/..: see
# tests/test_cli_output_paths.py, the folders it goes up from are not there)
def test_a_path_that_names_a_folder_is_no_file_to_write(tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch,
                                                        shown: str) -> None:
    # (`new/` wrote a file named `new`, the separator dropped)
    monkeypatch.chdir(tmp_path)
    for writer in (write_file, write_output):
        with pytest.raises(OutputError) as caught:
            writer(shown, b"x")
        assert str(caught.value) == f"{shown}: names a directory; give a file name"
    assert list(tmp_path.iterdir()) == []


def test_export_csv_into_a_folder_to_be_writes_neither_file(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # (it made tbl/, wrote tbl/.teams.csv, then failed on the CSV: half a pair)
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["export", str(EXAMPLE), "-f", "csv", "-o", "tbl/"],
                                prog_name="orgviz")
    assert result.exit_code == 2
    assert result.output == (
        "orgviz export: invalid value for '-o' / '--output': 'tbl/' names a folder: name the "
        "file to write, as in -o tbl/NAME (see 'orgviz export --help')\n")
    assert list(tmp_path.iterdir()) == []


def test_render_takes_a_folder_however_it_is_named(tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    # (`-o charts/.` wrote a file named `charts`; several files and `-o 'x\\'` on POSIX passed
    # the check for a folder, then were both drawn to one file named `x\\`)
    monkeypatch.chdir(tmp_path)
    (tmp_path / "b.yaml").write_bytes(EXAMPLE.read_bytes())
    result = CliRunner().invoke(main, ["render", str(EXAMPLE), "-o", "charts/."])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "charts" / "small.svg").is_file()
    if os.sep == "/":
        result = CliRunner().invoke(main, ["render", str(EXAMPLE), "b.yaml", "-o", "x\\"])
        assert result.exit_code == 2
        assert result.output == ("orgviz: several files need a folder for -o, not 'x\\' "
                                 "(end it with '/')\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["b.yaml", "charts"]


def _fail_with(exc: BaseException):
    def fail(*args: object, **kwargs: object) -> None:
        raise exc

    return fail


@pytest.mark.parametrize("failing", ["write", "fsync", "replace"])
@pytest.mark.parametrize("exc", [OSError(28, "No space left on device"), KeyboardInterrupt()])
def test_a_failed_write_keeps_the_old_file_and_leaves_nothing(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, failing: str,
        exc: BaseException) -> None:
    # Failing at any step (a full disk, Ctrl-C): the old file as it was, no temporary file.
    target = tmp_path / "chart.png"
    target.write_bytes(b"old")
    monkeypatch.setattr(os, failing, _fail_with(exc))
    expected = OutputError if isinstance(exc, OSError) else KeyboardInterrupt
    with pytest.raises(expected) as caught:
        write_file(target, b"new" * 1000)
    if expected is OutputError:
        assert str(caught.value) == f"{target}: cannot write: No space left on device"
        assert isinstance(caught.value, OrgvizError)
    monkeypatch.undo()
    assert target.read_bytes() == b"old"
    assert os.listdir(tmp_path) == ["chart.png"]


@pytest.mark.parametrize("exc", [OSError(28, "No space left on device"), KeyboardInterrupt()])
def test_a_failed_write_removes_the_folders_it_made(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, exc: BaseException) -> None:
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "other.svg").write_bytes(b"kept")
    monkeypatch.setattr(os, "fsync", _fail_with(exc))
    with pytest.raises((OutputError, KeyboardInterrupt)):
        write_file(tmp_path / "out" / "a" / "b" / "chart.svg", b"x", make_folders=True)
    monkeypatch.undo()
    assert os.listdir(tmp_path / "out") == ["other.svg"]  # (out/ was there: kept)


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0,
                    reason="POSIX permissions, and root may write anywhere")
def test_a_folder_that_cannot_be_made_is_one_error(tmp_path: Path) -> None:
    locked = tmp_path / "locked"
    locked.mkdir(mode=0o500)
    try:
        with pytest.raises(OutputError, match=f"^{locked}/new/x\\.svg: cannot create the "
                                              f"directory {locked}/new: Permission denied$"):
            write_file(locked / "new" / "x.svg", b"x", make_folders=True)
    finally:
        locked.chmod(0o700)


def test_a_folder_that_cannot_be_made_leaves_none_made(tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    real_mkdir = os.mkdir

    def mkdir(path: str, *args: object) -> None:
        if os.path.basename(path) == "b":
            raise PermissionError(13, "Permission denied")
        real_mkdir(path, *args)

    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(os, "mkdir", mkdir)
    with pytest.raises(OutputError) as caught:
        write_file("out/a/b/c/x.svg", b"x", make_folders=True)
    assert str(caught.value) == ("out/a/b/c/x.svg: cannot create the directory out/a/b: "
                                 "Permission denied")
    assert os.listdir(tmp_path) == []  # (out/ and out/a/, made first, removed again)


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
@pytest.mark.parametrize("umask", [0o022, 0o077, 0o002])
def test_a_new_file_has_the_mode_of_any_new_file(tmp_path: Path, umask: int) -> None:
    old = os.umask(umask)
    try:
        write_file(tmp_path / "fresh.svg", b"x")
        with open(tmp_path / "plain.svg", "wb") as stream:  # a file made as usual
            stream.write(b"x")
    finally:
        os.umask(old)
    mode = stat.S_IMODE((tmp_path / "fresh.svg").stat().st_mode)
    assert mode == 0o666 & ~umask == stat.S_IMODE((tmp_path / "plain.svg").stat().st_mode)


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
@pytest.mark.parametrize("mode", [0o640, 0o600, 0o755, 0o604])
def test_a_replaced_file_keeps_its_mode(tmp_path: Path, mode: int) -> None:
    kept = tmp_path / "kept.svg"
    kept.write_bytes(b"old")
    kept.chmod(mode)
    write_file(kept, b"new")
    assert stat.S_IMODE(kept.stat().st_mode) == mode and kept.read_bytes() == b"new"


READ_ONLY = "cannot write: the file is read-only (make it writable to replace it)"


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
@pytest.mark.parametrize("mode", [0o444, 0o400, 0o066])
def test_a_read_only_file_is_refused_and_left_as_it_was(tmp_path: Path, mode: int) -> None:
    # (renamed over, exit 0: its folder is writable; `> file` refuses it; as root too)
    kept = tmp_path / "kept.svg"
    kept.write_bytes(b"old")
    kept.chmod(mode)
    link = tmp_path / "link.svg"
    link.symlink_to(kept)
    for shown in (kept, link):
        with pytest.raises(OutputError) as caught:
            write_file(shown, b"new")
        assert str(caught.value) == f"{shown}: {READ_ONLY}"
    assert kept.read_bytes() == b"old" and stat.S_IMODE(kept.stat().st_mode) == mode
    assert sorted(p.name for p in tmp_path.iterdir()) == ["kept.svg", "link.svg"]


@pytest.mark.skipif(not hasattr(os, "fchown") or os.geteuid() != 0, reason="needs root")
def test_as_root_another_users_file_is_read_only_by_its_owners_write_bit(
        tmp_path: Path) -> None:
    kept = tmp_path / "kept.csv"
    kept.write_bytes(b"old")
    os.chown(kept, 12345, 23456)
    kept.chmod(0o464)  # (the group may write it; its owner made it read-only)
    with pytest.raises(OutputError, match="the file is read-only"):
        write_file(kept, b"new")
    kept.chmod(0o644)
    write_file(kept, b"new")
    assert kept.read_bytes() == b"new"


@pytest.mark.skipif(not hasattr(os, "geteuid"), reason="POSIX users")
def test_another_users_file_is_read_only_as_access_says(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    kept = tmp_path / "kept.csv"
    kept.write_bytes(b"old")
    other = kept.stat().st_uid + 1
    monkeypatch.setattr(os, "geteuid", lambda: other)  # (a user who does not own it)
    asked: list[int] = []

    def access(path: object, mode: int, **_kwargs: object) -> bool:
        asked.append(mode)
        return False

    monkeypatch.setattr(os, "access", access)
    with pytest.raises(OutputError, match="the file is read-only"):
        write_file(kept, b"new")
    assert asked == [os.W_OK] and kept.read_bytes() == b"old"


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
@pytest.mark.parametrize("args", [["render", str(EXAMPLE)], ["roles", str(EXAMPLE)],
                                  ["export", str(EXAMPLE), "-f", "csv"]])
def test_the_cli_refuses_a_read_only_output(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                            args: list[str]) -> None:
    monkeypatch.chdir(tmp_path)
    output = "out.csv" if args[0] == "export" else "out.svg"
    if args[0] == "export":  # (its teams table read-only: neither file is written)
        assert CliRunner().invoke(main, [*args, "-o", output]).exit_code == 0
        locked = "out.teams.csv"
    else:
        locked = output
        (tmp_path / locked).write_text("keep", encoding="utf-8")
    (tmp_path / locked).chmod(0o444)
    before = {p.name: (p.stat().st_ino, p.read_bytes()) for p in tmp_path.iterdir()}
    result = CliRunner().invoke(main, [*args, "-o", output])
    assert result.exit_code == 2
    assert result.output.splitlines()[-1] == f"orgviz: {locked}: {READ_ONLY}"
    assert {p.name: (p.stat().st_ino, p.read_bytes()) for p in tmp_path.iterdir()} == before


@pytest.mark.skipif(not hasattr(os, "fchown") or os.geteuid() != 0, reason="needs root")
def test_as_root_a_replaced_file_keeps_its_owner(tmp_path: Path) -> None:
    kept = tmp_path / "kept.csv"
    kept.write_bytes(b"old")
    os.chown(kept, 12345, 23456)
    write_file(kept, b"new")
    info = kept.stat()
    assert (info.st_uid, info.st_gid) == (12345, 23456) and kept.read_bytes() == b"new"


def test_the_data_is_on_disk_before_the_rename(tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []
    real_fsync, real_replace = os.fsync, os.replace
    monkeypatch.setattr(os, "fsync", lambda fd: (calls.append("fsync"), real_fsync(fd))[1])
    monkeypatch.setattr(os, "replace",
                        lambda a, b: (calls.append("replace"), real_replace(a, b))[1])
    write_file(tmp_path / "x.csv", "é")
    assert calls[:2] == ["fsync", "replace"]  # (then the folder, where allowed)
    assert (tmp_path / "x.csv").read_bytes() == "é".encode()


def test_a_long_file_name_is_no_problem(tmp_path: Path) -> None:
    # (The temporary file's name does not grow with the target's.)
    target = tmp_path / ("x" * 250 + ".svg")
    write_file(target, b"x")
    assert os.listdir(tmp_path) == [target.name]


@pytest.mark.parametrize("args", [
    ["render", "{org}", "-o", "new/"],
    ["render", "{org}", "-o", "new/deep/chart.svg"],
    ["export", "{org}", "-f", "csv", "-o", "new/org.csv"],
    ["roles", "{org}", "-o", "new/deep/roles.svg"],
    ["import", "{csv}", "-o", "new/org.yaml"],
    ["diff", "{org}", "{org}", "-o", "new/diff.svg"],
])
def test_every_command_makes_a_missing_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                              args: list[str]) -> None:
    # as `mkdir -p` does: `orgviz import people.csv -o orgs/acme.yaml` in a fresh repo
    monkeypatch.chdir(tmp_path)
    people = tmp_path / "people.csv"
    people.write_text("id,name,manager\na,A,\nb,B,a\n", encoding="utf-8")
    result = CliRunner().invoke(main, [a.format(org=EXAMPLE, csv=people) for a in args])
    assert result.exit_code == 0, result.output
    written = args[-1] if not args[-1].endswith("/") else None
    assert (tmp_path / "new").is_dir()
    if written:
        assert (tmp_path / written).stat().st_size > 0


@pytest.mark.parametrize("command", [
    ["export", "{org}", "-f", "csv"], ["roles", "{org}"], ["import", "{csv}"],
    ["diff", "{org}", "{org}"]])
def test_the_cli_names_a_file_where_a_folder_should_be(tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch,
                                                       command: list[str]) -> None:
    monkeypatch.chdir(tmp_path)
    people = tmp_path / "people.csv"
    people.write_text("id,name,manager\na,A,\nb,B,a\n", encoding="utf-8")
    (tmp_path / "plain").write_text("a file", encoding="utf-8")
    args = [a.format(org=EXAMPLE, csv=people) for a in command] + ["-o", "plain/sub/out.svg"]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 2
    assert result.output == "orgviz: plain/sub/out.svg: plain is not a directory\n"
    assert (tmp_path / "plain").read_text(encoding="utf-8") == "a file"


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


@pytest.mark.parametrize(("args", "output"), [
    (["render", "{org}", "--format", "svg"], ".orgviz.yaml"),
    (["roles", "{org}", "--format", "svg"], ".orgviz.yaml"),
    (["export", "{org}", "-f", "json"], ".orgviz.yaml"),
    (["import", "{csv}"], ".orgviz.yaml"),
    (["diff", "{org}", "{org}"], "link.svg"),  # (a link to it, with a chart's name)
    (["deck", "{org}"], "link.pptx"),
    (["render", "{org}", "--format", "svg"], "pyproject.toml"),
    (["export", "{org}", "-f", "json"], "pyproject.toml"),
    (["render", "{org}", "--config", "ci.yaml", "--format", "svg"], "ci.yaml"),
    (["deck", "{org}", "--config", "ci.pdf"], "ci.pdf"),
])
def test_output_that_is_the_configuration_is_refused(tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch,
                                                     args: list[str], output: str) -> None:
    # (render -o .orgviz.yaml, or --config ci.yaml -o ci.yaml, replaced it with SVG, exit 0)
    monkeypatch.chdir(tmp_path)
    (tmp_path / "org.yaml").write_bytes(EXAMPLE.read_bytes())
    (tmp_path / "people.csv").write_text("id,name,manager\na,A,\n", encoding="utf-8")
    settings = "rules:\n  single-report: off\n"
    if output == "pyproject.toml":
        configuration = "pyproject.toml"
        settings = '[tool.orgviz.rules]\nsingle-report = "off"\n'
    elif "--config" in args:
        configuration = output
    else:
        configuration = ".orgviz.yaml"
    (tmp_path / configuration).write_text(settings, encoding="utf-8")
    if output.startswith("link"):
        (tmp_path / output).symlink_to(configuration)
    args = [a.format(org="org.yaml", csv="people.csv") for a in args]
    result = CliRunner().invoke(main, [*args, "-o", output])
    assert result.exit_code == 2, result.output
    assert result.output.splitlines()[-1] == (
        f"orgviz: -o {output} is an input file ({configuration}, the configuration): give "
        "another name")
    assert (tmp_path / configuration).read_text(encoding="utf-8") == settings


@pytest.mark.parametrize("args", [["render"], ["export", "-f", "csv"]])
def test_a_file_name_too_long_is_named_in_the_message(tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch,
                                                       args: list[str]) -> None:
    monkeypatch.chdir(tmp_path)
    name = "b" * 300 + (".svg" if args == ["render"] else ".csv")
    result = CliRunner().invoke(main, [*args, str(EXAMPLE), "-o", name])
    assert result.exit_code == 2
    assert result.output == f"orgviz: {name}: cannot write: File name too long\n"
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("args", [["import", "{csv}"], ["export", str(EXAMPLE), "-f", "csv"],
                                  ["diff", str(EXAMPLE), str(EXAMPLE)],
                                  ["render", str(EXAMPLE), "--format", "png"],
                                  ["render", str(EXAMPLE)]])
def test_an_empty_output_name_is_an_error(tmp_path: Path, args: list[str]) -> None:
    # (import, export and render --format said ': is a directory; give a file name'; diff drew
    # no chart, exit 0)
    with pytest.raises(OutputError) as caught:
        write_file("", b"x")
    assert str(caught.value) == "cannot write: the output file name is empty"
    (tmp_path / "p.csv").write_text("id,name,manager\n1,A,\n", encoding="utf-8")
    args = [a.format(csv=tmp_path / "p.csv") for a in args]
    result = CliRunner().invoke(main, [*args, "-o", ""])
    assert result.exit_code == 2
    assert result.output.splitlines()[-1] == (
        "orgviz: cannot tell the format of '' from its extension: use .svg, .png, .pdf or .dot"
        if args[0] == "diff"
        else "orgviz: cannot write: the output file name is empty")


@pytest.mark.skipif(sys.platform != "linux", reason="a file name that is not UTF-8 (Linux)")
@pytest.mark.parametrize("args", [["stats", "--json"], ["diff", "--json", str(EXAMPLE)]])
def test_json_naming_a_file_whose_name_is_not_utf8(tmp_path: Path, args: list[str]) -> None:
    # write_stdout encoded its text as strict UTF-8: a traceback ("surrogates not allowed").
    name = os.fsdecode(b"org\xff.yaml")
    (tmp_path / name).write_bytes(EXAMPLE.read_bytes())
    result = subprocess.run([sys.executable, "-m", "orgviz", *args, name], cwd=tmp_path,
                            capture_output=True, timeout=60, check=False)
    assert (result.returncode, result.stderr) == (0, b"")
    data = json.loads(result.stdout.decode("utf-8"))
    assert name in (data["file"] if args[0] == "stats" else data["new"])


@pytest.mark.parametrize(("path", "descriptor"), [
    ("/dev/stdout", 1), ("/dev/stderr", 2), ("/dev/stdin", 0), ("/dev/fd/1", 1), ("/dev/fd/7", 7),
    ("/proc/self/fd/1", 1), (f"/proc/{os.getpid()}/fd/3", 3), ("/dev/../dev/stdout", 1),
    ("/proc/1/fd/1", None), ("/dev/null", None), ("out/stdout", None), ("-", None),
    ("/dev/fd/x", None),
])
def test_the_paths_that_name_a_descriptor_of_this_process(path: str,
                                                          descriptor: int | None) -> None:
    assert own_descriptor(path) == descriptor


def _orgviz_into_a_log(args: list[str], log: Path) -> subprocess.CompletedProcess[bytes]:
    with open(log, "ab") as appending:  # (as `orgviz ... >> log`)
        return subprocess.run([sys.executable, "-m", "orgviz", *args], stdout=appending,
                              stderr=subprocess.PIPE, cwd=log.parent, timeout=120,
                              check=False)


@pytest.mark.skipif(sys.platform != "linux", reason="/dev/stdout, /dev/fd and /proc (Linux)")
@pytest.mark.parametrize(("args", "starts"), [
    (["export", str(EXAMPLE), "-f", "csv", "-o", "/dev/stdout"], b"id,name,title,"),
    (["export", str(EXAMPLE), "-f", "csv", "-o", "/dev/fd/1"], b"id,name,title,"),
    (["render", str(EXAMPLE), "-o", "/dev/stdout", "--format", "dot"], b"digraph orgchart {"),
    (["roles", str(EXAMPLE), "-o", "/proc/self/fd/1", "--format", "dot"], b"digraph roles {"),
])
def test_dev_stdout_into_a_log_is_appended_not_renamed_over(tmp_path: Path, args: list[str],
                                                            starts: bytes) -> None:
    # (a temporary file renamed over the file /dev/stdout pointed at replaced the whole log:
    # its earlier lines were lost, and what the shell wrote after orgviz went to the old one;
    # render and roles printed the path, '/dev/stdout', after the chart)
    log = tmp_path / "log"
    log.write_bytes(b"earlier line\n")
    done = _orgviz_into_a_log(args, log)
    # (nothing but the note of what CSV does not carry: no path printed after the output)
    said = [line for line in done.stderr.splitlines() if b"CSV does not carry" not in line]
    assert (done.returncode, said) == (0, [])
    dash = ["-" if a.startswith(("/dev/", "/proc/")) else a for a in args]
    to_stdout = subprocess.run([sys.executable, "-m", "orgviz", *dash], capture_output=True,
                               cwd=tmp_path, timeout=120, check=True)
    assert to_stdout.stdout.startswith(starts)
    assert log.read_bytes() == b"earlier line\n" + to_stdout.stdout
    assert sorted(p.name for p in tmp_path.iterdir()) == ["log"]


@pytest.mark.skipif(sys.platform != "linux", reason="/dev/fd (Linux)")
def test_a_descriptor_that_is_not_open_is_one_line(tmp_path: Path) -> None:
    done = subprocess.run([sys.executable, "-m", "orgviz", "export", str(EXAMPLE), "-f", "csv",
                           "-o", "/dev/fd/9"], capture_output=True, text=True, cwd=tmp_path,
                          timeout=120, check=False)
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr == "orgviz: /dev/fd/9: cannot write: Bad file descriptor\n"


@pytest.mark.skipif(sys.platform != "linux", reason="/dev/stdin (Linux)")
def test_dev_stdin_is_never_the_file_it_reads_replaced(tmp_path: Path) -> None:
    # (/dev/stdin of `< org.yaml` is a link to org.yaml: the export was renamed over it)
    org = tmp_path / "org.yaml"
    org.write_bytes(EXAMPLE.read_bytes())
    with open(org, "rb") as stdin:
        done = subprocess.run([sys.executable, "-m", "orgviz", "export", "-", "-f", "csv", "-o",
                               "/dev/stdin"], stdin=stdin, capture_output=True, text=True,
                              cwd=tmp_path, timeout=120, check=False)
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr == "orgviz: /dev/stdin: cannot write: Bad file descriptor\n"
    assert org.read_bytes() == EXAMPLE.read_bytes()


@pytest.mark.parametrize(("args", "output", "example"), [
    (["render", "org.yaml"], ".svg", "org.svg"),
    (["render", "org.yaml"], "sub/.PNG", "sub/org.PNG"),
    (["render", "-"], ".svg", "chart.svg"),
    (["roles", "org.yaml"], ".svg", "roles.svg"),
    (["diff", "org.yaml", "org.yaml"], ".pdf", "changes.pdf"),
    (["deck", "org.yaml"], ".pptx", "deck.pptx"),
    (["export", "org.yaml"], ".json", "org.json"),
])
def test_an_output_named_as_an_extension_alone_is_told_to_name_the_file(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, args: list[str], output: str,
        example: str) -> None:
    # (render said "cannot tell the format of '.svg' from its extension: use .svg, ...")
    monkeypatch.chdir(tmp_path)
    (tmp_path / "org.yaml").write_bytes(EXAMPLE.read_bytes())
    result = CliRunner().invoke(main, [*args, "-o", output], input=EXAMPLE.read_text())
    assert result.exit_code == 2
    assert result.output == (f"orgviz: -o {output} has no name before its extension: name the "
                             f"file, as in -o {example.replace('/', os.sep)}\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["org.yaml"]
    # (a hidden file by that name, its format given, is written as before)
    result = CliRunner().invoke(main, ["render", "org.yaml", "--format", "svg", "-o", ".svg"])
    assert result.exit_code == 0 and (tmp_path / ".svg").is_file()


def test_standard_input_given_twice_to_render(tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    # (it was told to draw one of them to output/<the current folder's name>-stdin.svg)
    monkeypatch.chdir(tmp_path)
    text = EXAMPLE.read_text()
    result = CliRunner().invoke(main, ["render", "-", "-"], input=text)
    assert (result.exit_code, result.output) == (
        2, "orgviz: - is given twice: standard input is read once; give - once\n")
    (tmp_path / "stdin.yaml").write_text(text)
    result = CliRunner().invoke(main, ["render", "stdin.yaml", "-"], input=text)
    assert (result.exit_code, result.output) == (
        2, "orgviz: stdin.yaml and - would both be written to output/stdin.svg (a chart is "
           "named after its org file): give each its own file, such as orgviz render - -o "
           "output/2-stdin.svg\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["stdin.yaml"]
