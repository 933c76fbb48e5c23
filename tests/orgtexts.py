"""Org file texts shared by several test folders (tests/ is on sys.path via conftest.py)."""

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

#: An org whose second person reports to an unknown id: loads, but fails validation.
BROKEN = ("orgviz: 1\norg: {name: X}\npeople:\n  - {id: a, name: A, title: CEO}\n"
          "  - {id: b, name: B, title: Engineer, reports_to: ghost}\n")
