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
BAD_MESSAGE = ("bad/broken.yaml:8:65: error [unknown-manager] 'pm2' (Ed Fox) reports to "
               "'nobody', who is not in the org")


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



RENDER = "      - id: orgviz-render\n"


@pytest.fixture
def render_repo(user_repo: Any) -> Any:
    """A user repository with orgs/ (one org, one split org), other YAML and the render hook."""
    user_repo.copy_example("good/startup.yaml", "orgs/startup.yaml")
    user_repo.copy_example("split", "orgs/split")
    user_repo.copy_example("other")
    user_repo.write_config(RENDER)
    user_repo.commit("orgs")
    return user_repo


def test_render_draws_a_missing_diagram_and_fails(render_repo):
    proc = render_repo.run_hook("orgviz-render", "orgs/startup.yaml", "other/workflow.yaml")
    assert proc.returncode == 1, proc.stdout
    assert "rendered output/startup.svg (it was missing)" in proc.stdout
    svg = (render_repo.path / "output" / "startup.svg").read_bytes()
    assert svg.startswith(b"<?xml") and b"<!-- orgviz-source-sha256: " in svg
    assert sorted(p.name for p in (render_repo.path / "output").iterdir()) == ["startup.svg"]


def test_render_passes_when_committed_diagrams_are_up_to_date(render_repo):
    files = ("orgs/startup.yaml", "orgs/split/org.yaml", "orgs/split/teams/product.yaml")
    assert render_repo.run_hook("orgviz-render", *files).returncode == 1
    render_repo.commit("diagrams")
    proc = render_repo.run_hook("orgviz-render", *files)
    assert proc.returncode == 0, proc.stdout
    assert "Passed" in proc.stdout
    assert render_repo.pre_commit("run", "--all-files").returncode == 0


def test_render_redraws_a_stale_diagram_like_a_formatter(render_repo):
    assert render_repo.run_hook("orgviz-render", "orgs/startup.yaml").returncode == 1
    render_repo.commit("diagram")
    before = (render_repo.path / "output" / "startup.svg").read_bytes()
    org = render_repo.path / "orgs" / "startup.yaml"
    org.write_text(org.read_text(encoding="utf-8")
                   + "  - {id: pm3, name: Flo Gu, title: Product Manager, reports_to: hop}\n",
                   encoding="utf-8")
    render_repo.commit("a new PM, diagram not redrawn")
    proc = render_repo.run_hook("orgviz-render", "orgs/startup.yaml")
    assert proc.returncode == 1, proc.stdout
    assert "rendered output/startup.svg (it was out of date)" in proc.stdout
    assert "files were modified by this hook" in proc.stdout
    after = (render_repo.path / "output" / "startup.svg").read_bytes()
    assert after != before and b"Flo Gu" in after
    render_repo.commit("diagram redrawn")
    assert render_repo.run_hook("orgviz-render", "orgs/startup.yaml").returncode == 0


def test_render_of_a_changed_part_redraws_its_whole_org(render_repo):
    proc = render_repo.run_hook("orgviz-render", "orgs/split/teams/product.yaml")
    assert proc.returncode == 1, proc.stdout
    assert "rendered output/org.svg (it was missing)" in proc.stdout
    assert b"Di Eze" in (render_repo.path / "output" / "org.svg").read_bytes()
    assert not (render_repo.path / "output" / "product.svg").exists()
