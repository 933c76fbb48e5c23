"""The DOT writer: graph structure, attributes and escaping, without any Graphviz binary."""

from __future__ import annotations

import re
import subprocess
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path

import pytest
from renderkit import HOSTILE, person_org, system_graphviz

from orgviz.model import Org
from orgviz.render.cards import card_box, chart_texts
from orgviz.render.chart import View, build_chart
from orgviz.render.dot import STACK_ROWS, stack_groups, write_dot
from orgviz.render.themes import THEMES

LIGHT = THEMES["light"]


def plan_of(org: Org, labels: bool = False, view: View | None = None):
    chart = build_chart(org, view)
    texts = chart_texts(chart)
    return chart, write_dot(chart, card_box(texts), LIGHT, texts if labels else None)


def skeleton(source: str) -> str:
    """The DOT source with every quoted string and HTML-like string replaced by a marker."""
    out, i = [], 0
    while i < len(source):
        char = source[i]
        if char == '"':
            j = i + 1
            while source[j] != '"':
                j += 2 if source[j] == "\\" else 1
            out.append("STR")
            i = j + 1
        elif char == "<":
            depth, j = 0, i
            while True:
                if source[j] == "<":
                    depth += 1
                elif source[j] == ">":
                    depth -= 1
                    if depth == 0:
                        break
                j += 1
            out.append("HTML")
            i = j + 1
        else:
            out.append(char)
            i += 1
    return "".join(out)


def test_layout_graph_structure(small_org: Org) -> None:
    chart, plan = plan_of(small_org)
    source = plan.source
    assert source.startswith("digraph orgchart {") and source.endswith("}\n")
    assert "label=\"\"" in source and "<TABLE" not in source  # no labels for the layout
    # Every card is a fixed-size node; the node names are ours, never user ids.
    assert set(plan.node_of.values()) == {f"c{i}" for i in range(len(chart.cards))}
    assert "fixedsize=true" in source and "newrank=true" in source
    # One rank per level row, each holding its axis node.
    # the CEO and her assistant's line beside her (a node a line: the card has none)
    line = plan.assistants[0]
    assert line.manager == "ceo" and line.lines == (("ea",),)
    assert f"{{rank=same; r0; c0; {line.nodes[0]}}}" in source
    assert f"  {plan.node_of['ea']};" not in source
    assert re.search(r"r0 -> r1 -> r2 -> r3 -> r4 -> r5 \[style=invis\]", source)
    # Dotted lines do not take part in the layout.
    assert "constraint=false" not in source
    # The director's four PMs are stacked on one spine.
    assert len(plan.spines) == 1 and plan.spines[0].manager == "dir"
    assert [right for _, right in plan.spines[0].rows] == ["pm1", "pm2", "pm3", "pm4"]
    # The CTO's engineer sits 4 rows lower: the line passes through waypoints.
    route = next(r for r in plan.routes if r.report == "eng")
    assert len(route.via) == 3


def test_standalone_dot_has_labels_and_dashed_dotted_lines(small_org: Org) -> None:
    _, plan = plan_of(small_org, labels=True)
    source = plan.source
    assert "<TABLE" in source and "<B>Ada Lovelace</B>" in source
    assert re.search(r"c\d+ -> c\d+ \[constraint=false, style=dashed", source)
    assert 'style="rounded,filled,dashed"' in source  # the open role
    assert "URL" not in source and "href" not in source


def test_stack_groups() -> None:
    assert stack_groups(list("abc")) == [["a", "b", "c"]]
    many = [str(i) for i in range(40)]
    groups = stack_groups(many)
    assert [leaf for group in groups for leaf in group] == many
    assert all(len(g) <= 2 * STACK_ROWS for g in groups) and len(groups) == 3


def test_dot_is_deterministic(small_org: Org) -> None:
    assert plan_of(small_org, True)[1].source == plan_of(small_org, True)[1].source


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_names_cannot_change_the_graph(org_file: Callable[..., Path],
                                               text: str) -> None:
    hostile = plan_of(person_org(org_file, text, text), labels=True)[1].source
    benign = plan_of(person_org(org_file, "Benign Name", "Engineer"), labels=True)[1].source
    assert skeleton(hostile) == skeleton(benign)
    assert "pwn" not in skeleton(hostile)


@pytest.mark.parametrize("view", [View(direction="LR"), View(depth=2), View(root="dir"),
                                  View(color_by="level")])
def test_views_write_valid_looking_dot(small_org: Org, view: View) -> None:
    chart, plan = plan_of(small_org, labels=True, view=view)
    assert skeleton(plan.source).count("{") == skeleton(plan.source).count("}")
    assert len(plan.node_of) == len(chart.cards)


@pytest.mark.parametrize("marks", [pytest.param(None, marks=system_graphviz)])
def test_hostile_text_shows_literally_in_graphviz_own_drawing(
        org_file: Callable[..., Path], marks: None) -> None:
    for text in HOSTILE:
        _, plan = plan_of(person_org(org_file, text, "Engineer"), labels=True)
        done = subprocess.run(["dot", "-Tsvg"], input=plan.source.encode(), capture_output=True,
                              check=True, timeout=60)
        root = ET.fromstring(done.stdout)
        shown = [t.text or "" for t in root.iter("{http://www.w3.org/2000/svg}text")]
        expected = text.replace("\u202e", "")
        assert any(expected in line or (line in expected and line) for line in shown), (
            text, shown)
        assert len(root.findall(".//{http://www.w3.org/2000/svg}g[@class='node']")) == len(
            plan.node_of) + sum(1 for line in plan.source.splitlines() if " [shape=point" in
                                line or "shape=plaintext" in line)
