"""Benchmark: import of a 20,000-row HR export plus validation, against bare csv.DictReader.

The import (read, find columns, resolve managers, check ids and cycles, infer roles, write
the org file text) and the validation of the imported org (all rules, in memory, problems
located at CSV rows) run in this process, beside `csv.DictReader` over the same file; each
is the best of a few runs. The target is at most 3x DictReader.

    python benchmarks/bench_import.py [--rows 20000] [--repeat 5]
"""

from __future__ import annotations

import argparse
import csv
import random
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

TITLES = ("Software Engineer", "Senior Software Engineer", "Product Manager",
          "Senior Product Manager", "Engineering Manager", "Director of Product",
          "Director of Engineering", "Designer", "Data Analyst", "Account Executive",
          "Customer Success Manager", "Group Product Manager", "VP of Engineering")
TARGET = 3.0


def write_csv(path: Path, rows: int) -> None:
    """A deterministic HR export: ids, first/last name, title, department, manager id, ..."""
    rng = random.Random(20000)
    with path.open("w", encoding="utf-8", newline="") as handle:
        out = csv.writer(handle)
        out.writerow(["EmployeeId", "FirstName", "LastName", "JobTitle", "Department",
                      "ManagerId", "Location", "Email", "Status"])
        for i in range(1, rows + 1):
            # Spans of about 6: employee i reports to one of the people hired before it.
            manager = "" if i == 1 else f"E{rng.randint(max(1, i // 6 - 3), max(1, i // 6)):05d}"
            out.writerow([f"E{i:05d}", f"First{i}", f"Last{i}", rng.choice(TITLES),
                          f"Department {i % 60}", manager, rng.choice(("Berlin", "Lisbon")),
                          f"person{i}@example.test", "Active"])


def best(fn: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=20_000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()

    from orgviz.io.csvimport import import_csv
    from orgviz.validate import validate

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "people.csv"
        write_csv(path, args.rows)

        def dictreader() -> None:
            with path.open(encoding="utf-8", newline="") as handle:
                for _row in csv.DictReader(handle):
                    pass

        result = import_csv(path)  # warm-up (imports networkx, compiles the title patterns)
        validate(result.org)
        assert result.errors == 0, result.problems[:3]

        def import_only() -> None:
            import_csv(path)

        def import_and_validate() -> None:
            validate(import_csv(path).org)

        floor = best(dictreader, args.repeat)
        imported = best(import_only, args.repeat)
        total = best(import_and_validate, args.repeat)
    print(f"{args.rows:,} rows, {len(result.text) / 1e6:.1f} MB of YAML written; "
          f"best of {args.repeat} runs")
    print(f"  {'csv.DictReader (floor)':<36} {floor:8.3f} s   1.00x")
    print(f"  {'orgviz import':<36} {imported:8.3f} s  {imported / floor:5.2f}x")
    print(f"  {'orgviz import + validation':<36} {total:8.3f} s  {total / floor:5.2f}x"
          f"   (target <= {TARGET:g}x)")
    return 0 if total / floor <= TARGET else 1


if __name__ == "__main__":
    sys.exit(main())
