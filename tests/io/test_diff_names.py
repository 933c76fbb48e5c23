"""`orgviz diff` names what an old and a new id stand for, each in its version: after ids
swapped, one id names one person (team) before and another now, and the JSON's `old_name`
and `new_name` say so as the text's "m1 (Mo One) -> m1 (Mia Two)" and the chart do. A
dotted line that follows its person to their new id is no change; one left at the id,
which names someone else now, is one."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from orgviz.cli import main
from orgviz.diff import changes_chart, diff_orgs
from orgviz.loader import load
from orgviz.render.themes import get_theme

OLD = """\
orgviz: 1
org: {name: Acme, size: small}
teams:
  - {id: eng, name: Engineering, lead: m1}
  - {id: web, name: Web, parent: eng}
  - {id: prod, name: Product, lead: m2}
people:
  - {id: ceo, name: Ann Ceo, title: Chief Executive Officer}
  - {id: vp1, name: Val One, title: VP of Engineering, reports_to: ceo}
  - {id: vp2, name: Vic Two, title: VP of Engineering, reports_to: ceo}
  - {id: m1, name: Mo One, title: Engineering Manager, reports_to: vp1, team: eng}
  - {id: m2, name: Mia Two, title: Engineering Manager, reports_to: vp2, team: prod}
  - {id: a1, name: Al A, title: Software Engineer, reports_to: m1, team: web}
  - {id: a2, name: Bo B, title: Software Engineer, reports_to: m1, team: web}
  - {id: b1, name: Cy C, title: Software Engineer, reports_to: m2, team: prod}
  - {id: b2, name: Di D, title: Software Engineer, reports_to: m2, team: prod}
  - {id: x1, name: Xi X, title: Program Manager, reports_to: ceo, dotted_to: [m1, vp1]}
"""


def _swap(text: str, a: str, b: str, keys: tuple[str, ...]) -> str:
    """`text` with the ids `a` and `b` exchanged as the values of `keys`."""
    for key in keys:
        text = (text.replace(f"{key}{a},", "\0,").replace(f"{key}{a}}}", "\0}")
                .replace(f"{key}{b},", f"{key}{a},").replace(f"{key}{b}}}", f"{key}{a}}}")
                .replace("\0", f"{key}{b}"))
    return text


#: Mo One and Mia Two swapped ids, their reports, team leads and x1's dotted line
#: following them.
PEOPLE_SWAPPED = _swap(OLD, "m1", "m2", ("id: ", "reports_to: ", "lead: ")).replace(
    "dotted_to: [m1, vp1]", "dotted_to: [m2, vp1]")
#: Engineering and Product swapped ids, their people following them.
TEAMS_SWAPPED = _swap(OLD, "eng", "prod", ("id: ", "team: ", "parent: "))


def _run(tmp_path: Path, after: str, *args: str) -> str:
    old, new = tmp_path / "old.yaml", tmp_path / "new.yaml"
    old.write_text(OLD, encoding="utf-8")
    new.write_text(after, encoding="utf-8")
    result = CliRunner().invoke(main, ["diff", str(old), str(new), *args])
    assert result.exit_code == 0, result.output
    return result.output.replace(f"{tmp_path}/", "")


def _json(tmp_path: Path, after: str) -> list[dict[str, object]]:
    """The changes of `--json`, but the ids changed."""
    changes = json.loads(_run(tmp_path, after, "--json"))["changes"]
    return [c for c in changes if c["kind"] not in ("idchanged", "team-idchanged")]


def _notes(tmp_path: Path) -> dict[str, str]:
    """The note of each changed card of the chart of the two versions `_run` wrote."""
    old, new = load(tmp_path / "old.yaml"), load(tmp_path / "new.yaml")
    chart = changes_chart(new, diff_orgs(old, new), "old.yaml", get_theme("light", None), old)
    return {card.id: card.team for card in chart.cards if card.color}


def test_what_follows_swapped_person_ids_is_no_change(tmp_path: Path) -> None:
    assert _run(tmp_path, PEOPLE_SWAPPED) == (
        "~ id changed      m2 (Mo One): m1 -> m2\n"
        "~ id changed      m1 (Mia Two): m2 -> m1\n"
        "old.yaml -> new.yaml: 2 ids changed\n")


def test_what_stays_at_a_swapped_person_id_names_both_holders(tmp_path: Path) -> None:
    """Al's manager, x1's dotted line and Engineering's lead stay at m1, which is Mia now:
    each is a change, named in JSON as in the text (it was `m1 -> m1` in JSON, and
    `dotted_to m1 -> m1` in both)."""
    after = (PEOPLE_SWAPPED.replace("dotted_to: [m2, vp1]", "dotted_to: [m1, vp1]")
             .replace("{id: eng, name: Engineering, lead: m2}",
                      "{id: eng, name: Engineering, lead: m1}")
             .replace("{id: a1, name: Al A, title: Software Engineer, reports_to: m2",
                      "{id: a1, name: Al A, title: Software Engineer, reports_to: m1"))
    assert _run(tmp_path, after) == (
        "~ id changed      m2 (Mo One): m1 -> m2\n"
        "~ id changed      m1 (Mia Two): m2 -> m1\n"
        "> moved           a1 (Al A): m1 (Mo One) -> m1 (Mia Two)\n"
        "~ other change    x1 (Xi X): dotted_to m1 (Mo One), vp1 (Val One) -> m1 (Mia Two), "
        "vp1 (Val One)\n"
        "~ team changed    eng (Engineering): lead m1 (Mo One) -> m1 (Mia Two)\n"
        "old.yaml -> new.yaml: 2 ids changed, 1 moved, 1 other change, 1 team changed\n")
    assert _json(tmp_path, after) == [
        {"kind": "moved", "id": "a1", "name": "Al A", "old": "m1", "new": "m1",
         "field": "reports_to", "old_name": "Mo One", "new_name": "Mia Two"},
        {"kind": "changed", "id": "x1", "name": "Xi X", "old": ["m1", "vp1"],
         "new": ["m1", "vp1"], "field": "dotted_to", "old_name": ["Mo One", "Val One"],
         "new_name": ["Mia Two", "Val One"]},
        {"kind": "team-changed", "id": "eng", "name": "Engineering", "old": "m1", "new": "m1",
         "field": "lead", "old_name": "Mo One", "new_name": "Mia Two"}]
    assert _notes(tmp_path) == {"m2": "id was m1", "m1": "id was m2",
                                "a1": "moved from Mo One", "x1": "changed: dotted_to"}


def test_a_dotted_line_following_one_person_and_left_by_another(tmp_path: Path) -> None:
    """x1's line to Mo follows him to m2, and one to Mia is added at m1 (hers now): the
    line to Mia is new, the one to Mo no change; said by name."""
    after = PEOPLE_SWAPPED.replace("dotted_to: [m2, vp1]", "dotted_to: [m2, m1, vp1]")
    assert _run(tmp_path, after).splitlines()[2] == (
        "~ other change    x1 (Xi X): dotted_to m1 (Mo One), vp1 (Val One) -> m2 (Mo One), "
        "m1 (Mia Two), vp1 (Val One)")


def test_what_stays_at_a_swapped_team_id_names_both_teams(tmp_path: Path) -> None:
    """Web's parent and Mo's team stay at eng, which is Product's id now: each is a change,
    naming Engineering before and Product now."""
    assert _run(tmp_path, TEAMS_SWAPPED) == (
        "~ team id changed prod (Engineering): eng -> prod\n"
        "~ team id changed eng (Product): prod -> eng\n"
        "old.yaml -> new.yaml: 2 team ids changed\n")
    after = (TEAMS_SWAPPED.replace("{id: web, name: Web, parent: prod}",
                                   "{id: web, name: Web, parent: eng}")
             .replace("{id: m1, name: Mo One, title: Engineering Manager, reports_to: vp1, "
                      "team: prod}", "{id: m1, name: Mo One, title: Engineering Manager, "
                      "reports_to: vp1, team: eng}"))
    assert _run(tmp_path, after) == (
        "~ re-teamed       m1 (Mo One): eng (Engineering) -> eng (Product)\n"
        "~ team id changed prod (Engineering): eng -> prod\n"
        "~ team id changed eng (Product): prod -> eng\n"
        "~ team changed    web (Web): parent eng (Engineering) -> eng (Product)\n"
        "old.yaml -> new.yaml: 1 re-teamed, 2 team ids changed, 1 team changed\n")
    assert _json(tmp_path, after) == [
        {"kind": "reteamed", "id": "m1", "name": "Mo One", "old": "eng", "new": "eng",
         "field": "team", "old_name": "Engineering", "new_name": "Product"},
        {"kind": "team-changed", "id": "web", "name": "Web", "old": "eng", "new": "eng",
         "field": "parent", "old_name": "Engineering", "new_name": "Product"}]
    assert _notes(tmp_path) == {"m1": "team was Engineering"}
