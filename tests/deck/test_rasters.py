"""The PowerPoint deck's PNG fallbacks drawn on worker processes while the slides are built:
the same bytes as drawn in one process, a worker's error reported, the pool stopped."""

from __future__ import annotations

import multiprocessing
import os
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
    monkeypatch.setattr(powerpoint.os, "cpu_count", lambda: count)


@needs_fork
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
