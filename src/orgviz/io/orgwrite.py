"""Write an imported org as a readable org file: header comments, teams, one line a person."""

from __future__ import annotations

import os
from collections.abc import Sequence
from typing import TYPE_CHECKING

from orgviz.io.yamlwrite import SCHEMA_URL, comment, flow_mapping, scalar
from orgviz.model import Org, Person

if TYPE_CHECKING:
    from orgviz.io.csvimport import Record
    from orgviz.io.csvread import CsvTable

PERSON_FIELDS = ("id", "name", "title", "role", "reports_to", "dotted_to", "team", "vacant",
                 "assistant", "location", "email")


def person_items(person: Person) -> list[tuple[str, str | bool | Sequence[str] | None]]:
    """A person's fields in file order; inferred roles are left to the loader."""
    return [
        ("id", person.id), ("name", person.name), ("title", person.title),
        ("role", person.roles if person.role_source == "explicit" else None),
        ("reports_to", person.reports_to), ("dotted_to", person.dotted_to or None),
        ("team", person.team), ("vacant", person.vacant), ("assistant", person.assistant),
        ("location", person.location), ("email", person.email),
    ]


def _label(person: Person) -> str:
    who = person.name or ("open role" if person.vacant else person.id)
    return f"{who}, {person.title}" if person.title else who


def write_org(org: Org, ordered: Sequence[tuple[Record, int]], dropped: Sequence[Record],
              notes: Sequence[str], table: CsvTable, size_guessed: bool,
              allow_forest: bool) -> str:
    """The org file text for an import, deterministic for the same input."""
    source = os.path.basename(table.shown)
    lines = [
        f"# yaml-language-server: $schema={SCHEMA_URL}",
        comment(f"# Imported by `orgviz import` from {source} ({len(table.rows):,} rows, "
                f"{table.encoding}): {len(org.people):,} positions, "
                f"{sum(1 for p in org.people if p.vacant):,} open."),
    ]
    lines += [comment(f"# {note}") for note in notes]
    lines += ["orgviz: 1", "org:", f"  name: {scalar(org.name)}"]
    size_note = (f"  # guessed from {len(org.people):,} positions: --size to choose"
                 if size_guessed else "")
    lines.append(f"  size: {org.size}{size_note}")
    if allow_forest:
        lines += ["rules:", "  root: {allow-forest: true}  # several separate trees "
                  "(--allow-forest)"]
    if org.teams:
        lines += ["", "teams:"]
        for team in org.teams:
            lines.append("  - " + flow_mapping([("id", team.id), ("name", team.name),
                                                 ("parent", team.parent),
                                                 ("lead", team.lead)]))
    lines += ["", "people:"]
    people = {p.id: p for p in org.people}
    big = len(ordered) > 15
    for record, depth in ordered:
        person = people[record.id]
        if big and depth == 1:
            lines.append(comment(f"  # --- {_label(person)}"))
        for note in record.notes:
            lines.append(comment(f"  # {os.path.basename(record.file)}:{record.line}: {note}"))
        lines.append("  - " + flow_mapping(person_items(person)))
    if dropped:
        lines += ["", "# Rows not imported:"]
        for record in dropped:
            who = record.name or record.title or ""
            lines.append(comment(f"#   {os.path.basename(record.file)}:{record.line}: "
                                 f"{record.id} {who} ({record.history}): history row"))
    return "\n".join(lines) + "\n"


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
