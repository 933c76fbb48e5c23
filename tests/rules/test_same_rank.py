"""Tests of the same-rank rule."""

import pytest

PASS = """\
orgviz: 1
org: {name: T}
people:
  - {id: ceo, name: Ada King, role: ceo}
  - {id: ea, name: Eve Ash, role: executive-assistant, reports_to: pm1, assistant: true}
  - {id: gpm, name: Dana Reyes, role: group-pm, reports_to: ceo}
  - {id: pm1, name: Sam Ito, role: pm, reports_to: gpm}
  - {id: x, name: Xi Wu, title: Growth Ninja, reports_to: pm1}
"""

FAIL = """\
orgviz: 1
org: {name: T}
people:
  - {id: ceo, name: Ada King, role: ceo}
  - {id: pm0, name: Dana Reyes, role: pm, reports_to: ceo}
  - {id: pm1, name: Sam Ito, role: pm, reports_to: pm0}
  - {id: ds, name: Lee Park, role: designer, reports_to: pm0}
"""


def test_lower_ranks_unknown_ranks_and_assistants_pass(check):
    assert check(PASS, "same-rank") == []


def test_same_rank_warns_at_reports_to(check):
    assert check(FAIL, "same-rank") == [(6, 52, "warning"), (7, 58, "warning")]


def test_message(messages):
    assert messages(FAIL, "same-rank")[0][2] == (
        "'pm1' (Sam Ito, Product Manager) reports to 'pm0' (Dana Reyes, Product Manager) at "
        "the same rank (IC): point reports_to at someone more senior, or correct the roles")


def test_a_report_of_an_assistant_is_left_to_assistant_with_reports(check):
    # (one mistake, 'x' under the assistant 'ea', was an error and a same-rank warning, or
    # with a senior 'x' a rank-inversion error, both saying to point reports_to elsewhere)
    assert check(UNDER_ASSISTANT, "assistant-with-reports") == [(5, 67, "error")]
    assert check(UNDER_ASSISTANT, "same-rank") == [(8, 55, "warning")]
    assert check(UNDER_ASSISTANT, "rank-inversion") == []


UNDER_ASSISTANT = """\
orgviz: 1
org: {name: T}
people:
  - {id: ceo, name: Ada King, role: ceo}
  - {id: ea, name: Sam Ito, role: executive-assistant, assistant: true, reports_to: ceo}
  - {id: x, name: Lee Park, role: engineer, reports_to: ea}
  - {id: d, name: Kim Ode, role: director, reports_to: ea}
  - {id: y, name: Ann Bo, role: engineer, reports_to: x}
"""


@pytest.mark.parametrize("setting", ["off", "info"])
def test_reports_of_an_assistant_are_compared_when_assistant_with_reports_is_not_on(
        check, messages, setting):
    # (switched off, or less severe than the rank rules, it must not hide what they find)
    source = UNDER_ASSISTANT + f"rules: {{assistant-with-reports: {setting}}}\n"
    assert check(source, "same-rank") == [(6, 57, "warning"), (8, 55, "warning")]
    assert check(source, "rank-inversion") == [(7, 56, "error")]
    assert messages(source, "rank-inversion")[0][2].startswith(
        "'d' (Director, rank Director) reports to 'ea' (Executive Assistant, rank IC): ")
