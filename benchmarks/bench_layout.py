"""Benchmark orgviz.layout.tidy.layout_forest on random org trees of growing size."""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from orgviz.layout.tidy import LayoutOptions, layout_forest


def random_org(n: int, seed: int) -> tuple[list[str], dict[str, list[str]], dict]:
    """A random org of n people: spans of 3-12 reports, with about 3% of managers at 40-80."""
    rng = random.Random(seed)
    ids = [f"p{i}" for i in range(n)]
    children: dict[str, list[str]] = {}
    queue = [0]
    head = 0
    made = 1
    while made < n:
        if head < len(queue):
            p = queue[head]
            head += 1
        else:  # every manager filled: start again from a random person
            p = rng.randrange(made)
        span = rng.randint(40, 80) if rng.random() < 0.03 else rng.randint(3, 12)
        kids = list(range(made, min(n, made + span)))
        made += len(kids)
        children.setdefault(ids[p], []).extend(ids[k] for k in kids)
        # about 60% of people get reports of their own, so many leaves stay leaves
        queue.extend(k for k in kids if rng.random() < 0.6)
    sizes = {k: (float(rng.randint(120, 220)), float(rng.randint(40, 90))) for k in ids}
    return ids[:1], children, sizes


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="1000,5000,20000,100000")
    parser.add_argument("--repeat", type=int, default=3, help="best of this many runs")
    args = parser.parse_args()
    print(f"{'nodes':>8} {'depth':>6} {'direction':>9} {'stack':>5} {'seconds':>8} "
          f"{'us/node':>8} {'width':>10} {'height':>10}")
    for n in (int(s) for s in args.sizes.split(",")):
        roots, children, sizes = random_org(n, seed=n)
        depth = {roots[0]: 0}
        order = [roots[0]]
        for k in order:
            for c in children.get(k, ()):
                depth[c] = depth[k] + 1
                order.append(c)
        for options in (LayoutOptions(), LayoutOptions(stack_leaves=False),
                        LayoutOptions(direction="LR")):
            best = float("inf")
            for _ in range(args.repeat):
                t0 = time.perf_counter()
                lay = layout_forest(roots, children, sizes, options)
                best = min(best, time.perf_counter() - t0)
            assert len(lay.positions) == n
            print(f"{n:>8} {max(depth.values()):>6} {options.direction:>9} "
                  f"{'yes' if options.stack_leaves else 'no':>5} {best:>8.3f} "
                  f"{best / n * 1e6:>8.2f} {lay.width:>10.0f} {lay.height:>10.0f}", flush=True)
    print()
    print("worst-case shapes (no recursion; each should be about as fast per node as above)")
    n = max(int(s) for s in args.sizes.split(","))
    ids = [f"p{i}" for i in range(n)]
    shapes = {
        "chain": (ids[:1], {ids[i]: [ids[i + 1]] for i in range(n - 1)}),
        "star": (ids[:1], {ids[0]: ids[1:]}),
    }
    sizes = {k: (150.0, 50.0) for k in ids}
    for name, (roots, children) in shapes.items():
        for stack in (True, False):
            t0 = time.perf_counter()
            lay = layout_forest(roots, children, sizes, LayoutOptions(stack_leaves=stack))
            took = time.perf_counter() - t0
            print(f"{name:>6} {n:>8} stack={'yes' if stack else 'no ':3} {took:8.3f} s "
                  f"{took / n * 1e6:8.2f} us/node  width {lay.width:.0f} height {lay.height:.0f}",
                  flush=True)


if __name__ == "__main__":
    main()
