"""Link records: history rows, duplicate ids, manager and dotted-line references, cycles."""

from __future__ import annotations

from collections import Counter
from operator import attrgetter

from orgviz.io.csvimport.order import cycle_from_first, unique_tree_order
from orgviz.io.csvimport.records import Record, record_id
from orgviz.io.csvimport.resolve import DECIMAL_ID, NAMED_ID, ZEROS_ID, Resolver, is_set_aside
from orgviz.io.csvimport.rows import (
    LOCAL_FTES,
    ROUNDED_FTES,
    ROUNDED_TO,
    local_fte_info,
    rounded_fte_info,
)
from orgviz.io.csvimport.state import ImporterState, Periods
from orgviz.io.csvimport.values import ELIMINATED_POST, FUTURE_DATED, is_future_dated
from orgviz.problem import SourceLoc

_HISTORY = attrgetter("history")
_FILE_LINE = attrgetter("file", "line")


class Linker(ImporterState):
    """Links the records read: managers resolved, problems reported at CSV rows."""

    def split_history(self) -> None:
        """Set history rows aside (not imported), each reported; eliminated posts too,
        unless posts still report to one that no other row of its id replaces."""
        if not any(map(_HISTORY, self.records)):
            return  # (the usual case, found at C speed)
        self._keep_eliminated_posts_with_reports()
        current: list[Record] = []
        dropped: list[Record] = []
        for record in self.records:
            (dropped if record.history else current).append(record)
        # (rows starting after the day of the import: only in a file with start and end
        # date columns, `RowReader.set_aside_starts`)
        future: list[Record] = []
        eliminated = False
        for record in dropped:
            if record.history == ELIMINATED_POST:
                eliminated = True
                self.tally("eliminated", record.id)
            elif is_future_dated(record.history):
                future.append(record)
            else:
                who = record.name or record.title or record.id
                self.problem(record.loc(), "warning", "history-row",
                             f"history row of '{who}' ({record.history}) not imported")
        if future:
            self._say_future_rows(future, current)
        self.records, self.dropped = current, dropped
        if eliminated:  # (an eliminated post's FTE is read, as it may be kept: not this one)
            self._drop_fte_findings({(r.file, r.line) for r in dropped})

    def _say_future_rows(self, future: list[Record], current: list[Record]) -> None:
        """An info at each row set aside as starting after the day of the import, naming
        the current row of its id, if it has one, else how to import it."""
        ids = {r.id for r in future if not r.generated}
        first: dict[str, Record] = {}
        for record in current:
            if record.id in ids:
                first.setdefault(record.id, record)
        day = self.reference_date().isoformat()
        for record in future:
            when = (record.history or "").partition(", ")[2]
            now = None if record.generated else first.get(record.id)
            if now is None:
                self.problem(record.loc(), "info", "future-row",
                             f"a future-dated row of '{record.id}' ({when}, after the day of "
                             f"the import {day}) is set aside: --as-of a later day imports it")
            else:
                self.problem(record.loc(), "info", "future-row",
                             f"a future-dated row of '{record.id}' ({when}) is set aside; "
                             f"{_current_row(record, now)}")

    def _keep_eliminated_posts_with_reports(self) -> None:
        """Keep, as open positions, the eliminated posts that rows still report to and that
        no other row of the same id replaces (a post listed twice, live and eliminated)."""
        eliminated = [r for r in self.records if r.history == ELIMINATED_POST]
        if not eliminated:
            return
        live = {r.id for r in self.records if not r.history}
        changed = True
        while changed:  # a kept post's own manager may be an eliminated post
            changed = False
            reports = Counter(r.manager for r in self.records if not r.history)
            for record in eliminated:
                n = reports.get(record.id, 0)
                if record.history and record.id not in live and n:
                    record.history = None
                    live.add(record.id)
                    changed = True
                    posts = "post reports" if n == 1 else "posts report"
                    them = "its report" if n == 1 else "its reports"
                    record.notes.append(f"{n:,} {posts} to it: kept as an open position")
                    self.problem(record.loc("name"), "warning", "eliminated-post",
                                 f"post '{record.id}' is marked eliminated, but {n:,} {posts} "
                                 f"to it: imported as an open position; point {them} at the "
                                 "post that took over its work")

    def dedupe(self) -> None:
        """Give each record a unique id, reporting duplicate ids (future-dated rows of an
        id set aside first)."""
        taken = set(map(record_id, self.records))
        if len(taken) == len(self.records):
            return  # no duplicates
        if self.periods is not None and self.set_aside_future_rows(self.periods):
            taken = set(map(record_id, self.records))
            if len(taken) == len(self.records):
                return
        seen: dict[str, Record] = {}
        for record in self.records:
            first = seen.get(record.id)
            if first is None:
                seen[record.id] = record
                continue
            if record.generated:  # two people with the same name, no ids
                new_id = self.unique(record.id, taken)
                record.id = new_id
                seen[new_id] = record
                continue
            new_id = self.unique(record.id, taken)
            job_share = (" (a job share?)" if record.title and record.title == first.title
                         and record.name and first.name else "")  # (two named holders)
            fix = f": imported as '{new_id}'" if self.options.keep_going else ""
            self.problem(record.loc("id"), "error", "duplicate-id",
                         f"duplicate id '{record.id}'{job_share}, first at row {first.line}"
                         f"{fix}")
            record.notes.append(f"duplicate id '{record.id}' in the CSV (first at row "
                                f"{first.line}): renamed")
            record.id = new_id
            seen[new_id] = record

    def set_aside_future_rows(self, periods: Periods) -> bool:
        """Set aside the future-dated rows of the ids that several rows hold (see
        periods.py), each an info at its row and listed at the end of the file; whether
        there were any."""
        from orgviz.io.csvimport.periods import future_rows  # (a file of dated duplicates)

        found = future_rows(self.records, periods, self.reference_date())
        if not found:
            return False
        for future in found:
            record = future.record
            record.history = f"{FUTURE_DATED}, {future.when}"
            self.problem(record.loc(), "info", "future-row",
                         f"a future-dated row of '{record.id}' ({future.when}) is set aside; "
                         f"{_current_row(record, future.current)}")
        aside = {id(future.record) for future in found}
        self.records = [r for r in self.records if id(r) not in aside]
        self._drop_fte_findings({(f.record.file, f.record.line) for f in found})
        self.dropped = sorted([*self.dropped, *(future.record for future in found)],
                              key=_FILE_LINE)
        return True

    def _drop_fte_findings(self, rows: set[tuple[str, int]]) -> None:
        """Drop the warnings at the FTE cells of rows set aside after their FTEs were read
        (an eliminated post not kept, a future-dated row found by its end date: the FTE of a
        row not imported is neither imported nor left out; the rows set aside as they are
        read have theirs unread: `rows._not_set_aside`); the once-a-file infos at a rounded
        FTE and at an FTE with a decimal comma or a percent sign move to the first such row
        imported (`_move_rounding_info`, `_move_local_fte_info`)."""
        col = self.cols.get("fte")
        if col is None:
            return
        rounded = local = None
        kept = []
        for p in self.problems:
            if p.col == col and p.rule == "csv" and (p.file, p.line) in rows:
                if p.level == "warning":
                    continue
                if p.level == "info" and p.message.endswith(ROUNDED_FTES):
                    rounded = p
                    continue
                if p.level == "info" and p.message.endswith(LOCAL_FTES):
                    local = p
                    continue
            kept.append(p)
        self.problems[:] = kept
        if rounded is not None:
            self._move_rounding_info(rounded.file, col)
        if local is not None:
            self._move_local_fte_info(rows)

    def _move_local_fte_info(self, rows: set[tuple[str, int]]) -> None:
        """The once-a-file info of FTEs read with a decimal comma or a percent sign at the
        first such cell of a row imported (not of `rows`, nor of the rows set aside before),
        if any."""
        aside = rows | {(r.file, r.line) for r in self.dropped}
        for at, value, read in self.local_ftes:
            if (at.file, at.line) not in aside:
                self.problem(at, "info", "csv", local_fte_info(value, read))
                return

    def _move_rounding_info(self, file: str, col: int) -> None:
        """The once-a-file info of FTEs rounded to FTE_DECIMALS decimals at the first row of
        `file` imported whose FTE was so rounded (its note says so), if any."""
        for record in sorted(self.records, key=_FILE_LINE):
            if record.file != file:
                continue
            for note in record.notes:
                value, to, read = note.removeprefix("FTE '").rpartition(ROUNDED_TO)
                if note.startswith("FTE '") and to and read != "0":  # (not one rounded to 0)
                    self.problem(SourceLoc(file, record.line, col), "info", "csv",
                                 rounded_fte_info(value, read))
                    return

    def resolver(self, exact: bool) -> Resolver:
        """A resolver of manager references over the records."""
        return Resolver(self.records, self.dropped, exact)

    def link(self, exact: bool) -> None:
        """Resolve each record's manager and dotted-line references to ids."""
        resolve = self.resolver(exact)
        ids = resolve.ids
        for record in self.records:
            raw = record.manager
            if raw is not None:
                if raw in ids and (exact or raw != record.id):  # an id: link_manager's result
                    record.reports_to = raw
                else:
                    record.reports_to = self.link_manager(record, raw, resolve, exact)
            if not record.dotted_raw:
                continue
            if exact and record.id not in record.dotted_raw and \
                    all(map(ids.__contains__, record.dotted_raw)):
                record.dotted_to = record.dotted_raw  # verbatim: the org file's ids
            else:  # (an export of an org with a dotted line to nobody: left out, as here)
                pieces = record.dotted_raw if exact else _dotted_pieces(record.dotted_raw,
                                                                        resolve)
                record.dotted_to = tuple(d for d in (self.link_dotted(record, raw, resolve)
                                                     for raw in pieces) if d is not None)

    def link_manager(self, record: Record, raw: str, resolve: Resolver,
                     exact: bool) -> str | None:
        """The id a manager reference resolves to (None: a top), reporting what it is not."""
        if raw == record.id and not exact:
            self.self_report(record, "", "warning")
            return None
        target, how = resolve(raw)
        if target == record.id and how == ZEROS_ID:  # ('10' on the row of '010': not itself,
            target, how = None, None                 # but an id not found)
        elif target == record.id:  # (its own name, email, or id written another way)
            self.self_report(record, f" ('{raw}')", "warning")
            return None
        if target is not None:
            col = record.cols.get("manager")  # (or the managers' names beside it)
            if how in (DECIMAL_ID, NAMED_ID):  # (no note: every row of such a column would
                self.tally(how, raw, col)         # have one)
            elif how == ZEROS_ID:  # (an example of two ids: quoted here, `QUOTED_SAMPLES`)
                self.tally(how, f"'{raw}' as '{target}'", col)
            elif how:
                record.notes.append(how)
                if is_set_aside(how):
                    self.problem(record.loc("manager"), "warning", "ended-manager", how)
                else:
                    self.tally("by-name", raw, col)
            return target
        if how == "top":
            return None
        fix = ": imported as a top" if self.options.keep_going else ""
        message = how or f"manager '{raw}' not found"
        hint = "" if how else resolve.nearest(raw, record.id)
        self.problem(record.loc("manager"), "error", "unknown-manager", f"{message}{fix}{hint}")
        record.notes.append(f"{message}: imported as a top{hint}")
        return None

    def self_report(self, record: Record, written: str, level: str) -> None:
        """Report a row whose manager is the row itself (`written`: the reference, when not
        the id), which becomes a top: a warning, as HR exports mark their top, or, in the
        exact layout (an org file's self-report, which validate calls an error), an error
        that only --keep-going imports."""
        done = level == "warning" or self.options.keep_going
        fix = ": imported as a top of the org" if done else ""
        at = record.loc("manager")
        self.problem(at, level, "self-report", f"'{record.id}' reports to itself{written}{fix}")
        self.self_reports[at] = written
        record.notes.append(f"reports to itself in the CSV{written}: imported as a top")
        record.reports_to = None

    def link_dotted(self, record: Record, raw: str, resolve: Resolver) -> str | None:
        """The id a dotted-line reference resolves to (None: left out, reported)."""
        target, how = resolve(raw, "dotted-line manager")
        if target is None or (target == record.id and how == ZEROS_ID):
            # (a row set aside without a current row: which one it is; the row's own id
            # but for leading zeros is not found, as a manager's: `link_manager`)
            rule, what = "unknown-manager", (how if is_set_aside(how) else
                                             f"dotted-line manager '{raw}' not found")
        elif target == record.id:  # (found: the row itself)
            written = "" if raw == record.id else f" ('{raw}')"
            rule, what = "self-report", f"'{record.id}' has a dotted line to itself{written}"
        else:
            if is_set_aside(how):  # (re-attached to its person's current row, as a manager)
                self.problem(record.loc("dotted_to"), "warning", "ended-manager", how)
                record.notes.append(how)
            return target
        self.problem(record.loc("dotted_to"), "warning", rule, f"{what}: left out")
        record.notes.append(f"{what}: left out")  # (a comment on the row: data dropped)
        return None

    def break_cycles(self) -> list[tuple[Record, int]] | None:
        """Make the first row of each reporting cycle a top; without cycles, the tree order
        of the records (`tree_order`), which finding no cycle costs nothing more than."""
        order = unique_tree_order(self.records)
        if order is not None and len(order) == len(self.records):
            return order  # every record hangs from a top: there is no cycle
        by_id = {r.id: r for r in self.records}
        state: dict[str, int] = {}
        for start in self.records:
            path: list[Record] = []
            node: Record | None = start
            while node is not None and state.get(node.id, 0) == 0:
                state[node.id] = 1
                path.append(node)
                node = by_id.get(node.reports_to) if node.reports_to else None
            if node is not None and state.get(node.id) == 1:
                self._break_cycle(path[path.index(node):])
            for record in path:
                state[record.id] = 2
        return None

    def _break_cycle(self, cycle: list[Record]) -> None:
        """Report a reporting cycle at its first row, named from that row (the same message
        wherever the walk entered the cycle), and make that row a top: a row reporting to
        itself (the exact layout keeps its reference, see `link`) is a self-report, as
        validate says."""
        cycle = cycle_from_first(cycle, _FILE_LINE)  # (named from the row reported)
        first = cycle[0]
        if len(cycle) == 1:
            self.self_report(first, "", "error")
            return
        names = _shortened([r.id for r in [*cycle, cycle[0]]], " -> ")
        fix = (f": '{first.id}' imported as a top" if self.options.keep_going else "")
        rows = _shortened([str(r.line) for r in cycle], ", ")
        self.problem(first.loc("manager"), "error", "cycle",
                     f"reporting cycle {names} (rows {rows}){fix}")
        first.notes.append(f"in a reporting cycle ({names}): imported as a top")
        first.reports_to = None


def _current_row(record: Record, current: Record) -> str:
    """"row 3 is current", naming both names when the rows of the id differ in name."""
    said = f"row {current.line} is current"
    if record.name != current.name and record.name and current.name:
        said += f" (named '{current.name}' there, '{record.name}' here)"
    return said


def _dotted_pieces(cells: tuple[str, ...], resolve: Resolver) -> list[str]:
    """The references of a dotted-line cell split at ';': each piece, or, for a piece with
    commas that names nobody whole (not "Day, Bob"), its comma-separated parts."""
    pieces = []
    for piece in cells:
        if "," in piece and resolve(piece)[0] is None:
            pieces += [p.strip() for p in piece.split(",") if p.strip()]
        else:
            pieces.append(piece)
    return pieces


#: A cycle longer than this is named by its first and last few members.
CYCLE_SHOWN = 8


def _shortened(items: list[str], sep: str) -> str:
    """`items` joined, or, past CYCLE_SHOWN of them, the first and last few around a count
    (a message stays one readable line for a cycle of 2,000 people)."""
    if len(items) <= CYCLE_SHOWN:
        return sep.join(items)
    return (sep.join(items[:5]) + f"{sep}... ({len(items) - 7:,} more){sep}"
            + sep.join(items[-2:]))
