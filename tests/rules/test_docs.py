"""Every rule's docstring examples: the passing one passes, the failing one fails (at its line)."""

from __future__ import annotations

import re
import textwrap
from types import ModuleType

import pytest

from orgviz.loader import load
from orgviz.rules import RULES, summary
from orgviz.validate import validate

HEADER = "orgviz: 1\norg: {name: Example}\n"
HEADING = re.compile(r"^(Passes|Fails)\b(?:.*?line (\d+))?.*:$")


def examples(module: ModuleType) -> dict[str, tuple[str, int | None]]:
    """The 'Passes' and 'Fails' blocks of a docstring: YAML text and the stated line."""
    lines = (module.__doc__ or "").splitlines()
    found: dict[str, tuple[str, int | None]] = {}
    for index, line in enumerate(lines):
        match = HEADING.match(line)
        if not match:
            continue
        block = []
        for text in lines[index + 2:]:
            if text and not text.startswith("    "):
                break
            block.append(text)
        found[match.group(1)] = (textwrap.dedent("\n".join(block)).strip("\n") + "\n",
                                 int(match.group(2)) if match.group(2) else None)
    return found


def run(tmp_path, rule_id: str, source: str) -> tuple[list[int], int]:
    offset = 0 if source.startswith("orgviz:") else HEADER.count("\n")
    path = tmp_path / "example.yaml"
    path.write_text(source if offset == 0 else HEADER + source, encoding="utf-8")
    problems = validate(load(path))
    assert not [p for p in problems if p.rule in ("schema", "config", "yaml-syntax")], problems
    return [p.line - offset for p in problems if p.rule == rule_id], offset


@pytest.mark.parametrize("rule_id", list(RULES))
def test_docstring_has_summary_and_both_examples(rule_id):
    module = RULES[rule_id]
    assert summary(module).endswith("."), "the first line is a one-line description"
    assert set(examples(module)) == {"Passes", "Fails"}


@pytest.mark.parametrize("rule_id", list(RULES))
def test_passing_example_passes(tmp_path, rule_id):
    source, _line = examples(RULES[rule_id])["Passes"]
    assert run(tmp_path, rule_id, source)[0] == []


@pytest.mark.parametrize("rule_id", list(RULES))
def test_failing_example_fails_at_its_line(tmp_path, rule_id):
    source, line = examples(RULES[rule_id])["Fails"]
    lines, _offset = run(tmp_path, rule_id, source)
    assert lines, f"{rule_id}: the failing example raises no problem"
    if line is not None:
        assert lines == [line]


@pytest.mark.parametrize("rule_id", list(RULES))
def test_rule_contract(rule_id):
    module = RULES[rule_id]
    assert rule_id == module.ID
    assert module.LEVEL in ("error", "warning", "info")
    assert all(isinstance(v, (bool, int, float, str)) for v in module.DEFAULTS.values())
    for profile in getattr(module, "PROFILE_DEFAULTS", {}).values():
        assert set(profile) <= set(module.DEFAULTS)
