"""`orgviz stats` against hand-counted orgs."""

from __future__ import annotations

import json
import re
from itertools import pairwise
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from orgviz.cli import main
from orgviz.loader import load
from orgviz.stats import compute

# Hand count: 9 positions, 1 open; levels ceo 1, c-level 1 (cpo), vp 1, head 1 (combined
# head+director), manager 1, ic 3 (pm, pm, engineer), associate 0, unknown 1 (Wizard).
# Spans (assistants aside): ceo 1 (cpo; ea is an assistant), cpo 1 (vp), vp 1 (head),
# head 2 (gpm, wiz), gpm 2 (pm1, open-pm). Layers: ceo > cpo > vp > head > gpm > pm1 = 6.
ORG = """\
orgviz: 1
org: {name: Hand Count, size: small}
teams:
  - {id: product, name: Product}
people:
  - {id: ceo, name: Cee, title: CEO}
  - {id: ea, name: Ea, title: Executive Assistant, reports_to: ceo, assistant: true}
  - {id: cpo, name: Cpo, title: Chief Product Officer, reports_to: ceo, team: product}
  - {id: vp, name: Vee, title: VP of Product, reports_to: cpo, team: product}
  - {id: head, name: Hed, title: Head of Product, reports_to: vp, team: product,
     role: [head-of-product, director-of-product]}
  - {id: gpm, name: Gee, title: Group Product Manager, reports_to: head, team: product}
  - {id: pm1, name: Pem, title: Product Manager, reports_to: gpm, team: product}
  - {id: open-pm, title: Product Manager, vacant: true, reports_to: gpm, team: product}
  - {id: wiz, name: Wiz, title: Wizard, reports_to: head}
"""


def _org(tmp_path: Path):
    path = tmp_path / "hand.yaml"
    path.write_text(ORG, encoding="utf-8")
    return path


def test_hand_counted(tmp_path: Path) -> None:
    stats = compute(load(_org(tmp_path)))
    assert stats["headcount"] == {"positions": 9, "people": 8, "open": 1, "fte": 8.0,
                                  "open_fte": 1.0, "with_fte": 0}
    assert stats["by_level"] == {"ceo": 1, "c-level": 1, "vp": 1, "head": 1, "manager": 1,
                                 "ic": 3, "unknown": 1}
    assert stats["fte_by_level"] == {"ceo": 1, "c-level": 1, "vp": 1, "head": 1, "manager": 1,
                                     "ic": 2, "unknown": 1}  # (the open PM is no FTE filled)
    assert stats["by_team"] == {
        "Product": {"id": "product", "positions": 6, "open": 1, "fte": 5.0},
        "(no team)": {"id": None, "positions": 3, "open": 0, "fte": 3.0}}
    assert [r["id"] for r in stats["open_roles"]] == ["open-pm"]
    assert stats["layers"] == 6
    assert stats["deepest_path"] == ["ceo", "cpo", "vp", "head", "gpm", "pm1"]
    span = stats["span_of_control"]
    assert (span["managers"], span["min"], span["median"], span["max"]) == (5, 1, 1, 2)
    assert span["limit"] == 8 and span["over_limit"] == []
    # (ceo has one report too, but is the top of the org: validate's single-report exempts it)
    assert stats["single_report_managers"] == ["cpo", "vp"]
    lead = stats["product_leadership"]
    assert {k: v["count"] for k, v in lead.items()} == {
        "cpo": 1, "vp-product": 1, "head-of-product": 1, "director-of-product": 1}
    assert lead["director-of-product"]["combined"] == 1


def test_fte_totals_count_part_time_posts_and_grouped_posts(tmp_path: Path) -> None:
    # Hand count: filled ceo 1 + pm1 0.6 + pem2 0.4 + grouped 12.5 + wiz 1 ... = below.
    path = tmp_path / "fte.yaml"
    path.write_text(ORG.replace("  - {id: pm1, name: Pem, title: Product Manager, "
                                "reports_to: gpm, team: product}",
                                "  - {id: pm1, name: Pem, title: Product Manager, "
                                "reports_to: gpm, team: product, fte: 0.6}\n"
                                "  - {id: grouped, name: EO posts, title: Analyst, "
                                "reports_to: gpm, team: product, fte: 12.5}")
                    .replace("vacant: true, reports_to: gpm", "vacant: true, fte: 2.25, "
                             "reports_to: gpm"), encoding="utf-8")
    stats = compute(load(path))
    # filled: ceo, ea, cpo, vp, head, gpm, wiz 1 each (7) + pm1 0.6 + grouped 12.5 = 20.1
    assert stats["headcount"] == {"positions": 10, "people": 9, "open": 1, "fte": 20.1,
                                  "open_fte": 2.25, "with_fte": 3}
    assert stats["fte_by_level"]["ic"] == 14.1  # pm1 0.6, grouped 12.5 (Analyst), ea 1
    assert stats["by_team"]["Product"]["fte"] == 17.1  # cpo, vp, head, gpm 4 + 0.6 + 12.5
    text = CliRunner().invoke(main, ["stats", str(path)]).output
    assert text.splitlines()[0] == ("Hand Count (small): 10 positions, 9 people, 1 open; "
                                    "20.1 FTE filled, 2.25 open")
    # (the FTE columns count the filled positions: "FTE filled", as the first line says)
    assert "  team       positions  open  FTE filled\n" in text
    assert "  Product            7     1        17.1\n" in text
    assert "  level           positions  FTE filled\n" in text
    # An org without any fte shows no FTE columns (they would repeat the people counts).
    plain = CliRunner().invoke(main, ["stats", str(_org(tmp_path))]).output
    assert "FTE" not in plain


def test_over_limit_from_rules_block(tmp_path: Path) -> None:
    path = tmp_path / "limit.yaml"
    path.write_text(ORG.replace("org: {name: Hand Count, size: small}",
                                "org: {name: Hand Count, size: small}\n"
                                "rules: {span-of-control: {max: 1}}"), encoding="utf-8")
    span = compute(load(path))["span_of_control"]
    assert span["limit"] == 1
    assert span["over_limit"] == [["gpm", 2], ["head", 2]]


@pytest.mark.parametrize(("rules", "limit"), [
    ("{span-of-control: {max: 2.5}}", None),  # broken: validate says so; not the default 8
    ("{span-of-control: {max: many}}", None),
    ("{span-of-control: {maximum: 3}}", None),
    ("{span-of-control: off}", None),  # off: no limit to be over
    ("{span-of-control: {level: off}}", None),
    ("{single-report: {max: 2.5}, span-of-control: {max: 3}}", 3),  # another rule's fault
    ("{no-such-rule: off}", 8),
])
def test_the_span_limit_is_none_when_the_rule_is_off_or_its_setting_broken(
        tmp_path: Path, rules: str, limit: int | None) -> None:
    path = tmp_path / "limit.yaml"
    path.write_text(ORG.replace("org: {name: Hand Count, size: small}",
                                "org: {name: Hand Count, size: small}\n"
                                f"rules: {rules}"), encoding="utf-8")
    assert compute(load(path))["span_of_control"]["limit"] == limit
    text = CliRunner().invoke(main, ["stats", str(path)]).output
    shown = (r"over the limit \(no limit\) +-" if limit is None
             else rf"over the limit \({limit}\) +\d")
    assert re.search(rf"^  {shown}$", text, re.MULTILINE), text


def test_the_project_config_gives_the_span_limit_as_in_validate(tmp_path: Path,
                                                                monkeypatch) -> None:
    path = _org(tmp_path)
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".orgviz.yaml").write_text("rules:\n  span-of-control: {max: 1}\n",
                                           encoding="utf-8")
    text = CliRunner().invoke(main, ["stats", str(path)]).output
    assert "  over the limit (1)               2\n" in text
    assert "      Gee (id gpm): 2 reports\n" in text
    # The same as validate finds with that config.
    found = CliRunner().invoke(main, ["validate", str(path)]).output
    assert found.count("[span-of-control]") == 2
    # --config names another file; a broken one is an error with its place, exit 2.
    other = tmp_path / "other.yaml"
    other.write_text("rules:\n  span-of-control: {max: many}\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["stats", str(path), "--config", str(other)])
    assert result.exit_code == 2
    assert result.output.startswith(f"orgviz: {other}:2:")
    assert "option 'max' of rule 'span-of-control' must be" in result.output


def test_shape_lists_name_the_managers_beside_their_ids(tmp_path: Path) -> None:
    # Ids alone ("100 (14)") read like counts in exports whose ids are numbers.
    path = tmp_path / "limit.yaml"
    # (vacant-manager off: single-report reports the open role, as validate then does)
    path.write_text(ORG.replace("org: {name: Hand Count, size: small}",
                                "org: {name: Hand Count, size: small}\n"
                                "rules: {span-of-control: {max: 1}, vacant-manager: off}")
                    .replace("{id: vp, name: Vee, ", "{id: vp, vacant: true, "), encoding="utf-8")
    stats = compute(load(path))
    assert stats["names"] == {"cpo": "Cpo", "vp": "open role (VP of Product)", "head": "Hed",
                              "gpm": "Gee"}
    text = CliRunner().invoke(main, ["stats", str(path)]).output
    assert ("    over the limit:\n"
            "      Gee (id gpm): 2 reports\n"
            "      Hed (id head): 2 reports\n"
            "    single-report:\n"
            "      Cpo (id cpo)\n"
            "      open role (VP of Product) (id vp)\n") in text
    assert "  open-pm: Product Manager -> Gee (id gpm)\n" in text  # (the open roles' managers)


# The top of the org (ceo) and an open role (m1) have one report each: validate's
# single-report rule exempts the top, and leaves the open role to vacant-manager.
SINGLE = """\
orgviz: 1
org: {name: SR, size: small}
people:
  - {id: ceo, name: Ann, title: Chief Executive Officer}
  - {id: coo, name: Bo, title: Chief Operating Officer, reports_to: ceo}
  - {id: m1, title: Engineering Manager, reports_to: coo, vacant: true}
  - {id: m2, name: Cy, title: Engineering Manager, reports_to: coo}
  - {id: e1, name: Ed, title: Software Engineer, reports_to: m1}
  - {id: e2, name: Eli, title: Software Engineer, reports_to: m2}
  - {id: e3, name: Eve, title: Software Engineer, reports_to: m2}
  - {id: cfo, name: Fay, title: Chief Financial Officer, reports_to: ceo}
  - {id: a1, name: Gus, title: Accountant, reports_to: cfo}
"""


@pytest.mark.parametrize(("rules", "single"), [
    ("", ["cfo"]),
    ("{vacant-manager: off}", ["m1", "cfo"]),  # (validate: single-report tells m1 then)
    ("{vacant-manager: info}", ["m1", "cfo"]),  # (a milder rule hides no warning)
    ("{single-report: error, vacant-manager: warning}", ["m1", "cfo"]),
    ("{single-report: info, vacant-manager: warning}", ["cfo"]),
    ("{single-report: off}", []),  # (validate reports none)
])
def test_single_report_managers_are_those_validate_reports(tmp_path: Path, rules: str,
                                                           single: list[str]) -> None:
    path = tmp_path / "sr.yaml"
    path.write_text(SINGLE.replace("size: small}", "size: small}\n"
                                   f"rules: {rules}" if rules else "size: small}"),
                    encoding="utf-8")
    stats = compute(load(path))
    assert stats["single_report_managers"] == single
    found = CliRunner().invoke(main, ["validate", str(path)]).output
    lines = [int(line.split(":")[1]) for line in found.splitlines() if "[single-report]" in line]
    assert lines == [{"m1": 6 + bool(rules), "cfo": 11 + bool(rules)}[pid] for pid in single]
    text = CliRunner().invoke(main, ["stats", str(path)]).output
    if "single-report: off" in rules:  # (no count: "0" would read as none found)
        assert stats["single_report_checked"] is False
        assert re.search(r"^  single-report managers \(rule off\) +-$", text, re.MULTILINE)
    else:
        assert stats["single_report_checked"] is True
        assert re.search(rf"^  single-report managers +{len(single)}$", text, re.MULTILINE)
    assert "Ann (id ceo)" not in text


def test_the_qa_org_has_no_single_report_manager(tmp_path: Path) -> None:
    path = tmp_path / "sr.yaml"
    path.write_text(SINGLE.split("  - {id: cfo")[0], encoding="utf-8")
    text = CliRunner().invoke(main, ["stats", str(path)]).output
    assert re.search(r"^  single-report managers +0$", text, re.MULTILINE)
    assert "    single-report:\n" not in text  # (it listed Ann (id ceo) and m1, the open role)


def test_single_report_managers_of_an_org_built_without_places() -> None:
    # The rule names a manager by the place of their id: people without places (all at
    # NO_LOC) are told apart all the same.
    from orgviz.model import NO_LOC, Org, Person

    people = (Person(id="ceo", loc=NO_LOC, name="A"),
              Person(id="coo", loc=NO_LOC, name="B", reports_to="ceo"),
              Person(id="m1", loc=NO_LOC, vacant=True, reports_to="coo"),
              Person(id="e1", loc=NO_LOC, name="C", reports_to="m1"),
              Person(id="m2", loc=NO_LOC, name="D", reports_to="coo"),
              Person(id="e2", loc=NO_LOC, name="E", reports_to="m2"),
              Person(id="e3", loc=NO_LOC, name="F", reports_to="m2"),
              Person(id="cfo", loc=NO_LOC, name="G", reports_to="ceo"),
              Person(id="a1", loc=NO_LOC, name="H", reports_to="cfo"))
    assert compute(Org(file="t.yaml", name="t", size="small",
                       people=people))["single_report_managers"] == ["cfo"]


def test_text_counts_have_thousands_separators(tmp_path: Path) -> None:
    # A CEO over a manager of 1,200 engineers (10 of them open): "1,200", not "1200".
    path = tmp_path / "big.yaml"
    path.write_text("orgviz: 1\norg: {name: Big, size: small}\npeople:\n"
                    "  - {id: ceo, name: A, title: CEO}\n"
                    "  - {id: m, name: M, title: Engineering Manager, reports_to: ceo, team: eng}\n"
                    + "".join(f"  - {{id: e{i}, title: Software Engineer, reports_to: m, "
                              f"team: eng, {'vacant: true' if i >= 1_190 else f'name: E{i}'}}}\n"
                              for i in range(1_200)), encoding="utf-8")
    stats = compute(load(path))
    text = CliRunner().invoke(main, ["stats", str(path)]).output
    assert text.startswith("Big (small): 1,202 positions, 1,192 people, 10 open\n")
    assert "  IC                  1,200\n" in text
    assert "  eng            1,201    10\n" in text
    assert "  span min / median / max  1 / 600.5 / 1,200\n" in text
    assert "      M (id m): 1,200 reports\n" in text
    assert "Open roles (10)\n" in text
    json.dumps(stats)  # (JSON keeps numbers)
    assert stats["by_level"]["ic"] == 1_200


def test_cli_text_and_json(tmp_path: Path) -> None:
    path = _org(tmp_path)
    result = CliRunner().invoke(main, ["stats", str(path)])
    assert result.exit_code == 0
    assert "9 positions, 8 people, 1 open" in result.output
    assert "span min / median / max  1 / 1 / 2" in result.output
    result = CliRunner().invoke(main, ["stats", str(path), "--json"])
    assert json.loads(result.output)["layers"] == 6
    result = CliRunner().invoke(main, ["stats", str(tmp_path / "missing.yaml")])
    assert result.exit_code == 2 and "cannot read" in result.output


@settings(max_examples=80, deadline=None)
@given(st.lists(st.tuples(st.integers(min_value=-1, max_value=40), st.booleans()),
                min_size=1, max_size=40))
def test_layers_is_the_longest_chain_from_a_top(bosses: list[tuple[int, bool]]) -> None:
    # Person i reports to an earlier person (a forest), or to nobody (-1, or a later index);
    # some are assistants, who add no layer below their manager.
    from orgviz.model import NO_LOC, Org, Person
    from orgviz.stats import _layers

    people = tuple(Person(id=f"p{i}", loc=NO_LOC, name="x", assistant=assistant,
                          reports_to=f"p{b}" if 0 <= b < i else None)
                   for i, (b, assistant) in enumerate(bosses))
    org = Org(file="t.yaml", name="t", people=people)

    def depth(pid: str) -> int:
        boss = org.by_id[pid].reports_to
        return 1 if boss is None else 1 + depth(boss)

    layers, path, _reached = _layers(org)
    assert layers == len(path) == max(depth(p.id) for p in people
                                      if not p.assistant or p.reports_to is None)
    assert org.by_id[path[0]].reports_to is None
    assert all(org.by_id[b].reports_to == a for a, b in pairwise(path))


def test_an_assistant_adds_no_layer(tmp_path: Path) -> None:
    path = tmp_path / "two.yaml"
    path.write_text("""\
orgviz: 1
org: {name: Two, size: small}
people:
  - {id: ceo, name: Cee, title: CEO}
  - {id: ea, name: Ea, title: Executive Assistant, reports_to: ceo, assistant: true}
""", encoding="utf-8")
    stats = compute(load(path))
    assert (stats["layers"], stats["deepest_path"]) == (1, ["ceo"])


def test_cli_a_repeated_id_is_refused_with_its_place(tmp_path: Path) -> None:
    """The second person of one id went uncounted: 2 positions were said for 3."""
    path = tmp_path / "dup.yaml"
    path.write_text("orgviz: 1\norg: {name: X}\npeople:\n  - {id: a, name: A, title: CEO}\n"
                    "  - {id: b, name: B, title: CTO, reports_to: a}\n"
                    "  - {id: b, name: C, title: CFO, reports_to: a}\n", encoding="utf-8")
    for extra in ([], ["--json"]):
        result = CliRunner().invoke(main, ["stats", str(path), *extra])
        assert result.exit_code == 1
        assert result.output == (f"{path}:6:10: error [duplicate-id] duplicate person id 'b' "
                                 "(first used at line 5): give each position its own id\n")


SVP_ORG = """\
orgviz: 1
org: {name: Senior VPs, size: small}
people:
  - {id: ceo, name: Cee, title: CEO}
  - {id: evp, name: Eve, title: EVP Product, reports_to: ceo}
  - {id: svp, name: Sven, title: "Senior Vice President, Technology", reports_to: ceo}
  - {id: gvp, name: Gil, title: Group Vice President, reports_to: ceo}
  - {id: vp, name: Vee, title: VP of Product, reports_to: evp}
  - {id: open-svp, title: SVP of Product, vacant: true, reports_to: ceo}
  - {id: ea, name: Ea, title: Executive Assistant to the EVP, reports_to: evp, assistant: true}
"""


def test_senior_vice_presidents_are_counted_at_their_level(tmp_path: Path) -> None:
    path = tmp_path / "svp.yaml"
    path.write_text(SVP_ORG, encoding="utf-8")
    stats = compute(load(path))
    # (in ladder order: the SVP / EVP level between C-level and VP)
    assert list(stats["by_level"].items()) == [("ceo", 1), ("svp", 4), ("vp", 1), ("ic", 1)]
    lead = stats["product_leadership"]
    assert list(lead) == ["cpo", "svp-product", "vp-product", "head-of-product",
                          "director-of-product"]
    assert lead["svp-product"] == {"name": "SVP of Product", "count": 2, "open": 1,
                                   "combined": 0, "ids": ["evp", "open-svp"],
                                   "filled_by": ["svp-product"], "missing": False}
    # With both, each holds its own place (the VP of Product's is the VP's), as before.
    assert lead["vp-product"]["ids"] == ["vp"]
    assert lead["vp-product"]["filled_by"] == ["vp-product"]
    text = CliRunner().invoke(main, ["stats", str(path)]).output
    assert "  SVP / EVP          4\n" in text
    assert "  SVP of Product                 2     1              0\n" in text
    assert "  VP of Product                  1     0              0\n" in text
    assert "place" not in text
    # An org without an SVP of Product has no row of it (the four others, with their place
    # filled or not, all rows).
    assert "SVP" not in CliRunner().invoke(main, ["stats", str(_org(tmp_path))]).output


SVP_ONLY_ORG = """\
orgviz: 1
org: {name: Only SVP, size: small}
people:
  - {id: ceo, name: Cee, title: CEO}
  - {id: svp, name: Sven, title: SVP of Product, reports_to: ceo}
  - {id: head, name: Hed, title: Head of Product, reports_to: svp}
  - {id: pm, name: Pem, title: Product Manager, reports_to: head}
"""


def test_an_svp_of_product_holds_the_vp_of_product_place(tmp_path: Path) -> None:
    """As the product rules read it (and the roles chart draws it): the SVP of Product fills
    the place of a VP of Product nobody holds. JSON keeps the entry of the VP of Product
    (count 0, the same keys as before) and adds `filled_by` and `missing` to every entry;
    the table has no row of zeros for it, but a line that says who holds its place."""
    path = tmp_path / "only.yaml"
    path.write_text(SVP_ONLY_ORG, encoding="utf-8")
    lead = compute(load(path))["product_leadership"]
    assert list(lead) == ["cpo", "svp-product", "vp-product", "head-of-product",
                          "director-of-product"]
    assert lead["svp-product"] == {"name": "SVP of Product", "count": 1, "open": 0,
                                   "combined": 0, "ids": ["svp"],
                                   "filled_by": ["svp-product"], "missing": False}
    assert lead["vp-product"] == {"name": "VP of Product", "count": 0, "open": 0,
                                  "combined": 0, "ids": [],
                                  "filled_by": ["svp-product"], "missing": False}
    assert {role: (v["filled_by"], v["missing"]) for role, v in lead.items()
            if role not in ("svp-product", "vp-product")} == {
        "cpo": ([], True), "head-of-product": (["head-of-product"], False),
        "director-of-product": ([], True)}
    result = CliRunner().invoke(main, ["stats", str(path), "--json"])
    assert result.exit_code == 0
    assert json.loads(result.output)["product_leadership"]["vp-product"] == lead["vp-product"]
    text = CliRunner().invoke(main, ["stats", str(path)]).output
    assert text.split("Product leadership\n")[1] == (
        "  role                   positions  open  combined role\n"
        "  Chief Product Officer          0     0              0\n"
        "  SVP of Product                 1     0              0\n"
        "  Head of Product                1     0              0\n"
        "  Director of Product            0     0              0\n"
        "  the SVP of Product holds the VP of Product's place\n")
    # The org without either: its VP of Product is missing, a row of zeros as before.
    plain = compute(load(_org(tmp_path)))["product_leadership"]
    assert (plain["cpo"]["filled_by"], plain["cpo"]["missing"]) == (["cpo"], False)
    path.write_text(SVP_ONLY_ORG.replace("title: SVP of Product", "title: Product Lead"),
                    encoding="utf-8")
    lead = compute(load(path))["product_leadership"]
    assert "svp-product" not in lead
    assert (lead["vp-product"]["count"], lead["vp-product"]["filled_by"],
            lead["vp-product"]["missing"]) == (0, [], True)
    text = CliRunner().invoke(main, ["stats", str(path)]).output
    assert "  VP of Product                  0     0              0\n" in text
    assert "place" not in text
