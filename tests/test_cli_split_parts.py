"""validate's summary counts the files it read, however a split org is named (its top file,
a folder, --hook's changed part); a part of a split org named on the command line is checked
through the org that includes it, and a part that no org includes gives its one header error,
not the follow-on findings of a chart of its people alone."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from orgviz.cli import main

TOP = ("orgviz: 1\norg: {name: Acme, size: small}\ninclude:\n  - acme/product.yaml\n"
       "  - acme/eng.yaml\npeople:\n  - {id: ceo, name: Ada Obi, title: CEO}\n")
PRODUCT = ("orgviz: 1\npeople:\n  - {id: vp-product, name: Ben Cruz, title: VP of Product, "
           "reports_to: ceo}\n")
ENG = "orgviz: 1\npeople:\n  - {id: cto, name: Cy Diaz, title: CTO, reports_to: ceo}\n"
ALLOWED = ("id, name, title, role, reports_to, dotted_to, team, vacant, assistant, location, "
           "email, fte")
SOLO = "orgviz: 1\norg: {name: Solo, size: small}\npeople:\n  - {id: a, name: A, title: CEO}\n"
NO_HEADER = ("error [schema] the org file has no 'org:' header: add 'org: {name: ...}' (a part "
             "of a split org is checked through the file that includes it)")


@pytest.fixture
def split(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The current folder, outside git: orgs/acme.yaml including orgs/acme/product.yaml and
    orgs/acme/eng.yaml (three files, one org), and orgs/solo.yaml."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "orgs" / "acme").mkdir(parents=True)
    (tmp_path / "orgs" / "acme.yaml").write_text(TOP, encoding="utf-8")
    (tmp_path / "orgs" / "acme" / "product.yaml").write_text(PRODUCT, encoding="utf-8")
    (tmp_path / "orgs" / "acme" / "eng.yaml").write_text(ENG, encoding="utf-8")
    (tmp_path / "orgs" / "solo.yaml").write_text(SOLO, encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize("args", [
    ["orgs/acme.yaml"], ["orgs/acme.yaml", "./orgs/acme.yaml"], ["orgs"],
    ["--hook", "orgs/acme.yaml"], ["--hook", "orgs/acme/eng.yaml", "orgs/acme/product.yaml"],
    ["orgs/acme.yaml", "orgs/acme/product.yaml"], ["orgs/acme/product.yaml", "orgs/acme.yaml"],
    ["orgs/acme/product.yaml"], ["orgs/acme"],
])
def test_one_split_org_counts_its_three_files_however_it_is_named(
        split: Path, args: list[str]) -> None:
    # (orgs/acme.yaml alone said "1 file checked", orgs/ "3 files", a folder counting parts)
    result = CliRunner().invoke(main, ["validate", *args])
    files = 4 if args == ["orgs"] else 3  # (orgs/solo.yaml too)
    assert (result.exit_code, result.output) == (0, f"{files} files checked: no problems\n")


def test_the_count_is_of_files_read_across_orgs(split: Path) -> None:
    result = CliRunner().invoke(main, ["validate", "orgs/solo.yaml", "orgs/acme.yaml",
                                       "orgs/gone.yaml"])
    assert result.exit_code == 2
    assert result.stdout == "4 files checked: no problems\n"
    assert result.stderr == "orgviz: orgs/gone.yaml: cannot read: No such file or directory\n"


def test_a_part_with_its_org_is_checked_through_it(split: Path) -> None:
    # (the part was also checked alone: its missing header, a profile-fit warning for an org
    # of one person and an unknown-manager error for 'ceo', who is in orgs/acme.yaml)
    (split / "orgs" / "acme" / "eng.yaml").write_text(ENG.replace("CTO,", "CTO, boss: x,"),
                                                      encoding="utf-8")
    result = CliRunner().invoke(main, ["validate", "-f", "json", "orgs/acme.yaml",
                                       "orgs/acme/product.yaml", "orgs/acme/eng.yaml"])
    assert result.exit_code == 1
    assert [(p["file"], p["line"], p["column"], p["rule"]) for p in json.loads(result.stdout)
            ] == [("orgs/acme/eng.yaml", 3, 42, "schema")]  # (once, for its org)


def test_a_part_alone_is_checked_through_the_org_that_includes_it(split: Path) -> None:
    (split / "orgs" / "acme.yaml").write_text(TOP.replace("title: CEO", "title: CEO, x: 1"),
                                              encoding="utf-8")
    result = CliRunner().invoke(main, ["validate", str(split / "orgs/acme/eng.yaml")])
    assert (result.exit_code, result.output) == (
        1, f"{split / 'orgs/acme.yaml'}:7:42: error [schema] unknown key 'x' in person 'ceo' "
           f"(allowed: {ALLOWED})\n3 files checked: 1 error\n")


def test_a_part_whose_org_does_not_load_is_counted_as_read(split: Path) -> None:
    # (the org's syntax error stops it before its includes: its file and the part given were
    # read, "2 files checked"; it said 1, the part left out of the count)
    (split / "orgs" / "acme.yaml").write_text(TOP.replace("size: small}", "size: small"),
                                              encoding="utf-8")
    result = CliRunner().invoke(main, ["validate", "orgs/acme/eng.yaml"])
    assert result.exit_code == 1
    assert result.output.startswith("orgs/acme.yaml:3:8: error [yaml-syntax] ")
    assert result.output.endswith("2 files checked: 1 error\n")


@pytest.mark.skipif(shutil.which("git") is None, reason="needs git")
def test_a_part_is_found_in_its_git_repository(split: Path, monkeypatch: pytest.MonkeyPatch
                                               ) -> None:
    # (as a folder argument finds it: the YAML files of the part's repository)
    subprocess.run(["git", "init", "-q", str(split / "orgs")], check=True)
    (split / "elsewhere").mkdir()
    monkeypatch.chdir(split / "elsewhere")
    result = CliRunner().invoke(main, ["validate", "../orgs/acme/product.yaml"])
    assert (result.exit_code, result.output) == (0, "3 files checked: no problems\n")


@pytest.mark.parametrize("command", [["validate"], ["render", "-o", "out/"],
                                     ["deck", "-o", "out/deck.pptx"]])
def test_a_part_no_org_includes_gives_its_one_header_error(
        split: Path, command: list[str]) -> None:
    # (with a profile-fit warning, the size being undeclared, and an unknown-manager error;
    # deck, which calls orgviz.validate itself, still said them after validate and render
    # had stopped)
    (split / "lone.yaml").write_text(PRODUCT, encoding="utf-8")
    result = CliRunner().invoke(main, [*command, "lone.yaml"])
    assert (result.exit_code, result.output) == (
        1, f"lone.yaml:1:1: {NO_HEADER}\n1 file checked: 1 error\n")
    assert not (split / "out").exists()


def test_a_part_no_org_includes_keeps_its_own_problems(split: Path) -> None:
    (split / "lone.yaml").write_text(PRODUCT.replace("Product,", "Product, boss: x,"),
                                     encoding="utf-8")
    result = CliRunner().invoke(main, ["validate", "lone.yaml", "-"], input=PRODUCT)
    assert (result.exit_code, result.output) == (
        1, f"<stdin>:1:1: {NO_HEADER}\nlone.yaml:1:1: {NO_HEADER}\n"
           "lone.yaml:3:60: error [schema] unknown key 'boss' in person 'vp-product'; did you "
           f"mean 'reports_to'? (allowed: {ALLOWED})\n"
           "2 files checked: 3 errors\n")


def _deny_listing(monkeypatch: pytest.MonkeyPatch, denied: Path) -> list[str]:
    """Make os.scandir refuse to list `denied`, as for a folder the user may not read; the
    list gets each path it was asked to list."""
    real_scandir, asked = os.scandir, []

    def scandir(path: str = ".") -> object:
        asked.append(os.path.abspath(path))
        if os.path.abspath(path) == str(denied):
            raise PermissionError(13, "Permission denied", path)
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    return asked


@pytest.mark.parametrize("args", [["orgs/acme/eng.yaml"], ["--hook", "orgs/acme/eng.yaml"]])
def test_a_folder_the_search_for_a_parts_org_cannot_list_is_said(
        split: Path, monkeypatch: pytest.MonkeyPatch, args: list[str]) -> None:
    # (the walk for the org that includes a part skipped it silently: an org in it that
    # includes the part went unfound, and the part was checked alone)
    (split / "shut" / "in").mkdir(parents=True)
    _deny_listing(monkeypatch, split / "shut" / "in")
    result = CliRunner().invoke(main, ["validate", *args])
    assert (result.exit_code, result.stdout, result.stderr) == (
        0, "3 files checked: no problems\n",
        "orgviz: warning: shut/in: cannot read: Permission denied (not searched for the org "
        "file that includes a part)\n")


def test_a_folder_given_is_walked_once_for_its_parts_orgs(
        split: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # (outside git its parts' orgs are looked for in it: its files listed already, and a
    # folder in it that cannot be listed said once, as a file that cannot be read)
    (split / "orgs" / "shut").mkdir()
    asked = _deny_listing(monkeypatch, split / "orgs" / "shut")
    result = CliRunner().invoke(main, ["validate", "orgs"])
    assert (result.exit_code, result.stdout, result.stderr) == (
        2, "4 files checked: no problems\n", "orgviz: orgs/shut: cannot read: Permission denied\n")
    assert asked.count(str(split / "orgs")) == 1


@pytest.mark.parametrize("command", ["validate", "render"])
def test_a_folder_a_changed_configuration_cannot_search_is_said(
        split: Path, monkeypatch: pytest.MonkeyPatch, command: str) -> None:
    # (a changed configuration stands for every org file: outside git the walk for them
    # skipped a folder it could not list silently, and so the org files in it)
    (split / ".orgviz.yaml").write_text("rules: {}\n", encoding="utf-8")
    (split / "shut").mkdir()
    _deny_listing(monkeypatch, split / "shut")
    args = ["--hook", ".orgviz.yaml"] if command == "validate" else [
        "--hook", "--format", "dot", ".orgviz.yaml"]
    result = CliRunner().invoke(main, [command, *args])
    assert result.stderr == (
        "orgviz: warning: shut: cannot read: Permission denied (not searched for the org "
        "files the changed configuration applies to)\n")
    assert result.exit_code == 0, result.output
    if command == "validate":  # (the rest still checked)
        assert result.stdout == "4 files checked: no problems\n"
