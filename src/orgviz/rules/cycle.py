"""People report to each other in a circle.

Following `reports_to` upwards must end at a top person. The whole cycle is reported once,
at the `reports_to` of its first member in file order, listing each member with its line.
When one member outranks the others and the org has one top, the message suggests that the
most senior member might report to the top. People who merely report into a cycle are not
reported again.

Passes:

    people:
      - {id: dana, name: Dana Reyes}
      - {id: sam, name: Sam Ito, reports_to: dana}
      - {id: lee, name: Lee Park, reports_to: sam}

Fails (line 3):

    people:
      - {id: dana, name: Dana Reyes}
      - {id: sam, name: Sam Ito, reports_to: lee}
      - {id: lee, name: Lee Park, reports_to: sam}
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from orgviz.model import Org, Person
from orgviz.rules import Finding
from orgviz.rules._common import line_at, links, reporting_cycles, role_name, shown_name, who

ID = "cycle"
LEVEL = "error"
DEFAULTS: dict[str, Any] = {}
SHOWN = 12  # members listed in full; longer cycles are abridged in the middle


def check(org: Org, options: Mapping[str, Any]) -> Iterator[Finding]:
    """Report each reporting cycle once, at its first member's reports_to."""
    by_id = org.by_id
    for members in reporting_cycles(org):
        head = by_id[members[0]]
        people = [by_id[m] for m in members]
        fix = ("point one of these reports_to at someone outside the cycle, or remove it "
               "from the person at the top")
        likely = _likely_fix(org, people)
        yield (head.at("reports_to"), f"reporting cycle: {_chain(people, head)}: "
               + (f"{likely}; otherwise {fix}" if likely else fix))


def _likely_fix(org: Org, members: list[Person]) -> str:
    """"the most senior of them, 'bob' (CTO), might report to 'ann', the top of the org"
    when one member outranks the others and the org has one top; else ""."""
    ranked = sorted(((rank, i) for i, p in enumerate(members)
                     if (rank := org.rank(p)) is not None), reverse=True)
    if not ranked or (len(ranked) > 1 and ranked[0][0] == ranked[1][0]):
        return ""
    tops = [p for p in links(org).tops if p.reports_to is None]
    if len(tops) != 1:
        return ""
    senior = members[ranked[0][1]]
    return (f"the most senior of them, {who(senior, role_name(org, senior))}, might report "
            f"to {who(tops[0])}, the top of the org")


def _chain(members: list[Person], head: Person) -> str:
    def label(person: Person) -> str:
        loc = person.at("id")
        where = line_at(loc) if loc.file == head.loc.file else f"{loc.file}:{loc.line}"
        name = shown_name(person)
        return f"{person.id} ({name}, {where})" if name else f"{person.id} ({where})"

    if len(members) > SHOWN:
        parts = [label(p) for p in members[:SHOWN - 2]]
        parts.append(f"... {len(members) - SHOWN + 1} more")
        parts.append(label(members[-1]))
    else:
        parts = [label(p) for p in members]
    return " -> ".join([*parts, head.id])
