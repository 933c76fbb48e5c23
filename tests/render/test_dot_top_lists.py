"""`--layout dot` top-down lists people below the tidy layout's list row under their
managers (see orgviz.render.dotlists): the enterprise example was a strip 30,266 px wide
and 1,860 tall (127 cards side by side in its last row), unreadable on any page."""

from __future__ import annotations

import re
from itertools import combinations

import pytest
from renderkit import ENGINES, ORGS, chart_of

from orgviz.loader import load
from orgviz.render import RenderOptions, dotlists, render
from orgviz.render import dot as dot_writer
from orgviz.render.chart import Chart
from orgviz.render.dot import DotPlan
from orgviz.render.dotlayout import layout_dot
from orgviz.render.engines import pick_engine
from orgviz.render.geometry import Box, Geometry
from orgviz.render.pipeline import build
from orgviz.render.tidylayout import ASSISTANT_LINE_GAP


def laid_out(org: str, engine: str, lists: bool = True) -> tuple[Chart, Geometry, DotPlan]:
    """An example org's chart, laid out by `dot` (with or without lists), and its plan."""
    options = RenderOptions(layout="dot", engine=engine)
    chart, theme, _, box = build(load(ORGS / org), options)
    geometry, plan = layout_dot(chart, box, theme, pick_engine(engine), 120.0, lists)
    return chart, geometry, plan


def overlapping(boxes: dict[str, Box]) -> list[tuple[str, str]]:
    """The pairs of cards whose boxes overlap."""
    return [(a, b) for (a, p), (b, q) in combinations(sorted(boxes.items()), 2)
            if p.left < q.right - 0.5 and q.left < p.right - 0.5
            and p.top < q.bottom - 0.5 and q.top < p.bottom - 0.5]


def unreached(chart: Chart, geometry: Geometry) -> list[str]:
    """The cards with a manager that no solid (or broken) line comes into: top-down, into
    the middle of its top, or of a side (listed: its left)."""
    ends = [line.points[-1] for line in geometry.lines if line.kind in ("solid", "broken")]
    missing = []
    for card in chart.cards:
        if card.manager is None or card.assistant:
            continue
        box = geometry.boxes[card.id]
        entries = ((box.x, box.top), (box.left, box.y), (box.right, box.y))
        if not any(abs(x - ex) < 0.01 and abs(y - ey) < 0.01
                   for x, y in ends for ex, ey in entries):
            missing.append(card.id)
    return missing


@pytest.mark.parametrize("engine", ENGINES)
def test_the_enterprise_chart_lists_people_and_fits_a_page(engine: str) -> None:
    chart, geometry, plan = laid_out("enterprise.yaml", engine)
    assert plan.top_from == 1  # the tidy layout's list row
    assert geometry.width < 10_000 and geometry.height < 5_000, (geometry.width,
                                                                geometry.height)
    assert geometry.width / geometry.height < 2.2
    assert not overlapping(geometry.boxes)
    assert not unreached(chart, geometry)
    assert set(geometry.rows) == {0}  # listed rows have no level band


@pytest.mark.parametrize("engine", ENGINES)
def test_without_lists_the_enterprise_chart_is_a_strip(engine: str) -> None:
    # (the deck's slides lay out so: `layout_dot` lists nobody unless asked)
    _, geometry, plan = laid_out("enterprise.yaml", engine, lists=False)
    assert plan.top_blocks == () and plan.top_from is None
    assert geometry.width > 25_000


@pytest.mark.parametrize("engine", ENGINES)
def test_a_chart_the_tidy_layout_does_not_list_is_unchanged(engine: str) -> None:
    _, listed, plan = laid_out("small.yaml", engine)
    _, plain, _ = laid_out("small.yaml", engine, lists=False)
    assert plan.top_blocks == ()
    assert listed == plain


@pytest.mark.parametrize("engine", ENGINES)
def test_lists_from_a_deeper_row_hang_under_roots_rows_above_them(
        engine: str, monkeypatch: pytest.MonkeyPatch) -> None:
    # Lists from row 3 (directors): the VPs' lists hang right below them, and the lines of
    # roots higher up (the CFO's, whose directors report straight to him) come down
    # through waypoints to the gap above their lists.
    planned = dotlists.plan_top_down_lists
    monkeypatch.setattr(dot_writer, "plan_top_down_lists",
                        lambda chart, box, tree=None: planned(chart, box, 3, tree))
    chart, geometry, plan = laid_out("enterprise.yaml", engine)
    assert plan.top_from == 3
    assert any(top.via for top in plan.top_blocks)
    assert not overlapping(geometry.boxes)
    assert not unreached(chart, geometry)
    for top in plan.top_blocks:  # each root's lines leave the bottom of its card
        root = geometry.boxes[top.block.root]
        firsts = {card for card in top.block.boxes
                  if chart.by_id[card].manager == top.block.root}
        for card in firsts:
            box = geometry.boxes[card]
            into = [line.points for line in geometry.lines
                    if abs(line.points[-1][0] - box.left) < 0.01
                    and abs(line.points[-1][1] - box.y) < 0.01]
            assert len(into) == 1, (card, into)
            start = into[0][0]
            assert abs(start[1] - root.bottom) < 0.01, (card, into[0])
            assert root.left < start[0] < root.right, (card, into[0])


@pytest.mark.parametrize("engine", ENGINES)
def test_orgviz_render_lists_and_is_the_same_every_time(engine: str) -> None:
    org = load(ORGS / "enterprise.yaml")
    options = RenderOptions(layout="dot", engine=engine)
    first = render(org, "svg", options)
    assert first == render(org, "svg", options)
    width = float(re.search(rb'<svg[^>]* width="([\d.]+)"', first).group(1))  # type: ignore[union-attr]
    assert width < 10_000  # (30,266 before)


@pytest.mark.parametrize("engine", ENGINES)
def test_a_list_roots_further_line_of_assistants_stands_close(
        engine: str, monkeypatch: pytest.MonkeyPatch) -> None:
    # (orgs/small.yaml with five assistants to the CEO, two lines, listed from row 1: the
    # CEO's line down to its list passes the second line's rank through a waypoint, which
    # kept that rank a whole gap (36 px) below the first line, not ASSISTANT_LINE_GAP)
    text = (ORGS / "small.yaml").read_text(encoding="utf-8")
    helpers = "".join(f"  - {{id: helper-{i}, name: Helper {i}, title: Assistant, role: ic, "
                      f"reports_to: amara-okafor, team: leadership, assistant: true}}\n"
                      for i in range(5))
    planned = dotlists.plan_top_down_lists
    monkeypatch.setattr(dot_writer, "plan_top_down_lists",
                        lambda chart, box, tree=None: planned(chart, box, 1, tree))
    chart, theme, _, box = chart_of(text.replace("people:\n", "people:\n" + helpers, 1),
                                    layout="dot", engine=engine)
    geometry, plan = layout_dot(chart, box, theme, pick_engine(engine), 120.0, True)
    assert [top.via for top in plan.top_blocks if top.via]
    first, second = geometry.boxes["helper-0"], geometry.boxes["helper-3"]
    assert second.top - first.bottom == pytest.approx(ASSISTANT_LINE_GAP, abs=0.5)
