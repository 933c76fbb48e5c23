"""Property tests: random valid orgs are clean; one injected fault gives exactly its error."""

from __future__ import annotations

import json
from dataclasses import dataclass, field, replace
from pathlib import Path

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from orgviz.loader import load
from orgviz.roles import DEFAULT_LADDER
from orgviz.validate import validate

# Roles by depth (level 1 = top) for each function; ranks strictly decrease downwards and
# the product line follows CPO > VP > Head > Director, so no hierarchy rule can fire.
LADDERS = {
    "product": ("ceo", "cpo", "vp-product", "head-of-product", "director-of-product",
                "group-pm", "senior-pm", "pm", "apm"),
    "engineering": ("ceo", "cto", "vp-engineering", "head-of-engineering",
                    "director-of-engineering", "engineering-manager", "senior-engineer",
                    "engineer", "associate-engineer"),
}
TITLES = {
    "ceo": "CEO", "cpo": "Chief Product Officer", "vp-product": "VP of Product",
    "head-of-product": "Head of Product", "director-of-product": "Director of Product",
    "group-pm": "Group Product Manager", "senior-pm": "Senior Product Manager",
    "pm": "Product Manager", "apm": "Associate Product Manager", "cto": "CTO",
    "vp-engineering": "VP of Engineering", "head-of-engineering": "Head of Engineering",
    "director-of-engineering": "Director of Engineering",
    "engineering-manager": "Engineering Manager", "senior-engineer": "Senior Software Engineer",
    "engineer": "Software Engineer", "associate-engineer": "Junior Software Engineer",
    "executive-assistant": "Executive Assistant",
}
TEAMS = ("  - {id: exec, name: Executive}\n"
         "  - {id: product, name: Product, parent: exec}\n"
         "  - {id: engineering, name: \"R&D\", parent: exec}\n")
SHAPE_OFF = ("rules: {span-of-control: off, single-report: off, layers: off, "
             "profile-fit: off}\n")
NAMES = st.text(st.characters(categories=["L", "N", "Zs", "Po", "So"]), min_size=1,
                max_size=12).filter(str.strip)
FAST = settings(max_examples=50, deadline=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture])


def test_titles_infer_their_roles():
    assert all(DEFAULT_LADDER.infer(title) == role for role, title in TITLES.items())


@dataclass
class Record:
    """One person of a generated org."""

    id: str
    name: str | None
    role: str
    by_title: bool
    reports_to: str | None
    function: str
    dotted_to: list[str] = field(default_factory=list)
    assistant: bool = False
    vacant: bool = False

    def line(self) -> str:
        fields = [f"id: {self.id}"]
        if self.name is not None:
            fields.append(f"name: {json.dumps(self.name, ensure_ascii=False)}")
        fields.append(f"title: {TITLES[self.role]}" if self.by_title else f"role: {self.role}")
        if self.reports_to is not None:
            fields.append(f"reports_to: {self.reports_to}")
        if self.dotted_to:
            fields.append(f"dotted_to: [{', '.join(self.dotted_to)}]")
        team = "exec" if self.reports_to is None else self.function
        fields.append(f"team: {team}")
        if self.assistant:
            fields.append("assistant: true")
        if self.vacant:
            fields.append("vacant: true")
        return "  - {" + ", ".join(fields) + "}"


@st.composite
def trees(draw: st.DrawFn, max_people: int = 30) -> list[Record]:
    """A valid org: parents come before their reports (index order), depth at most 9."""
    n = draw(st.integers(1, max_people))
    names = draw(st.lists(NAMES, min_size=1, max_size=4))
    people: list[Record] = []
    depth: list[int] = []
    for i in range(n):
        if i == 0:
            boss, level, function = None, 1, "product"
        else:
            boss = draw(st.integers(0, i - 1))
            while depth[boss] >= 9:  # keep within the nine levels of the ladders
                boss = int(people[boss].reports_to[1:])  # type: ignore[index]
            level = depth[boss] + 1
            function = (draw(st.sampled_from(sorted(LADDERS))) if level == 2
                        else people[boss].function)
        depth.append(level)
        people.append(Record(
            id=f"p{i}", name=names[i % len(names)], role=LADDERS[function][level - 1],
            by_title=draw(st.booleans()), reports_to=None if boss is None else f"p{boss}",
            function=function))
    managers = {p.reports_to for p in people}
    for index, person in enumerate(people):
        if index and person.id not in managers:  # leaves may be assistants or open roles
            kind = draw(st.sampled_from(("plain", "plain", "assistant", "vacant")))
            if kind == "assistant":
                person.assistant, person.role = True, "executive-assistant"
            elif kind == "vacant":
                person.vacant, person.name = True, None
        if n > 2 and draw(st.integers(0, 4)) == 0:
            others = [p.id for p in people if p.id not in (person.id, person.reports_to)]
            person.dotted_to = [draw(st.sampled_from(others))]
    return people


HEAD = "orgviz: 1\norg: {name: Generated}\nteams:\n" + TEAMS + "people:\n"
FIRST = HEAD.count("\n") + 1  # the line of the first person


def render(people: list[Record], order: list[int] | None = None) -> tuple[str, dict[str, int]]:
    """YAML text and the line of each person id."""
    order = list(range(len(people))) if order is None else order
    head, first = HEAD, FIRST
    lines = {people[i].id: first + k for k, i in enumerate(order)}
    body = "".join(people[i].line() + "\n" for i in order)
    return head + body + SHAPE_OFF, lines


def problems(tmp_path: Path, text: str) -> list[tuple[int, int, str, str]]:
    path = tmp_path / "generated.yaml"
    path.write_text(text, encoding="utf-8")
    return [(p.line, p.col, p.level, p.rule) for p in validate(load(path))]


def errors(found: list[tuple[int, int, str, str]]) -> list[tuple[int, str]]:
    return [(line, rule) for line, _col, level, rule in found if level == "error"]


@FAST
@given(people=trees(), data=st.data())
def test_valid_trees_in_any_file_order_have_no_problems(tmp_path, people, data):
    order = data.draw(st.permutations(range(len(people))))
    text, _lines = render(people, order)
    assert problems(tmp_path, text) == []


def descendants(people: list[Record], index: int) -> list[int]:
    below, frontier = [], [people[index].id]
    while frontier:
        boss = frontier.pop()
        for j, p in enumerate(people):
            if p.reports_to == boss:
                below.append(j)
                frontier.append(p.id)
    return below


@FAST
@given(people=trees(), data=st.data())
def test_an_injected_cycle_is_one_cycle_error_at_its_line(tmp_path, people, data):
    juniors = {i: [j for j in descendants(people, i) if not people[j].assistant]
               for i in range(1, len(people))}
    candidates = [i for i, below in juniors.items() if below]
    assume(candidates)
    x = data.draw(st.sampled_from(candidates))
    y = data.draw(st.sampled_from(juniors[x]))
    people[x] = replace(people[x], reports_to=people[y].id)
    text, lines = render(people)
    found = errors(problems(tmp_path, text))
    # x now reports to its own junior: rank rules rightly flag that same line too.
    assert [e for e in found if e[1] == "cycle"] == [(lines[people[x].id], "cycle")]
    assert {e for e in found if e[1] != "cycle"} <= {
        (lines[people[x].id], "rank-inversion"), (lines[people[x].id], "cpo-reports-to-ceo")}


@FAST
@given(people=trees(), data=st.data())
def test_an_injected_unknown_manager_is_exactly_one_error(tmp_path, people, data):
    assume(len(people) > 1)
    x = data.draw(st.integers(1, len(people) - 1))
    ghost = data.draw(st.sampled_from(["ghost", "p0x", "P0", "nobody-here"]))
    people[x] = replace(people[x], reports_to=ghost)
    text, lines = render(people)
    assert errors(problems(tmp_path, text)) == [(lines[people[x].id], "unknown-manager")]


@FAST
@given(people=trees(), data=st.data())
def test_an_injected_duplicate_id_is_exactly_one_error(tmp_path, people, data):
    original = data.draw(st.integers(0, len(people) - 1))
    where = data.draw(st.integers(original + 1, len(people)))  # after the original
    copy = replace(people[original], name="Copy", dotted_to=[])
    people.insert(where, copy)
    text, _lines = render(people)
    copy_line = FIRST + where  # the file lists people in index order
    assert text.splitlines()[copy_line - 1] == copy.line()
    assert errors(problems(tmp_path, text)) == [(copy_line, "duplicate-id")]
