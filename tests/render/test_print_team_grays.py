"""The print theme's team grays: the teams of one chart stay told apart on paper.

Each team color used to be shown as the gray of its luma, so teams of colors alike in
lightness looked the same (orgs/small.yaml: Design #E45756 and Engineering #54A24B both
#818181). A chart's teams now take grays of a ramp far apart in lightness, in team order;
past the ramp's length they repeat, and the legend says so.

For grays (a* = b* = 0) CIEDE2000 is the lightness difference over S_L alone.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from itertools import combinations
from pathlib import Path

import pytest

from orgviz.loader import load
from orgviz.model import Org
from orgviz.render import RenderOptions, render
from orgviz.render.chart import View, build_chart
from orgviz.render.themes import THEMES, spread
from orgviz.rules.team_color import contrast

PRINT = THEMES["print"]
RAMP = PRINT.team_grays
#: The least CIEDE2000 distance between any two grays of the ramp.
APART = 12.0
SMALL_YAML = Path(__file__).resolve().parents[2] / "orgs" / "small.yaml"


def lightness(gray: str) -> float:
    """CIE L* of a `#rrggbb` gray."""
    c = int(gray[1:3], 16) / 255
    y = c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4
    return 116 * y ** (1 / 3) - 16 if y > 216 / 24389 else 24389 / 27 * y


def gray_distance(first: str, second: str) -> float:
    """CIEDE2000 between two grays: their L* difference over S_L."""
    assert first[1:3] * 3 == first[1:].upper() and second[1:3] * 3 == second[1:].upper()
    l1, l2 = lightness(first), lightness(second)
    mean = (l1 + l2) / 2
    s_l = 1 + 0.015 * (mean - 50) ** 2 / math.sqrt(20 + (mean - 50) ** 2)
    return abs(l1 - l2) / s_l


def flat_org(org_file: Callable[..., Path], count: int, alike: bool = False) -> Org:
    """A CEO and `count` directors, each leading a team of their own: of no color, or
    (`alike`) of distinct colors of one lightness, whose grays of luma are one."""
    teams = "".join(f"  - {{id: t{i}, name: Team {i}"
                    + (f", color: '#{0x70 + i:02X}7777'" if alike else "") + "}\n"
                    for i in range(count))
    people = "".join(f"  - {{id: d{i}, name: D {i}, title: Director, reports_to: ceo, "
                     f"team: t{i}}}\n" for i in range(count))
    return load(org_file("orgviz: 1\norg: {name: Flat}\nteams:\n" + teams
                         + "people:\n  - {id: ceo, name: C, title: CEO}\n" + people))


def team_grays(org: Org) -> dict[str, str]:
    """Team name -> the gray its cards show on paper (checked against the legend)."""
    chart = build_chart(org, View(), PRINT)
    shown = {card.team: card.color for card in chart.cards if card.color and card.team}
    assert dict(chart.legend) == shown
    return shown


def test_the_ramp_is_far_apart_and_seen_on_white() -> None:
    assert len(RAMP) >= 5
    for first, second in combinations(RAMP, 2):
        assert gray_distance(first, second) >= APART, (first, second)
    for gray in RAMP:
        assert contrast(gray, PRINT.card_fill) >= 1.5, gray


def test_the_teams_of_small_yaml_get_grays_far_apart() -> None:
    """The reported chart: Design and Engineering were both #818181."""
    grays = team_grays(load(SMALL_YAML))
    assert set(grays) == {"Leadership", "Product", "Design", "Engineering", "Operations"}
    for (a, first), (b, second) in combinations(grays.items(), 2):
        assert gray_distance(first, second) >= APART, (a, first, b, second)


@pytest.mark.parametrize("count", range(2, len(RAMP) + 1))
def test_up_to_the_ramp_s_length_every_team_has_its_own_gray(
        org_file: Callable[..., Path], count: int) -> None:
    """Even teams of one color each (colors alike in lightness are no better)."""
    for alike in (False, True):
        grays = team_grays(flat_org(org_file, count, alike))
        assert len(grays) == count
        for first, second in combinations(grays.values(), 2):
            assert gray_distance(first, second) >= APART
        legend_title = build_chart(flat_org(org_file, count), View(), PRINT).legend_title
        assert legend_title == "Teams"


def test_teams_of_one_color_share_one_gray(org_file: Callable[..., Path]) -> None:
    """A sub-team without a color of its own shows its parent's, as on the colored themes."""
    org = load(org_file("""\
        orgviz: 1
        org: {name: Nested}
        teams:
          - {id: a, name: A, color: "#4C78A8"}
          - {id: a1, name: A1, parent: a}
          - {id: b, name: B, color: "#F58518"}
        people:
          - {id: ceo, name: C, title: CEO, team: a}
          - {id: x, name: X, title: Lead, reports_to: ceo, team: a1}
          - {id: y, name: Y, title: Lead, reports_to: ceo, team: b}
        """))
    grays = team_grays(org)
    assert grays["A"] == grays["A1"] != grays["B"]


def test_past_the_ramp_grays_repeat_and_the_legend_says_so(
        org_file: Callable[..., Path]) -> None:
    count = len(RAMP) + 2
    chart = build_chart(flat_org(org_file, count), View(), PRINT)
    assert [color for _, color in chart.legend] == [*RAMP, *RAMP[:2]]
    assert chart.legend_title == "Teams (grays repeat: each card names its team)"
    # ... and each card names its team
    svg = render(flat_org(org_file, count), "svg", RenderOptions(theme="print")).decode()
    assert all(f">Team {i}</text>" in svg for i in range(count))
    assert "grays repeat: each card names its team" in svg


def test_colored_themes_keep_the_team_colors() -> None:
    chart = build_chart(load(SMALL_YAML), View(), THEMES["light"])
    assert dict(chart.legend)["Design"].upper() == "#E45756"
    assert chart.legend_title == "Teams"


@pytest.mark.parametrize(("count", "expected"), [
    (1, [2]), (2, [0, 5]), (3, [0, 3, 5]), (4, [0, 2, 3, 5]), (5, [0, 1, 3, 4, 5]),
    (6, [0, 1, 2, 3, 4, 5]), (8, [0, 1, 2, 3, 4, 5, 0, 1]),
])
def test_spread_takes_the_ends_and_evenly_between(count: int, expected: list[int]) -> None:
    ramp = tuple("abcdef")
    assert spread(ramp, count) == [ramp[i] for i in expected]
