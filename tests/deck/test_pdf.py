"""PDF decks drawn by orgviz itself (no LibreOffice): pages, size, vector charts, links."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from deckkit import SMALL

from orgviz.deck import deck_bytes
from orgviz.deck.build import DeckOptions
from orgviz.loader import load


@pytest.fixture(scope="module")
def pdf(tmp_path_factory: pytest.TempPathFactory) -> tuple[bytes, int]:
    path = tmp_path_factory.mktemp("pdf") / "small.yaml"
    path.write_text(SMALL, encoding="utf-8")
    return deck_bytes([(load(path), ())], "pdf", DeckOptions(split="manager"))


def test_one_16_9_page_per_slide(pdf) -> None:
    data, count = pdf
    assert data.startswith(b"%PDF-")
    pages = re.findall(rb"/Type\s*/Page[^s]", data)
    assert len(pages) == count >= 4
    boxes = set(re.findall(rb"/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]", data))
    assert boxes == {(b"960", b"540")}


def test_charts_are_vector_and_cards_link_to_slides(pdf) -> None:
    data, _ = pdf
    assert b"/Subtype /Image" not in data  # no raster anywhere: text and paths only
    assert re.search(rb"/S\s*/GoTo|/Dest", data)  # "continued on slide N" links


def test_the_same_deck_gives_the_same_bytes(pdf, tmp_path: Path) -> None:
    path = tmp_path / "small.yaml"
    path.write_text(SMALL, encoding="utf-8")
    again, _ = deck_bytes([(load(path), ())], "pdf", DeckOptions(split="manager"))
    assert again == pdf[0]
    assert b"D:19700101000000" in again


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler's pdftotext")
def test_text_reads_back(pdf, tmp_path: Path) -> None:
    path = tmp_path / "deck.pdf"
    path.write_bytes(pdf[0])
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True,
                          text=True, check=True, timeout=60).stdout
    pages = text.split("\f")
    assert "Tiny Co" in pages[0] and "11 people · 1 open role" in pages[0]
    assert "Overview" in pages[1] and "Ada Lovelace" in pages[1]
    assert any("Reports to" in page for page in pages[2:])
