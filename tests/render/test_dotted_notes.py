"""Dotted-line card notes come from the whole org: a card of a --root, --team or --depth
chart says "dotted line to X" or "dotted line from Y" when the other person is not
drawn (the line itself is drawn only between two cards). They were dropped, or counted
only among the cards drawn."""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from renderkit import ORGS

from orgviz.loader import load
from orgviz.model import Org
from orgviz.render import RenderOptions, render
from orgviz.render.cards import (
    NAME_LEFT,
    NOTE_MARK,
    PAD_X,
    TEAM_SIZE,
    WIDTH,
    chart_texts,
    dotted_note,
    lines_height,
)
from orgviz.render.chart import Link, View, build_chart
from orgviz.render.labels import text_width
from orgviz.render.pipeline import build
from orgviz.render.tidylayout import layout_tidy

DL = """\
orgviz: 1
org: {name: DL, size: small}
people:
  - {id: ceo, name: Ada, title: Chief Executive Officer}
  - {id: cpo, name: Cy, title: Chief Product Officer, reports_to: ceo}
  - {id: cto, name: Tom, title: Chief Technology Officer, reports_to: ceo}
  - {id: des, name: Dee, title: Product Designer, reports_to: cto, dotted_to: [cpo]}
  - {id: eng, name: Eve, title: Software Engineer, reports_to: cto}
  - {id: pm, name: Pat, title: Product Manager, reports_to: cpo, dotted_to: [cto, job]}
  - {id: job, title: Staff Designer, vacant: true, reports_to: cto}
"""


@pytest.fixture
def dl(org_file: Callable[..., Path]) -> Org:
    return load(org_file(DL))


def _notes(org: Org, view: View) -> dict[str, tuple[str, str]]:
    """Card id -> (note, tooltip) of the cards with a dotted-line note."""
    texts = chart_texts(build_chart(org, view))
    return {cid: (text.dotted, text.full) for cid, text in texts.items() if text.dotted}


def test_a_root_view_keeps_the_note_of_a_manager_outside_it(dl: Org) -> None:
    chart = build_chart(dl, View(root="cto"))
    assert chart.links == ()  # Cy is not drawn: no line
    notes = _notes(dl, View(root="cto"))
    assert notes["des"] == ("dotted line to Cy",
                            "Dee — Product Designer — dotted line to Cy")
    # Tom's dotted-line report Pat is outside the view too
    assert notes["cto"][0] == "dotted line from Pat"
    assert notes["cto"][1].endswith("dotted line from Pat")
    assert set(notes) == {"des", "cto", "job"}
    assert notes["job"][0] == "dotted line from Pat"


def test_a_root_view_names_an_open_role_outside_it_by_its_title(dl: Org) -> None:
    notes = _notes(dl, View(root="cpo"))
    assert notes["pm"] == ("dotted lines to Tom +1", "Pat — Product Manager — dotted lines to "
                                                    "Tom, open role: Staff Designer")
    assert notes["cpo"] == ("dotted line from Dee",
                            "Cy — Chief Product Officer — dotted line from Dee")


def test_the_whole_chart_notes_only_what_it_draws(dl: Org) -> None:
    chart = build_chart(dl)
    assert chart.noted == tuple(chart.links)
    assert chart.far_names == ()
    assert chart.links == (Link("cpo", "des"), Link("cto", "pm"), Link("job", "pm"))


def test_a_rollup_does_not_hide_dotted_line_reports_from_the_count(dl: Org) -> None:
    # --depth 2: Dee (Cy's dotted-line report) is in Tom's rollup
    notes = _notes(dl, View(depth=2))
    assert notes["cpo"] == ("dotted line from Dee",
                            "Cy — Chief Product Officer — dotted line from Dee")
    assert notes["cto"][0] == "dotted line from Pat"


def test_a_team_view_keeps_its_notes(org_file: Callable[..., Path]) -> None:
    text = DL.replace("title: Product Designer, reports_to: cto,",
                      "title: Product Designer, reports_to: cto, team: design,")
    notes = _notes(load(org_file(text)), View(team="design"))
    assert notes["des"][0] == "dotted line to Cy"


def test_pages_of_a_deck_keep_their_notes(dl: Org) -> None:
    # Tom's reports continued elsewhere, Cy's reports moved to another page
    from orgviz.render.chart import Moved

    view = View(continued={"cto": "+3 people · slide 3"},
                moved=(Moved("cpo", frozenset({"pm"}), "slide 4"),))
    notes = _notes(dl, view)
    assert notes["cto"][0] == "dotted line from Pat"
    assert notes["cpo"][0] == "dotted line from Dee"


def test_enterprise_depth_three_counts_reports_inside_rollups() -> None:
    org = load(ORGS / "enterprise.yaml")
    whole = chart_texts(build_chart(org))
    kapoor = next(cid for cid, text in whole.items() if text.name == ("Carlos Kapoor",))
    overview = chart_texts(build_chart(org, View(depth=3)))
    assert whole[kapoor].dotted == overview[kapoor].dotted == "dotted lines from 3 people"
    assert overview[kapoor].full == whole[kapoor].full
    # every card of the view notes what its card in the whole chart notes
    for cid, text in overview.items():
        if cid in whole:
            assert (text.dotted, text.full) == (whole[cid].dotted, whole[cid].full), cid


@pytest.mark.parametrize("view", [{"root": "cto"}, {"root": "cpo"}, {"depth": 2}])
def test_noted_cards_are_tall_enough_and_apart(dl: Org, view: dict) -> None:
    chart, _, texts, box = build(dl, RenderOptions(**view))  # type: ignore[arg-type]
    geometry, _ = layout_tidy(chart, box)
    for cid, text in texts.items():
        if text.dotted:
            need = lines_height(len(text.name), len(text.title), 1)
            assert geometry.boxes[cid].h >= need - 1e-6, cid
    if "root" in view:  # the other ends are outside the view: no line
        assert not [line for line in geometry.lines if line.kind == "dotted"]
    for (one, a), (two, b) in itertools.combinations(geometry.boxes.items(), 2):
        assert (a.right <= b.left or b.right <= a.left or a.bottom <= b.top
                or b.bottom <= a.top), (one, two)


def test_the_root_view_svg_says_so(dl: Org) -> None:
    svg = render(dl, "svg", RenderOptions(root="cto")).decode()
    assert "dotted line to Cy" in svg
    assert "card note" in svg  # the key explains it


def test_the_key_says_lines_are_drawn_only_between_cards_of_the_view(tmp_path: Path) -> None:
    """A part of the org notes dotted lines to people it does not draw, with no line to them:
    its key says so, in the words of the whole org's key (they were worded apart)."""
    source = tmp_path / "dl.yaml"
    source.write_text(
        "orgviz: 1\norg: {name: DL, size: small}\npeople:\n"
        "  - {id: ceo, name: Ada, title: Chief Executive Officer}\n"
        "  - {id: cpo, name: Cy, title: Chief Product Officer, reports_to: ceo}\n"
        "  - {id: cto, name: Tom, title: Chief Technology Officer, reports_to: ceo}\n"
        "  - {id: des, name: Dee, title: Product Designer, reports_to: cto, dotted_to: [cpo]}\n"
        "  - {id: eng, name: Eve, title: Software Engineer, reports_to: cto}\n",
        encoding="utf-8")
    org = load(source)
    part = render(org, "svg", RenderOptions(root="cto")).decode()
    whole = render(org, "svg").decode()
    key = ("card note: dotted lines to or from others (drawn only between cards shown, "
           "where short and clear)")
    assert key in part
    assert key in whole


NAMES = ["Cy", "Dana Reyes", "Fatima-Zahra Benali", "Bartholomew Featherstonehaugh-Worthington",
         "Ethan Nakamura-Brooks", "Open role: Staff Designer"]
NOTE = re.compile(r"^dotted lines? (to [^·]+?( · from .+)?|from .+)$")


@pytest.mark.parametrize("managers", range(4))
@pytest.mark.parametrize("reports", range(5))
def test_every_note_says_to_and_from_in_the_same_words(managers: int, reports: int) -> None:
    """Notes mixed "dotted line to X · +1 report" and "dotted to X · +1 report" (and "2
    dotted reports", "3 dotted-line reports"): now "dotted line(s) to ... · from ...", the
    words kept whatever the names' lengths, only names and counts shortened; and it fits."""
    for names in itertools.permutations(NAMES, 2):
        above = [names[i % 2] for i in range(managers)]
        below = [names[(i + 1) % 2] for i in range(reports)]
        note = dotted_note(above, below)
        if not managers + reports:
            assert note == ""
            continue
        assert NOTE.match(note), note
        assert note.startswith("dotted line " if managers + reports == 1 else "dotted lines ")
        assert (" to " in note) == bool(managers) and ("from " in note) == bool(reports)
        for shortened in ("dotted to", "report", "+1 person", "dotted-line"):
            assert shortened not in note, note
        if re.search(r"from [0-9,]+$", note):  # (a bare count: only to keep a name)
            shown = note.split(" to ", 1)[1].split(" · ")[0].split(" +")[0].strip("\u2068\u2069")
            assert len(shown.removesuffix("…")) >= NAME_LEFT, note
        assert text_width(note, TEAM_SIZE) <= WIDTH - 2 * PAD_X - NOTE_MARK, note


@pytest.mark.parametrize(("manager", "reports", "expected"), [
    ("Bartholomew Featherstonehaugh", ["Sam Ito"], "dotted lines to Bartholome… · from 1"),
    ("Bartholomew Featherstonehaugh", ["Sam Ito", "Bo Li"],
     "dotted lines to Bart… · from 2 people"),
    ("Dana Reyes", ["Sam Ito"], "dotted lines to Dana Reyes · from 1"),
    ("محمد عبد الرحمن الهاشمي", ["Sam Ito"], "dotted lines to \u2068محمد ع…\u2069 · from 1"),
])
def test_a_cut_name_keeps_enough_of_itself(manager: str, reports: list[str],
                                           expected: str) -> None:
    """A dotted-line manager's name too long beside the reports' names was cut, and the
    reports' count lost its noun ("dotted lines to ⁨محمد عبد…⁩ · from 1", measured too
    wide for the card); keeping the noun always cut names to nothing ("to … · from 1
    person") or two letters ("to Da…"). Now the count keeps its noun while at least
    NAME_LEFT characters of the name stay, else it goes without it; the note fits."""
    note = dotted_note([manager], reports)
    assert note == expected
    shown = note.removeprefix("dotted lines to ").split(" · ")[0].strip("\u2068\u2069")
    assert len(shown.removesuffix("…")) >= NAME_LEFT
    assert manager.startswith(shown.removesuffix("…"))
    assert text_width(note, TEAM_SIZE) <= WIDTH - 2 * PAD_X - NOTE_MARK, note
