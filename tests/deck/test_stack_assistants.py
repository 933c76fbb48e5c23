"""A leaf report with an assistant is stacked with their peers by the tidy layout (the
assistant stands beside them, outside the tree), so `stack_fits` holds that stack to the
slide's height too; the dot layout does not stack such a report. A manager's further lines
of assistants (more than three) make its row deeper, and `stack_fits` counts them."""

from __future__ import annotations

import pytest
from deckkit import ENGINE
from test_stack_own_depth import drawn_team

from orgviz.deck.draw import (
    MARGIN,
    RANK_GAP,
    TIDY_STACK_GAP,
    Drawer,
    assistant_room,
    card_heights,
    stack_depth,
    stack_fits,
)
from orgviz.loader import load
from orgviz.render.cards import CardBox
from orgviz.render.chart import Chart, View
from orgviz.render.engines import pick_engine
from orgviz.render.themes import get_theme
from orgviz.render.tidylayout import ASSISTANT_LINE_GAP

#: The CEO's two leaf reports stack from the row below her; the manager's two (one with an
#: assistant) a row lower.
TEAM = """\
orgviz: 1
org: {name: Aide Co, size: small}
people:
  - {id: ceo, name: Cy Oh, title: Chief Executive Officer}
  - {id: mgr, name: Mo Gray, title: Engineering Manager, reports_to: ceo}
  - {id: c1, name: Cat One, title: Chief of Staff, reports_to: ceo}
  - {id: c2, name: Cat Two, title: Staff Engineer, reports_to: ceo}
  - {id: r1, name: Ray One, title: Engineer, reports_to: mgr}
  - {id: r2, name: Ray Two, title: Principal Engineer, reports_to: mgr}
  - {id: r2a, name: Ada Aide, title: Assistant, reports_to: r2, assistant: true}
"""


@pytest.fixture(scope="module")
def team(tmp_path_factory: pytest.TempPathFactory) -> tuple[Drawer, Chart, CardBox]:
    return drawn_team(tmp_path_factory.mktemp("aide"), TEAM)


def three_rows(chart, box) -> float:
    """A height that holds the chart's three rows of cards and a little more, not four."""
    heights = card_heights(chart, box)
    rows: dict[int, float] = {}
    for card in chart.cards:
        rows[card.row] = max(rows.get(card.row, 0.0), heights[card.id])
    return 2 * MARGIN + sum(rows.values()) + 2 * RANK_GAP + 10.0


def test_a_report_with_an_assistant_counts_in_their_managers_stack(team) -> None:
    _drawer, chart, box = team
    height = three_rows(chart, box)
    fits = stack_fits(chart, box, height)
    assert fits["mgr"] == 1  # the stack starts on the last row that fits: one deep
    assert fits["ceo"] >= 2
    assert stack_depth(chart, box, height) == 1


def test_the_dot_layout_does_not_stack_a_report_with_an_assistant(team) -> None:
    _drawer, chart, box = team
    assert "mgr" not in stack_fits(chart, box, three_rows(chart, box), "dot")


def test_every_drawing_keeps_within_the_slides_rows(team) -> None:
    """Drawn as deep as the CEO's stack fits, the manager's stack (one report with an
    assistant) was drawn as deep too, a row below what fits."""
    drawer, chart, box = team
    height = three_rows(chart, box)
    drawings = drawer.draw(View(), rows_height=height)
    assert any(d.chart.stack_rows == 2 for d in drawings)  # the CEO's reports stacked
    for drawn in drawings:
        assert drawn.height <= height, (drawn.chart.stack_rows, drawn.stack_rows_of)


#: The COO's four assistants stand in two lines of two beside her, a line below her row;
#: the engineering manager's eight leaf reports stack from the row below.
AIDES = """\
orgviz: 1
org: {name: Aide Co, size: small}
people:
  - {id: ceo, name: Cy Oh, title: Chief Executive Officer}
  - {id: coo, name: Mo One, title: Chief Operating Officer, reports_to: ceo}
  - {id: em, name: Mo Two, title: Engineering Manager, reports_to: ceo}
""" + "".join(f"  - {{id: a{i}, name: Ada {i}, title: Executive Assistant, reports_to: coo, "
              "assistant: true}\n" for i in range(4)) + "".join(
    f"  - {{id: e{i}, name: Eve {i}, title: Engineer, reports_to: em}}\n" for i in range(8))


@pytest.mark.parametrize("layout", ["tidy", "dot"])
@pytest.mark.parametrize("stacked", [2, 3, 4])
def test_a_row_with_lines_of_assistants_counts_as_deeper(tmp_path, layout: str,
                                                         stacked: int) -> None:
    """On a slide that holds the COO's row with her two lines of assistants and `stacked`
    engineers a column, the manager's stack is `stacked` deep and every drawing keeps within
    it: the estimate counted her row as one card deep, stacked one card deeper than fits
    and drew the chart a line taller than the slide (tidy 562 units for 477; dot 736 for
    629)."""
    path = tmp_path / "aides.yaml"
    path.write_text(AIDES, encoding="utf-8")
    drawer = Drawer(load(path), get_theme("light"),
                    engine=pick_engine(ENGINE) if layout == "dot" else None, layout=layout)
    chart, box = drawer.chart(View())
    card = box.height  # (all cards one height here)
    line_gap = ASSISTANT_LINE_GAP  # (dot: its further ranks drawn as close)
    gap = TIDY_STACK_GAP if layout == "tidy" else RANK_GAP
    assert assistant_room(chart, "coo", card) == 2 * card + line_gap
    assert assistant_room(chart, "em", card) == card
    height = (2 * MARGIN + card + RANK_GAP + (2 * card + line_gap) + RANK_GAP
              + stacked * card + (stacked - 1) * gap + 1)
    assert stack_fits(chart, box, height, layout) == {"em": stacked}
    drawings = drawer.draw(View(), rows_height=height)
    assert drawings
    for drawn in drawings:
        assert drawn.height <= height, (drawn.chart.stack_rows, drawn.height, height)
