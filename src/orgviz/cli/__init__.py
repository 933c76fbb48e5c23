"""The `orgviz` command line: a click group; each command lives in its own module."""

from __future__ import annotations

import atexit
import contextlib
import errno
import gc
import importlib
import io
import os
import signal
import sys
import threading
import time
from types import FrameType
from typing import Any, NoReturn

import click

from orgviz import __version__
from orgviz.cli import common
from orgviz.entry import INTERRUPTED, stop_on_signals
from orgviz.errors import Interrupted
from orgviz.problem import one_line

#: The exit status when stdout is a pipe its reader closed (`orgviz export ... | head`):
#: 128 + SIGPIPE, the status of a program the closed pipe ended (`git log | head`).
EXIT_BROKEN_PIPE = 141


class _LazyGroup(click.Group):
    """A click group whose commands are imported when used (or listed by --help), so that
    `orgviz render` does not import the code of every other command."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.lazy: dict[str, str] = {}  # command name -> module with a `command` object

    def lazy_command(self, name: str, module: str) -> None:
        self.lazy[name] = module

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*self.commands, *self.lazy})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in self.commands and cmd_name in self.lazy:
            self.add_command(importlib.import_module(self.lazy[cmd_name]).command, cmd_name)
        return super().get_command(ctx, cmd_name)

    def resolve_command(self, ctx: click.Context, args: list[str]
                        ) -> tuple[str | None, click.Command | None, list[str]]:
        try:
            name, command, rest = super().resolve_command(ctx, args)
        except click.exceptions.NoSuchCommand:  # suggest from every command, loaded or not
            raise click.exceptions.NoSuchCommand(
                str(args[0]), possibilities=self.list_commands(ctx), ctx=ctx) from None
        ctx.meta["orgviz.command_path"] = f"{ctx.command_path} {name}"  # (for invoke)
        return name, command, rest

    def make_context(self, info_name: str | None, args: list[str],
                     parent: click.Context | None = None, **extra: Any) -> click.Context:
        with common.usage_errors_on_one_line():
            return super().make_context(info_name, args, parent, **extra)

    def invoke(self, ctx: click.Context) -> Any:
        # (a command's own options and arguments: named by the command resolve_command found)
        with common.usage_errors_on_one_line(
                lambda: ctx.meta.get("orgviz.command_path", ctx.command_path)):
            return super().invoke(ctx)


@click.group(cls=_LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="orgviz")
def main() -> None:
    """Org charts as code: validate YAML org files and draw them."""


def _register() -> None:
    for name in ("validate", "schema", "import", "export", "stats", "roles", "diff", "render",
                 "deck"):
        main.lazy_command(name, f"orgviz.cli.{name}_cmd")


_register()


def run() -> NoReturn:
    """The `orgviz` program: the command line, then a quick end of the process.

    When the command is done, output is flushed and the exit handlers run (they stop
    Graphviz processes nobody waited for) as at any exit; then the process ends without the
    interpreter's teardown, which would free the org's and the chart's objects one by one
    (~5 ms per 1,000 people drawn) only for the system to take the memory back anyway.

    The cyclic garbage collector is off for the whole process. What a command makes is freed
    by reference counting (rendering every example org leaves no cyclic garbage), so a
    collection would only walk the live org and chart: commands that pause the collector
    while they work found that the first collection after turning it back on walks all of
    them (~5 ms per 1,000 people at the end of `orgviz render`).

    Ctrl-C, SIGTERM and SIGHUP stop the command with one line, `orgviz: interrupted`, and
    status 128 + the signal's number (130, 143, 129), once it has cleaned up: no output file
    is left half-written (see io.files). A stdout whose reader has gone (`| head`) ends it
    quietly, status 141.
    """
    gc.disable()
    _closed_streams_held()
    _printable_anywhere()
    common.ENDS_QUICKLY = True  # commands may leave their results to the end (keep_until_exit)
    sys.unraisablehook = _lost_interrupt
    try:
        stop_on_signals(_interrupt)
        status = _command_status()
        stop_on_signals(signal.SIG_IGN)  # (the command is done: its end is not cut short)
    except Interrupted as exc:  # (from the command, or as it returned)
        stop_on_signals(signal.SIG_IGN)
        _say(INTERRUPTED)
        status = 128 + exc.signum
    status = _flushed(status)
    atexit._run_exitfuncs()
    os._exit(status)


def _pacified(stream: object) -> bool:
    """Whether click swapped the stream for its flush-pacifying wrapper after a broken pipe
    (by name: `click.utils.PacifyFlushWrapper` is deprecated from click 8.5, with a warning,
    and goes in 9.0; the class is `_PacifyFlushWrapper` there)."""
    return type(stream).__name__ in ("PacifyFlushWrapper", "_PacifyFlushWrapper")


def _command_status() -> int:
    """Run the command line; its exit status, its errors said on stderr in one line."""
    try:
        main()
        code: object = 0
    except SystemExit as exc:
        code = exc.code
        if _pacified(sys.stdout):  # (click's broken pipe)
            return EXIT_BROKEN_PIPE
    except BrokenPipeError:  # `orgviz export ... | head`: the reader has what it wanted
        return EXIT_BROKEN_PIPE
    except OSError as exc:  # output that cannot be written (stdout on a full disk)
        if exc.filename is None:
            _cannot_write(exc)
        else:  # (a file's error no command foresaw: the file is named, not "the output")
            _say(one_line(f"orgviz: {_file_of(exc.filename)}: {exc.strerror or exc}"))
        return 2
    return _exit_status(code)


def _flushed(status: int) -> int:
    """Flush stdout and stderr; the exit status once they are (an error there changes it)."""
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except BrokenPipeError:  # a closed pipe (`orgviz ... | head`): the output is cut
            status = status if status > 128 else EXIT_BROKEN_PIPE
        except (OSError, ValueError) as exc:
            if stream is sys.stdout and isinstance(exc, OSError) and status != 2:
                _cannot_write(exc)
                status = 2
            else:
                status = status or 1
    return status


def _interrupt(signum: int, frame: FrameType | None) -> None:
    """Stop the command: raise Interrupted where it is, so that it cleans up as it unwinds
    (a temporary output file removed, Graphviz stopped); a signal that comes while that
    cleanup handles the first one is ignored, so that it is not cut short in its turn."""
    if not isinstance(sys.exc_info()[1], Interrupted):
        raise Interrupted(signum)


def _lost_interrupt(unraisable: Any) -> None:
    """Send again a signal whose Interrupted was raised where it cannot propagate (a fork
    handler of `logging`, a `__del__`) and was dropped, so that the command still stops;
    print any other such error as Python does."""
    if isinstance(unraisable.exc_value, Interrupted):
        threading.Thread(target=_send_again, args=(unraisable.exc_value.signum,),
                         daemon=True).start()
    else:
        sys.__unraisablehook__(unraisable)


def _send_again(signum: int) -> None:
    """Send `signum` to this process a moment later (once the code that dropped it is left)."""
    time.sleep(0.02)
    os.kill(os.getpid(), signum)


def _say(line: str) -> None:
    """Print a line on stderr, if it still takes it."""
    with contextlib.suppress(OSError, ValueError):
        sys.stderr.write(line + "\n")
        sys.stderr.flush()


class _ClosedOutput(io.RawIOBase):
    """The stdout of a process started with it closed (`orgviz ... >&-`): writes fail."""

    def writable(self) -> bool:
        return True

    def write(self, data: Any) -> int:
        raise OSError(errno.EBADF, "Bad file descriptor")


def _closed_streams_held() -> None:
    """A standard stream the process was started without (`>&-`, `2>&-`; Python makes it
    None, and printing to it was a traceback) is opened on /dev/null, so that no file opened
    later takes its number; stdout then fails as closed (exit 2 and a line on stderr, not
    output lost with status 0)."""
    for descriptor, name in enumerate(("stdin", "stdout", "stderr")):
        if getattr(sys, name) is not None:
            continue
        try:
            os.fstat(descriptor)
        except OSError:
            held = os.open(os.devnull, os.O_RDWR)  # (the lowest free number: this one)
            if held != descriptor:
                os.dup2(held, descriptor)
                os.close(held)
        if name == "stdout":
            stream: Any = io.TextIOWrapper(io.BufferedWriter(_ClosedOutput()),
                                           encoding="utf-8")
        else:
            stream = open(descriptor, "r" if name == "stdin" else "w",  # noqa: SIM115
                          encoding="utf-8", closefd=False)
        setattr(sys, name, stream)


def _printable_anywhere() -> None:
    """Text a strict stdout or stderr cannot encode is printed as backslash escapes, not a
    traceback: a file name that is not UTF-8 (lone surrogates as Python reads it: `orgviz
    render` prints the chart's path) on a UTF-8 terminal, an emoji on a Latin-1 one. (In the
    C and C.UTF-8 locales Python already writes such a name's own bytes.)"""
    for stream in (sys.stdout, sys.stderr):
        if getattr(stream, "errors", None) == "strict":
            with contextlib.suppress(AttributeError, ValueError, OSError):
                # (a TextIO: reconfigure is TextIOWrapper's; others raise AttributeError)
                stream.reconfigure(errors="backslashreplace")  # type: ignore[union-attr]


def _file_of(name: object) -> str:
    """An OSError's file as a message names it (a path's text, or a descriptor's number)."""
    return os.fsdecode(name) if isinstance(name, (str, bytes, os.PathLike)) else str(name)


def _cannot_write(exc: OSError) -> None:
    """Say on stderr (if it still takes it) that the output could not be written."""
    _say(f"orgviz: cannot write the output: {exc.strerror or exc}")


def _exit_status(code: object) -> int:
    """The status `sys.exit(code)` ends with (a message is printed, and is status 1)."""
    if code is None:
        return 0
    if isinstance(code, int):
        return code & 0xFF
    print(code, file=sys.stderr)
    return 1


if __name__ == "__main__":  # pragma: no cover
    run()
