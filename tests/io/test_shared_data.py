"""The real HR exports in ../shared/data import, validate, and have their issues reported."""

from __future__ import annotations

from pathlib import Path

import pytest

from orgviz.io.csvimport import ImportOptions, import_csv
from orgviz.loader import load
from orgviz.validate import validate
from tests_conftest_shim import SHARED_DATA  # noqa: F401  (replaced below)
