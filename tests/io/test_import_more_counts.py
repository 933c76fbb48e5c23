"""Import: lists of examples in messages end with "and N more" (`orgviz.problem.quoted`),
not with "..." that hides how many more there are."""

from __future__ import annotations

from pathlib import Path

from orgviz.io.csvimport import ImportOptions, import_csv


def said(result: object) -> list[str]:
    """The problems of an import as `file:line:col: level [rule] message`."""
    return [f"{Path(p.file).name}:{p.line}:{p.col}: {p.level} [{p.rule}] {p.message}"
            for p in result.problems]  # type: ignore[attr-defined]


def imported(tmp_path: Path, text: str, **options: object) -> object:
    """The import of a CSV text written to p.csv."""
    path = tmp_path / "p.csv"
    path.write_text(text, encoding="utf-8", newline="")
    return import_csv(path, ImportOptions(**options))  # type: ignore[arg-type]


def test_a_manager_name_of_many_rows_without_ids_says_how_many_more(tmp_path: Path) -> None:
    # (said "matches 6 people by name (rows 3, 4, 5, 6, ...)")
    bobs = "".join("Bob,Engineer,Ann\n" for _ in range(6))
    result = imported(tmp_path, f"name,title,manager\nAnn,CEO,\n{bobs}Cy,Engineer,Bob\n")
    assert said(result)[-1] == (
        "p.csv:9:3: error [unknown-manager] manager 'Bob' matches 6 people by name (rows 3, "
        "4, 5, 6 and 2 more): add an id column and give managers by id")


def test_a_number_of_many_ids_with_other_leading_zeros_says_how_many_more(tmp_path: Path
                                                                         ) -> None:
    # (said "did you mean '01' (row 2) or '001' (row 3) or ... or '00001' (row 5), ...?")
    ids = ["01", "001", "0001", "00001", "000001", "0000001"]
    rows = "".join(f"{i},P{n},{'' if not n else '01'}\n" for n, i in enumerate(ids))
    result = imported(tmp_path, f"id,name,manager\n{rows}9,Cy,1\n")
    assert said(result) == [
        "p.csv:8:3: error [unknown-manager] manager '1' not found; did you mean one of '01' "
        "(row 2), '001' (row 3), '0001' (row 4), '00001' (row 5) and 2 more? (leading zeros "
        "dropped by a spreadsheet?)"]


def test_a_team_column_of_many_numbers_says_how_many_more(tmp_path: Path) -> None:
    # (said "holds numbers only ('10', '20', '30' ...)")
    rows = "".join(f"{i},P{i},{'' if i == 1 else 1},{i}0\n" for i in range(1, 6))
    result = imported(tmp_path, "id,name,manager,department_id\n" + rows)
    assert said(result) == [
        "p.csv:1:4: info [columns] the team column 'department_id' holds numbers only ('10', "
        "'20', '30' and 2 more): --teams FILE names the teams from a departments export"]


def test_a_title_column_of_many_job_codes_says_how_many_more(tmp_path: Path) -> None:
    # (said "holds job codes ('AD_PRES', 'AD_VP', 'IT_PROG' ...)")
    codes = ["AD_PRES", "AD_VP", "IT_PROG", "SA_MAN", "SA_REP", "SA_REP"]
    rows = "".join(f"{i},P{i},{c},{'' if i == 1 else 1}\n" for i, c in enumerate(codes, 1))
    result = imported(tmp_path, "id,name,job_id,manager\n" + rows)
    assert said(result) == [
        "p.csv:1:3: info [columns] the title column 'job_id' holds job codes ('AD_PRES', "
        "'AD_VP', 'IT_PROG' and 2 more): cards show them as written; --titles FILE names "
        "them from a jobs export"]
