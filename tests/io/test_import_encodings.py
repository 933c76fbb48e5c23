"""CSV import of files in odd encodings or of other formats, and of odd quoting."""

from __future__ import annotations

from pathlib import Path

import pytest

from orgviz.errors import OrgLoadError
from orgviz.io.csvimport import import_csv

PEOPLE = "id,name,manager\n1,Zoë,\n2,Ann,1\n"


@pytest.mark.parametrize("codec", ["utf-32", "utf-32-le", "utf-32-be"])
def test_utf32_with_a_byte_order_mark_is_read_as_utf32(tmp_path: Path, codec: str) -> None:
    # (its little-endian mark FF FE 00 00 was taken for UTF-16's, FF FE: read as UTF-16,
    # "32 NUL bytes removed: is this a CSV file?")
    path = tmp_path / "p.csv"
    path.write_bytes((PEOPLE if codec == "utf-32" else "\ufeff" + PEOPLE).encode(codec))
    result = import_csv(path)
    assert [p for p in result.problems if p.level != "info"] == []
    assert [(p.id, p.name, p.reports_to) for p in result.org.people] == [
        ("1", "Zoë", None), ("2", "Ann", "1")]
    assert "(2 rows, utf-32)" in result.text.splitlines()[1]


def test_utf32_with_a_byte_order_mark_but_a_bad_unit_says_so(tmp_path: Path) -> None:
    path = tmp_path / "p.csv"
    path.write_bytes(PEOPLE.encode("utf-32") + b"\x00\x00\x11\x00")
    with pytest.raises(OrgLoadError) as raised:
        import_csv(path)
    [problem] = raised.value.problems
    assert (problem.line, problem.col, problem.rule) == (4, 1, "encoding")
    assert problem.message == ("the file starts like UTF-32 but is not valid UTF-32: save it "
                               "as UTF-8")
