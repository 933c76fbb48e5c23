"""The `dot` layout follows the tidy layout's one-row rule (`tidylayout.one_row_fits`): a
small top-down org whose leaf reports fit one row on a slide stands them in that row, not
on stacks (the imported Chinook sample's five individual contributors were stacked three
and two deep by dot, in one row by tidy)."""

from __future__ import annotations

from pathlib import Path

import pytest
from renderkit import ENGINES, ORGS, SMALL_TEAMS, chart_of

from orgviz.loader import load
from orgviz.render import RenderOptions
from orgviz.render.chart import Chart
from orgviz.render.dotlayout import layout_dot
from orgviz.render.engines import pick_engine
from orgviz.render.pipeline import build
from orgviz.render.tidylayout import layout_tidy

SHARED_DATA = Path(__file__).resolve().parents[3] / "shared" / "data"




def leaf_tops(chart: Chart, boxes: dict) -> set[float]:
    """The tops of the cards of people with no reports."""
    return {round(boxes[card.id].top, 1) for card in chart.cards if not chart.reports[card.id]}


def dot_laid_out(chart, theme, box, engine: str):
    """The chart as `orgviz render --layout dot` lays it out (lists and all), and its plan."""
    return layout_dot(chart, box, theme, pick_engine(engine), 120.0, lists=True)


@pytest.mark.parametrize("engine", ENGINES)
def test_a_small_orgs_leaf_reports_stand_in_one_row_as_the_tidy_layouts(engine: str) -> None:
    chart, theme, _texts, box = chart_of(SMALL_TEAMS)
    geometry, plan = dot_laid_out(chart, theme, box, engine)
    assert plan.spines == ()
    assert len(leaf_tops(chart, geometry.boxes)) == 1
    assert len(leaf_tops(chart, layout_tidy(chart, box)[0].boxes)) == 1  # (the rule's)
    # in file order, left to right, each under its manager's line
    leaves = ["s1", "s2", "s3", "i1", "i2"]
    lefts = [geometry.boxes[leaf].left for leaf in leaves]
    assert lefts == sorted(lefts)
    for leaf in leaves:
        into = [line for line in geometry.lines if line.kind == "solid"
                and abs(line.points[-1][1] - geometry.boxes[leaf].top) < 0.01]
        assert any(geometry.boxes[leaf].left < line.points[-1][0] < geometry.boxes[leaf].right
                   for line in into), leaf


@pytest.mark.parametrize("engine", ENGINES)
def test_the_deck_and_the_standalone_dot_keep_their_stacks(engine: str) -> None:
    # (the rule is render's "auto" choice: the deck stacks as its slides need, and the
    # stand-alone DOT is drawn by Graphviz without the tidy layout's choices)
    chart, theme, _texts, box = chart_of(SMALL_TEAMS)
    assert layout_dot(chart, box, theme, pick_engine(engine), 120.0)[1].spines


@pytest.mark.parametrize("engine", ENGINES)
def test_leaf_reports_that_would_not_fit_a_slide_in_a_row_stay_stacked(engine: str) -> None:
    # orgs/small.yaml: its 14 leaf reports in one row would be 3,792 px wide
    chart, theme, _texts, box = build(load(ORGS / "small.yaml"), RenderOptions())
    geometry, plan = dot_laid_out(chart, theme, box, engine)
    assert plan.spines
    assert len(leaf_tops(chart, geometry.boxes)) > 1


@pytest.mark.parametrize("engine", ENGINES)
def test_left_to_right_a_small_org_keeps_its_blocks(engine: str) -> None:
    chart, theme, _texts, box = chart_of(SMALL_TEAMS, direction="LR")
    assert dot_laid_out(chart, theme, box, engine)[1].blocks


@pytest.mark.shared_data
@pytest.mark.skipif(not SHARED_DATA.is_dir(), reason="../shared/data is absent")
@pytest.mark.parametrize("engine", ENGINES)
def test_the_imported_chinook_sample_stands_its_five_reports_in_one_row(engine: str) -> None:
    from orgviz.io.csvimport import import_csv
    from orgviz.render.cards import card_box, chart_texts
    from orgviz.render.chart import View, build_chart
    from orgviz.render.themes import get_theme

    org = import_csv(SHARED_DATA / "chinook-employees.csv").org
    theme = get_theme("light")
    chart = build_chart(org, View(), theme)
    box = card_box(chart_texts(chart))
    geometry, plan = dot_laid_out(chart, theme, box, engine)
    assert plan.spines == ()
    assert len(leaf_tops(chart, geometry.boxes)) == 1
