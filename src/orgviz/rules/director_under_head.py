"""A Director of Product does not sit under the Head of Product, VP of Product or CPO.

In orgs that have both, the Head of Product oversees the Director of Product: where an org
has a Director of Product and also a Head of Product, VP of Product or CPO, every Director
of Product must have one of them above on the solid line (not necessarily as direct
manager); an SVP of Product (`svp-product`) counts as a VP of Product. One person acting
as both Head and Director of Product (a combined role
`[head-of-product, director-of-product]`) is fine on their own. People whose chain upwards
is broken by a cycle or an unknown manager are not checked.

A Head of Product (or VP of Product, or CPO) reporting to the Director of Product, or a
Director under a Manager, is also a rank inversion: this rule's finding says which places
to swap, or where to point reports_to, so `rank-inversion`, `same-rank` and (for a CPO
under the Director) `cpo-reports-to-ceo` say nothing of that reporting line while this rule
is on at their level or above (switch it off, or make it a warning, and they report it
again).

Passes:

    people:
      - {id: head, name: Dana Reyes, role: head-of-product}
      - {id: dir, name: Sam Ito, role: director-of-product, reports_to: head}

Fails (line 4):

    people:
      - {id: ceo, name: Ada King, role: ceo}
      - {id: head, name: Dana Reyes, role: head-of-product, reports_to: ceo}
      - {id: dir, name: Sam Ito, role: director-of-product, reports_to: ceo}
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from orgviz.model import Org, Person
from orgviz.problem import SourceLoc
from orgviz.rules import Finding
from orgviz.rules._common import anchor, holders, not_under, roles_held, who

ID = "director-under-head"
LEVEL = "error"
DEFAULTS: dict[str, Any] = {}
#: (most fitting first: the leader a finding suggests; an SVP of Product is a VP of Product)
_LEADERS = ("head-of-product", "vp-product", "svp-product", "cpo")
SENIOR = frozenset(_LEADERS)
DIRECTOR = frozenset(("director-of-product",))
#: Rules whose findings this rule's make redundant (validate.py leaves them out, see covers).
SUPERSEDES = ("rank-inversion", "same-rank", "cpo-reports-to-ceo")
WHY = "the Head of Product (or a VP of Product or CPO) oversees the Director of Product"


def check(org: Org, options: Mapping[str, Any]) -> Iterator[Finding]:
    """Report Directors of Product with no Head of Product, VP of Product or CPO above them."""
    seniors = _seniors(org)
    if not seniors:
        return
    # Suggest the most fitting leader: a Head of Product first, then a VP, then the CPO.
    target = min(seniors, key=lambda p: next(i for i, r in enumerate(_LEADERS)
                                             if r in p.roles))
    for director, below in _misplaced(org):
        if below is not None:
            yield (anchor(director),
                   f"the Director of Product {who(director)} is above "
                   f"{who(org.by_id[below], _role(org, below))}: {WHY}; swap their places, so "
                   f"that '{director.id}' sits under '{below}'")
        else:
            yield (anchor(director),
                   f"the Director of Product {who(director)} does not sit under a Head of "
                   f"Product, VP of Product or CPO: {WHY}; make '{director.id}' report to "
                   f"{who(target)}, or to someone under them")


def _seniors(org: Org) -> list[Person]:
    """The holders of a senior role, where the org also has a Director of Product."""
    held = roles_held(org)
    if "director-of-product" not in held or SENIOR.isdisjoint(held):
        return []
    return holders(org, SENIOR)


def _misplaced(org: Org) -> Iterator[tuple[Person, str | None]]:
    """The Directors of Product not under a senior role, each with one they are above."""
    directors = [p for p in holders(org, DIRECTOR) if SENIOR.isdisjoint(p.roles)]
    return not_under(org, directors, SENIOR) if directors else iter(())


def covers(org: Org) -> Iterator[SourceLoc]:
    """Where the senior a finding says to swap with its Director of Product reports to that
    Director: the rank rules' place for the same mistake."""
    if not _seniors(org):
        return
    for director, below in _misplaced(org):
        if below is not None and org.by_id[below].reports_to == director.id:
            yield org.by_id[below].at("reports_to")


def _role(org: Org, pid: str) -> str:
    roles = org.by_id[pid].roles
    return next(org.ladder.roles[r].name for r in _LEADERS if r in roles)
