"""Tests of the root rule."""

PASS = """\
orgviz: 1
org: {name: T}
people:
  - {id: dana, name: Dana Reyes}
  - {id: sam, name: Sam Ito, reports_to: dana}
  - {id: lee, name: Lee Park, reports_to: nobody-known}
"""

FOREST = """\
orgviz: 1
org: {name: T}
people:
  - {id: dana, name: Dana Reyes}
  - {id: sam, name: Sam Ito}
  - id: lee
    name: Lee Park
    reports_to: null
"""

NO_TOP = """\
orgviz: 1
org: {name: T}
people:
  - {id: dana, name: Dana Reyes, reports_to: sam}
  - {id: sam, name: Sam Ito, reports_to: dana}
"""

EMPTY = """\
orgviz: 1
org: {name: T}
people: []
"""


def test_one_top_passes_and_unknown_managers_are_not_roots(check):
    assert check(PASS, "root") == []


def test_each_extra_root_fails(check):
    assert check(FOREST, "root") == [(5, 10, "error"), (8, 17, "error")]


def test_extra_root_message_names_the_first_and_suggests_reports_to(messages):
    message = messages(FOREST, "root")[0][2]
    assert message == ("'sam' has no manager, but 'dana' (line 4) is already the top of the "
                       "org: give 'sam' a reports_to, or set root allow-forest: true for "
                       "separate trees")


def test_allow_forest(check):
    source = FOREST + "rules: {root: {allow-forest: true}}\n"
    assert check(source, "root") == []


def test_no_top_at_all(check, messages):
    assert check(NO_TOP, "root") == [(4, 46, "error")]
    assert messages(NO_TOP, "root")[0][2].startswith(
        "every person has a manager: the org has no top; remove reports_to")


def test_an_org_without_people_fails_once_at_the_file_start(check, messages):
    no_key = "orgviz: 1\norg: {name: T}\n"
    assert check(no_key, "root") == [(1, 1, "error")]
    assert "the org has no people: add a 'people:' list" in messages(no_key, "root")[0][2]


def test_an_empty_people_list_is_left_to_the_loaders_error_at_the_key(check, messages):
    # (the loader says 'people' is empty, at the key: root's 'add a people: list' would be
    # a second finding of the same mistake, and wrong, the list being there)
    assert check(EMPTY, "root") == []
    assert check(EMPTY, "schema") == [(3, 1, "error")]
    assert messages(EMPTY, "schema")[0][2].startswith("'people' is empty: add the org's people")


def test_several_self_reporting_tops_without_a_real_one(check, messages):
    source = NO_TOP.replace("reports_to: sam}", "reports_to: dana}").replace(
        "{id: sam, name: Sam Ito, reports_to: dana}", "{id: sam, name: Sam Ito, reports_to: sam}")
    assert check(source, "root") == [(5, 42, "error")]
    assert messages(source, "root")[0][2].startswith(
        "'sam' reports to themselves, but 'dana' (line 4) is already the top")


MANAGER_KEY = """\
orgviz: 1
org: {name: T}
people:
  - {id: dana, name: Dana Reyes}
  - {id: sam, name: Sam Ito, manager: dana}
  - {id: lee, name: Lee Park, ReportsTo: sam}
  - {id: kim, name: Kim Ro, manager: sam, reports_to: dana}
  - {id: ola, name: Ola Lind, position: PM}
"""


def test_a_manager_under_another_key_is_left_to_that_keys_error(check, messages):
    # (every person written with `manager:` was an unknown-key error and a root error)
    assert check(MANAGER_KEY, "root") == [(8, 10, "error")]  # ola: no manager at all
    assert [(line, message.split(";")[0]) for line, _, message in messages(MANAGER_KEY, "schema")
            ] == [(5, "unknown key 'manager' in person 'sam'"),
                  (6, "unknown key 'ReportsTo' in person 'lee'"),
                  (7, "unknown key 'manager' in person 'kim'"),
                  (8, "unknown key 'position' in person 'ola'")]


def test_a_reports_to_the_schema_refused_is_left_to_that_error(check, messages):
    source = MANAGER_KEY.replace("{id: ola, name: Ola Lind, position: PM}",
                                 "{id: ola, name: Ola Lind, reports_to: [dana, sam]}")
    assert check(source, "root") == []
    assert messages(source, "schema")[-1] == (
        8, 43, "'reports_to' of person 'ola' must be text, not a list: it holds one manager's "
        "id; put the others in dotted_to")
    # An explicit null is a top like any other.
    source = source.replace("reports_to: [dana, sam]", "reports_to: null")
    assert check(source, "root") == [(8, 43, "error")]


def test_an_org_whose_people_were_all_refused_is_not_also_said_to_have_none(check, messages):
    # (`{id:ceo}` is one key 'id:ceo': the entry's error says what to do; "the org has no
    # people: add a 'people:' list" was a second, untrue finding)
    source = "orgviz: 1\norg: {name: T}\npeople:\n  - {id:dana, name: Dana Reyes}\n"
    assert check(source, "root") == []
    assert messages(source, "schema") == [
        (4, 6, "unknown key 'id:dana' in a person: a key needs a space after its ':', as in "
               "'id: dana'")]
    assert check("orgviz: 1\norg: {name: T}\npeeple: []\n", "root") == []


def test_a_misspelt_reports_to_is_left_to_its_unknown_key_error(check, messages):
    # (README's own example of a slip, `report_to`, also made "'a' has no manager, but 'ceo'
    # is already the top")
    source = """\
orgviz: 1
org: {name: T}
people:
  - {id: ceo, name: Ada King}
  - {id: a, name: Sam Ito, report_to: ceo}
  - {id: b, name: Lee Park, reports-to: ceo}
"""
    assert check(source, "root") == []
    assert [m[:2] for m in messages(source, "schema")] == [(5, 28), (6, 29)]


def test_an_imported_csv_names_the_first_top_by_its_row(tmp_path):
    # (import says "(row 2)" of the same person: the rule said "line 2")
    from orgviz.io.csvimport import import_csv
    from orgviz.validate import validate

    path = tmp_path / "export.csv"
    path.write_text("id,name,manager\n1,Ada King,\n2,Kim Lee,\n3,Sam Ito,1\n", encoding="utf-8")
    found = [p for p in validate(import_csv(path).org) if p.rule == "root"]
    assert [(p.file, p.line, p.col, p.message) for p in found] == [
        (str(path), 3, 3, "'2' (Kim Lee) has no manager, but '1' (Ada King, row 2) is already "
         "the top of the org: give '2' a reports_to, or set root allow-forest: true for "
         "separate trees")]


def test_an_org_imported_from_standard_input_names_the_first_top_by_its_row(monkeypatch):
    # (standard input shows as '<stdin>', no file ending to go by: the rule said "line 2")
    import io
    import sys

    from orgviz.io.csvimport import import_csv
    from orgviz.validate import validate

    rows = b"id,name,manager\n1,Ada King,\n2,Kim Lee,\n3,Sam Ito,1\n"
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(rows)))
    found = [p for p in validate(import_csv("-").org) if p.rule == "root"]
    assert [(p.file, p.line, p.col, p.message) for p in found] == [
        ("<stdin>", 3, 3, "'2' (Kim Lee) has no manager, but '1' (Ada King, row 2) is already "
         "the top of the org: give '2' a reports_to, or set root allow-forest: true for "
         "separate trees")]
