"""`orgviz import`: turn an HR export (CSV or an Excel sheet) into an org file."""

from __future__ import annotations

import datetime
import os
import sys

import click

from orgviz.cli.common import (
    EXIT_OK,
    EXIT_PROBLEMS,
    FilePath,
    fail,
    keep_until_exit,
    refuse_to_overwrite,
)
from orgviz.errors import OrgLoadError, OrgvizError
from orgviz.problem import one_line
from orgviz.report import REPORTERS, summary_line

#: Endings of table files: the org file import writes (YAML) is none (`-o people.csv`).
_TABLE_SUFFIXES = (".csv", ".tsv", ".txt", ".xlsx", ".xlsm", ".xls", ".ods")


@click.command("import",
               short_help="Make an org file of an HR export (CSV or an Excel workbook).")
@click.argument("csv_file", metavar="FILE", type=FilePath())
@click.option("-o", "--output", type=FilePath("output"),
              help="Org file to write (default: stdout).")
@click.option("--id", "id_col", metavar="COLUMN", help="Column of the person or post id.")
@click.option("--manager", metavar="COLUMN",
              help="Column of the manager: an id, a name or an email.")
@click.option("--name", "name_cols", metavar="COLUMN", multiple=True,
              help="Column of the name; repeat for first and last name.")
@click.option("--title", metavar="COLUMN", help="Column of the job title.")
@click.option("--team", metavar="COLUMN", help="Column of the team or department.")
@click.option("--location", metavar="COLUMN", help="Column of the location.")
@click.option("--email", metavar="COLUMN", help="Column of the email address.")
@click.option("--fte", metavar="COLUMN",
              help="Column of the full-time equivalents of each position (0.6, 12.5).")
@click.option("--status", metavar="COLUMN", help="Column of the status (vacant, terminated...).")
@click.option("--org-name",
              help="Name of the org (default: the -o file's name, else FILE's, without its "
                   "extension).")
@click.option("--size", type=click.Choice(["small", "mid-size", "enterprise"]),
              help="Size profile (default: guessed from the number of positions).")
@click.option("--allow-forest", is_flag=True,
              help="Keep several separate trees: writes rules: {root: {allow-forest: true}}.")
@click.option("-k", "--keep-going", is_flag=True,
              help="Write the org file despite data errors (unknown managers, duplicate ids).")
@click.option("--junior", type=FilePath(), metavar="CSV",
              help="UK organogram junior posts to merge under the senior posts.")
@click.option("--teams", "teams_file", type=FilePath(), metavar="CSV",
              help="Departments CSV (id, name, manager) naming the team column's values, or "
                   "the teams table `orgviz export` writes (default: FILE's teams table "
                   "beside it, NAME.teams.csv for NAME.csv, when there is one).")
@click.option("--titles", "titles_file", type=FilePath(), metavar="CSV",
              help="Jobs CSV (job code, job title) naming the title column's job codes "
                   "(Oracle HR's job_id: AD_VP, SA_MAN).")
@click.option("--encoding", help="Encoding of the CSV files (default: UTF-8, else cp1252).")
@click.option("--delimiter", help="Field delimiter (default: guessed from , ; tab |).")
@click.option("--sheet", metavar="NAME",
              help="Sheet of an .xlsx workbook to import (default: the first visible "
                   "worksheet).")
@click.option("--order", type=click.Choice(["tree", "csv"]), default=None,
              help="People in the org file: managers before reports (tree), or CSV row order "
                   "(csv). Default: csv for a file `orgviz export` wrote, else tree.")
@click.option("--as-of", "as_of", type=click.DateTime(formats=["%Y-%m-%d"]), default=None,
              metavar="YYYY-MM-DD",
              help="The day end dates are compared with: a row ending after it is current "
                   "(default: today; give it for the same file on any day).")
@click.option("--format", "-f", "fmt", type=click.Choice(sorted(REPORTERS)), default="text",
              show_default=True, help="How to print problems (on stderr).")
@click.option("--strict", is_flag=True,
              help="Exit 1 when the imported org breaks a rule at error level too.")
@click.option("-v", "--verbose", is_flag=True,
              help="Also list every rule finding of the imported org (at CSV rows).")
@click.option("-q", "--quiet", is_flag=True, help="Print errors only, no summary.")
def command(csv_file: str, output: str | None, id_col: str | None, manager: str | None,
            name_cols: tuple[str, ...], title: str | None, team: str | None,
            location: str | None, email: str | None, fte: str | None, status: str | None,
            org_name: str | None, size: str | None, allow_forest: bool, keep_going: bool,
            junior: str | None, teams_file: str | None, titles_file: str | None,
            encoding: str | None, delimiter: str | None, sheet: str | None, order: str | None,
            as_of: datetime.datetime | None, fmt: str, strict: bool, verbose: bool,
            quiet: bool) -> None:
    """Import an HR export (CSV, or a sheet of an Excel .xlsx workbook) as an org file.

    Columns are found by their usual header spellings (EmployeeId, employee_id, ReportsTo,
    manager_id, parentId, Reports to Senior Post, Supervisor, FirstName/LastName, Title,
    Department ...); the column options override them. Data problems are reported at the CSV
    row (the sheet's row for a workbook). FILE `-` reads standard input, a CSV or a workbook.
    Exit 0 when imported, 1 on data errors (the file is written anyway with --keep-going), 2
    on usage errors and unreadable files.
    """
    from orgviz.io.csvimport import ImportOptions, import_csv
    from orgviz.io.csvimport.findings import checked
    from orgviz.io.files import write_output
    from orgviz.io.orgwrite import refuse_unloadable_size
    from orgviz.loader import text_fault
    from orgviz.validate import validate

    fault = None if org_name is None else text_fault(org_name)
    if fault is not None:  # (the org file written would not load)
        fail(OrgvizError(f"--org-name {fault}: the org file would not load (an org's name is "
                         "1 to 500 characters, no control characters)"))
    refuse_to_overwrite(output, (csv_file, junior, teams_file, titles_file))
    if teams_file is None:  # (import_csv reads the teams table beside the CSV, if any)
        _refuse_the_table_beside(output, csv_file, encoding)
    if output and output.lower().endswith(_TABLE_SUFFIXES):  # (a YAML file by that name)
        raise click.UsageError(f"-o {output}: import writes an org file (YAML): name it "
                               f"{os.path.splitext(output)[0]}.yaml")
    # Each field's columns given (its option is --FIELD); a blank name would be left out.
    given: dict[str, list[str | None]] = {
        "id": [id_col], "manager": [manager], "name": list(name_cols), "title": [title],
        "team": [team], "location": [location], "email": [email], "fte": [fte],
        "status": [status]}
    for fld, columns in given.items():
        if any(column is not None and not column.strip() for column in columns):
            raise click.UsageError(f"--{fld} needs a column name (the header's text), not a "
                                   "blank one")
    overrides = {fld: [column for column in columns if column]
                 for fld, columns in given.items()}
    options = ImportOptions(columns=overrides, keep_going=keep_going, allow_forest=allow_forest,
                            name=org_name, size=size, order=order, junior=junior,
                            teams=teams_file, titles=titles_file, encoding=encoding,
                            delimiter=delimiter, sheet=sheet,
                            reference_date=None if as_of is None else as_of.date())
    shown_name = output if output != "-" else None
    try:
        result = import_csv(csv_file, options, shown_name=shown_name)
    except OrgLoadError as exc:
        REPORTERS[fmt](exc.problems, 1, sys.stderr, True)
        sys.exit(EXIT_PROBLEMS)
    except OrgvizError as exc:
        fail(exc)
    said = checked(result.problems, (p for p in validate(result.org)
                                     if p.rule != "root" or not allow_forest), strict,
                   result.tallies())
    findings = said.findings  # (less those import's problems say: one mistake, one finding)
    problems = said.problems
    if verbose:
        problems = sorted(problems + findings)
    if strict and not verbose and (quiet or fmt != "text"):  # (no summary line counts the
        # rules' errors that fail the run: they are listed)
        problems = sorted(problems + [p for p in findings if p.level == "error"])
    if quiet:
        problems = [p for p in problems if p.level == "error"]
    REPORTERS[fmt](problems, 1, sys.stderr, True)
    written = result.errors == 0 or keep_going
    target = output if output and output != "-" else "stdout"
    if written:
        try:
            refuse_unloadable_size(result.text, target)  # (nothing written, nor printed)
            write_output(output, result.text)
        except OrgvizError as exc:
            fail(exc)
    if not quiet and fmt == "text":
        n = len(result.org.people)
        what = (f"imported {n:,} position{'' if n == 1 else 's'} to {target}" if written else
                "nothing written (data errors; --keep-going writes what can be imported)")
        counts = summary_line(said.problems, 1).split(": ", 1)[1]
        by_rules = ("no other problems" if said.repeated and not findings  # (import's say)
                    else summary_line(findings, 1).split(": ", 1)[1])
        hints = [] if verbose or not findings else ["-v lists them"]
        if written and said.rule_errors:
            hints.append("orgviz render draws an org with errors only with --force")
        click.echo(one_line(f"{what}: {counts}; rules on the imported org: {by_rules}"
                            + (f" ({'; '.join(hints)})" if hints else "")), err=True)
    keep_until_exit(result, findings, problems)
    sys.exit(EXIT_PROBLEMS if result.errors or (strict and said.rule_errors) else EXIT_OK)



def _refuse_the_table_beside(output: str | None, csv_file: str, encoding: str | None) -> None:
    """Exit 2 when -o names the teams table beside FILE that the import reads (NAME.teams.csv
    for NAME.csv, a file of the header export writes); a file by that name of other
    columns is not read: no input (-o then gets the YAML name's usage error, as any .csv)."""
    from orgviz.cli.common import input_named
    from orgviz.io.teamtable import is_teams_table, teams_path

    if not output or output == "-" or csv_file == "-":
        return
    beside = teams_path(csv_file)
    if input_named(output, (beside,)) is not None and is_teams_table(beside, encoding):
        fail(OrgvizError(f"-o {output} is an input file ({beside}, the teams table beside "
                         f"{csv_file}): give another name"))
