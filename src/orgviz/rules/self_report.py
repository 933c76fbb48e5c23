"""A person reports to themselves (solid or dotted line).

A top person has no `reports_to` at all (HR exports often give the CEO their own id as
manager: leave it out instead).

Passes:

    people:
      - {id: dana, name: Dana Reyes}
      - {id: sam, name: Sam Ito, reports_to: dana}

Fails (line 3):

    people:
      - {id: dana, name: Dana Reyes}
      - {id: sam, name: Sam Ito, reports_to: sam}
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from orgviz.model import Org
from orgviz.rules import Finding
from orgviz.rules._common import unplaced, who, with_dotted

ID = "self-report"
LEVEL = "error"
DEFAULTS: dict[str, Any] = {}


def check(org: Org, options: Mapping[str, Any]) -> Iterator[Finding]:
    """Report `reports_to` or `dotted_to` entries naming the person's own id."""
    for person in unplaced(org):  # the others report to someone else
        if person.reports_to == person.id:
            yield (person.at("reports_to"),
                   f"{who(person)} reports to themselves: remove reports_to if "
                   f"'{person.id}' is the top of the org, or name their real manager")
    for person in with_dotted(org):
        if person.id not in person.dotted_to:
            continue
        for index, other in enumerate(person.dotted_to):
            if other == person.id:
                yield (person.at("dotted_to", index),
                       f"{who(person)} has a dotted line to themselves: remove "
                       f"'{person.id}' from dotted_to")
