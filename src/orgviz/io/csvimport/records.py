"""Import options, the Record of one position read from a CSV, and the import's result."""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from operator import attrgetter
from typing import Any

from orgviz.errors import OrgvizError
from orgviz.io.csvimport.findings import Tally
from orgviz.model import Org, Team
from orgviz.problem import Problem, SourceLoc


class ImportOptionTypeError(OrgvizError, TypeError):
    """An ImportOptions field of the wrong type (`ImportOptions(keep_going="yes")`): an
    OrgvizError, as a bad value is, and a TypeError, as Python's own calls raise for one."""


@dataclass
class ImportOptions:
    """What `orgviz import` was asked to do."""

    columns: Mapping[str, Sequence[str]] = field(default_factory=dict)
    keep_going: bool = False
    allow_forest: bool = False
    name: str | None = None
    size: str | None = None
    # "tree" (managers first) or "csv" (file order); None: "csv" for the exact layout (a file
    # `orgviz export` wrote, already in the org file's order), else "tree"
    order: str | None = None
    junior: str | None = None
    teams: str | None = None  # a departments list, or the teams table export writes
    #: Without `teams`, read the teams table `orgviz export` wrote beside the people CSV
    #: (NAME.teams.csv for NAME.csv; its header is export's) when it belongs to it, as
    #: `orgviz import` does: an info among the problems says it was read, a warning why one
    #: by that name was set aside (another org's, or unreadable). False: read none.
    teams_beside: bool = True
    titles: str | None = None  # a jobs CSV: job code -> title
    encoding: str | None = None
    delimiter: str | None = None
    sheet: str | None = None  # of an .xlsx workbook (default: its first sheet)
    #: The day end dates are compared with: a row whose end date is after it is current
    #: (None: today, the day the import runs).
    reference_date: datetime.date | None = None


@dataclass(slots=True)
class Record:
    """One position to write, with where each value came from."""

    id: str
    line: int
    file: str
    name: str | None = None
    title: str | None = None
    roles: tuple[str, ...] = ()
    manager: str | None = None  # the raw manager reference, before resolution
    reports_to: str | None = None
    dotted_raw: tuple[str, ...] = ()
    dotted_to: tuple[str, ...] = ()
    team: str | None = None  # the raw team value; team id after linking
    team_name: str | None = None
    vacant: bool = False
    assistant: bool = False
    location: str | None = None
    email: str | None = None
    fte: float | None = None
    cols: dict[str, int] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    history: str | None = None  # why the row is a history row (dropped), if it is one
    generated: bool = False  # the id was made from the name (no id column)

    def loc(self, fld: str | None = None) -> SourceLoc:
        return SourceLoc(self.file, self.line, self.cols.get(fld, 1) if fld else 1)


@dataclass
class ImportResult:
    """The imported org, its YAML text (made when first read), and the problems found (CSV
    locations).

    `make_text` makes the org file's text from what the import kept of the rows (not from
    `org`, which the caller may change): `text` calls it once, when first read, so a caller
    that wants only the org and its problems (`orgviz.import_csv` then `validate`) does not
    pay for YAML it never reads. The text is the same whenever it is read.
    """

    org: Org
    make_text: Callable[[], str] = field(repr=False, compare=False)
    problems: list[Problem]
    records: Sequence[Record]
    dropped: list[Record]
    teams: list[Team]
    header_notes: list[str]
    no_role: Problem | None = None  # the warning on the titles that match no role
    no_role_titles: frozenset[str] = frozenset()  # every title it stands for

    @cached_property
    def text(self) -> str:
        """The org file's YAML text (made on first read, then kept)."""
        return self.make_text()

    @property
    def errors(self) -> int:
        return sum(1 for p in self.problems if p.level == "error")

    def tallies(self) -> list[Tally]:
        """Import's problems at the header that say the rules' findings at rows: the titles
        that match no role, which unknown-title reports at each person holding one."""
        if self.no_role is None:
            return []
        titles = self.no_role_titles
        places = (p.at("title") for p in self.org.people if p.title in titles)
        return [Tally(self.no_role, "unknown-title",
                      frozenset((place.file, place.line) for place in places))]



class RecordsOnDemand(Sequence[Record]):
    """Records made when first read (an import whose rows link as they are needs none)."""

    def __init__(self, make: Callable[[], list[Record]]) -> None:
        self._make: Callable[[], list[Record]] | None = make
        self._made: list[Record] = []

    def _records(self) -> list[Record]:
        if self._make is not None:
            self._made, self._make = self._make(), None
        return self._made

    def __getitem__(self, index: Any) -> Any:
        return self._records()[index]

    def __len__(self) -> int:
        return len(self._records())

    def __iter__(self) -> Iterator[Record]:
        return iter(self._records())


#: A record's id (for map()).
record_id = attrgetter("id")
