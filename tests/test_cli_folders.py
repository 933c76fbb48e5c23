"""A folder on the command line of validate, render, stats, roles and deck stands for its org
files."""

from __future__ import annotations

import json
import os
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


CYCLE = ("orgviz: 1\norg: {name: Cycle, size: small}\npeople:\n"
         "  - {id: a, name: Ann Ash, title: CEO, reports_to: b}\n"
         "  - {id: b, name: Bo Bell, title: CEO, reports_to: a}\n")


def test_a_folder_without_org_files_does_not_hide_the_other_files(tmp_path: Path) -> None:
    # (validate stopped at the empty folder: broken.yaml's cycle was never reported)
    (tmp_path / "empty").mkdir()
    (tmp_path / "broken.yaml").write_text(CYCLE, encoding="utf-8")
    result = CliRunner().invoke(main, ["validate", str(tmp_path / "empty"),
                                       str(tmp_path / "broken.yaml")])
    assert result.exit_code == 2  # (a path that cannot be read, as before)
    assert result.stderr == (f"orgviz: {tmp_path}/empty: no org file in this folder (a YAML "
                             "file with a top-level 'orgviz:' key)\n")
    assert result.stdout.startswith(f"{tmp_path}/broken.yaml:4:52: error [cycle] reporting "
                                    "cycle: a (line 4) -> b (line 5) -> a")
    assert result.stdout.endswith("\n1 file checked: 2 errors, 2 warnings\n")


@pytest.mark.parametrize("fmt", ["json", "github", "sarif"])
def test_a_report_holds_every_path_that_cannot_be_read(tmp_path: Path, fmt: str) -> None:
    # (-f json listed the empty folder only: the missing file was left out)
    (tmp_path / "empty").mkdir()
    result = CliRunner().invoke(main, ["validate", "-f", fmt, str(tmp_path / "nothere.yaml"),
                                       str(tmp_path / "empty")])
    assert result.exit_code == 2
    assert result.stderr == (
        f"orgviz: {tmp_path}/nothere.yaml: cannot read: No such file or directory\n"
        f"orgviz: {tmp_path}/empty: no org file in this folder (a YAML file with a top-level "
        "'orgviz:' key)\n")
    if fmt == "json":
        assert [(p["file"], p["line"], p["rule"], p["message"])
                for p in json.loads(result.stdout)] == [
            (f"{tmp_path}/empty", 1, "read", "no org file in this folder (a YAML file with a "
                                             "top-level 'orgviz:' key)"),
            (f"{tmp_path}/nothere.yaml", 1, "read", "cannot read: No such file or directory")]
    elif fmt == "github":
        assert result.stdout.splitlines() == [
            f"::error file={tmp_path}/empty,line=1,col=1,title=orgviz read::no org file in "
            "this folder (a YAML file with a top-level 'orgviz:' key)",
            f"::error file={tmp_path}/nothere.yaml,line=1,col=1,title=orgviz read::cannot "
            "read: No such file or directory"]
    else:
        results = json.loads(result.stdout)["runs"][0]["results"]
        assert [(r["ruleId"], r["locations"][0]["physicalLocation"]["region"]["startLine"])
                for r in results] == [("read", 1), ("read", 1)]
        assert [r["message"]["text"].split(":")[0] for r in results] == [
            "no org file in this folder (a YAML file with a top-level 'orgviz", "cannot read"]


def test_validate_checks_a_file_given_twice_once(tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    # (printed every problem twice, once as e2.yaml and once as ./e2.yaml)
    monkeypatch.chdir(tmp_path)
    (tmp_path / "e2.yaml").write_text(CYCLE, encoding="utf-8")
    result = CliRunner().invoke(main, ["validate", "e2.yaml", "./e2.yaml"])
    assert result.exit_code == 1
    assert result.stderr == ""  # (silently: overlapping paths check the same thing)
    lines = result.stdout.splitlines()
    assert lines[0].startswith("e2.yaml:4:52: error [cycle] reporting cycle")
    assert len(lines) == 5 and not any(line.startswith("./e2.yaml") for line in lines)
    assert lines[-1] == "1 file checked: 2 errors, 2 warnings"


def test_validate_checks_a_folder_and_a_file_in_it_once(folder: Path) -> None:
    (folder / "broken.yaml").write_text(BROKEN, encoding="utf-8")
    result = CliRunner().invoke(main, ["validate", str(folder / "broken.yaml"), str(folder),
                                       f"{folder}/../orgs/broken.yaml"])
    assert result.exit_code == 1
    [problem, summary] = result.stdout.splitlines()
    assert problem.startswith(f"{folder}/broken.yaml:4:22: error [schema] unknown key 'boss'")
    assert summary == "4 files checked: 1 error"


def test_standard_input_given_twice_is_still_refused(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["validate", "-", "-"], input=SOLO)
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == "orgviz: - is given twice: standard input is read once; give - once\n"


def test_deck_refuses_a_file_given_twice(tmp_path: Path, monkeypatch: pytest.MonkeyPatch
                                         ) -> None:
    # (built a comparison deck of the org against itself)
    monkeypatch.chdir(tmp_path)
    (tmp_path / "base.yaml").write_text(SOLO, encoding="utf-8")
    result = CliRunner().invoke(main, ["deck", "base.yaml", "./base.yaml", "-o", "x.pdf"])
    assert (result.exit_code, result.output) == (
        2, "orgviz: ./base.yaml is given twice: give each org file once\n")
    assert not (tmp_path / "x.pdf").exists()
    (tmp_path / "alias.yaml").symlink_to("base.yaml")
    result = CliRunner().invoke(main, ["deck", "base.yaml", "alias.yaml", "-o", "x.pdf"])
    assert (result.exit_code, result.output) == (
        2, "orgviz: alias.yaml is given twice (as base.yaml): give each org file once\n")
    assert not (tmp_path / "x.pdf").exists()


def test_render_draws_a_file_linked_under_another_name_as_that_name(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # (two charts of two names: not refused as given twice, which the same name is)
    monkeypatch.chdir(tmp_path)
    (tmp_path / "base.yaml").write_text(SOLO, encoding="utf-8")
    (tmp_path / "latest.yaml").symlink_to("base.yaml")
    result = CliRunner().invoke(main, ["render", "base.yaml", "latest.yaml", "-o", "out/"])
    assert (result.exit_code, result.output) == (0, "out/base.svg\nout/latest.svg\n")


BROKEN_PART = ("orgviz: 1\npeople:\n  - {id: hop, name: Ben Cruz, title: Head of Product, "
               "reports_to: nobody}\n")


def _annotated_files(output: str) -> list[str]:
    """The `file=` of each annotation of a -f github report."""
    return [line.split("file=", 1)[1].split(",", 1)[0] for line in output.splitlines()]


def test_github_annotations_name_files_relative_to_the_current_folder(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # (a folder's files were `./orgs/solo.yaml`, a split org's part `orgs/split/eng.yaml`, a
    # file given by its absolute path inside the current folder was absolute)
    work, elsewhere = tmp_path / "work", tmp_path / "elsewhere"
    (work / "orgs" / "split").mkdir(parents=True)
    elsewhere.mkdir()
    (work / "orgs" / "top.yaml").write_text(TOP.replace("parts/team.yaml", "split/eng.yaml"),
                                            encoding="utf-8")
    (work / "orgs" / "split" / "eng.yaml").write_text(BROKEN_PART, encoding="utf-8")
    (work / "orgs" / "solo.yaml").write_text(BROKEN, encoding="utf-8")
    (elsewhere / "far.yaml").write_text(BROKEN, encoding="utf-8")
    monkeypatch.chdir(work)
    result = CliRunner().invoke(main, ["validate", "-f", "github", "."])
    assert result.exit_code == 1, result.output
    assert _annotated_files(result.stdout) == ["orgs/solo.yaml", "orgs/split/eng.yaml"]
    assert result.stdout.splitlines()[1] == (
        "::error file=orgs/split/eng.yaml,line=3,col=67,title=orgviz unknown-manager::'hop' "
        "reports to 'nobody', who is not in the org: use the id of an existing person, or add "
        "that person")
    # (a path into the current folder, however spelt, is named alike; one outside it is
    # absolute, normalised)
    result = CliRunner().invoke(main, ["validate", "-f", "github",
                                       str(work / "orgs" / "solo.yaml"),
                                       "orgs/split/../split/eng.yaml", "../elsewhere/far.yaml"])
    assert _annotated_files(result.stdout) == [  # (in the order of the paths as given)
        str(elsewhere / "far.yaml"), "orgs/solo.yaml", "orgs/split/eng.yaml"]
    monkeypatch.chdir(work / "orgs")
    result = CliRunner().invoke(main, ["validate", "-f", "github", "split", str(elsewhere)])
    assert set(_annotated_files(result.stdout)) == {"split/eng.yaml", str(elsewhere / "far.yaml")}


def _reported_files(fmt: str, output: str) -> set[str]:
    """The files a text, json or github report of validate names."""
    if fmt == "json":
        return {problem["file"] for problem in json.loads(output)}
    if fmt == "github":
        return set(_annotated_files(output))
    return {line.split(":", 1)[0] for line in output.splitlines()[:-1]}  # (the summary last)


@pytest.fixture
def spelt(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The current folder, outside git: orgs/top.yaml including orgs/split/eng.yaml, both
    with problems, and orgs/solo.yaml, with problems."""
    (tmp_path / "orgs" / "split").mkdir(parents=True)
    (tmp_path / "orgs" / "top.yaml").write_text(
        TOP.replace("parts/team.yaml", "split/eng.yaml").replace("CEO}", "CEO, x: 1}"),
        encoding="utf-8")
    (tmp_path / "orgs" / "split" / "eng.yaml").write_text(BROKEN_PART, encoding="utf-8")
    (tmp_path / "orgs" / "solo.yaml").write_text(BROKEN, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.mark.parametrize("fmt", ["text", "json", "github"])
@pytest.mark.parametrize("folder", [".", "./orgs", "orgs", "orgs/", "./orgs/./"])
def test_every_report_names_a_folders_files_alike(spelt: Path, fmt: str, folder: str) -> None:
    # (text and json named a folder's files `./orgs/solo.yaml` for `.` or `./orgs`, and the
    # part checked through its org `orgs/split/eng.yaml`: the two spellings in one report)
    result = CliRunner().invoke(main, ["validate", "-f", fmt, folder])
    assert result.exit_code == 1, result.output
    assert _reported_files(fmt, result.stdout) == {
        "orgs/top.yaml", "orgs/split/eng.yaml", "orgs/solo.yaml"}


@pytest.mark.parametrize("fmt", ["text", "json"])
def test_a_folder_given_absolute_or_above_names_its_files_so(
        spelt: Path, fmt: str, monkeypatch: pytest.MonkeyPatch) -> None:
    result = CliRunner().invoke(main, ["validate", "-f", fmt, f"{spelt}/./orgs/"])
    assert _reported_files(fmt, result.stdout) == {
        str(spelt / "orgs" / name) for name in ("top.yaml", "split/eng.yaml", "solo.yaml")}
    monkeypatch.chdir(spelt / "orgs" / "split")
    result = CliRunner().invoke(main, ["validate", "-f", fmt, "../"])
    assert _reported_files(fmt, result.stdout) == {
        "../top.yaml", "../split/eng.yaml", "../solo.yaml"}


def test_a_folder_through_a_link_and_up_is_not_normalised_away(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # (`link/..` is the folder holding the link's target, not the current folder: its files
    # are named through it, where `solo.yaml` would name no file)
    (tmp_path / "real" / "inner").mkdir(parents=True)
    (tmp_path / "real" / "solo.yaml").write_text(BROKEN, encoding="utf-8")
    (tmp_path / "link").symlink_to(tmp_path / "real" / "inner")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["validate", "-f", "json", "link/.."])
    assert (result.exit_code, _reported_files("json", result.stdout)) == (
        1, {os.path.join("link", "..", "solo.yaml")})


def test_an_unreadable_folder_below_dot_is_named_as_the_files_are(
        spelt: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (spelt / "orgs" / "locked").mkdir()
    _deny_listing(monkeypatch, spelt / "orgs" / "locked")
    result = CliRunner().invoke(main, ["validate", "-f", "json", "."])
    assert result.stderr == "orgviz: orgs/locked: cannot read: Permission denied\n"
    assert _reported_files("json", result.stdout) == {
        "orgs/top.yaml", "orgs/split/eng.yaml", "orgs/solo.yaml", "orgs/locked"}


def _deny_listing(monkeypatch: pytest.MonkeyPatch, denied: Path) -> None:
    """Make os.scandir refuse to list `denied`, as for a folder the user may not read."""
    real_scandir = os.scandir

    def scandir(path: str = ".") -> object:
        if os.path.abspath(path) == str(denied):
            raise PermissionError(13, "Permission denied", path)
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)


def test_an_unreadable_folder_inside_a_folder_given_is_a_read_problem(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # (outside git the walk skipped tree/sub silently: "1 file checked: no problems")
    monkeypatch.chdir(tmp_path)
    (tmp_path / "tree" / "sub").mkdir(parents=True)
    (tmp_path / "tree" / "solo.yaml").write_text(SOLO, encoding="utf-8")
    (tmp_path / "tree" / "sub" / "hidden.yaml").write_text(BROKEN, encoding="utf-8")
    (tmp_path / "only" / "sub").mkdir(parents=True)
    _deny_listing(monkeypatch, tmp_path / "tree" / "sub")
    result = CliRunner().invoke(main, ["validate", "tree"])
    assert (result.exit_code, result.stdout, result.stderr) == (
        2, "1 file checked: no problems\n", "orgviz: tree/sub: cannot read: Permission denied\n")
    result = CliRunner().invoke(main, ["validate", "-f", "json", "tree"])
    assert result.exit_code == 2
    assert json.loads(result.stdout) == [{
        "file": "tree/sub", "line": 1, "column": 1, "level": "error", "rule": "read",
        "message": "cannot read: Permission denied"}]
    # (a folder whose only subfolder cannot be listed is not said to hold no org file)
    _deny_listing(monkeypatch, tmp_path / "only" / "sub")
    result = CliRunner().invoke(main, ["validate", "only", "tree/solo.yaml"])
    assert (result.exit_code, result.stdout, result.stderr) == (
        2, "1 file checked: no problems\n", "orgviz: only/sub: cannot read: Permission denied\n")


def test_render_of_a_folder_holding_an_unreadable_folder_says_so(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # (as for an unreadable file given: nothing drawn, exit 2; it drew the rest silently)
    monkeypatch.chdir(tmp_path)
    (tmp_path / "tree" / "sub").mkdir(parents=True)
    (tmp_path / "tree" / "solo.yaml").write_text(SOLO, encoding="utf-8")
    _deny_listing(monkeypatch, tmp_path / "tree" / "sub")
    result = CliRunner().invoke(main, ["render", "tree", "-o", "out/"])
    assert (result.exit_code, result.stdout, result.stderr) == (
        2, "", "orgviz: tree/sub: cannot read: Permission denied\n")
    assert not (tmp_path / "out").exists()


def test_a_file_in_a_folder_given_that_cannot_be_looked_at_is_a_read_problem(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # (stat refused for want of permission, as in a folder that may be listed but not
    # entered: the file was left out silently, "1 file checked: no problems")
    monkeypatch.chdir(tmp_path)
    (tmp_path / "tree" / "sub").mkdir(parents=True)
    (tmp_path / "tree" / "solo.yaml").write_text(SOLO, encoding="utf-8")
    (tmp_path / "tree" / "sub" / "org.yaml").write_text(SOLO, encoding="utf-8")
    real_stat, denied = os.stat, str(tmp_path / "tree" / "sub" / "org.yaml")

    def stat(path: str, *args: object, **kwargs: object) -> os.stat_result:
        if os.path.abspath(path) == denied:
            raise PermissionError(13, "Permission denied", path)
        return real_stat(path, *args, **kwargs)

    monkeypatch.setattr(os, "stat", stat)
    result = CliRunner().invoke(main, ["validate", "tree"])
    assert (result.exit_code, result.stdout, result.stderr) == (
        2, "1 file checked: no problems\n",
        "orgviz: tree/sub/org.yaml: cannot read: Permission denied\n")
