"""Exception classes that carry a one-line, user-facing message."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # (problem imports nothing of this module; the check keeps start-up lean)
    from orgviz.problem import Problem


class OrgvizError(Exception):
    """Base class: the message is printed as is, and the CLI exits with `exit_code`."""

    exit_code = 2


class OrgFileError(OrgvizError):
    """An org file cannot be read or parsed; the message starts with file:line:col."""


class NoOrgInFolderError(OrgvizError):
    """A folder given for FILES holds no org file; `folder` is the path as given."""

    def __init__(self, folder: str, message: str) -> None:
        super().__init__(message)
        self.folder = folder


class ConfigError(OrgvizError):
    """The project configuration (pyproject.toml, .orgviz.yaml, --config) is invalid.

    `lines`: one message for each of its problems (`file:line:col: message`, in file
    order); `str()` is all of them, one a line (the CLI prints each on a line of its own).
    """

    def __init__(self, *lines: str) -> None:
        super().__init__(*lines)  # (args: the lines, so that the error pickles whole)
        self.lines: tuple[str, ...] = lines

    def __str__(self) -> str:
        return "\n".join(self.lines)


class RenderError(OrgvizError):
    """Graphviz or a converter failed, timed out or is missing."""


class OrgLoadError(OrgvizError):
    """An org file cannot be turned into an org (or an org with errors is refused);
    `problems` say where and why, in the order given (by place, as the commands print them).
    The message is each problem on a line of its own, the errors first: the first line says
    what stopped the work, not a warning about the org that stands before it."""

    exit_code = 1

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("\n".join(map(str, _errors_first(problems))))

    def __reduce__(self) -> tuple[type[OrgLoadError], tuple[object, ...]]:
        """Pickled (and copied) as made: from its problems, not from its message."""
        return type(self), (self.problems,)


def _errors_first(problems: list[Problem]) -> list[Problem]:
    """The problems, errors first, then warnings, then infos (each level in its given order)."""
    rank = {"error": 0, "warning": 1}
    return sorted(problems, key=lambda problem: rank.get(problem.level, 2))


class UnreadableOrgFileError(OrgFileError, OrgLoadError):
    """An org file `orgviz.load` cannot read at all (missing, a folder, a device, ...): an
    OrgLoadError whose one problem (rule `read`, at line 1 of the file) says why, and an
    OrgFileError, whose message it keeps ("x.yaml: cannot read: No such file or directory")."""

    exit_code = 2

    def __init__(self, message: str, problem: Problem) -> None:
        OrgvizError.__init__(self, message)
        self.problems = [problem]

    def __reduce__(self) -> tuple[type[UnreadableOrgFileError], tuple[str, Problem]]:
        """Pickled whole (its message and problem), as a process pool passes it on."""
        return type(self), (str(self), self.problems[0])


class Interrupted(BaseException):
    """Ctrl-C, SIGTERM or SIGHUP while a command runs (`cli.run` raises it from the signal).

    A BaseException, as KeyboardInterrupt is, so that no `except Exception` swallows it and
    every cleanup (`finally`, `except BaseException`) runs; not a KeyboardInterrupt, which
    click turns into "Aborted!" and exit status 1.
    """

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum
