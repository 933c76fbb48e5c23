"""Tests of the assistant-with-reports rule."""

PASS = """\
orgviz: 1
org: {name: T}
people:
  - {id: dana, name: Dana Reyes}
  - {id: ea, name: Lee Park, reports_to: dana, assistant: true}
  - {id: sam, name: Sam Ito, reports_to: dana, dotted_to: ea}
"""

FAIL = """\
orgviz: 1
org: {name: T}
people:
  - {id: dana, name: Dana Reyes}
  - {id: ea, name: Lee Park, reports_to: dana, assistant: true}
  - {id: sam, name: Sam Ito, reports_to: ea}
  - {id: kim, name: Kim Cho, reports_to: ea}
"""


def test_assistant_without_solid_reports_passes(check):
    assert check(PASS, "assistant-with-reports") == []


def test_assistant_with_reports_fails_at_the_flag(check):
    assert check(FAIL, "assistant-with-reports") == [(5, 59, "error")]


def test_message_counts_and_names_the_reports(messages):
    assert messages(FAIL, "assistant-with-reports")[0][2] == (
        "the assistant 'ea' has 2 direct reports: 'sam', 'kim'; point their reports_to at "
        "another manager, or remove assistant: true")
