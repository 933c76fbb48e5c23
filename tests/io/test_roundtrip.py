"""The YAML writer and the CSV export round-trip through orgviz's loader and importer."""

from __future__ import annotations

import dataclasses
import re
import tempfile
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from orgviz.io.csvimport import ImportOptions, import_csv
from orgviz.io.export import to_csv, to_teams_csv
from orgviz.io.orgwrite import dump_org
from orgviz.io.yamlwrite import comment, flow_mapping, scalar
from orgviz.loader import load
from orgviz.model import NO_LOC, Org, Person, Team
from orgviz.problem import SourceLoc
from orgviz.roles import BUILTIN_ROLES, DEFAULT_LADDER
from orgviz.yamlread import read_yaml

# Text the loader accepts in a value: no surrogates (not UTF-8), at most 500 characters.
TEXT = st.text(st.characters(exclude_categories=("Cs",)), min_size=1, max_size=40)
# Text that a CSV cell carries exactly and an org file may hold: also no control
# characters, nor the noncharacters U+FFFE and U+FFFF (the loader refuses both).
CELL = st.text(st.characters(exclude_categories=("Cs", "Cc"), exclude_characters="\ufffe\uffff"),
               min_size=1, max_size=30)
IDENT = CELL.filter(lambda s: s.strip() != "")
# Empty and whitespace-only text (every character of str.isspace, control characters too:
# the writer escapes them). The loader refuses it: an error at the value, the value absent.
WHITESPACE = "".join(c for c in map(chr, range(0x3001)) if c.isspace())
BLANK = st.text(st.sampled_from(WHITESPACE), max_size=3)
TEXT_FIELDS = ("name", "title", "location", "email")
#: FTEs as files hold them: up to 9 decimals (here 2, and some that are whole numbers).
FTES = st.none() | st.integers(0, 10_000_000).map(lambda n: n / 100) | st.sampled_from(
    [0.0, 1.0, 0.6, 12.5, 0.000000001, 100_000.0])


@given(TEXT)
def test_scalar_reads_back_with_orgviz_reader(text: str) -> None:
    doc = read_yaml(f"key: {scalar(text)}\nlist: [{scalar(text)}, x]\n", "t.yaml")
    assert doc["key"] == text
    assert doc["list"][0] == text


@given(TEXT)
def test_scalar_reads_back_with_pyyaml(text: str) -> None:
    assert yaml.safe_load(f"key: {scalar(text)}")["key"] == text
    assert yaml.safe_load(flow_mapping([("k", text)]))["k"] == text


def test_misreadable_words_are_quoted() -> None:
    for word in ("no", "On", "yes", "y", "N", "null", "~", "0123", "1e3", "2024-01-01",
                 "12:30", "0x1F", ".inf", "-", "a: b", "#x", "x #y", " lead", "trail ",
                 "[a]", "{a}", "a,b", "@x", "`x", "!tag", "&a", "*a", "%x", "|", ">"):
        quoted = scalar(word)
        assert quoted.startswith('"'), word
        assert yaml.safe_load(f"v: {quoted}")["v"] == word


def test_bidirectional_controls_are_escaped_and_read_back() -> None:
    # An override or isolate would reorder how the line shows in an editor or a diff.
    for text in ("\u202eAnn", "a\u2066b\u2069c", "\u200fx", "x\u061c", "\u202a\u202d"):
        quoted = scalar(text)
        assert quoted.isascii(), quoted
        assert re.fullmatch(r'"(?:[^\\]|\\u[0-9A-F]{4})*"', quoted), quoted
        assert read_yaml(f"key: {quoted}\n", "t.yaml")["key"] == text
        assert yaml.safe_load(f"key: {quoted}")["key"] == text
    assert scalar("שלום עולם") == "שלום עולם"  # right-to-left text itself stays as it is
    assert comment("# name '\u202eAnn'") == "# name '\\u202EAnn'"


@given(TEXT)
def test_comment_stays_on_one_line(text: str) -> None:
    doc = read_yaml(f"{comment('# ' + text)}\nkey: value\n", "t.yaml")
    assert doc == {"key": "value"}


@given(TEXT)
def test_comment_takes_a_shortcut_only_where_nothing_changes(text: str) -> None:
    # comment() returns printable ASCII as it is without its pattern: the same as with it.
    from orgviz.io import yamlwrite

    bad = re.compile(yamlwrite._COMMENT_BAD)
    assert comment(text) == bad.sub(lambda m: f"\\u{ord(m.group()):04X}", text)
    assert comment("tab\there\nand \u2028 end") == "tab\\u0009here\\u000Aand \\u2028 end"


ROLE_IDS = [r.id for r in BUILTIN_ROLES]


@st.composite
def orgs(draw: st.DrawFn, blank_names: bool = True, with_teams: bool = False) -> Org:
    """Orgs with any text; the texts may be blank (`BLANK`), and so may the names of filled
    positions when `blank_names`; `with_teams`: teams in any order, with names or none,
    colors, leads and parents, and teams nobody is in (`described_teams`)."""
    ids = draw(st.lists(IDENT, min_size=1, max_size=12, unique=True))
    team_ids = draw(st.lists(IDENT, max_size=3, unique=True))
    optional = st.none() | CELL | BLANK
    people = []
    for i, pid in enumerate(ids):
        vacant = draw(st.booleans())
        roles = tuple(draw(st.lists(st.sampled_from(ROLE_IDS), max_size=2, unique=True)))
        title = draw(optional)
        source = "explicit" if roles else "none"
        inferred = DEFAULT_LADDER.infer(title) if title and not roles else None
        if inferred:  # (a title such as 'VP': the loader infers the role, as it does here)
            roles, source = (inferred,), "title"
        people.append(Person(
            id=pid, loc=NO_LOC,
            name=draw(optional if vacant else (CELL | BLANK) if blank_names else IDENT),
            title=title, roles=roles, role_source=source,
            reports_to=draw(st.none() | st.sampled_from(ids[:i] or [pid])) if i else None,
            # (a dotted line to oneself is an error of the org: import leaves it out)
            dotted_to=tuple(draw(st.lists(st.sampled_from([d for d in ids if d != pid]),
                                          max_size=2, unique=True)) if len(ids) > 1 else ()),
            team=draw(st.none() | st.sampled_from(team_ids)) if team_ids else None,
            vacant=vacant, assistant=draw(st.booleans()),
            location=draw(optional), email=draw(optional), fte=draw(FTES)))
    teams = tuple(Team(id=t, loc=NO_LOC, name=draw(IDENT)) for t in team_ids)  # (not blank)
    if with_teams:
        teams = draw(described_teams(team_ids, ids))
    return Org(file="t.yaml", name=draw(IDENT), size="mid-size", people=tuple(people),
               teams=teams)


COLORS = st.from_regex(r"#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})", fullmatch=True)


@st.composite
def described_teams(draw: st.DrawFn, team_ids: list[str], people: list[str]
                    ) -> tuple[Team, ...]:
    """The teams of `team_ids` and a few more that nobody is in, in any order, each with or
    without a name, a color, a lead (one of `people`) and a parent (a team that nests no
    deeper: no cycle)."""
    more = draw(st.lists(IDENT.filter(lambda t: t not in team_ids), max_size=2, unique=True))
    order = draw(st.permutations([*team_ids, *more]))
    depth = {tid: draw(st.integers(0, 2)) for tid in order}  # (a parent is less deep)
    teams = []
    for tid in order:
        above = [t for t in order if depth[t] < depth[tid]]
        teams.append(Team(
            id=tid, loc=NO_LOC, name=draw(st.none() | IDENT), color=draw(st.none() | COLORS),
            lead=draw(st.none() | st.sampled_from(people)),
            parent=draw(st.none() | st.sampled_from(above)) if above else None))
    return tuple(teams)


def _comparable(person: Person) -> Person:
    return dataclasses.replace(person, loc=NO_LOC, field_locs={}, item_locs={})


def _blank(text: str | None) -> bool:
    return text is not None and (not text or text.isspace())


def _as_loaded(person: Person) -> Person:
    """A person as the loader gives it back: blank texts absent (a role is not inferred
    from a blank title: the strategy infers none either)."""
    return _comparable(dataclasses.replace(person, **{
        key: None for key in TEXT_FIELDS if _blank(getattr(person, key))}))


def _blank_problems(org: Org, loaded: Org) -> list[tuple[SourceLoc, str]]:
    """The problem the loader reports for each blank text of `org` (at the value of the
    person as loaded), in file order."""
    hints = {"name": "write the person's name (an open position has 'vacant: true' and no "
                     "name)"}
    found = []
    for person, again in zip(org.people, loaded.people, strict=True):
        for key in TEXT_FIELDS:
            text = getattr(person, key)
            if _blank(text):
                hint = hints.get(key, "write a value or leave the key out")
                if key == "name" and person.vacant:
                    hint = "leave the key out (an open position needs no name)"
                what = "is empty" if not text else "is only whitespace"
                found.append((again.at(key), f"'{key}' of person '{person.id}' {what}: {hint}"))
    return found


def _load_text(text: str, name: str) -> Org:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / name
        path.write_text(text, encoding="utf-8")
        return load(path)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(orgs())
def test_dump_org_then_load_is_identity(org: Org) -> None:
    # Identity but for blank texts, each an error at its value (and absent after loading).
    loaded = _load_text(dump_org(org), "org.yaml")
    assert [(SourceLoc(p.file, p.line, p.col), p.message) for p in loaded.load_problems] == \
        _blank_problems(org, loaded)
    assert {(p.level, p.rule) for p in loaded.load_problems} <= {("error", "schema")}
    assert loaded.name == org.name
    assert [_comparable(p) for p in loaded.people] == [_as_loaded(p) for p in org.people]


def _team_fields(org: Org) -> list[tuple[str, str | None, str | None, str | None, str | None]]:
    """What an org's `teams:` hold, in order: each team's id, name, parent, lead and color."""
    return [(t.id, t.name, t.parent, t.lead, t.color) for t in org.teams]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(orgs(blank_names=False, with_teams=True))
def test_import_of_export_equals_org(org: Org) -> None:
    # Blank texts load as absent (with errors; `orgviz export` refuses such a file), and an
    # absent value is an empty cell: the round trip keeps them absent. (A filled position
    # without a name is named by its id on import: such a file is refused, see test_export.)
    # The teams table beside the CSV carries `teams:` whole: order, names, parents, leads,
    # colors, and teams nobody is in.
    original = _load_text(dump_org(org), "org.yaml")
    assert [_comparable(p) for p in original.people] == [_as_loaded(p) for p in org.people]
    assert _team_fields(original) == _team_fields(org)
    with tempfile.TemporaryDirectory() as tmp:
        csv_path = Path(tmp) / "org.csv"
        csv_path.write_bytes(to_csv(original).encode("utf-8"))
        teams_path = Path(tmp) / "org.teams.csv"
        teams_path.write_bytes(to_teams_csv(original).encode("utf-8"))
        result = import_csv(csv_path, ImportOptions(name=org.name, size=org.size, order="csv",
                                                    keep_going=True, teams=str(teams_path)))
    assert result.errors == 0, result.problems
    assert [p for p in result.problems if p.file == str(teams_path)
            or p.rule in ("unknown-team", "csv")] == []
    again = _load_text(result.text, "again.yaml")
    assert again.load_problems == ()
    assert (again.name, again.size) == (original.name, original.size)
    assert [_comparable(p) for p in again.people] == [_comparable(p) for p in original.people]
    assert _team_fields(again) == _team_fields(original)
    # The in-memory org of the import is the same as the file it wrote.
    assert [_comparable(p) for p in result.org.people] == [
        dataclasses.replace(_comparable(p), field_locs={}) for p in again.people]
    assert _team_fields(result.org) == _team_fields(again)


def test_example_orgs_round_trip() -> None:
    root = Path(__file__).resolve().parents[2] / "orgs"
    for path in sorted(root.glob("*.yaml")):
        org = load(path)
        with tempfile.TemporaryDirectory() as tmp:
            csv_path = Path(tmp) / "org.csv"
            csv_path.write_text(to_csv(org), encoding="utf-8", newline="")
            teams_path = Path(tmp) / "org.teams.csv"
            teams_path.write_text(to_teams_csv(org), encoding="utf-8", newline="")
            result = import_csv(csv_path, ImportOptions(name=org.name, size=org.size,
                                                        order="csv", teams=str(teams_path)))
        again = _load_text(result.text, "again.yaml")
        assert [_comparable(p) for p in again.people] == [_comparable(p) for p in org.people]
        assert _team_fields(again) == _team_fields(org), path.name


EXAMPLES = sorted((Path(__file__).resolve().parents[2] / "orgs").glob("*.yaml"))


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_export_import_export_is_byte_identical(example: Path, tmp_path: Path) -> None:
    # The exact layout keeps the file's order by default (it is the org file's order).
    first = to_csv(load(example))
    csv_path = tmp_path / "org.csv"
    csv_path.write_text(first, encoding="utf-8", newline="")
    result = import_csv(csv_path)
    assert result.errors == 0
    yaml_path = tmp_path / "org.yaml"
    yaml_path.write_text(result.text, encoding="utf-8")
    assert to_csv(load(yaml_path)) == first
    # The teams table too, read beside the CSV.
    teams = to_teams_csv(load(example))
    teams_path = tmp_path / "org.teams.csv"
    teams_path.write_text(teams, encoding="utf-8", newline="")
    result = import_csv(csv_path, ImportOptions(teams=str(teams_path)))
    assert result.errors == 0
    yaml_path.write_text(result.text, encoding="utf-8")
    assert (to_csv(load(yaml_path)), to_teams_csv(load(yaml_path))) == (first, teams)


def test_whitespace_cells_of_the_exact_layout_import_as_absent(tmp_path: Path) -> None:
    # `orgviz export` writes no such cell (the loader refuses blank texts); a CSV edited by
    # hand may have one. The org file written must load without errors.
    from orgviz.io.csvimport import EXPORT_COLUMNS

    csv_path = tmp_path / "org.csv"
    csv_path.write_text(",".join(EXPORT_COLUMNS) + "\r\n" + "ceo,Ada, ,,,,,,,,\t, \r\n",
                        encoding="utf-8", newline="")
    result = import_csv(csv_path)
    again = _load_text(result.text, "again.yaml")
    assert again.load_problems == ()
    (person,) = again.people
    assert (person.name, person.title, person.location, person.email) == ("Ada", None, None,
                                                                         None)


@pytest.mark.parametrize("exact", [True, False], ids=["exact-layout", "other-layout"])
def test_names_starting_with_a_quote_round_trip(tmp_path: Path, exact: bool) -> None:
    # The importer drops a leading quote only where the export put one (before = + - @, a
    # tab, a CR or a quote): Dutch names keep theirs, in the export's layout or another.
    from orgviz.io.csvimport.values import FORMULA_GUARDED
    from orgviz.io.export import _FORMULA_START

    assert FORMULA_GUARDED == _FORMULA_START
    names = ["'t Hooft", "'s-Gravesande", "O'Brien'", "=1+2", "'Vacant'", "@x", "'quoted"]
    org = Org(file="t.yaml", name="Dutch", size="small", people=tuple(
        Person(id=f"p{i}", loc=NO_LOC, name=name, reports_to="p0" if i else None)
        for i, name in enumerate(names)))
    text = to_csv(_load_text(dump_org(org), "org.yaml"))
    assert text.splitlines()[4:6] == ["p3,'=1+2,,,p0,,,,,,,",
                                      "p4,''Vacant',,,p0,,,,,,,"]
    if not exact:  # (a column more: read as any HR export, values cleaned)
        text = "".join(line + ",x\r\n" for line in text.splitlines())
    csv_path = tmp_path / "org.csv"
    csv_path.write_text(text, encoding="utf-8", newline="")
    result = import_csv(csv_path, ImportOptions(order="csv"))
    assert result.errors == 0, result.problems
    assert [p.name for p in _load_text(result.text, "again.yaml").people] == names


@pytest.mark.parametrize("quoted", [False, True], ids=["plain", "quoted-cells"])
@pytest.mark.parametrize("extra", [",", ",,", ", ,"])
def test_empty_columns_a_spreadsheet_adds_keep_the_exact_layout(tmp_path: Path, quoted: bool,
                                                                  extra: str) -> None:
    # (an exported CSV saved again by a spreadsheet with a trailing empty column was read as
    # any HR export: team names lost, the order changed, placeholder names made vacancies)
    example = Path(__file__).resolve().parents[2] / "orgs" / "small.yaml"
    first = to_csv(load(example))
    lines = first.split("\r\n")[:-1]
    if quoted:  # (a cell with a line break: the table is read row by row, not by columns)
        lines[1] = lines[1].replace("Lisbon", '"Lis\nbon"')
    edited = "\r\n".join(line + extra for line in lines) + "\r\n"
    csv_path = tmp_path / "org.csv"
    csv_path.write_text(edited, encoding="utf-8", newline="")
    result = import_csv(csv_path)
    assert [p for p in result.problems if p.level != "info"] == []
    yaml_path = tmp_path / "org.yaml"
    yaml_path.write_text(result.text, encoding="utf-8")
    again = to_csv(load(yaml_path))
    assert again == (first if not quoted else first.replace("Lisbon", '"Lis\nbon"', 1))


def test_a_column_with_a_value_right_of_the_export_layout_is_another_layout(
        tmp_path: Path) -> None:
    from orgviz.io.csvimport import EXPORT_COLUMNS

    csv_path = tmp_path / "org.csv"
    csv_path.write_text(",".join(EXPORT_COLUMNS) + ",\r\nceo,Ada,,,,,,,,,,,note\r\n",
                        encoding="utf-8", newline="")
    result = import_csv(csv_path)
    assert "# Not imported: column 13\n" in result.text  # (the exact layout has no other)


@pytest.mark.parametrize("with_teams_file", [False, True])
def test_exact_layout_teams_without_a_name_are_listed_with_the_others(
        tmp_path: Path, with_teams_file: bool) -> None:
    # (a row added by hand with a team and no team_name: the org file listed the named teams
    # only, and failed validation: "'b' is in team 'y', which is not a team"; with --teams,
    # a row's department id was written as its team, undeclared)
    from orgviz.io.csvimport import EXPORT_COLUMNS
    from orgviz.validate import validate

    csv_path = tmp_path / "org.csv"
    csv_path.write_text(",".join(EXPORT_COLUMNS) + "\r\na,A,,,,,x,X Team,,,,\r\n"
                        "b,B,,,a,,y,,,,,\r\nc,C,,,a,,x,,,,,\r\nd,D,,,a,,10,,,,,\r\n",
                        encoding="utf-8", newline="")
    options = ImportOptions()
    if with_teams_file:
        departments = tmp_path / "departments.csv"
        departments.write_text("department_id,department_name,manager_id\n10,Exec,a\n",
                               encoding="utf-8")
        options = ImportOptions(teams=str(departments))
    result = import_csv(csv_path, options)
    org = _load_text(result.text, "again.yaml")
    assert org.load_problems == ()
    assert [p for p in validate(org) if p.level == "error"] == []
    ten = "exec" if with_teams_file else "10"
    assert [(p.id, p.team) for p in org.people] == [("a", "x"), ("b", "y"), ("c", "x"),
                                                     ("d", ten)]
    expected = [("x", "X Team"), ("y", None), ("10", None)]
    if with_teams_file:
        expected = [("exec", "Exec"), ("x", "X Team"), ("y", None)]
    assert [(t.id, t.name) for t in org.teams] == expected


def test_a_team_without_a_name_imports_back_without_one(tmp_path: Path) -> None:
    # (export writes the id of a team without a name as its team_name: import gave the team
    # that id as its name, `{id: eng, name: eng}`)
    org = _load_text("orgviz: 1\norg: {name: T, size: small}\nteams:\n  - {id: eng}\n"
                     "  - {id: ops, name: Operations}\npeople:\n  - {id: a, name: A, team: eng}\n"
                     "  - {id: b, name: B, reports_to: a, team: ops}\n", "org.yaml")
    csv_path = tmp_path / "org.csv"
    csv_path.write_text(to_csv(org), encoding="utf-8", newline="")
    again = _load_text(import_csv(csv_path).text, "again.yaml")
    assert [(t.id, t.name) for t in again.teams] == [("eng", None), ("ops", "Operations")]
    assert to_csv(again) == to_csv(org)


@pytest.mark.parametrize("linked_directly", [True, False], ids=["direct", "record-by-record"])
def test_dotted_lines_of_the_exact_layout_to_nobody_or_oneself_are_left_out(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, linked_directly: bool) -> None:
    # (an export of an org with such a dotted line wrote them into the org file as they were,
    # which validate rejects, while import exited 0)
    from orgviz.io.csvimport import EXPORT_COLUMNS, direct
    from orgviz.validate import validate

    monkeypatch.setattr(direct, "DIRECT", linked_directly)
    csv_path = tmp_path / "org.csv"
    csv_path.write_text(",".join(EXPORT_COLUMNS) + "\r\n" + "ceo,Ada,CEO,,,b,,,,,,\r\n"
                        "a,Bo,Engineer,,ceo,nobody;b,,,,,,\r\nb,Cy,Engineer,,ceo,b,,,,,,\r\n",
                        encoding="utf-8", newline="")
    result = import_csv(csv_path)
    assert [(p.line, p.col, p.level, p.rule, p.message) for p in result.problems] == [
        (3, 6, "warning", "unknown-manager", "dotted-line manager 'nobody' not found: left out"),
        (4, 6, "warning", "self-report", "'b' has a dotted line to itself: left out")]
    assert [p.dotted_to for p in result.org.people] == [("b",), ("b",), ()]
    assert "  # org.csv:4: 'b' has a dotted line to itself: left out\n" in result.text
    assert validate(_load_text(result.text, "again.yaml")) == []


@pytest.mark.parametrize("linked_directly", [True, False], ids=["direct", "record-by-record"])
def test_a_self_report_in_the_exact_layout_is_a_self_report_as_validate_says(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, linked_directly: bool) -> None:
    # (import called it "reporting cycle c -> c (row 3)" [cycle], validate self-report)
    from orgviz.io.csvimport import EXPORT_COLUMNS, direct
    from orgviz.validate import validate

    monkeypatch.setattr(direct, "DIRECT", linked_directly)
    source = _load_text("orgviz: 1\norg: {name: T}\npeople:\n"
                        "  - {id: ceo, name: Ada, title: CEO}\n"
                        "  - {id: c, name: Cy, title: Engineer, reports_to: c}\n", "org.yaml")
    assert [p.rule for p in validate(source) if p.level == "error"] == ["self-report"]
    csv_path = tmp_path / "org.csv"
    csv_path.write_text(to_csv(source), encoding="utf-8", newline="")
    (problem,) = import_csv(csv_path).problems
    column = EXPORT_COLUMNS.index("reports_to") + 1
    assert tuple(problem) == (str(csv_path), 3, column, "error", "self-report",
                              "'c' reports to itself")
    kept = import_csv(csv_path, ImportOptions(keep_going=True))
    assert [(p.line, p.col, p.rule, p.message) for p in kept.problems] == [
        (3, column, "self-report", "'c' reports to itself: imported as a top of the org")]
    assert "  # org.csv:3: reports to itself in the CSV: imported as a top\n" in kept.text
    assert [p.reports_to for p in _load_text(kept.text, "again.yaml").people] == [None, None]
