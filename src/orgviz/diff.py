"""Compare two versions of an org: people added, removed, moved, retitled, re-teamed."""

from __future__ import annotations

import os
import subprocess
import tempfile
from collections import Counter
from dataclasses import asdict, dataclass
from typing import Any

from orgviz.errors import OrgvizError
from orgviz.model import Org, Person

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


def git_show(rev: str, path: str) -> tuple[bytes, str]:
    """The bytes of `path` at git revision `rev`, and a display name `rev:path`."""
    if rev.startswith("-"):
        raise OrgvizError(f"--git {rev!r}: a revision cannot start with '-'")
    directory = os.path.dirname(os.path.abspath(path)) or "."
    spec = f"{rev}:./{os.path.basename(path)}"
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
        raise OrgvizError(f"git show {rev}:{path}: {reason.removeprefix('fatal: ')}")
    return done.stdout, f"{rev}:{path}"


def load_git_version(rev: str, path: str) -> Org:
    """Load an org file as it was at a git revision (includes are not followed)."""
    from orgviz.loader import load

    data, shown = git_show(rev, path)
    from orgviz.errors import OrgLoadError
    from orgviz.problem import Problem

    with tempfile.TemporaryDirectory(prefix="orgviz-diff-") as tmp:
        target = os.path.join(tmp, os.path.basename(path))
        with open(target, "wb") as handle:
            handle.write(data)
        try:
            org = load(target)
        except OrgLoadError as exc:
            raise OrgLoadError([Problem(shown if p.file == target else p.file, p.line, p.col,
                                        p.level, p.rule, p.message)
                                for p in exc.problems]) from None
    org.file = shown
    return org


# --- drawing -------------------------------------------------------------------------------

#: Card fill per change kind (the first kind of a person wins, in this order).
HIGHLIGHT = {"added": "#B7E4A7", "filled": "#B7E4A7", "opened": "#FFE2B8", "moved": "#B9D7F2",
             "retitled": "#FFF2A8", "reteamed": "#FFF2A8", "renamed": "#FFF2A8",
             "changed": "#EEEEEE"}
_LEGEND = (("added or filled", "#B7E4A7"), ("moved (new manager)", "#B9D7F2"),
           ("retitled, re-teamed, renamed", "#FFF2A8"), ("vacancy opened", "#FFE2B8"))


def _html(text: str) -> str:
    try:
        from orgviz.render.labels import html_label_text
    except ImportError:  # pragma: no cover - fallback while the render package is absent
        import html

        return html.escape(" ".join(text.split())).replace("\\", "\\\\")
    return html_label_text(text)


def to_dot(new: Org, changes: list[Change]) -> str:
    """DOT source of the new org with changed people highlighted and removed ones listed."""
    kinds: dict[str, list[Change]] = {}
    for change in changes:
        kinds.setdefault(change.id, []).append(change)
    node = {pid: f"p{i}" for i, pid in enumerate(new.by_id)}
    lines = ["digraph diff {",
             '  graph [rankdir=TB, nodesep=0.25, ranksep=0.5, fontname="Helvetica", pad=0.3];',
             '  node [shape=box, style="rounded,filled", fontname="Helvetica", fontsize=11,'
             ' fillcolor="#FFFFFF", color="#999999"];',
             '  edge [color="#888888", arrowhead=none];']
    for pid, person in new.by_id.items():
        own = kinds.get(pid, [])
        fill = next((HIGHLIGHT[k] for k in HIGHLIGHT if any(c.kind == k for c in own)),
                    "#FFFFFF")
        notes = [KINDS[c.kind] + (f": {_show(c.old)} → {_show(c.new)}"
                                  if c.kind in ("moved", "retitled", "reteamed") else "")
                 for c in own if c.kind != "changed"]
        rows = [f"<b>{_html(person.display_name)}</b>"]
        if person.title:
            rows.append(_html(person.title))
        rows += [f'<font point-size="9" color="#333333"><i>{_html(n)}</i></font>'
                 for n in notes]
        style = ', style="rounded,filled,dashed"' if person.vacant else ""
        width = ", penwidth=2" if own else ""
        lines.append(f'  {node[pid]} [label=<{"<br/>".join(rows)}>, fillcolor="{fill}"'
                     f"{style}{width}];")
    for pid, person in new.by_id.items():
        if person.reports_to in node and person.reports_to != pid:
            lines.append(f"  {node[person.reports_to]} -> {node[pid]};")
    removed = [c for c in changes if c.kind == "removed"]
    legend = "".join(f'<tr><td bgcolor="{color}" width="14"></td><td align="left">{_html(text)}'
                     "</td></tr>" for text, color in _LEGEND)
    if removed:
        shown = ", ".join(c.name if c.name == c.id else f"{c.name} ({c.id})"
                          for c in removed[:12]) + (
            f" and {len(removed) - 12} more" if len(removed) > 12 else "")
        legend += (f'<tr><td>−</td><td align="left">removed: {_html(shown)}</td></tr>')
    lines.append(f'  legend [shape=plaintext, style="", label=<<table border="0" '
                 f'cellspacing="3">{legend}</table>>];')
    lines.append("}")
    return "\n".join(lines) + "\n"
