"""Shared pieces of the deck tests: small orgs, a generated deep and wide org, readers."""

from __future__ import annotations

import shutil

import pytest

from orgtexts import SMALL  # noqa: F401 - re-exported for the deck tests

HAS_DOT = shutil.which("dot") is not None
HAS_SOFFICE = shutil.which("soffice") is not None or shutil.which("libreoffice") is not None

#: The tests lay charts out with system Graphviz when present, else the embedded one.
ENGINE = "system" if HAS_DOT else "embedded"

needs_soffice = pytest.mark.skipif(not HAS_SOFFICE, reason="needs LibreOffice (soffice)")



def deep_wide_yaml(wide: int = 60) -> str:
    """An org eight levels deep with one manager of `wide` direct reports (and side teams)."""
    people = [("ceo", "Chief Executive Officer", None)]
    chain = [("cto", "Chief Technology Officer"), ("vpe", "VP of Engineering"),
             ("hoe", "Head of Engineering"), ("doe", "Director of Engineering"),
             ("em", "Engineering Manager"), ("tl", "Staff Engineer"),
             ("eng", "Software Engineer")]
    boss = "ceo"
    for pid, title in chain:
        people.append((pid, title, boss))
        boss = pid
    people += [("cpo", "Chief Product Officer", "ceo"), ("vpp", "VP of Product", "cpo")]
    for i in range(3):  # side teams at several levels
        people.append((f"dir{i}", "Director of Product", "vpp"))
        for j in range(4):
            people.append((f"pm{i}-{j}", "Product Manager", f"dir{i}"))
        people.append((f"em{i}", "Engineering Manager", "doe"))
        for j in range(5):
            people.append((f"se{i}-{j}", "Software Engineer", f"em{i}"))
    people.append(("wide", "Engineering Manager", "hoe"))
    for j in range(wide):
        people.append((f"w{j}", "Software Engineer" if j % 7 else "Senior Software Engineer",
                       "wide"))
    lines = ["orgviz: 1", "org: {name: Deep and Wide, size: enterprise, date: 2026-11-01}",
             "people:"]
    for pid, title, manager in people:
        to = f", reports_to: {manager}" if manager else ""
        name = pid.replace("-", " ").title()
        lines.append(f"  - {{id: {pid}, name: Person {name}, title: {title}{to}}}")
    return "\n".join(lines) + "\n"


def many_teams(leads: int = 30, per: int = 3) -> str:
    """An org file of a CEO (team Office) and `leads` directors, each leading a team of
    their own with `per` engineers: more teams than the palette has colors."""
    lines = ["orgviz: 1", "org: {name: Many Teams, size: enterprise, date: 2026-11-01}",
             "teams:", "  - {id: office, name: Office}"]
    lines += [f"  - {{id: t{i}, name: Team {i}}}" for i in range(leads)]
    lines += ["people:", "  - {id: ceo, name: Chief Person, title: Chief Executive Officer, "
              "team: office}"]
    for i in range(leads):
        lines.append(f"  - {{id: d{i}, name: Lead {i}, title: Director of Things, "
                     f"reports_to: ceo, team: t{i}}}")
        lines += [f"  - {{id: p{i}-{j}, name: Member {i} {j}, title: Engineer, "
                  f"reports_to: d{i}, team: t{i}}}" for j in range(per)]
    return "\n".join(lines) + "\n"


def pdf_link_targets(data: bytes) -> list[list[int | None]]:
    """Per page of a cairo PDF, the page number (1-based) each link annotation goes to, in
    the page's order; None for a link without a destination or with one that names no page.
    Reads /Dest arrays and named destinations (the catalog's /Dests name tree)."""
    import re

    objects = {int(num): body for num, body in
               re.findall(rb"(?m)^(\d+) 0 obj\b(.*?)\bendobj", data, re.S)}
    kids = next(re.search(rb"/Kids\s*\[([^\]]*)\]", body) for body in objects.values()
                if re.search(rb"/Type\s*/Pages\b", body))
    assert kids is not None
    pages = [int(num) for num in re.findall(rb"(\d+) 0 R", kids.group(1))]
    number = {obj: index + 1 for index, obj in enumerate(pages)}
    named: dict[bytes, int] = {}
    for body in objects.values():
        for name, obj in re.findall(rb"\(([^()]*)\)\s*\[\s*(\d+) 0 R\s*/XYZ", body):
            named[name] = int(obj)
    found: list[list[int | None]] = []
    for obj in pages:
        annots = re.search(rb"/Annots\s*(?:\[([^\]]*)\]|(\d+) 0 R)", objects[obj])
        refs = b""
        if annots is not None:
            refs = annots.group(1) if annots.group(1) is not None else (
                objects[int(annots.group(2))])
        targets: list[int | None] = []
        for ref in re.findall(rb"(\d+) 0 R", refs):
            annot = objects[int(ref)]
            by_page = re.search(rb"/Dest\s*\[\s*(\d+) 0 R", annot)
            by_name = re.search(rb"/Dest\s*\(([^()]*)\)", annot)
            target = (int(by_page.group(1)) if by_page else
                      named.get(by_name.group(1)) if by_name else None)
            targets.append(number.get(target) if target is not None else None)
        found.append(targets)
    return found
