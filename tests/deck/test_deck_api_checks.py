"""The deck API's checks (files given twice, a lone path, options and arguments of the wrong
type) and deck wording (open managers named by their post, piles of open roles, one layer,
a blank --title)."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from deckkit import SMALL

from orgviz.deck import deck_bytes, write_deck
from orgviz.deck.build import DeckOptions, DeckTypeError, build_deck
from orgviz.deck.notes import who
from orgviz.deck.plan import DeckError
from orgviz.errors import OrgvizError
from orgviz.loader import load

#: A vacant VP of Sales with reports (one open), an engineering manager of two open roles.
VACANT = """\
orgviz: 1
org: {name: Vacant Co, size: small}
people:
  - {id: ceo, name: Cat Tor, title: Chief Executive Officer}
  - {id: cro, name: Rae Oh, title: Chief Revenue Officer, reports_to: ceo}
  - {id: vps, vacant: true, title: VP of Sales, reports_to: cro}
  - {id: rsm, name: Ann Ek, title: Regional Sales Manager, reports_to: vps}
  - {id: rs2, name: Bo Ek, title: Regional Sales Manager, reports_to: vps}
  - {id: sdr, vacant: true, title: Sales Development Rep, reports_to: vps}
  - {id: ae1, name: Al Ek, title: Account Executive, reports_to: rsm}
  - {id: ae2, vacant: true, title: Account Executive, reports_to: rsm}
  - {id: cto, name: Dee Vee, title: Chief Technology Officer, reports_to: ceo}
  - {id: em, name: Em Em, title: Engineering Manager, reports_to: cto}
  - {id: en1, vacant: true, title: Engineer, reports_to: em}
  - {id: en2, vacant: true, title: Engineer, reports_to: em}
"""

SOLO = ("orgviz: 1\norg: {name: Solo, size: small}\npeople:\n"
        "  - {id: a, name: Sol O, title: Founder}\n")


def _svg(svg: str | bytes) -> str:
    return svg.decode() if isinstance(svg, bytes) else svg


# write_deck's files ----------------------------------------------------------------------------
def test_write_deck_refuses_a_file_given_twice(org_file: Callable[..., Path],
                                               tmp_path: Path) -> None:
    small = org_file(SMALL, name="small.yaml")
    with pytest.raises(OrgvizError, match=r"small\.yaml is given twice: give each org file "
                                          r"once"):
        write_deck([small, small], tmp_path / "x.pptx")
    with pytest.raises(OrgvizError, match=r"/\./small\.yaml is given twice: give each"):
        write_deck([str(small), f"{small.parent}/./small.yaml"], tmp_path / "x.pdf")
    assert not (tmp_path / "x.pptx").exists() and not (tmp_path / "x.pdf").exists()


def test_write_deck_takes_one_path_as_one_file(org_file: Callable[..., Path],
                                               tmp_path: Path) -> None:
    small = org_file(SMALL, name="small.yaml")
    for source in (str(small), small):
        written = write_deck(source, tmp_path / "one.pptx")  # not a file per character
        assert written.slides >= 3
        whole = write_deck([small], tmp_path / "list.pptx")
        assert written.slides == whole.slides
    once = write_deck((path for path in [small]), tmp_path / "generated.pptx")
    assert once.slides == written.slides  # (a generator was read twice: no org left)


# options and arguments of the wrong type ----------------------------------------------------------
@pytest.mark.parametrize(("fields", "message"), [
    ({"depth": "3"}, "depth (--depth) must be a whole number, not '3'"),
    ({"depth": 2.5}, "depth (--depth) must be a whole number, not 2.5"),
    ({"depth": True}, "depth (--depth) must be a whole number, not True"),
    ({"min_font": "9"}, "min_font (--min-font) must be a number, not '9'"),
    ({"timeout": "5"}, "timeout must be a number, not '5'"),
    ({"title": 5}, "title (--title) must be text (a string) or None, not 5"),
    ({"date": 5}, "date (--date) must be text (a string) or None, not 5"),
    ({"merge": "no"}, "merge (--merge/--no-merge) must be True or False, not 'no'"),
    ({"theme": ["light"]}, "unknown theme (--theme) ['light']: use one of"),
    ({"split": 5}, "unknown split (--split) 5: use one of"),
    ({"color_by": None}, "unknown color_by (--color-by) None: use one of"),
    ({"engine": b"auto"}, "unknown engine (--engine) b'auto': use one of"),
    ({"layout": ("tidy",)}, "unknown layout (--layout) ('tidy',): use one of"),
])
def test_options_of_the_wrong_type_say_so(fields: dict[str, Any], message: str) -> None:
    """A DeckTypeError: a DeckError, as a bad value is, and a TypeError (`theme=['light']`
    was a DeckError alone, unlike `depth='3'`)."""
    with pytest.raises(DeckTypeError) as caught:
        DeckOptions(**fields).verified()
    assert isinstance(caught.value, TypeError) and isinstance(caught.value, DeckError)
    assert str(caught.value).startswith(message)


def test_an_unknown_choice_is_no_type_error() -> None:
    with pytest.raises(DeckError) as caught:
        DeckOptions(theme="neon").verified()
    assert not isinstance(caught.value, TypeError)
    assert str(caught.value) == ("unknown theme (--theme) 'neon': use one of light, dark, print, "
                                 "high-contrast")


def test_deck_bytes_checks_its_arguments(org_file: Callable[..., Path]) -> None:
    org = load(org_file(SMALL))
    pairs = "deck_bytes takes (org, problems) pairs, such as [(org, ())], not Org"
    for orgs, message in (([org], pairs),
                          ([(org,)], pairs.replace("not Org", "not (Org,)")),
                          ([(org, "x")], pairs.replace("not Org", "not (Org, str)")),
                          ([(None, ())], pairs.replace("not Org", "not (NoneType, tuple)")),
                          (org, "deck_bytes takes a list of (org, problems) pairs, such as "
                                "[(org, ())], not Org")):
        with pytest.raises(DeckError) as caught:
            deck_bytes(orgs, "pdf")  # type: ignore[arg-type]
        assert str(caught.value) == message
    with pytest.raises(TypeError) as wrong:  # (a DeckError, which is no TypeError)
        deck_bytes([(org, ())], "pdf", {"split": "team"})  # type: ignore[arg-type]
    assert str(wrong.value) == ("orgviz.deck_bytes()'s options must be a DeckOptions (such "
                                "as orgviz.DeckOptions(split='manager')) or None, not "
                                "{'split': 'team'} (dict)")
    with pytest.raises(DeckError, match=r"^unknown deck format \['pdf'\]: use pptx or pdf$"):
        deck_bytes([(org, ())], ["pdf"])  # type: ignore[arg-type]


# wording ----------------------------------------------------------------------------------------
def test_an_open_manager_is_named_by_the_post(org_file: Callable[..., Path]) -> None:
    org = load(org_file(VACANT))
    assert who(org.by_id["vps"]) == "Open role (VP of Sales)"
    deck = build_deck([(org, ())], DeckOptions(split="manager"))
    texts = "\n".join(f"{s.title}\n{s.subtitle}\n{s.notes}" for s in deck.slides)
    assert "- Sales Development Rep, reports to Open role (VP of Sales)" in texts
    assert "Reports to Open role: VP of Sales (slide " in texts  # (`person_text`)
    assert not re.search(r"(?i)reports to open role\b(?! \(|:)", texts)  # the post unnamed
    references = [s.reports_to for s in deck.slides if s.reports_to is not None]
    cards = [(r.name, r.title) for r in references if "Open" in r.name]
    assert cards == [("Open role (VP of Sales)", "")]  # the title not said twice


def test_a_pile_of_open_roles_says_open_roles(org_file: Callable[..., Path]) -> None:
    deck = build_deck([(load(org_file(VACANT)), ())], DeckOptions(split="manager"))
    piles = {text for slide in deck.slides if slide.picture is not None
             for text in re.findall(r"\+[^<]*· slide \d+", _svg(slide.picture.svg))}
    assert any(re.fullmatch(r"\+2 open roles · slide \d+", pile) for pile in piles), piles
    assert not any("+0 " in pile for pile in piles)
    assert any(re.fullmatch(r"\+3 people, 2 open · slide \d+", pile) for pile in piles), piles


def test_a_one_level_org_has_one_layer(org_file: Callable[..., Path]) -> None:
    deck = build_deck([(load(org_file(SOLO, name="solo.yaml")), ()),
                       (load(org_file(SMALL, name="small.yaml")), ())])
    sections = [slide.subtitle for slide in deck.slides if slide.kind == "section"]
    assert sections[0].endswith("· 1 layer") and sections[1].endswith("· 6 layers")


@pytest.mark.parametrize("title", ["", "   ", "\t \n"])
def test_a_blank_title_is_not_given(org_file: Callable[..., Path], title: str) -> None:
    deck = build_deck([(load(org_file(SMALL)), ())], DeckOptions(title=title))
    assert deck.title == deck.slides[0].title == "Tiny Co"
