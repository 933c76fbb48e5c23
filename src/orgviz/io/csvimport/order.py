"""The order of the org file: managers before their reports, depth-first from the tops."""

from __future__ import annotations

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
    by_id = dict(zip(map(record_id, records), records, strict=True))
    if len(by_id) != len(records):
        return None
    children: dict[str, list[Record]] = {}
    tops = []
    for r in records:
        boss = r.reports_to
        if boss is not None and boss in by_id:
            kids = children.get(boss)
            if kids is None:
                children[boss] = [r]
            else:
                kids.append(r)
        else:
            tops.append(r)
    out: list[tuple[Record, int]] = []
    append = out.append
    stack = [(r, 0) for r in reversed(tops)]
    pop, push = stack.pop, stack.extend
    while stack:
        record, depth = item = pop()
        append(item)
        kids = children.get(record.id)
        if kids:
            below = depth + 1
            push([(c, below) for c in reversed(kids)])
    return out
