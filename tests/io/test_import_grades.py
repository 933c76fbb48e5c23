"""UK organograms: civil-service grades give the roles of senior and junior posts."""

from __future__ import annotations

from pathlib import Path

import pytest

from orgviz.io.csvimport import EXPORT_COLUMNS, ImportOptions, import_csv
from orgviz.io.csvimport.grades import GRADE_ROLE_IDS, grade_role
from orgviz.loader import load
from orgviz.validate import validate

FIXTURES = Path(__file__).parent / "fixtures"
SHARED_DATA = Path(__file__).resolve().parents[3] / "shared" / "data"


@pytest.mark.parametrize(("grade", "role"), [
    ("SCS4", "scs4"), ("SCS3", "scs3"), ("scs 2", "scs2"), ("SCS Pay Band 2", "scs2"),
    ("SCS1", "scs1"), ("SCS1A", "scs1"), ("Permanent Secretary", "scs4"),
    ("Director General", "scs3"), ("Grade 6", "grade-6"), ("Grade 6 (GEO)", "grade-6"),
    ("G7", "grade-7"), ("Grade 7 Economist", "grade-7"), ("SEO (GEO)", "seo"),
    ("HEO-D", "heo"), ("Higher Executive Officer", "heo"), ("EO", "eo"), ("AO", "ao"),
    ("AA", "aa"),
    # not civil-service grades: the title decides
    ("6", None), ("Level 7", None), ("L5", None), ("Band A", None), ("CIO", None),
    ("SCS", None), ("SCS5", None), ("", None), (None, None),
])
def test_grades_name_roles(grade: str | None, role: str | None) -> None:
    assert grade_role(grade) == role
    assert role is None or role in GRADE_ROLE_IDS


def test_organogram_posts_take_their_roles_from_their_grades(tmp_path: Path) -> None:
    result = import_csv(FIXTURES / "organogram.csv", ImportOptions(
        keep_going=True, junior=str(FIXTURES / "junior.csv")))
    roles = {p.id: (p.roles, p.role_source) for p in result.org.people}
    assert roles["4PS01"] == (("scs4",), "explicit")
    assert roles["2DIR01"] == (("scs2",), "explicit")
    assert roles["1DD02"] == (("scs1",), "explicit")  # titled 'Head of Analysis'
    assert roles["1DD01-j1"] == (("heo",), "explicit")
    assert roles["1DD02-j1"] == (("eo",), "explicit")
    # The file declares the roles it uses, most senior first, and says where they come from.
    text = result.text
    assert "roles:  # UK civil-service grades (the grade column gives these roles)\n" \
           "  - {id: scs4, name: Permanent Secretary (SCS4), level: ceo}\n" in text
    assert "grade = 'Grade (or equivalent)'" in text
    assert "{id: aa," not in text  # (no such post)
    path = tmp_path / "org.yaml"
    path.write_text(text, encoding="utf-8")
    org = load(path)
    assert {p.id: p.roles for p in org.people} == {p.id: p.roles for p in result.org.people}
    rules = {p.rule for p in validate(org)}
    # A Deputy Director titled 'Head of ...' under a Director is no rank inversion.
    assert not rules & {"unknown-role", "rank-inversion", "unknown-title"}


def test_other_grade_columns_leave_roles_to_the_titles(tmp_path: Path) -> None:
    csv = tmp_path / "people.csv"
    csv.write_text("EmployeeId,Name,Title,Level,ManagerId\n"
                   "1,Ada Obi,CEO,L9,\n"
                   "2,Ben Cruz,Software Engineer,G7,1\n", encoding="utf-8")
    result = import_csv(csv)
    assert [p.roles for p in result.org.people] == [("ceo",), ("engineer",)]
    assert "roles:" not in result.text
    assert "Not imported: Level" in result.text


def test_grade_roles_in_an_exported_csv_come_back_declared(tmp_path: Path) -> None:
    csv = tmp_path / "org.csv"
    row = dict.fromkeys(EXPORT_COLUMNS, "")
    row.update(id="ps", name="Pat Perm", role="scs4")
    second = dict(row, id="dg", name="Dee Gee", role="scs3", reports_to="ps")
    csv.write_text(",".join(EXPORT_COLUMNS) + "\n" + "\n".join(
        ",".join(r[c] for c in EXPORT_COLUMNS) for r in (row, second)) + "\n",
        encoding="utf-8")
    result = import_csv(csv)
    assert result.errors == 0
    assert "  - {id: scs3, name: Director General (SCS3), level: c-level}" in result.text
    path = tmp_path / "org.yaml"
    path.write_text(result.text, encoding="utf-8")
    assert not [p for p in validate(load(path)) if p.rule == "unknown-role"]


@pytest.mark.skipif(not SHARED_DATA.is_dir(), reason="../shared/data is absent")
def test_the_home_office_organogram_has_no_rank_errors() -> None:
    """81 rank inversions (Deputy Directors titled 'Head of ...' under Directors) and 257
    titles without a role came from reading the titles alone."""
    result = import_csv(SHARED_DATA / "uk-home-office-2012-09-30-senior.csv", ImportOptions(
        junior=str(SHARED_DATA / "uk-home-office-2012-09-30-junior.csv")))
    found = validate(result.org)
    assert not [p for p in found if p.level == "error"]
    assert len([p for p in found if p.rule == "unknown-title"]) <= 25
