"""A manager ranks below the person who reports to them.

Ranks come from the role ladder (CEO > C-level > VP > Head > Director > Manager > Senior
IC > IC > Associate); a combined role ranks at its most senior member. People whose rank
is unknown are skipped, and so are assistants (an executive assistant reports to a CEO).

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
from orgviz.rules._common import ranks, role_name

ID = "rank-inversion"
LEVEL = "error"
DEFAULTS: dict[str, Any] = {}


def check(org: Org, options: Mapping[str, Any]) -> Iterator[Finding]:
    """Report every person whose solid-line manager has a lower rank."""
    by_id, rank_of = org.by_id, ranks(org)
    for person in by_id.values():
        boss_id = person.reports_to
        if boss_id is None:
            continue
        rank, boss_rank = rank_of[person.id], rank_of.get(boss_id)  # None: unknown
        if rank is None or boss_rank is None or boss_rank >= rank or person.assistant:
            continue
        boss = by_id[boss_id]
        level, boss_level = org.level_label(person), org.level_label(boss)
        yield (person.at("reports_to"),
               f"'{person.id}' ({role_name(org, person)}, rank {level}) reports to "
               f"'{boss_id}' ({role_name(org, boss)}, rank {boss_level}): "
               f"{_a(level)} cannot report to {_a(boss_level)}; point reports_to at someone "
               "more senior, or correct the roles")


def _a(label: str) -> str:
    return f"an {label}" if label[:1] in "AEIOU" else f"a {label}"
