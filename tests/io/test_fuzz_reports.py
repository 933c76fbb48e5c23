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
    graph = nx.read_graphml(io.BytesIO(data))
    assert (graph.graph["name"], graph.graph["size"]) == ("Tidewater Labs", "small")
    assert graph.graph["date"] == "2026-11-01"


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
        "Eng (eng2)": {"id": "eng2", "positions": 2, "open": 1, "fte": 1.0},
        "(no team)": {"id": None, "positions": 1, "open": 0, "fte": 1.0},
        "(no team) (nt)": {"id": "nt", "positions": 1, "open": 0, "fte": 1.0},
        "Eng (eng1)": {"id": "eng1", "positions": 1, "open": 0, "fte": 1.0},
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
    # (an id may not hold a line break: a bidi isolate stands in for one)
    path.write_text('orgviz: 1\norg: {name: x}\npeople:\n  - {id: "ab\\u2066cd", name: A}\n',
                    encoding="utf-8")
    runner = CliRunner()
    result = runner.invoke(main, ["export", str(path), "-f", "json", "--root", "x" * 5000])
    assert result.exit_code == 2
    assert result.output == f"orgviz: {path}: no person with id '{'x' * 80}...' (--root)\n"
    result = runner.invoke(main, ["export", str(path), "-f", "csv", "--root", "ab\x1bcd"])
    assert result.exit_code == 2
    assert result.output == (f"orgviz: {path}: no person with id 'ab\\u001Bcd' (--root); "
                             "did you mean 'ab\\u2066cd' (A)?\n")


def test_render_errors_about_hostile_ids_are_one_line(tmp_path: Path) -> None:
    # (render's --root message printed the ids' bidi controls and line breaks as they are)
    from click.testing import CliRunner

    from orgviz.cli import main

    path = tmp_path / "org.yaml"
    path.write_text('orgviz: 1\norg: {name: x, size: small}\npeople:\n'
                    '  - {id: "a\\u202eb", name: "Ann\\u202e Lee"}\n'
                    '  - {id: "c\\u200fd", name: "Ann\\u202e Lee", reports_to: "a\\u202eb"}\n',
                    encoding="utf-8")
    result = CliRunner().invoke(main, ["render", str(path), "-o", str(tmp_path / "x.svg"),
                                       "--root", "ann\u202e lee"])
    assert result.exit_code == 2
    assert result.output == (f"orgviz: {path}: no person with id 'ann\\u202E lee' (--root); "
                             "it is the name of 'a\\u202Eb', 'c\\u200Fd': --root takes one of "
                             "their ids\n")


def test_mermaid_text_cannot_hold_a_directive() -> None:
    from orgviz.io.export import to_mermaid

    directive = "%%{init: {'theme':'dark'}}%%"
    org = Org(file="t.yaml", name=f"Co {directive}", people=(
        Person(id="a", loc=NO_LOC, name=f"Ann {directive}", title="100% remote"),))
    text = to_mermaid(org)
    assert "%%{" not in text and text.count("%") == 2  # (the comment's own "%%")
    assert text.splitlines()[0] == ("%% Co #37;#37;{init: {'theme':'dark'}}#37;#37;: "
                                    "generated by orgviz export")
    assert ("p0[\"<b>Ann #37;#37;{init: {'theme':'dark'}}#37;#37;</b><br/>100#37; remote\"]"
            in text)


def test_a_dotted_line_to_a_manager_whose_id_changed_is_no_change() -> None:
    from orgviz.diff import diff_orgs

    def org(boss: str, dotted: str) -> Org:
        return Org(file="t.yaml", name="t", people=(
            Person(id=boss, loc=NO_LOC, name="Ada", title="CEO"),
            Person(id="vp", loc=NO_LOC, name="Vic", title="VP", reports_to=boss),
            Person(id="s", loc=NO_LOC, name="Sam", title="Engineer", reports_to="vp",
                   dotted_to=(dotted,))))

    changes = diff_orgs(org("ceo", "ceo"), org("CEO", "CEO"))
    assert [(c.kind, c.id, c.old, c.new) for c in changes] == [
        ("idchanged", "CEO", "ceo", "CEO")]
    changes = diff_orgs(org("ceo", "ceo"), org("CEO", "vp"))
    assert [(c.kind, c.id, c.field) for c in changes] == [
        ("idchanged", "CEO", "id"), ("changed", "s", "dotted_to")]


def test_stats_table_aligns_wide_and_escaped_team_names(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from orgviz.cli import main

    path = tmp_path / "org.yaml"
    path.write_text("""\
orgviz: 1
org: {name: W, size: small}
teams:
  - {id: t1, name: "開発チーム"}
  - {id: t2, name: "Eng"}
  - {id: t3, name: "\\u202eQA"}
people:
  - {id: ceo, name: A, title: CEO, team: t1}
  - {id: b, name: B, title: Engineer, reports_to: ceo, team: t2}
  - {id: c, name: C, title: Engineer, reports_to: ceo, team: t2}
  - {id: d, name: D, title: Engineer, reports_to: ceo, team: t3}
""", encoding="utf-8")
    text = CliRunner().invoke(main, ["stats", str(path)]).output
    block = text.split("By team\n")[1].split("\n\n")[0].splitlines()
    assert block == ["  team        positions  open",
                     "  Eng                 2     0",
                     "  \\u202EQA            1     0",
                     "  開発チーム          1     0"]
