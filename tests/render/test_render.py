"""Rendering with each layout and engine: SVG content and safety, PNG sizes, PDF, determinism."""

from __future__ import annotations

import struct
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path

import pytest
from renderkit import HOSTILE, SETUPS, SMALL, system_graphviz

from orgviz.errors import OrgLoadError, RenderError
from orgviz.loader import load
from orgviz.model import Org
from orgviz.render import RenderOptions, render

SVG = "{http://www.w3.org/2000/svg}"


def texts(svg: bytes) -> list[str]:
    root = ET.fromstring(svg)
    return [t.text or "" for t in root.iter(f"{SVG}text")]


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


def assert_safe_svg(svg: bytes) -> None:
    root = ET.fromstring(svg)
    for element in root.iter():
        tag = element.tag.removeprefix(SVG)
        assert tag not in ("script", "foreignObject", "style", "a", "image", "use"), tag
        for name, value in element.attrib.items():
            assert not name.lower().startswith("on"), name
            assert "href" not in name.lower(), name
            assert "url(" not in value and "javascript:" not in value.lower(), value


@pytest.mark.parametrize("setup", SETUPS)
def test_svg_shows_every_card(small_org: Org, setup: dict) -> None:
    svg = render(small_org, "svg", RenderOptions(**setup))
    shown = texts(svg)
    for name in ("Ada Lovelace", "Eve", "Cy Product", "Vera Vice", "Hank Head", "Dora Director",
                 "Pam One", "Open role", "Ed Engineer"):
        assert name in shown
    assert "Senior Product Manager" in shown
    for label in ("CEO", "C-LEVEL", "VP", "HEAD", "DIRECTOR"):
        assert label in shown  # the level axis
    assert "Tiny Co" in shown and "Teams" in shown  # title and legend
    assert_safe_svg(svg)
    if setup["layout"] == "dot":
        assert f"{setup['engine']} engine" in svg.decode()
    else:
        assert "(layout tidy)" in svg.decode()


@pytest.mark.parametrize("setup", SETUPS)
def test_same_input_same_bytes(small_org: Org, setup: dict) -> None:
    options = RenderOptions(**setup)
    assert render(small_org, "svg", options) == render(small_org, "svg", options)


@pytest.mark.parametrize("setup", SETUPS)
def test_hostile_strings_show_literally(org_file: Callable[..., Path], setup: dict) -> None:
    people = "".join(
        f"  - {{id: p{i}, name: {_yaml(text)}, title: {_yaml(text)}, role: ic, reports_to: b}}\n"
        for i, text in enumerate(HOSTILE))
    org = load(org_file("orgviz: 1\norg: {name: '<Evil> & \"Co\"'}\npeople:\n"
                        "  - {id: b, name: Boss, title: CEO}\n" + people))
    svg = render(org, "svg", RenderOptions(**setup), force=True)
    assert_safe_svg(svg)
    shown = texts(svg)
    assert "<Evil> & \"Co\"" in shown
    for text in HOSTILE:
        expected = text.replace("\u202e", "")
        assert any(expected == line or (line and line in expected) for line in shown), text
    assert not any(line == "pwn" for line in shown)


def _yaml(text: str) -> str:
    import json

    return json.dumps(text, ensure_ascii=False)


@pytest.mark.parametrize("setup", SETUPS)
@pytest.mark.parametrize(("fit", "width", "size"), [
    ("16:9", None, (1920, 1080)), ("4:3", None, (1600, 1200)), ("a4", None, (3508, 2480)),
    ("a4-portrait", None, (2480, 3508)),  # (A4 at 300 dpi; it was 2480 x 3507)
    ("16:9", 1280, (1280, 720)),
])
def test_png_fit_presets(small_org: Org, setup: dict, fit: str, width: int | None,
                         size: tuple[int, int]) -> None:
    png = render(small_org, "png", RenderOptions(**setup, fit=fit, width=width))
    assert png_size(png) == size


@pytest.mark.parametrize("setup", SETUPS)
def test_png_pdf_and_svg_fit(small_org: Org, setup: dict) -> None:
    png = render(small_org, "png", RenderOptions(**setup, width=800))
    assert png_size(png)[0] == 800
    pdf = render(small_org, "pdf", RenderOptions(**setup))
    assert pdf.startswith(b"%PDF") and pdf == render(small_org, "pdf",
                                                      RenderOptions(**setup))
    fitted = ET.fromstring(render(small_org, "svg", RenderOptions(**setup, fit="16:9")))
    width, height = float(fitted.get("width")), float(fitted.get("height"))
    assert abs(width / height - 16 / 9) < 1e-3


@pytest.mark.parametrize("setup", SETUPS)
@pytest.mark.parametrize("options", [
    RenderOptions(theme="dark"), RenderOptions(theme="print", color_by="level"),
    RenderOptions(theme="high-contrast"), RenderOptions(direction="LR"),
    RenderOptions(depth=2), RenderOptions(team="product"), RenderOptions(root="hop"),
    RenderOptions(transparent=True, color_by="none"),
], ids=["dark", "print", "high-contrast", "LR", "depth", "team", "root", "transparent"])
def test_options_render(small_org: Org, setup: dict, options: RenderOptions) -> None:
    svg = render(small_org, "svg", options._replace(**setup))
    root = ET.fromstring(svg)
    assert_safe_svg(svg)
    first = next(iter(root.iter(f"{SVG}rect")))
    full_background = first.get("width") == root.get("width")
    assert full_background != options.transparent
    if options.depth:
        assert "+6 people" in texts(svg)


def test_print_theme_is_grayscale(small_org: Org) -> None:
    from orgviz.render.themes import THEMES, accent

    assert accent(THEMES["print"], "#F58518") == "#9A9A9A"
    assert accent(THEMES["light"], "#F58518") == "#F58518"


def test_dot_output_needs_no_engine(small_org: Org, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", "")
    source = render(small_org, "dot").decode()
    assert source.startswith("digraph orgchart {")


def test_errors_refuse_to_render_unless_forced(org_file: Callable[..., Path]) -> None:
    org = load(org_file("orgviz: 1\norg: {name: X}\npeople:\n"
                        "  - {id: a, name: A, title: CEO}\n"
                        "  - {id: b, name: B, title: Engineer, reports_to: ghost}\n"))
    with pytest.raises(OrgLoadError) as caught:
        render(org, "dot")
    assert any(p.rule == "unknown-manager" for p in caught.value.problems)
    assert b"penwidth=2.5" in render(org, "dot", force=True)  # the broken card is marked


def test_bad_options_are_one_line_errors(small_org: Org) -> None:
    for options, message in [(RenderOptions(theme="neon"), "unknown theme"),
                             (RenderOptions(layout="force"), "unknown layout"),
                             (RenderOptions(compact="some"),
                              r"unknown compact \(--compact\) 'some'"),
                             (RenderOptions(compact=0), "at least 1"),
                             (RenderOptions(layout="dot", compact=2), "use --layout tidy"),
                             (RenderOptions(fit="3:x"),
                              r"unknown aspect ratio '3:x' for fit \(--fit\)"),
                             (RenderOptions(font="Comic Sans"),
                              "unknown font 'Comic Sans' in font: use")]:
        with pytest.raises(RenderError, match=message):
            render(small_org, "dot", options)
    with pytest.raises(RenderError, match="unknown output format"):
        render(small_org, "jpg")


def test_callable_package(small_org: Org) -> None:
    import orgviz
    import orgviz.render

    assert orgviz.render(small_org, "dot") == render(small_org, "dot")


@pytest.mark.parametrize("layout", ["tidy", pytest.param("dot", marks=system_graphviz)])
def test_pdf_bytes_do_not_depend_on_tz(tmp_path: Path, layout: str) -> None:
    import os
    import subprocess
    import sys

    org = tmp_path / "small.yaml"
    org.write_text(SMALL, encoding="utf-8")
    made = {}
    for zone in ("UTC", "Asia/Kolkata", "America/St_Johns"):
        env = {**os.environ, "TZ": zone}
        env.pop("SOURCE_DATE_EPOCH", None)
        out = tmp_path / f"{zone.replace('/', '-')}.pdf"
        subprocess.run([sys.executable, "-m", "orgviz", "render", str(org), "-o", str(out),
                        "--layout", layout, "--engine", "system" if layout == "dot" else "auto"],
                       env=env, check=True, timeout=120, capture_output=True)
        made[zone] = out.read_bytes()
    assert b"/CreationDate (D:19700101000000Z)" in made["UTC"]
    assert made["Asia/Kolkata"] == made["UTC"] and made["America/St_Johns"] == made["UTC"]


@pytest.mark.parametrize(("field", "value", "message"), [
    ("depth", "3", "depth (--depth) must be a whole number, not '3'"),
    ("width", 1200.5, "width (--width) must be a whole number, not 1200.5"),
    ("depth", True, "depth (--depth) must be a whole number, not True"),
    ("team", 5, "team (--team) must be an id (a string), not 5"),
    ("root", ["ceo"], "root (--root) must be an id (a string), not ['ceo']"),
    ("fit", 16, "fit (--fit) must be a string such as '16:9', not 16"),
])
def test_options_of_the_wrong_type_are_a_render_error(small_org: Org, field: str, value: object,
                                                      message: str) -> None:
    # (were a TypeError or AttributeError from deep inside: "'<' not supported between ...")
    with pytest.raises(RenderError) as caught:
        render(small_org, "svg", RenderOptions(**{field: value}))
    assert str(caught.value) == message


@pytest.mark.parametrize(("fmt", "options", "message"), [
    ("png", RenderOptions(width=10), "width (--width) must be at least 64 pixels (narrower, "
                                     "no card can be read), not 10"),
    ("svg", RenderOptions(depth=0), "depth (--depth) must be at least 1, not 0"),
])
def test_option_errors_name_the_field_and_its_flag(small_org: Org, fmt: str,
                                                   options: RenderOptions,
                                                   message: str) -> None:
    """Raised from Python, the messages named only the command's flags (`--depth must be a
    whole number`), and a width for an SVG got the PNG rasteriser's limit."""
    with pytest.raises(RenderError) as caught:
        render(small_org, fmt, options)
    assert str(caught.value) == message


def test_a_width_past_pngs_limits_is_no_error_for_other_formats(small_org: Org,
                                                                 tmp_path: Path) -> None:
    """An SVG with width=10**7 was refused with the PNG rasteriser's limit; the width is
    PNG's, which other formats ignore (one RenderOptions may serve several formats)."""
    from orgviz.render import render_file

    options = RenderOptions(width=10**7)
    assert render(small_org, "svg", options) == render(small_org, "svg")
    assert render(small_org, "dot", RenderOptions(width=10)).startswith(b"digraph")
    with pytest.raises(RenderError,
                       match=r"^width \(--width\) 10000000 is more than orgviz's PNG "):
        render(small_org, "png", options)
    source = tmp_path / "small.yaml"
    source.write_text((Path(__file__).parents[2] / "orgs" / "small.yaml").read_text(
        encoding="utf-8"), encoding="utf-8")
    assert render_file(source, tmp_path / "small.svg", options).fmt == "svg"
    with pytest.raises(RenderError,
                       match=r"^width \(--width\) 10000000 is more than orgviz's PNG "):
        render_file(source, tmp_path / "small.png", options)


@pytest.mark.parametrize(("people", "keys", "samples"), [
    # a person reporting to an unknown id: a red card with its badge, no line to draw
    ("  - {id: a, name: Ann Lee, title: CEO}\n"
     "  - {id: b, name: Bo Li, title: Engineer, reports_to: zz}\n"
     "  - {id: c, name: Cy Diaz, title: Engineer, reports_to: a}\n",
     ["reports to", "fails validation"], (True, False)),
    # a CEO under an engineer: the line fails, the cards do not
    ("  - {id: a, name: Ann Lee, title: Engineer}\n"
     "  - {id: b, name: Bo Li, title: CEO, reports_to: a}\n", ["fails validation"],
     (False, True)),
    # both: each says which it is
    ("  - {id: a, name: Ann Lee, title: Engineer}\n"
     "  - {id: b, name: Bo Li, title: CEO, reports_to: a}\n"
     "  - {id: c, name: Cy Diaz, title: Engineer, reports_to: zz}\n",
     ["reporting line that fails validation", "card that fails validation"], (True, True)),
])
def test_the_key_explains_the_broken_style_the_forced_chart_draws(org_file, people, keys,
                                                                  samples):
    # (the key showed a red dashed line, "fails validation", for a red card and no line)
    from orgviz.render.themes import get_theme

    svg = render(load(org_file("orgviz: 1\norg: {name: T, size: small}\npeople:\n" + people)),
                 "svg", force=True)
    labels = {"reports to", "fails validation", "card that fails validation",
              "reporting line that fails validation"}
    assert [text for text in texts(svg) if text in labels] == keys
    red = get_theme("light").broken
    card_sample = f'fill="#FFFFFF" stroke="{red}" stroke-width="1.8"'.encode()
    line_sample = f'stroke="{red}" stroke-width="2.2" stroke-dasharray="7 4"'.encode()
    assert (card_sample in svg, line_sample in svg) == samples


def test_a_dot_file_holds_the_subtitle_and_a_coloured_open_role(org_file):
    # (the stand-alone DOT had the title alone, where the SVG says who and how many, and an
    # open role of a team lost its team's colour to the grey open-role border)
    org = load(org_file("orgviz: 1\norg: {name: T, size: small, date: 2026-11-01}\n"
                        "teams:\n  - {id: eng, name: Engineering, color: '#E8590C'}\n"
                        "people:\n  - {id: a, name: Ann Lee, title: CEO}\n"
                        "  - {id: b, title: Engineer, vacant: true, team: eng, reports_to: a}\n"
                        "  - {id: c, title: Engineer, vacant: true, reports_to: a}\n"))
    dot = render(org, "dot", RenderOptions(layout="tidy")).decode()
    assert 'label="T\\n1 person · 2 open roles · 2026-11-01"' in dot
    open_cards = [line for line in dot.splitlines() if "dashed" in line and "Open role" in line]
    assert len(open_cards) == 2
    assert 'color="#e8590c", penwidth=1.5' in open_cards[0]
    assert 'color="#7B8794"' in open_cards[1]


def test_a_dot_file_holds_the_legend_below_the_chart(org_file):
    # (the stand-alone DOT had no legend: which colour is which team was nowhere)
    org = load(org_file("orgviz: 1\norg: {name: T, size: small}\n"
                        "teams:\n  - {id: eng, name: Engineering, color: '#E8590C'}\n"
                        "  - {id: ops, name: Ops & <Support>, color: '#4C78A8'}\n"
                        "people:\n  - {id: a, name: Ann Lee, title: CEO, team: ops}\n"
                        "  - {id: b, name: Bo Li, title: Engineer, team: eng, reports_to: a}\n"))
    dot = render(org, "dot", RenderOptions(layout="tidy")).decode()
    legend = [line.strip() for line in dot.splitlines() if line.strip().startswith("legend")]
    assert [line.split(" [")[0] for line in legend] == [
        "legend_title", "legend0s", "legend0", "legend1s", "legend1"]
    assert 'label="Teams"' in legend[0]
    labels = [line.split("label=")[1].split(", ")[0] for line in legend[2::2]]
    assert sorted(labels) == ['"Engineering"', '"Ops &amp; <Support>"']
    # all below the chart (y under 0: the chart's points are 0 and up), each swatch on its
    # label's row, left of it
    places = [tuple(map(float, line.split('pos="')[1].split("!")[0].split(",")))
              for line in legend]
    assert all(y <= -36 for _x, y in places)
    for swatch, label in zip(places[1::2], places[2::2], strict=True):
        assert swatch[1] == label[1] and swatch[0] < label[0]


@pytest.mark.parametrize(("field", "flag", "choices"), [
    ("color_by", "--color-by", "team, level, none"),
    ("theme", "--theme", "light, dark, print, high-contrast"),
    ("layout", "--layout", "auto, dot, tidy"),
    ("engine", "--engine", "auto, system, embedded"),
    ("direction", "--direction", "TB, LR"),
])
def test_an_unknown_choice_names_the_field_and_its_flag(field: str, flag: str,
                                                        choices: str) -> None:
    """As docs/rendering.md says (and build_chart's color_by did): `unknown color-by 'x'`
    named neither the field nor the flag."""
    with pytest.raises(RenderError) as caught:
        RenderOptions(**{field: "x"}).verified()
    assert str(caught.value) == f"unknown {field} ({flag}) 'x': use one of {choices}"


def test_an_a4_svg_keeps_a4s_own_ratio(small_org: Org) -> None:
    """Only the PNG at the preset's size is padded to its pixels' ratio (2480:3508)."""
    from orgviz.render.convert import svg_size

    width, height = svg_size(render(small_org, "svg", RenderOptions(fit="a4-portrait")))
    assert abs(height / width - 297 / 210) < 1e-6
