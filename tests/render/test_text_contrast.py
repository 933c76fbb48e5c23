"""Every theme's text colors reach WCAG AA (4.5:1) on every fill they are drawn on.

The light theme's `faint` (#7B8794: team names, level row labels, "collapsed" notes, the
legend heading, all 9.5 to 11 px) was 3.66:1 on white and 3.31:1 on a collapsed card's fill;
the dark theme's (#8B949E) 4.14:1 on its collapsed cards.
"""

from __future__ import annotations

import re

import pytest

from orgviz.model import Org
from orgviz.render import RenderOptions, render
from orgviz.render.themes import THEMES, Theme
from orgviz.rules.team_color import contrast

#: WCAG AA for small text: every chart text is small (9.5 px to 22 px, the title bold).
AA = 4.5
#: Theme field of a text color -> the fills it is drawn on (svg.py): names on every card
#: and the title on the page; titles, open roles' names, dotted-line notes, the subtitle and
#: legend labels; team names, "collapsed" notes, level row labels (on the row band or the
#: page) and the legend heading.
DRAWN_ON: dict[str, tuple[str, ...]] = {
    "text": ("background", "card_fill", "rollup_fill"),
    "muted": ("background", "card_fill", "open_fill", "rollup_fill"),
    "faint": ("background", "row_band", "card_fill", "open_fill", "rollup_fill"),
}


@pytest.mark.parametrize("name", list(THEMES))
@pytest.mark.parametrize("text", list(DRAWN_ON))
def test_text_reaches_aa_on_every_fill_it_is_drawn_on(name: str, text: str) -> None:
    theme = THEMES[name]
    color = getattr(theme, text)
    for fill in DRAWN_ON[text]:
        ratio = contrast(color, getattr(theme, fill))
        assert ratio >= AA, (name, text, color, fill, getattr(theme, fill), round(ratio, 2))


@pytest.mark.parametrize("name", list(THEMES))
def test_names_stand_out_more_than_titles_and_titles_than_faint_text(name: str) -> None:
    """The hierarchy the colors draw: each step further from the card's fill."""
    theme = THEMES[name]
    on_card = [contrast(getattr(theme, text), theme.card_fill) for text in DRAWN_ON]
    assert on_card == sorted(on_card, reverse=True)
    if name != "high-contrast":  # (all black there but the faint text)
        assert on_card[0] > on_card[1] > on_card[2]


def test_the_lines_keep_their_colors() -> None:
    """Only the text changed: lines and borders that shared its value are as they were."""
    light, dark = THEMES["light"], THEMES["dark"]
    assert (light.line, light.open_border) == ("#7B8794", "#7B8794")
    assert dark.open_border == "#8B949E"


@pytest.mark.parametrize("name", list(THEMES))
def test_a_chart_draws_text_only_in_the_theme_s_text_colors(small_org: Org, name: str) -> None:
    """The table above covers what is drawn: every <text> fill of a chart with open roles,
    dotted-line notes and collapsed cards is one of the theme's three text colors."""
    theme: Theme = THEMES[name]
    svg = render(small_org, "svg", RenderOptions(theme=name, depth=2)).decode()
    fills = set(re.findall(r'<text [^>]*?fill="(#[0-9A-Fa-f]{6})"', svg))
    assert "collapsed below this level" in svg
    assert fills == {theme.text, theme.muted, theme.faint}
