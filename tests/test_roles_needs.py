"""The strings each built-in title pattern needs (`orgviz.titleneeds`), derived from the patterns.

`orgviz.roles` compiles a title pattern only for a title that holds one of each of the
strings it needs. This module derives those strings from the patterns' parse trees and
checks that `orgviz/titleneeds.py` holds them; `python tests/test_roles_needs.py` writes it
again after a pattern changes (until then the changed pattern is compiled for every title
that reaches it: slower, never wrong).
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import textwrap
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

if sys.version_info >= (3, 11):
    from re import _constants as sre_constants
    from re import _parser as sre_parse
else:  # pragma: no cover (Python 3.10)
    import sre_constants
    import sre_parse

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

import orgviz
from orgviz import roles
from orgviz.roles import RoleLadder, _framed, _guarded, _holds, _Uncompiled
from orgviz.titleneeds import NEEDS

ROOT = Path(__file__).resolve().parents[1]
NEEDS_MODULE = ROOT / "src" / "orgviz" / "titleneeds.py"
#: The most strings a run of literals and alternatives is spelt out as, before it is split.
_MOST_SPELLINGS = 16
_REPEATS = (sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT,
            getattr(sre_constants, "POSSESSIVE_REPEAT", sre_constants.MAX_REPEAT))
Needs = tuple[tuple[str, ...], ...]
_STARTS = (sre_constants.AT_BEGINNING, sre_constants.AT_BEGINNING_STRING)
_ENDS = (sre_constants.AT_END, sre_constants.AT_END_STRING)
#: Characters a spelling leaves out: "^" and "$" mark where a string is in a text, and a
#: text is tested without a newline at its end (`$` matches before one).
_UNSPELT = {ord("^"), ord("$"), ord("\n")}


def _spellings(op: object, av: Any) -> set[str] | None:
    """Every string a node of a parse tree can match, when they are few and fixed, else None."""
    if op is sre_constants.LITERAL:
        return None if av in _UNSPELT else {chr(av)}
    if op is sre_constants.SUBPATTERN:
        _group, add_flags, del_flags, items = av
        return None if add_flags or del_flags else _sequence_spellings(items)
    if op is sre_constants.BRANCH:
        spelt: set[str] = set()
        for branch in av[1]:
            spellings = _sequence_spellings(branch)
            if spellings is None:
                return None
            spelt |= spellings
        return spelt if len(spelt) <= _MOST_SPELLINGS else None
    if op is sre_constants.IN:
        if all(o is sre_constants.LITERAL and a not in _UNSPELT for o, a in av):
            return {chr(a) for _, a in av}
        return None
    if op in _REPEATS and av[1] == 1:
        inner = _sequence_spellings(av[2])
        if inner is None:
            return None
        return inner | {""} if av[0] == 0 else inner
    return None


def _sequence_spellings(items: Any) -> set[str] | None:
    """Every string a sequence of nodes can match, when they are few and fixed, else None."""
    spelt = {""}
    for op, av in items:
        node = _spellings(op, av)
        if node is None or len(spelt) * len(node) > _MOST_SPELLINGS:
            return None
        spelt = {a + b for a in spelt for b in node}
    return spelt


def _fewest(strings: set[str] | frozenset[str]) -> frozenset[str]:
    """The strings without those that hold another of them (which that one's test covers)."""
    return frozenset(s for s in strings if not any(t != s and t in s for t in strings))


def _strength(strings: frozenset[str]) -> tuple[int, int]:
    """How rarely a title holds one of the strings: their shortest length, then fewest."""
    return min(map(len, strings)), -len(strings)


def _zero_width(op: object) -> bool:
    """Whether a node matches without consuming a character (an anchor, a lookaround)."""
    return op in (sre_constants.AT, sre_constants.ASSERT, sre_constants.ASSERT_NOT)


def _ends_text(items: Any, ends_text: bool) -> bool:
    """Whether the end of what matched before a sequence's nodes `items` (all or the last
    ones) is the text's end: they consume nothing and hold a `$`, or the text ends after
    them (`ends_text`)."""
    if not all(_zero_width(op) for op, _ in items):
        return False
    return ends_text or any(op is sre_constants.AT and av in _ENDS for op, av in items)


def _sequence_needs(items: Any, starts_text: bool = False, ends_text: bool = False
                    ) -> list[frozenset[str]]:
    """What any match of a sequence of nodes holds: one string of each set ("^x": the text
    starts with x, "x$": it ends with x, or with x and a newline). `starts_text`: the
    sequence is matched from the text's start (a search's is not: `^` says it is);
    `ends_text`: the text ends where the sequence does."""
    needs: list[frozenset[str]] = []
    run = {""}  # (the spellings of the fixed nodes since the last other one)
    run_starts_text, at_start = False, starts_text

    def end_run(rest: Any) -> None:
        if "" not in run:
            head = "^" if run_starts_text else ""
            tail = "$" if _ends_text(rest, ends_text) else ""
            needs.append(_fewest({f"{head}{s}{tail}" for s in run}))

    for at, (op, av) in enumerate(items):
        if op is sre_constants.AT and av in _STARTS:
            at_start = True
        node = _spellings(op, av)
        if node is not None:
            if run == {""}:
                run_starts_text = at_start
            if len(run) * len(node) <= _MOST_SPELLINGS:
                run = {a + b for a in run for b in node}
            else:
                end_run(items[at:])
                run, run_starts_text = node, False
            at_start = at_start and node == {""}
            continue
        end_run(items[at:])
        run = {""}
        if op is sre_constants.SUBPATTERN and not av[1] and not av[2]:
            needs += _sequence_needs(av[3], at_start, _ends_text(items[at + 1:], ends_text))
        elif op is sre_constants.BRANCH:
            branches = [_sequence_needs(branch, at_start, _ends_text(items[at + 1:], ends_text))
                        for branch in av[1]]
            if all(branches):  # (each branch's strongest set: one of them holds)
                needs.append(_fewest(frozenset().union(*(max(b, key=_strength)
                                                         for b in branches))))
        elif op in _REPEATS and av[0] >= 1:
            needs += _sequence_needs(av[2], False, False)
        if not _zero_width(op):
            at_start = False
    end_run(())
    return needs


def needs_of(source: str) -> Needs:
    """The strings a text must hold for a pattern to match it: one of each tuple, the rarest
    first (strings of one character left out: nearly every title holds them)."""
    parsed = sre_parse.parse(source)
    if parsed.state.flags & (re.IGNORECASE | re.VERBOSE | re.MULTILINE):
        return ()
    found = sorted({n for n in _sequence_needs(parsed.data)
                    if min(len(s.strip("^$")) for s in n) > 1},
                   key=lambda n: (_strength(n), sorted(n)), reverse=True)
    kept: list[frozenset[str]] = []
    for needs in found:  # (not a set that a kept one implies)
        if not any(all(any(s in t for s in needs) for t in k) for k in kept):
            kept.append(needs)
    return tuple(tuple(sorted(needs)) for needs in kept)


def builtin_patterns() -> list[tuple[str, str]]:
    """The built-in title patterns' sources, in matching order, as `orgviz.roles` searches
    them, with their role ids."""
    return [(_guarded(source)[0], role_id) for source, role_id in RoleLadder.build()._patterns]


def compiled_roles(ladder: RoleLadder) -> list[str]:
    """The role ids of a ladder's patterns compiled so far, in matching order."""
    return [role_id for search, role_id, _guard in ladder._searched
            if not isinstance(search, _Uncompiled)]


def needs_module_text() -> str:
    """The text of `orgviz/titleneeds.py` for the built-in patterns as they are."""
    lines = [
        '"""The strings each built-in title pattern of `orgviz.roles` needs in a title.',
        "",
        "Written by `python tests/test_roles_needs.py` from the patterns' parse trees (do not",
        "edit): a pattern whose source is not here (changed since) is compiled for every title",
        "that reaches it.",
        '"""',
        "",
        "#: A pattern's source (as searched) -> the strings a normalised title must hold for it to",
        "#: match: one of each tuple (\"^x\": x at its start, \"x$\": at its end). Keyed by the",
        "#: source itself: a file's own pattern (or one changed since) is never taken for another.",
        "NEEDS: dict[str, tuple[tuple[str, ...], ...]] = {",
    ]
    seen: set[str] = set()
    for source, role_id in builtin_patterns():
        if source in seen:
            continue
        seen.add(source)
        lines.extend(_key_lines(source, role_id))
        for strings in needs_of(source):
            lines.extend(_wrapped(strings))
        lines.append("    ),")
    lines.append("}")
    return "\n".join(lines) + "\n"


#: The longest line of `orgviz/titleneeds.py`.
_WIDTH = 100


def _key_lines(source: str, role_id: str) -> list[str]:
    """A pattern's source as the key of its entry, with its role id: on one line when it
    fits, else as literals of at most `_WIDTH` characters a line, one after another."""
    line = f"    {source!r}: (  # {role_id}"
    if len(line) <= _WIDTH:
        return [line]
    lines, chunk = [f"    (  # {role_id}"], ""
    for char in source:
        if len(f"        {chunk + char!r}") > _WIDTH:
            lines.append(f"        {chunk!r}")
            chunk = ""
        chunk += char
    return [*lines, f"        {chunk!r}", "    ): ("]


def _wrapped(strings: tuple[str, ...]) -> list[str]:
    """A tuple of strings as lines of the module (at most 100 characters each)."""
    lines, line = [], "        ("
    for string in strings:
        item = json.dumps(string) + ", "
        if len(line) + len(item) > 98:
            lines.append(line.rstrip())
            line = "         "
        line += item
    lines.append(line.rstrip().removesuffix(",") + ("," if len(strings) == 1 else "") + "),")
    return lines


@pytest.fixture
def no_pattern_compiled(monkeypatch: pytest.MonkeyPatch) -> None:
    """No built-in title pattern compiled yet, as in a new process."""
    monkeypatch.setattr(roles, "_COMPILED_BUILTINS", {})


def test_the_needs_module_is_current() -> None:
    assert NEEDS_MODULE.read_text(encoding="utf-8") == needs_module_text(), (
        "the title patterns changed: run `python tests/test_roles_needs.py`")


def test_every_builtin_pattern_has_its_needs(no_pattern_compiled: None) -> None:
    ladder = RoleLadder.build()
    ladder.infer("Zookeeper")
    needs = [search.needs for search, _role_id, _guard in ladder._searched
             if isinstance(search, _Uncompiled)]
    assert needs == [needs_of(source) for source, _role_id in builtin_patterns()]
    assert all(needs)  # (none is compiled for every title)


def test_a_title_is_framed_once_for_every_pattern_that_tests_it(
        no_pattern_compiled: None) -> None:
    # (each pattern not compiled yet framed the title again: 137 times for "Zookeeper")
    ladder = RoleLadder.build()
    _framed.cache_clear()
    ladder.infer("Zookeeper")
    tested = _framed.cache_info()
    assert (tested.misses, tested.hits > 100) == (1, True)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                  HealthCheck.filter_too_much])
@given(st.data())
def test_a_text_a_pattern_matches_holds_what_it_needs(data: st.DataObject) -> None:
    source, role_id = data.draw(st.sampled_from(builtin_patterns()))
    text = data.draw(st.from_regex(source)) + data.draw(st.sampled_from(["", "\n"]))
    assume(re.search(source, text))  # (a newline after a match at the end: `$` matches)
    needs = NEEDS[source]
    assert _holds(_framed(text), needs), (role_id, needs, text)


def test_a_string_needed_at_a_texts_start_or_end_is_there_only() -> None:
    lead, aide = (("^lead",),), (("s ea$", "s pa$"),)
    assert _holds(_framed("lead designer"), lead) and not _holds(_framed("team lead"), lead)
    assert _holds(_framed("director s pa"), aide) and _holds(_framed("director s pa\n"), aide)
    assert not _holds(_framed("director s pa team"), aide)
    assert needs_of(r"^lead\b") == (("^lead",),) and needs_of(r"\bs (pa|ea)$") == aide
    assert needs_of(r"(?m)^lead\b") == ()  # (`^` at any line's start)


def test_a_title_compiles_only_the_patterns_it_could_match(no_pattern_compiled: None) -> None:
    ladder = RoleLadder.build()
    assert ladder.infer("Zookeeper") is None
    assert len(ladder._searched) == 137 and compiled_roles(ladder) == []
    assert ladder.infer("Software Engineer") == "engineer"
    assert compiled_roles(ladder) == ["engineer"]
    assert ladder.infer("Senior Software Engineer") == "senior-engineer"
    assert compiled_roles(ladder) == ["senior-engineer", "engineer"]


def test_a_pattern_is_compiled_once_testing_titles_cost_what_compiling_does(
        no_pattern_compiled: None) -> None:
    source, role_id = builtin_patterns()[-1]  # (an IC's: "... staff")
    searched: list[tuple[Callable[[str], object], str, int]] = []
    searched.append((_Uncompiled(source, searched, 0), role_id, 0))
    search = searched[0][0]
    for _ in source:
        assert search("zookeeper") is None and searched[0][0] is search
    assert search("zookeeper") is None
    assert searched[0] == (re.compile(source).search, role_id, 0)


def test_a_ladder_searches_with_the_patterns_another_compiled(no_pattern_compiled: None
                                                              ) -> None:
    first, second = RoleLadder.build(), RoleLadder.build()
    assert first.infer("Software Engineer") == "engineer"
    assert second.infer("Zookeeper") is None
    assert compiled_roles(second) == ["engineer"]
    assert all(isinstance(search, _Uncompiled) for search, role_id, _guard in second._searched
               if role_id != "engineer")


def test_a_pattern_changed_since_the_needs_were_written_is_compiled_for_a_title(
        no_pattern_compiled: None) -> None:
    ladder = RoleLadder.build([])
    ladder._searched.append((_Uncompiled(r"\bzookeeper\b", ladder._searched, 0), "ic", 0))
    assert ladder._match("keeper") is None
    assert compiled_roles(ladder) == ["ic"]
    assert ladder._match("head zookeeper") == "ic"


if __name__ == "__main__":
    NEEDS_MODULE.write_text(needs_module_text(), encoding="utf-8")
    print(f"wrote {NEEDS_MODULE}")


def test_validating_a_small_org_compiles_few_of_the_patterns() -> None:
    """`orgviz validate orgs/small.yaml` (a pre-commit hook's run) compiles the title patterns
    its 21 titles could match, and none of those only titles of some shape need (a slash, an
    intern, a separator ...): in a process of its own, as the hook's is."""
    script = textwrap.dedent("""
        import sys
        import orgviz.roles as roles
        from orgviz.loader import load
        from orgviz.validate import validate
        org = load(sys.argv[1])
        validate(org)
        print(sum(not isinstance(search, roles._Uncompiled)
                  for search, _role_id, _guard in org.ladder._searched))
        print(" ".join(sorted(name for name, value in vars(roles).items()
                              if hasattr(value, "cache_info") and not value.cache_info().currsize)))
    """)
    src = Path(orgviz.__file__).resolve().parents[1]
    out = subprocess.run([sys.executable, "-c", script, str(ROOT / "orgs" / "small.yaml")],
                         env={**os.environ, "PYTHONPATH": str(src)}, capture_output=True,
                         text=True, check=True).stdout.split("\n")
    assert 0 < int(out[0]) <= 30
    assert out[1].split() == ["_ADMIN_END", "_ASSISTANT_FIRST", "_BARE_RANK", "_CHIEF_EXECUTIVE",
                              "_HR_EVP", "_INTERN_STAFF", "_OFFICER_OF", "_SLASHED_FUNCTION"]


def test_a_file_s_own_pattern_never_takes_a_builtin_s_needs(no_pattern_compiled: None) -> None:
    # (needs were looked up by the CRC-32 of a pattern's source: this title's pattern has that
    # of '^managing director$', took its needs, and so never matched its own title)
    title = "zookeeper acacaaacaccccacaccaaacccacacaaccaaaaaaaaaaaaaaaa"
    assert (zlib.crc32(rf"\bzookeeper\ {title[10:]}\b".encode())
            == zlib.crc32(b"^managing director$"))
    ladder = RoleLadder.build([roles.Role("keeper", "Keeper", "ic", (title,))])
    assert ladder.infer(title) == "keeper"
    assert ladder.infer("Managing Director") == "ceo"
