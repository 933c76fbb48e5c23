"""The SARIF description of the `columns` rule of an import (`report.IMPORT_RULES`) names
what each of its findings is about."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from orgviz.io.csvimport import EXPORT_COLUMNS, import_csv
from orgviz.report import IMPORT_RULES


def columns_findings(tmp_path: Path, run: Callable[..., Any]) -> list[str]:
    """The messages of the `columns` findings of imports that make each kind of them."""
    people = tmp_path / "people.csv"
    people.write_text("id,name,manager,department,title,name\n1,Ann,,10,AD_PRES,A\n",
                      encoding="utf-8")
    found = import_csv(people).problems
    (tmp_path / "acme.csv").write_text(",".join(EXPORT_COLUMNS) + "\nada,Ada,,,,,exec,,,,,\n",
                                       encoding="utf-8")
    (tmp_path / "acme.teams.csv").write_text("team,team_name,parent,lead,color\n"
                                             "exec,Executive,,ada,\n", encoding="utf-8")
    beside = run("import", "acme.csv", "-o", "acme.yaml")
    (tmp_path / "acme.teams.csv").write_text("team,team_name,parent,lead,color\n"
                                             "other,Other,,zed,\n", encoding="utf-8")
    not_read = run("import", "acme.csv", "-o", "acme.yaml")
    return [p.message for p in found if p.rule == "columns"] + [
        line for result in (beside, not_read) for line in result.stderr.splitlines()
        if "[columns]" in line]


def test_the_columns_rule_names_each_of_its_findings(tmp_path: Path,
                                                      run: Callable[..., Any]) -> None:
    said = columns_findings(tmp_path, run)
    text = IMPORT_RULES["columns"]
    # (it named the repeated header, an option's column and the team column of numbers:
    # not the title column of job codes, nor the teams table beside the people CSV)
    for finding, named in [("repeats the header", "header repeated"),
                           ("holds numbers only", "--teams"), ("holds job codes", "--titles"),
                           ("read from its teams table beside it", "teams table beside"),
                           ("does not match it", "not read")]:
        assert any(finding in message for message in said), (finding, said)
        assert named in text, named
