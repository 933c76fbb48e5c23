"""A per-user cache of the embedded Graphviz compiled to native code by wasmtime.

Compiling graphviz.wasm takes about a second in every process; loading the compiled module
from the cache takes a few milliseconds. This is what wasmtime's own cache does
(`Config.cache`), kept under orgviz's control:

- location: $ORGVIZ_CACHE_DIR, else $XDG_CACHE_HOME/orgviz, else ~/.cache/orgviz
  (%LOCALAPPDATA%\\orgviz on Windows, ~/Library/Caches/orgviz on macOS); ORGVIZ_NO_CACHE=1
  turns it off;
- one file per (graphviz.wasm content, wasmtime version and build, platform, engine
  settings): the file name is a hash of all of them; older entries are removed;
- each file carries a SHA-256 of its payload, and on POSIX it is only read when the current
  user owns it and nobody else may write it. Anything unexpected (a truncated, corrupt or
  foreign file, a wasmtime that refuses it) falls back to compiling, never to an error;
- writing is best effort (a temporary file renamed into place): a read-only or missing
  home folder only costs the compile time.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import platform
import sys
from pathlib import Path
from typing import Any

from orgviz.cachedir import cache_dir, read_trusted, store

__all__ = ["cache_dir", "cache_key", "load_module"]

#: Bump when the file layout changes.
FORMAT = b"orgviz-compiled-wasm 1\n"
_DIGEST = hashlib.sha256


def _wasmtime_identity(wasmtime: Any) -> str:
    """The installed wasmtime's version and the size and date of its native library."""
    package = Path(wasmtime.__file__).parent
    version = ""
    with contextlib.suppress(OSError):
        for entry in os.scandir(package.parent):
            if entry.name.startswith("wasmtime-") and entry.name.endswith(".dist-info"):
                version = entry.name[len("wasmtime-"):-len(".dist-info")]
                break
    if not version:
        import importlib.metadata

        try:
            version = importlib.metadata.version("wasmtime")
        except importlib.metadata.PackageNotFoundError:
            version = "unknown"
    libraries = []
    with contextlib.suppress(OSError):  # wasmtime/<platform>/_libwasmtime.so and the like
        for path in sorted(package.glob("*/*wasmtime*")):
            if path.suffix in (".so", ".dylib", ".dll"):
                info = path.stat()
                libraries.append(f"{path.parent.name}/{path.name}:{info.st_size}:"
                                 f"{info.st_mtime_ns}")
    return f"wasmtime {version} {' '.join(libraries)}"


def cache_key(wasm: bytes, wasmtime: Any, settings: str) -> str:
    """A name for the compiled form of `wasm` under this wasmtime, platform and settings."""
    parts = [FORMAT.strip(), _DIGEST(wasm).hexdigest().encode(),
             _wasmtime_identity(wasmtime).encode(), platform.machine().encode(),
             sys.platform.encode(), settings.encode()]
    return _DIGEST(b"\n".join(parts)).hexdigest()[:40]


def _read(path: Path) -> bytes | None:
    """The payload of a cache file if it is intact and trusted, else None."""
    data = read_trusted(path)
    if data is None:
        return None
    size = _DIGEST().digest_size * 2
    if not data.startswith(FORMAT) or len(data) < len(FORMAT) + size + 1:
        return None
    digest = data[len(FORMAT):len(FORMAT) + size]
    payload = data[len(FORMAT) + size + 1:]
    if data[len(FORMAT) + size:len(FORMAT) + size + 1] != b"\n" \
            or _DIGEST(payload).hexdigest().encode() != digest:
        return None
    return payload


def _write(folder: Path, name: str, payload: bytes) -> None:
    """Store `payload` as `name` in `folder` (best effort) and drop older entries."""
    if not store(folder / name, FORMAT + _DIGEST(payload).hexdigest().encode() + b"\n" + payload):
        return
    with contextlib.suppress(OSError):
        for old in folder.glob("graphviz-*.cwasm"):
            if old.name != name:
                old.unlink()


def load_module(wasmtime: Any, engine: Any, wasm: bytes, settings: str) -> Any:
    """A wasmtime Module of `wasm` for `engine`: from the cache when it holds a good copy,
    else compiled (and then stored). `settings` names the engine's code-relevant options."""
    folder = cache_dir()
    if folder is None:
        return wasmtime.Module(engine, wasm)
    folder = folder / "wasm"
    name = f"graphviz-{cache_key(wasm, wasmtime, settings)}.cwasm"
    payload = _read(folder / name)
    if payload is not None:
        try:
            return wasmtime.Module.deserialize(engine, payload)
        except Exception:  # a refused entry is recompiled and replaced
            pass
    module = wasmtime.Module(engine, wasm)
    try:
        compiled = bytes(module.serialize())
    except Exception:  # caching is optional
        return module
    _write(folder, name, compiled)
    return module
