"""The org has more management layers than its size profile allows.

Levels count from the top person (level 1) down the solid line. Limits: 4 (small),
6 (mid-size), 9 (enterprise); set `max` to change it. Each person at level `max + 1` is
reported once, at their `reports_to`, with the chain above them and how many people (and
levels) hang below: that is where a branch of the tree grows too deep. Assistants, drawn
beside their manager, add no layer.

Passes:

    rules: {layers: {max: 2}}
    people:
      - {id: dana, name: Dana Reyes}
      - {id: sam, name: Sam Ito, reports_to: dana}

Fails (line 5):

    rules: {layers: {max: 2}}
    people:
      - {id: dana, name: Dana Reyes}
      - {id: sam, name: Sam Ito, reports_to: dana}
      - {id: lee, name: Lee Park, reports_to: sam}
"""

from __future__ import annotations

import sys
from collections.abc import Iterator, Mapping
from typing import Any

from orgviz.model import Org
from orgviz.rules import Finding
from orgviz.rules._common import is_profile_value, shown_name, sized, tree, who

ID = "layers"
LEVEL = "warning"
DEFAULTS: dict[str, Any] = {"max": 6}
PROFILE_DEFAULTS: dict[str, dict[str, Any]] = {
    "small": {"max": 4}, "mid-size": {"max": 6}, "enterprise": {"max": 9},
}
#: The least value of each whole-number option (no org keeps to 0 levels).
MINIMUMS = {"max": 1}
SHOWN = 8  # people named in the chain of a message before it is abridged


def check(org: Org, options: Mapping[str, Any]) -> Iterator[Finding]:
    """Report the first person beyond `max` levels on every branch."""
    limit = options["max"]
    owner = (sized(org) if is_profile_value(org, sys.modules[__name__], "max", limit)
             else "the configured layers max")
    levels = "1 level" if limit == 1 else f"{limit:,} levels"
    walk = tree(org)
    if walk.levels <= limit:
        return
    depth = walk.depth
    by_id = org.by_id
    # Size and deepest level of each subtree, bottom-up over the breadth-first order.
    below = dict.fromkeys(walk.order, 0)
    deepest = {pid: depth[pid] for pid in walk.order}
    for pid in reversed(walk.order):
        boss = walk.manager(org, by_id[pid])
        if boss is not None:
            below[boss] += below[pid] + 1
            deepest[boss] = max(deepest[boss], deepest[pid])
    for pid in walk.order:
        if depth[pid] != limit + 1 or by_id[pid].assistant:
            continue
        person = by_id[pid]
        more = (f", with {below[pid]:,} more below down to level {deepest[pid]:,}"
                if below[pid] else "")
        yield (person.at("reports_to"),
               f"{who(person)} is at level {depth[pid]:,} ({_path(org, pid, depth[pid])}){more}; "
               f"{owner} keeps to {levels}: remove a management layer above "
               f"'{pid}', or raise layers max")


def _path(org: Org, pid: str, depth: int) -> str:
    """The chain from the top down to a person, abridged in the middle when long; the
    people above them with their names (see shown_name), the person (named before) without."""
    by_id = org.by_id

    def _named(node: str) -> str:
        name = shown_name(by_id[node])
        return f"{node} ({name})" if name else node

    if depth <= SHOWN:
        chain = [pid]
        while len(chain) < depth:
            chain.append(by_id[chain[-1]].reports_to)  # type: ignore[arg-type]  # depth: one each
        return " -> ".join([*map(_named, reversed(chain[1:])), pid])
    near = [pid]
    while len(near) < SHOWN - 2:
        near.append(by_id[near[-1]].reports_to)  # type: ignore[arg-type]  # depth: one each
    top = tree(org).top(org)[pid]
    return " -> ".join([_named(top), "...", *map(_named, reversed(near[1:])), pid])
