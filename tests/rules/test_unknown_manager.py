"""Tests of the unknown-manager rule."""

import pytest

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


def test_never_suggests_the_person_themselves(messages):
    source = "orgviz: 1\norg: {name: T}\npeople:\n  - {id: dana, name: D}\n" \
             "  - {id: sam, name: S, reports_to: smа}\n"  # Cyrillic 'а' at the end
    message = messages(source, "unknown-manager")[0][2]
    assert "did you mean 'sam'" not in message


def test_suggestions_stay_cheap_and_useful_in_a_huge_org(tmp_path):
    from orgviz.loader import load
    from orgviz.rules._common import FULL_SEARCH_MAX, LOOKUP_BUDGET, WORK_BUDGET, Suggester

    ids = [f"person-{i:06d}-{'abcdefghij'[i % 10]}" for i in range(60_000)]
    suggest = Suggester(ids)
    assert suggest.closest("persn-012345-f") == "person-012345-f"  # typo past the prefix
    assert suggest.closest("PERSON_012346_G") == "person-012346-g"  # case and separators
    for i in range(LOOKUP_BUDGET + 10):
        suggest.closest(f"zz-unknown-{i}")
    # The work is counted, not timed (the same on any machine): at most the budget and the
    # last lookup's comparisons (a prefiltered bucket, at most two of FULL_SEARCH_MAX ids,
    # 25 units each), and no more words looked up than the budget allows.
    assert suggest._work <= WORK_BUDGET + 2 * FULL_SEARCH_MAX * 25
    assert len(suggest._memo) <= LOOKUP_BUDGET
    assert suggest.closest("person-000001-x") is None  # budget spent: no more searching
    del load  # imported only to make sure the module loads without networkx


BY_NAME = """\
orgviz: 1
org: {name: T}
people:
  - {id: dana, name: Dana Reyes, role: ceo}
  - {id: sam, name: Sam Ito, reports_to: Dana Reyes}
  - {id: lee, name: Lee Park, reports_to: "  dana   REYES "}
  - {id: kim, name: Kim Cho, reports_to: Kim Cho}
  - {id: ann, name: Jo Park, reports_to: dana}
  - {id: bo, name: Jo Park, reports_to: dana}
  - {id: cy, name: Cy Dee, reports_to: Jo Park}
"""


def test_a_manager_given_by_name_gets_the_id_to_write(messages):
    # (said "who is not in the org: use the id of an existing person, or add that person")
    assert [(line, m) for line, _col, m in messages(BY_NAME, "unknown-manager")] == [
        (5, "'sam' reports to 'Dana Reyes', a name, not an id: write 'dana' instead"),
        (6, "'lee' reports to '  dana   REYES ', a name, not an id: write 'dana' instead"),
        # (their own name is no manager to point at: the usual advice)
        (7, "'kim' reports to 'Kim Cho', who is not in the org: use the id of an existing "
            "person, or add that person"),
        (10, "'cy' reports to 'Jo Park', a name, not an id: write the id of one of 'ann', "
             "'bo'")]


def test_part_of_an_id_or_a_name_suggests_the_people_it_is_part_of(messages):
    # ('amara' is too far from 'amara-okafor' for a close match: no suggestion before)
    source = ("orgviz: 1\norg: {name: T}\npeople:\n  - {id: amara-okafor, name: Amara Okafor}\n"
              "  - {id: bo-li, name: Bo Li, reports_to: amara}\n"
              "  - {id: di-li, name: Di Li, reports_to: bo-li}\n"
              "  - {id: cy, name: Cy Oh, reports_to: li}\n"
              "  - {id: li, name: Li Wu, reports_to: wu}\n")
    found = [m for _line, _col, m in messages(source, "unknown-manager")]
    assert found == [
        "'bo-li' reports to 'amara', who is not in the org: did you mean 'amara-okafor'? "
        "Otherwise use the id of an existing person, or add that person",
        # 'li' is an id: not unknown. 'wu' is part of the name of 'li' themselves: not said.
        "'li' reports to 'wu', who is not in the org: use the id of an existing person, or add "
        "that person"]
    source = source.replace("- {id: li, name: Li Wu, reports_to: wu}", "- {id: ed, name: Ed}")
    found = [m for _line, _col, m in messages(source, "unknown-manager")]
    assert found[1] == ("'cy' reports to 'li', who is not in the org: did you mean one of "
                        "'bo-li', 'di-li'? Otherwise use the id of an existing person, or add "
                        "that person")


def test_a_team_id_where_a_person_belongs_says_to_write_its_lead(messages):
    source = ("orgviz: 1\norg: {name: T}\nteams:\n  - {id: eng, name: Engineering, lead: bob}\n"
              "  - {id: ops, name: Ops}\npeople:\n  - {id: ann, name: Ann}\n"
              "  - {id: bob, name: Bob, reports_to: ann, team: eng}\n"
              "  - {id: cy, name: Cy, reports_to: eng, dotted_to: [ops]}\n"
              "  - {id: di, name: Di, reports_to: ops}\n"
              "  - {id: ed, name: Ed, reports_to: eng}\n")
    assert [(line, m) for line, _c, m in messages(source, "unknown-manager")] == [
        (9, "'cy' reports to 'eng', a team, not a person: write the id of its lead, 'bob', "
            "instead"),
        (10, "'di' reports to 'ops', a team, not a person: write the id of a person"),
        (11, "'ed' reports to 'eng', a team, not a person: write the id of its lead, 'bob', "
             "instead")]
    assert [m for _l, _c, m in messages(source, "unknown-dotted")] == [
        "'cy' has a dotted line to 'ops', a team, not a person: write the id of a person"]


def test_an_email_where_an_id_belongs_gets_the_id_to_write(messages):
    source = ("orgviz: 1\norg: {name: T}\npeople:\n  - {id: a, name: A, email: Ann@X.test}\n"
              "  - {id: b, name: B, reports_to: ann@x.test}\n"
              "  - {id: c, name: C, reports_to: nobody@x.test}\n")
    assert [m for _l, _c, m in messages(source, "unknown-manager")] == [
        "'b' reports to 'ann@x.test', an email, not an id: write 'a' instead",
        "'c' reports to 'nobody@x.test', who is not in the org: use the id of an existing "
        "person, or add that person"]


def test_managers_joined_by_a_comma_say_where_the_others_go(messages):
    source = """\
orgviz: 1
org: {name: T}
people:
  - {id: ceo, name: Ada King, role: ceo}
  - {id: cto, name: Bo Li, role: cto, reports_to: ceo}
  - {id: x, name: Sam Ito, reports_to: "cto; ceo"}
"""
    assert messages(source, "unknown-manager") == [
        (6, 40, "'x' reports to 'cto; ceo', several ids in one text: reports_to holds one "
                "manager's id (reports_to: cto); put the others in dotted_to")]


@pytest.mark.parametrize(("composed", "decomposed"), [
    ("jos\u00e9", "jose\u0301"),
    # (Hangul decomposed is conjoining jamo, of combining class 0: its advice was backwards)
    ("\ud55c\uae00", "\u1112\u1161\u11ab\u1100\u1173\u11af"),
])
def test_an_id_in_another_unicode_form_is_said_so(org_file, composed, decomposed):
    """'josé' with a combining accent for the id 'josé' with a precomposed one (or the other
    way round) got "who is not in the org: did you mean 'josé'?": the same text to the eye."""
    from orgviz.loader import load
    from orgviz.validate import validate

    for ref, pid, written, held in ((decomposed, composed, "decomposed (NFD)", "composed (NFC)"),
                                    (composed, decomposed, "composed (NFC)", "decomposed (NFD)")):
        path = org_file("orgviz: 1\norg: {name: T}\npeople:\n"
                        f"  - {{id: {pid}, name: José Ruiz, role: ceo}}\n"
                        f"  - {{id: sam, name: Sam Ito, role: vp, reports_to: {ref},\n"
                        f"      dotted_to: [{ref}]}}\n")
        found = [str(p) for p in validate(load(path))
                 if p.rule in ("unknown-manager", "unknown-dotted")]
        end = (f"'{ref}', which differs from the id '{pid}' only in Unicode form: "
               f"it is written in {written} form, the id in {held} form; write it as the id "
               "is written")
        assert found == [f"{path}:5:52: error [unknown-manager] 'sam' reports to {end}",
                         f"{path}:6:19: error [unknown-dotted] 'sam' has a dotted line to {end}"]
