"""Problems found in org files: immutable, sortable records with a source location."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, NamedTuple, TypeVar

if TYPE_CHECKING:
    from orgviz.model import Org

LEVELS = ("error", "warning", "info")
#: Not printable, but part of how text reads: the joiners of emoji sequences and scripts.
_JOINERS = frozenset("\u200c\u200d")


def one_line(text: str) -> str:
    """Text safe to print on one line of a terminal or a CI log: characters that are not
    printable (line breaks, tabs, escape sequences, bidirectional controls that reorder the
    line) written as `\\uXXXX`, so that a name cannot fake a `file:line:col` line of its own,
    colour the terminal or reverse what follows it."""
    if text.isprintable():  # (almost always: at C speed)
        return text
    return "".join(c if c.isprintable() or c in _JOINERS else f"\\u{ord(c):04X}"
                   for c in text)


def closest(word: str, choices: Iterable[str]) -> str | None:
    """The one of `choices` closest in spelling to `word`, if any is close enough."""
    import difflib  # only for messages: not at startup

    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return close[0] if close else None


def did_you_mean(word: str, choices: Iterable[str],
                 show: Callable[[str], str] = "'{}'".format) -> str:
    """"; did you mean 'x'?" for the closest of `choices` (as `show` shows it), or "" (for a
    message's end)."""
    close = closest(word, choices)
    return f"; did you mean {show(close)}?" if close is not None else ""


def name_hint(ids: Sequence[str], option: str, what: str = "name") -> str:
    """"; it is the name of 'x': write --root x" when a user gave a name (or `what`: an
    email) where `option` takes an id (`ids`: those with that name), or "" (for a message's
    end)."""
    import shlex

    if len(ids) == 1:
        return f"; it is the {what} of '{ids[0]}': write {option} {shlex.quote(ids[0])}"
    if ids:
        return f"; it is the {what} of {quoted(ids)}: {option} takes one of their ids"
    return ""


_Item = TypeVar("_Item")


def quoted(ids: Sequence[_Item], limit: int = 5,
           show: Callable[[_Item], str] = "'{}'".format) -> str:
    """"'a', 'b', 'c'" (each id, or other item, as `show` gives it: only the first `limit`
    are shown), with " and N more" beyond `limit`."""
    return ", ".join(map(show, ids[:limit])) + (
        f" and {len(ids) - limit:,} more" if len(ids) > limit else "")


def part_hint(ids: Sequence[str], show: Callable[[str], str] = "'{}'".format) -> str:
    """"; did you mean 'amara-okafor'?" (or "one of ...") for the people whose id or name
    has the word a user gave (`Org.ids_with_word`), or "" (for a message's end)."""
    if not ids:
        return ""
    return (f"; did you mean {show(ids[0])}?" if len(ids) == 1 else
            f"; did you mean one of {quoted(ids, 3, show)}?")


def person_hint(org: Org, word: str, option: str, team_option: str | None = None) -> str:
    """The end of "no person with id 'x' (--root)": the id of the person so named, the
    closest id, the people with that word in their id or name ("amara": 'amara-okafor'
    (Amara Okafor)), or, with `team_option`, that it is a team's id; or ""."""
    import shlex

    by_id = org.by_id
    team = org.teams_by_id.get(word)
    if team is not None and team_option:
        return f"; '{word}' is a team: {team_option} {shlex.quote(word)} draws it"
    if team is not None:
        lead = f", such as its lead's: {option} {shlex.quote(team.lead)}" if (
            team.lead in by_id) else ""
        return f"; '{word}' is a team, and {option} takes a person's id{lead}"

    def show(pid: str) -> str:
        name = by_id[pid].name
        return f"'{pid}' ({name})" if name else f"'{pid}'"

    return (name_hint(org.ids_named(word), option)
            or name_hint(org.ids_with_email(word), option, "email")
            or did_you_mean(word, by_id, show)
            or part_hint(org.ids_with_word(word), show))


class SourceLoc(NamedTuple):
    """Where something stands in a file: 1-based line and column."""

    file: str
    line: int
    col: int

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.col}"


class Problem(NamedTuple):
    """One finding: where, how bad, which rule, and what to do about it.

    Problems order by file, line, column, level, rule and message. They are tuples (so
    hashing, sorting and comparing them run in C), but a problem is only ever equal to
    another problem, never to a plain tuple of the same values.
    """

    file: str
    line: int
    col: int
    level: str
    rule: str
    message: str

    @classmethod
    def at(cls, loc: SourceLoc, level: str, rule: str, message: str) -> Problem:
        """Build a problem at a source location."""
        return cls(loc.file, loc.line, loc.col, level, rule, message)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Problem) and tuple.__eq__(self, other)

    def __ne__(self, other: object) -> bool:
        return not self == other

    # (__hash__ stays tuple's, in C: NamedTuple sets __eq__ on the class it has made, which
    # does not clear the hash as defining __eq__ in a class body would)

    def __str__(self) -> str:
        return (f"{one_line(self.file)}:{self.line}:{self.col}: {self.level} [{self.rule}] "
                f"{one_line(self.message)}")

    def to_dict(self) -> dict[str, str | int]:
        """The JSON form used by reporters."""
        return {
            "file": self.file,
            "line": self.line,
            "column": self.col,
            "level": self.level,
            "rule": self.rule,
            "message": self.message,
        }
