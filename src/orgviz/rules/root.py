"""The org has no top person, or several.

An org chart has exactly one top: the one person without `reports_to` (usually the CEO).
Every further person without a manager is reported, naming the first top, so that it can
be given a `reports_to`. Set `allow-forest: true` for a file that holds several separate
trees (for example one per department). A person whose manager is unknown is left to
`unknown-manager`, and one who gives a manager under another key (`manager: ann`,
reported as an unknown key that means `reports_to`) or a `reports_to` the schema check
refused (a list) to that report. A person who reports
to themselves (left to `self-report`) counts as a top only when nobody else is one. An org
without people is reported unless the file has errors (an entry refused, `peeple:`), which
say why.

Passes:

    people:
      - {id: dana, name: Dana Reyes}
      - {id: sam, name: Sam Ito, reports_to: dana}

Fails (line 3):

    people:
      - {id: dana, name: Dana Reyes}
      - {id: sam, name: Sam Ito}
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from orgviz.keys import names_a_manager_elsewhere
from orgviz.model import Org
from orgviz.rules import Finding
from orgviz.rules._common import anchor, line_at, links, who, who_id

ID = "root"
LEVEL = "error"
DEFAULTS: dict[str, Any] = {"allow-forest": False}


def check(org: Org, options: Mapping[str, Any]) -> Iterator[Finding]:
    """Report an org without people, without a top, or (unless allowed) with several tops."""
    by_id = org.by_id
    if not by_id:
        if not any(p.level == "error" for p in org.load_problems):  # (else they say why)
            yield (org.own_loc, "the org has no people: add a 'people:' list with at least one "
                   "person")
        return
    candidates = links(org).tops  # without a manager, their own, or an unknown one
    tops = [p for p in candidates if p.reports_to is None]
    if not tops:
        # HR exports often give the top person their own id as manager: such a person is
        # the top (self-report says to drop the field) unless a real top exists.
        tops = [p for p in candidates if p.reports_to == p.id]
    if not tops:
        if not candidates:  # everyone reports to someone in the org
            first = next(iter(by_id.values()))
            yield (first.at("reports_to"),
                   "every person has a manager: the org has no top; remove reports_to from "
                   f"the top person (the first person, {who(first)}, reports to "
                   f"{who_id(org, first.reports_to)})")  # type: ignore[arg-type]  # (has a manager)
        return
    if options["allow-forest"] or len(tops) == 1:
        return
    first = tops[0]
    refused = {tuple(p[:3]) for p in org.load_problems if p.rule == "schema"}
    for person in tops[1:]:
        if person.reports_to is None and (names_a_manager_elsewhere(person.field_locs)
                                          or tuple(person.at("reports_to")) in refused):
            continue  # (`manager: ann`, `reports_to: [a, b]`: the schema error says what to do)
        where = first.at("id")
        line = line_at(where) if where.file == person.loc.file else (
            f"{where.file}:{where.line}")
        alone = "has no manager" if person.reports_to is None else "reports to themselves"
        yield (anchor(person),
               f"{who(person)} {alone}, but {who(first, line)} is already the top of the "
               f"org: give '{person.id}' a reports_to, or set root allow-forest: true for "
               "separate trees")

