"""Team colors: distinct teams get distinct colors for realistic team counts."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from orgviz.loader import load
from orgviz.model import Org
from orgviz.render.chart import build_chart
from orgviz.render.themes import THEMES


def flat_org(org_file: Callable[..., Path], count: int, extra_teams: str = "") -> Org:
    """A CEO and `count` directors, each leading a team of their own (no team colors)."""
    teams = "".join(f"  - {{id: t{i}, name: Team {i}}}\n" for i in range(count))
    people = "".join(f"  - {{id: d{i}, name: D {i}, title: Director, reports_to: ceo, "
                     f"team: t{i}}}\n" for i in range(count))
    return load(org_file("orgviz: 1\norg: {name: Flat}\nteams:\n" + teams + extra_teams
                         + "people:\n  - {id: ceo, name: C, title: CEO}\n" + people))


def accents(org: Org, theme: str = "light") -> dict[str, str]:
    chart = build_chart(org, theme=THEMES[theme])
    return {card.id: card.color for card in chart.cards if card.id != "ceo"}


@pytest.mark.parametrize("theme", ["light", "dark", "high-contrast"])
def test_twenty_flat_teams_get_twenty_colors(org_file: Callable[..., Path], theme: str) -> None:
    colors = accents(flat_org(org_file, 20), theme)
    assert len(colors) == 20
    assert len({c.lower() for c in colors.values()}) == 20
    # ... and the legend shows each team once, with its own color
    chart = build_chart(flat_org(org_file, 20), theme=THEMES[theme])
    assert len({color for _, color in chart.legend}) == 20


def test_the_first_ten_colors_are_kept(org_file: Callable[..., Path]) -> None:
    """Charts of up to ten teams look as before the palette grew."""
    colors = accents(flat_org(org_file, 10))
    assert [colors[f"d{i}"] for i in range(10)] == [
        "#4C78A8", "#F58518", "#54A24B", "#E45756", "#72B7B2", "#B279A2", "#EECA3B",
        "#9D755D", "#FF9DA6", "#BAB0AC"]


def test_palettes_hold_twenty_distinct_colors() -> None:
    for theme in THEMES.values():
        assert len(theme.palette) >= 20
        assert len({c.lower() for c in theme.palette}) == len(theme.palette)


def test_colors_named_by_teams_are_not_handed_out_again(
        org_file: Callable[..., Path]) -> None:
    extra = '  - {id: own, name: Own, color: "#f58518"}\n'
    org = flat_org(org_file, 3, extra)
    colors = build_chart(org).by_id
    assert [colors[f"d{i}"].color for i in range(3)] == ["#4C78A8", "#54A24B", "#E45756"]


def test_past_the_palette_colors_repeat_in_order_but_never_the_parent_teams(
        org_file: Callable[..., Path]) -> None:
    # 20 flat teams, then a sub-team of t0: the 21st palette color would be t0's own
    extra = "  - {id: sub, name: Sub, parent: t0}\n"
    teams = "".join(f"  - {{id: t{i}, name: Team {i}}}\n" for i in range(20))
    people = "".join(f"  - {{id: d{i}, name: D {i}, title: Director, reports_to: ceo, "
                     f"team: t{i}}}\n" for i in range(20))
    org = load(org_file("orgviz: 1\norg: {name: Flat}\nteams:\n" + teams + extra
                        + "people:\n  - {id: ceo, name: C, title: CEO}\n" + people
                        + "  - {id: s, name: S, title: Engineer, reports_to: d0, team: sub}\n"))
    chart = build_chart(org)
    palette = THEMES["light"].palette
    assert [chart.by_id[f"d{i}"].color for i in range(20)] == list(palette[:20])
    assert chart.by_id["s"].color != chart.by_id["d0"].color
    assert chart.by_id["s"].color == palette[1]  # the next color of the cycle


def test_team_colors_are_deterministic(org_file: Callable[..., Path]) -> None:
    assert accents(flat_org(org_file, 24)) == accents(flat_org(org_file, 24))


def deep_org(org_file: Callable[..., Path]) -> Org:
    """21 teams without colors of their own: the CEO's team t0, a VP's t20 (whose palette
    color is t0's again: the palette has 20) and t1..t19 further down, under the VP."""
    teams = "".join(f"  - {{id: t{i}, name: Team {i}}}\n" for i in range(21))
    people = "".join(f"  - {{id: e{i}, name: E {i}, title: Engineer, reports_to: vp, "
                     f"team: t{i}}}\n" for i in range(1, 20))
    return load(org_file("orgviz: 1\norg: {name: Deep}\nteams:\n" + teams + "people:\n"
                         "  - {id: ceo, name: C, title: CEO, team: t0}\n"
                         "  - {id: vp, name: V, title: VP, reports_to: ceo, team: t20}\n"
                         + people))


def test_a_view_of_part_of_an_org_shows_no_two_teams_in_one_color(
        org_file: Callable[..., Path]) -> None:
    """The imported UK Home Office drawn --depth 2 showed 'Permanent Secretary's Office' and
    'Communication Directorate' in one purple: colors repeat 20 teams apart in the org, but
    a slide of 9 of its teams has colors to spare."""
    from orgviz.render.chart import View

    org = deep_org(org_file)
    palette = THEMES["light"].palette
    whole = build_chart(org)
    assert whole.by_id["vp"].color == whole.by_id["ceo"].color == palette[0]  # 21 teams shown
    top = build_chart(org, View(depth=2))
    assert top.by_id["ceo"].color == palette[0]  # the first team keeps the org's color
    assert top.by_id["vp"].color == palette[1]  # the first color no card of the view has
    assert dict(top.legend) == {"Team 0": palette[0], "Team 20": palette[1]}


def test_a_view_takes_no_parent_teams_color_for_a_repeated_one(
        org_file: Callable[..., Path]) -> None:
    """Sub-team `sub` of t1 repeats the CEO's color in the org; in a view without t1 the
    first spare color is t1's, which a sub-team must not take either."""
    from orgviz.render.chart import View

    org = load(org_file(
        "orgviz: 1\norg: {name: Deep}\nteams:\n"
        + "".join(f"  - {{id: t{i}, name: Team {i}}}\n" for i in range(20))
        + "  - {id: sub, name: Sub, parent: t1}\n"  # 21st: the palette's first color again
        "people:\n  - {id: ceo, name: C, title: CEO, team: t0}\n"
        "  - {id: s, name: S, title: VP, reports_to: ceo, team: sub}\n"
        + "".join(f"  - {{id: e{i}, name: E {i}, title: Engineer, reports_to: s, "
                  f"team: t{i}}}\n" for i in range(1, 20))))
    palette = THEMES["light"].palette
    assert build_chart(org).by_id["s"].color == palette[0]  # the org's: as the CEO's team
    top = build_chart(org, View(depth=2))
    assert (top.by_id["ceo"].color, top.by_id["s"].color) == (palette[0], palette[2])
