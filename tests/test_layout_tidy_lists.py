"""Tests for the compact arrangements of the tidy layout: listed subtrees (`list_from`), stacks of
any row and by height, space beside cards, and PreparedForest / measure_forest."""

from __future__ import annotations

import random
from dataclasses import replace
from itertools import pairwise

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from orgviz.layout import LayoutOptions, PreparedForest, TreeLayout, layout_forest, measure_forest
from test_layout_tidy import (
    TOL,
    _abstract,
    _on_border,
    _rect,
    assert_edges_avoid_cards,
    assert_no_overlap,
    effective_rows,
    random_forest,
)


@st.composite
def cases(draw: st.DrawFn, max_nodes: int = 1500) -> tuple:
    """A random forest with list, stack and beside options."""
    seed = draw(st.integers(0, 2**31 - 1))
    rng = random.Random(seed)
    n = draw(st.sampled_from([1, 2, 5, 12, 40, 150, max_nodes]))
    if n == max_nodes:
        n = rng.randint(150, max_nodes)
    uniform = draw(st.booleans())
    sizes = (196.0, 196.0, 86.0, 86.0) if uniform else (10.0, 240.0, 8.0, 150.0)
    roots, children, size_map, rows = random_forest(
        rng, n, draw(st.sampled_from([1, 1, 2, 4])), draw(st.sampled_from([3, 12, 40])),
        draw(st.sampled_from([0.0, 0.1, 0.5])), draw(st.sampled_from([0.0, 0.01, 0.03])),
        sizes, draw(st.sampled_from([0.0, 0.3, 1.0])))
    options = LayoutOptions(
        direction=draw(st.sampled_from(["TB", "LR"])),
        level_gap=draw(st.sampled_from([0.5, 36.0, 50.0])),
        sibling_gap=draw(st.sampled_from([0.5, 20.0])),
        subtree_gap=draw(st.sampled_from([0.5, 28.0])),
        stack_leaves=draw(st.booleans()),
        stack_min=draw(st.integers(1, 4)),
        stack_rows=draw(st.sampled_from([None, 1, 3, 8])),
        stack_any_row=draw(st.booleans()),
        stack_gap=draw(st.sampled_from([0.5, 14.0])),
        list_from=draw(st.sampled_from([None, 0, 1, 2, 3, 5])),
        list_indent=draw(st.sampled_from([0.0, 24.0, 80.0])),
        list_height=draw(st.sampled_from([None, 50.0, 500.0, 5000.0])),
    )
    if draw(st.booleans()):  # some managers stacked to their own depth
        managers = sorted(k for k, ks in children.items() if ks)
        chosen = rng.sample(managers, min(len(managers), rng.randint(1, 4)))
        own = sorted((k, rng.choice([1, 2, 3, 8])) for k in chosen)
        options = replace(options, stack_rows_of=(*own, ("not-a-node", 2)))
    beside = {k: rng.choice([0.0, 0.0, 0.0, 0.0, 60.0, 220.0]) for k in size_map}
    return roots, children, size_map, options, (rows or None), beside


def block_members(roots, children, options: LayoutOptions, rows) -> set[str]:
    """The cards that hang off a trunk: listed ones and the stacked leaves of managers laid
    out in rows (the rules of LayoutOptions, written out again). Left to right a block
    holds leaves of one row (the one holding most of the manager's, the upper on a tie):
    listed from `list_from` down when two or more, else stacked; a manager is never
    listed: it keeps its level's column, and so does every other leaf."""
    eff = effective_rows(roots, children, rows)
    parent = {c: p for p, ks in children.items() for c in ks}
    cut = options.list_from
    need = max(1, options.stack_min)
    if options.direction == "LR":
        members = set()
        for v in eff:
            ks = children.get(v) or ()
            leaves = [c for c in ks if not children.get(c) and (
                options.stack_any_row or eff[c] == eff[v] + 1
                or (cut is not None and eff[c] >= cut))]
            if not leaves:
                continue
            count = {r: sum(1 for c in leaves if eff[c] == r) for r in {eff[c] for c in leaves}}
            row = min(count, key=lambda r: (-count[r], r))
            group = [c for c in leaves if eff[c] == row]
            if (cut is not None and row >= cut and len(group) > 1) or (
                    options.stack_leaves and len(ks) >= need and len(group) >= need):
                members.update(group)
        return members
    listed = {k: cut is not None and k in parent and eff[k] >= cut for k in eff}
    members = {k for k, flag in listed.items() if flag}
    for v in eff:
        ks = children.get(v) or ()
        if not ks or listed[v] or not options.stack_leaves or len(ks) < need:
            continue
        leaves = [c for c in ks if not children.get(c) and not listed[c]
                  and (options.stack_any_row or eff[c] == eff[v] + 1)]
        if len(leaves) >= need:
            members.update(leaves)
    return members


def check_compact(roots, children, sizes, options, rows, beside, lay: TreeLayout) -> None:
    """The properties every layout keeps, whatever the arrangement."""
    eff = effective_rows(roots, children, rows)
    nodes = list(eff)
    assert set(lay.positions) == set(nodes)
    pos, size, edges = _abstract(lay, sizes, options.direction)
    rects = {k: _rect(pos, size, k) for k in nodes}
    extent_b, extent_d = (lay.width, lay.height) if options.direction == "TB" else (
        lay.height, lay.width)
    taken = dict(rects)
    for k, extra in (beside or {}).items():
        if extra:
            b0, d0, b1, d1 = rects[k]
            taken[k, "beside"] = (b1, d0, b1 + extra, d1)
    for b0, d0, b1, d1 in taken.values():
        assert b0 >= -TOL and d0 >= -TOL and b1 <= extent_b + TOL and d1 <= extent_d + TOL
    assert_no_overlap(taken)
    assert_edges_avoid_cards(edges, rects)
    assert len(edges) == len(nodes) - len(roots)

    # Stacked and listed cards (side_entry) look the same in both directions, on the page:
    # columns of cards going down, side by side to the right, each card entered from a trunk
    # on its left, at its middle. Cards laid out in rows are entered at the top centre (TB)
    # or the left middle (LR): the "top centre" along the tree.
    side_entry = block_members(roots, children, options, rows)
    page = {k: _rect(lay.positions, sizes, k) for k in nodes}  # (left, top, right, bottom)
    for p in nodes:
        kids = children.get(p, ())
        for c in kids:
            assert rects[c][1] >= rects[p][3] - TOL, ("report above its manager", p, c)
            pts = edges[p, c]
            assert len(pts) >= 2
            for (b0, d0), (b1, d1) in pairwise(pts):
                assert (b0 == b1) != (d0 == d1), ("not axis-parallel", p, c, pts)
            assert _on_border(pts[0], rects[p]), ("start", p, c, pts)
            assert _on_border(pts[-1], rects[c]), ("end", p, c, pts)
            if c in side_entry:  # across the page into the card's left side, at its middle
                (x0, y0), (x1, y1) = lay.edges[p, c][-2:]
                assert y0 == y1 and x0 < x1, (p, c, lay.edges[p, c])
                assert abs(x1 - page[c][0]) <= TOL, (p, c, lay.edges[p, c])
                assert abs(y1 - lay.positions[c][1]) <= TOL, (p, c, lay.edges[p, c])
            else:  # along the depth: into the top centre
                assert abs(pts[-1][1] - rects[c][1]) <= TOL and abs(
                    pts[-1][0] - pos[c][0]) <= TOL, (p, c, pts)
        # Siblings keep file order: cards in rows from left to right; stacked and listed ones
        # by row, then file order, down each column and then column by column.
        laid = [c for c in kids if c not in side_entry]
        same_row = [c for c in laid if eff[c] == min((eff[k] for k in laid), default=0)]
        for a, b in pairwise(same_row):
            assert pos[a][0] < pos[b][0], ("row order", p, a, b)
        hung = sorted((c for c in kids if c in side_entry),
                      key=lambda c: (eff[c], kids.index(c)))
        for a, b in pairwise(hung):  # a column's cards share their left edge
            if abs(page[a][0] - page[b][0]) <= TOL:
                assert page[b][1] > page[a][1], ("column order", p, a, b)
            else:
                assert page[b][0] > page[a][0], ("column order", p, a, b)

    lr = options.direction == "LR"
    if options.list_from is not None and not lr:  # (left to right: see block_members)
        parent = {c: p for p, ks in children.items() for c in ks}
        for k in nodes:
            if k in parent and eff[k] >= options.list_from:
                assert k in side_entry, ("a listed card hangs off a trunk", k)
                up = parent[k]
                if up in parent and eff[up] >= options.list_from:  # under a listed card
                    assert page[k][0] > page[up][0] + TOL, (up, k)  # indented (LR: beside)
    # Rows: every card laid out in a row sits on its row's centre line (left to right, the
    # line of the row's own cards, at the start of its band: see check_level_columns).
    if lr:
        check_level_columns(eff, side_entry, lay, pos, rects, children)
        return
    check_lists_under_their_own_manager(children, side_entry, page)
    for k in nodes:
        if k not in side_entry:
            assert abs(lay.rows[eff[k]] - pos[k][1]) <= TOL, k


def descendants(children, top: str) -> set[str]:
    """Everyone below `top` (not `top` itself)."""
    found: set[str] = set()
    stack = list(children.get(top, ()))
    while stack:
        k = stack.pop()
        found.add(k)
        stack.extend(children.get(k, ()))
    return found


def check_lists_under_their_own_manager(children, side_entry, page) -> None:
    """Top-down, in the block of a manager laid out in a row (its listed reports, in
    columns), a report with reports of its own heads its column: no card of the block
    stands under it, at its indent or deeper (its left edge within the report's card),
    unless it is one of the report's own people. (A report listed after another's subtree,
    in its column, read as one of that report's: the enterprise overview's General
    Counsel under the Chief People Officer.)"""
    for owner, kids in children.items():
        heads = [k for k in kids if k in side_entry and children.get(k)]
        if not heads or owner in side_entry:  # (lists in a list stack as a file tree's)
            continue
        block = descendants(children, owner)
        for head in heads:
            left, _top, right, bottom = page[head]
            own = descendants(children, head)
            for k in block - own - {head}:
                assert not (left - TOL <= page[k][0] < right and page[k][1] >= bottom - TOL), (
                    "under another manager's report", owner, head, k)


def check_level_columns(eff, side_entry, lay: TreeLayout, pos, rects, children) -> None:
    """Left to right, every row is a level's column: each card stands within the band of
    its own row (`lay.rows` centre, `lay.row_sizes` across), stacked and listed cards too
    (a block's first row when it holds cards of several rows), and the cards laid out in a
    row share a centre line (as deep as the row's deepest such card) at the band's start."""
    band_of = {}
    for p, kids in children.items():
        members = [c for c in kids if c in side_entry]
        if members:
            first = min(eff[c] for c in members)
            band_of.update((c, max(first, eff[p] + 1)) for c in members)
    lines: dict[int, set[float]] = {}
    for k in eff:
        row = band_of.get(k, eff[k])
        centre, size = lay.rows[row], lay.row_sizes[row]
        _b0, d0, _b1, d1 = rects[k]
        slack = 2 * TOL  # (centres, band centres and sizes are all rounded)
        assert d0 >= centre - size / 2 - slack and d1 <= centre + size / 2 + slack, (
            "outside its level's column", k, row, (d0, d1), (centre, size))
        if k not in side_entry:
            lines.setdefault(row, set()).add(round(pos[k][1], 1))
    for row, centres in lines.items():
        assert max(centres) - min(centres) <= 2 * TOL, ("row's cards off one line", row)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(cases())
def test_random_compact_layouts_are_valid(case) -> None:
    roots, children, sizes, options, rows, beside = case
    lay = layout_forest(roots, children, sizes, options, rows, beside)
    check_compact(roots, children, sizes, options, rows, beside, lay)


@settings(max_examples=30, deadline=None)
@given(cases(max_nodes=500))
def test_deterministic_and_prepared_forest_reuse(case) -> None:
    roots, children, sizes, options, rows, beside = case
    a = layout_forest(roots, children, sizes, options, rows, beside)
    b = layout_forest(roots, dict(children), dict(sizes), options, rows, beside)
    assert a == b and list(a.positions) == list(b.positions) and list(a.edges) == list(b.edges)
    forest = PreparedForest(roots, children, sizes, rows, beside, options.direction)
    other = LayoutOptions(direction=options.direction, list_from=1, list_height=300.0)
    forest.layout(other)  # a layout with other options in between changes nothing
    assert forest.layout(options) == a
    w, h = forest.measure(options)
    assert (w, h) == measure_forest(roots, children, sizes, options, rows, beside)
    depth_extent = a.height if options.direction == "TB" else a.width
    breadth_extent = a.width if options.direction == "TB" else a.height
    assert abs((h if options.direction == "TB" else w) - depth_extent) <= 0.02
    # one packing pass: about as wide as the symmetric two-pass layout
    assert 0.5 * breadth_extent - 1 <= (w if options.direction == "TB" else h) \
        <= 2 * breadth_extent + 1


def _listed_example(options: LayoutOptions) -> tuple[TreeLayout, dict]:
    children = {"ceo": ["a", "b"], "a": ["a1", "a2"], "a1": ["x", "y"], "b": ["b1"]}
    sizes = {k: (100.0, 40.0) for k in ["ceo", "a", "b", "a1", "a2", "b1", "x", "y"]}
    lay = layout_forest(["ceo"], children, sizes, options)
    check_compact(["ceo"], children, sizes, options, None, None, lay)
    return lay, sizes


def test_listed_reports_hang_indented_under_their_manager() -> None:
    options = LayoutOptions(list_from=2, stack_leaves=False, list_indent=24.0,
                            sibling_gap=20.0, stack_gap=12.0)
    lay, _ = _listed_example(options)
    pos = lay.positions
    # a and b stay in row 1; a1, a2 (row 2) hang below a; x, y below a1, indented once more.
    # a1 has reports: it heads its column, a2 stands in the next (under a1's reports, at
    # its indent, a2 read as one of a1's people).
    assert pos["a"][1] == pos["b"][1] and set(lay.rows) == {0, 1}
    left = {k: pos[k][0] - 50 for k in pos}
    assert left["a1"] < left["a2"] and pos["a1"][1] == pos["a2"][1]
    assert pos["a1"][1] < pos["x"][1] < pos["y"][1]
    assert left["x"] == left["y"] == left["a1"] + 24 + 10  # indent, then the stub to the card
    assert lay.edges["a1", "x"] == [(left["a1"] + 24, pos["a1"][1] + 20),
                                    (left["a1"] + 24, pos["x"][1]), (left["x"], pos["x"][1])]
    # a's line reaches each column's trunk through the bus of its gap, then its card's side.
    for report in ("a1", "a2"):
        assert lay.edges["a", report][0] == (pos["a"][0], pos["a"][1] + 20)
        assert lay.edges["a", report][-1] == (left[report], pos[report][1])


def test_list_height_cuts_blocks_into_columns() -> None:
    leaves = [f"l{i}" for i in range(5000)]
    sizes = {k: (150.0, 40.0) for k in [*leaves, "boss"]}
    stacked = LayoutOptions(stack_rows=8, stack_min=2)
    lay = layout_forest(["boss"], {"boss": leaves}, sizes, stacked)
    assert len({lay.positions[k][0] for k in leaves}) == 625  # 8 per column: a strip
    listed = LayoutOptions(stack_rows=8, stack_min=2, list_from=1, list_height=80 * 52.0)
    lay = layout_forest(["boss"], {"boss": leaves}, sizes, listed)
    check_compact(["boss"], {"boss": leaves}, sizes, listed, None, None, lay)
    assert len({lay.positions[k][0] for k in leaves}) == 63  # up to 80 per column
    assert lay.width < 3 * lay.height  # instead of 250:1


def test_list_columns_reach_a_card_past_a_tall_subtree_for_one_column_less() -> None:
    """A listed director's reports: a manager with two short reports (124 px with them,
    taller than the list height), then three cards (132 px). Columns as tall as the
    manager's cut them 2 + 1; a column less a card past the manager holds them all."""
    children = {"ceo": ["vp"], "vp": ["dir"], "dir": ["mgr", "ic0", "ic1", "ic2"],
                "mgr": ["r0", "r1"]}
    sizes = {k: (100.0, 40.0) for k in ["ceo", "vp", "dir", "mgr"]}
    sizes.update({"r0": (100.0, 30.0), "r1": (100.0, 30.0)})
    sizes.update({k: (100.0, 36.0) for k in ["ic0", "ic1", "ic2"]})
    options = LayoutOptions(list_from=2, list_height=50.0, stack_gap=12.0)
    lay = layout_forest(["ceo"], children, sizes, options)
    check_compact(["ceo"], children, sizes, options, None, None, lay)
    pos = lay.positions
    assert pos["ic0"][0] == pos["ic1"][0] == pos["ic2"][0] > pos["mgr"][0]
    assert pos["ic0"][1] - 18 == pos["mgr"][1] - 20  # level with the manager's top
    assert pos["ic0"][1] < pos["ic1"][1] < pos["ic2"][1]
    # a forest measured with taller columns first (the three in the manager's column) lays
    # it out the same
    forest = PreparedForest(["ceo"], children, sizes)
    forest.measure(LayoutOptions(list_from=2, list_height=1000.0, stack_gap=12.0))
    assert forest.layout(options) == lay


def test_stacks_of_any_row_start_on_their_row() -> None:
    children = {"d": ["m", "i1", "i2", "i3"], "m": ["j"]}
    sizes = {k: (100.0, 40.0) for k in ["d", "m", "i1", "i2", "i3", "j"]}
    rows = {"d": 0, "m": 1, "j": 2, "i1": 2, "i2": 2, "i3": 2}
    next_only = LayoutOptions(stack_min=2)
    lay = layout_forest(["d"], children, sizes, next_only, rows)
    assert len({lay.positions[k][1] for k in ("i1", "i2", "i3")}) == 1  # not stacked: a row
    any_row = LayoutOptions(stack_min=2, stack_any_row=True)
    lay = layout_forest(["d"], children, sizes, any_row, rows)
    check_compact(["d"], children, sizes, any_row, rows, None, lay)
    ys = [lay.positions[k][1] for k in ("i1", "i2", "i3")]
    assert ys == sorted(ys) and ys[0] == lay.positions["j"][1] == lay.rows[2]


def test_space_beside_a_card_is_kept_free() -> None:
    children = {"ceo": ["a", "b"]}
    sizes = {k: (100.0, 40.0) for k in ["ceo", "a", "b"]}
    lay = layout_forest(["ceo"], children, sizes, LayoutOptions(), None, {"a": 150.0})
    assert lay.positions["b"][0] - lay.positions["a"][0] >= 100 + 150 + 20
    lay = layout_forest(["ceo"], {}, sizes, LayoutOptions(), None, {"ceo": 150.0})
    assert lay.width == 250.0


@pytest.mark.parametrize("direction", ["TB", "LR"])
def test_listed_chain_of_10000_levels(direction: str) -> None:
    ids = [f"p{i}" for i in range(10_000)]
    children = {ids[i]: [ids[i + 1]] for i in range(len(ids) - 1)}
    sizes = {k: (80.0, 30.0) for k in ids}
    options = LayoutOptions(direction=direction, list_from=3, list_indent=10.0)
    lay = layout_forest([ids[0]], children, sizes, options)
    assert len(lay.positions) == 10_000 and len(lay.edges) == 9_999
    check_compact([ids[0]], children, sizes, options, None, None, lay)


def test_bad_new_options() -> None:
    for kwargs in ({"stack_rows": 0}, {"list_from": -1}, {"list_indent": -1.0},
                   {"list_height": 0.0}, {"list_height": float("nan")}):
        with pytest.raises(ValueError):
            LayoutOptions(**kwargs)
    with pytest.raises(ValueError, match="space beside"):
        layout_forest(["a"], {}, {"a": (1.0, 1.0)}, LayoutOptions(), None, {"a": -1.0})
    forest = PreparedForest(["a"], {}, {"a": (1.0, 1.0)})
    with pytest.raises(ValueError, match="prepared for direction TB"):
        forest.layout(LayoutOptions(direction="LR"))
    assert PreparedForest([], {}, {}).measure() == (0.0, 0.0)


def test_a_block_rows_lower_is_reached_through_its_managers_own_gap() -> None:
    # AdventureWorks' shape: the CEO's VPs are listed from row 2, below the CFO's row; the
    # CFO's managers hang off a bus above row 2. The VPs' lines kept to a bus at that same
    # height, so at a glance they hung from the CFO; with no card between the CEO's gap and
    # the block, they now run in the CEO's gap and straight down the trunks (one column each).
    children = {"ceo": ["cfo", "vp1", "vp2", "vp3"], "cfo": ["m1", "m2"],
                "vp1": ["a1", "a2"], "vp2": ["b1"], "vp3": ["c1"]}
    rows = {"ceo": 0, "cfo": 1, "m1": 2, "m2": 2, "vp1": 2, "vp2": 2, "vp3": 2,
            "a1": 3, "a2": 3, "b1": 3, "c1": 3}
    sizes = {k: (196.0, 86.0) for k in rows}
    for stack in (False, True):  # (left to right, blocks are laid across: see _across_edges)
        options = LayoutOptions(list_from=2, list_height=300.0, stack_leaves=stack)
        lay = layout_forest(["ceo"], children, sizes, options, rows)
        along = 1
        ceo_bottom = lay.positions["ceo"][along] + sizes["ceo"][along] / 2
        cfo_top = lay.positions["cfo"][along] - sizes["cfo"][along] / 2
        gap = (ceo_bottom + cfo_top) / 2
        for vp in ("vp1", "vp2", "vp3"):
            route = lay.edges["ceo", vp]
            across = [a for a, b in pairwise(route) if a[along] == b[along]]  # (crosswise)
            assert [a[along] for a in across] == [gap, lay.positions[vp][along]], route
        # The CFO's own bus runs lower, between the CFO and its managers.
        cfo_bus = {a[along] for a, b in pairwise(lay.edges["cfo", "m1"]) if a[along] == b[along]}
        assert gap not in cfo_bus
        assert_edges_avoid_cards(lay.edges, {k: _rect(lay.positions, sizes, k) for k in sizes})


def test_a_listed_report_with_reports_heads_its_own_column() -> None:
    """A CEO's listed reports: two sales managers with three reports each, a counsel with
    one, a chief of staff alone. Their list fits one column: it stood so, the second
    manager under the first one's reports, at its indent (as Karen Partners under John
    Singh in the Oracle HR sample), the chief of staff under the counsel. Each report with
    reports now heads a column; the leaves after one start the next."""
    children = {"ceo": ["john", "karen", "counsel", "staff"],
                "john": ["j0", "j1", "j2"], "karen": ["k0", "k1", "k2"], "counsel": ["c0"]}
    names = ["ceo", "john", "karen", "counsel", "staff", "j0", "j1", "j2", "k0", "k1", "k2",
             "c0"]
    sizes = {k: (150.0, 40.0) for k in names}
    options = LayoutOptions(list_from=1, list_height=5000.0, stack_gap=12.0)
    lay = layout_forest(["ceo"], children, sizes, options)
    check_compact(["ceo"], children, sizes, options, None, None, lay)
    pos = lay.positions
    heads = [pos[k] for k in ("john", "karen", "counsel", "staff")]
    assert len({x for x, _y in heads}) == 4 and len({y for _x, y in heads}) == 1
    for head in ("john", "karen", "counsel"):  # each line from the CEO's bus, not a trunk
        assert lay.edges["ceo", head][-1] == (pos[head][0] - 75.0, pos[head][1])
        assert lay.edges["ceo", head][-2][0] < pos[head][0] - 75.0
    # nested lists still stack: a report's reports in one column under it
    assert len({pos[k][0] for k in ("j0", "j1", "j2")}) == 1
