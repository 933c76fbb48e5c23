"""Write command output: atomically to a file, or to stdout for `-`."""

from __future__ import annotations

import os
import sys
import tempfile

from orgviz.errors import OrgvizError


def write_output(path: str | None, data: str | bytes) -> None:
    """Replace `path` with `data` all at once (no half-written file); stdout for None or `-`."""
    raw = data.encode("utf-8") if isinstance(data, str) else data
    if path is None or path == "-":
        sys.stdout.buffer.write(raw)
        sys.stdout.flush()
        return
    directory = os.path.dirname(os.path.abspath(path))
    if os.path.isdir(path):
        raise OrgvizError(f"{path}: is a directory; give a file name")
    if not os.path.isdir(directory):
        raise OrgvizError(f"{path}: the directory {os.path.dirname(path) or '.'} does not exist")
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
        raise OrgvizError(f"{path}: cannot write: {exc.strerror or exc}") from None
