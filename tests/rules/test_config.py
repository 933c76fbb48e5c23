"""Rule configuration: the per-file `rules:` block, .orgviz.yaml and pyproject.toml."""

from __future__ import annotations

import pytest

from orgviz.config import load_config
from orgviz.errors import ConfigError
from orgviz.loader import load
from orgviz.validate import validate

# 'boss' has three reports, one of them at the same rank as a PM; 'solo' is a second root.
ORG = """\
orgviz: 1
org: {name: T}
people:
  - {id: boss, name: Ada King, role: group-pm}
  - {id: a, name: A, role: pm, reports_to: boss}
  - {id: b, name: B, role: pm, reports_to: boss}
  - {id: c, name: C, role: pm, reports_to: a}
  - {id: solo, name: Solo, role: pm}
"""


def found(path, config=None) -> list[tuple[int, int, str, str]]:
    return [(p.line, p.col, p.level, p.rule) for p in validate(load(path), config)
            if p.rule not in ("profile-fit",)]


def test_defaults(org_file):
    assert found(org_file(ORG)) == [
        (5, 10, "warning", "single-report"),
        (7, 44, "warning", "same-rank"),
        (8, 10, "error", "root"),
    ]


def test_switch_a_rule_off_and_change_a_level(org_file):
    path = org_file(ORG + "rules:\n  single-report: off\n  same-rank: {level: error}\n")
    assert found(path) == [(7, 44, "error", "same-rank"), (8, 10, "error", "root")]


def test_level_words(org_file):
    path = org_file(ORG + "rules: {single-report: error, same-rank: disable, root: warning}\n")
    assert found(path) == [(5, 10, "error", "single-report"), (8, 10, "warning", "root")]


def test_change_an_option(org_file):
    path = org_file(ORG + "rules:\n  span-of-control: {max: 1}\n  root: {allow-forest: true}\n")
    assert found(path) == [
        (4, 10, "warning", "span-of-control"),
        (5, 10, "warning", "single-report"),
        (7, 44, "warning", "same-rank"),
    ]


def test_unknown_rule_and_unknown_option_are_config_errors_at_their_line(org_file):
    path = org_file(ORG + "rules:\n  span-of-contrl: {max: 3}\n  root: {allow-forests: true}\n"
                    "  layers: {max: many}\n")
    problems = [p for p in validate(load(path)) if p.rule == "config"]
    assert [(p.line, p.col, p.level) for p in problems] == [
        (10, 3, "error"), (11, 25, "error"), (12, 17, "error")]
    assert problems[0].message == ("unknown rule 'span-of-contrl'; did you mean "
                                   "'span-of-control'?")
    assert problems[1].message.startswith("unknown option 'allow-forests' for rule 'root'; "
                                          "did you mean 'allow-forest'?")
    assert "must be a whole number" in problems[2].message


def test_every_rule_can_be_switched_off(org_file):
    from orgviz.rules import RULES

    block = "".join(f"  {rule}: off\n" for rule in RULES)
    assert validate(load(org_file(ORG + "rules:\n" + block))) == []


@pytest.mark.parametrize(("name", "text"), [
    (".orgviz.yaml", "rules:\n  no-such-rule: off\n"),
    ("pyproject.toml", "[tool.orgviz.rules]\nno-such-rule = false\n"),
])
def test_unknown_rule_in_project_config_is_a_config_error(tmp_path, name, text):
    # (reported when the configuration is read, with its other problems: not per org file)
    (tmp_path / name).write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError, match="unknown rule 'no-such-rule'"):
        load_config(start=tmp_path)


def test_a_config_made_otherwise_is_checked_by_validate_with_every_problem(org_file):
    from orgviz.config import Config
    from orgviz.model import RuleSetting
    from orgviz.problem import SourceLoc

    at = SourceLoc("mine", 0, 0)
    config = Config("mine", (RuleSetting("no-such-rule", at, "off"),
                             RuleSetting("layers", at, None, {"max": "many"}, {"max": at})))
    with pytest.raises(ConfigError) as caught:
        validate(load(org_file(ORG)), config)
    assert caught.value.lines == (
        "mine: unknown rule 'no-such-rule'",
        "mine: option 'max' of rule 'layers' must be a whole number, not 'many'")
    assert str(caught.value) == "\n".join(caught.value.lines)


@pytest.mark.parametrize(("name", "text"), [
    (".orgviz.yaml", "rules:\n  root: {allow-forest: true}\n  single-report: off\n"),
    ("pyproject.toml", "[tool.orgviz.rules]\nroot = {allow-forest = true}\n"
                       "single-report = false\n"),
])
def test_project_config_applies_and_the_file_block_wins(tmp_path, org_file, name, text):
    (tmp_path / name).write_text(text, encoding="utf-8")
    config = load_config(start=tmp_path)
    assert found(org_file(ORG), config) == [(7, 44, "warning", "same-rank")]
    path = org_file(ORG + "rules: {root: {allow-forest: false}}\n")
    assert found(path, config) == [(7, 44, "warning", "same-rank"), (8, 10, "error", "root")]


def test_size_profile_changes_defaults(org_file):
    wide = "orgviz: 1\norg: {name: T, size: %s}\npeople:\n  - {id: boss, name: B}\n" + "".join(
        f"  - {{id: r{i}, name: R, reports_to: boss}}\n" for i in range(11))
    assert [p.rule for p in validate(load(org_file(wide % "mid-size")))
            if p.rule == "span-of-control"] == ["span-of-control"]
    assert [p.rule for p in validate(load(org_file(wide % "enterprise")))
            if p.rule == "span-of-control"] == []


@pytest.mark.parametrize(("rule", "value", "error"), [
    ("layers", 0, "a whole number of at least 1, not 0"),  # (was accepted: "0 levels")
    ("span-of-control", 0, "a whole number of at least 1, not 0"),
    ("span-of-control", -2, "a whole number of at least 1, not -2"),
    ("layers", 1, None),
])
def test_a_limit_below_its_least_is_a_config_error(org_file, rule, value, error):
    from orgviz.config import Config
    from orgviz.model import RuleSetting
    from orgviz.problem import SourceLoc

    at = SourceLoc("mine", 0, 0)
    config = Config("mine", (RuleSetting(rule, at, None, {"max": value}, {"max": at}),))
    if error is None:
        validate(load(org_file(ORG)), config)
        return
    with pytest.raises(ConfigError) as caught:
        validate(load(org_file(ORG)), config)
    assert caught.value.lines == (f"mine: option 'max' of rule '{rule}' must be {error}",)


def test_a_count_option_may_still_be_0(org_file):
    from orgviz.config import Config
    from orgviz.model import RuleSetting
    from orgviz.problem import SourceLoc

    at = SourceLoc("mine", 0, 0)
    config = Config("mine", (RuleSetting("profile-fit", at, None,
                                         {"mid-size-min-people": 0},
                                         {"mid-size-min-people": at}),))
    validate(load(org_file(ORG)), config)  # (no ConfigError)
    with pytest.raises(ConfigError) as caught:
        validate(load(org_file(ORG)), Config("mine", (RuleSetting(
            "profile-fit", at, None, {"mid-size-min-people": -1},
            {"mid-size-min-people": at}),)))
    assert caught.value.lines == ("mine: option 'mid-size-min-people' of rule 'profile-fit' "
                                  "must be a whole number of at least 0, not -1",)
