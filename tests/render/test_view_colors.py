"""Team colors of a view of part of an org: the palette's first colors, well apart."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from orgviz.loader import load
from orgviz.model import Org
from orgviz.render.chart import Chart, View, build_chart
from orgviz.render.themes import THEMES

PALETTE = THEMES["light"].palette


def org_of(teams: int, people: list[tuple[int, str]], own: str = "") -> Org:
    """Teams t0.. (no colors; `own` adds declared ones) and a CEO p0 (team t0), then a person
    pN a (manager index, team id) pair, the manager an earlier person."""
    lines = ["orgviz: 1", "org: {name: Colors}", "teams:",
             *(f"  - {{id: t{i}, name: Team {i}}}" for i in range(teams)), own,
             "people:", "  - {id: p0, name: P0, title: CEO, team: t0}"]
    for index, (boss, team) in enumerate(people, start=1):
        lines.append(f"  - {{id: p{index}, name: P{index}, title: Director, "
                     f"reports_to: p{boss % index}, team: {team}}}")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "org.yaml"
        path.write_text("\n".join(line for line in lines if line) + "\n", encoding="utf-8")
        return load(path)


def team_colors(chart: Chart, org: Org) -> dict[str, str]:
    """Team id -> the color of its cards (checked to be one color a team)."""
    found: dict[str, str] = {}
    for card in chart.cards:
        person = org.by_id.get(card.id)
        if person is not None and person.team and card.color is not None:
            assert found.setdefault(person.team, card.color) == card.color
    return found


def branch(teams: list[int], count: int = 20) -> list[tuple[int, str]]:
    """Under the CEO (team t0) a VP p1 of team t1 with a director of each of `teams`, and a
    VP p2 of team t2 with one of each other team of t3..t(count-1)."""
    rest = [team for team in range(3, count) if team not in teams]
    return [(0, "t1"), (0, "t2"), *((1, f"t{team}") for team in teams),
            *((2, f"t{team}") for team in rest)]


def test_a_view_of_teams_far_down_the_palette_takes_its_first_colors() -> None:
    """Teams 11-19 have the palette's last colors (three of them purples) in the org."""
    org = org_of(20, branch(list(range(11, 20))))
    whole = team_colors(build_chart(org), org)
    assert [whole[f"t{i}"] for i in range(20)] == list(PALETTE)
    for index in range(11, 20):  # a view of one of them: its color in the whole org
        chart = build_chart(org, View(root=f"p{index - 8}"))
        assert team_colors(chart, org) == {f"t{index}": PALETTE[index]}
    chart = build_chart(org, View(root="p1", depth=2))  # team t1 and teams 11-19
    colors = team_colors(chart, org)
    assert colors["t1"] == PALETTE[1]  # its org color is among the first ten: kept
    assert [colors[f"t{i}"] for i in range(11, 20)] == [
        PALETTE[0], *PALETTE[2:10]]  # the others, in team order
    assert dict(chart.legend) == {f"Team {i}": colors[f"t{i}"] for i in (1, *range(11, 20))}


def test_teams_keep_their_org_colors_among_the_first_and_the_rest_fill_in() -> None:
    org = org_of(20, branch([2, 13, 17]))  # (a director of t2 under p1 too)
    colors = team_colors(build_chart(org, View(root="p1")), org)
    # four teams: the first four colors; t1 and t2 have two of them in the org
    assert colors == {"t1": PALETTE[1], "t2": PALETTE[2], "t13": PALETTE[0],
                      "t17": PALETTE[3]}


def test_declared_colors_stay_and_are_not_handed_out() -> None:
    own = ('  - {id: brand, name: Brand, color: "#4C78A8"}\n'  # the palette's first color
           "  - {id: sub, name: Sub, parent: brand}")  # (brand's color: its parent's)
    people = [(0, "t1"), (1, "brand"), (1, "sub"), (1, "t15"), (1, "t16"),
              *((0, f"t{team}") for team in range(2, 15))]
    org = org_of(17, people, own)
    colors = team_colors(build_chart(org, View(root="p1")), org)
    assert colors["brand"].upper() == colors["sub"].upper() == "#4C78A8"
    # the palette's next three colors for the others; t1 has one of them in the org
    assert colors["t1"] == PALETTE[2]
    assert (colors["t15"], colors["t16"]) == (PALETTE[1], PALETTE[3])


def test_a_view_with_more_teams_than_colors_repeats_them_as_the_org_does() -> None:
    org = org_of(24, branch(list(range(3, 24)), 24))
    chart = build_chart(org, View(root="p1"))
    colors = team_colors(chart, org)
    assert len(colors) == 22  # t1, t3..t23
    assert set(colors.values()) == set(PALETTE)
    assert team_colors(build_chart(org), org) == {
        **colors, "t0": PALETTE[0], "t2": PALETTE[2]}  # the same as in the whole org


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(people=st.lists(st.tuples(st.integers(0, 400), st.integers(0, 39)), max_size=45),
       root=st.integers(0, 400), depth=st.sampled_from([None, 1, 2, 3]))
def test_the_teams_of_any_view_use_the_first_colors_each_once(
        people: list[tuple[int, int]], root: int, depth: int | None) -> None:
    org = org_of(40, [(boss, f"t{team}") for boss, team in people])
    view = View(root=f"p{root % (len(people) + 1)}", depth=depth)
    chart = build_chart(org, view)
    colors = team_colors(chart, org)
    org_colors = team_colors(build_chart(org), org)
    if len(colors) == 1:  # (a view of one team keeps its org color)
        assert colors == {team: org_colors[team] for team in colors}
    elif len(colors) <= len(PALETTE):
        assert sorted(colors.values()) == sorted(PALETTE[:len(colors)])
    else:
        assert set(colors.values()) == set(PALETTE)
    first = PALETTE[:len(colors)]
    order = sorted(colors, key=lambda team: int(team[1:]))  # team order
    for index, team in enumerate(order):  # the org's color where it is one of the first
        if org_colors[team] in first and all(org_colors[other] != org_colors[team]
                                             for other in order[:index]):
            assert colors[team] == org_colors[team]
    assert build_chart(org, view) == chart  # deterministic


def org_with_parents(parents: list[int], people: list[tuple[int, int]]) -> Org:
    """Teams t0.. without colors, team tN (N > 0) under team t(parents[N - 1]) when that is
    an earlier team (else no parent), and people as in `org_of`."""
    lines = ["orgviz: 1", "org: {name: Colors}", "teams:", "  - {id: t0, name: Team 0}"]
    for index, parent in enumerate(parents, start=1):
        under = f", parent: t{parent}" if 0 <= parent < index else ""
        lines.append(f"  - {{id: t{index}, name: Team {index}{under}}}")
    lines += ["people:", "  - {id: p0, name: P0, title: CEO, team: t0}"]
    for index, (boss, team) in enumerate(people, start=1):
        lines.append(f"  - {{id: p{index}, name: P{index}, title: Director, "
                     f"reports_to: p{boss % index}, team: t{team % (len(parents) + 1)}}}")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "org.yaml"
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        return load(path)


def test_a_team_moved_to_a_first_color_skips_its_parent_teams() -> None:
    # t12 (under t0, the CEO's team, out of the view) has the palette's 12th color in the
    # org (t2 has nobody), not among a view of 11 teams' first 11: the first free one is
    # t0's, which it skips for the next, its own
    parents = [-1] * 11 + [0]
    org = org_with_parents(parents, [(0, 3), (1, 1), *((1, team) for team in range(4, 13))])
    colors = team_colors(build_chart(org, View(root="p1")), org)
    assert team_colors(build_chart(org), org)["t0"] == PALETTE[0]
    assert len(colors) == 11 and PALETTE[0] not in colors.values()
    assert colors["t12"] == PALETTE[11]


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(parents=st.lists(st.integers(-20, 30), min_size=1, max_size=30),
       people=st.lists(st.tuples(st.integers(0, 400), st.integers(0, 60)), max_size=40),
       root=st.integers(0, 400), depth=st.sampled_from([None, 1, 2]))
def test_a_team_in_a_view_never_wears_its_parent_teams_color(
        parents: list[int], people: list[tuple[int, int]], root: int,
        depth: int | None) -> None:
    # (the parent rule was never drawn: the other tests' teams have no parents)
    org = org_with_parents(parents, people)
    chart = build_chart(org, View(root=f"p{root % (len(people) + 1)}", depth=depth))
    colors = team_colors(chart, org)
    org_colors = team_colors(build_chart(org), org)
    teams = org.teams_by_id
    for team, color in colors.items():
        parent = teams[team].parent
        if parent is not None and len(colors) > 1:
            assert color != colors.get(parent, org_colors.get(parent)), (team, parent)
    if len(colors) <= len(PALETTE):  # (each team its own color while there are enough)
        assert len(set(colors.values())) == len(colors)
