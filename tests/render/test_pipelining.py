"""`--layout dot` works beside Graphviz: validation and the cards' SVG run while `dot` lays out,
and whatever goes wrong, no `dot` process outlives the render."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from renderkit import SMALL, system_graphviz

from orgtexts import BROKEN
from orgviz.cli import main
from orgviz.errors import OrgLoadError, RenderError
from orgviz.loader import load
from orgviz.render import RenderOptions, engines, pipeline, render, svg

pytestmark = [*system_graphviz,
              pytest.mark.skipif(os.name != "posix", reason="fake `dot` is a shell script")]

DOT = RenderOptions(engine="system", layout="dot")


@pytest.fixture
def jobs(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[engines._SystemJob]]:
    """Every system Graphviz job started during the test."""
    started: list[engines._SystemJob] = []
    original = engines._SystemJob.__init__

    def record(self: engines._SystemJob, *args: object, **kwargs: object) -> None:
        original(self, *args, **kwargs)  # type: ignore[arg-type]
        started.append(self)

    monkeypatch.setattr(engines._SystemJob, "__init__", record)
    yield started
    assert not engines._RUNNING, "a dot process was left running"


@pytest.fixture
def slow_dot(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A `dot` first on PATH whose layouts never finish (probes get the real one)."""
    real = shutil.which("dot")
    program = tmp_path / "bin" / "dot"
    program.parent.mkdir()
    program.write_text(f'#!/bin/sh\ncase "$*" in *-Kdot*) exec sleep 60;; esac\n'
                       f'exec "{real}" "$@"\n')
    program.chmod(0o755)
    monkeypatch.setenv("PATH", f"{program.parent}{os.pathsep}{os.environ['PATH']}")


def ended(job: engines._SystemJob) -> bool:
    """Whether the job's process has exited and been reaped."""
    return job.process.returncode is not None


def test_validation_runs_while_dot_lays_out(org_file: Callable[..., Path], jobs,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    org = load(org_file(SMALL))
    events: list[str] = []
    original = engines._SystemJob.result

    def result(self: engines._SystemJob) -> bytes:
        events.append("wait for dot")
        return original(self)

    monkeypatch.setattr(engines._SystemJob, "result", result)

    def check() -> list:
        events.append(f"validate ({len(jobs)} dot running)")
        return []

    data = render(org, "svg", DOT, check=check)
    assert data.startswith(b"<?xml") and b"dot layout" not in data
    assert events == ["validate (1 dot running)", "wait for dot"]
    assert len(jobs) == 1 and ended(jobs[0]) and jobs[0].process.returncode == 0


def test_same_bytes_as_validating_first(org_file: Callable[..., Path]) -> None:
    org = load(org_file(SMALL))
    from orgviz.validate import validate

    beside = render(org, "svg", DOT)
    assert render(org, "svg", DOT, problems=validate(org)) == beside
    assert render(org, "svg", DOT, check=lambda: validate(org)) == beside


def test_validation_errors_stop_dot_and_are_reported(org_file: Callable[..., Path], jobs,
                                                     slow_dot: None) -> None:
    org = load(org_file(BROKEN))
    with pytest.raises(OrgLoadError) as caught:
        render(org, "svg", DOT)
    assert [p.rule for p in caught.value.problems if p.level == "error"] == ["unknown-manager"]
    assert len(jobs) == 1 and ended(jobs[0]) and jobs[0].process.returncode < 0  # killed


def test_cli_validation_errors_while_dot_runs(org_file: Callable[..., Path], jobs,
                                              slow_dot: None, tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    bad = org_file(BROKEN, name="bad.yaml")
    result = CliRunner().invoke(main, ["render", str(bad), "--layout", "dot", "--engine",
                                       "system", "-o", "bad.svg"], catch_exceptions=False)
    assert result.exit_code == 1
    assert "error [unknown-manager]" in result.output and "1 file checked" in result.output
    assert not Path("bad.svg").exists()
    assert len(jobs) == 1 and ended(jobs[0])


def test_an_exception_midway_leaves_no_dot(org_file: Callable[..., Path], jobs,
                                           slow_dot: None,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    org = load(org_file(SMALL))

    def boom(*args: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(svg, "prepare_cards", boom)
    with pytest.raises(RuntimeError, match="boom"):
        render(org, "svg", DOT)
    assert len(jobs) == 1 and ended(jobs[0]) and jobs[0].process.returncode < 0


def test_an_interrupt_while_waiting_leaves_no_dot(org_file: Callable[..., Path], jobs,
                                                  slow_dot: None,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    org = load(org_file(SMALL))
    original = engines.subprocess.Popen.communicate
    calls = []

    def interrupted(self: engines.subprocess.Popen, *args: object, **kwargs: object) -> object:
        if "-Kdot" in self.args and not calls:  # Ctrl-C while waiting for the layout
            calls.append(kwargs)
            raise KeyboardInterrupt
        return original(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(engines.subprocess.Popen, "communicate", interrupted)
    with pytest.raises(KeyboardInterrupt):
        render(org, "svg", DOT)
    assert len(jobs) == 1 and ended(jobs[0])


def test_timeout_is_one_line_exit_2(org_file: Callable[..., Path], jobs, slow_dot: None,
                                    tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    start = engines.SystemEngine.start
    monkeypatch.setattr(engines.SystemEngine, "start",
                        lambda self, source, fmt, layout="dot", timeout=120.0:
                        start(self, source, fmt, layout, 0.3))
    result = CliRunner().invoke(main, ["render", str(org_file(SMALL)), "--layout", "dot",
                                       "--engine", "system", "-o", "t.svg"],
                                catch_exceptions=False)
    assert result.exit_code == 2
    assert result.output.count("\n") == 1
    assert result.output.startswith("orgviz: Graphviz (system engine, dot layout) did not "
                                    "finish within 0.3 s")
    assert len(jobs) == 1 and ended(jobs[0]) and jobs[0].process.returncode < 0


def test_a_broken_org_is_reported_before_other_failures(org_file: Callable[..., Path],
                                                        jobs) -> None:
    org = load(org_file(BROKEN))
    with pytest.raises(OrgLoadError):  # not the RenderError of --root nobody
        render(org, "svg", RenderOptions(engine="system", layout="dot", root="nobody"))
    with pytest.raises(RenderError, match="no person with id 'nobody'"):
        render(org, "svg", RenderOptions(engine="system", layout="dot", root="nobody"),
               force=True)
    assert not jobs


def test_force_validates_first_and_marks_broken_cards(org_file: Callable[..., Path],
                                                      jobs) -> None:
    org = load(org_file(BROKEN))
    calls: list[int] = []

    def check() -> list:
        from orgviz.validate import validate

        calls.append(len(jobs))
        return validate(org)

    data = render(org, "svg", DOT, force=True, check=check)
    # (the person reporting to an unknown id: a card drawn with the broken border)
    assert calls == [0] and b'stroke-width="2.5"' in data and b">fails validation<" in data


def test_other_engines_run_at_start(org_file: Callable[..., Path]) -> None:
    class Canned(engines.Engine):
        """An engine that only knows `render`: `start` runs it at once."""

        name, formats, missing = "canned", frozenset({"plain"}), "never"

        def available(self) -> bool:
            return True

        def version(self) -> str:
            return "0"

        def render(self, dot_source: str, fmt: str, layout: str = "dot",
                   timeout: float = 120.0) -> bytes:
            raise RenderError("canned failure")

    job = Canned().start("digraph { a }", "plain")
    with pytest.raises(RenderError, match="canned failure"):
        job.result()
    job.cancel()


def test_leftover_jobs_are_stopped_at_exit(jobs, slow_dot: None) -> None:
    job = engines.SystemEngine().start("digraph { a }", "plain")
    assert {job} == engines._RUNNING
    engines._stop_running()
    assert ended(job) and not engines._RUNNING
    with pytest.raises(RenderError, match="stopped"):
        job.result()


def test_pipeline_lays_out_beside_graphviz_only_for_dot() -> None:
    assert pipeline._beside_graphviz("svg", DOT, force=False)
    assert not pipeline._beside_graphviz("svg", DOT, force=True)
    assert not pipeline._beside_graphviz("dot", DOT, force=False)
    assert not pipeline._beside_graphviz("svg", RenderOptions(layout="tidy"), force=False)


@pytest.mark.parametrize("layout", ["dot", "tidy"])
def test_bad_configuration_is_one_line_exit_2(org_file: Callable[..., Path], jobs,
                                              tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                              layout: str) -> None:
    monkeypatch.chdir(tmp_path)
    Path(".orgviz.yaml").write_text("rules:\n  no-such-rule: error\n")
    result = CliRunner().invoke(main, ["render", str(org_file(SMALL)), "--layout", layout,
                                       "--engine", "system", "-o", "c.svg"],
                                catch_exceptions=False)
    assert result.exit_code == 2 and result.output.count("\n") == 1
    assert result.output.startswith("orgviz: ") and "no-such-rule" in result.output
    assert not Path("c.svg").exists()
    assert all(ended(job) for job in jobs)
