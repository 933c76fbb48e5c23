"""The rules' shared shortcuts give what the straightforward definitions give, on messy orgs.

The rules read precomputed values (the reporting lines walked once, roles held, people
grouped by rank pairs) and return early when those show nothing to find. Here random orgs,
with repeated ids, self-reports, unknown managers, cycles, unknown and combined roles,
assistants and open roles, are checked against plain per-person definitions.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from orgviz.model import Org, Person
from orgviz.problem import SourceLoc
from orgviz.rules import RULES, Finding, _common
from orgviz.rules._common import anchor, role_name, who
from orgviz.validate import rule_confs, validate

IDS = [f"p{i}" for i in range(12)]
ROLES = ("ceo", "cpo", "cto", "vp-product", "head-of-product", "director-of-product",
         "group-pm", "pm", "engineer", "executive-assistant", "no-such-role")


@st.composite
def orgs(draw: st.DrawFn) -> Org:
    """An org of up to 25 positions whose every field may be wrong."""
    people = []
    for line in range(1, draw(st.integers(0, 25)) + 1):
        pid = draw(st.sampled_from(IDS))
        people.append(Person(
            id=pid, loc=SourceLoc("org.yaml", line, 5),
            roles=tuple(draw(st.lists(st.sampled_from(ROLES), max_size=2))),
            reports_to=draw(st.one_of(st.none(), st.just(pid), st.sampled_from([*IDS, "x"]))),
            dotted_to=tuple(draw(st.lists(st.sampled_from([*IDS, pid, "x"]), max_size=2))),
            vacant=draw(st.booleans()), assistant=draw(st.integers(0, 4)) == 0,
            field_locs={"id": SourceLoc("org.yaml", line, 9),
                        "reports_to": SourceLoc("org.yaml", line, 30)}))
    size = draw(st.sampled_from(("small", "mid-size", "enterprise")))
    return Org(file="org.yaml", name="Messy", size=size, people=tuple(people))


def _a(label: str) -> str:
    return f"an {label}" if label[:1] in "AEIOU" else f"a {label}"


def rank_inversion(org: Org) -> Iterator[Finding]:
    by_id = org.by_id
    for person in by_id.values():
        boss_id = person.reports_to
        if boss_id is None or boss_id not in by_id or person.assistant:
            continue
        rank, boss_rank = org.rank(person), org.rank(by_id[boss_id])
        if rank is None or boss_rank is None or boss_rank >= rank:
            continue
        boss = by_id[boss_id]
        level, boss_level = org.level_label(person), org.level_label(boss)
        yield (person.at("reports_to"),
               f"{who(person, role_name(org, person), f'rank {level}')} reports to "
               f"{who(boss, role_name(org, boss), f'rank {boss_level}')}: "
               f"{_a(level)} cannot report to {_a(boss_level)}; point reports_to at someone "
               "more senior, or correct the roles")


def same_rank(org: Org) -> Iterator[Finding]:
    by_id = org.by_id
    for person in by_id.values():
        boss_id = person.reports_to
        if boss_id is None or boss_id not in by_id or boss_id == person.id or person.assistant:
            continue
        rank = org.rank(person)
        if rank is None or rank != org.rank(by_id[boss_id]):
            continue
        yield (person.at("reports_to"),
               f"{who(person, role_name(org, person))} reports to "
               f"{who(by_id[boss_id], role_name(org, by_id[boss_id]))} at the same rank "
               f"({org.level_label(person)}): point reports_to at someone more senior, or "
               "correct the roles")


def tops_of(org: Org) -> Iterator[Finding]:
    """root, without its message text: who is reported."""
    by_id = org.by_id
    if not by_id:
        yield (org.own_loc, "no people")
        return
    tops = [p for p in by_id.values() if p.reports_to is None]
    if not tops:
        tops = [p for p in by_id.values() if p.reports_to == p.id]
    if not tops:
        if all(p.reports_to in by_id for p in by_id.values()):
            first = next(iter(by_id.values()))
            yield (first.at("reports_to"), "no top")
        return
    for person in tops[1:]:
        yield (anchor(person), person.id)


def reports_of(org: Org) -> Iterator[Finding]:
    """span-of-control (max 2) and single-report, without message text."""
    by_id = org.by_id
    assistants: dict[str, int] = {}
    for person in by_id.values():
        if person.assistant and person.reports_to in by_id:
            assistants[person.reports_to] = assistants.get(person.reports_to, 0) + 1  # type: ignore[index]
    depth = _common.tree(org).depth
    for manager_id, report_ids in org.reports.items():
        manager = by_id[manager_id]
        span = len(report_ids) - assistants.get(manager_id, 0)
        if span > 2:
            yield (manager.at("id"), f"span {span}")
        boss = manager.reports_to
        if (span == 1 and manager_id in depth and not manager.assistant and boss is not None
                and boss != manager_id and boss in by_id):
            yield (manager.at("id"), "single")
        if report_ids and manager.vacant:
            yield (manager.at("id"), f"vacant {len(report_ids)}")
        if report_ids and manager.assistant:
            yield (manager.at("assistant"), f"assistant {len(report_ids)}")


def people_checks(org: Org) -> Iterator[Finding]:
    """unknown-manager, self-report and duplicate-id, without message text."""
    for person in org.people:
        if person.reports_to is not None and person.reports_to not in org.by_id:
            yield (person.at("reports_to"), "unknown")
        if person.reports_to == person.id:
            yield (person.at("reports_to"), "self")
        if org.by_id[person.id] is not person:
            yield (person.at("id"), "duplicate")


def checked(org: Org, rule_ids: tuple[str, ...], options: Mapping[str, Any] | None = None
            ) -> list[Finding]:
    """What the rules find, without message text unless the rule is a rank rule."""
    confs = rule_confs(org)
    found = []
    for rule_id in rule_ids:
        for loc, message in RULES[rule_id].check(org, options or confs[rule_id].options):
            if rule_id == "root":
                message = ("no people" if "no people" in message else "no top"
                           if "no top" in message else message.split("'")[1])
            elif rule_id == "span-of-control":
                message = "span " + message.split(" has ")[1].split()[0]
            elif rule_id in ("single-report", "unknown-manager", "duplicate-id"):
                message = {"single-report": "single", "unknown-manager": "unknown",
                           "duplicate-id": "duplicate"}[rule_id]
            elif rule_id == "self-report":
                if "dotted" in message:
                    continue
                message = "self"
            elif rule_id in ("vacant-manager", "assistant-with-reports"):
                kind = rule_id.split("-")[0]
                person = next(p for p in org.by_id.values() if loc == p.at(kind)
                              or (kind == "vacant" and loc == p.at("id")))
                message = f"{kind} {len(org.reports[person.id])}"
            found.append((loc, message))
    return sorted(found)


SETTINGS = settings(max_examples=100, deadline=None)


@SETTINGS
@given(org=orgs())
def test_rank_rules_match_the_per_person_definitions(org):
    assert checked(org, ("rank-inversion",)) == sorted(rank_inversion(org))
    assert checked(org, ("same-rank",)) == sorted(same_rank(org))


@SETTINGS
@given(org=orgs())
def test_structure_rules_match_the_per_person_definitions(org):
    assert checked(org, ("root",), {"allow-forest": False}) == sorted(tops_of(org))
    assert checked(org, ("unknown-manager", "self-report", "duplicate-id")) == sorted(
        people_checks(org))
    by_reports = ("span-of-control", "single-report", "vacant-manager", "assistant-with-reports")
    options = {"max": 2}
    assert sorted(checked(org, by_reports[:1], options) + checked(org, by_reports[1:])) == sorted(
        reports_of(org))


@SETTINGS
@given(org=orgs())
def test_shared_values_match_their_definitions(org):
    links = _common.links(org)
    assert links.reports == {m: r for m, r in org.reports.items() if r}
    assert [p.id for p in links.tops] == [
        p.id for p in org.by_id.values()
        if p.reports_to is None or p.reports_to == p.id or p.reports_to not in org.by_id]
    assert [p.id for p in links.assistants] == [
        p.id for p in org.by_id.values()
        if p.assistant and p.reports_to in org.by_id and p.reports_to != p.id]
    assert _common.roles_held(org) == {r for r in ROLES if org.has_role(r)}
    walk = _common.tree(org)
    assert set(walk.depth) == set(walk.order)
    for pid in walk.order:
        boss = walk.manager(org, org.by_id[pid])
        assert walk.depth[pid] == (1 if boss is None else walk.depth[boss] + 1)
    for wanted in (frozenset(ROLES[3:6]), frozenset(("director-of-product",)), frozenset()):
        assert _common.holders(org, wanted) == [
            p for p in org.by_id.values() if not wanted.isdisjoint(p.roles)]
    # cycle's and duplicate-id's early returns: nothing unreached, no repeated id
    if len(walk.depth) == len(org.by_id):
        assert not list(RULES["cycle"].check(org, {}))
    else:
        assert list(RULES["cycle"].check(org, {}))


@SETTINGS
@given(org=orgs())
def test_validate_is_sorted_without_repeats(org):
    problems = validate(org)
    assert problems == sorted(set(problems), key=lambda p: (
        p.file, p.line, p.col, p.level, p.rule, p.message))


TITLES = ("VP of Engineering", "Software Engineer", "Director of Product", "Product Manager",
          "Engineering Manager", "Executive Assistant")


@SETTINGS
@given(rows=st.lists(st.tuples(st.sampled_from(TITLES), st.integers(0, 30)), min_size=1,
                     max_size=30))
def test_rank_problems_of_imported_people_stand_at_their_manager_cells(rows, tmp_path_factory):
    """An imported person's rank problem is made from its row (`RowLocs`) without a call: at
    the manager column of the person's CSV row, as `person.at("reports_to")` gives, and as
    the rule's check() finds it."""
    from orgviz.io.csvimport import import_csv

    path = tmp_path_factory.mktemp("rank") / "people.csv"
    lines = ["Name,EmployeeId,Title,ManagerId"] + [
        f"Person {i},E{i},{title},{f'E{boss % i}' if i else ''}"
        for i, (title, boss) in enumerate(rows)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    org = import_csv(path).org
    confs = rule_confs(org)
    by_line = {p.loc.line: p for p in org.people}
    for rule_id in ("rank-inversion", "same-rank"):
        module, level = RULES[rule_id], confs[rule_id].level
        made = module.problems(org, confs[rule_id].options, level)
        assert [(p[:3], p.message) for p in made] == [
            (tuple(loc), message) for loc, message in module.check(org, {})]
        for problem in made:
            assert (problem.level, problem.rule) == (level, rule_id)
            person = by_line[problem.line]
            assert tuple(problem[:3]) == tuple(person.at("reports_to")) == (
                str(path), problem.line, 4)
    assert [p for p in validate(org) if p.rule in ("rank-inversion", "same-rank")] == sorted(
        p for rule_id in ("rank-inversion", "same-rank")
        for p in RULES[rule_id].problems(org, {}, confs[rule_id].level))
