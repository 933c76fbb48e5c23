"""CLI tests for `orgviz validate` and `orgviz schema`: every exit code and format."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from orgviz.cli import main

CLEAN = """\
orgviz: 1
org: {name: Clean, size: small}
people:
  - {id: ceo, name: Ada Obi, title: CEO}
  - {id: hop, name: Ben Cruz, title: Head of Product, reports_to: ceo}
  - {id: pm1, name: Cy Diaz, title: Product Manager, reports_to: hop}
  - {id: pm2, name: Di Eze, title: Product Manager, reports_to: hop}
"""
WARNING_ONLY = CLEAN.replace("rules:", "x:") + "rules: {span-of-control: {max: 1}}\n"
BROKEN = CLEAN + "  - {id: pm1, name: Ed Fox, title: Product Manager, reports_to: hop}\n"


def run(*args: str, env: dict[str, str] | None = None):
    return CliRunner().invoke(main, list(args), env=env)


def test_clean_file_exits_0_with_summary(org_file):
    result = run("validate", str(org_file(CLEAN)))
    assert result.exit_code == 0, result.output
    assert result.output == "1 file checked: no problems\n"


def test_errors_exit_1_with_path_line_col(org_file):
    path = org_file(BROKEN)
    result = run("validate", str(path))
    assert result.exit_code == 1
    first = result.output.splitlines()[0]
    assert first.startswith(f"{path}:8:10: error [duplicate-id] duplicate person id 'pm1'")
    assert result.output.splitlines()[-1] == "1 file checked: 1 error"


def test_warnings_exit_0_or_1_with_strict(org_file):
    path = str(org_file(WARNING_ONLY))
    assert run("validate", path).exit_code == 0
    strict = run("validate", "--strict", path)
    assert strict.exit_code == 1 and "warning [span-of-control]" in strict.output
    quiet = run("validate", "--no-warnings", "--quiet", "--strict", path)
    assert quiet.exit_code == 0 and quiet.output == ""


def test_unreadable_file_exits_2(tmp_path):
    result = run("validate", str(tmp_path / "missing.yaml"))
    assert result.exit_code == 2
    assert "cannot read" in result.output and "Traceback" not in result.output


def test_syntax_error_exits_1_with_location(org_file):
    path = org_file("orgviz: 1\npeople: [\n")
    result = run("validate", str(path))
    assert result.exit_code == 1
    assert result.output.startswith(f"{path}:3:1: error [yaml-syntax] YAML syntax error")


def test_usage_errors_exit_2(org_file):
    assert run("validate").exit_code == 2
    assert run("validate", "--format", "xml", str(org_file(CLEAN))).exit_code == 2


def test_bad_config_exits_2(org_file, tmp_path):
    config = tmp_path / "orgviz.yaml"
    config.write_text("rules: {no-such-rule: off}\n")
    result = run("validate", "--config", str(config), str(org_file(CLEAN)))
    assert result.exit_code == 2 and "unknown rule 'no-such-rule'" in result.output


def test_json_format_lists_problems(org_file):
    path = org_file(BROKEN)
    result = run("validate", "--format", "json", str(path))
    assert result.exit_code == 1
    (problem,) = json.loads(result.output)
    assert problem == {"file": str(path), "line": 8, "column": 10, "level": "error",
                       "rule": "duplicate-id", "message": problem["message"]}


def test_github_format_escapes_properties(org_file):
    result = run("validate", "--format", "github", str(org_file(BROKEN)))
    line = result.output.splitlines()[0]
    assert line.startswith("::error file=") and ",line=8,col=10,title=orgviz duplicate-id::" in line


def test_several_files_sorted_and_counted(org_file):
    a = org_file(BROKEN, name="a.yaml")
    b = org_file(BROKEN, name="b.yaml")
    result = run("validate", str(b), str(a))
    lines = result.output.splitlines()
    assert lines[0].startswith(str(a)) and lines[1].startswith(str(b))
    assert lines[-1] == "2 files checked: 2 errors"


def test_no_color_when_piped(org_file):
    result = run("validate", str(org_file(BROKEN)))
    assert "\033[" not in result.output


def test_schema_command_prints_draft07(org_file):
    result = run("schema")
    assert result.exit_code == 0
    schema = json.loads(result.output)
    assert schema["$schema"] == "http://json-schema.org/draft-07/schema#"
    assert set(schema["properties"]) >= {"orgviz", "org", "people", "teams", "roles", "rules"}


def test_version_option():
    result = run("--version")
    assert result.exit_code == 0 and "orgviz" in result.output


SPOOF = """\
orgviz: 1
org: {name: "Acme\\nCo", size: small}
people:
  - {id: boss, name: A, title: "W\\u200e31mRED\\nfake.yaml:1:1: error [spoof] injected"}
  - {id: b, name: "B \\u202eX", title: "Nobody\\r\\nline2", reports_to: "nobody\\u2066x"}
"""


def test_names_cannot_fake_lines_or_escape_codes(org_file):
    # A message is one line whatever the file holds: line breaks, invisible marks and
    # bidirectional controls in ids and titles are written as \uXXXX (a control character,
    # the C1 CSI "\x9b" of an escape sequence too, is refused: test_loader).
    path = org_file(SPOOF)
    for fmt in ("text", "github"):
        result = run("validate", str(path), "--format", fmt)
        lines = result.output.splitlines()
        assert not any(line.startswith("fake.yaml") for line in lines)
        assert not any(c in result.output for c in ("\u200e", "\u202e", "\u2066"))
        assert "'nobody\\u2066x'" in result.output
        assert any("'W\\u200E31mRED\\u000Afake.yaml:1:1: error [spoof] injected'" in line or
                   "'W\\u200E31mRED%0Afake.yaml:1:1: error [spoof] injected'" in line
                   for line in lines)
    result = run("validate", str(path))
    assert f"{path}:5:" in result.output and "'Nobody\\u000D\\u000Aline2'" in result.output
    # JSON keeps the text itself (JSON escapes it). (An id may not hold a line break: a
    # title does, and a bidi isolate stands in for one in an id.)
    problems = json.loads(run("validate", str(path), "--format", "json").output)
    [unknown] = [p for p in problems if p["rule"] == "unknown-manager"]
    assert "'nobody\u2066x'" in unknown["message"]
    assert any("'Nobody\r\nline2'" in p["message"] for p in problems
               if p["rule"] == "unknown-title")
    stats = CliRunner().invoke(main, ["stats", str(path)])
    assert stats.stdout.startswith("Acme\\u000ACo (small): 2 positions, 2 people, 0 open\n")
    assert len(stats.stderr.splitlines()) == 1 and "\u2066" not in stats.stderr  # (its note)


HOSTILE_NAMES = """\
orgviz: 1
org: {name: T, size: small}
people:
  - {id: E001, name: "Ada\\nfake.yaml:1:1: error [spoof] injected"}
  - {id: E002, name: "Bo \\u202eLi", reports_to: E001}
  - {id: E003, name: "שרה <O'Neil>", reports_to: E002}
  - {id: E004, name: "Cy Diaz", reports_to: E001}
"""


def test_names_in_rule_messages_print_on_one_line(org_file):
    # A name shown beside a generated id goes through the same escaping as the rest of a
    # message: a line break or a bidirectional control in it cannot break or reorder the line.
    path = org_file(HOSTILE_NAMES)
    for fmt in ("text", "github"):
        lines = run("validate", str(path), "--format", fmt).output.splitlines()
        problems = [line for line in lines if "[single-report]" in line or "::warning" in line]
        assert len(problems) == 1, lines
        assert not any(line.startswith("fake.yaml") for line in lines)
        assert "\u202e" not in "".join(lines)
    [line] = [line for line in run("validate", str(path)).output.splitlines()
              if "[single-report]" in line]
    assert line == (f"{path}:5:10: warning [single-report] 'E002' (Bo \\u202ELi) has a single "
                    "direct report ('E003', שרה <O'Neil>): let 'E003' report to 'E001' "
                    "(Ada\\u000Afake.yaml:1:1: error [spoof] injected) directly, or give 'E002' "
                    "more reports")


def test_emoji_and_right_to_left_text_print_as_they_are():
    from orgviz.problem import one_line

    assert one_line("👩‍💻 Dana, שלום, مرحبا") == "👩‍💻 Dana, שלום, مرحبا"
    assert one_line("a\tb\u2028c\x9bd") == "a\\u0009b\\u2028c\\u009Bd"


def test_an_unreadable_file_is_not_counted_as_checked(org_file, tmp_path):
    missing = str(tmp_path / "missing.yaml")
    result = run("validate", missing)
    assert result.exit_code == 2
    assert "checked" not in result.output  # (no "1 file checked: no problems")
    result = run("validate", missing, str(org_file(CLEAN)))
    assert result.exit_code == 2
    assert result.output.splitlines()[-1] == "1 file checked: no problems"


def test_no_warnings_says_what_it_left_out(org_file):
    result = run("validate", "--no-warnings", str(org_file(WARNING_ONLY)))
    assert result.exit_code == 0
    assert result.output == ("1 file checked: no errors (1 warning or info left out: "
                             "--no-warnings)\n")


def test_list_rules_needs_no_files():
    from orgviz.rules import RULES

    result = run("validate", "--list-rules")
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert [line.split()[0] for line in lines] == list(RULES)
    assert any(line.startswith("root ") and line.endswith("[allow-forest=false]")
               for line in lines)
    assert any(line.startswith("span-of-control ") and "[max=10]" in line for line in lines)


@pytest.mark.parametrize("args", [("--list-rules", "-f", "json"),
                                  ("--format=json", "--list-rules")])
def test_list_rules_in_json(args):
    # (printed the text table whatever --format said)
    from orgviz.rules import RULES

    result = run("validate", *args)
    assert result.exit_code == 0, result.output
    listed = json.loads(result.output)
    assert [rule["rule"] for rule in listed] == list(RULES)
    assert listed[0] == {"rule": "duplicate-id", "level": "error",
                         "description": "Two people (or two teams) share an id.", "options": {}}
    assert {"rule": "root", "level": "error", "description": "The org has no top person, or "
            "several.", "options": {"allow-forest": False}} in listed
    assert next(rule for rule in listed if rule["rule"] == "span-of-control")["options"] == {
        "max": 10}
    assert run("validate", "-f", "text", "--list-rules").output == run(
        "validate", "--list-rules").output


@pytest.mark.parametrize("fmt", ["github", "sarif"])
def test_list_rules_in_a_format_of_problems_is_refused(fmt):
    for args in (("--list-rules", "-f", fmt), ("-f", fmt, "--list-rules")):
        result = CliRunner().invoke(main, ["validate", *args], prog_name="orgviz")
        assert (result.exit_code, result.output) == (
            2, f"orgviz validate: --list-rules prints text or json, not {fmt} (see 'orgviz "
               "validate --help')\n")


def test_summary_counts_are_written_with_thousands_separators():
    from orgviz.problem import Problem
    from orgviz.report import summary_line

    problems = [Problem("a.yaml", n, 1, "warning", "x", "m") for n in range(50_000)]
    problems.append(Problem("a.yaml", 1, 1, "error", "x", "m"))
    assert summary_line(problems, 1_200) == "1,200 files checked: 1 error, 50,000 warnings"
    assert summary_line(problems[-1:], 1, hidden=12_345) == (
        "1 file checked: 1 error (12,345 warnings and infos left out: --no-warnings)")


def _reported(fmt: str, text: str) -> list[tuple[str, int, int, str, str]]:
    """(file, line, column, rule, message) of each problem of a json, github or sarif report."""
    if fmt == "json":
        return [(p["file"], p["line"], p["column"], p["rule"], p["message"])
                for p in json.loads(text)]
    if fmt == "sarif":
        return [(r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
                 r["locations"][0]["physicalLocation"]["region"]["startLine"],
                 r["locations"][0]["physicalLocation"]["region"]["startColumn"],
                 r["ruleId"], r["message"]["text"])
                for r in json.loads(text)["runs"][0]["results"]]
    found = []
    for line in text.splitlines():
        head, message = line.split("::", 2)[1:]
        fields = dict(f.split("=", 1) for f in head.split(" ", 1)[1].split(","))
        found.append((fields["file"], int(fields["line"]), int(fields["col"]),
                      fields["title"].removeprefix("orgviz "), message))
    return found


@pytest.mark.parametrize("fmt", ["json", "github", "sarif"])
def test_a_file_that_cannot_be_read_is_in_every_machine_report(tmp_path, monkeypatch, fmt):
    # (`[]` with exit 2 read as "no problems" to a consumer that ignores the exit status)
    monkeypatch.chdir(tmp_path)
    (tmp_path / "bad.yaml").write_text("orgviz: 1\norg: {name: A\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["validate", "-f", fmt, "missing.yaml", "bad.yaml"])
    assert result.exit_code == 2
    assert _reported(fmt, result.stdout) == [
        ("bad.yaml", 3, 1, "yaml-syntax", "YAML syntax error: did not find expected ',' or '}' "
         "in the {...} mapping that starts at line 2, column 6 (is the '}' that closes it "
         "missing?)"),
        ("missing.yaml", 1, 1, "read", "cannot read: No such file or directory")]
    # (stderr still says it, one line a file, as for the text format)
    assert result.stderr == "orgviz: missing.yaml: cannot read: No such file or directory\n"
    # (a folder without org files is reported too, and the other files are still read: it
    # stopped validate before any file was read)
    (tmp_path / "folder.yaml").mkdir()
    result = CliRunner().invoke(main, ["validate", "-f", fmt, "bad.yaml", "folder.yaml"])
    assert result.exit_code == 2
    assert _reported(fmt, result.stdout) == [
        ("bad.yaml", 3, 1, "yaml-syntax", "YAML syntax error: did not find expected ',' or '}' "
         "in the {...} mapping that starts at line 2, column 6 (is the '}' that closes it "
         "missing?)"),
        ("folder.yaml", 1, 1, "read", "no org file in this folder (a YAML file with a "
         "top-level 'orgviz:' key)")]


def test_the_text_report_names_an_unreadable_file_on_stderr_only(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["validate", "missing.yaml"])
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr == "orgviz: missing.yaml: cannot read: No such file or directory\n"


@pytest.mark.parametrize("fmt", ["json", "github", "sarif"])
def test_a_bad_project_configuration_is_in_every_machine_report(tmp_path, monkeypatch, fmt):
    # (an empty report is no valid JSON or SARIF, and no annotation: upload-sarif failed)
    monkeypatch.chdir(tmp_path)
    (tmp_path / "org.yaml").write_text(CLEAN, encoding="utf-8")
    (tmp_path / ".orgviz.yaml").write_text("rules:\n  bogus: off\n  root: {allow-forest: yes}\n",
                                           encoding="utf-8")
    result = CliRunner().invoke(main, ["validate", "-f", fmt, "org.yaml"])
    assert result.exit_code == 2
    assert _reported(fmt, result.stdout) == [
        (".orgviz.yaml", 2, 3, "config", "unknown rule 'bogus'"),
        (".orgviz.yaml", 3, 24, "config",
         "option 'allow-forest' of rule 'root' must be true or false, not 'yes'")]
    assert result.stderr == (
        "orgviz: .orgviz.yaml:2:3: unknown rule 'bogus'\n"
        "orgviz: .orgviz.yaml:3:24: option 'allow-forest' of rule 'root' must be true or "
        "false, not 'yes'\n")
    # (in pyproject.toml as in .orgviz.yaml: at the key or value; they were all at 1:1)
    (tmp_path / ".orgviz.yaml").unlink()
    (tmp_path / "pyproject.toml").write_text(
        '[tool.orgviz]\nfoo = 1\n[tool.orgviz.rules]\nroot = "warn"\n', encoding="utf-8")
    result = CliRunner().invoke(main, ["validate", "-f", fmt, "org.yaml"])
    assert result.exit_code == 2
    assert _reported(fmt, result.stdout) == [
        ("pyproject.toml", 2, 1, "config", "unknown orgviz setting 'foo' (known: rules)"),
        ("pyproject.toml", 4, 8, "config", "rule 'root' takes off, error, warning, info or a "
         "table of options, not 'warn'; did you mean 'warning'?")]
    # (--config, as given; a file that is missing is one problem too)
    result = CliRunner().invoke(main, ["validate", "-f", fmt, "--config", "./a:b.yml",
                                       "org.yaml"])
    assert result.exit_code == 2
    assert _reported(fmt, result.stdout) == [
        ("a:b.yml" if fmt == "json" else "a%3Ab.yml", 1, 1, "config",
         "configuration file not found")]
    assert result.stderr == "orgviz: a:b.yml: configuration file not found\n"


def test_a_bad_project_configuration_in_text_is_said_on_stderr_only(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "org.yaml").write_text(CLEAN, encoding="utf-8")
    (tmp_path / ".orgviz.yaml").write_text("rules: {bogus: off}\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["validate", "org.yaml"])
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr == "orgviz: .orgviz.yaml:1:9: unknown rule 'bogus'\n"


@pytest.mark.parametrize("option", [("--strict",), ("--no-warnings",), ("-q",), ("--hook",)])
def test_list_rules_refuses_the_options_of_a_check(option):
    # (listed the rules, exit 0, as if --strict or --hook meant something)
    result = CliRunner().invoke(main, ["validate", "--list-rules", *option], prog_name="orgviz")
    name = {"-q": "--quiet"}.get(option[0], option[0])
    assert (result.exit_code, result.output) == (
        2, f"orgviz validate: --list-rules checks no files, so {name} does nothing with it "
           f"(leave out {name}) (see 'orgviz validate --help')\n")


@pytest.mark.parametrize("args", [("--config", "nonexist.yaml"), ("--strict", "--config=c.yaml")])
def test_list_rules_refuses_a_configuration(args):
    # (`--config nonexist.yaml` was silently ignored: the list is of the defaults)
    result = CliRunner().invoke(main, ["validate", "--list-rules", *args], prog_name="orgviz")
    assert (result.exit_code, result.output) == (
        2, "orgviz validate: --list-rules lists the rules' default levels and options: it "
           "reads no configuration (leave out --config; `orgviz validate --config FILE ORG` "
           "checks an org with it) (see 'orgviz validate --help')\n")


def test_the_help_of_list_rules_names_what_it_refuses():
    """It said "(no FILES)" alone, and refuses --config, --strict, --no-warnings, --quiet
    and --hook too (the tests above)."""
    result = CliRunner().invoke(main, ["validate", "--help"], prog_name="orgviz")
    assert result.exit_code == 0
    assert "then exit (no FILES, nor --config, --strict, --no-warnings, --quiet or --hook)." \
        in " ".join(result.output.split())
