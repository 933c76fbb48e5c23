"""`orgviz` as a process: exit statuses, flushed output and a quick exit (cli.run)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from orgtexts import SMALL
from orgviz.cli import _exit_status, common, main


def orgviz(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "orgviz", *args], capture_output=True,
                          text=True, cwd=cwd, timeout=120, check=False)


def test_output_to_a_pipe_is_flushed_before_the_quick_exit(tmp_path: Path) -> None:
    (tmp_path / "small.yaml").write_text(SMALL, encoding="utf-8")
    done = orgviz("stats", "small.yaml", "--json", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout.rstrip().endswith("}") and '"headcount"' in done.stdout
    assert orgviz("--version", cwd=tmp_path).stdout.startswith("orgviz, version ")


def test_render_writes_its_file_and_exits_0(tmp_path: Path) -> None:
    (tmp_path / "small.yaml").write_text(SMALL, encoding="utf-8")
    done = orgviz("render", "small.yaml", "-o", "out/small.svg", cwd=tmp_path)
    assert (done.returncode, done.stdout.strip()) == (0, "out/small.svg")
    assert (tmp_path / "out" / "small.svg").read_bytes().rstrip().endswith(b"</svg>")


def test_roles_names_the_chart_it_wrote(tmp_path: Path) -> None:
    (tmp_path / "small.yaml").write_text(SMALL, encoding="utf-8")
    done = orgviz("roles", "small.yaml", "-o", "roles.dot", cwd=tmp_path)
    assert (done.returncode, done.stdout, done.stderr) == (0, "roles.dot\n", "")
    assert (tmp_path / "roles.dot").read_text(encoding="utf-8").startswith("digraph roles {")


def test_problems_exit_1_and_file_errors_exit_2_in_one_line(tmp_path: Path) -> None:
    (tmp_path / "bad.yaml").write_text("orgviz: 1\npeople: [\n", encoding="utf-8")
    done = orgviz("validate", "bad.yaml", cwd=tmp_path)
    assert done.returncode == 1
    assert done.stdout.splitlines()[0] == (
        "bad.yaml:3:1: error [yaml-syntax] YAML syntax error: did not find expected node "
        "content (the [...] list that starts at line 2, column 9 is never closed: end it with "
        "']')")
    missing = orgviz("render", "missing.yaml", cwd=tmp_path)
    assert missing.returncode == 2
    assert missing.stderr.strip().splitlines() == [
        "orgviz: missing.yaml: cannot read: No such file or directory"]


@pytest.mark.parametrize(("code", "status", "printed"), [
    (None, 0, ""), (0, 0, ""), (1, 1, ""), (2, 2, ""), (256 + 3, 3, ""),
    ("orgviz: stopped", 1, "orgviz: stopped\n"),
])
def test_exit_status_is_what_sys_exit_gives(code: object, status: int, printed: str,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    assert _exit_status(code) == status
    assert capsys.readouterr().err == printed


def python_c(script: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          cwd=cwd, timeout=60, check=False)


def test_the_program_runs_its_command_without_the_cycle_collector(tmp_path: Path) -> None:
    # A command that pauses the collector then finds it off and leaves it off, so no
    # collection walks the whole org when the command ends (see cli.run).
    done = python_c("import gc, orgviz.cli as cli\n"
                    "cli.main = lambda: print('collector on:', gc.isenabled())\n"
                    "print('before:', gc.isenabled())\n"
                    "cli.run()\n", tmp_path)
    assert (done.returncode, done.stdout) == (0, "before: True\ncollector on: False\n")


def test_the_program_leaves_a_command_s_results_to_the_end(tmp_path: Path) -> None:
    # Under cli.run (which ends the process without freeing anything) a command's results
    # are kept rather than freed as it returns; in-process (CliRunner) nothing is kept.
    done = python_c("import orgviz.cli as cli\n"
                    "from orgviz.cli import common\n"
                    "common.keep_until_exit('outside')\n"
                    "def main():\n"
                    "    common.keep_until_exit('org', 'problems')\n"
                    "    print(common._KEPT)\n"
                    "cli.main = main\n"
                    "cli.run()\n", tmp_path)
    assert (done.returncode, done.stdout) == (0, "['org', 'problems']\n")
    (tmp_path / "small.yaml").write_text(SMALL, encoding="utf-8")
    result = CliRunner().invoke(main, ["validate", str(tmp_path / "small.yaml")])
    assert result.exit_code == 0 and common._KEPT == []


_FULL_STDOUT = """\
import errno, io, sys
class Full(io.RawIOBase):
    def writable(self): return True
    def write(self, b): raise OSError(errno.ENOSPC, "No space left on device")
sys.stdout = io.TextIOWrapper(io.BufferedWriter(Full()), encoding="utf-8")
sys.argv = ["orgviz", *sys.argv[1:]]
from orgviz.cli import run
run()
"""


@pytest.mark.parametrize("args", [["export", "--format", "json"], ["stats"], ["validate"]])
def test_stdout_on_a_full_disk_is_one_line_not_a_traceback(args: list[str]) -> None:
    import subprocess
    import sys
    from pathlib import Path

    org = Path(__file__).resolve().parents[1] / "orgs" / "small.yaml"
    proc = subprocess.run([sys.executable, "-c", _FULL_STDOUT, args[0], str(org), *args[1:]],
                          capture_output=True, text=True, timeout=60, check=False)
    assert proc.returncode == 2, proc.stderr
    assert proc.stderr == "orgviz: cannot write the output: No space left on device\n"


_FILLING_STDOUT = """\
import errno, io, sys
class Filling(io.RawIOBase):
    room = 5000  # bytes left on the disk: a write takes what fits, then ENOSPC
    def writable(self): return True
    def write(self, b):
        if not self.room:
            raise OSError(errno.ENOSPC, "No space left on device")
        taken = min(len(b), self.room)
        self.room -= taken
        return taken
# (as Python sets stdout up under PYTHONUNBUFFERED=1, as in many containers: no buffer)
sys.stdout = io.TextIOWrapper(Filling(), encoding="utf-8", write_through=True)
sys.argv = ["orgviz", *sys.argv[1:]]
from orgviz.cli import run
run()
"""


@pytest.mark.parametrize("args", [["export", "--format", "json"], ["stats", "--json"],
                                  ["diff", "{empty}"], ["diff", "{empty}", "--json"],
                                  ["import", "{csv}"]])
def test_stdout_filled_part_way_is_an_error_not_a_cut_output(tmp_path: Path,
                                                              args: list[str]) -> None:
    # (unbuffered, a write that took part of the bytes returned their count: the rest was
    # dropped and the exit status was 0, with half a JSON file or half an org file written)
    org = Path(__file__).resolve().parents[1] / "orgs" / "enterprise.yaml"
    empty = tmp_path / "empty.yaml"
    empty.write_text("orgviz: 1\norg: {name: E}\npeople:\n  - {id: x, name: X}\n",
                     encoding="utf-8")
    done = orgviz("export", str(org), "--format", "csv", "-o", str(tmp_path / "e.csv"),
                  cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    first = str(tmp_path / "e.csv") if args[0] == "import" else str(org)
    rest = [a.format(empty=empty, csv=tmp_path / "e.csv") for a in args[1:]]
    if args[0] == "import":
        rest = []
    proc = subprocess.run([sys.executable, "-c", _FILLING_STDOUT, args[0], first, *rest],
                          capture_output=True, text=True, timeout=120, check=False)
    assert proc.returncode == 2, proc.stderr
    assert proc.stderr.splitlines()[-1] == ("orgviz: cannot write the output: No space left "
                                            "on device")


@pytest.mark.skipif(sys.platform != "linux", reason="a file name that is not UTF-8 (Linux)")
@pytest.mark.parametrize("args", [["render", "-o", "charts/"], ["deck", "-o", "deck\udcff.pptx"],
                                  ["roles", "-o", "roles\udcff.svg"]])
def test_a_name_that_is_not_utf8_is_printed_to_a_utf8_stdout(tmp_path: Path,
                                                             args: list[str]) -> None:
    # With a strict UTF-8 stdout (a UTF-8 locale other than C.UTF-8), printing the path of
    # the chart written from org\xff.yaml (or to deck\xff.pptx) was a traceback ("surrogates
    # not allowed"), exit 1.
    name = os.fsdecode(b"org\xff.yaml")
    (tmp_path / name).write_text(SMALL, encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "orgviz", args[0], name, *args[1:]],
                          capture_output=True, cwd=tmp_path, timeout=120, check=False,
                          env={**os.environ, "PYTHONIOENCODING": "utf-8"})
    assert b"Traceback" not in done.stderr
    assert done.returncode == 0, done.stderr


def test_two_runs_writing_the_same_file_leave_one_of_them_whole(tmp_path: Path) -> None:
    # (each writes a temporary file of its own and renames it over the target: the last
    # rename wins, and no reader ever sees a mix of the two or a part of one)
    orgs = Path(__file__).resolve().parents[1] / "orgs"
    wholes = set()
    for name in ("enterprise", "mid-size"):
        orgviz("export", str(orgs / f"{name}.yaml"), "-f", "json", "-o", f"{name}.json",
               cwd=tmp_path)
        wholes.add((tmp_path / f"{name}.json").read_bytes())
    for _round in range(3):
        runs = [subprocess.Popen([sys.executable, "-m", "orgviz", "export",
                                  str(orgs / f"{name}.yaml"), "-f", "json", "-o", "same.json"],
                                 cwd=tmp_path, stderr=subprocess.PIPE)
                for name in ("enterprise", "mid-size")]
        said = [run.communicate(timeout=120)[1] for run in runs]
        assert ([run.returncode for run in runs], said) == ([0, 0], [b"", b""])
        assert (tmp_path / "same.json").read_bytes() in wholes
    assert sorted(p.name for p in tmp_path.iterdir()) == ["enterprise.json", "mid-size.json",
                                                          "same.json"]


_UNFORESEEN = """\
import sys
import orgviz.loader
def refused(*args, **kwargs):
    raise PermissionError(13, "Permission denied", "shut/\\nx.yaml")
orgviz.loader.read_org = refused
import orgviz.cli.validate_cmd as command
command.load = refused
sys.argv = ["orgviz", *sys.argv[1:]]
from orgviz.cli import run
run()
"""


@pytest.mark.parametrize(("name", "shown"), [('"shut/\\nx.yaml"', "shut/\\u000Ax.yaml"),
                                             ("b'shut/x.yaml'", "shut/x.yaml"), ("999", "999")])
def test_an_unforeseen_error_of_a_file_names_the_file(name: str, shown: str) -> None:
    """An OSError of a named file that no command foresaw is said with the file's name (on
    one line; a descriptor's number as it is), not as 'cannot write the output', which it
    is not."""
    import subprocess
    import sys
    from pathlib import Path

    org = Path(__file__).resolve().parents[1] / "orgs" / "small.yaml"
    proc = subprocess.run([sys.executable, "-c", _UNFORESEEN.replace('"shut/\\nx.yaml"', name),
                           "validate", str(org)],
                          capture_output=True, text=True, timeout=60, check=False)
    assert proc.returncode == 2, proc.stderr
    assert proc.stderr == f"orgviz: {shown}: Permission denied\n"
