"""`orgviz` as a process stopped part way: Ctrl-C, SIGTERM and SIGHUP while an output file is
being written, and a stdout whose reader has gone (`| head`)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from orgtexts import SMALL

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    import tomli as tomllib

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX signals and pipes")

ROOT = Path(__file__).resolve().parents[1]
ORGS = ROOT / "orgs"
_STOPPING = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)


def _signals_as_at_a_terminal() -> None:
    """(preexec_fn) The stopping signals not ignored in the child, whatever ran the tests
    (orgviz keeps a signal it was started ignoring ignored, as under `nohup`)."""
    for signum in _STOPPING:
        signal.signal(signum, signal.SIG_DFL)

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
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                            preexec_fn=_signals_as_at_a_terminal)
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
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            preexec_fn=_signals_as_at_a_terminal)
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


#: `orgviz ARGS` whose PNG drawing draws HEAVY (an SVG file) instead, after writing
#: "drawing PID" to the file MARKER (PID: the process that draws; not on stderr, which
#: orgviz holds back while resvg draws).
_DRAWING_HEAVY = """\
import os, sys
import resvg_py
heavy = open(sys.argv[1], encoding="utf-8").read()
marker = sys.argv[2]
real = resvg_py.svg_to_bytes
def drawing(**options):  # (a drawing without end: only a kill stops it)
    with open(marker, "w", encoding="utf-8") as said:
        said.write(f"drawing {os.getpid()}\\n")
    while True:
        real(svg_string=heavy, dpi=96.0)
resvg_py.svg_to_bytes = drawing
import orgviz.render.convert as convert
convert.APART_FROM_PIXELS = 0  # (the small chart stands for a big one: drawn apart)
sys.argv = ["orgviz", *sys.argv[3:]]
from orgviz.entry import run
run()
"""


def _heavy_svg() -> str:
    """An SVG that resvg takes seconds to draw (a blur over many circles), holding the GIL."""
    circles = "".join(f'<circle cx="{i * 97 % 800}" cy="{i * 61 % 800}" r="{50 + i % 200}" '
                      f'fill="#{i * 2654435761 % 0xFFFFFF:06x}"/>' for i in range(100))
    return ('<svg xmlns="http://www.w3.org/2000/svg" width="800" height="800">'
            '<filter id="blur"><feGaussianBlur stdDeviation="20"/></filter>'
            f'<g filter="url(#blur)">{circles}</g></svg>')


def _first_line(marker: Path, proc: subprocess.Popen[str], seconds: float = 120) -> str:
    """The first line written to `marker`, waiting for it at most `seconds` (a test that
    waits on a pipe's line would hang when the line never comes); fails when `proc` ends
    first, with what it said."""
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        if marker.exists() and (text := marker.read_text(encoding="utf-8")).endswith("\n"):
            return text.splitlines()[0]
        if proc.poll() is not None:
            out, err = proc.communicate()
            pytest.fail(f"ended ({proc.returncode}) before drawing: {out!r} {err!r}")
        time.sleep(0.05)
    pytest.fail(f"no drawing began within {seconds} s")


@pytest.mark.slow
@pytest.mark.parametrize("to_group", [False, True], ids=["to-orgviz", "to-its-group"])
def test_ctrl_c_while_a_png_is_drawn_stops_it_at_once(folder: Path, tmp_path: Path,
                                                      to_group: bool) -> None:
    # (resvg holds the GIL while it draws: Ctrl-C waited for the whole drawing, seconds for
    # a big chart; it now draws in a child process, killed on the signal. A terminal's
    # Ctrl-C goes to the whole process group: to that child too.)
    resvg_py = pytest.importorskip("resvg_py")
    heavy = tmp_path / "heavy.svg"
    heavy.write_text(_heavy_svg(), encoding="utf-8")
    assert resvg_py.svg_to_bytes(svg_string=_heavy_svg(), dpi=96.0)  # (it draws)
    (folder / "chart.png").write_bytes(b"the old file")
    marker = tmp_path / "drawing.txt"
    proc = subprocess.Popen(
        [sys.executable, "-c", _DRAWING_HEAVY, str(heavy), str(marker), "render", "small.yaml",
         "-o", "chart.png"], cwd=folder, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        text=True, preexec_fn=_signals_as_at_a_terminal, start_new_session=True)
    try:
        first = _first_line(marker, proc)
        assert first.startswith("drawing "), first
        if to_group:
            os.killpg(proc.pid, signal.SIGINT)
        else:
            proc.send_signal(signal.SIGINT)
        # (the drawing never ends: waiting for it, as before, would hang until the timeout)
        out, err = proc.communicate(timeout=120)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert (proc.returncode, out, err) == (130, "", "orgviz: interrupted\n")
    drawer = int(first.split()[1])
    assert drawer != proc.pid  # (a child draws ...
    with pytest.raises(ProcessLookupError):  # ... and is gone with orgviz)
        os.kill(drawer, 0)
    assert (folder / "chart.png").read_bytes() == b"the old file"
    assert sorted(p.name for p in folder.iterdir()) == ["chart.png", "drawing.txt", "heavy.svg",
                                                        "small.yaml"]  # (no temporary file)


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
                          cwd=tmp_path, timeout=20, check=False,
                          preexec_fn=_signals_as_at_a_terminal)
    assert (done.returncode, done.stdout, done.stderr) == (143, "", "orgviz: interrupted\n")


#: Run the `orgviz` program as LAUNCHER starts it ("script": the console script pip writes
#: for pyproject.toml's entry point; "module": `python -m orgviz`), with ARGS; the process
#: sends itself SIGNAL as Python looks for MODULE to import it, or, with `ignored` among the
#: first words, after ignoring that signal from its start.
_SIGNALLED_AT_IMPORT = """\
import os, signal, sys
launcher, module, signum, *args = sys.argv[1:]
signum = int(signum)
if args[0] == "ignored":
    signal.signal(signum, signal.SIG_IGN)
    args = args[1:]
class SignalAtImport:
    def find_spec(self, name, path=None, target=None):
        if name == module:
            sys.meta_path.remove(self)
            os.kill(os.getpid(), signum)
        return None
sys.meta_path.insert(0, SignalAtImport())
sys.argv = ["orgviz", *args]
if launcher == "module":
    import runpy
    runpy.run_module("orgviz", run_name="__main__", alter_sys=True)
else:
    where, function = launcher.split(":")
    program = __import__(where, fromlist=[function])
    sys.exit(getattr(program, function)())
"""


def _console_script() -> str:
    """`module:function` of the `orgviz` console script, as pyproject.toml declares it."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    return project["project"]["scripts"]["orgviz"]


def _signalled_at_import(launcher: str, module: str, signum: int, args: list[str],
                         cwd: Path) -> tuple[int, str, str]:
    """(status, stdout, stderr) of orgviz ARGS signalled as it imports `module`."""
    done = subprocess.run(
        [sys.executable, "-c", _SIGNALLED_AT_IMPORT,
         _console_script() if launcher == "script" else launcher, module, str(int(signum)), *args],
        capture_output=True, text=True, cwd=cwd, timeout=120, check=False,
        preexec_fn=_signals_as_at_a_terminal)
    return done.returncode, done.stdout, done.stderr


# (modules imported as the program starts, before its command runs: a Ctrl-C there was a
# KeyboardInterrupt traceback, status -2; orgviz.cli.render_cmd is loaded as `render` runs)
@pytest.mark.parametrize("launcher", ["script", "module"])
@pytest.mark.parametrize("module", ["orgviz.cli", "click", "click.core", "orgviz.cli.common",
                                    "orgviz.problem", "orgviz.cli.render_cmd"])
def test_ctrl_c_while_starting_is_one_line_and_status_130(folder: Path, launcher: str,
                                                          module: str) -> None:
    (folder / "chart.svg").write_bytes(b"the old file")
    said = _signalled_at_import(launcher, module, signal.SIGINT,
                                ["render", "small.yaml", "-o", "chart.svg"], folder)
    assert said == (130, "", "orgviz: interrupted\n")
    assert (folder / "chart.svg").read_bytes() == b"the old file"
    assert sorted(p.name for p in folder.iterdir()) == ["chart.svg", "small.yaml"]


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP])
def test_other_signals_while_starting_say_so_too(folder: Path, signum: int) -> None:
    # (they ended the process silently, killed by the signal)
    assert _signalled_at_import("script", "click", signum, ["validate", "small.yaml"],
                                folder) == (128 + signum, "", "orgviz: interrupted\n")


def test_the_console_script_starts_with_the_signals_handled() -> None:
    # (the entry point must not be orgviz.cli:run, whose module imports click first)
    assert _console_script() == "orgviz.entry:run"


@pytest.mark.parametrize("module", ["click", "orgviz.cli.render_cmd", "orgviz.render"])
def test_a_signal_ignored_from_the_start_stays_ignored(folder: Path, module: str) -> None:
    # (`nohup orgviz render ...`: closing the terminal stopped it, status 129)
    status, out, err = _signalled_at_import(
        "module", module, signal.SIGHUP, ["ignored", "render", "small.yaml", "-o", "chart.svg"],
        folder)
    assert (status, err) == (0, "")
    assert out.strip().endswith("chart.svg")
    assert (folder / "chart.svg").read_bytes().startswith(b"<?xml")


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


def test_the_entry_point_imports_nothing_that_delays_its_handlers() -> None:
    # (typing, imported before the handlers were set, left a few ms where Ctrl-C was a
    # traceback; -S: without site, which may import them itself)
    src = Path(__file__).resolve().parents[1] / "src"
    found = subprocess.run(
        [sys.executable, "-S", "-c", "import sys; import orgviz.entry; print(sorted("
         "m for m in ('typing', 'contextlib', 're', 'click') if m in sys.modules))"],
        capture_output=True, text=True, check=True, env={**os.environ, "PYTHONPATH": str(src)})
    assert found.stdout == "[]\n"


def test_click_s_broken_pipe_wrapper_is_known_in_this_click() -> None:
    # (isinstance of click.utils.PacifyFlushWrapper: deprecated with a warning from click 8.5,
    # gone in 9.0, where the class is _PacifyFlushWrapper)
    import io
    import warnings

    import click.utils

    from orgviz.cli import _pacified

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        wrapper = (getattr(click.utils, "_PacifyFlushWrapper", None)
                   or click.utils.PacifyFlushWrapper)
    assert _pacified(wrapper(io.StringIO()))
    assert not _pacified(io.StringIO())
