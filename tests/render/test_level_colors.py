"""Level colors (--color-by level): bands that can be neighbouring rows are far apart, for
normal and color-deficient vision and on paper, and visible on the cards.

A chart seldom has all nine bands: a typical org has no SVP / EVP, Head or Supervisor row,
so C-level and VP, VP and Director, Manager and ICs stand in neighbouring rows. Any two
bands with at most two bands between them are held to the neighbours' distances.

Distances are CIEDE2000 in CIELAB (D65); color-vision deficiencies are simulated with
Machado, Oliveira and Fernandes (2009) at full severity, in linear sRGB.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from orgviz.contrast import ciede2000
from orgviz.loader import load
from orgviz.render.chart import BANDS, View, build_chart
from orgviz.render.themes import THEMES, Theme, accent
from orgviz.rules.team_color import contrast

Lab = tuple[float, float, float]
Matrix = tuple[tuple[float, float, float], ...]

MACHADO: dict[str, Matrix] = {
    "protan": ((0.152286, 1.052583, -0.204868), (0.114503, 0.786281, 0.099216),
               (-0.003882, -0.048116, 1.051998)),
    "deutan": ((0.367322, 0.860646, -0.227968), (0.280085, 0.672501, 0.047413),
               (-0.011820, 0.042940, 0.968881)),
    "tritan": ((1.255528, -0.076749, -0.178779), (-0.078411, 0.930809, 0.147602),
               (0.004733, 0.691367, 0.303900)),
}
#: Bands that can be neighbouring rows (at most NEAR apart in BANDS: one or two bands
#: missing between them), colored themes: normal vision, and each simulated deficiency.
NEAR = 3
ADJACENT = 25.0
ADJACENT_CVD = 15.0
#: Any two bands of a colored theme (a legend entry is matched to a card by its color), and
#: with a simulated deficiency. Lower: such bands meet only where three or more bands
#: between them are missing, and nine colors cannot all be 15 apart for a deficiency (it
#: leaves about two dimensions of color; high-contrast's, all 4.5:1 on white, are darker
#: than L* 54): the colors were searched for the largest least distance, neighbours weighed
#: against 25 and 15, other pairs against 12 and 7.2. The least achieved: 14.6 and 8.5.
ANY_PAIR = 12.0
ANY_PAIR_CVD = 8.0
#: Neighbouring bands on paper (a grayscale theme: nine grays between black and a gray
#: still seen on white cannot be much further apart).
ADJACENT_GRAY = 7.0
#: Each accent against its card (WCAG contrast ratio): the figures the team palettes keep
#: (themes.py), 4.5:1 for the high-contrast theme.
ACCENT_CONTRAST = {"light": 1.5, "dark": 2.5, "print": 1.5, "high-contrast": 4.5}
#: The card's text (names, titles) against the card: WCAG AA.
TEXT_CONTRAST = 4.5


def _linear(channel: int) -> float:
    """An sRGB channel (0-255) in linear light."""
    c = channel / 255
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def _lab_of_linear(r: float, g: float, b: float) -> Lab:
    """CIELAB (D65) of a linear sRGB color."""
    x = (0.4124564 * r + 0.3575761 * g + 0.1804375 * b) / 0.95047
    y = 0.2126729 * r + 0.7151522 * g + 0.0721750 * b
    z = (0.0193339 * r + 0.1191920 * g + 0.9503041 * b) / 1.08883

    def f(t: float) -> float:
        return t ** (1 / 3) if t > 216 / 24389 else (24389 / 27 * t + 16) / 116

    fx, fy, fz = f(x), f(y), f(z)
    return 116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)


def lab(color: str, deficiency: str | None = None) -> Lab:
    """CIELAB of a `#rrggbb` color, as seen with a simulated deficiency (or none)."""
    rgb = [_linear(int(color[i:i + 2], 16)) for i in (1, 3, 5)]
    if deficiency is not None:
        rgb = [min(1.0, max(0.0, sum(m * c for m, c in zip(row, rgb, strict=True))))
               for row in MACHADO[deficiency]]
    return _lab_of_linear(*rgb)


def distance(first: str, second: str, deficiency: str | None = None) -> float:
    """CIEDE2000 between two `#rrggbb` colors, seen with a deficiency (or none)."""
    return ciede2000(lab(first, deficiency), lab(second, deficiency))


def shown(theme: Theme) -> list[str]:
    """The level colors as the theme draws them (grays on paper)."""
    return [accent(theme, color) for color in theme.level_colors]


COLORED = [name for name, theme in THEMES.items() if not theme.grayscale]
GRAYSCALE = [name for name, theme in THEMES.items() if theme.grayscale]


@pytest.mark.parametrize(("first", "second", "expected"), [
    ((50.0, 2.6772, -79.7751), (50.0, 0.0, -82.7485), 2.0425),
    ((50.0, 0.0, 0.0), (50.0, -1.0, 2.0), 2.3669),
    ((50.0, 2.5, 0.0), (50.0, 3.2592, 0.3350), 1.0),
    ((50.0, 2.5, 0.0), (73.0, 25.0, -18.0), 27.1492),
    ((60.2574, -34.0099, 36.2677), (60.4626, -34.1751, 39.4387), 1.2644),
    ((22.7233, 20.0904, -46.6940), (23.0331, 14.9730, -42.5619), 2.0373),
])
def test_ciede2000_matches_sharma_s_test_data(first: Lab, second: Lab, expected: float) -> None:
    assert ciede2000(first, second) == pytest.approx(expected, abs=1e-4)
    assert ciede2000(second, first) == pytest.approx(expected, abs=1e-4)


def test_the_old_navy_shades_would_fail() -> None:
    """The measure finds the fault reported: CEO, C-level and VP in three close navies."""
    assert distance("#1F3A5F", "#2E5C8A") < ADJACENT
    assert distance("#2E5C8A", "#366B9B") < ADJACENT_CVD


def test_the_colors_of_4841187_would_fail() -> None:
    """Pairs that are neighbours once a band is missing, in the colors of 4841187."""
    assert distance("#3020DF", "#6E63E9") < ADJACENT  # high-contrast C-level, VP: 17.2
    assert distance("#6E63E9", "#533181") < ADJACENT  # high-contrast VP, Director: 21.1
    assert distance("#318167", "#595959", "deutan") < ADJACENT_CVD  # Manager, ICs: 9.6
    assert distance("#1F3A5F", "#7A3E9D", "protan") < ADJACENT_CVD  # light CEO, SVP: 12.0
    assert distance("#5C7CE6", "#C48AD8", "protan") < ADJACENT_CVD  # dark CEO, SVP: 8.6


def near_pairs(count: int) -> list[tuple[int, int]]:
    """Bands that can be neighbouring rows: at most NEAR apart."""
    return [(i, j) for i in range(count) for j in range(i + 1, min(count, i + NEAR + 1))]


@pytest.mark.parametrize("name", list(THEMES))
def test_one_color_per_band(name: str) -> None:
    colors = THEMES[name].level_colors
    assert len(colors) == len(BANDS)
    assert len({c.lower() for c in shown(THEMES[name])}) == len(BANDS)


@pytest.mark.parametrize("deficiency", [None, *MACHADO])
@pytest.mark.parametrize("name", COLORED)
def test_bands_that_can_be_neighbours_are_far_apart(name: str, deficiency: str | None) -> None:
    """Neighbours in BANDS, and bands with one or two bands (missing rows) between them."""
    colors = shown(THEMES[name])
    least = ADJACENT if deficiency is None else ADJACENT_CVD
    for i, j in near_pairs(len(colors)):
        assert distance(colors[i], colors[j], deficiency) >= least, (
            BANDS[i][0], BANDS[j][0], colors[i], colors[j])


def test_near_pairs_are_the_neighbours_of_charts_without_some_bands() -> None:
    assert near_pairs(9)[:3] == [(0, 1), (0, 2), (0, 3)]
    assert (1, 3) in near_pairs(9)  # no SVP / EVP row
    assert (3, 5) in near_pairs(9)  # no Head row
    assert (6, 8) in near_pairs(9)  # no Supervisor row
    assert (3, 6) in near_pairs(9)  # neither Head nor Director
    assert (0, 4) not in near_pairs(9)
    assert len(near_pairs(9)) == 8 + 7 + 6


@pytest.mark.parametrize("deficiency", [None, *MACHADO])
@pytest.mark.parametrize("name", COLORED)
def test_any_two_bands_differ(name: str, deficiency: str | None) -> None:
    colors = shown(THEMES[name])
    least = ANY_PAIR if deficiency is None else ANY_PAIR_CVD
    for i, first in enumerate(colors):
        for j, second in enumerate(colors[i + 1:], i + 1):
            assert distance(first, second, deficiency) >= least, (
                BANDS[i][0], BANDS[j][0], first, second)


@pytest.mark.parametrize("name", GRAYSCALE)
def test_on_paper_bands_darken_with_seniority(name: str) -> None:
    grays = shown(THEMES[name])
    lightness = [lab(color)[0] for color in grays]
    assert lightness == sorted(lightness)
    for i, j in near_pairs(len(grays)):
        assert distance(grays[i], grays[j]) >= ADJACENT_GRAY, (grays[i], grays[j])


@pytest.mark.parametrize("name", list(THEMES))
def test_accents_and_text_keep_their_contrast(name: str) -> None:
    theme = THEMES[name]
    for color in shown(theme):
        assert contrast(color, theme.card_fill) >= ACCENT_CONTRAST[name], color
    for color in (theme.text, theme.muted):
        assert contrast(color, theme.card_fill) >= TEXT_CONTRAST, color


def test_cards_and_legend_take_their_band_s_color(org_file: Callable[..., Path]) -> None:
    org = load(org_file(
        "orgviz: 1\norg: {name: Bands}\npeople:\n"
        "  - {id: ceo, name: A, title: CEO}\n"
        "  - {id: cto, name: B, title: CTO, reports_to: ceo}\n"
        "  - {id: vp, name: C, title: VP of Engineering, reports_to: cto}\n"
        "  - {id: dev, name: D, title: Software Engineer, reports_to: vp}\n"))
    theme = THEMES["light"]
    chart = build_chart(org, View(color_by="level"), theme)
    colors = {card.id: card.color for card in chart.cards}
    levels = theme.level_colors
    assert colors == {"ceo": levels[0], "cto": levels[1], "vp": levels[3], "dev": levels[8]}
    assert dict(chart.legend) == {"CEO": levels[0], "C-level": levels[1], "VP": levels[3],
                                  "Individual contributors": levels[8]}
