"""Project configuration: `[tool.orgviz]` in pyproject.toml or `.orgviz.yaml`."""

from __future__ import annotations

import math
import sys
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from orgviz.errors import ConfigError
from orgviz.model import RuleSetting
from orgviz.problem import SourceLoc, one_line

CONFIG_FILES = (".orgviz.yaml", "pyproject.toml")
LEVEL_CHOICES = ("off", "error", "warning", "info")
#: A configuration file is a few lines; anything bigger is not one (and is not read whole).
MAX_CONFIG_BYTES = 1024 * 1024
SHOWN_VALUE_CHARS = 40


@dataclass(frozen=True)
class Config:
    """Project-wide rule settings (the per-file `rules:` block applies on top)."""

    source: str | None = None
    rule_settings: tuple[RuleSetting, ...] = field(default=())


def shown_value(value: Any) -> str:
    """A configured value as a message shows it: short, on one line, never a huge repr."""
    if isinstance(value, Mapping):
        return "a table"
    if isinstance(value, (list, tuple)):
        return "a list"
    text = one_line(repr(value) if not isinstance(value, str) else f"'{value}'")
    if len(text) > SHOWN_VALUE_CHARS:
        text = text[:SHOWN_VALUE_CHARS - 1] + "…"
    return text


def where(loc: SourceLoc) -> str:
    """`file:line:col`, or just `file` where the line is not known (line 0: TOML)."""
    return str(loc) if loc.line else loc.file


def _from_mapping(rules: Any, source: str) -> tuple[RuleSetting, ...]:
    """Rule settings of a TOML `[tool.orgviz.rules]` table (TOML gives no locations)."""
    if rules is None:
        return ()
    if not isinstance(rules, Mapping):
        raise ConfigError(f"{source}: 'rules' must be a table of rule ids, "
                          f"not {shown_value(rules)}")
    settings = []
    loc = SourceLoc(source, 0, 0)
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
                                  f"{', '.join(LEVEL_CHOICES)}, not {shown_value(level)}")
            options = {str(k): v for k, v in value.items() if k != "level"}
            settings.append(RuleSetting(str(rule), loc, level.lower() if level else None,
                                        options, dict.fromkeys(options, loc)))
        else:
            raise ConfigError(f"{source}: rule '{rule}' takes off, error, warning, info or a "
                              f"table of options, not {shown_value(value)}")
    return tuple(settings)


def _read_text(path: Path) -> str:
    """A configuration file's text, read no further than MAX_CONFIG_BYTES."""
    from orgviz.orgfiles import FileTooBigError, NotRegularFileError, read_regular

    try:
        data = read_regular(path, MAX_CONFIG_BYTES)  # (a device or a named pipe: unread)
    except NotRegularFileError as exc:
        raise ConfigError(f"{path}: is not a regular file ({exc.kind})") from None
    except FileTooBigError:
        raise ConfigError(f"{path}: a configuration file of more than "
                          f"{MAX_CONFIG_BYTES // 1024} KiB is not one") from None
    except (OSError, ValueError) as exc:
        raise ConfigError(f"{path}: cannot read: {getattr(exc, 'strerror', None) or exc}"
                          ) from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ConfigError(f"{path}: cannot read: not UTF-8 text") from None


def _orgviz_table(path: Path) -> Any:
    """The `[tool.orgviz]` table of a pyproject.toml, or None."""
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - exercised on Python 3.10 only
        import tomli as tomllib
    try:
        data = tomllib.loads(_read_text(path))
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from None
    tool = data.get("tool")
    return tool.get("orgviz") if isinstance(tool, Mapping) else None


def _read_pyproject(path: Path) -> Config | None:
    section = _orgviz_table(path)
    if section is None:
        return None
    if not isinstance(section, Mapping):
        raise ConfigError(f"{path}: [tool.orgviz] must be a table")
    unknown = sorted(set(section) - {"rules"})
    if unknown:
        raise ConfigError(f"{path}: unknown orgviz setting '{unknown[0]}' (known: rules)")
    return Config(str(path), _from_mapping(section.get("rules"), str(path)))


class _FirstError:
    """Collects the rule-block problems of a configuration file; the first is raised."""

    def __init__(self) -> None:
        self.first: str | None = None

    def error(self, loc: SourceLoc, message: str, rule: str = "config") -> None:
        if self.first is None:
            self.first = f"{loc}: {message}"


def _read_yaml_config(path: Path) -> Config:
    from orgviz.loader import parse_rule_settings
    from orgviz.yamlread import YamlError, YMap, read_yaml

    shown = str(path)
    try:
        doc = read_yaml(_read_text(path), shown)
    except YamlError as exc:
        raise ConfigError(f"{exc.loc}: {exc.message}") from None
    if doc is None:
        return Config(shown)
    if not isinstance(doc, YMap):
        raise ConfigError(f"{shown}:1:1: a configuration file is a mapping with 'rules:'")
    for key in doc:
        if key != "rules":
            raise ConfigError(f"{doc.key_locs[key]}: unknown orgviz setting '{key}' "
                              "(known: rules)")
    errors = _FirstError()
    settings = parse_rule_settings(doc.get("rules"), doc.value_locs.get("rules", doc.loc),
                                   errors)  # type: ignore[arg-type]
    if errors.first is not None:
        raise ConfigError(errors.first)
    return Config(shown, settings)


def load_config(path: str | Path | None = None, start: str | Path = ".") -> Config:
    """Read the given config file, or find `.orgviz.yaml` / `pyproject.toml` in `start`."""
    if path is not None:
        path = Path(path)
        if not path.exists():  # (a folder, a device or a pipe: _read_text says which)
            raise ConfigError(f"{path}: configuration file not found")
        if path.name.endswith(".toml"):
            return _read_pyproject(path) or Config(str(path))
        return _read_yaml_config(path)
    folder = Path(start)
    yaml_file, pyproject = folder / CONFIG_FILES[0], folder / CONFIG_FILES[1]
    if yaml_file.is_file():
        if pyproject.is_file() and _configures_orgviz(pyproject):
            raise ConfigError(f"{yaml_file}: {pyproject} configures orgviz too "
                              "([tool.orgviz]); keep one of them (orgviz reads one)")
        return _read_yaml_config(yaml_file)
    return (_read_pyproject(pyproject) if pyproject.is_file() else None) or Config()


def _configures_orgviz(pyproject: Path) -> bool:
    """Whether a pyproject.toml has a [tool.orgviz] table (False when it cannot be read:
    beside an .orgviz.yaml it is another tool's file to report)."""
    try:
        return _orgviz_table(pyproject) is not None
    except ConfigError:
        return False


def whole_number(value: Any) -> int:
    """A configured count: an int, a float without fraction, or its text; ValueError else."""
    if isinstance(value, bool):
        raise ValueError("a whole number")
    if isinstance(value, float):
        if not math.isfinite(value) or not value.is_integer():
            raise ValueError("a whole number")
        return int(value)
    try:
        return int(value)
    except (TypeError, ValueError, OverflowError):
        raise ValueError("a whole number") from None
