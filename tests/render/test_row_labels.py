"""A level row's label names what the cards in its band are, not what most of them are not."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from renderkit import SETUPS

from orgviz.loader import load
from orgviz.model import Org
from orgviz.render import RenderOptions, render
from orgviz.render.svg import MARGIN

IC = "INDIVIDUAL"  # the first line of "INDIVIDUAL CONTRIBUTORS" (TB), or all of it (LR)


def wide_org(org_file: Callable[..., Path]) -> Org:
    """A CEO with 60 managers without reports (a block of leaves) and one with 5 engineers."""
    people = "".join(f"  - {{id: m{i}, name: Manager {i}, title: Engineering Manager, "
                     f"reports_to: ceo}}\n" for i in range(60))
    people += "".join(f"  - {{id: e{i}, name: Eng {i}, title: Software Engineer, "
                      f"reports_to: m0}}\n" for i in range(5))
    return load(org_file("orgviz: 1\norg: {name: Wide, size: enterprise}\npeople:\n"
                         "  - {id: ceo, name: Boss, title: Chief Executive Officer}\n" + people))


def labels(svg: bytes) -> str:
    """The level labels drawn (bold, letter-spaced text), one string."""
    text = svg.decode()
    return " ".join(part.split(">", 1)[1].split("<", 1)[0]
                    for part in text.split("<text")[1:] if 'letter-spacing="0.6"' in part)


@pytest.mark.parametrize("setup", SETUPS)
@pytest.mark.parametrize("direction", ["TB", "LR"])
def test_a_row_mostly_of_stacked_managers_is_not_labelled_individual_contributors(
        org_file: Callable[..., Path], setup: dict, direction: str) -> None:
    org = wide_org(org_file)
    compact = "off" if setup["layout"] == "tidy" else "auto"  # (no lists: only the block)
    svg = render(org, "svg", RenderOptions(**setup, direction=direction, compact=compact))
    # (left to right, the block's second column of 8 managers stood in the column labelled
    # INDIVIDUAL CONTRIBUTORS; top-down with dot, 8 managers in the row so labelled. Left to
    # right, each level's column now holds its blocks (with dot: a block's further columns
    # take further ranks of its level row): the managers' block stands in the managers'
    # column, the engineers alone in theirs, each labelled what it holds)
    if direction == "LR":
        assert labels(svg).split() == ["CEO", "MANAGER", "/", "LEAD", "INDIVIDUAL",
                                       "CONTRIBUTORS"]
    else:
        assert IC not in labels(svg)
    assert "CEO" in labels(svg)


def test_a_stack_passing_through_a_row_of_its_own_cards_leaves_it_labelled(
        org_file: Callable[..., Path]) -> None:
    people = "".join(f"  - {{id: e{i}, name: E{i}, title: Software Engineer, reports_to: m}}\n"
                     for i in range(6))
    org = load(org_file("orgviz: 1\norg: {name: Bands, size: small}\npeople:\n"
                        "  - {id: ceo, name: Cee, title: Chief Executive Officer}\n"
                        "  - {id: d, name: Dee, title: Director of Engineering, reports_to: ceo}\n"
                        "  - {id: m, name: Em, title: Engineering Manager, reports_to: d}\n"
                        + people))
    assert labels(render(org)).split() == ["CEO", "DIRECTOR", "MANAGER", "/", "LEAD",
                                           "INDIVIDUAL", "CONTRIBUTORS"]


CARD = re.compile(r'<g transform="translate\(([-\d.]+) ([-\d.]+)\)"><title>[^<]*</title>'
                  r'<rect width="([\d.]+)" height="([\d.]+)"')
SIZE = re.compile(r'<svg [^>]*width="([\d.]+)" height="([\d.]+)"')


def unlabelled_org(org_file: Callable[..., Path], engineer: str = "Software Engineer") -> Org:
    """An org whose one labelled row is not labelled when drawn top-down: a root of no known
    level, a row of managers and directors (two levels: no label) and the engineers' row,
    whose band holds more of the managers' block than engineers (as in `wide_org`). Left to
    right the managers' block stands in the managers' column: the engineers' is labelled,
    unless their title (`engineer`) has no level either."""
    titles = ["Director of Engineering", "Engineering Manager"]
    people = "".join(f"  - {{id: m{i}, name: Manager {i}, title: {titles[i % 2]}, "
                     f"reports_to: ceo}}\n" for i in range(60))
    people += "".join(f"  - {{id: e{i}, name: Eng {i}, title: {engineer}, "
                      f"reports_to: m0}}\n" for i in range(5))
    return load(org_file("orgviz: 1\norg: {name: Wide, size: enterprise}\npeople:\n"
                         "  - {id: ceo, name: Boss, title: Chief Wizard}\n" + people))


def extent(svg: str) -> tuple[float, float, float, float]:
    """The cards' left, top, right and bottom edges."""
    found = [tuple(map(float, m.groups())) for m in CARD.finditer(svg)]
    return (min(x for x, _, _, _ in found), min(y for _, y, _, _ in found),
            max(x + w for x, _, w, _ in found), max(y + h for _, y, _, h in found))


def test_a_chart_with_no_row_labelled_keeps_no_room_for_labels(
        org_file: Callable[..., Path]) -> None:
    # (before: the 118 px column left of the cards, and left to right the 30 px row above
    # them, stayed empty: the chart 2,294 x 788 px, its first card 146 px from the left)
    orgs = {"TB": unlabelled_org(org_file), "LR": unlabelled_org(org_file, "Wizard")}
    drawn = {d: render(org, "svg", RenderOptions(direction=d, compact="off")).decode()
             for d, org in orgs.items()}
    assert all(not labels(svg.encode()) for svg in drawn.values())
    left, top, right, bottom = extent(drawn["TB"])
    width, height = map(float, SIZE.search(drawn["TB"]).groups())
    assert (left, width) == (MARGIN, right + MARGIN)
    assert height == bottom + MARGIN
    lr_left, lr_top, lr_right, lr_bottom = extent(drawn["LR"])
    lr_width, lr_height = map(float, SIZE.search(drawn["LR"]).groups())
    assert (lr_left, lr_width) == (MARGIN, lr_right + MARGIN)
    assert (lr_top, lr_height) == (top, lr_bottom + MARGIN)  # right below the same header
