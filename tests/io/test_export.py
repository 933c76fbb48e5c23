"""Exports: Mermaid escaping, node-link JSON and GraphML that networkx reads back."""

from __future__ import annotations

import io
import json
from pathlib import Path

import networkx as nx
import pytest
from click.testing import CliRunner

from orgviz.cli import main
from orgviz.io.export import to_graphml, to_json, to_mermaid
from orgviz.loader import load
from orgviz.model import NO_LOC, Org, Person

ORG = """\
orgviz: 1
org: {name: "Acme <&> \\"Q\\""}
people:
  - {id: dana, name: "Dana <b>\\"R\\"</b> #1", title: "CEO & founder"}
  - {id: sam, name: Sam, title: Engineer, reports_to: dana, dotted_to: lee}
  - {id: lee, name: Lee, reports_to: dana}
  - {id: open, title: Product Manager, vacant: true, reports_to: dana}
"""


def _org(tmp_path: Path):
    path = tmp_path / "org.yaml"
    path.write_text(ORG, encoding="utf-8")
    return load(path)


def test_mermaid_escapes_and_edges(tmp_path: Path) -> None:
    text = to_mermaid(_org(tmp_path))
    assert text.splitlines()[1] == "flowchart TD"
    assert '<b>Dana #lt;b#gt;#quot;R#quot;#lt;/b#gt; #35;1</b><br/>CEO #amp; founder' in text
    assert "p0 --> p1" in text and "p2 -.-> p1" in text
    assert "p3[" in text and ":::vacant" in text


def test_mermaid_writes_bidirectional_controls_as_entity_codes() -> None:
    org = Org(file="t.yaml", name="t", people=(
        Person(id="a", loc=NO_LOC, name="\u202eAnn", title="x\u2066y\u2069"),))
    text = to_mermaid(org)
    assert '["<b>#8238;Ann</b><br/>x#8294;y#8297;"]' in text
    assert not any(c in text for c in "\u202e\u2066\u2069")


def test_json_is_node_link(tmp_path: Path) -> None:
    data = json.loads(to_json(_org(tmp_path)))
    assert "links" not in data
    # (networkx 3.6 reads "edges" by default; 3.4 and 3.5 when told to; 3.0-3.3 take the
    # key as `link`)
    version = tuple(int(n) for n in nx.__version__.split(".")[:2])
    graph = (nx.node_link_graph(data) if version >= (3, 6) else
             nx.node_link_graph(data, edges="edges") if version >= (3, 4) else
             nx.node_link_graph(data, link="edges"))
    assert sorted(graph.edges(data="kind")) == [("dana", "lee", "solid"),
                                                ("dana", "open", "solid"),
                                                ("dana", "sam", "solid"),
                                                ("lee", "sam", "dotted")]
    assert graph.nodes["open"]["vacant"] is True


def test_graphml_reads_back(tmp_path: Path) -> None:
    data = to_graphml(_org(tmp_path))
    assert data.startswith(b"<?xml")
    graph = nx.read_graphml(io.BytesIO(data))
    assert graph.nodes["dana"]["name"] == 'Dana <b>"R"</b> #1'
    assert graph.edges["lee", "sam"]["kind"] == "dotted"


#: Ids that a joined list could not tell apart, or that XML or JSON must escape.
HOSTILE_IDS = ["a;b", "c", "", " d ", "e,f", '["g"]', "h\\i", 'j"k', "l\nm", "n\x01",
               "o\ufffe", "p\r", "q\u2028", "'r", "&lt;s&gt;", "<t/>", "🚀"]


def test_graphml_lists_read_back_exactly_with_hostile_ids() -> None:
    # dotted_to ["a;b", "c"] was written "a;b;c", which reads back as three ids.
    people = (Person(id="a;b", loc=NO_LOC, name="A", roles=("cpo;x", "vp-product")),
              Person(id="c", loc=NO_LOC, name="C", reports_to="a;b",
                     dotted_to=tuple(HOSTILE_IDS)),
              Person(id="d", loc=NO_LOC, name="D", reports_to="c"))
    graph = nx.read_graphml(io.BytesIO(to_graphml(Org(file="t", name="t", people=people))))
    assert json.loads(graph.nodes["c"]["dotted_to"]) == HOSTILE_IDS
    assert json.loads(graph.nodes["a;b"]["roles"]) == ["cpo;x", "vp-product"]
    assert graph.nodes["d"]["dotted_to"] == "[]" and graph.nodes["d"]["roles"] == "[]"
    assert graph.edges["a;b", "c"]["kind"] == "solid"  # (the dotted line repeats it)


def test_cli_formats(tmp_path: Path) -> None:
    path = tmp_path / "org.yaml"
    path.write_text(ORG, encoding="utf-8")
    for fmt in ("mermaid", "json", "csv", "graphml"):
        out = tmp_path / f"out.{fmt}"
        result = CliRunner().invoke(main, ["export", str(path), "-f", fmt, "-o", str(out)])
        assert result.exit_code == 0, result.output
        assert out.stat().st_size > 0
    result = CliRunner().invoke(main, ["export", str(path), "-f", "mermaid", "--markdown"])
    assert result.output.startswith("```mermaid\n") and result.output.endswith("```\n")
    bad = tmp_path / "bad.yaml"
    bad.write_text("orgviz: 1\npeople: [\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["export", str(bad), "-f", "json"])
    assert result.exit_code == 1 and "bad.yaml:" in result.output


BROKEN_INCLUDE = ("orgviz: 1\norg: {name: Acme}\ninclude: [eng.yaml]\npeople:\n"
                  "  - {id: ceo, name: Ada, title: CEO}\n")


def test_an_org_that_does_not_load_whole_is_refused(tmp_path: Path) -> None:
    # Its people would be silently missing from the export, the numbers and the chart.
    (tmp_path / "main.yaml").write_text(BROKEN_INCLUDE, encoding="utf-8")
    (tmp_path / "eng.yaml").write_text("people:\n  - {id: e1, name: E, reports_to: ceo\n",
                                       encoding="utf-8")
    out = tmp_path / "out.csv"
    for args in (["export", "-f", "csv", "-o", str(out)], ["stats"],
                 ["roles", "-o", str(tmp_path / "roles.svg")]):
        result = CliRunner().invoke(main, [*args, str(tmp_path / "main.yaml")])
        assert result.exit_code == 1, args
        assert result.output.startswith(f"{tmp_path / 'eng.yaml'}:3:1: error [yaml-syntax] ")
    assert not out.exists() and not (tmp_path / "roles.svg").exists()


def test_export_refuses_repeated_ids(tmp_path: Path) -> None:
    # A CSV export would write both (and not import back); the others would keep one.
    path = tmp_path / "dup.yaml"
    path.write_text(ORG + "  - {id: sam, name: Sam Two, reports_to: dana}\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["export", "-f", "csv", str(path)])
    assert result.exit_code == 1
    assert result.output == (f"{path}:8:10: error [duplicate-id] duplicate person id 'sam' "
                             "(first used at line 5): give each position its own id\n")
    assert CliRunner().invoke(main, ["stats", str(path)]).exit_code == 1  # (as stats does)


TEAMS_TWICE = """\
orgviz: 1
org: {name: T}
teams:
  - {id: eng, name: Engineering}
  - {id: eng, name: Platform, parent: eng}
people:
  - {id: dana, name: Dana, title: CEO, team: eng}
  - {id: sam, name: Sam, title: Engineer, reports_to: dana, team: eng}
"""


def test_a_repeated_team_id_is_refused_as_a_repeated_person_id_is(tmp_path: Path) -> None:
    # The second team of an id was dropped: its name never shown, its people counted,
    # exported and drawn as the first team's.
    from orgviz import export
    from orgviz.errors import OrgLoadError
    from orgviz.stats import compute
    from orgviz.validate import repeated_id_errors

    path = tmp_path / "teams.yaml"
    path.write_text(TEAMS_TWICE, encoding="utf-8")
    said = (f"{path}:5:10: error [duplicate-id] duplicate team id 'eng' (first used at line "
            "4): give each team its own id\n")
    out = tmp_path / "out.csv"
    for args in (*(["export", "-f", fmt] for fmt in ("mermaid", "json", "csv", "graphml")),
                 ["export", "-o", str(out)], ["stats"], ["stats", "--json"],
                 ["roles", "-o", str(tmp_path / "roles.svg")]):
        result = CliRunner().invoke(main, [*args, str(path)])
        assert (result.exit_code, result.output) == (1, said), args
    assert not out.exists() and not (tmp_path / "roles.svg").exists()
    org = load(path)
    assert [str(p) for p in repeated_id_errors(org)] == [said.rstrip("\n")]
    for call in (lambda: compute(org), lambda: export(org, "json")):
        with pytest.raises(OrgLoadError) as caught:
            call()
        assert [str(p) for p in caught.value.problems] == [said.rstrip("\n")]
    # With a repeated person id too: both, in order of place.
    path.write_text(TEAMS_TWICE + "  - {id: sam, name: Sam Two, reports_to: dana}\n",
                    encoding="utf-8")
    result = CliRunner().invoke(main, ["stats", str(path)])
    assert (result.exit_code, result.output) == (1, said + (
        f"{path}:9:10: error [duplicate-id] duplicate person id 'sam' (first used at line 8): "
        "give each position its own id\n"))


def test_export_refuses_blank_texts(tmp_path: Path) -> None:
    # An empty name came back from export -> import as the id, an empty location as none.
    path = tmp_path / "blank.yaml"
    path.write_text(ORG + '  - {id: kim, name: "", reports_to: dana, location: " "}\n',
                    encoding="utf-8")
    out = tmp_path / "out.csv"
    result = CliRunner().invoke(main, ["export", "-f", "csv", str(path), "-o", str(out)])
    assert result.exit_code == 1
    assert result.output == (
        f"{path}:8:21: error [schema] 'name' of person 'kim' is empty: write the person's "
        "name (an open position has 'vacant: true' and no name)\n"
        f"{path}:8:53: error [schema] 'location' of person 'kim' is only whitespace: write "
        "a value or leave the key out\n")
    assert not out.exists()


def test_graphml_keeps_people_whose_ids_differ_in_characters_xml_cannot_hold() -> None:
    people = tuple(Person(id=pid, loc=NO_LOC, name=pid, reports_to=None if pid == "a" else "a")
                   for pid in ("a", "b\x01", "b\x02", "b\ufffd"))
    graph = nx.read_graphml(io.BytesIO(to_graphml(Org(file="t", name="t", people=people))))
    assert sorted(graph.nodes) == ["a", "b\ufffd", "b\ufffd-2", "b\ufffd-3"]
    assert graph.number_of_edges() == 3


def test_mermaid_comment_stays_one_line() -> None:
    org = Org(file="t", name="Acme\u2028Co\nLtd\x85", people=())
    first = to_mermaid(org).splitlines()[0]
    assert first == "%% Acme Co Ltd : generated by orgviz export"


def test_graphml_booleans_are_xml_schema_booleans(tmp_path: Path) -> None:
    data = to_graphml(_org(tmp_path)).decode("utf-8")
    assert ">True<" not in data and ">False<" not in data
    assert ">true<" in data and ">false<" in data
    graph = nx.read_graphml(io.BytesIO(data.encode("utf-8")))
    assert graph.nodes["open"]["vacant"] is True and graph.nodes["dana"]["vacant"] is False


def test_root_exports_a_part_that_imports_back(tmp_path: Path) -> None:
    from orgviz.io.csvimport import import_csv

    example = Path(__file__).resolve().parents[2] / "orgs" / "mid-size.yaml"
    out = tmp_path / "part.csv"
    result = CliRunner().invoke(main, ["export", str(example), "-f", "csv", "--root",
                                       "sofia-castellanos", "-o", str(out)])
    assert result.exit_code == 0, result.output
    part = import_csv(out)
    assert part.errors == 0
    org = load(example)
    below = {"sofia-castellanos"}
    for person in org.people:  # (the file lists managers before their reports)
        if person.reports_to in below:
            below.add(person.id)
    assert {p.id for p in part.org.people} == below
    assert part.org.by_id["sofia-castellanos"].reports_to is None
    assert all(set(p.dotted_to) <= below for p in part.org.people)
    result = CliRunner().invoke(main, ["export", str(example), "-f", "json", "--root", "nobody"])
    assert result.exit_code == 2
    assert result.output == f"orgviz: {example}: no person with id 'nobody' (--root)\n"


def test_export_root_given_by_name(tmp_path: Path) -> None:
    org = tmp_path / "org.yaml"
    org.write_text("orgviz: 1\norg: {name: T, size: small}\npeople:\n"
                   "  - {id: a, name: Jo Park}\n  - {id: b, name: Jo Park, reports_to: a}\n"
                   "  - {id: c d, name: Cy Dee, reports_to: a}\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["export", str(org), "-f", "json", "--root", "Jo Park"])
    assert result.exit_code == 2
    assert result.output == (f"orgviz: {org}: no person with id 'Jo Park' (--root); it is the "
                             "name of 'a', 'b': --root takes one of their ids\n")
    result = CliRunner().invoke(main, ["export", str(org), "-f", "json", "--root", "cy dee"])
    assert result.output.endswith("it is the name of 'c d': write --root 'c d'\n")


def test_export_root_that_is_a_team_or_part_of_a_name(tmp_path: Path) -> None:
    org = tmp_path / "org.yaml"
    org.write_text("orgviz: 1\norg: {name: T, size: small}\nteams:\n  - {id: eng, lead: a}\n"
                   "people:\n  - {id: a, name: Jo Park, team: eng}\n"
                   "  - {id: b-lee, name: Bo Lee, reports_to: a}\n"
                   "  - {id: c-lee, name: Cy Lee, reports_to: a}\n"
                   "  - {id: d-lee, name: Di Lee, reports_to: a}\n"
                   "  - {id: e-lee, name: Ed Lee, reports_to: a}\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["export", str(org), "-f", "json", "--root", "eng"])
    assert result.exit_code == 2
    assert result.output == (f"orgviz: {org}: no person with id 'eng' (--root); 'eng' is a "
                             "team, and --root takes a person's id, such as its lead's: "
                             "--root a\n")
    result = CliRunner().invoke(main, ["export", str(org), "-f", "json", "--root", "park"])
    assert result.output.endswith("; did you mean 'a' (Jo Park)?\n")
    result = CliRunner().invoke(main, ["export", str(org), "-f", "json", "--root", "LEE"])
    assert result.output.endswith("; did you mean one of 'b-lee' (Bo Lee), 'c-lee' (Cy Lee), "
                                  "'d-lee' (Di Lee) and 1 more?\n")


def test_a_part_names_no_team_lead_outside_it() -> None:
    # (the JSON of --root marisol-ortega gave team 'exec' the lead 'priya-raman', who is not
    # in the part: an org file of it fails validation with unknown-team)
    from orgviz.io.export import subtree

    org = load(Path(__file__).resolve().parents[2] / "orgs" / "mid-size.yaml")
    managers = sorted({p.reports_to for p in org.people if p.reports_to})
    for root in managers:
        part = subtree(org, root)
        ids = set(part.by_id)
        assert all(t.lead is None or t.lead in ids for t in part.teams), root
        assert all(t.parent is None or t.parent in part.teams_by_id for t in part.teams), root
    part = subtree(org, "marisol-ortega")
    teams = json.loads(to_json(part))["graph"]["teams"]
    assert [(t["id"], t["lead"]) for t in teams] == [
        ("exec", None), ("product", None), ("patient-experience", "marisol-ortega")]


@pytest.mark.parametrize("fmt", ["json", "csv", "graphml"])
def test_markdown_of_another_format_than_mermaid_is_a_usage_error(tmp_path: Path,
                                                                    fmt: str) -> None:
    # (it was ignored: `-f json --markdown -o chart.md` wrote JSON without a fence)
    path = tmp_path / "org.yaml"
    path.write_text(ORG, encoding="utf-8")
    out = tmp_path / "chart.md"
    result = CliRunner().invoke(main, ["export", str(path), "-f", fmt, "--markdown",
                                       "-o", str(out)], prog_name="orgviz")
    assert result.exit_code == 2
    assert result.output == (f"orgviz export: --markdown wraps Mermaid in a Markdown fence: it "
                             f"takes --format mermaid, not {fmt} (see 'orgviz export --help')\n")
    assert not out.exists()


def test_the_format_is_the_one_the_output_name_ends_in(tmp_path: Path) -> None:
    # (`export org.yaml -o org.csv` was "missing option '--format'"; `-f json -o org.csv`
    # wrote JSON into a file named .csv)
    path = tmp_path / "org.yaml"
    path.write_text(ORG, encoding="utf-8")
    for name, start in (("org.CSV", "id,name,"), ("org.json", "{"), ("org.mmd", "%% "),
                        ("org.graphml", "<?xml")):
        out = tmp_path / name
        result = CliRunner().invoke(main, ["export", str(path), "-o", str(out)])
        assert result.exit_code == 0, result.output
        assert out.read_text(encoding="utf-8").startswith(start)
    out = tmp_path / "data.csv"
    result = CliRunner().invoke(main, ["export", str(path), "-f", "json", "-o", str(out)],
                                prog_name="orgviz")
    assert result.exit_code == 2 and not out.exists()
    assert result.output == (f"orgviz export: -o {out} names a CSV file, but --format is json: "
                             f"name the file {tmp_path / 'data'}.json, or leave out --format "
                             "(see 'orgviz export --help')\n")
    for args in ([], ["-o", str(tmp_path / "org.txt")]):
        result = CliRunner().invoke(main, ["export", str(path), *args], prog_name="orgviz")
        assert result.exit_code == 2
        assert result.output == ("orgviz export: missing option '--format' / '-f'. Choose "
                                 "from: mermaid, json, csv, graphml (see 'orgviz export "
                                 "--help')\n")
    out = tmp_path / "org.txt"  # (an ending that names no format takes any)
    assert CliRunner().invoke(main, ["export", str(path), "-f", "csv", "-o", str(out)]
                              ).exit_code == 0


def test_mermaid_longer_than_mermaid_draws_says_so() -> None:
    # (the enterprise example's 52,712 characters passed Mermaid's maxTextSize of 50,000:
    # Mermaid showed "Maximum text size in diagram exceeded", and the text said nothing)
    people = tuple(Person(id=f"p{i}", loc=NO_LOC, name=f"Person {i} " + "x" * 150,
                          reports_to="p0" if i else None) for i in range(300))
    text = to_mermaid(Org(file="t.yaml", name="Big", size="mid-size", people=people))
    lines = text.splitlines()
    assert lines[1] == (f"%% {len(text):,} characters: Mermaid draws at most 50,000 unless its "
                        "maxTextSize setting is raised; export a part with --root ID instead")
    small = to_mermaid(Org(file="t.yaml", name="Small", size="small", people=people[:3]))
    assert "characters" not in small


def test_mermaid_with_more_edges_than_mermaid_draws_counts_them_as_the_characters() -> None:
    # (the note said "1515 edges" beside "107,614 characters": thousands separators on both)
    people = tuple(Person(id=f"p{i}", loc=NO_LOC, name=f"P{i}", reports_to="p0" if i else None)
                   for i in range(1_201))
    lines = to_mermaid(Org(file="t.yaml", name="Big", size="enterprise",
                           people=people)).splitlines()
    assert lines[1] == ("%% 1,200 edges: Mermaid draws at most 500 unless its maxEdges setting "
                        "is raised; export a part with --root ID instead")


BROKEN = """\
orgviz: 1
org: {name: Broken, size: small}
people:
  - {id: ceo, name: Ada King, title: CEO}
  - {id: a, name: Bob Day, title: Engineer, reports_to: ghost}
  - {id: b, name: Cy Lee, title: Engineer, reports_to: ceo, dotted_to: [nobody]}
"""


@pytest.mark.parametrize(("fmt", "kept"), [
    ("csv", "the CSV keeps them as written (`orgviz import` reports them at their rows)"),
    ("json", "their lines are left out (the people's data keeps the ids)"),
    ("graphml", "their lines are left out (the people's data keeps the ids)"),
    ("mmd", "their lines are left out"),
])
def test_export_warns_of_references_to_nobody(tmp_path: Path, fmt: str, kept: str) -> None:
    # (the CSV of it imported into an org file that validate rejected, with exit 0)
    path = tmp_path / "bad.yaml"
    path.write_text(BROKEN, encoding="utf-8")
    out = tmp_path / f"bad.{fmt}"
    result = CliRunner().invoke(main, ["export", str(path), "-o", str(out)])
    assert result.exit_code == 0  # (written: the org file holds the same)
    assert result.output == (
        f"orgviz: {path}: 2 references to people who are not in it ('a' reports to 'ghost'; "
        f"'b' has a dotted line to 'nobody'): {kept}; `orgviz validate` reports where\n")
    assert out.exists()


def test_export_of_a_sound_org_or_part_says_nothing(tmp_path: Path) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text(BROKEN, encoding="utf-8")
    result = CliRunner().invoke(main, ["export", str(path), "-f", "csv", "--root", "ceo"])
    assert result.exit_code == 0
    assert result.output.splitlines()[1:] == ["ceo,Ada King,CEO,,,,,,,,,",
                                              "b,Cy Lee,Engineer,,ceo,,,,,,,"]


def test_a_broken_export_imports_as_an_org_that_validates_or_not_at_all(
        tmp_path: Path) -> None:
    # The manager not found is import's error (nothing written without -k); the dotted line
    # to nobody is left out with a warning at its cell and a comment on its row.
    path = tmp_path / "bad.yaml"
    path.write_text(BROKEN, encoding="utf-8")
    csv_path, back = tmp_path / "bad.csv", tmp_path / "back.yaml"
    assert CliRunner().invoke(main, ["export", str(path), "-o", str(csv_path)]).exit_code == 0
    result = CliRunner().invoke(main, ["import", str(csv_path), "-o", str(back)])
    assert result.exit_code == 1
    assert result.output.splitlines()[:2] == [
        f"{csv_path}:3:5: error [unknown-manager] manager 'ghost' not found",
        f"{csv_path}:4:6: warning [unknown-manager] dotted-line manager 'nobody' not found: "
        "left out"]
    assert not back.exists()
    # (-k makes the person a top: a second tree, which --allow-forest keeps)
    result = CliRunner().invoke(main, ["import", str(csv_path), "-k", "--allow-forest",
                                       "-o", str(back)])
    assert result.exit_code == 1
    assert "  # bad.csv:4: dotted-line manager 'nobody' not found: left out\n" in \
        back.read_text(encoding="utf-8")
    checked = CliRunner().invoke(main, ["validate", str(back)])
    assert (checked.exit_code, checked.output.splitlines()[-1]) == (0, "1 file checked: no "
                                                                       "problems")


def test_export_csv_warns_of_the_org_s_own_roles(tmp_path: Path) -> None:
    # (the org file import wrote of the CSV named 'growth' without defining it: validate
    # rejected it, and the import exited 0)
    path = tmp_path / "roles.yaml"
    path.write_text("orgviz: 1\norg: {name: R, size: small}\nroles:\n  - {id: growth, name: "
                    "Growth Lead, level: manager}\npeople:\n  - {id: ceo, name: Ada, title: "
                    "CEO}\n  - {id: b, name: Cy, title: Ninja, role: [growth, pm], reports_to: "
                    "ceo}\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["export", str(path), "-f", "csv"])
    assert result.exit_code == 0
    assert result.output.splitlines()[0] == (  # (on stderr, before the CSV is written)
        f"orgviz: {path}: people hold a role of the org's own `roles:` ('growth'), which "
        "CSV does not carry: declare it again under `roles:` in the org file `orgviz import` "
        "writes of it")
    assert "b,Cy,Ninja,growth;pm,ceo," in result.output
    quiet = CliRunner().invoke(main, ["export", str(path), "-f", "json"])
    assert "orgviz:" not in quiet.output  # (JSON carries the roles as ids: no import reads it)


def test_export_csv_counts_many_own_roles_with_thousands_separators(tmp_path: Path) -> None:
    path = tmp_path / "roles.yaml"
    path.write_text("orgviz: 1\norg: {name: R, size: small}\nroles:\n"
                    + "".join(f"  - {{id: r{i}, name: R{i}, level: ic}}\n" for i in range(1_003))
                    + "people:\n  - {id: ceo, name: Ada, title: CEO}\n"
                    + "".join(f"  - {{id: p{i}, name: P{i}, role: r{i}, reports_to: ceo}}\n"
                              for i in range(1_003)), encoding="utf-8")
    result = CliRunner().invoke(main, ["export", str(path), "-f", "csv"])
    assert result.exit_code == 0
    assert result.output.splitlines()[0].startswith(
        f"orgviz: {path}: people hold 1,003 roles of the org's own `roles:` ('r0', 'r1', 'r2' "
        "and 1,000 more), which CSV does not carry")


def test_export_csv_warns_of_own_roles_from_titles_and_not_of_undefined_ids(
        tmp_path: Path) -> None:
    # (a role the org defines and a person gets from a title is lost in the CSV too; a role id
    # no one defines is validate's unknown-role, not a role of the org's own)
    path = tmp_path / "roles.yaml"
    path.write_text("orgviz: 1\norg: {name: R, size: small}\nroles:\n  - {id: growth, name: "
                    "Growth Lead, level: manager, titles: [Growth Lead]}\n  - {id: unused, name: "
                    "Unused, level: ic}\npeople:\n  - {id: ceo, name: Ada, title: CEO}\n  - {id: "
                    "b, name: Cy, title: Growth Lead, reports_to: ceo}\n  - {id: c, name: Di, "
                    "title: Ninja, role: nonsense, reports_to: ceo}\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["export", str(path), "-f", "csv"])
    assert result.exit_code == 0
    warnings = [line for line in result.output.splitlines() if line.startswith("orgviz:")]
    assert warnings == [
        f"orgviz: {path}: people hold a role of the org's own `roles:` ('growth'), which CSV "
        "does not carry: declare it again under `roles:` in the org file `orgviz import` writes "
        "of it"]


def test_csv_drops_with_the_teams_table_names_only_what_it_does_not_carry(
        tmp_path: Path) -> None:
    from orgviz.io.export import csv_drops

    path = tmp_path / "org.yaml"
    path.write_text("orgviz: 1\norg: {name: T, date: 2026-01-01}\nteams:\n"
                    "  - {id: b, name: B, color: '#336699'}\n  - {id: a, parent: b, lead: x}\n"
                    "  - {id: c}\npeople:\n  - {id: x, name: X, team: a}\n"
                    "  - {id: y, name: Y, reports_to: x, team: b}\n"
                    "rules:\n  span-of-control: {max: 3}\n", encoding="utf-8")
    org = load(path)
    assert csv_drops(org, without_teams=True) == ["the org's `date`", "its `rules:` settings"]
    assert csv_drops(org) == [
        "the org's `date`", "its `rules:` settings", "the teams' `lead`, `parent` and `color`",
        "the order of `teams:` ('b', 'a'; `orgviz import` lists teams in the order their "
        "people first appear: 'a', 'b')", "the team nobody is in ('c')"]


@pytest.mark.parametrize("output", [None, "t.csv"])
def test_export_csv_works_out_what_csv_drops_once(tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch,
                                                  output: str | None) -> None:
    # (it asked csv_drops twice: for what to name, then again to tell the teams' among them)
    import orgviz.io.export as export

    path = tmp_path / "org.yaml"
    path.write_text("orgviz: 1\norg: {name: T, date: 2026-01-01}\nteams:\n"
                    "  - {id: a, name: A, lead: x}\npeople:\n  - {id: x, name: X, team: a}\n",
                    encoding="utf-8")
    calls: list[bool] = []
    real = export.csv_drops

    def counted(org: Org, without_teams: bool = False) -> list[str]:
        calls.append(without_teams)
        return real(org, without_teams)

    monkeypatch.setattr(export, "csv_drops", counted)
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["export", "org.yaml", "-f", "csv",
                                       *(["-o", output] if output else [])])
    assert result.exit_code == 0, result.output
    said = [line for line in result.output.splitlines() if "CSV does not carry" in line]
    assert said == [
        "orgviz: org.yaml: CSV does not carry the org's `date`: set it again in the org file "
        "`orgviz import` writes of it" if output else
        "orgviz: org.yaml: CSV does not carry the org's `date`; the teams' `lead`: set them "
        "again in the org file `orgviz import` writes of it (-o NAME.csv writes the teams to a "
        "teams table beside it, NAME.teams.csv, which `orgviz import NAME.csv` reads)"]
    assert len(calls) == 1


def _node_link_graph(data: dict) -> nx.DiGraph:
    """The graph networkx reads from node-link data whose edges are under "edges"."""
    version = tuple(int(n) for n in nx.__version__.split(".")[:2])
    return (nx.node_link_graph(data) if version >= (3, 6) else
            nx.node_link_graph(data, edges="edges") if version >= (3, 4) else
            nx.node_link_graph(data, link="edges"))


PARALLEL = """\
orgviz: 1
org: {name: P, size: small}
people:
  - {id: m, name: M, title: CEO}
  - {id: e, name: E, title: CTO, reports_to: m, dotted_to: [m]}
  - {id: b, name: B, title: CFO, reports_to: m}
  - {id: c, name: C, title: COO, reports_to: m, dotted_to: [b, b, e]}
"""


def test_json_and_mermaid_draw_each_pair_of_people_once_as_graphml_does(tmp_path: Path
                                                                        ) -> None:
    # A dotted line to one's own manager gave a second m->e edge, which node_link_graph
    # (no multigraph) read over the solid one: e's manager was lost; [b, b] gave two.
    path = tmp_path / "par.yaml"
    path.write_text(PARALLEL, encoding="utf-8")
    org = load(path)
    data = json.loads(to_json(org))
    assert data["multigraph"] is False
    pairs = [(edge["source"], edge["target"]) for edge in data["edges"]]
    assert len(pairs) == len(set(pairs))
    expected = [("b", "c", "dotted"), ("e", "c", "dotted"), ("m", "b", "solid"),
                ("m", "c", "solid"), ("m", "e", "solid")]
    assert sorted(_node_link_graph(data).edges(data="kind")) == expected
    assert sorted(nx.read_graphml(io.BytesIO(to_graphml(org))).edges(data="kind")) == expected
    # (each node still lists its dotted lines as written)
    assert [n["dotted_to"] for n in data["nodes"]] == [[], ["m"], [], ["b", "b", "e"]]
    mermaid = [line.strip() for line in to_mermaid(org).splitlines() if "-" in line[4:]]
    assert mermaid == ["p0 --> p1", "p0 --> p2", "p0 --> p3", "p2 -.-> p3", "p1 -.-> p3"]


def test_export_warnings_name_a_file_with_a_line_break_on_one_line(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # (each of the four warnings printed the name raw: a name with a line break took two)
    monkeypatch.chdir(tmp_path)
    Path("a\nb.yaml").write_text(
        "orgviz: 1\norg: {name: R, size: small, date: 2026-01-01}\nroles:\n  - {id: growth, "
        "name: Growth Lead, level: manager}\nteams:\n  - {id: eng, name: Eng, lead: ceo}\n"
        "people:\n  - {id: ceo, name: Ada, title: CEO, team: eng}\n  - {id: b, name: Cy, "
        "role: growth, reports_to: ceo, dotted_to: ghost, team: ops}\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["export", "a\nb.yaml", "-f", "csv", "-o", "x.csv"])
    assert result.exit_code == 0
    assert result.output.splitlines() == [
        "orgviz: a\\u000Ab.yaml: a reference to someone who is not in it ('b' has a dotted line "
        "to 'ghost'): the CSV keeps it as written (`orgviz import` reports it at its row); "
        "`orgviz validate` reports where",
        "orgviz: a\\u000Ab.yaml: a person is in a team that `teams:` does not list ('b' is in "
        "team 'ops'): the CSV keeps it as written, and `orgviz import` of it declares the team; "
        "`orgviz validate` reports where",
        "orgviz: a\\u000Ab.yaml: people hold a role of the org's own `roles:` ('growth'), "
        "which CSV does not carry: declare it again under `roles:` in the org file `orgviz "
        "import` writes of it",
        "orgviz: a\\u000Ab.yaml: CSV does not carry the org's `date`: set it again in the "
        "org file `orgviz import` writes of it"]


@pytest.mark.parametrize(("fmt", "shown"), [(None, "None (NoneType)"), (5, "5 (int)"),
                                            (b"json", "b'json' (bytes)")])
def test_export_s_format_of_the_wrong_type_is_a_type_error(fmt: object, shown: str) -> None:
    # (it was ExportFormatError, a ValueError: "unknown export format None", where
    # render(org, 5) raises a TypeError)
    import orgviz

    org = Org(file="t.yaml", name="T", size="small",
              people=(Person(id="a", loc=NO_LOC, name="A"),))
    with pytest.raises(TypeError) as caught:
        orgviz.export(org, fmt)  # type: ignore[arg-type]
    assert str(caught.value) == ("orgviz.export()'s fmt must be one of mermaid, json, csv, "
                                 f"graphml (a str), not {shown}")
    assert not isinstance(caught.value, ValueError)
