"""Fixtures of the rendering tests."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from renderkit import SMALL

from orgviz.loader import load
from orgviz.model import Org


@pytest.fixture
def small_org(org_file: Callable[..., Path]) -> Org:
    """A small valid org with every kind of card and line."""
    return load(org_file(SMALL))


#: The real public exports beside the project (skipped when absent).
SHARED_DATA = Path(__file__).resolve().parents[3] / "shared" / "data"


@pytest.fixture(scope="session")
def home_office_dot() -> tuple[Any, Any, Any]:
    """The UK Home Office organogram with its junior posts merged (1,030 positions), laid
    out by system `dot`: (chart, geometry, plan), made once for the tests that read it."""
    from orgviz.io.csvimport import ImportOptions, import_csv
    from orgviz.render.cards import card_box, chart_texts
    from orgviz.render.chart import View, build_chart
    from orgviz.render.dotlayout import layout_dot
    from orgviz.render.engines import pick_engine
    from orgviz.render.themes import THEMES

    org = import_csv(SHARED_DATA / "uk-home-office-2012-09-30-senior.csv", ImportOptions(
        keep_going=True, junior=str(SHARED_DATA / "uk-home-office-2012-09-30-junior.csv"))).org
    chart = build_chart(org, View())
    geometry, plan = layout_dot(chart, card_box(chart_texts(chart)), THEMES["light"],
                                pick_engine("system"), 120.0)
    return chart, geometry, plan
