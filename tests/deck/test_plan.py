"""The split rule: every chart slide is readable, everybody is on a slide, cuts are marked."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from deckkit import SMALL, deep_wide_yaml

from orgviz.deck.build import DeckOptions, build_deck
from orgviz.deck.draw import Drawer
from orgviz.deck.frame import default_frame
from orgviz.deck.plan import DeckError, Planner, Tree
from orgviz.loader import load
from orgviz.render.chart import View, build_chart
from orgviz.render.themes import THEMES


def _planner(org, split: str = "team", min_font: float = 9.0, depth: int = 3) -> Planner:
    theme = THEMES["light"]
    tree = Tree(build_chart(org, View(), theme))
    return Planner(tree, Drawer(org, theme), default_frame(), split=split, depth=depth,
                   min_font=min_font,
                   team_of={pid: p.team for pid, p in org.by_id.items()})


def _readable(deck) -> None:
    charts = [slide for slide in deck.slides if slide.picture is not None]
    assert charts
    for slide in charts:
        picture = slide.picture
        scale = picture.scale(deck.frame, deck.min_font)
        # The rule: smallest text x (placed width / chart width) >= the minimum font size.
        place = deck.frame.placed(picture.width, picture.height, deck.min_font,
                                  picture.min_text)
        assert place.w / picture.width == pytest.approx(scale)
        assert picture.min_text * scale >= deck.min_font - 1e-6, slide.title
        # ... and the chart stays inside its area on the slide.
        area = deck.frame.chart
        assert area.x - 1e-6 <= place.x and place.x + place.w <= area.right + 1e-6
        assert area.y - 1e-6 <= place.y and place.y + place.h <= area.bottom + 1e-6


@pytest.mark.parametrize("split", ["team", "manager", "depth"])
@pytest.mark.parametrize("min_font", [9.0, 12.0])
def test_deep_and_wide_org_is_readable_on_every_slide(org_file: Callable[..., Path],
                                                      split: str, min_font: float) -> None:
    org = load(org_file(deep_wide_yaml(60)))
    deck = build_deck([(org, ())], DeckOptions(split=split, min_font=min_font))
    _readable(deck)
    titles = [slide.title for slide in deck.slides]
    # The 60-report manager's team is spread over several slides, "(1 of N)".
    spread = [t for t in titles if re.search(r"Person Wide.*\(\d+ of \d+\)$", t)]
    assert len(spread) >= 2, titles


def test_everybody_is_on_a_slide_and_every_cut_leads_somewhere(org_file) -> None:
    org = load(org_file(deep_wide_yaml(60)))
    planner = _planner(org)
    overview, parts = planner.plan()
    drawn = set()
    roots = {part.root for part in parts if part.chunk == 1}
    for part in [*overview, *parts]:
        shown = planner.visible(part)
        drawn.update(shown)
        for pid in part.continued:
            assert pid in shown
            assert pid in roots or part.overview  # a continued team has its own slide
        assert part.drawn is not None
    assert drawn == set(org.by_id)
    # Chunks of one manager partition its reports.
    wide = [part for part in parts if part.root == "wide"]
    reports = [pid for part in wide for pid in part.reports or ()]
    assert sorted(reports) == sorted(org.reports["wide"])
    assert all(part.chunks == len(wide) for part in wide)


def test_split_modes_cut_where_they_say(org_file) -> None:
    org = load(org_file(SMALL))
    manager = _planner(org, "manager")
    _, parts = manager.plan()
    # One slide per manager: each shows its root and direct reports only.
    for part in parts:
        for pid in manager.visible(part):
            boss = manager.tree.manager.get(pid)
            assert pid == part.root or boss == part.root
    team = _planner(org, "team")
    _, parts = team.plan()
    for part in parts:
        teams = {org.by_id[pid].team for pid in team.visible(part)
                 if pid not in part.continued}
        assert len(teams - {None}) <= 2  # the team, and reports of another team without teams


def test_a_slide_too_small_is_an_error(org_file) -> None:
    from orgviz.deck.frame import Rect, replace_chart

    org = load(org_file(SMALL))
    frame = replace_chart(default_frame(), Rect(24, 80, 120, 60))
    with pytest.raises(DeckError, match="too small"):
        build_deck([(org, ())], DeckOptions(), frame)


def test_options_are_checked() -> None:
    for options, message in ((DeckOptions(split="x"), "unknown split"),
                             (DeckOptions(depth=1), "at least 2"),
                             (DeckOptions(min_font=2), "between 4 and 40"),
                             (DeckOptions(theme="neon"), "unknown theme"),
                             (DeckOptions(title="x" * 500), "longer than")):
        with pytest.raises(DeckError, match=message):
            options.verified()
