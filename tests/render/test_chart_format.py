"""The chart format from `-o`'s extension: one rule for render, roles and diff."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from orgtexts import SMALL
from orgviz.cli import main
from orgviz.errors import RenderError
from orgviz.render.pipeline import chart_format


@pytest.mark.parametrize(("output", "fmt", "expected"), [
    ("chart.svg", None, "svg"), ("chart.PNG", None, "png"), ("a/b.pdf", None, "pdf"),
    ("chart.dot", None, "dot"), ("chart.gv", None, "dot"), ("chart.GV", "dot", "dot"),
    ("chart.txt", "svg", "svg"), ("chart", "png", "png"), ("chart.svg", "svg", "svg"),
])
def test_the_format_of_a_chart_file(output: str, fmt: str | None, expected: str) -> None:
    assert chart_format(output, fmt) == expected


@pytest.mark.parametrize(("output", "fmt", "format_option", "message"), [
    ("chart.txt", None, True, "cannot tell the format of 'chart.txt' from its extension: use "
                              ".svg, .png, .pdf or .dot, or --format"),
    ("chart", None, False, "cannot tell the format of 'chart' from its extension: use .svg, "
                           ".png, .pdf or .dot"),
    ("chart.PNG", "svg", True, "'chart.PNG' names a .png file but --format is svg: drop one "
                               "of them"),
    ("chart.gv", "pdf", True, "'chart.gv' names a .gv file but --format is pdf: drop one of "
                              "them"),
])
def test_a_chart_file_of_no_format_or_two(output: str, fmt: str | None, format_option: bool,
                                         message: str) -> None:
    with pytest.raises(RenderError) as caught:
        chart_format(output, fmt, format_option=format_option)
    assert str(caught.value) == message


@pytest.mark.parametrize("command", [["render", "{org}"], ["roles", "{org}"],
                                     ["diff", "{org}", "{org}"]])
def test_every_chart_command_writes_dot_to_a_gv_file(tmp_path: Path,
                                                     command: list[str]) -> None:
    # (roles and diff said "unknown chart format" of a .gv file that render writes)
    org = tmp_path / "small.yaml"
    org.write_text(SMALL, encoding="utf-8")
    target = tmp_path / "chart.gv"
    args = [a.format(org=org) for a in command]
    result = CliRunner().invoke(main, [*args, "-o", str(target)])
    assert result.exit_code == 0, result.output
    assert target.read_text(encoding="utf-8").lstrip().startswith(("digraph", "strict digraph"))


@pytest.mark.parametrize(("command", "suggestion"), [
    (["render", "{org}"], ", or --format"), (["roles", "{org}"], ", or --format"),
    (["diff", "{org}", "{org}"], ""),  # (diff has no --format to suggest)
])
def test_every_chart_command_refuses_an_unknown_extension_alike(
        tmp_path: Path, command: list[str], suggestion: str) -> None:
    org = tmp_path / "small.yaml"
    org.write_text(SMALL, encoding="utf-8")
    args = [a.format(org=org) for a in command]
    result = CliRunner().invoke(main, [*args, "-o", "chart.jpg"])
    assert result.exit_code == 2
    assert result.output.splitlines()[-1] == (
        "orgviz: cannot tell the format of 'chart.jpg' from its extension: use .svg, .png, .pdf "
        f"or .dot{suggestion}")
    assert not (tmp_path / "chart.jpg").exists()
