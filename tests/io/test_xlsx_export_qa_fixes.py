"""QA's findings on workbooks and exports: chart and hidden sheets, title rows of several
cells, and what a CSV round trip keeps, repairs or drops."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook
from openpyxl.chart import BarChart, Reference

from orgviz.errors import OrgFileError, OrgvizError
from orgviz.io.columns import detect, has_people_columns
from orgviz.io.csvimport import ImportOptions, import_csv
from orgviz.io.xlsxread import _Sheets, read_xlsx
from orgviz.model import Person

HEADER = ["id", "name", "title", "manager"]
ROWS: list[list[Any]] = [[1, "Ada Obi", "Chief Executive Officer", None],
                         [2, "Bo Chen", "Chief Technology Officer", 1],
                         [3, "Cy Dee", "Software Engineer", 2]]


def book_of(path: Path, sheets: dict[str, Sequence[Sequence[Any]]], *,
            charts: Sequence[tuple[int, str]] = (), hidden: Sequence[str] = ()) -> Path:
    """A workbook of these worksheets, with chart sheets (position, title) of a bar chart of
    the first worksheet's first column, and the sheets named in `hidden` hidden."""
    book = Workbook()
    book.remove(book.active)
    for title, rows in sheets.items():
        sheet = book.create_sheet(title)
        for row in rows:
            sheet.append(list(row))
        if title in hidden:
            sheet.sheet_state = "hidden"
    data = book.worksheets[0]
    for index, title in charts:
        chart = BarChart()
        chart.add_data(Reference(data, min_col=1, min_row=1, max_row=data.max_row))
        book.create_chartsheet(title, index).add_chart(chart)
    book.save(path)
    return path


# -- 1. chart sheets and hidden sheets --------------------------------------------------


def test_a_chart_sheet_first_is_skipped_for_the_first_worksheet(tmp_path: Path) -> None:
    # (was: "cannot read sheet 'Chart' ('Chartsheet' object has no attribute
    # 'reset_dimensions')", exit 2)
    book = book_of(tmp_path / "x3.xlsx", {"Data": [HEADER, *ROWS]}, charts=[(0, "Chart")])
    table = read_xlsx(book)
    assert table.header == HEADER and [line for line, _ in table.rows] == [2, 3, 4]
    assert [(p.line, p.col, p.level, p.message) for p in table.problems] == [
        (1, 1, "info", "read sheet 'Data' (chart sheet 'Chart' skipped)")]
    assert table.sheets == ()  # (no other sheet that --sheet could pick)
    result = import_csv(book)
    assert [p.id for p in result.org.people] == ["1", "2", "3"]
    assert "from x3.xlsx (3 rows, sheet 'Data')" in result.text


def test_sheet_naming_a_chart_says_it_is_one(tmp_path: Path,
                                             run: Callable[..., Any]) -> None:
    book_of(tmp_path / "x3.xlsx", {"Data": [HEADER, *ROWS], "More": [HEADER, *ROWS]},
            charts=[(0, "Chart"), (2, "Trend")])
    said = run("import", "x3.xlsx", "--sheet", "Chart")
    assert (said.exit_code, said.output) == (
        2, "orgviz: x3.xlsx: sheet 'Chart' is a chart, not a table: sheet (--sheet) picks one "
           "of 'Data', 'More'\n")
    missing = run("import", "x3.xlsx", "--sheet", "Staff")
    assert (missing.exit_code, missing.output) == (
        2, "orgviz: x3.xlsx: no sheet named 'Staff' (sheets: 'Data', 'More')\n")
    table = read_xlsx(tmp_path / "x3.xlsx", "More")
    assert [(p.line, p.col, p.level, p.message) for p in table.problems] == [
        (1, 1, "info", "read sheet 'More' of 2 ('Data', 'More'; chart sheets 'Chart', "
                       "'Trend' skipped): sheet (--sheet) picks another")]
    assert table.sheets == ("More", "Data")


def test_a_hidden_first_sheet_gives_way_to_the_first_visible_one(tmp_path: Path) -> None:
    book = book_of(tmp_path / "hidden.xlsx", {"Old": [["x", "y"], [1, 2]],
                                              "Data": [HEADER, *ROWS]}, hidden=["Old"])
    table = read_xlsx(book)
    assert table.header == HEADER
    assert [(p.line, p.col, p.level, p.message) for p in table.problems] == [
        (1, 1, "info", "read sheet 'Data' of 2 ('Old' (hidden), 'Data'): sheet (--sheet) "
                       "picks another")]
    assert table.sheets == ("Data", "Old")
    assert read_xlsx(book, "Old").header == ["x", "y"]  # (--sheet still reads it)


def test_a_chart_before_hidden_worksheets_reads_the_first_of_them(tmp_path: Path) -> None:
    # (a dashboard: the chart shows, the data behind it is hidden)
    book = book_of(tmp_path / "all.xlsx", {"A": [HEADER, *ROWS], "B": [HEADER, *ROWS[:1]]},
                   charts=[(0, "Chart")], hidden=["A", "B"])
    table = read_xlsx(book)
    assert len(table.rows) == len(ROWS)
    assert [(p.line, p.col, p.message) for p in table.problems] == [
        (1, 1, "read sheet 'A' of 2 ('A' (hidden), 'B' (hidden); chart sheet 'Chart' "
               "skipped): sheet (--sheet) picks another")]


def test_a_missing_column_names_the_worksheets_not_the_charts(tmp_path: Path) -> None:
    book = book_of(tmp_path / "x.xlsx", {"Summary": [["Total", "Open"], [3, 0]],
                                         "People": [HEADER, *ROWS]}, charts=[(0, "Chart")])
    with pytest.raises(OrgvizError) as raised:
        import_csv(book)
    assert str(raised.value).endswith(
        "(read sheet 'Summary' of 2; the others: 'People'; sheet (--sheet) picks one): give "
        "the id column (--id COLUMN)")


def test_a_workbook_of_charts_alone_says_so() -> None:
    # (openpyxl cannot save one, and reads none without its worksheet data: a stand-in)
    book = SimpleNamespace(sheetnames=["C1", "C2"], worksheets=[],
                           chartsheets=[SimpleNamespace(title="C1"),
                                        SimpleNamespace(title="C2")])
    with pytest.raises(OrgFileError) as raised:
        _Sheets(book).pick("c.xlsx", None)
    assert str(raised.value) == (
        "c.xlsx: the workbook has no table, only chart sheets ('C1', 'C2'): save the data "
        "behind the charts as a sheet, or as CSV")


# -- 2. title rows of several cells above the header ------------------------------------


def test_a_title_row_of_two_cells_is_skipped(tmp_path: Path) -> None:
    # (was: row 1 taken as the header, "no id or name column found ... pass --id COLUMN")
    rows = [["Headcount report", "as of 2024-06-30"], HEADER, *ROWS, [4, "Di Eze", "PM", 9]]
    book = book_of(tmp_path / "hc.xlsx", {"People": rows})
    table = read_xlsx(book)
    assert (table.header, table.header_line) == (HEADER, 2)
    result = import_csv(book, ImportOptions(keep_going=True))
    assert [p.id for p in result.org.people] == ["1", "2", "3", "4"]
    assert [(p.line, p.col, p.level, p.rule, p.message) for p in result.problems
            if p.rule in ("csv", "unknown-manager")] == [
        (2, 1, "info", "csv", "the header is on row 2: the rows above it are skipped "
                              "('Headcount report as of 2024-06-30' ...)"),
        (6, 4, "error", "unknown-manager", "manager '9' not found: imported as a top")]


def test_title_rows_of_any_width_and_blank_rows_are_skipped(tmp_path: Path) -> None:
    rows = [["Acme Corp"], ["Headcount", "Region: EMEA", "Confidential"], [],
            ["Printed", "2024-07-01"], HEADER, *ROWS]
    table = read_xlsx(book_of(tmp_path / "hc.xlsx", {"People": rows}))
    assert (table.header_line, [line for line, _ in table.rows]) == (5, [6, 7, 8])
    assert [(p.line, p.col, p.message) for p in table.problems] == [
        (5, 1, "the header is on row 5: the rows above it are skipped ('Acme Corp Headcount "
               "Region: EMEA Confidential Printed 2024-0' ...)")]


def test_a_first_row_of_unknown_columns_stays_the_header_without_one_below(
        tmp_path: Path) -> None:
    # (no row below it has an id or name column and a manager column: --id names columns
    # of this header, as before)
    rows = [["Emp", "Boss", "Role"], [1, None, "CEO"], [2, 1, "CTO"]]
    book = book_of(tmp_path / "own.xlsx", {"People": rows})
    table = read_xlsx(book)
    assert (table.header, table.header_line, table.problems) == (["Emp", "Boss", "Role"], 1, [])
    result = import_csv(book, ImportOptions(columns={"id": ["Emp"], "manager": ["Boss"]}))
    assert [p.reports_to for p in result.org.people] == [None, "1"]


def test_the_header_is_looked_for_in_ten_rows_below_the_first(tmp_path: Path) -> None:
    titles: list[list[Any]] = [["Report", f"part {n}"] for n in range(11)]
    near = read_xlsx(book_of(tmp_path / "near.xlsx", {"P": [*titles[:10], HEADER, *ROWS]}))
    assert near.header_line == 11
    far = read_xlsx(book_of(tmp_path / "far.xlsx", {"P": [*titles, HEADER, *ROWS]}))
    assert (far.header, far.header_line) == (["Report", "part 0"], 1)


def test_a_header_whose_manager_name_failed_is_found_below_a_title(tmp_path: Path) -> None:
    # (as in a CSV: a header row with an id or name column and an Excel error, which may be
    # the manager column's name)
    rows = [["Headcount report", "2024"], ["id", "name", "#REF!", "title"],
            [1, "Ada", None, "CEO"]]
    table = read_xlsx(book_of(tmp_path / "err.xlsx", {"P": rows}))
    assert (table.header, table.header_line) == (["id", "name", "", "title"], 2)
    assert [(p.line, p.col, p.level, p.message) for p in table.problems] == [
        (2, 3, "warning", "the header of column 3 is the Excel error #REF!: read as a column "
                          "without a name, not imported (a formula that failed; fix it in the "
                          "workbook)"),
        (2, 1, "info", "the header is on row 2: the rows above it are skipped ('Headcount "
                       "report 2024' ...)")]


_TITLE_CELL = st.text(st.characters(codec="ascii", categories=("L", "N", "Zs", "P")),
                      min_size=1, max_size=20)


@settings(max_examples=25, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(titles=st.lists(st.lists(st.one_of(st.none(), _TITLE_CELL), min_size=1, max_size=5),
                       max_size=4))
def test_title_rows_above_a_header_change_nothing_but_row_numbers(
        tmp_path: Path, titles: list[list[str | None]]) -> None:
    # Title rows: one value, or several in which no column is known (else they would be a
    # header themselves), fewer than the header's (a row as wide is a header of unknown
    # names, or a row of data)
    for row in titles:
        cells = [c or "" for c in row]
        values = sum(1 for c in cells if c.strip())
        assume(not has_people_columns(detect(cells, {})))
        assume(values <= 1 or (not detect(cells, {}).index and values < len(HEADER)))
    plain = import_csv(book_of(tmp_path / "plain.xlsx", {"P": [HEADER, *ROWS]}))
    titled = import_csv(book_of(tmp_path / "titled.xlsx", {"P": [*titles, HEADER, *ROWS]}))
    assert [_fields(p) for p in titled.org.people] == [_fields(p) for p in plain.org.people]
    header_line = len(titles) + 1  # (a blank row is a row of the sheet too)
    assert [p.loc.line for p in titled.org.people] == [header_line + 1 + n
                                                      for n in range(len(ROWS))]


def _fields(person: Person) -> tuple[object, ...]:
    return (person.id, person.name, person.title, person.reports_to, person.team)


# -- 3. the order of `teams:` in a CSV round trip ----------------------------------------

T1 = """orgviz: 1
org: {name: T1, size: small}
teams:
  - {id: b, name: Bees}
  - {id: a, name: Ants}
people:
  - {id: x, name: Xa, title: Chief Executive Officer, team: a}
  - {id: y, name: Yo, title: Chief Technology Officer, reports_to: x, team: b}
"""


def test_export_csv_keeps_the_order_of_teams_in_its_teams_table(
        tmp_path: Path, run: Callable[..., Any]) -> None:
    # (QA's t1.yaml: the round trip listed the teams a, b, which gave them other colors; the
    # people CSV has no place for the order but the rows', which are the people's: the teams
    # table beside it keeps the order of `teams:`)
    (tmp_path / "t1.yaml").write_text(T1, encoding="utf-8")
    said = run("export", "t1.yaml", "-f", "csv", "-o", "t1.csv")
    assert (said.exit_code, said.output) == (0, "")
    assert (tmp_path / "t1.teams.csv").read_text(encoding="utf-8") == (
        "team,team_name,parent,lead,color\nb,Bees,,,\na,Ants,,,\n")
    back = run("import", "t1.csv", "-o", "t1rt.yaml")
    assert back.exit_code == 0, back.output
    assert "teams:\n  - {id: b, name: Bees}\n  - {id: a, name: Ants}\n" in (
        tmp_path / "t1rt.yaml").read_text(encoding="utf-8")
    again = run("export", "t1rt.yaml", "-o", "again.csv")
    assert (again.exit_code, again.output) == (0, "")
    for first, second in (("t1.csv", "again.csv"), ("t1.teams.csv", "again.teams.csv")):
        assert (tmp_path / first).read_bytes() == (tmp_path / second).read_bytes()


def test_export_csv_to_stdout_says_the_order_of_teams_is_not_carried(
        tmp_path: Path, run: Callable[..., Any]) -> None:
    # (one stream holds one table: the people)
    (tmp_path / "t1.yaml").write_text(T1, encoding="utf-8")
    said = run("export", "t1.yaml", "-f", "csv")
    assert (said.exit_code, said.stderr) == (
        0, "orgviz: t1.yaml: CSV does not carry the order of `teams:` ('b', 'a'; `orgviz "
           "import` lists teams in the order their people first appear: 'a', 'b'): set it "
           "again in the org file `orgviz import` writes of it (-o NAME.csv writes the teams "
           "to a teams table beside it, NAME.teams.csv, which `orgviz import NAME.csv` "
           "reads)\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["t1.yaml"]


def _org_of_teams(path: Path, members: str) -> Path:
    """An org declaring the teams p, q, a, b, c, d, e, with one person in each team of
    `members`, in that order, under a top without a team."""
    teams = "".join(f"  - {{id: {t}, name: {t.upper()}}}\n" for t in "pqabcde")
    people = "".join(f"  - {{id: {t}1, name: N{t}, reports_to: x, team: {t}}}\n"
                     for t in members)
    path.write_text("orgviz: 1\norg: {name: O}\nteams:\n" + teams + "people:\n"
                    "  - {id: x, name: X}\n" + people, encoding="utf-8")
    return path


def test_the_order_said_starts_where_the_two_differ_and_skips_empty_teams(
        tmp_path: Path, run: Callable[..., Any]) -> None:
    # (the people CSV alone, on stdout)
    hint = (" (-o NAME.csv writes the teams to a teams table beside it, NAME.teams.csv, which "
            "`orgviz import NAME.csv` reads)\n")
    _org_of_teams(tmp_path / "o.yaml", "pedcba")
    said = run("export", "o.yaml", "-f", "csv")
    assert said.stderr == (
        "orgviz: o.yaml: CSV does not carry the order of `teams:` ('a', 'b', 'c' ...; `orgviz "
        "import` lists teams in the order their people first appear: 'e', 'd', 'c' ...); the "
        "team nobody is in ('q'): set them again in the org file `orgviz import` writes of "
        "it" + hint)
    # (q, whom no one is in, is not in the CSV at all: the order of the others is kept)
    _org_of_teams(tmp_path / "same.yaml", "pabcde")
    assert run("export", "same.yaml", "-f", "csv").stderr == (
        "orgviz: same.yaml: CSV does not carry the team nobody is in ('q'): set it again in "
        "the org file `orgviz import` writes of it" + hint)
    # (with -o, the teams table beside the CSV carries both)
    assert run("export", "o.yaml", "-f", "csv", "-o", "o.csv").output == ""
    back = run("import", "o.csv", "-o", "back.yaml")
    assert back.exit_code == 0, back.output
    from orgviz.loader import load

    assert [t.id for t in load(tmp_path / "back.yaml").teams] == list("pqabcde")


# -- 4. what a CSV round trip repairs or drops -------------------------------------------

GHOST = """orgviz: 1
org: {name: G, size: small, date: 2024-06-30}
teams:
  - {id: a, name: Ants, lead: x, color: "#336699"}
  - {id: z, name: Zed, parent: a}
people:
  - {id: x, name: Xa, title: Chief Executive Officer, team: a}
  - {id: y, name: Yo, title: Chief Technology Officer, reports_to: x, team: ghost}
rules:
  span-of-control: {max: 3}
"""


def test_export_warns_of_people_in_teams_not_declared(tmp_path: Path,
                                                      run: Callable[..., Any]) -> None:
    # (QA: validate said the error; the CSV's import declared {id: ghost} and validated clean)
    (tmp_path / "g.yaml").write_text(GHOST, encoding="utf-8")
    checked = run("validate", "g.yaml")
    assert checked.output.splitlines()[0] == (
        "g.yaml:8:77: error [unknown-team] 'y' is in team 'ghost', which is not a team: use "
        "the id of a team in 'teams:', or add the team")
    said = run("export", "g.yaml", "-o", "g.csv")
    assert said.exit_code == 0
    assert said.output.splitlines()[0] == (
        "orgviz: g.yaml: a person is in a team that `teams:` does not list ('y' is in team "
        "'ghost'): the CSV keeps it as written, and `orgviz import` of it declares the team; "
        "`orgviz validate` reports where")
    for fmt in ("json", "graphml"):
        said = run("export", "g.yaml", "-o", f"g.{fmt}")
        assert (said.exit_code, said.output) == (
            0, "orgviz: g.yaml: a person is in a team that `teams:` does not list ('y' is in "
               "team 'ghost'): the people's data keeps the id; `orgviz validate` reports "
               "where\n")
    assert run("export", "g.yaml", "-o", "g.mmd").output == ""  # (Mermaid shows no teams)


def test_the_warning_of_teams_not_declared_counts_and_names_the_first_few(
        tmp_path: Path, run: Callable[..., Any]) -> None:
    people = "".join(f"  - {{id: p{i}, name: P{i}, reports_to: x, team: t{i}}}\n"
                     for i in range(1_004))
    (tmp_path / "many.yaml").write_text(
        "orgviz: 1\norg: {name: M}\nteams:\n  - {id: x-team, name: X}\npeople:\n"
        "  - {id: x, name: X, team: x-team}\n" + people, encoding="utf-8")
    said = run("export", "many.yaml", "-f", "json", "-o", "m.json")
    assert said.output == (
        "orgviz: many.yaml: 1,004 people are in teams that `teams:` does not list ('p0' is in "
        "team 't0'; 'p1' is in team 't1'; 'p2' is in team 't2'; and 1,001 more): the people's "
        "data keeps the ids; `orgviz validate` reports where\n")
    # (without `teams:`, a team is a free label: no error, nothing to say)
    (tmp_path / "free.yaml").write_text(
        "orgviz: 1\norg: {name: F}\npeople:\n  - {id: x, name: X, team: anything}\n",
        encoding="utf-8")
    assert run("export", "free.yaml", "-f", "csv", "-o", "f.csv").output == ""


def test_export_csv_names_what_csv_does_not_carry(tmp_path: Path,
                                                  run: Callable[..., Any]) -> None:
    # (QA: a team's lead and the org's date were dropped without notice; the teams table
    # beside the CSV now carries the teams' lead, parent and color and the team nobody is in)
    (tmp_path / "g.yaml").write_text(GHOST, encoding="utf-8")
    said = run("export", "g.yaml", "-o", "g.csv")
    assert said.output.splitlines()[1:] == [
        "orgviz: g.yaml: CSV does not carry the org's `date`; its `rules:` settings: set them "
        "again in the org file `orgviz import` writes of it"]
    back = run("import", "g.csv", "-o", "back.yaml")
    assert back.exit_code == 0, back.output
    text = (tmp_path / "back.yaml").read_text(encoding="utf-8")
    for gone in ("date:", "rules:"):
        assert gone not in text
    assert "teams:\n  - {id: a, name: Ants, color: \"#336699\", lead: x}\n" \
        "  - {id: z, name: Zed, parent: a}\n  - {id: ghost}\n" in text
    on_stdout = run("export", "g.yaml", "-f", "csv").stderr.splitlines()[1]
    assert on_stdout.startswith(
        "orgviz: g.yaml: CSV does not carry the org's `date`; its `rules:` settings; the "
        "teams' `lead`, `parent` and `color`; the team nobody is in ('z'): set them again in "
        "the org file `orgviz import` writes of it (-o NAME.csv writes the teams")
    assert run("export", "g.yaml", "-o", "g.json").output.count("\n") == 1  # (JSON has all)


@pytest.mark.parametrize(("org", "said"), [
    ("org: {name: D, date: 2024-06-30}\n", "the org's `date`: set it again"),
    ("org: {name: D}\nteams:\n  - {id: a, name: A, lead: x}\n", "the teams' `lead`: set them "
                                                                 "again"),
    ("org: {name: D}\nteams:\n  - {id: a, name: A}\n  - {id: b}\n  - {id: c}\n",
     "the teams nobody is in ('b', 'c'): set them again"),
])
def test_one_thing_not_carried_is_said_alone(tmp_path: Path, run: Callable[..., Any],
                                             org: str, said: str) -> None:
    team = ", team: a" if "teams:" in org else ""
    (tmp_path / "d.yaml").write_text(f"orgviz: 1\n{org}people:\n  - {{id: x, name: X{team}}}\n",
                                     encoding="utf-8")
    hint = (" (-o NAME.csv writes the teams to a teams table beside it, NAME.teams.csv, which "
            "`orgviz import NAME.csv` reads)" if team else "")
    assert run("export", "d.yaml", "-f", "csv").stderr == (
        f"orgviz: d.yaml: CSV does not carry {said} in the org file `orgviz import` writes of "
        f"it{hint}\n")
    # (with -o, the teams table carries what teams hold)
    assert run("export", "d.yaml", "-o", "d.csv").output == (
        "" if team else f"orgviz: d.yaml: CSV does not carry {said} in the org file `orgviz "
        "import` writes of it\n")
