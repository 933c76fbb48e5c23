"""The DOT writer of the `dot` layout: cards as fixed-size boxes, level rows, stacked leaves.

Graphviz only places the boxes; orgviz draws the chart itself (see svg.py), so the layout
is the same whatever fonts or Graphviz build are installed. The same writer, with
`labels=True`, gives a stand-alone DOT file (`-o chart.dot`) with HTML-like card labels.

Structure of the graph:
- one rank per level row (`rank=same` with an invisible axis node per row, chained);
- a report more than one row below its manager is reached through invisible waypoint
  nodes, one per row in between, so its connector has a free channel;
- a manager's leaf reports (at least STACK_MIN) hang on a vertical spine, one card per row;
  more than STACK_ROWS hang on spines with a card on each side; in the layout graph a
  spine's row is one node as wide as its cards (so that Graphviz cannot pull them apart),
  in the stand-alone DOT a point node with a node for each card beside it;
- left to right, a manager's leaf reports stand in a block of columns instead (`Block`): the
  cards of a column share a rank (so they stack down the page), the columns are successive
  ranks joined row by row by invisible edges, and with several columns each is topped by an
  invisible cap node that keeps room for a bus along the block's top; a block's further
  columns of one level take further ranks of that level row (`block_ranks`), so the next
  level's column starts after them, and each level's leaves have columns of their own;
- left to right, a chart much taller than wide lists people from a level row on (`Lists`,
  `Listing`): a listing manager's reports stand to its right in shelves of columns under a
  bus (leaves in a block, each other report a column of its own with its own listing to
  its right), so the tree's breadth runs across the page instead of down it;
- top-down, the layout graph of `orgviz render` (`lists=True`) lists people from the tidy
  layout's list row on as the tidy layout lists them (`dotlists`): each list root's list is
  a block of cards the tidy layout places, here a column of invisible nodes as wide as the
  block, one a rank down to its last card (`TopBlock`); its cards are no nodes; and a
  small chart whose leaf reports the tidy layout stands in one row (`one_row_fits`) stacks
  none of them (`dotlists.leaves_in_one_row`);
- assistants stand beside their manager, to its right (left to right: below it), in lines
  of at most ASSISTANTS_ACROSS (or the chart's `assistants_across`) (`Assistants`): in the
  layout graph a line is one node as wide as its cards, the first in the manager's rank,
  each further one in a rank of its own below it (left to right: to its right), so that
  the manager's level row takes that many more ranks (`Ranks`), drawn only the tidy
  layout's ASSISTANT_LINE_GAP apart (`dotlayout.close_lines`); a listed manager's further
  lines take the ranks after its own, its list starting after them (`listed_assistants`);
  dotted lines are not in the layout;
- separate trees (several tops: under `--force`, a card whose manager is unknown, a cycle's)
  share the level ranks; orgviz stands each across the ranks of its own, TREE_GAP apart
  (`DotPlan.trees`, `dotlayout.separate_trees`).
"""

from __future__ import annotations

import bisect
import itertools
import math
from typing import NamedTuple

from orgviz.render.cards import CardBox, CardText
from orgviz.render.chart import Card, Chart
from orgviz.render.dotlists import (
    ListBlock,
    TopDownLists,
    leaves_in_one_row,
    plan_top_down_lists,
)
from orgviz.render.labels import dot_string, dot_tooltip, html_label_text
from orgviz.render.themes import Theme, accent
from orgviz.render.tidylayout import TreeInput, assistant_lines, line_cards

STACK_MIN = 2  # stack a manager's leaf reports from this many on
STACK_ROWS = 8  # rows per spine (two cards per row)
NODESEP = 0.3  # inches between neighbours in a rank
RANKSEP = 0.5  # inches between ranks
POINT = 0.05  # inches: size of spine points and waypoints
AXIS = 0.05  # inches: width of the invisible axis nodes
SPINE_GAP = (POINT / 2 + NODESEP) * 72  # px from a spine to the cards beside it
DOTTED_CARDS = 300  # the stand-alone DOT draws dotted lines in charts of this many cards
FRAME = 16 / 9  # lists are chosen for the smallest frame of this aspect around the chart
FRAME_TIE = 0.05  # frames within 5% of the smallest are a tie: the deepest list row wins
#: Graphviz packs lists about this much tighter down the page than `measure_lists`'s boxes
#: (a shelf or list tucks in under the shorter parts of the one above). Measured, drawn
#: height over estimate: 0.67 to 0.98 (median 0.83) for lists from each row with rooms
#: about the chosen one on the example orgs, 0.56 to 0.98 (median 0.72) on generated orgs
#: of 80 to 500 people; at 0.78 the lists chosen on each of these 10 orgs drew a 16:9 frame
#: within 5% of the smallest that 0.70 to 0.87 chose (at 0.87: up to 26% larger).
INTERLOCK = 0.78
#: The weight of a line's edges on from its first waypoint down to its report (the edge
#: from the manager weighs 2): a line through waypoints turns at its manager's bus and runs
#: straight on into its card. At 8, Graphviz left orgs/enterprise.yaml's Soren Martin 124
#: px aside of his waypoints rather than move the crowded stacks beside them (8 x 124 px
#: cost less than the move), and his line turned again just above his row, across the
#: corner of the card beside him.
ONWARD = 16


class Spine(NamedTuple):
    """Stacked leaf reports of one manager: a chain of points with a card on each side.

    In the layout graph each point is a node as wide as its row (the cards beside it are no
    nodes of their own: `dotlayout.place_spines` places them); in the stand-alone DOT a
    point node between its cards' nodes."""

    manager: str  # card id
    points: tuple[str, ...]  # DOT node names, top to bottom
    rows: tuple[tuple[str | None, str | None], ...]  # (left card id, right card id) per point
    via: tuple[str, ...] = ()  # waypoints from the manager down to the first point


class Block(NamedTuple):
    """Left to right: stacked leaves of one manager in columns side by side, cards going down.

    Column k is one rank (in its leaves' level row, `column_places`); its trunk runs in
    the gap at its left, and with several columns a bus along the block's top (through the
    cap nodes) joins the trunks."""

    manager: str  # card id
    columns: tuple[tuple[str, ...], ...]  # card ids of each column, top to bottom
    caps: tuple[str, ...] = ()  # DOT node above each column (only with several columns)
    via: tuple[str, ...] = ()  # waypoints from the manager to the block's first rank


class Listing(NamedTuple):
    """Left to right, listed: a manager's reports to its right in shelves, one under the
    other; a shelf's columns stand side by side (a rank each, with room between them for the
    listings of the reports in them) under a bus through its caps, level with the manager's
    middle for the first shelf."""

    manager: str  # card id
    shelves: tuple[tuple[tuple[str, ...], ...], ...]  # per shelf, card ids of each column
    caps: tuple[tuple[str, ...], ...]  # per shelf, the DOT nodes of its bus (one per rank
    # from the list's first rank to the shelf's last column; none for one column)
    via: tuple[str, ...] = ()  # waypoints from a list root to the rank before the list row


class Route(NamedTuple):
    """A solid line from a manager down to a report, through waypoints when rows apart."""

    manager: str  # card id
    report: str  # card id
    via: tuple[str, ...] = ()  # DOT node names of the waypoints, top to bottom


class Assistants(NamedTuple):
    """A manager's assistants in lines of `assistant_lines` (as the tidy layout stands
    them), in the layout graph a node a line as wide as its cards (nothing can come
    between them): the first line beside the manager in its rank, each further one in the
    next rank, straight under the first (`dotlayout.place_assistants` places the cards,
    `dotlayout.close_lines` draws the further ranks ASSISTANT_LINE_GAP apart)."""

    manager: str  # card id
    nodes: tuple[str, ...]  # DOT node of each line
    lines: tuple[tuple[str, ...], ...]  # card ids of each line, in file order


class TopBlock(NamedTuple):
    """Top-down, a list root's list (see `dotlists`) in the layout graph: a column of
    nodes as wide as the block, one a rank from its first cards' rank down to its last
    card's, and the waypoints from the root down to the first."""

    block: ListBlock
    nodes: tuple[str, ...]  # DOT node names, top to bottom
    via: tuple[str, ...] = ()  # waypoints from the root down to the first node


class DotPlan(NamedTuple):
    """DOT source plus what the layout needs to read Graphviz's answer back."""

    source: str
    node_of: dict[str, str]  # card id -> DOT node name
    routes: tuple[Route, ...] = ()
    spines: tuple[Spine, ...] = ()
    axis: tuple[str, ...] = ()  # DOT node name of each level row's axis node
    links: tuple[tuple[str, str, str], ...] = ()  # (tail node, head node, kind)
    stacked: frozenset[str] = frozenset()  # card ids on spines (or in blocks or lists)
    blocks: tuple[Block, ...] = ()  # left to right: stacked leaves in columns
    listings: tuple[Listing, ...] = ()  # left to right, from the list row on
    list_from: int | None = None  # the first listed level row (None: no lists)
    assistants: tuple[Assistants, ...] = ()  # managers' assistants placed by line nodes
    deeper: tuple[tuple[int, str], ...] = ()  # (level row, axis node of its last further
    # rank) of each row that takes further ranks for lines of assistants
    axis_nodes: frozenset[str] = frozenset()  # every axis node: rows' and further ranks'
    heights: dict[str, float] | None = None  # DOT node -> its height in points, where it is
    # not the chart's tallest card's (Graphviz's `plain` gives 5 digits: 86 came back 85.9968)
    top_blocks: tuple[TopBlock, ...] = ()  # top-down lists: each list root's block
    top_from: int | None = None  # top-down: the first listed level row (None: no lists)
    trees: tuple[frozenset[str], ...] = ()  # the DOT nodes of each separate tree (a top
    # and everyone below it, with their waypoints, rows, caps...), in file order of the tops;
    # none with only one top (see `tree_nodes`)


def is_leaf(chart: Chart, card_id: str) -> bool:
    """A card with nobody below it on the solid tree and no assistant."""
    return not chart.reports[card_id] and not chart.assistants[card_id]


def stacked_leaves(chart: Chart, card: Card) -> list[str]:
    """The leaf reports of `card` that hang on stacks, by level row then file order."""
    leaves = [r for r in chart.reports[card.id] if is_leaf(chart, r)]
    if len(leaves) < STACK_MIN:
        return []
    by_id = chart.by_id
    return sorted(leaves, key=lambda r: by_id[r].row)


def all_stacked_leaves(chart: Chart) -> dict[str, list[str]]:
    """`stacked_leaves` of every card that has any, by card id."""
    reports, assistants, by_id = chart.reports, chart.assistants, chart.by_id
    found: dict[str, list[str]] = {}
    for card in chart.cards:
        below = reports[card.id]
        if len(below) < STACK_MIN:
            continue
        leaves = [r for r in below if not reports[r] and not assistants[r]]
        if len(leaves) >= STACK_MIN:
            found[card.id] = sorted(leaves, key=lambda r: by_id[r].row)
    return found


def assistant_ranks(chart: Chart, below: int | None = None) -> dict[int, int]:
    """The further ranks of each level row above `below` (None: every row) that holds a
    manager with more than one line of assistants: its most lines, less one."""
    extra: dict[int, int] = {}
    by_id, most = chart.by_id, chart.assistants_across
    for manager, helpers in chart.assistants.items():
        lines = assistant_lines(len(helpers), most)[0]
        row = by_id[manager].row
        if lines > 1 and (below is None or row < below):
            extra[row] = max(extra.get(row, 0), lines - 1)
    return extra


def block_ranks(chart: Chart, columns_of: dict[str, list[list[str]]],
                skip: frozenset[str] = frozenset(), below: int | None = None) -> dict[int, int]:
    """Left to right, the further ranks of each level row above `below` (None: every row)
    that holds columns of a block of leaves (`columns_of`: `leaf_blocks`' columns; the
    blocks of the managers in `skip`, which list their leaves, left out): its most columns
    of a block, less one, so that a block's further columns stand in their level's
    column, not in the next level's."""
    extra: dict[int, int] = {}
    for manager, columns in columns_of.items():
        if len(columns) < 2 or manager in skip:
            continue
        for row, more in column_places(chart, manager, columns):
            if more and (below is None or row < below):
                extra[row] = max(extra.get(row, 0), more)
    return extra


def column_places(chart: Chart, manager: str,
                  columns: list[list[str]]) -> list[tuple[int, int]]:
    """Left to right, where each column of a manager's block stands: (its cards' level
    row, at least the row below the manager's; how many columns of that row come before
    it in the block), the row's own rank and its further ranks in turn."""
    by_id = chart.by_id
    low = by_id[manager].row + 1
    places: list[tuple[int, int]] = []
    for column in columns:
        row = max(low, by_id[column[0]].row)
        places.append((row, places[-1][1] + 1 if places and places[-1][0] == row else 0))
    return places


def further_ranks(*extras: dict[int, int]) -> dict[int, int]:
    """The further ranks of each row that any of `extras` gives it: the most of them."""
    merged: dict[int, int] = {}
    for extra in extras:
        for row, more in extra.items():
            merged[row] = max(merged.get(row, 0), more)
    return merged


class Ranks:
    """Level rows to Graphviz ranks: a row's rank is its index plus the further ranks the
    rows above it take (`assistant_ranks`, left to right `block_ranks` too)."""

    def __init__(self, extra: dict[int, int]) -> None:
        self.extra = extra
        self.starts: list[int] = []  # rank of rows 0 .. the last with further ranks + 1
        at = 0
        for row in range(max(extra, default=-1) + 2):
            self.starts.append(at)
            at += 1 + extra.get(row, 0)

    def __call__(self, row: int) -> int:
        """The rank of level row `row`."""
        starts = self.starts
        return row + starts[-1] - len(starts) + 1 if row >= len(starts) else starts[row]

    def row_at(self, rank: int) -> int:
        """The level row that rank `rank` belongs to (its own rank or a further one)."""
        starts = self.starts
        if rank >= starts[-1]:
            return rank - starts[-1] + len(starts) - 1
        return bisect.bisect_right(starts, rank) - 1


def rows_used(chart: Chart, leaves_of: dict[str, list[str]] | None = None,
              box: CardBox | None = None, ranks: Ranks | None = None,
              columns_of: dict[str, list[list[str]]] | None = None) -> int:
    """How many level rows the layout needs: down to the last row with a card that is not
    stacked, or reached by a stack (a stack starts on its most senior leaf's row, one card
    a rank; left to right each column of a block stands in its cards' row's ranks,
    `column_places`). `leaves_of` is `all_stacked_leaves(chart)` if known; `box` the
    chart's card size (left to right it shapes the blocks); `ranks` the rows' ranks (by
    default with every row's lines of assistants and, left to right, blocks' columns);
    `columns_of` the blocks' columns (`leaf_blocks`) if known."""
    stack_rows = chart.stack_rows or STACK_ROWS
    lr = chart.direction == "LR"
    by_id = chart.by_id
    if leaves_of is None:
        leaves_of = all_stacked_leaves(chart)
    if lr and columns_of is None:
        columns_of = {manager: row_columns(chart, leaves, box, stack_rows)
                      for manager, leaves in leaves_of.items()}
    if ranks is None:
        ranks = Ranks(further_ranks(assistant_ranks(chart),
                                    block_ranks(chart, columns_of) if lr and columns_of
                                    else {}))
    stacked: set[str] = set()
    last = -1
    for card in chart.cards:
        leaves = leaves_of.get(card.id)
        if not leaves:
            continue
        stacked.update(leaves)
        if lr and columns_of is not None:  # (always, left to right)
            row, more = column_places(chart, card.id, columns_of[card.id])[-1]
            last = max(last, ranks(row) + more)
            continue
        first_row = max(card.row + 1, by_id[leaves[0]].row)
        groups = stack_groups(leaves, stack_rows)
        depth = max(len(g) if len(leaves) <= stack_rows else math.ceil(len(g) / 2)
                    for g in groups)
        last = max(last, ranks(first_row) + depth - 1)
    for card in chart.cards:
        if card.id not in stacked:
            last = max(last, ranks(card.row))
    return ranks.row_at(last) + 1 if last >= 0 else 0


def stack_groups(leaves: list[str], rows: int = STACK_ROWS) -> list[list[str]]:
    """Split stacked leaves into spines: one column up to `rows` cards, else spines of
    at most 2 * `rows` cards with a column on each side, as few as hold them, cut by rows
    of two: each spine but the last as many rows deep (as even as their number allows),
    every row two cards but the very last of an odd count. (Cut by cards, five two deep
    were three and two: a card alone on the first spine's second row; six were three and
    three, a card alone on each.)"""
    count = len(leaves)
    if count <= rows:
        return [leaves]
    spines = math.ceil(count / (2 * rows))
    size = 2 * math.ceil(math.ceil(count / 2) / spines)  # (rows of two a spine, at most `rows`)
    return [leaves[i:i + size] for i in range(0, count, size)]


def block_columns(leaves: list[str], box: CardBox | None = None,
                  rows: int = STACK_ROWS) -> list[list[str]]:
    """Left to right: cut stacked leaves (in order) into columns of a block as nearly square
    as the cards allow (the smallest ratio of the longer side to the shorter; fewer columns
    on a tie), at most `rows` cards a column, the columns as even as their number allows.
    `box` is the chart's card size (without it the usual 196 x 99): a column is a card wide
    with the gap between ranks; down the page a row of the block is as tall as its tallest
    card's own height (`lr_heights`), the rows the gap between cards apart, and with several
    columns the block has a lane for its bus on top."""
    count = len(leaves)
    width = box.width if box else 196.0
    heights = [box.own_height(leaf) for leaf in leaves] if box else [99.0] * count
    across, down, lane = RANKSEP * 72, NODESEP * 72, (POINT + NODESEP) * 72
    rows = max(rows, 1)
    best, best_per = math.inf, count
    for cols in range(max(1, math.ceil(count / rows)), count + 1):
        per = math.ceil(count / cols)
        if math.ceil(count / per) != cols:  # the same columns as fewer of them
            continue
        block_w = cols * (width + across) - across
        block_h = (sum(max(heights[row::per]) + down for row in range(per)) - down
                   + (lane if cols > 1 else 0.0))
        ratio = max(block_w, block_h) / min(block_w, block_h)
        if ratio < best - 1e-9:
            best, best_per = ratio, per
        elif block_w > block_h:  # wider still with more columns
            break
    return [leaves[i:i + best_per] for i in range(0, count, best_per)]


def row_columns(chart: Chart, leaves: list[str], box: CardBox | None = None,
                rows: int = STACK_ROWS) -> list[list[str]]:
    """Left to right: a manager's stacked leaves (by level row) in the columns of its block,
    each level row's leaves in columns of their own (`block_columns`), so that every
    column stands in its cards' level's column of the chart (`column_places`)."""
    by_id = chart.by_id
    columns: list[list[str]] = []
    for _, group in itertools.groupby(leaves, key=lambda leaf: by_id[leaf].row):
        columns += block_columns(list(group), box, rows)
    return columns


def lr_heights(chart: Chart, box: CardBox,
               columns_of: dict[str, list[list[str]]]) -> dict[str, float]:
    """Left to right, each card's height where it is not the chart's tallest card's: a rank
    is a column, its cards one above the other, so a card is as tall as it needs (its
    own height); but a block's cards are as tall as the tallest of their row of the block
    (its rows run straight across its columns: their tops stay level), and assistants and
    their managers keep the chart's tallest height (their lines are placed as cards of one
    size). `columns_of` holds each block's columns (`leaf_blocks`). Empty where the chart is
    top-down or the box has no heights of its own (deck slides: one size)."""
    if chart.direction != "LR" or not box.heights:
        return {}
    own, tallest = box.own_height, box.height
    heights = {card.id: own(card.id) for card in chart.cards
               if not card.assistant and not chart.assistants[card.id]}
    for columns in columns_of.values():
        for row in itertools.zip_longest(*columns):
            cards = [card_id for card_id in row if card_id is not None]
            height = max(heights.get(card_id, tallest) for card_id in cards)
            heights.update((card_id, height) for card_id in cards)
    return {card_id: height for card_id, height in heights.items() if height != tallest}


class LeafBlocks(NamedTuple):
    """Left to right: each manager's block of leaves as its columns of card ids
    (`block_columns`), and each card's height where not the chart's tallest (`lr_heights`);
    built once a chart (`leaf_blocks`) and passed to whatever needs them."""

    columns: dict[str, list[list[str]]]  # manager -> its block's columns
    heights: dict[str, float]  # card id -> its height, where not the box's


def leaf_blocks(chart: Chart, box: CardBox, leaves_of: dict[str, list[str]]) -> LeafBlocks:
    """The blocks of the managers' stacked leaves `leaves_of` and the cards' heights."""
    stack_rows = chart.stack_rows or STACK_ROWS
    columns_of = {manager: row_columns(chart, leaves, box, stack_rows)
                  for manager, leaves in leaves_of.items()}
    return LeafBlocks(columns_of, lr_heights(chart, box, columns_of))


class Item(NamedTuple):
    """One entry of a list: a manager's leaf block, or one report with its own list."""

    columns: tuple[tuple[str, ...], ...]  # card ids: a block's columns, or ((report,),)
    ranks: int  # ranks it takes: the block's columns, or 1 + the report's list
    size: float  # px down the page


class Lists(NamedTuple):
    """Left to right: from which level row people are listed, and the shelves of each
    listing manager (a list root above that row, or a listed manager)."""

    start: int | None  # the first listed level row; None: no lists
    room: int  # ranks a shelf may take (a shelf has at least one item)
    shelves: dict[str, tuple[tuple[Item, ...], ...]]  # listing manager -> its shelves
    listed: frozenset[str]  # cards placed by a list (reports, leaves, their assistants)
    width: float = 0.0  # estimated size of the chart's drawing, px
    height: float = 0.0


NO_LISTS = Lists(None, 0, {}, frozenset())

#: A leaf block of _blocks: its columns of card ids, and its size down the page.
_LeafBlock = tuple[tuple[tuple[str, ...], ...], float]
#: A tree card's step of _Estimate.measure: its reports in the tree, its leaf block's
#: (size, first rank, last rank) or None, the rank its list starts in, its row, its
#: assistants' room, and whether it is a root of the estimate.
_TreeStep = tuple[list[str], tuple[float, int, int] | None, int, int, float, bool]
#: One card's step (reports first): id, its own block if listing, its listed reports with
#: their assistants' room down the page and further ranks, and its tree step if it is laid
#: out in the tree.
_Step = tuple[str, _LeafBlock | None, list[tuple[str, float, int]], _TreeStep | None]


def listed_lines(count: int, step: float, most: int | None = None) -> tuple[float, int]:
    """A listed manager's `count` assistants in lines (`assistant_lines`, at most `most` a
    line): the room they take down the page below it (`step`: a card's height and the gap)
    and the further ranks (one a further line) before its own list."""
    if not count:
        return 0.0, 0
    lines, across = assistant_lines(count, most)
    return across * step, lines - 1


def _blocks(box: CardBox, blocks: LeafBlocks) -> dict[str, _LeafBlock]:
    """Left to right, each block of leaves: its columns and its size down the page (its
    first column's cards are as tall as their rows: `lr_heights`)."""
    down, lane = NODESEP * 72, (POINT + NODESEP) * 72
    heights = blocks.heights
    result = {}
    for manager, columns in blocks.columns.items():
        tall = sum(heights.get(card_id, box.height) + down for card_id in columns[0]) - down
        result[manager] = (tuple(tuple(c) for c in columns),
                           tall + (lane if len(columns) > 1 else 0))
    return result


#: A subtree's extent down the page in each rank it takes: rank -> (top, bottom), px.
_Profile = dict[int, tuple[float, float]]


def _span(first: int, last: int, tall: float, zone: int | None) -> _Profile:
    """A block or list `tall` px down the page in ranks `first` to `last`, the ranks from
    `zone` on (the list row's: None, no lists) taken as one: every list starts in that rank,
    so lists are one below the other whatever ranks they take after it (and a profile is
    no longer than the tree is deep, however wide the lists)."""
    if zone is not None:
        first, last = min(first, zone), min(last, zone)
    return dict.fromkeys(range(first, last + 1), (0.0, tall))


def _stacked(parts: list[_Profile], gap: float) -> _Profile:
    """Subtrees (or blocks, lists) one below the other in their order, each as high as
    those before it allow: `gap` below them in every rank they share, beside them in the
    others (Graphviz keeps only the order within a rank: a manager's reports on level rows
    apart, and their subtrees, overlap down the page)."""
    merged: _Profile = {}
    for part in parts:
        shift = max((merged[rank][1] + gap - top for rank, (top, _) in part.items()
                     if rank in merged), default=0.0)
        for rank, (top, bottom) in part.items():
            if rank in merged:
                merged[rank] = (merged[rank][0], bottom + shift)
            else:
                merged[rank] = (top + shift, bottom + shift)
    return merged


def _under(parts: _Profile, rank: int, tall: float) -> _Profile:
    """A card `tall` px down the page in rank `rank`, at the top of its reports' `parts`
    (its own rank holds nothing of them)."""
    top = min((top for top, _ in parts.values()), default=0.0)
    parts[rank] = (top, top + tall)
    return parts


def _depth(profile: _Profile) -> float:
    """How far down the page a profile reaches from its top."""
    if not profile:
        return 0.0
    return (max(bottom for _, bottom in profile.values())
            - min(top for top, _ in profile.values()))


class _Estimate:
    """Left to right: the size of the chart with lists from a row with shelves of a room,
    estimated from the plan (ranks a card wide with the gap between them, the subtrees of a
    tree card's reports, its block and its list one below the other in the ranks they share,
    `_stacked`; a list as tall as its shelves)."""

    def __init__(self, chart: Chart, box: CardBox, leaves_of: dict[str, list[str]],
                 blocks: LeafBlocks | None = None) -> None:
        """`blocks`: `leaf_blocks(chart, box, leaves_of)` if already built."""
        self.chart, self.box, self.leaves_of = chart, box, leaves_of
        if blocks is None:
            blocks = leaf_blocks(chart, box, leaves_of)
        self.heights = blocks.heights
        self.blocks = _blocks(box, blocks)
        self.start: int | None = None
        self.listed: set[str] = set()
        self.steps: list[_Step] = []
        self.ranks = Ranks({})  # the ranks of the tree's rows (`assistant_ranks`)

    def prepare(self, start: int | None) -> None:
        """Who is listed from row `start` on, and the steps of `measure` (reports first)."""
        chart, leaves_of, blocks = self.chart, self.leaves_of, self.blocks
        reports, assistants, by_id = chart.reports, chart.assistants, chart.by_id
        height, down = self.box.height, NODESEP * 72
        most = chart.assistants_across
        listed: set[str] = set()
        if start is not None:
            for card in chart.cards:  # depth first: a manager before its reports
                if card.manager is not None and (card.manager in listed or (
                        not card.assistant and card.row >= start)):
                    listed.add(card.id)
            for card in chart.cards:  # a list root lists its leaves too
                if card.id not in listed and any(r in listed for r in reports[card.id]):
                    listed.update(leaves_of.get(card.id, ()))
        steps: list[_Step] = []
        for card in reversed(chart.cards):  # reports before their manager
            cid = card.id
            if card.assistant and card.manager in listed:
                continue
            own = [r for r in reports[cid] if r in listed]
            block = None
            items: list[tuple[str, float, int]] = []  # listed reports with their
            # assistants' room down the page and further ranks
            if own or cid in listed:
                leaves = leaves_of.get(cid, ())
                block = blocks[cid] if leaves else None
                on_block = set(leaves)
                items = [(r, *listed_lines(len(assistants[r]), height + down, most))
                         for r in own if r not in on_block]
            tree = None
            if cid not in listed:
                leaves = () if own else leaves_of.get(cid, ())
                on_block = set(leaves)
                kids = [r for r in reports[cid] if r not in listed and r not in on_block]
                tree_block = None
                if leaves:
                    columns, tall = blocks[cid]
                    first_row = max(card.row + 1, by_id[leaves[0]].row)
                    tree_block = (tall, first_row, first_row + len(columns) - 1)
                list_rank = max(card.row, (start or 0) - 1)
                room, _ = listed_lines(len(assistants[cid]), height + down, most)  # (listed)
                tree = (kids, tree_block, list_rank, card.row, room,
                        card.manager is None or card.manager in listed)
            steps.append((cid, block, items, tree))
        self.start, self.listed, self.steps = start, listed, steps
        self.ranks = Ranks(assistant_ranks(chart, start))

    def measure(self, room: int, keep: bool = False) -> Lists:
        """The estimate with shelves of `room` ranks (`keep`: with the shelves themselves)."""
        width, height = self.box.width, self.box.height
        across, down, lane = RANKSEP * 72, NODESEP * 72, (POINT + NODESEP) * 72
        shelves_of: dict[str, tuple[tuple[Item, ...], ...]] = {}
        ranks_of: dict[str, int] = {}  # listing manager -> ranks its list takes
        list_size: dict[str, float] = {}  # listing manager -> px its list takes down the page
        size: dict[str, _Profile] = {}  # tree card -> its subtree's extent in each rank
        reach: dict[str, int] = {}  # tree card -> the last rank its subtree takes
        roots: list[str] = []
        for cid, block, items, tree in self.steps:
            if block is not None or items:
                # (ranks, size, columns, Item or None) of each item, shelved in order
                entries = []
                if block is not None:
                    columns, tall = block
                    entries.append((len(columns), tall, len(columns),
                                    Item(columns, len(columns), tall) if keep else None))
                for report, extra, more in items:
                    inner = list_size.get(report)
                    own = self.heights.get(report, height)
                    tall = own if inner is None else max(own, own / 2 + inner)
                    ranks = 1 + more + ranks_of.get(report, 0)
                    entries.append((ranks, tall + extra, 1, Item(
                        ((report,),), ranks, tall + extra) if keep else None))
                widest = total = 0.0
                used = count = columns_in = 0
                tallest = 0.0
                shelves: list[list[Item]] = [[]]
                for ranks, tall, columns_n, item in entries:
                    if count and used + ranks > room:  # a new shelf
                        total += tallest + (lane if columns_in > 1 else 0.0) + down
                        widest = max(widest, used)
                        used = count = columns_in = 0
                        tallest = 0.0
                        if keep:
                            shelves.append([])
                    used += ranks
                    count += 1
                    columns_in += columns_n
                    tallest = max(tallest, tall)
                    if keep:
                        shelves[-1].append(item)  # type: ignore[arg-type]  # an Item with keep
                total += tallest + (lane if columns_in > 1 else 0.0)
                ranks_of[cid] = int(max(widest, used))
                list_size[cid] = total
                if keep:
                    shelves_of[cid] = tuple(tuple(shelf) for shelf in shelves)
            if tree is None:
                continue
            kids, tree_block, list_rank, row, extra, root = tree
            parts = [size.pop(kid) for kid in kids]
            last = max([row, *(reach[kid] for kid in kids)])
            if tree_block is not None:
                parts.append(_span(tree_block[1], tree_block[2], tree_block[0], self.start))
                last = max(last, tree_block[2])
            if cid in list_size:  # a list root's list starts in the list row's rank
                parts.append(_span(list_rank + 1, list_rank + ranks_of[cid], list_size[cid],
                                   self.start))
                last = max(last, list_rank + ranks_of[cid])
            size[cid] = _under(_stacked(parts, down), row,
                               self.heights.get(cid, height) + extra)
            reach[cid] = last
            if root:
                roots.append(cid)
        total_h = _depth(_stacked([size[r] for r in roots], down))
        if list_size:
            total_h *= INTERLOCK
        last = max((reach[r] for r in roots), default=0)
        total_w = self.ranks(last + 1) * (width + across) - across
        listed: frozenset[str] = frozenset()
        if keep:
            assistants = self.chart.assistants
            listed = frozenset(self.listed | {a for c in self.listed for a in assistants[c]})
        return Lists(self.start, room, shelves_of, listed, total_w, total_h)


def measure_lists(chart: Chart, box: CardBox, leaves_of: dict[str, list[str]],
                  start: int | None, room: int) -> Lists:
    """Lists from level row `start` (None: none) with shelves of `room` ranks, and the
    estimate of the chart's size (see `_Estimate`)."""
    estimate = _Estimate(chart, box, leaves_of)
    estimate.prepare(start)
    return estimate.measure(room, keep=True)


def _rooms(most: int) -> list[int]:
    """Rooms to try: 2, 3, 4, 5, 6, 8, 10, 12, 15, ... (a quarter more each) up to `most`."""
    rooms = [2]
    while rooms[-1] < most:
        rooms.append(max(rooms[-1] + 1, round(rooms[-1] * 1.25)))
    return rooms


def plan_lists(chart: Chart, box: CardBox, leaves_of: dict[str, list[str]] | None = None,
               blocks: LeafBlocks | None = None) -> Lists:
    """Left to right: the lists that give the smallest 16:9 frame around the chart.

    None while the chart (without lists) is at least as wide as tall; else every list row
    is tried, each with the room that suits it best, and no lists too, each by the
    estimate of `_Estimate`; of the frames within FRAME_TIE of the smallest, the deepest
    row wins (no lists the deepest of all), with its best room. A row's best room is found
    by halving: more room makes the chart wider and mostly less tall, so the frame is
    smallest about where it turns from being as tall as 16:9 allows to being wider (the
    rooms about that turn are measured: two below it, one above). Top-down charts have no
    such lists (theirs are the tidy layout's: `dotlists`). `leaves_of` and `blocks` are
    `all_stacked_leaves(chart)` and `leaf_blocks` if known."""
    if chart.direction != "LR":
        return NO_LISTS
    if leaves_of is None:
        leaves_of = all_stacked_leaves(chart)
    estimate = _Estimate(chart, box, leaves_of, blocks)
    estimate.prepare(None)
    plain = estimate.measure(0, keep=True)
    if plain.width >= plain.height:
        return plain

    def frame(lists: Lists) -> float:
        return max(lists.width, FRAME * lists.height)

    rooms = _rooms(len(chart.cards) + 1)
    best_of: dict[int, tuple[float, int]] = {}  # row -> (frame, room)
    rows = sorted({card.row for card in chart.cards
                   if card.manager is not None and not card.assistant and card.row >= 1})
    for start in rows:
        estimate.prepare(start)
        if not estimate.listed:
            continue
        tried: dict[int, Lists] = {}
        low, high = 0, len(rooms) - 1  # the first room whose chart is wide enough
        while low < high:
            middle = (low + high) // 2
            lists = tried[middle] = estimate.measure(rooms[middle])
            if lists.width >= FRAME * lists.height:
                high = middle
            else:
                low = middle + 1
        # (two rooms less too: a shelf's tallest item can make a list taller with more
        # room, so the frame is not smallest right at the turn on every chart)
        for index in (low - 2, low - 1, low, low + 1):
            if 0 <= index < len(rooms):
                lists = tried.get(index) or estimate.measure(rooms[index])
                if start not in best_of or frame(lists) < best_of[start][0] - 1e-6:
                    best_of[start] = (frame(lists), rooms[index])
    smallest = min([frame(plain), *(value for value, _ in best_of.values())])
    if frame(plain) <= smallest * (1 + FRAME_TIE):
        return plain
    deepest = max(start for start, (value, _) in best_of.items()
                  if value <= smallest * (1 + FRAME_TIE))
    estimate.prepare(deepest)
    return estimate.measure(best_of[deepest][1], keep=True)


def _with(attrs: str, more: str) -> str:
    """An edge's attributes (`' [...]'` or none) with `more` (`', name=value'` or
    nothing) added."""
    if not more:
        return attrs
    return f"{attrs[:-1]}{more}]" if attrs else f" [{more[2:]}]"


def weighted(attrs: str, weight: int) -> str:
    """An edge's attributes (`' [...]'` or none) with `weight` added."""
    return f"{attrs[:-1]}, weight={weight}]" if attrs else f" [weight={weight}]"


def _num(value: float) -> str:
    return f"{value:.4f}".rstrip("0").rstrip(".")


def _html_label(card: Card, text: CardText, theme: Theme) -> str:
    """A card as an HTML-like label: accent band, bold name, title, small team line."""
    color = accent(theme, card.color) if card.color else None
    rows = []
    if color:
        rows.append(f'<TR><TD HEIGHT="4" BGCOLOR="{color}"></TD></TR>')
    name_color = theme.muted if card.kind == "open" else theme.text
    name = "<BR/>".join(html_label_text(line) for line in text.name)
    rows.append(f'<TR><TD><FONT POINT-SIZE="11" COLOR="{name_color}"><B>{name}</B></FONT>'
                f'</TD></TR>')
    if text.title:
        title = "<BR/>".join(html_label_text(line) for line in text.title)
        rows.append(f'<TR><TD><FONT POINT-SIZE="9" COLOR="{theme.muted}">{title}</FONT>'
                    f'</TD></TR>')
    if text.team:
        rows.append(f'<TR><TD><FONT POINT-SIZE="7.5" COLOR="{theme.faint}">'
                    f'{html_label_text(text.team)}</FONT></TD></TR>')
    if text.dotted:
        rows.append(f'<TR><TD><FONT POINT-SIZE="7.5" COLOR="{theme.dotted_line}">'
                    f'{html_label_text(text.dotted)}</FONT></TD></TR>')
    return ('<<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="1">'
            + "".join(rows) + "</TABLE>>")


class _Writer:
    def __init__(self, chart: Chart, box: CardBox, theme: Theme,
                 texts: dict[str, CardText] | None, lists: bool = False) -> None:
        self.chart, self.box, self.theme, self.texts = chart, box, theme, texts
        self.lines: list[str] = []
        self.node_of = {card.id: f"c{i}" for i, card in enumerate(chart.cards)}
        self.counter = 0
        self.leaves_of = all_stacked_leaves(chart)
        # Left to right: the leaves' blocks and the cards' heights, built once (the lists'
        # estimate, the rows in use, the heights and the blocks written all take them).
        self.leaf_blocks = (leaf_blocks(chart, box, self.leaves_of)
                            if chart.direction == "LR" else LeafBlocks({}, {}))
        self.lists = plan_lists(chart, box, self.leaves_of, self.leaf_blocks)
        # Top-down lists (the layout graph only): each list root's block is a column of
        # nodes; its cards are no nodes of their own, nor are its leaves on spines. A small
        # chart whose leaf reports the tidy layout stands in one row has neither lists nor
        # stacks: its leaves stand in their rows as other cards do.
        # (One TreeInput for both questions: it is built from every card.)
        tree = (TreeInput(chart, box) if lists and texts is None and chart.direction != "LR"
                else None)
        one_row = tree is not None and leaves_in_one_row(chart, box, tree)
        if one_row:
            self.leaves_of = {}
        self.top_lists: TopDownLists | None = (
            plan_top_down_lists(chart, box, tree=tree) if tree is not None and not one_row
            else None)
        self.in_blocks = self.top_lists.listed() if self.top_lists else frozenset()
        self.block_of = {b.root: b for b in self.top_lists.blocks} if self.top_lists else {}
        if self.top_lists:
            self.leaves_of = {manager: leaves for manager, leaves in self.leaves_of.items()
                              if manager not in self.block_of
                              and manager not in self.in_blocks}
        # The layout graph (top-down) holds a spine's row as one node; the stand-alone DOT a
        # node a card. Cards placed by their spine's rows are no nodes of their own.
        self.rows_as_nodes = texts is None and chart.direction != "LR"
        self.on_rows = frozenset(leaf for leaves in self.leaves_of.values()
                                 for leaf in leaves) if self.rows_as_nodes else frozenset()
        self.ranks = Ranks(further_ranks(
            assistant_ranks(chart, self.top_lists.start if self.top_lists
                            else self.lists.start),
            block_ranks(chart, self.leaf_blocks.columns,
                        self.lists.listed | frozenset(self.lists.shelves), self.lists.start)))
        # Managers with assistants stand them in lines: the layout graph has a node a line
        # (the cards are no nodes of their own), the stand-alone DOT the cards of each
        # further line in a rank of its own. A listed manager (left to right) with more than
        # one line stands its further lines in the ranks after its own (its list starts
        # after its last line).
        listed = self.lists.listed
        most = chart.assistants_across
        self.lines_of = {manager: line_cards(helpers, most)
                         for manager, helpers in chart.assistants.items()
                         if helpers and manager not in self.in_blocks
                         and (manager not in listed
                              or assistant_lines(len(helpers), most)[0] > 1)}
        self.listed_lines = frozenset(manager for manager in self.lines_of
                                      if manager in listed)
        self.in_lines = frozenset(helper for lines in self.lines_of.values()
                                  for line in (lines if texts is None else lines[1:])
                                  for helper in line)
        self.height_of = self.rank_heights()  # card id -> its height (`rank_heights`)
        self.node_heights: dict[str, float] = {}  # DOT node -> its height, where not the box's
        self.line_nodes: dict[str, tuple[str, ...]] = {}  # manager -> its lines' nodes
        self.listed_via: dict[str, tuple[str, ...]] = {}  # listed manager -> waypoints
        # level with it through its further lines' ranks
        self.trunks: dict[str, tuple[str, ...]] = {}  # manager -> its trunk's waypoints
        self.line_owner: dict[str, str] = {}  # DOT node of a first line -> its manager
        self.ordering: dict[str, None] = {}  # nodes with an edge to a report's first line
        self.heads_of: dict[str, list[str]] = {}  # DOT node -> its edges' heads, as written
        self.point = f"shape=point, width={POINT}, height={POINT}"
        if texts is None:
            self.point += ", style=invis"
        else:  # joints of the stand-alone DOT's lines: drawn as the lines are
            self.point += f', color="{theme.line}"'
        # The last cap of a bus only keeps its column's top clear: the stand-alone DOT
        # hides it and its edge (a line to it would end in the air).
        self.end_cap = f"{self.point}, style=invis" if texts is not None else self.point
        self.end_edge = ", style=invis" if texts is not None else ""

    def rank_heights(self) -> dict[str, float]:
        """Top-down, each card's height: the tallest of the cards in its rank (Graphviz
        centres a rank's nodes, so equal heights keep their tops level; a rank of short
        cards is shorter). Left to right: `lr_heights`."""
        chart, ranks = self.chart, self.ranks
        if chart.direction == "LR":
            return self.leaf_blocks.heights
        if not self.box.heights:
            return {}
        rank_of = {card.id: ranks(card.row) for card in chart.cards
                   if card.id not in self.in_blocks}
        for manager, lines in self.lines_of.items():
            first = ranks(chart.by_id[manager].row)
            rank_of.update((helper, first + k) for k, line in enumerate(lines)
                           for helper in line)
        stack_rows = chart.stack_rows or STACK_ROWS
        for manager, leaves in self.leaves_of.items():
            first = ranks(max(chart.by_id[manager].row + 1, chart.by_id[leaves[0]].row))
            per_row = 2 if len(leaves) > stack_rows else 1
            for group in stack_groups(leaves, stack_rows):
                rank_of.update((leaf, first + i // per_row) for i, leaf in enumerate(group))
        tallest: dict[int, float] = {}
        own = self.box.own_height
        for card_id, rank in rank_of.items():
            tallest[rank] = max(tallest.get(rank, 0.0), own(card_id))
        return {card_id: tallest[rank] for card_id, rank in rank_of.items()}

    def height_attr(self, name: str, card_id: str) -> str:
        """`, height=...` for node `name` holding card `card_id` (kept in `node_heights`),
        or nothing when the card is the chart's tallest card's height."""
        height = self.height_of.get(card_id, self.box.height)
        if height == self.box.height:
            return ""
        self.node_heights[name] = height
        return f", height={_num(height / 72)}"

    def helper(self, prefix: str) -> str:
        self.counter += 1
        return f"{prefix}{self.counter}"

    def edge(self, *nodes: str, attrs: str = "") -> None:
        """Write a chain of edges through `nodes` (`attrs`: " [...]" or empty), each one's
        head recorded under its tail (ports left out) for `order_heads`."""
        self.lines.append(f"  {' -> '.join(nodes)}{attrs};")
        for tail, head in itertools.pairwise(nodes):
            self.heads_of.setdefault(tail.partition(":")[0], []).append(
                head.partition(":")[0])

    def card_node(self, card: Card) -> str:
        theme, labels = self.theme, self.texts is not None
        attrs = []
        if labels:  # (a bool: narrowing `texts` itself timed a little slower on this per-card path)
            text = self.texts[card.id]  # type: ignore[index]  # labels: texts is not None
            attrs.append(f"label={_html_label(card, text, theme)}")
            attrs.append(f"tooltip={dot_tooltip(text.full)}")
            if card.kind == "open":
                attrs.append(f'style="rounded,filled,dashed", fillcolor="{theme.open_fill}", '
                             f'color="{theme.open_border}"')
            elif card.kind == "rollup":
                attrs.append(f'style="rounded,filled", fillcolor="{theme.rollup_fill}", '
                             f'color="{theme.rollup_border}", peripheries=2')
            if card.broken:
                attrs.append(f'color="{theme.broken}", penwidth=2.5')
        height = self.height_attr(self.node_of[card.id], card.id)
        if height:
            attrs.append(height[2:])
        suffix = f" [{', '.join(attrs)}]" if attrs else ""
        return f"  {self.node_of[card.id]}{suffix};"

    def write(self) -> DotPlan:
        chart, box, theme, labels = self.chart, self.box, self.theme, self.texts is not None
        out = self.lines
        out.append("digraph orgchart {")
        # Only the stand-alone DOT needs Graphviz's edges: the layout graph's connectors are
        # routed by orgviz, so Graphviz need not route splines (the cards stay where they are).
        # The stand-alone DOT asks for orthogonal edges: elbows as orgviz draws them, not
        # curves (the buses of stacks and blocks run straight through their points).
        graph = [f"rankdir={chart.direction}", "newrank=true", "ordering=out",
                 f"nodesep={NODESEP}", f"ranksep={RANKSEP}",
                 "splines=ortho" if labels else "splines=false", "margin=0", "pad=0"]
        if labels:
            graph += [f'bgcolor="{theme.background}"', f"label={dot_string(chart.title)}",
                      "labelloc=t", "fontsize=16", f'fontcolor="{theme.text}"',
                      'fontname="Helvetica"', "pad=0.3"]
            graph.remove("pad=0")
        out.append(f"  graph [{', '.join(graph)}];")
        node = [f"shape=box, fixedsize=true, width={_num(box.width / 72)}, "
                f"height={_num(box.height / 72)}"]
        if labels:
            node.append(f'style="rounded,filled", fillcolor="{theme.card_fill}", '
                        f'color="{theme.card_border}", fontname="Helvetica", margin=0')
        else:
            node.append('label=""')
        out.append(f"  node [{', '.join(node)}];")
        edge = ["arrowhead=none"]
        if labels:
            edge.append(f'color="{theme.line}", penwidth={theme.line_width}')
        out.append(f"  edge [{', '.join(edge)}];")

        # Level axis: one node per row, first in the file so that it tends to the left. Rows
        # below the last one in use (their leaves all moved up into stacks) are left out.
        used = rows_used(chart, self.leaves_of, box, self.ranks, self.leaf_blocks.columns)
        if self.lists.start is not None:  # listed ranks are no level rows
            used = min(used, self.lists.start)
        if self.top_lists is not None:  # (but a root's row, in a broken org, is)
            used = max([min(used, self.top_lists.start),
                        *(card.row + 1 for card in chart.cards if card.manager is None)])
        axis = tuple(f"r{row}" for row in range(min(len(chart.rows), used)))
        # A row with lines of assistants takes further ranks below it: an axis node each.
        further = {row: tuple(f"r{row}x{k}" for k in range(1, more + 1))
                   for row, more in self.ranks.extra.items() if row < len(axis)}
        chain: list[str] = []
        for row, name in enumerate(axis):
            if labels and chart.rows[row]:
                out.append(f'  {name} [shape=plaintext, fixedsize=false, width=0, '
                           f'label={dot_string(chart.rows[row])}, fontsize=11, '
                           f'fontcolor="{theme.faint}"];')
            else:
                out.append(f"  {name} [shape=point, width={AXIS}, height={AXIS}, "
                           f"style=invis];")
            for below in further.get(row, ()):
                out.append(f"  {below} [shape=point, width={AXIS}, height={AXIS}, "
                           f"style=invis];")
            chain += [name, *further.get(row, ())]
        if len(chain) > 1:
            self.edge(*chain, attrs=" [style=invis]")

        no_node = self.on_rows | (self.in_lines if not labels else frozenset()) | self.in_blocks
        for card in chart.cards:
            if card.id not in no_node:
                out.append(self.card_node(card))

        routes, spines, stacked, blocks, listings, top_blocks = self.tree()
        self.order_heads()
        members: dict[int, list[str]] = {}
        in_lines = self.in_lines
        for card in chart.cards:
            if card.id not in stacked and card.id not in in_lines:
                members.setdefault(card.row, []).append(self.node_of[card.id])
        # each further line of assistants in the further rank of its manager's row
        lower: dict[tuple[int, int], list[str]] = {}
        for manager, lines in self.lines_of.items():
            if manager in self.listed_lines:  # (ranked by `listed_assistants`)
                continue
            row = chart.by_id[manager].row
            if labels:
                for k, line in enumerate(lines[1:], start=1):
                    lower.setdefault((row, k), []).extend(self.node_of[c] for c in line)
                continue
            nodes = self.line_nodes[manager]
            members.setdefault(row, []).append(nodes[0])
            for k, name in enumerate(nodes[1:], start=1):
                lower.setdefault((row, k), []).append(name)
        for row, names in sorted(members.items()):
            axis_node = [axis[row]] if row < len(axis) else []
            out.append(f"  {{rank=same; {'; '.join(axis_node + names)}}}")
        for (row, k), names in sorted(lower.items()):
            if row in further:
                out.append(f"  {{rank=same; {further[row][k - 1]}; {'; '.join(names)}}}")
        assistants = tuple(Assistants(manager, self.line_nodes[manager], lines)
                           for manager, lines in self.lines_of.items() if not labels)
        deeper = tuple((row, names[-1]) for row, names in sorted(further.items()))

        # Dotted lines are left out of the layout graph: even without `constraint` they pull
        # cards away from their solid-line managers. The stand-alone DOT draws them in charts
        # of up to DOTTED_CARDS cards (Graphviz's orthogonal router takes minutes on many
        # long ones: the enterprise left to right); the card notes name them anyway.
        links = []
        draw_links = labels and len(chart.cards) <= DOTTED_CARDS
        for link in chart.links:
            tail, head = self.node_of[link.manager], self.node_of[link.report]
            links.append((tail, head, link.kind))
            if draw_links or (labels and link.kind != "dotted"):
                color = theme.dotted_line if link.kind == "dotted" else theme.broken
                self.edge(tail, head,
                          attrs=f' [constraint=false, style=dashed, color="{color}"]')
        out.append("}")
        return DotPlan("\n".join(out) + "\n", dict(self.node_of), tuple(routes),
                       tuple(spines), axis, tuple(links), frozenset(stacked), tuple(blocks),
                       tuple(listings), self.lists.start, assistants, deeper,
                       frozenset(chain), self.node_heights, tuple(top_blocks),
                       self.top_lists.start if self.top_lists else None,
                       () if labels else tree_nodes(chart, self.node_of, self.heads_of,
                                                    frozenset(chain), no_node))

    def trunk(self, card: Card) -> tuple[str, ...]:
        """The waypoints that all lines from a manager share down through the further ranks
        of its level row (one a rank, kept under the manager), made on first use; none in
        a row without further ranks. Lines of their own each took a waypoint there, which
        Graphviz set side by side: every line jogged across the assistants' ranks."""
        more = self.ranks.extra.get(card.row, 0)
        if not more:
            return ()
        if card.id not in self.trunks:
            out, tail = self.lines, self.node_of[card.id]
            names = tuple(self.helper("v") for _ in range(more))
            for name in names:
                out.append(f"  {name} [{self.point}, group={names[0]}];")
            out.append(f"  {tail} [group={names[0]}];")
            self.edge(tail, *names, attrs=" [weight=8]")
            self.trunks[card.id] = names
        return self.trunks[card.id]

    def descend(self, card: Card, steps: int) -> tuple[str, ...]:
        """Waypoints from a manager down `steps` ranks, its trunk first, chained by heavy
        edges; returns them all."""
        trunk, out = self.trunk(card), self.lines
        own = tuple(self.helper("v") for _ in range(max(steps - len(trunk), 0)))
        for name in own:
            out.append(f"  {name} [{self.point}];")
        if own:
            self.edge(trunk[-1] if trunk else self.node_of[card.id], *own,
                      attrs=" [weight=8]")
        return (*trunk, *own)

    def chain(self, tail: str, head: str, steps: int, extra: str = "",
              weight: int = 2, then: int | None = None,
              trunk: tuple[str, ...] = ()) -> tuple[str, ...]:
        """Edges from `tail` to `head` through `steps` waypoints, the first of them `trunk`
        (already chained from `tail`); returns the waypoints. `then`: the weight of the
        edges after the first (on from the first waypoint), when not `weight`. `extra`: the
        edges' other attributes (a broken line's dashes); they weigh the same as a solid
        line's (the stand-alone DOT's broken lines, weighing Graphviz's 1 throughout, turned
        at each waypoint: orgs/small.yaml's to Marcus Bell at all three on its way down)."""
        out = self.lines
        if trunk:
            tail, steps = trunk[-1], steps - len(trunk)
        if not steps:  # the usual case: the report is on the next row
            self.edge(tail, head, attrs=extra)
            return trunk
        via = tuple(self.helper("v") for _ in range(steps))
        for name in via:
            out.append(f"  {name} [{self.point}];")
        nodes = [tail, *via, head]
        for a, b in itertools.pairwise(nodes):
            heavy = then if a != tail and then is not None else weight
            self.edge(a, b, attrs=weighted(extra, heavy))
        return (*trunk, *via)

    def block(self, card: Card, leaves: list[str], broken: str) -> Block:
        """Left to right: a manager's stacked leaves in a block of columns (see `Block`).

        Column 0 hangs off the manager (or its last waypoint), each further column off the
        cap of the column before: the cards of a column share a rank, so they stack down the
        page in order (`ordering=out`), and the columns are successive ranks of their level
        row (`column_places`; a row's further ranks, `block_ranks`), the first column of a
        later row's leaves as many ranks on as it takes to reach that row (`minlen`).
        Invisible edges from each card to the one beside it in the next column keep the
        rows straight and the columns' tops level with the caps' bus."""
        by_id, node_of, out, ranks = self.chart.by_id, self.node_of, self.lines, self.ranks
        columns = self.leaf_blocks.columns[card.id]
        at = [ranks(row) + more for row, more in column_places(self.chart, card.id, columns)]
        caps = tuple(self.helper("t") for _ in columns) if len(columns) > 1 else ()
        for name in caps:
            out.append(f"  {name} [{self.end_cap if name == caps[-1] else self.point}];")
        via = self.descend(card, at[0] - ranks(card.row) - 1)
        tail = via[-1] if via else node_of[card.id]
        previous: list[str] = []
        hidden = ", style=invis" if self.texts is not None else ""
        for index, column in enumerate(columns):
            heads = [node_of[leaf] for leaf in column]
            cap = [caps[index]] if caps else []
            step = at[index] - at[index - 1] if index else 1
            apart = f", minlen={step}" if step > 1 else ""
            out.append(f"  {{rank=same; {'; '.join(cap + heads)}}}")
            if cap:  # the caps' bus stays straight; the manager follows the cards, not the cap
                end = self.end_edge if cap[0] == caps[-1] else ""
                self.edge(tail, cap[0], attrs=f" [weight={8 if index else 0}{end}{apart}]")
            # The manager's line meets the first column level with its middle (a heavier
            # edge to the middle card, or the two middle ones).
            middle = (len(column) - 1) // 2, len(column) // 2
            for place, (leaf, head) in enumerate(zip(column, heads, strict=True)):
                extra = broken if by_id[leaf].broken_line else ""
                if not index and place in middle:
                    extra = weighted(extra, 3)
                self.edge(tail, head, attrs=_with(extra, apart))
            if index:  # rows straight across the block (not drawn: nobody reports across)
                for before, head in zip(previous, heads, strict=False):
                    self.edge(before, head, attrs=f" [weight=4{hidden}{apart}]")
            previous = heads
            if caps:
                tail = caps[index]
        return Block(card.id, tuple(tuple(column) for column in columns), caps, via)

    def spines(self, card: Card, leaves: list[str], stack_rows: int,
               broken: str) -> list[Spine]:
        """Top down: a manager's stacked leaves on spines (see `Spine`), in order by level
        row, then file order; the spines start on the first leaf's level row."""
        first_row = max(card.row + 1, self.chart.by_id[leaves[0]].row)
        two_sided = len(leaves) > stack_rows
        spines: list[Spine] = []
        before: str | None = None  # the stand-alone DOT: the last node of a spine's first row
        for group in stack_groups(leaves, stack_rows):
            pairs: tuple[tuple[str | None, str | None], ...]  # left, right of a spine row
            if two_sided:
                pairs = tuple((group[i], group[i + 1] if i + 1 < len(group) else None)
                              for i in range(0, len(group), 2))
            else:
                pairs = tuple((None, leaf) for leaf in group)
            steps = self.ranks(first_row) - self.ranks(card.row) - 1
            if self.rows_as_nodes:
                points, via = self.spine_rows(card, pairs, steps)
            else:
                points, via, before = self.spine_points(card, pairs, steps, broken, before)
            spines.append(Spine(card.id, points, pairs, via))
        return spines

    def spine_rows(self, card: Card, pairs: tuple[tuple[str | None, str | None], ...],
                   steps: int) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """The layout graph's spine: one node a row, as wide as its cards with SPINE_GAP
        between them and the spine (the spine in the middle, or at the side without a
        card: the compass port the spine's edges meet); returns the row nodes and the
        waypoints down to the first.

        Nothing can come between a card and its spine: with a node each, joined by flat
        edges, Graphviz threw one card of a row (or the spine) to the far end of the rank,
        and the short line between them crossed the chart (the UK Home Office organogram
        with its junior posts: 621 crossings of a card)."""
        out, width = self.lines, self.box.width + SPINE_GAP
        # A one-sided row is a whole even number of points wide: Graphviz places nodes at
        # whole points and its compass ports at whole points from the center, so the
        # spine's port is the row's side exactly (the spine stays straight).
        widths = {2: _num(2 * width / 72), 1: _num(2 * math.ceil(width / 2) / 72)}
        points = tuple(self.helper("s") for _ in pairs)
        ends = []
        for name, (left, right) in zip(points, pairs, strict=True):
            sides = 2 if left and right else 1
            height = self.height_attr(name, left or right or "")
            out.append(f"  {name} [width={widths[sides]}{height}, group={points[0]}];")
            ends.append(name if sides == 2 else f"{name}:{'w' if right else 'e'}")
        via = self.chain(self.node_of[card.id], ends[0], steps, weight=8,
                         trunk=self.trunk(card))
        if len(ends) > 1:
            self.edge(*ends, attrs=" [weight=8]")
        return points, via

    def spine_points(self, card: Card, pairs: tuple[tuple[str | None, str | None], ...],
                     steps: int, broken: str, before: str | None
                     ) -> tuple[tuple[str, ...], tuple[str, ...], str | None]:
        """The stand-alone DOT's spine: a point a row, its cards beside it in the row's rank
        with an edge each (Graphviz draws them); returns the points, the waypoints down to
        the first, and the last node of the first row (`before` is the previous spine's)."""
        by_id, node_of, out = self.chart.by_id, self.node_of, self.lines
        points = tuple(self.helper("s") for _ in pairs)
        for name in points:
            out.append(f"  {name} [{self.point}, group={points[0]}];")
        via = self.chain(node_of[card.id], points[0], steps, weight=8,
                         trunk=self.trunk(card))
        if len(points) > 1:
            self.edge(*points, attrs=" [weight=8]")
        for row, (name, (left, right)) in enumerate(zip(points, pairs, strict=True)):
            ranked = ([node_of[left]] if left else []) + [name] + (
                [node_of[right]] if right else [])
            out.append(f"  {{rank=same; {'; '.join(ranked)}}}")
            if row == 0:
                # The spines' first rows share a rank: keep them apart, in order (Graphviz
                # interleaved two, so that a spine's line to its right card ran through the
                # other's card).
                if before is not None:
                    self.edge(before, ranked[0], attrs=" [style=invis, minlen=0]")
                before = ranked[-1]
            if left:
                extra = broken if by_id[left].broken_line else ""
                self.edge(node_of[left], name, attrs=extra)
            if right:
                extra = broken if by_id[right].broken_line else ""
                self.edge(name, node_of[right], attrs=extra)
        return points, via, before

    def tree(self) -> tuple[list[Route], list[Spine], set[str], list[Block], list[Listing],
                            list[TopBlock]]:
        """Emit the solid tree: routes to reports, spines (left to right: blocks) of stacked
        leaves, listings, top-down lists' blocks, assistants."""
        chart, out, labels = self.chart, self.lines, self.texts is not None
        by_id, node_of = chart.by_id, self.node_of
        routes: list[Route] = []
        spines: list[Spine] = []
        blocks: list[Block] = []
        listings: list[Listing] = []
        lr = chart.direction == "LR"
        stacked: set[str] = set(self.lists.listed) | self.in_blocks
        top_blocks: list[TopBlock] = []
        in_blocks = self.in_blocks
        listed, shelves_of = self.lists.listed, self.lists.shelves
        broken = f' [color="{self.theme.broken}", style=dashed, penwidth=2]' if labels else ""
        stack_rows = chart.stack_rows or STACK_ROWS
        for card in chart.cards:
            reports = chart.reports[card.id]
            tail = node_of[card.id]
            shelves = shelves_of.get(card.id)
            if card.id in in_blocks:  # (placed by its list root's block)
                continue
            if card.id in listed:
                if card.id in self.listed_lines and labels:
                    self.drawn_listed_lines(card.id, bool(shelves))
                elif card.id in self.listed_lines:
                    self.listed_assistants(card.id)
                if shelves:
                    listings.append(self.listing(card, shelves, broken))
                if card.id in self.listed_lines:
                    continue
                for assistant in chart.assistants[card.id]:
                    style = " [style=dashed]" if labels else ""
                    out.append(f"  {{rank=same; {tail}; {node_of[assistant]}}}")
                    self.edge(tail, node_of[assistant], attrs=style)
                self.assistant_order(card.id)
                continue
            leaves = [] if shelves else self.leaves_of.get(card.id, [])
            on_stack = set(leaves) if leaves else ()
            for report in reports:
                if report in on_stack or report in listed or report in in_blocks:
                    continue
                child = by_id[report]
                extra = broken if child.broken_line else ""
                # A line through waypoints turns by its manager and comes straight on into
                # its card (left to right: clear of the trunks and buses of the blocks
                # beside the card's column): the edges on from the first waypoint are heavy
                # (ONWARD).
                # With all of them as light as the first, any staircase of waypoints
                # between the manager and the card cost Graphviz as much as a straight
                # run, and the line turned at each (orgs/small.yaml: Marcus Bell's, six
                # bends on its way down to him).
                via = self.chain(tail, node_of[report],
                                 self.ranks(child.row) - self.ranks(card.row) - 1, extra,
                                 then=ONWARD, trunk=self.trunk(card))
                routes.append(Route(card.id, report, via))
                # The report's assistants stand next to it in its parent's order (`ordering=
                # out`): with only the edge across from the report, Graphviz put one past the
                # report's siblings (the enterprise example's, 20,000 px away, its line
                # through 7 cards). The edge has no weight: it does not pull anyone.
                above = via[-1] if via else tail
                for head in self.first_line(report):
                    self.edge(above, head, attrs=" [weight=0, style=invis]")
                self.ordering.update({above: None} if chart.assistants[report] else {})
            if leaves and lr:
                blocks.append(self.block(card, leaves, broken))
                stacked.update(leaves)
            elif leaves:
                spines += self.spines(card, leaves, stack_rows, broken)
                stacked.update(leaves)
            if shelves:
                listings.append(self.listing(card, shelves, broken))
            if card.id in self.block_of:
                top_blocks.append(self.list_block(card, self.block_of[card.id]))
            if labels:
                self.drawn_lines(card.id)
            else:
                self.layout_lines(card.id)
        return routes, spines, stacked, blocks, listings, top_blocks

    def list_block(self, card: Card, block: ListBlock) -> TopBlock:
        """Top-down, a list root's block (see `TopBlock`): a node a rank, each as wide as
        the block and as tall as the chart's tallest card, chained straight down (heavy
        edges, one group) from the rank of its first cards for as many ranks as it is
        deep, so that nothing else stands where its cards go; fed from the root (through
        waypoints when rows apart), as heavily as a spine."""
        out, box = self.lines, self.box
        pitch = box.height + RANKSEP * 72
        further = max(0, math.ceil((block.height - box.height) / pitch - 1e-9))
        names = tuple(self.helper("b") for _ in range(further + 1))
        width = _num(block.width / 72)
        for name in names:
            out.append(f"  {name} [width={width}, group={names[0]}];")
        steps = self.ranks(block.first_row) - self.ranks(card.row) - 1
        via = self.chain(self.node_of[card.id], names[0], steps, weight=8,
                         trunk=self.trunk(card))
        if len(names) > 1:
            self.edge(*names, attrs=" [weight=8]")
        return TopBlock(block, names, via)

    def order_heads(self) -> None:
        """Order the heads of each node with an edge to a first line of assistants as
        `ordering=out` orders them (in the order of its edges), by invisible flat edges
        between neighbours not joined already (a report and its line).

        Graphviz (2.43, and the embedded 16.1) stops ordering a node's edges at the first
        pair of heads joined by a flat edge, such as the one from a report to its line:
        random_org(135, 30, 0.4)'s P28 stood past her manager's two other reports, her line
        under both cards, and a stack's card came between a manager and its line."""
        # (a copy: the edges written here are no heads to order)
        heads = {tail: list(self.heads_of.get(tail, ())) for tail in self.ordering}
        owner, node_of = self.line_owner, self.node_of
        for tail, names in heads.items():
            # (not the tail's own line, beside it in its rank)
            names = [name for name in dict.fromkeys(names)
                     if name not in owner or node_of[owner[name]] != tail]
            for left, right in itertools.pairwise(names):
                if right in owner and left in (node_of[owner[right]], *self.first_line(
                        owner[right])):
                    continue  # a report and its line, or two of a line: a flat edge already
                # (minlen=0: a waypoint has no rank of its own to keep it in this one)
                self.edge(left, right, attrs=" [style=invis, minlen=0]")

    def first_line(self, manager: str) -> tuple[str, ...]:
        """The DOT nodes of a manager's first line of assistants (the layout graph: its
        line's node, made here if not yet)."""
        lines = self.lines_of.get(manager)
        if not lines:
            return ()
        if self.texts is not None:
            first = tuple(self.node_of[helper] for helper in lines[0])
        else:
            if manager not in self.line_nodes:
                self.line_nodes[manager] = tuple(self.helper("a") for _ in lines)
            first = self.line_nodes[manager][:1]
        self.line_owner.update(dict.fromkeys(first, manager))
        return first

    def layout_lines(self, manager: str) -> None:
        """The layout graph's lines of a manager's assistants (see `Assistants`): a node a
        line as wide as the longest, the first after the manager (a heavy flat edge keeps it
        next to it), the further ones chained straight below the first."""
        if not self.lines_of.get(manager):
            return
        lines = self.lines_of[manager]
        self.first_line(manager)
        nodes, out, box = self.line_nodes[manager], self.lines, self.box
        across = len(lines[0])
        tb = self.chart.direction != "LR"
        span = (box.width if tb else box.height) * across + NODESEP * 72 * (across - 1)
        size = f"{'width' if tb else 'height'}={_num(span / 72)}"
        for name, line in zip(nodes, lines, strict=True):
            out.append(f"  {name} [{size}{self.height_attr(name, line[0])}, group={nodes[0]}];")
        self.edge(self.node_of[manager], nodes[0], attrs=" [weight=8]")
        if len(nodes) > 1:
            self.edge(*nodes, attrs=" [weight=8]")

    def listed_assistants(self, manager: str) -> None:
        """Left to right, a listed manager's lines of assistants (the layout graph; see
        `layout_lines`): the first in the manager's rank below it, each further one in the
        next rank to the right, straight beside the first; the manager's list starts in the
        rank after the last line (`listing`), so that the lines stand where the tidy layout
        stands them, between the manager and its reports, and not in its shelves."""
        self.layout_lines(manager)
        nodes, out = self.line_nodes[manager], self.lines
        tail = self.node_of[manager]
        out.append(f"  {{rank=same; {tail}; {nodes[0]}}}")
        # Waypoints level with the manager through the lines' ranks (its list's line to its
        # shelves), each further line fed from the one before it (after it: `ordering=out`)
        # so that it stands right below it in its rank. (The first line is ordered right
        # after the manager by `listing`'s feed: with only the flat edge Graphviz put it
        # past the next shelf, 800 px below the manager.)
        via = self.descend(self.chart.by_id[manager], len(nodes) - 1)
        self.listed_via[manager] = via
        for feed, line in zip((tail, *via), nodes[1:], strict=False):
            self.edge(feed, line, attrs=" [style=invis]")

    def drawn_listed_lines(self, manager: str, listing: bool) -> None:
        """Left to right, the stand-alone DOT's lines of a listed manager's assistants (as
        `listed_assistants` stands them): the first in the manager's rank below it, each
        further one in the next rank to the right, its cards level with those of the line
        before (heavy invisible edges along the rows), its first fed by a waypoint level
        with the manager in the rank before, so that the line stands right below it. The
        waypoints are the manager's line to its list (`listing`: the list starts after the
        last line), or hidden ones (without them the last card of a line took the
        manager's place in its rank, past the others)."""
        lines, node_of, out = self.lines_of[manager], self.node_of, self.lines
        tail = node_of[manager]
        for rank, line in enumerate(lines):
            ranked = [tail] if not rank else []
            ranked += [node_of[helper] for helper in line]
            out.append(f"  {{rank=same; {'; '.join(ranked)}}}")
        self.drawn_lines(manager)
        for before, line in itertools.pairwise(lines):
            for left, right in zip(before, line, strict=False):
                self.edge(node_of[left], node_of[right], attrs=" [weight=8, style=invis]")
        if listing:
            via = self.descend(self.chart.by_id[manager], len(lines) - 1)
            self.listed_via[manager] = via
        else:
            via = tuple(self.helper("v") for _ in lines[1:])
            for name in via:
                out.append(f"  {name} [{self.point}, style=invis];")
            self.edge(tail, *via, attrs=" [weight=8, style=invis]")
        for feed, line in zip((tail, *via), lines[1:], strict=False):
            self.edge(feed, node_of[line[0]], attrs=" [style=invis]")

    def drawn_lines(self, manager: str) -> None:
        """The stand-alone DOT's assistants: the first line from the manager as before, each
        further line's first from the first of the line before it, the others each from the
        one before it in its line (dashed lines Graphviz draws)."""
        lines, node_of = self.lines_of.get(manager, ()), self.node_of
        tail = node_of[manager]
        for helper in lines[0] if lines else ():
            self.edge(tail, node_of[helper], attrs=" [style=dashed]")
        self.assistant_order(manager)
        for before, line in itertools.pairwise(lines):
            self.edge(node_of[before[0]], node_of[line[0]], attrs=" [style=dashed]")
            for left, right in itertools.pairwise(line):
                self.edge(node_of[left], node_of[right], attrs=" [style=dashed]")

    def assistant_order(self, card_id: str) -> None:
        """Keep a manager's assistants in file order beside it, as the tidy layout does."""
        # The flat edges from the manager only put each assistant after it: Graphviz set
        # several in reverse order (Boss, Assistant 4 .. 0). An invisible flat edge from each
        # assistant to the next orders them (not one of weight 0: Graphviz's order of a
        # rank leaves those out).
        lines = self.lines_of.get(card_id)
        assistants = lines[0] if lines else self.chart.assistants[card_id]
        node_of = self.node_of
        for left, right in itertools.pairwise(assistants):
            self.edge(node_of[left], node_of[right], attrs=" [style=invis]")

    def listing(self, card: Card, shelves: tuple[tuple[Item, ...], ...],
                broken: str) -> Listing:
        """Left to right: a listing manager's reports in shelves (see `Listing`).

        Each shelf starts in the rank after the manager's; its columns are fed by the manager
        (the first) or by the bus's cap in the rank before (the others), and a cap's first
        edge goes on along the bus, so (`ordering=out`) the bus runs above the shelf's cards.
        A shelf is fed after the one before, so it stands below it; the first shelf's bus
        is level with the manager (a heavy edge), the others hang free."""
        by_id, node_of, out = self.chart.by_id, self.node_of, self.lines
        tail = node_of[card.id]
        hidden = ", style=invis" if self.texts is not None else ""
        # A list root's list starts in the list row's rank (the level columns before it
        # hold only their own levels), through waypoints level with the manager.
        if card.id in self.lists.listed:  # past its further lines of assistants
            via = self.listed_via.get(card.id, ())
        else:
            via = self.descend(
                card, self.ranks(self.lists.start or 0) - self.ranks(card.row) - 1)
        tail = via[-1] if via else tail
        all_columns: list[tuple[tuple[str, ...], ...]] = []
        all_caps: list[tuple[str, ...]] = []
        trunk = tail  # the stand-alone DOT: the last joint of the trunk down to the shelves
        for index, shelf in enumerate(shelves):
            columns: list[tuple[str, ...]] = []
            offsets: list[int] = []  # rank of each column after the manager's next
            at = 0
            for item in shelf:
                for k, column in enumerate(item.columns):
                    columns.append(column)
                    offsets.append(at + k)
                at += item.ranks
            # A cap in every rank of the shelf, the last one's too: the bus lies below
            # whatever stands above the shelf in any of its ranks (a list above), never
            # beside it.
            caps = tuple(self.helper("t") for _ in range(offsets[-1] + 1)) \
                if len(columns) > 1 else ()
            for name in caps:
                out.append(f"  {name} [{self.end_cap if name == caps[-1] else self.point}];")
            feeds: dict[int, list[tuple[str, ...]]] = {}
            for offset, column in zip(offsets, columns, strict=True):
                feeds.setdefault(offset, []).append(column)
            feed_0 = tail
            if index and self.texts is not None:
                # The stand-alone DOT: a joint below the manager (in its rank) for each
                # further shelf, joined by a straight line down, and the shelf fed from it,
                # so Graphviz draws one trunk with elbows into the shelves (its orthogonal
                # edges from the manager would each take a track of their own).
                joint = self.helper("j")
                out.append(f"  {joint} [{self.point}];")
                out.append(f"  {{rank=same; {trunk}; {joint}}}")
                self.edge(trunk, joint)
                trunk = feed_0 = joint
            if caps:
                weight = 8 if not index or feed_0 != tail else 0
                self.edge(feed_0, caps[0], attrs=f" [weight={weight}]")
            for rank, feed in enumerate((feed_0, *caps)):
                if rank and rank < len(caps):
                    end = self.end_edge if rank == len(caps) - 1 else ""
                    self.edge(feed, caps[rank], attrs=f" [weight=8{end}]")
                for column in feeds.get(rank, ()):
                    ids = [node_of[c] for c in column]
                    cap = [caps[rank]] if rank < len(caps) else []
                    out.append(f"  {{rank=same; {'; '.join(cap + ids)}}}")
                    for place, (leaf, head) in enumerate(zip(column, ids, strict=True)):
                        extra = broken if by_id[leaf].broken_line else ""
                        if not caps and not place and (not index or feed_0 != tail):
                            # level with the manager (or the stand-alone's joint)
                            extra = weighted(extra, 3)
                        self.edge(feed, head, attrs=extra)
                        if leaf in self.listed_lines:
                            # its lines right after it among the feed's heads (see
                            # `order_heads`): Graphviz put them past the next shelf
                            for line in self.first_line(leaf):
                                self.edge(feed, line, attrs=" [weight=0, style=invis]")
                            self.ordering[feed] = None
            # rows straight across a block (not drawn: nobody reports across)
            for item in shelf:
                for before, after in itertools.pairwise(item.columns):
                    for a, b in zip(before, after, strict=False):
                        self.edge(node_of[a], node_of[b], attrs=f" [weight=4{hidden}]")
            all_columns.append(tuple(columns))
            all_caps.append(caps)
        return Listing(card.id, tuple(all_columns), tuple(all_caps), via)


def card_tops(chart: Chart) -> dict[str, str]:
    """Each card's top: the card at the head of its tree (without a manager, or one not
    in the chart), by card id in the chart's order."""
    by_id = chart.by_id
    top: dict[str, str] = {}
    for card in chart.cards:
        path = []
        at: Card | None = card
        while at is not None and at.id not in top:
            path.append(at.id)
            at = by_id.get(at.manager) if at.manager is not None else None
        found = top[at.id] if at is not None else path[-1]
        top.update((card_id, found) for card_id in path)
    return top


def tree_nodes(chart: Chart, node_of: dict[str, str], heads_of: dict[str, list[str]],
               axis: frozenset[str], no_node: frozenset[str]) -> tuple[frozenset[str], ...]:
    """The layout graph's nodes of each separate tree, in file order of their tops: the
    nodes joined to the tree's cards by edges (`heads_of`: each node's heads), the level
    axis's nodes (`axis`) left out, and the cards that are no nodes of their own (`no_node`:
    on a spine's row, in a line of assistants or a list's block). None with one top. Trees
    joined by an edge (none are) would be one."""
    tops = card_tops(chart)
    order = list(dict.fromkeys(tops.values()))
    if len(order) < 2:
        return ()
    parent: dict[str, str] = {}

    def find(name: str) -> str:
        """The name that stands for `name`'s group (halving the path on the way)."""
        parent.setdefault(name, name)
        while parent[name] != name:
            parent[name] = parent[parent[name]]
            name = parent[name]
        return name

    for tail, heads in heads_of.items():
        if tail in axis:
            continue
        for head in heads:
            if head not in axis:
                parent[find(head)] = find(tail)
    top_of_group: dict[str, str] = {}
    for card_id, top in tops.items():
        if card_id not in no_node:
            top_of_group.setdefault(find(node_of[card_id]), top)
    members: dict[str, set[str]] = {top: set() for top in order}
    for name in parent:
        found = top_of_group.get(find(name))
        if found is not None:
            members[found].add(name)
    return tuple(frozenset(members[top]) for top in order if members[top])


def write_dot(chart: Chart, box: CardBox, theme: Theme,
              texts: dict[str, CardText] | None = None, lists: bool = False) -> DotPlan:
    """The DOT source of a chart; with `texts`, cards carry HTML-like labels (stand-alone);
    `lists`: the layout graph of a top-down chart lists people, or stands its leaf reports
    in one row, as the tidy layout chooses (see `dotlists`)."""
    return _Writer(chart, box, theme, texts, lists).write()
