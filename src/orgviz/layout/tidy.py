"""Linear-time, non-recursive tidy tree layout (contour-based Reingold–Tilford) for org charts."""

from __future__ import annotations

import gc
import math
from bisect import bisect_left
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from operator import sub

__all__ = ["LayoutOptions", "TreeLayout", "layout_forest"]

# How it works (all loops, no recursion; "breadth" is x for TB and y for LR, "depth" the other):
#  1. Rows: a node's row is its wanted row pushed below its parent's (default: its depth). The
#     used rows get y positions from their tallest card plus `level_gap`; that is fixed before
#     any x is chosen. Leaves stacked under a manager form one opaque "block" item (columns of
#     cards, each with a trunk on its left) that starts at the row below the manager.
#  2. Contours live on sub-bands: each row's cards, then the gap below it (where the elbow
#     connectors run), so a tall block or an edge that skips rows also reserves its space.
#  3. Packing (Reingold–Tilford with array contours): children first, each subtree is pushed
#     right until its left contour clears the right contour of its left siblings by
#     `sibling_gap` (first sub-band) or `subtree_gap` (deeper). Only the shorter contour is
#     walked and the longer one is reused in place, so the whole pass is O(n + bands used by
#     blocks and row-skipping edges). The parent is centred over its first and last child.
#  4. The pass runs left to right and mirrored; the average of the two is symmetric and still
#     valid (same order in every band, linear spacing constraints).
#  5. Positions are shifted to be >= 0 and rounded to 2 decimals; edges are built from them.

# A subtree contour: (left list, left base, right list, right base). Each list holds one extreme
# per band, deepest band first (so adding bands above is an O(1) append); the real coordinate,
# relative to the subtree's own frame, is the stored value plus the base.
_Contour = tuple[list[float], float, list[float], float]


@dataclass(frozen=True)
class LayoutOptions:
    """Spacing and stacking options for `layout_forest`."""

    direction: str = "TB"  # "TB" (children below) or "LR" (children to the right)
    level_gap: float = 50.0  # gap between a card's bottom and its children's top (TB)
    sibling_gap: float = 20.0  # horizontal gap between sibling cards
    subtree_gap: float = 30.0  # gap between neighbouring subtrees
    stack_leaves: bool = True  # stack a manager's leaf reports in columns
    stack_min: int = 4  # stack only when a manager has at least this many leaf reports
    stack_columns: int | None = None  # None: choose 1-4 columns by count
    stack_gap: float = 12.0  # vertical gap between stacked cards

    def __post_init__(self) -> None:
        if self.direction not in ("TB", "LR"):
            raise ValueError(f"direction must be 'TB' or 'LR', not {self.direction!r}")
        for name in ("level_gap", "sibling_gap", "subtree_gap", "stack_gap"):
            value = getattr(self, name)
            if not math.isfinite(value) or value < 0:
                raise ValueError(f"{name} must be a finite number >= 0, not {value!r}")
        if self.stack_columns is not None and self.stack_columns < 1:
            raise ValueError(f"stack_columns must be None or >= 1, not {self.stack_columns!r}")


@dataclass(frozen=True)
class TreeLayout:
    """Card centres and orthogonal edge routes; y grows downwards and all values are >= 0."""

    positions: dict[str, tuple[float, float]]
    edges: dict[tuple[str, str], list[tuple[float, float]]]
    width: float
    height: float


def _columns_for(count: int, options: LayoutOptions) -> int:
    """Number of columns for a stack of `count` leaves."""
    if options.stack_columns is not None:
        k = options.stack_columns
    else:
        k = min(4, max(1, math.ceil(math.sqrt(count / 3.0))))
    return max(1, min(k, count))


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
    left, lbase, right, rbase = contours[c]  # type: ignore[misc]
    contours[c] = None
    rel[c] = 0.0
    for c in it:
        cl, clb, cr, crb = contours[c]  # type: ignore[misc]
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


def _pack(plan: _Plan, breadth: list[float], options: LayoutOptions, mirror: bool) -> list[float]:
    """One packing pass; returns each item's breadth offset from its parent (mirrored if asked).

    Subtrees are done children first (reverse preorder, no recursion). A subtree's contour has
    one entry per sub-band from its parent's next row down to its deepest item.
    """
    total = plan.total
    pkids = plan.pkids
    centre_of = plan.centre_of
    strips = plan.strips
    roots = plan.roots
    rel = [0.0] * total
    contours: list[_Contour | None] = [None] * total
    attach = [0.0] * total
    for b_id, (width, nbands) in plan.blocks.items():
        half = width * 0.5
        attach[b_id] = half
        contours[b_id] = ([-half] * nbands, 0.0, [half] * nbands, 0.0)
    sg = options.sibling_gap
    tg = options.subtree_gap
    for v in plan.post:
        half = breadth[v] * 0.5
        kids = pkids[v]
        if kids is None:
            left, lbase, right, rbase = [-half], 0.0, [half], 0.0
        else:
            left, lbase, right, rbase = _merge(
                reversed(kids) if mirror else kids, contours, rel, sg, tg
            )
            first, last = centre_of[v]  # type: ignore[misc]
            centre = (rel[first] + rel[last]) * 0.5
            for c in kids:
                rel[c] -= centre
            lbase -= centre
            rbase -= centre
            # The gap below the card holds the connector, from the parent to the outermost
            # attachment points (child centres, or the whole width of a stack block).
            k0 = kids[0]
            k1 = kids[-1]
            a0 = attach[k0]
            a1 = attach[k1]
            lo = min(0.0, rel[k0] - a0, rel[k1] - a1)
            hi = max(0.0, rel[k0] + a0, rel[k1] + a1)
            left.append(lo - lbase)
            right.append(hi - rbase)
            left.append(-half - lbase)
            right.append(half - rbase)
        k = strips[v]
        if k:
            left.extend([-lbase] * k)
            right.extend([-rbase] * k)
        contours[v] = (left, lbase, right, rbase)
    if roots:
        _merge(reversed(roots) if mirror else roots, contours, rel, tg, tg)
    return rel


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
            stack.extend((c, i) for c in reversed(ch))
    return ids, parent, kids


def _card_sizes(
    ids: list[str], sizes: Mapping[str, tuple[float, float]], tb: bool
) -> tuple[list[float], list[float]]:
    """Card sizes across the tree (breadth; TB: width) and along it (depth; TB: height)."""
    breadth = [0.0] * len(ids)
    depth = [0.0] * len(ids)
    isfinite = math.isfinite
    for i, nid in enumerate(ids):
        try:
            w, h = sizes[nid]
        except KeyError:
            raise ValueError(f"no card size for node {nid!r}") from None
        w = float(w)
        h = float(h)
        if not (isfinite(w) and isfinite(h) and w >= 0 and h >= 0):
            raise ValueError(f"card size of {nid!r} must be finite and >= 0, not {(w, h)!r}")
        if tb:
            breadth[i] = w
            depth[i] = h
        else:
            breadth[i] = h
            depth[i] = w
    return breadth, depth


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


def _find_stacks(
    kids: list[list[int]], raw: list[int], options: LayoutOptions
) -> tuple[list[bool], dict[int, list[int]]]:
    """Which leaves are stacked: leaves in the row just below their parent, when enough."""
    stacked = [False] * len(kids)
    stacks: dict[int, list[int]] = {}
    if not options.stack_leaves:
        return stacked, stacks
    need = max(1, options.stack_min)
    for v, ks in enumerate(kids):
        if len(ks) < need:
            continue
        low = raw[v] + 1
        leaves = [c for c in ks if not kids[c] and raw[c] == low]
        if len(leaves) >= need:
            stacks[v] = leaves
            for c in leaves:
                stacked[c] = True
    return stacked, stacks


class _Plan:
    """Bands, stack blocks and the packing items of one layout (plain arrays, by index)."""

    def __init__(
        self,
        kids: list[list[int]],
        parent: list[int],
        raw: list[int],
        breadth: list[float],
        depth: list[float],
        options: LayoutOptions,
    ) -> None:
        n = len(kids)
        stacked, stacks = _find_stacks(kids, raw, options)
        self.stacked = stacked

        # Rows: one per used row index (stacked leaves use none); the height of a row is its
        # tallest card. Contours work on sub-bands: 2j is row j, 2j+1 the gap below it (where
        # the connectors run), and 2*nrows everything below the last row.
        used = sorted({raw[i] for i in range(n) if not stacked[i]})
        band_of_row = {r: j for j, r in enumerate(used)}
        nrows = len(used)
        band = [0] * n
        row_h = [0.0] * nrows
        for i in range(n):
            if not stacked[i]:
                j = band_of_row[raw[i]]
                band[i] = j
                if depth[i] > row_h[j]:
                    row_h[j] = depth[i]
        tops = [0.0] * (nrows + 1)
        bounds = [0.0] * (2 * nrows + 1)
        for j in range(nrows):
            bounds[2 * j] = tops[j]
            bounds[2 * j + 1] = tops[j] + row_h[j]
            tops[j + 1] = tops[j] + row_h[j] + options.level_gap
        bounds[2 * nrows] = tops[nrows]
        self.band, self.row_h, self.tops = band, row_h, tops

        # Items 0..n-1 are nodes, n.. are stack blocks (opaque rectangles holding the leaves).
        total = n + len(stacks)
        self.total = total
        self.pkids: list[list[int] | None] = [None] * total  # packed children, in order
        self.centre_of: list[tuple[int, int] | None] = [None] * total
        self.blocks: dict[int, tuple[float, int]] = {}  # block id -> (width, sub-bands)
        self.block_of: dict[int, int] = {}  # parent -> block id
        self.leaf_off = [0.0] * n  # stacked leaf: centre offset from the block centre
        self.leaf_d = [0.0] * n  # stacked leaf: depth of its centre
        self.trunk_off = [0.0] * n  # stacked leaf: its column trunk's offset from block centre
        next_block = n
        for v in range(n):
            ks = kids[v]
            if not ks:
                continue
            leaves = stacks.get(v)
            if leaves is None:
                self.pkids[v] = ks
                self.centre_of[v] = (ks[0], ks[-1])
                continue
            b_id = next_block
            next_block += 1
            width, bottom = self._stack(leaves, tops[band[v] + 1], breadth, depth, options)
            first = 2 * band[v] + 2
            last = min(max(first, bisect_left(bounds, bottom) - 1), 2 * nrows)
            self.blocks[b_id] = (width, last - first + 1)
            self.block_of[v] = b_id
            normal = [c for c in ks if not stacked[c]]
            if normal:  # the block goes in the middle of the other children
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
        strips = [0] * total
        roots: list[int] = []
        for i in range(n):
            if stacked[i]:
                continue
            p = parent[i]
            if p < 0:
                roots.append(i)
                strips[i] = 2 * band[i]
            else:
                strips[i] = 2 * (band[i] - band[p] - 1)
        self.strips = strips
        self.roots = roots
        self.post = [i for i in range(n - 1, -1, -1) if not stacked[i]]

    def _stack(
        self,
        leaves: list[int],
        top: float,
        breadth: list[float],
        depth: list[float],
        options: LayoutOptions,
    ) -> tuple[float, float]:
        """Place leaves in columns (top to bottom, then left to right); return width, bottom."""
        count = len(leaves)
        per_col = math.ceil(count / _columns_for(count, options))
        stub = max(4.0, options.sibling_gap * 0.5)  # from the trunk to the leaf's side
        cursor = 0.0
        bottom = top
        leaf_off, leaf_d, trunk_off = self.leaf_off, self.leaf_d, self.trunk_off
        for s in range(0, count, per_col):
            col = leaves[s : s + per_col]
            y = top
            for c in col:
                trunk_off[c] = cursor
                leaf_off[c] = cursor + stub + breadth[c] * 0.5
                leaf_d[c] = y + depth[c] * 0.5
                y += depth[c] + options.stack_gap
            bottom = max(bottom, y - options.stack_gap)
            cursor += stub + max(breadth[c] for c in col) + options.sibling_gap
        width = cursor - options.sibling_gap
        for c in leaves:
            trunk_off[c] -= width * 0.5
            leaf_off[c] -= width * 0.5
        return width, bottom


def layout_forest(
    roots: Sequence[str],
    children: Mapping[str, Sequence[str]],
    sizes: Mapping[str, tuple[float, float]],
    options: LayoutOptions = LayoutOptions(),
    rows: Mapping[str, int] | None = None,
) -> TreeLayout:
    """Lay out a forest of org trees: card centres and orthogonal edge routes.

    The nodes are the roots and everything reachable from them through `children` (whose order
    is kept); each needs a size. `rows` optionally asks for a row per node (pushed below the
    parent's row when needed; nodes with the same row share a centre line). Leaf reports are
    stacked in columns when a manager has at least `stack_min` of them in the next row.
    Raises ValueError for a node reached twice (a cycle or a shared child) or without a size.
    """
    was_enabled = gc.isenabled()
    gc.disable()  # many small lists and tuples: the cyclic collector only costs time here
    try:
        return _layout(roots, children, sizes, options, rows)
    finally:
        if was_enabled:
            gc.enable()


def _layout(
    roots: Sequence[str],
    children: Mapping[str, Sequence[str]],
    sizes: Mapping[str, tuple[float, float]],
    options: LayoutOptions,
    rows: Mapping[str, int] | None,
) -> TreeLayout:
    """The body of `layout_forest`."""
    tb = options.direction == "TB"
    ids, parent, kids = _preorder(roots, children)
    n = len(ids)
    if n == 0:
        return TreeLayout({}, {}, 0.0, 0.0)
    breadth, depth = _card_sizes(ids, sizes, tb)
    plan = _Plan(kids, parent, _wanted_rows(ids, parent, rows), breadth, depth, options)
    stacked, band, row_h, tops = plan.stacked, plan.band, plan.row_h, plan.tops
    pkids, block_of, blocks = plan.pkids, plan.block_of, plan.blocks

    # Two packing passes, left to right and mirrored. Both keep the same left-to-right order of
    # items in every band and all spacing rules are linear in that order, so their average is
    # valid too, and it is symmetric (no left-heavy bias of plain Reingold–Tilford).
    rel_a = _pack(plan, breadth, options, False)
    rel_b = _pack(plan, breadth, options, True)
    pos_b = [0.0] * plan.total
    for r in plan.roots:
        pos_b[r] = (rel_a[r] - rel_b[r]) * 0.5
    for v in range(n):  # preorder: parents first
        ks = pkids[v]
        if ks is not None:
            base = pos_b[v]
            for c in ks:
                pos_b[c] = base + (rel_a[c] - rel_b[c]) * 0.5
    leaf_off, leaf_d = plan.leaf_off, plan.leaf_d
    pos_d = [0.0] * n
    for v in range(n):
        if stacked[v]:
            pos_b[v] = pos_b[block_of[parent[v]]] + leaf_off[v]
            pos_d[v] = leaf_d[v]
        else:
            j = band[v]
            pos_d[v] = tops[j] + row_h[j] * 0.5

    # Shift so that everything is >= 0, and round to 2 decimals.
    lo = min(pos_b[i] - breadth[i] * 0.5 for i in range(n))
    for b_id, (width, _) in blocks.items():
        lo = min(lo, pos_b[b_id] - width * 0.5)
    rb = [round(pos_b[i] - lo, 2) + 0.0 for i in range(n)]
    rd = [round(d, 2) + 0.0 for d in pos_d]
    ext_b = _up(max(rb[i] + breadth[i] * 0.5 for i in range(n)))
    ext_d = _up(max(rd[i] + depth[i] * 0.5 for i in range(n)))

    # Edges: elbows through the middle of the gap below the parent's row; stacked leaves hang
    # off a trunk at the left of their column (straight from the parent when it is under it).
    trunk_off = plan.trunk_off
    half_gap = options.level_gap * 0.5
    edges: dict[tuple[str, str], list[tuple[float, float]]] = {}
    for v in range(n):
        ks = kids[v]
        if not ks:
            continue
        bv = rb[v]
        hb = breadth[v] * 0.5
        pb = round(rd[v] + depth[v] * 0.5, 2)
        j = band[v]
        ym = round(tops[j] + row_h[j] + half_gap, 2)
        top_ok = pb != ym
        block_b = pos_b[block_of[v]] - lo if v in block_of else 0.0
        pid = ids[v]
        for c in ks:
            if stacked[c]:
                tr = round(block_b + trunk_off[c], 2) + 0.0
                ld = rd[c]
                side = round(rb[c] - breadth[c] * 0.5, 2) + 0.0
                if bv - hb < tr < bv + hb:
                    pts = [(tr, pb), (tr, ld), (side, ld)]
                elif tr == bv:
                    pts = [(bv, pb), (bv, ld), (side, ld)]
                elif top_ok:
                    pts = [(bv, pb), (bv, ym), (tr, ym), (tr, ld), (side, ld)]
                else:
                    pts = [(bv, pb), (tr, ym), (tr, ld), (side, ld)]
            else:
                bc = rb[c]
                ct = round(rd[c] - depth[c] * 0.5, 2)
                if bc == bv:
                    pts = [(bv, pb), (bv, ct)]
                else:
                    pts = [(bv, pb), (bv, ym), (bc, ym), (bc, ct)]
                    if ct == ym:
                        pts.pop()
                    if not top_ok:
                        del pts[0]
            edges[pid, ids[c]] = pts if tb else [(d, b) for b, d in pts]

    if tb:
        positions = {ids[i]: (rb[i], rd[i]) for i in range(n)}
        return TreeLayout(positions, edges, ext_b, ext_d)
    positions = {ids[i]: (rd[i], rb[i]) for i in range(n)}
    return TreeLayout(positions, edges, ext_d, ext_b)
