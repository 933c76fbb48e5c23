"""A change between two versions of an org, its kinds, and how its values compare and show."""

from __future__ import annotations

import unicodedata
from dataclasses import asdict, dataclass
from typing import Any

from orgviz.fte import fte_text

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
    "org-changed": ("org change", "org changes"),
    "rule-changed": ("rule changed", "rules changed"),
}
#: The kinds of change of a declared team (`teams:`), not of a position.
TEAM_KINDS = ("team-added", "team-removed", "team-idchanged", "team-renamed", "team-changed")
#: The kinds of change of the whole org: its header (`org:`) and its `rules:` block.
ORG_KINDS = ("org-changed", "rule-changed")


@dataclass(frozen=True)
class Change:
    """One change of one position (matched by id).

    A field change (moved, retitled, re-teamed, renamed, id changed, other) has `field` and
    its `old` and `new` values. Added and removed positions, vacancies opened and filled,
    and people whose manager is missing carry the position's `title`, `team` and
    `reports_to` (in the version that has it), as does an open position without a name whose
    id changed (told from another by them: `unnamed_opening`, which JSON leaves out, as
    the title and manager it has say so); an opened vacancy has the `previous_holder`
    (None for a new position) and `new_position`; a filled vacancy the `old` id of the open
    position (`field` "id"), or, filled by someone whose id changed to its id, open for
    another title, that title (`old`, `new` theirs, `field` "title"). A person moved to a
    missing manager is one `unlinked` change with the `old` manager (`field` "reports_to"),
    not also `moved`. A change of a declared team (a kind of TEAM_KINDS) has the team's `id`
    and `name`; an added or removed team also its `lead` and `parent` (in the version that
    has it). A
    changed dotted line (`changed`, field "dotted_to"), team (`reteamed`), or team lead or
    parent (`team-changed`) whose new value names no one (no declared team) in the new
    version has those ids in `missing`: an id left as it was after its person's (team's) id
    changed, or its person (team) was removed, is such a change; so does an added
    position's manager, or an added team's lead, who is no one in the new version. An old
    value that names
    no person in the old version (a manager, dotted line or team lead before, a removed
    position's manager, a removed team's lead: a line broken there) has those ids in
    `old_missing`.
    A field change whose values are ids of people or declared teams (a manager, a team, a
    team's lead or parent, dotted lines) has the names they stand for: `old_name` in the
    old version, `new_name` in the new (for dotted lines, a name or None for each id),
    since one id may name one person (team) before and another now, after ids swapped.
    A change of the org (ORG_KINDS): `org-changed` is one header field (`field` name, size
    or date; `id` "org", `name` the new version's org name) with its `old` and `new`
    values; `rule-changed` the setting of one rule of the `rules:` block (`id` and `name`
    the rule id, `field` "rules"), each value a mapping of its `level` and options, none
    when the rule is not in the block.
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
    missing: tuple[str, ...] | None = None
    old_missing: tuple[str, ...] | None = None
    old_name: Any = None
    new_name: Any = None
    unnamed_opening: bool = False

    def to_dict(self) -> dict[str, Any]:
        """The change as JSON has it: its fields that have a value (but `unnamed_opening`)."""
        return {k: v for k, v in asdict(self).items()
                if v is not None and k != "unnamed_opening"}


def show_value(value: Any) -> str:
    """A field's value as reports show it: "(none)" for none, a list joined, an FTE as FTE,
    a flag as YAML writes it (true, false)."""
    if value is None or value == ():
        return "(none)"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, tuple):
        return ", ".join(value)
    if isinstance(value, float):
        return fte_text(value)
    return str(value)


def same_value(a: Any, b: Any) -> bool:
    """Whether two values of a field are the same: texts in any Unicode form (José written
    with a combining accent is no rename)."""
    if a == b:  # (most values are: no normalizing then)
        return True
    return isinstance(a, str) and isinstance(b, str) and nfc(a) == nfc(b)


def folded(name: str | None) -> str:
    """A name as names are matched: case and Unicode form aside."""
    return nfc(name).casefold()


def nfc(text: str | None) -> str:
    """A text in Unicode's composed form (None: empty)."""
    return unicodedata.normalize("NFC", text or "")
