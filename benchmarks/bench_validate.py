#!/usr/bin/env python3
"""Benchmark `orgviz validate` against the bare C YAML parser and yamllint, side by side.

    python benchmarks/bench_validate.py [--sizes 1000 20000] [--repeat 3]

Targets (issue 2): the 20,000-position file validates in at most 1.3x the time of a bare
`yaml.load(..., Loader=yaml.CSafeLoader)` of the same file, each as a whole process; and
`orgviz validate orgs/*.yaml` in at most 1.5x the time of `python -c "import yaml, networkx,
click"` (the hook latency users feel).

    python benchmarks/bench_validate.py --sizes --against REF [--rounds 15]

`--against REF` adds an A/B of the hook's latency: `orgviz validate orgs/small.yaml` and
`orgviz validate orgs/*.yaml` run alternately with this tree's code and REF's (its `src`,
from `git archive`), as whole processes, with each side's median wall and CPU time and the
ratios now / REF. (`--sizes` with no size skips the generated files.)
"""

from __future__ import annotations

import argparse
import io
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from _timing import PYTHON, row, time_command  # noqa: E402
from genorg import generate_org  # noqa: E402

BARE_LOAD = "import sys, yaml; yaml.load(open(sys.argv[1], 'rb'), Loader=yaml.CSafeLoader)"
ROOT = HERE.parent


def exported_src(ref: str, into: Path) -> Path:
    """The `src` folder of a git revision, written under `into` (read from `git archive`)."""
    archive = subprocess.run(["git", "archive", "--format=tar", ref, "src"], cwd=ROOT,
                             capture_output=True, check=True).stdout
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(into, filter="data")
    return into / "src"


def timed_run(argv: list[str], src: Path) -> tuple[float, float]:
    """Wall and CPU time (user + system) of one process importing orgviz from `src`."""
    env = dict(os.environ, PYTHONPATH=str(src))
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.run(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                          check=False)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(argv)} failed ({proc.returncode}): "
                         f"{proc.stderr.decode(errors='replace')[:300]}")
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def against(ref: str, rounds: int) -> None:
    """Print the A/B of `orgviz validate` on the examples: this tree's code against REF's."""
    with tempfile.TemporaryDirectory() as tmp:
        sides = {"now": ROOT / "src", ref: exported_src(ref, Path(tmp))}
        cases = {"orgs/small.yaml": [str(ROOT / "orgs" / "small.yaml")],
                 "orgs/*.yaml": sorted(str(p) for p in (ROOT / "orgs").glob("*.yaml"))}
        print(f"A/B against {ref}: `orgviz validate`, {rounds} alternating rounds "
              "(after one warm-up each), medians of whole processes:")
        for case, files in cases.items():
            argv = [PYTHON, "-m", "orgviz", "validate", *files]
            times: dict[str, list[tuple[float, float]]] = {side: [] for side in sides}
            for number in range(rounds + 1):
                for side, src in sides.items():
                    wall_cpu = timed_run(argv, src)
                    if number:
                        times[side].append(wall_cpu)
            wall = {side: statistics.median(w for w, _ in ts) for side, ts in times.items()}
            cpu = {side: statistics.median(c for _, c in ts) for side, ts in times.items()}
            print(f"  {case}: {ref} {wall[ref] * 1e3:.1f} ms wall, {cpu[ref] * 1e3:.1f} ms CPU; "
                  f"now {wall['now'] * 1e3:.1f} ms wall, {cpu['now'] * 1e3:.1f} ms CPU; "
                  f"now / {ref} {wall['now'] / wall[ref]:.2f}x wall, "
                  f"{cpu['now'] / cpu[ref]:.2f}x CPU")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=[1000, 20000])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--against", metavar="REF", help="A/B the hook's latency against a git "
                        "revision's code")
    parser.add_argument("--rounds", type=int, default=15, help="alternating rounds of --against")
    args = parser.parse_args()
    orgviz = [PYTHON, "-m", "orgviz"]
    yamllint = shutil.which("yamllint")
    with tempfile.TemporaryDirectory() as tmp:
        for n in args.sizes:
            path = Path(tmp) / f"org-{n}.yaml"
            path.write_text(generate_org(n, seed=0), encoding="utf-8")
            print(f"{n:,} positions ({path.stat().st_size / 1e6:.1f} MB):")
            floor = time_command([PYTHON, "-c", BARE_LOAD, str(path)], args.repeat)
            print(row("bare yaml.load(CSafeLoader) process", floor, None))
            ours = time_command([*orgviz, "validate", str(path)], args.repeat)
            print(row("orgviz validate", ours, floor, "bare load  (target <= 1.30x)"))
            if yamllint:
                lint = time_command([yamllint, "-d", "relaxed", str(path)], 1, ok_codes=(0, 1))
                print(row("yamllint -d relaxed", lint, floor, "bare load"))
            else:
                print("  yamllint: not installed (pip install yamllint to compare)")
    examples = sorted(str(p) for p in (HERE.parent / "orgs").glob("*.yaml"))
    if examples:
        print(f"orgviz validate orgs/*.yaml ({len(examples)} files):")
        imports = time_command([PYTHON, "-c", "import yaml, networkx, click"], args.repeat + 2)
        print(row('python -c "import yaml, networkx, click"', imports, None))
        hook = time_command([*orgviz, "validate", *examples], args.repeat + 2)
        print(row("orgviz validate orgs/*.yaml", hook, imports, "imports (target <= 1.50x)"))
        small = time_command([*orgviz, "validate", str(HERE.parent / "orgs" / "small.yaml")],
                             args.repeat + 2)
        print(row("orgviz validate orgs/small.yaml", small, imports, "imports"))
    if args.against:
        against(args.against, args.rounds)
    return 0


if __name__ == "__main__":
    sys.exit(main())
