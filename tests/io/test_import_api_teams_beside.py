"""orgviz.import_csv reads the teams table beside the people CSV (NAME.teams.csv for NAME.csv)
as `orgviz import` does: `import_csv(export(org))` gives back the teams whole (their leads,
colors, parents and order). `ImportOptions(teams_beside=False)` reads none."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

import orgviz
from orgviz.cli import main
from orgviz.io.csvimport import ImportOptionTypeError

SMALL = Path(__file__).parents[2] / "orgs" / "small.yaml"


def _exported(tmp_path: Path) -> Path:
    """orgs/small.yaml exported as `orgviz export -o small.csv` writes it (its teams table
    beside it, small.teams.csv)."""
    done = CliRunner().invoke(main, ["export", str(SMALL), "-o", str(tmp_path / "small.csv")])
    assert done.exit_code == 0, done.output
    assert (tmp_path / "small.teams.csv").is_file()
    return tmp_path / "small.csv"


def test_import_csv_reads_the_teams_table_beside_the_csv(tmp_path: Path) -> None:
    # (the API ignored small.teams.csv, which the command reads: leads and colors were None)
    path = _exported(tmp_path)
    org = orgviz.load(SMALL)
    result = orgviz.import_csv(path)
    assert [(t.id, t.name, t.parent, t.lead, t.color) for t in result.org.teams] == [
        (t.id, t.name, t.parent, t.lead, t.color) for t in org.teams]
    assert result.org.teams[0].lead == "amara-okafor"
    assert [str(p) for p in result.problems] == [
        f"{tmp_path / 'small.teams.csv'}:1:1: info [columns] the teams of small.csv read from "
        "its teams table beside it; another is read with teams (--teams FILE)"]


def test_import_csv_gives_the_org_file_the_command_writes(tmp_path: Path) -> None:
    path = _exported(tmp_path)
    out = tmp_path / "small.yaml"
    done = CliRunner().invoke(main, ["import", str(path), "-o", str(out)])
    assert done.exit_code == 0, done.output
    assert orgviz.import_csv(str(path), shown_name=str(out)).text == \
        out.read_text(encoding="utf-8")


def test_teams_beside_false_reads_no_table(tmp_path: Path) -> None:
    path = _exported(tmp_path)
    result = orgviz.import_csv(path, orgviz.ImportOptions(teams_beside=False))
    assert [(t.id, t.lead, t.color) for t in result.org.teams][:2] == [
        ("leadership", None, None), ("engineering", None, None)]
    assert result.problems == []


def test_a_table_beside_of_another_org_is_set_aside_with_a_warning(tmp_path: Path) -> None:
    path = _exported(tmp_path)
    (tmp_path / "small.teams.csv").write_text("team,team_name,parent,lead,color\n"
                                              "sales,Sales,,,\n", encoding="utf-8")
    result = orgviz.import_csv(path)
    assert [t.lead for t in result.org.teams] == [None] * 5
    table = tmp_path / "small.teams.csv"
    assert [str(p) for p in result.problems if p.level == "warning"] == [
        f"{table}:1:1: warning [columns] the teams table beside small.csv does not match it "
        f"({path}:2:7: team 'leadership' is not in small.teams.csv) and was not read: "
        f"given as teams (`--teams {table}`), it is read anyway"]


def test_a_teams_file_named_is_read_instead(tmp_path: Path) -> None:
    path = _exported(tmp_path)
    other = tmp_path / "other.csv"
    other.write_text("team,team_name,parent,lead,color\nleadership,Top,,,\n"
                     "engineering,Eng,,,\nproduct,Product,,,\ndesign,Design,,,\n"
                     "operations,Ops,,,\n", encoding="utf-8")
    result = orgviz.import_csv(path, orgviz.ImportOptions(teams=str(other)))
    assert [(t.id, t.name, t.lead) for t in result.org.teams][:2] == [
        ("leadership", "Top", None), ("engineering", "Eng", None)]
    assert not any("small.teams.csv" in str(p) for p in result.problems)


@pytest.mark.parametrize("value", ["no", 0, None])
def test_teams_beside_takes_true_or_false(value: object) -> None:
    with pytest.raises(ImportOptionTypeError) as caught:
        orgviz.import_csv("/nonexistent/p.csv",
                          orgviz.ImportOptions(teams_beside=value))  # type: ignore[arg-type]
    assert str(caught.value).startswith(f"ImportOptions teams_beside must be True or False, "
                                        f"not {value!r} (")
