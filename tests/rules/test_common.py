"""The helpers shared by rules: per-org cache, reporting tree."""

import gc
import weakref

import pytest

from orgviz.loader import load
from orgviz.model import Org, Person
from orgviz.problem import SourceLoc
from orgviz.rules import _common
from orgviz.validate import validate

ORG = """\
orgviz: 1
org: {name: T}
people:
  - {id: ceo, name: Ada King}
  - {id: a, name: A, reports_to: ceo}
  - {id: b, name: B, reports_to: a}
  - {id: x, name: X, reports_to: y}
  - {id: y, name: Y, reports_to: x}
  - {id: z, name: Z, reports_to: ghost}
"""


def test_tree_depths_tops_and_unreached_cycles(org_file):
    org = load(org_file(ORG))
    walk = _common.tree(org)
    assert walk.order == ["ceo", "z", "a", "b"]
    assert walk.depth == {"ceo": 1, "z": 1, "a": 2, "b": 3}
    assert walk.top(org) == {"ceo": "ceo", "z": "z", "a": "ceo", "b": "ceo"}
    assert walk.levels == 3
    assert set(walk.reached) == {"ceo", "z", "a", "b"}  # (x and y: a cycle)


def test_tree_reached_is_everyone_without_a_depth_dict_when_all_hang_from_a_top(org_file):
    org = load(org_file(ORG.replace("reports_to: y", "reports_to: b")))
    walk = _common.tree(org)
    assert walk.reached is org.by_id
    assert "depth" not in vars(walk)  # (made when first asked for)
    assert walk.levels == 5
    assert walk.depth == {"ceo": 1, "z": 1, "a": 2, "b": 3, "x": 4, "y": 5}


def test_cached_values_do_not_keep_an_org_alive(org_file):
    org = load(org_file(ORG))
    validate(org)
    assert org in _common._CACHE
    ref = weakref.ref(org)
    del org
    gc.collect()
    assert ref() is None


def test_by_id_keeps_the_first_of_repeated_ids():
    # Distinct ids take a fast path; a repeat falls back to the first-wins loop.
    people = tuple(Person(id=pid, loc=SourceLoc("org.yaml", line, 5))
                   for line, pid in enumerate(["a", "b", "a", "c", "b"], start=1))
    by_id = Org(file="org.yaml", name="T", people=people).by_id
    assert list(by_id) == ["a", "b", "c"]
    assert [p.loc.line for p in by_id.values()] == [1, 2, 4]
    distinct = Org(file="org.yaml", name="T", people=people[:2] + people[3:4]).by_id
    assert list(distinct) == ["a", "b", "c"]
    assert all(distinct[p.id] is p for p in people[:2] + people[3:4])


@pytest.mark.parametrize(("file", "said"), [
    ("orgs/acme.yaml", "line 7"), ("acme.yml", "line 7"), ("<stdin>", "line 7"),
    ("export.csv", "row 7"), ("HR/EXPORT.CSV", "row 7"), ("people.tsv", "row 7"),
    ("people.txt", "row 7"), ("book.xlsx", "row 7"), ("book.XLSM", "row 7"),
    ("csv.yaml", "line 7"), ("a.csv.yaml", "line 7"),
])
def test_line_at_says_row_in_tables_an_import_reads(file, said):
    assert _common.line_at(SourceLoc(file, 7, 3)) == said


def _table_org(file: str) -> Org:
    """'a' at the top; 'b' and 'c' report to each other; 'c' again on line 5."""
    def person(pid: str, line: int, boss: str | None) -> Person:
        return Person(id=pid, reports_to=boss, loc=SourceLoc(file, line, 1),
                      field_locs={"id": SourceLoc(file, line, 1),
                                  "reports_to": SourceLoc(file, line, 3)})
    return Org(file=file, name="T", people=(person("a", 2, None), person("b", 3, "c"),
                                             person("c", 4, "b"), person("c", 5, "a")))


@pytest.mark.parametrize(("file", "word"), [("export.csv", "row"), ("org.yaml", "line")])
def test_cycle_and_duplicate_id_name_rows_of_a_table(file, word):
    found = {p.rule: p.message for p in validate(_table_org(file))}
    assert found["cycle"].startswith(f"reporting cycle: b ({word} 3) -> c ({word} 4) -> b: ")
    assert found["duplicate-id"] == (
        f"duplicate person id 'c' (first used at {word} 4): give each position its own id")


def test_reporting_cycles_are_named_from_their_first_member_a_self_report_is_none(org_file):
    # (x -> y -> x entered from w, under it; s reports to itself: a top, as validate takes it)
    org = load(org_file(ORG.replace("  - {id: x,", "  - {id: w, name: W, reports_to: y}\n"
                                    "  - {id: s, name: S, reports_to: s}\n  - {id: x,")))
    assert _common.reporting_cycles(org) == [["x", "y"]]
    assert _common.reporting_cycles(load(org_file(ORG.replace("reports_to: y",
                                                              "reports_to: b")))) == []


def test_cycles_up_ends_at_unknown_ids_and_walks_each_node_once():
    from orgviz.cycles import cycles_up

    parent = {"a": "b", "b": "c", "c": "b", "d": "ghost", "e": None, "f": "f", "g": "a"}
    steps: list[str] = []

    def up(node: str) -> str | None:
        steps.append(node)
        return parent[node]

    assert cycles_up(parent, up) == [["b", "c"], ["f"]]
    assert sorted(steps) == sorted(parent)  # (g stops at a, walked before)
    assert cycles_up(parent, parent.get, skip={"f"}) == [["b", "c"]]  # (no walk from f)
