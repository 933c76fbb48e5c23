"""Problems found in org files: immutable, sortable records with a source location."""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

LEVELS = ("error", "warning", "info")


class SourceLoc(NamedTuple):
    """Where something stands in a file: 1-based line and column."""

    file: str
    line: int
    col: int

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.col}"


@dataclass(frozen=True, order=True)
class Problem:
    """One finding: where, how bad, which rule, and what to do about it."""

    file: str
    line: int
    col: int
    level: str
    rule: str
    message: str

    @classmethod
    def at(cls, loc: SourceLoc, level: str, rule: str, message: str) -> Problem:
        """Build a problem at a source location."""
        return cls(loc.file, loc.line, loc.col, level, rule, message)

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.col}: {self.level} [{self.rule}] {self.message}"

    def to_dict(self) -> dict[str, str | int]:
        """The JSON form used by reporters."""
        return {
            "file": self.file,
            "line": self.line,
            "column": self.col,
            "level": self.level,
            "rule": self.rule,
            "message": self.message,
        }
