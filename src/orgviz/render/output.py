"""Atomic output writes."""

from __future__ import annotations

import contextlib
import os
import stat
from pathlib import Path

from orgviz.errors import OrgvizError
from orgviz.io.files import output_target, write_into


class OutputError(OrgvizError):
    """An output file cannot be written; the previous file, if any, is left as it was."""


def write_atomic(path: Path, data: bytes) -> None:
    """Replace `path` with `data` all at once: readers see the old file or the new one.

    The bytes go to a hidden temporary file in the same directory, are flushed to disk and
    renamed over `path` (parent directories are created). On any failure the target is
    untouched, the temporary file removed, and an OutputError says why. A new file gets the
    usual permissions (0666 minus the umask); a replaced file keeps its mode. A symlink's
    target is replaced (the link stays), and a device or pipe is written into as it is.
    """
    shown = Path(path)
    target, special = output_target(os.fspath(path))
    if special:  # a device or pipe (/dev/null): written into, never replaced
        try:
            write_into(target, data)
        except OSError as exc:
            raise OutputError(f"cannot write {shown}: {exc.strerror or exc}") from None
        return
    path = Path(target)  # (a symlink's target: the link stays)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"cannot create the folder {path.parent}: "
                          f"{exc.strerror or exc}") from None
    temporary = path.with_name(f".{path.name}.{os.urandom(4).hex()}.tmp")
    try:
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
        descriptor = os.open(temporary, flags, 0o666)
    except OSError as exc:
        raise OutputError(f"cannot write {shown}: {exc.strerror or exc}") from None
    try:
        with os.fdopen(descriptor, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        with contextlib.suppress(FileNotFoundError):
            os.chmod(temporary, stat.S_IMODE(os.stat(path).st_mode))
        os.replace(temporary, path)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        if isinstance(exc, OSError):
            raise OutputError(f"cannot write {shown}: {exc.strerror or exc}") from None
        raise
    _sync_directory(path.parent)


def _sync_directory(directory: Path) -> None:
    """Make the rename durable where the platform allows fsync on a directory (POSIX)."""
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
