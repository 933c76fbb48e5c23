"""Tests of the unknown-manager rule."""

PASS = """\
orgviz: 1
org: {name: T}
people:
  - {id: dana, name: Dana Reyes, role: ceo}
  - {id: sam, name: Sam Ito, role: vp, reports_to: dana}
  - {id: lee, name: Lee Park, role: pm, reports_to: null}
"""

FAIL = """\
orgviz: 1
org: {name: T}
people:
  - {id: dana, name: Dana Reyes, role: ceo}
  - {id: sam, name: Sam Ito, role: vp, reports_to: dnaa}
  - id: lee
    name: Lee Park
    reports_to: zzz-nobody-like-this
  - {id: kim, name: Kim Cho, reports_to: Sam}
"""


def test_known_managers_and_null_pass(check):
    assert check(PASS, "unknown-manager") == []


def test_unknown_managers_fail_at_the_reports_to_value(check):
    assert check(FAIL, "unknown-manager") == [(5, 52, "error"), (8, 17, "error"),
                                              (9, 42, "error")]


def test_message_names_both_ids_and_suggests(messages):
    found = [m for _line, _col, m in messages(FAIL, "unknown-manager")]
    assert found[0] == ("'sam' reports to 'dnaa', who is not in the org: did you mean 'dana'? "
                        "Otherwise use the id of an existing person, or add that person")
    assert "did you mean" not in found[1]
    assert "did you mean 'sam'?" in found[2]  # case and punctuation folded first


def test_unknown_manager_is_not_also_a_root(check):
    assert check(FAIL, "root") == []
