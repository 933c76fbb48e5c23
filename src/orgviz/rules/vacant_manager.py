"""An open position has people reporting to it.

Reports of an open role (`vacant: true`) report to nobody until it is filled: point them
at an interim manager (and, if useful, keep a dotted line to the open role).

An open role with one report is not also told by `single-report` to take on more reports
while this rule is on at its level or above (switch it off, or make it info, and
single-report reports it again).

Passes:

    people:
      - {id: dana, name: Dana Reyes}
      - {id: open-pm, title: Product Manager, vacant: true, reports_to: dana}

Fails (line 3):

    people:
      - {id: dana, name: Dana Reyes}
      - {id: open-gpm, title: Group Product Manager, vacant: true, reports_to: dana}
      - {id: sam, name: Sam Ito, reports_to: open-gpm}
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from orgviz.model import Org, Person
from orgviz.rules import Finding
from orgviz.rules._common import OPEN_ROLE, links, quote_people, shown_name, who

ID = "vacant-manager"
LEVEL = "warning"
DEFAULTS: dict[str, Any] = {}
#: Rules whose findings at this rule's places it makes redundant (validate.py leaves them out).
SUPERSEDES = ("single-report",)


def check(org: Org, options: Mapping[str, Any]) -> Iterator[Finding]:
    """Report open positions that have direct reports."""
    reports = links(org).reports
    for person in org.by_id.values():
        if person.vacant and person.id in reports:
            below = reports[person.id]
            count = "1 report" if len(below) == 1 else f"{len(below)} reports"
            yield (person.at("id"),
                   f"{_subject(person)} has {count}: {quote_people(org, below)}; they "
                   "report to nobody until it is filled: point them at an interim manager")


def _subject(person: Person) -> str:
    """"the open role 'open-gpm'", "the open role '14' (Peter Krebs)", or "'14' (open role)"."""
    return who(person) if shown_name(person) == OPEN_ROLE else f"the open role {who(person)}"
