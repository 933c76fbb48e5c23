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
    (random_org_text(2, 40), "wide"),  # 2.4:1, padded to 75%
], ids=["tall", "wide"])
def test_a_chart_fills_more_of_a_16_9_page_than_padding_it(tmp_path, text: str,
                                                           before_shape: str) -> None:
    org = org_of(text, tmp_path)
    before = svg_size(render(org, "svg", RenderOptions(), force=True))
    shape = before[0] / before[1]
    assert (shape < SIXTEEN_NINE) if before_shape == "tall" else (shape > SIXTEEN_NINE)
    *_size, fill = fitted_drawing(render(org, "svg", RenderOptions(fit="16:9"), force=True))
    assert fill > padded_fill(before, SIXTEEN_NINE) + 0.2
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


def test_without_a_readable_page_the_largest_titles_win(monkeypatch) -> None:
    # Two pages: one fills a 16:9 page, one is square with larger titles (its 16:9 frame is
    # 1,422 wide, not 1,600); where neither is readable (5 and 5.6 px), the larger titles
    # win; where both are (7 and 7.9 px), the fuller page.
    chart, _theme, _texts, box = chart_of(teams_text((8, 8)))
    tree = tl.TreeInput(chart, box, target=SIXTEEN_NINE)
    pages = {1: (1600.0, 900.0), None: (800.0, 800.0)}
    monkeypatch.setattr(tl, "_stack_depths", lambda tree: [1, None])
    monkeypatch.setattr(tl.TreeInput, "measure_stacked", lambda self, rows: pages[rows])
    monkeypatch.setattr(tl, "choose_compact", lambda tree, compact: (None, None))
    monkeypatch.setattr(tl.TreeInput, "floor_frame", lambda self, row: float("inf"))
    narrow = tl.PageFit(SIXTEEN_NINE, 1600 * 5 / tl.TITLE_SIZE)
    assert tl.fit_choice(tree, narrow).stack_rows is None
    wide = tl.PageFit(SIXTEEN_NINE, 1600 * 7 / tl.TITLE_SIZE)  # both readable: the fuller
    assert tl.fit_choice(tree, wide).stack_rows == 1


def test_the_choice_is_the_same_every_time(tmp_path) -> None:
    org = org_of(random_org_text(8, 60), tmp_path)
    options = RenderOptions(fit="4:3")
    assert render(org, "svg", options, force=True) == render(org, "svg", options, force=True)
