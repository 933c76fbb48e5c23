"""The chart to draw: cards, reporting lines, level rows and colors, after views and rollups.

Every layout draws the same `Chart`; it is built once from an org and the view options
(`--root`, `--team`, `--depth`, `--color-by`).
"""

from __future__ import annotations

import shlex
import weakref
from bisect import bisect_right
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from types import MappingProxyType
from typing import NamedTuple

from orgviz.errors import RenderError
from orgviz.fte import titled
from orgviz.model import Org, Person
from orgviz.problem import Problem, did_you_mean, name_hint, person_hint
from orgviz.render.labels import clean, verify_color
from orgviz.render.teamcolors import Meetings, least_met
from orgviz.render.themes import Theme, spread

#: Level bands, most senior first: the rows of the chart. Senior ICs, ICs and associates
#: share one row so that a team's members sit side by side under their manager.
BANDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("CEO", ("ceo",)),
    ("C-level", ("c-level",)),
    ("SVP / EVP", ("svp",)),
    ("VP", ("vp",)),
    ("Head", ("head",)),
    ("Director", ("director",)),
    ("Manager / Lead", ("manager",)),
    ("Supervisor", ("supervisor",)),
    ("Individual contributors", ("senior-ic", "ic", "associate")),
)
BAND_OF_LEVEL = {level: index for index, (_, levels) in enumerate(BANDS) for level in levels}

COLOR_BY = ("team", "level", "none")
MAX_LEGEND = 24
#: Paper: what a legend says when teams of different colors share a team gray.
GRAYS_REPEAT = "grays repeat: each card names its team"


class Card(NamedTuple):
    """One box of the chart: a person, an open role or a rollup of a collapsed subtree."""

    id: str  # a person id; a rollup's id is "+" and its manager's id
    kind: str  # "person", "open", "rollup" or "continued" (see View)
    name: str  # first line, bold ("Open role" for a vacancy, "+37 people" for a rollup)
    title: str = ""
    team: str = ""
    band: int | None = None  # index into BANDS, None when the level is unknown
    row: int = 0  # the level row (0 = top row of this chart)
    color: str | None = None  # accent color, None for no accent
    manager: str | None = None  # the card above on a solid line, None for a root
    assistant: bool = False  # drawn beside its manager, off the tree
    broken: bool = False  # the person fails validation (--force)
    broken_line: bool = False  # the solid line to the manager fails validation (--force)
    detail: str = ""  # rollups: "4 open roles"; continued cards: their note
    hidden_people: int = 0  # rollups and continued cards: people this card stands for
    hidden_open: int = 0  # rollups and continued cards: open roles this card stands for
    # Several accent colors (a diff card with several kinds of change): the accent band is
    # split into equal segments of these, left to right; `color` is the first of them.
    accents: tuple[str, ...] = ()
    #: The team line's text in full for the tooltip, where `team` is a shortened note (a
    #: diff card's changes); "" for `team` itself.
    tip: str = ""


_new_tuple = tuple.__new__


def _new_card(id_: str, kind: str, name: str, title: str, team: str, band: int | None,
              row: int, color: str | None, manager: str | None, assistant: bool, broken: bool,
              broken_line: bool) -> Card:
    """`Card(...)` with these fields, without the keyword handling of its `__new__`."""
    return _new_tuple(Card, (id_, kind, name, title, team, band, row, color, manager,
                             assistant, broken, broken_line, "", 0, 0, (), ""))


class Link(NamedTuple):
    """A line that is not part of the solid tree: a dotted-line report or a broken line."""

    manager: str
    report: str
    kind: str = "dotted"  # "dotted" or "broken" (a cycle's closing line, --force)


@dataclass(frozen=True)
class Chart:
    """Everything a layout and a drawing need, in a stable order."""

    title: str
    subtitle: str
    cards: tuple[Card, ...]  # depth-first from the roots, reports in file order
    links: tuple[Link, ...] = ()  # the lines to draw: both ends are cards of the chart
    rows: tuple[str, ...] = ()  # label of each level row; "" for a row without a level
    legend: tuple[tuple[str, str], ...] = ()  # (label, color)
    legend_title: str = ""
    legend_more: int = 0  # teams of the chart left out of the legend (past MAX_LEGEND)
    color_by: str = "team"
    direction: str = "TB"
    notes: tuple[str, ...] = field(default=(), compare=False)
    stack_rows: int | None = None  # stack leaf reports at most this deep (None: layout's own)
    #: A manager's assistants side by side at most (further lines below; None: the layouts'
    #: own, ASSISTANTS_ACROSS): a slide too narrow for a block three wide lists them in fewer.
    assistants_across: int | None = None
    #: What the cards' dotted-line notes say: every dotted line of the whole org with a
    #: person's card of this chart at one end or both, in file order of the reports, drawn
    #: or not (the other end may be outside the view, in a rollup, on another slide).
    #: None: the notes follow `links` (a chart made by hand).
    noted: tuple[Link, ...] | None = None
    #: (id, name) of the people at the far end of `noted` lines who have no card here, named
    #: as a note names them (`note_name`).
    far_names: tuple[tuple[str, str], ...] = ()

    @cached_property
    def by_id(self) -> dict[str, Card]:
        """Cards by id."""
        return {card.id: card for card in self.cards}

    @cached_property
    def reports(self) -> dict[str, list[str]]:
        """Card id -> ids of the cards below it on the solid tree (assistants excluded)."""
        result: dict[str, list[str]] = {card.id: [] for card in self.cards}
        for card in self.cards:
            if card.manager is not None and not card.assistant:
                result[card.manager].append(card.id)
        return result

    @cached_property
    def assistants(self) -> dict[str, list[str]]:
        """Card id -> ids of its assistants."""
        result: dict[str, list[str]] = {card.id: [] for card in self.cards}
        for card in self.cards:
            if card.manager is not None and card.assistant:
                result[card.manager].append(card.id)
        return result

    @cached_property
    def roots(self) -> list[str]:
        """Cards without a manager, in order."""
        return [card.id for card in self.cards if card.manager is None]


class Moved(NamedTuple):
    """Reports of `manager` (with everyone below them) drawn on another page.

    One card under the manager stands for them, with `note` as its last line ("continued
    on slide 9"). `manager` None: `reports` are tops of the chart, and the card is a top.
    """

    manager: str | None
    reports: frozenset[str]
    note: str


class View(NamedTuple):
    """Which part of the org to draw and how to color it.

    For charts that are pages of a larger whole (slide decks), a view can also cut the
    tree: `continued` people are drawn as "continued" cards (a pile, with the note such as
    "+12 people · slide 7" as their last line) and everyone below them is left out; `moved`
    reports go to one card per manager.
    """

    root: str | None = None
    team: str | None = None
    depth: int | None = None
    color_by: str = "team"
    direction: str = "TB"
    continued: Mapping[str, str] = MappingProxyType({})  # person id -> note
    moved: tuple[Moved, ...] = ()
    stack_rows: int | None = None  # stack leaf reports at most this many rows deep
    #: A part of an org drawn with team colors spread over the palette (`_view_colors`);
    #: False: the org's own, as the whole org's chart has them (the slides of one deck).
    spread_colors: bool = True


# --- the tree --------------------------------------------------------------------------------

def _managers(org: Org) -> tuple[dict[str, str | None], list[tuple[str, str]]]:
    """Each person's solid-line manager, with cycles cut; returns the cut lines too.

    A cycle is cut above its member that comes first in the file, which becomes a root.
    """
    people = org.by_id
    manager: dict[str, str | None] = {}
    for pid, person in people.items():
        boss = person.reports_to
        manager[pid] = boss if boss in people and boss != pid else None
    order = {pid: index for index, pid in enumerate(people)}
    state: dict[str, int] = {}  # 1 = on the current path, 2 = done
    cut: list[tuple[str, str]] = []
    for start in people:
        path: list[str] = []
        node: str | None = start
        while node is not None and state.get(node) is None:
            state[node] = 1
            path.append(node)
            node = manager[node]
        if node is not None and state.get(node) == 1:  # a cycle: node .. end of path
            cycle = path[path.index(node):]
            first = min(cycle, key=order.__getitem__)
            cut.append((manager[first], first))  # type: ignore[arg-type]  # in a cycle: a manager
            manager[first] = None
        for member in path:
            state[member] = 2
    return manager, cut


def _team_members(org: Org, team_id: str) -> set[str]:
    """The team and all teams nested under it."""
    children: dict[str, list[str]] = {}
    for team in org.teams_by_id.values():
        if team.parent is not None:
            children.setdefault(team.parent, []).append(team.id)
    found, todo = set(), [team_id]
    while todo:
        current = todo.pop()
        if current not in found:
            found.add(current)
            todo.extend(children.get(current, ()))
    return found


def _broken(org: Org, problems: Sequence[Problem]) -> tuple[set[str], set[str]]:
    """People whose card or whose solid reporting line has a validation error."""
    cards: set[str] = set()
    lines: set[str] = set()
    errors = [p for p in problems if p.level == "error"]
    if not errors:
        return cards, lines
    people = sorted(org.by_id.values(), key=lambda p: (p.loc.file, p.loc.line, p.loc.col))
    by_field = {}
    for person in people:
        for name in ("reports_to", "dotted_to"):
            loc = person.at(name)
            if loc is not person.loc:
                by_field[(loc.file, loc.line, loc.col)] = (person.id, name)
    by_file: dict[str, tuple[list[tuple[int, int]], list[str]]] = {}
    for person in people:
        starts, ids = by_file.setdefault(person.loc.file, ([], []))
        starts.append((person.loc.line, person.loc.col))
        ids.append(person.id)
    for problem in errors:
        hit = by_field.get((problem.file, problem.line, problem.col))
        if hit is not None and hit[1] == "reports_to":
            lines.add(hit[0])
            continue
        # the last person of the problem's file starting at or before it (a search, not a
        # scan: an org with an error per person would be people x errors)
        starts, ids = by_file.get(problem.file, ([], []))
        at = bisect_right(starts, (problem.line, problem.col))
        if at:
            cards.add(ids[at - 1])
    return cards, lines


def _dotted_lines(org: Org, manager: Mapping[str, str | None]
                  ) -> tuple[list[Link], dict[str, list[int]]]:
    """The org's dotted lines in file order of the reports (each to a known person other
    than the report and its solid-line manager, once), and each person's lines by index."""
    people = org.by_id
    lines: list[Link] = []
    at: dict[str, list[int]] = {}
    for pid, person in people.items():
        seen: set[str] = set()
        for boss in person.dotted_to:
            if boss in people and boss != pid and boss != manager[pid] and boss not in seen:
                seen.add(boss)
                at.setdefault(pid, []).append(len(lines))
                at.setdefault(boss, []).append(len(lines))
                lines.append(Link(boss, pid, "dotted"))
    return lines, at


def note_name(vacant: bool, name: str, title: str) -> str:
    """How a dotted-line note names a person: by name, an open role by its title."""
    if vacant:
        return f"open role: {title}" if title else "an open role"
    return name


# --- building --------------------------------------------------------------------------------

def _row_labels(cards: list[Card], rollup_levels: Mapping[str, int]) -> tuple[str, ...]:
    """The level label of each row: a row is labelled only when it is true of every card
    there and it is the first row of their level: a card pushed below its level's row (by
    a manager of its level or a more junior one, or under such a card) counts as no level.
    A Director under a Director sits a row lower, among managers, an individual contributor
    under another in a row below theirs; a root without a known level sits in the top row:
    such a row has no label rather than a wrong one, or a second row of one level's.
    Assistants (beside their manager) do not count; a rollup counts as the level of its
    most senior people (`rollup_levels`)."""
    band_of = {card.id: card.band for card in cards}
    counted: list[tuple[int, int | None]] = []  # (row, level) of each card that counts
    found: dict[int, set[int | None]] = {}
    for card in cards:
        found.setdefault(card.row, set())
        if card.kind in ("person", "open") and not card.assistant:
            band = card.band
            above = band_of.get(card.manager) if card.manager is not None else None
            pushed = band is not None and above is not None and above >= band
            counted.append((card.row, None if pushed else band))
        elif card.id in rollup_levels:
            counted.append((card.row, rollup_levels[card.id]))
    first: dict[int, int] = {}  # level -> its first row
    for row, band in counted:
        if band is not None and row < first.get(band, row + 1):
            first[band] = row
    for row, band in counted:
        found[row].add(band if band is not None and first[band] == row else None)
    labels = []
    for row in range(max(found, default=-1) + 1):
        bands = found.get(row, set())
        band = next(iter(bands)) if len(bands) == 1 else None
        labels.append(BANDS[band][0] if band is not None else "")
    return tuple(labels)


def _team_hint(word: str, known: set[str], people: Mapping[str, Person]) -> str:
    """"; did you mean 'x'?", the team ids holding the word ("payments" names three), or
    that the word is a person's id (for --root)."""
    if word in people:
        return f"; '{word}' is a person: --root {shlex.quote(word)} draws their part of the org"
    folded = word.casefold().strip()
    if not folded:  # (every id holds the empty word)
        return ""
    holding = sorted(t for t in known if folded in t.casefold())
    if len(holding) > 1:
        shown = ", ".join(f"'{t}'" for t in holding[:6])
        more = f" and {len(holding) - 6} more" if len(holding) > 6 else ""
        return f"; teams with '{word}' in their id: {shown}{more}"
    return did_you_mean(word, sorted(known))


def _plural(count: int, word: str, plural: str | None = None) -> str:
    return f"{count:,} {word if count == 1 else (plural or word + 's')}"


class _TeamColors(NamedTuple):
    """The org's team colors for one palette, and how they were picked."""

    colors: dict[str, str]  # team id -> accent color
    free: list[str]  # the palette colors no team names as its own, in order
    picked: frozenset[str]  # the teams that took a color of `free`


class _Shared:
    """What every view of one org needs: the solid tree (managers with cycles cut, the cut
    lines, reports), file positions and team colors. Kept while the org lives (a deck
    draws hundreds of views of one org); read only."""

    def __init__(self, org: Org) -> None:
        self.manager, self.cut = _managers(org)
        self.children: dict[str, list[str]] = {pid: [] for pid in org.by_id}
        for pid, boss in self.manager.items():
            if boss is not None:
                self.children[boss].append(pid)
        self.position = {pid: index for index, pid in enumerate(org.by_id)}
        self.dotted, self.dotted_at = _dotted_lines(org, self.manager)
        # Assistants (with a manager and no reports of their own) sit beside the manager.
        self.assistants = {pid for pid, person in org.by_id.items() if person.assistant
                           and self.manager[pid] is not None and not self.children[pid]}
        # palette -> (team colors, the palette colors handed out, teams that took one)
        self.colors: dict[tuple[str, ...], _TeamColors] = {}
        # (palette, team grays) -> the org's team colors turned gray (`_org_grayed`)
        self.grays: dict[tuple[tuple[str, ...], tuple[str, ...]], dict[str, str]] = {}
        # What counts of filled cards say: positions when some card has an `fte` (it may
        # stand for a part-time post or for grouped posts), else people.
        self.filled = (("position", "positions") if any(p.fte is not None for p in org.people)
                       else ("person", "people"))
        # The broken cards and lines of the last problems asked about, with those problems:
        # every view of a deck asks with the same ones (compared item by item, each the
        # same object: a pointer compare).
        self.broken: tuple[tuple[Problem, ...], tuple[frozenset[str], frozenset[str]]] | None
        self.broken = None

    def broken_of(self, org: Org, problems: Sequence[Problem]
                  ) -> tuple[frozenset[str], frozenset[str]]:
        """`_broken` of the org and these problems, worked out once while they are asked."""
        asked = tuple(problems)
        if self.broken is None or self.broken[0] != asked:
            cards, lines = _broken(org, asked)
            self.broken = (asked, (frozenset(cards), frozenset(lines)))
        return self.broken[1]


_SHARED: weakref.WeakKeyDictionary[Org, _Shared] = weakref.WeakKeyDictionary()


def _grays(colors: dict[str, str], teams: Collection[str],
           ramp: tuple[str, ...]) -> dict[str, str]:
    """`colors` with those of `teams` turned into grays of `ramp`: their distinct colors, in
    team order, take grays as far apart as the ramp allows (`spread`), teams of one color
    one gray; past the ramp's length the grays repeat."""
    order = [tid for tid in colors if tid in teams]  # team order
    distinct = list(dict.fromkeys(colors[tid].lower() for tid in order))
    grays = dict(zip(distinct, spread(ramp, len(distinct)), strict=True))
    result = dict(colors)
    result.update((tid, grays[colors[tid].lower()]) for tid in order)
    return result


def _grays_repeat(colors: dict[str, str], grays: dict[str, str], teams: Iterable[str]) -> bool:
    """Whether two of `teams` of different `colors` share a gray in `grays`."""
    color_of: dict[str, str] = {}
    for tid in teams:
        if color_of.setdefault(grays[tid].lower(), colors[tid].lower()) != colors[tid].lower():
            return True
    return False


def _shared(org: Org) -> _Shared:
    found = _SHARED.get(org)
    if found is None:
        found = _SHARED[org] = _Shared(org)
    return found


class _Builder:
    def __init__(self, org: Org, view: View, theme: Theme, problems: Sequence[Problem]):
        self.org, self.view, self.theme = org, view, theme
        self.shared = _shared(org)
        self.manager, self.cut, self.children = (self.shared.manager, self.shared.cut,
                                                 self.shared.children)
        self.people = org.by_id
        self.broken_cards, self.broken_lines = self.shared.broken_of(org, problems)
        self.notes: list[str] = []
        self.moved: dict[str | None, list[tuple[Moved, int, int]]] = {}
        self.standing: dict[str, tuple[int, int]] = {}
        self.assistants = self.shared.assistants
        self.team_names: dict[str | None, str] = {}
        self.band_cache: dict[tuple[str, ...], int | None] = {}
        self.gray_repeats = False  # paper: more team colors on the cards than team grays

    def is_assistant(self, pid: str) -> bool:
        """Assistants (with a manager and no reports of their own) sit beside the manager."""
        return pid in self.assistants

    def band_of(self, person: Person) -> int | None:
        """The index into BANDS of a person's level, None when unknown."""
        roles = person.roles
        try:
            return self.band_cache[roles]
        except KeyError:
            band = self.band_cache[roles] = BAND_OF_LEVEL.get(self.org.level(person) or "")
            return band

    # views
    def included(self) -> tuple[list[str], set[str]]:
        """The view's roots and the people it shows (before --depth)."""
        view = self.view
        if view.root is not None:
            if view.root not in self.people:
                hint = person_hint(self.org, view.root, "--root", "--team")
                raise RenderError(f"{self.org.file}: no person with id '{view.root}' (--root)"
                                  f"{hint}")
            roots = [view.root]
        else:
            roots = [pid for pid, boss in self.manager.items() if boss is None]
        shown: set[str] = set()
        for root in roots:
            todo = [root]
            while todo:
                current = todo.pop()
                shown.add(current)
                todo.extend(self.children[current])
        if view.team is not None:
            known = set(self.org.teams_by_id) | {p.team for p in self.people.values() if p.team}
            if view.team not in known:
                hint = name_hint(self.org.team_ids_named(view.team), "--team") or \
                    _team_hint(view.team, known, self.people)
                raise RenderError(f"{self.org.file}: no team with id '{view.team}' (--team)"
                                  f"{hint}")
            teams = _team_members(self.org, view.team)
            keep: set[str] = set()
            for pid in shown:
                if self.people[pid].team in teams:
                    node: str | None = pid
                    while node is not None and node not in keep:
                        keep.add(node)
                        node = None if node in roots else self.manager[node]
            shown = keep
            roots = [root for root in roots if root in shown]
            if not shown:
                raise RenderError(f"{self.org.file}: team '{view.team}' has nobody in this "
                                  f"view")
        return roots, shown

    def build(self) -> Chart:
        roots, shown = self.included()
        depth_limit = self.view.depth
        if depth_limit is not None and depth_limit < 1:
            raise RenderError(f"depth (--depth) must be at least 1, not {depth_limit}")
        roots, shown = self._cut(roots, shown)
        # (person id, depth, end): `end` marks the end of a manager's reports, where the
        # cards of its moved reports go.
        order: list[tuple[str, int, bool]] = []
        todo = [(root, 0, False) for root in reversed(roots)]
        moved, children, assistants = self.moved, self.children, self.assistants
        while todo:
            pid, depth, end = todo.pop()
            order.append((pid, depth, end))
            if end:
                continue
            if pid in moved:
                todo.append((pid, depth, True))
            kids = [k for k in children[pid] if k in shown]
            if kids:
                todo.extend([(kid, depth if kid in assistants else depth + 1, False)
                             for kid in reversed(kids)])
        bands = self._bands(pid for pid, _, end in order if not end)
        org_colors = self._team_colors()
        colors = org_colors.colors
        cards: list[Card] = []
        rows: dict[str, int] = {}
        kept: set[str] = set()
        tops = set(roots)
        manager, people, band_of, card_of = self.manager, self.people, self.band_of, self._card
        lone: set[str] = set()  # below the cut, but drawn: a rollup would stand for them alone
        rollup_levels: dict[str, int] = {}  # rollups that label their row: their level
        cut_off: set[str] = set()  # the trees whose top's own line is broken (`_cut_off`)
        for pid, depth, end in order:
            if end:
                if pid in kept:
                    cards.extend(self._moved_cards(pid, rows))
                continue
            if depth_limit is not None and depth >= depth_limit and pid not in lone:
                continue
            if pid in tops:
                boss = None
            else:
                boss = manager[pid]
                if boss not in kept:
                    continue
            kept.add(pid)
            if depth_limit is not None and (boss in cut_off
                                            or (boss is None and self._cut_off(pid))):
                cut_off.add(pid)
            person = people[pid]
            band = band_of(person)
            home = bands.get(band, 0) if band is not None else 0
            if boss is None:
                row = home
            elif pid in assistants:
                row = rows[boss]
            else:
                row = rows[boss] + 1
                if home > row:
                    row = home
            rows[pid] = row
            cards.append(card_of(person, boss, band, row, colors))
            if depth_limit is not None and depth == depth_limit - 1:
                hidden = [k for k in children[pid] if k in shown and k not in assistants]
                if self._alone(hidden, shown) and pid not in cut_off:
                    lone.add(hidden[0])
                elif hidden:
                    row, level = self._rollup_row(hidden, bands, rows[pid] + 1, band)
                    cards.append(self._rollup(pid, hidden, shown, row))
                    if level is not None:
                        rollup_levels[cards[-1].id] = level
        if None in self.moved:
            cards.extend(self._moved_cards(None, rows))
        if self.view.color_by == "team" and self.view.spread_colors:
            colors = self._recolored(cards, org_colors)
            if self.theme.team_grays:
                colors = self._grayed(cards, colors)
        elif self.view.color_by == "team" and self.theme.team_grays:
            colors = self._org_grayed(cards, org_colors.colors)
        links, noted, far_names = self._links(kept)
        rows_labels = _row_labels(cards, rollup_levels)
        legend, legend_title = self._legend(cards, colors)
        return Chart(
            title=clean(self.org.name) or "Org chart", subtitle=self._subtitle(cards),
            cards=tuple(cards), links=tuple(links), rows=rows_labels, legend=legend[:MAX_LEGEND],
            legend_title=legend_title, legend_more=max(len(legend) - MAX_LEGEND, 0),
            color_by=self.view.color_by,
            direction=self.view.direction, notes=tuple(self.notes),
            stack_rows=self.view.stack_rows, noted=noted, far_names=far_names,
        )

    # pages of a larger chart: continued people, moved reports --------------------------------
    def _below(self, pid: str, shown: set[str]) -> list[str]:
        """Everyone under `pid` (assistants included) that the view shows."""
        found: list[str] = []
        todo = [k for k in self.children[pid] if k in shown]
        while todo:
            current = todo.pop()
            found.append(current)
            todo.extend(k for k in self.children[current] if k in shown)
        return found

    def _count(self, pids: Iterable[str]) -> tuple[int, int]:
        """(people, open roles) among `pids`."""
        people = open_roles = 0
        for pid in pids:
            if self.people[pid].vacant:
                open_roles += 1
            else:
                people += 1
        return people, open_roles

    def _cut(self, roots: list[str], shown: set[str]) -> tuple[list[str], set[str]]:
        """Apply the view's `moved` and `continued` cuts; remember what each card stands for."""
        view = self.view
        self.moved, self.standing = {}, {}  # continued person -> (people, open roles)
        tops = set(roots) if view.moved else set()  # (a deck moves hundreds of tops)
        for moved in view.moved:
            boss = moved.manager
            if boss is not None and boss not in shown:
                continue
            gone: list[str] = []
            for pid in sorted(moved.reports):
                if pid in shown and ((pid in tops) if boss is None
                                     else self.manager.get(pid) == boss):
                    gone += [pid, *self._below(pid, shown)]
            if gone:
                shown = shown - set(gone)
                people, open_roles = self._count(gone)
                self.moved.setdefault(boss, []).append((moved, people, open_roles))
        roots = [root for root in roots if root in shown]
        for pid in view.continued:
            if pid in shown:
                below = self._below(pid, shown)
                shown = shown - set(below)
                self.standing[pid] = self._count([pid, *below])
        return roots, shown

    def _moved_cards(self, boss: str | None, rows: dict[str, int]) -> list[Card]:
        """One card per `Moved` entry of a manager (or of the tops), after its reports."""
        cards = []
        for index, (moved, people, open_roles) in enumerate(self.moved.get(boss, ())):
            if people:
                name = "+" + _plural(people, *self.shared.filled)
                title = _plural(open_roles, "open role") if open_roles else ""
            else:
                name, title = "+" + _plural(open_roles, "open role"), ""
            if boss is None:
                row = 0
            else:
                below = [rows[k] for k in self.children[boss] if k in rows]
                row = max([rows[boss] + 1, *below])
            cards.append(Card(id=f"+{boss or ''}#{index}", kind="continued", name=name,
                              title=title, row=row, manager=boss, detail=clean(moved.note),
                              hidden_people=people, hidden_open=open_roles))
        return cards

    def _bands(self, pids: Iterable[str]) -> dict[int, int]:
        """Band index -> row, for the bands present (empty bands take no row)."""
        present = set()
        people = self.people
        for pid in pids:
            band = self.band_of(people[pid])
            if band is not None:
                present.add(band)
        return {band: row for row, band in enumerate(sorted(present))}

    def _team_colors(self) -> _TeamColors:
        """Team id -> accent color: its own, its parent team's, or the next palette color."""
        palette = self.theme.palette
        found = self.shared.colors.get(palette)
        if found is None:
            found = self.shared.colors[palette] = self._pick_colors(palette)
        return found

    def _recolored(self, cards: list[Card], org_colors: _TeamColors) -> dict[str, str]:
        """The view's team colors (`_view_colors`), set on the `cards` in place."""
        colors = self._view_colors(cards, org_colors)
        if colors is not org_colors.colors:
            self._paint(cards, colors)
        return colors

    def _paint(self, cards: list[Card], colors: dict[str, str]) -> None:
        """Set each team card's accent to its team's color in `colors`, in place."""
        people = self.people
        for index, card in enumerate(cards):
            person = people.get(card.id)
            if person is not None and person.team and card.color is not None \
                    and card.color != colors[person.team]:
                cards[index] = card._replace(color=colors[person.team])

    def _grayed(self, cards: list[Card], colors: dict[str, str]) -> dict[str, str]:
        """Paper: the cards' team colors turned into the theme's team grays, set on the
        `cards` in place. The distinct colors of the teams on the cards, in team order, take
        grays as far apart as the ramp allows (`spread`): teams of one color share a gray,
        and past the ramp's length the grays repeat (`gray_repeats`: each card names its
        team, and the legend says so)."""
        result = _grays(colors, self._teams_on(cards), self.theme.team_grays)
        self.gray_repeats = _grays_repeat(colors, result, self._teams_on(cards))
        self._paint(cards, result)
        return result

    def _org_grayed(self, cards: list[Card], colors: dict[str, str]) -> dict[str, str]:
        """Paper, a part drawn in the org's team colors (a deck's slide): the grays of the
        teams anyone in the org is in, spread as `_grayed` spreads a chart's (worked out
        once per org, so a team's gray is the same on every slide), set on the `cards` in
        place; `gray_repeats` when two teams on the cards of different colors share one."""
        ramp = self.theme.team_grays
        key = (self.theme.palette, ramp)
        result = self.shared.grays.get(key)
        if result is None:
            staffed = {person.team for person in self.people.values() if person.team}
            result = self.shared.grays[key] = _grays(colors, staffed, ramp)
        self.gray_repeats = _grays_repeat(colors, result, self._teams_on(cards))
        self._paint(cards, result)
        return result

    def _teams_on(self, cards: list[Card]) -> set[str]:
        """The teams of the people on the cards."""
        people = self.people
        return {person.team for card in cards
                if (person := people.get(card.id)) is not None and person.team}

    def _view_colors(self, cards: list[Card], org_colors: _TeamColors) -> dict[str, str]:
        """The team colors of this view, spread over the palette. Teams with a color of
        their own (or of a parent team) keep it. The N others on the cards use the palette's
        first N free colors, which are the farthest apart (a part of an org of 40 teams
        showed three purples of the palette's 20 colors): a team keeps its org color when
        that is one of them and no team before it (in team order) has it, so a chart of the
        whole org and views of its first teams keep their colors; each other team takes the
        first free color no team on the cards has, nor its parent team. A view of more
        teams than free colors repeats them, as the org does."""
        colors, free, picked = org_colors
        people = self.people
        shown = {person.team for card in cards
                 if (person := people.get(card.id)) is not None and person.team}
        if len(shown) < 2:
            return colors
        in_view = [tid for tid in colors if tid in shown]  # team order
        palette_teams = [tid for tid in in_view if tid in picked]
        first = {color.lower() for color in free[:len(palette_teams)]}
        taken = {colors[tid].lower() for tid in in_view if tid not in picked}
        moving = []
        for tid in palette_teams:
            color = colors[tid].lower()
            if color in first and color not in taken:
                taken.add(color)
            else:
                moving.append(tid)
        if not moving:
            return colors
        result = dict(colors)
        teams = self.org.teams_by_id
        for tid in moving:
            team = teams.get(tid)
            parent = (result.get(team.parent, "").lower() if team is not None
                      and team.parent else "")
            choice = next((c for c in free if c.lower() not in taken
                           and c.lower() != parent), None)
            if choice is not None:
                result[tid] = choice
                taken.add(choice.lower())
        return result

    def _pick_colors(self, palette: tuple[str, ...]) -> _TeamColors:
        """Teams without a color of their own (or of a parent team) that someone is in take
        the palette's colors in team order, skipping those that other teams name as their
        own (a team nobody is in shows on no card: it takes none, so that the first colors,
        the farthest apart, go to teams drawn). Past the palette's end a team takes the color
        the teams it meets on a chart wear least, the next in order of those (teams a
        manager's chart draws together wear others where the palette allows: see
        teamcolors.py), never the parent team's color."""
        teams = self.org.teams_by_id
        ids = dict.fromkeys(teams)
        members = set()
        for person in self.people.values():
            if person.team:
                members.add(person.team)
                if person.team not in ids:
                    ids[person.team] = None
        own: dict[str, str | None] = {}
        for tid in ids:
            seen, node, color = set(), teams.get(tid), None
            while node is not None and node.id not in seen:
                seen.add(node.id)
                if node.color is not None:
                    color = verify_color(node.color, "")
                    if color:
                        break
                    color = None
                node = teams.get(node.parent) if node.parent else None
            own[tid] = color
        taken = {color.lower() for color in own.values() if color}
        free = [color for color in palette if color.lower() not in taken] or list(palette)
        result: dict[str, str] = {tid: color for tid, color in own.items() if color}
        meets: Meetings | None = None
        used = 0
        for tid, color in own.items():
            if color is not None or tid not in members:
                continue
            if used < len(free):  # (the palette's colors, each once)
                color = free[used]
            else:  # (past its end: a color the teams this one meets wear least)
                if meets is None:
                    meets = Meetings(self.children, {pid: person.team for pid, person
                                                     in self.people.items()})
                    for other, worn in result.items():
                        meets.wear(other, worn)
                team = teams.get(tid)
                parent = result.get(team.parent) if team is not None and team.parent else None
                color = least_met(free, used, meets.met(tid, result), parent)
                meets.wear(tid, color)
            used += 1
            result[tid] = color
        result = {tid: result[tid] for tid in own if tid in result}  # (team order)
        picked = frozenset(tid for tid, color in own.items() if color is None)
        return _TeamColors(result, free, picked)

    def _accent(self, person: Person, band: int | None, colors: dict[str, str]) -> str | None:
        by = self.view.color_by
        if by == "team" and person.team:
            return colors.get(person.team)
        if by == "level" and band is not None:
            return self.theme.level_colors[band % len(self.theme.level_colors)]
        return None

    def _team_name(self, team_id: str | None) -> str:
        found = self.team_names.get(team_id)
        if found is None:
            if not team_id:
                found = ""
            else:
                team = self.org.teams_by_id.get(team_id)
                found = clean(team.display_name if team else team_id)
            self.team_names[team_id] = found
        return found

    def _card(self, person: Person, boss: str | None, band: int | None, row: int,
              colors: dict[str, str]) -> Card:
        vacant = person.vacant
        pid = person.id
        card = _new_card(
            pid, "open" if vacant else "person",
            clean(person.display_name) if not vacant else "Open role",
            _card_title(person),
            self._team_name(person.team), band, row, self._accent(person, band, colors), boss,
            pid in self.assistants,
            # A broken reporting line that cannot be drawn (an unknown manager, a cycle cut
            # here) marks the card itself.
            pid in self.broken_cards or (pid in self.broken_lines and boss is None),
            pid in self.broken_lines and boss is not None,
        )
        if person.id in self.standing:  # view.continued: the card stands for a whole team
            people, open_roles = self.standing[person.id]
            card = card._replace(kind="continued", detail=clean(self.view.continued[person.id]),
                           hidden_people=people, hidden_open=open_roles)
        return card

    def _cut_off(self, pid: str) -> bool:
        """Whether a top of the chart is one because its own reporting line is broken (its
        manager unknown, itself, or cut out of a cycle; `--force` draws it), not the org's
        top or the view's root: at --depth its tree collapses as the depth says, lone reports
        included (drawn, such a report stood a row further down, more of the broken tree than
        the depth shows of the org's own; in a cycle, on the line that closes it)."""
        return self.people[pid].reports_to is not None and pid != self.view.root

    def _alone(self, hidden: list[str], shown: set[str]) -> bool:
        """Whether the reports a rollup would hold are one card with nobody below it: a
        rollup of one ("+1 person", "+1 open role") says less than that card, in its space."""
        return len(hidden) == 1 and not any(k in shown for k in self.children[hidden[0]])

    def _rollup_row(self, hidden: list[str], bands: dict[int, int], below: int,
                    boss_band: int | None) -> tuple[int, int | None]:
        """Where a rollup of `hidden` reports stands: the level row of the most senior of them
        (as their own cards would), at least `below` (the row under their manager, whose
        level is `boss_band`); and that level (index into BANDS) when it labels the row
        (see `_row_labels`: not under a manager of that level or a more junior one)."""
        people = self.people
        known = [band for pid in hidden if (band := self.band_of(people[pid])) is not None]
        if not known:
            return below, None
        top = min(known)
        pushed = boss_band is not None and boss_band >= top
        return max(below, bands[top]), None if pushed else top

    def _rollup(self, pid: str, hidden: list[str], shown: set[str], row: int) -> Card:
        people = open_roles = 0
        todo = list(hidden)
        while todo:
            current = todo.pop()
            if self.people[current].vacant:
                open_roles += 1
            else:
                people += 1
            todo.extend(k for k in self.children[current] if k in shown)
        if people:
            name = "+" + _plural(people, *self.shared.filled)
            detail = _plural(open_roles, "open role") if open_roles else ""
        else:
            name, detail = "+" + _plural(open_roles, "open role"), ""
        return Card(id="+" + pid, kind="rollup", name=name, detail=detail, row=row,
                    manager=pid, color=None, hidden_people=people, hidden_open=open_roles)

    def _links(self, kept: set[str]) -> tuple[list[Link], tuple[Link, ...],
                                               tuple[tuple[str, str], ...]]:
        """The lines to draw (dotted and broken, both ends kept), the dotted lines the cards'
        notes name (of the whole org, with a kept end) and the names of their far ends."""
        dotted, at = self.shared.dotted, self.shared.dotted_at
        if len(kept) < len(dotted):
            indexes: Iterable[int] = sorted({i for pid in kept for i in at.get(pid, ())})
        else:
            indexes = range(len(dotted))
        noted = [line for i in indexes
                 if (line := dotted[i]).manager in kept or line.report in kept]
        links = [line for line in noted if line.manager in kept and line.report in kept]
        far: dict[str, str] = {}
        for line in noted:
            for pid in (line.manager, line.report):
                if pid not in kept and pid not in far:
                    person = self.people[pid]
                    far[pid] = note_name(person.vacant, clean(person.display_name),
                                         _card_title(person))
        for boss, pid in self.cut:
            if boss in kept and pid in kept and Link(boss, pid, "broken") not in links \
                    and not self._broken_back(boss, pid):
                links.append(Link(boss, pid, "broken"))
        return links, tuple(noted), tuple(far.items())

    def _broken_back(self, boss: str, pid: str) -> bool:
        """Whether the tree's line between the two ends of a cycle's closing line (from
        `pid` down to `boss`: a cycle of two) is drawn broken itself: then it is the one
        red line between the two cards (both were drawn, side by side, alike), and `pid`'s
        card, its own line cut, is marked broken."""
        return self.manager.get(boss) == pid and boss in self.broken_lines

    def _legend(self, cards: list[Card],
                colors: dict[str, str]) -> tuple[tuple[tuple[str, str], ...], str]:
        by = self.view.color_by
        if by == "team":
            present = []
            for card in cards:
                person = self.people.get(card.id)
                if card.kind != "rollup" and person is not None and person.team:
                    present.append(person.team)
            seen = set(present)
            order = [tid for tid in colors if tid in seen]
            entries = [(self._team_name(tid), colors[tid]) for tid in order]
            if self.gray_repeats:  # (the swatches cannot tell all teams apart: no pretending)
                return tuple(entries), f"Teams ({GRAYS_REPEAT})"
            return tuple(entries), "Teams"
        if by == "level":
            bands = sorted({card.band for card in cards if card.band is not None})
            colors_ = self.theme.level_colors
            return tuple((BANDS[b][0], colors_[b % len(colors_)]) for b in bands), "Levels"
        return (), ""

    def _subtitle(self, cards: list[Card]) -> str:
        team = self.view.team
        if team is not None:  # the team's own, apart from the managers shown above them
            teams = _team_members(self.org, team)
            above = [c for c in cards if c.kind in ("person", "open")
                     and self.people[c.id].team not in teams]
            cards = [c for c in cards if c not in above]
        people = sum(c.hidden_people + (c.kind == "person") for c in cards)
        open_roles = sum(c.hidden_open + (c.kind == "open") for c in cards)
        parts = [_plural(people, *self.shared.filled)]
        if open_roles:
            parts.append(_plural(open_roles, "open role"))
        if team is not None:
            name = clean(self.org.teams_by_id[team].display_name
                         if team in self.org.teams_by_id else team)
            parts[0] = f"{name}: {parts[0]}"
            if above:
                parts.append(f"{_plural(len(above), 'manager')} above shown")
        if self.org.date:
            parts.append(clean(self.org.date))
        return " · ".join(parts)


def build_chart(org: Org, view: View | None = None, theme: Theme | None = None,
                problems: Sequence[Problem] = ()) -> Chart:
    """The chart of `org` for a view; `problems` mark broken cards and lines (--force)."""
    from orgviz.render.themes import THEMES

    view = view or View()
    if view.color_by not in COLOR_BY:
        raise RenderError(f"unknown color_by (--color-by) {view.color_by!r}: use one of "
                          f"{', '.join(COLOR_BY)}")
    if view.direction not in ("TB", "LR"):
        from orgviz.render.pipeline import DIRECTIONS, unknown_choice

        raise RenderError(unknown_choice("direction", view.direction, DIRECTIONS))
    return _Builder(org, view, theme or THEMES["light"], problems).build()


def _card_title(person: Person) -> str:
    """A card's title line: the title (an open role's name when it has none), and the FTE
    of a position that is not one full-time post: "Economist (2.5 FTE)"."""
    return titled(clean(person.title) or (clean(person.name) if person.vacant else ""),
                  person.fte)
