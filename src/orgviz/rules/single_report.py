"""A manager has exactly one direct report.

A one-person team is an extra layer: the report could move up to the manager's manager,
or the manager could take on more reports. Assistants are not counted. The top of the org
is exempt (a CEO with a single report has nobody above to hand the report to), and so are
assistants (see `assistant-with-reports`) and people in a reporting cycle. An open role
with one report is left to `vacant-manager` while it is on at this rule's level or above.

Passes:

    people:
      - {id: dana, name: Dana Reyes}
      - {id: sam, name: Sam Ito, reports_to: dana}
      - {id: lee, name: Lee Park, reports_to: dana}

Fails (line 3):

    people:
      - {id: dana, name: Dana Reyes}
      - {id: sam, name: Sam Ito, reports_to: dana}
      - {id: lee, name: Lee Park, reports_to: sam}
      - {id: kim, name: Kim Cho, reports_to: dana}
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from orgviz.model import Org
from orgviz.rules import Finding
from orgviz.rules._common import assistants_of, links, tree, who, who_inside

ID = "single-report"
LEVEL = "warning"
DEFAULTS: dict[str, Any] = {}


def check(org: Org, options: Mapping[str, Any]) -> Iterator[Finding]:
    """Report managers with exactly one direct report (assistants aside)."""
    by_id = org.by_id
    reached = tree(org).reached
    assistants = assistants_of(org)
    for manager_id, report_ids in links(org).reports.items():
        if len(report_ids) - assistants.get(manager_id, 0) != 1 or manager_id not in reached:
            continue
        report = next(by_id[r] for r in report_ids if not by_id[r].assistant)
        manager = by_id[manager_id]
        boss = manager.reports_to
        if manager.assistant or boss is None or boss == manager_id or boss not in by_id:
            continue
        yield (manager.at("id"),
               f"{who(manager)} has a single direct report ({who_inside(report)}): let "
               f"'{report.id}' report to {who(by_id[boss])} directly, or give '{manager_id}' "
               "more reports")
