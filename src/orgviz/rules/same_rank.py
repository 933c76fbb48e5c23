"""A person reports to a manager of the same rank.

A PM reporting to a PM, or a VP to a VP, usually means a missing layer or a wrong role.
Assistants and people whose rank is unknown are skipped, and so are the reports of an
assistant, left to `assistant-with-reports` while it is on. Where `cpo-reports-to-ceo`,
`head-under-vp` or `director-under-head` reports the same reporting line (a CPO under a
CTO), this rule leaves it to that rule's finding, unless that rule is off or set to a less
severe level.

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
from orgviz.problem import Problem
from orgviz.rules import Finding
from orgviz.rules._common import findings_of, manager_pairs, pair_problems

ID = "same-rank"
LEVEL = "warning"
DEFAULTS: dict[str, Any] = {}


def check(org: Org, options: Mapping[str, Any]) -> Iterator[Finding]:
    """Report every person whose solid-line manager has the same rank."""
    return findings_of(problems(org, options, LEVEL))


def problems(org: Org, options: Mapping[str, Any], level: str) -> list[Problem]:
    """check()'s findings as problems at `level`, made directly (thousands in a big org)."""
    found: list[Problem] = []
    for mine, boss, people in manager_pairs(org):
        if boss.rank != mine.rank:
            continue
        found += pair_problems(
            org, people, mine.role, f"{boss.role}) at the same rank ({mine.level}): point "
            "reports_to at someone more senior, or correct the roles", level, ID)
    return found
