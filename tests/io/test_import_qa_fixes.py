"""Import fixes from QA: end dates ahead, long FTEs, ended managers' namesakes, CRs in cells,
placeholder names."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from orgviz.errors import OrgvizError
from orgviz.io.csvimport import ImportOptions, import_csv
from orgviz.io.csvimport.dates import end_is_ahead
from orgviz.loader import load

#: The day the tests' imports compare end dates with (ImportOptions.reference_date).
REFERENCE = datetime.date(2026, 3, 15)


def said(result: object) -> list[str]:
    """The problems of an import as `file:line:col: level [rule] message`."""
    return [f"{Path(p.file).name}:{p.line}:{p.col}: {p.level} [{p.rule}] {p.message}"
            for p in result.problems]  # type: ignore[attr-defined]


def imported(tmp_path: Path, text: str, **options: object) -> object:
    """The import of a CSV text written to p.csv (the end dates compared with REFERENCE)."""
    path = tmp_path / "p.csv"
    path.write_text(text, encoding="utf-8", newline="")
    options.setdefault("reference_date", REFERENCE)
    return import_csv(path, ImportOptions(**options))  # type: ignore[arg-type]


def loaded_back(tmp_path: Path, result: object) -> object:
    """The org file an import wrote, loaded: it must load without a problem."""
    path = tmp_path / "org.yaml"
    path.write_text(result.text, encoding="utf-8")  # type: ignore[attr-defined]
    org = load(path)
    assert org.load_problems == ()
    return org


# -- 1. End dates ahead of the import are no end ----------------------------------------

def test_end_dates_ahead_and_sentinels_keep_current_people(tmp_path: Path) -> None:
    # (every row but the SAP one was a history row: only years from 9000 on meant no end)
    result = imported(tmp_path, "id,name,title,manager,EndDate\n1,Ann,CEO,,4712-12-31\n"
                      "2,Bob,Engineer,1,4712-12-31\n3,Cy,Engineer,1,2099-12-31\n"
                      "4,Dee,Engineer,1,9999-12-31\n5,Eve,Contractor,1,2031-06-30\n"
                      "6,Fay,Engineer,1,2026-03-15\n7,Gus,Engineer,1,2026-03-14\n")
    people = result.org.people  # type: ignore[attr-defined]
    # (Fay's contract ends on the day: its last day in effect, she is current)
    assert [p.id for p in people] == ["1", "2", "3", "4", "5", "6"]
    assert [s for s in said(result) if "history" in s] == [
        "p.csv:8:1: warning [history-row] history row of 'Gus' (EndDate 2026-03-14) not "
        "imported"]


def test_the_reference_date_decides_and_defaults_to_today(tmp_path: Path) -> None:
    text = "id,name,manager,EndDate\n1,Ann,,\n2,Bob,1,2030-01-01\n"
    ahead = imported(tmp_path, text, reference_date=datetime.date(2030, 1, 1))
    assert [p.id for p in ahead.org.people] == ["1", "2"]  # type: ignore[attr-defined]
    ended = imported(tmp_path, text, reference_date=datetime.date(2030, 1, 2))
    assert [p.id for p in ended.org.people] == ["1"]  # type: ignore[attr-defined]
    assert said(ended) == ["p.csv:3:1: warning [history-row] history row of 'Bob' (EndDate "
                           "2030-01-01) not imported"]
    # A date and a time is read as its date; None is the day the import runs.
    at_noon = imported(tmp_path, text, reference_date=datetime.datetime(2030, 1, 2, 12))
    assert [p.id for p in at_noon.org.people] == ["1"]  # type: ignore[attr-defined]
    path = tmp_path / "p.csv"
    today = import_csv(path, ImportOptions())
    assert [p.id for p in today.org.people] == (  # type: ignore[attr-defined]
        ["1", "2"] if datetime.date.today() < datetime.date(2030, 1, 1) else ["1"])
    with pytest.raises(OrgvizError, match=r"reference_date must be a datetime.date \(or "
                                          r"None: today\), not '2030-01-01'"):
        import_csv(path, ImportOptions(reference_date="2030-01-01"))  # type: ignore[arg-type]


@pytest.mark.parametrize(("cell", "ahead"), [
    ("2026-03-16", True), ("2026-03-15", True), ("2026-03-14", False),
    ("2031-06-30T00:00:00", True), ("2031-06-30 00:00:00.000", True),
    ("2031-06-30T00:00:00Z", True), ("2024-06-30T00:00:00", False), ("2031/06/30", True),
    ("30/06/2031", True), ("06/30/2031", True), ("30.06.2031", True), ("30-06-2031", True),
    ("30/06/2024", False), ("06/30/2024", False),
    # a day and a month that read either way: ahead only when both readings are
    ("06/07/2030", True), ("03/04/2026", False), ("04/03/2026", False), ("01/01/2026", False),
    ("31-DEC-4712", True), ("31 Dec 2099", True), ("Dec 31, 2099", True),
    ("December 31 2099", True), ("31-Dec-2020", False),
    ("20991231", True), ("99991231", True), ("20200101", False),
    ("73051", True), ("2958465", True), ("46097", True), ("46096", True), ("46095", False),
    ("45000.5", False),
    ("9999-12-31", True), ("31.12.9999", True), ("12/31/9999 12:00:00 AM", True),
    ("NULL", True), ("-", True), ("n/a", True), ("(null)", True),
    # no date this knows: ended, as any end date was
    ("31-DEC-12", False), ("2031", False), ("2/30/2031", False), ("2031-02-30", False),
    ("9999999", False), ("yes", False), ("Dec 2099", False), ("32/01/2031", False),
    # (review of d94f826) six or seven digits are no serial (DDMMYY, YYMMDD, YYYYMM) but for
    # Excel's last days; a serial's fraction holds no year; a date of zeros is no date
    ("311224", False), ("241231", False), ("202412", False), ("1234567", False),
    ("2958466", False), ("45000.9375", False), ("0000-00-00", True), ("00/00/0000", True),
    ("0000-00-00 00:00:00", True),
])
def test_end_date_spellings(cell: str, ahead: bool) -> None:
    assert end_is_ahead(cell, REFERENCE) is ahead


@given(st.dates(min_value=datetime.date(1950, 1, 1), max_value=datetime.date(2200, 12, 31)))
def test_an_iso_date_is_ahead_exactly_when_it_is_on_or_after_the_reference(
        day: datetime.date) -> None:
    # (an end date is the last day in effect: a row ending on the day is current that day)
    for cell in (day.isoformat(), f"{day.isoformat()}T00:00:00", day.strftime("%Y%m%d"),
                 day.strftime("%d-%b-%Y"), day.strftime("%b %d, %Y")):
        assert end_is_ahead(cell, REFERENCE) is (day >= REFERENCE), cell


@given(st.dates(min_value=datetime.date(1950, 1, 1), max_value=datetime.date(2200, 12, 31)))
def test_a_day_first_or_month_first_date_is_never_ahead_when_it_is_past(day: datetime.date
                                                                          ) -> None:
    for cell in (day.strftime("%d/%m/%Y"), day.strftime("%m/%d/%Y")):
        if day < REFERENCE:
            assert not end_is_ahead(cell, REFERENCE), cell
        elif day.day > 12 or day.day == day.month:  # (unambiguous)
            assert end_is_ahead(cell, REFERENCE), cell


def test_an_active_status_beside_a_past_end_date_still_wins(tmp_path: Path) -> None:
    result = imported(tmp_path, "id,name,manager,Status,EndDate\n1,Ann,,Active,2020-01-01\n"
                      "2,Bob,1,Terminated,2099-12-31\n3,Cy,1,,2099-12-31\n")
    assert [p.id for p in result.org.people] == ["1", "3"]  # type: ignore[attr-defined]
    assert said(result) == ["p.csv:3:1: warning [history-row] history row of 'Bob' (status "
                            "'Terminated') not imported"]


def test_a_past_end_dated_manager_with_current_reports_ahead(tmp_path: Path) -> None:
    # (the written file loads, and the same reference date gives the same file)
    text = ("id,name,manager,EndDate\n1,Ann,,4712-12-31\n2,Bob,1,2031-06-30\n"
            "3,Cy,2,2000-01-01\n")
    result = imported(tmp_path, text)
    org = loaded_back(tmp_path, result)
    assert [p.id for p in org.people] == ["1", "2"]  # type: ignore[attr-defined]
    assert imported(tmp_path, text).text == result.text  # type: ignore[attr-defined]


# -- 2. FTEs with more decimals than an org file holds are rounded -----------------------

def test_an_fte_of_many_decimals_is_rounded_to_nine_and_loads_back(tmp_path: Path) -> None:
    # (Excel's =1/3 saved as 0.3333333333333333 was "not a number ...: left out")
    result = imported(tmp_path, "id,name,manager,FTE\n1,Ann,,0.3333333333333333\n"
                      "2,Bob,1,0.333333333333\n3,Cy,1,0.99999999999999989\n"
                      "4,Di,1,0.5000000000\n5,Ed,1,100000.5000000000001\n")
    people = result.org.people  # type: ignore[attr-defined]
    assert [p.fte for p in people] == [0.333333333, 0.333333333, None, 0.5, None]
    assert said(result) == [
        "p.csv:2:4: info [csv] FTE '0.3333333333333333' read as 0.333333333: FTEs with more "
        "than 9 decimals are rounded to 9, as org files write them",
        "p.csv:6:4: warning [csv] FTE '100000.5000000000001' is out of range (0 to 100,000): "
        "left out"]
    text = result.text  # type: ignore[attr-defined]
    assert ("  # p.csv:2: FTE '0.3333333333333333' rounded to 0.333333333\n"
            '  - {id: "1", name: Ann, fte: 0.333333333}\n') in text
    assert "  # p.csv:4: FTE '0.99999999999999989' rounded to 1\n" in text
    assert "'0.5000000000'" not in text  # (no rounding to say: 0.5 exactly)
    org = loaded_back(tmp_path, result)
    assert [p.fte for p in org.people] == [p.fte for p in people]  # type: ignore[attr-defined]


def test_long_ftes_with_a_decimal_comma_or_a_percent_sign_are_rounded(tmp_path: Path
                                                                       ) -> None:
    result = imported(tmp_path, "id;name;manager;FTE\n1;Ann;;0,3333333333333333\n"
                      "2;Bob;1;33.33333333333333%\n3;Cy;1;0.003%\n")
    assert [p.fte for p in result.org.people] == [  # type: ignore[attr-defined]
        0.333333333, 0.333333333, 0.00003]
    assert said(result) == [
        "p.csv:2:4: info [csv] FTE '0,3333333333333333' read as 0.333333333: FTEs with a "
        "decimal comma or a percent sign (80% is 0.8) are read so"]


def test_a_long_fte_of_a_junior_posts_file_is_rounded(tmp_path: Path) -> None:
    senior = tmp_path / "senior.csv"
    senior.write_text("Post Unique Reference,Name,Reports to Senior Post,Job Title\n"
                      "1,Ann,XX,Director\n", encoding="utf-8")
    junior = tmp_path / "junior.csv"
    junior.write_text("Reporting Senior Post,Generic Job Title,Grade,Number of Posts in FTE\n"
                      "1,Analyst,EO,2.3333333333333335\n1,Clerk,AO,x\n", encoding="utf-8")
    result = import_csv(senior, ImportOptions(junior=str(junior)))
    assert [p.fte for p in result.org.people] == [None, 2.333333333, None]
    # (the people file's words: the info at the first rounded cell, and the comment on a
    # row whose FTE is left out, which a junior post's row lacked)
    assert said(result) == [
        "junior.csv:2:4: info [csv] FTE '2.3333333333333335' read as 2.333333333: FTEs with "
        "more than 9 decimals are rounded to 9, as org files write them",
        "junior.csv:3:4: warning [csv] FTE 'x' is not a number of full-time equivalents such "
        "as 1, 0.6 or 12.5: left out"]
    assert "# junior.csv:2: FTE '2.3333333333333335' rounded to 2.333333333\n" in result.text
    assert "# junior.csv:3: FTE 'x' left out: not a number\n" in result.text
    loaded_back(tmp_path, result)
    # The info is said once an import: at the people file's first rounded cell.
    senior.write_text("Post Unique Reference,Name,Reports to Senior Post,Job Title,FTE\n"
                      "1,Ann,XX,Director,0.99999999999\n", encoding="utf-8")
    both = import_csv(senior, ImportOptions(junior=str(junior)))
    assert [s for s in said(both) if "info" in s] == [
        "senior.csv:2:5: info [csv] FTE '0.99999999999' read as 1: FTEs with more than 9 "
        "decimals are rounded to 9, as org files write them"]


@given(st.integers(0, 10**5), st.text("0123456789", min_size=10, max_size=25))
def test_any_long_fte_imports_as_the_org_file_loads_it(whole: int, decimals: str) -> None:
    from decimal import Decimal

    from orgviz.fte import fte_text, parse_fte, rounded_fte

    text = f"{whole}.{decimals}"
    fte = rounded_fte(text)
    if Decimal(text) > 100_000:
        assert fte is None
        return
    assert fte is not None and abs(Decimal(str(fte)) - Decimal(text)) <= Decimal("5e-10")
    assert parse_fte(fte_text(fte)) == fte  # (what the org file says, the loader reads)


# -- 3. An ended manager whose name several current rows share ----------------------------

def test_an_ended_manager_whose_name_several_current_rows_have_lists_them(tmp_path: Path
                                                                          ) -> None:
    # (it said "no current row of 'Bob' was found", though rows 4 and 5 are current Bobs)
    text = ("id,name,title,manager,EndDate\n1,Ann,CEO,,\n2,Bob,VP,1,2020-01-01\n3,Bob,VP,1,\n"
            "4,Bob,Engineer,1,\n5,Cy,Engineer,2,\n")
    result = imported(tmp_path, text)
    assert said(result) == [
        "p.csv:3:1: warning [history-row] history row of 'Bob' (EndDate 2020-01-01) not "
        "imported",
        "p.csv:6:4: error [unknown-manager] manager '2' is a history row (row 3, EndDate "
        "2020-01-01) and its name 'Bob' matches 2 current rows ('3' (row 4), '4' (row 5)): "
        "give the manager's id"]
    kept = imported(tmp_path, text, keep_going=True)
    assert kept.org.by_id["5"].reports_to is None  # type: ignore[attr-defined]
    loaded_back(tmp_path, kept)


def test_an_ended_manager_lists_at_most_four_namesakes(tmp_path: Path) -> None:
    rows = "".join(f"{i},Bob,Engineer,1,\n" for i in range(3, 9))
    result = imported(tmp_path, "id,name,title,manager,EndDate\n1,Ann,CEO,,\n"
                      f"2,Bob,VP,1,2020-01-01\n{rows}9,Cy,Engineer,2,\n")
    assert said(result)[-1] == (
        "p.csv:10:4: error [unknown-manager] manager '2' is a history row (row 3, EndDate "
        "2020-01-01) and its name 'Bob' matches 6 current rows ('3' (row 4), '4' (row 5), "
        "'5' (row 6), '6' (row 7) and 2 more): give the manager's id")


def test_an_ended_manager_with_one_current_namesake_or_none_is_as_before(tmp_path: Path
                                                                         ) -> None:
    one = imported(tmp_path, "id,name,manager,EndDate\n1,Ann,,\n2,Bob,1,2020-01-01\n"
                   "3,Bob,1,\n4,Cy,2,\n")
    assert one.org.by_id["4"].reports_to == "3"  # type: ignore[attr-defined]
    none = imported(tmp_path, "id,name,manager,EndDate\n1,Ann,,\n2,Bob,1,2020-01-01\n"
                    "4,Cy,2,\n")
    assert said(none)[-1] == (
        "p.csv:4:3: error [unknown-manager] manager '2' is a history row (row 3, EndDate "
        "2020-01-01) and no current row of 'Bob' was found")


# -- 4. A line break in a cell, LF, CR or CRLF, is one space ----------------------------

@pytest.mark.parametrize("fast", [True, False])
@pytest.mark.parametrize("newline", ["\n", "\r", "\r\n", "\x85", " \r\n "])
def test_a_line_break_in_a_cell_is_one_space(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                             fast: bool, newline: str) -> None:
    # (a quoted CR was deleted, 'Ann\rLee' read as 'AnnLee', so 'Ann Lee' was not found;
    # a quoted LF was a space)
    from orgviz.io.csvimport import cells

    monkeypatch.setattr(cells, "FAST_COLUMNS", fast)
    for text, name in (
            (f'id,name,title,manager\r\n1,"Ann{newline}Lee","Chief{newline}Executive",\r\n'
             "2,Bob,Engineer,Ann Lee\r\n", "Ann Lee"),
            (f'id,FirstName,LastName,title,manager\r\n1,"Ann{newline}Marie",Lee,'
             f'"Chief{newline}Executive",\r\n2,Bob,Day,Engineer,Ann Marie Lee\r\n',
             "Ann Marie Lee")):
        result = imported(tmp_path, text)
        people = result.org.people  # type: ignore[attr-defined]
        assert (people[0].name, people[0].title) == (name, "Chief Executive")
        assert people[1].reports_to == "1"
        assert said(result) == [f"p.csv:1:{4 if 'First' not in text else 5}: info "
                                "[manager-by-name] 1 manager reference matched by name or "
                                f"email ('{name}')"]
        loaded_back(tmp_path, result)


@given(st.text(alphabet="ab \r\n\t", max_size=12))
def test_clean_reads_every_line_break_as_a_space(text: str) -> None:
    from orgviz.io.csvimport.values import clean

    value, removed = clean(text)
    assert not removed and value == " ".join(text.split())


def test_a_workbook_cell_with_a_cr_is_one_space(tmp_path: Path) -> None:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    for row in (["id", "name", "manager"], ["1", "Ann\r\nLee", None], ["2", "Bob", "Ann Lee"],
                ["3", "Cy\rDo", "1"]):
        sheet.append(row)
    path = tmp_path / "p.xlsx"
    book.save(path)
    result = import_csv(path)
    assert [(p.name, p.reports_to) for p in result.org.people] == [
        ("Ann Lee", None), ("Bob", "1"), ("Cy Do", "1")]


# -- 5. Placeholder names: brackets, a note after a vacancy word, more words ---------------

PLACEHOLDERS = ["Vacant - Req 123", "[Vacant]", "(vacant)", "Unfilled", "TBH", "To be hired",
                "Open position", "Vacant – Req 5", "TBH: Senior Engineer", "*TBH*",
                "Open Position (Backfill)", "Unfilled #4", "Hiring/Req 9", "[ Open ]",
                "Vacant position", "Open headcount", "TBD | Q3", "<vacancy>", "{tbc}"]
REAL_NAMES = ["Vacanti", "Tbh Smith", "Open, Ann", "Tobias Open", "Opening Smith", "Hiring Lee",
              "Toby (Tobes) Ray", "[Ann]", "Mary-Jane Vacant", "Vacant Smith", "Unfilledy",
              "Tbhx", "Ann (TBH)", "Hope-Vacant", "O'Pen", "Vacant-Smith", "Tbh-Ray"]


def test_the_lists_of_five_and_how_many_more_read_as_before(tmp_path: Path) -> None:
    # (each list was written out by its own builder; now problem.quoted's: the same text)
    tops = "".join(f"t{i},T{i},\n" for i in range(2, 8))
    blank = ",,\n" * 7
    result = imported(tmp_path, f"id,name,manager\nceo,Ada,ceo\n{blank}{tops}a,Bo,ceo\n")
    assert said(result) == [
        "p.csv:3:1: info [csv] 7 rows hold no value: skipped (rows 3, 4, 5, 6, 7 and 2 more)",
        "p.csv:10:3: warning [root] 7 people have no manager: 'ceo' (row 2, reports to "
        "itself), 't2' (row 10), 't3' (row 11), 't4' (row 12), 't5' (row 13) and 2 more; "
        "pass --allow-forest to keep separate trees"]


@pytest.mark.parametrize(("distinct", "listed"), [
    (5, "'Vacant - Req 123', '[Vacant]', '(vacant)', 'Unfilled', 'TBH'"),
    (6, "'Vacant - Req 123', '[Vacant]', '(vacant)', 'Unfilled', 'TBH' and 1 more"),
    (9, "'Vacant - Req 123', '[Vacant]', '(vacant)', 'Unfilled', 'TBH' and 4 more")])
def test_a_tally_says_how_many_more_distinct_values_it_did_not_list(
        tmp_path: Path, distinct: int, listed: str) -> None:
    # (ended its examples with ", ..." past six distinct values, for it kept only six: how
    # many more there were was not known; each value is on three rows, counted once)
    names = PLACEHOLDERS[:distinct] * 3
    rows = "".join(f'{i},"{name}",1\n' for i, name in enumerate(names, start=2))
    result = imported(tmp_path, f"id,name,manager\n1,Ann,\n{rows}")
    assert said(result) == [f"p.csv:1:2: info [placeholder-name] {3 * distinct} placeholder "
                            f"names imported as vacancies ({listed})"]


def test_vacancy_names_in_brackets_or_with_a_note_are_placeholders(tmp_path: Path) -> None:
    # ('Vacant - Req 123', '[Vacant]', '(vacant)' and 'Unfilled' were people's names)
    names = [*PLACEHOLDERS, *REAL_NAMES[:-1], "[Withheld]", "(Eliminated)"]
    rows = "".join(f'{i},"{name}",Engineer,1\n' for i, name in enumerate(names, start=2))
    result = imported(tmp_path, f"id,name,title,manager\n1,Ann,CEO,\n{rows}")
    people = result.org.by_id  # type: ignore[attr-defined]
    for i, name in enumerate(names, start=2):
        person = people.get(str(i))
        if name in PLACEHOLDERS:
            assert person.vacant and person.name is None, name
        elif name == "[Withheld]":
            assert (person.vacant, person.name) == (False, "Name not disclosed")
        elif name == "(Eliminated)":
            assert person is None  # (an abolished post that nobody reports to)
        else:
            assert (person.vacant, person.name) == (False, name)
    assert said(result)[:2] == [
        "p.csv:1:2: info [eliminated-post] 1 eliminated post not imported ('38'): listed at "
        "the end of the file",
        "p.csv:1:2: info [placeholder-name] 1 name not disclosed ('[Withheld]'): imported as "
        "a filled post named 'Name not disclosed'"]
    assert said(result)[2] == (
        "p.csv:1:2: info [placeholder-name] 19 placeholder names imported as vacancies "
        "('Vacant - Req 123', '[Vacant]', '(vacant)', 'Unfilled', 'TBH' and 14 more)")
    assert ("  # p.csv:3: name 'Vacant - Req 123' is a placeholder: imported as a vacancy\n"
            in result.text)  # type: ignore[attr-defined]
    loaded_back(tmp_path, result)


def test_unfilled_is_a_vacant_status_and_a_junior_post_title_is_read_whole(tmp_path: Path
                                                                            ) -> None:
    result = imported(tmp_path, "id,name,manager,Status\n1,Ann,,Active\n2,Bob,1,Unfilled\n")
    assert [p.vacant for p in result.org.people] == [False, True]  # type: ignore[attr-defined]
    senior = tmp_path / "senior.csv"
    senior.write_text("Post Unique Reference,Name,Reports to Senior Post,Job Title\n"
                      "1,Ann,XX,Director\n", encoding="utf-8")
    junior = tmp_path / "junior.csv"
    junior.write_text("Reporting Senior Post,Generic Job Title,Grade,Number of Posts in FTE\n"
                      "1,Unfilled,EO,2\n1,Analyst,EO,1\n1,Hiring/Recruitment Officer,EO,1\n"
                      "1,Open (FOI) Officer,EO,1\n", encoding="utf-8")
    posts = import_csv(senior, ImportOptions(junior=str(junior))).org.people
    # (a job title is read whole: a vacancy word and a mark is a person's placeholder name,
    # but 'Hiring/Recruitment Officer' and 'Open (FOI) Officer' are jobs; review of 4f45b39)
    assert [(p.title, p.vacant) for p in posts[1:]] == [
        ("Open posts", True), ("Analyst", False), ("Hiring/Recruitment Officer", False),
        ("Open (FOI) Officer", False)]


@pytest.mark.parametrize("name", REAL_NAMES)
def test_a_real_name_is_never_a_placeholder(name: str) -> None:
    from orgviz.io.csvimport.values import _fold, placeholder_of

    assert placeholder_of(_fold(name)) is None


LETTERS = "abcdefghijklmnopqrstuvwxyz"


@given(st.sampled_from(["Vacant", "TBH", "Open", "Unfilled", "Hiring", "Tbd", "Open Position"]),
       st.text(LETTERS + LETTERS.upper() + "-' ", min_size=1, max_size=12))
def test_a_vacancy_word_and_a_name_after_a_space_or_a_hyphen_is_a_name(word: str, rest: str
                                                                        ) -> None:
    # (a note needs a mark: a space alone, or a hyphen without a space beside it, is part of
    # a name: 'Tbh Smith', 'Vacant-Smith')
    from orgviz.io.csvimport.values import _fold, placeholder_of

    if not rest.strip(" -'"):
        return
    for name in (f"{word} {rest.strip(' -')}", f"{word}-{rest.strip(' -')}", f"{word}{rest}"):
        folded = _fold(name)
        if folded.strip(" -'") and " -" not in folded and "- " not in folded and \
                folded not in {"open position", "open role", "open req", "vacant post",
                                "vacant role", "vacant position", "open headcount"}:
            assert placeholder_of(folded) is None, name


NAMES = st.one_of(
    st.none(), st.sampled_from(PLACEHOLDERS + REAL_NAMES),
    st.text(alphabet="vacntbhVT ()[]*:#-/|\u2013", max_size=14),
    st.builds(lambda w, n: f"{w}{n}", st.sampled_from(["Vacant", "TBH", "(", "[Open", "*"]),
              st.text(alphabet=" -:#()]*x1", max_size=8)))


@given(st.lists(NAMES, max_size=6), st.booleans())
def test_maybe_placeholders_misses_no_placeholder(names: list[str | None], told: bool
                                                  ) -> None:
    from orgviz.io.csvimport import values

    if told and not values._single_spaced(names):
        return
    maybe = set(values._maybe_placeholders(names, told))
    for i, name in enumerate(names):
        if name is None or values.placeholder_of(values._fold(name)) is not None:
            assert i in maybe, name


def test_as_of_sets_the_day_end_dates_are_compared_with(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from orgviz.cli import main

    people = tmp_path / "people.csv"
    people.write_text("id,name,title,manager,EndDate\n1,Ann,CEO,,\n"
                      "2,Bob,Engineer,1,2030-06-30\n3,Cy,Engineer,1,2020-01-01\n")
    kept = {}
    for as_of in ("2030-06-30", "2030-07-01"):
        out = tmp_path / f"{as_of}.yaml"
        result = CliRunner().invoke(main, ["import", str(people), "-o", str(out),
                                           "--as-of", as_of])
        assert result.exit_code == 0, result.output
        kept[as_of] = [p.id for p in load(out).people]
    # (a contract ending on 30 June: current on the day, its last, ended the day after)
    assert kept == {"2030-06-30": ["1", "2"], "2030-07-01": ["1"]}
    bad = CliRunner().invoke(main, ["import", str(people), "--as-of", "30/06/2030"])
    assert bad.exit_code == 2
    assert "invalid value for '--as-of': '30/06/2030' does not match the format '%Y-%m-%d'" \
        in bad.output


def test_a_columns_unambiguous_dates_tell_how_its_others_read(tmp_path: Path) -> None:
    # (review of d94f826: 12/31/2025 shows the column is month first, yet 02/01/2025, the
    # 1st of February and after the day of the import, was read both ways and dropped)
    day = datetime.date(2025, 1, 15)
    result = imported(tmp_path, "id,name,manager,EndDate\n1,Ann,,\n2,Bob,1,12/31/2025\n"
                                "3,Cy,1,02/01/2025\n4,Di,1,01/02/2025\n", reference_date=day)
    # (Di ended on 2 January)
    assert [p.id for p in result.org.people] == ["1", "2", "3"]  # type: ignore[attr-defined]
    day_first = imported(tmp_path, "id,name,manager,EndDate\n1,Ann,,\n2,Bob,1,31/12/2025\n"
                                   "3,Cy,1,02/01/2025\n", reference_date=day)
    # (Cy ended on 2 January)
    assert [p.id for p in day_first.org.people] == ["1", "2"]  # type: ignore[attr-defined]


@given(st.sampled_from([True, False, None]),
       st.lists(st.dates(datetime.date(2000, 1, 1), datetime.date(2040, 12, 31)),
                min_size=1, max_size=8))
def test_the_column_order_reads_every_date_as_written(day_first: bool | None,
                                                      days: list[datetime.date]) -> None:
    from orgviz.io.csvimport.dates import column_day_first

    written = [f"{d.day:02d}/{d.month:02d}/{d.year}" if day_first else
               f"{d.month:02d}/{d.day:02d}/{d.year}" for d in days]
    order = column_day_first(written)
    # the order is told only by a number above 12 in its place, and never wrong
    assert order in (None, bool(day_first))
    reference = datetime.date(2020, 6, 15)
    for day, cell in zip(days, written, strict=True):
        if order is not None:
            assert end_is_ahead(cell, reference, order) == (day >= reference)
