"""A team's color is too light to see on the default theme's white cards and legend.

A team's `color` is the band along the top of each of its cards and its swatch in the
legend. On white (the default `light` theme, `print` and `high-contrast`) a color whose
contrast with white is below `min-contrast` (WCAG's contrast ratio, 1.25 by default: `#E8E8E8`
is 1.23) draws nothing a reader can see: the team's cards look like no team's. Pick a
darker shade, or switch the rule off for a chart only ever drawn with `--theme dark`.

Passes:

    teams:
      - {id: product, name: Product, color: '#4C78A8'}
    people:
      - {id: dana, name: Dana Reyes, team: product}

Fails (line 2):

    teams:
      - {id: product, name: Product, color: '#FFFFFF'}
    people:
      - {id: dana, name: Dana Reyes, team: product}
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from orgviz.contrast import contrast
from orgviz.model import Org
from orgviz.rules import Finding

ID = "team-color"
LEVEL = "warning"
DEFAULTS: dict[str, Any] = {"min-contrast": 1.25}
#: The least value of each option (a ratio below 1 would find nothing).
MINIMUMS = {"min-contrast": 1}
#: The greatest value of each option: WCAG's contrast ratio is at most 21 (black on white), so
#: a greater `min-contrast` would flag every color.
MAXIMUMS = {"min-contrast": 21.0}
#: The background the color is drawn on: the light, print and high-contrast themes' cards.
WHITE = "#FFFFFF"


def check(org: Org, options: Mapping[str, Any]) -> Iterator[Finding]:
    """Report team colors whose contrast with white is below `min-contrast`."""
    least: float = options["min-contrast"]
    for team in org.teams:
        if team.color is None:
            continue
        ratio = contrast(team.color, WHITE)
        if ratio < least:
            yield (team.at("color"),
                   f"team '{team.id}' has color '{team.color}', {ratio:.2f}:1 against the "
                   f"white of the cards and legend (at least {least:g}:1 shows): its cards' "
                   "band and its legend swatch are barely visible; pick a darker shade")
