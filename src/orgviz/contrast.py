"""Colors against the surface they are drawn on: WCAG's contrast ratio, CIELAB (D65) and
OKLab, and the shade of a color, of the same hue, that reaches a contrast on a surface.

A team's color is the band along the top of its cards and its legend swatch. Picked on
white (the default theme), a dark navy is all but invisible on the dark theme's cards
(`#1F3A5F`: 1.31:1 on `#22272E`); `legible` gives the shade of it such a theme draws: the
same OKLCh hue, lighter (on a dark surface) or darker (on a light one) just enough to
reach the contrast asked for, its chroma kept where sRGB holds it. OKLab, not CIELAB: a
blue lightened at CIELAB's hue turns purple (navy `#1A237E` became `#6D61C8`, the violet of
indigo `#311B92` lightened, `#7C57D7`); OKLab's hues hold as a color lightens.
"""

from __future__ import annotations

import math
from functools import lru_cache

Lab = tuple[float, float, float]

#: D65 reference white (CIE XYZ, Y = 1).
_WHITE_X, _WHITE_Z = 0.95047, 1.08883
#: Steps of the searches for a lightness and a chroma (halvings of their range).
_STEPS = 40


def hex_digits(color: str) -> str:
    """The six hex digits of a `#rgb` or `#rrggbb` color."""
    digits = color[1:]
    return "".join(d * 2 for d in digits) if len(digits) == 3 else digits


def _channels(color: str) -> tuple[float, float, float]:
    """The red, green and blue (0 to 1) of a `#rgb` or `#rrggbb` color."""
    digits = hex_digits(color)
    red, green, blue = (int(digits[i:i + 2], 16) / 255 for i in (0, 2, 4))
    return red, green, blue


def _linear(channel: float) -> float:
    """An sRGB channel (0 to 1) made linear."""
    return channel / 12.92 if channel <= 0.03928 else ((channel + 0.055) / 1.055) ** 2.4


def _encoded(channel: float) -> float:
    """A linear channel (0 to 1) in sRGB's encoding."""
    return 12.92 * channel if channel <= 0.0031308 else 1.055 * channel ** (1 / 2.4) - 0.055


def luminance(color: str) -> float:
    """WCAG's relative luminance of a `#rgb` or `#rrggbb` color."""
    red, green, blue = (_linear(c) for c in _channels(color))
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast(first: str, second: str) -> float:
    """WCAG's contrast ratio of two `#rgb` or `#rrggbb` colors (1 to 21)."""
    lighter, darker = sorted((luminance(first), luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def _f(t: float) -> float:
    """CIELAB's companding of a tristimulus ratio."""
    return t ** (1 / 3) if t > 216 / 24389 else (24389 / 27 * t + 16) / 116


def lab(color: str) -> Lab:
    """CIELAB (D65) of a `#rgb` or `#rrggbb` color."""
    r, g, b = (_linear(c) for c in _channels(color))
    x = (0.4124564 * r + 0.3575761 * g + 0.1804375 * b) / _WHITE_X
    y = 0.2126729 * r + 0.7151522 * g + 0.0721750 * b
    z = (0.0193339 * r + 0.1191920 * g + 0.9503041 * b) / _WHITE_Z
    fx, fy, fz = _f(x), _f(y), _f(z)
    return 116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)


def _linear_rgb(lightness: float, a: float, b: float) -> tuple[float, float, float]:
    """Linear sRGB (unclipped) of an OKLab color (Ottosson 2020)."""
    long_ = (lightness + 0.3963377774 * a + 0.2158037573 * b) ** 3
    medium = (lightness - 0.1055613458 * a - 0.0638541728 * b) ** 3
    short = (lightness - 0.0894841775 * a - 1.2914855480 * b) ** 3
    return (4.0767416621 * long_ - 3.3077115913 * medium + 0.2309699292 * short,
            -1.2684380046 * long_ + 2.6097574011 * medium - 0.3413193965 * short,
            -0.0041960863 * long_ - 0.7034186147 * medium + 1.7076147010 * short)


def oklab(color: str) -> Lab:
    """OKLab (Ottosson 2020: lightness 0 to 1) of a `#rgb` or `#rrggbb` color."""
    r, g, b = (_linear(c) for c in _channels(color))
    long_ = (0.4122214708 * r + 0.5363325363 * g + 0.0514459929 * b) ** (1 / 3)
    medium = (0.2119034982 * r + 0.6806995451 * g + 0.1073969566 * b) ** (1 / 3)
    short = (0.0883024619 * r + 0.2817188376 * g + 0.6299787005 * b) ** (1 / 3)
    return (0.2104542553 * long_ + 0.7936177850 * medium - 0.0040720468 * short,
            1.9779984951 * long_ - 2.4285922050 * medium + 0.4505937099 * short,
            0.0259040371 * long_ + 0.7827717662 * medium - 0.8086757660 * short)


def _in_gamut(lightness: float, a: float, b: float) -> bool:
    """Whether sRGB holds an OKLab color."""
    return all(-1e-9 <= c <= 1 + 1e-9 for c in _linear_rgb(lightness, a, b))


def _hex(lightness: float, a: float, b: float) -> str:
    """The `#RRGGBB` nearest an OKLab color (clipped to sRGB)."""
    channels = (min(1.0, max(0.0, c)) for c in _linear_rgb(lightness, a, b))
    return "#" + "".join(f"{round(_encoded(c) * 255):02X}" for c in channels)


def _shade(lightness: float, chroma: float, hue: float) -> str:
    """The color of this OKLab lightness and hue (radians) with the most chroma up to
    `chroma` that sRGB holds."""
    if not chroma:  # (a gray: red, green and blue alike)
        level = round(_encoded(min(1.0, max(0.0, lightness ** 3))) * 255)
        return f"#{level:02X}{level:02X}{level:02X}"
    a, b = math.cos(hue), math.sin(hue)
    if _in_gamut(lightness, chroma * a, chroma * b):
        return _hex(lightness, chroma * a, chroma * b)
    low, high = 0.0, chroma
    for _ in range(_STEPS):
        middle = (low + high) / 2
        if _in_gamut(lightness, middle * a, middle * b):
            low = middle
        else:
            high = middle
    return _hex(lightness, low * a, low * b)


def mix(color: str, surface: str, strength: float) -> str:
    """`color` drawn at `strength` (0 to 1) opacity over `surface`, as SVG composites it
    (in sRGB's encoding): `#RRGGBB`."""
    channels = zip(_channels(color), _channels(surface), strict=True)
    return "#" + "".join(f"{round((s + strength * (c - s)) * 255):02X}" for c, s in channels)


@lru_cache(maxsize=4096)
def legible(color: str, surface: str, ratio: float) -> str:
    """`color` if its contrast with `surface` is at least `ratio`, else the shade of its
    OKLCh hue that is the least lighter (on a dark surface) or darker (on a light one)
    that reaches `ratio` (`#RRGGBB`); white or black when no shade of the hue does."""
    if contrast(color, surface) >= ratio:
        return color
    lightness, a, b = oklab(color)
    digits = hex_digits(color).lower()
    gray = digits[0:2] == digits[2:4] == digits[4:6]
    chroma, hue = (0.0 if gray else math.hypot(a, b)), math.atan2(b, a)
    lighter = luminance(surface) < 0.18  # (the middle gray's luminance: L* 50)
    end = 1.0 if lighter else 0.0
    if contrast(_shade(end, chroma, hue), surface) < ratio:
        return "#FFFFFF" if lighter else "#000000"
    low, high = lightness, end  # (low fails, high reaches the ratio)
    for _ in range(_STEPS):
        middle = (low + high) / 2
        if contrast(_shade(middle, chroma, hue), surface) >= ratio:
            high = middle
        else:
            low = middle
    return _shade(high, chroma, hue)


def _hue_degrees(a: float, b: float) -> float:
    """A CIELAB hue angle in degrees (0 for a gray)."""
    return math.degrees(math.atan2(b, a)) % 360 if (a or b) else 0.0


def ciede2000(first: Lab, second: Lab) -> float:
    """The CIEDE2000 difference of two CIELAB colors (Sharma, Wu and Dalal 2005): about 1
    is just seen side by side, 5 and more told apart at a glance."""
    l1, a1, b1 = first
    l2, a2, b2 = second
    c_mean = (math.hypot(a1, b1) + math.hypot(a2, b2)) / 2
    g = 0.5 * (1 - math.sqrt(c_mean ** 7 / (c_mean ** 7 + 25 ** 7)))
    a1, a2 = (1 + g) * a1, (1 + g) * a2
    c1, c2 = math.hypot(a1, b1), math.hypot(a2, b2)
    h1, h2 = _hue_degrees(a1, b1), _hue_degrees(a2, b2)
    dh = 0.0
    if c1 * c2:
        dh = h2 - h1 - 360 if h2 - h1 > 180 else h2 - h1 + 360 if h2 - h1 < -180 else h2 - h1
    d_l, d_c = l2 - l1, c2 - c1
    d_h = 2 * math.sqrt(c1 * c2) * math.sin(math.radians(dh / 2))
    l_mean, c_mean = (l1 + l2) / 2, (c1 + c2) / 2
    if not c1 * c2:
        h_mean = h1 + h2
    elif abs(h1 - h2) <= 180:
        h_mean = (h1 + h2) / 2
    else:
        h_mean = (h1 + h2 + 360) / 2 if h1 + h2 < 360 else (h1 + h2 - 360) / 2
    t = (1 - 0.17 * math.cos(math.radians(h_mean - 30)) + 0.24 * math.cos(math.radians(2 * h_mean))
         + 0.32 * math.cos(math.radians(3 * h_mean + 6))
         - 0.20 * math.cos(math.radians(4 * h_mean - 63)))
    s_l = 1 + 0.015 * (l_mean - 50) ** 2 / math.sqrt(20 + (l_mean - 50) ** 2)
    s_c, s_h = 1 + 0.045 * c_mean, 1 + 0.015 * c_mean * t
    r_t = (-2 * math.sqrt(c_mean ** 7 / (c_mean ** 7 + 25 ** 7))
           * math.sin(math.radians(60 * math.exp(-(((h_mean - 275) / 25) ** 2)))))
    return math.sqrt((d_l / s_l) ** 2 + (d_c / s_c) ** 2 + (d_h / s_h) ** 2
                     + r_t * (d_c / s_c) * (d_h / s_h))


def difference(first: str, second: str) -> float:
    """CIEDE2000 between two `#rgb` or `#rrggbb` colors."""
    return ciede2000(lab(first), lab(second))
