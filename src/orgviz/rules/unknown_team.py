"""A team reference names no team, a team lead names nobody, or teams nest in a circle.

Checks a person's `team`, a team's `parent` (both must be ids of `teams:` entries) and a
team's `lead` (the id of a person), and that following `parent` upwards ends. An org
without any `teams:` list uses `team` as a free label, which is not checked.

Passes:

    teams:
      - {id: product, name: Product}
      - {id: design, name: Design, parent: product, lead: dana}
    people:
      - {id: dana, name: Dana Reyes, team: design}

Fails (line 3):

    teams:
      - {id: product, name: Product}
      - {id: design, name: Design, parent: prodcut, lead: dana}
    people:
      - {id: dana, name: Dana Reyes, team: design}
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from orgviz.cycles import team_parent_cycles
from orgviz.model import Org
from orgviz.problem import quoted
from orgviz.rules import Finding
from orgviz.rules._common import Suggester, unknown_person, who

ID = "unknown-team"
LEVEL = "error"
DEFAULTS: dict[str, Any] = {}


def check(org: Org, options: Mapping[str, Any]) -> Iterator[Finding]:
    """Report unknown team ids, unknown team leads and team parent cycles."""
    teams = org.teams_by_id
    if not org.teams:
        return
    suggest = Suggester(teams)
    for team in org.teams:
        if team.parent is not None and team.parent not in teams:
            yield (team.at("parent"), f"team '{team.id}' has parent '{team.parent}', " +
                   _team_advice(org, suggest, team.parent,
                                "use the id of a team in 'teams:'"))
        if team.lead is not None and team.lead not in org.by_id:
            yield (team.at("lead"), f"team '{team.id}' is led by '{team.lead}', " +
                   unknown_person(org, team.lead, "use the id of a person", ""))
    yield from _parent_cycles(org)
    for person in org.people:
        if person.team is not None and person.team not in teams:
            yield (person.at("team"), f"{who(person)} is in team '{person.team}', " +
                   _team_advice(org, suggest, person.team,
                                "use the id of a team in 'teams:', or add the team"))


def _team_advice(org: Org, suggest: Suggester, word: str, action: str) -> str:
    """The end of a message about a reference naming no team's id: "which is not a team:
    did you mean 'x'? Otherwise <action>", or, when it is a team's name (`team:
    Engineering`), "a team's name, not its id: write 'eng' instead"."""
    ids = org.team_ids_named(word)
    if len(ids) == 1:
        return f"a team's name, not its id: write '{ids[0]}' instead"
    if ids:
        return f"the name of teams {quoted(ids)}: write the id of one of them"
    return "which is not a team: " + suggest.advice(word, action)


def _parent_cycles(org: Org) -> Iterator[Finding]:
    """Each cycle of the teams' parents, at the parent of its team first in `teams:`."""
    teams = org.teams_by_id
    for members in team_parent_cycles(org):
        first = teams[members[0]]
        if len(members) == 1:
            yield (first.at("parent"), f"team '{first.id}' is its own parent: remove parent "
                   "or name the enclosing team")
        else:
            chain = " -> ".join([*members, first.id])
            yield (first.at("parent"), f"team parent cycle: {chain}: one of these teams must "
                   "have another parent, or none")
