"""Rules over orgs split across included files: references and locations cross files."""

from orgviz.loader import load
from orgviz.validate import validate

TOP = """\
orgviz: 1
org: {name: T}
include: [product.yaml]
people:
  - {id: ceo, name: Ada King, role: ceo}
  - {id: cpo, name: Dana Reyes, role: cpo, reports_to: pm}
"""

PRODUCT = """\
orgviz: 1
people:
  - {id: pm, name: Sam Ito, role: pm, reports_to: cpo}
  - {id: lone, name: Lee Park, role: pm}
"""


def test_cycle_and_root_across_files(tmp_path):
    (tmp_path / "product.yaml").write_text(PRODUCT, encoding="utf-8")
    top = tmp_path / "org.yaml"
    top.write_text(TOP, encoding="utf-8")
    found = {p.rule: p for p in validate(load(top)) if p.level == "error"}
    assert (found["cycle"].file, found["cycle"].line) == (str(top), 6)
    assert f"cpo (line 6) -> pm ({tmp_path / 'product.yaml'}:3) -> cpo" in found["cycle"].message
    root = found["root"]
    assert (root.file, root.line) == (str(tmp_path / "product.yaml"), 4)
    assert f"'ceo' ({top}:5) is already the top" in root.message
