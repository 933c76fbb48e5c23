"""--depth views: a rollup stands for two cards or more; a lone card below the cut is drawn."""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from orgviz.loader import load
from orgviz.model import Org
from orgviz.render.chart import Chart, View, build_chart

HEAD = ("orgviz: 1\norg: {name: Cut}\nteams:\n  - {id: ops, name: Ops}\npeople:\n"
        "  - {id: ceo, name: Cleo, title: CEO}\n"
        "  - {id: vp, name: Vic, title: VP of Operations, reports_to: ceo}\n")


def cut(org_file: Callable[..., Path], below_vp: str, depth: int = 2) -> Chart:
    """The chart --depth `depth` of a CEO, a VP and the people given under the VP."""
    return build_chart(load(org_file(HEAD + below_vp)), View(depth=depth))


def test_one_open_role_below_the_cut_is_its_own_card(org_file: Callable[..., Path]) -> None:
    chart = cut(org_file, "  - {id: ops1, title: Operations Analyst, vacant: true, "
                          "reports_to: vp, team: ops}\n")
    assert [card.id for card in chart.cards] == ["ceo", "vp", "ops1"]
    card = chart.by_id["ops1"]
    assert (card.kind, card.name, card.title, card.manager) == (
        "open", "Open role", "Operations Analyst", "vp")
    assert card.color is not None and chart.legend == (("Ops", card.color),)
    assert chart.subtitle == "2 people · 1 open role"


def test_one_report_with_a_team_of_their_own_stays_a_rollup(
        org_file: Callable[..., Path]) -> None:
    """A card for them would need a rollup of its own below, a level more than --depth."""
    chart = cut(org_file, "  - {id: lead, name: Lee, title: Team Lead, reports_to: vp}\n"
                          "  - {id: a, name: Ann, title: Analyst, reports_to: lead}\n"
                          "  - {id: b, title: Analyst, vacant: true, reports_to: lead}\n")
    assert [card.id for card in chart.cards] == ["ceo", "vp", "+vp"]
    rollup = chart.by_id["+vp"]
    assert (rollup.kind, rollup.name, rollup.detail) == ("rollup", "+2 people", "1 open role")
    assert (rollup.hidden_people, rollup.hidden_open) == (2, 1)
    assert chart.subtitle == "4 people · 1 open role"


def test_an_assistant_below_the_lone_report_keeps_the_rollup(
        org_file: Callable[..., Path]) -> None:
    chart = cut(org_file, "  - {id: lead, name: Lee, title: Team Lead, reports_to: vp}\n"
                          "  - {id: pa, name: Pat, title: Assistant, assistant: true, "
                          "reports_to: lead}\n")
    assert [card.id for card in chart.cards] == ["ceo", "vp", "+vp"]
    assert chart.by_id["+vp"].name == "+2 people"


def test_the_managers_assistant_does_not_count_below_the_cut(
        org_file: Callable[..., Path]) -> None:
    """An assistant sits beside their manager: the one report below is still alone."""
    chart = cut(org_file, "  - {id: pa, name: Pat, title: Assistant, assistant: true, "
                          "reports_to: vp}\n"
                          "  - {id: a, name: Ann, title: Analyst, reports_to: vp}\n")
    assert [card.id for card in chart.cards] == ["ceo", "vp", "pa", "a"]
    assert chart.by_id["pa"].assistant and chart.by_id["a"].kind == "person"
    assert chart.subtitle == "4 people"


def test_a_lone_card_keeps_its_dotted_line(org_file: Callable[..., Path]) -> None:
    chart = cut(org_file, "  - {id: a, name: Ann, title: Analyst, reports_to: vp, "
                          "dotted_to: [ceo]}\n")
    assert [(link.manager, link.report) for link in chart.links] == [("ceo", "a")]


def random_org(parents: list[int], vacant: list[bool], assistant: list[bool]) -> Org:
    """An org of a CEO `p0` and one person `pN` under each `parents` entry (an earlier index)."""
    lines = ["orgviz: 1", "org: {name: Random}", "people:", "  - {id: p0, name: P0}"]
    for index, parent in enumerate(parents, start=1):
        fields = [f"id: p{index}", f"name: P{index}", f"reports_to: p{parent % index}"]
        if vacant[index - 1]:
            fields.append("vacant: true")
        if assistant[index - 1]:
            fields.append("assistant: true")
        lines.append("  - {" + ", ".join(fields) + "}")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "org.yaml"
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        return load(path)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data(), size=st.integers(0, 30), depth=st.integers(1, 5))
def test_depth_views_hold_everyone_and_no_rollup_of_one(data: st.DataObject, size: int,
                                                       depth: int) -> None:
    parents = data.draw(st.lists(st.integers(0, 1000), min_size=size, max_size=size))
    flags = st.lists(st.booleans(), min_size=size, max_size=size)
    org = random_org(parents, data.draw(flags), data.draw(flags))
    whole = build_chart(org)
    chart = build_chart(org, View(depth=depth))
    drawn = [card for card in chart.cards if card.kind in ("person", "open")]
    rollups = [card for card in chart.cards if card.kind == "rollup"]
    # everyone is a card or counted in one rollup, and the subtitle says as much
    assert len(drawn) + sum(r.hidden_people + r.hidden_open for r in rollups) == size + 1
    assert chart.subtitle == whole.subtitle
    assert all(r.hidden_people + r.hidden_open >= 2 for r in rollups)
    level: dict[str, int] = {}
    for card in whole.cards:  # depth-first: a manager comes before their reports
        boss = card.manager
        level[card.id] = 0 if boss is None else level[boss] + (not card.assistant)
    for card in drawn:
        assert card == whole.by_id[card.id]  # as drawn without the cut, row included
        if level[card.id] >= depth:  # below the cut: the lone report of a manager at the cut
            assert level[card.id] == depth and not whole.reports[card.id]
            assert not whole.assistants[card.id]
            assert card.manager is not None and whole.reports[card.manager] == [card.id]
