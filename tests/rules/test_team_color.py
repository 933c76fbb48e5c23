"""Tests of the team-color rule."""

from __future__ import annotations

from collections.abc import Callable

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
