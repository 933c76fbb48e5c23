"""The report of the changes between two versions of an org: counts, text lines and JSON."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from typing import Any

from orgviz.diff.change import KINDS, TEAM_KINDS, Change, show_value
from orgviz.model import Org
from orgviz.problem import one_line

#: The mark that starts a change's line in the text report, by kind.
_MARKS = {"added": "+", "removed": "-", "idchanged": "~", "unlinked": "!", "moved": ">",
          "retitled": "~", "reteamed": "~", "opened": "o", "filled": "*", "renamed": "~",
          "changed": "~", "team-added": "+", "team-removed": "-", "team-idchanged": "~",
          "team-renamed": "~", "team-changed": "~"}


def summary(changes: list[Change]) -> dict[str, int]:
    """Count of changes per kind (every kind, zero included)."""
    counts = Counter(c.kind for c in changes)
    return {kind: counts[kind] for kind in KINDS}


def said(counts: dict[str, int]) -> str:
    """'1 added, 2 vacancies opened' (kinds without changes left out), or 'no changes'."""
    parts = [f"{n} {KINDS[k][n != 1]}" for k, n in counts.items() if n]
    return ", ".join(parts) if parts else "no changes"


def people_names(old: Org, new: Org) -> dict[str, str]:
    """Each person id of either version -> the name shown for it (the new version's first)."""
    names = {pid: person.display_name for pid, person in old.by_id.items()}
    names.update((pid, person.display_name) for pid, person in new.by_id.items())
    return names


def team_names(old: Org, new: Org) -> dict[str, str]:
    """Each declared team id of either version -> its name (the new version's first)."""
    names = {tid: team.display_name for tid, team in old.teams_by_id.items()}
    names.update((tid, team.display_name) for tid, team in new.teams_by_id.items())
    return names


def _naming(names: dict[str, str]) -> Callable[[Any], str]:
    """A function showing an id with its name from `names`: "sam (Sam)", or the id alone."""
    def who(pid: Any) -> str:
        name = names.get(pid) if isinstance(pid, str) else None
        return f"{pid} ({name})" if name and name != pid else show_value(pid)

    return who


def _team_detail(c: Change, names: dict[str, str], teams: dict[str, str]) -> str:
    """What the line of a team's change (or a person's re-teaming) says after its id."""
    who, team = _naming(names), _naming(teams)
    if c.kind in ("team-added", "team-removed"):
        led = f"led by {who(c.lead)}" if c.lead else "no lead"
        return f": {led}" + (f", part of {team(c.parent)}" if c.parent else ", a top team")
    show = who if c.field == "lead" else team if c.field in ("parent", "team") else show_value
    prefix = f"{c.field} " if c.kind == "team-changed" else ""
    return f": {prefix}{show(c.old)} -> {show(c.new)}"


def _detail(c: Change, names: dict[str, str], teams: dict[str, str]) -> str:
    """What a change's line says after the position (managers by id and name)."""
    who = _naming(names)
    if c.kind in TEAM_KINDS or c.kind == "reteamed":
        return _team_detail(c, names, teams)
    under = f", reports to {who(c.reports_to)}" if c.reports_to else ", a top"
    if c.kind in ("added", "removed"):
        return f": {c.title or '(no title)'}{under}"
    if c.kind == "unlinked":
        was = f" (moved from {who(c.old)})" if c.field == "reports_to" else ""
        return f": reports to {who(c.reports_to)}, who is not in the new version{was}"
    if c.kind == "opened":
        was = "a new position" if c.new_position else f"was {c.previous_holder or '(no name)'}"
        was += f", id {c.old}" if c.field == "id" else ""
        return f": {c.title or '(no title)'} ({was}){under}"
    if c.kind == "filled":
        was = f" (the open position {c.old})" if c.field == "id" else ""
        return f": {c.title or '(no title)'}{was}"
    if c.kind == "changed":
        return f": {c.field} {show_value(c.old)} -> {show_value(c.new)}"
    if c.kind == "moved":
        return f": {who(c.old)} -> {who(c.new)}"
    return f": {show_value(c.old)} -> {show_value(c.new)}"


def format_text(changes: list[Change], old_name: str, new_name: str,
                names: dict[str, str] | None = None,
                teams: dict[str, str] | None = None) -> str:
    """One line per change, grouped by kind, then a summary line; `names` (`people_names`)
    adds each manager's name to its id, `teams` (`team_names`) each team's."""
    lines = []
    for kind in KINDS:
        for c in (c for c in changes if c.kind == kind):
            who = f"{c.id} ({c.name})" if c.name != c.id else c.id
            detail = _detail(c, names or {}, teams or {})
            lines.append(f"{_MARKS[kind]} {KINDS[kind][0]:<15} {who}{detail}")
    lines.append(f"{old_name} -> {new_name}: {said(summary(changes))}")
    return "\n".join(map(one_line, lines)) + "\n"  # (names cannot break or recolour lines)


def to_json(changes: list[Change], old_name: str, new_name: str) -> dict[str, Any]:
    """The JSON form: files, summary counts and the list of changes."""
    return {"old": old_name, "new": new_name, "summary": summary(changes),
            "changes": [c.to_dict() for c in changes]}
