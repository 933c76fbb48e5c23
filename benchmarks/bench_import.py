"""Benchmark: import of a 20,000-row HR export plus validation, against bare csv.DictReader.

Target (issue 7): importing a 20,000-row CSV plus validating the imported org takes at most
3x the time of bare `csv.DictReader` over the same file, measured in one run, in process:

    in process     the DictReader loop  vs  `import_csv(path)` then `validate(result.org)`,
                   both after imports and a warm-up (the work that grows with the rows)

Each contender's result is freed inside its time (20,000 people and the problems). The same
import + validate with the result kept, freed after the timing stops, is printed below it:
`orgviz import` keeps its result until the process exits and never frees it. (The target's
figure is the first.)

The import's org file text (`ImportResult.text`, 3.3 MB of YAML) is made when first read
(since the twenty-fifth session): the target's contender does not read it. The same import +
validate that then reads the text, as `orgviz import` does to write it, is printed below the
target's figure too, so that the text's cost stays in view.

Below the in-process figures: the minor page faults of each side's fastest round and the
median of its rounds' kernel time. The loop keeps one row at a time and needs no fresh
memory; the import holds 20,000 people and frees them, and the pages freed go back to the
system and are given afresh in the next round: kernel time that instruction counts (below)
do not see.

The whole-process view is printed beside it, for what a user waits for:

    whole process  `python -c <DictReader loop>`  vs  `python -m orgviz import CSV -o OUT`
                   (interpreter start, imports, the import, the rules, writing the file)

Interpreter start (`python -c pass`) is the same on both sides of that view, so it narrows
the ratio without anything getting faster; it is printed too. The processes read the
modules' bytecode, written by the first round (as `pip install` writes it), even where
PYTHONDONTWRITEBYTECODE is set. Each contender runs once per
round, rounds interleaved so that a busy machine slows all alike; each figure is the best
round. Exit status 1 when the in-process target is missed.

`--xlsx` adds the same rows as an Excel workbook: `import_csv(book)` + `validate()` beside
openpyxl's own read-only pass over the sheet (`iter_rows(values_only=True)`), the floor for
any reader built on it (no target: the issue's target is about CSV).

`--realistic` adds the same people and reporting lines with titles that follow the tree (a
CEO, VPs, Directors, managers, ICs), as a real export has them: a few thousand findings
(single reports, spans) instead of the random titles' rank findings for most people.

`--skeleton` adds a bound: a bare skeleton of the work no import can skip (split the CSV into
columns, one Person a row made the fast way, people by id, the rank findings as sorted
Problems; no YAML text, which the target's contender no longer makes), with no checks, no
tree order, no teams and no other rules. What it takes beside the floor is what any design
with one Python object a person needs at least.

`--rules` adds where validation's time goes: the shared per-org values the rules build
(people by id, reporting lines, the tree, role pairs), each rule's problems as validate()
makes them (check() and a Problem a finding, or the rule's own problems()) in registry order
on an org whose shared values are built, and validate()'s own work on the problems (sorting,
duplicates).

`--instructions` adds a view that no neighbour on a shared machine can change: the
instructions each side executes, counted by valgrind's cachegrind (when valgrind is installed;
a few minutes), as the difference between a process that imports, warms up and stops and the
same process with one more round. Time is instructions plus waiting on memory: the ratio of
instructions is what the code asks of any machine, the ratio of time also what the machine's
caches (shared with its neighbours) make of it. Beside the instructions it prints the data
reads and writes that miss a simulated second-level cache of this machine's size (512 KiB):
the memory traffic that instructions do not show (the simulation has no prefetcher, so it
counts a walk through memory in order as misses a real machine partly hides).

    python benchmarks/bench_import.py [--rows 20000] [--repeat 5] [--rules] [--xlsx] [--skeleton]
                                      [--realistic] [--instructions]
"""

from __future__ import annotations

import argparse
import csv
import os
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from itertools import repeat
from operator import itemgetter
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from orgviz.io.csvimport import ImportResult
    from orgviz.model import Org
    from orgviz.problem import Problem

TITLES = ("Software Engineer", "Senior Software Engineer", "Product Manager",
          "Senior Product Manager", "Engineering Manager", "Director of Product",
          "Director of Engineering", "Designer", "Data Analyst", "Account Executive",
          "Customer Success Manager", "Group Product Manager", "VP of Engineering")
TARGET = 3.0
PYTHON = sys.executable
DICTREADER = ("import csv, sys\n"
              "with open(sys.argv[1], encoding='utf-8', newline='') as handle:\n"
              "    for _row in csv.DictReader(handle):\n"
              "        pass\n")


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


LEAF_TITLES = ("Software Engineer", "Product Manager", "Designer", "Data Analyst",
               "Account Executive")


def write_realistic_csv(path: Path, rows: int) -> None:
    """The same people and reporting lines as `write_csv`, with titles that follow the tree
    as in a real export (a CEO, VPs under them, Directors, then managers; people without
    reports hold IC titles): few rank findings, where `write_csv`'s random titles give one
    for most people."""
    rng = random.Random(20000)
    bosses = [0] * (rows + 1)
    for i in range(2, rows + 1):
        bosses[i] = rng.randint(max(1, i // 6 - 3), max(1, i // 6))
    depth = [0] * (rows + 1)
    for i in range(2, rows + 1):
        depth[i] = depth[bosses[i]] + 1
    managers = set(bosses[2:])
    with path.open("w", encoding="utf-8", newline="") as handle:
        out = csv.writer(handle)
        out.writerow(["EmployeeId", "FirstName", "LastName", "JobTitle", "Department",
                      "ManagerId", "Location", "Email", "Status"])
        for i in range(1, rows + 1):
            if i == 1:
                title = "Chief Executive Officer"
            elif i not in managers:
                title = rng.choice(LEAF_TITLES)
            else:
                title = rng.choice({1: ("VP of Engineering", "VP of Product"),
                                    2: ("Director of Engineering", "Director of Product")}.get(
                    depth[i], ("Engineering Manager", "Group Product Manager")))
            out.writerow([f"E{i:05d}", f"First{i}", f"Last{i}", title, f"Department {i % 60}",
                          f"E{bosses[i]:05d}" if i > 1 else "", rng.choice(("Berlin", "Lisbon")),
                          f"person{i}@example.test", "Active"])


def write_xlsx(csv_path: Path, path: Path) -> None:
    """The CSV's rows as the one sheet of a workbook (numbers as text, as HR tools export ids)."""
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    sheet = book.create_sheet("People")
    with csv_path.open(encoding="utf-8", newline="") as handle:
        for row in csv.reader(handle):
            sheet.append(row)
    book.save(path)


def openpyxl_rows(path: Path) -> None:
    """openpyxl's bare read-only pass over the first sheet's values."""
    from openpyxl import load_workbook

    book = load_workbook(path, read_only=True, data_only=True)
    try:
        for _row in book[book.sheetnames[0]].iter_rows(values_only=True):
            pass
    finally:
        book.close()


def best_of(contenders: dict[str, Callable[[], object]], rounds: int,
            kernel: dict[str, tuple[int, float]] | None = None) -> dict[str, float]:
    """The best time of each contender over interleaved rounds. What a contender returns is
    freed inside its time, except for a contender named "... (kept)": its result is kept
    until the timing stops, as `orgviz import` keeps its result until the process exits.

    `kernel` (when given) gets each contender's minor page faults in its fastest round and
    the median of its rounds' kernel (system) time: memory the process had to be given
    afresh (pages returned to the system when the last round's objects were freed), which
    counted instructions do not see."""
    best = dict.fromkeys(contenders, float("inf"))
    faults = dict.fromkeys(contenders, 0)
    system: dict[str, list[float]] = {name: [] for name in contenders}
    for _ in range(rounds):
        for name, fn in contenders.items():
            before = resource.getrusage(resource.RUSAGE_SELF)
            start = time.perf_counter()
            if name.endswith("(kept)"):
                kept = fn()
                seconds = time.perf_counter() - start
                after = resource.getrusage(resource.RUSAGE_SELF)
                del kept
            else:
                fn()
                seconds = time.perf_counter() - start
                after = resource.getrusage(resource.RUSAGE_SELF)
            system[name].append(after.ru_stime - before.ru_stime)
            if seconds < best[name]:
                best[name] = seconds
                faults[name] = after.ru_minflt - before.ru_minflt
    if kernel is not None:
        kernel.update((name, (faults[name], statistics.median(system[name])))
                      for name in contenders)
    return best


def _imported_and_validated(import_csv: Callable[[Path], ImportResult],
                            validate: Callable[[Org], list[Problem]],
                            path: Path) -> tuple[ImportResult, list[Problem]]:
    """The import of `path` and the problems of its org, both kept for the caller."""
    result = import_csv(path)
    return result, validate(result.org)


def _imported_validated_written(import_csv: Callable[[Path], ImportResult],
                                validate: Callable[[Org], list[Problem]], path: Path) -> str:
    """The org file's text of the import of `path`, after validating its org (the text is
    made when first read: what `orgviz import` writes, beyond the target's work)."""
    result = import_csv(path)
    validate(result.org)
    return result.text


def run(argv: list[str], env: dict[str, str] | None = None) -> None:
    proc = subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, check=False,
                          env=env)
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(argv)} failed ({proc.returncode}): "
                         f"{proc.stderr.decode(errors='replace')[:300]}")


def skeleton(path: Path) -> tuple[object, ...]:
    """The unavoidable work of importing and validating the generated CSV, bare (see the
    module docstring), with the cyclic collector paused as import and validate pause it:
    what it returns is freed by the caller, as the import's is."""
    from orgviz.gcpause import cyclic_gc_paused

    with cyclic_gc_paused():
        return _skeleton(path)


def _skeleton(path: Path) -> tuple[object, ...]:
    from orgviz.io.csvimport.people import _NO_ITEMS, RowLocs, _PersonSlots
    from orgviz.model import Person
    from orgviz.problem import Problem, SourceLoc
    from orgviz.roles import DEFAULT_LADDER

    new, file = tuple.__new__, str(path)
    lines = path.read_text(encoding="utf-8").split("\n")
    lines.pop()
    width = lines[0].count(",") + 1
    cells = ",".join(lines[1:]).split(",")
    del lines
    columns = []
    for i in range(width):
        column = cells[i::width]
        if i in (3, 4, 6, 8):  # title, department, location, status: one string a value
            first: dict[str, str] = {}
            column = list(map(first.setdefault, column, column))
        columns.append(column)
    del cells
    ids, firsts, lasts, titles, teams, bosses, places, emails, _status = columns
    names = list(map(" ".join, zip(firsts, lasts, strict=True)))
    same = dict(zip(ids, ids, strict=True))
    bosses = list(map(same.get, bosses))
    by_title = {t: DEFAULT_LADDER.infer(t) for t in set(titles)}
    roles = [((r,), "title") if r else ((), "none") for r in map(by_title.get, titles)]
    n = len(ids)
    people = list(map(object.__new__, repeat(_PersonSlots, n)))
    cols = {"id": 1, "manager": 6}
    for p, locs, row, pid, name, title, (held, source), boss, team, place, email in zip(
            people, map(object.__new__, repeat(RowLocs, n)), range(2, n + 2), ids, names,
            titles, roles, bosses, teams, places, emails, strict=False):
        locs.file, locs.line, locs.cols = file, row, cols
        p.loc, p.field_locs, p.item_locs = new(SourceLoc, (file, row, 1)), locs, _NO_ITEMS
        p.id, p.name, p.title, p.roles, p.role_source = pid, name, title, held, source
        p.reports_to, p.dotted_to, p.team, p.vacant, p.assistant = boss, (), team, False, False
        p.location, p.email = place, email
        p.__class__ = Person
    by_id = {p.id: p for p in people}
    pairs: dict[tuple[tuple[str, ...], tuple[str, ...]], list[object]] = {}
    for p in people:
        boss_person = by_id.get(p.reports_to)
        if boss_person is not None:
            pairs.setdefault((p.roles, boss_person.roles), []).append(p)
    found = []
    for (mine, theirs), group in pairs.items():
        rank, boss_rank = DEFAULT_LADDER.rank(mine), DEFAULT_LADDER.rank(theirs)
        if rank is None or boss_rank is None or boss_rank > rank:
            continue
        for p in group:
            at = p.field_locs.get("reports_to", p.loc)
            found.append(new(Problem, (at[0], at[1], at[2], "error", "rank", f"'{p.id}' (a "
                                       f"role, rank x) reports to '{p.reports_to}' (a role, "
                                       "rank y): an X cannot report to a Y; point reports_to "
                                       "at someone more senior, or correct the roles")))
    found.sort(key=itemgetter(1))
    return tuple(people), found


def rule_times(path: Path, rounds: int) -> tuple[dict[str, float], dict[str, int]]:
    """Best time of each part of validating the imported org, and each rule's findings."""
    from orgviz.io.csvimport import import_csv

    best: dict[str, float] = {}
    found: dict[str, int] = {}
    for _ in range(rounds):
        for name, (seconds, count) in _validation_parts(import_csv(path).org).items():
            best[name] = min(best.get(name, float("inf")), seconds)
            if count is not None:
                found[name] = count
    return best, found


def _validation_parts(org: Org) -> dict[str, tuple[float, int | None]]:
    """validate(org), timed part by part: (seconds, findings) for each rule."""
    from orgviz.rules import RULES, _common
    from orgviz.validate import _sorted_distinct, rule_confs, rule_problems

    parts: dict[str, tuple[float, int | None]] = {}
    confs = rule_confs(org)
    start = time.perf_counter()
    _ = org.by_id
    # The per-org values the rules share (rules/_common.py caches each on the org).
    for name in ("links", "tree", "manager_pairs", "roles_held", "assistants_of"):
        if hasattr(_common, name):
            getattr(_common, name)(org)
    parts["shared values"] = (time.perf_counter() - start, None)
    found = list(org.load_problems)
    for rule_id, module in RULES.items():
        level = confs[rule_id].level
        if level == "off":
            continue
        start = time.perf_counter()
        got = rule_problems(module, org, confs[rule_id].options, level)
        parts[rule_id] = (time.perf_counter() - start, len(got))
        found += got
    start = time.perf_counter()
    # validate()'s own work on the problems: in order, repeats dropped.
    _sorted_distinct(found)
    parts["problems sorted"] = (time.perf_counter() - start, None)
    return parts


def counted_round(side: str, path: Path, rounds: int) -> None:
    """The work `--instructions` counts (in a child process under cachegrind): imports, two
    warm-up rounds of `side` ("floor": the DictReader loop, "import+validate"), then `rounds`
    more."""
    from orgviz.io.csvimport import import_csv
    from orgviz.validate import validate

    def floor() -> None:
        with path.open(encoding="utf-8", newline="") as handle:
            for _row in csv.DictReader(handle):
                pass

    def work() -> None:
        validate(import_csv(path).org)

    run_side = floor if side == "floor" else work
    for _ in range(2 + rounds):
        run_side()


#: The caches cachegrind simulates for `--instructions`: this machine's kind (AMD EPYC: 32 KiB
#: 8-way first-level caches, a 512 KiB 8-way second-level cache a core). The third level is
#: shared with the neighbours on the machine, so the simulated last level is the second.
CACHES = ("--I1=32768,8,64", "--D1=32768,8,64", "--LL=524288,8,64")


def instructions(side: str, path: Path, tmp: Path) -> tuple[int, int]:
    """The instructions one round of `side` executes on `path`, and the data reads and
    writes that miss the simulated second-level cache: cachegrind's counts for a process
    with one more round than another, less the other's."""
    counts = []
    for rounds in (0, 1):
        out = tmp / f"cachegrind.{side}.{rounds}.out"
        run(["valgrind", "--tool=cachegrind", "--cache-sim=yes", *CACHES,
             f"--cachegrind-out-file={out}",
             PYTHON, __file__, "--counted", side, str(path), str(rounds)],
            env={**os.environ, "PYTHONHASHSEED": "0"})
        lines = out.read_text().splitlines()
        events = next(text for text in lines if text.startswith("events:")).split()[1:]
        summary = dict(zip(events, map(int, next(
            text for text in lines if text.startswith("summary:")).split()[1:]), strict=True))
        counts.append((summary["Ir"], summary["DLmr"] + summary["DLmw"]))
    return counts[1][0] - counts[0][0], counts[1][1] - counts[0][1]


def line(label: str, seconds: float, floor: float, note: str = "") -> str:
    return f"  {label:<40} {seconds:8.3f} s  {seconds / floor:6.2f}x{note}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=20_000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--rules", action="store_true",
                        help="also time the parts of validation, rule by rule")
    parser.add_argument("--skeleton", action="store_true",
                        help="also time a bare skeleton of the unavoidable work (a bound)")
    parser.add_argument("--realistic", action="store_true",
                        help="also time an export whose titles follow the tree (few findings)")
    parser.add_argument("--xlsx", action="store_true",
                        help="also time the import of the same rows as an .xlsx workbook")
    parser.add_argument("--instructions", action="store_true",
                        help="also count the instructions each side executes (valgrind)")
    parser.add_argument("--counted", nargs=3, metavar=("SIDE", "CSV", "ROUNDS"),
                        help=argparse.SUPPRESS)  # (the child that --instructions counts)
    args = parser.parse_args()
    if args.counted:
        side, csv_path, rounds = args.counted
        counted_round(side, Path(csv_path), int(rounds))
        return 0

    from orgviz.io.csvimport import import_csv
    from orgviz.validate import validate

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "people.csv"
        out = Path(tmp) / "people.yaml"
        write_csv(path, args.rows)
        csv_size = path.stat().st_size

        def dictreader() -> None:
            with path.open(encoding="utf-8", newline="") as handle:
                for _row in csv.DictReader(handle):
                    pass

        result = import_csv(path)  # warm-up (compiles the title patterns, fills caches)
        validate(result.org)
        assert result.errors == 0, result.problems[:3]
        text_size = len(result.text.encode("utf-8"))
        del result
        contenders: dict[str, Callable[[], object]] = {
            "floor": dictreader,
            "import": lambda: import_csv(path),
            "import+validate": lambda: validate(import_csv(path).org),
            "import+validate (kept)": lambda: _imported_and_validated(import_csv, validate,
                                                                      path),
            "import+validate+text": lambda: _imported_validated_written(import_csv, validate,
                                                                        path),
        }
        if args.skeleton:
            assert len(skeleton(path)[1]) > 0  # (warm-up: the generator's titles give findings)
            contenders["skeleton"] = lambda: skeleton(path)
        kernel: dict[str, tuple[int, float]] = {}
        inproc = best_of(contenders, args.repeat, kernel)
        # (Whole processes with the modules' bytecode written once and read after, as an
        # installed orgviz has it: this machine sets PYTHONDONTWRITEBYTECODE, which would
        # compile every module at every start.)
        warm = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        warm["PYTHONPYCACHEPREFIX"] = str(Path(tmp) / "pycache")
        process = best_of({
            "start": lambda: run([PYTHON, "-c", "pass"], warm),
            "floor": lambda: run([PYTHON, "-c", DICTREADER, str(path)], warm),
            "orgviz": lambda: run([PYTHON, "-m", "orgviz", "import", str(path), "-o", str(out)],
                                  warm),
        }, args.repeat)
        real: dict[str, float] = {}
        if args.realistic:
            real_path = Path(tmp) / "realistic.csv"
            write_realistic_csv(real_path, args.rows)
            real_found = len(validate(import_csv(real_path).org))

            def real_floor() -> None:
                with real_path.open(encoding="utf-8", newline="") as handle:
                    for _row in csv.DictReader(handle):
                        pass

            real = best_of({"floor": real_floor,
                            "import+validate": lambda: validate(import_csv(real_path).org),
                            "import+validate (kept)": lambda: _imported_and_validated(
                                import_csv, validate, real_path)},
                           args.repeat)
        parts, found = rule_times(path, args.repeat) if args.rules else ({}, {})

        counts: dict[str, tuple[tuple[int, int], tuple[int, int]]] = {}
        if args.instructions and shutil.which("valgrind"):
            counts["generated"] = (instructions("floor", path, Path(tmp)),
                                   instructions("import+validate", path, Path(tmp)))
            if args.realistic:
                counts["realistic"] = (instructions("floor", real_path, Path(tmp)),
                                       instructions("import+validate", real_path, Path(tmp)))

        book: dict[str, float] = {}
        if args.xlsx:
            xlsx = Path(tmp) / "people.xlsx"
            write_xlsx(path, xlsx)
            assert import_csv(xlsx).errors == 0
            book = best_of({
                "floor": lambda: openpyxl_rows(xlsx),
                "import+validate": lambda: validate(import_csv(xlsx).org),
            }, max(1, args.repeat // 3))
            book["size"] = xlsx.stat().st_size

    ratio = inproc["import+validate"] / inproc["floor"]
    print(f"{args.rows:,} rows ({csv_size / 1e6:.1f} MB of CSV, {text_size / 1e6:.1f} MB of "
          f"YAML written); best of {args.repeat} interleaved rounds")
    print("in process (the target's view):")
    print(line("csv.DictReader loop (floor)", inproc["floor"], inproc["floor"]))
    print(line("import_csv()", inproc["import"], inproc["floor"]))
    print(line("import_csv() + validate()", inproc["import+validate"], inproc["floor"],
               f"   target <= {TARGET:g}x: {'met' if ratio <= TARGET else 'MISSED'}"))
    print(line("  the same, result kept (freed untimed)", inproc["import+validate (kept)"],
               inproc["floor"], "   (as `orgviz import` keeps it until exit)"))
    print(line("  the same, and its org file's text", inproc["import+validate+text"],
               inproc["floor"], "   (result.text, made when read: what `orgviz import` "
               "writes)"))
    if "skeleton" in inproc:
        print(line("skeleton of the unavoidable work (a bound)", inproc["skeleton"],
                   inproc["floor"], "   (--skeleton: no checks, tree order or other rules)"))
    print("  page faults a round (memory given afresh: 4 KiB a fault) and kernel time "
          "(median of the rounds):")
    for name, label in (("floor", "csv.DictReader loop"), ("import+validate",
                                                           "import_csv() + validate()")):
        faulted, system = kernel[name]
        print(f"    {label:<38} {faulted:8,} faults ({faulted * 4 / 1024:5.1f} MiB)  "
              f"{system * 1000:5.1f} ms in the kernel "
              f"({system / inproc[name]:.0%} of its best time)")
    print("whole process (what a user waits for):")
    print(line("python -c pass (interpreter start)", process["start"], process["floor"]))
    print(line("python -c <DictReader loop> (floor)", process["floor"], process["floor"]))
    print(line("python -m orgviz import CSV -o OUT", process["orgviz"], process["floor"],
               "   (import, rules, file written)"))
    if real:
        real_ratio = real["import+validate"] / real["floor"]
        print(f"a realistic export (--realistic: titles follow the tree, {real_found:,} "
              "findings):")
        print(line("csv.DictReader loop (floor)", real["floor"], real["floor"]))
        print(line("import_csv() + validate()", real["import+validate"], real["floor"],
                   f"   target <= {TARGET:g}x: {'met' if real_ratio <= TARGET else 'MISSED'}"))
        print(line("  the same, result kept (freed untimed)", real["import+validate (kept)"],
                   real["floor"], "   (as `orgviz import` keeps it until exit)"))
    if args.instructions:
        print("instructions executed and second-level cache misses (cachegrind's simulation of "
              "this machine's caches; one round, after the warm-up):")
        if not counts:
            print("  (valgrind is not installed: not counted)")
        for name, ((floor_count, floor_misses), (work_count, work_misses)) in counts.items():
            print(f"  {name + ' file: DictReader loop':<40} {floor_count / 1e6:8.0f} M    1.00x"
                  f"   {floor_misses / 1e6:6.2f} M misses")
            print(f"  {name + ' file: import + validate':<40} {work_count / 1e6:8.0f} M  "
                  f"{work_count / floor_count:6.2f}x   {work_misses / 1e6:6.2f} M misses")
    if book:
        print(f"the same rows as an .xlsx workbook ({book['size'] / 1e6:.1f} MB; no target):")
        print(line("openpyxl read-only iter_rows (its floor)", book["floor"], book["floor"]))
        print(line("import_csv(book) + validate()", book["import+validate"], book["floor"],
                   f"   {book['import+validate'] / inproc['floor']:.1f}x the CSV floor"))
    if parts:
        validation = inproc["import+validate"] - inproc["import"]
        print(f"validation, part by part (validate() took {validation:.3f} s here, "
              f"{validation / inproc['floor']:.2f}x the floor):")
        for name, seconds in sorted(parts.items(), key=lambda item: -item[1]):
            note = f"   {found[name]:,} findings" if name in found else ""
            print(line(name, seconds, inproc["floor"], note))
        print(line("all rules, with the shared values", sum(parts.values()) -
                   parts["problems sorted"], inproc["floor"]))
    return 0 if ratio <= TARGET else 1


if __name__ == "__main__":
    sys.exit(main())
