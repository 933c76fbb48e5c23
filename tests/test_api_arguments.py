"""Arguments of the wrong type are refused before any work with a message that says what
the function takes: they raised AttributeError or TypeError from deep inside ('rule_settings',
'verified', "'str' object has no attribute 'level'", "'>' not supported"), or were taken as
something else (transparent="no" drew a transparent chart)."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import orgviz
from orgviz.errors import OrgLoadError, RenderError
from orgviz.model import shown_argument
from orgviz.render.pipeline import RenderOptionTypeError

SMALL = Path(__file__).parents[1] / "orgs" / "small.yaml"
BROKEN = ("orgviz: 1\norg: {name: B, size: small}\npeople:\n"
          "  - {id: ceo, name: Ada, title: CEO}\n"
          "  - {id: cto, name: Bo, title: CTO, reports_to: nobody}\n")
CONFIG_HINT = "must be a Config (orgviz.load_config() or orgviz.load_config(path)) or None"


@pytest.fixture(scope="module")
def org() -> orgviz.Org:
    return orgviz.load(SMALL)


@pytest.fixture
def broken(tmp_path: Path) -> orgviz.Org:
    """An org with a validation error (a manager who is not in it) at broken.yaml:5."""
    path = tmp_path / "broken.yaml"
    path.write_text(BROKEN, encoding="utf-8")
    return orgviz.load(path)


@pytest.mark.parametrize(("config", "shown"), [("cfg.yaml", "'cfg.yaml' (str)"),
                                               ({}, "{} (dict)"), (5, "5 (int)")])
def test_validate_and_compute_stats_take_a_config(org: orgviz.Org, config: object,
                                                   shown: str) -> None:
    for function, call in (("validate", orgviz.validate), ("compute_stats",
                                                             orgviz.compute_stats)):
        with pytest.raises(TypeError) as caught:
            call(org, config)  # type: ignore[arg-type]
        assert str(caught.value) == f"orgviz.{function}()'s config {CONFIG_HINT}, not {shown}"


def test_a_config_made_by_load_config_is_taken(org: orgviz.Org, tmp_path: Path) -> None:
    path = tmp_path / ".orgviz.yaml"
    path.write_text("rules:\n  span-of-control: {max: 1}\n", encoding="utf-8")
    config = orgviz.load_config(path)
    assert any(p.rule == "span-of-control" for p in orgviz.validate(org, config))
    assert orgviz.compute_stats(org, config)["span_of_control"]["limit"] == 1


@pytest.mark.parametrize(("arguments", "message"), [
    ({"options": {"theme": "dark"}},
     "orgviz.render()'s options must be a RenderOptions (such as "
     "orgviz.RenderOptions(theme='dark')) or None, not {'theme': 'dark'} (dict)"),
    ({"problems": "x"}, "orgviz.render()'s problems must be a list of Problems (what "
                        "orgviz.validate(org) returns) or None, not 'x' (str)"),
    ({"problems": [("a.yaml", 1, 1, "error", "x", "y")]},
     "orgviz.render()'s problems must be a list of Problems (what orgviz.validate(org) "
     "returns) or None, not [('a.yaml', 1, 1, 'error', 'x', 'y')] (list)"),
    ({"check": "x"}, "orgviz.render()'s check must be a function returning the org's "
                     "problems, or None, not 'x' (str)"),
    ({"force": "no"}, "orgviz.render()'s force must be True or False, not 'no' (str)"),
    ({"notes": ()}, "orgviz.render()'s notes must be a list (notes are appended to it) or "
                    "None, not () (tuple)"),
])
def test_render_arguments_of_the_wrong_type(broken: orgviz.Org, arguments: dict[str, Any],
                                            message: str) -> None:
    """Checked before validation: the org's errors are not what is reported."""
    with pytest.raises(TypeError) as caught:
        orgviz.render(broken, "svg", **arguments)
    assert str(caught.value) == message


@pytest.mark.parametrize(("options", "message"), [
    ({"timeout": "x"}, "timeout must be a number of seconds, not 'x'"),
    ({"timeout": True}, "timeout must be a number of seconds, not True"),
    ({"font": 5}, "font must be a string such as 'Inter, sans-serif', not 5"),
    ({"fit": 5}, "fit (--fit) must be a string such as '16:9', not 5"),
    ({"transparent": "no"}, "transparent must be True or False, not 'no'"),
    ({"transparent": 0}, "transparent must be True or False, not 0"),
    ({"theme": ["light"]},  # (was a bare "unhashable type: 'list'")
     "unknown theme (--theme) ['light']: use one of light, dark, print, high-contrast"),
    ({"direction": None}, "unknown direction (--direction) None: use one of TB, LR"),
])
def test_render_options_of_the_wrong_type(broken: orgviz.Org, options: dict[str, Any],
                                          message: str) -> None:
    """A RenderError (as a bad value is) that is a TypeError, raised before validation."""
    with pytest.raises(RenderOptionTypeError) as caught:
        orgviz.render(broken, "svg", orgviz.RenderOptions(**options))
    assert str(caught.value) == message
    assert isinstance(caught.value, TypeError) and isinstance(caught.value, RenderError)


def test_a_bad_timeout_or_font_is_refused_before_validation(broken: orgviz.Org) -> None:
    """An unknown font was found when the chart was built, after the org's errors."""
    with pytest.raises(RenderError) as caught:
        orgviz.render(broken, "svg", orgviz.RenderOptions(timeout=-1))
    assert str(caught.value) == "timeout must be positive, not -1"
    with pytest.raises(RenderError) as caught:
        orgviz.render(broken, "svg", orgviz.RenderOptions(font="Comic Zans"))
    assert str(caught.value).startswith("unknown font 'Comic Zans' in font: use font "
                                        "families")
    with pytest.raises(OrgLoadError) as refused:  # (good options: the org's error)
        orgviz.render(broken, "svg", orgviz.RenderOptions(font="Inter", transparent=True))
    [problem] = [p for p in refused.value.problems if p.level == "error"]
    assert (Path(problem.file).name, problem.line, problem.col) == ("broken.yaml", 5, 49)
    assert problem.message.startswith("'cto' reports to 'nobody', who is not in the org")


ROLES_CASES: list[tuple[dict[str, Any], type[Exception], str]] = [
    ({"title": 5}, TypeError, "orgviz.render_roles()'s title must be a string or None, not "
                              "5 (int)"),
    ({"notes": "x"}, TypeError, "orgviz.render_roles()'s notes must be a list (notes are "
                                "appended to it) or None, not 'x' (str)"),
    ({"timeout": "x"}, RenderOptionTypeError, "timeout must be a number of seconds, not "
                                              "'x'"),
    ({"timeout": -1}, RenderError, "timeout must be positive, not -1"),
    ({"engine": "x"}, RenderError,
     "unknown engine (--engine) 'x': use one of auto, system, embedded"),
]


@pytest.mark.parametrize(("arguments", "error", "message"), ROLES_CASES)
def test_render_roles_arguments(org: orgviz.Org, arguments: dict[str, Any],
                                error: type[Exception], message: str) -> None:
    """title=5 raised AttributeError; timeout=-1 a bare ValueError from the engine (where
    render raises RenderError), after the chart was planned."""
    call: Callable[..., bytes] = orgviz.render_roles
    for fmt in ("svg", "dot"):  # (dot, which needs no engine, checks them too)
        with pytest.raises(error) as caught:
            call(org, fmt, **arguments)
        assert str(caught.value) == message


# render_file and the deck API: the caller named, every check before any work -------------------
def _broken_file(tmp_path: Path) -> Path:
    """An org file with a validation error (broken.yaml:5), which only `force` draws."""
    path = tmp_path / "broken.yaml"
    path.write_text(BROKEN, encoding="utf-8")
    return path


FILE_CASES: list[tuple[str, dict[str, Any], str]] = [
    ("render_file", {"options": {"theme": "dark"}},
     "orgviz.render_file()'s options must be a RenderOptions (such as "
     "orgviz.RenderOptions(theme='dark')) or None, not {'theme': 'dark'} (dict)"),
    ("render_file", {"force": "no"},
     "orgviz.render_file()'s force must be True or False, not 'no' (str)"),
    ("render_file", {"config": "x"},
     f"orgviz.render_file()'s config {CONFIG_HINT}, not 'x' (str)"),
    ("write_deck", {"options": {"split": "team"}},
     "orgviz.write_deck()'s options must be a DeckOptions (such as "
     "orgviz.DeckOptions(split='manager')) or None, not {'split': 'team'} (dict)"),
    ("write_deck", {"force": "no"},
     "orgviz.write_deck()'s force must be True or False, not 'no' (str)"),
    ("write_deck", {"force": 1}, "orgviz.write_deck()'s force must be True or False, not 1 "
                                 "(int)"),
    ("write_deck", {"config": "x"},
     f"orgviz.write_deck()'s config {CONFIG_HINT}, not 'x' (str)"),
    ("render_file", {"fmt": 5},
     "orgviz.render_file()'s fmt must be one of svg, png, pdf, dot (a str) or None, not 5 "
     "(int)"),
    ("write_deck", {"template": 5},
     "orgviz.write_deck()'s template must be a .pptx file's path (a str or os.PathLike) or "
     "None, not 5 (int)"),
]


@pytest.mark.parametrize(("function", "arguments", "message"), FILE_CASES)
def test_file_functions_name_themselves(tmp_path: Path, function: str,
                                        arguments: dict[str, Any], message: str) -> None:
    """force="no" drew (and wrote) the deck of an org with errors, 'no' being truthy; the
    options and config of render_file were said to be render()'s and validate()'s; nothing
    is read or written before the check."""
    source = _broken_file(tmp_path)
    output = tmp_path / ("out.svg" if function == "render_file" else "out.pptx")
    call: Callable[..., object] = getattr(orgviz, function)
    with pytest.raises(TypeError) as caught:
        call([source] if function == "write_deck" else source, output, **arguments)
    assert str(caught.value) == message
    assert not output.exists()
    with pytest.raises(TypeError) as missing:  # (checked before the file is read)
        call(tmp_path / "not-there.yaml", output, **arguments)
    assert str(missing.value) == message


SOURCES = "orgviz.write_deck()'s sources must be an org file's path or a list of them"
PATH_CASES: list[tuple[str, Callable[[str], tuple[Any, ...]], str]] = [
    ("write_deck", lambda source: (5, "out.pptx"),
     f"{SOURCES} (a str or os.PathLike), not 5 (int)"),
    ("write_deck", lambda source: (b"org.yaml", "out.pptx"),
     f"{SOURCES} (a str or os.PathLike), not b'org.yaml' (bytes)"),
    ("write_deck", lambda source: ([source, 5], "out.pptx"),
     f"{SOURCES} (a str or os.PathLike each), not a list holding 5 (int)"),
    ("write_deck", lambda source: (source, 5),
     "orgviz.write_deck()'s output must be a .pptx or .pdf file's path (a str or "
     "os.PathLike), not 5 (int)"),
    ("render_file", lambda source: (5, "out.svg"),
     "orgviz.render_file()'s source must be an org file's path (or '-': stdin) (a str or "
     "os.PathLike), not 5 (int)"),
    ("render_file", lambda source: (source, 5),
     "orgviz.render_file()'s output must be a file or folder path (a str or os.PathLike) or "
     "None, not 5 (int)"),
]


@pytest.mark.parametrize(("function", "args", "message"), PATH_CASES)
def test_paths_of_the_wrong_type(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                 function: str, args: Callable[[str], tuple[Any, ...]],
                                 message: str) -> None:
    """write_deck(5, 'x.pptx') said "'int' object is not iterable", a path of 5 "expected
    str, bytes or os.PathLike object, not int"; nothing is written."""
    monkeypatch.chdir(tmp_path)
    call: Callable[..., object] = getattr(orgviz, function)
    with pytest.raises(TypeError) as caught:
        call(*args(str(_broken_file(tmp_path))), force=True)
    assert str(caught.value) == message
    assert sorted(p.name for p in tmp_path.iterdir()) == ["broken.yaml"]


def test_render_takes_a_format_name(org: orgviz.Org) -> None:
    """fmt=5 was an "unknown output format 5" RenderError, no TypeError; a string that is
    no format still is one."""
    with pytest.raises(TypeError) as caught:
        orgviz.render(org, 5)  # type: ignore[arg-type]
    assert str(caught.value) == ("orgviz.render()'s fmt must be one of svg, png, pdf, dot (a "
                                 "str), not 5 (int)")
    with pytest.raises(RenderError) as unknown:
        orgviz.render(org, "gif")
    assert not isinstance(unknown.value, TypeError)


def test_write_deck_checks_its_options_before_reading(tmp_path: Path) -> None:
    """A bad DeckOptions value was found when the deck was built, after every file loaded
    and validated (here: the org's error was reported instead)."""
    with pytest.raises(orgviz.errors.OrgvizError) as caught:
        orgviz.write_deck([_broken_file(tmp_path)], tmp_path / "out.pptx",
                          orgviz.DeckOptions(depth=1))
    assert str(caught.value) == ("depth (--depth) must be at least 2 (a manager and their "
                                 "reports), not 1")


@pytest.mark.parametrize(("arguments", "message"), [
    ({"notes": "x"}, "orgviz.deck_bytes()'s notes must be a list (notes are appended to it) "
                     "or None, not 'x' (str)"),
    ({"template": 5}, "orgviz.deck_bytes()'s template must be a .pptx file's path (a str or "
                      "os.PathLike) or None, not 5 (int)"),
    ({"options": {"split": "team"}},
     "orgviz.deck_bytes()'s options must be a DeckOptions (such as "
     "orgviz.DeckOptions(split='manager')) or None, not {'split': 'team'} (dict)"),
    ({"options": orgviz.RenderOptions()},
     "orgviz.deck_bytes()'s options must be a DeckOptions (such as "
     "orgviz.DeckOptions(split='manager')) or None, not RenderOptions(engine='auto', "
     "layout='auto', theme='light'... (RenderOptions)"),
])
def test_deck_bytes_arguments_of_the_wrong_type(org: orgviz.Org, arguments: dict[str, Any],
                                                message: str) -> None:
    """notes='x' was taken (and failed only for a PDF with notes); options of a dict raised a
    DeckError, which is no TypeError."""
    call: Callable[..., object] = orgviz.deck_bytes
    with pytest.raises(TypeError) as caught:
        call([(org, ())], "pptx", **arguments)
    assert str(caught.value) == message


def test_deck_arguments_of_the_wrong_type_are_type_errors(org: orgviz.Org) -> None:
    """The deck's own checks of orgs, format and DeckOptions fields: DeckErrors, as before,
    that are TypeErrors, as the README says any argument of the wrong type is."""
    from orgviz.deck.plan import DeckError

    call: Callable[..., object] = orgviz.deck_bytes
    for args, message in (((org, "pptx"), "deck_bytes takes a list of (org, problems) pairs, "
                                          "such as [(org, ())], not Org"),
                          (([(org, ())], ["pdf"]), "unknown deck format ['pdf']: use pptx or "
                                                   "pdf"),
                          (([(org, ())], "pptx", orgviz.DeckOptions(depth="3")),  # type: ignore[arg-type]
                           "depth (--depth) must be a whole number, not '3'")):
        with pytest.raises(TypeError) as caught:
            call(*args)
        assert str(caught.value) == message and isinstance(caught.value, DeckError)


@pytest.mark.parametrize(("arguments", "message"), [
    ({"options": orgviz.RenderOptions(theme="neon")},
     "unknown theme (--theme) 'neon': use one of light, dark, print, high-contrast"),
    ({"fmt": "jpg"}, "unknown output format 'jpg': use one of svg, png, pdf, dot"),
])
def test_render_file_checks_options_before_reading(tmp_path: Path, arguments: dict[str, Any],
                                                   message: str) -> None:
    """They were found after the file loaded: a missing file, or the org's errors, were
    reported instead."""
    for source in (_broken_file(tmp_path), tmp_path / "not-there.yaml"):
        with pytest.raises(RenderError) as caught:
            orgviz.render_file(source, tmp_path / "out", **arguments)
        assert str(caught.value) == message
    assert not (tmp_path / "out").exists()


# load, load_config and render_roles: the argument named, as the other entry points do ---------
LOAD_HINT = "must be an org file's path (or '-': stdin) (a str or os.PathLike)"
NO_PATHS = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False),
                     st.binary(), st.lists(st.text(max_size=3), max_size=2))


@pytest.mark.parametrize(("path", "shown"), [(5, "5 (int)"), (None, "None (NoneType)"),
                                             (b"x.yaml", "b'x.yaml' (bytes)")])
def test_load_takes_a_path(path: object, shown: str) -> None:
    """load(5) said "expected str, bytes or os.PathLike object, not int", load(b'x.yaml')
    "argument should be a str object or an os.PathLike object returning str"."""
    with pytest.raises(TypeError) as caught:
        orgviz.load(path)  # type: ignore[arg-type]
    assert str(caught.value) == f"orgviz.load()'s path {LOAD_HINT}, not {shown}"


@given(NO_PATHS)
def test_load_names_any_argument_that_is_no_path(path: object) -> None:
    with pytest.raises(TypeError) as caught:
        orgviz.load(path)  # type: ignore[arg-type]
    assert str(caught.value) == f"orgviz.load()'s path {LOAD_HINT}, not {shown_argument(path)}"


def test_load_still_takes_a_str_a_path_and_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    loaded = [orgviz.load(str(SMALL)), orgviz.load(SMALL)]
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(SMALL.read_bytes())))
    loaded.append(orgviz.load("-"))
    assert [(org.file, org.name, len(org.people)) for org in loaded] == [
        (str(SMALL), "Tidewater Labs", 21)] * 2 + [("<stdin>", "Tidewater Labs", 21)]


@pytest.mark.parametrize(("arguments", "message"), [
    ((5,), "orgviz.load_config()'s path must be a config file's path (a str or os.PathLike) "
           "or None, not 5 (int)"),
    ((b".orgviz.yaml",), "orgviz.load_config()'s path must be a config file's path (a str "
                         "or os.PathLike) or None, not b'.orgviz.yaml' (bytes)"),
    ((None, 5), "orgviz.load_config()'s start must be a folder's path (a str or "
                "os.PathLike), not 5 (int)"),
    ((None, b"."), "orgviz.load_config()'s start must be a folder's path (a str or "
                   "os.PathLike), not b'.' (bytes)"),
])
def test_load_config_takes_paths(arguments: tuple[object, ...], message: str) -> None:
    """load_config(5) said "expected str, bytes or os.PathLike object, not int"."""
    call: Callable[..., object] = orgviz.load_config
    with pytest.raises(TypeError) as caught:
        call(*arguments)
    assert str(caught.value) == message


def test_load_config_still_takes_what_it_took(tmp_path: Path) -> None:
    """None searches `start`; a `start` beside a path was never read, so is not checked."""
    path = tmp_path / ".orgviz.yaml"
    path.write_text("rules:\n  span-of-control: {max: 1}\n", encoding="utf-8")
    call: Callable[..., orgviz.Config] = orgviz.load_config
    assert call(str(path), 5) == orgviz.load_config(path) == orgviz.load_config(None, tmp_path)
    assert orgviz.load_config(start=str(tmp_path)).source == str(path)


@pytest.mark.parametrize(("fmt", "shown"), [(5, "5 (int)"), (None, "None (NoneType)"),
                                            (b"svg", "b'svg' (bytes)")])
def test_render_roles_takes_a_format_name(org: orgviz.Org, fmt: object, shown: str) -> None:
    """render_roles(org, 5) was an "unknown chart format 5" RenderError, as render's was."""
    with pytest.raises(TypeError) as caught:
        orgviz.render_roles(org, fmt)  # type: ignore[arg-type]
    assert str(caught.value) == ("orgviz.render_roles()'s fmt must be one of svg, png, pdf, "
                                 f"dot (a str), not {shown}")
    assert not isinstance(caught.value, RenderError)
    with pytest.raises(RenderError) as unknown:
        orgviz.render_roles(org, "gif")
    assert str(unknown.value) == "unknown chart format 'gif': use svg, png, pdf or dot"
    assert not isinstance(unknown.value, TypeError)


def test_render_roles_engine_of_the_wrong_type(org: orgviz.Org) -> None:
    """engine=5 is refused as RenderOptions(engine=5) is: a RenderError that is a TypeError."""
    with pytest.raises(RenderOptionTypeError) as caught:
        orgviz.render_roles(org, "dot", engine=5)  # type: ignore[arg-type]
    assert str(caught.value) == "unknown engine (--engine) 5: use one of auto, system, embedded"
