"""Small timing helpers shared by the benchmark scripts (wall time of whole processes)."""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from collections.abc import Sequence

PYTHON = sys.executable


def time_command(argv: Sequence[str], repeat: int = 3, ok_codes: Sequence[int] = (0,)) -> float:
    """Median wall time of running a command `repeat` times (output discarded)."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        proc = subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, check=False)
        times.append(time.perf_counter() - start)
        if proc.returncode not in ok_codes:
            raise SystemExit(f"{' '.join(argv)} failed ({proc.returncode}): "
                             f"{proc.stderr.decode(errors='replace')[:300]}")
    return statistics.median(times)


def row(label: str, seconds: float, floor: float | None, floor_name: str = "floor") -> str:
    """One table row: label, seconds and the ratio against the floor."""
    ratio = f"{seconds / floor:5.2f}x {floor_name}" if floor else ""
    return f"  {label:<46} {seconds:8.3f} s  {ratio}"
