"""Tests of the director-under-head rule."""

import pytest

PASS = """\
orgviz: 1
org: {name: T}
people:
  - {id: ceo, name: Ada King, role: ceo}
  - {id: head, name: Sam Ito, role: head-of-product, reports_to: ceo}
  - {id: gpm, name: Bo Li, role: group-pm, reports_to: head}
  - {id: dir, name: Dana Reyes, title: Director of Product, reports_to: gpm}
  - {id: vp, name: Cy Diaz, role: vp-product, reports_to: ceo}
  - {id: dir2, name: Lee Park, role: director-of-product, reports_to: vp}
"""

SMALL_COMBINED = """\
orgviz: 1
org: {name: T}
people:
  - {id: ceo, name: Ada King, role: ceo}
  - {id: zoe, name: Zoe Lind, role: [head-of-product, director-of-product], reports_to: ceo}
  - {id: pm, name: Sam Ito, role: pm, reports_to: zoe}
"""

ONLY_DIRECTORS = """\
orgviz: 1
org: {name: T}
people:
  - {id: ceo, name: Ada King, role: ceo}
  - {id: dir, name: Dana Reyes, role: director-of-product, reports_to: ceo}
"""

FAIL = """\
orgviz: 1
org: {name: T}
people:
  - {id: ceo, name: Ada King, role: ceo}
  - {id: zoe, name: Zoe Lind, role: [head-of-product, director-of-product], reports_to: ceo}
  - {id: dir, name: Dana Reyes, role: director-of-product, reports_to: ceo}
  - {id: dir2, name: Sam Ito, role: director-of-product, reports_to: ceo}
  - {id: vp, name: Cy Diaz, role: vp-product, reports_to: dir2}
"""


@pytest.mark.parametrize("source", [PASS, SMALL_COMBINED, ONLY_DIRECTORS])
def test_directors_under_a_leader_or_alone_pass(check, source):
    assert check(source, "director-under-head") == []


def test_director_beside_or_above_a_leader_fails(check):
    assert check(FAIL, "director-under-head") == [(6, 72, "error"), (7, 70, "error")]


def test_messages_name_where_to_go(messages):
    beside, above = (m for _l, _c, m in messages(FAIL, "director-under-head"))
    assert beside == ("the Director of Product 'dir' does not sit under a Head of Product, VP "
                      "of Product or CPO: the Head of Product (or a VP of Product or CPO) "
                      "oversees the Director of Product; make 'dir' report to 'zoe', or to "
                      "someone under them")
    assert above.startswith(  # (ids with a digit show the name: see test_names.py)
        "the Director of Product 'dir2' (Sam Ito) is above 'vp' (VP of Product): ")


SVP = """\
orgviz: 1
org: {name: T}
people:
  - {id: ceo, name: Ada King, role: ceo}
  - {id: svp, name: Cy Diaz, title: EVP Product, reports_to: ceo}
  - {id: dir, name: Lee Park, title: Director of Product, reports_to: svp}
  - {id: dir2, name: Dana Reyes, title: Director of Product, reports_to: ceo}
"""


def test_an_svp_of_product_oversees_a_director_of_product(messages):
    """An SVP of Product (an EVP Product read as `vp-product` before the SVP level) is a
    leader a Director of Product sits under, and the one a finding names."""
    assert messages(SVP, "director-under-head") == [(7, 74, (
        "the Director of Product 'dir2' (Dana Reyes) does not sit under a Head of Product, VP "
        "of Product or CPO: the Head of Product (or a VP of Product or CPO) oversees the "
        "Director of Product; make 'dir2' report to 'svp', or to someone under them"))]
    above = SVP.replace("EVP Product, reports_to: ceo", "EVP Product, reports_to: dir2")
    assert messages(above, "rank-inversion") == []  # (said once, by this rule)
    assert [m for _l, _c, m in messages(above, "director-under-head")] == [
        "the Director of Product 'dir2' (Dana Reyes) is above 'svp' (SVP of Product): the Head "
        "of Product (or a VP of Product or CPO) oversees the Director of Product; swap their "
        "places, so that 'dir2' sits under 'svp'"]
