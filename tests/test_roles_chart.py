"""`orgviz roles` and orgviz.roles_chart: the side-by-side role ladders, with either engine."""

from __future__ import annotations

import io
import itertools
import json
import re
import shutil
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from orgviz.cli import main
from orgviz.errors import RenderError
from orgviz.loader import load
from orgviz.model import Org
from orgviz.render.engines import EmbeddedEngine
from orgviz.render.labels import clean, text_width
from orgviz.roles_chart import collapse, leadership_chain, plan, plan_dot, render, to_dot

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = [ROOT / "orgs" / f"{name}.yaml" for name in ("small", "mid-size", "enterprise")]
SVG = "{http://www.w3.org/2000/svg}"

HAS_DOT = shutil.which("dot") is not None
HAS_EMBEDDED = EmbeddedEngine().find() is not None
ENGINES = [
    pytest.param("system", id="system", marks=[
        pytest.mark.system_graphviz,
        pytest.mark.skipif(not HAS_DOT, reason="needs Graphviz `dot` on PATH")]),
    pytest.param("embedded", id="embedded", marks=[
        pytest.mark.embedded_graphviz,
        pytest.mark.skipif(not HAS_EMBEDDED, reason="needs graphviz-pure")]),
]

#: Org names and role titles that try to break out of DOT strings, HTML-like labels or SVG.
HOSTILE = [
    "<b>x</b>",
    "&amp;",
    '" ] ; node [label="pwn"',
    "\\N",
    "\\G \\E \\l",
    "trailing backslash\\",
    "<<TABLE>>",
    "}} digraph x {",
    "]]><x/>",
    "<script>alert(1)</script>",
    "Ana 🚀 Müller",
    "شركة محمد العلي",
    "a\u202eb\tc",  # a right-to-left override and a tab are dropped
]


@pytest.fixture(scope="module")
def examples() -> list[Org]:
    return [load(path) for path in EXAMPLES]


@pytest.fixture(scope="module")
def drawn(examples: list[Org]) -> dict[str, bytes]:
    """The example chart as SVG by engine, drawn once per engine."""
    return {}


def _svg(drawn: dict[str, bytes], examples: list[Org], engine: str) -> bytes:
    if engine not in drawn:
        drawn[engine] = render(examples, "svg", engine=engine)
    return drawn[engine]


def texts(svg: bytes) -> list[str]:
    """Every <text> of an SVG, in document order (parsing also proves it is XML)."""
    root = ET.fromstring(svg)
    assert root.tag == f"{SVG}svg"
    return ["".join(el.itertext()) for el in root.iter(f"{SVG}text")]


def hostile_org(org_file: Callable[..., Path], name: str, role: str, file: str = "h.yaml"
                ) -> Path:
    """An org called `name` whose custom role called `role` manages two product managers."""
    text = (f"orgviz: 1\norg: {{name: {json.dumps(name, ensure_ascii=False)}, size: small}}\n"
            f"roles:\n  - {{id: boss, name: {json.dumps(role, ensure_ascii=False)}, "
            "level: vp}\n"
            "people:\n"
            "  - {id: ceo, name: Ada, title: CEO}\n"
            "  - {id: b, name: Bo, role: boss, title: Boss, reports_to: ceo}\n"
            "  - {id: pm, name: Pam, title: Product Manager, reports_to: b, dotted_to: ceo}\n"
            "  - {id: pm2, name: Pat, title: Product Manager, reports_to: b}\n")
    return org_file(text, name=file)


# --- what the chart says ---------------------------------------------------------------------

def test_collapse_counts_the_example_ladders(examples: list[Org]) -> None:
    small, mid, big = (collapse(org) for org in examples)
    names = {node.name: node.people for node in small.nodes.values()}
    assert names == {"CEO": 1, "Head of Product + Director of Product": 1,
                     "Senior Product Manager": 1, "Product Manager": 2}
    assert small.missing_leadership() == ["cpo", "vp-product"]
    assert mid.missing_leadership() == ["cpo"]
    assert big.missing_leadership() == []
    assert leadership_chain(big) == ("Chief Product Officer (1) › VP of Product (4) › "
                                     "Head of Product (5) › Director of Product (11 + 1 open)")
    assert leadership_chain(small) == "Head of Product + Director of Product (1)"


@pytest.mark.parametrize("engine", ENGINES)
def test_examples_show_names_roles_and_counts(engine: str, examples: list[Org],
                                              drawn: dict[str, bytes]) -> None:
    svg = _svg(drawn, examples, engine)
    shown = texts(svg)
    for org in examples:
        assert org.name in shown
    for text in ("Product leadership roles by company size", "Chief Product Officer",
                 "VP of Product", "Head of Product", "Director of Product",
                 "+ Director of Product",  # (the small company's combined box, on two rows)
                 "Product Manager", "CEO",
                 "1 person", "2 people", "46 people + 4 open", "11 people + 1 open",
                 "small · 20 people · 5 in the product ladder",
                 "enterprise · 597 people · 135 + 9 open in the product ladder",
                 "Head of Product + Director of Product (1)",
                 "C-level", "Manager / Lead", "Associate"):
        assert text in shown, text
    # Small and mid-size have no CPO, small no VP of Product either: dashed boxes say so.
    assert shown.count("no Chief Product Officer") == 2
    assert shown.count("no VP of Product") == 1
    assert shown.count("no Head of Product") == 0
    # Reporting-line counts on the arrows (enterprise: 38 PMs under Group PMs).
    assert "38" in shown and "28" in shown
    # What the embedded engine used to show instead of labels: Graphviz node ids.
    for node_id in ("roles", "cluster_0", "lvl_ceo", "h0", "n0_1"):
        assert node_id not in shown
    assert b"<!-- orgviz roles chart; layout by Graphviz " in svg[:200]
    assert f"{engine} engine".encode() in svg[:200]


@pytest.mark.parametrize("engine", ENGINES)
def test_boxes_are_filled_by_kind(engine: str, examples: list[Org],
                                  drawn: dict[str, bytes]) -> None:
    root = ET.fromstring(_svg(drawn, examples, engine))
    fills: dict[str, str] = {}
    dashed: list[str] = []
    for group in root.iter(f"{SVG}g"):
        title = group.find(f"{SVG}title")
        rect = group.find(f"{SVG}rect")
        if title is None or rect is None:
            continue
        fills.setdefault(title.text or "", rect.get("fill", ""))
        if rect.get("stroke-dasharray"):
            dashed.append(title.text or "")
    assert fills["Chief Product Officer: 1 person"] == "#F58518"
    assert fills["Product Manager: 46 people + 4 open"] == "#FBD9B5"
    assert fills["CEO: 1 person"] == "#DCE6F2"
    assert sorted(dashed) == ["Lumen Health has no Chief Product Officer",
                              "Tidewater Labs has no Chief Product Officer",
                              "Tidewater Labs has no VP of Product"]


@pytest.mark.parametrize("engine", ENGINES)
def test_legend_swatches_sit_next_to_their_labels(engine: str, examples: list[Org],
                                                  drawn: dict[str, bytes]) -> None:
    root = ET.fromstring(_svg(drawn, examples, engine))
    legend = list(root)[-1]  # the last group
    items = list(legend)
    labels = {"product leadership (CPO, VP, Head, Director of Product)", "product managers",
              "roles the product ladder reports to",
              "a leadership role the company does not have"}
    found = 0
    for sample, label in itertools.pairwise(items):
        if sample.tag == f"{SVG}rect" and label.tag == f"{SVG}text":
            assert label.text in labels
            gap = float(label.get("x", "0")) - float(sample.get("x", "0"))
            assert 0 < gap < 40, (label.text, gap)
            assert abs(float(label.get("y", "0")) - float(sample.get("y", "0")) - 10) < 8
            found += 1
    assert found == 4


@pytest.mark.parametrize("engine", ENGINES)
def test_same_bytes_twice(engine: str, examples: list[Org], drawn: dict[str, bytes]) -> None:
    first = _svg(drawn, examples, engine)
    again = [load(path) for path in EXAMPLES]
    assert render(again, "svg", engine=engine) == first


@pytest.mark.skipif(not (HAS_DOT and HAS_EMBEDDED), reason="needs both engines")
@pytest.mark.system_graphviz
@pytest.mark.embedded_graphviz
def test_both_engines_say_the_same(examples: list[Org], drawn: dict[str, bytes]) -> None:
    assert sorted(texts(_svg(drawn, examples, "system"))) == sorted(
        texts(_svg(drawn, examples, "embedded")))


# --- hostile text ----------------------------------------------------------------------------

def _structure(svg: bytes) -> list[str]:
    return [el.tag for el in ET.fromstring(svg).iter()]


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_names_appear_literally(engine: str, text: str,
                                        org_file: Callable[..., Path]) -> None:
    hostile = render([load(hostile_org(org_file, text, text))], "svg", engine=engine)
    plain = render([load(hostile_org(org_file, "Plain Org", "Plain Role", "p.yaml"))], "svg",
                   engine=engine)
    shown = texts(hostile)
    expected = clean(text)
    assert expected in shown  # the org name, as one line
    assert shown.count(expected) >= 2  # and the role's box
    assert "pwn" not in shown
    # Same elements in the same order as an org with harmless names.
    assert _structure(hostile) == _structure(plain)
    # Tooltips too, and the only markup is orgviz's own.
    root = ET.fromstring(hostile)
    titles = ["".join(el.itertext()) for el in root.iter(f"{SVG}title")]
    assert f"{expected}: 1 person" in titles
    assert not [el for el in root.iter() if el.tag in (f"{SVG}b", f"{SVG}script", f"{SVG}x",
                                                       "b", "script", "x")]


@pytest.mark.parametrize("engine", ENGINES)
def test_dot_source_cannot_be_broken_out_of(engine: str, org_file: Callable[..., Path]) -> None:
    """The .dot export carries the text as escaped plain labels: the same nodes and edges."""
    from orgviz.render.engines import pick_engine

    def graph(name: str, role: str, file: str) -> tuple[list[str], int]:
        source = to_dot([load(hostile_org(org_file, name, role, file))])
        data = json.loads(pick_engine(engine).render(source, "json0"))
        nodes = [o["name"] for o in data["objects"] if "nodes" not in o]
        return nodes, len(data["edges"])

    plain_nodes, plain_edges = graph("Plain Org", "Plain Role", "p.yaml")
    for index, text in enumerate(HOSTILE):
        nodes, edges = graph(text, text, f"h{index}.yaml")
        assert (nodes, edges) == (plain_nodes, plain_edges), text
        assert "pwn" not in nodes


def test_layout_source_holds_no_user_text(examples: list[Org],
                                          org_file: Callable[..., Path]) -> None:
    source = plan_dot(plan([load(hostile_org(org_file, '" ] ; x [label="pwn"', "\\N <b>"))]),
                      labels=False)
    assert "pwn" not in source and "<b>" not in source and "\\N" not in source
    source = plan_dot(plan(examples), labels=False)
    for org in examples:
        assert org.name not in source


def test_dot_export_has_plain_labels(examples: list[Org]) -> None:
    source = to_dot(examples)
    assert source.startswith("digraph roles {")
    assert "label=<" not in source  # no HTML-like labels: the embedded engine cannot read them
    assert '"Chief Product Officer\\n1 person"' in source
    assert '"no Chief Product Officer"' in source


# --- PNG, PDF, errors ------------------------------------------------------------------------

def _svg_size(svg: bytes) -> tuple[float, float]:
    root = ET.fromstring(svg)
    return float(root.get("width", "0")), float(root.get("height", "0"))


@pytest.mark.parametrize("engine", ENGINES)
def test_png_has_the_svg_aspect(engine: str, examples: list[Org],
                                drawn: dict[str, bytes]) -> None:
    pytest.importorskip("PIL")
    from PIL import Image

    from orgviz.render.convert import svg_to_png

    svg = _svg(drawn, examples, engine)
    width, height = _svg_size(svg)
    png = render(examples, "png", engine=engine)
    assert png == svg_to_png(svg, scale=2.0)
    image = Image.open(io.BytesIO(png))
    assert abs(image.size[0] - 2 * width) <= 1 and abs(image.size[1] - 2 * height) <= 1
    assert abs(image.size[0] / image.size[1] - width / height) < 0.01


@pytest.mark.parametrize("engine", ENGINES)
def test_pdf(engine: str, examples: list[Org]) -> None:
    pytest.importorskip("cairosvg")
    try:
        pdf = render(examples[:1], "pdf", engine=engine)
    except RenderError as exc:  # cairo itself missing
        pytest.skip(str(exc))
    assert pdf.startswith(b"%PDF")


def test_unreadable_layout_is_a_render_error(examples: list[Org]) -> None:
    from orgviz.render.rolesdraw import draw_roles

    chart = plan(examples)
    for data in (b"not json", b"{}", b'{"bb": "0,0,10,10", "objects": []}',
                 b'{"bb": "0,0,10,10", "objects": [{"name": "h0", "pos": "x,y"}]}'):
        with pytest.raises(RenderError, match="layout of the roles chart"):
            draw_roles(chart, data)


@pytest.fixture
def run(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Callable[..., object]:
    monkeypatch.chdir(tmp_path)

    def invoke(*args: str):
        return CliRunner().invoke(main, ["roles", *args], catch_exceptions=False)

    return invoke


@pytest.mark.parametrize("engine", ENGINES)
def test_cli_writes_each_format(engine: str, run) -> None:
    files = [str(path) for path in EXAMPLES]
    for name in ("roles.svg", "roles.png", "roles.dot"):
        result = run(*files, "--engine", engine, "-o", name)
        assert result.exit_code == 0, result.output
    shown = texts(Path("roles.svg").read_bytes())
    assert "Northwind Commerce" in shown and "no Chief Product Officer" in shown
    assert Path("roles.png").read_bytes()[:4] == b"\x89PNG"
    assert Path("roles.dot").read_text(encoding="utf-8").startswith("digraph roles {")


def test_cli_bad_org_file_is_one_line_and_exit_1(run, org_file) -> None:
    bad = org_file("orgviz: 1\norg: {name: X}\npeople:\n  - {id: a, name: A, title: CEO\n",
                   name="bad.yaml")
    result = run(str(EXAMPLES[0]), str(bad), "-o", "roles.svg")
    assert result.exit_code == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and re.match(rf"{re.escape(str(bad))}:\d+:\d+: error ", lines[0])
    assert "Traceback" not in result.output
    assert not Path("roles.svg").exists()


def test_cli_missing_org_file_exit_2(run) -> None:
    result = run("nowhere.yaml", "-o", "roles.svg")
    assert result.exit_code == 2
    assert "nowhere.yaml" in result.stderr and "Traceback" not in result.output


def test_cli_unwritable_output_exit_2(run) -> None:
    Path("a-file").write_text("x")
    result = run(str(EXAMPLES[0]), "-o", "a-file/roles.svg")
    assert result.exit_code == 2
    assert "a-file" in result.stderr and "Traceback" not in result.output
    result = run(str(EXAMPLES[0]), "-o", "roles.txt")
    assert result.exit_code == 2 and "cannot tell the format of 'roles.txt'" in result.stderr


@pytest.mark.parametrize("engine", ENGINES)
def test_arrows_say_who_reports_to_whom(engine: str, examples: list[Org],
                                        drawn: dict[str, bytes],
                                        org_file: Callable[..., Path]) -> None:
    root = ET.fromstring(_svg(drawn, examples, engine))
    titles = ["".join(el.itertext()) for el in root.iter(f"{SVG}title")]
    assert "Senior Product Manager reports to Group Product Manager: 28 lines" in titles
    assert "Chief Product Officer reports to CEO: 1 line" in titles
    assert "dotted-line report" not in texts(_svg(drawn, examples, engine))
    # A dotted line: a dashed grey arrow, and the legend explains it.
    svg = render([load(hostile_org(org_file, "Dotted", "Boss"))], "svg", engine=engine)
    root = ET.fromstring(svg)
    dashed = [el for el in root.iter(f"{SVG}path")
              if el.get("stroke-dasharray") and el.get("stroke") == "#999999"]
    assert len(dashed) == 2  # the arrow and its legend sample
    assert "dotted line from Product Manager to CEO: 1 line" in [
        "".join(el.itertext()) for el in root.iter(f"{SVG}title")]
    assert "dotted-line report" in texts(svg)


def test_a_cycle_of_people_without_a_role_above_a_product_role_ends(tmp_path: Path) -> None:
    import threading

    path = tmp_path / "org.yaml"
    path.write_text("""\
orgviz: 1
org: {name: Loop, size: mid-size}
people:
  - {id: top, name: T, title: CEO}
  - {id: x, name: X, reports_to: y}
  - {id: y, name: Y, reports_to: x}
  - {id: d, name: D, title: Director of Product, reports_to: x}
""", encoding="utf-8")
    org = load(path)
    done: list[object] = []
    worker = threading.Thread(target=lambda: done.append(collapse(org)), daemon=True)
    worker.start()
    worker.join(10)  # (it looped for ever: x and y have no role, so were never "selected")
    assert done, "collapse did not end"
    graph = done[0]
    assert [node.name for node in graph.nodes.values()] == ["Director of Product"]
    assert not graph.solid


def test_a_roles_pdf_drawn_as_an_image_says_so(tmp_path) -> None:
    import subprocess
    import sys
    from pathlib import Path

    pytest.importorskip("resvg_py")
    text = (Path(__file__).resolve().parents[1] / "orgs" / "small.yaml").read_text(
        encoding="utf-8").replace("  name: Tidewater Labs\n", "  name: 张伟公司\n", 1)
    org = tmp_path / "cjk.yaml"
    org.write_text(text, encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "orgviz", "roles", str(org), "-o",
                           str(tmp_path / "roles.pdf")], capture_output=True, text=True,
                          timeout=120, check=False)
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr == (f"orgviz: {tmp_path / 'roles.pdf'}: drawn as an image at 300 dpi: "
                           "its text holds scripts the PDF writer cannot shape (Chinese)\n")


def test_cli_a_repeated_id_is_refused_with_its_place(run, org_file) -> None:
    """A second person of one id was left out of the ladder (a CFO uncounted), silently."""
    dup = org_file("orgviz: 1\norg: {name: X}\npeople:\n  - {id: a, name: A, title: CEO}\n"
                   "  - {id: b, name: B, title: CPO, reports_to: a}\n"
                   "  - {id: b, name: C, title: CFO, reports_to: a}\n", name="dup.yaml")
    result = run(str(dup), "-o", "roles.svg")
    assert result.exit_code == 1
    assert result.stderr == (f"{dup}:6:10: error [duplicate-id] duplicate person id 'b' "
                             "(first used at line 5): give each position its own id\n")
    assert not Path("roles.svg").exists()


def test_reports_through_a_manager_without_a_role_get_their_arrow(org_file) -> None:
    """Product managers under someone whose title maps to no role report (through them) to
    the CPO: their box had no arrow at all."""
    org = load(org_file(
        "orgviz: 1\norg: {name: Gap Co, size: small}\npeople:\n"
        "  - {id: ceo, name: Ada, title: CEO}\n"
        "  - {id: cpo, name: Bo, title: Chief Product Officer, reports_to: ceo}\n"
        "  - {id: wiz, name: Cy, title: Chief Wizard of Journeys, reports_to: cpo}\n"
        "  - {id: wiz2, name: Cy2, title: Keeper of Scrolls, reports_to: wiz}\n"
        "  - {id: pm1, name: Di, title: Product Manager, reports_to: wiz2}\n"
        "  - {id: pm2, name: Ed, title: Product Manager, reports_to: wiz}\n"
        "  - {id: pm3, name: Fay, title: Senior Product Manager, reports_to: cpo}\n"
        "  - {id: x, name: Gus, title: Looper, reports_to: y}\n"
        "  - {id: y, name: Hal, title: Looper, reports_to: x}\n"
        "  - {id: pm4, name: Ivy, title: Product Manager, reports_to: x}\n"))
    graph = collapse(org)
    assert dict(graph.solid) == {(("ceo",), ("cpo",)): 1, (("cpo",), ("pm",)): 2,
                                 (("cpo",), ("senior-pm",)): 1}
    assert graph.nodes[("pm",)].people == 3  # (pm4, under a loop of people without a role)


def test_the_chart_of_one_org_is_not_titled_by_company_size() -> None:
    """'... by company size' over one company compared with none."""
    from orgviz.roles_chart import ONE_TITLE, TITLE

    org = load(EXAMPLES[0])
    assert plan([org]).title == ONE_TITLE == "Product leadership roles"
    assert plan([org, org]).title == TITLE
    assert plan([org], "Mine").title == "Mine"
    assert 'label="Product leadership roles"' in to_dot([org])


@pytest.mark.parametrize("engine", ENGINES)
def test_one_org_stands_in_the_middle_of_the_level_bands(engine: str,
                                                          examples: list[Org]) -> None:
    """One org's column is narrower than the legend's width: it stands in the middle of
    the bands (it was at their left end, half the chart empty to its right)."""
    root = ET.fromstring(render(examples[:1], "svg", engine=engine))
    rects = [{k: float(v) for k, v in r.attrib.items() if k in ("x", "width")}
             for r in root.iter(f"{SVG}rect")]
    band = next(r for r in rects if r.get("x") is not None and r["width"] >= 640)
    frame = next(r for r in root.iter(f"{SVG}rect") if r.get("fill") == "none")
    left, width = float(frame.get("x", 0)), float(frame.get("width", 0))
    axis = max(float(t.get("x", 0)) + text_width(t.text or "", 12.5, True)
               for t in root.iter(f"{SVG}text")
               if t.get("font-size") == "12.5" and float(t.get("x", 0)) < left)
    spare_left = left - axis
    spare_right = band["x"] + band["width"] - (left + width)
    assert spare_left > 40 and abs(spare_left - spare_right) < 40, (spare_left, spare_right)


def test_an_svp_of_product_has_the_svp_row_and_is_no_gap(org_file) -> None:
    """An SVP of Product is product leadership on the SVP / EVP row, shown only where some
    org has one; an org without one lacks no role (no "none" box of it)."""
    org = load(org_file(
        "orgviz: 1\norg: {name: Senior Co, size: small}\npeople:\n"
        "  - {id: ceo, name: Ada, title: CEO}\n"
        "  - {id: svp, name: Bo, title: SVP of Product, reports_to: ceo}\n"
        "  - {id: vp, name: Cy, title: VP of Product, reports_to: svp}\n"
        "  - {id: pm, name: Di, title: Product Manager, reports_to: vp}\n"))
    graph = collapse(org)
    node = graph.nodes[("svp-product",)]
    assert (node.name, node.level, node.leadership) == ("SVP of Product", "svp", True)
    assert graph.missing_leadership() == ["cpo", "head-of-product", "director-of-product"]
    assert leadership_chain(graph) == "SVP of Product (1) › VP of Product (1)"
    assert dict(graph.solid) == {(("ceo",), ("svp-product",)): 1,
                                 (("svp-product",), ("vp-product",)): 1,
                                 (("vp-product",), ("pm",)): 1}
    levels = plan([org]).levels
    assert levels[:3] == ["ceo", "c-level", "svp"] and levels[3] == "vp"
    small = load(EXAMPLES[0])
    assert "svp" not in plan([small]).levels
    assert "svp" in plan([small, org]).levels  # (aligned across the columns)
    assert "svp-product" not in collapse(small).missing_leadership()
    # The legend names the SVP only where one is drawn.
    legend = "product leadership (CPO, SVP or VP, Head, Director of Product)"
    assert legend in texts(render([small, org], "svg"))
    assert legend not in texts(render([small], "svg"))
    assert "product leadership (CPO, VP, Head, Director of Product)" in texts(
        render([small], "svg"))


def _svp_orgs(org_file: Callable[..., Path]) -> tuple[Org, Org, Org]:
    """An org with an SVP of Product and no VP of Product, one with both (and a CPO), one
    with neither."""
    only = load(org_file(
        "orgviz: 1\norg: {name: Only SVP, size: small}\npeople:\n"
        "  - {id: ceo, name: Ada, title: CEO}\n"
        "  - {id: svp, name: Bo, title: SVP of Product, reports_to: ceo}\n"
        "  - {id: head, name: Cy, title: Head of Product, reports_to: svp}\n"
        "  - {id: dir, name: Di, title: Director of Product, reports_to: head}\n"
        "  - {id: pm, name: Ed, title: Product Manager, reports_to: dir}\n"
        "  - {id: spm, name: Flo, title: Senior Product Manager, reports_to: svp}\n",
        name="only.yaml"))
    both = load(org_file(
        "orgviz: 1\norg: {name: Both Co, size: small}\npeople:\n"
        "  - {id: ceo, name: Ada, title: CEO}\n"
        "  - {id: cpo, name: Al, title: Chief Product Officer, reports_to: ceo}\n"
        "  - {id: svp, name: Bo, title: SVP of Product, reports_to: cpo}\n"
        "  - {id: vp1, name: Vi, title: VP of Product, reports_to: svp}\n"
        "  - {id: vp2, name: Vo, title: VP of Product, reports_to: svp}\n"
        "  - {id: head, name: Cy, title: Head of Product, reports_to: vp1}\n"
        "  - {id: dir, name: Di, title: Director of Product, reports_to: head}\n"
        "  - {id: pm, name: Ed, title: Product Manager, reports_to: vp2}\n",
        name="both.yaml"))
    neither = load(org_file(
        "orgviz: 1\norg: {name: Neither Co, size: small}\npeople:\n"
        "  - {id: ceo, name: Ada, title: CEO}\n"
        "  - {id: head, name: Cy, title: Head of Product, reports_to: ceo}\n"
        "  - {id: pm, name: Ed, title: Product Manager, reports_to: head}\n",
        name="neither.yaml"))
    return only, both, neither


def _titles(svg: bytes) -> list[str]:
    """The tooltips (<title>) of an SVG: boxes, "none" boxes, arrows."""
    return [el.text or "" for el in ET.fromstring(svg).iter(f"{SVG}title")]


def test_an_svp_of_product_holds_the_vp_of_product_place(org_file) -> None:
    """As the product rules read it: an org with an SVP of Product and no VP of Product has
    its SVP of Product box (counted, with its reporting lines), and no "no VP of Product"
    box; an org with both shows both; one with neither has the "none" box."""
    only, both, neither = _svp_orgs(org_file)
    assert collapse(only).missing_leadership() == ["cpo"]
    assert collapse(both).missing_leadership() == []
    assert collapse(neither).missing_leadership() == ["cpo", "vp-product",
                                                      "director-of-product"]
    assert leadership_chain(collapse(only)) == ("SVP of Product (1) › Head of Product (1) › "
                                                "Director of Product (1)")
    svg = render([only], "svg")
    assert "SVP of Product" in texts(svg) and "1 person" in texts(svg)
    assert b"no VP of Product" not in svg
    titles = _titles(svg)
    assert "SVP of Product: 1 person" in titles
    assert "Only SVP has no Chief Product Officer" in titles
    assert not any("has no VP of Product" in t for t in titles)
    assert "Head of Product reports to SVP of Product: 1 line" in titles
    assert "Senior Product Manager reports to SVP of Product: 1 line" in titles
    # No row of its own for the VP level nobody is on: SVP / EVP right above Head.
    assert plan([only]).levels == ["ceo", "c-level", "svp", "head", "director", "senior-ic",
                                   "ic"]
    assert "VP" not in texts(svg) and "SVP / EVP" in texts(svg)
    # Side by side: both SVPs and the two VPs of Product drawn, one "no VP of Product" box
    # (the org with neither), the VP row back for the columns that have something on it.
    svg = render([only, both, neither], "svg")
    shown, titles = texts(svg), _titles(svg)
    assert shown.count("SVP of Product") == 2 and shown.count("VP of Product") == 1
    assert shown.count("no VP of Product") == 1
    assert [t for t in titles if "has no VP of Product" in t] == [
        "Neither Co has no VP of Product"]
    assert titles.count("SVP of Product: 1 person") == 2
    assert "VP of Product: 2 people" in titles
    assert "VP of Product reports to SVP of Product: 2 lines" in titles
    assert "2" in shown  # (the count on that arrow)
    assert plan([only, both, neither]).levels[:5] == ["ceo", "c-level", "svp", "vp", "head"]
    assert render([only, both, neither], "svg") == svg


def test_level_labels_start_one_padding_inside_their_band(org_file) -> None:
    """Every level label starts AXIS_PAD (12) inside the bands' left edge, the widest
    ("SVP / EVP", "Manager / Lead") too, which started right on it; the widest ends
    AXIS_GAP (14) before the first column's frame."""
    only, both, neither = _svp_orgs(org_file)
    for orgs in ([only, both, neither], [load(path) for path in EXAMPLES]):
        root = ET.fromstring(render(orgs, "svg"))
        bands = [r for r in root.iter(f"{SVG}rect") if r.get("fill") == "#F4F6F9"]
        assert bands and {r.get("x") for r in bands} == {"24"}
        labels = [t for t in root.iter(f"{SVG}text") if t.get("font-size") == "12.5"]
        assert [t.text for t in labels][:3] == ["CEO", "C-level",
                                                "SVP / EVP" if orgs[0] is only else "VP"]
        assert {(t.get("x"), t.get("text-anchor")) for t in labels} == {("36", "start")}
        frame = min(float(r.get("x", 0)) for r in root.iter(f"{SVG}rect")
                    if r.get("fill") == "none")
        widest = max(text_width(t.text or "", 12.5, True) for t in labels)
        assert 36 + widest + 14 == pytest.approx(frame, abs=0.01)


def test_counts_say_one_person_and_have_thousands_separators(org_file) -> None:
    """The column header said "1 people" (and "in 1 positions"); big counts had no commas."""
    from orgviz.roles_chart import org_summary

    one = load(org_file("orgviz: 1\norg: {name: Solo, size: small}\npeople:\n"
                        "  - {id: a, name: Ann, title: Chief Product Officer}\n"))
    assert org_summary(one, collapse(one)) == "small · 1 person · 1 in the product ladder"
    part = load(org_file("orgviz: 1\norg: {name: Solo, size: small}\npeople:\n"
                         "  - {id: a, name: Ann, title: Chief Product Officer, fte: 0.5}\n"
                         "  - {id: b, title: Product Manager, reports_to: a, vacant: true}\n",
                         name="part.yaml"))
    assert org_summary(part, collapse(part)) == (
        "small · 0.5 FTE in 1 position · 1 + 1 open in the product ladder")
    many = load(org_file("orgviz: 1\norg: {name: Many, size: enterprise}\npeople:\n"
                         "  - {id: a, name: Ann, title: Chief Product Officer}\n"
                         + "".join(f"  - {{id: d{i}, name: D{i}, title: Director of Product, "
                                   "reports_to: a}\n" for i in range(1_200)), name="many.yaml"))
    graph = collapse(many)
    assert leadership_chain(graph) == "Chief Product Officer (1) › Director of Product (1,200)"
    assert org_summary(many, graph) == "enterprise · 1,201 people · 1,201 in the product ladder"
    assert 'label=" 1,200"' in to_dot([many])


def test_the_leadership_chain_counts_open_positions_apart(org_file) -> None:
    """The header said `Director of Product (12)` above a box of "11 people + 1 open" and a
    summary of "135 + 9 open in the product ladder": the chain now counts as they do."""
    from orgviz.roles_chart import _chain_lines

    text = ("orgviz: 1\norg: {name: Open, size: small}\npeople:\n"
            "  - {id: c, name: Cy, title: Chief Product Officer}\n"
            "  - {id: v, title: VP of Product, reports_to: c, vacant: true}\n"
            "  - {id: d1, name: Di, title: Director of Product, reports_to: c}\n"
            "  - {id: d2, title: Director of Product, reports_to: c, vacant: true}\n")
    graph = collapse(load(org_file(text)))
    chain = ("Chief Product Officer (1) › VP of Product (1 open) › "
             "Director of Product (1 + 1 open)")
    assert leadership_chain(graph) == chain
    assert " ".join(line.text for line in _chain_lines(graph)) == chain
