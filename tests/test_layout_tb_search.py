"""Top-down, the search for the column height of listed people (`_column_height`) ends near
the smallest frame, as left to right does, not at the first page close to 16:9: a column
takes whole cards, so the page changes in steps there too."""

from __future__ import annotations

import math
from types import SimpleNamespace

from hypothesis import given, settings
from hypothesis import strategies as st

from orgviz.render import tidylayout as tl

#: The page around a stand-in's drawing (TreeInput.room): the margins, a label column and a
#: header, as the layout once counted it for every chart (the numbers below were found so).
PAGE_W, PAGE_H = 56.0 + 118.0, 56.0 + 130.0


class ColumnsTree:
    """A stand-in TreeInput, top-down: `count` cards `unit` apart in columns of as many
    whole cards as the column height holds, columns `step` apart; page sizes in px."""

    tb = True

    def __init__(self, count: int, unit: float, step: float) -> None:
        self.count, self.unit, self.step = count, unit, step
        self.box = SimpleNamespace(width=step - tl.SIBLING_GAP - 10.0,
                                   height=unit - tl.STACK_GAP)
        self.listed_below = [count, count]
        self.probes = 0

    def measure(self, list_from: int | None, height: float | None) -> tuple[float, float]:
        self.probes += 1
        assert height is not None
        rows = max(1, min(self.count, int((height + 1e-9) // self.unit)))
        columns = math.ceil(self.count / rows)
        return columns * self.step + PAGE_W, math.ceil(self.count / columns) * self.unit \
            + PAGE_H

    def floor_frame(self, list_from: int) -> float:
        return tl.TARGET_ASPECT * (self.unit + PAGE_H)

    def room(self, list_from: int | None) -> tuple[float, float]:
        return PAGE_W, PAGE_H

    def smallest_frame(self) -> float:
        """The smallest frame any column height gives (every whole number of cards tried)."""
        return min(tl._frame(self.measure(1, self.unit * k)) for k in range(1, self.count + 1))


@settings(max_examples=150, deadline=None)
@given(count=st.integers(20, 3000), unit=st.sampled_from([64.0, 86.0, 113.0]),
       step=st.sampled_from([180.0, 226.0, 260.0, 411.0]))
def test_top_down_search_ends_within_frame_close_of_the_smallest_frame(
        count: int, unit: float, step: float) -> None:
    tree = ColumnsTree(count, unit, step)
    height, frame = tl._column_height(tree, 1)  # type: ignore[arg-type]
    assert tree.probes <= 1 + tl.SEARCH_STEPS
    assert tl._frame(tree.measure(1, height)) == frame
    assert frame <= tree.smallest_frame() * (1 + tl.FRAME_CLOSE)


def test_a_page_close_to_16_9_does_not_end_the_search_top_down() -> None:
    """181 cards 64 px apart in columns 180 px apart: the search stopped at a page within
    12% of 16:9 whose frame is 3.1% over the smallest (2,334 px against 2,265)."""
    tree = ColumnsTree(181, 64.0, 180.0)
    _height, frame = tl._column_height(tree, 1)  # type: ignore[arg-type]
    assert frame <= tree.smallest_frame() * (1 + tl.FRAME_CLOSE)
