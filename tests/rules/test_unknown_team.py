"""Tests of the unknown-team rule."""

PASS = """\
orgviz: 1
org: {name: T}
teams:
  - {id: product, name: Product, parent: null}
  - {id: design, name: Design, parent: product, lead: dana}
people:
  - {id: dana, name: Dana Reyes, team: design}
  - {id: sam, name: Sam Ito, reports_to: dana}
"""

FAIL = """\
orgviz: 1
org: {name: T}
teams:
  - {id: product, name: Product, parent: prodct, lead: dnaa}
  - {id: a, parent: b}
  - {id: b, parent: c}
  - {id: c, parent: a}
  - {id: solo, parent: solo}
people:
  - {id: dana, name: Dana Reyes, team: Design}
  - {id: sam, name: Sam Ito, reports_to: dana, team: product}
"""

NO_TEAMS = """\
orgviz: 1
org: {name: T}
people:
  - {id: dana, name: Dana Reyes, team: Anything Goes}
"""


def test_known_teams_and_leads_pass(check):
    assert check(PASS, "unknown-team") == []


def test_without_a_teams_list_team_is_a_free_label(check):
    assert check(NO_TEAMS, "unknown-team") == []


def test_unknown_parent_lead_team_and_parent_cycles_fail(check):
    assert check(FAIL, "unknown-team") == [
        (4, 42, "error"), (4, 56, "error"),  # parent, lead
        (5, 21, "error"),  # cycle a -> b -> c -> a, at a's parent
        (8, 24, "error"),  # solo is its own parent
        (10, 40, "error"),  # person's team
    ]


def test_messages(messages):
    found = [m for _l, _c, m in messages(FAIL, "unknown-team")]
    assert found[0].startswith("team 'product' has parent 'prodct', which is not a team: "
                               "did you mean 'product'?")
    assert found[1].startswith("team 'product' is led by 'dnaa', who is not in the org: "
                               "did you mean 'dana'?")
    assert found[2].startswith("team parent cycle: a -> b -> c -> a: ")
    assert found[3].startswith("team 'solo' is its own parent")
    assert found[4].startswith("'dana' is in team 'Design', which is not a team: ")


NAMES = """\
orgviz: 1
org: {name: T}
teams:
  - {id: eng, name: Engineering}
  - {id: web, name: Web, parent: engineering, lead: Dana Reyes}
  - {id: apps, name: Apps, parent: Platform}
  - {id: p1, name: Platform}
  - {id: p2, name: platform}
people:
  - {id: dana, name: Dana Reyes, team: Engineering}
"""


def test_a_team_or_person_given_by_name_gets_the_id_to_write(messages):
    # (said "which is not a team: did you mean 'eng'?" at best, "who is not in the org")
    assert [(line, m) for line, _c, m in messages(NAMES, "unknown-team")] == [
        (5, "team 'web' has parent 'engineering', a team's name, not its id: write 'eng' "
            "instead"),
        (5, "team 'web' is led by 'Dana Reyes', a name, not an id: write 'dana' instead"),
        (6, "team 'apps' has parent 'Platform', the name of teams 'p1', 'p2': write the id of "
            "one of them"),
        (10, "'dana' is in team 'Engineering', a team's name, not its id: write 'eng' instead"),
    ]
