"""Sparse slides merged: sibling subtrees share a slide as panels, a head's few piles fold
into the slide above; what the deck guarantees holds on the merged slides too."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from orgviz.deck import panels
from orgviz.deck.build import DeckOptions, build_deck
from orgviz.deck.draw import Drawer
from orgviz.deck.frame import default_frame
from orgviz.deck.pages import page_svg
from orgviz.deck.panels import HEADING, MAX_PANELS, Merger, compose
from orgviz.deck.plan import Planner, Tree
from orgviz.loader import load
from orgviz.render.chart import View, build_chart
from orgviz.render.themes import THEMES

ROOT = Path(__file__).resolve().parents[2]
#: A continued card: its tooltip names the person, its note the slide their team is on.
CONTINUED = re.compile(r"<title>([^<]*?) — [^<]*</title>(?:(?!</g>).)*?· slide (\d+)</text>",
                       re.S)


def _org(people: list[tuple[str, str, str | None, str | None]]) -> str:
    lines = ["orgviz: 1", "org: {name: Merge Co, size: mid-size}", "people:"]
    for pid, title, boss, team in people:
        to = f", reports_to: {boss}" if boss else ""
        tm = f", team: {team}" if team else ""
        lines.append(f"  - {{id: {pid}, name: {pid.title()} Person, title: {title}{to}{tm}}}")
    return "\n".join(lines) + "\n"


def _directors(ics: int, team: str = "team") -> str:
    """A CPO with four directors of teams of their own, each with `ics` reports."""
    people = [("ceo", "Chief Executive Officer", None, None),
              ("cpo", "Chief Product Officer", "ceo", "product")]
    for d in "abcd":
        people.append((f"dir{d}", "Director of Product", "cpo", f"{team}{d}"))
        people += [(f"pm{d}{i}", "Product Manager", f"dir{d}", f"{team}{d}")
                   for i in range(ics)]
    return _org(people)


def _head(vp_dirs: str = "r") -> str:
    """A VP's team: a head of product with two directors of 14, directors `vp_dirs` of 10
    and a principal PM. Too big for one slide, it is cut till the head has two piles."""
    people = [("ceo", "Chief Executive Officer", None, None),
              ("vp", "VP of Product", "ceo", "p"), ("head", "Head of Product", "vp", "p"),
              ("pmv", "Principal Product Manager", "vp", "p")]
    people += [(f"dir{d}", "Director of Product", "vp", "p") for d in vp_dirs]
    people += [(f"dir{d}", "Director of Product", "head", "p") for d in "st"]
    for d in "st" + vp_dirs:
        people += [(f"pm{d}{i}", "Product Manager", f"dir{d}", "p")
                   for i in range(14 if d in "st" else 10)]
    return _org(people)


def _titles(deck) -> list[str]:
    return [slide.title for slide in deck.slides]


def _readable(deck) -> None:
    for slide in deck.slides:
        if slide.picture is not None:
            picture = slide.picture
            scale = picture.scale(deck.frame, deck.min_font)
            assert picture.min_text * scale >= deck.min_font - 1e-6, slide.title
            place = deck.frame.placed(picture.width, picture.height, deck.min_font,
                                      picture.min_text)
            assert place.x + place.w <= deck.frame.chart.right + 1e-6
            assert place.y + place.h <= deck.frame.chart.bottom + 1e-6


def _links_lead_to_their_people(deck) -> None:
    """Every "continued" card names a slide that draws that person; every "reports to"
    card a slide that draws the manager."""
    svgs = {n: slide.picture.svg.decode() for n, slide in enumerate(deck.slides, 1)
            if slide.picture is not None}
    found = 0
    for number, svg in svgs.items():
        for name, target in CONTINUED.findall(svg):
            assert int(target) != number and f"<title>{name} — " in svgs[int(target)]
            found += 1
        ref = deck.slides[number - 1].reports_to
        if ref is not None:
            assert f"<title>{ref.name} — " in svgs[ref.slide], (number, ref)
    assert found


def test_sparse_sibling_teams_share_a_slide(org_file) -> None:
    org = load(org_file(_directors(3)))
    alone = build_deck([(org, ())], DeckOptions(merge=False))
    deck = build_deck([(org, ())], DeckOptions())
    assert _titles(alone)[2:] == ["product", "teama", "teamb", "teamc", "teamd"]
    assert _titles(deck)[2:] == ["product", "teama · teamb", "teamc · teamd"]
    _readable(deck)
    _links_lead_to_their_people(deck)
    shared = deck.slides[3]
    assert shared.subtitle == "8 people in all · Dira Person and Dirb Person"
    assert shared.reports_to is not None and shared.reports_to.slide == 3  # the CPO's
    assert [label for label, _ in shared.legend] == ["teama", "teamb"]
    svg = shared.picture.svg.decode()
    for heading in (">teama</text>", ">teamb</text>", ">4 people in all</text>"):
        assert heading in svg
    assert shared.picture.description.startswith("Org chart: teama · teamb.")
    assert shared.notes.startswith("On this slide: 8 people, in 2 teams side by side")
    assert "teama\nIn this team: 4 people." in shared.notes
    assert shared.notes.endswith("All report to Cpo Person, Chief Product Officer (slide 3).")
    # The CPO's slide: its directors' piles lead to the shared slides.
    cpo = page_svg(deck, 2).decode()
    assert cpo.count("· slide 4</text>") == 2 and cpo.count("· slide 5</text>") == 2


def test_parts_of_one_team_name_it_once(org_file) -> None:
    # Four directors of one team: "sales · sales" said the team twice, and two slides were
    # both titled "sales": the team is named once, then each part's lead.
    people = [("ceo", "Chief Executive Officer", None, None),
              ("cpo", "Chief Product Officer", "ceo", "product")]
    people += [(f"dir{d}", "Director of Product", "cpo", "sales") for d in "abcd"]
    people += [(f"pm{d}{i}", "Product Manager", f"dir{d}", "sales")
               for d in "abcd" for i in range(3)]
    deck = build_deck([(load(org_file(_org(people))), ())], DeckOptions())
    assert [(slide.title, slide.subtitle) for slide in deck.slides[3:]] == [
        ("sales: Dira Person · Dirb Person", "8 people in all · Dira Person and Dirb Person"),
        ("sales: Dirc Person · Dird Person", "8 people in all · Dirc Person and Dird Person")]


def test_an_org_with_ftes_counts_positions_not_people(org_file) -> None:
    # A card of grouped posts (fte: 12.5) is no person: counts say positions, and the title
    # and section texts give the FTE total (the stats' figure).
    text = _directors(3).replace("{id: pma0, name: Pma0 Person, title: Product Manager",
                                 "{id: pma0, name: EO posts, title: Product Manager, fte: 12.5")
    assert "fte: 12.5" in text
    org = load(org_file(text))
    deck = build_deck([(org, ())], DeckOptions())
    assert deck.slides[0].subtitle == "18 positions · 29.5 FTE"
    assert deck.slides[1].subtitle == "The top 3 levels · 18 positions in all"
    assert deck.slides[3].subtitle == "8 positions in all · Dira Person and Dirb Person"
    assert ">4 positions in all</text>" in deck.slides[3].picture.svg.decode()
    assert deck.slides[3].notes.startswith("On this slide: 8 positions, in 2 teams")
    assert "people" not in " ".join(s.subtitle for s in deck.slides)
    chart = build_chart(org, View(), THEMES["light"])
    assert chart.subtitle.startswith("18 positions")
    # Without any fte the same org counts people.
    plain = build_deck([(load(org_file(_directors(3))), ())], DeckOptions())
    assert plain.slides[0].subtitle == "18 people"


def test_a_title_too_long_says_how_many_teams_report_to_whom(org_file) -> None:
    people = [("ceo", "Chief Executive Officer", None, None),
              ("cpo", "Chief Product Officer", "ceo", "product")]
    for d in "ab":
        team = f"payments-and-checkout-experience-{d}"
        people.append((f"dir{d}", "Director of Product", "cpo", team))
        people += [(f"pm{d}{i}", "Product Manager", f"dir{d}", team) for i in range(3)]
    deck = build_deck([(load(org_file(_org(people))), ())], DeckOptions())
    assert _titles(deck)[2:] == ["product", "2 teams reporting to Cpo Person"]
    svg = deck.slides[3].picture.svg.decode()
    assert ">payments-and-checkout-experience-a</text>" in svg  # the panels' headings


def test_shared_slides_of_one_manager_are_titled_by_their_top_people(org_file) -> None:
    # Two shared slides under the CPO were both "2 teams reporting to Cpo Person".
    org = load(org_file(_directors(3, "payments-and-checkout-experience-")))
    deck = build_deck([(org, ())], DeckOptions())
    assert _titles(deck)[2:] == ["product", "Dira Person · Dirb Person",
                                 "Dirc Person · Dird Person"]
    assert [slide.reports_to.name for slide in deck.slides[3:]] == ["Cpo Person"] * 2


def test_tops_of_one_team_on_slides_of_their_own_are_named(org_file) -> None:
    # Five shipping managers reporting to the president (Oracle's HR sample): five slides
    # titled "shipping". A team with one top keeps its name alone.
    people = [("ceo", "President", None, "executive"),
              ("cfo", "Finance Manager", "ceo", "finance")]
    people += [(f"fin{i}", "Accountant", "cfo", "finance") for i in range(9)]
    people += [(f"st{d}", "Stock Manager", "ceo", "shipping") for d in "ab"]
    people += [(f"clerk{d}{i}", "Stock Clerk", f"st{d}", "shipping")
               for d in "ab" for i in range(9)]
    deck = build_deck([(load(org_file(_org(people))), ())], DeckOptions())
    assert _titles(deck)[2:] == ["finance", "shipping: Sta Person", "shipping: Stb Person"]


def test_panels_stand_apart_and_their_rows_line_up() -> None:
    org = load(ROOT / "orgs" / "small.yaml")
    theme = THEMES["light"]
    planner = Planner(Tree(build_chart(org, View(), theme)), Drawer(org, theme),
                      default_frame(), team_of={p: x.team for p, x in org.by_id.items()})
    _, parts = planner.plan()
    merger = Merger(planner)
    merged = merger.merge(parts)
    shared = [part for part in merged if part.share and part is part.share[0]]
    assert shared
    for part in shared:
        drawns = [member.drawn for member in part.share]
        assert 2 <= len(drawns) <= MAX_PANELS and not any(d.axis for d in drawns)
        assert len({d.box for d in drawns}) == 1  # one card size: rows line up
        composed = compose(drawns, [("A team", "3 people")] * len(drawns), theme, "T")
        right = -1.0
        tops = set()
        for member, drawn, (dx, dy) in zip(part.share, drawns, composed.offsets, strict=True):
            assert dx > right and dy == HEADING  # side by side, never overlapping
            right = dx + drawn.width
            tops.add(drawn.boxes[member.root].top + dy)
        assert right <= composed.width
        assert len(tops) == 1  # the panels' top people on one row


def test_big_sibling_teams_keep_their_slides(org_file) -> None:
    org = load(org_file(_directors(8)))
    deck = build_deck([(org, ())], DeckOptions())
    assert _titles(deck)[2:] == ["product", "teama", "teamb", "teamc", "teamd"]
    assert _titles(deck) == _titles(build_deck([(org, ())], DeckOptions(merge=False)))


def test_a_head_with_two_piles_folds_into_the_vps_slide(org_file) -> None:
    org = load(org_file(_head()))
    alone = build_deck([(org, ())], DeckOptions(merge=False))
    deck = build_deck([(org, ())], DeckOptions())
    assert _titles(alone)[2:] == ["p", "p: Head Person", "p: Dirs Person", "p: Dirt Person",
                                  "p: Dirr Person"]
    assert _titles(deck)[2:] == ["p", "p: Dirs Person", "p: Dirt Person", "p: Dirr Person"]
    _readable(deck)
    _links_lead_to_their_people(deck)
    vp = deck.slides[2].picture.svg.decode()
    assert "<title>Head Person — " in vp
    assert dict(CONTINUED.findall(vp)) == {"Dirs Person": "4", "Dirt Person": "5",
                                            "Dirr Person": "6"}
    assert (deck.slides[3].reports_to.name, deck.slides[3].reports_to.slide) == (
        "Head Person", 3)


def test_a_fold_that_would_stack_the_vps_reports_is_not_made(org_file, monkeypatch) -> None:
    # Four reports under the VP: with the head's two piles below them, the VP's reports
    # would be stacked (one level's people over two rows). The head keeps their slide.
    org = load(org_file(_head("ru")))
    assert "p: Head Person" in _titles(build_deck([(org, ())], DeckOptions()))
    monkeypatch.setattr(panels, "stacking", lambda drawn: 1)  # the rule is what keeps it
    assert "p: Head Person" not in _titles(build_deck([(org, ())], DeckOptions()))


def test_what_the_split_cuts_never_folds(org_file) -> None:
    # --split manager: a manager and their direct reports a slide, so the head's reports
    # are not drawn on the VP's slide.
    org = load(org_file(_head()))
    deck = build_deck([(org, ())], DeckOptions(split="manager"))
    vp = deck.slides[2].picture.svg.decode()
    assert set(dict(CONTINUED.findall(vp))) == {"Head Person", "Dirr Person"}
    # --split team: a head of another team keeps their team's slide.
    org = load(org_file(_head().replace("title: Head of Product, reports_to: vp, team: p",
                                        "title: Head of Product, reports_to: vp, team: q")))
    deck = build_deck([(org, ())], DeckOptions())
    assert "Head Person" in dict(CONTINUED.findall(deck.slides[2].picture.svg.decode()))
    assert "q" in _titles(deck)


def _detail(org, merge: bool) -> Counter:
    """Who each detail slide draws in full (not as a pile; a spread root once)."""
    theme = THEMES["light"]
    planner = Planner(Tree(build_chart(org, View(), theme)), Drawer(org, theme),
                      default_frame(), team_of={p: x.team for p, x in org.by_id.items()})
    _, parts = planner.plan()
    if merge:
        merger = Merger(planner)
        parts = merger.merge(merger.fold(parts))
    drawn: Counter = Counter()
    for part in parts:
        stop = set(part.continued) | ({part.root} if part.chunk > 1 else set())
        drawn.update(pid for pid in planner.visible(part) if pid not in stop)
    return drawn


@pytest.mark.parametrize("name", ["small", "mid-size"])
def test_every_person_stays_on_exactly_one_detail_slide(name: str) -> None:
    org = load(ROOT / "orgs" / f"{name}.yaml")
    merged = _detail(org, merge=True)
    assert merged == _detail(org, merge=False)
    assert set(merged.values()) == {1}


def test_the_mid_size_deck_merged_is_readable_linked_and_the_same_every_time() -> None:
    org = load(ROOT / "orgs" / "mid-size.yaml")
    deck = build_deck([(org, ())], DeckOptions())
    assert len(deck.slides) < len(build_deck([(org, ())], DeckOptions(merge=False)).slides)
    _readable(deck)
    _links_lead_to_their_people(deck)
    again = build_deck([(org, ())], DeckOptions())
    assert [page_svg(deck, i) for i in range(len(deck.slides))] == [
        page_svg(again, i) for i in range(len(again.slides))]
