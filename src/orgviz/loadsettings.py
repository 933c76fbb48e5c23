"""The loader's reading of a `rules:` block (an org file's or a configuration's): rule id
-> off, a level or options; and the hints its messages give."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any, Protocol

from orgviz.config import LEVEL_CHOICES, level_of
from orgviz.loadfields import describe
from orgviz.model import RuleSetting
from orgviz.problem import SourceLoc, did_you_mean
from orgviz.yamlread import YMap


class ErrorSink(Protocol):
    """Where a `rules:` block's problems go: the org loader's `Collector`, or the errors of
    a configuration file."""

    def error(self, loc: SourceLoc, message: str, rule: str = ...) -> None: ...


@dataclass(frozen=True)
class RulesWording:
    """How a rules block's messages write its values: YAML's words, or TOML's."""

    #: What a rule takes besides a level: "a mapping of options", "a table of options".
    options: str
    #: How a value is quoted: `loadfields.describe`, `config.shown_value`.
    shown: Callable[[Any], str]
    #: A rule given its one option, as a str.format of rule, option and value.
    one_option: str


YAML_WORDING = RulesWording("a mapping of options", describe, "{rule}: {{{option}: {value}}}")


def parse_rule_settings(block: Any, loc: SourceLoc, out: ErrorSink) -> tuple[RuleSetting, ...]:
    """Read a `rules:` mapping (rule id -> off/level/options) without checking rule ids."""
    if block is None:
        return ()
    if not isinstance(block, YMap):
        out.error(loc, f"'rules' must be a mapping of rule ids, not {describe(block)}", "config")
        return ()
    return tuple(rule_settings(block, YAML_WORDING, out))


def rule_settings(block: YMap, wording: RulesWording, out: ErrorSink) -> Iterator[RuleSetting]:
    """The setting of each rule of a rules block (YAML's `rules:`, or pyproject.toml's
    `[tool.orgviz.rules]` as a YMap), in order, without checking rule ids; a value that is
    none a rule takes is said in `out` and gives no setting (a bad level: no level)."""
    for rule, value in block.items():
        key_loc, value_loc = block.key_locs[rule], block.value_locs[rule]
        if (level := level_of(value)) is not None:
            yield RuleSetting(rule, key_loc, level)
        elif isinstance(value, YMap):
            given = value.get("level")
            level = None if given is None else level_of(given)
            if given is not None and level is None:  # (its options are still checked)
                out.error(value.value_locs["level"], f"level of rule '{rule}' must be off, "
                          f"error, warning or info, not {wording.shown(given)}"
                          f"{level_hint(given)}", "config")
            options = {k: v for k, v in value.items() if k != "level"}
            yield RuleSetting(rule, key_loc, level, options,
                              {k: value.value_locs[k] for k in options})
        elif (unknown := unknown_rule(rule)) is not None:  # (its values mean nothing)
            out.error(key_loc, unknown, "config")
        else:
            out.error(value_loc, f"rule '{rule}' takes off, error, warning, info or "
                      f"{wording.options}, not {wording.shown(value)}"
                      f"{level_hint(value) or _option_hint(rule, value, wording)}", "config")


def unknown_rule(rule: str) -> str | None:
    """"unknown rule 'single_report'; did you mean 'single-report'?" for a rule id that is
    none of the rules', else None (said where a setting is dropped for its value, which is
    no fault of an unknown rule's: the id is the mistake)."""
    from orgviz.rules import RULES  # (only for a setting with a bad value)

    return None if rule in RULES else f"unknown rule '{rule}'{did_you_mean(rule, RULES)}"


#: Other words for the levels of a rule (`warn`), case folded.
_LEVEL_SPELLINGS = {"warn": "warning", "warnings": "warning", "errors": "error",
                    "err": "error", "fatal": "error", "ignore": "off", "none": "off",
                    "skip": "off", "no": "off", "yes": "on", "notice": "info",
                    "note": "info"}


def level_hint(value: Any) -> str:
    """"; did you mean 'warning'?" for a level spelt otherwise (`warn`, `ignore`), or ""."""
    if not isinstance(value, str):
        return ""
    meant = _LEVEL_SPELLINGS.get(value.casefold())
    return f"; did you mean '{meant}'?" if meant else did_you_mean(
        value.casefold(), LEVEL_CHOICES)


def _option_hint(rule: str, value: Any, wording: RulesWording) -> str:
    """"; did you mean layers: {max: 4}?" for a rule given a bare value of its one option
    (`layers: 4`), or ""."""
    option = sole_option(rule, value)
    if option is None:
        return ""
    return f"; did you mean {wording.one_option.format(rule=rule, option=option, value=value)}?"


def sole_option(rule: str, value: Any) -> str | None:
    """The one option of `rule` when it is a whole number and `value` (given where a level
    or a mapping of options belongs) is one: `layers: 4` means `layers: {max: 4}`; else
    None."""
    from orgviz.rules import RULES  # (only for a message)

    defaults = getattr(RULES.get(rule), "DEFAULTS", {})
    number = (str(int(value)) if isinstance(value, int) and not isinstance(value, bool)
              else value if type(value) is str else "")
    if len(defaults) != 1 or not number.isdigit():
        return None
    (option, default), = defaults.items()
    return option if type(default) is int else None
