"""The CI recipes of docs/precommit.md, run as written in scratch git repositories: names
with a space or letters that are not ASCII, other tools' YAML, and a repository without
YAML files."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import orgviz

DOC = Path(__file__).resolve().parents[2] / "docs" / "precommit.md"
SRC = Path(orgviz.__file__).resolve().parents[1]
#: Two org files with an error each, named as git quotes them and as the shell splits them.
ORGS = {
    "orgs/zoë.yaml": "orgviz: 1\norg: {name: Z, size: small}\npeople:\n"
                     "  - {id: a, name: A}\n  - {id: b, name: B, reports_to: nobody}\n",
    "orgs/my org.yaml": "orgviz: 1\norg: {name: S, size: small}\npeople:\n"
                        "  - {id: a, name: A, reports_to: a}\n",
    ".github/workflows/ci.yml": "on: push\njobs: {}\n",
}

pytestmark = pytest.mark.skipif(shutil.which("git") is None or shutil.which("xargs") is None
                                or shutil.which("bash") is None,
                                reason="needs git, xargs and bash")


def recipe(fmt: str) -> str:
    """The one `run:` step of the doc that validates in `--format fmt`."""
    steps = [line.split("- run: ", 1)[1] for line in DOC.read_text("utf-8").splitlines()
             if "- run: " in line and f"--format {fmt}" in line]
    assert len(steps) == 1, steps
    return steps[0]


def run_in_repo(tmp_path: Path, files: dict[str, str], step: str
                ) -> subprocess.CompletedProcess[str]:
    """`step` run by bash -e (as a GitHub workflow's `run:`) in a git repository of
    `files`, with `orgviz` the orgviz of this source tree."""
    repo, bin_dir = tmp_path / "repo", tmp_path / "bin"
    repo.mkdir()
    bin_dir.mkdir()
    for name, text in files.items():
        (repo / name).parent.mkdir(parents=True, exist_ok=True)
        (repo / name).write_text(text, encoding="utf-8")
    (repo / "README").write_text("x\n", encoding="utf-8")
    subprocess.run(["git", "init", "-q"], cwd=repo, check=True)
    subprocess.run(["git", "add", "."], cwd=repo, check=True)
    (bin_dir / "orgviz").write_text(f'#!/bin/sh\nexec "{sys.executable}" -m orgviz "$@"\n',
                                    encoding="utf-8")
    (bin_dir / "orgviz").chmod(0o755)
    env = {**os.environ, "PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}",
           "PYTHONPATH": str(SRC), "GIT_CONFIG_GLOBAL": os.devnull}
    return subprocess.run(["bash", "-e", "-c", step], cwd=repo, env=env, capture_output=True,
                          text=True, encoding="utf-8", timeout=120)


def test_the_github_recipe_checks_every_org_file_by_its_name(tmp_path):
    # (`$(git ls-files '*.yaml' '*.yml')` read "orgs/my" and "org.yaml", and git's
    # "orgs/zo\303\253.yaml": 'cannot read' each)
    result = run_in_repo(tmp_path, ORGS, recipe("github"))
    assert result.returncode != 0, result.stderr
    assert sorted(re.findall(r"^::error file=([^,]+),line=(\d+)", result.stdout, re.M)) == [
        ("orgs/my org.yaml", "4"), ("orgs/zoë.yaml", "5")]
    assert result.stderr == ""


def test_the_github_recipe_passes_a_repository_without_yaml(tmp_path):
    # (it was "missing argument 'FILES...'", exit 2)
    result = run_in_repo(tmp_path, {}, recipe("github"))
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")


def test_the_sarif_recipe_writes_one_log_of_every_org_file(tmp_path):
    result = run_in_repo(tmp_path, ORGS, recipe("sarif"))
    assert result.returncode == 1, result.stderr
    log = json.loads((tmp_path / "repo" / "orgviz.sarif").read_text("utf-8"))
    uris = sorted(location["physicalLocation"]["artifactLocation"]["uri"]
                  for found in log["runs"][0]["results"] for location in found["locations"])
    assert uris == ["orgs/my%20org.yaml", "orgs/zo%C3%AB.yaml"]


def test_the_sarif_recipe_says_a_repository_has_no_org_file(tmp_path):
    # (as docs/precommit.md says: exit 2, and the log says why)
    result = run_in_repo(tmp_path, {".github/workflows/ci.yml": "on: push\n"}, recipe("sarif"))
    assert result.returncode == 2
    assert result.stderr == ("orgviz: .: no org file in this folder (a YAML file with a "
                             "top-level 'orgviz:' key)\n")
    (found,) = json.loads((tmp_path / "repo" / "orgviz.sarif").read_text("utf-8")
                          )["runs"][0]["results"]
    assert found["message"]["text"].startswith("no org file in this folder")
