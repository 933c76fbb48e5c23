"""Left to right, the search for the room of listed people (`_column_height`) ends near the
smallest frame, not at the first page close to 16:9: there the page changes in steps."""

from __future__ import annotations

import math
from types import SimpleNamespace

from hypothesis import given, settings
from hypothesis import strategies as st

from orgviz.render import tidylayout as tl

#: The page around a stand-in's drawing (TreeInput.room): the margins, a label column and a
#: header, as the layout once counted it for every chart (the numbers below were found so).
PAGE_W, PAGE_H = 56.0 + 118.0, 56.0 + 130.0


class SteppyTree:
    """A stand-in TreeInput, left to right: `count` cards `unit` apart in columns `step` wide,
    as many columns as fit in the room; page sizes in px, with the page around them."""

    tb = False

    def __init__(self, count: int, unit: float, step: float) -> None:
        self.count, self.unit, self.step = count, unit, step
        self.box = SimpleNamespace(width=196.0, height=unit - tl.STACK_GAP)
        self.listed_below = [count, count]
        self.probes = 0

    def measure(self, list_from: int | None, room: float | None) -> tuple[float, float]:
        self.probes += 1
        assert room is not None
        columns = max(1, min(self.count, int(room // self.step)))
        return (columns * self.step + PAGE_W,
                math.ceil(self.count / columns) * self.unit + PAGE_H)

    def floor_frame(self, list_from: int) -> float:
        return self.unit + PAGE_W

    def room(self, list_from: int | None) -> tuple[float, float]:
        return PAGE_W, PAGE_H

    def smallest_frame(self) -> float:
        """The smallest frame any room gives (every whole number of columns tried)."""
        return min(tl._frame(self.measure(1, self.step * k)) for k in range(1, self.count + 1))


@settings(max_examples=150, deadline=None)
@given(count=st.integers(20, tl.BIG_CHART), unit=st.sampled_from([64.0, 113.0, 210.0]),
       step=st.sampled_from([180.0, 260.0, 411.0, 1234.0]))
def test_left_to_right_search_ends_within_frame_close_of_the_smallest_frame(
        count: int, unit: float, step: float) -> None:
    tree = SteppyTree(count, unit, step)
    room, frame = tl._column_height(tree, 1)  # type: ignore[arg-type]
    assert tl._frame(tree.measure(1, room)) == frame
    assert frame <= tree.smallest_frame() * (1 + tl.FRAME_CLOSE)


def test_a_page_close_to_16_9_does_not_end_the_search_left_to_right() -> None:
    """976 cards in columns 180 px wide: a room of 27 columns gives a page of aspect 1.97,
    within 0.12 of 16:9 (|log(aspect / target)|), whose frame is 3.7% over the smallest (26
    columns); the search stopped there when it stopped at such a page."""
    tree = SteppyTree(976, 64.0, 180.0)
    _room, frame = tl._column_height(tree, 1)  # type: ignore[arg-type]
    assert frame <= tree.smallest_frame() * (1 + tl.FRAME_CLOSE)


class SmoothTree(SteppyTree):
    """A stand-in whose drawing is as wide as the room and as tall as its area allows."""

    def measure(self, list_from: int | None, room: float | None) -> tuple[float, float]:
        self.probes += 1
        assert room is not None
        width = min(max(room, self.step), self.count * self.step)
        return width + PAGE_W, self.count * self.unit * self.step / width + PAGE_H


def test_left_to_right_search_stops_once_no_room_left_gives_a_smaller_frame() -> None:
    """The search ends before its steps run out when no frame left can be FRAME_CLOSE
    smaller than the smallest so far."""
    tree = SmoothTree(2000, 64.0, 180.0)
    _room, frame = tl._column_height(tree, 1)  # type: ignore[arg-type]
    assert tree.probes < 1 + tl.SEARCH_STEPS
    best = min(tl._frame(tree.measure(1, 180.0 * 1.01**k)) for k in range(800))
    assert frame <= best * (1 + tl.FRAME_CLOSE)
