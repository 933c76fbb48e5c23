"""Write command output: atomically to a file, or to stdout for `-`."""

from __future__ import annotations

import os
import stat
import sys
import tempfile

from orgviz.errors import OrgvizError


def output_target(path: str) -> tuple[str, bool]:
    """Where output for `path` goes: (the regular file to replace all at once, False), a
    symlink's target so that the link stays a link; or (`path`, True) for a device, pipe or
    socket (`/dev/null`, `/dev/stdout`), which is written into as it is: renaming a file
    over it would replace the device itself (as root) or fail."""
    try:
        mode = os.stat(path).st_mode
    except OSError:  # a new file (or a link to one): made where the link points
        return os.path.realpath(path), False
    if stat.S_ISREG(mode) or stat.S_ISDIR(mode):
        return os.path.realpath(path), False
    return path, True


def write_into(path: str, raw: bytes) -> None:
    """Write into a device, pipe or socket as it is (see `output_target`)."""
    with open(path, "wb") as stream:
        stream.write(raw)


def write_output(path: str | None, data: str | bytes) -> None:
    """Replace `path` with `data` all at once (no half-written file); stdout for None or `-`;
    into a device or pipe as it is, and through a symlink to its target (`output_target`)."""
    raw = data.encode("utf-8") if isinstance(data, str) else data
    if path is None or path == "-":
        sys.stdout.buffer.write(raw)
        sys.stdout.flush()
        return
    shown = path
    path, special = output_target(path)
    if special:
        try:
            write_into(path, raw)
        except OSError as exc:
            raise OrgvizError(f"{shown}: cannot write: {exc.strerror or exc}") from None
        return
    directory = os.path.dirname(os.path.abspath(path))
    if os.path.isdir(path):
        raise OrgvizError(f"{shown}: is a directory; give a file name")
    if not os.path.isdir(directory):
        raise OrgvizError(f"{shown}: the directory {os.path.dirname(shown) or '.'} does not "
                          "exist")
    try:
        handle, temp = tempfile.mkstemp(prefix=".orgviz-", dir=directory)
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(raw)
            if os.path.exists(path):
                os.chmod(temp, os.stat(path).st_mode & 0o777)
            else:
                umask = os.umask(0)
                os.umask(umask)
                os.chmod(temp, 0o666 & ~umask)
            os.replace(temp, path)
        except BaseException:
            if os.path.exists(temp):
                os.unlink(temp)
            raise
    except OSError as exc:
        raise OrgvizError(f"{shown}: cannot write: {exc.strerror or exc}") from None
