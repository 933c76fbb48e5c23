"""Rules over orgs split across included files: references and locations cross files."""

from orgviz.loader import load
from orgviz.validate import validate

TOP = """\
orgviz: 1
org: {name: T}
include: [product.yaml]
people:
  - {id: ceo, name: Ada King, role: ceo}
  - {id: cpo, name: Dana Reyes, role: cpo, reports_to: pm}
"""

PRODUCT = """\
orgviz: 1
people:
  - {id: pm, name: Sam Ito, role: pm, reports_to: cpo}
  - {id: lone, name: Lee Park, role: pm}
"""


def test_cycle_and_root_across_files(tmp_path):
    (tmp_path / "product.yaml").write_text(PRODUCT, encoding="utf-8")
    top = tmp_path / "org.yaml"
    top.write_text(TOP, encoding="utf-8")
    found = {p.rule: p for p in validate(load(top)) if p.level == "error"}
    assert (found["cycle"].file, found["cycle"].line) == (str(top), 6)
    assert f"cpo (line 6) -> pm ({tmp_path / 'product.yaml'}:3) -> cpo" in found["cycle"].message
    root = found["root"]
    assert (root.file, root.line) == (str(tmp_path / "product.yaml"), 4)
    assert f"'ceo' ({top}:5) is already the top" in root.message


def test_a_part_that_two_parts_include_is_read_once(tmp_path):
    # (a monorepo's shared teams file, included by two parts: its teams were read twice and
    # each reported as a duplicate of itself, "first used at line 3" of the same line)
    files = {"org.yaml": "orgviz: 1\norg: {name: T}\ninclude: [a.yaml, b.yaml, a.yaml]\n"
                         "people:\n  - {id: ceo, name: Ada King, role: ceo}\n",
             "a.yaml": "orgviz: 1\ninclude: shared.yaml\npeople:\n"
                       "  - {id: a, name: A, role: pm, reports_to: ceo, team: t}\n",
             "b.yaml": "orgviz: 1\ninclude: [shared.yaml]\npeople:\n"
                       "  - {id: b, name: B, role: pm, reports_to: ceo, team: t}\n",
             "shared.yaml": "orgviz: 1\nteams:\n  - {id: t, name: T}\n"}
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    org = load(tmp_path / "org.yaml")
    assert [p for p in validate(org) if p.level == "error"] == []
    assert [t.id for t in org.teams] == ["t"] and [p.id for p in org.people] == ["ceo", "a", "b"]
    assert sorted(org.files) == sorted(str(tmp_path / name) for name in files)


def test_an_include_path_that_differs_in_case_or_slashes_suggests_the_file(tmp_path):
    # (a path spelt `Parts/Eng.yaml` works on macOS and Windows, and fails on Linux CI)
    (tmp_path / "parts").mkdir()
    (tmp_path / "parts" / "eng.yaml").write_text("orgviz: 1\n", encoding="utf-8")
    top = tmp_path / "org.yaml"
    top.write_text("orgviz: 1\norg: {name: T}\ninclude: [Parts/ENG.yaml, parts\\eng.yaml, "
                   "parts/none.yaml]\npeople:\n  - {id: ceo, name: Ada King, role: ceo}\n",
                   encoding="utf-8")
    assert [(p.line, p.col, p.rule, p.message) for p in load(top).load_problems] == [
        (3, 11, "include", "included file 'Parts/ENG.yaml' does not exist; did you mean "
                           "'parts/eng.yaml'? (names differ in case: macOS and Windows find "
                           "it, Linux does not)"),
        (3, 27, "include", "included file 'parts\\eng.yaml' does not exist; did you mean "
                           "'parts/eng.yaml'? (paths use '/')"),
        (3, 43, "include", "included file 'parts/none.yaml' does not exist")]


def test_an_include_found_only_by_a_disk_that_ignores_case_is_an_error(tmp_path, monkeypatch):
    # (on macOS `Parts/ENG.yaml` finds parts/eng.yaml and validation passed, then the hook
    # failed on Linux CI: the disk's own spelling is asked for wherever orgviz runs)
    import orgviz.loadbuild

    (tmp_path / "parts").mkdir()
    (tmp_path / "parts" / "eng.yaml").write_text(
        "orgviz: 1\npeople:\n  - {id: e, name: E, role: engineer, reports_to: ceo}\n",
        encoding="utf-8")
    top = tmp_path / "org.yaml"
    top.write_text("orgviz: 1\norg: {name: T}\ninclude: [Parts/ENG.yaml, parts//eng.yaml]\n"
                   "people:\n  - {id: ceo, name: Ada King, role: ceo}\n", encoding="utf-8")
    real = orgviz.loadbuild.os.path.realpath
    monkeypatch.setattr(orgviz.loadbuild.os.path, "realpath",  # (a disk that ignores case)
                        lambda p: real(str(p).replace("Parts/ENG", "parts/eng")))
    org = load(top)
    assert [(p.line, p.col, p.rule, p.message) for p in org.load_problems] == [
        (3, 11, "include", "include 'Parts/ENG.yaml' is spelt 'parts/eng.yaml' on disk: write "
                           "that (Linux, where CI runs, tells cases apart and needs '/')")]
    assert [p.id for p in org.people] == ["ceo", "e"]
