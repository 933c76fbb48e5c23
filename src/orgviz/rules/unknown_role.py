"""A person's `role` is not a role of the ladder.

Role ids are the built-in ones (`ceo`, `cpo`, `vp-product`, `head-of-product`,
`director-of-product`, `pm`, ...; see the format documentation) plus the
file's own `roles:` entries. The message suggests the closest role id.

Passes:

    people:
      - {id: dana, name: Dana Reyes, role: cpo}
      - {id: sam, name: Sam Ito, role: [head-of-product, director-of-product], reports_to: dana}

Fails (line 3):

    people:
      - {id: dana, name: Dana Reyes, role: cpo}
      - {id: sam, name: Sam Ito, role: head-of-prodcut, reports_to: dana}
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from orgviz.model import Org
from orgviz.rules import Finding
from orgviz.rules._common import Suggester, joined_ids, roles_held, who

ID = "unknown-role"
LEVEL = "error"
DEFAULTS: dict[str, Any] = {}


def check(org: Org, options: Mapping[str, Any]) -> Iterator[Finding]:
    """Report every explicit role id that the ladder does not know."""
    known = org.ladder.roles
    if len(org.people) == len(org.by_id) and roles_held(org).issubset(known):
        return  # nobody holds an unknown role (repeated ids are not in roles_held)
    suggest = None
    for person in org.people:
        if person.role_source != "explicit":
            continue
        for index, role in enumerate(person.roles):
            if role not in known:
                suggest = suggest or Suggester(known)
                roles = joined_ids(role, known)
                yield (person.at("role", index),
                       f"{who(person)} has role '{role}', which is not a role of the ladder: "
                       + (f"several roles in one text: write a list for a combined role, "
                          f"role: [{', '.join(roles)}]" if roles else suggest.advice(
                              role, "use a built-in role id, or define it under 'roles:' "
                              "with a level")))
