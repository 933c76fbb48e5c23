"""The JSON Schema (draft-07) of the org file format, shipped as schema.json."""

from __future__ import annotations

import json
from importlib.resources import files
from typing import Any


def schema_text() -> str:
    """The schema as JSON text."""
    return files("orgviz").joinpath("schema.json").read_text(encoding="utf-8")


def schema() -> dict[str, Any]:
    """The schema as a dict."""
    data: dict[str, Any] = json.loads(schema_text())
    return data
