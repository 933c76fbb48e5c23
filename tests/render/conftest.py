"""Fixtures of the rendering tests."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from renderkit import SMALL

from orgviz.loader import load
from orgviz.model import Org


@pytest.fixture
def small_org(org_file: Callable[..., Path]) -> Org:
    """A small valid org with every kind of card and line."""
    return load(org_file(SMALL))
