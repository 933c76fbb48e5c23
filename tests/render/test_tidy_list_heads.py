"""Top-down, a chart's listed reports of a manager laid out in a row stand in columns each
headed by a report with people of its own: no report of that manager stands under another's
subtree, at its indent, where it read as one of that report's people."""

from __future__ import annotations

from renderkit import ORGS

from orgviz.loader import load
from orgviz.render import RenderOptions
from orgviz.render.pipeline import build
from orgviz.render.tidylayout import TreeInput, choose_compact, layout_tidy


def test_the_enterprise_overviews_ceo_reports_each_head_their_column() -> None:
    # (before: the General Counsel and the Chief of Staff to the CEO stood in the Chief
    # People Officer's column, under his people, on the CEO's trunk beside his)
    chart, _theme, _texts, box = build(load(ORGS / "enterprise.yaml"), RenderOptions(depth=3))
    tree = TreeInput(chart, box)
    assert choose_compact(tree, "auto")[0] == 1  # the CEO's reports are listed
    boxes = layout_tidy(chart, box)[0].boxes
    ceo = chart.roots[0]
    heads = [k for k in chart.reports[ceo] if chart.reports.get(k)]
    assert "nadia-chaudhry" in heads and "alessia-asante" in chart.reports[ceo]
    tops = {boxes[k].top for k in chart.reports[ceo]}
    assert len(tops) == 1  # every report of the CEO heads a column, on one line
    for head in heads:
        where = boxes[head]
        for other in chart.reports[ceo]:
            if other != head:
                assert not where.left <= boxes[other].left < where.right, (head, other)
    lines = {tuple(c.points) for c in layout_tidy(chart, box)[0].lines}
    for report in ("nadia-chaudhry", "alessia-asante"):  # off the CEO's bus, straight down
        end = (boxes[report].left, boxes[report].y)
        line = next(points for points in lines if points[-1] == end)
        assert line[0][1] == boxes[ceo].bottom and line[1][1] < boxes[report].top
