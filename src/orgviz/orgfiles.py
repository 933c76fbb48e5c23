"""Which orgs to check for the files a hook is given: skip other YAML, lift includes to their orgs.

pre-commit hands a hook every changed YAML file. Some are not org files at all (no top-level
`orgviz:` key): those are skipped. Some are parts of a split org (an `orgviz:` key but no
`org:` header, named in another file's `include:`): for those the whole org is checked, found
among the given files and the YAML files git tracks. The project configuration in use among
them stands for every org file of the repository (`hook_selection`). Everything here reads text
only and parses at most the `include:` block of a file (a whole file only where its layout is
unusual), so that the hook stays as fast as a bare start-up.
"""

from __future__ import annotations

import errno
import os
import re
import stat
import sys
import weakref
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO, Literal

from orgviz.errors import NoOrgInFolderError, OrgvizError

if TYPE_CHECKING:
    import subprocess

Kind = Literal["org", "part", "other"]

_ORGVIZ_KEY = re.compile(rb"^(?:orgviz|\"orgviz\"|'orgviz')[ \t]*:", re.MULTILINE)
_ORG_KEY = re.compile(rb"^(?:org|\"org\"|'org')[ \t]*:", re.MULTILINE)
_INCLUDE_KEY = re.compile(rb"^(?:include|\"include\"|'include')[ \t]*:", re.MULTILINE)
_TOP_LEVEL_LINE = re.compile(rb"^[^\s#-]", re.MULTILINE)
# What says "org file" in a file that does not parse: its first line that is not blank, a
# comment, a directive or `---` starts with the `orgviz` key (after a byte order mark, spaces,
# a `{` or a quote: a broken first line), and `orgviz` is followed by `:`, `=` or a number.
_PLAIN_ORGVIZ = re.compile(
    rb"\A(?:\xef\xbb\xbf)?(?:[ \t]*(?:#[^\n]*)?\r?\n|%[^\n]*\n|---[ \t]*(?:#[^\n]*)?\r?\n)*"
    rb"(?:---[ \t]+)?[ \t]*(?:\{\s*)?[\"']?orgviz[\"']?(?:[ \t]*[:=]|[ \t]+\d)")
_FLOW_ORG_KEY = re.compile(rb"[{,]\s*[\"']?org[\"']?[ \t]*:")  # (of a broken flow mapping)
YAML_SUFFIXES = (".yaml", ".yml")
_WIDE_ORGVIZ = re.compile(rb"o\x00{1,3}r\x00{1,3}g\x00{1,3}v\x00{1,3}i\x00{1,3}z")
_WIDE_HEAD = 64 * 1024  # the `orgviz:` key of a top or part stands near the start
MAX_SCANNED_FILES = 20_000  # a folder walk without git stops there
# The most a hook reads of one file: yamlread.MAX_FILE_BYTES (importing it would import yaml).
MAX_READ_BYTES = 64 * 1024 * 1024
_FILE_TYPES = ((stat.S_ISDIR, "a directory"), (stat.S_ISCHR, "a character device"),
               (stat.S_ISBLK, "a block device"), (stat.S_ISFIFO, "a named pipe"),
               (stat.S_ISSOCK, "a socket"))
# Non-blocking: should the path have become a FIFO since its stat, opening it does not wait.
_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)


class NotRegularFileError(Exception):
    """A path names a directory, device, named pipe or socket; `kind` says which."""

    def __init__(self, kind: str) -> None:
        super().__init__(kind)
        self.kind = kind


class FileTooBigError(Exception):
    """A file holds more bytes than asked for; `size` is its size where stat tells it."""

    def __init__(self, size: int | None) -> None:
        super().__init__(size)
        self.size = size


def _check_regular(mode: int) -> None:
    """Raise NotRegularFileError unless a stat mode is that of a regular file."""
    if not stat.S_ISREG(mode):
        raise NotRegularFileError(next((kind for test, kind in _FILE_TYPES if test(mode)),
                                       "a special file"))


def read_regular(path: str | os.PathLike[str], limit: int) -> bytes:
    """The bytes of the regular file at `path` (symlinks followed), at most `limit` of them.

    Anything else raises NotRegularFileError without being opened (a FIFO would block, a
    device read without end); more than `limit` bytes raise FileTooBigError, even where stat
    lies about the size (never more than `limit` + 1 bytes are read); OSError otherwise.
    """
    _check_regular(os.stat(path).st_mode)
    descriptor = os.open(path, _OPEN_FLAGS)
    with os.fdopen(descriptor, "rb") as stream:
        status = os.fstat(descriptor)
        _check_regular(status.st_mode)  # (what was opened, should the path have changed)
        if status.st_size > limit:
            raise FileTooBigError(status.st_size)
        # A buffer the size stat gives (read(limit + 1) would allocate the whole limit
        # first: 1 ms a file); past it only where the file holds more than stat said.
        want = status.st_size + 1
        data = stream.read(want)
        if len(data) == want:
            data += stream.read(limit + 1 - want)
    if len(data) > limit:
        raise FileTooBigError(None)
    return data


#: The path that names standard input (`orgviz validate -`, `orgviz import - -o acme.yaml`).
STDIN = "-"
#: How messages name standard input (`<stdin>:3:5: error ...`).
STDIN_SHOWN = "<stdin>"
_STDIN_READ: weakref.WeakSet[object] = weakref.WeakSet()  # the streams read (once each)


def shown_path(path: str | os.PathLike[str]) -> str:
    """How messages name a file a command reads: as given, `<stdin>` for `-`."""
    text = os.fspath(path)
    return STDIN_SHOWN if text == STDIN else text


def shown_base_name(path: str | os.PathLike[str]) -> str:
    """How an import's messages and org file name a file it read: its base name (no folders
    of the machine that imported it), `./-` for a file named `-` (alone, `-` reads as
    standard input, which is shown as <stdin>)."""
    name = os.path.basename(os.fspath(path))
    return f"./{name}" if name == STDIN else name


def read_input(path: str | os.PathLike[str], shown: str, limit: int, what: str,
               reads: str, stdin: bool | None = None) -> bytes:
    """The bytes of a file a command reads, as `read_regular` reads them (standard input
    where `stdin` says so; by default where the path's text is `-`), its failures as
    one-line errors: OrgFileError for a directory ("is a directory, not `what`"), a device,
    FIFO or socket, or a path that cannot be read; OrgLoadError (rule `limits`, line 1)
    past `limit` bytes ("orgviz `reads` up to N MiB")."""
    from orgviz.errors import OrgFileError, OrgLoadError
    from orgviz.problem import Problem

    if not shown:  # an empty argument ('' as a Path is the current folder: "is a directory")
        raise OrgFileError("'': cannot read: an empty path names no file")
    try:
        if (os.fspath(path) == STDIN) if stdin is None else stdin:
            return _read_stdin(shown, limit, what)
        return read_regular(path, limit)
    except NotRegularFileError as exc:
        if exc.kind == "a directory":
            raise OrgFileError(f"{shown}: is a directory, not {what}") from None
        raise OrgFileError(f"{shown}: is not a regular file ({exc.kind})") from None
    except FileTooBigError as exc:
        mib = limit // 2**20
        size = f"more than {mib}" if exc.size is None else f"{exc.size / 2**20:.0f}"
        raise OrgLoadError([Problem(shown, 1, 1, "error", "limits", f"file is {size} MiB; "
                                    f"orgviz {reads} up to {mib} MiB")]) from None
    except OSError as exc:
        reason = "symlink loop" if exc.errno == errno.ELOOP else exc.strerror or str(exc)
        raise OrgFileError(f"{shown}: cannot read: {reason}") from None
    except ValueError:  # a NUL in the path
        raise OrgFileError(f"{shown}: cannot read: the path holds a NUL character") from None


def _read_stdin(shown: str, limit: int, what: str) -> bytes:
    """Standard input's bytes, at most `limit` of them (FileTooBigError past it); refused
    on a terminal (a command would wait for typing) and the second time it is asked for."""
    from orgviz.errors import OrgFileError

    stream: BinaryIO | None = getattr(sys.stdin, "buffer", None)
    if stream is None:
        raise OrgFileError(f"{shown}: there is no standard input to read {what} from")
    if stream in _STDIN_READ:
        raise OrgFileError(f"{shown}: standard input was read already: give - once")
    if sys.stdin.isatty():
        raise OrgFileError(f"{shown}: standard input is a terminal: pipe {what} in "
                           "(... | orgviz ...) or redirect one (< FILE)")
    _STDIN_READ.add(stream)
    data = stream.read(limit + 1)
    if len(data) > limit:
        raise FileTooBigError(None)
    return data


def read_or_none(path: str | os.PathLike[str]) -> bytes | None:
    """A file's bytes as `read_regular` reads them (up to MAX_READ_BYTES), or None when it
    cannot be read, is no regular file or is too big (validation then says which)."""
    try:
        return read_regular(path, MAX_READ_BYTES)
    except (OSError, ValueError, NotRegularFileError, FileTooBigError):
        return None


def _to_read(path: str) -> bool:
    """Whether a file a folder lists is one to read: a regular file (symlinks followed), or
    one the user may not look at (in a folder it may list but not enter: reading it says
    `cannot read: Permission denied`); not a device, a named pipe, a symlink loop, a file
    gone."""
    try:
        return stat.S_ISREG(os.stat(path).st_mode)
    except PermissionError:
        return True
    except (OSError, ValueError):
        return False


_NOT_YAML = object()


def _parse(data: bytes) -> object:
    """The whole document, parsed with the loader's reader; _NOT_YAML when it is not YAML."""
    from orgviz.yamlread import YamlError, decode, read_yaml

    try:
        return read_yaml(decode(data, "-"), "-")
    except YamlError as exc:
        if exc.document is not None:  # (read whole: a duplicate key, an unused anchor)
            return exc.document
        return None if exc.rule == "schema" else _NOT_YAML  # "schema": an empty document


_WIDE_BOMS = ((b"\xff\xfe\x00\x00", "utf-32-le"), (b"\x00\x00\xfe\xff", "utf-32-be"),
              (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be"))


def _narrowed(data: bytes) -> bytes | None:
    """UTF-16 or UTF-32 text as UTF-8 (the encoding from its byte order mark, else from where
    the NULs of its first characters are), or None when it does not decode."""
    encoding = next((name for bom, name in _WIDE_BOMS if data.startswith(bom)), None)
    start = 0
    if encoding is None:
        nuls = "".join("0" if byte == 0 else "x" for byte in data[:4])
        encoding = {"x000": "utf-32-le", "000x": "utf-32-be"}.get(
            nuls, "utf-16-le" if nuls[1:2] == "0" else "utf-16-be")
    else:
        start = next(len(bom) for bom, name in _WIDE_BOMS if name == encoding)
    try:
        return data[start:].decode(encoding).encode("utf-8")
    except UnicodeError:
        return None


def _kind(data: bytes | None) -> Kind:
    """What `file_kind` says of a file's bytes (None: it cannot be read)."""
    if data is None:
        return "org"
    if b"orgviz" not in data:
        # An org file saved as UTF-16 or UTF-32 (some Windows editors do) spells `orgviz`
        # with NULs between the letters: its text, as UTF-8, tells what it is, so that
        # validation says the encoding is wrong (where it is) instead of the hook passing an
        # org over; one that does not decode is checked as an org.
        if not _WIDE_ORGVIZ.search(data[:_WIDE_HEAD]):
            return "other"
        narrow = _narrowed(data)
        return "org" if narrow is None or b"orgviz" not in narrow else _kind(narrow)
    if _ORGVIZ_KEY.search(data):
        return "org" if _ORG_KEY.search(data) else "part"
    doc = _parse(data)
    if doc is _NOT_YAML:
        # Only a file that plainly starts as an org file is one: other YAML that orgviz's
        # reader refuses (CloudFormation's `!Sub`, Ansible's `!vault`, a Helm template) and
        # that merely mentions orgviz is not the hook's to check.
        if not _PLAIN_ORGVIZ.match(data):
            return "other"
        return "org" if _ORG_KEY.search(data) or _FLOW_ORG_KEY.search(data) else "part"
    if not isinstance(doc, dict) or "orgviz" not in doc:
        return "other"
    return "org" if "org" in doc else "part"


def file_kind(path: str | os.PathLike[str]) -> Kind:
    """'org' (a top org file), 'part' (an org file without an `org:` header) or 'other'.

    Cheap: a file that never mentions `orgviz` is 'other' without parsing; one with a
    top-level `orgviz:` line is an org file. Only an unusual layout (a flow mapping, say) is
    parsed. A file that cannot be read counts as an org file, and so does one that orgviz
    cannot parse whose first line plainly starts with the `orgviz` key (after a byte order
    mark, spaces, `{` or a quote), so that validation reports what is wrong with them; other
    files orgviz cannot parse are 'other' (YAML with `!Sub` tags, templates).
    """
    return _kind(read_or_none(path))


def _include_block(data: bytes) -> bytes | None:
    """The text of the top-level `include:` entry: its line and the lines under it."""
    match = _INCLUDE_KEY.search(data)
    if match is None:
        return None
    line_end = data.find(b"\n", match.end())
    if line_end < 0:
        return data[match.start():]
    following = _TOP_LEVEL_LINE.search(data, line_end + 1)
    return data[match.start():following.start() if following else len(data)]


def _includes(data: bytes) -> list[str]:
    import yaml

    if b"include" not in data:
        return []
    block = _include_block(data)
    if block is None:
        return []
    try:
        loaded = yaml.load(block.decode("utf-8", "replace"),
                           Loader=getattr(yaml, "CBaseLoader", yaml.BaseLoader))
        value = loaded.get("include") if isinstance(loaded, dict) else None
    except yaml.YAMLError:  # an unusual layout: parse the whole file
        doc = _parse(data)
        value = doc.get("include") if isinstance(doc, dict) else None
    items = [value] if isinstance(value, str) else value if isinstance(value, list) else []
    # (A path with a NUL names no file: the loader reports it.)
    return [item for item in items if isinstance(item, str) and item.strip()
            and "\0" not in item and not os.path.isabs(item)]


def includes_of(path: str | os.PathLike[str]) -> list[str]:
    """The relative paths an org file's top-level `include:` names (empty for other files)."""
    data = read_or_none(path)
    if data is None or _kind(data) == "other":
        return []
    return _includes(data)


def source_files(path: str | os.PathLike[str]) -> list[Path]:
    """An org file and the files it includes, transitively, in load order (each once).

    Read as text like `select_orgs`, without loading the org; an included file that is
    missing is listed too (its absence is part of what the org is made of).
    """
    found: list[Path] = []
    seen: set[str] = set()
    pending = [Path(path)]
    while pending:
        current = pending.pop()
        key = _key(str(current))
        if key in seen:
            continue
        seen.add(key)
        found.append(current)
        data = read_or_none(current)
        if data is not None:
            pending.extend(current.parent / item for item in reversed(_includes(data)))
    return found


def tracked_yaml_files(root: str | os.PathLike[str] = ".",
                       unlisted: list[OSError] | None = None) -> list[str]:
    """YAML files git tracks under `root` (paths relative to it); a folder walk without git.

    Only regular files (symlinks followed) count: a device, a named pipe or a symlink loop
    with a YAML name is left out, so that nothing reads it; a file the user may not look at
    is kept (`_to_read`: reading it says why it cannot be read). `unlisted`, where given, gets
    the error of each folder below `root` that the walk cannot list (`Permission denied`;
    its `filename`: the folder, `root` joined with its path): its files are not found.
    """
    result = _run_git(["ls-files", "-z", "--cached", "--others", "--exclude-standard", "--",
                       *(f"*{suffix}" for suffix in YAML_SUFFIXES)], root)
    if result is not None and result.returncode == 0:
        names = {os.fsdecode(name) for name in result.stdout.split(b"\0") if name}
        return sorted(name for name in names if _to_read(os.path.join(root, name)))
    found: list[str] = []

    def not_listed(error: OSError) -> None:
        """Keep a folder's error, but that of `root` itself (`orgs_in_folder` says that)."""
        if unlisted is not None and error.filename != os.fspath(root):
            unlisted.append(error)

    for folder, dirs, files in os.walk(root, onerror=not_listed):
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d != "node_modules")
        for name in sorted(files):
            if name.endswith(YAML_SUFFIXES) and _to_read(os.path.join(folder, name)):
                found.append(os.path.relpath(os.path.join(folder, name), root))
                if len(found) >= MAX_SCANNED_FILES:
                    return found
    return found


#: The folders a walk could not list that a warning was printed for (`_say_unlisted`), for
#: the life of the process: a command warns once a folder over both of its walks (for the
#: part's including org file, and for the files a changed configuration applies to); a
#: program that calls the API again is not warned again about the same folder.
_WARNED_UNLISTED: set[str] = set()


def _searched_yaml_files(root: str | os.PathLike[str]) -> list[str]:
    """The YAML files under `root` (`tracked_yaml_files`), named from the current folder, to
    look for the org that includes a part among; a folder the walk cannot list is said in a
    warning on stderr, once a folder (its org files cannot be found)."""
    unlisted: list[OSError] = []
    here = os.path.abspath(root)
    names = [os.path.relpath(os.path.join(here, name))
             for name in tracked_yaml_files(root, unlisted)]
    _say_unlisted(unlisted, "the org file that includes a part")
    return names


def _say_unlisted(errors: Iterable[OSError], sought: str) -> None:
    """A warning on stderr for each folder a walk could not list (`errors`), once a folder
    for the process (`_WARNED_UNLISTED`):
    `orgviz: warning: orgs/sub: cannot read: Permission denied (not searched for SOUGHT)`."""
    from orgviz.problem import one_line

    for error in errors:
        folder = _plain(os.fsdecode(error.filename))
        if _key(folder) not in _WARNED_UNLISTED:
            _WARNED_UNLISTED.add(_key(folder))
            print(one_line(f"orgviz: warning: {folder}: cannot read: "
                           f"{error.strerror or error} (not searched for {sought})"),
                  file=sys.stderr)


@dataclass
class Selection:
    """What to check: top org files in order, and the given files that were skipped."""

    orgs: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    #: (`hook_selection`) the org files checked because the project configuration changed
    config_orgs: list[str] = field(default_factory=list)
    #: (`hook_selection`) whether the files given were only pyproject.toml files that are
    #: not the configuration: nothing of orgviz's, nothing to say
    none_of_ours: bool = False


def _key(path: str) -> str:
    """What tells files apart: the path resolved (symlinks, `..`), case folded where the
    system ignores case; the path as given where it cannot be resolved."""
    try:
        return os.path.normcase(os.path.realpath(path))
    except (OSError, ValueError):  # (a NUL in the path: the reader says so)
        return path


def file_key(path: str) -> str:
    """What tells files apart, for counting the files a command read (see `_key`)."""
    return _key(path)


def _parents(candidates: Iterable[str]) -> dict[str, list[str]]:
    """For every file named in some candidate's `include:`, the candidates that include it."""
    parents: dict[str, list[str]] = {}
    for candidate in candidates:
        base = os.path.dirname(candidate)
        for item in includes_of(candidate):
            child = _key(os.path.join(base, item))
            parents.setdefault(child, []).append(candidate)
    return parents


def _tops_of(part: str, parents: dict[str, list[str]], kinds: dict[str, Kind]) -> list[str]:
    """The top org files that include `part`, directly or through other parts."""
    tops: list[str] = []
    seen = {_key(part)}
    pending = [part]
    while pending:
        current = pending.pop()
        for parent in parents.get(_key(current), []):
            key = _key(parent)
            if key in seen:
                continue
            seen.add(key)
            kind = kinds.setdefault(key, file_kind(parent))
            if kind == "org":
                tops.append(parent)
            elif kind == "part":
                pending.append(parent)
    return sorted(tops)


def including_orgs(parts: Sequence[str], given: Sequence[str] = ()) -> dict[str, list[str]]:
    """For each of the files `parts`, the top org files that include it (directly or through
    other parts), looked for as a folder's parts are (`orgs_in_folder`): among `given` and the
    YAML files of the part's git repository; outside git, among those under the current
    folder (as a hook looks) when the part is in it. [] when no org includes it (or for -)."""
    parents: dict[str | None, dict[str, list[str]]] = {}  # (each repository listed once)
    roots: dict[str, str | None] = {}  # (git asked once a folder)
    kinds: dict[str, Kind] = {}
    found: dict[str, list[str]] = {}
    for part in parts:
        if part == STDIN:
            found[part] = []
            continue
        folder = os.path.dirname(part) or "."
        if folder not in roots:
            roots[folder] = _repository_of(folder)
        root = roots[folder]
        if root is None and _in_current_folder(part):
            root = "."
        if root not in parents:
            parents[root] = _parents(_candidates(given, root))
        tops = _tops_of(part, parents[root], kinds)
        found[part] = [os.path.abspath(top) for top in tops] if os.path.isabs(part) else tops
    return found


def _candidates(given: Sequence[str], root: str | None) -> list[str]:
    """The files that may include a part: `given`, then the YAML files under `root` (named
    from the current folder), each once."""
    names = [path for path in given if path != STDIN]
    if root is not None:
        names += _searched_yaml_files(root)
    candidates: dict[str, str] = {}
    for name in names:
        candidates.setdefault(_key(name), name)
    return list(candidates.values())


def relative_inside(path: str) -> str | None:
    """`path` relative to the current folder, normalised, when it is under it (as its path
    says, links not followed); else None."""
    try:
        relative = os.path.relpath(os.path.abspath(path))
    except ValueError:  # (another drive, on Windows)
        return None
    inside = relative != os.pardir and not relative.startswith(os.pardir + os.sep)
    return relative if inside else None


def _in_current_folder(path: str) -> bool:
    """Whether `path` is under the current folder (`relative_inside`)."""
    return relative_inside(path) is not None


def select_orgs(files: Sequence[str], root: str | os.PathLike[str] = ".",
                listed: Sequence[str] | None = None) -> Selection:
    """Map the files a hook is given to the top org files to check (each once, in order).

    Non-org YAML is skipped. A part of a split org is replaced by the org files that include
    it, looked for among `files` and the YAML files tracked under `root` (`listed`, where the
    caller listed them already, named from the current folder: a folder is walked once); a
    part that no org includes is checked on its own (and so reported as lacking an `org:`
    header).
    """
    selection = Selection()
    kinds: dict[str, Kind] = {}
    parts: list[str] = []
    chosen: dict[str, str] = {}
    for path in files:
        kind = kinds.setdefault(_key(path), file_kind(path))
        if kind == "other":
            selection.skipped.append(path)
        elif kind == "part":
            parts.append(path)
        else:
            chosen.setdefault(_key(path), path)
    if parts:
        tracked = _searched_yaml_files(root) if listed is None else listed
        candidates: dict[str, str] = {}
        for name in (*files, *tracked):
            key = _key(name)
            if key not in candidates and kinds.get(key) != "other":
                candidates[key] = name
        parents = _parents(candidates.values())
        for part in parts:
            for top in _tops_of(part, parents, kinds) or [part]:
                chosen.setdefault(_key(top), top)
    selection.orgs = list(chosen.values())
    return selection


#: The file names of a project configuration (config.CONFIG_FILES; importing it would import
#: the model): a pyproject.toml is never an org file.
PYPROJECT = "pyproject.toml"


def hook_selection(files: Sequence[str], config_source: str | None) -> Selection:
    """`select_orgs` for a hook, where the project configuration in use (`config_source`:
    `.orgviz.yaml`, the pyproject.toml with [tool.orgviz], or --config's file) among `files`
    stands for every org file of the repository (`repository_orgs`), which go to
    `config_orgs` where not selected already. Another pyproject.toml is left out."""
    config_key = _key(config_source) if config_source else None
    rest: list[str] = []
    changed = False
    for path in files:
        if path != STDIN and config_key is not None and _key(path) == config_key:
            changed = True
        elif path == STDIN or os.path.basename(path) != PYPROJECT:
            rest.append(path)
    selection = select_orgs(rest)
    selection.none_of_ours = bool(files) and not rest and not changed
    if changed:
        chosen = {_key(path) for path in selection.orgs}
        selection.config_orgs = [path for path in repository_orgs()
                                 if _key(path) not in chosen]
    return selection


def repository_orgs(folder: str = ".") -> list[str]:
    """Every org file under `folder` as folder mode finds them (`orgs_in_folder`: the YAML
    files git knows, a walk outside git), named relative to the current folder; [] if none.
    A folder the walk cannot list is said in a warning (`_say_unlisted`)."""
    unlisted: list[OSError] = []
    try:
        return [os.path.normpath(path) for path in orgs_in_folder(folder, unlisted)]
    except NoOrgInFolderError:
        return []
    finally:
        _say_unlisted(unlisted, "the org files the changed configuration applies to")


def orgs_in_folder(folder: str, unlisted: list[OSError] | None = None) -> list[str]:
    """The org files to check in a folder, as `select_orgs` picks them from the YAML files
    git tracks there (and untracked ones it does not ignore; every YAML file below it, hidden
    folders aside, outside git): other YAML skipped, the parts of a split org checked as the
    whole org (found in the folder's git repository, or in the folder outside git).
    NoOrgInFolderError when none is left (none where `unlisted` gets a subfolder's error:
    see `tracked_yaml_files`)."""
    shown = _plain(folder)
    names = [name if shown == os.curdir else os.path.join(shown, name)
             for name in tracked_yaml_files(folder, unlisted)]
    root = _repository_of(folder) or folder
    # (outside git the parts' orgs are looked for in the folder: listed, and its unlisted
    # folders said, already)
    found = select_orgs(names, root, names if root == folder else None).orgs
    if os.path.isabs(folder):  # (an org found elsewhere in the repository: shown as the folder is)
        found = [path if os.path.isabs(path) else os.path.abspath(path) for path in found]
    if not found and not unlisted:
        reason = _unlisted(folder)
        raise NoOrgInFolderError(folder, f"{folder}: cannot read: {reason}" if reason else
                                 f"{folder}: no org file in this folder (a YAML file with a "
                                 "top-level 'orgviz:' key)")
    return found


def _plain(folder: str) -> str:
    """A folder's path as the files found in it are named: normalised (`.` and `./orgs/`
    as `.` and `orgs`, so that a file below reads `orgs/acme.yaml` as an org found including
    a part does), where that names the same folder (`link/..` is left as it is)."""
    plain = os.path.normpath(folder)
    return plain if plain == folder or _key(plain) == _key(folder) else folder


def _unlisted(folder: str) -> str | None:
    """Why a folder cannot be listed (`Permission denied`), or None when it can: a folder
    the user cannot read shows no org file, and saying it holds none would mislead."""
    try:
        with os.scandir(folder):
            return None
    except OSError as exc:
        return exc.strerror or str(exc)


def _repository_of(folder: str) -> str | None:
    """The top folder of the git repository a folder is in, or None (no git, or not in one)."""
    result = _run_git(["rev-parse", "--show-toplevel"], folder)
    if result is None:
        return None
    top = os.fsdecode(result.stdout).strip()
    return top if result.returncode == 0 and top else None


#: The repositories git refused (dubious ownership) that a warning was printed for.
_WARNED_REFUSALS: set[str] = set()


def _run_git(args: list[str], folder: str | os.PathLike[str]
             ) -> subprocess.CompletedProcess[bytes] | None:
    """`git ARGS` run in `folder`, its output captured (git's messages in English); None
    when git cannot run. When git refuses the repository (another user owns it: dubious
    ownership), a warning says so on stderr, once a repository: the folder is then read as
    one outside git is (every YAML file in it, .gitignore not applied)."""
    import subprocess  # (only when git is asked: not at every hook's start)

    from orgviz.gitrefusal import run_git

    try:
        result = run_git(args, folder)
    except (OSError, subprocess.SubprocessError):
        return None
    if result.returncode != 0:
        from orgviz.gitrefusal import git_refusal
        from orgviz.problem import one_line

        refusal = git_refusal(result.stderr)
        if refusal is not None and refusal.repository not in _WARNED_REFUSALS:
            _WARNED_REFUSALS.add(refusal.repository)
            print(one_line(f"orgviz: warning: git refuses the repository "
                           f"'{refusal.repository}' (detected dubious ownership: another user "
                           "owns it), so .gitignore is not applied: YAML files it ignores are "
                           f"read too; to trust the repository: {refusal.fix}"),
                  file=sys.stderr)
    return result


def _unlisted_error(error: OSError) -> NoOrgInFolderError:
    """The error for a folder inside a folder given that cannot be listed (`tree/sub: cannot
    read: Permission denied`), said as that of a file that cannot be read is."""
    folder = _plain(os.fsdecode(error.filename))
    return NoOrgInFolderError(folder, f"{folder}: cannot read: {error.strerror or error}")


def expand_folders(paths: Sequence[str]) -> list[str]:
    """The paths given, each folder among them replaced by `orgs_in_folder`'s files (then a
    file named twice is kept once); NoOrgInFolderError for a folder without org files, or
    one holding a folder that cannot be listed (as for a file given that cannot be read)."""
    if not any(path != STDIN and os.path.isdir(path) for path in paths):
        return list(paths)
    expanded: dict[str, str] = {}
    for path in paths:
        if path != STDIN and os.path.isdir(path):
            unlisted: list[OSError] = []
            for found in orgs_in_folder(path, unlisted):
                expanded.setdefault(_key(found), found)
            if unlisted:
                raise _unlisted_error(unlisted[0])
        else:
            expanded.setdefault(_key(path) if path != STDIN else STDIN, path)
    return list(expanded.values())



def stdin_given_twice(paths: Sequence[str]) -> OrgvizError | None:
    """The error for `-` given twice among `paths`, or None: standard input is read once, and
    a command that took a second `-` would report on the first before failing on it."""
    if sum(path == STDIN for path in paths) < 2:
        return None
    return OrgvizError("- is given twice: standard input is read once; give - once")


def given_twice(paths: Sequence[str]) -> OrgvizError | None:
    """The error for the first of `paths` that names a file named before it (resolved:
    `a.yaml` and `./a.yaml` are one file), or `-` given twice (`stdin_given_twice`), or None;
    render, deck, roles and stats, which report on each file, refuse it."""
    twice = stdin_given_twice(paths)
    if twice is not None:
        return twice
    seen: dict[str, str] = {}
    for path in paths:
        if path == STDIN:
            continue
        key = _key(path)
        if key in seen:
            earlier = seen[key]
            same = _spelt_alike(earlier, path)
            return OrgvizError(f"{path} is given twice{'' if same else f' (as {earlier})'}: "
                               "give each org file once")
        seen[key] = path
    return None


def _spelt_alike(one: str, other: str) -> bool:
    """Whether two paths name one file without a symlink between them (`a` and `./a`)."""
    return os.path.normpath(os.path.abspath(one)) == os.path.normpath(os.path.abspath(other))


def expand_every(paths: Sequence[str]) -> tuple[list[str], dict[str, NoOrgInFolderError]]:
    """The paths as `expand_folders` expands them, for a command that reports on every path
    it is given (validate): each file once, at its first place, even where no folder is
    given (`a.yaml ./a.yaml`, pre-commit's overlapping paths; `-` kept each time: see
    `stdin_given_twice`); a folder without org files kept in its place, with its
    NoOrgInFolderError in the dict, rather than raised before the other paths are read; so
    is each folder below a folder given that cannot be listed (`lockdir/sub: cannot read:
    Permission denied`), after the files found."""
    expanded: dict[str, str] = {}
    empty: dict[str, NoOrgInFolderError] = {}
    for index, path in enumerate(paths):
        if path == STDIN:
            expanded[f"\0{index}"] = path  # (no path holds a NUL: a key of its own)
            continue
        found = [path]
        if os.path.isdir(path):
            unlisted: list[OSError] = []
            try:
                found = orgs_in_folder(path, unlisted)
            except NoOrgInFolderError as exc:
                empty.setdefault(path, exc)
            for error in unlisted:
                unreadable = _unlisted_error(error)
                empty.setdefault(unreadable.folder, unreadable)
                found.append(unreadable.folder)
        for name in found:
            expanded.setdefault(_key(name), name)
    return list(expanded.values()), empty
