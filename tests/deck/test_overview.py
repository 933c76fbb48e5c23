"""The overview and chart slides read as reporting trees: peers (a manager's reports) on one
row, whatever mix of whole cards, "continued" piles and rollups they are drawn as."""

from __future__ import annotations

from pathlib import Path

import pytest

from orgviz.deck.draw import Drawer
from orgviz.deck.frame import default_frame
from orgviz.deck.plan import Planner, Tree
from orgviz.loader import load
from orgviz.render.chart import View, build_chart
from orgviz.render.themes import THEMES

ROOT = Path(__file__).resolve().parents[2]


def _planner(org, min_font: float = 9.0) -> Planner:
    theme = THEMES["light"]
    tree = Tree(build_chart(org, View(), theme))
    return Planner(tree, Drawer(org, theme), default_frame(), min_font=min_font,
                   team_of={pid: p.team for pid, p in org.by_id.items()})


def _top_reports(planner: Planner, part) -> list[str]:
    shown = set(planner.visible(part))
    return [pid for pid in planner.tree.reports[part.root] if pid in shown]


#: A top with a leaf report, a big team (drawn as a "continued" pile) and a small team drawn
#: whole, each of another level: the level rows of `orgviz render` put them on three rows.
MIXED = """\
orgviz: 1
org: {name: Mixed, size: mid-size}
people:
  - {id: ceo, name: Cara Top, title: Chief Executive Officer}
  - {id: cos, name: Ada Staff, title: Chief of Staff, reports_to: ceo}
  - {id: cto, name: Tom Tech, title: Chief Technology Officer, reports_to: ceo}
  - {id: ops, name: Siobhan Ops, title: Head of Operations, reports_to: ceo}
  - {id: ops1, name: Grace Ops, title: Operations Associate, reports_to: ops}
  - {id: ops2, name: Tomasz Ops, title: Customer Success Lead, reports_to: ops}
"""
MIXED += "".join(
    f"  - {{id: em{i}, name: Manager {i}, title: Engineering Manager, reports_to: cto}}\n"
    f"  - {{id: se{i}a, name: Engineer {i}a, title: Software Engineer, reports_to: em{i}}}\n"
    f"  - {{id: se{i}b, name: Engineer {i}b, title: Software Engineer, reports_to: em{i}}}\n"
    for i in range(20))


@pytest.mark.parametrize("source", ["small", "mixed"])
def test_overview_puts_the_tops_reports_on_one_row(org_file, source: str) -> None:
    org = load(ROOT / "orgs" / "small.yaml" if source == "small" else org_file(MIXED))
    planner = _planner(org)
    overview, _ = planner.plan()
    assert len(overview) == 1
    part = overview[0]
    boxes = part.drawn.boxes
    peers = _top_reports(planner, part)
    assert peers == planner.tree.reports[part.root]  # everybody, none elsewhere
    assert len({round(boxes[pid].y, 2) for pid in peers}) == 1, {
        pid: boxes[pid].y for pid in peers}
    assert all(boxes[pid].y > boxes[part.root].y for pid in peers)
    # Whole cards with their reports below, and piles, side by side.
    whole, pile = ("siobhan-oconnor", "zoe-lindqvist") if source == "small" else ("ops", "cto")
    assert pile in part.continued and whole not in part.continued
    below = planner.tree.reports[whole]
    assert below and all(boxes[pid].y > boxes[whole].y for pid in below)


def test_overview_of_more_peers_than_a_row_holds_is_a_grid_of_piles() -> None:
    # Five reports of the top are too wide for one row at 9 pt (four cards fit).
    org = load(ROOT / "orgs" / "mid-size.yaml")
    planner = _planner(org)
    overview, _ = planner.plan()
    part = overview[0]
    boxes = part.drawn.boxes
    peers = _top_reports(planner, part)
    assert len(peers) == 5 and set(peers) <= set(part.continued)
    first = min(boxes[pid].y for pid in peers)
    assert first > boxes[part.root].y
    # ... and with a smaller minimum font they fit one row.
    planner = _planner(org, min_font=7.5)
    part = planner.plan()[0][0]
    assert len({round(part.drawn.boxes[pid].y, 2) for pid in _top_reports(planner, part)}) == 1


def test_chart_slides_put_a_managers_reports_on_one_row() -> None:
    # The VP of Engineering: an engineering manager with a team drawn whole, and two
    # directors drawn as piles. Level rows put the manager a row below the directors.
    org = load(ROOT / "orgs" / "mid-size.yaml")
    planner = _planner(org)
    _, parts = planner.plan()
    for part in parts:
        boxes = part.drawn.boxes
        for pid in planner.visible(part):
            card = boxes.get(pid)
            boss = planner.tree.manager.get(pid)
            if card is None or boss not in boxes or pid == part.root:
                continue
            assert card.y > boxes[boss].y  # below the manager
        peers = _top_reports(planner, part)
        whole = [pid for pid in peers if pid not in part.continued
                 and planner.tree.reports.get(pid)]
        # Reports drawn with their teams, and the first card of any stack, share a row.
        if whole:
            ys = {round(boxes[pid].y, 2) for pid in whole}
            first = min(boxes[pid].y for pid in peers)
            assert ys == {round(first, 2)}, (part.root, whole)


def test_a_row_label_is_true_of_every_card_across_that_row() -> None:
    # By reporting level, a row holds people of several levels; it is labelled only when they
    # share one, and not where a stack of cards of the row above reaches across it (a
    # manager's pile stacked beside a row of ICs: enterprise "Payments Design").
    from orgviz.render.chart import BANDS

    org = load(ROOT / "orgs" / "enterprise.yaml")
    planner = _planner(org)
    overview, parts = planner.plan()
    labelled = dropped = 0
    for part in [*overview, *parts]:
        drawn = part.drawn
        if not drawn.axis:
            continue
        rows = drawn.geometry.rows
        for row, label in enumerate(drawn.chart.rows):
            crossing = [card for card in drawn.chart.cards if card.row != row and row in rows
                        and drawn.geometry.boxes[card.id].top < rows[row]
                        < drawn.geometry.boxes[card.id].bottom]
            if not label:
                dropped += bool(crossing)
                continue
            labelled += 1
            assert not crossing, (part.root, label)
            bands = {card.band for card in drawn.chart.cards if card.row == row
                     and not card.assistant and not card.id.startswith("+")}
            assert {BANDS[band][0] for band in bands if band is not None} == {label}
            assert None not in bands
    assert labelled > 20 and dropped >= 1


@pytest.mark.parametrize(("source", "says"), [
    ("small", "The top 3 levels"),  # (the head of operations' team drawn whole)
    ("mid-size", "The top 2 levels"),  # (it said 3: the top's reports are all piles)
    ("one", "The top level"),
    ("assistant", "The top 2 levels"),  # (an assistant sits beside the top: no level)
])
def test_the_overview_subtitle_counts_the_levels_it_draws(org_file, source: str,
                                                          says: str) -> None:
    from orgviz.deck.build import DeckOptions, build_deck, levels_shown

    texts = {"one": "orgviz: 1\norg: {name: One}\npeople:\n  - {id: a, name: Ann, title: CEO}\n",
             "assistant": "orgviz: 1\norg: {name: Two}\npeople:\n"
                          "  - {id: a, name: Ann, title: CEO}\n"
                          "  - {id: b, name: Bo, title: EA, reports_to: a, assistant: true}\n"
                          "  - {id: c, name: Cy, title: CTO, reports_to: a}\n"}
    org = load(org_file(texts[source]) if source in texts else ROOT / "orgs" / f"{source}.yaml")
    deck = build_deck([(org, ())], DeckOptions())
    [overview] = [slide for slide in deck.slides if slide.title == "Overview"]
    assert overview.subtitle.startswith(says + " · ")
    planner = _planner(org)
    part = planner.plan()[0][0]
    assert levels_shown(planner.tree, planner.visible(part)) == (
        1 if source == "one" else int(says.split()[2]))
