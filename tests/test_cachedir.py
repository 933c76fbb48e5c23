"""orgviz's per-user cache: reading only regular files it may trust, writing atomically."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest

from orgviz import cachedir

posix_only = pytest.mark.skipif(os.name != "posix", reason="named pipes, modes (POSIX)")


def _read_in_time(path: Path) -> bytes | None:
    """read_trusted(path) in a thread; fail (after unblocking it) if it waits on the file."""
    found: list[bytes | None] = []
    reader = threading.Thread(target=lambda: found.append(cachedir.read_trusted(path)),
                              daemon=True)
    reader.start()
    reader.join(timeout=10)
    if reader.is_alive():  # (waiting for a writer of the pipe: give it one, which ends it)
        os.close(os.open(path, os.O_WRONLY | os.O_NONBLOCK))
        reader.join(timeout=10)
        pytest.fail(f"read_trusted waited on {path}")
    return found[0]


@posix_only
def test_a_named_pipe_is_no_cache_and_does_not_block(tmp_path: Path) -> None:
    # (os.open without O_NONBLOCK waited for a writer: `orgviz roles` hung at start-up)
    pipe = tmp_path / "dot-probes.txt"
    os.mkfifo(pipe, 0o600)
    assert _read_in_time(pipe) is None


def test_a_folder_is_no_cache(tmp_path: Path) -> None:
    # (os.fdopen raised IsADirectoryError: "cannot write the output: Is a directory")
    folder = tmp_path / "dot-probes.txt"
    folder.mkdir(mode=0o700)
    assert cachedir.read_trusted(folder) is None


def test_a_regular_trusted_file_is_read(tmp_path: Path) -> None:
    entry = tmp_path / "dot-probes.txt"
    assert cachedir.store(entry, b"dot\t1:2:3\t9.9.9\n")
    assert cachedir.read_trusted(entry) == b"dot\t1:2:3\t9.9.9\n"
    assert cachedir.read_trusted(tmp_path / "missing.txt") is None


@posix_only
def test_storing_over_a_named_pipe_replaces_it(tmp_path: Path) -> None:
    pipe = tmp_path / "dot-probes.txt"
    os.mkfifo(pipe, 0o600)
    assert cachedir.store(pipe, b"kept\n")  # (a rename: the pipe is never opened)
    assert cachedir.read_trusted(pipe) == b"kept\n"


def test_storing_over_a_folder_fails_quietly(tmp_path: Path) -> None:
    folder = tmp_path / "dot-probes.txt"
    folder.mkdir()
    (folder / "inside").write_text("x")
    assert not cachedir.store(folder, b"lost\n")
    assert [p.name for p in tmp_path.iterdir()] == ["dot-probes.txt"]  # (no temporary left)
    assert [p.name for p in folder.iterdir()] == ["inside"]
    empty = tmp_path / "graphviz-pure.txt"
    empty.mkdir()
    assert not cachedir.store(empty, b"lost\n")
    assert empty.is_dir()


@posix_only
def test_a_cache_folder_that_is_a_named_pipe_fails_quietly(tmp_path: Path) -> None:
    pipe = tmp_path / "cache"
    os.mkfifo(pipe, 0o600)
    assert _read_in_time(pipe / "dot-probes.txt") is None
    assert not cachedir.store(pipe / "dot-probes.txt", b"lost\n")
