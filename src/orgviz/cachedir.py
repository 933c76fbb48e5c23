"""Where orgviz keeps its per-user cache, and which cache files it may trust."""

from __future__ import annotations

import contextlib
import os
import stat
import sys
from pathlib import Path


def cache_dir() -> Path | None:
    """The folder of orgviz's cache, or None when caching is turned off or has no home.

    $ORGVIZ_CACHE_DIR, else $XDG_CACHE_HOME/orgviz, else ~/.cache/orgviz (%LOCALAPPDATA%
    \\orgviz\\Cache on Windows, ~/Library/Caches/orgviz on macOS); ORGVIZ_NO_CACHE=1 turns
    caching off.
    """
    if os.environ.get("ORGVIZ_NO_CACHE"):
        return None
    explicit = os.environ.get("ORGVIZ_CACHE_DIR")
    if explicit:
        return Path(explicit)
    xdg = os.environ.get("XDG_CACHE_HOME")
    if xdg and os.path.isabs(xdg):
        return Path(xdg) / "orgviz"
    try:
        if sys.platform == "win32":
            local = os.environ.get("LOCALAPPDATA")
            return Path(local) / "orgviz" / "Cache" if local else None
        if sys.platform == "darwin":
            return Path.home() / "Library" / "Caches" / "orgviz"
        return Path.home() / ".cache" / "orgviz"
    except (RuntimeError, KeyError, OSError):  # no home folder
        return None


def trusted(stat: os.stat_result) -> bool:
    """A cache file the current user owns and nobody else may write (always true off POSIX)."""
    if os.name != "posix":
        return True
    return stat.st_uid == os.getuid() and not stat.st_mode & 0o022


def read_trusted(path: Path) -> bytes | None:
    """The bytes of a cache file if it is a regular file (not a symlink, folder, named pipe
    or device) and trusted, else None, without ever blocking on what is there."""
    # (O_NONBLOCK: opening a named pipe waits for a writer otherwise; the type is then told
    # from the open file itself, fstat, so that nothing can be swapped in between.)
    flags = (os.O_RDONLY | getattr(os, "O_BINARY", 0) | getattr(os, "O_NOFOLLOW", 0)
             | getattr(os, "O_NONBLOCK", 0))
    try:
        descriptor = os.open(path, flags)
    except OSError:
        return None
    try:
        status = os.fstat(descriptor)
        if not stat.S_ISREG(status.st_mode) or not trusted(status):
            return None
        with os.fdopen(descriptor, "rb", closefd=False) as stream:
            return stream.read()
    except OSError:
        return None
    finally:
        os.close(descriptor)


def store(path: Path, data: bytes) -> bool:
    """Write a cache file atomically (a private temporary file renamed into place), best
    effort: False when it could not be written (a read-only or missing home folder)."""
    import tempfile  # only when writing: reading the cache is on every render's start-up path

    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        descriptor, temporary = tempfile.mkstemp(prefix=".tmp-", dir=path.parent)
    except OSError:
        return False
    try:
        with os.fdopen(descriptor, "wb") as stream:
            stream.write(data)
        os.replace(temporary, path)
    except BaseException as exc:  # (Ctrl-C too: no temporary file is left in the cache)
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        if isinstance(exc, OSError):
            return False
        raise
    return True
