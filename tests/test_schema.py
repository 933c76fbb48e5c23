"""The shipped JSON Schema agrees with the example orgs and rejects what the loader rejects."""

from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
import pytest
import yaml
from hypothesis import example, given, settings
from hypothesis import strategies as st

from orgviz.fte import parse_fte
from orgviz.schema import schema
from orgviz.yamlread import CONTROL_CHARS

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


WHITESPACE = "".join(c for c in map(chr, range(0x110000)) if c.isspace())


@pytest.mark.parametrize("key", ["name", "title", "location", "email", "reports_to", "team"])
@pytest.mark.parametrize("blank", ["", " ", "\t\u3000", WHITESPACE])
def test_blank_texts_are_refused_as_the_loader_refuses_them(key, blank):
    # An empty or whitespace-only text is an error of the loader: editors flag it too.
    person = {"id": "a", "name": "A", key: blank}
    errors = list(_validator().iter_errors({"orgviz": 1, "people": [person]}))
    assert errors, (key, blank)


def test_the_schema_and_the_loader_agree_on_whitespace():
    # The schema's pattern names the characters of str.isspace, which the loader uses.
    text_schema = {**schema()["definitions"]["text"], "maxLength": 10**6}
    validator = jsonschema.Draft7Validator(text_schema)
    # (Every whitespace character is below U+3001; beyond it, a few that regex engines
    # count as spaces in some modes: BOM, zero-width space, ideographic half fill space.)
    # (Control characters are refused whatever they are: the loader refuses them too.)
    control = re.compile(CONTROL_CHARS)
    for char in [*map(chr, range(0x3001)), "\ufeff", "\u200b", "\uffa0", "\U000e0020"]:
        expected = not char.isspace() and not control.match(char)
        assert validator.is_valid(char) is expected, hex(ord(char))
    assert validator.is_valid(" Ada ")


def test_org_header_texts_may_not_be_blank():
    for field in ("name", "date", "description"):
        document = {"orgviz": 1, "org": {"name": "A", field: "  "}}
        assert list(_validator().iter_errors(document)), field


@settings(max_examples=300, deadline=None)
@given(st.one_of(
    st.text(alphabet="0123456789.", max_size=12),
    st.decimals(min_value=0, max_value=200_000, places=3, allow_nan=False).map(str),
    st.sampled_from(["100000", "100000.0", "100000.5", "100001", "0100000", "000100000",
                     "99999.999999999", ".5", "5.", "1e3", "", ".", "0" * 10])))
def test_the_schema_and_the_loader_agree_on_fte_texts(text):
    # A quoted `fte: "..."` is a string to an editor; orgviz reads every fte as text.
    fte_schema = schema()["properties"]["people"]["items"]["properties"]["fte"]
    valid = jsonschema.Draft7Validator(fte_schema).is_valid(text)
    assert valid is (parse_fte(text) is not None), text


_ID_KEYS = ("id", "reports_to", "team", "role", "dotted_to")


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from("ab -\n\r\x85\u2028\u2029\u200f\u2066\t"),
               min_size=1, max_size=6), st.sampled_from(_ID_KEYS))
def test_the_schema_and_the_loader_agree_on_line_breaks_in_ids(ident, key):
    # An id holding a line break is a loader error; editors flag it too (a text is not).
    person = {"id": "a", "name": "A", key: ident}
    ok_text = not ident.isspace()
    errors = list(_validator().iter_errors({"orgviz": 1, "people": [person]}))
    one_line = not any(c in ident for c in "\n\r\x85\u2028\u2029")
    assert (errors == []) is (ok_text and one_line), (key, ident)
    titled = {"id": "a", "name": "A", "title": ident}
    assert (list(_validator().iter_errors({"orgviz": 1, "people": [titled]})) == []) is ok_text


def test_ids_of_teams_and_roles_are_on_one_line_in_the_schema():
    for document, where in (({"teams": [{"id": "t", "lead": "a\n"}]}, "lead"),
                            ({"teams": [{"id": "t", "parent": "u\u2028"}]}, "parent"),
                            ({"teams": [{"id": "t\r"}]}, "id"),
                            ({"roles": [{"id": "r\x85", "level": "ic"}]}, "id")):
        errors = list(_validator().iter_errors({"orgviz": 1, **document}))
        assert [list(e.absolute_path)[-1] for e in errors] == [where], document


def test_the_role_levels_of_the_schema_are_the_ladder_s(org_file) -> None:
    """The schema's `level` enum is the ladder's levels, in rank order (an `svp` custom role
    was refused by editors while orgviz took it)."""
    from orgviz.loader import load
    from orgviz.roles import LEVELS
    from orgviz.validate import validate

    level = schema()["properties"]["roles"]["items"]["properties"]["level"]
    assert level["enum"] == list(LEVELS)
    assert [rank for rank, _label in LEVELS.values()] == sorted(
        (rank for rank, _label in LEVELS.values()), reverse=True)
    document = {"orgviz": 1, "org": {"name": "T"},
                "roles": [{"id": "gvp", "level": "svp", "titles": ["general vice president"]}],
                "people": [{"id": "ceo", "name": "Ada"}]}
    assert list(_validator().iter_errors(document)) == []
    org = load(org_file("""\
        orgviz: 1
        org: {name: T, size: small}
        roles:
          - {id: gvp, level: svp, titles: [general vice president]}
        people:
          - {id: ceo, name: Ada, title: CEO}
          - {id: g, name: Bo, title: General Vice President, reports_to: ceo}
          - {id: v, name: Cy, title: VP Sales, reports_to: g}
        """))
    assert [p.roles for p in org.people] == [("ceo",), ("gvp",), ("vp",)]
    assert [p.rule for p in validate(org) if p.rule in ("rank-inversion", "same-rank",
                                                         "schema", "unknown-role")] == []


#: A document every field of which the loader and the schema take.
_SOUND = {"orgviz": 1, "org": {"name": "A", "size": "small"},
          "teams": [{"id": "t", "name": "T"}], "roles": [{"id": "r", "level": "ic"}],
          "people": [{"id": "a", "name": "A", "title": "CEO"}]}
#: The fields a document of `_agreement` changes: (where, key). (`include` names files and
#: `fte` takes exponents only as text, which its description says: neither is in.)
_FIELDS = [*((("org",), key) for key in ("name", "size", "date", "description")),
           *((("teams", 0), key) for key in ("id", "name", "color", "parent", "lead")),
           *((("roles", 0), key) for key in ("id", "name", "level", "titles")),
           *((("people", 0), key) for key in ("id", "name", "title", "role", "reports_to",
                                              "dotted_to", "team", "vacant", "assistant",
                                              "location", "email"))]
_SCALARS = st.one_of(
    st.none(), st.booleans(), st.integers(-10**12, 10**12),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(alphabet="aT #-\n\x01\x7f\x9f", max_size=4),
    st.sampled_from(["true", "True", "TRUE", "tRuE", "false", "False", "yes", "1", "#fff",
                     "ic", "small", "2026-11-01"]))


def _loads_clean(document: dict, path: Path) -> bool:
    """Whether the loader reads `document` (written as JSON, which is YAML) without a load
    error."""
    from orgviz.errors import OrgLoadError
    from orgviz.loader import load

    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    try:
        org = load(path)
    except OrgLoadError:
        return False
    return not any(problem.level == "error" for problem in org.load_problems)


@settings(max_examples=400, deadline=None)
@given(st.sampled_from(_FIELDS), st.one_of(_SCALARS, st.lists(_SCALARS, max_size=2)),
       st.booleans())
@example(field=(("roles", 0), "titles"), value="T\n", vacant=False)  # (a role's title
# with a line break: the loader refused it, the schema took it)
@example(field=(("roles", 0), "titles"), value=["a", "T\n"], vacant=False)
def test_the_schema_and_the_loader_agree_on_each_field(tmp_path_factory, field, value,
                                                       vacant):
    # The schema refused `id: 14`, `name: 12`, `title: 3.5` (plain numbers stay text),
    # `vacant: null` (null leaves a key out) and took `name: null` of a person not vacant;
    # the loader takes the first ones and refuses the last, and reads `vacant: 'true'`.
    document = json.loads(json.dumps(_SOUND))
    if vacant:
        document["people"][0]["vacant"] = True
    (*where, last), key = field
    entry = document
    for step in where:
        entry = entry[step]
    entry[last][key] = value
    path = tmp_path_factory.mktemp("agree") / "org.yaml"
    assert _validator().is_valid(document) is _loads_clean(document, path), (field, value)


@pytest.mark.parametrize("person", [
    {"id": 14, "name": "A"}, {"id": "a", "name": 12, "title": 3.5, "team": 5},
    {"id": "a", "name": "A", "vacant": None, "assistant": None, "role": None},
    {"id": "a", "vacant": "true"}, {"id": "a", "vacant": "True", "assistant": "FALSE"},
    {"id": True, "name": False, "reports_to": 2, "dotted_to": [3, 4.5]},
])
def test_plain_numbers_null_and_quoted_flags_are_valid(person):
    document = {"orgviz": 1, "org": {"name": 2026, "date": None},
                "teams": [{"id": 5, "name": None, "lead": 14}], "people": [person]}
    assert [e.message for e in _validator().iter_errors(document)] == []


@pytest.mark.parametrize(("person", "where", "message"), [
    ({"id": "a", "name": None}, ["people", 0, "name"],
     "None should not be valid under {'type': 'null'}"),
    ({"id": "a", "name": "A", "vacant": "yes"}, ["people", 0, "vacant"],
     "'yes' is not valid under any of the given schemas"),
    ({"id": None, "name": "A"}, ["people", 0, "id"],
     "None is not valid under any of the given schemas"),
])
def test_what_the_loader_refuses_the_schema_refuses_there(person, where, message):
    errors = list(_validator().iter_errors({"orgviz": 1, "people": [person]}))
    assert [(list(e.absolute_path), e.message) for e in errors] == [(where, message)]
