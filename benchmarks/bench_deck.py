#!/usr/bin/env python3
"""Benchmark `orgviz deck`: how long the enterprise example takes, stage by stage.

    python benchmarks/bench_deck.py [--org orgs/enterprise.yaml] [--repeat 1] [--slides]

`--slides` first counts the slides of the three example orgs with and without merging
sparse slides (sibling teams sharing a slide, a head's piles folded into the slide above).
Then, each round: the whole `orgviz deck` command for each format as a process, then
the same work in this process, stage by stage as the command does it
(load, validate, plan and draw the charts, the PowerPoint deck with its 4K PNG fallbacks
drawn on several processes when there are cores, then the PDF deck, which runs after the
PowerPoint stage has warmed this process, where the PDF command starts cold; the modules
are imported once before the first round). Each line shows wall
time, this process's CPU time and its children's (the PNG workers, or the command's process
with its workers): the CPU time is steadier on a shared machine. Python's start and the
imports are measured as a process of their own, and a last line compares the command with
the sum of its parts.
"""

from __future__ import annotations

import argparse
import importlib
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _cpu() -> tuple[float, float]:
    """CPU seconds of this process, and of its children that have been waited for."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime, kids.ru_utime + kids.ru_stime


class Clock:
    """Laps of wall time, own CPU time and children's CPU time; `spent` keeps each lap's
    wall and CPU time (own and children's)."""

    def __init__(self) -> None:
        self.wall, self.cpu = time.perf_counter(), _cpu()
        self.spent: dict[str, tuple[float, float]] = {}

    def lap(self, label: str, extra: str = "") -> None:
        wall, cpu = time.perf_counter(), _cpu()
        used = cpu[0] - self.cpu[0] + cpu[1] - self.cpu[1]
        self.spent[label] = (wall - self.wall, used)
        print(f"  {label:<30} {wall - self.wall:7.2f} s wall  {cpu[0] - self.cpu[0]:6.2f} s cpu"
              f"  {cpu[1] - self.cpu[1]:6.2f} s children  {extra}")
        self.wall, self.cpu = time.perf_counter(), _cpu()


#: What `orgviz deck` imports before it reads the org (the PDF deck imports less).
MODULES = ("orgviz.cli", "orgviz.cli.deck_cmd", "orgviz.deck.build", "orgviz.deck.powerpoint",
           "orgviz.loader", "orgviz.validate", "pptx")
IMPORTS = "import " + ", ".join(MODULES)


def whole_commands(org: str, folder: Path, clock: Clock) -> None:
    """Python's start with the deck's imports, then `orgviz deck` to each format."""
    subprocess.run([sys.executable, "-c", IMPORTS], check=True)
    clock.lap("python start and imports")
    for name in ("deck.pdf", "deck.pptx"):
        command = [sys.executable, "-m", "orgviz", "deck", org, "-o", str(folder / name)]
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
        clock.lap(f"orgviz deck -o {name}")


def in_process(org_file: str, clock: Clock) -> None:
    """The command's stages in this process, the PowerPoint deck first (as the command, it
    starts its PNG workers before this process has drawn anything with cairo)."""
    from orgviz.deck.build import DeckOptions, build_deck
    from orgviz.deck.pdf import deck_pdf
    from orgviz.deck.powerpoint import deck_pptx
    from orgviz.loader import load
    from orgviz.validate import validate

    org = load(org_file)
    clock.lap("load")
    validate(org)
    clock.lap("validate")
    deck = build_deck([(org, ())], DeckOptions())
    charts = sum(1 for slide in deck.slides if slide.picture is not None)
    clock.lap("plan and draw the charts", f"{len(deck.slides)} slides, {charts} charts")
    pptx = deck_pptx(deck)
    clock.lap("PowerPoint deck", f"{len(pptx) / 1e6:.1f} MB")
    pdf = deck_pdf(deck)
    clock.lap("PDF deck", f"{len(pdf) / 1e6:.1f} MB")


def accounted(spent: dict[str, tuple[float, float]]) -> None:
    """The command against the sum of its parts (start, load, validate, plan, the deck), in
    wall time and in CPU time (its own and its workers')."""
    labels = ("python start and imports", "load", "validate", "plan and draw the charts")
    for name, stage in (("deck.pdf", "PDF deck"), ("deck.pptx", "PowerPoint deck")):
        whole = spent[f"orgviz deck -o {name}"]
        parts = [sum(spent[label][index] for label in (*labels, stage)) for index in (0, 1)]
        print(f"  orgviz deck -o {name:<10} " + ";  ".join(
            f"{whole[index]:6.2f} s {kind}, its parts {parts[index]:6.2f} s "
            f"({whole[index] - parts[index]:+.2f} s, {whole[index] / parts[index]:.2f}x)"
            for index, kind in ((0, "wall"), (1, "cpu"))))


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
    print(f"{args.org} ({os.cpu_count()} cores)")
    # (imported once here: the first round's load would count them, which "python start
    # and imports" counts already)
    for module in (*MODULES, "orgviz.deck.pdf"):
        importlib.import_module(module)
    with tempfile.TemporaryDirectory() as folder:
        for _ in range(args.repeat):
            clock = Clock()
            whole_commands(args.org, Path(folder), clock)
            in_process(args.org, clock)
            accounted(clock.spent)


if __name__ == "__main__":
    main()
