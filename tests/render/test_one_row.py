"""`--compact auto` stands a small org's leaf reports in one row when that row fits a
slide at full size (ONE_ROW_PAGE), rather than stacking them: the imported Chinook sample
(8 people) stacked its five individual contributors three and two deep."""

from __future__ import annotations

from pathlib import Path

import pytest
from renderkit import ORGS, SMALL_TEAMS, chart_of

from orgviz.loader import load
from orgviz.render import RenderOptions
from orgviz.render import tidylayout as tl
from orgviz.render.pipeline import build

SHARED_DATA = Path(__file__).resolve().parents[3] / "shared" / "data"




def leaf_tops(chart, box, **layout: object) -> set[float]:
    """The tops of the cards of people with no reports, as the tidy layout draws them."""
    geometry = tl.layout_tidy(chart, box, **layout)[0]  # type: ignore[arg-type]
    return {round(geometry.boxes[card.id].y, 2) for card in chart.cards
            if not chart.reports[card.id]}


def test_a_small_orgs_leaf_reports_stand_in_one_row() -> None:
    chart, _theme, _texts, box = chart_of(SMALL_TEAMS)
    assert len(leaf_tops(chart, box)) == 1
    assert len(leaf_tops(chart, box, compact="off")) == 3  # (asked for: stacked as before)


def test_leaf_reports_that_would_not_fit_a_slide_in_a_row_stay_stacked() -> None:
    # orgs/small.yaml: its 14 leaf reports in one row would be 3,792 px wide
    chart, _theme, _texts, box = build(load(ORGS / "small.yaml"), RenderOptions())
    assert tl.TreeInput(chart, box).measure_stacked(1)[0] > tl.ONE_ROW_PAGE[0]
    assert len(leaf_tops(chart, box)) > 1


def test_left_to_right_charts_keep_their_stacks() -> None:
    chart, _theme, _texts, box = chart_of(SMALL_TEAMS, direction="LR")
    assert not tl.one_row_fits(tl.TreeInput(chart, box))


@pytest.mark.shared_data
@pytest.mark.skipif(not SHARED_DATA.is_dir(), reason="../shared/data is absent")
def test_the_imported_chinook_sample_stands_its_five_reports_in_one_row() -> None:
    from orgviz.io.csvimport import import_csv
    from orgviz.render.cards import card_box, chart_texts
    from orgviz.render.chart import View, build_chart
    from orgviz.render.themes import get_theme

    org = import_csv(SHARED_DATA / "chinook-employees.csv").org
    chart = build_chart(org, View(), get_theme("light"))
    box = card_box(chart_texts(chart))
    assert len(leaf_tops(chart, box)) == 1
