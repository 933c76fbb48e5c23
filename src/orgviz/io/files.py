"""Write command output: the one writer of output files (atomically), or stdout for `-`.

Every output file orgviz writes (charts, decks, exports, imported org files, diff charts) goes
through `write_file`: the bytes go to a temporary file in the target's folder, are flushed
to disk (fsync) and renamed over the target, so that a reader sees the old file or the new
one, never a part. On any failure, Ctrl-C included, the temporary file is removed, the old
file is left as it was and folders made for it are removed again.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import stat
import sys
from collections.abc import Sequence
from typing import NamedTuple

from orgviz.errors import OrgvizError

#: Attempts at a free temporary name (each a fresh random one) before giving up.
_TEMP_ATTEMPTS = 100
_TEMP_FLAGS = (os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
               | getattr(os, "O_CLOEXEC", 0))


class OutputError(OrgvizError):
    """An output file cannot be written; the previous file, if any, is left as it was."""


def output_target(path: str) -> tuple[str, bool]:
    """Where output for `path` goes: (the regular file to replace all at once, False), a
    symlink's target so that the link stays a link; or (`path`, True) for a device, pipe or
    socket (`/dev/null`, `/dev/stdout`), which is written into as it is: renaming a file
    over it would replace the device itself (as root) or fail. OutputError for a link that
    leads back to itself (`> loop` refuses it), which would be replaced by a file."""
    try:
        mode = os.stat(path).st_mode
    except OSError as exc:  # a new file (or a link to one): made where the link points
        if exc.errno == errno.ELOOP:
            raise OutputError(f"{path}: cannot write: {exc.strerror}") from None
        return _resolved_as_opened(path), False
    if stat.S_ISREG(mode) or stat.S_ISDIR(mode):
        return os.path.realpath(path), False
    return path, True


#: Symbolic links followed in one path before giving up, as the system does (Linux: 40).
_MAX_LINKS = 40


def _resolved_as_opened(path: str) -> str:
    """The absolute path, without links, of the file that opening `path` to write would make:
    `os.path.realpath`, but with '..' after a folder that is not there an error (OutputError)
    as it is to the system, not a step back out of the missing folder, in the path or in a
    link's target (`out.svg -> nd/../org.yaml` is no link to org.yaml); and so is a symbolic
    link that leads to nothing taken as a folder (`dl/x.svg`, dl -> nowhere), whose folder
    would be made otherwise. (Windows, whose paths have drives: realpath's.)"""
    if os.name == "nt":
        return os.path.realpath(path)
    parts = path.split(os.sep)
    own = len(parts)  # (the path's own parts yet to walk: the last of `parts`)
    current = os.sep if os.path.isabs(path) else os.getcwd()
    links = 0
    nowhere = None  # (why the path names nothing, said when no '..' above says it first)
    while parts:
        typed = len(parts) <= own  # (a part of the path as given, not of a link's target)
        own -= typed
        part = parts.pop(0)
        if part in ("", "."):
            continue
        if part == "..":
            if not os.path.isdir(current):
                raise OutputError(f"{path}: {_up_out_of(current, through_links=True)}")
            current = os.path.dirname(current)
            continue
        step = os.path.join(current, part)
        if not os.path.islink(step):
            current = step
            continue
        links += 1
        if links > _MAX_LINKS:
            raise OutputError(f"{path}: cannot write: {os.strerror(errno.ELOOP)}")
        if parts and nowhere is None and _dangling(step):  # (a folder: `> dl/x` fails)
            nowhere = _through_nowhere(path, step, own if typed else 0)
        target = os.readlink(step)
        parts[:0] = target.split(os.sep)
        if os.path.isabs(target):
            current = os.sep
    if nowhere is not None:
        raise OutputError(f"{path}: {nowhere}")
    return current


def names_folder(path: str) -> bool:
    """Whether a path can only name a folder: it ends with a separator (`exports/`) or its
    last part is `.` or `..`; written as a file, the separator would be dropped."""
    if path.endswith(("/", os.sep)) or (os.altsep and path.endswith(os.altsep)):
        return True
    return os.path.basename(path) in (".", "..")


def missing_before_up(path: str) -> str | None:
    """Why a path that goes up out of a folder (`nd/../x.svg`) names nothing: that folder,
    or one above it, is not there or is a file (the shell refuses such a path, where the
    path's text alone would lead back to the folder above: `nd/../org.yaml` is not
    `org.yaml`); None for any other path."""
    parts = (path.replace(os.altsep, os.sep) if os.altsep else path).split(os.sep)
    for up, part in enumerate(parts):
        if part != ".." or not any(parts[:up]) or os.path.isdir(os.sep.join(parts[:up])):
            continue
        for end in range(1, up + 1):
            above = os.sep.join(parts[:end])
            if above and not os.path.isdir(above):
                break
        return _up_out_of(above)
    return None


def _up_out_of(folder: str, through_links: bool = False) -> str:
    """Why a path that goes up out of `folder` with '..' (in its text, or `through_links`:
    in a link's target) names nothing, and what to do: `folder` does not exist (or is a
    symbolic link to a folder that does not), or is no directory."""
    up = f"and the path{' (through its links)' if through_links else ''} goes up out of it " \
         "with '..'"
    instead = "or name the output without it"
    if not os.path.lexists(folder):
        return f"the directory {folder} does not exist, {up}: make {folder} first, {instead}"
    if os.path.islink(folder) and _dangling(folder):
        return (f"{_leads_nowhere(folder)}, {up}: make {os.path.realpath(folder)} first, "
                f"{instead}")
    return f"{folder} is not a directory, {up}: name the output without it"


def _through_nowhere(path: str, link: str, own: int) -> str:
    """Why `path` names nothing: it goes through the symbolic link `link` (absolute), which
    leads to no folder, as a folder; `own`: the parts of `path` after the link when `path`
    names it itself (then named as given), or 0 for a link met in a link's target. (Its
    folder is never made: the shell writes no file there, nor does `mkdir -p` make it.)"""
    if not own:
        return f"{_leads_nowhere(link)} (through its links): make {os.path.realpath(link)} first"
    named = os.sep.join(path.split(os.sep)[:-own])
    return (f"{_leads_nowhere(named)}: make {os.path.realpath(link)} first, or name the output "
            f"without {named}")


def _leads_nowhere(link: str) -> str:
    """What a symbolic link used as a folder that leads to nothing is."""
    return f"the directory {os.path.realpath(link)} that {link} links to does not exist"


def _link_to_nowhere(target: str) -> str:
    """Why a symbolic link to the new file `target` (absolute, links resolved) is not written:
    the folder `target` would be in is not there. (Never made: `> link` fails, and `mkdir -p`
    makes only the folders a path names, not those a link's target does.)"""
    folder = os.path.dirname(target)
    return (f"it is a symbolic link to {target}, whose directory {folder} does not exist: "
            f"make {folder} first, or name another output")


def _dangling(link: str) -> bool:
    """Whether the symbolic link `link` leads to nothing (not to a file, nor round a loop)."""
    try:
        os.stat(link)
    except OSError as exc:
        return exc.errno == errno.ENOENT
    return False


def own_descriptor(path: str) -> int | None:
    """The descriptor of this process that `path` names (`/dev/stdout`: 1, `/dev/stderr`: 2,
    `/dev/stdin`: 0, `/dev/fd/N`, `/proc/self/fd/N`: N), or None.

    Such a path is a link to whatever the descriptor is open on, a regular file too (`-o
    /dev/stdout > out.json`, `>> log`): written through the descriptor, where the shell's
    redirection put it (appended to a log), never renamed over (which would replace the whole
    log, and lose what the shell writes there after orgviz) nor opened anew (which truncates).
    (`-o /dev/stdin` is then an error, never the file read from `< org.yaml` replaced.)
    """
    absolute = os.path.abspath(path)
    named = {"/dev/stdin": 0, "/dev/stdout": 1, "/dev/stderr": 2}.get(absolute)
    if named is not None:
        return named
    found = re.fullmatch(rf"/(?:dev/fd|proc/(?:self|thread-self|{os.getpid()})/fd)/(\d+)",
                         absolute)
    return int(found.group(1)) if found else None


def write_descriptor(descriptor: int, raw: bytes) -> None:
    """Write all of `raw` into an open descriptor of this process (see `own_descriptor`)."""
    if descriptor == 1:
        write_stdout(raw)
        return
    for stream in (sys.stdout, sys.stderr):  # (what was printed before comes first)
        stream.flush()
    _write_all(descriptor, raw)


def _write_all(descriptor: int, raw: bytes) -> None:
    """Write all of `raw` to a descriptor (os.write may take only part of it)."""
    view = memoryview(raw)
    while view:
        view = view[os.write(descriptor, view):]


def write_into(path: str, raw: bytes) -> None:
    """Write into a device, pipe or socket as it is (see `output_target`)."""
    with open(path, "wb") as stream:
        stream.write(raw)


def _utf8(data: str | bytes) -> bytes:
    """Text as UTF-8. A file name that is not UTF-8 (`stats --json` and `diff --json` name
    the files) holds lone surrogates as Python reads it: written as \\udcff escapes, valid
    in a JSON string, instead of failing."""
    return data.encode("utf-8", "backslashreplace") if isinstance(data, str) else data


def write_output(path: str | None, data: str | bytes) -> None:
    """`write_file`, making missing folders as render does, or stdout for None or `-` (the
    `-o` of export, import, roles, diff)."""
    raw = _utf8(data)
    if path is None or path == "-":
        write_stdout(raw)
        return
    write_file(path, raw, make_folders=True)


def write_stdout(data: str | bytes) -> None:
    """Write all of `data` to stdout, or raise the OSError that stops it.

    A write that takes only part of the bytes (a file size limit or a full disk reached, a
    pipe closed by its reader) returns their count without an error; the rest is written
    again, so that the error comes, instead of a truncated output and exit status 0."""
    raw = _utf8(data)
    sys.stdout.flush()  # (text printed before comes first)
    stream = sys.stdout.buffer
    view = memoryview(raw)
    while view:
        taken = stream.write(view)
        if not taken:  # (None: a non-blocking stream that would block; 0: nothing taken)
            raise OSError(errno.EIO, "the output took no more bytes")
        view = view[taken:]
    stream.flush()


def write_file(path: str | os.PathLike[str], data: str | bytes, *,
               make_folders: bool = False) -> None:
    """Replace the file `path` with `data` all at once; OutputError (one line, starting with
    the path) when it cannot be.

    The file is made as a new file is (mode 0666 minus the umask); a file replaced keeps its
    mode bits (rwx, for owner, group and others) and, where allowed, its owner and group; a
    read-only file (`chmod a-w`) is refused, as `> file` refuses it. A symlink's target is
    replaced (the link stays); a device, pipe or socket is written into as it is. A missing
    folder is an error, or with `make_folders` made (as `mkdir -p` does: every `-o` of the
    CLI), but never through a symbolic link that leads to nothing (`mkdir -p` refuses it),
    nor for the target of a symbolic link to a new file (`> link` refuses it).
    """
    raw = data.encode("utf-8") if isinstance(data, str) else data
    _commit(_stage(path, raw, make_folders))


def write_together(files: Sequence[tuple[str, str | bytes]]) -> None:
    """Write files that go together (a people CSV and its teams table), as `write_output`
    writes each, making missing folders: all to temporary files first, in order (a failure
    names the first file that cannot be written, and leaves every file as it was), then
    each renamed over its target in the reverse order, the first file last: when it is new,
    all are. Should a rename fail after another was done, the OutputError names both."""
    staged: list[_Staged] = []
    try:
        for path, data in files:
            staged.append(_stage(path, _utf8(data), True))
        _distinct(staged)
    except BaseException:
        for done in reversed(staged):
            _discard(done)
        raise
    renamed: list[str] = []
    for at, item in enumerate(reversed(staged)):
        try:
            _commit(item)
        except BaseException as exc:
            for rest in staged[: len(staged) - at - 1]:
                _discard(rest)
            if renamed and isinstance(exc, OutputError):
                are = "is" if len(renamed) == 1 else "are"
                raise OutputError(
                    f"{exc}; {' and '.join(renamed)} {are} written already, for the new "
                    f"{item.shown}, not the old one left there: write them again") from None
            raise
        renamed.append(item.shown)


class _Staged(NamedTuple):
    """An output file written to its temporary file (`_stage`), to be renamed over its
    target (`_commit`), or removed again (`_discard`)."""

    shown: str  # (the path as given)
    target: str  # (the file replaced: a symlink's target; or a device, written into)
    temporary: str | None  # (None: a device, pipe or descriptor, written into at commit)
    made: list[str]  # (the folders made for it, the highest first)
    raw: bytes  # (what a device is written; b"" for a temporary file)
    descriptor: int | None = None  # (`own_descriptor`'s)


def _stage(path: str | os.PathLike[str], raw: bytes, make_folders: bool) -> _Staged:
    """Check an output path and write `raw` to a temporary file beside its target (synced
    to disk, with the mode of the file it replaces); OutputError when it cannot be, nothing
    then left behind. A device, pipe or descriptor is checked only (see `write_file`)."""
    shown = os.fspath(path)
    if "\x00" in shown:
        raise OutputError(f"{shown}: cannot write: the path holds a NUL character")
    if not shown:  # (not the current folder, which the empty path would name)
        raise OutputError("cannot write: the output file name is empty")
    unreachable = missing_before_up(shown)
    if unreachable is not None:
        raise OutputError(f"{shown}: {unreachable}")
    descriptor = own_descriptor(shown)
    target, special = (shown, True) if descriptor is not None else output_target(shown)
    if special:  # /dev/stdout: written where it points; a device or pipe (/dev/null): into
        return _Staged(shown, target, None, [], raw, descriptor)
    if os.path.isdir(target):
        raise OutputError(f"{shown}: is a directory; give a file name")
    if names_folder(shown):  # (a folder that is not there: never a file named after it)
        raise OutputError(f"{shown}: names a directory; give a file name")
    if _read_only(target):
        raise OutputError(f"{shown}: cannot write: the file is read-only (make it writable to "
                          "replace it)")
    folder = os.path.dirname(target)
    made = _folders(shown, target, make_folders)
    temporary = None
    try:
        _check_name(folder, target)
        for _attempt in range(_TEMP_ATTEMPTS):
            # (The name is known before the file is made: an interrupt as it is made still
            # finds it. A short name: the target's may be as long as a name can be.)
            temporary = os.path.join(folder, f".orgviz-{os.urandom(4).hex()}.tmp")
            try:
                descriptor = os.open(temporary, _TEMP_FLAGS, 0o666)  # (0666 minus the umask)
                break
            except FileExistsError:  # (not ours: never removed)
                temporary = None
        else:
            raise FileExistsError(errno.EEXIST, "no free temporary file name", folder)
        try:
            _write_all(descriptor, raw)
            _keep_mode(descriptor, temporary, target)
            os.fsync(descriptor)
        finally:
            os.close(descriptor)
    except BaseException as exc:  # (KeyboardInterrupt too: no temporary file is left)
        _discard(_Staged(shown, target, temporary, made, b""))
        if isinstance(exc, OSError):
            raise OutputError(f"{shown}: cannot write: {exc.strerror or exc}") from None
        raise
    return _Staged(shown, target, temporary, made, b"")


def _read_only(target: str) -> bool:
    """Whether `target` is a file that is there and must not be written: renaming over it
    would replace it whenever its folder is writable, where `> target` refuses.

    By its mode bits (the owner's write bit off) for a file of one's own, and for root, who
    may write any file but whose file, or anyone's, with that bit off was made read-only on
    purpose (`chmod a-w`); for another user's file, as access() tells (group, others, ACLs).
    """
    try:
        status = os.stat(target)
    except OSError:  # (a new file)
        return False
    if not stat.S_ISREG(status.st_mode):
        return False
    user = os.geteuid() if hasattr(os, "geteuid") else None  # (Windows: the read-only flag)
    if user is None or user == 0 or status.st_uid == user:
        return not status.st_mode & stat.S_IWUSR
    return not os.access(target, os.W_OK, effective_ids=os.access in os.supports_effective_ids)


#: The length of a file name (in bytes) that every usual file system takes.
_NAME_BYTES = 255


def _check_name(folder: str, target: str) -> None:
    """OSError (ENAMETOOLONG) for a target's name longer than its folder takes, before any
    file is written: the rename at the end would fail (a longer name alone is looked at)."""
    length = len(os.fsencode(os.path.basename(target)))
    if length <= _NAME_BYTES or not hasattr(os, "pathconf"):
        return
    try:
        longest = os.pathconf(folder, "PC_NAME_MAX")
    except (OSError, ValueError):
        return
    if 0 < longest < length:
        raise OSError(errno.ENAMETOOLONG, os.strerror(errno.ENAMETOOLONG))


def _commit(staged: _Staged) -> None:
    """Rename a staged temporary file over its target (or write a device as it is);
    OutputError when it cannot be, the temporary file and the folders made then removed."""
    shown = staged.shown
    if staged.temporary is None:  # (never replaced)
        try:
            if staged.descriptor is not None:
                write_descriptor(staged.descriptor, staged.raw)
            else:
                write_into(staged.target, staged.raw)
        except BrokenPipeError:  # (into `| head`: as stdout, see cli.run)
            raise
        except OSError as exc:
            raise OutputError(f"{shown}: cannot write: {exc.strerror or exc}") from None
        return
    try:
        os.replace(staged.temporary, staged.target)
    except BaseException as exc:
        _discard(staged)
        if isinstance(exc, OSError):
            raise OutputError(f"{shown}: cannot write: {exc.strerror or exc}") from None
        raise
    for synced in {os.path.dirname(staged.target),
                   *(os.path.dirname(created) for created in staged.made)}:
        _sync_directory(synced)


def _discard(staged: _Staged) -> None:
    """Remove a staged temporary file, and the folders made for it while they are empty
    (the deepest first)."""
    if staged.temporary is not None:
        with contextlib.suppress(OSError):
            os.unlink(staged.temporary)
    for created in reversed(staged.made):
        with contextlib.suppress(OSError):
            os.rmdir(created)


def _distinct(staged: Sequence[_Staged]) -> None:
    """OutputError when two files written together are one file (by links): the one
    renamed last would replace the other."""
    seen: dict[str, str] = {}
    for item in staged:
        if item.target in seen:
            raise OutputError(f"{item.shown}: cannot write: it is {seen[item.target]} (a "
                              "link), which is written too")
        seen[item.target] = item.shown


def _folders(shown: str, target: str, make: bool) -> list[str]:
    """Check that the folder of `target` (`shown`'s, links resolved) is there, or (`make`)
    make it and the folders above it that are missing, unless `shown` is a symbolic link
    (see `_link_to_nowhere`); return the folders made, the highest first."""
    folder = os.path.dirname(target)
    missing = []
    current = folder
    while not os.path.isdir(current):
        if os.path.lexists(current):  # a file (or a dangling link) where a folder should be
            raise OutputError(f"{shown}: {_as_named(shown, folder, current)} is not a "
                              "directory")
        missing.append(current)
        parent = os.path.dirname(current)
        if parent == current:
            break
        current = parent
    if not missing:
        return []
    if os.path.islink(shown):
        raise OutputError(f"{shown}: {_link_to_nowhere(target)}")
    if not make:
        raise OutputError(f"{shown}: the directory {os.path.dirname(shown) or '.'} does not "
                          "exist")
    made: list[str] = []
    for directory in reversed(missing):
        try:
            os.mkdir(directory)
        except FileExistsError:  # made meanwhile by another process: fine if a folder
            if os.path.isdir(directory):
                continue
            reason = "not a directory"
        except OSError as exc:
            reason = exc.strerror or str(exc)
        else:
            made.append(directory)
            continue
        for created in reversed(made):
            with contextlib.suppress(OSError):
                os.rmdir(created)
        raise OutputError(f"{shown}: cannot create the directory "
                          f"{_as_named(shown, folder, directory)}: {reason}")
    return made


def _as_named(shown: str, folder: str, above: str) -> str:
    """The folder `above` (the real `folder` of `shown`, or one above it) as the user named
    it: `shown`'s own folder, as many levels up (the levels below a folder that is there
    are not there: no link can make them differ); the real path for a link to a new file."""
    if os.path.islink(shown):
        return above
    named = os.path.dirname(shown)
    while folder != above and os.path.dirname(folder) != folder:
        folder, named = os.path.dirname(folder), os.path.dirname(named)
    return named or "."


def _keep_mode(descriptor: int, temporary: str, target: str) -> None:
    """Give the temporary file the mode bits of the file it replaces, and its owner and
    group where that is allowed (root; a group one is in); best effort, as a file system
    without modes (a FAT stick, some shares) refuses; nothing for a new file."""
    try:
        old = os.stat(target)
    except OSError:
        return
    if hasattr(os, "fchown") and (old.st_uid, old.st_gid) != (os.getuid(), os.getgid()):
        try:
            os.fchown(descriptor, old.st_uid, old.st_gid)
        except OSError:
            with contextlib.suppress(OSError):
                os.fchown(descriptor, -1, old.st_gid)
    with contextlib.suppress(OSError):
        if os.chmod in os.supports_fd:
            os.chmod(descriptor, stat.S_IMODE(old.st_mode) & 0o777)
        else:  # (Windows: by name)
            os.chmod(temporary, stat.S_IMODE(old.st_mode) & 0o777)


def _sync_directory(directory: str) -> None:
    """Make a rename (or a new folder) durable where the platform allows fsync on a
    directory (POSIX); best effort."""
    try:
        descriptor = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(descriptor)
    except OSError:
        pass
    finally:
        os.close(descriptor)
