#!/usr/bin/env python3
"""Benchmark `orgviz render` against bare Graphviz on the DOT that orgviz produces.

    python benchmarks/bench_render.py [--sizes 1000 5000] [--repeat 3]

For each size: a generated org (benchmarks/genorg.py), then, side by side, whole processes:
- the floor: `dot -Tsvg` on the layout DOT orgviz hands to Graphviz (and, for reference, on
  the stand-alone DOT that `-o chart.dot` writes, with HTML-like labels);
- the embedded floor: a Python process that only runs the embedded Graphviz on that DOT;
- `orgviz render org.yaml -o chart.svg` with the system and the embedded engine.
orgviz's own overhead is its time minus the floor; the target is at most 1.3x the floor.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from _timing import PYTHON, row, time_command  # noqa: E402
from genorg import generate_org  # noqa: E402

EMBEDDED_FLOOR = """
import sys
from orgviz.render.engines import EmbeddedEngine
source = open(sys.argv[1], encoding="utf-8").read()
sys.stdout.buffer.write(EmbeddedEngine().render(source, "svg", "dot", 600))
"""


def layout_dot(org_path: Path) -> str:
    """The DOT that orgviz gives Graphviz for the default chart of an org."""
    from orgviz.loader import load
    from orgviz.render.dot import write_dot
    from orgviz.render.pipeline import RenderOptions, build

    chart, theme, _texts, box = build(load(org_path), RenderOptions())
    return write_dot(chart, box, theme).source


def bench(n: int, repeat: int, folder: Path, has_dot: bool) -> None:
    org = folder / f"org-{n}.yaml"
    org.write_text(generate_org(n, seed=0), encoding="utf-8")
    layout = folder / f"layout-{n}.dot"
    layout.write_text(layout_dot(org), encoding="utf-8")
    orgviz = [PYTHON, "-m", "orgviz", "render", str(org)]
    standalone = folder / f"chart-{n}.dot"
    subprocess.run([*orgviz, "-o", str(standalone)], check=True, capture_output=True)
    print(f"\n{n:,} positions")
    floor = None
    if has_dot:
        floor = time_command(["dot", "-Tsvg", str(layout), "-o", str(folder / "floor.svg")],
                             repeat)
        print(row("dot -Tsvg layout DOT (the floor)", floor, None))
        labelled = time_command(["dot", "-Tsvg", str(standalone), "-o",
                                 str(folder / "labelled.svg")], repeat)
        print(row("dot -Tsvg stand-alone DOT (labels)", labelled, floor))
        system = time_command([*orgviz, "--engine", "system", "-o", str(folder / "s.svg")],
                              repeat)
        print(row("orgviz render --engine system", system, floor))
        overhead = system - floor
        verdict = "ok" if overhead <= 1.3 * floor else "OVER 1.3x"
        print(f"  {'orgviz overhead (system)':<46} {overhead:8.3f} s  "
              f"{overhead / floor:5.2f}x floor  [{verdict}]")
    try:
        embedded_floor = time_command([PYTHON, "-c", EMBEDDED_FLOOR, str(layout)], repeat)
        print(row("embedded Graphviz alone (process)", embedded_floor, floor))
        embedded = time_command([*orgviz, "--engine", "embedded", "-o",
                                 str(folder / "e.svg")], repeat)
        print(row("orgviz render --engine embedded", embedded, floor))
        overhead = embedded - embedded_floor
        verdict = "ok" if overhead <= 1.3 * embedded_floor else "OVER 1.3x"
        print(f"  {'orgviz overhead (embedded)':<46} {overhead:8.3f} s  "
              f"{overhead / embedded_floor:5.2f}x embedded floor  [{verdict}]")
    except SystemExit as exc:  # the embedded Graphviz gave up (a stack overflow on big orgs)
        print(f"  embedded: {str(exc).splitlines()[0][:150]}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 5000])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    has_dot = shutil.which("dot") is not None
    if not has_dot:
        print("(no `dot` on PATH: system engine and floor skipped)")
    with tempfile.TemporaryDirectory() as folder:
        for n in args.sizes:
            bench(n, args.repeat, Path(folder), has_dot)
    return 0


if __name__ == "__main__":
    sys.exit(main())
