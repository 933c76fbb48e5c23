"""A manager ranks below the person who reports to them.

Ranks come from the role ladder (CEO > C-level > SVP / EVP > VP > Head > Director >
Manager > Supervisor > Senior IC > IC > Associate); a combined role ranks at its most senior
member. People whose rank is unknown are skipped, and so are assistants (an executive
assistant reports to a CEO) and the reports of an assistant, left to
`assistant-with-reports` while it is on.

Where a more specific rule reports the same reporting line (`cpo-reports-to-ceo`,
`head-under-vp`, `director-under-head`: a CPO under a VP, a VP of Product under the Head or
Director of Product), this rule leaves it to that rule's finding, unless that rule is off
or set to a less severe level.

Passes:

    people:
      - {id: vp1, name: Dana Reyes, role: vp-engineering}
      - {id: d1, name: Sam Ito, role: director-of-engineering, reports_to: vp1}

Fails (line 2):

    people:
      - {id: vp1, name: Dana Reyes, role: vp-engineering, reports_to: d1}
      - {id: d1, name: Sam Ito, role: director-of-engineering}
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from orgviz.model import Org
from orgviz.problem import Problem
from orgviz.rules import Finding
from orgviz.rules._common import findings_of, manager_pairs, pair_problems

ID = "rank-inversion"
LEVEL = "error"
DEFAULTS: dict[str, Any] = {}


def check(org: Org, options: Mapping[str, Any]) -> Iterator[Finding]:
    """Report every person whose solid-line manager has a lower rank."""
    return findings_of(problems(org, options, LEVEL))


def problems(org: Org, options: Mapping[str, Any], level: str) -> list[Problem]:
    """check()'s findings as problems at `level`, made directly (thousands in a big org)."""
    found: list[Problem] = []
    for mine, boss, people in manager_pairs(org):
        if boss.rank >= mine.rank:
            continue
        found += pair_problems(
            org, people, f"{mine.role}, rank {mine.level}",
            f"{boss.role}, rank {boss.level}): {_a(mine.level)} cannot report to "
            f"{_a(boss.level)}; point reports_to at someone more senior, or correct the roles",
            level, ID)
    return found


def _a(label: str) -> str:
    """"a VP", "an IC", "an SVP / EVP", "an Associate": an abbreviation by its letter's sound."""
    start = label.split("-")[0].split()[0] if label.strip() else ""
    vowels = "AEFHILMNORSX" if start.isupper() else "AEIOU"
    return f"an {label}" if label[:1] in vowels else f"a {label}"
