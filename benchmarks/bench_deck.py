#!/usr/bin/env python3
"""Benchmark `orgviz deck`: how long the enterprise example takes, stage by stage.

    python benchmarks/bench_deck.py [--org orgs/enterprise.yaml] [--repeat 1] [--slides]

`--slides` first counts the slides of the three example orgs with and without merging
sparse slides (sibling teams sharing a slide, a head's piles folded into the slide above).
In one process: planning the slides (how many layouts that took), drawing the PDF deck, and
writing the PowerPoint deck with its 4K PNG fallbacks (on several processes when there are
cores), then the whole `orgviz deck` command for each format as a process. Wall and CPU time
(of this process and its children) are shown; the CPU time is steadier on a shared machine.
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _cpu() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


class Clock:
    def __init__(self) -> None:
        self.wall, self.cpu = time.perf_counter(), _cpu()

    def lap(self, label: str, extra: str = "") -> None:
        wall, cpu = time.perf_counter(), _cpu()
        print(f"  {label:<34} {wall - self.wall:7.2f} s wall  {cpu - self.cpu:7.2f} s cpu  "
              f"{extra}")
        self.wall, self.cpu = wall, cpu


def slide_counts() -> None:
    """The example orgs' slide counts, merged (the default) and not (DeckOptions.merge)."""
    from orgviz.deck.build import DeckOptions, build_deck
    from orgviz.loader import load

    for name in ("small", "mid-size", "enterprise"):
        org = load(ROOT / "orgs" / f"{name}.yaml")
        counts = [len(build_deck([(org, ())], DeckOptions(merge=merge)).slides)
                  for merge in (False, True)]
        print(f"  {name:<12} {counts[0]:4} slides unmerged, {counts[1]:4} merged")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--org", default=str(ROOT / "orgs" / "enterprise.yaml"))
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--slides", action="store_true",
                        help="count the example orgs' slides, merged and not, first")
    args = parser.parse_args()
    if args.slides:
        print("slides")
        slide_counts()

    from orgviz.deck.build import DeckOptions, build_deck
    from orgviz.deck.pdf import deck_pdf
    from orgviz.deck.powerpoint import deck_pptx
    from orgviz.loader import load

    print(f"{args.org} ({os.cpu_count()} cores)")
    for _ in range(args.repeat):
        clock = Clock()
        org = load(args.org)
        clock.lap("load")
        deck = build_deck([(org, ())], DeckOptions())
        charts = sum(1 for slide in deck.slides if slide.picture is not None)
        clock.lap("plan and draw the charts", f"{len(deck.slides)} slides, {charts} charts")
        pdf = deck_pdf(deck)
        clock.lap("PDF deck", f"{len(pdf) / 1e6:.1f} MB")
        pptx = deck_pptx(deck)
        clock.lap("PowerPoint deck", f"{len(pptx) / 1e6:.1f} MB")
        with tempfile.TemporaryDirectory() as folder:
            for name in ("deck.pdf", "deck.pptx"):
                command = [sys.executable, "-m", "orgviz", "deck", args.org, "-o",
                           str(Path(folder) / name)]
                subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
                clock.lap(f"orgviz deck -o {name}")


if __name__ == "__main__":
    main()
