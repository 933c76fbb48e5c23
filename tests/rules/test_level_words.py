"""A rule's level words: one set, one meaning and one message in an org file's `rules:`,
`.orgviz.yaml` and `[tool.orgviz.rules]`, short (`rule: off`) and long (`{level: off}`)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from orgviz.config import Config, load_config
from orgviz.errors import ConfigError
from orgviz.loader import load
from orgviz.problem import Problem
from orgviz.schema import schema
from orgviz.validate import rule_confs

ORG = "orgviz: 1\norg: {name: T}\npeople:\n  - {id: a, name: A, role: pm}\n"
SOURCES = ("org file", ".orgviz.yaml", "pyproject.toml")
#: Where each source's value of `single-report` is written (the rule's on line 2 in each):
#: short form, long form.
VALUE_COLS = {"org file": (18, 26), ".orgviz.yaml": (18, 26), "pyproject.toml": (17, 26)}


def yaml_rules(word: str, long: bool) -> str:
    """A YAML `rules:` block setting single-report's level to `word`."""
    return f"rules:\n  single-report: {{level: {word}}}\n" if long else \
        f"rules:\n  single-report: {word}\n"


def toml_rules(word: str, long: bool) -> str:
    """`[tool.orgviz.rules]` setting single-report's level to `word` (a TOML string, but
    `true` and `false`, TOML's booleans, as they are written)."""
    value = word if word in ("true", "false") else f"'{word}'"
    return f"[tool.orgviz.rules]\nsingle-report = {{level = {value}}}\n" if long else \
        f"[tool.orgviz.rules]\nsingle-report = {value}\n"


def outcome(folder: Path, source: str, word: str, long: bool) -> str:
    """single-report's effective level with `word` set in `source`, or the one error said."""
    for name in ("org.yaml", ".orgviz.yaml", "pyproject.toml"):
        (folder / name).unlink(missing_ok=True)
    org_text, config = ORG, Config()
    if source == "org file":
        org_text = yaml_rules(word, long) + ORG
    else:
        path = folder / source
        path.write_text(yaml_rules(word, long) if source == ".orgviz.yaml"
                        else toml_rules(word, long), encoding="utf-8")
        try:
            config = load_config(path)
        except ConfigError as exc:
            return str(exc)
    (folder / "org.yaml").write_text(org_text, encoding="utf-8")
    org = load(folder / "org.yaml")
    problems: list[Problem] = []
    level = rule_confs(org, config, problems)["single-report"].level
    errors = [f"{p.file}:{p.line}:{p.col}: {p.message}"
              for p in (*org.load_problems, *problems) if p.rule == "config"]
    return errors[0] if errors else level


def refusal(folder: Path, source: str, word: str, long: bool, hint: str = "") -> str:
    """The message that refuses `word` in `source`, at its value."""
    name = "org.yaml" if source == "org file" else source
    col = VALUE_COLS[source][long]
    if long:
        return (f"{folder / name}:2:{col}: level of rule 'single-report' must be off, error, "
                f"warning or info, not '{word}'{hint}")
    options = "a table" if source == "pyproject.toml" else "a mapping"
    return (f"{folder / name}:2:{col}: rule 'single-report' takes off, error, warning, info "
            f"or {options} of options, not '{word}'{hint}")


#: The level words, as README's Configuration states them, and the level single-report
#: (whose own level is warning) gets from each.
LEVEL_WORDS = {"off": "off", "disable": "off", "disabled": "off", "false": "off",
               "on": "warning", "enable": "warning", "enabled": "warning", "true": "warning",
               "error": "error", "warning": "warning", "info": "info"}
ACCEPTED = [*LEVEL_WORDS.items(), ("OFF", "off"), ("Disabled", "off"), ("TRUE", "warning"),
            ("Info", "info")]


@pytest.mark.parametrize("long", [False, True], ids=["short", "long"])
@pytest.mark.parametrize("source", SOURCES)
@pytest.mark.parametrize(("word", "level"), ACCEPTED)
def test_every_level_word_means_the_same_everywhere(tmp_path, source, long, word, level):
    # (pyproject.toml took no `disabled`, `on`, `enable(d)`, 'true' or 'false', and in
    # `level = ...` neither `disable` nor true or false, which .orgviz.yaml takes)
    assert outcome(tmp_path, source, word, long) == level


@pytest.mark.parametrize("long", [False, True], ids=["short", "long"])
@pytest.mark.parametrize("source", SOURCES)
@pytest.mark.parametrize(("word", "hint"), [
    ("loud", ""), ("1", ""), ("yes", "; did you mean 'on'?"), ("no", "; did you mean 'off'?"),
    ("none", "; did you mean 'off'?"), ("warn", "; did you mean 'warning'?")])
def test_a_word_outside_the_set_is_refused_alike_everywhere(tmp_path, source, long, word, hint):
    # (YAML 1.1's yes and no are not level words: `no` was "did you mean 'info'?")
    assert outcome(tmp_path, source, word, long) == refusal(tmp_path, source, word, long, hint)


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(word=st.text(alphabet="abdeflnortuwFNO", min_size=1, max_size=8).filter(
    lambda word: word.lower() != "null"), long=st.booleans())  # (YAML's null: no level)
def test_any_word_has_one_outcome_in_all_three_sources(tmp_path, word, long):
    # (each message after its location; TOML's "a table" of options is YAML's "a mapping")
    said = [outcome(tmp_path, source, word, long).split(": ", 1)[-1].replace("a table",
                                                                           "a mapping")
            for source in SOURCES]
    level = LEVEL_WORDS.get(word.lower())
    if level is not None:
        assert said == [level] * 3
    else:
        assert said == [said[0]] * 3
        assert said[0].startswith(refusal(tmp_path, "org file", word, long).split(": ", 1)[1])


@pytest.mark.parametrize("source", [".orgviz.yaml", "pyproject.toml"])
@pytest.mark.parametrize(("rule", "configured", "default"),
                         [("single-report", "off", "warning"), ("root", "warning", "error")])
@pytest.mark.parametrize("on", ["on", "enabled", "true", "{level: enable}"])
def test_on_in_the_org_file_is_the_rule_s_default_whatever_the_project_made_it(
        tmp_path, source, rule, configured, default, on):
    # (`on` kept the project's level: `single-report: off` then `single-report: on` left it off)
    config = tmp_path / source
    config.write_text(f"[tool.orgviz.rules]\n{rule} = '{configured}'\n" if source ==
                      "pyproject.toml" else f"rules:\n  {rule}: {configured}\n", encoding="utf-8")
    (tmp_path / "org.yaml").write_text(f"{ORG}rules:\n  {rule}: {on}\n", encoding="utf-8")
    confs = rule_confs(load(tmp_path / "org.yaml"), load_config(config))
    assert confs[rule].level == default


def test_the_schema_takes_the_level_words():
    # (its `level` took only off, error, warning and info: an editor flagged `level: disable`)
    rules = schema()["properties"]["rules"]["additionalProperties"]["oneOf"]
    assert rules[0]["enum"] == list(LEVEL_WORDS) and rules[1] == {"type": "boolean"}
    assert rules[2]["properties"]["level"]["enum"] == [*LEVEL_WORDS, True, False]


def test_a_long_form_level_is_read_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch
                                        ) -> None:
    # (`{level: warning}` was looked up twice: to check it, then to keep it)
    from orgviz import loadsettings

    read: list[object] = []

    def counted(value: object) -> str | None:
        read.append(value)
        return loadsettings_level_of(value)

    loadsettings_level_of = loadsettings.level_of
    monkeypatch.setattr(loadsettings, "level_of", counted)
    (tmp_path / ".orgviz.yaml").write_text(
        "rules:\n  single-report: {level: warning}\n  layers: {level: loud, max: 4}\n",
        encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    with pytest.raises(ConfigError) as refused:  # (said as before)
        load_config(".orgviz.yaml")
    assert str(refused.value) == (".orgviz.yaml:3:19: level of rule 'layers' must be off, "
                                  "error, warning or info, not 'loud'")
    (tmp_path / ".orgviz.yaml").write_text("rules:\n  single-report: {level: warning}\n",
                                           encoding="utf-8")
    read.clear()
    setting, = load_config(str(tmp_path / ".orgviz.yaml")).rule_settings
    assert (setting.rule, setting.level, read.count("warning")) == ("single-report", "warning", 1)
