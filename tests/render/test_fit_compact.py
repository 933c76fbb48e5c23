"""`--fit W:H` with `--compact auto` lays a tidy chart out for the page's shape (stack depth,
list row and column height) rather than only padding it; an explicit `--compact` is only
padded (docs/rendering.md, Layouts)."""

from __future__ import annotations

import re

import pytest
from renderkit import ORGS, chart_of
from test_tidy_layout import random_org_text

from orgviz.loader import load
from orgviz.render import RenderOptions, render
from orgviz.render import tidylayout as tl
from orgviz.render.convert import svg_size
from orgviz.render.pipeline import READABLE_PX, fit_page

SIXTEEN_NINE = 16 / 9


def teams_text(sizes: tuple[int, ...]) -> str:
    """A CEO with one manager per entry of `sizes`, each with that many engineers."""
    people = ["  - {id: ceo, name: Cleo Ash, title: Chief Executive Officer}"]
    for i, count in enumerate(sizes):
        people.append(f"  - {{id: m{i}, name: Manager {i}, title: Engineering Manager, "
                      f"reports_to: ceo}}")
        people += [f"  - {{id: e{i}x{j}, name: Engineer {i} {j}, title: Software Engineer, "
                   f"reports_to: m{i}}}" for j in range(count)]
    return "orgviz: 1\norg: {name: Teams}\npeople:\n" + "\n".join(people) + "\n"


def fitted_drawing(svg: bytes) -> tuple[float, float, float]:
    """The drawing's (width, height) inside a fitted SVG, and the share of the page it fills
    (`fit_svg` centres the drawing: its viewBox starts at minus the padding)."""
    found = re.search(rb'viewBox="([^"]+)"', svg)
    assert found is not None
    x, y, w, h = (float(v) for v in found.group(1).split())
    width, height = w + 2 * x, h + 2 * y
    return width, height, width * height / (w * h)


def padded_fill(size: tuple[float, float], aspect: float) -> float:
    """The share of a page of shape `aspect` that a drawing of `size` fills, only padded."""
    shape = size[0] / size[1]
    return min(shape / aspect, aspect / shape)


def org_of(text: str, tmp_path):
    path = tmp_path / "org.yaml"
    path.write_text(text, encoding="utf-8")
    return load(path)


@pytest.mark.parametrize(("text", "before_shape"), [
    (teams_text((8, 8)), "tall"),  # two stacks of eight: 0.8:1, padded to 46% of 16:9
    (random_org_text(2, 40), "wide"),  # 2.4:1, padded to 75% (fitted: 91%, not the 97% with
    # titles 7% smaller: fill x title px)
], ids=["tall", "wide"])
def test_a_chart_fills_more_of_a_16_9_page_than_padding_it(tmp_path, text: str,
                                                           before_shape: str) -> None:
    org = org_of(text, tmp_path)
    before = svg_size(render(org, "svg", RenderOptions(), force=True))
    shape = before[0] / before[1]
    assert (shape < SIXTEEN_NINE) if before_shape == "tall" else (shape > SIXTEEN_NINE)
    *_size, fill = fitted_drawing(render(org, "svg", RenderOptions(fit="16:9"), force=True))
    assert fill > padded_fill(before, SIXTEEN_NINE) + 0.15
    assert fill > 0.9


def test_an_explicit_compact_is_only_padded(tmp_path) -> None:
    org = org_of(teams_text((8, 8)), tmp_path)
    for compact in ("off", 1):
        before = svg_size(render(org, "svg", RenderOptions(compact=compact)))
        fitted = render(org, "svg", RenderOptions(compact=compact, fit="16:9"))
        assert fitted_drawing(fitted)[:2] == pytest.approx(before, abs=0.01)


def test_a_portrait_page_gets_a_taller_chart_whose_titles_stay_readable() -> None:
    # The mid-size example, 1.5:1 without --fit, filled 46% of an A4 portrait page.
    org = load(ORGS / "mid-size.yaml")
    before = svg_size(render(org, "svg", RenderOptions()))
    options = RenderOptions(fit="a4-portrait")
    width, height, fill = fitted_drawing(render(org, "svg", options))
    assert fill > padded_fill(before, 210 / 297) + 0.3
    page = fit_page(options)
    assert page is not None and page.width == 2480
    assert tl.TITLE_SIZE * page.width / max(width, page.aspect * height) >= READABLE_PX
    notes: list[str] = []
    render(org, "png", options, notes=notes)
    assert not [note for note in notes if "too small to read" in note]


def fit_choice_of(monkeypatch, pages: dict[int | None, tuple[float, float]],
                  title_px: float | None) -> int | None:
    """The stack depth `fit_choice` picks for a 16:9 page among `pages` (stack depth: drawing
    size, no lists), on a PNG where a 1,600 px wide frame's titles are `title_px` high (None:
    a PNG as wide as the drawing needs)."""
    chart, _theme, _texts, box = chart_of(teams_text((8, 8)))
    tree = tl.TreeInput(chart, box, target=SIXTEEN_NINE)
    monkeypatch.setattr(tl, "_stack_depths", lambda tree: list(pages))
    monkeypatch.setattr(tl.TreeInput, "measure_stacked", lambda self, rows: pages[rows])
    monkeypatch.setattr(tl, "choose_compact", lambda tree, compact: (None, None))
    monkeypatch.setattr(tl.TreeInput, "floor_frame", lambda self, row: float("inf"))
    width = None if title_px is None else 1600 * title_px / tl.TITLE_SIZE
    return tl.fit_choice(tree, tl.PageFit(SIXTEEN_NINE, width)).stack_rows


def test_a_fuller_page_may_not_cost_more_than_a_tenth_of_the_title_height(monkeypatch) -> None:
    # Two pages: one fills a 16:9 page, one is square with larger titles (its 16:9 frame is
    # 1,422 wide, not 1,600: the full page's titles are 11% smaller). Where neither is
    # readable (5 and 5.6 px) and where both are (7 and 7.9 px), the larger titles win.
    pages = {1: (1600.0, 900.0), None: (800.0, 800.0)}
    assert fit_choice_of(monkeypatch, pages, 5) is None
    assert fit_choice_of(monkeypatch, pages, 7) is None
    # A page as full, titles 9% smaller than the square's (7.2 px): within the share.
    pages[2] = (1560.0, 877.5)
    assert fit_choice_of(monkeypatch, pages, 7) == 2


def test_within_the_share_the_largest_fill_times_title_height_wins(monkeypatch) -> None:
    # 97% of the page at 7 px (6.79) against 93% at 7.5 px (6.98): 4% more fill is not
    # worth titles 7% smaller.
    pages = {1: (1600.0, 873.0), None: (1493.3, 781.2)}
    assert fit_choice_of(monkeypatch, pages, 7) is None


def test_without_a_png_width_the_fullest_page_wins(monkeypatch) -> None:
    # Every page's titles are then as large as they need (infinite px): fill decides, not
    # the order the pages were tried in (the square page is tried first).
    pages = {None: (800.0, 800.0), 1: (1600.0, 900.0)}
    assert fit_choice_of(monkeypatch, pages, None) == 1


def test_a_random_org_keeps_its_titles_within_the_share(tmp_path, monkeypatch) -> None:
    # Filling most of the page first drew this org's titles at 6.0 px (99% of a 16:9 page)
    # where another page had them 6.85 px high (93%).
    org = org_of(random_org_text(8, 60), tmp_path)
    tried: list[float] = []
    title_px = tl._title_px

    def recorded(size: tuple[float, float], page: tl.PageFit) -> float:
        tried.append(title_px(size, page))
        return tried[-1]

    monkeypatch.setattr(tl, "_title_px", recorded)
    options = RenderOptions(fit="16:9")
    width, height, _fill = fitted_drawing(render(org, "svg", options, force=True))
    page = fit_page(options)
    assert page is not None and page.width is not None
    drawn = tl.TITLE_SIZE * page.width / max(width, page.aspect * height)
    largest = max(px for px in tried if px >= READABLE_PX)
    assert largest == pytest.approx(6.85, abs=0.01)
    assert drawn >= largest * (1 - tl.TITLE_GIVE)


@pytest.mark.parametrize(("name", "fit", "drawing", "fills", "titles"), [
    ("small", "16:9", (1758, 900), 91, 12.0),
    ("small", "4:3", (1404, 1028), 98, 12.5),
    ("small", "a4-portrait", (1204, 1092), 64, 22.7),
    ("mid-size", "16:9", (3432, 2225), 87, 5.3),
    ("mid-size", "4:3", (3172, 2272), 96, 5.5),
    ("mid-size", "a4-portrait", (2618, 2988), 81, 10.4),
    ("enterprise", "16:9", (8318, 4558), 97, 2.5),
    ("enterprise", "4:3", (6882, 5152), 100, 2.6),
    ("enterprise", "a4-portrait", (5344, 7817), 97, 4.9),
    ("enterprise --depth 3", "16:9", (3002, 1694), 100, 7.0),
    ("enterprise --depth 3", "4:3", (2894, 1800), 83, 6.1),
    ("enterprise --depth 3", "a4-portrait", (2894, 1801), 44, 9.4),
])
def test_the_example_orgs_fit_as_the_docs_table_says(name: str, fit: str,
                                                     drawing: tuple[int, int], fills: int,
                                                     titles: float) -> None:
    # docs/rendering.md, "Fitted to a page": drawing (SVG px), share of the page, title px.
    org, _, depth = name.partition(" --depth ")
    options = RenderOptions(fit=fit, depth=int(depth) if depth else None)
    width, height, fill = fitted_drawing(render(load(ORGS / f"{org}.yaml"), "svg", options))
    page = fit_page(options)
    assert page is not None and page.width is not None
    assert (round(width), round(height)) == pytest.approx(drawing, abs=1)
    assert round(fill * 100) == fills
    assert round(tl.TITLE_SIZE * page.width / max(width, page.aspect * height), 1) == titles


def test_the_choice_is_the_same_every_time(tmp_path) -> None:
    org = org_of(random_org_text(8, 60), tmp_path)
    options = RenderOptions(fit="4:3")
    assert render(org, "svg", options, force=True) == render(org, "svg", options, force=True)
