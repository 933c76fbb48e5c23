"""What `--help` says of options: the defaults it names are the ones the commands use, and
one option is described alike wherever it is taken."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from orgviz.cli import main

SMALL = "orgviz: 1\norg: {name: Tiny}\npeople:\n  - {id: ann, name: Ann Lee, title: CEO}\n"


def option_help(command: str, option: str) -> str:
    """The help of `option` in `orgviz COMMAND --help`, on one line."""
    result = CliRunner().invoke(main, [command, "--help"], prog_name="orgviz")
    assert result.exit_code == 0, result.output
    found = re.search(rf"^  (?:-\w, )?{re.escape(option)}\b(.*?)(?=^  -)", result.output,
                      re.MULTILINE | re.DOTALL)
    assert found is not None, result.output
    return " ".join(found.group(1).split())


def test_render_names_where_a_chart_goes_with_format_and_no_output(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """It said "Default: output/<name>.svg", and --format png writes output/<name>.png."""
    assert "Default: output/<name>.svg (.png, .pdf or .dot with --format)." in option_help(
        "render", "--output")
    assert "(default: from -o's extension, else svg)" in option_help("render", "--format")
    monkeypatch.chdir(tmp_path)
    Path("tiny.yaml").write_text(SMALL, encoding="utf-8")
    result = CliRunner().invoke(main, ["render", "tiny.yaml", "--format", "dot"])
    assert (result.exit_code, result.output) == (0, "output/tiny.dot\n")


@pytest.mark.parametrize(("command", "when"), [
    ("render", "Graphviz to use where one is needed (--layout dot, and PNG/PDF without cairo): "),
    ("deck", "Graphviz to use with --layout dot: "),
    ("roles", "Graphviz to use: "),  # (it said "Graphviz engine." alone)
])
def test_every_engine_option_says_when_it_is_used_and_what_auto_picks(
        command: str, when: str) -> None:
    assert option_help(command, "--engine") == (
        f"[auto|system|embedded] {when}system `dot` if installed, else the embedded one. "
        "[default: auto]")


def test_render_names_the_png_width_it_draws_without_width() -> None:
    """It said "twice the SVG's width" alone: a large chart is drawn smaller, within the
    pixel budget (the numbers named are the ones the PNG code uses)."""
    from orgviz.render import convert, pipeline

    assert option_help("render", "--width") == (
        "PX PNG width in pixels, at least 64 (default: a --fit preset's width, else twice the "
        "SVG's width, less to keep within 16 megapixels, but never below the SVG's width, or 0.55x "
        "of it for an SVG of more than 16 megapixels).")
    assert pipeline.PNG_SCALE == 2
    assert convert.PNG_PIXEL_BUDGET == convert.PNG_NATURAL_PIXELS == 16_000_000
    assert convert.PNG_LEAST_SCALE == 0.55


def test_render_fit_names_w_h_and_the_png_sizes_it_draws() -> None:
    from orgviz.render.pipeline import FIT_SIZES

    assert option_help("render", "--fit") == (
        "16:9|4:3|a4|a4-portrait|W:H Fit a slide or page aspect ratio, a preset or any W:H "
        "such as 21:9: compact auto lays the tidy chart out to fill it, the rest is padded "
        "(PNG: 1920 x 1080 px for 16:9, 1600 x 1200 for 4:3, 3508 x 2480 for a4, "
        "2480 x 3508 for a4-portrait).")
    assert FIT_SIZES == {"16:9": (1920, 1080), "4:3": (1600, 1200), "a4": (3508, 2480),
                         "a4-portrait": (2480, 3508)}


def test_deck_names_the_title_and_date_it_shows_by_default() -> None:
    assert option_help("deck", "--title") == (
        "TEXT Title of the title slide (default: the org's name; several orgs: their names).")
    assert option_help("deck", "--date") == (
        "TEXT Date shown on the slides (default: each org's own `date`, from its `org:` "
        "header).")


@pytest.mark.parametrize("command", ["deck", "diff", "export", "import", "roles"])
def test_an_output_file_is_a_file_in_every_help(command: str) -> None:
    """deck's -o named a PATH, every other command's a FILE (render's alone takes a folder)."""
    assert option_help(command, "--output").startswith("FILE ")


def test_every_command_is_listed_with_a_whole_sentence() -> None:
    """`orgviz --help` cut each command's help at 45 characters: "Write a slide deck of org
    FILES: a title slide, an overview,..."."""
    result = CliRunner().invoke(main, ["--help"], prog_name="orgviz", env={"COLUMNS": "80"})
    listed = result.output.split("Commands:\n")[1].splitlines()
    assert len(listed) == 9 and all(line.endswith(".") for line in listed), listed
    assert "  import    Make an org file of an HR export (CSV or an Excel workbook)." in listed


def test_import_names_the_org_after_the_file_it_reads_without_output(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """It said "the CSV's": a workbook's name is taken as well."""
    assert option_help("import", "--org-name") == (
        "TEXT Name of the org (default: the -o file's name, else FILE's, without its "
        "extension).")
    monkeypatch.chdir(tmp_path)
    Path("acme.csv").write_text("id,name,title,manager\nada,Ada,CEO,\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["import", "acme.csv", "-q"])
    assert result.exit_code == 0, result.output
    assert "org:\n  name: acme\n" in result.output
