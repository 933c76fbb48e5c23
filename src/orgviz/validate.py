"""Run the rules over an org, with levels and options from configuration."""

from __future__ import annotations

import math
import types
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from itertools import compress, count, islice
from operator import eq, itemgetter
from typing import Any

from orgviz.callmodule import stand_for
from orgviz.config import Config, shown_value, where, whole_number
from orgviz.errors import ConfigError, OrgLoadError
from orgviz.gcpause import cyclic_gc_paused
from orgviz.model import Org, RuleSetting, require_org, shown_argument
from orgviz.problem import Problem, SourceLoc, did_you_mean
from orgviz.rules import RULES, defaults_for


@dataclass(frozen=True)
class RuleConf:
    """A rule's effective level and options for one org."""

    level: str
    options: Mapping[str, Any]


def _convert(value: Any, default: Any, least: int = 0, most: float = math.inf) -> Any:
    """Convert a configured option value to the type of its default (a number: at least
    `least`; a decimal number at most `most` too)."""
    if isinstance(default, bool):
        if isinstance(value, bool):
            return value
        if isinstance(value, str) and value.lower() in ("true", "false"):
            return value.lower() == "true"
        raise ValueError("true or false")
    if isinstance(default, int):
        number = whole_number(value)
        if number < least:
            raise ValueError(f"a whole number of at least {least}")
        return number
    if isinstance(default, float):
        return _decimal(value, least, most)
    if isinstance(default, str):
        if not isinstance(value, str):
            raise ValueError("text")
        return value
    return value


def converted_option(rule: types.ModuleType, name: str, value: Any, default: Any) -> Any:
    """A configured value of a rule's option, converted to its default's type within the
    rule's bounds (its MINIMUMS and MAXIMUMS); ValueError saying what it must be else."""
    return _convert(value, default, getattr(rule, "MINIMUMS", {}).get(name, 0),
                    getattr(rule, "MAXIMUMS", {}).get(name, math.inf))


def _decimal(value: Any, least: float, most: float = math.inf) -> float:
    """A configured decimal number (`1.5`, `2`, `'1.25'`) from `least` to `most`; ValueError
    else."""
    try:
        number = float(value) if not isinstance(value, bool) else math.nan
    except (TypeError, ValueError):
        number = math.nan
    if not math.isfinite(number) or number < least:
        raise ValueError(f"a number of at least {least:g}")
    if number > most:
        raise ValueError(f"a number of at most {most:g}")
    return number


def _apply(settings: Iterable[RuleSetting], confs: dict[str, RuleConf],
           report: Callable[[SourceLoc, str], None]) -> None:
    """Apply settings to `confs` (level "on": the rule's default, whatever an earlier setting
    made it); `report(loc, message)` hears of each bad rule id, option or value, which is
    left out (the rest of the setting still applies)."""
    for setting in settings:
        rule = RULES.get(setting.rule)
        if rule is None:
            report(setting.loc,
                   f"unknown rule '{setting.rule}'{did_you_mean(setting.rule, RULES)}")
            continue
        conf = confs[setting.rule]
        options = dict(conf.options)
        for name, value in setting.options.items():
            if name not in options:
                known = ", ".join(options) or "none"
                report(setting.option_locs.get(name, setting.loc),
                       f"unknown option '{name}' for rule '{setting.rule}'"
                       f"{did_you_mean(name, options)} (options: {known})")
                continue
            try:
                options[name] = converted_option(rule, name, value, options[name])
            except ValueError as exc:
                report(setting.option_locs.get(name, setting.loc),
                       f"option '{name}' of rule '{setting.rule}' must be {exc}, "
                       f"not {shown_value(value)}")
        level = rule.LEVEL if setting.level == "on" else setting.level or conf.level
        confs[setting.rule] = RuleConf(level, options)


def _default_confs(size: str) -> dict[str, RuleConf]:
    return {rule_id: RuleConf(module.LEVEL, defaults_for(module, size))
            for rule_id, module in RULES.items()}


def setting_errors(settings: Iterable[RuleSetting]) -> list[tuple[SourceLoc, str]]:
    """What is wrong with rule settings of a project configuration, setting by setting:
    unknown rules and options, values of the wrong type (checked against the defaults of
    the mid-size profile: a profile changes option values, never their names or types)."""
    errors: list[tuple[SourceLoc, str]] = []
    _apply(settings, _default_confs("mid-size"),
           lambda loc, message: errors.append((loc, message)))
    return errors


def rule_confs(org: Org, config: Config | None = None,
               problems: list[Problem] | None = None) -> dict[str, RuleConf]:
    """Effective level and options of every rule: defaults < profile < project < file.

    A bad setting of `config` raises ConfigError (with every bad setting: `load_config`
    reports them when it reads the file; this is for a Config made otherwise); those of
    the org's own `rules:` block are problems, added to `problems`."""
    confs = _default_confs(org.size)
    if config is not None:
        errors: list[str] = []
        _apply(config.rule_settings, confs,
               lambda loc, message: errors.append(f"{where(loc)}: {message}"))
        if errors:
            raise ConfigError(*errors)
    found = problems if problems is not None else []
    _apply(org.rule_settings, confs,
           lambda loc, message: found.append(Problem.at(loc, "error", "config", message)))
    return confs


def validate(org: Org, config: Config | None = None) -> list[Problem]:
    """All problems of an org (load problems included), sorted by file, line and column;
    TypeError for anything but an Org (a path: `orgviz.load` it first).

    A part of a split org loaded alone (`org.part`: a file without an `org:` header) has
    its own problems only (its missing header, what the loader and its `rules:` block
    found), not the rules' findings on its people alone (managers in other files, an
    undeclared size): it is checked through the org that includes it."""
    require_org(org, "validate")
    require_config(config, "validate")
    with cyclic_gc_paused():  # a few tuples a finding, in no cycle
        return _validate(org, config)


def _validate(org: Org, config: Config | None) -> list[Problem]:
    problems = list(org.load_problems)
    confs = rule_confs(org, config, problems)
    found = [_NEW(Problem, problem) for problem in problems]
    if org.part:
        return _sorted_distinct(found)
    spans: dict[str, range] = {}  # where each rule's problems are in `found`
    for rule_id, module in RULES.items():
        conf = confs[rule_id]
        if conf.level != "off":
            start = len(found)
            found += rule_problems(module, org, conf.options, conf.level)
            spans[rule_id] = range(start, len(found))
    return _sorted_distinct(_without_superseded(org, found, spans))


_NEW = tuple.__new__  # _NEW(Problem, values): Problem(*values), without a Python-level call


def rule_problems(module: types.ModuleType, org: Org, options: Mapping[str, Any],
                  level: str) -> list[Problem]:
    """One rule's problems at `level`, unsorted: its own `problems()` where it has one (a rule
    with thousands of findings makes them directly), else a Problem for each finding of its
    check()."""
    made = getattr(module, "problems", None)
    if made is not None:
        return made(org, options, level)  # type: ignore[no-any-return]  # (a rule's)
    rule_id = module.ID
    return [_NEW(Problem, (file, line, col, level, rule_id, message))
            for (file, line, col), message in module.check(org, options)]


def repeated_id_errors(org: Org) -> list[Problem]:
    """The duplicate-id errors (in order of place) of an org where a person's or a team's id
    repeats; none when no id does."""
    if len(org.by_id) == len(org.people) and len(org.teams_by_id) == len(org.teams):
        return []
    return sorted(rule_problems(RULES["duplicate-id"], org, {}, "error"))


def require_unique_ids(org: Org) -> None:
    """Raise OrgLoadError with the duplicate-id errors (at their places) when a person's or a
    team's id repeats: counts, exports and comparisons by id would silently leave one out."""
    problems = repeated_id_errors(org)
    if problems:
        raise OrgLoadError(problems)


def whole_errors(org: Org) -> list[Problem]:
    """The org's load errors (a broken or missing included file, a `people:` that is no
    list, ...) and its duplicate-id errors, in order of place: none for an org that loaded
    whole, with distinct ids."""
    broken = [problem for problem in org.load_problems if problem.level == "error"]
    if not broken:
        return repeated_id_errors(org)
    return sorted([*broken, *repeated_id_errors(org)])


def require_whole(org: Org) -> None:
    """Raise OrgLoadError with the org's `whole_errors` when it has any: counts, exports and
    comparisons would silently leave people out."""
    problems = whole_errors(org)
    if problems:
        raise OrgLoadError(problems)


def require_config(value: object, function: str) -> Config | None:
    """`value` if it is a Config or None, else a TypeError telling the caller of
    `orgviz.<function>` how to make one."""
    if value is None or isinstance(value, Config):
        return value
    raise TypeError(f"orgviz.{function}()'s config must be a Config (orgviz.load_config() or "
                    f"orgviz.load_config(path)) or None, not {shown_argument(value)}")


#: How severe each level is (lower: more severe).
_SEVERITY = {"error": 0, "warning": 1, "info": 2}


def _without_superseded(org: Org, found: list[Problem],
                        spans: Mapping[str, range]) -> list[Problem]:
    """`found` without the problems a more specific rule's make redundant (one mistake, one
    finding): a rule's SUPERSEDES names the rules whose problems at the places its own
    problems stand, or its `covers(org)` gives, say the same less precisely.

    Only while the specific rule is on, at a level at least as severe as the other's: a
    rule switched off, or made a warning, never hides an error of another rule.
    """
    dropped: set[int] = set()
    for rule_id, own in spans.items():
        module = RULES[rule_id]
        places: set[tuple[str, int, int]] | None = None  # (made once, for the first it hides)
        for other in getattr(module, "SUPERSEDES", ()):
            theirs = spans.get(other)
            if not own or not theirs or (_SEVERITY[found[own.start].level]
                                         > _SEVERITY[found[theirs.start].level]):
                continue
            if places is None:
                places = {found[index][:3] for index in own}
                covers = getattr(module, "covers", None)
                if covers is not None:
                    places.update(map(tuple, covers(org)))
            dropped.update(index for index in theirs if found[index][:3] in places)
    if not dropped:
        return found
    return [problem for index, problem in enumerate(found) if index not in dropped]


_FILE = itemgetter(0)
_LINE = itemgetter(1)


def _sorted_distinct(problems: list[Problem]) -> list[Problem]:
    """The problems in order (file, line, column, level, rule, message), repeats dropped."""
    # Problems are made once, unsorted, not as tuples first: sorting them whole would be
    # slow (Problem defines __eq__, so sort() loses its fast path for plain tuples).
    # Sorting by line (ints), then stably by file, comes close: only problems on one line
    # can still be out of order, or repeats.
    problems.sort(key=_LINE)
    problems.sort(key=_FILE)
    lines = list(map(_LINE, problems))
    ties = compress(count(1), map(eq, lines, islice(lines, 1, None)))  # line as before
    runs: list[list[int]] = []  # [start, stop) of each run of problems on one line
    for index in ties:
        if runs and runs[-1][1] == index:
            runs[-1][1] = index + 1
        else:
            runs.append([index - 1, index + 1])
    for start, stop in reversed(runs):  # from the end: dropping repeats shifts what follows
        # Sorted as plain tuples (compared in C); repeats are equal neighbours then.
        problems[start:stop] = list(dict.fromkeys(sorted(problems[start:stop], key=tuple)))
    return problems


class _CallableModule(types.ModuleType):
    """`orgviz.validate` names this module and the `validate` function: calling it checks.

    Importing the module (as import_csv, render and the CLI do) makes it the `validate`
    attribute of `orgviz`, in place of the function the API gives under that name, so the
    module itself forwards calls to `validate()` (as `orgviz.render` does).
    """

    def __call__(self, org: Org, config: Config | None = None) -> list[Problem]:
        return validate(org, config)


# (`orgviz.validate` may be this module: it shows the function's signature and docstring)
stand_for(__name__, validate, _CallableModule)
