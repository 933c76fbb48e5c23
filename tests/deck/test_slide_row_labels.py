"""A slide's drawing keeps the level labels' column only when a row gets a label: a row
whose band holds the middle of more cards of other rows than of its own gets none
(`render.svg.labelled_rows`), and with no row labelled the column stayed empty on slides,
118 units left of the cards (`Drawer.paint` tested only whether a row had a level name)."""

from __future__ import annotations

import re
from pathlib import Path

from orgviz.deck.draw import MARGIN, Drawer, Drawn
from orgviz.loader import load
from orgviz.render.cards import card_box, chart_texts
from orgviz.render.chart import Card, Chart
from orgviz.render.geometry import Box, Geometry
from orgviz.render.svg import AXIS_WIDTH, BAND_PAD
from orgviz.render.themes import get_theme

CARD_X = re.compile(r'<g transform="translate\(([-\d.]+) [-\d.]+\)"><title>')
W, ROW_1_DEPTH = 200.0, 200.0


def chart_and_geometry(strays_at: float) -> tuple[Chart, Geometry]:
    """A boss, a manager on a row 200 deep (row 1, "MANAGER", its center at 300: a card of
    the layout's that tall) and two reports of his (row 2, no level label) whose middles
    stand `strays_at` below that center, their boxes clear of it and of his."""
    cards = (Card("boss", "person", "Boss", "Chief Wizard", row=0),
             Card("m", "person", "Manager", "Engineering Manager", row=1, manager="boss"),
             *(Card(f"e{i}", "person", f"Eng {i}", "Engineer", row=2, manager="m")
               for i in range(2)))
    chart = Chart("Org", "", cards, rows=("", "MANAGER", ""))
    boxes = {"boss": Box(W / 2, 40, W, 80), "m": Box(W / 2, 300, W, 80),
             "e0": Box(W / 2, 300 + strays_at, W, 60),
             "e1": Box(W * 1.5 + 20, 300 + strays_at, W, 60)}
    rows = {0: 40.0, 1: 300.0, 2: 300 + strays_at}
    sizes = {0: 80.0, 1: ROW_1_DEPTH, 2: 60.0}
    bottom = max(b.bottom for b in boxes.values())
    return chart, Geometry(2 * W + 20, bottom, boxes, rows, (), "TB", sizes)


def painted(tmp_path: Path, strays_at: float) -> tuple[Drawn, Geometry]:
    """The chart as a slide draws it, with the level axis asked for."""
    path = tmp_path / "org.yaml"
    path.write_text("orgviz: 1\norg: {name: Org}\npeople:\n  - {id: boss, name: Boss}\n",
                    encoding="utf-8")
    drawer = Drawer(load(path), get_theme("light"))
    chart, geometry = chart_and_geometry(strays_at)
    box = card_box(chart_texts(chart), team_line=True)
    return drawer.paint(chart, box, geometry, axis=True), geometry


def test_a_slide_with_no_row_labelled_keeps_no_column_for_labels(tmp_path: Path) -> None:
    # (the reports' middles 80 below row 1's center, within its band (110 either side):
    # two cards of row 2 against one of its own, so row 1 gets no label)
    drawn, geometry = painted(tmp_path, 80.0)
    assert not drawn.axis and b"MANAGER" not in drawn.svg
    assert drawn.boxes["boss"].left == MARGIN  # was MARGIN + AXIS_WIDTH
    assert drawn.width == 2 * MARGIN + geometry.width
    drawn_x = sorted(float(x) for x in CARD_X.findall(drawn.svg.decode()))
    assert drawn_x[0] == MARGIN  # the SVG draws its first card where the boxes say


def test_a_slide_with_a_row_labelled_keeps_the_column(tmp_path: Path) -> None:
    # (the reports 160 below row 1's center, past its band: row 1 is labelled)
    drawn, geometry = painted(tmp_path, 160.0)
    assert drawn.axis and b"MANAGER" in drawn.svg
    assert drawn.boxes["boss"].left == MARGIN + AXIS_WIDTH
    assert drawn.width == 2 * MARGIN + AXIS_WIDTH + geometry.width + BAND_PAD  # (bands)
    drawn_x = sorted(float(x) for x in CARD_X.findall(drawn.svg.decode()))
    assert drawn_x[0] == MARGIN + AXIS_WIDTH
