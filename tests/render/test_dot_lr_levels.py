"""The `dot` layout left to right: every level's cards stand in its own column, blocks too.

A block's further columns took the next ranks, which were the next level rows' ranks: a
Director's nine managers without reports stood in two columns, the second in the column of
the individual contributors, which then lost its label. Now they take further ranks of
their own level row (`dot.block_ranks`), and a block holding leaves of several levels
stands each level's leaves in that level's column (`dot.row_columns`)."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from pathlib import Path

import pytest
from renderkit import ENGINES

from orgviz.loader import load
from orgviz.model import Org
from orgviz.render import RenderOptions, render
from orgviz.render.cards import card_box, chart_texts
from orgviz.render.chart import View, build_chart
from orgviz.render.dotlayout import layout_dot
from orgviz.render.engines import pick_engine
from orgviz.render.themes import THEMES

LABELS = ["DIRECTOR", "MANAGER / LEAD", "INDIVIDUAL CONTRIBUTORS"]


def _person(pid: str, name: str, role: str, boss: str | None) -> str:
    """One person's line of an org file."""
    title = {"vp": "VP Engineering", "director": "Director of Engineering",
             "manager": "Engineering Manager", "ic": "Software Engineer"}[role]
    above = f", reports_to: {boss}" if boss else ""
    return f"  - {{id: {pid}, name: {name}, title: {title}, role: {role}{above}}}\n"


def _org(org_file: Callable[..., Path], shape: str) -> Org:
    """`nine`: a Director with nine managers without reports and one with three engineers;
    `mixed`: the same Director with four engineers of its own besides; `gap`: a VP over
    that Director and one with three managers and three engineers without reports (its
    engineers' column is a rank further on than its managers' column's next rank)."""
    people = _person("vp", "Vera Vance", "vp", None) if shape == "gap" else ""
    people += _person("d", "Dana Dirk", "director", "vp" if shape == "gap" else None)
    people += "".join(_person(f"m{i}", f"Mia {i}", "manager", "d") for i in range(9))
    if shape == "mixed":
        people += "".join(_person(f"i{i}", f"Ivy {i}", "ic", "d") for i in range(4))
    people += _person("mx", "Max Mann", "manager", "d")
    people += "".join(_person(f"e{i}", f"Eng {i}", "ic", "mx") for i in range(3))
    if shape == "gap":
        people += _person("d2", "Dora Dunn", "director", "vp")
        people += "".join(_person(f"n{i}", f"Nia {i}", "manager", "d2") for i in range(3))
        people += "".join(_person(f"j{i}", f"Jo {i}", "ic", "d2") for i in range(3))
    return load(org_file("orgviz: 1\norg: {name: Levels}\npeople:\n" + people))


@pytest.mark.parametrize("shape", ["nine", "mixed", "gap"])
@pytest.mark.parametrize("engine", ENGINES)
def test_each_level_keeps_its_own_column(org_file: Callable[..., Path], shape: str,
                                         engine: str) -> None:
    org = _org(org_file, shape)
    chart = build_chart(org, View(direction="LR"))
    texts = chart_texts(chart)
    box = card_box(texts)
    geometry, plan = layout_dot(chart, box, THEMES["light"], pick_engine(engine), 120.0)
    assert plan.blocks
    half = {row: geometry.row_size(row, box.width) / 2 for row in geometry.rows}
    columns = {row: (at - half[row], at + half[row]) for row, at in geometry.rows.items()}
    for card in chart.cards:  # every card within its level's column
        low, high = columns[card.row]
        placed = geometry.boxes[card.id]
        assert low - 0.5 <= placed.left and placed.right <= high + 0.5, (card.id, low, high)
    spans = [columns[row] for row in sorted(columns)]  # the columns one after the other
    assert all(a[1] < b[0] for a, b in itertools.pairwise(spans)), spans
    svg = render(org, "svg", RenderOptions(layout="dot", engine=engine,
                                           direction="LR")).decode()
    drawn = [part.split(">", 1)[1].split("<", 1)[0]
             for part in svg.split("<text")[1:] if 'letter-spacing="0.6"' in part]
    assert drawn == (["VP"] if shape == "gap" else []) + LABELS
