"""A team's color is too light to see on white, or looks like another team's on a theme.

A team's `color` is the band along the top of each of its cards and its swatch in the
legend. The default `light` theme draws it as the file says: a color whose contrast with
white is below `min-contrast` (WCAG's contrast ratio, 1.25 by default: `#E8E8E8` is 1.23)
draws nothing a reader can see there, and the team's cards look like no team's: pick a
darker shade, or switch the rule off for a chart only ever drawn with `--theme dark`. The
`dark` and `high-contrast` themes draw a color below 3:1 on their cards in a lighter
(darker) shade of its hue that reaches it, so no color is lost there; but colors that
differ only in how dark they are can come out alike (`#1B5E20` and `#093009`, 14.5 apart
on white, both as a green of 3:1 on the dark cards, 5.6). Two teams of different colors
that the light or the dark theme draws less than `min-difference` apart (CIEDE2000, 12 by
default) are reported at the later team's color: the legend cannot say which cards are
whose (a color too light for white is reported as that alone). About 1 is just seen side
by side in large patches, but a team color is a 5 px band and a legend swatch, seen apart:
navy `#1A237E` and indigo `#311B92` (5.0 on white, 5.5 on dark) read as one purple there,
and so did pairs 10.9 to 11.2 apart (`#E31A1C` and `#E45756`, `#A6CEE3` and `#97BBF5`,
`#D6A5C9` and `#F781BF`); the default palette's 20 colors are at least 15 apart. Pick
colors further apart in hue (teams that mean to share a color name the same one, and are
not reported).

Passes:

    teams:
      - {id: product, name: Product, color: '#4C78A8'}
      - {id: eng, name: Engineering, color: '#F58518'}
    people:
      - {id: dana, name: Dana Reyes, team: product}

Fails (line 2):

    teams:
      - {id: product, name: Product, color: '#FFFFFF'}
    people:
      - {id: dana, name: Dana Reyes, team: product}
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Mapping
from typing import Any

from orgviz.contrast import Lab, ciede2000, contrast, hex_digits, lab
from orgviz.model import Org, Team
from orgviz.rules import Finding

ID = "team-color"
LEVEL = "warning"
DEFAULTS: dict[str, Any] = {"min-contrast": 1.25, "min-difference": 12.0}
#: The least value of each option (a ratio below 1 would find nothing; a `min-difference`
#: of 0 finds no alike colors).
MINIMUMS = {"min-contrast": 1, "min-difference": 0}
#: The greatest value of each option: WCAG's contrast ratio is at most 21 (black on white), so
#: a greater `min-contrast` would flag every color; no two sRGB colors are 100 apart.
MAXIMUMS = {"min-contrast": 21.0, "min-difference": 100.0}
#: The background the color is drawn on as the file says it: the light theme's cards.
WHITE = "#FFFFFF"
#: The themes whose drawn colors are compared: the one that draws them as the file says,
#: and the one that lightens the dark ones (high-contrast darkens only the pale ones, which
#: are further apart on white than the dark ones are on dark cards).
COMPARED = ("light", "dark")
#: How much CIEDE2000 a difference of lightness weighs at most (S_L, at L* 0 or 100): two
#: colors further apart in L* than `min-difference` times this are not alike.
_MOST_S_L = 1.75


def check(org: Org, options: Mapping[str, Any]) -> Iterator[Finding]:
    """Report team colors whose contrast with white is below `min-contrast`, and those
    drawn less than `min-difference` from an earlier team's other color."""
    least: float = options["min-contrast"]
    yield from _too_light(org, least)
    apart: float = options["min-difference"]
    if apart > 0:  # (a color too light is reported as that alone, and compared with none)
        yield from _alike(apart, [team for team in org.teams if team.color is not None
                                  and contrast(team.color, WHITE) >= least])


def _too_light(org: Org, least: float) -> Iterator[Finding]:
    """Team colors whose contrast with white is below `least`."""
    for team in org.teams:
        if team.color is None:
            continue
        ratio = contrast(team.color, WHITE)
        if ratio < least:
            yield (team.at("color"),
                   f"team '{team.id}' has color '{team.color}', {ratio:.2f}:1 against the "
                   f"white of the cards and legend (at least {least:g}:1 shows): its cards' "
                   "band and its legend swatch are barely visible; pick a darker shade")


def _alike(apart: float, teams: list[Team]) -> Iterator[Finding]:
    """Each of `teams` whose color a compared theme draws less than `apart` from an
    earlier one's other color (the first such), at its color; a color named again is not."""
    colored = [(team, "#" + hex_digits(team.color or "").upper()) for team in teams]
    if len({color for _, color in colored}) < 2:
        return
    from orgviz.render.themes import THEMES, accent  # (only for an org of team colors)

    drawn = {name: {color: accent(THEMES[name], color) for _, color in colored}
             for name in COMPARED}
    labs = {name: {color: lab(shown) for color, shown in colors.items()}
            for name, colors in drawn.items()}
    earlier: list[tuple[Team, str]] = []  # (the first team of each color before)
    seen: set[str] = set()
    # Each earlier color by the band of lightness (L*) it is drawn in, theme by theme: two
    # colors whose bands are not next to each other on any theme are not alike (see
    # `_first_alike`), so a color is compared with those of its own and the next bands only.
    width = apart * _MOST_S_L
    bands: dict[str, dict[int, list[int]]] = {name: {} for name in labs}
    for team, color in colored:
        if color in seen:
            continue  # (a color named again: the teams mean to share it)
        near: set[int] = set()
        for name, of in labs.items():
            band = math.floor(of[color][0] / width)
            for step in (band - 1, band, band + 1):
                near.update(bands[name].get(step, ()))
        for at in sorted(near):  # (the earliest alike one first)
            other, other_color = earlier[at]
            found = _first_alike(labs, color, other_color, apart)
            if found is not None:
                name, gap = found
                yield team.at("color"), _alike_message(
                    team.id, team.color or color, other.id, other.color or other_color,
                    name, drawn[name][color], drawn[name][other_color], gap, apart)
                break
        for name, of in labs.items():
            bands[name].setdefault(math.floor(of[color][0] / width), []).append(len(earlier))
        earlier.append((team, color))
        seen.add(color)


def _first_alike(labs: Mapping[str, Mapping[str, Lab]], color: str, other: str,
                 apart: float) -> tuple[str, float] | None:
    """The first compared theme that draws two colors less than `apart` apart, and how far
    apart; None when every one tells them apart."""
    for name, of in labs.items():
        first, second = of[color], of[other]
        if abs(first[0] - second[0]) >= apart * _MOST_S_L:
            continue
        gap = ciede2000(first, second)
        if gap < apart:
            return name, gap
    return None


def _alike_message(team: str, color: str, other: str, other_color: str, theme: str,
                   shown: str, other_shown: str, gap: float, apart: float) -> str:
    """What a finding of two teams' colors drawn alike says."""
    if theme == "light":
        return (f"team '{team}' has color '{color}', alike to team '{other}''s "
                f"'{other_color}' (CIEDE2000 {gap:.1f}, at least {apart:g} tells them "
                "apart): the legend cannot say which cards are whose; pick colors further "
                "apart")
    return (f"team '{team}' has color '{color}'{_drawn(shown, color)}, alike on the {theme} "
            f"theme's cards to team '{other}''s '{other_color}'"
            f"{_drawn(other_shown, other_color)} (CIEDE2000 {gap:.1f}, at least {apart:g} "
            "tells them apart; a color below 3:1 on those cards is drawn lighter): the legend "
            "cannot say which cards are whose; pick colors further apart in hue")


def _drawn(shown: str, color: str) -> str:
    """", drawn as `shown`" when a theme draws `color` in another shade, else ""."""
    return "" if shown.upper() == "#" + hex_digits(color).upper() else f", drawn '{shown}'"
