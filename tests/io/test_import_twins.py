"""Import code that decided one thing in two places, now deciding it in one: the vacancy
words that take a note are VACANCY_NAMES' own."""

from __future__ import annotations

import pytest

from orgviz.io.csvimport import values
from orgviz.io.csvimport.values import (
    EMPTY_WORDS,
    VACANCY_NAMES,
    _fold,
    _maybe_placeholders,
    placeholder_of,
)

#: The vacancy words that take a note (VACANCY_NAMES but the "nothing here" words).
WORDS = sorted(values._VACANCY_WORDS)
#: Those the pattern listed by hand before it was derived from VACANCY_NAMES.
BY_HAND = sorted(["vacant", "vacancy", "vacant post", "vacant role", "vacant position",
                  "unfilled", "tbh", "tbd", "tbc", "to be hired", "to be confirmed", "open",
                  "open role", "open position", "open req", "open headcount", "hiring"])


def test_the_words_are_those_the_pattern_listed_by_hand() -> None:
    # (no name reads otherwise than before the pattern was derived)
    assert WORDS == BY_HAND


@pytest.mark.parametrize("word", WORDS)
@pytest.mark.parametrize("note", [" - Req 123", ": Senior Engineer", " (backfill)", " #4",
                                  " \u2013 2025", "/contract"])
def test_each_vacancy_word_with_a_note_is_a_vacancy(word: str, note: str) -> None:
    name = word.title() + note
    assert placeholder_of(_fold(name)) == "vacant"
    # (and the filter that skips names that cannot be placeholders does not skip it)
    names: list[str | None] = [name, "Ann Lee"]
    assert 0 in set(_maybe_placeholders(names))
    assert 0 in set(_maybe_placeholders(names, True))


@pytest.mark.parametrize("word", sorted(VACANCY_NAMES & EMPTY_WORDS))
def test_a_nothing_word_with_a_note_stays_a_name(word: str) -> None:
    # ('None - see HR' is no vacancy word with a note, as it was not)
    assert placeholder_of(_fold(f"{word} - see HR")) is None


def test_every_character_that_folds_to_a_first_of_a_marked_name_is_looked_at() -> None:
    cased = values._MARKED_FIRSTS_CASED
    missed = [c for c in map(chr, range(0x110000))
              if c.casefold() in values._MARKED_FIRSTS and c not in cased]
    assert missed == []
