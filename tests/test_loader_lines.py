"""Lines and columns as editors, git and GitHub count them: NEL, LS and PS (U+0085, U+2028,
U+2029), which YAML counts as line breaks, are characters of a line."""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from orgviz.errors import OrgLoadError
from orgviz.loader import load
from orgviz.validate import validate
from orgviz.yamlread import read_yaml

HEAD = "orgviz: 1\norg: {name: Acme, size: small}\npeople:\n"
_BREAKS = ("\x85", "\u2028", "\u2029")


def _found(path) -> list[tuple[int, int, str, str]]:
    """(line, column, rule, message) of the problems of an org file, fatal or not."""
    try:
        problems = validate(load(path))
    except OrgLoadError as exc:
        problems = exc.problems
    return sorted((p.line, p.col, p.rule, p.message) for p in problems)


@pytest.mark.parametrize("brk", _BREAKS)
def test_a_break_in_quoted_text_moves_no_later_line(tmp_path, brk):
    # (QA's ls2.yaml: a problem on line 6 was at line 7)
    path = tmp_path / "org.yaml"
    path.write_text(HEAD + f'  - {{id: ceo, name: "Ada{brk}Obi", title: CEO}}\n'
                    "  - {id: a, name: B, title: Engineer, reports_to: ceo}\n"
                    "  - {id: x, name: C, title: Engineer, reports_to: nobody}\n",
                    encoding="utf-8")
    assert _found(path) == [(6, 51, "unknown-manager", "'x' reports to 'nobody', who is not "
                             "in the org: use the id of an existing person, or add that person")]
    # (PyYAML folds a NEL in quoted text into a space, as a line break; LS and PS stay)
    assert load(path).people[0].name == f"Ada{' ' if brk == chr(0x85) else brk}Obi"


def test_a_column_after_a_break_counts_from_the_line_start(tmp_path):
    path = tmp_path / "org.yaml"
    path.write_text(HEAD + '  - {id: ceo, name: "A\u2028B", title: CEO, team: x\u2029y}\n'
                    '  - {id: b, name: "\u2028", title: "\u2028\x01"}\n', encoding="utf-8")
    with pytest.raises(OrgLoadError) as info:  # (a control character: found while decoding)
        load(path)
    [problem] = info.value.problems
    assert (problem.line, problem.col, problem.rule) == (5, 33, "encoding")
    path.write_text(HEAD + '  - id: ceo\n    name: "A\u2028B"\n    title: CEO\n'
                    "    name: \"C\u2028D\"\n    colour: x\n", encoding="utf-8")
    with pytest.raises(OrgLoadError) as info:
        load(path)
    assert [(p.line, p.col, p.rule, p.message) for p in info.value.problems] == [
        (7, 5, "duplicate-key", "duplicate key 'name' (first defined at line 5): YAML would "
         "keep only one of them; delete one")]


@pytest.mark.parametrize(("entry", "expected"), [
    # (raw, YAML breaks the line there: the key it then reads is on the line editors show)
    ("  - id: x\n    name: a\u2028b\n    reports_to: ceo\n",
     (5, 15, "YAML syntax error: could not find expected ':' in the simple key that starts "
      "at line 4, column 13 (line 4 holds a U+2028 (LS), which YAML reads as a line break "
      "where editors show none: remove it, or put the value in double quotes)")),
    ("  - id: x\n    name: a\x85b\n    reports_to: ceo\n",
     (5, 15, "YAML syntax error: could not find expected ':' in the simple key that starts "
      "at line 4, column 13 (line 4 holds a U+0085 (NEL), which YAML reads as a line break "
      "where editors show none: remove it, or put the value in double quotes)")),
    ("  - id: x\n    title: |\n      a\u2029b\n    reports_to: ceo\n",
     (6, 15, "YAML syntax error: could not find expected ':' in the simple key that starts "
      "at line 5, column 9 (line 5 holds a U+2029 (PS), which YAML reads as a line break "
      "where editors show none: remove it, or put the value in double quotes)")),
    # (a break in quoted text is kept, and no hint of it)
    ('  - {id: x, name: "a\u2028b", title: [x\n',
     (4, 1, "YAML syntax error: did not find expected ',' or ']' in the [...] list that starts "
      "at line 3, column 33 (is the ']' that closes it missing?)")),
])
def test_a_syntax_error_is_on_a_line_that_exists(tmp_path, entry, expected):
    path = tmp_path / "org.yaml"
    path.write_text("orgviz: 1\npeople:\n" + entry, encoding="utf-8")
    [(line, col, rule, message)] = _found(path)
    assert (line, col, message) == expected and rule == "yaml-syntax"


def test_a_comment_that_cuts_a_value_after_a_break_is_found(tmp_path):
    # (the comments that may cut a value were looked up on YAML's lines: missed after one)
    path = tmp_path / "org.yaml"
    path.write_text(HEAD + '  - {id: ceo, name: "A\u2028B", title: CEO}\n'
                    "  - id: y\n    name: Y\n    title: Engineer #2\n    reports_to: ceo\n",
                    encoding="utf-8")
    assert [(p.line, p.col, p.level) for p in load(path).load_problems] == [
        (7, 21, "warning")]


_NAMES = st.lists(st.text(alphabet="ab \u00e9\U0001F600" + "".join(_BREAKS), min_size=1,
                          max_size=6).filter(lambda t: t.strip()), min_size=3, max_size=3)


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(names=_NAMES, flow=st.lists(st.booleans(), min_size=3, max_size=3))
def test_breaks_in_quoted_text_move_no_problem(tmp_path, names, flow):
    # (each problem is where it is when the breaks are other characters)
    def org(texts: list[str]) -> str:
        entries = []
        for n, (text, one_line) in enumerate(zip(texts, flow, strict=True)):
            boss = "" if n == 0 else ", reports_to: nobody" if n == 2 else ", reports_to: p0"
            if one_line:
                entries.append(f'  - {{id: p{n}, name: "{text}", title: "{text}"{boss}}}\n')
            else:
                entries.append(f'  - id: p{n}\n    name: "{text}"\n    title: "{text}"\n'
                               + (f"    {boss[2:]}\n" if boss else "") + "    nmae: x\n")
        return HEAD + "".join(entries) + "  - {id: p0, name: again}\n"

    def places(texts: list[str]) -> list[tuple[int, int, str]]:
        path = tmp_path / "org.yaml"
        path.write_text(org(texts), encoding="utf-8")
        return [found[:3] for found in _found(path)]

    plain = [name.translate(str.maketrans(dict.fromkeys(_BREAKS, "x"))) for name in names]
    assert places(names) == places(plain)


def _editor_place(text: str, offset: int) -> tuple[int, int]:
    """The 1-based line and column of `offset` as editors count them (at \\n, \\r\\n, \\r)."""
    lines = re.split("\r\n|[\r\n]", text[:offset])
    return len(lines), len(lines[-1]) + 1


@settings(max_examples=150, deadline=None)
@given(texts=st.lists(st.tuples(st.text(alphabet="x" + "".join(_BREAKS), max_size=4),
                                st.text(alphabet="x" + "".join(_BREAKS), max_size=4),
                                st.sampled_from(["\n", "\r\n"])), min_size=1, max_size=6))
def test_every_key_and_value_is_where_editors_show_it(texts):
    # (marks above the first break, between breaks, after the last one, and on a line after
    # a break of the same line, each moved as it has to be; 3816fa9 moved each by a bisect
    # over every line, 2x the reading time)
    text = "".join(f'k{n}: {{a: "{one}", b{n}: "{two}"}}{eol}'
                   for n, (one, two, eol) in enumerate(texts))
    read = read_yaml(text, "f.yaml")
    for n in range(len(texts)):
        key = text.index(f"k{n}:")
        inner = read[f"k{n}"]
        assert read.key_locs[f"k{n}"][1:] == _editor_place(text, key)
        assert read.value_locs[f"k{n}"][1:] == _editor_place(text, key + len(f"k{n}: "))
        assert inner.key_locs[f"b{n}"][1:] == _editor_place(text, text.index(f"b{n}:"))
        assert inner.value_locs[f"b{n}"][1:] == _editor_place(text, text.index(f"b{n}: ")
                                                               + len(f"b{n}: "))


@pytest.mark.parametrize("eol", ["\n", "\r\n", "\r"])
def test_a_break_in_a_comment_is_to_be_removed_from_it(tmp_path, eol):
    # (it was told "remove it, or put the value in double quotes", which a comment has not)
    path = tmp_path / "org.yaml"
    path.write_bytes(eol.join(["orgviz: 1", "org: {name: Acme}", "people:", "  - id: ceo",
                               "    name: Ann  # x\u2028y", "    title: CEO", ""]
                              ).encode("utf-8"))
    assert _found(path) == [(6, 10, "yaml-syntax", "YAML syntax error: could not find expected "
                             "':' in the simple key that starts at line 5, column 20 (line 5 "
                             "holds a U+2028 (LS) in a comment, which YAML reads as a line "
                             "break where editors show none, ending the comment: remove it "
                             "from the comment)")]


@pytest.mark.parametrize("name", ["Ann", '"A\u2028B"'])
@pytest.mark.parametrize("eol", ["\n", "\r\n", "\r"])
def test_a_comment_that_cuts_a_value_is_found_whatever_ends_the_lines(tmp_path, eol, name):
    # (lines ended by "\r" alone were not counted: the comment was not found)
    path = tmp_path / "org.yaml"
    path.write_bytes(eol.join(["orgviz: 1", "org: {name: Acme}", "people:", "  - id: ceo",
                               f"    name: {name}", "    title: CEO", "  - id: b",
                               "    name: Bob", "    title: Engineer #2", "    reports_to: ceo",
                               ""]).encode("utf-8"))
    assert [(p.line, p.col, p.level, p.message) for p in load(path).load_problems] == [
        (9, 21, "warning", "'#2' starts a YAML comment, so 'title' reads as 'Engineer': put "
         "the value in quotes if '#2' is part of it (title: 'Engineer #2')")]
