"""Title inference with its patterns compiled lazily, behind the strings each needs, gives the
role the straightforward reading gives: every pattern searched as written, in order.

Over every title of the tests' fixtures, orgs/*.yaml, the strings of the tests' own code and
the real exports in ../shared/data (when present), and generated titles made of the
patterns' words.
"""

from __future__ import annotations

import ast
import csv
import re
from collections.abc import Iterator
from functools import cache
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from orgviz.roles import DEFAULT_LADDER, Role, RoleLadder, normalise_title
from orgviz.titleneeds import NEEDS

ROOT = Path(__file__).resolve().parents[1]
SHARED_DATA = ROOT.parent / "shared" / "data"
#: CSV columns that hold titles (a header that names one of these).
_TITLE_COLUMNS = re.compile(r"title|position|job|grade|role", re.IGNORECASE)
#: A title line of a YAML file that is not valid YAML (a test's broken file).
_TITLE_LINE = re.compile(r"\btitle:\s*[\"']?([^\"'\n{}]+)")


class ReferenceLadder(RoleLadder):
    """A ladder that reads a title the straightforward way: each pattern searched as written
    (guards and all), in order, the first one that matches wins."""

    def _match(self, text: str) -> str | None:
        return next((role_id for source, role_id in self._patterns
                     if re.search(source, text)), None)


def reference_of(ladder: RoleLadder) -> ReferenceLadder:
    """The straightforward reading of a ladder's roles and patterns."""
    return ReferenceLadder(ladder.roles, ladder._patterns)


#: A ladder with roles of a file's own, which match titles before the built-in ones.
OWN_ROLES = RoleLadder.build([
    Role("tech-lead", "Tech Lead", "manager", ("Tech Lead", "Squad Lead"), "engineering"),
    Role("svp", "Senior VP", "svp", ("SVP", "Senior Vice President")),
    Role("vp-sales", "VP of Sales", "vp", ("VP Sales", "VP of Sales"), "sales"),
])


def _yaml_titles(path: Path) -> Iterator[str]:
    """The titles of an org file (its people's and its own roles'), however broken."""
    text = path.read_text(encoding="utf-8", errors="replace")
    try:
        documents = list(yaml.safe_load_all(text))
    except yaml.YAMLError:
        yield from (m.group(1).strip() for m in _TITLE_LINE.finditer(text))
        return
    stack: list[object] = documents
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            for key, value in node.items():
                if key in ("title", "titles"):
                    yield from (str(v) for v in (value if isinstance(value, list) else [value]))
                stack.append(value)
        elif isinstance(node, list):
            stack.extend(node)


def _csv_titles(path: Path) -> Iterator[str]:
    """The cells of a CSV export's title columns (job titles, positions, job codes, grades)."""
    text = path.read_text(encoding="utf-8-sig", errors="replace")
    delimiter = ";" if text.partition("\n")[0].count(";") > text.partition("\n")[0].count(",") \
        else ","
    for row in csv.DictReader(text.splitlines(), delimiter=delimiter):
        yield from (value for key, value in row.items()
                    if key and isinstance(value, str) and _TITLE_COLUMNS.search(key))


def _test_strings() -> Iterator[str]:
    """The short strings of the tests' own code (most of the titles they try)."""
    for path in sorted((ROOT / "tests").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) \
                    and 0 < len(node.value) <= 120:
                yield node.value


@cache
def project_titles() -> tuple[str, ...]:
    """Every title of the project's fixtures, example orgs and tests, once each, in order."""
    titles: dict[str, None] = {}
    for path in sorted([*(ROOT / "tests").rglob("*.yaml"), *(ROOT / "orgs").glob("*.yaml")]):
        titles.update(dict.fromkeys(_yaml_titles(path)))
    for path in sorted((ROOT / "tests").rglob("*.csv")):
        titles.update(dict.fromkeys(_csv_titles(path)))
    titles.update(dict.fromkeys(_test_strings()))
    return tuple(titles)


def _same_reading(ladder: RoleLadder, titles: tuple[str, ...]) -> None:
    """Each title reads as the straightforward reading of the ladder reads it."""
    reference = reference_of(ladder)
    fresh = RoleLadder(ladder.roles, ladder._patterns)  # (nothing compiled yet)
    differ = [(t, fresh.infer(t), reference.infer(t)) for t in titles
              if fresh.infer(t) != reference.infer(t)
              or fresh.with_reports(t) != reference.with_reports(t)]
    assert not differ, differ[:20]


def test_the_projects_titles_read_as_the_patterns_say() -> None:
    titles = project_titles()
    assert len(titles) > 3000
    _same_reading(DEFAULT_LADDER, titles)


def test_titles_read_as_the_patterns_say_with_roles_of_the_files_own() -> None:
    _same_reading(OWN_ROLES, project_titles())


@pytest.mark.skipif(not SHARED_DATA.is_dir(), reason="../shared/data is absent")
def test_the_real_exports_titles_read_as_the_patterns_say() -> None:
    titles: dict[str, None] = {}
    for path in sorted(SHARED_DATA.glob("*.csv")):
        titles.update(dict.fromkeys(_csv_titles(path)))
    assert len(titles) > 500
    _same_reading(DEFAULT_LADDER, tuple(titles))


#: The words of the strings the patterns need, and a few the patterns name in lookarounds.
_PATTERN_WORDS = sorted({word for needs in NEEDS.values() for strings in needs
                         for string in strings for word in string.split()}
                        | {"to", "the", "of", "s", "office", "intern", "assistant", "deputy",
                           "acting", "interim", "founder", "co", "staff", "team"})
_SEPARATORS = [" ", " ", " ", " ", ", ", " & ", " / ", " - ", "'s ", " (", ") ", " and ",
               " to the ", ": ", "-"]


@st.composite
def pattern_titles(draw: st.DrawFn) -> str:
    """A title of one to seven of the patterns' words, capitalised or not, with separators."""
    words = draw(st.lists(st.sampled_from(_PATTERN_WORDS), min_size=1, max_size=7))
    title = words[0]
    for word in words[1:]:
        title += draw(st.sampled_from(_SEPARATORS)) + word
    return draw(st.sampled_from([title, title.title(), title.upper()]))


@settings(max_examples=600, deadline=None)
@given(pattern_titles())
def test_generated_titles_read_as_the_patterns_say(title: str) -> None:
    reference = reference_of(DEFAULT_LADDER)
    assert DEFAULT_LADDER.infer(title) == reference.infer(title), title
    assert DEFAULT_LADDER.with_reports(title) == reference.with_reports(title), title
    text = normalise_title(title)
    assert DEFAULT_LADDER._match(text) == reference._match(text), text


@settings(max_examples=200, deadline=None)
@given(pattern_titles())
def test_generated_titles_read_as_the_patterns_say_with_roles_of_the_files_own(
        title: str) -> None:
    assert OWN_ROLES.infer(title) == reference_of(OWN_ROLES).infer(title), title
