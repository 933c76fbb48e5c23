"""Decks on 4:3 slides: what a narrower slide holds, and no slide shown twice."""

from __future__ import annotations

import io
import math
from pathlib import Path

from deckkit import deep_wide_yaml
from pptx import Presentation

from orgviz.deck.build import DeckOptions, build_deck
from orgviz.deck.draw import Drawer
from orgviz.deck.frame import Frame, default_frame
from orgviz.deck.plan import Planner, Tree
from orgviz.deck.powerpoint import open_template, template_frame
from orgviz.loader import load
from orgviz.render.chart import View, build_chart
from orgviz.render.themes import THEMES


def _planner(org, frame: Frame) -> Planner:
    theme = THEMES["light"]
    tree = Tree(build_chart(org, View(), theme))
    return Planner(tree, Drawer(org, theme), frame,
                   team_of={pid: p.team for pid, p in org.by_id.items()})


def _template_4_3(folder: Path) -> Path:
    """python-pptx's default template: 4:3, a title placeholder 648 x 90 pt, titles 44 pt."""
    path = folder / "four-three.pptx"
    Presentation().save(str(path))
    return path


def _wide_top(vps: int) -> str:
    """A chief executive with `vps` reports, each heading a team of three."""
    lines = ["orgviz: 1", "org: {name: Wide Top, size: mid-size, date: 2026-11-01}", "people:",
             "  - {id: ceo, name: Ceo Person, title: Chief Executive Officer, team: exec}"]
    for i in range(vps):
        lines.append(f"  - {{id: vp{i}, name: Vp Person {i}, title: VP of Things, "
                     f"reports_to: ceo, team: t{i}}}")
        lines += [f"  - {{id: ic{i}-{j}, name: Ic Person {i} {j}, title: Engineer, "
                  f"reports_to: vp{i}, team: t{i}}}" for j in range(3)]
    return "\n".join(lines) + "\n"


def test_a_top_spread_like_its_overview_has_no_slides_of_its_own(org_file) -> None:
    # 14 reports of the top do not fit one 4:3 slide, so the overview is spread over two
    # ("(1 of 2)"); the top's own slides would show the same cards again (two more slides).
    org = load(org_file(_wide_top(14)))
    planner = _planner(org, default_frame(720, 540))
    overview, parts = planner.plan()
    assert [part.chunks for part in overview] == [2, 2]
    assert all(part.root != "ceo" for part in parts)
    on_overview = {pid for part in overview for pid in planner.visible(part)}
    for part in parts:  # each VP's slide says it reports to an overview slide showing its top
        assert part.root is not None
        assert part.parent is not None and part.parent.overview
        assert part.root in planner.visible(part.parent)
    assert on_overview | {pid for part in parts for pid in planner.visible(part)} == set(
        org.by_id)
    deck = build_deck([(org, ())], DeckOptions(merge=False), default_frame(720, 540))
    titles = [slide.title for slide in deck.slides]
    assert titles[1:3] == ["Overview (1 of 2)", "Overview (2 of 2)"]
    assert not [title for title in titles if title.startswith("exec")], titles
    assert len(deck.slides) == 1 + 2 + 14
    for slide in deck.slides[3:]:
        assert slide.reports_to is not None and slide.reports_to.slide in (2, 3)


def test_a_4_3_slide_holds_a_column_of_cards_fewer(org_file) -> None:
    # At the same height a 4:3 slide is 75% as wide as 16:9: at 9 pt it has room for three
    # cards side by side instead of four, and as many rows. A manager's 60 reports take
    # more slides, but no more than the width ratio accounts for.
    org = load(org_file(deep_wide_yaml(60)))
    wide, narrow = _planner(org, default_frame()), _planner(org, default_frame(720, 540))
    assert narrow.rows == wide.rows == 4
    assert (narrow.max_cards // narrow.rows, wide.max_cards // wide.rows) == (3, 4)
    spread = [[part for part in planner.plan()[1] if part.root == "wide"]
              for planner in (wide, narrow)]
    assert len(spread[0]) < len(spread[1]) <= math.ceil(len(spread[0]) * 960 / 720)


def test_a_template_title_placeholder_takes_a_row_of_cards(tmp_path: Path, org_file) -> None:
    # A template's chart area starts below its title placeholder (1.25 in high in
    # python-pptx's 4:3 default, as in PowerPoint's own) and orgviz's subtitle: 351 pt high
    # instead of 452, three rows of cards at 9 pt instead of four. So a 4:3 template deck
    # has more slides than orgviz's own 4:3 slides would, and those more than 16:9.
    path = _template_4_3(tmp_path)
    frame = template_frame(open_template(path))
    assert (frame.width, frame.height) == (720.0, 540.0)
    assert round(frame.chart.h) == 351
    org = load(org_file(deep_wide_yaml(60)))
    own, template = _planner(org, default_frame(720, 540)), _planner(org, frame)
    assert template.rows == own.rows - 1 == 3
    parts = template.plan()[1]
    assert len(parts) > len(own.plan()[1])
    # The manager's 60 reports, 7 a slide at most there: nine slides of 7 or 6 (not 7 ... 4).
    sizes = [len(part.reports or ()) for part in parts if part.root == "wide"]
    assert sum(sizes) == 60 and max(sizes) - min(sizes) <= 1, sizes


def test_reports_are_spread_in_runs_that_differ_by_one_at_most() -> None:
    from orgviz.deck.plan import balanced

    items = [str(i) for i in range(60)]
    runs = balanced(items, 9)
    assert [len(run) for run in runs] == [7] * 6 + [6] * 3
    assert [item for run in runs for item in run] == items
    assert balanced(items[:3], 3) == [["0"], ["1"], ["2"]]


def test_a_4_3_template_deck_is_4_3(tmp_path: Path, org_file) -> None:
    from orgviz.deck import deck_bytes

    path = _template_4_3(tmp_path)
    org = load(org_file(_wide_top(14)))
    data, count = deck_bytes([(org, ())], "pptx", DeckOptions(merge=False), path)
    deck = Presentation(io.BytesIO(data))
    assert (deck.slide_width, deck.slide_height) == (9144000, 6858000)
    titles = [slide.shapes.title.text for slide in deck.slides if slide.shapes.title]
    assert len(deck.slides) == count
    assert not [title for title in titles if title.startswith("exec")], titles


def test_a_title_that_would_overflow_its_placeholder_is_set_smaller() -> None:
    from orgviz.deck.powerpoint import MIN_TEMPLATE_TITLE, fit_title
    from orgviz.render.labels import text_width

    # python-pptx's 4:3 title placeholder (648 x 90 pt) at the template's 44 pt.
    assert fit_title("Product", 648, 90, 44) == ("Product", None)
    title = "Customer Support Operations: Laila Reyes (1 of 5)"
    text, size = fit_title(title, 396, 90, 44)  # narrowed for the "reports to" card
    assert text == title and size is not None and MIN_TEMPLATE_TITLE <= size < 44
    lines = int((90 - 7.2) // (size * 1.2))
    assert text_width(title, size) * 1.2 <= (396 - 14.4) * lines
    text, size = fit_title(title * 4, 396, 90, 44)  # no size fits: the smallest, cut short
    assert size == MIN_TEMPLATE_TITLE and text.endswith("…") and len(text) < len(title * 4)


def test_long_titles_stay_in_a_4_3_template_title_placeholder(tmp_path: Path,
                                                              org_file) -> None:
    from pptx.util import Pt

    from orgviz.deck import deck_bytes
    from orgviz.render.labels import text_width

    path = _template_4_3(tmp_path)  # titles 44 pt, centered in a 648 x 90 pt box
    team = "Customer Support Operations and Workforce Planning"
    source = ("orgviz: 1\norg: {name: Long Titles, size: small, date: 2026-11-01}\n"
              f"teams:\n  - {{id: ops, name: {team}}}\n  - {{id: x, name: Executive}}\n"
              "people:\n  - {id: ceo, name: Ceo Person, title: Chief Executive, team: x}\n"
              "  - {id: m, name: Mira Long, title: VP, reports_to: ceo, team: ops}\n"
              + "".join(f"  - {{id: a{i}, name: Agent {i}, title: Agent, reports_to: m, "
                        f"team: ops}}\n" for i in range(3))
              + "  - {id: b, name: Bo Short, title: VP, reports_to: ceo, team: x}\n")
    data, _ = deck_bytes([(load(org_file(source)), ())], "pptx", DeckOptions(merge=False),
                         path)
    deck = Presentation(io.BytesIO(data))
    titles = {slide.shapes.title.text: slide.shapes.title for slide in deck.slides}
    long = titles[team]
    assert long.height == Pt(90)
    size = long.text_frame.paragraphs[0].runs[0].font.size.pt
    assert size < 44  # at 44 pt it takes three lines of a box that holds one
    lines = int((90 - 7.2) // (size * 1.2))
    assert text_width(team, size) * 1.2 <= (long.width / 12700 - 14.4) * lines
    assert all(run.font.size is None for title, shape in titles.items() if title != team
               for paragraph in shape.text_frame.paragraphs for run in paragraph.runs)
