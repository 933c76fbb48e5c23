"""Messages name a person by id, and by name too when the id holds a digit (a generated HR
id such as 14 or E00123 tells a reader nothing): every rule that names people."""

from __future__ import annotations

import re

import pytest

from orgviz.model import NO_LOC, Person
from orgviz.rules._common import shown_name, who, who_inside

HEADER = "orgviz: 1\norg: {name: T, size: small}\n"

# (rule, the people, the rule's messages in order): ids with digits, so names show.
CASES = [
    ("assistant-with-reports", """\
  - {id: e1, name: Ada King}
  - {id: e2, name: Eve Ash, reports_to: e1, assistant: true}
  - {id: e3, name: Sam Ito, reports_to: e2}
  - {id: temp-4, reports_to: e2, vacant: true}
""", ["the assistant 'e2' (Eve Ash) has 2 direct reports: 'e3' (Sam Ito), 'temp-4' (open "
      "role); point "
      "their reports_to at another manager, or remove assistant: true"]),
    ("cpo-reports-to-ceo", """\
  - {id: e1, name: Ada King, role: ceo}
  - {id: e2, name: Kim Cho, role: cto, reports_to: e1}
  - {id: e3, name: Dana Reyes, role: cpo, reports_to: e2}
""", ["the CPO 'e3' (Dana Reyes) reports to 'e2' (Kim Cho, Chief Technology Officer), not to "
      "the CEO: a CPO reports to the CEO; point reports_to at the CEO 'e1' (Ada King)"]),
    ("cycle", """\
  - {id: e1, name: Ada King}
  - {id: e2, name: Sam Ito, reports_to: e3}
  - {id: e3, name: Lee Park, reports_to: e2}
""", ["reporting cycle: e2 (Sam Ito, line 5) -> e3 (Lee Park, line 6) -> e2: point one of "
      "these reports_to at someone outside the cycle, or remove it from the person at the top"]),
    ("director-under-head", """\
  - {id: e1, name: Ada King, role: ceo}
  - {id: e2, name: Dana Reyes, role: director-of-product, reports_to: e1}
  - {id: e3, name: Zoe Lind, role: head-of-product, reports_to: e2}
  - {id: e4, name: Sam Ito, role: director-of-product, reports_to: e1}
""", ["the Director of Product 'e2' (Dana Reyes) is above 'e3' (Zoe Lind, Head of Product): "
      "the Head of Product (or a VP of Product or CPO) oversees the Director of Product; swap "
      "their places, so that 'e2' sits under 'e3'",
      "the Director of Product 'e4' (Sam Ito) does not sit under a Head of Product, VP of "
      "Product or CPO: the Head of Product (or a VP of Product or CPO) oversees the Director of "
      "Product; make 'e4' report to 'e3' (Zoe Lind), or to someone under them"]),
    ("duplicate-id", """\
  - {id: e1, name: Ada King}
  - {id: e1, name: Ada Smith, reports_to: e1}
""", ["duplicate person id 'e1' (first used at line 4 by Ada King): give each position its "
      "own id"]),
    ("head-under-vp", """\
  - {id: e1, name: Ada King, role: ceo}
  - {id: e2, name: Zoe Lind, role: head-of-product, reports_to: e1}
  - {id: e3, name: Dana Reyes, role: vp-product, reports_to: e2}
  - {id: e4, name: Sam Ito, role: head-of-product, reports_to: e1}
""", ["the Head of Product 'e2' (Zoe Lind) is above the VP of Product 'e3' (Dana Reyes): where "
      "both exist, the VP of Product holds the higher position; swap their places, so that "
      "'e2' sits under 'e3'",
      "the Head of Product 'e4' (Sam Ito) does not sit under a VP of Product or the CPO: where "
      "both exist, the VP of Product holds the higher position; make 'e4' report to 'e3' "
      "(Dana Reyes), or to someone under them"]),
    ("layers", """\
  - {id: e1, name: Ada King}
  - {id: e2, name: Bo Li, reports_to: e1}
  - {id: e3, name: Cy Diaz, reports_to: e2}
  - {id: e4, name: Di Eze, reports_to: e3}
  - {id: e5, name: Ed Fox, reports_to: e4}
""", ["'e5' (Ed Fox) is at level 5 (e1 (Ada King) -> e2 (Bo Li) -> e3 (Cy Diaz) -> e4 (Di Eze) "
      "-> e5); a small org keeps to 4 levels: remove a management layer above 'e5', or raise "
      "layers max"]),
    ("rank-inversion", """\
  - {id: e1, name: Sam Ito, role: director-of-engineering}
  - {id: e2, name: Dana Reyes, role: vp-engineering, reports_to: e1}
""", ["'e2' (Dana Reyes, VP of Engineering, rank VP) reports to 'e1' (Sam Ito, Director of "
      "Engineering, rank Director): a VP cannot report to a Director; point reports_to at "
      "someone more senior, or correct the roles"]),
    ("redundant-dotted", """\
  - {id: e1, name: Ada King}
  - {id: e2, name: Kim Cho, reports_to: e1}
  - {id: e3, name: Sam Ito, reports_to: e1, dotted_to: [e1, e2, e2]}
""", ["'e3' (Sam Ito) has a dotted line to 'e1' (Ada King), who is already their manager: "
      "remove 'e1' from dotted_to",
      "'e3' (Sam Ito) lists 'e2' (Kim Cho) twice in dotted_to: remove the repeat"]),
    ("root", """\
  - {id: e1, name: Ada King}
  - {id: e2, name: Sam Ito}
""", ["'e2' (Sam Ito) has no manager, but 'e1' (Ada King, line 4) is already the top of the "
      "org: give 'e2' a reports_to, or set root allow-forest: true for separate trees"]),
    ("root", """\
  - {id: e1, name: Ada King, reports_to: e2}
  - {id: e2, name: Sam Ito, reports_to: e1}
""", ["every person has a manager: the org has no top; remove reports_to from the top person "
      "(the first person, 'e1' (Ada King), reports to 'e2' (Sam Ito))"]),
    ("same-rank", """\
  - {id: e1, name: Dana Reyes, role: pm}
  - {id: e2, name: Sam Ito, role: pm, reports_to: e1}
""", ["'e2' (Sam Ito, Product Manager) reports to 'e1' (Dana Reyes, Product Manager) at the "
      "same rank (IC): point reports_to at someone more senior, or correct the roles"]),
    ("self-report", """\
  - {id: e1, name: Ada King, reports_to: e1, dotted_to: [e1]}
""", ["'e1' (Ada King) reports to themselves: remove reports_to if 'e1' is the top of the org, "
      "or name their real manager",
      "'e1' (Ada King) has a dotted line to themselves: remove 'e1' from dotted_to"]),
    ("single-report", """\
  - {id: e1, name: Ada King}
  - {id: e2, name: Kim Cho, reports_to: e1}
  - {id: e3, name: Sam Ito, reports_to: e2}
  - {id: e4, name: Lee Park, reports_to: e1}
""", ["'e2' (Kim Cho) has a single direct report ('e3', Sam Ito): let 'e3' report to 'e1' "
      "(Ada King) directly, or give 'e2' more reports"]),
    ("span-of-control", "  - {id: e1, name: Ada King}\n" + "".join(
        f"  - {{id: e{i}, name: P{i}, reports_to: e1}}\n" for i in range(2, 11)),
     ["'e1' (Ada King) has 9 direct reports (at most 8 for a small org): add a layer of leads, "
      "or raise span-of-control max"]),
    ("unknown-dotted", """\
  - {id: e1, name: Ada King}
  - {id: e2, name: Sam Ito, reports_to: e1, dotted_to: [x9]}
""", ["'e2' (Sam Ito) has a dotted line to 'x9', who is not in the org: use the id of an "
      "existing person, or remove it"]),
    ("unknown-manager", """\
  - {id: e1, name: Ada King}
  - {id: e2, name: Sam Ito, reports_to: x9}
""", ["'e2' (Sam Ito) reports to 'x9', who is not in the org: use the id of an existing "
      "person, or add that person"]),
    ("unknown-role", """\
  - {id: e1, name: Ada King, role: boss}
""", ["'e1' (Ada King) has role 'boss', which is not a role of the ladder: use a built-in role "
      "id, or define it under 'roles:' with a level"]),
    ("unknown-team", """\
  - {id: e1, name: Ada King, team: sales}
""", ["'e1' (Ada King) is in team 'sales', which is not a team: use the id of a team in "
      "'teams:', or add the team"]),
    ("unknown-title", """\
  - {id: e1, name: Ada King, title: Growth Ninja}
""", ["the title 'Growth Ninja' of 'e1' (Ada King) matches no role: add 'role:' to the person "
      "(e.g. role: pm), or a 'roles:' entry with titles: ['Growth Ninja']"]),
    ("vacant-manager", """\
  - {id: e1, name: Ada King}
  - {id: e2, title: Director, reports_to: e1, vacant: true}
  - {id: e3, name: Sam Ito, reports_to: e2}
  - {id: e4, name: Lee Park, reports_to: e2}
""", ["'e2' (open role) has 2 reports: 'e3' (Sam Ito), 'e4' (Lee Park); they report to "
      "nobody until it is filled: point them at an interim manager"]),
]

CASE_IDS = [f"{rule}-{i}" for i, (rule, *_rest) in enumerate(CASES)]


@pytest.mark.parametrize(("rule", "people", "expected"), CASES, ids=CASE_IDS)
def test_messages_name_people_with_generated_ids(messages, rule, people, expected):
    teams = "teams:\n  - {id: eng, name: Engineering}\n" if rule == "unknown-team" else ""
    found = [m for _l, _c, m in messages(HEADER + teams + "people:\n" + people, rule)]
    assert found == expected


def test_every_rule_that_names_people_is_covered():
    from orgviz.rules import RULES

    named_nobody = {"profile-fit", "team-color"}
    assert set(RULES) - {rule for rule, *_rest in CASES} == named_nobody


NAMES = re.compile(r"Ada King|Eve Ash|Sam Ito|Kim Cho|Dana Reyes|Zoe Lind|Lee Park|Bo Li|"
                   r"Cy Diaz|Di Eze|Ed Fox")


def slugged(text: str) -> str:
    """Ids without digits: e1 -> ee-a, x9 -> xx, temp-4 -> temp-d."""
    text = re.sub(r"\be(\d+)\b", lambda m: "ee-" + "abcdefghij"[int(m[1]) - 1], text)
    return text.replace("x9", "xx").replace("temp-4", "temp-d")


def nameless(message: str) -> str:
    """A message as it read before names were shown."""
    message = re.sub(r"^'([^']+)' \(open role\) has", r"the open role '\1' has", message)
    message = message.replace(" (open role)", "")
    for pattern, new in ((r" \((?:NAME)\)", ""), (r"\((?:NAME), ", "("), (r", (?:NAME)\)", ")"),
                         (r" by (?:NAME)\)", ")")):
        message = re.sub(pattern.replace("NAME", NAMES.pattern), new, message)
    return message


@pytest.mark.parametrize(("rule", "people", "expected"), CASES, ids=CASE_IDS)
def test_slug_ids_keep_their_messages(messages, rule, people, expected):
    # The same people with ids without digits: the messages name nobody, as before.
    teams = "teams:\n  - {id: eng, name: Engineering}\n" if rule == "unknown-team" else ""
    found = [m for _l, _c, m in messages(HEADER + teams + "people:\n" + slugged(people), rule)]
    assert found == [slugged(nameless(m)) for m in expected]
    assert not any(NAMES.search(m) for m in found)


def person(pid: str, name: str | None = None, vacant: bool = False) -> Person:
    return Person(id=pid, loc=NO_LOC, name=name, vacant=vacant)


def test_a_digit_in_the_id_shows_the_name():
    for pid in ("14", "E00123", "HO-001", "emp_7", "٣٤"):  # (Arabic-Indic digits count too)
        assert who(person(pid, "Peter Krebs")) == f"'{pid}' (Peter Krebs)"
    assert who(person("14", "Peter Krebs"), "Manager") == "'14' (Peter Krebs, Manager)"
    assert who_inside(person("3", "Roberto Tamburello")) == "'3', Roberto Tamburello"


def test_a_slug_id_shows_no_name():
    for pid in ("amara-okafor", "ceo", "Dana_Reyes", "zoë"):
        assert shown_name(person(pid, "Amara Okafor")) == ""
        assert who(person(pid, "Amara Okafor")) == f"'{pid}'"
    assert who(person("dana", "Dana Reyes"), "Manager") == "'dana' (Manager)"
    assert who_inside(person("dana", "Dana Reyes")) == "'dana'"


def test_an_unnamed_vacancy_shows_as_an_open_role():
    # (a digit id alone told a reader nothing; "the open role" was said of it only by
    # vacant-manager)
    vacancy = person("HO-001", vacant=True)
    assert who(vacancy) == "'HO-001' (open role)"
    assert who_inside(vacancy) == "'HO-001', open role"
    assert who(vacancy, "Director") == "'HO-001' (open role, Director)"
    # A slug says what it is by itself.
    assert who(person("open-gpm", vacant=True)) == "'open-gpm'"
    # A named vacancy (an offer accepted, say) shows its name like anyone.
    assert who(person("HO-002", "Sam Ito", vacant=True)) == "'HO-002' (Sam Ito)"


def test_the_person_suggested_is_named_too(messages):
    source = (HEADER + "teams:\n  - {id: t, name: T, lead: '12'}\npeople:\n"
              "  - {id: '1', name: Ann Lee}\n  - {id: '13', name: Cy Dee, reports_to: '11'}\n")
    assert [m for _l, _c, m in messages(source, "unknown-manager")] == [
        "'13' (Cy Dee) reports to '11', who is not in the org: did you mean '1' (Ann Lee)? "
        "Otherwise use the id of an existing person, or add that person"]
    assert [m for _l, _c, m in messages(source, "unknown-team")] == [
        "team 't' is led by '12', who is not in the org: did you mean '1' (Ann Lee)? Otherwise "
        "use the id of a person"]
