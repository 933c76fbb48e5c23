"""Loader tests: the format, locations, strings that stay strings, and hostile input."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from orgviz.errors import OrgFileError, OrgLoadError
from orgviz.loader import load
from orgviz.problem import SourceLoc
from orgviz.validate import validate

GOOD = """\
orgviz: 1
org: {name: Acme, size: small}
teams:
  - {id: product, name: Product, color: "#4C78A8", lead: dana}
people:
  - id: dana
    name: Dana Reyes
    title: Chief Product Officer
    team: product
  - id: no
    name: on
    title: Product Manager
    reports_to: dana
    dotted_to: [dana]
    vacant: false
  - id: 0123
    title: Associate Product Manager
    reports_to: no
    vacant: true
  - {id: 2024-01-01, name: 1e3, role: [head-of-product, director-of-product], reports_to: dana}
"""


def load_problem(path) -> tuple[int, int, str, str]:
    with pytest.raises(OrgLoadError) as info:
        load(path)
    (problem,) = info.value.problems
    return problem.line, problem.col, problem.rule, problem.message


def test_people_fields_and_locations(org_file):
    org = load(org_file(GOOD))
    assert [p.id for p in org.people] == ["dana", "no", "0123", "2024-01-01"]
    dana, no, vacancy, combined = org.people
    assert dana.roles == ("cpo",) and dana.role_source == "title"
    assert dana.loc == SourceLoc(str(org_file(GOOD)), 6, 5)
    assert no.name == "on" and no.reports_to == "dana" and no.dotted_to == ("dana",)
    assert no.at("reports_to").line == 13 and no.at("reports_to").col == 17
    assert vacancy.vacant and vacancy.name is None and vacancy.display_name == "Open role"
    assert vacancy.roles == ("apm",) and vacancy.reports_to == "no"
    assert combined.name == "1e3" and combined.roles == ("head-of-product", "director-of-product")
    assert combined.role_source == "explicit"
    assert org.teams[0].color == "#4C78A8" and org.size == "small" and org.name == "Acme"
    assert org.load_problems == ()


def test_graph_keeps_solid_and_dotted_apart(org_file):
    org = load(org_file(GOOD))
    assert list(org.graph.nodes) == ["dana", "no", "0123", "2024-01-01"]
    assert sorted(org.graph.edges) == [("dana", "2024-01-01"), ("dana", "no"), ("no", "0123")]
    assert list(org.dotted_graph.edges) == [("dana", "no")]
    assert org.reports["dana"] == ["no", "2024-01-01"]
    assert org.roots == ["dana"]


def test_roots_are_the_tops_validate_stats_and_the_chart_take(org_file):
    # (a person whose manager is themselves was left out: validate, stats and the chart take
    # them as a top, as HR exports give the top person)
    org = load(org_file(
        "orgviz: 1\norg: {name: A}\npeople:\n  - {id: a, name: A, reports_to: a}\n"
        "  - {id: b, name: B, reports_to: a}\n  - {id: c, name: C, reports_to: gone}\n"
        "  - {id: d, name: D}\n  - {id: e, name: E, reports_to: f}\n"
        "  - {id: f, name: F, reports_to: e}\n"))
    assert org.roots == ["a", "c", "d"]  # (e and f: a cycle, not tops)
    from orgviz import compute_stats

    assert compute_stats(org)["tops"] == org.roots
    assert org.reports["a"] == ["b"] and not org.graph.has_edge("a", "a")


@pytest.mark.parametrize(("source", "expected"), [
    ("orgviz: 1\norg: {name: A}\npeople:\n  - {id: a, name: A}\n  - {id: b, name: B\n",
     (6, 1, "yaml-syntax", "YAML syntax error: did not find expected ',' or '}' in the {...} "
                           "mapping that starts at line 5, column 5")),
    ('orgviz: 1\norg:\n  name: "Acme\npeople: []\n',
     (5, 1, "yaml-syntax", "YAML syntax error: found unexpected end of stream in the quoted "
                           "text that starts at line 3, column 9")),
    ("orgviz: 1\norg: {name: A}\npeople:\n  - id: a\n bad: 1\n",
     (5, 2, "yaml-syntax", "did not find expected key in the mapping that starts at line 1, "
                           "column 1")),
    ("orgviz: 1\norg: {name: A}\npeople:\n  - id: a\n    name: A\n    id: b\n",
     (6, 5, "duplicate-key", "duplicate key 'id' (first defined at line 4)")),
    ("orgviz: 2\norg: {name: A}\npeople: []\n", (1, 9, "version", "unknown format version '2'")),
    ("org: {name: A}\npeople: []\n", (1, 1, "version", "'orgviz: 1' version key is missing: "
                                     "add 'orgviz: 1' as the file's first line")),
    # The commonest slips get what to do (after libyaml's own words).
    ("orgviz: 1\norg: {name: A}\npeople:\n\t- {id: a, name: A}\n",
     (4, 1, "yaml-syntax", "cannot start any token (a tab: YAML indents with spaces only)")),
    ("orgviz: 1\norg: {name: A}\npeople:\n  - id: a\n    name: A\n\ttitle: CEO\n",
     (6, 1, "yaml-syntax", "found a tab character that violates indentation in the text that "
                           "starts at line 5, column 11 (a tab: YAML indents with spaces only)")),
    ("orgviz: 1\norg: {name: A}\npeople:\n  - {id: a, name: A, title: VP: Sales}\n",
     (4, 31, "yaml-syntax", "(a ': ' inside a value: put the value in quotes, as in title: "
                            "\"VP: Sales\"; or is a ',' missing before a key?)")),
    # (a ':' on a later line is the next key's: the '}' is missing, no quoting to do)
    ("orgviz: 1\norg: {name: x\npeople: []\n",
     (3, 7, "yaml-syntax", "mapping that starts at line 2, column 6 (is the '}' that closes "
                           "it missing?)")),
    # (a key indented too deep reads as the value above going on: no ': ' in a value)
    ("orgviz: 1\norg: {name: A}\npeople:\n  - id: a\n    name: A\n      title: CEO\n",
     (6, 12, "yaml-syntax", "not allowed in this context (is this line indented as the lines "
                            "above it are?)")),
    ("orgviz: 1\norg: {name: A}\npeople:\n  - id: a\n    name: 😀 A\n    title: VP: Sales\n",
     (6, 14, "yaml-syntax", "mapping values are not allowed in this context (a ': ' inside")),
    ("orgviz: 1\norg: {name: A}\npeople:\n  - {id: a, name: A, title: @home}\n",
     (4, 29, "yaml-syntax", "('@' cannot start a value: put the value in quotes)")),
    ("orgviz: 1\norg: {name: A}\npeople:\n  - {id: a, name: A\n  - {id: b, name: B}\n",
     (5, 5, "yaml-syntax", "mapping that starts at line 4, column 5 (is the '}' that closes "
                           "it missing?)")),
    ("orgviz: 1\norg: {name: A}\npeople:\n  - {id: a, name: A, dotted_to: [b, c}\n",
     (4, 38, "yaml-syntax", "(a '}' where ']' should close it)")),
    ("orgviz: 1\norg: {name: A}\npeople:\n  - id: a\n    name: A\n   title: CEO\n",
     (6, 4, "yaml-syntax", "(is this line indented as the lines above it are?)")),
    # (a key or a '-' without a space after it reads as text: YAML stops on a later line,
    # and the problem is said at the ':' or '-': it was said where YAML stopped)
    ("orgviz: 1\norg: {name: A}\npeople:\n  - id: a\n    name:A\n    title: Engineer #2\n",
     (5, 9, "yaml-syntax", "YAML syntax error: a key needs a space after its ':', as in "
                           "'name: A' (YAML reads the line as text, and stops at line 6, "
                           "column 5: could not find expected ':')")),
    ("orgviz: 1\norg: {name: A}\npeople:\n  - id:a\n    name: A\n",
     (4, 7, "yaml-syntax", "YAML syntax error: a key needs a space after its ':', as in "
                           "'id: a' (YAML reads the line as text, and stops at line 5, column "
                           "9: mapping values are not allowed in this context)")),
    ("orgviz: 1\norg: {name: A}\npeople:\n  - id: a\n    title:VP of 'Growth' and Scale\n",
     (5, 10, "yaml-syntax", "a key needs a space after its ':', as in 'title: ...' (YAML")),
    ("orgviz: 1\norg: {name: A}\npeople:\n  -id: a\n   name: A\n",
     (4, 3, "yaml-syntax", "YAML syntax error: a '-' that starts a list entry needs a space "
                           "after it, as in '- id: ...' (YAML reads the line as text, and "
                           "stops at line 5, column 8: mapping values are not allowed in this "
                           "context)")),
    ("orgviz: 1\norg: {name: A}\npeople:\n  -{id: a, name: A}\n",
     (4, 3, "yaml-syntax", "a '-' that starts a list entry needs a space after it")),
    # (' #' starts a comment: the rest of the line, the closing '}' with it, is gone)
    ("orgviz: 1\norg: {name: A}\npeople:\n  - {id: a, name: A, title: Eng #2}\n  - {id: b}\n",
     (5, 3, "yaml-syntax", "mapping that starts at line 4, column 5 (a ' #' starts a comment, "
                           "which ends the line: put a value with ' #' in quotes")),
    ("orgviz: 1\norg: {name: A}\npeople:\n  - {id: a, name: 'O'Brien'}\n",
     (4, 22, "yaml-syntax", "(text goes on after the closing quote: a ' inside '...' is "
                            "written '' ('O''Brien'), or put the value in \"...\")")),
    ('orgviz: 1\norg: {name: A}\npeople:\n  - id: a\n    name: "say "hi""\n',
     (5, 17, "yaml-syntax", "(text goes on after the closing quote: a \" inside \"...\" is "
                            "written \\\", or put the value in '...')")),
    # (a space between the closing quote and the text that goes on; in {...} too)
    ('orgviz: 1\norg: {name: A}\npeople:\n  - id: a\n    name: "Ada" Obi\n',
     (5, 17, "yaml-syntax", "(text goes on after the closing quote: a \" inside \"...\" is")),
    ("orgviz: 1\norg: {name: A}\npeople:\n  - {id: a, name: 'Ada' Obi}\n",
     (4, 25, "yaml-syntax", "(text goes on after the closing quote: a ' inside '...' is")),
    # (a '}' or ']' after a line's entry is closed: it closes nothing)
    ("orgviz: 1\norg: {name: A}\npeople:\n  - {id: a, name: Ada}}\n",
     (4, 23, "yaml-syntax", "(a '}' that closes nothing: remove it)")),
    ("orgviz: 1\norg: {name: A}\npeople:\n  - id: a\n    name: Ada\n  ]\n",
     (6, 3, "yaml-syntax", "(a ']' that closes nothing: remove it)")),
    # (a '[' or '{' never closed: at the end of the file, before a '}' of the mapping around
    # it, or before the next entry; was "did not find expected node content" alone, or "a
    # '}' that closes nothing")
    ("orgviz: 1\norg: {name: A}\npeople:\n  - {id: b, name: B}\n"
     "  - {id: a, name: A, dotted_to: [b,",
     (5, 36, "yaml-syntax", "did not find expected node content (the [...] list that starts "
                            "at line 5, column 33 is never closed: end it with ']', and the "
                            "{...} mapping around it with '}')")),
    ("orgviz: 1\norg: {name: A}\npeople:\n  - {id: a, name: A, dotted_to: [b, }  # x\n",
     (4, 37, "yaml-syntax", "did not find expected node content (the [...] list that starts "
                            "at line 4, column 33 is never closed: write ']' before this '}')")),
    ("orgviz: 1\norg: {name: A}\npeople:\n  - {id: a, name: A, dotted_to: [b,\n"
     "  - {id: b, name: B}\n",
     (5, 3, "yaml-syntax", "did not find expected node content (the [...] list that starts "
                           "at line 4, column 33 is never closed: end it with ']', and the "
                           "{...} mapping around it with '}')")),
    # (brackets in quoted text or in a block's text open nothing)
    ("orgviz: 1\norg: {name: \"[A\"}\npeople:\n  - id: a\n    title: Eng [Platform\n"
     "    dotted_to: [b,  # c\n",
     (7, 1, "yaml-syntax", "did not find expected node content (the [...] list that starts "
                           "at line 6, column 16 is never closed: end it with ']')")),
    ("orgviz: 1\norg: {name: A\n", (3, 1, "yaml-syntax", "did not find expected ',' or '}' in "
                                    "the {...} mapping that starts at line 2, column 6 (is the "
                                    "'}' that closes it missing?)")),
    ('orgviz: 1\norg: {name: A}\npeople:\n  - {id: a, name: "C:\\qa"}\n',
     (4, 22, "yaml-syntax", "unknown escape character in the quoted text that starts at line "
                            "4, column 19 (a '\\' inside \"...\" starts an escape: write "
                            "'\\\\' for a backslash, or put the value in single quotes)")),
    ('orgviz: 1\norg: {name: A}\npeople:\n  - {id: a, name: "C:\\Users"}\n',
     (4, 24, "yaml-syntax", "hexdecimal number in the quoted text that starts at line 4, "
                            "column 19 (a '\\' inside \"...\" starts an escape: write")),
    ("orgviz: 1\norg: {name: A}\npeople:\n  - {id: a, name: A, title: | Eng}\n",
     (4, 29, "yaml-syntax", "('|' cannot start a value: put the value in quotes)")),
    ("orgviz: 1\norg: {name: A}\npeople:\n  - {id: a, name: A, title: *Star* Eng}\n",
     (4, 34, "yaml-syntax", "in the alias that starts at line 4, column 29 (a value that "
                            "starts with '*' is an alias: put the value in quotes")),
    ("orgviz: 1\norg: {name: A}\npeople:\n  - id: a\n    name: |Ann\n",
     (5, 12, "yaml-syntax", "(a value that starts with '|' or '>' is a block of text: put the "
                            "value in quotes)")),
    ("orgviz: 1\norg: {name: A}\npeople:\n  - id: a\n  & name: Ann\n",
     (5, 4, "yaml-syntax", "in the anchor that starts at line 5, column 3 (a value that starts "
                           "with '&' is an anchor: put the value in quotes)")),
    # (an escape of no character, said at its '\': a surrogate pair, as JSON writes an emoji,
    # is told the character and its \U escape; was said inside the escape, "write '\\' for a
    # backslash")
    ('orgviz: 1\norg: {name: A}\npeople:\n  - {id: ceo, name: "\\ud83d\\ude00 Ada"}\n',
     (4, 22, "yaml-syntax", "YAML syntax error: found invalid Unicode character escape code "
                            "in the quoted text that starts at line 4, column 21 ('\\ud83d"
                            "\\ude00' is a surrogate pair, as JSON writes \U0001F600, which "
                            "YAML does not read: write the character itself, \U0001F600, or "
                            "\\U0001F600)")),
    ('orgviz: 1\norg: {name: A}\npeople:\n  - {id: a, name: "x\\uDC00\\ud800"}\n',
     (4, 21, "yaml-syntax", "('\\uDC00' is half of a surrogate pair, no character: remove "
                            "it, or write the character meant itself or as \\UXXXXXXXX)")),
    ('orgviz: 1\norg: {name: A}\npeople:\n  - {id: a, name: "\\U00110000"}\n',
     (4, 20, "yaml-syntax", "('\\U00110000' is past the last Unicode character, U+10FFFF: "
                            "remove it)")),
    ("orgviz: 1\norg: {name: A}\nteams:\n  - {id: t, lead: ]ann}\n",
     (4, 19, "yaml-syntax", "did not find expected node content (a ']' that closes nothing: "
                            "remove it, or put the value in quotes)")),
    ("orgviz: 1\norg|\n  name: A\n",
     (3, 7, "yaml-syntax", "could not find expected ':' in the simple key that starts at line "
                           "2, column 1 (is a ':' missing after the key on line 2?)")),
    ("orgviz: 1\norg: {name: A}\npeople:\n  - id: a\n    name: A\n - id: b\n   name: B\n",
     (6, 2, "yaml-syntax", "did not find expected key in the mapping that starts at line 1, "
                           "column 1 (is this line indented as the lines above it are?)")),
    # (an anchor no alias uses took '&Co' from the title without a word)
    ("orgviz: 1\norg: {name: A}\npeople:\n  - id: a\n    title: &Co Engineer\n",
     (5, 12, "yaml-syntax", "'&Co' is a YAML anchor that no alias uses, so the value reads as "
                            "'Engineer': put the value in quotes if the '&' is part of the "
                            "text (\"&Co Engineer\"), or remove the anchor")),
    ("orgviz: 1\norg: {name: A}\npeople:\n  - {id: a, title: &x}\n",
     (4, 20, "yaml-syntax", "so the value reads as null: put the value in quotes if the '&' is "
                            "part of the text (\"&x\"), or remove the anchor")),
    ("orgviz: 1\norg: {name: A}\npeople:\n  - {id: a, : x}\n",
     (4, 13, "yaml-syntax", "did not find expected node content (a ':' with no key before "
                            "it: write the key, or remove the ':')")),
    ("orgviz: 1\norg: {name: A}\npeople:\n  - id: a\n    : x\n",
     (5, 5, "yaml-syntax", "(a ':' with no key before it: write the key, or remove the ':')")),
    ("orgviz: 1\nx: *Ada\n", (2, 4, "yaml-syntax", "unknown alias '*Ada' (a value that starts "
                                                   "with '*' is an alias: put the value in "
                                                   "quotes: \"*Ada\")")),
    # (lines that end in "\r" alone are lines for the hints too)
    ("orgviz: 1\rorg: {name: A}\rpeople:\r  - id: a\r    title: VP: Sales\r",
     (5, 14, "yaml-syntax", "(a ': ' inside a value: put the value in quotes")),
    # (a NEL, LS or PS is no line break in an editor: the problem is on the line it shows)
    ("orgviz: 1\norg: {name: A}\npeople:\n  - id: a\u2028    title: VP: Sales\n",
     (4, 24, "yaml-syntax", "(line 4 holds a U+2028 (LS), which YAML reads as a line break "
                            "where editors show none: remove it, or put the value in double "
                            "quotes)")),
    ("orgviz: 1\nd: &defaults {x: 1}\ny: {<<: *defualts}\n",
     (3, 9, "yaml-syntax", "unknown alias '*defualts'; did you mean '*defaults'?")),
    # (the version key as other formats spell it: the message points at it)
    ("org: {name: A}\nVersion: 1\npeople: []\n",
     (2, 1, "version", "the format version key is 'orgviz', not 'Version': write 'orgviz: 1'")),
    ("", (1, 1, "schema", "empty file")),
    ("# only a comment\n", (1, 1, "schema", "empty file")),
    ("- a\n- b\n", (1, 1, "schema", "not a list")),
    ("orgviz: 1\n---\norgviz: 1\n", (2, 1, "yaml-syntax", "several YAML documents")),
    ("orgviz: 1\nx: !!python/object:os.system echo\n", (2, 4, "yaml-syntax",
     "YAML tag '!!python/object:os.system' is not allowed in an org file: remove it (orgviz "
     "reads every value as text)")),
    ("orgviz: 1\nx: *nowhere\n", (2, 4, "yaml-syntax", "alias")),
    ("orgviz: 1\nx: " + "[" * 70 + "]" * 70 + "\n", (2, 67, "limits", "nesting deeper than 64")),
])
def test_fatal_problems_have_location_rule_and_message(org_file, source, expected):
    line, col, rule, message = load_problem(org_file(source))
    assert (line, col, rule) == expected[:3]
    assert expected[3] in message


_ANN = "orgviz: 1\norg: {name: T}\npeople:\n  - id: ceo\n    name: Ann Lee\n"
_INDENT = ("YAML syntax error: did not find expected '-' indicator in the list or mapping that "
           "starts at line 4, column 3 (is this line indented as the lines above it are?)")
_VALUE_COLON = ("YAML syntax error: mapping values are not allowed in this context (a ': ' "
                "inside a value: put the value in quotes, as in title: \"VP: Sales\")")


@pytest.mark.parametrize(("body", "expected"), [
    # (a `word:x` or `-word` that is text, in a block, in quotes or in a plain value's next
    # line, is no key: the error is YAML's, where YAML stops; de5ad60 said it at the text)
    ("    notes: |\n      Owner:Sales\n    location: Paris: HQ\n", (8, 20, _VALUE_COLON)),
    ("    title: Head of\n      sales:EMEA\n    location: Paris: HQ\n", (8, 20, _VALUE_COLON)),
    ("    notes: |\n      see:here\n   team: x\n", (8, 4, _INDENT)),
    ("    title: >-\n      -Sales lead\n   team: x\n", (8, 4, _INDENT)),
    ("    title: Head of\n      sales:EMEA\n   team: x\n", (8, 4, _INDENT)),
    ('    location: "x\n      y:z"\n   team: x\n', (8, 4, _INDENT)),
    # (QA's case: a line of the mapping, at its keys' indentation, said at its ':')
    ("    name:C\n    title: Engineer #2\n",
     (6, 9, "YAML syntax error: a key needs a space after its ':', as in 'name: C' (YAML reads "
            "the line as text, and stops at line 7, column 5: could not find expected ':')")),
    # (a text that runs into the next line's key at its indentation: two keys of a mapping)
    ("    notes:\n      see:here\n      x: y\n",
     (7, 10, "YAML syntax error: a key needs a space after its ':', as in 'see: here' (YAML "
             "reads the line as text, and stops at line 8, column 8: mapping values are not "
             "allowed in this context)")),
    # (a list entry's '-' at the list's column)
    ("  - id: b\n    name: B\n  -id: c\n    name: C\n",
     (8, 3, "YAML syntax error: a '-' that starts a list entry needs a space after it, as in "
            "'- id: ...' (YAML reads the line as text, and stops at line 8, column 3: did not "
            "find expected '-' indicator)")),
    # (at the list's column, not the keys': not certain, and no guess of a missing ':')
    ("  title:Eng\n", (7, 1, "YAML syntax error: could not find expected ':' in the simple key "
                             "that starts at line 6, column 3")),
])
def test_a_key_without_a_space_is_said_there_only_where_yaml_read_a_key(org_file, body,
                                                                         expected):
    line, col, rule, message = load_problem(org_file(_ANN + body))
    assert (line, col, message) == expected and rule == "yaml-syntax"


_TEXT = st.text(alphabet="ab:-_", min_size=1, max_size=10).filter(
    lambda t: not t.endswith(":") and not t.startswith("-" * 3))


@settings(max_examples=80, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=_TEXT, around=st.sampled_from(["    notes: |\n      {}\n", "    title: >-\n      {}\n",
                                           '    location: "x\n      {}"\n',
                                           "    title: Head of\n      {}\n"]),
       after=st.sampled_from(["    site: Paris: HQ\n", "   team: x\n",
                              "    team Bob\n  - id: b\n", "  -id: b\n   name: B\n",
                              "    title:CEO\n"]))
def test_text_with_colons_and_dashes_moves_no_error(tmp_path, text, around, after):
    # (each error is where it is, and said as it is, when the text has no ':' or '-')
    def problems(words: str) -> list[tuple[int, int, str, str]]:
        path = tmp_path / "org.yaml"
        path.write_text(_ANN + around.format(words) + after, encoding="utf-8")
        with pytest.raises(OrgLoadError) as info:
            load(path)
        return [(p.line, p.col, p.rule, p.message) for p in info.value.problems]

    assert problems(text) == problems(text.replace(":", "c").replace("-", "d"))


_NO_COLON = ("YAML syntax error: mapping values are not allowed in this context (is a ':' "
             "missing after the key on line {}?)")
_NOT_INDENTED = ("YAML syntax error: did not find expected <document start> (line {} is "
                 "indented more than this line: start every top-level key at column 1, with "
                 "no spaces before it)")
_ORG = "org: {name: A, size: small}\n"


@pytest.mark.parametrize(("source", "expected"), [
    # (QA's cases, the first-line slips docs/precommit.md names: were "is this line indented
    # as the lines above it are?" and libyaml's words with no hint)
    ("orgviz 1\n" + _ORG, (2, 4, _NO_COLON.format(1))),
    (" orgviz: 1\n" + _ORG, (2, 1, _NOT_INDENTED.format(1))),
    # (a text with no ':' that reads on into the next line's key, on any line, at a key's
    # place: a mapping's, a list entry's)
    ("orgviz 1\n\n" + _ORG, (3, 4, _NO_COLON.format(1))),
    ("orgviz: 1\norg:\n  name Ada Lovelace\n  size: small\n", (4, 7, _NO_COLON.format(3))),
    ("orgviz: 1\norg: {name: A}\npeople:\n  - id a\n    name: A\n", (5, 9, _NO_COLON.format(4))),
    # (a text over lines whose next line's 'key' has a space: a ': ' in the text)
    ("orgviz: 1\norg:\n  notes:\n    some long text\n    goes on here: and a colon\n",
     (5, 17, "YAML syntax error: mapping values are not allowed in this context (a ': ' "
             "inside a value that starts on line 4: put the value in quotes)")),
    # (the same text starting on its key's line or a list entry's, the common form; in a
    # {...} or [...] that is closed on the line: not a missing '}' or ']')
    ("orgviz: 1\norg:\n  name: X\npeople:\n  - id: a\n    name: A\n    title: Head of\n"
     "      Sales and Ops: EMEA\n",
     (8, 20, "YAML syntax error: mapping values are not allowed in this context (a ': ' "
             "inside a value that starts on line 7: put the value in quotes)")),
    ("orgviz: 1\norg:\n  notes:\n    - some long text\n     goes on here: and a colon\n",
     (5, 18, "YAML syntax error: mapping values are not allowed in this context (a ': ' "
             "inside a value that starts on line 4: put the value in quotes)")),
    ("orgviz: 1\norg:\n  name: X\npeople:\n  - {id: a, name: A, title: Head of\n"
     "      Sales and Ops: EMEA}\n",
     (6, 20, "YAML syntax error: did not find expected ',' or '}' in the {...} mapping that "
             "starts at line 5, column 5 (a ': ' inside a value: put the value in quotes, as "
             "in title: \"VP: Sales\"; or is a ',' missing before a key?)")),
    # (the document is the text alone, ended by a comment; the first line after comments
    # and '---' is indented more than a top-level key below it)
    ("orgviz 1\n# c\n" + _ORG, (3, 1, "YAML syntax error: did not find expected <document "
                                     "start> (is a ':' missing after the key on line 1?)")),
    ("# c\n---\n  orgviz: 1\n  " + _ORG + " people: []\n", (5, 2, _NOT_INDENTED.format(3))),
    # (a value that goes on into a key, a line left of its list entry's text, a document
    # that is a {...} mapping: no guess of a missing ':' or indentation of the first line)
    ("orgviz: 1\norg:\n  title: VP\n    Sales: x\n",
     (4, 10, "YAML syntax error: mapping values are not allowed in this context (is this "
             "line indented as the lines above it are?)")),
    ("orgviz: 1\nteams:\n- id a\n name: x\n",
     (4, 6, "YAML syntax error: mapping values are not allowed in this context (is this "
            "line indented as the lines above it are?)")),
    ("{orgviz: 1}\n" + _ORG, (2, 1, "YAML syntax error: did not find expected <document "
                                   "start>")),
])
def test_a_key_without_its_colon_and_an_indented_first_line_are_hinted(org_file, source,
                                                                         expected):
    line, col, rule, message = load_problem(org_file(source))
    assert (line, col, message) == expected and rule == "yaml-syntax"


_KEY = st.from_regex(r"[a-z_][a-z0-9_]{0,8}", fullmatch=True)
_VALUE = st.from_regex(r"[A-Za-z0-9][A-Za-z0-9.]{0,6}( [A-Za-z0-9.]{1,6}){0,2}", fullmatch=True)


@settings(max_examples=80, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(key=_KEY, value=_VALUE, place=st.sampled_from([
    ("", "{}\norg: {{name: A}}\n"), ("orgviz: 1\n", "{}\norg: {{name: A}}\n"),
    ("orgviz: 1\norg:\n", "  {}\n  size: small\n"),
    ("orgviz: 1\norg: {name: A}\npeople:\n", "  - {}\n    name: A\n")]))
def test_any_key_missing_its_colon_is_asked_about_on_its_line(tmp_path, key, value, place):
    # (on the first line, where YAML reads it on into the next line's key, or on a later
    # one, where YAML stops at the next line: the question names the key's line)
    head, body = place
    path = tmp_path / "org.yaml"
    path.write_text(head + body.format(f"{key} {value}"), encoding="utf-8")
    key_line = head.count("\n") + 1
    line, _, rule, message = load_problem(path)
    assert rule == "yaml-syntax" and line == key_line + 1
    assert message.endswith(f"(is a ':' missing after the key on line {key_line}?)")


def test_yaml_of_another_tool_is_not_told_to_add_the_version_key(org_file):
    message = load_problem(org_file("services: {web: {}}\n"))[3]
    assert message == "not an org file: the 'orgviz: 1' version key is missing"


def test_alias_bomb_is_refused_quickly(org_file):
    lines = ["orgviz: 1", "a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]" for i in range(1, 9)]
    line, _col, rule, message = load_problem(org_file("\n".join(lines) + "\n"))
    assert rule == "limits" and "alias bomb" in message and line == 8


def test_deep_nesting_does_not_crash(org_file):
    depth = 200_000
    line, col, rule, message = load_problem(org_file("x: " + "[" * depth + "]" * depth + "\n"))
    # Our 64-level bound, or libyaml's own nesting bound when its scanner reads ahead first.
    assert line == 1 and "nesting" in message
    assert (rule, col) == ("limits", 4 + 63) or rule == "yaml-syntax"


@pytest.mark.parametrize(("data", "where", "message"), [
    (b"orgviz: 1\nname: \xff\xfe\n", (2, 7), "invalid UTF-8 byte 0xff"),
    (b"orgviz: 1\nname: a\x00b\n", (2, 8), "U+0000"),
    (b"orgviz: 1\nname: a\x1bb\n", (2, 8), "U+001B"),
    # Columns count characters, not bytes; lines end at "\r" too; a BOM is no column.
    ("orgviz: 1\nname: Zoë ë \xff\n".encode("latin-1").replace(b"\xeb", "ë".encode()),
     (2, 13), "invalid UTF-8 byte 0xff: save the file as UTF-8"),
    (b"orgviz: 1\rname: Zo \xff\r", (2, 10), "invalid UTF-8 byte 0xff"),
    (b"\xef\xbb\xbforgviz: \xff\n", (1, 9), "invalid UTF-8 byte 0xff"),
    # (a C1 control character, which YAML refuses raw: was "YAML error: unacceptable
    # character #x0080 ...\n  in "<unicode string>", position 13" at 1:1, on two lines)
    ("orgviz: 1\nname: Zoë\x80\n".encode(), (2, 10),
     "control character U+0080 is not allowed in an org file: remove it"),
    (b"orgviz: 1\rorg: {name: A}\rpeople:\r  - {id: a, name: \"\x01\"}\r", (4, 20),
     "control character U+0001 is not allowed in an org file: remove it"),
])
def test_bad_bytes_point_at_the_byte(tmp_path, data, where, message):
    path = tmp_path / "bad.yaml"
    path.write_bytes(data)
    line, col, rule, text = load_problem(path)
    assert (line, col, rule) == (*where, "encoding") and message in text


def test_utf8_bom_is_accepted(tmp_path):
    path = tmp_path / "bom.yaml"
    path.write_bytes("\ufefforgviz: 1\norg: {name: Zoë}\npeople: []\n".encode())
    assert load(path).name == "Zoë"


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-be", "utf-32", "utf-32-be"])
def test_utf16_and_utf32_with_a_bom_are_accepted(tmp_path, codec):
    # (as YAML allows and PowerShell 5's `>` writes; said "invalid UTF-8 byte 0xff")
    path = tmp_path / "wide.yaml"
    text = "orgviz: 1\norg: {name: Zoë}\npeople:\n  - {id: a, name: 李雷, reports_to: b}\n"
    path.write_bytes(("\ufeff" if codec.endswith("-be") else "").encode(codec) +
                     text.encode(codec))
    org = load(path)
    assert (org.name, org.people[0].name) == ("Zoë", "李雷")
    problem = next(p for p in validate(org) if p.rule == "unknown-manager")
    assert (problem.line, problem.col) == (4, 35)  # (characters of the decoded text)


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_bom_says_so(tmp_path, codec):
    # (said "control character U+0000 is not allowed" at 1:2)
    path = tmp_path / "wide.yaml"
    path.write_bytes("orgviz: 1\norg: {name: A}\npeople: []\n".encode(codec))
    assert load_problem(path) == (
        1, 1, "encoding", "the file looks like UTF-16 without a byte order mark (every other "
                          "byte is 0): save it as UTF-8")


def test_a_broken_wide_file_says_so(tmp_path):
    path = tmp_path / "wide.yaml"
    path.write_bytes(b"\xff\xfeo\x00r\x00\x00\xd8")
    line, col, rule, message = load_problem(path)
    assert (line, col, rule, message) == (
        1, 3, "encoding", "the file starts as UTF-16 (a byte order mark) but is not valid "
                          "UTF-16: save the file as UTF-8")


@pytest.mark.parametrize(("codec", "bad", "name"), [
    ("utf-16-le", b"\x00\xd8A\x00", "UTF-16"), ("utf-16-be", b"\xdc\x00\x00A", "UTF-16"),
    ("utf-32-le", b"\x00\xd8\x00\x00", "UTF-32"), ("utf-32-be", b"\x00\x11\x00\x00", "UTF-32"),
    ("utf-16-le", b"A", "UTF-16")])  # (a lone surrogate, a code point past U+10FFFF, a cut)
def test_a_broken_wide_file_says_where(tmp_path, codec, bad, name):
    # (was at 1:1, wherever the bad unit was; UTF-8's bad byte had its line and column)
    path = tmp_path / "wide.yaml"
    good = "orgviz: 1\r\norg: {name: Zoë}\npeople:\n  - {id: a, name: 李雷, title: CEO}\n  - 李"
    path.write_bytes("\ufeff".encode(codec) + good.encode(codec) + bad)
    assert load_problem(path) == (
        5, 6, "encoding", f"the file starts as {name} (a byte order mark) but is not valid "
                          f"{name}: save the file as UTF-8")


def test_unreadable_files_are_exit_2_errors(tmp_path):
    with pytest.raises(OrgFileError, match="cannot read"):
        load(tmp_path / "missing.yaml")
    with pytest.raises(OrgFileError, match="is a directory"):
        load(tmp_path)


def test_oversized_file_is_refused(tmp_path, monkeypatch):
    monkeypatch.setattr("orgviz.loadfiles.MAX_FILE_BYTES", 100)
    path = tmp_path / "big.yaml"
    path.write_text("orgviz: 1\n" + "# padding\n" * 20)
    line, col, rule, message = load_problem(path)
    assert (line, col, rule) == (1, 1, "limits") and "up to" in message


SCHEMA_CASES = [
    ("people:\n  - {id: a, name: A, report_to: b}\n", (4, 22),
     "unknown key 'report_to' in person 'a'; did you mean 'reports_to'?"),
    # Keys spelt as HR exports' columns are: the person key they mean (io.columns.SPELLINGS).
    ("people:\n  - {id: a, name: A, position: CEO}\n", (4, 22),
     "unknown key 'position' in person 'a'; did you mean 'title'? (allowed: id, name, title,"),
    ("people:\n  - {id: a, name: A, Manager: b}\n", (4, 22),
     "unknown key 'Manager' in person 'a'; did you mean 'reports_to'?"),
    ("people:\n  - {id: a, name: A, department: x}\n", (4, 22),
     "unknown key 'department' in person 'a'; did you mean 'team'?"),
    ("people:\n  - {id: a, name: A, email_address: x}\n", (4, 22),
     "unknown key 'email_address' in person 'a'; did you mean 'email'?"),
    ("people:\n  - {id: a, name: A, 7: x}\n", (4, 22), "unknown key '7' in person 'a' ("),
    ("teams:\n  - {id: t, name: T, manager: a}\n", (4, 22),
     "unknown key 'manager' in team 't'; did you mean 'lead'?"),
    ("teams:\n  - {id: t, name: T, Head: a}\n", (4, 22),
     "unknown key 'Head' in team 't'; did you mean 'lead'?"),
    ("people:\n  - {id: a}\n", (4, 5), "person 'a' has no 'name': write the person's name "
     "(an open position has 'vacant: true' and no name)"),
    ("people:\n  - {name: A}\n", (4, 5),
     "a person has no 'id': write one, a text that no other entry of its kind has"),
    ("roles:\n  - {id: x}\n", (4, 5), "role 'x' has no 'level': write one of ceo, c-level,"),
    # A required key written without a value is null where it stands.
    ("people:\n  - {id: ~, name: A}\n", (4, 10),
     "'id' of a person is null: write one, a text that no other entry of its kind has"),
    ("people:\n  - id:\n    name: A\n", (4, 8), "'id' of a person is null: write one"),
    ("people:\n  - {id: a, name: null}\n", (4, 19), "'name' of person 'a' is null: write the "
     "person's name (an open position has 'vacant: true' and no name)"),
    ("roles:\n  - {id: x, level: }\n", (4, 20), "'level' of role 'x' is null: write one of"),
    # A required key spelt otherwise is one problem, the unknown key's, not also a missing key.
    ("people:\n  - {ID: a, name: A}\n", (4, 6),
     "unknown key 'ID' in a person; did you mean 'id'? (allowed: id, name,"),
    ("people:\n  - {id: a, Name: A}\n", (4, 13),
     "unknown key 'Name' in person 'a'; did you mean 'name'?"),
    ("people:\n  - {id: a, nmae: A}\n", (4, 13),
     "unknown key 'nmae' in person 'a'; did you mean 'name'?"),
    ("people:\n  - {id: a, name:Ada}\n", (4, 13), "unknown key 'name:Ada' in person 'a': a "
     "key needs a space after its ':', as in 'name: Ada'"),
    # (a ',' inside an unquoted value of a {...} mapping ends it: the rest is a key)
    ("people:\n  - {id: a, name: A, title: VP, Sales}\n", (4, 33),
     "unknown key 'Sales' in person 'a': if it goes on the 'title' before it (a ',' ends a "
     "value in {...}), put that value in quotes: title: \"VP, Sales\""),
    ("people:\n  - {id: a, name: A, title: VP, Sales: x}\n", (4, 33),
     "unknown key 'Sales' in person 'a' (allowed: id,"),
    ("people:\n  - {id: a, name: A, titel}\n", (4, 22),
     "unknown key 'titel' in person 'a'; did you mean 'title'?"),
    # (a person's key indented out of its entry, to the top of the file)
    ("people:\n- id: a\n  name: A\nreports_to: b\n", (6, 1), "'reports_to' is a key of a "
     "person, at the top of the file here: indent it as the keys of the entry above it are"),
    ("people:\n- id: a\n  name: A\ntitle: CEO\n", (6, 1), "'title' is a key of a person"),
    # (a misspelt `vacant` of an unnamed open position is one problem, not also a missing name)
    ("people:\n  - {id: a, title: PM, vaccant: true}\n", (4, 24),
     "unknown key 'vaccant' in person 'a'; did you mean 'vacant'?"),
    # (`vacant: yes` of an unnamed open position: one problem, saying what to write)
    ("people:\n  - {id: a, title: PM, vacant: yes}\n", (4, 32),
     "'vacant' of person 'a' must be true or false, not 'yes': write true"),
    ("people:\n  - {id: a, name: A, assistant: Off}\n", (4, 33),
     "'assistant' of person 'a' must be true or false, not 'Off': write false"),
    # (a line break in an id: an escape, `\N` (U+0085) among them, or a block of two lines)
    ('people:\n  - {id: "a\\Nb", name: A}\n', (4, 10),
     "'id' of a person holds a line break: write it on one line"),
    ('people:\n  - {id: a, name: A, reports_to: "b\\n"}\n', (4, 34),
     "'reports_to' of person 'a' holds a line break: write it on one line"),
    ("people:\n  - id: a\n    name: A\n    team: |\n      t\n      u\n", (6, 11),
     "'team' of person 'a' holds a line break: write it on one line"),
    ('people:\n  - {id: a, name: A, dotted_to: [b, "c\\L"]}\n', (4, 37),
     "'dotted_to' of person 'a' holds a line break: write it on one line"),
    ('teams:\n  - {id: t, lead: "a\\r"}\n', (4, 19),
     "'lead' of team 't' holds a line break: write it on one line"),
    ('teams:\n  - {id: t, parent: "u\\P"}\n', (4, 21),
     "'parent' of team 't' holds a line break: write it on one line"),
    ('people:\n  - {id: a, name: A, role: "pm\\n"}\n', (4, 28),
     "'role' of person 'a' holds a line break: write it on one line"),
    ("teams:\n  - {Id: t}\n", (4, 6), "unknown key 'Id' in a team; did you mean 'id'?"),
    ("roles:\n  - {id: x, Level: vp}\n", (4, 13),
     "unknown key 'Level' in role 'x'; did you mean 'level'?"),
    ("people:\n  - {id: a, name: A, Reports-To: b}\n", (4, 22),
     "unknown key 'Reports-To' in person 'a'; did you mean 'reports_to'?"),
    ("people:\n  - {id: a, name: A, vacant: maybe}\n", (4, 30),
     "'vacant' of person 'a' must be true or false, not 'maybe'"),
    ("people:\n  - {id: a, name: [A, B]}\n", (4, 19), "'name' of person 'a' must be text"),
    ("people:\n  - {id: a, name: A, dotted_to: {x: 1}}\n", (4, 33), "an id or a list of ids"),
    ("people: {a: 1}\n", (3, 9), "'people' must be a list"),
    ("people:\n  - just-a-string\n", (4, 5), "each entry of 'people' must be a mapping"),
    ("teams:\n  - {id: t, color: red}\n", (4, 20), "must be a hex color such as '#4C78A8'"),
    ("roles:\n  - {id: cos, level: boss}\n", (4, 22), "unknown level 'boss'"),
    ("roles:\n  - {id: x, level: SVP}\n", (4, 20),
     "unknown level 'SVP' of role 'x'; did you mean 'svp'? (levels: ceo, c-level, svp,"),
    ("roles:\n  - {id: x, level: evp}\n", (4, 20), "did you mean 'svp'?"),
    ("roles:\n  - {id: x, level: C-Suite}\n", (4, 20), "did you mean 'c-level'?"),
    ("roles:\n  - {id: x, level: Senior IC}\n", (4, 20), "did you mean 'senior-ic'?"),
    ("roles:\n  - {id: x, level: directr}\n", (4, 20), "did you mean 'director'?"),
    ("peeple: []\n", (3, 1), "unknown key 'peeple' in an org file; did you mean 'people'?"),
    ("people:\n  - {id: a, name: A}\nrules: [x]\n", (5, 8), "'rules' must be a mapping"),
    ("people:\n  - {id: '  ', name: A}\n", (4, 10), "'id' of a person is only whitespace"),
    # Characters a file may not hold raw may not come in through an escape either.
    ('people:\n  - {id: a, name: "N\\u0000ull"}\n', (4, 19),
     "'name' of person 'a' holds the control character U+0000 (written as an escape)"),
    ('people:\n  - {id: a, name: A, title: "W\\e[31m"}\n', (4, 29),
     "'title' of person 'a' holds the control character U+001B"),
    # (the C1 control characters too, as raw: "\x9b" is the one-character CSI of a terminal)
    ('people:\n  - {id: a, name: "A\\x9b[31m"}\n', (4, 19),
     "'name' of person 'a' holds the control character U+009B (written as an escape): remove it"),
    ('people:\n  - {id: a, name: A, title: "\\x80"}\n', (4, 29),
     "'title' of person 'a' holds the control character U+0080 (written as an escape)"),
    ('people:\n  - {id: "a\\u009f", name: A}\n', (4, 10),
     "'id' of person 'a\x9f' holds the control character U+009F (written as an escape)"),
    ("people:\n  - {id: a, name: A, fte: -0.5}\n", (4, 27), "'fte' of person 'a' must be a "
     "number of full-time equivalents such as 1, 0.6 or 12.5 (at most 100,000), not '-0.5'"),
    ("people:\n  - {id: a, name: A, fte: 1e3}\n", (4, 27), "not '1e3'"),
    ("people:\n  - id: a\n    name: A\n    fte: 0,6\n", (6, 10), "not '0,6'"),
    ("people:\n  - {id: a, name: A, fte: .nan}\n", (4, 27), "not '.nan'"),
    ("people:\n  - {id: a, name: A, fte: 100001}\n", (4, 27), "(at most 100,000), not '100001'"),
    ("people:\n  - {id: a, name: A, fte: [1]}\n", (4, 27), "not a list"),
    ("people:\n  - {id: a, name: A, fte: ' 2'}\n", (4, 27), "not ' 2'"),
]


@pytest.mark.parametrize(("body", "where", "message"), SCHEMA_CASES)
def test_schema_problems_are_kept_with_locations(org_file, body, where, message):
    org = load(org_file(body, header=True))
    assert [(p.line, p.col, p.level) for p in org.load_problems] == [(*where, "error")]
    assert message in org.load_problems[0].message


BLANK_CASES = [
    # A filled position needs a name; an empty one is no name (export would name it by id).
    ('people:\n  - {id: a, name: ""}\n', (4, 19), "'name' of person 'a' is empty: write "
     "the person's name (an open position has 'vacant: true' and no name)"),
    ("people:\n  - id: a\n    name: '  '\n", (5, 11), "'name' of person 'a' is only "
     "whitespace: write the person's name (an open position has 'vacant: true' and no name)"),
    ('people:\n  - {id: a, vacant: true, name: ""}\n', (4, 33), "'name' of person 'a' is "
     "empty: leave the key out (an open position needs no name)"),
    ('people:\n  - {id: a, name: A, title: ""}\n', (4, 29),
     "'title' of person 'a' is empty: write a value or leave the key out"),
    ('people:\n  - {id: a, name: A, location: "\\t\\u3000"}\n', (4, 32),
     "'location' of person 'a' is only whitespace: write a value or leave the key out"),
    ("people:\n  - {id: a, name: A, email: ' '}\n", (4, 29),
     "'email' of person 'a' is only whitespace: write a value or leave the key out"),
    ('people:\n  - {id: a, name: A, reports_to: ""}\n', (4, 34),
     "'reports_to' of person 'a' is empty: write a value or leave the key out"),
    ("people:\n  - {id: a, name: A, role: ' '}\n", (4, 28),
     "'role' of person 'a' is only whitespace: write a value or leave the key out"),
    ('people:\n  - {id: a, name: A, dotted_to: ""}\n', (4, 33),
     "'dotted_to' of person 'a' is empty: write a value or leave the key out"),
    ('teams:\n  - {id: t, name: ""}\npeople: []\n', (4, 19),
     "'name' of team 't' is empty: write a value or leave the key out"),
    ('roles:\n  - {id: r, level: ic, name: " "}\npeople: []\n', (4, 30),
     "'name' of role 'r' is only whitespace: write a value or leave the key out"),
]


@pytest.mark.parametrize(("body", "where", "message"), BLANK_CASES)
def test_blank_texts_are_errors_at_the_value(org_file, body, where, message):
    # No text of the format may be empty or only whitespace: a value is there or absent
    # (as in a CSV export, where an empty cell is an absent value). The entry still loads,
    # without the value.
    org = load(org_file(body, header=True))
    assert [(p.line, p.col, p.level, p.rule, p.message) for p in org.load_problems] == [
        (*where, "error", "schema", message)]
    for person in org.people:
        assert "" not in (person.name, person.title, person.location, person.email)
        assert person.roles == () and person.dotted_to == () and person.reports_to is None


def test_blank_org_header_values(org_file):
    org = load(org_file('orgviz: 1\norg: {name: " ", size: "", date: ""}\npeople: []\n'))
    assert [(p.line, p.col, p.message) for p in org.load_problems] == [
        (2, 13, "'name' of the org is only whitespace: write the org's name"),
        (2, 24, "'size' of the org is empty: write a value or leave the key out"),
        (2, 34, "'date' of the org is empty: write a value or leave the key out")]
    assert (org.name, org.size, org.date) == ("org", "mid-size", None)


def test_org_description_is_checked_as_text(org_file):
    # (It is not kept: charts and reports do not show it; but a blank or a list is an error,
    # as the schema says.)
    org = load(org_file('orgviz: 1\norg: {name: A, description: " "}\npeople: []\n'))
    assert [(p.line, p.col, p.message) for p in org.load_problems] == [
        (2, 29, "'description' of the org is only whitespace: write a value or leave the key "
         "out")]
    org = load(org_file("orgviz: 1\norg: {name: A, description: [a, b]}\npeople: []\n"))
    assert [(p.line, p.col, p.message) for p in org.load_problems] == [
        (2, 29, "'description' of the org must be text, not a list")]


def test_role_titles_are_phrases_in_messages(org_file):
    org = load(org_file('roles:\n  - {id: x, level: manager, titles: [""]}\n'
                        "  - {id: y, level: manager, titles: {a: b}}\npeople: []\n",
                        header=True))
    assert [(p.line, p.col, p.message) for p in org.load_problems] == [
        (4, 38, "'titles' of role 'x' must list phrases, not ''"),
        (5, 37, "'titles' of role 'y' must be a phrase or a list of phrases, not a mapping")]


def test_a_blank_text_among_many_entries(org_file):
    # (Entries without problems take a faster path, one-line mappings a faster reader.)
    lines = [f"  - {{id: p{i}, name: P{i}, reports_to: p0}}" for i in range(1, 300)]
    lines[150] = '  - {id: p151, name: P151, reports_to: p0, location: ""}'
    org = load(org_file("people:\n  - {id: p0, name: Boss}\n" + "\n".join(lines) + "\n",
                        header=True))
    assert [(p.line, p.message) for p in org.load_problems] == [
        (155, "'location' of person 'p151' is empty: write a value or leave the key out")]
    assert org.by_id["p151"].location is None


def test_escaped_tabs_and_printable_text_load(org_file):
    org = load(org_file('people:\n  - {id: a, name: "Tab\\there \\u00e9 \\u202e"}\n',
                        header=True))
    assert org.load_problems == ()
    assert org.people[0].name == "Tab\there \u00e9 \u202e"


def test_a_nel_escape_is_a_line_break_not_a_control_character(org_file):
    # (NEL, U+0085, is a C1 character but a line break of YAML: a text may hold one, as it
    # may "\n"; an id may not, as it may not hold "\n")
    org = load(org_file('people:\n  - {id: a, name: "Ada\\NObi", title: "x\\x85y"}\n'
                        '  - {id: "b\\N", name: B, reports_to: a}\n', header=True))
    assert org.people[0].name == "Ada\x85Obi" and org.people[0].title == "x\x85y"
    assert [(p.line, p.col, p.message) for p in org.load_problems] == [
        (5, 10, "'id' of a person holds a line break: write it on one line")]


def test_org_header_problems(org_file):
    org = load(org_file("orgviz: 1\norg: {name: A, size: huge}\npeople: []\n"))
    (problem,) = org.load_problems
    assert (problem.line, problem.col) == (2, 22)
    assert "unknown org size 'huge'" in problem.message


@pytest.mark.parametrize(("given", "meant"), [
    ("medium", "mid-size"), ("Large", "enterprise"), ("startup", "small"), ("Mid Size", "mid-size"),
    ("Small", "small"), ("enterprize", "enterprise")])
def test_another_word_for_a_size_suggests_the_size(org_file, given, meant):
    org = load(org_file(f"orgviz: 1\norg: {{name: A, size: {given}}}\npeople: []\n"))
    (problem,) = org.load_problems
    assert problem.message == (f"unknown org size '{given}'; did you mean '{meant}'? (sizes: "
                               "small, mid-size, enterprise)")


def test_custom_role_is_used_for_title_inference(org_file):
    org = load(org_file("""\
        roles:
          - {id: chief-of-staff, name: Chief of Staff, level: director, titles: [Chief of Staff]}
        people:
          - {id: a, name: A, title: Chief of Staff to the CPO}
        """, header=True))
    assert org.people[0].roles == ("chief-of-staff",)
    assert org.ladder.rank(org.people[0].roles) == 60


def test_merge_keys_fill_missing_fields(org_file):
    org = load(org_file("""\
        people:
          - &base {id: a, name: A, team: core, title: Engineer}
          - {<<: *base, id: b, name: B, reports_to: a}
        """, header=True))
    b = org.people[1]
    assert (b.id, b.team, b.title, b.reports_to) == ("b", "core", "Engineer", "a")


def test_includes_join_people_and_keep_their_file(org_file):
    org_file("orgviz: 1\npeople:\n  - {id: b, name: B, reports_to: a}\n", name="teams/b.yaml")
    top = org_file("orgviz: 1\norg: {name: T}\ninclude: [teams/b.yaml]\n"
                   "people:\n  - {id: a, name: A}\n")
    org = load(top)
    assert [p.id for p in org.people] == ["a", "b"]
    assert org.people[1].loc.file.endswith("teams/b.yaml") and org.people[1].loc.line == 3
    assert len(org.files) == 2


def test_roles_of_an_included_file_name_titles_in_every_file(org_file):
    org_file("orgviz: 1\nroles:\n"
             "  - {id: chief-of-staff, level: c-level, titles: ['chief of staff']}\n"
             "people:\n  - {id: b, name: B, title: Chief of Staff, reports_to: a}\n",
             name="roles.yaml")
    top = org_file("orgviz: 1\norg: {name: T}\ninclude: [roles.yaml]\npeople:\n"
                   "  - {id: a, name: A, title: CEO}\n"
                   "  - {id: c, name: C, title: Chief of Staff, reports_to: a}\n")
    org = load(top)
    assert [(p.id, p.roles, p.role_source) for p in org.people] == [
        ("a", ("ceo",), "title"), ("c", ("chief-of-staff",), "title"),
        ("b", ("chief-of-staff",), "title")]  # top file first, then the included one


def test_include_cycle_and_missing_include_are_reported(org_file, tmp_path, monkeypatch):
    org_file("orgviz: 1\ninclude: top.yaml\npeople: []\n", name="b.yaml")
    org_file("orgviz: 1\norg: {name: T}\ninclude: [b.yaml, nope.yaml]\npeople: []\n",
             name="top.yaml")
    monkeypatch.chdir(tmp_path)
    problems = load("top.yaml").load_problems
    messages = sorted((p.rule, p.message) for p in problems)
    assert messages == [("include", "include cycle: top.yaml -> b.yaml -> top.yaml"),
                        ("include", "included file 'nope.yaml' does not exist")]
    cycle = next(p for p in problems if "cycle" in p.message)
    assert cycle.file.endswith("b.yaml") and (cycle.line, cycle.col) == (2, 10)


def test_an_include_cycle_names_each_file_by_its_path(org_file, tmp_path, monkeypatch):
    """Files of one name in other folders: the cycle said 'top.yaml -> org.yaml -> org.yaml
    -> top.yaml', its bare file names."""
    org_file("orgviz: 1\norg: {name: T}\ninclude: x/org.yaml\npeople: []\n", name="top.yaml")
    org_file("orgviz: 1\ninclude: ../y/org.yaml\npeople: []\n", name="x/org.yaml")
    org_file("orgviz: 1\ninclude: ../top.yaml\npeople: []\n", name="y/org.yaml")
    monkeypatch.chdir(tmp_path.parent)
    [cycle] = [p for p in load(f"./{tmp_path.name}/top.yaml").load_problems
               if p.rule == "include"]
    folder = tmp_path.name
    assert (cycle.file, cycle.line, cycle.col) == (f"{folder}/y/org.yaml", 2, 10)
    assert cycle.message == (f"include cycle: ./{folder}/top.yaml -> {folder}/x/org.yaml -> "
                             f"{folder}/y/org.yaml -> ./{folder}/top.yaml")


def test_fte_is_a_number_of_full_time_equivalents(org_file) -> None:
    org = load(org_file("people:\n  - {id: a, name: Ann}\n"
                        "  - {id: b, name: Bo, reports_to: a, fte: 0.6}\n"
                        "  - {id: c, name: Cy, reports_to: a, fte: '12.5'}\n"
                        "  - {id: d, vacant: true, reports_to: a, fte: 0}\n"
                        "  - {id: e, name: Ed, reports_to: a, fte: 3.}\n", header=True))
    assert org.load_problems == ()
    assert [(p.fte, p.ftes) for p in org.people] == [
        (None, 1.0), (0.6, 0.6), (12.5, 12.5), (0.0, 0.0), (3.0, 3.0)]
    assert org.by_id["b"].at("fte") == SourceLoc(org.file, 5, 43)


def test_people_built_without_init_equal_dataclass_people(org_file) -> None:
    import dataclasses

    from orgviz.loadpeople import _new_person
    from orgviz.model import Person

    path = org_file("orgviz: 1\npeople:\n  - {id: a, name: Ann, title: CEO}\n"
                    "  - {id: b, name: Bo, title: Engineer, reports_to: a, dotted_to: [a],"
                    " fte: 0.5}\n")
    names = [f.name for f in dataclasses.fields(Person)]
    for person in load(path).people:
        values = [getattr(person, name) for name in names]  # every field is set
        assert person == Person(*values) and repr(person) == repr(Person(*values))
        assert _new_person(*values) == person


def test_a_huge_id_is_named_short_in_messages(org_file) -> None:
    from orgviz.validate import validate

    path = org_file("orgviz: 1\norg: {name: T, size: small}\npeople:\n"
                    f"  - {{id: {'a' * 10_000}, name: A}}\n")
    [problem] = [p for p in validate(load(path)) if p.rule == "schema"]
    assert (problem.line, problem.col) == (4, 10)
    assert problem.message == (f"'id' of person '{'a' * 59}…' is 10000 characters long; at "
                               "most 500 are allowed")


def test_an_entry_that_is_an_alias_of_another_is_an_error_where_the_alias_is(org_file):
    # (it was one person twice: 'duplicate person id' at the anchor's line, 'first used at'
    # the same line, and nothing at the alias)
    path = org_file("orgviz: 1\norg: {name: M, size: small}\nteams:\n  - &t {id: t, name: T}\n"
                    "  - *t\npeople:\n  - &p {id: a, name: A, title: CEO}\n"
                    "  - {id: b, name: B, title: CTO, reports_to: a}\n  - *p\n")
    org = load(path)
    assert [(p.line, p.col, p.level, p.rule, p.message) for p in org.load_problems] == [
        (5, 5, "error", "schema", "an entry of 'teams' is an alias of the entry at line 4: "
                                  "the same entry twice (write each out)"),
        (9, 5, "error", "schema", "an entry of 'people' is an alias of the entry at line 7: "
                                  "the same entry twice (write each out)")]
    assert [p.id for p in org.people] == ["a", "b"] and [t.id for t in org.teams] == ["t"]


def test_org_header_keys_at_the_top_say_where_they_belong(org_file):
    # ("unknown key 'name' in an org file" and "no 'org:' header" before: both true, neither
    # said what to do)
    org = load(org_file("orgviz: 1\nname: Acme\nsize: small\npeople:\n  - {id: a, name: A}\n"))
    assert [(p.line, p.col, p.rule, p.message) for p in org.load_problems] == [
        (2, 1, "schema", "'name' belongs in the org header: indent it under 'org:' "
                         "(org: {name: ...})"),
        (3, 1, "schema", "'size' belongs in the org header: indent it under 'org:' "
                         "(org: {size: ...})")]


def test_an_included_file_sends_org_and_rules_to_the_file_that_includes_it(org_file):
    # (said "unknown key 'org' ...; did you mean 'orgviz'?" and "'rules' ...; did you mean
    # 'roles'?")
    org_file("orgviz: 1\norg: {name: P}\nrules: {}\npeople: []\n", name="part.yaml")
    org = load(org_file("orgviz: 1\norg: {name: A}\ninclude: [part.yaml]\n"
                        "people:\n  - {id: a, name: A}\n"))
    assert [(p.line, p.message) for p in org.load_problems] == [
        (2, "'org' belongs in the org file that includes this one (an included file holds "
            "orgviz, roles, teams, people, include)"),
        (3, "'rules' belongs in the org file that includes this one (an included file holds "
            "orgviz, roles, teams, people, include)")]


@pytest.mark.parametrize(("key", "meant"), [("person", "people"), ("Employees", "people"),
                                            ("staff", "people"), ("team", "teams")])
def test_other_words_for_the_lists_of_an_org_file(org_file, key, meant):
    org = load(org_file(f"orgviz: 1\norg: {{name: A}}\n{key}: []\npeople:\n"
                        "  - {id: a, name: A}\n"))
    assert [p.message for p in org.load_problems] == [
        f"unknown key '{key}' in an org file; did you mean '{meant}'? (allowed: orgviz, org, "
        "roles, teams, people, rules, include)"]


def test_an_included_file_has_no_org_header_to_send_keys_to(org_file):
    org_file("orgviz: 1\nname: Part\npeople: []\n", name="part.yaml")
    org = load(org_file("orgviz: 1\norg: {name: A}\ninclude: [part.yaml]\n"
                        "people:\n  - {id: a, name: A}\n"))
    assert [(p.file.rsplit("/", 1)[-1], p.line, p.message) for p in org.load_problems] == [
        ("part.yaml", 2, "unknown key 'name' in an included file (allowed: orgviz, roles, "
                         "teams, people, include)")]


def test_the_org_header_names_its_other_words(org_file):
    org = load(org_file("orgviz: 1\norg: {name: A, company: Acme}\npeople:\n"
                        "  - {id: a, name: A}\n"))
    assert [(p.line, p.col, p.message) for p in org.load_problems] == [
        (2, 16, "unknown key 'company' in the org header; did you mean 'name'? (allowed: name, "
                "size, date, description)")]


def test_a_wrong_value_is_quoted_on_one_short_line(org_file):
    # (hypothesis found "'people' must be a list, not '\n'" with the line break in it)
    org = load(org_file("orgviz: 1\norg: {name: A}\npeople: \"\\n\"\n"))
    assert [p.message for p in org.load_problems] == [
        "'people' must be a list, not '\\u000A'"]
    long = "x" * 500
    org = load(org_file(f"orgviz: 1\norg: {{name: A}}\npeople: {long}\n"))
    assert [p.message for p in org.load_problems] == [
        f"'people' must be a list, not '{'x' * 77}...'"]


def test_an_unknown_key_with_a_line_break_is_named_on_one_line(org_file):
    org = load(org_file('orgviz: 1\norg: {name: A}\npeople:\n  - {id: a, name: A, "x\\ny": 1}\n'))
    assert [p.message.split(" (allowed")[0] for p in org.load_problems] == [
        "unknown key 'x\\u000Ay' in person 'a'"]


def test_a_misspelt_org_name_is_one_problem(org_file):
    org = load(org_file("orgviz: 1\norg: {Name: Acme}\npeople:\n  - {id: a, name: A}\n"))
    assert [(p.line, p.col, p.message) for p in org.load_problems] == [
        (2, 7, "unknown key 'Name' in the org header; did you mean 'name'? (allowed: name, "
               "size, date, description)")]


def test_a_missing_org_name_says_what_to_write(org_file):
    org = load(org_file("orgviz: 1\norg: {size: small}\npeople:\n  - {id: a, name: A}\n"))
    assert [(p.line, p.col, p.message) for p in org.load_problems] == [
        (2, 6, "the org has no 'name': write the org's name")]


def test_every_duplicate_key_is_reported_then_what_stopped_reading(org_file):
    # (only the first was: a file with three took three runs to fix)
    source = ("orgviz: 1\norg: {name: A}\npeople:\n  - id: a\n    name: A\n    name: B\n"
              "  - {id: b, name: B, reports_to: a, reports_to: c}\norg: {name: C}\n"
              "people: []\n  - {id: x\n")
    with pytest.raises(OrgLoadError) as info:
        load(org_file(source))
    assert [(p.line, p.col, p.rule, p.message) for p in info.value.problems] == [
        (6, 5, "duplicate-key", "duplicate key 'name' (first defined at line 5): YAML would "
                                "keep only one of them; delete one"),
        (7, 37, "duplicate-key", "duplicate key 'reports_to' (first defined at column 22 of "
                                 "this line): YAML would keep only one of them; delete one (a "
                                 "second manager goes in dotted_to)"),
        (8, 1, "duplicate-key", "duplicate key 'org' (first defined at line 2): YAML would keep "
                                "only one of them; delete one, or merge the two mappings"),
        (9, 1, "duplicate-key", "duplicate key 'people' (first defined at line 3): YAML would "
                                "keep only one of them; delete one, or merge the two lists"),
        (10, 3, "yaml-syntax", "YAML syntax error: did not find expected key in the mapping "
                               "that starts at line 1, column 1 (is this line indented as the "
                               "lines above it are?)"),
    ]


def test_a_file_without_an_org_header_says_what_to_add(org_file):
    org = load(org_file("orgviz: 1\npeople:\n  - {id: a, name: A}\n"))
    assert [(p.line, p.col, p.message) for p in org.load_problems] == [
        (1, 1, "the org file has no 'org:' header: add 'org: {name: ...}' (a part of a split "
               "org is checked through the file that includes it)")]


def test_a_null_org_name_is_reported_at_the_value(org_file):
    org = load(org_file("orgviz: 1\norg: {name: ~}\npeople:\n  - {id: a, name: A}\n"))
    assert [(p.line, p.col, p.message) for p in org.load_problems] == [
        (2, 13, "'name' of the org is null: write the org's name")]


def test_anchors_that_aliases_use_are_no_problem(org_file):
    org = load(org_file("orgviz: 1\norg: {name: A}\nteams:\n  - {id: t, name: &n Team T}\n"
                        "people:\n  - {id: a, name: A, title: &t Engineer, team: t}\n"
                        "  - {id: b, name: *n, title: *t, reports_to: a}\n"))
    assert org.load_problems == ()
    assert [(p.name, p.title) for p in org.people] == [("A", "Engineer"), ("Team T", "Engineer")]


def test_a_top_level_name_after_the_header_is_a_persons_key(org_file):
    org = load(org_file("people:\n- id: a\n  reports_to: b\nname: A\n", header=True))
    assert sorted((p.line, p.col, p.message) for p in org.load_problems) == [
        (4, 3, "person 'a' has no 'name': write the person's name (an open position has "
               "'vacant: true' and no name)"),
        (6, 1, "'name' is a key of a person, at the top of the file here: indent it as the keys "
               "of the entry above it are")]


def test_an_empty_org_header_is_reported_at_it(org_file):
    # (said "the org file has no 'org:' header" at 1:1, of a file with 'org:' on line 2)
    org = load(org_file("orgviz: 1\norg:\npeople:\n  - {id: a, name: A}\n"))
    assert [(p.line, p.col, p.message) for p in org.load_problems] == [
        (2, 5, "'org' is empty: write the org's name under it (org: {name: ...})")]


def test_a_repeated_role_id_is_reported_and_the_first_kept(org_file):
    # (the second silently replaced the first, titles and level)
    org_file("orgviz: 1\nroles:\n  - {id: cos, level: vp}\n", name="part.yaml")
    org = load(org_file("orgviz: 1\norg: {name: A}\ninclude: [part.yaml]\nroles:\n"
                        "  - {id: cos, name: Chief of Staff, level: director}\n"
                        "  - {id: cos, level: head}\npeople:\n  - {id: a, name: A, role: cos}\n"))
    assert [(p.file.rsplit("/", 1)[-1], p.line, p.col, p.message)
            for p in org.load_problems] == [
        ("org.yaml", 6, 10, "duplicate role id 'cos' (first defined at line 5): give each role "
                            "its own id, or merge the two"),
        ("part.yaml", 3, 10, f"duplicate role id 'cos' (first defined at line 5 of "
                             f"{org.file}): give each role its own id, or merge the two")]
    assert org.ladder.roles["cos"].level == "director"


def test_the_problems_that_stop_loading_come_in_file_order(org_file):
    with pytest.raises(OrgLoadError) as info:
        load(org_file("orgviz: 1\norg: {name: A}\npeople:\n  - {id: a, title: &x T}\n"
                      "  - {id: b, id: c}\n"))
    assert [(p.line, p.col, p.rule) for p in info.value.problems] == [
        (4, 20, "yaml-syntax"), (5, 13, "duplicate-key")]


def test_an_id_that_is_not_printable_but_on_one_line_is_an_id(org_file):
    # (a zero-width joiner is no line break: 👩‍💻 stays an id)
    org = load(org_file('people:\n  - {id: "\\U0001F469\\u200d\\U0001F4BB", name: A}\n',
                        header=True))
    assert org.load_problems == () and [p.id for p in org.people] == ["\U0001F469\u200d\U0001F4BB"]


@pytest.mark.parametrize("people", ["people:\n", "people: []\n", "people: ~  # none yet\n",
                                    "people:\n# - {id: ceo}\n"])
def test_an_empty_people_list_says_so_at_the_key(org_file, people):
    org = load(org_file(people, header=True))
    assert [(p.line, p.col, p.level, p.rule, p.message) for p in org.load_problems] == [
        (3, 1, "error", "schema", "'people' is empty: add the org's people under it, one "
         "entry each, as in '  - {id: ceo, name: Ada Obi}'")]
    # (validate says it once: the `root` rule leaves an org without people to it)
    assert [p.rule for p in validate(org)] == ["schema"]


def test_an_empty_people_list_of_a_part_is_no_problem_when_others_have_people(org_file):
    org_file("orgviz: 1\npeople:\n", name="part.yaml")
    org = load(org_file("include: part.yaml\npeople:\n  - {id: a, name: A}\n", header=True))
    assert org.load_problems == () and [p.id for p in org.people] == ["a"]


@pytest.mark.parametrize(("block", "text"), [
    ("|\n      Wizard\n", "Wizard"), (">\n      Chief\n      Wizard\n\n", "Chief Wizard"),
    ("|+\n      Wizard\n\n", "Wizard"), ("|-\n      Wizard\n", "Wizard"),
    ("|\r\n      Wizard\r\n", "Wizard"), ("|\n      Chief\n      Wizard\n", "Chief\nWizard")])
def test_a_block_of_text_drops_its_final_line_breaks(org_file, block, text):
    # (`title: |` kept 'Wizard\n': shown as 'Wizard\u000A' in messages, drawn oddly)
    org = load(org_file(f"people:\n  - id: a\n    name: A\n    title: {block}"
                        "    team: |\n      t\n", header=True))
    assert org.load_problems == ()
    [person] = org.people
    assert (person.title, person.team) == (text, "t")


TEAM_T = "teams:\n  - id: t\n    name: Eng\n"


@pytest.mark.parametrize(("body", "where", "level", "message"), [
    (TEAM_T + "    color: #4C78A8\npeople:\n  - {id: a, name: A}\n", (6, 12), "error",
     "'#4C78A8' starts a YAML comment, so 'color' reads as null: put the value in quotes "
     "(color: '#4C78A8')"),
    (TEAM_T + "    color:   #blue\npeople:\n  - {id: a, name: A}\n", (6, 14), "error",
     "'#blue' starts a YAML comment, so 'color' reads as null: put the value in quotes "
     "(color: '#blue')"),
    ("people:\n  - id: a\n    name: A\n    title: Engineer #2\n", (6, 21), "warning",
     "'#2' starts a YAML comment, so 'title' reads as 'Engineer': put the value in quotes if "
     "'#2' is part of it (title: 'Engineer #2')"),
    ("people:\n  - id: a\n    name: A\n    location: O'Hare  #3 (gate C)\n", (6, 23), "warning",
     "'#3 (gate C)' starts a YAML comment, so 'location' reads as 'O'Hare': put the value in "
     "quotes if '#3 (gate C)' is part of it (location: 'O''Hare #3 (gate C)')"),
    # (a required value taken: the comment is the one finding, not also "'name' ... is null")
    ("people:\n  - id: a\n    name: #1\n", (5, 11), "error",
     "'#1' starts a YAML comment, so 'name' reads as null: put the value in quotes "
     "(name: '#1')"),
])
def test_a_comment_that_takes_a_value_is_reported_at_its_hash(org_file, body, where, level,
                                                               message):
    org = load(org_file(body, header=True))
    assert [(p.line, p.col, p.level, p.rule, p.message) for p in org.load_problems] == [
        (*where, level, "yaml-syntax", message)]


@pytest.mark.parametrize("body", [
    TEAM_T + "    color: '#4C78A8'  # brand blue\n",  # (quoted; a comment with a space)
    TEAM_T + "    color: # none yet\n",
    TEAM_T + "    lead: a #TODO\n",  # (an id: a comment without a space is left alone)
    "people: #staff\n  - {id: a, name: A, title: \"Engineer #2\"}\n",
    "people:\n  - id: a\n    name: A\n    reports_to: b #1\n  - {id: b, name: B}\n",
    "people:\n  - id: a\n    name: A\n    title: |\n      Engineer\n      key: #2\n",
    "people:\n  - id: a\n    name: A #TODO check\n    title: Engineer  # 2nd shift\n",
])
def test_comments_that_are_comments_are_no_problem(org_file, body):
    people = "" if "people:" in body else "people:\n  - {id: a, name: A}\n"
    assert load(org_file(body + people, header=True)).load_problems == ()
