"""Which orgs a hook checks for the files it is given (orgviz.orgfiles) and `validate --hook`."""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest
from click.testing import CliRunner

from orgviz.cli import main
from orgviz.orgfiles import file_kind, includes_of, select_orgs, source_files

TOP = "orgviz: 1\norg: {name: Top, size: small}\ninclude: [%s]\npeople:\n" \
      "  - {id: ceo, name: Ada Obi, title: CEO}\n"
PART = ("orgviz: 1\npeople:\n"
        "  - {id: hop, name: Ben Cruz, title: Head of Product, reports_to: ceo}\n"
        "  - {id: pm1, name: Cy Diaz, title: Product Manager, reports_to: hop}\n"
        "  - {id: pm2, name: Di Eze, title: Product Manager, reports_to: %s}\n")


def validate(*args: str):
    return CliRunner().invoke(main, ["validate", *args])


@pytest.mark.parametrize(("text", "kind"), [
    ("orgviz: 1\norg: {name: A}\npeople: []\n", "org"),
    ("---\n'orgviz': 1\n\"org\":\n  name: A\n", "org"),
    ("orgviz: 1\npeople: []\n", "part"),
    ("{orgviz: 1, org: {name: A}, people: []}\n", "org"),
    ("{orgviz: 1, people: []}\n", "part"),
    ("name: ci\non: [push]\n", "other"),
    ("tool: orgviz\nversion: 1\n", "other"),  # mentions orgviz, not as a key
    ("# orgviz: 1 is commented out\n", "other"),
    ("settings:\n  orgviz: 1\n", "other"),  # not at the top level
    # orgviz cannot parse it: an org file only where its first line plainly starts with the
    # `orgviz` key (validation then says what is wrong); other YAML that mentions orgviz
    # and that orgviz's reader refuses (tags, templates) is not the hook's to check
    ("{tool: orgviz, [broken\n", "other"),
    ("{orgviz: 1, org: {name: A}, [broken\n", "org"),
    ("{orgviz: 1, [broken\n", "part"),
    ("\ufefforgviz: 1\norg: {name: A, x: !Sub y}\n", "org"),  # (a byte order mark)
    ("# acme\n---\n orgviz: 1\norg: {name: A}\n", "org"),  # (a broken first line)
    ("orgviz 1\norg: {name: A}\npeople: []\n", "org"),
    ("'orgviz: 1\norg: {name: A}\n", "org"),
    ("Resources:\n  B:\n    Properties:\n      BucketName: !Sub \"${AWS::StackName}-orgviz\"\n",
     "other"),
    ("orgviz_token: !vault |\n  $ANSIBLE_VAULT;1.1;AES256\n", "other"),
    ("# chart for the orgviz viewer\nname: {{ .Release.Name }}-viewer\n", "other"),
    ("settings:\n  orgviz: 1\n  x: !Sub y\n", "other"),
    # Other YAML that reads whole, though orgviz would refuse it as an org file: a duplicate
    # key, an anchor no alias uses (such a workflow running orgviz was checked as an org)
    ("jobs:\n  a:\n    runs-on: x\n    runs-on: y\n    run: orgviz validate\n", "other"),
    ("steps:\n  - run: &a orgviz validate orgs/\n", "other"),
    ("{orgviz: 1, org: {name: A}, org: {name: B}}\n", "org"),
    ("", "other"),
])
def test_file_kind(tree, text, kind):
    tree({"f.yaml": text})
    assert file_kind("f.yaml") == kind


@pytest.mark.parametrize(("block", "expected"), [
    ("include: a.yaml\n", ["a.yaml"]),
    ("include: [a.yaml, 'b c.yaml']\n", ["a.yaml", "b c.yaml"]),
    ("include:\n  - a.yaml\n  # a comment\n  - sub/b.yaml\n", ["a.yaml", "sub/b.yaml"]),
    ("include:\n- a.yaml\n- b.yaml\n", ["a.yaml", "b.yaml"]),
    ("include: /abs/a.yaml\n", []),
    ("include: {a: b}\n", []),
])
def test_includes_of(tree, block, expected):
    tree({"top.yaml": "orgviz: 1\norg: {name: A}\n" + block + "people: []\n"})
    assert includes_of("top.yaml") == expected


def test_includes_of_a_non_org_file_are_ignored(tree):
    tree({"compose.yaml": "include: [other.yaml]\nservices: {}\n"})
    assert includes_of("compose.yaml") == []


def test_source_files_follow_nested_includes_once(tree):
    tree({"top.yaml": TOP % "a.yaml, b.yaml",
          "a.yaml": "orgviz: 1\ninclude: [sub/c.yaml, b.yaml]\n",
          "b.yaml": "orgviz: 1\ninclude: top.yaml\n",
          "sub/c.yaml": "orgviz: 1\n"})
    assert [p.as_posix() for p in source_files("top.yaml")] == [
        "top.yaml", "a.yaml", "sub/c.yaml", "b.yaml"]


def test_non_org_yaml_is_skipped(tree):
    tree({"org.yaml": TOP % "", "ci.yaml": "on: push\n"})
    selection = select_orgs(["ci.yaml", "org.yaml"])
    assert selection.orgs == ["org.yaml"] and selection.skipped == ["ci.yaml"]


def test_a_part_is_replaced_by_the_orgs_that_include_it(tree):
    tree({"a/top.yaml": TOP % "../teams/product.yaml",
          "b/top.yaml": TOP % "../teams/product.yaml",
          "c/top.yaml": TOP % "",
          "teams/product.yaml": PART % "hop"})
    assert select_orgs(["teams/product.yaml"]).orgs == ["a/top.yaml", "b/top.yaml"]
    assert select_orgs(["b/top.yaml", "teams/product.yaml"]).orgs == ["b/top.yaml",
                                                                      "a/top.yaml"]


def test_a_part_of_a_part_reaches_the_top(tree):
    tree({"top.yaml": TOP % "mid.yaml", "mid.yaml": "orgviz: 1\ninclude: low.yaml\n",
          "low.yaml": PART % "hop"})
    assert select_orgs(["low.yaml"]).orgs == ["top.yaml"]


def test_an_include_cycle_of_parts_ends(tree):
    tree({"x.yaml": "orgviz: 1\ninclude: y.yaml\n", "y.yaml": "orgviz: 1\ninclude: x.yaml\n"})
    assert select_orgs(["x.yaml"]).orgs == ["x.yaml"]  # no org includes it: checked alone


def test_an_orphan_part_is_checked_alone_and_says_so(tree):
    tree({"part.yaml": PART % "hop"})
    result = validate("--hook", "part.yaml")
    assert result.exit_code == 1
    assert "part.yaml:1:1: error [schema] the org file has no 'org:' header" in result.output


@pytest.mark.skipif(shutil.which("git") is None, reason="needs git")
def test_tops_are_found_among_git_tracked_files(tree, tmp_path):
    tree({"orgs/top.yaml": TOP % "../parts/product.yaml", "parts/product.yaml": PART % "hop",
          "vendor/ignored/top.yaml": TOP % "../../parts/product.yaml",
          ".gitignore": "vendor/\n"})
    subprocess.run(["git", "init", "-q"], check=True)
    assert select_orgs(["parts/product.yaml"]).orgs == ["orgs/top.yaml"]


def test_validate_hook_checks_the_whole_org_once(tree):
    tree({"a.yaml": TOP % "teams/p.yaml", "b.yaml": TOP % "teams/p.yaml",
          "teams/p.yaml": PART % "nobody", "ci.yaml": "on: push\n"})
    result = validate("--hook", "teams/p.yaml", "ci.yaml", "a.yaml")
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert lines.count("teams/p.yaml:5:65: error [unknown-manager] 'pm2' (Di Eze) reports to "
                       "'nobody', who is not in the org: use the id of an existing person, or "
                       "add that person") == 1
    assert lines[-1] == "3 files checked: 1 error, 1 warning"  # both once, for a and b
    assert "ci.yaml" not in result.output


def test_without_hook_other_yaml_is_an_error(tree):
    tree({"ci.yaml": "on: push\n"})
    result = validate("ci.yaml")
    assert result.exit_code == 1
    assert "ci.yaml:1:1: error [version] not an org file" in result.output
    assert validate("--hook", "ci.yaml").output == "0 files checked: no problems\n"


def test_hook_with_quiet_strict_no_warnings_and_formats(tree):
    tree({"top.yaml": TOP % "p.yaml", "p.yaml": PART % "hop"})  # hop has 2 reports: clean
    tree({"warn.yaml": (TOP % "").replace("people:\n", "people:\n  - {id: x, name: X, "
                                                       "title: PM, reports_to: y}\n  - {id: y, "
                                                       "name: Y, title: Head of Product, "
                                                       "reports_to: ceo}\n")})
    quiet = validate("--hook", "--quiet", "p.yaml")
    assert quiet.exit_code == 0 and quiet.output == ""
    warn = validate("--hook", "warn.yaml")
    assert warn.exit_code == 0 and "warning [single-report]" in warn.output
    assert validate("--hook", "--strict", "warn.yaml").exit_code == 1
    assert validate("--hook", "--strict", "--no-warnings", "warn.yaml").exit_code == 0
    github = validate("--hook", "--format", "github", "warn.yaml")
    assert github.output.startswith("::warning file=warn.yaml,line=")
    problems = json.loads(validate("--hook", "--format", "json", "p.yaml").output)
    assert problems == []


def test_an_include_cycle_is_reported_where_it_closes(tree):
    tree({"top.yaml": TOP % "p.yaml", "p.yaml": (PART % "hop") + "include: [top.yaml]\n"})
    result = validate("--hook", "p.yaml")
    assert result.exit_code == 1
    assert "p.yaml:6:11: error [include] include cycle: top.yaml -> p.yaml -> top.yaml" \
        in result.output


@pytest.mark.parametrize(("encoding", "loads"), [("utf-16", True), ("utf-32", True),
                                                 ("utf-16-be", False)])  # (no BOM)
def test_an_org_saved_as_utf16_is_checked_not_skipped(tree, tmp_path, encoding, loads):
    (tmp_path / "org.yaml").write_bytes(TOP.replace("include: [%s]\n", "").encode(encoding))
    assert file_kind("org.yaml") == "org"
    result = validate("--hook", "org.yaml")
    if loads:  # (with a byte order mark, as YAML allows)
        assert (result.exit_code, result.output) == (0, "1 file checked: no problems\n")
    else:
        assert result.exit_code == 1, result.output
        assert result.output.startswith("org.yaml:1:")
        assert "[encoding]" in result.output.splitlines()[0]


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-32", "utf-32-be"])
def test_other_utf16_yaml_is_still_skipped(tree, tmp_path, encoding):
    (tmp_path / "ci.yaml").write_bytes("on: push\n".encode(encoding))
    (tmp_path / "cfn.yaml").write_bytes("Name: !Sub orgviz-charts\n".encode(encoding))
    assert file_kind("ci.yaml") == "other"
    assert file_kind("cfn.yaml") == "other"  # (it mentions orgviz, not as the key)
