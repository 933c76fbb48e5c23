"""The chart model: level rows, assistants, dotted lines, views, rollups, broken lines."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from renderkit import SMALL

from orgviz.errors import RenderError
from orgviz.loader import load
from orgviz.model import Org
from orgviz.problem import Problem
from orgviz.render import render
from orgviz.render.chart import BANDS, MAX_LEGEND, Link, View, build_chart
from orgviz.render.themes import THEMES
from orgviz.validate import validate


def test_cards_follow_the_tree_depth_first(small_org: Org) -> None:
    chart = build_chart(small_org)
    ids = [c.id for c in chart.cards]
    assert ids == ["ceo", "ea", "cpo", "vp", "hop", "dir", "pm1", "pm2", "pm3", "pm4", "cto",
                   "eng"]
    assert chart.title == "Tiny Co"
    assert chart.subtitle == "11 people · 1 open role · 2026-11-01"


def test_level_rows_align_layers(small_org: Org) -> None:
    chart = build_chart(small_org)
    rows = {c.id: c.row for c in chart.cards}
    # CEO, C-level, VP, Head, Director, ICs: each band its own row, in rank order.
    assert rows["ceo"] == 0
    assert rows["cpo"] == rows["cto"] == 1
    assert rows["vp"] == 2 and rows["hop"] == 3 and rows["dir"] == 4
    assert rows["pm1"] == rows["eng"] == 5  # same row although their managers differ
    assert chart.rows == ("CEO", "C-level", "VP", "Head", "Director", "Individual contributors")


def test_a_report_never_sits_above_its_manager(org_file: Callable[..., Path]) -> None:
    org = load(org_file("""\
        orgviz: 1
        org: {name: X}
        people:
          - {id: a, name: A, title: Director of Product}
          - {id: b, name: B, title: VP of Product, reports_to: a}
        """))
    chart = build_chart(org)
    assert chart.by_id["b"].row == chart.by_id["a"].row + 1


def test_assistants_and_dotted_lines(small_org: Org) -> None:
    chart = build_chart(small_org)
    assert chart.by_id["ea"].assistant and chart.by_id["ea"].row == chart.by_id["ceo"].row
    assert chart.assistants["ceo"] == ["ea"]
    assert "ea" not in chart.reports["ceo"]
    assert chart.links == (Link("cto", "pm1", "dotted"),)


def test_open_roles_and_colors(small_org: Org) -> None:
    chart = build_chart(small_org)
    vacancy = chart.by_id["pm3"]
    assert vacancy.kind == "open" and vacancy.name == "Open role"
    assert vacancy.title == "Senior Product Manager"
    assert chart.by_id["vp"].color == "#f58518"
    assert chart.by_id["cto"].color is None  # no team
    assert chart.legend == (("Executive", "#4c78a8"), ("Product", "#f58518"))
    by_level = build_chart(small_org, View(color_by="level"))
    assert by_level.legend_title == "Levels"
    expected = [b[0] for b in BANDS if b[0] not in ("SVP / EVP", "Manager / Lead", "Supervisor")]
    assert [label for label, _ in by_level.legend] == expected
    # The SVP and supervisor bands (between C-level and VPs, managers and ICs) left each
    # other level its color.
    assert dict(by_level.legend)["Individual contributors"] == THEMES["light"].level_colors[8]
    assert build_chart(small_org, View(color_by="none")).legend == ()


def test_root_view(small_org: Org) -> None:
    chart = build_chart(small_org, View(root="hop"))
    assert [c.id for c in chart.cards] == ["hop", "dir", "pm1", "pm2", "pm3", "pm4"]
    assert chart.by_id["hop"].manager is None
    assert chart.links == ()  # the dotted manager is outside the view
    assert chart.by_id["hop"].row == 0


def test_team_view_keeps_the_chain_of_command(org_file: Callable[..., Path]) -> None:
    org = load(org_file(SMALL.replace("{id: eng, name: Ed Engineer, title: Software Engineer, "
                                      "reports_to: cto}",
                                      "{id: eng, name: Ed Engineer, title: Software Engineer, "
                                      "reports_to: cto, team: product}")))
    chart = build_chart(org, View(team="product"))
    ids = [c.id for c in chart.cards]
    assert ids == ["ceo", "cpo", "vp", "hop", "dir", "pm1", "pm2", "pm3", "pm4", "cto", "eng"]


def test_depth_collapses_into_rollups(small_org: Org) -> None:
    chart = build_chart(small_org, View(depth=2))
    ids = [c.id for c in chart.cards]
    # (the CTO's only report, below the cut, was a rollup "+1 person": now their own card)
    assert ids == ["ceo", "ea", "cpo", "+cpo", "cto", "eng"]
    rollup = chart.by_id["+cpo"]
    assert rollup.kind == "rollup" and rollup.manager == "cpo"
    assert (rollup.name, rollup.detail) == ("+6 people", "1 open role")
    eng = chart.by_id["eng"]
    assert (eng.kind, eng.name, eng.manager) == ("person", "Ed Engineer", "cto")
    assert eng == build_chart(small_org, View(depth=3)).by_id["eng"]  # as one level deeper
    assert chart.subtitle.startswith("11 people · 1 open role")


def test_unknown_view_ids_say_what_exists(small_org: Org) -> None:
    with pytest.raises(RenderError, match=r"id 'hopp' \(--root\); did you mean 'hop'"):
        build_chart(small_org, View(root="hopp"))
    with pytest.raises(RenderError, match=r"no team with id 'prodcut'.*did you mean 'product'"):
        build_chart(small_org, View(team="prodcut"))
    with pytest.raises(RenderError, match=r"depth \(--depth\) must be at least 1"):
        build_chart(small_org, View(depth=0))


BROKEN = """\
orgviz: 1
org: {name: Broken}
people:
  - {id: a, name: Ann, title: CEO}
  - {id: b, name: Bob, title: VP of Product, reports_to: c}
  - {id: c, name: Cat, title: Director of Product, reports_to: b}
  - {id: d, name: Dan, title: Product Manager, reports_to: nobody}
  - {id: e, name: Eve, title: Product Manager, reports_to: a}
"""


def test_broken_lines_are_marked(org_file: Callable[..., Path]) -> None:
    org = load(org_file(BROKEN))
    problems = validate(org)
    chart = build_chart(org, problems=problems)
    # The cycle is cut above its first member; the cut line is drawn as broken.
    assert chart.by_id["b"].manager is None
    assert Link("c", "b", "broken") in chart.links
    assert chart.by_id["d"].broken  # unknown manager: the card itself is marked
    assert not chart.by_id["e"].broken and not chart.by_id["e"].broken_line
    clean = build_chart(org)
    assert not any(c.broken or c.broken_line for c in clean.cards)


def test_cards_built_without_new_equal_keyword_cards(small_org: Org) -> None:
    from orgviz.render.chart import Card, _new_card

    fast = _new_card("a", "person", "Ann", "CEO", "Exec", 0, 0, "#123456", None, False, True,
                     False)
    slow = Card(id="a", kind="person", name="Ann", title="CEO", team="Exec", band=0, row=0,
                color="#123456", manager=None, assistant=False, broken=True, broken_line=False)
    assert fast == slow and hash(fast) == hash(slow) and repr(fast) == repr(slow)
    assert fast._asdict() == {**slow._asdict(), "detail": "", "hidden_people": 0,
                              "hidden_open": 0}  # every field, defaults included
    for card in build_chart(small_org).cards:
        assert type(card) is Card and card == Card(**card._asdict())


def test_a_row_label_is_true_of_every_card_in_the_row(org_file: Callable[..., Path]) -> None:
    org = load(org_file("""\
        orgviz: 1
        org: {name: Labels}
        people:
          - {id: boss, name: B, title: Founder}
          - {id: vp, name: V, title: VP of Product, reports_to: boss}
          - {id: d1, name: D1, title: Director of Product, reports_to: vp}
          - {id: d2, name: D2, title: Director of Product, reports_to: d1}
          - {id: m, name: M, title: Engineering Manager, reports_to: d1}
          - {id: pm, name: P, title: Product Manager, reports_to: m}
        """))
    chart = build_chart(org)
    rows = {c.id: c.row for c in chart.cards}
    assert rows == {"boss": 0, "vp": 1, "d1": 2, "d2": 3, "m": 3, "pm": 4}
    # The founder (no known level) is not "VP", the Director a row lower is not a manager.
    assert chart.rows == ("", "VP", "Director", "", "Individual contributors")


def test_svps_have_a_row_of_their_own_between_c_level_and_vps(
        org_file: Callable[..., Path]) -> None:
    org = load(org_file("""\
        orgviz: 1
        org: {name: Bands}
        people:
          - {id: ceo, name: C, title: CEO}
          - {id: cpo, name: P, title: Chief Product Officer, reports_to: ceo}
          - {id: evp, name: E, title: EVP Engineering, reports_to: ceo}
          - {id: svp, name: S, title: SVP of Product, reports_to: cpo}
          - {id: vp, name: V, title: VP of Product, reports_to: svp}
          - {id: vpe, name: W, title: VP of Engineering, reports_to: evp}
          - {id: pm, name: M, title: Product Manager, reports_to: vp}
        """))
    chart = build_chart(org)
    rows = {c.id: c.row for c in chart.cards}
    assert rows == {"ceo": 0, "cpo": 1, "evp": 2, "svp": 2, "vp": 3, "vpe": 3, "pm": 4}
    assert chart.rows == ("CEO", "C-level", "SVP / EVP", "VP", "Individual contributors")
    by_level = build_chart(org, View(color_by="level"))
    colors = dict(by_level.legend)
    assert list(colors) == list(chart.rows)
    assert len(set(colors.values())) == 5  # each level its own accent
    assert by_level.by_id["svp"].color == by_level.by_id["evp"].color == colors["SVP / EVP"]


def test_a_team_word_lists_the_team_ids_that_hold_it() -> None:
    enterprise = load(Path(__file__).resolve().parents[2] / "orgs" / "enterprise.yaml")
    with pytest.raises(RenderError) as caught:
        build_chart(enterprise, View(team="Payments"))
    assert str(caught.value).endswith(
        "no team with id 'Payments' (--team); teams with 'Payments' in their id: "
        "'payments-design', 'payments-engineering', 'payments-product'")


@pytest.mark.parametrize("word", ["", "  "])
def test_a_blank_team_is_not_said_to_be_in_every_teams_id(word: str) -> None:
    small = load(Path(__file__).resolve().parents[2] / "orgs" / "small.yaml")
    with pytest.raises(RenderError) as caught:
        build_chart(small, View(team=word))
    # (was "teams with '' in their id: 'design', 'engineering', 'leadership', ...")
    assert str(caught.value).endswith(f"no team with id '{word}' (--team)")


def test_a_team_view_counts_the_team_apart_from_the_managers_above() -> None:
    enterprise = load(Path(__file__).resolve().parents[2] / "orgs" / "enterprise.yaml")
    chart = build_chart(enterprise, View(team="payments-product"))
    assert chart.subtitle == ("Payments Product: 40 people · 2 open roles · 2 managers above "
                              "shown · 2026-11-01")
    members = [c for c in chart.cards if c.kind in ("person", "open")
               and enterprise.by_id[c.id].team == "payments-product"]
    assert len(members) == 42  # as `orgviz stats` counts the team: 40 people, 2 open roles


def test_a_name_given_for_an_id_gets_the_id_to_write() -> None:
    # (said "did you mean 'amara-okafor'?" at best, and nothing for a team's name)
    small = load(Path(__file__).resolve().parents[2] / "orgs" / "small.yaml")
    with pytest.raises(RenderError) as caught:
        build_chart(small, View(root="amara  OKAFOR"))
    assert str(caught.value).endswith(
        "no person with id 'amara  OKAFOR' (--root); it is the name of 'amara-okafor': write "
        "--root amara-okafor")
    with pytest.raises(RenderError) as caught:
        build_chart(small, View(team="Product"))
    assert str(caught.value).endswith(
        "no team with id 'Product' (--team); it is the name of 'product': write --team product")


def test_part_of_an_id_or_name_suggests_the_person_and_a_team_id_says_to_use_team() -> None:
    small = load(Path(__file__).resolve().parents[2] / "orgs" / "small.yaml")
    with pytest.raises(RenderError) as caught:
        build_chart(small, View(root="Amara"))  # (said nothing: too far from 'amara-okafor')
    assert str(caught.value).endswith(
        "no person with id 'Amara' (--root); did you mean 'amara-okafor' (Amara Okafor)?")
    mid = load(Path(__file__).resolve().parents[2] / "orgs" / "mid-size.yaml")
    with pytest.raises(RenderError) as caught:
        build_chart(mid, View(root="priya"))  # (close by spelling: named as the others are)
    assert str(caught.value).endswith(
        "no person with id 'priya' (--root); did you mean 'priya-raman' (Priya Raman)?")
    with pytest.raises(RenderError) as caught:
        build_chart(small, View(root="engineering"))
    assert str(caught.value).endswith(
        "no person with id 'engineering' (--root); 'engineering' is a team: --team engineering "
        "draws it")


def test_a_person_id_given_to_team_says_to_use_root() -> None:
    small = load(Path(__file__).resolve().parents[2] / "orgs" / "small.yaml")
    with pytest.raises(RenderError) as caught:
        build_chart(small, View(team="amara-okafor"))
    assert str(caught.value).endswith(
        "no team with id 'amara-okafor' (--team); 'amara-okafor' is a person: --root "
        "amara-okafor draws their part of the org")


def test_an_email_given_for_an_id_gets_the_id_to_write() -> None:
    small = load(Path(__file__).resolve().parents[2] / "orgs" / "small.yaml")
    with pytest.raises(RenderError) as caught:
        build_chart(small, View(root="AMARA@tidewater.test"))
    assert str(caught.value).endswith(
        "no person with id 'AMARA@tidewater.test' (--root); it is the email of "
        "'amara-okafor': write --root amara-okafor")


def test_teams_past_the_legends_room_are_counted_in_it(org_file: Callable[..., Path]) -> None:
    teams = "".join(f"  - {{id: t{i}, name: Team {i}, lead: p{i}}}\n" for i in range(30))
    people = "".join(f"  - {{id: p{i}, name: P {i}, title: Director of Sales, "
                     f"reports_to: ceo, team: t{i}}}\n" for i in range(30))
    org = load(org_file("orgviz: 1\norg: {name: Teams, size: small}\nteams:\n" + teams
                        + "people:\n  - {id: ceo, name: C, title: CEO}\n" + people))
    chart = build_chart(org)
    assert [label for label, _ in chart.legend] == [f"Team {i}" for i in range(MAX_LEGEND)]
    assert chart.legend_more == 30 - MAX_LEGEND
    # (the legend stopped at 24 teams and said nothing of the others' colors)
    svg = render(org).decode()
    assert f">+{30 - MAX_LEGEND} more (named on their cards)</text>" in svg
    assert build_chart(org, View(color_by="none")).legend_more == 0


def test_each_error_marks_the_card_of_its_own_file_and_person(
        org_file: Callable[..., Path]) -> None:
    part = org_file("""\
        orgviz: 1
        people:
          - {id: x, name: Xia, title: Product Manager}
          - {id: y, name: Yan, title: Product Manager, reports_to: a}
          - {id: z, name: Zed, title: Product Manager}
        """, name="part.yaml")
    org = load(org_file(f"""\
        orgviz: 1
        org: {{name: Forest}}
        include: [{part.name}]
        people:
          - {{id: a, name: Ann, title: CEO}}
          - {{id: b, name: Bob, title: Product Manager}}
          - {{id: c, name: Cat, title: Product Manager, reports_to: a}}
        """))
    problems = validate(org)
    roots = sorted((p.file.rsplit("/", 1)[-1], p.line, p.col) for p in problems
                   if p.rule == "root")
    assert roots == [("org.yaml", 6, 10), ("part.yaml", 3, 10), ("part.yaml", 5, 10)]
    chart = build_chart(org, problems=problems)
    # (each extra top's card, found among the people of its own file at or before the error)
    assert {c.id for c in chart.cards if c.broken} == {"b", "x", "z"}


def test_the_broken_cards_follow_the_problems_each_chart_is_given(
        org_file: Callable[..., Path]) -> None:
    # (the broken cards are kept per org for the problems last asked about: a deck asks with
    # the same ones for every chart; other problems, or the same list changed, are read anew)
    org = load(org_file("""\
        orgviz: 1
        org: {name: Forest}
        people:
          - {id: a, name: Ann, title: CEO}
          - {id: b, name: Bob, title: Product Manager}
          - {id: c, name: Cat, title: Product Manager, reports_to: a}
        """))
    problems = validate(org)
    assert {c.id for c in build_chart(org, problems=problems).cards if c.broken} == {"b"}
    assert {c.id for c in build_chart(org, problems=problems).cards if c.broken} == {"b"}
    assert {c.id for c in build_chart(org).cards if c.broken} == set()
    changed = [*problems, Problem(org.file, 6, 5, "error", "x", "made up")]  # (Cat's line)
    assert {c.id for c in build_chart(org, problems=changed).cards if c.broken} == {"b", "c"}
    changed.pop()
    assert {c.id for c in build_chart(org, problems=changed).cards if c.broken} == {"b"}
