"""Posts whose holder's name was withheld (UK organograms' `N/D`, imported as 'Name not
disclosed'): a deck names them by their title, in slide titles, subtitles, the 'reports to'
card, the alternative text and the speaker notes."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from orgviz.deck.build import build_deck
from orgviz.deck.notes import listed, person_text, who, withheld
from orgviz.deck.pages import (
    REFERENCE_NAME_SIZE,
    REFERENCE_PAD,
    REFERENCE_TEXT_SIZE,
    REFERENCE_TEXT_W,
    page_svg,
    reference_box,
    reference_lines,
)
from orgviz.deck.slides import Deck, Slide
from orgviz.loader import load
from orgviz.render.labels import clean, text_width, xml_escape

SHARED_DATA = Path(__file__).resolve().parents[3] / "shared" / "data"

ORG = """\
orgviz: 1
org: {name: Ministry, size: mid-size}
teams:
  - {id: office, name: Private Office}
  - {id: legal, name: Legal}
  - {id: cases, name: Casework}
people:
  - {id: ps, name: Dana Reyes, title: Permanent Secretary, team: office}
  - {id: head, name: Name not disclosed, title: Head of Legal, reports_to: ps, team: legal}
  - {id: law1, name: N/D, title: Lawyer, reports_to: head, team: legal}
  - {id: law2, name: Sam Osei, title: Lawyer, reports_to: head, team: legal}
  - {id: case, name: Name not disclosed, title: "Director, Casework", reports_to: head,
     team: cases}
  - {id: c1, name: Name not disclosed, title: Caseworker, reports_to: case, team: cases}
  - {id: c2, name: Name not disclosed, reports_to: case, team: cases}
  - {id: c3, vacant: true, title: Caseworker, reports_to: case, team: cases}
"""


def _texts(slide: Slide) -> list[str]:
    """Every text of a slide that could name a person."""
    found = [slide.title, slide.subtitle, slide.notes]
    if slide.picture is not None:
        found.append(slide.picture.description)
    if slide.reports_to is not None:
        found += [slide.reports_to.name, slide.reports_to.title]
    return found


def _deck(org_file: Callable[..., Path]) -> Deck:
    return build_deck([(load(org_file(ORG)), ())])


def test_withheld_names_are_read_as_the_importer_writes_them(
        org_file: Callable[..., Path]) -> None:
    people = load(org_file(ORG)).by_id
    assert [pid for pid in people if withheld(people[pid])] == ["head", "law1", "case", "c1",
                                                                 "c2"]
    assert who(people["head"]) == "Head of Legal"
    assert who(people["c2"]) == "Name not disclosed"  # no title to name the post by
    assert who(people["c3"]) == "Open role (Caseworker)"  # a vacancy: by its post
    assert person_text(people["case"]) == "Director, Casework"
    assert person_text(people["ps"]) == "Dana Reyes, Permanent Secretary"


def test_the_deck_names_a_withheld_post_by_its_title(org_file: Callable[..., Path]) -> None:
    deck = _deck(org_file)
    titles = [slide.title for slide in deck.slides]
    assert "Casework" in titles
    casework = deck.slides[titles.index("Casework")]
    assert casework.subtitle.startswith("Director, Casework · ")
    assert casework.reports_to is not None
    assert (casework.reports_to.name, casework.reports_to.title) == ("Head of Legal", "")
    assert "Reports to Head of Legal (slide " in casework.notes
    assert "- Caseworker, reports to Director, Casework" in casework.notes
    for slide in deck.slides:
        for text in _texts(slide):
            assert "Name not disclosed" not in text, (slide.title, text)
            assert "N/D" not in text, (slide.title, text)


ADVISER = "Assistant Legal Adviser - Policing and Crime Reduction"


@pytest.mark.parametrize("title", [ADVISER, "Head of Legal and " + "Constitutional " * 6])
def test_a_long_withheld_title_wraps_onto_the_reports_to_cards_second_line(
        org_file: Callable[..., Path], title: str) -> None:
    # The card's first line, 'Reports to <title>', was cut ('Reports to Assistant Legal
    # Adviser - Pol…') and its second said 'On slide 3': the title is all that names the
    # post. It goes on over the second line, before the slide number.
    deck = build_deck([(load(org_file(ORG.replace("title: Head of Legal", f"title: {title}"))),
                        ())])
    casework = next(slide for slide in deck.slides if slide.title == "Casework")
    assert casework.reports_to is not None
    first, second = reference_lines(casework)
    tail = f" · slide {casework.reports_to.slide}"
    assert first.startswith("Reports to ") and not first.endswith("…")
    assert second.endswith(tail)
    rest = second.removesuffix(tail)
    assert text_width(first, REFERENCE_NAME_SIZE, True) <= REFERENCE_TEXT_W
    assert text_width(second, REFERENCE_TEXT_SIZE) <= REFERENCE_TEXT_W
    whole = f"Reports to {clean(title)}"
    if title == ADVISER:  # whole over the two lines
        assert f"{first} {rest}" == whole
    else:  # longer than both lines hold: cut at the end of the second
        assert rest.endswith("…") and whole.startswith(f"{first} {rest[:-1]}")
    # The PDF page draws the lines of its card, which is as wide as its slide leaves room
    # for: wider than REFERENCE_W beside a short title, so the first line holds more.
    card = reference_box(deck.frame, casework)
    first, second = reference_lines(casework, card.w)
    if text_width(whole, REFERENCE_NAME_SIZE, True) <= card.w - REFERENCE_PAD:
        assert (first, second) == (whole, tail.replace(" · slide", "On slide").strip())
    else:  # (over two lines, in the card)
        assert first.startswith("Reports to ") and second.endswith(tail)
        assert text_width(first, REFERENCE_NAME_SIZE, True) <= card.w - REFERENCE_PAD
        assert text_width(second, REFERENCE_TEXT_SIZE) <= card.w - REFERENCE_PAD
    page = page_svg(deck, deck.slides.index(casework)).decode("utf-8")
    assert f">{xml_escape(first)}</text>" in page and f">{xml_escape(second)}</text>" in page


def test_a_short_withheld_title_keeps_the_card_as_it_was(org_file: Callable[..., Path]) -> None:
    deck = _deck(org_file)
    casework = next(slide for slide in deck.slides if slide.title == "Casework")
    assert casework.reports_to is not None
    assert reference_lines(casework) == ("Reports to Head of Legal",
                                         f"On slide {casework.reports_to.slide}")


def test_a_list_whose_last_name_has_a_comma_is_joined_by_semicolons() -> None:
    # (only the names before the last were looked at: 'Ann, Bob and Director, Centre ...')
    assert listed(["Ann", "Bob", "Director, Centre for Science"]) == (
        "Ann; Bob and Director, Centre for Science")
    assert listed(["Director, Centre", "Ann", "Bob"]) == "Director, Centre; Ann and Bob"
    assert listed(["Ann", "Bob", "Cy"]) == "Ann, Bob and Cy"
    assert (listed(["Ann"]), listed([])) == ("Ann", "")


@given(st.lists(st.text(alphabet="ab,", min_size=1, max_size=6), min_size=1, max_size=5))
def test_a_list_of_names_reads_apart_even_with_commas_in_them(items: list[str]) -> None:
    # (names without spaces or semicolons: a reader splits at ' and ', then at '; ' where
    # the text has one, else at ', ', and gets the names back)
    text = listed(items)
    head, _, last = text.rpartition(" and ")
    parts = [*(head.split("; " if ";" in text else ", ") if head else []), last]
    assert parts == items
    if len(items) > 2 and any("," in item for item in items):
        assert ";" in text


@pytest.mark.shared_data
@pytest.mark.skipif(not SHARED_DATA.is_dir(), reason="../shared/data is absent")
def test_the_uk_home_office_deck_names_no_post_not_disclosed() -> None:
    from orgviz.io.csvimport import ImportOptions, import_csv

    org = import_csv(SHARED_DATA / "uk-home-office-2012-09-30-senior.csv",
                     ImportOptions(keep_going=True)).org
    assert sum(withheld(person) for person in org.people) > 90
    deck = build_deck([(org, ())])
    titles = [slide.title for slide in deck.slides]
    assert not [text for slide in deck.slides for text in _texts(slide)
                if "Name not disclosed" in text]
    assert "Change" in titles  # (its lead's name withheld: the subtitle is their title)
    assert deck.slides[titles.index("Change")].subtitle.startswith(
        "Border Force Change Director · ")


@pytest.mark.parametrize(("name", "expected"), [
    ("N/D", True), ("n/d", True), ("Name not disclosed", True), ("NAME  NOT DISCLOSED", True),
    (" withheld ", True), ("Name withheld", True),
    ("Nadia Dunne", False), ("Not disclosed yet", False), ("Vacant", False), ("", False),
])
def test_withheld_names_are_the_importers_placeholders_and_its_written_name(
        name: str, expected: bool) -> None:
    from orgviz.io.csvimport.values import PLACEHOLDER_NAMES
    from orgviz.placeholders import WITHHELD_NAME, WITHHELD_NAMES, is_withheld_name

    assert is_withheld_name(name) is expected
    assert WITHHELD_NAMES <= PLACEHOLDER_NAMES  # the importer reads them as placeholders
    assert is_withheld_name(WITHHELD_NAME)


def test_a_deck_of_withheld_names_does_not_import_the_importer(tmp_path: Path) -> None:
    # The deck read the importer's constants for withheld names: the whole csvimport
    # package (~30 ms, 50-80 ms on a busy machine) was imported for two constants.
    import subprocess
    import sys

    source = tmp_path / "ministry.yaml"
    source.write_text(ORG, encoding="utf-8")
    code = ("import sys\n"
            "from orgviz.deck import deck_bytes\n"
            "from orgviz.deck.build import DeckOptions\n"
            "from orgviz.loader import load\n"
            f"data, count = deck_bytes([(load({str(source)!r}), ())], 'pptx', DeckOptions())\n"
            "assert count > 2, count\n"
            "print(sorted(m for m in sys.modules if m.startswith('orgviz.io.csvimport')))\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=300, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"
