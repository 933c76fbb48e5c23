"""The `tidy` layout: orgviz places the cards itself in linear time, for orgs of any size.

The chart's solid tree goes to `orgviz.layout.tidy` (a Reingold–Tilford tidy tree with level
rows, stacked leaf reports and, with `compact`, listed subtrees); this module turns the
result into the same `Geometry` as the `dot` layout (cards, level rows, elbow connectors,
assistants beside their manager, dotted lines), so `svg.py` draws both alike.

`compact` decides from which level row down people are listed under their manager
(indented, file-tree style, in columns) instead of spreading out in rows: "off", a number
of rows kept as a tree, or "auto": no lists when the tree is at most MAX_ASPECT times as
wide as tall, else the list row with the smallest 16:9 frame, the deepest of those within
FRAME_TIE of it (see `choose_compact`); a top-down chart whose leaf reports fit one row on
a slide at full size stands them in that row (`one_row_fits`). Given a --fit page, "auto"
also weighs shallower stacks of leaf reports and every list row's column heights, for the
page that fills most of it with titles still readable (see `fit_choice`).

Cards share heights by row (see `TreeInput`): the tallest card of a level row sets the
height of that row's cards, the tallest of a manager's stacked reports that of the stack; a
tall title grows its own row or stack, not the chart.

`pinned_dot` writes a DOT file of a laid-out chart with every node and edge pinned (`pos`):
Graphviz's `nop2` engine (`neato -n2`) draws it without doing any layout, so both the system
and the embedded Graphviz can turn big orgs into PNG, PDF or their own SVG.
"""

from __future__ import annotations

import gc
import heapq
import math
import re
from bisect import bisect_left
from dataclasses import replace
from typing import NamedTuple

from orgviz.errors import RenderError
from orgviz.layout.tidy import Beside, LayoutOptions, PreparedForest, TreeLayout
from orgviz.render.cards import TITLE_SIZE, CardBox, CardText
from orgviz.render.chart import Chart
from orgviz.render.geometry import Axes, Box, Connector, Geometry
from orgviz.render.labels import dot_string, dot_tooltip, text_width, wrap
from orgviz.render.pipeline import READABLE_PX
from orgviz.render.routing import add_links
from orgviz.render.svg import header_estimate, page_room
from orgviz.render.themes import Theme, accent

LEVEL_GAP = 36.0  # between rows: the `dot` layout's ranksep (0.5 in)
SIBLING_GAP = 20.0
SUBTREE_GAP = 28.0
#: Between separate trees (the tops of a forest, a card whose manager is unknown or a
#: cycle's under --force), each across (top-down) or down (left to right) a span of its own
#: (`LayoutOptions.trees_side_by_side`). Packed as subtrees, SUBTREE_GAP apart, a tree whose
#: top stands on a lower row stood partly under another tree's cards, read as their report;
#: left to right, a level column holds the lists of several managers one below the other,
#: SUBTREE_GAP apart, so a tree that far below the last list read as more of it, and trees
#: sharing no column stood closer than those sharing one.
TREE_GAP = 2 * LEVEL_GAP
STACK_GAP = 14.0  # between stacked or listed cards
STACK_MIN = 2  # as the `dot` layout: stack a manager's leaf reports from two on
STACK_ROWS = 8  # at most this many cards per stack column
ASSISTANT_GAP = 24.0  # between a manager and its assistants, and between assistants
#: At most this many assistants side by side beside their manager; more stand in further
#: lines of as many (the last may hold fewer), below the first top-down, right of it left
#: to right, so that eight assistants make a block three wide, not a row eight wide.
ASSISTANTS_ACROSS = 3
ASSISTANT_LINE_GAP = STACK_GAP  # between those lines
#: `compact="auto"` lists nobody while the page is at most this many times as wide as tall.
MAX_ASPECT = 2.2
#: The shape listed columns are sized for (width / height of the whole drawing): 16:9.
TARGET_ASPECT = 16 / 9
#: Steps of the search for the column height of listed people (fewer for big charts, where
#: each step costs more).
SEARCH_STEPS, SEARCH_STEPS_BIG, BIG_CHART = 8, 2, 5000
#: The page changes in steps (a whole number of columns fits in the room, left to right; a
#: column takes whole cards, top-down), so a page close to TARGET_ASPECT may be far from the
#: smallest frame: the search stops only when no column height left to try can give a frame
#: this much smaller than the smallest so far, or after SEARCH_STEPS steps (big charts:
#: SEARCH_STEPS_BIG), so each list row's search ends near its smallest frame and FRAME_TIE
#: compares rows by what they can give, not by where their probes landed.
FRAME_CLOSE = 0.01
#: Frames within this fraction of the smallest count as the same size (text that much
#: smaller is hard to tell on a slide); among them the deepest list row (the most rows drawn
#: as a tree) wins.
FRAME_TIE = 0.05
#: A top-down chart whose leaf reports all fit one row on a page at most this size (px, at
#: its natural size: a 16:9 slide or screen) stands them in that row, not in stacks.
ONE_ROW_PAGE = (1920.0, 1080.0)
#: Fitted to a page (--fit), a page may draw the cards' titles at most this share smaller
#: than the largest readable titles any page tried has (a fuller slide is not worth names
#: much harder to read); of those pages, the largest fill x title height wins.
TITLE_GIVE = 0.10
#: Fitted to a page, each list row is tried at this many column heights (big charts:
#: FIT_PROBES_BIG), as well as at the narrowest page's.
FIT_PROBES, FIT_PROBES_BIG = 12, 4
#: `auto` searches the column height of at most this many list rows, those whose narrowest
#: page is narrowest: all rows of any real org (level rows and a few pushed down).
MAX_SEARCHES = 16
COMPACT_WORDS = ("auto", "off")
#: A --compact number as text: ASCII digits, with a sign or none.
_WHOLE_NUMBER = re.compile(r"[+-]?[0-9]+")
#: More rows than any chart has: a longer --compact number is taken as it (nothing listed;
#: int() refuses text of over 4,300 digits).
MANY_ROWS = 10**18


def verify_compact(value: str | int) -> str | int:
    """`compact` as "auto", "off" or a number of rows >= 1; else a RenderError (a
    RenderOptionTypeError for what is neither text nor a whole number)."""
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        from orgviz.render.pipeline import RenderOptionTypeError

        raise RenderOptionTypeError(f"compact (--compact) must be auto, off or a whole number "
                                    f"of rows (such as 3), not {value!r}")
    if isinstance(value, int):
        text = str(value) if value > -MANY_ROWS else "a number below -10**18"
        return _at_least_one(value, text)
    text = value.strip().lower()
    if text in COMPACT_WORDS:
        return text
    if _WHOLE_NUMBER.fullmatch(text) is None:  # (ASCII digits: int() takes '٣', not '²')
        raise RenderError(f"unknown compact (--compact) {value!r}: use auto, off or a number "
                          f"of rows such as 3")
    digits = text.lstrip("+-").lstrip("0") or "0"
    negative = text.startswith("-") and digits != "0"
    if negative or digits == "0":
        _at_least_one(0, f"{'-' if negative else ''}{digits}")
    return int(digits) if len(digits) < len(str(MANY_ROWS)) else MANY_ROWS


def _at_least_one(number: int, shown: str) -> int:
    """`number` if it is at least 1, else a RenderError showing it as `shown`."""
    if number < 1:
        raise RenderError(f"compact (--compact) must be auto, off or at least 1, not {shown}")
    return number


class TreeInput:
    """The chart's solid tree, read once, to lay out with several list settings.

    Cards share heights as the layout stacks them (`PreparedForest`'s `share`): the leaf
    reports of a manager stacked together the tallest of theirs (a stack stays a grid),
    every other card the tallest of its level row (rows stay aligned), so a tall title
    grows its row or its stack only. Listed cards (compact) keep those heights: a listed
    manager its level's, a listed individual contributor its stack's. An assistant, beside
    its manager, is as tall as the manager (whose height takes the assistant's into
    account). `sizes` holds every card's (width, height) as laid out.

    `room` is the page the SVG draws around a layout (see `page_room`); `transparent`: the
    page draws no level bands."""

    def __init__(self, chart: Chart, box: CardBox, transparent: bool = False,
                 target: float | None = None) -> None:
        tb = chart.direction != "LR"
        self.chart, self.box, self.tb = chart, box, tb
        self.transparent = transparent
        # the shape (width / height) frames are measured for: a --fit page's, else 16:9
        self.target = target or TARGET_ASPECT
        self.page_aspect = target  # a --fit page's shape, None without one
        self.assistants = {k: v for k, v in chart.assistants.items() if v}
        beside_boss = {helper for helpers in self.assistants.values() for helper in helpers}
        own = box.own_height
        height_of, tallest = box.heights.height_of, box.height
        shapes: dict[float, tuple[float, float]] = {}  # one size object a height: the
        # layout checks a size once for a run of cards that share it
        sizes = {}
        for card in chart.cards:
            if card.id not in beside_boss:
                height = height_of(card.id, tallest)
                size = shapes.get(height)
                if size is None:
                    size = shapes[height] = (box.width, height)
                sizes[card.id] = size
        for boss, helpers in self.assistants.items():
            sizes[boss] = (box.width, max([own(boss), *map(own, helpers)]))
        self.rows = {card.id: card.row for card in chart.cards if card.id not in beside_boss}
        step = (box.width if tb else box.height) + ASSISTANT_GAP  # before heights are shared
        beside = {}
        for boss, helpers in self.assistants.items():
            lines, across = assistant_lines(len(helpers), chart.assistants_across)
            beside[boss] = Beside(step * across, lines, ASSISTANT_LINE_GAP)
        self.forest = PreparedForest(chart.roots, chart.reports, sizes, self.rows, beside,
                                     chart.direction, share=self.options(None, None))
        self.sizes = self.forest.card_sizes()
        for boss, helpers in self.assistants.items():
            for helper in helpers:
                self.sizes[helper] = self.sizes[boss]
        self.count = len(sizes)
        # the shortest card laid out along the rank axis: the lower bounds take it
        self.shortest = min(self.forest.depth, default=box.height if tb else box.width)
        self.nrows = max(self.rows.values(), default=0) + 1
        self.unit = (box.height if tb else box.width) + STACK_GAP  # a card in a column
        # cards from each row down (roots are never listed), for estimates of list areas
        below = [0] * (self.nrows + 1)
        for card_id, row in self.rows.items():
            if chart.by_id[card_id].manager is not None:
                below[row] += 1
        for row in range(self.nrows - 1, -1, -1):
            below[row] += below[row + 1]
        self.listed_below = below
        # the rows (as laid out) that hold a manager: each is a row of the tree above a cut
        # below it (a manager is never stacked or listed there), see `floor_frame`
        forest = self.forest
        self.manager_rows = sorted({forest.raw[v] for v, kids in enumerate(forest.kids)
                                    if kids})
        self._list_floors: list[float] | None = None  # see `bound_floor`
        # the first row with a level name: a layout listing from a row at most this one
        # labels no row, and its page keeps no room for the labels
        named = [row for row in range(min(self.nrows, len(chart.rows))) if chart.rows[row]]
        self.first_named = named[0] if named else None
        self.header_h = header_estimate(chart)

    def options(self, list_from: int | None, list_height: float | None) -> LayoutOptions:
        return LayoutOptions(
            direction="TB" if self.tb else "LR", level_gap=LEVEL_GAP, sibling_gap=SIBLING_GAP,
            subtree_gap=SUBTREE_GAP, tree_gap=TREE_GAP, trees_side_by_side=True,
            stack_leaves=True, stack_min=STACK_MIN,
            stack_gap=STACK_GAP, stack_rows=self.chart.stack_rows or STACK_ROWS,
            stack_any_row=True,
            list_from=list_from, list_height=list_height)

    def room(self, list_from: int | None) -> tuple[float, float]:
        """How much wider and taller than its drawing the page of a layout listing from
        `list_from` is: margins, header and, when a row above the lists has a level name,
        the labels' column (left to right: row) and the bands' ends (`svg.page_room`).

        Top-down, rows listed get no label (left to right, every card keeps its level's
        column: only leaves are listed, in their own); a row with a level name whose band
        holds mostly cards of other levels gets none either (`svg.rows_with_strays`), which
        takes a layout to see: such a page is counted with its labels."""
        first = self.first_named
        labelled = first is not None and (list_from is None or first < list_from
                                          or not self.tb)
        return page_room(self.tb, labelled, self.transparent, self.header_h)

    def measure(self, list_from: int | None, list_height: float | None) -> tuple[float, float]:
        """The page size (roughly: see `room`) of a layout: the drawing and its room."""
        w, h = self.forest.measure(self.options(list_from, list_height))
        room_w, room_h = self.room(list_from)
        return w + room_w, h + room_h

    def layout(self, list_from: int | None, list_height: float | None,
               stack_rows: int | None = None) -> TreeLayout:
        """The layout listing from `list_from`, stacking at most `stack_rows` leaves a
        column (None: the chart's own stack depth)."""
        return self.forest.layout(self._stacked(self.options(list_from, list_height),
                                                stack_rows))

    def measure_stacked(self, stack_rows: int | None) -> tuple[float, float]:
        """The page size (as `measure`) of a layout without lists stacking at most
        `stack_rows` leaf reports a column (1: a row of cards; None: the chart's own)."""
        w, h = self.forest.measure(self._stacked(self.options(None, None), stack_rows))
        room_w, room_h = self.room(None)
        return w + room_w, h + room_h

    @staticmethod
    def _stacked(options: LayoutOptions, stack_rows: int | None) -> LayoutOptions:
        """`options` stacking at most `stack_rows` leaves a column (None: as they are)."""
        return options if stack_rows is None else replace(options, stack_rows=stack_rows)

    def floor_frame(self, list_from: int) -> float:
        """A lower bound of the frame (see `_frame`) of any page listing from `list_from`,
        without a layout; it grows with `list_from`.

        The k rows above the cut that hold a manager are rows of the tree, each a card and a
        LEVEL_GAP deeper than the one before, and the deepest of them has reports below it:
        the drawing is at least k + 1 cards and k gaps deep."""
        k = bisect_left(self.manager_rows, list_from)
        card = self.shortest
        deep = (k + 1) * card + k * LEVEL_GAP
        room_w, room_h = self.room(list_from)
        return self.target * (deep + room_h) if self.tb else deep + room_w

    def bound_floor(self, list_from: int) -> float:
        """A lower bound (no layout) of the bound `choose_compact` sorts a list row by: its
        floor_frame, or the page around the rows that lay out the same from it down."""
        if self._list_floors is None:
            self._list_floors = self.forest.list_floors(self.options(None, None), self.nrows)
        breadth = self._list_floors[list_from]
        room_w, room_h = self.room(list_from)
        page = breadth + room_w if self.tb else self.target * (breadth + room_h)
        return max(self.floor_frame(list_from), page)


def assistant_lines(count: int, most: int | None = None) -> tuple[int, int]:
    """How `count` assistants stand beside their manager: (lines, assistants a line), the
    lines as full as the fewest lines of at most `most` (None: ASSISTANTS_ACROSS) allow
    (5: 3 and 2)."""
    lines = max(1, math.ceil(count / (most or ASSISTANTS_ACROSS)))
    return lines, max(1, math.ceil(count / lines))


def line_cards(helpers: list[str], most: int | None = None) -> tuple[tuple[str, ...], ...]:
    """A manager's assistants cut into their lines (see `assistant_lines`), in file order."""
    across = assistant_lines(len(helpers), most)[1]
    return tuple(tuple(helpers[i:i + across]) for i in range(0, len(helpers), across))


def _aspect(size: tuple[float, float]) -> float:
    return size[0] / max(size[1], 1.0)


def _target(tree: TreeInput) -> float:
    """The shape a tree's frames are measured for (stand-ins for a TreeInput in tests may
    have none: TARGET_ASPECT)."""
    return getattr(tree, "target", TARGET_ASPECT)


def _fits(size: tuple[float, float], tb: bool, page: float | None = None) -> bool:
    """Whether a page needs no lists: not too wide (top-down) or not portrait (left to
    right); fitted to a page of shape `page` (--fit), not wider (left to right: not
    taller) than it."""
    aspect = _aspect(size)
    if page is not None:
        return aspect <= page if tb else aspect >= page
    return aspect <= MAX_ASPECT if tb else aspect >= 1.0


def _frame(size: tuple[float, float], target: float = TARGET_ASPECT) -> float:
    """The width of the smallest `target`-shaped frame around a page: the smaller, the
    larger the text when the page is fitted to a slide or screen."""
    return max(size[0], target * size[1])


def _off_target(size: tuple[float, float], tb: bool, target: float = TARGET_ASPECT) -> float:
    """log(aspect / target), signed so that > 0 means "taller list columns"."""
    value = math.log(_aspect(size) / target)
    return value if tb else -value


Choice = tuple[int | None, float | None]


def _column_height(tree: TreeInput, list_from: int,
                   narrowest: tuple[float, float] | None = None,
                   give_up: float = math.inf) -> tuple[float, float]:
    """The height of the columns of listed people, from row `list_from` down, with the
    smallest frame (see `_frame`); returns (height, frame).

    One column per block gives the narrowest page, short columns (a block's tallest item) the
    widest; in between, the frame is smallest where the page has TARGET_ASPECT, or at the
    narrowest page when even that is too wide. The search probes the height that would hold
    the listed cards on such a page first, then interpolates (regula falsi, Illinois) on
    log(aspect / target) in log scale.

    It stops early when no height left to try can give a frame of at most `give_up`: between
    two heights the page is at least as wide as at the taller one and as tall as at the
    shorter one (left to right: the other way round). It also stops when no height left can
    give a frame more than FRAME_CLOSE smaller than the smallest so far."""
    tb, target = tree.tb, _target(tree)
    high = tree.unit * max(tree.count, 1) * 2
    high_size = narrowest or tree.measure(list_from, high)
    if _off_target(high_size, tb, target) >= 0:
        return high, _frame(high_size, target)
    # No column is taller (left to right: no block wider) than that narrowest drawing:
    # larger limits change nothing. (The drawing is kept with the room it was measured
    # with.)
    measured = high
    room_w, room_h = tree.room(list_from)
    high = max(tree.unit, (high_size[1] - room_h) if tb else (high_size[0] - room_w))
    best = (_frame(high_size, target), high if tb else measured)
    f_high = _off_target(high_size, tb, target)
    low, f_low = tree.unit, math.inf  # short columns: too wide, not measured
    low_size: tuple[float, float] | None = None
    floor = tree.floor_frame(list_from)
    side = 0
    # First probe: columns that would hold the listed cards on a TARGET_ASPECT page.
    box = tree.box
    across = (box.width if tb else box.height) + SIBLING_GAP + 10.0
    area = tree.listed_below[list_from] * tree.unit * across
    guess = math.sqrt(area / target if tb else area * target)
    for step in range(SEARCH_STEPS if tree.count <= BIG_CHART else SEARCH_STEPS_BIG):
        a, b = math.log(low), math.log(high)
        if step == 0 and low < guess < high:
            t = (math.log(guess) - a) / (b - a)
        elif math.isinf(f_low):
            t = 0.5
        else:
            t = min(0.9, max(0.1, f_low / (f_low - f_high)))
        mid = math.exp(a + t * (b - a))
        mid_size = tree.measure(list_from, mid)
        best = min(best, (_frame(mid_size, target), mid))
        f_mid = _off_target(mid_size, tb, target)
        if f_mid > 0:
            low, f_low, low_size = mid, f_mid, mid_size
            if side == -1:
                f_high /= 2
            side = -1
        else:
            high, f_high, high_size = mid, f_mid, mid_size
            if side == 1 and not math.isinf(f_low):
                f_low /= 2
            side = 1
        # the smallest frame any height between low and high can give
        if tb:
            least = max(high_size[0], floor if low_size is None else target * low_size[1])
        else:
            least = max(target * high_size[1], floor if low_size is None else low_size[0])
        if least > give_up or best[0] <= least * (1 + FRAME_CLOSE):
            break
    return best[1], best[0]


def choose_compact(tree: TreeInput, compact: str | int) -> Choice:
    """(list_from, list_height) for a `compact` setting (see the module docstring).

    "auto": no lists when the page is at most MAX_ASPECT times as wide as tall (left to
    right: at least as wide as tall). Else every list row is tried, each with its best column
    height (`_column_height`), and so is no list at all; the smallest frame (see `_frame`)
    wins, and of the frames within FRAME_TIE of it the deepest list row's (no lists counts
    as the deepest): more of the tree drawn as a tree at about the same text size.

    Each row has a bound of its frame: `TreeInput.floor_frame`, which grows with the row,
    and its narrowest page (one column per block). The rows are searched in the order of
    their bounds, the most promising first (which makes the smallest frame small early),
    until a bound cannot come within FRAME_TIE of the smallest frame so far; the search of a
    row stops as soon as it cannot either (`give_up`). So the choice is that of searching
    every row in full, for charts of up to MAX_SEARCHES list rows worth searching; deeper
    broken orgs (hundreds of rows) get the best of the MAX_SEARCHES most promising.

    A row's narrowest page takes a layout, so it is measured only when the row could come
    next in that order: while a cheaper bound of its bound (`TreeInput.bound_floor`) is below
    every bound measured and not yet searched. The order, and so the choice, is the same as
    measuring every row first (`choose_compact_every_row`).
    """
    if compact == "off" or tree.nrows < 2:
        return None, None
    if isinstance(compact, int):
        if compact >= tree.nrows:
            return None, None
        return compact, _column_height(tree, compact)[0]
    start = _unlisted(tree)
    if start is None:
        return None, None
    smallest, tried, high = start
    rows = []
    for list_from in range(1, tree.nrows):
        if tree.floor_frame(list_from) > smallest * (1 + FRAME_TIE):
            break  # and every row below
        rows.append(list_from)
    # rows not measured yet, by a bound of their bound; rows measured, by their bound
    # (stand-ins for a TreeInput in tests may only have floor_frame, a bound as well)
    bound_floor = getattr(tree, "bound_floor", tree.floor_frame)
    waiting = sorted((bound_floor(list_from), list_from) for list_from in rows)
    waiting.reverse()  # popped from the end
    measured: list[tuple[float, int, tuple[float, float]]] = []
    searched = 0
    while searched < MAX_SEARCHES:
        give_up = smallest * (1 + FRAME_TIE)
        while waiting and waiting[-1][0] <= give_up and (
                not measured or waiting[-1] < measured[0][:2]):
            _floor, list_from = waiting.pop()
            narrowest = tree.measure(list_from, high)
            bound = narrowest[0] if tree.tb else _target(tree) * narrowest[1]  # frame >= this
            heapq.heappush(measured, (max(bound, tree.floor_frame(list_from)), list_from,
                                      narrowest))
        if not measured or measured[0][0] > give_up:
            break  # no row left can come within FRAME_TIE
        _bound, list_from, narrowest = heapq.heappop(measured)
        height, frame = _column_height(tree, list_from, narrowest, give_up)
        tried.append((frame, list_from, height))
        smallest = min(smallest, frame)
        searched += 1
    return _pick(tried, smallest, tree.nrows)


def _unlisted(tree: TreeInput
              ) -> tuple[float, list[tuple[float, int, float | None]], float] | None:
    """Where a search for the list row starts: None when the tree without lists fits, else
    its frame, the tries so far (that one: no lists) and the column height no list reaches."""
    size = tree.measure(None, None)
    if _fits(size, tree.tb, getattr(tree, "page_aspect", None)):
        return None
    smallest = _frame(size, _target(tree))
    return smallest, [(smallest, tree.nrows, None)], tree.unit * max(tree.count, 1) * 2


def _pick(tried: list[tuple[float, int, float | None]], smallest: float, nrows: int) -> Choice:
    """The deepest row of those whose frame is within FRAME_TIE of the smallest."""
    _frame_of, list_row, height = max(
        (item for item in tried if item[0] <= smallest * (1 + FRAME_TIE)),
        key=lambda item: item[1])
    return (None, None) if list_row == nrows else (list_row, height)


def choose_compact_every_row(tree: TreeInput) -> Choice:
    """`choose_compact(tree, "auto")` as it was: the narrowest page of every row measured
    first (a reference for tests and benchmarks)."""
    if tree.nrows < 2:
        return None, None
    start = _unlisted(tree)
    if start is None:
        return None, None
    smallest, tried, high = start
    bounds: list[tuple[float, int, tuple[float, float]]] = []
    for list_from in range(1, tree.nrows):
        floor = tree.floor_frame(list_from)
        if floor > smallest * (1 + FRAME_TIE):
            break  # and every row below
        narrowest = tree.measure(list_from, high)
        bound = narrowest[0] if tree.tb else _target(tree) * narrowest[1]  # frame >= this
        bounds.append((max(bound, floor), list_from, narrowest))
    bounds.sort(key=lambda item: item[:2])
    for bound, list_from, narrowest in bounds[:MAX_SEARCHES]:
        if bound > smallest * (1 + FRAME_TIE):
            break
        height, frame = _column_height(tree, list_from, narrowest, smallest * (1 + FRAME_TIE))
        tried.append((frame, list_from, height))
        smallest = min(smallest, frame)
    return _pick(tried, smallest, tree.nrows)


class PageFit(NamedTuple):
    """The page a chart is fitted to (--fit): its shape (width / height) and the PNG's width
    in px when known (a preset's, or --width), at which the cards' titles must be readable."""

    aspect: float
    width: float | None = None


class Settings(NamedTuple):
    """How the tidy layout draws a chart: the list row and column height (`choose_compact`)
    and the most leaf reports a stack column holds (None: the chart's own)."""

    list_from: int | None
    list_height: float | None
    stack_rows: int | None = None


def choose_layout(tree: TreeInput, compact: str | int, page: PageFit | None = None
                  ) -> Settings:
    """The settings `compact` and the page draw `tree` with.

    A number or "off" is kept as given (a --fit page is then only padded). "auto" without a
    page is `choose_compact`'s choice, but a top-down chart whose leaf reports all fit one
    row on a page within ONE_ROW_PAGE stands them in that row (`one_row_fits`); with a page,
    the stack depths and the list rows are weighed against its shape (`fit_choice`)."""
    if compact != "auto" or tree.nrows < 2:
        return Settings(*choose_compact(tree, compact))
    if page is not None:
        return fit_choice(tree, page)
    if one_row_fits(tree):
        return Settings(None, None, 1)
    return Settings(*choose_compact(tree, compact))


def one_row_fits(tree: TreeInput) -> bool:
    """Whether a top-down chart stacks leaf reports that one row would hold on a page within
    ONE_ROW_PAGE (at its natural size): its text is as large there either way, and a row
    reads as an org chart (Chinook's 8 people: five in a row, not stacks three deep)."""
    if not tree.tb or _own_stack_rows(tree) < 2:
        return False
    if tree.count * tree.box.width * tree.shortest > ONE_ROW_PAGE[0] * ONE_ROW_PAGE[1]:
        return False  # the cards alone cover more than the page (no layout needed)
    width, height = tree.measure_stacked(1)
    return width <= ONE_ROW_PAGE[0] and height <= ONE_ROW_PAGE[1]


def fit_choice(tree: TreeInput, page: PageFit) -> Settings:
    """The settings that draw `tree` best on a `page.aspect` page (`_best_page`): titles
    readable (READABLE_PX high at `page.width`, when known) and at most TITLE_GIVE smaller
    than the largest readable ones, the page as full as that allows. Tried: no lists at
    every stack depth (shallower stacks draw a tall chart wider), `choose_compact`'s choice
    for that shape (the largest titles), and each list row at FIT_PROBES column heights
    (`_row_tries`)."""
    tried = [(Settings(None, None, rows), tree.measure_stacked(rows))
             for rows in _stack_depths(tree)]
    chosen = Settings(*choose_compact(tree, "auto"))
    if chosen.list_from is not None:
        tried.append((chosen, tree.measure(chosen.list_from, chosen.list_height)))
    widest = math.inf if page.width is None else TITLE_SIZE * page.width / READABLE_PX
    for list_from in range(1, min(tree.nrows, MAX_SEARCHES + 1)):
        if tree.floor_frame(list_from) > widest:
            break  # (and every row below: the bound grows with the row)
        tried += _row_tries(tree, list_from, widest)
    return _best_page([(_fill(size, page.aspect), _title_px(size, page), settings)
                       for settings, size in tried])


def _best_page(scored: list[tuple[float, float, Settings]]) -> Settings:
    """Of (fill, title px, settings) in the order tried, the settings whose page is best:
    of the readable pages whose titles are at most TITLE_GIVE smaller than the largest
    readable ones, the largest fill x title px (then the larger titles, then the first
    tried); when no page is readable, the largest titles (the first of equals)."""
    readable = [item for item in scored if item[1] >= READABLE_PX]
    if not readable:
        return max(scored, key=lambda item: item[1])[2]
    largest = max(px for _fill, px, _settings in readable)
    legible = [item for item in readable if item[1] >= largest * (1 - TITLE_GIVE)]
    return max(legible, key=lambda item: (_product(item[0], item[1]), item[1]))[2]


def _product(fill: float, px: float) -> float:
    """Fill x title px, a page's worth (the fill alone when the PNG's width, hence its
    titles' size, is unknown: every page's titles are then `inf` px)."""
    return fill if math.isinf(px) else fill * px


def _row_tries(tree: TreeInput, list_from: int, widest: float
               ) -> list[tuple[Settings, tuple[float, float]]]:
    """Pages listing from `list_from` at column heights from a card (widest page) to the
    narrowest page's, evenly in log scale (the page changes in steps: the search for the
    smallest frame may pass the fullest); none when even the narrowest page's frame is
    wider than `widest` (its titles cannot be readable)."""
    high = tree.unit * max(tree.count, 1) * 2
    narrowest = tree.measure(list_from, high)
    if (narrowest[0] if tree.tb else tree.target * narrowest[1]) > widest:
        return []
    if tree.tb:  # (no column is taller than the narrowest drawing)
        high = max(tree.unit, narrowest[1] - tree.room(list_from)[1])
    probes = FIT_PROBES if tree.count <= BIG_CHART else FIT_PROBES_BIG
    tries = [(Settings(list_from, high), narrowest)]
    for step in range(probes - 1):
        height = tree.unit * (high / tree.unit) ** (step / (probes - 1))
        tries.append((Settings(list_from, height), tree.measure(list_from, height)))
    return tries


def _own_stack_rows(tree: TreeInput) -> int:
    """The most leaf reports a stack column of the chart holds (its own depth)."""
    return tree.options(None, None).stack_rows or STACK_ROWS


def _stack_depths(tree: TreeInput) -> list[int | None]:
    """The stack depths that may draw the chart otherwise than each other: 1 (a row) up to
    the most leaf reports of a manager, the last as the chart's own (None); deeper stacks
    than a manager has leaves change nothing."""
    deepest = _own_stack_rows(tree)
    kids = tree.forest.kids
    most = max((sum(1 for kid in own if not kids[kid]) for own in kids), default=1)
    return [*range(1, min(deepest, most)), None]


def _fill(size: tuple[float, float], aspect: float) -> float:
    """The share of a page of shape `aspect` that a drawing of `size` fills, padded to it."""
    shape = _aspect(size)
    return min(shape / aspect, aspect / shape)


def _title_px(size: tuple[float, float], page: PageFit) -> float:
    """How many px high the cards' titles of a drawing of `size` are on `page` (infinite
    when its width is not known: the PNG is then as wide as the drawing needs)."""
    if page.width is None:
        return math.inf
    return TITLE_SIZE * page.width / _frame(size, page.aspect)


Ends = tuple[tuple[str, str], ...]


def layout_tidy(chart: Chart, box: CardBox, compact: str | int = "auto",
                transparent: bool = False, page: PageFit | None = None
                ) -> tuple[Geometry, Ends]:
    """Lay the chart out with the tidy tree layout: the geometry, and the (from, to) card ids
    of each of its lines; `transparent`: the page draws no level bands (`compact` "auto"
    weighs the page); `page`: the --fit page "auto" draws the chart for."""
    compact = verify_compact(compact)
    was_enabled = gc.isenabled()
    gc.disable()  # hundreds of thousands of small objects, no cycles: the collector only costs
    try:
        tree = TreeInput(chart, box, transparent, page.aspect if page is not None else None)
        list_from, list_height, stack_rows = choose_layout(tree, compact, page)
        return geometry_of(chart, box, tree, tree.layout(list_from, list_height, stack_rows),
                           list_from)
    finally:
        if was_enabled:
            gc.enable()


def laid_out_cards(chart: Chart, tree: TreeInput, lay: TreeLayout
                   ) -> tuple[dict[str, Box], list[Connector], list[tuple[str, str]]]:
    """The cards of a tidy layout as boxes, its solid (or broken) lines with the pair each
    joins, and the assistants placed beside their managers with their lines."""
    sizes = tree.sizes
    boxes = {card_id: Box(x, y, *sizes[card_id]) for card_id, (x, y) in lay.positions.items()}
    lines: list[Connector] = []
    ends: list[tuple[str, str]] = []
    by_id = chart.by_id
    for pair, points in lay.edges.items():
        kind = "broken" if by_id[pair[1]].broken_line else "solid"
        lines.append(Connector(kind, tuple(points)))
        ends.append(pair)
    ax = Axes(chart.direction)
    for boss, helpers in tree.assistants.items():
        place_assistants_beside(ax, boxes, boss,
                                line_cards(helpers, chart.assistants_across), lines, ends)
    return boxes, lines, ends


def geometry_of(chart: Chart, box: CardBox, tree: TreeInput,
                lay: TreeLayout, list_from: int | None = None) -> tuple[Geometry, Ends]:
    """Cards, rows and connectors of a tidy layout, plus assistants and dotted lines.

    Top-down, from `list_from` on (a compact chart), the rows are lists under their
    managers, not levels: a card laid out in such a row (a top of its own, in a broken org)
    gets no level band or label, which would stand beside listed cards of other levels.
    Left to right, lists are leaves in their own level's column: every row keeps its band.
    """
    ax = Axes(chart.direction)
    boxes, lines, ends = laid_out_cards(chart, tree, lay)
    add_links(chart, boxes, lines, ends, lay.width, lay.height)
    rows = {row: centre for row, centre in lay.rows.items()
            if list_from is None or row < list_from or not ax.tb}
    row_sizes = {row: lay.row_sizes[row] for row in rows if row in lay.row_sizes}
    geometry = Geometry(lay.width, lay.height, boxes, rows, tuple(lines), chart.direction,
                        row_sizes)
    return geometry, tuple(ends)


def place_assistants_beside(ax: Axes, boxes: dict[str, Box], boss: str,
                            cut: tuple[tuple[str, ...], ...], lines: list[Connector],
                            ends: list[tuple[str, str]]) -> None:
    """A manager's assistants beside it, in their lines (`cut`: `line_cards`, as `Beside` kept
    room for them), with their dotted connectors: in a line each joins the one before it
    (the first line's first, the manager); the first of a further line joins the first of
    the line before, across the gap between them (a comb of short lines, none on another)."""
    where = boxes[boss]
    w, h = where.w, where.h
    # (left to right, `beside` kept the tallest card's room: at least this)
    step = (w if ax.tb else h) + ASSISTANT_GAP
    down = (h if ax.tb else w) + ASSISTANT_LINE_GAP
    main, cross = ax.main(where), ax.cross(where)
    side = cross + ax.half_cross(where)  # the manager's side the assistants stand at
    half_main = ax.half_main(where)
    previous = boss
    for line, cards in enumerate(cut):
        at = main + line * down
        for place, helper in enumerate(cards):
            middle = cross + (place + 1) * step
            boxes[helper] = Box(*ax.point(at, middle), w, h)
            if place or not line:  # from the card before it in its line (or the manager)
                start = side + place * step
                points = (ax.point(at, start), ax.point(at, start + ASSISTANT_GAP))
                ends.append((previous, helper))
            else:  # from the first of the line before
                end = at - half_main
                points = (ax.point(end - ASSISTANT_LINE_GAP, middle), ax.point(end, middle))
                ends.append((cut[line - 1][0], helper))
            lines.append(Connector("assistant", points))
            previous = helper


# --- Graphviz, pinned ----------------------------------------------------------------------------

def _num(value: float) -> str:
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def pinned_dot(chart: Chart, geometry: Geometry, ends: Ends, texts: dict[str, CardText],
               box: CardBox, theme: Theme) -> str:
    """A stand-alone DOT file of a laid-out chart with every node and edge pinned.

    Draw it with `neato -n2` (or `dot -Knop2`): Graphviz keeps the positions (points, y up)
    and does no layout. Labels are plain text (name, title, team), so that Graphviz builds
    without HTML-like label support draw them too.
    """
    height = geometry.height
    out = ["digraph orgchart {"]
    # (the title, and the subtitle below it as the SVG wraps it: a count, a diff's changes)
    heading = dot_string(chart.title, *wrap(chart.subtitle, geometry.width, 16.0, max_lines=4))
    out.append(f'  graph [bgcolor="{theme.background}", label={heading}, '
               f'labelloc=t, fontsize=16, fontcolor="{theme.text}", fontname="Helvetica", '
               f'pad=0.3, splines=true, outputorder=edgesfirst];')
    out.append(f'  node [shape=box, style="rounded,filled", fixedsize=true, '
               f'width={box.width / 72:.4f}, height={box.height / 72:.4f}, '
               f'fillcolor="{theme.card_fill}", color="{theme.card_border}", '
               f'fontname="Helvetica", fontsize=9, fontcolor="{theme.text}", margin=0];')
    out.append(f'  edge [arrowhead=none, color="{theme.line}", penwidth={theme.line_width}];')
    name_of = {card.id: f"c{i}" for i, card in enumerate(chart.cards)}
    ax = Axes(geometry.direction)
    for row, centre in sorted(geometry.rows.items()):
        if row < len(chart.rows) and chart.rows[row]:
            x, y = ax.point(centre, -60.0) if ax.tb else ax.point(centre, -30.0)
            out.append(f"  r{row} [shape=plaintext, fixedsize=false, style=solid, "
                       f"label={dot_string(chart.rows[row].upper())}, fontsize=9, "
                       f'fontcolor="{theme.faint}", pos="{_num(x)},{_num(height - y)}!"];')
    for card in chart.cards:
        where = geometry.boxes.get(card.id)
        if where is None:
            continue
        text = texts[card.id]
        attrs = [f'pos="{_num(where.x)},{_num(height - where.y)}!"',
                 *([f"height={where.h / 72:.4f}"] if where.h != box.height else []),
                 f"label={dot_string(*text.name, *text.title, text.team, text.dotted)}",
                 f"tooltip={dot_tooltip(text.full)}"]
        if card.kind == "open":  # (dashed; its team's or a diff's colour where it has one)
            border = (f'color="{accent(theme, card.color)}", penwidth=1.5' if card.color
                      else f'color="{theme.open_border}"')
            attrs.append(f'style="rounded,filled,dashed", fillcolor="{theme.open_fill}", '
                         + border)
        elif card.kind == "rollup":
            attrs.append(f'fillcolor="{theme.rollup_fill}", color="{theme.rollup_border}", '
                         f"peripheries=2")
        elif card.color:
            attrs.append(f'color="{accent(theme, card.color)}", penwidth=1.5')
        if card.broken:
            attrs.append(f'color="{theme.broken}", penwidth=2.5')
        out.append(f"  {name_of[card.id]} [{', '.join(attrs)}];")
    out += _dot_legend(chart, theme, geometry.width)
    for line, (tail, head) in zip(geometry.lines, ends, strict=True):
        if line.curve:
            controls = list(line.points)
        else:
            controls = [line.points[0]]
            for a, b in zip(line.points, line.points[1:], strict=False):
                controls.extend((a, b, b))
        pos = " ".join(f"{_num(x)},{_num(height - y)}" for x, y in controls)
        style = ""
        if line.kind == "dotted":
            style = f', style=dashed, color="{theme.dotted_line}"'
        elif line.kind == "broken":
            style = f', style=dashed, color="{theme.broken}", penwidth=2'
        elif line.kind == "assistant":
            style = ", style=dotted"
        out.append(f'  {name_of[tail]} -> {name_of[head]} [pos="{pos}"{style}];')
    out.append("}")
    return "\n".join(out) + "\n"


#: The DOT legend's swatch and text sizes (points), and the gap below the chart.
_SWATCH, _LEGEND_SIZE, _LEGEND_GAP = 8.0, 9.0, 36.0
#: Room for a legend label beyond its Helvetica width: Graphviz draws it in the font it
#: finds (DejaVu Sans is 12% wider), centred on its place.
_DOT_TEXT_SLACK = 1.18


def _dot_legend(chart: Chart, theme: Theme, width: float) -> list[str]:
    """Pinned nodes below the chart for its legend (the team or level colours, as the SVG's
    header shows them): its title, then a filled swatch and a label for each, in rows as wide
    as the chart."""
    if not chart.legend:
        return []
    out: list[str] = []
    x, y = 0.0, -_LEGEND_GAP
    heading = chart.legend_title
    entries = list(chart.legend)
    if chart.legend_more:
        entries.append((f"+{chart.legend_more:,} more (named on their cards)", ""))
    if heading:
        w = text_width(heading, _LEGEND_SIZE, True) * _DOT_TEXT_SLACK
        out.append(f"  legend_title [shape=plaintext, fixedsize=false, style=solid, "
                   f"label={dot_string(heading)}, fontname=\"Helvetica-Bold\", "
                   f'fontsize={_num(_LEGEND_SIZE)}, fontcolor="{theme.faint}", '
                   f'pos="{_num(x + w / 2)},{_num(y)}!"];')
        x += w + 12
    start = x
    for i, (label, color) in enumerate(entries):
        w = text_width(label, _LEGEND_SIZE) * _DOT_TEXT_SLACK
        need = (_SWATCH + 6 if color else 0) + w + 16
        if x + need > width and x > start:
            x, y = start, y - 16
        if color:
            out.append(f"  legend{i}s [shape=box, style=\"rounded,filled\", fixedsize=true, "
                       f"width={_SWATCH / 72:.4f}, height={_SWATCH / 72:.4f}, label=\"\", "
                       f'fillcolor="{accent(theme, color)}", color="{accent(theme, color)}", '
                       f'pos="{_num(x + _SWATCH / 2)},{_num(y)}!"];')
            x += _SWATCH + 6
        out.append(f"  legend{i} [shape=plaintext, fixedsize=false, style=solid, "
                   f"label={dot_string(label)}, fontsize={_num(_LEGEND_SIZE)}, "
                   f'fontcolor="{theme.muted}", pos="{_num(x + w / 2)},{_num(y)}!"];')
        x += w + 16
    return out
