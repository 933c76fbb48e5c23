"""A folder on the command line of validate, render, stats, roles and deck stands for its org
files."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from orgviz.cli import main
from orgviz.orgfiles import expand_folders

TOP = ("orgviz: 1\norg: {name: Split, size: small}\ninclude: [parts/team.yaml]\npeople:\n"
       "  - {id: ceo, name: Ada Obi, title: CEO}\n")
PART = ("orgviz: 1\npeople:\n  - {id: hop, name: Ben Cruz, title: Head of Product, "
        "reports_to: ceo}\n")
SOLO = ("orgviz: 1\norg: {name: Solo, size: small}\npeople:\n"
        "  - {id: ceo, name: Cy Diaz, title: CEO}\n")
BROKEN = "orgviz: 1\norg: {name: Broken, size: small}\npeople:\n  - {id: a, name: A, boss: b}\n"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """orgs/: a split org (top + part), a plain org, a config file and a YAML file of
    another tool, and an org in a hidden folder."""
    root = tmp_path / "orgs"
    (root / "parts").mkdir(parents=True)
    (root / "split.yaml").write_text(TOP, encoding="utf-8")
    (root / "parts" / "team.yaml").write_text(PART, encoding="utf-8")
    (root / "solo.yml").write_text(SOLO, encoding="utf-8")
    (root / ".orgviz.yaml").write_text("rules: {}\n", encoding="utf-8")
    (root / "compose.yaml").write_text("services: {}\n", encoding="utf-8")
    (root / ".cache").mkdir()
    (root / ".cache" / "old.yaml").write_text(BROKEN, encoding="utf-8")
    return root


def test_a_folder_stands_for_its_org_files(folder: Path) -> None:
    # Other YAML is skipped, the part is checked as its whole org, hidden folders left out.
    assert sorted(Path(p).relative_to(folder).as_posix()
                  for p in expand_folders([str(folder)])) == ["solo.yml", "split.yaml"]


def test_files_alone_are_kept_as_given(folder: Path) -> None:
    twice = [str(folder / "solo.yml"), str(folder / "solo.yml")]
    assert expand_folders(twice) == twice  # (as before folders were taken)
    assert expand_folders([str(folder), str(folder / "solo.yml")]).count(
        str(folder / "solo.yml")) == 1


def test_validate_a_folder(folder: Path) -> None:
    result = CliRunner().invoke(main, ["validate", str(folder)])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[-1] == "3 files checked: no problems"  # (with the part)


def test_validate_a_folder_reports_its_files_problems(folder: Path) -> None:
    (folder / "broken.yaml").write_text(BROKEN, encoding="utf-8")
    result = CliRunner().invoke(main, ["validate", str(folder)])
    assert result.exit_code == 1
    assert f"{folder / 'broken.yaml'}:4:22: error [schema] unknown key 'boss'" in result.output


def test_a_folder_without_org_files_is_a_usage_error(tmp_path: Path) -> None:
    (tmp_path / "compose.yaml").write_text("services: {}\n", encoding="utf-8")
    for command in ("validate", "render", "stats"):
        result = CliRunner().invoke(main, [command, str(tmp_path)])
        assert result.exit_code == 2
        assert result.output == (f"orgviz: {tmp_path}: no org file in this folder (a YAML "
                                 "file with a top-level 'orgviz:' key)\n")


def test_render_a_folder(folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "charts"
    result = CliRunner().invoke(main, ["render", str(folder), "-o", f"{out}/"])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir()) == ["solo.svg", "split.svg"]


def test_roles_and_deck_of_a_folder(folder: Path, tmp_path: Path) -> None:
    chart = tmp_path / "roles.dot"
    result = CliRunner().invoke(main, ["roles", str(folder), "-o", str(chart)])
    assert result.exit_code == 0, result.output
    text = chart.read_text(encoding="utf-8")
    assert "Solo" in text and "Split" in text and "Broken" not in text  # (.cache: hidden)
    deck = tmp_path / "deck.pdf"
    result = CliRunner().invoke(main, ["deck", str(folder), "-o", str(deck)])
    assert result.exit_code == 0, result.output
    assert deck.read_bytes().startswith(b"%PDF-")
    empty = tmp_path / "empty"
    empty.mkdir()
    result = CliRunner().invoke(main, ["roles", str(empty), "-o", str(chart)])
    assert result.exit_code == 2
    assert result.output == (f"orgviz: {empty}: no org file in this folder (a YAML file with "
                             "a top-level 'orgviz:' key)\n")


def test_stats_of_a_folder_is_a_list_in_json(folder: Path) -> None:
    (folder / "split.yaml").unlink()
    shutil.rmtree(folder / "parts")
    result = CliRunner().invoke(main, ["stats", str(folder), "--json"])
    assert result.exit_code == 0, result.output
    stats = json.loads(result.output)
    assert isinstance(stats, list) and [s["org"] for s in stats] == ["Solo"]  # (one org)


@pytest.mark.skipif(shutil.which("git") is None, reason="needs git")
def test_in_git_an_ignored_file_is_left_out(folder: Path) -> None:
    subprocess.run(["git", "init", "-q", str(folder)], check=True)
    # (in git, what git lists counts: an untracked file it does not ignore too, even in a
    # hidden folder)
    assert [Path(p).name for p in expand_folders([str(folder)])] == [
        "old.yaml", "solo.yml", "split.yaml"]
    (folder / ".gitignore").write_text("solo.yml\n.cache/\n", encoding="utf-8")
    assert [Path(p).name for p in expand_folders([str(folder)])] == ["split.yaml"]


def test_two_orgs_of_one_name_say_how_to_draw_both(tmp_path: Path) -> None:
    # (said "render them separately", which without --hook overwrote one with the other)
    for region in ("emea", "apac"):
        (tmp_path / region).mkdir()
        (tmp_path / region / "org.yaml").write_text(SOLO, encoding="utf-8")
    result = CliRunner().invoke(main, ["render", str(tmp_path), "-o", f"{tmp_path}/out/"])
    assert result.exit_code == 2
    assert result.output == (
        f"orgviz: {tmp_path}/apac/org.yaml and {tmp_path}/emea/org.yaml would both be written "
        f"to {tmp_path}/out/org.svg (a chart is named after its org file): give each its own "
        f"file, such as orgviz render {tmp_path}/emea/org.yaml -o {tmp_path}/out/emea-org.svg\n")
    assert not (tmp_path / "out").exists()



def test_one_org_given_twice_says_so(tmp_path: Path) -> None:
    # (said "x.yaml and x.yaml would both be written", and suggested an -o of a renamed file)
    (tmp_path / "x.yaml").write_text(SOLO, encoding="utf-8")
    result = CliRunner().invoke(main, ["render", str(tmp_path / "x.yaml"),
                                       f"{tmp_path}/../{tmp_path.name}/x.yaml",
                                       "-o", f"{tmp_path}/out/"])
    assert result.exit_code == 2
    assert result.output == (f"orgviz: {tmp_path}/../{tmp_path.name}/x.yaml is given twice: "
                             f"give each org file once\n")
    assert not (tmp_path / "out").exists()

@pytest.mark.skipif(shutil.which("git") is None, reason="needs git")
def test_a_folder_of_parts_checks_the_org_that_includes_them(folder: Path) -> None:
    # (the part was checked alone: "no 'org:' header", unknown managers)
    subprocess.run(["git", "init", "-q", str(folder)], check=True)
    assert expand_folders([str(folder / "parts")]) == [str(folder / "split.yaml")]
    result = CliRunner().invoke(main, ["validate", str(folder / "parts")])
    assert (result.exit_code, result.output) == (0, "2 files checked: no problems\n")
