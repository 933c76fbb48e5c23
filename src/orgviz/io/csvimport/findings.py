"""The rules' findings on an imported org, less those that repeat import's own problems.

Import reports a data mistake at its CSV row and fixes it (a person whose manager is not
found, the first of a reporting cycle, one who reports to themselves: a top of the org), and
the rules then see what the fix left (one more top, which root reports at the same row; an
eliminated post kept as an open position, which vacant-manager reports). Import tallies
some mistakes in one line at the header (the titles that match no role), which the rules
report at each row holding one (unknown-title).
One mistake is one finding: import's, which says what happened to the row. A rule's
finding that import's problems already say is left out of the list and of the rules'
count; with --strict, a rule's error still fails the run, and the import warning that says
it is shown as an error.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from orgviz.problem import Problem

#: A rule's findings that an import problem at the same row says (rule -> import's rules):
#: a person import made a top, or counted among the tops, is no news to root, nor an
#: eliminated post that import kept as an open position (posts report to it) to
#: vacant-manager.
SAID_AT_THE_ROW = {"root": frozenset({"unknown-manager", "cycle", "self-report", "root"}),
                   "vacant-manager": frozenset({"eliminated-post"})}
#: A rule's findings that an import problem says wherever it stands: import's warning about
#: several people without a manager names the tops that root reports one by one.
SAID_ANYWHERE = {"root": "root"}


@dataclass(frozen=True)
class Tally:
    """One of import's problems at the header that says a rule's findings at some rows:
    the titles that match no role (no-role), which unknown-title reports at each person."""

    problem: Problem
    rule: str  # the rule whose findings it says
    rows: frozenset[tuple[str, int]]  # (file, line) of those findings


@dataclass(frozen=True)
class Checked:
    """An import's problems and the rules' findings on its org, each mistake once."""

    problems: list[Problem]  # import's own (a warning raised to error: see `checked`)
    findings: list[Problem]  # the rules', less those import's problems say
    rule_errors: bool  # the org breaks a rule at error level (said by either)
    repeated: int  # the rules' findings left out


def checked(problems: Sequence[Problem], findings: Iterable[Problem], strict: bool,
            tallies: Iterable[Tally] = ()) -> Checked:
    """Import's problems and the rules' findings, a finding import already said left out
    (`tallies`: those of import's problems that say a rule's findings at rows)."""
    at_row: dict[tuple[str, int], list[int]] = {}
    anywhere: dict[str, int] = {}
    index_of: dict[Problem, int] = {}
    for index, problem in enumerate(problems):
        at_row.setdefault((problem.file, problem.line), []).append(index)
        anywhere.setdefault(problem.rule, index)
        index_of.setdefault(problem, index)
    tallied: dict[tuple[str, str, int], int] = {}  # (rule, file, line): the tally's index
    for tally in tallies:
        at = index_of.get(tally.problem)
        if at is not None:  # (a tally whose problem is not among these says nothing)
            tallied.update(dict.fromkeys(((tally.rule, *row) for row in tally.rows), at))
    new: list[Problem] = []
    says_errors: set[int] = set()  # import's problems that say a rule's error
    seen = list(findings)
    for finding in seen:
        said = tallied.get((finding.rule, finding.file, finding.line))
        if said is None:
            said = _said_by(problems, at_row, anywhere, finding)
        if said is None:
            new.append(finding)
        elif finding.level == "error":
            says_errors.add(said)
    rule_errors = bool(says_errors) or any(f.level == "error" for f in new)
    shown = list(problems)
    if strict:  # (the run fails for these: they are errors)
        for index in says_errors:
            shown[index] = shown[index]._replace(level="error")
    return Checked(shown, new, rule_errors, len(seen) - len(new))


def _said_by(problems: Sequence[Problem], at_row: dict[tuple[str, int], list[int]],
             anywhere: dict[str, int], finding: Problem) -> int | None:
    """The index of the import problem that says a rule's finding at its row, or None."""
    rules = SAID_AT_THE_ROW.get(finding.rule, ())
    for index in at_row.get((finding.file, finding.line), ()):
        if problems[index].rule in rules:
            return index
    other = SAID_ANYWHERE.get(finding.rule)
    return None if other is None else anywhere.get(other)
