"""Exception classes that carry a one-line, user-facing message."""

from __future__ import annotations


class OrgvizError(Exception):
    """Base class: the message is printed as is, and the CLI exits with `exit_code`."""

    exit_code = 2


class OrgFileError(OrgvizError):
    """An org file cannot be read or parsed; the message starts with file:line:col."""


class ConfigError(OrgvizError):
    """The configuration (pyproject, .orgviz.yaml or a file's rules: block) is invalid."""


class RenderError(OrgvizError):
    """Graphviz or a converter failed, timed out or is missing."""


class OrgLoadError(OrgvizError):
    """An org file cannot be turned into an org; `problems` say where and why."""

    exit_code = 1

    def __init__(self, problems: list) -> None:  # list[Problem]; kept untyped to avoid a cycle
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))
