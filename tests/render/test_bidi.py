"""Text whose first strong character is right-to-left reads right to left as a whole."""

from __future__ import annotations

import importlib.util
import io
from collections.abc import Callable
from pathlib import Path

import pytest

from orgviz.loader import load
from orgviz.render import render, resvgfonts
from orgviz.render.convert import svg_to_png
from orgviz.render.labels import in_reading_order, right_to_left

HAS_PIL = importlib.util.find_spec("PIL") is not None
HAS_RESVG = importlib.util.find_spec("resvg_py") is not None
RLI, PDI = "\u2067", "\u2069"


def test_the_first_strong_character_decides() -> None:
    assert right_to_left("ليلى حداد (CEO)") and right_to_left("3 - דוד כהן")
    assert not right_to_left("Omar Khalil عمر خليل") and not right_to_left("3 (x)")
    assert not right_to_left("") and not right_to_left("12 - 34")
    assert in_reading_order("ليلى حداد (CEO)") == f"{RLI}ليلى حداد (CEO){PDI}"
    assert in_reading_order("Omar Khalil عمر خليل") == "Omar Khalil عمر خليل"
    assert in_reading_order("דוד כהן.") == f"{RLI}דוד כהן.{PDI}"  # the stop goes left
    # All in one direction, a line reads the same both ways: left as it is.
    assert in_reading_order("محمد العلي") == "محمد العلي"
    assert in_reading_order("נועה בן-דוד 3") == "נועה בן-דוד 3"
    assert in_reading_order("", "محمد") == ""
    # A wrapped line takes its paragraph's direction: the second line of an Arabic title.
    assert in_reading_order("EMEA 2024", "مدير المنتج، EMEA 2024") == f"{RLI}EMEA 2024{PDI}"


def test_a_chart_draws_right_to_left_lines_between_isolates(org_file: Callable[..., Path]) -> None:
    org = load(org_file("""\
        orgviz: 1
        org: {name: "شركة المثال", size: small}
        teams:
          - {id: eng, name: "الهندسة - Engineering", color: "#4C78A8", lead: a}
        people:
          - {id: a, name: "ليلى حداد (CEO)", title: Chief Executive Officer, team: eng}
          - {id: b, name: "Omar Khalil عمر خليل", title: "مدير المنتج، EMEA 2024",
             reports_to: a, team: eng}
        """))
    svg = render(org).decode()
    for text in ("ليلى حداد (CEO)", "مدير المنتج، EMEA 2024", "الهندسة - Engineering"):
        assert f">{RLI}{text}{PDI}</text>" in svg, text
    for text in ("Omar Khalil عمر خليل", "Chief Executive Officer", "شركة المثال"):
        assert f">{text}</text>" in svg, text
    assert render(org) == render(org)


def left_ink(text: str) -> bytes:
    """The pixels of the left 60 px of `text` drawn by resvg from x = 10 in DejaVu Sans."""
    from PIL import Image

    svg = ('<svg xmlns="http://www.w3.org/2000/svg" width="400" height="40">'
           '<rect width="400" height="40" fill="#fff"/><text x="10" y="28" font-size="20" '
           f'font-family="DejaVu Sans">{text}</text></svg>').encode()
    return Image.open(io.BytesIO(svg_to_png(svg))).convert("L").crop((0, 0, 60, 40)).tobytes()


@pytest.mark.skipif(not (HAS_PIL and HAS_RESVG), reason="needs Pillow and resvg-py")
def test_resvg_draws_the_latin_end_of_a_right_to_left_line_at_its_left() -> None:
    if resvgfonts.installed_fonts().face("DejaVu Sans", False, False) is None:
        pytest.skip("DejaVu Sans is not installed")
    # Left to right (as before), the Arabic stood at the left and (CEO) at the right.
    assert left_ink(in_reading_order("ليلى حداد (CEO)")) == left_ink("(CEO)")
    assert left_ink("ليلى حداد (CEO)") != left_ink("(CEO)")
