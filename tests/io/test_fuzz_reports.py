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
