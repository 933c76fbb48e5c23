"""A CPO reports to someone other than the CEO.

The Chief Product Officer is a C-level executive who aligns product strategy with the
business: they report to the CEO (a person with role `ceo`) or to the top of the org, or
are the top themselves.

A CPO under a VP or another C-level is also a rank inversion, or a report at the same rank:
this rule's finding says where to point reports_to, so `rank-inversion` and `same-rank` say
nothing of that CPO while this rule is on at their level or above (switch it off, or make
it a warning, and they report the CPO again).

Passes:

    people:
      - {id: ceo, name: Ada King, role: ceo}
      - {id: cpo, name: Dana Reyes, role: cpo, reports_to: ceo}

Fails (line 4):

    people:
      - {id: ceo, name: Ada King, role: ceo}
      - {id: cto, name: Kim Lee, role: cto, reports_to: ceo}
      - {id: cpo, name: Dana Reyes, role: cpo, reports_to: cto}
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from orgviz.model import Org
from orgviz.rules import Finding
from orgviz.rules._common import role_name, roles_held, who

ID = "cpo-reports-to-ceo"
LEVEL = "error"
DEFAULTS: dict[str, Any] = {}
#: Rules whose findings at this rule's places it makes redundant (validate.py leaves them out).
SUPERSEDES = ("rank-inversion", "same-rank")


def check(org: Org, options: Mapping[str, Any]) -> Iterator[Finding]:
    """Report CPOs whose manager neither holds the CEO role nor is the top of the org."""
    if "cpo" not in roles_held(org):
        return
    by_id = org.by_id
    ceos = None
    for person in by_id.values():
        if "cpo" not in person.roles:
            continue
        boss_id = person.reports_to
        if boss_id is None or boss_id == person.id or boss_id not in by_id:
            continue
        boss = by_id[boss_id]
        if "ceo" in boss.roles or boss.reports_to is None or boss.reports_to == boss.id:
            continue
        if ceos is None:
            ceos = [p for p in by_id.values() if "ceo" in p.roles]
        target = f"the CEO {who(ceos[0])}" if ceos else "the CEO"
        yield (person.at("reports_to"),
               f"the CPO {who(person)} reports to {who(boss, role_name(org, boss))}, not to the "
               f"CEO: a CPO reports to the CEO; point reports_to at {target}")
