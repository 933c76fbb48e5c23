"""Tests of the redundant-dotted rule."""

PASS = """\
orgviz: 1
org: {name: T}
people:
  - {id: dana, name: Dana Reyes}
  - {id: cto, name: Kim Lee, reports_to: dana}
  - {id: sam, name: Sam Ito, reports_to: dana, dotted_to: [cto]}
"""

FAIL = """\
orgviz: 1
org: {name: T}
people:
  - {id: dana, name: Dana Reyes}
  - {id: cto, name: Kim Lee, reports_to: dana}
  - {id: sam, name: Sam Ito, reports_to: dana, dotted_to: dana}
  - id: lee
    name: Lee Park
    reports_to: dana
    dotted_to: [cto, sam, cto]
"""


def test_other_dotted_lines_pass(check):
    assert check(PASS, "redundant-dotted") == []


def test_solid_line_repeated_and_duplicate_entry_warn_at_the_item(check):
    assert check(FAIL, "redundant-dotted") == [(6, 59, "warning"), (10, 27, "warning")]


def test_messages(messages):
    solid, twice = (m for _l, _c, m in messages(FAIL, "redundant-dotted"))
    assert solid == ("'sam' has a dotted line to 'dana', who is already their manager: "
                     "remove 'dana' from dotted_to")
    assert twice == "'lee' lists 'cto' twice in dotted_to: remove the repeat"
