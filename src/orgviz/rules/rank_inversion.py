"""A manager ranks below the person who reports to them.

Ranks come from the role ladder (CEO > C-level > VP > Head > Director > Manager > Senior
IC > IC > Associate); a combined role ranks at its most senior member. People whose rank
is unknown are skipped, and so are assistants (an executive assistant reports to a CEO)
and their reports (left to `assistant-with-reports`).

Passes:

    people:
      - {id: vp1, name: Dana Reyes, role: vp-product}
      - {id: d1, name: Sam Ito, role: director-of-product, reports_to: vp1}

Fails (line 2):

    people:
      - {id: vp1, name: Dana Reyes, role: vp-product, reports_to: d1}
      - {id: d1, name: Sam Ito, role: director-of-product}
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from orgviz.model import Org
from orgviz.rules import Finding
from orgviz.rules._common import manager_pairs, pair_findings

ID = "rank-inversion"
LEVEL = "error"
DEFAULTS: dict[str, Any] = {}


def check(org: Org, options: Mapping[str, Any]) -> Iterator[Finding]:
    """Report every person whose solid-line manager has a lower rank."""
    for mine, boss, people in manager_pairs(org):
        if boss.rank >= mine.rank:
            continue
        yield from pair_findings(
            org, people, f"{mine.role}, rank {mine.level}",
            f"{boss.role}, rank {boss.level}): {_a(mine.level)} cannot report to "
            f"{_a(boss.level)}; point reports_to at someone more senior, or correct the roles")


def _a(label: str) -> str:
    return f"an {label}" if label[:1] in "AEIOU" else f"a {label}"
