"""Hostile input for export, stats and diff: what a fuzzer found."""

from __future__ import annotations

import io
from pathlib import Path

import networkx as nx

from orgviz.io.export import to_graphml
from orgviz.model import NO_LOC, Org, Person


def test_graphml_keeps_line_separators_and_carriage_returns() -> None:
    text = "x\r\ny\rz\u2028w\u2029v\x85u"
    org = Org(file="t.yaml", name="a\rb", people=(
        Person(id="p\r1", loc=NO_LOC, name=text, title="t\r"),))
    graph = nx.read_graphml(io.BytesIO(to_graphml(org)))
    assert graph.graph["name"] == "a\rb"
    [(node, attrs)] = graph.nodes(data=True)
    assert node == "p\r1" and attrs["id"] == "p\r1"
    assert attrs["name"] == text and attrs["title"] == "t\r"


def test_graphml_of_the_examples_is_unchanged(tmp_path: Path) -> None:
    from orgviz.loader import load

    data = to_graphml(load(Path(__file__).parents[2] / "orgs" / "small.yaml"))
    assert data.startswith(b'<?xml version="1.0" encoding="UTF-8"?>\n<graphml ')
    assert data.endswith(b"</graphml>\n") and b"\r" not in data


SHARED_NAMES = """\
orgviz: 1
org: {name: S, size: small}
teams:
  - {id: eng1, name: Eng}
  - {id: eng2, name: Eng}
  - {id: nt, name: (no team)}
people:
  - {id: a, name: A, title: CEO, team: eng1}
  - {id: b, name: B, title: Engineer, reports_to: a, team: eng2}
  - {id: c, name: C, title: Engineer, reports_to: a, team: eng2, vacant: true}
  - {id: d, name: D, title: Engineer, reports_to: a, team: nt}
  - {id: e, name: E, title: Engineer, reports_to: a}
"""


def test_stats_counts_teams_that_share_a_name_apart(tmp_path: Path) -> None:
    import json

    from click.testing import CliRunner

    from orgviz.cli import main

    path = tmp_path / "org.yaml"
    path.write_text(SHARED_NAMES, encoding="utf-8")
    result = CliRunner().invoke(main, ["stats", "--json", str(path)])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["by_team"] == {
        "Eng (eng2)": {"id": "eng2", "positions": 2, "open": 1},
        "(no team)": {"id": None, "positions": 1, "open": 0},
        "(no team) (nt)": {"id": "nt", "positions": 1, "open": 0},
        "Eng (eng1)": {"id": "eng1", "positions": 1, "open": 0},
    }
    text = CliRunner().invoke(main, ["stats", str(path)]).output
    assert "  Eng (eng2)              2     1\n" in text
    assert "  Eng (eng1)              1     0\n" in text


REPEATED = """\
orgviz: 1
org: {name: D, size: small}
people:
  - {id: ceo, name: Ada, title: CEO}
  - {id: a, name: Ann, title: Engineer, reports_to: ceo}
  - {id: a, name: Bob, title: Engineer, reports_to: ceo}
"""


def test_diff_refuses_a_repeated_id_that_would_hide_a_change(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from orgviz.cli import main

    old, new = tmp_path / "old.yaml", tmp_path / "new.yaml"
    old.write_text(REPEATED, encoding="utf-8")
    new.write_text(REPEATED.replace("Bob, title: Engineer", "Bob, title: Designer"),
                   encoding="utf-8")
    result = CliRunner().invoke(main, ["diff", str(old), str(new)])
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.splitlines() == [
        f"{path}:6:10: error [duplicate-id] duplicate person id 'a' (first used at line 5): "
        "give each position its own id" for path in (old, new)]


def test_an_unknown_root_is_named_on_one_short_line(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from orgviz.cli import main

    path = tmp_path / "org.yaml"
    path.write_text('orgviz: 1\norg: {name: x}\npeople:\n  - {id: "ab\\ncd", name: A}\n',
                    encoding="utf-8")
    runner = CliRunner()
    result = runner.invoke(main, ["export", str(path), "-f", "json", "--root", "x" * 5000])
    assert result.exit_code == 2
    assert result.output == f"orgviz: {path}: no person with id '{'x' * 80}...' (--root)\n"
    result = runner.invoke(main, ["export", str(path), "-f", "csv", "--root", "ab\x1bcd"])
    assert result.exit_code == 2
    assert result.output == (f"orgviz: {path}: no person with id 'ab\\u001Bcd' (--root); "
                             "did you mean 'ab\\u000Acd'?\n")
