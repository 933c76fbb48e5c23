"""Linear-time, non-recursive tidy tree layout (contour-based Reingold–Tilford) for org charts."""

from __future__ import annotations

import gc
import math
from bisect import bisect_left
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from itertools import pairwise
from operator import sub
from typing import NamedTuple

__all__ = ["Beside", "LayoutOptions", "PreparedForest", "TreeLayout", "layout_forest",
           "measure_forest"]

# How it works (all loops, no recursion; "breadth" is x for TB and y for LR, "depth" the other):
#  1. Rows: a node's row is its wanted row pushed below its parent's (default: its depth). The
#     used rows get y positions from their tallest card plus `level_gap`; that is fixed before
#     any x is chosen. A manager's "block" is one opaque item holding its stacked leaves and,
#     with `list_from`, its reports in the listed rows with everything below them: columns of
#     items, each column with a trunk on its left. A listed report's own reports hang below
#     its card, indented (a file-tree "list" arrangement), in columns the same way. A block
#     starts on the row of its first member (at most `list_from`).
#  2. Contours live on sub-bands: each row's cards, then the gap below it (where the elbow
#     connectors run), so a tall block or an edge that skips rows also reserves its space.
#  3. Packing (Reingold–Tilford with array contours): children first, each subtree is pushed
#     right until its left contour clears the right contour of its left siblings by
#     `sibling_gap` (first sub-band) or `subtree_gap` (deeper). Only the shorter contour is
#     walked and the longer one is reused in place, so the whole pass is O(n + bands used by
#     blocks and row-skipping edges). The parent is centred over its first and last child
#     (over the trunk of a one-column block that is its only child).
#  4. The pass runs left to right and mirrored; the average of the two is symmetric and still
#     valid (same order in every band, linear spacing constraints).
#  5. Positions are shifted to be >= 0 and rounded to 2 decimals. A card whose centre misses
#     the line into it by less than JOG (cards of different heights left to right, a middle
#     child nearly under its parent) moves onto it, with all it carries (_straighten), so
#     that the line goes straight into its middle; edges are built from the positions.
# Room `beside` a card (for its assistants) widens it across the tree on its own depth; with
# several lines (`Beside`), the card also takes that much more depth in its row, stack or
# list (`room`), where the further lines stand, while its edges leave from its own border.
# With `share` (PreparedForest), cards share heights before any of that (see _share_heights):
# a manager's stacked leaves the tallest of theirs, every other card the tallest of its row;
# a row's cards then stand at the row's top, as the blocks starting on it do.
# Left to right ("LR"), rows are columns of the page (a level's column), and every card stands
# in its own level's: only leaves are listed, a manager's leaves of one row in its block. A
# block keeps the look of the page's columns, as top-down: cards going down (along the
# breadth), columns side by side to the right (along the depth), each on a trunk at its left,
# a bus along the block's top; its row is as deep as its deepest block (so the block's
# further columns stand in its level's column too). So a block is built in the page's terms
# and packed as an item `height` across the tree and `width` along it (see
# _Plan._left_to_right).

# A subtree contour: (left list, left base, right list, right base). Each list holds one extreme
# per band, deepest band first (so adding bands above is an O(1) append); the real coordinate,
# relative to the subtree's own frame, is the stored value plus the base.
_Contour = tuple[list[float], float, list[float], float]


@dataclass(frozen=True)
class LayoutOptions:
    """Spacing, stacking and list options for `layout_forest`."""

    direction: str = "TB"  # "TB" (children below) or "LR" (children to the right)
    level_gap: float = 50.0  # gap between a card's bottom and its children's top (TB)
    sibling_gap: float = 20.0  # horizontal gap between sibling cards
    subtree_gap: float = 30.0  # gap between neighbouring subtrees
    tree_gap: float | None = None  # gap between separate trees (the roots'): None, subtree_gap
    # separate trees stand side by side, each across a span of its own (no card of one over
    # or under another's), tree_gap apart; else they pack by their contours, as subtrees do
    trees_side_by_side: bool = False
    stack_leaves: bool = True  # stack a manager's leaf reports in columns
    stack_min: int = 4  # stack only when a manager has at least this many leaf reports
    stack_columns: int | None = None  # None: choose 1-4 columns by count
    stack_gap: float = 12.0  # vertical gap between stacked cards
    stack_rows: int | None = None  # at most this many cards per stack column (beats columns)
    # (manager id, rows): at most that many of the manager's cards per stack column, for it
    # instead of `stack_rows` (ids not in the forest are left alone)
    stack_rows_of: tuple[tuple[str, int], ...] = ()
    stack_any_row: bool = False  # stack leaf reports of any row (else: the next row only)
    list_from: int | None = None  # nodes in this row or below are listed under their manager
    # (left to right: leaves only, see _blocks_across)
    list_indent: float = 24.0  # listed reports: from the manager card's left edge to the trunk
    list_height: float | None = None  # height of a column of listed subtrees (None: 10 cards);
    # left to right: how far a block of listed leaves reaches to the right

    def __post_init__(self) -> None:
        if self.direction not in ("TB", "LR"):
            raise ValueError(f"direction must be 'TB' or 'LR', not {self.direction!r}")
        for name in ("level_gap", "sibling_gap", "subtree_gap", "stack_gap", "list_indent"):
            value = getattr(self, name)
            if not math.isfinite(value) or value < 0:
                raise ValueError(f"{name} must be a finite number >= 0, not {value!r}")
        if self.tree_gap is not None and not (
                math.isfinite(self.tree_gap) and self.tree_gap >= 0):
            raise ValueError(f"tree_gap must be None or a finite number >= 0, "
                             f"not {self.tree_gap!r}")
        for name in ("stack_columns", "stack_rows"):
            value = getattr(self, name)
            if value is not None and value < 1:
                raise ValueError(f"{name} must be None or >= 1, not {value!r}")
        for manager, rows in self.stack_rows_of:
            if not isinstance(rows, int) or rows < 1:
                raise ValueError(f"stack_rows_of must give {manager!r} rows >= 1, not {rows!r}")
        if self.list_from is not None and self.list_from < 0:
            raise ValueError(f"list_from must be None or >= 0, not {self.list_from!r}")
        if self.list_height is not None and not (
                math.isfinite(self.list_height) and self.list_height > 0):
            raise ValueError(f"list_height must be None or > 0, not {self.list_height!r}")


class Beside(NamedTuple):
    """Room kept free beside a card (for its assistants): `breadth` after it, across the
    tree, for `lines` lines of cards as deep as it, `gap` apart along the tree (the first
    line on the card's own depth, the others after it: below it top-down)."""

    breadth: float
    lines: int = 1
    gap: float = 0.0

    def past(self, depth: float) -> float:
        """How far the further lines reach past a card `depth` deep (each as deep as it)."""
        return (self.lines - 1) * (depth + self.gap)


@dataclass(frozen=True)
class TreeLayout:
    """Card centres and orthogonal edge routes; y grows downwards and all values are >= 0.

    `rows` maps each row that holds cards laid out in rows (or the first cards of a stack) to
    the centre of that row along the depth axis (y for TB, x for LR); listed cards have none.
    `row_sizes` maps the same rows to their extent along that axis (their tallest card).
    """

    positions: dict[str, tuple[float, float]]
    edges: dict[tuple[str, str], list[tuple[float, float]]]
    width: float
    height: float
    rows: dict[int, float] = field(default_factory=dict)
    row_sizes: dict[int, float] = field(default_factory=dict)


def _columns_for(count: int, options: LayoutOptions, rows: int | None = None) -> int:
    """Number of columns for a stack of `count` leaves; `rows`: its manager's own limit of
    cards a column (see `LayoutOptions.stack_rows_of`), else `options.stack_rows`."""
    rows = rows or options.stack_rows
    if rows is not None:
        k = math.ceil(count / rows)
    elif options.stack_columns is not None:
        k = options.stack_columns
    else:
        k = min(4, max(1, math.ceil(math.sqrt(count / 3.0))))
    return max(1, min(k, count))


def _cut_even(items: list[int], per: int, breadth: list[float]) -> list[list[int]]:
    """Cut items (in order) into as many columns as `per` a column takes, their lengths
    differing by at most one (7 by 3: 3/2/2, not 3/3/1: no card left alone in a column)
    when that is no wider (`breadth`: each item's extent across the columns), else `per`
    a column with the rest in the last."""
    count = len(items)
    full = [items[s : s + per] for s in range(0, count, per)]
    k = len(full)
    small, more = divmod(count, k)
    even: list[list[int]] = []
    start = 0
    for i in range(k):
        end = start + small + (1 if i < more else 0)
        even.append(items[start:end])
        start = end

    def wide(chunks: list[list[int]]) -> float:
        """Sum of the columns' widest items."""
        return sum(max(breadth[c] for c in col) for col in chunks)

    return even if wide(even) <= wide(full) + 1e-9 else full


def _greedy(items: list[int], size: list[float], gap: float, cap: float, most: int,
            card: list[float], end_at_subtree: bool = False) -> list[list[int]] | None:
    """Cut items (in order) into columns no taller than `cap` as `_place` stacks them (an
    item taller than its `card` is a subtree, with two gaps after it), each as full as it
    goes (with `end_at_subtree`, each ending at its first subtree: a card under a subtree,
    at its manager's indent, would stand in that manager's column as if it were one of its
    reports); None as soon as that takes more than `most` columns."""
    chunks: list[list[int]] = []
    cur: list[int] = []
    h = 0.0
    after = 0.0  # room after the column's last item: a gap, two after a subtree
    subtree = False  # whether the column's last item is a subtree (the column ends)
    limit = cap + 1e-9
    for c in items:
        s = size[c]
        if cur and ((subtree and end_at_subtree) or h + after + s > limit):
            if len(chunks) == most - 1:
                return None
            chunks.append(cur)
            cur = [c]
            h = s
        else:
            h = s if not cur else h + after + s
            cur.append(c)
        subtree = s > card[c]
        after = gap + gap if subtree else gap  # air after a subtree, as _place leaves
    chunks.append(cur)
    return chunks


def _stacked_height(items: list[int], size: list[float], gap: float,
                    card: list[float]) -> float:
    """The height of one column of items as `_place` stacks them (and `_greedy` adds)."""
    h = 0.0
    after = 0.0  # room after the last item so far: a gap, two after a subtree
    for i, c in enumerate(items):
        s = size[c]
        h = h + after + s if i else s
        after = gap + gap if s > card[c] else gap
    return h


def _split(items: list[int], size: list[float], gap: float, budget: float,
           card: list[float], end_at_subtree: bool = False) -> list[list[int]]:
    """Cut items (in order) into columns no taller than `budget` (or the tallest item) as
    `_place` stacks them (`card`: each item's own card height), with `end_at_subtree` each
    ending at its first subtree (see `_greedy`), with columns as even as the same number of
    columns allows; up to the shortest card taller than the tallest item when that takes
    fewer columns (one column a little taller than a tall subtree beside it, not a short
    column more)."""
    tallest = max(map(size.__getitem__, items))
    cap = max(budget, tallest)
    best = _greedy(items, size, gap, cap, len(items), card, end_at_subtree)
    assert best is not None  # never more columns than items
    k = len(best)
    if k > 1:
        roomier = max(budget, tallest + min(map(card.__getitem__, items)))
        fewer = (_greedy(items, size, gap, roomier, k - 1, card, end_at_subtree)
                 if roomier > cap else None)
        if fewer is not None:
            best, k, cap = fewer, len(fewer), roomier
    if k > 1:  # even out: the lowest cap that still needs no more columns
        # (from below: a column holds its items and a gap between each two, air only adds)
        total = sum(size[c] for c in items) + gap * (len(items) - 1)
        lo, hi = max(tallest, (total - gap * (k - 1)) / k), cap
        for _ in range(8):
            mid = (lo + hi) * 0.5
            trial = _greedy(items, size, gap, mid, k, card, end_at_subtree)
            if trial is not None:
                best, hi = trial, mid
            else:
                lo = mid
    return best


def _merge(
    seq: Iterable[int],
    contours: list[_Contour | None],
    rel: list[float],
    first_gap: float,
    deep_gap: float,
) -> _Contour:
    """Pack the subtrees in `seq` left to right; set rel[c] and return the merged contour.

    Costs O(min(height of the packed forest, height of the new subtree)) per subtree, which
    sums to linear time over the whole tree (the classic Reingold–Tilford argument).
    """
    it = iter(seq)
    c = next(it)
    left, lbase, right, rbase = contours[c]  # type: ignore[misc]  # children are packed first
    contours[c] = None
    rel[c] = 0.0
    for c in it:
        cl, clb, cr, crb = contours[c]  # type: ignore[misc]  # children are packed first
        contours[c] = None
        a = len(right)
        b = len(cl)
        m = a if a < b else b
        shift = right[-1] - cl[-1] + first_gap
        if m > 1:
            deep = max(map(sub, right[a - m : a - 1], cl[b - m : b - 1])) + deep_gap
            if deep > shift:
                shift = deep
        shift += rbase - clb
        rel[c] = shift
        n = len(cr)
        if n >= a:
            right, rbase = cr, crb + shift
        else:
            delta = crb + shift - rbase
            right[a - n :] = [x + delta for x in cr]
        n = len(left)
        if b > n:
            delta = lbase - clb - shift
            cl[b - n :] = [x + delta for x in left]
            left, lbase = cl, clb + shift
    return left, lbase, right, rbase


class _Singles:
    """Cards whose reports are all cards alone, few enough for one column: listed, each looks
    the same whatever the list row and the column height, so they are done once per forest
    and options (item sizes, offsets, indents and hangs, as `_Plan` keeps them)."""

    def __init__(self, forest: PreparedForest, options: LayoutOptions) -> None:
        kids, raw, breadth, depth = forest.kids, forest.raw, forest.breadth, forest.room
        n = len(kids)
        gap = options.stack_gap
        stub = max(4.0, options.sibling_gap * 0.5)
        self.item_b = item_b = [b + e for b, e in zip(breadth, forest.extra, strict=True)]
        self.item_d = item_d = list(depth)
        self.top_off = top_off = [0.0] * n
        self.indent = [0.0] * n
        self.hang: dict[int, tuple[float, int]] = {}
        tr_off = [0.0] * n
        order = raw.__getitem__
        rows_of = forest.rows_of(options)
        for u in range(n):
            ks = kids[u]
            if not ks or _columns_for(len(ks), options, rows_of.get(u)) != 1 or any(
                    kids[c] for c in ks):
                continue
            ordered = sorted(ks, key=order)
            width, height, trunks = _place([ordered], item_b, item_d, depth, tr_off, top_off,
                                           stub, gap, options.sibling_gap)
            drop = gap  # one column
            ind = min(options.list_indent, breadth[u] * 0.5)
            self.indent[u] = ind
            self.hang[u] = (drop, len(trunks))
            item_b[u] = max(item_b[u], ind + width)
            item_d[u] = depth[u] + drop + height


class _Listed:
    """Listed subtrees laid out with one column height, kept across list rows (a listed card
    carries its whole subtree, the same whatever the list row); `_Plan` fills it."""

    def __init__(self, singles: _Singles, budget: float, like: _Listed | None = None) -> None:
        # It starts as _Singles, or from the subtrees of another height (`like`, the tallest
        # kept): a card whose reports stand in one column there and here, each the same in
        # both, is the same too (`like_single`; `last` and `tall` tell whether one column
        # holds its reports at a height, as `_split` cuts them).
        self.budget = budget
        self.singles = singles
        self.item_b: list[float] = list((like or singles).item_b)
        self.item_d: list[float] = list((like or singles).item_d)
        self.tr_off: list[float] = (list(like.tr_off) if like is not None
                                    else [0.0] * len(self.item_b))
        self.top_off: list[float] = list((like or singles).top_off)
        self.hang: dict[int, tuple[float, int]] = dict((like or singles).hang)
        self.indent: list[float] = list((like or singles).indent)
        self.finished: set[int] = set()  # listed cards laid out here (not _Singles)
        self.single: set[int] = set()  # ... in one column
        self.last: dict[int, float] = {}  # one column of subtrees: its height, as _place stacks
        self.tall: dict[int, float] = {}  # ... and its tallest subtree
        self.same: set[int] = set()  # finished cards whose values are those of `like`
        self.like_single: set[int] = set(like.single) if like is not None else set()
        self.like_last, self.like_tall = (like.last, like.tall) if like is not None else ({}, {})


@dataclass
class _Block:
    """A manager's block: columns of stacked leaves and listed subtrees, as one item."""

    owner: int  # the manager (a node laid out in rows)
    members: list[int]  # in order: by row, then file order
    width: float
    height: float
    trunks: list[float]  # x of each column's trunk from the block's left edge (first is 0)
    start: int = 0  # index of the used row the block starts on
    nfull: int = 0  # sub-bands covered by the columns
    nskip: int = 0  # sub-bands between the owner's gap and the block (strips and the bus)
    # Left to right only: the block keeps its cards in columns that run across the tree (down
    # the page) and stand side by side along it (see _Plan._left_to_right).
    across: bool = False
    lane: float = 0.0  # across the tree, above the cards: room for the bus
    d_trunks: list[float] = field(default_factory=list)  # each column's trunk, from the start
    col_of: dict[int, int] = field(default_factory=dict)  # member -> its column
    reach: tuple[float, float] = (0.0, 0.0)  # first trunk with the bus, from the block's centre
    # where the manager's line comes to the first trunk, as an offset from the block's
    # centre: there (0), or at the middle of a first column's card that the bus lane put less
    # than JOG past it
    line_offset: float = 0.0


def _pack(plan: _Plan, options: LayoutOptions, mirror: bool) -> list[float]:
    """One packing pass; returns each item's breadth offset from its parent (mirrored if asked).

    Subtrees are done children first (reverse preorder, no recursion). A subtree's contour has
    one entry per sub-band from its parent's next row down to its deepest item.
    """
    total = plan.total
    pkids = plan.pkids
    centre_of = plan.centre_of
    strips = plan.strips
    roots = plan.roots
    breadth = plan.breadth
    extra = plan.extra
    rel = [0.0] * total
    contours: list[_Contour | None] = [None] * total
    alo = [0.0] * total  # where the connector meets an item, from its centre (low side)
    ahi = [0.0] * total
    anchor = [0.0] * total  # where the parent goes over an item, from its centre
    sign = -1.0 if mirror else 1.0
    for b_id, blk in plan.blocks.items():
        half = blk.width * 0.5
        if blk.across:  # the manager's line comes in `line_offset` from the block's centre
            lo, hi = blk.reach
            line_offset = blk.line_offset
            left = [-half] * blk.nfull
            right = [half] * blk.nfull
            if blk.nskip:  # the first trunk in the gap before the block, then the line to it
                left.append(lo)
                right.append(hi)
                left.extend([line_offset] * (blk.nskip - 1))
                right.extend([line_offset] * (blk.nskip - 1))
                lo = hi = line_offset
            if mirror:
                left, right = [-x for x in right], [-x for x in left]
                lo, hi = -hi, -lo
            contours[b_id] = (left, 0.0, right, 0.0)
            alo[b_id] = lo
            ahi[b_id] = hi
            anchor[b_id] = sign * line_offset
            continue
        t1 = blk.trunks[0] - half
        tk = blk.trunks[-1] - half
        left = [-half] * blk.nfull
        right = [half] * blk.nfull
        if blk.nskip:  # the bus above the block's first row, then the descent to it
            left.append(t1)
            right.append(tk)
            left.extend([t1] * (blk.nskip - 1))
            right.extend([t1] * (blk.nskip - 1))
            lo, hi = t1, t1
        else:
            lo, hi = t1, tk
        if mirror:
            left, right = [-x for x in right], [-x for x in left]
            lo, hi = -hi, -lo
        contours[b_id] = (left, 0.0, right, 0.0)
        alo[b_id] = lo
        ahi[b_id] = hi
        anchor[b_id] = sign * t1 if len(blk.trunks) == 1 else 0.0
    sg = options.sibling_gap
    tg = options.subtree_gap
    for v in plan.post:
        half = breadth[v] * 0.5
        lx = -half - extra[v] if mirror else -half
        rx = half if mirror else half + extra[v]
        kids = pkids[v]
        if kids is None:
            left, lbase, right, rbase = [lx], 0.0, [rx], 0.0
        else:
            left, lbase, right, rbase = _merge(
                reversed(kids) if mirror else kids, contours, rel, sg, tg
            )
            first, last = centre_of[v]  # type: ignore[misc]  # set with pkids[v]
            centre = (rel[first] + anchor[first] + rel[last] + anchor[last]) * 0.5
            for c in kids:
                rel[c] -= centre
            lbase -= centre
            rbase -= centre
            # The gap below the card holds the connector, from the parent to the outermost
            # attachment points (child centres, or the trunks of a block).
            k0 = kids[0]
            k1 = kids[-1]
            lo = min(0.0, rel[k0] + alo[k0], rel[k1] + alo[k1])
            hi = max(0.0, rel[k0] + ahi[k0], rel[k1] + ahi[k1])
            left.append(lo - lbase)
            right.append(hi - rbase)
            left.append(lx - lbase)
            right.append(rx - rbase)
        k = strips[v]
        if k:
            left.extend([-lbase] * k)
            right.extend([-rbase] * k)
        contours[v] = (left, lbase, right, rbase)
    if roots:
        rg = tg if options.tree_gap is None else options.tree_gap
        if options.trees_side_by_side:
            for r in roots:
                contours[r] = _span(contours[r])  # type: ignore[arg-type]  # packed above
        _merge(reversed(roots) if mirror else roots, contours, rel, rg, rg)
    return rel


def _span(contour: _Contour) -> _Contour:
    """A tree's contour as one band from its lowest to its highest extent across the tree
    (packed by it, the tree stands across a span of its own)."""
    left, lbase, right, rbase = contour
    return [min(left) + lbase], 0.0, [max(right) + rbase], 0.0


#: A line that would jog across by less than this (a fraction of a pixel, where two centres
#: nearly meet) is drawn straight: the card it enters moves onto it (see `_straighten`).
JOG = 1.0
#: A middle child laid out in rows that misses its manager's line by less than this moves
#: onto it, with all it carries, when that leaves every card and line clear of the others
#: (see `_layout`); by less than half the smallest gap it always does (see `_straighten`).
FAR_STEP = 30.0
#: Top-down, a card's lines that share the way to the gap's line leave it straight above the
#: trunk of its block nearest its middle when that is at most this share of the card's
#: breadth off the middle (29.4 px of a 196 px card, as `--layout dot` leaves a card straight
#: above a line's first node), so the trunk goes straight on up into the card; else from the
#: middle (see `_leaving`).
OFF_MIDDLE = 0.15
#: How far apart two places, each rounded to 2 decimals, may come out from the same distance
#: in a drawing and in its mirror image (whose exact places stand a fraction of a hundredth
#: off the grid in the other direction, so they round the other way), plus a margin: a
#: choice that compares rounded places allows this much (see `_short`, `_clear_of`, `_layout`).
ROUNDING = 0.015


def _leaving(middle: float, breadth: float, trunks: set[float], beside: list[float]) -> float:
    """Where across a card `breadth` wide, its middle at `middle`, lines that share the way to
    the gap's line leave it: above the trunk nearest the middle when that is at most
    OFF_MIDDLE of the breadth off it (ROUNDING more: the places are rounded, so a trunk
    exactly that far off takes the lines wherever the tree stands), else at the middle; the
    middle too when a report outside the block (its centre in `beside`) stands under it,
    its line straight down."""
    nearest = min(trunks, key=lambda at: abs(at - middle))
    if middle in beside or abs(nearest - middle) > OFF_MIDDLE * breadth + ROUNDING:
        return middle
    return nearest


def _short(step: float, limit: float) -> bool:
    """Whether a step from a card to a rounded line is shorter than `limit` by more than
    ROUNDING: a step exactly `limit` long (as when the gaps set both) is not, whichever way
    the line was rounded, so the drawing and its mirror image move the same cards."""
    return abs(step) < limit - ROUNDING


def _up(value: float) -> float:
    """Round up to 2 decimals (for extents that must cover every card)."""
    return math.ceil(round(value * 100.0, 6)) / 100.0


def _preorder(
    roots: Sequence[str], children: Mapping[str, Sequence[str]]
) -> tuple[list[str], list[int], list[list[int]]]:
    """Number the nodes in preorder with an explicit stack: ids, parent index, child indices."""
    ids: list[str] = []
    index: dict[str, int] = {}
    parent: list[int] = []
    kids: list[list[int]] = []
    stack: list[tuple[str, int]] = [(r, -1) for r in reversed(roots)]
    while stack:
        nid, p = stack.pop()
        if nid in index:
            raise ValueError(f"node {nid!r} is reached twice (a cycle or a shared child)")
        i = len(ids)
        index[nid] = i
        ids.append(nid)
        parent.append(p)
        kids.append([])
        if p >= 0:
            kids[p].append(i)
        ch = children.get(nid)
        if ch:
            if isinstance(ch, str):
                raise ValueError(f"children of {nid!r} must be a sequence of ids, not a string")
            stack.extend([(c, i) for c in reversed(ch)])
    return ids, parent, kids


def _card_sizes(
    ids: list[str], sizes: Mapping[str, tuple[float, float]], tb: bool
) -> tuple[list[float], list[float]]:
    """Card sizes across the tree (breadth; TB: width) and along it (depth; TB: height)."""
    breadth = [0.0] * len(ids)
    depth = [0.0] * len(ids)
    isfinite = math.isfinite
    last: object = None  # cards usually share one size object: checked once
    w = h = 0.0
    for i, nid in enumerate(ids):
        try:
            size = sizes[nid]
        except KeyError:
            raise ValueError(f"no card size for node {nid!r}") from None
        if size is not last:
            w, h = size
            w = float(w)
            h = float(h)
            if not (isfinite(w) and isfinite(h) and w >= 0 and h >= 0):
                raise ValueError(f"card size of {nid!r} must be finite and >= 0, not "
                                 f"{(w, h)!r}")
            last = size
        if tb:
            breadth[i] = w
            depth[i] = h
        else:
            breadth[i] = h
            depth[i] = w
    return breadth, depth


def _extras(ids: list[str], beside: Mapping[str, float | Beside] | None,
            depth: list[float]) -> tuple[list[float], list[float]]:
    """Breadth kept free after each card, on its own depth, and depth kept free past the
    card's own beside it (for assistants drawn beside it, in lines: see `Beside`)."""
    n = len(ids)
    extra = [0.0] * n
    extra_d = [0.0] * n
    if beside:
        for i, nid in enumerate(ids):
            value = beside.get(nid)
            if value:
                room = _beside(nid, value)
                extra[i] = room.breadth
                extra_d[i] = room.past(depth[i])
    return extra, extra_d


def _beside(nid: str, value: float | Beside) -> Beside:
    """A `beside` value as a checked `Beside` (a number: breadth for one line)."""
    room = value if isinstance(value, Beside) else Beside(float(value))
    breadth, lines, gap = float(room.breadth), room.lines, float(room.gap)
    if not (math.isfinite(breadth) and breadth >= 0):
        raise ValueError(f"space beside {nid!r} must be finite and >= 0, not {room.breadth!r}")
    if isinstance(lines, bool) or not isinstance(lines, int) or lines < 1:
        raise ValueError(f"lines beside {nid!r} must be a whole number >= 1, not {lines!r}")
    if not (math.isfinite(gap) and gap >= 0):
        raise ValueError(f"gap beside {nid!r} must be finite and >= 0, not {room.gap!r}")
    return Beside(breadth, lines, gap)


def _wanted_rows(ids: list[str], parent: list[int], rows: Mapping[str, int] | None) -> list[int]:
    """Row of each node: its wanted row, pushed below its parent's row (default: depth)."""
    raw = [0] * len(ids)
    for i, p in enumerate(parent):
        want = rows.get(ids[i]) if rows is not None else None
        if p < 0:
            raw[i] = int(want) if want is not None else 0
        else:
            low = raw[p] + 1
            raw[i] = low if want is None or want < low else int(want)
    return raw


def _share_heights(kids: list[list[int]], raw: list[int], height: list[float],
                   options: LayoutOptions) -> None:
    """Cards share heights (`height`: TB depth, LR breadth; changed in place): the leaf
    reports of a manager that `options` stacks (at least `stack_min` of them, of any row
    with `stack_any_row`, else of the row below it) the tallest of theirs, every other
    card the tallest of the others of its row. Listed cards keep these (a listed card's
    look never depends on the list row), so the heights hold for any `list_from`."""
    n = len(kids)
    stacked = [False] * n
    need = max(1, options.stack_min)
    any_row = options.stack_any_row
    if options.stack_leaves:
        for v, ks in enumerate(kids):
            if len(ks) < need:
                continue
            low = raw[v] + 1
            leaves = [c for c in ks if not kids[c] and (any_row or raw[c] == low)]
            if leaves and options.direction == "LR":  # (a block holds one row's: see
                leaves = _one_row(leaves, raw)        # _blocks_across)
            if len(leaves) >= need:
                tallest = max([height[c] for c in leaves])
                for c in leaves:
                    height[c] = tallest
                    stacked[c] = True
    tallest_of: dict[int, float] = {}
    rows = [r for r, s in zip(raw, stacked, strict=True) if not s]
    for r, h in zip(rows, [h for h, s in zip(height, stacked, strict=True) if not s],
                    strict=True):
        if h > tallest_of.get(r, -1.0):
            tallest_of[r] = h
    if len(rows) == n:
        height[:] = [tallest_of[r] for r in raw]
    else:
        for i in range(n):
            if not stacked[i]:
                height[i] = tallest_of[raw[i]]


def _blocks_top_down(kids: list[list[int]], parent: list[int], raw: list[int],
                     managers: list[int], options: LayoutOptions
                     ) -> tuple[list[bool], dict[int, list[int]]]:
    """Top-down: which cards are listed (all from `list_from` down), and each manager's
    block members (laid out in rows itself): its listed reports and the leaf reports it
    stacks, by row, then file order."""
    cut = options.list_from
    if cut is None:
        listed = [False] * len(kids)
    else:
        listed = [p >= 0 and r >= cut for p, r in zip(parent, raw, strict=True)]
    members: dict[int, list[int]] = {}
    need = max(1, options.stack_min)
    any_row = options.stack_any_row
    for v in managers:
        if listed[v]:
            continue
        ks = kids[v]
        leaves: list[int] = []
        if options.stack_leaves and len(ks) >= need:
            low = raw[v] + 1
            leaves = [c for c in ks if not kids[c] and not listed[c]
                      and (any_row or raw[c] == low)]
            if len(leaves) < need:
                leaves = []
        hung = [c for c in ks if listed[c]] if cut is not None else []
        if hung or leaves:
            stacked = set(leaves)
            group = [c for c in ks if listed[c] or c in stacked]
            if hung or any_row:
                group.sort(key=raw.__getitem__)  # stable: file order within a row
            members[v] = group
    return listed, members


def _one_row(leaves: list[int], raw: list[int]) -> list[int]:
    """Of some leaf reports of a manager, those of the row that holds the most of them
    (the upper of rows that hold as many)."""
    count: dict[int, int] = {}
    for c in leaves:
        count[raw[c]] = count.get(raw[c], 0) + 1
    row = min(count, key=lambda r: (-count[r], r))
    return [c for c in leaves if raw[c] == row]


def _blocks_across(kids: list[list[int]], raw: list[int], managers: list[int],
                   options: LayoutOptions) -> tuple[list[bool], dict[int, list[int]]]:
    """Left to right: which cards are listed, and each manager's block members. A card
    with reports keeps its level's column (never listed); a manager's leaf reports of one
    row (`_one_row` of those `stack_any_row` lets stack, and of the listed rows) hang in
    its block: listed when that row is `list_from` or below and they are two or more,
    else stacked as `stack_leaves` and `stack_min` say. The other leaves stand as cards
    laid out in their rows: every card stands in its own level's column."""
    listed = [False] * len(kids)
    members: dict[int, list[int]] = {}
    cut = options.list_from
    need = max(1, options.stack_min)
    for v in managers:
        ks = kids[v]
        low = raw[v] + 1
        leaves = [c for c in ks if not kids[c] and (
            options.stack_any_row or raw[c] == low or (cut is not None and raw[c] >= cut))]
        if not leaves:
            continue
        group = _one_row(leaves, raw)
        if cut is not None and raw[group[0]] >= cut and len(group) > 1:
            for c in group:
                listed[c] = True
        elif not (options.stack_leaves and len(ks) >= need and len(group) >= need):
            continue
        members[v] = group
    return listed, members


class _Fixed:
    """What every _Structure of a forest reads that no option changes: the nodes with
    reports (in preorder), each one's reports in row order, and whether they are all cards
    alone."""

    def __init__(self, kids: list[list[int]], raw: list[int]) -> None:
        self.managers = [v for v, ks in enumerate(kids) if ks]
        by_row = raw.__getitem__
        self.by_rows = {v: sorted(kids[v], key=by_row) for v in self.managers}
        self.leafy = {v: all(not kids[c] for c in kids[v]) for v in self.managers}


class _Structure:
    """What a layout needs that does not depend on the height of list columns: listed nodes,
    block members and their order, rows and the packing items (plain arrays, by index)."""

    def __init__(
        self,
        kids: list[list[int]],
        parent: list[int],
        raw: list[int],
        depth: list[float],
        options: LayoutOptions,
        fixed: _Fixed | None = None,
    ) -> None:
        n = len(kids)
        self.stub = max(4.0, options.sibling_gap * 0.5)  # from a trunk to the card's side
        if fixed is None:
            fixed = _Fixed(kids, raw)
        managers = fixed.managers

        # Which nodes are listed, and each row-laid manager's block members.
        cut = options.list_from
        by_row = raw.__getitem__
        if options.direction == "LR":
            listed, members = _blocks_across(kids, raw, managers, options)
        else:
            listed, members = _blocks_top_down(kids, parent, raw, managers, options)
        inblock = list(listed)
        for group in members.values():
            for c in group:
                inblock[c] = True
        self.inblock, self.listed, self.members = inblock, listed, members
        # Listed nodes with reports, children first, with their reports in order.
        self.order: dict[int, list[int]] = {}
        self.rest: list[int] | None = None  # listed nodes with reports, not _Singles
        if cut is not None:
            by_rows, leafy = fixed.by_rows, fixed.leafy
            self.order = {u: by_rows[u] for u in reversed(managers) if listed[u]}
            self.leafy = {u: leafy[u] for u in self.order}
        else:
            self.leafy = {}
        self.leafy.update((v, all(not kids[c] for c in g)) for v, g in members.items())
        self.hung = {v: cut is not None and listed[g[-1]] for v, g in members.items()}

        # Rows: one per used row index (cards laid out in rows, and block starts); the height
        # of a row is its tallest card. Contours work on sub-bands: 2j is row j, 2j+1 the gap
        # below it (where the connectors run), and 2*nrows everything below the last row.
        # A member that is not listed is above the list row (raw < cut), so min(raw, cut)
        # over a group is min(min raw, cut).
        # (left to right, a block starts on its first member's own row, listed or not: the
        # listed are leaves in their level's column)
        tb = options.direction == "TB"
        start_row = {v: max(raw[v] + 1, min(map(by_row, g)) if cut is None or not tb
                            else min(min(map(by_row, g)), cut)) for v, g in members.items()}
        used = sorted({r for r, b in zip(raw, inblock, strict=True) if not b}.union(
            start_row.values()))
        band_of_row = {r: j for j, r in enumerate(used)}
        nrows = len(used)
        band = [0] * n
        row_h = [0.0] * nrows
        shown = [False] * nrows  # rows reported in TreeLayout.rows
        for i in range(n):
            if not inblock[i]:
                j = band_of_row[raw[i]]
                band[i] = j
                shown[j] = True
                if depth[i] > row_h[j]:
                    row_h[j] = depth[i]
        self.start = {v: band_of_row[r] for v, r in start_row.items()}
        for v, j in self.start.items():
            if not self.hung[v] or not tb:
                shown[j] = True
            row_h[j] = max(row_h[j], max(map(depth.__getitem__, members[v])))
        tops, bounds = _row_tops(row_h, options.level_gap)
        self.nrows = nrows
        self.band, self.row_h, self.tops, self.used, self.shown = band, row_h, tops, used, shown
        self.bounds = bounds

        # Items 0..n-1 are nodes, n.. are blocks.
        self.total = n + len(members)
        self.pkids: list[list[int] | None] = [None] * self.total  # packed children, in order
        self.centre_of: list[tuple[int, int] | None] = [None] * self.total
        self.block_of = {v: b_id for b_id, v in enumerate(members, start=n)}  # owner -> block
        for v in managers:
            if inblock[v]:
                continue
            ks = kids[v]
            b_id = self.block_of.get(v)
            normal = [c for c in ks if not inblock[c]]
            if b_id is None:
                self.pkids[v] = normal
                self.centre_of[v] = (normal[0], normal[-1])
            elif normal:  # the block goes in the middle of the other children
                seq = list(normal)
                seq.insert((len(normal) + 1) // 2, b_id)
                self.pkids[v] = seq
                self.centre_of[v] = (normal[0], normal[-1])
            else:
                self.pkids[v] = [b_id]
                self.centre_of[v] = (b_id, b_id)

        # Strips: the sub-bands between a parent's gap and the child's own row, where the
        # child's edge runs down (a zero-width extent at the child's centre); roots get strips
        # from the top so that every subtree's contour starts at its parent's next row.
        strips = [0] * self.total
        roots: list[int] = []
        for i in range(n):
            if inblock[i]:
                continue
            p = parent[i]
            if p < 0:
                roots.append(i)
                strips[i] = 2 * band[i]
            else:
                strips[i] = 2 * (band[i] - band[p] - 1)
        self.strips = strips
        self.roots = roots
        self.post = [i for i in range(n - 1, -1, -1) if not inblock[i]]


class _Plan:
    """A structure with list columns of a given height: the blocks' shapes, every member's
    place in its block, and all the structure's arrays."""

    # The structure's arrays, copied over by name in __init__ (annotations only: the class
    # has no such attributes of its own).
    stub: float
    inblock: list[bool]
    listed: list[bool]
    order: dict[int, list[int]]
    band: list[int]
    row_h: list[float]
    tops: list[float]
    used: list[int]
    shown: list[bool]
    total: int
    pkids: list[list[int] | None]
    centre_of: list[tuple[int, int] | None]
    block_of: dict[int, int]
    strips: list[int]
    roots: list[int]
    post: list[int]

    def __init__(
        self,
        st: _Structure,
        breadth: list[float],
        depth: list[float],
        extra: list[float],
        options: LayoutOptions,
        rows_of: dict[int, int],
        singles: _Singles | None,
        done: _Listed | None = None,
    ) -> None:
        self.breadth, self.depth, self.extra = breadth, depth, extra
        self.rows_of = rows_of  # manager -> its own limit of cards a stack column
        self.tallest = max(depth, default=0.0)
        for name in ("stub", "inblock", "listed", "order", "band", "row_h", "tops", "used",
                     "shown", "total", "pkids", "centre_of", "block_of", "strips", "roots",
                     "post"):
            setattr(self, name, getattr(st, name))
        self.line_h = st.row_h  # each row's own cards' depth (row_h: with its blocks)
        gap = options.stack_gap

        if singles is None or done is None:  # left to right
            self._left_to_right(st, options)
            return

        # Listed subtrees, children first: each listed card with its reports hanging below it
        # in columns. item_b / item_d: the breadth and depth of a card with all it carries.
        # A listed subtree looks the same whatever the list row, so `done` keeps them for the
        # list rows measured with the same column height (see _Listed), and cards with a
        # single column of cards below them start done (see _Singles); the values for cards
        # that are not listed here are never read.
        budget = options.list_height
        if budget is None:
            budget = 10 * (max(depth, default=0.0) + gap)
        self.tr_off = done.tr_off  # member: its column's trunk, from the (sub-)block's left edge
        self.top_off = done.top_off  # member: its card's top, from the block's top
        item_b, item_d, indent, hang = done.item_b, done.item_d, done.indent, done.hang
        leafy = st.leafy
        rest = st.rest
        if rest is None:  # a structure always goes with the same _Singles
            rest = st.rest = [u for u in st.order if u not in singles.hang]
        finished, same, single = done.finished, done.same, done.single
        like_single, like_last, like_tall = done.like_single, done.like_last, done.like_tall
        order, singles_b = st.order, singles.item_b
        for u in rest:
            if u in finished:
                continue
            ordered = order[u]
            if u in like_single and all(k in same or k not in order or k in singles.hang
                                        for k in ordered):
                if leafy[u]:  # as _columns counts columns of cards alone
                    count = len(ordered)
                    fit = int((budget + gap) // (self.tallest + gap))
                    cols = min(_columns_for(count, options, rows_of.get(u)),
                               max(1, math.ceil(count / max(fit, 1))))
                    alone = cols == 1
                else:  # as _split cuts them (up to its shortest card over the tallest)
                    last, tall = like_last[u], like_tall[u]
                    alone = last <= max(
                        budget, tall + min(map(depth.__getitem__, ordered))) + 1e-9
                if alone:  # laid out as in `like`: its values are there already
                    finished.add(u)
                    same.add(u)
                    single.add(u)
                    if u in like_last:
                        done.last[u], done.tall[u] = like_last[u], like_tall[u]
                    continue
            width, height, trunks = self._columns(ordered, item_b, item_d, leafy[u], budget,
                                                  options, rows_of.get(u))
            drop = gap if len(trunks) == 1 else 2 * gap
            ind = min(options.list_indent, breadth[u] * 0.5)
            indent[u] = ind
            hang[u] = (drop, len(trunks))  # listed node -> (gap to reports, columns)
            item_b[u] = max(singles_b[u], ind + width)
            item_d[u] = depth[u] + drop + height
            finished.add(u)
            if len(trunks) == 1:
                single.add(u)
                if not leafy[u]:
                    done.last[u] = _stacked_height(ordered, item_d, gap, depth)
                    done.tall[u] = max(map(item_d.__getitem__, ordered))
        # the blocks below place their members in copies (members are listed elsewhere)
        self.tr_off, self.top_off = list(done.tr_off), list(done.top_off)
        self.hang: dict[int, tuple[float, int]] = dict(hang)
        self.indent = list(indent)

        # Blocks of row-laid managers. A listed report with people of its own heads its
        # column (end_at_subtree): under its people, at its indent, a report of the same
        # manager read as one of them (its column looks like its own, as in a tree's row).
        # Lists within a list stack as a file tree's, each under its listed card.
        tops, bounds, nrows, band = st.tops, st.bounds, st.nrows, st.band
        self.blocks: dict[int, _Block] = {}
        for v, group in st.members.items():
            cap = budget if st.hung[v] else None
            width, height, trunks = self._columns(group, item_b, item_d, leafy[v], cap, options,
                                                  rows_of.get(v), True)
            blk = _Block(v, group, width, height, trunks, st.start[v])
            first = 2 * blk.start
            bottom = tops[blk.start] + blk.height
            last = min(max(first, bisect_left(bounds, bottom) - 1), 2 * nrows)
            blk.nfull = last - first + 1
            blk.nskip = first - (2 * band[v] + 2)
            self.blocks[st.block_of[v]] = blk

    def _left_to_right(self, st: _Structure, options: LayoutOptions) -> None:
        """Blocks for a left-to-right chart. A manager's leaf reports keep the look of a
        top-down chart's: cards in columns down the page (along the breadth), the columns
        side by side to the right (along the depth), each column on a trunk in the gap at its
        left, a bus along the block's top joining the trunks. Only leaves are listed (a card
        with reports keeps its level's column, see `_Structure`), and each level column is as
        wide as the widest block on it (`_hold_blocks`): every card stands in its own level's
        column, a reader sees who is above whom.

        Stacked leaves take about as many columns as make their block square, listed ones as
        many as fit in `list_height`, which left to right bounds a block along the depth (to
        the right): the more room, the wider and shorter the page; at most `stack_rows`
        cards a column either way. Sets, in the page's terms: tr_off (a member's
        trunk from its block's left), top_off (its card's top from the block's top)."""
        breadth, depth, extra = self.breadth, self.depth, self.extra
        n = len(breadth)
        gap, stub, sg = options.stack_gap, self.stub, options.sibling_gap
        card_h = [b + e for b, e in zip(breadth, extra, strict=True)]  # with assistants below
        self.tr_off = [0.0] * n
        self.top_off = [0.0] * n
        self.hang = {}
        self.indent = [0.0] * n
        budget = options.list_height
        if budget is None:
            budget = 10 * (max(breadth, default=0.0) + gap)
        s0 = min(stub, options.level_gap * 0.5)  # the first trunk: in the gap before the row
        self.blocks = {}
        for v, group in st.members.items():
            chunks = _leaf_columns(group, card_h, depth, options, self.rows_of.get(v),
                                   budget if st.hung[v] else None, stub)
            width, height, trunks = _place(chunks, depth, card_h, card_h, self.tr_off,
                                           self.top_off, stub, gap, sg)
            lane = gap if len(chunks) > 1 else 0.0  # room for the bus above the first cards
            blk = _Block(v, group, lane + height, width - s0, trunks, st.start[v])
            blk.across = True
            blk.lane = lane
            blk.d_trunks = [t - s0 for t in trunks]
            blk.col_of = {c: k for k, col in enumerate(chunks) for c in col}
            half = blk.width * 0.5
            col0 = chunks[0]
            lo0 = 0.0 if lane else self.top_off[col0[0]] + breadth[col0[0]] * 0.5
            hi0 = lane + self.top_off[col0[-1]] + breadth[col0[-1]] * 0.5
            # An odd column of cards stands lane/2 below the block's centre: the line goes
            # straight into its middle card, not to the trunk 7 px above it (an S-bend).
            middles = [lane + self.top_off[c] + breadth[c] * 0.5 - half for c in col0]
            nearest = min(middles, key=abs)
            blk.line_offset = nearest if abs(nearest) <= lane * 0.5 + JOG else 0.0
            blk.reach = (min(lo0 - half, blk.line_offset), max(hi0 - half, blk.line_offset))
            self.blocks[st.block_of[v]] = blk
        self._hold_blocks(st, options)

    def _hold_blocks(self, st: _Structure, options: LayoutOptions) -> None:
        """Left to right: each row (a level column) as deep as the deepest block starting on
        it, so that a block's further columns stand in its level's column and the next level
        starts after them; then each block's sub-bands. Sets row_h, tops and bounds anew
        (`line_h` keeps the rows' own cards' depth)."""
        nrows, band = st.nrows, st.band
        row_h = list(st.row_h)
        for blk in self.blocks.values():
            row_h[blk.start] = max(row_h[blk.start], blk.height)
        tops, bounds = _row_tops(row_h, options.level_gap)
        self.row_h, self.tops = row_h, tops
        for blk in self.blocks.values():
            first = 2 * blk.start
            bottom = tops[blk.start] + blk.height
            last = min(max(first, bisect_left(bounds, bottom) - 1), 2 * nrows)
            blk.nfull = last - first + 1
            blk.nskip = first - (2 * band[blk.owner] + 2)

    def _columns(
        self,
        items: list[int],
        item_b: list[float],
        item_d: list[float],
        leafy: bool,
        budget: float | None,
        options: LayoutOptions,
        rows: int | None = None,
        end_at_subtree: bool = False,
    ) -> tuple[float, float, list[float]]:
        """Put items in columns (top to bottom, then left to right): width, height, trunks.

        Cards alone (`leafy`) are cut by count (`stack_rows`, `stack_columns` or 1-4 columns;
        listed cards: as many as `budget` holds, if more); items carrying listed subtrees are
        cut by height (`budget`, or the tallest item and up to a card more, see `_split`), or
        kept in one column (`budget` None); with `end_at_subtree`, a column ends at its
        first subtree. `rows`: the owner's own `stack_rows`, if any."""
        gap = options.stack_gap
        count = len(items)
        if leafy:
            cols = _columns_for(count, options, rows)
            if budget is not None and cols > 1:
                fit = int((budget + gap) // (self.tallest + gap))
                cols = min(cols, max(1, math.ceil(count / max(fit, 1))))
            chunks = _cut_even(items, math.ceil(count / cols), item_b)  # one: [items]
        elif budget is None:
            chunks = [items]
        else:  # past the tallest item by up to the shortest card, for fewer columns
            chunks = _split(items, item_d, gap, budget, self.depth, end_at_subtree)
        return _place(chunks, item_b, item_d, self.depth, self.tr_off, self.top_off, self.stub,
                      gap, options.sibling_gap)


def _leaf_columns(items: list[int], card_h: list[float], card_w: list[float],
                  options: LayoutOptions, rows: int | None, room: float | None,
                  stub: float) -> list[list[int]]:
    """Left to right: a manager's leaf reports (in order) cut into columns down the page
    (`card_h`: each card's height there, `card_w` its width): as `stack_columns` says, else
    about as wide as tall; listed (a `room`), as many columns as fit side by side in `room`
    (at least one, at most `rows`: a block at most square); at most `rows` (else
    `stack_rows`) cards a column either way."""
    count = len(items)
    rows = rows or options.stack_rows
    step_w = max([card_w[c] for c in items]) + options.sibling_gap + stub
    if room is not None:  # listed: as many columns as fit in the room (at most `rows`)
        cols = max(1, int((room + options.sibling_gap + stub) // step_w))
        if rows is not None:
            cols = min(cols, rows)
    elif options.stack_columns is not None and rows is None:
        cols = _columns_for(count, options)
    else:  # about as wide as tall
        step_h = max([card_h[c] for c in items]) + options.stack_gap
        cols = max(1, round(math.sqrt(count * step_h / max(step_w, 1e-9))))
    if rows is not None:
        cols = max(cols, math.ceil(count / rows))
    cols = min(cols, count)
    return _cut_even(items, math.ceil(count / cols), card_w)


def _place(chunks: list[list[int]], item_b: list[float], item_d: list[float],
           depth: list[float], tr_off: list[float], top_off: list[float], stub: float,
           gap: float, sibling_gap: float,
           inset: list[float] | None = None) -> tuple[float, float, list[float]]:
    """Place items in the given columns: width, height and trunks (sets tr_off, top_off:
    the card's top, `inset` below its item's top where given)."""
    cursor = 0.0
    height = 0.0
    trunks: list[float] = []
    for col in chunks:
        y = bottom = widest = 0.0
        for c in col:
            tr_off[c] = cursor
            top_off[c] = y + inset[c] if inset is not None else y
            d = item_d[c]
            bottom = y + d
            y = bottom + (gap + gap if d > depth[c] else gap)  # air after a subtree
            if item_b[c] > widest:
                widest = item_b[c]
        if bottom > height:
            height = bottom
        trunks.append(cursor)
        cursor += stub + widest + sibling_gap
    return cursor - sibling_gap, height, trunks


class PreparedForest:
    """A forest read once (numbered, sized, rows fixed) to lay out or measure many times,
    for instance with several `list_from` rows to pick one by the shape it gives."""

    def __init__(
        self,
        roots: Sequence[str],
        children: Mapping[str, Sequence[str]],
        sizes: Mapping[str, tuple[float, float]],
        rows: Mapping[str, int] | None = None,
        beside: Mapping[str, float | Beside] | None = None,
        direction: str = "TB",
        share: LayoutOptions | None = None,
    ) -> None:
        if direction not in ("TB", "LR"):
            raise ValueError(f"direction must be 'TB' or 'LR', not {direction!r}")
        self.direction = direction
        self.ids, self.parent, self.kids = _preorder(roots, children)
        self.breadth, self.depth = _card_sizes(self.ids, sizes, direction == "TB")
        self.raw = _wanted_rows(self.ids, self.parent, rows)
        # With `share`, cards share heights as those options stack them (_share_heights)
        # and stand at the top of their row; else each keeps its size, centred on its row.
        self.top_aligned = share is not None
        if share is not None:
            _share_heights(self.kids, self.raw, self.depth if direction == "TB"
                           else self.breadth, share)
        self.extra, self.extra_d = _extras(self.ids, beside, self.depth)
        # The depth each card takes in its row, stack or list: its own, and the further
        # lines of what stands beside it (the card's own depth where there are none).
        self.room = self.depth
        if any(self.extra_d):
            self.room = [d + e for d, e in zip(self.depth, self.extra_d, strict=True)]
        self._structures: dict[LayoutOptions, _Structure] = {}
        self._singles: dict[LayoutOptions, _Singles] = {}
        self._listed: dict[LayoutOptions, _Listed] = {}
        self._fixed: _Fixed | None = None
        self._index: dict[str, int] | None = None  # id -> node, made when first needed

    def rows_of(self, options: LayoutOptions) -> dict[int, int]:
        """Node -> its own limit of cards a stack column (`options.stack_rows_of`, by index;
        ids not in the forest left out)."""
        if not options.stack_rows_of:
            return {}
        if self._index is None:
            self._index = {nid: i for i, nid in enumerate(self.ids)}
        index = self._index
        return {index[nid]: rows for nid, rows in options.stack_rows_of if nid in index}

    def card_sizes(self) -> dict[str, tuple[float, float]]:
        """Every card's (width, height) as laid out (heights shared with `share`)."""
        if self.direction == "TB":
            return dict(zip(self.ids, zip(self.breadth, self.depth, strict=True), strict=True))
        return dict(zip(self.ids, zip(self.depth, self.breadth, strict=True), strict=True))

    def _plan(self, options: LayoutOptions) -> _Plan:
        if options.direction != self.direction:
            raise ValueError(f"the forest was prepared for direction {self.direction}, not "
                             f"{options.direction}")
        key = replace(options, list_height=None)
        st = self._structures.pop(key, None)
        if st is None:
            if self._fixed is None:
                self._fixed = _Fixed(self.kids, self.raw)
            st = _Structure(self.kids, self.parent, self.raw, self.room, options, self._fixed)
            if len(self._structures) >= 8:  # keep the most recently used ones
                del self._structures[next(iter(self._structures))]
        self._structures[key] = st
        if self.direction == "LR":  # no _Singles: left to right places lists itself
            return _Plan(st, self.breadth, self.room, self.extra, options,
                         self.rows_of(options), None)
        base = replace(key, list_from=None)
        singles = self._singles.get(base)
        if singles is None:
            singles = self._singles[base] = _Singles(self, base)
        height = replace(options, list_from=None)
        done = self._listed.pop(height, None)
        if done is None:
            budget = options.list_height
            if budget is None:
                budget = 10 * (max(self.room, default=0.0) + options.stack_gap)
            kin = [kept for key, kept in self._listed.items()
                   if replace(key, list_height=None) == replace(height, list_height=None)]
            tallest = max(kin, key=lambda kept: kept.budget, default=None)
            done = _Listed(singles, budget, tallest)
            if len(self._listed) >= 4:  # keep the tallest and the most recently used ones
                del self._listed[next(key for key, kept in self._listed.items()
                                      if kept is not tallest)]
        self._listed[height] = done
        return _Plan(st, self.breadth, self.room, self.extra, options, self.rows_of(options),
                     singles, done)

    def blocks(self, options: LayoutOptions) -> dict[str, list[str]]:
        """Each manager laid out in rows that holds a block, by id: the block's members
        (top-down its listed reports and the leaf reports it stacks, by row, then file
        order; left to right as `_blocks_across` says), as `layout` groups them."""
        if options.direction != self.direction:
            raise ValueError(f"the forest was prepared for direction {self.direction}, not "
                             f"{options.direction}")
        managers = [v for v, ks in enumerate(self.kids) if ks]
        if self.direction == "LR":
            _, members = _blocks_across(self.kids, self.raw, managers, options)
        else:
            _, members = _blocks_top_down(self.kids, self.parent, self.raw, managers, options)
        ids = self.ids
        return {ids[v]: [ids[c] for c in group] for v, group in members.items()}

    def layout(self, options: LayoutOptions = LayoutOptions()) -> TreeLayout:
        """The same as `layout_forest` with these options."""
        if not self.ids:
            return TreeLayout({}, {}, 0.0, 0.0)
        with _no_gc():
            return _layout(self, self._plan(options), options)

    def measure(self, options: LayoutOptions = LayoutOptions()) -> tuple[float, float]:
        """About the (width, height) that `layout` gives, at a third of its cost: one packing
        pass instead of two, and no edges."""
        if not self.ids:
            return 0.0, 0.0
        with _no_gc():
            plan = self._plan(options)
            breadth, extra = self.breadth, self.extra
            rel = _pack(plan, options, False)
            pos = [0.0] * plan.total
            for r in plan.roots:
                pos[r] = rel[r]
            for v, ks in enumerate(plan.pkids):  # parents first; blocks have none
                if ks is not None:
                    base = pos[v]
                    for c in ks:
                        pos[c] = base + rel[c]
            post = plan.post
            lo = min([pos[i] - breadth[i] * 0.5 for i in post])
            hi = max([pos[i] + breadth[i] * 0.5 + extra[i] for i in post])
            tops, row_h, band = plan.tops, plan.row_h, plan.band
            bottom = max([tops[j] + row_h[j] for j in {band[i] for i in post}])
            for b_id, blk in plan.blocks.items():
                lo = min(lo, pos[b_id] - blk.width * 0.5)
                hi = max(hi, pos[b_id] + blk.width * 0.5)
                bottom = max(bottom, tops[blk.start] + blk.height)
            if self.direction == "TB":
                return hi - lo, bottom
            return bottom, hi - lo

    def list_floors(self, options: LayoutOptions, cuts: int) -> list[float]:
        """For each list row c < `cuts`, a lower bound (no layout) of the breadth (TB: width)
        that `measure` gives with `list_from` c and any `list_height`; it grows with c."""
        # Items in one row do not overlap and stand at least min(sibling_gap, subtree_gap)
        # apart (a packing pass keeps every sub-band's items in order, `_merge`). From list row
        # c on, some items stand the same in every layout: a manager in a row above c, and
        # once all of a manager's reports are above c, its leaf reports (each alone in its
        # row, or, top-down, the block of them stacked, which has no listed member). The
        # bound is the widest row of those items.
        kids, raw = self.kids, self.raw
        item = [b + e for b, e in zip(self.breadth, self.extra, strict=True)]
        gap = min(options.sibling_gap, options.subtree_gap)
        stub = max(4.0, options.sibling_gap * 0.5)
        need = max(1, options.stack_min)
        tb = self.direction == "TB"
        rows_of = self.rows_of(options)
        found: list[list[tuple[int, float]]] = [[] for _ in range(max(cuts, 1))]
        for v, ks in enumerate(kids):
            if not ks:
                continue
            if raw[v] + 1 < cuts:
                found[raw[v] + 1].append((raw[v], item[v]))
            since = max(map(raw.__getitem__, ks)) + 1  # all reports are above list row `since`
            if since >= cuts:
                continue
            low = raw[v] + 1
            leaves = [c for c in ks if not kids[c]]
            stacked = [c for c in leaves if options.stack_any_row or raw[c] == low]
            if not (options.stack_leaves and len(ks) >= need and len(stacked) >= need):
                stacked = []
            alone = set(leaves).difference(stacked)
            found[since].extend((raw[c], item[c]) for c in leaves if c in alone)
            if stacked and tb:  # a block of columns of cards, as `_Plan._columns` cuts it
                stacked.sort(key=raw.__getitem__)
                count = len(stacked)
                per = math.ceil(count / _columns_for(count, options, rows_of.get(v)))
                block = _cut_even(stacked, per, item)
                width = sum(stub + max(item[c] for c in col) + options.sibling_gap
                            for col in block) - options.sibling_gap
                found[since].append((max(low, raw[stacked[0]]), width))
        floors = [0.0] * max(cuts, 1)
        rows: dict[int, tuple[float, int]] = {}
        widest = 0.0
        for cut in range(len(floors)):
            for row, width in found[cut]:
                total, count = rows.get(row, (0.0, 0))
                total, count = total + width, count + 1
                rows[row] = (total, count)
                widest = max(widest, total + gap * (count - 1))
            floors[cut] = widest * (1 - 1e-9)  # float slack: a bound, never above
        return floors


class _no_gc:
    """Turn the cyclic garbage collector off for a block: many small lists and tuples are
    made here and the collector only costs time."""

    def __enter__(self) -> None:
        self.was = gc.isenabled()
        gc.disable()

    def __exit__(self, *exc: object) -> None:
        if self.was:
            gc.enable()


def layout_forest(
    roots: Sequence[str],
    children: Mapping[str, Sequence[str]],
    sizes: Mapping[str, tuple[float, float]],
    options: LayoutOptions = LayoutOptions(),
    rows: Mapping[str, int] | None = None,
    beside: Mapping[str, float | Beside] | None = None,
) -> TreeLayout:
    """Lay out a forest of org trees: card centres and orthogonal edge routes.

    The nodes are the roots and everything reachable from them through `children` (whose order
    is kept); each needs a size. `rows` optionally asks for a row per node (pushed below the
    parent's row when needed; nodes with the same row share a centre line). Leaf reports are
    stacked in columns when a manager has at least `stack_min` of them in the next row (any
    row with `stack_any_row`). With `options.list_from`, nodes in that row or below are
    listed: a manager's reports there hang below it in columns, each report's own reports
    below its card, indented. `beside` keeps breadth free after a card, on its depth (for
    assistants drawn next to a manager; a `Beside` for several lines of them, the further
    ones past the card along the tree). Raises ValueError for a node reached twice (a cycle
    or a shared child) or without a size.
    """
    with _no_gc():
        forest = PreparedForest(roots, children, sizes, rows, beside, options.direction)
        return forest.layout(options)


def measure_forest(
    roots: Sequence[str],
    children: Mapping[str, Sequence[str]],
    sizes: Mapping[str, tuple[float, float]],
    options: LayoutOptions = LayoutOptions(),
    rows: Mapping[str, int] | None = None,
    beside: Mapping[str, float | Beside] | None = None,
) -> tuple[float, float]:
    """About the (width, height) that `layout_forest` gives (see PreparedForest.measure)."""
    with _no_gc():
        forest = PreparedForest(roots, children, sizes, rows, beside, options.direction)
        return forest.measure(options)


def _simple(points: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """Drop repeated points and the middle one of three on a line."""
    out: list[tuple[float, float]] = []
    for p in points:
        if out and out[-1] == p:
            continue
        if len(out) >= 2:
            a, b = out[-2], out[-1]
            if (a[0] == b[0] == p[0]) or (a[1] == b[1] == p[1]):
                out[-1] = p
                continue
        out.append(p)
    return out


def _across_edges(edges: dict[tuple[str, str], list[tuple[float, float]]], v: int,
                  blk: _Block, ks: list[int], forest: PreparedForest, plan: _Plan,
                  rb: list[float], rd: list[float], pb: float, ym: float, ob: float,
                  junction: float) -> None:
    """Left to right: the lines from manager `v` into its block of stacked leaves (built
    along the tree, (breadth, depth), and turned into (x, y)). Out of the manager's side to
    the middle of the gap, across it to `junction`, where the line meets the first trunk
    (the block's centre line, or the manager's or a card's line less than JOG from it: see
    `_straighten`), on to the first trunk; along it to each card of the first column, or up
    to the bus along the block's top (`ob`), across to the column's trunk and along it to
    the card."""
    ids, depth = forest.ids, forest.depth
    od = plan.tops[blk.start]
    bv = rb[v]
    bus = round(ob, 2) + 0.0
    trunks = [round(od + t, 2) + 0.0 for t in blk.d_trunks]
    head = [(bv, pb), (bv, ym), (junction, ym), (junction, trunks[0])]
    pid = ids[v]
    col_of = blk.col_of
    for c in ks:
        k = col_of.get(c)
        if k is None:
            continue
        bc = rb[c]
        near = round(rd[c] - depth[c] * 0.5, 2) + 0.0
        if k == 0:
            pts = [*head, (bc, trunks[0]), (bc, near)]
        else:
            pts = [*head, (bus, trunks[0]), (bus, trunks[k]), (bc, trunks[k]), (bc, near)]
        edges[pid, ids[c]] = [(d, b) for b, d in _simple(pts)]


class _Straight(NamedTuple):
    """What `_straighten` moved: each card's shift of what hangs from it (its block, its
    listed reports: their `origin`), left to right where a manager's line meets the first
    trunk of its block, and the new `lo` (origin - lo is a place on the page)."""

    hung: list[float]
    junction: dict[int, float]
    lo: float
    far: list[int]  # the middle children moved further than `room` (FAR_STEP), if any


def _straighten(forest: PreparedForest, plan: _Plan, options: LayoutOptions, rb: list[float],
                origin: dict[int, tuple[float, float]], pos_b: list[float],
                lo: float, reach: float = 0.0) -> _Straight:
    """Move cards (rounded breadth centres `rb`, in place) across the tree, each with all it
    carries, so that no line jogs by a fraction of a pixel where two centres nearly meet,
    and every card is still entered at its middle. A card entered along its parent's line
    moves onto it when it misses it by less than JOG, or a middle child laid out in rows by
    less than `room` (a step of a few px); so does a manager's block whose trunk (left to
    right: whose first column's card) is less than JOG from the manager's line. Left to
    right, a line that comes to a block from afar meets the card near it where the card
    stands. Parents come first (preorder), so a card moves with its parent, then on to its
    own line.

    No card moves in all by half the smallest gap between cards across the tree or more (see
    `_Straightener.jog`), so two that move towards each other never meet; but with `reach`,
    a middle child laid out in rows that misses its parent's line by less than that moves
    onto it, with all it carries (listed in `far`: the caller checks what it overlaps)."""
    return _Straightener(forest, plan, options, rb, origin, pos_b, lo, reach).run()


class _Straightener:
    """The state of `_straighten`: the cards' shifts so far, and what they are bound by."""

    def __init__(self, forest: PreparedForest, plan: _Plan, options: LayoutOptions,
                 rb: list[float], origin: dict[int, tuple[float, float]],
                 pos_b: list[float], lo: float, reach: float = 0.0) -> None:
        self.forest, self.plan, self.rb, self.origin, self.lo = forest, plan, rb, origin, lo
        self.reach = reach
        self.far: list[int] = []
        self.carry = 0.0  # how far the card at hand moves with a far-moved card above it
        self.pos_b = pos_b
        # where the cards stand before rounding: a moved card is rounded once, from here
        # (rounded twice, two cards of a column could stand 0.02 apart)
        self.raw = [b - lo for b in pos_b[:len(rb)]]
        self.tb = options.direction == "TB"
        self.room = min(options.sibling_gap, options.subtree_gap, options.stack_gap) * 0.5
        n = len(rb)
        self.moved = [0.0] * n  # how far each card moves, all below it with it
        self.carried = [0.0] * n  # of that, how far it moves with far-moved cards
        self.hung = [0.0] * n
        self.junction: dict[int, float] = {}

    def jog(self, at: float, line: float, shift: float, most: float = JOG) -> float:
        """How far a card (or a trunk) at `at`, moved by `shift` with its parent, moves onto
        `line`: the jog between them if that is less than `most` and leaves the card less
        than `room` from where the layout put it (each by more than ROUNDING, see `_short`);
        else 0 (a bend, drawn as it is)."""
        step = line - at  # (from where it stands before rounding: it lands on `line`)
        if (round(at, 2) != line and _short(step, most)
                and _short(shift - self.carry + step, self.room)):
            return step
        return 0.0

    def run(self) -> _Straight:
        kids, inblock, rb, moved = self.forest.kids, self.plan.inblock, self.rb, self.moved
        raw = self.raw
        for v in range(len(rb)):  # preorder: parents first
            shift = moved[v]
            if shift:
                rb[v] = round(raw[v] + shift, 2) + 0.0
            ks = kids[v]
            if not ks:
                continue
            bv = rb[v]
            self.carry = self.carried[v]
            hang = shift + (self.hang_top_down(v, shift) if self.tb
                            else self.hang_across(v, shift))
            self.hung[v] = hang
            middle = [c for c in ks if not inblock[c]][1:-1]
            for c in ks:
                self.carried[c] = self.carry
                if inblock[c]:
                    moved[c] = hang
                else:
                    # (a middle child a few px off its parent's line: a step, not an
                    # elbow; it moves onto the line as far as the room allows)
                    moved[c] = shift + self.jog(raw[c] + shift, bv, shift, self.room)
                    if moved[c] == shift and self.reach and c in middle:
                        self.move_far(c, raw[c] + shift, bv, shift)
        up = 0.0
        if any(moved) or any(self.hung):  # (else every card stands where it was laid out)
            up = _inside(rb, self.forest.breadth, self.plan.blocks, self.pos_b, self.hung,
                         self.lo)
        junction = self.junction
        if up:
            junction = {v: round(at + up, 2) + 0.0 for v, at in junction.items()}
        return _Straight(self.hung, junction, self.lo - up, self.far)

    def move_far(self, c: int, at: float, line: float, shift: float) -> None:
        """Move card `c` (at `at`, moved by `shift` with its parent) onto `line` when it
        misses it by at least `room` (a step `jog` does not take) and less than `reach`, as
        `_short` measures them (see `_straighten`)."""
        step = line - at
        if round(at, 2) != line and not _short(step, self.room) and _short(step, self.reach):
            self.moved[c] = shift + step
            self.carried[c] = self.carry + step
            self.far.append(c)

    def hang_top_down(self, v: int, shift: float) -> float:
        """Top-down: how far what hangs from card `v` moves across: a block onto the
        manager's middle when one of its trunks is less than JOG from it (else 0)."""
        plan = self.plan
        if v not in self.origin or plan.inblock[v]:  # (a listed card's trunk: see _layout)
            return 0.0
        left = self.origin[v][0] - self.lo + shift  # (not rounded: the edges round it)
        tr_off, bv = plan.tr_off, self.rb[v]
        for c in self.forest.kids[v]:
            if plan.inblock[c] and abs(left + tr_off[c] - bv) < JOG:
                return self.jog(left + tr_off[c], bv, shift)
        return 0.0

    def hang_across(self, v: int, shift: float) -> float:
        """Left to right: how far what hangs from card `v` moves across, and where the line
        to a block meets its first trunk (set in `junction`)."""
        plan, rb = self.plan, self.rb
        ks, bv, inblock = self.forest.kids[v], rb[v], plan.inblock
        b_id = plan.block_of.get(v)
        if b_id is None or not plan.blocks[b_id].across:
            return 0.0
        blk = plan.blocks[b_id]
        centre = round(self.origin[v][0] - blk.lane - self.lo + blk.width * 0.5 + blk.line_offset
                       + shift, 2) + 0.0
        first = [c for c in ks if inblock[c] and blk.col_of.get(c) == 0]
        if abs(centre - bv) < JOG:  # the line goes straight on: the block moves to it
            self.junction[v] = bv
            return self.onto(bv, first, shift)
        # the line comes to the block from afar: it meets a card near it where it stands
        near = [round(self.raw[c] + shift, 2) + 0.0 for c in first]
        self.junction[v] = next((at for at in near if 0.0 < abs(at - centre) < JOG), centre)
        return 0.0

    def onto(self, line: float, cards: list[int], shift: float) -> float:
        """How far to move `cards` (moved by `shift` already) so that the one whose centre
        misses `line` by less than JOG stands on it (0: none does, or it may not move)."""
        for c in cards:
            at = self.raw[c] + shift
            if 0.0 < abs(round(at, 2) - line) < JOG:
                return self.jog(at, line, shift)
        return 0.0


def _inside(rb: list[float], breadth: list[float], blocks: dict[int, _Block],
            pos_b: list[float], hung: list[float], lo: float) -> float:
    """How far to move every card (in `rb`, in place) so that the first card or block
    stands at 0 again after `_straighten` moved some: not before it, nor further in (the
    first card moved in from the edge, the other side's last card out, would leave the
    drawing wider on one side than its mirror image is); 0.0 when it stands there."""
    first = min(rb[i] - breadth[i] * 0.5 for i in range(len(rb)))
    for b_id, blk in blocks.items():
        first = min(first, pos_b[b_id] - blk.width * 0.5 - lo + hung[blk.owner])
    up = _up(-first) + 0.0  # (to 2 decimals: nothing before 0, as without moves)
    if up:
        rb[:] = [round(b + up, 2) + 0.0 for b in rb]
    return up


def _cards_between(n: int, rb: list[float], rd: list[float], breadth: list[float],
                   depth: list[float], extra: list[float], extra_d: list[float], b0: float,
                   b1: float, d0: float, d1: float) -> bool:
    """Whether a card (the room beside it included) overlaps the span from `b0` to `b1`
    between depths `d0` and `d1` (a scan: few blocks start rows below their manager's)."""
    return any(rd[i] - depth[i] * 0.5 < d1 and rd[i] + depth[i] * 0.5 + extra_d[i] > d0
               and rb[i] - breadth[i] * 0.5 < b1 and rb[i] + breadth[i] * 0.5 + extra[i] > b0
               for i in range(n))


def _layout(forest: PreparedForest, plan: _Plan, options: LayoutOptions) -> TreeLayout:
    """The body of `PreparedForest.layout`: middle children a step (up to FAR_STEP) off
    their manager's line moved onto it when that overlaps nothing and takes no more room."""
    lay, far = _laid_out(forest, plan, options, FAR_STEP)
    if not far:  # (nothing moved further than the plain layout moves it)
        return lay
    plain, _ = _laid_out(forest, plan, options, 0.0)
    gap = min(options.sibling_gap, options.subtree_gap, options.stack_gap) * 0.5
    more = ROUNDING  # (else the mirror image differs)
    if (lay.width <= plain.width + more and lay.height <= plain.height + more
            and _clear_of(lay, forest, far, gap, options.direction == "TB")):
        return lay
    return plain


def _rects(lay: TreeLayout, forest: PreparedForest,
           tb: bool) -> list[tuple[float, float, float, float]]:
    """Each card's outline (left, top, right, bottom), with the room kept beside it."""
    out = []
    for i, card_id in enumerate(forest.ids):
        x, y = lay.positions[card_id]
        b, d = forest.breadth[i] * 0.5, forest.depth[i] * 0.5
        eb, ed = forest.extra[i], forest.extra_d[i]
        if tb:
            out.append((x - b, y - d, x + b + eb, y + d + ed))
        else:
            out.append((x - d, y - b, x + d + ed, y + b + eb))
    return out


def _crosses(a: tuple[float, float], b: tuple[float, float],
             rect: tuple[float, float, float, float]) -> bool:
    """Whether the axis-parallel segment a-b passes through the inside of `rect`."""
    left, top, right, bottom = rect
    t = 0.5  # (a line along a card's edge, or ending on it, does not count)
    return (min(a[0], b[0]) < right - t and max(a[0], b[0]) > left + t
            and min(a[1], b[1]) < bottom - t and max(a[1], b[1]) > top + t)


class _Grid:
    """Card outlines in square cells, to find those near a place without looking at all."""

    def __init__(self, rects: list[tuple[float, float, float, float]]) -> None:
        self.rects = rects
        self.cell = max([max(r[2] - r[0], r[3] - r[1]) for r in rects], default=1.0) or 1.0
        self.cells: dict[tuple[int, int], list[int]] = {}
        for i, r in enumerate(rects):
            for key in self.keys(r[0], r[1], r[2], r[3]):
                self.cells.setdefault(key, []).append(i)

    def keys(self, left: float, top: float, right: float,
             bottom: float) -> list[tuple[int, int]]:
        """The cells that a rectangle touches."""
        c = self.cell
        return [(i, j) for i in range(math.floor(left / c), math.floor(right / c) + 1)
                for j in range(math.floor(top / c), math.floor(bottom / c) + 1)]

    def near(self, left: float, top: float, right: float, bottom: float) -> set[int]:
        """The cards in the cells that a rectangle touches."""
        return {i for key in self.keys(left, top, right, bottom)
                for i in self.cells.get(key, ())}


def _clear_of(lay: TreeLayout, forest: PreparedForest, far: list[int], gap: float,
              tb: bool) -> bool:
    """Whether the cards moved far (`far`, in preorder, with all below them) stand at least
    `gap` (less ROUNDING, never overlapping) from every card that did not move with them,
    and no line passes through a card it does not join, where the line or the card moved."""
    kids, ids = forest.kids, forest.ids
    owner: dict[int, int] = {}  # each card moved far: the far-moved card it moves with
    for top in far:
        todo = [top]
        while todo:
            v = todo.pop()
            owner[v] = top  # (the deepest far-moved card above it: `far` is in preorder)
            todo.extend(kids[v])
    rects = _rects(lay, forest, tb)
    grid = _Grid(rects)
    # A card exactly `gap` from another stands up to a hundredth nearer or further once both
    # are rounded, the other way in the mirror image: the rounding is allowed (as long as
    # no two cards overlap), so that the drawing and its mirror image move the same cards.
    near = gap - min(ROUNDING, gap)
    for m, mine in owner.items():
        ml, mt, mr, mb = rects[m]
        for o in grid.near(ml - gap, mt - gap, mr + gap, mb + gap):
            if owner.get(o, -1) == mine:
                continue
            ol, ot, o_r, ob = rects[o]
            if ml - near < o_r and ol < mr + near and mt - near < ob and ot < mb + near:
                return False
    index = {card_id: i for i, card_id in enumerate(ids)}
    for (p, c), points in lay.edges.items():
        ends = (index[p], index[c])
        moved_line = ends[1] in owner
        for a, b in pairwise(points):
            for k in grid.near(min(a[0], b[0]), min(a[1], b[1]), max(a[0], b[0]),
                               max(a[1], b[1])):
                if ((moved_line or k in owner) and k not in ends
                        and _crosses(a, b, rects[k])):
                    return False
    return True


def _laid_out(forest: PreparedForest, plan: _Plan, options: LayoutOptions,
              reach: float) -> tuple[TreeLayout, list[int]]:
    """The layout, with middle children up to `reach` off their manager's line moved onto
    it (see `_straighten`), and the cards so moved."""
    tb = options.direction == "TB"
    ids, parent, kids = forest.ids, forest.parent, forest.kids
    breadth, depth, extra = forest.breadth, forest.depth, forest.extra
    extra_d, room = forest.extra_d, forest.room
    n = len(ids)
    inblock, band, row_h, tops = plan.inblock, plan.band, plan.row_h, plan.tops
    line_h = plan.line_h
    pkids, block_of, blocks = plan.pkids, plan.block_of, plan.blocks
    top_aligned = forest.top_aligned

    # Two packing passes, left to right and mirrored. Both keep the same left-to-right order of
    # items in every band and all spacing rules are linear in that order, so their average is
    # valid too, and it is symmetric (no left-heavy bias of plain Reingold–Tilford).
    rel_a = _pack(plan, options, False)
    rel_b = _pack(plan, options, True)
    pos_b = [0.0] * plan.total
    for r in plan.roots:
        pos_b[r] = (rel_a[r] - rel_b[r]) * 0.5
    pos_d = [0.0] * n
    stub = plan.stub
    tr_off, top_off, indent, hang = plan.tr_off, plan.top_off, plan.indent, plan.hang
    origin: dict[int, tuple[float, float]] = {}  # node -> left and top of what hangs below it
    for v in range(n):  # preorder: parents first
        if inblock[v]:
            ob, od = origin[parent[v]]
            if not tb:  # left to right: (top, left) of what hangs, the page's columns
                # (a leaf: nothing hangs from it, see _blocks_across)
                pos_b[v] = ob + top_off[v] + breadth[v] * 0.5
                pos_d[v] = od + tr_off[v] + stub + depth[v] * 0.5
                continue
            left = ob + tr_off[v] + stub
            top = od + top_off[v]
            pos_b[v] = left + breadth[v] * 0.5
            pos_d[v] = top + depth[v] * 0.5
            if v in hang:
                origin[v] = (left + indent[v], top + room[v] + hang[v][0])
            continue
        j = band[v]
        pos_d[v] = tops[j] + (depth[v] if top_aligned else line_h[j] - extra_d[v]) * 0.5
        ks = pkids[v]
        if ks is not None:
            base = pos_b[v]
            for c in ks:
                pos_b[c] = base + (rel_a[c] - rel_b[c]) * 0.5
            b_id = block_of.get(v)
            if b_id is not None:
                blk = blocks[b_id]
                if blk.across:
                    origin[v] = (pos_b[b_id] - blk.width * 0.5 + blk.lane,
                                 tops[blk.start] + blk.d_trunks[0])
                else:
                    origin[v] = (pos_b[b_id] - blk.width * 0.5, tops[blk.start])

    # Shift so that everything is >= 0, and round to 2 decimals.
    lo = min(pos_b[i] - breadth[i] * 0.5 for i in range(n))
    for b_id, blk in blocks.items():
        lo = min(lo, pos_b[b_id] - blk.width * 0.5)
    rb = [round(pos_b[i] - lo, 2) + 0.0 for i in range(n)]
    rd = [round(d, 2) + 0.0 for d in pos_d]
    straight = _straighten(forest, plan, options, rb, origin, pos_b, lo, reach)
    hung, lo = straight.hung, straight.lo
    ext_b = _up(max(rb[i] + breadth[i] * 0.5 + extra[i] for i in range(n)))
    ext_d = _up(max(rd[i] + depth[i] * 0.5 + extra_d[i] for i in range(n)))

    # Edges: elbows through the middle of the gap below the parent's row. Block members hang
    # off their column's trunk (reached through a bus above the block when it starts rows
    # lower); listed reports hang off a trunk from their manager's bottom, near its left edge.
    half_gap = options.level_gap * 0.5
    edges: dict[tuple[str, str], list[tuple[float, float]]] = {}
    for v in range(n):
        ks = kids[v]
        if not ks:
            continue
        bv = rb[v]
        hb = breadth[v] * 0.5
        pb = round(rd[v] + depth[v] * 0.5, 2)
        pid = ids[v]
        if inblock[v]:  # a listed card (top-down: a leaf left to right): its reports
            sx = round(bv - hb + indent[v], 2) + 0.0
            ob = origin[v][0] + hung[v] - lo
            bus = round(pb + extra_d[v] + options.stack_gap, 2)  # below what stands beside
            for c in plan.order[v]:
                tr = round(ob + tr_off[c], 2) + 0.0
                ld = rd[c]
                side = round(rb[c] - breadth[c] * 0.5, 2) + 0.0
                if abs(tr - sx) < JOG:  # the first column's trunk (as rounded from ob)
                    pts = [(sx, pb), (sx, ld), (side, ld)]
                else:
                    pts = [(sx, pb), (sx, bus), (tr, bus), (tr, ld), (side, ld)]
                edges[pid, ids[c]] = _simple(pts) if tb else [(d, b) for b, d in _simple(pts)]
            continue
        j = band[v]
        ym = round(tops[j] + row_h[j] + half_gap, 2)
        top_ok = pb != ym
        b_id = block_of.get(v)
        nskip = 0
        if b_id is not None and blocks[b_id].across:
            _across_edges(edges, v, blocks[b_id], ks, forest, plan, rb, rd, pb, ym,
                          origin[v][0] + hung[v] - blocks[b_id].lane - lo,
                          straight.junction[v])
            ks = [c for c in ks if not inblock[c]]
            b_id = None
        shared = False
        leave = bv  # where the lines that share the way to the gap's line leave the card
        if b_id is not None:
            blk = blocks[b_id]
            ob = origin[v][0] + hung[v] - lo
            # A trunk below the card drops from it only when it is the card's one line: else
            # it joins the others (from the card's middle) at the gap's line, rather than
            # leaving the card a few px beside them (a double line).
            trunks_x = {round(ob + tr_off[c], 2) for c in ks if inblock[c]}
            shared = top_ok and (len(trunks_x) > 1 or any(not inblock[c] for c in ks))
            t1 = round(ob, 2) + 0.0
            by = round(tops[blk.start] - half_gap, 2) if blk.nskip else ym
            # A block that starts rows lower is reached by a bus above its first row, at the
            # height of the buses of the rows between; where no card stands between the
            # manager's gap and the block, the bus stays in the manager's own gap instead
            # (its lines cannot then be taken for a line of a manager in the rows between).
            nskip = blk.nskip
            if nskip and not _cards_between(
                    n, rb, rd, breadth, depth, extra, extra_d, t1, t1 + blk.width, ym, by):
                nskip, by = 0, ym
            if shared and not nskip:  # (a trunk near the middle goes on up into the card)
                leave = _leaving(bv, breadth[v], trunks_x, [rb[c] for c in ks if not inblock[c]])
            if bv - hb < t1 < bv + hb and not (shared and t1 != bv):
                head = [(t1, pb)]
            elif top_ok:
                head = [(bv, pb), (bv, ym), (t1, ym)]
            else:
                head = [(bv, pb), (t1, ym)]
        for c in ks:
            if inblock[c]:
                tr = round(ob + tr_off[c], 2) + 0.0
                ld = rd[c]
                side = round(rb[c] - breadth[c] * 0.5, 2) + 0.0
                if not nskip and bv - hb < tr < bv + hb and not (shared and tr != leave):
                    pts = [(tr, pb), (tr, ld), (side, ld)]
                elif not nskip and top_ok:
                    pts = [(leave, pb), (leave, ym), (tr, ym), (tr, ld), (side, ld)]
                elif not nskip:
                    pts = [(leave, pb), (tr, ym), (tr, ld), (side, ld)]
                else:
                    pts = [*head, (t1, by), (tr, by), (tr, ld), (side, ld)]
                pts = _simple(pts)
            else:
                bc = rb[c]
                ct = round(rd[c] - depth[c] * 0.5, 2)
                if bc == bv:
                    pts = [(bv, pb), (bv, ct)]
                else:
                    pts = [(leave, pb), (leave, ym), (bc, ym), (bc, ct)]
                    if ct == ym:
                        pts.pop()
                    if not top_ok:
                        del pts[0]
            edges[pid, ids[c]] = pts if tb else [(d, b) for b, d in pts]

    shown = [j for j in range(len(plan.used)) if plan.shown[j]]
    row_centres = {plan.used[j]: round(tops[j] + row_h[j] * 0.5, 2) + 0.0 for j in shown}
    row_sizes = {plan.used[j]: round(row_h[j], 2) + 0.0 for j in shown}
    if tb:
        positions = {ids[i]: (rb[i], rd[i]) for i in range(n)}
        return TreeLayout(positions, edges, ext_b, ext_d, row_centres, row_sizes), straight.far
    positions = {ids[i]: (rd[i], rb[i]) for i in range(n)}
    return TreeLayout(positions, edges, ext_d, ext_b, row_centres, row_sizes), straight.far


def _row_tops(row_h: list[float], gap: float) -> tuple[list[float], list[float]]:
    """Each row's top (and the bottom of the last, plus a gap) for rows of these heights
    `gap` apart, and the bounds of rows and gaps in turn (a row's top, its bottom, the next
    row's top, ...)."""
    nrows = len(row_h)
    tops = [0.0] * (nrows + 1)
    bounds = [0.0] * (2 * nrows + 1)
    for j in range(nrows):
        bounds[2 * j] = tops[j]
        bounds[2 * j + 1] = tops[j] + row_h[j]
        tops[j + 1] = tops[j] + row_h[j] + gap
    bounds[2 * nrows] = tops[nrows]
    return tops, bounds
