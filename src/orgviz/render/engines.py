"""Graphviz engines: the system `dot` and graphviz-pure (pip-installed), run as subprocesses."""

from __future__ import annotations

import abc
import atexit
import contextlib
import os
import re
import shutil
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from typing import IO, ClassVar

try:
    import fcntl
except ImportError:  # pragma: no cover - not POSIX
    fcntl = None  # type: ignore[assignment]  # (each use checks for None)

from orgviz.errors import RenderError

#: Graphviz layout engines accepted by `render(layout=...)`; `nop2` is `neato -n2`
#: (keep the node and edge positions given in the DOT source, only draw).
LAYOUTS = ("dot", "neato", "fdp", "sfdp", "circo", "twopi", "osage", "patchwork",
           "nop", "nop1", "nop2")

INSTALL_GRAPHVIZ = "install Graphviz (apt-get install graphviz / brew install graphviz)"
INSTALL_EMBEDDED = "pip install graphviz-pure (or reinstall orgviz)"


def verify_layout(layout: str) -> str:
    """Return `layout` if Graphviz knows it, else raise a RenderError listing the choices."""
    if layout not in LAYOUTS:
        raise RenderError(f"unknown Graphviz layout {layout!r}: use one of {', '.join(LAYOUTS)}")
    return layout


def _verify_request(engine: Engine, dot_source: str, fmt: str, layout: str,
                    timeout: float) -> bytes:
    """Check the arguments of `Engine.render` and return the source as UTF-8."""
    if fmt not in engine.formats:
        hint = " (render svg, then convert it)" if fmt in ("png", "pdf") else ""
        raise RenderError(f"the {engine.name} Graphviz engine cannot write {fmt!r}{hint}: "
                          f"use one of {', '.join(sorted(engine.formats))}")
    verify_layout(layout)
    if not timeout > 0:
        raise ValueError(f"timeout must be positive, not {timeout!r}")
    if "\x00" in dot_source:
        raise RenderError("the DOT source contains a NUL character, which Graphviz cannot read")
    try:
        return dot_source.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise RenderError(f"the DOT source is not valid Unicode text ({exc.reason} at "
                          f"character {exc.start})") from None


def _timeout_error(engine: str, layout: str, timeout: float) -> RenderError:
    return RenderError(f"Graphviz ({engine} engine, {layout} layout) did not finish within "
                       f"{timeout:g} s and was stopped: use --layout tidy for big org charts, "
                       f"or allow more time")


class Engine(abc.ABC):
    """A way to run Graphviz: turns DOT source into bytes of one output format."""

    name: ClassVar[str]
    #: Output formats (`-T` values) this engine produces natively.
    formats: ClassVar[frozenset[str]]
    #: What to tell the user when the engine is not installed.
    missing: ClassVar[str]

    @abc.abstractmethod
    def available(self) -> bool:
        """Whether this engine is installed and works."""

    @abc.abstractmethod
    def version(self) -> str:
        """The Graphviz version, e.g. "2.43.0"."""

    @abc.abstractmethod
    def render(self, dot_source: str, fmt: str, layout: str = "dot",
               timeout: float = 120.0) -> bytes:
        """Lay out and draw `dot_source`; raise RenderError on failure or after `timeout` s."""

    def start(self, dot_source: str, fmt: str, layout: str = "dot",
              timeout: float = 120.0) -> Job:
        """Start `render` without waiting for it (here: run it now; engines that can work
        beside the caller override this)."""
        try:
            return _DoneJob(self.render(dot_source, fmt, layout, timeout))
        except Exception as exc:  # given to whoever asks for the result
            return _DoneJob(error=exc)

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.name!r}>"


class Job(abc.ABC):
    """A Graphviz run in progress: `result()` waits for its bytes (or raises what `render`
    would), `cancel()` stops it. Either ends it; as a context manager it is cancelled on
    exit, so that no Graphviz outlives an error of the caller."""

    @abc.abstractmethod
    def result(self) -> bytes:
        """The output, once Graphviz is done; RenderError on failure or timeout."""

    @abc.abstractmethod
    def cancel(self) -> None:
        """Stop Graphviz if it still runs and wait until it has (no-op once ended)."""

    def __enter__(self) -> Job:
        return self

    def __exit__(self, *exc: object) -> None:
        self.cancel()


class _DoneJob(Job):
    """A job that has ended already: its output, or the exception it raised."""

    def __init__(self, data: bytes = b"", error: BaseException | None = None) -> None:
        self.data, self.error = data, error

    def result(self) -> bytes:
        if self.error is not None:
            raise self.error
        return self.data

    def cancel(self) -> None:
        pass


# --- probing a Graphviz program -------------------------------------------------------------

_PROBE_INPUT = b"digraph { a }"
_PROBE_TIMEOUT = 20.0
#: Probes of Graphviz programs (`dot`, graphviz-pure) by path: a running process, or the
#: version found (None: broken).
_PROBES: dict[str, subprocess.Popen[bytes] | str | None] = {}
_PROBES_LOCK = threading.Lock()


#: The cache file of probes that succeeded: one "path<TAB>identity<TAB>version" line per
#: Graphviz program (its identity: size, modification time and inode), newest first.
_PROBE_CACHE = "dot-probes.txt"
_PROBE_CACHE_LINES = 8


def _identity(executable: str) -> tuple[str, str] | None:
    """The real path of a program and what changes when it is replaced or upgraded."""
    try:
        real = os.path.realpath(executable)
        info = os.stat(real)
    except (OSError, ValueError):
        return None
    if "\t" in real or "\n" in real:
        return None
    return real, f"{info.st_size}:{info.st_mtime_ns}:{info.st_ino}"


def _cached_lines() -> list[list[str]]:
    from orgviz.cachedir import cache_dir, read_trusted

    folder = cache_dir()
    data = read_trusted(folder / _PROBE_CACHE) if folder is not None else None
    if data is None:
        return []
    lines = data.decode("utf-8", "replace").splitlines()
    return [fields for fields in (line.split("\t") for line in lines) if len(fields) == 3]


def _cached_probe(executable: str) -> str | None:
    """The version an earlier orgviz process found by drawing with this very program, if any."""
    identity = _identity(executable)
    if identity is None:
        return None
    return next((version for path, ident, version in _cached_lines()
                 if (path, ident) == identity and version), None)


def _remember_probe(executable: str, version: str) -> None:
    """Note (best effort) that this program works and its version, for later processes."""
    from orgviz.cachedir import cache_dir, store

    identity, folder = _identity(executable), cache_dir()
    if identity is None or folder is None or "\t" in version or "\n" in version:
        return
    kept = [fields for fields in _cached_lines() if fields[0] != identity[0]]
    lines = ["\t".join(fields) for fields in [[*identity, version], *kept]]
    text = "\n".join(lines[:_PROBE_CACHE_LINES]) + "\n"
    store(folder / _PROBE_CACHE, text.encode("utf-8"))


def _start_probe(executable: str) -> None:
    """Start drawing a one-node graph with the Graphviz program at `executable`, without
    waiting, unless an earlier process found this very program working (then its version is
    known)."""
    with _PROBES_LOCK:
        if executable in _PROBES:
            return
        cached = _cached_probe(executable)
        if cached is not None:
            _PROBES[executable] = cached
            return
        try:
            process = _popen([executable, "-Tsvg"], subprocess.PIPE)
        except (OSError, ValueError, subprocess.SubprocessError):
            _PROBES[executable] = None
            return
        if not _PROBES:
            atexit.register(_reap_probes)
        _PROBES[executable] = process
        stdin, process.stdin = process.stdin, None  # fed here; communicate() only reads
        assert stdin is not None  # started with stdin=PIPE
        try:
            stdin.write(_PROBE_INPUT)  # far below any pipe buffer: never blocks
        except OSError:  # it exited at once; its status tells
            pass
        finally:
            with contextlib.suppress(OSError):
                stdin.close()


def _reap_probes() -> None:
    """At exit, collect probes nobody waited for (an org with errors is not drawn)."""
    for state in list(_PROBES.values()):
        if isinstance(state, subprocess.Popen):
            with contextlib.suppress(OSError, ValueError, subprocess.SubprocessError):
                _kill(state)
                state.communicate()


def _probe_dot(executable: str,
               describe: Callable[[str, bytes], str] | None = None) -> str | None:
    """The version of the Graphviz program at `executable` if it can draw a graph, else None;
    `describe(executable, svg)` makes the version from the probe's SVG (default:
    `_probe_version`).

    One `dot -Tsvg` run per program and process (its SVG names the version), started early
    by `prefetch` so that it runs while the org is loaded, and only until it succeeds once:
    the version of a program that worked is kept in orgviz's cache (keyed by the program's
    path, size, date and inode, so an upgrade probes again; ORGVIZ_NO_CACHE=1 turns it off).
    """
    _start_probe(executable)
    with _PROBES_LOCK:
        state = _PROBES[executable]
        if not isinstance(state, subprocess.Popen):
            return state
        try:
            out, _err = state.communicate(timeout=_PROBE_TIMEOUT)
        except (OSError, ValueError, subprocess.SubprocessError):
            _kill(state)
            state.communicate()
            out = b""
        version = (describe or _probe_version)(executable, out) if (
            state.returncode == 0 and b"<svg" in out) else None
        _PROBES[executable] = version
        if version is not None:
            _remember_probe(executable, version)
        return version


def _program_says(executable: str) -> bytes:
    """What `executable -V` prints (Graphviz programs print it on stderr), or nothing."""
    try:
        info = subprocess.run([executable, "-V"], capture_output=True, timeout=_PROBE_TIMEOUT,
                              check=False)
    except (OSError, subprocess.SubprocessError):
        return b""
    return info.stderr + info.stdout


def _probe_version(executable: str, svg: bytes) -> str:
    """The version named by Graphviz's SVG comment, else by `dot -V`."""
    found = re.search(rb"<!-- Generated by graphviz version\s+(\S+)", svg)
    if found is None:
        found = re.search(rb"version\s+(\S+)", _program_says(executable))
    return found.group(1).decode("ascii", "replace") if found else "unknown"


def _first_error_line(stderr: bytes) -> str:
    """The most telling line of Graphviz's stderr: its first error, else its first line."""
    lines = [ln.strip() for ln in stderr.decode("utf-8", "replace").splitlines() if ln.strip()]
    if not lines:
        return "no error message"
    line = next((ln for ln in lines if "error" in ln.lower()), lines[0])
    return line if len(line) <= 200 else line[:199] + "…"


class ProgramEngine(Engine):
    """Graphviz as a program of its own (`dot`'s command line), run as a subprocess with the
    DOT source on stdin; a timeout kills it. Subclasses say how to find the program."""

    #: How errors name the program, e.g. "Graphviz dot".
    program: ClassVar[str]
    #: What to tell the user when the program is there but cannot draw.
    broken: ClassVar[str]

    @abc.abstractmethod
    def find(self) -> str | None:
        """The path of the program, or None when it is not installed."""

    def _executable(self) -> str:
        executable = self.find()
        if executable is None:
            raise RenderError(self.missing)
        return executable

    def _describe(self, executable: str, svg: bytes) -> str:
        """The version of the program at `executable`, from its probe's SVG."""
        return _probe_version(executable, svg)

    def available(self) -> bool:
        executable = self.find()
        return executable is not None and _probe_dot(executable, self._describe) is not None

    def version(self) -> str:
        executable = self._executable()
        found = _probe_dot(executable, self._describe)
        if found is None:
            raise RenderError(f"{self.program} at {executable} does not work: {self.broken}")
        return found

    def prefetch(self, request: tuple[str, str] | None) -> bool:
        """Start probing the program and, with `request` (layout, format), a spare process
        for it (see `_start_spare`); whether the program was found."""
        executable = self.find()
        if executable is None:
            return False
        _start_probe(executable)
        if request is not None:
            _start_spare([executable, f"-K{request[0]}", f"-T{request[1]}"])
        return True

    def render(self, dot_source: str, fmt: str, layout: str = "dot",
               timeout: float = 120.0) -> bytes:
        return self.start(dot_source, fmt, layout, timeout).result()

    def start(self, dot_source: str, fmt: str, layout: str = "dot",
              timeout: float = 120.0) -> Job:
        """Start the program as a process of its own (it works on another core while the
        caller goes on); the timeout counts from now."""
        source = _verify_request(self, dot_source, fmt, layout, timeout)
        return _SystemJob(self, self._executable(), source, fmt, layout, timeout)


class SystemEngine(ProgramEngine):
    """The `dot` program found on PATH."""

    name = "system"
    formats = frozenset({"svg", "png", "pdf", "ps", "eps", "dot", "gv", "canon", "xdot",
                         "json", "json0", "dot_json", "xdot_json", "plain", "plain-ext"})
    missing = (f"Graphviz `dot` was not found on PATH: {INSTALL_GRAPHVIZ} "
               f"or use --engine embedded")
    program = "Graphviz dot"
    broken = "reinstall Graphviz or use --engine embedded"

    def find(self) -> str | None:
        return shutil.which("dot")


#: The distribution and the program that make the embedded engine.
PURE_PACKAGE = "graphviz-pure"
_PURE_NAMES = ("graphviz-pure", "graphviz-pure.exe")
#: The program and package version found for this process (see `_locate_pure`).
_PURE: list[tuple[str, str | None] | None] = []
#: The cache file of the program found from the distribution (importlib.metadata alone takes
#: ~15 ms to import): "environment<TAB>program<TAB>identity<TAB>version<TAB>dist-info folder".
_PURE_CACHE = "graphviz-pure.txt"


def _locate_pure() -> tuple[str, str | None] | None:
    """The graphviz-pure program and its package version, looked up once per process: the
    script its installed distribution lists (RECORD), else a `graphviz-pure` on PATH (then
    the version comes from the program)."""
    if not _PURE:
        _PURE.append(_cached_pure() or _find_pure())
    return _PURE[0]


def _find_pure() -> tuple[str, str | None] | None:
    """The graphviz-pure program of the installed distribution, else the one on PATH."""
    import importlib.metadata

    try:
        dist = importlib.metadata.distribution(PURE_PACKAGE)
        files = dist.files or ()
        for entry in files:
            if entry.name in _PURE_NAMES:
                path = os.path.normpath(str(dist.locate_file(entry)))
                if os.path.isfile(path) and os.access(path, os.X_OK):
                    info = next((os.path.dirname(os.path.normpath(str(dist.locate_file(f))))
                                 for f in files if f.name == "METADATA"), None)
                    if info is not None:
                        _remember_pure(path, dist.version, info)
                    return path, dist.version
    except (importlib.metadata.PackageNotFoundError, OSError, ValueError):
        pass
    found = shutil.which(PURE_PACKAGE)
    return (found, None) if found is not None else None


def _cached_pure() -> tuple[str, str | None] | None:
    """The program an earlier process found from the distribution, if this environment's
    distribution is still installed (its dist-info folder) and the program unchanged."""
    from orgviz.cachedir import cache_dir, read_trusted

    folder = cache_dir()
    data = read_trusted(folder / _PURE_CACHE) if folder is not None else None
    fields = data.decode("utf-8", "replace").rstrip("\n").split("\t") if data else []
    if len(fields) != 5:
        return None
    environment, program, identity, version, info = fields
    current = _identity(program)
    if environment != sys.prefix or current is None or current[1] != identity \
            or not os.path.isdir(info):
        return None
    return program, version


def _remember_pure(program: str, version: str, info: str) -> None:
    """Note (best effort) where the distribution's program is, for later processes."""
    from orgviz.cachedir import cache_dir, store

    identity, folder = _identity(program), cache_dir()
    fields = [sys.prefix, program, identity[1] if identity else "", version, info]
    if identity is None or folder is None or any("\t" in f or "\n" in f for f in fields):
        return
    store(folder / _PURE_CACHE, ("\t".join(fields) + "\n").encode("utf-8"))


class EmbeddedEngine(ProgramEngine):
    """graphviz-pure (PyPI), a self-contained Rust port of Graphviz installed with orgviz: the
    program `graphviz-pure` with `dot`'s flags. It draws neither PDF nor PostScript (orgviz
    converts its SVG) and reads no fonts or images of the system."""

    name = "embedded"
    formats = frozenset({"svg", "png", "dot", "gv", "canon", "xdot", "json", "json0",
                         "dot_json", "xdot_json", "plain", "plain-ext"})
    missing = (f"the embedded Graphviz engine (graphviz-pure) is not installed: "
               f"{INSTALL_EMBEDDED}, or {INSTALL_GRAPHVIZ} and use --engine system")
    program = "graphviz-pure"
    broken = (f"reinstall it (pip install --force-reinstall {PURE_PACKAGE}) "
              f"or use --engine system")

    def find(self) -> str | None:
        located = _locate_pure()
        return located[0] if located is not None else None

    def _describe(self, executable: str, svg: bytes) -> str:
        """"16.1.0 (graphviz-pure 0.2.2)": the Graphviz version of the probe's SVG and the
        package's, from its metadata (or from `graphviz-pure -V` for a program on PATH)."""
        graphviz = _probe_version(executable, svg)
        located = _locate_pure()
        package = located[1] if located is not None and located[0] == executable else None
        if package is None:
            said = re.search(rb"graphviz-pure version\s+(\S+)", _program_says(executable))
            package = said.group(1).decode("ascii", "replace") if said else "unknown"
        return f"{graphviz} (graphviz-pure {package})"


# --- running a Graphviz program -------------------------------------------------------------

#: Jobs still running: stopped at exit if their caller did not end them.
_RUNNING: set[_SystemJob] = set()
#: When the caller comes for the output after the timeout has passed, how long a program that
#: has finished its layout gets to hand its output over.
_LATE_GRACE = 0.05


def _popen(argv: list[str], stdin: int) -> subprocess.Popen[bytes]:
    """Start a Graphviz program in a process group of its own (POSIX), so that stopping it
    stops what it started too: a `dot` that is a shell script running the real one (without
    `exec`) would otherwise keep the output pipe open, and orgviz waiting, after its kill."""
    return subprocess.Popen(argv, stdin=stdin, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            start_new_session=os.name == "posix")


def _kill(process: subprocess.Popen[bytes]) -> None:
    """Kill a program started by `_popen` and everything in its process group (if it runs)."""
    if os.name == "posix":  # (the group lives on while any member does, the leader reaped
        with contextlib.suppress(OSError):  # or not: a program left running in the background)
            os.killpg(process.pid, signal.SIGKILL)
    if process.poll() is None:
        with contextlib.suppress(OSError):
            process.kill()


def _input_file(data: bytes) -> int:
    """A file descriptor to read `data` from: the child reads it whenever it likes, with no
    thread of ours to feed a pipe."""
    if hasattr(os, "memfd_create"):
        descriptor = os.memfd_create("orgviz-dot", os.MFD_CLOEXEC)
    else:  # pragma: no cover - not Linux
        import tempfile

        with tempfile.TemporaryFile() as stream:
            descriptor = os.dup(stream.fileno())
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(descriptor, view):]
        os.lseek(descriptor, 0, os.SEEK_SET)
    except BaseException:
        os.close(descriptor)
        raise
    return descriptor


def _spawn(engine: ProgramEngine, argv: list[str], source: bytes) -> subprocess.Popen[bytes]:
    """The program of `engine` started on `source` (from a file: it reads whenever it likes)."""
    descriptor = _input_file(source)
    try:
        return _popen(argv, descriptor)
    except FileNotFoundError:
        raise RenderError(engine.missing) from None
    except OSError as exc:
        raise RenderError(f"cannot run {argv[0]} ({exc.strerror}): {engine.broken}") from None
    finally:
        os.close(descriptor)


#: The most DOT source a pipe is grown to hold (Linux lets anyone grow one to 1 MiB).
_PIPE_LIMIT = 1 << 20

#: Graphviz processes started before their input existed, by command line (see `_start_spare`).
_SPARES: dict[tuple[str, ...], subprocess.Popen[bytes]] = {}


def _start_spare(argv: list[str]) -> None:
    """Start `argv` reading its input from a pipe, unless one waits already: the program
    starts up (loads, links, reads its configuration) while orgviz loads the org, and the
    job that asks for the same command line takes it. One nobody takes is stopped at exit."""
    key = tuple(argv)
    if key in _SPARES:
        return
    try:
        process = _popen(argv, subprocess.PIPE)
    except (OSError, ValueError, subprocess.SubprocessError):
        return  # the job starts its own process and reports what is wrong
    if not _SPARES:
        atexit.register(_stop_spares)
    _SPARES[key] = process


def _take_spare(argv: list[str]) -> subprocess.Popen[bytes] | None:
    """The waiting process started for `argv`, if it still waits."""
    process = _SPARES.pop(tuple(argv), None)
    if process is not None and process.poll() is not None:
        _end_process(process)
        return None
    return process


def _feed(process: subprocess.Popen[bytes], source: bytes) -> None:
    """Give a waiting process its input, so that the caller goes on at once and
    `communicate()` then only reads: in one write when the pipe can be made to hold all of
    it (Linux), else on a thread of its own (the pipe holds only part of a big graph)."""
    stdin, process.stdin = process.stdin, None
    assert stdin is not None
    if _write_whole(stdin, source):
        return

    def write() -> None:
        try:
            stdin.write(source)
        except OSError:  # it ended early (killed, or it failed): its status and stderr tell
            pass
        finally:
            with contextlib.suppress(OSError):
                stdin.close()

    threading.Thread(target=write, name="orgviz-dot-input", daemon=True).start()


def _write_whole(stdin: IO[bytes], source: bytes) -> bool:
    """Write `source` to an empty pipe and close it, if the pipe can be grown to hold all of
    it (no thread then, and no hand-offs between it and the caller); False: nothing done."""
    grow = getattr(fcntl, "F_SETPIPE_SZ", None) if fcntl is not None else None
    if grow is None or len(source) > _PIPE_LIMIT:
        return False
    try:
        if fcntl.fcntl(stdin.fileno(), grow, max(len(source), 4096)) < len(source):
            return False
    except OSError:  # above the system's limit for pipes, or not a pipe
        return False
    try:
        stdin.write(source)
    except OSError:  # it ended early (killed, or it failed): its status and stderr tell
        pass
    finally:
        with contextlib.suppress(OSError):
            stdin.close()
    return True


def _end_process(process: subprocess.Popen[bytes]) -> None:
    """Kill a process (if it still runs), reap it and close its pipes."""
    _kill(process)
    with contextlib.suppress(OSError, ValueError, subprocess.SubprocessError):
        process.communicate()


def _stop_spares() -> None:
    """At exit, stop the waiting processes no job took."""
    while _SPARES:
        _end_process(_SPARES.popitem()[1])


def _stop_running() -> None:
    """At exit, stop the Graphviz processes nobody waited for."""
    for job in list(_RUNNING):
        job.cancel()


class _SystemJob(Job):
    """One Graphviz process (`dot` or graphviz-pure): input from a file, output read when
    the result is asked for."""

    def __init__(self, engine: ProgramEngine, executable: str, source: bytes, fmt: str,
                 layout: str, timeout: float) -> None:
        self.engine, self.fmt, self.layout, self.timeout = engine, fmt, layout, timeout
        self.outcome: tuple[bytes, bytes] | BaseException | None = None
        argv = [executable, f"-K{layout}", f"-T{fmt}"]
        spare = _take_spare(argv)
        if spare is not None:
            self.process = spare
            _feed(spare, source)
        else:
            self.process = _spawn(engine, argv, source)
        self.deadline = time.monotonic() + timeout
        if not _RUNNING:
            atexit.register(_stop_running)
        _RUNNING.add(self)

    def _stop(self) -> None:
        """Kill the process (if it still runs), reap it and close its pipes."""
        _end_process(self.process)
        _RUNNING.discard(self)

    def _wait(self) -> tuple[bytes, bytes] | BaseException:
        """The output and error output of the program, or the error to raise."""
        left = self.deadline - time.monotonic()
        try:
            out, err = self.process.communicate(timeout=max(left, _LATE_GRACE))
        except subprocess.TimeoutExpired:
            self._stop()
            return _timeout_error(self.engine.name, self.layout, self.timeout)
        except BaseException:
            self._stop()
            raise
        _RUNNING.discard(self)
        return out, err

    def result(self) -> bytes:
        if self.outcome is None:
            self.outcome = self._wait()
        if isinstance(self.outcome, BaseException):
            raise self.outcome
        out, err = self.outcome
        code = self.process.returncode
        if code != 0:
            raise RenderError(f"{self.engine.program} {_failure(code)}: "
                              f"{_first_error_line(err)}")
        if self.fmt == "pdf":
            from orgviz.render.convert import fix_pdf_dates

            return fix_pdf_dates(out)
        return out

    def cancel(self) -> None:
        if self.outcome is None:
            self._stop()
            self.outcome = RenderError("Graphviz was stopped before it finished")


def _failure(returncode: int) -> str:
    """How the program ended: "crashed (SIGSEGV)" or "failed (exit status 1)"."""
    if returncode > 0:
        return f"failed (exit status {returncode})"
    import signal

    try:
        return f"crashed ({signal.Signals(-returncode).name})"
    except ValueError:
        return f"crashed (signal {-returncode})"




ENGINES: dict[str, type[ProgramEngine]] = {"system": SystemEngine, "embedded": EmbeddedEngine}


def prefetch(name: str = "auto", request: tuple[str, str] | None = None) -> None:
    """Start getting engine `name` ready without waiting or failing: its program's one probe
    runs as its own process while the caller goes on (loading the org), so that a later
    `pick_engine` finds it done; with `request` (layout, format), a process for that request
    is started too, waiting for its input (see `_start_spare`). "auto" readies the system
    `dot` when it is on PATH, else graphviz-pure."""
    if name == "auto":
        if not SystemEngine().prefetch(request):
            EmbeddedEngine().prefetch(request)
    elif name in ENGINES:
        ENGINES[name]().prefetch(request)


def pick_engine(name: str = "auto") -> Engine:
    """The engine called `name`; "auto" is the system `dot` if it works, else the embedded one."""
    if name == "auto":
        for engine_class in ENGINES.values():
            engine = engine_class()
            if engine.available():
                return engine
        raise RenderError(f"no Graphviz engine is available: {INSTALL_GRAPHVIZ}, "
                          f"or {INSTALL_EMBEDDED}")
    named_class = ENGINES.get(name)
    if named_class is None:
        from orgviz.render.pipeline import unknown_choice

        raise RenderError(unknown_choice("engine", name, ("auto", *ENGINES)))
    engine = named_class()
    if not engine.available():
        executable = engine.find()
        if executable is None:
            raise RenderError(engine.missing)
        raise RenderError(f"{engine.program} at {executable} does not work: {engine.broken}")
    return engine
