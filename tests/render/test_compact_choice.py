"""`--compact auto`: the list row with the smallest 16:9 frame, the deepest of those within
FRAME_TIE of it (docs/rendering.md, Layouts). Geometry only: frames of measured layouts."""

from __future__ import annotations

import pytest
from renderkit import ORGS, chart_of
from test_tidy_layout import random_org_text

from orgviz.loader import load
from orgviz.render import RenderOptions
from orgviz.render import tidylayout as tl
from orgviz.render.pipeline import build


def _frame(width: float, height: float) -> float:
    return max(width, 16 / 9 * height)


class FakeTree:
    """Rows whose best frames are given: no lists measures `off` wide, 1 high."""

    tb, unit, count = True, 100.0, 50

    def __init__(self, frames: dict[int, float], off: float) -> None:
        self.frames, self.off = frames, off
        self.nrows = max(frames) + 1

    def measure(self, list_from: int | None, list_height: float | None) -> tuple[float, float]:
        return (self.off, 1.0) if list_from is None else (1.0, 1.0)  # (narrowest: no bound)

    def floor_frame(self, list_from: int) -> float:
        return 0.0


@pytest.mark.parametrize(("frames", "off", "chosen"), [
    ({1: 100, 2: 104, 3: 120}, 300, 2),  # 2 is within 5% of the smallest: deeper wins
    ({1: 100, 2: 106, 3: 120}, 300, 1),  # 6% bigger is not a tie
    ({1: 104, 2: 100, 3: 105}, 300, 3),  # a tie above and below: the deepest
    ({1: 120, 2: 100, 3: 130}, 300, 2),  # the smallest alone
    ({1: 100, 2: 110, 3: 112}, 104, None),  # no lists is as small: nothing is listed
])
def test_deepest_row_within_the_tie_wins(monkeypatch: pytest.MonkeyPatch,
                                         frames: dict[int, float], off: float,
                                         chosen: int | None) -> None:
    monkeypatch.setattr(tl, "_column_height",
                        lambda tree, row, narrowest=None, give_up=0.0: (row * 10.0, frames[row]))
    tree = FakeTree(frames, off)
    assert tl.choose_compact(tree, "auto")[0] == chosen  # type: ignore[arg-type]


def _every_row(tree: tl.TreeInput) -> dict[int | None, float]:
    frames: dict[int | None, float] = {None: tl._frame(tree.measure(None, None))}
    for row in range(1, tree.nrows):
        frames[row] = tl._column_height(tree, row)[1]  # searched in full, no bounds
    return frames


@pytest.mark.parametrize(("seed", "n", "direction"), [
    (0, 60, "TB"), (2, 60, "TB"), (7, 40, "TB"), (6, 80, "TB"), (2, 120, "TB"),
    (3, 150, "TB"), (5, 60, "LR"), (6, 80, "LR"), (7, 80, "LR"), (3, 120, "LR"),
    (5, 150, "LR")])  # orgs that list, from rows 1 to 8
def test_auto_is_the_rule_over_every_row(seed: int, n: int, direction: str) -> None:
    # The bounds that skip rows (floor_frame, the narrowest page, give_up) change nothing.
    chart, _theme, _texts, box = chart_of(random_org_text(seed, n), direction=direction)
    tree = tl.TreeInput(chart, box)
    if tl._fits(tree.measure(None, None), tree.tb) or tree.nrows - 1 > tl.MAX_SEARCHES:
        pytest.skip("no lists, or more rows than auto searches")
    frames = _every_row(tree)
    smallest = min(frames.values())
    ties = [row for row, frame in frames.items() if frame <= smallest * (1 + tl.FRAME_TIE)]
    want = None if None in ties else max(ties)  # type: ignore[type-var]
    assert tl.choose_compact(tree, "auto")[0] == want


@pytest.mark.parametrize("direction", ["TB", "LR"])
@pytest.mark.parametrize("seed", [0, 3])
def test_floor_frame_is_a_lower_bound_that_grows(seed: int, direction: str) -> None:
    chart, _theme, _texts, box = chart_of(random_org_text(seed, 200), direction=direction)
    tree = tl.TreeInput(chart, box)
    floors = [tree.floor_frame(row) for row in range(1, tree.nrows)]
    assert floors == sorted(floors)
    for row in range(1, tree.nrows):
        for height in (tree.unit, 4 * tree.unit, 20 * tree.unit, 1e9):
            assert tree.floor_frame(row) <= tl._frame(tree.measure(row, height)) + 1e-6


def test_mid_size_example_lists_from_the_ceos_reports() -> None:
    # Listing from row 1 (only the CEO as a tree) was less than 1% smaller than from row 3,
    # which kept C-level and VPs in their rows: a tie, row 3 won. Each listed report of a
    # manager laid out in a row now heads a column of its own when it has people (none
    # under another's subtree, where it read as one of them): from row 3 each VP's Heads
    # and Directors stand side by side, a frame a fifth bigger than from row 1, whose
    # lists nest. Row 5 (the rule before that) is bigger still.
    chart, _theme, _texts, box = build(load(ORGS / "mid-size.yaml"), RenderOptions())
    room_w, room_h = tl.TreeInput(chart, box).room(1)  # (the CEO's row labelled in each)
    frames = {}
    for compact in ("auto", 1, 3, 5):
        geometry, _ends = tl.layout_tidy(chart, box, compact)
        frames[compact] = _frame(geometry.width + room_w, geometry.height + room_h)
        if compact == "auto":
            assert set(geometry.rows) == {0}
    assert frames["auto"] == frames[1]
    assert frames[1] * (1 + tl.FRAME_TIE) < frames[3] < frames[5]
