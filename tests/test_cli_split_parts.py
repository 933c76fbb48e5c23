"""validate's summary counts the files it read, however a split org is named (its top file,
a folder, --hook's changed part); a part of a split org named on the command line is checked
through the org that includes it, and a part that no org includes gives its one header error,
not the follow-on findings of a chart of its people alone."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from orgviz.cli import main

TOP = ("orgviz: 1\norg: {name: Acme, size: small}\ninclude:\n  - acme/product.yaml\n"
       "  - acme/eng.yaml\npeople:\n  - {id: ceo, name: Ada Obi, title: CEO}\n")
PRODUCT = ("orgviz: 1\npeople:\n  - {id: vp-product, name: Ben Cruz, title: VP of Product, "
           "reports_to: ceo}\n")
ENG = "orgviz: 1\npeople:\n  - {id: cto, name: Cy Diaz, title: CTO, reports_to: ceo}\n"
SOLO = "orgviz: 1\norg: {name: Solo, size: small}\npeople:\n  - {id: a, name: A, title: CEO}\n"
NO_HEADER = ("error [schema] the org file has no 'org:' header: add 'org: {name: ...}' (a part "
             "of a split org is checked through the file that includes it)")


@pytest.fixture
def split(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The current folder, outside git: orgs/acme.yaml including orgs/acme/product.yaml and
    orgs/acme/eng.yaml (three files, one org), and orgs/solo.yaml."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "orgs" / "acme").mkdir(parents=True)
    (tmp_path / "orgs" / "acme.yaml").write_text(TOP, encoding="utf-8")
    (tmp_path / "orgs" / "acme" / "product.yaml").write_text(PRODUCT, encoding="utf-8")
    (tmp_path / "orgs" / "acme" / "eng.yaml").write_text(ENG, encoding="utf-8")
    (tmp_path / "orgs" / "solo.yaml").write_text(SOLO, encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize("args", [
    ["orgs/acme.yaml"], ["orgs/acme.yaml", "./orgs/acme.yaml"], ["orgs"],
    ["--hook", "orgs/acme.yaml"], ["--hook", "orgs/acme/eng.yaml", "orgs/acme/product.yaml"],
])
def test_one_split_org_counts_its_three_files_however_it_is_named(
        split: Path, args: list[str]) -> None:
    # (orgs/acme.yaml alone said "1 file checked", orgs/ "3 files", a folder counting parts)
    result = CliRunner().invoke(main, ["validate", *args])
    files = 4 if args == ["orgs"] else 3  # (orgs/solo.yaml too)
    assert (result.exit_code, result.output) == (0, f"{files} files checked: no problems\n")


def test_the_count_is_of_files_read_across_orgs(split: Path) -> None:
    result = CliRunner().invoke(main, ["validate", "orgs/solo.yaml", "orgs/acme.yaml",
                                       "orgs/gone.yaml"])
    assert result.exit_code == 2
    assert result.stdout == "4 files checked: no problems\n"
    assert result.stderr == "orgviz: orgs/gone.yaml: cannot read: No such file or directory\n"
