"""`orgviz diff` on references between people and teams: a manager taken away, a dotted
line or team lead left at an old id, old teams named as they were, large counts."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

import orgviz
from orgviz.cli import main
from orgviz.diff import Change, changes_chart, format_text, said, summary
from orgviz.loader import load
from orgviz.render.themes import get_theme

THREE = """\
orgviz: 1
org: {name: T, size: small}
people:
  - {id: a, name: A, title: Chief Executive Officer}
  - {id: b, name: B, title: Chief Technology Officer, reports_to: a}
  - {id: c, name: C, title: Software Engineer, reports_to: b}
"""
DOTTED = """\
orgviz: 1
org: {name: D, size: small}
teams:
  - {id: exec, name: Exec, lead: ceo}
people:
  - {id: ceo, name: Ann, title: Chief Executive Officer, team: exec}
  - {id: cto, name: Tina, title: Chief Technology Officer, reports_to: ceo}
  - {id: e1, name: Ed, title: Software Engineer, reports_to: cto, dotted_to: [ceo]}
"""
#: DOTTED with every person's id changed, and each reporting line to the new ids; the
#: dotted line and the team's lead left at the CEO's old id.
RENUMBERED = (DOTTED.replace("id: ceo", "id: X-ceo").replace("id: cto", "id: X-cto")
              .replace("id: e1", "id: X-e1").replace("reports_to: ceo", "reports_to: X-ceo")
              .replace("reports_to: cto", "reports_to: X-cto"))


def _run(tmp_path: Path, before: str, after: str, *args: str) -> tuple[int, str]:
    """The exit status and output of `orgviz diff old.yaml new.yaml ARGS`."""
    old, new = tmp_path / "old.yaml", tmp_path / "new.yaml"
    old.write_text(before, encoding="utf-8")
    new.write_text(after, encoding="utf-8")
    result = CliRunner().invoke(main, ["diff", str(old), str(new), *args])
    return result.exit_code, result.output


def _lines(output: str) -> list[str]:
    """The change lines of a text report (its summary line left off)."""
    return output.splitlines()[:-1]


def test_a_manager_taken_away_is_a_move_to_none(tmp_path: Path) -> None:
    """`reports_to: b` removed (b still there): moved from b to no one, not "no changes"."""
    after = THREE.replace(", reports_to: b}", "}")
    status, output = _run(tmp_path, THREE, after, "--exit-code")
    assert status == 1
    assert output.endswith(": 1 moved\n")
    assert _lines(output) == ["> moved           c (C): b (B) -> (none)"]
    changes = orgviz.diff_orgs(load(tmp_path / "old.yaml"), load(tmp_path / "new.yaml"))
    assert [c.to_dict() for c in changes] == [
        {"kind": "moved", "id": "c", "name": "C", "field": "reports_to", "old": "b",
         "old_name": "B"}]


def test_a_manager_whose_id_changed_taken_away_is_a_move_to_none(tmp_path: Path) -> None:
    """The old manager's id changed too: the move is still from them, to no one."""
    after = THREE.replace("id: b,", "id: b2,").replace(", reports_to: b}", "}")
    status, output = _run(tmp_path, THREE, after, "--exit-code")
    assert status == 1
    assert _lines(output) == ["~ id changed      b2 (B): b -> b2",
                              "> moved           c (C): b (B) -> (none)"]


def test_a_dotted_line_left_at_an_old_id_names_no_one(tmp_path: Path) -> None:
    status, output = _run(tmp_path, DOTTED, RENUMBERED.replace("lead: ceo", "lead: X-ceo"),
                          "--exit-code")
    assert status == 1
    assert ("~ other change    X-e1 (Ed): dotted_to ceo (Ann) -> ceo (not in the new "
            "version)\n") in output
    assert output.endswith(": 3 ids changed, 1 other change\n")
    status, output = _run(tmp_path, DOTTED, RENUMBERED.replace("lead: ceo", "lead: X-ceo"),
                          "--json")
    dotted = [c for c in json.loads(output)["changes"] if c["kind"] == "changed"]
    assert dotted == [{"kind": "changed", "id": "X-e1", "name": "Ed", "field": "dotted_to",
                       "old": ["ceo"], "new": ["ceo"], "missing": ["ceo"],
                       "old_name": ["Ann"], "new_name": [None]}]


def test_a_dotted_line_following_the_new_id_is_no_change(tmp_path: Path) -> None:
    after = RENUMBERED.replace("dotted_to: [ceo]", "dotted_to: [X-ceo]").replace(
        "lead: ceo", "lead: X-ceo")
    assert _run(tmp_path, DOTTED, after)[1].endswith(": 3 ids changed\n")


def test_a_dotted_line_to_someone_removed_names_no_one(tmp_path: Path) -> None:
    """The dotted line kept while its person left: it names no one now."""
    after = DOTTED.replace("  - {id: cto, name: Tina, title: Chief Technology Officer, "
                           "reports_to: ceo}\n", "").replace("reports_to: cto", "reports_to: ceo")
    after = after.replace("dotted_to: [ceo]", "dotted_to: [cto]")
    before = DOTTED.replace("dotted_to: [ceo]", "dotted_to: [cto]")
    _status, output = _run(tmp_path, before, after)
    assert ("~ other change    e1 (Ed): dotted_to cto (Tina) -> cto (not in the new "
            "version)\n") in output
    # A dotted line to no one in either version is no change (validate reports it).
    broken = DOTTED.replace("dotted_to: [ceo]", "dotted_to: [zed]")
    assert _run(tmp_path, broken, broken)[1].endswith(": no changes\n")


def test_a_team_lead_left_at_an_old_id_says_it_names_no_one(tmp_path: Path) -> None:
    """Not "lead ceo (Ann) -> ceo (Ann)", which reads as no change."""
    _status, output = _run(tmp_path, DOTTED, RENUMBERED.replace("dotted_to: [ceo]",
                                                                "dotted_to: [X-ceo]"))
    assert "~ team changed    exec (Exec): lead ceo (Ann) -> ceo (not in the new version)\n" in (
        output)
    _status, output = _run(tmp_path, DOTTED, RENUMBERED, "--json")
    lead = [c for c in json.loads(output)["changes"] if c["kind"] == "team-changed"]
    assert lead == [{"kind": "team-changed", "id": "exec", "name": "Exec", "field": "lead",
                     "old": "ceo", "new": "ceo", "missing": ["ceo"], "old_name": "Ann"}]


def test_a_team_lead_following_the_new_id_is_no_change(tmp_path: Path) -> None:
    after = RENUMBERED.replace("dotted_to: [ceo]", "dotted_to: [X-ceo]").replace(
        "lead: ceo", "lead: X-ceo")
    assert _run(tmp_path, DOTTED, after)[1].endswith(": 3 ids changed\n")


def test_a_parent_team_left_at_an_old_id_names_no_team(tmp_path: Path) -> None:
    before = DOTTED.replace("teams:\n", "teams:\n  - {id: top, name: Top}\n").replace(
        "lead: ceo}", "lead: ceo, parent: top}")
    after = before.replace("{id: top, name: Top}", "{id: top2, name: Top}")
    _status, output = _run(tmp_path, before, after)
    assert _lines(output) == [
        "~ team id changed top2 (Top): top -> top2",
        "~ team changed    exec (Exec): parent top (Top) -> top (not in the new version)"]


PRODUCT = """\
orgviz: 1
org: {name: P}
teams:
  - {id: prod, name: Product}
  - {id: eng, name: Engineering}
people:
  - {id: ceo, name: Ann, title: CEO, team: prod}
  - {id: pm, name: Pat, title: Product Manager, reports_to: ceo, team: prod}
"""


def test_a_reteamed_person_s_old_team_has_its_old_name(tmp_path: Path) -> None:
    """`prod` renamed Product Mgmt while Pat left it: Pat's team was Product."""
    after = PRODUCT.replace("name: Product}", "name: Product Mgmt}").replace(
        "reports_to: ceo, team: prod}", "reports_to: ceo, team: eng}")
    _status, output = _run(tmp_path, PRODUCT, after)
    assert _lines(output) == [
        "~ re-teamed       pm (Pat): prod (Product) -> eng (Engineering)",
        "~ team renamed    prod (Product Mgmt): Product -> Product Mgmt"]
    old, new = load(tmp_path / "old.yaml"), load(tmp_path / "new.yaml")
    chart = changes_chart(new, orgviz.diff_orgs(old, new), "old.yaml",
                          get_theme("light", None), old)
    assert {card.id: card.team for card in chart.cards if card.color} == {
        "pm": "team was Product"}


def test_a_team_moved_from_a_renamed_parent_names_its_old_name(tmp_path: Path) -> None:
    before = PRODUCT.replace("name: Engineering}", "name: Engineering, parent: prod}")
    after = PRODUCT.replace("name: Product}", "name: Product Mgmt}")
    _status, output = _run(tmp_path, before, after)
    assert _lines(output) == [
        "~ team renamed    prod (Product Mgmt): Product -> Product Mgmt",
        "~ team changed    eng (Engineering): parent prod (Product) -> (none)"]


def test_large_counts_have_thousands_separators() -> None:
    changes = [Change("idchanged", f"n{i}", f"N {i}", f"o{i}", f"n{i}", "id")
               for i in range(30000)] + [Change("moved", "x", "X", "a", "b", "reports_to")]
    assert said(summary(changes)) == "30,000 ids changed, 1 moved"
    assert format_text(changes, "a.yaml", "b.yaml").endswith(
        "a.yaml -> b.yaml: 30,000 ids changed, 1 moved\n")
    assert said({"added": 1234567}) == "1,234,567 added"


def test_a_team_left_at_a_team_s_old_id_names_no_team(tmp_path: Path) -> None:
    """`prod` is `product` now, Pat still in `prod`: re-teamed to no team."""
    after = PRODUCT.replace("{id: prod,", "{id: product,").replace(
        "title: CEO, team: prod}", "title: CEO, team: product}")
    _status, output = _run(tmp_path, PRODUCT, after)
    assert _lines(output) == [
        "~ re-teamed       pm (Pat): prod (Product) -> prod (not in the new version)",
        "~ team id changed product (Product): prod -> product"]
    # A free label (no `teams:` in the new version) is no team to name.
    free = PRODUCT.replace("teams:\n  - {id: prod, name: Product}\n"
                           "  - {id: eng, name: Engineering}\n", "")
    assert _lines(_run(tmp_path, PRODUCT, free)[1]) == [
        "- team removed    prod (Product): no lead, a top team",
        "- team removed    eng (Engineering): no lead, a top team"]
