"""`orgviz stats` on orgs whose shape numbers once misled: the span median's JSON type, an
org with a reporting cycle or a manager who is not in it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from orgviz.cli import main

HEAD = "orgviz: 1\norg: {name: C, size: small}\npeople:\n"


def _stats(tmp_path: Path, people: str, *args: str) -> tuple[int, str, str]:
    """Exit status, stdout and stderr of `orgviz stats` of an org with these people."""
    path = tmp_path / "org.yaml"
    path.write_text(HEAD + people, encoding="utf-8")
    result = CliRunner().invoke(main, ["stats", str(path), *args])
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.parametrize(("people", "median"), [
    # spans 1, 1 and 1: a whole median (of an odd count, which statistics gives as an int)
    ("  - {id: ceo, name: A, title: CEO}\n"
     "  - {id: vp, name: B, title: VP Engineering, reports_to: ceo}\n"
     "  - {id: m, name: M, title: Engineering Manager, reports_to: vp}\n"
     "  - {id: e, name: C, title: Engineer, reports_to: m}\n", 1.0),
    # spans 2 and 1: a half
    ("  - {id: ceo, name: A, title: CEO}\n"
     "  - {id: vp, name: B, title: VP Engineering, reports_to: ceo}\n"
     "  - {id: vp2, name: D, title: VP Sales, reports_to: ceo}\n"
     "  - {id: e, name: C, title: Engineer, reports_to: vp}\n", 1.5),
])
def test_span_median_is_a_float_in_json_always(tmp_path: Path, people: str,
                                               median: float) -> None:
    code, out, _err = _stats(tmp_path, people, "--json")
    assert code == 0
    span = json.loads(out)["span_of_control"]
    assert type(span["median"]) is float and span["median"] == median
    assert type(span["min"]) is int and type(span["max"]) is int
    text = _stats(tmp_path, people)[1]  # (the table shows 1, not 1.0)
    assert f"span min / median / max  1 / {median:g} / " in text
