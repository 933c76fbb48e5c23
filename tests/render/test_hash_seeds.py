"""Same input, same bytes across processes: charts do not depend on Python's hash seed."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from renderkit import system_graphviz

ORGS = Path(__file__).resolve().parents[2] / "orgs"


def _rendered(args: list[str], seed: str, out: Path) -> bytes:
    """The SVG `orgviz render` writes in a process of its own with PYTHONHASHSEED=seed."""
    env = {**os.environ, "PYTHONHASHSEED": seed}
    done = subprocess.run([sys.executable, "-m", "orgviz", "render", *args, "-o", str(out)],
                          env=env, capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    return out.read_bytes()


@pytest.mark.parametrize("layout", [
    pytest.param("tidy", id="tidy"),
    pytest.param("dot", marks=system_graphviz, id="dot"),
])
def test_a_chart_is_the_same_whatever_the_hash_seed(tmp_path: Path, layout: str) -> None:
    # (the determinism tests compared two renders in one process, which share the seed: a
    # set's order leaking into the layout would have passed them)
    args = [str(ORGS / "mid-size.yaml"), "--layout", layout,
            *(["--engine", "system"] if layout == "dot" else [])]
    first = _rendered(args, "1", tmp_path / "one.svg")
    assert first.rstrip().endswith(b"</svg>") and b"Priya Raman" in first
    assert _rendered(args, "2", tmp_path / "two.svg") == first
    assert _rendered(args, "3", tmp_path / "three.svg") == first
