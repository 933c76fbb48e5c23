"""A level row's label names what the cards in its band are, not what most of them are not."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from renderkit import SETUPS

from orgviz.loader import load
from orgviz.model import Org
from orgviz.render import RenderOptions, render

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
    # INDIVIDUAL CONTRIBUTORS; top-down with dot, 8 managers in the row so labelled)
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
