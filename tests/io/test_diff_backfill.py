"""`orgviz diff` on positions of one title and manager under new ids, told apart by whose
reports followed whom: a backfill opening beside a hire for another opening."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from orgviz.cli import main
from orgviz.diff import diff_orgs
from orgviz.loader import load

HEAD = """\
orgviz: 1
org: {name: Acme, size: small}
people:
  - {id: ceo, name: Ann Ceo, title: Chief Executive Officer}
  - {id: dana, name: Dana, title: VP of Engineering, reports_to: ceo}
"""
#: Jo manages r1 and r2; the opening req-9, of Jo's title and manager, has s1 and s2.
OLD = HEAD + """\
  - {id: jo, name: Jo Jay, title: Engineering Manager, reports_to: dana}
  - {id: r1, name: R One, title: Software Engineer, reports_to: jo}
  - {id: r2, name: R Two, title: Software Engineer, reports_to: jo}
  - {id: req-9, title: Engineering Manager, reports_to: dana, vacant: true}
  - {id: s1, name: S One, title: Software Engineer, reports_to: req-9}
  - {id: s2, name: S Two, title: Software Engineer, reports_to: req-9}
"""
#: Jo left (req-77 backfills him, his reports with it); a hire filled req-9.
NEW = HEAD + """\
  - {id: req-77, title: Engineering Manager, reports_to: dana, vacant: true}
  - {id: r1, name: R One, title: Software Engineer, reports_to: req-77}
  - {id: r2, name: R Two, title: Software Engineer, reports_to: req-77}
  - {id: hire, name: Hy Ree, title: Engineering Manager, reports_to: dana}
  - {id: s1, name: S One, title: Software Engineer, reports_to: hire}
  - {id: s2, name: S Two, title: Software Engineer, reports_to: hire}
"""


def _run(tmp_path: Path, before: str, after: str, *args: str) -> str:
    old, new = tmp_path / "old.yaml", tmp_path / "new.yaml"
    old.write_text(before, encoding="utf-8")
    new.write_text(after, encoding="utf-8")
    result = CliRunner().invoke(main, ["diff", str(old), str(new), *args])
    assert result.exit_code == 0, result.output
    return result.output.replace(f"{tmp_path}/", "")


def test_a_backfill_opening_beside_a_hire_for_another_opening(tmp_path: Path) -> None:
    """It was "1 added, 1 removed, 1 id changed (req-9 -> req-77), 4 moved": the two
    openings were paired by title and manager before whose reports followed whom counted."""
    assert _run(tmp_path, OLD, NEW) == (
        "o vacancy opened  req-77 (Open role): Engineering Manager (was Jo Jay, id jo), "
        "reports to dana (Dana)\n"
        "* vacancy filled  hire (Hy Ree): Engineering Manager (the open position req-9)\n"
        "old.yaml -> new.yaml: 1 vacancy opened, 1 vacancy filled\n")
    assert json.loads(_run(tmp_path, OLD, NEW, "--json"))["changes"] == [
        {"kind": "opened", "id": "req-77", "name": "Open role", "old": "jo", "new": "req-77",
         "field": "id", "title": "Engineering Manager", "reports_to": "dana",
         "previous_holder": "Jo Jay", "new_position": False},
        {"kind": "filled", "id": "hire", "name": "Hy Ree", "old": "req-9", "new": "hire",
         "field": "id", "title": "Engineering Manager", "reports_to": "dana"}]


def test_openings_whose_ids_changed_pair_by_their_reports_not_file_order(
        tmp_path: Path) -> None:
    """By file order alone req-8 would have become new-b, req-9 new-a, and the four
    reports all "moved"."""
    before = HEAD + """\
  - {id: req-8, title: Engineering Manager, reports_to: dana, vacant: true}
  - {id: r1, name: R One, title: Software Engineer, reports_to: req-8}
  - {id: req-9, title: Engineering Manager, reports_to: dana, vacant: true}
  - {id: s1, name: S One, title: Software Engineer, reports_to: req-9}
"""
    after = HEAD + """\
  - {id: new-b, title: Engineering Manager, reports_to: dana, vacant: true}
  - {id: s1, name: S One, title: Software Engineer, reports_to: new-b}
  - {id: new-a, title: Engineering Manager, reports_to: dana, vacant: true}
  - {id: r1, name: R One, title: Software Engineer, reports_to: new-a}
"""
    assert _run(tmp_path, before, after) == (
        "~ id changed      new-b (Open role): req-9 -> new-b, Engineering Manager, reports "
        "to dana (Dana)\n"
        "~ id changed      new-a (Open role): req-8 -> new-a, Engineering Manager, reports "
        "to dana (Dana)\n"
        "old.yaml -> new.yaml: 2 ids changed\n")


def test_a_replacement_with_the_same_reports_is_still_removed_and_added(
        tmp_path: Path) -> None:
    """Jo left and Hy took his team: two people, not one whose id changed."""
    after = OLD.replace("{id: jo, name: Jo Jay,", "{id: hy, name: Hy Ree,").replace(
        "reports_to: jo}", "reports_to: hy}")
    assert _run(tmp_path, OLD, after) == (
        "+ added           hy (Hy Ree): Engineering Manager, reports to dana (Dana)\n"
        "- removed         jo (Jo Jay): Engineering Manager, reports to dana (Dana)\n"
        "> moved           r1 (R One): jo (Jo Jay) -> hy (Hy Ree)\n"
        "> moved           r2 (R Two): jo (Jo Jay) -> hy (Hy Ree)\n"
        "old.yaml -> new.yaml: 1 added, 1 removed, 2 moved\n")


def _openings(count: int, ids: list[str], holders: list[int]) -> str:
    """`count` openings of one title and manager under `ids`, the i-th with two reports of
    its own, reporting to the opening `holders[i]`."""
    lines = [HEAD.rstrip("\n")]
    lines += [f"  - {{id: {pid}, title: Engineering Manager, reports_to: dana, vacant: true}}"
              for pid in ids]
    lines += [f"  - {{id: e{i}-{k}, name: E {i} {k}, title: Software Engineer, "
              f"reports_to: {ids[holders[i]]}}}" for i in range(count) for k in (1, 2)]
    return "\n".join(lines) + "\n"


@settings(max_examples=60, deadline=None)
@given(st.integers(1, 6).flatmap(lambda n: st.permutations(range(n))))
def test_openings_re_ided_in_any_order_follow_their_reports(order: list[int]) -> None:
    """The i-th opening's new id is new-(order[i]), its new place in the file; its reports
    follow it: ids changed as the reports tell, and nobody moved."""
    count = len(order)
    before = _openings(count, [f"req-{i}" for i in range(count)], list(range(count)))
    after = _openings(count, [f"new-{i}" for i in range(count)], list(order))
    with tempfile.TemporaryDirectory() as folder:
        old, new = Path(folder, "old.yaml"), Path(folder, "new.yaml")
        old.write_text(before, encoding="utf-8")
        new.write_text(after, encoding="utf-8")
        changes = diff_orgs(load(old), load(new))
    assert sorted((c.kind, c.old, c.new) for c in changes) == sorted(
        ("idchanged", f"req-{i}", f"new-{order[i]}") for i in range(count))
