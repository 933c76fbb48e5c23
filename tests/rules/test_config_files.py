"""Configuration files as bad input: bounded reading, locations, values and precedence."""

from __future__ import annotations

import subprocess
import sys

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from orgviz.config import MAX_CONFIG_BYTES, load_config
from orgviz.errors import ConfigError
from orgviz.loader import load
from orgviz.tomlplaces import tomllib
from orgviz.validate import validate

ORG = """\
orgviz: 1
org: {name: T}
people:
  - {id: boss, name: Ada King, role: group-pm}
  - {id: a, name: A, role: pm, reports_to: boss}
"""
BOMB = ("a: &a [x, x, x, x, x, x, x, x, x, x]\n"
        + "".join(f"{c}: &{c} [*{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}]\n"
                  for p, c in zip("abcdefgh", "bcdefghi", strict=True))
        + "rules: *i\n")


def config_error(tmp_path, name: str, text: str) -> str:
    (tmp_path / name).write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_config(start=tmp_path)
    message = str(caught.value)
    assert "\n" not in message and len(message) < 300
    return message


@pytest.mark.parametrize(("text", "where", "says"), [
    ("rules:\n  root: off\n  root: error\n", ":3:3: ", "duplicate key 'root'"),
    ("rules:\n  root: [off\n", ":3:1: ", "YAML syntax error"),
    ("rules:\n  root: {allow-forest: true}\n  x: " + "[" * 100 + "]" * 100 + "\n",
     ":3:", "nesting deeper than 64 levels"),
    (BOMB, ":", "aliases expand to more than"),
    ("rules:\n  root: {level: loud}\n", ":2:17: ", "level of rule 'root' must be off"),
    ("rules:\n  root: 3\n", ":2:9: ", "rule 'root' takes off, error, warning, info"),
    ("rules: {}\nrulez: {}\n", ":2:1: ", "unknown orgviz setting 'rulez'"),
    ("- rules\n", ":1:1: ", "a configuration file is a mapping"),
])
def test_yaml_config_problems_are_one_line_errors_at_their_place(tmp_path, text, where, says):
    message = config_error(tmp_path, ".orgviz.yaml", text)
    assert message.startswith(str(tmp_path / ".orgviz.yaml") + where), message
    assert says in message


def test_unknown_option_in_yaml_config_names_its_line(tmp_path):
    assert config_error(tmp_path, ".orgviz.yaml", "rules:\n  span-of-control: {mx: 3}\n") == (
        f"{tmp_path / '.orgviz.yaml'}:2:25: unknown option 'mx' for rule 'span-of-control'; "
        "did you mean 'max'? (options: max)")


def test_yaml_config_values_are_read_as_the_org_file_reads_them(tmp_path, org_file):
    (tmp_path / ".orgviz.yaml").write_text(
        "rules:\n  single-report: false\n  span-of-control: {max: '8'}\n  root: {level: info}\n")
    settings = {s.rule: (s.level, dict(s.options)) for s in
                load_config(start=tmp_path).rule_settings}
    assert settings == {"single-report": ("off", {}), "span-of-control": (None, {"max": "8"}),
                        "root": ("info", {})}
    assert [p.rule for p in validate(load(org_file(ORG)), load_config(start=tmp_path))
            if p.rule == "single-report"] == []


def test_a_huge_config_file_is_not_read_whole(tmp_path):
    text = "rules:\n" + "# padding\n" * (MAX_CONFIG_BYTES // 10 + 1)
    assert "a configuration file of more than 1024 KiB is not one" in config_error(
        tmp_path, ".orgviz.yaml", text)


@pytest.mark.parametrize(("value", "shown"), [
    ("2.5", "not 2.5"), ("inf", "not inf"), ("-inf", "not -inf"), ("nan", "not nan"),
    ("true", "not true"), ("false", "not false"), ('"many"', "not 'many'"),
    # (as TOML writes them: they were "not datetime.date(2024, 1, 1)", "not True" ...)
    ("2024-01-01", "not 2024-01-01"), ("2024-01-01T10:30:00", "not 2024-01-01T10:30:00"),
    ("1979-05-27T07:32:00-08:00", "not 1979-05-27T07:32:00-08:00"), ("07:32:00", "not 07:32:00"),
])
def test_toml_counts_must_be_whole_numbers(tmp_path, value, shown):
    assert config_error(tmp_path, "pyproject.toml",
                        f"[tool.orgviz.rules]\nspan-of-control = {{max = {value}}}\n") == (
        f"{tmp_path / 'pyproject.toml'}:2:26: option 'max' of rule 'span-of-control' must be "
        f"a whole number, {shown}")


def test_a_bad_level_or_rule_value_is_shown_as_toml_writes_it(tmp_path):
    path = tmp_path / "pyproject.toml"
    assert config_error(tmp_path, "pyproject.toml", "[tool.orgviz.rules]\nroot = 2024-01-01\n"
                        ) == (f"{path}:2:8: rule 'root' takes off, error, warning, info or a "
                              "table of options, not 2024-01-01")
    # (the level's words as .orgviz.yaml has them: it was "must be one of off, error, ...")
    # (`level = true` is a level now, the rule's default, as `level: true` in YAML)
    assert config_error(tmp_path, "pyproject.toml", "[tool.orgviz.rules]\nlayers = {level = "
                        "inf}\n") == (f"{path}:2:19: level of rule 'layers' must be off, "
                                      "error, warning or info, not inf")


def test_a_null_option_is_shown_as_yaml_writes_it(tmp_path, org_file):
    # (it was "not None")
    message = config_error(tmp_path, ".orgviz.yaml", "rules:\n  layers: {max: null}\n")
    assert message == (f"{tmp_path / '.orgviz.yaml'}:2:17: option 'max' of rule 'layers' must "
                       "be a whole number, not null")
    problems = validate(load(org_file(ORG + "rules:\n  layers: {max: ~}\n")))
    assert [p.message for p in problems if p.rule == "config"] == [
        "option 'max' of rule 'layers' must be a whole number, not null"]


def test_a_huge_value_is_shown_short(tmp_path):
    message = config_error(tmp_path, "pyproject.toml", "[tool.orgviz.rules]\nroot = "
                           "{allow-forest = \"" + "x" * 100_000 + "\"}\n")
    assert message.endswith("must be true or false, not '" + "x" * 38 + "…")


def test_a_huge_value_in_an_org_rules_block_is_shown_short(org_file):
    items = ", ".join(["1"] * 100_000)
    problems = validate(load(org_file(ORG + f"rules:\n  layers: {{max: [{items}]}}\n")))
    [problem] = [p for p in problems if p.rule == "config"]
    assert (problem.line, problem.col) == (7, 17)
    assert problem.message == "option 'max' of rule 'layers' must be a whole number, not a list"


def test_yaml_and_pyproject_configuring_orgviz_both_is_an_error(tmp_path):
    (tmp_path / "pyproject.toml").write_text("[tool.orgviz.rules]\nroot = false\n")
    message = config_error(tmp_path, ".orgviz.yaml", "rules: {root: error}\n")
    assert message == (f"{tmp_path / '.orgviz.yaml'}: {tmp_path / 'pyproject.toml'} configures "
                       "orgviz too ([tool.orgviz]); keep one of them (orgviz reads one)")


@pytest.mark.parametrize("pyproject", ["[project]\nname = 'x'\n", "not = [toml\n"])
def test_yaml_config_beside_another_tools_pyproject(tmp_path, pyproject):
    (tmp_path / "pyproject.toml").write_text(pyproject)
    (tmp_path / ".orgviz.yaml").write_text("rules: {root: error}\n")
    config = load_config(start=tmp_path)
    assert [(s.rule, s.level) for s in config.rule_settings] == [("root", "error")]


def test_cli_reports_a_bad_config_in_one_line_and_exits_2(tmp_path, org_file):
    org = org_file(ORG)
    (tmp_path / ".orgviz.yaml").write_text(BOMB)
    proc = subprocess.run([sys.executable, "-m", "orgviz", "validate", str(org)],
                          cwd=tmp_path, capture_output=True, text=True, timeout=60, check=False)
    assert proc.returncode == 2
    assert proc.stderr.count("\n") == 1 and "Traceback" not in proc.stderr
    assert ".orgviz.yaml:" in proc.stderr and "aliases expand" in proc.stderr


@pytest.mark.parametrize(("name", "kind"), [("pipe.yaml", "a named pipe"),
                                             ("pyproject.toml", "a named pipe"),
                                             ("/dev/zero", "a character device")])
def test_a_config_that_is_no_regular_file_is_named_as_such(tmp_path, name: str,
                                                           kind: str) -> None:
    # (it said 'configuration file not found' of a file that is there)
    import os

    path = tmp_path / name if not name.startswith("/") else name
    if kind == "a named pipe":
        os.mkfifo(path)
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    assert str(caught.value) == f"{path}: is not a regular file ({kind})"
    with pytest.raises(ConfigError, match=r"x\.yaml: configuration file not found$"):
        load_config(tmp_path / "x.yaml")


MISTAKES = """\
rules:
  span-of-control: {max: twelve}
  single_report: off
  layers: {level: warning, max_layers: 3}
  cycle: warn
"""


def validate_here(tmp_path, org_file, monkeypatch, *args: str):
    from click.testing import CliRunner

    from orgviz.cli import main

    monkeypatch.chdir(tmp_path)
    return CliRunner().invoke(main, ["validate", str(org_file(ORG)), *args])


def test_every_mistake_of_a_config_is_a_line_of_its_own_in_file_order(tmp_path, org_file,
                                                                       monkeypatch):
    (tmp_path / ".orgviz.yaml").write_text(MISTAKES, encoding="utf-8")
    result = validate_here(tmp_path, org_file, monkeypatch)
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr.splitlines() == [
        "orgviz: .orgviz.yaml:2:26: option 'max' of rule 'span-of-control' must be a whole "
        "number, not 'twelve'",
        "orgviz: .orgviz.yaml:3:3: unknown rule 'single_report'; did you mean "
        "'single-report'?",
        "orgviz: .orgviz.yaml:4:40: unknown option 'max_layers' for rule 'layers' "
        "(options: max)",
        "orgviz: .orgviz.yaml:5:10: rule 'cycle' takes off, error, warning, info or a "
        "mapping of options, not 'warn'; did you mean 'warning'?",
    ]


def test_the_api_raises_one_error_with_every_line(tmp_path):
    (tmp_path / ".orgviz.yaml").write_text("rulez: {}\n" + MISTAKES + "  root: {level: loud, "
                                           "allow-forest: maybe}\n", encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_config(start=tmp_path)
    lines = caught.value.lines
    shown = str(tmp_path / ".orgviz.yaml")
    assert [line.split(": ")[0] for line in lines] == [
        f"{shown}:{place}" for place in ("1:1", "3:26", "4:3", "5:40", "6:10", "7:17", "7:37")]
    assert lines[0].endswith("unknown orgviz setting 'rulez'; did you mean 'rules'? (known: rules)")
    assert lines[-2:] == (f"{shown}:7:17: level of rule 'root' must be off, error, warning or "
                          "info, not 'loud'",
                          f"{shown}:7:37: option 'allow-forest' of rule 'root' must be true or "
                          "false, not 'maybe'")
    assert str(caught.value) == "\n".join(lines)


def test_a_config_with_one_mistake_prints_as_before(tmp_path, org_file, monkeypatch):
    (tmp_path / ".orgviz.yaml").write_text("rules:\n  single_report: off\n", encoding="utf-8")
    result = validate_here(tmp_path, org_file, monkeypatch)
    assert result.exit_code == 2
    assert result.stderr == ("orgviz: .orgviz.yaml:2:3: unknown rule 'single_report'; did you "
                             "mean 'single-report'?\n")
    with pytest.raises(ConfigError) as caught:
        load_config(start=tmp_path)
    assert caught.value.lines == (str(caught.value),)


def test_a_config_that_does_not_parse_is_one_line(tmp_path, org_file, monkeypatch):
    (tmp_path / ".orgviz.yaml").write_text(MISTAKES + "  root: [off\n", encoding="utf-8")
    result = validate_here(tmp_path, org_file, monkeypatch)
    assert result.exit_code == 2 and result.stderr.count("\n") == 1
    assert result.stderr.startswith("orgviz: .orgviz.yaml:7:1: YAML syntax error")


def test_every_mistake_of_a_pyproject_table_is_reported(tmp_path, org_file, monkeypatch):
    (tmp_path / "pyproject.toml").write_text(
        "[tool.orgviz]\ncolour = 'x'\n[tool.orgviz.rules]\nlayers = {max = 'many'}\n"
        "root = true\nsingle_report = false\ncycle = 3\n", encoding="utf-8")
    result = validate_here(tmp_path, org_file, monkeypatch)
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        "orgviz: pyproject.toml:2:1: unknown orgviz setting 'colour' (known: rules)",
        "orgviz: pyproject.toml:4:17: option 'max' of rule 'layers' must be a whole number, "
        "not 'many'",
        "orgviz: pyproject.toml:6:1: unknown rule 'single_report'; did you mean "
        "'single-report'?",
        "orgviz: pyproject.toml:7:9: rule 'cycle' takes off, error, warning, info or a table of "
        "options, not 3",
    ]


def test_an_unreadable_config_is_one_line(tmp_path, org_file, monkeypatch):
    # (decoded as an org file is: the bad byte's place, not "cannot read: not UTF-8 text")
    (tmp_path / "bad.yaml").write_bytes(b"rules:\n  root: \xff\n  x: y\n")
    result = validate_here(tmp_path, org_file, monkeypatch, "--config", "bad.yaml")
    assert result.exit_code == 2
    assert result.stderr == ("orgviz: bad.yaml:2:9: invalid UTF-8 byte 0xff: save the file as "
                             "UTF-8\n")


def test_a_control_character_in_a_config_is_said_of_a_configuration_file(tmp_path, org_file,
                                                                         monkeypatch):
    """It said "is not allowed in an org file" of .orgviz.yaml."""
    (tmp_path / ".orgviz.yaml").write_bytes(b"rules:\n  single-report: off\x07\n")
    result = validate_here(tmp_path, org_file, monkeypatch)
    assert result.exit_code == 2
    assert result.stderr == ("orgviz: .orgviz.yaml:2:21: control character U+0007 is not "
                             "allowed in a configuration file: remove it\n")


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-be", "utf-32", "utf-8-sig"])
def test_a_yaml_config_is_decoded_as_an_org_file_is(tmp_path, org_file, monkeypatch, codec):
    # (a UTF-16 .orgviz.yaml with a byte order mark was "cannot read: not UTF-8 text", though
    # an org file so saved loads)
    bom = "\ufeff" if codec == "utf-16-be" else ""  # (utf-16 and utf-32 write their own)
    text = bom + "rules:\n  single-report: off\n  profile_fit: off\n"
    (tmp_path / ".orgviz.yaml").write_bytes(text.encode(codec))
    result = validate_here(tmp_path, org_file, monkeypatch)
    assert result.exit_code == 2
    assert result.stderr == ("orgviz: .orgviz.yaml:3:3: unknown rule 'profile_fit'; did you "
                             "mean 'profile-fit'?\n")
    (tmp_path / ".orgviz.yaml").write_bytes(text.replace("_", "-").encode(codec))
    result = validate_here(tmp_path, org_file, monkeypatch)
    assert (result.exit_code, result.output) == (0, "1 file checked: no problems\n")
    (tmp_path / ".orgviz.yaml").unlink()  # (the warning the configuration turns off)
    assert "warning [profile-fit]" in validate_here(tmp_path, org_file, monkeypatch).output


def test_a_yaml_config_in_utf16_without_a_byte_order_mark_is_told_to_be_utf8(
        tmp_path, org_file, monkeypatch):
    (tmp_path / ".orgviz.yaml").write_bytes("rules:\n  root: off\n".encode("utf-16-le"))
    result = validate_here(tmp_path, org_file, monkeypatch)
    assert result.exit_code == 2
    assert result.stderr == ("orgviz: .orgviz.yaml:1:1: the file looks like UTF-16 without a "
                             "byte order mark (every other byte is 0): save it as UTF-8\n")


def test_a_pyproject_is_utf8_as_toml_is(tmp_path, org_file, monkeypatch):
    (tmp_path / "pyproject.toml").write_bytes(
        "[tool.orgviz.rules]\nroot = 'off'\n".encode("utf-16"))
    result = validate_here(tmp_path, org_file, monkeypatch)
    assert result.exit_code == 2
    assert result.stderr == "orgviz: pyproject.toml: cannot read: not UTF-8 text\n"


@pytest.mark.parametrize("command", [("stats",), ("render", "-o", "c.svg"), ("render", "--hook"),
                                     ("deck", "-o", "d.pdf")])
def test_every_command_that_reads_the_config_prints_every_mistake(tmp_path, org_file,
                                                                  monkeypatch, command):
    from click.testing import CliRunner

    from orgviz.cli import main

    org = org_file(ORG)
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".orgviz.yaml").write_text(MISTAKES, encoding="utf-8")
    result = CliRunner().invoke(main, [command[0], str(org), *command[1:]])
    assert result.exit_code == 2
    assert [line.split(": ")[1] for line in result.stderr.splitlines()] == [
        ".orgviz.yaml:2:26", ".orgviz.yaml:3:3", ".orgviz.yaml:4:40", ".orgviz.yaml:5:10"]
    assert not (tmp_path / "c.svg").exists() and not (tmp_path / "d.pdf").exists()


def test_a_broken_project_config_is_an_error_not_skipped(tmp_path, monkeypatch):
    # (a dangling link or a folder named .orgviz.yaml was skipped: the default rules applied)
    import pytest as _pytest

    from orgviz.config import load_config
    from orgviz.errors import ConfigError

    (tmp_path / ".orgviz.yaml").symlink_to(tmp_path / "nowhere")
    with _pytest.raises(ConfigError, match=r"\.orgviz\.yaml: cannot read"):
        load_config(start=tmp_path)
    (tmp_path / ".orgviz.yaml").unlink()
    (tmp_path / ".orgviz.yaml").mkdir()
    with _pytest.raises(ConfigError, match=r"\.orgviz\.yaml: is not a regular file"):
        load_config(start=tmp_path)


def test_every_duplicate_key_of_a_yaml_config_is_an_error_line(tmp_path):
    (tmp_path / ".orgviz.yaml").write_text(
        "rules:\n  root: off\n  span-of-control: {max: 3, max: 4}\n  root: error\n",
        encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_config(start=tmp_path)
    where = tmp_path / ".orgviz.yaml"
    assert caught.value.lines == (
        f"{where}:3:29: duplicate key 'max' (first defined at column 21 of this line): YAML "
        "would keep only one of them; delete one",
        f"{where}:4:3: duplicate key 'root' (first defined at line 2): YAML would keep only "
        "one of them; delete one")


@pytest.mark.parametrize(("text", "where", "says"), [
    ("[tool.orgviz.rules\n", ":1:19: ",
     "invalid TOML: Expected ']' at the end of a table declaration"),
    ("[tool.orgviz.rules]\nroot = \n", ":2:8: ", "invalid TOML: Invalid value"),
])
def test_invalid_toml_is_reported_at_its_line_and_column(tmp_path, text, where, says):
    # (was "pyproject.toml: invalid TOML: ... (at line 1, column 19)", unlike every other
    # located problem)
    message = config_error(tmp_path, "pyproject.toml", text)
    assert message == f"{tmp_path / 'pyproject.toml'}{where}{says}"


@pytest.mark.parametrize("nested", ["[" * 1000 + "]" * 1000, "{a = " * 1000 + "1" + "}" * 1000])
def test_toml_nested_too_deep_for_tomllib_is_one_line(tmp_path, org_file, monkeypatch, nested):
    # (tomllib's RecursionError was a traceback, exit 1)
    (tmp_path / "pyproject.toml").write_text(f"[tool.other]\nx = {nested}\n", encoding="utf-8")
    result = validate_here(tmp_path, org_file, monkeypatch)
    assert result.exit_code == 2
    assert result.stderr == ("orgviz: pyproject.toml: invalid TOML: arrays or inline tables "
                             "nested too deep to read\n")


def test_a_bare_number_for_a_rule_with_one_option_suggests_the_option(tmp_path, org_file):
    message = config_error(tmp_path, ".orgviz.yaml", "rules:\n  layers: 4\n")
    assert message.endswith("rule 'layers' takes off, error, warning, info or a mapping of "
                            "options, not '4'; did you mean layers: {max: 4}?")
    (tmp_path / "toml").mkdir()
    message = config_error(tmp_path / "toml", "pyproject.toml", "[tool.orgviz.rules]\nlayers = 4\n")
    assert message.endswith("not 4; did you mean layers = { max = 4 }?")
    # (a TOML number written otherwise keeps its text in the message, and the suggestion)
    for written, number in (("0x7", 7), ("1_0", 10), ("0o10", 8)):
        message = config_error(tmp_path / "toml", "pyproject.toml",
                               f"[tool.orgviz.rules]\nlayers = {written}\n")
        assert message.endswith(f"not {written}; did you mean layers = {{ max = {number} }}?")
    assert config_error(tmp_path / "toml", "pyproject.toml",
                        "[tool.orgviz.rules]\nlayers = -1\n").endswith("not -1")
    # (no guess where the rule has no number option, or several options)
    assert config_error(tmp_path, ".orgviz.yaml", "rules:\n  cycle: 3\n").endswith("not '3'")
    assert config_error(tmp_path, ".orgviz.yaml", "rules:\n  root: 1\n").endswith("not '1'")
    assert config_error(tmp_path, ".orgviz.yaml",
                        "rules:\n  profile-fit: 1\n").endswith("not '1'")


@pytest.mark.parametrize("text", ["", "# rules to come\n", "~\n"])
def test_an_empty_yaml_config_has_no_settings(tmp_path, text):
    # (was "empty file: expected an org file")
    (tmp_path / ".orgviz.yaml").write_text(text, encoding="utf-8")
    assert load_config(start=tmp_path).rule_settings == ()


@pytest.mark.parametrize(("name", "text", "says"), [
    (".orgviz.yaml", "span-of-control: {max: 3}\n",
     ".orgviz.yaml:1:1: 'span-of-control' is a rule: put it under 'rules:'"),
    (".orgviz.yaml", "rule:\n  root: off\n",
     ".orgviz.yaml:1:1: unknown orgviz setting 'rule'; did you mean 'rules'? (known: rules)"),
    ("pyproject.toml", "[tool.orgviz]\nlayers = {max = 3}\n",
     "pyproject.toml:2:1: 'layers' is a rule: put it under [tool.orgviz.rules]"),
    # (an org file given as the configuration: one line, not one for each of its keys)
    (".orgviz.yaml", "orgviz: 1\norg: {name: A}\npeople: []\nrules: {root: off}\n",
     ".orgviz.yaml:1:1: this is an org file, not a configuration (which holds 'rules:' only): "
     "name it as a file to check, or move its 'rules:' into a configuration"),
])
def test_a_misplaced_setting_says_where_it_belongs(tmp_path, name, text, says):
    assert config_error(tmp_path, name, text) == f"{tmp_path}/{says}"


@pytest.mark.parametrize(("name", "text", "ends"), [
    (".orgviz.yaml", "rules:\n  same-rank: warn\n",
     "rule 'same-rank' takes off, error, warning, info or a mapping of options, not 'warn'; "
     "did you mean 'warning'?"),
    (".orgviz.yaml", "rules:\n  same-rank: {level: Ignore}\n",
     "level of rule 'same-rank' must be off, error, warning or info, not 'Ignore'; did you "
     "mean 'off'?"),
    (".orgviz.yaml", "rules:\n  same-rank: {level: eror}\n", "not 'eror'; did you mean 'error'?"),
    ("pyproject.toml", "[tool.orgviz.rules]\nsame-rank = 'warn'\n",
     "not 'warn'; did you mean 'warning'?"),
    ("pyproject.toml", "[tool.orgviz.rules]\nlayers = {level = 'fatal'}\n",
     "not 'fatal'; did you mean 'error'?"),
])
def test_a_level_spelt_otherwise_suggests_the_level(tmp_path, name, text, ends):
    assert config_error(tmp_path, name, text).endswith(ends)


@pytest.mark.parametrize("value", ["warn", "1", "[off]", "null", "'4'"])
def test_an_unknown_rule_with_a_bad_value_is_named_unknown(tmp_path, org_file, value):
    # (was only "rule 'single_report' takes off, error, ..., not 'warn'; did you mean
    # 'warning'?": the id, the real mistake, was said only once the value was fixed)
    message = config_error(tmp_path, ".orgviz.yaml", f"rules:\n  single_report: {value}\n")
    assert message == (f"{tmp_path / '.orgviz.yaml'}:2:3: unknown rule 'single_report'; "
                       "did you mean 'single-report'?")
    (tmp_path / "toml").mkdir()
    toml_value = {"warn": '"warn"', "[off]": '["off"]', "null": '"null"', "'4'": '"4"'}.get(
        value, value)
    message = config_error(tmp_path / "toml", "pyproject.toml",
                           f"[tool.orgviz.rules]\nsingle_report = {toml_value}\n")
    assert message == (f"{tmp_path / 'toml' / 'pyproject.toml'}:2:1: unknown rule "
                       "'single_report'; did you mean 'single-report'?")
    problems = [(p.line, p.col, p.message) for p in validate(load(org_file(
        f"orgviz: 1\norg: {{name: T}}\nrules:\n  single_report: {value}\npeople:\n"
        "  - {id: a, name: A, title: CEO}\n"))) if p.rule == "config"]
    assert problems == [(4, 3, "unknown rule 'single_report'; did you mean 'single-report'?")]


def test_a_toml_config_given_by_name_must_configure_orgviz(tmp_path):
    # (a --config TOML file without [tool.orgviz] was read as no settings: the defaults ran
    # and nothing said the file was not read)
    other = tmp_path / "ci.toml"
    other.write_text("rules = {root = {allow-forest = true}}\n")
    with pytest.raises(ConfigError) as caught:
        load_config(other)
    assert str(caught.value) == (f"{other}: no [tool.orgviz] table: nothing for orgviz to "
                                 "read (put the rules under [tool.orgviz.rules])")
    other.write_text("[tool.orgviz.rules]\nroot = {allow-forest = true}\n")
    assert [s.rule for s in load_config(other).rule_settings] == ["root"]


@pytest.mark.parametrize(("toml", "yaml", "shown_toml", "shown_yaml"), [
    ("3.0", "3.0", "3.0", "'3.0'"), ("1e3", "1e3", "1e3", "'1e3'"),
])
def test_a_float_is_no_whole_number_in_toml_as_in_yaml(tmp_path, toml, yaml, shown_toml,
                                                       shown_yaml):
    # (pyproject's `layers = {max = 3.0}` and `max = 1e3` were 3 and 1000, while
    # .orgviz.yaml's `max: 3.0` was refused)
    (tmp_path / "t").mkdir()
    assert config_error(tmp_path / "t", "pyproject.toml",
                        f"[tool.orgviz.rules]\nlayers = {{max = {toml}}}\n") == (
        f"{tmp_path / 't' / 'pyproject.toml'}:2:17: option 'max' of rule 'layers' must be a "
        f"whole number, not {shown_toml}")
    assert config_error(tmp_path, ".orgviz.yaml", f"rules:\n  layers: {{max: {yaml}}}\n") == (
        f"{tmp_path / '.orgviz.yaml'}:2:17: option 'max' of rule 'layers' must be a whole "
        f"number, not {shown_yaml}")


@pytest.mark.parametrize(("value", "says"), [
    # (QA's case: was "not 1000.0"; numbers, dates and times as the file writes them)
    ("1e3", "a whole number, not 1e3"), ("1.5e2", "a whole number, not 1.5e2"),
    ("1_000.5", "a whole number, not 1_000.5"), ("+inf", "a whole number, not +inf"),
    ("-nan", "a whole number, not -nan"), ("0x0", "a whole number of at least 1, not 0x0"),
    ("0o0", "a whole number of at least 1, not 0o0"),
    ("-1_0", "a whole number of at least 1, not -1_0"),
    ("1979-05-27 07:32:00Z", "a whole number, not 1979-05-27 07:32:00Z"),
    ("07:32:00.50", "a whole number, not 07:32:00.50"),
    # (booleans are written as shown; text is quoted as .orgviz.yaml's is)
    ("true", "a whole number, not true"), ('"twelve"', "a whole number, not 'twelve'"),
    ("'twelve'", "a whole number, not 'twelve'"),
])
def test_a_toml_value_is_shown_as_written(tmp_path, value, says):
    assert config_error(tmp_path, "pyproject.toml",
                        f"[tool.orgviz.rules]\nlayers = {{max = {value}}} # x\n") == (
        f"{tmp_path / 'pyproject.toml'}:2:17: option 'max' of rule 'layers' must be {says}")


def test_a_rule_value_and_a_level_are_shown_as_written(tmp_path):
    path = tmp_path / "pyproject.toml"
    assert config_error(tmp_path, "pyproject.toml", "[tool.orgviz.rules]\nroot = 0x10\n") == (
        f"{path}:2:8: rule 'root' takes off, error, warning, info or a table of options, not "
        "0x10")
    assert config_error(tmp_path, "pyproject.toml", "[tool.orgviz]\nrules.layers = {level = "
                        "1_0, max = 3}\n") == (
        f"{path}:2:25: level of rule 'layers' must be off, error, warning or info, not 1_0")
    assert config_error(tmp_path, "pyproject.toml", "[tool.orgviz]\nrules = 1e3\n") == (
        f"{path}:2:9: 'rules' must be a table of rule ids, not 1e3")


_TOML_FLOAT = st.from_regex(r"[+-]?(0|[1-9](_?[0-9]){0,3})(\.[0-9](_?[0-9]){0,2})?"
                            r"([eE][+-]?[0-9]{1,2})?", fullmatch=True).filter(
    lambda text: "." in text or "e" in text.lower())


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=_TOML_FLOAT)
def test_any_toml_float_for_a_count_is_shown_as_written(tmp_path, text):
    assert isinstance(tomllib.loads(f"x = {text}")["x"], float)
    assert config_error(tmp_path, "pyproject.toml",
                        f"[tool.orgviz.rules]\nlayers = {{ max = {text} }}\n").endswith(
        f":2:18: option 'max' of rule 'layers' must be a whole number, not {text}")


def test_min_contrast_is_at_most_21(tmp_path, org_file):
    # (1e308 was taken: every color "barely visible", "at least 1e+308:1 shows")
    assert config_error(tmp_path, ".orgviz.yaml",
                        "rules:\n  team-color: {min-contrast: 1e308}\n") == (
        f"{tmp_path / '.orgviz.yaml'}:2:30: option 'min-contrast' of rule 'team-color' must "
        "be a number of at most 21, not '1e308'")
    (tmp_path / ".orgviz.yaml").unlink()
    assert config_error(tmp_path, "pyproject.toml",
                        "[tool.orgviz.rules]\nteam-color = {min-contrast = 21.5}\n") == (
        f"{tmp_path / 'pyproject.toml'}:2:30: option 'min-contrast' of rule 'team-color' must "
        "be a number of at most 21, not 21.5")
    (tmp_path / "pyproject.toml").write_text(
        "[tool.orgviz.rules]\nteam-color = {min-contrast = 21}\n", encoding="utf-8")
    load_config(start=tmp_path)  # (21: black on white, the most there is)
    problems = validate(load(org_file(ORG + "rules:\n  team-color: {min-contrast: 22}\n")))
    assert [str(p) for p in problems if p.rule == "config"] == [
        f"{tmp_path / 'org.yaml'}:{ORG.count(chr(10)) + 2}:30: error [config] option "
        "'min-contrast' of rule 'team-color' must be a number of at most 21, "
        "not '22'"]


#: The words of a TOML message where YAML's differ: its tables, and where rules go.
TOML_WORDS = {"a mapping of": "a table of", "'rules:'": "[tool.orgviz.rules]"}


@pytest.mark.parametrize(("yaml", "yaml_at", "toml", "toml_at", "message"), [
    ("rules: {}\nrulez: {}\n", "2:1", "[tool.orgviz]\nrules = {}\nrulez = {}\n", "3:1",
     "unknown orgviz setting 'rulez'; did you mean 'rules'? (known: rules)"),
    ("layers: {max: 3}\n", "1:1", "[tool.orgviz]\nlayers = {max = 3}\n", "2:1",
     "'layers' is a rule: put it under 'rules:'"),
    ("rules: [a]\n", "1:8", "[tool.orgviz]\nrules = ['a']\n", "2:9",
     "'rules' must be a mapping of rule ids, not a list"),
    ("rules:\n  root: {level: loud}\n", "2:17", "[tool.orgviz.rules]\nroot = {level = 'loud'}\n",
     "2:17", "level of rule 'root' must be off, error, warning or info, not 'loud'"),
    ("rules:\n  bogus: off\n", "2:3", "[tool.orgviz.rules]\nbogus = 'off'\n", "2:1",
     "unknown rule 'bogus'"),
    ("rules:\n  single_report: warn\n", "2:3", "[tool.orgviz.rules]\nsingle_report = 'warn'\n",
     "2:1", "unknown rule 'single_report'; did you mean 'single-report'?"),
    ("rules:\n  cycle: warn\n", "2:10", "[tool.orgviz.rules]\ncycle = 'warn'\n", "2:9",
     "rule 'cycle' takes off, error, warning, info or a mapping of options, not 'warn'; "
     "did you mean 'warning'?"),
    ("rules:\n  span-of-control: {mx: 3}\n", "2:25",
     "[tool.orgviz.rules]\nspan-of-control = {mx = 3}\n", "2:25",
     "unknown option 'mx' for rule 'span-of-control'; did you mean 'max'? (options: max)"),
    ("rules:\n  root: {allow-forest: maybe}\n", "2:24",
     "[tool.orgviz.rules]\nroot = {allow-forest = 'maybe'}\n", "2:24",
     "option 'allow-forest' of rule 'root' must be true or false, not 'maybe'"),
    ("rules:\n  layers:\n    max: twelve\n", "3:10",
     "[tool.orgviz.rules.layers]\nmax = 'twelve'\n", "2:7",
     "option 'max' of rule 'layers' must be a whole number, not 'twelve'"),
])
def test_a_toml_config_error_says_what_yaml_says_at_its_place(tmp_path, yaml, yaml_at, toml,
                                                              toml_at, message):
    # (TOML's were `pyproject.toml: ...`, with no place: tomllib gives none)
    assert config_error(tmp_path, ".orgviz.yaml", yaml) == (
        f"{tmp_path / '.orgviz.yaml'}:{yaml_at}: {message}")
    (tmp_path / "toml").mkdir()
    for yaml_words, toml_words in TOML_WORDS.items():
        message = message.replace(yaml_words, toml_words)
    assert config_error(tmp_path / "toml", "pyproject.toml", toml) == (
        f"{tmp_path / 'toml' / 'pyproject.toml'}:{toml_at}: {message}")


@pytest.mark.parametrize(("text", "at"), [
    ("tool.orgviz = 3\n", "1:15"), ("[tool]\norgviz = [{rules = {}}]\n", "2:10"),
    ("[[tool.orgviz]]\nrules = {}\n", "1:8"),
])
def test_an_orgviz_table_that_is_none_is_said_at_its_place(tmp_path, text, at):
    assert config_error(tmp_path, "pyproject.toml", text) == (
        f"{tmp_path / 'pyproject.toml'}:{at}: [tool.orgviz] must be a table")


def test_every_mistake_of_a_pyproject_is_at_its_place_in_file_order(tmp_path):
    # (rules written in each way TOML has, after a string that holds the same keys; in the
    # file's order, as .orgviz.yaml's: they were in the table's, 'colour' first)
    (tmp_path / "pyproject.toml").write_text(
        '[project]\ndescription = """\n[tool.orgviz.rules]\ncycle = 3\n"""\n'
        "[tool.orgviz.rules]\nlayers . max = 2.5  # layers = 3\n\"cycle\" = 3\n"
        "same-rank = { level = 'warn', mx = [\n  1] }\n"
        "[tool.orgviz.rules.'root']\nallow-forest = 1\n"
        "[tool.orgviz.rules.single_report]\n[tool.orgviz]\ncolour = 'x'\n", encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_config(start=tmp_path)
    shown = tmp_path / "pyproject.toml"
    assert caught.value.lines == (
        f"{shown}:7:16: option 'max' of rule 'layers' must be a whole number, not 2.5",
        f"{shown}:8:11: rule 'cycle' takes off, error, warning, info or a table of options, "
        "not 3",
        f"{shown}:9:23: level of rule 'same-rank' must be off, error, warning or info, not "
        "'warn'; did you mean 'warning'?",
        f"{shown}:9:36: unknown option 'mx' for rule 'same-rank' (options: none)",
        f"{shown}:12:16: option 'allow-forest' of rule 'root' must be true or false, not 1",
        f"{shown}:13:20: unknown rule 'single_report'; did you mean 'single-report'?",
        f"{shown}:15:1: unknown orgviz setting 'colour' (known: rules)")


def test_the_settings_of_a_pyproject_carry_their_places(tmp_path, org_file):
    # (they were all at line 0, the file alone)
    import dataclasses

    from orgviz.config import Config
    from orgviz.problem import SourceLoc

    path = tmp_path / "pyproject.toml"
    path.write_text("[tool.orgviz.rules]\nroot = 'off'\nlayers = {max = 9}\n", encoding="utf-8")
    [root, layers] = load_config(path).rule_settings
    assert (root.loc, layers.loc) == (SourceLoc(str(path), 2, 1), SourceLoc(str(path), 3, 1))
    assert layers.option_locs == {"max": SourceLoc(str(path), 3, 17)}
    # (validate, given them with another value, says where the setting is)
    config = Config(str(path), (dataclasses.replace(layers, options={"max": "x"}),))
    with pytest.raises(ConfigError) as caught:
        validate(load(org_file(ORG)), config)
    assert str(caught.value) == (f"{path}:3:17: option 'max' of rule 'layers' must be a whole "
                                 "number, not 'x'")


def _stat_refused_in(folder):
    """A Path.stat that refuses every path in `folder`, as a folder one may not search."""
    from pathlib import Path

    real = Path.stat

    def stat(self, *args, **kwargs):
        if self.parent == folder:
            raise PermissionError(13, "Permission denied", str(self))
        return real(self, *args, **kwargs)

    return stat


def test_a_config_in_a_folder_that_may_not_be_searched_is_named(tmp_path, monkeypatch) -> None:
    """--config shut/.orgviz.yaml, where shut may not be searched: 'cannot read' naming the
    file (Path.exists raised PermissionError: 'orgviz: cannot write the output', no path)."""
    from pathlib import Path

    shut = tmp_path / "shut"
    shut.mkdir()
    (shut / ".orgviz.yaml").write_text("rules: {}\n", encoding="utf-8")
    monkeypatch.setattr(Path, "stat", _stat_refused_in(shut))
    with pytest.raises(ConfigError) as caught:
        load_config(shut / ".orgviz.yaml")
    assert str(caught.value) == f"{shut / '.orgviz.yaml'}: cannot read: Permission denied"
    with pytest.raises(ConfigError) as caught:  # (found, not given: the pyproject.toml beside)
        load_config(start=shut)
    assert str(caught.value) == f"{shut / 'pyproject.toml'}: cannot read: Permission denied"


def test_a_pyproject_that_is_a_loop_of_links_is_skipped_as_a_dangling_one_is(tmp_path) -> None:
    """A pyproject.toml beside the org that is a link to itself configures nothing (as before
    the folder that may not be searched was said); given with --config, it is said."""
    (tmp_path / "pyproject.toml").symlink_to("pyproject.toml")
    assert load_config(start=tmp_path) == load_config(start=tmp_path / "nowhere")
    with pytest.raises(ConfigError) as caught:
        load_config(tmp_path / "pyproject.toml")
    assert str(caught.value) == (f"{tmp_path / 'pyproject.toml'}: cannot read: Too many "
                                 "levels of symbolic links")
