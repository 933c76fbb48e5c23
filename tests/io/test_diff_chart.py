"""The `orgviz diff -o` chart: a card with several kinds of change shows each in its accent."""

from __future__ import annotations

import re
from pathlib import Path

from click.testing import CliRunner

from orgviz.cli import main
from orgviz.diff import HIGHLIGHT, Change, changes_chart, diff_orgs, draw_changes
from orgviz.diff.draw import _card_note
from orgviz.loader import load
from orgviz.model import Org
from orgviz.render.themes import THEMES, open_accent

BEFORE = """\
orgviz: 1
org: {name: Acme}
people:
  - {id: dana, name: Dana, title: CEO}
  - {id: sam, name: Sam, title: Head of Product, reports_to: dana, team: product}
  - {id: lee, name: Lee, title: PM, reports_to: sam, team: product}
  - {id: kim, name: Kim, title: Engineer, reports_to: dana}
  - {id: bob, name: Bob, title: Designer, reports_to: sam}
  - {id: open-x, title: Designer, vacant: true, reports_to: sam}
  - {id: tom, name: Tom, title: Analyst, reports_to: sam, location: Oslo}
"""
AFTER = """\
orgviz: 1
org: {name: Acme}
people:
  - {id: dana, name: Dana, title: CEO}
  - {id: sam, name: Sam, title: VP of Product, reports_to: dana, team: product}
  - {id: lee, name: Lee, title: Senior PM, reports_to: dana, team: product}
  - {id: kim, title: Engineer, vacant: true, reports_to: sam}
  - {id: bob, name: Bob, title: Designer, reports_to: sam}
  - {id: open-x, name: Ana, title: Designer, reports_to: sam, team: design}
  - {id: tom, name: Tom, title: Data Analyst, reports_to: dana, location: Bergen}
  - {id: mo, name: Mo, title: Designer, reports_to: sam}
"""
MOVED, RETITLED = HIGHLIGHT["moved"], HIGHLIGHT["retitled"]
ADDED, OPENED, OTHER = HIGHLIGHT["added"], HIGHLIGHT["opened"], HIGHLIGHT["changed"]


def _orgs(tmp_path: Path) -> tuple[Org, Org]:
    (tmp_path / "old.yaml").write_text(BEFORE, encoding="utf-8")
    (tmp_path / "new.yaml").write_text(AFTER, encoding="utf-8")
    return load(str(tmp_path / "old.yaml")), load(str(tmp_path / "new.yaml"))


def _svg(tmp_path: Path, reverse: bool = False) -> str:
    old, new = _orgs(tmp_path)
    changes = diff_orgs(old, new)
    if reverse:
        changes.reverse()
    return draw_changes(new, changes, "old.yaml", old=old).decode("utf-8")


def _card(svg: str, name: str) -> str:
    """The SVG of the card whose tooltip starts with `name`."""
    match = re.search(rf'<g transform="[^"]*"><title>{re.escape(name)} — .*?</g>', svg)
    assert match, name
    return match.group(0)


def _bands(card: str) -> list[tuple[str, str]]:
    """The (d, fill) of each accent band path of a card, left to right."""
    return re.findall(r'<path d="(M[^"]*)" fill="(#[0-9A-F]{6})"', card)


def test_a_card_with_two_kinds_of_change_has_both_colors_in_its_accent(
        tmp_path: Path) -> None:
    svg = _svg(tmp_path)
    lee = _card(svg, "Lee")  # moved and retitled
    assert [fill for _d, fill in _bands(lee)] == [MOVED, RETITLED]  # (legend order)
    assert ">moved from Sam · was PM</text>" in lee  # (the words, not only the colors)
    [(left, _), (right, _)] = _bands(lee)
    assert left.startswith("M0.29 5A7 7 0 0 1 7 0H97V5Z")  # the rounded corner, then half
    assert right == "M99 0H189A7 7 0 0 1 195.71 5H99Z"  # a gap, half, the other corner
    tom = _card(svg, "Tom")  # moved, retitled and another change: three segments
    assert [fill for _d, fill in _bands(tom)] == [MOVED, RETITLED, OTHER]
    assert ">moved · retitled · changed: location</text>" in tom
    ana = _card(svg, "Ana")  # a vacancy filled and re-teamed
    assert [fill for _d, fill in _bands(ana)] == [ADDED, RETITLED]
    assert ">vacancy filled · team was (none)</text>" in ana


def test_an_open_roles_change_colors_are_as_strong_as_the_key_shows_them(
        tmp_path: Path) -> None:
    """A diff chart's accents mark changes, so an open role's are not faded (they were at
    55%: 'vacancy opened' read paler on the card than in the key); a team-colored render
    still fades an open role's team color (the post is not filled)."""
    kim = _card(_svg(tmp_path), "Open role")  # Kim left; the position moved under Sam
    assert [fill for _d, fill in _bands(kim)] == [OPENED, MOVED]
    assert "fill-opacity" not in kim
    assert ">vacancy opened, was Kim · moved</text>" in kim  # (in full it would not fit)
    drawn = tmp_path / "render.svg"
    result = CliRunner().invoke(main, ["render", str(tmp_path / "new.yaml"), "-o", str(drawn),
                                       "--color-by", "level"])
    assert result.exit_code == 0, result.output
    faded = {open_accent(THEMES["light"], color): color
             for color in THEMES["light"].level_colors}
    [(_d, fill)] = _bands(_card(drawn.read_text(encoding="utf-8"), "Open role"))
    assert fill in faded and fill != faded[fill]  # (a level color, paler)


def test_single_kind_cards_are_as_before(tmp_path: Path) -> None:
    """One band the width of the card, as `orgviz render` draws a team color; unchanged
    cards have none."""
    svg = _svg(tmp_path)
    whole = "M0.29 5A7 7 0 0 1 7 0H189A7 7 0 0 1 195.71 5Z"
    assert _bands(_card(svg, "Sam")) == [(whole, RETITLED)]
    assert ">was Head of Product</text>" in _card(svg, "Sam")
    assert _bands(_card(svg, "Mo")) == [(whole, ADDED)]
    assert _bands(_card(svg, "Bob")) == [] and _bands(_card(svg, "Dana")) == []
    drawn = tmp_path / "render.svg"
    result = CliRunner().invoke(main, ["render", str(tmp_path / "new.yaml"), "-o", str(drawn)])
    assert result.exit_code == 0, result.output
    assert f'<path d="{whole}" fill=' in drawn.read_text(encoding="utf-8")


def test_the_card_keeps_its_first_color_and_the_legend_has_every_segments_entry(
        tmp_path: Path) -> None:
    from orgviz.render.themes import get_theme

    old, new = _orgs(tmp_path)
    chart = changes_chart(new, diff_orgs(old, new), "old.yaml", get_theme("light", None), old)
    cards = chart.by_id
    assert (cards["lee"].color, cards["lee"].accents) == (MOVED, (MOVED, RETITLED))
    assert (cards["sam"].color, cards["sam"].accents) == (RETITLED, ())
    assert (cards["bob"].color, cards["bob"].accents) == (None, ())
    assert [label for label, _color in chart.legend] == [
        "added or vacancy filled", "vacancy opened", "moved (new manager)",
        "retitled, re-teamed, renamed or id changed", "other change"]


def test_the_drawing_is_deterministic(tmp_path: Path) -> None:
    first = _svg(tmp_path)
    assert _svg(tmp_path) == first
    assert _svg(tmp_path, reverse=True) == first  # (whatever order the changes come in)


def test_the_note_names_every_change_in_a_word_when_in_full_they_would_not_fit() -> None:
    from orgviz.diff import Change

    moved = Change(kind="moved", id="x", name="X", old="marisol", new="tomas")
    retitled = Change(kind="retitled", id="x", name="X", old="Product Manager, Notifications",
                      new="Senior Product Manager, Notifications")
    other = Change(kind="changed", id="x", name="X", old="Oslo", new="Bergen", field="location")
    names = {"marisol": "Marisol Ortega"}
    assert _card_note([moved, retitled], names) == "moved from Marisol Ortega · retitled"
    assert _card_note([moved, retitled, other], names) == "moved · retitled · changed: location"
    assert _card_note([other], names) == "changed: location"  # (one change: as before)
    unlinked = Change(kind="unlinked", id="x", name="X", reports_to="marisol")
    assert _card_note([unlinked], names) == "manager Marisol Ortega missing"  # (in full: cut)
    assert _card_note([unlinked], {"marisol": "Al"}) == "manager Al not in this version"
    assert _card_note([unlinked, moved], names) == "manager Marisol Ortega missing · moved"


def test_who_left_is_named_on_the_card_of_the_vacancy_they_left() -> None:
    """The card said "vacancy opened" alone, and the chart named them nowhere."""
    from orgviz.diff import Change

    left = Change(kind="opened", id="pm2", name="Open role", previous_holder="Pam Two",
                  new_position=False)
    assert _card_note([left], {}) == "vacancy opened, was Pam Two"
    backfill = Change(kind="opened", id="req-77", name="Open role", old="jo", new="req-77",
                      field="id", previous_holder="Jo Jay", new_position=False)
    assert _card_note([backfill], {}) == "vacancy opened, was Jo Jay"
    retitled = Change(kind="retitled", id="pm2", name="Open role", old="PM", new="Senior PM",
                      field="title")
    assert _card_note([left, retitled], {}) == "vacancy opened, was Pam Two · retitled"
    long = Change(kind="opened", id="pm2", name="Open role", new_position=False,
                  previous_holder="Maximilian Featherstone-Haugh")
    assert _card_note([long, retitled], {}) == (
        "opened, was Maximilian Featherstone-Haugh · retitled")  # (cut at the card's edge)
    new = Change(kind="opened", id="x", name="Open role", new_position=True)
    assert _card_note([new], {}) == "new open role"


def test_a_removed_open_role_is_named_by_its_title_in_the_subtitle(tmp_path: Path) -> None:
    """It was "removed: Open role"."""
    head = "orgviz: 1\norg: {name: Acme}\npeople:\n  - {id: ceo, name: Ann, title: CEO}\n"
    before = head + ("  - {id: req2, title: Designer, reports_to: ceo, vacant: true}\n"
                     "  - {id: req3, reports_to: ceo, vacant: true}\n"
                     "  - {id: bob, name: Bob, title: Engineer, reports_to: ceo}\n")
    (tmp_path / "old.yaml").write_text(before, encoding="utf-8")
    (tmp_path / "new.yaml").write_text(head, encoding="utf-8")
    old, new = load(str(tmp_path / "old.yaml")), load(str(tmp_path / "new.yaml"))
    from orgviz.render.themes import get_theme

    chart = changes_chart(new, diff_orgs(old, new), "old.yaml", get_theme("light", None), old)
    assert chart.subtitle == ("Changes since old.yaml: 3 removed · removed: Designer (open "
                              "role), Open role, Bob")


def test_a_vacancy_filled_under_another_title_says_what_it_was_open_as(
        tmp_path: Path) -> None:
    """Al, a Designer whose id went from r to q, took the open Engineer role q: the card
    said "vacancy filled" alone (its title line says Designer), where the text says
    "Designer (was open as Engineer)". In full when it fits; else "was open as" (the
    accent says filled), the title whole before the other changes' words."""
    from orgviz.diff import Change

    head = "orgviz: 1\norg: {name: Acme}\npeople:\n  - {id: ann, name: Ann, title: CEO}\n"
    before = head + ("  - {id: q, vacant: true, title: Engineer, reports_to: ann}\n"
                     "  - {id: r, name: Al, title: Designer, reports_to: ann}\n")
    after = head + "  - {id: q, name: Al, title: Designer, reports_to: ann}\n"
    (tmp_path / "old.yaml").write_text(before, encoding="utf-8")
    (tmp_path / "new.yaml").write_text(after, encoding="utf-8")
    old, new = load(str(tmp_path / "old.yaml")), load(str(tmp_path / "new.yaml"))
    svg = draw_changes(new, diff_orgs(old, new), "old.yaml", old=old).decode("utf-8")
    al = _card(svg, "Al")
    assert [fill for _d, fill in _bands(al)] == [ADDED, RETITLED]  # (and its id changed)
    assert ">was open as Engineer · id was r</text>" in al  # (in full it would not fit)
    filled = Change(kind="filled", id="q", name="Al", old="Engineer", new="Designer",
                    field="title", title="Designer")
    assert _card_note([filled], {}) == "vacancy filled, was open as Engineer"
    longer = Change(kind="filled", id="q", name="Al", old="Senior Software Engineer",
                    new="Designer", field="title", title="Designer")
    assert _card_note([longer], {}) == "was open as Senior Software Engineer"
    moved = Change(kind="moved", id="q", name="Al", old="ann", new="bo")
    assert _card_note([longer, moved], {"ann": "Ann"}) == (
        "was open as Senior Software Engineer")  # (with "· moved" it would not fit)
    same = Change(kind="filled", id="q", name="Al", title="Designer")
    assert _card_note([same], {}) == "vacancy filled"


def _filled(open_as: str, *more: str, old_id: str = "r") -> list[Change]:
    """The changes of Al, a Designer who took the vacancy q open as `open_as`, and `more`:
    "id" (Al's id was `old_id`), "retitled", "moved" (from Ann)."""
    from orgviz.diff import Change

    own = [Change(kind="filled", id="q", name="Al", old=open_as, new="Designer",
                  field="title", title="Designer")]
    also = {"id": Change(kind="idchanged", id="q", name="Al", old=old_id, new="q", field="id"),
            "retitled": Change(kind="retitled", id="q", name="Al", old="Engineer",
                               new="Designer", field="title"),
            "moved": Change(kind="moved", id="q", name="Al", old="ann", new="bo")}
    return own + [also[kind] for kind in more]


def test_a_filled_vacancys_note_keeps_the_title_it_was_open_as_whole() -> None:
    """The note was cut at the card's edge, mid-word ("was open as Account Executive,
    Healt…"), or after a whole title ("was open as Software Engineer, Web…", " · new id"
    cut), and its old id said only "new id" where it used to say "id was pedro-alvarez".
    The title stays whole, with the old id when there is room, the id change in a word
    when only that fits, left out when even that does not; a title too long for the line
    is shortened at a word boundary."""
    names = {"ann": "Ann"}
    assert _card_note(_filled("Engineer", "id"), names) == "was open as Engineer · id was r"
    assert _card_note(_filled("Engineer", "id", old_id="pedro-alvarez"), names) == (
        "was open as Engineer · new id")
    assert _card_note(_filled("Software Engineer, Web", "id", old_id="pedro-alvarez"),
                      names) == "was open as Software Engineer, Web"
    assert _card_note(_filled("Dev", "moved"), names) == "was open as Dev · moved from Ann"
    assert _card_note(_filled("Designer", "moved"), names) == "was open as Designer · moved"
    assert _card_note(_filled("Designer", "retitled", "id"), names) == (
        "was open as Designer · retitled · new id")
    assert _card_note(_filled("Designer", "moved", "retitled", "id"), names) == (
        "was open as Designer · moved · retitled")  # (amber has its word: retitled)
    assert _card_note(_filled("Product Designer, Clinic Operations", "id"), names) == (
        "was open as Product Designer, Clinic…")
    assert _card_note(_filled("Account Executive, Health Systems", "retitled", "id"),
                      names) == "was open as Account Executive…"  # (not "Health…": too wide)
    same = [*_filled("Engineer", "id", old_id="pedro-alvarez")[1:],
            Change(kind="filled", id="q", name="Al", title="Designer")]
    assert _card_note(same, names) == "vacancy filled · id was pedro-alvarez"  # (as before)


def test_a_filled_vacancys_card_draws_its_note_uncut(tmp_path: Path) -> None:
    """Drawn, the notes of the mid-size org's three filled vacancies: none cut mid-word."""
    head = "orgviz: 1\norg: {name: Acme}\npeople:\n  - {id: ann, name: Ann, title: CEO}\n"
    before = head + (
        '  - {id: web, vacant: true, title: "Software Engineer, Web", reports_to: ann}\n'
        '  - {id: ae, vacant: true, title: "Account Executive, Health Systems", '
        "reports_to: ann}\n"
        "  - {id: pedro-alvarez, name: Pedro, title: Software Engineer, reports_to: ann}\n"
        "  - {id: jo, name: Jo, title: Account Executive, reports_to: ann}\n")
    after = head + ("  - {id: web, name: Pedro, title: Software Engineer, reports_to: ann}\n"
                    "  - {id: ae, name: Jo, title: Senior Account Executive, reports_to: ann}\n")
    (tmp_path / "old.yaml").write_text(before, encoding="utf-8")
    (tmp_path / "new.yaml").write_text(after, encoding="utf-8")
    old, new = load(str(tmp_path / "old.yaml")), load(str(tmp_path / "new.yaml"))
    svg = draw_changes(new, diff_orgs(old, new), "old.yaml", old=old).decode("utf-8")
    assert ">was open as Software Engineer, Web</text>" in _card(svg, "Pedro")
    assert ">was open as Account Executive…</text>" in _card(svg, "Jo")


def test_a_shortened_note_is_said_in_full_in_the_cards_tooltip(tmp_path: Path) -> None:
    """A note shortened to fit its card ("was open as Account Executive…") was its card's
    tooltip too: the rest of the title, and the changes said in a word or left out ("id was
    jo"), could be read nowhere on the chart."""
    head = "orgviz: 1\norg: {name: Acme}\npeople:\n  - {id: ann, name: Ann, title: CEO}\n"
    before = head + ('  - {id: ae, vacant: true, title: "Account Executive, Health Systems", '
                     "reports_to: ann}\n"
                     "  - {id: jo, name: Jo, title: Account Executive, reports_to: ann}\n"
                     "  - {id: bo, name: Bo, title: Designer, reports_to: ann}\n")
    after = head + ("  - {id: ae, name: Jo, title: Senior Account Executive, reports_to: ann}\n"
                    "  - {id: bo, name: Bo, title: Lead Designer, reports_to: ann}\n")
    (tmp_path / "old.yaml").write_text(before, encoding="utf-8")
    (tmp_path / "new.yaml").write_text(after, encoding="utf-8")
    old, new = load(str(tmp_path / "old.yaml")), load(str(tmp_path / "new.yaml"))
    svg = draw_changes(new, diff_orgs(old, new), "old.yaml", old=old).decode("utf-8")
    jo = _card(svg, "Jo")
    assert ("<title>Jo — Senior Account Executive — vacancy filled, was open as Account "
            "Executive, Health Systems · was Account Executive · id was jo</title>") in jo
    assert ">was open as Account Executive…</text>" in jo
    assert "<title>Bo — Lead Designer — was Designer</title>" in _card(svg, "Bo")  # (whole)
