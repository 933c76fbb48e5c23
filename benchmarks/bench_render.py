#!/usr/bin/env python3
"""Benchmark `orgviz render` against bare Graphviz on exactly the DOT that orgviz feeds it.

    python benchmarks/bench_render.py [--sizes 1000 5000] [--repeat 5] [--engines system embedded]

For each size, a generated org (benchmarks/genorg.py) and, per engine, whole processes timed
side by side (round-robin, so that a busy machine slows all of them alike):

- the floor: `dot -K<layout> -Tsvg` on the DOT that `orgviz render` hands to Graphviz for that
  very render. The DOT is captured from the real pipeline (every request goes through
  `engines._verify_request`), not rebuilt here, so it is whatever the pipeline feeds Graphviz;
  if a render makes several Graphviz calls, the floor runs them all, one process each;
- `dot -K<layout> -T<fmt>` with the output format orgviz actually asks for (`plain`), shown
  for reference;
- the embedded floor: the embedded engine's program (graphviz-pure) alone, `-K<layout> -Tsvg`
  on that DOT, one process per request, as orgviz runs it;
- for reference, `dot -Tsvg` on the stand-alone DOT `orgviz render -o chart.dot --layout dot`
  writes for the same chart (a node per card with its HTML label, orthogonal lines): what
  Graphviz takes to draw the chart by itself. Since the layout graph holds a stack's row as
  one node (orgviz places its cards), the DOT fed to Graphviz is about half the size and
  the floor with it, so the ratio rose while the render got faster (see benchmarks/README.md);
- `orgviz render org.yaml -o chart.svg --layout dot --engine <engine>` (the layout where the
  engine matters), and the default `orgviz render org.yaml -o chart.svg` (`--layout auto`,
  which may not call Graphviz at all; it is compared with the same `dot` floor).

    overhead ratio = (orgviz time - floor) / floor        target: at most 1.3

that is, orgviz's own work (Python start, imports, YAML, validation, chart, DOT, reading the
layout, routing, SVG, writing) may take at most 1.3x what Graphviz alone takes. With the
embedded engine, whose program is slower than `dot` itself, orgviz's own time is also shown
as (orgviz time - the embedded program alone) / the `dot` floor: the engine's extra time is
not orgviz's overhead, and the floor stays native `dot`. Times are
medians of wall time; CPU time (user + system of the process) is shown beside them because it
is steadier on a shared machine. orgviz runs with its bytecode cached in a temporary folder, as
after `pip install` (a first run writes it; PYTHONDONTWRITEBYTECODE is cleared for it); the
cost of a run without any cached bytecode is shown once per size.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from genorg import generate_org  # noqa: E402

PYTHON = sys.executable
TARGET = 1.3


# Runs the real `orgviz render` command line in this process and records every request that
# reaches a Graphviz engine (engine, layout, output format, DOT source).
CAPTURE = """
import json, sys
from orgviz.render import engines
calls = []
verify = engines._verify_request
def record(engine, dot_source, fmt, layout, timeout):
    calls.append({"engine": engine.name, "fmt": fmt, "layout": layout, "source": dot_source})
    return verify(engine, dot_source, fmt, layout, timeout)
engines._verify_request = record
from orgviz.cli import main
try:
    main(sys.argv[2:])
except SystemExit as exc:
    if exc.code:
        raise
with open(sys.argv[1], "w", encoding="utf-8") as out:
    json.dump(calls, out)
"""


class Timer:
    """Round-robin timing of several commands: wall and CPU medians of each."""

    def __init__(self, env: dict[str, str] | None = None) -> None:
        self.commands: dict[str, list[Sequence[str]]] = {}
        self.env = env
        self.wall: dict[str, list[float]] = {}
        self.cpu: dict[str, list[float]] = {}

    def add(self, name: str, *argvs: Sequence[str]) -> None:
        """A named step: one or several processes run one after the other."""
        self.commands[name] = list(argvs)

    def run(self, repeat: int) -> None:
        for _ in range(repeat):
            for name, argvs in self.commands.items():
                wall, cpu = 0.0, 0.0
                for argv in argvs:
                    w, c = run_once(argv, self.env)
                    wall, cpu = wall + w, cpu + c
                self.wall.setdefault(name, []).append(wall)
                self.cpu.setdefault(name, []).append(cpu)

    def get(self, name: str) -> tuple[float, float]:
        return statistics.median(self.wall[name]), statistics.median(self.cpu[name])


def run_once(argv: Sequence[str], env: dict[str, str] | None = None) -> tuple[float, float]:
    """Wall and CPU seconds of one process (output discarded); exit on failure."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                          env=env, check=False)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(map(str, argv))} failed ({done.returncode}): "
                         f"{done.stderr.decode(errors='replace')[:300]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def line(label: str, times: tuple[float, float], floor: tuple[float, float] | None = None,
         ) -> str:
    wall, cpu = times
    text = f"  {label:<44} {wall:7.3f} s wall {cpu:7.3f} s cpu"
    if floor:
        text += f"   {wall / floor[0]:5.2f}x floor"
    return text


def verdict(label: str, total: tuple[float, float], floor: tuple[float, float],
            engine_alone: tuple[float, float] | None = None) -> str:
    """orgviz's time beyond `engine_alone` (default: the floor itself) over the floor."""
    alone = engine_alone or floor
    wall = (total[0] - alone[0]) / floor[0]
    cpu = (total[1] - alone[1]) / floor[1]
    mark = "ok" if wall <= TARGET else f"OVER {TARGET}x"
    return (f"  {label:<44} {total[0] - alone[0]:7.3f} s       "
            f"ratio {wall:5.2f} (wall), {cpu:5.2f} (cpu)   [{mark}]")


def embedded_program() -> str:
    """The graphviz-pure program the embedded engine runs (as orgviz finds it)."""
    from orgviz.render.engines import EmbeddedEngine

    program = EmbeddedEngine().find()
    if program is None:
        raise SystemExit("the embedded engine is not installed: pip install graphviz-pure")
    return program


def capture(args: list[str], name: str, folder: Path, env: dict[str, str]) -> list[dict]:
    """The Graphviz requests of `orgviz render *args` (JSON list)."""
    import json

    out = folder / f"calls-{name}.json"
    subprocess.run([PYTHON, "-c", CAPTURE, str(out), "render", *args,
                    "-o", str(folder / f"capture-{name}.svg")], check=True, env=env,
                   stdout=subprocess.DEVNULL)
    return json.loads(out.read_text(encoding="utf-8"))


def bench(n: int, repeat: int, folder: Path, engines: list[str], env: dict[str, str]) -> None:
    org = folder / f"org-{n}.yaml"
    org.write_text(generate_org(n, seed=0), encoding="utf-8")
    print(f"\n{n:,} positions ({org.stat().st_size / 1e6:.2f} MB of YAML)")
    has_dot = shutil.which("dot") is not None
    dot_floor = None
    for engine in engines:
        try:
            calls = capture([str(org), "--layout", "dot", "--engine", engine], engine, folder,
                            env)
        except subprocess.CalledProcessError:  # e.g. the embedded Graphviz timed out
            print(f" engine {engine}: `orgviz render --layout dot` failed (see above); skipped")
            continue
        sources = []
        for index, call in enumerate(calls):
            path = folder / f"fed-{engine}-{n}-{index}.dot"
            path.write_text(call["source"], encoding="utf-8")
            sources.append((path, call["layout"], call["fmt"]))
        what = ", ".join(f"{p.stat().st_size / 1e3:.0f} kB -K{lay} -T{fmt}"
                         for p, lay, fmt in sources)
        print(f" engine {engine}: orgviz fed Graphviz {len(calls)} request(s): {what}")
        timer = Timer(env)
        standalone = folder / f"standalone-{n}.dot"
        if has_dot:
            timer.add("floor", *[["dot", f"-K{lay}", "-Tsvg", str(p), "-o", os.devnull]
                                 for p, lay, _ in sources])
            if engine == "system":
                subprocess.run([PYTHON, "-m", "orgviz", "render", str(org), "--layout", "dot",
                                "-o", str(standalone)], check=True, env=env,
                               stdout=subprocess.DEVNULL)
                timer.add("standalone", ["dot", "-Tsvg", str(standalone), "-o", os.devnull])
            timer.add("asked", *[["dot", f"-K{lay}", f"-T{fmt}", str(p), "-o", os.devnull]
                                 for p, lay, fmt in sources])
        if engine == "embedded":
            pure = embedded_program()
            timer.add("embedded floor", *[[pure, f"-K{lay}", "-Tsvg", str(p), "-o", os.devnull]
                                          for p, lay, _ in sources])
        timer.add("orgviz", [PYTHON, "-m", "orgviz", "render", str(org), "--layout", "dot",
                             "--engine", engine, "-o", str(folder / f"out-{engine}.svg")])
        try:
            timer.run(repeat)
        except SystemExit as exc:  # Graphviz gave up (or ran out of memory) on a big org
            print(f"  {engine}: {str(exc).splitlines()[0][:150]}")
            continue
        floor = timer.get("floor") if has_dot else None
        dot_floor = dot_floor or floor
        if floor:
            print(line("floor: dot -Tsvg on the DOT orgviz fed it", floor))
            fmts = ",".join(sorted({fmt for _, _, fmt in sources}))
            print(line(f"dot -T{fmts} (the format orgviz asks for)", timer.get("asked"), floor))
        if engine == "embedded":
            print(line("embedded Graphviz alone (process)", timer.get("embedded floor"), floor))
        total = timer.get("orgviz")
        print(line(f"orgviz render --layout dot --engine {engine}", total, floor))
        if floor:
            print(verdict(f"orgviz overhead ({engine}) vs the dot floor", total, floor))
        if floor and engine == "system":
            alone = timer.get("standalone")
            print(line(f"(dot -Tsvg on the stand-alone DOT, {standalone.stat().st_size / 1e3:.0f}"
                       " kB: Graphviz drawing the chart)", alone, floor)
                  + f"   orgviz takes {total[0] / alone[0]:.2f} of its time")
        if engine == "embedded":
            alone = timer.get("embedded floor")
            print(verdict("orgviz overhead vs the embedded floor", total, alone))
            if floor:  # orgviz's own time (beyond the engine's) against the native floor
                print(verdict("orgviz's own time (beyond the engine) vs dot", total, floor,
                              alone))
    calls = capture([str(org)], "default", folder, env)
    layouts = ", ".join(f"-K{c['layout']} -T{c['fmt']}" for c in calls) or "none"
    print(f" default `orgviz render` (--layout auto): Graphviz requests: {layouts}")
    default = Timer(env)
    default.add("default", [PYTHON, "-m", "orgviz", "render", str(org), "-o",
                            str(folder / "default.svg")])
    default.run(repeat)
    print(line("orgviz render (default layout)", default.get("default"), dot_floor))
    if dot_floor:
        print(verdict("its whole time vs the dot floor above", default.get("default"),
                      dot_floor))
    cold_env = {k: v for k, v in env.items() if k != "PYTHONPYCACHEPREFIX"}
    cold_env["PYTHONPYCACHEPREFIX"] = str(folder / "no-such-cache")
    cold_env["PYTHONDONTWRITEBYTECODE"] = "1"
    cold = Timer(cold_env)
    cold.add("cold", [PYTHON, "-m", "orgviz", "render", str(org), "--layout", "dot",
                      "--engine", engines[0], "-o", str(folder / "cold.svg")])
    cold.run(max(1, repeat // 2))
    print(line(f"(--layout dot --engine {engines[0]}, no cached bytecode)", cold.get("cold"),
               dot_floor))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 5000])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--engines", nargs="+", choices=("system", "embedded"),
                        default=["system", "embedded"])
    args = parser.parse_args()
    engines = list(args.engines)
    if shutil.which("dot") is None:
        print("(no `dot` on PATH: the floor and the system engine are skipped)")
        engines = [e for e in engines if e != "system"]
    print("overhead ratio = (orgviz render time - floor) / floor, where the floor is a bare "
          "`dot -Tsvg` process on exactly the DOT orgviz fed Graphviz; target <= "
          f"{TARGET}")
    with tempfile.TemporaryDirectory() as folder:
        env = dict(os.environ)
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = str(Path(folder) / "pycache")
        for n in args.sizes:
            bench(n, args.repeat, Path(folder), engines, env)
    return 0


if __name__ == "__main__":
    sys.exit(main())
