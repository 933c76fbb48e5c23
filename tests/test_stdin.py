"""`-` as an input file: standard input, shown as <stdin> (validate, import, render, diff ...)."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from orgtexts import BROKEN, SMALL
from orgviz.cli import main
from orgviz.errors import OrgFileError, OrgLoadError
from orgviz.orgfiles import read_input


def invoke(args: list[str], text: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, args, input=text, catch_exceptions=False)
    return result.exit_code, result.output


def test_validate_reads_standard_input(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    code, output = invoke(["validate", "-"], BROKEN)
    assert code == 1
    assert "<stdin>:5:51: error [unknown-manager] 'b' reports to 'ghost'" in output


def test_an_org_on_standard_input_includes_files_of_the_current_folder(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "part.yaml").write_text("orgviz: 1\npeople:\n  - {id: b, name: B, title: "
                                        "Engineer, reports_to: a}\n", encoding="utf-8")
    code, output = invoke(["stats", "-", "--json"], "orgviz: 1\norg: {name: X, size: small}\n"
                          "include: part.yaml\npeople:\n  - {id: a, name: A, title: CEO}\n")
    assert code == 0, output
    assert '"positions": 2' in output


def test_import_from_standard_input(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    rows = "id,name,title,manager_id\n1,Ann,CEO,\n2,Bo,Engineer,1\n3,Cy,Engineer,9\n"
    code, output = invoke(["import", "-"], rows)
    assert code == 1
    assert "<stdin>:4:4: error [unknown-manager] manager '9' not found" in output
    code, output = invoke(["import", "-", "-o", "acme.yaml"], rows.replace(",9\n", ",1\n"))
    assert code == 0, output
    text = (tmp_path / "acme.yaml").read_text(encoding="utf-8")
    assert "# Imported by `orgviz import` from <stdin> (3 rows" in text
    assert "\n  name: acme\n" in text
    code, output = invoke(["import", "-"], rows.replace(",9\n", ",1\n"))
    assert code == 0
    assert "# Org name 'imported org': the rows came from standard input" in output
    assert "\n  name: imported org\n" in output


@pytest.mark.parametrize("given", ["./-", "exports/-"])
def test_import_of_a_file_named_dash_says_it_is_no_stdin(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, given: str) -> None:
    """The header named the file `-` (its base name), which reads as standard input."""
    monkeypatch.chdir(tmp_path)
    Path(given).parent.mkdir(exist_ok=True)
    Path(given).write_text("id,name,title,manager_id\n1,Ann,CEO,\n2,Bo,Engineer,1\n"
                           "3,,Engineer,1\n", encoding="utf-8")
    code, output = invoke(["import", given, "-o", "acme.yaml"], "")
    assert code == 0, output
    lines = (tmp_path / "acme.yaml").read_text(encoding="utf-8").splitlines()
    assert lines[1] == ("# Imported by `orgviz import` from ./- (3 rows, utf-8): 3 positions, "
                        "1 open.")
    assert "  # ./-:4: no name: imported as a vacancy" in lines  # (a row's note too)


def test_render_names_its_chart_stdin(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    code, output = invoke(["render", "-", "--format", "dot"], SMALL)
    assert (code, output.strip()) == (0, str(Path("output/stdin.dot")))
    assert (tmp_path / "output" / "stdin.dot").read_text().startswith("digraph orgchart {")


def test_diff_against_standard_input(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "new.yaml").write_text(SMALL.replace("name: Eve,", "name: Evelyn,"),
                                       encoding="utf-8")
    code, output = invoke(["diff", "-", "new.yaml"], SMALL)
    assert code == 0, output
    assert "renamed" in output and "Evelyn" in output


def test_standard_input_is_read_once(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(SMALL.encode())))
    assert read_input("-", "<stdin>", 2**20, "an org file", "reads org files") == SMALL.encode()
    with pytest.raises(OrgFileError, match=r"^<stdin>: standard input was read already: give "
                                           r"- once$"):
        read_input("-", "<stdin>", 2**20, "an org file", "reads org files")


@pytest.mark.parametrize("args", [
    ["validate", "-", "-"], ["validate", "-f", "json", "-", "small.yaml", "-"],
    ["validate", "--hook", "-", "-"], ["stats", "-", "-"], ["roles", "-", "-", "-o", "r.svg"],
    ["deck", "-", "-", "-o", "d.pdf"], ["diff", "-", "-"], ["render", "-", "-"],
])
def test_standard_input_given_twice_is_refused_before_anything_is_printed(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, args: list[str]) -> None:
    # (validate printed "1 file checked: no problems", then failed on the second -; stats
    # printed the first one's statistics)
    monkeypatch.chdir(tmp_path)
    (tmp_path / "small.yaml").write_text(SMALL, encoding="utf-8")
    result = CliRunner().invoke(main, args, input=SMALL)
    assert (result.exit_code, result.stdout, result.stderr) == (
        2, "", "orgviz: - is given twice: standard input is read once; give - once\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["small.yaml"]


class _Terminal(io.BytesIO):
    def isatty(self) -> bool:
        return True


def test_a_terminal_is_not_waited_on(monkeypatch: pytest.MonkeyPatch) -> None:
    terminal = io.TextIOWrapper(_Terminal(b"orgviz: 1\n"))
    monkeypatch.setattr(sys, "stdin", terminal)
    with pytest.raises(OrgFileError, match=r"^<stdin>: standard input is a terminal: pipe an "
                                           r"org file in \(\.\.\. \| orgviz \.\.\.\) or "
                                           r"redirect one \(< FILE\)$"):
        read_input("-", "<stdin>", 100, "an org file", "reads org files")
    assert terminal.buffer.tell() == 0  # (nothing read)


def test_standard_input_over_the_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"x" * (3 * 2**20 + 1))))
    with pytest.raises(OrgLoadError) as caught:
        read_input("-", "<stdin>", 3 * 2**20, "an org file", "reads org files")
    assert [(p.file, p.line, p.col, p.rule, p.message) for p in caught.value.problems] == [
        ("<stdin>", 1, 1, "limits", "file is more than 3 MiB; orgviz reads org files up to "
                                    "3 MiB")]


@pytest.mark.parametrize("command", [["validate"], ["stats", "--json"],
                                     ["render", "--format", "dot", "-o", "chart.dot"]])
def test_a_file_named_dash_given_as_dot_slash_dash_is_read_not_stdin(
        command: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "-").write_text(SMALL, encoding="utf-8")
    code, output = invoke([*command, "./-"], BROKEN)  # (stdin holds another org)
    assert code == 0, output
    assert "<stdin>" not in output and "ghost" not in output


def test_load_reads_a_file_named_dash_given_as_dot_slash_dash(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from orgviz import load

    monkeypatch.chdir(tmp_path)
    (tmp_path / "-").write_text("orgviz: 1\npeople: [", encoding="utf-8")
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(SMALL.encode())))
    with pytest.raises(OrgLoadError) as exc:
        load("./-")
    assert exc.value.problems[0].file == "./-"
    assert (exc.value.problems[0].line, exc.value.problems[0].col) == (2, 10)
