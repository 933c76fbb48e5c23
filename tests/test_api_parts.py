"""`orgviz.validate` of a part of a split org loaded alone (a file of people without an
`org:` header, `Org.part`) says its own problems only: its missing header and what the
loader found, not the rules' findings on its people alone (a profile-fit warning for the
undeclared size, unknown-manager errors for managers in the other files). The command line
said so since it recognised a part by the header error's text; the API, and `orgviz deck`
(which calls validate itself), still gave the follow-on findings."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

import orgviz
from orgviz.deck import write_deck
from orgviz.errors import OrgLoadError
from orgviz.model import Org
from orgviz.problem import Problem

PART = """\
orgviz: 1
people:
  - {id: cto, name: Cy Diaz, title: CTO, reports_to: ceo}
  - {id: eng, name: Eve Ng, title: Engineer, reports_to: cto}
"""
NO_HEADER = ("the org file has no 'org:' header: add 'org: {name: ...}' (a part of a split "
             "org is checked through the file that includes it)")


def header_error(path: Path) -> Problem:
    """The one problem of a part no org includes: its missing header at 1:1."""
    return Problem(str(path), 1, 1, "error", "schema", NO_HEADER)


def test_a_part_gives_only_its_header_error(org_file: Callable[..., Path]) -> None:
    path = org_file(PART)
    org = orgviz.load(path)
    assert org.part is True
    assert orgviz.validate(org) == [header_error(path)]


def test_a_part_keeps_its_own_load_and_rules_problems(org_file: Callable[..., Path]) -> None:
    path = org_file(PART.replace("Engineer,", "Engineer, boss: x,")
                    + "rules:\n  no-such-rule: off\n")
    assert [(p.file, p.line, p.col, p.level, p.rule, p.message)
            for p in orgviz.validate(orgviz.load(path))] == [
        (str(path), 1, 1, "error", "schema", NO_HEADER),
        (str(path), 4, 46, "error", "schema", "unknown key 'boss' in person 'eng'; did you "
         "mean 'reports_to'? (allowed: id, name, title, role, reports_to, dotted_to, team, "
         "vacant, assistant, location, email, fte)"),
        (str(path), 6, 3, "error", "config", "unknown rule 'no-such-rule'"),
    ]


def test_an_org_with_a_header_is_no_part(org_file: Callable[..., Path]) -> None:
    whole = orgviz.load(org_file(PART.replace("people:", "org: {name: Eng}\npeople:")))
    assert whole.part is False
    assert {p.rule for p in orgviz.validate(whole)} == {"unknown-manager", "profile-fit"}


def test_a_header_key_not_indented_is_a_header_mistaken_not_a_part(
        org_file: Callable[..., Path]) -> None:
    # (`name:` at the top: an org file whose header is wrongly written, checked whole)
    path = org_file(PART.replace("people:", "name: Eng\npeople:"))
    org = orgviz.load(path)
    assert org.part is False
    assert [(p.line, p.col, p.rule) for p in orgviz.validate(org)] == [
        (1, 1, "profile-fit"), (2, 1, "schema"), (4, 54, "unknown-manager")]


def test_the_flag_decides_not_the_message(org_file: Callable[..., Path]) -> None:
    """A part is known by what the loader records (`Org.part`), not by its error's text."""
    path = org_file(PART)
    org = orgviz.load(path)
    org.part = False  # (checked whole: the rules' findings on its people alone)
    assert [(p.line, p.col, p.rule) for p in orgviz.validate(org)] == [
        (1, 1, "schema"), (1, 1, "profile-fit"), (3, 54, "unknown-manager")]
    made = Org(file="made.yaml", name="Made", people=org.people, part=True)
    assert orgviz.validate(made) == []


def test_write_deck_of_a_part_refuses_it_with_its_header_error_only(
        org_file: Callable[..., Path], tmp_path: Path) -> None:
    path = org_file(PART)
    with pytest.raises(OrgLoadError) as caught:
        write_deck([path], tmp_path / "deck.pptx")
    assert list(caught.value.problems) == [header_error(path)]
    assert not (tmp_path / "deck.pptx").exists()
