"""The importer's fast paths give exactly what their plain counterparts give."""

from __future__ import annotations

import csv
import dataclasses
import io
import random
import re
import sys
import tempfile
from itertools import chain
from pathlib import Path
from unittest import mock

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from orgviz.errors import OrgLoadError, OrgvizError
from orgviz.io import csvimport, csvread
from orgviz.io.csvimport import (
    ImportOptions,
    Record,
    RecordsOnDemand,
    RowLocs,
    build_people,
    build_person,
    cells,
    direct,
    import_csv,
    rows,
    tree_order,
    values,
)
from orgviz.io.csvimport import people as people_module
from orgviz.io.orgwrite import (
    lines_of_columns,
    person_items,
    person_lines,
    plain_columns,
    plain_line,
    plain_lines,
)
from orgviz.io.tables import read_table
from orgviz.io.yamlwrite import all_plain, flow_mapping, scalar
from orgviz.model import Person
from orgviz.problem import SourceLoc
from orgviz.roles import BUILTIN_ROLES

FIXTURES = Path(__file__).parent / "fixtures"
SHARED_DATA = Path(__file__).resolve().parents[3] / "shared" / "data"

# Text near the edges of plain YAML: reserved words in any case, digits, indicators, spaces.
EDGY = st.sampled_from(["y", "N", "yes", "No", "TRUE", "fAlse", "on", "OFF", "null", "NaN",
                        "inf", "yeſ", "", " ", "a ", " a", "1a", "_a", "a_", "a:b", "a#b",
                        "O'Brien", "Dana Reyes", "E00012", "x@y.test", "a\nb", "Renée", "a-b",
                        "(a)", "a/b", "a&b", "a+b", "a.b", "²a", "a\tb", "a\x85b"])
TEXT = st.one_of(EDGY, st.text(max_size=8),
                 st.text(alphabet="abcXYZ019 _.()/@&+'-:#\n", max_size=8))


@given(st.lists(TEXT, max_size=8))
def test_all_plain_only_for_texts_scalar_leaves_plain(texts: list[str]) -> None:
    if all_plain(texts):
        assert [scalar(t) for t in texts] == texts


def test_all_plain_recognises_plain_ascii() -> None:
    assert all_plain([]) and all_plain(["Dana Reyes", "E00012", "x@y.test", "O'Brien (PA)"])
    for text in ("no", "Yes", "nULL", "yeſ", "", "a ", " a", "1a", "_a", "a:b", "a\nb", "Renée"):
        assert not all_plain(["Dana", text]), text


PEOPLE_TEXT = st.one_of(st.none(), TEXT.filter(lambda t: t != ""))


@st.composite
def people(draw: st.DrawFn) -> list[Person]:
    role_ids = [r.id for r in BUILTIN_ROLES]
    made = []
    for i in range(draw(st.integers(0, 8))):
        roles = tuple(draw(st.lists(st.sampled_from(role_ids), max_size=2)))
        made.append(Person(
            id=draw(TEXT.filter(lambda t: t != "")) if i % 3 else f"p{i}", loc=SourceLoc("", 1, 1),
            name=draw(PEOPLE_TEXT), title=draw(PEOPLE_TEXT), roles=roles,
            role_source=draw(st.sampled_from(["explicit", "title", "none"])),
            reports_to=draw(PEOPLE_TEXT), dotted_to=tuple(draw(st.lists(TEXT, max_size=2))),
            team=draw(PEOPLE_TEXT), vacant=draw(st.booleans()), assistant=draw(st.booleans()),
            location=draw(PEOPLE_TEXT), email=draw(PEOPLE_TEXT)))
    return made


@settings(max_examples=60, deadline=None)
@given(people())
def test_person_lines_equal_flow_mapping(persons: list[Person]) -> None:
    assert person_lines(persons) == ["  - " + flow_mapping(person_items(p)) for p in persons]


PLAIN = st.sampled_from(["Dana Reyes", "E00012", "x@y.test", "O'Brien (PA)", "a-b", "ab"])


@st.composite
def plain_people(draw: st.DrawFn) -> list[Person]:
    """People whose values are all plain, most of them with text fields only."""
    role_ids = [r.id for r in BUILTIN_ROLES]
    texts = [draw(st.booleans()) for _ in range(6)]  # which text fields anybody has
    made = []
    for i in range(draw(st.integers(1, 12))):
        odd = draw(st.integers(0, 5)) == 0
        made.append(Person(
            id=f"p{i}", loc=SourceLoc("", 1, 1),
            **{f: draw(st.one_of(st.none(), PLAIN) if odd else PLAIN) if texts[k] else None
               for k, f in enumerate(("name", "title", "reports_to", "team", "location",
                                      "email"))},
            roles=tuple(draw(st.lists(st.sampled_from(role_ids), max_size=2))),
            role_source=draw(st.sampled_from(["explicit", "title", "none"]) if odd
                             else st.sampled_from(["title", "none"])),
            dotted_to=tuple(draw(st.lists(PLAIN, max_size=2))) if odd else (),
            vacant=odd and draw(st.booleans()), assistant=odd and draw(st.booleans())))
    return made


@settings(max_examples=150, deadline=None)
@given(plain_people())
def test_person_lines_of_plain_people_equal_flow_mapping(persons: list[Person]) -> None:
    assert person_lines(persons) == ["  - " + flow_mapping(person_items(p)) for p in persons]


def test_person_lines_equal_flow_mapping_over_blocks() -> None:
    rng = random.Random(7)
    edgy = ["no", "Renée", "a:b", " a", "1a", "O'Brien", "x@y.test"]

    def text(i: int) -> str | None:
        roll = rng.random()
        return None if roll < 0.2 else rng.choice(edgy) if roll < 0.22 else f"Text {i}"

    persons = [Person(id=f"E{i}", loc=SourceLoc("", 1, 1), name=text(i), title=text(i),
                      roles=("cpo", "vp") if i % 50 == 0 else ("cpo",) if i % 40 == 0 else (),
                      role_source="explicit" if i % 40 == 0 or i % 50 == 0 else "title",
                      reports_to=text(i), dotted_to=("E1",) if i % 30 == 0 else (),
                      team=text(i), vacant=i % 7 == 0, assistant=i % 11 == 0,
                      location=text(i), email=text(i)) for i in range(700)]
    assert person_lines(persons) == ["  - " + flow_mapping(person_items(p)) for p in persons]


@settings(max_examples=100, deadline=None)
@given(people())
def test_lines_made_with_people_equal_person_lines(persons: list[Person]) -> None:
    columns = [[getattr(p, f) for p in persons] for f in ("id", "name", "title", "reports_to",
                                                           "team", "location", "email")]
    explicit = [p.roles if p.role_source == "explicit" else () for p in persons]
    if not plain_columns(columns, [explicit, [p.dotted_to for p in persons]]):
        return
    assert [plain_line(p.id, p.name, p.title, roles, p.reports_to, p.dotted_to, p.team,
                       p.vacant, p.assistant, p.location, p.email)
            for p, roles in zip(persons, explicit, strict=True)] == person_lines(persons)


@settings(max_examples=100, deadline=None)
@given(plain_people())
def test_plain_lines_are_plain_line_of_each_row(persons: list[Person]) -> None:
    columns = [[getattr(p, f) for p in persons] for f in ("id", "name", "title", "roles",
                                                           "reports_to", "dotted_to", "team",
                                                           "vacant", "assistant", "location",
                                                           "email")]
    expected = [plain_line(*row) for row in zip(*columns, strict=True)]
    assert plain_lines(*columns) == expected
    if not any(columns[3]):
        columns[3] = None  # type: ignore[call-overload]
        assert plain_lines(*columns) == expected


def test_plain_lines_remake_the_few_rows_missing_a_value() -> None:
    rng = random.Random(3)
    n = 300
    columns: list[list[object]] = [
        [f"E{i}" for i in range(n)], *([f"Text {i}" for i in range(n)] for _ in range(2)),
        [("cpo",) if i == 7 else () for i in range(n)], [f"E{i // 3}" for i in range(n)],
        [("E1", "E2") if i == 9 else () for i in range(n)], [f"t{i % 5}" for i in range(n)],
        [i == 11 for i in range(n)], [i == 12 for i in range(n)],
        *([f"Text {i}" for i in range(n)] for _ in range(2))]
    for k in (1, 2, 4, 6, 9, 10):  # a few rows without a value, or many
        for r in rng.sample(range(n), rng.choice([1, 3, n // 2])):
            columns[k][r] = None
    expected = [plain_line(*row) for row in zip(*columns, strict=True)]  # type: ignore[arg-type]
    assert plain_lines(*columns) == expected  # type: ignore[arg-type]
    for k in (3, 5, 7, 8):  # no list or flag set: the short way
        columns[k] = [False] * n if k > 6 else [()] * n
    expected = [plain_line(*row) for row in zip(*columns, strict=True)]  # type: ignore[arg-type]
    assert plain_lines(*columns) == expected  # type: ignore[arg-type]
    for column in ([None] * n, [None, ""] * (n // 2), [""] * n):  # no value, or empty texts
        columns[9] = column  # type: ignore[assignment]
        expected = [plain_line(*row) for row in zip(*columns, strict=True)]  # type: ignore[arg-type]
        assert plain_lines(*columns) == expected  # type: ignore[arg-type]


@settings(max_examples=60, deadline=None)
@given(plain_people(), st.randoms(use_true_random=False), st.booleans())
def test_people_of_columns_equal_people_of_rows(persons: list[Person], rng: random.Random,
                                                explicit: bool) -> None:
    cols = {"id": 1, "manager": 3}
    rows = [(p.id, "t.csv", line, p.name, p.title, p.roles if explicit else (), p.reports_to,
             p.dotted_to, p.team, p.vacant, p.assistant, p.location, p.email, None, cols)
            for line, p in enumerate(persons, 2)]
    order = list(range(len(rows)))
    rng.shuffle(order)
    expected = people_module.people_of_rows([rows[r] for r in order])
    columns = list(zip(*rows, strict=True))
    del columns[13]  # (the FTEs: rows with one are not made from columns)
    made = people_module.people_of_columns(columns[0], "t.csv", *columns[2:13], cols, order)
    assert all(type(p) is Person for p in made)
    assert [_person_state(p) for p in made] == [_person_state(p) for p in expected]
    # The lines made column by column, in the order given, are those of the people.
    line_columns = [columns[k] for k in (0, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12)]
    assert lines_of_columns(*line_columns, order) == person_lines(made)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="rows ordered"):
        people_module.people_of_columns(columns[0], "t.csv", *columns[2:13], cols, order[1:])


def test_people_of_columns_share_an_empty_item_locs_that_cannot_change() -> None:
    made = people_module.people_of_columns(
        ["a", "b"], "t.csv", [2, 3], ["A", None], [None, "CEO"], [(), ("ceo",)], [None, "a"],
        [(), ()], [None, None], [False, True], [False, False], [None, None], [None, None],
        {"id": 1, "manager": 2}, [1, 0])
    assert [p.id for p in made] == ["b", "a"]
    assert made[0].item_locs == {} and made[0].item_locs is made[1].item_locs
    assert repr(made[0].item_locs) == "{}"
    assert made[0].at("role", 0) == SourceLoc("t.csv", 3, 1)
    with pytest.raises(TypeError):
        made[0].item_locs["role"] = ()  # type: ignore[index]
    with pytest.raises(TypeError):
        made[0].item_locs.update(role=())  # type: ignore[attr-defined]


def test_plain_columns() -> None:
    assert plain_columns([["a", None, "Dana Reyes"], []], [[(), ("ab", "cd")]])
    assert not plain_columns([["a", ""]], [])  # an empty text is quoted
    assert not plain_columns([["a"], ["no"]], [])
    assert not plain_columns([["a"]], [[("ab",), ("1a",)]])


def _person_state(person: Person) -> tuple[object, ...]:
    return (*(getattr(person, f.name) for f in dataclasses.fields(Person)
              if f.name != "field_locs"), dict(person.field_locs))


def _records(name: str, **options: object) -> list[Record]:
    return import_csv(FIXTURES / name, ImportOptions(**options)).records  # type: ignore[arg-type]


@pytest.mark.parametrize("name", sorted(p.name for p in FIXTURES.glob("*.csv")
                                        if not p.name.startswith("junior")))
def test_build_people_equals_build_person(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    assert people_module._FAST_PEOPLE  # Person still has the layout build_people relies on
    records = _records(name, keep_going=True)
    expected = [_person_state(build_person(r)) for r in records]
    made = build_people(records)
    assert all(type(p) is Person for p in made)
    assert [_person_state(p) for p in made] == expected
    assert made == [build_person(r) for r in records]
    monkeypatch.setattr(people_module, "_FAST_PEOPLE", False)
    assert [_person_state(p) for p in build_people(records)] == expected


NAMES = st.one_of(st.none(), st.sampled_from(sorted(values.PLACEHOLDER_NAMES)),
                  st.sampled_from(["Vacant", " N/A ", "vacant\xa0post", "TBH\u2028", "Open  Role",
                                   "VACANT POST", "n/a\r", "\u3000tbc", "Dana Reyes"]),
                  st.text(alphabet="vacnt /\xa0\u3000\t", max_size=20), st.text(max_size=6))


@given(st.lists(NAMES, max_size=6))
def test_maybe_placeholders_misses_no_placeholder(names: list[str | None]) -> None:
    maybe = set(values._maybe_placeholders(names))
    for i, name in enumerate(names):
        if name is None or values._fold(name) in values.PLACEHOLDER_NAMES:
            assert i in maybe, name


def test_row_locs_get_is_mapping_get() -> None:
    locs = RowLocs("a.csv", 7, {"id": 1, "manager": 4})
    for key in ("id", "reports_to", "manager", "name", ""):
        assert locs.get(key) == super(RowLocs, locs).get(key)
        assert locs.get(key, "x") == super(RowLocs, locs).get(key, "x")
    assert locs.get("reports_to") == SourceLoc("a.csv", 7, 4)


def test_other_spaces_are_all_whitespace_but_the_space() -> None:
    spaces = {chr(c) for c in range(sys.maxunicode + 1) if chr(c).isspace()}
    assert set(values._OTHER_SPACES) == spaces - {" "}
    control = {chr(c) for c in range(sys.maxunicode + 1) if values._CONTROL.match(chr(c))}
    assert set(values._NOT_STRIP_ONLY) == control | (spaces - {" "}) | {"'"}
    assert all(re.fullmatch(r"\s", c) for c in spaces)  # what clean()'s _SPACES matches


def _messy_csv(seed: int) -> bytes:
    """A small HR export with odd cells in random places (quotes, spaces, controls ...)."""
    rng = random.Random(seed)
    odd = ["", " ", "'", "'Vacant'", "Vacant'", "N/D", " n/a ", "vacant\xa0post", "TBH\u2028",
           "Vacant  Post", "a\tb", "a\x01b", "nb\xa0sp", "two\nlines", "cr\rx", "x" * 510,
           " " + "y" * 499 + " ", "'=SUM(A1)", "XX", "0", "Renée", "e\u0301", "ceo",
           "eng,pm", "Terminated", "open", "yes", "no", "2020-01-01", "\u3000"]
    header = rng.sample(["EmployeeId", "Name", "FirstName", "LastName", "Title", "ReportsTo",
                         "Department", "Email", "Status", "EndDate", "CurrentFlag", "Vacant",
                         "role", "Matrix Manager", "Assistant", "Location"], 11)
    if "ReportsTo" not in header:
        header[0] = "ReportsTo"
    out = io.StringIO(newline="")
    writer = csv.writer(out, delimiter=rng.choice(",;\t"))
    writer.writerow(header)
    for i in range(rng.randint(1, 60)):
        row = []
        for column in header:
            if rng.random() < 0.15:
                row.append(rng.choice(odd))
            elif column in ("EmployeeId", "ReportsTo", "Matrix Manager"):
                row.append(f"E{rng.randint(0, i)}" if column != "EmployeeId" else f"E{i}")
            elif column in ("Name", "FirstName", "LastName"):
                row.append(rng.choice([f"Dana{i}", f"Sam Ito{i % 4}", f"Lee {i}"]))
            else:
                row.append(rng.choice(["Engineer", "Active", "Berlin", "", "1", "Sales"]))
        writer.writerow(row[:rng.choice([len(row), len(row), len(row) - 1])])
    return out.getvalue().encode("utf-8")


def _outcome(path: Path, **options: object) -> tuple[object, ...]:
    result = import_csv(path, ImportOptions(**options))  # type: ignore[arg-type]
    return (result.text, result.problems, [_person_state(p) for p in result.org.people],
            [dataclasses.astuple(r) for r in [*result.records, *result.dropped]])


# Files without tabs, double spaces or control characters whose cells still need more than
# their text: other whitespace at either end (which makes a file not plain: its cells are
# read in full), quotes, long or empty cells.
UNICODE_SPACES = "\x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009" \
    "\u200a\u2028\u2029\u202f\u205f\u3000"
PLAIN_BUT_ODD = [
    "id,name,manager_id,title\n1,\xa0Ann\xa0,,CEO\n2,\u3000,1, Eng\n3,Bo\u2028,1,x\u2009\n",
    "EmployeeId,FirstName,LastName,ReportsTo\n1,Ann,\u3000,\n2,\xa0,Bo,1\n3,'Vacant',x\r,1\n",
    "id,name,manager_id,email\n1,Ann,,a@x\n2,N/A,1,\n3,%s,1,b@x\n4, vacant ,1,c@x\n" % ("y" * 501),
    "id,name,title,role,reports_to,dotted_to,team,team_name,vacant,assistant,location,email\n"
    "1,Ann, CEO ,ceo,,,t,T,true,,\xa0Berlin,\n2,'=x,'Eng,,1,1,t,,,TRUE,,\n",
]


def _inputs(tmp_path: Path) -> list[Path]:
    paths = sorted(FIXTURES.glob("*.csv"))
    for i, text in enumerate(PLAIN_BUT_ODD):
        path = tmp_path / f"odd{i}.csv"
        path.write_text(text, encoding="utf-8", newline="")
        assert read_table(path).plain == (not set(text) & set(UNICODE_SPACES))
        paths.append(path)
    if SHARED_DATA.is_dir():
        paths += sorted(SHARED_DATA.glob("*.csv"))
    for seed in range(40):
        path = tmp_path / f"messy{seed}.csv"
        path.write_bytes(_messy_csv(seed))
        paths.append(path)
    return paths


def test_columns_read_at_once_as_cell_by_cell(tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    for path in _inputs(tmp_path):
        for options in ({"keep_going": True}, {"keep_going": True, "order": "csv"}):
            try:
                fast = _outcome(path, **options)
            except (OrgvizError, OrgLoadError) as exc:  # companion files: the same error
                fast = (type(exc), str(exc))
            monkeypatch.setattr(cells, "FAST_COLUMNS", False)
            try:
                slow = _outcome(path, **options)
            except (OrgvizError, OrgLoadError) as exc:
                slow = (type(exc), str(exc))
            monkeypatch.setattr(cells, "FAST_COLUMNS", True)
            assert fast == slow, path.name


def test_records_of_columns() -> None:
    # records_of passes the columns to Record positionally, in field order.
    assert all(f.init and not f.kw_only for f in dataclasses.fields(Record))
    columns = rows.record_columns(2, {"id": ["a", "b"], "line": [2, 3], "file": ["t.csv"] * 2,
                                      "reports_to": [None, "a"]})
    made = rows.records_of(columns)
    assert made == [Record("a", 2, "t.csv"), Record("b", 3, "t.csv", reports_to="a")]
    assert made[0].notes is not made[1].notes  # a list of its own each
    assert rows.records_of(rows.record_columns(0, {})) == []


def test_rows_linked_directly_as_record_by_record(tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    paths = _inputs(tmp_path)
    for size in (20, 200):  # files that take the direct way (HR exports of unique ids)
        path = tmp_path / f"hr{size}.csv"
        _write_hr_export(path, size)
        paths.append(path)
    taken = 0
    for path in paths:
        for options in ({}, {"keep_going": True}, {"order": "csv"}, {"allow_forest": True}):
            try:
                fast = _outcome(path, **options)
                taken += _linked_directly(path, **options)
            except (OrgvizError, OrgLoadError) as exc:  # companion files: the same error
                fast = (type(exc), str(exc))
            monkeypatch.setattr(direct, "DIRECT", False)
            try:
                slow = _outcome(path, **options)
            except (OrgvizError, OrgLoadError) as exc:
                slow = (type(exc), str(exc))
            monkeypatch.setattr(direct, "DIRECT", True)
            assert fast == slow, (path.name, options)
    assert taken >= 10  # the direct way was tried, not only the record by record one


def _linked_directly(path: Path, **options: object) -> bool:
    result = import_csv(path, ImportOptions(**options))  # type: ignore[arg-type]
    return isinstance(result.records, RecordsOnDemand)


def _write_hr_export(path: Path, rows: int) -> None:
    """An HR export of unique ids whose managers are ids: first/last names, departments."""
    rng = random.Random(rows)
    with path.open("w", encoding="utf-8", newline="") as handle:
        out = csv.writer(handle)
        out.writerow(["EmployeeId", "FirstName", "LastName", "JobTitle", "Department",
                      "ManagerId", "Location", "Email", "Status"])
        for i in range(1, rows + 1):
            boss = "" if i == 1 else f"E{rng.randint(max(1, i // 4 - 2), max(1, i // 4)):04d}"
            out.writerow([f"E{i:04d}", rng.choice(["Dana", "Renée", "no", "Lee"]), f"Last{i}",
                          rng.choice(["CEO", "VP of Engineering", "Engineer", "Odd Title", ""]),
                          rng.choice(["Sales", "Sales Ops", "R&D", ""]), boss,
                          rng.choice(["Berlin", "", "on"]), f"p{i}@x.test",
                          rng.choice(["Active", "Active", "Vacant"])])


# Cells of files whose cells parse_csv can judge all at once (CsvTable.strip_only).
CELLS = st.one_of(st.text(alphabet=" ab1'\"\xa0\u3000,;\r\n", max_size=5),
                  st.sampled_from(["x" * 500, "x" * 501, " " + "x" * 500]))


@settings(max_examples=150, deadline=None)
@given(st.lists(st.lists(CELLS, min_size=4, max_size=4), min_size=1, max_size=5),
       st.sampled_from([",", ";"]), st.booleans(),
       st.sampled_from(["id,name,manager_id,title", "EmployeeId,FirstName,LastName,ReportsTo",
                        "id,name,title,role"]))
def test_strip_only_reads_as_cell_by_cell(rows: list[list[str]], delimiter: str,
                                           quote_all: bool, header: str) -> None:
    out = io.StringIO(newline="")
    writer = csv.writer(out, delimiter=delimiter,
                        quoting=csv.QUOTE_ALL if quote_all else csv.QUOTE_MINIMAL)
    writer.writerow(header.split(","))
    writer.writerows([[f"E{i}", *row[1:]] if i % 2 else row for i, row in enumerate(rows)])
    exact = ",".join(csvimport.EXPORT_COLUMNS)
    texts = [out.getvalue(), out.getvalue().replace(header.replace(",", delimiter), exact)
             if delimiter == "," else out.getvalue()]
    for text in texts:
        data = text.encode("utf-8")
        try:
            mode: object = csvread.parse_csv(data, "t.csv").strip_only
        except OrgLoadError as exc:  # (every row blank: no rows)
            mode = str(exc)
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "t.csv"
            path.write_bytes(data)
            outcomes = []
            for fast in (True, False):
                cells.FAST_COLUMNS = fast
                try:
                    outcomes.append(_outcome(path, keep_going=True))
                except (OrgvizError, OrgLoadError) as exc:
                    outcomes.append((type(exc), str(exc)))
                finally:
                    cells.FAST_COLUMNS = True
            assert outcomes[0] == outcomes[1], (mode, text)


def test_strip_only_and_short_files() -> None:
    def table(text: str) -> csvread.CsvTable:
        return csvread.parse_csv(text.encode("utf-8"), "t.csv")

    assert table("id,name\n1, Ann Lee \n2, Bo\n").strip_only
    assert not table("id,name\n1, Ann Lee \n2,\u3000Bo\n").strip_only  # read in full
    assert not table("id,name\n1,O'Brien\n").strip_only  # a quote mark
    assert not table("id,name\n1,a  b\n").strip_only  # not plain
    assert not table('id,name\n1,"a\nb"\n').strip_only  # a record of two lines
    assert table("id,name\n1,%s\n" % ("x" * 500)).short
    assert not table("id,name\n1,%s\n" % ("x" * 501)).short
    assert not table('id,name\n1,"a\nb"\n').short  # not known
    long = table("id,name\n1,%s\n2,b\n" % ("x" * 600))
    assert (long.rows, long.strip_only) == ([(2, ["1", "x" * 600]), (3, ["2", "b"])], True)


@given(st.text(alphabet=" \t\r\n\x00\x01\x0b\x1f\x7f\x85\x9f\xa0\u2003\u3000ab\ufffe\uffff",
               max_size=12))
def test_plain_as_its_pattern(text: str) -> None:
    # (whitespace other than the space and line breaks is not plain either)
    former = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\xa0\u1680\u2000-\u200a\u2028\u2029"
                        "\u202f\u205f\u3000\ufffe\uffff]|  |\t")
    data = ("id,name,manager_id\n1,x" + text.replace("\x00", "") + ",\n").encode("utf-8")
    table = csvread.parse_csv(data, "t.csv")
    assert table.plain == (former.search(data.decode("utf-8")) is None)


@pytest.mark.parametrize("text", [
    "id,name\n1,Ann\n2,Bob\n", "id,name\r\n1,Ann\r\n\r\n2,Bob", 'id,name\n1,"Ann\nB"\n\n2,Bob\n',
    "id,name\n\n  \n1,Ann\n,\n2,Bob\n", "\n\nid,name\n1,Ann\n", 'id,name\n1,"Ann\r\nB"\r\n2,x',
    "id\n", "id,name\r1,Ann\r2,Bob\r", "a,b\n,\n1,2", "a,b\n1,2\n3\n", "a,b\n"])
def test_one_line_records_as_record_by_record(text: str) -> None:
    fast = csvread._one_line_records(text, ",")
    assert fast is None or fast == csvread._records(text, ",", "t.csv")


def test_tree_order_with_shared_ids_and_cycles() -> None:
    def rec(rid: str, boss: str | None, line: int) -> Record:
        return Record(id=rid, line=line, file="t.csv", reports_to=boss)

    records = [rec("a", None, 2), rec("b", "a", 3), rec("c", "d", 4), rec("d", "c", 5),
               rec("e", "b", 6), rec("b", "e", 7), rec("f", "f", 8)]
    order = tree_order(records)
    # As before the fast path: by id, the last "b" has e as its report; e is listed once.
    assert [(r.line, depth) for r, depth in order] == [(2, 0), (3, 1), (6, 2), (7, 3), (4, 0),
                                                       (5, 0), (8, 0)]
    unique = [r for r in records if r.line != 7]
    assert [(r.line, d) for r, d in tree_order(unique)] == [(2, 0), (3, 1), (6, 2), (4, 0),
                                                            (5, 0), (8, 0)]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet='ab ,;"\'\r\n\t', max_size=30), st.sampled_from([",", ";"]),
       st.sampled_from([1, 2, 3, 5, 8, 1 << 16]))
def test_split_columns_as_record_by_record(text: str, delimiter: str, piece: int) -> None:
    # (small pieces: the file is split a few characters at a time, lines never cut)
    with mock.patch.object(csvread, "_PIECE_CHARS", piece):
        split = csvread._split_columns(text, delimiter)
    if split is None:
        return
    header, columns, trimmed, double_space = split
    assert trimmed == all(c == c.strip(" ") for c in [*header, *chain.from_iterable(columns)])
    assert double_space == ("  " in text)
    rows = list(zip(range(2, len(columns[0]) + 2), map(list, zip(*columns, strict=True)),
                    strict=True))
    assert (header, rows, 1) == csvread._records(text, delimiter, "t.csv")  # (header: line 1)


@pytest.mark.parametrize("text", [
    "id,name\n1,Ann\n2,Bob\n", "id,name\r\n1,Ann\r\n2,Bob", "id,name\r\n1,Ann\r2,Bob\r\n",
    "id,name\n1,Ann\n\n2,Bob\n", "id,name\n1,Ann,x\n2\n", 'id,name\n1,"Ann"\n', "id\n1\n",
    "id,name\n1,%s\n" % ("x" * 501), "id,name\n1,%s\n" % ("x" * 500), "id,name\n1, O'B \n",
    "id;name\n1;a\tb\n", "id,name\n1,a  b\n"])
def test_split_tables_as_read_by_csv_reader(text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    def table(data: bytes) -> tuple[object, ...]:
        got = csvread.parse_csv(data, "t.csv")
        return (got.header, got.rows, got.row_count, got.delimiter, got.plain,
                got.strip_only, got.short)

    split = table(text.encode("utf-8"))
    monkeypatch.setattr(csvread, "_split_columns", lambda text, delimiter: None)
    assert split == table(text.encode("utf-8"))


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab ,;'\r\n\xa0", max_size=30), st.sampled_from([",", ";"]))
def test_trimmed_tables_have_no_cell_to_strip(text: str, delimiter: str) -> None:
    try:
        table = csvread.parse_csv(("id,name,x\n" + text).encode("utf-8"), "t.csv", None,
                                  delimiter)
    except OrgLoadError:
        return
    if table.trimmed:
        assert table.columns is not None and table.strip_only
        assert all(cell == cell.strip() for column in table.columns for cell in column)
        assert all(h == h.strip() for h in table.header)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(st.none(), st.integers(0, 12)), max_size=12))
def test_tree_rows_walk_depth_first(bosses: list[int | None]) -> None:
    ids = [f"p{i}" for i in range(len(bosses))]
    managers = [None if b is None else f"p{b}" for b in bosses]
    children: dict[int, list[int]] = {}
    for row, boss in enumerate(bosses):
        if boss is not None and boss < len(bosses):
            children.setdefault(boss, []).append(row)

    def walk(row: int, depth: int) -> list[tuple[int, int]]:
        return [(row, depth), *(p for kid in children.get(row, ())
                                for p in walk(kid, depth + 1))]

    tops = [r for r, b in enumerate(bosses) if b is None or b >= len(bosses)]
    expected = [p for top in tops for p in walk(top, 0)]
    rows, depths = csvimport.order.tree_rows(dict(zip(ids, range(len(ids)), strict=True)),
                                             managers)
    assert list(zip(rows, depths, strict=True)) == expected


def test_split_columns_share_the_strings_of_repeating_values() -> None:
    rows = "".join(f"E{i},Dept {i % 3},{'Berlin' if i % 2 else 'Lisbon'}\n" for i in range(200))
    table = csvread.parse_csv(("id,team,location\n" + rows).encode("utf-8"), "t.csv")
    assert table.columns is not None
    ids, teams, places = table.columns
    assert ids == [f"E{i}" for i in range(200)]
    assert teams == [f"Dept {i % 3}" for i in range(200)]
    assert places == ["Berlin" if i % 2 else "Lisbon" for i in range(200)]
    assert len(set(map(id, teams))) == 3 and len(set(map(id, places))) == 2
    assert len(set(map(id, ids))) == 200


SPACED = st.sampled_from(["a", "b c", " a", "a ", "a  b", "", " ", "x y z", "E1"])


@settings(max_examples=150, deadline=None)
@given(st.lists(st.lists(SPACED, min_size=3, max_size=3), min_size=1, max_size=80),
       st.sampled_from(["id,name,title", "id,na  me,title", " id,name,title"]))
def test_split_columns_find_spaces_as_the_text_shows_them(rows: list[list[str]],
                                                          header: str) -> None:
    # (the first column with a value of its own on each row: it does not repeat values)
    rows = [[f"{row[0]}{i}{row[0]}", *row[1:]] for i, row in enumerate(rows)]
    text = header + "\n" + "".join(",".join(row) + "\n" for row in rows)
    table = csvread.parse_csv(text.encode("utf-8"), "t.csv")
    assert table.columns is not None
    cells = [c for row in [header.split(","), *rows] for c in row]
    assert table.plain == table.strip_only == ("  " not in text)
    assert table.trimmed == (table.plain and all(c[:1] != " " and c[-1:] != " "
                                                 for c in cells))


@given(st.lists(NAMES, max_size=6))
def test_maybe_placeholders_told_single_spaced_agrees(names: list[str | None]) -> None:
    if values._single_spaced(names):
        assert list(values._maybe_placeholders(names, True)) == \
            list(values._maybe_placeholders(names))
