"""Shared pieces of the deck tests: small orgs, a generated deep and wide org, readers."""

from __future__ import annotations

import shutil

import pytest

HAS_DOT = shutil.which("dot") is not None
HAS_SOFFICE = shutil.which("soffice") is not None or shutil.which("libreoffice") is not None

#: The tests lay charts out with system Graphviz when present, else the embedded one.
ENGINE = "system" if HAS_DOT else "embedded"

needs_soffice = pytest.mark.skipif(not HAS_SOFFICE, reason="needs LibreOffice (soffice)")

SMALL = """\
orgviz: 1
org: {name: Tiny Co, size: small, date: 2026-11-01}
teams:
  - {id: exec, name: Executive, color: "#4C78A8"}
  - {id: product, name: Product, color: "#F58518", parent: exec}
people:
  - {id: ceo, name: Ada Lovelace, title: Chief Executive Officer, team: exec}
  - {id: ea, name: Eve, title: Executive Assistant, reports_to: ceo, assistant: true, team: exec}
  - {id: cpo, name: Cy Product, title: Chief Product Officer, reports_to: ceo, team: product}
  - {id: cto, name: Tom Tech, title: Chief Technology Officer, reports_to: ceo}
  - {id: vp, name: Vera Vice, title: VP of Product, reports_to: cpo, team: product}
  - {id: hop, name: Hank Head, title: Head of Product, reports_to: vp, team: product}
  - {id: dir, name: Dora Director, title: Director of Product, reports_to: hop, team: product}
  - {id: pm1, name: Pam One, title: Product Manager, reports_to: dir, team: product, dotted_to: cto}
  - {id: pm2, name: Pat Two, title: Product Manager, reports_to: dir, team: product}
  - {id: pm3, title: Senior Product Manager, vacant: true, reports_to: dir, team: product}
  - {id: pm4, name: Pia Four, title: Product Manager, reports_to: dir, team: product}
  - {id: eng, name: Ed Engineer, title: Software Engineer, reports_to: cto}
"""


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
