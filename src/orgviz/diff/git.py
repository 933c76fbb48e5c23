"""Reading an org file, and the files it includes, as they were at a git revision."""

from __future__ import annotations

import os
import shlex
import subprocess
import tempfile
from collections.abc import Callable, Iterable, Mapping
from dataclasses import replace
from typing import TYPE_CHECKING

from orgviz.errors import OrgvizError
from orgviz.gcpause import cyclic_gc_paused
from orgviz.gitrefusal import git_refusal, git_said, run_git
from orgviz.problem import Problem, SourceLoc, one_line

if TYPE_CHECKING:
    from orgviz.model import Org

_NEW = tuple.__new__  # _NEW(SourceLoc, triple): SourceLoc(*triple) without a Python-level call

#: Longer revisions are refused (git's message would quote them whole).
MAX_REV_LENGTH = 256


def _check_rev(rev: str) -> None:
    """Refuse what is no single revision: an option, a range, a path, or spaces."""
    if len(rev) > MAX_REV_LENGTH:
        raise OrgvizError(f"--git '{one_line(rev[:40])}...': a revision of {len(rev):,} "
                          f"characters; give one of at most {MAX_REV_LENGTH}")
    if rev.startswith("-"):
        raise OrgvizError(f"--git {rev!r}: a revision cannot start with '-'")
    if ".." in rev or ":" in rev or not rev or not rev.isprintable() or any(
            c.isspace() for c in rev):
        raise OrgvizError(f"--git '{one_line(rev)}': give one revision (HEAD~1, a branch, a "
                          "tag or a commit), not a range, a path or text with spaces")


#: Symbolic links followed at a revision, one after another, before giving up (as a loop).
MAX_GIT_LINKS = 40


class _GitNotRun(OrgvizError):
    """git could not be run at all (not installed, or it did not end within a minute)."""


class _GitReadError(OrgvizError):
    """git could not give a file at a revision; `said` is git's line (`gitrefusal.git_said`)."""

    def __init__(self, message: str, said: str) -> None:
        super().__init__(message)
        self.said = said


#: What to do instead when git cannot give an older version at all.
_COMPARE_FILES = "or compare two files: orgviz diff OLD NEW"


def _run_git(args: list[str], directory: str) -> subprocess.CompletedProcess[bytes]:
    """`git ARGS` run in `directory`, its output captured; _GitNotRun when it cannot run.
    Its messages are git's English ones (LC_ALL=C), which `_git_blob` recognises."""
    try:
        return run_git(args, directory)
    except FileNotFoundError:
        raise _GitNotRun("git is not installed (no git program on PATH), and --git reads the "
                         f"older version with it: install git, {_COMPARE_FILES}") from None
    except (OSError, subprocess.SubprocessError) as exc:
        raise _GitNotRun(f"cannot run git ({exc}): {_COMPARE_FILES}") from None


def _git_blob(rev: str, directory: str, relative: str, shown: str) -> bytes:
    """The bytes of the blob `relative` (to `directory`) at `rev` (a symbolic link's target)."""
    spec = f"{rev}:./{relative}"
    # (`cat-file blob`, not `show`: a folder at `rev` is an error, not its listing)
    done = _run_git(["cat-file", "blob", spec], directory)
    if done.returncode == 0:
        return done.stdout
    refusal = git_refusal(done.stderr)
    if refusal is not None:  # (its first line says it; the last is the command to trust)
        raise OrgvizError(f"{rev}:{shown}: {refusal}")
    said = git_said(done.stderr) or f"exit status {done.returncode}"
    what, todo = _why_not_read(rev, directory, shown, spec, said)
    raise _GitReadError(f"{rev}:{shown}: {what} (git: {said}): {todo}", said)


def _why_not_read(rev: str, directory: str, shown: str, spec: str, said: str
                  ) -> tuple[str, str]:
    """What it means that git cannot give `spec` (`said`, its line), and what to do."""
    if said.endswith(f"{spec}: bad file"):
        return (f"not a file in '{rev}' but a folder or a submodule",
                "name a revision at which it was an org file")
    if said.startswith(("invalid object name", "Not a valid object name", "log for ")):
        if _run_git(["rev-parse", "--verify", "--quiet", "HEAD"], directory).returncode:
            return (f"'{rev}' is no revision of this repository, which has no commit yet",
                    f"commit the file first, {_COMPARE_FILES}")
        return (f"'{rev}' is no revision of this repository",
                "give a commit, branch or tag of it (git log --oneline lists commits)")
    if said.startswith("not a git repository"):
        return (f"{os.path.dirname(shown) or '.'} is in no git repository",
                f"--git reads older versions from git: give a file in a repository, "
                f"{_COMPARE_FILES}")
    if "does not exist in" in said or "exists on disk, but not in" in said:
        return (f"not in '{rev}'",
                "name a revision that has it (git log --oneline -- FILE lists them)")
    return f"git cannot read it at '{rev}'", "check the revision and the file's path"


def _is_git_link(rev: str, directory: str, relative: str) -> bool:
    """Whether `relative` (to `directory`) is a symbolic link at `rev`."""
    done = _run_git(["--literal-pathspecs", "ls-tree", "-z", rev, "--", relative], directory)
    return done.returncode == 0 and done.stdout.startswith(b"120000 ")


def _git_show_relative(rev: str, directory: str, relative: str, shown: str) -> bytes:
    """The bytes of `relative` (to `directory`) at revision `rev`, symbolic links followed
    (as a checkout reads them); `shown` names it in errors."""
    for _ in range(MAX_GIT_LINKS):
        data = _git_blob(rev, directory, relative, shown)
        # (a link's blob is its target: one short line; an org file has several)
        if b"\n" in data or len(data) > 4096 or not _is_git_link(rev, directory, relative):
            return data
        target = data.decode("utf-8", "surrogateescape")
        if os.path.isabs(target):
            raise OrgvizError(f"{rev}:{shown}: a symbolic link to an absolute path "
                              f"at {rev} ({one_line(target)}): cannot be read from git")
        relative = os.path.normpath(os.path.join(os.path.dirname(relative), target))
    raise OrgvizError(f"{rev}:{shown}: more than {MAX_GIT_LINKS} symbolic links "
                      f"at {rev} (a loop?)")


#: At most this many files (the org file and its includes) are fetched from one revision.
MAX_GIT_FILES = 1000


def _included_paths(data: bytes, file: str) -> list[str]:
    """The relative paths an org file's `include:` names (none when it cannot be read)."""
    from orgviz.yamlread import YamlError, YMap, decode, read_yaml

    try:
        doc = read_yaml(decode(data, file), file)
    except YamlError:
        return []  # the loader reports it, with its location
    value = doc.get("include") if isinstance(doc, YMap) else None
    items = [value] if isinstance(value, str) else value if isinstance(value, list) else []
    return [item for item in items
            if isinstance(item, str) and item.strip() and not os.path.isabs(item)]


def _renamed_from(rev: str, directory: str, name: str) -> str | None:
    """The path (relative to `directory`) that the file `name` of `directory` had at `rev`,
    when git sees it renamed since (`git mv`, committed or not); None when it does not.

    `rev` is compared with the working tree, then with the index and then with HEAD: a
    rename staged by `git mv` stays one in the index however much the file was edited since.
    """
    prefix = _run_git(["rev-parse", "--show-prefix"], directory)
    if prefix.returncode != 0:
        return None
    here = prefix.stdout.decode("utf-8", "surrogateescape").rstrip("\n") + name
    for against in ([rev], ["--cached", rev], [rev, "HEAD"]):
        # (no optional locks: `git diff` would otherwise refresh the index, taking its lock)
        done = _run_git(["--no-optional-locks", "diff", "--no-ext-diff", "--no-relative",
                         "-M", "--name-status", "-z", "--diff-filter=R", *against, "--"],
                        directory)
        fields = done.stdout.decode("utf-8", "surrogateescape").split("\0")
        for status, before, after in zip(fields[::3], fields[1::3], fields[2::3],
                                         strict=False):
            if done.returncode == 0 and status.startswith("R") and after == here:
                return os.path.relpath(before, os.path.dirname(here) or ".")
    return None


def _fetch_top(rev: str, path: str) -> tuple[str, str, bytes]:
    """The absolute path, display name and bytes of the org file `path` as at `rev`: under
    the name it had then, when it was renamed since (git mv)."""
    top = os.path.abspath(path)
    base, name = os.path.dirname(top), os.path.basename(top)
    try:
        return top, path, _git_show_relative(rev, base, name, path)
    except _GitReadError as exc:
        before = _renamed_from(rev, base, name)
        if before is None:
            if "exists on disk, but not in" not in exc.said:
                raise
            raise OrgvizError(
                f"{rev}:{path}: not in '{rev}': added since, or renamed and changed too much "
                f"for git to see a rename; compare its old version by name: git show "
                f"{rev}:OLD-PATH | orgviz diff - {shlex.quote(path)}") from None
    display = os.path.normpath(os.path.join(os.path.dirname(path), before))
    return (os.path.normpath(os.path.join(base, before)), display,
            _git_show_relative(rev, base, before, display))


def _fetch_revision(rev: str, path: str, mirror: str) -> tuple[dict[str, str], str]:
    """Write `path` and the files it includes, as at `rev`, under `mirror` (the same layout,
    below the folder's absolute path); return each written file's display name by path, and
    the path of the org file written (its name at `rev`, when it was renamed since).

    An included file missing at `rev` is not written: the loader reports it where it is
    included."""
    top, shown_top, top_data = _fetch_top(rev, path)
    base = os.path.dirname(top)
    shown: dict[str, str] = {}
    pending = [(top, shown_top, top_data)]
    seen = {top}
    while pending:
        real, display, data = pending.pop()
        target = os.path.normpath(mirror + real)
        os.makedirs(os.path.dirname(target), exist_ok=True)
        with open(target, "wb") as handle:
            handle.write(data)
        shown[target] = f"{rev}:{display}"
        for item in _included_paths(data, display):
            child = os.path.normpath(os.path.join(os.path.dirname(real), item))
            if child in seen or len(seen) >= MAX_GIT_FILES:
                continue
            seen.add(child)
            child_display = os.path.normpath(os.path.join(os.path.dirname(display), item))
            try:
                child_data = _git_show_relative(rev, base, os.path.relpath(child, base),
                                                child_display)
            except OrgvizError:
                continue
            pending.append((child, child_display, child_data))
    return shown, os.path.normpath(mirror + top)


def load_git_version(rev: str, path: str) -> Org:
    """Load an org file, and the files it includes, as they were at a git revision (under the
    name it had then, when git saw it renamed since). Its files, and every location in it
    (its problems', people's, teams', header's and rules'), are named `rev:path`."""
    from orgviz.errors import OrgLoadError
    from orgviz.loader import read_org as load  # (an unreadable file: OrgFileError)

    _check_rev(rev)
    with tempfile.TemporaryDirectory(prefix="orgviz-diff-") as tmp:
        mirror = os.path.realpath(tmp)
        try:
            names, target = _fetch_revision(rev, path, mirror)
        except _GitNotRun as exc:
            raise OrgvizError(f"{rev}:{path}: {exc}") from None

        def named(problems: Iterable[Problem]) -> list[Problem]:
            return [Problem(_display(p.file, names), p.line, p.col, p.level, p.rule,
                            _unmirror(p.message, names)) for p in problems]

        try:
            org = load(target)
        except OrgLoadError as exc:
            raise OrgLoadError(named(exc.problems)) from None
    org.load_problems = tuple(named(org.load_problems))
    _relocate(org, names)
    org.file = names[target]
    return org


def _relocate(org: Org, names: dict[str, str]) -> None:
    """Name `org`'s files, and every location in it, `rev:path` (`names`, by mirror path),
    not by the mirror folder, which is gone once the version is loaded."""
    shown: dict[str, str] = {}  # (a file's name, looked up once however many places it has)

    def at(loc: SourceLoc) -> SourceLoc:
        """The location in the file's `rev:path`."""
        file, line, col = loc
        named = shown.get(file)
        if named is None:
            named = shown[file] = _display(file, names)
        return _NEW(SourceLoc, (named, line, col))

    with cyclic_gc_paused():  # (some 100,000 locations in a big org, in no cycle)
        _relocate_fields(org, at)
    org.files = tuple(_display(file, names) for file in org.files)


def _relocate_fields(org: Org, at: Callable[[SourceLoc], SourceLoc]) -> None:
    """Give `org`'s people, teams, rules and header each location moved by `at`."""

    def each(locs: Mapping[str, SourceLoc]) -> dict[str, SourceLoc]:
        """The locations of fields (or options), each moved."""
        return {key: at(loc) for key, loc in locs.items()}

    org.set_derived_people(
        replace(person, loc=at(person.loc), field_locs=each(person.field_locs),
                item_locs={key: tuple(map(at, locs)) for key, locs in person.item_locs.items()})
        for person in org.people)
    org.teams = tuple(replace(team, loc=at(team.loc), field_locs=each(team.field_locs))
                      for team in org.teams)
    org.rule_settings = tuple(replace(setting, loc=at(setting.loc),
                                      option_locs=each(setting.option_locs))
                              for setting in org.rule_settings)
    org.loc = at(org.loc)
    org.size_loc = None if org.size_loc is None else at(org.size_loc)


def _display(file: str, names: dict[str, str]) -> str:
    """The `rev:path` name of a file under the mirror folder (others unchanged)."""
    return names.get(os.path.normpath(file), file)


def _unmirror(message: str, names: dict[str, str]) -> str:
    """A loader message with mirror paths replaced by their `rev:path` names."""
    for mirrored, display in names.items():
        message = message.replace(mirrored, display)
    return message

