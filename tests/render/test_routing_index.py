"""The dotted-line router's spatial index: filled as queried when the routes reach little of
the chart (a big chart routes few of its dotted lines), with the same answers and routes as
one filled at once."""

from __future__ import annotations

import random

import pytest
from renderkit import ORGS, chart_of

from orgviz.render.geometry import Box, Connector
from orgviz.render.routing import CELL, Router, _Index, _LazyIndex, route_links
from orgviz.render.tidylayout import layout_tidy


def grid_chart(columns: int, rows: int) -> tuple[dict[str, Box], list[Connector], float,
                                                 float]:
    """Cards in a grid (120 x 50, 200 px apart), each row's cards joined to the one above
    them by an elbow, a bus across each row, and a dotted and a curved line (not indexed)."""
    boxes = {f"c{i}-{j}": Box(100 + 200 * i, 60 + 200 * j, 120, 50)
             for i in range(columns) for j in range(rows)}
    lines = [Connector("solid", ((100 + 200 * i, 85 + 200 * (j - 1)),
                                 (100 + 200 * i, 200 * j - 10),
                                 (100 + 200 * (i + 1), 200 * j - 10),
                                 (100 + 200 * (i + 1), 35 + 200 * j)))
             for i in range(columns - 1) for j in range(1, rows)]
    lines += [Connector("assistant", ((100.0, 130 + 200.0 * j), (100 + 200.0 * (columns - 1),
                                                                  130 + 200.0 * j)))
              for j in range(rows)]
    lines += [Connector("dotted", ((0.0, 0.0), (900.0, 900.0))),
              Connector("solid", ((0.0, 0.0), (50.0, 50.0), (60.0, 0.0), (90.0, 90.0)),
                        curve=True)]
    return boxes, lines, 200.0 * columns, 200.0 * rows


def queries(seed: int, width: float, height: float, ends: list[tuple[float, float]]
            ) -> list[tuple[str, tuple]]:
    """Random window and line-end queries, some on the cells' edges and at line ends."""
    rnd = random.Random(seed)
    found: list[tuple[str, tuple]] = []
    for _ in range(300):
        x0 = rnd.choice([rnd.uniform(-20, width), CELL * rnd.randrange(int(width // CELL) + 1)])
        y0 = rnd.choice([rnd.uniform(-20, height), CELL * rnd.randrange(int(height // CELL) + 1)])
        x1, y1 = x0 + rnd.uniform(0, 900), y0 + rnd.uniform(0, 600)
        found.append((rnd.choice(["cards_in", "segments_in"]), (x0, y0, x1, y1)))
        x, y = rnd.choice(ends)
        found.append(("line_end_near", ((x + rnd.uniform(-4, 4), y + rnd.uniform(-4, 4)), 3.0)))
    return found


def answers(index: _Index, asked: list[tuple[str, tuple]]) -> list[object]:
    return [getattr(index, method)(*args) for method, args in asked]


@pytest.mark.parametrize("direction", ["TB", "LR"])
def test_a_lazy_index_answers_as_one_filled_at_once(direction: str) -> None:
    chart, _theme, _texts, box = chart_of((ORGS / "enterprise.yaml").read_text(),
                                          direction=direction)
    geometry, _ends = layout_tidy(chart, box)
    boxes = dict(geometry.boxes)
    boxes["pile"] = Box(300.0, 300.0, 4 * CELL, 40.0)  # wider than a cell: in several
    lines = list(geometry.lines)
    ends = [p for line in lines for p in (line.points[0], line.points[-1])]
    asked = queries(7, geometry.width, geometry.height, ends)
    found = answers(_LazyIndex(boxes, lines), asked)
    assert found == answers(_Index(boxes, lines), asked)
    assert any(found[k] for k in range(0, len(found), 2))  # the windows found things
    assert any(found[k] is True for k in range(1, len(found), 2))  # and line ends


def test_a_lazy_index_finds_wide_and_long_lines_and_skips_dotted_and_curves() -> None:
    boxes, lines, width, height = grid_chart(30, 12)
    ends = [p for line in lines for p in (line.points[0], line.points[-1])]
    asked = queries(3, width, height, ends)
    assert answers(_LazyIndex(boxes, lines), asked) == answers(_Index(boxes, lines), asked)
    lazy = _LazyIndex(boxes, lines)
    assert (100.0, 930.0, 5900.0, 930.0) in lazy.segments_in(3000, 900, 3100, 1000)  # a bus
    assert not lazy.line_end_near((900.0, 900.0), 3.0)  # the dotted line's end
    assert not lazy.line_end_near((90.0, 90.0), 3.0)  # the curve's


def test_routes_far_apart_build_no_index() -> None:
    boxes, lines, width, height = grid_chart(30, 12)
    pairs = [("c0-0", "c29-11"), ("c29-0", "c0-11")]
    router = Router(boxes, lines, width, height, pairs=pairs)
    assert [router.route(a, b) for a, b in pairs] == [None, None]
    assert router.known_index is None


def test_routes_reaching_little_of_a_chart_fill_its_index_as_they_go() -> None:
    boxes, lines, width, height = grid_chart(40, 30)
    pairs = [("c20-14", "c21-14"), ("c3-3", "c4-3")]  # (neighbours: routes cross no line)
    router = Router(boxes, lines, width, height, pairs=pairs)
    routes = [router.route(a, b) for a, b in pairs]
    index = router.known_index
    assert isinstance(index, _LazyIndex)
    assert 0 < len(index.columns) < 40 * 200 / CELL / 4  # few columns looked at
    eager = Router(boxes, lines, width, height)  # pairs unknown: filled at once
    assert [eager.route(a, b) for a, b in pairs] == routes
    assert type(eager.known_index) is _Index
    assert all(route is not None for route in routes)
    assert route_links(boxes, lines, width, height, pairs) == routes


def test_routes_reaching_much_of_a_chart_fill_its_index_at_once() -> None:
    boxes, lines, width, height = grid_chart(12, 8)
    pairs = [(f"c{i}-{j}", f"c{i + 1}-{j + 1}") for i in range(11) for j in range(7)]
    router = Router(boxes, lines, width, height, pairs=pairs)
    routes = [router.route(a, b) for a, b in pairs]
    assert type(router.known_index) is _Index
    assert Router(boxes, lines, width, height).route(*pairs[0]) == routes[0]


def test_routes_in_crowded_columns_fill_its_index_at_once() -> None:
    # a tall, narrow chart: the route reaches few of its tiles, but in columns that hold
    # the whole chart (filled as queried, each of those columns would cost as much)
    boxes, lines, width, height = grid_chart(3, 120)
    pairs = [("c1-60", "c2-60")]
    router = Router(boxes, lines, width, height, pairs=pairs)
    assert router.route(*pairs[0]) is not None
    assert type(router.known_index) is _Index
