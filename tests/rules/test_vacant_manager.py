"""Tests of the vacant-manager rule."""

PASS = """\
orgviz: 1
org: {name: T}
people:
  - {id: dana, name: Dana Reyes}
  - {id: open-pm, title: Product Manager, vacant: true, reports_to: dana}
  - {id: sam, name: Sam Ito, reports_to: dana, dotted_to: open-pm}
"""

FAIL = """\
orgviz: 1
org: {name: T}
people:
  - {id: dana, name: Dana Reyes}
  - {id: open-gpm, title: Group Product Manager, vacant: true, reports_to: dana}
  - {id: sam, name: Sam Ito, reports_to: open-gpm}
  - {id: lee, name: Lee Park, reports_to: open-gpm}
  - {id: kim, name: Kim Cho, reports_to: open-gpm}
"""


def test_open_role_without_reports_passes(check):
    assert check(PASS, "vacant-manager") == []


def test_open_role_with_reports_warns_at_its_id(check):
    assert check(FAIL, "vacant-manager") == [(5, 10, "warning")]


def test_message(messages):
    assert messages(FAIL, "vacant-manager")[0][2] == (
        "the open role 'open-gpm' has 3 reports: 'sam', 'lee', 'kim'; they report to nobody "
        "until it is filled: point them at an interim manager")
