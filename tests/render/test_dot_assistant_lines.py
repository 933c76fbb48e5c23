"""`--layout dot`'s assistants in lines of at most three (as the tidy layout stands them), and
no assistant connector under a card. Geometry only."""

from __future__ import annotations

import subprocess
from itertools import pairwise
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from renderkit import (
    ENGINES,
    HAS_DOT,
    assert_solid_lines_pass_no_card,
    chart_of,
    system_graphviz,
)
from test_dotted_routes import random_org
from test_tidy_assistants import COUNTS, on_border, org_text, overlap, through

from orgviz.render.dot import NODESEP, RANKSEP, _Writer, write_dot
from orgviz.render.dotlayout import _parse_plain, layout_dot
from orgviz.render.engines import pick_engine
from orgviz.render.geometry import Axes, Geometry
from orgviz.render.tidylayout import ASSISTANT_LINE_GAP, assistant_lines, line_cards

TOL = 0.02
GAP = NODESEP * 72  # between neighbours of a rank
GAP_BETWEEN_RANKS = RANKSEP * 72


def laid_out(text: str, direction: str = "TB", engine: str = "system"):
    chart, theme, _texts, box = chart_of(text, layout="dot", direction=direction)
    geometry, plan = layout_dot(chart, box, theme, pick_engine(engine), 120.0)
    return chart, geometry, plan


def joins(geometry: Geometry, manager: str, helpers: list[str]) -> dict[str, str]:
    """Each assistant -> the card its assistant line comes from, found by the lines' ends on
    card borders among the manager and its assistants."""
    cards = [manager, *helpers]
    into: dict[str, str] = {}
    for line in geometry.lines:
        if line.kind != "assistant":
            continue
        ends = [[c for c in cards if on_border(point, geometry.boxes[c])]
                for point in (line.points[0], line.points[-1])]
        if ends[0] and ends[1] and ends[1][0] in helpers:
            into.setdefault(ends[1][0], ends[0][0])
    return into


def plan_listed(plan, chart) -> set[str]:
    """The cards a left-to-right chart lists (from the plan's list row on, and below)."""
    if plan.list_from is None:
        return set()
    listed: set[str] = set()
    for card in chart.cards:
        if card.manager is not None and (card.manager in listed or (
                not card.assistant and card.row >= plan.list_from)):
            listed.add(card.id)
    return listed


def check_no_assistant_line_under_a_card(geometry: Geometry) -> None:
    """Every assistant line is axis-parallel, starts and ends on card borders and runs
    through no card (1 unit in from its edges)."""
    boxes = geometry.boxes
    for line in geometry.lines:
        if line.kind != "assistant":
            continue
        assert any(on_border(line.points[0], b) for b in boxes.values()), line.points
        assert any(on_border(line.points[-1], b) for b in boxes.values()), line.points
        for segment in pairwise(line.points):
            (x0, y0), (x1, y1) = segment
            assert (abs(x0 - x1) < TOL) != (abs(y0 - y1) < TOL), line.points
            for card_id, box in boxes.items():
                assert not through(segment, box), (card_id, line.points)


def check_lines(chart, geometry: Geometry, plan) -> None:
    """No card overlaps another; each manager's assistants stand in lines of
    `assistant_lines`, beside it (top-down: to its right, further lines below; left to
    right: below it, further lines to its right; a listed manager's up to three in one
    line below it), each reached from the manager along assistant lines; no assistant
    line runs under a card."""
    boxes = geometry.boxes
    cards = list(boxes.items())
    for i, (a, box_a) in enumerate(cards):
        for b, box_b in cards[i + 1:]:
            assert not overlap(box_a, box_b), (a, b)
    check_no_assistant_line_under_a_card(geometry)
    tb = geometry.direction == "TB"
    for manager, helpers in chart.assistants.items():
        if not helpers:
            continue
        boss = boxes[manager]
        in_lines = any(group.manager == manager for group in plan.assistants)
        across = (assistant_lines(len(helpers), chart.assistants_across)[1] if in_lines
                  else len(helpers))
        assert in_lines or manager in plan_listed(plan, chart), manager
        for index, helper in enumerate(helpers):
            line, place = divmod(index, across)
            me = boxes[helper]
            main, cross = (me.y - boss.y, me.x - boss.x) if tb else (me.x - boss.x, me.y - boss.y)
            size_main, size_cross = (boss.h, boss.w) if tb else (boss.w, boss.h)
            if line == 0:
                assert abs(main) < 1.5, (helper, main)
            else:
                assert main >= line * size_main, (helper, main)
            # the first line's first stands a gap past the manager, each next a card and
            # a gap further (straight under the first line's; a listed manager's assistants
            # are nodes of their own, each placed at whole points)
            slack = 1.5 if in_lines else 1.5 * (place + 1)
            assert cross == pytest.approx((place + 1) * (size_cross + GAP), abs=slack), (
                helper, cross)
        into = joins(geometry, manager, helpers)
        for helper in helpers:
            seen, node = set(), helper
            while node != manager:
                assert node not in seen and node in into, (manager, helper, node)
                seen.add(node)
                node = into[node]


@pytest.mark.parametrize("direction", ["TB", "LR"])
@pytest.mark.parametrize("count", COUNTS)
@pytest.mark.parametrize("boss", ["ceo", "cto", "cfo-1"])
@pytest.mark.parametrize("engine", ENGINES)
def test_assistants_stand_in_lines_clear_and_joined(engine: str, boss: str, count: int,
                                                    direction: str) -> None:
    chart, geometry, plan = laid_out(org_text(count, boss=boss), direction, engine)
    check_lines(chart, geometry, plan)
    assert laid_out(org_text(count, boss=boss), direction, engine)[1] == geometry


@pytest.mark.parametrize("direction", ["TB", "LR"])
@pytest.mark.parametrize("marks", [pytest.param(None, marks=system_graphviz)])
def test_eight_assistants_are_no_wider_than_three(direction: str, marks: None) -> None:
    """Top-down eight assistants of the CEO made a row eight cards long (4,740 px against
    2,560 with three): now as wide as three, the CEO's row taller; left to right, as tall."""
    sizes = {}
    for count in (3, 8):
        chart, geometry, _plan = laid_out(org_text(count), direction)
        sizes[count] = geometry.width if direction == "TB" else geometry.height
    assert sizes[8] <= sizes[3] + 2.0, sizes
    chart, geometry, plan = laid_out(org_text(8), direction)
    # the CEO's level row holds its three lines: its band reaches past the last one
    assert geometry.row_sizes is not None
    half = geometry.row_sizes[0] / 2
    center = geometry.rows[0]
    for helper in chart.assistants["ceo"]:
        box = geometry.boxes[helper]
        near, far = (box.top, box.bottom) if direction == "TB" else (box.left, box.right)
        assert center - half - TOL <= near and far <= center + half + TOL, helper
    assert len(plan.assistants[0].nodes) == 3


def assistants_only(count: int) -> str:
    """A manager with `count` assistants and nobody else."""
    lines = ["orgviz: 1", "org: {name: Aides}", "people:",
             "  - {id: boss, name: Bo Ss, title: Chief Executive Officer}"]
    lines += [f"  - {{id: a{i}, name: Aide {i}, title: Executive Assistant, "
              f"reports_to: boss, assistant: true}}" for i in range(count)]
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("direction", ["TB", "LR"])
@pytest.mark.parametrize("lines", [1, 2, 3, 4])
@pytest.mark.parametrize("engine", ENGINES)
def test_lines_of_assistants_stand_as_close_as_the_tidy_layouts(engine: str, lines: int,
                                                                direction: str) -> None:
    """Each further line of assistants stood a whole gap between ranks (36 units) below the
    line before, not the tidy layout's ASSISTANT_LINE_GAP (14): a block of 1 to 4 lines of
    56-unit cards was 56, 148, 240, 332 units deep against 56, 126, 196, 266, and a deck
    of a manager with 40 assistants at 16 pt took 41 slides against the tidy layout's 21.
    Now the block (the whole drawing) is as deep as the tidy layout's."""
    chart, geometry, plan = laid_out(assistants_only(3 * lines), direction, engine)
    check_lines(chart, geometry, plan)
    ax = Axes(direction)
    boss = geometry.boxes["boss"]
    card = 2 * ax.half_main(boss)
    depth = geometry.height if direction == "TB" else geometry.width
    assert depth == pytest.approx(lines * card + (lines - 1) * ASSISTANT_LINE_GAP, abs=0.5)
    firsts = [geometry.boxes[f"a{3 * line}"] for line in range(lines)]
    for above, below in pairwise(firsts):
        gap = ax.main(below) - ax.half_main(below) - ax.main(above) - ax.half_main(above)
        assert gap == pytest.approx(ASSISTANT_LINE_GAP, abs=0.5)
    assert geometry.row_sizes is None or geometry.row_sizes[0] == pytest.approx(depth,
                                                                                abs=0.5)


def gaps(geometry: Geometry, cards: list[str]) -> list[float]:
    """Top-down, the gaps between each of `cards` and the next, below it."""
    boxes = [geometry.boxes[card] for card in cards]
    return [below.top - above.bottom for above, below in pairwise(boxes)]


@pytest.mark.parametrize("stack", [2, 4])
@pytest.mark.parametrize("engine", ENGINES)
def test_a_stack_in_a_rank_of_lines_stays_evenly_spaced(engine: str, stack: int) -> None:
    """A director's five assistants stand in two lines, the second in a further rank of the
    directors' row, where the CTO's stack of directors has its second row: a stack of two
    ends there, and both stand ASSISTANT_LINE_GAP apart; a stack of four reaches on past
    it, and keeps its rows a whole gap apart (moving only its second up left its rows 14,
    36 and 36 apart), so the rank keeps its gap."""
    text = org_text(0, leaf_assistants=5) + "".join(
        f"  - {{id: cto-{j}, name: CTO D{j}, title: Director, reports_to: cto}}\n"
        for j in range(2, stack))
    chart, geometry, plan = laid_out(text, "TB", engine)
    check_lines(chart, geometry, plan)
    spine = gaps(geometry, [f"cto-{j}" for j in range(stack)])
    lines = gaps(geometry, ["da0", "da3"])
    gap = ASSISTANT_LINE_GAP if stack == 2 else GAP_BETWEEN_RANKS
    assert spine == pytest.approx([gap] * (stack - 1), abs=0.5)
    assert lines == pytest.approx([gap], abs=0.5)


@pytest.mark.parametrize("direction", ["TB", "LR"])
@pytest.mark.parametrize("marks", [pytest.param(None, marks=system_graphviz)])
def test_lines_from_a_taller_row_share_a_trunk(direction: str, marks: None) -> None:
    """The CEO's lines to its reports pass its assistants' further ranks down one trunk under
    the CEO (each line of its own had jogged across them)."""
    _chart, geometry, _plan = laid_out(org_text(8), direction)
    ceo = geometry.boxes["ceo"]
    at = ceo.x if direction == "TB" else ceo.y
    for line in geometry.lines:
        if line.kind == "solid" and line.points[0] == (
                (ceo.x, ceo.bottom) if direction == "TB" else (ceo.right, ceo.y)):
            (x0, y0), (x1, y1) = line.points[:2]
            along = (x0, x1) if direction == "TB" else (y0, y1)
            assert along == (at, at)  # straight on from the CEO
            reach = y1 - y0 if direction == "TB" else x1 - x0
            assert reach > 2 * (ceo.h if direction == "TB" else ceo.w), line.points


@pytest.mark.parametrize("direction", ["TB", "LR"])
@pytest.mark.parametrize("engine", ENGINES)
def test_an_assistant_stands_before_her_managers_colleagues(engine: str,
                                                            direction: str) -> None:
    """random_org(135, 30, 0.4): P15's assistant P28 stood past P17 and P20 (Graphviz
    stopped ordering P14's edges at the flat edge from P15 to P28), her line under both."""
    chart, geometry, plan = laid_out(random_org(135, 30, 0.4), direction, engine)
    boxes = geometry.boxes
    across = [boxes[c].x if direction == "TB" else boxes[c].y
              for c in ("p15", "p28", "p17", "p20")]
    assert across == sorted(across)  # in file order, the assistant next to her manager
    check_lines(chart, geometry, plan)


def test_the_standalone_dot_stands_further_lines_in_ranks_of_their_own() -> None:
    chart, theme, texts, box = chart_of(org_text(8), layout="dot")
    plan = write_dot(chart, box, theme, texts)
    node = plan.node_of
    ranks = [line for line in plan.source.splitlines() if "rank=same; r0x" in line]
    assert ranks == [f"  {{rank=same; r0x1; {node['ea3']}; {node['ea4']}; {node['ea5']}}}",
                     f"  {{rank=same; r0x2; {node['ea6']}; {node['ea7']}}}"]
    assert f"  {node['ea0']} -> {node['ea3']} [style=dashed];" in plan.source
    if HAS_DOT:  # Graphviz reads it
        subprocess.run(["dot", "-Tsvg"], input=plan.source.encode(), check=True,
                       capture_output=True)


def listed_org(helpers: dict[str, int]) -> str:
    """A CEO, two VPs, three heads each, three managers each with three engineers; `helpers`:
    that many assistants of each id. Left to right it is listed from the managers' row on
    (as orgs/mid-size.yaml from its heads' or directors' rows)."""
    lines = ["orgviz: 1", "org: {name: Lists}", "people:",
             "  - {id: ceo, name: Ada Obi, title: Chief Executive Officer}"]
    for v in range(2):
        lines.append(f"  - {{id: v{v}, name: V{v}, title: VP of Things, reports_to: ceo}}")
        for h in range(3):
            head = f"v{v}h{h}"
            lines.append(f"  - {{id: {head}, name: H{v}{h}, title: Head of Stuff, "
                         f"reports_to: v{v}}}")
            for m in range(3):
                lines.append(f"  - {{id: {head}m{m}, name: M{v}{h}{m}, title: Manager, "
                             f"reports_to: {head}}}")
                lines += [f"  - {{id: {head}m{m}i{i}, name: I{v}{h}{m}{i}, title: Engineer, "
                          f"reports_to: {head}m{m}}}" for i in range(3)]
    for boss, count in helpers.items():
        lines += [f"  - {{id: {boss}a{i}, name: A {boss} {i}, title: Assistant, "
                  f"reports_to: {boss}, assistant: true}}" for i in range(count)]
    return "\n".join(lines) + "\n"


#: the reviewer's three of orgs/mid-size.yaml: 8 assistants of a listed manager with a list
#: (Elif Yılmaz), 4 of another (Chidi Okonkwo), 4 of a listed engineer (Raj Patel)
LISTED = {"v0h1m2": 8, "v1h0m1": 4, "v0h2m0i1": 4}


@pytest.mark.parametrize("engine", ENGINES)
def test_a_listed_managers_assistants_stand_in_lines(engine: str) -> None:
    """Left to right, a listed manager's more than three assistants stood in one column below
    it (eight on orgs/mid-size.yaml's Elif Yılmaz: 1,200 px down the page). Now in lines of
    at most three as anywhere else, the further lines in the ranks after the manager's and
    its list after them, clear of the lines; no card overlaps another, no line runs under a
    card."""
    text = listed_org(LISTED)
    chart, geometry, plan = laid_out(text, "LR", engine)
    listed = plan_listed(plan, chart)
    assert set(LISTED) <= listed  # the case at hand: listed managers
    assert {group.manager for group in plan.assistants} >= set(LISTED)
    check_lines(chart, geometry, plan)  # (lines of `assistant_lines`: 3, 3, 2 and 2, 2)
    assert_solid_lines_pass_no_card(geometry, elbows_only=True)
    boxes = geometry.boxes
    for manager, count in LISTED.items():
        helpers = chart.assistants[manager]
        lines = assistant_lines(count)[0]
        assert len({boxes[h].x for h in helpers}) == lines
        assert max(boxes[h].bottom for h in helpers) <= (
            boxes[manager].bottom + 3 * (boxes[manager].h + GAP) + 1.5)  # 3 down
        past = max(boxes[h].right for h in helpers)
        for report in chart.reports[manager]:  # its list to the right of its lines
            if report not in helpers:
                assert boxes[report].left > past, (manager, report)
    assert laid_out(text, "LR", engine)[1] == geometry


def mid_size_with(manager: str, count: int) -> str:
    """orgs/mid-size.yaml with `count` assistants of `manager` (the reviewer's files)."""
    org = yaml.safe_load((Path(__file__).resolve().parents[2] / "orgs" / "mid-size.yaml")
                         .read_text(encoding="utf-8"))
    team = next(p["team"] for p in org["people"] if p["id"] == manager)
    org["people"] += [{"id": f"as-{manager}-{i}", "name": f"Asst {manager[:6]} {i}",
                       "title": f"Assistant {i}", "assistant": True, "reports_to": manager,
                       "team": team} for i in range(count)]
    return yaml.safe_dump(org, sort_keys=False, allow_unicode=True)


@pytest.mark.parametrize(("manager", "count"), [("elif-yilmaz", 8), ("chidi-okonkwo", 4),
                                                ("raj-patel", 4)])
@pytest.mark.parametrize("marks", [pytest.param(None, marks=system_graphviz)])
def test_the_reviewers_listed_managers(manager: str, count: int, marks: None) -> None:
    """orgs/mid-size.yaml left to right, its directors and heads listed: 8 assistants of Elif
    Yılmaz stood in one column 1,200 px down the page, 4 of Chidi Okonkwo or Raj Patel too;
    now in lines (3, 3, 2 and 2, 2) next to their manager."""
    chart, geometry, plan = laid_out(mid_size_with(manager, count), "LR")
    assert manager in plan_listed(plan, chart)
    assert manager in {group.manager for group in plan.assistants}
    check_lines(chart, geometry, plan)
    assert_solid_lines_pass_no_card(geometry, elbows_only=True)
    helpers = chart.assistants[manager]
    assert len({geometry.boxes[h].x for h in helpers}) == assistant_lines(count)[0]


def misordered_heads(writer: _Writer, source: str, engine: str) -> list[tuple[str, list[str]]]:
    """The nodes `order_heads` orders (`_Writer.ordering`) whose heads, laid out by Graphviz,
    stand in one rank otherwise than in the order of their edges (top-down: left to right;
    left to right: top to bottom), with the heads of that rank in their order of edges."""
    plain = pick_engine(engine).render(source, "plain").decode("utf-8")
    nodes = _parse_plain(plain)[2]
    ax = Axes(writer.chart.direction)
    found = []
    for tail in writer.ordering:
        ranks: dict[float, list[str]] = {}
        for head in dict.fromkeys(writer.heads_of[tail]):
            if head in nodes:
                ranks.setdefault(round(ax.main(nodes[head]), 1), []).append(head)
        for heads in ranks.values():
            across = [ax.cross(nodes[head]) for head in heads]
            if across != sorted(across):
                found.append((tail, heads))
    return found


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("labels", [False, True])
@pytest.mark.parametrize(("text", "direction"), [
    (random_org(135, 30, 0.4), "TB"), (random_org(135, 30, 0.4), "LR"),
    (listed_org(LISTED), "LR"), (mid_size_with("elif-yilmaz", 8), "LR")],
    ids=["random-TB", "random-LR", "listed-LR", "elif8-LR"])
def test_graphviz_stands_each_ordered_nodes_heads_in_the_order_of_its_edges(
        text: str, direction: str, labels: bool, engine: str) -> None:
    """`order_heads` keeps the heads of each node that feeds a listed manager and its lines
    in the order of the node's edges, as the writer recorded them as it wrote them (every
    edge of a chain, not only its first: ordering=out orders a node's edges wherever they
    are written): in random_org(135, 30, 0.4), left to right, Graphviz stood a feed's heads
    out of order without it."""
    chart, theme, texts, box = chart_of(text, layout="dot", direction=direction)
    writer = _Writer(chart, box, theme, texts if labels else None)
    plan = writer.write()
    assert misordered_heads(writer, plan.source, engine) == []


def standalone_places(source: str) -> dict[str, tuple[float, float]]:
    """Where Graphviz puts each node of a stand-alone DOT (points, y down the page)."""
    plain = subprocess.run(["dot", "-Tplain"], input=source.encode(), check=True,
                           capture_output=True).stdout.decode()
    return {fields[1]: (float(fields[2]) * 72, -float(fields[3]) * 72)
            for fields in map(str.split, plain.splitlines()) if fields[0] == "node"}


@pytest.mark.parametrize("text", [listed_org(LISTED), mid_size_with("elif-yilmaz", 8),
                                  mid_size_with("arash-rostami", 9)],
                         ids=["listed", "elif-yilmaz-8", "arash-rostami-9"])
def test_the_standalone_dot_stands_a_listed_managers_assistants_in_lines(text: str) -> None:
    """Left to right, the stand-alone DOT stood a listed manager's assistants all in one line
    (Elif Yılmaz's eight in one column down the page) where the SVG stands more than three
    in lines of at most three. Now in the same lines: the first in the manager's rank, each
    further one in a rank of its own; Graphviz puts them as the SVG does, each line's cards
    in order down the page, level with the line before, the lines in order to the right
    (Arash Rostami, with no list of his own: the last card of a line took his place)."""
    chart, theme, texts, box = chart_of(text, layout="dot", direction="LR")
    plan = write_dot(chart, box, theme, texts)
    node, ranks = plan.node_of, set(plan.source.splitlines())
    managers = {manager: line_cards(helpers) for manager, helpers in chart.assistants.items()
                if len(helpers) > 3 and manager in plan_listed(plan, chart)}
    assert managers  # the case at hand
    for manager, lines in managers.items():
        assert f"  {{rank=same; {'; '.join(node[c] for c in (manager, *lines[0]))}}}" in ranks
        for line in lines[1:]:
            assert f"  {{rank=same; {'; '.join(node[c] for c in line)}}}" in ranks
    if not HAS_DOT:
        return
    places = standalone_places(plan.source)
    svg = laid_out(text, "LR")[1].boxes
    for manager, lines in managers.items():
        columns = [{round(places[node[c]][0], 1) for c in line} for line in lines]
        assert all(len(column) == 1 for column in columns), (manager, columns)
        assert [min(column) for column in columns] == sorted(
            min(column) for column in columns), manager
        assert len({svg[c].x for line in lines for c in line}) == len(lines)  # as the SVG
        for line in lines:
            downs = [places[node[c]][1] for c in line]
            assert downs == sorted(downs), (manager, line)
            first = [places[node[c]][1] for c in lines[0][:len(line)]]
            assert downs == pytest.approx(first, abs=0.5), (manager, line)
        assert places[node[lines[0][0]]][1] > places[node[manager]][1]  # below the manager


def with_assistants(text: str, helpers: list[tuple[int, int]]) -> str:
    """An org file's text with `count` more assistants for each (person index, count) (the
    index taken modulo the people; the assistants' reports are none: ids q...)."""
    people = [line for line in text.splitlines() if line.startswith("  - {id: p")]
    extra = []
    for k, (index, count) in enumerate(helpers):
        boss = people[index % len(people)].split(",")[0].removeprefix("  - {id: ")
        extra += [f"  - {{id: q{k}x{i}, name: Q{k}x{i}, role: ic, reports_to: {boss}, "
                  f"assistant: true, team: a}}" for i in range(count)]
    return text + "".join(line + "\n" for line in extra)


@pytest.mark.system_graphviz
@pytest.mark.skipif(not HAS_DOT, reason="needs Graphviz `dot` on PATH")
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(seed=st.integers(0, 2**31 - 1), n=st.integers(2, 40),
       helpers=st.lists(st.tuples(st.integers(0, 60), st.integers(1, 10)), max_size=3),
       direction=st.sampled_from(["TB", "LR"]))
def test_no_assistant_line_runs_under_a_card(seed: int, n: int, helpers: list[tuple[int, int]],
                                             direction: str) -> None:
    """Random orgs (with a few dotted lines and assistants, and up to three managers with up
    to ten more): no card overlaps another, and every assistant stands in its lines beside
    its manager, joined to it by assistant lines through no card."""
    chart, geometry, plan = laid_out(with_assistants(random_org(seed, n, 0.3), helpers),
                                     direction)
    check_lines(chart, geometry, plan)
