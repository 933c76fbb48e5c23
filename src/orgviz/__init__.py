"""orgviz: org charts as code — load, validate and draw YAML org files."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:
    from orgviz.config import Config, load_config
    from orgviz.loader import load
    from orgviz.model import Org, Person, Team
    from orgviz.problem import Problem, SourceLoc
    from orgviz.render import RenderOptions, render, render_file
    from orgviz.validate import validate

__all__ = ["Config", "Org", "Person", "Problem", "RenderOptions", "SourceLoc", "Team", "load",
           "load_config", "render", "render_file", "validate"]

_LAZY = {
    "load": "orgviz.loader", "validate": "orgviz.validate", "Config": "orgviz.config",
    "load_config": "orgviz.config", "Org": "orgviz.model", "Person": "orgviz.model",
    "Team": "orgviz.model", "Problem": "orgviz.problem", "SourceLoc": "orgviz.problem",
    "render": "orgviz.render", "render_file": "orgviz.render", "RenderOptions": "orgviz.render",
}


def __getattr__(name: str) -> Any:
    """Import the public API lazily so that `orgviz validate` starts fast."""
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'orgviz' has no attribute {name!r}")
    import importlib

    return getattr(importlib.import_module(module), name)
