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

A finding names a size to declare only where the org fits it. Where it fits none (5
positions in three product leadership levels: too many levels for small, too few positions
for mid-size or enterprise), it says so and what to change, the same whatever size is
declared: the size its number of positions points at, with the option values (or the
product leader role) that size then needs, or the rule switched off.

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
from typing import Any, NamedTuple

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


SIZES = ("small", "mid-size", "enterprise")
_GIVE_LEADER = "give its product leader role: cpo or role: vp-product"


class _Misfit(NamedTuple):
    """What of the org a size's profile does not take, and what would make it fit."""

    reason: str  # "too few positions"
    remedy: str  # "set the profile-fit option mid-size-min-people to 5"


def check(org: Org, options: Mapping[str, Any]) -> Iterator[Finding]:
    """Compare the org's positions and leadership levels with its declared size; name a
    size to declare only where the org fits it, and where it fits none, which limits
    conflict and what to change (the same for every declared size)."""
    count = len(org.by_id)
    if not count or _size_refused(org):
        return  # an empty org is the root rule's business; a refused size the loader's
    where = org.size_loc or org.own_loc
    declared = _declared(org)
    present = [r for r in PRODUCT_LEADERSHIP if r in roles_held(org)]
    misfits = _misfits(org, count, len(present), options)
    by_count = _size_by_count(count, options)
    fitting = next((size for size in (by_count, *SIZES) if not misfits[size]), None)
    table = is_table(where.file)

    def declare(size: str) -> str:
        return f"import it with --size {size}" if table else f"declare size: {size}"

    def fix(option: str = "") -> str:
        """The end of a finding about `option`: the size to declare, or what to change."""
        if fitting is not None:
            return (f"{declare(fitting)}{'' if table else ' in the org header'}, or adjust "
                    f"the profile-fit option {option}")
        # (the size its number of positions points at, the same whatever size is declared)
        move = "" if by_count == org.size else f"{declare(by_count)} and "
        changes = " and ".join(misfit.remedy for misfit in misfits[by_count])
        return (f"no size fits this org ({_conflicts(misfits)}): {move}{changes}, or switch "
                "profile-fit off")

    if org.size == "small":
        limit = options["small-max-people"]
        if count > limit:
            yield (where, f"{declared} has at most {limit} positions, but this one has "
                   f"{count}: " + fix("small-max-people"))
        limit = options["small-max-leadership-levels"]
        if len(present) > limit:
            names = ", ".join(org.ladder.roles[r].name for r in present)
            yield (where, f"{declared} has at most {limit} product leadership levels, but "
                   f"this one has {len(present)} ({names}): "
                   + fix("small-max-leadership-levels"))
    elif org.size == "mid-size":
        low, high = options["mid-size-min-people"], options["mid-size-max-people"]
        if count < low or count > high:
            option = "mid-size-min-people" if count < low else "mid-size-max-people"
            yield (where, f"{declared} has {low} to {high} positions, but this one has "
                   f"{count}: " + fix(option))
    elif org.size == "enterprise":
        limit = options["enterprise-min-people"]
        if count < limit:
            yield (where, f"{declared} has at least {limit} positions, but this one has "
                   f"{count}: " + fix("enterprise-min-people"))
        if any(misfit.remedy == _GIVE_LEADER for misfit in misfits["enterprise"]):
            yield (where, f"{declared} has a CPO or a VP of Product, but this one has "
                   "neither: " + (f"{_GIVE_LEADER}, or {declare(fitting)}" if fitting else
                                  fix()))


def _misfits(org: Org, count: int, levels: int, options: Mapping[str, Any]
             ) -> dict[str, list[_Misfit]]:
    """For each size, what of the org its profile does not take ([]: the org fits it)."""
    def option(name: str, value: int) -> str:
        return f"set the profile-fit option {name} to {value}"

    small, mid, enterprise = [], [], []
    if count > options["small-max-people"]:
        small.append(_Misfit("too many positions", option("small-max-people", count)))
    if levels > options["small-max-leadership-levels"]:
        small.append(_Misfit("too many product leadership levels",
                             option("small-max-leadership-levels", levels)))
    if count < options["mid-size-min-people"]:
        mid.append(_Misfit("too few positions", option("mid-size-min-people", count)))
    if count > options["mid-size-max-people"]:
        mid.append(_Misfit("too many positions", option("mid-size-max-people", count)))
    if count < options["enterprise-min-people"]:
        enterprise.append(_Misfit("too few positions", option("enterprise-min-people", count)))
    if roles_held(org).isdisjoint(("cpo", *VP_OF_PRODUCT)):
        enterprise.append(_Misfit("no CPO or VP of Product", _GIVE_LEADER))
    return dict(zip(SIZES, (small, mid, enterprise), strict=True))


def _conflicts(misfits: Mapping[str, list[_Misfit]]) -> str:
    """"too many product leadership levels for small, too few positions for mid-size or
    enterprise": why each size does not fit, the sizes with the same reasons together."""
    sizes: dict[str, list[str]] = {}
    for size, found in misfits.items():
        sizes.setdefault(" and ".join(misfit.reason for misfit in found), []).append(size)
    return ", ".join(f"{reason} for {' or '.join(named)}" for reason, named in sizes.items())


def _declared(org: Org) -> str:
    """"a small org", with why that profile applies when the file does not say it."""
    if org.size_loc is None:
        return f"{sized(org)} (the size assumed when none is declared)"
    return sized(org)


def _size_refused(org: Org) -> bool:
    """Whether the declared size has a load problem (an unknown size, a list): refused."""
    where = org.size_loc
    return where is not None and any(p[:3] == where for p in org.load_problems)


def _size_by_count(count: int, options: Mapping[str, Any]) -> str:
    """The size a number of positions points at (mid-size's range and either side of it)."""
    if count < options["mid-size-min-people"]:
        return "small"
    if count > options["mid-size-max-people"]:
        return "enterprise"
    return "mid-size"
