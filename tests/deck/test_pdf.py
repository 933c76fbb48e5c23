"""PDF decks drawn by orgviz itself (no LibreOffice): pages, size, vector charts, links."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from deckkit import SMALL, pdf_link_targets

from orgviz.deck import deck_bytes
from orgviz.deck.build import DeckOptions, build_deck
from orgviz.deck.slides import Deck
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


def expected_targets(deck: Deck) -> list[list[int]]:
    """Per slide, the slides its links go to: its cards' slides, then its 'reports to'."""
    found = []
    for slide in deck.slides:
        targets = [number for _, number in slide.picture.links] if slide.picture else []
        if slide.reports_to is not None:
            targets.append(slide.reports_to.slide)
        found.append(targets)
    return found


def test_charts_are_vector_and_cards_link_to_slides(pdf, tmp_path: Path) -> None:
    data, _ = pdf
    assert b"/Subtype /Image" not in data  # no raster anywhere: text and paths only
    path = tmp_path / "small.yaml"
    path.write_text(SMALL, encoding="utf-8")
    want = expected_targets(build_deck([(load(path), ())], DeckOptions(split="manager")))
    # Every link resolves to its slide, those to later slides too (cairo 1.16 dropped a
    # link by page number to a page not written yet: no /Dest, a dead link).
    assert pdf_link_targets(data) == want
    assert any(target > index for index, targets in enumerate(want, 1)
               for target in targets)  # (a forward link is among them)
    assert sum(map(len, want)) == len(re.findall(rb"/Subtype\s*/Link", data))


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
