"""The hooks on other YAML that orgviz cannot parse, and on a changed project configuration."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from orgviz.cli import main

ORG = ("orgviz: 1\norg: {name: %s, size: small}\npeople:\n"
       "  - {id: ceo, name: Ada Obi, title: CEO}\n"
       "  - {id: vp, name: Ben Cruz, title: VP of Product, reports_to: ceo}\n"
       "  - {id: pm, name: Cy Diaz, title: Product Manager, reports_to: vp}\n")
WARNING = ("{path}:5:10: warning [single-report] 'vp' has a single direct report ('pm'): let "
           "'pm' report to 'ceo' directly, or give 'vp' more reports")
# Valid YAML, not org files, that mention orgviz and that orgviz's own reader refuses.
OTHERS = {
    "infra/cfn.yaml": "Resources:\n  OrgvizBucket:\n    Type: AWS::S3::Bucket\n"
                      "    Properties:\n"
                      "      BucketName: !Sub \"${AWS::StackName}-orgviz-charts\"\n",
    "infra/vault.yaml": "orgviz_token: !vault |\n  $ANSIBLE_VAULT;1.1;AES256\n  6162636465\n",
    "infra/helm.yaml": "# chart for the orgviz viewer\nname: {{ .Release.Name }}-viewer\n",
}
RENDER = ["render", "--hook", "--engine", "embedded"]


def run(*args: str):
    return CliRunner().invoke(main, list(args))


@pytest.mark.parametrize("name", sorted(OTHERS))
def test_other_yaml_orgviz_cannot_read_is_skipped(tree, name):
    tree(OTHERS)
    validated = run("validate", "--hook", name)
    assert (validated.exit_code, validated.output) == (0, "0 files checked: no problems\n")
    rendered = run(*RENDER, name)
    assert (rendered.exit_code, rendered.output) == (
        0, "0 diagrams re-rendered, 0 up to date (source hash matches)\n")
    assert not Path("output").exists()


@pytest.mark.parametrize("command", ["validate", "render"])
def test_a_folder_of_such_yaml_has_no_org_file(tree, command):
    tree(OTHERS)
    result = run(command, "infra/")
    assert result.exit_code == 2
    assert "infra/: no org file in this folder (a YAML file with a top-level 'orgviz:' key)" \
        in result.output
    tree({"infra/org.yaml": ORG % "A"})  # beside an org file: only it is checked
    assert run("validate", "infra/").output == (
        WARNING.format(path="infra/org.yaml") + "\n1 file checked: 1 warning\n")


@pytest.mark.parametrize(("text", "message"), [
    (" orgviz: 1\norg: {name: A}\npeople: []\n",  # (the first line broken)
     "org.yaml:2:1: error [yaml-syntax] YAML syntax error: did not find expected "
     "<document start> (line 1 is indented more than this line: start every top-level key at "
     "column 1, with no spaces before it)"),
    ("\ufefforgviz: 1\norg: {name: A, x: !Sub y}\npeople: []\n",
     "org.yaml:2:19: error [yaml-syntax] YAML tag '!Sub' is not allowed in an org file: remove "
     "it (orgviz reads every value as text)"),
    ("{orgviz: 1, org: {name: A}, [broken\n",
     "org.yaml:2:1: error [yaml-syntax] YAML syntax error: did not find expected ',' or ']' in "
     "the [...] list that starts at line 1, column 29 (is the ']' that closes it missing?)"),
])
def test_an_org_file_that_does_not_parse_is_still_reported(tree, text, message):
    tree({"org.yaml": text})
    for result in (run("validate", "--hook", "org.yaml"), run(*RENDER, "org.yaml")):
        assert result.exit_code == 1, result.output
        assert message in result.output.splitlines()  # (the whole message, hint and all)


def _repo(tree, files: dict[str, str]) -> None:
    """A git repository holding `files` (tracked, so that `git ls-files` lists them)."""
    tree(files)
    subprocess.run(["git", "init", "-q"], check=True)
    subprocess.run(["git", "add", "."], check=True)


needs_git = pytest.mark.skipif(shutil.which("git") is None, reason="needs git")


@needs_git
@pytest.mark.parametrize(("config", "text"), [
    (".orgviz.yaml", "rules:\n  single-report: error\n"),
    ("pyproject.toml", "[project]\nname = 'x'\n\n[tool.orgviz.rules]\nsingle-report = 'error'\n"),
])
def test_a_changed_configuration_checks_and_draws_every_org(tree, config, text):
    _repo(tree, {"orgs/a.yaml": ORG % "A", "orgs/b.yaml": ORG % "B", "ci.yaml": "on: push\n"})
    drawn = run(*RENDER, "orgs/a.yaml", "orgs/b.yaml")
    assert drawn.exit_code == 1 and drawn.output.endswith("2 diagrams re-rendered, 0 up to date "
                                                          "(source hash matches)\n")
    tree({config: text})
    validated = run("validate", "--hook", config)
    assert validated.exit_code == 1
    assert validated.output.splitlines() == [
        WARNING.format(path="orgs/a.yaml").replace("warning", "error"),
        WARNING.format(path="orgs/b.yaml").replace("warning", "error"),
        "2 files checked: 2 errors"]
    tree({config: text.replace("'error'", "'off'").replace(": error", ": off")})
    redrawn = run(*RENDER, config)
    assert (redrawn.exit_code, redrawn.output) == (1, (
        "rendered output/a.svg (it was out of date)\nrendered output/b.svg (it was out of "
        "date)\n2 diagrams re-rendered, 0 up to date (source hash matches)\n"))
    # The same rules, written otherwise: every diagram is still up to date.
    tree({config: "# reviewed\n" + text.replace("'error'", "'off'").replace(": error", ": off")})
    again = run(*RENDER, config, "ci.yaml")
    assert (again.exit_code, again.output) == (
        0, "0 diagrams re-rendered, 2 up to date (source hash matches)\n")


@needs_git
def test_only_the_configuration_in_use_counts(tree):
    _repo(tree, {"orgs/a.yaml": ORG % "A", "pyproject.toml": "[project]\nname = 'x'\n",
                 "sub/pyproject.toml": "[tool.orgviz.rules]\nsingle-report = 'error'\n",
                 "sub/.orgviz.yaml": "rules:\n  single-report: error\n"})
    for args in (["validate", "--hook"], RENDER):
        # another tool's pyproject.toml (no [tool.orgviz]): nothing to do, nothing to say
        plain = run(*args, "pyproject.toml", "sub/pyproject.toml")
        assert (plain.exit_code, plain.output) == (0, "")
    # a configuration orgviz does not read from here is no org file either
    assert run("validate", "--hook", "sub/.orgviz.yaml").output == \
        "0 files checked: no problems\n"
    # --config names the configuration in use
    custom = run("validate", "--hook", "--config", "sub/.orgviz.yaml", "sub/.orgviz.yaml")
    assert custom.exit_code == 1
    assert custom.output.splitlines() == [
        WARNING.format(path="orgs/a.yaml").replace("warning", "error"),
        "1 file checked: 1 error"]


@needs_git
def test_a_configuration_change_leaves_other_hook_entries_diagrams_alone(tree):
    """Two orgs named alike, each drawn by its own hook entry (`files:` and `-o`): a changed
    configuration redraws each entry's own diagram, without the two colliding."""
    _repo(tree, {"emea/org.yaml": ORG % "EMEA", "apac/org.yaml": ORG % "APAC"})
    assert run(*RENDER, "-o", "out/emea/", "emea/org.yaml").exit_code == 1
    assert run(*RENDER, "-o", "out/apac/", "apac/org.yaml").exit_code == 1
    tree({".orgviz.yaml": "rules:\n  single-report: off\n"})
    for region in ("emea", "apac"):
        result = run(*RENDER, "-o", f"out/{region}/", ".orgviz.yaml")
        assert (result.exit_code, result.output) == (1, (
            f"rendered out/{region}/org.svg (it was out of date)\n"
            "1 diagram re-rendered, 0 up to date (source hash matches)\n"))
        assert f"from {region}/org.yaml" in Path(f"out/{region}/org.svg").read_text("utf-8")
