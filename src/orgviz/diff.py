"""Compare two versions of an org: people added, removed, moved, retitled, re-teamed."""

from __future__ import annotations

import os
import subprocess
import tempfile
from collections import Counter
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING, Any

from orgviz.errors import OrgvizError
from orgviz.model import Org, Person

if TYPE_CHECKING:
    from orgviz.render.chart import Chart
    from orgviz.render.themes import Theme

#: Change kinds in report order, with the word used in summaries.
KINDS = {
    "added": "added", "removed": "removed", "moved": "moved", "retitled": "retitled",
    "reteamed": "re-teamed", "opened": "vacancy opened", "filled": "vacancy filled",
    "renamed": "renamed", "changed": "other change",
}
_MARKS = {"added": "+", "removed": "-", "moved": ">", "retitled": "~", "reteamed": "~",
          "opened": "o", "filled": "*", "renamed": "~", "changed": "~"}
_OTHER_FIELDS = ("dotted_to", "roles", "location", "email", "assistant")


@dataclass(frozen=True)
class Change:
    """One change of one position (matched by id)."""

    kind: str
    id: str
    name: str
    old: Any = None
    new: Any = None
    field: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {k: v for k, v in asdict(self).items() if v is not None}


def _label(person: Person) -> str:
    return person.display_name


def _show(value: Any) -> str:
    if value is None or value == ():
        return "(none)"
    if isinstance(value, tuple):
        return ", ".join(value)
    return str(value)


def diff_orgs(old: Org, new: Org) -> list[Change]:
    """All changes from `old` to `new`, people matched by id, in the new file's order."""
    changes: list[Change] = []
    old_people, new_people = old.by_id, new.by_id
    for pid, person in new_people.items():
        before = old_people.get(pid)
        if before is None:
            changes.append(Change("added", pid, _label(person), new=person.reports_to))
            if person.vacant:
                changes.append(Change("opened", pid, _label(person), new=person.title))
            continue
        if before.reports_to != person.reports_to:
            changes.append(Change("moved", pid, _label(person), before.reports_to,
                                  person.reports_to))
        if before.title != person.title:
            changes.append(Change("retitled", pid, _label(person), before.title, person.title))
        if before.team != person.team:
            changes.append(Change("reteamed", pid, _label(person), before.team, person.team))
        if person.vacant and not before.vacant:
            changes.append(Change("opened", pid, _label(person), before.name, person.title))
        elif before.vacant and not person.vacant:
            changes.append(Change("filled", pid, _label(person), before.title, person.name))
        elif before.name != person.name and not person.vacant:
            changes.append(Change("renamed", pid, _label(person), before.name, person.name))
        for fld in _OTHER_FIELDS:
            a, b = getattr(before, fld), getattr(person, fld)
            if fld == "roles" and "explicit" not in (before.role_source, person.role_source):
                continue  # inferred from the title: already reported as retitled
            if a != b:
                changes.append(Change("changed", pid, _label(person), a, b, fld))
    for pid, person in old_people.items():
        if pid not in new_people:
            changes.append(Change("removed", pid, _label(person), old=person.reports_to))
    return changes


def summary(changes: list[Change]) -> dict[str, int]:
    """Count of changes per kind (every kind, zero included)."""
    counts = Counter(c.kind for c in changes)
    return {kind: counts[kind] for kind in KINDS}


def format_text(changes: list[Change], old_name: str, new_name: str) -> str:
    """One line per change, grouped by kind, then a summary line."""
    counts = summary(changes)
    lines = []
    for kind in KINDS:
        for c in (c for c in changes if c.kind == kind):
            who = f"{c.id} ({c.name})" if c.name != c.id else c.id
            if kind == "added":
                detail = f" reports to {c.new}" if c.new else " (a top)"
            elif kind == "removed":
                detail = f" (reported to {c.old})" if c.old else ""
            elif kind == "opened":
                detail = f": {c.new}" if c.new else ""
            elif kind == "filled":
                detail = f" by {c.new}"
            elif kind == "changed":
                detail = f": {c.field} {_show(c.old)} -> {_show(c.new)}"
            else:
                detail = f": {_show(c.old)} -> {_show(c.new)}"
            lines.append(f"{_MARKS[kind]} {KINDS[kind]:<15} {who}{detail}")
    parts = [f"{n} {KINDS[k]}" for k, n in counts.items() if n]
    lines.append(f"{old_name} -> {new_name}: " + (", ".join(parts) if parts else "no changes"))
    return "\n".join(lines) + "\n"


def to_json(changes: list[Change], old_name: str, new_name: str) -> dict[str, Any]:
    """The JSON form: files, summary counts and the list of changes."""
    return {"old": old_name, "new": new_name, "summary": summary(changes),
            "changes": [c.to_dict() for c in changes]}


def _check_rev(rev: str) -> None:
    if rev.startswith("-"):
        raise OrgvizError(f"--git {rev!r}: a revision cannot start with '-'")


def _git_show_relative(rev: str, directory: str, relative: str, shown: str) -> bytes:
    """The bytes of `relative` (to `directory`) at revision `rev`; `shown` names it in errors."""
    spec = f"{rev}:./{relative}"
    try:
        done = subprocess.run(["git", "show", spec], cwd=directory, capture_output=True,
                              timeout=60, check=False)
    except FileNotFoundError:
        raise OrgvizError("git is not installed: --git needs it") from None
    except (OSError, subprocess.SubprocessError) as exc:
        raise OrgvizError(f"cannot run git: {exc}") from None
    if done.returncode != 0:
        message = done.stderr.decode("utf-8", "replace").strip().splitlines()
        reason = message[-1] if message else f"exit status {done.returncode}"
        raise OrgvizError(f"git show {rev}:{shown}: {reason.removeprefix('fatal: ')}")
    return done.stdout


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


def _fetch_revision(rev: str, path: str, mirror: str) -> dict[str, str]:
    """Write `path` and the files it includes, as at `rev`, under `mirror` (the same layout,
    below the folder's absolute path); return each written file's display name by path.

    An included file missing at `rev` is not written: the loader reports it where it is
    included."""
    top = os.path.abspath(path)
    base = os.path.dirname(top)
    shown: dict[str, str] = {}
    pending = [(top, path, _git_show_relative(rev, base, os.path.basename(path), path))]
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
    return shown


def load_git_version(rev: str, path: str) -> Org:
    """Load an org file, and the files it includes, as they were at a git revision."""
    from orgviz.errors import OrgLoadError
    from orgviz.loader import load
    from orgviz.problem import Problem

    _check_rev(rev)
    with tempfile.TemporaryDirectory(prefix="orgviz-diff-") as tmp:
        mirror = os.path.realpath(tmp)
        names = _fetch_revision(rev, path, mirror)
        target = os.path.normpath(mirror + os.path.abspath(path))

        def named(problems: Iterable[Problem]) -> list[Problem]:
            return [Problem(_display(p.file, names), p.line, p.col, p.level, p.rule,
                            _unmirror(p.message, names)) for p in problems]

        try:
            org = load(target)
        except OrgLoadError as exc:
            raise OrgLoadError(named(exc.problems)) from None
    org.file = names[target]
    org.load_problems = tuple(named(org.load_problems))
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

#: Accent color of a changed card by the kind that names it (the first kind of a person, in
#: this order, wins); unchanged cards have no accent, so the changes stand out.
HIGHLIGHT = {"opened": "#E8590C", "added": "#2E9E44", "filled": "#2E9E44", "moved": "#2F6FD0",
             "retitled": "#C98A00", "reteamed": "#C98A00", "renamed": "#C98A00",
             "changed": "#8A8F98"}
_LEGEND = (("added or vacancy filled", ("added", "filled")), ("vacancy opened", ("opened",)),
           ("moved (new manager)", ("moved",)),
           ("retitled, re-teamed or renamed", ("retitled", "reteamed", "renamed")),
           ("other change", ("changed",)))
#: Removed people named in the subtitle; more are counted.
MAX_REMOVED_SHOWN = 8


def _card_note(own: list[Change], names: dict[str, str]) -> str:
    """The line a changed card shows instead of its team: what changed."""
    kinds = {c.kind: c for c in own}
    if "added" in kinds:
        return "new open role" if "opened" in kinds else "new"
    if "filled" in kinds:
        return "vacancy filled"
    if "opened" in kinds:
        return "vacancy opened"
    parts = []
    if "moved" in kinds:
        old = kinds["moved"].old
        parts.append(f"moved from {names.get(old, old)}" if old else "moved")
    if "retitled" in kinds:
        parts.append(f"was {_show(kinds['retitled'].old)}")
    if "reteamed" in kinds:
        parts.append(f"team was {_show(kinds['reteamed'].old)}")
    if "renamed" in kinds:
        parts.append(f"was {_show(kinds['renamed'].old)}")
    if not parts and "changed" in kinds:
        parts.append("changed: " + ", ".join(sorted({c.field or "" for c in own
                                                       if c.kind == "changed"})))
    return " · ".join(parts)


def changes_chart(new: Org, changes: list[Change], old_name: str, theme: Theme) -> Chart:
    """The chart of the new org with each changed card accented by its change and noted."""
    from dataclasses import replace

    from orgviz.render.chart import View, build_chart

    chart = build_chart(new, View(color_by="none"), theme)
    own: dict[str, list[Change]] = {}
    for change in changes:
        own.setdefault(change.id, []).append(change)
    names = {pid: person.display_name for pid, person in new.by_id.items()}
    cards = []
    present: set[str] = set()  # the kinds that colour a card
    for card in chart.cards:
        mine = own.get(card.id) if card.kind in ("person", "open") else None
        if mine:
            kind = next(k for k in HIGHLIGHT if any(c.kind == k for c in mine))
            present.add(kind)
            cards.append(card._replace(color=HIGHLIGHT[kind], team=_card_note(mine, names)))
        else:
            cards.append(card._replace(color=None))
    legend = tuple((label, HIGHLIGHT[kinds[0]]) for label, kinds in _LEGEND
                   if present.intersection(kinds))
    counts = summary(changes)
    said = ", ".join(f"{n} {KINDS[k]}" for k, n in counts.items() if n) or "no changes"
    subtitle = f"Changes since {old_name}: {said}"
    removed = [c for c in changes if c.kind == "removed"]
    if removed:
        listed = ", ".join(c.name for c in removed[:MAX_REMOVED_SHOWN])
        more = len(removed) - MAX_REMOVED_SHOWN
        subtitle += f" · removed: {listed}" + (f" and {more} more" if more > 0 else "")
    return replace(chart, cards=tuple(cards), legend=legend, legend_title="Changes",
                   subtitle=subtitle)


def draw_changes(new: Org, changes: list[Change], old_name: str, fmt: str = "svg",
                 notes: list[str] | None = None) -> bytes:
    """The new org drawn with its changes highlighted, as SVG, PNG, PDF or pinned DOT.

    Drawn like `orgviz render` (tidy layout, orgviz's own SVG), so it needs no Graphviz and
    looks the same with either engine. `notes` gets what the drawing had to change (a PNG
    scaled down to fit, say); without it, that is a Python warning.
    """
    from orgviz.render.pipeline import draw_chart
    from orgviz.render.themes import get_theme

    theme = get_theme("light", None)
    return draw_chart(changes_chart(new, changes, old_name, theme), theme, fmt, purpose="diff",
                      notes=notes)
