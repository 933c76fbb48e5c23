#!/usr/bin/env python3
"""Benchmark `orgviz validate` against the bare C YAML parser and yamllint, side by side.

    python benchmarks/bench_validate.py [--sizes 1000 20000] [--repeat 3]

Targets (issue 2): the 20,000-position file validates in at most 1.3x the time of a bare
`yaml.load(..., Loader=yaml.CSafeLoader)` of the same file, each as a whole process; and
`orgviz validate orgs/*.yaml` in at most 1.5x the time of `python -c "import yaml, networkx,
click"` (the hook latency users feel).
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from _timing import PYTHON, row, time_command  # noqa: E402
from genorg import generate_org  # noqa: E402

BARE_LOAD = "import sys, yaml; yaml.load(open(sys.argv[1], 'rb'), Loader=yaml.CSafeLoader)"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 20000])
    parser.add_argument("--repeat", type=int, default=3)
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
    return 0


if __name__ == "__main__":
    sys.exit(main())
