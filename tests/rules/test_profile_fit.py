"""Tests of the profile-fit rule."""

import pytest


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
    source = org("small", 5, ("cpo", "[head-of-product, director-of-product]"))
    assert check(source, "profile-fit") == [(2, 22, "warning")]
    assert messages(source, "profile-fit")[0][2] == (
        "a small org has at most 2 product leadership levels, but this one has 3 (Chief "
        "Product Officer, Head of Product, Director of Product): declare size: mid-size in the "
        "org header, or adjust the profile-fit option small-max-leadership-levels")


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
