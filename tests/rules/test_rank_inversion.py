"""Tests of the rank-inversion rule."""

PASS = """\
orgviz: 1
org: {name: T}
people:
  - {id: ceo, name: Ada King, role: ceo}
  - {id: ea, name: Eve Ash, title: Executive Assistant, reports_to: ceo, assistant: true}
  - {id: vp1, name: Dana Reyes, title: VP of Product, reports_to: ceo}
  - {id: d1, name: Sam Ito, title: Director of Product, reports_to: vp1}
  - {id: x, name: Xi Wu, title: Growth Ninja, reports_to: d1}
  - {id: pm1, name: Lee Park, role: pm, reports_to: x}
  - {id: hd, name: Kim Cho, role: [head-of-product, director-of-product], reports_to: vp1}
  - {id: d2, name: Bo Li, role: director-of-product, reports_to: hd}
"""

FAIL = """\
orgviz: 1
org: {name: T}
people:
  - {id: ceo, name: Ada King, role: ceo}
  - {id: d1, name: Sam Ito, role: director-of-engineering, reports_to: ceo}
  - {id: vp1, name: Dana Reyes, title: VP of Engineering, reports_to: d1}
  - {id: pm1, name: Lee Park, role: pm, reports_to: ceo}
  - {id: cto, name: Kim Cho, role: cto, reports_to: pm1}
  - {id: ea, name: Eve Ash, role: ceo, reports_to: pm1, assistant: true}
"""


def test_descending_ranks_unknown_ranks_and_assistants_pass(check):
    assert check(PASS, "rank-inversion") == []


def test_manager_below_report_fails_at_reports_to(check):
    assert check(FAIL, "rank-inversion") == [(6, 71, "error"), (8, 53, "error")]


def test_message_names_ids_roles_and_ranks(messages):
    first, second = (m for _l, _c, m in messages(FAIL, "rank-inversion"))
    # Ids with a digit show the person's name, in the parentheses before the role.
    assert first == ("'vp1' (Dana Reyes, VP of Engineering, rank VP) reports to 'd1' (Sam Ito, "
                     "Director of Engineering, rank Director): a VP cannot report to a Director; "
                     "point reports_to at someone more senior, or correct the roles")
    assert "a C-level cannot report to an IC" in second
