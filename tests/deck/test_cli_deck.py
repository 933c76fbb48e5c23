"""`orgviz deck`: formats, the validation gate, one-line usage errors, atomic writes."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from deckkit import SMALL
from pptx import Presentation

from orgtexts import BROKEN


def test_writes_pptx_and_pdf(run, org_file) -> None:
    org = org_file(SMALL, name="tiny.yaml")
    result = run("deck", str(org), "-o", "out/deck.pptx", "--split", "manager",
                 "--title", "Org review", "--date", "Q4 2026")
    assert result.exit_code == 0, result.output
    assert result.output.strip().startswith(str(Path("out/deck.pptx")) + " (")
    prs = Presentation(io.BytesIO(Path("out/deck.pptx").read_bytes()))
    first = prs.slides[0]
    assert first.shapes.title.text == "Org review"
    assert any("Q4 2026" in s.text_frame.text for s in first.shapes if s.has_text_frame)
    assert [p.name for p in Path("out").iterdir()] == ["deck.pptx"]  # no temporary left
    result = run("deck", str(org), "-o", "deck.pdf", "--theme", "print", "--min-font", "11")
    assert result.exit_code == 0, result.output
    assert Path("deck.pdf").read_bytes().startswith(b"%PDF-")


def test_validation_errors_exit_1_unless_forced(run, org_file) -> None:
    bad = org_file(BROKEN, name="bad.yaml")
    good = org_file(SMALL, name="good.yaml")
    result = run("deck", str(good), str(bad), "-o", "deck.pptx")
    assert result.exit_code == 1
    assert "error [unknown-manager]" in result.output and "2 files checked" in result.output
    assert not Path("deck.pptx").exists()
    result = run("deck", str(bad), "-o", "deck.pptx", "--force")
    assert result.exit_code == 0, result.output
    assert "error [unknown-manager]" in result.output and Path("deck.pptx").exists()


@pytest.mark.parametrize(("args", "message"), [
    (["-o", "deck.key"], "name it .pptx (PowerPoint) or .pdf"),
    (["-o", "deck.pdf", "--template", "t.pptx"], "--template applies to PowerPoint"),
    (["-o", "deck.pptx", "--template", "missing.pptx"], "cannot read the template"),
    (["-o", "deck.pptx", "--depth", "1"], "invalid value for '--depth'"),
    (["-o", "deck.pptx", "--split", "random"], "invalid value for '--split'"),
])
def test_usage_errors_exit_2(run, org_file, args: list[str], message: str) -> None:
    org = org_file(SMALL, name="tiny.yaml")
    result = run("deck", str(org), *args)
    assert result.exit_code == 2
    assert message in result.output
    assert "Traceback" not in result.output


@pytest.mark.parametrize(("split", "shown"), [([], "team"), (["--split", "manager"], "manager")])
def test_depth_without_split_depth_is_refused(run, org_file, split: list[str],
                                              shown: str) -> None:
    """It was ignored: a deck per team, whatever --depth said."""
    org = org_file(SMALL, name="tiny.yaml")
    result = run("deck", str(org), "-o", "deck.pptx", "--depth", "4", *split)
    assert (result.exit_code, result.output) == (
        2, f"orgviz: --depth sets the levels per slide of --split depth: use --split depth "
           f"with it, not --split {shown}\n")
    assert not Path("deck.pptx").exists()


def test_missing_file_and_unwritable_output(run, org_file, tmp_path: Path) -> None:
    result = run("deck", "nope.yaml", "-o", "deck.pptx")
    assert result.exit_code == 2 and result.output.startswith("orgviz: ")
    org = org_file(SMALL, name="tiny.yaml")
    (tmp_path / "file").write_text("x")
    result = run("deck", str(org), "-o", "file/deck.pptx")
    assert result.exit_code == 2
    assert result.output == "orgviz: file/deck.pptx: file is not a directory\n"


def test_dot_layout_with_graphviz(run, org_file) -> None:
    org = org_file(SMALL, name="tiny.yaml")
    result = run("deck", str(org), "-o", "dot.pdf", "--layout", "dot", "--split", "depth",
                 "--depth", "2")
    assert result.exit_code == 0, result.output
    assert Path("dot.pdf").read_bytes().startswith(b"%PDF-")


def test_the_deck_is_built_with_the_cycle_collector_on(run, org_file) -> None:
    # The orgviz program runs without the cyclic collector (cli.run); the slides' objects
    # form cycles, so the deck command turns it back on.
    import gc

    org = org_file(SMALL, name="tiny.yaml")
    gc.disable()
    try:
        result = run("deck", str(org), "-o", "deck.pptx")
        assert result.exit_code == 0, result.output
        assert gc.isenabled()
    finally:
        gc.enable()


def test_no_merge_gives_a_slide_per_part(run) -> None:
    small = Path(__file__).resolve().parents[2] / "orgs" / "small.yaml"
    merged = run("deck", str(small), "-o", "merged.pptx")
    assert merged.exit_code == 0, merged.output
    apart = run("deck", str(small), "-o", "apart.pptx", "--no-merge")
    assert apart.exit_code == 0, apart.output
    assert (merged.output.strip(), apart.output.strip()) == (
        "merged.pptx (4 slides)", "apart.pptx (5 slides)")
    assert len(Presentation("apart.pptx").slides) == 5
