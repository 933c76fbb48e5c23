"""The chart hooks that decks use: continued people, moved reports, the manager above."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from deckkit import SMALL

from orgviz.loader import load
from orgviz.render.cards import card_box, chart_texts
from orgviz.render.chart import Moved, View, build_chart
from orgviz.render.dot import stack_groups, write_dot
from orgviz.render.geometry import Box, Geometry
from orgviz.render.svg import draw_svg
from orgviz.render.themes import THEMES


def _org(org_file: Callable[..., Path]):
    return load(org_file(SMALL))


def test_continued_person_stands_for_their_team(org_file) -> None:
    chart = build_chart(_org(org_file), View(root="vp", continued={"dir": "on slide 7"}))
    by_id = chart.by_id
    assert set(by_id) == {"vp", "hop", "dir"}
    card = by_id["dir"]
    assert card.kind == "continued" and card.detail == "on slide 7"
    assert (card.hidden_people, card.hidden_open) == (4, 1)  # dir, pm1, pm2, pm4 + pm3 open
    text = chart_texts(chart)["dir"]  # its team line, then the note
    assert (text.team, text.detail) == ("Product", "on slide 7")
    assert chart.subtitle.startswith("6 people · 1 open role")


def test_moved_reports_become_one_card_after_the_others(org_file) -> None:
    view = View(root="dir", moved=(Moved("dir", frozenset({"pm2", "pm3"}), "slide 9"),))
    chart = build_chart(_org(org_file), view)
    ids = [card.id for card in chart.cards]
    assert ids == ["dir", "pm1", "pm4", "+dir#0"]
    card = chart.by_id["+dir#0"]
    assert (card.kind, card.name, card.title, card.detail) == (
        "continued", "+1 person", "1 open role", "slide 9")
    assert card.manager == "dir" and card.row >= chart.by_id["pm4"].row


def test_stack_rows_reaches_the_dot_layout(org_file) -> None:
    assert stack_groups(list("abcde"), 2) == [["a", "b", "c", "d"], ["e"]]
    org = _org(org_file)
    chart = build_chart(org, View(root="dir", stack_rows=1))
    plan = write_dot(chart, card_box(chart_texts(chart)), THEMES["light"])
    assert len(plan.spines) == 2 and all(len(s.rows) == 1 for s in plan.spines)


def test_svg_without_header_is_as_big_as_the_chart(org_file) -> None:
    chart = build_chart(_org(org_file), View(root="vp", continued={"dir": "on slide 1"}))
    texts = chart_texts(chart)
    box = card_box(texts)
    boxes = {card.id: Box(100 + 210 * i, 60 + 100 * card.row, box.width, box.height)
             for i, card in enumerate(chart.cards)}
    geometry = Geometry(210 * len(boxes), 400, boxes, {}, ())
    svg = draw_svg(chart, geometry, texts, box, THEMES["light"], header=False, margin=5)
    assert f'width="{210 * len(boxes) + 10}" height="410"'.encode() in svg
    assert b"Tiny Co" not in svg.split(b"</title>", 1)[1]  # no title text drawn
    assert b"on slide 1" in svg  # the continued card's note


def test_rows_below_the_stacks_take_no_room(org_file) -> None:
    from orgviz.render.dot import rows_used

    # Both reports are leaves: the engineer joins the stack that starts on the C-level row,
    # side by side with the CTO, so the IC row is not needed.
    org = load(org_file("""\
        orgviz: 1
        org: {name: Two}
        people:
          - {id: ceo, name: Ada, title: CEO}
          - {id: cto, name: Tom, title: Chief Technology Officer, reports_to: ceo}
          - {id: eng, name: Ed, title: Software Engineer, reports_to: ceo}
        """))
    chart = build_chart(org, View(stack_rows=1))
    assert chart.rows == ("CEO", "C-level", "Individual contributors")
    assert rows_used(chart) == 2
    plan = write_dot(chart, card_box(chart_texts(chart)), THEMES["light"])
    assert len(plan.axis) == 2


def test_a_slide_places_the_whole_drawing_unsqueezed() -> None:
    # The pile of cards behind a continued card in the last row or column reaches past the
    # layout's boxes, and the SVG with it; the picture kept the layout's size, so the slide
    # squeezed the drawing (the small example's overview: 662 x 312 drawn as 662 x 304).

    from orgviz.deck.build import DeckOptions, build_deck
    from orgviz.render.convert import svg_size

    root = Path(__file__).resolve().parents[2]
    for name in ("small", "mid-size"):
        deck = build_deck([(load(root / "orgs" / f"{name}.yaml"), ())],
                          DeckOptions(split="manager"))
        pictures = [slide.picture for slide in deck.slides if slide.picture is not None]
        assert any(b"<title>" in p.svg and b"slide " in p.svg for p in pictures)  # piles
        for picture in pictures:
            assert (picture.width, picture.height) == svg_size(picture.svg)
