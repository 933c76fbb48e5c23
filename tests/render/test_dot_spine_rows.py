"""The dot layout's spines: every stacked card stays beside its spine, whatever Graphviz does.

Graphviz threw one card of a two-sided row (or the spine itself) to the far end of its
rank, and the short line between them crossed the chart (621 cards crossed on the UK Home
Office organogram with its junior posts, 3,003 on the generated 5,000 positions); a row is
now one node of the layout graph, its cards placed beside the spine by orgviz.
"""

from __future__ import annotations

import math
import re
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from renderkit import ENGINES, HAS_DOT, assert_solid_lines_pass_no_card, chart_of

from orgviz.errors import RenderError
from orgviz.loader import load
from orgviz.render.cards import CardBox, card_box, chart_texts
from orgviz.render.chart import Chart, View, build_chart
from orgviz.render.dot import NODESEP, POINT, SPINE_GAP, DotPlan, Spine, write_dot
from orgviz.render.dotlayout import finish_dot, layout_dot, place_spines, stagger
from orgviz.render.engines import pick_engine
from orgviz.render.geometry import Box, Geometry
from orgviz.render.themes import THEMES, Theme


def org_text(leaves: list[int], nested: int = 0) -> str:
    """A CEO with a director per entry of `leaves`, each with that many leaf reports; the
    first report of every director but the first has `nested` reports of its own."""
    lines = ["orgviz: 1", "org: {name: Stacks}", "people:",
             "  - {id: ceo, name: Cleo Hart, title: CEO}"]
    for m, count in enumerate(leaves):
        lines.append(f"  - {{id: d{m}, name: Director {m}, title: Director, reports_to: ceo}}")
        for k in range(count):
            lines.append(f"  - {{id: d{m}r{k}, name: Report {m}-{k}, title: Engineer, "
                         f"reports_to: d{m}}}")
            if m and not k:
                lines += [f"  - {{id: d{m}r0n{j}, name: Nested {m}-{j}, title: Engineer, "
                          f"reports_to: d{m}r0}}" for j in range(nested)]
    return "\n".join(lines) + "\n"


def chart_with(text: str, stack_rows: int | None = None) -> tuple[Chart, Theme, CardBox]:
    """The chart of an org file's text with `stack_rows` rows a spine, its theme and card size."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "org.yaml"
        path.write_text(text, encoding="utf-8")
        chart = build_chart(load(path), View(stack_rows=stack_rows))
    theme = THEMES["light"]
    return chart, theme, card_box(chart_texts(chart))


def assert_beside_spines(geometry: Geometry, plan: DotPlan) -> None:
    """Each stacked card's line starts on its spine SPINE_GAP from the card's near side, on
    its side of the spine, straight across into the card: at its middle, or in a row of
    two cards `stagger` above it (the left card) or below it (the right); a spine is
    straight; no solid line runs through a card."""
    ends = {line.points[-1]: line.points for line in geometry.lines if len(line.points) == 2}
    for spine in plan.spines:
        xs = []
        for left, right in spine.rows:
            for card_id, sign in ((left, -1), (right, 1)):
                if card_id is None:
                    continue
                card = geometry.boxes[card_id]
                near = card.right if sign < 0 else card.left
                at = card.y + (sign * stagger(card, True) if left and right else 0.0)
                line = ends.get((near, at))
                assert line, f"{card_id}: no line from its spine into its near side"
                (spine_x, spine_y), _ = line
                assert near - spine_x == pytest.approx(sign * SPINE_GAP, abs=0.5), (
                    spine.manager, card_id, near, spine_x)
                assert spine_y == at
                xs.append(spine_x)
        assert max(xs) - min(xs) < 0.5, (spine.manager, xs)
    assert_solid_lines_pass_no_card(geometry, elbows_only=True)


def assert_cards_beside_their_spines(text: str, engine: str,
                                     stack_rows: int | None = None) -> Geometry:
    """Lay an org out with `dot`: its stacked cards are beside their spines
    (`assert_beside_spines`)."""
    chart, theme, box = chart_with(text, stack_rows)
    geometry, plan = layout_dot(chart, box, theme, pick_engine(engine), 120.0)
    assert plan.spines
    assert_beside_spines(geometry, plan)
    return geometry


@pytest.mark.parametrize("inches, jog", [(50.0, 0.9), (1234.5, 5.2), (12345.0, 70.0)])
def test_a_spine_read_from_rounded_coordinates_is_straight(inches: float, jog: float) -> None:
    """Graphviz's `plain` gives 5 significant digits: 0.72 px at 100 inches, 7.2 px at
    1,000 (a 5,000-position chart, 204,134 px wide: 26 of its 686 spines jogged by up to
    5.2 px where a one-card row's x was read beside two-card rows')."""
    x = inches * 72
    nodes = {"m": Box(x, 0.0, 200.0, 80.0), "s0": Box(x, 100.0, 470.0, 80.0),
             "s1": Box(x, 200.0, 470.0, 80.0),
             "s2": Box(x + jog + 235.0, 300.0, 470.0, 80.0)}  # (one card: x at its left)
    plan = DotPlan("", {"m": "m", "a": "a", "b": "b", "c": "c", "d": "d", "e": "e"},
                   spines=(Spine("m", ("s0", "s1", "s2"),
                                 (("a", "b"), ("c", "d"), (None, "e"))),))
    place_spines(plan, nodes)
    assert {nodes[name].x for name in ("s0", "s1", "s2")} == {x}
    assert nodes["e"].x - nodes["b"].x == 0


@pytest.mark.parametrize("engine", ENGINES)
def test_a_layout_that_lacks_the_manager_of_a_spine_is_a_render_error(engine: str) -> None:
    """(a KeyError came out of placing the spine's cards: only the spine rows were looked
    for in Graphviz's answer before)"""
    chart, theme, box = chart_with(org_text([4]))
    plan = write_dot(chart, box, theme)
    job = pick_engine(engine).start(plan.source, "plain", "dot", 60.0)
    with job:
        plain = job.result().decode()
    manager = plan.node_of["d0"]
    assert any(spine.manager == "d0" for spine in plan.spines)
    cut = "".join(line for line in plain.splitlines(keepends=True)
                  if not line.startswith(f"node {manager} "))

    class Answer:
        """A finished job whose answer lacks the manager's node."""

        def result(self) -> bytes:
            return cut.encode()

    with pytest.raises(RenderError) as caught:
        finish_dot(chart, plan, Answer())  # type: ignore[arg-type]  # (a job's result)
    assert str(caught.value) == f"Graphviz's layout lacks node {manager}: try --engine system"


def test_a_real_bend_of_a_spine_is_kept() -> None:
    """More than the rounding apart, rows are where Graphviz put them."""
    nodes = {"m": Box(720.0, 0.0, 200.0, 80.0), "s0": Box(720.0, 100.0, 470.0, 80.0),
             "s1": Box(730.0, 200.0, 470.0, 80.0)}
    plan = DotPlan("", {"m": "m", "a": "a", "b": "b", "c": "c", "d": "d"},
                   spines=(Spine("m", ("s0", "s1"), (("a", "b"), ("c", "d"))),))
    place_spines(plan, nodes)
    assert (nodes["s0"].x, nodes["s1"].x) == (720.0, 730.0)


def test_spine_gap_is_the_room_graphviz_kept_between_a_card_and_its_point() -> None:
    assert pytest.approx((POINT / 2 + NODESEP) * 72) == SPINE_GAP


@pytest.mark.parametrize("engine", ENGINES)
def test_a_two_sided_stack_keeps_its_cards(engine: str) -> None:
    """A director's 9 reports on a spine with a card each side, then a director with 3 on
    a spine to their right: Graphviz put the first spine at the chart's left edge and its
    left cards to the right of the other director's stack (3 cards crossed)."""
    assert_cards_beside_their_spines(org_text([9, 3]), engine)


@pytest.mark.parametrize("engine", ENGINES)
def test_stacks_beside_a_deeper_team_keep_their_cards(engine: str) -> None:
    assert_cards_beside_their_spines(org_text([10, 3, 3], nested=2), engine)


def test_the_layout_graph_has_a_node_a_spine_row_and_none_for_its_cards() -> None:
    chart, theme, _, box = chart_of(org_text([9, 3]))
    plan = write_dot(chart, box, theme)
    two, one = plan.spines
    assert [len(s.points) for s in (two, one)] == [5, 3]
    source = plan.source
    for card_id in ("d0r0", "d0r8", "d1r2"):  # stacked: placed by their rows
        assert f"  {plan.node_of[card_id]};" not in source
    assert f"  {plan.node_of['d0']};" in source
    wide = (2 * (box.width + SPINE_GAP)) / 72
    narrow = 2 * math.ceil((box.width + SPINE_GAP) / 2) / 72
    # Two cards a row (the spine in the middle); the last row has one card, on the left, so
    # the spine meets its east side; the one-sided stack's spine meets its rows' west side.
    assert f"{two.points[0]} [width={wide:.4f}".rstrip("0") in source
    assert f"{two.points[-1]} [width={narrow:.4f}".rstrip("0") in source
    assert f"{' -> '.join(two.points[:-1])} -> {two.points[-1]}:e [weight=8];" in source
    assert f"{plan.node_of['d1']} -> {one.points[0]}:w;" in source
    # The stand-alone DOT keeps a node per card, beside a point.
    texts_chart, _, texts, _ = chart_of(org_text([9, 3]))
    standalone = write_dot(texts_chart, box, theme, texts).source
    assert re.search(r"\{rank=same; c\d+; s\d+; c\d+\}", standalone) and ":w" not in standalone


def test_the_layout_is_deterministic() -> None:
    chart, theme, _, box = chart_of(org_text([9, 3, 12], nested=1))
    assert write_dot(chart, box, theme).source == write_dot(chart, box, theme).source


@pytest.mark.parametrize("engine", ENGINES[:1])
@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow],
          derandomize=True)
@given(leaves=st.lists(st.integers(2, 20), min_size=1, max_size=4),
       nested=st.integers(0, 3), stack_rows=st.integers(1, 8))
def test_any_stacks_keep_their_cards(engine: str, leaves: list[int], nested: int,
                                     stack_rows: int) -> None:
    assert_cards_beside_their_spines(org_text(leaves, nested), engine, stack_rows)


def test_two_spines_of_a_manager_keep_their_first_rows_in_order() -> None:
    """The stand-alone DOT keeps the first rows of a manager's spines apart by an invisible
    edge; in the layout graph a row is one node, nothing to interleave."""
    chart, theme, box = chart_with(org_text([20]))
    layout = write_dot(chart, box, theme)
    assert len(layout.spines) == 2 and "minlen=0" not in layout.source
    texts = chart_texts(chart)
    standalone = write_dot(chart, box, theme, texts)
    first, second = standalone.spines
    edge = re.search(r"  (\w+) -> (\w+) \[style=invis, minlen=0\];", standalone.source)
    assert edge, standalone.source
    # from the first spine's right card to the second spine's left card
    assert edge.groups() == (standalone.node_of[first.rows[0][1]],  # type: ignore[index]
                             standalone.node_of[second.rows[0][0]])  # type: ignore[index]


SHARED_DATA = Path(__file__).resolve().parents[3] / "shared" / "data"


@pytest.mark.shared_data
@pytest.mark.system_graphviz
@pytest.mark.slow
@pytest.mark.skipif(not (SHARED_DATA.is_dir() and HAS_DOT),
                    reason="needs ../shared/data and Graphviz `dot` on PATH")
def test_the_uk_home_office_with_its_junior_posts_keeps_every_stack_together(
        home_office_dot: tuple[Chart, Geometry, Any]) -> None:
    """The organogram with its junior posts merged (1,030 positions): one spine's left
    cards stood at the far end of the chart, and their lines crossed 621 cards."""
    chart, geometry, plan = home_office_dot
    assert len(chart.cards) > 1000 and len(plan.spines) > 50
    assert_beside_spines(geometry, plan)
