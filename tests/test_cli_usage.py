"""Usage errors of the command line (click's own checks of options and arguments): one
line naming the command, exit status 2, never click's usage block of four lines."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from orgviz.cli import main

SMALL = "orgviz: 1\norg: {name: Tiny}\npeople:\n  - {id: ann, name: Ann Lee, title: CEO}\n"


@pytest.fixture
def org(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "orgs").mkdir()
    (tmp_path / "orgs" / "tiny.yaml").write_text(SMALL)
    return "orgs/tiny.yaml"


def usage_error(*args: str) -> str:
    """The one line a usage error prints (asserting status 2 and a single line)."""
    result = CliRunner().invoke(main, list(args), prog_name="orgviz", catch_exceptions=False)
    assert result.exit_code == 2, result.output
    assert result.output.count("\n") == 1, result.output
    assert "Usage:" not in result.output and "Traceback" not in result.output
    return result.output.rstrip("\n")


@pytest.mark.parametrize(("args", "line"), [
    (["render", "{org}", "--depth", "0"],
     "orgviz render: invalid value for '--depth': 0 is not in the range x>=1 "
     "(see 'orgviz render --help')"),
    (["render", "--bogus"], "orgviz render: no such option '--bogus' (see 'orgviz render --help')"),
    (["renderr", "x"],
     "orgviz: no such command 'renderr'; did you mean 'render'? (see 'orgviz --help')"),
    (["--bogus"], "orgviz: no such option '--bogus' (see 'orgviz --help')"),
    (["schema", "x", "y"],
     "orgviz schema: got unexpected extra arguments (x y) (see 'orgviz schema --help')"),
    (["schema", "x"],
     "orgviz schema: got unexpected extra argument (x) (see 'orgviz schema --help')"),
    (["render", "{org}", "-o"],
     "orgviz render: option '-o' requires an argument (see 'orgviz render --help')"),
    (["render"], "orgviz render: missing argument 'FILES...' (see 'orgviz render --help')"),
    (["export", "{org}"],
     "orgviz export: missing option '--format' / '-f'. Choose from: mermaid, json, csv, graphml "
     "(see 'orgviz export --help')"),
    (["deck", "{org}", "-o", "d.pptx", "--split", "random"],
     "orgviz deck: invalid value for '--split': 'random' is not one of 'team', 'manager', "
     "'depth' (see 'orgviz deck --help')"),
])
def test_click_usage_errors_are_one_line(org: str, args: list[str], line: str) -> None:
    assert usage_error(*(a.format(org=org) for a in args)) == line


def test_a_misspelt_option_suggests_the_option_meant(org: str) -> None:
    line = usage_error("render", org, "--dpth", "2")
    assert line.startswith("orgviz render: no such option '--dpth'; did you mean ")
    assert "'--depth'" in line and line.endswith("(see 'orgviz render --help')")


@pytest.mark.parametrize("command", ["export", "import", "roles", "diff"])
def test_output_that_is_a_folder_says_to_name_a_file(org: str, command: str) -> None:
    source = "people.csv" if command == "import" else org
    Path("people.csv").write_text("id,name\n1,Ann\n")
    extra = ["-f", "json"] if command == "export" else []
    args = [command, source, *([org] if command == "diff" else []), *extra, "-o", "orgs"]
    assert usage_error(*args) == (
        f"orgviz {command}: invalid value for '-o' / '--output': 'orgs' is a folder: name the "
        f"file to write, as in -o orgs/NAME (see 'orgviz {command} --help')")
    assert sorted(p.name for p in Path("orgs").iterdir()) == ["tiny.yaml"]


@pytest.mark.parametrize("command", ["export", "import", "roles", "diff", "deck"])
@pytest.mark.parametrize("output", ["new/", "new/.", "orgs/chart.svg/"])
def test_output_that_names_a_folder_is_refused_up_front(org: str, command: str,
                                                        output: str) -> None:
    # (`-o new/` wrote a file named `new`: a folder that is there was refused, one to be was
    # not; `-o new/..` names no folder while new is not there: test_cli_output_paths.py)
    source = "people.csv" if command == "import" else org
    Path("people.csv").write_text("id,name\n1,Ann\n")
    extra = ["-f", "json"] if command == "export" else []
    args = [command, source, *([org] if command == "diff" else []), *extra, "-o", output]
    before = sorted(str(p) for p in Path().rglob("*"))
    assert usage_error(*args) == (
        f"orgviz {command}: invalid value for '-o' / '--output': '{output}' names a folder: "
        f"name the file to write, as in -o {os.path.join(output, 'NAME')} "
        f"(see 'orgviz {command} --help')")
    assert sorted(str(p) for p in Path().rglob("*")) == before


def test_a_folder_where_one_org_file_is_taken(org: str) -> None:
    assert usage_error("export", "orgs", "-f", "json") == (
        "orgviz export: invalid value for 'FILE': 'orgs' is a folder, and export takes an org "
        "file: give one in it (orgs/NAME.yaml); validate, render, stats, roles and deck take "
        "folders "
        "(see 'orgviz export --help')")


def test_a_folder_where_old_and_new_files_are_taken(org: str) -> None:
    assert usage_error("diff", "orgs", "orgs/tiny.yaml") == (
        "orgviz diff: invalid value for 'FILES...': 'orgs' is a folder, and diff takes org "
        "files: give the files in it (orgs/*.yaml); validate, render, stats, roles and deck "
        "take folders (see 'orgviz diff --help')")


@pytest.mark.parametrize("command", ["validate", "render", "stats", "deck"])
def test_a_config_that_is_a_folder(org: str, command: str) -> None:
    extra = ["-o", "out.pptx"] if command == "deck" else []
    assert usage_error(command, org, *extra, "--config", "orgs") == (
        f"orgviz {command}: invalid value for '--config': 'orgs' is a folder, not a file: "
        f"give a config file in it (orgs/.orgviz.yaml or orgs/pyproject.toml) "
        f"(see 'orgviz {command} --help')")


@pytest.mark.parametrize(("args", "option", "advice"), [
    (["import", "orgs"], "FILE", "give a CSV or .xlsx file in it (orgs/NAME.csv or "
                                 "orgs/NAME.xlsx)"),
    (["import", "orgs/tiny.yaml", "--teams", "orgs"], "--teams",
     "give a CSV or .xlsx file in it (orgs/NAME.csv or orgs/NAME.xlsx)"),
    (["import", "orgs/tiny.yaml", "--titles", "orgs"], "--titles",
     "give a CSV or .xlsx file in it (orgs/NAME.csv or orgs/NAME.xlsx)"),
    (["import", "orgs/tiny.yaml", "--junior", "orgs"], "--junior",
     "give a CSV or .xlsx file in it (orgs/NAME.csv or orgs/NAME.xlsx)"),
    (["deck", "orgs/tiny.yaml", "-o", "out.pptx", "--template", "orgs"], "--template",
     "give a PowerPoint file in it (orgs/NAME.pptx)"),
])
def test_a_folder_where_a_file_is_taken_says_what_to_give(org: str, args: list[str],
                                                         option: str, advice: str) -> None:
    """It said "'orgs' is a folder, not a file" alone (README: a folder error says what to
    give instead)."""
    assert usage_error(*args) == (
        f"orgviz {args[0]}: invalid value for '{option}': 'orgs' is a folder, not a file: "
        f"{advice} (see 'orgviz {args[0]} --help')")


def test_a_line_break_or_bidi_control_in_a_value_is_escaped(org: str) -> None:
    assert "'ti\\ndy' is not one of" in usage_error("render", org, "--layout", "ti\ndy")
    line = usage_error("render", org, "--bogus\u202e")
    assert "'--bogus\\u202e'" in line


def test_no_arguments_still_shows_the_help() -> None:
    result = CliRunner().invoke(main, [])
    assert "Commands:" in result.output and "render" in result.output


def test_the_real_process_prints_one_line(org: str) -> None:
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-m", "orgviz", "render", org, "--depth", "0"],
                          capture_output=True, text=True, check=False)
    assert done.returncode == 2
    assert done.stderr == ("python -m orgviz render: invalid value for '--depth': 0 is not in "
                           "the range x>=1 (see 'python -m orgviz render --help')\n")
    assert done.stdout == ""


@settings(max_examples=60, deadline=None)
@given(value=st.text(min_size=1, max_size=30).filter(
    lambda v: v not in ("auto", "tidy", "dot") and not v.startswith("-") and "\x00" not in v))
def test_any_bad_value_is_one_line_naming_the_option(value: str) -> None:
    line = usage_error("render", "x.yaml", "--layout", value)
    assert line.startswith("orgviz render: invalid value for '--layout': ")
    assert line.endswith(" (see 'orgviz render --help')") and line.isprintable()


@settings(max_examples=60, deadline=None)
@given(word=st.from_regex(r"[a-z]{2,8}", fullmatch=True))
def test_every_word_of_an_id_or_name_finds_that_person(word: str) -> None:
    from orgviz.model import Org, Person
    from orgviz.problem import SourceLoc

    loc = SourceLoc("x.yaml", 1, 1)
    org = Org(file="x.yaml", name="X", people=(
        Person(id=f"{word}-okafor", loc=loc, name=f"Amara {word.upper()}"),
        Person(id="zz9", loc=loc, name="Q1 W2")))
    assert org.ids_with_word(word) == [f"{word}-okafor"]
    assert org.ids_with_word(word.upper()) == [f"{word}-okafor"]
    assert org.ids_with_word("okafor") == [f"{word}-okafor"]
