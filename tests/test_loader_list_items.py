"""The items of list fields (`titles`, `role`, `dotted_to`) are texts as every text is: no
control characters and at most 500 characters, each refused at the item."""

from __future__ import annotations

from orgviz.loader import load


def _errors(path) -> list[tuple[int, int, str]]:
    return sorted((p.line, p.col, p.message) for p in load(path).load_problems
                  if p.level == "error")


def test_a_control_character_in_a_list_item_is_refused_at_the_item(org_file):
    # (they were taken: a role's title '\x01', a dotted line to 'a\x7f', a role 'r\x02',
    # which the schema refuses and person texts refused already)
    path = org_file("""\
        orgviz: 1
        org: {name: A, size: small}
        roles:
          - {id: r, level: ic, titles: ["ok", "b\\x01"]}
        people:
          - {id: a, name: A, title: CEO}
          - {id: b, name: B, title: ok, reports_to: a, dotted_to: "a\\x7f", role: ["r\\x02"]}
        """)
    assert _errors(path) == [
        (4, 39, "'titles' of role 'r' holds the control character U+0001 (written as an "
                "escape): remove it"),
        (7, 59, "'dotted_to' of person 'b' holds the control character U+007F (written as an "
                "escape): remove it"),
        (7, 75, "'role' of person 'b' holds the control character U+0002 (written as an "
                "escape): remove it")]
    person = load(path).people[1]
    assert (person.dotted_to, person.role_source) == ((), "title")  # (its title gives 'r')


def test_a_list_item_longer_than_500_characters_is_refused_at_the_item(org_file):
    long = "x" * 501
    path = org_file(f"""\
        orgviz: 1
        org: {{name: A, size: small}}
        people:
          - {{id: a, name: A, title: CEO}}
          - {{id: b, name: B, reports_to: a, dotted_to: [a, {long}]}}
        """)
    assert _errors(path) == [
        (5, 52, "'dotted_to' of person 'b' is 501 characters long; at most 500 are allowed")]
    assert load(path).people[1].dotted_to == ("a",)
