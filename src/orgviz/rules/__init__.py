"""The rule registry: one module per rule, each with ID, LEVEL, DEFAULTS and check()."""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterator, Mapping
from types import ModuleType
from typing import Any

from orgviz.model import Org
from orgviz.problem import SourceLoc

Finding = tuple[SourceLoc, str]
CheckFunction = Any  # Callable[[Org, Mapping[str, Any]], Iterator[Finding]]

# Module names in report order: structure first, then hierarchy, then shape.
RULE_MODULE_NAMES = (
    # structure: is the reporting graph well formed?
    "duplicate_id",
    "unknown_manager",
    "self_report",
    "cycle",
    "root",
    "unknown_dotted",
    "redundant_dotted",
    "unknown_team",
    "unknown_role",
    "unknown_title",
    "assistant_with_reports",
    # hierarchy: do the roles sit in a sensible order?
    "rank_inversion",
    "same_rank",
    "cpo_reports_to_ceo",
    "head_under_vp",
    "director_under_head",
    "vacant_manager",
    # shape: does the org fit its size profile?
    "span_of_control",
    "single_report",
    "layers",
    "profile_fit",
    # presentation: can a chart show what the file says?
    "team_color",
)


def _load_rules() -> dict[str, ModuleType]:
    modules = (importlib.import_module(f"orgviz.rules.{name}") for name in RULE_MODULE_NAMES)
    return {module.ID: module for module in modules}


RULES: dict[str, ModuleType] = _load_rules()


def summary(module: ModuleType) -> str:
    """The first line of a rule's docstring: its one-line description."""
    return (module.__doc__ or "").strip().splitlines()[0]


def defaults_for(module: ModuleType, size: str) -> dict[str, Any]:
    """A rule's option defaults for an org size profile."""
    options = dict(getattr(module, "DEFAULTS", {}))
    options.update(getattr(module, "PROFILE_DEFAULTS", {}).get(size, {}))
    return options


def run_check(module: ModuleType, org: Org, options: Mapping[str, Any]) -> Iterator[Finding]:
    """Run one rule's check over an org."""
    check: Callable[[Org, Mapping[str, Any]], Iterator[Finding]] = module.check
    return check(org, options)
