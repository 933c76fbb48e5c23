"""Graphviz engines: system `dot`, embedded graphviz-pure, and picking one."""

from __future__ import annotations

import contextlib
import importlib.metadata
import os
import re
import shutil
import signal
import subprocess
import sys
import threading
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
HAS_EMBEDDED = engines._find_pure() is not None

system_graphviz = [pytest.mark.system_graphviz,
                   pytest.mark.skipif(not HAS_DOT, reason="needs Graphviz `dot` on PATH")]
embedded_graphviz = [pytest.mark.embedded_graphviz,
                     pytest.mark.skipif(not HAS_EMBEDDED, reason="needs graphviz-pure")]
BOTH = [pytest.param("system", marks=system_graphviz, id="system"),
        pytest.param("embedded", marks=embedded_graphviz, id="embedded")]
posix_only = pytest.mark.skipif(os.name != "posix", reason="fake programs are shell scripts")
#: Both engines, run with fake programs (no Graphviz needed).
FAKES = ["system", "embedded"]
#: The package version the fake graphviz-pure is said to come from.
FAKE_PACKAGE = "0.0.1"

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


@pytest.fixture(autouse=True)
def _fresh_engine_state(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each test finds the programs again (fake ones may be put in place)."""
    monkeypatch.setattr(engines, "_PURE", [])


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
    assert engine.render(source, "plain") == engine.render(source, "plain")


@pytest.mark.parametrize("name", BOTH)
def test_syntax_error_is_a_one_line_render_error(name: str) -> None:
    with pytest.raises(RenderError) as caught:
        ENGINES[name]().render("digraph { a -> ", "svg")
    message = str(caught.value)
    assert "\n" not in message
    assert re.search(r"syntax error|parse", message, re.I)
    assert message.startswith(ENGINES[name].program + " failed (exit status 1): ")


@pytest.mark.parametrize("name", BOTH)
def test_works_after_a_failed_render(name: str) -> None:
    engine = ENGINES[name]()
    with pytest.raises(RenderError):
        engine.render("digraph { a -> ", "svg")
    assert "Grace Hopper" in texts(engine.render(SMALL, "svg"))


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


@pytest.mark.parametrize("name", BOTH)
def test_png_is_drawn_natively(name: str) -> None:
    assert ENGINES[name]().render(SMALL, "png").startswith(b"\x89PNG\r\n\x1a\n")


@pytest.mark.parametrize("name", BOTH)
def test_timeout_stops_the_program(name: str) -> None:
    job = ENGINES[name]().start(org_tree(3000), "svg", timeout=0.001)
    with pytest.raises(RenderError, match=r"did not finish within 0\.001 s") as caught:
        job.result()
    message = str(caught.value)
    assert "--layout tidy" in message and f"({name} engine, dot layout)" in message
    assert job.process.returncode is not None  # type: ignore[attr-defined]
    assert job not in engines._RUNNING


# --- system engine ----------------------------------------------------------------------------

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


def fake_program(name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                 script: str) -> Path:
    """A shell script as the program of engine `name`: `dot` first on PATH, or the
    graphviz-pure of a (pretend) installed distribution of version FAKE_PACKAGE."""
    program = tmp_path / ("dot" if name == "system" else "graphviz-pure")
    program.write_text("#!/bin/sh\n" + script + "\n")
    program.chmod(0o755)
    if name == "system":
        monkeypatch.setenv("PATH", f"{tmp_path}{os.pathsep}{os.environ.get('PATH', '')}")
    else:
        monkeypatch.setattr(engines, "_PURE", [(str(program), FAKE_PACKAGE)])
    return program


def fake_dot(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, script: str) -> None:
    """Put a shell script called `dot` first on PATH."""
    fake_program("system", tmp_path, monkeypatch, script)


@posix_only
@pytest.mark.parametrize("name", FAKES)
def test_crash_names_the_signal(monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
                                name: str) -> None:
    fake_program(name, tmp_path, monkeypatch, "cat >/dev/null\nkill -SEGV $$")
    with pytest.raises(RenderError, match=rf"^{ENGINES[name].program} crashed \(SIGSEGV\): "):
        ENGINES[name]().start(SMALL, "svg").result()


@posix_only
@pytest.mark.parametrize("name", FAKES)
def test_failure_reports_the_error_line_not_a_warning(monkeypatch: pytest.MonkeyPatch,
                                                      tmp_path: Path, name: str) -> None:
    fake_program(name, tmp_path, monkeypatch, "cat >/dev/null\n"
                 "echo 'Warning: something odd' >&2\n"
                 "echo 'Error: <stdin>: syntax error in line 3 near x' >&2\n"
                 "echo 'more detail' >&2\nexit 1")
    with pytest.raises(RenderError) as caught:
        ENGINES[name]().start(SMALL, "svg").result()
    assert str(caught.value) == (f"{ENGINES[name].program} failed (exit status 1): "
                                 f"Error: <stdin>: syntax error in line 3 near x")


@posix_only
@pytest.mark.parametrize("name", FAKES)
def test_timeout_kills_a_hanging_program(monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
                                         name: str) -> None:
    fake_program(name, tmp_path, monkeypatch, "exec sleep 30")
    job = ENGINES[name]().start(SMALL, "svg", timeout=0.5)
    with pytest.raises(RenderError, match=rf"^Graphviz \({name} engine, dot layout\) did not "
                                          r"finish within 0\.5 s and was stopped"):
        job.result()
    assert job.process.returncode == -signal.SIGKILL  # type: ignore[attr-defined]


def test_formats_and_layouts_are_checked() -> None:
    with pytest.raises(RenderError, match=r"cannot write 'pdf' \(render svg, then convert"):
        EmbeddedEngine().render(SMALL, "pdf")
    with pytest.raises(RenderError, match="unknown Graphviz layout 'tidy'"):
        SystemEngine().render(SMALL, "svg", layout="tidy")
    assert {"svg", "png", "pdf", "dot", "json", "plain"} <= SystemEngine.formats
    assert {"svg", "png", "dot", "json", "json0", "plain"} <= EmbeddedEngine.formats
    assert not {"pdf", "ps", "eps"} & EmbeddedEngine.formats


# --- embedded engine: finding graphviz-pure ---------------------------------------------------

@pytest.mark.embedded_graphviz
@pytest.mark.skipif(not HAS_EMBEDDED, reason="needs graphviz-pure")
def test_program_is_located_from_the_distribution(monkeypatch: pytest.MonkeyPatch,
                                                  tmp_path: Path) -> None:
    dist = importlib.metadata.distribution("graphviz-pure")
    (entry,) = [f for f in dist.files or () if f.name in engines._PURE_NAMES]
    path, package = engines._find_pure() or ("", "")
    assert os.path.samefile(path, dist.locate_file(entry)) and package == dist.version
    monkeypatch.setenv("PATH", str(tmp_path))  # not found on PATH, but installed
    assert EmbeddedEngine().find() == path
    assert EmbeddedEngine().version().endswith(f" (graphviz-pure {dist.version})")


def _not_installed(name: str) -> object:
    """importlib.metadata.distribution() when the distribution is not installed."""
    raise importlib.metadata.PackageNotFoundError(name)


class _FakeDistribution:
    """What importlib.metadata.distribution() returns, for a distribution in `root`."""

    def __init__(self, root: Path, files: list[str]) -> None:
        self.root, self.version = root, FAKE_PACKAGE
        self.files = [importlib.metadata.PackagePath(name) for name in files]

    def locate_file(self, path: object) -> Path:
        return self.root / str(path)


@posix_only
def test_program_is_the_script_the_record_lists(monkeypatch: pytest.MonkeyPatch,
                                               tmp_path: Path) -> None:
    bin_dir, site = tmp_path / "bin", tmp_path / "lib" / "site-packages"
    bin_dir.mkdir()
    site.mkdir(parents=True)
    program = bin_dir / "graphviz-pure"
    program.write_text("#!/bin/sh\n")
    program.chmod(0o755)
    (site / "graphviz_pure-0.0.1.dist-info").mkdir()
    record = ["graphviz_pure-0.0.1.dist-info/METADATA", "../../bin/graphviz-pure"]
    lookups: list[str] = []

    def distribution(name: str) -> _FakeDistribution:
        lookups.append(name)
        return _FakeDistribution(site, record)

    monkeypatch.setattr(importlib.metadata, "distribution", distribution)
    monkeypatch.setenv("PATH", "")
    monkeypatch.setenv("ORGVIZ_CACHE_DIR", str(tmp_path / "cache"))
    assert engines._locate_pure() == (str(program), FAKE_PACKAGE)
    assert lookups == ["graphviz-pure"]
    monkeypatch.setattr(engines, "_PURE", [])  # as in a new process: known from the cache
    assert engines._locate_pure() == (str(program), FAKE_PACKAGE)
    assert lookups == ["graphviz-pure"]
    program.write_text("#!/bin/sh\n# upgraded\n")  # another program: looked up again
    monkeypatch.setattr(engines, "_PURE", [])
    assert engines._locate_pure() == (str(program), FAKE_PACKAGE)
    assert len(lookups) == 2
    (site / "graphviz_pure-0.0.1.dist-info").rmdir()  # uninstalled: not believed
    monkeypatch.setattr(importlib.metadata, "distribution", _not_installed)
    monkeypatch.setattr(engines, "_PURE", [])
    assert engines._locate_pure() is None


@posix_only
def test_program_on_path_when_no_distribution(monkeypatch: pytest.MonkeyPatch,
                                              tmp_path: Path) -> None:
    monkeypatch.setattr(importlib.metadata, "distribution", _not_installed)
    program = tmp_path / "graphviz-pure"
    program.write_text("#!/bin/sh\nif [ \"$1\" = -V ]; then echo 'graphviz-pure - graphviz-pure "
                       "version 7.7.7 (Rust port of Graphviz 16.1.0)' >&2; exit 0; fi\n"
                       "cat >/dev/null\necho '<!-- Generated by graphviz version 16.1.0 "
                       "(graphviz-pure) -->'\necho '<svg></svg>'\n")
    program.chmod(0o755)
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.setenv("ORGVIZ_NO_CACHE", "1")
    assert engines._find_pure() == (str(program), None)
    assert EmbeddedEngine().version() == "16.1.0 (graphviz-pure 7.7.7)"


def test_missing_program_says_pip_install(monkeypatch: pytest.MonkeyPatch,
                                          tmp_path: Path) -> None:
    monkeypatch.setattr(importlib.metadata, "distribution", _not_installed)
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.setenv("ORGVIZ_NO_CACHE", "1")  # what an earlier test found is not asked
    engine = EmbeddedEngine()
    assert engine.find() is None and not engine.available()
    for attempt in (lambda: engine.render(SMALL, "svg"), lambda: pick_engine("embedded")):
        with pytest.raises(RenderError) as caught:
            attempt()
        message = str(caught.value)
        assert "\n" not in message
        assert "pip install graphviz-pure (or reinstall orgviz)" in message
        assert "--engine system" in message


def test_missing_program_is_one_line_exit_2(monkeypatch: pytest.MonkeyPatch,
                                            tmp_path: Path) -> None:
    from click.testing import CliRunner

    from orgtexts import SMALL as SMALL_ORG
    from orgviz.cli import main

    monkeypatch.setattr(engines, "_PURE", [None])
    org = tmp_path / "org.yaml"
    org.write_text(SMALL_ORG, encoding="utf-8")
    result = CliRunner().invoke(main, ["render", str(org), "--layout", "dot", "--engine",
                                       "embedded", "-o", str(tmp_path / "chart.svg")])
    assert result.exit_code == 2, result.output
    assert result.output.count("\n") == 1 and result.output.startswith("orgviz: ")
    assert "pip install graphviz-pure" in result.output
    assert not (tmp_path / "chart.svg").exists()


@posix_only
def test_broken_program_says_reinstall(monkeypatch: pytest.MonkeyPatch,
                                       tmp_path: Path) -> None:
    program = fake_program("embedded", tmp_path, monkeypatch, "exit 3")
    assert not EmbeddedEngine().available()
    with pytest.raises(RenderError, match=rf"^graphviz-pure at {re.escape(str(program))} does "
                                          r"not work: reinstall it \(pip install "
                                          r"--force-reinstall graphviz-pure\)"):
        pick_engine("embedded")


@pytest.mark.embedded_graphviz
@pytest.mark.skipif(not HAS_EMBEDDED, reason="needs graphviz-pure")
def test_embedded_lays_out_a_20000_box_tree() -> None:
    plain = EmbeddedEngine().render(org_tree(20_000), "plain", timeout=600)
    lines = plain.decode().splitlines()
    assert sum(line.startswith("node ") for line in lines) == 20_000
    assert sum(line.startswith("edge ") for line in lines) == 19_999


@pytest.mark.embedded_graphviz
@pytest.mark.skipif(not HAS_EMBEDDED, reason="needs graphviz-pure")
def test_embedded_writes_nothing_to_our_stdout(capfd: pytest.CaptureFixture[str]) -> None:
    engine = EmbeddedEngine()
    with pytest.raises(RenderError):
        engine.render("digraph { a -> ", "svg")
    engine.render(SMALL, "svg")
    out, err = capfd.readouterr()
    assert (out, err) == ("", "")


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
    assert "pip install graphviz-pure" in str(caught.value)


@posix_only
def test_auto_skips_a_broken_dot(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    fake_dot(tmp_path, monkeypatch, "exit 3")
    monkeypatch.setattr(EmbeddedEngine, "available", lambda self: True)
    assert not SystemEngine().available()
    assert pick_engine("auto").name == "embedded"


COUNTING_DOT = (
    'echo run >> "$(dirname "$0")/runs"\n'
    "cat >/dev/null\n"
    "echo '<!-- Generated by graphviz version 9.9.9 (fake) -->'\n"
    "echo '<svg></svg>'")
#: The version each engine reports for a program that draws COUNTING_DOT's SVG.
COUNTED_VERSION = {"system": "9.9.9", "embedded": f"9.9.9 (graphviz-pure {FAKE_PACKAGE})"}


def _runs(tmp_path: Path) -> int:
    runs = tmp_path / "runs"
    return len(runs.read_text().splitlines()) if runs.exists() else 0


@posix_only
@pytest.mark.parametrize("name", FAKES)
def test_a_working_program_is_probed_once_across_processes(monkeypatch: pytest.MonkeyPatch,
                                                           tmp_path: Path, name: str) -> None:
    program = fake_program(name, tmp_path, monkeypatch, COUNTING_DOT)
    version, engine = COUNTED_VERSION[name], ENGINES[name]()
    monkeypatch.setenv("ORGVIZ_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(engines, "_PROBES", {})
    assert engine.version() == version
    assert _runs(tmp_path) == 1
    monkeypatch.setattr(engines, "_PROBES", {})  # as in a new process
    assert engine.available() and engine.version() == version
    assert _runs(tmp_path) == 1  # known from the cache: not run again
    # an upgrade (another program at that path) is probed again
    program.write_text(program.read_text() + "\n# upgraded\n")
    monkeypatch.setattr(engines, "_PROBES", {})
    assert engine.version() == version
    assert _runs(tmp_path) == 2


@posix_only
def test_probe_cache_off_or_foreign(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
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


@posix_only
def test_probe_cache_unwritable_is_not_fatal(monkeypatch: pytest.MonkeyPatch,
                                             tmp_path: Path) -> None:
    fake_dot(tmp_path, monkeypatch, COUNTING_DOT)
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("ORGVIZ_CACHE_DIR", str(blocker / "cache"))
    monkeypatch.setattr(engines, "_PROBES", {})
    assert SystemEngine().version() == "9.9.9"


def test_cache_dir_follows_xdg(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from orgviz.cachedir import cache_dir

    monkeypatch.delenv("ORGVIZ_NO_CACHE", raising=False)
    monkeypatch.delenv("ORGVIZ_CACHE_DIR", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert cache_dir() == tmp_path / "orgviz"
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/path")  # ignored, as the spec says
    assert cache_dir() != Path("relative/path") / "orgviz"
    monkeypatch.setenv("ORGVIZ_NO_CACHE", "1")
    assert cache_dir() is None


@posix_only
@pytest.mark.parametrize("name", FAKES)
def test_a_broken_program_is_never_remembered(monkeypatch: pytest.MonkeyPatch,
                                              tmp_path: Path, name: str) -> None:
    fake_program(name, tmp_path, monkeypatch, "exit 3")
    monkeypatch.setenv("ORGVIZ_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(engines, "_PROBES", {})
    assert not ENGINES[name]().available()
    assert not (tmp_path / "cache" / "dot-probes.txt").exists()


def test_named_engine_must_exist_and_be_installed(monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(RenderError) as unknown:
        pick_engine("gpu")
    assert str(unknown.value) == ("unknown engine (--engine) 'gpu': use one of auto, system, "
                                  "embedded")
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


# --- spare processes started before their input exists ----------------------------------------

@pytest.mark.parametrize("name", BOTH)
def test_spare_started_early_is_taken_and_draws_the_same(name: str) -> None:
    engine = ENGINES[name]()
    cold = engine.render(org_tree(200), "plain")
    engines.prefetch(name, ("dot", "plain"))
    [(argv, spare)] = engines._SPARES.items()
    assert argv == (engine.find(), "-Kdot", "-Tplain") and spare.poll() is None  # waits
    job = engine.start(org_tree(200), "plain")
    assert job.process is spare and not engines._SPARES  # type: ignore[attr-defined]
    assert job.result() == cold  # a graph bigger than a pipe's buffer is fed whole


@pytest.mark.parametrize("name", BOTH)
@pytest.mark.parametrize("whole", [True, False], ids=["grown-pipe", "writer-thread"])
def test_spare_is_fed_in_one_write_or_by_a_thread(monkeypatch: pytest.MonkeyPatch, name: str,
                                                 whole: bool) -> None:
    engine = ENGINES[name]()
    source = org_tree(2000)
    assert len(source) > 65536  # more than a pipe holds unless grown
    cold = engine.render(source, "plain")
    threads: list[str] = []
    real_thread = engines.threading.Thread

    def thread(*args: object, **kwargs: object) -> object:
        threads.append(str(kwargs.get("name")))
        return real_thread(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(engines.threading, "Thread", thread)
    if not whole:
        monkeypatch.setattr(engines, "_PIPE_LIMIT", len(source) - 1)  # too big to grow for
    engines.prefetch(name, ("dot", "plain"))
    job = engine.start(source, "plain")
    assert job.result() == cold
    grows = sys.platform.startswith("linux")
    assert threads == ([] if whole and grows else ["orgviz-dot-input"])


@pytest.mark.embedded_graphviz
@pytest.mark.skipif(not HAS_EMBEDDED, reason="needs graphviz-pure")
def test_auto_without_a_system_dot_prefetches_graphviz_pure(monkeypatch: pytest.MonkeyPatch,
                                                            tmp_path: Path) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    engines.prefetch("auto", ("dot", "plain"))
    [argv] = engines._SPARES
    assert argv == (EmbeddedEngine().find(), "-Kdot", "-Tplain")
    assert engines._PROBES.get(argv[0]) is not None  # probed (or known from the cache)
    engines._stop_spares()


@pytest.mark.parametrize("name", BOTH)
def test_spare_for_another_request_is_left_and_stopped_at_exit(name: str) -> None:
    engines.prefetch(name, ("dot", "plain"))
    spare = next(iter(engines._SPARES.values()))
    assert ENGINES[name]().render(SMALL, "svg").startswith(b"<?xml")  # -Tsvg: its own process
    assert engines._SPARES  # still waiting
    engines._stop_spares()
    assert spare.poll() is not None and not engines._SPARES


@pytest.mark.parametrize("name", BOTH)
def test_spare_that_died_is_not_used(name: str) -> None:
    engines.prefetch(name, ("dot", "svg"))
    spare = next(iter(engines._SPARES.values()))
    spare.kill()
    spare.wait()
    assert b"Grace Hopper" in ENGINES[name]().render(SMALL, "svg")
    assert not engines._SPARES


@posix_only
@pytest.mark.parametrize("name", FAKES)
def test_spare_that_fails_reports_its_error(monkeypatch: pytest.MonkeyPatch,
                                            tmp_path: Path, name: str) -> None:
    program = fake_program(name, tmp_path, monkeypatch,
                           "echo 'Error: <stdin>: syntax error in line 1' >&2\nexit 1")
    engine = ENGINES[name]()
    engines.prefetch(name, ("dot", "plain"))
    assert engines._SPARES
    with pytest.raises(RenderError, match=rf"^{engine.program} failed \(exit status 1\): "
                                          r"Error: <stdin>: syntax error in line 1$"):
        engines._SystemJob(engine, str(program), org_tree(3000).encode(), "plain", "dot",
                           30.0).result()
    assert not engines._SPARES


# --- `orgviz render --engine embedded`, end to end ---------------------------------------------

def _render(tmp_path: Path, out: str, *options: str) -> subprocess.CompletedProcess[str]:
    """Run `orgviz render` on the small example org as a process of its own."""
    from orgtexts import SMALL as SMALL_ORG

    org = tmp_path / "org.yaml"
    org.write_text(SMALL_ORG, encoding="utf-8")
    return subprocess.run([sys.executable, "-m", "orgviz", "render", str(org), "-o",
                           str(tmp_path / out), *options], capture_output=True, text=True,
                          check=False, timeout=600)


@pytest.mark.embedded_graphviz
@pytest.mark.skipif(not HAS_EMBEDDED, reason="needs graphviz-pure")
@pytest.mark.parametrize("out", ["chart.svg", "chart.png"])
def test_render_command_with_the_embedded_engine(tmp_path: Path, out: str) -> None:
    drawn = []
    for _ in range(2):
        done = _render(tmp_path, out, "--layout", "dot", "--engine", "embedded")
        assert done.returncode == 0, done.stderr
        drawn.append((tmp_path / out).read_bytes())
    assert drawn[0] == drawn[1]  # deterministic
    if out.endswith(".png"):
        assert drawn[0].startswith(b"\x89PNG\r\n\x1a\n")
        return
    package = importlib.metadata.version("graphviz-pure")
    assert f"(graphviz-pure {package}), embedded engine)".encode() in drawn[0]
    root = ET.fromstring(drawn[0])
    assert "Ada Lovelace" in ["".join(t.itertext()) for t in root.iter(SVG + "text")]


@posix_only
@pytest.mark.parametrize("name", FAKES)
@pytest.mark.parametrize("script", ["sleep 30", "sleep 30 &\ncat >/dev/null"])
def test_timeout_stops_what_a_wrapper_script_started(monkeypatch: pytest.MonkeyPatch,
                                                     tmp_path: Path, name: str,
                                                     script: str) -> None:
    # A `dot` that is a shell script running the real program without `exec` (or leaving
    # it in the background): killing the shell alone left the pipe open and orgviz waiting.
    fake_program(name, tmp_path, monkeypatch, script)
    start = time.monotonic()
    job = ENGINES[name]().start(SMALL, "svg", timeout=0.5)
    with pytest.raises(RenderError, match=r"did not finish within 0\.5 s|failed|crashed"):
        job.result()
    assert time.monotonic() - start < 20  # not the 30 s of the sleep it started


def test_cache_store_leaves_no_temporary_file_when_interrupted(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Ctrl-C while a cache file is written: the interrupt goes on, the temporary is gone."""
    import os

    from orgviz import cachedir

    def interrupted(*_args: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        cachedir.store(tmp_path / "c" / "probe.json", b"{}")
    assert list((tmp_path / "c").iterdir()) == []


@posix_only
@pytest.mark.parametrize("kind", ["pipe", "folder"])
def test_a_cache_file_that_is_a_pipe_or_a_folder_is_no_cache(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path, kind: str) -> None:
    # (a named pipe there made `orgviz roles` and `render --layout dot` hang; a folder made
    # them fail with "cannot write the output: Is a directory")
    fake_dot(tmp_path, monkeypatch, COUNTING_DOT)
    cache = tmp_path / "cache"
    cache.mkdir(mode=0o700)
    for name in ("dot-probes.txt", "graphviz-pure.txt"):
        if kind == "pipe":
            os.mkfifo(cache / name, 0o600)
        else:
            (cache / name).mkdir()
    monkeypatch.setenv("ORGVIZ_CACHE_DIR", str(cache))
    monkeypatch.setattr(engines, "_PROBES", {})
    monkeypatch.setattr(engines, "_PURE", [])
    monkeypatch.setattr(importlib.metadata, "distribution", _not_installed)
    found: list[object] = []
    drawing = threading.Thread(daemon=True, target=lambda: found.extend(
        (SystemEngine().version(), engines._cached_pure())))
    drawing.start()
    drawing.join(timeout=20)
    if drawing.is_alive():  # (waiting on a pipe: give it a writer, which ends the wait)
        for name in ("dot-probes.txt", "graphviz-pure.txt"):
            with contextlib.suppress(OSError):
                os.close(os.open(cache / name, os.O_WRONLY | os.O_NONBLOCK))
        drawing.join(timeout=20)
        pytest.fail("the engine waited on a cache file")
    assert found == ["9.9.9", None]
    if kind == "pipe":  # (replaced by the cache file written)
        assert (cache / "dot-probes.txt").read_text().split("\t")[2] == "9.9.9\n"
    else:
        assert (cache / "dot-probes.txt").is_dir()
