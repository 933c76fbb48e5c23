"""The shipped JSON Schema agrees with the example orgs and rejects what the loader rejects."""

from __future__ import annotations

from pathlib import Path

import jsonschema
import pytest
import yaml

from orgviz.schema import schema

ORGS = sorted((Path(__file__).resolve().parents[1] / "orgs").glob("*.yaml"))


def _validator() -> jsonschema.Draft7Validator:
    jsonschema.Draft7Validator.check_schema(schema())
    return jsonschema.Draft7Validator(schema())


@pytest.mark.parametrize("path", ORGS, ids=[p.name for p in ORGS])
def test_example_orgs_match_the_schema_and_carry_the_modeline(path):
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../src/orgviz/schema.json\n")
    # YAML 1.1 would read `date: 2026-11-01` as a date; orgviz keeps strings (BaseLoader).
    document = yaml.load(text, Loader=yaml.BaseLoader)
    document["orgviz"] = int(document["orgviz"])
    for person in document.get("people", []):
        for flag in ("vacant", "assistant"):
            if flag in person:
                person[flag] = person[flag] == "true"
    errors = [e.message for e in _validator().iter_errors(document)]
    assert errors == []


@pytest.mark.parametrize(("document", "fragment"), [
    ({"org": {"name": "A"}}, "'orgviz' is a required property"),
    ({"orgviz": 1, "peeple": []}, "Additional properties are not allowed ('peeple'"),
    ({"orgviz": 1, "people": [{"id": "a"}]}, "'name' is a required property"),
    ({"orgviz": 1, "people": [{"id": "a", "name": "A", "report_to": "b"}]}, "'report_to'"),
    ({"orgviz": 1, "teams": [{"id": "t", "color": "red"}]}, "'red' is not valid"),
    ({"orgviz": 1, "org": {"name": "A", "size": "huge"}}, "'huge' is not one of"),
    ({"orgviz": 2}, "2 is not one of"),
])
def test_schema_rejects_bad_documents(document, fragment):
    messages = [e.message for e in _validator().iter_errors(document)]
    assert any(fragment in m for m in messages), messages


def test_vacant_positions_need_no_name():
    document = {"orgviz": 1, "people": [{"id": "a", "vacant": True, "title": "PM"}]}
    assert list(_validator().iter_errors(document)) == []
