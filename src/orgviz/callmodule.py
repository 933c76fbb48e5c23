"""Modules that stand for the function of their name (`orgviz.render`, `orgviz.validate`).

Importing such a module makes it that attribute of `orgviz`, in place of the function the
API gives under the name: the module forwards calls to the function (a `ModuleType` of its
own with `__call__`) and shows its signature and docstring.
"""

from __future__ import annotations

import sys
import types
from collections.abc import Callable
from typing import Any


def stand_for(name: str, function: Callable[..., Any], kind: type[types.ModuleType]) -> None:
    """Make module `name` a `kind` (whose `__call__` calls `function`) that shows the
    function's signature (`inspect.signature` follows `__wrapped__`) and, first, its
    docstring (help(), `__doc__`), then the module's own."""
    module = sys.modules[name]
    what = "package" if hasattr(module, "__path__") else "module"
    own = "\n".join(line.removeprefix("    ") for line in (function.__doc__ or "").splitlines())
    module.__doc__ = f"{own}\n\nThe {what} `{name}`: {module.__doc__}"
    module.__wrapped__ = function  # type: ignore[attr-defined]
    module.__class__ = kind
