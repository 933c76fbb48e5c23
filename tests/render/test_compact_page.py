"""`--compact auto` weighs each layout by the page the SVG draws around it: the margins and
header, and the level labels' column (left to right: row) and the bands' ends only when a
row is labelled and, for the bands, drawn (not --transparent)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from orgviz.loader import load
from orgviz.render import RenderOptions, render
from orgviz.render import tidylayout as tl
from orgviz.render.convert import svg_size
from orgviz.render.pipeline import build
from orgviz.render.svg import draw_svg

#: Titles of each row: with a level each (every row labelled), with none (no row labelled),
#: or a top without a level over levelled rows (labelled only below the top).
TITLES = {"levels": ("Chief Executive Officer", "Engineering Manager", "Software Engineer"),
          "none": ("Wizard", "Wizard", "Wizard"),
          "below": ("Wizard", "Engineering Manager", "Software Engineer")}


def org_text(reports: tuple[int, ...], titles: tuple[str, str, str]) -> str:
    """A CEO with one manager per entry of `reports`, each with that many reports."""
    boss, manager, report = titles
    people = f"  - {{id: ceo, name: Boss, title: {boss}}}\n"
    for i, count in enumerate(reports):
        people += f"  - {{id: m{i}, name: Manager {i}, title: {manager}, reports_to: ceo}}\n"
        people += "".join(f"  - {{id: e{i}x{j}, name: Report {i} {j}, title: {report}, "
                          f"reports_to: m{i}}}\n" for j in range(count))
    return "orgviz: 1\norg: {name: Pages, size: small}\npeople:\n" + people


@pytest.mark.parametrize("direction", ["TB", "LR"])
@pytest.mark.parametrize("titles", sorted(TITLES))
@pytest.mark.parametrize("transparent", [False, True])
@pytest.mark.parametrize("compact", ["off", 1])
def test_the_page_a_layout_is_weighed_by_is_the_page_drawn(
        org_file: Callable[..., Path], direction: str, titles: str, transparent: bool,
        compact: str | int) -> None:
    org = load(org_file(org_text((3, 3, 3, 2), TITLES[titles])))
    options = RenderOptions(direction=direction, transparent=transparent).verified()
    chart, theme, texts, box = build(org, options)
    tree = tl.TreeInput(chart, box, transparent)
    choice = tl.choose_compact(tree, compact)
    geometry = tl.geometry_of(chart, box, tree, tree.layout(*choice), choice[0])[0]
    drawn = svg_size(draw_svg(chart, geometry, texts, box, theme, transparent))
    # (a top-down page without labels was counted 128 px wider: the label column and the
    # bands' end; left to right 98 to 118 px wider, the labels' row (30 px) not counted)
    assert tree.measure(*choice) == pytest.approx(drawn, abs=0.01)


def auto_rows(org_path: Path, direction: str) -> set[int]:
    """The level rows `--compact auto` keeps as a tree (as drawn: their bands' rows)."""
    chart, _theme, _texts, box = build(load(org_path), RenderOptions(direction=direction))
    return set(tl.layout_tidy(chart, box)[0].rows)


def page(org_path: Path, direction: str, compact: str | int) -> tuple[float, float]:
    """The size of the SVG page drawn with `compact`."""
    return svg_size(render(load(org_path), "svg", RenderOptions(direction=direction,
                                                                compact=compact)))


def frame(size: tuple[float, float]) -> float:
    """The width of the smallest 16:9 frame around a page."""
    return max(size[0], tl.TARGET_ASPECT * size[1])


def test_an_unlabelled_top_down_chart_that_fits_is_not_listed(
        org_file: Callable[..., Path]) -> None:
    """Its tree's page is 2.17 times as wide as tall (at most MAX_ASPECT: no lists); counted
    with the label column and bands' end it drew no (128 px), it was 2.3, and was listed."""
    path = org_file(org_text((3, 3, 3, 0, 0), TITLES["none"]))
    width, height = page(path, "TB", "off")
    assert width / height <= tl.MAX_ASPECT
    assert auto_rows(path, "TB") == {0, 1, 2}


def test_an_unlabelled_top_down_chart_as_small_as_listed_is_not_listed(
        org_file: Callable[..., Path]) -> None:
    """Its tree's page is too wide, but its frame is within FRAME_TIE of the listed one's
    (934 against 928 px): the tree stays. Counted 128 px wider it lost by 9%, and was
    listed."""
    path = org_file(org_text((1, 1, 1, 0, 0), TITLES["none"]))
    tree = page(path, "TB", "off")
    assert tree[0] / tree[1] > tl.MAX_ASPECT
    assert frame(tree) <= frame(page(path, "TB", 1)) * (1 + tl.FRAME_TIE)
    assert auto_rows(path, "TB") == {0, 1, 2}


@pytest.mark.parametrize("reports", [(2, 2, 2, 2), (3, 3, 2)])
def test_an_unlabelled_portrait_chart_left_to_right_is_listed(
        org_file: Callable[..., Path], reports: tuple[int, ...]) -> None:
    """Left to right, its tree's page is portrait, its frame more than FRAME_TIE bigger
    than the listed one's: people are listed (left to right, leaves only: every row keeps
    its column). Its page counted 118 px wider (a label column left to right draws none)
    and 22 px shorter looked landscape, and was kept."""
    path = org_file(org_text(reports, TITLES["none"]))
    tree = page(path, "LR", "off")
    assert tree[0] < tree[1]
    assert frame(page(path, "LR", 1)) * (1 + tl.FRAME_TIE) < frame(tree)
    chart, _theme, _texts, box = build(load(path), RenderOptions(direction="LR"))
    assert tl.choose_compact(tl.TreeInput(chart, box), "auto")[0] is not None
    assert auto_rows(path, "LR") == {0, 1, 2}
