"""Chart themes as data: colors, line widths and the font stack, one entry per theme."""

from __future__ import annotations

import re
from typing import NamedTuple

from orgviz.contrast import contrast, legible, mix
from orgviz.errors import RenderError

#: A font stack: the first family installed on the viewer's machine wins.
DEFAULT_FONT = "Helvetica, Arial, 'Liberation Sans', 'DejaVu Sans', sans-serif"

#: Font families a chart may name (anything else is refused: the font ends up in SVG
#: attributes and in the DOT source).
KNOWN_FONTS = frozenset({
    "helvetica", "arial", "liberation sans", "dejavu sans", "inter", "roboto", "open sans",
    "source sans pro", "source sans 3", "noto sans", "segoe ui", "system-ui", "-apple-system",
    "verdana", "tahoma", "trebuchet ms", "calibri", "lato", "ibm plex sans", "fira sans",
    "georgia", "times", "times new roman", "liberation serif", "dejavu serif", "noto serif",
    "courier", "courier new", "liberation mono", "dejavu sans mono", "menlo", "consolas",
    "sans-serif", "serif", "monospace",
})
_FAMILY = re.compile(r"^['\"]?([A-Za-z0-9 \-]+)['\"]?$")


def verify_font(stack: str) -> str:
    """Return a font stack if every family in it is a known font name, else raise."""
    families = [f.strip() for f in stack.split(",")]
    for family in families:
        match = _FAMILY.match(family)
        if not match or match.group(1).strip().lower() not in KNOWN_FONTS:
            raise RenderError(f"unknown font {family!r} in font: use font families such as "
                              f"Helvetica, Arial, Inter, Roboto, sans-serif")
    return ", ".join(families)


class Theme(NamedTuple):
    """Everything that decides how the chart looks, apart from the layout."""

    name: str
    background: str
    text: str  # names
    muted: str  # titles
    #: Team names, level row labels, "collapsed" notes, the legend heading: small text, at
    #: least 4.5:1 (WCAG AA) on every fill it is drawn on (background, row band, cards).
    faint: str
    card_fill: str
    card_border: str
    open_fill: str
    open_border: str
    rollup_fill: str
    rollup_border: str
    line: str  # solid reporting lines
    dotted_line: str
    broken: str  # reporting lines and cards that fail validation (--force)
    row_band: str  # every other level row is tinted with this
    accent_default: str  # accent stripe when coloring by nothing
    #: Colors for teams without their own color, in team order.
    palette: tuple[str, ...]
    #: Accent colors by level band, one per band of chart.BANDS.
    level_colors: tuple[str, ...]
    #: Paper: the grays a chart's teams take in team order (`spread`), in place of their
    #: colors (whose own grays can be alike); () to show each team color as it is.
    team_grays: tuple[str, ...] = ()
    #: The least contrast (WCAG) of a card's accent against the cards: a team color below
    #: it is drawn in a shade of its hue that reaches it (`accent`); 0: as the file says.
    accent_contrast: float = 0.0
    line_width: float = 1.4
    border_width: float = 1.0
    accent_height: float = 5.0
    grayscale: bool = False
    font: str = DEFAULT_FONT


#: Team colors: Vega's Tableau 10, then ten more picked greedily from known qualitative
#: palettes (Tableau 20, Observable 10, Kelly, ColorBrewer) to be as far as possible
#: (CIEDE2000) from every color before them: each of the 20 is at least 15 apart from all
#: the others (the Tableau 10 among themselves: 18), has a contrast of at least 1.5:1 on
#: white and 2.5:1 on the dark theme's cards, so one list serves both themes (the dark
#: theme draws the three below ACCENT_CONTRAST there a shade lighter, `accent`: #666666,
#: #B3446C and #875692 as #707070, #B84870 and #8F5D9A). The first ten stay first: charts
#: of up to ten teams keep their colors.
_TABLEAU = ("#4C78A8", "#F58518", "#54A24B", "#E45756", "#72B7B2", "#B279A2", "#EECA3B",
            "#9D755D", "#FF9DA6", "#BAB0AC",
            "#97BBF5", "#B3DE69", "#666666", "#A463F2", "#0B7C86", "#8A8A24", "#B3446C",
            "#CAB2D6", "#C2B280", "#875692")
#: The high-contrast theme's team colors: all at least 4.5:1 on white (the first ten as
#: before; the ten after them picked the same way as for _TABLEAU, from dark colors).
_HIGH_CONTRAST = ("#0050B3", "#B34700", "#1E7B1E", "#B3001B", "#006D75", "#6B2C91",
                  "#7A5C00", "#5C3D2E", "#A3005C", "#404040",
                  "#1B4332", "#6D597A", "#4B5320", "#000080", "#0077B6", "#6A5ACD",
                  "#B5179E", "#455A64", "#827717", "#008856")
#: Accent colors by level band (CEO, C-level, SVP / EVP, VP, Head, Director, Manager / Lead,
#: Supervisor, ICs): navy, teal, sand, brown, purple, sky, pink, olive and a calm gray for
#: the many ICs. A chart seldom has all nine bands (no SVP, Head or Supervisor row), so any
#: two bands up to three apart can meet in neighbouring rows: they are all kept apart, for
#: normal vision and protan, deutan and tritan vision (Machado 2009); bands further apart
#: less so. Picked by a search over a grid of sRGB colors (steps of 0x11, Lab chroma at
#: most 60, on the cards' contrast) for the largest least distance, each pair weighed by
#: what it needs (the CEO's navy kept); tests/render/test_level_colors.py measures them.
_LEVEL_COLORS = ("#1F3A5F", "#008877", "#CCAA77", "#884411", "#664499", "#33BBFF", "#DD7799",
                 "#999933", "#555555")
#: The same hues for the dark theme's cards (brown turns orange there), none below 3:1 on
#: them; searched the same way, each band within 25 degrees of hue of its light color.
_DARK_LEVEL_COLORS = ("#AA99FF", "#33AA88", "#EEDD88", "#BB6622", "#7777AA", "#88DDFF",
                      "#FFBBBB", "#AAAA33", "#777777")
#: Paper: a gray ramp from black (CEO) to light gray (ICs) in steps of equal CIEDE2000
#: distance, the lightest still 1.6:1 on white.
_PRINT_LEVEL_COLORS = ("#000000", "#222222", "#3B3B3B", "#525252", "#686868", "#7C7C7C",
                       "#929292", "#ABABAB", "#C8C8C8")
#: Paper: team accents, a gray ramp from black to the level ramp's lightest gray (1.67:1 on
#: white) in steps of equal CIEDE2000 distance (at least 12.2 apart): as many grays as stay
#: told apart in a 5 px band and a legend swatch on paper. A team's own color gives no gray
#: of its own: the grays of lightness alike (Design's #E45756 and Engineering's #54A24B both
#: #818181) say nothing, so a chart's teams take these in order instead (`spread`).
_PRINT_TEAM_GRAYS = ("#000000", "#303030", "#565656", "#787878", "#9C9C9C", "#C8C8C8")
#: The high-contrast theme's: all at least 4.5:1 on white (so none lighter than L* 54),
#: the same hues (within 30 degrees) darker, searched the same way: indigo, teal, olive,
#: maroon, aubergine, blue, raspberry, green, charcoal.
_HIGH_CONTRAST_LEVEL_COLORS = ("#554499", "#007766", "#777700", "#661100", "#442255",
                               "#3377CC", "#CC4477", "#226600", "#333333")

#: The least contrast of a team's band and swatch on the dark and high-contrast themes'
#: cards: WCAG's for the parts of a graphic needed to understand it (1.4.11, non-text
#: contrast). Team colors are picked on white, the default theme's cards, which draws them
#: as the file says (the team-color rule warns of those too light for it).
ACCENT_CONTRAST = 3.0

THEMES: dict[str, Theme] = {
    "light": Theme(
        name="light", background="#FFFFFF", text="#1F2933", muted="#3E4C59", faint="#616E7C",
        card_fill="#FFFFFF", card_border="#CBD2D9", open_fill="#F7F9FB",
        open_border="#7B8794", rollup_fill="#F0F4F8", rollup_border="#9AA5B1",
        line="#7B8794", dotted_line="#3B7DD8", broken="#D0021B", row_band="#F5F7FA",
        accent_default="#9AA5B1", palette=_TABLEAU, level_colors=_LEVEL_COLORS,
    ),
    "dark": Theme(
        name="dark", background="#161B22", text="#F0F3F6", muted="#C9D1D9", faint="#959DA6",
        card_fill="#22272E", card_border="#444C56", open_fill="#1C2128",
        open_border="#8B949E", rollup_fill="#2D333B", rollup_border="#636E7B",
        line="#768390", dotted_line="#6CB6FF", broken="#FF6B6B", row_band="#1C2128",
        accent_default="#636E7B", palette=_TABLEAU,
        level_colors=_DARK_LEVEL_COLORS, accent_contrast=ACCENT_CONTRAST,
    ),
    "print": Theme(
        name="print", background="#FFFFFF", text="#000000", muted="#262626", faint="#595959",
        card_fill="#FFFFFF", card_border="#8C8C8C", open_fill="#FFFFFF",
        open_border="#404040", rollup_fill="#F2F2F2", rollup_border="#8C8C8C",
        line="#404040", dotted_line="#404040", broken="#000000", row_band="#F2F2F2",
        accent_default="#8C8C8C", palette=_TABLEAU, level_colors=_PRINT_LEVEL_COLORS,
        team_grays=_PRINT_TEAM_GRAYS, grayscale=True,
    ),
    "high-contrast": Theme(
        name="high-contrast", background="#FFFFFF", text="#000000", muted="#000000",
        faint="#1A1A1A", card_fill="#FFFFFF", card_border="#000000", open_fill="#FFFFFF",
        open_border="#000000", rollup_fill="#FFFFFF", rollup_border="#000000",
        line="#000000", dotted_line="#0033CC", broken="#CC0000", row_band="#EBEBEB",
        accent_default="#000000", palette=_HIGH_CONTRAST,
        level_colors=_HIGH_CONTRAST_LEVEL_COLORS, accent_contrast=ACCENT_CONTRAST,
        line_width=2.0, border_width=2.0, accent_height=7.0,
    ),
}


def get_theme(name: str, font: str | None = None) -> Theme:
    """The theme called `name`, optionally with another (verified) font stack."""
    theme = THEMES.get(name)
    if theme is None:
        raise RenderError(f"unknown theme {name!r}: use one of {', '.join(THEMES)}")
    if font is not None:
        theme = theme._replace(font=verify_font(font))
    return theme


def rgb(color: str) -> tuple[int, int, int]:
    """The red, green and blue (0-255) of a `#rrggbb` color."""
    return int(color[1:3], 16), int(color[3:5], 16), int(color[5:7], 16)


def gray(color: str) -> str:
    """The gray of the same lightness as a `#rrggbb` color (for paper)."""
    r, g, b = rgb(color)
    level = round(0.299 * r + 0.587 * g + 0.114 * b)
    return f"#{level:02X}{level:02X}{level:02X}"


def accent(theme: Theme, color: str) -> str:
    """A card's accent color as this theme shows it (on its cards and in its legend): a
    gray on paper; on a theme with an `accent_contrast`, the shade of the color's hue that
    reaches it on the cards (lighter on dark cards), or the color itself if it does."""
    if theme.grayscale:
        return gray(color)
    if theme.accent_contrast:
        return legible(color, theme.card_fill, theme.accent_contrast)
    return color


#: How strongly an open role's accent is drawn over its card (the post is not filled):
#: paler and grayer than a filled post's, then no less legible than `open_accent` says.
OPEN_STRENGTH = 0.55
#: How much of a full accent's contrast above ACCENT_CONTRAST an open role's keeps, as a
#: power of the ratio (teams whose accents differ in lightness stay apart when open).
OPEN_KEEP = 0.3


def open_accent(theme: Theme, color: str) -> str:
    """An open role's accent on this theme: the card's accent (`accent`) drawn at
    OPEN_STRENGTH over the open card, or, where that falls below ACCENT_CONTRAST times the
    OPEN_KEEP power of the full accent's contrast over it, the least shade of its hue that
    reaches that (a full accent below ACCENT_CONTRAST: its own contrast, grayer). At 55%
    opacity alone, the dark theme's accents lightened to 3:1 fell to 1.7:1 to 2.4:1."""
    shown = accent(theme, color)
    full = contrast(shown, theme.open_fill)
    least = full if full < ACCENT_CONTRAST else (
        ACCENT_CONTRAST * (full / ACCENT_CONTRAST) ** OPEN_KEEP)
    return legible(mix(shown, theme.open_fill, OPEN_STRENGTH), theme.open_fill, least)


def spread(ramp: tuple[str, ...], count: int) -> list[str]:
    """`count` colors of `ramp`, as far apart as it allows: both its ends and evenly between
    them (one color: the ramp's middle); more colors than it holds repeat it in order."""
    if count >= len(ramp):
        return [ramp[index % len(ramp)] for index in range(count)]
    if count == 1:
        return [ramp[(len(ramp) - 1) // 2]]
    step = (len(ramp) - 1) / (count - 1)
    return [ramp[int(index * step + 0.5)] for index in range(count)]
