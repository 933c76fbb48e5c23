"""Grouped junior posts of UK organograms: one card per row under its senior post."""

from __future__ import annotations

from collections import Counter

from orgviz.errors import OrgvizError
from orgviz.fte import parse_fte
from orgviz.io.columns import detect
from orgviz.io.csvimport.cells import CellReader
from orgviz.io.csvimport.grades import grade_role
from orgviz.io.csvimport.records import Record
from orgviz.io.csvimport.rows import RowReader
from orgviz.io.csvimport.state import header_at
from orgviz.io.csvimport.values import ELIMINATED_POST, VACANCY_NAMES, _fold
from orgviz.orgfiles import shown_base_name
from orgviz.problem import SourceLoc, quoted


def read_junior(imp: RowReader, path: str) -> None:
    """Merge grouped junior posts under their senior posts: one card per row."""
    table = imp.read_companion(path)
    columns = detect(table.header, {})
    imp.problems.extend(table.problems)
    manager_col = columns.get("manager")
    if manager_col is None:
        raise OrgvizError(f"{header_at(table)}: no 'Reporting Senior Post' (manager) column "
                          "in the junior posts file")
    id_col = columns.get("id")
    if id_col is not None or columns.name_parts:  # (grouped posts have neither)
        what = "an id" if id_col is not None else "a name"
        col = id_col if id_col is not None else columns.name_parts[0]
        raise OrgvizError(f"{table.shown}:{table.header_line}:{col + 1}: a list of people, "
                          f"not grouped junior posts (it has {what} column, "
                          f"'{table.header[col]}'): --junior takes an "
                          "organogram's junior posts file ('Reporting Senior Post', 'Grade', "
                          "'Generic Job Title', 'Number of Posts in FTE')")
    imp.header_notes.append(f"Junior posts from {shown_base_name(table.shown)}: "
                            f"{columns.describe()} (a card a row: the grade names it; its "
                            "FTE is its fte)")
    taken = {r.id for r in imp.records}
    # Posts the senior file lists twice, live and eliminated: a join of the two files
    # repeats each junior row under such a post, an artefact (imported once).
    live = {r.id for r in imp.records if r.history != ELIMINATED_POST}
    twice = {r.id for r in imp.records if r.history == ELIMINATED_POST and r.id in live}
    counter: Counter[str] = Counter()
    seen: dict[tuple[str, ...], int] = {}
    # (line, the line it repeats, post) of each row repeated under a post in `twice`
    repeated: list[tuple[int, int, str]] = []
    for line, cells in table.rows:
        cells = imp.fit(table.shown, line, cells, len(table.header))
        where = (table.shown, line)

        def get(fld: str, cells: list[str] = cells, where: tuple[str, int] = where
                ) -> str | None:
            return imp.value(cells, columns, fld, False, where)

        senior = get("manager")
        key = tuple(cells)
        if key in seen:
            at = SourceLoc(table.shown, line, 1)
            if senior in twice:  # (said once for all of them: one cause)
                repeated.append((line, seen[key], senior))
                continue
            imp.problem(at, "warning", "duplicate-row",
                        f"row repeats row {seen[key]} exactly: imported both")
        seen.setdefault(key, line)
        title = get("title") or "Junior post"
        fte_cell = get("fte")
        fte = None if fte_cell is None else parse_fte(fte_cell)
        notes = []
        if fte_cell is not None and fte is None:  # (a sheet's =7/3: 2.3333333333333335)
            fte, note = imp.fte_of(SourceLoc(table.shown, line, columns.index["fte"] + 1),
                                   fte_cell, False)
            if note is not None:
                notes.append(note)
        grade = get("grade")
        counter[senior or ""] += 1
        rid = CellReader.unique(f"{senior or 'junior'}-j{counter[senior or '']}", taken)
        # (a job title is read whole: 'Hiring/Recruitment Officer' and 'Open (FOI) Officer'
        # are jobs, where a person's name of a vacancy word and a mark is a placeholder)
        vacant = _fold(title) in VACANCY_NAMES
        if vacant:
            title = "Open posts"
        role = grade_role(grade)
        record = Record(id=rid, line=line, file=table.shown,
                        name=f"{grade} posts" if grade else "Junior posts",
                        title=title, fte=fte,
                        roles=(role,) if role else (),
                        manager=senior, team=get("team"), vacant=vacant,
                        cols={f: i + 1 for f, i in columns.index.items()}, notes=notes)
        imp.records.append(record)
    if repeated:
        imp.problem(SourceLoc(table.shown, repeated[0][0], 1), "warning", "duplicate-row",
                    _repeated_message(repeated))


def _repeated_message(repeated: list[tuple[int, int, str]]) -> str:
    """The one warning on the rows that repeat a row exactly under a post the senior file
    lists twice (`repeated`: their lines, the lines they repeat, their posts; one cause)."""
    _line, first_of, post = repeated[0]
    if len(repeated) == 1:
        return (f"row repeats row {first_of} exactly, under post '{post}', which the senior "
                "file lists twice (live and eliminated): imported once")
    posts = list(dict.fromkeys(post for _, _, post in repeated))
    named = quoted(posts)
    lines = quoted([n for n, _, _ in repeated], 5, str)
    return (f"{len(repeated):,} rows repeat a row above them exactly, under posts the senior "
            f"file lists twice (live and eliminated: {named}): each imported once (rows "
            f"{lines})")

