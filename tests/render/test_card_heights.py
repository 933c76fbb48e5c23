"""Card heights by row: a tall title grows its own level row or stack, not every card of the
chart; connectors still meet the cards; a slide's level bands stay off the image's edges."""

from __future__ import annotations

import itertools
from collections import defaultdict

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from renderkit import chart_of

from orgviz.render.cards import GAP, TEAM_LINE, TITLE_LINE, card_box, chart_texts, lines_height
from orgviz.render.chart import Chart
from orgviz.render.geometry import Box, Geometry
from orgviz.render.svg import draw_svg
from orgviz.render.tidylayout import layout_tidy

LONG = "Principal Staff Engineer, Platform Reliability and Developer Productivity Tooling"
# A card with one name line and one title line (these orgs have no teams: no team line)
BASE = lines_height(1, 1, 0, team_line=False)


def org_text(ic_title: str = "Engineer", vp_title: str = "VP") -> str:
    """A CEO, three VPs (the first with `vp_title`), each with three engineers (the first
    VP's first engineer titled `ic_title`)."""
    lines = ["orgviz: 1", "org: {name: Heights}", "people:",
             "  - {id: ceo, name: Cee, title: CEO}"]
    for v in range(3):
        title = vp_title if v == 0 else "VP"
        lines.append(f"  - {{id: v{v}, name: Vee {v}, title: '{title}', role: vp, "
                     f"reports_to: ceo}}")
        for e in range(3):
            title = ic_title if (v, e) == (0, 0) else "Engineer"
            lines.append(f"  - {{id: e{v}{e}, name: Eve {v}{e}, title: '{title}', "
                         f"role: ic, reports_to: v{v}}}")
    return "\n".join(lines) + "\n"


def laid_out(text: str, direction: str = "TB") -> tuple[Chart, Geometry]:
    chart, _theme, _texts, box = chart_of(text, direction=direction)
    return chart, layout_tidy(chart, box, "off")[0]


def heights(geometry: Geometry, ids: list[str]) -> set[float]:
    return {geometry.boxes[i].h for i in ids}


def test_a_tall_title_in_a_stack_grows_that_stack_only() -> None:
    _chart, geometry = laid_out(org_text(ic_title=LONG))
    tall = lines_height(1, 3, 0, team_line=False)
    assert tall == BASE + 2 * TITLE_LINE
    assert heights(geometry, ["e00", "e01", "e02"]) == {tall}  # the stack shares its height
    assert heights(geometry, ["e10", "e11", "e12", "e20", "e21", "e22"]) == {BASE}
    assert heights(geometry, ["ceo", "v0", "v1", "v2"]) == {BASE}
    # the stack stays a column of equal cards, one STACK_GAP apart
    tops = sorted(geometry.boxes[i].top for i in ["e00", "e01", "e02"])
    assert [b - a for a, b in itertools.pairwise(tops)] == [tall + 14.0] * 2


def test_a_tall_title_of_a_manager_grows_its_level_row_only() -> None:
    _chart, geometry = laid_out(org_text(vp_title=LONG))
    tall = lines_height(1, 3, 0, team_line=False)
    assert heights(geometry, ["v0", "v1", "v2"]) == {tall}  # the row keeps one height
    assert heights(geometry, ["ceo"]) == {BASE}
    assert heights(geometry, [f"e{v}{e}" for v in range(3) for e in range(3)]) == {BASE}
    tops = {geometry.boxes[i].top for i in ["v0", "v1", "v2"]}
    assert len(tops) == 1  # ... and its cards stand on one line


def test_the_dot_layouts_card_size_is_still_the_tallest_card() -> None:
    _chart, _theme, _texts, box = chart_of(org_text(ic_title=LONG))
    assert box.height == lines_height(1, 3, 0, team_line=False)
    assert box.own_height("e00") == box.height and box.own_height("e11") == BASE
    assert box.own_height("not-a-card") == box.height


def test_card_box_is_a_dictionary_key_by_its_content() -> None:
    chart, _theme, texts, _box = chart_of(org_text(ic_title=LONG))
    first, second = card_box(texts), card_box(chart_texts(chart))
    assert first == second and hash(first) == hash(second)
    assert {first: 1}[second] == 1
    other = card_box(chart_of(org_text())[2])
    assert other != first


def test_a_tall_title_no_longer_makes_the_whole_chart_taller() -> None:
    _chart, plain = laid_out(org_text())
    _chart, one_tall = laid_out(org_text(ic_title=LONG))
    # only the tall stack's three cards grow: the drawing grows by at most their growth
    assert one_tall.height <= plain.height + 3 * 2 * TITLE_LINE + 0.01
    assert sum(b.h for b in one_tall.boxes.values()) == pytest.approx(
        sum(b.h for b in plain.boxes.values()) + 3 * 2 * TITLE_LINE)


def test_an_assistant_is_as_tall_as_its_manager_and_its_title_counts() -> None:
    text = org_text() + (f"  - {{id: pa, name: Pat, title: '{LONG}', assistant: true, "
                         f"reports_to: ceo}}\n")
    _chart, geometry = laid_out(text)
    tall = lines_height(1, 3, 0, team_line=False)
    assert geometry.boxes["pa"].h == geometry.boxes["ceo"].h == tall
    assert geometry.boxes["pa"].top == geometry.boxes["ceo"].top


def _on_edge(point: tuple[float, float], box: Box) -> bool:
    x, y = point
    inside_x = box.left - 0.01 <= x <= box.right + 0.01
    inside_y = box.top - 0.01 <= y <= box.bottom + 0.01
    on_x = abs(x - box.left) < 0.02 or abs(x - box.right) < 0.02
    on_y = abs(y - box.top) < 0.02 or abs(y - box.bottom) < 0.02
    return (inside_x and on_y) or (inside_y and on_x)


@st.composite
def random_orgs(draw: st.DrawFn) -> str:
    """Random trees whose people have titles of one to three lines."""
    count = draw(st.integers(2, 40))
    words = ["Engineer", "Senior Product Manager, Clinical Operations",
             "Principal Engineer, Platform Reliability and Developer Tooling Group"]
    lines = ["orgviz: 1", "org: {name: Random}", "people:"]
    for i in range(count):
        title = draw(st.sampled_from(words))
        boss = f", reports_to: p{draw(st.integers(0, i - 1))}" if i else ""
        lines.append(f"  - {{id: p{i}, name: P {i}, title: '{title}'{boss}}}")
    return "\n".join(lines) + "\n"


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=random_orgs(), direction=st.sampled_from(["TB", "LR"]),
       compact=st.sampled_from(["off", "auto", 1, 2]))
def test_rows_and_stacks_share_heights_and_lines_meet_the_cards(
        text: str, direction: str, compact: str | int) -> None:
    chart, _theme, _texts, box = chart_of(text, direction=direction)
    geometry, ends = layout_tidy(chart, box, compact)
    boxes = geometry.boxes
    for card_id, where in boxes.items():  # every card holds its own lines
        assert where.h >= box.own_height(card_id) - 0.01
        assert where.h <= box.height + 0.01
    for line, (boss, report) in zip(geometry.lines, ends, strict=True):
        if line.kind != "solid":
            continue
        assert _on_edge(line.points[0], boxes[boss]), (boss, line.points)
        assert _on_edge(line.points[-1], boxes[report]), (report, line.points)
    # a manager's leaf reports that stand in one column share a height
    for manager, reports in chart.reports.items():
        leaves = [r for r in reports if not chart.reports.get(r)
                  and not chart.by_id[r].assistant]
        columns: dict[float, set[float]] = defaultdict(set)
        for r in leaves:
            columns[round(boxes[r].left, 1)].add(boxes[r].h)
        if len(leaves) >= 2:
            assert all(len(found) == 1 for found in columns.values()), (manager, columns)


def test_layout_is_deterministic_with_mixed_heights() -> None:
    chart, _theme, _texts, box = chart_of(org_text(ic_title=LONG, vp_title=LONG))
    first = layout_tidy(chart, box)[0]
    again = layout_tidy(chart, box)[0]
    assert first == again


def test_level_bands_follow_their_rows_height() -> None:
    chart, theme, texts, box = chart_of(org_text(ic_title=LONG))
    geometry = layout_tidy(chart, box, "off")[0]
    assert geometry.row_sizes is not None
    assert geometry.row_size(0, -1.0) == BASE  # the CEO's row: not the tallest card's height
    svg = draw_svg(chart, geometry, texts, box, theme).decode()
    assert f'height="{BASE + 20:g}" rx="6"' in svg  # its band: the row and 10 px either side


@pytest.mark.parametrize("theme_name", ["print", "light"])
def test_a_slides_level_bands_stop_short_of_the_images_edges(theme_name: str) -> None:
    """`orgviz deck` draws its charts with an 8 px margin and no header: the first row's band
    (10 px past its cards) reached 2 px past the image's top edge, the last row's past its
    bottom, so the edge pixels came out grey in print."""
    import re

    from orgviz.render.convert import svg_size
    from orgviz.render.themes import get_theme

    text = org_text() + "".join(
        f"  - {{id: x{e}, name: Ex {e}, title: Engineer, role: ic, reports_to: e00}}\n"
        for e in range(2))  # three level rows below the CEO: the last one has a band
    chart, _theme, texts, box = chart_of(text)
    geometry = layout_tidy(chart, box, "off")[0]
    theme = get_theme(theme_name)
    svg = draw_svg(chart, geometry, texts, box, theme, header=False, margin=8.0)
    _width, height = svg_size(svg)
    bands = [tuple(map(float, found)) for found in re.findall(
        rb'<rect x="([-\d.]+)" y="([-\d.]+)" width="([\d.]+)" height="([\d.]+)" rx="6"', svg)]
    assert len(bands) >= 2
    for _x, y, _w, h in bands:
        assert y >= 4.0 - 0.01 and y + h <= height - 4.0 + 0.01, (y, h, height)
    png = _png(svg)
    if png is None:
        return
    from io import BytesIO

    from PIL import Image

    image = Image.open(BytesIO(png)).convert("RGB")
    background = tuple(int(theme.background[i:i + 2], 16) for i in (1, 3, 5))
    for row in (0, image.height - 1):
        assert {image.getpixel((x, row)) for x in range(image.width)} == {background}


def _png(svg: bytes) -> bytes | None:
    """The SVG as PNG with resvg, or None when resvg is not installed."""
    from orgviz.render.convert import _resvg

    resvg = _resvg()
    if resvg is None:
        return None
    from orgviz.render.convert import svg_to_png

    return svg_to_png(svg)


def test_cards_of_an_org_without_teams_have_no_blank_team_line() -> None:
    """A chart where no card has a team (or a dotted-line note) leaves out the team line's
    room below the title (the cards were 16 px blank at the bottom); one team on one card
    gives every card of the chart that room back, as before."""
    _chart, geometry = laid_out(org_text())
    assert heights(geometry, ["ceo", "v0", "e00"]) == {BASE} == {
        lines_height(1, 1, 0) - TEAM_LINE - GAP}
    with_a_team = org_text().replace("title: CEO}", "title: CEO, team: exec}") + (
        "teams:\n  - {id: exec, name: Executive}\n")
    _chart, geometry = laid_out(with_a_team)
    assert heights(geometry, ["ceo", "v0", "e00"]) == {lines_height(1, 1, 0)}
    chart, theme, texts, box = chart_of(org_text())
    svg = draw_svg(chart, layout_tidy(chart, box, "off")[0], texts, box, theme).decode()
    assert svg.count(f'<rect width="196" height="{BASE:g}" rx="7"') == 13  # the cards, so
