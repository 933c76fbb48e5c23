"""Source stamps: is a rendered diagram up to date with its org files, without rendering it?

`orgviz render --hook` writes a stamp into each diagram: the SHA-256 of everything the diagram
is made from (the bytes of the org file and of the files it includes, the render options, the
rule configuration, the orgviz version and the Graphviz engine). Next time it compares the
stamp in the committed diagram with the digest of the sources as they are now, and draws only
when they differ. The stamp is a function of the inputs, so the same input still gives the
same bytes. It sits at a fixed place:

- SVG: an XML comment on the line after the XML declaration,
  `<!-- orgviz-source-sha256: 64 hex digits -->`;
- DOT: a first line `// orgviz-source-sha256: ...`;
- PNG: a `tEXt` chunk with the keyword `orgviz-source-sha256`, right after `IHDR`.

PDF has no such place that survives byte-exact rewriting, so it cannot be kept fresh this way.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import struct
import zlib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote, unquote

from orgviz.errors import RenderError

KEYWORD = "orgviz-source-sha256"
STAMPED_FORMATS = ("svg", "png", "dot")
STAMP_VERSION = "2"  # bump when what goes into the digest changes (2: no engine for tidy)
_HEAD_BYTES = 4096  # a stamp is always within the first bytes of a file
_TEXT_STAMP = re.compile(rb"orgviz-source-sha256: ([0-9a-f]{64}(?: from [!-~]+)?)")
_PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def verify_format(fmt: str) -> str:
    """The format if a stamp fits in it, else a RenderError saying what to use."""
    if fmt not in STAMPED_FORMATS:
        raise RenderError(f"--hook keeps {', '.join(STAMPED_FORMATS)} diagrams up to date; a "
                          f"{fmt.upper()} file has no place for the source stamp: render "
                          f"{fmt.upper()} files without --hook")
    return fmt


def engine_identity(requested: str, fmt: str, layout: str = "dot") -> str:
    """Which Graphviz draws the layout: its name and version, found without rendering.

    DOT output uses no engine, nor does any layout but `dot` (the tidy layout, which `auto`
    picks: see `pipeline.pick_layout`), so a diagram stays up to date on machines with
    another Graphviz. The version is the engine's (the embedded one names its graphviz-pure
    package too); it is cached, so this runs no Graphviz once probed.
    """
    from orgviz.render.pipeline import GRAPHVIZ_LAYOUTS

    if fmt == "dot" or layout not in GRAPHVIZ_LAYOUTS:
        return "none"
    from orgviz.render.engines import pick_engine

    engine = pick_engine(requested)
    return f"{engine.name} graphviz {engine.version()}"


def source_digest(path: str | os.PathLike[str], fmt: str, options: Any,
                  settings: Iterable[Any] = (), force: bool = False) -> str:
    """The SHA-256 (hex) of everything the diagram of the org file at `path` is made from.

    `options` are the RenderOptions; `settings` the project's rule settings (they
    decide whether an org may be drawn, and with --force what is marked).
    """
    from orgviz import __version__
    from orgviz.orgfiles import read_or_none, source_files

    digest = hashlib.sha256()

    def add(label: str, value: bytes) -> None:
        digest.update(f"{label} {len(value)}\n".encode())
        digest.update(value)

    add("stamp", STAMP_VERSION.encode())
    add("orgviz", __version__.encode())
    add("format", fmt.encode())
    # (the engine asked for counts as `engine_identity` tells it: not for the tidy layout)
    drawn = {k: v for k, v in options._asdict().items() if k not in ("timeout", "engine")}
    add("options", json.dumps(drawn, sort_keys=True).encode())
    add("engine", engine_identity(options.engine, fmt, options.layout).encode())
    add("force", b"1" if force else b"0")
    rules = [[s.rule, s.level, sorted((str(k), repr(v)) for k, v in s.options.items())]
             for s in settings]
    add("rules", json.dumps(rules).encode())
    for file in source_files(path):  # (no device or FIFO is read: loading reports them)
        data = read_or_none(file)
        if data is None:
            add("missing", os.fsencode(file.name))
        else:
            add("file", data)
    return digest.hexdigest()


def _png_chunks(data: bytes) -> Iterable[tuple[int, bytes, bytes]]:
    """(offset, type, data) of each chunk of a PNG, up to the first IDAT."""
    offset = len(_PNG_SIGNATURE)
    while offset + 8 <= len(data):
        length, kind = struct.unpack(">I4s", data[offset:offset + 8])
        yield offset, kind, data[offset + 8:offset + 8 + length]
        if kind == b"IDAT":
            return
        offset += 12 + length


def read_stamp(path: str | os.PathLike[str]) -> str | None:
    """The source digest stamped in a diagram, or None (no file, no stamp, unreadable)."""
    return _digest_in(_stamp_text(path))


def _digest_in(text: str | None) -> str | None:
    """The digest of a stamp's text (`_stamp_text`), or None."""
    found = text.split(" ", 1)[0] if text else ""
    return found if re.fullmatch(r"[0-9a-f]{64}", found) else None


def _source_in(text: str | None) -> str | None:
    """The org file a stamp's text (`_stamp_text`) names, or None."""
    if text is None or " from " not in text:
        return None
    return unquote(text.split(" from ", 1)[1], errors="surrogateescape")


@dataclass(frozen=True)
class Stamp:
    """What a diagram's stamp says, read from its head once (`stamp_of`): the digest and the
    org file it was drawn from, each None where the stamp has none (or there is none)."""

    digest: str | None
    source: str | None


def stamp_of(target: str | os.PathLike[str]) -> Stamp:
    """The stamp of the diagram at `target` (its head read once), or one of None and None
    (no file, no stamp, unreadable)."""
    text = _stamp_text(target)
    return Stamp(_digest_in(text), _source_in(text))


def _stamp_text(path: str | os.PathLike[str]) -> str | None:
    """What follows the stamp keyword in a diagram: the digest, then ' from <source>'."""
    try:
        with open(path, "rb") as stream:
            head = stream.read(_HEAD_BYTES)
    except OSError:
        return None
    if head.startswith(_PNG_SIGNATURE):
        prefix = KEYWORD.encode() + b"\0"
        for _offset, kind, body in _png_chunks(head):
            if kind == b"tEXt" and body.startswith(prefix):
                return body[len(prefix):].decode("ascii", "replace")
        return None
    match = _TEXT_STAMP.search(head)
    return match.group(1).decode("ascii") if match else None


def stamp(data: bytes, fmt: str, digest: str, source: str | None = None) -> bytes:
    """The diagram bytes with the source digest (and the org file drawn, percent-encoded:
    ASCII without spaces or `--`) at its fixed place."""
    if source is not None:
        # (bytes: a name that is not UTF-8, lone surrogates as Python reads it, is quoted as
        # its own bytes; stamped_source reads them back so)
        shown = quote(os.fsencode(Path(source).as_posix()), safe="/").replace("-", "%2D")
        digest = f"{digest} from {shown}"
    if fmt == "svg":
        comment = f"<!-- {KEYWORD}: {digest} -->\n".encode()
        if data.startswith(b"<?xml"):
            end = data.find(b"?>") + 2
            newline = data.find(b"\n", end)
            cut = newline + 1 if newline == end else end
            return data[:cut] + (b"" if newline == end else b"\n") + comment + data[cut:]
        return comment + data
    if fmt == "dot":
        return f"// {KEYWORD}: {digest}\n".encode() + data
    if fmt == "png":
        if not data.startswith(_PNG_SIGNATURE):
            raise RenderError("cannot stamp the PNG: it has no PNG signature")
        body = KEYWORD.encode() + b"\0" + digest.encode()
        chunk = (struct.pack(">I", len(body)) + b"tEXt" + body
                 + struct.pack(">I", zlib.crc32(b"tEXt" + body) & 0xFFFFFFFF))
        ihdr_end = len(_PNG_SIGNATURE) + 8 + 13 + 4  # IHDR is first and 13 bytes long
        return data[:ihdr_end] + chunk + data[ihdr_end:]
    verify_format(fmt)
    raise AssertionError(fmt)  # pragma: no cover - verify_format raised


def _is_current(target: str | os.PathLike[str], stamped: str | None, digest: str) -> bool:
    """Whether a diagram of the org file drawn, stamped with the digest `stamped`, is of
    sources with this digest and whole: a diagram cut short, by a full disk or a bad merge,
    keeps its stamp but is drawn again (`why_drawn`)."""
    return stamped == digest and is_whole(target)


def why_drawn(target: Path, source: str, digest: str, read: Stamp | None = None) -> str | None:
    """Why the hook draws the org file `source` (its sources have this digest) at `target`:
    'missing', 'out of date' or 'the diagram of <other>' (an org file gone, or no org file
    now: its diagram is taken over, stamped as `source`'s); None when it is up to date.
    `read`: the diagram's stamp where the caller read it already (`stamp_of`), so that its
    head is read once.

    Before anything is drawn: RenderError when `target` is the diagram of another org file
    (`check_same_source`), OutputError when it cannot be looked at (a folder that cannot
    be searched), said as writing it would say it."""
    if not _is_there(target):
        return "missing"
    found = stamp_of(target) if read is None else read  # (the stamp has it all)
    if found.source is None:
        return "out of date"
    if not _same_source(found.source, source):
        _refuse_other_org(target, found.source, source)
        return f"the diagram of {found.source}"
    return None if _is_current(target, found.digest, digest) else "out of date"


def _is_there(target: Path) -> bool:
    """Whether a file (or what a link leads to) is at `target`; OutputError, as writing it
    would say, when that cannot be told (`Path.exists` raises PermissionError then)."""
    from orgviz.io.files import OutputError

    try:
        os.stat(target)
    except (FileNotFoundError, NotADirectoryError):
        return False
    except OSError as exc:
        raise OutputError(f"{target}: cannot write: {exc.strerror or exc}") from None
    return True


def _same_source(stamped: str, source: str) -> bool:
    """Whether the org file a stamp names is `source`: by the same name, or by another one
    for the same file (`/repo/org.yaml` for `org.yaml`, a link to it)."""
    if os.path.normpath(stamped) == os.path.normpath(source):
        return True
    try:
        return os.path.samefile(stamped, source)
    except (OSError, ValueError):  # (one is not there; a NUL in a name)
        return False


#: How each stamped format ends (trailing whitespace aside): the PNG's IEND chunk with its CRC.
_ENDINGS = (b"</svg>", b"}", b"IEND\xaeB`\x82")


def is_whole(path: str | os.PathLike[str]) -> bool:
    """Whether a diagram ends as an SVG, a DOT graph or a PNG ends (its last bytes only)."""
    try:
        with open(path, "rb") as stream:
            stream.seek(0, os.SEEK_END)
            stream.seek(max(stream.tell() - 64, 0))
            tail = stream.read().rstrip()
    except OSError:
        return False
    return tail.endswith(_ENDINGS)


def stamped_source(target: str | os.PathLike[str]) -> str | None:
    """The org file a stamped diagram was drawn from (as the hook was given it), or None."""
    return stamp_of(target).source


def check_same_source(target: Path, path: str) -> None:
    """RenderError when `target` is the stamped diagram of another org file that still
    exists: two orgs drawn to one diagram (org.yaml in two folders, one output folder) would
    overwrite each other's diagram, flipping with whichever changed last."""
    other = stamped_source(target)
    if other is not None and not _same_source(other, path):
        _refuse_other_org(target, other, path)


def _refuse_other_org(target: Path, other: str, path: str) -> None:
    """RenderError when `other`, the org file that `target` is stamped as the diagram of (not
    `path`), still exists as an org file (`check_same_source`)."""
    from orgviz.orgfiles import file_kind

    if not os.path.isfile(other) or file_kind(other) != "org":
        return
    raise RenderError(f"{target} is the diagram of {other}; drawing {path} there would "
                      "overwrite it (and the next change to the other, this one): rename one "
                      "of them, or give them hook entries with different -o folders")
