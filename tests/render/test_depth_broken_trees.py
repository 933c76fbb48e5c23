"""`--depth` with `--force`: a tree whose top has a broken reporting line (its manager unknown,
itself, or cut out of a cycle) collapses below the depth as the org's own tree does, its lone
report included; and no two rows carry one level's label (a card pushed below its level's row,
an individual contributor under another, leaves that row unlabelled)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from orgviz.loader import load
from orgviz.render.chart import Chart, View, build_chart

HEAD = ("orgviz: 1\norg: {name: Broken trees, size: small}\npeople:\n"
        "  - {id: ceo, name: Cleo Chief, title: CEO}\n"
        "  - {id: vp, name: Vic Vale, title: VP of Sales, reports_to: ceo}\n"
        "  - {id: a1, name: Ann Archer, title: Account Executive, reports_to: vp}\n"
        "  - {id: a2, name: Bo Baker, title: Account Executive, reports_to: vp}\n")
#: Uma's manager is not in the org; her one report has nobody below him.
UNKNOWN = HEAD + ("  - {id: u1, name: Uma Ugo, title: Engineer, reports_to: ghost}\n"
                  "  - {id: u2, name: Uli Ung, title: Engineer, reports_to: u1}\n")
#: Ray and Rae report to each other (the cycle is cut above Ray, first in the file).
CYCLE = HEAD + ("  - {id: r1, name: Ray Reed, title: Account Executive, reports_to: r2}\n"
                "  - {id: r2, name: Rae Rowe, title: Account Executive, reports_to: r1}\n")
#: Sol reports to himself; his one report has nobody below her.
SELF = HEAD + ("  - {id: s1, name: Sol Self, title: Director of Sales, reports_to: s1}\n"
               "  - {id: s2, name: Sue Sim, title: Account Executive, reports_to: s1}\n")
BROKEN = [pytest.param(UNKNOWN, "u1", "u2", id="unknown-manager"),
          pytest.param(CYCLE, "r1", "r2", id="cycle"),
          pytest.param(SELF, "s1", "s2", id="self-report")]


def labelled(chart: Chart) -> list[str]:
    return [label for label in chart.rows if label]


@pytest.mark.parametrize("text, top, report", BROKEN)
def test_depth_one_collapses_a_broken_tree_below_its_top(
        org_file: Callable[..., Path], text: str, top: str, report: str) -> None:
    chart = build_chart(load(org_file(text)), View(depth=1))
    assert chart.by_id[top].manager is None
    assert report not in chart.by_id  # (it stood below as its own card, a row further down)
    rollup = chart.by_id["+" + top]
    assert (rollup.kind, rollup.name, rollup.manager) == ("rollup", "+1 person", top)
    drawn = [card.id for card in chart.cards if card.kind == "person"]
    assert sorted(drawn) == sorted(["ceo", top])
    found = labelled(chart)
    assert len(found) == len(set(found)), chart.rows


def test_deeper_a_broken_tree_collapses_as_the_depth_says(
        org_file: Callable[..., Path]) -> None:
    text = UNKNOWN + "  - {id: u3, name: Una Ulm, title: Engineer, reports_to: u2}\n"
    chart = build_chart(load(org_file(text)), View(depth=2))
    assert "u3" not in chart.by_id and chart.by_id["+u2"].name == "+1 person"
    assert chart.by_id["u2"].manager == "u1"


@pytest.mark.parametrize("depth", [None, 1])
@pytest.mark.parametrize("text, top, report", BROKEN)
def test_no_two_rows_share_a_level_label(org_file: Callable[..., Path], text: str, top: str,
                                         report: str, depth: int | None) -> None:
    # (--force: Uli Ung under Uma Ugo, Rae Rowe under Ray Reed, both individual contributors,
    # stood in a second row labelled "Individual contributors", at --depth 1 too)
    chart = build_chart(load(org_file(text)), View(depth=depth))
    found = labelled(chart)
    assert len(found) == len(set(found)), chart.rows
    pushed, boss = chart.by_id.get(report), chart.by_id[top]
    if pushed is not None and boss.band is not None and pushed.band is not None and (
            boss.band >= pushed.band):  # under a manager of its level: a row lower, unlabelled
        assert pushed.row == boss.row + 1 and chart.rows[pushed.row] == ""


def test_a_sound_trees_lone_report_is_still_drawn_at_the_cut(
        org_file: Callable[..., Path]) -> None:
    text = HEAD + "  - {id: v2, name: Val Voss, title: VP of Marketing, reports_to: ceo}\n" \
                  "  - {id: m1, name: Mo Marsh, title: Marketing Analyst, reports_to: v2}\n"
    org = load(org_file(text))
    chart = build_chart(org, View(root="v2", depth=1))  # (a view's root names a manager too)
    assert [card.id for card in chart.cards] == ["v2", "m1"]
    assert build_chart(org, View(root="vp", depth=1)).by_id["+vp"].name == "+2 people"
