"""Property tests: arbitrary bytes and arbitrary YAML never crash the loader."""

from __future__ import annotations

import re
import string

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from orgviz.errors import OrgLoadError
from orgviz.loader import load
from orgviz.problem import Problem
from orgviz.validate import validate

FUZZ = settings(max_examples=100, deadline=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture])


def _load_or_problems(path) -> list[Problem]:
    """Load and validate; a fatal load problem is returned as a list too."""
    try:
        return validate(load(path))
    except OrgLoadError as exc:
        assert exc.problems, "an OrgLoadError must carry at least one problem"
        return exc.problems


def _lines(path) -> list[str]:
    """The file's lines as editors count them (its text as orgviz decodes it), or [] when it
    does not decode."""
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError:
        return []
    return re.split("\r\n|[\r\n]", text)


def _check_problems(problems: list[Problem], path) -> None:
    lines = _lines(path)
    for problem in problems:
        assert problem.file == str(path)
        assert problem.line >= 1 and problem.col >= 1
        if lines:  # (the problem is in the file: at most one column past a line's end)
            assert problem.line <= len(lines), problem
            assert problem.col <= len(lines[problem.line - 1]) + 1, problem
        assert problem.level in ("error", "warning", "info")
        assert "\n" not in problem.message and problem.message


@FUZZ
@given(data=st.binary(max_size=400))
def test_arbitrary_bytes_give_problems_not_tracebacks(tmp_path, data):
    path = tmp_path / "fuzz.yaml"
    path.write_bytes(b"orgviz: 1\n" + data)
    _check_problems(_load_or_problems(path), path)


_scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False),
                     st.text(max_size=20), st.sampled_from(["no", "on", "0123", "1e3", "~",
                                                            "2024-01-01", "reports_to", "id"]))
_keys = st.sampled_from(["id", "name", "title", "role", "reports_to", "dotted_to", "team",
                         "vacant", "assistant", "people", "teams", "org", "rules", "x",
                         "include"])
_values = st.recursive(_scalars, lambda inner: st.lists(inner, max_size=4)
                       | st.dictionaries(_keys, inner, max_size=4), max_leaves=20)


@FUZZ
@given(doc=st.dictionaries(_keys, _values, max_size=6))
def test_arbitrary_yaml_documents_give_problems_not_tracebacks(tmp_path, doc):
    path = tmp_path / "doc.yaml"
    path.write_text(yaml.safe_dump({"orgviz": 1, **doc}, allow_unicode=True))
    _check_problems(_load_or_problems(path), path)


@FUZZ
@given(text=st.text(alphabet=string.printable + "é漢😀\u202e\x85\u2028\u2029", max_size=300))
def test_arbitrary_text_after_header(tmp_path, text):
    path = tmp_path / "text.yaml"
    path.write_text("orgviz: 1\norg: {name: X}\n" + text, encoding="utf-8")
    _check_problems(_load_or_problems(path), path)


@FUZZ
@given(keys=st.lists(st.sampled_from(["id", "name", "reports_to", "x"]), min_size=1,
                     max_size=8), flow=st.booleans())
def test_every_repeated_key_is_reported_where_it_repeats(keys, flow):
    from orgviz.yamlread import YamlError, read_yaml

    if flow:  # (one {...} line: a repeat is at its own column)
        text = "m: {" + ", ".join(f"{k}: v{i}" for i, k in enumerate(keys)) + "}\n"
        starts = [5 + sum(len(f"{k}: v{i}, ") for i, k in enumerate(keys[:n]))
                  for n in range(len(keys))]
        places = [(1, col) for col in starts]
    else:
        text = "m:\n" + "".join(f"  {k}: v{i}\n" for i, k in enumerate(keys))
        places = [(n + 2, 3) for n in range(len(keys))]
    repeats = [place for n, place in enumerate(places) if keys[n] in keys[:n]]
    try:
        read_yaml(text, "f.yaml")
    except YamlError as exc:
        assert [(e.rule, e.loc.line, e.loc.col) for e in exc.all()] == [
            ("duplicate-key", *place) for place in repeats]
    else:
        assert repeats == []


_BREAK_ESCAPES = {"\n": "\\n", "\r": "\\r", "\x85": "\\N", "\u2028": "\\L", "\u2029": "\\P"}


@FUZZ
@given(key=st.sampled_from(["id", "reports_to", "team", "role", "dotted_to"]),
       before=st.text(alphabet="ab-", min_size=1, max_size=3),
       brk=st.sampled_from(sorted(_BREAK_ESCAPES)),
       after=st.text(alphabet="ab-", max_size=3), flow=st.booleans())
def test_an_id_holding_a_line_break_is_an_error_at_it(tmp_path, key, before, brk, after, flow):
    # (however the break is written, in a {...} line or a block mapping)
    value = f'"{before}{_BREAK_ESCAPES[brk]}{after}"'
    ident = value if key == "id" else "p"
    extra = "" if key == "id" else f", {key}: {value}"
    entry = (f"  - {{id: {ident}, name: A{extra}}}\n" if flow else
             f"  - id: {ident}\n    name: A\n" + (f"    {key}: {value}\n" if extra else ""))
    path = tmp_path / "org.yaml"
    path.write_text(f"orgviz: 1\norg: {{name: X}}\npeople:\n{entry}", encoding="utf-8")
    problems = [(p.line, p.rule, p.message) for p in load(path).load_problems]
    what = "a person" if key == "id" else "person 'p'"
    line = 4 if flow or key == "id" else 6
    assert problems == [(line, "schema",
                         f"'{key}' of {what} holds a line break: write it on one line")]


@FUZZ
@given(key=st.sampled_from(["name", "title", "location", "team", "reports_to"]),
       value=st.from_regex(r"[A-Za-z][A-Za-z ]{0,8}[a-z]", fullmatch=True).filter(
           lambda v: v.lower() != "null"),
       spaces=st.integers(1, 3), comment=st.text(alphabet="ab #2-", max_size=6),
       hash_space=st.booleans())
def test_a_comment_cuts_a_text_with_a_warning_only_where_it_starts_with_a_digit(
        tmp_path, key, value, spaces, comment, hash_space):
    # (`# note` and `#TODO` are comments; `#2` after a name or title is most likely text)
    comment = ("# " if hash_space else "#") + comment
    path = tmp_path / "org.yaml"
    named = "" if key == "name" else "    name: P\n"
    path.write_text(f"orgviz: 1\norg: {{name: X}}\npeople:\n  - id: p\n{named}"
                    f"    {key}: {value}{' ' * spaces}{comment}\n", encoding="utf-8")
    org = load(path)
    problems = [(p.line, p.col, p.level, p.rule) for p in org.load_problems]
    warned = not hash_space and comment[1:2].isdigit() and key in ("name", "title", "location")
    column = 4 + len(key) + 2 + len(value) + spaces + 1  # (of the "#")
    line = 5 if key == "name" else 6
    assert problems == ([(line, column, "warning", "yaml-syntax")] if warned else [])
    assert getattr(org.people[0], key) == value


@FUZZ
@given(lines=st.lists(st.from_regex(r"[A-Za-z][A-Za-z #:-]{0,8}[a-z]", fullmatch=True),
                      min_size=1, max_size=4),
       style=st.sampled_from(["|", "|-", "|+", ">", ">+"]), blank=st.integers(0, 2))
def test_a_block_of_text_reads_without_its_final_line_breaks(tmp_path, lines, style, blank):
    # (inside, a `|` block keeps its line breaks and a `>` block joins its lines with spaces)
    block = "".join(f"      {line}\n" for line in lines) + "\n" * blank
    path = tmp_path / "org.yaml"
    path.write_text("orgviz: 1\norg: {name: X}\npeople:\n  - id: p\n    name: P\n"
                    f"    title: {style}\n{block}", encoding="utf-8")
    org = load(path)
    joined = ("\n" if style.startswith("|") else " ").join(lines)
    assert org.load_problems == () and org.people[0].title == joined


@FUZZ
@given(before=st.integers(0, 3), after=st.integers(0, 3),
       items=st.lists(st.sampled_from(["a", "'b]'", '"c}"', "d e"]), max_size=3),
       key=st.sampled_from(["dotted_to", "role"]), spaces=st.integers(0, 2),
       comment=st.booleans())
def test_a_list_never_closed_is_named_where_it_starts(before, after, items, key, spaces,
                                                      comment):
    # (at the end of the file or before the next entry; brackets in quotes open nothing)
    from orgviz.yamlread import YamlError, read_yaml

    entries = [f"  - {{id: p{n}, name: \"[{n}\"}}\n" for n in range(before)]
    opened = f"  - {{id: x, name: X, {key}: [{' ' * spaces}{''.join(f'{i}, ' for i in items)}"
    entries.append(opened + (" # note\n" if comment else "\n"))
    entries += [f"  - {{id: q{n}, name: Q}}\n" for n in range(after)]
    text = "orgviz: 1\npeople:\n" + "".join(entries)
    try:
        read_yaml(text, "f.yaml")
    except YamlError as exc:
        line = 3 + before
        assert exc.message.endswith(
            f"(the [...] list that starts at line {line}, column {opened.index('[') + 1} is "
            "never closed: end it with ']', and the {...} mapping around it with '}')"), exc
    else:
        raise AssertionError("an unclosed list read")


@FUZZ
@given(char=st.characters(min_codepoint=0x10000, max_codepoint=0x10FFFF,
                          exclude_categories=("Cn", "Co")),
       before=st.text(alphabet="ab é", max_size=5))
def test_a_json_surrogate_pair_is_told_the_character_and_its_escape(before, char):
    # (json.dumps writes a character past U+FFFF as a surrogate pair, which YAML refuses)
    import json

    from orgviz.yamlread import YamlError, read_yaml

    written = json.dumps(before + char)  # ("ab \ud83d\ude00", with é as \u00e9)
    text = f"orgviz: 1\nname: {written}\n"
    try:
        read_yaml(text, "f.yaml")
    except YamlError as exc:
        assert (exc.loc.line, exc.loc.col) == (2, 7 + written.index(json.dumps(char)[1:-1]))
        assert exc.message.endswith(f"write the character itself, {char}, or "
                                    f"\\U{ord(char):08X})")
    else:
        raise AssertionError("a surrogate pair read")
    # (and what it says to write reads as that character)
    said = written.replace(json.dumps(char)[1:-1], f"\\U{ord(char):08X}")
    assert read_yaml(f"orgviz: 1\nname: {said}\n", "f.yaml")["name"] == before + char
