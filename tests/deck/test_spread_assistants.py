"""A block of assistants (up to three cards wide beside their manager; more than three stand
in lines of at most three) left a small org no readable slide: the planner spread the
root's reports down to one a slide, each still beside the block with the card for the
others, about 981-990 units wide for a 963-unit slide, and stopped with "a slide's chart
area is too small for a readable chart". Now a person drawn whole with assistants and no
reports goes to a slide of their own, and then the root's assistants do, before its
reports (`Planner.fit_assistants`)."""

from __future__ import annotations

from pathlib import Path

import pytest
from deckkit import ENGINE

from orgviz.deck.build import DeckOptions, build_deck
from orgviz.deck.draw import Drawer
from orgviz.deck.frame import Rect, default_frame, replace_chart
from orgviz.deck.plan import DeckError, Part, Planner, Tree
from orgviz.deck.slides import Deck
from orgviz.loader import load
from orgviz.model import Org
from orgviz.render.chart import View, build_chart
from orgviz.render.engines import pick_engine
from orgviz.render.themes import get_theme

MID_SIZE = Path(__file__).resolve().parents[2] / "orgs" / "mid-size.yaml"
TOO_SMALL = ("a slide's chart area is too small for a readable chart: use a smaller "
             "--min-font or a template with more room")


def with_assistants(text: str, boss: str, count: int) -> str:
    """The org file `text` with `count` assistants of `boss` after their line."""
    aides = "".join(f"  - {{id: {boss}-aide-{i}, name: Aide Number {i}, title: Executive "
                    f"Assistant, assistant: true, reports_to: {boss}}}\n" for i in range(count))
    lines = text.splitlines(keepends=True)
    at = next(i for i, line in enumerate(lines) if line.startswith(f"  - {{id: {boss},"))
    return "".join([*lines[:at + 1], aides, *lines[at + 1:]])


def small_org(engineers_under: str) -> str:
    """16 people: a CEO; a COO with four assistants; eight engineers under the COO or under
    an engineering manager beside her; a VP or two."""
    people = ["{id: ceo, name: Cy Oh, title: Chief Executive Officer}",
              "{id: coo, name: Mo One, title: Chief Operating Officer, reports_to: ceo}"]
    people += [f"{{id: a{i}, name: Ada {i}, title: Executive Assistant, reports_to: coo, "
               "assistant: true}" for i in range(4)]
    if engineers_under == "em":
        people.append("{id: em, name: Mo Two, title: Engineering Manager, reports_to: ceo}")
    people += [f"{{id: e{i}, name: Eve {i}, title: Engineer, reports_to: {engineers_under}}}"
               for i in range(8)]
    people += [f"{{id: v{i}, name: Vi {i}, title: Vice President, reports_to: ceo}}"
               for i in range(16 - len(people))]
    return ("orgviz: 1\norg: {name: Aide Co, size: small}\npeople:\n"
            + "".join(f"  - {person}\n" for person in people))


def write(tmp_path: Path, text: str) -> Org:
    path = tmp_path / "org.yaml"
    path.write_text(text, encoding="utf-8")
    return load(path)


def planned(org: Org, layout: str, min_font: float = 9.0) -> tuple[Planner, list[Part]]:
    """The org's slides as `build_deck` plans them (before merging): planner, parts."""
    theme = get_theme("light")
    tree = Tree(build_chart(org, View(), theme))
    drawer = Drawer(org, theme, pick_engine(ENGINE) if layout == "dot" else None,
                    layout=layout)
    planner = Planner(tree, drawer, default_frame(), min_font=min_font,
                      team_of={pid: person.team for pid, person in org.by_id.items()})
    overview, parts = planner.plan()
    return planner, [*overview, *parts]


def every_chart_fits(deck: Deck) -> None:
    """Every chart slide's chart is readable (text at --min-font or more) inside its area."""
    charts = [slide for slide in deck.slides if slide.picture is not None]
    assert charts
    area = deck.frame.chart
    for slide in charts:
        picture = slide.picture
        assert picture is not None
        assert deck.frame.readable(picture.width, picture.height, picture.min_text,
                                   deck.min_font), slide.title
        place = deck.frame.placed(picture.width, picture.height, deck.min_font,
                                  picture.min_text)
        assert picture.min_text * place.w / picture.width >= deck.min_font - 1e-6
        assert area.x - 1e-6 <= place.x and place.right <= area.right + 1e-6, slide.title
        assert area.y - 1e-6 <= place.y and place.bottom <= area.bottom + 1e-6, slide.title


def everybody_drawn(org: Org, planner: Planner, parts: list[Part]) -> None:
    """Everyone is on a slide, and every continued person has a slide of their own."""
    roots = {part.root for part in parts if part.chunk == 1}
    shown: set[str] = set()
    for part in parts:
        assert part.drawn is not None
        shown.update(planner.visible(part))
        assert all(pid in roots for pid in part.continued if not part.overview)
    assert shown == set(org.by_id)


@pytest.mark.parametrize("layout", ["tidy", "dot"])
def test_eight_assistants_of_a_director_stand_on_a_slide_of_their_own(tmp_path,
                                                                      layout: str) -> None:
    """Elif Yılmaz (mid-size.yaml) with eight assistants: her assistants (three wide) on
    one slide with a card for her four reports, her reports on the next without them."""
    org = write(tmp_path, with_assistants(MID_SIZE.read_text(encoding="utf-8"),
                                          "elif-yilmaz", 8))
    deck = build_deck([(org, ())], DeckOptions(layout=layout, engine=ENGINE))
    every_chart_fits(deck)
    titles = [slide.title for slide in deck.slides]
    assert "Platform (1 of 2)" in titles and "Platform (2 of 2)" in titles
    planner, parts = planned(org, layout)
    everybody_drawn(org, planner, parts)
    aides = [f"elif-yilmaz-aide-{i}" for i in range(8)]
    reports = list(planner.tree.reports["elif-yilmaz"])
    first, second = [part for part in parts if part.root == "elif-yilmaz"]
    assert (first.chunk, second.chunk, first.chunks) == (1, 2, 2)
    assert planner.visible(first) == ["elif-yilmaz", *aides]
    assert first.others == tuple(reports)
    assert set(planner.visible(second)) & set(aides) == set()
    assert set(second.reports or ()) == set(reports)
    assert second.others == tuple(aides)


@pytest.mark.parametrize("layout", ["tidy", "dot"])
@pytest.mark.parametrize("engineers_under", ["em", "coo"])
def test_a_sixteen_person_org_with_a_coos_four_assistants_builds(tmp_path, layout: str,
                                                                 engineers_under: str) -> None:
    org = write(tmp_path, small_org(engineers_under))
    assert len(org.by_id) == 16
    deck = build_deck([(org, ())], DeckOptions(layout=layout, engine=ENGINE))
    every_chart_fits(deck)


def test_a_coo_with_assistants_and_no_reports_goes_to_her_own_slide(tmp_path) -> None:
    """With the dot layout the COO's block (two by two) and the card for her peers on
    other slides were 981 units wide at 9 pt (a 963-unit slide; since the dot layout no
    longer keeps a blank column left of the cards, the whole overview is 897 wide and fits
    at 9 pt, so this is at 10 pt, an 866-unit slide): she is a continued card on the
    overview instead, and her slide shows her with her assistants."""
    org = write(tmp_path, small_org("em"))
    planner, parts = planned(org, "dot", min_font=10.0)
    everybody_drawn(org, planner, parts)
    overview = parts[0]
    assert overview.overview and overview.chunks == 1
    assert "coo" in overview.continued
    coo = next(part for part in parts if part.root == "coo")
    assert planner.visible(coo) == ["coo", "a0", "a1", "a2", "a3"]


def test_assistants_alone_are_spread_over_slides(tmp_path) -> None:
    """A CEO with fifteen assistants and no reports, at 12 pt (three cards across): no
    report to spread, so her assistants are, a few a slide."""
    text = ("orgviz: 1\norg: {name: Aide Co, size: small}\npeople:\n"
            "  - {id: ceo, name: Cy Oh, title: Chief Executive Officer}\n")
    org = write(tmp_path, with_assistants(text, "ceo", 15))
    deck = build_deck([(org, ())], DeckOptions(min_font=12.0))
    every_chart_fits(deck)
    planner, parts = planned(org, "tidy", min_font=12.0)
    everybody_drawn(org, planner, parts)
    assert len(parts) > 1 and all(part.root == "ceo" for part in parts)


@pytest.mark.parametrize("layout", ["tidy", "dot"])
def test_a_slide_too_small_for_one_card_still_says_so(tmp_path, layout: str) -> None:
    org = write(tmp_path, small_org("em"))
    frame = replace_chart(default_frame(), Rect(24, 80, 120, 60))
    with pytest.raises(DeckError) as raised:
        build_deck([(org, ())], DeckOptions(layout=layout, engine=ENGINE), frame)
    assert str(raised.value) == TOO_SMALL


def engineers_with_assistants(engineers: int, assistants: int) -> str:
    """A CEO and a VP of `engineers` engineers with `assistants` assistants each, one team."""
    people = ["{id: ceo, name: Cy Oh, title: Chief Executive Officer, team: Core}",
              "{id: vp, name: Vi Pe, title: Vice President, team: Core, reports_to: ceo}"]
    for i in range(engineers):
        people.append(f"{{id: e{i}, name: Eve {i}, title: Engineer, team: Core, "
                      "reports_to: vp}")
        people += [f"{{id: e{i}a{j}, name: Ada {i}-{j}, title: Executive Assistant, "
                   f"team: Core, reports_to: e{i}, assistant: true}}"
                   for j in range(assistants)]
    return ("orgviz: 1\norg: {name: Aide Co, size: small}\npeople:\n"
            + "".join(f"  - {person}\n" for person in people))


def test_reports_with_assistants_are_spread_two_a_slide_where_two_fit(tmp_path) -> None:
    """A VP's eight engineers with four assistants each (two lines of two beside each):
    the card budget counted the engineers' assistants among the cards every slide has, 33
    of the 16 a slide holds, so the spread tried one engineer a slide alone: eight slides,
    each half empty. Counted with their engineer, two a slide (stacked), four slides."""
    org = write(tmp_path, engineers_with_assistants(8, 4))
    deck = build_deck([(org, ())], DeckOptions())
    every_chart_fits(deck)
    planner, parts = planned(org, "tidy")
    everybody_drawn(org, planner, parts)
    vp = [part for part in parts if part.root == "vp"]
    assert [part.reports for part in vp] == [
        (f"e{i}", f"e{i + 1}") for i in range(0, 8, 2)]
    reports = list(planner.tree.reports["vp"])
    assert (planner.max_cards, planner.stacked_cards) == (16, 17)
    # (17 - vp - others) // 5: three tried, two drawn (three do not fit readably)
    assert planner.most_reports(Part("vp", []), reports) == 3
    # a report drawn as a "continued" card is one card: 1 + 5 + 5 <= 15
    assert planner.most_reports(Part("vp", ["e0"]), reports) == 3
    for part in vp:
        assert part.drawn is not None
        boxes = part.drawn.boxes
        first, second = part.reports or ()
        assert boxes[first].x == boxes[second].x  # stacked, one column
        assert boxes[second].top > max(boxes[f"{first}a{j}"].bottom for j in range(4))



def test_the_card_budget_of_a_spread_is_as_before_without_assistants(tmp_path) -> None:
    """Reports without assistants: one card each, beside the root and the card for the
    others, as the budget counted them before: 17 cards at 9 pt on 16:9, a row and four
    deep stacks of four (`stacked_cards`; 16 before, four rows of four, `max_cards`)."""
    org = write(tmp_path, engineers_with_assistants(30, 0))
    planner, _ = planned(org, "tidy")
    part = Part("vp", [])
    reports = list(planner.tree.reports["vp"])
    assert (planner.max_cards, planner.stacked_cards) == (16, 17)
    fixed = planner.cards(part) - len(reports)
    assert planner.most_reports(part, reports) == planner.stacked_cards - fixed - 1 == 15
