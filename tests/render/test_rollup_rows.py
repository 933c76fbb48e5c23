"""A --depth rollup ("+N people") stands in the level row of the most senior people it
stands for, as their own cards would, and that row is labelled (and banded) for it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from renderkit import ORGS

from orgviz.loader import load
from orgviz.render import RenderOptions
from orgviz.render.chart import View, build_chart
from orgviz.render.pipeline import build
from orgviz.render.tidylayout import layout_tidy


def test_the_rollups_of_sofia_castellanos_reports_stand_in_their_own_levels_rows() -> None:
    # (orgs/mid-size.yaml --root sofia-castellanos --depth 2: Elif Yılmaz's four product
    # managers, individual contributors, stood in the empty Manager row above their band;
    # Yuki Tanaka's design managers and designers in the Director band)
    options = RenderOptions(root="sofia-castellanos", depth=2, layout="tidy")
    chart, _theme, _texts, box = build(load(ORGS / "mid-size.yaml"), options)
    labels = {card.id: chart.rows[card.row] for card in chart.cards if card.kind == "rollup"}
    assert labels == {"+chidi-okonkwo": "Director", "+yuki-tanaka": "Manager / Lead",
                      "+elif-yilmaz": "Individual contributors"}
    assert chart.by_id["+elif-yilmaz"].row == chart.by_id["ravi-shankar"].row
    geometry, _ends = layout_tidy(chart, box)
    for card in chart.cards:
        if card.kind == "rollup":
            top = geometry.boxes[card.id].top
            centre = geometry.rows[card.row]
            assert top <= centre <= geometry.boxes[card.id].bottom, card.id


ORG = ("orgviz: 1\norg: {name: Rows}\npeople:\n"
       "  - {id: ceo, name: Cleo, title: CEO}\n"
       "  - {id: vp, name: Vic, title: VP of Sales, reports_to: ceo}\n"
       "  - {id: dir, name: Dora, title: Director of Sales, reports_to: ceo}\n"
       "  - {id: mgr, name: Max, title: Sales Manager, reports_to: dir}\n"
       "  - {id: a, name: Ann, title: Account Executive, reports_to: vp}\n"
       "  - {id: b, name: Bo, title: Account Executive, reports_to: vp}\n"
       "  - {id: c, name: Cy, title: Account Executive, reports_to: mgr}\n")


def test_a_rollup_of_individual_contributors_skips_the_rows_between(
        org_file: Callable[..., Path]) -> None:
    chart = build_chart(load(org_file(ORG)), View(depth=2))
    assert chart.rows == ("CEO", "VP", "Director", "Manager / Lead",
                          "Individual contributors")
    assert chart.by_id["+vp"].row == 4  # a VP's two account executives: not the Director row
    assert chart.by_id["+dir"].row == 3  # a manager and their report: the Manager row


def test_a_rollup_never_stands_above_the_row_under_its_manager(
        org_file: Callable[..., Path]) -> None:
    text = ORG.replace("title: Sales Manager, reports_to: dir",
                       "title: VP of Sales Operations, reports_to: dir")
    chart = build_chart(load(org_file(text)), View(depth=2))
    rollup = chart.by_id["+dir"]  # a VP under a Director: one row lower, not the VP row
    assert rollup.row == chart.by_id["dir"].row + 1
