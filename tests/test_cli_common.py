"""cli.common's small pieces that every command uses."""

from __future__ import annotations

from pathlib import Path

import pytest

from orgviz.cli.common import note


@pytest.mark.parametrize("where", ["out\n.svg", Path("out\n.svg")])
def test_note_is_one_line_naming_where(where: str | Path,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    note(where, "a card\nwas cut")
    captured = capsys.readouterr()
    assert (captured.out, captured.err) == ("", "orgviz: out\\u000A.svg: a card\\u000Awas cut\n")
