"""`render -o -` and `roles -o -`: the chart on stdout, nothing else there, no file named '-'."""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from orgtexts import BROKEN, SMALL
from orgviz.cli import render_cmd, roles_cmd
from orgviz.errors import OrgvizError, RenderError


def orgviz(*args: str, cwd: Path) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "orgviz", *args], capture_output=True,
                          cwd=cwd, timeout=120, check=False)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "small.yaml").write_text(SMALL, encoding="utf-8")
    (tmp_path / "bad.yaml").write_text(BROKEN, encoding="utf-8")
    return tmp_path


def test_render_to_stdout_is_the_svg_alone(folder: Path) -> None:
    done = orgviz("render", "small.yaml", "-o", "-", cwd=folder)
    assert (done.returncode, done.stderr) == (0, b"")
    ET.fromstring(done.stdout)  # the whole of stdout is one SVG document (no path after it)
    assert done.stdout.rstrip().endswith(b"</svg>")
    assert sorted(p.name for p in folder.iterdir()) == ["bad.yaml", "small.yaml"]


def test_render_to_stdout_is_the_same_chart_as_the_file(folder: Path) -> None:
    orgviz("render", "small.yaml", "-o", "chart.dot", cwd=folder)
    done = orgviz("render", "small.yaml", "-o", "-", "--format", "dot", cwd=folder)
    assert done.returncode == 0
    assert done.stdout == (folder / "chart.dot").read_bytes()


def test_render_png_to_a_pipe(folder: Path) -> None:
    done = orgviz("render", "small.yaml", "-o", "-", "--format", "png", "--width", "300",
                  cwd=folder)
    assert done.returncode == 0, done.stderr
    assert done.stdout[:8] == b"\x89PNG\r\n\x1a\n"


def test_forced_render_to_stdout_reports_problems_on_stderr(folder: Path) -> None:
    done = orgviz("render", "bad.yaml", "-o", "-", "--force", "--format", "dot", cwd=folder)
    assert done.returncode == 0
    assert done.stdout.startswith(b"digraph orgchart {") and b"unknown-manager" not in done.stdout
    assert b"bad.yaml:5:" in done.stderr and b"error [unknown-manager]" in done.stderr


def test_refused_render_to_stdout_writes_nothing_there(folder: Path) -> None:
    done = orgviz("render", "bad.yaml", "-o", "-", cwd=folder)
    assert done.returncode == 1 and done.stdout == b""
    assert b"bad.yaml:5:" in done.stderr


@pytest.mark.parametrize(("args", "message"), [
    (["small.yaml", "bad.yaml", "-o", "-"],
     "-o - writes one chart to stdout; 2 files were given: draw them into a folder"),
    (["small.yaml", "--hook", "-o", "-"], "--hook keeps diagram files up to date: -o - (stdout)"),
    (["small.yaml", "-o", "-", "--width", "300"], "--width sets the size of PNG output"),
])
def test_render_to_stdout_usage_errors(folder: Path, args: list[str], message: str) -> None:
    done = orgviz("render", *args, cwd=folder)
    assert done.returncode == 2 and done.stdout == b""
    shown = done.stderr.decode()
    assert shown.startswith(f"orgviz: {message}") and shown.count("\n") == 1


@pytest.mark.parametrize("fmt", ["png", "pdf"])
def test_binary_charts_are_not_printed_on_a_terminal(monkeypatch: pytest.MonkeyPatch,
                                                     fmt: str) -> None:
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    with pytest.raises(RenderError, match=rf"print {fmt.upper()} data to the terminal: "
                                          rf"redirect it \(> chart.{fmt}\)"):
        render_cmd._targets(("small.yaml",), "-", fmt, False)
    with pytest.raises(OrgvizError, match=rf"> roles.{fmt}"):
        roles_cmd.chart_format("-", fmt)
    assert render_cmd._targets(("small.yaml",), "-", "svg", False) == [render_cmd.STDOUT]
    assert roles_cmd.chart_format("-", None) == "svg"


def test_an_explicit_path_named_dash_is_a_file(folder: Path) -> None:
    """The file is named as -o gave it (a Path says `-`, which is stdout's name)."""
    done = orgviz("render", "small.yaml", "-o", "./-", "--format", "dot", cwd=folder)
    assert (done.returncode, done.stdout, done.stderr) == (0, b"./-\n", b"")
    assert (folder / "-").read_bytes().startswith(b"digraph orgchart {")


def test_an_org_file_named_dash_is_not_drawn_over_itself(folder: Path) -> None:
    """`-o ./-` is the org file `./-`: refused as `-o small.yaml` is (it was overwritten)."""
    (folder / "-").write_text(SMALL, encoding="utf-8")
    done = orgviz("render", "./-", "-o", "./-", "--format", "dot", cwd=folder)
    assert (done.returncode, done.stdout, done.stderr) == (
        2, b"", b"orgviz: -o ./- is an input file (./-): give another name\n")
    assert (folder / "-").read_text(encoding="utf-8") == SMALL


def test_roles_to_stdout(folder: Path) -> None:
    orgviz("roles", "small.yaml", "-o", "roles.dot", cwd=folder)
    done = orgviz("roles", "small.yaml", "-o", "-", "--format", "dot", cwd=folder)
    assert (done.returncode, done.stderr) == (0, b"")
    assert done.stdout == (folder / "roles.dot").read_bytes()


@pytest.mark.parametrize(("output", "fmt", "found"), [
    ("-", None, "svg"), ("-", "pdf", "pdf"), ("r.PNG", None, "png"), ("r.png", "png", "png"),
    ("roles.chart", "dot", "dot"),
])
def test_roles_format_from_extension_or_option(output: str, fmt: str | None,
                                               found: str) -> None:
    assert roles_cmd.chart_format(output, fmt) == found


@pytest.mark.parametrize(("args", "message"), [
    (["-o", "r.png", "--format", "svg"],
     "orgviz: 'r.png' names a .png file but --format is svg: drop one of them\n"),
    (["-o", "r.txt"], "orgviz: cannot tell the format of 'r.txt' from its extension: use .svg, "
                      ".png, .pdf or .dot, or --format\n"),
])
def test_roles_format_errors(folder: Path, args: list[str], message: str) -> None:
    done = orgviz("roles", "small.yaml", *args, cwd=folder)
    assert (done.returncode, done.stdout, done.stderr.decode()) == (2, b"", message)
