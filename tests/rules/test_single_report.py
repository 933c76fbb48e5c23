"""Tests of the single-report rule."""

PASS = """\
orgviz: 1
org: {name: T}
people:
  - {id: ceo, name: Ada King}
  - {id: cto, name: Kim Lee, reports_to: ceo}
  - {id: e1, name: Sam Ito, reports_to: cto}
  - {id: e2, name: Lee Park, reports_to: cto}
  - {id: ea, name: Eve Ash, reports_to: cto, assistant: true}
  - {id: x, name: X, reports_to: y}
  - {id: y, name: Y, reports_to: x}
"""

FAIL = """\
orgviz: 1
org: {name: T}
people:
  - {id: ceo, name: Ada King}
  - {id: cto, name: Kim Lee, reports_to: ceo}
  - {id: cfo, name: Bo Li, reports_to: ceo}
  - {id: e1, name: Sam Ito, reports_to: cto}
  - {id: ea, name: Eve Ash, reports_to: cto, assistant: true}
  - {id: acc, name: Cy Diaz, reports_to: cfo}
"""


def test_teams_of_two_the_top_and_cycles_pass(check):
    assert check(PASS, "single-report") == []


def test_one_report_besides_assistants_warns_at_the_manager(check):
    assert check(FAIL, "single-report") == [(5, 10, "warning"), (6, 10, "warning")]


def test_message_suggests_moving_the_report_up(messages):
    assert messages(FAIL, "single-report")[0][2] == (
        "'cto' has a single direct report ('e1', Sam Ito): let 'e1' report to 'ceo' directly, "
        "or give 'cto' more reports")
