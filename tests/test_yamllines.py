"""One-line flow mappings read without PyYAML's events (yamllines) read exactly as PyYAML does."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from orgviz.yamllines import LineLocs, one_line_mappings
from orgviz.yamlread import YamlError, YList, YMap, _read, read_yaml


def full(text: str) -> Any:
    """The reading by PyYAML alone (no line read by yamllines)."""
    return _read(text, "org.yaml", {})


def same(fast: Any, slow: Any, path: str = "$") -> None:
    """The same values, types, node counts and locations, all the way down."""
    assert type(fast) is type(slow), path
    if isinstance(slow, YMap):
        assert list(fast) == list(slow), path
        assert (fast.loc, fast.size) == (slow.loc, slow.size), path
        assert dict(fast.key_locs) == slow.key_locs, path
        assert dict(fast.value_locs) == slow.value_locs, path
        for key in slow:
            same(fast[key], slow[key], f"{path}.{key}")
    elif isinstance(slow, YList):
        assert (fast.loc, fast.size, fast.item_locs) == (slow.loc, slow.size, slow.item_locs)
        assert len(fast) == len(slow), path
        for index, (a, b) in enumerate(zip(fast, slow, strict=True)):
            same(a, b, f"{path}[{index}]")
    else:
        assert fast == slow, path


def outcome(read: Any, text: str) -> tuple[str, Any]:
    try:
        return "value", read(text)
    except YamlError as exc:
        return "error", (exc.loc, exc.rule, exc.message)


def check(text: str) -> None:
    """read_yaml gives what PyYAML alone gives: the same value or the same error."""
    fast_kind, fast = outcome(lambda t: read_yaml(t, "org.yaml"), text)
    slow_kind, slow = outcome(full, text)
    assert fast_kind == slow_kind, (fast, slow)
    if slow_kind == "value":
        same(fast, slow)
    else:
        assert fast == slow


PEOPLE = ("orgviz: 1\norg: {name: Acme}\npeople:\n"
          "  - {id: ceo, name: Dana Reyes, title: Chief Executive Officer, role: ceo}\n"
          '  - {id: vp, name: Sofía Castellanos, title: "VP of Product, Payments", '
          "reports_to: ceo, role: [vp-product, cpo], team: null}\n"
          "  - {id: pm, name: ~, vacant: true, reports_to: vp, dotted_to: [ceo]}\n")


def test_simple_lines_are_read_here_and_placed_back() -> None:
    shortened = one_line_mappings(PEOPLE, "org.yaml", YMap, YList)
    assert shortened is not None
    text, mappings = shortened
    assert len(mappings) == 3 and "{" not in text.split("people:")[1]
    check(PEOPLE)
    doc = read_yaml(PEOPLE, "org.yaml")
    ceo, vp, pm = doc["people"]
    assert type(ceo.value_locs) is LineLocs  # plain pairs: locations found when asked
    line4, line5, line6 = PEOPLE.splitlines()[3:6]
    assert ceo.value_locs["title"] == ("org.yaml", 4, line4.index("Chief") + 1)
    assert "team" not in ceo.value_locs and ceo.value_locs.get("team") is None
    assert vp["role"] == ["vp-product", "cpo"] and vp["team"] is None
    assert vp.value_locs["role"] == ("org.yaml", 5, line5.index("[vp") + 1)
    assert pm["name"] is None
    assert pm["dotted_to"].item_locs == [("org.yaml", 6, line6.index("ceo") + 1)]


@pytest.mark.parametrize("text", [
    # a key twice, a null key, a second document: the full reading's errors
    "people:\n  - {id: a, id: b}\n",
    "people:\n  - {null: a}\n",
    "people:\n  - {id: a}\n---\npeople: []\n",
    # a mapping line inside a block scalar and a plain scalar running on: text, not mappings
    "notes: |\n  - {id: a}\npeople:\n  - {id: b}\n",
    "people:\n  - {id: a}\n    more text\n",
    "name: some text\n  - {id: a}\n",
    # not simple: left to PyYAML as they are
    '  - {id: "a\\"b", name: x}\n', "- {id: a, name: x # note}\n", "- {id: a,name: b}\n",
    "- {id: a, name: b: c, d}\n", "- {id: a , name: b}\n", "- {id:  a}\n", "- {id: a}  # c\n",
    "- {id: &x a, m: *x}\n", "- {id: -a}\n", "- {id: _a}\n", "- {id: a\tb}\n", "- {id: [a, ]}\n",
    "- {id: a, t: [x, \"y, z\", ~]}\n", "x: [\n  - {id: a}\n]\n", "- {id: a}\n- {id: a}\n",
    # line breaks: CRLF files are read here, others not
    "people:\r\n  - {id: a, name: b}\r\n  - {id: c}\r\n", "people:\n  - {id: a}\r  - {id: b}\n",
    "people:\n  - {id: a, name: b\u2028c}\n", "people:\n  - {id: \ue0000}\n",
])
def test_unusual_texts_read_as_pyyaml_reads_them(text: str) -> None:
    check(text)


def test_a_placeholder_deeper_than_the_limit_is_read_in_full() -> None:
    text = "a:\n" + "".join(" " * i + "- " for i in range(62)) + "{id: x}\n"
    check(text)


# Pieces of a one-line mapping: mostly what the fast path takes, and what it must refuse.
GOOD = st.sampled_from(["a", "id", "name", "Dana Reyes", "Sofía", "日本", "p0001", "x1", "null",
                        "NULL", "Null", "~", "yes", "0123", "a.b", "R&D", "O'Brien", "a/b",
                        "a(b)", "a-b", "a_b", "a+b", "x@y", "a  b", "é", "ا", '"q"', '"a, b"',
                        '"a: b"', '"x # y"', '""', "[a, b]", "[]", "[a]", '[a, ~, "b, c"]'])
BAD = st.sampled_from(["-a", "_a", "&a", "*a", "!a", "#a", "a #b", "a:b", "a: b", "a,b",
                       '"a\\"b"', "{a: b}", "a\tb", "🚀", " a", "a ", "[a, ]", "[a,b]", "?a"])
WORDS = st.one_of(GOOD, GOOD, GOOD, GOOD, BAD)
SEPARATORS = st.sampled_from([", "] * 8 + [",", " , ", ",  "])
COLONS = st.sampled_from([": "] * 8 + [":", ":  ", " : "])


@st.composite
def mapping_lines(draw: st.DrawFn, words: st.SearchStrategy[str] = WORDS,
                  colons: st.SearchStrategy[str] = COLONS,
                  separators: st.SearchStrategy[str] = SEPARATORS) -> str:
    pairs = draw(st.lists(st.tuples(words, colons, words), min_size=1, max_size=5))
    inside = ""
    for index, (key, colon, value) in enumerate(pairs):
        if index:
            inside += draw(separators)
        inside += key + colon + value
    indent = " " * draw(st.integers(0, 4))
    return (f"{indent}- {{{draw(st.sampled_from(['', '', ' ']))}{inside}"
            f"{draw(st.sampled_from(['', '', ' ']))}}}"
            f"{draw(st.sampled_from(['', '', '', '  ', ' # c']))}")


OTHER_LINES = st.sampled_from(["people:", "teams:", "# a comment", "", "notes: |",
                               "  - plain item", "name: x", "  nested:", "x: [a,",
                               "  - {id: z, name: inside"])


@settings(max_examples=400, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(mapping_lines(), mapping_lines(), OTHER_LINES), min_size=1,
                max_size=8),
       st.sampled_from(["\n", "\r\n"]))
def test_any_text_reads_as_pyyaml_reads_it(lines: list[str], newline: str) -> None:
    check("people:" + newline + newline.join(lines) + newline)


@st.composite
def people_lists(draw: st.DrawFn) -> str:
    """A people list of one-line mappings (comments and blank lines between)."""
    good = mapping_lines(GOOD, st.just(": "), st.just(", "))
    lines = draw(st.lists(st.one_of(good, good, good, mapping_lines(),
                                    st.sampled_from(["", "  # a comment"])),
                          min_size=1, max_size=8))
    return "people:\n" + "\n".join("  " + line.lstrip(" ") for line in lines) + "\n"


@settings(max_examples=400, suppress_health_check=[HealthCheck.too_slow])
@given(people_lists())
def test_any_people_list_reads_as_pyyaml_reads_it(text: str) -> None:
    check(text)
