"""Titles from a jobs CSV (--titles): title cells that hold a job code get its title."""

from __future__ import annotations

from collections.abc import Sequence

from orgviz.io.csvimport.state import ImporterState
from orgviz.io.csvimport.values import clean
from orgviz.io.csvread import CsvTable
from orgviz.orgfiles import shown_base_name
from orgviz.problem import SourceLoc, quoted
from orgviz.roles import is_job_code

_JOB_SPELLINGS = {
    "code": ("jobid", "jobcode", "jobkey", "jobprofileid", "jobprofilecode", "positioncode",
             "titlecode", "code", "id"),
    "title": ("jobtitle", "title", "jobname", "jobprofile", "jobprofilename", "name",
              "description", "jobdescription"),
}


def read_titles(imp: ImporterState, path: str) -> dict[str, str]:
    """A jobs CSV (Oracle HR's JOBS table, a Workday job-profile export): job code -> title."""
    table, found = imp.read_lookup(path, _JOB_SPELLINGS, ("code", "title"), (
        "a titles file needs a job code column (job_id, job_code, code) and a title column "
        "(job_title, title, name)"))
    titles: dict[str, str] = {}
    width = len(table.header)
    for line, cells in table.rows:
        cells = (cells + [""] * width)[:width]
        code, title = (clean(cells[found[f]])[0] for f in ("code", "title"))
        at = SourceLoc(table.shown, line, found["code"] + 1)
        if not code:
            continue
        if code in titles:
            imp.problem(at, "warning", "duplicate-id",
                        f"job code '{code}' again: the title of its first row is used")
        elif not title:
            imp.problem(at._replace(col=found["title"] + 1), "warning", "unknown-title",
                        f"job code '{code}' has no title: its cells keep the code")
        else:
            titles[code] = title
    imp.header_notes.append(f"Titles from {shown_base_name(table.shown)}")
    return titles


def expand_titles(imp: ImporterState, shown: str, titles: list[str | None],
                  lines: Sequence[int], known: dict[str, str], jobs_file: str) -> list[str | None]:
    """The title column with each job code of `known` replaced by its title; a title that is
    no code of the file is kept as written, with one warning at its first row."""
    col = imp.cols.get("title", 1)
    first_row = dict(zip(reversed(titles), reversed(lines), strict=True))  # first wins
    for value in dict.fromkeys(titles):
        if value and value not in known:
            imp.problem(SourceLoc(shown, first_row[value], col), "warning", "unknown-title",
                        f"title '{value}' is no job code of {shown_base_name(jobs_file)}: "
                        "kept as written")
    return [known.get(t, t) if t else t for t in titles]


def note_coded_titles(imp: ImporterState, table: CsvTable,
                      values: Sequence[str | None]) -> None:
    """One info at the title column's header when every title is a job code (Oracle HR's
    JOB_ID: the titles are in a jobs export, which --titles reads)."""
    first = next(filter(None, values), None)
    if first is None or not is_job_code(first):  # (most files: at their first title)
        return
    codes = [v for v in dict.fromkeys(values) if v]
    if not all(map(is_job_code, codes)):
        return
    col = imp.cols["title"]
    shown_values = quoted(codes, 3)
    imp.problem(SourceLoc(table.shown, table.header_line, col), "info", "columns",
                f"the title column '{table.header[col - 1]}' holds job codes ({shown_values}): "
                "cards show them as written; --titles FILE names them from a jobs export")
