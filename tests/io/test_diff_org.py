"""`orgviz diff` on the org itself: its header (name, size, date) and its `rules:` block."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from orgviz.cli import main
from orgviz.diff import ORG_KINDS, changes_chart, diff_orgs
from orgviz.loader import load
from orgviz.render.themes import get_theme

BEFORE = """\
orgviz: 1
org: {name: Acme, size: small, date: "2024-01-01"}
rules:
  span-of-control: {max: 15}
  single-report: off
people:
  - {id: org, name: Ann, title: CEO}
  - {id: bo, name: Bo, title: CTO, reports_to: org}
"""


def _run(tmp_path: Path, after: str, *args: str) -> tuple[int, str]:
    """The exit status and output of `orgviz diff old.yaml new.yaml ARGS` from BEFORE."""
    old, new = tmp_path / "old.yaml", tmp_path / "new.yaml"
    old.write_text(BEFORE, encoding="utf-8")
    new.write_text(after, encoding="utf-8")
    result = CliRunner().invoke(main, ["diff", str(old), str(new), *args])
    return result.exit_code, result.output


def test_the_org_header_changes_are_reported(tmp_path: Path) -> None:
    after = BEFORE.replace("{name: Acme, size: small, date: \"2024-01-01\"}",
                           "{name: Acme Corp, size: mid-size}")
    status, output = _run(tmp_path, after, "--exit-code")
    assert status == 1
    assert output.splitlines() == [
        "~ org change      org: name Acme -> Acme Corp",
        "~ org change      org: size small -> mid-size",
        "~ org change      org: date 2024-01-01 -> (none)",
        f"{tmp_path / 'old.yaml'} -> {tmp_path / 'new.yaml'}: 3 org changes"]
    status, output = _run(tmp_path, after, "--json", "--exit-code")
    assert status == 1
    report = json.loads(output)
    assert report["summary"]["org-changed"] == 3
    assert report["changes"] == [
        {"kind": "org-changed", "id": "org", "name": "Acme Corp", "field": "name",
         "old": "Acme", "new": "Acme Corp"},
        {"kind": "org-changed", "id": "org", "name": "Acme Corp", "field": "size",
         "old": "small", "new": "mid-size"},
        {"kind": "org-changed", "id": "org", "name": "Acme Corp", "field": "date",
         "old": "2024-01-01"}]


def test_the_default_size_written_out_is_no_change(tmp_path: Path) -> None:
    before = BEFORE.replace("size: small, ", "")
    old, new = tmp_path / "old.yaml", tmp_path / "new.yaml"
    old.write_text(before, encoding="utf-8")
    new.write_text(before.replace("{name: Acme,", "{name: Acme, size: mid-size,"),
                   encoding="utf-8")
    assert diff_orgs(load(old), load(new)) == []


def test_rule_settings_changes_are_reported(tmp_path: Path) -> None:
    after = BEFORE.replace("  span-of-control: {max: 15}\n  single-report: off\n",
                           "  same-rank: {level: error}\n  span-of-control: {level: error, "
                           "max: 12}\n  layers: on\n")
    status, output = _run(tmp_path, after, "--exit-code")
    assert status == 1
    assert output.splitlines() == [
        "~ rule changed    same-rank: (not set) -> error",
        "~ rule changed    span-of-control: {max: 15} -> {level: error, max: 12}",
        "~ rule changed    layers: (not set) -> on",
        "~ rule changed    single-report: off -> (not set)",
        f"{tmp_path / 'old.yaml'} -> {tmp_path / 'new.yaml'}: 4 rules changed"]
    report = json.loads(_run(tmp_path, after, "--json")[1])
    assert report["summary"]["rule-changed"] == 4
    assert report["changes"][1] == {
        "kind": "rule-changed", "id": "span-of-control", "name": "span-of-control",
        "field": "rules", "old": {"max": 15}, "new": {"level": "error", "max": 12}}
    assert report["changes"][3] == {
        "kind": "rule-changed", "id": "single-report", "name": "single-report",
        "field": "rules", "old": {"level": "off"}}


def test_rules_reordered_or_spelt_otherwise_are_no_change(tmp_path: Path) -> None:
    after = BEFORE.replace("  span-of-control: {max: 15}\n  single-report: off\n",
                           "  single-report: disabled\n  span-of-control: {max: 15}\n")
    assert _run(tmp_path, after, "--exit-code") == (
        0, f"{tmp_path / 'old.yaml'} -> {tmp_path / 'new.yaml'}: no changes\n")


def test_an_option_spelt_otherwise_with_the_same_value_is_no_change(tmp_path: Path) -> None:
    """`{max: 5}` -> `{max: 05}` was a change: options are compared as the rules read them."""
    after = BEFORE.replace("max: 15", "max: 015").replace(
        "single-report: off\n", "single-report: off\n  root: {allow-forest: TRUE}\n")
    before = BEFORE.replace("single-report: off\n",
                            "single-report: off\n  root: {allow-forest: true}\n")
    old, new = tmp_path / "old.yaml", tmp_path / "new.yaml"
    old.write_text(before, encoding="utf-8")
    new.write_text(after, encoding="utf-8")
    assert diff_orgs(load(old), load(new)) == []
    # A value the rule refuses (validate: "must be a whole number") is shown as written.
    _status, output = _run(tmp_path, BEFORE.replace("max: 15", "max: 15.0"), "--json")
    assert json.loads(output)["changes"] == [{
        "kind": "rule-changed", "id": "span-of-control", "name": "span-of-control",
        "field": "rules", "old": {"max": 15}, "new": {"max": "15.0"}}]
    _status, output = _run(tmp_path, BEFORE.replace("single-report: off\n",
                                                    "root: {allow-forest: true}\n"), "--json")
    assert json.loads(output)["changes"][0]["new"] == {"allow-forest": True}
    assert _run(tmp_path, BEFORE.replace("single-report: off\n",
                                         "root: {allow-forest: True}\n"))[1].splitlines()[0] == (
        "~ rule changed    root: (not set) -> {allow-forest: true}")


@settings(max_examples=40, deadline=None)
@given(st.integers(1, 10**6), st.integers(1, 10**6), st.integers(0, 3))
def test_a_whole_number_option_compares_as_a_number(a: int, b: int, zeros: int) -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        old, new = Path(folder, "old.yaml"), Path(folder, "new.yaml")
        old.write_text(BEFORE.replace("max: 15", f"max: {a}"), encoding="utf-8")
        new.write_text(BEFORE.replace("max: 15", f"max: {'0' * zeros}{b}"), encoding="utf-8")
        changes = diff_orgs(load(old), load(new))
    assert [(c.old, c.new) for c in changes] == ([] if a == b else [({"max": a}, {"max": b})])


def test_an_org_change_accents_no_card(tmp_path: Path) -> None:
    """The org's changes have id "org" (a rule's, its id): a person of that id is unchanged."""
    after = BEFORE.replace("name: Acme,", "name: Acme Corp,").replace("max: 15", "max: 9")
    _run(tmp_path, after)
    old, new = load(tmp_path / "old.yaml"), load(tmp_path / "new.yaml")
    changes = diff_orgs(old, new)
    assert {c.kind for c in changes} == set(ORG_KINDS)
    chart = changes_chart(new, changes, "old.yaml", get_theme("light", None), old)
    assert [card.id for card in chart.cards if card.color] == []
    assert chart.subtitle == "Changes since old.yaml: 1 org change, 1 rule changed"
