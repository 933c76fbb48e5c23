"""Find the columns of an HR export: common header spellings and command-line overrides, and
the header row below title rows."""

from __future__ import annotations

import re
from collections.abc import Container, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass

from orgviz.errors import OrgvizError


def normalise_header(text: str) -> str:
    """Fold a header for matching: `Employee ID`, `employee_id`, `EmployeeId` -> `employeeid`;
    `#` reads as `number` (BambooHR's `Employee #` is the employee number, not a name)."""
    return re.sub(r"[\W_]+", "", text.casefold().replace("#", "number"))


def columns_of(header: Sequence[str], spellings: Mapping[str, Sequence[str]]) -> dict[str, int]:
    """Field -> index of its column in a lookup file's header (--teams, --titles): each field
    takes the first of its spellings (normalised, in order) that names a column no field
    before it took."""
    folded = [normalise_header(h) for h in header]
    found: dict[str, int] = {}
    for fld, names in spellings.items():
        for spelling in names:
            if spelling in folded and folded.index(spelling) not in found.values():
                found[fld] = folded.index(spelling)
                break
    return found


# Field -> header spellings (normalised), most specific first. The first field that claims a
# column keeps it; a field takes the first spelling found.
SPELLINGS: dict[str, tuple[str, ...]] = {
    "id": ("id", "employeeid", "employeekey", "employeenumber", "employeeno", "empid", "empno",
           "staffid", "staffnumber", "personid", "personnelnumber", "workerid", "userid",
           "uniqueid", "uniqueidentifier", "postuniquereference", "positionid", "postid",
           "nodeid", "key", "personkey", "badgeid"),
    # Ids first, then emails, then names: an export with "Supervisor" (names) and
    # "Supervisor EID" links by the ids.
    "manager": ("reportstoid", "managerid", "manageremployeeid", "managerkey",
                "managerworkerid", "managernumber", "supervisorid", "supervisoreid",
                "supervisoremployeeid", "supervisorworkerid", "supervisornumber",
                "parentid", "parentemployeekey", "parentemployeeid", "parentkey",
                "parentnodeid", "linemanagerid", "bossid", "reportstoemployeeid",
                "reportsto", "manager", "parent", "reportstoseniorpost",
                "reportingseniorpost", "supervisor", "linemanager", "manageremail",
                "supervisoremail", "reportstoemail", "linemanageremail",
                "manageremailaddress", "managername", "supervisorname", "reportstoname",
                "linemanagername", "reportingto", "reportingmanager", "boss",
                "directmanager"),
    "name": ("name", "fullname", "employeename", "displayname", "personname", "employee",
             "preferredname", "staffname", "worker", "workername", "legalname",
             "preferredfullname", "employeefullname"),
    "first_name": ("firstname", "givenname", "forename", "first", "fname"),
    "last_name": ("lastname", "surname", "familyname", "last", "lname"),
    "title": ("title", "jobtitle", "positionname", "position", "positiontitle", "jobname",
              "designation", "businesstitle", "posttitle", "genericjobtitle", "jobid", "job",
              "jobcode"),
    "role": ("role", "roleid", "roles"),
    "team": ("team", "department", "departmentname", "dept", "deptname", "teamname", "unit",
             "area", "division", "orgunit", "organisationalunit", "organizationalunit",
             "businessunit", "group", "function", "departmentid", "deptid",
             "supervisoryorganization", "supervisoryorganisation"),
    "team_name": ("teamname",),
    "location": ("location", "office", "city", "site", "worklocation", "officelocation",
                 "workplace", "locationname", "country"),
    "email": ("email", "emailaddress", "mail", "workemail", "businessemail", "contactemail",
              "emailid", "workemailaddress", "emailprimarywork", "primaryworkemail",
              "emailwork", "companyemail"),
    "vacant": ("vacant", "vacancy", "isvacant", "open", "openposition", "isopen"),
    "status": ("status", "employmentstatus", "employeestatus", "positionstatus",
               "workerstatus", "lifecyclestatus", "employeelifecyclestatus", "currentstatus",
               "empstatus"),
    # (`Term Date` as payroll reports shorten it, PeopleSoft's TERMINATION_DT, UKG Pro's
    # `Date of Termination`: a termination date, as BambooHR's, Workday's and ADP's)
    "end_date": ("enddate", "effectiveenddate", "terminationdate", "terminationdt", "termdate",
                 "dateoftermination", "leavedate", "leavingdate", "exitdate", "validto",
                 "effectiveto", "enddt"),
    # The start of a row's effective period (Oracle's EFFECTIVE_START_DATE, SAP's valid
    # from), which tells the current row of an id from its future-dated rows; a hire date
    # is none (HireDate is not read), and nor is a plain `Start Date` but beside an
    # effective end or a hire date column (`period_start`).
    "start_date": ("effectivestartdate", "startdate", "validfrom", "effectivefrom"),
    "current": ("currentflag", "iscurrent", "current", "active", "isactive"),
    "dotted_to": ("dottedto", "dottedline", "dottedlinemanager", "matrixmanager",
                  "dottedlineto"),
    "assistant": ("assistant", "isassistant"),
    "fte": ("fte", "numberofpostsinfte", "ftes", "headcountfte", "fulltimeequivalent",
            "fulltimeequivalents"),
    "grade": ("grade", "gradeorequivalent", "paygrade", "band", "level"),
}

#: Start columns that say by their name that a row is a period's (Oracle's
#: EFFECTIVE_START_DATE, SAP's valid from): the other spelling, `Start Date`, is often a hire
#: date (BambooHR's, Workday's, beside a `Termination Date`).
EFFECTIVE_STARTS = ("effectivestartdate", "validfrom", "effectivefrom")
#: End columns that say by their name that a row is a period's (Oracle's
#: EFFECTIVE_END_DATE, SAP's valid to): a `Start Date` beside one is a period's start. The
#: other end columns (`Termination Date`, `Leave Date`, `End Date`) may end an employment:
#: they make a row history once ended, and date no start.
EFFECTIVE_ENDS = ("effectiveenddate", "validto", "effectiveto")
#: Hire date columns (folded): beside one, a plain `Start Date` is no hire date but the
#: start of the row's period (AdventureWorks' DimEmployee: HireDate, StartDate, EndDate,
#: a row per period of a person). Not an `Original Hire Date` or a `Rehire Date`: beside
#: one, a `Start Date` may be the latest hire's.
HIRE_DATES = ("hiredate", "dateofhire", "datehired", "hiredt")


def period_start(start: str, end: str | None, hire: bool = False) -> bool:
    """Whether a start column (its header, folded) starts a row's effective period beside
    an end column (its header, folded; None: no end column): an effective start, or a plain
    `Start Date` beside an effective end or beside a hire date column (`hire`: the hire
    date is its own column, so the start is the period's; `EFFECTIVE_STARTS`,
    `EFFECTIVE_ENDS`, `HIRE_DATES`)."""
    return start in EFFECTIVE_STARTS or end in EFFECTIVE_ENDS or hire


#: Manager columns of ids, and of names or emails: an export with both (`Manager ID`,
#: `Manager Name`) links by the ids, and by the name of a row whose id cell is empty.
_MANAGER_IDS = SPELLINGS["manager"][:SPELLINGS["manager"].index("reportsto")]
_MANAGER_NAMES = ("managername", "supervisorname", "reportstoname", "linemanagername",
                  "manager", "supervisor", "linemanager", "reportingmanager", "directmanager",
                  "boss", "manageremail", "supervisoremail", "reportstoemail",
                  "linemanageremail", "manageremailaddress")


def _manager_names(folded: Sequence[str], index: Mapping[str, int],
                   taken: set[int]) -> int | None:
    """The column of managers' names or emails beside a manager column of ids, if any."""
    at = index.get("manager")
    if at is None or folded[at] not in _MANAGER_IDS:
        return None
    return next((i for spelling in _MANAGER_NAMES for i, h in enumerate(folded)
                 if h == spelling and i not in taken), None)


#: Fields a user can name on the command line (`--id COLUMN` ...).
OVERRIDABLE = ("id", "manager", "name", "title", "team", "location", "email", "status")

# team_name is only a separate column when a team id column exists as well.
_NEEDS = {"team_name": "team"}
_NAME_PARTS = ("first_name", "last_name")


@dataclass(frozen=True)
class Columns:
    """Which column index holds each field (name may be several columns, joined)."""

    index: Mapping[str, int]
    name_parts: tuple[int, ...]
    header: tuple[str, ...]

    def get(self, fld: str) -> int | None:
        return self.index.get(fld)

    def describe(self) -> str:
        """`id = "EmployeeId", manager = "ReportsTo", ...` for the file's header comment."""
        parts = [f"{fld} = '{self.header[i]}'" for fld, i in self.index.items()
                 if fld not in ("first_name", "last_name")]
        if self.name_parts and "name" not in self.index:
            joined = " + ".join(f"'{self.header[i]}'" for i in self.name_parts)
            parts.insert(min(2, len(parts)), f"name = {joined}")
        return ", ".join(parts)

    def taken_by_options(self, overrides: Mapping[str, Sequence[str]]) -> list[str]:
        """What the column options took from another field: for each column an option
        names that the usual spellings give to another field, what that field now reads."""
        notes = []
        for option, other in self._taken(overrides):
            now = self.index.get(other)
            what = other.replace("_", " ")
            then = (f"the {what} now comes from '{self.header[now]}'"
                    if now is not None else f"no column gives the {what} now")
            notes.append(f"{option} takes the column found for the {what}: {then}")
        return notes

    def option_taking(self, fld: str, overrides: Mapping[str, Sequence[str]]) -> str | None:
        """The column option (`--id 'Manager'`) that took the column the usual spellings
        give to `fld`, when no column gives `fld` now; else None."""
        if self.index.get(fld) is not None:
            return None
        return next((option for option, other in self._taken(overrides) if other == fld),
                    None)

    def _taken(self, overrides: Mapping[str, Sequence[str]]) -> Iterator[tuple[str, str]]:
        """(the option as written, the field whose column it took) of each column an option
        names that the usual spellings give to another field."""
        if not any(overrides.values()):
            return
        natural = detect(self.header, {})
        for fld, names in overrides.items():
            for i in dict.fromkeys(_find(self.header, name, fld) for name in names):
                for other, j in natural.index.items():
                    if j != i or other == fld or (fld == "name" and other in _NAME_PARTS):
                        continue
                    yield f"--{fld.replace('_', '-')} '{self.header[i]}'", other

    def unused(self) -> list[str]:
        used = set(self.index.values()) | set(self.name_parts)
        return [h or f"column {i + 1}" for i, h in enumerate(self.header) if i not in used]


def _find(header: Sequence[str], name: str, option: str) -> int:
    if name in header:
        return list(header).index(name)
    folded = [normalise_header(h) for h in header]
    if normalise_header(name) in folded:
        return folded.index(normalise_header(name))
    if name.isdigit() and 1 <= int(name) <= len(header):
        return int(name) - 1
    shown = ", ".join(h or "(empty)" for h in header[:30])
    raise OrgvizError(f"--{option.replace('_', '-')} '{name}': no such column (columns: {shown})")


def detect(header: Sequence[str], overrides: Mapping[str, Sequence[str]]) -> Columns:
    """Map fields to columns: overrides first, then the known spellings."""
    index: dict[str, int] = {}
    name_parts: tuple[int, ...] = ()
    taken: set[int] = set()
    for fld, names in overrides.items():
        if not names:
            continue
        # (a column given twice, by the same or another spelling, is read once: a name of
        # the same column twice would be 'Ann Ann')
        found = list(dict.fromkeys(_find(header, n, fld) for n in names))
        if fld == "name" and len(found) > 1:
            name_parts = tuple(found)
        else:
            index[fld] = found[0]
        taken.update(found)
    folded = [normalise_header(h) for h in header]
    positions: dict[str, int] = {}
    for i, h in enumerate(folded):
        positions.setdefault(h, i)
    for fld, spellings in SPELLINGS.items():
        if fld in index or (fld == "name" and name_parts):
            continue
        if fld in _NEEDS and _NEEDS[fld] not in index:
            continue
        for spelling in spellings:
            at = positions.get(spelling)
            if at is not None and at not in taken:
                index[fld] = at
                taken.add(at)
                break
    start = index.get("start_date")
    end = index.get("end_date")
    if start is not None and not period_start(
            folded[start], None if end is None else folded[end],
            any(h in HIRE_DATES for h in folded)):
        del index["start_date"]  # (a hire date's `Start Date`: not imported)
        taken.discard(start)
    backup = _manager_names(folded, index, taken) if not overrides.get("manager") else None
    if backup is not None:
        index["manager_name"] = backup
        taken.add(backup)
    if not name_parts and "name" not in index:
        parts = [f for f in _NAME_PARTS if f in index]
        if len(parts) == 1:  # (a first or last name alone: the name, as a name column is)
            index = {"name" if f == parts[0] else f: i for f, i in index.items()}
            name_parts = (index["name"],)
        else:
            name_parts = tuple(index[f] for f in parts)
    elif "name" in index:
        name_parts = (index["name"],)
    return Columns(index, name_parts, tuple(header))


def names_a_given_column(cells: Sequence[str], given: Mapping[str, Sequence[str]]) -> bool:
    """Whether a row holds a column that a column option names (`--id EmpNo`: then it is
    the header, whatever its other names)."""
    folded = {normalise_header(c) for c in cells if c.strip()}
    return any(normalise_header(name) in folded for names in given.values() for name in names
               if not name.isdigit())


def _no_numbers(cells: Sequence[str]) -> bool:
    """Whether none of a row's values is a number (a row of data has ids)."""
    return not any(c.strip().isdigit() for c in cells)


def has_people_columns(found: Columns) -> bool:
    """Whether columns found give an id or a name (the header of a table of people)."""
    return found.get("id") is not None or bool(found.name_parts)


#: How many rows below the first row of several values may hold the header.
HEADER_ROWS_BELOW = 10


def header_below_titles(rows: Iterable[tuple[int, Sequence[str]]],
                        error_rows: Container[int],
                        merge_starts: Container[tuple[int, int]] = ()) -> int:
    """Which of a table's rows (numbered: a CSV's lines, a sheet's rows) is its header, by
    its index: the first row of two values or more (a title above it has one), unless no
    column is known in it and one of the next HEADER_ROWS_BELOW rows is a header below
    title rows: one with an id or name column and a manager column, whatever its width (a
    title row of filters, `Filters | Dept=All | Status=Active`, may be wider), or one with
    more values than every row above it and one of those columns and an Excel error
    (`error_rows`: the other's name?); none of a header's values is a number. A row that
    groups the columns of the header below it (`groups_columns`; `merge_starts`: the
    (row, column) cells where a range merged across columns starts) is a title row too. 0
    when no row has two values. Rows are read only as far as needed, and one more."""
    first = -1
    widest = 0  # the most values of a title row of several, so far
    grouped = False  # (the row above groups this row's columns: this row is the header)
    for at, ((number, cells), below) in enumerate(_with_next(rows)):
        if first >= 0 and at > first + HEADER_ROWS_BELOW:
            break
        values = sum(1 for c in cells if c.strip())
        if values > 1 and below is not None and groups_columns(number, cells, below,
                                                               merge_starts):
            grouped, widest = True, max(widest, values)
            continue
        if grouped:
            return at
        if first < 0:
            if values > 1:
                if detect(cells, {}).index:  # (a header, of people or of another kind)
                    return at
                first, widest = at, values
            continue
        if values > 1 and _no_numbers(cells):
            found = detect(cells, {})
            people, manager = has_people_columns(found), found.get("manager") is not None
            if (people and manager) or ((people or manager) and values > widest
                                        and number in error_rows):
                return at
        widest = max(widest, values)
    return max(first, 0)


def groups_columns(number: int, cells: Sequence[str], below: tuple[int, Sequence[str]],
                   merge_starts: Container[tuple[int, int]] = ()) -> bool:
    """Whether row `number` groups the columns of a header below it (`Employee | Manager`
    above `Id | Name | Manager Id | Manager Name`), a title row: the row below has more
    values, none a number, and an id or name column, and either each of this row's values
    starts a range merged across columns (`merge_starts`: (row, column) cells where one
    starts), or, as a CSV export of the sheet shows it, without its merges, the row below
    has more columns known by their spellings than this row."""
    under = below[1]
    values = [i for i, c in enumerate(cells) if c.strip()]
    if sum(1 for c in under if c.strip()) <= len(values) or not _no_numbers(under):
        return False
    header = detect(under, {})
    if not has_people_columns(header):
        return False
    if all((number, i + 1) in merge_starts for i in values):
        return True
    return len(header.index) > len(detect(cells, {}).index)


def _with_next(rows: Iterable[tuple[int, Sequence[str]]]
               ) -> Iterator[tuple[tuple[int, Sequence[str]], tuple[int, Sequence[str]] | None]]:
    """Each row with the row after it (None after the last), reading one row ahead."""
    ahead = iter(rows)
    current = next(ahead, None)
    while current is not None:
        following = next(ahead, None)
        yield current, following
        current = following
