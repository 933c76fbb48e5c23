"""UK civil-service grades (an organogram's "Grade (or equivalent)") as roles of the ladder.

A grade says a post's rank where its title does not: a Deputy Director's post is often
titled "Head of ...", and a Director (SCS2) is above them, where the built-in ladder puts
a Head above a Director. An import whose grade column holds Senior Civil Service grades
(SCS1 to SCS4: the senior posts of an organogram), and the grouped junior posts of
`--junior`, take their roles from the grades; posts of other grades keep the title's role.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from orgviz.roles import Role

#: The roles of the grades, most senior first (levels in the ladder's order; the junior
#: grades are only ever compared with the senior post they report to).
GRADE_ROLES: tuple[Role, ...] = (
    Role("scs4", "Permanent Secretary (SCS4)", "ceo"),
    Role("scs3", "Director General (SCS3)", "c-level"),
    Role("scs2", "Director (SCS2)", "vp"),
    Role("scs1", "Deputy Director (SCS1)", "head"),
    Role("grade-6", "Grade 6", "manager"),
    Role("grade-7", "Grade 7", "manager"),
    Role("seo", "Senior Executive Officer", "senior-ic"),
    Role("heo", "Higher Executive Officer", "ic"),
    Role("eo", "Executive Officer", "ic"),
    Role("ao", "Administrative Officer", "associate"),
    Role("aa", "Administrative Assistant", "associate"),
)
GRADE_ROLE_IDS = frozenset(role.id for role in GRADE_ROLES)

# On the folded grade (lower case, runs of spaces and punctuation as one space). The grades
# of other bodies' "equivalent" columns (Grade 7 (GEO), HEO-D, SCS1A, SCS Pay Band 2) count.
_GRADES = tuple((re.compile(pattern), role) for pattern, role in (
    (r"^(scs|senior civil service)( pay)?( band)? ?4\b|^permanent secretary\b", "scs4"),
    (r"^(scs|senior civil service)( pay)?( band)? ?3\b|^director general\b", "scs3"),
    (r"^(scs|senior civil service)( pay)?( band)? ?2\b", "scs2"),
    (r"^(scs|senior civil service)( pay)?( band)? ?1( ?a)?\b", "scs1"),
    (r"^(grade|g) ?6\b", "grade-6"),
    (r"^(grade|g) ?7\b", "grade-7"),
    (r"^(seo|senior executive officer)\b", "seo"),
    (r"^(heo|higher executive officer)\b", "heo"),
    (r"^(eo|executive officer)\b", "eo"),
    (r"^(ao|administrative officer)\b", "ao"),
    (r"^(aa|administrative assistant)\b", "aa"),
))
_SEPARATORS = re.compile(r"[^a-z0-9]+")


def grade_role(grade: str | None) -> str | None:
    """The role id of a civil-service grade ('SCS2', 'Grade 7 (GEO)', 'HEO-D'), else None."""
    if not grade:
        return None
    folded = _SEPARATORS.sub(" ", grade.casefold()).strip()
    for pattern, role in _GRADES:
        if pattern.search(folded):
            return role
    return None


def senior_grades(grades: Sequence[str | None]) -> bool:
    """Whether a grade column is an organogram's: some value is a Senior Civil Service
    grade (SCS1 to SCS4). Other files' grade, band or level columns mean other things."""
    return any(grade_role(g) in _SENIOR for g in set(grades))


_SENIOR = frozenset({"scs1", "scs2", "scs3", "scs4"})


def roles_of_grades(roles: Iterable[tuple[str, ...]], grades: Sequence[str | None]
                    ) -> list[tuple[str, ...]]:
    """Each row's roles: as given, else its grade's role (when its grade is a known one)."""
    by_grade = {grade: grade_role(grade) for grade in set(grades)}
    return [held or ((role,) if (role := by_grade[grade]) else ())
            for held, grade in zip(roles, grades, strict=True)]


def used_roles(roles: Iterable[tuple[str, ...]]) -> tuple[Role, ...]:
    """The grade roles that some of `roles` name, in the ladder's order (for `roles:`)."""
    named: set[str] = set()
    for held in roles:
        named.update(held)
    return tuple(role for role in GRADE_ROLES if role.id in named)
