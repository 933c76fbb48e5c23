"""Compare two versions of an org: people added, removed, moved, retitled, re-teamed."""

from __future__ import annotations

import os
import shlex
import subprocess
import tempfile
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING, Any, TypeVar

from orgviz.errors import OrgvizError
from orgviz.fte import fte_text
from orgviz.model import Org, Person, Team
from orgviz.problem import Problem, one_line

if TYPE_CHECKING:
    from orgviz.render.chart import Chart
    from orgviz.render.themes import Theme

#: Change kinds in report order, with the words used in summaries (one, several).
KINDS = {
    "added": ("added", "added"), "removed": ("removed", "removed"),
    "idchanged": ("id changed", "ids changed"),
    "unlinked": ("manager missing", "managers missing"),
    "moved": ("moved", "moved"), "retitled": ("retitled", "retitled"),
    "reteamed": ("re-teamed", "re-teamed"),
    "opened": ("vacancy opened", "vacancies opened"),
    "filled": ("vacancy filled", "vacancies filled"),
    "renamed": ("renamed", "renamed"), "changed": ("other change", "other changes"),
    "team-added": ("team added", "teams added"),
    "team-removed": ("team removed", "teams removed"),
    "team-idchanged": ("team id changed", "team ids changed"),
    "team-renamed": ("team renamed", "teams renamed"),
    "team-changed": ("team changed", "teams changed"),
}
_MARKS = {"added": "+", "removed": "-", "idchanged": "~", "unlinked": "!", "moved": ">",
          "retitled": "~", "reteamed": "~", "opened": "o", "filled": "*", "renamed": "~",
          "changed": "~", "team-added": "+", "team-removed": "-", "team-idchanged": "~",
          "team-renamed": "~", "team-changed": "~"}
#: The kinds of change of a declared team (`teams:`), not of a position.
TEAM_KINDS = ("team-added", "team-removed", "team-idchanged", "team-renamed", "team-changed")
#: A team's fields compared besides its name (lead by person id, parent by team id).
_TEAM_FIELDS = ("lead", "parent", "color")
_OTHER_FIELDS = ("dotted_to", "roles", "location", "email", "assistant")


@dataclass(frozen=True)
class Change:
    """One change of one position (matched by id).

    A field change (moved, retitled, re-teamed, renamed, id changed, other) has `field` and
    its `old` and `new` values. Added and removed positions, vacancies opened and filled,
    and people whose manager is missing carry the position's `title`, `team` and
    `reports_to` (in the version that has it); an opened vacancy has the `previous_holder`
    (None for a new position) and `new_position`. A person moved to a missing manager is
    one `unlinked` change with the `old` manager (`field` "reports_to"), not also `moved`.
    A change of a declared team (a kind of TEAM_KINDS) has the team's `id` and `name`; an
    added or removed team also its `lead` and `parent` (in the version that has it).
    """

    kind: str
    id: str
    name: str
    old: Any = None
    new: Any = None
    field: str | None = None
    title: str | None = None
    team: str | None = None
    reports_to: str | None = None
    previous_holder: str | None = None
    new_position: bool | None = None
    lead: str | None = None
    parent: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {k: v for k, v in asdict(self).items() if v is not None}


def _label(person: Person) -> str:
    return person.display_name


def _show(value: Any) -> str:
    if value is None or value == ():
        return "(none)"
    if isinstance(value, tuple):
        return ", ".join(value)
    if isinstance(value, float):
        return fte_text(value)
    return str(value)


def _same(a: Any, b: Any) -> bool:
    """Whether two values of a field are the same: texts in any Unicode form (José written
    with a combining accent is no rename)."""
    if isinstance(a, str) and isinstance(b, str):
        return _nfc(a) == _nfc(b)
    return bool(a == b)


def _folded(name: str | None) -> str:
    """A name as names are matched: case and Unicode form aside."""
    return _nfc(name).casefold()


def _nfc(text: str | None) -> str:
    """A text in Unicode's composed form (None: empty)."""
    return unicodedata.normalize("NFC", text or "")


def _position(kind: str, person: Person, **extra: Any) -> Change:
    """A change about a whole position: its title, team and manager come with it."""
    return Change(kind, person.id, _label(person), title=person.title, team=person.team,
                  reports_to=person.reports_to, **extra)


def diff_orgs(old: Org, new: Org) -> list[Change]:
    """All changes from `old` to `new`, people matched by id, in the new file's order; then
    the removed, in the old file's order.

    A person removed under one id and added under another with the same name, and the same
    title or manager, is one person whose id changed. People of the new version whose
    manager is in neither version's people, or was removed, are `unlinked`: the new version
    has a broken reporting line (`orgviz validate` reports it too). Then the changes of the
    declared teams (added, removed, id changed, renamed, lead, parent or color changed); a
    team whose id changed keeps its people, who are not re-teamed. OrgLoadError (the
    duplicate-id errors) when a person's id repeats in either version.
    """
    from orgviz.validate import require_unique_ids

    require_unique_ids(old)
    require_unique_ids(new)
    changes: list[Change] = []
    old_people, new_people = old.by_id, new.by_id
    moved_ids = _id_changes(old, new)
    filled_by = _filled_under_new_ids(old, new, moved_ids)
    opened_by = _opened_under_new_ids(old, new, moved_ids)
    # old id -> the new id of the same position
    replaced = {**moved_ids, **filled_by, **opened_by}
    team_ids = _team_id_changes(old, new)
    new_ids = {new_id: old_id for old_id, new_id in moved_ids.items()}
    filled_ids = {new_id: old_id for old_id, new_id in filled_by.items()}
    opened_ids = {new_id: old_id for old_id, new_id in opened_by.items()}
    for pid, person in new_people.items():
        before = old_people.get(new_ids.get(pid, pid))
        boss = person.reports_to
        unlinked = boss is not None and boss != pid and boss not in new_people and not (
            before is not None and before.reports_to == boss and boss not in old_people)
        moved = before is not None and before.reports_to != boss and \
            replaced.get(before.reports_to) != boss
        if unlinked:  # (a line broken before: no change; moved to a missing manager: one)
            changes.append(_position("unlinked", person, **(
                {"old": before.reports_to, "field": "reports_to"} if moved else {})))
        if pid in filled_ids:  # an open position filled by someone with an id of their own
            changes.append(_position("filled", person, old=filled_ids[pid], new=pid,
                                     field="id"))
            continue
        if pid in opened_ids:  # who left, backfilled by an open position of its own id
            changes.append(_position("opened", person, old=opened_ids[pid], new=pid,
                                     field="id", new_position=False,
                                     previous_holder=old_people[opened_ids[pid]].name))
            continue
        if before is None:
            changes.append(_position("opened", person, new_position=True) if person.vacant
                           else _position("added", person))
            continue
        changes += _kept_changes(before, person, moved and not unlinked, replaced, team_ids)
    for pid, person in old_people.items():
        if pid not in new_people and pid not in replaced:
            changes.append(_position("removed", person))
    return changes + _team_changes(old, new, team_ids, replaced)


def _kept_changes(before: Person, person: Person, moved: bool, replaced: dict[str, str],
                  team_ids: dict[str, str]) -> list[Change]:
    """The changes of a position found in both versions (`before` under its old id), in
    report order; `moved`: to another manager who is in the new version."""
    pid, name = person.id, _label(person)
    changes: list[Change] = []
    if before.id != pid:
        changes.append(Change("idchanged", pid, name, before.id, pid, "id"))
    if moved:
        changes.append(Change("moved", pid, name, before.reports_to, person.reports_to,
                              "reports_to"))
    if not _same(before.title, person.title):
        changes.append(Change("retitled", pid, name, before.title, person.title, "title"))
    if before.team != person.team and team_ids.get(before.team or "", before.team) != \
            person.team:  # (a team whose id changed keeps its people)
        changes.append(Change("reteamed", pid, name, before.team, person.team, "team"))
    if person.vacant and not before.vacant:
        changes.append(_position("opened", person, previous_holder=before.name,
                                 new_position=False))
    elif before.vacant and not person.vacant:
        changes.append(_position("filled", person))
    elif not _same(before.name, person.name) and not person.vacant:
        changes.append(Change("renamed", pid, name, before.name, person.name, "name"))
    return changes + _other_changes(before, person, replaced)


def _other_changes(before: Person, person: Person, replaced: dict[str, str]) -> list[Change]:
    """The "other" changes of a position found in both versions: FTE, dotted lines, explicit
    roles, location, email, assistant."""
    pid, name = person.id, _label(person)
    changes: list[Change] = []
    if before.ftes != person.ftes:  # (no fte is one full-time post)
        changes.append(Change("changed", pid, name, before.ftes, person.ftes, "fte"))
    for fld in _OTHER_FIELDS:
        a, b = getattr(before, fld), getattr(person, fld)
        if fld == "roles" and "explicit" not in (before.role_source, person.role_source):
            continue  # inferred from the title: already reported as retitled
        if fld == "dotted_to" and sorted(replaced.get(d, d) for d in a) == sorted(b):
            continue  # (the same managers, under their new ids, in any order)
        if fld == "roles" and sorted(a) == sorted(b):
            continue  # (a combined role's members in another order: the same role)
        if not _same(a, b):
            changes.append(Change("changed", pid, name, a, b, fld))
    return changes


def _whole_team(kind: str, team: Team) -> Change:
    """A change about a whole team: its lead and parent team come with it."""
    return Change(kind, team.id, team.display_name, lead=team.lead, parent=team.parent)


def _team_id_changes(old: Org, new: Org) -> dict[str, str]:
    """Old id -> new id of the declared teams removed under one id and added under another
    with the same name (case aside); a name shared by several removed or added teams
    matches none of them."""
    removed = _by_unique_name(t for tid, t in old.teams_by_id.items() if tid not in new.teams_by_id)
    added = _by_unique_name(t for tid, t in new.teams_by_id.items() if tid not in old.teams_by_id)
    return {removed[key].id: team.id for key, team in added.items() if key in removed}


_Named = TypeVar("_Named", Person, Team)


def _by_unique_name(items: Iterable[_Named]) -> dict[str, _Named]:
    """Name (case folded) -> item, of the named people or teams whose name no other of them
    has (in their order)."""
    named = [(_folded(item.name), item) for item in items if item.name]
    counts = Counter(key for key, _item in named)
    return {key: item for key, item in named if counts[key] == 1}


def _team_changes(old: Org, new: Org, team_ids: dict[str, str],
                  replaced: dict[str, str]) -> list[Change]:
    """The changes of the declared teams, in the new file's order, then the removed ones;
    a lead or parent that only changed its id (`replaced`, `team_ids`) is no change."""
    changes: list[Change] = []
    old_teams, new_teams = old.teams_by_id, new.teams_by_id
    previous = {new_id: old_id for old_id, new_id in team_ids.items()}
    renames = {"lead": replaced, "parent": team_ids, "color": {}}
    for tid, team in new_teams.items():
        before = old_teams.get(previous.get(tid, tid))
        if before is None:
            changes.append(_whole_team("team-added", team))
            continue
        if before.id != tid:
            changes.append(Change("team-idchanged", tid, team.display_name, before.id, tid,
                                  "id"))
        if not _same(before.display_name, team.display_name):
            changes.append(Change("team-renamed", tid, team.display_name,
                                  before.display_name, team.display_name, "name"))
        for fld in _TEAM_FIELDS:
            a, b = getattr(before, fld), getattr(team, fld)
            if renames[fld].get(a or "", a) != b:
                changes.append(Change("team-changed", tid, team.display_name, a, b, fld))
    changes += [_whole_team("team-removed", team)
                for tid, team in old_teams.items() if tid not in new_teams and tid not in team_ids]
    return changes


def repeated_ids(org: Org) -> list[Problem]:
    """The duplicate-id errors of people whose id an earlier person has (people are matched by
    id: the later one would never be compared, its changes never reported)."""
    from orgviz.validate import repeated_id_errors

    return [problem for problem in repeated_id_errors(org)
            if problem.message.startswith("duplicate person id")]


def _filled_under_new_ids(old: Org, new: Org, moved_ids: dict[str, str]) -> dict[str, str]:
    """Old id -> new id of open positions removed while someone was added with the same
    title and manager (HR systems give the hire an id of their own): when exactly one
    removed open position and one added person match."""
    return _same_positions(old, new, moved_ids, was_open=True, now_open=False)


def _opened_under_new_ids(old: Org, new: Org, moved_ids: dict[str, str]) -> dict[str, str]:
    """Old id -> new id of people removed while an open position was added with the same
    title and manager (the backfill of who left, under an id of its own): when exactly one
    removed person and one added open position match."""
    return _same_positions(old, new, moved_ids, was_open=False, now_open=True)


def _same_positions(old: Org, new: Org, moved_ids: dict[str, str], was_open: bool,
                    now_open: bool) -> dict[str, str]:
    """Old id -> new id of the positions removed (open ones when `was_open`, else filled
    ones) while one was added (open when `now_open`) with the same title and manager (by new
    id); a title and manager that two removed or two added positions share match none,
    except open positions both: as many removed as added are paired in file order (they
    differ in their ids alone)."""
    removed = [p for pid, p in old.by_id.items()
               if pid not in new.by_id and p.vacant == was_open and pid not in moved_ids]
    taken = set(moved_ids.values())
    added = [p for pid, p in new.by_id.items()
             if pid not in old.by_id and p.vacant == now_open and pid not in taken]
    if not removed or not added:
        return {}
    # What the two positions are matched on: the title and the manager (by new id).
    before: dict[tuple[str | None, str | None], list[str]] = {}
    for person in removed:
        if person.title:
            manager = moved_ids.get(person.reports_to or "", person.reports_to)
            before.setdefault((_nfc(person.title), manager), []).append(person.id)
    after: dict[tuple[str | None, str | None], list[str]] = {}
    for person in added:
        after.setdefault((_nfc(person.title), person.reports_to), []).append(person.id)
    in_order = was_open and now_open
    return {old_id: new_id for key, old_ids in before.items()
            if len(old_ids) == len(after.get(key, ())) and (in_order or len(old_ids) == 1)
            for old_id, new_id in zip(old_ids, after[key], strict=True)}


def _id_changes(old: Org, new: Org) -> dict[str, str]:
    """Old id -> new id of the people removed under one id and added under another: the same
    name (case aside), and the same title or the same manager (by new id: a manager whose
    id changed too is the same manager); a name shared by several removed or added people
    matches none of them. Then of the open positions removed and added with the same title
    and manager (each the only one of its title and manager)."""
    found: dict[str, str] = {}
    waiting: dict[str | None, list[tuple[Person, Person]]] = {}  # by the old manager's id
    todo = _same_names(old, new)[::-1]
    while todo:  # (a pair waits for its manager's match, once: linear in the pairs)
        before, after = todo.pop()
        if (_same(before.title, after.title)
                or found.get(before.reports_to or "", before.reports_to) == after.reports_to):
            found[before.id] = after.id
            todo.extend(waiting.pop(before.id, ()))
        else:
            waiting.setdefault(before.reports_to, []).append((before, after))
    # Then open positions, which have no name: by title and manager.
    return {**found, **_same_positions(old, new, found, was_open=True, now_open=True)}


def _same_names(old: Org, new: Org) -> list[tuple[Person, Person]]:
    """(old, new) people of one name (case aside), removed under one id and added under
    another, whose name no other removed or added person has."""
    removed = _by_unique_name(p for pid, p in old.by_id.items() if pid not in new.by_id)
    added = _by_unique_name(p for pid, p in new.by_id.items() if pid not in old.by_id)
    return [(removed[key], person) for key, person in added.items() if key in removed]


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
        return f"{pid} ({name})" if name and name != pid else _show(pid)

    return who


def _team_detail(c: Change, names: dict[str, str], teams: dict[str, str]) -> str:
    """What the line of a team's change (or a person's re-teaming) says after its id."""
    who, team = _naming(names), _naming(teams)
    if c.kind in ("team-added", "team-removed"):
        led = f"led by {who(c.lead)}" if c.lead else "no lead"
        return f": {led}" + (f", part of {team(c.parent)}" if c.parent else ", a top team")
    show = who if c.field == "lead" else team if c.field in ("parent", "team") else _show
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
        return f": {c.field} {_show(c.old)} -> {_show(c.new)}"
    if c.kind == "moved":
        return f": {who(c.old)} -> {who(c.new)}"
    return f": {_show(c.old)} -> {_show(c.new)}"


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


#: Longer revisions are refused (git's message would quote them whole).
MAX_REV_LENGTH = 256


def _check_rev(rev: str) -> None:
    """Refuse what is no single revision: an option, a range, a path, or spaces."""
    if len(rev) > MAX_REV_LENGTH:
        raise OrgvizError(f"--git '{one_line(rev[:40])}...': a revision of {len(rev):,} "
                          f"characters; give one of at most {MAX_REV_LENGTH}")
    if rev.startswith("-"):
        raise OrgvizError(f"--git {rev!r}: a revision cannot start with '-'")
    if ".." in rev or ":" in rev or not rev or not rev.isprintable() or any(
            c.isspace() for c in rev):
        raise OrgvizError(f"--git '{one_line(rev)}': give one revision (HEAD~1, a branch, a "
                          "tag or a commit), not a range, a path or text with spaces")


#: Symbolic links followed at a revision, one after another, before giving up (as a loop).
MAX_GIT_LINKS = 40


def _run_git(args: list[str], directory: str) -> subprocess.CompletedProcess[bytes]:
    """`git ARGS` run in `directory`, its output captured; OrgvizError when it cannot run.
    Its messages are git's English ones (LC_ALL=C), which `_git_blob` recognises."""
    try:
        return subprocess.run(["git", *args], cwd=directory, capture_output=True, timeout=60,
                              check=False, env={**os.environ, "LC_ALL": "C", "LANGUAGE": ""})
    except FileNotFoundError:
        raise OrgvizError("git is not installed: --git needs it") from None
    except (OSError, subprocess.SubprocessError) as exc:
        raise OrgvizError(f"cannot run git: {exc}") from None


def _git_blob(rev: str, directory: str, relative: str, shown: str) -> bytes:
    """The bytes of the blob `relative` (to `directory`) at `rev` (a symbolic link's target)."""
    spec = f"{rev}:./{relative}"
    # (`cat-file blob`, not `show`: a folder at `rev` is an error, not its listing)
    done = _run_git(["cat-file", "blob", spec], directory)
    if done.returncode != 0:
        message = done.stderr.decode("utf-8", "replace").strip().splitlines()
        reason = message[-1] if message else f"exit status {done.returncode}"
        if reason.endswith(f"{spec}: bad file"):
            reason = f"not a file in '{rev}' (a folder or a submodule)"
        elif reason.startswith("fatal: invalid object name") or reason.startswith(
                "fatal: Not a valid object name"):
            reason = (f"'{rev}' is no revision of this repository (a commit, branch or tag: "
                      "git log --oneline lists commits)")
        raise OrgvizError(f"{rev}:{shown}: {reason.removeprefix('fatal: ')}")
    return done.stdout


def _is_git_link(rev: str, directory: str, relative: str) -> bool:
    """Whether `relative` (to `directory`) is a symbolic link at `rev`."""
    done = _run_git(["--literal-pathspecs", "ls-tree", "-z", rev, "--", relative], directory)
    return done.returncode == 0 and done.stdout.startswith(b"120000 ")


def _git_show_relative(rev: str, directory: str, relative: str, shown: str) -> bytes:
    """The bytes of `relative` (to `directory`) at revision `rev`, symbolic links followed
    (as a checkout reads them); `shown` names it in errors."""
    for _ in range(MAX_GIT_LINKS):
        data = _git_blob(rev, directory, relative, shown)
        # (a link's blob is its target: one short line; an org file has several)
        if b"\n" in data or len(data) > 4096 or not _is_git_link(rev, directory, relative):
            return data
        target = data.decode("utf-8", "surrogateescape")
        if os.path.isabs(target):
            raise OrgvizError(f"{rev}:{shown}: a symbolic link to an absolute path "
                              f"at {rev} ({one_line(target)}): cannot be read from git")
        relative = os.path.normpath(os.path.join(os.path.dirname(relative), target))
    raise OrgvizError(f"{rev}:{shown}: more than {MAX_GIT_LINKS} symbolic links "
                      f"at {rev} (a loop?)")


def git_show(rev: str, path: str) -> tuple[bytes, str]:
    """The bytes of `path` at git revision `rev`, and a display name `rev:path`."""
    _check_rev(rev)
    directory = os.path.dirname(os.path.abspath(path)) or "."
    return (_git_show_relative(rev, directory, os.path.basename(path), path),
            f"{rev}:{path}")


#: At most this many files (the org file and its includes) are fetched from one revision.
MAX_GIT_FILES = 1000


def _included_paths(data: bytes, file: str) -> list[str]:
    """The relative paths an org file's `include:` names (none when it cannot be read)."""
    from orgviz.yamlread import YamlError, YMap, decode, read_yaml

    try:
        doc = read_yaml(decode(data, file), file)
    except YamlError:
        return []  # the loader reports it, with its location
    value = doc.get("include") if isinstance(doc, YMap) else None
    items = [value] if isinstance(value, str) else value if isinstance(value, list) else []
    return [item for item in items
            if isinstance(item, str) and item.strip() and not os.path.isabs(item)]


def _renamed_from(rev: str, directory: str, name: str) -> str | None:
    """The path (relative to `directory`) that the file `name` of `directory` had at `rev`,
    when git sees it renamed since (`git mv`, committed or not); None when it does not.

    `rev` is compared with the working tree, then with the index and then with HEAD: a
    rename staged by `git mv` stays one in the index however much the file was edited since.
    """
    prefix = _run_git(["rev-parse", "--show-prefix"], directory)
    if prefix.returncode != 0:
        return None
    here = prefix.stdout.decode("utf-8", "surrogateescape").rstrip("\n") + name
    for against in ([rev], ["--cached", rev], [rev, "HEAD"]):
        # (no optional locks: `git diff` would otherwise refresh the index, taking its lock)
        done = _run_git(["--no-optional-locks", "diff", "--no-ext-diff", "--no-relative",
                         "-M", "--name-status", "-z", "--diff-filter=R", *against, "--"],
                        directory)
        fields = done.stdout.decode("utf-8", "surrogateescape").split("\0")
        for status, before, after in zip(fields[::3], fields[1::3], fields[2::3],
                                         strict=False):
            if done.returncode == 0 and status.startswith("R") and after == here:
                return os.path.relpath(before, os.path.dirname(here) or ".")
    return None


def _fetch_top(rev: str, path: str) -> tuple[str, str, bytes]:
    """The absolute path, display name and bytes of the org file `path` as at `rev`: under
    the name it had then, when it was renamed since (git mv)."""
    top = os.path.abspath(path)
    base, name = os.path.dirname(top), os.path.basename(top)
    try:
        return top, path, _git_show_relative(rev, base, name, path)
    except OrgvizError as exc:
        before = _renamed_from(rev, base, name)
        if before is None:
            if "exists on disk, but not in" not in str(exc):
                raise
            raise OrgvizError(
                f"{rev}:{path}: not in '{rev}': added since, or renamed and changed too much "
                f"for git to see a rename; compare its old version by name: git show "
                f"{rev}:OLD-PATH | orgviz diff - {shlex.quote(path)}") from None
    display = os.path.normpath(os.path.join(os.path.dirname(path), before))
    return (os.path.normpath(os.path.join(base, before)), display,
            _git_show_relative(rev, base, before, display))


def _fetch_revision(rev: str, path: str, mirror: str) -> tuple[dict[str, str], str]:
    """Write `path` and the files it includes, as at `rev`, under `mirror` (the same layout,
    below the folder's absolute path); return each written file's display name by path, and
    the path of the org file written (its name at `rev`, when it was renamed since).

    An included file missing at `rev` is not written: the loader reports it where it is
    included."""
    top, shown_top, top_data = _fetch_top(rev, path)
    base = os.path.dirname(top)
    shown: dict[str, str] = {}
    pending = [(top, shown_top, top_data)]
    seen = {top}
    while pending:
        real, display, data = pending.pop()
        target = os.path.normpath(mirror + real)
        os.makedirs(os.path.dirname(target), exist_ok=True)
        with open(target, "wb") as handle:
            handle.write(data)
        shown[target] = f"{rev}:{display}"
        for item in _included_paths(data, display):
            child = os.path.normpath(os.path.join(os.path.dirname(real), item))
            if child in seen or len(seen) >= MAX_GIT_FILES:
                continue
            seen.add(child)
            child_display = os.path.normpath(os.path.join(os.path.dirname(display), item))
            try:
                child_data = _git_show_relative(rev, base, os.path.relpath(child, base),
                                                child_display)
            except OrgvizError:
                continue
            pending.append((child, child_display, child_data))
    return shown, os.path.normpath(mirror + top)


def load_git_version(rev: str, path: str) -> Org:
    """Load an org file, and the files it includes, as they were at a git revision (under the
    name it had then, when git saw it renamed since)."""
    from orgviz.errors import OrgLoadError
    from orgviz.loader import load

    _check_rev(rev)
    with tempfile.TemporaryDirectory(prefix="orgviz-diff-") as tmp:
        mirror = os.path.realpath(tmp)
        names, target = _fetch_revision(rev, path, mirror)

        def named(problems: Iterable[Problem]) -> list[Problem]:
            return [Problem(_display(p.file, names), p.line, p.col, p.level, p.rule,
                            _unmirror(p.message, names)) for p in problems]

        try:
            org = load(target)
        except OrgLoadError as exc:
            raise OrgLoadError(named(exc.problems)) from None
    org.file = names[target]
    org.load_problems = tuple(named([*org.load_problems, *repeated_ids(org)]))
    return org


def _display(file: str, names: dict[str, str]) -> str:
    """The `rev:path` name of a file under the mirror folder (others unchanged)."""
    return names.get(os.path.normpath(file), file)


def _unmirror(message: str, names: dict[str, str]) -> str:
    """A loader message with mirror paths replaced by their `rev:path` names."""
    for mirrored, display in names.items():
        message = message.replace(mirrored, display)
    return message


# --- drawing -------------------------------------------------------------------------------

#: Accent color of a changed card by its kind of change; unchanged cards have no accent, so
#: the changes stand out. Moved is violet: the charts draw dotted lines blue.
HIGHLIGHT = {"unlinked": "#C92A2A", "opened": "#E8590C", "added": "#2E9E44",
             "filled": "#2E9E44", "moved": "#7048E8", "retitled": "#C98A00",
             "reteamed": "#C98A00", "renamed": "#C98A00", "idchanged": "#C98A00",
             "changed": "#8A8F98"}
#: The legend's entries, in order, and the kinds each stands for (they share its color). A
#: card with changes of several entries has its accent band split into equal segments, one
#: per entry, in this order; its note line names each of them, in the same order.
_LEGEND = (("manager missing", ("unlinked",)),
           ("added or vacancy filled", ("added", "filled")), ("vacancy opened", ("opened",)),
           ("moved (new manager)", ("moved",)),
           ("retitled, re-teamed or renamed", ("retitled", "reteamed", "renamed", "idchanged")),
           ("other change", ("changed",)))
#: Removed people named in the subtitle; more are counted.
MAX_REMOVED_SHOWN = 8


def _note_parts(own: list[Change], names: dict[str, str],
                teams: dict[str, str] | None = None) -> list[tuple[str, str]]:
    """What changed, each in full and in a word or two, in the legend's order (`teams`:
    team names by id)."""
    kinds = {c.kind: c for c in own}
    parts: list[tuple[str, str]] = []
    if "unlinked" in kinds:
        boss, old = kinds["unlinked"].reports_to or "", kinds["unlinked"].old
        who = names.get(boss, boss)
        full = f"manager {who} not in this version"
        if kinds["unlinked"].field == "reports_to":  # (moved to the missing manager)
            full = f"moved from {names.get(old, old)} to {who}, not in this version"
        parts.append((full, f"manager {who} missing"))
    if "added" in kinds:
        parts.append(("new", "new"))
    elif "filled" in kinds:
        parts.append(("vacancy filled", "vacancy filled"))
    elif "opened" in kinds:
        word = "new open role" if kinds["opened"].new_position else "vacancy opened"
        parts.append((word, word))
    if "moved" in kinds:
        old = kinds["moved"].old
        parts.append((f"moved from {names.get(old, old)}" if old else "moved", "moved"))
    if "retitled" in kinds:
        parts.append((f"was {_show(kinds['retitled'].old)}", "retitled"))
    if "reteamed" in kinds:
        old_team = kinds["reteamed"].old
        parts.append((f"team was {(teams or {}).get(old_team, _show(old_team))}", "re-teamed"))
    if "renamed" in kinds:
        parts.append((f"was {_show(kinds['renamed'].old)}", "renamed"))
    if "idchanged" in kinds:
        parts.append((f"id was {kinds['idchanged'].old}", "new id"))
    if "changed" in kinds:
        fields = ", ".join(sorted({c.field or "" for c in own if c.kind == "changed"}))
        parts.append((f"changed: {fields}", f"changed: {fields}"))
    return parts


def _note_fits(note: str) -> bool:
    """Whether a note line fits a card without being cut short."""
    from orgviz.render.cards import PAD_X, TEAM_SIZE, WIDTH
    from orgviz.render.labels import text_width

    return text_width(note, TEAM_SIZE) <= WIDTH - 2 * PAD_X


def _card_note(own: list[Change], names: dict[str, str],
               teams: dict[str, str] | None = None) -> str:
    """The line a changed card shows instead of its team: what changed.

    Every change is named, so that each segment of a split accent band has its word: all
    in full when they fit the card; else the first in full and the others in a word; else
    all in a word (cut short at the card's edge if even that is too long)."""
    parts = _note_parts(own, names, teams)
    if len(parts) < 2:
        return "" if not parts else parts[0][0] if _note_fits(parts[0][0]) else parts[0][1]
    first, rest = parts[0], parts[1:]
    for words in ([full for full, _short in parts], [first[0], *(short for _full, short in rest)]):
        note = " · ".join(words)
        if _note_fits(note):
            return note
    return " · ".join(short for _full, short in parts)


def _accents(own: list[Change]) -> tuple[str, ...]:
    """The accent colors of a card with these changes: one per legend entry, in its order."""
    kinds = {c.kind for c in own}
    return tuple(HIGHLIGHT[group[0]] for _label, group in _LEGEND if kinds.intersection(group))


def changes_chart(new: Org, changes: list[Change], old_name: str, theme: Theme,
                  old: Org | None = None) -> Chart:
    """The chart of the new org with each changed card accented by its changes and noted
    (people are named as in the new org, else as in `old`).

    A card with changes of one legend entry has that entry's accent color; with changes of
    several, its accent band is split into one segment of each color, in legend order."""
    from dataclasses import replace

    from orgviz.render.chart import View, build_chart

    chart = build_chart(new, View(color_by="none"), theme)
    own: dict[str, list[Change]] = {}
    for change in changes:
        if change.kind not in TEAM_KINDS:  # (a team's id may be a person's too)
            own.setdefault(change.id, []).append(change)
    names = people_names(old or new, new)
    teams = team_names(old or new, new)
    cards = []
    present: set[str] = set()  # the accent colors shown
    for card in chart.cards:
        mine = own.get(card.id) if card.kind in ("person", "open") else None
        if mine:
            accents = _accents(mine)
            present.update(accents)
            cards.append(card._replace(color=accents[0], team=_card_note(mine, names, teams),
                                       accents=accents if len(accents) > 1 else ()))
        else:
            cards.append(card._replace(color=None))
    legend = tuple((label, HIGHLIGHT[kinds[0]]) for label, kinds in _LEGEND
                   if HIGHLIGHT[kinds[0]] in present)
    subtitle = f"Changes since {old_name}: {said(summary(changes))}"
    removed = [c.name for c in changes if c.kind == "removed"]
    teams = [_team_said(c) for c in changes if c.kind in ("team-added", "team-removed",
                                                          "team-renamed")]
    for label, items in (("removed", removed), ("teams", teams)):
        if items:  # (what no card shows)
            listed = ", ".join(items[:MAX_REMOVED_SHOWN])
            more = len(items) - MAX_REMOVED_SHOWN
            subtitle += f" · {label}: {listed}" + (f" and {more} more" if more > 0 else "")
    return replace(chart, cards=tuple(cards), legend=legend, legend_title="Changes",
                   subtitle=subtitle)


def _team_said(change: Change) -> str:
    """A team's change as the chart's subtitle names it: "Data added", "Ops removed",
    "Engineering renamed Platform Engineering"."""
    if change.kind == "team-renamed":
        return f"{_show(change.old)} renamed {_show(change.new)}"
    return f"{change.name} {'added' if change.kind == 'team-added' else 'removed'}"


def draw_changes(new: Org, changes: list[Change], old_name: str, fmt: str = "svg",
                 notes: list[str] | None = None, old: Org | None = None) -> bytes:
    """The new org drawn with its changes highlighted, as SVG, PNG, PDF or pinned DOT.

    Drawn like `orgviz render` (tidy layout, orgviz's own SVG), so it needs no Graphviz and
    looks the same with either engine. `notes` gets what the drawing had to change (a PNG
    scaled down to fit, say); without it, that is a Python warning.
    """
    from orgviz.render.pipeline import draw_chart
    from orgviz.render.themes import get_theme

    theme = get_theme("light", None)
    return draw_chart(changes_chart(new, changes, old_name, theme, old), theme, fmt,
                      purpose="diff", notes=notes)
