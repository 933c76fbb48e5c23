"""Team colors on every theme: a team's own color stays legible on the dark and
high-contrast themes' cards (drawn in a shade of its hue that reaches 3:1 there, the same
on its cards and in the legend), and as the file says on the default theme."""

from __future__ import annotations

import colorsys
import math
import re
from collections.abc import Callable
from itertools import combinations
from pathlib import Path

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from orgviz.contrast import contrast, difference, lab, legible, oklab
from orgviz.loader import load
from orgviz.render import RenderOptions, render
from orgviz.render.themes import ACCENT_CONTRAST, THEMES, accent

ORGS = Path(__file__).resolve().parents[2] / "orgs"
DARK_CARD = THEMES["dark"].card_fill
HEX = st.from_regex(r"#[0-9A-F]{6}", fullmatch=True)


def hue(color: str) -> float:
    """The OKLCh hue angle of a color, in degrees (CIELAB's bends blues to purple)."""
    _, a, b = oklab(color)
    return math.degrees(math.atan2(b, a)) % 360


def chroma(color: str) -> float:
    """The CIELAB chroma of a color."""
    _, a, b = lab(color)
    return math.hypot(a, b)


def hue_apart(first: str, second: str) -> float:
    """How far apart two colors' hues are, in degrees (0 to 180)."""
    apart = abs(hue(first) - hue(second)) % 360
    return min(apart, 360 - apart)


def example_colors() -> list[tuple[str, str, str]]:
    """(org, team, color) of every team of the example orgs with a color of its own."""
    found = []
    for path in sorted(ORGS.glob("*.yaml")):
        for team in yaml.safe_load(path.read_text(encoding="utf-8"))["teams"]:
            if team.get("color"):
                found.append((path.stem, team["id"], team["color"]))
    return found


def test_a_navy_is_lightened_on_dark_cards_to_3_to_1_in_its_own_hue() -> None:
    """Enterprise's Product, #1F3A5F: 1.31:1 on the dark cards, all but invisible."""
    assert contrast("#1F3A5F", DARK_CARD) < 1.4
    shown = accent(THEMES["dark"], "#1F3A5F")
    assert shown != "#1F3A5F"
    assert 3.0 <= contrast(shown, DARK_CARD) < 3.1  # (no lighter than it needs)
    assert hue_apart(shown, "#1F3A5F") < 3
    assert lab(shown)[0] > lab("#1F3A5F")[0]


@pytest.mark.parametrize(("org", "team", "color"), example_colors())
@pytest.mark.parametrize("name", ["dark", "high-contrast"])
def test_every_example_team_color_reaches_3_to_1_on_the_cards(name: str, org: str, team: str,
                                                              color: str) -> None:
    theme = THEMES[name]
    shown = accent(theme, color)
    assert contrast(shown, theme.card_fill) >= 3.0, (org, team, color, shown)
    assert hue_apart(shown, color) < 3 or chroma(color) < 5, (org, team, color, shown)


@pytest.mark.parametrize(("org", "team", "color"), example_colors())
def test_the_default_theme_draws_a_team_color_as_the_file_says(org: str, team: str,
                                                               color: str) -> None:
    assert accent(THEMES["light"], color) == color


def test_a_color_legible_already_is_kept() -> None:
    assert legible("#F58518", DARK_CARD, 3.0) == "#F58518"
    assert legible("#4C78A8", "#FFFFFF", 3.0) == "#4C78A8"


def test_on_a_light_surface_a_pale_color_is_darkened() -> None:
    shown = legible("#FFBF79", "#FFFFFF", 3.0)
    assert 3.0 <= contrast(shown, "#FFFFFF") < 3.1
    assert lab(shown)[0] < lab("#FFBF79")[0]
    assert hue_apart(shown, "#FFBF79") < 3


@given(HEX)
def test_any_color_is_made_legible_on_the_dark_cards(color: str) -> None:
    shown = legible(color, DARK_CARD, ACCENT_CONTRAST)
    assert contrast(shown, DARK_CARD) >= ACCENT_CONTRAST
    assert legible(color, DARK_CARD, ACCENT_CONTRAST) == shown  # (deterministic)
    if shown != color and chroma(color) > 10:
        assert hue_apart(shown, color) < 3


@given(HEX)
def test_any_color_is_made_legible_on_white(color: str) -> None:
    assert contrast(legible(color, "#FFFFFF", 4.5), "#FFFFFF") >= 4.5


def test_a_navy_lightened_on_dark_stays_blue_not_indigos_violet() -> None:
    """Navy #1A237E was lightened at its CIELAB hue to #6D61C8, a violet (HSL hue 235 to
    247 degrees), next to indigo #311B92's #7C57D7: the two read as one purple."""
    navy, indigo = (accent(THEMES["dark"], color) for color in ("#1A237E", "#311B92"))
    assert hue_apart(navy, "#1A237E") < 1 and hue_apart(indigo, "#311B92") < 1
    assert navy == "#5169C9"  # (HSL hue 228 degrees: a blue)
    assert abs(hsl_hue(navy) - hsl_hue("#1A237E")) < 8
    assert hsl_hue(navy) < hsl_hue("#1A237E") + 1 < hsl_hue(indigo)


def hsl_hue(color: str) -> float:
    """A color's HSL hue, in degrees."""
    red, green, blue = (int(color[i:i + 2], 16) / 255 for i in (1, 3, 5))
    return colorsys.rgb_to_hls(red, green, blue)[0] * 360


def test_cards_and_legend_wear_the_same_lightened_color(org_file: Callable[..., Path]) -> None:
    org = load(org_file("""\
orgviz: 1
org: {name: Navy}
teams:
  - {id: product, name: Product, color: '#1F3A5F'}
  - {id: eng, name: Engineering, color: '#F58518'}
people:
  - {id: a, name: Ann, title: CEO, team: product}
  - {id: b, name: Bob, title: Engineer, team: eng, reports_to: a}
"""))
    svg = render(org, "svg", RenderOptions(theme="dark", layout="tidy"), notes=[]).decode()
    fills = [fill.upper() for fill in re.findall(r'fill="(#[0-9A-Fa-f]{6})"', svg)]
    shown = accent(THEMES["dark"], "#1F3A5F")
    assert "#1F3A5F" not in fills
    assert fills.count(shown) == 2  # Ann's band and the legend's swatch
    assert fills.count("#F58518") == 2  # (legible already: as the file says)


def test_a_gray_stays_a_gray() -> None:
    assert legible("#666666", DARK_CARD, 3.0) == "#707070"
    assert legible("#EEE", "#FFFFFF", 3.0) == "#949494"


#: The least CIEDE2000 between two teams' colors of an example org, as each colored theme
#: draws them (the enterprise org's 28 teams: 13.9 on light and dark, 11.8 on high-contrast,
#: which darkens the pale ones; mid-size's 17: 13.1), at least the team-color rule's
#: `min-difference` on the light and dark themes it compares.
EXAMPLES_APART = {"light": 13.0, "dark": 13.0, "high-contrast": 11.0}


@pytest.mark.parametrize("stem", sorted(path.stem for path in ORGS.glob("*.yaml")))
@pytest.mark.parametrize("name", ["light", "dark", "high-contrast"])
def test_the_example_orgs_team_colors_are_far_apart(name: str, stem: str) -> None:
    """No two teams of an example look alike (mid-size's Product #F58518 and Clinic
    Operations #E8872B were 2.6 apart; enterprise's Executive Office and Product, two
    navies, 8.6; its Engineering and Platform Engineering 0.4 once lightened on dark)."""
    teams = [(team, accent(THEMES[name], color)) for org, team, color in example_colors()
             if org == stem]
    for (first, one), (second, other) in combinations(teams, 2):
        assert difference(one, other) >= EXAMPLES_APART[name], (first, one, second, other)


#: Enterprise teams whose colors, 10.9 to 13.8 apart, read as one in a 5 px band and a
#: legend swatch: Design #E31A1C and Marketing #E45756, Trust & Safety Product #A6CEE3 and
#: Payments Design #97BBF5, Marketplace Design #D6A5C9 and Design Systems & Research
#: #F781BF, Engineering #008856 and Platform Engineering #33A02C.
READ_ALIKE = [("design", "marketing"), ("trust-safety-product", "payments-design"),
              ("marketplace-design", "design-systems"), ("engineering", "platform-engineering")]


@pytest.mark.parametrize(("first", "second"), READ_ALIKE)
@pytest.mark.parametrize("name", ["light", "dark", "high-contrast"])
def test_enterprise_teams_that_read_alike_are_far_apart(name: str, first: str,
                                                         second: str) -> None:
    colors = {team: color for org, team, color in example_colors() if org == "enterprise"}
    one, other = (accent(THEMES[name], colors[team]) for team in (first, second))
    assert difference(one, other) >= 18.0, (one, other)  # (before: 10.3 to 13.8)


@pytest.mark.parametrize(("org", "team", "color"), example_colors())
def test_the_dark_theme_draws_the_example_colors_as_the_files_say(org: str, team: str,
                                                                   color: str) -> None:
    """Each example color is at least 3:1 on the dark cards (and 1.5:1 on white)."""
    assert accent(THEMES["dark"], color) == color
    assert contrast(color, "#FFFFFF") >= 1.5
