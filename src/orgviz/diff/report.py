"""The report of the changes between two versions of an org: counts, text lines and JSON."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from typing import Any

from orgviz.diff.change import KINDS, ORG_KINDS, TEAM_KINDS, Change, show_value
from orgviz.model import Org
from orgviz.problem import one_line

#: The mark that starts a change's line in the text report, by kind.
_MARKS = {"added": "+", "removed": "-", "idchanged": "~", "unlinked": "!", "moved": ">",
          "retitled": "~", "reteamed": "~", "opened": "o", "filled": "*", "renamed": "~",
          "changed": "~", "team-added": "+", "team-removed": "-", "team-idchanged": "~",
          "team-renamed": "~", "team-changed": "~", "org-changed": "~", "rule-changed": "~"}
#: What the text report says after an id that names no one in the new version, and after
#: one that named no one in the old version.
_NO_ONE = " (not in the new version)"
_NO_ONE_BEFORE = " (not in the old version)"


def summary(changes: list[Change]) -> dict[str, int]:
    """Count of changes per kind (every kind, zero included)."""
    counts = Counter(c.kind for c in changes)
    return {kind: counts[kind] for kind in KINDS}


def said(counts: dict[str, int]) -> str:
    """'1 added, 2 vacancies opened', '30,000 ids changed' (kinds without changes left out),
    or 'no changes'."""
    parts = [f"{n:,} {KINDS[k][n != 1]}" for k, n in counts.items() if n]
    return ", ".join(parts) if parts else "no changes"


def people_names(old: Org, new: Org) -> dict[str, str]:
    """Each person id of either version -> the name shown for it (the new version's first;
    the old version's first: `people_names(new, old)`)."""
    names = {pid: person.display_name for pid, person in old.by_id.items()}
    names.update((pid, person.display_name) for pid, person in new.by_id.items())
    return names


def team_names(old: Org, new: Org) -> dict[str, str]:
    """Each declared team id of either version -> its name (the new version's first; the
    old version's first: `team_names(new, old)`)."""
    names = {tid: team.display_name for tid, team in old.teams_by_id.items()}
    names.update((tid, team.display_name) for tid, team in new.teams_by_id.items())
    return names


def _naming(names: dict[str, str]) -> Callable[[Any], str]:
    """A function showing an id with its name from `names`: "sam (Sam)", or the id alone."""
    def who(pid: Any) -> str:
        return _with_name(pid, names.get(pid) if isinstance(pid, str) else None)

    return who


def _with_name(pid: Any, name: str | None) -> str:
    """An id with its name: "sam (Sam)", or the id alone (no name, or the name is the id)."""
    return f"{pid} ({name})" if name and name != pid else show_value(pid)


def _old_and_new(c: Change, who_was: Callable[[Any], str],
                 who: Callable[[Any], str]) -> tuple[str, str]:
    """A field change's old and new ids shown with the names the change gives them, each
    from its version (`c.old_name`, `c.new_name`), else as `who_was` and `who` show them;
    a dotted line's ids one by one, and an id that names no one now "(not in the new
    version)", one that named no one then "(not in the old version)"."""
    if c.field == "dotted_to":
        return (_ids_shown(c.old, c.old_name, who_was, (c.old_missing or (), _NO_ONE_BEFORE)),
                _ids_shown(c.new, c.new_name, who, (c.missing or (), _NO_ONE)))
    new = c.new + _NO_ONE if c.missing else _shown(c.new, c.new_name, who)
    return _before(c, c.old, who_was), new


def _after(c: Change, pid: Any, who: Callable[[Any], str]) -> str:
    """An id of the new version that an added position (its manager) or team (its lead)
    carries, as `who` shows it; "(not in the new version)" when it names no one there
    (`c.missing`), not by the name the old version gave it."""
    if pid in (c.missing or ()):
        return f"{pid}{_NO_ONE}"
    return who(pid)


def _before(c: Change, pid: Any, who_was: Callable[[Any], str]) -> str:
    """An id of the old version that a change carries (its `old`, a removed position's
    manager, a removed team's lead) with its name then (`c.old_name`), else as `who_was`
    shows it; "(not in the old version)" when it named no one there (`c.old_missing`)."""
    if pid in (c.old_missing or ()):
        return f"{pid}{_NO_ONE_BEFORE}"
    return _shown(pid, c.old_name, who_was)


def _shown(pid: Any, name: Any, naming: Callable[[Any], str]) -> str:
    """An id with its `name` ("m1 (Mo One)"; the id alone when it is its name), else as
    `naming` shows it (no name given)."""
    return _with_name(pid, name) if isinstance(name, str) else naming(pid)


def _ids_shown(ids: Any, names: Any, naming: Callable[[Any], str],
               missing: tuple[tuple[str, ...], str]) -> str:
    """Ids (a dotted line's) each with its name of `names` (one each), else as `naming`
    shows it; one of the ids `missing` names no one, with what `missing` says of it
    ("(not in the new version)"); none "(none)"."""
    if not ids:
        return show_value(ids)
    given = names if isinstance(names, tuple) and len(names) == len(ids) else (None,) * len(ids)
    gone, note = missing
    return ", ".join(pid + note if pid in gone else _shown(pid, name, naming)
                     for pid, name in zip(ids, given, strict=True))


def _team_detail(c: Change, names: tuple[dict[str, str], dict[str, str]],
                 teams: dict[str, str], old_teams: dict[str, str]) -> str:
    """What the line of a team's change (or a person's re-teaming) says after its id: an
    old team by its name in the old version (`old_teams`), a new one by its new name; a
    lead by its name in the version it is from (`names`: the new version's, the old's)."""
    who, who_was, team = _naming(names[0]), _naming(names[1]), _naming(teams)
    if c.kind in ("team-added", "team-removed"):
        lead = (_before(c, c.lead, who_was) if c.kind == "team-removed"
                else _after(c, c.lead, who))
        led = f"led by {lead}" if c.lead else "no lead"
        return f": {led}" + (f", part of {team(c.parent)}" if c.parent else ", a top team")
    show, show_old = {"lead": (who, who_was), "parent": (team, _naming(old_teams)),
                      "team": (team, _naming(old_teams))}.get(c.field or "",
                                                              (show_value, show_value))
    # (an id that names no one now is not named after whom it named before)
    old, new = _old_and_new(c, show_old, show)
    prefix = f"{c.field} " if c.kind == "team-changed" else ""
    return f": {prefix}{old} -> {new}"


def _org_detail(c: Change) -> str:
    """What the line of a change of the org's header or `rules:` block says after it."""
    if c.kind == "org-changed":
        return f": {c.field} {show_value(c.old)} -> {show_value(c.new)}"
    return f": {_show_setting(c.old)} -> {_show_setting(c.new)}"


def _show_setting(setting: dict[str, Any] | None) -> str:
    """A rule's setting as a `rules:` block would write it: "off", "{level: error, max: 15}",
    "on" (its default level), or "(not set)"."""
    if setting is None:
        return "(not set)"
    if not setting:
        return "on"
    if list(setting) == ["level"]:
        return str(setting["level"])
    return "{" + ", ".join(f"{key}: {_option(value)}" for key, value in setting.items()) + "}"


def _option(value: Any) -> str:
    """An option's value as YAML writes it: true, 15, [a, b], {k: v}, text as it is."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(map(_option, value)) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {_option(v)}" for k, v in value.items()) + "}"
    return str(value)


def _detail(c: Change, names: tuple[dict[str, str], dict[str, str]], teams: dict[str, str],
            old_teams: dict[str, str]) -> str:
    """What a change's line says after the position (managers by id and name: `names`, the
    new version's and the old's, an id of the old version by its name there)."""
    who, who_was = _naming(names[0]), _naming(names[1])
    if c.kind in TEAM_KINDS or c.kind == "reteamed":
        return _team_detail(c, names, teams, old_teams)
    if c.kind in ORG_KINDS:
        return _org_detail(c)
    boss = (_before(c, c.reports_to, who_was) if c.kind == "removed"
            else _after(c, c.reports_to, who))
    under = f", reports to {boss}" if c.reports_to else ", a top"
    if c.kind in ("added", "removed"):
        return f": {c.title or '(no title)'}{under}"
    if c.kind == "unlinked":
        was = f" (moved from {_before(c, c.old, who_was)})" if c.field == "reports_to" else ""
        return f": reports to {who(c.reports_to)}, who is not in the new version{was}"
    if c.kind == "opened":
        was = "a new position" if c.new_position else f"was {c.previous_holder or '(no name)'}"
        was += f", id {c.old}" if c.field == "id" else ""
        return f": {c.title or '(no title)'} ({was}){under}"
    if c.kind == "filled":
        was = {"id": f" (the open position {c.old})",
               "title": f" (was open as {c.old or '(no title)'})"}.get(c.field or "", "")
        return f": {c.title or '(no title)'}{was}"
    if c.kind == "idchanged" and c.unnamed_opening:  # (told by its title and manager)
        return f": {c.old} -> {c.new}, {c.title or '(no title)'}{under}"
    if c.kind == "changed" and c.field == "dotted_to":  # (each person by id and name)
        old, new = _old_and_new(c, who_was, who)
        return f": {c.field} {old} -> {new}"
    if c.kind == "changed":
        return f": {c.field} {show_value(c.old)} -> {show_value(c.new)}"
    if c.kind == "moved":
        old, new = _old_and_new(c, who_was, who)
        return f": {old} -> {new}"
    return f": {show_value(c.old)} -> {show_value(c.new)}"


def format_text(changes: list[Change], old_name: str, new_name: str,
                names: dict[str, str] | None = None,
                teams: dict[str, str] | None = None,
                old_teams: dict[str, str] | None = None,
                old_names: dict[str, str] | None = None) -> str:
    """One line per change, grouped by kind, then a summary line; `names` (`people_names`)
    adds each manager's name to its id, `teams` (`team_names`) each team's, `old_teams`
    (`team_names(new, old)`) each old team's (a person's team before, a team's parent
    before) by its name in the old version, `old_names` (`people_names(new, old)`) each
    manager or lead before by theirs (an id whose holder changed names another person)."""
    both = (names or {}, old_names if old_names is not None else names or {})
    lines = []
    for kind in KINDS:
        for c in (c for c in changes if c.kind == kind):
            who = "org" if kind == "org-changed" else (
                f"{c.id} ({c.name})" if c.name != c.id else c.id)
            detail = _detail(c, both, teams or {},
                             old_teams if old_teams is not None else teams or {})
            lines.append(f"{_MARKS[kind]} {KINDS[kind][0]:<15} {who}{detail}")
    lines.append(f"{old_name} -> {new_name}: {said(summary(changes))}")
    return "\n".join(map(one_line, lines)) + "\n"  # (names cannot break or recolour lines)


def to_json(changes: list[Change], old_name: str, new_name: str) -> dict[str, Any]:
    """The JSON form: files, summary counts and the list of changes."""
    return {"old": old_name, "new": new_name, "summary": summary(changes),
            "changes": [c.to_dict() for c in changes]}
