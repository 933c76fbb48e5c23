"""`orgviz diff` on hand-made before/after pairs."""

from __future__ import annotations

import json
import subprocess
import warnings
from dataclasses import replace
from pathlib import Path

import pytest
from click.testing import CliRunner

from orgviz.cli import main
from orgviz.diff import HIGHLIGHT, diff_orgs, summary
from orgviz.loader import load
from orgviz.render.themes import THEMES

BEFORE = """\
orgviz: 1
org: {name: Acme}
people:
  - {id: dana, name: Dana, title: CEO}
  - {id: sam, name: Sam, title: Head of Product, reports_to: dana, team: product}
  - {id: lee, name: Lee, title: Product Manager, reports_to: sam, team: product}
  - {id: kim, name: Kim, title: Engineer, reports_to: dana, team: eng}
  - {id: open-pm, title: Product Manager, vacant: true, reports_to: sam}
  - {id: bob, name: Bob, title: Designer, reports_to: sam}
"""
AFTER = """\
orgviz: 1
org: {name: Acme}
people:
  - {id: dana, name: Dana, title: CEO}
  - {id: sam, name: Sam, title: VP of Product, reports_to: dana, team: product}
  - {id: lee, name: Lee, title: Product Manager, reports_to: dana, team: growth}
  - {id: kim, title: Engineer, reports_to: dana, team: eng, vacant: true}
  - {id: open-pm, name: Ana, title: Product Manager, reports_to: sam}
  - {id: new, name: New, title: Designer, reports_to: sam}
"""


def _pair(tmp_path: Path) -> tuple[Path, Path]:
    old, new = tmp_path / "old.yaml", tmp_path / "new.yaml"
    old.write_text(BEFORE, encoding="utf-8")
    new.write_text(AFTER, encoding="utf-8")
    return old, new


def test_changes(tmp_path: Path) -> None:
    old, new = _pair(tmp_path)
    changes = diff_orgs(load(old), load(new))
    got = sorted(tuple(sorted(c.to_dict().items())) for c in changes if c.kind != "changed")
    assert got == sorted(tuple(sorted(d.items())) for d in [
        {"kind": "retitled", "id": "sam", "name": "Sam", "field": "title",
         "old": "Head of Product", "new": "VP of Product"},
        {"kind": "moved", "id": "lee", "name": "Lee", "field": "reports_to", "old": "sam",
         "new": "dana", "old_name": "Sam", "new_name": "Dana"},
        {"kind": "reteamed", "id": "lee", "name": "Lee", "field": "team", "old": "product",
         "new": "growth"},
        {"kind": "opened", "id": "kim", "name": "Open role", "title": "Engineer",
         "team": "eng", "reports_to": "dana", "previous_holder": "Kim",
         "new_position": False},
        {"kind": "filled", "id": "open-pm", "name": "Ana", "title": "Product Manager",
         "reports_to": "sam"},
        {"kind": "added", "id": "new", "name": "New", "title": "Designer", "reports_to": "sam"},
        {"kind": "removed", "id": "bob", "name": "Bob", "title": "Designer",
         "reports_to": "sam"},
    ])
    counts = summary(changes)
    assert counts["added"] == counts["removed"] == counts["moved"] == 1
    assert diff_orgs(load(old), load(old)) == []


def _diff(tmp_path: Path, before: str, after: str) -> list[tuple[str, ...]]:
    old, new = tmp_path / "old.yaml", tmp_path / "new.yaml"
    old.write_text(before, encoding="utf-8")
    new.write_text(after, encoding="utf-8")
    return [(c.kind, c.id) for c in diff_orgs(load(old), load(new))]


HEAD = "orgviz: 1\norg: {name: Acme}\npeople:\n  - {id: dana, name: Dana, title: CEO}\n"


def test_a_move_to_a_missing_manager_is_one_change(tmp_path: Path) -> None:
    """It was listed twice, as "manager missing" and as "moved", and counted twice."""
    before = HEAD + ("  - {id: sam, name: Sam, title: Head of Product, reports_to: dana}\n"
                     "  - {id: lee, name: Lee, title: PM, reports_to: sam}\n")
    after = before.replace("reports_to: sam}", "reports_to: ghost}")
    assert _diff(tmp_path, before, after) == [("unlinked", "lee")]
    changes = diff_orgs(load(tmp_path / "old.yaml"), load(tmp_path / "new.yaml"))
    assert changes[0].to_dict() == {"kind": "unlinked", "id": "lee", "name": "Lee",
                                    "old": "sam", "field": "reports_to", "title": "PM",
                                    "reports_to": "ghost", "old_name": "Sam"}
    result = CliRunner().invoke(main, ["diff", str(tmp_path / "old.yaml"),
                                       str(tmp_path / "new.yaml")])
    assert ("\n! manager missing lee (Lee): reports to ghost, who is not in the new version "
            "(moved from sam (Sam))\n") in f"\n{result.output}"
    assert "> moved" not in result.output
    assert result.output.splitlines()[-1].endswith(": 1 manager missing")
    from orgviz.diff.draw import _card_note

    # (the manager before by the name the change gives them: Sam in the old version)
    assert _card_note([replace(changes[0], old_name="Al")], {"ghost": "Bo"}) == (
        "moved from Al to Bo, not in this version")
    # (too long for the card: the short form, not one cut at the card's edge)
    assert _card_note(changes, {"sam": "Sam"}) == "manager ghost missing"


def test_a_removed_manager_leaves_unlinked_people(tmp_path: Path) -> None:
    before = HEAD + ("  - {id: sam, name: Sam, title: Head of Product, reports_to: dana}\n"
                     "  - {id: lee, name: Lee, title: PM, reports_to: sam}\n"
                     "  - {id: ann, name: Ann, title: PM, reports_to: sam}\n")
    after = HEAD + ("  - {id: lee, name: Lee, title: PM, reports_to: sam}\n"
                    "  - {id: ann, name: Ann, title: PM, reports_to: dana}\n")
    assert _diff(tmp_path, before, after) == [("unlinked", "lee"), ("moved", "ann"),
                                              ("removed", "sam")]
    result = CliRunner().invoke(main, ["diff", str(tmp_path / "old.yaml"),
                                       str(tmp_path / "new.yaml")])
    assert result.exit_code == 0
    assert ("! manager missing lee (Lee): reports to sam (Sam), who is not in the new version"
            in result.output)
    assert (f"orgviz: {tmp_path / 'new.yaml'}: 1 person reports to a manager who is not in "
            "it (`orgviz validate` reports where)") in result.output
    assert result.output.splitlines()[-1].endswith(
        ": 1 removed, 1 manager missing, 1 moved")
    # Drawn with a red accent, and the removed manager named as in the old version.
    out = tmp_path / "diff.svg"
    result = CliRunner().invoke(main, ["diff", str(tmp_path / "old.yaml"),
                                       str(tmp_path / "new.yaml"), "-o", str(out)])
    texts = _svg_texts(out)
    assert "manager Sam not in this version" in texts and "manager missing" in texts
    assert "#C92A2A" in out.read_text(encoding="utf-8")
    # A line broken in both versions is no change.
    assert _diff(tmp_path, after, after) == []


def test_an_id_change_is_one_person(tmp_path: Path) -> None:
    before = HEAD + ("  - {id: rosa, name: Rosa Delgado, title: Director, reports_to: dana}\n"
                     "  - {id: lee, name: Lee, title: PM, reports_to: rosa}\n"
                     "  - {id: kim, name: Kim, title: PM, reports_to: dana}\n")
    after = HEAD + ("  - {id: rosa-berlin, name: Rosa Delgado, title: Director, "
                    "reports_to: dana}\n"
                    "  - {id: lee, name: Lee, title: PM, reports_to: rosa-berlin}\n"
                    "  - {id: kim2, name: Kim, title: Designer, reports_to: lee}\n")
    # Rosa's id changed (same name and title), Lee still reports to her (not moved); Kim
    # changed title and manager with the id: a different position, removed and added.
    assert _diff(tmp_path, before, after) == [("idchanged", "rosa-berlin"), ("added", "kim2"),
                                              ("removed", "kim")]
    # Two people of one name are told apart by their title and team: the Director Rosa
    # Delgado is the Director Rosa Delgado; the PM, now a Designer under Lee, is no one's.
    twins = before.replace("name: Kim", "name: Rosa Delgado")
    twins_after = after.replace("name: Kim", "name: Rosa Delgado")
    assert _diff(tmp_path, twins, twins_after) == [("idchanged", "rosa-berlin"),
                                                    ("added", "kim2"), ("removed", "kim")]
    # Two of one name, title and team: no guess.
    directors = twins.replace("title: PM, reports_to: dana", "title: Director, reports_to: dana")
    assert ("idchanged", "rosa-berlin") not in _diff(
        tmp_path, directors, twins_after.replace("title: Designer", "title: Director"))


def test_a_new_open_position_is_one_change(tmp_path: Path) -> None:
    after = HEAD + "  - {id: open-pm, title: PM, vacant: true, reports_to: dana}\n"
    assert _diff(tmp_path, HEAD, after) == [("opened", "open-pm")]
    result = CliRunner().invoke(main, ["diff", str(tmp_path / "old.yaml"),
                                       str(tmp_path / "new.yaml")])
    assert ("o vacancy opened  open-pm (Open role): PM (a new position), reports to dana"
            in result.output)
    assert result.output.splitlines()[-1].endswith(": 1 vacancy opened")


def test_summary_counts_in_plural(tmp_path: Path) -> None:
    from orgviz.diff import said

    assert said({"changed": 3, "opened": 2, "added": 1}) == (
        "3 other changes, 2 vacancies opened, 1 added")
    assert said({"changed": 0}) == "no changes"


def test_cli_text_json_and_svg(tmp_path: Path) -> None:
    old, new = _pair(tmp_path)
    runner = CliRunner()
    result = runner.invoke(main, ["diff", str(old), str(new)])
    assert result.exit_code == 0
    assert "> moved           lee (Lee): sam (Sam) -> dana (Dana)" in result.output
    assert "* vacancy filled  open-pm (Ana): Product Manager" in result.output
    assert "o vacancy opened  kim (Open role): Engineer (was Kim), reports to dana (Dana)" in (
        result.output)
    assert result.output.rstrip().endswith(
        "1 added, 1 removed, 1 moved, 1 retitled, 1 re-teamed, 1 vacancy opened, "
        "1 vacancy filled")
    result = runner.invoke(main, ["diff", str(old), str(new), "--json", "--exit-code"])
    assert result.exit_code == 1
    assert json.loads(result.output)["summary"]["filled"] == 1
    dot = tmp_path / "diff.dot"
    result = runner.invoke(main, ["diff", str(old), str(new), "-o", str(dot)])
    assert result.exit_code == 0
    text = dot.read_text(encoding="utf-8")
    assert HIGHLIGHT["moved"] in text  # lee moved: the moved accent
    # (violet: the dotted lines are drawn blue, and a blue accent read as one of them)
    assert HIGHLIGHT["moved"] == "#7048E8" != THEMES["light"].dotted_line
    assert "moved from Sam" in text and "was Head of Product" in text


def _svg_texts(path: Path) -> list[str]:
    from xml.etree import ElementTree

    root = ElementTree.parse(path).getroot()
    return ["".join(node.itertext()) for node in root.iter("{http://www.w3.org/2000/svg}text")]


@pytest.mark.parametrize("engine", ["auto", "embedded", "system"])
def test_svg_shows_the_changes_on_the_new_chart(tmp_path: Path, engine: str) -> None:
    """Drawn by orgviz itself, so the chart is the same whatever engine is named."""
    old, new = _pair(tmp_path)
    out = tmp_path / "diff.svg"
    result = CliRunner().invoke(main, ["diff", str(old), str(new), "-o", str(out),
                                       "--engine", engine])
    assert result.exit_code == 0, result.output
    texts = _svg_texts(out)
    for expected in ("Dana", "Sam", "Lee", "Ana", "New", "was Head of Product",
                     "moved from Sam · team was product", "vacancy filled", "new",
                     "vacancy opened", "Changes", "moved (new manager)"):
        assert expected in texts, expected
    # (The subtitle wraps to the chart's width: its lines are read together, spaces aside.)
    start = next(i for i, t in enumerate(texts) if t.startswith("Changes since"))
    subtitle = "".join(texts[start:start + 4]).replace(" ", "")
    assert f"Changessince{old}:".replace(" ", "") in subtitle and "removed:Bob" in subtitle
    assert out.read_bytes() == _draw_again(old, new, tmp_path)


def _draw_again(old: Path, new: Path, tmp_path: Path) -> bytes:
    again = tmp_path / "again.svg"
    result = CliRunner().invoke(main, ["diff", str(old), str(new), "-o", str(again)])
    assert result.exit_code == 0
    return again.read_bytes()


def test_png_and_pdf(tmp_path: Path) -> None:
    old, new = _pair(tmp_path)
    for name, magic in (("diff.png", b"\x89PNG"), ("diff.pdf", b"%PDF")):
        out = tmp_path / name
        result = CliRunner().invoke(main, ["diff", str(old), str(new), "-o", str(out)])
        assert result.exit_code == 0, result.output
        assert out.read_bytes().startswith(magic)


def test_a_png_scaled_down_to_fit_is_a_one_line_note(tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    from orgviz.render import convert

    monkeypatch.setattr(convert, "MAX_PNG_SIDE", 300)  # (a big org's chart, small)
    old, new = _pair(tmp_path)
    out = tmp_path / "diff.png"
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # a Python warning (with its source line) fails
        result = CliRunner().invoke(main, ["diff", str(old), str(new), "-o", str(out)])
    assert result.exit_code == 0, result.output
    [note, wrote] = [line for line in result.output.splitlines()
                     if line.startswith("orgviz:")]
    assert wrote == f"orgviz: wrote {out}"
    assert note.startswith(f"orgviz: {out}: the chart would be ")
    assert "scaled down to 300 x" in note and note.endswith("write SVG or PDF for a sharp "
                                                            "large chart")
    assert out.read_bytes().startswith(b"\x89PNG")


def test_unknown_chart_format(tmp_path: Path) -> None:
    old, new = _pair(tmp_path)
    result = CliRunner().invoke(main, ["diff", str(old), str(new), "-o",
                                       str(tmp_path / "diff.gif")])
    assert result.exit_code == 2
    assert result.output == (f"orgviz: cannot tell the format of '{tmp_path / 'diff.gif'}' from "
                             "its extension: use .svg, .png, .pdf or .dot\n")
    assert not (tmp_path / "diff.gif").exists()


def test_git(tmp_path: Path) -> None:
    import shutil

    if shutil.which("git") is None:
        pytest.skip("no git")
    old, _new = _pair(tmp_path)
    repo = tmp_path / "repo"
    repo.mkdir()
    target = repo / "org.yaml"
    env = {"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@t", "GIT_COMMITTER_NAME": "t",
           "GIT_COMMITTER_EMAIL": "t@t", "HOME": str(tmp_path), "PATH": "/usr/bin:/bin"}
    git = ["git", "-C", str(repo)]
    subprocess.run([*git, "init", "-q"], check=True, env=env)
    target.write_text(BEFORE, encoding="utf-8")
    subprocess.run([*git, "add", "org.yaml"], check=True, env=env)
    subprocess.run([*git, "commit", "-qm", "v1"], check=True, env=env)
    target.write_text(AFTER, encoding="utf-8")
    result = CliRunner().invoke(main, ["diff", "--git", "HEAD", str(target), "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["summary"]["moved"] == 1
    result = CliRunner().invoke(main, ["diff", "--git", "HEAD", str(old)])
    assert result.exit_code == 2
    assert len(result.output.strip().splitlines()) == 1
    result = CliRunner().invoke(main, ["diff", str(old)])
    assert result.exit_code == 2


def test_an_unknown_chart_format_is_refused_before_any_work(tmp_path: Path) -> None:
    old, new = _pair(tmp_path)
    result = CliRunner().invoke(main, ["diff", str(old), str(new), "-o", "diff.txt"])
    assert result.exit_code == 2
    assert result.output == ("orgviz: cannot tell the format of 'diff.txt' from its "
                             "extension: use .svg, .png, .pdf or .dot\n")
    result = CliRunner().invoke(main, ["diff", str(old), str(new), "-o", "-"])
    assert result.exit_code == 2
    assert result.output == ("orgviz: -o - : the report of changes is what goes to stdout; -o "
                             "names the chart file to draw (.svg, .png, .pdf or .dot)\n")
    assert not Path("-").exists()


def test_an_open_position_filled_under_a_new_id(tmp_path: Path) -> None:
    before = HEAD + ("  - {id: open-pm, title: Senior PM, vacant: true, reports_to: dana}\n"
                     "  - {id: lee, name: Lee, title: PM, reports_to: open-pm}\n")
    after = HEAD + ("  - {id: grace, name: Grace Hopper, title: Senior PM, reports_to: dana}\n"
                    "  - {id: lee, name: Lee, title: PM, reports_to: grace}\n")
    # One change: the open position was filled (the hire has an id of their own), and Lee,
    # who reported to the position, still does: not moved.
    assert _diff(tmp_path, before, after) == [("filled", "grace")]
    result = CliRunner().invoke(main, ["diff", str(tmp_path / "old.yaml"),
                                       str(tmp_path / "new.yaml"), "--json"])
    [change] = json.loads(result.output)["changes"]
    assert change == {"kind": "filled", "id": "grace", "name": "Grace Hopper", "field": "id",
                      "old": "open-pm", "new": "grace", "title": "Senior PM",
                      "reports_to": "dana"}
    text = CliRunner().invoke(main, ["diff", str(tmp_path / "old.yaml"),
                                     str(tmp_path / "new.yaml")]).output
    assert ("* vacancy filled  grace (Grace Hopper): Senior PM (the open position open-pm)"
            in text)
    # Two hires for two openings of one title and manager: no guess, unless the reports
    # tell (Lee followed Grace: she filled open-pm, so Ada filled the other).
    two = before + "  - {id: open-pm2, title: Senior PM, vacant: true, reports_to: dana}\n"
    twice = after + "  - {id: ada, name: Ada, title: Senior PM, reports_to: dana}\n"
    assert _diff(tmp_path, two, twice) == [("filled", "grace"), ("filled", "ada")]
    lee = "  - {id: lee, name: Lee, title: PM, reports_to: grace}\n"
    assert ("filled", "grace") not in _diff(tmp_path, two.replace(lee.replace("grace",
                                                                              "open-pm"), ""),
                                            twice.replace(lee, ""))


def test_who_left_backfilled_by_an_open_position_of_a_new_id(tmp_path: Path) -> None:
    """A person removed while an open position of their title and manager is added (the
    requisition has an id of its own) is a vacancy opened, not a removal and a new position;
    their reports, who now report to the opening, are not "moved"."""
    before = HEAD + ("  - {id: jo, name: Jo Jay, title: Engineering Manager, reports_to: dana}\n"
                     "  - {id: ed, name: Ed, title: Engineer, reports_to: jo}\n")
    after = HEAD + ("  - {id: req-77, title: Engineering Manager, vacant: true, "
                    "reports_to: dana}\n"
                    "  - {id: ed, name: Ed, title: Engineer, reports_to: req-77}\n")
    assert _diff(tmp_path, before, after) == [("opened", "req-77")]
    result = CliRunner().invoke(main, ["diff", str(tmp_path / "old.yaml"),
                                       str(tmp_path / "new.yaml"), "--json"])
    [change] = json.loads(result.output)["changes"]
    assert change == {"kind": "opened", "id": "req-77", "name": "Open role", "field": "id",
                      "old": "jo", "new": "req-77", "title": "Engineering Manager",
                      "reports_to": "dana", "previous_holder": "Jo Jay",
                      "new_position": False}
    text = CliRunner().invoke(main, ["diff", str(tmp_path / "old.yaml"),
                                     str(tmp_path / "new.yaml")]).output
    assert text.splitlines()[0] == ("o vacancy opened  req-77 (Open role): Engineering "
                                    "Manager (was Jo Jay, id jo), reports to dana (Dana)")
    # Another title, or two openings of one title and manager: no guess.
    assert _diff(tmp_path, before, after.replace("title: Engineering Manager, vacant",
                                                 "title: Director, vacant")) == [
        ("opened", "req-77"), ("moved", "ed"), ("removed", "jo")]
    twice = after + ("  - {id: req-78, title: Engineering Manager, vacant: true, "
                     "reports_to: dana}\n")
    ed = "  - {id: ed, name: Ed, title: Engineer, reports_to: req-77}\n"
    assert ("removed", "jo") in _diff(tmp_path, before.replace(ed.replace("req-77", "jo"), ""),
                                      twice.replace(ed, ""))
    # Unless the reports tell: Ed followed req-77.
    assert _diff(tmp_path, before, twice) == [("opened", "req-77"), ("opened", "req-78")]


def test_a_chart_that_cannot_be_written_prints_no_report(tmp_path: Path) -> None:
    old, new = _pair(tmp_path)
    (tmp_path / "plain").write_text("a file, not a folder", encoding="utf-8")
    target = tmp_path / "plain" / "diff.svg"
    result = CliRunner().invoke(main, ["diff", str(old), str(new), "-o", str(target)])
    assert result.exit_code == 2
    assert result.output == f"orgviz: {target}: {target.parent} is not a directory\n"


def test_a_card_moved_and_retitled_keeps_both_in_its_note_line() -> None:
    from orgviz.diff import Change
    from orgviz.diff.draw import _card_note, _note_fits

    moved = Change(kind="moved", id="ana", name="Ana", old="john", new="hop")
    retitled = Change(kind="retitled", id="ana", name="Ana", old="Product Manager",
                      new="Senior Product Manager")
    note = _card_note([moved, retitled], {"john": "John Smith"})
    assert note == "moved from John Smith · retitled"  # (in full it was cut: "was Product…")
    assert _note_fits(note) and not _note_fits("moved from John Smith · was Product Manager")
    assert _card_note([retitled], {}) == "was Product Manager"
    short = Change(kind="moved", id="ana", name="Ana", old="jo", new="hop")
    pm = Change(kind="retitled", id="ana", name="Ana", old="PM", new="Senior PM")
    assert _card_note([short, pm], {}) == "moved from jo · was PM"


def test_a_big_diff_png_notes_its_scale_without_a_width_option(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("resvg_py")
    from orgviz.render import convert

    monkeypatch.setattr(convert, "PNG_PIXEL_BUDGET", 1_000)  # (every chart is "big")
    (tmp_path / "old.yaml").write_text(HEAD, encoding="utf-8")
    (tmp_path / "new.yaml").write_text(
        HEAD + "  - {id: kim, name: Kim, title: PM, reports_to: dana}\n", encoding="utf-8")
    out = tmp_path / "diff.png"
    result = CliRunner().invoke(main, ["diff", str(tmp_path / "old.yaml"),
                                       str(tmp_path / "new.yaml"), "-o", str(out)])
    assert result.exit_code == 0, result.output
    note = next(line for line in result.output.splitlines() if "drawn at 1x" in line)
    assert note.startswith(f"orgviz: {out}: the chart is drawn at 1x, not 2x, its natural size")
    assert "--width" not in note  # (diff has no --width)
    assert out.read_bytes().startswith(b"\x89PNG")


def test_load_errors_are_printed_in_order_of_place_old_version_first(tmp_path: Path) -> None:
    # (they came in the loader's order: a team's line before a person's above it)
    old, new = tmp_path / "old.yaml", tmp_path / "new.yaml"
    old.write_text(BEFORE.replace("{id: kim, name: Kim", "{id: kim, name: Kim, email: ' '"),
                   encoding="utf-8")
    new.write_text("orgviz: 1\norg: {name: ' '}\npeople:\n  - {id: a, name: A, title: CEO,"
                   " location: ''}\n  - {id: a, name: B, reports_to: a}\nteams:\n"
                   "  - {id: t, name: ''}\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["diff", str(old), str(new)])
    assert result.exit_code == 1
    assert [line.split(" error ")[0] for line in result.output.splitlines()] == [
        f"{old}:7:33:", f"{new}:2:13:", f"{new}:4:44:", f"{new}:5:10:", f"{new}:7:19:"]
    assert "duplicate person id 'a'" in result.output.splitlines()[3]


def test_dotted_lines_and_combined_roles_in_another_order_are_no_change(
        tmp_path: Path) -> None:
    """They were "other change: dotted_to a, b -> b, a"; the order of a list says nothing."""
    before = HEAD + ("  - {id: sam, name: Sam, title: CTO, reports_to: dana}\n"
                     "  - {id: lee, name: Lee, title: Head of Product, reports_to: dana,"
                     " role: [head-of-product, director-of-product], dotted_to: [sam, dana]}\n")
    after = before.replace("[head-of-product, director-of-product]",
                           "[director-of-product, head-of-product]").replace(
        "dotted_to: [sam, dana]", "dotted_to: [dana, sam]")
    assert after != before
    assert _diff(tmp_path, before, after) == []
    # A dotted line dropped, or a role given up, still is.
    fewer = after.replace("dotted_to: [dana, sam]", "dotted_to: [dana]").replace(
        "[director-of-product, head-of-product]", "[head-of-product]")
    changes = diff_orgs(load(tmp_path / "old.yaml"), _load_text(tmp_path, fewer))
    assert [(c.kind, c.field) for c in changes] == [("changed", "dotted_to"),
                                                    ("changed", "roles")]


def _load_text(tmp_path: Path, text: str):
    """An org loaded from `text` (written to other.yaml)."""
    path = tmp_path / "other.yaml"
    path.write_text(text, encoding="utf-8")
    return load(path)


def test_open_positions_whose_ids_changed_are_ids_changed(tmp_path: Path) -> None:
    """No name to match them by: an open position removed and one added with the same title
    and manager (by its new id) is one position whose id changed; two of one title and
    manager pair in file order (they differ in their ids alone). They were "removed" and
    "vacancy opened" each: 36 and 36 when every id of the enterprise example changed."""
    before = HEAD + ("  - {id: sam, name: Sam, title: CTO, reports_to: dana}\n"
                     "  - {id: o1, title: Engineer, vacant: true, reports_to: sam}\n"
                     "  - {id: o2, title: Engineer, vacant: true, reports_to: sam}\n"
                     "  - {id: o3, title: Engineering Manager, vacant: true, reports_to: sam}\n"
                     "  - {id: lee, name: Lee, title: Engineer, reports_to: o3}\n")
    after = (before.replace("id: sam,", "id: x-sam,").replace("reports_to: sam", "reports_to:"
                                                               " x-sam")
             .replace("id: o", "id: x-o").replace("reports_to: o3", "reports_to: x-o3"))
    assert _diff(tmp_path, before, after) == [
        ("idchanged", "x-sam"), ("idchanged", "x-o1"), ("idchanged", "x-o2"),
        ("idchanged", "x-o3")]
    changes = diff_orgs(load(tmp_path / "old.yaml"), load(tmp_path / "new.yaml"))
    assert [(c.old, c.new) for c in changes][1:] == [("o1", "x-o1"), ("o2", "x-o2"),
                                                      ("o3", "x-o3")]
    # Another title, or one more opening than before: no guess.
    retitled = after.replace("title: Engineering Manager", "title: Director")
    assert ("removed", "o3") in _diff(tmp_path, before, retitled)
    more = after + "  - {id: x-o4, title: Engineer, vacant: true, reports_to: x-sam}\n"
    found = _diff(tmp_path, before, more)
    assert ("removed", "o1") in found and ("opened", "x-o4") in found


def test_texts_in_another_unicode_form_are_no_change(tmp_path: Path) -> None:
    """The same names and titles written with combining accents (another export, another
    system) were 'renamed: José Ñúñez -> José Ñúñez' and 'retitled', identical on screen."""
    import unicodedata

    text = HEAD + ("  - {id: jose, name: José Ñúñez, title: Directeur général, "
                   "reports_to: dana, location: Gënève}\n"
                   "  - {id: zoe, name: Zoë Ångström, title: Ingénieure, reports_to: jose}\n")
    composed, decomposed = (unicodedata.normalize(form, text) for form in ("NFC", "NFD"))
    assert composed != decomposed
    assert _diff(tmp_path, composed, decomposed) == []
    # An id changed too: still the same person, matched by the name in either form.
    moved = decomposed.replace("id: zoe,", "id: zoe-a,")
    assert _diff(tmp_path, composed, moved) == [("idchanged", "zoe-a")]
    # A real rename still is one.
    assert _diff(tmp_path, composed, composed.replace("Zoë", "Zoé")) == [("renamed", "zoe")]


def test_orgviz_diff_still_gives_every_name_the_one_module_gave() -> None:
    """orgviz.diff became a package of small modules: what scripts and the commands took
    from it is still there, each the package's own."""
    import orgviz.diff
    from orgviz.diff import change, draw, git, match, report

    given = {"KINDS": change, "TEAM_KINDS": change, "ORG_KINDS": change, "Change": change,
             "diff_orgs": match, "repeated_ids": match, "summary": report, "said": report,
             "people_names": report, "team_names": report, "format_text": report,
             "to_json": report, "MAX_REV_LENGTH": git, "MAX_GIT_LINKS": git,
             "MAX_GIT_FILES": git, "load_git_version": git,
             "HIGHLIGHT": draw, "MAX_REMOVED_SHOWN": draw, "changes_chart": draw,
             "draw_changes": draw}
    for name, module in given.items():
        assert getattr(orgviz.diff, name) is getattr(module, name), name
    assert sorted(orgviz.diff.__all__) == sorted(given)


def test_a_repeated_team_id_is_refused_at_its_place(tmp_path: Path) -> None:
    """A team that repeats an id would never be compared (teams are matched by id): refused
    like a repeated person id, where it was a traceback (OrgLoadError from diff_orgs)."""
    head = ("orgviz: 1\norg: {name: T, size: small}\nteams:\n  - {id: eng, name: Engineering}\n")
    people = "people:\n  - {id: a, name: A, title: Chief Executive Officer, team: eng}\n"
    old, new = tmp_path / "old.yaml", tmp_path / "new.yaml"
    old.write_text(head + people, encoding="utf-8")
    new.write_text(head + "  - {id: eng, name: Platform}\n" + people, encoding="utf-8")
    result = CliRunner().invoke(main, ["diff", str(old), str(new)])
    assert result.exit_code == 1
    assert result.output == (f"{new}:5:10: error [duplicate-id] duplicate team id 'eng' "
                             "(first used at line 4): give each team its own id\n")


def test_a_flag_is_written_as_yaml_writes_it(tmp_path: Path) -> None:
    """It was `assistant True -> False`, Python's spelling."""
    before = HEAD + "  - {id: ea, name: Ed, title: Executive Assistant, reports_to: dana, " \
                    "assistant: true}\n"
    old, new = tmp_path / "old.yaml", tmp_path / "new.yaml"
    old.write_text(before, encoding="utf-8")
    new.write_text(before.replace(", assistant: true", ""), encoding="utf-8")
    result = CliRunner().invoke(main, ["diff", str(old), str(new)])
    assert result.output.splitlines()[0] == "~ other change    ea (Ed): assistant true -> false"


def test_the_legend_names_an_id_changed_among_the_amber_changes(tmp_path: Path) -> None:
    from orgviz.diff import changes_chart
    from orgviz.render.themes import get_theme

    before = HEAD + "  - {id: e3, name: Ema, title: Engineer, reports_to: dana}\n"
    old, new = tmp_path / "old.yaml", tmp_path / "new.yaml"
    old.write_text(before, encoding="utf-8")
    new.write_text(before.replace("id: e3", "id: e3x"), encoding="utf-8")
    chart = changes_chart(load(new), diff_orgs(load(old), load(new)), "old.yaml",
                          get_theme("light", None), load(old))
    assert chart.legend == (("retitled, re-teamed, renamed or id changed", HIGHLIGHT["idchanged"]),)
    assert chart.by_id["e3x"].team == "id was e3"


def test_the_note_of_unlinked_people_names_a_file_with_a_line_break_on_one_line(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # (it printed the new file's name raw: a name with a line break took two lines)
    monkeypatch.chdir(tmp_path)
    Path("old.yaml").write_text(HEAD + "  - {id: sam, name: Sam, reports_to: dana}\n"
                                "  - {id: lee, name: Lee, reports_to: sam}\n", encoding="utf-8")
    Path("a\nb.yaml").write_text(HEAD + "  - {id: lee, name: Lee, reports_to: sam}\n",
                                 encoding="utf-8")
    result = CliRunner().invoke(main, ["diff", "old.yaml", "a\nb.yaml"])
    assert result.exit_code == 0
    assert ("orgviz: a\\u000Ab.yaml: 1 person reports to a manager who is not in it (`orgviz "
            "validate` reports where)") in result.output.splitlines()
