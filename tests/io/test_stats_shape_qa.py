"""`orgviz stats` on orgs whose shape numbers once misled: the span median's JSON type, an
org with a reporting cycle or a manager who is not in it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from orgviz.cli import main

HEAD = "orgviz: 1\norg: {name: C, size: small}\npeople:\n"


def _stats(tmp_path: Path, people: str, *args: str) -> tuple[int, str, str]:
    """Exit status, stdout and stderr of `orgviz stats` of an org with these people."""
    path = tmp_path / "org.yaml"
    path.write_text(HEAD + people, encoding="utf-8")
    result = CliRunner().invoke(main, ["stats", str(path), *args])
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.parametrize(("people", "median"), [
    # spans 1, 1 and 1: a whole median (of an odd count, which statistics gives as an int)
    ("  - {id: ceo, name: A, title: CEO}\n"
     "  - {id: vp, name: B, title: VP Engineering, reports_to: ceo}\n"
     "  - {id: m, name: M, title: Engineering Manager, reports_to: vp}\n"
     "  - {id: e, name: C, title: Engineer, reports_to: m}\n", 1.0),
    # spans 2 and 1: a half
    ("  - {id: ceo, name: A, title: CEO}\n"
     "  - {id: vp, name: B, title: VP Engineering, reports_to: ceo}\n"
     "  - {id: vp2, name: D, title: VP Sales, reports_to: ceo}\n"
     "  - {id: e, name: C, title: Engineer, reports_to: vp}\n", 1.5),
])
def test_span_median_is_a_float_in_json_always(tmp_path: Path, people: str,
                                               median: float) -> None:
    code, out, _err = _stats(tmp_path, people, "--json")
    assert code == 0
    span = json.loads(out)["span_of_control"]
    assert type(span["median"]) is float and span["median"] == median
    assert type(span["min"]) is int and type(span["max"]) is int
    text = _stats(tmp_path, people)[1]  # (the table shows 1, not 1.0)
    assert f"span min / median / max  1 / {median:g} / " in text


CYCLE = ("  - {id: ceo, name: Ann, title: CEO}\n"
         "  - {id: a, name: A, title: VP Engineering, reports_to: c}\n"
         "  - {id: b, name: B, title: Engineering Manager, reports_to: a}\n"
         "  - {id: c, name: C, title: Engineer, reports_to: b}\n")


def test_a_reporting_cycle_is_left_out_of_the_shape_and_said_so(tmp_path: Path) -> None:
    code, out, err = _stats(tmp_path, CYCLE)
    assert code == 0
    # (the cycle is at a's reports_to, line 5 column 57, where validate reports it)
    assert err == (f"orgviz: {tmp_path / 'org.yaml'}:5:57: 3 people in a reporting cycle or "
                   "under one ('a', 'b', 'c') are left out of the Shape figures (layers, "
                   "managers, span, single-report), which count the people reached from a "
                   "top; the headcounts count everyone; `orgviz validate` reports the cycle\n")
    assert "4 positions" in out
    # (the cycle's people once counted as three managers of span 1 in a one-layer org)
    assert "  layers (top to deepest)                               1\n" in out
    assert "  left out (in a reporting cycle or under one)          3\n" in out
    assert "  managers                                              0\n" in out
    assert "  span min / median / max                       - / - / -\n" in out
    stats = json.loads(_stats(tmp_path, CYCLE, "--json")[1])
    assert stats["headcount"]["positions"] == 4
    assert stats["layers"] == 1 and stats["deepest_path"] == ["ceo"]
    assert stats["left_out_of_shape"] == ["a", "b", "c"]
    assert stats["span_of_control"]["managers"] == 0
    assert stats["single_report_managers"] == []


def test_people_under_a_cycle_are_left_out_too(tmp_path: Path) -> None:
    # d, under the cycle, manages e alone: not a single-report manager of the Shape
    people = (CYCLE + "  - {id: d, name: D, title: Engineering Manager, reports_to: c}\n"
              "  - {id: e, name: E, title: Engineer, reports_to: d}\n"
              "  - {id: s, name: S, title: Engineer, reports_to: s}\n"
              "  - {id: f, name: F, title: Engineer, reports_to: ceo}\n")
    code, out, err = _stats(tmp_path, people, "--json")
    stats = json.loads(out)
    assert stats["left_out_of_shape"] == ["a", "b", "c", "d", "e"]  # (s: a top)
    assert stats["layers"] == 2 and stats["deepest_path"] == ["ceo", "f"]
    assert stats["span_of_control"]["managers"] == 1  # (the ceo, of f)
    assert stats["single_report_managers"] == []
    assert err.startswith(f"orgviz: {tmp_path / 'org.yaml'}:5:57: 5 people in a reporting "
                          "cycle or under one ('a', 'b', 'c' and 2 more) are left out")
    assert code == 0


def test_a_self_report_is_a_top_as_validate_takes_it(tmp_path: Path) -> None:
    # validate reports a self-report (not a cycle) and counts 's' as a top with 2 reports
    people = ("  - {id: s, name: S, title: CEO, reports_to: s}\n"
              "  - {id: t, name: T, title: Engineer, reports_to: s}\n"
              "  - {id: u, name: U, title: Engineer, reports_to: s}\n")
    (tmp_path / ".orgviz.yaml").write_text("rules:\n  span-of-control: {max: 1}\n",
                                           encoding="utf-8")
    config = ["--config", str(tmp_path / ".orgviz.yaml")]
    code, out, err = _stats(tmp_path, people, *config)
    assert code == 0
    assert err == (f"orgviz: {tmp_path / 'org.yaml'}:4:46: a person reports to themselves "
                   "('s'): the Shape figures count that person as a top; `orgviz validate` "
                   "reports where\n")
    assert "left out" not in out
    assert "  tops                                  1\n" in out
    assert "  tops reporting to themselves          1\n" in out
    assert "  managers                              1\n" in out
    assert "  span min / median / max       2 / 2 / 2\n" in out
    assert "  over the limit (1)                    1\n" in out
    stats = json.loads(_stats(tmp_path, people, "--json", *config)[1])
    assert stats["tops"] == ["s"] and stats["self_reports"] == ["s"]
    assert stats["left_out_of_shape"] == [] and stats["unknown_managers"] == []
    assert stats["layers"] == 2 and stats["deepest_path"] == ["s", "t"]
    assert stats["span_of_control"]["over_limit"] == [["s", 2]]


def test_a_lone_self_report_beside_a_top_is_a_second_top(tmp_path: Path) -> None:
    people = ("  - {id: ceo, name: Ann, title: CEO}\n"
              "  - {id: s, name: S, title: Engineer, reports_to: s}\n")
    code, out, err = _stats(tmp_path, people, "--json")
    assert code == 0
    assert err.startswith(f"orgviz: {tmp_path / 'org.yaml'}:5:51: a person reports to "
                          "themselves ('s'): the Shape figures count that person as a top")
    stats = json.loads(out)
    assert stats["tops"] == ["ceo", "s"] and stats["left_out_of_shape"] == []


def test_the_notes_come_in_the_order_of_their_places(tmp_path: Path) -> None:
    # an unknown manager at line 5, a cycle at line 6, a self-report at line 8
    people = ("  - {id: ceo, name: Ann, title: CEO}\n"
              "  - {id: g, name: G, title: Engineer, reports_to: ghost}\n"
              "  - {id: a, name: A, title: Engineer, reports_to: b}\n"
              "  - {id: b, name: B, title: Engineer, reports_to: a}\n"
              "  - {id: s, name: S, title: Engineer, reports_to: s}\n")
    code, _out, err = _stats(tmp_path, people)
    assert code == 0
    path = tmp_path / "org.yaml"
    notes = err.splitlines()
    assert [line.split(": ", 2)[1] for line in notes] == [
        f"{path}:5:51", f"{path}:6:51", f"{path}:8:51"]
    assert "someone not in the org ('g' to 'ghost')" in notes[0]
    assert "2 people in a reporting cycle or under one ('a', 'b')" in notes[1]
    assert "a person reports to themselves ('s')" in notes[2]


def test_a_manager_not_in_the_org_makes_a_top_and_is_said(tmp_path: Path) -> None:
    people = ("  - {id: ceo, name: Ann, title: CEO}\n"
              "  - {id: g, name: G, title: Engineer, reports_to: ghost}\n"
              "  - {id: h, name: H, title: Engineer, reports_to: ceo}\n")
    code, out, err = _stats(tmp_path, people)
    assert code == 0
    assert err == (f"orgviz: {tmp_path / 'org.yaml'}:5:51: a person reports to someone not in "
                   "the org ('g' to 'ghost'): the Shape figures count that person as a top; "
                   "`orgviz validate` reports where\n")
    assert "  tops                                              2\n" in out
    assert "  tops reporting to someone not in the org          1\n" in out
    stats = json.loads(_stats(tmp_path, people, "--json")[1])
    assert stats["tops"] == ["ceo", "g"] and stats["unknown_managers"] == [["g", "ghost"]]
    assert stats["left_out_of_shape"] == []


def test_a_sound_org_has_no_shape_notes(tmp_path: Path) -> None:
    people = ("  - {id: ceo, name: Ann, title: CEO}\n"
              "  - {id: h, name: H, title: Engineer, reports_to: ceo}\n")
    code, out, err = _stats(tmp_path, people)
    assert (code, err) == (0, "")
    assert "left out" not in out and "not in the org" not in out


def test_the_notes_name_their_first_three_in_one_form(tmp_path: Path) -> None:
    # (the unknown managers' note said "'u0' to 'g0'; ...; and 4 more", the self-reports'
    # "'s0', 's1', 's2' and 4 more": one form, as validate's lists of ids have)
    people = "  - {id: ceo, name: Ceo}\n" + "".join(
        f"  - {{id: u{i}, name: U{i}, reports_to: g{i}}}\n" for i in range(7)) + "".join(
        f"  - {{id: s{i}, name: S{i}, reports_to: s{i}}}\n" for i in range(7))
    _code, _out, err = _stats(tmp_path, people)
    assert "('u0' to 'g0', 'u1' to 'g1', 'u2' to 'g2' and 4 more)" in err
    assert "('s0', 's1', 's2' and 4 more)" in err
