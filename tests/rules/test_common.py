"""The helpers shared by rules: per-org cache, reporting tree."""

import gc
import weakref

from orgviz.loader import load
from orgviz.rules import _common
from orgviz.validate import validate

ORG = """\
orgviz: 1
org: {name: T}
people:
  - {id: ceo, name: Ada King}
  - {id: a, name: A, reports_to: ceo}
  - {id: b, name: B, reports_to: a}
  - {id: x, name: X, reports_to: y}
  - {id: y, name: Y, reports_to: x}
  - {id: z, name: Z, reports_to: ghost}
"""


def test_tree_depths_tops_and_unreached_cycles(org_file):
    org = load(org_file(ORG))
    walk = _common.tree(org)
    assert walk.order == ["ceo", "z", "a", "b"]
    assert walk.depth == {"ceo": 1, "z": 1, "a": 2, "b": 3}
    assert walk.top(org) == {"ceo": "ceo", "z": "z", "a": "ceo", "b": "ceo"}


def test_cached_values_do_not_keep_an_org_alive(org_file):
    org = load(org_file(ORG))
    validate(org)
    assert org in _common._CACHE
    ref = weakref.ref(org)
    del org
    gc.collect()
    assert ref() is None
