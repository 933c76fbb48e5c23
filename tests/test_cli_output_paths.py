"""Output paths every subcommand's -o is checked for before anything is written: a path that
goes up ('..') out of a folder that is not there, a teams table that is an input file, and
hostile paths (a folder, a path through a file, a full device, a name with a line break, a
symbolic link)."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from orgviz.io.files import OutputError, write_file

ORG = """\
orgviz: 1
org: {name: Acme, size: small}
teams:
  - {id: exec, name: Executive, color: "#4C78A8"}
people:
  - {id: ada, name: Ada, title: CEO, team: exec}
  - {id: bob, name: Bob, title: CTO, reports_to: ada, team: exec}
"""
PEOPLE_CSV = "id,name,title,manager\nada,Ada,CEO,\nbob,Bob,CTO,ada\n"

#: Each subcommand that writes -o, with OUT where its -o goes.
COMMANDS = {
    "render": ("render", "org.yaml", "-o", "OUT"),
    "export": ("export", "org.yaml", "-f", "json", "-o", "OUT"),
    "import": ("import", "people.csv", "-o", "OUT"),
    "roles": ("roles", "org.yaml", "-o", "OUT"),
    "diff": ("diff", "org.yaml", "new.yaml", "-o", "OUT"),
    "deck": ("deck", "org.yaml", "-o", "OUT"),
}
#: The name each writes (its ending picks the format).
NAMES = {"render": "org.svg", "export": "org.json", "import": "org.yaml", "roles": "r.svg",
         "diff": "d.svg", "deck": "d.pptx"}


@pytest.fixture
def inputs(tmp_path: Path) -> dict[str, bytes]:
    """The input files of `COMMANDS` in the (current) test folder, and their bytes."""
    (tmp_path / "org.yaml").write_text(ORG, encoding="utf-8")
    (tmp_path / "new.yaml").write_text(ORG.replace("CTO", "COO"), encoding="utf-8")
    (tmp_path / "people.csv").write_text(PEOPLE_CSV, encoding="utf-8")
    return {name: (tmp_path / name).read_bytes() for name in ("org.yaml", "new.yaml",
                                                              "people.csv")}


def _args(command: str, output: str) -> list[str]:
    """The arguments of `command` writing to `output`."""
    return [output if arg == "OUT" else arg for arg in COMMANDS[command]]


def _unchanged(folder: Path, inputs: dict[str, bytes]) -> None:
    """Assert that the inputs are as they were and that nothing else was written."""
    assert {name: (folder / name).read_bytes() for name in inputs} == inputs
    assert sorted(os.listdir(folder)) == sorted(inputs)


@pytest.mark.parametrize("command", COMMANDS)
def test_a_path_up_out_of_a_missing_folder_is_refused(
        command: str, tmp_path: Path, inputs: dict[str, bytes],
        run: Callable[..., Any]) -> None:
    output = f"nd/../{NAMES[command]}"
    result = run(*_args(command, output))
    assert result.exit_code == 2, result.output
    reason = ("the directory nd does not exist, and the path goes up out of it with '..': "
              "make nd first, or name the output without it")
    assert result.output == (f"orgviz: {output}: {reason}\n" if command == "render" else
                             f"main {command}: invalid value for '-o' / '--output': "
                             f"'{output}': {reason} (see 'main {command} --help')\n")
    _unchanged(tmp_path, inputs)


@pytest.mark.parametrize("command", COMMANDS)
def test_a_path_up_out_of_a_missing_folder_never_names_an_input(
        command: str, tmp_path: Path, inputs: dict[str, bytes],
        run: Callable[..., Any]) -> None:
    """`nd/../org.yaml` is no path to org.yaml (the shell refuses it), and was written over
    it: its text alone leads back to the current folder."""
    fmt = {"render": ("--format", "svg"), "roles": ("--format", "svg")}.get(command, ())
    source = "people.csv" if command == "import" else "org.yaml"
    if command == "export":  # (-o's ending picks the format, unless --format)
        source = "new.yaml"
    result = run(*_args(command, f"nd/../{source}"), *fmt)
    assert result.exit_code == 2, result.output
    assert "the directory nd does not exist" in result.output
    _unchanged(tmp_path, inputs)


def test_render_to_a_missing_folder_and_up_names_the_path_given(
        tmp_path: Path, inputs: dict[str, bytes], run: Callable[..., Any]) -> None:
    result = run("render", "org.yaml", "-o", "nd/..")
    assert result.exit_code == 2
    assert result.output == ("orgviz: nd/..: the directory nd does not exist, and the path "
                             "goes up out of it with '..': make nd first, or name the output "
                             "without it\n")
    _unchanged(tmp_path, inputs)


def test_a_path_up_out_of_a_file_is_refused(tmp_path: Path, inputs: dict[str, bytes],
                                           run: Callable[..., Any]) -> None:
    result = run("render", "org.yaml", "-o", "org.yaml/../x.svg")
    assert result.exit_code == 2
    assert result.output == ("orgviz: org.yaml/../x.svg: org.yaml is not a directory, and the "
                             "path goes up out of it with '..': name the output without it\n")
    _unchanged(tmp_path, inputs)


def test_the_first_missing_folder_is_named(tmp_path: Path) -> None:
    target = tmp_path / "nd" / "sub" / ".." / ".." / "x.svg"
    with pytest.raises(OutputError) as caught:
        write_file(str(target), "x", make_folders=True)
    assert str(caught.value) == (
        f"{target}: the directory {tmp_path / 'nd'} does not exist, and the path goes up out "
        f"of it with '..': make {tmp_path / 'nd'} first, or name the output without it")
    assert os.listdir(tmp_path) == []


def test_a_path_up_out_of_a_folder_that_is_there_is_written(tmp_path: Path) -> None:
    (tmp_path / "there").mkdir()
    write_file(str(tmp_path / "there" / ".." / "x.txt"), "x")
    assert (tmp_path / "x.txt").read_text(encoding="utf-8") == "x"


@pytest.mark.parametrize("how", ["named", "link", "config-link", "included"])
def test_a_teams_table_that_is_an_input_file_is_refused_before_writing(
        how: str, tmp_path: Path, run: Callable[..., Any]) -> None:
    """`export -f csv -o out.csv` writes out.teams.csv too: checked as -o is, never one of
    the files read (by its name, or a link), and neither file is written."""
    source = "out.teams.csv" if how == "named" else "org.yaml"
    if how == "included":  # (the part the org includes, its people, by a link)
        (tmp_path / "people.yaml").write_text("orgviz: 1\npeople:\n" + ORG.split(
            "people:\n")[1], encoding="utf-8")
        (tmp_path / source).write_text(ORG.split("people:")[0] + "include: people.yaml\n",
                                       encoding="utf-8")
        os.symlink("people.yaml", tmp_path / "out.teams.csv")
    else:
        (tmp_path / source).write_text(ORG, encoding="utf-8")
    if how == "link":
        os.symlink("org.yaml", tmp_path / "out.teams.csv")
    if how == "config-link":
        (tmp_path / ".orgviz.yaml").write_text("rules: {}\n", encoding="utf-8")
        os.symlink(".orgviz.yaml", tmp_path / "out.teams.csv")
    before = {name: (tmp_path / name).read_bytes() for name in os.listdir(tmp_path)}
    result = run("export", source, "-f", "csv", "-o", "out.csv")
    named = {"named": "out.teams.csv", "link": "org.yaml", "included": "people.yaml",
             "config-link": ".orgviz.yaml, the configuration"}[how]
    assert result.exit_code == 2, result.output
    assert result.output == (f"orgviz: out.teams.csv: the teams table of -o out.csv goes "
                             f"there, but it is an input file ({named}): name the CSV "
                             "otherwise\n")
    assert {name: (tmp_path / name).read_bytes() for name in os.listdir(tmp_path)} == before


def test_a_teams_table_beside_is_written_when_it_is_no_input(
        tmp_path: Path, run: Callable[..., Any]) -> None:
    (tmp_path / "org.yaml").write_text(ORG, encoding="utf-8")
    result = run("export", "org.yaml", "-f", "csv", "-o", "out.csv")
    assert result.exit_code == 0, result.output
    assert (tmp_path / "out.teams.csv").read_text(encoding="utf-8").startswith(
        "team,team_name,parent,lead,color")


#: What each command prints of the path it wrote (stdout or stderr), `P` for the path.
WROTE = {"render": "P", "import": "imported 2 positions to P: ", "roles": "P",
         "diff": "orgviz: wrote P", "deck": "P (2 slides)"}


@pytest.mark.parametrize("command", WROTE)
def test_a_path_with_a_line_break_is_written_and_named_on_one_line(
        command: str, tmp_path: Path, inputs: dict[str, bytes],
        run: Callable[..., Any]) -> None:
    """A name may hold a line break (the shell writes it too), but the line naming it is one
    line: `nl` alone then `name.svg` read as two files written."""
    name = "nl\nname" + os.path.splitext(NAMES[command])[1]
    result = run(*_args(command, name))
    assert result.exit_code == 0, result.output
    assert (tmp_path / name).is_file()
    shown = WROTE[command].replace("P", name.replace("\n", "\\u000A"))
    assert [line for line in result.output.splitlines() if line.startswith(shown)], (
        result.output)
    assert not [line for line in result.output.splitlines() if line.startswith("name")]


@pytest.mark.parametrize("command", COMMANDS)
def test_a_symbolic_link_loop_is_refused_and_left_a_link(
        command: str, tmp_path: Path, inputs: dict[str, bytes],
        run: Callable[..., Any]) -> None:
    """`> loop` refuses a link that leads back to itself; it was replaced by a file."""
    loop = NAMES[command]
    if command == "import":
        loop = "imported.yaml"
    (tmp_path / loop).symlink_to(loop)
    result = run(*_args(command, loop))
    assert result.exit_code == 2, result.output
    assert result.output == f"orgviz: {loop}: cannot write: Too many levels of symbolic links\n"
    assert os.readlink(tmp_path / loop) == loop


@pytest.mark.parametrize("command", COMMANDS)
@pytest.mark.parametrize("link", ["file", "folder"])
def test_a_link_up_out_of_a_missing_folder_never_leads_to_an_input(
        command: str, link: str, tmp_path: Path, inputs: dict[str, bytes],
        run: Callable[..., Any]) -> None:
    """A dangling link `out -> nd/../org.yaml` (or a folder's, `out -> nd/..`) leads nowhere
    (`> out` fails): its text alone led back to the input, which was written over (import's
    to the org file beside its CSV)."""
    source = "org.yaml"
    ending = os.path.splitext(NAMES[command])[1]
    if link == "file":
        output = f"out{ending}"
        (tmp_path / output).symlink_to(f"nd/../{source}")
    else:  # (diff and deck write only their own formats: a new file is not made either)
        output = f"out/{NAMES[command] if command in ('diff', 'deck') else source}"
        (tmp_path / "out").symlink_to("nd/..")
    fmt = {"render": ("--format", "svg"), "roles": ("--format", "svg"),
           "export": ("-f", "json")}.get(command, ())
    if command == "export":
        args = ["export", "org.yaml", "-f", "json", "-o", output]
    else:
        args = [*_args(command, output), *fmt]
    result = run(*args)
    assert result.exit_code == 2, result.output
    assert result.output == (f"orgviz: {output}: the directory {tmp_path / 'nd'} does not "
                             "exist, and the path (through its links) goes up out of it with "
                             f"'..': make {tmp_path / 'nd'} first, or name the output without "
                             "it\n")
    assert {name: (tmp_path / name).read_bytes() for name in inputs} == inputs
    assert sorted(os.listdir(tmp_path)) == sorted([*inputs, output.split("/")[0]])


#: The names a path of the property test is made of, in a folder `_sandbox` makes.
_STEPS = ["d", "f", "m", "ld", "lm", "lf", "ln", "..", "."]


def _sandbox() -> str:
    """A new folder `base/s` holding: a folder d, a file f, links ld -> d, lm -> m/.. (m is
    not there), lf -> f, ln -> new (dangling), lnm -> nm/new (nm is not there); `s`
    returned."""
    import tempfile

    folder = os.path.join(tempfile.mkdtemp(prefix="orgviz-paths-"), "s")
    os.mkdir(folder)
    os.mkdir(os.path.join(folder, "d"))
    Path(folder, "f").write_text("f", encoding="utf-8")
    for link, target in (("ld", "d"), ("lm", "m/.."), ("lf", "f"), ("ln", "new"),
                         ("lnm", "nm/new")):
        os.symlink(target, os.path.join(folder, link))
    return folder


def _files(base: str) -> dict[str, bytes]:
    """Every regular file below `base`, by its path relative to it, and its bytes."""
    found = {}
    for folder, _dirs, names in os.walk(base):
        for name in names:
            path = os.path.join(folder, name)
            if os.path.isfile(path) and not os.path.islink(path):
                found[os.path.relpath(path, base)] = Path(path).read_bytes()
    return found


@given(steps=st.lists(st.sampled_from(_STEPS), max_size=4),
       last=st.sampled_from(["x.txt", "f", "lf", "ln", "lnm"]))
def test_a_file_is_written_where_the_shell_would_write_it(steps: list[str], last: str) -> None:
    """`write_file` (no folders made) writes the file `> path` writes, or refuses where it
    fails, through missing folders, files, links and '..' in any order."""
    import shutil

    shell, ours = _sandbox(), _sandbox()
    try:
        relative = "/".join([*steps, last])
        try:
            descriptor = os.open(os.path.join(shell, relative),
                                 os.O_WRONLY | os.O_CREAT | os.O_TRUNC)
        except OSError:
            written = False
        else:
            os.write(descriptor, b"new")
            os.close(descriptor)
            written = True
        try:
            write_file(os.path.join(ours, relative), b"new")
        except OutputError:
            assert not written, relative
        else:
            assert written, relative
        assert _files(os.path.dirname(shell)) == _files(os.path.dirname(ours)), relative
    finally:
        shutil.rmtree(os.path.dirname(shell))
        shutil.rmtree(os.path.dirname(ours))


def test_a_link_up_out_of_a_file_names_it(tmp_path: Path) -> None:
    (tmp_path / "f").write_text("f", encoding="utf-8")
    (tmp_path / "out.svg").symlink_to("f/../x.svg")
    with pytest.raises(OutputError) as caught:
        write_file(str(tmp_path / "out.svg"), "x")
    assert str(caught.value) == (f"{tmp_path / 'out.svg'}: {tmp_path / 'f'} is not a "
                                 "directory, and the path (through its links) goes up out of "
                                 "it with '..': name the output without it")
    assert sorted(os.listdir(tmp_path)) == ["f", "out.svg"]


def test_a_path_up_out_of_a_link_to_nothing_says_its_folder_does_not_exist(
        tmp_path: Path, inputs: dict[str, bytes], run: Callable[..., Any]) -> None:
    # (it said "dl is not a directory": the link is there, the folder it leads to is not)
    (tmp_path / "dl").symlink_to("nowhere")
    result = run("render", "org.yaml", "-o", "dl/../x.svg")
    assert result.exit_code == 2
    assert result.output == (f"orgviz: dl/../x.svg: the directory {tmp_path / 'nowhere'} that "
                             "dl links to does not exist, and the path goes up out of it with "
                             f"'..': make {tmp_path / 'nowhere'} first, or name the output "
                             "without it\n")
    assert sorted(os.listdir(tmp_path)) == sorted([*inputs, "dl"])


def test_a_link_up_out_of_a_link_to_nothing_says_where_the_folder_is_missing(
        tmp_path: Path) -> None:
    (tmp_path / "dl").symlink_to("nowhere")
    (tmp_path / "out.svg").symlink_to("dl/../x.svg")
    with pytest.raises(OutputError) as caught:
        write_file(str(tmp_path / "out.svg"), "x")
    assert str(caught.value) == (f"{tmp_path / 'out.svg'}: the directory "
                                 f"{tmp_path / 'nowhere'} does not exist, and the path (through "
                                 "its links) goes up out of it with '..': make "
                                 f"{tmp_path / 'nowhere'} first, or name the output without it")
    assert sorted(os.listdir(tmp_path)) == ["dl", "out.svg"]


def test_a_path_up_out_of_a_link_to_a_file_or_a_loop_is_no_directory(tmp_path: Path) -> None:
    (tmp_path / "f").write_text("f", encoding="utf-8")
    (tmp_path / "lf").symlink_to("f")
    (tmp_path / "loop").symlink_to("loop")
    for link in ("lf", "loop"):
        target = tmp_path / link / ".." / "x.svg"
        with pytest.raises(OutputError) as caught:
            write_file(str(target), "x")
        assert str(caught.value) == (f"{target}: {tmp_path / link} is not a directory, and the "
                                     "path goes up out of it with '..': name the output "
                                     "without it")
    assert sorted(os.listdir(tmp_path)) == ["f", "lf", "loop"]


def test_a_read_only_teams_table_is_refused_before_either_file_is_written(
        tmp_path: Path, run: Callable[..., Any]) -> None:
    (tmp_path / "org.yaml").write_text(ORG, encoding="utf-8")
    teams = tmp_path / "out.teams.csv"
    teams.write_text("team,team_name,parent,lead,color\r\n", encoding="utf-8", newline="")
    teams.chmod(0o444)
    result = run("export", "org.yaml", "-f", "csv", "-o", "out.csv")
    assert result.exit_code == 2, result.output
    assert result.output.splitlines()[-1] == ("orgviz: out.teams.csv: cannot write: the file is "
                                              "read-only (make it writable to replace it)")
    assert sorted(os.listdir(tmp_path)) == ["org.yaml", "out.teams.csv"]
    assert teams.read_text(encoding="utf-8") == "team,team_name,parent,lead,color\n"


@pytest.mark.parametrize("command", COMMANDS)
@pytest.mark.parametrize("target", ["nowhere", "ABSOLUTE"])
def test_no_folder_is_made_through_a_link_to_nothing(
        command: str, target: str, tmp_path: Path, inputs: dict[str, bytes],
        run: Callable[..., Any]) -> None:
    """-o dl/x.svg, dl a link to a folder that is not there, made the folder through the link
    (as no missing folder is made: `> dl/x.svg` fails, `mkdir -p dl` too)."""
    nowhere = tmp_path / "gone" / "nowhere" if target == "ABSOLUTE" else tmp_path / "nowhere"
    (tmp_path / "dl").symlink_to(nowhere if target == "ABSOLUTE" else target)
    output = f"dl/{NAMES[command]}"
    result = run(*_args(command, output))
    assert result.exit_code == 2, result.output
    assert result.output == (f"orgviz: {output}: the directory {nowhere} that dl links to "
                             f"does not exist: make {nowhere} first, or name the output "
                             "without dl\n")
    assert sorted(os.listdir(tmp_path)) == sorted([*inputs, "dl"])
    assert {name: (tmp_path / name).read_bytes() for name in inputs} == inputs


@pytest.mark.parametrize("command", COMMANDS)
def test_no_folder_is_made_for_a_link_to_a_new_file(
        command: str, tmp_path: Path, inputs: dict[str, bytes],
        run: Callable[..., Any]) -> None:
    """-o out.svg, out.svg a link to nd/new.svg (nd not there), made nd for the link's target:
    `> out.svg` fails there, and `mkdir -p` makes the folders -o names, not a link's."""
    ending = os.path.splitext(NAMES[command])[1]
    output = "imported.yaml" if command == "import" else f"out{ending}"
    (tmp_path / output).symlink_to(f"nd/new{ending}")
    target = tmp_path / "nd" / f"new{ending}"
    result = run(*_args(command, output))
    assert result.exit_code == 2, result.output
    assert result.output == (f"orgviz: {output}: it is a symbolic link to {target}, whose "
                             f"directory {tmp_path / 'nd'} does not exist: make "
                             f"{tmp_path / 'nd'} first, or name another output\n")
    assert sorted(os.listdir(tmp_path)) == sorted([*inputs, output])
    assert {name: (tmp_path / name).read_bytes() for name in inputs} == inputs


def test_a_link_to_a_new_file_in_a_missing_folder_names_that_folder(tmp_path: Path) -> None:
    """Without folders made (write_file's default) too: it said "the directory . does not
    exist", the folder of the link, which is there."""
    (tmp_path / "out.svg").symlink_to("nd/new.svg")
    with pytest.raises(OutputError) as caught:
        write_file(str(tmp_path / "out.svg"), "x")
    assert str(caught.value).endswith(f": it is a symbolic link to {tmp_path}/nd/new.svg, "
                                      f"whose directory {tmp_path}/nd does not exist: make "
                                      f"{tmp_path}/nd first, or name another output")
    (tmp_path / "nd").mkdir()  # (a link to a new file in a folder that is there: written)
    write_file(str(tmp_path / "out.svg"), "x", make_folders=True)
    assert (tmp_path / "nd" / "new.svg").read_text(encoding="utf-8") == "x"


def test_no_folder_is_made_through_a_link_to_nothing_in_a_links_target(tmp_path: Path) -> None:
    (tmp_path / "dl").symlink_to("nowhere")
    (tmp_path / "out.svg").symlink_to("dl/x.svg")  # (a link to a new file, through dl)
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "dl").symlink_to("../nowhere/deeper")
    nowhere = tmp_path / "nowhere"
    with pytest.raises(OutputError) as caught:
        write_file(str(tmp_path / "out.svg"), "x", make_folders=True)
    assert str(caught.value) == (f"{tmp_path / 'out.svg'}: the directory {nowhere} that "
                                 f"{tmp_path / 'dl'} links to does not exist (through its "
                                 f"links): make {nowhere} first")
    with pytest.raises(OutputError) as typed:
        write_file(f"{tmp_path}/sub//dl/new/x.svg", "x", make_folders=True)
    assert str(typed.value) == (f"{tmp_path}/sub//dl/new/x.svg: the directory "
                                f"{nowhere / 'deeper'} that {tmp_path}/sub//dl links to does "
                                f"not exist: make {nowhere / 'deeper'} first, or name the "
                                f"output without {tmp_path}/sub//dl")
    assert sorted(os.listdir(tmp_path)) == ["dl", "out.svg", "sub"]
    assert os.listdir(tmp_path / "sub") == ["dl"]
    (tmp_path / "nowhere").mkdir()  # (a link to a folder that is there: written through)
    write_file(str(tmp_path / "dl" / "y.svg"), "y", make_folders=True)
    assert (tmp_path / "nowhere" / "y.svg").read_text(encoding="utf-8") == "y"


def _entries(base: str) -> dict[str, str]:
    """Everything below `base` by its path relative to it: a folder, a link (its target) or
    a file (its text)."""
    found = {}
    for folder, dirs, names in os.walk(base):
        for name in [*dirs, *names]:
            path = os.path.join(folder, name)
            found[os.path.relpath(path, base)] = (
                f"-> {os.readlink(path)}" if os.path.islink(path) else "folder"
                if os.path.isdir(path) else Path(path).read_text(encoding="utf-8"))
    return found


@given(steps=st.lists(st.sampled_from([*_STEPS, "n1", "n2"]), max_size=4),
       last=st.sampled_from(["x.txt", "f", "lf", "ln", "lnm"]))
def test_folders_are_made_only_where_mkdir_p_makes_them(steps: list[str], last: str) -> None:
    """`write_file` making folders writes what `mkdir -p` of its folder and `> path` write
    (it may refuse more: '..' after a missing folder), and nothing when it refuses: never a
    folder made through the dangling link ln."""
    import shutil

    shell, ours, fresh = _sandbox(), _sandbox(), _sandbox()
    try:
        relative = "/".join([*steps, last])
        try:
            write_file(os.path.join(ours, relative), "new", make_folders=True)
        except OutputError:
            assert _entries(os.path.dirname(ours)) == _entries(os.path.dirname(fresh))
            return
        os.makedirs(os.path.dirname(os.path.join(shell, relative)), exist_ok=True)
        Path(shell, relative).write_text("new", encoding="utf-8")
        assert _entries(os.path.dirname(shell)) == _entries(os.path.dirname(ours)), relative
    finally:
        for base in (shell, ours, fresh):
            shutil.rmtree(os.path.dirname(base))
