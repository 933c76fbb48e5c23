"""`orgviz.diff.repeated_ids`, kept as the package's API (scripts took it from the module
orgviz.diff was): the duplicate-id errors that make `diff_orgs` refuse a version."""

from __future__ import annotations

from pathlib import Path

import pytest

from orgviz.diff import diff_orgs, repeated_ids
from orgviz.errors import OrgLoadError
from orgviz.loader import load

#: A team id and a person id each repeated.
REPEATED = """orgviz: 1
org: {name: T, size: small}
teams:
  - {id: eng, name: Engineering}
  - {id: eng, name: Platform}
people:
  - {id: a, name: A, title: CEO}
  - {id: a, name: B, title: CTO}
"""


def test_repeated_ids_are_the_errors_diff_orgs_refuses_a_version_for(tmp_path: Path) -> None:
    """Each later holder of an id, at its place (file:line:col), that diff_orgs refuses;
    none for an org whose ids are its own."""
    path = tmp_path / "dup.yaml"
    path.write_text(REPEATED, encoding="utf-8")
    org = load(path)
    assert [str(problem) for problem in repeated_ids(org)] == [
        f"{path}:5:10: error [duplicate-id] duplicate team id 'eng' (first used at line 4): "
        "give each team its own id",
        f"{path}:8:10: error [duplicate-id] duplicate person id 'a' (first used at line 7): "
        "give each position its own id"]
    with pytest.raises(OrgLoadError):
        diff_orgs(org, org)
    whole = tmp_path / "whole.yaml"
    whole.write_text(REPEATED.replace("id: eng, name: Platform", "id: platform, name: Platform")
                     .replace("id: a, name: B", "id: b, name: B"), encoding="utf-8")
    assert repeated_ids(load(whole)) == []
