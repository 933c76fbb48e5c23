"""Project configuration: `[tool.orgviz]` in pyproject.toml or `.orgviz.yaml`."""

from __future__ import annotations

import os
import stat
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from orgviz.errors import ConfigError
from orgviz.model import RuleSetting
from orgviz.problem import SourceLoc, one_line

if TYPE_CHECKING:
    from orgviz.tomlplaces import TomlPlaces
    from orgviz.yamlread import YMap

CONFIG_FILES = (".orgviz.yaml", "pyproject.toml")
LEVEL_CHOICES = ("off", "error", "warning", "info")
#: Every word a rule's level is written in, in `.orgviz.yaml`, `[tool.orgviz.rules]` and an
#: org file's `rules:` alike, short (`rule: off`) or long (`rule: {level: off}`), in any
#: case: a level, or "on", the rule's own default level (TOML's true and false: on and off).
LEVEL_WORDS = {"off": "off", "disable": "off", "disabled": "off", "false": "off",
               "on": "on", "enable": "on", "enabled": "on", "true": "on",
               "error": "error", "warning": "warning", "info": "info"}
#: A configuration file is a few lines; anything bigger is not one (and is not read whole).
MAX_CONFIG_BYTES = 1024 * 1024
SHOWN_VALUE_CHARS = 40
#: Where orgviz's table is in a pyproject.toml: `[tool.orgviz]`.
ORGVIZ_TABLE = ("tool", "orgviz")


@dataclass(frozen=True)
class Config:
    """Project-wide rule settings (the per-file `rules:` block applies on top)."""

    source: str | None = None
    rule_settings: tuple[RuleSetting, ...] = field(default=())


def shown_value(value: Any) -> str:
    """A configured value as a message shows it: short, on one line, never a huge repr;
    as TOML and YAML write it (`true`, `null`, `2024-01-01`; a pyproject.toml's number, date
    or time as its text has it: `1e3`, `0x10`), not as Python does."""
    if isinstance(value, Mapping):
        return "a table"
    if isinstance(value, (list, tuple)):
        return "a list"
    from orgviz.tomlplaces import written_text

    text = one_line(written_text(value) or _as_written(value))
    if len(text) > SHOWN_VALUE_CHARS:
        text = text[:SHOWN_VALUE_CHARS - 1] + "…"
    return text


def _as_written(value: object) -> str:
    """A scalar as a configuration file writes it: text quoted, `true` and `false`, `null`,
    a TOML date, time or date-time in its ISO form, a number as it reads (`inf`, `1.5`)."""
    if isinstance(value, str):
        return f"'{value}'"
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return "null"
    isoformat = getattr(value, "isoformat", None)  # (a datetime date, time or datetime)
    if callable(isoformat):
        return str(isoformat())
    return repr(value)


def level_of(value: Any) -> str | None:
    """The level a rule's level word means ("off", "error", "warning", "info", or "on": the
    rule's default), a TOML boolean too; None for a value that is none of LEVEL_WORDS."""
    if isinstance(value, bool):
        return "on" if value else "off"
    return LEVEL_WORDS.get(value.lower()) if isinstance(value, str) else None


def where(loc: SourceLoc) -> str:
    """`file:line:col`, or just `file` where the line is not known (line 0: a Config made
    otherwise, or a TOML key the skimmer of tomlplaces could not place)."""
    return str(loc) if loc.line else loc.file


class _TomlLocs:
    """Where the keys and values under `[tool.orgviz]` of a pyproject.toml are written, as
    SourceLocs; line 0 (the file alone) where `places` do not know."""

    def __init__(self, source: str, places: TomlPlaces) -> None:
        self.source, self.places = source, places

    def key(self, *path: str) -> SourceLoc:
        """Where the key at `path` (under `[tool.orgviz]`) is written."""
        return SourceLoc(self.source, *(self.places.key(ORGVIZ_TABLE + path) or (0, 0)))

    def value(self, *path: str) -> SourceLoc:
        """Where the value at `path` (under `[tool.orgviz]`) is written."""
        return SourceLoc(self.source, *(self.places.value(ORGVIZ_TABLE + path) or (0, 0)))

    def as_written(self, value: Any, *path: str) -> Any:
        """The `value` at `path` (under `[tool.orgviz]`), keeping the text that writes it
        (`TomlPlaces.as_written`: for `shown_value`)."""
        return self.places.as_written((*ORGVIZ_TABLE, *path), value)

    def located(self, table: Mapping[str, Any], *path: str, depth: int = 1) -> YMap:
        """The TOML `table` at `path` as the YAML reader gives a mapping: a YMap that knows
        where its keys and values are written, its tables `depth` levels down too."""
        from orgviz.yamlread import YMap

        located = YMap(self.value(*path))
        for key, value in table.items():
            located[key] = (self.located(value, *path, key, depth=depth - 1)
                            if depth and isinstance(value, Mapping)
                            else self.as_written(value, *path, key))
            located.key_locs[key], located.value_locs[key] = (self.key(*path, key),
                                                              self.value(*path, key))
        return located


def _pyproject_settings(section: Any, at: _TomlLocs
                        ) -> tuple[tuple[RuleSetting, ...], list[tuple[SourceLoc, str]]]:
    """The rule settings of a `[tool.orgviz]` table and what is wrong with it, each problem
    at the key or value it is about (as `.orgviz.yaml`'s are)."""
    if not isinstance(section, Mapping):
        return (), [(at.value(), "[tool.orgviz] must be a table")]
    errors = _Errors()
    for key in section:
        if key != "rules":
            errors.error(at.key(str(key)), _unknown_setting(key, "[tool.orgviz.rules]"))
    rules = section.get("rules")
    if rules is not None and not isinstance(rules, Mapping):
        errors.error(at.value("rules"), f"'rules' must be a table of rule ids, "
                                        f"not {shown_value(at.as_written(rules, 'rules'))}")
        return (), errors.found
    from orgviz.loadsettings import RulesWording, rule_settings

    wording = RulesWording("a table of options", shown_value, "{rule} = {{ {option} = {value} }}")
    settings = []
    # (a rule's options table is located, its options' values are kept as TOML read them)
    for setting in rule_settings(at.located(rules or {}, "rules"), wording, errors):
        settings.append(setting)
        errors.found += _setting_errors([setting])  # (each rule's errors after its own)
    return tuple(settings), errors.found


def _setting_errors(settings: Sequence[RuleSetting]) -> list[tuple[SourceLoc, str]]:
    """Unknown rules and options and bad values among `settings` (`validate.setting_errors`;
    the rules are imported only for a configuration that sets any)."""
    if not settings:
        return []
    from orgviz.validate import setting_errors

    return setting_errors(settings)


def _read_bytes(path: Path) -> bytes:
    """A configuration file's bytes, read no further than MAX_CONFIG_BYTES."""
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
    return data


def _read_toml_text(path: Path) -> str:
    """A TOML file's text: UTF-8 (with or without a BOM), as TOML is."""
    try:
        return _read_bytes(path).decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ConfigError(f"{path}: cannot read: not UTF-8 text") from None


def _orgviz_table(path: Path) -> tuple[str, Any]:
    """A pyproject.toml's text and its `[tool.orgviz]` table (None where it has none)."""
    from orgviz.tomlplaces import tomllib

    text = _read_toml_text(path)
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(_toml_error(path, str(exc))) from None
    except RecursionError:  # (tomllib reads arrays and inline tables within each other so)
        raise ConfigError(f"{path}: invalid TOML: arrays or inline tables nested too deep to "
                          "read") from None
    tool = data.get("tool")
    return text, tool.get("orgviz") if isinstance(tool, Mapping) else None


def _toml_error(path: Path, message: str) -> str:
    """"pyproject.toml:1:19: invalid TOML: Expected ']' ...": where tomllib's message says
    the problem is, as every other problem's location is written."""
    import re

    at = re.search(r" \(at line (\d+), column (\d+)\)$", message)
    if at is None:
        return f"{path}: invalid TOML: {message}"
    return f"{path}:{at[1]}:{at[2]}: invalid TOML: {message[:at.start()]}"


def _read_pyproject(path: Path) -> Config | None:
    """The settings of a pyproject.toml's `[tool.orgviz]` (None where it has none); a
    ConfigError with each problem at its `file:line:col`, in file order."""
    from orgviz.tomlplaces import toml_places

    text, section = _orgviz_table(path)
    if section is None:
        return None
    settings, errors = _pyproject_settings(
        section, _TomlLocs(str(path), toml_places(text, ORGVIZ_TABLE)))
    _refuse(errors)
    return Config(str(path), settings)


def _unknown_setting(key: object, rules: str) -> str:
    """The message of a setting that is not `rules`: a rule id belongs under `rules`."""
    from orgviz.problem import did_you_mean
    from orgviz.rules import RULES  # (only for a message)

    if key in RULES:
        return f"'{key}' is a rule: put it under {rules}"
    return f"unknown orgviz setting '{key}'{did_you_mean(str(key), ['rules'])} (known: rules)"


class _Errors:
    """Collects the problems of a configuration file's `rules:` block, with their places
    (as the org loader's collector does for an org file)."""

    def __init__(self) -> None:
        self.found: list[tuple[SourceLoc, str]] = []

    def error(self, loc: SourceLoc, message: str, rule: str = "config") -> None:
        self.found.append((loc, message))


def _read_yaml_config(path: Path) -> Config:
    from orgviz.loadsettings import parse_rule_settings
    from orgviz.yamlread import YamlError, YMap, decode, read_yaml

    shown = str(path)
    try:  # (decoded as an org file is: UTF-16 or UTF-32 with a byte order mark too)
        doc = read_yaml(decode(_read_bytes(path), shown, "a configuration file"), shown)
    except YamlError as exc:
        if exc.rule == "schema" and not exc.more:  # (empty, or comments only: no settings)
            return Config(shown)
        raise ConfigError(*(f"{e.loc}: {e.message}" for e in exc.all())) from None
    if doc is None:
        return Config(shown)
    if not isinstance(doc, YMap):
        raise ConfigError(f"{shown}:1:1: a configuration file is a mapping with 'rules:'")
    if "orgviz" in doc:  # (an org file given as --config: one line, not one a key)
        raise ConfigError(f"{doc.key_locs['orgviz']}: this is an org file, not a configuration "
                          "(which holds 'rules:' only): name it as a file to check, or move "
                          "its 'rules:' into a configuration")
    errors = _Errors()
    for key in doc:
        if key != "rules":
            errors.error(doc.key_locs[key], _unknown_setting(key, "'rules:'"))
    settings = parse_rule_settings(doc.get("rules"), doc.value_locs.get("rules", doc.loc),
                                   errors)
    _refuse(errors.found + _setting_errors(settings))
    return Config(shown, settings)


def _refuse(errors: list[tuple[SourceLoc, str]]) -> None:
    """ConfigError with a configuration file's errors, in order of place (stable: errors at
    one place as found), when it has any."""
    if errors:
        errors.sort(key=lambda error: (error[0].line, error[0].col))
        raise ConfigError(*(f"{where(loc)}: {message}" for loc, message in errors))


def load_config(path: str | Path | None = None, start: str | Path = ".") -> Config:
    """Read the given config file, or find `.orgviz.yaml` / `pyproject.toml` in `start`.

    An invalid configuration raises ConfigError with every problem of the file: unknown
    settings, rules and options, bad levels and values. Its `lines` are one message each
    (`file:line:col: message` in file order, in pyproject.toml as in `.orgviz.yaml`) and
    `str()` of it is those lines joined by newlines. A file that
    cannot be read or parsed (YAML or TOML syntax, duplicate keys) is one line.
    """
    from orgviz.model import check_path

    check_path("load_config", "path", path, "a config file's path", optional=True)
    if path is None:  # (start is searched only without a path)
        check_path("load_config", "start", start, "a folder's path")
    if path is not None:
        path = Path(path)
        if _stat(path) is None:  # (a folder, a device or a pipe: _read_bytes says which)
            raise ConfigError(f"{path}: configuration file not found")
        if path.name.endswith(".toml"):
            found = _read_pyproject(path)
            if found is None:  # (given by name: a file that configures nothing is a slip)
                raise ConfigError(f"{path}: no [tool.orgviz] table: nothing for orgviz to "
                                  "read (put the rules under [tool.orgviz.rules])")
            return found
        return _read_yaml_config(path)
    folder = Path(start)
    yaml_file, pyproject = folder / CONFIG_FILES[0], folder / CONFIG_FILES[1]
    if os.path.lexists(yaml_file):  # (a folder, a pipe or a broken link: said, not skipped)
        if _is_file(pyproject) and configures_orgviz(pyproject):
            raise ConfigError(f"{yaml_file}: {pyproject} configures orgviz too "
                              "([tool.orgviz]); keep one of them (orgviz reads one)")
        return _read_yaml_config(yaml_file)
    return (_read_pyproject(pyproject) if _is_file(pyproject) else None) or Config()


def _stat(path: Path) -> os.stat_result | None:
    """A configuration file's status (None when nothing is there); a ConfigError naming it
    when it cannot be looked at (a folder on its way that may not be searched)."""
    try:
        return path.stat()
    except (FileNotFoundError, NotADirectoryError):
        return None
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read: {exc.strerror or exc}") from None


def _is_file(path: Path) -> bool:
    """Whether a regular file (or a link to one) stands at `path` (see `_stat`); a link
    that loops is none, as a dangling one is (a pyproject.toml is another tool's file too:
    orgviz skips it, as it did before it said a folder it may not search)."""
    try:
        found = _stat(path)
    except ConfigError:
        if os.path.islink(path) and not os.path.exists(path):  # (a loop of links)
            return False
        raise
    return found is not None and stat.S_ISREG(found.st_mode)


def configures_orgviz(pyproject: Path) -> bool:
    """Whether a pyproject.toml has a [tool.orgviz] table (False when it cannot be read:
    beside an .orgviz.yaml it is another tool's file to report)."""
    try:
        return _orgviz_table(pyproject)[1] is not None
    except ConfigError:
        return False


def whole_number(value: Any) -> int:
    """A configured count: an int or its text (`3`, `'3'`); ValueError else, for a float
    too (TOML's `3.0` or `1e3`, as `.orgviz.yaml`'s `3.0` is refused: a count is written
    as one)."""
    if isinstance(value, (bool, float)):
        raise ValueError("a whole number")
    try:
        return int(value)
    except (TypeError, ValueError, OverflowError):
        raise ValueError("a whole number") from None
