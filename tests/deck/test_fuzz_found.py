"""Deck bugs found by fuzzing: TZ in PDF bytes, very long reporting chains, long footers."""

from __future__ import annotations

import io
import os
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest
from deckkit import SMALL
from pptx import Presentation

from orgviz.deck import deck_bytes
from orgviz.deck.build import DeckOptions, build_deck
from orgviz.deck.frame import default_frame
from orgviz.deck.pages import FOOTER_SIZE, footer_text, page_svg
from orgviz.deck.plan import MAX_LEVELS, DeckError
from orgviz.deck.powerpoint import package_parts, save
from orgviz.deck.slides import Slide
from orgviz.loader import load
from orgviz.render.labels import text_width

LONG_NAME = ("Very Long Organisation Name " * 8)[:200].strip()


def chain_yaml(levels: int) -> str:
    """An org of one reporting chain: p1 reports to p0, p2 to p1 ..."""
    lines = ["orgviz: 1", "org: {name: Chain Co, date: 2026-11-01}", "people:"]
    for i in range(levels):
        to = f", reports_to: p{i - 1}" if i else ""
        lines.append(f"  - {{id: p{i}, name: Person {i}, title: Engineer{to}}}")
    return "\n".join(lines) + "\n"


# --- 1. PDF bytes do not depend on TZ ---------------------------------------------------------

_BUILD = """
import sys
from orgviz.deck import deck_bytes
from orgviz.deck.build import DeckOptions
from orgviz.loader import load
for fmt in ("pdf", "pptx"):
    data, _ = deck_bytes([(load(sys.argv[1]), ())], fmt, DeckOptions(split="manager"))
    open(sys.argv[2] + "." + fmt, "wb").write(data)
"""


def test_deck_bytes_do_not_depend_on_tz(tmp_path: Path) -> None:
    org = tmp_path / "small.yaml"
    org.write_text(SMALL, encoding="utf-8")
    made = {}
    for zone in ("UTC", "Asia/Kolkata", "America/St_Johns"):
        env = {**os.environ, "TZ": zone}
        env.pop("SOURCE_DATE_EPOCH", None)
        out = tmp_path / zone.replace("/", "-")
        subprocess.run([sys.executable, "-c", _BUILD, str(org), str(out)], env=env,
                       check=True, timeout=120)
        made[zone] = (out.with_suffix(".pdf").read_bytes(), out.with_suffix(".pptx").read_bytes())
    pdf, pptx = made["UTC"]
    assert b"/CreationDate (D:19700101000000Z)" in pdf
    for zone, (other_pdf, other_pptx) in made.items():
        assert other_pdf == pdf, zone
        assert other_pptx == pptx, zone
    _check_xref(pdf)


def _check_xref(pdf: bytes) -> None:
    """Every object the cross-reference table places starts an object there."""
    start = int(re.findall(rb"startxref\s+(\d+)", pdf)[-1])
    assert pdf[start:start + 4] == b"xref"
    entries = re.findall(rb"(\d{10}) \d{5} n", pdf[start:pdf.index(b"trailer", start)])
    assert entries
    for offset in entries:
        assert re.match(rb"\d+ 0 obj", pdf[int(offset):int(offset) + 20])


def test_utc_dates_moves_the_cross_reference_table() -> None:
    from orgviz.render.convert import utc_dates

    body = b"%PDF-1.5\n"
    objects = [b"1 0 obj\n<< /CreationDate (D:19700101000000+05'30) >>\nendobj\n",
               b"2 0 obj\n<< /Type /Catalog >>\nendobj\n"]
    offsets = []
    for obj in objects:
        offsets.append(len(body))
        body += obj
    table = len(body)
    body += b"xref\n0 3\n0000000000 65535 f \n" + b"".join(
        b"%010d 00000 n \n" % offset for offset in offsets)
    body += b"trailer\n<< /Size 3 /Root 2 0 R /Info 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % table
    fixed = utc_dates(body)
    assert b"(D:19700101000000Z)" in fixed and len(fixed) == len(body) - 5
    _check_xref(fixed)
    assert fixed.endswith(b"startxref\n%d\n%%%%EOF\n" % (table - 5))
    assert utc_dates(fixed) == fixed


# --- 2. a reporting chain thousands of levels deep ----------------------------------------------

@pytest.mark.parametrize("fmt", ["pptx", "pdf"])
def test_a_2000_level_chain_is_refused_at_once(run, org_file, fmt: str) -> None:
    org = org_file(chain_yaml(2000), name="chain.yaml")
    began = time.monotonic()
    result = run("deck", str(org), "-o", f"deck.{fmt}")
    assert time.monotonic() - began < 20
    assert result.exit_code == 2
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in result.output
    assert "chain.yaml: the reporting chain is 2,000 levels deep" in lines[0]
    assert f"decks draw up to {MAX_LEVELS} levels" in lines[0] and "orgviz render" in lines[0]
    assert not Path(f"deck.{fmt}").exists()


def test_the_level_limit_counts_people_in_the_longest_chain(tmp_path: Path) -> None:
    path = tmp_path / "chain.yaml"
    path.write_text(chain_yaml(MAX_LEVELS + 1), encoding="utf-8")
    with pytest.raises(DeckError, match=f"is {MAX_LEVELS + 1} levels deep"):
        build_deck([(load(path), ())])


def test_slides_linked_in_a_long_chain_are_saved() -> None:
    # python-pptx finds the parts to save by recursion along the links: slides that link
    # to slides ... ran out of stack (RecursionError) for long chains.
    from pptx.opc.constants import RELATIONSHIP_TYPE
    from pptx.opc.package import Part
    from pptx.opc.packuri import PackURI

    prs = Presentation()
    package = prs.part.package
    before = list(package.iter_parts())
    assert package_parts(package) == before  # python-pptx's order: the same bytes as before
    last = prs.part
    for index in range(3 * sys.getrecursionlimit()):
        part = Part(PackURI(f"/ppt/chain/item{index}.bin"), "application/octet-stream",
                    package, b"x")
        last.relate_to(part, RELATIONSHIP_TYPE.CUSTOM_XML)
        last = part
    data = save(prs)
    names = set(__import__("zipfile").ZipFile(io.BytesIO(data)).namelist())
    assert f"ppt/chain/item{3 * sys.getrecursionlimit() - 1}.bin" in names


# --- 3. long org names and dates in the footer ------------------------------------------------

@pytest.mark.parametrize("date", [None, "2026-11-01 " + "x" * 60, "y" * 200])
def test_long_footers_fit_left_of_the_number(tmp_path: Path, date: str | None) -> None:
    path = tmp_path / "long.yaml"
    path.write_text(SMALL.replace("name: Tiny Co", f"name: {LONG_NAME}", 1), encoding="utf-8")
    deck = build_deck([(load(path), ())], DeckOptions(split="manager", date=date))
    foot = deck.frame.footer
    for index, slide in enumerate(deck.slides):
        if not slide.footer:
            continue
        svg = page_svg(deck, index).decode("utf-8")
        texts = re.findall(r'<text x="([\d.]+)"[^>]*text-anchor="end"[^>]*>([^<]*)</text>',
                           svg)
        (number_x, number), (right, text) = texts[-2], texts[-1]
        assert number == str(index + 1) and "…" in text
        left = float(right) - text_width(text, FOOTER_SIZE)
        assert left >= foot.x
        assert float(right) < float(number_x) - text_width(number, FOOTER_SIZE, True)
        if slide.legend:  # the legend keeps half the footer
            assert left >= foot.x + (foot.w / 2) - 40
        if date is None or len(date) < 20:
            assert text.endswith(" · 2026-11-01") or "·" not in slide.footer


def test_footer_text_keeps_the_date_and_short_footers() -> None:
    slide = Slide("chart", "t", footer=f"{LONG_NAME} · 2026-11-01", legend=(("a", "#000"),))
    width = default_frame().footer.w
    text = footer_text(slide, width)
    assert text.endswith("… · 2026-11-01") and text_width(text, FOOTER_SIZE) <= width / 2
    assert footer_text(Slide("chart", "t", footer="Tiny Co · 2026-11-01"), width) == (
        "Tiny Co · 2026-11-01")
    wide = footer_text(slide, width, spare=1.5)
    assert text_width(wide, FOOTER_SIZE) * 1.5 <= width / 2 and len(wide) < len(text)


def test_pptx_footer_box_fits(tmp_path: Path) -> None:
    path = tmp_path / "long.yaml"
    path.write_text(SMALL.replace("name: Tiny Co", f"name: {LONG_NAME}", 1), encoding="utf-8")
    data, _ = deck_bytes([(load(path), ())], "pptx", DeckOptions(split="manager"))
    prs = Presentation(io.BytesIO(data))
    frame = default_frame()
    for number, page in enumerate(prs.slides, 1):
        boxes = [s for s in page.shapes if s.has_text_frame and "Very Long" in s.text_frame.text
                 and s.top > (frame.footer.y - 1) * 12_700]
        for box in boxes:
            assert box.text_frame.text.endswith("… · 2026-11-01"), number
            assert box.left >= frame.footer.x * 12_700
            assert box.left + box.width <= (frame.footer.right - 14) * 12_700
