#!/usr/bin/env python3
"""Benchmark big orgs: `orgviz render --layout tidy` against `--layout dot` and bare `dot`.

    python benchmarks/bench_scale.py [--sizes 1000 5000 20000 100000] [--dot-timeout 180]
                                     [--phases]

For each size, a generated org (benchmarks/genorg.py: spans of 3-12, some managers with 40+
reports, 6-10 levels), then whole processes side by side, each with its wall time and peak
memory (the child's own maximum resident set, from wait4):
- `orgviz render org.yaml --layout tidy -o chart.svg` (loads, validates, lays out, draws);
- `orgviz render org.yaml --layout dot -o chart.svg` (the same with Graphviz `dot` placing
  the cards, system engine);
- `dot -Tsvg` on the layout DOT of the whole tree, without lists (`write_dot`: the floor of
  a chart whose every card Graphviz places; since the twenty-fifth session `--layout dot`
  lists people below the top rows as the tidy layout does and gives Graphviz only the rows
  above, so it is no longer that floor's chart: the last column compares tidy with it).
The orgviz processes read the modules' bytecode (written by an untimed first run), as an
installed orgviz does, also where PYTHONDONTWRITEBYTECODE is set.
Graphviz runs are stopped after --dot-timeout seconds, and orgviz stops Graphviz after 120 s
(its --layout dot timeout); both show as "> N s" (Debian's `dot` 2.43 needs about 4 s for a
plain 5,000-node tree and over 70 s at 20,000). With --phases, one more
in-process tidy run per size shows where the time goes (load, validate, chart, layout, SVG),
without cycle collection, as `orgviz render` runs.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from genorg import generate_org  # noqa: E402

PYTHON = sys.executable


@dataclass
class Run:
    """One child process: wall seconds, peak resident memory in MB, and how it ended."""

    seconds: float
    peak_mb: float
    status: str = "ok"  # "ok", "timeout" or "failed (...)"

    def cell(self) -> str:
        if self.status == "timeout":
            return f"> {self.seconds:.0f} s"
        if self.status != "ok":
            return self.status
        return f"{self.seconds:7.2f} s {self.peak_mb:6.0f} MB"


def run(argv: list[str], timeout: float, env: dict[str, str] | None = None) -> Run:
    """Run a command; wall time and the child's own peak RSS (wait4), or a timeout."""
    start = time.perf_counter()
    proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            start_new_session=True, env=env)
    while True:
        pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
        elapsed = time.perf_counter() - start
        if pid:
            break
        if elapsed > timeout:
            os.killpg(proc.pid, signal.SIGKILL)
            os.wait4(proc.pid, 0)
            return Run(timeout, 0.0, "timeout")
        time.sleep(0.02)
    proc.returncode = os.waitstatus_to_exitcode(status)
    stderr = proc.stderr.read().decode(errors="replace") if proc.stderr else ""
    peak = usage.ru_maxrss / 1024  # KB on Linux
    if proc.returncode != 0:
        found = re.search(r"did not finish within (\S+) s", stderr)
        if found:  # orgviz's own Graphviz timeout (120 s)
            return Run(float(found.group(1)), peak, "timeout")
        line = next((x for x in stderr.splitlines() if x.strip()), "")[:60]
        return Run(elapsed, peak, f"failed ({proc.returncode}: {line})")
    return Run(elapsed, peak)


def layout_dot(org_path: Path) -> str:
    """The DOT of an org's whole tree without lists (`write_dot`): Graphviz placing every card,
    the floor column (`--layout dot` itself lists below the top rows)."""
    from orgviz.loader import load
    from orgviz.render.dot import write_dot
    from orgviz.render.pipeline import RenderOptions, build

    chart, theme, _texts, box = build(load(org_path), RenderOptions())
    return write_dot(chart, box, theme).source


def phases(org_path: Path) -> str:
    """Seconds of each step of a tidy render, in this process."""
    import gc

    from orgviz.loader import load
    from orgviz.render.pipeline import RenderOptions, build
    from orgviz.render.svg import draw_svg
    from orgviz.render.tidylayout import layout_tidy
    from orgviz.validate import validate

    gc.collect()
    gc.disable()  # as `orgviz render` does while it reads and draws an org
    try:
        marks = [time.perf_counter()]
        org = load(org_path)
        marks.append(time.perf_counter())
        validate(org)
        marks.append(time.perf_counter())
        chart, theme, texts, box = build(org, RenderOptions())
        marks.append(time.perf_counter())
        geometry, _ends = layout_tidy(chart, box)
        marks.append(time.perf_counter())
        draw_svg(chart, geometry, texts, box, theme)
        marks.append(time.perf_counter())
    finally:
        gc.enable()
    names = ("load", "validate", "chart", "layout", "svg")
    steps = [f"{name} {b - a:.2f}" for name, (a, b) in zip(names, pairwise(marks), strict=True)]
    page = f"{geometry.width:,.0f} x {geometry.height:,.0f} px"
    return ", ".join(steps) + f" (s); drawing {page}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 5000, 20000, 100000])
    parser.add_argument("--dot-timeout", type=float, default=180.0,
                        help="seconds before a Graphviz `dot` run is stopped")
    parser.add_argument("--phases", action="store_true",
                        help="also time each step of a tidy render in-process")
    args = parser.parse_args()
    has_dot = shutil.which("dot") is not None
    print(f"orgviz render (whole processes), Python {sys.version.split()[0]}, "
          f"{os.cpu_count()} CPUs" + ("" if has_dot else "; no `dot` on PATH: dot skipped"))
    header = (f"{'positions':>10} | {'tidy -> SVG':>20} | {'--layout dot -> SVG':>20} | "
              f"{'dot -Tsvg, no lists':>20} | {'tidy vs dot':>11} | {'vs dot -Tsvg':>12}")
    print(header)
    print("-" * len(header))
    tidy_times: list[tuple[int, float]] = []
    notes = []
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        # (The orgviz processes read the modules' bytecode, written by an untimed first run,
        # as an installed orgviz does: this machine sets PYTHONDONTWRITEBYTECODE, which would
        # compile every module at every start.)
        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        env["PYTHONPYCACHEPREFIX"] = str(work / "pycache")
        warm = work / "warm.yaml"
        warm.write_text(generate_org(50, seed=0), encoding="utf-8")
        for layout in ("tidy", "dot") if has_dot else ("tidy",):
            run([PYTHON, "-m", "orgviz", "render", str(warm), "--layout", layout, "-o",
                 str(work / "warm.svg")], 600, env)
        for n in args.sizes:
            org = work / f"org-{n}.yaml"
            org.write_text(generate_org(n, seed=0), encoding="utf-8")
            orgviz = [PYTHON, "-m", "orgviz", "render", str(org)]
            tidy = run([*orgviz, "--layout", "tidy", "-o", str(work / "tidy.svg")], 3600, env)
            dot_run = floor = None
            if has_dot:
                dot_run = run([*orgviz, "--layout", "dot", "--engine", "system", "-o",
                               str(work / "dot.svg")], args.dot_timeout, env)
                source = work / f"layout-{n}.dot"
                source.write_text(layout_dot(org), encoding="utf-8")
                floor = run(["dot", "-Tsvg", str(source), "-o", str(work / "floor.svg")],
                            args.dot_timeout)
            speed = against_floor = ""
            if floor is not None and tidy.status == "ok" and floor.status in ("ok", "timeout"):
                ratio = floor.seconds / tidy.seconds
                against_floor = (f"{'> ' if floor.status == 'timeout' else ''}{ratio:.1f}x "
                                 "faster")
            if dot_run is not None and tidy.status == "ok" and dot_run.status in ("ok",
                                                                                   "timeout"):
                ratio = dot_run.seconds / tidy.seconds
                speed = f"{'> ' if dot_run.status == 'timeout' else ''}{ratio:.1f}x faster"
            print(f"{n:>10,} | {tidy.cell():>20} | "
                  f"{dot_run.cell() if dot_run else 'skipped':>20} | "
                  f"{floor.cell() if floor else 'skipped':>20} | {speed:>11} | "
                  f"{against_floor:>12}", flush=True)
            if tidy.status == "ok":
                tidy_times.append((n, tidy.seconds))
            if args.phases:
                notes.append(f"  {n:>7,}: {phases(org)}")
    if len(tidy_times) > 1:
        (n0, t0), (n1, t1) = tidy_times[0], tidy_times[-1]
        print(f"\ntidy time grows {t1 / t0:.1f}x for {n1 / n0:.0f}x the positions "
              f"({t0 / n0 * 1000:.2f} -> {t1 / n1 * 1000:.2f} ms per position)")
        for (a, ta), (b, tb) in pairwise(tidy_times):
            print(f"  {a:,} -> {b:,}: x{tb / ta:.1f} time for x{b / a:.0f} positions")
    if notes:
        print("\nwhere the tidy time goes (in-process, warm imports):")
        print("\n".join(notes))
    return 0


if __name__ == "__main__":
    sys.exit(main())
