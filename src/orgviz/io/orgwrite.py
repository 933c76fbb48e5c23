"""Write an imported org as a readable org file: header comments, teams, one line a person."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import partial
from itertools import chain, compress, count, repeat
from operator import attrgetter, eq, is_not
from typing import TYPE_CHECKING, TypeGuard, cast

from orgviz.fte import fte_text
from orgviz.io.yamlwrite import SCHEMA_URL, all_plain, comment, flow_mapping, scalar
from orgviz.model import Org, Person, Team
from orgviz.orgfiles import shown_base_name

if TYPE_CHECKING:
    from orgviz.io.csvimport import Record
    from orgviz.roles import Role

PERSON_FIELDS = ("id", "name", "title", "role", "reports_to", "dotted_to", "team", "vacant",
                 "assistant", "location", "email", "fte")


def person_items(person: Person) -> list[tuple[str, str | bool | float | Sequence[str] | None]]:
    """A person's fields in file order; inferred roles are left to the loader."""
    return [
        ("id", person.id), ("name", person.name), ("title", person.title),
        ("role", person.roles if person.role_source == "explicit" else None),
        ("reports_to", person.reports_to), ("dotted_to", person.dotted_to or None),
        ("team", person.team), ("vacant", person.vacant), ("assistant", person.assistant),
        ("location", person.location), ("email", person.email), ("fte", person.fte),
    ]


#: A text that is not None, as a TypeGuard (partial's type says only bool): at C speed.
_NOT_NONE: Callable[[str | None], TypeGuard[str]]
_NOT_NONE = partial(is_not, None)  # type: ignore[assignment]  # (as said above)
_BLOCK = 64  # people checked at once by `person_lines`


def person_lines(people: Sequence[Person]) -> list[str]:
    """`"  - " + flow_mapping(person_items(p))` for each person (text fields str or None,
    flags bool, lists tuples of str).

    Each line is first made with the values as they are; `all_plain` then checks the values
    of a block of people at once, and a block that is not all plain is made again with
    `flow_mapping`, which quotes what needs quoting.
    """
    lines: list[str] = []
    for start in range(0, len(people), _BLOCK):
        block = people[start:start + _BLOCK]
        made = []
        texts: list[str | None] = []
        for person in block:
            pid, name, title, boss, team, location, email, dotted = (
                person.id, person.name, person.title, person.reports_to, person.team,
                person.location, person.email, person.dotted_to)
            roles = person.roles if person.role_source == "explicit" else ()
            texts += (pid, name, title, boss, team, location, email)
            if roles:
                texts += roles
            if dotted:
                texts += dotted
            made.append(with_fte(plain_line(pid, name, title, roles, boss, dotted, team,
                                            person.vacant, person.assistant, location, email),
                                 person.fte))
        if all_plain(list(filter(_NOT_NONE, texts))):
            lines += made
        else:
            lines += ["  - " + flow_mapping(person_items(p)) for p in block]
    return lines


def with_fte(line: str, fte: float | None) -> str:
    """A person's line (`{...}`) with the `fte` key last, when the person has one."""
    return line if fte is None else f"{line[:-1]}, fte: {fte_text(fte)}}}"


def plain_line(pid: str, name: str | None, title: str | None, roles: tuple[str, ...],
               boss: str | None, dotted: tuple[str, ...], team: str | None, vacant: bool,
               assistant: bool, location: str | None, email: str | None) -> str:
    """A person's line, `"  - " + flow_mapping(person_items(person))`, when each text of it
    is a plain scalar (see `all_plain`): the values as they are. `roles`: the explicit ones."""
    return (f"  - {{id: {pid}"
            f"{'' if name is None else ', name: ' + name}"
            f"{'' if title is None else ', title: ' + title}"
            f"{_items(', role: ', roles) if roles else ''}"
            f"{'' if boss is None else ', reports_to: ' + boss}"
            f"{_items(', dotted_to: ', dotted) if dotted else ''}"
            f"{'' if team is None else ', team: ' + team}"
            f"{', vacant: true' if vacant is True else ''}"
            f"{', assistant: true' if assistant is True else ''}"
            f"{'' if location is None else ', location: ' + location}"
            f"{'' if email is None else ', email: ' + email}}}")


def plain_lines(ids: Sequence[str], names: Sequence[str | None], titles: Sequence[str | None],
                roles: Sequence[tuple[str, ...]] | None, bosses: Sequence[str | None],
                dotted: Sequence[tuple[str, ...]], teams: Sequence[str | None],
                vacant: Sequence[bool], assistant: Sequence[bool],
                locations: Sequence[str | None], emails: Sequence[str | None]) -> list[str]:
    """`plain_line` of each row of some columns (`roles`: the explicit ones, None: none),
    made column by column: one f-string a row, with the key of a text column given once.

    A text column with a few rows without a value gives its key and values as they are too,
    and those rows are made again with `plain_line`; one with many gives each row's piece
    (`, key: value` or nothing), as list and flag columns do.
    """
    again: set[int] = set()
    keyed = plain_keys(names, titles, roles, bosses, dotted, teams, vacant, assistant,
                       locations, emails, again)
    if keyed is not None:  # (no list or flag, and every text column keyed: the short way)
        (k1, k2, k4, k6, k9, k10), texts = keyed
        lines = [f"  - {{id: {pid}{k1}{n}{k2}{t}{k4}{b}{k6}{team}{k9}{loc}{k10}{e}}}"
                 for pid, n, t, b, team, loc, e in zip(ids, *texts, strict=False)]
        return remade(lines, again, ids, names, titles, roles, bosses, dotted, teams, vacant,
                      assistant, locations, emails)
    return pieced_lines(ids, names, titles, roles, bosses, dotted, teams, vacant, assistant,
                        locations, emails)


def lines_of_columns(ids: Sequence[str], names: Sequence[str | None],
                     titles: Sequence[str | None], roles: Sequence[tuple[str, ...]],
                     bosses: Sequence[str | None], dotted: Sequence[tuple[str, ...]],
                     teams: Sequence[str | None], vacant: Sequence[bool],
                     assistant: Sequence[bool], locations: Sequence[str | None],
                     emails: Sequence[str | None], order: Sequence[int]) -> list[str] | None:
    """The lines of the rows of some columns in the order given (`order`: each row once),
    made column by column (`plain_lines`; `roles`: the explicit ones, () for none) when
    every text is a plain scalar (`plain_columns`); else None (`person_lines` makes them
    from the people)."""
    if not plain_columns([ids, names, titles, teams, locations, emails], [roles, dotted]):
        return None
    made = plain_lines(ids, names, titles, roles if any(roles) else None, bosses, dotted,
                       teams, vacant, assistant, locations, emails)
    return list(map(made.__getitem__, order))


def pieced_lines(ids: Sequence[str], names: Sequence[str | None],
                 titles: Sequence[str | None], roles: Sequence[tuple[str, ...]] | None,
                 bosses: Sequence[str | None], dotted: Sequence[tuple[str, ...]],
                 teams: Sequence[str | None], vacant: Sequence[bool], assistant: Sequence[bool],
                 locations: Sequence[str | None], emails: Sequence[str | None]) -> list[str]:
    """`plain_lines` of rows with lists or flags, or with text columns that lack many values
    (`plain_keys` gave None): each row's piece of each column, `, key: value` or nothing."""
    again: set[int] = set()
    k1, v1 = _keyed(", name: ", names, again)
    k2, v2 = _keyed(", title: ", titles, again)
    v3 = _listed(", role: ", roles)
    k4, v4 = _keyed(", reports_to: ", bosses, again)
    v5 = _listed(", dotted_to: ", dotted)
    k6, v6 = _keyed(", team: ", teams, again)
    v7 = _flagged(", vacant: true", vacant)
    v8 = _flagged(", assistant: true", assistant)
    k9, v9 = _keyed(", location: ", locations, again)
    k10, v10 = _keyed(", email: ", emails, again)
    lines = [f"  - {{id: {pid}{k1}{n}{k2}{t}{r}{k4}{b}{d}{k6}{team}{v}{a}{k9}{loc}{k10}{e}}}"
             for pid, n, t, r, b, d, team, v, a, loc, e in zip(
                 ids, v1, v2, v3, v4, v5, v6, v7, v8, v9, v10, strict=False)]
    return remade(lines, again, ids, names, titles, roles, bosses, dotted, teams, vacant,
                  assistant, locations, emails)


def plain_keys(names: Sequence[str | None], titles: Sequence[str | None],
               roles: Sequence[tuple[str, ...]] | None, bosses: Sequence[str | None],
               dotted: Sequence[tuple[str, ...]], teams: Sequence[str | None],
               vacant: Sequence[bool], assistant: Sequence[bool],
               locations: Sequence[str | None], emails: Sequence[str | None],
               again: set[int]) -> tuple[tuple[str, ...], tuple[Iterable[str], ...]] | None:
    """For rows without lists or flags whose text columns each have a value on every row
    but a few (those rows added to `again`), or on none: the key of each text column
    (`, name: ` ... `, email: `, "" for one without a value) and its values in the lines
    (the column, or "" each), with which each line is
    `f"  - {{id: {id}{k1}{name}{k2}{title}{k4}{boss}{k6}{team}{k9}{location}{k10}{email}}}"`
    until `remade`; else None (see `plain_lines`)."""
    if (roles is not None and any(roles)) or any(dotted) or any(vacant) or any(assistant):
        return None
    keys: list[str] = []
    texts: list[Iterable[str]] = []
    for key, values in ((", name: ", names), (", title: ", titles), (", reports_to: ", bosses),
                        (", team: ", teams), (", location: ", locations),
                        (", email: ", emails)):
        if not any(values):  # (no value on any row: none at all, or empty texts)
            if values.count(None) != len(values):
                return None
            keys.append("")
            texts.append(_NOTHING)
            continue
        given, _pieces = _keyed(key, values, again)
        if not given:
            return None
        keys.append(given)
        texts.append(values)  # type: ignore[arg-type]  # (given: no None)
    return tuple(keys), tuple(texts)


def remade(lines: list[str], again: Iterable[int], ids: Sequence[str],
           names: Sequence[str | None], titles: Sequence[str | None],
           roles: Sequence[tuple[str, ...]] | None, bosses: Sequence[str | None],
           dotted: Sequence[tuple[str, ...]], teams: Sequence[str | None],
           vacant: Sequence[bool], assistant: Sequence[bool], locations: Sequence[str | None],
           emails: Sequence[str | None]) -> list[str]:
    """The lines with those of the rows `again` made again with `plain_line`."""
    for r in again:
        lines[r] = plain_line(ids[r], names[r], titles[r], roles[r] if roles else (), bosses[r],
                              dotted[r], teams[r], vacant[r], assistant[r], locations[r],
                              emails[r])
    return lines


def _keyed(key: str, values: Sequence[str | None], again: set[int]
           ) -> tuple[str, Sequence[str | None]]:
    """(key, values) when every value is there (and not empty), or when a few are missing
    (their rows added to `again`); else ("", each row's piece)."""
    if all(values):
        return key, values
    missing = [r for r, value in enumerate(values) if not value]
    if len(missing) <= len(values) >> 6:
        again.update(missing)
        return key, values
    return "", ["" if v is None else key + v for v in values]


#: The pieces of a list or flag column without an item or a flag set.
_NOTHING = repeat("")


def _listed(key: str, values: Sequence[tuple[str, ...]] | None) -> Iterable[str]:
    """Each row's piece of a list column (`, key: item` or `, key: [a, b]`, or nothing)."""
    if values is None or not any(values):
        return _NOTHING
    pieces = {items: _items(key, items) if items else "" for items in set(values)}
    return list(map(pieces.__getitem__, values))


def _flagged(piece: str, flags: Sequence[bool]) -> Iterable[str]:
    """Each row's piece of a flag column (the piece when the flag is True, else nothing)."""
    if not any(flags):
        return _NOTHING
    return [piece if flag is True else "" for flag in flags]


def _items(key: str, items: Sequence[str]) -> str:
    return key + (items[0] if len(items) == 1 else "[" + ", ".join(items) + "]")


def plain_columns(texts: Iterable[Sequence[str | None]],
                  lists: Iterable[Sequence[tuple[str, ...]]]) -> bool:
    """Whether every text of some columns (None aside) and every item of some list columns
    is a plain scalar (False: maybe not), checked column by column with `all_plain`.

    A column that looks like it repeats a few values (titles, teams, places) is checked
    value by value once each.
    """
    for column in texts:
        present = cast("Sequence[str]", column)  # (then without None: see below)
        if not all(column):  # (one pass over a column without None or "")
            if "" in column:
                return False  # (an empty text is quoted)
            present = list(filter(None, column))
        if len(set(present[:_SAMPLE])) <= _SAMPLE // 2:
            present = list(dict.fromkeys(present))
        if not all_plain(present):
            return False
    return all_plain(list(chain.from_iterable(chain.from_iterable(filter(any, lists)))))


#: How many values of a column `plain_columns` looks at to guess whether values repeat
#: (a few hundred: 60 departments may all come in the first 64 rows).
_SAMPLE = 256


def _label(person: Person) -> str:
    who = person.name or ("open role" if person.vacant else person.id)
    return f"{who}, {person.title}" if person.title else who


@dataclass(frozen=True)
class ImportedOrg:
    """What an import's org file says of the org and of the file it came from (kept apart
    from the `Org`, which its caller may change before the text is made)."""

    name: str
    size: str
    teams: tuple[Team, ...]
    source: str  # the file as shown
    row_count: int
    encoding: str


def write_org(org: ImportedOrg, persons: Sequence[Person], depths: Sequence[int],
              person_notes: Sequence[Sequence[str]], dropped: Sequence[Record],
              notes: Sequence[str], size_guessed: bool, allow_forest: bool,
              made: list[str] | None = None, roles: Sequence[Role] = ()) -> str:
    """The org file text for an import, deterministic for the same input.

    `roles`: the grade roles the people hold (written as the file's `roles:`).

    `persons`: the people in the order written, each with its depth below its top (0 for
    a top) and the notes on its row (written as comments above it); `made`: their lines
    (`person_lines`), when the caller has them.
    """
    source = shown_base_name(org.source)
    lines = [
        f"# yaml-language-server: $schema={SCHEMA_URL}",
        comment(f"# Imported by `orgviz import` from {source} ({_count(org.row_count, 'row')}, "
                f"{org.encoding}): {_count(len(persons), 'position')}, "
                f"{list(map(_VACANT, persons)).count(True):,} open."),
    ]
    lines += [comment(f"# {note}") for note in notes]
    lines += ["orgviz: 1", "org:", f"  name: {scalar(org.name)}"]
    size_note = (f"  # guessed from {_count(len(persons), 'position')}: --size to choose"
                 if size_guessed else "")
    lines.append(f"  size: {org.size}{size_note}")
    if allow_forest:
        lines += ["rules:", "  root: {allow-forest: true}  # several separate trees "
                  "(--allow-forest)"]
    if roles:
        lines += ["", "roles:  # UK civil-service grades (the grade column gives these roles)"]
        lines += ["  - " + flow_mapping([("id", role.id), ("name", role.name),
                                         ("level", role.level)]) for role in roles]
    if org.teams:
        lines += ["", "teams:"]
        for team in org.teams:  # (a color from a teams table: `orgviz.io.teamtable`)
            lines.append("  - " + flow_mapping([("id", team.id), ("name", team.name),
                                                 ("color", team.color),
                                                 ("parent", team.parent),
                                                 ("lead", team.lead)]))
    lines += ["", "people:"]
    if made is None:
        made = person_lines(persons)
    # Comment lines go before the people with notes, and before each report of a top in
    # a big org (a section heading).
    commented = set(compress(count(), map(bool, person_notes)))
    if len(persons) > 15:
        heads = set(compress(count(), map(eq, depths, repeat(1))))
        commented |= heads
    else:
        heads = set()
    done = 0
    for i in sorted(commented):
        lines += made[done:i]
        done = i
        person = persons[i]
        if i in heads:
            lines.append(comment(f"  # --- {_label(person)}"))
        for note in person_notes[i]:
            lines.append(comment(f"  # {shown_base_name(person.loc.file)}:{person.loc.line}: "
                                 f"{note}"))
    lines += made[done:]
    if dropped:
        from orgviz.io.csvimport.values import (  # (the importer is loaded)
            ELIMINATED_POST,
            FUTURE_DATED,
        )

        lines += ["", "# Rows not imported:"]
        for record in dropped:
            who = record.name or record.title or ""
            why = record.history or ""
            what = ("" if why == ELIMINATED_POST or why.startswith(FUTURE_DATED)
                    else ": history row")
            lines.append(comment(f"#   {shown_base_name(record.file)}:{record.line}: "
                                 f"{record.id} {who} ({record.history}){what}"))
    lines.append("")  # (the text ends with a line break: no copy of it to add one)
    return "\n".join(lines)


_VACANT = attrgetter("vacant")


def _count(n: int, noun: str) -> str:
    """'1 row', '2,000 rows'."""
    return f"{n:,} {noun}" if n == 1 else f"{n:,} {noun}s"


def _mib_up(size: int) -> str:
    """`size` bytes in MiB, rounded up to a tenth ("64.1" for 64 MiB and 1 byte): a size
    past a limit of whole MiB never shows as the limit."""
    tenths = -(-size * 10 // 2**20)
    return f"{tenths // 10:,}.{tenths % 10}"


def refuse_unloadable_size(text: str, target: str) -> None:
    """OutputError ("`target`: not written: ...", one line) when the org file `text` would be
    larger than the loader reads (yamlread.MAX_FILE_BYTES): an import may read a CSV four
    times that size. Its UTF-8 bytes are counted only when its characters might exceed it."""
    from orgviz import yamlread  # (loaded by then: the imported org was validated)
    from orgviz.io.files import OutputError

    limit = yamlread.MAX_FILE_BYTES
    size = len(text)  # (a character is 1 to 4 bytes: no encoding for a text of a quarter)
    if size <= limit < size * 4 and not text.isascii():
        size = len(text.encode("utf-8", "backslashreplace"))  # (as files.write_output does)
    if size <= limit:
        return
    raise OutputError(f"{target}: not written: the org file would be {_mib_up(size)} MiB; orgviz "
                      f"reads org files up to {limit // 2**20} MiB: import a part of the "
                      "export (a division's rows), or split the org into files joined by "
                      "include: (docs/format.md, Split orgs)")


def dump_org(org: Org) -> str:
    """Any Org as an org file (people in order; teams, rules and roles are not written)."""
    lines = [f"# yaml-language-server: $schema={SCHEMA_URL}", "orgviz: 1", "org:",
             f"  name: {scalar(org.name)}", f"  size: {org.size}"]
    if org.date:
        lines.append(f"  date: {scalar(org.date)}")
    if org.teams:
        lines.append("teams:")
        for team in org.teams:
            lines.append("  - " + flow_mapping([("id", team.id), ("name", team.name),
                                                 ("color", team.color),
                                                 ("parent", team.parent),
                                                 ("lead", team.lead)]))
    lines.append("people:" if org.people else "people: []")
    for person in org.people:
        lines.append("  - " + flow_mapping(person_items(person)))
    return "\n".join(lines) + "\n"
