"""`orgviz export` warns of the teams' leads who are nobody, parents that are no team and
cycles of parents, which `orgviz import` of its CSV leaves out (as it warns of references
to people who are not in the org)."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from orgviz.cli import main

ORG = """\
orgviz: 1
org: {name: T, size: small}
teams:
  - {id: a, name: A, parent: b, lead: ghost}
  - {id: b, name: B, parent: a}
people:
  - {id: x, name: X, title: CEO, team: a}
"""


def _run(*args: str) -> tuple[int, str, str]:
    """Exit status, stdout and stderr of an orgviz command."""
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_csv_export_warns_of_what_import_leaves_out(tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    Path("t.yaml").write_text(ORG, encoding="utf-8")
    code, _out, err = _run("export", "t.yaml", "-o", "t.csv")
    assert code == 0
    assert err == ("orgviz: t.yaml: 2 broken team references (team 'a' is led by 'ghost', who "
                   "is not in the org; team parent cycle a -> b -> a): the teams table keeps "
                   "them as written, and `orgviz import` of the CSV leaves them out (of a cycle, "
                   "the parent of its first team); `orgviz validate` reports where\n")
    code, _out, err = _run("import", "t.csv", "-o", "t2.yaml")
    assert code == 0  # (what import then says: the two references, left out)
    assert "team parent cycle a -> b -> a: the parent of 'a' left out" in err
    assert "team 'a' is led by 'ghost', who is not in the people file (left out)" in err


def test_json_export_and_a_parent_that_is_no_team(tmp_path: Path) -> None:
    path = tmp_path / "t.yaml"
    path.write_text(ORG.replace("parent: b, lead: ghost", "parent: zz")
                    .replace("{id: b, name: B, parent: a}", "{id: b, name: B, parent: b}"),
                    encoding="utf-8")
    code, _out, err = _run("export", str(path), "-f", "json")
    assert code == 0
    assert err == (f"orgviz: {path}: 2 broken team references (team 'a' has parent 'zz', "
                   "which is not a team; team 'b' is its own parent): the teams under `graph` "
                   "keep them as written; `orgviz validate` reports where\n")


def test_one_reference_and_formats_without_teams(tmp_path: Path) -> None:
    path = tmp_path / "t.yaml"
    path.write_text(ORG.replace(", parent: b, lead: ghost", ", lead: ghost")
                    .replace(", parent: a}", "}"), encoding="utf-8")
    err = _run("export", str(path), "-f", "json")[2]
    assert err.startswith(f"orgviz: {path}: a broken team reference (team 'a' is led by "
                          "'ghost', who is not in the org): the teams under `graph` keep it")
    for fmt in ("mermaid", "graphml", "csv"):  # (no teams' leads: said apart for CSV)
        assert "broken team reference" not in _run("export", str(path), "-f", fmt)[2], fmt


def test_sound_teams_warn_of_nothing(tmp_path: Path) -> None:
    path = tmp_path / "t.yaml"
    path.write_text(ORG.replace(", parent: b, lead: ghost", ", lead: x")
                    .replace(", parent: a}", ", parent: a}"), encoding="utf-8")
    code, _out, err = _run("export", str(path), "-o", str(tmp_path / "t.csv"))
    assert (code, err) == (0, "")
