"""A person reports to an id that names nobody in the org.

`reports_to` takes the `id` of another person of the same org (or of an included file).
The message suggests the closest existing id.

Passes:

    people:
      - {id: dana, name: Dana Reyes}
      - {id: sam, name: Sam Ito, reports_to: dana}

Fails (line 3):

    people:
      - {id: dana, name: Dana Reyes}
      - {id: sam, name: Sam Ito, reports_to: dnaa}
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from orgviz.model import Org
from orgviz.rules import Finding
from orgviz.rules._common import joined_ids, unknown_person, unplaced, who

ID = "unknown-manager"
LEVEL = "error"
DEFAULTS: dict[str, Any] = {}


def check(org: Org, options: Mapping[str, Any]) -> Iterator[Finding]:
    """Report every `reports_to` that is not the id of a person."""
    by_id = org.by_id
    for person in unplaced(org):  # the others report to a known id
        manager = person.reports_to
        if manager is not None and manager not in by_id:
            ids = joined_ids(manager, by_id)
            about = (f"several ids in one text: reports_to holds one manager's id "
                     f"(reports_to: {ids[0]}); put the others in dotted_to" if ids else
                     unknown_person(org, manager,
                                    "use the id of an existing person, or add that person",
                                    person.id))
            yield (person.at("reports_to"),
                   f"{who(person)} reports to '{manager}', {about}")
