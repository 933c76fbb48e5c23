"""A slide's chart is read into the tidy layout's input once: the stack depth estimate and
every stacking drawn reuse it, and draw what a fresh layout of each stacking draws."""

from __future__ import annotations

from dataclasses import replace

import pytest
from test_deck_card_heights import LONG, team_yaml

from orgviz.deck.draw import Drawer, card_heights, stack_depth, tree_input
from orgviz.loader import load
from orgviz.render import tidylayout
from orgviz.render.chart import View
from orgviz.render.themes import THEMES
from orgviz.render.tidylayout import TreeInput, layout_tidy


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """How many TreeInputs are made (one entry each)."""
    made: list[int] = []
    original = TreeInput.__init__

    def counted(self: TreeInput, *args: object, **kwargs: object) -> None:
        made.append(1)
        original(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(tidylayout.TreeInput, "__init__", counted)
    return made


def _drawer(org_file, size: int = 12, long_title: bool = True) -> Drawer:
    return Drawer(load(org_file(team_yaml(size, long_title))), THEMES["light"])


def test_drawing_every_stacking_reads_the_chart_once(org_file, reads: list[int]) -> None:
    drawer = _drawer(org_file)
    drawn = drawer.draw(View(root="lead"), rows_height=480.0)
    depths = {d.chart.stack_rows for d in drawn}
    assert len(depths) >= 3  # several stackings drawn ...
    assert len(reads) == 1  # ... from one read (the estimate read it again, then each one)


def test_a_reused_input_lays_out_as_a_fresh_one(org_file) -> None:
    drawer = _drawer(org_file)
    chart, box = drawer.chart(View(root="lead"))
    tree = tree_input(chart, box)
    for depth in (None, 1, 2, 3, 5):
        stacked = replace(chart, stack_rows=depth)
        assert drawer.place(stacked, box, tree) == layout_tidy(stacked, box, "off")[0]


def test_the_estimate_takes_the_heights_of_a_given_input(org_file) -> None:
    text = team_yaml(10, long_title=False).replace(
        "title: Engineering Manager", f"title: {LONG}")
    drawer = Drawer(load(org_file(text)), THEMES["light"])
    chart, box = drawer.chart(View(root="lead"))
    tree = tree_input(chart, box)
    assert card_heights(chart, box, tree) == card_heights(chart, box)
    height = 2 * 8 + box.own_height("lead") + 36 + 4 * box.own_height("e0") + 3 * 14
    assert stack_depth(chart, box, height, "tidy", tree) == stack_depth(chart, box, height) == 4
