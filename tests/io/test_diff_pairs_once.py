"""`orgviz diff` pairs each removed and each added position once: an opening whose id
changed is not also filled, nor two removed positions both the one added."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from orgviz.cli import main

HEAD = ("orgviz: 1\norg: {name: Gen, size: small}\npeople:\n"
        "  - {id: p0, title: Engineer, name: Ann}\n")
#: An open Engineer role.
ONE_OPENING = HEAD + "  - {id: p1, title: Engineer, vacant: true}\n"
#: Another Engineer added, and the opening under another id.
HIRED_AND_OPEN = (HEAD + "  - {id: p2, title: Engineer, name: Bo}\n"
                  "  - {id: p3, title: Engineer, vacant: true}\n")


def _run(tmp_path: Path, before: str, after: str) -> str:
    old, new = tmp_path / "old.yaml", tmp_path / "new.yaml"
    old.write_text(before, encoding="utf-8")
    new.write_text(after, encoding="utf-8")
    result = CliRunner().invoke(main, ["diff", str(old), str(new)])
    assert result.exit_code == 0, result.output
    return result.output.replace(f"{tmp_path}/", "")


def test_an_opening_whose_id_changed_is_not_also_filled(tmp_path: Path) -> None:
    """p1 was both "id changed to p3" and "filled by Bo (p2)": one opening, two ends."""
    assert _run(tmp_path, ONE_OPENING, HIRED_AND_OPEN) == (
        "+ added           p2 (Bo): Engineer, a top\n"
        "~ id changed      p3 (Open role): p1 -> p3, Engineer, a top\n"
        "old.yaml -> new.yaml: 1 added, 1 id changed\n")


def test_two_removed_positions_are_not_both_the_opening_added(tmp_path: Path) -> None:
    """The other way, p1 was "vacancy opened (was Bo, id p2)" and the opening p3, also
    paired with p1, was never reported: removed without a word."""
    assert _run(tmp_path, HIRED_AND_OPEN, ONE_OPENING) == (
        "- removed         p2 (Bo): Engineer, a top\n"
        "~ id changed      p1 (Open role): p3 -> p1, Engineer, a top\n"
        "old.yaml -> new.yaml: 1 removed, 1 id changed\n")
