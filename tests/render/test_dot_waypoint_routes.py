"""`--layout dot`: a line to a report rows below its manager, through waypoints, is an elbow
(down to the manager's bus, across, straight down into the card), not a staircase through
wherever Graphviz put the waypoints."""

from __future__ import annotations

import re

import pytest
from renderkit import ENGINES, ORGS

from orgviz.loader import load
from orgviz.model import Org
from orgviz.problem import Problem
from orgviz.render import RenderOptions, render
from orgviz.render.chart import Chart
from orgviz.render.dot import DotPlan, write_dot
from orgviz.render.dotlayout import layout_dot
from orgviz.render.engines import pick_engine
from orgviz.render.pipeline import build


def card_entry(svg: str, name: str, direction: str) -> tuple[float, float]:
    """Where a line from the manager enters the card of the person called `name` in an SVG:
    the middle of its top edge (left to right: of its left edge)."""
    found = re.search(r'<g transform="translate\(([\d.]+) ([\d.]+)\)"><title>'
                      + re.escape(name) + r' —.*?<rect width="([\d.]+)" height="([\d.]+)"',
                      svg)
    assert found, name
    x, y, width, height = map(float, found.groups())
    return (x + width / 2, y) if direction == "TB" else (x, y + height / 2)


def line_into(svg: str, point: tuple[float, float]) -> str:
    """The `d` of the one solid connector path that ends at `point`."""
    ends = []
    for d in re.findall(r'<path fill="none" stroke="[^"]+" stroke-width="1.4" '
                        r'stroke-linejoin="round" d="([^"]+)"', svg):
        x, y = map(float, re.findall(r"[\d.]+", d)[-2:])
        if abs(x - point[0]) < 0.02 and abs(y - point[1]) < 0.02:
            ends.append(d)
    assert len(ends) == 1, (point, ends)
    return ends[0]


@pytest.mark.parametrize("direction", ["TB", "LR"])
@pytest.mark.parametrize("engine", ENGINES)
def test_the_line_to_a_report_three_rows_down_is_one_elbow(engine: str, direction: str) -> None:
    # (orgs/small.yaml: Marcus Bell, an IC reporting to the CEO, four rows below her; the
    # waypoints' edges all weighed the same, so any staircase between the CEO and his card
    # cost Graphviz as much as a straight run, and top-down his line turned at 777, 934 and
    # 988 px on its way across to 1,043: six bends, and left to right six too)
    svg = render(load(ORGS / "small.yaml"), "svg",
                 RenderOptions(layout="dot", engine=engine, direction=direction)).decode()
    d = line_into(svg, card_entry(svg, "Marcus Bell", direction))
    assert d.count("Q") == 2, d  # rounded corners: into the bus and out of it, on


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("org", ["small.yaml", "mid-size.yaml"])
def test_lines_through_waypoints_turn_only_at_the_managers_bus(org: str, engine: str) -> None:
    # (before: 3 of small.yaml's 5 such lines and 13 of mid-size.yaml's 18 turned again
    # on the way down, up to 8 bends)
    options = RenderOptions(layout="dot", engine=engine)
    chart, theme, _, box = build(load(ORGS / org), options)
    geometry, plan = layout_dot(chart, box, theme, pick_engine(engine), 120.0)
    solid = [line.points for line in geometry.lines if line.kind == "solid"]
    routed = [route for route in plan.routes if route.via]
    assert routed
    for route in routed:
        card = geometry.boxes[route.report]
        into = [points for points in solid if abs(points[-1][0] - card.x) < 0.01
                and abs(points[-1][1] - card.top) < 0.01]
        assert len(into) == 1, (route.report, into)
        points = into[0]
        assert len(points) <= 4, (route.report, points)  # down, across, down: 2 bends


@pytest.mark.parametrize("engine", ENGINES)
def test_a_line_between_crowded_stacks_comes_straight_down_into_its_card(engine: str) -> None:
    # (orgs/enterprise.yaml laid out as a tree, without lists (as `orgviz render` lists it
    # now, and the deck's slides lay out): Soren Martin, three rows below Jia Petrov, whose
    # line runs between Rahul Mensah's stack and Wei Martin's; with the edges on from the
    # first waypoint weighing 8, Graphviz set Soren 124 px right of the waypoints rather
    # than move those stacks apart, and his line turned again just above his row, across
    # the corner of Tariq Eze's card: 4 bends)
    options = RenderOptions(layout="dot", engine=engine)
    chart, theme, _, box = build(load(ORGS / "enterprise.yaml"), options)
    geometry, _ = layout_dot(chart, box, theme, pick_engine(engine), 120.0)
    soren = next(card.id for card in chart.cards if card.name == "Soren Martin")
    card = geometry.boxes[soren]
    into = [line.points for line in geometry.lines if line.kind == "solid"
            and abs(line.points[-1][0] - card.x) < 0.01
            and abs(line.points[-1][1] - card.top) < 0.01]
    assert len(into) == 1, into
    assert len(into[0]) == 4, into  # down, across, down: 2 bends


def standalone_places(engine: str, org: Org, direction: str, problems: list[Problem]
                      ) -> tuple[DotPlan, Chart, dict[str, tuple[float, float]]]:
    """The stand-alone DOT of an org (Graphviz lays it out and draws it), its chart, and
    where Graphviz put each of its nodes (lines left unrouted: only the places matter)."""
    chart, theme, texts, box = build(org, RenderOptions(layout="dot", direction=direction),
                                     problems)
    plan = write_dot(chart, box, theme, texts)
    source = plan.source.replace("splines=ortho", "splines=false")
    plain = pick_engine(engine).render(source, "plain").decode()
    places = {name: (float(x), float(y)) for name, x, y
              in re.findall(r"^node (\S+) ([\d.]+) ([\d.]+)", plain, re.MULTILINE)}
    return plan, chart, places


@pytest.mark.parametrize("direction", ["TB", "LR"])
@pytest.mark.parametrize("engine", ENGINES)
def test_a_broken_line_through_waypoints_turns_only_at_the_managers_bus(
        engine: str, direction: str) -> None:
    # (the stand-alone DOT, which Graphviz draws, of orgs/small.yaml with each line through
    # waypoints failing validation (--force: drawn dashed): its edges weighed Graphviz's
    # default 1 throughout, not a solid line's 2 and then ONWARD, and the waypoints of
    # Marcus Bell's line stood at 924, 1,085 and 1,139 pt on its way across to 1,194: it
    # turned at each of them; Hana Kobayashi's Graphviz set 48 pt aside of her waypoint)
    org = load(ORGS / "small.yaml")
    plan, _, solid = standalone_places(engine, org, direction, [])
    routed = [route.report for route in plan.routes if route.via]
    wrong = [org.by_id[report].at("reports_to") for report in routed]
    problems = [Problem(at.file, at.line, at.col, "error", "test", "broken") for at in wrong]
    plan, chart, places = standalone_places(engine, org, direction, problems)
    across = 0 if direction == "TB" else 1
    for route in plan.routes:
        if not route.via:
            continue
        assert chart.by_id[route.report].broken_line, route.report
        on = [places[name][across] for name in (*route.via[1:], plan.node_of[route.report])]
        assert max(on) - min(on) < 0.01, (route.report, on)  # (inches)
    # and the cards stand where they stand when those lines are solid
    cards = set(plan.node_of.values())
    assert {name: places[name] for name in cards} == {name: solid[name] for name in cards}
