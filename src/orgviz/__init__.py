"""orgviz: org charts as code — load, validate and draw YAML org files."""

from __future__ import annotations

__version__ = "0.1.0"

#: (Not typing's: importing typing here would delay orgviz.entry's signal handlers by ~4 ms.)
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from orgviz import errors as errors
    from orgviz.config import Config, load_config
    from orgviz.deck import DeckOptions, WrittenDeck, deck_bytes, write_deck
    from orgviz.diff import Change, diff_orgs
    from orgviz.io.csvimport import ImportOptions, ImportOptionTypeError, ImportResult, import_csv
    from orgviz.io.export import export
    from orgviz.loader import load
    from orgviz.model import Org, Person, Team
    from orgviz.problem import Problem, SourceLoc
    from orgviz.render import RenderOptions, render, render_file
    from orgviz.roles_chart import render as render_roles
    from orgviz.stats import compute as compute_stats
    from orgviz.validate import validate

#: The public API: each name, its module and its name there (imported on first use).
_LAZY = {
    "load": ("orgviz.loader", "load"),
    "validate": ("orgviz.validate", "validate"),
    "render": ("orgviz.render", "render"),
    "render_file": ("orgviz.render", "render_file"),
    "RenderOptions": ("orgviz.render", "RenderOptions"),
    "Config": ("orgviz.config", "Config"),
    "load_config": ("orgviz.config", "load_config"),
    "Org": ("orgviz.model", "Org"),
    "Person": ("orgviz.model", "Person"),
    "Team": ("orgviz.model", "Team"),
    "Problem": ("orgviz.problem", "Problem"),
    "SourceLoc": ("orgviz.problem", "SourceLoc"),
    "import_csv": ("orgviz.io.csvimport", "import_csv"),
    "ImportOptions": ("orgviz.io.csvimport", "ImportOptions"),
    "ImportOptionTypeError": ("orgviz.io.csvimport", "ImportOptionTypeError"),
    "ImportResult": ("orgviz.io.csvimport", "ImportResult"),
    "export": ("orgviz.io.export", "export"),
    "compute_stats": ("orgviz.stats", "compute"),
    "diff_orgs": ("orgviz.diff", "diff_orgs"),
    "Change": ("orgviz.diff", "Change"),
    "render_roles": ("orgviz.roles_chart", "render"),
    "write_deck": ("orgviz.deck", "write_deck"),
    "deck_bytes": ("orgviz.deck", "deck_bytes"),
    "DeckOptions": ("orgviz.deck", "DeckOptions"),
    "WrittenDeck": ("orgviz.deck", "WrittenDeck"),
}

#: Submodules the API documents by name (`orgviz.errors.OrgLoadError`), imported on first use.
_SUBMODULES = ("errors",)

#: (The names of _LAZY: tests/test_api.py holds them equal.)
__all__ = ["Change", "Config", "DeckOptions", "ImportOptionTypeError", "ImportOptions",
           "ImportResult", "Org", "Person", "Problem", "RenderOptions", "SourceLoc", "Team",
           "WrittenDeck", "compute_stats", "deck_bytes", "diff_orgs", "export", "import_csv",
           "load", "load_config", "render", "render_file", "render_roles", "validate",
           "write_deck"]


def __getattr__(name: str) -> Any:
    """Import the public API lazily so that `orgviz validate` starts fast."""
    import importlib

    if name in _SUBMODULES:
        return importlib.import_module(f"orgviz.{name}")
    found = _LAZY.get(name)
    if found is None:
        raise AttributeError(f"module 'orgviz' has no attribute {name!r}")
    module, attribute = found
    return getattr(importlib.import_module(module), attribute)


def __dir__() -> list[str]:
    """The public API beside the module's own names (for completion in a REPL)."""
    return sorted({*globals(), *_LAZY, *_SUBMODULES})
