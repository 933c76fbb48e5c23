"""The public Python API: every command's job scripted from `import orgviz` alone."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import orgviz
from orgtexts import SMALL

FIXTURES = Path(__file__).parent / "io" / "fixtures"


def test_all_names_the_lazy_api_and_each_resolves() -> None:
    assert orgviz.__all__ == sorted(orgviz._LAZY)
    for name in orgviz.__all__:
        assert getattr(orgviz, name) is not None, name
        assert name in dir(orgviz)
    with pytest.raises(AttributeError, match="no attribute 'nothing'"):
        _ = orgviz.nothing  # type: ignore[attr-defined]


def test_importing_orgviz_imports_none_of_the_api() -> None:
    code = ("import sys, orgviz\n"
            "print(sorted(m for m in sys.modules if m.startswith('orgviz.')))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True, timeout=60)
    assert done.stdout.strip() == "[]"


def test_star_import_gives_the_api() -> None:
    space: dict[str, object] = {}
    exec("from orgviz import *", space)  # (what a script does)
    assert {"import_csv", "export", "compute_stats", "diff_orgs", "render_roles",
            "write_deck"} <= space.keys()


def test_import_validate_export_stats_and_diff(tmp_path: Path) -> None:
    result = orgviz.import_csv(FIXTURES / "hr_ids.csv", orgviz.ImportOptions(keep_going=True))
    assert isinstance(result, orgviz.ImportResult)
    assert any(p.rule == "unknown-manager" and "JCP2" in p.message for p in result.problems)
    written = tmp_path / "acme.yaml"
    written.write_text(result.text, encoding="utf-8")
    org = orgviz.load(written)
    assert isinstance(org, orgviz.Org) and len(org.people) == len(result.org.people)
    assert all(isinstance(p, orgviz.Problem) for p in orgviz.validate(org))

    data = json.loads(orgviz.export(org, "json"))  # type: ignore[arg-type]
    assert {n["id"] for n in data["nodes"]} == set(org.by_id)
    assert orgviz.export(org, "graphml")[:5] == b"<?xml"  # type: ignore[index]
    with pytest.raises(ValueError, match="unknown export format 'xml': use mermaid, json, "
                                         "csv, graphml"):
        orgviz.export(org, "xml")

    stats = orgviz.compute_stats(org)
    assert stats["headcount"]["positions"] == len(org.people)

    small = tmp_path / "small.yaml"
    small.write_text(SMALL, encoding="utf-8")
    before = orgviz.load(small)
    after_file = tmp_path / "after.yaml"
    after_file.write_text(SMALL.replace("name: Eve,", "name: Evelyn,"), encoding="utf-8")
    changes = orgviz.diff_orgs(before, orgviz.load(after_file))
    assert all(isinstance(c, orgviz.Change) for c in changes)
    assert [c.kind for c in changes] == ["renamed"]


def test_roles_chart_and_deck(tmp_path: Path) -> None:
    small = tmp_path / "small.yaml"
    small.write_text(SMALL, encoding="utf-8")
    org = orgviz.load(small)
    assert orgviz.render_roles([org], "dot").startswith(b"digraph roles {")
    data, slides = orgviz.deck_bytes([(org, ())], "pptx", orgviz.DeckOptions())
    assert data[:2] == b"PK" and slides >= 2
    deck = orgviz.write_deck([small], tmp_path / "deck.pptx")
    assert isinstance(deck, orgviz.WrittenDeck)
    assert (deck.slides, deck.size) == (slides, (tmp_path / "deck.pptx").stat().st_size)


@pytest.mark.parametrize("first", ["", "import orgviz.validate, orgviz.render.pipeline\n"])
def test_validate_and_render_stay_callable(tmp_path: Path, first: str) -> None:
    """The API's first call imports the submodule of the same name, which then stood in
    for the function: a second `orgviz.validate(org)` raised "'module' object is not
    callable"."""
    (tmp_path / "small.yaml").write_text(SMALL, encoding="utf-8")
    code = (f"import orgviz\n{first}"
            "org = orgviz.load('small.yaml')\n"
            "runs = [orgviz.validate(org) for _ in range(2)]\n"
            "drawn = [orgviz.render(org, 'dot')[:7] for _ in range(2)]\n"
            "import orgviz.validate as module\n"
            "print(runs[0] == runs[1] == module.validate(org), drawn, module.rule_confs(org)"
            " is not None)\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          cwd=tmp_path, timeout=60, check=False)
    assert (done.returncode, done.stderr) == (0, "")
    assert done.stdout == "True [b'digraph', b'digraph'] True\n"


def test_validate_and_render_show_the_functions_signature_and_docstring() -> None:
    """Once imported, the modules `orgviz.validate` and `orgviz.render` stand for the
    functions: `inspect.signature` gave `(*args, **kwargs)` and help() the module's
    docstring."""
    import inspect
    import types

    import orgviz.render
    import orgviz.validate
    from orgviz.render.pipeline import render
    from orgviz.validate import validate

    for shown, function in ((orgviz.render, render), (orgviz.validate, validate)):
        assert isinstance(shown, types.ModuleType)
        assert inspect.signature(shown) == inspect.signature(function)
        assert str(inspect.signature(shown)).startswith("(org: 'Org'")
        assert shown.__doc__ is not None and function.__doc__ is not None
        assert shown.__doc__.startswith(function.__doc__.splitlines()[0])
        assert inspect.getdoc(shown).startswith(inspect.getdoc(function))


def test_counts_exports_and_diffs_refuse_a_repeated_id(tmp_path: Path) -> None:
    """As the commands do: one of the two people would be silently left out (stats said 2
    positions for 3)."""
    path = tmp_path / "dup.yaml"
    path.write_text("orgviz: 1\norg: {name: D, size: small}\npeople:\n"
                    "  - {id: ceo, name: Ada, title: CEO}\n"
                    "  - {id: cfo, name: Bo, title: CFO, reports_to: ceo}\n"
                    "  - {id: cfo, name: Cy, title: CFO, reports_to: ceo}\n", encoding="utf-8")
    org = orgviz.load(path)
    for call in (lambda: orgviz.compute_stats(org), lambda: orgviz.export(org, "json"),
                 lambda: orgviz.diff_orgs(org, org)):
        with pytest.raises(orgviz.errors.OrgLoadError) as caught:
            call()
        [problem] = caught.value.problems
        assert (problem.line, problem.col, problem.rule) == (6, 10, "duplicate-id")
        assert "'cfo'" in problem.message and problem.file == str(path)
