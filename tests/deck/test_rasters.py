"""The PowerPoint deck's PNG fallbacks drawn on worker processes while the slides are built:
the same bytes as drawn in one process, a worker's error reported, the workers stopped."""

from __future__ import annotations

import multiprocessing
import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from orgviz.deck import powerpoint
from orgviz.deck.frame import default_frame
from orgviz.deck.slides import Deck, Picture, Slide
from orgviz.errors import RenderError
from orgviz.render.themes import THEMES

ROOT = Path(__file__).resolve().parents[2]

needs_fork = pytest.mark.skipif("fork" not in multiprocessing.get_all_start_methods(),
                                reason="the workers see this test's patches when forked")


def _svg(name: str) -> bytes:
    """A small chart naming `name`."""
    return (f'<svg xmlns="http://www.w3.org/2000/svg" width="200" height="100" '
            f'viewBox="0 0 200 100"><rect width="200" height="100" fill="#FFFFFF"/>'
            f'<text x="10" y="50" font-size="9.5">{name}</text></svg>').encode()


def _deck(charts: int) -> Deck:
    """A title slide and `charts` chart slides, every third chart a repeat of one before."""
    slides = [Slide("chart", f"Slide {i}",
                    picture=Picture(_svg(f"Team {i - i % 3 if i % 3 == 2 else i}"), 200, 100,
                                    9.5, "chart"))
              for i in range(charts)]
    return Deck("Rasters", (Slide("title", "Rasters"), *slides), default_frame(),
                THEMES["light"], 9.0)


def _cores(monkeypatch: pytest.MonkeyPatch, count: int) -> None:
    monkeypatch.setattr(os, "cpu_count", lambda: count)  # (the module powerpoint reads)


@needs_fork

@contextmanager
def _reaped(proc: subprocess.Popen[str]) -> Iterator[None]:
    """The block, then `proc`'s process group killed if it is still running (a hung test
    leaves no orgviz behind)."""
    try:
        yield
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()

def test_drawn_by_workers_as_the_slides_are_built_the_same_bytes(
        monkeypatch: pytest.MonkeyPatch) -> None:
    deck = _deck(16)
    _cores(monkeypatch, 1)
    alone = powerpoint.deck_pptx(deck)
    _cores(monkeypatch, 2)
    drawers: list[int] = []
    real = powerpoint.raster

    def noted(svg: bytes, width: float) -> bytes:
        drawers.append(os.getpid())
        return real(svg, width)

    monkeypatch.setattr(powerpoint, "raster", noted)
    assert powerpoint.deck_pptx(deck) == alone
    assert drawers == []  # (every chart drawn by a worker, none here)


@needs_fork
def test_a_chart_that_fails_in_a_worker_is_the_deck_s_error(
        monkeypatch: pytest.MonkeyPatch) -> None:
    _cores(monkeypatch, 2)
    real = powerpoint.raster

    def failing(svg: bytes, width: float) -> bytes:
        if b"Team 9" in svg:
            raise RenderError("resvg cannot draw the chart of Team 9")
        return real(svg, width)

    monkeypatch.setattr(powerpoint, "raster", failing)
    with pytest.raises(RenderError) as caught:
        powerpoint.deck_pptx(_deck(16))
    assert str(caught.value) == "resvg cannot draw the chart of Team 9"
    assert multiprocessing.active_children() == []


@needs_fork
def test_a_worker_s_os_error_draws_the_rest_here(monkeypatch: pytest.MonkeyPatch) -> None:
    # (as a pool that cannot start or breaks: the charts not yet taken are drawn here)
    deck = _deck(16)
    _cores(monkeypatch, 1)
    alone = powerpoint.deck_pptx(deck)
    _cores(monkeypatch, 2)
    here = os.getpid()
    drawn_here: list[bytes] = []
    real = powerpoint.raster

    def worker_fails(svg: bytes, width: float) -> bytes:
        if os.getpid() != here and b"Team 7" in svg:
            raise OSError(24, "Too many open files")
        if os.getpid() == here:
            drawn_here.append(svg)
        return real(svg, width)

    monkeypatch.setattr(powerpoint, "raster", worker_fails)
    assert powerpoint.deck_pptx(deck) == alone
    assert drawn_here[0] == _svg("Team 7")
    assert multiprocessing.active_children() == []


@needs_fork
def test_leaving_early_cancels_the_charts_not_started(monkeypatch: pytest.MonkeyPatch,
                                                      tmp_path: Path) -> None:
    _cores(monkeypatch, 2)
    log = tmp_path / "drawn"
    real = powerpoint.raster

    def logged(svg: bytes, width: float) -> bytes:
        with log.open("a", encoding="utf-8") as out:
            out.write(f"{os.getpid()}\n")
        return real(svg, width)

    monkeypatch.setattr(powerpoint, "raster", logged)
    jobs = [(_svg(f"Team {i}"), 100.0 + i) for i in range(200)]
    with pytest.raises(KeyError), powerpoint.Rasters(jobs) as rasters:
        rasters.png(jobs[0])
        raise KeyError("a slide failed")
    assert multiprocessing.active_children() == []
    drawn = log.read_text(encoding="utf-8").split()
    assert 1 <= len(drawn) < len(jobs)
    assert str(os.getpid()) not in drawn


def test_without_cores_to_spare_all_is_drawn_here(monkeypatch: pytest.MonkeyPatch) -> None:
    _cores(monkeypatch, 1)
    jobs = [(_svg(f"Team {i}"), 100.0) for i in range(8)]
    with powerpoint.Rasters(jobs) as rasters:
        assert rasters.pool is None
        pngs = [rasters.png(job) for job in jobs]
    assert pngs == [powerpoint.raster(*job) for job in jobs]


#: `orgviz deck ARGS` whose charts take long to draw: each worker says "drawing PID" on
#: stderr as it starts one.
_DRAWING_SLOWLY = """\
import os, sys, time
from orgviz.deck import powerpoint
def slow(svg, width):
    sys.stderr.write(f"drawing {os.getpid()}\\n"); sys.stderr.flush()
    time.sleep(60)
powerpoint.raster = slow
sys.argv = ["orgviz", *sys.argv[1:]]
from orgviz.cli import run
run()
"""


@pytest.mark.skipif(os.name != "posix" or (os.cpu_count() or 1) < 2,
                    reason="POSIX signals; a pool of workers")
def test_ctrl_c_while_the_workers_draw_stops_them(tmp_path: Path) -> None:
    # (a terminal's Ctrl-C goes to the whole process group: the workers too; they end at
    # once, without a traceback, and orgviz says it was interrupted)
    proc = subprocess.Popen(
        [sys.executable, "-c", _DRAWING_SLOWLY, "deck", str(ROOT / "orgs" / "mid-size.yaml"),
         "-o", "deck.pptx"], cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        text=True, start_new_session=True,
        preexec_fn=lambda: [signal.signal(s, signal.SIG_DFL)
                            for s in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)])
    with _reaped(proc):
        assert proc.stderr is not None
        first = proc.stderr.readline()
        assert first.startswith("drawing "), first + proc.stderr.read()
        os.killpg(proc.pid, signal.SIGINT)
        out, err = proc.communicate(timeout=60)
    lines = [line for line in err.splitlines() if not line.startswith("drawing ")]
    assert (proc.returncode, out, lines) == (130, "", ["orgviz: interrupted"])
    drawer = int(first.split()[1])
    assert drawer != proc.pid
    with pytest.raises(ProcessLookupError):
        os.kill(drawer, 0)
    assert list(tmp_path.iterdir()) == []


#: `orgviz deck ARGS` whose first chart takes long to draw and the others none: the worker
#: drawing it says "slow PID", the others "fast PID" for each chart.
_ONE_SLOW = """\
import os, sys, time
from orgviz.deck import powerpoint
def drawn(svg, width):
    try:
        os.close(os.open("slow", os.O_CREAT | os.O_EXCL))
    except FileExistsError:
        sys.stderr.write(f"fast {os.getpid()}\\n"); sys.stderr.flush()
        return b"png"
    sys.stderr.write(f"slow {os.getpid()}\\n"); sys.stderr.flush()
    time.sleep(60)
powerpoint.raster = drawn
sys.argv = ["orgviz", *sys.argv[1:]]
from orgviz.cli import run
run()
"""


def _charts(path: Path) -> int:
    """How many distinct charts the deck of the org file at `path` draws."""
    from orgviz.deck.build import DeckOptions, build_deck
    from orgviz.loader import load

    deck = build_deck([(load(path), ())], DeckOptions())
    frame = deck.frame
    return len({(p.svg, frame.placed(p.width, p.height, deck.min_font, p.min_text).w)
                for p in (slide.picture for slide in deck.slides) if p is not None})


def _waiting(pid: int) -> bool:
    """Whether process `pid` sleeps (a worker waiting for its next chart)."""
    stat = Path(f"/proc/{pid}/stat").read_text(encoding="ascii")
    return stat.rsplit(")", 1)[1].split()[0] == "S"


@pytest.mark.skipif(not Path("/proc/self/stat").exists() or (os.cpu_count() or 1) < 2,
                    reason="Linux's /proc; a pool of workers")
def test_ctrl_c_while_a_worker_waits_for_a_chart_says_only_interrupted(tmp_path: Path) -> None:
    # (a worker waiting for its next chart printed a traceback: orgviz's own handler,
    # inherited, raised where the worker waits)
    org = ROOT / "orgs" / "mid-size.yaml"
    fast = _charts(org) - 1
    proc = subprocess.Popen(
        [sys.executable, "-c", _ONE_SLOW, "deck", str(org), "-o", "deck.pptx"], cwd=tmp_path,
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True,
        preexec_fn=lambda: [signal.signal(s, signal.SIG_DFL)
                            for s in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)])
    with _reaped(proc):
        assert proc.stderr is not None
        said = [proc.stderr.readline() for _ in range(fast + 1)]
        assert sum(line.startswith("fast ") for line in said) == fast, "".join(said)
        idle = {int(line.split()[1]) for line in said if line.startswith("fast ")}
        idle -= {int(line.split()[1]) for line in said if line.startswith("slow ")}
        assert idle, "".join(said)  # (a worker drew every fast chart: it waits now)
        while not all(_waiting(pid) for pid in idle):
            pass
        os.killpg(proc.pid, signal.SIGINT)
        out, err = proc.communicate(timeout=60)
    assert (proc.returncode, out, err) == (130, "", "orgviz: interrupted\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["slow"]
