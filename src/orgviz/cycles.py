"""Cycles of links that point upwards (a person's manager, a team's parent): found in one
walk up from each node, named from the member first in the file."""

from __future__ import annotations

from collections.abc import Callable, Container, Mapping, Sequence
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from orgviz.model import Org

_T = TypeVar("_T")


def cycle_from_first(cycle: Sequence[_T], place: Callable[[_T], Any]) -> list[_T]:
    """A cycle's members (each followed by the one it points to) from its first in the
    file (the least `place`), in the same turn: whichever member a walk entered it at, the
    same cycle is named the same way, starting where it is reported."""
    first = min(range(len(cycle)), key=lambda i: place(cycle[i]))
    return [*cycle[first:], *cycle[:first]]


def cycles_up(nodes: Mapping[str, Any], up: Callable[[str], str | None],
              skip: Container[str] = ()) -> list[list[str]]:
    """Each cycle of following `up` from the ids of `nodes` (in its order) other than those
    of `skip`, in the order the walks find them, each from its member first in `nodes`
    (`cycle_from_first`): every node is walked up once, a walk ending at no node (None, an
    id not in `nodes`), at a node an earlier walk passed, or in a new cycle."""
    walk_of: dict[str, int] = {}
    cycles: list[list[str]] = []
    for walk, start in enumerate(nodes):
        if start in skip or start in walk_of:
            continue
        path: list[str] = []
        node: str | None = start
        while node is not None and node in nodes and node not in walk_of:
            walk_of[node] = walk
            path.append(node)
            node = up(node)
        if node is not None and walk_of.get(node) == walk:
            cycles.append(path[path.index(node):])
    if not cycles:
        return cycles
    position = {nid: i for i, nid in enumerate(nodes)}
    return [cycle_from_first(members, position.__getitem__) for members in cycles]


def team_parent_cycles(org: Org) -> list[list[str]]:
    """Each cycle of the teams' parents (a team its own parent too), in the order the walks
    from the teams of `teams:` find them, each from its team first in `teams:`."""
    teams = org.teams_by_id
    return cycles_up(teams, lambda tid: teams[tid].parent)
