"""Reporting chains (each person the one report of the one before) are one subtree drawn in
columns on as few slides as fit, not a slide per person; a short chain above a team stays on
its manager's slide, cut where the team starts."""

from __future__ import annotations

import itertools
import math

import pytest

from orgviz.deck.build import DeckOptions, build_deck
from orgviz.deck.draw import Drawer
from orgviz.deck.frame import default_frame
from orgviz.deck.plan import MAX_LEVELS, Planner, Tree
from orgviz.loader import load
from orgviz.render.chart import View, build_chart
from orgviz.render.themes import THEMES

HEADER = ("orgviz: 1\norg: {name: Chain Co, size: enterprise, date: 2026-11-01}\n"
          "rules: {layers: off, single-report: off, same-rank: off, rank-inversion: off}\n")


def chain_yaml(levels: int, team: int = 0) -> str:
    """One reporting chain p0 <- p1 <- ... (and a team of `team` under its last person)."""
    lines = [HEADER + "people:"]
    for i in range(levels):
        to = f", reports_to: p{i - 1}" if i else ""
        lines.append(f"  - {{id: p{i}, name: Person {i}, title: Engineer{to}}}")
    for j in range(team):
        lines.append(f"  - {{id: t{j}, name: Member {j}, title: Engineer, "
                     f"reports_to: p{levels - 1}}}")
    return "\n".join(lines) + "\n"


def _planner(org, split: str = "team", min_font: float = 9.0) -> Planner:
    theme = THEMES["light"]
    tree = Tree(build_chart(org, View(), theme))
    return Planner(tree, Drawer(org, theme), default_frame(), split=split, min_font=min_font,
                   team_of={pid: p.team for pid, p in org.by_id.items()})


def _drawn_people(planner: Planner, parts) -> set[str]:
    return {pid for part in parts for pid in planner.visible(part)}


@pytest.mark.parametrize("split", ["team", "manager", "depth"])
@pytest.mark.parametrize("levels", [30, MAX_LEVELS])
def test_a_long_chain_takes_a_few_slides_with_everybody_on_them(org_file, split: str,
                                                               levels: int) -> None:
    org = load(org_file(chain_yaml(levels)))
    planner = _planner(org, split)
    _, parts = planner.plan()
    assert _drawn_people(planner, parts) == set(org.by_id)
    assert all(part.chain for part in parts)
    # 16 cards a slide at 9 pt (four columns of four), each slide but the last passing one
    # on to the next: a 30-person chain takes 2 slides, a 100-person one 7 (was one a person).
    per = len(planner.visible(parts[0]))
    assert per >= 12
    assert len(parts) == math.ceil((levels - 1) / (per - 1))
    assert len(parts) <= math.ceil(levels / 10)
    for before, after in itertools.pairwise(parts):
        assert after.parent is before and before.continued == [after.root]
        assert planner.visible(before)[-1] == after.root  # the pile at the foot, continued


def test_a_chain_deck_links_each_slide_to_the_next(org_file) -> None:
    org = load(org_file(chain_yaml(40)))
    deck = build_deck([(org, ())], DeckOptions())
    charts = [slide for slide in deck.slides if slide.picture is not None]
    assert len(charts) == 1 + 3  # the overview and three chain slides
    for slide in charts[1:]:
        assert "read down each column" in slide.subtitle
    for number, slide in enumerate(charts[2:], start=4):
        assert slide.reports_to is not None and slide.reports_to.slide == number - 1
        # the pile at the foot of the slide before links here
        assert number in {target for _, target in deck.slides[number - 2].picture.links}
    # Readable: smallest text x scale >= the minimum font size, inside the chart area.
    for slide in charts:
        picture = slide.picture
        scale = picture.scale(deck.frame, deck.min_font)
        assert picture.min_text * scale >= deck.min_font - 1e-6
        assert picture.width * scale <= deck.frame.chart.w + 1e-6
        assert picture.height * scale <= deck.frame.chart.h + 1e-6


def test_chain_cards_are_in_columns_read_downwards(org_file) -> None:
    org = load(org_file(chain_yaml(30)))
    planner = _planner(org)
    part = planner.plan()[1][0]
    boxes = part.drawn.boxes
    shown = planner.visible(part)
    for above, below in itertools.pairwise(shown):
        a, b = boxes[above], boxes[below]
        assert (a.x == b.x and b.top > a.bottom) or (b.x > a.right and b.y < a.y)
    for i, first in enumerate(shown):  # no two cards overlap
        for second in shown[i + 1:]:
            a, b = boxes[first], boxes[second]
            assert a.right <= b.left or b.right <= a.left or a.bottom <= b.top or \
                b.bottom <= a.top


def test_a_chain_that_leads_to_a_team_ends_in_a_pile_for_it(org_file) -> None:
    org = load(org_file(chain_yaml(20, team=6)))
    planner = _planner(org)
    _, parts = planner.plan()
    assert _drawn_people(planner, parts) == set(org.by_id)
    chains = [part for part in parts if part.chain]
    teams = [part for part in parts if not part.chain]
    assert len(chains) == 2 and len(teams) == 1
    assert teams[0].root == "p19" and chains[-1].continued == ["p19"]
    assert set(planner.visible(teams[0])) == {"p19", *(f"t{j}" for j in range(6))}


SHORT = HEADER + """\
people:
  - {id: ceo, name: Cara Top, title: Chief Executive Officer}
  - {id: cfo, name: Fay Fin, title: Chief Financial Officer, reports_to: ceo}
  - {id: cto, name: Tom Tech, title: Chief Technology Officer, reports_to: ceo}
  - {id: vpe, name: Vera Eng, title: VP of Engineering, reports_to: cto}
  - {id: dir, name: Dora Dir, title: Director of Engineering, reports_to: vpe}
""" + "".join(f"  - {{id: e{i}, name: Engineer {i}, title: Software Engineer, reports_to: dir}}\n"
              for i in range(8))


def test_a_short_chain_stays_on_its_slide_and_is_cut_where_the_team_starts(org_file) -> None:
    # The CTO, a VP with one report and a Director with eight: the top's slide shows the
    # VP and the Director, whose team goes on a slide of its own (before: the VP was cut, a
    # pile on the top's slide, then a slide for the VP with the Director as a pile, then the
    # Director's team).
    org = load(org_file(SHORT))
    planner = _planner(org)
    _, parts = planner.plan()
    assert [part.root for part in parts] == ["ceo", "dir"]
    top = parts[0]
    assert planner.visible(top) == ["ceo", "cfo", "cto", "vpe", "dir"]
    assert top.continued == ["dir"] and not top.chain and parts[1].parent is top
    assert _drawn_people(planner, parts) == set(org.by_id)


def comb_yaml(levels: int) -> str:
    """A line of managers, each with the next manager and one engineer as reports."""
    lines = [HEADER + "people:", "  - {id: p0, name: Person 0, title: Chief Executive Officer}"]
    for i in range(1, levels):
        lines.append(f"  - {{id: p{i}, name: Person {i}, title: Engineering Manager, "
                     f"reports_to: p{i - 1}}}")
        lines.append(f"  - {{id: e{i}, name: Eng {i}, title: Software Engineer, "
                     f"reports_to: p{i - 1}}}")
    return "\n".join(lines) + "\n"


def test_a_line_of_managers_fills_each_slides_rows(org_file) -> None:
    # Not a chain (each manager has two reports), but as deep: each slide shows as many
    # levels as it has rows (four at 9 pt), the manager on the last one a pile that the next
    # slide starts from (before: cut under the top manager, a slide per manager: 57 slides).
    org = load(org_file(comb_yaml(60)))
    planner = _planner(org)
    _, parts = planner.plan()
    assert _drawn_people(planner, parts) == set(org.by_id)
    assert len(parts) <= math.ceil(60 / 3) + 1
    for part in parts[:-1]:
        managers = [pid for pid in planner.visible(part) if pid.startswith("p")]
        assert len(managers) == 4 and part.continued == [managers[-1]]
