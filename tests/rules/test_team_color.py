"""Tests of the team-color rule."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from orgviz.rules.team_color import contrast

ORG = """\
orgviz: 1
org: {name: T, size: small}
teams:
  - {id: exec, name: Exec, color: '#FFFFFF'}
  - {id: eng, name: Eng, color: '#eee'}
  - {id: grey, name: Grey, color: '#E0E0E0'}
  - {id: blue, name: Blue, color: '#4C78A8'}
people:
  - {id: a, name: Ann, title: Chief Executive Officer, team: exec}
  - {id: b, name: Bob, title: Software Engineer, team: eng, reports_to: a}
"""

Messages = Callable[[str, str], list[tuple[int, int, str]]]
ORGS = Path(__file__).resolve().parents[2] / "orgs"


def test_colors_too_light_for_white_cards_are_reported_at_the_color(
        messages: Messages) -> None:
    assert messages(ORG, "team-color") == [
        (4, 35, "team 'exec' has color '#FFFFFF', 1.00:1 against the white of the cards and "
                "legend (at least 1.25:1 shows): its cards' band and its legend swatch are "
                "barely visible; pick a darker shade"),
        (5, 33, "team 'eng' has color '#eee', 1.16:1 against the white of the cards and "
                "legend (at least 1.25:1 shows): its cards' band and its legend swatch are "
                "barely visible; pick a darker shade")]


def test_min_contrast_is_an_option(messages: Messages) -> None:
    source = ORG + "rules:\n  team-color: {min-contrast: 1.5}\n"
    assert [line for line, _col, _m in messages(source, "team-color")] == [4, 5, 6]
    assert "(at least 1.5:1 shows)" in messages(source, "team-color")[2][2]


@pytest.mark.parametrize("value, shown", [("abc", "'abc'"), ("0.5", "'0.5'"),
                                          ("true", "'true'"), (".nan", "'.nan'")])
def test_a_bad_min_contrast_is_a_config_error_at_its_value(messages: Messages, value: str,
                                                           shown: str) -> None:
    source = ORG + f"rules:\n  team-color: {{min-contrast: {value}}}\n"
    found = messages(source, "config")
    assert found == [(12, 30, "option 'min-contrast' of rule 'team-color' must be a number "
                              f"of at least 1, not {shown}")], found


def test_no_teams_or_no_colors_find_nothing(messages: Messages) -> None:
    source = ORG.replace(", color: '#FFFFFF'", "").replace(", color: '#eee'", "")
    assert messages(source, "team-color") == []


def test_contrast_is_wcag_s_ratio() -> None:
    assert contrast("#000000", "#FFFFFF") == pytest.approx(21.0)
    assert contrast("#FFF", "#FFFFFF") == 1.0
    assert contrast("#767676", "#FFFFFF") == pytest.approx(4.54, abs=0.01)


@given(st.from_regex(r"#[0-9A-Fa-f]{6}", fullmatch=True),
       st.from_regex(r"#[0-9A-Fa-f]{6}", fullmatch=True))
def test_contrast_is_symmetric_and_between_1_and_21(first: str, second: str) -> None:
    ratio = contrast(first, second)
    assert 1.0 <= ratio <= 21.0 + 1e-9
    assert ratio == contrast(second, first)


ALIKE = """\
orgviz: 1
org: {name: T, size: small}
teams:
  - {id: eng, name: Eng, color: '#1B5E20'}
  - {id: platform, name: Platform, color: '#093009'}
  - {id: product, name: Product, color: '#F58518'}
  - {id: clinic, name: Clinic, color: '#E8872B'}
  - {id: growth, name: Growth, color: '#F58518'}
  - {id: data, name: Data, color: '#72B7B2'}
people:
  - {id: a, name: Ann, title: Chief Executive Officer, team: eng}
"""


def test_colors_the_dark_theme_draws_alike_are_reported_at_the_later_color(
        messages: Messages) -> None:
    """#1B5E20 and #093009 are 14.5 apart on white; lightened to 3:1 on the dark cards
    (#3C7D3E, #51794F), 5.6."""
    assert messages(ALIKE, "team-color")[0] == (
        5, 43, "team 'platform' has color '#093009', drawn '#51794F', alike on the dark "
               "theme's cards to team 'eng''s '#1B5E20', drawn '#3C7D3E' (CIEDE2000 5.6, at "
               "least 12 tells them apart; a color below 3:1 on those cards is drawn "
               "lighter): the legend cannot say which cards are whose; pick colors further "
               "apart in hue")


def test_colors_alike_as_the_file_says_them_are_reported_once(messages: Messages) -> None:
    """Clinic's orange is 2.6 from Product's; Growth names Product's own color (meant to
    share it: not reported, nor again against Clinic's)."""
    assert messages(ALIKE, "team-color")[1:] == [
        (7, 39, "team 'clinic' has color '#E8872B', alike to team 'product''s '#F58518' "
                "(CIEDE2000 2.6, at least 12 tells them apart): the legend cannot say which "
                "cards are whose; pick colors further apart")]


def test_min_difference_is_an_option_and_0_turns_it_off(messages: Messages) -> None:
    assert messages(ALIKE + "rules:\n  team-color: {min-difference: 0}\n", "team-color") == []
    wider = messages(ALIKE + "rules:\n  team-color: {min-difference: 7}\n", "team-color")
    assert [line for line, _col, _m in wider] == [5, 7]
    assert "at least 7 tells them apart" in wider[0][2]


def test_a_bad_min_difference_is_a_config_error_at_its_value(messages: Messages) -> None:
    found = messages(ALIKE + "rules:\n  team-color: {min-difference: 101}\n", "config")
    assert found == [(13, 32, "option 'min-difference' of rule 'team-color' must be a "
                              "number of at most 100, not '101'")], found


def test_colors_far_apart_on_both_themes_find_nothing(messages: Messages) -> None:
    source = ALIKE.replace("'#093009'", "'#8DB600'").replace("'#E8872B'", "'#A6761D'")
    assert messages(source, "team-color") == []


NAVY_INDIGO = """\
orgviz: 1
org: {name: T, size: small}
teams:
  - {id: payments, name: Payments, color: '#1A237E'}
  - {id: risk, name: Risk, color: '#311B92'}
people:
  - {id: a, name: Ann, title: Chief Executive Officer, team: payments}
"""


def test_navy_and_indigo_are_alike_at_the_default(messages: Messages) -> None:
    """5.0 apart on white and 5.5 as the dark theme draws them (#5169C9, #6360D8): both
    read as one dark blue-purple in a band and a swatch; the default was 3."""
    assert messages(NAVY_INDIGO, "team-color") == [
        (5, 35, "team 'risk' has color '#311B92', alike to team 'payments''s '#1A237E' "
                "(CIEDE2000 5.0, at least 12 tells them apart): the legend cannot say which "
                "cards are whose; pick colors further apart")]
    bluer = messages(NAVY_INDIGO.replace("'#1A237E'", "'#1F77B4'"), "team-color")
    assert bluer == []  # (a clear blue, #1F77B4: 30.6 and 16.4 from the indigo)


@pytest.mark.parametrize("name", ["small", "mid-size", "enterprise"])
def test_the_example_orgs_have_no_colors_alike(messages: Messages, name: str) -> None:
    """Their least differences at the default: enterprise 13.9, mid-size 13.1, small 23.0."""
    source = (ORGS / f"{name}.yaml").read_text(encoding="utf-8")
    assert messages(source, "team-color") == []


COLORS = st.sampled_from(["#1A237E", "#311B92", "#4C78A8", "#72B7B2", "#E45756", "#F58518",
                          "#54A24B", "#EECA3B", "#B279A2", "#9D755D", "#666666", "#111111"]) | \
    st.integers(0, 0xFFFFFF).map(lambda n: f"#{n:06X}")


@given(st.lists(COLORS, min_size=2, max_size=30), st.sampled_from([3.0, 12.0, 30.0]))
def test_alike_colors_found_by_lightness_bands_as_by_every_pair(colors: list[str],
                                                                  apart: float) -> None:
    """The rule compares a color only with those drawn in a band of lightness near it; a
    comparison of every pair (the earliest alike one first) finds the same teams."""
    from orgviz.model import Team
    from orgviz.problem import SourceLoc
    from orgviz.render.themes import THEMES, accent
    from orgviz.rules import team_color

    teams = [Team(id=f"t{i}", loc=SourceLoc("x.yaml", i + 1, 1), name=None, color=color)
             for i, color in enumerate(colors)]
    found = [(str(at), message) for at, message in team_color._alike(apart, teams)]
    labs = {name: {c: team_color.lab(accent(THEMES[name], c)) for c in colors}
            for name in team_color.COMPARED}
    expected_teams = []
    earlier: list[str] = []
    for team in teams:
        color = team.color or ""
        if color in earlier:
            continue
        if any(team_color._first_alike(labs, color, other, apart) for other in earlier):
            expected_teams.append(str(team.at("color")))
        earlier.append(color)
    assert [at for at, _message in found] == expected_teams
