"""Benchmark orgviz.layout.tidy.layout_forest on random org trees of growing size, and the
`--compact auto` search on deep broken orgs (`--compact-only` for that part alone)."""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from orgviz.layout.tidy import LayoutOptions, layout_forest

BENCH = Path(__file__).resolve().parent


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


def _best(run: object, repeat: int) -> tuple[float, object]:
    """Best wall time of `repeat` calls of `run()`, and its result."""
    best, result = float("inf"), None
    for _ in range(repeat):
        t0 = time.perf_counter()
        result = run()  # type: ignore[operator]
        best = min(best, time.perf_counter() - t0)
    return best, result


def compact_auto(repeat: int) -> None:
    """`--compact auto` on deep broken orgs: the search (each run on a fresh TreeInput) against
    the search that measures every row's narrowest page first (as before) and against a plain
    `--compact off` layout; both searches must choose the same."""
    import tempfile

    sys.path.insert(0, str(BENCH))
    from genorg import generate_deep_org, generate_org

    from orgviz.loader import load
    from orgviz.render import RenderOptions
    from orgviz.render import tidylayout as tl
    from orgviz.render.pipeline import build

    cases = [
        ("genorg 1,500, 4 chains of 150", generate_deep_org(1500, 4, 150)),
        ("genorg 1,500, 10 chains of 60", generate_deep_org(1500, 10, 60)),
        ("genorg 1,500, 3 chains of 100", generate_deep_org(1500, 3, 100, seed=1)),
        ("genorg 1,500, 40 chains of 12", generate_deep_org(1500, 40, 12)),
        ("genorg 1,500 (not broken)", generate_org(1500)),
    ]
    print(f"{'--compact auto, TB':<32} {'rows':>5} {'chosen':>7} {'search':>8} "
          f"{'every row':>9} {'speedup':>8} {'off layout':>10} {'search/off':>10}")
    for label, text in cases:
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "org.yaml"
            path.write_text(text, encoding="utf-8")
            chart, _theme, _texts, box = build(load(path), RenderOptions())

        def tree(chart: object = chart, box: object = box) -> tl.TreeInput:
            return tl.TreeInput(chart, box)  # type: ignore[arg-type]

        new, choice = _best(lambda: tl.choose_compact(tree(), "auto"), repeat)
        old, before = _best(lambda: tl.choose_compact_every_row(tree()), repeat)
        off, _lay = _best(lambda: tree().layout(None, None), repeat)
        assert choice == before, (label, choice, before)
        print(f"{label:<32} {tree().nrows:>5} {choice[0]!s:>7} {new:>7.3f}s {old:>8.3f}s "
              f"{old / new:>7.1f}x {off:>9.3f}s {new / off:>9.1f}x", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="1000,5000,20000,100000")
    parser.add_argument("--repeat", type=int, default=3, help="best of this many runs")
    parser.add_argument("--compact-only", action="store_true",
                        help="only the --compact auto search on deep broken orgs")
    args = parser.parse_args()
    compact_auto(args.repeat)
    if args.compact_only:
        return
    print()
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
