"""Tests of the profile-fit rule."""

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st


def org(size: str | None, people: int, roles: tuple[str, ...] = (), rules: str = "") -> str:
    """An org of `people` positions: a CEO, one person per leadership role, PMs."""
    header = f"org: {{name: T, size: {size}}}" if size else "org: {name: T}"
    lines = ["orgviz: 1", header, "people:", "  - {id: p0, name: P, role: ceo}"]
    lines += [f"  - {{id: p{i}, name: P, role: pm, reports_to: p0}}"
              for i in range(1, people - len(roles))]
    lines += [f"  - {{id: l{i}, name: L, role: {r}, reports_to: p0}}" for i, r in enumerate(roles)]
    return "\n".join(lines) + "\n" + rules


@pytest.mark.parametrize("source", [
    org("small", 60, ("head-of-product",)),
    org("small", 10, ("[head-of-product, director-of-product]",)),
    org("mid-size", 30), org("mid-size", 600), org(None, 45),
    org("enterprise", 150, ("cpo",)), org("enterprise", 200, ("vp-product",)),
    org("enterprise", 200, ("svp-product",)),
], ids=["small-60", "small-combined", "mid-30", "mid-600", "undeclared-45", "ent-cpo-150",
        "ent-vp-200", "ent-svp-200"])
def test_orgs_that_fit_their_size_pass(check, source):
    assert check(source, "profile-fit") == []


def test_small_too_big_or_too_many_leadership_levels(check, messages):
    assert check(org("small", 61), "profile-fit") == [(2, 22, "warning")]
    source = org("small", 40, ("cpo", "[head-of-product, director-of-product]"))
    assert check(source, "profile-fit") == [(2, 22, "warning")]
    assert messages(source, "profile-fit")[0][2] == (
        "a small org has at most 2 product leadership levels, but this one has 3 (Chief "
        "Product Officer, Head of Product, Director of Product): declare size: mid-size in the "
        "org header, or adjust the profile-fit option small-max-leadership-levels")
    # (5 positions are too few for mid-size, which it advised: no size fits)
    source = org("small", 5, ("cpo", "[head-of-product, director-of-product]"))
    assert messages(source, "profile-fit")[0][2].endswith(
        "(Chief Product Officer, Head of Product, Director of Product): no size fits this org "
        "(too many product leadership levels for small, too few positions for mid-size or "
        "enterprise): set the profile-fit option small-max-leadership-levels to 3, or switch "
        "profile-fit off")


def test_mid_size_out_of_range(check, messages):
    assert check(org("mid-size", 29), "profile-fit") == [(2, 22, "warning")]
    assert check(org("mid-size", 601), "profile-fit") == [(2, 22, "warning")]
    assert "declare size: enterprise" in messages(org("mid-size", 601), "profile-fit")[0][2]


def test_undeclared_size_is_mid_size_and_points_at_the_file(check, messages):
    assert check(org(None, 5), "profile-fit") == [(1, 1, "warning")]
    message = messages(org(None, 5), "profile-fit")[0][2]
    assert message.startswith("a mid-size org (the size assumed when none is declared) has 30 "
                              "to 600 positions, but this one has 5: declare size: small")


def test_enterprise_without_product_leader_or_too_small(check, messages):
    assert check(org("enterprise", 149, ("cpo",)), "profile-fit") == [(2, 22, "warning")]
    assert check(org("enterprise", 300), "profile-fit") == [(2, 22, "warning")]
    assert "neither" in messages(org("enterprise", 300), "profile-fit")[0][2]
    assert messages(org("enterprise", 300), "profile-fit")[0][2].startswith("an enterprise org")


def test_thresholds_are_options(check):
    rules = "rules: {profile-fit: {small-max-people: 100, small-max-leadership-levels: 3}}\n"
    source = org("small", 90, ("cpo", "vp-product", "head-of-product"), rules)
    assert check(source, "profile-fit") == []


@pytest.mark.parametrize(("size", "said"), [
    ("huge", "unknown org size 'huge' (sizes: "),
    ("Small", "unknown org size 'Small'; did you mean 'small'?"),
    ("Medium", "unknown org size 'Medium'; did you mean 'mid-size'?"),
    ('""', "'size' of the org is empty: write a value or leave the key out"),
    ("3", "unknown org size '3' (sizes: "),
    ("[small]", "'size' of the org must be text, not a list"),
])
def test_a_refused_size_is_the_load_errors_finding_alone(check, messages, size, said):
    # (profile-fit said 'declare size: small' at the same place, where the load error says
    # what to write, for 'Medium' "did you mean 'mid-size'?": two findings, at odds)
    source = org(size, 5)
    assert check(source, "profile-fit") == []
    assert check(source, "schema") == [(2, 22, "error")]
    assert messages(source, "schema")[0][2].startswith(said)


def test_a_known_size_written_in_place_of_a_refused_one_is_checked(check, messages):
    source = org("mid-size", 5)
    assert check(source, "profile-fit") == [(2, 22, "warning")]
    assert messages(source, "profile-fit")[0][2] == (
        "a mid-size org has 30 to 600 positions, but this one has 5: declare size: small in "
        "the org header, or adjust the profile-fit option mid-size-min-people")


def test_a_null_size_is_no_declared_size(check, messages):
    source = org("null", 5)
    assert check(source, "profile-fit") == [(1, 1, "warning")]
    assert "(the size assumed when none is declared)" in messages(source, "profile-fit")[0][2]


def test_an_svp_of_product_is_a_product_leadership_level_of_its_own(check, messages):
    """An SVP of Product over the VP of Product is one more level of product leadership."""
    assert check(org("small", 5, ("svp-product", "head-of-product")), "profile-fit") == []
    source = org("small", 5, ("svp-product", "vp-product", "head-of-product"))
    assert messages(source, "profile-fit")[0][2].startswith(
        "a small org has at most 2 product leadership levels, but this one has 3 (SVP of "
        "Product, VP of Product, Head of Product)")


CHAIN = """\
orgviz: 1
org: {{name: T{size}}}
people:
  - {{id: ceo, name: A, title: CEO}}
  - {{id: vp, name: B, title: VP of Product, reports_to: ceo}}
  - {{id: head, name: C, title: Head of Product, reports_to: vp}}
  - {{id: dir, name: D, title: Director of Product, reports_to: head}}
  - {{id: pm, name: E, title: PM, reports_to: dir}}
"""
NO_SIZE_FITS = ("no size fits this org (too many product leadership levels for small, too "
                "few positions for mid-size or enterprise): ")


def test_where_no_size_fits_the_advice_says_why_and_is_the_same_for_every_size(messages):
    # (QA: small said 'declare size: mid-size', mid-size and enterprise 'declare size: small')
    def said(size: str) -> list[str]:
        return [m for _l, _c, m in messages(CHAIN.format(size=size), "profile-fit")]

    assert said(", size: small") == [
        "a small org has at most 2 product leadership levels, but this one has 3 (VP of "
        "Product, Head of Product, Director of Product): " + NO_SIZE_FITS + "set the "
        "profile-fit option small-max-leadership-levels to 3, or switch profile-fit off"]
    assert said(", size: mid-size") == [
        "a mid-size org has 30 to 600 positions, but this one has 5: " + NO_SIZE_FITS
        + "declare size: small and set the profile-fit option small-max-leadership-levels "
        "to 3, or switch profile-fit off"]
    assert said(", size: enterprise") == [
        "an enterprise org has at least 150 positions, but this one has 5: " + NO_SIZE_FITS
        + "declare size: small and set the profile-fit option small-max-leadership-levels "
        "to 3, or switch profile-fit off"]
    assert said("")[0].endswith(NO_SIZE_FITS + "declare size: small and set the profile-fit "
                                "option small-max-leadership-levels to 3, or switch "
                                "profile-fit off")
    # (the change said makes the finding go)
    fixed = CHAIN.format(size=", size: small") + (
        "rules: {profile-fit: {small-max-leadership-levels: 3}}\n")
    assert said(", size: small") and messages(fixed, "profile-fit") == []


def test_a_big_org_without_a_product_leader_fits_no_size(messages):
    source = org("mid-size", 700, ("head-of-product",))
    assert [m for _l, _c, m in messages(source, "profile-fit")] == [
        "a mid-size org has 30 to 600 positions, but this one has 700: no size fits this org "
        "(too many positions for small or mid-size, no CPO or VP of Product for enterprise): "
        "declare size: enterprise and give its product leader role: cpo or role: vp-product, "
        "or switch profile-fit off"]
    assert [m for _l, _c, m in messages(org("enterprise", 700), "profile-fit")] == [
        "an enterprise org has a CPO or a VP of Product, but this one has neither: no size "
        "fits this org (too many positions for small or mid-size, no CPO or VP of Product for "
        "enterprise): give its product leader role: cpo or role: vp-product, or switch "
        "profile-fit off"]


SMALL_LIMITS = ("rules: {profile-fit: {small-max-people: 6, mid-size-min-people: 4, "
                "mid-size-max-people: 9, enterprise-min-people: 8%s}}\n")


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(people=st.integers(1, 12), levels=st.integers(0, 4), leader=st.booleans(),
       max_levels=st.integers(1, 3), size=st.sampled_from(["small", "mid-size", "enterprise"]))
def test_the_size_advised_is_one_the_org_fits_or_stays_put(messages, people, levels, leader,
                                                           max_levels, size):
    # (no back and forth: a size advised is fitted, or advised again from there)
    ladder = ("cpo" if leader else "svp-engineering", "head-of-product", "director-of-product",
              "group-pm")[:levels]
    roles = ladder if people > len(ladder) else ladder[:people - 1]
    limits = SMALL_LIMITS % f", small-max-leadership-levels: {max_levels}"

    def advice(declared: str) -> list[str]:
        return [m for _l, _c, m in messages(org(declared, people, roles, limits),
                                            "profile-fit")]

    for message in advice(size):
        advised = re.search(r"declare size: ([\w-]+)", message)
        if "no size fits this org" in message:
            assert all("no size fits this org" in m and "declare size" not in m
                       for m in advice(advised[1] if advised else size)), message
        else:
            assert advised is not None, message
            assert advice(advised[1]) == [], message
