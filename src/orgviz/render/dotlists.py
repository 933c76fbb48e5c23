"""Top-down lists of the `dot` layout: below a list row, people are listed under their
manager as the tidy layout lists them (a file tree in columns, each report's own reports
indented under its card), and Graphviz places each list as one block.

The list row and the column height are the tidy layout's own choice (`choose_compact`,
"auto"): a chart the tidy layout draws without lists gets none here either; nor does a
small chart whose leaf reports the tidy layout stands in one row (`leaves_in_one_row`),
whose leaves are then no stacks either. Each list root
(a card laid out in the tree with reports in the listed rows) gets a `ListBlock`: its
listed reports with everything below them, its stacked leaves and their assistants, with
the lines between them, as the tidy layout places them, relative to the block's top left.
The DOT writer stands each block in the layout graph as a column of invisible nodes as
wide as the block, one a rank down to its last card (`dot._Writer.list_block`), so that
nothing else stands in its way; `dotlayout.place_lists` moves the cards and lines there.
"""

from __future__ import annotations

from typing import NamedTuple

from orgviz.render.cards import CardBox
from orgviz.render.chart import Chart
from orgviz.render.geometry import Box, Connector, Point
from orgviz.render.tidylayout import (
    LEVEL_GAP,
    TreeInput,
    choose_compact,
    laid_out_cards,
    one_row_fits,
)


class ListBlock(NamedTuple):
    """A list root's list as the tidy layout lays it out, relative to the block's top left
    (the top of its first cards): its cards' boxes, the lines within it, and the lines from
    the root, each from where it reaches the bus above the block (`bus`, negative: in the
    gap above the block) on."""

    root: str  # card id
    first_row: int  # the level row of the block's first cards
    width: float  # px across, lines included
    height: float  # px down, from the first cards' top to the last card's bottom
    boxes: dict[str, Box]  # card id -> its box, relative to the block
    lines: tuple[Connector, ...]  # lines between the block's cards, relative
    feeds: tuple[Connector, ...]  # lines from the root: from the bus on, relative
    bus: float  # where the root's lines run across above the block (relative, < 0)


class TopDownLists(NamedTuple):
    """The list row (`start`) and each list root's block, in the chart's card order."""

    start: int
    blocks: tuple[ListBlock, ...]

    def listed(self) -> frozenset[str]:
        """Every card placed by a block."""
        return frozenset(card for block in self.blocks for card in block.boxes)


def leaves_in_one_row(chart: Chart, box: CardBox, tree: TreeInput | None = None) -> bool:
    """Whether the tidy layout's "auto" stands a top-down chart's leaf reports in one row
    (`tidylayout.one_row_fits`: a small org whose row fits a slide at full size), as the
    dot layout then does too: no stacks, no lists (Chinook's 8 people: five in a row).
    `tree`: the chart's TreeInput when the caller has it."""
    if chart.direction == "LR":
        return False
    tree = tree or TreeInput(chart, box)
    return tree.nrows >= 2 and one_row_fits(tree)


def plan_top_down_lists(chart: Chart, box: CardBox, compact: str | int = "auto",
                        tree: TreeInput | None = None) -> TopDownLists | None:
    """The lists of a top-down chart (see the module docstring; `compact` as the tidy
    layout's, "auto" for the dot layout); None without lists (left to right, or when the
    tidy layout lists nobody). `tree`: the chart's TreeInput when the caller has it."""
    if chart.direction == "LR":
        return None
    tree = tree or TreeInput(chart, box)
    start, height = choose_compact(tree, compact)
    if start is None:
        return None
    lay = tree.layout(start, height)
    boxes, lines, ends = laid_out_cards(chart, tree, lay)
    members = block_members(chart, tree, start, height)
    root_of = {card: root for root, cards in members.items() for card in cards}
    own: dict[str, list[tuple[Connector, tuple[str, str]]]] = {}  # root -> its block's lines
    for line, pair in zip(lines, ends, strict=True):
        if pair[1] in root_of:
            own.setdefault(root_of[pair[1]], []).append((line, pair))
    blocks = tuple(_block(chart, start, card.id, members[card.id], boxes, own[card.id])
                   for card in chart.cards if card.id in members)
    return TopDownLists(start, blocks) if blocks else None


def block_members(chart: Chart, tree: TreeInput, start: int,
                  height: float | None) -> dict[str, list[str]]:
    """Each list root's cards in its block: the members the tidy layout groups in its
    block (`PreparedForest.blocks`: its reports in the listed rows and the leaf reports it
    stacks), with everything below them and their assistants; the list roots are those
    with a listed report (`start`: the list row, `height`: the column height)."""
    reports, assistants = chart.reports, chart.assistants
    rows = dict(zip(tree.forest.ids, tree.forest.raw, strict=True))
    found: dict[str, list[str]] = {}
    for root, group in tree.forest.blocks(tree.options(start, height)).items():
        if all(rows[card] < start for card in group):  # stacked leaves only: no list
            continue
        members = set(group)
        cards: list[str] = []
        todo = [k for k in reports[root] if k in members]
        while todo:
            current = todo.pop()
            cards.append(current)
            cards += assistants[current]
            todo += reports[current]
        found[root] = cards
    return found


def _feed(points: tuple[Point, ...], cut: float) -> tuple[Point, ...]:
    """A line from a list root from where it runs down across `cut` (the middle of the gap
    above the block) on: its part in the root's tree is drawn where Graphviz places it."""
    last = max(index for index, (_, y) in enumerate(points) if y <= cut + 0.01)
    return ((points[last][0], cut), *points[last + 1:])


def _block(chart: Chart, start: int, root: str, cards: list[str], boxes: dict[str, Box],
           own: list[tuple[Connector, tuple[str, str]]]) -> ListBlock:
    """One list root's block, relative to its top left (see `ListBlock`); `own`: the
    lines into its cards with their (from, to) card ids."""
    within = [line for line, pair in own if pair[0] != root]
    placed = [boxes[card] for card in cards]
    top = min(b.y - b.h / 2 for b in placed)
    bottom = max(b.y + b.h / 2 for b in placed)
    cut = top - LEVEL_GAP / 2
    feeds = [Connector(line.kind, _feed(line.points, cut)) for line, pair in own
             if pair[0] == root]
    points = [p for line in (*within, *feeds) for p in line.points]
    left = min([b.x - b.w / 2 for b in placed] + [p[0] for p in points])
    right = max([b.x + b.w / 2 for b in placed] + [p[0] for p in points])

    def moved(line: Connector) -> Connector:
        return Connector(line.kind, tuple((x - left, y - top) for x, y in line.points))

    # (a block starts on its first member's row, at most the list row: as the tidy layout's)
    first_row = min(start, *(chart.by_id[card].row for card in cards
                             if not chart.by_id[card].assistant))
    return ListBlock(
        root, first_row, right - left, bottom - top,
        {card: Box(b.x - left, b.y - top, b.w, b.h) for card, b in zip(cards, placed,
                                                                        strict=True)},
        tuple(map(moved, within)), tuple(map(moved, feeds)), cut - top)
