"""A Head of Product does not sit under the VP of Product (or CPO) where both roles exist.

Where an org has both a VP of Product and a Head of Product, the VP holds the higher
position: every Head of Product must have a VP of Product or the CPO above them on the
solid line (not necessarily as direct manager). An SVP of Product (`svp-product`: a senior,
executive or group vice president of product) counts as a VP of Product, here and above the
Head. A person holding a combined role with `vp-product`, `svp-product` or `cpo` is a VP
themselves and is not checked; nor is anyone whose chain upwards is broken by a cycle or an
unknown manager.

A VP of Product (or CPO) reporting to the Head of Product, or a Head under a Director, is
also a rank inversion: this rule's finding says which places to swap, or where to point
reports_to, so `rank-inversion`, `same-rank` and (for a CPO under the Head)
`cpo-reports-to-ceo` say nothing of that reporting line while this rule is on at their level
or above (switch it off, or make it a warning, and they report it again).

Passes:

    people:
      - {id: vp, name: Dana Reyes, role: vp-product}
      - {id: head, name: Sam Ito, role: head-of-product, reports_to: vp}

Fails (line 4):

    people:
      - {id: ceo, name: Ada King, role: ceo}
      - {id: vp, name: Dana Reyes, role: vp-product, reports_to: ceo}
      - {id: head, name: Sam Ito, role: head-of-product, reports_to: ceo}
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from orgviz.model import Org, Person
from orgviz.problem import SourceLoc
from orgviz.roles import VP_OF_PRODUCT
from orgviz.rules import Finding
from orgviz.rules._common import anchor, holders, not_under, roles_held, who

ID = "head-under-vp"
LEVEL = "error"
DEFAULTS: dict[str, Any] = {}
SENIOR = frozenset((*VP_OF_PRODUCT, "cpo"))
VP = frozenset(VP_OF_PRODUCT)  # (an SVP of Product holds a VP of Product's place)
HEAD = frozenset(("head-of-product",))
#: Rules whose findings this rule's make redundant (validate.py leaves them out, see covers).
SUPERSEDES = ("rank-inversion", "same-rank", "cpo-reports-to-ceo")
WHY = "where both exist, the VP of Product holds the higher position"


def check(org: Org, options: Mapping[str, Any]) -> Iterator[Finding]:
    """Report Heads of Product with no VP of Product or CPO above them."""
    held = roles_held(org)
    vps = holders(org, VP) if "head-of-product" in held and not VP.isdisjoint(held) else []
    for head, below in _misplaced(org, vps):
        if below is not None:
            yield (anchor(head),
                   f"the Head of Product {who(head)} is above the {_title(org, below)} "
                   f"{who(org.by_id[below])}: {WHY}; swap their places, so that '{head.id}' "
                   f"sits under '{below}'")
        else:
            yield (anchor(head),
                   f"the Head of Product {who(head)} does not sit under a VP of Product or the "
                   f"CPO: {WHY}; make '{head.id}' report to {who(vps[0])}, or to someone under "
                   "them")


def _title(org: Org, pid: str) -> str:
    """"VP of Product", "SVP of Product", or "CPO" for a CPO who is neither."""
    roles = org.by_id[pid].roles
    return ("VP of Product" if "vp-product" in roles else
            "SVP of Product" if "svp-product" in roles else "CPO")


def _misplaced(org: Org, vps: list[Person]) -> Iterator[tuple[Person, str | None]]:
    """The Heads of Product not under a VP of Product or CPO, each with one they are above."""
    heads = [p for p in holders(org, HEAD) if SENIOR.isdisjoint(p.roles)] if vps else []
    return not_under(org, heads, SENIOR) if heads else iter(())


def covers(org: Org) -> Iterator[SourceLoc]:
    """Where the VP of Product (or CPO) a finding says to swap with its Head of Product
    reports to that Head: the rank rules' place for the same mistake."""
    vps = holders(org, VP)
    for head, below in _misplaced(org, vps):
        if below is not None and org.by_id[below].reports_to == head.id:
            yield org.by_id[below].at("reports_to")
