"""The direct import's people get the roles `with_managing_roles` gives managers."""

from __future__ import annotations

import csv
import dataclasses
import random
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from orgviz.io.csvimport import ImportOptions, RecordsOnDemand, direct, import_csv
from orgviz.io.csvimport import people as people_module
from orgviz.model import Person
from orgviz.roles import DEFAULT_LADDER, with_managing_roles

# Titles whose holders are managers when they have reports ("Sales Manager"), and others.
TITLES = ["Sales Manager", "Account Manager", "Senior Account Manager", "Project Manager",
          "Customer Success Manager", "Engineer", "CEO", "Odd Title", "", None]


def _state(person: Person) -> tuple[object, ...]:
    return (*(getattr(person, f.name) for f in dataclasses.fields(Person)
              if f.name != "field_locs"), dict(person.field_locs), type(person))


@settings(max_examples=80, deadline=None)
@given(st.data(), st.booleans())
def test_people_of_columns_give_managers_their_managing_roles(data: st.DataObject,
                                                               fast: bool) -> None:
    size = data.draw(st.integers(1, 12))
    ids = [f"p{i}" for i in range(size)]
    # Managers come before their reports: no cycle, no self-report (as in the direct way).
    bosses = [None if i == 0 or data.draw(st.booleans()) else ids[data.draw(
        st.integers(0, i - 1))] for i in range(size)]
    titles = [data.draw(st.sampled_from(TITLES)) for _ in range(size)]
    roles = [data.draw(st.sampled_from([(), (), ("ic",), ("vp", "ic")])) for _ in range(size)]
    order = data.draw(st.permutations(range(size)))
    columns = (ids, "t.csv", list(range(2, size + 2)), [None] * size, titles, roles, bosses,
               [()] * size, [None] * size, [False] * size, [False] * size, [None] * size,
               [None] * size, {"id": 1, "manager": 2}, order)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(people_module, "_FAST_PEOPLE", fast)
        plain = people_module.people_of_columns(*columns)
        made = people_module.people_of_columns(
            *columns, managers={b for b in bosses if b is not None})
    expected = with_managing_roles(plain, DEFAULT_LADDER) or plain
    assert [_state(p) for p in made] == [_state(p) for p in expected]


def _write_export(path: Path, rows: int) -> None:
    """An HR export of unique ids whose managers are ids, with titles of IC managers."""
    rng = random.Random(rows)
    with path.open("w", encoding="utf-8", newline="") as handle:
        out = csv.writer(handle)
        out.writerow(["EmployeeId", "Name", "JobTitle", "ManagerId", "Role"])
        for i in range(1, rows + 1):
            boss = "" if i == 1 else f"E{rng.randint(max(1, i // 4 - 2), max(1, i // 4)):04d}"
            out.writerow([f"E{i:04d}", f"Name {i}", rng.choice([t or "" for t in TITLES]),
                          boss, rng.choice(["", "", "", "", "vp"])])


def _outcome(path: Path, **options: object) -> tuple[object, ...]:
    result = import_csv(path, ImportOptions(**options))  # type: ignore[arg-type]
    return (result.text, result.problems, [_state(p) for p in result.org.people])


@pytest.mark.parametrize("options", [{}, {"order": "csv"}, {"allow_forest": True}])
def test_direct_import_gives_managing_roles_as_record_by_record(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, options: dict[str, object]) -> None:
    path = tmp_path / "hr.csv"
    _write_export(path, 300)
    result = import_csv(path, ImportOptions(**options))  # type: ignore[arg-type]
    assert isinstance(result.records, RecordsOnDemand)  # (linked directly)
    promoted = [p for p in result.org.people if p.title == "Sales Manager"
                and p.roles == ("manager",)]
    assert promoted and all(p.role_source == "title" for p in promoted)
    fast = _outcome(path, **options)
    monkeypatch.setattr(direct, "DIRECT", False)
    assert _outcome(path, **options) == fast
