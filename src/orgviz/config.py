"""Project configuration: `[tool.orgviz]` in pyproject.toml or `.orgviz.yaml`."""

from __future__ import annotations

import sys
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from orgviz.errors import ConfigError
from orgviz.model import RuleSetting
from orgviz.problem import SourceLoc

CONFIG_FILES = (".orgviz.yaml", "pyproject.toml")
LEVEL_CHOICES = ("off", "error", "warning", "info")


@dataclass(frozen=True)
class Config:
    """Project-wide rule settings (the per-file `rules:` block applies on top)."""

    source: str | None = None
    rule_settings: tuple[RuleSetting, ...] = field(default=())


def _from_mapping(rules: Any, source: str) -> tuple[RuleSetting, ...]:
    if rules is None:
        return ()
    if not isinstance(rules, Mapping):
        raise ConfigError(f"{source}: 'rules' must be a table of rule ids")
    settings = []
    loc = SourceLoc(source, 1, 1)
    for rule, value in rules.items():
        if value is False or (isinstance(value, str) and value.lower() in ("off", "disable")):
            settings.append(RuleSetting(str(rule), loc, "off"))
        elif value is True:
            settings.append(RuleSetting(str(rule), loc, None))
        elif isinstance(value, str) and value.lower() in LEVEL_CHOICES:
            settings.append(RuleSetting(str(rule), loc, value.lower()))
        elif isinstance(value, Mapping):
            level = value.get("level")
            if level is not None and (not isinstance(level, str)
                                      or level.lower() not in LEVEL_CHOICES):
                raise ConfigError(f"{source}: level of rule '{rule}' must be one of "
                                  f"{', '.join(LEVEL_CHOICES)}, not {level!r}")
            options = {str(k): v for k, v in value.items() if k != "level"}
            settings.append(RuleSetting(str(rule), loc, level.lower() if level else None,
                                        options, dict.fromkeys(options, loc)))
        else:
            raise ConfigError(f"{source}: rule '{rule}' takes off, error, warning, info or a "
                              f"table of options, not {value!r}")
    return tuple(settings)


def _read_pyproject(path: Path) -> Config | None:
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - exercised on Python 3.10 only
        import tomli as tomllib
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read: {exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from None
    section = data.get("tool", {}).get("orgviz")
    if section is None:
        return None
    return _from_section(section, str(path))


def _from_section(section: Any, source: str) -> Config:
    if not isinstance(section, Mapping):
        raise ConfigError(f"{source}: the orgviz configuration must be a table")
    unknown = sorted(set(section) - {"rules"})
    if unknown:
        raise ConfigError(f"{source}: unknown orgviz setting '{unknown[0]}' (known: rules)")
    return Config(source, _from_mapping(section.get("rules"), source))


def _read_yaml_config(path: Path) -> Config:
    import yaml

    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read: {exc}") from None
    except yaml.YAMLError as exc:
        raise ConfigError(f"{path}: invalid YAML: {str(exc).splitlines()[0]}") from None
    return _from_section(data or {}, str(path))


def load_config(path: str | Path | None = None, start: str | Path = ".") -> Config:
    """Read the given config file, or find `.orgviz.yaml` / `pyproject.toml` in `start`."""
    if path is not None:
        path = Path(path)
        if not path.is_file():
            raise ConfigError(f"{path}: configuration file not found")
        if path.name.endswith(".toml"):
            return _read_pyproject(path) or Config(str(path))
        return _read_yaml_config(path)
    folder = Path(start)
    for name in CONFIG_FILES:
        candidate = folder / name
        if candidate.is_file():
            found = (_read_yaml_config(candidate) if name.endswith(".yaml")
                     else _read_pyproject(candidate))
            if found is not None:
                return found
    return Config()
