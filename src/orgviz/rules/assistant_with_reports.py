"""An assistant has direct reports.

An assistant (`assistant: true`) is drawn beside their manager, outside the tree, so nobody
can report to them on the solid line. Either the person is not an assistant, or their
reports belong to someone else.

The reports of an assistant are not also told by `rank-inversion` or `same-rank` to point
reports_to at someone more senior while this rule is on at their level or above (switch it
off, or make it info, and they compare the reports with the assistant's rank again).

Passes:

    people:
      - {id: dana, name: Dana Reyes}
      - {id: ea, name: Lee Park, reports_to: dana, assistant: true}
      - {id: sam, name: Sam Ito, reports_to: dana}

Fails (line 3):

    people:
      - {id: dana, name: Dana Reyes}
      - {id: ea, name: Lee Park, reports_to: dana, assistant: true}
      - {id: sam, name: Sam Ito, reports_to: ea}
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from orgviz.model import Org
from orgviz.problem import SourceLoc
from orgviz.rules import Finding
from orgviz.rules._common import links, quote_people, who

ID = "assistant-with-reports"
LEVEL = "error"
DEFAULTS: dict[str, Any] = {}
#: Rules whose findings this rule's make redundant (validate.py leaves them out, see covers).
SUPERSEDES = ("rank-inversion", "same-rank")


def check(org: Org, options: Mapping[str, Any]) -> Iterator[Finding]:
    """Report assistants that have solid-line reports."""
    reports = links(org).reports
    for person in org.by_id.values():
        if person.assistant and person.id in reports:
            below = reports[person.id]
            yield (person.at("assistant"),
                   f"the assistant {who(person)} has {_count(below)}: {quote_people(org, below)}; "
                   "point their reports_to at another manager, or remove assistant: true")


def covers(org: Org) -> Iterator[SourceLoc]:
    """Where the reports of assistants report to them: the rank rules' places for them."""
    by_id = org.by_id
    for person_id, below in links(org).reports.items():
        if by_id[person_id].assistant:
            yield from (by_id[pid].at("reports_to") for pid in below)


def _count(ids: list[str]) -> str:
    return "1 direct report" if len(ids) == 1 else f"{len(ids)} direct reports"
