#!/usr/bin/env python3
"""Benchmark the pre-commit hooks' latency against a bare `import yaml, networkx, click`.

    python benchmarks/bench_hooks.py [--repeat 5]

Runs the hook entries of .pre-commit-hooks.yaml as pre-commit does (the `orgviz` console
script with the file names appended), on a temporary git repository holding a copy of orgs/:

- the import floor: `python -c "import yaml, networkx, click"`;
- `orgviz-validate` on orgs/*.yaml (target: at most 1.5x the floor);
- `orgviz-render` on an unchanged repository: every diagram's source hash matches, so
  nothing is drawn (the hook's own summary line is shown);
- `orgviz-render` after one org file changed: that one diagram is drawn again.
"""

from __future__ import annotations

import argparse
import os
import shlex
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

from _timing import PYTHON, row, time_command  # noqa: E402

VALIDATE_TARGET = 1.5


def hook_argv(hook_id: str) -> list[str]:
    """The command pre-commit runs for a hook, with the console script of this Python."""
    manifest = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    (hook,) = [h for h in manifest if h["id"] == hook_id]
    words = shlex.split(hook["entry"]) + list(hook.get("args", []))
    script = Path(PYTHON).parent / words[0]
    found = str(script) if script.exists() else shutil.which(words[0])
    return [found, *words[1:]] if found else [PYTHON, "-m", "orgviz", *words[1:]]


def run(argv: list[str], cwd: Path) -> tuple[float, int, str]:
    """Wall time, exit status and output (stdout + stderr) of one run."""
    start = time.perf_counter()
    proc = subprocess.run(argv, cwd=cwd, capture_output=True, text=True, check=False)
    return time.perf_counter() - start, proc.returncode, proc.stdout + proc.stderr


def last_line(output: str) -> str:
    lines = [line for line in output.splitlines() if line.strip()]
    return lines[-1] if lines else "(no output)"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    examples = sorted((ROOT / "orgs").glob("*.yaml"))
    if not examples:
        print("no orgs/*.yaml to benchmark")
        return 1
    with tempfile.TemporaryDirectory() as tmp:
        repo = Path(tmp)
        shutil.copytree(ROOT / "orgs", repo / "orgs")
        subprocess.run(["git", "init", "-q"], cwd=repo, check=False)
        files = [f"orgs/{p.name}" for p in examples]
        os.chdir(repo)

        print(f"Hook latency on orgs/*.yaml ({len(files)} files), median of {args.repeat} "
              "runs, each a whole process:")
        floor = time_command([PYTHON, "-c", "import yaml, networkx, click"], args.repeat)
        print(row('python -c "import yaml, networkx, click"', floor, None))

        validate = [*hook_argv("orgviz-validate"), *files]
        seconds = time_command(validate, args.repeat, ok_codes=(0, 1))
        ratio = seconds / floor
        verdict = "ok" if ratio <= VALIDATE_TARGET else "OVER TARGET"
        print(row("orgviz-validate (orgviz validate --hook)", seconds, floor,
                  f"floor  (target <= {VALIDATE_TARGET:.2f}x: {verdict})"))

        render = [*hook_argv("orgviz-render"), *files]
        _first, code, output = run(render, repo)  # draws every diagram once (not timed)
        if code not in (0, 1):
            print(f"  orgviz-render failed ({code}):\n{output}")
            return 1
        seconds = time_command(render, args.repeat)  # exit 0: nothing was out of date
        _t, _code, output = run(render, repo)
        print(row("orgviz-render, unchanged repository", seconds, floor, "floor"))
        print(f"    the hook: {last_line(output)}")

        touched = repo / files[0]
        times = []
        for number in range(max(1, args.repeat // 2)):
            with open(touched, "a", encoding="utf-8") as stream:
                stream.write(f"# touched {number}\n")
            elapsed, code, output = run(render, repo)
            if code != 1:
                print(f"  orgviz-render did not redraw ({code}):\n{output}")
                return 1
            times.append(elapsed)
        times.sort()
        print(row("orgviz-render, one org file changed", times[len(times) // 2], floor,
                  "floor"))
        print(f"    the hook: {last_line(output)} (changed: {files[0]})")
        os.chdir(ROOT)
    return 0


if __name__ == "__main__":
    sys.exit(main())
