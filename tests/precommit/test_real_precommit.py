"""The hooks run by the real pre-commit framework in a temporary git repository.

Each test builds a user's repository whose `.pre-commit-config.yaml` names a committed copy of
this repository by path and rev, exactly as users name it by URL, and runs `pre-commit`.
"""

from __future__ import annotations

import subprocess
from typing import Any

import pytest

pytestmark = pytest.mark.precommit

VALIDATE = "      - id: orgviz-validate\n"
BAD_MESSAGE = ("bad/broken.yaml:8:65: error [unknown-manager] 'pm2' reports to 'nobody', "
               "who is not in the org")


@pytest.fixture
def repo(user_repo: Any) -> Any:
    """A user repository with the example files and the validate hook, all committed."""
    for example in ("good", "bad", "other", "split", "split-bad"):
        user_repo.copy_example(example)
    user_repo.write_config(VALIDATE)
    user_repo.commit("examples")
    return user_repo


def test_validate_passes_on_a_good_org(repo):
    proc = repo.run_hook("orgviz-validate", "good/startup.yaml")
    assert proc.returncode == 0, proc.stdout
    assert "orgviz validate" in proc.stdout and "Passed" in proc.stdout


def test_validate_fails_with_path_line_col(repo):
    proc = repo.run_hook("orgviz-validate", "good/startup.yaml", "bad/broken.yaml")
    assert proc.returncode == 1, proc.stdout
    assert "Failed" in proc.stdout and BAD_MESSAGE in proc.stdout
    assert "good/startup.yaml" not in proc.stdout


def test_validate_skips_yaml_that_is_not_an_org_file(repo):
    proc = repo.run_hook("orgviz-validate", "other/workflow.yaml")
    assert proc.returncode == 0, proc.stdout
    assert "workflow.yaml" not in proc.stdout


def test_a_changed_part_checks_its_whole_org(repo):
    good = repo.run_hook("orgviz-validate", "split/teams/product.yaml")
    assert good.returncode == 0, good.stdout  # alone it would lack `org:` and 'ceo'
    bad = repo.run_hook("orgviz-validate", "split-bad/teams/product.yaml")
    assert bad.returncode == 1, bad.stdout
    message = "split-bad/teams/product.yaml:6:65: error [unknown-manager]"
    assert bad.stdout.count(message) == 1


def test_all_files_reports_each_problem_once(repo):
    proc = repo.pre_commit("run", "--all-files", "--color", "never")
    out = proc.stdout + proc.stderr
    assert proc.returncode == 1, out
    assert out.count(BAD_MESSAGE) == 1
    assert out.count("split-bad/teams/product.yaml:6:65: error") == 1
    assert "good/" not in out and "workflow.yaml" not in out and "split/" not in out


def test_git_commit_is_refused_on_a_broken_org(repo):
    assert repo.pre_commit("install").returncode == 0
    repo.write("orgs/new.yaml", (repo.path / "bad/broken.yaml").read_text(encoding="utf-8"))
    repo.write("notes.yaml", "todo: [draw the org]\n")
    add = subprocess.run(["git", "add", "-A"], cwd=repo.path, env=repo.env, check=False)
    assert add.returncode == 0
    commit = subprocess.run(["git", "commit", "-m", "new org"], cwd=repo.path, env=repo.env,
                            capture_output=True, text=True, check=False, timeout=300)
    assert commit.returncode == 1
    assert "orgs/new.yaml:8:65: error [unknown-manager]" in commit.stdout + commit.stderr


@pytest.mark.slow
def test_try_repo_runs_the_hook_from_the_repository(user_repo, hook_repo):
    """`pre-commit try-repo`, as a user tries the hooks before adding them (own fresh env)."""
    for example in ("good", "bad", "other"):
        user_repo.copy_example(example)
    user_repo.commit("examples")
    repo_path, _rev = hook_repo
    proc = user_repo.pre_commit("try-repo", str(repo_path), "orgviz-validate", "--color",
                                "never", "--files", "good/startup.yaml", "bad/broken.yaml",
                                "other/workflow.yaml", timeout=900)
    out = proc.stdout + proc.stderr
    assert proc.returncode == 1, out
    assert BAD_MESSAGE in out and "workflow.yaml:" not in out and "startup.yaml:" not in out

