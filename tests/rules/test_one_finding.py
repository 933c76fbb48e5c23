"""One mistake, one finding: a specific rule's finding leaves out a generic rule's finding of
the same mistake, while the specific rule is on at the generic rule's level or above."""

from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from test_fast_paths import orgs

from orgviz.loader import load
from orgviz.model import Org, Person, RuleSetting
from orgviz.problem import LEVELS, SourceLoc
from orgviz.rules import RULES
from orgviz.validate import validate

HEADER = "orgviz: 1\norg: {name: T, size: small}\n"

CPO_UNDER_VP = HEADER + """\
people:
  - {id: ceo, name: Ada King, role: ceo}
  - {id: vp, name: Kim Lee, role: vp-engineering, reports_to: ceo}
  - {id: cpo, name: Dana Reyes, role: cpo, reports_to: vp}
"""

CPO_UNDER_CTO = HEADER + """\
people:
  - {id: ceo, name: Ada King, role: ceo}
  - {id: cto, name: Kim Lee, role: cto, reports_to: ceo}
  - {id: cpo, name: Dana Reyes, role: cpo, reports_to: cto}
"""

VP_UNDER_HEAD = HEADER + """\
people:
  - {id: ceo, name: Ada King, role: ceo}
  - {id: head, name: Kim Lee, role: head-of-product, reports_to: ceo}
  - {id: vp, name: Dana Reyes, role: vp-product, reports_to: head}
"""

HEAD_UNDER_DIRECTOR = HEADER + """\
people:
  - {id: ceo, name: Ada King, role: ceo}
  - {id: dir, name: Kim Lee, role: director-of-product, reports_to: ceo}
  - {id: head, name: Dana Reyes, role: head-of-product, reports_to: dir}
"""

HEAD_UNDER_A_MANAGER = HEADER + """\
people:
  - {id: ceo, name: Ada King, role: ceo}
  - {id: vp, name: Kim Lee, role: vp-product, reports_to: ceo}
  - {id: gpm, name: Bo Li, role: group-pm, reports_to: ceo}
  - {id: head, name: Dana Reyes, role: head-of-product, reports_to: gpm}
"""

CPO_UNDER_HEAD = HEADER + """\
people:
  - {id: ceo, name: Ada King, role: ceo}
  - {id: vp, name: Kim Lee, role: vp-product, reports_to: ceo}
  - {id: head, name: Bo Li, role: head-of-product, reports_to: ceo}
  - {id: cpo, name: Dana Reyes, role: cpo, reports_to: head}
"""

CPO_UNDER_DIRECTOR = HEADER + """\
people:
  - {id: ceo, name: Ada King, role: ceo}
  - {id: dir, name: Bo Li, role: director-of-product, reports_to: ceo}
  - {id: cpo, name: Dana Reyes, role: cpo, reports_to: dir}
"""

OPEN_ROLE_WITH_ONE_REPORT = HEADER + """\
people:
  - {id: ceo, name: Ada King}
  - {id: cto, name: Kim Lee, reports_to: ceo}
  - {id: open-em, title: Engineering Manager, vacant: true, reports_to: cto}
  - {id: sam, name: Sam Ito, reports_to: open-em}
  - {id: lee, name: Lee Park, reports_to: cto}
"""

# (source, the specific rule and where it reports, the generic rule and where it reported)
CASES = [
    (CPO_UNDER_VP, "cpo-reports-to-ceo", (6, 56), "rank-inversion", (6, 56)),
    (CPO_UNDER_CTO, "cpo-reports-to-ceo", (6, 56), "same-rank", (6, 56)),
    (VP_UNDER_HEAD, "head-under-vp", (5, 66), "rank-inversion", (6, 62)),
    (HEAD_UNDER_DIRECTOR, "director-under-head", (5, 69), "rank-inversion", (6, 69)),
    (HEAD_UNDER_A_MANAGER, "head-under-vp", (7, 69), "rank-inversion", (7, 69)),
    (CPO_UNDER_HEAD, "head-under-vp", (6, 64), "cpo-reports-to-ceo", (7, 56)),
    (CPO_UNDER_DIRECTOR, "director-under-head", (5, 67), "cpo-reports-to-ceo", (6, 56)),
    (OPEN_ROLE_WITH_ONE_REPORT, "vacant-manager", (6, 10), "single-report", (6, 10)),
]
IDS = [f"{case[1]}-over-{case[3]}-{index}" for index, case in enumerate(CASES)]


def found(org_file, source: str, of: tuple[str, ...],
          rules: str = "") -> list[tuple[int, int, str, str]]:
    """(line, col, level, rule) of the problems of rules `of` in an org file, `rules` the
    file's rules: block."""
    path = org_file(source + (f"rules: {{{rules}}}\n" if rules else ""))
    return [(p.line, p.col, p.level, p.rule) for p in validate(load(path)) if p.rule in of]


@pytest.mark.parametrize(("source", "specific", "at", "generic", "generic_at"), CASES, ids=IDS)
def test_one_mistake_gives_the_specific_finding_only(org_file, source, specific, at, generic,
                                                     generic_at):
    level = RULES[specific].LEVEL
    assert found(org_file, source, (specific, generic)) == [(*at, level, specific)]


@pytest.mark.parametrize(("source", "specific", "at", "generic", "generic_at"), CASES, ids=IDS)
def test_the_generic_rule_reports_it_when_the_specific_rule_is_off(
        org_file, source, specific, at, generic, generic_at):
    assert found(org_file, source, (specific, generic), f"{specific}: off") == [
        (*generic_at, RULES[generic].LEVEL, generic)]


@pytest.mark.parametrize(("source", "specific", "at", "generic", "generic_at"), CASES, ids=IDS)
def test_a_less_severe_specific_rule_hides_no_finding(org_file, source, specific, at,
                                                      generic, generic_at):
    # (made info, the specific rule must not turn another rule's error or warning into
    # an info that --no-warnings and --strict would not see)
    assert found(org_file, source, (specific, generic),
                 f"{specific}: info, {generic}: warning") == sorted([
        (*at, "info", specific), (*generic_at, "warning", generic)])


def test_the_generic_finding_of_another_mistake_stays(org_file):
    # The VP of Product under the Head is one mistake (swap them); the second VP under the
    # same Head is another, that the swap does not fix: rank-inversion reports it.
    source = VP_UNDER_HEAD + "  - {id: vp2, name: Cy Diaz, role: vp-product, reports_to: head}\n"
    assert found(org_file, source, ("head-under-vp", "rank-inversion")) == [
        (5, 66, "error", "head-under-vp"), (7, 60, "error", "rank-inversion")]


def test_a_cpo_under_the_head_of_product_is_named_as_the_cpo(org_file):
    problems = validate(load(org_file(CPO_UNDER_HEAD)))
    assert [p.message for p in problems if p.level == "error"] == [
        "the Head of Product 'head' is above the CPO 'cpo': where both exist, the VP of Product "
        "holds the higher position; swap their places, so that 'head' sits under 'cpo'"]


def test_messages_of_the_kept_findings(org_file):
    problems = validate(load(org_file(CPO_UNDER_VP)))
    assert [p.message for p in problems if p.level == "error"] == [
        "the CPO 'cpo' reports to 'vp' (VP of Engineering), not to the CEO: a CPO reports to "
        "the CEO; point reports_to at the CEO 'ceo'"]
    problems = validate(load(org_file(CPO_UNDER_VP + "rules: {cpo-reports-to-ceo: off}\n")))
    assert [p.message for p in problems if p.level == "error"] == [
        "'cpo' (Chief Product Officer, rank C-level) reports to 'vp' (VP of Engineering, rank "
        "VP): a C-level cannot report to a VP; point reports_to at someone more senior, or "
        "correct the roles"]


DENSE_ROLES = ("ceo", "cpo", "cto", "vp-product", "vp-engineering", "head-of-product",
               "director-of-product", "group-pm", "pm")


@st.composite
def dense_orgs(draw: st.DrawFn) -> Org:
    """A small org of product leaders, mostly a tree, where rules overlap often."""
    count = draw(st.integers(2, 9))
    people = []
    for line in range(1, count + 1):
        pid = f"p{line}"
        boss = None if line == 1 else draw(st.sampled_from([f"p{i}" for i in range(1, count + 1)]))
        people.append(Person(
            id=pid, loc=SourceLoc("org.yaml", line, 5),
            roles=(draw(st.sampled_from(DENSE_ROLES)),), reports_to=boss,
            vacant=draw(st.integers(0, 3)) == 0,
            field_locs={"id": SourceLoc("org.yaml", line, 9),
                        "reports_to": SourceLoc("org.yaml", line, 30)}))
    return Org(file="org.yaml", name="Dense", size="small", people=tuple(people))


SUPERSEDING = {rule_id: module.SUPERSEDES for rule_id, module in RULES.items()
               if hasattr(module, "SUPERSEDES")}
SEVERITY = {level: index for index, level in enumerate(LEVELS)}


def test_superseded_rules_exist():
    assert SUPERSEDING
    assert all(other in RULES and other != rule_id
               for rule_id, others in SUPERSEDING.items() for other in others)


@settings(max_examples=200, deadline=None)
@given(org=st.one_of(orgs(), dense_orgs()), levels=st.dictionaries(
    st.sampled_from(sorted({r for pair in SUPERSEDING.items() for r in (pair[0], *pair[1])})),
    st.sampled_from(("off", *LEVELS))))
def test_findings_are_only_left_out_for_a_finding_at_least_as_severe(org, levels):
    settings_ = tuple(RuleSetting(rule_id, SourceLoc("org.yaml", 1, 1), level=level)
                      for rule_id, level in levels.items())
    org = replace(org, rule_settings=settings_)
    problems = validate(org)
    for rule_id in RULES:
        alone = validate(replace(org, rule_settings=settings_ + tuple(
            RuleSetting(other, SourceLoc("org.yaml", 1, 1), level="off")
            for other in RULES if other != rule_id)))
        mine = {tuple(p) for p in problems if p.rule == rule_id}
        theirs = {tuple(p) for p in alone if p.rule == rule_id}
        assert mine <= theirs  # a rule's findings are never changed, only left out
        left_out = theirs - mine
        if not left_out:
            continue
        specific = [p for p in problems if rule_id in SUPERSEDING.get(p.rule, ())]
        for missing in left_out:
            # ... for a specific finding at least as severe, at the same place, or at the
            # manager of the person it is about (a swap of the two fixes both)
            person = org.people[missing[1] - 1]  # (one person a line in these orgs)
            boss = org.by_id.get(person.reports_to)  # type: ignore[arg-type]
            lines = {missing[1], boss.loc.line if boss is not None else 0}
            assert any(SEVERITY[p.level] <= SEVERITY[missing[3]] and (
                p[:3] == missing[:3] or p.line in lines) for p in specific), missing


@settings(max_examples=200, deadline=None)
@given(org=st.one_of(orgs(), dense_orgs()))
def test_a_generic_finding_never_shares_a_place_with_its_specific_one(org):
    problems = validate(org)
    places: dict[tuple[str, int, int], set[str]] = {}
    for p in problems:
        places.setdefault((p.file, p.line, p.col), set()).add(p.rule)
    for rules in places.values():
        for rule_id in rules:
            assert rules.isdisjoint(SUPERSEDING.get(rule_id, ())), rules
