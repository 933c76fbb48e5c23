"""Tests of the unknown-title rule."""

import yaml

PASS = """\
orgviz: 1
org: {name: T}
roles:
  - {id: ninja, name: Growth Ninja, level: ic, titles: [growth ninja]}
people:
  - {id: dana, name: Dana Reyes, title: Chief Product Officer}
  - {id: sam, name: Sam Ito, title: Growth Ninja, reports_to: dana}
  - {id: lee, name: Lee Park, title: Chief Vibes, role: pm, reports_to: dana}
  - {id: kim, name: Kim Cho, reports_to: dana}
"""

FAIL = """\
orgviz: 1
org: {name: T}
people:
  - {id: dana, name: Dana Reyes, title: Chief Product Officer}
  - {id: sam, name: Sam Ito, title: Growth Ninja, reports_to: dana}
"""


def test_inferred_explicit_custom_and_absent_titles_pass(check):
    assert check(PASS, "unknown-title") == []


def test_unmatched_title_warns_at_the_title(check):
    assert check(FAIL, "unknown-title") == [(5, 37, "warning")]


def test_message_names_the_title_and_both_fixes(messages):
    message = messages(FAIL, "unknown-title")[0][2]
    assert "'Growth Ninja'" in message and "'sam'" in message
    assert "add 'role:'" in message and "'roles:' entry with titles" in message


def test_the_suggested_titles_entry_is_yaml_that_reads_back_as_the_title(messages):
    # (a title with a quote made `titles: ['Ninja's Sidekick']`, which does not load)
    source = """\
orgviz: 1
org: {name: T}
people:
  - {id: dana, name: Dana Reyes, title: CEO}
  - {id: sam, name: Sam Ito, title: "Ninja's Sidekick", reports_to: dana}
"""
    message = messages(source, "unknown-title")[0][2]
    assert message.endswith("a 'roles:' entry with titles: ['Ninja''s Sidekick']")
    assert yaml.safe_load(message.split("entry with ")[1]) == {"titles": ["Ninja's Sidekick"]}
