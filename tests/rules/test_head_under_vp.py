"""Tests of the head-under-vp rule."""

import pytest

PASS = """\
orgviz: 1
org: {name: T}
people:
  - {id: ceo, name: Ada King, role: ceo}
  - {id: vp, name: Dana Reyes, role: vp-product, reports_to: ceo}
  - {id: dir, name: Bo Li, role: group-pm, reports_to: vp}
  - {id: head, name: Sam Ito, role: head-of-product, reports_to: dir}
  - {id: cpo, name: Cy Diaz, role: cpo, reports_to: ceo}
  - {id: head2, name: Lee Park, title: Head of Product, reports_to: cpo}
  - {id: both, name: Kim Cho, role: [vp-product, head-of-product], reports_to: ceo}
"""

ONLY_HEADS = """\
orgviz: 1
org: {name: T}
people:
  - {id: ceo, name: Ada King, role: ceo}
  - {id: head, name: Sam Ito, role: head-of-product, reports_to: ceo}
  - {id: head2, name: Lee Park, role: head-of-product, reports_to: ceo}
"""

FAIL = """\
orgviz: 1
org: {name: T}
people:
  - {id: ceo, name: Ada King, role: ceo}
  - {id: head, name: Sam Ito, role: head-of-product, reports_to: ceo}
  - {id: vp, name: Dana Reyes, role: vp-product, reports_to: head}
  - {id: beside, name: Lee Park, role: [head-of-product, director-of-product],
     reports_to: ceo}
  - {id: loop, name: Kim Cho, role: head-of-product, reports_to: loop2}
  - {id: loop2, name: Bo Li, role: pm, reports_to: loop}
"""


@pytest.mark.parametrize("source", [PASS, ONLY_HEADS])
def test_heads_under_a_vp_or_cpo_or_without_vps_pass(check, source):
    assert check(source, "head-under-vp") == []


def test_head_above_or_beside_a_vp_fails_and_cycles_are_skipped(check):
    assert check(FAIL, "head-under-vp") == [(5, 66, "error"), (8, 18, "error")]


def test_messages_explain_the_vp_is_higher(messages):
    above, beside = (m for _l, _c, m in messages(FAIL, "head-under-vp"))
    assert above == ("the Head of Product 'head' is above the VP of Product 'vp': where both "
                     "exist, the VP of Product holds the higher position; swap their places, "
                     "so that 'head' sits under 'vp'")
    assert beside.startswith("the Head of Product 'beside' does not sit under a VP of Product "
                             "or the CPO: where both exist, the VP of Product holds the higher "
                             "position; make 'beside' report to 'vp'")


SVP = """\
orgviz: 1
org: {name: T}
people:
  - {id: ceo, name: Ada King, role: ceo}
  - {id: svp, name: Dana Reyes, title: SVP of Product, reports_to: ceo}
  - {id: vp, name: Vic Pye, title: VP of Product, reports_to: svp}
  - {id: head, name: Sam Ito, title: Head of Product, reports_to: svp}
  - {id: head2, name: Lee Park, title: Head of Product, reports_to: vp}
"""


def test_an_svp_of_product_holds_a_vp_of_product_s_place(check, messages):
    """An SVP of Product (`svp-product`) above a Head of Product is a VP of Product above them
    (the title read as `vp-product` before the SVP level); below one, a Head is misplaced."""
    assert check(SVP, "head-under-vp") == []
    assert messages(SVP, "same-rank") == []  # (the VP of Product under the SVP)
    inverted = SVP.replace("reports_to: ceo}\n  - {id: vp", "reports_to: head}\n  - {id: vp")
    inverted = inverted.replace("title: Head of Product, reports_to: svp",
                                "title: Head of Product, reports_to: ceo")
    assert messages(inverted, "rank-inversion") == []  # (said once, by this rule)
    assert messages(inverted, "head-under-vp") == [(7, 67, (
        "the Head of Product 'head' is above the SVP of Product 'svp': where both exist, the "
        "VP of Product holds the higher position; swap their places, so that 'head' sits under "
        "'svp'"))]
    # An org with an SVP of Product and Heads of Product, but no VP of Product, is checked.
    alone = SVP.replace("title: VP of Product, reports_to: svp", "title: Group PM, reports_to: svp")
    assert check(alone, "head-under-vp") == []
    beside = alone.replace("title: Head of Product, reports_to: svp",
                           "title: Head of Product, reports_to: ceo")
    assert [m[:2] for m in messages(beside, "head-under-vp")] == [(7, 67)]
    assert "make 'head' report to 'svp', or" in messages(beside, "head-under-vp")[0][2]


PLURAL = """\
orgviz: 1
org: {name: Acme, size: mid-size}
rules: {profile-fit: off, single-report: off}
people:
  - {id: ceo, name: A, title: CEO}
  - {id: vpp, name: B, title: VP of Products, reports_to: ceo}
  - {id: dop, name: C, title: Director of Product, reports_to: vpp}
  - {id: pm, name: D, title: Product Manager, reports_to: dop}
  - {id: hop, name: E, title: Head of Products, reports_to: ceo}
"""


def test_products_in_the_plural_is_product_leadership(check):
    """'VP of Products' is the VP of Product: the Head beside it is the slip (not the
    Director under it, which director-under-head used to send to the lower-ranked Head)."""
    assert check(PLURAL, "head-under-vp") == [(9, 61, "error")]
    assert check(PLURAL, "director-under-head") == []
