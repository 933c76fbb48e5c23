"""Placeholder names that the importer writes and the deck reads: a post whose holder's name
was withheld (kept apart from the importer, which a deck need not import)."""

from __future__ import annotations

#: Names held back by the publisher (UK organograms: `N/D`, not disclosed), folded: a filled
#: post. (WITHHELD_NAME is no placeholder to the importer: read as a name, it means the
#: same, and names longer than every placeholder are never looked up: see
#: `orgviz.io.csvimport.values._maybe_placeholders`.)
WITHHELD_NAMES = frozenset(("n/d", "nd", "not disclosed", "withheld", "name withheld"))
#: The name the importer writes for a filled post whose holder's name was withheld.
WITHHELD_NAME = "Name not disclosed"
_WITHHELD_FOLDED = WITHHELD_NAMES | {WITHHELD_NAME.casefold()}


def is_withheld_name(name: str) -> bool:
    """Whether a name says that its holder's name was withheld: a publisher's placeholder
    (`N/D`) or the name the importer writes for one, in any case and spacing."""
    return " ".join(name.casefold().split()) in _WITHHELD_FOLDED
