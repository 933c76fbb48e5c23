"""A manager has more direct reports than the size profile allows.

Assistants are not counted. Defaults: 8 (small), 10 (mid-size), 12 (enterprise); set
`max` to change it.

Passes (max 2):

    rules: {span-of-control: {max: 2}}
    people:
      - {id: dana, name: Dana Reyes}
      - {id: sam, name: Sam Ito, reports_to: dana}
      - {id: lee, name: Lee Park, reports_to: dana}

Fails (max 1, line 3):

    rules: {span-of-control: {max: 1}}
    people:
      - {id: dana, name: Dana Reyes}
      - {id: sam, name: Sam Ito, reports_to: dana}
      - {id: lee, name: Lee Park, reports_to: dana}
"""

from __future__ import annotations

import sys
from collections.abc import Iterator, Mapping
from typing import Any

from orgviz.model import Org
from orgviz.rules import Finding
from orgviz.rules._common import assistants_of, is_profile_value, links, sized, who

ID = "span-of-control"
LEVEL = "warning"
DEFAULTS: dict[str, Any] = {"max": 10}
PROFILE_DEFAULTS: dict[str, dict[str, Any]] = {
    "small": {"max": 8}, "mid-size": {"max": 10}, "enterprise": {"max": 12},
}
#: The least value of each whole-number option (a limit of 0: nobody may have a report).
MINIMUMS = {"max": 1}


def check(org: Org, options: Mapping[str, Any]) -> Iterator[Finding]:
    """Report managers whose direct reports (assistants aside) exceed `max`."""
    limit = options["max"]
    owner = (f"for {sized(org)}" if is_profile_value(org, sys.modules[__name__], "max", limit)
             else "as configured")
    by_id = org.by_id
    assistants = assistants_of(org)
    for manager_id, report_ids in links(org).reports.items():
        if len(report_ids) <= limit:
            continue
        span = len(report_ids) - assistants.get(manager_id, 0)
        if span > limit:
            manager = by_id[manager_id]
            yield (manager.at("id"),
                   f"{who(manager)} has {span} direct reports (at most {limit} {owner}): "
                   "add a layer of leads, or raise span-of-control max")
