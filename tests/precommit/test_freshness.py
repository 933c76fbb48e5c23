"""Source stamps (orgviz.render.freshness) and `orgviz render --hook`."""

from __future__ import annotations

import errno
import importlib.metadata
import os
import re
import shutil
import struct
import subprocess
import sys
import zlib
from pathlib import Path

import pytest
from click.testing import CliRunner

from orgviz.cli import main
from orgviz.errors import RenderError
from orgviz.render import freshness
from orgviz.render.engines import EmbeddedEngine
from orgviz.render.pipeline import RenderOptions

DIGEST = "0123456789abcdef" * 4
ORG = ("orgviz: 1\norg: {name: Stamped, size: small}\ninclude: [team.yaml]\npeople:\n"
       "  - {id: ceo, name: Ada Obi, title: CEO}\n")
TEAM = ("orgviz: 1\npeople:\n"
        "  - {id: hop, name: Ben Cruz, title: Head of Product, reports_to: ceo}\n"
        "  - {id: pm1, name: Cy Diaz, title: Product Manager, reports_to: hop}\n"
        "  - {id: pm2, name: Di Eze, title: Product Manager, reports_to: hop}\n")


def png(*chunks: tuple[bytes, bytes]) -> bytes:
    out = b"\x89PNG\r\n\x1a\n"
    for kind, body in chunks:
        out += struct.pack(">I", len(body)) + kind + body + struct.pack(
            ">I", zlib.crc32(kind + body) & 0xFFFFFFFF)
    return out


TINY_PNG = png((b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)),
               (b"IDAT", zlib.compress(b"\0\0\0\0")), (b"IEND", b""))


@pytest.mark.parametrize(("fmt", "data"), [
    ("svg", b'<?xml version="1.0" encoding="UTF-8"?>\n<svg></svg>\n'),
    ("svg", b'<?xml version="1.0"?><svg></svg>'),
    ("svg", b"<svg></svg>"),
    ("dot", b"digraph orgchart {}\n"),
    ("png", TINY_PNG),
])
def test_stamp_then_read_back(tmp_path, monkeypatch, fmt, data):
    monkeypatch.chdir(tmp_path)  # (no org.yaml here: its diagram may be taken over)
    path = tmp_path / f"chart.{fmt}"
    path.write_bytes(freshness.stamp(data, fmt, DIGEST, "org.yaml"))
    assert freshness.read_stamp(path) == DIGEST
    assert freshness.why_drawn(path, "org.yaml", DIGEST) is None
    assert freshness.why_drawn(path, "./org.yaml", DIGEST) is None
    assert freshness.why_drawn(path, "org.yaml", "f" * 64) == "out of date"
    # (the digest is of bytes alone: a diagram of another org file is no diagram of this one)
    assert freshness.why_drawn(path, "emea/org.yaml", DIGEST) == "the diagram of org.yaml"
    assert freshness.stamp(data, fmt, DIGEST, "org.yaml") == path.read_bytes()  # deterministic
    path.write_bytes(freshness.stamp(data, fmt, DIGEST))  # (a stamp that names no source)
    assert freshness.read_stamp(path) == DIGEST
    assert freshness.why_drawn(path, "org.yaml", DIGEST) == "out of date"
    path.write_bytes(freshness.stamp(data, fmt, DIGEST, "org.yaml")[:-4])  # (cut short)
    assert freshness.why_drawn(path, "org.yaml", DIGEST) == "out of date"


def test_is_fresh_is_gone():
    # (it said what why_drawn says, read the stamp its own way, and only tests called it)
    assert not hasattr(freshness, "is_fresh")


def test_svg_stamp_is_the_second_line():
    data = freshness.stamp(b'<?xml version="1.0" encoding="UTF-8"?>\n<svg/>\n', "svg", DIGEST)
    assert data.splitlines()[1] == f"<!-- orgviz-source-sha256: {DIGEST} -->".encode()
    assert data.splitlines()[2] == b"<svg/>"


def test_png_stamp_is_a_valid_text_chunk():
    data = freshness.stamp(TINY_PNG, "png", DIGEST)
    offset = 8 + 25
    length, kind = struct.unpack(">I4s", data[offset:offset + 8])
    body = data[offset + 8:offset + 8 + length]
    crc = struct.unpack(">I", data[offset + 8 + length:offset + 12 + length])[0]
    assert kind == b"tEXt" and body == b"orgviz-source-sha256\0" + DIGEST.encode()
    assert crc == zlib.crc32(kind + body) & 0xFFFFFFFF
    pytest.importorskip("PIL.Image")
    from PIL import Image

    with Image.open(__import__("io").BytesIO(data)) as image:
        image.load()
        assert image.text["orgviz-source-sha256"] == DIGEST


def test_no_stamp_reads_as_none(tmp_path):
    (tmp_path / "a.svg").write_bytes(b"<svg/>")
    (tmp_path / "b.png").write_bytes(TINY_PNG)
    assert freshness.read_stamp(tmp_path / "a.svg") is None
    assert freshness.read_stamp(tmp_path / "b.png") is None
    assert freshness.read_stamp(tmp_path / "missing.svg") is None


def test_pdf_cannot_be_stamped():
    with pytest.raises(RenderError, match="render PDF files without --hook"):
        freshness.verify_format("pdf")


@pytest.fixture
def org(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "org.yaml").write_text(ORG, encoding="utf-8")
    (tmp_path / "team.yaml").write_text(TEAM, encoding="utf-8")
    return tmp_path


def test_digest_covers_includes_options_and_rules(org):
    options = RenderOptions()
    base = freshness.source_digest("org.yaml", "dot", options)
    assert base == freshness.source_digest("org.yaml", "dot", RenderOptions(timeout=5.0))
    assert base != freshness.source_digest("org.yaml", "svg", options)
    assert base != freshness.source_digest("org.yaml", "dot", RenderOptions(theme="dark"))
    assert base != freshness.source_digest("org.yaml", "dot", options, force=True)
    from orgviz.config import load_config

    (org / ".orgviz.yaml").write_text("rules: {single-report: off}\n", encoding="utf-8")
    assert base != freshness.source_digest("org.yaml", "dot", options,
                                           load_config().rule_settings)
    (org / "team.yaml").write_text(TEAM + "  - {id: x, name: X, title: PM, reports_to: hop}\n",
                                   encoding="utf-8")
    assert base != freshness.source_digest("org.yaml", "dot", options)


def test_digest_names_the_engine(org):
    assert freshness.engine_identity("auto", "dot") == "none"
    # (no Graphviz draws the tidy layout, which "auto" picks: another Graphviz on another
    # machine leaves its diagrams up to date)
    assert freshness.engine_identity("system", "svg", "tidy") == "none"
    assert freshness.engine_identity("embedded", "png", "auto") == "none"
    if EmbeddedEngine().find() is None:
        pytest.skip("needs graphviz-pure")
    package = importlib.metadata.version("graphviz-pure")
    identity = freshness.engine_identity("embedded", "svg")
    assert re.fullmatch(rf"embedded graphviz \d+\.\d+\.\d+ \(graphviz-pure {package}\)", identity)


def render_hook(*args: str):
    return CliRunner().invoke(main, ["render", "--hook", *args])


def test_render_hook_draws_once_then_only_on_change(org):
    first = render_hook("--format", "dot", "team.yaml")
    assert first.exit_code == 1, first.output
    assert first.output.splitlines() == ["rendered output/org.dot (it was missing)",
                                         "1 diagram re-rendered, 0 up to date "
                                         "(source hash matches)"]
    drawn = (org / "output" / "org.dot").read_bytes()
    assert drawn.startswith(b"// orgviz-source-sha256: ")
    second = render_hook("--format", "dot", "org.yaml", "team.yaml")
    assert second.exit_code == 0, second.output
    assert second.output == "0 diagrams re-rendered, 1 up to date (source hash matches)\n"
    (org / "team.yaml").write_text(TEAM.replace("Di Eze", "Di Ezeh"), encoding="utf-8")
    third = render_hook("--format", "dot", "team.yaml")
    assert third.exit_code == 1 and "(it was out of date)" in third.output
    assert b"Di Ezeh" in (org / "output" / "org.dot").read_bytes()


def test_render_hook_skips_other_yaml_and_refuses_broken_orgs(org):
    (org / "ci.yaml").write_text("on: push\n", encoding="utf-8")
    assert render_hook("ci.yaml").output == "0 diagrams re-rendered, 0 up to date " \
                                            "(source hash matches)\n"
    (org / "team.yaml").write_text(TEAM.replace("reports_to: hop", "reports_to: nobody"),
                                   encoding="utf-8")
    result = render_hook("--format", "dot", "org.yaml")
    assert result.exit_code == 1
    assert "team.yaml:4:66: error [unknown-manager]" in result.output
    assert not (org / "output" / "org.dot").exists()


def test_render_hook_refuses_pdf(org):
    result = render_hook("-o", "out/", "--format", "pdf", "org.yaml")
    assert result.exit_code == 2 and "no place for the source stamp" in result.output


def test_plain_render_is_not_stamped(org):
    result = CliRunner().invoke(main, ["render", "--format", "dot", "org.yaml"])
    assert result.exit_code == 0, result.output
    assert b"orgviz-source-sha256" not in (org / "output" / "org.dot").read_bytes()


def test_render_hook_refuses_two_orgs_drawn_to_one_diagram(org):
    (org / "emea").mkdir()
    (org / "emea" / "org.yaml").write_text(ORG.replace("include: [team.yaml]\n", ""),
                                           encoding="utf-8")
    assert render_hook("--format", "dot", "org.yaml").exit_code == 1
    drawn = (org / "output" / "org.dot").read_bytes()
    assert drawn.startswith(b"// orgviz-source-sha256: ")
    assert freshness.stamped_source(org / "output" / "org.dot") == "org.yaml"
    result = render_hook("--format", "dot", "emea/org.yaml")
    assert result.exit_code == 2
    assert result.output == ("orgviz: output/org.dot is the diagram of org.yaml; drawing "
                             "emea/org.yaml there would overwrite it (and the next change to "
                             "the other, this one): rename one of them, or give them hook "
                             "entries with different -o folders\n")
    assert (org / "output" / "org.dot").read_bytes() == drawn
    assert render_hook("-o", "emea-charts/", "--format", "dot", "emea/org.yaml").exit_code == 1
    assert (org / "emea-charts" / "org.dot").exists()
    (org / "org.yaml").unlink()  # moved away: its old diagram is the new org's to take
    assert render_hook("--format", "dot", "emea/org.yaml").exit_code == 1
    assert freshness.stamped_source(org / "output" / "org.dot") == "emea/org.yaml"


def test_render_hook_refuses_an_identical_org_in_another_folder(org):
    """Two folders' byte-identical org.yaml have one digest: the second was 'up to date'
    (exit 0) with the first's diagram, which names the first as its source."""
    (org / "emea").mkdir()
    (org / "emea" / "org.yaml").write_bytes((org / "org.yaml").read_bytes())
    (org / "emea" / "team.yaml").write_bytes((org / "team.yaml").read_bytes())
    assert render_hook("--format", "dot", "org.yaml").exit_code == 1
    drawn = (org / "output" / "org.dot").read_bytes()
    result = render_hook("--format", "dot", "emea/org.yaml")
    assert result.exit_code == 2
    assert result.output.startswith("orgviz: output/org.dot is the diagram of org.yaml; "
                                    "drawing emea/org.yaml there would overwrite it")
    assert (org / "output" / "org.dot").read_bytes() == drawn
    # (the file itself, again: up to date as before)
    result = render_hook("--format", "dot", "org.yaml")
    assert result.exit_code == 0 and "1 up to date" in result.output


SMALL = ("orgviz: 1\norg: {{name: {name}, size: small}}\npeople:\n"
         "  - {{id: ceo, name: {ceo}, title: CEO}}\n")


def test_render_hook_takes_over_the_diagram_of_a_moved_org(org):
    """After `git mv emea/org.yaml apac/org.yaml` the diagram (same bytes, same digest) was
    'up to date' but still stamped as emea's; a new emea/org.yaml then silently drew over
    it, and apac's own hook was refused."""
    (org / "emea").mkdir()
    (org / "emea" / "org.yaml").write_text(SMALL.format(name="Acme", ceo="Ada Obi"),
                                           encoding="utf-8")
    assert render_hook("emea/org.yaml").exit_code == 1
    target = org / "output" / "org.svg"
    (org / "apac").mkdir()
    (org / "emea" / "org.yaml").rename(org / "apac" / "org.yaml")
    moved = render_hook("apac/org.yaml")
    assert (moved.exit_code, moved.output.splitlines()) == (1, [
        "rendered output/org.svg (it was the diagram of emea/org.yaml)",
        "1 diagram re-rendered, 0 up to date (source hash matches)"])
    assert freshness.stamped_source(target) == "apac/org.yaml"
    drawn = target.read_bytes()
    (org / "emea" / "org.yaml").write_text(SMALL.format(name="EMEA", ceo="Eve Ray"),
                                           encoding="utf-8")
    refused = render_hook("emea/org.yaml")
    assert refused.exit_code == 2
    assert refused.output.startswith("orgviz: output/org.svg is the diagram of apac/org.yaml; "
                                     "drawing emea/org.yaml there would overwrite it")
    assert target.read_bytes() == drawn
    again = render_hook("apac/org.yaml")
    assert (again.exit_code, again.output) == (
        0, "0 diagrams re-rendered, 1 up to date (source hash matches)\n")


@pytest.mark.parametrize("fmt", ["svg", "dot", "png"])
@pytest.mark.parametrize("source", ["org.yaml", "a b/ünï--cødé -->.yaml", "x\n<&>.yaml",
                                    "not-utf8-\udcff.yaml"])  # (a traceback in quote())
def test_stamp_records_the_source_safely(tmp_path, fmt, source):
    data = {"svg": b'<?xml version="1.0"?>\n<svg/>\n', "dot": b"digraph g {}\n",
            "png": TINY_PNG}[fmt]
    path = tmp_path / f"chart.{fmt}"
    path.write_bytes(freshness.stamp(data, fmt, DIGEST, source))
    assert freshness.read_stamp(path) == DIGEST
    assert freshness.stamped_source(path) == source
    line = {"svg": 1, "dot": 0, "png": None}[fmt]
    if line is not None:  # one line of printable ASCII, in SVG an XML comment without '--'
        stamp_line = path.read_bytes().splitlines()[line]
        assert re.fullmatch(rb"(<!-- |// )orgviz-source-sha256: [0-9a-f]{64} from [!-~]+( -->)?",
                            stamp_line)
        assert stamp_line.count(b"--") == (2 if fmt == "svg" else 0)


def test_render_hook_reports_a_part_two_orgs_include_once(org):
    (org / "team.yaml").write_text(TEAM.replace("reports_to: hop", "reports_to: nobody"),
                                   encoding="utf-8")
    (org / "other.yaml").write_text(ORG.replace("Stamped", "Other"), encoding="utf-8")
    result = render_hook("--format", "dot", "team.yaml")
    assert result.exit_code == 1
    lines = [line for line in result.output.splitlines() if "[unknown-manager]" in line]
    assert [line.split(" error ")[0] for line in lines] == [
        "team.yaml:4:66:", "team.yaml:5:65:"]


@pytest.mark.parametrize("fmt", ["svg", "dot", "png"])
def test_a_diagram_cut_short_is_drawn_again(org, fmt):
    assert render_hook("--format", fmt, "org.yaml").exit_code == 1
    target = org / "output" / f"org.{fmt}"
    whole = target.read_bytes()
    assert freshness.is_whole(target)
    assert render_hook("--format", fmt, "org.yaml").exit_code == 0  # up to date
    target.write_bytes(whole[:len(whole) * 2 // 3])  # the stamp is still there
    assert freshness.read_stamp(target) is not None and not freshness.is_whole(target)
    again = render_hook("--format", fmt, "org.yaml")
    assert again.exit_code == 1 and "(it was out of date)" in again.output
    assert target.read_bytes() == whole


def test_render_hook_of_the_tidy_layout_does_not_depend_on_the_engine(org):
    if EmbeddedEngine().find() is None:
        pytest.skip("needs graphviz-pure")
    first = render_hook("--engine", "embedded", "org.yaml")
    assert first.exit_code == 1, first.output
    # (said "rendered output/org.svg (it was out of date)" and exit 1 on every switch)
    again = render_hook("--engine", "system", "org.yaml")
    assert (again.exit_code, again.output) == (
        0, "0 diagrams re-rendered, 1 up to date (source hash matches)\n")
    dot = render_hook("--engine", "embedded", "--layout", "dot", "-o", "dot/", "org.yaml")
    assert dot.exit_code == 1, dot.output
    if shutil.which("dot") is not None:  # (the dot layout's diagrams do name the engine)
        switched = render_hook("--engine", "system", "--layout", "dot", "-o", "dot/", "org.yaml")
        assert "(it was out of date)" in switched.output


def _unsearchable(monkeypatch: pytest.MonkeyPatch, folder: str) -> None:
    """Make os.stat of anything in `folder` (not of the folder) fail as in a folder that
    cannot be searched (`chmod 000`), which root could still search."""
    real_stat = os.stat

    def stat(path, *args, **kwargs):
        if not isinstance(path, int):
            inside = os.path.dirname(os.path.abspath(os.fsdecode(path)))
            if os.path.basename(inside) == folder:
                raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), path)
        return real_stat(path, *args, **kwargs)

    monkeypatch.setattr(os, "stat", stat)


@pytest.mark.parametrize("output", ["shut/", "shut/chart.svg"])
def test_render_hook_into_an_unsearchable_folder_names_the_path(org, monkeypatch, output):
    """`Path.exists` raised PermissionError after the chart was drawn: 'orgviz: cannot write
    the output: Permission denied', without the path."""
    (org / "shut").mkdir()
    _unsearchable(monkeypatch, "shut")

    def no_drawing(*args, **kwargs):
        raise AssertionError("drawn before the output was looked at")

    monkeypatch.setattr("orgviz.render.pipeline.render", no_drawing)
    result = render_hook("-o", output, "org.yaml")
    target = output if output.endswith(".svg") else "shut/org.svg"
    assert (result.exit_code, result.output) == (
        2, f"orgviz: {target}: cannot write: Permission denied\n")


def test_render_hook_into_an_unsearchable_folder_says_as_render_says(org):
    """The same, for real (a process without root's rights: `unshare -U` when root)."""
    if os.name != "posix":
        pytest.skip("POSIX permissions")
    prefix = ["unshare", "-U"] if os.geteuid() == 0 else []
    if prefix and shutil.which("unshare") is None:
        pytest.skip("needs unshare to run without root's rights")
    shut = org / "shut"
    shut.mkdir()
    shut.chmod(0)
    try:
        probe = subprocess.run([*prefix, sys.executable, "-c", "import os; os.stat('shut/x')"],
                               capture_output=True, text=True, check=False)
        if "PermissionError" not in probe.stderr:
            pytest.skip(f"cannot drop the right to search a folder: {probe.stderr[-200:]}")
        src = str(Path(__file__).resolve().parents[2] / "src")
        env = {**os.environ, "PYTHONPATH": os.pathsep.join(
            filter(None, [src, os.environ.get("PYTHONPATH")]))}
        said = [subprocess.run([*prefix, sys.executable, "-m", "orgviz", "render", *hook,
                                "org.yaml", "-o", "shut/"], capture_output=True, text=True,
                               env=env, check=False, timeout=120)
                for hook in (["--hook"], [])]
    finally:
        shut.chmod(0o755)
    assert [(run.returncode, run.stdout, run.stderr) for run in said] == [
        (2, "", "orgviz: shut/org.svg: cannot write: Permission denied\n")] * 2


@pytest.mark.parametrize("hook", [["--hook"], []])
def test_several_orgs_into_an_unsearchable_folder_without_a_slash(org, monkeypatch, hook):
    """`Path.is_dir` raised PermissionError: 'cannot write the output: Permission denied';
    then os.path.isdir said False: 'several files need a folder for -o, not
    'shut/charts'', untrue of a folder."""
    (org / "other.yaml").write_text(ORG.replace("Stamped", "Other"), encoding="utf-8")
    (org / "shut").mkdir()
    _unsearchable(monkeypatch, "shut")
    result = CliRunner().invoke(main, ["render", *hook, "org.yaml", "other.yaml",
                                       "-o", "shut/charts"])
    assert (result.exit_code, result.output) == (
        2, "orgviz: shut/charts: cannot read: Permission denied\n")


def test_render_hook_knows_its_own_diagram_by_another_name(org):
    """`orgviz render --hook /repo/org.yaml` was refused: 'output/org.svg is the diagram of
    org.yaml; drawing /repo/org.yaml there would overwrite it'."""
    assert render_hook("--format", "dot", "org.yaml").exit_code == 1
    drawn = (org / "output" / "org.dot").read_bytes()
    (org / "link.yaml").symlink_to("org.yaml")
    for name in (str(org / "org.yaml"), "./org.yaml", "link.yaml"):
        result = render_hook("--format", "dot", "-o", "output/org.dot", name)
        assert (result.exit_code, result.output) == (
            0, "0 diagrams re-rendered, 1 up to date (source hash matches)\n"), name
    assert (org / "output" / "org.dot").read_bytes() == drawn


@pytest.mark.parametrize(("digest", "why", "opened"), [
    (DIGEST, None, 2),  # its head for the stamp, its end to see it whole
    ("f" * 64, "out of date", 1),
])
def test_why_drawn_reads_the_diagrams_stamp_once(tmp_path, monkeypatch, digest, why, opened):
    # (the stamp was read four times: for the org file it names, twice more to tell it
    # fresh, and again to say why it is drawn)
    target = tmp_path / "org.svg"
    target.write_bytes(freshness.stamp(b"<svg></svg>", "svg", DIGEST, "org.yaml"))
    opens: list[object] = []

    def counting(file, *args, **kwargs):
        opens.append(file)
        return open(file, *args, **kwargs)

    monkeypatch.setattr(freshness, "open", counting, raising=False)
    assert freshness.why_drawn(target, "org.yaml", digest) == why
    assert opens == [target] * opened


def test_a_configuration_change_reads_each_diagrams_stamp_once(org, monkeypatch):
    # (the diagram's head was read for the org file its stamp names, to keep it among the
    # diagrams the configuration redraws, then again to tell whether it is up to date)
    assert render_hook("--format", "dot", "org.yaml").exit_code == 1
    target = Path("output") / "org.dot"
    opens: list[object] = []

    def counting(file, *args, **kwargs):
        opens.append(file)
        return open(file, *args, **kwargs)

    monkeypatch.setattr(freshness, "open", counting, raising=False)
    (org / ".orgviz.yaml").write_text("rules: {single-report: off}\n", encoding="utf-8")
    result = render_hook("--format", "dot", ".orgviz.yaml")
    assert (result.exit_code, result.output.splitlines()[-1]) == (
        1, "1 diagram re-rendered, 0 up to date (source hash matches)")
    assert opens == [target]  # (its head: the stamp is not the new digest)
    opens.clear()
    (org / ".orgviz.yaml").write_text("# same rules\nrules: {single-report: off}\n",
                                      encoding="utf-8")
    result = render_hook("--format", "dot", ".orgviz.yaml")
    assert (result.exit_code, result.output) == (
        0, "0 diagrams re-rendered, 1 up to date (source hash matches)\n")
    assert opens == [target] * 2  # (its head for the stamp, its end to see it whole)
