"""Tests of the self-report rule."""

PASS = """\
orgviz: 1
org: {name: T}
people:
  - {id: dana, name: Dana Reyes}
  - {id: sam, name: Sam Ito, reports_to: dana, dotted_to: [lee]}
  - {id: lee, name: Lee Park, reports_to: dana}
"""

FAIL = """\
orgviz: 1
org: {name: T}
people:
  - {id: dana, name: Dana Reyes}
  - {id: sam, name: Sam Ito, reports_to: sam}
  - id: lee
    name: Lee Park
    reports_to: dana
    dotted_to:
      - sam
      - lee
"""

HR_EXPORT_TOP = """\
orgviz: 1
org: {name: T}
people:
  - {id: dana, name: Dana Reyes, reports_to: dana}
  - {id: sam, name: Sam Ito, reports_to: dana}
"""


def test_other_managers_pass(check):
    assert check(PASS, "self-report") == []


def test_solid_and_dotted_self_lines_fail_at_the_value(check):
    assert check(FAIL, "self-report") == [(5, 42, "error"), (11, 9, "error")]


def test_messages_say_what_to_do(messages):
    solid, dotted = (m for _l, _c, m in messages(FAIL, "self-report"))
    assert solid.startswith("'sam' reports to themselves: remove reports_to")
    assert dotted == "'lee' has a dotted line to themselves: remove 'lee' from dotted_to"


def test_a_self_reporting_top_is_one_problem_not_three(check):
    assert check(HR_EXPORT_TOP, "self-report") == [(4, 46, "error")]
    assert check(HR_EXPORT_TOP, "root") == []
    assert check(HR_EXPORT_TOP, "cycle") == []


def test_a_self_reporter_beside_a_real_top_is_not_a_second_root(check):
    assert check(FAIL, "root") == []
