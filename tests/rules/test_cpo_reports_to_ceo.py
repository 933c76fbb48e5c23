"""Tests of the cpo-reports-to-ceo rule."""

import pytest

PASS = """\
orgviz: 1
org: {name: T}
people:
  - {id: ceo, name: Ada King, role: ceo}
  - {id: cpo, name: Dana Reyes, title: Chief Product Officer, reports_to: ceo}
"""

FOUNDER_TOP = """\
orgviz: 1
org: {name: T}
people:
  - {id: founder, name: Ada King, title: Founder}
  - {id: cpo, name: Dana Reyes, role: cpo, reports_to: founder}
"""

CPO_TOP = """\
orgviz: 1
org: {name: T}
people:
  - {id: cpo, name: Dana Reyes, role: [cpo, head-of-product]}
  - {id: pm, name: Sam Ito, role: pm, reports_to: cpo}
"""

FAIL = """\
orgviz: 1
org: {name: T}
people:
  - {id: ceo, name: Ada King, role: ceo}
  - {id: coo, name: Kim Lee, role: coo, reports_to: ceo}
  - {id: cpo, name: Dana Reyes, role: cpo, reports_to: coo}
  - {id: cpo2, name: Sam Ito, role: [cpo, vp-product], reports_to: gone}
"""


@pytest.mark.parametrize("source", [PASS, FOUNDER_TOP, CPO_TOP])
def test_cpo_under_the_ceo_or_the_top_or_on_top_passes(check, source):
    assert check(source, "cpo-reports-to-ceo") == []


def test_cpo_under_someone_else_fails_and_unknown_managers_are_skipped(check):
    assert check(FAIL, "cpo-reports-to-ceo") == [(6, 56, "error")]


def test_message_names_the_manager_and_the_ceo(messages):
    assert messages(FAIL, "cpo-reports-to-ceo")[0][2] == (
        "the CPO 'cpo' reports to 'coo' (Chief Operating Officer), not to the CEO: a CPO "
        "reports to the CEO; point reports_to at the CEO 'ceo'")
