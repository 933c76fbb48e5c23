"""Two people (or two teams) share an id.

Ids name positions in `reports_to`, `dotted_to`, `team` and `lead`, so each must be unique
within the org (people and teams have separate id spaces).

Passes:

    people:
      - {id: dana, name: Dana Reyes}
      - {id: sam, name: Sam Ito, reports_to: dana}

Fails (line 3):

    people:
      - {id: dana, name: Dana Reyes}
      - {id: dana, name: Dana Smith, reports_to: dana}
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from orgviz.model import Org, Person, repeats
from orgviz.rules import Finding
from orgviz.rules._common import line_at, shown_name

ID = "duplicate-id"
LEVEL = "error"
DEFAULTS: dict[str, Any] = {}


def check(org: Org, options: Mapping[str, Any]) -> Iterator[Finding]:
    """Report every person or team whose id was already used, pointing at the first use."""
    for kind, items, first in (("person", org.people, org.by_id),
                               ("team", org.teams, org.teams_by_id)):
        for item, original in repeats(items, first):
            by = _by(original) if isinstance(original, Person) else ""
            where = item.at("id")
            if where == original.at("id"):  # (an id a merge key copied: `<<: *p`)
                where = item.loc
            yield (where,
                   f"duplicate {kind} id '{item.id}' (first used at "
                   f"{line_at(original.at('id'))}{_other_file(original, item)}{by}): "
                   f"give each {'position' if kind == 'person' else 'team'} its own id")


def _by(original: Person) -> str:
    """" by Peter Krebs": who holds the id first, when messages show their name (shown_name)."""
    name = shown_name(original)
    return f" by {name}" if original.name and name else (" by an open role" if name else "")


def _other_file(original: Any, item: Any) -> str:
    return "" if original.loc.file == item.loc.file else f" of {original.loc.file}"
