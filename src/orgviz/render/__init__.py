"""Drawing org charts: org -> chart -> layout -> SVG, PNG, PDF or DOT."""

from __future__ import annotations

import sys
import types
from typing import Any

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


# As `orgviz.render` may be this package, it shows the function's signature
# (`inspect.signature` follows `__wrapped__`) and, first, its docstring (help(), `__doc__`).
__doc__ = "\n".join(line.removeprefix("    ") for line in (render.__doc__ or "").splitlines()
                    ) + f"\n\nThe package `orgviz.render`: {__doc__}"
__wrapped__ = render
sys.modules[__name__].__class__ = _CallableModule
