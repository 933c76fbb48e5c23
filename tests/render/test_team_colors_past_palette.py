"""Past the palette's end a team takes the color the teams it meets on a chart wear least
(render/teamcolors.py): the chart of a manager whose teams the palette has colors for
shows each in its own, in the chart of the whole org (and so on every slide of a deck,
which draws the org's colors)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from orgviz.loader import load
from orgviz.model import Org
from orgviz.render.chart import View, build_chart
from orgviz.render.teamcolors import least_met
from orgviz.render.themes import THEMES

PALETTE = THEMES["light"].palette


def two_vps(directors: int = 12) -> str:
    """A CEO (team t0), two VPs (teams ta, tb) and under each `directors` directors of a team
    of their own (a1.., b1..): 3 + 2 * directors teams."""
    teams = ["t0", "ta", "tb", *(f"{side}{i}" for side in "ab" for i in range(directors))]
    lines = ["orgviz: 1", "org: {name: Two VPs}", "teams:",
             *(f"  - {{id: {team}, name: Team {team}}}" for team in teams), "people:",
             "  - {id: ceo, name: Ceo, title: CEO, team: t0}",
             "  - {id: vpa, name: Vpa, title: VP of A, reports_to: ceo, team: ta}",
             "  - {id: vpb, name: Vpb, title: VP of B, reports_to: ceo, team: tb}"]
    lines += [f"  - {{id: d{side}{i}, name: D{side}{i}, title: Director, "
              f"reports_to: vp{side}, team: {side}{i}}}"
              for side in "ab" for i in range(directors)]
    return "\n".join(lines) + "\n"


def colors_of(org: Org, root: str | None = None) -> dict[str, str]:
    """Team id -> its cards' color in the chart of the whole org, of the teams of `root`'s
    chart (all without a root)."""
    whole = {card.id: card.color for card in build_chart(org).cards}
    shown = build_chart(org, View(root=root)).cards if root else build_chart(org).cards
    return {org.by_id[card.id].team or "": whole[card.id] or "" for card in shown}


def test_the_teams_a_manager_leads_wear_colors_of_their_own(
        org_file: Callable[..., Path]) -> None:
    org = load(org_file(two_vps()))
    everyone = colors_of(org)
    assert len(everyone) == 27 and set(everyone.values()) == set(PALETTE)
    for vp in ("vpa", "vpb"):  # 13 teams each: 13 colors
        colors = colors_of(org, vp)
        assert len(set(colors.values())) == len(colors) == 13, colors
    # the first 20 teams keep the palette's colors in team order
    assert [everyone[team] for team in list(org.teams_by_id)[:20]] == list(PALETTE)


def test_a_color_least_worn_from_the_next_on_never_the_parent_teams() -> None:
    free = ["#A", "#B", "#C", "#D"]
    assert least_met(free, 5, {}, None) == "#B"  # none worn: the next in order
    assert least_met(free, 5, {"#b": 2, "#c": 1}, None) == "#D"
    assert least_met(free, 5, {"#a": 1, "#b": 1, "#c": 1, "#d": 1}, None) == "#B"
    assert least_met(free, 5, {}, "#b") == "#C"  # the parent team's, though none wear it
    assert least_met(["#A"], 0, {}, "#a") == "#A"  # (a palette of one: its color)
