"""`orgviz render`: output paths, formats, several files, validation gate, one-line errors."""

from __future__ import annotations

from pathlib import Path

import pytest
from renderkit import HAS_DOT, SMALL

from orgtexts import BROKEN


def test_default_output_and_extension_formats(run, org_file) -> None:
    org = org_file(SMALL, name="tiny.yaml")
    result = run("render", str(org))
    assert result.exit_code == 0, result.output
    assert Path("output/tiny.svg").read_bytes().startswith(b"<?xml")
    assert result.output.strip() == str(Path("output/tiny.svg"))
    assert run("render", str(org), "-o", "chart.dot").exit_code == 0
    assert Path("chart.dot").read_text().startswith("digraph orgchart {")
    assert run("render", str(org), "-o", "c.png", "--width", "300").exit_code == 0
    assert Path("c.png").read_bytes()[:4] == b"\x89PNG"
    assert run("render", str(org), "-o", "c.pdf").exit_code == 0
    assert Path("c.pdf").read_bytes()[:4] == b"%PDF"
    assert run("render", str(org), "--format", "dot", "-o", "folder/").exit_code == 0
    assert Path("folder/tiny.dot").exists()


def test_several_files_fill_a_folder(run, org_file) -> None:
    one, two = org_file(SMALL, name="one.yaml"), org_file(SMALL, name="two.yaml")
    result = run("render", str(one), str(two), "-o", "charts/", "--format", "dot")
    assert result.exit_code == 0
    assert sorted(p.name for p in Path("charts").iterdir()) == ["one.dot", "two.dot"]
    result = run("render", str(one), str(two), "-o", "chart.svg")
    assert result.exit_code == 2 and "need a folder" in result.output


def test_validation_errors_exit_1_unless_forced(run, org_file) -> None:
    bad = org_file(BROKEN, name="bad.yaml")
    result = run("render", str(bad), "-o", "bad.dot")
    assert result.exit_code == 1
    assert "error [unknown-manager]" in result.output and "1 file checked" in result.output
    assert not Path("bad.dot").exists()
    result = run("render", str(bad), "-o", "bad.dot", "--force")
    assert result.exit_code == 0 and Path("bad.dot").exists()


@pytest.mark.parametrize(("args", "message"), [
    (["-o", "x.jpg"], "cannot tell the format of 'x.jpg'"),
    (["-o", "x.png", "--format", "svg"], "--format is svg"),
    (["--width", "100"], "--width sets the size of PNG output"),
    # (an SVG was told the PNG rasteriser's limit)
    (["-o", "x.svg", "--width", "10000000"], "--width sets the size of PNG output"),
    (["-o", "x.png", "--width", "1"], "width (--width) must be at least 64 pixels (narrower, "
                                      "no card can be read), not 1"),
    (["-o", "x.png", "--width", "-5"], "width (--width) must be at least 64 pixels"),
    # (said "more than the 32,767 px a PNG can have", untrue of PNG: the limit is orgviz's)
    (["-o", "x.png", "--width", "100000"], "orgviz: width (--width) 100000 is more than "
     "orgviz's PNG rasteriser draws (at most 32,767 px a side, cairo's limit, which orgviz "
     "keeps when resvg draws): pass a smaller width, or write SVG or PDF\n"),
    (["--root", "nobody", "--format", "dot"], "no person with id 'nobody'"),
])
def test_usage_errors_are_one_line_exit_2(run, org_file, args, message) -> None:
    result = run("render", str(org_file(SMALL)), *args)
    assert result.exit_code == 2
    assert message in result.output
    assert result.output.startswith("orgviz: ") and result.output.count("\n") == 1


def test_missing_graphviz_is_one_line(run, org_file, monkeypatch) -> None:
    monkeypatch.setenv("PATH", "")
    result = run("render", str(org_file(SMALL)), "--engine", "system", "--layout", "dot")
    assert result.exit_code == 2
    assert result.output.count("\n") == 1 and "install Graphviz" in result.output


def test_layout_choices_and_tidy_needs_no_graphviz(run, org_file, monkeypatch) -> None:
    result = run("render", "--help")
    assert "[auto|tidy|dot]" in result.output and "--compact" in result.output
    monkeypatch.setenv("PATH", "")
    result = run("render", str(org_file(SMALL)), "--engine", "system", "-o", "t.svg")
    assert result.exit_code == 0 and "(layout tidy)" in Path("t.svg").read_text()


@pytest.mark.skipif(not HAS_DOT, reason="needs Graphviz `dot` on PATH")
@pytest.mark.system_graphviz
def test_graphviz_timeout_is_one_line(org_file, monkeypatch) -> None:
    from orgviz.errors import RenderError
    from orgviz.loader import load
    from orgviz.render import RenderOptions, render

    big = "orgviz: 1\norg: {name: Big}\npeople:\n  - {id: p0, name: P, title: CEO}\n" + "".join(
        f"  - {{id: p{i}, name: P{i}, title: Engineer, reports_to: p{(i - 1) // 5}}}\n"
        for i in range(1, 3000))
    org = load(org_file(big))
    with pytest.raises(RenderError, match="did not finish within"):
        # (left to right: top-down, Graphviz places only the rows above the lists, here none)
        render(org, "svg", RenderOptions(engine="system", layout="dot", timeout=0.05,
                                         direction="LR"),
               force=True)


def test_fit_takes_any_w_h_as_render_options_does(run, org_file) -> None:
    """`--fit 21:9` was refused (a choice of the four presets) though RenderOptions took it."""
    from orgviz.render.convert import svg_size

    org = org_file(SMALL, name="tiny.yaml")
    result = run("render", str(org), "--fit", "21:9", "-o", "wide.svg")
    assert result.exit_code == 0, result.output
    width, height = svg_size(Path("wide.svg").read_bytes())
    assert abs(width / height - 21 / 9) < 1e-6
    result = run("render", str(org), "--fit", "21:x", "-o", "bad.svg")
    assert (result.exit_code, result.output) == (
        2, "orgviz: unknown aspect ratio '21:x' for fit (--fit): use one of 16:9, 4:3, a4, "
           "a4-portrait or W:H such as 21:9\n")
    assert not Path("bad.svg").exists()
