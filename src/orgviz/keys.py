"""The keys of an org file's mappings, and what an unknown key was meant to be."""

from __future__ import annotations

from collections.abc import Iterable

from orgviz.problem import closest, one_line

TOP_KEYS = ("orgviz", "org", "roles", "teams", "people", "rules", "include")
INCLUDED_KEYS = ("orgviz", "roles", "teams", "people", "include")
ORG_KEYS = ("name", "size", "date", "description")
PERSON_KEYS = ("id", "name", "title", "role", "reports_to", "dotted_to", "team", "vacant",
               "assistant", "location", "email", "fte")
TEAM_KEYS = ("id", "name", "color", "parent", "lead")
PERSON_KEY_SET = frozenset(PERSON_KEYS)
ROLE_KEYS = ("id", "name", "level", "titles")
ORG_KEY_SET = frozenset(ORG_KEYS)
#: Keys other formats give their version under (`orgviz` is this format's).
VERSION_KEYS = frozenset(("version", "format", "format_version", "schema_version",
                          "orgviz_version"))

#: The person key of each field an HR export's header can name (`io.columns.SPELLINGS`).
_PERSON_KEY_OF_FIELD = {"id": "id", "manager": "reports_to", "name": "name",
                        "first_name": "name", "last_name": "name", "title": "title",
                        "role": "role", "grade": "role", "team": "team", "team_name": "team",
                        "location": "location", "email": "email", "vacant": "vacant",
                        "dotted_to": "dotted_to", "assistant": "assistant", "fte": "fte"}
#: Other words for the keys of a team and of the org header (normalised as headers are).
_OTHER_WORDS = {TEAM_KEYS: {"manager": "lead", "managerid": "lead", "head": "lead",
                            "leader": "lead", "owner": "lead", "leadid": "lead",
                            "parentid": "parent", "parentteam": "parent"},
                ORG_KEYS: {"company": "name", "companyname": "name", "orgname": "name",
                           "title": "name", "profile": "size"}}
#: Other words for the lists at the top of an org file or an included one.
_LIST_WORDS = {"person": "people", "persons": "people", "employees": "people",
               "employee": "people", "staff": "people", "members": "people",
               "positions": "people", "team": "teams", "role": "roles"}


def unknown_key(key: object, allowed: tuple[str, ...], what: str,
                cut: tuple[str, str] | None = None, after_entries: bool = False) -> str:
    """The message for a key of `what` (a mapping whose keys are `allowed`, one of the
    tuples above) that is not one of them: where it belongs, or which key it means. `cut`:
    the key and text before a key without a value, which may be the rest of that text
    after a ',' that ended it in a {...} mapping (`{title: VP, Sales}`); `after_entries`:
    whether the key comes after a list of entries (`people:`), as a key of its last entry
    indented too little does."""
    if allowed is TOP_KEYS and key in ORG_KEY_SET and not (
            after_entries and key in PERSON_KEY_SET):
        return f"'{key}' belongs in the org header: indent it under 'org:' (org: {{{key}: ...}})"
    if allowed is INCLUDED_KEYS and key in TOP_KEYS:  # (`org:`, `rules:`)
        return (f"'{key}' belongs in the org file that includes this one (an included file "
                f"holds {', '.join(allowed)})")
    if (allowed is TOP_KEYS or allowed is INCLUDED_KEYS) and after_entries and (
            key in PERSON_KEY_SET and key not in _LIST_WORDS):  # (`team:` for `teams:`)
        return (f"'{key}' is a key of a person, at the top of the file here: indent it as the "
                "keys of the entry above it are")
    if _unspaced(key, allowed):
        head, _, tail = str(key).partition(":")
        return one_line(f"unknown key '{key}' in {what}: a key needs a space after its ':', "
                        f"as in '{head}: {tail}'")
    meant = meant_key(key, allowed)
    if cut is not None and not meant:
        return one_line(f"unknown key '{key}' in {what}: if it goes on the '{cut[0]}' before "
                        f"it (a ',' ends a value in {{...}}), put that value in quotes: "
                        f"{cut[0]}: \"{cut[1]}, {key}\"")
    return one_line(f"unknown key '{key}' in {what}"
                    + (f"; did you mean '{meant}'?" if meant else "")
                    + f" (allowed: {', '.join(allowed)})")


def meant_key(key: object, allowed: tuple[str, ...]) -> str | None:
    """The allowed key that the message of an unknown key suggests (`Reports_To`, `manager`:
    'reports_to'), or None."""
    meant = _meant_key(key, allowed) or _unspaced(key, allowed)
    if meant:
        return meant
    folded = str(key).casefold().replace("-", "_").replace(" ", "_")  # (`ID`, `Reports-To`)
    if folded in allowed:
        return folded
    return closest(str(key), allowed)


def names_a_manager_elsewhere(keys: Iterable[object]) -> bool:
    """Whether a person's keys give the manager under another word or spelling than
    `reports_to` (`manager`, `ReportsTo`, `supervisor`, `report_to`: reported as unknown
    keys that mean it)."""
    return any(key not in PERSON_KEY_SET and meant_key(key, PERSON_KEYS) == "reports_to"
               for key in keys)


def _unspaced(key: object, allowed: tuple[str, ...]) -> str | None:
    """The allowed key of `id:ceo` (a key and its value without a space between, which YAML
    reads as one key in a {...} mapping), or None."""
    head, colon, tail = str(key).partition(":")
    return head if colon and tail and head in allowed else None


def _meant_key(key: object, allowed: tuple[str, ...]) -> str | None:
    """The key an unknown key means when it is another word for it: a person key spelt as
    HR exports spell their columns (`manager`, `position`, `department`, `email_address`
    ...), a team's `manager` (its lead), the org header's `company` (its name), `person`
    for `people`; or None."""
    if not isinstance(key, str):
        return None
    if allowed is TOP_KEYS or allowed is INCLUDED_KEYS:
        return _LIST_WORDS.get(key.casefold())
    if allowed is not PERSON_KEYS and allowed not in _OTHER_WORDS:
        return None
    from orgviz.io.columns import SPELLINGS, normalise_header  # (only for a message)

    folded = normalise_header(key)
    if allowed is not PERSON_KEYS:
        return _OTHER_WORDS[allowed].get(folded)
    return next((_PERSON_KEY_OF_FIELD[field] for field, spellings in SPELLINGS.items()
                 if field in _PERSON_KEY_OF_FIELD and folded in spellings), None)
