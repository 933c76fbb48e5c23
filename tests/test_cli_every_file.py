"""stats and roles report every file that does not load, and refuse a file given twice, as
validate and render do; validate --list-rules takes no files; render's --compact below 1 is
refused as the API refuses it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from orgviz.cli import main

SOLO = ("orgviz: 1\norg: {name: Solo, size: small}\npeople:\n"
        "  - {id: ceo, name: Cy Diaz, title: CEO}\n")
TABS = "orgviz: 1\norg: {name: T, size: small}\npeople:\n\t- {id: a, name: A, title: CEO}\n"
PEOPLE_MAP = "orgviz: 1\norg: {name: M, size: small}\npeople:\n  a: {name: A}\n"
TABS_ERROR = ("tabs.yaml:4:1: error [yaml-syntax] YAML syntax error: found character that "
              "cannot start any token (a tab: YAML indents with spaces only)\n")
MAP_ERROR = "map.yaml:4:3: error [schema] 'people' must be a list, not a mapping\n"


@pytest.fixture
def mixed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A folder (the current one) holding a good org and two that do not load."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "tabs.yaml").write_text(TABS, encoding="utf-8")
    (tmp_path / "solo.yaml").write_text(SOLO, encoding="utf-8")
    (tmp_path / "map.yaml").write_text(PEOPLE_MAP, encoding="utf-8")
    return tmp_path


def test_stats_reports_every_file_that_does_not_load_and_the_others_stats(mixed: Path
                                                                           ) -> None:
    # (stopped at tabs.yaml: its error alone, exit 1, and no stats of solo.yaml)
    result = CliRunner().invoke(main, ["stats", "tabs.yaml", "solo.yaml", "map.yaml"])
    assert result.exit_code == 1
    assert result.stderr == MAP_ERROR + TABS_ERROR
    assert result.stdout.startswith("Solo (small): 1 position, 1 person, 0 open\n")
    assert result.stdout.count("(small):") == 1


def test_stats_json_lists_the_files_that_load(mixed: Path) -> None:
    # (printed nothing at all)
    result = CliRunner().invoke(main, ["stats", "--json", "tabs.yaml", "solo.yaml", "map.yaml"])
    assert (result.exit_code, result.stderr) == (1, MAP_ERROR + TABS_ERROR)
    assert [stats["file"] for stats in json.loads(result.stdout)] == ["solo.yaml"]
    result = CliRunner().invoke(main, ["stats", "--json", "."])  # (a folder: a list too)
    assert (result.exit_code, result.stderr) == (1, MAP_ERROR + TABS_ERROR)  # (not ./map.yaml)
    assert [stats["file"] for stats in json.loads(result.stdout)] == ["solo.yaml"]
    result = CliRunner().invoke(main, ["stats", "--json", "tabs.yaml"])  # (one file: none)
    assert (result.exit_code, result.stdout, result.stderr) == (1, "", TABS_ERROR)


def test_stats_says_which_files_cannot_be_read_and_goes_on(mixed: Path) -> None:
    result = CliRunner().invoke(main, ["stats", "gone.yaml", "tabs.yaml", "solo.yaml"])
    assert result.exit_code == 2
    assert result.stderr == ("orgviz: gone.yaml: cannot read: No such file or directory\n"
                             + TABS_ERROR)
    assert result.stdout.startswith("Solo (small)")


def test_roles_reports_every_file_that_does_not_load_and_draws_nothing(mixed: Path) -> None:
    result = CliRunner().invoke(main, ["roles", ".", "-o", "roles.dot"])
    assert (result.exit_code, result.stdout, result.stderr) == (1, "", MAP_ERROR + TABS_ERROR)
    assert not (mixed / "roles.dot").exists()


@pytest.mark.parametrize("command", ["stats", "roles"])
def test_stats_and_roles_refuse_a_file_given_twice(mixed: Path, command: str) -> None:
    # (drew the same org twice side by side; printed its stats twice)
    output = ["-o", "r.dot"] if command == "roles" else []
    result = CliRunner().invoke(main, [command, "solo.yaml", "./solo.yaml", *output])
    assert (result.exit_code, result.output) == (
        2, "orgviz: ./solo.yaml is given twice: give each org file once\n")
    assert not (mixed / "r.dot").exists()


def test_list_rules_refuses_files() -> None:
    # (listed the rules and left small.yaml unchecked, exit 0)
    result = CliRunner().invoke(main, ["validate", "--list-rules", "small.yaml"],
                                prog_name="orgviz")
    assert (result.exit_code, result.output) == (
        2, "orgviz validate: --list-rules takes no files: it lists the rules and checks none "
           "(leave out small.yaml) (see 'orgviz validate --help')\n")
    result = CliRunner().invoke(main, ["validate", "--strict"], prog_name="orgviz")
    assert (result.exit_code, result.output) == (
        2, "orgviz validate: missing argument 'FILES...' (see 'orgviz validate --help')\n")


@pytest.mark.parametrize(("value", "shown"), [("0", "0"), ("-2", "-2"), (" 00", "0")])
def test_compact_below_one_says_at_least_1_as_the_api_does(mixed: Path, value: str,
                                                          shown: str) -> None:
    # (said "unknown --compact '0'", where RenderOptions(compact=0) says "at least 1")
    result = CliRunner().invoke(main, ["render", "--compact", value, "solo.yaml", "-o",
                                       "x.svg"])
    assert (result.exit_code, result.output) == (
        2, f"orgviz: compact (--compact) must be auto, off or at least 1, not {shown}\n")
    assert not (mixed / "x.svg").exists()
