"""A person's title maps to no role, so rank rules cannot place them.

When a person has no `role`, orgviz infers one from the `title`. A title that matches no
role of the ladder leaves the person without a level: hierarchy rules skip them and the
chart cannot align them. Add `role:` to the person, or a `roles:` entry whose `titles`
match the title.

Passes:

    people:
      - {id: dana, name: Dana Reyes, title: Chief Product Officer}
      - {id: sam, name: Sam Ito, title: Growth Ninja, role: pm, reports_to: dana}

Fails (line 3):

    people:
      - {id: dana, name: Dana Reyes, title: Chief Product Officer}
      - {id: sam, name: Sam Ito, title: Growth Ninja, reports_to: dana}
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from orgviz.model import Org
from orgviz.rules import Finding
from orgviz.rules._common import who

ID = "unknown-title"
LEVEL = "warning"
DEFAULTS: dict[str, Any] = {}


def check(org: Org, options: Mapping[str, Any]) -> Iterator[Finding]:
    """Report people without a role whose title matches no role of the ladder."""
    for person in org.people:
        if person.role_source == "none" and person.title:
            quoted_title = person.title.replace("'", "''")  # (YAML to paste: 'O''Brien')
            yield (person.at("title"),
                   f"the title '{person.title}' of {who(person)} matches no role: add "
                   "'role:' to the person (e.g. role: pm), or a 'roles:' entry with "
                   f"titles: ['{quoted_title}']")
