"""Compare two versions of an org: people added, removed, moved, retitled, re-teamed; its
teams, header and rule settings changed.

`change` holds the Change record and its kinds, `pairing` finds who was re-registered
under a new id, `teams` which declared team, `match` compares the two versions
(`diff_orgs`), `report` counts and words the changes, `git` reads a version from git and
`draw` charts the changes.
"""

from orgviz.diff.change import KINDS, ORG_KINDS, TEAM_KINDS, Change
from orgviz.diff.draw import (
    HIGHLIGHT,
    MAX_REMOVED_SHOWN,
    changes_chart,
    draw_changes,
)
from orgviz.diff.git import (
    MAX_GIT_FILES,
    MAX_GIT_LINKS,
    MAX_REV_LENGTH,
    load_git_version,
)
from orgviz.diff.match import diff_orgs, repeated_ids
from orgviz.diff.report import format_text, people_names, said, summary, team_names, to_json

__all__ = [
    "HIGHLIGHT", "KINDS", "MAX_GIT_FILES", "MAX_GIT_LINKS", "MAX_REMOVED_SHOWN",
    "MAX_REV_LENGTH", "ORG_KINDS", "TEAM_KINDS", "Change", "changes_chart", "diff_orgs",
    "draw_changes", "format_text", "load_git_version", "people_names", "repeated_ids", "said",
    "summary", "team_names", "to_json",
]
