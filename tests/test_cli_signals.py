"""`orgviz` as a process stopped part way: Ctrl-C, SIGTERM and SIGHUP while an output file is
being written, and a stdout whose reader has gone (`| head`)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from orgtexts import SMALL

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX signals and pipes")

ORGS = Path(__file__).resolve().parents[1] / "orgs"

#: `orgviz ARGS` with the fsync of the output file held up: it says "writing" on stderr
#: there, and waits for the signal the test sends.
_HELD_AT_FSYNC = """\
import os, sys, time
def held(descriptor):
    sys.stderr.write("writing\\n"); sys.stderr.flush()
    time.sleep(60)
os.fsync = held
sys.argv = ["orgviz", *sys.argv[1:]]
from orgviz.cli import run
run()
"""


def _stopped_while_writing(args: list[str], signum: int, cwd: Path
                           ) -> tuple[int, str]:
    """Run orgviz ARGS, send `signum` once it writes its output file: (status, stderr)."""
    proc = subprocess.Popen([sys.executable, "-c", _HELD_AT_FSYNC, *args], cwd=cwd,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        assert proc.stderr is not None
        first = proc.stderr.readline()
        assert first == "writing\n", first + proc.stderr.read()
        proc.send_signal(signum)
        rest = proc.stderr.read()
        return proc.wait(timeout=30), rest
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "small.yaml").write_text(SMALL, encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM, signal.SIGHUP])
@pytest.mark.parametrize(("args", "output"), [
    (["export", "small.yaml", "-f", "csv"], "org.csv"),
    (["render", "small.yaml"], "chart.svg"),
    (["roles", "small.yaml"], "roles.dot"),
    (["diff", "small.yaml", "small.yaml"], "changes.svg"),
])
def test_a_signal_while_writing_leaves_the_old_file_whole(folder: Path, signum: int,
                                                          args: list[str], output: str) -> None:
    (folder / output).write_bytes(b"the old file")
    status, said = _stopped_while_writing([*args, "-o", output], signum, folder)
    assert (status, said) == (128 + signum, "orgviz: interrupted\n")
    assert (folder / output).read_bytes() == b"the old file"
    assert sorted(p.name for p in folder.iterdir()) == sorted([output, "small.yaml"])


@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM])
def test_a_signal_while_writing_into_new_folders_leaves_none(folder: Path,
                                                              signum: int) -> None:
    status, said = _stopped_while_writing(
        ["export", "small.yaml", "-f", "json", "-o", "new/sub/org.json"], signum, folder)
    assert (status, said) == (128 + signum, "orgviz: interrupted\n")
    assert sorted(p.name for p in folder.iterdir()) == ["small.yaml"]


@pytest.mark.slow
def test_ctrl_c_while_drawing_a_big_png_leaves_the_old_file(tmp_path: Path) -> None:
    target = tmp_path / "enterprise.png"
    target.write_bytes(b"the old file")
    proc = subprocess.Popen([sys.executable, "-m", "orgviz", "render",
                             str(ORGS / "enterprise.yaml"), "-o", str(target)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        proc.wait(timeout=1.5)
    except subprocess.TimeoutExpired:
        proc.send_signal(signal.SIGINT)
    else:
        proc.communicate()
        pytest.skip(f"the PNG was done (status {proc.returncode}) before the signal")
    out, err = proc.communicate(timeout=120)
    assert (proc.returncode, out, err) == (130, "", "orgviz: interrupted\n")
    assert target.read_bytes() == b"the old file"
    assert [p.name for p in tmp_path.iterdir()] == ["enterprise.png"]


_DROPPED = """\
import os, signal, time
import orgviz.cli as cli
class Late:
    def __del__(self):  # (an exception raised here is printed and dropped)
        os.kill(os.getpid(), signal.SIGTERM)
        for _ in range(10000):
            pass
def main():
    Late()
    time.sleep(30)
    print("not stopped")
cli.main = main
cli.run()
"""


def test_a_signal_that_lands_where_it_is_dropped_still_stops(tmp_path: Path) -> None:
    # (a signal that came in a fork handler of `logging` while `deck` drew its slides was
    # "Exception ignored in: <function _releaseLock ...>" and a traceback; the deck was then
    # written as if nothing had happened, exit 0)
    done = subprocess.run([sys.executable, "-c", _DROPPED], capture_output=True, text=True,
                          cwd=tmp_path, timeout=20, check=False)
    assert (done.returncode, done.stdout, done.stderr) == (143, "", "orgviz: interrupted\n")


def _into_a_closed_pipe(args: list[str], cwd: Path) -> tuple[int, str]:
    """Run orgviz ARGS with stdout a pipe nobody reads any more: (status, stderr)."""
    read, write = os.pipe()
    os.close(read)  # (before orgviz starts: its first write finds the reader gone)
    try:
        done = subprocess.run([sys.executable, "-m", "orgviz", *args], stdout=write,
                              stderr=subprocess.PIPE, text=True, cwd=cwd, timeout=120,
                              check=False)
    finally:
        os.close(write)
    return done.returncode, done.stderr


@pytest.mark.parametrize("args", [
    ["export", "{enterprise}", "-f", "json"], ["export", "{enterprise}", "-f", "json", "-o",
                                                "/dev/stdout"],
    ["stats", "{enterprise}"], ["stats", "{enterprise}", "--json"], ["schema"],
    ["validate", "{enterprise}", "-f", "json"], ["validate", "{small}"],
    ["render", "{small}", "-o", "-"], ["roles", "{small}", "-o", "-"],
    ["diff", "{small}", "{enterprise}"], ["--help"], ["--version"],
])
def test_a_closed_stdout_ends_quietly_with_status_141(tmp_path: Path, args: list[str]) -> None:
    # (`orgviz export ... | head -c 100`: no traceback, no "Exception ignored" line; 141 is
    # 128 + SIGPIPE, as `git log | head` ends; it was 1, the status of data problems)
    named = [a.format(enterprise=ORGS / "enterprise.yaml", small=ORGS / "small.yaml")
             for a in args]
    assert _into_a_closed_pipe(named, tmp_path) == (141, "")


@pytest.mark.parametrize(("args", "closed", "status", "said"), [
    (["export", "{small}", "-f", "csv"], "stdout", 2,
     "orgviz: cannot write the output: Bad file descriptor\n"),
    (["schema"], "stdout", 2, "orgviz: cannot write the output: Bad file descriptor\n"),
    (["render", "{small}", "-o", "chart.svg"], "stdout", 2,
     "orgviz: cannot write the output: Bad file descriptor\n"),
    (["export", "{small}", "-f", "csv", "-o", "org.csv"], "stdout", 0, ""),
    (["render", "missing.yaml"], "stderr", 2, None),
    (["validate", "-"], "stdin", 1, "<stdin>:1:1: error [schema] empty file"),
])
def test_a_standard_stream_closed_at_start_is_no_traceback(tmp_path: Path, args: list[str],
                                                          closed: str, status: int,
                                                          said: str | None) -> None:
    # (`orgviz export ... >&-`: Python makes sys.stdout None, and printing was an
    # AttributeError traceback, exit 1)
    named = [a.format(small=ORGS / "small.yaml") for a in args]
    number = ("stdin", "stdout", "stderr").index(closed)
    done = subprocess.run([sys.executable, "-m", "orgviz", *named], capture_output=True,
                          text=True, cwd=tmp_path, timeout=120, check=False,
                          preexec_fn=lambda: os.close(number))
    assert done.returncode == status, done.stderr
    assert "Traceback" not in done.stdout + done.stderr
    if said is not None:
        shown = done.stderr if closed == "stdout" else done.stdout
        assert shown.startswith(said), shown
