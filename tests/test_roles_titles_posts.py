"""Title inference: deputies' posts, product teams that are not product management, and other
titles that read as another role than they name (each table: the cases, then the neighbours
that keep their reading)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from orgviz.loader import load
from orgviz.roles import DEFAULT_LADDER
from orgviz.stats import compute


@pytest.mark.parametrize(("title", "role"), [
    # a deputy head of a function stands in for its head, who is somebody else: a head (were
    # head-of-product, head-of-design, head-of-engineering, counted as the function's head),
    # as an assistant or associate head is
    ("Deputy Head of Product", "head"), ("Deputy Head - Product", "head"),
    ("Deputy Head, Product", "head"), ("Deputy Head of Product, EMEA", "head"),
    ("Deputy Head of Product Management", "head"), ("Deputy Product Head", "head"),
    ("Deputy Product Head EMEA", "head"), ("Deputy Head of Design", "head"),
    ("Deputy Head of UX", "head"), ("Deputy Head of Engineering", "head"),
    # ... and a deputy VP or SVP of a function is of the rank, not the function's (were
    # vp-product, vp-engineering, svp-product, svp-design)
    ("Deputy VP of Product", "vp"), ("Deputy VP, Engineering", "vp"),
    ("Deputy SVP Product", "svp"), ("Deputy Senior Vice President, Design", "svp"),
    # kept: the assistant and associate posts, a deputy director (a grade: the UK civil
    # service's "Deputy Director, Product" leads the unit), a deputy without a function, the
    # qualifiers of scope or tenure, a deputy chief officer (the role deputised, as before)
    ("Associate Head of Product", "head"), ("Assistant Head of Product", "head"),
    ("Assistant Director of Product", "director"), ("Associate Director of Product", "director"),
    ("Deputy Director of Product", "director-of-product"),
    ("Deputy Director, Product", "director-of-product"),
    ("Deputy Director of Engineering", "director-of-engineering"),
    ("Deputy Director", "director"), ("Deputy Head", "head"), ("Deputy VP", "vp"),
    ("Deputy VP of Sales", "vp"), ("Deputy Head of Sales", "head"),
    ("Deputy Head of Unit", "head"), ("Deputy Head Teacher", "head"),
    ("Assistant VP of Product", "avp"), ("Associate Vice President, Product", "avp"),
    ("Interim Head of Product", "head-of-product"), ("Acting VP of Product", "vp-product"),
    ("Global Head of Design", "head-of-design"), ("Interim SVP Product", "svp-product"),
    ("Deputy Chief Product Officer", "cpo"), ("Deputy CEO", "c-level"),
    ("Deputy Head of Product's EA", "executive-assistant"),
    ("Deputy Head of Product Intern", "intern"),
    ("Deputy Head of Product Assistant", "associate"),
])
def test_deputies_and_assistant_posts(title: str, role: str) -> None:
    assert DEFAULT_LADDER.infer(title) == role


@pytest.mark.parametrize(("title", "role"), [
    # a product team of another function is no product leadership, as product marketing is
    # not (were head-of-product, director-of-product, vp-product, svp-product): the rank
    ("Head of Product Operations", "head"), ("Head of Product Ops", "head"),
    ("Head of Product Analytics", "head"), ("Global Head of Product Analytics", "head"),
    ("Head - Product Operations", "head"), ("Product Operations Head", "head"),
    ("Head of Product Data", "head"), ("Head of Product Support", "head"),
    ("Head of Product Quality", "head"), ("Head of Product Security", "head"),
    ("Director of Product Operations", "director"), ("Product Analytics Director", "director"),
    ("VP of Product Analytics", "vp"), ("SVP Product Operations", "svp"),
    ("Manager, Product Data", "manager"),  # (was none, as "Manager, Product Analytics" is)
    # ... product design is design's, product engineering engineering's (were the product
    # roles, group-pm; "Product Design Director" was director)
    ("Head of Product Design", "head-of-design"), ("Product Design Head", "head-of-design"),
    ("Director of Product Design", "director-of-design"),
    ("Product Design Director", "director-of-design"), ("VP Product Design", "vp-design"),
    ("SVP, Product Design", "svp-design"),
    ("Head of Product Engineering", "head-of-engineering"),
    ("Director of Product Engineering", "director-of-engineering"),
    ("Product Engineering Director", "director-of-engineering"),
    ("VP of Product Engineering", "vp-engineering"),
    ("Manager, Product Engineering", "engineering-manager"),
    # kept: product management, product and another function, product after a separator
    # (product's, for a team or scope: "Director of Product, Data Products"), product marketing
    ("Head of Product", "head-of-product"), ("Head of Product Management", "head-of-product"),
    ("Head of Product & Design", "head-of-product"), ("Head of Product and Operations",
                                                      "head-of-product"),
    ("Head of Product, Design", "head-of-product"), ("Product, Design Head", "head-of-product"),
    ("Head of Product (Operations)", "head-of-product"),
    ("Director of Product, Data Products", "director-of-product"),
    ("Head of Product Strategy", "head-of-product"), ("Head of Product Growth", "head-of-product"),
    ("VP Product", "vp-product"), ("SVP of Product", "svp-product"),
    ("Head of Product Marketing", "head"), ("Head of Product, Marketing", "head"),
    ("VP of Product Marketing", "vp"), ("Manager, Product Design", "design-manager"),
    ("Manager, Product Operations", "manager"), ("Manager, Product", "group-pm"),
    ("Head of Design", "head-of-design"), ("Head of Engineering", "head-of-engineering"),
])
def test_product_teams_of_other_functions(title: str, role: str) -> None:
    assert DEFAULT_LADDER.infer(title) == role


@pytest.mark.parametrize(("title", "role"), [
    # a lead executive or personal assistant is an executive assistant (was manager)
    ("Lead Executive Assistant", "executive-assistant"), ("Lead EA", "executive-assistant"),
    ("Lead PA", "executive-assistant"), ("Lead Personal Assistant", "executive-assistant"),
    ("Lead Administrative Assistant", "executive-assistant"),
    ("Lead Assistant to the CEO", "executive-assistant"),
    # kept
    ("Senior Executive Assistant", "executive-assistant"), ("Lead", "manager"),
    ("Lead Engineer", "manager"), ("Lead EA Architect", "staff-engineer"),
    ("Executive Assistant", "executive-assistant"), ("Team Lead", "manager"),
])
def test_a_lead_assistant(title: str, role: str) -> None:
    assert DEFAULT_LADDER.infer(title) == role


@pytest.mark.parametrize(("title", "role"), [
    # "Dir." and "Dir" read as "Director" wherever they are (were ic, none)
    ("Interim Dir. of Sales", "director"), ("Acting Dir. of Finance", "director"),
    ("Sales Dir.", "director"), ("Creative Dir", "director"), ("Interim Dir.", "director"),
    # kept
    ("Interim Director of Sales", "director"), ("Dir. of Sales", "director"),
    ("Dir.", "director"), ("Interim Dir. of Product", "director-of-product"),
    ("Dir. of Engineering", "director-of-engineering"), ("HR_DIR", "director"),
])
def test_dir_reads_as_director(title: str, role: str) -> None:
    assert DEFAULT_LADDER.infer(title) == role


@pytest.mark.parametrize(("title", "role"), [
    # a head product manager leads the PMs, as a lead product manager does (was none)
    ("Head Product Manager", "group-pm"), ("Head PM", "group-pm"),
    # the head (or VP, director) of the executive assistants, or of an enterprise
    # architecture: "EA" after "of" names a team, not an aide (were none, executive-assistant)
    ("Head of EA", "head"), ("Head of PA", "head"), ("VP of EA", "vp"),
    ("Director of EA", "director"), ("Global Head of EA", "head"),
    # kept
    ("Lead Product Manager", "group-pm"), ("Head Product Designer", "designer"),
    ("Head Engineer", "engineer"), ("Head of Product's EA", "executive-assistant"),
    ("VP EA", "executive-assistant"), ("CEO EA", "executive-assistant"),
    ("EA to the Head of Sales", "executive-assistant"),
    ("Product Head Intern", "intern"),
])
def test_head_product_manager_and_head_of_ea(title: str, role: str) -> None:
    assert DEFAULT_LADDER.infer(title) == role


@pytest.mark.parametrize(("title", "role", "with_reports"), [
    # a group product marketing manager is over product marketing managers, as a group PM
    # is over PMs (was ic, manager with reports)
    ("Group Product Marketing Manager", "manager", None),
    # kept
    ("Product Marketing Manager", "ic", "manager"),
    ("Senior Product Marketing Manager", "senior-ic", "manager"),
    ("Group Product Manager", "group-pm", None),
    ("Group Sales Manager", "ic", "manager"),  # (hotels' group sales: selling to groups)
])
def test_group_product_marketing_manager(title: str, role: str,
                                         with_reports: str | None) -> None:
    assert DEFAULT_LADDER.infer(title) == role
    assert DEFAULT_LADDER.with_reports(title) == with_reports


@pytest.mark.parametrize(("title", "role"), [
    # a function's VP, a separator, then a chief of staff's title: the VP's rank, as "SVP,
    # Chief of Staff" is (were chief-of-staff)
    ("Sales VP, Chief of Staff", "vp"), ("Sales VP - Chief of Staff", "vp"),
    ("Marketing Vice President, Deputy Chief of Staff", "vp"),
    ("Sales SVP, Chief of Staff", "svp"), ("Operations Senior VP (Chief of Staff)", "svp"),
    # kept
    ("SVP Chief of Staff", "svp"), ("SVP, Chief of Staff", "svp"), ("VP, Chief of Staff", "vp"),
    ("Sales VP & Chief of Staff", "vp"), ("Chief of Staff", "chief-of-staff"),
    ("Chief of Staff, CTO", "chief-of-staff"), ("CEO Chief of Staff", "chief-of-staff"),
    ("Chief of Staff to the Sales VP", "chief-of-staff"),
    ("Head of Sales, Chief of Staff", "head"),
])
def test_a_vp_who_is_chief_of_staff(title: str, role: str) -> None:
    assert DEFAULT_LADDER.infer(title) == role


@pytest.mark.parametrize(("title", "role"), [
    # a chief of staff's title, a separator, then a VP's rank: the chief of staff of that VP,
    # as "Chief of Staff, SVP Engineering" and "Chief of Staff, GM" are (were svp, vp)
    ("Chief of Staff, SVP", "chief-of-staff"), ("Chief of Staff, Sales VP", "chief-of-staff"),
    ("Chief of Staff - SVP", "chief-of-staff"), ("Deputy Chief of Staff, EVP", "chief-of-staff"),
    ("Chief of Staff - Interim Design VP", "chief-of-staff"),
    # kept: joined, two hats (the senior one); the VP's rank first
    ("Chief of Staff / VP", "vp"), ("Chief of Staff and SVP", "svp"),
    ("Chief of Staff & VP Sales", "vp"), ("SVP, Chief of Staff", "svp"),
    ("Chief of Staff, SVP Engineering", "chief-of-staff"),
    ("Chief of Staff, VP of Product", "chief-of-staff"),
])
def test_a_chief_of_staff_to_a_vp(title: str, role: str) -> None:
    assert DEFAULT_LADDER.infer(title) == role


@pytest.mark.parametrize(("title", "role"), [
    # "Head Office" is a place: no head of product (was head-of-product)
    ("Product Head Office", None), ("Global Product Head Office", None),
    # kept
    ("Engineering Head Office", None), ("Product Head", "head-of-product"),
    ("Product Head EMEA", "head-of-product"), ("Senior Product Head", "head-of-product"),
])
def test_head_office_is_a_place(title: str, role: str | None) -> None:
    assert DEFAULT_LADDER.infer(title) == role


@pytest.mark.parametrize(("title", "role"), [
    # "GM" before an individual contributor's job: the job, at or for a GM (were head)
    ("GM Engineer", "engineer"), ("GM Analyst", "analyst"), ("GM Designer", "designer"),
    ("GM Coordinator", "ic"), ("GM Service Technician", "ic"),
    ("General Manager Engineer", "engineer"),
    # kept: a general manager of a function, a unit, a place; the GM's aide or intern; a chief
    # of staff's and a GM's hats joined are the GM's, the more senior (as "Chief of Staff and
    # VP of Sales" is the VP), where "Chief of Staff, GM" serves the GM
    ("GM", "head"), ("GM Sales", "head"), ("GM Engineering", "head"), ("GM, Cloud", "head"),
    ("GM Operations", "head"), ("GM Retail", "head"), ("GM Intern", "intern"),
    ("GM Executive Assistant", "executive-assistant"), ("Senior Analyst, GM", "senior-ic"),
    ("Chief of Staff & GM", "head"), ("Chief of Staff and General Manager", "head"),
    ("Chief of Staff, GM", "chief-of-staff"), ("Deputy GM", "head"),
])
def test_gm_before_a_job(title: str, role: str) -> None:
    assert DEFAULT_LADDER.infer(title) == role


def test_stats_count_no_deputy_nor_product_team_head_as_the_head_of_product(
        org_file: Callable[..., Path]) -> None:
    """`orgviz stats` counted a Deputy Head of Product and a Head of Product Operations as
    Heads of Product (three for one); a Head of Product Design was one too."""
    org = load(org_file("""\
        people:
          - {id: ceo, name: Cy Oh, title: Chief Executive Officer}
          - {id: hop, name: Hal Opie, title: Head of Product, reports_to: ceo}
          - {id: dhp, name: Di Hope, title: Deputy Head of Product, reports_to: hop}
          - {id: hpo, name: Po Ops, title: Head of Product Operations, reports_to: hop}
          - {id: hpa, name: Pat Ana, title: Head of Product Analytics, reports_to: hop}
          - {id: hpd, name: Des Ign, title: Head of Product Design, reports_to: ceo}
        """, header=True))
    assert [p.roles[0] for p in org.people] == [
        "ceo", "head-of-product", "head", "head", "head", "head-of-design"]
    assert compute(org)["product_leadership"]["head-of-product"]["ids"] == ["hop"]
