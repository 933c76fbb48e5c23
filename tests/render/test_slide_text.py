"""A PNG for a slide or page (--fit) whose card text is too small to read says so."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from renderkit import SMALL

from orgviz.loader import load
from orgviz.model import Org
from orgviz.render import RenderOptions, render
from orgviz.render.pipeline import READABLE_PX


def wide_org(org_file: Callable[..., Path], vps: int = 12, reports: int = 9) -> Org:
    """A CEO, `vps` VPs and `reports` directors under each VP, each with two engineers:
    too wide for its titles to be read on a 1920 px slide."""
    lines = ["orgviz: 1", "org: {name: Wide}", "people:",
             "  - {id: ceo, name: Ceo, title: CEO}"]
    for v in range(vps):
        lines.append(f"  - {{id: v{v}, name: V {v}, title: VP, reports_to: ceo}}")
        for d in range(reports):
            lines.append(f"  - {{id: d{v}_{d}, name: D {v} {d}, title: Director, "
                         f"reports_to: v{v}}}")
            lines.extend(f"  - {{id: e{v}_{d}_{e}, name: E {v} {d} {e}, title: Engineer, "
                         f"role: ic, reports_to: d{v}_{d}}}" for e in range(2))
    return load(org_file("\n".join(lines) + "\n"))


def notes_of(org: Org, **options: object) -> list[str]:
    notes: list[str] = []
    render(org, "png", RenderOptions(**options), notes=notes)  # type: ignore[arg-type]
    return notes


def test_a_slide_too_small_to_read_says_so_and_names_a_depth_that_is_readable(
        org_file: Callable[..., Path]) -> None:
    """The imported AdventureWorks (290 people) on a 16:9 slide had titles 2 px high,
    with nothing said."""
    org = wide_org(org_file)
    [note] = notes_of(org, fit="16:9")
    found = re.fullmatch(r"at 1,920 px wide the cards' titles are (\d+\.\d) px high, too "
                         r"small to read: --depth (\d) draws the top \d levels? large enough, "
                         r"`orgviz deck` makes one readable slide per part, and SVG and PDF "
                         r"stay sharp at any zoom", note)
    assert found is not None, note
    assert float(found[1]) < READABLE_PX
    depth = int(found[2])
    assert notes_of(org, fit="16:9", depth=depth) == []  # readable, as said
    [deeper] = notes_of(org, fit="16:9", depth=depth + 1)  # the most levels that are
    assert f"--depth {depth} draws" in deeper


def test_a_chart_that_fits_a_slide_and_a_png_of_a_width_alone_say_nothing(
        org_file: Callable[..., Path]) -> None:
    assert notes_of(load(org_file(SMALL)), fit="16:9") == []
    # --width alone asks for a picture of that size (a thumbnail): no slide to read it on
    assert notes_of(wide_org(org_file), width=1920) == []


@pytest.mark.parametrize("options", [{"layout": "dot", "engine": "system"}, {"depth": 1}])
def test_without_a_readable_depth_the_note_names_none(org_file: Callable[..., Path],
                                                      options: dict) -> None:
    """The search for a depth lays out with tidy (not for --layout dot); a chart of one
    level that cannot be read has no fewer levels to draw."""
    import shutil

    if options.get("layout") == "dot" and shutil.which("dot") is None:
        pytest.skip("needs Graphviz `dot` on PATH")
    org = wide_org(org_file, vps=1, reports=0) if "depth" in options else wide_org(org_file)
    [note] = notes_of(org, fit="16:9", width=64, **options)
    assert "--depth" not in note and note.startswith("at 64 px wide the cards' titles are ")
