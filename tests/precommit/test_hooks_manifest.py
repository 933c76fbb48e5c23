"""`.pre-commit-hooks.yaml`: every hook is valid for pre-commit and runs a real orgviz command.

Like check-jsonschema's tests, each hook's entry is also run (in-process, as pre-commit would
call it with file names) against the positive and negative example folders.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import sys
from pathlib import Path

import click
import pytest
import yaml
from click.testing import CliRunner

from orgviz.cli import main
from orgviz.render.engines import EmbeddedEngine

REPO_ROOT = Path(__file__).resolve().parents[2]
MANIFEST = REPO_ROOT / ".pre-commit-hooks.yaml"
EXAMPLES = Path(__file__).resolve().parent / "examples"

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib


def hooks() -> list[dict]:
    return yaml.safe_load(MANIFEST.read_text(encoding="utf-8"))


def hook(hook_id: str) -> dict:
    (found,) = [h for h in hooks() if h["id"] == hook_id]
    return found


def argv(entry: dict) -> list[str]:
    """The entry and default args as pre-commit passes them (before the file names)."""
    return shlex.split(entry["entry"]) + list(entry.get("args", []))


def run_entry(hook_id: str, *files: str) -> object:
    """Run a hook's command in-process, as pre-commit runs it, from the current folder."""
    words = argv(hook(hook_id))
    assert words[0] == "orgviz"
    return CliRunner().invoke(main, [*words[1:], *files])


def test_the_hooks_offered():
    assert [h["id"] for h in hooks()] == ["orgviz-validate", "orgviz-render"]


def test_manifest_is_valid_for_pre_commit():
    clientlib = pytest.importorskip("pre_commit.clientlib")
    loaded = clientlib.load_manifest(str(MANIFEST))
    assert {h["id"] for h in loaded} == {"orgviz-validate", "orgviz-render"}


@pytest.mark.parametrize("entry", hooks(), ids=lambda h: h["id"])
def test_entry_is_a_real_command_of_the_cli(entry):
    words = argv(entry)
    scripts = tomllib.loads((REPO_ROOT / "pyproject.toml").read_text("utf-8"))["project"][
        "scripts"]
    assert words[0] in scripts, f"{words[0]} is not a console script of the package"
    assert scripts[words[0]] == "orgviz.entry:run"  # signals handled, then orgviz.cli.run
    command = main.get_command(click.Context(main), words[1])  # (commands load lazily)
    assert isinstance(command, click.Command), f"'orgviz {words[1]}' is not a command"
    # The entry's options parse, with the file names pre-commit appends.
    with command.make_context(words[1], [*words[2:], "a.yaml", "b.yml"]) as ctx:
        assert ctx.params["files"] == ("a.yaml", "b.yml")
        assert ctx.params["hook"] is True


@pytest.mark.parametrize("entry", hooks(), ids=lambda h: h["id"])
def test_hooks_see_yaml_and_all_files_at_once(entry):
    assert entry["language"] == "python"
    assert "types" not in entry and entry["types_or"] == ["yaml", "toml"]
    # documented: users narrow it with their own `files:`; the project configuration (its
    # change stands for every org file) is seen too, another TOML file is not
    pattern = re.compile(entry["files"])
    assert all(pattern.search(name) for name in (
        "a.yaml", "orgs/b.yml", ".orgviz.yaml", "pyproject.toml"))
    assert not any(pattern.search(name) for name in (
        "Cargo.toml", "sub/pyproject.toml", "ruff.toml", "a.yaml.txt"))
    assert entry["require_serial"] is True  # a part and its org must meet in one process
    assert entry.get("pass_filenames", True) is True


@pytest.fixture
def examples(tmp_path, monkeypatch):
    """The example folders copied into a temp folder that is the current folder."""
    shutil.copytree(EXAMPLES, tmp_path, dirs_exist_ok=True)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def files_in(folder: str) -> list[str]:
    return sorted(Path(root, name).as_posix() for root, _dirs, names in os.walk(folder)
                  for name in names if name.endswith((".yaml", ".yml")))


@pytest.mark.parametrize("folder", ["good", "other", "split"])
def test_validate_hook_passes_on_positive_examples(examples, folder):
    result = run_entry("orgviz-validate", *files_in(folder))
    assert result.exit_code == 0, result.output


@pytest.mark.parametrize(("folder", "message"), [
    ("bad", "bad/broken.yaml:8:65: error [unknown-manager]"),
    ("split-bad", "split-bad/teams/product.yaml:6:65: error [unknown-manager]"),
])
def test_validate_hook_fails_on_negative_examples(examples, folder, message):
    result = run_entry("orgviz-validate", *files_in(folder))
    assert result.exit_code == 1
    assert result.output.count(message) == 1


@pytest.mark.embedded_graphviz
def test_render_hook_draws_then_passes(examples):
    if EmbeddedEngine().find() is None:
        pytest.skip("needs graphviz-pure")
    first = run_entry("orgviz-render", *files_in("good"), *files_in("other"))
    assert first.exit_code == 1, first.output
    assert "rendered output/startup.svg (it was missing)" in first.output
    drawn = (examples / "output" / "startup.svg").read_bytes()
    again = run_entry("orgviz-render", *files_in("good"), *files_in("other"))
    assert again.exit_code == 0, again.output
    assert "0 diagrams re-rendered, 1 up to date" in again.output
    assert (examples / "output" / "startup.svg").read_bytes() == drawn
    assert sorted(p.name for p in (examples / "output").iterdir()) == ["startup.svg"]
