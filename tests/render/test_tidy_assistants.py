"""The tidy layout's assistants: beside their manager, at most ASSISTANTS_ACROSS side by side,
more in further lines below (left to right: to the right), so that eight assistants make a
block as wide as three, not a row eight cards long. Geometry only."""

from __future__ import annotations

from itertools import pairwise

import pytest
from renderkit import chart_of

from orgviz.layout.tidy import Beside, LayoutOptions, layout_forest
from orgviz.render.dot import write_dot
from orgviz.render.geometry import Box, Geometry
from orgviz.render.tidylayout import (
    ASSISTANTS_ACROSS,
    assistant_lines,
    layout_tidy,
    line_cards,
)

TOL = 0.02
COUNTS = [1, 2, 3, 4, 5, 8, 12]


def org_text(count: int, boss: str = "ceo", leaf_assistants: int = 0) -> str:
    """A CEO and three C-level executives with two directors each; `count` assistants of
    `boss`; a director with `leaf_assistants` assistants and no reports of their own."""
    lines = ["orgviz: 1", "org: {name: Assistants}", "people:",
             "  - {id: ceo, name: Ada Obi, title: Chief Executive Officer}"]
    for boss_id, title in (("cto", "Technology"), ("cfo", "Financial"), ("coo", "Operating")):
        lines.append(f"  - {{id: {boss_id}, name: {boss_id.upper()}, "
                     f"title: Chief {title} Officer, reports_to: ceo}}")
        for j in range(2):
            lines.append(f"  - {{id: {boss_id}-{j}, name: {boss_id.upper()} D{j}, "
                         f"title: Director of Engineering, reports_to: {boss_id}}}")
    for i in range(count):
        lines.append(f"  - {{id: ea{i}, name: Assistant {i + 1}, title: Executive Assistant, "
                     f"reports_to: {boss}, assistant: true}}")
    for i in range(leaf_assistants):
        lines.append(f"  - {{id: da{i}, name: Helper {i + 1}, title: Executive Assistant, "
                     f"reports_to: cfo-1, assistant: true}}")
    return "\n".join(lines) + "\n"


def overlap(a: Box, b: Box) -> bool:
    return (a.left < b.right - TOL and b.left < a.right - TOL and a.top < b.bottom - TOL
            and b.top < a.bottom - TOL)


def on_border(point: tuple[float, float], box: Box) -> bool:
    x, y = point
    return ((box.left - TOL <= x <= box.right + TOL and min(abs(y - box.top),
                                                            abs(y - box.bottom)) <= TOL)
            or (box.top - TOL <= y <= box.bottom + TOL and min(abs(x - box.left),
                                                               abs(x - box.right)) <= TOL))


def through(segment: tuple[tuple[float, float], tuple[float, float]], box: Box) -> bool:
    """Whether an axis-parallel segment runs inside a card (1 unit in from its edges)."""
    (x0, y0), (x1, y1) = segment
    return (max(min(x0, x1), box.left + 1) < min(max(x0, x1), box.right - 1)
            and max(min(y0, y1), box.top + 1) < min(max(y0, y1), box.bottom - 1)) or (
        x0 == x1 and box.left + 1 < x0 < box.right - 1
        and max(min(y0, y1), box.top + 1) < min(max(y0, y1), box.bottom - 1)) or (
        y0 == y1 and box.top + 1 < y0 < box.bottom - 1
        and max(min(x0, x1), box.left + 1) < min(max(x0, x1), box.right - 1))


def check_assistants(chart, geometry: Geometry, ends) -> None:
    """No card overlaps another; each assistant stands beside its manager, within its level
    row's band, reached from the manager through assistant lines that start and end on
    card borders and run through no card."""
    boxes = geometry.boxes
    tb = geometry.direction == "TB"
    cards = list(boxes.items())
    for i, (a, box_a) in enumerate(cards):
        for b, box_b in cards[i + 1:]:
            assert not overlap(box_a, box_b), (a, b)
    into: dict[str, str] = {}
    for line, (tail, head) in zip(geometry.lines, ends, strict=True):
        if line.kind != "assistant":
            continue
        assert on_border(line.points[0], boxes[tail]), (tail, head, line.points)
        assert on_border(line.points[-1], boxes[head]), (tail, head, line.points)
        for segment in pairwise(line.points):
            (x0, y0), (x1, y1) = segment
            assert (x0 == x1) != (y0 == y1), line.points
            for card_id, box in boxes.items():
                assert not through(segment, box), (card_id, tail, head)
        assert head not in into, head  # one line into each assistant
        into[head] = tail
    for manager, helpers in chart.assistants.items():
        boss = boxes[manager]
        band = _band(geometry, chart.by_id[manager].row, boss)
        for helper in helpers:
            me = boxes[helper]
            if tb:
                assert me.left >= boss.right - TOL and me.top >= boss.top - TOL, helper
            else:
                assert me.top >= boss.bottom - TOL and me.left >= boss.left - TOL, helper
            if band is not None:  # within the manager's level row (its band)
                near, far = (me.top, me.bottom) if tb else (me.left, me.right)
                assert band[0] - TOL <= near and far <= band[1] + TOL, helper
            seen, node = set(), helper
            while node != manager:  # back along the assistant lines to the manager
                assert node not in seen and node in into, (helper, node)
                seen.add(node)
                node = into[node]


def _band(geometry: Geometry, row: int, boss: Box) -> tuple[float, float] | None:
    """Where the level row `row` starts and ends along the tree, if the manager `boss` is
    laid out in it, at its top (not stacked or listed below it)."""
    if row not in geometry.rows:
        return None
    half = geometry.row_size(row, 0.0) / 2
    start, end = geometry.rows[row] - half, geometry.rows[row] + half
    tb = geometry.direction == "TB"
    near = boss.top if tb else boss.left
    return (start, end) if abs(near - start) <= TOL else None


def laid_out(count: int, direction: str = "TB", compact: str | int = "auto", **kw: object):
    chart, _theme, _texts, box = chart_of(org_text(count, **kw), direction=direction)  # type: ignore[arg-type]
    geometry, ends = layout_tidy(chart, box, compact)
    return chart, geometry, ends


@pytest.mark.parametrize("count", range(1, 14))
def test_lines_hold_at_most_three_and_are_as_even_as_they_go(count: int) -> None:
    lines, across = assistant_lines(count)
    assert across <= ASSISTANTS_ACROSS and lines * across >= count > (lines - 1) * across
    assert lines == -(-count // ASSISTANTS_ACROSS)  # the fewest lines


@pytest.mark.parametrize("direction", ["TB", "LR"])
@pytest.mark.parametrize("count", COUNTS)
@pytest.mark.parametrize("boss", ["ceo", "cto", "cfo-1"])
def test_assistants_stand_clear_and_joined(count: int, boss: str, direction: str) -> None:
    chart, geometry, ends = laid_out(count, direction, boss=boss)
    check_assistants(chart, geometry, ends)
    assert laid_out(count, direction, boss=boss)[1:] == (geometry, ends)  # deterministic


@pytest.mark.parametrize("direction", ["TB", "LR"])
@pytest.mark.parametrize("compact", [1, 2])
@pytest.mark.parametrize("boss", ["cto", "cfo-1"])
def test_assistants_of_listed_managers_stand_clear(boss: str, compact: int,
                                                   direction: str) -> None:
    """A listed manager's block of assistants keeps the cards listed below it clear."""
    for count in (3, 5, 8):
        chart, geometry, ends = laid_out(count, direction, compact, boss=boss, leaf_assistants=4)
        check_assistants(chart, geometry, ends)


@pytest.mark.parametrize("direction", ["TB", "LR"])
def test_eight_assistants_are_no_wider_than_three(direction: str) -> None:
    """Top-down, a manager's eight assistants take the width of three (one row of eight
    widened the chart so much that the whole org below was listed); left to right, the
    height of three. (The trees, no one listed: with three, `compact` auto lists the
    C-level top-down, a frame 6% smaller than the tree's.)"""
    trees = {count: laid_out(count, direction, "off")[1] for count in (3, 8)}
    across = 0 if direction == "TB" else 1  # width top-down, height left to right
    size = {count: (g.width, g.height)[across] for count, g in trees.items()}
    assert size[8] <= size[3] + TOL
    chart, geometry, _ends = laid_out(8, direction)
    # (auto stands the leaf reports in one row top-down, which fits a slide: `one_row_fits`)
    assert set(geometry.rows) == {0, 1, 2}  # the tree drawn as a tree: no lists
    boss = geometry.boxes["ceo"]
    beside = {round(geometry.boxes[h].x if direction == "TB" else geometry.boxes[h].y)
              for h in chart.assistants["ceo"]}
    assert len(beside) == 3  # three columns (left to right: rows) of them
    lines = {round(geometry.boxes[h].y if direction == "TB" else geometry.boxes[h].x)
             for h in chart.assistants["ceo"]}
    assert len(lines) == 3 and min(lines) == round(boss.y if direction == "TB" else boss.x)


@pytest.mark.parametrize("direction", ["TB", "LR"])
@pytest.mark.parametrize("count", COUNTS)
def test_both_layouts_cut_assistants_into_the_lines_of_line_cards(count: int,
                                                                  direction: str) -> None:
    """The tidy layout stands a manager's assistants in the lines `line_cards` cuts (it cut
    them with a divmod of its own), as the dot layout's graph does: 5 as 3 and 2."""
    chart, geometry, _ends = laid_out(count, direction)
    helpers = chart.assistants["ceo"]
    boxes, tb = geometry.boxes, direction == "TB"
    main = {h: round(boxes[h].y if tb else boxes[h].x, 2) for h in helpers}
    cross = {h: boxes[h].x if tb else boxes[h].y for h in helpers}
    tidy = tuple(tuple(sorted((h for h in helpers if main[h] == at), key=cross.__getitem__))
                 for at in sorted(set(main.values())))
    assert tidy == line_cards(helpers)
    assert len(tidy) == assistant_lines(count)[0]
    chart, theme, _texts, box = chart_of(org_text(count), layout="dot", direction=direction)
    plan = write_dot(chart, box, theme)
    assert {group.manager: group.lines for group in plan.assistants} == {"ceo": tidy}


def test_up_to_three_assistants_stand_in_one_line() -> None:
    for count in (1, 2, 3):
        chart, geometry, _ends = laid_out(count)
        boss = geometry.boxes["ceo"]
        assert {geometry.boxes[h].y for h in chart.assistants["ceo"]} == {boss.y}


def test_a_taller_row_leaves_the_rows_below_clear() -> None:
    """The level row of a manager with lines of assistants grows to hold them."""
    chart, geometry, _ends = laid_out(8, compact="off", boss="cto")
    lowest = max(geometry.boxes[h].bottom for h in chart.assistants["cto"])
    below = [b.top for cid, b in geometry.boxes.items() if chart.by_id[cid].row == 2]
    assert lowest < min(below)


@pytest.mark.parametrize("direction", ["TB", "LR"])
def test_layout_forest_keeps_lines_of_room_beside_a_card(direction: str) -> None:
    """`Beside` with several lines keeps that much room past the card along the tree: the
    row grows by it, and the card with its room fills the row (the rows below move down)."""
    sizes = {k: (100.0, 40.0) for k in ("r", "a", "b", "a1", "b1")}
    children = {"r": ["a", "b"], "a": ["a1"], "b": ["b1"]}
    options = LayoutOptions(direction=direction, level_gap=20.0)
    plain = layout_forest(["r"], children, sizes, options)
    room = layout_forest(["r"], children, sizes, options,
                         beside={"a": Beside(150.0, 3, 10.0)})
    tb = direction == "TB"
    along = 1 if tb else 0
    grow = 2 * ((40.0 if tb else 100.0) + 10.0)  # two more lines, each a card and a gap
    assert room.row_sizes[1] == pytest.approx(plain.row_sizes[1] + grow)
    assert room.positions["a1"][along] == pytest.approx(plain.positions["a1"][along] + grow)
    half = (40.0 if tb else 100.0) / 2
    top = room.rows[1] - room.row_sizes[1] / 2
    assert room.positions["a"][along] - half == pytest.approx(top)
    with pytest.raises(ValueError, match="lines beside 'a'"):
        layout_forest(["r"], children, sizes, options, beside={"a": Beside(1.0, 0)})
