"""Tests of the cycle rule."""

from orgviz.loader import load
from orgviz.validate import validate

PASS = """\
orgviz: 1
org: {name: T}
people:
  - {id: dana, name: Dana Reyes}
  - {id: sam, name: Sam Ito, reports_to: dana}
  - {id: lee, name: Lee Park, reports_to: sam}
"""

# Two cycles; 'kim' reports into the first one without being part of it.
FAIL = """\
orgviz: 1
org: {name: T}
people:
  - {id: dana, name: Dana Reyes}
  - {id: kim, name: Kim Cho, reports_to: lee}
  - {id: sam, name: Sam Ito, reports_to: lee}
  - {id: lee, name: Lee Park, reports_to: ari}
  - {id: ari, name: Ari Sol, reports_to: sam}
  - {id: x, name: X, reports_to: y}
  - {id: y, name: Y, reports_to: x}
"""


def test_a_tree_passes(check):
    assert check(PASS, "cycle") == []


def test_each_cycle_once_at_its_first_member(check):
    assert check(FAIL, "cycle") == [(6, 42, "error"), (9, 34, "error")]


def test_message_lists_members_with_lines(messages):
    first, second = (m for _l, _c, m in messages(FAIL, "cycle"))
    assert first.startswith("reporting cycle: sam (line 6) -> lee (line 7) -> ari (line 8) "
                            "-> sam: ")
    assert second.startswith("reporting cycle: x (line 9) -> y (line 10) -> x: ")


def test_a_whole_org_in_a_cycle_also_has_no_root(check):
    source = PASS.replace("{id: dana, name: Dana Reyes}", "{id: dana, name: D, reports_to: lee}")
    assert check(source, "cycle") == [(4, 37, "error")]
    assert check(source, "root") == [(4, 37, "error")]


def test_a_10000_long_cycle_is_found_without_recursion_and_abridged(tmp_path):
    n = 10_000
    lines = ["orgviz: 1", "org: {name: T}", "people:"]
    lines += [f"  - {{id: p{i}, name: P, reports_to: p{(i + 1) % n}}}" for i in range(n)]
    path = tmp_path / "ring.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    found = [p for p in validate(load(path)) if p.rule == "cycle"]
    assert [(p.line, p.col) for p in found] == [(4, 35)]
    assert "p0 (P, line 4) -> p1 (P, line 5)" in found[0].message
    assert "... 9989 more -> p9999 (P, line 10003) -> p0:" in found[0].message
    assert len(found[0].message) < 400


RANKED = """\
orgviz: 1
org: {name: T}
people:
  - {id: ann, name: Ann Lee, title: CEO}
  - {id: bob, name: Bob Day, title: CTO, reports_to: cy}
  - {id: cy, name: Cy Oh, title: VP Engineering, reports_to: bob}
"""


def test_a_cycle_with_one_most_senior_member_suggests_where_it_reports(messages):
    assert [m for _l, _c, m in messages(RANKED, "cycle")] == [
        "reporting cycle: bob (line 5) -> cy (line 6) -> bob: the most senior of them, 'bob' "
        "(Chief Technology Officer), might report to 'ann', the top of the org; otherwise "
        "point one of these reports_to at someone outside the cycle, or remove it from the "
        "person at the top"]
    # Two of the same rank: no guess.
    same = RANKED.replace("title: VP Engineering", "title: CTO")
    assert [m for _l, _c, m in messages(same, "cycle")] == [
        "reporting cycle: bob (line 5) -> cy (line 6) -> bob: point one of these reports_to "
        "at someone outside the cycle, or remove it from the person at the top"]
