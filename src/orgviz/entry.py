"""The `orgviz` program's first code: Ctrl-C stops it quietly even while it is starting.

The console script and `python -m orgviz` start here, not in `orgviz.cli`, so that the
signals that stop a command are handled before click and the command line are imported
(~30 ms, where a Ctrl-C was a KeyboardInterrupt traceback). Beyond what the `orgviz`
package has loaded, this module imports only `signal` (not typing or contextlib), which the
command line imports anyway: the program starts no later for it.
"""

from __future__ import annotations

import os
import signal
import sys

TYPE_CHECKING = False  # (not typing's: importing typing here would delay the handlers)

if TYPE_CHECKING:
    from collections.abc import Callable
    from types import FrameType
    from typing import NoReturn

#: The signals that stop a command: the status is 128 + the signal's number (130 for Ctrl-C).
STOPPING = tuple(getattr(signal, name) for name in ("SIGINT", "SIGTERM", "SIGHUP")
                 if hasattr(signal, name))
#: What a stopped command says on stderr.
INTERRUPTED = "orgviz: interrupted"


def run() -> NoReturn:
    """The `orgviz` program: stopping on signals from now on, then `orgviz.cli.run`."""
    stop_on_signals(_stopped_starting)
    from orgviz.cli import run as command_line

    command_line()


def stop_on_signals(handler: Callable[[int, FrameType | None], object] | signal.Handlers
                    ) -> None:
    """Handle Ctrl-C, SIGTERM and SIGHUP with `handler` (a function, or SIG_IGN); a signal
    the process was started ignoring stays ignored (`nohup orgviz ...` goes on when the
    terminal closes, as does a command a shell script runs in the background on Ctrl-C)."""
    for signum in STOPPING:
        try:
            if signal.getsignal(signum) is not signal.SIG_IGN:
                signal.signal(signum, handler)
        except (OSError, ValueError):  # (ValueError: not the main thread)
            pass


def _stopped_starting(signum: int, frame: FrameType | None) -> None:
    """End the process at once, with the line and status of a stopped command: nothing has
    been written yet (`orgviz.cli.run` handles the signals its own way once it runs)."""
    if sys.stderr is not None:  # (None: started with stderr closed)
        try:  # noqa: SIM105 (contextlib is not imported yet: a few ms)
            os.write(2, f"{INTERRUPTED}\n".encode())
        except OSError:
            pass
    os._exit(128 + signum)
