"""A real client: LibreOffice opens the PowerPoint deck, and every page renders.

Skipped where LibreOffice (`soffice`) is not installed; CI installs it (.ci/run).
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from deckkit import SMALL, needs_soffice
from PIL import Image, ImageStat

from orgviz.deck import deck_bytes
from orgviz.deck.build import DeckOptions
from orgviz.loader import load

pytestmark = [needs_soffice, pytest.mark.slow]


def _soffice() -> str:
    return shutil.which("soffice") or shutil.which("libreoffice") or "soffice"


def _convert(deck: Path, out: Path) -> Path:
    env = dict(os.environ, HOME=str(out))  # a fresh LibreOffice profile, nothing shared
    subprocess.run([_soffice(), "--headless", "--norestore", "--convert-to", "pdf",
                    "--outdir", str(out), str(deck)], check=True, capture_output=True,
                   timeout=300, env=env)
    pdf = out / (deck.stem + ".pdf")
    assert pdf.is_file(), "LibreOffice wrote no PDF"
    return pdf


def _pages(pdf: Path) -> int:
    if shutil.which("pdfinfo"):
        info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True,
                              check=True, timeout=60).stdout
        return int(next(line.split()[-1] for line in info.splitlines()
                        if line.startswith("Pages:")))
    import re

    return len(re.findall(rb"/Type\s*/Page[^s]", pdf.read_bytes()))


def test_libreoffice_renders_every_slide(tmp_path: Path) -> None:
    source = tmp_path / "small.yaml"
    source.write_text(SMALL, encoding="utf-8")
    data, count = deck_bytes([(load(source), ())], "pptx", DeckOptions(split="manager"))
    deck = tmp_path / "deck.pptx"
    deck.write_bytes(data)
    pdf = _convert(deck, tmp_path)
    assert _pages(pdf) == count
    if shutil.which("pdftoppm") is None:
        pytest.skip("needs poppler's pdftoppm to look at a page")
    # Every page has something on it; the overview (slide 2) has a whole chart.
    subprocess.run(["pdftoppm", "-r", "20", "-png", str(pdf), str(tmp_path / "small")],
                   check=True, timeout=120)
    pages = sorted(tmp_path.glob("small*.png"))
    assert len(pages) == count
    for png in pages:
        assert ImageStat.Stat(Image.open(png).convert("L")).stddev[0] > 5, png.name
    subprocess.run(["pdftoppm", "-r", "50", "-png", "-f", "2", "-l", "2", str(pdf),
                    str(tmp_path / "page")], check=True, timeout=120)
    png = next(tmp_path.glob("page*.png"))
    image = Image.open(png).convert("L")
    assert image.width / image.height == pytest.approx(16 / 9, rel=0.01)
    stats = ImageStat.Stat(image)
    assert stats.stddev[0] > 10, "the page is blank"
    dark = sum(image.histogram()[:128])
    assert dark > image.width * image.height * 0.005  # text and lines drawn
