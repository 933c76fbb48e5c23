"""An open role's accent band: paler than a filled post's (the post is not filled), yet 3:1
on its card on every theme (it was the accent at 55% opacity: on the dark theme's cards a
team color lightened to 3:1 fell to 1.7:1 to 2.4:1, all but lost)."""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml

from orgviz.contrast import contrast, difference, lab
from orgviz.loader import load
from orgviz.render import RenderOptions, render
from orgviz.render.themes import ACCENT_CONTRAST, THEMES, accent, open_accent

ORGS = Path(__file__).resolve().parents[2] / "orgs"


def chroma(color: str) -> float:
    """A color's CIELAB chroma."""
    _, a, b = lab(color)
    return math.hypot(a, b)


def example_colors() -> list[str]:
    """Every team color of the example orgs, and the themes' own palettes."""
    found = {team["color"].upper() for path in sorted(ORGS.glob("*.yaml"))
             for team in yaml.safe_load(path.read_text(encoding="utf-8"))["teams"]
             if team.get("color")}
    for theme in THEMES.values():
        found.update(theme.palette + theme.level_colors)
    return sorted(found)


@pytest.mark.parametrize("color", example_colors())
@pytest.mark.parametrize("name", list(THEMES))
def test_an_open_roles_accent_is_paler_and_still_3_to_1(name: str, color: str) -> None:
    theme = THEMES[name]
    full, shown = accent(theme, color), open_accent(theme, color)
    ratio = contrast(full, theme.open_fill)
    if ratio >= ACCENT_CONTRAST:
        assert ACCENT_CONTRAST <= contrast(shown, theme.open_fill) <= ratio + 0.05, (full, shown)
    else:  # (a pale color the light theme draws as the file says: as legible, grayer)
        assert contrast(shown, theme.open_fill) >= ratio - 0.01, (full, shown)
    if ratio >= ACCENT_CONTRAST and chroma(full) > 10:  # (a gray of 3:1 cannot be paler)
        assert difference(full, shown) >= 3.5, (full, shown)  # (told from a filled post's)


def test_platform_engineering_s_open_role_on_dark(org_file: Callable[..., Path]) -> None:
    """The enterprise chart's open Software Engineer under Sakura Yamamoto: its band was
    the team's olive at 55% over #1C2128, 1.9:1."""
    org = load(org_file("""\
orgviz: 1
org: {name: Open, size: small}
teams:
  - {id: plat, name: Platform Engineering, color: '#667711'}
  - {id: navy, name: Navy, color: '#1A237E'}
people:
  - {id: a, name: Ann Lee, title: Engineering Manager, team: plat}
  - {id: b, vacant: true, title: Software Engineer, team: plat, reports_to: a}
  - {id: c, vacant: true, title: Software Engineer, team: navy, reports_to: a}
"""))
    dark = THEMES["dark"]
    svg = render(org, "svg", RenderOptions(theme="dark", layout="tidy"), notes=[]).decode()
    assert "fill-opacity" not in svg
    bands = re.findall(r'<g transform="[^"]*"><title>Open role[^<]*</title>.*?<path d="M[^"]*" '
                       r'fill="(#[0-9A-F]{6})"', svg)
    assert bands == [open_accent(dark, "#667711"), open_accent(dark, "#1A237E")]
    for band in bands:
        assert contrast(band, dark.open_fill) >= 3.0
