"""--compact's values, said alike by the command line and the API: a whole number below 1
says "at least 1" (RenderOptions(compact="0") said "unknown --compact '0'", as the command
did until a CLI-only check, now gone, made it say "at least 1"); only ASCII digits make a
number (`--compact ²` ended in a traceback: str.isdigit() takes '²', int() does not)."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from orgviz.cli import main
from orgviz.errors import RenderError
from orgviz.render import RenderOptions, render
from orgviz.render.pipeline import RenderOptionTypeError
from orgviz.render.tidylayout import MANY_ROWS, verify_compact

SOLO = ("orgviz: 1\norg: {name: Solo, size: small}\npeople:\n"
        "  - {id: a, name: Sol O, title: Founder}\n")
BELOW_ONE = "compact (--compact) must be auto, off or at least 1, not "
UNKNOWN = "unknown compact (--compact) {!r}: use auto, off or a number of rows such as 3"

CASES = [
    ("0", BELOW_ONE + "0"),
    ("-2", BELOW_ONE + "-2"),
    (" 00", BELOW_ONE + "0"),
    ("+0", BELOW_ONE + "0"),
    ("-0", BELOW_ONE + "0"),
    ("-" + "9" * 5000, BELOW_ONE + "-" + "9" * 5000),  # (int() refuses its text)
    ("²", UNKNOWN.format("²")),  # (a digit to str.isdigit(), not to int())
    ("٣", UNKNOWN.format("٣")),  # (Arabic-Indic 3: int() reads it; the command line is ASCII)
    ("3.0", UNKNOWN.format("3.0")),
    ("1_0", UNKNOWN.format("1_0")),
    ("wide", UNKNOWN.format("wide")),
]


@pytest.mark.parametrize(("value", "message"), CASES)
def test_the_api_says_what_compact_takes(value: str, message: str) -> None:
    with pytest.raises(RenderError) as caught:
        RenderOptions(compact=value).verified()
    assert str(caught.value) == message


@pytest.mark.parametrize(("value", "message"), CASES[:3] + CASES[6:9])
def test_the_command_line_says_the_same(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                        value: str, message: str) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "solo.yaml").write_text(SOLO, encoding="utf-8")
    result = CliRunner().invoke(main, ["render", "solo.yaml", "--compact", value, "-o",
                                       "x.svg"])
    assert (result.exit_code, result.output) == (2, f"orgviz: {message}\n")
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert not (tmp_path / "x.svg").exists()


@pytest.mark.parametrize(("value", "message"), [
    (0, BELOW_ONE + "0"), (-2, BELOW_ONE + "-2"),
    pytest.param(-10**5000, BELOW_ONE + "a number below -10**18", id="-10**5000"),
])
def test_whole_numbers_below_one(value: int, message: str) -> None:
    with pytest.raises(RenderError) as caught:
        verify_compact(value)
    assert str(caught.value) == message


@pytest.mark.parametrize("value", [True, 2.5, None, ["2"]])
def test_a_compact_of_the_wrong_type_is_a_type_error(value: object) -> None:
    with pytest.raises(RenderOptionTypeError) as caught:
        RenderOptions(compact=value).verified()  # type: ignore[arg-type]
    assert str(caught.value) == (f"compact (--compact) must be auto, off or a whole number "
                                 f"of rows (such as 3), not {value!r}")
    assert isinstance(caught.value, TypeError)


@pytest.mark.parametrize(("value", "rows"), [("3", 3), (" +3 ", 3), ("007", 7), (2, 2),
                                             ("9" * 5000, MANY_ROWS), (" OFF", "off")])
def test_compact_values_taken(value: str | int, rows: str | int) -> None:
    assert verify_compact(value) == rows


@given(st.text(max_size=8) | st.text("0123456789+- ²³٣৩₃offautOFF", max_size=6))
def test_any_text_is_a_setting_or_a_render_error(text: str) -> None:
    """Never another exception: '²', '٣', '1_0' and the like are refused by name."""
    try:
        taken = verify_compact(text)
    except RenderError as exc:
        assert str(exc).startswith((BELOW_ONE, "unknown compact (--compact) "))
        return
    assert taken in ("auto", "off") or (isinstance(taken, int) and taken >= 1
                                        and text.strip().lstrip("+").isascii())


def test_a_number_draws_the_same_chart_as_its_text() -> None:
    from orgviz.loader import load

    org = load(Path(__file__).parents[2] / "orgs" / "small.yaml")
    assert render(org, "svg", RenderOptions(compact="+2")) == \
        render(org, "svg", RenderOptions(compact=2))
