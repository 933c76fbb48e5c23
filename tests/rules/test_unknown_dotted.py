"""Tests of the unknown-dotted rule."""

PASS = """\
orgviz: 1
org: {name: T}
people:
  - {id: dana, name: Dana Reyes}
  - {id: cto, name: Kim Lee, reports_to: dana}
  - {id: sam, name: Sam Ito, reports_to: dana, dotted_to: cto}
  - {id: lee, name: Lee Park, reports_to: dana, dotted_to: [cto, sam]}
"""

FAIL = """\
orgviz: 1
org: {name: T}
people:
  - {id: dana, name: Dana Reyes}
  - {id: cto, name: Kim Lee, reports_to: dana}
  - {id: sam, name: Sam Ito, reports_to: dana, dotted_to: ctoo}
  - id: lee
    name: Lee Park
    reports_to: dana
    dotted_to:
      - cto
      - qqqqqq
"""


def test_known_dotted_managers_pass(check):
    assert check(PASS, "unknown-dotted") == []


def test_unknown_dotted_ids_fail_at_the_item(check):
    assert check(FAIL, "unknown-dotted") == [(6, 59, "error"), (12, 9, "error")]


def test_message_suggests_the_closest_id(messages):
    first, second = (m for _l, _c, m in messages(FAIL, "unknown-dotted"))
    assert first.startswith("'sam' has a dotted line to 'ctoo', who is not in the org: "
                            "did you mean 'cto'?")
    assert "did you mean" not in second and "'qqqqqq'" in second


def test_a_dotted_line_given_by_name_gets_the_id_to_write(messages):
    source = ("orgviz: 1\norg: {name: T}\npeople:\n  - {id: dana, name: Dana Reyes}\n"
              "  - {id: sam, name: Sam Ito, reports_to: dana, dotted_to: [Dana Reyes]}\n")
    assert [m for _line, _col, m in messages(source, "unknown-dotted")] == [
        "'sam' has a dotted line to 'Dana Reyes', a name, not an id: write 'dana' instead"]


def test_ids_joined_by_commas_ask_for_a_list(messages):
    source = """\
orgviz: 1
org: {name: T}
people:
  - {id: ceo, name: Ada King, role: ceo}
  - {id: cto, name: Bo Li, role: cto, reports_to: ceo}
  - id: x
    name: Sam Ito
    reports_to: cto
    dotted_to: ceo, cto
"""
    assert messages(source, "unknown-dotted") == [
        (9, 16, "'x' has a dotted line to 'ceo, cto', several ids in one text: write a list, "
                "dotted_to: [ceo, cto]")]
