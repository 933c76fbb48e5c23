"""The order of the org file: managers before their reports, depth-first from the tops."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from itertools import repeat
from operator import attrgetter
from typing import cast

from orgviz.cycles import cycle_from_first as cycle_from_first  # (re-exported: shared)
from orgviz.io.csvimport.records import Record, record_id


def tree_order(records: list[Record]) -> list[tuple[Record, int]]:
    """Records depth-first from the tops (managers before reports), with their depth."""
    order = unique_tree_order(records)
    if order is not None:
        reached = len(order) == len(records) or {id(r) for r, _depth in order}
        if reached is not True:  # cycles (not broken)
            order.extend((r, 0) for r in records if id(r) not in reached)
        return order
    by_id = {r.id: r for r in records}
    children: dict[str, list[Record]] = {}
    tops = []
    for r in records:
        if r.reports_to is not None and r.reports_to in by_id:
            children.setdefault(r.reports_to, []).append(r)
        else:
            tops.append(r)
    out: list[tuple[Record, int]] = []
    seen: set[int] = set()
    stack = [(r, 0) for r in reversed(tops)]
    while stack:
        record, depth = stack.pop()
        if id(record) in seen:
            continue
        seen.add(id(record))
        out.append((record, depth))
        stack.extend((c, depth + 1) for c in reversed(children.get(record.id, ())))
    out.extend((r, 0) for r in records if id(r) not in seen)  # cycles (not broken)
    return out


def unique_tree_order(records: list[Record]) -> list[tuple[Record, int]] | None:
    """`tree_order` without the records no top reaches (in cycles), when ids are unique.

    None when two records share an id (then a record can be reached twice).
    """
    index = dict(zip(map(record_id, records), range(len(records)), strict=True))
    if len(index) != len(records):
        return None
    return [(records[row], depth)
            for row, depth in tree_positions(index, list(map(_REPORTS_TO, records)))]


def tree_positions(index: Mapping[str, int], bosses: Sequence[str | None]
                   ) -> list[tuple[int, int]]:
    """(row, depth) of rows depth-first from the tops (see `tree_rows`)."""
    return list(zip(*tree_rows(index, bosses), strict=True))


def tree_rows(index: Mapping[str, int], bosses: Sequence[str | None]
              ) -> tuple[list[int], list[int]]:
    """The rows depth-first from the tops, managers before reports, rows in file order
    among siblings, and the depth of each (0: a top); rows in cycles (which no top
    reaches) are left out.

    `index`: the row of each id, in row order (ids unique: its values are 0, 1, 2 ...);
    `bosses`: each row's manager id, None for none. A row whose manager is no id is a top.
    """
    # (index.get(None, -1) is -1: a mapping's get takes any key, though typed for its own)
    row_of = cast("Callable[[str | None, int], int]", index.get)
    return rows_under(index.values(), list(map(row_of, bosses, repeat(-1))))


def rows_under(rows: Iterable[int], boss_rows: Sequence[int]) -> tuple[list[int], list[int]]:
    """`tree_rows` of the rows 0, 1, 2 ... (`rows`: those numbers) given each one's
    manager's row (`boss_rows`: -1 for a row without a manager, or whose manager is no id).

    The walk keeps an iterator over the reports of each manager on the path from the top
    (the path's length is the depth). The rows are `rows`' own numbers (no new int object a
    row).
    """
    children: dict[int, list[int]] = {}
    tops = []
    for row, boss in zip(rows, boss_rows, strict=True):
        if boss < 0:
            tops.append(row)
            continue
        kids = children.get(boss)
        if kids is None:
            children[boss] = [row]
        else:
            kids.append(row)
    ordered: list[int] = []
    depths: list[int] = []
    get, add, add_depth = children.get, ordered.append, depths.append
    path = [iter(tops)]
    while path:
        depth = len(path) - 1
        for row in path[-1]:
            add(row)
            add_depth(depth)
            kids = get(row)
            if kids:
                path.append(iter(kids))
                break
        else:
            path.pop()
    return ordered, depths


_REPORTS_TO = attrgetter("reports_to")
