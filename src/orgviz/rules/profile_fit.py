"""The org does not fit its declared size (`org: {size: ...}`), which picks rule defaults.

- small: at most 60 positions and at most two product leadership levels (of CPO, SVP of
  Product, VP of Product, Head of Product, Director of Product; a combined role counts each
  of its roles);
- mid-size (the default when no size is declared): 30 to 600 positions;
- enterprise: at least 150 positions, and a CPO or a VP of Product (an SVP of Product,
  `svp-product`, counts as one).

Positions include open roles. The thresholds are options: `small-max-people`,
`small-max-leadership-levels`, `mid-size-min-people`, `mid-size-max-people`,
`enterprise-min-people`. A declared size that is refused (`size: Medium`) is the load
error's to report, with the sizes to write: this rule says nothing then (one mistake, one
finding), and checks the size once a known one is declared.

Passes:

    orgviz: 1
    org: {name: Tidewater, size: small}
    people:
      - {id: ceo, name: Ada King, role: ceo}
      - {id: head, name: Dana Reyes, role: [head-of-product, director-of-product], reports_to: ceo}

Fails (line 2):

    orgviz: 1
    org: {name: Tidewater, size: small}
    people:
      - {id: cpo, name: Ada King, role: cpo}
      - {id: vp, name: Dana Reyes, role: vp-product, reports_to: cpo}
      - {id: head, name: Sam Ito, role: head-of-product, reports_to: vp}
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from orgviz.model import Org
from orgviz.roles import PRODUCT_LEADERSHIP, VP_OF_PRODUCT
from orgviz.rules import Finding
from orgviz.rules._common import is_table, roles_held, sized

ID = "profile-fit"
LEVEL = "warning"
DEFAULTS: dict[str, Any] = {
    "small-max-people": 60,
    "small-max-leadership-levels": 2,
    "mid-size-min-people": 30,
    "mid-size-max-people": 600,
    "enterprise-min-people": 150,
}


def check(org: Org, options: Mapping[str, Any]) -> Iterator[Finding]:
    """Compare the org's positions and leadership levels with its declared size."""
    count = len(org.by_id)
    if not count or _size_refused(org):
        return  # an empty org is the root rule's business; a refused size the loader's
    where = org.size_loc or org.loc
    declared = _declared(org)
    fix = ("import it with --size {}, or adjust the profile-fit option {}"
           if is_table(where.file) else
           "declare size: {} in the org header, or adjust the profile-fit option {}")
    fitting = _fitting_size(count, options)
    if org.size == "small":
        limit = options["small-max-people"]
        if count > limit:
            yield (where, f"{declared} has at most {limit} positions, but this one has "
                   f"{count}: " + fix.format(fitting, "small-max-people"))
        present = [r for r in PRODUCT_LEADERSHIP if r in roles_held(org)]
        limit = options["small-max-leadership-levels"]
        if len(present) > limit:
            names = ", ".join(org.ladder.roles[r].name for r in present)
            yield (where, f"{declared} has at most {limit} product leadership levels, but "
                   f"this one has {len(present)} ({names}): "
                   + fix.format("mid-size", "small-max-leadership-levels"))
    elif org.size == "mid-size":
        low, high = options["mid-size-min-people"], options["mid-size-max-people"]
        if count < low or count > high:
            option = "mid-size-min-people" if count < low else "mid-size-max-people"
            yield (where, f"{declared} has {low} to {high} positions, but this one has "
                   f"{count}: " + fix.format(fitting, option))
    elif org.size == "enterprise":
        limit = options["enterprise-min-people"]
        if count < limit:
            yield (where, f"{declared} has at least {limit} positions, but this one has "
                   f"{count}: " + fix.format(fitting, "enterprise-min-people"))
        if roles_held(org).isdisjoint(("cpo", *VP_OF_PRODUCT)):
            yield (where, f"{declared} has a CPO or a VP of Product, but this one has "
                   "neither: give its product leader role: cpo or role: vp-product, or "
                   + ("import it with --size mid-size" if is_table(where.file) else
                      "declare size: mid-size"))


def _declared(org: Org) -> str:
    """"a small org", with why that profile applies when the file does not say it."""
    if org.size_loc is None:
        return f"{sized(org)} (the size assumed when none is declared)"
    return sized(org)


def _size_refused(org: Org) -> bool:
    """Whether the declared size has a load problem (an unknown size, a list): refused."""
    where = org.size_loc
    return where is not None and any(p[:3] == where for p in org.load_problems)


def _fitting_size(count: int, options: Mapping[str, Any]) -> str:
    if count < options["mid-size-min-people"]:
        return "small"
    if count > options["mid-size-max-people"]:
        return "enterprise"
    return "mid-size"
