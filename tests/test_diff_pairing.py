"""`orgviz diff` pairs unnamed openings passed on under openings passed on, round by round:
each round looks again only at what its new pairings touch, with the results of looking
at everything again."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from hypothesis import example, given, settings
from hypothesis import strategies as st

from orgviz.cli import main
from orgviz.diff import pairing
from orgviz.diff.change import nfc
from orgviz.diff.pairing import id_changes, openings_passed_on, position_changes
from orgviz.model import NO_LOC, Org, Person

TITLES = ("Engineer", "Designer")


def _org(rows: list[tuple[str, str | None, str, str | None]]) -> Org:
    """An org of (id, name or None for an opening, title, manager id) rows."""
    return Org(file="x.yaml", name="Gen", people=tuple(
        Person(pid, NO_LOC, name=name, title=title, reports_to=boss, vacant=name is None)
        for pid, name, title, boss in rows))


def _chain(depth: int, shift: int) -> Org:
    """Openings `depth` deep, one under the other, of titles Level 1..; each under the id
    `shift` more than its level (l1, l2, ... as given; l2, l3, ... after a shift of one)."""
    return _org([(f"l{level + shift}", None, f"Level {level}",
                  f"l{level - 1 + shift}" if level > 1 else None)
                 for level in range(1, depth + 1)])


def _looked_at_again(old: Org, new: Org) -> dict[str, str]:
    """The pairings of openings passed on found as `openings_passed_on` found them before
    it kept its kinds: every round pairing `position_changes` again and placing every
    opening again, until a round finds nothing."""
    removed = [p for pid, p in old.by_id.items() if pid not in new.by_id]
    added = [p for pid, p in new.by_id.items() if pid not in old.by_id]
    reports = (old.reports, new.reports)
    known = id_changes(removed, added)
    passed: dict[str, str] = {}
    while more := _each_opening(old.by_id, new.by_id, {
            **{o: n for found in position_changes(removed, added, known, reports)
               for o, n in found.items()}, **known}, reports):
        passed.update(more)
        known.update(more)
    return passed


def _each_opening(old: Mapping[str, Person], new: Mapping[str, Person],
                  known: dict[str, str], reports: pairing.Reports) -> dict[str, str]:
    """One round of the openings passed on, every opening placed again."""
    taken = set(known.values())

    def kind(person: Person, manager: str | None) -> tuple[str, str | None] | None:
        return ((nfc(person.title), manager)
                if person.vacant and not person.name and person.title else None)

    def old_kind(person: Person) -> tuple[str, str | None] | None:
        return kind(person, known.get(person.reports_to or "", person.reports_to))

    gone: dict[Any, list[str]] = {}
    for pid, person in old.items():
        key = old_kind(person)
        if key is not None and pid not in known and (
                pid not in new or kind(new[pid], new[pid].reports_to) != key
                or pid in taken):
            gone.setdefault(key, []).append(pid)
    came: dict[Any, list[str]] = {}
    for pid, person in new.items():
        key = kind(person, person.reports_to)
        if key is not None and pid not in taken and (
                pid not in old or old_kind(old[pid]) != key or pid in known):
            came.setdefault(key, []).append(pid)
    return {old_id: new_id for key, old_ids in gone.items()
            if len(old_ids) == len(came.get(key, ()))
            for old_id, new_id in pairing._told_apart(
                [old[pid] for pid in old_ids], [new[pid] for pid in came[key]], reports,
                known, taken).items()
            if old_id in new or new_id in old}


def _passed_on(old: Org, new: Org) -> dict[str, str]:
    """What `openings_passed_on` finds, the people's id changes known."""
    removed = [p for pid, p in old.by_id.items() if pid not in new.by_id]
    added = [p for pid, p in new.by_id.items() if pid not in old.by_id]
    return openings_passed_on(old.by_id, new.by_id, id_changes(removed, added),
                              (old.reports, new.reports), (removed, added))


@st.composite
def versions(draw: st.DrawFn) -> tuple[Org, Org]:
    """Two versions of up to 9 positions (mostly unnamed openings, under openings), ids
    swapped, passed on or new, some positions in one version only."""
    size = draw(st.integers(2, 9))
    pool = [f"p{n}" for n in range(size + 3)]
    old_ids = draw(st.permutations(pool))[:size]
    # (some positions keep their ids, the others' ids go round among them or are new)
    moving = [n for n in range(size) if draw(st.booleans())]
    spare = [pid for pid in pool if pid not in old_ids]
    shuffled = draw(st.permutations([old_ids[n] for n in moving] + spare))
    new_ids = list(old_ids)
    for n, pid in zip(moving, shuffled, strict=False):
        new_ids[n] = pid
    olds: list[tuple[str, str | None, str, str | None]] = []
    news: list[tuple[str, str | None, str, str | None]] = []
    for n in range(size):
        boss = draw(st.sampled_from([None, *range(n)])) if n else None
        name = draw(st.sampled_from([None, None, f"Person {n}"]))
        title = draw(st.sampled_from(TITLES))
        where = draw(st.sampled_from(["both", "both", "both", "old", "new"]))
        if where != "new":
            olds.append((old_ids[n], name, title, None if boss is None else old_ids[boss]))
        if where != "old":
            retitled = draw(st.sampled_from([title, title, title, *TITLES]))
            news.append((new_ids[n], name, retitled, None if boss is None else new_ids[boss]))
    return _org(olds), _org(news)


@settings(max_examples=400, deadline=None)
@given(versions())
def test_rounds_that_look_again_only_where_pairings_changed_find_the_same(
        pair: tuple[Org, Org]) -> None:
    """The same pairings, in the same order, as placing every opening in every round."""
    old, new = pair
    for was, now in ((old, new), (new, old)):
        assert list(_passed_on(was, now).items()) == list(_looked_at_again(was, now).items())


def test_openings_passed_on_under_each_other_are_paired_round_by_round(
        tmp_path: Path) -> None:
    """Each level's id is the next level's now: a level's opening is paired once the level
    above it is (five rounds), a chain of ids from l1 (gone) to l5 (new)."""
    def text(shift: int) -> str:
        lines = ["orgviz: 1", "org: {name: Gen, size: small}", "people:"]
        for level in range(1, 5):
            boss = f", reports_to: l{level - 1 + shift}" if level > 1 else ""
            lines.append(f"  - {{id: l{level + shift}, vacant: true, title: Level {level}{boss}}}")
        return "\n".join(lines) + "\n"

    (tmp_path / "old.yaml").write_text(text(0), encoding="utf-8")
    (tmp_path / "new.yaml").write_text(text(1), encoding="utf-8")
    result = CliRunner().invoke(main, ["diff", str(tmp_path / "old.yaml"),
                                       str(tmp_path / "new.yaml")])
    assert result.exit_code == 0, result.output
    assert result.output.replace(f"{tmp_path}/", "") == (
        "~ id changed      l2 (Open role): l1 -> l2, Level 1, a top\n"
        "~ id changed      l3 (Open role): l2 -> l3, Level 2, reports to l2 (Open role)\n"
        "~ id changed      l4 (Open role): l3 -> l4, Level 3, reports to l3 (Open role)\n"
        "~ id changed      l5 (Open role): l4 -> l5, Level 4, reports to l4 (Open role)\n"
        "old.yaml -> new.yaml: 4 ids changed\n")
    assert _passed_on(_chain(4, 0), _chain(4, 1)) == {
        "l1": "l2", "l2": "l3", "l3": "l4", "l4": "l5"}


@pytest.mark.parametrize("depth", [10, 40])
def test_a_round_places_again_only_the_openings_its_pairing_touched(
        depth: int, monkeypatch: pytest.MonkeyPatch) -> None:
    """A chain of openings `depth` deep takes `depth` + 1 rounds; each placed every
    opening again and asked `position_changes` again (quadratic in the depth): now the
    openings are placed a few times each, and `position_changes` asked again only when a
    round's pairing touches the removed or the added (l1 and its report l2; l(depth+1))."""
    calls = {"position_changes": 0, "placed": 0, "rounds": 0}

    def count(name: str, call: Any) -> Any:
        def counted(*args: Any) -> Any:
            calls[name] += 1
            return call(*args)
        return counted

    monkeypatch.setattr(pairing, "position_changes",
                        count("position_changes", pairing.position_changes))
    kinds = pairing._OpeningKinds
    monkeypatch.setattr(kinds, "_place", count("placed", kinds._place))
    monkeypatch.setattr(kinds, "passed_on", count("rounds", kinds.passed_on))
    passed = _passed_on(_chain(depth, 0), _chain(depth, 1))
    assert passed == {f"l{level}": f"l{level + 1}" for level in range(1, depth + 1)}
    assert calls["rounds"] == depth + 1
    assert calls["position_changes"] == 4  # (the first, then rounds 1, 2 and depth)
    assert calls["placed"] <= 4 * 2 * depth  # (2 * depth openings, old and new)


def test_an_opening_that_position_changes_pairs_no_more_is_free_to_take_an_id() -> None:
    """The Engineer opening x under the Lead m went; y is one under m, the Other opening's
    id now: `position_changes` pairs x with y until the first round pairs m (the Lead is z
    now) and n (the Other is m); asked again, it pairs x with no one, and y takes the id of
    the Engineer opening w under n (round two)."""
    old = _org([("m", None, "Lead", None), ("n", None, "Other", None),
                ("x", None, "Engineer", "m"), ("w", None, "Engineer", "n")])
    new = _org([("z", None, "Lead", None), ("m", None, "Other", None),
                ("y", None, "Engineer", "m"), ("w", "Wes", "Engineer", None)])
    assert _passed_on(old, new) == _looked_at_again(old, new) == {
        "m": "z", "n": "m", "w": "y"}


def test_openings_under_openings_that_swapped_ids_are_placed_again() -> None:
    """The Managers A and B swapped ids; the Engineer openings q and r kept theirs and
    their managers' ids: under A (b now) is r, under B (a now) is q, ids swapped too."""
    old = _org([("a", None, "Manager A", None), ("b", None, "Manager B", None),
                ("q", None, "Engineer", "a"), ("r", None, "Engineer", "b")])
    new = _org([("b", None, "Manager A", None), ("a", None, "Manager B", None),
                ("q", None, "Engineer", "a"), ("r", None, "Engineer", "b")])
    assert _passed_on(old, new) == _looked_at_again(old, new) == {
        "a": "b", "b": "a", "q": "r", "r": "q"}


def _diff_text(tmp_path: Path, before: str, after: str) -> str:
    """What `orgviz diff` says from the org file text `before` to `after`."""
    old, new = tmp_path / "old.yaml", tmp_path / "new.yaml"
    old.write_text(before, encoding="utf-8")
    new.write_text(after, encoding="utf-8")
    result = CliRunner().invoke(main, ["diff", str(old), str(new)])
    assert result.exit_code == 0, result.output
    return result.output.replace(f"{tmp_path}/", "")


HEAD = "orgviz: 1\norg: {name: Gen, size: small}\npeople:\n"
#: An open Engineering Manager role, and an open Engineer role under it.
NESTED = HEAD + ("  - {id: ceo, name: Ann, title: CEO}\n"
                 "  - {id: req1, vacant: true, title: Engineering Manager, reports_to: ceo}\n"
                 "  - {id: req2, vacant: true, title: Engineer, reports_to: req1}\n")


def test_an_opening_under_an_opening_both_under_new_ids_is_two_ids_changed(
        tmp_path: Path) -> None:
    """Both requisitions re-numbered: the Engineer opening, under req1 before and job7 now,
    was paired only by its manager's old id (req2 removed, job8 a new position)."""
    after = NESTED.replace("req1", "job7").replace("req2", "job8")
    assert _diff_text(tmp_path, NESTED, after) == (
        "~ id changed      job7 (Open role): req1 -> job7, Engineering Manager, reports to "
        "ceo (Ann)\n"
        "~ id changed      job8 (Open role): req2 -> job8, Engineer, reports to job7 (Open "
        "role)\n"
        "old.yaml -> new.yaml: 2 ids changed\n")
    assert _diff_text(tmp_path, after, NESTED) == (
        "~ id changed      req1 (Open role): job7 -> req1, Engineering Manager, reports to "
        "ceo (Ann)\n"
        "~ id changed      req2 (Open role): job8 -> req2, Engineer, reports to req1 (Open "
        "role)\n"
        "old.yaml -> new.yaml: 2 ids changed\n")


#: Bo, an Engineer, and an open Engineer role beside him.
BO_AND_OPENING = HEAD + ("  - {id: r2, name: Bo, title: Engineer}\n"
                         "  - {id: r1, vacant: true, title: Engineer}\n")
#: Bo is r0, and the opening took Bo's old id r2.
BO_MOVED_ON = HEAD + ("  - {id: r0, name: Bo, title: Engineer}\n"
                      "  - {id: r2, vacant: true, title: Engineer}\n")


def test_a_person_and_an_opening_passing_ids_along_are_ids_changed(tmp_path: Path) -> None:
    """Bo (name, title, manager kept) goes r2 -> r0 and the opening r1 -> r2: the opening
    at r2 shares as much with Bo at r2 (title, manager) as with the opening at r1, and that
    tie kept r2 as it was, though Bo's own pair shares more: it was "vacancy opened r2 (was
    Bo)" and "vacancy filled r0 (Bo) (the open position r1)"."""
    assert _diff_text(tmp_path, BO_AND_OPENING, BO_MOVED_ON) == (
        "~ id changed      r0 (Bo): r2 -> r0\n"
        "~ id changed      r2 (Open role): r1 -> r2, Engineer, a top\n"
        "old.yaml -> new.yaml: 2 ids changed\n")
    assert _diff_text(tmp_path, BO_MOVED_ON, BO_AND_OPENING) == (
        "~ id changed      r2 (Bo): r0 -> r2\n"
        "~ id changed      r1 (Open role): r2 -> r1, Engineer, a top\n"
        "old.yaml -> new.yaml: 2 ids changed\n")


def test_a_person_among_openings_passing_ids_along_is_not_added(tmp_path: Path) -> None:
    """Two openings and Bo: r4 -> r3, Bo r2 -> r0, r1 -> r2. It was Bo added, both
    openings removed, and two vacancies opened (one "was Bo")."""
    before = HEAD + ("  - {id: r4, vacant: true, title: Engineer}\n"
                     "  - {id: r2, name: Bo, title: Engineer}\n"
                     "  - {id: r1, vacant: true, title: Engineer}\n")
    after = HEAD + ("  - {id: r3, vacant: true, title: Engineer}\n"
                    "  - {id: r0, name: Bo, title: Engineer}\n"
                    "  - {id: r2, vacant: true, title: Engineer}\n")
    assert _diff_text(tmp_path, before, after) == (
        "~ id changed      r3 (Open role): r4 -> r3, Engineer, a top\n"
        "~ id changed      r0 (Bo): r2 -> r0\n"
        "~ id changed      r2 (Open role): r1 -> r2, Engineer, a top\n"
        "old.yaml -> new.yaml: 3 ids changed\n")


def test_two_people_who_exchanged_names_still_keep_their_ids(tmp_path: Path) -> None:
    """A tie at both ends of an id (neither pair through it shares more than the id's own
    holders) keeps the ids: two Engineers under Ann who exchanged names while their
    reports stayed with the ids are two renames."""
    before = HEAD + ("  - {id: ceo, name: Ann, title: CEO}\n"
                     "  - {id: a, name: Al, title: Engineer, reports_to: ceo}\n"
                     "  - {id: b, name: Bo, title: Engineer, reports_to: ceo}\n"
                     "  - {id: x, name: Xi, title: Engineer, reports_to: a}\n"
                     "  - {id: y, name: Yu, title: Engineer, reports_to: b}\n")
    after = before.replace("name: Al", "name: Xx").replace("name: Bo", "name: Al").replace(
        "name: Xx", "name: Bo")
    assert _diff_text(tmp_path, before, after) == (
        "~ renamed         a (Bo): Al -> Bo\n"
        "~ renamed         b (Al): Bo -> Al\n"
        "old.yaml -> new.yaml: 2 renamed\n")


def _openings(*rows: tuple[str, str, str]) -> str:
    """An org of open Engineer roles under Ann of these (id, team, location)."""
    return ("orgviz: 1\norg: {name: Gen, size: small}\nteams:\n"
            "  - {id: web, name: Web}\n  - {id: app, name: App}\npeople:\n"
            "  - {id: ann, name: Ann, title: CTO}\n") + "".join(
        f"  - {{id: {pid}, vacant: true, title: Engineer, reports_to: ann, team: {team}, "
        f"location: {place}}}\n" for pid, team, place in rows)


@pytest.mark.parametrize(("app", "paris"), [("app", "Paris"), ("app", "Berlin"),
                                            ("web", "Paris")])
def test_openings_of_one_title_and_manager_are_told_apart_by_team_and_location(
        tmp_path: Path, app: str, paris: str) -> None:
    """Both re-numbered and listed the other way round: paired in file order, req1 (Web,
    Berlin) was job1 re-teamed to App and moved to Paris, and req2 the other way (both
    teams then read as ids swapped, as each held the other's people)."""
    before = _openings(("req1", "web", "Berlin"), ("req2", app, paris))
    after = _openings(("job1", app, paris), ("job2", "web", "Berlin"))
    assert _diff_text(tmp_path, before, after) == (
        "~ id changed      job1 (Open role): req2 -> job1, Engineer, reports to ann (Ann)\n"
        "~ id changed      job2 (Open role): req1 -> job2, Engineer, reports to ann (Ann)\n"
        "old.yaml -> new.yaml: 2 ids changed\n")


def test_openings_passing_ids_on_are_told_apart_by_their_reports(tmp_path: Path) -> None:
    """The Engineer roles r5 (Xi's) and r8 went to r3 (Xi's) and r6 while the Product
    Manager role took r5: in file order r5 went to r6, and Xi moved from r5 to r3."""
    before = HEAD + ("  - {id: r5, vacant: true, title: Engineer}\n"
                     "  - {id: r8, vacant: true, title: Engineer}\n"
                     "  - {id: r4, vacant: true, title: Product Manager}\n"
                     "  - {id: xi, name: Xi, title: Intern, reports_to: r5}\n")
    after = HEAD + ("  - {id: r6, vacant: true, title: Engineer}\n"
                    "  - {id: r5, vacant: true, title: Product Manager}\n"
                    "  - {id: r3, vacant: true, title: Engineer}\n"
                    "  - {id: xi, name: Xi, title: Intern, reports_to: r3}\n")
    assert _diff_text(tmp_path, before, after) == (
        "~ id changed      r6 (Open role): r8 -> r6, Engineer, a top\n"
        "~ id changed      r5 (Open role): r4 -> r5, Product Manager, a top\n"
        "~ id changed      r3 (Open role): r5 -> r3, Engineer, a top\n"
        "old.yaml -> new.yaml: 3 ids changed\n")


#: Two open Engineering Manager roles under Ann: a with Xi and Yu, b with Zo.
FOLLOWED = HEAD + ("  - {id: ann, name: Ann, title: CTO}\n"
                   "  - {id: a, vacant: true, title: Engineering Manager, reports_to: ann}\n"
                   "  - {id: b, vacant: true, title: Engineering Manager, reports_to: ann}\n"
                   "  - {id: xi, name: Xi, title: Engineer, reports_to: a}\n"
                   "  - {id: yu, name: Yu, title: Engineer, reports_to: a}\n"
                   "  - {id: zo, name: Zo, title: Engineer, reports_to: b}\n")
#: The roles moved on an id, a -> b -> c, their reports with them.
MOVED_ON = (FOLLOWED.replace("id: b, vacant", "id: c, vacant")
            .replace("id: a, vacant", "id: b, vacant")
            .replace("reports_to: b}", "reports_to: c}")
            .replace("reports_to: a}", "reports_to: b}"))


def test_openings_whose_reports_followed_them_to_another_opening_s_id(tmp_path: Path) -> None:
    """The opening at b kept its title and manager, so b was one position still: it was
    a -> c, and Xi, Yu and Zo all moved."""
    assert _diff_text(tmp_path, FOLLOWED, MOVED_ON) == (
        "~ id changed      b (Open role): a -> b, Engineering Manager, reports to ann (Ann)\n"
        "~ id changed      c (Open role): b -> c, Engineering Manager, reports to ann (Ann)\n"
        "old.yaml -> new.yaml: 2 ids changed\n")
    assert _diff_text(tmp_path, MOVED_ON, FOLLOWED) == (
        "~ id changed      a (Open role): b -> a, Engineering Manager, reports to ann (Ann)\n"
        "~ id changed      b (Open role): c -> b, Engineering Manager, reports to ann (Ann)\n"
        "old.yaml -> new.yaml: 2 ids changed\n")


def test_an_opening_whose_reports_stayed_keeps_its_id(tmp_path: Path) -> None:
    """Zo stays with b, and a went to c with Xi and Yu: b is one position still, not also
    a -> b with Zo moved."""
    after = FOLLOWED.replace("id: a, vacant", "id: c, vacant").replace(
        "reports_to: a}", "reports_to: c}")
    assert _diff_text(tmp_path, FOLLOWED, after) == (
        "~ id changed      c (Open role): a -> c, Engineering Manager, reports to ann (Ann)\n"
        "old.yaml -> new.yaml: 1 id changed\n")


def test_an_opening_with_only_some_of_its_reports_there_does_not_take_an_id(
        tmp_path: Path) -> None:
    """Bo and Cy of p1's three reports are p7's now: taken as p1 -> p7 (and p7 -> p3),
    which held no better than p7 kept, it left Bo, Di and Ed added and p1 and p2 removed;
    as before, p1 -> p3 and Bo and Cy moved."""
    before = HEAD + ("  - {id: p1, vacant: true, title: Engineer}\n"
                     "  - {id: p7, vacant: true, title: Engineer}\n"
                     "  - {id: p3, name: Bo, title: Product Manager, reports_to: p1}\n"
                     "  - {id: p9, name: Cy, title: Product Manager, reports_to: p1}\n"
                     "  - {id: p2, vacant: true, title: Product Manager, reports_to: p1}\n")
    after = HEAD + ("  - {id: p7, vacant: true, title: Engineer}\n"
                    "  - {id: p3, vacant: true, title: Engineer}\n"
                    "  - {id: p5, name: Bo, title: Engineer, reports_to: p7}\n"
                    "  - {id: p9, name: Cy, title: Product Manager, reports_to: p7}\n"
                    "  - {id: p8, name: Di, title: Engineer, reports_to: p3}\n"
                    "  - {id: p0, name: Ed, title: Product Manager, reports_to: p3}\n")
    assert _diff_text(tmp_path, before, after) == (
        "+ added           p8 (Di): Engineer, reports to p3 (Open role)\n"
        "~ id changed      p3 (Open role): p1 -> p3, Engineer, a top\n"
        "~ id changed      p5 (Bo): p3 -> p5\n"
        "> moved           p5 (Bo): p1 (Open role) -> p7 (Open role)\n"
        "> moved           p9 (Cy): p1 (Open role) -> p7 (Open role)\n"
        "~ retitled        p5 (Bo): Product Manager -> Engineer\n"
        "* vacancy filled  p0 (Ed): Product Manager (the open position p2)\n"
        "old.yaml -> new.yaml: 1 added, 2 ids changed, 2 moved, 1 retitled, 1 vacancy "
        "filled\n")


def test_a_manager_s_id_someone_else_took_is_no_manager_kept(tmp_path: Path) -> None:
    """Person 1 took p4, the Engineer opening's id that Person 6 reported to, and Person 6
    went from p6 to p3: the Engineer opening now at p6, under p4, was read as Person 6's
    position left open (the same manager, p4, by id), and old p6 twice: as p6 -> p3 and as
    p6 moved, retitled and a vacancy opened that was Person 6's."""
    before = HEAD + ("  - {id: p1, name: Person 1, title: Product Manager}\n"
                     "  - {id: p4, vacant: true, title: Engineer, reports_to: p1}\n"
                     "  - {id: p3, vacant: true, title: Engineer, reports_to: p4}\n"
                     "  - {id: p6, name: Person 6, title: Product Manager, reports_to: p4}\n")
    after = HEAD + ("  - {id: p4, name: Person 1, title: Product Manager}\n"
                    "  - {id: p6, vacant: true, title: Engineer, reports_to: p4}\n"
                    "  - {id: p1, vacant: true, title: Engineer, reports_to: p6}\n"
                    "  - {id: p3, name: Person 6, title: Product Manager, reports_to: p6}\n")
    assert _diff_text(tmp_path, before, after) == (
        "- removed         p4 (Open role): Engineer, reports to p1 (Person 1)\n"
        "~ id changed      p4 (Person 1): p1 -> p4\n"
        "> moved           p6 (Open role): p4 (Open role) -> p4 (Person 1)\n"
        "> moved           p3 (Person 6): p4 (Open role) -> p6 (Open role)\n"
        "~ retitled        p6 (Open role): Product Manager -> Engineer\n"
        "~ retitled        p3 (Person 6): Engineer -> Product Manager\n"
        "o vacancy opened  p6 (Open role): Engineer (was Person 6), reports to p4 (Person 1)\n"
        "o vacancy opened  p1 (Open role): Engineer (a new position), reports to p6 (Open "
        "role)\n"
        "* vacancy filled  p3 (Person 6): Product Manager\n"
        "old.yaml -> new.yaml: 1 removed, 1 id changed, 2 moved, 2 retitled, 2 vacancies "
        "opened, 1 vacancy filled\n")


@pytest.mark.parametrize("depth", [10, 40])
def test_position_changes_rounds_look_again_only_where_pairings_changed(
        depth: int, monkeypatch: pytest.MonkeyPatch) -> None:
    """Openings `depth` deep, one under the other, all under new ids: a level is paired a
    round after the level above it (`depth` + 1 rounds). Each round read the title of every
    removed and added position again (quadratic in the depth); now a round reads only those
    the pairings of the round before touched: a few titles a level in all."""
    old = _org([(f"a{level}", None, f"Level {level}", f"a{level - 1}" if level > 1 else None)
                for level in range(1, depth + 1)])
    new = _org([(f"b{level}", None, f"Level {level}", f"b{level - 1}" if level > 1 else None)
                for level in range(1, depth + 1)])
    calls = {"titles read": 0, "rounds": 0}

    def counted_nfc(text: str | None) -> str:
        calls["titles read"] += 1
        return nfc(text)

    def counted_round(self: Any) -> dict[str, str]:
        calls["rounds"] += 1
        return followed_by_reports(self)

    followed_by_reports = pairing._PositionRounds.followed_by_reports
    monkeypatch.setattr(pairing, "nfc", counted_nfc)
    monkeypatch.setattr(pairing._PositionRounds, "followed_by_reports", counted_round)
    open_ids, filled, opened = position_changes(list(old.people), list(new.people), {},
                                                (old.reports, new.reports))
    assert open_ids == {f"a{level}": f"b{level}" for level in range(1, depth + 1)}
    assert filled == opened == {}
    assert calls["rounds"] == depth + 1
    assert calls["titles read"] <= 8 * depth


def test_position_changes_rounds_keep_only_the_positions_not_paired_yet() -> None:
    """Every id changed, all but one opening paired by name already: the rounds file and
    order the one opening left on each side, not the 1,000 paired (they read every removed
    and added position, twice a diff, for nothing), and the openings passed on order the
    openings alone."""
    old = _org([("a0", "Ann", "Engineer", None), ("a1", None, "Designer", "a0"),
                *((f"a{n}", f"Person {n}", "Engineer", "a0") for n in range(2, 1000))])
    new = _org([("b0", "Ann", "Engineer", None), ("b1", None, "Designer", "b0"),
                *((f"b{n}", f"Person {n}", "Engineer", "b0") for n in range(2, 1000))])
    known = {f"a{n}": f"b{n}" for n in range(1000) if n != 1}
    rounds = pairing._PositionRounds(list(old.people), list(new.people), known,
                                     (old.reports, new.reports))
    assert (list(rounds.old), list(rounds.new)) == (["a1"], ["b1"])
    assert (rounds.old_order, rounds.new_order) == ({"a1": 0}, {"b1": 0})
    kinds = pairing._OpeningKinds(old.by_id, new.by_id, known, (old.reports, new.reports))
    assert (kinds.old_order, kinds.new_order) == ({"a1": 0}, {"b1": 0})
    assert position_changes(list(old.people), list(new.people), known,
                            (old.reports, new.reports)) == ({"a1": "b1"}, {}, {})


def test_position_changes_rounds_file_the_positions_touching_each_kind_once(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """1,000 removed and 1,000 added Engineers under Ann, none paired: the rounds file
    them all, and touch each of the two kinds (Ann's Engineers before and after) once,
    not once a position; the kinds to look at are the same."""
    old = _org([(f"a{n}", f"Person {n}", "Engineer", "a0" if n else None) for n in range(1000)])
    new = _org([(f"b{n}", f"Person {n}", "Engineer", "b0" if n else None) for n in range(1000)])
    touched: list[tuple[int, bool, pairing.Kind]] = []
    touch = pairing._PositionRounds._touch

    def counted(self: pairing._PositionRounds, side: int, vacant: bool,
                kind: pairing.Kind) -> None:
        touched.append((side, vacant, kind))
        touch(self, side, vacant, kind)

    monkeypatch.setattr(pairing._PositionRounds, "_touch", counted)
    rounds = pairing._PositionRounds(list(old.people), list(new.people), {},
                                     (old.reports, new.reports))
    assert sum(map(len, rounds.gone.values())) == sum(map(len, rounds.came.values())) == 1000
    assert Counter(touched) == Counter([(0, False, ("Engineer", None)),
                                        (0, False, ("Engineer", "a0")),
                                        (1, False, ("Engineer", None)),
                                        (1, False, ("Engineer", "b0"))])
    assert rounds.touched == {(True, False): {("Engineer", None), ("Engineer", "b0")},
                              (False, True): {("Engineer", None), ("Engineer", "a0")},
                              (True, True): set()}


def test_a_report_s_id_someone_else_took_is_no_report_that_followed(tmp_path: Path) -> None:
    """Xi, the open Engineering Manager role's report, left, and Wu's id went from w to x,
    Xi's: Pat, one of two Engineering Managers hired under Ann, has Wu at x now. x was read
    as Xi still, who followed o1 to Pat (o1's vacancy filled by Pat); x is Wu, someone
    else, as `_followed` and `openings_followed` read it: no report followed, and two
    Engineering Managers under Ann fill no one opening."""
    before = HEAD + ("  - {id: a0, name: Ann, title: CEO}\n"
                     "  - {id: o1, vacant: true, title: Engineering Manager, reports_to: a0}\n"
                     "  - {id: x, name: Xi, title: Designer, reports_to: o1}\n"
                     "  - {id: w, name: Wu, title: Engineer, reports_to: a0}\n")
    after = HEAD + ("  - {id: a0, name: Ann, title: CEO}\n"
                    "  - {id: p1, name: Pat, title: Engineering Manager, reports_to: a0}\n"
                    "  - {id: q1, name: Quinn, title: Engineering Manager, reports_to: a0}\n"
                    "  - {id: x, name: Wu, title: Engineer, reports_to: p1}\n")
    assert _diff_text(tmp_path, before, after) == (
        "+ added           p1 (Pat): Engineering Manager, reports to a0 (Ann)\n"
        "+ added           q1 (Quinn): Engineering Manager, reports to a0 (Ann)\n"
        "- removed         o1 (Open role): Engineering Manager, reports to a0 (Ann)\n"
        "- removed         x (Xi): Designer, reports to o1 (Open role)\n"
        "~ id changed      x (Wu): w -> x\n"
        "> moved           x (Wu): a0 (Ann) -> p1 (Pat)\n"
        "old.yaml -> new.yaml: 2 added, 2 removed, 1 id changed, 1 moved\n")


def _every_position_every_round(removed: list[Person], added: list[Person],
                                known: dict[str, str], reports: pairing.Reports,
                                ) -> list[list[tuple[str, str]]]:
    """The pairings of `position_changes` (in order) as it found them before it kept its
    kinds: each round looking at every removed and added position again."""
    by_kind: dict[tuple[bool, bool], dict[str, str]] = {
        (True, True): {}, (True, False): {}, (False, True): {}}
    was_open = {person.id: person.vacant for person in removed}
    now_open = {person.id: person.vacant for person in added}
    paired = dict(known)
    while True:
        taken = set(paired.values())
        came: dict[pairing.Kind, list[Person]] = {}
        for person in added:
            if person.id not in taken and person.title and reports[1].get(person.id):
                came.setdefault((nfc(person.title), person.reports_to), []).append(person)
        followed: dict[str, str] = {}
        for before in removed:
            mine = reports[0].get(before.id)
            if before.id in paired or not before.title or not mine:
                continue
            ids = pairing._reports_now(mine, paired, taken)
            boss = before.reports_to
            for after in came.get((nfc(before.title), paired.get(boss or "", boss)), ()):
                if (before.vacant or after.vacant) and pairing.shares_most(
                        ids, set(reports[1][after.id])):
                    followed[before.id] = after.id
                    break
        for old_id, new_id in followed.items():
            by_kind[was_open[old_id], now_open[new_id]][old_id] = new_id
        paired.update(followed)
        more = bool(followed)
        for (open_before, open_after), found in by_kind.items():
            taken = set(paired.values())
            same = pairing._paired_by_kind(
                [((nfc(p.title), paired.get(p.reports_to or "", p.reports_to)), p)
                 for p in removed if p.vacant == open_before and p.id not in paired and p.title],
                [((nfc(p.title), p.reports_to), p)
                 for p in added if p.vacant == open_after and p.id not in taken],
                open_before and open_after, (reports, paired))
            found.update(same)
            paired.update(same)
            more = more or bool(same)
        if not more:
            return [list(by_kind[kind].items())
                    for kind in ((True, True), (True, False), (False, True))]


#: Old p1's reports p19 and p6: p19 is p11 a round after p4 -> p0, and p6 the new id of
#: p17 the round after; p1 (a kind of two removed) is then followed by its reports to p1.
_REPORT_ID_TAKEN_LATER = (
    _org([("p1", None, "D", None), ("p19", None, "M", "p1"), ("p4", None, "E", None),
          ("p17", None, "M", "p4"), ("p6", None, "E", "p1"), ("p8", None, "D", None),
          ("p5", None, "M", "p4")]),
    _org([("p1", None, "D", None), ("p11", None, "M", "p1"), ("p0", None, "E", None),
          ("p6", None, "M", "p0"), ("p5", None, "M", "p0")]))


#: p8 -> p6 in round one; p1, under p8, is one of a kind with p15 and p3 (under p6) then, and
#: followed by its report p10 to p3 in round two, then p10 under p1 is p10 under p3.
_MANAGER_PAIRED_FIRST = (
    _org([("p8", None, "M", None), ("p1", None, "D", "p8"), ("p10", None, "D", "p1")]),
    _org([("p6", None, "M", None), ("p15", None, "D", "p6"), ("p3", None, "D", "p6"),
          ("p10", None, "D", "p3")]))


@settings(max_examples=400, deadline=None)
@given(versions())
@example(_REPORT_ID_TAKEN_LATER)
@example(_MANAGER_PAIRED_FIRST)
def test_position_changes_rounds_find_what_every_position_every_round_found(
        pair: tuple[Org, Org]) -> None:
    """The same pairings, in the same order, as each round looking at every position, of
    the removed and added (the people's id changes known), and of every position of the
    two versions (ids of one in the other: a report's id paired or taken in a later round)."""
    old, new = pair
    reports = (old.reports, new.reports)
    removed = [p for pid, p in old.by_id.items() if pid not in new.by_id]
    added = [p for pid, p in new.by_id.items() if pid not in old.by_id]
    for gone, came, known in ((removed, added, id_changes(removed, added)),
                              (list(old.people), list(new.people), {})):
        found = position_changes(gone, came, dict(known), reports)
        assert [list(pairs.items()) for pairs in found] == _every_position_every_round(
            gone, came, known, reports)
