"""Drawing the new version of an org with its changes highlighted."""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from orgviz.diff.change import ORG_KINDS, TEAM_KINDS, Change, show_value
from orgviz.diff.report import people_names, said, summary, team_names

if TYPE_CHECKING:
    from orgviz.model import Org
    from orgviz.render.chart import Chart
    from orgviz.render.themes import Theme

#: Accent color of a changed card by its kind of change; unchanged cards have no accent, so
#: the changes stand out. Moved is violet: the charts draw dotted lines blue.
HIGHLIGHT = {"unlinked": "#C92A2A", "opened": "#E8590C", "added": "#2E9E44",
             "filled": "#2E9E44", "moved": "#7048E8", "retitled": "#C98A00",
             "reteamed": "#C98A00", "renamed": "#C98A00", "idchanged": "#C98A00",
             "changed": "#8A8F98"}
#: The legend's entries, in order, and the kinds each stands for (they share its color). A
#: card with changes of several entries has its accent band split into equal segments, one
#: per entry, in this order; its note line names each of them, in the same order.
_LEGEND = (("manager missing", ("unlinked",)),
           ("added or vacancy filled", ("added", "filled")), ("vacancy opened", ("opened",)),
           ("moved (new manager)", ("moved",)),
           ("retitled, re-teamed, renamed or id changed",
            ("retitled", "reteamed", "renamed", "idchanged")),
           ("other change", ("changed",)))
#: What a filled vacancy's note says before the title it was open as.
OPEN_AS = "was open as "
#: Removed people named in the subtitle; more are counted.
MAX_REMOVED_SHOWN = 8


class NotePart(NamedTuple):
    """One change as a card's note says it: in full and in a word or two."""

    full: str
    short: str
    #: Said whole or shortened only at a word boundary, before the other changes are said
    #: in fewer words or left out (the title a filled vacancy was open as).
    whole: bool = False


def _note_parts(own: list[Change], names: dict[str, str],
                teams: dict[str, str] | None = None,
                old_names: dict[str, str] | None = None) -> list[NotePart]:
    """What changed, each in full and in a word or two, in the legend's order (`teams`:
    team names by id; `old_names`: people's names in the old version, for a manager
    before, else `names`)."""
    kinds = {c.kind: c for c in own}
    was = names if old_names is None else old_names
    parts: list[NotePart] = []
    if "unlinked" in kinds:
        boss = kinds["unlinked"].reports_to or ""
        who = names.get(boss, boss)
        full = f"manager {who} not in this version"
        if kinds["unlinked"].field == "reports_to":  # (moved to the missing manager)
            full = f"moved from {_name(kinds['unlinked'], was)} to {who}, not in this version"
        parts.append(NotePart(full, f"manager {who} missing"))
    if "added" in kinds:
        parts.append(NotePart("new", "new"))
    elif "filled" in kinds:
        filled = kinds["filled"]
        if filled.field == "title":  # (open for another title than its holder's: say which)
            open_as = filled.old or "(no title)"
            parts.append(NotePart(f"vacancy filled, {OPEN_AS}{open_as}", OPEN_AS + open_as,
                                  whole=True))
        else:
            parts.append(NotePart("vacancy filled", "vacancy filled"))
    elif "opened" in kinds:
        opened = kinds["opened"]
        if opened.new_position or not opened.previous_holder:  # (no one held it: no name)
            word = "new open role" if opened.new_position else "vacancy opened"
            parts.append(NotePart(word, word))
        else:  # (who left: the chart's only place for them)
            parts.append(NotePart(f"vacancy opened, was {opened.previous_holder}",
                                  f"opened, was {opened.previous_holder}"))
    if "moved" in kinds:
        old = kinds["moved"].old
        parts.append(NotePart(f"moved from {_name(kinds['moved'], was)}" if old else "moved",
                              "moved"))
    if "retitled" in kinds:
        parts.append(NotePart(f"was {show_value(kinds['retitled'].old)}", "retitled"))
    if "reteamed" in kinds:
        parts.append(NotePart(f"team was {_name(kinds['reteamed'], teams or {})}",
                              "re-teamed"))
    if "renamed" in kinds:
        parts.append(NotePart(f"was {show_value(kinds['renamed'].old)}", "renamed"))
    if "idchanged" in kinds:
        parts.append(NotePart(f"id was {kinds['idchanged'].old}", "new id"))
    if "changed" in kinds:
        fields = ", ".join(sorted({c.field or "" for c in own if c.kind == "changed"}))
        parts.append(NotePart(f"changed: {fields}", f"changed: {fields}"))
    return parts


def _name(change: Change, names: dict[str, str]) -> str:
    """The name of what a change's old id named, as the change gives it (in the old
    version), else by `names`, else the id (alone when it named no one there)."""
    if change.old in (change.old_missing or ()):
        return show_value(change.old)
    if isinstance(change.old_name, str):
        return change.old_name
    return names.get(change.old, show_value(change.old))


def _note_fits(note: str) -> bool:
    """Whether a note line fits a card without being cut short."""
    from orgviz.render.cards import PAD_X, TEAM_SIZE, WIDTH
    from orgviz.render.labels import text_width

    return text_width(note, TEAM_SIZE) <= WIDTH - 2 * PAD_X


def _card_note(own: list[Change], names: dict[str, str],
               teams: dict[str, str] | None = None,
               old_names: dict[str, str] | None = None) -> str:
    """The line a changed card shows instead of its team: what changed.

    Every change is named, so that each segment of a split accent band has its word: all
    in full when they fit the card; else the first in full and the others in a word; else
    all in a word (cut short at the card's edge if even that is too long). But a note that
    starts with the title a filled vacancy was open as keeps that title whole first: it is
    said in fewer words ("was open as Engineer · id was r"), then the others in a word,
    then the last of them left out, down to the title alone; a title too long for the line
    even alone is shortened at a word boundary ("was open as Product Designer, Clinic…")."""
    parts = _note_parts(own, names, teams, old_names)
    if not parts:
        return ""
    for note in _note_choices(parts):
        if _note_fits(note):
            return note
    if parts[0].whole:
        return _cut_at_word(parts[0].short, least=len(OPEN_AS.split()) + 1)
    return " · ".join(part.short for part in parts)


def _note_choices(parts: list[NotePart]) -> list[str]:
    """The notes that say `parts`, most said first (`_card_note`)."""
    first, rest = parts[0], parts[1:]
    fulls, shorts = [part.full for part in rest], [part.short for part in rest]
    if not first.whole:
        choices = [[first.full, *fulls], [first.full, *shorts], [first.short, *shorts]]
    else:  # (the title whole first: "vacancy filled" is what its accent says already)
        choices = [[first.full, *fulls], [first.short, *fulls],
                   *([first.short, *shorts[:count]] for count in range(len(rest), -1, -1))]
    return [" · ".join(words) for words in choices]


def _cut_at_word(note: str, least: int) -> str:
    """`note` shortened at a word boundary, with "…", to fit a card, keeping at least its
    first `least` words (else cut at the card's edge)."""
    words = note.split(" ")
    for count in range(len(words) - 1, least - 1, -1):
        cut = " ".join(words[:count]).rstrip(",;:·-–—") + "…"
        if _note_fits(cut):
            return cut
    return note


def _accents(own: list[Change]) -> tuple[str, ...]:
    """The accent colors of a card with these changes: one per legend entry, in its order."""
    kinds = {c.kind for c in own}
    return tuple(HIGHLIGHT[group[0]] for _label, group in _LEGEND if kinds.intersection(group))


def changes_chart(new: Org, changes: list[Change], old_name: str, theme: Theme,
                  old: Org | None = None) -> Chart:
    """The chart of the new org with each changed card accented by its changes and noted
    (people are named as in the new org, else as in `old`).

    A card with changes of one legend entry has that entry's accent color; with changes of
    several, its accent band is split into one segment of each color, in legend order."""
    from dataclasses import replace

    from orgviz.render.chart import View, build_chart

    chart = build_chart(new, View(color_by="none"), theme)
    own: dict[str, list[Change]] = {}
    for change in changes:
        if change.kind not in TEAM_KINDS and change.kind not in ORG_KINDS:
            # (a team's id, "org" or a rule's may be a person's too)
            own.setdefault(change.id, []).append(change)
    names = people_names(old or new, new)
    old_names = people_names(new, old or new)  # (a manager before: their name then)
    teams = team_names(new, old or new)  # (a re-teamed person's team before: its old name)
    cards = []
    present: set[str] = set()  # the accent colors shown
    for card in chart.cards:
        mine = own.get(card.id) if card.kind in ("person", "open") else None
        if mine:
            accents = _accents(mine)
            present.update(accents)
            note = _card_note(mine, names, teams, old_names)
            in_full = " · ".join(part.full for part in _note_parts(mine, names, teams, old_names))
            cards.append(card._replace(color=accents[0], team=note,
                                       accents=accents if len(accents) > 1 else (),
                                       tip=in_full if in_full != note else ""))
        else:
            cards.append(card._replace(color=None))
    legend = tuple((label, HIGHLIGHT[kinds[0]]) for label, kinds in _LEGEND
                   if HIGHLIGHT[kinds[0]] in present)
    subtitle = f"Changes since {old_name}: {said(summary(changes))}"
    removed = [_removed_said(c, old) for c in changes if c.kind == "removed"]
    teams_said = _teams_said(changes)
    for label, items in (("removed", removed), ("teams", teams_said)):
        if items:  # (what no card shows)
            listed = ", ".join(items[:MAX_REMOVED_SHOWN])
            more = len(items) - MAX_REMOVED_SHOWN
            subtitle += f" · {label}: {listed}" + (f" and {more:,} more" if more > 0 else "")
    return replace(chart, cards=tuple(cards), legend=legend, legend_title="Changes",
                   subtitle=subtitle)


def _removed_said(change: Change, old: Org | None) -> str:
    """A removed position as the chart's subtitle names it: a person by name, an open role
    by its title ("Designer (open role)")."""
    person = old.by_id.get(change.id) if old is not None else None
    if person is None or not person.vacant or person.name:
        return change.name
    return f"{change.title} (open role)" if change.title else change.name


def _teams_said(changes: list[Change]) -> list[str]:
    """The teams' changes the chart's subtitle names, as no card shows them: "Data added",
    "Ops removed", "Engineering renamed Platform Engineering", a team whose id changed as
    a card says a person's, "Product (id was prod)", or "Engineering renamed Platform (id
    was eng)" when it was renamed too."""
    ids = {c.id: c.old for c in changes if c.kind == "team-idchanged"}
    renamed = {c.id for c in changes if c.kind == "team-renamed"}
    said: list[str] = []
    for change in changes:
        was = f" (id was {ids[change.id]})" if change.id in ids else ""
        if change.kind == "team-renamed":
            said.append(f"{show_value(change.old)} renamed {show_value(change.new)}{was}")
        elif change.kind == "team-idchanged" and change.id not in renamed:
            said.append(f"{change.name}{was}")
        elif change.kind in ("team-added", "team-removed"):
            said.append(f"{change.name} {change.kind.removeprefix('team-')}")
    return said


def draw_changes(new: Org, changes: list[Change], old_name: str, fmt: str = "svg",
                 notes: list[str] | None = None, old: Org | None = None) -> bytes:
    """The new org drawn with its changes highlighted, as SVG, PNG, PDF or pinned DOT.

    Drawn like `orgviz render` (tidy layout, orgviz's own SVG), so it needs no Graphviz and
    looks the same with either engine. `notes` gets what the drawing had to change (a PNG
    scaled down to fit, say); without it, that is a Python warning.
    """
    from orgviz.render.pipeline import draw_chart
    from orgviz.render.themes import get_theme

    theme = get_theme("light", None)
    return draw_chart(changes_chart(new, changes, old_name, theme, old), theme, fmt,
                      purpose="diff", notes=notes)
