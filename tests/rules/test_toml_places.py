"""Where keys and values are written in a TOML text (tomlplaces: tomllib gives no places)."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from orgviz.tomlplaces import toml_places, tomllib, written_text

RULES = ("tool", "orgviz", "rules")


@pytest.mark.parametrize(("text", "path", "key_at", "value_at"), [
    # a table header, an inline table, a quoted key
    ("[tool.orgviz.rules]\nlayers = {max = 3.0}\n", ("layers", "max"), (2, 11), (2, 17)),
    ('[tool.orgviz.rules]\n"span-of-control" = { max = "x" }\n', ("span-of-control", "max"),
     (2, 23), (2, 29)),
    # dotted keys, with spaces around the dots; from [tool.orgviz], [tool] or the top
    ("[tool.orgviz]\nrules . layers.max = 3\n", ("layers", "max"), (2, 16), (2, 22)),
    ("[tool]\norgviz.rules.'layers'.max=3\n", ("layers",), (2, 14), (2, 14)),
    ("tool.orgviz.rules.layers = 4 # a comment\n", ("layers",), (1, 19), (1, 28)),
    # a rule of its own table: its key in the header, its values below
    ("[ tool.orgviz.rules.layers ]\n\nlevel = 'warn'\n", ("layers", "level"), (3, 1), (3, 9)),
    # the escapes of a quoted key undone, as tomllib does
    ('[tool.orgviz.rules]\n"spa\\u006E-of-control".max = 1\n', ("span-of-control",),
     (2, 1), (2, 1)),
    # after a multi-line string and comments that hold the same keys
    ('[project]\ndescription = """\n[tool.orgviz.rules]\nlayers = {max = 3.0}\n"""\n'
     "# [tool.orgviz.rules] layers = 1\n[tool.orgviz.rules]\nlayers = {max = 3.0}\n",
     ("layers", "max"), (8, 11), (8, 17)),
    ("[project]\nx = '''\n[tool.orgviz.rules]\nlayers = 1''''\n[tool.orgviz.rules]\n"
     "layers = 2\n", ("layers",), (6, 1), (6, 10)),
    # arrays over lines, with comments and brackets in strings
    ("[tool.orgviz.rules]\nx = [\n  '[', # ]\n  {a = ']'},\n]\nlayers = {max = [1,\n2]}\n",
     ("layers", "max"), (6, 11), (6, 17)),
    # CRLF line ends, a tab, a key spelt with a number first
    ("[tool.orgviz.rules]\r\n\tlayers = {max = 3.0}\r\n", ("layers", "max"), (2, 12), (2, 18)),
    ("[tool.orgviz.rules]\n1x = 2\n", ("1x",), (2, 1), (2, 6)),
])
def test_a_key_and_its_value_are_found_however_written(text, path, key_at, value_at):
    tomllib.loads(text)  # (each is TOML)
    places = toml_places(text, ("tool", "orgviz"))
    assert places.key((*RULES, *path)) == key_at
    assert places.value((*RULES, *path)) == value_at


def test_a_key_not_written_falls_back_to_its_nearest_table():
    text = "[project]\nname = 'x'\n\n[tool.orgviz.rules]\nlayers = {max = 3}\n"
    places = toml_places(text, ("tool", "orgviz"))
    assert places.key((*RULES, "layers", "level")) == (5, 1)  # (its rule)
    assert places.value((*RULES, "root")) == (4, 14)  # ('rules' in the header)
    assert places.key(("tool", "orgviz", "colour")) == (4, 7)  # ('orgviz')
    assert places.key(("tool", "other")) is None  # (not under [tool.orgviz]: not noted)


def test_arrays_of_tables_are_numbered():
    text = ("[[tool.orgviz.rules]]\nroot = 1\n[[tool.orgviz.rules]]\nroot = 2\n"
            "[tool.orgviz.rules.sub]\nlayers = 3\n")
    places = toml_places(text, ("tool", "orgviz"))
    assert places.key(RULES) == (1, 15)
    assert places.value((*RULES, 1, "root")) == (4, 8)
    assert places.value((*RULES, 1, "sub", "layers")) == (6, 10)
    assert (*RULES, "root") not in places.keys  # (no rule 'root' of a table 'rules')


def test_a_value_nested_too_deep_for_the_skimmer_ends_the_places_it_finds():
    # (those before it are right; one after it falls back to its table's, written before)
    text = ("[tool.orgviz.rules]\nlayers = " + "[" * 5000 + "]" * 5000
            + "\nroot = 3\n")
    places = toml_places(text, ("tool", "orgviz"))
    assert places.key((*RULES, "layers")) == (2, 1)
    assert places.value((*RULES, "root")) == (1, 14)


def test_a_text_the_skimmer_cannot_follow_has_no_places():
    # (not TOML: tomllib refuses it; the skimmer is given only what tomllib reads)
    places = toml_places("[tool.orgviz.rules]\nlayers = 3\nroot =\n", ("tool", "orgviz"))
    assert places.keys == {} and places.key((*RULES, "layers")) is None


# A property: documents with rules and options written in every way TOML has, between decoys
# that hold the same keys in strings and comments; the places the skimmer finds are where the
# generator wrote each key and value.

BARE = st.sampled_from(["layers", "span-of-control", "root", "max", "level", "allow-forest",
                        "single_report", "x1", "9", "a-b_c"])
ODD_NAME = st.text(st.sampled_from("ab .#=[]{}'\"\\\té\u2028,"), min_size=0, max_size=6)
NAME = st.one_of(BARE, ODD_NAME)
DECOY = ("\n[tool.orgviz.rules]\nlayers = {max = 3}\nrules.root.max = 1\n"
         "'''\" # [[tool.orgviz]]\n")


@st.composite
def key_text(draw: st.DrawFn, name: str) -> str:
    """`name` as a TOML key: bare where it may be, or quoted, basic (escapes) or literal."""
    ways = ["basic"]
    if name and all(c.isascii() and (c.isalnum() or c in "-_") for c in name):
        ways.append("bare")
    if "'" not in name and all(c.isprintable() or c == "\t" for c in name):
        ways.append("literal")
    way = draw(st.sampled_from(ways))
    if way == "bare":
        return name
    if way == "literal":
        return f"'{name}'"
    escape_all = draw(st.booleans())
    return '"' + "".join(f"\\u{ord(c):04X}" if escape_all or c in '"\\' or not c.isprintable()
                         else c for c in name) + '"'


@st.composite
def scalar_text(draw: st.DrawFn) -> tuple[str, Any]:
    """A scalar written as TOML, and the value tomllib reads from it."""
    kind = draw(st.sampled_from(["int", "float", "bool", "basic", "literal", "multi-basic",
                                 "multi-literal", "date"]))
    if kind == "int":
        number = draw(st.integers(-10**6, 10**6))
        return str(number), number
    if kind == "float":
        value = draw(st.floats(allow_nan=False, allow_infinity=False, width=32))
        return repr(float(value)), float(value)
    if kind == "bool":
        flag = draw(st.booleans())
        return ("true" if flag else "false"), flag
    if kind == "date":
        return "1979-05-27 07:32:00", tomllib.loads("d = 1979-05-27 07:32:00")["d"]
    text = draw(st.sampled_from(["", "x", "max = 3", DECOY, "#", "{", "]", '"', "'", "a\\b"]))
    if kind == "basic" and "\n" not in text:
        return json.dumps(text), text
    if kind == "literal" and "\n" not in text and "'" not in text:
        return f"'{text}'", text
    read = text.removeprefix("\n")  # (a line break just after the quotes is left out)
    quotes = draw(st.integers(0, 2))  # (one or two quotes may end the text: `"a"""""`)
    literal = text + "'" * quotes
    if kind == "multi-literal" and "'''" not in literal:
        return "'''" + literal + "'''", read + "'" * quotes
    written = text.replace("\\", "\\\\").replace('"', '\\"') + '"' * quotes
    return '"""' + written + '"""', read + '"' * quotes


@st.composite
def value_text(draw: st.DrawFn, depth: int = 0) -> tuple[str, Any]:
    """Any value written as TOML (arrays over lines, with comments; inline tables)."""
    kind = draw(st.sampled_from(["scalar", "scalar", "array", "table"] if depth < 2
                                else ["scalar"]))
    if kind == "scalar":
        return draw(scalar_text())
    items = draw(st.lists(value_text(depth + 1), max_size=3))
    if kind == "array":
        gap = draw(st.sampled_from([" ", "\n  ", " # ] } [x] max = 1\n  "]))
        return "[" + gap + ("," + gap).join(t for t, _ in items) + gap + "]", [
            v for _, v in items]
    names = draw(st.lists(BARE, max_size=len(items), unique=True))
    return "{" + ", ".join(f"{n} = {t}" for n, (t, _) in zip(names, items, strict=False)
                           ) + "}", {n: v for n, (_, v) in zip(names, items, strict=False)}


class Writer:
    """A TOML text being written, with the offset of each key and value it writes under
    [tool.orgviz.rules] (the first place of each key: as the skimmer notes them)."""

    def __init__(self) -> None:
        self.text = ""
        self.keys: dict[tuple[str, ...], int] = {}
        self.values: dict[tuple[str, ...], int] = {}

    def write(self, text: str) -> None:
        self.text += text

    def key(self, path: tuple[str, ...], written: str) -> None:
        self.keys.setdefault(path, len(self.text))
        self.write(written)

    def value(self, path: tuple[str, ...], written: str) -> None:
        self.values[path] = len(self.text)
        self.write(written)


PREFIXES = {"rules-header": ((), "[tool.orgviz.rules]"), "orgviz-header": (
    ("rules",), "[tool . orgviz]"), "tool-header": (("orgviz", "rules"), "[tool]"),
            "top": (("tool", "orgviz", "rules"), "")}


@st.composite
def documents(draw: st.DrawFn) -> tuple[Writer, dict[str, Any]]:
    """A pyproject.toml with rules in one style of container and each rule in a style of
    its own; the Writer knows its places, the dict is what tomllib must read."""
    container = draw(st.sampled_from(sorted(PREFIXES)))
    prefix, header = PREFIXES[container]
    rules = draw(st.dictionaries(NAME, st.one_of(
        value_text(2), st.dictionaries(NAME, value_text(), min_size=1, max_size=3)),
        min_size=1, max_size=4))
    out = Writer()
    if container != "top":
        out.write("[project]\nname = 'x'\ndescription = \"\"\"" + DECOY.replace('"', '\\"')
                  + '"""\n# ' + DECOY[1:20] + "\n\n" + header + "\n")
    spaced = draw(st.sampled_from([" = ", "=", " \t=  "]))
    own_tables = []
    for rule, setting in rules.items():
        path = (*RULES, rule)
        written_prefix = "".join(f"{key} . " for key in prefix)
        if not isinstance(setting, dict):
            out.write(written_prefix)
            out.key(path, draw(key_text(rule)))
            out.write(spaced)
            out.value(path, setting[0])
            out.write("  # rules.root = 1\n")
            continue
        style = draw(st.sampled_from(["inline", "dotted", "table"] if container == "rules-header"
                                     else ["inline", "dotted"]))
        if style == "table":
            own_tables.append((rule, setting))
        elif style == "inline":
            out.write(written_prefix)
            out.key(path, draw(key_text(rule)))
            out.write(spaced + "{")
            out.values[path] = len(out.text) - 1
            for index, (option, (text, _)) in enumerate(setting.items()):
                out.write(", " if index else " ")
                out.key((*path, option), draw(key_text(option)))
                out.write(" = ")
                out.value((*path, option), text)
            out.write(" }\n")
        else:
            rule_key = draw(key_text(rule))
            for option, (text, _) in setting.items():
                out.write(written_prefix)
                out.key(path, rule_key)
                out.write(" . ")
                out.key((*path, option), draw(key_text(option)))
                out.write(spaced)
                out.value((*path, option), text)
                out.write("\n")
    for rule, setting in own_tables:
        out.write("\n[tool.orgviz.rules.")
        out.key((*RULES, rule), draw(key_text(rule)))
        out.write("]\n")
        for option, (text, _) in setting.items():
            out.key((*RULES, rule, option), draw(key_text(option)))
            out.write(spaced)
            out.value((*RULES, rule, option), text)
            out.write("\n")
    out.write("\n[tool.other]\nx = \"\"\"\\\n  [tool.orgviz.rules]\"\"\"\n")
    read = {rule: ({name: v for name, (_, v) in setting.items()} if isinstance(setting, dict)
                   else setting[1]) for rule, setting in rules.items()}
    return out, read


@settings(max_examples=300)
@given(documents())
def test_the_skimmer_finds_each_key_and_value_where_it_was_written(document):
    out, read = document
    assert tomllib.loads(out.text)["tool"]["orgviz"]["rules"] == read
    places = toml_places(out.text, ("tool", "orgviz"))
    rule_level = {path: at for path, at in places.keys.items()
                  if len(path) in (4, 5) and path[:3] == RULES and isinstance(path[-1], str)
                  and (len(path) == 4 or isinstance(read.get(path[3]), dict))}
    assert rule_level == out.keys
    for path, at in out.values.items():
        assert places.values[path] == at
        assert places.value(path) == line_col(out.text, at)
    for path, at in out.keys.items():
        assert places.key(path) == line_col(out.text, at)


def line_col(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of `offset`, counted otherwise than tomlplaces counts them."""
    before = text[:offset].split("\n")
    return len(before), len(before[-1]) + 1


@pytest.mark.parametrize(("written", "value"), [
    ("1e3", 1000.0), ("0x10", 16), ("1_000", 1000), ("+inf", float("inf")),
    ("1979-05-27 07:32:00Z", tomllib.loads("x = 1979-05-27T07:32:00Z")["x"]),
])
def test_a_number_date_or_time_keeps_its_text(written, value):
    text = (f"[tool.orgviz.rules]\nlayers = {{ max = {written} , level = 'x' }} # c\n"
            f"root = [{written}]\n")
    places = toml_places(text, ("tool", "orgviz"))
    read = tomllib.loads(text)["tool"]["orgviz"]["rules"]["layers"]["max"]
    kept = places.as_written((*RULES, "layers", "max"), read)
    assert kept == value and written_text(kept) == written
    assert written_text(places.as_written((*RULES, "root", 0), read)) == written  # (in arrays)


@pytest.mark.parametrize("written", ["3", "1.5", "true", "'x'", '"x"', "2024-01-01"])
def test_a_value_written_as_python_shows_it_is_kept_as_it_is(written):
    text = f"[tool.orgviz.rules]\nlayers = {{ max = {written} }}\n"
    read = tomllib.loads(text)["tool"]["orgviz"]["rules"]["layers"]["max"]
    kept = toml_places(text, ("tool", "orgviz")).as_written((*RULES, "layers", "max"), read)
    assert kept is read and written_text(kept) is None
