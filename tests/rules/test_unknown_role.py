"""Tests of the unknown-role rule."""

PASS = """\
orgviz: 1
org: {name: T}
roles:
  - {id: chief-of-staff, name: Chief of Staff, level: director}
people:
  - {id: dana, name: Dana Reyes, role: cpo}
  - {id: sam, name: Sam Ito, role: [head-of-product, director-of-product], reports_to: dana}
  - {id: lee, name: Lee Park, role: chief-of-staff, reports_to: dana}
  - {id: kim, name: Kim Cho, title: Growth Ninja, reports_to: dana}
"""

FAIL = """\
orgviz: 1
org: {name: T}
people:
  - {id: dana, name: Dana Reyes, role: CPO}
  - id: sam
    name: Sam Ito
    reports_to: dana
    role:
      - head-of-product
      - director-of-prodcut
  - {id: lee, name: Lee Park, role: wizard, reports_to: dana}
"""


def test_builtin_combined_and_custom_roles_pass(check):
    assert check(PASS, "unknown-role") == []


def test_unknown_roles_fail_at_the_role_item(check):
    assert check(FAIL, "unknown-role") == [(4, 40, "error"), (10, 9, "error"),
                                           (11, 37, "error")]


def test_messages_suggest_role_ids(messages):
    found = [m for _l, _c, m in messages(FAIL, "unknown-role")]
    assert "did you mean 'cpo'?" in found[0]
    assert found[1].startswith("'sam' has role 'director-of-prodcut', which is not a role of "
                               "the ladder: did you mean 'director-of-product'?")
    assert "did you mean" not in found[2] and "roles:" in found[2]


REPEATED = """\
orgviz: 1
org: {name: T}
people:
  - {id: dana, name: Dana Reyes, role: cpo}
  - {id: dana, name: Dana Smith, role: wizard}
"""


def test_an_unknown_role_of_a_repeated_id_fails(check):
    # Roles of a repeated id are not among the roles held (by_id keeps the first): the
    # shortcut that skips orgs whose held roles are all known must not skip this one.
    assert check(REPEATED, "unknown-role") == [(5, 40, "error")]


def test_roles_joined_by_a_comma_ask_for_a_list(messages):
    source = """\
orgviz: 1
org: {name: T}
people:
  - {id: ceo, name: Ada King, role: ceo}
  - id: x
    name: Sam Ito
    reports_to: ceo
    role: head-of-product, director-of-product
"""
    assert messages(source, "unknown-role") == [
        (8, 11, "'x' has role 'head-of-product, director-of-product', which is not a role of the "
                "ladder: several roles in one text: write a list for a combined role, role: "
                "[head-of-product, director-of-product]")]
