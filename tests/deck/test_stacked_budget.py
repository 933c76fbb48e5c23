"""A manager's many leaf reports spread over slides are counted against what a slide
holds with them stacked under the manager (`stack_budget`: a row, then columns of cards
TIDY_STACK_GAP apart), not rows of cards RANK_GAP apart: 30 support specialists took three
slides of ten and a pile, each with a fifth of the chart area empty below; now two of 15."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from deckkit import ENGINE

from orgviz.deck.build import build_deck
from orgviz.deck.draw import (
    RANK_GAP,
    TIDY_STACK_GAP,
    Drawer,
    column_budget,
    row_budget,
    stack_budget,
)
from orgviz.deck.frame import default_frame
from orgviz.deck.plan import MIN_CARD_HEIGHT, Planner, Tree, _Box
from orgviz.loader import load
from orgviz.render.cards import TEAM_SIZE
from orgviz.render.chart import View, build_chart
from orgviz.render.engines import pick_engine
from orgviz.render.themes import THEMES


def support(count: int = 30) -> str:
    """An org file of a head of support, a team lead and `count` specialists under her."""
    lines = ["orgviz: 1", "org: {name: Support Co, size: mid-size, date: 2026-11-01}",
             "teams:", "  - {id: cs, name: Customer Support}", "people:",
             "  - {id: head, name: Hana Gomez, title: VP of Customer Support, team: cs}",
             "  - {id: lead, name: Laila Reyes, title: Support Team Lead, reports_to: head, "
             "team: cs}"]
    lines += [f"  - {{id: s{i}, name: Specialist {i}, title: Customer Support Specialist, "
              f"reports_to: lead, team: cs}}" for i in range(count)]
    return "\n".join(lines) + "\n"


def test_a_row_and_its_stacks_hold_more_rows_than_rows_alone() -> None:
    frame = default_frame()
    height = frame.chart.h / (9.0 / TEAM_SIZE)
    box = _Box(196.0, MIN_CARD_HEIGHT)
    assert TIDY_STACK_GAP < RANK_GAP
    # a row and four deep stacks under it, where four rows 36 units apart fit
    assert (stack_budget(height, box), row_budget(height, box)) == (4, 4)


def test_thirty_reports_take_two_full_slides(org_file: Callable[..., Path]) -> None:
    deck = build_deck([(load(org_file(support())), ())])
    titles = [slide.title for slide in deck.slides if "Laila Reyes" in slide.title]
    assert titles == ["Customer Support: Laila Reyes (1 of 2)",
                      "Customer Support: Laila Reyes (2 of 2)"]  # (were 1 of 3 ... 3 of 3)
    for slide in deck.slides:
        if "Laila Reyes (" in slide.title:
            assert slide.picture is not None
            svg = slide.picture.svg.decode()
            assert svg.count("Customer Support Specialist</text>") == 15


def test_the_dot_layout_s_stacks_are_counted_a_row_gap_apart(
        org_file: Callable[..., Path]) -> None:
    """The dot layout stacks cards a whole RANK_GAP apart: a row and its stacks hold no more
    than rows alone (the budget counted TIDY_STACK_GAP for both layouts, a card a stack too
    many for dot)."""
    frame = default_frame()
    height = frame.chart.h / (9.0 / TEAM_SIZE)
    box = _Box(196.0, MIN_CARD_HEIGHT)
    assert stack_budget(height, box, "dot") == row_budget(height, box) - 1 == 3
    assert stack_budget(height, box, "tidy") == 4
    org = load(org_file(support()))
    theme = THEMES["light"]
    tree = Tree(build_chart(org, View(), theme))
    columns = column_budget(frame.chart.w / (9.0 / TEAM_SIZE), box)
    for layout, engine, deep in (("tidy", None, 4), ("dot", pick_engine(ENGINE), 3)):
        planner = Planner(tree, Drawer(org, theme, engine, layout=layout), frame)
        assert planner.stacked_cards == columns * deep + 1, layout
