"""A dotted line repeats the solid line, or names the same person twice.

A dotted (matrix) line to one's own manager adds nothing to the chart.

Passes:

    people:
      - {id: dana, name: Dana Reyes}
      - {id: cto, name: Kim Lee, reports_to: dana}
      - {id: sam, name: Sam Ito, reports_to: dana, dotted_to: [cto]}

Fails (line 4):

    people:
      - {id: dana, name: Dana Reyes}
      - {id: cto, name: Kim Lee, reports_to: dana}
      - {id: sam, name: Sam Ito, reports_to: dana, dotted_to: [dana]}
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from orgviz.model import Org
from orgviz.rules import Finding
from orgviz.rules._common import who, who_id, with_dotted

ID = "redundant-dotted"
LEVEL = "warning"
DEFAULTS: dict[str, Any] = {}


def check(org: Org, options: Mapping[str, Any]) -> Iterator[Finding]:
    """Report dotted lines to the solid-line manager and repeated dotted-line ids."""
    for person in with_dotted(org):
        seen: set[str] = set()
        for index, other in enumerate(person.dotted_to):
            if other == person.reports_to:
                yield (person.at("dotted_to", index),
                       f"{who(person)} has a dotted line to {who_id(org, other)}, who is "
                       f"already their manager: remove '{other}' from dotted_to")
            elif other in seen:
                yield (person.at("dotted_to", index),
                       f"{who(person)} lists {who_id(org, other)} twice in dotted_to: remove "
                       "the repeat")
            seen.add(other)
