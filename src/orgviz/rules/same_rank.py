"""A person reports to a manager of the same rank.

A PM reporting to a PM, or a VP to a VP, usually means a missing layer or a wrong role.
Assistants and people whose rank is unknown are skipped.

Passes:

    people:
      - {id: gpm, name: Dana Reyes, role: group-pm}
      - {id: pm1, name: Sam Ito, role: pm, reports_to: gpm}

Fails (line 3):

    people:
      - {id: gpm, name: Dana Reyes, role: pm}
      - {id: pm1, name: Sam Ito, role: pm, reports_to: gpm}
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from orgviz.model import Org
from orgviz.rules import Finding
from orgviz.rules._common import ranks, role_name

ID = "same-rank"
LEVEL = "warning"
DEFAULTS: dict[str, Any] = {}


def check(org: Org, options: Mapping[str, Any]) -> Iterator[Finding]:
    """Report every person whose solid-line manager has the same rank."""
    by_id, rank_of = org.by_id, ranks(org)
    for person in by_id.values():
        boss_id = person.reports_to
        if boss_id is None:
            continue
        rank = rank_of[person.id]
        if (rank is None or rank != rank_of.get(boss_id) or boss_id == person.id
                or person.assistant):
            continue
        boss = by_id[boss_id]
        yield (person.at("reports_to"),
               f"'{person.id}' ({role_name(org, person)}) reports to '{boss_id}' "
               f"({role_name(org, boss)}) at the same rank ({org.level_label(person)}): "
               "point reports_to at someone more senior, or correct the roles")
