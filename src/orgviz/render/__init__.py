"""Drawing org charts: org -> chart -> layout -> SVG, PNG, PDF or DOT."""

from __future__ import annotations

import types
from typing import Any

from orgviz.callmodule import stand_for
from orgviz.render.pipeline import (
    FORMATS,
    LAYOUTS,
    Rendered,
    RenderOptions,
    format_for,
    render,
    render_file,
)

__all__ = ["FORMATS", "LAYOUTS", "RenderOptions", "Rendered", "format_for", "render",
           "render_file"]


class _CallableModule(types.ModuleType):
    """`orgviz.render` names this package and the `render` function: calling it draws.

    Importing the package makes it the `render` attribute of `orgviz`, so the package
    itself forwards calls to `render()`.
    """

    def __call__(self, *args: Any, **kwargs: Any) -> bytes:
        return render(*args, **kwargs)


# (`orgviz.render` may be this package: it shows the function's signature and docstring)
stand_for(__name__, render, _CallableModule)
