"""A block of assistants too wide for a slide stands in columns two or one wide (more lines)
before its people are spread thinner: a CEO's fifteen assistants at 12 pt (three cards across
a slide) stood two a slide beside her, eight slides (runs of 4, 4, 4 and 3 were tried, but
three stand in one line, too wide, where four stand in two lines of two); now the three
stand in two lines too, four slides. And a CEO's assistants go to slides of their own when
the reports then take fewer slides: six assistants in two lines left room for one of nine
VPs a slide with the dot layout (nine slides); apart, two. And the card for her people on
other slides stands in her block of assistants when none of her reports is drawn and they
are all assistants: five assistants a slide in three lines of two, three slides (in a row
of its own below the block, four); a card that stands for some of her reports keeps its
row below her, on a solid line from her (in the block it hung on the assistants' dotted
line, read as an assistant's assistant)."""

from __future__ import annotations

from dataclasses import replace

import pytest
from deckkit import ENGINE
from test_spread_assistants import every_chart_fits, everybody_drawn, planned, write

from orgviz.deck.build import DeckOptions, build_deck
from orgviz.deck.draw import RANK_GAP, Drawer, Drawn, assistant_room
from orgviz.deck.plan import Part
from orgviz.render.chart import Card, View
from orgviz.render.engines import pick_engine
from orgviz.render.geometry import Box, Connector, Geometry
from orgviz.render.themes import get_theme
from orgviz.render.tidylayout import ASSISTANT_LINE_GAP, LEVEL_GAP


def aide_co(assistants: int, vps: int) -> str:
    """A CEO with `assistants` assistants and `vps` vice presidents."""
    people = ["{id: ceo, name: Cy Oh, title: Chief Executive Officer}"]
    people += [f"{{id: a{i}, name: Ada Number {i}, title: Executive Assistant, "
               f"reports_to: ceo, assistant: true}}" for i in range(assistants)]
    people += [f"{{id: v{i}, name: Vi Number {i}, title: Vice President, reports_to: ceo}}"
               for i in range(vps)]
    return ("orgviz: 1\norg: {name: Aide Co, size: small}\npeople:\n"
            + "".join(f"  - {person}\n" for person in people))


def overlapping(boxes: dict[str, Box]) -> list[tuple[str, str]]:
    """The pairs of cards whose boxes overlap."""
    items = sorted(boxes.items())
    return [(a, b) for i, (a, one) in enumerate(items) for b, two in items[i + 1:]
            if one.left < two.right and two.left < one.right
            and one.top < two.bottom and two.top < one.bottom]


@pytest.mark.parametrize("layout", ["tidy", "dot"])
def test_fifteen_assistants_at_12_pt_stand_two_wide_five_a_slide(tmp_path, layout: str) -> None:
    """Three slides of five, the card for the others last in the block of assistants (in
    a row of its own below the block it left room for two lines: four slides)."""
    org = write(tmp_path, aide_co(15, 0))
    deck = build_deck([(org, ())], DeckOptions(layout=layout, engine=ENGINE, min_font=12.0))
    every_chart_fits(deck)
    assert [slide.title for slide in deck.slides][1:] == [
        f"Overview ({i} of 3)" for i in range(1, 4)]
    planner, parts = planned(org, layout, min_font=12.0)
    everybody_drawn(org, planner, parts)
    assert [len(planner.visible(part)) - 1 for part in parts] == [5, 5, 5]
    for part in parts:
        assert part.drawn is not None and part.drawn.chart.assistants_across == 2
        boxes = part.drawn.boxes
        assert not overlapping(boxes)
        ceo = boxes["ceo"]
        helpers = [pid for pid in planner.visible(part) if pid != "ceo"]
        [others] = [card.id for card in part.drawn.chart.cards if card.kind == "continued"]
        block = [boxes[pid] for pid in [*helpers, others]]
        assert len({round(b.x) for b in block}) == 2  # two columns, right of her
        assert min(b.left for b in block) > ceo.right
        pitch = ceo.h + ASSISTANT_LINE_GAP  # (dot: its further ranks drawn as close)
        assert {round(b.y) for b in block} == {round(ceo.y + line * pitch)
                                               for line in range(3)}  # three lines
        assert boxes[others].y == max(b.y for b in block)  # the card last, beside the 5th
        assert boxes[others].x > boxes[helpers[-1]].x


def on_edge(point: tuple[float, float], box: Box) -> bool:
    """Whether a point lies on a card's box (a line's end at its edge)."""
    x, y = point
    return box.left - 0.5 <= x <= box.right + 0.5 and box.top - 0.5 <= y <= box.bottom + 0.5


def lines_at(geometry: Geometry, card: str) -> list[Connector]:
    """The lines that start or end on a card's edge."""
    box = geometry.boxes[card]
    return [line for line in geometry.lines
            if on_edge(line.points[0], box) or on_edge(line.points[-1], box)]


def from_below(line: Connector, boss: Box) -> bool:
    """Whether a line starts at the foot of a card."""
    x, y = line.points[0]
    return abs(y - boss.bottom) < 0.5 and boss.left < x < boss.right


def others_card(drawn: Drawn) -> Card:
    """The card for the CEO's people on other slides."""
    [card] = [card for card in drawn.chart.cards if card.kind == "continued"]
    return card


@pytest.mark.parametrize("layout", ["tidy", "dot"])
@pytest.mark.parametrize(("assistants", "vps", "min_font", "slides"),
                         # (dot: the four VPs and the card for the others, stacked two
                         # deep as spines of four and one, fit one slide; as three and two
                         # they took two)
                         [(6, 9, 9.0, (1, 2)), (15, 4, 12.0, (5, 5))])
def test_the_card_for_reports_hangs_from_the_manager_on_a_solid_line(
        tmp_path, layout: str, assistants: int, vps: int, min_font: float,
        slides: tuple[int, int]) -> None:
    """A card that stands for some of the CEO's reports (her VPs, or assistants and VPs)
    stays in the row below her, on a solid line from her, also on a slide with none of her
    reports: in the block of assistants it hung on their dotted line from the last of them
    ("+9 people" read as Ada Number 3's assistant)."""
    org = write(tmp_path, aide_co(assistants, vps))
    planner, parts = planned(org, layout, min_font=min_font)
    everybody_drawn(org, planner, parts)
    assert len(parts) == slides[layout == "dot"]
    helpers = tuple(f"a{i}" for i in range(assistants))
    drawn = [part.drawn for part in parts if any(p.startswith("v") for p in part.others)]
    first = planner.measure(Part("ceo", [], reports=helpers[:4],
                                 others=helpers[4:] + tuple(f"v{i}" for i in range(vps))))
    for found in [*drawn, first]:
        assert found is not None
        assert not overlapping(found.boxes)
        card = others_card(found)
        assert not card.assistant and card.manager == "ceo"
        assert [line.kind for line in lines_at(found.geometry, card.id)] == ["solid"]
        assert any(line.kind == "solid" and from_below(line, found.geometry.boxes["ceo"])
                   for line in found.geometry.lines)
        ceo = found.boxes["ceo"]
        assert found.boxes[card.id].top > max((found.boxes[pid].bottom for pid in helpers
                                               if pid in found.boxes), default=ceo.bottom)


@pytest.mark.parametrize("layout", ["tidy", "dot"])
def test_the_card_for_assistants_alone_stands_last_in_their_block(tmp_path,
                                                                  layout: str) -> None:
    """The card for ten of the CEO's fifteen assistants is one of the block: on their
    dotted line from the fifth, beside it."""
    org = write(tmp_path, aide_co(15, 0))
    planner = planned(org, layout, min_font=12.0)[0]
    helpers = tuple(f"a{i}" for i in range(15))
    found = planner.measure(Part("ceo", [], reports=helpers[:5], others=helpers[5:]))
    assert found is not None
    card = others_card(found)
    assert card.assistant
    [line] = lines_at(found.geometry, card.id)
    assert line.kind == "assistant"
    assert on_edge(line.points[0], found.geometry.boxes["a4"])


@pytest.mark.parametrize("layout", ["tidy", "dot"])
def test_two_assistants_too_wide_side_by_side_stand_in_one_column(tmp_path,
                                                                 layout: str) -> None:
    """At 16 pt a CEO and her two assistants side by side are too wide for a slide: one
    column of two beside her, one slide (a block of two was never drawn narrower, as two
    across is as wide as three: one assistant a slide, two slides)."""
    org = write(tmp_path, aide_co(2, 0))
    planner, parts = planned(org, layout, min_font=16.0)
    everybody_drawn(org, planner, parts)
    [part] = parts
    assert part.drawn is not None and part.drawn.chart.assistants_across == 1
    boxes = part.drawn.boxes
    assert boxes["a0"].x == boxes["a1"].x and boxes["a0"].y < boxes["a1"].y


def test_a_ceos_assistants_go_apart_when_her_vps_then_take_fewer_slides(tmp_path) -> None:
    org = write(tmp_path, aide_co(6, 9))
    deck = build_deck([(org, ())], DeckOptions(layout="dot", engine=ENGINE))
    every_chart_fits(deck)
    assert [slide.title for slide in deck.slides][1:] == ["Overview (1 of 2)",
                                                          "Overview (2 of 2)"]
    planner, parts = planned(org, "dot")
    everybody_drawn(org, planner, parts)
    first, second = parts
    assert planner.visible(first) == ["ceo", *(f"a{i}" for i in range(6))]
    assert planner.visible(second) == ["ceo", *(f"v{i}" for i in range(9))]


@pytest.mark.parametrize("layout", ["tidy", "dot"])
@pytest.mark.parametrize("across", [None, 1, 2])
def test_assistant_room_is_how_far_the_layout_puts_the_next_row(tmp_path, layout: str,
                                                                across: int | None) -> None:
    """`assistant_room` (the room a manager's lines of assistants take, for the slide
    budgets) is where the layout starts the row below, a row gap further."""
    org = write(tmp_path, aide_co(5, 2))
    theme = get_theme("light")
    drawer = Drawer(org, theme, pick_engine(ENGINE) if layout == "dot" else None,
                    layout=layout)
    chart, box = drawer.chart(View())
    chart = replace(chart, assistants_across=across)
    geometry = drawer.place(chart, box)
    boss, vp = geometry.boxes["ceo"], geometry.boxes["v0"]
    room = assistant_room(chart, "ceo", boss.h)
    gap = RANK_GAP if layout == "dot" else LEVEL_GAP
    assert vp.top - boss.top == pytest.approx(room + gap, abs=0.5)
    assert room == pytest.approx(boss.h * -(-5 // (across or 3))
                                 + (-(-5 // (across or 3)) - 1) * ASSISTANT_LINE_GAP)


@pytest.mark.parametrize(("assistants", "shown", "narrower"),
                         [(2, 2, [1]), (15, 15, [2, 1]), (15, 2, [2, 1]), (15, 1, [1])])
def test_narrower_blocks_count_the_block_as_drawn(tmp_path, assistants: int, shown: int,
                                                  narrower: list[int]) -> None:
    """`Planner.narrower_blocks` counts the cards of the largest block drawn: a CEO's
    assistants, and the card for the others when it stands among them (two assistants and
    it are three across, drawn two wide then one; counting the assistants alone, only one
    wide was tried)."""
    org = write(tmp_path, aide_co(assistants, 0))
    planner = planned(org, "tidy", min_font=12.0)[0]
    helpers = tuple(f"a{i}" for i in range(assistants))
    part = Part("ceo", [], reports=helpers[:shown], others=helpers[shown:])
    [drawn, *_] = planner.drawer.draw(planner.view(part))
    assert planner.narrower_blocks(drawn.chart) == narrower


@pytest.mark.parametrize("layout", ["tidy", "dot"])
@pytest.mark.parametrize(("assistants", "min_font", "slides"),
                         [(3, 18.0, 1), (5, 16.0, 3), (15, 14.0, 8), (40, 16.0, 20)])
def test_a_block_with_the_card_for_the_others_is_drawn_narrower(
        tmp_path, layout: str, assistants: int, min_font: float, slides: int) -> None:
    """A CEO's assistants at large fonts: a slide of one or two of them and the card for
    the others found no block narrow enough (the card not counted) and the deck was refused
    ("a slide's chart area is too small for a readable chart"). The dot layout takes as
    many slides as the tidy one: it stood each further line of assistants a whole gap
    between ranks below the line before (36 units, not 14), and took 3, 5, 15 and 40 (one
    assistant a slide)."""
    org = write(tmp_path, aide_co(assistants, 0))
    deck = build_deck([(org, ())], DeckOptions(layout=layout, engine=ENGINE,
                                               min_font=min_font))
    every_chart_fits(deck)
    assert len(deck.slides) - 1 == slides
