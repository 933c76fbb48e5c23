"""A dotted-line manager names nobody in the org.

Each id in `dotted_to` must be the `id` of a person; the message suggests the closest one.

Passes:

    people:
      - {id: dana, name: Dana Reyes}
      - {id: cto, name: Kim Lee, reports_to: dana}
      - {id: sam, name: Sam Ito, reports_to: dana, dotted_to: [cto]}

Fails (line 4):

    people:
      - {id: dana, name: Dana Reyes}
      - {id: cto, name: Kim Lee, reports_to: dana}
      - {id: sam, name: Sam Ito, reports_to: dana, dotted_to: [ctoo]}
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from orgviz.model import Org
from orgviz.rules import Finding
from orgviz.rules._common import joined_ids, unknown_person, who, with_dotted

ID = "unknown-dotted"
LEVEL = "error"
DEFAULTS: dict[str, Any] = {}


def check(org: Org, options: Mapping[str, Any]) -> Iterator[Finding]:
    """Report every `dotted_to` id that is not the id of a person."""
    by_id = org.by_id
    for person in with_dotted(org):
        for index, other in enumerate(person.dotted_to):
            if other not in by_id:
                ids = joined_ids(other, by_id)
                about = (f"several ids in one text: write a list, dotted_to: [{', '.join(ids)}]"
                         if ids else unknown_person(
                             org, other, "use the id of an existing person, or remove it",
                             person.id))
                yield (person.at("dotted_to", index),
                       f"{who(person)} has a dotted line to '{other}', {about}")
